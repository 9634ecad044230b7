"""Tables that pdftotext flattened: what says a line is a table cell, and runs of numbered rows.

``pdftotext`` without ``-layout`` reads a table cell by cell, one cell (or one line of a cell) a
line, column after column or row after row.  What is left shows by its shape, in any document:

- a row or a column of marks: the 適用区分 grid 「☆ ◎ ☆ ○ − −」, a lone 「◎」, 「□」 or 「－」 (an
  empty cell), or a row read across whose marks end its line (「…設けること。 ◎ ◎ ○」);
- column labels set vertically, one character a line (「項」「目」「ー」「タ」「室」), or a row of
  such characters side by side (「デ 端 関」);
- a bare section number standing for a reference (「4.2」「(5.5)」 in a 章番号 column).

A numbered heading among such lines is a cell's label (「イ．設置環境」「１．立地・配置」 in a 項目
column), not a section.  And a table whose rows begin with a row number followed by a number of
their own (「4 6 月 1 日 民間における…」: No, then 日時) loses its row breaks when its lines are
joined as prose: each row runs into the last cell of the row above (「・経済産業省4 6 月 1 日 …」).
Such a run of rows is kept as it was printed, one line a line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model.document import Line
from ..text.numbering import CLOSING, LIST_MARKER, display_width, heading_of

# Marks that fill the cells of a grid (適用区分, チェックシート): alone, or a row of them.
_MARK = r"[○◎◯●△▲▽×✕☆★■□◇◆－−\-✓✔]"
MARK_ROW = re.compile(rf"{_MARK}(?:\s+{_MARK})*")
# A row read across on one line: its text cells, then its marks (「…機能を設けること。 ◎ ◎ ○」).
MARKS_AT_END = re.compile(rf".*\S\s+{_MARK}(?:\s+{_MARK})+")
# Column numbers side by side over a grid (「1 2 3」「4 5 6」).
COLUMN_NUMBERS = re.compile(r"\d(?:\s+\d)+")
# A section number standing alone as a reference: "4.2", "(5.5)" (never a page number: it has a dot).
NUMBER_REFERENCE = re.compile(r"[（(]?\d{1,2}(?:[.．]\d{1,2})+[)）]?")
# How far around a line to look for cells: a cell's label has the table's other cells within a few
# lines; a section heading over a table has them only below it, and is told apart by its numbering.
REACH = 10
# A line this much of the page's width is prose (table cells are narrower than the page).
PAGE_WIDE = 0.85
# Cell evidence needed around a line to take it for a cell: one mark could be a bullet's residue.
EVIDENCE = 2


def _prose(line: Line, width: int) -> bool:
    """A line of running text: as wide as the page, not a numbered or bulleted item."""
    return display_width(line.text) >= width * PAGE_WIDE and LIST_MARKER.match(line.text) is None


def _vertical(text: str) -> bool:
    """One CJK character, or several each standing alone: a column label set vertically."""
    tokens = text.split()
    return bool(tokens) and all(len(token) == 1 and _cjk_letter(token) for token in tokens)


def _cjk_letter(ch: str) -> bool:
    # Kana (the long-vowel mark too) and kanji; bullets and punctuation are no letters of a label.
    return ("\u3041" <= ch <= "\u30fe" and ch != "・") or "\u4e00" <= ch <= "\u9fff"


def cell_evidence(text: str) -> bool:
    """Whether a line by its shape alone is a table cell (a mark, a vertical label, a reference)."""
    text = text.strip()
    return bool(
        MARK_ROW.fullmatch(text) or MARKS_AT_END.fullmatch(text) or _vertical(text)
        or NUMBER_REFERENCE.fullmatch(text) or COLUMN_NUMBERS.fullmatch(text)
    )


# A column's number alone on its line: inside a run of cells only (elsewhere a page number).
_COLUMN_NUMBER = re.compile(r"\d{1,2}")
# A run of cells: this many lines of cell evidence in a row (blank lines between them aside).
MIN_CELLS = 3


def _text_then_marks(text: str) -> bool:
    """A row read across (text, then its marks): a sentence's line, not a line of the grid."""
    text = text.strip()
    return MARKS_AT_END.fullmatch(text) is not None and MARK_ROW.fullmatch(text) is None


def cell_run(lines: list[Line], index: int) -> int | None:
    """The last index of a run of table cells starting at ``index`` (marks, vertical labels,
    column numbers), or None when fewer than MIN_CELLS such lines stand together.

    Joined as prose the run would read 「ュ☆ ◎ ☆ ◎ ☆ −」: kept line by line it stays the grid it was.
    """
    last, count, blanks = None, 0, 0
    while index < len(lines) and blanks <= 1:
        line = lines[index]
        if line.kind == "blank":
            blanks += 1
        elif line.kind == "body" and is_cell(line) and not _text_then_marks(line.text):
            last, count, blanks = index, count + 1, 0
        elif line.kind == "body" and count and _COLUMN_NUMBER.fullmatch(line.text.strip()):
            last, blanks = index, 0  # 「１」 over its vertical label 「不 / 特 / 定」: a column's number
        else:
            break
        index += 1
    return last if count >= MIN_CELLS else None


def is_cell(line: Line) -> bool:
    """Whether a body line is a table cell by its shape; a vertical label is judged on the line as
    printed (「デ 端 関」, which normalisation rejoins as letter-spaced text into 「デ端関」)."""
    return cell_evidence(line.text) or _vertical(line.raw.replace("\f", "").strip())


def cells_around(
    lines: list[Line], first: int, last: int, width: int, after: int = -1, reach: int = REACH,
    also: Callable[[Line], bool] = lambda line: False,
) -> int:
    """How many of the ``reach`` body lines before ``first`` and after ``last`` are table cells (by
    their shape, or by what ``also`` knows of the document: its part headings printed again).

    The look back stops at index ``after`` (the last line of the heading above): what stands
    before a heading belongs to the section before it, so a table ending there says nothing.
    Either look stops at a line of prose run to the page's width (not a numbered item: a table's
    measures are numbered sentences): cells beyond it are another table's or a figure's (a
    figure's scale ends, the text goes on, and then a sub-heading comes).
    """
    count = 0
    for step, start in ((-1, first - 1), (1, last + 1)):
        seen, index = 0, start
        while after < index < len(lines) and seen < reach:
            line = lines[index]
            if line.kind == "body":
                if is_cell(line) or also(line):
                    count += 1
                elif _prose(line, width):
                    break
                seen += 1
            index += step
    return count


# ---------------------------------------------------------------------------
# Numbered rows: No + a number of the row's own (a date, an amount)
# ---------------------------------------------------------------------------

# "4 6 月 1 日 …", "12 10 月 10 日 …": a row number, a space, and a cell that starts with a digit.
NUMBERED_ROW = re.compile(r"(?P<n>\d{1,3})\s+\d")
# Rows in a run: at least this many in sequence, each within MAX_ROW_GAP lines of the one before.
MIN_ROWS = 3
MAX_ROW_GAP = 25
# Lines kept with the run above its first row (the column labels) and after its last (the rest of
# the last row), as long as no blank gap of two lines or more separates them.
MAX_HEAD = 3
MAX_TAIL = 12


def numbered_row_runs(lines: list[Line], width: int) -> dict[int, int]:
    """Runs of numbered table rows (first index → last index) to keep as printed, line by line.

    A run is three or more rows whose numbers go 1, 2, 3 … (or on from any number, one by one),
    each row beginning with its number and a cell that starts with a digit.  With it go the
    column labels just above the first row and the rest of the last row below it.
    """
    rows = [
        (index, int(match["n"]))
        for index, line in enumerate(lines)
        if line.kind == "body" and (match := NUMBERED_ROW.match(line.text)) and not line.text.endswith("。")
    ]
    runs: dict[int, int] = {}
    current: list[int] = []
    last_value = None
    for index, value in rows:
        if current and value == (last_value or 0) + 1 and index - current[-1] <= MAX_ROW_GAP:
            current.append(index)
        else:
            _close_run(lines, current, width, runs)
            current = [index]
        last_value = value
    _close_run(lines, current, width, runs)
    return runs


def _close_run(lines: list[Line], rows: list[int], width: int, runs: dict[int, int]) -> None:
    if len(rows) < MIN_ROWS:
        return
    between = [lines[i] for i in range(rows[0], rows[-1] + 1) if lines[i].kind == "body" and i not in rows]
    if sum(_prose(line, width) for line in between) >= 2:
        # Running text across the page between the rows: numbered paragraphs, not a table (one
        # wide line may be a row read across, its cells side by side).
        return
    runs[_head(lines, rows[0], width)] = _tail(lines, rows[-1])


def _head(lines: list[Line], first: int, width: int) -> int:
    """The column labels directly above the first row (no blank line between): short, no sentence."""
    start = first
    while first - start < MAX_HEAD and start > 0:
        above = lines[start - 1]
        if (
            above.kind != "body"
            or above.text.endswith(tuple(CLOSING))
            or display_width(above.text) >= width * 0.6
            or heading_of(above.text) is not None
        ):
            break
        start -= 1
    return start


def _tail(lines: list[Line], last: int) -> int:
    """The last row's other lines: up to two blank lines in a row, a heading, or MAX_TAIL lines."""
    end, index, blanks = last, last + 1, 0
    while index < len(lines) and index - last <= MAX_TAIL:
        line = lines[index]
        if line.kind == "blank":
            blanks += 1
            if blanks >= 2:
                break
        elif line.kind == "body":
            heading = heading_of(line.text)
            if heading is not None and not heading[0].weak:
                break
            blanks = 0
            end = index
        index += 1
    return end
