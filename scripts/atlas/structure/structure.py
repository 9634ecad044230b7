"""Lines → document structure: headings, paragraphs, lists, tables, footnotes.

PDF extraction leaves one physical line per printed line.  This module
recognises the numbering schemes Japanese policy documents use for headings,
rebuilds paragraphs that were cut at every line (and across blank lines and
page breaks), gathers list items, tab-separated tables and footnotes, and
nests sections by the rank of their numbering scheme.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..config.hints import Hints, resolve_text_hints
from ..model.document import (
    Block,
    Draft,
    Heading,
    Line,
    ListBlock,
    ListItem,
    Paragraph,
    SourceSpan,
)
from ..text.numbering import (
    BULLETS,
    CONTINUATION_START,
    LIST_MARKER,
    SLIDE_TITLE_RANK,
    display_width,
    explains_a_symbol,
    is_caption,
    is_marked_caption,
    join_text,
    wrap_width,
)
from .box_edges import BoxEdges
from .candidates import numbered_candidates, printed_contents
from .flattened import cell_run, numbered_row_runs
from .footnotes import text_footnotes
from .heading_titles import HeadingTitles, subtitle, summarised_title_above
from .headings import (
    NAMED_RANK,
    PARTS_RANK,
    Decision,
    Found,
    HeadingEvidence,
    decide_heading,
    glued_heading,
    heading_key,
)
from .minutes import PROCEEDINGS, demote_minutes_title, is_label_alone, proceedings_lines, speaker_labels
from .outline_choice import SequenceChoice
from .outline_state import ANNEX_RANK, OutlineState
from .quoted_notices import quoted_excerpt_lines
from .runs import (
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
)
from .text_flow import LineJoining, TextFlow, paragraph_per_line
from .title_ranks import labels_attached_material
from .typeset import Typesetting

ATTACHMENT_RANK = 3  # 「（別添１）」: a notice's attachment, outer to any annex of its own (annex_rank)
BRACKETED_ANNEX_RANK = 4  # 「（別紙）」: a sheet in brackets, outer to a numbered 別紙２ of the same text

def _without_form_feed(line: Line) -> Line:
    """A line that pdftotext began with a form feed (a page start): the text without it."""
    if not line.text.startswith("\f"):
        return line
    text = line.text.lstrip("\f").strip(" \u3000")
    return replace(line, text=text, page_start=True, kind=line.kind if text else "blank")



def annex_rank(found: Found) -> int:
    """An annex's rank: a notice's attachment labelled in brackets (「（別添１）」) holds the attached
    text's own parts, its 「別添１」 and its sheets 「（別紙）」; 別添 (a document sent with the notice) holds
    別紙 (a sheet attached to a text), never the other way round."""
    if not found.number.startswith(("（", "(", "【", "〔")):
        return ANNEX_RANK  # 「別添１」, or a label alone standing for its annex (「付録 A」 over 「A-1 …」)
    return ATTACHMENT_RANK if "別添" in found.number else BRACKETED_ANNEX_RANK


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
        self.draft = Draft()
        # The open block the next line may go on with (text_flow.py); the questions of joining lines.
        self.flow = TextFlow()
        # (BoxEdges: where text set in a box narrower than the column wraps.)
        self.joining = LineJoining(lines, self.width, hints.slides, paragraph_per_line(lines), self.typeset,
                                   BoxEdges(lines))
        # The outline's numbering state (outline_state.py): the last number at each rank, the open
        # headings, nested numberings, annexes, the ranks of marked titles.  Every numbered line that
        # could be a heading is weighed against the rest of its numbering before it is taken (a
        # footnote 「13 …」 must not put sections 1-12 out of sequence).  Deciding only asks it;
        # emitting a heading (emit_heading) records it, so a refused candidate leaves no trace.
        self.outline = OutlineState(SequenceChoice(numbered_candidates(lines)))
        # A printed contents list (an agenda slide): its entries are text, the lines they name headings.
        self.contents = printed_contents(lines)
        # Excerpts of other texts a notice or a guideline quotes: their numbering places a passage in
        # the quoted text, never a heading of this one (quoted_notices.py).
        self.quoted = quoted_excerpt_lines(lines)
        # What the whole document says about its headings (headings.py), decided before reading.
        self.evidence = HeadingEvidence.of(lines, hints, self.width, self.typeset)
        self.speaker_labels = speaker_labels(self.lines)
        # Footnotes pdftotext left among the text (「N　text」 at a page's foot, stacked numbers).
        self.text_notes = text_footnotes(lines)
        # A heading's title assembled from the lines below it (heading_titles.py).
        self.titles = HeadingTitles(self.lines, self.typeset, self.width, hints.slides, form_feeds, self.evidence,
                                    self.text_notes.taken)
        self.taken: set[int] = set()  # lines already read as part of an earlier heading (emit_proceedings_heading)
        # Flattened tables (text sources; a PDF's layout finds its tables): runs of numbered rows
        # kept as printed (the heading ranks whose run began as a table's cell labels: self.outline).
        text_source = not any(line.layout is not None for line in lines)
        self.row_runs = numbered_row_runs(lines, self.width) if text_source else {}
        self.text_source = text_source

    # -- helpers ----------------------------------------------------------
    def add(self, block: Block | Heading) -> None:
        if isinstance(block, Heading):
            self.flow.pass_title_block()
        self.draft.items.append(block)

    def add_slide_title(self, titles: list[int]) -> None:
        """Add a slide's title (its lines' indexes, slides.slide_title; none: no title) as its heading,
        ranked as a printed contents list ranks it; its lines are then taken."""
        if not titles:
            return
        self.flow.close_list()
        rank = self.contents_rank(titles[0], SLIDE_TITLE_RANK)
        self.add(slide_title_heading(self.lines, titles, rank))
        self.slide_titles_taken.update(self.lines[position].number for position in titles)

    def add_run(self, run: tuple[Block, int]) -> int:
        """Add the block a run of lines gives (runs.py), closing the open list; the index after it."""
        block, after = run
        self.flow.close_list()
        self.add(block)
        return after

    def continue_open(self, line: Line) -> bool:
        """Join the line to the open block when it goes on with it (text_flow.LineJoining); whether it did."""
        how = self.joining.continuation(self.flow, line)
        if how is None:
            return False
        if how == "turn's first words":
            self.flow.join_turns_first_words(line)
        else:
            self.flow.join(line)
        return True

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
        if index in self.contents.entries or index in self.quoted:
            self.read_text(self.lines[index])  # a contents entry, a quoted excerpt: text, never a heading
            return index + 1
        proceedings = self.emit_proceedings_heading(index)
        if proceedings is not None:
            return proceedings
        if index in self.speaker_labels:
            self.open_speaker_turn(self.lines[index])
            return index + 1
        decision = decide_heading(self.evidence, index, self.outline, self.draft.items)
        if decision.found is not None:
            return self.emit_heading(index, decision.found)
        self.note_refusal(decision)
        if index in self.contents.targets:
            return self.emit_named_part(index)
        glued = glued_heading(self.evidence, index, self.outline)
        if glued is not None:
            before, found = glued
            self.read_text(replace(self.lines[index], text=before))
            return self.emit_heading(index, found)
        self.read_text(self.lines[index])
        return index + 1

    def emit_proceedings_heading(self, index: int) -> int | None:
        """Add 「議事」 heading the proceedings of minutes when it starts at ``index`` (minutes.py), its
        letter-spaced lines then taken; the index to go on from (the speaker label between its
        characters is read next), or None."""
        parts = proceedings_lines(self.lines, index, self.speaker_labels)
        if parts is None:
            return None
        self.flow.close_list()
        demote_minutes_title(self.draft.items)
        first, last = self.lines[parts[0]].number, self.lines[parts[-1]].number
        self.add(Heading(PROCEEDINGS, NAMED_RANK, "", SourceSpan(first, last)))
        self.outline.record_heading(NAMED_RANK)
        self.taken.update(parts[1:])
        return index + 1

    def open_speaker_turn(self, line: Line) -> None:
        """A speaker's label in minutes ("○藤田部会長", "（Ａ）"): it opens the paragraph of the turn."""
        self.flow.close_list()
        paragraph = Paragraph(line.text, SourceSpan(line.number, line.number))
        self.add(paragraph)
        self.flow.open(paragraph, line)
        # A label alone on its line is followed by the turn's first words; one opening its line
        # (「○藤田部会長 予定した…」) already has them, and the next line simply continues.
        self.flow.awaits_turn = is_label_alone(line.text)

    def note_refusal(self, decision: Decision) -> None:
        """Apply a decision that no heading starts at a line: record the run of a table's cell labels
        it starts; tell the reader of a number kept as text for going back (diagnose.out_of_order)."""
        if decision.cell_run is not None:
            self.outline.record_cell_run(decision.cell_run)
        if decision.out_of_order is not None:
            self.draft.out_of_order.append(decision.out_of_order)

    def read_text(self, line: Line) -> None:
        """A body line that is not a heading: a caption, a list item, or paragraph text."""
        text = line.text
        span = SourceSpan(line.number, line.number)
        if "。" in text:
            self.flow.pass_title_block()
        if is_caption(text) and (display_width(text) < self.width * 0.8 or is_marked_caption(text)):
            self.flow.close_list()
            caption = Paragraph(text, span, kind="caption")
            self.add(caption)
            self.flow.open(caption, line)  # its title may wrap onto a second line
            return
        marker = LIST_MARKER.fullmatch(text)
        # 「1．で述べた…」 refers to section 1: a number followed by a particle is no list marker; nor is
        # the symbol a key explains (「○…添付が必要」: a line of the key, like its 「△…」 and 「×…」).
        if (marker and marker["text"] and not marker["text"].startswith(CONTINUATION_START)
                and not explains_a_symbol(text)):
            item = ListItem(marker["marker"].strip(), marker["text"].strip(), span)
            ordered = marker["marker"].strip()[0] not in BULLETS
            if not self.flow.item_goes_on_list(ordered):
                self.add(self.flow.open_list(ListBlock([], span, ordered=ordered)))
            self.flow.open_item(item, line)
            return
        if self.continue_open(line):
            return
        self.flow.close_list()
        paragraph = Paragraph(text, span)
        self.add(paragraph)
        self.flow.open(paragraph, line)

    def emit_heading(self, index: int, found: Found) -> int:
        """Add the heading found at ``index`` and record it in the outline's state; return the index
        after its last line."""
        first = self.lines[index].number
        self.record_numbering(found)
        self.flow.close_list()
        title, last = found.title, found.last
        if last == index:
            title, last = self.titles.heading_continuation(title, index)
        if found.scheme.name == "summary":
            title, first = self.take_summarised_title(title, first)
        if found.scheme.name == "annex-alone" and not title:
            title, last = self.titles.annex_title(last)
        if found.scheme.name.startswith("annex"):
            title, last = subtitle(self.lines, title, last)
        end = self.lines[last].number
        self.outline.record_part(found)
        rank = self.part_rank(found)
        if found.kind:
            self.outline.record_marked_rank(found.kind, rank)
        part = bool(found.number) and found.scheme.rank <= PARTS_RANK  # repeats_a_part knows it again
        self.outline.record_heading(rank, found, last, heading_key(f"{found.number}{title}") if part else None)
        if labels_attached_material(found.kind):
            self.outline.start_own_numbering()
        self.add(Heading(title, rank, found.number, SourceSpan(first, end)))
        for line, kind in found.between:
            self.add(Paragraph(line.text, SourceSpan(line.number, line.number), kind=kind))
        return last + 1

    def record_numbering(self, found: Found) -> None:
        """Record an emitted heading's number: the next of its rank, or of a numbering nested
        inside a section (starting there, or going on)."""
        if found.numbering == "nested-start":
            self.outline.start_nested_run(found.scheme.rank)
        elif found.numbering == "nested-next":
            self.outline.continue_nested_run(found.scheme.rank)
        else:
            self.outline.record_number(found.scheme.rank, found.number)

    def emit_named_part(self, index: int) -> int:
        """A line a printed contents list names, printed without its number: the part's heading."""
        line = self.lines[index]
        rank = self.contents_rank(index, NAMED_RANK)
        self.flow.close_list()
        self.outline.record_heading(rank, last=index)
        self.add(Heading(line.text, rank, "", SourceSpan(line.number, line.number)))
        return index + 1

    def part_rank(self, found: Found) -> int:
        """The rank to nest a heading by: annexes are top-level parts of their document.

        An annex holds what follows it up to the next annex — unless the document's outermost
        numbering starts again at 1 (a compilation: the next document's "1．" after the last
        annex of the one before).  From there the outermost numbering is top-level again (the
        heading's part is recorded first: outline_state.record_part).
        """
        if found.rank is None and found.scheme.name.startswith("annex"):
            return annex_rank(found)
        return self.outline.part_rank(found)

    def take_summarised_title(self, title: str, first: int) -> tuple[str, int]:
        """A 【概要】 heading whose first line (the summarised document's title) is the paragraph read
        just above (heading_titles.summarised_title_above): taken from the text into the title.

        Returns the title and the number of the heading's first line.
        """
        above = summarised_title_above(self.draft.items, first)
        if above is None:
            return title, first
        self.draft.items.pop()
        self.flow.close()
        return join_text(above.text, title), first - 1

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
        builder.flow.close_list()
        builder.draft.footnotes.extend(builder.text_notes.at[index])
    return index + 1


def _notes_under_rule(builder: _Builder, index: int) -> int:
    notes, after = read_footnotes(builder.lines, index + 1, builder.width)
    builder.draft.footnotes.extend(notes)
    return after


def _cover(builder: _Builder, index: int) -> int:
    builder.flow.close_list()
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
    builder.flow.close_list()
    return after


def _not_body(builder: _Builder, index: int) -> int:
    """Furniture and blank lines are no text; a blank line is counted against the open paragraph."""
    if builder.lines[index].kind == "blank":
        builder.flow.count_blank_line()
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
    # Lines read already: by a heading over several lines (emit_proceedings_heading), as notes found among
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


def read_structure(lines: list[Line], hints: Hints) -> Draft:
    hints, _ = resolve_text_hints(lines, hints)
    return _Builder(lines, hints).build()
