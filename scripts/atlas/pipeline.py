"""One catalog entry's conversion: source → lines → draft → document, as a declared list of stages.

``DOCUMENT_STAGES`` is the order; each stage is a small function over ``Work`` (what the stages
hand on) that calls the module doing the work.  ``build_document`` runs them and may hand each
stage's result to a watcher (``convert.py --dump`` writes them out as JSON).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .check.report import differences
from .config.catalog import Entry
from .config.hints import resolve_text_hints
from .model.document import Document, Draft, Line, Paragraph, Reading, SourceSpan
from .model.errors import InputError
from .read.captioned_images import place_captioned_images
from .read.figures import attach_figures
from .read.read_clean import read_clean
from .read.read_pdf import PdfText, read_pdf
from .structure.anchors import assign_anchors
from .structure.float_cuts import join_paragraphs_cut_by_floats
from .structure.footnotes import link_footnotes
from .structure.letter_spacing import finish_text
from .structure.nesting import nest
from .structure.page_cuts import join_paragraphs_cut_by_notes
from .structure.slides import titles_repeated
from .structure.struck import mark_struck_words
from .structure.structure import read_structure
from .text.clean import classify
from .text.encoding import read_lines
from .text.page_furniture import exported_slides, holds_slides


def source_lines(entry: Entry, sources: Path) -> tuple[list[str], int]:
    """The raw lines of this entry (a slice for a compilation's part) and the first's number."""
    path = sources / entry.meta.source
    raw = read_lines(path)
    if entry.meta.lines is None:
        return raw, 1
    first, last = entry.meta.lines
    if last > len(raw):
        raise InputError(path, f"part '{entry.meta.id}' ends at line {last}, but the file has {len(raw)} lines")
    return raw[first - 1 : last], first


@dataclass
class Work:
    """What one document's stages hand on to each other: the source's lines, then a draft (headings
    and blocks in reading order), then the document (sections nested)."""

    entry: Entry
    sources: Path
    lines: list[Line] = field(default_factory=list)
    slides: bool = False
    draft: Draft | None = None
    document: Document | None = None
    reading: Reading = field(default_factory=Reading)  # what reading a PDF met (pages read plainly, …)
    page_labels: dict[int, str] = field(default_factory=dict)  # PDF page → the number printed on it
    figures: dict[int, list[tuple[float, float, float, float]]] = field(default_factory=dict)  # page → boxes

    @property
    def structured_as_written(self) -> bool:
        """A clean text states its structure: the reader's draft is final, nothing is guessed."""
        return self.entry.meta.format == "clean"


@dataclass(frozen=True)
class Stage:
    """A named step of the conversion; its function's docstring says what it does."""

    name: str
    run: Callable[[Work], None]


def read_source(work: Work) -> None:
    """Source → lines: a PDF's lines with their layout; a text's lines normalised and classified
    (body or furniture); a clean text read with the structure it states."""
    entry, sources = work.entry, work.sources
    if entry.meta.format == "clean":
        raw, first = source_lines(entry, sources)
        work.draft, work.lines = read_clean(sources / entry.meta.source, raw, first)
    elif entry.meta.format == "pdf":
        pdf = read_pdf(sources / entry.meta.source)
        # A deck by how little its pages hold, or by how it was made: landscape slides PowerPoint
        # bookmarked (a portrait pamphlet laid out in PowerPoint sets several titles a page, as
        # a report does: read as one title a slide, it would lose them).
        slides = holds_slides(pdf.lines, pdf.landscape) or (
            pdf.landscape and exported_slides([title for _, title, _ in pdf.outline], pdf.pages))
        # A deck's titles repeated over continued slides are its slides' titles, no running head.
        work.lines = titles_repeated(pdf.lines) if slides else pdf.lines
        work.slides, work.reading = slides, _reading(pdf)
        work.page_labels, work.figures = pdf.page_labels, pdf.figures
    else:
        raw, first = source_lines(entry, sources)
        work.lines = classify(raw, first)
        _, missing = resolve_text_hints(work.lines, entry.hints)
        if missing:
            raise InputError(sources / "catalog.yml", f"'{entry.meta.id}': no line reads {missing[0]!r}", entry.line)
        work.slides = holds_slides(work.lines)


def find_structure(work: Work) -> None:
    """Lines → draft: headings, paragraphs, lists, tables and notes in reading order (one step for
    both readers: a PDF's lines carry their layout, a text's do not)."""
    if work.structured_as_written:
        return
    hints = replace(work.entry.hints, slides=work.entry.hints.slides or work.slides)
    work.draft = read_structure(work.lines, hints)


def finish_draft_text(work: Work) -> None:
    """Letter-spaced words rejoined in every text, now that lines are joined."""
    if not work.structured_as_written:
        finish_text(_draft(work))


def link_notes(work: Work) -> None:
    """Markers glued to the text (「概念である1。」) → footnote references; then a paragraph the notes at
    a page's foot cut in two is joined again (its markers were looked for on their own pages)."""
    if not work.structured_as_written:
        raised = {line.number: line.layout.raised for line in work.lines if line.layout and line.layout.raised}
        link_footnotes(_draft(work), {line.number: line.page for line in work.lines}, raised)
        join_paragraphs_cut_by_notes(_draft(work), work.lines)


def join_across_floats(work: Work) -> None:
    """A paragraph a figure, a table or a caption stood between the halves of (a sentence leaving a
    column in mid-word, going on past the float) is joined again; the floats follow it."""
    if not work.structured_as_written:
        join_paragraphs_cut_by_floats(_draft(work), work.lines)


def mark_struck(work: Work) -> None:
    """Words a PDF page strikes out (見え消し) marked deleted in the paragraph or list item that
    holds them, the text unchanged (struck.py)."""
    if not work.structured_as_written:
        mark_struck_words(_draft(work), work.lines)


def nest_sections(work: Work) -> None:
    """Draft → document: every block under its heading, headings nested by the rank of their numbering."""
    draft = _draft(work)
    preamble, sections = nest(draft)
    work.document = Document(
        meta=work.entry.meta,
        preamble=preamble,
        sections=sections,
        footnotes=draft.footnotes,
        lines=work.lines,
        out_of_order=draft.out_of_order,
        reading=work.reading,
        page_labels=work.page_labels,
    )


def number_sections(work: Work) -> None:
    """Every section's id from its numbering path (the published ids are pinned later, by the lock)."""
    assert work.document is not None
    assign_anchors(work.document.sections)


def place_figures(work: Work) -> None:
    """Each figure a PDF page draws stands where it stood, its labels as its text (figures.py); a
    picture with no words of its own, by the caption that names it (captioned_images.py)."""
    assert work.document is not None
    shown = attach_figures(work.document, work.figures)
    place_captioned_images(work.document, work.figures, shown)


def keep_every_character(work: Work) -> None:
    """A document whose structure would lose or invent a character is read again as plain text,
    page by page (with a warning): the reader gets the text as read rather than a document with a
    character changed, or no document at all."""
    assert work.document is not None
    lost, invented = differences(work.document)
    if not lost and not invented:
        return
    warnings.warn(f"{work.entry.meta.id}: its structure would lose {lost[:20]!r} or invent {invented[:20]!r}; "
                  "the document is read as plain text, page by page", stacklevel=2)
    work.draft = plain_draft(work.lines)
    work.reading = replace(work.reading, plain_text=True)
    nest_sections(work)
    number_sections(work)


def _reading(pdf: PdfText) -> Reading:
    return Reading(pdf.text_layer, pdf.plain_pages, pdf.replaced, pdf.bullets, pdf.messages)


def plain_draft(lines: list[Line]) -> Draft:
    """The body lines as they are, a preformatted block a page (or the whole text when it has no
    pages): no structure, nothing joined, nothing lost."""
    draft = Draft()
    body = [line for line in lines if line.kind == "body"]
    for page in dict.fromkeys(line.page for line in body):
        on_page = [line for line in body if line.page == page]
        span = SourceSpan(on_page[0].number, on_page[-1].number)
        draft.items.append(Paragraph("\n".join(line.text for line in on_page), span, kind="preformatted"))
    return draft


def _draft(work: Work) -> Draft:
    assert work.draft is not None, "a stage that needs the draft ran before the structure stage"
    return work.draft


# One document's conversion, in order.  convert.py runs the library's stages after these.
DOCUMENT_STAGES: tuple[Stage, ...] = (
    Stage("read", read_source),
    Stage("structure", find_structure),
    Stage("text", finish_draft_text),
    Stage("notes", link_notes),
    Stage("floats", join_across_floats),
    Stage("struck", mark_struck),
    Stage("nest", nest_sections),
    Stage("anchors", number_sections),
    Stage("figures", place_figures),
    Stage("kept", keep_every_character),
)

# Called after each stage with the stage's name and what it made (see convert.py --dump).
StageWatcher = Callable[[str, Work], None]


def build_document(entry: Entry, sources: Path, watch: StageWatcher | None = None) -> Document:
    work = Work(entry, sources)
    for stage in DOCUMENT_STAGES:
        stage.run(work)
        if watch is not None:
            watch(stage.name, work)
    assert work.document is not None
    return work.document

