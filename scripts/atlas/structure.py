"""Lines → document structure: headings, paragraphs, lists, tables, footnotes.

PDF extraction leaves one physical line per printed line.  This module
recognises the numbering schemes Japanese policy documents use for headings,
rebuilds paragraphs that were cut at every line (and across blank lines and
page breaks), gathers list items, tab-separated tables and footnotes, and
nests sections by the rank of their numbering scheme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import (
    Block,
    Draft,
    Footnote,
    Heading,
    Line,
    ListBlock,
    ListItem,
    Paragraph,
    Section,
    SourceSpan,
    Table,
)
from .normalize import join_spaced_letters
from .numbering import (
    BULLETS,
    CAPTION,
    CLOSING,
    CONTINUATION_START,
    LIST_MARKER,
    SLIDE_TITLE_RANK,
    Scheme,
    display_width,
    heading_of,
    join_text,
    number_token,
    title_like,
    wrap_width,
)
from .typeset import Typesetting

# A date alone on a line (a cover's 「2023年6月」 「令和6年5月21日」).
DATE_ONLY = re.compile(r"(?:(?:令和|平成|昭和)(?:元|\d{1,2})|\d{4})年\d{1,2}月(?:\d{1,2}日)?")
# A heading found by its typesetting or a bookmark has no numbering pattern of its own.
LAYOUT_TITLE = re.compile(r"(?P<title>.+)")
FOOTNOTE_DEF = re.compile(r"(?P<label>\d{1,3}|＊\d{1,3}|\*\d{1,3})\s+(?P<text>\S.*)")


@dataclass
class Hints:
    """Per-document help from the catalog for what text alone cannot tell."""

    slides: bool = False
    slide_titles: frozenset[int] = frozenset()
    preformatted: tuple[tuple[int, int], ...] = ()
    not_headings: frozenset[int] = frozenset()


# ---------------------------------------------------------------------------
# Reading: lines → draft (headings and blocks in order)
# ---------------------------------------------------------------------------


class _Builder:
    def __init__(self, lines: list[Line], hints: Hints) -> None:
        self.lines = lines
        self.hints = hints
        self.width = wrap_width(lines)
        self.slide_titles_taken: set[int] = set()  # lines already emitted as their slide's title
        self.typeset = Typesetting(lines)  # layout evidence (PDF sources); answers None otherwise
        self.draft = Draft()
        self.open: Paragraph | ListItem | None = None
        self.open_list: ListBlock | None = None
        self.open_last_line: Line | None = None
        self.blank_since_open = 0
        # The last number seen at each heading rank under the current parent:
        # numbering only goes forward, so "1．" after "7．" is a list inside
        # the text (a summary quoting another document), not a new chapter.
        self.last_number: dict[int, int] = {}

    # -- helpers ----------------------------------------------------------
    def close(self) -> None:
        self.open = None
        self.open_last_line = None
        self.blank_since_open = 0

    def close_list(self) -> None:
        self.close()
        self.open_list = None

    def ends_paragraph(self, last: Line) -> bool:
        """Whether the text of ``last`` finishes its paragraph.

        A line that ends in closing punctuation ends its paragraph unless it
        runs the full page width (the sentence ended just at the wrap).  A
        line without such punctuation was cut by the page, even across blank
        lines — unless it is a short label left alone by two blank lines.
        """
        stopped_short = self.typeset.stopped_short(last)
        if stopped_short is not None:
            return stopped_short  # the page shows where the line ended: no need to guess
        text = last.text
        width = display_width(text)
        if text.endswith(tuple(CLOSING)):
            return bool(self.blank_since_open) or width < self.width * 0.85
        if self.hints.slides and self.blank_since_open:
            # On a slide a short line is a label in a box, not a wrapped sentence.
            return width < self.width * 0.7
        short = width < self.width * 0.5
        if not self.blank_since_open:
            # A line far shorter than the page ended for a reason (a title, a
            # label such as "① 発災直後：通信の維持"), not at the wrap.
            return short
        if short and isinstance(self.open, ListItem) and self.open.marker[:1] not in BULLETS:
            return True  # a numbered sub-title ("① …") standing alone before its text
        return self.blank_since_open >= 2 and short

    def add(self, block: Block | Heading) -> None:
        self.draft.items.append(block)

    def continue_open(self, line: Line) -> bool:
        if self.open is None or self.open_last_line is None:
            return False
        if line.text.startswith(CONTINUATION_START):
            pass  # a particle or closing bracket never starts a paragraph
        elif line.indent >= 2 or self.ends_paragraph(self.open_last_line):
            return False  # an indented line starts a paragraph (one space is a page start)
        elif self.typeset.gap_before(line) or not self.typeset.same_style(self.open_last_line, line):
            return False  # space above, or another size or face: another block
        self.open.text = join_text(self.open.text, line.text)
        self.open.span = self.open.span.merge(SourceSpan(line.number, line.number))
        if self.open_list is not None:
            self.open_list.span = self.open_list.span.merge(self.open.span)
        self.open_last_line = line
        self.blank_since_open = 0
        return True

    # -- the walk ---------------------------------------------------------
    def build(self) -> Draft:
        index = 0
        lines = self.lines
        while index < len(lines):
            line = lines[index]
            if line.kind == "footnote-rule":
                index = self.read_footnotes(index + 1)
                continue
            if line.kind == "body" and line.layout is not None and line.layout.role == "figure":
                index = self.read_figure(index)
                continue
            if line.kind == "body" and line.layout is not None and line.layout.role == "footnote":
                end = self.read_footnotes(index)  # small text at the page foot (PDF reader)
                if end > index:
                    self.close_list()
                    index = end
                    continue
            if line.kind != "body":
                if line.kind == "blank" and self.open is not None:
                    self.blank_since_open += 1
                index += 1
                continue
            pre = self.preformatted_range(line.number)
            if pre is not None:
                index = self.read_preformatted(index, pre)
                continue
            if self.hints.slides and self.starts_slide(index):
                title_index = self.slide_title(index)
                if title_index is not None:
                    self.close_list()
                    title = lines[title_index]
                    self.add(Heading(title.text, SLIDE_TITLE_RANK, "", SourceSpan(title.number, title.number)))
                    self.slide_titles_taken.add(title.number)
                    if title_index == index:
                        index += 1
                        continue
            if line.number in self.hints.slide_titles or line.number in self.slide_titles_taken:
                index += 1  # already emitted as its slide's heading
                continue
            if "\t" in line.text:
                index = self.read_table(index)
                continue
            index = self.read_line(index)
        return self.draft

    def read_line(self, index: int) -> int:
        line = self.lines[index]
        text = line.text
        span = SourceSpan(line.number, line.number)
        heading = None if line.number in self.hints.not_headings else heading_of(text)
        if heading is not None and self.hints.slides and heading[0].name in ("block", "dash", "circle"):
            heading = None  # on slides 【…】 and ― lines are callouts, not headings
        display = self.typeset.is_display(line)
        if display is not None:
            heading = self.layout_heading(index, heading, display)
        if heading is not None and not display and self.wraps_into_next_line(index):
            heading = None  # "4. パーソナルデータや…など" runs on: a numbered paragraph
        if heading is not None and not self.numbering_goes_forward(heading[0], heading[1]):
            heading = None
        if heading is not None:
            scheme, number, title = heading
            self.close_list()
            title, index = self.heading_continuation(title, index)
            first = line.number
            if scheme.name == "summary":
                title, first = self.summary_title(title, first)
            end = self.lines[index].number
            self.add(Heading(title, scheme.rank, number, SourceSpan(first, end)))
            return index + 1
        if CAPTION.fullmatch(text) and display_width(text) < self.width * 0.8:
            self.close_list()
            self.add(Paragraph(text, span, kind="caption"))
            return index + 1
        marker = LIST_MARKER.fullmatch(text)
        # 「1．で述べた…」 refers to section 1: a number followed by a particle is no list marker.
        if marker and marker["text"] and not marker["text"].startswith(CONTINUATION_START):
            item = ListItem(marker["marker"].strip(), marker["text"].strip(), span)
            ordered = marker["marker"].strip()[0] not in BULLETS
            if self.open_list is None or self.open_list.ordered != ordered or self.blank_since_open > 1:
                self.open_list = ListBlock([], span, ordered=ordered)
                self.add(self.open_list)
            self.open_list.items.append(item)
            self.open_list.span = self.open_list.span.merge(span)
            self.open = item
            self.open_last_line = line
            self.blank_since_open = 0
            return index + 1
        if self.continue_open(line):
            return index + 1
        self.close_list()
        paragraph = Paragraph(text, span)
        self.add(paragraph)
        self.open = paragraph
        self.open_last_line = line
        return index + 1

    def layout_heading(
        self, index: int, heading: tuple[Scheme, str, str] | None, display: bool
    ) -> tuple[Scheme, str, str] | None:
        """The heading a PDF line makes, weighing its typesetting with its numbering.

        A bookmark on the line makes it a heading; so does display type (larger, bolder or
        another face than the body) on an unnumbered title-like line — except the document's
        own title block, which comes before any heading on the first page.
        """
        line = self.lines[index]
        layout = line.layout
        assert layout is not None
        if heading is not None and not display and self.typeset.stopped_short(line) is False:
            return None  # body type running to the column edge: a sentence that starts with a number
        if heading is not None or not title_like(line.text):
            return heading
        if layout.role.startswith("outline-"):
            level = int(layout.role.split("-", 1)[1])
            return Scheme("outline", min(8, max(1, level)), LAYOUT_TITLE), "", line.text
        if not display or not self.typeset.is_large(line) or LIST_MARKER.fullmatch(line.text):
            return None
        if self.hints.slides:
            return None  # large type on a slide is a callout; the slide's title is found per slide
        if layout.page == 1 and not any(isinstance(item, Heading) for item in self.draft.items):
            return None  # the title block
        rank = min(self.typeset.size_rank(line), 6)
        return Scheme("display", rank, LAYOUT_TITLE), "", line.text

    def summary_title(self, title: str, first: int) -> tuple[str, int]:
        """A 【概要】 heading whose first line (the summarised document's title) is the line above.

        Returns the title and the number of the heading's first line.
        """
        items = self.draft.items
        just_above = SourceSpan(first - 1, first - 1)
        if items and isinstance(items[-1], Paragraph) and items[-1].span == just_above:
            above = items[-1]
            if title_like(above.text):
                items.pop()
                self.close()
                return join_text(above.text, title), first - 1
        return title, first

    def wraps_into_next_line(self, index: int) -> bool:
        """A full-width line followed at once by more text is a wrapped paragraph, not a title."""
        line = self.lines[index]
        if index + 1 >= len(self.lines) or display_width(line.text) < self.width * 0.85:
            return False
        nxt = self.lines[index + 1]
        return (
            nxt.kind == "body"
            and nxt.indent < 2
            and heading_of(nxt.text) is None
            and not LIST_MARKER.fullmatch(nxt.text)
        )

    def numbering_goes_forward(self, scheme: Scheme, number: str) -> bool:
        """Record a heading's number; False if it does not follow its predecessor."""
        token = number_token(number)
        value = int(token.split("-")[-1]) if re.fullmatch(r"\d+(?:-\d+)*", token) else None
        if value is None and token.startswith("k"):
            value = int(token[1:])
        last = self.last_number.get(scheme.rank)
        if value is not None and last is not None and value <= last:
            return False
        for rank in [r for r in self.last_number if r > scheme.rank]:
            del self.last_number[rank]
        if value is not None:
            self.last_number[scheme.rank] = value
        return True

    def heading_continuation(self, title: str, index: int) -> tuple[str, int]:
        """A heading printed over two lines: it runs to the page edge, the rest is short.

        The rest may stand after one blank line (double-spaced documents).
        Returns the joined title and the index of the heading's last line.
        """
        probe = index + 1
        if probe < len(self.lines) and self.lines[probe].kind == "blank":
            probe += 1
        if self.lines[index].layout is not None:
            return self.display_continuation(title, index)
        if probe >= len(self.lines) or display_width(title) < self.width * 0.75:
            return title, index
        rest = self.lines[probe]
        if (
            rest.kind == "body"
            and title_like(rest.text)
            and display_width(rest.text) < self.width * 0.5
            and heading_of(rest.text) is None
            and not LIST_MARKER.fullmatch(rest.text)
            and not rest.text.endswith(tuple(CLOSING))
        ):
            return join_text(title, rest.text), probe
        return title, index

    def display_continuation(self, title: str, index: int) -> tuple[str, int]:
        """A PDF heading continues on the next lines set in the same display style, with no gap."""
        line = self.lines[index]
        probe = index + 1
        while probe < len(self.lines):
            rest = self.lines[probe]
            if (
                rest.kind != "body"
                or self.typeset.gap_before(rest)
                or not self.typeset.same_style(line, rest)
                or not self.typeset.is_display(rest)
                or heading_of(rest.text) is not None
                or not title_like(join_text(title, rest.text))
            ):
                break
            title = join_text(title, rest.text)
            index = probe
            probe += 1
        return title, index

    def read_table(self, index: int) -> int:
        rows: list[list[str]] = []
        start = self.lines[index].number
        end = start
        while index < len(self.lines):
            line = self.lines[index]
            if line.kind == "blank" and index + 1 < len(self.lines) and "\t" in self.lines[index + 1].text:
                index += 1
                continue
            if line.kind != "body" or "\t" not in line.text:
                break
            rows.append([cell.strip() for cell in line.text.split("\t")])
            end = line.number
            index += 1
        self.close_list()
        self.add(Table(rows, SourceSpan(start, end)))
        return index

    def preformatted_range(self, number: int) -> tuple[int, int] | None:
        for start, end in self.hints.preformatted:
            if start <= number <= end:
                return start, end
        return None

    def read_preformatted(self, index: int, bounds: tuple[int, int]) -> int:
        texts: list[str] = []
        start = self.lines[index].number
        while index < len(self.lines) and self.lines[index].number <= bounds[1]:
            line = self.lines[index]
            if line.kind == "body":
                texts.append(line.text)
            index += 1
        self.close_list()
        self.add(Paragraph("\n".join(texts), SourceSpan(start, bounds[1]), kind="preformatted"))
        return index

    def read_figure(self, index: int) -> int:
        """A figure's labels (PDF reader), kept together line by line as preformatted text: they are
        the figure's words, searchable, but no sentences to join and no headings."""
        texts: list[str] = []
        start = end = self.lines[index].number
        while index < len(self.lines):
            line = self.lines[index]
            if line.kind == "body" and (line.layout is None or line.layout.role != "figure"):
                break
            if line.kind == "body":
                texts.append(line.text)
                end = line.number
            index += 1
        self.close_list()
        self.add(Paragraph("\n".join(texts), SourceSpan(start, end), kind="preformatted"))
        return index

    def read_footnotes(self, index: int) -> int:
        """Footnote definitions below a footnote rule, up to the next page's text."""
        current: Footnote | None = None
        while index < len(self.lines):
            line = self.lines[index]
            if line.kind in ("blank", "footnote-rule") or (line.page_start and current is not None):
                break
            if line.layout is not None and line.layout.role != "footnote" and line.kind == "body":
                break
            if line.kind != "body":
                index += 1
                continue
            match = FOOTNOTE_DEF.fullmatch(line.text)
            if match:
                label = match["label"]
                current = Footnote(label, match["text"], SourceSpan(line.number, line.number))
                self.draft.footnotes.append(current)
            elif current is not None:
                current.text = join_text(current.text, line.text)
                current.span = current.span.merge(SourceSpan(line.number, line.number))
            else:
                break
            index += 1
        return index

    # -- slides -----------------------------------------------------------
    def starts_slide(self, index: int) -> bool:
        """A slide starts after three or more blank lines (a page break in slide decks), or,
        in a PDF, with its page."""
        line = self.lines[index]
        if line.layout is not None:  # the first body line of its page
            probe = index - 1
            while probe >= 0 and (layout := self.lines[probe].layout) and layout.page == line.layout.page:
                if self.lines[probe].kind == "body":
                    return False
                probe -= 1
            return True
        blanks = 0
        probe = index - 1
        while probe >= 0 and self.lines[probe].kind != "body":
            blanks += 1
            probe -= 1
        return probe < 0 or blanks >= 3

    def slide_end(self, index: int) -> int:
        probe = index + 1
        while probe < len(self.lines) and not self.starts_slide(probe):
            probe += 1
        return probe

    def slide_title(self, index: int) -> int | None:
        """The slide's title line: a catalog hint within the slide, else a title-like first line."""
        end = self.slide_end(index)
        for probe in range(index, end):
            line = self.lines[probe]
            if line.number in self.hints.slide_titles and line.kind == "body" and "\t" not in line.text:
                return probe
        first = self.lines[index]
        if first.layout is not None:
            first = self.largest_near_top(index, end)
            index = first.number - self.lines[0].number
        if DATE_ONLY.fullmatch(first.text.replace(" ", "")):
            return None  # a cover's date is no slide title
        if (
            title_like(first.text)
            and not LIST_MARKER.fullmatch(first.text)
            and heading_of(first.text) is None
            and display_width(first.text) <= self.width
        ):
            return index
        return None


    def largest_near_top(self, index: int, end: int) -> Line:
        """A PDF slide's title: the largest of its first few lines (the first if none is larger)."""
        candidates = [line for line in self.lines[index : min(end, index + 4)] if line.kind == "body"]
        return max(candidates, key=lambda line: (line.layout.size if line.layout else 0, -line.number))


def read_structure(lines: list[Line], hints: Hints) -> Draft:
    return _Builder(lines, hints).build()


# ---------------------------------------------------------------------------
# Inline clean-up and footnote references
# ---------------------------------------------------------------------------


def finish_text(draft: Draft) -> None:
    """Rejoin letter-spaced words in every text, now that lines are joined."""
    for item in draft.items:
        if isinstance(item, Heading):
            item.title = join_spaced_letters(item.title)
        elif isinstance(item, Paragraph):
            if item.kind != "preformatted":
                item.text = join_spaced_letters(item.text)
        elif isinstance(item, ListBlock):
            for entry in item.items:
                entry.text = join_spaced_letters(entry.text)
        elif isinstance(item, Table):
            item.rows = [[join_spaced_letters(cell) for cell in row] for row in item.rows]
    for note in draft.footnotes:
        note.text = join_spaced_letters(note.text)


# ---------------------------------------------------------------------------
# Nesting: headings by rank, anchors from numbering
# ---------------------------------------------------------------------------


def nest(draft: Draft) -> tuple[list[Block], list[Section]]:
    """Preamble blocks and the section tree."""
    preamble: list[Block] = []
    roots: list[Section] = []
    stack: list[tuple[int, Section]] = []
    for item in draft.items:
        if isinstance(item, Heading):
            while stack and stack[-1][0] >= item.rank:
                stack.pop()
            section = Section(item.title, len(stack) + 1, item.span, number=item.number)
            (stack[-1][1].children if stack else roots).append(section)
            stack.append((item.rank, section))
        elif stack:
            stack[-1][1].blocks.append(item)
            stack[-1][1].span = stack[-1][1].span.merge(item.span)
        else:
            preamble.append(item)
    for root in roots:
        _extend_spans(root)
    return preamble, roots


def _extend_spans(section: Section) -> SourceSpan:
    for child in section.children:
        section.span = section.span.merge(_extend_spans(child))
    return section.span


def assign_anchors(sections: list[Section]) -> None:
    """Give every section a stable ASCII id built from its numbering path.

    A section numbered "2．1" is "2-1" (that number already names its
    chapter); other numbered sections append their own number to the
    parent's id ("2" > "（3）" → "2-3", > "イ．" → "2-3-k2"); an unnumbered
    one appends "s" and its position among its unnumbered siblings.  An id
    that is taken already gets "_2", "_3"…  Ids never come from the heading's
    words, so fixing a typo in a title does not change a published URL.
    """
    _assign(sections, "", set())


def _join_anchor(prefix: str, token: str) -> str:
    """Parent id + own number; a dotted number repeats its parent's ("2" + "2．1" → "2-1")."""
    if not prefix:
        return token
    head, _, rest = token.partition("-")
    if rest and prefix.rsplit("-", 1)[-1] == head:
        return f"{prefix}-{rest}"
    return f"{prefix}-{token}"


def _assign(sections: list[Section], prefix: str, used: set[str]) -> None:
    unnumbered = 0
    for section in sections:
        token = number_token(section.number)
        if not token:
            unnumbered += 1
            token = f"s{unnumbered}"
        anchor = _join_anchor(prefix, token)
        candidate, n = anchor, 1
        while candidate in used:
            n += 1
            candidate = f"{anchor}_{n}"
        used.add(candidate)
        section.anchor = candidate
        _assign(section.children, candidate, used)
