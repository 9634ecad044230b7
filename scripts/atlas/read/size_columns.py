"""Two columns each set in a type of its own: a slide's box of code in small type beside its bullets
in large type, a narrow column of notes in small type beside the text.

read_pdf._gutter finds the strip between two columns among the lines of one size (the page's own
text size, then the body's): lines of that size on both sides of a strip none of them crosses.
When the left column is all in one size and the right all in another, neither size has lines on
both sides, no strip shows, and the page was read line by line across both columns: each line of
the code interleaved with the bullets' wrapped halves by their heights.

Here the strip is looked for among the lines of every size at once, and taken only where it
parts the page as two such columns do.  The lines that cross it (a title, a caption across the
page) part the page into blocks, as they part the columns when they are read; within a block, where
lines stand on both sides of it beside each other, each side's lines are in one size (ONE_SIZE of
them at least), the two sizes plainly apart (APART points), each side's lines flush at one edge
(FLUSH of them: a column, no labels strewn over a map), and in one block at least each side
holds COLUMN_LINES lines.  Small type that legitimately crosses — a caption under a figure, a
footnote, a table's row, a chart's labels read as text — crosses the strip (a block's edge), or
stands beside lines of its own size, or keeps a side from being of one size: the page stays as it
was.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from math import inf
from typing import Any, Protocol, TypeVar

from .boxes import Bbox
from .side_figures import Placed


class _Line(Placed, Protocol):
    """A line as the reader places it (side_figures.Placed) with its characters."""

    chars: list[dict[str, Any]]


L = TypeVar("L", bound=_Line)

# Each column holds this many lines, beside the other's: a box and its bullets, not a stray label.
COLUMN_LINES = 3
# The share of a column's lines in its own size.
ONE_SIZE = 0.8
# The two columns' sizes differ by this many points at least: two types, not one type's variants
# (one size's columns are read_pdf._gutter's to find).
APART = 1.0
# The share of a column's lines that start at one edge.
FLUSH = 0.5
# Lines start at one edge within this share of a character (set flush, not placed by hand).
EDGE = 0.25
# The strip is looked for within this share of the text's width from either edge.
FROM_EDGE = 0.2


@dataclass(frozen=True)
class _Part:
    """One line's characters on one side of the strip."""

    x0: float
    x1: float
    top: float
    bottom: float
    size: float


def size_gutter(lines: Sequence[L], crosses: Callable[[L, float], bool],
                boxes: Sequence[Bbox] = ()) -> float | None:
    """The x of the strip between two columns each set in a size of its own, if the lines show one.
    ``crosses(line, x)`` says whether a line's characters run on across x; ``boxes`` are the page's
    tables and figures (x0, top, x1, bottom)."""
    if len(lines) < 2 * COLUMN_LINES:
        return None
    left_edge = min(line.x0 for line in lines)
    width = max(line.x1 for line in lines) - left_edge
    step = min(line.size for line in lines) / 4
    if width <= 0 or step <= 0:
        return None
    sizes = Counter(round(line.size) for line in lines)
    if sum(1 for count in sizes.values() if count >= COLUMN_LINES) < 2:
        return None  # one type (with a stray line or two of another): nothing to part by size
    best: tuple[int, float, tuple[float, float]] | None = None
    x = left_edge + FROM_EDGE * width
    while x <= left_edge + (1 - FROM_EDGE) * width:
        found = _strip_at(lines, x, crosses, boxes)
        if found is not None and (best is None or found[0] < best[0]):
            best = (found[0], x, found[1])
        x += step
    if best is None:
        return None
    _, x, strip = best
    middle = (strip[0] + strip[1]) / 2
    # The middle of the strip between the columns' edges (x may lie a step past the left column's
    # edge, a line of it a point longer across x); x itself where the middle would not part them.
    return middle if _strip_at(lines, middle, crosses, boxes) is not None else x


def _strip_at(lines: Sequence[L], x: float, crosses: Callable[[L, float], bool],
              boxes: Sequence[Bbox]) -> tuple[int, tuple[float, float]] | None:
    """How many lines cross x, and where the left column ends and the right begins, if x parts the
    lines as two columns of two sizes (the module's rules); None if it does not."""
    left: list[_Part] = []
    right: list[_Part] = []
    across: list[float] = []
    for line in lines:
        if crosses(line, x):
            across.append((line.top + line.bottom) / 2)
            continue
        for side, chars in ((left, [c for c in line.chars if (c["x0"] + c["x1"]) / 2 < x]),
                            (right, [c for c in line.chars if (c["x0"] + c["x1"]) / 2 >= x])):
            part = _part(chars, line.size if len(chars) == len(line.chars) else None)
            if part is not None:
                side.append(part)
    # A line across the strip (a title, a caption across both columns) ends the block above it, as it
    # ends the columns read above it (read_pdf._reading_order): the columns stand beside each other
    # within a block.  A table or figure across it parts them as well, at its top and its foot.
    crossing = len(across)
    beside_boxes = [box for box in boxes if not box[0] < x < box[2]]
    across.extend(edge for box in boxes if box[0] < x < box[2] for edge in (box[1], box[3]))
    bounds = [-inf, *sorted(across), inf]
    beside_left: list[_Part] = []
    beside_right: list[_Part] = []
    columns = False
    for upper, lower in itertools.pairwise(bounds):
        block_left = [p for p in left if upper < (p.top + p.bottom) / 2 < lower]
        block_right = [p for p in right if upper < (p.top + p.bottom) / 2 < lower]
        block_left, block_right = _beside(block_left, block_right)
        if not block_left:
            continue  # one side only, or one above the other: nothing to read across
        top = min(p.top for p in (*block_left, *block_right))
        bottom = max(p.bottom for p in (*block_left, *block_right))
        if any(box[1] < bottom and top < box[3] for box in beside_boxes):
            return None  # a table or figure in a column, read across the page's width: no columns
        left_size, right_size = _one_size(block_left), _one_size(block_right)
        if left_size is None or right_size is None or abs(left_size - right_size) < APART:
            return None  # lines of one type on both sides (a table's rows), or a mixed side
        if not (_flush(block_left) and _flush(block_right)):
            return None  # labels strewn over a map or a chart, no column's lines
        columns = columns or min(len(block_left), len(block_right)) >= COLUMN_LINES
        beside_left.extend(block_left)
        beside_right.extend(block_right)
    if not columns:
        return None
    return crossing, (max(p.x1 for p in beside_left), min(p.x0 for p in beside_right))


def _beside(left: list[_Part], right: list[_Part]) -> tuple[list[_Part], list[_Part]]:
    """The lines of each side within the height where both sides have lines (from the lower of
    their first lines to the higher of their last); none where one side is empty or stands wholly
    above the other (a note over a title, the text under it)."""
    if not left or not right:
        return [], []
    top = max(min(p.top for p in left), min(p.top for p in right))
    bottom = min(max(p.bottom for p in left), max(p.bottom for p in right))
    left = [p for p in left if top <= (p.top + p.bottom) / 2 <= bottom]
    right = [p for p in right if top <= (p.top + p.bottom) / 2 <= bottom]
    return (left, right) if left and right else ([], [])


def _part(chars: list[dict[str, Any]], size: float | None) -> _Part | None:
    """The box of a line's characters on one side (its size the line's, when the side holds it all)."""
    ink = [c for c in chars if c["text"].strip()]
    if not ink:
        return None
    if size is None:
        size = Counter(round(c["size"] * 2) / 2 for c in ink).most_common(1)[0][0]
    return _Part(min(c["x0"] for c in ink), max(c["x1"] for c in ink),
                 min(c["top"] for c in ink), max(c["bottom"] for c in ink), size)


def _flush(parts: list[_Part]) -> bool:
    """Whether FLUSH of the column's lines start at one left edge (within EDGE of a character): a
    column's lines, a list's items (their wrapped lines set in under the bullet start at an edge of
    their own), not labels strewn over a picture."""
    return max(sum(1 for q in parts if abs(q.x0 - p.x0) <= EDGE * p.size) for p in parts) >= FLUSH * len(parts)


def _one_size(parts: list[_Part]) -> float | None:
    """The size of the column's lines, if ONE_SIZE of them share it (within half a point)."""
    size = Counter(p.size for p in parts).most_common(1)[0][0]
    return size if sum(1 for p in parts if abs(p.size - size) < 0.5) >= ONE_SIZE * len(parts) else None
