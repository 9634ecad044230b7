"""Note marks the PDF sets raised: the page's evidence before the text's guess (issue 23).

A white paper sets its note marks as small digits above the baseline.  Flattened to text, a mark
followed by a number (「ＣＡＳＰ¹14で1位」 → 「CASP114で1位」) or glued to a count (「新設²7拠点」) is
ambiguous: the text alone took the 「1」 of 「1位」 for note 1.  The PDF reader keeps each raised run
with the characters around it (read/raised.py) and the notes stage takes that mark first.

A mark set in a type of fixed size (9 pt) over a line of smaller type (a table's source line at 8 pt,
「資料：公表資料¹を基に作成」) stands too far above the line to be read on it: it was a line 「1」 of its
own, the note unlinked (white paper ch1 p. 7, ch3 p. 6).  It is set on the line it touches
(read_pdf._with_raised_marks) and taken for a mark though not smaller than the line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_samples import (
    MARGIN,
    MARGIN_X,
    MINCHO,
    NOTE_SIZE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Flow,
    Frame,
    Heading,
    Para,
    draw_line,
    new_canvas,
    pdf_document,
    wrap,
)
from reportlab.pdfbase import pdfmetrics

from atlas.check.report import document_report
from atlas.model.document import Document, Paragraph
from atlas.read.raised import raised_marks
from atlas.read.read_pdf import read_pdf

RIGHT = PAGE_WIDTH - MARGIN_X
# {n}: a raised 6pt mark.  Each mark is followed by a number the text alone would misread.
PARAGRAPHS = [
    "同社の予測モデルは、立体構造の予測精度を競う国際評価会議ＣＡＳＰ{1}14で1位となり、その後も改良が続けられている。",
    "この計画では、新設{2}3拠点を含む計12の拠点に対し、5年間で総額20億円を配分する。",
]
NOTES = [("1", "Critical Assessment of Structure Prediction の略。隔年で開かれる。"),
         ("2", "令和6年度に公募した拠点をいう。")]


def make_raised_marks(path: Path) -> None:
    canvas = new_canvas(path)
    pitch = NOTE_SIZE * 1.5
    note_top = PAGE_HEIGHT - MARGIN - len(NOTES) * pitch
    flow = Flow(canvas, [Frame(0, MARGIN_X, RIGHT, MARGIN, note_top - 2 * pitch)])
    flow.add(Heading("1．研究開発の動向", 12, space_before=0))
    for text in PARAGRAPHS:
        flow.add(Para(text))
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, PAGE_HEIGHT - note_top + 6, MARGIN_X + 144, PAGE_HEIGHT - note_top + 6)
    for label, text in NOTES:
        hang = pdfmetrics.stringWidth(label + " ", MINCHO, NOTE_SIZE)
        line = [(label, False), (" ", False), *wrap(text, MINCHO, NOTE_SIZE, RIGHT - MARGIN_X - hang)[0]]
        draw_line(canvas, line, MARGIN_X, note_top, MINCHO, NOTE_SIZE)
        note_top += pitch
    canvas.save()


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("raised")
    make_raised_marks(folder / "sample.pdf")
    return folder / "sample.pdf"


def _document(pdf: Path) -> Document:
    return pdf_document(pdf)


def test_the_reader_keeps_each_raised_mark_with_the_characters_around_it(pdf):
    marks = [mark for line in read_pdf(pdf).lines if line.layout for mark in line.layout.raised]
    assert marks == [("SP", "1", "14"), ("新設", "2", "3拠")]


def test_a_raised_mark_followed_by_a_number_is_the_notes_reference(pdf):
    document = _document(pdf)
    paragraphs = [b for s in document.all_sections() for b in s.blocks if isinstance(b, Paragraph)]
    first, second = paragraphs[:2]
    # The marks taken out where they were printed; 「1位」 and 「3拠点」 keep their numbers.
    assert "CASP14で1位となり" in first.text
    assert [(r.label, first.text[: r.offset][-4:]) for r in first.refs] == [("1", "CASP")]
    assert "新設3拠点を含む計12の拠点" in second.text
    assert [(r.label, second.text[: r.offset][-2:]) for r in second.refs] == [("2", "新設")]
    assert document_report(document).conserved


def _char(text: str, x0: float, size: float, bottom: float) -> dict:
    """A character of a line, as the PDF reader gives it: its box from its foot and size."""
    return {"text": text, "x0": x0, "x1": x0 + size, "top": bottom - size, "bottom": bottom, "size": size}


def test_characters_at_the_lines_size_are_no_raised_marks():
    line = [_char("計", 0, 10.5, 100), _char("1", 10.5, 10.5, 100), _char("2", 16, 10.5, 100),
            _char("件", 21, 10.5, 100)]
    assert raised_marks(line, 10.5) == ()
    # A smaller digit on the baseline (a unit set small) is no mark either; raised, it is.
    assert raised_marks([*line[:1], _char("2", 10.5, 6, 100), *line[3:]], 10.5) == ()
    assert raised_marks([*line[:1], _char("2", 10.5, 6, 95), *line[3:]], 10.5) == (("計", "2", "件"),)


SOURCE_LINE = ("資料：公表資料", "1", "を基に作成")
SOURCE_NOTE = ("1", "公表資料の出典をいう。")


def make_large_mark(path: Path) -> None:
    canvas = new_canvas(path)
    top = MARGIN
    draw_line(canvas, [(text, False) for text in "1．研究開発の動向"], MARGIN_X, top, MINCHO, 12)
    draw_line(canvas, [(text, False) for text in "各国は人工知能の研究開発を進めている。"], MARGIN_X, top + 30,
              MINCHO, 10.5)
    before, mark, after = SOURCE_LINE
    baseline = PAGE_HEIGHT - top - 60
    x = MARGIN_X
    for text, size, rise in ((before, 8, 0.0), (mark, 9, 4.2), (after, 8, 0.0)):
        canvas.setFont(MINCHO, size)
        canvas.drawString(x, baseline + rise, text)
        x += pdfmetrics.stringWidth(text, MINCHO, size)
    note_top = PAGE_HEIGHT - MARGIN - NOTE_SIZE * 1.5
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, PAGE_HEIGHT - note_top + 6, MARGIN_X + 144, PAGE_HEIGHT - note_top + 6)
    label, text = SOURCE_NOTE
    draw_line(canvas, [(label, False), (" ", False), *[(c, False) for c in text]], MARGIN_X, note_top, MINCHO,
              NOTE_SIZE)
    canvas.save()


def test_a_mark_larger_than_its_line_is_set_on_it_and_linked(tmp_path):
    make_large_mark(tmp_path / "large.pdf")
    document = _document(tmp_path / "large.pdf")
    paragraphs = [b for s in document.all_sections() for b in s.blocks if isinstance(b, Paragraph)]
    assert "1" not in [p.text.strip() for p in paragraphs]
    [source] = [p for p in paragraphs if p.text.startswith("資料")]
    assert source.text == "資料：公表資料を基に作成"
    assert [(r.label, source.text[: r.offset][-4:]) for r in source.refs] == [("1", "公表資料")]
    assert document_report(document).conserved


def test_a_digit_as_large_as_its_line_is_a_mark_only_well_raised():
    line = [_char("資", 0, 8, 100), _char("料", 8, 8, 100), _char("を", 25, 8, 100), _char("基", 33, 8, 100)]
    assert raised_marks([*line[:2], _char("1", 16, 9, 95.8), *line[2:]], 8) == (("資料", "1", "を基"),)
    assert raised_marks([*line[:2], _char("1", 16, 8, 98.5), *line[2:]], 8) == ()  # a digit a little high
