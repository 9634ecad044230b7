"""The two builds of the site: MkDocs + Material (`make site`) and Zensical (`make zensical`).

Both must ship the same pages with the same text and anchors (a published URL or #anchor must
not depend on the builder), the project's own search box and no dead search of the theme's.
The browser tests of search and citations run on both builds through the `either_server`
fixture (tests/test_search.py, tests/test_citations.py).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

# Material's own search: lunr and its language files (wordcut.js segments Japanese), the worker
# that runs it, and the index it reads.  The site searches with assets/atlas-search.js instead.
MATERIAL_SEARCH = ("assets/javascripts/lunr", "assets/javascripts/workers", "search/search_index.json")


class _Article(HTMLParser):
    """The text and element ids of a page's <article>, without the tag list.

    Material puts a page's tags above its text and Zensical below it; the tags themselves are
    the same, and Zensical adds a skip-link target (`__skip`) of its own."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.in_tags = 0
        self.text: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            self.depth += 1
        if self.depth and tag == "nav" and (self.in_tags or "md-tags" in (values.get("class") or "").split()):
            self.in_tags += 1
        if self.depth and values.get("id") and values["id"] != "__skip":
            self.ids.add(values["id"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        elif tag == "nav" and self.in_tags:
            self.in_tags -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.in_tags:
            self.text.append(data)


def article(path: Path) -> tuple[str, set[str]]:
    parser = _Article()
    parser.feed(path.read_text(encoding="utf-8"))
    # The tag index's headings carry a ¶ permalink with MkDocs only.
    return re.sub(r"\s+|¶", "", "".join(parser.text)), parser.ids


def html_pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


def test_mkdocs_site_ships_no_material_search_but_keeps_the_search_box(site: Path):
    for path in MATERIAL_SEARCH:
        assert not (site / path).exists(), f"{path} is shipped but no page uses it"
    assert not list(site.rglob("wordcut*")) and not list(site.rglob("lunr*"))
    for page in ["index.html", "documents/digital-nippon-2024/4/index.html", "404.html"]:
        html = (site / page).read_text(encoding="utf-8")
        assert re.search(r'<input[^>]*class="?md-search__input', html), page
        assert re.search(r'<label[^>]*for="?__search', html), page  # the search button on small screens
    assert (site / "atlas" / "search.json").is_file()  # the project's own index


def test_only_zensical_pages_load_the_copy_of_materials_search_box_styles(site: Path, zensical_site: Path):
    # Zensical's stylesheets no longer style Material's search box; Material's own do, so an MkDocs
    # page view would fetch the same rules twice.
    for page in ["index.html", "documents/digital-nippon-2024/4/index.html"]:
        assert "atlas-search.css" not in (site / page).read_text(encoding="utf-8"), page
        assert "atlas-search.css" in (zensical_site / page).read_text(encoding="utf-8"), page


def test_zensical_site_ships_no_search_index_of_its_own(zensical_site: Path):
    assert not list(zensical_site.rglob("wordcut*")) and not (zensical_site / "search" / "search_index.json").exists()
    # Zensical always writes its search.json; with its search off it lists nothing.
    assert json.loads((zensical_site / "search.json").read_text(encoding="utf-8"))["items"] == []


def test_zensical_site_has_every_page_of_the_mkdocs_site_with_the_same_text_and_anchors(
    site: Path, zensical_site: Path, catalog_ids: list[str]
):
    pages = html_pages(site)
    for doc_id in catalog_ids:
        assert f"documents/{doc_id}/index.html" in pages, doc_id
    assert html_pages(zensical_site) == pages
    for page in sorted(pages):
        if 'class="atlas-moved"' in (site / page).read_text(encoding="utf-8"):
            # A static redirect page for a page published once (write.moved_page): copied as it is.
            assert (zensical_site / page).read_bytes() == (site / page).read_bytes(), page
            continue
        text, ids = article(site / page)
        z_text, z_ids = article(zensical_site / page)
        assert text, page
        assert z_ids == ids, (page, sorted(ids - z_ids)[:5], sorted(z_ids - ids)[:5])
        assert z_text == text, page


PAGES = ["", "documents/digital-nippon-2024/4/", "404.html"]  # a page of each template


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_nothing_missing_and_nothing_from_another_host(browser, either_server: str, path: str):
    page = browser.new_page()
    outside: list[str] = []
    failed: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((either_server, "data:", "blob:"))
            else None)
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(f"{either_server}/{path}", wait_until="networkidle")
    # The search box is styled as Material styles it: in the header bar, its results in a panel.
    assert page.locator(".md-header").evaluate("h => h.getBoundingClientRect().height") < 60
    page.locator("input.md-search__input").click()
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent.trim()"
        " === JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
    )
    assert page.locator(".md-search__output").evaluate("o => getComputedStyle(o).position") == "absolute"
    assert outside == [] and failed == [], (path, outside, failed)
    page.close()


def test_search_opens_from_the_header_button_on_a_small_screen(browser, either_server: str):
    page = browser.new_page(viewport={"width": 400, "height": 700})
    page.goto(f"{either_server}/documents/digital-nippon-2024/4/")
    box = page.locator("input.md-search__input")
    size = "i => i.getBoundingClientRect().width * i.getBoundingClientRect().height"
    assert page.locator(".md-search__inner").evaluate(size) == 0  # folded away behind the header's button
    page.locator("label.md-header__button[for=__search]").click()
    page.wait_for_function(f"() => ({size})(document.querySelector('.md-search__inner')) > 0")
    box.click()
    box.fill("ぼっとねっと")
    first = page.locator(".md-search-result__list a").first
    first.wait_for()
    assert first.is_visible() and "/documents/cybersecurity-2024/" in first.get_attribute("href")
    page.close()
