"""Slide decks and handouts: which line is a slide's title, which page is the cover (the slides'
numbers 「5/24」 are text/page_furniture.py's).

A slide is set to be read from across a room.  Its title stands at the top of the slide, set
larger than the body below it; a part's divider slide holds its title alone.
A contents (agenda) slide names the titles but is none of them, and the deck's first page is its
cover: the document's title, issuer and date — the document's particulars, not a section.
Handouts number their slides 「5/24」 (this slide of how many): a number the reader cites, like a
page number, never a heading.

Each question here is asked of the lines alone (their text and, from a PDF, their layout), so the
structure step can ask it without state.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace

from ..model.document import Heading, Layout, Line, SourceSpan
from ..text.numbering import (
    CLOSING,
    LIST_MARKER,
    NEVER_STARTS_A_TITLE,
    SLIDE_TITLE_RANK,
    Scheme,
    display_width,
    heading_of,
    join_text,
    number_value,
    title_like,
)
from ..text.page_furniture import OF_A_TOTAL
from ..text.wareki import DATE_LINE

# A slide's title stands in the top band of its page (a share of the deck's text height): a
# diagram's labels lower down are in large type too.
TITLE_BAND = 0.15
# A divider slide: its title alone on the page, in one face, over at most this many lines.
DIVIDER_LINES = 3
# Sizes (points) closer than this are one face.
SAME_SIZE = 0.5
# A title wrapped over lines: each next line within this many of its size below the last.
TITLE_LEADING = 1.8
# A title wrapped in its box filled the box's width: at least this many half-width columns.
WRAPPED_TITLE_WIDTH = 40
# A cover holds a title, an issuer, a date: a few short lines, no sentence.
COVER_LINES = 8


@dataclass(frozen=True)
class DeckGeometry:
    """Where a deck's text stands on its pages: its extent, the frame titles are placed in."""

    left: float
    right: float
    top: float
    bottom: float

    @property
    def width(self) -> float:
        return max(self.right - self.left, 1.0)

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)

    @classmethod
    def of(cls, lines: list[Line]) -> DeckGeometry | None:
        placed = [line.layout for line in lines if line.layout is not None and line.kind != "blank"]
        if not placed:
            return None
        return cls(
            left=min(layout.x0 for layout in placed),
            right=max(layout.x1 for layout in placed),
            top=min(layout.top for layout in placed),
            bottom=max(layout.top + layout.size for layout in placed),
        )

    def in_title_band(self, layout: Layout) -> bool:
        return layout.top <= self.top + TITLE_BAND * self.height



def body_size(lines: list[Line]) -> float:
    """The size most of a slide's characters are set in: its body text."""
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.layout is not None:
            sizes[line.layout.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _can_title(line: Line) -> bool:
    text = line.text.strip()
    heading = heading_of(text)
    return (
        title_like(text)
        and not LIST_MARKER.fullmatch(text)
        and not OF_A_TOTAL.fullmatch(text)
        and (heading is None or heading[0].name == "named")  # numbered lines are items (or the outline's)
    )


def _same_face(a: Layout, b: Layout) -> bool:
    return abs(a.size - b.size) <= SAME_SIZE and a.bold == b.bold


def slide_title_lines(slide: list[Line], deck: DeckGeometry) -> list[int]:
    """Positions (in ``slide``, its lines in reading order) of the slide's title lines, or [].

    The title is the slide's top-most line: in the title band (a diagram's large labels stand
    lower), larger than the slide's body — or, on a divider slide, the only face on the page.  Lines set directly
    below it in its face continue it (a title wrapped in its box).
    """
    body = [position for position, line in enumerate(slide) if line.kind == "body" and line.layout is not None]
    if not body:
        return []
    top = min(body, key=lambda position: (slide[position].layout.top, slide[position].layout.x0))
    first = slide[top]
    layout = first.layout
    if not _can_title(first):
        return []
    lines = [slide[position] for position in body]
    divider = len(body) <= DIVIDER_LINES and all(_same_face(layout, line.layout) for line in lines)
    if not divider:
        others = [line for line in lines if line is not first]
        if not (deck.in_title_band(layout) and layout.size > body_size(others) + SAME_SIZE):
            return []
    return _with_continuation(slide, top)


def _with_continuation(slide: list[Line], first: int) -> list[int]:
    """The title's line and the lines that continue it: next in reading order, in its face, close below."""
    positions = [first]
    title = slide[first].text.strip()
    while first + len(positions) < len(slide):
        last, nxt = slide[positions[-1]], slide[first + len(positions)]
        if (
            nxt.kind != "body"
            or nxt.layout is None
            or not _same_face(last.layout, nxt.layout)
            or not 0 < nxt.layout.top - last.layout.top <= TITLE_LEADING * last.layout.size
            or not _can_title(nxt)
            or not title_like(join_text(title, nxt.text.strip()))
        ):
            break
        title = join_text(title, nxt.text.strip())
        positions.append(first + len(positions))
    return positions


def _numbered(text: str) -> tuple[Scheme, int | None] | None:
    """A line's numbering scheme and its number's value (「3-1.」 inner to 「3.」 by its scheme's rank),
    or None: no number."""
    heading = heading_of(text.strip())
    if heading is None or not heading[1] or heading[0].name == "named":
        return None
    return heading[0], number_value(heading[1])


def _same_number(a: Line, b: Line) -> bool:
    """Whether two lines carry one number of one scheme (「2.」 and 「2．」 alike)."""
    first, second = _numbered(a.text), _numbered(b.text)
    return (first is not None and second is not None and first[1] is not None
            and (first[0].name, first[1]) == (second[0].name, second[1]))


def _numbered_title(slide: list[Line], deck: DeckGeometry) -> Line | bool | None:
    """A slide's title when it is numbered (the line set largest in the title band, numbered);
    False when the slide has a title that is not numbered (slide_title_lines); None when it has no
    title (a slide that goes on with the one before: its steps and screenshots)."""
    band = [line for line in slide if line.kind == "body" and line.layout is not None
            and deck.in_title_band(line.layout) and title_like(line.text.strip())]
    if band:
        top = max(band, key=lambda line: (line.layout.size, -line.layout.top))
        if _numbered(top.text) is not None:
            return top
    return False if slide_title_lines(slide, deck) else None


@dataclass(frozen=True)
class DeckNumbering:
    """What a deck numbering its slides' titles says of its numbered lines (deck_numbering)."""

    steps: frozenset[int] = frozenset()  # numbered lines that are steps of their slide, no headings
    repeats: frozenset[int] = frozenset()  # slide titles that repeat the number of the divider over them


def deck_numbering(lines: list[Line], deck: DeckGeometry | None) -> DeckNumbering:
    """Indexes of a deck's numbered steps and of its slide titles that repeat their divider's number.

    A deck whose slides' titles are numbered (「3-1.」 under the divider 「3.」) makes those titles its
    outline; a slide numbers its steps under its title (「1. …」 「2. …」, set large between arrows or
    over their screenshots, and on through the slides that go on without a title of their own).  A
    line inside a slide under its title is no part outer to the title, nor its sibling: a numbered
    line below the open numbered title whose numbering is not inner to the title's (「1.」 under
    「3-1.」, 「1.」 under 「2.」 — the deck's chapter numbering, started again on each slide) is a step.
    A line set larger than the titles stands as a title (a chapter's divider slide): no step, and
    the numbered title over the slides after it.  A chapter of one slide may title that slide with
    the divider's own number (「2.」 set large alone, then a slide titled 「2. …」 in the title bar):
    the slide is the chapter's, inside it — no number out of sequence.
    """
    if deck is None:
        return DeckNumbering()
    steps: set[int] = set()
    repeats: set[int] = set()
    title: Line | None = None
    title_rank = 0  # the rank of the open title's numbering
    last_step: Line | None = None  # the last step under the open title
    pages: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if line.layout is not None and line.kind == "body":
            pages.setdefault(line.page, []).append(index)
    for indexes in pages.values():
        own = _numbered_title([lines[index] for index in indexes], deck)
        if isinstance(own, Line) and last_step is not None and _counts_on(last_step, own):
            own = None  # 「3.」 at the top of a slide after the steps 「1.」「2.」: their next, no title
        if isinstance(own, Line):
            if title is not None and own.layout.size + SAME_SIZE < title.layout.size and _same_number(own, title):
                repeats.update(index for index in indexes if lines[index] is own)
            title, title_rank, last_step = own, _numbered(own.text)[0].rank, None
        elif own is False:
            title, last_step = None, None
        for index in indexes:
            line = lines[index]
            numbered = _numbered(line.text)
            if title is None or line is title or numbered is None:
                continue
            if line.layout.size > title.layout.size + SAME_SIZE:
                # a divider: set as a title, over the slides after it
                title, title_rank, last_step = line, numbered[0].rank, None
                continue
            if line.page == title.page and line.layout.top <= title.layout.top:
                continue
            if numbered[0].rank <= title_rank:
                steps.add(index)
                last_step = line
    return DeckNumbering(frozenset(steps), frozenset(repeats))


def _counts_on(step: Line, line: Line) -> bool:
    """Whether a line takes the next number after a step's, in the step's scheme."""
    before, after = _numbered(step.text), _numbered(line.text)
    return (before is not None and after is not None and before[1] is not None
            and (after[0].name, after[1]) == (before[0].name, before[1] + 1))


def titles_repeated(lines: list[Line]) -> list[Line]:
    """A deck's lines with the slides' titles a running head was taken for given back to the text.

    PowerPoint sets a slide's title in its title placeholder at the top, larger than the body; a
    topic that runs over several slides repeats its title on each (「計画」 over three slides, or
    「計画（続き）」): printed so on three pages at one place, it passes for a running head.  A running
    head is set at the body's size or smaller, never larger; a line in the deck's title band set
    larger than the deck's body is each slide's title, as on the slide that first carried it.
    """
    deck = DeckGeometry.of(lines)
    if deck is None:
        return lines
    body = body_size([line for line in lines if line.kind == "body"])
    return [replace(line, kind="body")
            if line.kind == "running-header" and line.layout is not None and deck.in_title_band(line.layout)
            and line.layout.size > body + SAME_SIZE and _can_title(line) else line
            for line in lines]


def cover_lines(lines: list[Line], deck: DeckGeometry | None) -> frozenset[int]:
    """Numbers of the lines of a PDF's cover page: its first page, when it holds a few short
    lines and no sentence, with the title set larger than the document's body.

    (A deck's first page with its text all below the title band is a cover too, whatever its size.)
    """
    first_page = [line for line in lines if line.page == 1 and line.kind == "body" and line.layout is not None]
    later = [line for line in lines if line.page and line.page > 1 and line.kind == "body" and line.layout]
    if not first_page or not later or len(first_page) > COVER_LINES:
        return frozenset()
    if any("。" in line.text for line in first_page):  # a sentence: a cover has none
        return frozenset()
    # A numbered line (「第１ 日 時 …」) is content: minutes open with their particulars on a page of
    # their own, set like a cover; a cover names the document, its issuer and date, unnumbered — or
    # numbered as one part of a compilation (a handbook's 「8. …要綱」 alone in the cover's largest type).
    largest = max(line.layout.size for line in first_page if line.layout is not None)
    numbered = [line for line in first_page if heading_of(line.text.strip()) is not None]
    if numbered and (len(numbered) > 1 or numbered[0].layout is None
                     or numbered[0].layout.size < largest - SAME_SIZE):
        return frozenset()
    larger = largest > body_size(later) + SAME_SIZE
    below_band = deck is not None and not any(deck.in_title_band(line.layout) for line in first_page)
    if not (larger or below_band):
        return frozenset()
    return frozenset(line.number for line in first_page)


# A title printed again may wrap over this many lines.
TITLE_AGAIN_LINES = 3


def title_again(lines: list[Line], cover: frozenset[int]) -> frozenset[int]:
    """Indices of the lines after the cover (``cover``: its lines' numbers, cover_lines) that print
    its title again: the cover's lines in its largest type, read together.  A report repeats its
    name over the contents page and over the first page of its text, set large and centred like a
    heading; it names the whole document (the page's title), no part of it, and read as a heading
    it opens a section that swallows the text (its chapters nested one level down) or the contents."""
    on_cover = [line for line in lines if line.number in cover and line.layout is not None]
    if not on_cover:
        return frozenset()
    largest = max(line.layout.size for line in on_cover if line.layout is not None)
    title = "".join(line.text for line in on_cover
                    if line.layout is not None and line.layout.size > largest - SAME_SIZE)
    numbered = heading_of(title.strip())
    # A compilation's part title (「8. …要綱」): the part prints its title again without the part's number.
    titles = {_folded(title), *([_folded(numbered[2])] if numbered is not None and numbered[1] else [])}
    found: set[int] = set()
    for index, line in enumerate(lines):
        if line.number in cover or line.kind != "body":
            continue
        # the title on one line, or wrapped over a few
        run = [probe for probe in range(index, min(index + TITLE_AGAIN_LINES, len(lines)))
               if lines[probe].kind == "body" and lines[probe].page == line.page]
        for end in range(1, len(run) + 1):
            if _folded("".join(lines[probe].text for probe in run[:end])) in titles:
                found.update(run[:end])
                break
    return frozenset(found)


def _folded(text: str) -> str:
    """A line's text for comparing it with the cover's title: width folded, no spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def text_title_rest(lines: list[Line], index: int) -> int | None:
    """In a deck's text (no layout), the line that finishes the title at ``index``: directly
    below it, short, no sentence and no item of its own, and the title block ends after it (a
    blank line).  Position in ``lines``, or None."""
    probe = index + 1
    if probe + 1 >= len(lines):
        return None
    rest, after = lines[probe], lines[probe + 1]
    text, title = rest.text.strip(), lines[index].text.strip()
    if (
        display_width(title) < WRAPPED_TITLE_WIDTH  # a short title was not wrapped: the next line is the body's
        or display_width(text) > display_width(title)  # the rest of a wrapped line is shorter than it
        or rest.kind != "body"
        or rest.page_start or rest.raw.startswith(" ")  # pdftotext starts a new block with a space
        or after.kind == "body"
        or not title_like(text)
        or LIST_MARKER.fullmatch(text)
        or heading_of(text) is not None
        or text.endswith(tuple(CLOSING))
        or not title_like(join_text(title, text))
    ):
        return None
    return probe



def text_title_block(lines: list[Line], index: int, most: int = DIVIDER_LINES) -> list[int]:
    """A title the catalog names, with the lines pdftotext set in its block: directly below, no
    new block (a leading space) and no blank between, each a title's words (at most ``most`` lines)."""
    positions = [index]
    title = lines[index].text.strip()
    while len(positions) < most and positions[-1] + 1 < len(lines):
        rest = lines[positions[-1] + 1]
        text = rest.text.strip()
        if (
            rest.kind != "body"
            or rest.layout is not None
            or rest.page_start or rest.raw.startswith(" ")
            or LIST_MARKER.fullmatch(text)
            or (heading_of(text) is not None and heading_of(text)[0].name != "named")
            or not title_like(join_text(title, text))
        ):
            break
        title = join_text(title, text)
        positions.append(positions[-1] + 1)
    return positions


def wraps_on(above: Line, below: Line) -> bool:
    """Whether a cover's line goes on in the line below: set in its face on the same centre (a
    centred title over two lines), not a block of lines ranged right or left (an issuer's name over
    its department)."""
    a, b = above.layout, below.layout
    if a is None or b is None or not _same_face(a, b):
        return False
    return abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2) <= a.size and abs(a.x0 - b.x0) > a.size


# -- where a slide starts, and its title -------------------------------------------------------


@dataclass(frozen=True)
class SlideCues:
    """What finding a deck's slides and titles needs besides its lines, measured once for the text."""

    form_feeds: bool  # pdftotext began every page with a form feed (after_form_feed)
    named: frozenset[int]  # numbers of the lines the catalog names as slide titles (hints.slide_titles)
    deck: DeckGeometry | None  # where a PDF deck's text stands (None: a text source, or no deck)
    width: int  # the text's wrap width (numbering.wrap_width)


def after_form_feed(line: Line) -> bool:
    """Whether pdftotext began a page with this line (a form feed: the PDF's own page break)."""
    return line.raw.lstrip(" ").startswith("\f")


def starts_slide(lines: list[Line], index: int, form_feeds: bool) -> bool:
    """A slide starts at a page: in a PDF, with its page's first body line; in pdftotext's
    text, after a form feed where the text has them (``form_feeds``), else after three or more
    blank lines."""
    line = lines[index]
    if line.layout is not None:  # the first body line of its page
        probe = index - 1
        while probe >= 0 and lines[probe].layout and lines[probe].page == line.page:
            if lines[probe].kind == "body":
                return False
            probe -= 1
        return True
    blanks = 0
    probe = index - 1
    if after_form_feed(lines[index]):
        return True
    while probe >= 0 and lines[probe].kind != "body":
        if after_form_feed(lines[probe]):
            return True
        blanks += 1
        probe -= 1
    return probe < 0 or (blanks >= 3 and not form_feeds)


def slide_end(lines: list[Line], index: int, form_feeds: bool) -> int:
    """The index where the next slide starts after the one starting at ``index`` (or the end)."""
    probe = index + 1
    while probe < len(lines) and not starts_slide(lines, probe, form_feeds):
        probe += 1
    return probe


def named_slide_title(line: Line, named: frozenset[int]) -> bool:
    """A line the catalog names as a slide title (a line with a tab is a table's row, whatever
    the hint says: a title is one run of words)."""
    return line.number in named and line.kind == "body" and "\t" not in line.text


def _not_numbered(text: str) -> bool:
    """No numbered heading: a slide title may still be a standalone one (はじめに)."""
    heading = heading_of(text)
    return heading is None or heading[0].name == "named"


def slide_title(lines: list[Line], index: int, cues: SlideCues) -> list[int]:
    """The title lines (indexes in ``lines``) of the slide starting at ``index``: a catalog hint
    within the slide, else, from a PDF, the line set as its title (slide_title_lines), else a
    title-like first line."""
    end = slide_end(lines, index, cues.form_feeds)
    first = lines[index]
    if first.layout is None and not _not_numbered(first.text):
        return []  # a numbered first line is the slide's heading by its number (a hint lower down is in place)
    for probe in range(index, end):
        line = lines[probe]
        if named_slide_title(line, cues.named):
            return [probe] if line.layout is not None else text_title_block(lines, probe)
    if first.layout is not None and cues.deck is not None:
        return [index + position for position in slide_title_lines(lines[index:end], cues.deck)]
    if DATE_LINE.fullmatch(first.text):
        return []  # a cover's date is no slide title
    if first.text.startswith(NEVER_STARTS_A_TITLE):
        # The rest of a sentence the page before cut off (「のa～cについて説明し、…」): a report's pages
        # sparse enough to pass for slides.  (A full-width line before it that ends no sentence says
        # less: a slide's last row of a table does so too.)
        return []
    if (
        title_like(first.text)
        and not LIST_MARKER.fullmatch(first.text)
        and _not_numbered(first.text)
        and display_width(first.text) <= cues.width
    ):
        rest = text_title_rest(lines, index)
        return [index] if rest is None else [index, rest]
    return []


def slide_title_heading(lines: list[Line], titles: list[int], rank: int) -> Heading:
    """A slide's title (its lines ``titles``, wrapped in its box, joined) as a heading of ``rank``."""
    first, last = lines[titles[0]], lines[titles[-1]]
    text = first.text
    for position in titles[1:]:
        text = join_text(text, lines[position].text)
    return Heading(text, rank, "", SourceSpan(first.number, last.number))


def deck_title_rank(lines: list[Line], cues: SlideCues) -> int:
    """The rank of a PDF deck's slide titles: outer to every numbering set on a slide under its title.

    A slide's title is the outermost heading of its slide: a slide that numbers its parts (「1．」
    「（1）」) sets them under its title, smaller, inside the slide — so those numberings nest under
    the titles of the whole deck, while a numbered divider slide (no title of the kind found here:
    its numbered line is its heading) stays outer to the slides after it; a title set off by a mark
    on a slide (「● 概要」 in large type) stands between the slide's title and the numbered parts set
    under it.  SLIDE_TITLE_RANK unless a slide of the deck numbers a part at that rank or above.
    """
    rank = SLIDE_TITLE_RANK
    if cues.deck is None:
        return rank
    for index, line in enumerate(lines):
        if line.layout is None or line.kind != "body" or not starts_slide(lines, index, cues.form_feeds):
            continue
        titles = slide_title(lines, index, cues)
        if not titles:
            continue
        for probe in range(titles[-1] + 1, slide_end(lines, index, cues.form_feeds)):
            heading = heading_of(lines[probe].text.strip()) if lines[probe].kind == "body" else None
            if heading is not None and heading[0].name != "named" and title_like(lines[probe].text.strip()):
                # Two above it: a title set off by a mark on the slide (title_ranks: the next rank
                # under the slide's title) stands between, the numbered parts under it.
                rank = min(rank, heading[0].rank - 2)
    return rank
