"""Unnumbered titles of a document's parts: outer to the numbered headings they head.

A report divides itself into parts that carry no number (「…の概要」 over a summary numbered Ⅰ…Ⅸ,
「…の詳細」 over the detail numbered （1）…（16））: each part title is set as a heading (larger than
the body), opens a page (its top line, or a page of its own), and stands straight above the first
heading of a numbering that starts there at 1.  Read by its size alone, such a title ranks with
whatever heading shares that size: beside the summary's Ⅰ (an empty section), under the Ⅸ before the
detail (the detail nested in the summary's last point).  The page says more: a title opening a page
over a numbering's first heading heads that numbering, and the document's part titles are one
level, each closing the part before it.

``part_titles`` decides them for the whole document, before any line is read: each part title's
rank is one outer to the outermost numbering any of them heads (and never inner to the rank its
type would give it), the same rank for all of them, so they are siblings of each other.

A newsletter or a leaflet sets a lead under an article's title before the article's numbering starts
(「…の運営報告について」, a paragraph, then 「1　総括」 in the body's type): a title opening its page over
a few lines of text, then the document's first 「1　…」 (a number and a space, no numbering of that rank
before it) standing as a title, heads that numbering as well.  Its other articles' titles, set at
least as large, are parts too: ranked by their size among the cover's larger type they went inside the
numbered article's last section, one under another.  (A numbering in a stronger form under a lead, or
one that ran before, is a section's own, as it always was: a slide's title over its points.)

``titles_over_a_first_number`` finds the other shape of a part: a title over a numbering that starts
again.  A guideline may print two numberings that both begin at 0.1 or 1: a foreword 「0.1 背景」
「0.2 …」「0.3 …」, then 「序文」 and 「0.1 一般」「0.2 …」「0.3 …」 again (JIS-style standards number their
introduction so); a report's proposal boxed as 「1　…」「2　…」 and its explanation numbered from 「1　…」
again under 「（補足説明）」.  A title named by its word (序文, はじめに, 総論 …) or a label word alone in
brackets, straight over the first number of a numbering the outline has already taken past 1 under
the open heading, opens a part: it takes the rank just outside that numbering (headings.decide asks
the outline when the title is read).

A report issued in instalments titles each by the same name numbered in brackets, 「審査報告（1）」
… 「審査報告（2）」, and numbers each one's sections from 1. again: the later title, alone on its
line, is asked when it is read (sequel_rank) and nests at the rank of the heading it follows in name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ..model.document import Block, Heading, Line
from ..text.numbering import LIST_MARKER, heading_of, is_caption, join_text, number_value, title_like
from ..text.page_furniture import next_body
from .marked_titles import mark_kind
from .runs import next_content
from .typeset import Typesetting

# Ranks step by ten per size step (headings.layout_heading): a display title's rank by its type.
_SIZE_STEP = 10
_LARGEST_SIZE_RANK = 6
# A part's title may stand over a lead of this many lines of text before its numbering's first heading.
_LEAD_LINES = 6


def part_titles(lines: list[Line], typeset: Typesetting) -> dict[int, int]:
    """Index → rank of every line read as an unnumbered part title (see the module's docstring)."""
    heads: dict[int, int] = {}  # a part title → the rank of the numbering it heads
    led: set[int] = set()  # part titles over a lead, their numbering a few lines down
    for index, line in enumerate(lines):
        if not _opens_its_page(lines, index):
            continue
        if _unnumbered_title_in_large_type(line, typeset):
            last = index
        elif (wrapped := _wrapped_title_in_display_face(lines, index, typeset)) is not None:
            last = wrapped
        else:
            continue
        first = _first_number_under(lines, last, typeset)
        if first is None:
            continue  # no numbering starts under it: a title of its page, not of a part
        heads[index], straight = first
        if not straight:
            led.add(index)
    if not heads:
        return {}
    # (A title at the body's size, in the headings' face, says nothing of its rank by its size.)
    by_type = min((min(typeset.size_rank(lines[index]), _LARGEST_SIZE_RANK) * _SIZE_STEP for index in heads
                   if typeset.is_large(lines[index])), default=None)
    rank = min(heads.values()) - 1 if by_type is None else min(min(heads.values()) - 1, by_type)
    return dict.fromkeys(heads | _as_large_as_a_part(lines, led, typeset), rank)


def _first_number_under(lines: list[Line], last: int, typeset: Typesetting) -> tuple[int, bool] | None:
    """The rank of the numbering whose first heading stands under a title ending at ``last``, and
    whether straight under it: else under its lead (a few lines of text, none numbered or set large),
    where that first heading stops short of its column as a title does.  None where no numbering starts
    there."""
    below = _next_body(lines, last)
    for _ in range(_LEAD_LINES + 1):
        if below is None:
            return None
        first = heading_of(lines[below].text)
        if first is not None:
            straight = below == _next_body(lines, last)
            if not first[1] or number_value(first[1]) != FIRST:
                return None
            if not straight and (not first[0].weak or typeset.stopped_short(lines[below]) is not True
                                 or not title_like(first[2]) or _numbered_before(lines, below, first[0].rank)):
                # (over a lead: the very first 「1　…」 of the document, standing as a title — a numbering
                # in a stronger form under a lead is a section's own, as it always was)
                return None
            if first[0].weak and straight:
                return None
            return first[0].rank, straight
        if typeset.is_large(lines[below]) or mark_kind(lines[below].text) is not None:
            return None  # another title, or a marked one: the lead ends without a numbering
        below = _next_body(lines, below)
    return None


def _numbered_before(lines: list[Line], index: int, rank: int) -> bool:
    """Whether a line before ``index`` is numbered at ``rank`` in a form that is no weak one: the
    numbering started earlier, and the 「1」 under a lead starts it again inside a section."""
    for line in lines[:index]:
        heading = heading_of(line.text) if line.kind == "body" else None
        if heading is not None and heading[1] and not heading[0].weak and heading[0].rank == rank:
            return True
    return False


def _as_large_as_a_part(lines: list[Line], led: set[int], typeset: Typesetting) -> dict[int, int]:
    """The unnumbered titles set in large type at least as large as a part title over a lead (``led``):
    parts too.  A newsletter opens each article with a title and a lead, and numbers the sections of
    one of them: the other articles' titles, set as large, are never sections inside its numbering's
    last heading."""
    sizes = [lines[index].layout.size for index in led
             if lines[index].layout is not None and typeset.is_large(lines[index])]
    if not sizes:
        return {}
    smallest = min(sizes)
    return {index: 0 for index, line in enumerate(lines)
            if index not in led and _unnumbered_title_in_large_type(line, typeset)
            and line.layout is not None and line.layout.size >= smallest}


def _unnumbered_title_in_large_type(line: Line, typeset: Typesetting) -> bool:
    text = line.text
    if line.kind != "body" or line.layout is None or line.layout.role:
        return False
    if heading_of(text) is not None or mark_kind(text) is not None or LIST_MARKER.fullmatch(text):
        return False
    return title_like(text) and not is_caption(text) and typeset.is_large(line)


def _wrapped_title_in_display_face(lines: list[Line], index: int, typeset: Typesetting) -> int | None:
    """The last line of an unnumbered title set in the headings' face at the body's size and wrapped
    over two lines (run to the column's edge, its rest stopping short in the same face), or None.  A
    foreword's title quoting the document's long name wraps so; one line in the headings' face at the
    page's top is as often a lead-in set bold, so only the wrapped title is weighed (part_titles then
    asks that a numbering's first heading stand straight under it)."""
    line = lines[index]
    if (line.kind != "body" or line.layout is None or line.layout.role or typeset.is_large(line)
            or typeset.is_display(line) is not True or typeset.stopped_short(line) is not False
            or index + 1 >= len(lines)):
        return None
    rest = lines[index + 1]
    if (rest.kind != "body" or rest.page != line.page or rest.layout is None or rest.layout.role
            or not typeset.same_style(line, rest) or typeset.stopped_short(rest) is not True):
        return None
    title = join_text(line.text, rest.text)
    if any(heading_of(text) is not None or mark_kind(text) is not None or LIST_MARKER.fullmatch(text)
           for text in (line.text, rest.text)):
        return None
    return index + 1 if title_like(title) and not is_caption(title) else None


def _opens_its_page(lines: list[Line], index: int) -> bool:
    """No text of its page stands above the line (furniture may: a running head, a page's tab)."""
    page = lines[index].page
    for probe in range(index - 1, -1, -1):
        if lines[probe].page != page:
            return True
        if lines[probe].kind == "body":
            return False
    return True


def _next_body(lines: list[Line], index: int) -> int | None:
    """The next line of text below ``index``, across furniture and a page's end (a part's title alone
    on its page heads the next page's first heading)."""
    probe = next_content(lines, index)
    return probe if probe is not None else next_body(lines, index)


# ---------------------------------------------------------------------------
# A title over a numbering that starts again
# ---------------------------------------------------------------------------

# The first value of a numbering (「1．」「0.1」「（1）」「ア」 all give 1: number_value).
FIRST = 1

# A label word alone in brackets (「（補足説明）」「【解説】」「〔説明〕」): two to eight kana or kanji, no
# number (an annex's label, 「（別添）」, is an annex: numbering.SCHEMES' annex-alone).
_BRACKETED_LABEL = re.compile(r"[（(【〔［](?P<word>[\u3041-\u30ff\u4e00-\u9fff々]{2,8})[）)】〕］]")


def bracketed_label(text: str) -> bool:
    """Whether a line is a label word alone in brackets, no annex's label."""
    heading = heading_of(text)
    return _BRACKETED_LABEL.fullmatch(text.strip()) is not None and (
        heading is None or not heading[0].name.startswith("annex"))


def _named_title(text: str) -> bool:
    """A title by its word alone: 序文, はじめに, 総論 … (numbering.SCHEMES' "named")."""
    heading = heading_of(text)
    return heading is not None and heading[0].name == "named"


def titles_over_a_first_number(lines: list[Line]) -> dict[int, int]:
    """Line index → the numbering rank of the first number straight under each unnumbered title of a
    part: a title named by its word (「序文」「はじめに」) or a label word alone in brackets
    (「（補足説明）」).

    Two shapes of one thing.  A JIS-style guideline numbers its foreword 「0.1」–「0.3」, then prints
    「序文」 over 「0.1 一般」… again; a report boxes a proposal as 「1　…」「2　…」「3　…」 and explains
    it under 「（補足説明）」 with its points numbered from 「1　…」 again.  Read line by line the second
    「0.1」 or 「1」 goes back and is kept as text, and the title nests under the last item before it (a
    named title sits deep by its kind).  The title opens the part the numbering starts again in: it
    takes the rank just outside that numbering, so that taking it starts the numbering afresh.

    Whether the numbering does start again is the outline's to say when the title is read
    (headings.decide asks it: the numbering taken past 1 under the open heading, no outer heading
    since, which would have started it again anyway); here only the shape: the title, then a numbered
    line numbered 1 as the next line of text.  Not any line set as a heading: a slide's title over
    boxes numbered 1．2．… again is as often a list's lead (the boxes its rows) as a part, and the
    type does not tell which."""
    found: dict[int, int] = {}
    for index, line in enumerate(lines):
        if line.kind != "body" or not (_named_title(line.text) or bracketed_label(line.text)):
            continue
        next_line = _next_body(lines, index)
        below = heading_of(lines[next_line].text) if next_line is not None else None
        if below is not None and below[1] and number_value(below[1]) == FIRST:
            found[index] = below[0].rank
    return found


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
