"""Notes whose labels a word processor sets raised, as Word prints a report's page-foot notes (issue 23).

Word sets a note's reference mark raised and small in the text and its label the same way at the
note's start, the note's text in a type a little smaller than the body.  Read from the page:

- the label's gap is lost (「⁴ Open Data…」 → 「4Open Data」): the note is read as none, its
  mark stays a digit in the sentence, and the page's notes end up amid the text;
- a mark the line broke before (「…とする」 over 「²。」) made a line of its own set in the mark's
  small type, a paragraph 「25。」 of its own;
- two marks on one word (「記録³ ⁴」) were read as one mark 「34」.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_samples import (
    BODY_SIZE,
    MARGIN,
    MARGIN_X,
    MINCHO,
    NOTE_SIZE,
    PAGE_HEIGHT,
    TEXT_WIDTH,
    Atom,
    draw_line,
    justified,
    new_canvas,
    pdf_document,
)

from atlas.check.report import document_report
from atlas.model.document import Document, Paragraph
from atlas.read.raised import raised_marks
from atlas.read.read_pdf import read_pdf

PITCH = BODY_SIZE * 1.75
# Each paragraph as printed line by line; {n}: a raised mark.
LINES = [
    ["　この方式は、電子的な記録{1}の類型ごとに異なる取扱いを定めるものであり、各類型",
     "の要件は次のとおりである。"],
    ["　記名式の記録は、その移転を禁止する旨の定めがあるときに限り、慎重に判断するものとする",
     "{2}。"],
    ["　上記以外の電子的な記録{3} {4}"],
]
# The notes, each label raised at the note's start and glued to its text.
NOTES = [("1", "ここでいう記録は仮称である。"),
         ("2", "本報告書における整理である。"),
         ("3", "別の類型とする考え方もある。"),
         ("4", "詳細は今後の検討による。")]


def _atoms(text: str) -> list[Atom]:
    atoms: list[Atom] = []
    while text:
        if text[0] == "{":
            end = text.index("}")
            atoms.append((text[1:end], True))
            text = text[end + 1 :]
        else:
            atoms.append((text[0], False))
            text = text[1:]
    return atoms


def make_report_notes(path: Path) -> None:
    canvas = new_canvas(path)
    top = MARGIN
    draw_line(canvas, _atoms("１ 記録の類型"), MARGIN_X, top, MINCHO, BODY_SIZE)
    top += PITCH
    for paragraph in LINES:
        for n, text in enumerate(paragraph):
            atoms = _atoms(text)
            spacing = justified(atoms, MINCHO, BODY_SIZE, TEXT_WIDTH) if n < len(paragraph) - 1 else 0
            draw_line(canvas, atoms, MARGIN_X, top, MINCHO, BODY_SIZE, spacing)
            top += PITCH
    top = PAGE_HEIGHT - MARGIN - len(NOTES) * NOTE_SIZE * 1.5
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, PAGE_HEIGHT - top + 6, MARGIN_X + 144, PAGE_HEIGHT - top + 6)
    for label, text in NOTES:
        draw_line(canvas, [(label, True), *_atoms(text)], MARGIN_X, top, MINCHO, NOTE_SIZE)
        top += NOTE_SIZE * 1.5
    canvas.save()


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report-notes")
    make_report_notes(folder / "sample.pdf")
    return folder / "sample.pdf"


@pytest.fixture(scope="module")
def document(pdf: Path) -> Document:
    return pdf_document(pdf)


def test_a_raised_label_is_parted_from_its_notes_text(pdf):
    notes = [line.text for line in read_pdf(pdf).lines if line.layout and line.layout.role == "footnote"]
    assert notes == [f"{label} {text}" for label, text in NOTES]


def test_every_note_is_linked_to_its_raised_mark(document):
    assert [note.label for note in document.footnotes] == ["1", "2", "3", "4"]
    paragraphs = [b for s in document.all_sections() for b in s.blocks if isinstance(b, Paragraph)]
    texts = [p.text for p in paragraphs]
    assert texts[0].startswith("この方式は、電子的な記録の類型ごとに")
    marks = [(r.label, p.text[: r.offset][-2:]) for p in paragraphs for r in p.refs]
    assert marks == [("1", "記録"), ("2", "する"), ("3", "記録"), ("4", "記録")]
    assert document_report(document).conserved


def test_a_mark_carried_to_the_next_line_keeps_the_line_in_its_paragraph(document):
    paragraphs = [b for s in document.all_sections() for b in s.blocks if isinstance(b, Paragraph)]
    assert any(p.text.endswith("慎重に判断するものとする。") for p in paragraphs)
    assert not any(p.text.strip() in ("。", "2。") for p in paragraphs)


def _char(text: str, x0: float, size: float, bottom: float) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + size * 0.6, "top": bottom - size, "bottom": bottom, "size": size}


def test_two_marks_a_space_apart_are_two_marks():
    line = [_char("記", 0, 10.5, 100), _char("録", 10.5, 10.5, 100), _char("2", 21, 6, 95),
            _char("2", 24.6, 6, 95), _char("2", 31, 6, 95), _char("3", 34.6, 6, 95)]
    assert raised_marks(line, 10.5) == (("記録", "22", ""), ("記録", "23", ""))
