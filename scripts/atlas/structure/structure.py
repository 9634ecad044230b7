"""Lines → document structure: headings, paragraphs, lists, tables, footnotes.

PDF extraction leaves one physical line per printed line.  This module
recognises the numbering schemes Japanese policy documents use for headings,
rebuilds paragraphs that were cut at every line (and across blank lines and
page breaks), gathers list items, tab-separated tables and footnotes, and
nests sections by the rank of their numbering scheme.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import islice

from ..config.hints import Hints, folded, resolve_text_hints
from ..model.document import (
    Block,
    Draft,
    Heading,
    Line,
    ListBlock,
    ListItem,
    OutOfOrder,
    Paragraph,
    Section,
    SourceSpan,
    Table,
)
from ..text.normalize import join_spaced_letters
from ..text.numbering import (
    ANNEX_LABEL,
    BULLETS,
    CIRCLED,
    CLOSING,
    CONTINUATION_START,
    COUNTER_START,
    FULL_STOPS,
    LIST_MARKER,
    NEVER_STARTS_A_TITLE,
    NUMBER_ALONE,
    SCHEMES,
    SLIDE_TITLE_RANK,
    Scheme,
    display_width,
    heading_of,
    is_caption,
    join_text,
    number_token,
    number_value,
    title_like,
    wrap_width,
)
from ..text.wareki import DATE_LINE
from .bare_titles import bare_titles
from .box_edges import BoxEdges
from .candidates import numbered_candidates, printed_contents
from .flattened import EVIDENCE, cell_run, cells_around, numbered_row_runs
from .footnotes import text_footnotes
from .hanging import hangs_under
from .labelled_titles import labelled_titles
from .marked_titles import marked_titles
from .outline_choice import SequenceChoice
from .outline_state import ANNEX_RANK, OutlineState
from .page_foot_notes import page_foot_notes
from .runs import (
    next_content,
    preformatted_range,
    read_cover,
    read_figure,
    read_footnotes,
    read_particulars,
    read_preformatted,
    read_rows,
    read_table,
    starts_particulars,
)
from .sibling_runs import bare_sibling_runs
from .slides import (
    DeckGeometry,
    SlideCues,
    after_form_feed,
    cover_lines,
    named_slide_title,
    slide_title,
    slide_title_heading,
    starts_slide,
    text_title_block,
    text_title_rest,
)
from .title_ranks import LABEL_KIND, NAMED_RANK, TitleRanks
from .typeset import Typesetting

# A centred title is short (「議事録」「議 事」「はじめに」); centred words that close or open a
# notice are not titles.
CENTRED_TITLE_CHARS = 12
NOT_TITLES = frozenset({"以上", "記", "別記", "(案)", "（案）"})
# A heading found by its typesetting or a bookmark has no numbering pattern of its own.
LAYOUT_TITLE = re.compile(r"(?P<title>.+)")


def _heading_key(text: str) -> str:
    """A heading's number and title folded for comparison: 「Ⅲ．本…」 and 「Ⅲ. 本…」 are one."""
    return unicodedata.normalize("NFKC", folded(text))


@dataclass(frozen=True)
class _Found:
    """A heading found in the lines: its scheme, number and title, and its last line's index."""

    scheme: Scheme
    number: str
    title: str
    last: int
    # Lines standing between a lone number and its title (a figure caption), kept as blocks.
    between: tuple[tuple[Line, str], ...] = ()
    rank: int | None = None  # set for a numbering nested inside a section (starts_nested_run)


ATTACHMENT_RANK = 3  # 「（別添１）」: a notice's attachment, outer to any annex of its own (annex_rank)
BRACKETED_ANNEX_RANK = 4  # 「（別紙）」: a sheet in brackets, outer to a numbered 別紙２ of the same text
# An annex label alone ("付録 A" over its first part "A-1 …"): the heading is the label itself.
ANNEX_LABEL_ALONE = next(scheme for scheme in SCHEMES if scheme.name == "annex-alone")
# A subtitle between wave dashes or dashes: ～ 我が国における新しい組織のあり方について ～.
# (An ASCII tilde stands for the wave dash where the text was typed in half-width: ~あなたの組織は…~.)
_SUBTITLE = re.compile(r"([～〜―－~])\s*[^～〜―－~]{2,60}\s*\1")
_NEVER_STARTS_A_TITLE = NEVER_STARTS_A_TITLE  # a particle or closing punctuation (は does begin one: はじめに)
# Minutes: the proceedings after the particulars are headed 「議事」 (the particulars' 「第4 議事 （次の
# とおり）」 points to it); the cover's 「議事録」 is then the document's name, not a heading.
_PROCEEDINGS = "議事"
_MINUTES_TITLES = ("議事録", "議事要旨", "議事概要")
# A speaker's label in minutes: ○ and a name with a role, or an anonymised （Ａ）.
_SPEAKER = re.compile(r"[○〇◯]\s*(?P<name>[^\s、。，．「」()（）]{2,16})|(?P<anon>[（(][A-Z][）)])")
_SPEAKER_OPENING = re.compile(rf"(?:{_SPEAKER.pattern})\s+\S.*")
_SPEAKER_ROLES = (
    "部会長", "会長", "委員長", "委員", "幹事", "関係官", "座長", "大臣", "副大臣", "政務官", "局長", "部長", "課長",
    "室長", "参事官", "審議官", "統括官", "長官", "理事", "議長", "参考人", "事務局", "説明員", "オブザーバー",
)
# Schemes whose number could be a count ("6 月", "第1 回"), not a section number.
_COUNTED_SCHEMES = ("number-space", "kanji", "kanjiparen", "dai")
# A sentence's end, then a numbered heading to the end of the line (glued_heading).
_GLUED_HEADING = re.compile(
    r"(?P<before>.*[。」）])(?P<heading>(?:\d{1,2}[．.]|[（(]\d{1,2}[）)]|第\d{1,2}章)\s*\S.{0,58})"
)
# A clause, not a title: a subject marked off by a comma, or a verb cut off by the cell's edge.
# A topic or subject marked with は、/が、: a sentence, never a title.
_SUBJECT_MARKED = re.compile(r"[はが]、")
_SENTENCE_LIKE = re.compile(r"[はが]、|[ぁ-ゖ](?<![へて])$")
# Particles and a comma: a title does not end on them, a cut sentence does.
_TITLE_NEVER_ENDS = tuple("にをがはでとへやのも、")
# Schemes that open a document's parts (第N章, 付録, はじめに …): never a table cell's label.
_OUTER_SCHEMES = ("annex", "chapter", "section", "roman", "named")
# A table cell's fragment: a line this much of the page's width or less (「データの混在」).
_CELL_FRAGMENT = 0.3
# A document's outermost parts (第N章, Ⅰ．) are numbered once each; lower levels repeat (「１．概要」
# under each Ⅰ．, 「ア　問題の所在」 under each section).
_PARTS_RANK = 12
# Body lines looked at above and below a numbered line for its document's part headings printed again.
REFERENCE_REACH = 8
# Type this much smaller than the body's is no heading's (a running head, a note).
_SMALLER_THAN_BODY = 0.9
# A title is at most this long (numbering.title_like); bold text running longer is a point, not a title.
TITLE_CHARS = 60
# Lines looked at below a numbered point for its next sibling.
SIBLING_REACH = 40
# Numbers that name a place in a whole text (第N章, 第N節): an excerpt quoting one starts where it quotes.
_PLACE_SCHEMES = ("chapter", "section")
# A wrapped title's second line stands under its words, at most this many characters right of its number.
HANGING_TITLE_INDENT = 6


def _without_form_feed(line: Line) -> Line:
    """A line that pdftotext began with a form feed (a page start): the text without it."""
    if not line.text.startswith("\f"):
        return line
    text = line.text.lstrip("\f").strip(" \u3000")
    return replace(line, text=text, page_start=True, kind=line.kind if text else "blank")


# A line ending in a comma or a case particle stops inside its sentence (「…こと」 closes an item, so
# 「と」 after 「こ」 does not count); shorter than this, a line may be a label that ends so.
_ENDS_MID_SENTENCE = re.compile(r"(?:[、，をにがのへや]|(?<!こ)と)$")
_SHORTEST_CUT_LINE = 10
# What goes on with a sentence: kana, kanji or an opening bracket (not a symbol, digit or bullet).
_STARTS_JAPANESE = re.compile(r"^[\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff「『（]")


# ---------------------------------------------------------------------------
# Reading: lines → draft (headings and blocks in order)
# ---------------------------------------------------------------------------


class _Builder:
    def __init__(self, lines: list[Line], hints: Hints) -> None:
        form_feeds = any(after_form_feed(line) for line in lines)
        self.lines = [_without_form_feed(line) for line in lines]
        lines = self.lines
        self.hints = hints
        self.width = wrap_width(lines)
        self.slide_titles_taken: set[int] = set()  # lines already emitted as their slide's title
        # A PDF's cover (title, issuer, date: the document's particulars) is text, never a section;
        # a deck's pages are measured once for where its titles stand (slides.py).
        deck = DeckGeometry.of(lines) if hints.slides else None
        self.slide_cues = SlideCues(form_feeds, hints.slide_titles, deck, self.width)
        self.cover = cover_lines(lines, deck)
        self.typeset = Typesetting(lines)  # layout evidence (PDF sources); answers None otherwise
        self.box_edges = BoxEdges(lines)  # where text set in a box narrower than the column wraps
        self.draft = Draft()
        self.top_of_document = True  # no heading and no sentence yet: the title block (see title_block_line_ends)
        self.open: Paragraph | ListItem | None = None
        self.open_list: ListBlock | None = None
        self.open_last_line: Line | None = None
        self.blank_since_open = 0
        # The outline's numbering state (outline_state.py): the last number at each rank, the open
        # headings, nested numberings, annexes.  Every numbered line that could be a heading is
        # weighed against the rest of its numbering before it is taken (a footnote 「13 …」 must not
        # put sections 1-12 out of sequence).
        self.outline = OutlineState(SequenceChoice(numbered_candidates(lines)))
        # A printed contents list (an agenda slide): its entries are text, the lines they name headings.
        self.contents = printed_contents(lines)
        self.circled_titles: frozenset[int] = circled_titles(lines, self.width)
        # Titles set off by a mark (◆, ■, ● set in display type, a recurring （補足説明）) and marked lines
        # that label a list: decided for the whole document, from the text and the type (marked_titles.py).
        self.marked = marked_titles(lines, self.width, self.typeset)
        # Titles numbered under a word of their own (「Box-1.」…, 「問1」…): labelled_titles.py.
        self.labelled = labelled_titles(lines, self.width)
        # A speech's bare-word titles (「総務」「財政」), where no numbered outline is printed: bare_titles.py.
        self.bare = bare_titles(lines)
        self.title_ranks = TitleRanks()  # the rank each kind of unnumbered title nests at (title_ranks.py)
        # Numbered lines one under another with no text between: a list, never empty sections.
        self.sibling_runs = bare_sibling_runs(lines)
        # Numbered lines that close a page (an author's affiliation, a source): notes, never headings.
        self.foot_notes = page_foot_notes(lines)
        self.first_number = lines[0].number if lines else 1
        self.speaker_labels = speaker_labels(self.lines)
        self.speaker_open = False  # a speaker's label waits for the first line of the turn
        self.paragraph_per_line = paragraph_per_line(lines)
        # Footnotes pdftotext left among the text (「N　text」 at a page's foot, stacked numbers).
        self.text_notes = text_footnotes(lines)
        self.taken: set[int] = set()  # lines already read as part of an earlier heading (proceedings_heading)
        # Flattened tables (text sources; a PDF's layout finds its tables): runs of numbered rows
        # kept as printed (the heading ranks whose run began as a table's cell labels: self.outline).
        text_source = not any(line.layout is not None for line in lines)
        self.row_runs = numbered_row_runs(lines, self.width) if text_source else {}
        self.text_source = text_source

    # -- helpers ----------------------------------------------------------
    def close(self) -> None:
        self.speaker_open = False
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
        if self.title_block_line_ends(last):
            return True
        if text.endswith(tuple(CLOSING)):
            if self.paragraph_per_line:
                return True
            measure = self.column_width(last) or self.width
            return bool(self.blank_since_open) or width < measure * 0.85
        if self.hints.slides and self.blank_since_open:
            # On a slide a short line is a label in a box, not a wrapped sentence.
            return width < self.width * 0.7
        short = width < self.width * 0.5
        if not self.blank_since_open:
            # A line far shorter than the page ended for a reason (a title, a
            # label such as "① 発災直後：通信の維持"), not at the wrap — unless it is
            # as wide as the narrow column (a box, a text beside a figure) it is set in.
            return short and self.column_width(last) == 0
        if short and isinstance(self.open, ListItem) and self.open.marker[:1] not in BULLETS:
            return True  # a numbered sub-title ("① …") standing alone before its text
        return self.blank_since_open >= 2 and short

    def column_width(self, line: Line) -> int:
        """The measure of a narrow column the line is set in, or 0 if it is not in one.

        Text set beside a figure or in a box wraps at a narrower width than the page: a run of
        three or more lines without blank lines between them, this one about as wide as the
        widest, shows the column (its lines are then wrapped, not ended).
        """
        if self.hints.slides:
            return 0  # on a slide short lines side by side are separate labels
        index = line.number - self.first_number
        if not 0 <= index < len(self.lines) or self.lines[index].number != line.number:
            return 0
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

    def title_block_line_ends(self, last: Line) -> bool:
        """At the top of a document (no heading, no sentence yet), its title block: the title,
        the date, the issuing body and the authors each stand on their lines between blank
        lines; they are not one paragraph.  A date alone ends its line anywhere."""
        if DATE_LINE.fullmatch(last.text):
            return True
        return self.top_of_document and display_width(last.text) < self.width * 0.7

    def add(self, block: Block | Heading) -> None:
        if isinstance(block, Heading):
            self.top_of_document = False
        self.draft.items.append(block)

    def add_slide_title(self, titles: list[int]) -> None:
        """Add a slide's title (its lines' indexes, slides.slide_title; none: no title) as its heading,
        ranked as a printed contents list ranks it; its lines are then taken."""
        if not titles:
            return
        self.close_list()
        rank = self.contents_rank(titles[0], SLIDE_TITLE_RANK)
        self.add(slide_title_heading(self.lines, titles, rank))
        self.slide_titles_taken.update(self.lines[position].number for position in titles)

    def add_run(self, run: tuple[Block, int]) -> int:
        """Add the block a run of lines gives (runs.py), closing the open list; the index after it."""
        block, after = run
        self.close_list()
        self.add(block)
        return after

    def continue_open(self, line: Line) -> bool:
        if self.open is None or self.open_last_line is None:
            return False
        if self.speaker_open:
            # The turn's first words follow its speaker's label, a full-width space between.
            self.speaker_open = False
            self.open.text = f"{self.open.text}\u3000{line.text}"
            self.open.span = self.open.span.merge(SourceSpan(line.number, line.number))
            self.open_last_line = line
            self.blank_since_open = 0
            return True
        if line.text.startswith(CONTINUATION_START):
            pass  # a particle or closing bracket never starts a paragraph
        elif DATE_LINE.fullmatch(line.text):
            return False  # a date alone ("令和6年5月21日") stands on its own
        elif self.cut_mid_sentence(self.open_last_line, line):
            pass  # 「…の推進と」 / 「「大阪トラック」の立上げを提唱」: one sentence, whatever the line's length
        elif self.wrapped_in_box(self.open_last_line, line):
            pass  # a box narrower than the page's column: its lines wrap at the box's edge
        elif (self.hangs_under_open_item(line) and not self.open_last_line.text.endswith(tuple(CLOSING))
              and not self.ends_paragraph(self.open_last_line)):
            pass  # 「ア　…災害のおそれの少ない / 　　場所とし、…」: indented under the item's text
        elif line.indent >= 2 or self.ends_paragraph(self.open_last_line):
            return False  # an indented line starts a paragraph (one space is a page start)
        elif self.open_last_line.text.endswith(tuple(CLOSING)) and line.text.startswith(tuple(BULLETS)):
            return False  # a bullet (「・・・☆……」 a legend's row) after a finished sentence starts its own line
        elif self.typeset.starts_left_of(self.open_last_line, line):
            return False  # another cell of a table read as lines, not the rest of a sentence
        elif (self.typeset.gap_before(line) or not self.typeset.same_style(self.open_last_line, line)) \
                and not self.sentence_runs_on(self.open_last_line, line):
            return False  # space above, or another size or face: another block
        self.open.text = join_text(self.open.text, line.text)
        self.open.span = self.open.span.merge(SourceSpan(line.number, line.number))
        if self.open_list is not None:
            self.open_list.span = self.open_list.span.merge(self.open.span)
        self.open_last_line = line
        self.blank_since_open = 0
        return True

    def cut_mid_sentence(self, last: Line, line: Line) -> bool:
        """Whether a text source's line stops inside a sentence that the next line goes on with.

        Japanese sentences never end in a comma or a case particle (「、」「を」「に」「が」「の」「と」…), so
        a line ending in one was cut by the page or by a slide's box — across a blank line too — and
        the next line continues it unless it starts something of its own (a list marker, a bullet).
        A PDF's lines are left to their geometry (where a line stopped in its column)."""
        return (
            last.layout is None
            and len(last.text) >= _SHORTEST_CUT_LINE
            and _ENDS_MID_SENTENCE.search(last.text) is not None
            and self.blank_since_open <= 1
            and _STARTS_JAPANESE.match(line.text) is not None
            and LIST_MARKER.fullmatch(line.text) is None
            and line.indent < 2
        )

    def hangs_under_open_item(self, line: Line) -> bool:
        """Whether the line stands under the text of the item the open block starts with (its
        marker at the margin, its continuation lines indented by the marker's width)."""
        if self.open is None:
            return False
        index = self.open.span.start - self.first_number
        if not 0 <= index < len(self.lines) or self.lines[index].number != self.open.span.start:
            return False
        return hangs_under(self.lines[index], line)

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
        space above the next, was cut by the page, not ended."""
        return (
            self.typeset.stopped_short(last) is False
            and not last.text.endswith(tuple(CLOSING))
            and self.typeset.same_size(last, line)
            and not self.typeset.gap_before(line)
        )

    # -- the walk ---------------------------------------------------------
    def build(self) -> Draft:
        """Read the lines in order: at each, the first step of READING_STEPS that applies and reads
        it (a step may decline: the next one is tried) gives the index to go on from."""
        index = 0
        while index < len(self.lines):
            for _, applies, read in READING_STEPS:
                if applies(self, index):
                    after = read(self, index)
                    if after is not None:
                        index = after
                        break
        return self.draft

    def contents_rank(self, index: int, rank: int) -> int:
        """The rank of a heading a printed contents list names (its entry's rank), else ``rank``."""
        entry = self.contents.targets.get(index)
        return entry.rank if entry is not None else rank

    def read_line(self, index: int) -> int:
        if index in self.contents.entries:
            self.read_text(self.lines[index])  # a contents entry: text, never a heading
            return index + 1
        proceedings = self.proceedings_heading(index)
        if proceedings is not None:
            return proceedings
        if index in self.speaker_labels:
            self.open_speaker_turn(self.lines[index])
            return index + 1
        found = self.find_heading(index)
        if found is not None:
            return self.emit_heading(index, found)
        if index in self.contents.targets:
            return self.emit_named_part(index)
        glued = self.glued_heading(index)
        if glued is not None:
            before, found = glued
            self.read_text(replace(self.lines[index], text=before))
            return self.emit_heading(index, found)
        self.read_text(self.lines[index])
        return index + 1

    def proceedings_heading(self, index: int) -> int | None:
        """「議事」 heading the proceedings of minutes (text sources; the PDF reader sees it by its type).

        Centred and letter-spaced, it comes out of pdftotext one character a line, the first turn's
        speaker label sometimes between (「議」「○藤田部会長」「事」).  It is a heading when the text has
        speaker turns and it is not the particulars' label (after 「第4」, with its value 「（次のとおり）」).
        Returns the index to go on from (the speaker label between is read next), or None.
        """
        line = self.lines[index]
        word = line.text.replace(" ", "")
        if not self.speaker_labels or line.layout is not None or not _PROCEEDINGS.startswith(word):
            return None
        above = index - 1
        while above >= 0 and self.lines[above].kind != "body":
            above -= 1
        if above >= 0 and NUMBER_ALONE.fullmatch(self.lines[above].text):
            return None  # 「第4 / 議 / 事」: a particular's label
        parts, probe, between = [index], index, None
        while word != _PROCEEDINGS:
            probe += 1
            while probe < len(self.lines) and self.lines[probe].kind != "body":
                probe += 1
            if probe < len(self.lines) and probe in self.speaker_labels and between is None:
                between = probe  # the first turn's label, set on the title's baseline
                continue
            if probe >= len(self.lines) or not _PROCEEDINGS.startswith(word + self.lines[probe].text.replace(" ", "")):
                return None
            word += self.lines[probe].text.replace(" ", "")
            parts.append(probe)
        self.close_list()
        self.demote_minutes_title()
        first, last = self.lines[parts[0]].number, self.lines[parts[-1]].number
        self.add(Heading(_PROCEEDINGS, NAMED_RANK, "", SourceSpan(first, last)))
        self.outline.record_heading(NAMED_RANK)
        self.taken.update(parts[1:])
        return index + 1

    def demote_minutes_title(self) -> None:
        """The cover's 「議事録」 taken for a heading before the proceedings' own: the document's name."""
        for position in range(len(self.draft.items) - 1, -1, -1):
            item = self.draft.items[position]
            if isinstance(item, Heading):
                if item.title in _MINUTES_TITLES and not item.number:
                    self.draft.items[position] = Paragraph(item.title, item.span)
                return

    def open_speaker_turn(self, line: Line) -> None:
        """A speaker's label in minutes ("○藤田部会長", "（Ａ）"): it opens the paragraph of the turn."""
        self.close_list()
        paragraph = Paragraph(line.text, SourceSpan(line.number, line.number))
        self.add(paragraph)
        self.open = paragraph
        self.open_last_line = line
        # A label alone on its line is followed by the turn's first words; one opening its line
        # (「○藤田部会長 予定した…」) already has them, and the next line simply continues.
        self.speaker_open = _SPEAKER.fullmatch(line.text) is not None

    def glued_heading(self, index: int) -> tuple[str, _Found] | None:
        """A heading run onto the end of the line before it: "…を推進する。2．データ戦略" .

        Text editions lose the line break before a heading.  The tail is split off only when it
        is a numbered heading in the strict sense: the next number of its scheme, a title, and
        the end of the line (the line below does not continue it).
        """
        match = _GLUED_HEADING.fullmatch(self.lines[index].text)
        if match is None:
            return None
        heading = heading_of(match["heading"])
        if heading is None or heading[0].weak or not self.outline.next_in_sequence(heading[0], heading[1]):
            return None
        nxt = self.lines[index + 1] if index + 1 < len(self.lines) else None
        if nxt is not None and nxt.kind == "body" and nxt.text.startswith(CONTINUATION_START):
            return None
        self.numbering_goes_forward(heading[0], heading[1])
        return match["before"], _Found(*heading, last=index)

    def read_text(self, line: Line) -> None:
        """A body line that is not a heading: a caption, a list item, or paragraph text."""
        text = line.text
        span = SourceSpan(line.number, line.number)
        if "。" in text:
            self.top_of_document = False
        if is_caption(text) and display_width(text) < self.width * 0.8:
            self.close_list()
            self.add(Paragraph(text, span, kind="caption"))
            return
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
            return
        if self.continue_open(line):
            return
        self.close_list()
        paragraph = Paragraph(text, span)
        self.add(paragraph)
        self.open = paragraph
        self.open_last_line = line

    def find_heading(self, index: int) -> _Found | None:
        """The heading that starts at ``index``, if any (its number state recorded)."""
        line = self.lines[index]
        if line.number in self.hints.not_headings or index in self.sibling_runs or self.marked.is_label(index):
            return None
        if line.layout is not None and line.layout.role == "footnote":
            return None  # set small at the page's foot (a note, or a table's rows there): never a heading
        if self.running_head_over_heading(index):
            return None
        found = self.number_alone_heading(index)
        display = self.typeset.is_display(line)  # PDF sources: set in display type (None: no layout)
        if found is None:
            heading = heading_of(line.text)
            if heading is None:
                heading = self.circled_heading(index)
            if heading is None:
                heading = self.marked_heading(index)
            rest = self.title_rest(index)  # a marked title or a question cut at the column's edge
            if display is not None and rest is None:
                heading = self.layout_heading(index, heading, display)
            if heading is None:
                return self.sentence_in_sequence(index)
            found = _Found(*heading, last=index)
            if found.scheme.name == "marked":
                found = replace(found, rank=found.scheme.rank)
            if rest is not None:
                found = replace(found, title=join_text(found.title, self.lines[rest].text), last=rest)
        scheme = found.scheme
        if found.title.startswith(_NEVER_STARTS_A_TITLE):
            return None  # "第４章に示すとおり…": a chapter named inside a sentence
        if self.hints.slides and scheme.name in ("block", "dash", "circle", "marked"):
            return None  # on slides 【…】 and ― lines are callouts, not headings
        if scheme.name == "block" and self.ends_a_cut_label(index):
            return None  # 「プライベート / データの混在 / 【BYOD】」: the end of a table cell's label
        if scheme.name == "block" and self.in_title_block(line.page):
            return None  # 「【第二版】」 under a cover's title: the edition, part of the title block
        if scheme.name == "circle" and not self.draft.items and not self.hints.slides:
            return None  # "○情報システム安全対策基準" opening a notice: the document's title
        if found.last == index and not display and self.wraps_into_next_line(index):
            return None  # "4. パーソナルデータや…など" runs on: a numbered paragraph
        if display and found.number and found.last == index and self.numbered_points_in_bold(index, found):
            return None  # 「（2）広島AIプロセスを前進させるための作業計画（…」 set in bold over eight lines: a point
        if scheme.weak and (index in self.foot_notes or not self.weak_heading_plausible(index, found)):
            return None
        if found.number and _SUBJECT_MARKED.search(found.title):
            return None  # 「（1）建物及び室は、火災の…」: a numbered sentence (its topic marked), not a title
        if found.number and scheme.rank <= _PARTS_RANK and self.repeats_a_part(line.text):
            return None  # 「Ⅲ. 本ガイドラインの適用の範囲」 again: a reference (a table, a list), not a new part
        if not self.outline.number_fits_parent(found) or self.table_cell_label(index, found):
            return None
        nested = self.continues_nested_run(found)
        if nested is not None:
            return nested
        if self.quotes_a_place(found):
            return None
        last = self.outline.last(scheme.rank)
        if not self.numbering_goes_forward(scheme, found.number, index):
            nested = self.starts_nested_run(index, found)
            if nested is None:  # demoted to text: the reader is told (diagnose.out_of_order)
                self.draft.out_of_order.append(OutOfOrder(line.number, line.text, str(last)))
            return nested
        return found

    def running_head_over_heading(self, index: int) -> bool:
        """Whether a PDF line is its page's running head over the heading it repeats: set smaller than
        the body at the top of the page, and the next line is a heading of the same number (「付録4
        脆弱性の影響度の基準に…」 in 8 pt over 「付録4　脆弱性の影響度に関する…」).  A part of one page has a
        running head no other page repeats, so the reader cannot tell it by recurrence; a heading is
        never set smaller than the text it heads."""
        line = self.lines[index]
        body = self.typeset.body_of(line)
        if line.layout is None or body is None or line.layout.size >= body.size * _SMALLER_THAN_BODY:
            return False
        if any(self.lines[probe].kind == "body" and self.lines[probe].page == line.page for probe in range(index)):
            return False  # not the page's first line
        heading, below = heading_of(line.text), self.next_content(index)
        if heading is None or not heading[1] or below is None or self.lines[below].page != line.page:
            return False
        under = heading_of(self.lines[below].text)
        return under is not None and number_token(under[1]) == number_token(heading[1])

    def quotes_a_place(self, found: _Found) -> bool:
        """Whether a chapter or section number opening an annex's numbering names a place in another
        text: an annex that quotes an amended notice or a policy (「（別添１）」 then 「第２章　特掲診療料」,
        「【別添４】」 then 「第２章　新しい資本主義の加速」 of the quoted 基本方針) labels where its excerpt
        stands; a part of this document numbers its chapters from the first."""
        if found.scheme.name not in _PLACE_SCHEMES or not self.outline.in_annex:
            return False
        value = number_value(found.number)
        return value is not None and value > 1 and self.outline.last(found.scheme.rank) is None

    def sentence_in_sequence(self, index: int) -> _Found | None:
        """A numbered item written as one sentence that continues a numbering of headings: the
        outline's item, not a paragraph.

        A notice may word one of its items as a sentence that introduces what follows (「（三）技術基準
        及び運用基準における適用区分の考え方は、以下のとおりである。」 after 「（一）設置基準」「（二）技術基準及び
        運用基準」).  A sentence is no title, but this one is the next number of headings already
        taken under the same parent: read as text, its table or list would fall under the sibling
        before it.  Only a numbering's continuation qualifies (never its first item, which a list
        of numbered sentences shares), one whole sentence on one line."""
        line = self.lines[index]
        text = line.text
        if "\t" in text or not text.endswith("。") or text.count("。") != 1 or index in self.foot_notes:
            return None
        for scheme in SCHEMES:
            match = scheme.pattern.fullmatch(text)
            if match is None or "n" not in match.groupdict():
                continue
            number, title = match["n"].strip(), match["title"].strip()
            value, last = number_value(number), self.outline.last(scheme.rank)
            if (value is None or last is None or value != last + 1 or len(title) > 60
                    or title.startswith(_NEVER_STARTS_A_TITLE) or self.outline.in_nested_run(scheme.rank)
                    or self.numbered_alike_around(index, scheme, value)):
                return None
            number = text[: match.start("title")].strip()
            found = _Found(scheme, number, title, last=index)
            if not self.outline.number_fits_parent(found) or self.table_cell_label(index, found):
                return None
            return found if self.numbering_goes_forward(scheme, number, index) else None
        return None

    def numbered_alike_around(self, index: int, scheme: Scheme, value: int) -> bool:
        """Whether a numbered sentence belongs to a list of its own numbered like the headings: a line
        of its scheme stands since the last heading (the list's earlier items, 「一　…こと。」 quoted under
        「一　主旨」), or the same number is printed again further on before an outer heading (the
        heading it would take the place of, 「二　用語の定義」)."""
        for probe in range(self.outline.last_heading_end + 1, index):
            if self.lines[probe].kind == "body" and scheme.pattern.fullmatch(self.lines[probe].text):
                return True
        for probe in range(index + 1, min(len(self.lines), index + 400)):
            line = self.lines[probe]
            if line.kind != "body":
                continue
            heading = heading_of(line.text)
            if heading is not None and heading[0].rank < scheme.rank and heading[1]:
                return False
            match = scheme.pattern.fullmatch(line.text)
            if match is not None and number_value(match["n"]) == value:
                return True
        return False

    def starts_nested_run(self, index: int, found: _Found) -> _Found | None:
        """A numbering that starts again at 1 inside a section: headings of what the section quotes.

        A summary of another document ("【概要】" then "1．…", "2．…" with their text) numbers its
        own parts; taken as a list they would glue each number, title and first sentence into one
        item.  They nest under the open section instead, as long as the run goes 1, 2, 3 ….  A
        "1．" that runs straight into the next item or into a sentence stays a list item.
        """
        if (
            number_value(found.number) != 1
            or self.outline.innermost_rank() is None
            or found.last != index  # a lone "第1章" over a label: a figure, more likely
            or "-" in number_token(found.number)  # "6.1" again: a bilingual table's second column
            or found.title.startswith(CONTINUATION_START)
            or _SENTENCE_LIKE.search(found.title)  # "1．この法は、…され": a clause cut by a table cell
        ):
            return None
        probe = self.next_content(found.last)
        # A list right under it makes the 「1．」 an item, unless the page sets it as a heading (display
        # type: 「１．適切でないと考えられる例」 in a bar over its ①… points).
        items_follow = probe is not None and LIST_MARKER.fullmatch(self.lines[probe].text) is not None
        if probe is None or (items_follow and not self.typeset.is_display(self.lines[index])) \
                or heading_of(self.lines[probe].text):
            return None
        return replace(found, rank=self.outline.start_nested_run(found.scheme.rank))

    def continues_nested_run(self, found: _Found) -> _Found | None:
        """The next number of a numbering nested inside a section (starts_nested_run), at its rank."""
        rank = self.outline.nested_rank_next(found.scheme.rank, found.number)
        if rank is None:
            return None
        self.outline.continue_nested_run(found.scheme.rank)
        return replace(found, rank=rank)

    def ends_a_cut_label(self, index: int) -> bool:
        """Whether a 【…】 line ends the short text on the line right above it (no blank line between):
        a table cell's label cut over lines, 「プライベート」/「データの混在」/「【BYOD】」.  A 【…】 heading
        stands apart from what precedes it, or follows a sentence's end."""
        if not self.text_source or index == 0:
            return False
        above = self.lines[index - 1]
        return (
            above.kind == "body"
            and self.lines[index].indent == 0  # an indented 【…】 is set apart as a heading
            and not above.text.endswith(tuple(CLOSING))
            and display_width(above.text) < self.width * _CELL_FRAGMENT
            and heading_of(above.text) is None
        )

    def table_cell_label(self, index: int, found: _Found) -> bool:
        """Whether a numbered line is the label of a flattened table's cell (「イ．設置環境」 in a
        項目 column): table cells stand around it and its numbering starts there.

        A section's heading over a table continues a numbering that ran before the table (五 after
        四), so a numbering that starts among cells is the table's own; the rest of its run (「２．
        開口部」 …, cells or not nearby) goes with it, up to the next heading outside it.
        """
        if not self.text_source or found.scheme.name.startswith(_OUTER_SCHEMES):
            return False
        rank = found.scheme.rank
        if self.outline.in_cell_run(rank):
            return True
        if self.between_part_references(index, found):
            self.outline.record_cell_run(rank)
            return True
        if self.outline.last(rank) is not None:
            return False  # the numbering ran before: the next section after a table
        cells = cells_around(self.lines, index, found.last, self.width, after=self.outline.last_heading_end,
                             also=lambda line: self.repeats_a_part(line.text))
        if cells < EVIDENCE:
            return False
        self.outline.record_cell_run(rank)
        return True

    def repeats_a_part(self, text: str) -> bool:
        """Whether a line repeats one of the document's outermost numbered headings, whole or cut
        short by a table cell's edge (「Ⅳ. ソフトウエア製品に係る脆弱性関連情」)."""
        return self.outline.repeats_a_part(_heading_key(text))

    def between_part_references(self, index: int, found: _Found) -> bool:
        """Whether the document's own part headings are printed again just above and just below: a
        table that maps another text's clauses (「5.概念」, numbered in sequence) onto the parts."""
        lines = self.lines
        above = list(islice((lines[i] for i in range(index - 1, -1, -1) if lines[i].kind == "body"), REFERENCE_REACH))
        below = list(islice((lines[i] for i in range(found.last + 1, len(lines)) if lines[i].kind == "body"),
                            REFERENCE_REACH))
        return any(self.repeats_a_part(line.text) for line in above) and any(
            self.repeats_a_part(line.text) for line in below)

    def emit_heading(self, index: int, found: _Found) -> int:
        """Add the heading found at ``index``; return the index after its last line."""
        first = self.lines[index].number
        self.close_list()
        title, last = found.title, found.last
        if last == index:
            title, last = self.heading_continuation(title, index)
        if found.scheme.name == "summary":
            title, first = self.summary_title(title, first)
        if found.scheme.name == "annex-alone" and not title:
            title, last = self.annex_title(last)
        if found.scheme.name.startswith("annex"):
            title, last = self.subtitle(title, last)
        end = self.lines[last].number
        rank = self.part_rank(found)
        if found.scheme.name == "marked" and (kind := self.title_kind(index)) is not None:
            self.title_ranks.record(kind, rank)
        part = bool(found.number) and found.scheme.rank <= _PARTS_RANK  # repeats_a_part knows it again
        self.outline.record_heading(rank, found, last, _heading_key(f"{found.number}{title}") if part else None)
        self.add(Heading(title, rank, found.number, SourceSpan(first, end)))
        for line, kind in found.between:
            self.add(Paragraph(line.text, SourceSpan(line.number, line.number), kind=kind))
        return last + 1

    def emit_named_part(self, index: int) -> int:
        """A line a printed contents list names, printed without its number: the part's heading."""
        line = self.lines[index]
        rank = self.contents_rank(index, NAMED_RANK)
        self.close_list()
        self.outline.record_heading(rank, last=index)
        self.add(Heading(line.text, rank, "", SourceSpan(line.number, line.number)))
        return index + 1

    def annex_title(self, last: int) -> tuple[str, int]:
        """The title printed under an annex's label alone (「（別添１）」 / 「診療報酬の…について」): the next
        line when it reads as a title (no sentence, no number of its own, not a date), joined with
        its second line when the title runs to the page's edge."""
        probe = self.next_content(last, max_blanks=1)
        if probe is None:
            return "", last
        line = self.lines[probe]
        if (
            probe in self.text_notes.taken  # a footnote's number and text: the notes step reads them
            or not title_like(line.text)
            or line.text.endswith(tuple(FULL_STOPS))
            or heading_of(line.text) is not None
            or LIST_MARKER.fullmatch(line.text)
            or DATE_LINE.fullmatch(line.text)
        ):
            return "", last
        return self.heading_continuation(line.text, probe)

    def subtitle(self, title: str, last: int) -> tuple[str, int]:
        """A title's subtitle set between dashes on the line below: 「～我が国における…～」."""
        probe = self.next_content(last)
        if probe is not None and _SUBTITLE.fullmatch(self.lines[probe].text):
            return join_text(title, self.lines[probe].text), probe
        return title, last

    def part_rank(self, found: _Found) -> int:
        """The rank to nest a heading by: annexes are top-level parts of their document.

        An annex holds what follows it up to the next annex — unless the document's outermost
        numbering starts again at 1 (a compilation: the next document's "1．" after the last
        annex of the one before).  From there the outermost numbering is top-level again.
        """
        self.outline.record_part(found)
        if found.rank is None and found.scheme.name.startswith("annex"):
            return self.annex_rank(found)
        return self.outline.part_rank(found)

    def annex_rank(self, found: _Found) -> int:
        """An annex's rank: a notice's attachment labelled in brackets (「（別添１）」) holds the attached
        text's own parts, its 「別添１」 and its sheets 「（別紙）」; 別添 (a document sent with the notice) holds
        別紙 (a sheet attached to a text), never the other way round."""
        if not found.number.startswith(("（", "(", "【", "〔")):
            return ANNEX_RANK  # 「別添１」, or a label alone standing for its annex (「付録 A」 over 「A-1 …」)
        return ATTACHMENT_RANK if "別添" in found.number else BRACKETED_ANNEX_RANK

    def next_content(self, index: int, max_blanks: int = 3) -> int | None:
        """The index of the next body line after ``index`` across at most ``max_blanks`` blank lines."""
        return next_content(self.lines, index, max_blanks)

    def number_alone_heading(self, index: int) -> _Found | None:
        """A section number alone on its line and its title on the next ("一", "", "主旨").

        PDF text often puts a number and its title, set on one baseline, on lines of their own,
        with a blank line or a figure caption between them.
        """
        text = self.lines[index].text
        if not NUMBER_ALONE.fullmatch(text):
            return None
        probe = self.next_content(index)
        annex = re.fullmatch(ANNEX_LABEL, text) is not None
        between: list[tuple[Line, str]] = []  # lines standing between the number and its title
        if annex and probe is not None and re.fullmatch(r"\d{1,2}[．.]?", self.lines[probe].text):
            # "付録３ / １ / 法的な論点…": its first part's number came first; kept as text.
            between.append((self.lines[probe], "paragraph"))
            probe = self.next_content(probe)
        if probe is not None and is_caption(self.lines[probe].text):
            between.append((self.lines[probe], "caption"))
            probe = self.next_content(probe)
        if probe is None or self.lines[probe].page != self.lines[index].page:
            return None  # a number at a page's foot and a line at the next one's top: no heading's parts
        title = self.lines[probe].text
        below = heading_of(title)
        parts_below = below is not None and (not below[0].weak or below[0].name.startswith("lettered"))
        if parts_below and annex and not between:
            # "付録 A" over "A-1 特性別…": the annex's label is its heading; its parts follow.
            return _Found(ANNEX_LABEL_ALONE, "", text, last=index)
        if (
            not title_like(title)
            or len(title) < 2  # "第１ / 日 / 時": letter-spaced particulars, not a title
            or title.startswith(_NEVER_STARTS_A_TITLE)  # "第４章 / に示すとおり…": a reference in a sentence
            or NUMBER_ALONE.fullmatch(title)
            or title.endswith(tuple(FULL_STOPS))
            or self.wraps_into_next_line(probe)
            or heading_of(title) is not None
            or LIST_MARKER.fullmatch(title)
        ):
            return None
        heading = heading_of(f"{text} {title}")
        if heading is None:
            return None
        return _Found(*heading, last=probe, between=tuple(between))

    def weak_heading_plausible(self, index: int, found: _Found) -> bool:
        """A number + space + title is a heading only when it looks like one and runs in sequence.

        The same shape is a footnote, a table row ("1 4 月 10 日 …"), a date ("6 月 6 日") or a
        katakana word cut at the line end ("クリプ / ト VISA"), so the title must start like a
        title and the number must be the next one of its scheme (or the first).
        """
        title = found.title
        counted = found.scheme.name in _COUNTED_SCHEMES and title.startswith(COUNTER_START)
        if counted or title.startswith(CONTINUATION_START) or title[:1].isdigit():
            return False
        if re.fullmatch(r"(?:\S )+\S", title):
            return False  # letter-spaced text ("タ ス 設"), not a title
        if title.endswith(_TITLE_NEVER_ENDS) or re.search(r"[はが]、", title):
            return False  # "2 IPAは、JPCERT/CCに": a step of a figure or a sentence cut short
        if found.scheme.name.startswith("annex") and re.match(r"[A-Z0-9][^A-Za-z]", title):
            return False  # "付録 B-表1": a caption's label
        if found.scheme.name == "katakana-space" and self.continues_a_word(index):
            return False
        return self.outline.next_in_sequence(found.scheme, found.number) and not self.printed_later(index, found)

    def printed_later(self, index: int, found: _Found) -> bool:
        """Whether the same number is printed later in a stronger form ("2 …" here, "2．…" below).

        A number + space line that a dotted heading of the same number follows (before any
        outer heading) was a step of a figure or a list, not the section.  An annex's label
        (「付録4　…」) is an outer heading too, though its shape is weak: the next annex numbers its
        parts from 1 again.
        """
        value = number_value(found.number)
        for probe in range(found.last + 1, min(len(self.lines), found.last + 400)):
            line = self.lines[probe]
            if line.kind != "body":
                continue
            heading = heading_of(line.text)
            if heading is not None and heading[0].name.startswith("annex") and heading[0].rank < found.scheme.rank:
                return False
            if heading is None or heading[0].weak:
                continue
            if heading[0].rank < found.scheme.rank:
                return False
            if heading[0].rank == found.scheme.rank and number_value(heading[1]) == value:
                return True
        return False

    def continues_a_word(self, index: int) -> bool:
        """Whether the line is the rest of a word cut at the end of the line above it."""
        if index == 0:
            return False
        above = self.lines[index - 1]
        return above.kind == "body" and not above.text.endswith(tuple(CLOSING)) and above.text[-1:].isalpha() \
            and display_width(above.text) >= self.width * 0.85

    def circled_heading(self, index: int) -> tuple[Scheme, str, str] | None:
        """① … standing above a body of its own is a sub-heading (see circled_as_headings)."""
        if index not in self.circled_titles:
            return None
        match = CIRCLED.pattern.fullmatch(self.lines[index].text)
        assert match is not None
        return CIRCLED, match["n"], match["title"].strip()

    def title_kind(self, index: int) -> str | None:
        """The kind of an unnumbered title decided for the whole document: its mark, its label word
        or a bare word (None: no such title)."""
        if index in self.labelled:
            return f"{LABEL_KIND}{self.labelled[index][0]}"
        if index in self.bare:
            return "bare"
        return self.marked.kind(index)

    def title_rest(self, index: int) -> int | None:
        """The line that ends a marked or labelled title cut at its column's edge (None: one line)."""
        if index in self.labelled and self.labelled[index][1] != index:
            return self.labelled[index][1]
        return self.marked.wrapped.get(index)

    def marked_heading(self, index: int) -> tuple[Scheme, str, str] | None:
        """A title set off by a mark (marked_titles.py), numbered under a word (labelled_titles.py)
        or a speech's bare word (bare_titles.py), at the rank its kind nests at (title_ranks.py)."""
        kind = self.title_kind(index)
        if kind is None:
            return None
        return Scheme("marked", self.title_ranks.rank(kind, self.outline), LAYOUT_TITLE), "", self.lines[index].text

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
        if (heading is not None and not display and self.typeset.stopped_short(line) is False
                and not self.typeset.flush_right(line) and self.hanging_title_rest(index) is None):
            return None  # body type running to the column edge: a sentence that starts with a number
        if heading is not None or not title_like(line.text):
            return heading
        if layout.role.startswith("outline-"):
            level = int(layout.role.split("-", 1)[1])
            # Ranks step by ten (numbering.SCHEMES): bookmark level 1 ranks with 第N章.
            return Scheme("outline", min(8, max(1, level)) * 10, LAYOUT_TITLE), "", line.text
        if self.hints.slides:
            return None  # on a slide, large type is a callout; the slide's title is found per slide
        if LIST_MARKER.fullmatch(line.text):
            return None  # a list's item, or a marked line marked_titles.py took for no title
        large = display and self.typeset.is_large(line)
        # A short line centred in its column, set apart or in another face: 「議事録」 over minutes.
        centred = (
            self.typeset.centred(line)
            and (self.typeset.gap_before(line) or line.page_start)  # set apart, not a cell of a table
            and len(line.text) <= CENTRED_TITLE_CHARS
            and not DATE_LINE.fullmatch(line.text)
            and not is_caption(line.text)  # 「表1 …」 centred over its table
            and line.text.replace(" ", "") not in NOT_TITLES
        )
        if not (large or centred) or self.in_title_block(line.page) or self.last_on_its_page(index):
            return None
        rank = min(self.typeset.size_rank(line), 6) * 10 if large else NAMED_RANK
        return Scheme("display", rank, LAYOUT_TITLE), "", line.text

    def last_on_its_page(self, index: int) -> bool:
        """Whether no text of the page's own follows the line on its page (only notes, sources in
        small type, a figure's labels).  A typesetter keeps a heading with the text it heads, so
        display type left last on a page (a slide of a handout) is a label: 「ビッグデータ」 under
        the picture of a diagram, not a section with nothing in it."""
        line = self.lines[index]
        for below in self.lines[index + 1:]:
            if below.page != line.page:
                return True
            layout = below.layout
            if below.kind == "body" and layout is not None and not layout.role and not self.typeset.is_small(below):
                return False
        return True

    def in_title_block(self, page: int) -> bool:
        """Whether the reader is still in the document's title block: on its first page, before
        any heading, table, list or sentence (a cover's title, date and issuing bodies have no 。)."""
        if page != 1:
            return False
        return not any(
            isinstance(item, Heading | Table | ListBlock) or (isinstance(item, Paragraph) and "。" in item.text)
            for item in self.draft.items
        )

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
        if index + 1 >= len(self.lines) or display_width(line.text) < self.width * 0.95:
            return False
        nxt = self.lines[index + 1]
        return (
            nxt.kind == "body"
            and nxt.indent < 2
            and heading_of(nxt.text) is None
            and not LIST_MARKER.fullmatch(nxt.text)
            and not self.title_ends_below(line, nxt)
        )

    def title_ends_below(self, line: Line, rest: Line) -> bool:
        """Whether a numbered line run to the page's edge is a title whose last words stand on the next
        line (「第３ 原薬等登録原簿…作成時の留」 / 「意点」): the rest is short, ends no sentence, and the
        two read as one numbered title (no sentence end, not too long for one)."""
        return (
            display_width(rest.text) < self.width * 0.5
            and not rest.text.endswith(tuple(CLOSING))
            and heading_of(line.text) is not None
            and heading_of(join_text(line.text, rest.text)) is not None
        )

    def numbering_goes_forward(self, scheme: Scheme, number: str, index: int | None = None) -> bool:
        """Record a heading's number; False if it does not follow its predecessor, or if taking the
        line at ``index`` would put more of its numbering's later headings out of sequence than it
        is worth (outline_choice.SequenceChoice: a wrong early call costs one heading, not the rest)."""
        if not self.outline.may_take(scheme.rank, number, index):
            return False
        self.outline.record_number(scheme.rank, number)
        return True

    def punctuation_continuation(self, title: str, index: int) -> tuple[str, int]:
        """A title that pdftotext cut at its punctuation: 「物」 / 、 / 「有価証券」 / 、 / 「船荷証券」とする….

        The next line continues the title while the title ends in a comma or the line starts
        with one (or with a closing bracket); the joined title must still read as a title.
        """
        while index + 1 < len(self.lines):
            nxt = self.lines[index + 1]
            # A title ending in 「、」 or in 「：」 (its subtitle follows) goes on below.
            goes_on = title.endswith(("、", "：")) or nxt.text.startswith(("、", "」", "』", "）"))
            if nxt.kind != "body" or not goes_on:
                break
            joined = join_text(title, nxt.text)
            if len(joined) > 80 or "。" in joined:
                break
            title, index = joined, index + 1
        return title, index

    def heading_continuation(self, title: str, index: int) -> tuple[str, int]:
        """A heading printed over two lines: it runs to the page edge, the rest is short.

        The rest may stand after one blank line (double-spaced documents).
        Returns the joined title and the index of the heading's last line.
        """
        title, index = self.punctuation_continuation(title, index)
        if (self.hints.slides and self.lines[index].layout is None
                and starts_slide(self.lines, index, self.slide_cues.form_feeds)):
            rest = text_title_rest(self.lines, index)  # a slide's title wrapped in its box
            if rest is not None:
                return join_text(title, self.lines[rest].text), rest
        probe = index + 1
        if probe < len(self.lines) and self.lines[probe].kind == "blank":
            probe += 1
        if self.lines[index].layout is not None:
            rest = self.hanging_title_rest(index)
            if rest is None:
                rest = self.particle_title_rest(title, index)
            if rest is not None:
                return join_text(title, self.lines[rest].text), rest
            return self.display_continuation(title, index)
        if probe >= len(self.lines) or display_width(title) < self.width * 0.75:
            return title, index
        rest = self.lines[probe]
        if (
            rest.kind == "body"
            and probe not in self.text_notes.taken  # a footnote's line: the notes step reads it
            and title_like(rest.text)
            and display_width(rest.text) < self.width * 0.5
            and heading_of(rest.text) is None
            and not LIST_MARKER.fullmatch(rest.text)
            and not rest.text.endswith(tuple(CLOSING))
        ):
            return join_text(title, rest.text), probe
        return title, index

    def hanging_title_rest(self, index: int) -> int | None:
        """The line that ends a numbered PDF title wrapped with a hanging indent, or None.

        A notice sets a long heading's second line under its title, right of the number at the
        margin (「第３　原薬等登録原簿…作成時の留」 / 「　　意点」); a paragraph's lines wrap back to its
        margin, never right of its first line.  So a numbered line running to the column's edge is a
        title, not a sentence, when the next line stands indented past its start with no space
        above, stops short, and the two read as one title (no sentence end, no number of its own).
        Back at the margin, the rest is a title's only where the block ends with it (「参考 1 ISO/IEC
        29147:2014 と…ガ」 / 「イドラインの対応」 over a table): a paragraph's last line ends its sentence."""
        line = self.lines[index]
        if (line.layout is None or heading_of(line.text) is None or index + 1 >= len(self.lines)
                or self.typeset.stopped_short(line) is not False):
            return None
        rest = self.lines[index + 1]
        if rest.layout is None:
            return None
        at_margin = rest.layout.x0 < line.layout.x0 + line.layout.size * 0.8
        if (
            rest.kind != "body"
            or rest.page != line.page
            or (at_margin and not self.block_ends_after(index + 1))  # a paragraph's wrap, going on below
            or rest.layout.x0 > line.layout.x0 + line.layout.size * HANGING_TITLE_INDENT  # a label set apart
            or self.typeset.gap_before(rest)
            or not self.typeset.same_size(line, rest)
            or self.typeset.stopped_short(rest) is not True
            or rest.text.endswith(tuple(CLOSING))
            or heading_of(rest.text) is not None
            or LIST_MARKER.fullmatch(rest.text)
        ):
            return None
        return index + 1 if heading_of(join_text(line.text, rest.text)) is not None else None

    def block_ends_after(self, index: int) -> bool:
        """Whether the PDF line at ``index`` ends its block: what follows is no line of the same text (a
        figure's or a note's line, another face, space above, a paragraph's first-line indent, a page)."""
        line = self.lines[index]
        if index + 1 >= len(self.lines):
            return True
        nxt = self.lines[index + 1]
        return (nxt.kind != "body" or nxt.layout is None or bool(nxt.layout.role) or nxt.page != line.page
                or self.typeset.gap_before(nxt) or nxt.indent >= 2 or not self.typeset.same_style(line, nxt))

    def particle_title_rest(self, title: str, index: int) -> int | None:
        """The next PDF line when it goes on with the title: it starts with a particle (「に記載する機能区分
        コードについて」 under a centred 「…保険適用希望書（希望区分B）」), which no line of its own does, on the
        same page with no space above, and the two still read as a title."""
        line = self.lines[index]
        if index + 1 >= len(self.lines):
            return None
        rest = self.lines[index + 1]
        if (
            rest.kind != "body"
            or rest.page != line.page
            or not rest.text.startswith(_NEVER_STARTS_A_TITLE)
            or self.typeset.gap_before(rest)
            or not self.typeset.same_size(line, rest)
            or not title_like(join_text(title, rest.text))
        ):
            return None
        return index + 1

    def numbered_points_in_bold(self, index: int, found: _Found) -> bool:
        """Whether a numbered line in display type is one of a list's points set in bold, not a heading:
        its bold text, or its next sibling's, runs on longer than a title (past TITLE_CHARS, or through a
        sentence's end).  A white paper sets the points a declaration makes in bold (「（1）以下の4要素から
        構成される…の策定」, 「（2）…作業計画（賛同国増加に向けたアウトリーチ、…の継続）」 over eight lines); one
        point too long for a title makes the run a list."""
        if self.display_runs_past_a_title(index):
            return True
        value = number_value(found.number)
        for probe in range(index + 1, min(len(self.lines), index + SIBLING_REACH)):
            line = self.lines[probe]
            if line.kind != "body":
                continue
            match = found.scheme.pattern.fullmatch(line.text)
            if match is not None and "n" in match.groupdict() and value is not None \
                    and number_value(match["n"]) == value + 1:
                return bool(self.typeset.is_display(line)) and self.display_runs_past_a_title(probe)
            heading = heading_of(line.text)
            if heading is not None and heading[0].rank < found.scheme.rank:
                return False
        return False

    def display_runs_past_a_title(self, index: int) -> bool:
        """Whether the display type starting at ``index`` goes on, line after line run to the column's
        edge, longer than a title: past TITLE_CHARS, or through a sentence's end."""
        line = self.lines[index]
        text, probe = line.text, index + 1
        while probe < len(self.lines) and not self.typeset.stopped_short(self.lines[probe - 1]):
            rest = self.lines[probe]
            if (rest.kind != "body" or rest.page != line.page or self.typeset.gap_before(rest)
                    or rest.indent >= 2 or not self.typeset.same_style(line, rest)):
                break  # a paragraph's first line below a title set in the text's own bold face stops it
            text, probe = join_text(text, rest.text), probe + 1
        return len(text) > TITLE_CHARS or "。" in text[:-1]

    def display_continuation(self, title: str, index: int) -> tuple[str, int]:
        """A PDF heading continues on the next lines set in the same display style, with no gap,
        as long as its last line ran to the column's edge (a line that stopped short is whole) and
        the next is not indented as a paragraph's first line (but it may hang under the title's
        words after its mark: 「● AIに関する国際連携イニシアティブ / 　（GPAI）」)."""
        line = self.lines[index]
        probe = index + 1
        while probe < len(self.lines):
            rest = self.lines[probe]
            if (
                self.typeset.stopped_short(self.lines[probe - 1])
                or (rest.indent >= 2 and not hangs_under(line, rest))
                or rest.kind != "body"
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

    def untaken(self, first: int, last: int) -> bool:
        """Whether no line from ``first`` to ``last`` is a footnote's (text_footnotes): a table kept
        as printed must not swallow the notes found among its lines."""
        return not any(index in self.text_notes.taken for index in range(first, last + 1))


# ---------------------------------------------------------------------------
# What a line is read as, in order of precedence
# ---------------------------------------------------------------------------
# Each step is (what it reads, whether it applies at the line, how the builder reads it). The
# first step that applies and does not decline (None) reads the line and gives the index to go on
# from; the last, read_line, takes every body line left (headings, lists, paragraphs). The blocks
# themselves come from runs.py and slides.py; these only add what those return to the draft.
# (In the tests below, b is the builder and i the line's index.)


def _skip(builder: _Builder, index: int) -> int:
    return index + 1


def _text_notes(builder: _Builder, index: int) -> int:
    """A line of footnotes found among the text (text_footnotes): its notes go where it stood."""
    if index in builder.text_notes.at:
        builder.close_list()
        builder.draft.footnotes.extend(builder.text_notes.at[index])
    return index + 1


def _notes_under_rule(builder: _Builder, index: int) -> int:
    notes, after = read_footnotes(builder.lines, index + 1, builder.width)
    builder.draft.footnotes.extend(notes)
    return after


def _cover(builder: _Builder, index: int) -> int:
    builder.close_list()
    paragraphs, after = read_cover(builder.lines, index, builder.cover)
    for paragraph in paragraphs:
        builder.add(paragraph)
    return after


def _starts_slide(builder: _Builder, index: int) -> bool:
    return builder.hints.slides and starts_slide(builder.lines, index, builder.slide_cues.form_feeds)


def _slide_title(builder: _Builder, index: int) -> int | None:
    """The title of the slide starting here, before its text; declines when the line is not (part
    of) the title, which the later steps then read."""
    builder.add_slide_title(slide_title(builder.lines, index, builder.slide_cues))
    return index + 1 if builder.lines[index].number in builder.slide_titles_taken else None


def _pdf_notes(builder: _Builder, index: int) -> int | None:
    """Small type at a page's foot (PDF reader): footnotes, unless no note starts the run."""
    notes, after = read_footnotes(builder.lines, index, builder.width)
    builder.draft.footnotes.extend(notes)
    if after == index:
        return None
    builder.close_list()
    return after


def _not_body(builder: _Builder, index: int) -> int:
    """Furniture and blank lines are no text; a blank line is counted against the open paragraph."""
    if builder.lines[index].kind == "blank" and builder.open is not None:
        builder.blank_since_open += 1
    return index + 1


def _preformatted(builder: _Builder, index: int) -> int:
    bounds = preformatted_range(builder.hints.preformatted, builder.lines[index].number)
    assert bounds is not None  # the step applies only inside a range
    return builder.add_run(read_preformatted(builder.lines, index, bounds))


def _numbered_rows(builder: _Builder, index: int) -> int | None:
    last = builder.row_runs[index]
    return builder.add_run(read_rows(builder.lines, index, last)) if builder.untaken(index, last) else None


def _cells(builder: _Builder, index: int) -> int | None:
    last = cell_run(builder.lines, index)
    if last is None or not builder.untaken(index, last):
        return None
    return builder.add_run(read_rows(builder.lines, index, last))


def _named_slide_title(builder: _Builder, index: int) -> int:
    """A slide title the catalog names where no slide start was seen (the text ran two slides
    together): its heading stands where it is printed."""
    titles = text_title_block(builder.lines, index)
    builder.add_slide_title(titles)
    return titles[-1] + 1


def _layout_role(builder: _Builder, index: int, role: str) -> bool:
    line = builder.lines[index]
    return line.kind == "body" and line.layout is not None and line.layout.role == role


ReadingStep = tuple[str, Callable[[_Builder, int], bool], Callable[[_Builder, int], int | None]]

READING_STEPS: tuple[ReadingStep, ...] = (
    # Lines read already: by a heading over several lines (proceedings_heading), as notes found among
    # the text, or as a slide's title; notes under a rule run to the next page's text.
    ("taken by a heading", lambda b, i: i in b.taken, _skip),
    ("notes among the text", lambda b, i: i in b.text_notes.taken, _text_notes),
    ("notes under a footnote rule", lambda b, i: b.lines[i].kind == "footnote-rule", _notes_under_rule),
    ("a slide's title, read", lambda b, i: b.lines[i].number in b.slide_titles_taken, _skip),
    # A PDF's cover is text (title, issuer, date), never a section.
    ("the cover", lambda b, i: b.lines[i].number in b.cover, _cover),
    # A PDF slide's title before its figure: a title drawn in a box is read as the title.
    ("a PDF slide's title", lambda b, i: b.lines[i].layout is not None and b.lines[i].kind == "body"
     and _starts_slide(b, i), _slide_title),
    ("a figure's labels", lambda b, i: _layout_role(b, i, "figure"),
     lambda b, i: b.add_run(read_figure(b.lines, i, b.hints.slides))),
    ("notes in small type", lambda b, i: _layout_role(b, i, "footnote"), _pdf_notes),
    ("furniture and blank lines", lambda b, i: b.lines[i].kind != "body", _not_body),
    # Body lines from here on. Runs kept as printed: the catalog's ranges, then a flattened table's
    # numbered rows and cells (text sources), before any of their lines is taken for a heading.
    ("a range kept as printed", lambda b, i: preformatted_range(b.hints.preformatted, b.lines[i].number)
     is not None, _preformatted),
    ("a flattened table's rows", lambda b, i: i in b.row_runs, _numbered_rows),
    ("a flattened table's cells", lambda b, i: b.text_source, _cells),
    # A text slide's title (after a form feed or blank lines), then one the catalog names anywhere.
    ("a text slide's title", lambda b, i: b.lines[i].layout is None and _starts_slide(b, i), _slide_title),
    ("a named slide title", lambda b, i: named_slide_title(b.lines[i], b.hints.slide_titles), _named_slide_title),
    ("a tab-separated table", lambda b, i: "\t" in b.lines[i].text, lambda b, i: b.add_run(read_table(b.lines, i))),
    ("a meeting's particulars", lambda b, i: starts_particulars(b.lines, i),
     lambda b, i: b.add_run(read_particulars(b.lines, i))),
    # Everything else: a heading, a list item or paragraph text.
    ("a heading, a list or text", lambda b, i: True, lambda b, i: b.read_line(i)),
)


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


def speaker_labels(lines: list[Line]) -> frozenset[int]:
    """Indexes of the speaker labels of minutes: "○藤田部会長", "〇渡辺幹事", "（Ａ）".

    A ○ line is a speaker when it names a role (委員, 幹事, 部会長 …) or recurs three times
    or more (a heading is printed once); an anonymised speaker is a capital in brackets.
    A turn is a paragraph that names its speaker, not a section.
    """
    found: list[tuple[int, str, bool]] = []
    for index, line in enumerate(lines):
        # The label alone on its line (pdftotext), or opening the line of its turn (a PDF's line).
        if line.kind != "body":
            continue
        match = _SPEAKER.fullmatch(line.text) or _SPEAKER_OPENING.fullmatch(line.text)
        if match:
            found.append((index, match["name"] or match["anon"], match["anon"] is not None))
    counts = Counter(name for _, name, _ in found)
    return frozenset(
        index for index, name, anonymous in found
        if anonymous or name.endswith(_SPEAKER_ROLES) or counts[name] >= 3
    )


def circled_titles(lines: list[Line], width: int) -> frozenset[int]:
    """Indexes of the ① … lines that are sub-headings: one decision per run ①, ②, ③ ….

    A circled number is a sub-heading when its line is a short title standing above prose of
    its own; it is a list item when the next line is the next item, a bullet, or the rest of
    a wrapped sentence.  The run decides as a whole (by majority), so one document does not
    mix ① as a heading with ② as a list item.
    """
    runs: list[list[tuple[int, bool]]] = []
    last_value = 0
    for index, line in enumerate(lines):
        match = CIRCLED.pattern.fullmatch(line.text) if line.kind == "body" else None
        if match is None:
            continue
        value = CIRCLED_NUMBERS_INDEX[match["n"]]
        if value != last_value + 1 or not runs:
            runs.append([])
        last_value = value
        runs[-1].append((index, _circled_title_above_prose(lines, index, match["title"], width)))
    chosen: set[int] = set()
    for run in runs:
        starts_at_one = CIRCLED.pattern.fullmatch(lines[run[0][0]].text)["n"] == "①"  # type: ignore[index]
        # A lone ① is a label in a figure more often than a sub-heading: a run has two or more.
        if starts_at_one and len(run) > 1 and 2 * sum(qualifies for _, qualifies in run) >= len(run):
            # The whole run: a member whose title wraps onto a second line is a heading too.
            chosen.update(index for index, _ in run if "。" not in lines[index].text and len(lines[index].text) <= 80)
    return frozenset(chosen)


CIRCLED_NUMBERS_INDEX = {ch: n for n, ch in enumerate("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳", start=1)}


def _circled_shape(text: str, width: int) -> bool:
    """A title's shape: short of the page width, no sentence end."""
    match = CIRCLED.pattern.fullmatch(text)
    return (
        match is not None
        and title_like(match["title"])
        and not text.endswith(tuple(FULL_STOPS))
        and display_width(text) < width * 0.85
    )


def _circled_title_above_prose(lines: list[Line], index: int, title: str, width: int) -> bool:
    if not _circled_shape(lines[index].text, width):
        return False
    probe = index + 1
    while probe < len(lines) and lines[probe].kind == "blank":
        probe += 1
    if probe >= len(lines) or lines[probe].kind != "body":
        return False
    text = lines[probe].text
    if LIST_MARKER.fullmatch(text) or heading_of(text) is not None:
        return False  # the next item, a bullet or a heading: ① was an item of a list
    if text.startswith(CONTINUATION_START) or "\t" in text:
        return False  # the rest of a wrapped line, or a table row
    return _sentence_before_next_item(lines, probe)


def _sentence_before_next_item(lines: list[Line], start: int) -> bool:
    """Whether a sentence (a 。) comes before the next numbered line: a sub-heading's body is
    prose; a table's group row ("① 国、地方公共団体等による…" over 施策 | 省庁 cells) has none."""
    for line in lines[start : start + 60]:
        if line.kind != "body":
            continue
        if line is not lines[start] and (CIRCLED.pattern.fullmatch(line.text) or heading_of(line.text)):
            return False
        if "。" in line.text:
            return True
    return False



def read_structure(lines: list[Line], hints: Hints) -> Draft:
    hints, _ = resolve_text_hints(lines, hints)
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
