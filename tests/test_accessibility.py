"""Accessibility with axe-core (npm axe-core, injected into the page): no serious or critical
violation on the home page, a document, a theme page and the search results."""

from __future__ import annotations

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
