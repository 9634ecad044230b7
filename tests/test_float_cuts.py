"""A sentence a figure, a caption or a table interrupts is one paragraph (issue 23, "paragraphs not
whole"): on PDFs the test makes (tests/pdf_float_samples.py), the sentence's halves are one
paragraph and the floats stand after it; two real paragraphs with a figure between stay two."""

from __future__ import annotations

import pdf_float_samples as samples
import pytest
from pdf_samples import pdf_document

from atlas.check.report import document_report
from atlas.model.document import Document, Figure, Paragraph, Table


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    paths = samples.write_float_samples(tmp_path_factory.mktemp("float-samples"))
    return {name: pdf_document(path) for name, path in paths.items()}


def _blocks(document: Document) -> list:
    return [*document.preamble, *(block for section in document.all_sections() for block in section.blocks)]


def _texts(document: Document) -> list[str]:
    return [block.text for block in _blocks(document) if type(block) is Paragraph and block.kind == "paragraph"]


def _kinds_after(document: Document, text: str) -> list[str]:
    """What follows the paragraph ``text``: "caption", "figure", "table", "paragraph"."""
    blocks = _blocks(document)
    index = next(n for n, block in enumerate(blocks) if getattr(block, "text", None) == text)
    return ["table" if isinstance(block, Table) else "figure" if isinstance(block, Figure) else block.kind
            for block in blocks[index + 1 :]]


def test_a_sentence_crossing_columns_past_a_figure_is_one_paragraph(documents):
    # The figure at the left column's foot (caption, chart, source note) was read between the
    # sentence's halves and closed the paragraph: its second half stood alone, opening mid-sentence.
    document = documents["columns-caption"]
    assert _texts(document) == [samples.COLUMNS_FIRST, samples.COLUMNS_CUT, samples.COLUMNS_NOTE,
                                samples.COLUMNS_LAST]
    # The figure stays, right after the paragraph it interrupted.
    assert _kinds_after(document, samples.COLUMNS_CUT)[:3] == ["caption", "figure", "paragraph"]
    assert document_report(document).conserved


def test_a_sentence_crossing_a_page_past_a_figure_and_a_table_is_one_paragraph(documents):
    # A figure closing the page, then the next page's table with its caption and source note, stood
    # between the halves: the continuation read as a paragraph of its own under the table.
    document = documents["pages-table"]
    assert _texts(document) == [samples.PAGES_FIRST, samples.PAGES_CUT, samples.PAGES_FIGURE_NOTE,
                                samples.PAGES_TABLE_NOTE, samples.PAGES_LAST]
    assert _kinds_after(document, samples.PAGES_CUT)[:6] == [
        "caption", "figure", "paragraph", "caption", "table", "paragraph"]
    assert document_report(document).conserved


def test_two_paragraphs_with_a_figure_between_stay_two(documents):
    # The first closes its sentence on a full line; the second opens with a paragraph's indent.
    document = documents["two-paragraphs"]
    assert _texts(document) == [samples.TWO_BEFORE, samples.TWO_NOTE, samples.TWO_AFTER]
    assert document_report(document).conserved

