"""What a printed page puts around its text, told the same way by both readers.

The text reader (clean.py: pdftotext's text, pages apart by form feeds) and the PDF reader
(read/read_pdf.py: lines with their place on the page) see a page differently, so each finds
*where* furniture may stand its own way: the text reader by a line's place among its page's
lines, the PDF reader by the head and foot bands and the text column.  What a page number, a
table of contents or a slide deck *is* does not depend on how the page is seen, and is here once:

- the kinds of furniture (``FURNITURE_KINDS``), classified and counted, never silently deleted;
- the forms a page number is printed in (``PAGE_NUMBER_BY_FORM``, ``PAGE_NUMBER_FORMS``);
- page numbers keep step with the pages (``offsets_in_step``);
- 「N/M」 numbers of a total number the pages or slides (``numbers_of_a_total``);
- a table of contents: leader entries, entries without leaders, its title (``mark_contents``);
- a slide deck holds little text a page (``holds_slides``).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import replace
from typing import TypeVar

from ..model.document import Line

Key = TypeVar("Key", bound=Hashable)

# -- the kinds of furniture ----------------------------------------------------

FURNITURE_KINDS = (
    # either reader
    "page-number", "toc", "running-header", "running-footer",
    # the text reader: what pdftotext leaves of a slide's bullets and of a footnote's rule
    "slide-residue", "footnote-rule",
    # the PDF reader, from a page's layout: a chapter tab down the page edge, text set sideways, the
    # numbers a word processor prints beside each line (read/line_numbers.py)
    "margin-tab", "rotated-text", "line-number",
)


def mark_lines(lines: list[Line], indexes: set[int], kind: str) -> list[Line]:
    """Mark body lines (and blank ones, when a furniture block spans them) as ``kind``."""
    return [replace(line, kind=kind) if i in indexes and line.kind in ("body", "blank") else line
            for i, line in enumerate(lines)]


def body_indexes(lines: list[Line], indexes: Iterable[int]) -> list[int]:
    """Those of ``indexes`` whose lines are body text (not blank, not yet furniture)."""
    return [i for i in indexes if lines[i].kind == "body"]


def next_body(lines: list[Line], index: int, step: int = 1) -> int | None:
    """The nearest body line after (step 1) or before (step -1) ``index``."""
    index += step
    while 0 <= index < len(lines):
        if lines[index].kind == "body":
            return index
        index += step
    return None


# -- page numbers: their forms -------------------------------------------------

# A page number by its form alone, wherever it stands: "- 12 -", "－12－", "―12―", "( 12 / 47 )",
# "Page-12".  A dash on both sides or the word Page is how a word processor's page-number field is
# set; no clause or list item is numbered so.  The "N / M" form needs its spaces: "（9/11）" is a
# date in a schedule.
_DASH = "[-－—–‐―−]"
PAGE_NUMBER_BY_FORM = re.compile(
    rf"{_DASH}\s*\d{{1,3}}\s*{_DASH}|\(?\s*\d{{1,3}} / \d{{1,3}}\s*\)?|(?:Page|PAGE|page)\s?[-‐－―−.:]?\s?\d{{1,4}}"
)
# Every form a page number is printed in: those above, and 「9」「(9)」「- 9」「9/12」「p. 9」, which
# are page numbers only where a page puts its number and when they keep step with the pages (a
# bare 「9」 is as often a clause's number or a value in a chart).
PAGE_NUMBER_FORMS = re.compile(
    rf"{PAGE_NUMBER_BY_FORM.pattern}|{_DASH}?\s*[(（]?\s*\d{{1,3}}\s*[)）]?\s*{_DASH}?|\d{{1,3}}\s*/\s*\d{{1,3}}"
    r"|[pP]\.\s*\d{1,3}"
)
# A bare number: a page number only where the page's evidence says so.
BARE_NUMBER = re.compile(r"\d{1,4}")
# A page's number or counter printed on one line with a running text, a space apart: a browser's print
# footer sets the page's address and 「3/56」 on one line, a report 「白書 2024　- 12 -」.  Only the
# forms only a page number takes: a bare 「図表 1」「資料 2」 at a page's head is the page's own title.
_PAGE_MARK = rf"(?:{PAGE_NUMBER_BY_FORM.pattern}|\d{{1,3}}\s*/\s*\d{{1,3}})"
_NUMBER_AT_AN_END = re.compile(rf"^{_PAGE_MARK}\s+(?=\S)|(?<=\S)\s+{_PAGE_MARK}$")


def without_page_number(text: str) -> str:
    """``text`` with the page number or counter at its start or end (a space apart) folded to 「#」: a
    running line that carries the page's number differs from page to page by that number alone."""
    return _NUMBER_AT_AN_END.sub("#", text)


def printed_twice(text: str) -> int | None:
    """The number a bare 「99」「1212」 prints twice, or None: a slide's number field set both by the
    deck's master and by the slide (the second small beside the first) reads as one run of digits.
    It is a page number when that number keeps step with the pages (offsets_in_step)."""
    half = len(text) // 2
    if not BARE_NUMBER.fullmatch(text) or len(text) % 2 or text[:half] != text[half:] or text[0] == "0":
        return None
    return int(text[:half])


# -- page numbers keep step with the pages ---------------------------------------


def offsets_in_step(numbered: Iterable[tuple[int, int]]) -> set[int]:
    """The offsets (printed number − page's place in the file, from 1) that number the document's
    pages, from the candidates ``(printed number, page)`` each reader found where page numbers stand.

    A document numbers its pages one after another, so its page numbers are its pages' places plus
    one offset: the cover and the contents may go unnumbered, and a compilation restarts its
    numbering in each part (本文 1…, then 参考資料 1…), so each part keeps its own step.  An offset
    that two pages share is a numbering; a number that keeps step with no other page is text (a
    clause's 「1」, a table's column numbers 「1 2 3」 at the top of every page, a value in a chart).
    Pages count, not lines: a page that prints its number at its head and foot is one page's word.
    A lone candidate in the document is a numbering only when it is its page's place (a document
    with one numbered page, numbered from its first): nothing else says it is not a value.
    """
    pairs = set(numbered)
    pages_per_offset = Counter(value - page for value, page in pairs)
    shared = {offset for offset, pages in pages_per_offset.items() if pages >= 2}
    if not shared and len(pairs) == 1 and next(iter(pairs))[0] == next(iter(pairs))[1]:
        return {0}
    return shared


# -- 「N/M」: numbers of a total ----------------------------------------------------

# 「5/24」: a page's or a slide's number of how many there are.
OF_A_TOTAL = re.compile(r"(?P<number>\d{1,3})\s*/\s*(?P<total>\d{1,3})")
# A deck or a handout numbers at least this many slides so (a deck of fewer is no deck); two dates
# of a schedule 「9/11」「10/11」 can share a day by chance, three counting up rarely do.
OF_A_TOTAL_MIN = 3


def numbers_of_a_total(texts: Iterable[tuple[Key, str]]) -> set[Key]:
    """The keys of the texts (in reading order) that are 「N/M」 page or slide numbers.

    A handout prints each slide's number of the total under the slide, mid-page, two slides to a
    sheet, so neither the page's edge nor the step with the sheets finds them; the shared total
    does.  They are the same total M on OF_A_TOTAL_MIN texts or more, each N at most M, and N
    strictly rising: a deck numbers each slide once, in order.  A date 「9/11」 or a ratio has no
    total that stays while N counts up, and a fraction that recurs (「1/3」 in a table's cells, the
    same value again and again) does not count up: the same N twice is not a count (the text
    reader once let it through).
    """
    by_total: dict[int, list[tuple[int, Key]]] = {}
    for key, text in texts:
        match = OF_A_TOTAL.fullmatch(text.strip())
        if match and 0 < int(match["number"]) <= int(match["total"]):
            by_total.setdefault(int(match["total"]), []).append((int(match["number"]), key))
    found: set[Key] = set()
    for numbered in by_total.values():
        values = [value for value, _ in numbered]
        if len(numbered) >= OF_A_TOTAL_MIN and all(a < b for a, b in itertools.pairwise(values)):
            found.update(key for _, key in numbered)
    return found


def slide_number_lines(lines: list[Line]) -> frozenset[int]:
    """Numbers (``Line.number``) of the body lines that are slide numbers 「n/m」 (numbers_of_a_total)."""
    return frozenset(numbers_of_a_total((line.number, line.text) for line in lines if line.kind == "body"))


def mark_slide_numbers(lines: list[Line]) -> list[Line]:
    """The lines with their slide numbers 「n/m」 classified as page numbers (what a reader cites)."""
    numbers = slide_number_lines(lines)
    if not numbers:
        return lines
    return [replace(line, kind="page-number") if line.number in numbers else line for line in lines]


# -- a slide deck ------------------------------------------------------------------

# The characters a page of a slide deck holds at the most, on average over its pages with text.
# A report's page (A4, 10.5 pt: 40 characters by 36 lines, or about 55 by 26 turned landscape)
# holds about 1,440 when full, and averages over half that even with its headings, tables and
# figures; a slide is set large to be read from across a room, and a deck's title, divider and
# figure slides pull its average far below its fullest slide's.  Half a full page divides the two,
# whichever way the page is turned, so one number serves the text reader, which cannot see the
# page's shape, and the PDF reader, which can.  (The readers once said 700 and 800: 800 is more
# than half a page, and would take a sparse portrait report, 790 a page, for a deck in a text.)
SLIDE_PAGE_CHARS = 700
# Where a page's shape is unknown (a text), fewer pages with text than this tell nothing either way.
SLIDE_DECK_PAGES = 4


def holds_slides(lines: list[Line], landscape: bool | None = None) -> bool:
    """Whether the document's pages hold little text each: a slide deck (one section a slide follows).

    ``landscape``: whether most pages are wider than tall (a PDF says; None where the source does
    not, as pdftotext's text).  Slides are landscape; a portrait document is never taken for a deck.
    Pages are those with text: a page without any says nothing of how much a page holds (a picture,
    a blank verso, the empty page after pdftotext's last form feed).
    """
    if landscape is False:
        return False
    body = [line for line in lines if line.kind == "body" and line.page]
    pages = len({line.page for line in body})
    if not pages or (landscape is None and pages < SLIDE_DECK_PAGES):
        return False
    return sum(len(line.text) for line in body) / pages < SLIDE_PAGE_CHARS


# The name PowerPoint gives a slide's bookmark when it exports a deck to PDF and the slide has no
# title placeholder it can read (「スライド 3」, 「スライド番号 3」, 「Slide 3」): a PDF bookmarked so on
# every page was made from slides, however much text its pages hold and whichever way they are
# turned (a handbook's dense slides, a pamphlet laid out in PowerPoint in portrait).
SLIDE_BOOKMARK = re.compile(r"(?:スライド(?:番号)?|Slide)\s*\d{1,3}", re.IGNORECASE)


def exported_slides(bookmarks: list[str], pages: int) -> bool:
    """Whether a PDF's bookmarks (their titles) are the ones PowerPoint writes for its slides: one
    a page at least, each a slide's number under PowerPoint's name for it (SLIDE_BOOKMARK)."""
    named = [title for title in bookmarks if SLIDE_BOOKMARK.fullmatch(title.strip())]
    return pages > 0 and len(named) >= pages and len(named) == len(bookmarks)


# -- tables of contents --------------------------------------------------------------

# A table-of-contents entry: text, a dot leader, a page number.
TOC_ENTRY = re.compile(r".*(?:\.{4,}|…{2,}|・{4,}|‥{2,}|･{4,}).*\d{1,3}")
# The title of a table of contents ("目 次" is rejoined to 目次 before this is asked).
TOC_TITLE = re.compile(r"目次|もくじ|(?:Table of )?Contents|CONTENTS", re.IGNORECASE)
# An entry whose dot leader did not survive ("（４）… 24").
_ENDS_WITH_PAGE = re.compile(r".*\S\s+\d{1,3}")
# A section number standing alone on its line, its title on the next ("1.", "5.10.", "Ⅰ．", "第1章").
_NUMBER_ALONE = re.compile(
    r"\d{1,2}(?:[.．]\d{1,2})*[.．]?|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[.．]?|[（(]\d{1,2}[）)]|第\d{1,2}[章節部編]|付録\s?[A-Z0-9]"
)
# How many body lines may stand between two TOC entries (a number, a wrapped title, a page number).
_TOC_GAP = 3
# A leaderless table of contents lists at least this many entries under its title: a document has
# three parts or more where it prints a contents page, while two lines ending in a number under the
# word 目次 can be anything (a sentence that names a year, a count).
_LEADERLESS_ENTRIES = 3


def mark_contents(lines: list[Line]) -> list[Line]:
    """The table of contents among classified lines: entries with leaders, entries between them
    whose leaders did not survive, and the whole block with its title (``_toc_blocks``)."""
    lines = [replace(line, kind="toc") if line.kind == "body" and TOC_ENTRY.fullmatch(line.text) else line
             for line in lines]
    return _toc_blocks(_toc_entries_without_leaders(lines))


def _toc_entries_without_leaders(lines: list[Line]) -> list[Line]:
    """A line between two TOC entries that ends in a page number is a TOC entry too."""
    content = [i for i, line in enumerate(lines) if line.kind not in ("blank", "footnote-rule")]
    marked: set[int] = set()
    for before, here, after in zip(content, content[1:], content[2:], strict=False):
        if (
            lines[here].kind == "body"
            and lines[before].kind == "toc"
            and lines[after].kind == "toc"
            and _ENDS_WITH_PAGE.fullmatch(lines[here].text)
        ):
            marked.add(here)
    return mark_lines(lines, marked, "toc")


def _toc_blocks(lines: list[Line]) -> list[Line]:
    """The whole table of contents: its title, and what stands between its entries.

    Entries wrap, or their numbers stand on lines of their own ("1." above "はじめに …… 3"),
    so between two entries up to _TOC_GAP short lines belong to the TOC.  Its title is 目次
    (rejoined from 「目 次」, or split over two lines 「目」「次」) just above the first entry.
    A TOC with no leaders at all is recognised from its title: entries that end in page numbers
    that never decrease.
    """
    marked: set[int] = set()
    entries = [i for i, line in enumerate(lines) if line.kind == "toc"]
    for before, after in itertools.pairwise(entries):
        gap = body_indexes(lines, range(before + 1, after))
        if len(gap) <= _TOC_GAP and all(_toc_filler(lines[i].text) for i in gap):
            marked.update(gap)
    for index, line in enumerate(lines):
        if line.kind != "body":
            continue
        title_end = toc_title_end(lines, index)
        if title_end is None:
            continue
        first_entry = _first_toc_entry(lines, title_end)
        if first_entry is not None:
            marked.update(range(index, first_entry))
            continue
        following = next_body(lines, title_end)
        leaderless = _leaderless_entries(lines, following) if following is not None else set()
        if leaderless:
            marked.update(range(index, title_end + 1))
            marked.update(leaderless)
    return mark_lines(lines, {i for i in marked if lines[i].kind == "body"}, "toc")


def _toc_filler(text: str) -> bool:
    """A line that can stand between two TOC entries: a number, a page number, a wrapped title."""
    if BARE_NUMBER.fullmatch(text) or _NUMBER_ALONE.fullmatch(text) or _ENDS_WITH_PAGE.fullmatch(text):
        return True
    return len(text) <= 60 and not text.endswith("。")


def toc_title_end(lines: list[Line], index: int) -> int | None:
    """If a TOC title starts at ``index``, the index of its last line."""
    text = lines[index].text.replace(" ", "")
    if TOC_TITLE.fullmatch(text):
        return index
    if text == "目":
        nxt = next_body(lines, index)
        if nxt is not None and lines[nxt].text == "次" and nxt - index <= 3:
            return nxt
    return None


def _first_toc_entry(lines: list[Line], index: int) -> int | None:
    """The first TOC entry after a title, if no more than _TOC_GAP fillers stand between."""
    fillers = 0
    for i in range(index + 1, len(lines)):
        if lines[i].kind == "toc":
            return i
        if lines[i].kind == "body":
            fillers += 1
            if fillers > _TOC_GAP or not _toc_filler(lines[i].text):
                return None
    return None


def _leaderless_entries(lines: list[Line], start: int) -> set[int]:
    """Entries after a TOC title that end in non-decreasing page numbers (at least three)."""
    found: set[int] = set()
    last_page = 0
    pending: list[int] = []  # numbers alone and wrapped titles waiting for their entry
    for i in range(start, len(lines)):
        line = lines[i]
        if line.kind != "body":
            continue
        match = re.fullmatch(r".*\S\s+(\d{1,3})", line.text)
        if match and int(match.group(1)) >= last_page:
            last_page = int(match.group(1))
            found.update([*pending, i])
            pending = []
        elif len(pending) < _TOC_GAP and _toc_filler(line.text):
            pending.append(i)
        else:
            break
    entries = sum(1 for i in found if _ENDS_WITH_PAGE.fullmatch(lines[i].text))
    return found if entries >= _LEADERLESS_ENTRIES else set()
