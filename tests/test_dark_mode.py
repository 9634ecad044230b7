"""Dark mode: Material's palette toggle (light, and "slate"), and the site's own colours checked
for contrast in both schemes with axe-core: theme chips, source links, marked passages (:target),
source views, search results. The paragraph numbers are generated content, which axe does not
read: their contrast is computed here."""

from __future__ import annotations

import pytest
from test_accessibility import axe_violations, describe

from conftest import search_for

PAGES = ["", "documents/", "documents/digital-nippon-2024/4/#4-3-p1", "documents/ai-strategy-council-3-2025/",
         "source-view/digital-nippon-2024/#L320", "themes/", "themes/dfft/", "glossary/", "timeline/"]
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module", params=list(SCHEMES))
def scheme(request, browser):
    """A browser context whose system asks for light or dark: Material follows it."""
    context = browser.new_context(color_scheme=request.param)
    yield context, SCHEMES[request.param]
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_violations_in_either_scheme(scheme, either_server, path):
    context, name = scheme
    page = context.new_page()
    page.goto(f"{either_server}/{path}")
    assert page.evaluate("document.body.dataset.mdColorScheme") == name
    violations = axe_violations(page)
    page.close()
    assert not violations, describe(violations)


def test_search_results_and_an_abbreviation_explained_in_either_scheme(scheme, either_server):
    context, _ = scheme
    page = context.new_page()
    page.goto(f"{either_server}/documents/ai-strategy-council-3-2025/")
    page.locator("article abbr[title]").first.focus()
    assert not (violations := axe_violations(page)), describe(violations)
    search_for(page, "情報銀行")
    page.wait_for_selector(".atlas-search-filters:not([hidden])")
    violations = axe_violations(page)
    page.close()
    assert not violations, describe(violations)


# The paragraph numbers' colour over the page's background (alpha blended), as WCAG computes it.
NUMBER_CONTRAST_JS = """() => {
  const rgba = s => s.match(/[\\d.]+/g).map(Number);
  const el = document.querySelector('article [data-para]');
  const [r, g, b, a = 1] = rgba(getComputedStyle(el, '::before').color);
  const [R, G, B] = rgba(getComputedStyle(document.body).backgroundColor);
  const mix = [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
  const lum = c => { const v = c.map(x => x / 255).map(x => x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
                     return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const [hi, lo] = [lum(mix), lum([R, G, B])].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}"""


def test_paragraph_numbers_are_readable_in_either_scheme(scheme, either_server):
    context, _ = scheme
    page = context.new_page()
    page.goto(f"{either_server}/documents/digital-nippon-2024/4/")
    contrast = page.evaluate(NUMBER_CONTRAST_JS)
    page.close()
    assert contrast >= 4.5, contrast


def test_the_palette_toggle_switches_and_is_remembered(browser, either_server):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(f"{either_server}/documents/digital-nippon-2024/4/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.locator("label[title='ダークモードに切り替え']").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    page.goto(f"{either_server}/themes/")  # another page: the choice holds
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.locator("label[title='ライトモードに切り替え']").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    context.close()
