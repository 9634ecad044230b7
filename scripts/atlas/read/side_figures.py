"""Where a figure set beside the text is read: after the text beside it, never inside a sentence.

A slide or a white paper's page sets a chart in one half and its argument in the other.  Read by
position, the chart's labels (kept together, figures.keep_together) stand where its first label
stands: beside some line of the text, so a sentence running past the chart is cut by it
(「…という観点では」／chart／「『更なる保険料改定が必要』…」).  A figure beside text is a column of its
own: it is read after the lines set beside it (and the rest of the sentence the last of them
begins), with the title set just above it (「＜保険種目別の保険引受利益の推移＞」) moved along.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from .boxes import Bbox
from .figures import keep_together


class Placed(Protocol):
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    text: str


T = TypeVar("T", bound=Placed)

# A figure's title stands at most this many of its lines above the figure's box.
TITLE_LINES_ABOVE = 2.0
# The next line of a sentence begins at most this many of its lines below the one before.
NEXT_LINE_GAP = 1.0


def read_after_text_beside(items: list[T], group_of: Callable[[T], int | None], boxes: Sequence[Bbox],
                           closes: Callable[[str], bool]) -> list[T]:
    """``items`` in reading order with each figure's labels together (``group_of`` gives the index
    of the figure box a label stands in), each figure moved after the text lines set beside its box
    and, when the last of them ends no sentence (``closes``), after the lines that finish it."""
    placed = keep_together(items, group_of)
    for group in dict.fromkeys(g for g in map(group_of, placed) if g is not None):
        members = [i for i, item in enumerate(placed) if group_of(item) == group]
        start, end = members[0], members[-1] + 1
        box = boxes[group]
        after = end
        while after < len(placed) and group_of(placed[after]) is None and _beside(placed[after], box):
            after += 1
        if after == end:
            continue
        while after < len(placed) and not closes(placed[after - 1].text) \
                and _goes_on(placed[after - 1], placed[after], box) and group_of(placed[after]) is None:
            after += 1
        title = _title_of(placed, start, box, group_of)
        moved = ([placed[title]] if title is not None else []) + placed[start:end]
        kept = [item for index, item in enumerate(placed[:start]) if index != title]
        placed = [*kept, *placed[end:after], *moved, *placed[after:]]
    return placed


def _title_of(placed: list[T], start: int, box: Bbox, group_of: Callable[[T], int | None]) -> int | None:
    """The index of the figure's title: the line over the box's width just above it, read before
    the figure's labels with only the text apart from the box (the other half's lines) between."""
    for index in range(start - 1, -1, -1):
        item = placed[index]
        if group_of(item) is not None:
            return None
        if not _apart(item, box):
            return index if _title_above(item, box) else None
    return None


def _apart(item: Placed, box: Bbox) -> bool:
    """Set left or right of the box, a character's width clear of it: the rest of a line the box's
    edge cut (a label drawn across it, its part inside read as the figure's) is no text beside."""
    return item.x1 <= box[0] - item.size or item.x0 >= box[2] + item.size


def _beside(item: Placed, box: Bbox) -> bool:
    """A line set beside the box: apart from it, its middle within the box's height."""
    return _apart(item, box) and box[1] <= (item.top + item.bottom) / 2 <= box[3]


def _goes_on(before: Placed, item: Placed, box: Bbox) -> bool:
    """The next line of the same text: apart from the box, under the line before, close below it."""
    return _apart(item, box) and _apart(before, box) and (item.x1 <= box[0]) == (before.x1 <= box[0]) \
        and 0 <= item.top - before.bottom <= NEXT_LINE_GAP * max(item.size, before.size)


def _title_above(item: Placed, box: Bbox) -> bool:
    """A line over the box's width, just above it: the figure's title."""
    return item.x1 > box[0] and item.x0 < box[2] and \
        0 <= box[1] - item.bottom <= TITLE_LINES_ABOVE * item.size
