"""Editions in a real browser (issue 21): the comparison page of the test pair (test_editions.py)
shows its changes to eyes and to axe-core, its paragraph links land on the paragraphs, an older
edition's page says a newer one exists, and search marks 「旧版」 and keeps the latest on request."""

from __future__ import annotations

import shutil

import pytest
from test_accessibility import axe_violations, describe
from test_editions import _folder

from atlas.convert import convert
from conftest import ROOT, _serve, build_project, project_copy, search_for


@pytest.fixture(scope="module")
def editions_server(tmp_path_factory: pytest.TempPathFactory):
    """The project's site configuration and hand-written pages, with the two editions only."""
    project = tmp_path_factory.mktemp("editions-project")
    project_copy(project)
    sources = _folder(project)
    for name in ("glossary.yml", "home.md"):
        shutil.copy(ROOT / "sources" / name, sources / name)
    convert(sources, project / "docs", project / "mkdocs.yml")
    httpd = _serve(build_project(project))
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_the_comparison_page_shows_changes_and_leads_to_both_paragraphs(browser, editions_server):
    page = browser.new_page()
    page.goto(f"{editions_server}/editions/guide-v1--guide-v2/")
    changed = page.locator("p.atlas-diff--changed")
    assert changed.count() == 1
    assert changed.locator("del").text_content() == "［削除：3］"
    assert changed.locator("ins").text_content() == "［追加：4］"
    # The words for screen readers are there but not seen: the eye sees 「3」 struck through.
    assert changed.locator("del").evaluate("d => d.getBoundingClientRect().width") < 40
    assert "line-through" in changed.locator("del").evaluate("d => getComputedStyle(d).textDecorationLine")
    assert violations_free(page)
    changed.get_by_role("link", name="新 4-p1").click()
    page.wait_for_url("**/documents/guide-v2/#4-p1")
    assert "2024年度から" in page.locator("[id='4-p1']").inner_text()
    page.go_back()
    page.get_by_role("link", name="旧 3-p1").click()
    page.wait_for_url("**/documents/guide-v1/#3-p1")
    assert "2023年度から" in page.locator("[id='3-p1']").inner_text()
    page.close()


def violations_free(page) -> bool:
    violations = axe_violations(page)
    assert not violations, describe(violations)
    return True


def test_an_older_edition_says_a_newer_one_exists(browser, editions_server):
    page = browser.new_page()
    page.goto(f"{editions_server}/documents/guide-v1/")
    notice = page.locator(".atlas-newer-edition", has_text="この文書には新しい版があります")
    notice.get_by_role("link", name="Ver. 2.0：学校における生成AIの利用に関する指針").click()
    page.wait_for_url("**/documents/guide-v2/")
    assert page.locator(".atlas-newer-edition", has_text="この文書には新しい版があります").count() == 0
    assert violations_free(page)
    page.close()


def test_search_shows_the_newest_edition_first_marks_the_older_and_keeps_the_latest(browser, editions_server):
    page = browser.new_page()
    page.goto(f"{editions_server}/")
    search_for(page, "著作物との類似性")  # the same words in both editions' 著作権
    page.wait_for_selector(".atlas-search-filters select[name=edition]")
    where = page.eval_on_selector_all(".md-search-result__list .atlas-search-where", "ws => ws.map(w => w.textContent)")
    assert where == ["学校における生成AIの利用に関する指針", "学校における生成AIの利用に関する暫定的な指針旧版"]
    options = page.eval_on_selector_all("select[name=edition] option", "os => os.map(o => [o.value, o.textContent])")
    assert options == [["", "すべての版"], ["latest", "最新版（1）"], ["old", "旧版（1）"]]
    page.select_option("select[name=edition]", "latest")
    page.wait_for_function("() => location.search.includes('edition=latest')")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list a').length === 1")
    assert "/documents/guide-v2/" in page.locator(".md-search-result__list a").get_attribute("href")
    page.close()
