"""What the typesetting says: layout evidence for the structure step (PDF sources only).

A PDF reader hands on lines with a ``Layout``.  This module answers the structure step's
questions from it — is this line set as a heading, how high a heading, did the line stop short
of its column, does a paragraph start here — and answers "no evidence" (None) for text sources,
so that the structure step falls back to its text cues.

Body text is the style (size and face) that covers most of the document; a heading is set
larger, bolder or in another face than the body (Japanese documents often set headings in a
Gothic face at the body size), on a short line that does not read as a sentence.  A page whose
own text is set larger than the document's body has a body of its own: a handout prints each
slide scaled to fit (two slides to an A4 page, each at its own scale), and a deck sets a
sparse slide's text larger than a dense one's, so "larger than the body" is asked of the page.  A
newsletter sets each article at a size of its own: a style whose lines wrap at one edge, three times
on a page, is running text there, however large (TEXT_WRAPS).

A page-designed document (a pamphlet, a leaflet, a handout made in PowerPoint and printed portrait)
opens its pages with a title set in one place and one style: the page titles.  They are the
document's outer rank whatever else is set larger on one page (a flyer's headline, a cover), and
whatever is numbered lower on a page ranks under them (page_title_style).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model.document import Layout, Line
from ..text.numbering import LIST_MARKER

# Set this much larger than the body, a line is display type whatever its face.
LARGER = 1.12
# Type this much larger than the body is set above it (a Word title's 11 pt over 10.5 pt), if not
# large enough to be display type by its size alone.
ABOVE_BODY = 1.03
# Set this much smaller than the body, a line is small print (notes, sources).
SMALLER = 0.9
# A line stopped short of its column by more than this many characters ended its paragraph.
SHORT_BY = 1.5
# A centred line leaves at least this many characters free on each side.
CENTRED_MARGIN = 4
# A line that starts this many characters left of the line above starts something else (a first
# line's indent is one character, a hanging item's marker two).
OUTDENT = 3
# A block set this many characters in from its column's left edge stands apart from the text, whose
# lines start at the edge or one character in (a paragraph's first line): a title under its label.
SET_IN = 1.5
# A line set this many characters or more right of the line above stands a list's level deeper.
DEEPER = 1.0
# Lines of one block start within this share of a character of each other.
SAME_START = 0.5
# A vertical gap above a line of more than this share of a line height starts a new block.
BLOCK_GAP = 0.8
# A caption's title wrapped onto a second line stands under it within this many line heights (its
# own leading; a body line after a caption set over a picture stands a picture's height away) and
# is centred under it within this many characters (captions centred in a figure's frame).
CAPTION_LEADING = 1.8
CAPTION_CENTRE = 1.5
# What ends a sentence: an underlined line ending so is emphasis in running text, no title.
_SENTENCE_END = ("。", "．")
# A page's own body style needs this many characters of it: less is a title slide or a cover,
# whose large type is display, not body.
PAGE_BODY_CHARS = 150
# Lines of one style that end at one right edge (its text frame's, where the text wraps) this many
# times on a page are text set in it, however large: a newsletter sets each article at a size of its
# own (one at 9 points, the next at 10.5), and a lead paragraph larger than the text under it.  A
# title is short and stops short of its frame; a long one wraps once.  (Bold lines are left to their
# weight: titles set bold in a grid of boxes of one width end at one edge too.)
TEXT_WRAPS = 3
# A line wrapped at a frame's edge holds this many characters at least (a narrow column's width).
WRAPPED_CHARS = 10
# A style is the page titles' when the first line of at least this many pages, and of this share of
# the pages with text, is set in it (a report's chapters open a few of its pages, a pamphlet's titles
# open most), and it opens pages at least as often as it stands lower on one.
PAGE_TITLE_PAGES = 3
PAGE_TITLE_SHARE = 1 / 3


@dataclass(frozen=True)
class Style:
    size: float
    font: str
    bold: bool


def style_of(line: Line) -> Style | None:
    layout = line.layout
    if layout is None:
        return None
    return Style(layout.size, layout.font, layout.bold)


def stops_short_of_column(line: Line) -> bool | None:
    """Whether a PDF line ends well before its column's right edge: False where it ran to the edge
    (a sentence cut by the wrap), None where the line carries no column (a text source)."""
    layout = line.layout
    if layout is None or not layout.column_x1:
        return None
    return layout.x1 < layout.column_x1 - SHORT_BY * layout.size


class Typesetting:
    """The document's body style and the heading styles seen in it."""

    def __init__(self, lines: list[Line]) -> None:
        area: Counter[Style] = Counter()
        pages: dict[int, Counter[Style]] = {}
        ends: dict[tuple[int, Style], list[float]] = {}
        frames: Counter[tuple[float, float]] = Counter()
        for line in lines:
            style = style_of(line)
            if line.kind == "body" and line.layout is not None and line.layout.column_x1 and not line.layout.role:
                frames[round(line.layout.column_x0), round(line.layout.column_x1)] += len(line.text)
            if style is not None and line.kind == "body" and not (line.layout and line.layout.role):
                area[style] += len(line.text) * style.size**2
                pages.setdefault(line.page, Counter())[style] += len(line.text) * style.size**2
                if line.layout is not None and len(line.text) >= WRAPPED_CHARS:
                    ends.setdefault((line.page, style), []).append(line.layout.x1)
        self.body = area.most_common(1)[0][0] if area else None
        # The text frame most of the document's text is set in (left and right edges; None: no layout).
        self.frame = frames.most_common(1)[0][0] if frames else None
        # The styles each page sets running text in (TEXT_WRAPS): never display by their size there.
        self.page_text = {key for key, right_ends in ends.items()
                          if not key[1].bold and _wrapped(right_ends, key[1].size)}
        # Pages whose text is set larger than the document's body: their own body style.
        self.page_body = {page: body for page, styles in pages.items()
                          if (body := self._larger_page_body(styles)) is not None}
        # Sizes of display styles, largest first: an unnumbered heading's rank comes from its size.
        self.display_sizes = sorted({style.size for page, styles in pages.items() for style in styles
                                     if self._display(style, self.page_body.get(page, self.body), page)},
                                    reverse=True)
        self.page_title = self._page_title_style(lines)
        # The indents the document's list items start at, each a run of nearby starts (list_indents).
        self.list_indents = list_indents(lines, self.body.size if self.body else None)

    def _page_title_style(self, lines: list[Line]) -> Style | None:
        """The style a page-designed document sets its page titles in (None: none such): display type
        larger than the body that opens enough of its pages (PAGE_TITLE_PAGES, PAGE_TITLE_SHARE) and
        opens pages more often than it is set lower on one."""
        openers: Counter[Style] = Counter()
        elsewhere: Counter[Style] = Counter()
        texts: dict[Style, set[str]] = {}
        pages: set[int] = set()
        for line in lines:
            style = style_of(line)
            if style is None or line.kind != "body" or (line.layout and line.layout.role):
                continue
            if line.page in pages:
                elsewhere[style] += 1
            else:
                pages.add(line.page)
                openers[style] += 1
                texts.setdefault(style, set()).add(line.text)
        for style, count in openers.most_common():
            if count < max(PAGE_TITLE_PAGES, PAGE_TITLE_SHARE * len(pages)):
                break
            # Each page's title is its own: one text opening page after page is a running head (a
            # newsletter's 「…の掲示板」 tab over its notices), the part's name, not a page's title.
            own = len(texts[style]) > count / 2
            if self.body is not None and style.size >= self.body.size * LARGER and count >= elsewhere[style] and own:
                return style
        return None

    def is_page_title(self, line: Line) -> bool:
        """Set in the page titles' style (page_title_style): the document's outer rank."""
        style = style_of(line)
        return style is not None and style == self.page_title

    def _larger_page_body(self, styles: Counter[Style]) -> Style | None:
        """The page's most used style when it is set larger than the document's body and covers
        enough text to be the page's reading text (PAGE_BODY_CHARS), else None."""
        if self.body is None or not styles:
            return None
        style, weight = styles.most_common(1)[0]
        chars = weight / style.size**2
        if style.size >= self.body.size * LARGER and chars >= PAGE_BODY_CHARS:
            return style
        return None

    def body_of(self, line: Line) -> Style | None:
        """The body style the line is read against: its page's own, or the document's."""
        return self.page_body.get(line.page, self.body)

    def _display(self, style: Style, body: Style | None, page: int) -> bool:
        if body is None:
            return False
        if self._larger(style, body, page):
            return True
        if style.size < body.size * 0.95:
            return False
        return (style.bold and not body.bold) or (style.font != body.font and _face(style.font) != _face(body.font))

    def _larger(self, style: Style, body: Style, page: int) -> bool:
        """Set clearly larger than the body, and no running text on this page (TEXT_WRAPS)."""
        return style.size >= body.size * LARGER and (page, style) not in self.page_text

    def is_display(self, line: Line) -> bool | None:
        """Whether the line is set as a heading is (None: no layout to tell)."""
        style = style_of(line)
        if style is None or self.body is None:
            return None
        if line.layout is not None and line.layout.bar:
            return True  # set alone in a drawn bar: a label box, whatever its type
        if self.underlined_title(line):
            return True
        return self._display(style, self.body_of(line), line.page)

    def underlined_title(self, line: Line) -> bool:
        """Whether the line is set apart by an underline as others are by bold: a word processor's
        title at the body's face and size, underlined from its first words to its last, stopping
        short of its column with no sentence's end.  An underlined sentence (emphasis in running
        text) ends in 。 or runs on to the column's edge."""
        layout = line.layout
        return bool(layout and layout.underlined and not line.text.endswith(_SENTENCE_END)
                    and stops_short_of_column(line) is not False)

    def is_large(self, line: Line) -> bool:
        """Set clearly larger than the body: a title or heading even without a number."""
        style, body = style_of(line), self.body_of(line)
        return bool(style and body and self._larger(style, body, line.page))

    def above_the_body(self, line: Line) -> bool:
        """Set above the body's size, if not clearly larger (ABOVE_BODY): a bold title a point up."""
        style, body = style_of(line), self.body_of(line)
        return bool(style and body and style.size >= body.size * ABOVE_BODY)

    def is_small(self, line: Line) -> bool:
        """Set smaller than the body: notes, sources, a figure's small print."""
        style, body = style_of(line), self.body_of(line)
        return bool(style and body and style.size < body.size * SMALLER)

    def size_rank(self, line: Line) -> int:
        """1 for the largest display size in the document, 2 for the next…"""
        style = style_of(line)
        if style is None or style.size not in self.display_sizes:
            return len(self.display_sizes) + 1
        return self.display_sizes.index(style.size) + 1

    def stopped_short(self, line: Line) -> bool | None:
        """Whether the line ends well before its column's right edge (None: no layout)."""
        return stops_short_of_column(line)

    def flush_right(self, line: Line) -> bool:
        """Set against its column's right edge from beyond the column's middle: a label placed right
        (「（別添４）」 over an attachment, a date), not a line of text run to the edge."""
        layout = line.layout
        if layout is None or not layout.column_x1:
            return False
        return layout.x0 > (layout.column_x0 + layout.column_x1) / 2 and self.stopped_short(line) is False

    def centred(self, line: Line) -> bool:
        """Set in the middle of its column: equal space left and right, and plenty of it."""
        layout = line.layout
        if layout is None or not layout.column_x1:
            return False
        return _centred_between(layout, layout.column_x0, layout.column_x1)

    def centred_in_frame(self, line: Line) -> bool:
        """Set in the middle of the document's text frame, as centred() is in its column.  A page of
        little text (a form's) measures a column no wider than its widest line, which may be the
        centred line itself; the frame the rest of the document is set in still shows its middle."""
        layout = line.layout
        if layout is None or self.frame is None:
            return False
        return _centred_between(layout, *self.frame)

    def starts_left_of(self, above: Line, line: Line) -> bool:
        """Whether a line starts well left of the line above it on the same page and column: the
        start of another cell (a table read as lines), never the rest of the line above's sentence,
        which goes on under it (at its column's edge, or under a hanging item's text)."""
        a, b = above.layout, line.layout
        if a is None or b is None or above.page != line.page or a.column_x0 != b.column_x0:
            return False
        return b.x0 < a.x0 - OUTDENT * a.size

    def starts_under(self, line: Line, below: Line) -> bool:
        """Whether ``below`` starts where ``line`` starts, within two characters (a mark or an opening
        bracket hung in the margin): the next line of its block."""
        a, b = line.layout, below.layout
        return a is not None and b is not None and abs(b.x0 - a.x0) <= 2 * a.size

    def set_deeper(self, line: Line, below: Line) -> bool:
        """Whether ``below`` starts further in than ``line`` in their column, by a character or more: a
        word processor's list one level deeper, the points under a title set on a list's level above
        them (on the next page too, whose column starts where this one's does).  A list's next item
        starts where the item does."""
        a, b = line.layout, below.layout
        if a is None or b is None or (line.page != below.page and abs(a.column_x0 - b.column_x0) > SAME_START * a.size):
            return False
        if b.x0 > a.x0 + DEEPER * a.size:
            return True
        # Word sets a list's levels by indents that may differ by less than a character (a bold 「➢」
        # title's points bulleted 「・」 two thirds of a character further in): two of the indents the
        # document's lists start at, the deeper one further in, are two levels whatever the step.
        level, deeper = _indent_of(self.list_indents, a.x0), _indent_of(self.list_indents, b.x0)
        return level is not None and deeper is not None and deeper > level

    def goes_on_set_in(self, line: Line, rest: Line) -> bool:
        """Whether ``rest`` is the next line of a block set in from the column as ``line`` is: a title
        printed under its label over two lines (「（別添）」 / 「…原薬等登録原簿」 / 「登録申請書…要領」), each
        line broken by hand.  Both start at the same place, well right of where the column's
        paragraphs start, at the same size, with no space between, on one page."""
        a, b = line.layout, rest.layout
        if a is None or b is None or line.page != rest.page or not a.column_x1:
            return False
        return (a.x0 - a.column_x0 > SET_IN * a.size
                and abs(b.x0 - a.x0) < SAME_START * a.size
                and self.same_size(line, rest)
                and not self.gap_before(rest))

    def wraps_caption(self, caption: Line, rest: Line) -> bool:
        """Whether ``rest`` is the second line of the caption's title (「■第2-1-2図／自律的な試料作製シス」
        / 「テム」): right under it on its page, in its size, with no space between, shorter, and
        set as the caption is — centred under it (a caption centred in a figure's frame), or starting
        where it starts when the caption ran to its column's edge.  A body line after the caption
        starts at the column's edge, left of a centred caption; a table's first row under a short
        caption set at the left does not follow a caption that filled its column."""
        a, b = caption.layout, rest.layout
        if a is None or b is None or caption.page != rest.page or b.role or not self.same_size(caption, rest):
            return False
        if self.gap_before(rest) or not 0 < b.top - a.top <= CAPTION_LEADING * a.size:
            return False
        if b.x0 < a.x0 - 1 or b.x1 > a.x1 + 1 or b.x1 - b.x0 >= a.x1 - a.x0:
            return False
        centred = abs((b.x0 + b.x1) - (a.x0 + a.x1)) / 2 <= CAPTION_CENTRE * a.size
        flush = abs(b.x0 - a.x0) < SAME_START * a.size and bool(a.column_x1) and a.x1 >= a.column_x1 - 2 * a.size
        return centred or flush

    def ends_note(self, note: Line, line: Line) -> bool:
        """Whether the line is no more of the note set under a figure or table whose last line is
        ``note``: a note wraps onto lines of its own size set right under it, in its own column; a
        line in another size, after a gap, on another page or in another column is other text.
        Without the page's layout (a text source) nothing tells, and nothing is decided here."""
        if note.layout is None or line.layout is None:
            return False
        return (not self.same_size(note, line) or self.gap_before(line) or note.page != line.page
                or line.layout.top < note.layout.top
                or abs(line.layout.column_x0 - note.layout.column_x0) > note.layout.size)

    def gap_before(self, line: Line) -> bool:
        return bool(line.layout and line.layout.gap_before > BLOCK_GAP)

    def same_style(self, a: Line, b: Line) -> bool:
        return style_of(a) == style_of(b)

    def same_size(self, a: Line, b: Line) -> bool:
        style_a, style_b = style_of(a), style_of(b)
        return style_a is not None and style_b is not None and style_a.size == style_b.size


def _centred_between(layout: Layout, left_edge: float, right_edge: float) -> bool:
    """Whether a line stands in the middle between two edges: equal space left and right (within two
    characters), and plenty of it (CENTRED_MARGIN)."""
    left, right = layout.x0 - left_edge, right_edge - layout.x1
    return min(left, right) > CENTRED_MARGIN * layout.size and abs(left - right) < 2 * layout.size


def _wrapped(right_ends: list[float], size: float) -> bool:
    """Whether TEXT_WRAPS of the lines end at one right edge (within half a character): text wrapped
    at its frame's edge.  The frame is not always the column the reader measured (a picture set
    beside the text narrows it), so the lines' own ends are compared."""
    right_ends = sorted(right_ends)
    return any(right_ends[i + TEXT_WRAPS - 1] - right_ends[i] <= SAME_START * size
               for i in range(len(right_ends) - TEXT_WRAPS + 1))


def _face(font: str) -> str:
    """The family of a face without its weight or style suffix ("MS-Gothic,Bold" → "ms-gothic")."""
    return re.sub(r"[-,](?:bold|regular|light|medium|heavy|black|italic|oblique|w\d+)$", "", font.lower().split(",")[0])


def list_indents(lines: list[Line], body_size: float | None) -> list[tuple[float, float]]:
    """The indents a document's list items start at, left to right, each as the leftmost and
    rightmost start (in points) of a run of item lines starting within ``SAME_START`` of a body
    character of the next: a word processor's list levels, however small the step between them
    (the levels a list actually uses, not a fixed step).  Empty without layout."""
    starts = sorted(line.layout.x0 for line in lines
                    if line.kind == "body" and line.layout is not None and not line.layout.role
                    and LIST_MARKER.match(line.text))
    if not starts or body_size is None:
        return []
    indents = [(starts[0], starts[0])]
    for x in starts[1:]:
        if x - indents[-1][1] <= SAME_START * body_size:
            indents[-1] = (indents[-1][0], x)
        else:
            indents.append((x, x))
    return indents


def _indent_of(indents: list[tuple[float, float]], x: float) -> int | None:
    """Which of the list indents ``x`` is (its place left to right), None where it is none."""
    return next((place for place, (left, right) in enumerate(indents) if left <= x <= right), None)
