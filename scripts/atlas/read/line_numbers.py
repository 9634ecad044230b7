"""Line numbers a word processor prints in the margin (Word's 行番号): furniture, not the text's words.

A draft circulated for comment (a council's 案, a meeting's 資料) is often printed with its lines
numbered: a column of small numbers at the margin, left of the text column (or right of it), each
on the baseline of the line it counts, 1, 2, 3 … down the page (restarting on each page, or
running on from the page before; some settings skip blank lines).  Read as whole baselines, each
number was glued to the start of its line (「12 （1）基本方針」): no numbered heading was taken for
one, and a paragraph's lines joined read 「…国の13 情報システム…」.  The numbers are no more the
document's words than its page numbers are: they are set apart as furniture (counted, never lost).

They are told by their own evidence, page by page: numbers of one to four digits, each the first
(or last) thing on its baseline, a gap of a character or more from the line's text, standing at
one x (their ends facing the text aligned), every other line of the page's text starting past
that column (a margin, not a table's first column or a list's numbers, which stand inside the
text column with the text's wrapped lines under them), most of the text's lines carrying one,
and the numbers going up by one from line to line down the page.  A page with only a line or two
of text (under a figure) is read by the column its document's other pages show.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..text.normalize import normalize_chars


class _Placed(Protocol):
    """A baseline's piece as the reader places it: its characters and its box."""

    chars: list[dict[str, Any]]
    top: float
    bottom: float


# A line number has at most this many digits (numbering run on through a long draft reaches 4).
DIGITS = 4
# The digits of one number touch: at most this share of their size apart.
TOUCH = 0.5
# The gap between a number and its line's text, in characters of the text's size: Word leaves a
# quarter inch (1.5 characters of 12 pt); a list's number or a table's first cell stands closer,
# or inside the text column.
MARGIN_GAP = 1.0
# Numbers stand at one x: their ends facing the text within this many points.
ALIGNED = 1.0
# Line numbers stand left of the text (a word processor's default) or right of it.
SIDES = ("left", "right")
# The text's lines beside a column at the right end at one edge (justified): within this many
# characters of the rightmost.
FLUSH = 1.5
# A line of text (where the document's text starts) has this many characters at least.
LINE_CHARS = 8
# A page shows its own column with this many numbers at least …
RUN = 5
# … most of its steps from one number to the next (top to bottom) exactly one, none going back:
STEPS = 0.8
# … and this share of the text's lines beside the column carrying one (table rows, notes and text
# boxes are not numbered).
COVERED = 0.6


@dataclass(frozen=True)
class _Number:
    """A number at the margin end of a piece: the piece, its characters, its value and placing."""

    piece: int  # index among the page's pieces
    chars: tuple[int, ...]  # ids of the number's characters (and of the spaces between it and the text)
    value: int
    near: float  # the edge facing the text (mirrored for a right margin)
    far: float
    top: float
    bottom: float
    size: float


@dataclass(frozen=True)
class Column:
    """Where a column of line numbers stands: its side, which of its edges is aligned, that edge's x
    (mirrored, as _Number's)."""

    side: str  # "left" or "right"
    aligned: str  # "near" or "far"
    x: float


def line_numbers(pages: Sequence[Sequence[_Placed]]) -> list[dict[int, set[int]]]:
    """For each page, the pieces (by index) that hold a line number, with the ids of the number's
    characters: the page's own column where it shows one, else the column the other pages show."""
    candidates = [{side: _numbers(pieces, side) for side in SIDES} for pieces in pages]
    # Where the document's text starts (its numbers aside): a column of line numbers stands in the
    # margin outside it.  A table whose first column numbers its rows, going on alone over a page,
    # starts that page's text at its numbers, and they stand left of all of it; the document's
    # paragraphs on its other pages start there too, and the numbers are no margin's.
    starts = {side: min((start for pieces, by_side in zip(pages, candidates, strict=True)
                         if (start := _text_start(pieces, by_side[side], side)) is not None), default=None)
              for side in SIDES}
    found: list[dict[int, set[int]]] = []
    columns: list[Column] = []
    for pieces, by_side in zip(pages, candidates, strict=True):
        column, numbers = _page_column(pieces, by_side, starts)
        if column is not None:
            columns.append(column)
        found.append({n.piece: set(n.chars) for n in numbers})
    for index, (pieces, by_side) in enumerate(zip(pages, candidates, strict=True)):
        if found[index] or not columns:
            continue
        for column in columns:
            numbers = [n for n in by_side[column.side] if abs(_edge(n, column.aligned) - column.x) <= ALIGNED]
            if numbers and _a_margin_run(pieces, numbers, column.side, 1):
                found[index] = {n.piece: set(n.chars) for n in numbers}
                break
    return found


def _page_column(pieces: Sequence[_Placed], by_side: dict[str, list[_Number]],
                 starts: dict[str, float | None]) -> tuple[Column | None, list[_Number]]:
    """The page's own column of line numbers (the longest one that passes), if it shows one."""
    best: tuple[Column | None, list[_Number]] = (None, [])
    for side, numbers in by_side.items():
        start = starts[side]
        for aligned in ("near", "far"):
            for group in _aligned_groups(numbers, aligned):
                outside = start is not None and max(n.near for n in group) + MARGIN_GAP * group[0].size <= start
                if len(group) > len(best[1]) and outside and _a_margin_run(pieces, group, side, RUN):
                    best = (Column(side, aligned, _edge(group[0], aligned)), group)
    return best


def _text_start(pieces: Sequence[_Placed], numbers: list[_Number], side: str) -> float | None:
    """Where the page's lines of text start from the margin (mirrored x), its candidate numbers
    aside: lines of LINE_CHARS characters or more (a sentence's, not a label's or a page number's)."""
    taken = {c for n in numbers for c in n.chars}
    firsts = []
    for piece in pieces:
        ink = [x0 for x0, _, c in _mirrored(piece.chars, side) if id(c) not in taken and c["text"].strip()]
        if len(ink) >= LINE_CHARS:
            firsts.append(ink[0])
    return min(firsts, default=None)


def _edge(number: _Number, aligned: str) -> float:
    return number.near if aligned == "near" else number.far


def _aligned_groups(numbers: list[_Number], aligned: str) -> list[list[_Number]]:
    """The numbers in groups standing at one x (the ``aligned`` edge within ALIGNED of the group's first)."""
    groups: list[list[_Number]] = []
    for number in sorted(numbers, key=lambda n: _edge(n, aligned)):
        if groups and _edge(number, aligned) - _edge(groups[-1][0], aligned) <= ALIGNED:
            groups[-1].append(number)
        else:
            groups.append([number])
    return groups


def _a_margin_run(pieces: Sequence[_Placed], numbers: list[_Number], side: str, run: int) -> bool:
    """Whether the numbers are a page's line numbers: at least ``run`` of them, going up by one
    (STEPS), all the page's text starting past their column by a gap (a margin's, not a table's
    first column: the page's other text starts no further in), most lines beside them numbered
    (COVERED).  At the right, most of those end flush at one edge too (FLUSH): a text column's,
    justified, not a contents page's entries ending where their titles end, their page numbers
    beyond and going up by one where each part takes a page."""
    if len(numbers) < run:
        return False
    ordered = sorted(numbers, key=lambda n: n.top)
    steps = [b.value - a.value for a, b in itertools.pairwise(ordered)]
    if any(step <= 0 for step in steps) or (steps and sum(step == 1 for step in steps) < STEPS * len(steps)):
        return False
    top, bottom = ordered[0].top, ordered[-1].bottom
    edge = max(n.near for n in numbers)
    ranges = [(n.top, n.bottom) for n in numbers]
    taken = {c for n in numbers for c in n.chars}
    beside: list[tuple[float, float]] = []  # the text lines beside the column: where each starts, its size
    covered = 0
    for piece in pieces:
        ink = [c for c in _mirrored(piece.chars, side) if id(c[2]) not in taken and c[2]["text"].strip()]
        if not ink:
            continue
        start, _, first = ink[0]
        if start - edge < MARGIN_GAP * first["size"]:
            return False  # text at or outside the column: the numbers stand inside the text column
        centre = (piece.top + piece.bottom) / 2
        if top <= centre <= bottom:
            beside.append((start, first["size"]))
            covered += any(upper <= centre <= lower for upper, lower in ranges)
    if not beside or covered < COVERED * len(beside):
        return False
    if side == "left":
        return True  # indented blocks, centred titles: a left edge says nothing more here
    edge = min(start for start, _ in beside)
    return sum(start - edge <= FLUSH * size for start, size in beside) >= 0.5 * len(beside)


def _numbers(pieces: Sequence[_Placed], side: str) -> list[_Number]:
    """The numbers standing first on their piece (last, at a right margin), set apart from its text."""
    out: list[_Number] = []
    for index, piece in enumerate(pieces):
        chars = _mirrored(piece.chars, side)
        ink = [c for c in chars if c[2]["text"].strip()]
        digits: list[tuple[float, float, dict[str, Any]]] = []
        for char in ink:
            text = normalize_chars(char[2]["text"])
            touching = not digits or char[0] - digits[-1][1] <= TOUCH * char[2]["size"]
            if not (text.isascii() and text.isdigit()) or not touching:
                break
            digits.append(char)
        if not digits or len(digits) > DIGITS:
            continue
        far, near = digits[0][0], digits[-1][1]
        rest = ink[len(digits):]
        if rest and rest[0][0] - near < MARGIN_GAP * rest[0][2]["size"]:
            continue
        text = "".join(normalize_chars(c[2]["text"]) for c in digits)
        if side == "right":
            text = text[::-1]
        # The number is what stands before the text: its digits and the spaces after them.
        until = rest[0][0] if rest else float("inf")
        members = tuple(id(c[2]) for c in chars if c[1] <= until and c[0] >= far)
        out.append(_Number(index, members, int(text), near, far, min(c[2]["top"] for c in digits),
                           max(c[2]["bottom"] for c in digits), max(c[2]["size"] for c in digits)))
    return out


def _mirrored(chars: Sequence[dict[str, Any]], side: str) -> list[tuple[float, float, dict[str, Any]]]:
    """The characters as (x0, x1, char) in the order from the margin inwards: x as it is for a left
    margin, negated for a right one (so that the text always lies at greater x than the numbers)."""
    if side == "left":
        return sorted(((c["x0"], c["x1"], c) for c in chars), key=lambda c: c[0])
    return sorted(((-c["x1"], -c["x0"], c) for c in chars), key=lambda c: c[0])
