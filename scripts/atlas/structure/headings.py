"""Which line heads a part: the heading decision, apart from the builder that reads the lines.

The structure step (structure.py) reads a document's lines in order; at each body line it asks
``decide_heading`` whether a heading starts there.  The answer is a ``Decision``: the heading found
(its scheme, number, title, last line, and how its number is to be recorded), or none — with, when
the line is kept as text for a reason the rest of the document must know, that reason (a table's
run of cell labels starts here; a number out of sequence, which the reader is told of).

What the decision reads is of two kinds:

- ``HeadingEvidence``: what the whole document says, fixed before reading (its lines and their
  typesetting, the titles decided for the whole document: marked, labelled, bare-word and circled
  titles, sibling runs of numbers, notes at a page's foot).  Its questions need nothing else.
- the outline read so far: the numbering state (``OutlineQuestions``, answered by
  outline_state.OutlineState, whose questions never change it) and the blocks read so far.

Nothing here changes either: the builder applies the decision — emits the heading and records it
in the state (builder.DraftBuilder.emit_heading), or records the run of cell labels, or notes the
number out of sequence.  So a decision can be asked again, or about a line further on, and gives
the same answer; a refused candidate leaves no trace.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Protocol

from ..config.hints import Hints, folded
from ..model.document import Block, Heading, Line, ListBlock, OutOfOrder, Paragraph, Table
from ..text.numbering import (
    ANNEX_LABEL,
    ARTICLE_NUMBER,
    BULLETS,
    CIRCLED,
    CLOSING,
    CLOSING_BRACKETS,
    CONTINUATION_START,
    COUNTER_START,
    DISPLAYED_FIGURE,
    FULL_STOPS,
    HALF_WIDTH_STOPS,
    LIST_MARKER,
    LONGEST_DISPLAY_TITLE,
    NEVER_STARTS_A_TITLE,
    NUMBER_ALONE,
    SCHEMES,
    SENTENCE_STOPS,
    Scheme,
    display_width,
    explains_a_symbol,
    heading_of,
    is_caption,
    join_text,
    lists_its_next_numbers,
    long_numbered_title,
    number_token,
    number_value,
    opens_a_sentence,
    title_like,
)
from ..text.wareki import CALENDAR_DAY, DATE_LINE
from .bare_titles import bare_titles
from .bold_titles import bold_titles
from .contents_titles import contents_titles
from .document_ranks import DocumentRanks
from .flattened import EVIDENCE, cells_around
from .front_matter import members_list_titles
from .judgment_parts import judgment_parts
from .labelled_titles import answer_lines, labelled_titles
from .marked_titles import (
    ARTICLE_CAPTION,
    FORM_CAPTION,
    LIST_LEVEL_KIND,
    MarkedTitles,
    closes_the_articles,
    labels_an_annex,
    marked_titles,
)
from .outline_state import NumberedHeading
from .page_foot_notes import page_foot_notes
from .part_titles import FIRST, part_titles, sequel_rank, titles_over_a_first_number
from .runs import next_content
from .sibling_runs import bare_sibling_runs
from .slides import DeckNumbering, title_again
from .title_ranks import (
    IN_BOX_KIND,
    LABEL_KIND,
    NAMED_RANK,
    box_rank,
    is_column_label,
    title_rank,
    titles_under_a_box_label,
)
from .topic_titles import TOPIC_KIND, topic_titles
from .typeset import PAGE_BODY_CHARS, Typesetting

# A centred title is short (「議事録」「議 事」「はじめに」); centred words that close or open a
# notice are not titles.
CENTRED_TITLE_CHARS = 12
# An annex's or a form's own name printed under its label (「…誓約事項」, 「…申請書」) is a title: short.
ANNEX_NAME_CHARS = 40
# An unnumbered line set this many times the size of the numbered heading open above it on its page, or
# larger, is that heading's label or callout, never a part of it (set_larger_than_its_heading).
OUTSIZE_OVER_HEADING = 1.3
# An unnumbered title this much larger than every numbered heading open above it is no part of them
# (beside_the_part_it_closes): a size step up from 10.5 pt headings is 12 pt, an article's title 13.5 pt.
TITLE_OVER_NUMBERING = 1.2
# A numbered line goes on with the list above it when at least this many of its items count up to it.
LIST_BEFORE_ITS_ITEM = 2
NOT_TITLES = frozenset({"以上", "記", "別記", "(案)", "（案）"})
# A heading found by its typesetting or a bookmark has no numbering pattern of its own.
LAYOUT_TITLE = re.compile(r"(?P<title>.+)")
# An annex label alone ("付録 A" over its first part "A-1 …"): the heading is the label itself.
ANNEX_LABEL_ALONE = next(scheme for scheme in SCHEMES if scheme.name == "annex-alone")
# A part's title numbered in its own name (part_titles.sequel_rank): nested at its predecessor's rank.
SEQUEL = Scheme("sequel", 0, re.compile(r"(?!)"))
# A judgment's part named in set words (judgment_parts.py): its rank is the one judgment_parts gives.
JUDGMENT_PART = Scheme("judgment", 0, LAYOUT_TITLE)
# A label word in brackets over a numbering that starts again (part_titles.titles_over_a_first_number): its
# rank is the one that numbering's restart gives it.
RESTART_LABEL = Scheme("label", NAMED_RANK, LAYOUT_TITLE)
_NEVER_STARTS_A_TITLE = NEVER_STARTS_A_TITLE  # a particle or closing punctuation (は does begin one: はじめに)
# Schemes whose number could be a count ("6 月", "第1 回"), not a section number.
_COUNTED_SCHEMES = ("number-space", "subnumber-dash-space", "kanji", "kanjiparen", "dai")
# A sentence's end, then a numbered heading to the end of the line (glued_heading).
_GLUED_HEADING = re.compile(
    r"(?P<before>.*[。」）])(?P<heading>(?:\d{1,2}[．.]|[（(]\d{1,2}[）)]|第\d{1,2}章)\s*\S.{0,58})"
)
# A clause's number cited in a sentence: the number, then the word for what it numbers and a particle
# (「5.2.1 節に…」「3 章で…」「2.1 項の…」) — never the title of the clause itself.
_CITED_CLAUSE = re.compile(r"[章節項条][をにがでとへやのはも、]")
# A version's number, not a section's: 「1.2 版」 under a specification's title on its cover.
_EDITION = re.compile(r"版[）)]?")
# A clause, not a title: a subject marked off by a comma, or a verb cut off by the cell's edge.
# A topic or subject marked with は、/が、: a sentence, never a title.
_SUBJECT_MARKED = re.compile(r"[はが]、")
# 「条約」「条件」「条例」: a word opening a 第N label's title (「第2 条約の位置付け」), not the 条 of 第2条.
_WORD_OF_JO = re.compile(r"条[\u4e00-\u9fff々](?<!第)")
# A short title spread to fill its box (均等割付): two to four kanji, one space between each.
_SPACED_KANJI = re.compile(r"[\u4e00-\u9fff々](?: [\u4e00-\u9fff々]){1,3}")
# An excerpt's run of articles left out: 「第2条～第7条［略］」, 「第11条～第46条」 (no body of their own).
_ELIDED_ARTICLES = re.compile(
    rf"(?P<a>{ARTICLE_NUMBER})\s*[～〜~]\s*(?P<b>{ARTICLE_NUMBER})\s*(?:[［\[（(]\s*略\s*[］\]）)])?")
_SENTENCE_LIKE = re.compile(r"[はが]、|[ぁ-ゖ](?<![へて])$")
# Particles and a comma: a title does not end on them, a cut sentence does.
_TITLE_NEVER_ENDS = tuple("にをがはでとへやのも、")
# Schemes that open a document's parts (第N章, 付録, はじめに …): never a table cell's label.
_OUTER_SCHEMES = ("annex", "chapter", "section", "roman", "named")
# A title standing apart is read as one past this many characters, whatever word opens it.
SET_APART_TITLE_CHARS = 12
# How many lines hung under a numbered line's text are followed to find its sentence's end.
HANGING_LINES = 8
# A table cell's fragment: a line this much of the page's width or less (「データの混在」).
_CELL_FRAGMENT = 0.3
# A document's outermost parts (第N章, Ⅰ．) are numbered once each; lower levels repeat (「１．概要」
# under each Ⅰ．, 「ア　問題の所在」 under each section).
PARTS_RANK = 12
# Body lines looked at above and below a numbered line for its document's part headings printed again.
REFERENCE_REACH = 8
# Table cells around a number that skips ahead of its numbering before it is read as a cell's label.
SKIP_EVIDENCE = 2 * EVIDENCE
# Type this much smaller than the body's is no heading's (a running head, a note).
_SMALLER_THAN_BODY = 0.9
# A title is at most this long (numbering.title_like); bold text running longer is a point, not a title.
TITLE_CHARS = 60
# Large type running on over this many lines more into a sentence's end is a page's lead text.
LEAD_LINES = 2
# A bracketed aside (「（…。）」): a 。 inside it ends the aside, not a sentence the line above runs into —
# a numbered step set large with its note in brackets under it (a slide's 「1. …」 over 「(…を例に説明。)」)
# is a title with its note, no lead text.
_BRACKETED = re.compile(r"[（(][^（()）]*[）)]")
# Lines looked at below a numbered point for its next sibling.
SIBLING_REACH = 40
# A numbering set as titles in one face this many times over the document titles its parts with it.
TITLES_IN_FACE = 3
# Numbers that name a place in a whole text (第N章, 第N節): an excerpt quoting one starts where it quotes.
_PLACE_SCHEMES = ("chapter", "section")
# A wrapped title's second line stands under its words, at most this many characters right of its number.
HANGING_TITLE_INDENT = 6


def heading_key(text: str) -> str:
    """A heading's number and title folded for comparison: 「Ⅲ．本…」 and 「Ⅲ. 本…」 are one."""
    return unicodedata.normalize("NFKC", folded(text))


@dataclass(frozen=True)
class Found:
    """A heading found in the lines: its scheme, number and title, and its last line's index."""

    scheme: Scheme
    number: str
    title: str
    last: int
    # Lines standing between a lone number and its title (a figure caption), kept as blocks.
    between: tuple[tuple[Line, str], ...] = ()
    rank: int | None = None  # set for a numbering nested inside a section (starts_nested_run)
    # How its number is recorded once it is emitted: "number" (the next of its rank), "nested-start"
    # (a numbering starting again inside a section), "nested-next" (that numbering's next number).
    numbering: str = "number"
    kind: str = ""  # an unnumbered title's kind (title_kind): its rank is recorded for the next one


@dataclass(frozen=True)
class Decision:
    """What a line is, asked whether a heading starts there: the heading ``found`` (None: none), and,
    for a line kept as text, what the builder records or tells of it."""

    found: Found | None = None
    # A flattened table's cell labels start here: headings of this rank are cells up to the next
    # outer heading (OutlineState.record_cell_run).
    cell_run: int | None = None
    # A numbered line kept as text because its number goes back (diagnose.out_of_order tells it).
    out_of_order: OutOfOrder | None = None


NOT_A_HEADING = Decision()


class OutlineQuestions(Protocol):
    """The questions the decision asks of the outline read so far (outline_state.OutlineState's,
    which never change it)."""

    def last(self, rank: int) -> int | None: ...
    def may_take(self, rank: int, number: str, index: int | None = None) -> bool: ...
    def next_in_sequence(self, scheme: Scheme, number: str) -> bool: ...
    def innermost_rank(self) -> int | None: ...
    def is_open(self, rank: int) -> bool: ...
    def in_nested_run(self, rank: int) -> bool: ...
    def nested_rank_next(self, rank: int, number: str) -> int | None: ...
    def nested_start_rank(self) -> int | None: ...
    def in_cell_run(self, rank: int) -> bool: ...
    def marked_rank(self, kind: str) -> int | None: ...
    def main_provisions_rank(self, caption_kind: str) -> int | None: ...
    def open_marked_ranks(self) -> dict[str, int]: ...
    def repeats_a_part(self, key: str) -> bool: ...
    def number_fits_parent(self, found: NumberedHeading) -> bool: ...
    @property
    def in_annex(self) -> bool: ...
    @property
    def last_heading_end(self) -> int: ...


# Unnumbered titles set larger than the body rank by their size, the largest first, down to this many
# sizes (layout_heading); a list level's titles, set in the body's size, rank under all of them, so a
# title set larger after them (a part's closing remarks in 12 pt bold) closes them.
DISPLAY_SIZES = 6
BODY_SIZE_TITLE_RANK = DISPLAY_SIZES * 10 + 1
# A bold title set a little above the body's size (11 pt over 10.5, not large enough to rank by its
# size) is outer to the titles set in the body's bold under it (a bracket label 「［要点1］」, a column's
# label: ranked with the named parts, numbering.SCHEMES "named"), as a Word document's styles
# 「見出し 1」 and 「見出し 2」 are set.
BOLD_ABOVE_BODY_RANK = NAMED_RANK - 1
# A page-designed document's page titles (typeset.is_page_title) are its outer rank: outer to any
# numbering and to a one-off headline set larger on one page (an inserted flyer's, a cover's); only an
# annex or attachment label (ranks 3 to 5) holds them.
PAGE_TITLE_RANK = 6


def decide_heading(evidence: HeadingEvidence, index: int, outline: OutlineQuestions,
                   read: Sequence[Block | Heading]) -> Decision:
    """Whether a heading starts at line ``index``, given the document's evidence, the outline's
    numbering so far and the blocks read so far (``read``, in order)."""
    return _Question(evidence, outline, read).decide(index)


def glued_heading(evidence: HeadingEvidence, index: int, outline: OutlineQuestions) -> tuple[str, Found] | None:
    """A heading run onto the end of line ``index``: the text before it and the heading (None: none)."""
    return _Question(evidence, outline, ()).glued_heading(index)


@dataclass(frozen=True)
class HeadingEvidence:
    """What the whole document says about its headings, fixed before the lines are read."""

    lines: list[Line]
    width: int  # the text's wrap width (numbering.wrap_width)
    hints: Hints
    typeset: Typesetting  # layout evidence (PDF sources); answers None otherwise
    # ① … lines that are sub-headings (circled_titles), decided run by run.
    circled_titles: frozenset[int]
    # Titles set off by a mark (marked_titles.py), numbered under a word (labelled_titles.py), a
    # speech's bare-word titles (bare_titles.py).
    marked: MarkedTitles
    labelled: dict[int, tuple[str, int]]  # line → (its label word, its last line)
    bare: frozenset[int]
    # Marked titles right under a box's label (title_ranks.titles_under_a_box_label): the box's own.
    in_boxes: frozenset[int]
    # Numbered lines one under another with no text between (sibling_runs.py): a list.
    sibling_runs: frozenset[int]
    # Numbered lines that close a page (page_foot_notes.py): notes, never headings.
    foot_notes: frozenset[int]
    # Unnumbered part titles (part_titles.py): line → the rank outer to the numbering they head.
    part_titles: dict[int, int]
    # Body lines a leader contents list names, number and title (contents_titles.py): its parts' headings.
    contents_named: frozenset[int]
    text_source: bool  # no line has a PDF layout: flattened tables are looked for in the text
    # Named titles and bracketed label words over a first number (part_titles.py): line → that numbering's rank.
    over_first_numbers: dict[int, int]
    # The ranks the document gives its numbered lines, off the convention (document_ranks.py).
    ranks: DocumentRanks = field(default_factory=DocumentRanks)
    # Unnumbered titles in bold at about the body's size, each over its text (bold_titles.py).
    bold: frozenset[int] = frozenset()
    # Lines that print the cover's title again (over the contents, over the text's first page): the
    # document's name, never a part of it (slides.title_again).
    title_again: frozenset[int] = frozenset()
    # Unnumbered titles over a list of members (「○○会議 構成員」, front_matter.py): front matter while
    # no heading has been read.
    members_lists: frozenset[int] = frozenset()
    # The lines of a Q&A's answers (labelled_titles.answer_lines): a line set off by a mark there (「○…」)
    # is a point of the answer, never a heading.
    in_answers: frozenset[int] = frozenset()
    # Titles naming their block's topic, 「…について」 alone on their lines over its text (topic_titles.py).
    topics: frozenset[int] = frozenset()
    # A deck's numbered steps under its numbered slide titles, and its slide titles that repeat their
    # divider's number (slides.deck_numbering).
    deck: DeckNumbering = field(default_factory=DeckNumbering)
    # A judgment's parts named in set words (主文, 理由, a ground of appeal, a separate opinion:
    # judgment_parts.py): line → rank.
    judgment: dict[int, int] = field(default_factory=dict)

    @classmethod
    def of(cls, lines: list[Line], hints: Hints, width: int, typeset: Typesetting,
           ranks: DocumentRanks | None = None, cover: frozenset[int] = frozenset(),
           deck: DeckNumbering | None = None) -> HeadingEvidence:
        """The evidence of a document's lines (``width``: their wrap width; ``typeset``: their layout;
        ``ranks``: the ranks the document gives its numbered lines, document_ranks.py; ``cover``: the
        numbers of the cover's lines, slides.cover_lines; ``deck``: a deck's numbered steps and repeated
        numbers, slides.deck_numbering)."""
        marked, labelled = marked_titles(lines, width, typeset), labelled_titles(lines, width)
        return cls(
            lines, width, hints, typeset,
            circled_titles=circled_titles(lines, width, typeset),
            marked=marked,
            labelled=labelled,
            bare=bare_titles(lines),
            in_boxes=titles_under_a_box_label(lines, marked.kinds, labelled),
            sibling_runs=bare_sibling_runs(lines),
            foot_notes=page_foot_notes(lines),
            part_titles=part_titles(lines, typeset),
            contents_named=contents_titles(lines),
            text_source=not any(line.layout is not None for line in lines),
            over_first_numbers=titles_over_a_first_number(lines),
            ranks=ranks or DocumentRanks(),
            bold=bold_titles(lines, typeset),
            title_again=title_again(lines, cover),
            members_lists=members_list_titles(lines),
            in_answers=answer_lines(lines, labelled),
            topics=topic_titles(lines, width, typeset),
            deck=deck or DeckNumbering(),
            judgment=judgment_parts(lines),
        )

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

    def annex_name_below(self, index: int) -> int | None:
        """The line naming the annex or form whose label stands alone at ``index`` (「別紙」, 「（様式第１）」):
        the next line on its page, set apart from the body as a name is, centred or larger than the
        body, short and no sentence (None: none).  A rules document prints an annex's label at the top
        left and the annex's name under it, centred or set large; a reader cites the annex by both, so
        they are one heading.  Text under the label in the body's own place and type is the annex's
        text, never its name."""
        below = self.next_content(index)
        if below is None:
            return None
        line, name = self.lines[below], self.lines[below].text
        if line.page != self.lines[index].page or line.layout is None:
            return None
        # (a form's page of little else measures a column no wider than the name: centred in the frame)
        if not (self.typeset.centred(line) or self.typeset.centred_in_frame(line) or self.typeset.is_large(line)):
            return None
        if (len(name) > ANNEX_NAME_CHARS or not title_like(name) or name.endswith(tuple(FULL_STOPS))
                or name.startswith(_NEVER_STARTS_A_TITLE) or name.replace(" ", "") in NOT_TITLES
                or heading_of(name) is not None or LIST_MARKER.fullmatch(name) or labels_an_annex(name)
                or DATE_LINE.fullmatch(name) or is_caption(name) or self.wraps_into_next_line(below)):
            return None
        return below

    def number_alone_heading(self, index: int) -> Found | None:
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
        # A dotted number's title set in display type may run past a title's 60 characters (a term
        # entry 「3.17」 over its term and the term's English gloss): the type says it is a title.
        long = long_numbered_title(f"{text} {title}") if self.typeset.is_display(self.lines[probe]) else None
        below = heading_of(title)
        parts_below = below is not None and (not below[0].weak or below[0].name.startswith("lettered"))
        if parts_below and annex and not between:
            # "付録 A" over "A-1 特性別…": the annex's label is its heading; its parts follow.
            return Found(ANNEX_LABEL_ALONE, "", text, last=index)
        if (
            not (title_like(title) or long)
            or len(title) < 2  # "第１ / 日 / 時": letter-spaced particulars, not a title
            or title.startswith(_NEVER_STARTS_A_TITLE)  # "第４章 / に示すとおり…": a reference in a sentence
            or NUMBER_ALONE.fullmatch(title)
            or title.endswith(tuple(FULL_STOPS))
            or self.wraps_into_next_line(probe)
            or heading_of(title) is not None
            or LIST_MARKER.fullmatch(title)
        ):
            return None
        heading = heading_of(f"{text} {title}") or long
        if heading is None:
            return None
        return Found(*heading, last=probe, between=tuple(between))

    def wraps_into_next_line(self, index: int) -> bool:
        """A full-width line followed at once by more text is a wrapped paragraph, not a title.  A
        table's row (its cells tab-separated) is no more of it: a section's line over a table (a
        spreadsheet's 「1 …（前月末まで）」 as wide as its notes) goes on with no sentence."""
        line = self.lines[index]
        if index + 1 >= len(self.lines) or display_width(line.text) < self.width * 0.85:
            return False
        nxt = self.lines[index + 1]
        # Back at the margin under a line run to the edge, or hung under the item's text to a 。.
        wrapped = nxt.indent < 2 and display_width(line.text) >= self.width * 0.95
        return (
            nxt.kind == "body"
            and "\t" not in nxt.text
            and (wrapped or (nxt.indent >= 2 and self.hangs_to_a_sentence_end(index + 1)))
            and heading_of(nxt.text) is None
            and not LIST_MARKER.fullmatch(nxt.text)
            and not self.title_ends_below(line, nxt)
        )

    def hangs_to_a_sentence_end(self, index: int) -> bool:
        """Whether the indented lines from ``index`` on (an item's text hung under its text, 「⑴ …」 /
        「　 …ある。」) end a sentence: a numbered paragraph's, where a wrapped title's rest ends none."""
        for line in self.lines[index : index + HANGING_LINES]:
            if line.kind != "body" or line.indent < 2 or heading_of(line.text) is not None:
                return False
            if "。" in line.text:
                return True
        return False

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
        or a bare word (None: no such title).  An article's caption, its 附則 and its annexes are
        siblings whatever else the line looks like: the statute's articles decide them, where a bare
        word's run or a label's sees the line alone."""
        if self.marked.kind(index) == ARTICLE_CAPTION:
            return ARTICLE_CAPTION
        if index in self.labelled:
            return f"{LABEL_KIND}{self.labelled[index][0]}"
        if index in self.bare:
            return "bare"
        if index in self.topics:
            return TOPIC_KIND
        kind = self.marked.kind(index)
        return f"{IN_BOX_KIND}{kind}" if kind is not None and index in self.in_boxes else kind

    def title_rest(self, index: int) -> int | None:
        """The line that ends a marked or labelled title cut at its column's edge (None: one line)."""
        if index in self.labelled and self.labelled[index][1] != index:
            return self.labelled[index][1]
        return self.marked.wrapped.get(index)

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

    def display_rank(self, line: Line) -> int | None:
        """The rank an unnumbered title set in display type clearly larger than the body takes by its
        size, the largest first (None: not set so)."""
        if self.typeset.is_display(line) is not True or not self.typeset.is_large(line):
            return None
        if self.typeset.is_page_title(line) and not self.hints.slides:
            return PAGE_TITLE_RANK  # (a deck's slide titles are found slide by slide: slides.py)
        return min(self.typeset.size_rank(line), DISPLAY_SIZES) * 10

    def line_at(self, number: int) -> Line | None:
        """The line whose source line number is ``number`` (None: no such line)."""
        return self._lines_by_number.get(number)

    @functools.cached_property
    def _lines_by_number(self) -> dict[int, Line]:
        """Each line by its source line number, the first one where two share it (looked up, not searched
        for: asked once per large line of a document)."""
        found: dict[int, Line] = {}
        for line in self.lines:
            found.setdefault(line.number, line)
        return found

    def last_on_its_page(self, index: int) -> bool:
        """Whether no text of the page's own follows the line on its page (only notes, sources in
        small type, a figure's labels).  A typesetter keeps a heading with the text it heads, so
        display type left last on a page (a slide of a handout) is a label: 「ビッグデータ」 under
        the picture of a diagram, not a section with nothing in it.  Small type that makes a page's
        text (PAGE_BODY_CHARS and more: a pamphlet's dense page of forms and checks, set smaller than
        its other pages) is the page's own text, not its notes."""
        line = self.lines[index]
        small = 0
        for below in self.lines[index + 1:]:
            if below.page != line.page:
                break
            layout = below.layout
            if below.kind == "body" and layout is not None and not layout.role:
                if not self.typeset.is_small(below):
                    return False
                small += len(below.text)
        return small < PAGE_BODY_CHARS

    def numbered_points_in_bold(self, index: int, found: Found) -> bool:
        """Whether a numbered line in display type is one of a list's points set in bold, not a heading:
        its bold text, or its next sibling's, runs on longer than a title (past TITLE_CHARS, or through a
        sentence's end).  A white paper sets the points a declaration makes in bold (「（1）以下の4要素から
        構成される…の策定」, 「（2）…作業計画（賛同国増加に向けたアウトリーチ、…の継続）」 over eight lines); one
        point too long for a title makes the run a list — unless the document titles its parts with
        this numbering in this face (titled_in_its_face): then the long one is a point of its own
        (a guideline's 「10.3.2 <a sentence over five lines>」 under 10.3.1, in the clauses' face),
        no sibling that makes its clause's heading a point."""
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
                return bool(self.typeset.is_display(line)) and self.display_runs_past_a_title(probe) \
                    and not self.titled_in_its_face(index, found.scheme)
            heading = heading_of(line.text)
            if heading is not None and heading[0].rank < found.scheme.rank:
                return False
        return False

    def titled_in_its_face(self, index: int, scheme: Scheme) -> bool:
        """Whether the document heads its parts with ``scheme``'s numbers set as the line at ``index`` is
        (its size, face, weight): at least TITLES_IN_FACE such lines elsewhere stop as titles, and
        more of them than run on past a title.  Points set in bold come as a list, a few in one
        place; a numbering the document titles its clauses with recurs as titles throughout it."""
        line = self.lines[index]
        titles = points = 0
        for probe, other in enumerate(self.lines):
            if probe == index or other.kind != "body" or not self.typeset.same_style(line, other):
                continue
            match = scheme.pattern.fullmatch(other.text)
            if match is None or "n" not in match.groupdict():
                continue
            if self.display_runs_past_a_title(probe):
                points += 1
            else:
                titles += 1
        return titles >= TITLES_IN_FACE and titles > points

    def large_lead_text(self, index: int) -> bool:
        """Whether the line is a line of a sentence set in large type: a page's lead text (a pamphlet's
        「…を記入してください。」 over a form), not a title.  A title ends without 。 and follows no line
        it goes on from; lead text runs on into a sentence's end, or goes on from a line ending in 、
        (「…を作成したら、」 / 「<bold> …管轄する…に」).  Lead text is broken by hand as often as run to
        the edge: its lines stand right under each other in its style, starting in one place (a title
        is set in a face of its own over the text under it)."""
        line = self.lines[index]
        above = self.lines[index - 1] if index else None
        if (above is not None and above.kind == "body" and above.page == line.page
                and above.text.endswith(("、", "，")) and not self.typeset.gap_before(line)
                and self.typeset.same_size(above, line) and self.typeset.starts_under(above, line)):
            return True
        for rest in self.lines[index + 1: index + 1 + LEAD_LINES]:
            if (rest.kind != "body" or rest.page != line.page or self.typeset.gap_before(rest)
                    or not self.typeset.same_style(line, rest) or not self.typeset.starts_under(line, rest)):
                break
            if "。" in _BRACKETED.sub("", rest.text):
                return True
        return False

    def display_runs_past_a_title(self, index: int) -> bool:
        """Whether the display type starting at ``index`` goes on, line after line run to the column's
        edge, longer than a title: past TITLE_CHARS, or through a sentence's end."""
        line = self.lines[index]
        text, probe = line.text, index + 1
        while probe < len(self.lines) and not self.typeset.stopped_short(self.lines[probe - 1]):
            rest = self.lines[probe]
            if (rest.kind != "body" or rest.page != line.page or self.typeset.gap_before(rest)
                    or (rest.indent >= 2 and not _hung_under(line, self.lines[probe: probe + 2]))
                    or not self.typeset.same_style(line, rest)):
                break  # a paragraph's first line below a title set in the text's own bold face stops it
            text, probe = join_text(text, rest.text), probe + 1
        # A line whose display type stops with it is whole: a numbered title may be that long on one
        # line (numbering.long_numbered_title), where a point set in bold runs on over lines.
        longest = LONGEST_DISPLAY_TITLE if probe == index + 1 and long_numbered_title(text) else TITLE_CHARS
        return len(text) > longest or "。" in text[:-1]

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
        circled = index in self.circled_titles  # (a ① title: circled_titles, wrapped as _circled_title_text)
        if (line.layout is None or (heading_of(line.text) is None and not circled) or index + 1 >= len(self.lines)
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
            or _ends_a_sentence(rest.text)  # (a title may close an aside: 「…の扱い（…規則）」)
            or heading_of(rest.text) is not None
            or LIST_MARKER.fullmatch(rest.text)
        ):
            return None
        joined = join_text(line.text, rest.text)
        return index + 1 if heading_of(joined) is not None or (circled and CIRCLED.pattern.fullmatch(joined)) else None

    def block_ends_after(self, index: int) -> bool:
        """Whether the PDF line at ``index`` ends its block: what follows is no line of the same text (a
        figure's or a note's line, another face, space above, a paragraph's first-line indent, a page)."""
        line = self.lines[index]
        if index + 1 >= len(self.lines):
            return True
        nxt = self.lines[index + 1]
        return (nxt.kind != "body" or nxt.layout is None or bool(nxt.layout.role) or nxt.page != line.page
                or self.typeset.gap_before(nxt) or nxt.indent >= 2 or not self.typeset.same_style(line, nxt))

    def opens_an_item(self, line: Line, above: Line) -> bool:
        """Whether a PDF line opens a numbered paragraph of its own under ``above``: numbered, and set at
        least as far in as ``above`` starts (a paragraph's wrapped line goes back to the margin)."""
        return (heading_of(line.text) is not None and line.layout is not None and above.layout is not None
                and line.layout.x0 >= above.layout.x0 - above.layout.size * 0.3)

    def title_filling_its_line(self, index: int) -> bool:
        """Whether a numbered PDF line run to the column's edge is a whole title that happens to fill it
        (a judgment's 「第２　上告理由のうち…部分について」, all in the body's face): it ends no sentence and
        on no particle, and the next line opens a numbered paragraph of its own — a sentence starting
        with a number would go on, back at the margin."""
        line = self.lines[index]
        if index + 1 >= len(self.lines) or _ends_a_sentence(line.text) or line.text.endswith(_TITLE_NEVER_ENDS):
            return False
        nxt = self.lines[index + 1]
        return nxt.kind == "body" and nxt.page == line.page and self.typeset.same_size(line, nxt) \
            and self.opens_an_item(nxt, line)

    def printed_later(self, index: int, found: Found) -> bool:
        """Whether the same number is printed later in a stronger form ("2 …" here, "2．…" below).

        A number + space line that a dotted heading of the same number follows (before any
        outer heading) was a step of a figure or a list, not the section.  An annex's label
        (「付録4　…」) is an outer heading too, though its shape is weak: the next annex numbers its
        parts from 1 again.  A number printed in small print is a note's (「1. …とは」 in the notes
        under a table), not the section's: the same number there says nothing of this line.
        """
        value = number_value(found.number)
        for probe in range(found.last + 1, min(len(self.lines), found.last + 400)):
            line = self.lines[probe]
            if line.kind != "body" or self.typeset.is_small(line):
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

    def next_content(self, index: int, max_blanks: int = 3) -> int | None:
        """The index of the next body line after ``index`` across at most ``max_blanks`` blank lines."""
        return next_content(self.lines, index, max_blanks)


@dataclass(frozen=True)
class _Question:
    """One decision's view: the document's evidence, the outline read so far, the blocks read so
    far.  It only asks; the builder applies what it answers."""

    ev: HeadingEvidence
    outline: OutlineQuestions
    read: Sequence[Block | Heading]

    def decide(self, index: int) -> Decision:
        """Whether a heading starts at ``index``: the heading found, or why not (see Decision)."""
        line = self.ev.lines[index]
        if line.number in self.ev.hints.not_headings or index in self.ev.sibling_runs or self.ev.marked.is_label(index):
            return NOT_A_HEADING
        if index in self.ev.deck.steps:
            return NOT_A_HEADING  # 「1. …」 on a slide under its title 「3-1. …」: a step of the slide
        if explains_a_symbol(line.text):
            return NOT_A_HEADING  # 「○…添付が必要な資料」 under a table: the key to its cells' symbols
        if line.layout is not None and line.layout.role == "footnote":
            return NOT_A_HEADING  # set small at the page's foot (a note, or a table's rows there): never a heading
        if line.layout is not None and line.layout.role == "label":
            return NOT_A_HEADING  # a label in a row of a drawn diagram's boxes (read_pdf._diagram_rows)
        if line.layout is not None and line.layout.role == "side":
            return NOT_A_HEADING  # a line set down the margin beside the body: the page's label (read_pdf)
        if self.ev.running_head_over_heading(index):
            return NOT_A_HEADING
        if index in self.ev.title_again:
            return NOT_A_HEADING  # the document's name over its contents or its text: no part of it
        if index in self.ev.members_lists and not any(isinstance(item, Heading) for item in self.read):
            return NOT_A_HEADING  # 「○○会議 構成員」 over the names, before the first part: front matter
        part = self.ev.judgment.get(index)
        if part is not None:  # a judgment's 「主 文」, 「…の上告理由について」, 「裁判官…の意見は，次のとおりである。」
            return Decision(Found(replace(JUDGMENT_PART, rank=part), "", line.text, last=index, rank=part))
        # An annex after captioned articles (「別紙」 alone, over its title) is their sibling, as the articles
        # decide (marked_titles.py): never an annex's number alone opening an outline of its own.
        found = None if self.ev.marked.kind(index) in (ARTICLE_CAPTION, FORM_CAPTION) \
            else self.ev.number_alone_heading(index)
        sequel = sequel_rank(line.text, self.read) if found is None else None
        if sequel is not None:  # 「審査報告（2）」 after 「審査報告（1）」: the next part, its sibling
            return Decision(Found(replace(SEQUEL, rank=sequel), "", line.text, last=index, rank=sequel))
        display = self.ev.typeset.is_display(line)  # PDF sources: set in display type (None: no layout)
        if found is None:
            heading = heading_of(line.text)
            if heading is not None and lists_its_next_numbers(heading[1], heading[2]):
                heading = None  # 「6. 会議費 7.資料作成費 8.…」: a list run on along one line, no title
            if heading is None:
                heading = self.ev.circled_heading(index)
            if heading is None or (not heading[1] and self.ev.marked.kind(index) == ARTICLE_CAPTION):
                # (「【参考】」 after a 附則: appended beside it as the articles decide, no 【…】 block inside it)
                heading = self.marked_heading(index) or heading
            rest = self.ev.title_rest(index)  # a marked title or a question cut at the column's edge
            if rest is None and heading is not None and heading[1]:
                # A numbered title run to the column's edge, its rest hung under its words (「４ …の責任の」
                # / 「　整理」): the title is both lines, weighed whole.
                rest = self.ev.hanging_title_rest(index)
            if display is not None and rest is None:
                heading = self.layout_heading(index, heading, display)
            restart = self.part_over_a_restart(index)
            if heading is None and restart is not None:
                heading = RESTART_LABEL, "", line.text  # 「（補足説明）」 over a second 「1　…」: the part it opens
            if heading is None:
                return self.sentence_in_sequence(index)
            found = Found(*heading, last=index)
            if restart is not None and not found.number:  # 「序文」 over a second 「0.1」: a part
                found = replace(found, scheme=replace(found.scheme, rank=restart))
            if found.scheme.name == "marked":
                found = replace(found, rank=found.scheme.rank, kind=self.ev.title_kind(index) or "")
            elif found.scheme.name == "display" and index in self.ev.bold and found.scheme.rank > NAMED_RANK:
                found = replace(found, kind=bold_kind(line))  # its siblings of the same type take its rank
            if self.ev.marked.kind(index) in (ARTICLE_CAPTION, FORM_CAPTION) and labels_an_annex(line.text) \
                    and not found.number and rest is None:
                name = self.ev.annex_name_below(index)
                if name is not None:  # 「別紙」 over its name centred: one heading, 「別紙 …誓約事項」
                    found = replace(found, title=f"{found.title} {self.ev.lines[name].text}", last=name)
            if rest is not None:  # every line down to the title's last (a question may wrap over several)
                title = found.title
                for probe in range(index + 1, rest + 1):
                    if self.ev.lines[probe].kind == "body":
                        title = join_text(title, self.ev.lines[probe].text)
                found = replace(found, title=title, last=rest)
        # 第１ inside 第１節 in a plan, a 「1 …」 set smaller under a 「1 …」 set larger: the rank the document
        # gives it (document_ranks.py); only a one-line numbered title's type size is its own
        own_size = index if found.number and found.last == index else None
        found = replace(found, scheme=replace(found.scheme, rank=self.ev.ranks.rank(own_size, found.scheme.rank)))
        scheme = found.scheme
        if found.title.startswith(_NEVER_STARTS_A_TITLE):
            return NOT_A_HEADING  # "第４章に示すとおり…": a chapter named inside a sentence
        if found.number and _EDITION.fullmatch(found.title):
            return NOT_A_HEADING  # 「1.2 版」: the document's version, no section numbered 1.2
        if self.ev.hints.slides and scheme.name in ("block", "dash", "circle", "marked") and not (
                scheme.name == "marked" and display and self.ev.typeset.is_large(line)):
            # On slides 【…】 and ― lines are callouts, not headings; a marked title the slide sets
            # larger than its text (「● 制度の概要」 in 24 pt over 14 pt) heads its part of the slide.
            return NOT_A_HEADING
        if scheme.name == "block" and self.ev.ends_a_cut_label(index):
            return NOT_A_HEADING  # 「プライベート / データの混在 / 【BYOD】」: the end of a table cell's label
        if scheme.name == "block" and self.in_title_block(line.page):
            return NOT_A_HEADING  # 「【第二版】」 under a cover's title: the edition, part of the title block
        if scheme.name == "circle" and not self.read and not self.ev.hints.slides:
            return NOT_A_HEADING  # "○情報システム安全対策基準" opening a notice: the document's title
        if index in self.ev.in_answers and number_value(found.number) is None:
            return NOT_A_HEADING  # 「○…型」 over its paragraph in a Q&A's answer: a point of the answer
        if found.last == index and not display and scheme.name != "marked" and self.ev.wraps_into_next_line(index):
            return NOT_A_HEADING  # "4. パーソナルデータや…など" runs on: a numbered paragraph
        if display and found.number and found.last == index and self.ev.numbered_points_in_bold(index, found):
            return NOT_A_HEADING  # 「（2）広島AIプロセスを前進させるための作業計画（…」: bold over eight lines, a point
        if scheme.weak and index not in self.ev.contents_named and (
                index in self.ev.foot_notes or not self.weak_heading_plausible(index, found)):
            # (a line the printed contents names is a part's heading whatever its shape)
            return NOT_A_HEADING
        if found.number and (_SUBJECT_MARKED.search(found.title) or opens_a_sentence(found.title)):
            return NOT_A_HEADING  # 「（1）建物及び室は、火災の…」: a numbered sentence (its topic marked), not a title
        if found.number and scheme.rank <= PARTS_RANK and self.repeats_a_part(line.text):
            return NOT_A_HEADING  # 「Ⅲ. 本ガイドラインの適用の範囲」 again: a reference (a table, a list), no new part
        if not self.outline.number_fits_parent(found):
            return NOT_A_HEADING
        if found.number and self.goes_on_with_the_list(found):
            return NOT_A_HEADING  # 「(8) …」 after a list's 「(7) …」 item: its next item, with its own items under it
        cell = self.cell_label(index, found)
        if cell is not None:
            return cell
        nested = self.continues_nested_run(found)
        if nested is not None:
            return Decision(nested)
        if self.quotes_a_place(found):
            return NOT_A_HEADING
        last = self.outline.last(scheme.rank)
        if (index in self.ev.deck.repeats and last == number_value(found.number)
                and self.outline.innermost_rank() == scheme.rank):
            # 「2. …」 titling the slide after its divider 「2.」 (nothing opened under it yet): the chapter's slide
            return Decision(replace(found, rank=self.outline.nested_start_rank()))
        if not self.numbering_goes_forward(scheme, found.number, index):
            nested = self.starts_nested_run(index, found)
            if nested is None:  # demoted to text: the reader is told (diagnose.out_of_order)
                return Decision(out_of_order=OutOfOrder(line.number, line.text, str(last)))
            return Decision(nested)
        if scheme.name == "named" and is_column_label(line.text):
            return Decision(replace(found, rank=box_rank(self.outline)))  # a box: outer to the marked titles
        return Decision(found)

    def part_over_a_restart(self, index: int) -> int | None:
        """The rank of a part's title straight over a number 1 of a numbering the outline has taken
        past 1 under the open heading (「序文」 over a second 「0.1」, 「（補足説明）」 over a second 「1　…」:
        part_titles.titles_over_a_first_number): the numbering starts again under the title, which
        opens the part at the rank just outside it.  None otherwise — after an outer heading (a new
        第N) the numbering starts again anyway: no part."""
        rank = self.ev.over_first_numbers.get(index)
        if rank is None:
            return None
        last = self.outline.last(rank)
        return rank - 1 if last is not None and last > FIRST else None

    def glued_heading(self, index: int) -> tuple[str, Found] | None:
        """A heading run onto the end of the line before it: "…を推進する。2．データ戦略" .

        Text editions lose the line break before a heading.  The tail is split off only when it
        is a numbered heading in the strict sense: the next number of its scheme, a title, and
        the end of the line (the line below does not continue it).
        """
        match = _GLUED_HEADING.fullmatch(self.ev.lines[index].text)
        if match is None:
            return None
        heading = heading_of(match["heading"])
        if heading is None or heading[0].weak or not self.outline.next_in_sequence(heading[0], heading[1]):
            return None
        if heading[2].startswith(_NEVER_STARTS_A_TITLE) or _CITED_CLAUSE.match(heading[2]):
            return None  # 「（要求事項）8.3 によれば，…」「…示す。5.2.1 節に…」: a clause cited inside the sentence
        nxt = self.ev.lines[index + 1] if index + 1 < len(self.ev.lines) else None
        if nxt is not None and nxt.kind == "body" and nxt.text.startswith(CONTINUATION_START):
            return None
        return match["before"], Found(*heading, last=index)

    def sentence_in_sequence(self, index: int) -> Decision:
        """A numbered item written as one sentence that continues a numbering of headings: the
        outline's item, not a paragraph.

        A notice may word one of its items as a sentence that introduces what follows (「（三）技術基準
        及び運用基準における適用区分の考え方は、以下のとおりである。」 after 「（一）設置基準」「（二）技術基準及び
        運用基準」).  A sentence is no title, but this one is the next number of headings already
        taken under the same parent: read as text, its table or list would fall under the sibling
        before it.  Only a numbering's continuation qualifies (never its first item, which a list
        of numbered sentences shares), one whole sentence on one line."""
        line = self.ev.lines[index]
        text = line.text
        if "\t" in text or not text.endswith("。") or text.count("。") != 1 or index in self.ev.foot_notes:
            return NOT_A_HEADING
        for scheme in SCHEMES:
            match = scheme.pattern.fullmatch(text)
            if match is None or "n" not in match.groupdict():
                continue
            number, title = match["n"].strip(), match["title"].strip()
            value, last = number_value(number), self.outline.last(scheme.rank)
            if (value is None or last is None or value != last + 1 or len(title) > 60
                    or title.startswith(_NEVER_STARTS_A_TITLE) or self.outline.in_nested_run(scheme.rank)
                    or self.numbered_alike_around(index, scheme, value)):
                return NOT_A_HEADING
            number = text[: match.start("title")].strip()
            found = Found(scheme, number, title, last=index)
            if not self.outline.number_fits_parent(found):
                return NOT_A_HEADING
            cell = self.cell_label(index, found)
            if cell is not None:
                return cell
            return Decision(found) if self.numbering_goes_forward(scheme, number, index) else NOT_A_HEADING
        return NOT_A_HEADING

    def numbered_alike_around(self, index: int, scheme: Scheme, value: int) -> bool:
        """Whether a numbered sentence belongs to a list of its own numbered like the headings: a line
        of its scheme stands since the last heading (the list's earlier items, 「一　…こと。」 quoted under
        「一　主旨」), or the same number is printed again further on before an outer heading (the
        heading it would take the place of, 「二　用語の定義」)."""
        for probe in range(self.outline.last_heading_end + 1, index):
            if self.ev.lines[probe].kind == "body" and scheme.pattern.fullmatch(self.ev.lines[probe].text):
                return True
        for probe in range(index + 1, min(len(self.ev.lines), index + 400)):
            line = self.ev.lines[probe]
            if line.kind != "body":
                continue
            heading = heading_of(line.text)
            if heading is not None and heading[0].rank < scheme.rank and heading[1]:
                return False
            match = scheme.pattern.fullmatch(line.text)
            if match is not None and number_value(match["n"]) == value:
                return True
        return False

    def starts_nested_run(self, index: int, found: Found) -> Found | None:
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
        probe = self.ev.next_content(found.last)
        # A list right under it makes the 「1．」 an item, unless the page sets it as a heading (display
        # type: 「１．適切でないと考えられる例」 in a bar over its ①… points).
        items_follow = probe is not None and LIST_MARKER.fullmatch(self.ev.lines[probe].text) is not None
        if probe is None or (items_follow and not self.ev.typeset.is_display(self.ev.lines[index])) \
                or heading_of(self.ev.lines[probe].text):
            return None
        if self.ev.text_source and self.among_cells(index, found):
            return None  # 「1. 概要」 among a flattened table's cells: the document's own part, named in a column
        return replace(found, rank=self.outline.nested_start_rank(), numbering="nested-start")

    def continues_nested_run(self, found: Found) -> Found | None:
        """The next number of a numbering nested inside a section (starts_nested_run), at its rank."""
        rank = self.outline.nested_rank_next(found.scheme.rank, found.number)
        if rank is None:
            return None
        return replace(found, rank=rank, numbering="nested-next")

    def quotes_a_place(self, found: Found) -> bool:
        """Whether a chapter or section number opening an annex's numbering names a place in another
        text: an annex that quotes an amended notice or a policy (「（別添１）」 then 「第２章　特掲診療料」,
        「【別添４】」 then 「第２章　新しい資本主義の加速」 of the quoted 基本方針) labels where its excerpt
        stands; a part of this document numbers its chapters from the first."""
        if found.scheme.name not in _PLACE_SCHEMES or not self.outline.in_annex:
            return False
        value = number_value(found.number)
        return value is not None and value > 1 and self.outline.last(found.scheme.rank) is None

    def cell_label(self, index: int, found: Found) -> Decision | None:
        """The decision refusing a numbered line that is the label of a flattened table's cell (「イ．
        設置環境」 in a 項目 column: table cells stand around it and its numbering starts there), with
        the run of cell labels it starts; None when it is no cell's label.

        A section's heading over a table continues a numbering that ran before the table (五 after
        四), so a numbering that starts among cells is the table's own; the rest of its run (「２．
        開口部」 …, cells or not nearby) goes with it, up to the next heading outside it.
        """
        if not self.ev.text_source or found.scheme.name.startswith(_OUTER_SCHEMES):
            return None
        rank = found.scheme.rank
        if self.outline.in_cell_run(rank):
            return NOT_A_HEADING
        if self.between_part_references(index, found):
            return Decision(cell_run=rank)
        last = self.outline.last(rank)
        skips = last is not None and self.skips_among_cells(found, last)
        if last is not None and not skips:
            return None  # the numbering ran before: the next section after a table
        # A number skipping ahead may be the next section after a missed one (「1－7．」 read before
        # 「1－6．」 across columns): only a table plain around it (twice the evidence) makes it a cell.
        return Decision(cell_run=rank) if self.among_cells(index, found, SKIP_EVIDENCE if skips else EVIDENCE) \
            else None

    def skips_among_cells(self, found: Found, last: int) -> bool:
        """Whether a number that goes on from ``last`` skips ahead (「6.」 after 「4.」): a section after a
        table takes the next number (五 after 四); among a table's cells a number further on is another
        text's clause the table maps (「6.脆弱性公開ポリシーにおける考慮事項」 in a column of a standard's
        clauses beside 「－」 and the document's own parts printed again)."""
        value = number_value(found.number)
        return value is not None and value > last + 1

    def among_cells(self, index: int, found: Found, evidence: int = EVIDENCE) -> bool:
        """Whether table cells (「－」, 「5.3」 alone, the document's parts printed again) stand around a line."""
        return cells_around(self.ev.lines, index, found.last, self.ev.width, after=self.outline.last_heading_end,
                            also=lambda line: self.repeats_a_part(line.text)) >= evidence

    def repeats_a_part(self, text: str) -> bool:
        """Whether a line repeats one of the document's outermost numbered headings, whole or cut
        short by a table cell's edge (「Ⅳ. ソフトウエア製品に係る脆弱性関連情」)."""
        return self.outline.repeats_a_part(heading_key(text))

    def between_part_references(self, index: int, found: Found) -> bool:
        """Whether the document's own part headings are printed again just above and just below: a
        table that maps another text's clauses (「5.概念」, numbered in sequence) onto the parts."""
        lines = self.ev.lines
        above = list(islice((lines[i] for i in range(index - 1, -1, -1) if lines[i].kind == "body"), REFERENCE_REACH))
        below = list(islice((lines[i] for i in range(found.last + 1, len(lines)) if lines[i].kind == "body"),
                            REFERENCE_REACH))
        return any(self.repeats_a_part(line.text) for line in above) and any(
            self.repeats_a_part(line.text) for line in below)

    def weak_heading_plausible(self, index: int, found: Found) -> bool:
        """A number + space + title is a heading only when it looks like one and runs in sequence.

        The same shape is a footnote, a table row ("1 4 月 10 日 …"), a date ("6 月 6 日") or a
        katakana word cut at the line end ("クリプ / ト VISA"), so the title must start like a
        title and the number must be the next one of its scheme (or the first).
        """
        title = found.title
        counted = found.scheme.name in _COUNTED_SCHEMES and title.startswith(COUNTER_START) \
            and not _WORD_OF_JO.match(title) and not self.set_apart_as_a_title(index, found)
        if counted or title.startswith(CONTINUATION_START) or title[:1].isdigit():
            return False
        if re.fullmatch(r"(?:\S )+\S", title) and not self.spaced_to_fill(index, title):
            return False  # letter-spaced text ("タ ス 設"), not a title
        if title.endswith(_TITLE_NEVER_ENDS) or re.search(r"[はが]、", title):
            return False  # "2 IPAは、JPCERT/CCに": a step of a figure or a sentence cut short
        if found.scheme.name.startswith("annex") and re.match(r"[A-Z0-9][^A-Za-z]", title):
            return False  # "付録 B-表1": a caption's label
        if found.scheme.name == "katakana-space" and self.ev.continues_a_word(index):
            return False
        return (self.outline.next_in_sequence(found.scheme, found.number) or self.after_an_elided_run(index, found)) \
            and not self.ev.printed_later(index, found)

    def after_an_elided_run(self, index: int, found: Found) -> bool:
        """An article right after the line that leaves out the articles before it (「第2条～第7条［略］」
        over 「第8条 …」, after 「第1条」): an excerpt's numbering jumps there as printed."""
        value = number_value(found.number)
        above = next((line for line in reversed(self.ev.lines[:index]) if line.kind == "body"), None)
        article = above is not None and found.scheme.name == "article"
        elided = _ELIDED_ARTICLES.fullmatch(above.text) if above is not None and article else None
        if elided is None or value is None:
            return False
        first, last = number_value(elided["a"]), number_value(elided["b"])  # 「第二条～第七条（略）」 too
        return (first is not None and last is not None and last == value - 1
                and first == (self.outline.last(found.scheme.rank) or 0) + 1)

    def spaced_to_fill(self, index: int, title: str) -> bool:
        """A short title spread over its box in the heading face (「2-2 床 版」, 均等割付): two to four
        kanji with a space between each, on a line set in display type.  Letter-spaced text in the
        body's face (a diagram's label read across its boxes) is not one."""
        return bool(_SPACED_KANJI.fullmatch(title)) and self.ev.typeset.is_display(self.ev.lines[index]) is True

    def set_apart_as_a_title(self, index: int, found: Found) -> bool:
        """A PDF line that stands apart as a title whatever word opens it (「３ 人材の確保に…について」
        is no count of three people): space above it, stopping short of the column's edge, long past
        any count's words (a table's row, a date), and the body's own lines right below it."""
        line = self.ev.lines[index]
        below = self.ev.lines[found.last + 1] if found.last + 1 < len(self.ev.lines) else None
        typeset = self.ev.typeset
        return (line.layout is not None and bool(typeset.gap_before(line)) and typeset.stopped_short(line) is True
                and len(found.title) >= SET_APART_TITLE_CHARS and below is not None and below.kind == "body"
                and not typeset.gap_before(below) and not below.page_start)

    def numbering_goes_forward(self, scheme: Scheme, number: str, index: int | None = None) -> bool:
        """Whether a heading's number follows its predecessor, and taking the line at ``index`` would
        not put more of its numbering's later headings out of sequence than it is worth
        (outline_choice.SequenceChoice: a wrong early call costs one heading, not the rest).  A
        question: the number is recorded when the heading is emitted (record_numbering)."""
        return self.outline.may_take(scheme.rank, number, index)

    def marked_heading(self, index: int) -> tuple[Scheme, str, str] | None:
        """A title set off by a mark (marked_titles.py), numbered under a word (labelled_titles.py)
        or a speech's bare word (bare_titles.py), at the rank its kind nests at (title_ranks.py)."""
        kind = self.ev.title_kind(index)
        if kind is None:
            return None
        rank = title_rank(kind, self.outline)
        if kind == ARTICLE_CAPTION and closes_the_articles(self.ev.lines[index].text):
            # The 附則 is the part beside the 本則, never inside its last article (or chapter): it ranks
            # with the outermost of the 本則's open headings, its 章 or its 条.
            rank = self.outline.main_provisions_rank(ARTICLE_CAPTION) or rank
        if self.ev.display_rank(self.ev.lines[index]) == PAGE_TITLE_RANK:
            rank = PAGE_TITLE_RANK  # a page-designed document's page title, whatever marks it
        elif kind.startswith(LIST_LEVEL_KIND):  # set in the body's size: under any title set larger
            rank = max(rank, BODY_SIZE_TITLE_RANK)
        return Scheme("marked", rank, LAYOUT_TITLE), "", self.ev.lines[index].text

    def layout_heading(
        self, index: int, heading: tuple[Scheme, str, str] | None, display: bool
    ) -> tuple[Scheme, str, str] | None:
        """The heading a PDF line makes, weighing its typesetting with its numbering.

        A bookmark on the line makes it a heading; so does display type (larger, bolder or
        another face than the body) on an unnumbered title-like line — except the document's
        own title block, which comes before any heading on the first page.
        """
        line = self.ev.lines[index]
        layout = line.layout
        assert layout is not None
        if display and self.ev.typeset.is_large(line) and self.ev.large_lead_text(index):
            return None  # a page's lead text set large, numbered or not (「○ …」 / 「…記入してください。」)
        if (heading is not None and heading[0].name != "marked" and not heading[0].name.startswith("annex")
                and not display and self.ev.typeset.stopped_short(line) is False
                and not self.ev.typeset.flush_right(line) and self.ev.hanging_title_rest(index) is None
                and not self.ev.title_filling_its_line(index)):
            # Body type running to the column edge: a sentence that starts with a number.  (A marked
            # title was weighed with its siblings over the whole document: marked_titles.py; an annex's
            # label 「別表2 …」 opens its annex however wide the table under it sets the column.)
            return None
        if heading is None and display:
            heading = long_numbered_title(line.text)  # a numbered title in display type past 60 characters
        if heading is not None or not title_like(line.text):
            return heading
        if layout.role.startswith("outline-"):
            level = int(layout.role.split("-", 1)[1])
            # Ranks step by ten (numbering.SCHEMES): bookmark level 1 ranks with 第N章.
            return Scheme("outline", min(8, max(1, level)) * 10, LAYOUT_TITLE), "", line.text
        if self.ev.hints.slides:
            return None  # on a slide, large type is a callout; the slide's title is found per slide
        if LIST_MARKER.fullmatch(line.text):
            return None  # a list's item, or a marked line marked_titles.py took for no title
        if CALENDAR_DAY.match(line.text) or DISPLAYED_FIGURE.fullmatch(line.text):
            return None  # display type that is no title: a calendar's day, a figure with its unit
        large = display and self.ev.typeset.is_large(line)
        if large and self.set_larger_than_its_heading(line):
            return None  # a diagram's label in outsize type under 「2.2 …」: no part of 2.2
        if self.names_the_annex_above(line):
            return None  # a letter form's title under its addressee, below 「（様式第１）」: the form's, no part
        # A short line centred in its column, set apart or in another face: 「議事録」 over minutes.
        centred = (
            self.ev.typeset.centred(line)
            and (self.ev.typeset.gap_before(line) or line.page_start)  # set apart, not a cell of a table
            and len(line.text) <= CENTRED_TITLE_CHARS
            and not DATE_LINE.fullmatch(line.text)
            and not is_caption(line.text)  # 「表1 …」 centred over its table
            and line.text.replace(" ", "") not in NOT_TITLES
        )
        # A title in bold at about the body's size, over its text (bold_titles.py).
        bold = index in self.ev.bold
        if not (large or centred or bold or index in self.ev.part_titles) or self.in_title_block(line.page):
            return None
        if self.ev.last_on_its_page(index) and index not in self.ev.part_titles and not bold:
            # (a part's title on a page of its own heads the numbering the next page opens; a bold title
            # was seen over the text it heads, the next page's first paragraph)
            return None
        rank = self.ev.display_rank(line) or NAMED_RANK  # (None unless large)
        if bold and not large:
            # a title a point above the body: over the body-size titles it heads
            rank = BOLD_ABOVE_BODY_RANK if self.ev.typeset.above_the_body(line) else self.bold_title_rank(line)
        if rank != PAGE_TITLE_RANK:  # (a page title is outer to all, a part's title too)
            rank = self.ev.part_titles.get(index, rank)  # a part's title: outer to the numbering it heads
        if large and index not in self.ev.part_titles:
            rank = min(rank, self.beside_the_part_it_closes(line) or rank)
        return Scheme("display", rank, LAYOUT_TITLE), "", line.text

    def bold_title_rank(self, line: Line) -> int:
        """The rank of a title in the body's bold (bold_titles.py): with the named parts — unless it
        stands right under a point's numbered title (「⑪ 課題」, nothing between), whose first sub-title
        it is, and the next titles of its type are its siblings while that point is open."""
        last = self.read[-1] if self.read else None
        if isinstance(last, Heading) and last.number and last.rank >= NAMED_RANK:
            return last.rank + 1
        rank = self.outline.marked_rank(bold_kind(line))
        if rank is not None and rank > NAMED_RANK and self.outline.is_open(rank):
            return rank
        return NAMED_RANK

    def goes_on_with_the_list(self, found: Found) -> bool:
        """Whether a numbered line is the next item of the list read just before it: that list's last item
        opens with the number before it, in the same scheme (「(7) …」 then 「(8) …」).  The list's earlier
        items were read as items, so this one is one too, though it ends no sentence and items of its own
        stand under it (a 記's 「(8) …に該当する関係にある者」 over 「イ」…「ホ」): a numbering taken as a
        list stays a list."""
        last = self.read[-1] if self.read else None
        if not isinstance(last, ListBlock) or len(last.items) < LIST_BEFORE_ITS_ITEM:
            return False
        form = re.sub(r"[0-9]+", "", found.number.strip())
        values = [number_value(item.marker.strip()) if re.sub(r"[0-9]+", "", item.marker.strip()) == form else None
                  for item in last.items[-LIST_BEFORE_ITS_ITEM:]]
        value = number_value(found.number)
        # (one item alone, 「（1） …：別紙のとおり」 over 「（2）…の説明」 and its parts, is no list to go on with)
        return value is not None and values == list(range(value - LIST_BEFORE_ITS_ITEM, value))

    def names_the_annex_above(self, line: Line) -> bool:
        """Whether the heading read last is an annex's or a form's label alone on this line's page
        (「（様式第１）」 over a letter form's date and addressee, then its title centred in display type):
        the line names that form or sheet, inside it.  The name printed right under the label is the
        heading's own (annex_name_below)."""
        last = self.read[-1] if self.read else None
        if not isinstance(last, Heading) or last.number or not labels_an_annex(last.title):
            return False
        heading = self.ev.line_at(last.span.start)
        return heading is not None and heading.page == line.page

    def set_larger_than_its_heading(self, line: Line) -> bool:
        """Whether an unnumbered line in large type would nest under a numbered heading on its page set
        clearly smaller than it (OUTSIZE_OVER_HEADING), itself set as a heading (display type).  A
        typesetter never sets a part's title larger
        than the heading it belongs to: such a line is a diagram's label or a callout (「電力会社」 in 18 pt
        beside a drawing, under 「2.2 …」 in 12 pt), the heading's text, not a part of it."""
        last = next((item for item in reversed(self.read) if isinstance(item, Heading)), None)
        if last is None or not last.number or line.layout is None:
            return False
        heading = self.ev.line_at(last.span.start)
        # (a heading in the body's own type, 「○ …」 over its text, says nothing of the sizes of titles)
        return (heading is not None and heading.page == line.page and heading.layout is not None
                and self.ev.typeset.is_display(heading) is True
                and line.layout.size > OUTSIZE_OVER_HEADING * heading.layout.size)

    def beside_the_part_it_closes(self, line: Line) -> int | None:
        """The rank of the part title heading the numbering open above ``line`` when the line, an
        unnumbered title, is set larger than every numbered heading open (TITLE_OVER_NUMBERING): the
        next article of a newsletter beside the numbered report before it (None: no such part).

        A typesetter never sets a part's title larger than the headings it stands under.  A report
        printed as one article of a newsletter (a part title over its 「1　…」「(1)…」 in the body's type,
        part_titles.py) is followed by the issue's other articles, their titles set larger than the
        report's numbered headings though smaller than its own title: ranked by their size alone
        they nested in the report's last numbered section.  They close the numbering and the part it
        makes, each an article beside the report.  (The reverse, a line set larger under a numbered
        heading on its page with no part title over the numbering, is a label: set_larger_than_its_heading.)"""
        if line.layout is None:
            return None
        path: list[Heading] = []  # the headings open above the line, outer first
        for item in self.read:
            if isinstance(item, Heading):
                while path and path[-1].rank >= item.rank:
                    path.pop()
                path.append(item)
        numbered = [index for index, heading in enumerate(path) if heading.number]
        if not numbered or numbered[0] == 0:
            return None
        part = path[numbered[0] - 1]
        parts = {self.ev.lines[index].number for index in self.ev.part_titles}
        if part.number or part.span.start not in parts:
            return None
        sizes = [heading.layout.size for heading in (self.ev.line_at(path[i].span.start) for i in numbered)
                 if heading is not None and heading.layout is not None]
        if len(sizes) < len(numbered) or line.layout.size <= TITLE_OVER_NUMBERING * max(sizes):
            return None
        return part.rank

    def in_title_block(self, page: int) -> bool:
        """Whether the reader is still in the document's title block: on its first page, before
        any heading, table, list or sentence (a cover's title, date and issuing bodies have no 。)."""
        if page != 1:
            return False
        return not any(
            isinstance(item, Heading | Table | ListBlock) or (isinstance(item, Paragraph) and "。" in item.text)
            for item in self.read
        )


# ---------------------------------------------------------------------------
# Circled numbers: sub-headings or list items, one decision per run
# ---------------------------------------------------------------------------


def _ends_a_sentence(text: str) -> bool:
    """Whether the text ends on a sentence's stop, maybe inside a closing bracket (「…できる。」「…とする。」」)."""
    return text.rstrip(CLOSING_BRACKETS).endswith(tuple(SENTENCE_STOPS + HALF_WIDTH_STOPS))


def _hung_under(first: Line, rest: list[Line]) -> bool:
    """Whether ``rest[0]`` stands hung under the text of a numbered line run to the column's edge (「⑵ 事業者
    は、…電子的な証」 / 「　明書を…」): right of the number, within a few characters, and the line after it
    (``rest[1]``, if any) no further left — the same item's text going on.  A paragraph's first line
    is set in further than the lines under it (a proposal's text boxed under its 「第４ …」 title)."""
    line = rest[0]
    if first.layout is None or line.layout is None:
        return False
    if not first.layout.x0 < line.layout.x0 <= first.layout.x0 + first.layout.size * HANGING_TITLE_INDENT:
        return False
    after = rest[1] if len(rest) > 1 else None
    return (after is None or after.layout is None or after.page != line.page
            or after.layout.x0 >= line.layout.x0 - 0.5 * line.layout.size)


def bold_kind(line: Line) -> str:
    """The kind a title in the body's bold is recorded as (its type): 「bold:」 and its size."""
    return f"bold:{line.layout.size if line.layout is not None else 0}"


def circled_titles(lines: list[Line], width: int, typeset: Typesetting | None = None) -> frozenset[int]:
    """Indexes of the ① … lines that are sub-headings: one decision per run ①, ②, ③ ….

    A circled number is a sub-heading when its line is a short title standing above prose of
    its own; it is a list item when the next line is the next item, a bullet (unless the page sets
    the ① line as a heading: ``typeset``), or the rest of a wrapped sentence.  The run decides as a
    whole (by majority), so one document does not mix ① as a heading with ② as a list item.
    """
    runs: list[list[tuple[int, bool]]] = []
    with_points: set[int] = set()  # ① lines set as titles over points a level deeper
    titles: dict[int, str] = {}  # each ① line's title, with its wrapped rest (_circled_title_text)
    last_value = 0
    for index, line in enumerate(lines):
        match = CIRCLED.pattern.fullmatch(line.text) if line.kind == "body" else None
        if match is None:
            continue
        value = CIRCLED_NUMBERS_INDEX[match["n"]]
        if value != last_value + 1 or not runs:
            runs.append([])
        last_value = value
        set_as_title = typeset is not None and typeset.is_display(line) is True
        points = _points_under(lines, index, typeset)
        title = _circled_title_text(lines, index, typeset) if set_as_title else line.text
        runs[-1].append((index, _circled_title_above_prose(lines, index, width, set_as_title, points, title)))
        titles[index] = title
        if points:
            with_points.add(index)
    chosen: set[int] = set()
    for run in runs:
        starts_at_one = CIRCLED.pattern.fullmatch(lines[run[0][0]].text)["n"] == "①"  # type: ignore[index]
        # A lone ① is a label in a figure more often than a sub-heading: a run has two or more — or the
        # page sets it as a title over its points set a level deeper, as no figure's label stands.
        alone_as_title = len(run) == 1 and run[0][1] and run[0][0] in with_points
        most = 2 * sum(qualifies for _, qualifies in run) >= len(run)
        if starts_at_one and (len(run) > 1 or alone_as_title) and most:
            # The whole run: a member whose title wraps onto a second line is a heading too.
            chosen.update(index for index, _ in run if "。" not in titles[index] and len(titles[index]) <= 80
                          and not _CIRCLED_SENTENCE_GOES_ON.search(titles[index]))
    return frozenset(chosen)


def _circled_title_text(lines: list[Line], index: int, typeset: Typesetting | None) -> str:
    """A ① line set as a title, with the rest of its title when it wraps: the next line in the
    same type, hung under the title's words (right of the number) and stopping short — a Word
    document's long 「③ …について、…状況を」 / 「把握し、…必要がある」.  The text is the line's alone
    otherwise."""
    line = lines[index]
    if typeset is None or index + 1 >= len(lines) or line.layout is None:
        return line.text
    rest = lines[index + 1]
    if (rest.kind != "body" or rest.layout is None or rest.page != line.page or not typeset.same_style(line, rest)
            or typeset.stopped_short(line) is not False or typeset.stopped_short(rest) is not True
            or rest.layout.x0 < line.layout.x0 + 0.8 * line.layout.size or CIRCLED.pattern.fullmatch(rest.text)):
        return line.text
    return join_text(line.text, rest.text)


# A circled item whose line ends in a comma or a particle (「① 上記の点を踏まえ、…授業や校務等で」「② また、
# …場合、例えば、」) is the first line of a sentence that goes on below: a list item written as a
# sentence, never a title (a title ends in its noun, 「…の観点」「…の段階」).  「で」「は」 end no title
# either, though a line of running text may end in them without stopping mid-sentence.
_CIRCLED_SENTENCE_GOES_ON = re.compile(r"(?:[、，をにがのへやでは]|(?<!こ)と)$")


CIRCLED_NUMBERS_INDEX = {ch: n for n, ch in enumerate("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳", start=1)}


def _circled_shape(text: str, width: int, set_as_title: bool = False) -> bool:
    """A title's shape: short of the page width (unless the page sets it as a title: a bold title
    may run the measure), no sentence end."""
    match = CIRCLED.pattern.fullmatch(text)
    return (
        match is not None
        and title_like(match["title"])
        and not text.endswith(tuple(FULL_STOPS))
        and not _CIRCLED_SENTENCE_GOES_ON.search(text)
        and (set_as_title or display_width(text) < width * 0.85)
    )


def _circled_title_above_prose(lines: list[Line], index: int, width: int, set_as_title: bool,
                               points_under: bool = False, title: str | None = None) -> bool:
    """Whether the ① line (its ``title``, with a wrapped rest: _circled_title_text) is a title over prose."""
    title = lines[index].text if title is None else title
    if not _circled_shape(title, width, set_as_title):
        return False
    probe = _next_text(lines, index if title == lines[index].text else index + 1)
    if probe is None:
        return False
    text = lines[probe].text
    if heading_of(text) is not None or (LIST_MARKER.fullmatch(text) and not (set_as_title and _bullet(text))):
        return False  # the next item, a bullet or a heading: ① was an item of a list
    if text.startswith(CONTINUATION_START) or "\t" in text:
        return False  # the rest of a wrapped line, or a table row
    if points_under:
        return True  # a title's points, set in under it: whole sentences or not, they are its text
    return _sentence_before_next_item(lines, probe)


def _points_under(lines: list[Line], index: int, typeset: Typesetting | None) -> bool:
    """Whether the ① line is set as a title (typeset.is_display: bolder, another face, underlined)
    and the line under it is a bullet set a list's level deeper (typeset.set_deeper): the title's
    points, as a word processor sets them, whole sentences or not (a ① title over ✧-bulleted points
    that end in no 。)."""
    if typeset is None or typeset.is_display(lines[index]) is not True:
        return False
    if _ANOTHER_CIRCLED.search(lines[index].text[1:]):
        return False  # 「①… ②… ③…」 on one line: a row of items, no title
    probe = _next_text(lines, index)
    return probe is not None and _bullet(lines[probe].text) and typeset.set_deeper(lines[index], lines[probe])


_ANOTHER_CIRCLED = re.compile("[①-⑳]")


def _next_text(lines: list[Line], index: int) -> int | None:
    """The next line of the text after ``index``: past blank lines, and past the page's foot (its
    notes, its page number) when the line ends its page — a title a word processor left at a page's
    foot has its text on the next page."""
    for probe in range(index + 1, len(lines)):
        line = lines[probe]
        if line.kind == "blank":
            continue
        if line.layout is not None and line.layout.role in ("footnote", "figure") and line.page == lines[index].page:
            continue
        if line.kind != "body" and line.page == lines[index].page and not line.page_start:
            continue  # the page's furniture under its text
        return probe if line.kind == "body" else None
    return None


def _bullet(text: str) -> bool:
    """Whether a line is a bulleted item (●, ・), not a numbered one (② next, 「（1）」, 「a)」).

    Under a ① line the page sets as a heading (another face or size than the body), bullets are the
    sub-heading's text — a survey report's 「①…の利用交通機関」 over 「●…となっている。」「●…高くなっている。」;
    in plain text the same bullets are the sub-points of a list item ①, and nothing tells the two apart.
    """
    marker = LIST_MARKER.fullmatch(text)
    return marker is not None and marker["marker"].strip()[:1] in BULLETS


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
