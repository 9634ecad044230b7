"""Headings that recur in their document (【主な課題】/【対応策】) are shown with their context out of
place: in search results, related-section lists and the outline."""

from __future__ import annotations

import datetime
import json
import re

from atlas.enrich.context import HeadingContext
from atlas.model.document import Document, DocumentMeta, Line, Paragraph, Section, SourceSpan
from atlas.write.search import build_index
from atlas.write.write import Corpus, document_pages

SPAN = SourceSpan(1, 1)


def sec(title: str, text: str = "", children: list[Section] | None = None, anchor: str = "") -> Section:
    blocks = [Paragraph(text, SPAN)] if text else []
    return Section(title, 2, SPAN, anchor=anchor, blocks=blocks, children=children or [])


def nested() -> Document:
    """Two chapters, each with 【主な課題】 and 【対応策】; one unique heading."""
    chapters = [
        sec("1．データ戦略の系譜と包括的データ戦略の策定", "本文。", [
            sec("【主な課題】", "課題がある。", anchor="1-s1"),
            sec("【対応策】", "対応する。", anchor="1-s2")], anchor="1"),
        sec("2．インフラ整備", "本文。", [
            sec("【主な課題】", "別の課題。", anchor="2-s1"),
            sec("【対応策】", "別の対応。", anchor="2-s2")], anchor="2"),
    ]
    meta = DocumentMeta("nested", "入れ子の文書", "某省", datetime.date(2024, 1, 1), "proposal", "x.txt", "要旨。")
    return Document(meta, sections=chapters, lines=[Line(1, "x")])


def flat() -> Document:
    """防災DX's shape: the pairs stand side by side with no parent heading."""
    sections = [sec("【主な課題】", "次期総合防災情報システムは画期的であると評価する。", anchor="s1"),
                sec("【対応策】", "次期総合防災情報システム活用のメリットを分析・把握すること", anchor="s2"),
                sec("【主な課題】", "大規模災害時の国によるプッシュ型支援に係る諸調整を円滑にする。", anchor="s3"),
                sec("【対応策】", "次期物資調達・輸送調整等支援システムを整備すること", anchor="s4")]
    meta = DocumentMeta("flat", "平らな文書", "某省", datetime.date(2024, 1, 1), "proposal", "x.txt", "要旨。")
    return Document(meta, sections=sections, lines=[Line(1, "x")])


def test_a_repeated_heading_is_labelled_with_its_parents_a_unique_one_as_it_is():
    document = nested()
    context = HeadingContext(document)
    chapter_one, chapter_two = document.sections
    # The parent shortened to ANCESTOR_CHARS: 15 characters and "…".
    assert context.label(chapter_one.children[1]) == "1．データ戦略の系譜と包括的デ… › 【対応策】"
    assert context.label(chapter_two.children[1]) == "2．インフラ整備 › 【対応策】"
    assert context.label(chapter_two) == "2．インフラ整備"


def test_a_repeated_heading_without_parents_gets_its_opening_words():
    document = flat()
    context = HeadingContext(document)
    assert context.label(document.sections[1]) == "【対応策】（次期総合防災情報システム活用のメリットを分析・…）"
    assert context.label(document.sections[0]) != context.label(document.sections[2])


def test_search_entries_carry_the_context_only_for_repeated_headings():
    files = build_index([nested()])
    stored = [e for name in sorted(files) if name.startswith("s/") for e in json.loads(files[name])["sections"]]
    entries = {e["u"]: e for e in stored}
    assert entries["documents/nested/#2-s2"]["c"] == "2．インフラ整備 › 【対応策】"
    assert entries["documents/nested/#2-s2"]["t"] == "【対応策】"  # ranking still reads the heading itself
    assert "c" not in entries["documents/nested/#2"]


def test_the_outline_and_the_toc_tell_side_by_side_repeats_apart_by_their_first_words():
    document = flat()
    page = document_pages(document, None, [], Corpus(documents={"flat": document}))[0].text
    note = '<span class="atlas-heading-context">次期総合防災情報システム活用のメリットを分析・…</span>'
    assert f"- [【対応策】](index.md#s2) {note}" in page
    assert '## 【対応策】 {#s2 data-toc-label="【対応策】 次期総合防災情報システム活用のメリットを分析・…"}' in page
    # Under their chapters the nesting already tells them apart: no note there.
    nested_page = document_pages(nested(), None, [], Corpus())[0].text
    assert "atlas-heading-context" not in nested_page and "data-toc-label" not in nested_page


def test_no_list_out_of_place_shows_a_bare_repeated_heading(converted):
    """Real content: 防災DX's 【主な課題】/【対応策】 on theme pages, the timeline and related lists."""
    out = converted[0]
    bare = re.compile(r"\[(【主な課題】|【対応策】)\]\(")
    pages = [*(out / "themes").glob("*.md"), out / "timeline.md"]
    assert any("【対応策】（" in page.read_text(encoding="utf-8") for page in pages)
    for page in pages:
        assert not bare.search(page.read_text(encoding="utf-8")), page
    for page in (out / "documents").rglob("*.md"):
        for related in re.findall(r'<details class="atlas-related".*?</details>', page.read_text(encoding="utf-8"),
                                  re.DOTALL):
            assert not bare.search(related), page
