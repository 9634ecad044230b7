"""A ruled table going on over pages is read as a table on every page, its cut rows whole.

A comparison of laws set as one four-column ruled table over eleven landscape pages had one page
read as loose lines, English and Japanese interleaved: that page held the rest of the row the page
break cut (one filled cell) and a single row of its own, too few filled cells for a table on their
own (``tables_geometry.holds_a_table``).  A grid drawing the columns of the table at the foot of
the page before, first on its page (a running head may stand above it), goes on with that table
(``pdf_source._goes_on``).  And a row cut by a page break whose label is cut too (「Article 4.
Party」／「autonomy and privity of contract」) has a label on both pages: its English sentence going
on in lower case from the cell above says the row goes on (``runs._goes_on_mid_sentence``).

The PDF made here is three pages of one table under a running head: page 2 holds the rest of page
1's last row and one row; page 3 the rest of page 2's row, its label cut, and one row.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pdf_samples import GOTHIC, MARGIN, MINCHO, PAGE_HEIGHT, PAGE_WIDTH, new_canvas, pdf_document
from reportlab.lib import colors
from reportlab.platypus import Table as DrawnTable
from reportlab.platypus import TableStyle

from atlas.model.document import Document, Table
from conftest import ROOT

HEAD = "参考資料　対照表"
PAGE_ROWS = [
    [["条文", "Text", "訳文", "考え方"],
     ["Article 1. Scope第1条 適用範囲", "This Law applies to records.", "この法は記録に適用する。", "適合する。"],
     ["Article 2. Definitions第2条 定義", "For the purposes of this Law:", "この法の適用上、", "要綱案は、"]],
    [["", "", "次のとおりとする。", ""],
     ["Article 4. Party", "The parties may derogate from or vary by", "当事者は合意により、", "要綱案は、商法を"]],
    [["autonomy第4条 当事者自治", "agreement the provisions of this Law.", "規定を変更できる。", "改正する。"],
     ["Article 5. Information第5条 情報", "Nothing in this Law affects any rule.", "この法は影響しない。",
      "適合する。"]],
]
JOINED = [
    PAGE_ROWS[0][0],
    PAGE_ROWS[0][1],
    ["Article 2. Definitions第2条 定義", "For the purposes of this Law:", "この法の適用上、次のとおりとする。",
     "要綱案は、"],
    ["Article 4. Party autonomy第4条 当事者自治",
     "The parties may derogate from or vary by agreement the provisions of this Law.",
     "当事者は合意により、規定を変更できる。", "要綱案は、商法を改正する。"],
    PAGE_ROWS[2][1],
]


def make_continued_table(path: Path) -> None:
    canvas = new_canvas(path)
    for number, rows in enumerate(PAGE_ROWS, start=1):
        canvas.setFont(MINCHO, 9)
        canvas.drawString(MARGIN, PAGE_HEIGHT - MARGIN / 2, HEAD)  # the running head, above the grid
        canvas.drawCentredString(PAGE_WIDTH / 2, MARGIN / 2, str(number))
        table = DrawnTable(rows, colWidths=[120, 170, 110, 90], rowHeights=24)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), MINCHO),
            ("FONTNAME", (0, 0), (-1, 0), GOTHIC if number == 1 else MINCHO),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ]))
        width, height = table.wrapOn(canvas, PAGE_WIDTH, PAGE_HEIGHT)
        table.drawOn(canvas, (PAGE_WIDTH - width) / 2, PAGE_HEIGHT - MARGIN - height)
        canvas.showPage()
    canvas.save()


def _built(source: Path, doc_id: str) -> Document:
    return pdf_document(source, doc_id)


def _tables(document: Document) -> list[Table]:
    return [block for block in document.preamble if isinstance(block, Table)]


def test_a_page_holding_a_cut_row_and_one_row_goes_on_with_the_table_above(tmp_path):
    make_continued_table(tmp_path / "continued.pdf")
    [table] = _tables(_built(tmp_path / "continued.pdf", "continued"))
    assert table.rows == JOINED


CORPUS = Path(os.environ.get("ATLAS_CORPUS", ROOT.parent / "shared" / "corpus"))
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent (a fresh clone)")


@needs_corpus
def test_the_corpus_comparison_table_is_one_table_over_its_eleven_pages():
    document = _built(CORPUS / "moj-bl-mletr-comparison-16-3.pdf", "moj-bl-mletr-comparison-16-3")
    [table] = _tables(document)
    labels = [row[0] for row in table.rows]
    # every article one row, its label whole: those the page break cut too (4, 7, 17, 18) included
    for number in range(1, 20):
        [label] = [label for label in labels if label.startswith(f"Article {number}.")]
        assert f"第{number}条" in label, label
    # the English label and the Japanese one under it, each whole, a line apart
    assert any(label.startswith("Article 4. Party autonomy and privity of contract\n第4条") for label in labels)
    # PDF p. 7's row (第12条) and the rest of 第11条's Japanese cell cut at p. 6's foot
    [row_11] = [row for row in table.rows if row[0].startswith("Article 11.")]
    assert "電子的移転可能記録については、その電子的移転可能記録への支配の移転によって" in row_11[2]
    [row_12] = [row for row in table.rows if row[0].startswith("Article 12.")]
    assert row_12[1].endswith("by itself or together with further evidence.")
