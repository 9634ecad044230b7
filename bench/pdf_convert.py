#!/usr/bin/env python3
"""The converter on the corpus PDFs (issue 12): per PDF, what reading it with its layout gives.

    .venv/bin/python bench/pdf_convert.py     # prints the section; bench/pdf_bench.py puts it in bench/pdf.md

Each PDF of ../shared/corpus goes through the project's pipeline (read_pdf → structure →
footnotes → sections), as a catalog entry whose source is the PDF.  Per PDF: pages, seconds
(read and structure, one run on a shared 2-core machine), headings found, recall and precision
against the hand-checked outline (tests/outlines/<id>.yml) and against the PDF's own bookmarks
where it has them, furniture removed by kind, footnotes and tables found, the structure warnings,
and whether every character of the text layer is kept or counted.  The same text converted from
pdftotext's output is in bench/structure.md.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import yaml  # noqa: E402

from atlas.catalog import load_catalog  # noqa: E402
from atlas.clean import FURNITURE_KINDS  # noqa: E402
from atlas.diagnose import warnings  # noqa: E402
from atlas.errors import InputError  # noqa: E402
from atlas.model import Table  # noqa: E402
from atlas.outline import ExpectedHeading, OutlineScore, Reference, compare, document_outline, load_reference  # noqa: E402
from atlas.pipeline import build_document  # noqa: E402
from atlas.read_pdf import read_pdf  # noqa: E402
from atlas.report import document_report  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
OUTLINES = ROOT / "tests" / "outlines"
TARGET_SECONDS = 60.0  # the bound for the whole corpus (about 250 pages)


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


def measure_conversions(corpus: Path = CORPUS, outlines: Path = OUTLINES) -> list[ConversionRow]:
    pdfs = sorted(corpus.glob("*.pdf")) if corpus.is_dir() else []
    rows = []
    with tempfile.TemporaryDirectory(prefix="atlas-pdf-") as scratch:
        folder = Path(scratch)
        entries = []
        for pdf in pdfs:
            (folder / pdf.name).symlink_to(pdf.resolve())
            entries.append({"id": pdf.stem, "title": pdf.stem, "body": "corpus", "date": "2000-01-01",
                            "kind": "document", "source": pdf.name, "summary": pdf.stem})
        (folder / "catalog.yml").write_text(yaml.safe_dump({"documents": entries}), encoding="utf-8")
        for entry in load_catalog(folder) if entries else []:
            rows.append(_measure(entry, folder, outlines))
    return rows


def _measure(entry, folder: Path, outlines: Path) -> ConversionRow:
    row = ConversionRow(entry.meta.id)
    started = time.perf_counter()
    try:
        document = build_document(entry, folder)
    except InputError as error:
        row.error = str(error)
        return row
    row.seconds = time.perf_counter() - started
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


def _fraction(score: OutlineScore | None, attribute: str) -> str:
    return "—" if score is None else f"{getattr(score, attribute):.2f}"


def section_conversion(rows: list[ConversionRow]) -> list[str]:
    if not rows:
        return ["## The converter on the corpus PDFs", "", "No corpus: `../shared/corpus` is absent.", ""]
    pages = sum(r.pages for r in rows)
    seconds = sum(r.seconds for r in rows)
    verdict = "within" if seconds < TARGET_SECONDS else "over"
    lines = [
        "## The converter on the corpus PDFs",
        "",
        "Written by `.venv/bin/python bench/pdf_convert.py` (called by `bench/pdf_bench.py`). Each PDF converted "
        "by the project's pipeline from the PDF itself (`scripts/atlas/read_pdf.py`: pypdfium2 for characters, "
        "pdfplumber's table finder on pages that draw ruling lines). *s*: reading and structuring, one run. "
        "*recall/precision*: headings against the hand-checked outline `tests/outlines/<id>.yml`; *bookmarks*: "
        "the same against the PDF's own bookmarks where it has them (a bookmark tree is not the printed outline: "
        "it may leave out or add levels). *kept*: every character of the text layer is in the output or counted "
        "as furniture.",
        "",
        f"All {len(rows)} PDFs, {pages} pages: {seconds:.1f} s ({seconds / max(pages, 1):.3f} s a page), "
        f"{verdict} the {TARGET_SECONDS:.0f} s the issue allows.",
        "",
        "| PDF | pages | s | headings | recall | precision | bookmarks recall / precision | furniture removed "
        "| notes | tables | warnings | kept |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | --- | --- |",
    ]
    for r in rows:
        if r.error:
            lines.append(f"| {r.id} | — | — | — | — | — | — | — | — | — | stopped: {r.error} | — |")
            continue
        marks = "—" if r.bookmarks is None else (
            f"{_fraction(r.bookmarks, 'recall')} / {_fraction(r.bookmarks, 'precision')} ({r.bookmarks.expected})")
        furniture = ", ".join(f"{kind} {n}" for kind, n in sorted(r.furniture.items())) or "—"
        lines.append(
            f"| {r.id} | {r.pages} | {r.seconds:.1f} | {r.headings} | {_fraction(r.score, 'recall')} | "
            f"{_fraction(r.score, 'precision')} | {marks} | {furniture} | {r.footnotes} | {r.tables} | "
            f"{', '.join(r.warnings) or '—'} | {'OK' if r.conserved else 'NG'} |"
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


def main() -> int:
    print("\n".join(section_conversion(measure_conversions())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
