"""A running head that names a short chapter is furniture too (issue 23).

Guidelines print the chapter's title small at the head of each of its pages.  The head changes with
the chapter, so a chapter of one or two pages never shows its head the three times that make a line
recurring furniture, and the head was read as a paragraph above the chapter's own heading
(「Ⅰ．はじめに」 / 「## Ⅰ．はじめに」).  It stands where the document's other heads stand, at their
size: that is what makes it one.
"""

from __future__ import annotations

from pathlib import Path

import pdf_layout_samples as layout
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
            _fill_with_text(canvas, y)
    canvas.save()


def _fill_with_text(canvas, y: float) -> None:
    """Twelve lines of body text from ``y`` down, and the page ends."""
    canvas.setFont(MINCHO, BODY_SIZE)
    for _ in range(12):
        canvas.drawString(MARGIN_X, y, TEXT)
        y -= BODY_SIZE * 1.7
    canvas.showPage()


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


def test_a_short_chapters_heads_on_facing_pages_are_furniture(tmp_path):
    # A white paper's chapter of four pages prints the part's title over its left-hand pages and
    # the chapter's over its right-hand ones: each head shows twice, never the three times that make
    # a running line, and no other head stands at their place to vouch for them — both were read as
    # paragraphs (the chapter's between two of its parts).  A small line over all of its page's
    # text at the same place on two pages, or repeating the chapter's heading, is a running head.
    path = tmp_path / "short-chapter.pdf"
    layout.make_short_chapter(path)
    lines = read_pdf(path).lines
    heads = [(line.page, line.kind) for line in lines
             if line.layout is not None and line.layout.size == layout.CHAPTER_HEAD_SIZE]
    assert heads == [(1, "running-header"), (2, "running-header"), (3, "running-header"), (4, "running-header")]
    heading = [line.kind for line in lines if line.layout is not None
               and line.layout.size == layout.CHAPTER_HEADING_SIZE]
    assert heading == ["body"]


def test_a_heads_words_as_the_chapters_heading_make_it_one_even_once(tmp_path):
    # Two pages: the chapter's heading set large on the first, its title small over the second.
    path = tmp_path / "two-pages.pdf"
    canvas = new_canvas(path)
    title = "Ⅲ．見本の取組の評価"
    for page in range(2):
        y = PAGE_HEIGHT - MARGIN - 20
        if page == 0:
            canvas.setFont(GOTHIC, 14)
            canvas.drawString(MARGIN_X, y, title)
            y -= 30
        else:
            canvas.setFont(GOTHIC, HEAD_SIZE)
            canvas.drawRightString(PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 40, title)
        _fill_with_text(canvas, y)
    canvas.save()
    kinds = [(line.page, line.kind) for line in read_pdf(path).lines if line.text == title]
    assert kinds == [(1, "body"), (2, "running-header")]


def test_a_dense_tables_header_repeated_at_the_page_top_stays_text(tmp_path):
    # A list set in small type that fills each page from its top repeats its header row at the same
    # place over every page: small, in the head band, over the rest — but the rows follow it
    # closely, where a running head stands apart from the text by a line or more.
    path = tmp_path / "dense.pdf"
    canvas = new_canvas(path)
    header = "区分名称及び医薬品の名称"
    size = 5.0
    for page in range(2):
        canvas.setFont(GOTHIC, size)
        canvas.drawString(MARGIN_X, PAGE_HEIGHT - 50, header)
        canvas.setFont(MINCHO, size)
        for row in range(60):
            canvas.drawString(MARGIN_X, PAGE_HEIGHT - 50 - (row + 1) * size * 1.15, f"見本薬{page}{row:02d}号 静注用")
        canvas.setFont(MINCHO, BODY_SIZE)
        y = PAGE_HEIGHT - 50 - 62 * size * 1.15 - 30
        for _ in range(12):
            canvas.drawString(MARGIN_X, y, TEXT)
            y -= BODY_SIZE * 1.7
        canvas.showPage()
    canvas.save()
    kinds = [line.kind for line in read_pdf(path).lines if line.text == header]
    assert kinds == ["body", "body"]


def test_a_browsers_print_header_and_footer_are_furniture_however_long_the_address(tmp_path):
    # A page printed from a web viewer: the browser sets the date and time and the page's title small
    # at the head of every sheet, and at its foot the page's address (a URL of a hundred characters)
    # and the counter 「N/M」.  The address recurs at one place on every page, but it is longer than
    # any running title: it was read as a line of the text at the end of every page.
    path = tmp_path / "printed.pdf"
    canvas = new_canvas(path)
    address = "https://minutes.example.jp/tenant/sample/MinuteView.html?council_id=1234&schedule_id=5&is_search=false"
    pages = 4
    for page in range(1, pages + 1):
        canvas.setFont("Helvetica", HEAD_SIZE)
        canvas.drawString(24, PAGE_HEIGHT - 16, "2024/01/05 9:30")
        canvas.drawString(24, 16, address)
        canvas.drawRightString(PAGE_WIDTH - 24, 16, f"{page}/{pages}")
        canvas.setFont(MINCHO, HEAD_SIZE)
        canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 16, "会議録表示")
        _fill_with_text(canvas, PAGE_HEIGHT - MARGIN - 20)
    canvas.save()
    lines = read_pdf(path).lines
    assert [line.kind for line in lines if line.text == address] == ["running-footer"] * pages
    assert [line.kind for line in lines if line.text.endswith(f"/{pages}")] == ["page-number"] * pages
    assert all(line.text == TEXT for line in lines if line.kind == "body")
