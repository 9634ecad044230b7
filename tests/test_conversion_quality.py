"""Invariants over every converted document and page of the real corpus."""

import re

from atlas.check.report import document_report
from atlas.model.document import ListBlock, Paragraph, Table
from atlas.text.normalize import is_cjk

RADICALS = re.compile(r"[\u2E80-\u2FDF]")
PAGE_NUMBER_LINE = re.compile(r"^\s*[-－]?\s*\d{1,3}\s*[-－]?\s*$", re.MULTILINE)
CJK_SPACE_CJK = re.compile(r"(\S) (\S)")


def texts(document):
    for block in list(document.preamble) + [b for s in document.all_sections() for b in s.blocks]:
        if isinstance(block, Paragraph) and block.kind != "preformatted":
            yield block.text
        elif isinstance(block, ListBlock):
            yield from (item.text for item in block.items)
        elif isinstance(block, Table):
            yield from (cell for row in block.rows for cell in row)
    for section in document.all_sections():
        yield section.title


def test_every_document_conserves_its_text(documents):
    for document in documents.values():
        if not document.lines:
            continue  # a compilation's own page: its text is in its parts
        report = document_report(document)
        assert report.conserved, (document.meta.id, report.lost[:50], report.invented[:50])
        # What is dropped is furniture only; even the web3 paper's table of contents is under 10%.
        assert report.chars_out > 0.9 * report.chars_in, document.meta.id


def test_no_paragraph_keeps_a_line_break(documents):
    for document in documents.values():
        for text in texts(document):
            assert "\n" not in text, (document.meta.id, text[:60])


def test_joining_never_puts_a_space_between_japanese_characters(documents):
    # A space between two Japanese characters is only allowed where the source
    # line itself has it (names such as 「松尾 豊」, 「轟 渉」).
    for document in documents.values():
        source_pairs = set()
        for line in document.lines:
            source_pairs.update(m.group(1) for m in re.finditer(r"(?=(\S \S))", line.text))
        for text in texts(document):
            for match in re.finditer(r"(?=(\S \S))", text):
                pair = match.group(1)
                if is_cjk(pair[0]) and is_cjk(pair[2]):
                    assert pair in source_pairs, (document.meta.id, pair, text[:80])


def test_no_radical_lookalikes_in_any_page(converted):
    out, _ = converted
    for page in out.rglob("*.md"):
        if page.parent.name == "source-view":
            continue  # the source view shows the source as it is, on purpose
        found = RADICALS.findall(page.read_text(encoding="utf-8"))
        assert not found, (page, found[:5])


def test_no_page_number_lines_in_any_page(converted):
    out, _ = converted
    for page in (out / "documents").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert not PAGE_NUMBER_LINE.search(text), (page, PAGE_NUMBER_LINE.search(text))


def test_page_numbers_and_slide_residue_are_counted_not_kept(documents):
    report = document_report(documents["data-distribution-wg-2019"])
    # sources/data-distribution-wg-2019.txt: "- -" at lines 59–61, page number "17" at line 259.
    assert report.dropped_lines.get("slide-residue") == 3
    assert report.dropped_lines.get("page-number") == 1


def test_every_catalog_document_is_in_the_nav(converted, catalog_ids):
    out, _ = converted
    nav = (out / ".nav.yml").read_text(encoding="utf-8")
    for doc_id in catalog_ids:
        assert f"documents/{doc_id}/index.md" in nav, doc_id


def test_anchors_are_ascii_and_unique(documents):
    for document in documents.values():
        anchors = [s.anchor for s in document.all_sections()]
        assert len(anchors) == len(set(anchors)), document.meta.id
        for anchor in anchors:
            assert re.fullmatch(r"[a-z0-9_-]+", anchor), (document.meta.id, anchor)


def test_broken_lines_are_joined_across_blank_lines(documents):
    # sources/ai-strategy-council-3-2025.txt lines 94–96: one bullet cut by a page break.
    minutes = documents["ai-strategy-council-3-2025"]
    items = [i.text for s in minutes.all_sections() for b in s.blocks if isinstance(b, ListBlock)
             for i in b.items]
    assert any("導入自体を自己目的化しないようなメッセージ発信が重要である。" in t for t in items)
    # Letter-spaced "A I S I" is searchable as AISI.
    assert any("AISIの人員や予算" in t for t in items)


def test_footnote_markers_are_not_taken_from_section_numbers(documents):
    """「3．プロセス指向のデータ戦略」 quotes a section number; note 3 belongs to "API3"."""
    document = documents["digital-nippon-2024"]
    blocks = [b for s in document.all_sections() for b in s.blocks if isinstance(b, Paragraph)]
    quoting = next(b for b in blocks if "プロセス指向のデータ戦略」では" in b.text)
    assert "「3．プロセス指向のデータ戦略」" in quoting.text and not quoting.refs
    api = next(b for b in blocks if "まず API 活用の進展" in b.text)
    note = next(n for n in document.footnotes if n.label == "3")
    assert [r.label for r in api.refs] == ["3"] and note.text.startswith("Application Programming Interface")
