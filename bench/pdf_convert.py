#!/usr/bin/env python3
"""The converter on the corpus PDFs (issues 12 and 24): per PDF, what reading it with its layout gives.

    .venv/bin/python bench/pdf_convert.py     # prints the section; bench/pdf_bench.py puts it in bench/pdf.md

Each PDF of ../shared/corpus goes through the project's pipeline (read_pdf → structure →
footnotes → sections), as a catalog entry whose source is the PDF.  Per PDF: converted or refused
(and why), pages, seconds (read and structure, one run on a shared 2-core machine: wall clock and
the process's CPU time, which the other users of the machine disturb less), pdftotext's time on the
same file, the pages read plainly (their layout would have lost or invented a character), the
characters replaced (U+FFFD), the private-use bullets read as 「・」, the PDF libraries' messages;
then headings found, recall and precision against the hand-checked outline (tests/outlines/<id>.yml)
and against the PDF's own bookmarks where it has them, furniture removed by kind, footnotes and
tables found, the structure warnings, and whether every character of the PDF's text layer is kept
or counted.  The same text converted from pdftotext's output is in bench/structure.md.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings as python_warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import yaml  # noqa: E402

from atlas.check.diagnose import warnings  # noqa: E402
from atlas.check.outline import ExpectedHeading, OutlineScore, Reference, compare, document_outline, load_reference  # noqa: E402
from atlas.check.report import document_report  # noqa: E402
from atlas.config.catalog import load_catalog  # noqa: E402
from atlas.model.document import Table  # noqa: E402
from atlas.model.errors import InputError  # noqa: E402
from atlas.pipeline import build_document  # noqa: E402
from atlas.read.read_pdf import read_pdf  # noqa: E402
from atlas.text.page_furniture import FURNITURE_KINDS  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
OUTLINES = ROOT / "tests" / "outlines"
TARGET_SECONDS = 60.0  # issue 12's bound for the whole corpus (about 250 pages)
# Issue 24's bounds, seconds a page: the median PDF, and the slowest.
TARGET_MEDIAN, TARGET_SLOWEST = 0.1, 0.25


@dataclass
class ConversionRow:
    id: str
    pages: int = 0
    seconds: float = 0.0
    headings: int = 0
    score: OutlineScore | None = None
    bookmarks: OutlineScore | None = None
    furniture: dict[str, int] = field(default_factory=dict)
    footnotes: int = 0
    tables: int = 0
    warnings: list[str] = field(default_factory=list)
    conserved: bool = False
    error: str = ""
    cpu: float = 0.0  # the process's CPU seconds for the conversion
    pdftotext: float | None = None  # pdftotext's seconds on the same file (None: not installed)
    plain_pages: list[int] = field(default_factory=list)
    plain_text: bool = False
    replaced: int = 0
    bullets: int = 0
    messages: int = 0


def measure_conversions(corpus: Path = CORPUS, outlines: Path = OUTLINES) -> list[ConversionRow]:
    pdfs = sorted(corpus.glob("*.pdf")) if corpus.is_dir() else []
    rows = []
    with tempfile.TemporaryDirectory(prefix="atlas-pdf-") as scratch:
        folder = Path(scratch)
        entries = []
        for pdf in pdfs:
            (folder / pdf.name).symlink_to(pdf.resolve())
            entries.append({"id": pdf.stem, "title": pdf.stem, "body": "corpus", "date": "2000-01-01",
                            "kind": "report", "source": pdf.name, "summary": pdf.stem})
        (folder / "catalog.yml").write_text(yaml.safe_dump({"documents": entries}), encoding="utf-8")
        for entry in load_catalog(folder) if entries else []:
            rows.append(_measure(entry, folder, outlines))
    return rows


def _measure(entry, folder: Path, outlines: Path) -> ConversionRow:
    row = ConversionRow(entry.meta.id)
    row.pdftotext = _pdftotext_seconds(folder / entry.meta.source)
    started, cpu = time.perf_counter(), time.process_time()
    try:
        with python_warnings.catch_warnings():
            python_warnings.simplefilter("ignore")  # the pages read plainly are counted below
            document = build_document(entry, folder)
    except InputError as error:
        row.error = error.problem
        return row
    row.seconds = time.perf_counter() - started
    row.cpu = time.process_time() - cpu
    reading = document.reading
    row.plain_pages, row.plain_text = list(reading.plain_pages), reading.plain_text
    row.replaced, row.bullets, row.messages = reading.replaced, reading.bullets, sum(reading.messages.values())
    pdf = read_pdf(folder / entry.meta.source)  # again, for the bookmarks (not timed)
    row.pages = pdf.pages
    found = document_outline(document)
    row.headings = len(found)
    reference = outlines / f"{entry.meta.id}.yml"
    if reference.is_file():
        row.score = compare(load_reference(reference), found)
    if pdf.outline:
        marks = tuple(ExpectedHeading(level, title, page) for level, title, page in pdf.outline)
        row.bookmarks = compare(Reference(entry.meta.id, "corpus", marks), found)
    report = document_report(document)
    row.furniture = {kind: n for kind, n in report.dropped_lines.items() if kind in FURNITURE_KINDS}
    row.footnotes = len(document.footnotes)
    row.tables = sum(isinstance(b, Table) for s in document.all_sections() for b in s.blocks)
    row.warnings = [w.kind for w in warnings(document)]
    row.conserved = report.conserved
    return row


def _pdftotext_seconds(pdf: Path) -> float | None:
    """pdftotext's wall-clock time on the file, the whole process: the speed anchor."""
    started = time.perf_counter()
    try:
        subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=False, timeout=300)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return time.perf_counter() - started


def _fraction(score: OutlineScore | None, attribute: str) -> str:
    return "—" if score is None else f"{getattr(score, attribute):.2f}"


def section_conversion(rows: list[ConversionRow], load: tuple[float, float] = (0.0, 0.0)) -> list[str]:
    if not rows:
        return ["## The converter on the corpus PDFs", "", "No corpus: `../shared/corpus` is absent.", ""]
    return _section_reading(rows, load) + _section_structure(rows)


def _per_page(seconds: float, pages: int) -> float:
    return seconds / max(pages, 1)


def _section_reading(rows: list[ConversionRow], load: tuple[float, float]) -> list[str]:
    converted = [r for r in rows if not r.error]
    pages = sum(r.pages for r in converted)
    seconds = sum(r.seconds for r in converted)
    wall = [_per_page(r.seconds, r.pages) for r in converted]
    cpu = [_per_page(r.cpu, r.pages) for r in converted]
    lines = [
        "## The converter on the corpus PDFs",
        "",
        "Written by `.venv/bin/python bench/pdf_convert.py` (called by `bench/pdf_bench.py`; "
        "`bench/pdf_bench.py --converter-only` re-measures this part alone). Each PDF converted by the project's "
        "pipeline from the PDF itself (`scripts/atlas/read/read_pdf.py`: pypdfium2 for characters, pdfplumber's table "
        "finder on pages that draw ruling lines), one run. *s*: reading and structuring, wall clock; *CPU s/page*: "
        "the process's CPU time for the same, which the machine's other users disturb less than the wall clock; "
        "*pdftotext*: `pdftotext -enc UTF-8` on the same file, the whole process. *read plainly*: pages whose layout "
        "(tables, columns, letter-spacing, reading order) would have lost or invented a character against the "
        "PDF's text layer, read again in the library's text order; *replaced*: characters the output cannot hold "
        "(lone surrogates, control characters), shown as U+FFFD; *bullets*: private-use code points shown as "
        "「・」; *messages*: lines the PDF libraries printed, counted into the report instead. *kept*: every "
        "character of the PDF's text layer is in the output or counted as furniture.",
        "",
        f"{len(converted)} of {len(rows)} PDFs converted, {pages} pages, {seconds:.1f} s "
        f"({_per_page(seconds, pages):.3f} s a page). Seconds a page, median / slowest: wall clock "
        f"{statistics.median(wall):.3f} / {max(wall):.3f}, CPU {statistics.median(cpu):.3f} / {max(cpu):.3f} "
        f"(bounds: {TARGET_MEDIAN} / {TARGET_SLOWEST}). The machine's load average was {load[0]:.1f} before "
        f"and {load[1]:.1f} after (2 cores, shared).",
        "",
        "| PDF | result | pages | s | s/page | CPU s/page | pdftotext s/page | × pdftotext | read plainly "
        "| replaced | bullets | messages | kept |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |",
    ]
    for r in rows:
        if r.error:
            lines.append(f"| {r.id} | refused: {r.error} | — | — | — | — | — | — | — | — | — | — | — |")
            continue
        anchor = "—" if r.pdftotext is None else f"{_per_page(r.pdftotext, r.pages):.3f}"
        times = "—" if not r.pdftotext else f"{r.seconds / r.pdftotext:.0f}×"
        plain = "whole document" if r.plain_text else ", ".join(f"p. {n}" for n in r.plain_pages) or "none"
        lines.append(
            f"| {r.id} | converted | {r.pages} | {r.seconds:.2f} | {_per_page(r.seconds, r.pages):.3f} | "
            f"{_per_page(r.cpu, r.pages):.3f} | {anchor} | {times} | {plain} | {r.replaced} | {r.bullets} | "
            f"{r.messages} | {'OK' if r.conserved else 'NG'} |"
        )
    return [*lines, ""]


def _section_structure(rows: list[ConversionRow]) -> list[str]:
    lines = [
        "### Structure",
        "",
        "*recall/precision*: headings against the hand-checked outline `tests/outlines/<id>.yml`; *bookmarks*: "
        "the same against the PDF's own bookmarks where it has them (a bookmark tree is not the printed outline: "
        "it may leave out or add levels).",
        "",
        "| PDF | headings | recall | precision | bookmarks recall / precision | furniture removed "
        "| notes | tables | warnings |",
        "| --- | ---: | ---: | ---: | --- | --- | ---: | ---: | --- |",
    ]
    for r in rows:
        if r.error:
            continue
        marks = "—" if r.bookmarks is None else (
            f"{_fraction(r.bookmarks, 'recall')} / {_fraction(r.bookmarks, 'precision')} ({r.bookmarks.expected})")
        furniture = ", ".join(f"{kind} {n}" for kind, n in sorted(r.furniture.items())) or "—"
        lines.append(
            f"| {r.id} | {r.headings} | {_fraction(r.score, 'recall')} | {_fraction(r.score, 'precision')} | "
            f"{marks} | {furniture} | {r.footnotes} | {r.tables} | {', '.join(r.warnings) or '—'} |"
        )
    scored = [r.score for r in rows if r.score]
    if scored:
        recall = sum(s.recall for s in scored) / len(scored)
        precision = sum(s.precision for s in scored) / len(scored)
        lines += ["", f"Mean over the {len(scored)} PDFs with a hand outline: recall {recall:.2f}, "
                  f"precision {precision:.2f} (target 0.85 each on unseen documents)."]
    totals: Counter[str] = Counter()
    for r in rows:
        totals.update(r.furniture)
    lines += ["", "Furniture removed over the corpus, by kind: "
              + (", ".join(f"{kind} {n}" for kind, n in sorted(totals.items())) or "none") + ".", ""]
    return lines


def measured_section(corpus: Path = CORPUS) -> list[str]:
    """The section, measured now, with the machine's load around the measurement."""
    before = os.getloadavg()[0]
    rows = measure_conversions(corpus)
    return section_conversion(rows, (before, os.getloadavg()[0]))


def main() -> int:
    print("\n".join(measured_section()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
