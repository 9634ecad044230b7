"""Which page shows each section: long chapters give their sections pages of their own."""

from __future__ import annotations

import datetime

import yaml

from atlas.enrich.layout import PAGE_LIMIT, paginate
from atlas.model.document import Document, DocumentMeta, Paragraph, Section, SourceSpan
from atlas.write.write import document_pages, nav_yaml, section_url

SPAN = SourceSpan(1, 1)


def section(anchor: str, number: str, title: str, chars: int, children: list[Section] | None = None) -> Section:
    text = f"{title}の本文。" * (chars // (len(title) + 4))
    return Section(title, anchor.count("-") + 1, SPAN, number=number, anchor=anchor,
                   blocks=[Paragraph(text, SPAN)], children=children or [])


def long_document() -> Document:
    """Chapter 1 is short (20,000 characters); chapter 2 holds 150,000: more than one page should."""
    third = 50_000
    chapter2 = section("2", "2．", "長い章", 1000, [
        section("2-1", "2．1", "第一節", third, [section("2-1-1", "（1）", "小節", 2000)]),
        section("2-2", "2．2", "第二節", third),
        section("2-3", "2．3", "第三節", third),
    ])
    chapter1 = section("1", "1．", "短い章", 15_000, [section("1-1", "1．1", "節", 5000)])
    meta = DocumentMeta("long", "長い文書", "見本省", datetime.date(2024, 4, 1), "proposal", "long.txt", "要旨。")
    return Document(meta, sections=[chapter1, chapter2])


def test_a_chapter_too_long_for_one_page_gives_its_sections_pages():
    document = long_document()
    assert 20_000 < PAGE_LIMIT < 150_000
    paginate(document)
    pages_of = {s.anchor: s.page for s in document.all_sections()}
    assert pages_of == {"1": "1", "1-1": "1", "2": "2", "2-1": "2-1", "2-1-1": "2-1", "2-2": "2-2", "2-3": "2-3"}
    sections = {s.anchor: s for s in document.all_sections()}
    assert section_url(document, sections["1-1"], "themes") == "../documents/long/1.md#1-1"
    assert section_url(document, sections["2-2"], "themes") == "../documents/long/2-2.md"
    assert section_url(document, sections["2-1-1"], "documents/long") == "2-1.md#2-1-1"


def test_every_section_text_is_on_exactly_one_page():
    document = long_document()
    paginate(document)
    pages = {page.path: page.text for page in document_pages(document, None, [])}
    assert {"documents/long/2.md", "documents/long/2-1.md", "documents/long/2-2.md"} <= set(pages)
    for inner in document.all_sections():
        holding = [path for path, text in pages.items() if inner.blocks[0].text in text]
        assert holding == [f"documents/long/{inner.page}.md"], (inner.anchor, holding)
    # The long chapter's page lists its sections' pages; each of those links back up to it.
    assert "[2．1 第一節](2-1.md)" in pages["documents/long/2.md"]
    assert "[2．長い章](2.md)" in pages["documents/long/2-2.md"]


def test_section_pages_are_in_the_nav_under_their_chapter():
    document = long_document()
    paginate(document)
    nav = yaml.safe_load(nav_yaml([document]))["nav"]
    entries = nav[2]["文書：見本省"][0]["長い文書（2024）"]
    assert entries == [
        {"概要と目次": "documents/long/index.md"},
        {"1．短い章": "documents/long/1.md"},
        {"2．長い章": [{"2．長い章": "documents/long/2.md"}, {"2．1 第一節": "documents/long/2-1.md"},
                       {"2．2 第二節": "documents/long/2-2.md"}, {"2．3 第三節": "documents/long/2-3.md"}]},
    ]
