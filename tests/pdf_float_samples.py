"""PDFs whose sentences run past a float (issue 23, "paragraphs not whole"): a figure, its caption
and its source note set between a sentence's halves — at the foot of the left column of a
two-column page, the sentence going on at the top of the right column; at the foot of a page and
over the next page's table, the sentence going on under them — and two real paragraphs with a
figure between them.

Made with tests/pdf_samples.py's helpers (reportlab, Japanese CID fonts, deterministic output).
The texts are invented for these tests; the constants are what the tests expect to read back.
"""

from __future__ import annotations

from pathlib import Path

from pdf_layout_samples import _picture
from pdf_samples import (
    BODY_SIZE,
    GOTHIC,
    LEADING,
    MARGIN,
    MARGIN_X,
    MINCHO,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TABLE_ROWS,
    Flow,
    Frame,
    Heading,
    Para,
    _atoms,
    _draw_table,
    draw_line,
    line_text,
    new_canvas,
    wrap,
    write_samples,
)

NOTE_SIZE = 8.0
COLUMN = 20 * BODY_SIZE
PICTURE_HEIGHT = 120.0


def _caption_picture_note(canvas, x0: float, x1: float, top: float, caption: str, note: str) -> float:
    """A caption in the heading face, a chart under it and a source note set small under that, as
    white papers set a figure; the bottom of the note."""
    draw_line(canvas, _atoms(caption), x0 + 2, top, GOTHIC, BODY_SIZE)
    picture_top = top + BODY_SIZE + 8
    canvas.drawImage(_picture(300, 160, bars=True), x0 + 10, PAGE_HEIGHT - picture_top - PICTURE_HEIGHT,
                     x1 - x0 - 20, PICTURE_HEIGHT)
    note_top = picture_top + PICTURE_HEIGHT + 6
    draw_line(canvas, _atoms(note), x0 + 10, note_top, MINCHO, NOTE_SIZE)
    return note_top + NOTE_SIZE


def _sentence_breaks(flow: Flow, sentence: str, frames: list[int]) -> None:
    assert flow.frame_of(sentence) == frames, "the sentence must straddle the break"


# ---------------------------------------------------------------------------
# A two-column page: a figure at the left column's foot cuts a sentence that goes on at the top of
# the right column
# ---------------------------------------------------------------------------

COLUMNS_HEADING = "1．窓口の見直し"
COLUMNS_FIRST = ("市の窓口では、申請の受付から交付までにかかる日数を減らすため、受付の手順を見直した。"
                 "書類の確認を二人で分けて行うようにし、不足があれば受付の場で伝えるようにした。")
COLUMNS_CUT = ("見直しの前には、書類の不足が後から見つかって申請者に出直してもらう例が多く、一件の交付に"
               "平均で十日ほどかかっていたが、見直しの後は平均で四日にまで短くなり、窓口に寄せられる苦情も"
               "目に見えて減った。")
COLUMNS_LAST = "市は、同じ手順を他の窓口にも広げる予定である。"
COLUMNS_CAPTION = "■第1-1-1図／交付までの日数"
COLUMNS_NOTE = "資料：見本市の調べを基に作成"
COLUMNS_LINES = 8  # body lines in the left column above the figure


def make_columns_caption(path: Path) -> None:
    canvas = new_canvas(path)
    draw_line(canvas, _atoms(COLUMNS_HEADING), MARGIN_X, MARGIN, GOTHIC, 12)
    top = MARGIN + 30
    left_bottom = top + COLUMNS_LINES * BODY_SIZE * LEADING
    left = Frame(0, MARGIN_X, MARGIN_X + COLUMN, top, left_bottom)
    right = Frame(0, PAGE_WIDTH - MARGIN_X - COLUMN, PAGE_WIDTH - MARGIN_X, top, PAGE_HEIGHT - MARGIN)
    flow = Flow(canvas, [left, right])
    for text in (COLUMNS_FIRST, COLUMNS_CUT, COLUMNS_LAST):
        flow.add(Para(text))
    _sentence_breaks(flow, COLUMNS_CUT, [0, 1])
    _caption_picture_note(canvas, left.x0, left.x1, left_bottom + BODY_SIZE, COLUMNS_CAPTION, COLUMNS_NOTE)
    canvas.save()


# ---------------------------------------------------------------------------
# One column over two pages: a figure closes the first page, a ruled table and its note open the
# second, and the sentence the first page left in mid-word goes on under them
# ---------------------------------------------------------------------------

PAGES_HEADING = "2．事業の実施状況"
PAGES_FIRST = ("本年度は、県内の十の市町で事業を実施した。いずれの市町でも、住民への説明会を開いたうえで、"
               "申請の受付を始めた。")
PAGES_CUT = ("申請の件数は、事業を始めた月から順調に伸び、年度の後半には前半の倍を超える月も見られたことから、"
             "県は、受付の体制を強めるため、各市町に担当の職員を一人ずつ置くこととし、その費用を補助する"
             "仕組みを設けた。")
PAGES_LAST = "来年度は、対象を県内の全ての市町に広げる。"
PAGES_FIGURE_CAPTION = "■第1-1-2図／月別の申請件数"
PAGES_FIGURE_NOTE = "資料：見本県の調べ"
PAGES_TABLE_CAPTION = "■第1-1-3表／主な施策と担当府省"
PAGES_TABLE_NOTE = "資料：見本県の公表資料を基に作成"
# The first page's text ends four lines under the heading: the figure stands under them.
PAGES_FIRST_BOTTOM = MARGIN + 14 * LEADING + 4 * BODY_SIZE * LEADING
TABLE_HEIGHT = 22 * len(TABLE_ROWS)


def make_pages_table(path: Path) -> None:
    canvas = new_canvas(path)
    x0, x1 = MARGIN_X, PAGE_WIDTH - MARGIN_X
    # The second page's text starts under the table's caption, the table and its note.
    second_top = MARGIN + BODY_SIZE * 2 + TABLE_HEIGHT + 30
    frames = [Frame(0, x0, x1, MARGIN, PAGES_FIRST_BOTTOM), Frame(1, x0, x1, second_top, PAGE_HEIGHT - MARGIN)]
    flow = Flow(canvas, frames, on_page=lambda canvas, page: _page_floats(canvas, page, frames))
    flow.add(Heading(PAGES_HEADING, 14, space_before=0))
    for text in (PAGES_FIRST, PAGES_CUT, PAGES_LAST):
        flow.add(Para(text))
    _sentence_breaks(flow, PAGES_CUT, [0, 1])
    canvas.save()


def _page_floats(canvas, page: int, frames: list[Frame]) -> None:
    """The first page's figure under its text; the second page's table over its text."""
    x0, x1 = frames[0].x0, frames[0].x1
    if page == 0:
        _caption_picture_note(canvas, x0, x1, PAGES_FIRST_BOTTOM + BODY_SIZE, PAGES_FIGURE_CAPTION,
                              PAGES_FIGURE_NOTE)
        return
    draw_line(canvas, _atoms(PAGES_TABLE_CAPTION), x0 + 2, MARGIN, GOTHIC, BODY_SIZE)
    table_top = MARGIN + BODY_SIZE + 8
    _draw_table(canvas, frames[1], table_top)
    draw_line(canvas, _atoms(PAGES_TABLE_NOTE), x0 + 10, table_top + TABLE_HEIGHT + 6, MINCHO, NOTE_SIZE)


# ---------------------------------------------------------------------------
# Two paragraphs with a figure between: the first closes its sentence on a full line, the second
# opens indented — two paragraphs still
# ---------------------------------------------------------------------------

TWO_HEADING = "3．利用者の声"
# 19 characters on the indented first line, 20 on each line after: the last line is full.
TWO_BEFORE = ("窓口の利用者に聞いたところ、待ち時間が短くなったと答えた人が八割を超え、説明が分かりやすくな"
              "ったとの声も七割を超えた。")
TWO_AFTER = ("一方で、休日にも窓口を開けてほしいという声は根強い。市は、月に一度の休日の開庁を試しに始める。")
TWO_CAPTION = "■第1-1-4図／利用者の評価"
TWO_NOTE = "資料：見本市の利用者調査"


def make_two_paragraphs(path: Path) -> None:
    canvas = new_canvas(path)
    x0, x1 = MARGIN_X, MARGIN_X + COLUMN
    lines = wrap(TWO_BEFORE, MINCHO, BODY_SIZE, COLUMN, BODY_SIZE)
    assert len(line_text(lines[-1])) == 20, "the first paragraph's last line must fill the column"
    flow = Flow(canvas, [Frame(0, x0, x1, MARGIN, PAGE_HEIGHT - MARGIN)])
    flow.add(Heading(TWO_HEADING, 12, space_before=0))
    flow.add(Para(TWO_BEFORE))
    bottom = _caption_picture_note(canvas, x0, x1, flow.y + BODY_SIZE, TWO_CAPTION, TWO_NOTE)
    flow.y = bottom + BODY_SIZE * 2
    flow.add(Para(TWO_AFTER))
    canvas.save()


SAMPLES = {"columns-caption": make_columns_caption, "pages-table": make_pages_table,
           "two-paragraphs": make_two_paragraphs}


def write_float_samples(folder: Path) -> dict[str, Path]:
    """Every sample into ``folder`` as <name>.pdf; returns name → path."""
    return write_samples(folder, SAMPLES)
