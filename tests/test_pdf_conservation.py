"""The conservation check of a PDF is made against its text layer as the PDF library reports it, page
by page (issue 24), not against the reader's own lines; a page whose layout would lose or invent a
character is read again plainly, with a warning naming the document and the page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pdf_samples as samples
import pytest

from atlas.check.report import differences, document_report
from atlas.model.document import Paragraph
from atlas.pipeline import build_document
from atlas.read import read_pdf as reader

entry_for = samples.sample_entry


@pytest.fixture(scope="module")
def table_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("conservation") / "table.pdf"
    samples.make_table(path)
    return path


def test_a_character_the_reader_changes_is_caught_against_the_text_layer(table_pdf):
    document = build_document(entry_for(table_pdf), table_pdf.parent)
    assert differences(document) == ("", "")
    # The reader turns 「、」 into 「，」 in a line and in the paragraph made of it: its own lines and the
    # output agree, so a check against them passes; the PDF's text layer does not agree.
    paragraph = next(b for s in document.all_sections() for b in s.blocks
                     if isinstance(b, Paragraph) and "、" in b.text)
    paragraph.text = paragraph.text.replace("、", "，", 1)
    line = next(line for line in document.lines if line.number == paragraph.span.start and "、" in line.text)
    document.lines[document.lines.index(line)] = replace(line, text=line.text.replace("、", "，", 1))
    assert differences(document) == ("、", "，")
    assert not document_report(document).conserved


def test_a_page_whose_layout_would_invent_characters_is_read_plainly_with_a_warning(table_pdf, monkeypatch):
    # The shape of mhlw-shinryo-kaitei-teisei-2020 pp. 15, 22: a table's merged cell read its
    # characters twice.  Here the layout reads every table row twice.
    layout = reader._page_pieces

    def doubled_rows(page, body_size=None):
        pieces = layout(page, body_size)
        return pieces + [piece for piece in pieces if piece.table_row]

    monkeypatch.setattr(reader, "_page_pieces", doubled_rows)
    with pytest.warns(UserWarning, match=r"table\.pdf: page 1: its layout would lose '' or invent '.+'; "
                                         r"the page is read as plain text"):
        document = build_document(entry_for(table_pdf), table_pdf.parent)
    report = document_report(document)
    assert report.plain_pages == [1] and report.conserved
    text = "\n".join(line.text for line in document.lines)
    for row in samples.TABLE_ROWS:
        for cell in row:
            assert cell.replace("\n", "") in text.replace("\n", "").replace(" ", "")


def test_a_page_read_plainly_keeps_its_characters_in_text_order(table_pdf):
    from atlas.read.pdf_source import read_source

    pages, _ = read_source(table_pdf)
    plain = reader._plain_pieces(pages[0])
    assert reader.page_difference(pages[0], plain) == ("", "")
    text = "".join(piece.text for piece in plain).replace(" ", "")
    # The heading, the sentence that announces the table, then the sentence after it: as printed.
    assert text.index(samples.TABLE_HEADING) < text.index(samples.TABLE_BEFORE[:20]) < text.index(samples.TABLE_AFTER)


def test_the_report_page_lists_what_reading_each_pdf_took(table_pdf, monkeypatch):
    from atlas.check.report import Refusal
    from atlas.write.report_page import report_markdown

    plain = document_report(build_document(entry_for(table_pdf), table_pdf.parent))
    assert plain.pdf
    page = report_markdown([plain])
    assert "## PDF の読み取り" in page and "どの PDF も、レイアウトを保ったまま" in page
    noted = replace(plain, plain_pages=[1], replaced=2, bullets=3, messages={"Could not get FontBBox": 4})
    refusal = Refusal("scan-doc", "scan.pdf: no text layer (a scanned PDF?): OCR is not supported")
    page = report_markdown([noted], [refusal])
    line = next(line for line in page.splitlines() if line.startswith("- [sample]"))
    assert "p. 1" in line and "置換: 2" in line and "「・」に置換: 3" in line
    assert "メッセージ 4 件: Could not get FontBBox" in line
    assert "- `scan-doc`: scan.pdf: no text layer" in page
    # A site of text sources only says nothing of PDFs.
    assert "## PDF の読み取り" not in report_markdown([replace(plain, pdf=False)])
