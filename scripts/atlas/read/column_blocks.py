"""Where a two-column page is parted into blocks read one after the other.

A page set in two columns is read column by column only within a block: a section's band (a
heading set between two rules drawn across the page), a box's edge, a figure across both columns
ends the block above it, and the text below starts a new pair of columns.  The heading in the band
may be no wider than one column (「第２節　ＡＩ技術の潮流」 fits in the left one): what tells it spans the
page is the rule drawn across the gutter, not its words.  Read as one block, the left column's text
under the band would come before the right column's text above it (a section's last paragraph
spliced into the next section's first sentence).

A drawn line parts the page where it crosses the gutter reaching well into both columns, and no
line of text is struck through by it (an underline or a strike-out runs through or under its own
line, and within one column).
"""

from __future__ import annotations

from collections.abc import Iterable

from .boxes import Bbox

# A rule parts the columns when it reaches this share of each column's width past the gutter.
INTO_COLUMN = 0.25


def block_edges(rules: Iterable[Bbox], lines: Iterable[Bbox], gutter: float,
                text_left: float, text_right: float) -> list[float]:
    """The heights (points from the page top) at which the page's drawn rules part its columns
    into blocks, top to bottom.  ``lines`` are the boxes of the page's lines of text,
    ``text_left``/``text_right`` where its text starts and ends."""
    lines = list(lines)
    left_reach = INTO_COLUMN * (gutter - text_left)
    right_reach = INTO_COLUMN * (text_right - gutter)
    edges = set()
    for x0, top, x1, bottom in rules:
        if x0 > gutter - left_reach or x1 < gutter + right_reach:
            continue
        middle = (top + bottom) / 2
        if any(line[1] < middle < line[3] and line[0] < x1 and x0 < line[2] for line in lines):
            continue  # runs through a line of text: a strike-out or a highlight's edge, not a part
        edges.add(round(middle, 1))
    return sorted(edges)
