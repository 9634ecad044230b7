"""read → normalise/clean → structure → document model, for one catalog entry."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .catalog import Entry
from .clean import classify
from .errors import InputError
from .figures import attach_figures
from .footnotes import link_footnotes
from .model import Document, Draft, Line
from .read import read_lines
from .read_clean import read_clean
from .read_pdf import looks_like_slides, read_pdf
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
    labels: dict[int, str] = {}
    figures: dict[int, list[tuple[float, float, float, float]]] = {}
    if entry.meta.format == "pdf":
        pdf = read_pdf(sources / entry.meta.source)
        lines, slides, labels, figures = pdf.lines, looks_like_slides(pdf), pdf.page_labels, pdf.figures
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
    document = _document(entry, draft, lines)
    document.page_labels = labels
    attach_figures(document, figures)
    return document


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


def _document(entry: Entry, draft: Draft, lines: list[Line]) -> Document:
    preamble, sections = nest(draft)
    assign_anchors(sections)
    return Document(
        meta=entry.meta,
        preamble=preamble,
        sections=sections,
        footnotes=draft.footnotes,
        lines=lines,
        out_of_order=draft.out_of_order,
    )
