"""Every PDF page gets its 「p. N」 mark, also in a document without headings (issue 23: 「No page
marks at all」 on a comparison table read wholly as tables).

The writer marks a page where it begins among a section's blocks; the blocks before the first
heading (a document's preamble: all of it, when the document has no heading) were written without
any mark, so nothing in such a document could be cited by page.  The PDF made here is two pages,
each holding only a ruled table, no heading; both pages must be marked on the document's page and
in its print view.  On the shared corpus, every page of the MLETR comparison table.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import markdown
import pytest
from pdf_samples import GOTHIC, MARGIN, MINCHO, PAGE_HEIGHT, PAGE_WIDTH, new_canvas
from reportlab.lib import colors
from reportlab.platypus import Table as DrawnTable
from reportlab.platypus import TableStyle

from atlas.config.catalog import Entry
from atlas.model.document import Document, DocumentMeta, Table
from atlas.pipeline import build_document
from atlas.structure.structure import Hints
from atlas.write.write import document_pages
from conftest import ROOT

# One table over two pages, the second page's first row the rest of the row the break cut: its
# first cell is empty (the row's label is printed once, on the first page).
PAGE_ROWS = [
    [["規定", "原文の趣旨", "要綱案の考え方"],
     ["第1条", "電子的な記録に適用する", "船荷証券等を対象とする"],
     ["第2条", "用語を定義し、その範囲を", "同じ定義規定を置き、"]],
    [["", "明らかにする", "その範囲を同じくする"],
     ["第3条", "国際的な起源を考慮する", "解釈に委ねる"],
     ["第4条", "当事者の合意を認める", "任意規定による"]],
]
JOINED_ROW = ["第2条", "用語を定義し、その範囲を明らかにする", "同じ定義規定を置き、その範囲を同じくする"]
_MARK = re.compile(r'data-page="(\d+)"')


def make_tables_only(path: Path) -> None:
    canvas = new_canvas(path)
    for number, rows in enumerate(PAGE_ROWS, start=1):
        canvas.setFont(MINCHO, 10)
        canvas.drawCentredString(PAGE_WIDTH / 2, MARGIN / 2, f"- {number} -")  # the page's number at its foot
        table = DrawnTable(rows, colWidths=[80, 160, 160], rowHeights=24)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), MINCHO),
            ("FONTNAME", (0, 0), (-1, 0), GOTHIC),
            ("FONTSIZE", (0, 0), (-1, -1), 10),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ]))
        width, height = table.wrapOn(canvas, PAGE_WIDTH, PAGE_HEIGHT)
        table.drawOn(canvas, (PAGE_WIDTH - width) / 2, PAGE_HEIGHT - MARGIN - height)
        canvas.showPage()
    canvas.save()


def _built(folder: Path, doc_id: str, source: Path) -> Document:
    meta = DocumentMeta(id=doc_id, title="見本", body="見本省", date=date(2024, 4, 1), kind="report",
                        source=source.name, summary="見本。", format="pdf")
    return build_document(Entry(meta, Hints(), 1), source.parent)


def _marked_pages(document: Document) -> dict[str, set[int]]:
    """Each written page (its path's file name) → the PDF pages marked on it."""
    return {page.path.rsplit("/", 1)[-1]: {int(n) for n in _MARK.findall(page.text)}
            for page in document_pages(document, None, [])}


def test_pages_holding_only_tables_are_each_marked(tmp_path):
    make_tables_only(tmp_path / "tables.pdf")
    document = _built(tmp_path, "tables", tmp_path / "tables.pdf")
    assert not document.all_sections(), "the sample has no heading: every block is the preamble"
    marked = _marked_pages(document)
    assert marked["index.md"] == {1, 2}
    assert marked["print.md"] == {1, 2}


def test_a_table_going_on_over_the_page_is_one_table_its_cut_row_whole(tmp_path):
    make_tables_only(tmp_path / "tables.pdf")
    document = _built(tmp_path, "tables", tmp_path / "tables.pdf")
    [table] = document.preamble
    assert isinstance(table, Table)
    assert table.rows == [*PAGE_ROWS[0][:2], JOINED_ROW, *PAGE_ROWS[1][1:]]
    # the second page's mark stands in the table, after the row the break cut, before 第3条's
    index = next(page for page in document_pages(document, None, []) if page.path.endswith("index.md")).text
    assert index.index("その範囲を同じくする") < index.index('data-page="2"') < index.index("第3条")
    # the mark is a Markdown link (MkDocs makes it relative to each page that shows it), read inside the table
    table_html = markdown.markdown(index[index.index("<table"): index.index("</table>") + 8],
                                   extensions=["attr_list", "md_in_html"])
    assert '<a class="atlas-pdf-page" data-page="2" href="../../sources/tables.pdf#page=2">' in table_html


CORPUS = Path(os.environ.get("ATLAS_CORPUS", ROOT.parent / "shared" / "corpus"))
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent (a fresh clone)")


@needs_corpus
def test_every_page_of_the_corpus_comparison_table_is_marked():
    document = _built(CORPUS, "moj-bl-mletr-comparison-16-3", CORPUS / "moj-bl-mletr-comparison-16-3.pdf")
    pages = {line.page for line in document.lines if line.kind == "body"}
    assert _marked_pages(document)["print.md"] == pages
