"""One number form set at two sizes for two ranks: the smaller one deeper.

A typeset white paper may number two ranks of its headings alike, 「1 …」 over 「1 …」, and tell them
apart by their artwork and their type: the outer one's number in a ring at 17 pt, the inner one's in
a filled disc at 13 pt.  The artwork is drawn, not text, so both read as the same numbering: the inner
「1」 under an open 「1」 goes back and is refused, its 「2」 becomes a sibling of the outer 「1」, and the
outer 「2」 is then a second 「2」 and refused too — every later heading of the document is text.

The document says which is which.  Of a numbering's headings set in display type, those of the larger
size run 1, 2, 3 … across the document, and those of the smaller one start again at 1 right after each
larger one and run on by one under it: the smaller numbering is one rank deeper.  Where more sizes
stand, each next smaller size that nests so under the one above it goes one rank deeper again.

Decided once for the whole document over its numbered candidates (candidates.numbered_candidates, weak
shapes too: 「1 …」 is one), like numbering_order.py: through document_ranks.py headings.decide and the
outline's sequence choice then see each line at the rank its size gives it.  A heading outer to the
numbering (a 第N節 in display type) starts both again.  Any line of either size out of that pattern
leaves the numbering as it is.
"""

from __future__ import annotations

from itertools import pairwise

from ..model.document import Line
from .candidates import NumberedCandidate
from .typeset import Typesetting, style_of

FIRST = 1
# The smaller numbering counts at least this many headings (a lone 「1」 under a 「1」 is weak evidence).
INNER_HEADINGS = 2


def ranks_by_type_size(lines: list[Line], candidates: list[NumberedCandidate],
                       typeset: Typesetting) -> dict[int, int]:
    """Line index → the rank it takes, for each numbered line set in a smaller display size that the
    document nests under the same numbering set larger (see the module's docstring)."""
    display = [candidate for candidate in candidates if typeset.is_display(lines[candidate.index]) is True]
    taken = {candidate.rank for candidate in candidates}
    moved: dict[int, int] = {}
    for rank in sorted({candidate.rank for candidate in display}):
        sizes = sorted({_size(lines, candidate) for candidate in display if candidate.rank == rank}, reverse=True)
        for depth, (larger, smaller) in enumerate(pairwise(sizes), start=1):
            if not _nested_by_size(lines, display, rank, larger, smaller):
                break
            if rank + depth in taken:  # another numbering of the document holds that rank
                break
            for candidate in display:
                if candidate.rank == rank and _size(lines, candidate) == smaller:
                    moved[candidate.index] = rank + depth
    return moved


def _size(lines: list[Line], candidate: NumberedCandidate) -> float:
    style = style_of(lines[candidate.index])
    return style.size if style is not None else 0.0


def _nested_by_size(lines: list[Line], display: list[NumberedCandidate], rank: int,
                    larger: float, smaller: float) -> bool:
    """Whether the headings of ``rank`` set at ``smaller`` start again at 1 right under each one set
    at ``larger`` and run on by one under it, while those set at ``larger`` run on by one across them.
    A 「1」 with a heading of another numbering between it and the larger one (「4．…」 then 「（1）…」
    then 「1．…」) starts again under that heading, not under the larger one: no nesting by size."""
    last_larger: int | None = None
    last_smaller: int | None = None
    restarts = inner = 0
    previous: float | None = None  # the size of the last heading of the numbering (None: another's)
    for candidate in display:
        if candidate.rank < rank:  # a heading outer to both (第N節): both start again under it
            last_larger = last_smaller = previous = None
            continue
        size = _size(lines, candidate)
        if candidate.rank != rank or size not in (larger, smaller):
            previous = None
            continue
        after, previous = previous, size
        if size == larger:
            if last_larger is not None and candidate.value != last_larger + 1:
                return False
            last_larger, last_smaller = candidate.value, None
            continue
        if last_larger is None:  # the smaller numbering before any larger heading: no nesting shown
            return False
        if last_smaller is None:
            if candidate.value != FIRST or after != larger:
                return False
            restarts += 1
        elif candidate.value != last_smaller + 1:
            return False
        last_smaller = candidate.value
        inner += 1
    return restarts >= 1 and inner >= INNER_HEADINGS
