"""Heading candidates, collected over the whole document before any line is taken for a heading.

The structure step reads a document line by line; whether a numbered line is a heading depends on
the lines after it too (a footnote 「13 総務省「…」」 taken for section 13 would put sections 1 to 12,
printed after it, out of sequence).  So every numbered line that could be a heading is collected
first, with its numbering rank and value: the evidence ``outline_choice`` weighs when the structure
step asks whether taking one candidate costs the document more headings than it gives.

A candidate is only a possibility: the structure step still decides, with everything else it knows
(a line that wraps into a sentence, a table cell's label, …), whether the line is a heading.

A printed contents list (``printed_contents``) is evidence too: its entries say which later lines
open the document's parts, and are never headings themselves.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model.document import Line
from ..text.numbering import heading_of, number_value

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


# ---------------------------------------------------------------------------
# A printed contents list: evidence for where the body's headings are, never headings itself
# ---------------------------------------------------------------------------

# A contents list (an agenda slide, a 目次 without leaders) names at least this many parts…
CONTENTS_ENTRIES = 3
# …and most of its entries (this share) stand again later, in order, as lines of their own.
CONTENTS_FOUND_SHARE = 2 / 3


@dataclass(frozen=True)
class ContentsEntry:
    """An entry of a printed contents list and the body line it names."""

    index: int  # the entry's line
    target: int  # the later line that prints the same title: the heading in the body
    rank: int  # the entry's numbering rank: the rank of the part it names


@dataclass(frozen=True)
class PrintedContents:
    entries: frozenset[int]  # every line of the contents lists: read as text, never as headings
    targets: dict[int, ContentsEntry]  # body line → the entry that names it


def printed_contents(lines: list[Line]) -> PrintedContents:
    """The document's printed contents lists not marked as such by their form (no leaders, no page
    numbers: an agenda slide, 「1. …」「2. …」 stacked): runs of at least CONTENTS_ENTRIES numbered
    lines with nothing but blank lines between, most of whose titles are printed again further on, in
    the same order, each as a line of its own (with or without its number).

    Read greedily, such a list is a run of empty sections and the body's own headings after it are
    "out of sequence": its entries are evidence of where the parts begin (text, order), not parts."""
    entries: set[int] = set()
    targets: dict[int, ContentsEntry] = {}
    for run in _numbered_runs(lines):
        found = _entries_printed_later(lines, run)
        if len(found) >= max(CONTENTS_ENTRIES, CONTENTS_FOUND_SHARE * len(run)):
            entries.update(run)
            targets.update({entry.target: entry for entry in found})
    return PrintedContents(frozenset(entries), targets)


def _numbered_runs(lines: list[Line]) -> list[list[int]]:
    """Runs of numbered lines with only blank lines or furniture between, that list at least
    CONTENTS_ENTRIES parts of one numbering in sequence (1, 2, 3 …): a contents list names parts
    side by side; headings of several levels stacked without text between (「1 製造方法」「（1）…」
    「ア …」) are no list."""
    runs: list[list[int]] = []
    run: list[int] = []
    titles: set[str] = set()
    for index, line in enumerate([*lines, Line(0, "")]):  # an empty line after the last closes a run
        if line.kind != "body":
            continue  # blank lines and furniture between entries
        heading = heading_of(line.text)
        title = _folded(heading[2]) if heading is not None and number_value(heading[1]) is not None else None
        if title is not None and title not in titles:
            run.append(index)
            titles.add(title)
            continue
        # Text, or a title the run already holds (the body's first heading right after its list).
        if _lists_parts_in_sequence(lines, run):
            runs.append(run)
        run, titles = ([index], {title}) if title is not None else ([], set())
    return runs


def _lists_parts_in_sequence(lines: list[Line], run: list[int]) -> bool:
    """Whether the run holds CONTENTS_ENTRIES lines of one rank numbered one after another."""
    by_rank: dict[int, list[int]] = {}
    for index in run:
        scheme, number, _ = heading_of(lines[index].text) or (None, "", "")
        value = number_value(number)
        if scheme is not None and value is not None:
            by_rank.setdefault(scheme.rank, []).append(value)
    return any(len(values) >= CONTENTS_ENTRIES and values == list(range(values[0], values[0] + len(values)))
               for values in by_rank.values())


def _entries_printed_later(lines: list[Line], run: list[int]) -> list[ContentsEntry]:
    """The run's entries whose title (or number and title) is printed again after the run, in order."""
    found: list[ContentsEntry] = []
    start = run[-1] + 1
    for index in run:
        scheme, number, title = heading_of(lines[index].text) or (None, "", "")
        if scheme is None:
            continue
        names = {_folded(title), _folded(number + title)}
        target = next((probe for probe in range(start, len(lines))
                       if lines[probe].kind == "body" and _folded(lines[probe].text) in names), None)
        if target is not None:
            found.append(ContentsEntry(index, target, scheme.rank))
            start = target + 1
    return found


def _folded(text: str) -> str:
    """A line's text for comparing an entry with its heading: width folded, no spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
