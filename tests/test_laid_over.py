"""Things set over or beside the text on a PDF page are read as their own units (issue 23,
bench/reader.md defects 4 and 6):

- a chart set beside a column of text: its tick values stacked down its axis and a row of years
  under it are the chart's labels (a figure), read after the text beside it, never inside a
  sentence of that text;
- words struck through (見え消し: a correction notice strikes out the words it deletes beside the
  ones that replace them) are marked deleted, their characters kept.

Each on a PDF the test makes (reportlab, tests/pdf_samples.py's helpers), and where the shared
corpus is present on the pages a reader found wrong.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from pdf_samples import (
    BODY_SIZE,
    MARGIN,
    MARGIN_X,
    MINCHO,
    PAGE_HEIGHT,
    Flow,
    Frame,
    Para,
    _atoms,
    draw_line,
    new_canvas,
)
from reportlab.pdfbase import pdfmetrics

from atlas.check.report import document_report
from atlas.config.catalog import Entry
from atlas.model.document import DELETED, Document, DocumentMeta, Figure, InlineLink, Paragraph
from atlas.pipeline import build_document
from atlas.structure.structure import Hints
from atlas.write.markdown import block_markdown
from conftest import ROOT, corpus_document

CORPUS = Path(os.environ.get("ATLAS_CORPUS", ROOT.parent / "shared" / "corpus"))
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent (a fresh clone)")


def _document(folder: Path, name: str) -> Document:
    meta = DocumentMeta(id=name, title=name, body="見本省", date=date(2024, 4, 1), kind="report",
                        source=f"{name}.pdf", summary=name, format="pdf")
    return build_document(Entry(meta, Hints(), 1), folder)


def _blocks(document: Document) -> list:
    return [*document.preamble, *(block for section in document.all_sections() for block in section.blocks)]


# ---------------------------------------------------------------------------
# A chart beside a column of text
# ---------------------------------------------------------------------------

BESIDE_TEXT = ("こうした状況を踏まえ、各事業者は料金の見直しが必要であるとの認識を共有しているが、"
               "制度の改定に頼った改善にとどまる事業者と、独自の改善策まで進める事業者との差が広がって"
               "いる可能性がある。")
AFTER_TEXT = "今後も各事業者の取組を注視していく。"
TICKS = ["8,000 億円", "6,000", "4,000", "2,000", "0", "-2,000"]
YEARS = " ".join(str(year) for year in range(2012, 2022))
LEGEND = "収入 支出"
TEXT_RIGHT = 260.0  # the text column's right edge; the chart stands right of it
CHART = (300.0, 150.0, 560.0, 330.0)  # x0, top, x1, bottom from the page's top-left


def _chart_beside_text(path: Path) -> None:
    """A text column on the left whose paragraph runs past the chart's top and bottom; the chart on
    the right as a spreadsheet draws it: a frame, gridlines and bars as paths, tick values right-
    aligned down its axis (small type), a row of years under the bars, a legend."""
    from reportlab.lib import colors

    canvas = new_canvas(path)
    flow = Flow(canvas, [Frame(0, MARGIN_X, TEXT_RIGHT, CHART[1] - 30, PAGE_HEIGHT - MARGIN)])
    flow.add(Para(BESIDE_TEXT, indent=False))
    draw_line(canvas, _atoms(AFTER_TEXT), MARGIN_X, CHART[3] + 20, MINCHO, BODY_SIZE)  # under the chart
    x0, top, x1, bottom = CHART
    canvas.setLineWidth(0.5)
    canvas.rect(x0, PAGE_HEIGHT - bottom, x1 - x0, bottom - top, stroke=1, fill=0)
    axis = x0 + 45
    pitch = (bottom - top - 50) / (len(TICKS) - 1)
    canvas.setFont(MINCHO, 6)
    for n, tick in enumerate(TICKS):
        y = PAGE_HEIGHT - (top + 10 + n * pitch)
        canvas.line(axis, y, x1 - 10, y)
        canvas.drawRightString(axis - 4, y - 2, tick)
    zero = PAGE_HEIGHT - (top + 10 + 4 * pitch)
    for n in range(10):
        canvas.setFillColor(colors.grey if n % 2 else colors.black)
        canvas.rect(axis + 6 + n * 20, zero, 12, 10 + 6 * n, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    canvas.drawString(axis + 4, PAGE_HEIGHT - (bottom - 30), YEARS)
    canvas.drawString(axis + 60, PAGE_HEIGHT - (bottom - 14), LEGEND)
    canvas.save()


def test_a_charts_ticks_beside_a_paragraph_are_its_labels_read_after_the_paragraph(tmp_path: Path) -> None:
    _chart_beside_text(tmp_path / "chart.pdf")
    document = _document(tmp_path, "chart")
    blocks = _blocks(document)
    texts = [block.text for block in blocks if isinstance(block, Paragraph)]
    # The sentence is whole: no tick value inside it, nothing cut.
    assert BESIDE_TEXT in texts
    [figure] = [block for block in blocks if isinstance(block, Figure)]
    labels = figure.text.split("\n")
    assert [label for label in labels if label in TICKS] == TICKS and YEARS in labels
    # Read after the paragraph it stands beside, before the text under it.
    order = [block.text for block in blocks]
    assert order.index(BESIDE_TEXT) < order.index(figure.text) < order.index(AFTER_TEXT)
    assert document_report(document).conserved


@needs_corpus
def test_corpus_chart_ticks_stay_out_of_the_bullet_beside_them() -> None:
    """fsa-insurance-monitoring-report-2023 PDF p. 4: the second chart's ticks 「8,000 億円」「6,000」…
    cut the third bullet four times; read off the page: the bullet is one sentence, the ticks the
    chart's labels."""
    document = corpus_document("fsa-insurance-monitoring-report-2023")  # shared: conftest.corpus_document
    blocks = _blocks(document)
    bullet = next(block for block in blocks
                  if isinstance(block, Paragraph) and "持続可能なビジネスとする観点" in block.text)
    assert "「更なる保険料改定が必要」" in bullet.text and bullet.text.endswith("二極化が進んでいる可能性。")
    assert "6,000" not in bullet.text
    figure = next(block for block in blocks if isinstance(block, Figure) and block.text.startswith("8,000 億円"))
    assert "2012 2013" in figure.text and "-6,000" in figure.text
    assert blocks.index(bullet) < blocks.index(figure)


# ---------------------------------------------------------------------------
# Words struck through
# ---------------------------------------------------------------------------

STRUCK_BEFORE = "申請は、"
STRUCK_NEW = "電子申請"  # underlined: the new words
STRUCK_OLD = "書面"  # struck through: the words deleted
STRUCK_AFTER = "により行うものとする。"
RULED = "この行には、文字の上を通り過ぎる長い罫線が引かれている。"  # a rule through it, past its ends


def _struck_words(path: Path) -> None:
    """A correction's line: the new words underlined, the deleted words struck through with a thin
    line at mid-height that begins and ends with them; then a line a long rule runs across."""
    canvas = new_canvas(path)
    size, x, top = BODY_SIZE, MARGIN_X, MARGIN
    line = STRUCK_BEFORE + STRUCK_NEW + STRUCK_OLD + STRUCK_AFTER
    draw_line(canvas, _atoms(line), x, top, MINCHO, size)

    def at(text: str) -> float:
        return x + pdfmetrics.stringWidth(text, MINCHO, size)

    canvas.setLineWidth(0.5)
    start, middle, end = at(STRUCK_BEFORE), at(STRUCK_BEFORE + STRUCK_NEW), at(STRUCK_BEFORE + STRUCK_NEW + STRUCK_OLD)
    canvas.line(start, PAGE_HEIGHT - (top + size * 1.05), middle, PAGE_HEIGHT - (top + size * 1.05))  # underline
    canvas.line(middle, PAGE_HEIGHT - (top + size * 0.5), end, PAGE_HEIGHT - (top + size * 0.5))  # strike-out
    below = top + 3 * size
    draw_line(canvas, _atoms(RULED), x + 4 * size, below, MINCHO, size)
    canvas.line(x, PAGE_HEIGHT - (below + size * 0.5), x + 30 * size, PAGE_HEIGHT - (below + size * 0.5))
    canvas.save()


def test_struck_words_are_marked_deleted_and_kept(tmp_path: Path) -> None:
    _struck_words(tmp_path / "struck.pdf")
    document = _document(tmp_path, "struck")
    blocks = _blocks(document)
    text = STRUCK_BEFORE + STRUCK_NEW + STRUCK_OLD + STRUCK_AFTER
    paragraph = next(block for block in blocks if isinstance(block, Paragraph) and block.text == text)
    offset = len(STRUCK_BEFORE + STRUCK_NEW)
    deleted = [link for link in paragraph.links if link.target == DELETED]
    assert deleted == [InlineLink(offset, len(STRUCK_OLD), DELETED)]
    markdown = block_markdown(paragraph, {})
    assert f"{STRUCK_NEW}<del>{STRUCK_OLD}</del>{STRUCK_AFTER}" in markdown
    # A rule running on past the characters it crosses strikes none of them out.
    ruled = next(block for block in blocks if isinstance(block, Paragraph) and block.text == RULED)
    assert not ruled.links
    assert document_report(document).conserved  # the struck characters are still counted


@needs_corpus
def test_corpus_correction_notice_strikes_out_the_replaced_words() -> None:
    """mhlw-shinryo-kaitei-teisei-2020 PDF p. 7, read off the page: 「看護職員」 underlined (new),
    「看護要員」 struck through in red (deleted), twice."""
    document = corpus_document("mhlw-shinryo-kaitei-teisei-2020")
    shown = [block_markdown(block, {}) for block in _blocks(document)
             if isinstance(block, Paragraph) and "看護職員看護要員" in block.text]
    assert len(shown) >= 2 and all("看護職員<del>看護要員</del>" in text for text in shown)
    assert document_report(document).conserved


# ---------------------------------------------------------------------------
# A callout laid over a table
# ---------------------------------------------------------------------------

CALLOUT_LINES = ["対象となる資料は、必要に応じて", "申請書の本体にも記載すること。"]


def _callout_over_table(path: Path) -> None:
    """A ruled table (its header row shaded), then a box painted over the lower right cells with
    two lines of text painted on it: the cells' text under the box stays in the PDF."""
    from pdf_samples import TABLE_ROWS, _ruled_table
    from reportlab.lib import colors

    canvas = new_canvas(path)
    table = _ruled_table()
    _, height = table.wrapOn(canvas, 400, PAGE_HEIGHT)
    left, top = MARGIN_X, MARGIN
    table.drawOn(canvas, left, PAGE_HEIGHT - top - height)
    box_left, box_top = left + 230, top + 30
    canvas.setFillColor(colors.yellow)
    outline = canvas.beginPath()  # a callout as presentation software draws one: a box with a pointer
    x0, x1, y_top, y_bottom = box_left, box_left + 190, PAGE_HEIGHT - box_top, PAGE_HEIGHT - box_top - 44
    for n, (x, y) in enumerate([(x0, y_top), (x1, y_top), (x1, y_bottom), (x0 + 70, y_bottom),
                                (x0 + 50, y_bottom - 20), (x0 + 40, y_bottom), (x0, y_bottom)]):
        (outline.moveTo if n == 0 else outline.lineTo)(x, y)
    outline.close()
    canvas.drawPath(outline, stroke=1, fill=1)
    canvas.setFillColor(colors.black)
    for n, line in enumerate(CALLOUT_LINES):
        draw_line(canvas, _atoms(line), box_left + 8, box_top + 6 + 16 * n, MINCHO, 11)
    draw_line(canvas, _atoms(AFTER_TEXT), left, top + height + 30, MINCHO, BODY_SIZE)
    canvas.save()
    assert len(TABLE_ROWS) >= 3  # the box covers rows 2 and 3


def test_a_callout_over_a_table_is_read_whole_after_it_and_the_cells_keep_their_text(tmp_path: Path) -> None:
    from pdf_samples import TABLE_ROWS

    from atlas.model.document import Table

    _callout_over_table(tmp_path / "callout.pdf")
    document = _document(tmp_path, "callout")
    blocks = _blocks(document)
    [table] = [block for block in blocks if isinstance(block, Table)]
    assert table.rows == TABLE_ROWS  # the cells under the box keep their own text, nothing of the box's
    callout = next(block for block in blocks if isinstance(block, Paragraph) and CALLOUT_LINES[0] in block.text)
    assert callout.text == "".join(CALLOUT_LINES)
    assert blocks.index(table) < blocks.index(callout)
    assert document_report(document).conserved


@needs_corpus
def test_corpus_callouts_over_slide_tables_stand_after_them() -> None:
    """pmda-mf-system-slides PDF pp. 13–14, read off the pages: a yellow callout over each table."""
    from atlas.model.document import Table

    blocks = _blocks(corpus_document("pmda-mf-system-slides"))
    tables = [block for block in blocks if isinstance(block, Table)]
    cells = ["".join(row) for table in tables for row in table.rows]
    assert "3.2.S.2.5プロセスバリデーション／プロセス評価○" in cells  # its row, without the callout's words
    texts = [block.text for block in blocks if isinstance(block, Paragraph)]
    assert "類縁物質等の安全性／薬効関係データは必要に応じて承認申請本体に記載することとなる。" in texts
    assert any(text.startswith("双方に○が記載されている場合は、開示パート事項。")
               and text.endswith("（ただし、公衆衛生上の安全性に関する情報で特に求めのあった場合は除く。）")
               for text in texts)
