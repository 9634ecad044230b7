"""read → normalise/clean → structure → document model, for one catalog entry."""

from __future__ import annotations

import warnings
from dataclasses import replace
from pathlib import Path

from .catalog import Entry
from .clean import classify
from .errors import InputError
from .footnotes import link_footnotes
from .model import Document, Draft, Line, Paragraph, Reading, SourceSpan
from .read import read_lines
from .read_clean import read_clean
from .read_pdf import PdfText, looks_like_slides, read_pdf
from .report import differences
from .structure import assign_anchors, finish_text, nest, read_structure, resolve_text_hints


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


def build_document(entry: Entry, sources: Path) -> Document:
    if entry.meta.format == "clean":
        raw, first = source_lines(entry, sources)
        draft, lines = read_clean(sources / entry.meta.source, raw, first)
        return _document(entry, draft, lines)
    reading = Reading()
    if entry.meta.format == "pdf":
        pdf = read_pdf(sources / entry.meta.source)
        lines, slides, reading = pdf.lines, looks_like_slides(pdf), _reading(pdf)
    else:
        raw, first = source_lines(entry, sources)
        lines = classify(raw, first)
        _, missing = resolve_text_hints(lines, entry.hints)
        if missing:
            raise InputError(sources / "catalog.yml", f"'{entry.meta.id}': no line reads {missing[0]!r}", entry.line)
        slides = paged_like_slides(lines)
    # One structure step for both readers: a PDF's lines carry their layout, a text's do not.
    draft = read_structure(lines, replace(entry.hints, slides=entry.hints.slides or slides))
    finish_text(draft)
    link_footnotes(draft)
    document = _document(entry, draft, lines, reading)
    lost, invented = differences(document)
    if not lost and not invented:
        return document
    # The structure step would lose or invent text: the reader gets the text page by page, as read,
    # rather than a document with a character changed or no document at all.
    warnings.warn(f"{entry.meta.id}: its structure would lose {lost[:20]!r} or invent {invented[:20]!r}; "
                  "the document is read as plain text, page by page", stacklevel=2)
    return _document(entry, plain_draft(lines), lines, replace(reading, plain_text=True))


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


# A page of a slide deck holds little text: a title, a few bullets, labels.  A report's page
# holds well over a thousand characters.
SLIDE_PAGE_CHARS = 700
SLIDE_DECK_PAGES = 4  # fewer pages with text tell nothing either way


def paged_like_slides(lines: list[Line]) -> bool:
    """Text with page starts (pdftotext's form feeds) whose pages hold little text: a slide deck."""
    pages = {line.page for line in lines if line.page and line.kind == "body"}
    if len(pages) < SLIDE_DECK_PAGES:
        return False
    chars = sum(len(line.text) for line in lines if line.kind == "body")
    return chars / len(pages) < SLIDE_PAGE_CHARS


def _document(entry: Entry, draft: Draft, lines: list[Line], reading: Reading | None = None) -> Document:
    preamble, sections = nest(draft)
    assign_anchors(sections)
    return Document(
        meta=entry.meta,
        preamble=preamble,
        sections=sections,
        footnotes=draft.footnotes,
        lines=lines,
        out_of_order=draft.out_of_order,
        reading=reading or Reading(),
    )
