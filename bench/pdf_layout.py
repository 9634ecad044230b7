#!/usr/bin/env python3
"""What the PDF reader rebuilds beyond lines of text, on each PDF of ../shared/corpus (issue 23).

    .venv/bin/python bench/pdf_layout.py     # writes bench/pdf-layout.md

Per PDF: ruled tables whose cells are recovered (Markdown tables on the site) against those read
as lines (flattened: text runs across the grid's rules, or a character stands in no column);
figures rendered and what their images add to the site's weight (PNG bytes, beside the PDF's own
size, which the site publishes too); pages whose printed page number is known (from the PDF's
page labels, or the page numbers found at the pages' feet) and how many of them differ from the
PDF sheet (there a citation reads 「p. 18（PDF 25頁）」).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from atlas.check.report import document_report  # noqa: E402
from atlas.config.catalog import Entry  # noqa: E402
from atlas.model.document import DocumentMeta, Paragraph, Table  # noqa: E402
from atlas.pipeline import build_document  # noqa: E402
from atlas.read import read_pdf as reader  # noqa: E402
from atlas.read.figures import figures_of, render_figures  # noqa: E402
from atlas.read.pdf_source import read_source  # noqa: E402
from atlas.structure.structure import Hints  # noqa: E402

CORPUS = Path(os.environ.get("ATLAS_CORPUS", ROOT.parent / "shared" / "corpus"))
REPORT = ROOT / "bench" / "pdf-layout.md"


@dataclass
class LayoutRow:
    id: str
    pages: int
    pdf_bytes: int
    grids_recovered: int
    grids_flattened: int
    tables: int  # Table blocks in the document (ruled grids and tables read from text)
    shreds: int  # paragraphs of one or two characters: a table's marks or a figure's labels, shredded
    figures: int
    figure_bytes: int
    printed_pages: int
    printed_differs: int
    conserved: bool


def ruled_grids(path: Path) -> tuple[int, int]:
    """Ruled tables found (pdfplumber, kept by tables_geometry.holds_a_table): with their cells
    recovered, and read as lines because text runs across their rules or stands in no column."""
    recovered = flattened = 0
    pages, _ = read_source(path)
    for page in pages:
        chars = [c for c in page.chars if c["upright"]]
        for bbox, grid in page.tables:
            inside = [c for c in chars if reader._inside(c, bbox)]
            grid, outside = reader._trim_rows(grid, inside, page.number)
            taken = {id(c) for c in outside}
            inside = [c for c in inside if id(c) not in taken]
            rows = reader._cell_texts(grid, inside, page.number) if inside and grid else None
            recovered += rows is not None
            flattened += rows is None
    return recovered, flattened


def measure(path: Path) -> LayoutRow:
    meta = DocumentMeta(id=path.stem, title=path.stem, body="corpus", date=date(2024, 1, 1), kind="report",
                        source=path.name, summary=path.stem, format="pdf")
    document = build_document(Entry(meta, Hints(), 1), path.parent)
    images = render_figures(path, figures_of(document))
    recovered, flattened = ruled_grids(path)
    blocks = [*document.preamble, *(b for s in document.all_sections() for b in s.blocks)]
    pages = max((line.page for line in document.lines), default=0)
    labels = document.page_labels
    return LayoutRow(
        id=path.stem, pages=pages, pdf_bytes=path.stat().st_size, grids_recovered=recovered,
        grids_flattened=flattened, tables=sum(isinstance(b, Table) for b in blocks),
        shreds=sum(isinstance(b, Paragraph) and b.kind == "paragraph" and len(b.text) <= 2 for b in blocks),
        figures=len(images),
        figure_bytes=sum(len(data) for data in images.values()), printed_pages=len(labels),
        printed_differs=sum(1 for page, label in labels.items() if label != str(page)),
        conserved=document_report(document).conserved,
    )


def report(rows: list[LayoutRow]) -> list[str]:
    lines = [
        "# Tables, figures and printed page numbers on the corpus PDFs",
        "",
        "Written by `.venv/bin/python bench/pdf_layout.py` over `../shared/corpus` (issue 23). *ruled tables*: "
        "grids the table finder keeps, with their cells recovered (a table on the site) or flattened (read as "
        "lines: text runs across the rules, or a character stands in no column); *tables*: table blocks in the "
        "document; *shreds*: paragraphs of one or two characters (a table's ○ or a chart's tick, shredded). "
        "*figures*: figure regions rendered (a drawing or image with its labels inside it) and their "
        "PNG bytes at 1.5 × 72 dpi, beside the PDF itself (the site publishes it as well). *printed*: pages whose "
        "printed number is known, and how many differ from the PDF sheet. *kept*: conservation holds.",
        "",
        "| PDF | pages | ruled tables recovered / flattened | tables | shreds | figures | figure KB | PDF KB "
        "| printed (differ) | kept |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for r in rows:
        lines.append(
            f"| {r.id} | {r.pages} | {r.grids_recovered} / {r.grids_flattened} | {r.tables} | {r.shreds} | "
            f"{r.figures} | "
            f"{r.figure_bytes / 1024:.0f} | {r.pdf_bytes / 1024:.0f} | {r.printed_pages} ({r.printed_differs}) | "
            f"{'OK' if r.conserved else 'NG'} |")
    figure_bytes = sum(r.figure_bytes for r in rows)
    pdf_bytes = sum(r.pdf_bytes for r in rows)
    lines += [
        "",
        f"All: {sum(r.grids_recovered for r in rows)} ruled tables recovered, "
        f"{sum(r.grids_flattened for r in rows)} flattened, {sum(r.shreds for r in rows)} shreds; "
        f"{sum(r.figures for r in rows)} figures adding "
        f"{figure_bytes / 1024:.0f} KB to the site (the PDFs themselves: {pdf_bytes / 1024:.0f} KB); "
        f"{sum(r.printed_differs for r in rows)} of {sum(r.pages for r in rows)} pages cited by a printed number "
        "other than their sheet.",
        "",
        "Images are loaded lazily (`loading=\"lazy\"`): a page view fetches only the figures scrolled near, so a "
        "page's first view weighs what it did; the figures add to the site's size on disk and to a reader who "
        "scrolls through them.",
        "",
    ]
    return lines


def main() -> int:
    pdfs = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []
    if not pdfs:
        print("no corpus: ../shared/corpus is absent", file=sys.stderr)
        return 1
    REPORT.write_text("\n".join(report([measure(pdf) for pdf in pdfs])), encoding="utf-8")
    print(REPORT.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
