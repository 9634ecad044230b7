"""Two-column pages parted into blocks (issue 23, bench/reader.md 'Two columns read as one').

White papers set their text in two columns and part the page with bands drawn across it: a
section's heading between two rules, short enough to fit in the left column.  The columns are
read block by block: the right column above the band before the heading, the heading, then the
next pair of columns.  A page under a chart whose footnotes (full width, small type, long
addresses) hold more type than its body must still be read in its two columns, not line by line
across the gutter.

The PDFs are made here (reportlab, tests/pdf_samples.py's helpers); the texts are written for
these tests.  The corpus checks skip without the corpus (ATLAS_CORPUS).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from pdf_samples import (
    BODY_SIZE,
    GOTHIC,
    LEADING,
    MARGIN_X,
    MINCHO,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    _atoms,
    draw_line,
    justified,
    new_canvas,
    pdf_document,
    wrap,
)
from reportlab.pdfbase import pdfmetrics

from atlas.config.catalog import Entry
from atlas.model.document import DocumentMeta, Paragraph
from atlas.pipeline import build_document
from atlas.read.read_pdf import read_pdf  # conftest puts scripts/ on the path
from atlas.structure.structure import Hints

COLUMN_WIDTH = 20 * BODY_SIZE
RIGHT_X = PAGE_WIDTH - MARGIN_X - COLUMN_WIDTH
PITCH = BODY_SIZE * LEADING

# Block 1: a paragraph that runs from the left column into the right one, above the band.
FIRST_HEADING = "1．調査の目的"
FIRST_PARAGRAPH = ("本調査は、地方公共団体が保有するデータの公開と活用の状況を把握し、今後の支援策を検討するために"
                   "実施した。全国の市区町村に調査票を送り、担当部署の回答を集めた。回答の内容は、公開の範囲、利用の件数、"
                   "活用を進めるうえでの課題の三つに分けて整理した。")
# The band: a section heading between two rules drawn across both columns; its words fit in one.
BAND_HEADING = "2．調査の結果"
# Block 2: the next paragraph, again from the left column into the right.
SECOND_PARAGRAPH = ("データを公開していると答えた団体は全体の六割を超え、前回の調査から大きく増えた。分野別では防災と"
                    "子育て支援が多く、交通や観光がこれに続いた。一方で、公開したデータの利用の件数を把握している団体は"
                    "少なく、効果の測り方を共有する仕組みが求められている。")
NOTES = [f"{n} https://www.example.go.jp/statistics/open-data/survey/2024/appendix-{n}/municipal-responses-by-field.html"
         for n in range(1, 9)]
NOTE_SIZE = 7.0


def _set_in_two_columns(canvas, text: str, top: float) -> float:
    """The paragraph wrapped to a column, its first half of lines in the left column and the rest
    in the right one, line for line on the same baselines (as a balanced block is set); returns
    the bottom of the block."""
    lines = wrap(text, MINCHO, BODY_SIZE, COLUMN_WIDTH, indent=BODY_SIZE)
    half = (len(lines) + 1) // 2
    for index, line in enumerate(lines):
        column, row = divmod(index, half)
        x = (MARGIN_X if column == 0 else RIGHT_X) + (BODY_SIZE if index == 0 else 0)
        last = index == len(lines) - 1
        space = 0.0 if last else justified(line, MINCHO, BODY_SIZE, COLUMN_WIDTH - (BODY_SIZE if index == 0 else 0))
        draw_line(canvas, line, x, top + row * PITCH, MINCHO, BODY_SIZE, space)
    return top + half * PITCH


def _rule(canvas, top: float) -> None:
    canvas.setLineWidth(0.7)
    canvas.line(MARGIN_X, PAGE_HEIGHT - top, PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - top)


def make_banded_columns(path: Path) -> None:
    """A heading, a block of two columns, a band (heading between rules across the page), another
    block of two columns."""
    canvas = new_canvas(path)
    _banded_page(canvas)
    canvas.save()


def _banded_page(canvas) -> None:
    draw_line(canvas, _atoms(FIRST_HEADING), MARGIN_X, 90.0, GOTHIC, 13)
    bottom = _set_in_two_columns(canvas, FIRST_PARAGRAPH, 120.0)
    band = bottom + 2 * BODY_SIZE
    _rule(canvas, band)
    draw_line(canvas, _atoms(BAND_HEADING), MARGIN_X + BODY_SIZE, band + 5, GOTHIC, 13)
    _rule(canvas, band + 23)
    _set_in_two_columns(canvas, SECOND_PARAGRAPH, band + 23 + 2 * BODY_SIZE)


def make_columns_over_notes(path: Path) -> None:
    """A banded page, then two columns of body text over long full-width notes in small type: on
    the second page the notes hold more of the type than the body does (the document's body size
    is the first page's)."""
    canvas = new_canvas(path)
    _banded_page(canvas)
    canvas.showPage()
    draw_line(canvas, _atoms(FIRST_HEADING), MARGIN_X, 90.0, GOTHIC, 13)
    _set_in_two_columns(canvas, FIRST_PARAGRAPH + SECOND_PARAGRAPH, 120.0)
    for index, note in enumerate(NOTES):
        draw_line(canvas, _atoms(note), MARGIN_X, 560.0 + index * 1.3 * NOTE_SIZE, MINCHO, NOTE_SIZE)
    canvas.save()


BOX_SIZE = 9.0
BOX_PADDING = 8.0
BOX_PARAGRAPH = ("研究者の一人は、科学技術と社会の関係を研究する立場から、新しい技術が暮らしに入り込むときに生じる"
                 "課題を早い段階で見つけ、市民や企業と一緒に考える場を作ることが大切だと話す。技術の利点と危うさの両方を"
                 "率直に語り合える関係が、信頼される技術を育てるという。")


def make_box_over_columns(path: Path) -> None:
    """A banded page; then a box of full-width text set smaller than the body across the page (its
    paragraph's last line short, in the left half), and two columns of body text under it."""
    canvas = new_canvas(path)
    _banded_page(canvas)
    canvas.showPage()
    # The box's text is inset from the page's text edges by its padding (about a character).
    width = 2 * COLUMN_WIDTH + (RIGHT_X - MARGIN_X - COLUMN_WIDTH) - 2 * BOX_PADDING
    lines = wrap(BOX_PARAGRAPH * 2, MINCHO, BOX_SIZE, width, indent=BOX_SIZE)
    assert pdfmetrics.stringWidth("".join(t for t, _ in lines[-1]), MINCHO, BOX_SIZE) < COLUMN_WIDTH
    for index, line in enumerate(lines):
        x = MARGIN_X + BOX_PADDING + (BOX_SIZE if index == 0 else 0)
        last = index == len(lines) - 1
        space = 0.0 if last else justified(line, MINCHO, BOX_SIZE, width - (BOX_SIZE if index == 0 else 0))
        draw_line(canvas, line, x, 100.0 + index * BOX_SIZE * 1.4, MINCHO, BOX_SIZE, space)
    _set_in_two_columns(canvas, FIRST_PARAGRAPH + SECOND_PARAGRAPH, 120.0 + len(lines) * BOX_SIZE * 1.4)
    canvas.save()


def _body(path: Path, page: int = 1) -> str:
    lines = read_pdf(path).lines
    return "".join(line.text for line in lines if line.kind == "body" and line.page == page and line.layout
                   and line.layout.role != "footnote").replace(" ", "")


def test_a_band_across_the_columns_ends_the_block_above_it(tmp_path: Path) -> None:
    """The right column above the band is read before the band's heading, and the heading before
    the columns under it: the first paragraph whole, then the heading, then the second."""
    path = tmp_path / "banded.pdf"
    make_banded_columns(path)
    body = _body(path)
    expected = FIRST_HEADING + FIRST_PARAGRAPH + BAND_HEADING + SECOND_PARAGRAPH
    assert body == expected.replace(" ", "")


def test_two_columns_over_a_page_of_notes_are_read_column_by_column(tmp_path: Path) -> None:
    """The notes' small type outweighs the body's on the page; the gutter is still found at the
    body's size, and the paragraph reads down the left column, then the right."""
    path = tmp_path / "notes.pdf"
    make_columns_over_notes(path)
    body = _body(path, page=2)
    assert (FIRST_HEADING + FIRST_PARAGRAPH + SECOND_PARAGRAPH) in body


def test_a_full_width_paragraphs_short_last_line_stays_with_it(tmp_path: Path) -> None:
    """The last line of a paragraph set across the page ends in the left half of a two-column
    page: it is the paragraph's end, not the start of the left column (the paragraph is one
    block, and the columns under it another)."""
    path = tmp_path / "box.pdf"
    make_box_over_columns(path)
    document = pdf_document(path)
    texts = [b.text.replace(" ", "") for b in [*document.preamble, *(b for s in document.all_sections()
                                                                      for b in s.blocks)]
             if isinstance(b, Paragraph)]
    assert BOX_PARAGRAPH * 2 in texts
    assert FIRST_PARAGRAPH + SECOND_PARAGRAPH in texts


# ---------------------------------------------------------------------------
# The corpus (skipped without it)
# ---------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ATLAS_CORPUS", ROOT.parent / "shared" / "corpus"))


def _corpus_pdf(name: str) -> Path:
    path = CORPUS / f"{name}.pdf"
    if not path.exists():
        pytest.skip(f"corpus not available: {path}")
    return path


def _page_text(name: str, page: int) -> str:
    lines = read_pdf(_corpus_pdf(name)).lines
    return "".join(line.text for line in lines if line.page == page and line.kind == "body").replace(" ", "")


def test_white_paper_section_band_parts_the_columns_on_the_corpus() -> None:
    """mext-sti-whitepaper-r6-ch1, PDF p. 1 (printed 4): 第1節's paragraph goes on at the top of the
    right column above 第2節's band; 第2節's first sentence goes on at the top of the right column
    under it (read off the PDF)."""
    text = _page_text("mext-sti-whitepaper-r6-ch1", 1)
    assert "広い概念で理解されています。" in text
    assert "幾度もブームを繰り返しながら、" in text
    assert text.index("果たしつつあります。") < text.index("第2節") < text.index("AI技術のこれまで")


def test_white_paper_columns_under_a_chart_are_not_interleaved_on_the_corpus() -> None:
    """mext-sti-whitepaper-r6-ch3, PDF p. 2 (printed 25): under the chart, two columns of body text
    over a page foot of long note addresses; read off the PDF, the left column's last line 「…取組」
    goes on in the right column's first 「も新たに追加しています」."""
    text = _page_text("mext-sti-whitepaper-r6-ch3", 2)
    assert "研究開発を戦略的に進めるため、2016年に" in text
    assert "戦略的な国際連携に関する取組も新たに追加しています" in text


def test_white_paper_box_above_columns_keeps_its_paragraphs_whole_on_the_corpus() -> None:
    """mext-sti-whitepaper-r6-ch3, PDF p. 16 (printed 39): a コラム box set across the page above two
    columns; its paragraphs' short last lines stand in the left half (read off the PDF:
    「…その課題への対策を社会に」／「働きかける側面も持つ領域です。」 is one paragraph)."""
    path = _corpus_pdf("mext-sti-whitepaper-r6-ch3")
    meta = DocumentMeta(id="ch3", title="ch3", body="tests", date=date(2024, 1, 1), kind="report",
                        source=path.name, summary="ch3", format="pdf")
    document = build_document(Entry(meta, Hints(), 1), path.parent)
    texts = [b.text.replace(" ", "") for s in document.all_sections() for b in s.blocks if isinstance(b, Paragraph)]
    assert any("その課題への対策を社会に働きかける側面も持つ領域です。" in text for text in texts)
    assert any("博士課程まで進学し、研究の道に進むことにしたそうです。" in text for text in texts)


def test_white_paper_table_row_labels_come_before_their_text_on_the_corpus() -> None:
    """mext-sti-whitepaper-r6-ch3, PDF p. 13 (printed 36): 第1-3-7表, each country's label before its
    cell's text (read off the PDF: 「英国」 beside 「イノベーション促進型…」), as lines or, now that its
    rules are read, as a table's rows (cells apart by a tab)."""
    text = _page_text("mext-sti-whitepaper-r6-ch3", 13).replace("\t", "")
    assert "英国イノベーション促進型" in text and "日本事業者ガイドライン" in text
