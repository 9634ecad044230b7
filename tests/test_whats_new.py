"""What is new: the Atom feed (parsed as a feed reader parses it), its link in every page's head,
the home page's 新着 list, the document list sorted and filtered in place (a plain list without
JavaScript), and the day each document was added: from the catalog (`added`) or its source's
first commit, never guessed."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from test_catalog_schema import ENTRY, error_of, folder_with

from atlas.config.added import first_commit_day
from atlas.config.catalog import load_catalog
from atlas.text.labels import date_label
from conftest import SOURCES, is_redirect_page

METAS = {m.id: m for e in load_catalog(SOURCES) for m in [e.meta, *(p.meta for p in e.parts)]}
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def built(request) -> Path:
    return request.getfixturevalue("site" if request.param == "mkdocs" else "zensical_site")


def test_the_feed_is_valid_atom_with_every_document_added(built):
    xml = (built / "feed.xml").read_bytes()
    root = ET.fromstring(xml)  # well-formed XML
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None, required
    base = "https://example.org/atlas/feed.xml"  # where a reader would have fetched it
    feed = feedparser.parse(xml, response_headers={"content-location": base, "content-type": "application/atom+xml"})
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert len(feed.entries) == len(METAS) and len({e.id for e in feed.entries}) == len(METAS)
    added = [e.published_parsed for e in feed.entries]
    assert added == sorted(added, reverse=True), "the latest added first"
    for entry in feed.entries:
        doc_id = re.fullmatch(r"https://example\.org/atlas/documents/([a-z0-9-]+)/", entry.link).group(1)
        meta = METAS[doc_id]
        assert (built / "documents" / doc_id / "index.html").is_file()
        assert entry.title == meta.title and entry.author == meta.body
        assert entry.published == entry.updated == f"{meta.added.isoformat()}T00:00:00+09:00", entry.published
        assert entry.summary.startswith(f"{meta.body}、{date_label(meta)}（") and meta.summary in entry.summary


class _FeedLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "alternate" and a.get("type") == "application/atom+xml":
            self.hrefs.append(a.get("href") or "")


def test_every_page_links_the_feed_from_its_head(built):
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 50
    for html in pages:
        parser = _FeedLinks()
        parser.feed(html.read_text("utf-8"))
        if html.name == "404.html":
            continue  # its links are root-relative (served at any depth)
        if is_redirect_page(html):
            continue  # a page that moved: a bare redirect to where it is now (links.lock)
        assert len(parser.hrefs) == 1, html
        assert (html.parent / parser.hrefs[0]).resolve() == (built / "feed.xml").resolve(), (html, parser.hrefs)


def test_the_home_page_lists_the_latest_documents_added(browser, either_server):
    page = browser.new_page()
    page.goto(f"{either_server}/")
    items = page.locator("#new + p + ul > li").all_inner_texts()
    page.close()
    assert 0 < len(items) <= 5
    for text in items:
        day, title = re.match(r"(\d{4})年(\d+)月(\d+)日追加：(.+?)（", text).group(1, 2, 3), text.split("：", 1)[1]
        meta = next(m for m in METAS.values() if title.startswith(m.title + "（"))
        assert meta.added == date(*map(int, day)), text


ROWS_JS = """() => [...document.querySelectorAll('table.atlas-doc-list tbody tr')].filter(r => !r.hidden)
  .map(r => ({...r.dataset, title: r.cells[1].innerText.trim()}))"""


def test_the_document_list_sorts_and_filters_in_place(browser, either_server):
    page = browser.new_page()
    page.goto(f"{either_server}/documents/")
    rows = page.evaluate(ROWS_JS)
    assert len(rows) == len(METAS)
    assert [r["issued"] for r in rows] == sorted((r["issued"] for r in rows), reverse=True), "newest first"
    url = page.url
    page.select_option(".atlas-list-controls select[name=sort]", "issued-asc")
    oldest = page.evaluate(ROWS_JS)
    assert [r["issued"] for r in oldest] == sorted(r["issued"] for r in rows)
    issuer = "内閣官房 IT総合戦略室"
    expected = sorted(m.title for m in METAS.values() if m.body == issuer)
    page.select_option(".atlas-list-controls select[name=issuer]", issuer)
    shown = page.evaluate(ROWS_JS)
    assert sorted(r["title"] for r in shown) == expected and len(expected) >= 2
    assert page.locator(".atlas-list-count").inner_text() == f"{len(expected)} 件を表示（全 {len(METAS)} 件）"
    page.select_option(".atlas-list-controls select[name=issuer]", "")
    page.select_option(".atlas-list-controls select[name=kind]", "提言")
    assert {r["kind"] for r in page.evaluate(ROWS_JS)} == {"提言"}
    page.select_option(".atlas-list-controls select[name=year]", "2024")
    assert {r["issued"][:4] for r in page.evaluate(ROWS_JS)} == {"2024"}
    page.select_option(".atlas-list-controls select[name=sort]", "added-desc")
    added = [r["added"] for r in page.evaluate(ROWS_JS)]
    assert added == sorted(added, reverse=True)
    assert page.url == url, "without leaving the page"
    page.close()


def test_the_document_list_is_a_plain_list_without_javascript(browser, either_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{either_server}/documents/")
    rows = page.locator("table.atlas-doc-list tbody tr")
    assert rows.count() == len(METAS) and rows.first.is_visible()
    assert page.locator(".atlas-list-controls").count() == 0
    first = rows.first.locator("td").nth(1).inner_text()
    newest = max(METAS.values(), key=lambda m: (m.date, [-ord(c) for c in m.id]))
    assert first == newest.title
    context.close()


def test_a_day_of_addition_must_be_a_day(tmp_path):
    assert error_of(folder_with(tmp_path, ENTRY + "    added: 2026-11\n")) == (
        "catalog.yml:9: key 'added' of 'sample': bad day '2026-11' (use the day, like 2026-11-25)")
    meta = load_catalog(folder_with(tmp_path, ENTRY + "    added: 2026-11-25\n"))[0].meta
    assert meta.added == date(2026, 11, 25)


def git(folder: Path, *args: str, day: str = "") -> None:
    env = {"PATH": "/usr/bin:/bin", "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(folder)}
    if day:
        env |= {"GIT_AUTHOR_DATE": f"{day}T12:00:00+09:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00+09:00"}
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def test_without_added_the_day_is_the_sources_first_commit_or_none(tmp_path):
    folder = folder_with(tmp_path, ENTRY)
    assert load_catalog(folder)[0].meta.added is None, "not in git: no day, never today's"
    git(folder, "init", "-q")
    assert first_commit_day(folder / "sample.txt") is None, "not yet committed"
    git(folder, "add", "sample.txt", "catalog.yml")
    git(folder, "commit", "-qm", "add", day="2026-10-01")
    (folder / "sample.txt").write_text("１．はじめに\n改めた本文です。\n", encoding="utf-8")
    git(folder, "commit", "-qam", "edit", day="2026-11-02")
    assert first_commit_day(folder / "sample.txt") == date(2026, 10, 1)
