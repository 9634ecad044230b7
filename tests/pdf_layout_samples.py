"""PDFs for the layout features of the PDF reader (issue 23): a ○/◎/△ matrix whose header row is
ruled finer than its body, a document whose pages are labelled (front matter in roman numerals),
a page with a chart, a page set vertically.

Made with tests/pdf_samples.py's helpers (reportlab, Japanese CID fonts, deterministic output).
The texts are written for these tests; the constants are what the tests expect to read back.
"""

from __future__ import annotations

from pathlib import Path

from pdf_samples import (
    BODY_SIZE,
    GOTHIC,
    MINCHO,
    PAGE_HEIGHT,
    Flow,
    Frame,
    Heading,
    Para,
    Picture,
    new_canvas,
    one_column,
)

# ---------------------------------------------------------------------------
# A ○-matrix: 4 columns a reader sees, 12 the rules draw (the header's cells are split in three)
# ---------------------------------------------------------------------------

MATRIX_HEADING = "1．端末の特性の比較"
MATRIX_BEFORE = "端末の種類ごとの特性を次の表に示す。"
MATRIX_ROWS = [
    ["特性", "携帯電話", "スマートフォン", "パソコン"],
    ["携帯性", "◎", "◎", "△"],
    ["通信の速さ", "○", "◎", "△"],
    ["拡張性", "×", "○", "◎"],
    ["画面の大きさ", "△", "○", "◎"],
]
MATRIX_AFTER = "表の記号は、◎が優れる、○が普通、△が劣る、×が対応しないことを示す。"
SUB_COLUMNS = 3  # each column a reader sees is ruled as three in the header row
COLUMN_WIDTH = 96.0
ROW_HEIGHT = 22.0
MATRIX_SIZE = 9.0


def _draw_matrix(canvas, frame: Frame, top: float) -> None:
    """Rules as a word processor draws a header split finer than the body: in the header row a
    vertical rule every third of a column, in the body rows only between the columns."""
    columns = len(MATRIX_ROWS[0])
    left = frame.x0 + (frame.x1 - frame.x0 - columns * COLUMN_WIDTH) / 2
    right = left + columns * COLUMN_WIDTH
    y = PAGE_HEIGHT - top  # reportlab measures from the page foot
    canvas.setLineWidth(0.5)
    for r in range(len(MATRIX_ROWS) + 1):
        canvas.line(left, y - r * ROW_HEIGHT, right, y - r * ROW_HEIGHT)
    for r in range(len(MATRIX_ROWS)):
        step = COLUMN_WIDTH / SUB_COLUMNS if r == 0 else COLUMN_WIDTH
        for k in range(round((right - left) / step) + 1):
            canvas.line(left + k * step, y - r * ROW_HEIGHT, left + k * step, y - (r + 1) * ROW_HEIGHT)
    canvas.setFont(MINCHO, MATRIX_SIZE)
    for r, row in enumerate(MATRIX_ROWS):
        for c, cell in enumerate(row):
            centre = left + (c + 0.5) * COLUMN_WIDTH
            canvas.drawCentredString(centre, y - (r + 1) * ROW_HEIGHT + (ROW_HEIGHT - MATRIX_SIZE) / 2 + 1, cell)


def make_matrix(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(1))
    flow.add(Heading(MATRIX_HEADING, 14, font=GOTHIC, space_before=0))
    flow.add(Para(MATRIX_BEFORE))
    flow.add(Picture(ROW_HEIGHT * len(MATRIX_ROWS) + BODY_SIZE, _draw_matrix))
    flow.add(Para(MATRIX_AFTER))
    canvas.save()


# ---------------------------------------------------------------------------
# Page labels: two sheets of front matter numbered i, ii, then the body from 1
# ---------------------------------------------------------------------------

LABELLED_PAGES = [
    ("はじめに", "この報告書は、行政手続のデジタル化の進み具合をまとめたものである。"),
    ("目次の代わりに", "本論は第1章と第2章からなり、それぞれ一枚に収めた。"),
    ("1．手続の現状", "令和6年度末までに、主な行政手続の八割がオンラインで申請できるようになった。"),
    ("2．今後の課題", "残る手続は、添付書類の電子化と本人確認の方法の見直しを要する。"),
]
LABELS = ["i", "ii", "1", "2"]  # what each sheet's /PageLabels entry reads


def make_page_labels(path: Path) -> None:
    canvas = new_canvas(path)
    flow = Flow(canvas, one_column(len(LABELLED_PAGES)))
    for index, (heading, text) in enumerate(LABELLED_PAGES):
        if index:
            flow.new_page()
        flow.add(Heading(heading, 14, font=GOTHIC, space_before=0))
        flow.add(Para(text))
    canvas.addPageLabel(0, style="ROMAN_LOWER")
    canvas.addPageLabel(2, style="ARABIC", start=1)
    canvas.save()


SAMPLES = {"matrix": make_matrix, "page-labels": make_page_labels}


def write_layout_samples(folder: Path) -> dict[str, Path]:
    """Every sample into ``folder`` as <name>.pdf; returns name → path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, make in SAMPLES.items():
        paths[name] = folder / f"{name}.pdf"
        make(paths[name])
    return paths
