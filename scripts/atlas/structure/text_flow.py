"""The running text: the block open for the next line, and whether that line goes on with it.

PDF extraction leaves one physical line per printed line; a paragraph, a list item or a caption is
rebuilt by joining each line to the block still open above it, across blank lines and page breaks
where the text shows it was cut.  ``TextFlow`` holds only that state (the open block, its list, its
last line, the blank lines since, a speaker's label waiting for its words, whether the title block
at the top is still being read); its methods that change it say so (open, join, close, count).
``LineJoining`` asks the questions — whether a line ends its paragraph, whether the next goes on
with the open block — over the document's lines and layout, and never changes anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..model.document import Line, ListBlock, ListItem, Paragraph, SourceSpan
from ..text.numbering import (
    BULLETS,
    CLOSING,
    CONTINUATION_START,
    FULL_STOPS,
    LIST_MARKER,
    display_width,
    half_paren_number,
    is_note_under,
    join_text,
)
from ..text.wareki import DATE_LINE
from .box_edges import BoxEdges
from .hanging import back_at_start, hangs_under, next_provision
from .typeset import Typesetting, style_of

# A line ending in a comma or a case particle stops inside its sentence (「…こと」 closes an item, so
# 「と」 after 「こ」 does not count); shorter than this, a line may be a label that ends so.
_ENDS_MID_SENTENCE = re.compile(r"(?:[、，をにがのへや]|(?<!こ)と)$")
_SHORTEST_CUT_LINE = 10
# What goes on with a sentence: kana, kanji or an opening bracket (not a symbol, digit or bullet).
_STARTS_JAPANESE = re.compile(r"^[\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff「『（]")
# How much of its column a line broken by hand short of the edge still fills (a slide's bullet
# wrapped by the author a character or two early fills ~95 %; a label over its gloss far less).
HAND_BROKEN_FILL = 0.8
# A down arrow alone on its line: the connector between a flow's steps set one under another.
_FLOW_ARROW = re.compile(r"[↓⇓⇩⬇]")

# How a line goes on with the open block: joined to its text, or as the first words of a speaker's
# turn after the label alone on the line above (a full-width space between).
Continuation = Literal["joined", "turn's first words"]


@dataclass
class TextFlow:
    """Where the reading stands in the running text: the block the next line may go on with."""

    block: Paragraph | ListItem | None = None  # the open paragraph, list item or caption
    list_block: ListBlock | None = None  # the list the open item belongs to (items after it join it)
    last_line: Line | None = None  # the open block's last line so far
    blanks: int = 0  # blank lines since the open block's last line
    awaits_turn: bool = False  # a speaker's label alone waits for the first line of the turn
    top_of_document: bool = True  # no heading and no sentence yet: the title block (title_block_line_ends)

    def open(self, block: Paragraph | ListItem, line: Line) -> None:
        """Record ``block``, begun with ``line``, as the block the next line may go on with."""
        self.block, self.last_line, self.blanks = block, line, 0

    def open_turn(self, paragraph: Paragraph, label: Line, awaits_words: bool) -> None:
        """Record a speaker's turn, begun with its ``label``, as the open block; with ``awaits_words``
        (the label alone on its line) the next line gives the turn's first words."""
        self.open(paragraph, label)
        self.awaits_turn = awaits_words

    def item_goes_on_list(self, ordered: bool) -> bool:
        """Whether a list item (numbered or not: ``ordered``) goes on in the open list: one of its kind,
        with at most one blank line since the block above."""
        return self.list_block is not None and self.list_block.ordered == ordered and self.blanks <= 1

    def open_list(self, list_block: ListBlock) -> ListBlock:
        """Record ``list_block`` as the list the next items join; the list."""
        self.list_block = list_block
        return list_block

    def open_item(self, item: ListItem, line: Line) -> None:
        """Record ``item``, begun with ``line``, in the open list and as the open block."""
        assert self.list_block is not None
        self.list_block.items.append(item)
        self.list_block.span = self.list_block.span.merge(item.span)
        self.open(item, line)

    def pass_title_block(self) -> None:
        """Record that the title block at the top is read: a heading or a sentence came."""
        self.top_of_document = False

    def join(self, line: Line) -> None:
        """Record that the line goes on in the open block (and its list)."""
        assert self.block is not None
        self.block.text = join_text(self.block.text, line.text)
        self.block.span = self.block.span.merge(SourceSpan(line.number, line.number))
        if self.list_block is not None:
            self.list_block.span = self.list_block.span.merge(self.block.span)
        self.last_line = line
        self.blanks = 0

    def join_turns_first_words(self, line: Line) -> None:
        """Record the turn's first words after its speaker's label, a full-width space between."""
        assert self.block is not None
        self.awaits_turn = False
        self.block.text = f"{self.block.text}\u3000{line.text}"
        self.block.span = self.block.span.merge(SourceSpan(line.number, line.number))
        self.last_line = line
        self.blanks = 0

    def count_blank_line(self) -> None:
        """Record a blank line against the open block (none open: nothing to count against)."""
        if self.block is not None:
            self.blanks += 1

    def close(self) -> None:
        """Record that no block is open: the next line starts one of its own."""
        self.awaits_turn = False
        self.block = None
        self.last_line = None
        self.blanks = 0

    def close_list(self) -> None:
        """Record that neither a block nor a list is open."""
        self.close()
        self.list_block = None


@dataclass(frozen=True)
class LineJoining:
    """The questions of joining lines, over what the document's lines and layout say."""

    lines: list[Line]
    width: int  # the text's wrap width (numbering.wrap_width)
    slides: bool  # a deck: a short line is a label in a box, side by side with others
    paragraph_per_line: bool  # a web text edition: one paragraph a line (paragraph_per_line)
    typeset: Typesetting  # a PDF line's size, face and position (answers None for a text source)
    box_edges: BoxEdges  # where text set in a box narrower than the column wraps

    @property
    def first_number(self) -> int:
        return self.lines[0].number if self.lines else 1

    def line_at(self, number: int) -> Line | None:
        """The line numbered ``number`` (its index counted from the first line's number), if any."""
        index = number - self.first_number
        if not 0 <= index < len(self.lines) or self.lines[index].number != number:
            return None
        return self.lines[index]

    def continuation(self, flow: TextFlow, line: Line) -> Continuation | None:
        """How ``line`` goes on with the open block, or None when it starts a block of its own."""
        block, last = flow.block, flow.last_line
        if block is None or last is None:
            return None
        if _set_down_the_margin(last) or _set_down_the_margin(line):
            return None  # a side title is a paragraph of its own: no sentence of the body runs into it
        if _FLOW_ARROW.fullmatch(line.text.strip()):
            return None  # 「↓」 between two steps (set in under the first's words): a mark, no word of the step
        if isinstance(block, Paragraph) and block.kind == "caption":
            # A caption takes only the rest of its own title, never the text after it.
            return "joined" if self.typeset.wraps_caption(last, line) else None
        if isinstance(block, Paragraph) and is_note_under(block.text) and self.typeset.ends_note(last, line):
            # A source note set small under a table ends at its line's end: the next column's 「に、…」
            # is the page's sentence, whatever word it opens with.
            return None
        if flow.awaits_turn:
            return "turn's first words"  # the turn's first words follow its speaker's label
        if line.text.startswith(CONTINUATION_START):
            pass  # a particle or closing bracket never starts a paragraph
        elif DATE_LINE.fullmatch(line.text):
            return None  # a date alone ("令和6年5月21日") stands on its own
        elif self.back_at_hanging_start(flow, line):
            return None  # 「第７条　…しなければならない。」 run to the edge, 「２　何人も…」 back at its margin
        elif self.opens_next_provision(flow, line):
            return None  # 「一　…であること」 / 「二　…」, or 「２　前項…」 out at the 項's margin: the next provision
        elif self.enumeration_goes_on(flow, line):
            pass  # 「…として、①…のリスク、」 / 「②…のリスク、③…」: the sentence's own numbers
        elif self.opens_next_item(flow, line):
            return None  # 「…努める」 ran to the edge; 「7) 製品開発者は…」 after 「6)」 is the next item
        elif self.cut_mid_sentence(flow, last, line):
            pass  # 「…の推進と」 / 「「大阪トラック」の立上げを提唱」: one sentence, whatever the line's length
        elif self.wrapped_in_box(last, line):
            pass  # a box narrower than the page's column: its lines wrap at the box's edge
        elif (self.hangs_under_open_item(flow, line) and not last.text.endswith(tuple(CLOSING))
              and (not self.ends_paragraph(flow, last) or self.set_on_under(last, line))):
            # 「ア　…災害のおそれの少ない / 　　場所とし、…」: indented under the item's text.  On a PDF
            # page the indent is measured, so it holds even where the author broke the line short of
            # the edge (a slide's 「・…の対象となる利用 / （複製やアップロード）を行う…」).
            pass
        elif self.runs_over_page(last, line):
            pass  # 「…規約型の電子式船荷」 ends a page at its edge, 「証券の利用を含む…」 opens the next
        elif line.indent >= 2 or self.ends_paragraph(flow, last):
            return None  # an indented line starts a paragraph (one space is a page start)
        elif last.text.endswith(tuple(CLOSING)) and line.text.startswith(tuple(BULLETS)):
            return None  # a bullet (「・・・☆……」 a legend's row) after a finished sentence starts its own line
        elif self.typeset.starts_left_of(last, line):
            return None  # another cell of a table read as lines, not the rest of a sentence
        elif (self.typeset.gap_before(line) or not self.typeset.same_style(last, line)) \
                and not self.sentence_runs_on(last, line):
            return None  # space above, or another size or face: another block
        return "joined"

    def ends_paragraph(self, flow: TextFlow, last: Line) -> bool:
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
        if self.title_block_line_ends(flow, last):
            return True
        if text.endswith(tuple(CLOSING)):
            if self.paragraph_per_line:
                return True
            measure = self.column_width(last) or self.width
            return bool(flow.blanks) or width < measure * 0.85
        if self.slides and flow.blanks:
            # On a slide a short line is a label in a box, not a wrapped sentence.
            return width < self.width * 0.7
        short = width < self.width * 0.5
        if not flow.blanks:
            # A line far shorter than the page ended for a reason (a title, a
            # label such as "① 発災直後：通信の維持"), not at the wrap — unless it is
            # as wide as the narrow column (a box, a text beside a figure) it is set in.
            return short and self.column_width(last) == 0
        if short and isinstance(flow.block, ListItem) and flow.block.marker[:1] not in BULLETS:
            return True  # a numbered sub-title ("① …") standing alone before its text
        return flow.blanks >= 2 and short

    def column_width(self, line: Line) -> int:
        """The measure of a narrow column the line is set in, or 0 if it is not in one.

        Text set beside a figure or in a box wraps at a narrower width than the page: a run of
        three or more lines without blank lines between them, this one about as wide as the
        widest, shows the column (its lines are then wrapped, not ended).
        """
        if self.slides:
            return 0  # on a slide short lines side by side are separate labels
        if self.line_at(line.number) is None:
            return 0
        index = line.number - self.first_number
        start = index
        while start > 0 and self.lines[start - 1].kind == "body":
            start -= 1
        end = index
        while end + 1 < len(self.lines) and self.lines[end + 1].kind == "body":
            end += 1
        if end - start < 2:
            return 0
        widths = [display_width(self.lines[i].text) for i in range(start, end + 1)]
        widest = max(widths)
        if widest >= self.width * 0.85 or widest < self.width * 0.3:
            return 0  # page-wide text, or a stack of short labels
        if 3 * sum(1 for w in widths[:-1] if w >= widest * 0.85) < 2 * len(widths[:-1]):
            return 0  # lines of any length: table cells or a roster, not a justified column
        return widest if display_width(line.text) >= widest * 0.85 else 0

    def title_block_line_ends(self, flow: TextFlow, last: Line) -> bool:
        """At the top of a document (no heading, no sentence yet), its title block: the title,
        the date, the issuing body and the authors each stand on their lines between blank
        lines; they are not one paragraph.  A date alone ends its line anywhere."""
        if DATE_LINE.fullmatch(last.text):
            return True
        return flow.top_of_document and display_width(last.text) < self.width * 0.7

    def enumeration_goes_on(self, flow: TextFlow, line: Line) -> bool:
        """Whether a line opening with ② or （2） goes on with an enumeration written into the open
        paragraph's sentence (「…の具体例として、①…のリスク、」 / 「②…のリスク、③…」), not a list's next item.

        A sentence may number what it lists inline; where the line breaks just before one of those
        numbers, the line opens with it like a list item.  It is the sentence's own when the paragraph
        holds the number before it inside its text (not opening it: that would be a list's first item
        read as a paragraph) and its last line stops at a comma."""
        block, last = flow.block, flow.last_line
        if not isinstance(block, Paragraph) or block.kind != "paragraph" or last is None:
            return False
        if not last.text.rstrip().endswith(("、", "，")):
            return False
        before = _number_before(line.text)
        return before is not None and before.search(block.text, 1) is not None

    def opens_next_item(self, flow: TextFlow, line: Line) -> bool:
        """Whether the line opens the next item of a run numbered 「1)」「2)」 (or 「１）」) whose item
        the open paragraph is: the item above ends there even when its last line ran to the
        column's edge without a stop, as an item's short sentence often does."""
        if not isinstance(flow.block, Paragraph):
            return False
        above = half_paren_number(flow.block.text)
        return above is not None and half_paren_number(line.text) == above + 1

    def opens_next_provision(self, flow: TextFlow, line: Line) -> bool:
        """Whether the line opens the provision after the one the open paragraph is (hanging.next_provision):
        a 号 of legislation ends without a stop, so the end of its last line cannot say so."""
        if not isinstance(flow.block, Paragraph):
            return False
        first = self.line_at(flow.block.span.start)
        return first is not None and next_provision(first, line)

    def cut_mid_sentence(self, flow: TextFlow, last: Line, line: Line) -> bool:
        """Whether a text source's line stops inside a sentence that the next line goes on with.

        Japanese sentences never end in a comma or a case particle (「、」「を」「に」「が」「の」「と」…), so
        a line ending in one was cut by the page or by a slide's box — across a blank line too — and
        the next line continues it unless it starts something of its own (a list marker, a bullet).
        A PDF's lines are left to their geometry (where a line stopped in its column)."""
        return (
            last.layout is None
            and len(last.text) >= _SHORTEST_CUT_LINE
            and _ENDS_MID_SENTENCE.search(last.text) is not None
            and flow.blanks <= 1
            and _STARTS_JAPANESE.match(line.text) is not None
            and LIST_MARKER.fullmatch(line.text) is None
            and line.indent < 2
        )

    def set_on_under(self, last: Line, line: Line) -> bool:
        """Whether a PDF line goes on under ``last``, a line broken by hand short of the edge: the same
        size, no space between, and ``last`` filling most of its column (a short line is a label
        over its gloss: 「脆弱性情報流出に係るリスク」 / 「また、…」 stay apart)."""
        layout = last.layout
        if layout is None or not layout.column_x1 or not self.typeset.same_size(last, line):
            return False
        filled = (layout.x1 - layout.column_x0) / (layout.column_x1 - layout.column_x0)
        return filled >= HAND_BROKEN_FILL and not self.typeset.gap_before(line)

    def hangs_under_open_item(self, flow: TextFlow, line: Line) -> bool:
        """Whether the line stands under the text of the item the open block starts with (its
        marker at the margin, its continuation lines indented by the marker's width)."""
        if flow.block is None:
            return False
        first = self.line_at(flow.block.span.start)
        return first is not None and hangs_under(first, line)

    def back_at_hanging_start(self, flow: TextFlow, line: Line) -> bool:
        """Whether the line starts back where the open block started, on the same page, after a
        finished sentence, the block's second line hung in under its text (an item's marker, a
        provision's number hanging its lines by a character): a hanging block's text never returns to
        its margin, so the line opens the next item or provision — even when the block's last line ran
        to the edge with its 。 (「…しなければならない。」 / 「２　何人も…」 read as one sentence running on).
        (A line back at the margin after words cut mid-sentence is a block set flush, whatever its
        second line did: a table's cell, a list item wrapped to the margin.)"""
        last = flow.last_line
        if flow.block is None or last is None or not last.text.endswith(tuple(FULL_STOPS)):
            return False
        first = self.line_at(flow.block.span.start)
        if first is None or not back_at_start(first, line):
            return False
        second = self.line_at(first.number + 1)
        return second is not None and second.kind == "body" and hangs_under(first, second)

    def runs_over_page(self, last: Line, line: Line) -> bool:
        """Whether a PDF page's last line of text ran to its column's edge inside a sentence and the
        next page's first line goes on with it (not a list marker or a bullet).

        That first line's indent says nothing here: it is measured against its own page's column,
        whose left edge the page's other lines set — a notice sets its 第N headings and its notes a
        character left of its text, a left-hand page's margin differs from a right-hand one's — and
        there is no line above it on its page to compare with."""
        return (
            line.page != last.page
            and self.typeset.stopped_short(last) is False
            and not last.text.endswith(tuple(CLOSING))
            and self.typeset.same_size(last, line)
            and LIST_MARKER.fullmatch(line.text) is None
        )

    def wrapped_in_box(self, last: Line, line: Line) -> bool:
        """Whether a PDF line set in a box narrower than its column (text beside a chart) ran to the
        box's edge mid-sentence and the next line of the box goes on with it in Japanese — not a
        list marker, an indented paragraph start, a Latin term of a glossary or a lower-case 「ii.」."""
        return (
            self.box_edges.wrapped(last)
            and self.box_edges.same_box(last, line)
            and (_STARTS_JAPANESE.match(line.text) is not None or line.text[:1].isdigit())
            and LIST_MARKER.fullmatch(line.text) is None
            and line.indent < 2
        )

    def sentence_runs_on(self, last: Line, line: Line) -> bool:
        """Whether a sentence cut at its column's edge goes on in the next line although that line's
        face differs: words set in bold (or another face) inside a paragraph make its main face
        another line's, but a line that runs to the edge mid-sentence, at the same size and with no
        space above the next, was cut by the page, not ended.  In the same face, bold or not, the
        paragraph goes on past a sentence that ends at the edge too (「…が必要となります。」 emphasised in
        bold, 「また、…」 after it in the regular): a paragraph's last line stops short of the edge, and
        the next paragraph's first line is indented."""
        last_style, style = style_of(last), style_of(line)
        same_face = last_style is not None and style is not None and last_style.font == style.font
        return (
            self.typeset.stopped_short(last) is False
            and (not last.text.endswith(tuple(CLOSING)) or same_face)
            and self.typeset.same_size(last, line)
            and not self.typeset.gap_before(line)
        )


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN_NUMBER = re.compile(r"[（(](\d{1,2})[）)]")


def _set_down_the_margin(line: Line) -> bool:
    """A line of type set down the margin beside the page's body (read_pdf: role "side")."""
    return line.layout is not None and line.layout.role == "side"


def _number_before(text: str) -> re.Pattern[str] | None:
    """The number before the one a line opens with, as it may be printed inline (② → ①; （2） → （1）
    or (1)); None when the line opens with no such number, or with the first."""
    if text[:1] in _CIRCLED[1:]:
        return re.compile(re.escape(_CIRCLED[_CIRCLED.index(text[0]) - 1]))
    match = _PAREN_NUMBER.match(text)
    if match is None or int(match[1]) < 2:
        return None
    return re.compile(rf"[（(]{int(match[1]) - 1}[）)]")


def paragraph_per_line(lines: list[Line]) -> bool:
    """Whether the text has one paragraph a line (a web text edition) rather than printed lines.

    Printed text wraps at one width; a text with a paragraph a line has lines of every length,
    longer than a page is wide, most of them ending a sentence.
    """
    body = [line.text for line in lines if line.kind == "body"]
    if len(body) < 10:
        return False
    widths = sorted(display_width(text) for text in body)
    top = widths[int(len(widths) * 0.9)]
    closed = sum(1 for text in body if text.endswith(tuple(CLOSING))) / len(body)
    # Printed pages wrap at 50–95 (half-width units) and end a sentence on a third of their
    # lines at most (measured on the seeds and the development corpus); a text edition runs a
    # paragraph far past any page width and ends most lines with one.
    return top > 120 and closed > 0.5
