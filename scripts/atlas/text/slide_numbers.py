"""Slide numbers: a handout prints each slide's number of the total, 「5/24」 — a number the reader
cites, like a page number, never a heading or text (structure/slides.py asks the rest of a deck).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model.document import Line

# 「5/24」: a slide's number of how many.  (A page number with spaces, 「5 / 24」, is clean.py's.)
SLIDE_NUMBER = re.compile(r"(?P<number>\d{1,3})\s?/\s?(?P<total>\d{1,3})")
# A deck or handout numbers at least this many slides so: a date 「9/11」 in a schedule stands alone.
SLIDE_NUMBERS_MIN = 3


def slide_number_lines(lines: list[Line]) -> frozenset[int]:
    """Numbers (``Line.number``) of the body lines that are slide numbers 「n/m」.

    A handout prints each slide's number of the total: the same total on SLIDE_NUMBERS_MIN lines
    or more, every number at most the total, counting up in reading order.
    """
    found: dict[int, list[tuple[int, int]]] = {}
    for line in lines:
        match = SLIDE_NUMBER.fullmatch(line.text.strip()) if line.kind == "body" else None
        if match and 0 < int(match["number"]) <= int(match["total"]):
            found.setdefault(int(match["total"]), []).append((line.number, int(match["number"])))
    numbers: set[int] = set()
    for total, run in found.items():
        values = [value for _, value in run]
        if total >= SLIDE_NUMBERS_MIN and len(run) >= SLIDE_NUMBERS_MIN and values == sorted(values):
            numbers.update(number for number, _ in run)
    return frozenset(numbers)


def mark_slide_numbers(lines: list[Line]) -> list[Line]:
    """The lines with their slide numbers 「n/m」 classified as page numbers (what a reader cites)."""
    numbers = slide_number_lines(lines)
    if not numbers:
        return lines
    return [replace(line, kind="page-number") if line.number in numbers else line for line in lines]
