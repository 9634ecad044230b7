"""Vertical writing (縦書き): a page set in columns read top to bottom, right to left.

Japanese notices, speeches and forewords are often set vertically.  Read by baselines, as a
horizontal page is, a vertical page gives lines made of one character from each column: 「国 ﹁」
「とデ」… — scrambled.  A vertical page shows itself in its characters: each one has its next
character below it (touching, same column), hardly ever beside it.  Then the columns are read
right to left, each top to bottom, and a column's run of characters is one printed line.

Vertical type uses presentation forms for punctuation and brackets (︑ ︒ ﹁ ﹂ ︵ ︶): turned
for the column, the same characters.  They are mapped to the ordinary forms a horizontal page
and a search would use (、 。 「 」 （ ）).
"""

from __future__ import annotations

import bisect
import itertools
import statistics
from typing import Any

from ..text.normalize import ordinary_forms

Char = dict[str, Any]

# Two characters follow each other when the gap between them is under this share of their size
# (lines are set further apart than that: leading is at least a quarter of the size).
TOUCHING = 0.25
# Characters whose centres are this share of the size apart across the reading direction share
# a column (or a baseline).
SAME_COLUMN = 0.35
# A page reads vertically when most characters have a successor below and few one beside.
MOSTLY = 0.5
# Type this share of another's size or more is the same type on a line (body text with its
# emphasis, a heading's run); smaller, it is other type that shares a line only where it touches.
SAME_TYPE = 0.8


def reads_vertically(chars: list[Char]) -> bool:
    """Whether the characters are set in vertical columns: most have their next one touching
    below them, and below-neighbours outnumber beside-neighbours at least three to one."""
    ink = [c for c in chars if c["text"].strip()]
    if len(ink) < 10:
        return False
    below = _successors(ink, across="x", along="top")
    if below < MOSTLY * len(ink):  # a horizontal page: no need to count the neighbours beside
        return False
    return below >= 3 * _successors(ink, across="y", along="x0")


def vertical_columns(chars: list[Char]) -> list[list[Char]]:
    """The characters as printed lines of a vertical page: columns right to left, each column's
    characters top to bottom, a column cut where a gap of more than a character opens."""
    ink = [c for c in chars if c["text"].strip()]
    if not ink:
        return []
    size = statistics.median(c["size"] for c in ink) or 10.0
    columns: list[list[Char]] = []
    for char in sorted(ink, key=lambda c: -_centre_x(c)):
        if columns and abs(_centre_x(columns[-1][0]) - _centre_x(char)) <= SAME_COLUMN * size:
            columns[-1].append(char)
        else:
            columns.append([char])
    lines: list[list[Char]] = []
    for column in columns:
        column.sort(key=lambda c: c["top"])
        lines.append([column[0]])
        for prev, char in itertools.pairwise(column):
            if char["top"] - prev["bottom"] > size:
                lines.append([])
            lines[-1].append(char)
    return lines


def vertical_stacks(chars: list[Char]) -> tuple[list[list[Char]], list[Char]]:
    """Short runs set vertically on a horizontal page, and the other characters.

    A chapter tab down the page edge (「第」「4」「章」), a chart's vertical axis label or a box's
    vertical caption is a stack of characters, each touching the next below it and none with a
    character beside it on its own baseline.  Grouped by baselines they would each join the body
    line they happen to share a baseline with (「…可 章能としています」).  Horizontal lines never
    make such a stack: their characters have neighbours beside them, and lines are set further
    apart than touching."""
    ink = [c for c in chars if c["text"].strip()]
    beside = _Baselines(ink)
    alone = [c for c in ink if not beside.has_neighbour(c)]
    stacks: list[list[Char]] = []
    for char in sorted(alone, key=lambda c: c["top"]):
        for stack in stacks:
            last = stack[-1]
            size = max(last["size"], char["size"], 1.0)
            # Touching is judged centre to centre: a character's box may be its ink (a centred
            # 「・」, a kana), a few points short of the em its column sets it in.
            if abs(_centre_x(last) - _centre_x(char)) <= SAME_COLUMN * size \
                    and -0.3 * size <= char["top"] - last["bottom"] \
                    and _centre_y(char) - _centre_y(last) <= (1 + TOUCHING) * size:
                stack.append(char)
                break
        else:
            stacks.append([char])
    # Words, not a column of marks: note labels 「1」「2」「3」 or bullets 「・」 at the head of
    # tightly set lines stand alone one above the other too.
    stacks = [stack for stack in stacks if sum(c["text"].isalpha() for c in stack) >= 2]
    taken = {id(c) for stack in stacks for c in stack}
    return stacks, [c for c in chars if id(c) not in taken]


class _Baselines:
    """The characters binned by their vertical centre (1 pt bins), each bin in order of x0: whether a
    character has another beside it is a few look-ups, not a pass over the page."""

    def __init__(self, ink: list[Char]) -> None:
        bins: dict[int, list[Char]] = {}
        for char in ink:
            bins.setdefault(int(_centre_y(char)), []).append(char)
        self.bins = {key: sorted(chars, key=lambda c: c["x0"]) for key, chars in bins.items()}
        self.lefts = {key: [c["x0"] for c in chars] for key, chars in self.bins.items()}

    def has_neighbour(self, char: Char) -> bool:
        """Whether another character stands beside this one, within one and a half characters,
        on a line its height overlaps (a superscript's line, a label's text set a space apart)."""
        size = max(char["size"], 1.0)
        reach = 1.5 * size
        for key in range(int(char["top"] - size), int(char["bottom"] + size) + 1):
            chars = self.bins.get(key)
            if not chars:
                continue
            # The nearest characters by x0 up to the right edge of the window: the right
            # neighbour, the character itself, the left neighbour.
            end = bisect.bisect_right(self.lefts[key], char["x1"] + reach)
            for other in chars[max(0, end - 3):end][::-1]:
                if other is not char and other["x1"] >= char["x0"] - reach and _overlap(other, char) \
                        and _one_line(other, char):
                    return True
        return False


def _one_line(a: Char, b: Char) -> bool:
    """Whether two characters beside each other can be one line: type of about one size (a word
    space apart or more), or type of two sizes touching (a large numeral in 「第1章」).  A vertical
    side title set in display type a space from a column of body text is not on the body's lines:
    taken as their neighbour, it was cut into a character here and there (「健」「福」) and its
    other characters ended the body's lines."""
    small, large = sorted((a["size"], b["size"]))
    if small >= SAME_TYPE * large:
        return True
    return max(a["x0"], b["x0"]) - min(a["x1"], b["x1"]) <= TOUCHING * small


def _overlap(a: Char, b: Char) -> bool:
    """Whether two characters' heights overlap by half the smaller one (share a line)."""
    shared = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return shared >= 0.5 * min(a["bottom"] - a["top"], b["bottom"] - b["top"])


def column_text(chars: list[Char]) -> str:
    """A column's characters in reading order (top to bottom), in their ordinary forms."""
    return ordinary_forms("".join(c["text"] for c in sorted(chars, key=lambda c: c["top"])))


def _centre_x(char: Char) -> float:
    return (char["x0"] + char["x1"]) / 2


def _centre_y(char: Char) -> float:
    return (char["top"] + char["bottom"]) / 2


def _successors(chars: list[Char], across: str, along: str) -> int:
    """How many characters have another touching them next in the ``along`` direction, within
    the same column (``across`` = "x") or baseline (``across`` = "y")."""
    centre = _centre_x if across == "x" else _centre_y
    end = "bottom" if along == "top" else "x1"
    ordered = sorted(chars, key=lambda c: (round(centre(c) / max(c["size"], 1.0) / SAME_COLUMN), c[along]))
    count = 0
    for prev, char in itertools.pairwise(ordered):
        size = max(prev["size"], char["size"], 1.0)
        same_line = abs(centre(prev) - centre(char)) <= SAME_COLUMN * size
        gap = char[along] - prev[end]
        if same_line and -0.3 * size <= gap <= TOUCHING * size:
            count += 1
    return count
