"""Accessibility with axe-core (npm axe-core, injected into the page): no serious or critical
violation on the home page, a document, a theme page and the search results."""

from __future__ import annotations

import itertools
import json

import pytest

from conftest import ROOT, search_for

AXE = ROOT / ".cache" / "node" / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page) -> list[dict]:
    if not AXE.is_file():
        pytest.fail(f"{AXE} missing: run `make test` (it installs axe-core)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def describe(violations: list[dict]) -> str:
    return json.dumps([{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"][:3]]}
                       for v in violations], ensure_ascii=False)


@pytest.mark.parametrize("path", ["", "documents/digital-nippon-2024/4/", "documents/ai-strategy-council-3-2025/",
                                  "themes/", "themes/dfft/", "timeline/"])
def test_no_serious_violations(browser, server, path):
    page = browser.new_page()
    page.goto(f"{server}/{path}")
    violations = axe_violations(page)
    page.close()
    assert not violations, describe(violations)


def test_search_results_have_no_serious_violations(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/")
    search_for(page, "情報銀行")
    violations = axe_violations(page)
    page.close()
    assert not violations, describe(violations)


def test_keyboard_reaches_search_and_a_result(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/documents/digital-nippon-2024/")
    page.keyboard.press("/")
    page.keyboard.insert_text("ぼっとねっと")
    page.wait_for_selector(".md-search-result__list a")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.className")
    assert "md-search-result__link" in focused
    page.keyboard.press("Enter")
    page.wait_for_url("**/documents/cybersecurity-2024/**")
    page.close()


def test_search_results_are_one_named_list_with_no_landmark_per_result(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/")
    search_for(page, "データ")
    results = page.locator(".md-search-result")
    shown = page.locator(".md-search-result__list > li").count()
    assert shown >= 10
    # a real list: no role hides it, every child is an item, no result adds a landmark
    assert page.locator(".md-search-result [role='presentation'], .md-search-result [role='none']").count() == 0
    assert page.evaluate("Array.from(document.querySelector('.md-search-result__list').children)"
                         ".every(el => el.tagName === 'LI')")
    assert results.locator("nav, [role='navigation'], aside, main, header, footer").count() == 0
    tree = results.aria_snapshot()
    assert tree.startswith('- region "検索結果"'), tree
    assert '- list "検索結果の一覧"' in tree and tree.count("- listitem") == shown, tree
    page.close()


def test_copy_buttons_are_named_by_what_they_show(browser, server):
    """WCAG 2.5.3 (label in name): a speech user says "MD" and reaches the button named with it."""
    page = browser.new_page()
    page.goto(f"{server}/documents/digital-nippon-2024/4/")
    buttons = page.locator("[id='4-3-p1'] button.atlas-copy")
    assert buttons.count() == 2
    for i in range(buttons.count()):
        button = buttons.nth(i)
        shown = button.inner_text().strip()
        name = button.aria_snapshot().split('"')[1]  # - button "NAME": the name the browser computes
        assert shown and name.startswith(shown) and "引用" in name, (shown, name)
    page.close()


# The contrast of an element's text against what is behind it, opacity and translucent colours
# composited as the browser paints them (over the page's white).
CONTRAST = """el => {
  const rgba = s => { const v = s.match(/[\\d.]+/g).map(Number); return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; };
  const over = (top, under) => top.slice(0, 3).map((c, i) => c * top[3] + under[i] * (1 - top[3]));
  let background = [255, 255, 255];
  const chain = [];
  for (let node = el; node; node = node.parentElement) chain.unshift(node);
  chain.forEach(node => { background = over(rgba(getComputedStyle(node).backgroundColor), background); });
  const style = getComputedStyle(el);
  const color = rgba(style.color);
  color[3] *= parseFloat(style.opacity);
  const text = over(color, background);
  const lum = c => { const s = c.map(x => x / 255).map(x => x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
                     return 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2]; };
  const [a, b] = [lum(text), lum(background)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


def test_line_numbers_on_shaded_noise_lines_are_readable(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/source-view/digital-nippon-2024/")
    numbers = page.locator("pre.atlas-source .atlas-furniture > a")
    assert numbers.count() > 5
    ratios = [numbers.nth(i).evaluate(CONTRAST) for i in range(numbers.count())]
    assert min(ratios) >= 4.5, min(ratios)
    plain = page.locator("pre.atlas-source span:not(.atlas-furniture) > a").first.evaluate(CONTRAST)
    assert plain >= 4.5, plain
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run('pre.atlas-source', {runOnly: ['color-contrast']})")
    assert not result["violations"], describe(result["violations"])
    page.close()


@pytest.mark.parametrize("path", ["timeline/", "documents/digital-nippon-2024/4/", "documents/bosai-dx-2024/print/"])
def test_headings_never_skip_a_level(browser, server, path):
    page = browser.new_page()
    page.goto(f"{server}/{path}")
    levels = page.evaluate("Array.from(document.querySelectorAll('article :is(h1, h2, h3, h4, h5, h6)'))"
                           ".map(h => Number(h.tagName[1]))")
    assert levels and levels[0] == 1
    skips = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    assert not skips, skips
    page.close()
