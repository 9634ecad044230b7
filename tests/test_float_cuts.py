"""A sentence a figure, a caption or a table interrupts is one paragraph (issue 23, "paragraphs not
whole"): on PDFs the test makes (tests/pdf_float_samples.py), the sentence's halves are one
paragraph and the floats stand after it; two real paragraphs with a figure between stay two.  And,
on the shared corpus where present, the instances read off the PDF pages by hand."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pdf_float_samples as samples
import pytest
from pdf_samples import pdf_document

from atlas.check.report import document_report
from atlas.model.document import Document, DocumentMeta, Draft, Figure, Layout, Line, Paragraph, SourceSpan, Table
from atlas.read.figures import attach_figures
from atlas.structure.float_cuts import join_paragraphs_cut_by_floats
from conftest import ROOT, corpus_document


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



def _figure_line(number: int, text: str, x0: float, top: float) -> Line:
    layout = Layout(x0=x0, x1=x0 + 10 * len(text), top=top, size=10.0, column_x0=50, column_x1=300, role="figure")
    return Line(number, text, page=1, layout=layout)


def test_a_figure_whose_labels_open_with_its_caption_takes_no_caption_from_below():
    # Two photographs side by side, the first's caption among its labels: once the text set between
    # them is joined into the paragraph before, the second's caption stands right under the first
    # figure, and the first figure took it for its own (alt text naming the wrong picture).
    own, next_caption = "■第1-1-5図／見本の装置", "■第1-1-6図／見本の建物"
    lines = [_figure_line(1, own, 60, 100), _figure_line(2, "提供：見本大学", 60, 230),
             Line(3, next_caption, page=1, layout=Layout(x0=320, x1=480, top=100, size=10.0, column_x0=310,
                                                           column_x1=560))]
    blocks = [Paragraph(f"{own}\n提供：見本大学", SourceSpan(1, 2), kind="preformatted"),
              Paragraph(next_caption, SourceSpan(3, 3), kind="caption")]
    meta = DocumentMeta(id="sample", title="見本", body="見本省", date=date(2024, 4, 1), kind="report",
                        source="sample.pdf", summary="見本。", format="pdf")
    document = Document(meta, preamble=blocks, lines=lines)
    [figure] = attach_figures(document, {1: [(55.0, 95.0, 300.0, 245.0)]})
    assert figure.alt != next_caption


# The shared corpus (white paper chapters in two columns): sentences a float cut, read off the pages.
CORPUS = Path(os.environ.get("ATLAS_CORPUS", ROOT.parent / "shared" / "corpus"))
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent (a fresh clone)")
CORPUS_CUTS = [
    # ch. 1, PDF pp. 4→5: a figure, its source note wrapped onto a second small line, the page's notes
    ("mext-sti-whitepaper-r6-ch1", "などにより、高精度な画像生成が可能になり"),
    # ch. 3, PDF pp. 3→4: the next page opens with a table, its caption and its source note
    ("mext-sti-whitepaper-r6-ch3", "同報告書で掲げられたビジョンの実現に向けて"),
    # ch. 3, PDF pp. 5→6: the same, a sentence cut after its first clause
    ("mext-sti-whitepaper-r6-ch3", "現在は、科学・イノベーション・技術省"),
    # ch. 3, PDF pp. 7→8: one of the page's notes, set apart from the others, read as small print
    ("mext-sti-whitepaper-r6-ch3", "同法案が採択されました"),
]


@needs_corpus
@pytest.mark.parametrize(("doc_id", "words"), CORPUS_CUTS)
def test_corpus_sentences_cut_by_a_float_are_whole(doc_id, words):
    document = corpus_document(doc_id)  # converted once per test process for all files (conftest)
    assert any(words in block.text for block in _blocks(document) if type(block) is Paragraph)


@needs_corpus
def test_a_charts_title_over_a_chart_is_not_joined_to_the_item_under_it():
    # The insurance report's slide, PDF p. 4: a chart's title 「＜…＞」 set far right of the column's
    # edge, the chart, then an arrow item 「➡ こうした中、…」 — a title and an item, no cut sentence.
    document = corpus_document("fsa-insurance-monitoring-report-2023")  # shared (conftest)
    texts = [block.text for block in _blocks(document) if type(block) is Paragraph]
    assert "＜損害保険会社の保険種目別利益率（2021年度、全社平均）＞" in texts


def _line(number: int, text: str, x0: float, top: float, x1: float = 300.0) -> Line:
    return Line(number, text, page=1, layout=Layout(x0=x0, x1=x1, top=top, size=10.0, column_x0=50.0,
                                                    column_x1=300.0))


@pytest.mark.parametrize(("top", "joined"), [(318.0, False), (460.0, True)])
def test_a_captions_wrapped_title_is_no_continuation(top, joined):
    # A paragraph cut at its column's foot, a caption under it, then a line flush with the column:
    # right under the caption at its leading it is the caption's title wrapped (「…の」／「推移」); a
    # picture's height below, it is the text going on.
    lines = [_line(1, "見本の町では、窓口の受付の手順を見直し、交付まで", 60, 100),
             _line(2, "の日数を短くした。見直しの前と後で、窓口に寄せられ", 50, 117),
             _line(3, "■第1-1-7図／見本の町の窓口に寄せられた苦情の件数の", 52, 300, 290),
             _line(4, "推移", 50, top, 70)]
    cut = "見本の町では、窓口の受付の手順を見直し、交付までの日数を短くした。見直しの前と後で、窓口に寄せられ"
    draft = Draft(items=[Paragraph(cut, SourceSpan(1, 2)),
                         Paragraph(lines[2].text, SourceSpan(3, 3), kind="caption"),
                         Paragraph("推移", SourceSpan(4, 4))])
    join_paragraphs_cut_by_floats(draft, lines)
    assert (len(draft.items) == 2) is joined
