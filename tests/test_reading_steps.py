"""The reading steps alone (structure/reading_steps.py): which step reads a line, in the table's
order, on lines made here."""

from __future__ import annotations

from atlas.config.hints import Hints
from atlas.model.document import Line, Paragraph, SourceSpan, Table
from atlas.structure.builder import DraftBuilder
from atlas.structure.reading_steps import READING_STEPS, read_in_steps


def lines_of(*texts: str) -> list[Line]:
    return [Line(number, text, "body" if text else "blank") for number, text in enumerate(texts, start=1)]


def first_step(builder: DraftBuilder, index: int) -> str:
    """The name of the first step that applies at the line (the loop tries it first; it may decline)."""
    return next(name for name, applies, _ in READING_STEPS if applies(builder, index))


def test_every_body_line_left_is_read_by_the_last_step():
    builder = DraftBuilder(lines_of("本文である。"), Hints())
    name, applies, read = READING_STEPS[-1]
    assert name == "a heading, a list or text" and applies(builder, 0)
    assert read(builder, 0) == 1 and builder.draft.items == [Paragraph("本文である。", SourceSpan(1, 1))]


def test_a_blank_line_is_furniture_and_counts_against_the_open_paragraph():
    builder = DraftBuilder(lines_of("行政手続のオンライン化を進め、", "", "データの利活用を促す。"), Hints())
    assert first_step(builder, 1) == "furniture and blank lines"
    draft = read_in_steps(builder)
    assert draft.items == [Paragraph("行政手続のオンライン化を進め、データの利活用を促す。", SourceSpan(1, 3))]


def test_a_tab_separated_line_is_read_as_a_table_between_paragraphs():
    builder = DraftBuilder(lines_of("次の表のとおり。", "項目\t内容", "窓口\t受付", "以上である。"), Hints())
    assert first_step(builder, 1) == "a flattened table's cells"  # a text source's: it declines here
    draft = read_in_steps(builder)
    assert [type(item) for item in draft.items] == [Paragraph, Table, Paragraph]
    assert draft.items[1].rows == [["項目", "内容"], ["窓口", "受付"]]
