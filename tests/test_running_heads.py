"""A running head that names a short chapter is furniture too (issue 23).

Guidelines print the chapter's title small at the head of each of its pages.  The head changes with
the chapter, so a chapter of one or two pages never shows its head the three times that make a line
recurring furniture, and the head was read as a paragraph above the chapter's own heading
(「Ⅰ．はじめに」 / 「## Ⅰ．はじめに」).  It stands where the document's other heads stand, at their
size: that is what makes it one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_samples import BODY_SIZE, GOTHIC, MARGIN, MARGIN_X, MINCHO, PAGE_HEIGHT, PAGE_WIDTH, new_canvas

from atlas.read.read_pdf import read_pdf

HEAD_SIZE = 8.0
CHAPTERS = [  # (title, pages): the first chapter has a single page, the second four
    ("Ⅰ．はじめに", 1),
    ("Ⅱ．用語の定義", 4),
]
TEXT = "この文書は、見本として作成したものであり、各章の内容は説明のための架空のものである。"


def make_running_heads(path: Path) -> None:
    canvas = new_canvas(path)
    for title, pages in CHAPTERS:
        for page in range(pages):
            canvas.setFont(GOTHIC, HEAD_SIZE)  # the running head: small, centred at the page's head
            canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 40, title)
            y = PAGE_HEIGHT - MARGIN - 20
            if page == 0:  # the chapter's own heading, at heading size under the head
                canvas.setFont(GOTHIC, 14)
                canvas.drawString(MARGIN_X, y, title)
                y -= 30
            canvas.setFont(MINCHO, BODY_SIZE)
            for _ in range(12):
                canvas.drawString(MARGIN_X, y, TEXT)
                y -= BODY_SIZE * 1.7
            canvas.showPage()
    canvas.save()


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("heads") / "heads.pdf"
    make_running_heads(path)
    return read_pdf(path).lines


def test_a_short_chapters_running_head_is_furniture(lines):
    heads = [(line.page, line.kind) for line in lines if line.text == "Ⅰ．はじめに"]
    # On its one page: the head (furniture) and the chapter's heading (body, set large).
    assert sorted(kind for page, kind in heads) == ["body", "running-header"], heads
    heading = next(line for line in lines if line.text == "Ⅰ．はじめに" and line.kind == "body")
    assert heading.layout is not None and heading.layout.size == 14


def test_the_long_chapters_heads_stay_furniture_and_its_heading_body(lines):
    heads = [line.kind for line in lines if line.text == "Ⅱ．用語の定義"]
    assert heads.count("running-header") == 4 and heads.count("body") == 1, heads
