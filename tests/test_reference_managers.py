"""What reference managers read: the citation_* meta tags (Highwire; Zotero imports a page by
them) on every page of a document, and each document's citation as BibTeX, RIS and CSL-JSON,
parsed back here with the parsers other tools use (bibtexparser, rispy, json): what they read is
what the catalog says, the date no more precise than known."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from atlas.config.catalog import load_catalog
from atlas.model.document import DocumentMeta
from atlas.write.bibliography import bibtex, csl_json, issued_parts, ris
from conftest import SOURCES, is_redirect_page

METAS = {m.id: m for e in load_catalog(SOURCES) for m in [e.meta, *(p.meta for p in e.parts)]}


class _Head(HTMLParser):
    """A page's citation_* meta tags and its download links."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.downloads: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and a.get("name", "").startswith("citation_"):
            self.meta.setdefault(a["name"], []).append(a.get("content", ""))
        if tag == "a" and "download" in a:
            self.downloads[a.get("href", "").rsplit(".", 1)[-1]] = a.get("href", "")


def head_of(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text("utf-8"))
    return parser


def highwire_date(meta: DocumentMeta) -> str:
    return "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(issued_parts(meta)))


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def built(request) -> Path:
    return request.getfixturevalue("site" if request.param == "mkdocs" else "zensical_site")


def test_every_page_of_every_document_carries_citation_tags(built):
    pages = 0
    for doc_id, meta in METAS.items():
        folder = built / "documents" / doc_id
        for html in sorted(folder.rglob("index.html")):
            if is_redirect_page(html):
                continue  # a page that moved: a bare redirect to where its words are now (links.lock)
            head = head_of(html)
            pages += 1
            assert head.meta["citation_title"] == [meta.title], html
            assert head.meta["citation_author"] == [meta.body], html
            assert head.meta["citation_publisher"] == [meta.body], html
            assert head.meta["citation_language"] == ["ja"], html
            assert head.meta["citation_publication_date"] == [highwire_date(meta)], html
            # This build does not know the site's address (no SITE_URL): no address is guessed.
            assert "citation_public_url" not in head.meta, html
            assert "citation_pdf_url" not in head.meta or head.meta["citation_pdf_url"][0].startswith("http")
    assert pages > len(METAS), "chapter pages and print views too"


def test_an_estimated_date_is_cited_no_more_precisely_than_it_is_known():
    estimated = METAS["digital-nippon-2024"]  # catalog: 2024-05-21 with a date_note (no date printed)
    assert estimated.date_note and estimated.date == date(2024, 5, 21)
    assert highwire_date(estimated) == "2024/05"
    assert highwire_date(METAS["ai-strategy-council-3-2025"]) == "2025/12/05"  # printed: 令和7年12月5日


def parsed_bibtex(text: str) -> dict[str, str]:
    """The entry's fields as text (LaTeX decoded), but its url as written: a url field is verbatim."""
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not library.failed_blocks, library.failed_blocks
    (entry,) = library.entries
    (raw,) = bibtexparser.parse_string(text).entries
    url = {f.key: f.value.strip("{}") for f in raw.fields if f.key == "url"}
    return {"key": entry.key, "type": entry.entry_type, **{f.key: f.value for f in entry.fields}, **url}


def check_round_trip(meta: DocumentMeta, bib: str, ris_text: str, csl: str) -> None:
    parts = issued_parts(meta)
    entry = parsed_bibtex(bib)
    assert entry["key"] == meta.id and entry["type"] == "misc"
    assert (entry["title"], entry["author"]) == (meta.title, meta.body)
    assert [int(entry[k]) for k in ("year", "month", "day") if k in entry] == parts
    assert entry.get("url", "") == meta.url
    (record,) = rispy.loads(ris_text)
    assert (record["title"], record["authors"], record["publisher"]) == (meta.title, [meta.body], meta.body)
    assert [int(p) for p in record["date"].split("/") if p] == parts
    assert record.get("urls", []) == ([meta.url] if meta.url else []) and record["id"] == meta.id
    (item,) = json.loads(csl)
    assert (item["title"], item["author"]) == (meta.title, [{"literal": meta.body}])
    assert item["issued"]["date-parts"] == [parts] and item["issued"].get("circa", False) == bool(meta.date_note)
    assert item.get("URL", "") == meta.url


@pytest.mark.parametrize("doc_id", sorted(METAS))
def test_each_documents_citation_downloads_read_back_as_the_catalog_says(built, doc_id):
    meta, folder = METAS[doc_id], built / "documents" / doc_id
    check_round_trip(meta, *(folder.joinpath(f"{doc_id}.{s}").read_text("utf-8") for s in ("bib", "ris", "csl.json")))
    views = [folder / "index.html", folder / "print" / "index.html"]  # the document's page and print view
    for html in [v for v in views if v.is_file()]:
        downloads = head_of(html).downloads
        assert set(downloads) == {"bib", "ris", "json"}, (html, downloads)
        for href in downloads.values():
            assert (html.parent / href).resolve().is_file(), (html, href)


def test_characters_special_to_bibtex_and_ris_survive_the_round_trip():
    # (No "^": it is escaped as \textasciicircum{}, which pylatexenc reads as U+02C6, not "^".)
    meta = replace(METAS["ai-strategy-council-3-2025"], title="R&D {予算} 100% #1 $x_y ~ \\ 検討",
                   body="A&B 研究会", url="https://example.jp/a_b?x=1&y=%20")
    check_round_trip(meta, bibtex(meta), ris(meta), csl_json(meta))
