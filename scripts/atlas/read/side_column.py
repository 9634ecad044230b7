"""A side column: a narrow band of text set apart from the body's measure at the page's right edge
(past a gap, often past a drawn rule), holding what stands beside the body — a design manual's
source notes (「出典：」, the book and page it cites, 「一部加筆」), a textbook's margin remarks.

Its lines stand on the body's baselines, a character or so past the body's last character: read
as whole baselines they made one line of body and note (「…機能を有す 出典：[1.]」), and every
sentence beside a note was cut by it.  The band is a column of its own.  It is no second column
of a two-column page (read_pdf._gutter: two even columns near the middle), but a margin: narrow,
at the edge, its lines flush at one left edge, with the body's lines running up to it.

Read as a reader reads it: the body's sentences whole, and each block of the band's lines (a note
and its lines wrapped under it) after the body's paragraph it stands beside.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any, Protocol

from .side_figures import Placed


class _Line(Placed, Protocol):
    """A line as the reader places it (side_figures.Placed) with its characters."""

    chars: list[dict[str, Any]]


# The band is at most this share of the text's width (a margin, no column of an even pair).
SIDE_SHARE = 0.3
# Lines starting at the band's left edge (within a point) that make it a column: a note and its
# lines, not one date or signature set at the right.
SIDE_LINES = 3
# The body's lines that run up to the band (within this many characters of its edge): the body's
# measure ends where the band begins.
BODY_REACHES = 3.0
BODY_LINES = 3
# Side lines whose tops stand this many of their characters apart or less are one block (a note and
# its lines): set on the body's baselines, with a wrapped line between two of them now and then.
BLOCK_PITCH = 3.0
# A margin note opens with its label and a colon (出典：, 注：, 参考：, 備考：) or a reference mark: such
# a line opens a block of its own however close it follows the note before (a margin full of notes).
NOTE_OPENS = re.compile(r"^\s*(?:[^\s:：]{1,4}\s*[:：]|※)")


def side_column_edge(lines: Sequence[_Line]) -> float | None:
    """The x where the page's side column begins, if the lines show one at the right: a left edge
    shared by at least SIDE_LINES lines' starts (a line's first character, or its first past a gap
    of half a character), within the right SIDE_SHARE of the text, that no line's characters run
    across, with the body's lines (BODY_LINES at least) ending within BODY_REACHES characters of it
    and the band holding words, not only numbers (a contents page's page numbers)."""
    if not lines:
        return None
    left, right = min(line.x0 for line in lines), max(line.x1 for line in lines)
    width = right - left
    if width <= 0:
        return None
    starts: Counter[float] = Counter()
    for line in lines:
        ink = [c for c in line.chars if c["text"].strip()]
        for index, char in enumerate(ink):
            opens = index == 0 or char["x0"] - ink[index - 1]["x1"] >= 0.5 * line.size
            if opens and char["x0"] >= right - SIDE_SHARE * width:
                starts[round(char["x0"])] += 1
    for start, count in sorted(starts.items()):
        if count < SIDE_LINES:
            continue
        near = [c["x0"] for line in lines for c in line.chars if abs(c["x0"] - start) <= 1.0]
        edge = min(near) - 0.1
        if any(c["x0"] < edge < c["x1"] for line in lines for c in line.chars if c["text"].strip()):
            continue  # a line runs across it: the body's measure goes on past it
        side = "".join(c["text"] for line in lines for c in line.chars if c["x0"] >= edge).strip()
        if not side or all(ch.isdigit() or ch.isspace() for ch in side):
            continue
        reaching = [line for line in lines if any(c["x1"] <= edge for c in line.chars)
                    and edge - max(c["x1"] for c in line.chars if c["x1"] <= edge) <= BODY_REACHES * line.size
                    and sum(1 for c in line.chars if c["x1"] <= edge) >= 8]
        if len(reaching) >= BODY_LINES:
            return edge
    return None


def blocks(side: Sequence[_Line]) -> list[list[_Line]]:
    """The side column's lines, top to bottom, in blocks: tops at most BLOCK_PITCH of their size apart,
    a new one at each line that opens a note (NOTE_OPENS)."""
    out: list[list[_Line]] = []
    for line in sorted(side, key=lambda p: p.top):
        if out and line.top - out[-1][-1].top <= BLOCK_PITCH * line.size and not NOTE_OPENS.match(line.text):
            out[-1].append(line)
        else:
            out.append([line])
    return out


def paragraph_end(body: Sequence[_Line], at: int, right: float) -> int:
    """The index of the last line of the paragraph that body line ``at`` belongs to, going down:
    a line that reaches the measure's right edge (within a character) goes on in the next line
    when that one follows within a line's pitch."""
    index = at
    while index + 1 < len(body):
        line, following = body[index], body[index + 1]
        if line.x1 < right - line.size or following.top - line.bottom > line.size or following.top < line.top:
            break
        index += 1
    return index
