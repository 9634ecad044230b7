"""Heading candidates, collected over the whole document before any line is taken for a heading.

The structure step reads a document line by line; whether a numbered line is a heading depends on
the lines after it too (a footnote 「13 総務省「…」」 taken for section 13 would put sections 1 to 12,
printed after it, out of sequence).  So every numbered line that could be a heading is collected
first, with its numbering rank and value: the evidence ``outline_choice`` weighs when the structure
step asks whether taking one candidate costs the document more headings than it gives.

A candidate is only a possibility: the structure step still decides, with everything else it knows
(a line that wraps into a sentence, a table cell's label, …), whether the line is a heading.

A printed contents list (``printed_contents``) is evidence too: its entries say which later lines
open the document's parts, and are never headings themselves.  That holds for a contents list set
with leaders and page numbers as well (furniture: clean.py): its unnumbered entries (「ガイドラインの
策定に当たって ____ 3」) name titles that no numbering and, in a text extraction, no type face sets off.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass

from ..model.document import Line
from ..text.numbering import (
    CIRCLED,
    NEVER_STARTS_A_TITLE,
    NUMBER_ALONE,
    SCHEMES,
    heading_of,
    number_token,
    number_value,
    title_like,
)
from ..text.page_furniture import next_body, toc_title_end
from .contents_titles import numbered_line
from .labelled_titles import listed_questions

# Lines a PDF reader has already placed outside the text flow: never a heading of the body.
_OUTSIDE_THE_TEXT = ("footnote", "figure")


@dataclass(frozen=True)
class NumberedCandidate:
    """A line that reads as a numbered heading: where it is, its numbering's rank and its number."""

    index: int  # the line's position in the structure step's list of lines
    rank: int  # the numbering scheme's rank (numbering.Scheme.rank: lower is outer)
    value: int  # the number's last component as an integer (「2．3」 → 3, 「イ」 → 2)


def numbered_candidates(lines: list[Line], weak: bool = False) -> list[NumberedCandidate]:
    """Every body line that reads as a numbered heading whose number has a value, in reading order
    (``weak``: the weak shapes too, 「第１　…」「１　…」, which a count or a date may also take)."""
    found: list[NumberedCandidate] = []
    for index, line in enumerate(lines):
        if line.kind != "body" or (line.layout is not None and line.layout.role in _OUTSIDE_THE_TEXT):
            continue
        heading = heading_of(line.text)
        if heading is None:
            continue
        scheme, number, _ = heading
        value = number_value(number)
        if value is not None and (weak or not scheme.weak):
            found.append(NumberedCandidate(index, scheme.rank, value))
    return found


def circled_candidates(lines: list[Line]) -> list[NumberedCandidate]:
    """Every body line opening with a circled number over words (「① 目的」), in reading order: a
    numbering of its own (numbering.CIRCLED), whether its lines are sub-headings or a list's items
    being the heading decision's (headings.circled_titles) — here only where the numbering stands
    among the others (numbering_order.py)."""
    found: list[NumberedCandidate] = []
    for index, line in enumerate(lines):
        if line.kind != "body" or (line.layout is not None and line.layout.role in _OUTSIDE_THE_TEXT):
            continue
        match = CIRCLED.pattern.fullmatch(line.text)
        value = number_value(match["n"]) if match is not None else None
        if value is not None:
            found.append(NumberedCandidate(index, CIRCLED.rank, value))
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
    rank: int | None  # the entry's numbering rank: the rank of the part it names (None: unnumbered)
    # Whether the list tells the rank (a numbered entry's scheme); an unnumbered title's rank is only
    # read off its neighbours in the list (_entry_rank), and the title's own type says more.
    told: bool = True


@dataclass(frozen=True)
class PrintedContents:
    entries: frozenset[int]  # every line of the contents lists: read as text, never as headings
    targets: dict[int, ContentsEntry]  # body line → the entry that names it
    # Entries that go on with the entry above them (a listed question wrapped at the column's edge)
    rests: frozenset[int] = frozenset()


def printed_contents(lines: list[Line]) -> PrintedContents:
    """The document's printed contents lists not marked as such by their form (no leaders, no page
    numbers: an agenda slide, 「1. …」「2. …」 stacked): runs of at least CONTENTS_ENTRIES numbered
    lines with nothing but blank lines between, most of whose titles are printed again further on, in
    the same order, each as a line of its own (with or without its number).

    Read greedily, such a list is a run of empty sections and the body's own headings after it are
    "out of sequence": its entries are evidence of where the parts begin (text, order), not parts."""
    entries: set[int] = set()
    targets: dict[int, ContentsEntry] = {}
    body_lines: dict[str, list[int]] | None = None  # folded once, when a run asks
    for run in _numbered_runs(lines):
        if body_lines is None:
            body_lines = _body_lines_by_text(lines)
        # A run that takes in unnumbered lines and is no contents list for it: its numbered stretches
        # are weighed as they stand (an agenda's 「1．」「2．」「3．」 before a recurring line of text).
        whole = _entries_printed_later(lines, run, body_lines)
        for part in [run] if _contents_list(lines, run, whole) else _numbered_stretches(lines, run):
            found = whole if part is run else _entries_printed_later(lines, part, body_lines)
            if _contents_list(lines, part, found):
                entries.update(part)
                entries.update(_contents_title(lines, part[0]))
                # (an unnumbered entry's sub-title is left to the text's own typesetting: its rank is not told)
                targets.update({entry.target: entry for entry in found if entry.rank is not None})
    for entry in _unnumbered_titles_of_leader_lists(lines):
        targets.setdefault(entry.target, entry)
    # A Q&A's list of its questions (labelled_titles.py): every line of it, the topics' titles and the
    # wrapped rests of its questions too, is the list's (its numbered topics stand again over the answers).
    rests: set[int] = set()
    for listed in listed_questions(lines):
        entries.update(index for index in range(listed.first, listed.last + 1) if lines[index].kind == "body")
        rests.update(listed.rests)
    return PrintedContents(frozenset(entries), targets, frozenset(rests))


def _contents_title(lines: list[Line], first: int) -> list[int]:
    """The title printed right over a contents list's first entry (「目次」, 「目 次」, 「目」「次」 on two
    lines), if there is one: the list's name, no part of the document — read as text with its entries
    (a list set with leaders or page numbers has its title taken with it as furniture: page_furniture)."""
    above = next_body(lines, first, step=-1)
    for top in (above, None if above is None else next_body(lines, above, step=-1)):
        if top is not None and above is not None and toc_title_end(lines, top) == above:
            return [index for index in range(top, above + 1) if lines[index].kind == "body"]
    return []


def _contents_list(lines: list[Line], run: list[int], found: list[ContentsEntry]) -> bool:
    """Whether the run lists parts in sequence and most of its entries (``found``: those printed again
    later, in order) stand again later."""
    if not _lists_parts_in_sequence(lines, run):
        return False
    return len(found) >= max(CONTENTS_ENTRIES, CONTENTS_FOUND_SHARE * len(run))


def _numbered_stretches(lines: list[Line], run: list[int]) -> list[list[int]]:
    """The run cut at its unnumbered lines: its stretches of numbered lines one after another."""
    stretches: list[list[int]] = [[]]
    for index in run:
        if _numbered(lines[index]):
            stretches[-1].append(index)
        elif stretches[-1]:
            stretches.append([])
    return [stretch for stretch in stretches if stretch]


def _numbered(line: Line) -> bool:
    heading = heading_of(line.text)
    return heading is not None and number_value(heading[1]) is not None


# An entry of a contents list set with leaders: its title, the leader (dots, underscores), its page.
_LEADER_ENTRY = re.compile(r"(?P<title>\S.*?)\s*(?:[_＿]{3,}|[.．…‥・･]{3,})\s*(?P<page>\d{1,3})?")
# The rank of a title outside the numbering (はじめに, コラム): numbering.py's named scheme.
_NAMED_RANK = next(scheme.rank for scheme in SCHEMES if scheme.name == "named")
_SHORTEST_TITLE = 4  # a shorter entry (「概要」) names a word the body prints anywhere


def _unnumbered_titles_of_leader_lists(lines: list[Line]) -> list[ContentsEntry]:
    """The unnumbered entries of contents lists set with leaders (lines read as furniture, kind "toc")
    whose title stands again after the list, in the entries' order, as a body line of its own: the
    title in the body.  Where the title is printed more than once (a part's own list of what it holds,
    then the part), the one on the page the entry names is the heading: the printed page number and
    the sheet differ by the offset the entries found before show (the cover and contents unnumbered).
    Numbered entries — their number on the line itself or alone on the line above — are left to the
    numbering (a number says more than a list; the title alone may stand again in a table).

    The rank (``_entry_rank``): a list set flat in a text extraction shows no levels, so such a title
    is a part beside the list's outermost numbered entries (「参考資料編」 after 「3．…」's sections),
    but the first under an unnumbered heading it stands right below (「はじめに」 then 「…の策定に当たって」,
    nothing between) opens a level under it, and the entries after it keep that level until a
    numbered entry."""
    toc = [index for index, line in enumerate(lines) if line.kind == "toc" and line.text.strip()]
    ranks = [scheme.rank for index in toc if (found := heading_of(_entry_title(lines[index].text))) is not None
             and (scheme := found[0]).name != "named"]
    outermost = min(ranks, default=_NAMED_RANK)
    found: list[ContentsEntry] = []
    offsets: list[int] = []
    after = 0
    above = ""  # the contents list's line before this one
    previous: tuple[str, int | None] = ("", None)  # the entry before: its folded title, its rank (None: numbered)
    body_lines: dict[str, list[int]] | None = None  # folded once, when an entry asks
    for index in toc:
        match = _LEADER_ENTRY.fullmatch(lines[index].text.strip())
        numbered = NUMBER_ALONE.fullmatch(above) is not None  # 「5.1.」 on its line, the title below it
        above = lines[index].text.strip()
        if match is None:
            continue
        heading = heading_of(match["title"])
        title = _folded(match["title"])
        if numbered or heading is not None:
            named = heading is not None and heading[0].name == "named"
            previous = (title, heading[0].rank if named else None)
            continue
        if body_lines is None:
            body_lines = _body_lines_by_text(lines)
        later = body_lines.get(title, [])
        printed = later[bisect.bisect_left(later, max(after, index + 1)):]
        if len(title) < _SHORTEST_TITLE or not printed:
            continue
        page = int(match["page"]) if match["page"] else None
        offset = max(set(offsets), key=offsets.count) if offsets else None
        target = next((probe for probe in printed if page is not None and offset is not None
                       and lines[probe].page and lines[probe].page - page == offset), printed[0])
        if page is not None and lines[target].page:
            offsets.append(lines[target].page - page)
        if numbered_line(lines[target].text):
            # The body prints the entry's number (the contents field's tab between number and title left
            # nothing in the text layer: contents_titles.py): a numbered entry, left to the numbering.
            previous = (title, None)
            continue
        rank = _entry_rank(lines, target, previous, outermost)
        found.append(ContentsEntry(index, target, rank, told=False))
        previous = (title, rank)
        after = target + 1
    return found


def _body_lines_by_text(lines: list[Line]) -> dict[str, list[int]]:
    """Where each body line's text stands (folded), in order: a title is looked up, never searched for."""
    where: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if line.kind == "body":
            where.setdefault(_folded(line.text), []).append(index)
    return where


def _first_at_or_after(body_lines: dict[str, list[int]], names: set[str], start: int) -> int | None:
    """The first body line at or after ``start`` whose folded text is one of ``names``."""
    firsts = []
    for name in names:
        where = body_lines.get(name, [])
        at = bisect.bisect_left(where, start)
        if at < len(where):
            firsts.append(where[at])
    return min(firsts, default=None)


def _entry_title(text: str) -> str:
    match = _LEADER_ENTRY.fullmatch(text.strip())
    return match["title"] if match else text.strip()


def _entry_rank(lines: list[Line], target: int, previous: tuple[str, int | None], outermost: int) -> int:
    """The rank of an unnumbered title a contents list names (see _unnumbered_titles_of_leader_lists)."""
    title, rank = previous
    if rank is None:
        return outermost  # after a numbered entry: a part beside the outermost numbered ones
    above = next((lines[probe] for probe in range(target - 1, -1, -1) if lines[probe].text.strip()), None)
    if above is not None and above.kind == "body" and _folded(above.text) == title:
        return rank + 1  # right under the heading before it: its first subsection
    return rank


def _numbered_runs(lines: list[Line]) -> list[list[int]]:
    """Runs of numbered lines with only blank lines or furniture between: a contents list if they
    list at least CONTENTS_ENTRIES parts of one numbering in sequence (1, 2, 3 …: _contents_list) —
    a contents list names parts side by side; headings of several levels stacked without text
    between (「1 製造方法」「（1）…」「ア …」) are no list.

    A contents list may name its sections' unnumbered sub-titles under each numbered entry (「1.
    はじめに」, then 「…の可能性」「…の重要性」, then 「2. …」), no leaders, no page numbers: such a line goes
    on the run when it stands again later as a line of its own — the sub-title in the text.  Text
    between headings is never printed twice, so it still ends the run."""
    runs: list[list[int]] = []
    run: list[int] = []
    titles: set[str] = set()
    body_lines: dict[str, list[int]] | None = None  # folded once, when an unnumbered line asks
    for index, line in enumerate([*lines, Line(0, "")]):  # an empty line after the last closes a run
        if line.kind != "body":
            continue  # blank lines and furniture between entries
        heading = heading_of(line.text)
        # A numbered entry is its number and title: a chapter's first section may bear the chapter's
        # name (「第４章 …の監視」 over 「４－１ …の監視」), two entries; the same number and title again is
        # the body's first heading right after the list.
        title = f"{number_token(heading[1])} {_folded(heading[2])}" \
            if heading is not None and number_value(heading[1]) is not None else None
        if title is not None and title not in titles:
            run.append(index)
            titles.add(title)
            continue
        if title is None and run and title_like(line.text.strip()) \
                and not line.text.strip().startswith(NEVER_STARTS_A_TITLE):  # (「を…」: a sentence's rest)
            if body_lines is None:
                body_lines = _body_lines_by_text(lines)
            text = _folded(line.text)
            later = body_lines.get(text, [])
            if text not in titles and later and later[-1] > index:
                run.append(index)  # an unnumbered entry, printed again further on
                titles.add(text)
                continue
        # Text, or a title the run already holds (the body's first heading right after its list).
        if run:
            runs.append(run)
        run, titles = ([index], {title}) if title is not None else ([], set())
    return runs


def _lists_parts_in_sequence(lines: list[Line], run: list[int]) -> bool:
    """Whether the run holds CONTENTS_ENTRIES lines of one rank numbered one after another — or, in a
    longer list, lines of one rank that mostly go up by one: a contents list of chapters and their
    sections numbers the sections from 1 again in each chapter, and a printed list may misnumber an
    entry (two 「第２章」), which a strict sequence would take for no list at all."""
    by_rank: dict[int, list[int]] = {}
    for index in run:
        scheme, number, _ = heading_of(lines[index].text) or (None, "", "")
        value = number_value(number)
        if scheme is not None and value is not None:
            by_rank.setdefault(scheme.rank, []).append(value)
    return any(len(values) >= CONTENTS_ENTRIES and (values == list(range(values[0], values[0] + len(values)))
                                                    or _mostly_one_by_one(values))
               for values in by_rank.values())


def _mostly_one_by_one(values: list[int]) -> bool:
    """Whether at least two steps in three go up by one, over a list of 2 × CONTENTS_ENTRIES or more."""
    steps = [after - before for before, after in itertools.pairwise(values)]
    return len(values) >= 2 * CONTENTS_ENTRIES and 3 * steps.count(1) >= 2 * len(steps)


def _entries_printed_later(lines: list[Line], run: list[int],
                           body_lines: dict[str, list[int]]) -> list[ContentsEntry]:
    """The run's entries whose title (or number and title) is printed again after the run, in order.
    An unnumbered entry's rank is None: a flat list does not say how deep its sub-title stands.

    ``body_lines`` (``_body_lines_by_text``): each entry's title is looked up, not searched for line
    by line — a long document has thousands of numbered runs, and a search per entry made this step
    grow with the square of the document's length."""
    found: list[ContentsEntry] = []
    start = run[-1] + 1
    for index in run:
        scheme, number, title = heading_of(lines[index].text) or (None, "", lines[index].text)
        target = _first_at_or_after(body_lines, {_folded(title), _folded(number + title)}, start)
        if target is not None:
            numbered = scheme is not None and number_value(number) is not None
            found.append(ContentsEntry(index, target, scheme.rank if numbered and scheme is not None else None))
            start = target + 1
    # A sub-title heads text of its own: an unnumbered line whose next line is printed again right under
    # it is a passage quoted twice (a clause's wrapped lines repeated in each of several drafts), no entry.
    return [entry for entry, after in itertools.zip_longest(found, found[1:])
            if entry.rank is not None or after is None or next_body(lines, entry.target) != after.target]


def _folded(text: str) -> str:
    """A line's text for comparing an entry with its heading: width folded, no spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
