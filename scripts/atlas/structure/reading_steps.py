"""What each line is read as: the declared list of reading steps, in order of precedence, and the
loop that walks the lines with it.

At each line the first step that applies and does not decline reads it and gives the index to go
on from: lines read already, notes, the cover, a slide's title, a figure's labels, furniture, runs
kept as printed, code samples, tables, a meeting's particulars, and last a heading, a list or text
(DraftBuilder.read_line).  The steps only route a line; the blocks come from runs.py and slides.py,
the decisions from the stage modules, and the builder adds what they return.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.document import Draft
from .builder import DraftBuilder
from .code_samples import code_run, read_code
from .flattened import cell_run
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
    named_slide_title,
    slide_title,
    starts_slide,
    text_title_block,
)

# ---------------------------------------------------------------------------
# What a line is read as, in order of precedence
# ---------------------------------------------------------------------------
# Each step is (what it reads, whether it applies at the line, how the builder reads it). The
# first step that applies and does not decline (None) reads the line and gives the index to go on
# from; the last, read_line, takes every body line left (headings, lists, paragraphs). The blocks
# themselves come from runs.py and slides.py; these only add what those return to the draft.
# (In the tests below, b is the builder and i the line's index.)


def _skip(builder: DraftBuilder, index: int) -> int:
    return index + 1


def _text_notes(builder: DraftBuilder, index: int) -> int:
    """A line of footnotes found among the text (text_footnotes): its notes go where it stood."""
    if index in builder.text_notes.at:
        builder.flow.close_list()
        builder.draft.footnotes.extend(builder.text_notes.at[index])
    return index + 1


def _notes_under_rule(builder: DraftBuilder, index: int) -> int:
    notes, after = read_footnotes(builder.lines, index + 1, builder.width)
    builder.draft.footnotes.extend(notes)
    return after


def _cover(builder: DraftBuilder, index: int) -> int:
    builder.flow.close_list()
    paragraphs, after = read_cover(builder.lines, index, builder.cover)
    for paragraph in paragraphs:
        builder.add(paragraph)
    return after


def _starts_slide(builder: DraftBuilder, index: int) -> bool:
    return builder.hints.slides and starts_slide(builder.lines, index, builder.slide_cues.form_feeds)


def _slide_title(builder: DraftBuilder, index: int) -> int | None:
    """The title of the slide starting here, before its text; declines when the line is not (part
    of) the title, which the later steps then read."""
    builder.add_slide_title(slide_title(builder.lines, index, builder.slide_cues))
    return index + 1 if builder.lines[index].number in builder.slide_titles_taken else None


def _pdf_notes(builder: DraftBuilder, index: int) -> int | None:
    """Small type at a page's foot (PDF reader): footnotes, unless no note starts the run."""
    notes, after = read_footnotes(builder.lines, index, builder.width)
    builder.draft.footnotes.extend(notes)
    if after == index:
        return None
    builder.flow.close_list()
    return after


def _not_body(builder: DraftBuilder, index: int) -> int:
    """Furniture and blank lines are no text; a blank line is counted against the open paragraph."""
    if builder.lines[index].kind == "blank":
        builder.flow.count_blank_line()
    return index + 1


def _preformatted(builder: DraftBuilder, index: int) -> int:
    bounds = preformatted_range(builder.hints.preformatted, builder.lines[index].number)
    assert bounds is not None  # the step applies only inside a range
    return builder.add_run(read_preformatted(builder.lines, index, bounds))


def _code(builder: DraftBuilder, index: int) -> int | None:
    last = code_run(builder.lines, index)
    if last is None or not builder.untaken(index, last):
        return None
    return builder.add_run(read_code(builder.lines, index, last))


def _numbered_rows(builder: DraftBuilder, index: int) -> int | None:
    last = builder.row_runs[index]
    return builder.add_run(read_rows(builder.lines, index, last)) if builder.untaken(index, last) else None


def _cells(builder: DraftBuilder, index: int) -> int | None:
    last = cell_run(builder.lines, index)
    if last is None or not builder.untaken(index, last):
        return None
    return builder.add_run(read_rows(builder.lines, index, last))


def _named_slide_title(builder: DraftBuilder, index: int) -> int:
    """A slide title the catalog names where no slide start was seen (the text ran two slides
    together): its heading stands where it is printed."""
    titles = text_title_block(builder.lines, index)
    builder.add_slide_title(titles)
    return titles[-1] + 1


def _layout_role(builder: DraftBuilder, index: int, role: str) -> bool:
    line = builder.lines[index]
    return line.kind == "body" and line.layout is not None and line.layout.role == role


ReadingStep = tuple[str, Callable[[DraftBuilder, int], bool], Callable[[DraftBuilder, int], int | None]]

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
    # A code or data sample set in a typewriter face (PDF reader): its lines as printed, before any
    # of them is taken for a heading (「<!-- 3.報告区分 -->」) or joined as prose.
    ("a sample set in a typewriter face", lambda b, i: b.lines[i].layout is not None, _code),
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


def read_in_steps(builder: DraftBuilder) -> Draft:
    """Read the lines in order: at each, the first step of READING_STEPS that applies and reads
    it (a step may decline: the next one is tried) gives the index to go on from."""
    index = 0
    while index < len(builder.lines):
        for _, applies, read in READING_STEPS:
            if applies(builder, index):
                after = read(builder, index)
                if after is not None:
                    index = after
                    break
    return builder.draft
