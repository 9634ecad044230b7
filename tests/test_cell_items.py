"""Items set on their own lines in a ruled table's cell keep their lines.

A cell listing systems one a line (「・銀行オンラインシステム」「・パソコン通信システム」) or clauses
numbered 「（1）」「（2）」 ran together when the cell's lines were joined as a wrapped sentence.  A line
opening an item goes on after a line break (``numbering.item_starts``): a bullet; a number when
another line of the cell opens with a number of the same shape — a reference wrapped onto a line
(「…第8の1」／「(1)後段）」) is no item.  The page shows the break (<br>); the clean text keeps one
line a row (a space); conservation, which counts characters, is untouched.
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
from atlas.text.numbering import item_starts
from atlas.write.markdown import block_markdown
from atlas.write.write_clean import block_lines
from conftest import ROOT

ROWS = [
    ["区分", "例", "考え方"],
    ["不特定", "・銀行オンラインシステム\n・パソコン通信システム", "適用する規定は（第1部第8の1\n（1）後段）による。"],
    ["特定", "（1）建物は専用とする\n（2）室は専用とする", "適合する。"],
]
CELLS = {
    "bullets": "・銀行オンラインシステム\n・パソコン通信システム",
    "reference": "適用する規定は（第1部第8の1（1）後段）による。",
    "numbers": "（1）建物は専用とする\n（2）室は専用とする",
}


def make_item_cells(path: Path) -> None:
    canvas = new_canvas(path)
    canvas.setFont(GOTHIC, 12)
    canvas.drawString(MARGIN, PAGE_HEIGHT - MARGIN, "1．適用区分")
    table = DrawnTable(ROWS, colWidths=[80, 160, 160])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), MINCHO),
        ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ]))
    width, height = table.wrapOn(canvas, PAGE_WIDTH, PAGE_HEIGHT)
    table.drawOn(canvas, (PAGE_WIDTH - width) / 2, PAGE_HEIGHT - MARGIN - 30 - height)
    canvas.showPage()
    canvas.save()


def _built(source: Path, doc_id: str) -> Document:
    return pdf_document(source, doc_id)


def _tables(document: Document) -> list[Table]:
    blocks = [*document.preamble, *(block for section in document.all_sections() for block in section.blocks)]
    return [block for block in blocks if isinstance(block, Table)]


def test_items_on_their_own_lines_in_a_cell_keep_their_line_breaks(tmp_path):
    make_item_cells(tmp_path / "cells.pdf")
    [table] = _tables(_built(tmp_path / "cells.pdf", "cells"))
    cells = [cell for row in table.rows for cell in row]
    for cell in CELLS.values():
        assert cell in cells
    html = block_markdown(table, {})
    assert "・銀行オンラインシステム<br>・パソコン通信システム" in html
    assert not any("\n" in line for line in block_lines(table))
    assert "・銀行オンラインシステム ・パソコン通信システム" in block_lines(table)[1]


def test_a_number_opens_an_item_only_in_a_run_of_its_shape():
    assert item_starts(["・銀行", "・パソコン"]) == [True, True]
    assert item_starts(["（1）建物", "（2）室", "（3）窓"]) == [True, True, True]
    assert item_starts(["(a) The record", "contains; and", "(b) A method"]) == [True, False, True]
    assert item_starts(["i.信頼性", "ii.データ", "iii.システム"]) == [True, True, True]
    assert item_starts(["適用する規定は（第1部第8の1", "(1)後段）による。"]) == [False, False]
    assert item_starts(["第1部第1の", "1）、電子船荷", "第3の", "1）、記録"]) == [False, False, False, False]
    assert item_starts(["Lot. a：", "Lot. b："]) == [False, False]
    assert item_starts(["予想される・・・", "・・・の説明"]) == [False, False]
    # A bilingual label: the Japanese under the English is a line of its own; Japanese wrapped
    # after an English word (a Japanese line above it) goes on.
    assert item_starts(["Article 12.", "General reliability", "standard", "第12条 一般的",
                        "な信頼性の基準"]) == [False, False, False, True, False]
    assert item_starts(["生成AIを用いた Python", "を活用する"]) == [False, False]
    assert item_starts(["Python", "を活用する"]) == [False, False]
    assert item_starts(["5.8 節「組織契約の", "SaaS/ASP", "サービスを利用する」"]) == [False, False, False]


CORPUS = Path(os.environ.get("ATLAS_CORPUS", ROOT.parent / "shared" / "corpus"))
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent (a fresh clone)")


@needs_corpus
def test_the_corpus_system_examples_stand_one_a_line():
    document = _built(CORPUS / "meti-info-system-safety-standard-1997.pdf", "meti-info-system-safety-standard-1997")
    cells = [cell for table in _tables(document) for row in table.rows for cell in row]
    assert "・銀行オンラインシステム\n・パソコン通信システム\n・受発注オンラインシステム（VAN）" in cells
    first = "（1）建物及び室は、火災の被害を受ける恐れのない場所に設けること。"
    assert any(cell.startswith(f"{first}\n（2）") for cell in cells)
