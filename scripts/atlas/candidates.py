"""Heading candidates, collected over the whole document before any line is taken for a heading.

The structure step reads a document line by line; whether a numbered line is a heading depends on
the lines after it too (a footnote 「13 総務省「…」」 taken for section 13 would put sections 1 to 12,
printed after it, out of sequence).  So every numbered line that could be a heading is collected
first, with its numbering rank and value: the evidence ``outline_choice`` weighs when the structure
step asks whether taking one candidate costs the document more headings than it gives.

A candidate is only a possibility: the structure step still decides, with everything else it knows
(a line that wraps into a sentence, a table cell's label, …), whether the line is a heading.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Line
from .numbering import heading_of, number_value

# Lines a PDF reader has already placed outside the text flow: never a heading of the body.
_OUTSIDE_THE_TEXT = ("footnote", "figure")


@dataclass(frozen=True)
class NumberedCandidate:
    """A line that reads as a numbered heading: where it is, its numbering's rank and its number."""

    index: int  # the line's position in the structure step's list of lines
    rank: int  # the numbering scheme's rank (numbering.Scheme.rank: lower is outer)
    value: int  # the number's last component as an integer (「2．3」 → 3, 「イ」 → 2)


def numbered_candidates(lines: list[Line]) -> list[NumberedCandidate]:
    """Every body line that reads as a numbered heading whose number has a value, in reading order."""
    found: list[NumberedCandidate] = []
    for index, line in enumerate(lines):
        if line.kind != "body" or (line.layout is not None and line.layout.role in _OUTSIDE_THE_TEXT):
            continue
        heading = heading_of(line.text)
        if heading is None:
            continue
        scheme, number, _ = heading
        value = number_value(number)
        if value is not None and not scheme.weak:
            found.append(NumberedCandidate(index, scheme.rank, value))
    return found
