"""Unnumbered titles that open a part whose numbering starts again.

A guideline may print two numberings that both begin at 0.1 or 1: a foreword 「0.1 背景」「0.2 …」「0.3
…」, then 「序文」 and 「0.1 一般」「0.2 …」「0.3 …」 again (JIS-style standards number their introduction
so).  Read line by line, the second 「0.1」 goes back after 「0.3」 and is kept as text — the whole
introduction loses its outline — while the title over it, an unnumbered 「序文」, is nested by the
rank of its kind (a named title sits deep) under the foreword's last item.

Decided over the whole document before any line is read: an unnumbered title named by its word
(序文, はじめに, 総論 …) directly over the first number of a numbering
already used before it — with no heading of an outer numbering since, which would have started it
again anyway — opens a part.  It takes the rank just outside that numbering, so that taking it
starts the numbering afresh and what follows nests under it.

A report issued in instalments titles each by the same name numbered in brackets, 「審査報告（1）」
… 「審査報告（2）」, and numbers each one's sections from 1. again: the later title, alone on its
line, is asked when it is read (sequel_rank) and nests at the rank of the heading it follows in name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ..model.document import Block, Heading, Line
from ..text.numbering import heading_of
from .candidates import NumberedCandidate

# The first value of a numbering (「1．」「0.1」「（1）」「ア」 all give 1: number_value).
FIRST = 1


def restarting_titles(lines: list[Line], candidates: list[NumberedCandidate]) -> dict[int, int]:
    """Line index → the rank of each unnumbered title over a numbering that starts again under it."""
    at = {candidate.index: candidate for candidate in candidates}
    last_at_rank: dict[int, int] = {}  # rank → the index of its last candidate so far
    found: dict[int, int] = {}
    for index, line in enumerate(lines):
        candidate = at.get(index)
        if candidate is not None:
            last_at_rank[candidate.rank] = index
            continue
        if line.kind != "body" or not _unnumbered_title(line):
            continue
        below = at.get(_next_body_line(lines, index))
        if below is not None and below.value == FIRST and _would_go_back(below.rank, last_at_rank):
            found[index] = below.rank - 1
    return found


def _unnumbered_title(line: Line) -> bool:
    """A title by its word alone: 序文, はじめに, 総論 … (numbering.SCHEMES' "named").

    Not any line set as a heading: a slide's title over boxes numbered 1．2．… again is as often a
    list's lead (the boxes its rows) as a part, and the type does not tell which.
    """
    heading = heading_of(line.text)
    return heading is not None and heading[0].name == "named"


def _next_body_line(lines: list[Line], index: int) -> int:
    probe = index + 1
    while probe < len(lines) and lines[probe].kind != "body":
        probe += 1
    return probe


def _would_go_back(rank: int, last_at_rank: dict[int, int]) -> bool:
    """Whether a first number at ``rank`` comes after a candidate of that rank with no candidate of an
    outer rank since (which would have started the numbering again)."""
    last = last_at_rank.get(rank)
    if last is None:
        return False
    outer = [index for outer_rank, index in last_at_rank.items() if outer_rank < rank]
    return not outer or max(outer) < last


# A title numbered in its own name, alone on its line: 「審査報告（2）」 (NFKC: half-width brackets).
_NUMBERED_NAME = re.compile(r"(?P<name>[^\s()]{2,30})\((?P<n>\d{1,2})\)")


def sequel_rank(text: str, read: Sequence[Block | Heading]) -> int | None:
    """The rank of a title that numbers its part in its own name, 「審査報告（2）」, when a heading read
    before it ends in the same name with the number before (「別紙 審査報告（1）」): the next part of
    the same kind, a sibling of that heading whatever else stands between (the first report's
    numbered sections 1.–9.; the second report numbers its own from 1. again).  None otherwise.

    A report issued in instalments prints each one's title so; the name alone (no number, no
    bracket) or a name first printed inside a sentence is no evidence."""
    match = _NUMBERED_NAME.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if match is None or int(match["n"]) < 2:
        return None
    before = f"{match['name']}({int(match['n']) - 1})"
    for item in reversed(read):
        if isinstance(item, Heading) and unicodedata.normalize("NFKC", item.title).replace(" ", "").endswith(before):
            return item.rank
    return None
