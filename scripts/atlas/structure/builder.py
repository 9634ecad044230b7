"""One document's reading state, and the builder that applies what the structure stages decide.

The decisions are made apart, each in its module and testable alone: which lines are headings
(headings.py over candidates.py, outline_choice.py and the titles' modules), a heading's title from
its lines (heading_titles.py), whether a line goes on with the open block (text_flow.py), the
minutes' speakers and proceedings (minutes.py), the runs that give a block other than a paragraph
(runs.py, slides.py, flattened.py).  ``DraftBuilder`` holds the lines and the state of the reading,
adds to the draft what those return, and records what was taken (the outline's numbering, the open
block, the lines read already); reading_steps.py says which of its readers each line goes to.
"""

from __future__ import annotations

from dataclasses import replace

from ..config.hints import Hints
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
    display_width,
    explains_a_symbol,
    is_caption,
    is_marked_caption,
    join_text,
    wrap_width,
)
from ..text.page_furniture import next_body
from .box_edges import BoxEdges
from .candidates import NumberedCandidate, numbered_candidates, printed_contents
from .document_ranks import DocumentRanks
from .flattened import numbered_row_runs
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
from .minutes import (
    PROCEEDINGS,
    agenda_items,
    demote_minutes_title,
    is_label_alone,
    particulars_labels,
    proceedings_lines,
    record_titles,
    speaker_labels,
)
from .outline_choice import SequenceChoice
from .outline_state import ANNEX_RANK, OutlineState
from .quoted_notices import quoted_excerpt_lines
from .slides import (
    DeckGeometry,
    SlideCues,
    after_form_feed,
    cover_lines,
    deck_numbering,
    deck_title_rank,
    slide_title_heading,
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


def _outside(candidates: list[NumberedCandidate], steps: frozenset[int]) -> list[NumberedCandidate]:
    """The numbered candidates but a deck's steps (slides.deck_numbering): a slide's items, no numbering's."""
    return [candidate for candidate in candidates if candidate.index not in steps]


def annex_rank(found: Found) -> int:
    """An annex's rank: a notice's attachment labelled in brackets (「（別添１）」) holds the attached
    text's own parts, its 「別添１」 and its sheets 「（別紙）」; 別添 (a document sent with the notice) holds
    別紙 (a sheet attached to a text), never the other way round."""
    if not found.number.startswith(("（", "(", "【", "〔")):
        return ANNEX_RANK  # 「別添１」, or a label alone standing for its annex (「付録 A」 over 「A-1 …」)
    return ATTACHMENT_RANK if "別添" in found.number else BRACKETED_ANNEX_RANK


class DraftBuilder:
    """One document's reading: the lines, what the whole document says about them (measured once),
    the draft read so far and the state the reading carries (the open block: text_flow.TextFlow;
    the outline's numbering: outline_state.OutlineState; the lines already taken).  Its methods
    apply what the stage modules decide — add a block, emit a heading and record it, open or join
    a block — and read a body line (read_line, read_text); the reading steps call them.
    """

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
        self.slide_rank = deck_title_rank(lines, self.slide_cues)
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
        # (the numbered lines at the ranks the document gives them: its order, their sizes; document_ranks.py)
        # (a deck's numbered steps under its numbered slide titles are none: slides.deck_numbering)
        numbered = deck_numbering(lines, deck)
        steps = numbered.steps
        ranks = DocumentRanks.of(lines, _outside(numbered_candidates(lines, weak=True), steps), self.typeset)
        self.outline = OutlineState(SequenceChoice(ranks.at_document_ranks(
            _outside(numbered_candidates(lines), steps))))
        # A printed contents list (an agenda slide): its entries are text, the lines they name headings.
        self.contents = printed_contents(lines)
        # Excerpts of other texts a notice or a guideline quotes: their numbering places a passage in
        # the quoted text, never a heading of this one (quoted_notices.py).
        self.quoted = quoted_excerpt_lines(lines)
        # What the whole document says about its headings (headings.py), decided before reading.
        self.evidence = HeadingEvidence.of(lines, hints, self.width, self.typeset, ranks, self.cover, numbered)
        self.speaker_labels = speaker_labels(self.lines)
        # A record's title and its particulars under it (「◯日時」「◯場所」…: text) and the agenda items its
        # proceedings take up in turn (「（水道局）」「議第12号 …」: headings), over the whole record.
        self.particulars = particulars_labels(self.lines, self.speaker_labels) | record_titles(self.lines,
                                                                                               self.speaker_labels)
        self.agenda = agenda_items(self.lines, self.speaker_labels)
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
        rank = self.contents_rank(titles[0], self.slide_rank)
        self.add(slide_title_heading(self.lines, titles, rank))
        if self.slide_cues.deck is not None:
            # A PDF slide's title opens its slide: the marked titles and numbered parts set on it
            # nest under it (title_ranks asks for the heading open), the last slide's are closed.
            self.outline.record_heading(rank)
        self.slide_titles_taken.update(self.lines[position].number for position in titles)

    def add_run(self, run: tuple[Block, int]) -> int:
        """Add the block a run of lines gives (runs.py), closing the open list; the index after it."""
        block, after = run
        self.flow.close_list()
        self.add(block)
        return after

    def join_to_open_block(self, line: Line) -> bool:
        """Join the line to the open block when it goes on with it (text_flow.LineJoining); whether it did."""
        how = self.joining.continuation(self.flow, line)
        if how is None:
            return False
        if how == "turn's first words":
            self.flow.join_turns_first_words(line)
        else:
            self.flow.join(line)
        return True

    # -- reading a line ---------------------------------------------------
    def contents_rank(self, index: int, rank: int) -> int:
        """The rank of a heading a printed contents list names (its entry's rank), else ``rank``."""
        entry = self.contents.targets.get(index)
        return entry.rank if entry is not None and entry.rank is not None else rank

    def read_line(self, index: int) -> int:
        """A body line no earlier reading step took: a heading (minutes' 「議事」, a speaker's turn, a
        heading decided by headings.py, a part a contents list names, a heading glued after text) or
        text (read_text); the index after what was read."""
        if index in self.contents.entries:
            # A contents list's entry (or the 「目次」 over it): text, never a heading — and a line of its
            # own, as printed: run on, the list's titles read as one sentence 「…の発揮リスクへの対応」 —
            # unless it is the wrapped rest of the entry above (a listed question's 「請できますか。」).
            if index not in self.contents.rests:
                self.flow.close()
            self.read_text(self.lines[index])
            if next_body(self.lines, index) not in self.contents.rests:
                self.flow.close()
            return index + 1
        if index in self.quoted:
            self.read_text(self.lines[index])  # a quoted excerpt: text, never a heading
            return index + 1
        proceedings = self.emit_proceedings_heading(index)
        if proceedings is not None:
            return proceedings
        if index in self.speaker_labels:
            self.open_speaker_turn(self.lines[index])
            return index + 1
        if index in self.particulars:
            # A record's particular (its mark kept, as printed: no list's bullet) or its own title:
            # text on a line of its own, never a heading.
            line = self.lines[index]
            self.flow.close()
            self.add(Paragraph(line.text, SourceSpan(line.number, line.number)))
            return index + 1
        if index in self.agenda:
            return self.emit_agenda_item(index)
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

    def emit_agenda_item(self, index: int) -> int:
        """Add an agenda item of a record's proceedings (minutes.agenda_items) as a heading at the
        rank of the proceedings' 「議事」: the items follow one another; the index after it."""
        line = self.lines[index]
        self.flow.close_list()
        under_proceedings = any(isinstance(item, Heading) and item.title == PROCEEDINGS for item in self.draft.items)
        rank = NAMED_RANK + 1 if under_proceedings else NAMED_RANK
        self.add(Heading(line.text.strip(), rank, "", SourceSpan(line.number, line.number)))
        self.outline.record_heading(rank)
        return index + 1

    def open_speaker_turn(self, line: Line) -> None:
        """A speaker's label in minutes ("○藤田部会長", "（Ａ）"): it opens the paragraph of the turn."""
        self.flow.close_list()
        paragraph = Paragraph(line.text, SourceSpan(line.number, line.number))
        self.add(paragraph)
        # A label alone on its line is followed by the turn's first words; one opening its line
        # (「○藤田部会長 予定した…」) already has them, and the next line simply continues.
        self.flow.open_turn(paragraph, line, awaits_words=is_label_alone(line.text))

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
                and not explains_a_symbol(text) and not self.joining.enumeration_goes_on(self.flow, line)):
            item = ListItem(marker["marker"].strip(), marker["text"].strip(), span)
            ordered = marker["marker"].strip()[0] not in BULLETS
            if not self.flow.item_goes_on_list(ordered):
                self.add(self.flow.open_list(ListBlock([], span, ordered=ordered)))
            self.flow.open_item(item, line)
            return
        if self.join_to_open_block(line):
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
        entry = self.contents.targets.get(index)
        if entry is not None and not entry.told:
            # An unnumbered title the list names, refused by its own reading (left last on its page, its
            # text on the next: headings.layout_heading): ranked by its display type as its siblings were,
            # not by the list's guess — the list's indents are lost in its text.
            rank = self.evidence.display_rank(line) or rank
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
