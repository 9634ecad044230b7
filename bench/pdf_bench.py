#!/usr/bin/env python3
"""PDF library benchmark: which library should read the corpus PDFs (issue 12).

    .venv/bin/python bench/pdf_bench.py                  # every PDF of ../shared/corpus; writes bench/pdf.md
    .venv/bin/python bench/pdf_bench.py --runs 1 --docs meti-info-system-safety-standard-1997

For each PDF of ../shared/corpus, the median of --runs runs (default 3) of:
- pdftotext -enc UTF-8 (poppler, the whole process): the speed anchor;
- pypdfium2: open, then every character of every page with its loose box, font size, font name
  and weight (pypdfium2.raw: FPDFText_GetLooseCharBox, _GetFontSize, _GetFontInfo, _GetFontWeight);
  separately, the page's path objects (what ruling lines would be built from);
- pdfplumber (pdfminer.six): open, every page's `chars`; separately, on the already parsed pages,
  `page.find_tables()` and `page.lines` + `page.rects`;
- docling-parse, when it is installed: open, every page's character cells (word, line, shape and
  bitmap content skipped); separately, character cells plus shapes (ruling lines).
Also per PDF and library: the most frequent font name (body) and the font name at the largest size
(headings), whether an encrypted PDF opens without a password, the bookmark count against the
corpus .json `outline_entries`, and the share of CJK radical code points (U+2E80–U+2FDF, which
some PDFs map kanji to) among kanji.

Layout: measure_libraries() -> list[LibraryRow]; write_report(rows, path) renders bench/pdf.md from
sections (REPORT_SECTIONS), so a further section (the converter's own figures) is one more function.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import ctypes
import json
import math
import os
import pickle
import platform
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
REPORT = ROOT / "bench" / "pdf.md"

# A font size must carry this many characters to count as "the largest": a lone decorative glyph or
# a big page-number digit would otherwise stand for the headings.
MIN_CHARS_FOR_LARGEST = 10


@dataclass(frozen=True)
class Glyph:
    """One character as a library reports it (only what the statistics need)."""

    text: str
    size: float
    font: str | bytes  # as the library reports it: pdfminer gives bytes for a name it cannot decode


@dataclass
class LibraryRow:
    """One library on one PDF: timings (median seconds) and what it reported."""

    library: str
    doc: str
    pages: int
    seconds: float | None = None  # None: the library could not open the PDF
    extras: dict[str, float] = field(default_factory=dict)  # further timed steps, median seconds
    error: str = ""
    encrypted: bool = False
    expected_bookmarks: int = 0  # the corpus .json's outline_entries
    bookmarks: int | None = None
    tables: int | None = None
    runs: int = 0
    load: tuple[float, float] = (0.0, 0.0)  # the machine's 1-minute load average before and after measuring
    chars: int = 0  # characters other than whitespace
    radicals: int = 0  # U+2E80–U+2FDF
    kanji: int = 0  # U+3400–U+4DBF, U+4E00–U+9FFF, U+F900–U+FAFF
    body_font: str | bytes = ""
    body_size: float = 0.0
    heading_font: str | bytes = ""
    heading_size: float = 0.0

    @property
    def per_page(self) -> float | None:
        return None if self.seconds is None else self.seconds / self.pages


@dataclass
class Extraction:
    """What one run of a library returns: its glyphs, bookmarks, table count, timings of extra steps."""

    glyphs: list[Glyph]
    bookmarks: int | None = None
    tables: int | None = None
    extras: dict[str, float] = field(default_factory=dict)


# --- the libraries -------------------------------------------------------------------------------


def run_pdftotext(path: Path) -> Extraction:
    """The whole pdftotext process; its text counts for the radical share (no fonts, no sizes)."""
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    text = result.stdout.decode("utf-8", "replace")
    return Extraction([Glyph(ch, 0.0, "") for ch in text])


def _font_name(raw_name: bytes) -> str | bytes:
    """pdfium hands over the font's name bytes as the PDF stores them: UTF-8 or ASCII mostly, but older Japanese
    software wrote Shift_JIS. Undecodable names stay bytes, as pdfminer leaves them, so nothing is lost here."""
    try:
        return raw_name.decode("utf-8")
    except UnicodeDecodeError:
        return raw_name


def run_pypdfium2(path: Path) -> Extraction:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    glyphs: list[Glyph] = []
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    box = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    doc = pdfium.PdfDocument(str(path))
    try:
        bookmarks = sum(1 for _ in doc.get_toc())
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            handle = textpage.raw
            for i in range(raw.FPDFText_CountChars(handle)):
                code = raw.FPDFText_GetUnicode(handle, i)
                raw.FPDFText_GetLooseCharBox(handle, i, ctypes.byref(box))
                # FPDFText_GetFontSize is the Tf operand: 1 in PDFs that scale text with the text matrix
                # (ipa, jssec). The size on the page is that times the matrix's vertical scale.
                raw.FPDFText_GetMatrix(handle, i, ctypes.byref(matrix))
                size = raw.FPDFText_GetFontSize(handle, i) * math.hypot(matrix.c, matrix.d)
                length = raw.FPDFText_GetFontInfo(handle, i, name, len(name), ctypes.byref(flags))
                raw.FPDFText_GetFontWeight(handle, i)
                font = _font_name(name.value) if 0 < length <= len(name) else ""
                glyphs.append(Glyph(chr(code), size, font))
            textpage.close()
            page.close()
        started = time.perf_counter()
        for index in range(len(doc)):
            page = doc[index]
            for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=2):
                obj.get_bounds()
            page.close()
        paths = time.perf_counter() - started
    finally:
        doc.close()
    return Extraction(glyphs, bookmarks=bookmarks, extras={"path objects": paths})


def run_pdfplumber(path: Path) -> Extraction:
    import pdfplumber
    from pdfminer.pdfdocument import PDFNoOutlines

    glyphs: list[Glyph] = []
    with pdfplumber.open(path) as pdf:
        try:
            bookmarks = sum(1 for _ in pdf.doc.get_outlines())
        except PDFNoOutlines:
            bookmarks = 0
        for page in pdf.pages:
            glyphs.extend(Glyph(c["text"], c["size"], c["fontname"]) for c in page.chars)
        # Both steps below reuse the layout already parsed for `chars`: their figures are the extra cost.
        started = time.perf_counter()
        tables = sum(len(page.find_tables()) for page in pdf.pages)
        found = time.perf_counter()
        for page in pdf.pages:
            _ = (page.lines, page.rects)
        ruled = time.perf_counter()
    return Extraction(glyphs, bookmarks=bookmarks, tables=tables,
                      extras={"find_tables": found - started, "lines+rects": ruled - found})


def docling_available() -> bool:
    try:
        import docling_parse.pdf_parser  # noqa: F401
    except ImportError:
        return False
    return True


def _count_outline(entry) -> int:
    return sum(1 + _count_outline(child) for child in entry.children)


def _docling_cells(path: Path, with_shapes: bool) -> tuple[list[Glyph], int]:
    from docling_parse.pdf_parser import ContentConfig, ContentLevel, DoclingPdfParser

    skip, keep = ContentLevel.SKIP, ContentLevel.COMPUTE_AND_MATERIALIZE
    config = ContentConfig(word_cells_content_level=skip, line_cells_content_level=skip,
                           bitmaps_content_level=skip, shapes_content_level=keep if with_shapes else skip)
    parser = DoclingPdfParser()
    doc = parser.load(path)
    try:
        toc = doc.get_table_of_contents()
        glyphs: list[Glyph] = []
        for _, page in doc.iterate_pages(content_config=config):
            for cell in page.char_cells:
                rect = cell.rect
                # docling-parse gives no font size: the cell's height is the em box, which is the size.
                size = abs(rect.r_y2 - rect.r_y0)
                glyphs.append(Glyph(cell.text, size, cell.font_name.lstrip("/")))
    finally:
        doc.unload()
    return glyphs, 0 if toc is None else _count_outline(toc)


def run_docling(path: Path) -> Extraction:
    glyphs, bookmarks = _docling_cells(path, with_shapes=False)
    started = time.perf_counter()
    _docling_cells(path, with_shapes=True)
    return Extraction(glyphs, bookmarks=bookmarks, extras={"chars+shapes": time.perf_counter() - started})


LIBRARIES: dict[str, Callable[[Path], Extraction]] = {
    "pdftotext": run_pdftotext,
    "pypdfium2": run_pypdfium2,
    "pdfplumber": run_pdfplumber,
    "docling-parse": run_docling,
}


# --- measuring -----------------------------------------------------------------------------------


def is_radical(ch: str) -> bool:
    return 0x2E80 <= ord(ch) <= 0x2FDF


def is_kanji(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF


def font_samples(glyphs: Iterable[Glyph]) -> tuple[str, float, str, float]:
    """(body font, its usual size, heading font, largest size): the most frequent font by characters, and
    the most frequent font among the characters set at the largest size that carries enough of them."""
    visible = [g for g in glyphs if g.text.strip() and g.font]
    if not visible:
        return "", 0.0, "", 0.0
    body_font = Counter(g.font for g in visible).most_common(1)[0][0]
    body_size = Counter(round(g.size, 1) for g in visible if g.font == body_font).most_common(1)[0][0]
    by_size = Counter(round(g.size, 1) for g in visible)
    sizes = [size for size, count in by_size.items() if count >= MIN_CHARS_FOR_LARGEST] or list(by_size)
    largest = max(sizes)
    heading_font = Counter(g.font for g in visible if round(g.size, 1) == largest).most_common(1)[0][0]
    return body_font, body_size, heading_font, largest


def fill_from(row: LibraryRow, extraction: Extraction) -> None:
    text = [g.text for g in extraction.glyphs if g.text.strip()]
    row.chars = sum(len(t) for t in text)
    row.radicals = sum(is_radical(ch) for t in text for ch in t)
    row.kanji = sum(is_kanji(ch) for t in text for ch in t)
    row.bookmarks, row.tables = extraction.bookmarks, extraction.tables
    row.body_font, row.body_size, row.heading_font, row.heading_size = font_samples(extraction.glyphs)


def measure(library: str, path: Path, meta: dict, runs: int) -> LibraryRow:
    row = LibraryRow(library, path.stem, int(meta.get("pages", 0)), encrypted=bool(meta.get("encrypted")),
                     expected_bookmarks=int(meta.get("outline_entries", 0)))
    totals: list[float] = []
    extras: dict[str, list[float]] = {}
    extraction = None
    for _ in range(runs):
        started = time.perf_counter()
        try:
            extraction = LIBRARIES[library](path)
        except Exception as error:  # a library that cannot open a PDF is a finding, not a crash
            row.error = f"{type(error).__name__}: {error}"[:120]
            return row
        elapsed = time.perf_counter() - started
        for step, seconds in extraction.extras.items():
            extras.setdefault(step, []).append(seconds)
        # The main figure is open + characters: the extra steps ran inside the call, so subtract them.
        totals.append(elapsed - sum(extraction.extras.values()))
    row.seconds, row.runs = statistics.median(totals), len(totals)
    row.extras = {step: statistics.median(values) for step, values in extras.items()}
    fill_from(row, extraction)
    return row


def corpus_pdfs(corpus: Path, only: list[str] | None) -> list[tuple[Path, dict]]:
    pdfs = []
    for path in sorted(corpus.glob("*.pdf")):
        if only and path.stem not in only:
            continue
        meta_path = path.with_suffix(".json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        if not meta.get("pages"):  # a PDF without its .json: count the pages, so per-page figures exist
            import pypdfium2 as pdfium

            meta["pages"] = len(pdfium.PdfDocument(str(path)))
        pdfs.append((path, meta))
    return pdfs


def measure_libraries(corpus: Path = CORPUS, runs: int = 3, only: list[str] | None = None,
                      libraries: Iterable[str] | None = None) -> list[LibraryRow]:
    names = list(libraries or (name for name in LIBRARIES if name != "docling-parse" or docling_available()))
    rows = []
    for path, meta in corpus_pdfs(corpus, only):
        for name in names:
            row = measure(name, path, meta, runs)
            steps = " ".join(f"{step} {s:.3f} s" for step, s in row.extras.items())
            print(f"{name:14} {row.doc:46} {row.pages:3} p  {_seconds(row.seconds, 3)} s  {steps} {row.error}",
                  flush=True)
            rows.append(row)
    return rows


# --- the report ----------------------------------------------------------------------------------


def _libraries(rows: list[LibraryRow]) -> list[str]:
    return list(dict.fromkeys(row.library for row in rows))


def _anchor(rows: list[LibraryRow]) -> dict[str, float]:
    return {row.doc: row.seconds for row in rows if row.library == "pdftotext" and row.seconds}


def _ratio(seconds: float | None, anchor: float | None) -> str:
    return "-" if seconds is None or not anchor else f"{seconds / anchor:.1f}×"


def _seconds(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _totals(rows: list[LibraryRow]) -> tuple[int, float]:
    opened = [row for row in rows if row.seconds is not None]
    return sum(row.pages for row in opened), sum(row.seconds for row in opened)


def library_versions() -> str:
    parts = []
    try:
        first = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True).stderr.splitlines()[0]
        parts.append(first.strip())
    except (OSError, IndexError):
        pass
    for label in ("pypdfium2", "pdfplumber", "pdfminer.six", "docling-parse"):
        try:
            parts.append(f"{label} {version(label)}")
        except PackageNotFoundError:
            continue
    return ", ".join(parts)


def section_timings(rows: list[LibraryRow]) -> list[str]:
    """One table per library: pages, seconds, s/page, ratio to pdftotext; its extra steps; a total row."""
    anchor = _anchor(rows)
    out = ["## Speed", ""]
    for library in _libraries(rows):
        mine = [row for row in rows if row.library == library]
        steps = list(dict.fromkeys(step for row in mine for step in row.extras))
        out += [f"### {library}", "", DESCRIPTIONS.get(library, ""), ""]
        header = ["PDF", "pages", "s", "s/page", "× pdftotext", *(f"{step} s" for step in steps)]
        if any(row.tables is not None for row in mine):
            header.append("tables found")
        out += ["| " + " | ".join(header) + " |", "|" + " --- |" + " ---: |" * (len(header) - 1)]
        for row in mine:
            cells = [row.doc, str(row.pages), _seconds(row.seconds), _seconds(row.per_page, 3),
                     _ratio(row.seconds, anchor.get(row.doc)),
                     *(_seconds(row.extras.get(step)) for step in steps)]
            if row.tables is not None or "tables found" in header:
                cells.append("-" if row.tables is None else str(row.tables))
            if row.error:
                cells[2] = f"fails: {row.error}"
            out.append("| " + " | ".join(cells) + " |")
        pages, seconds = _totals(mine)
        anchor_total = sum(anchor.get(row.doc, 0.0) for row in mine if row.seconds is not None)
        total = ["**total**", f"**{pages}**", f"**{seconds:.2f}**", f"**{seconds / max(pages, 1):.3f}**",
                 f"**{_ratio(seconds, anchor_total)}**",
                 *(f"**{sum(row.extras.get(step, 0.0) for row in mine):.2f}**" for step in steps)]
        if "tables found" in header:
            total.append(f"**{sum(row.tables or 0 for row in mine)}**")
        out += ["| " + " | ".join(total) + " |", ""]
    return out


def section_summary(rows: list[LibraryRow]) -> list[str]:
    """The whole corpus in one table: the figure to compare."""
    anchor = _anchor(rows)
    out = ["## Whole corpus", "",
           "| library | pages opened | s | s/page | × pdftotext | further steps s |",
           "| --- | ---: | ---: | ---: | ---: | --- |"]
    for library in _libraries(rows):
        mine = [row for row in rows if row.library == library]
        pages, seconds = _totals(mine)
        anchor_total = sum(anchor.get(row.doc, 0.0) for row in mine if row.seconds is not None)
        steps = Counter()
        for row in mine:
            steps.update(row.extras)
        further = ", ".join(f"{step} {value:.2f}" for step, value in steps.items()) or "-"
        out.append(f"| {library} | {pages} | {seconds:.2f} | {seconds / max(pages, 1):.3f} | "
                   f"{_ratio(seconds, anchor_total)} | {further} |")
    return [*out, ""]


def font_bytes(name: str | bytes) -> bytes | None:
    """The raw bytes of a font name the library did not decode: pypdfium2 (here) keeps them as bytes; pdfminer
    gives bytes and pdfplumber turns them into their repr, the string "b'\\x82l...'"."""
    if isinstance(name, bytes):
        return name
    if name.startswith(("b'", 'b"')):
        try:
            value = ast.literal_eval(name)
        except (ValueError, SyntaxError):
            return None
        return value if isinstance(value, bytes) else None
    return None


def font_family(name: str | bytes) -> str:
    """The name a reader would compare: Shift_JIS bytes decoded, cp1252-decoded Shift_JIS repaired, the subset
    prefix (ABCDEF+) dropped. Names that lost their bytes (U+FFFD) stay as they are."""
    raw_name = font_bytes(name)
    text = name if isinstance(name, str) and raw_name is None else None
    if raw_name is not None:
        text = raw_name.decode("cp932", "replace")
    elif text is not None:
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            repaired = text.encode("cp1252").decode("cp932")
            # Only a repair that yields Japanese counts: a Latin name with accents must not be re-read.
            if repaired != text and any(ord(ch) >= 0x3000 for ch in repaired):
                text = repaired
    assert text is not None
    prefix, plus, rest = text.partition("+")
    return rest if plus and len(prefix) == 6 and prefix.isupper() else text


def show_font(name: str | bytes) -> str:
    """The name as reported, in code; then the decoded family where decoding changed it (Shift_JIS names of
    older Japanese software: ＭＳ明朝, ＭＳゴシック)."""
    shown = f"`{name!r}`" if isinstance(name, bytes) else f"`{name}`".replace("|", "\\|")
    family = font_family(name)
    reported = name.decode("latin-1") if isinstance(name, bytes) else name
    return shown if reported.endswith(family) else f"{shown} = {family}"


def section_fonts(rows: list[LibraryRow]) -> list[str]:
    """Per PDF: what each library names as body and heading fonts, encryption, bookmarks, radicals."""
    out = ["## What each library reports", "",
           "Body: the most frequent font name by characters (its usual size). Heading: the font most used at the "
           f"largest size that carries at least {MIN_CHARS_FOR_LARGEST} characters. Bookmarks: counted entries "
           "(all levels) against the corpus .json `outline_entries`. Radicals: characters in U+2E80–U+2FDF "
           "(CJK radicals, Kangxi radicals) against kanji.", ""]
    for doc in dict.fromkeys(row.doc for row in rows):
        mine = [row for row in rows if row.doc == doc]
        first = mine[0]
        lock = "encrypted (owner password)" if first.encrypted else "not encrypted"
        out += [f"### {doc}", "", f"{first.pages} pages, {lock}, {first.expected_bookmarks} bookmarks in the .json.",
                "", "| library | opens | body font (size) | heading font (size) | bookmarks | characters | kanji "
                "| radicals |", "| --- | --- | --- | --- | ---: | ---: | ---: | ---: |"]
        for row in mine:
            opens = "yes" if row.seconds is not None else f"no: {row.error}"
            body = f"{show_font(row.body_font)} ({row.body_size:g})" if row.body_font else "-"
            heading = f"{show_font(row.heading_font)} ({row.heading_size:g})" if row.heading_font else "-"
            marks = "-" if row.bookmarks is None else str(row.bookmarks)
            share = f"{row.radicals} ({100 * row.radicals / max(row.radicals + row.kanji, 1):.1f} %)"
            out.append(f"| {row.library} | {opens} | {body} | {heading} | {marks} | {row.chars} | {row.kanji} "
                       f"| {share} |")
        out.append("")
    return out


DESCRIPTIONS = {
    "pdftotext": "`pdftotext -enc UTF-8 file.pdf -`, the whole process (start-up included): the speed anchor.",
    "pypdfium2": "Open; every character of every page with its loose box, font size, font name and weight "
                 "(pypdfium2.raw, one call each per character; the size is FPDFText_GetFontSize times the "
                 "vertical scale of FPDFText_GetMatrix, because the former alone is 1 where the text matrix "
                 "scales). Path objects: enumerating every page's path objects and their bounds (what ruling "
                 "lines would be built from), timed apart.",
    "pdfplumber": "Open; every page's `chars` (text, font name, size, positions). On the pages already parsed, "
                  "timed apart: `page.find_tables()` (default settings: ruling lines) and `page.lines` + "
                  "`page.rects` (near zero: the parse that gave `chars` gave them too, so the parse is their cost).",
    "docling-parse": "Open; every page's character cells only (word, line, shape and bitmap content skipped; the "
                     "font size is the cell's height). Chars+shapes: the same with shapes (ruling lines) "
                     "materialised, timed apart (a whole second pass, opening included).",
}


@dataclass
class LibraryTotals:
    """One library over the whole corpus: the figures the recommendation rests on."""

    library: str
    pages: int
    seconds: float
    ratio: float  # to pdftotext over the same PDFs
    encrypted_opened: int
    encrypted: int
    bookmarks_match: int  # PDFs whose bookmark count equals the .json's outline_entries
    bookmarks_total: int  # PDFs whose .json has bookmarks
    names_lost: int  # PDFs whose body or heading font name came out with U+FFFD (the bytes are gone)
    names_bytes: int  # PDFs whose font names came undecoded, as bytes or their repr (recoverable as cp932)
    documents: int
    same_fonts: int  # PDFs where body and heading font families and sizes (to 0.5 pt) equal pdfplumber's
    mincho_gothic: int  # PDFs whose body family is a Mincho (明朝) face and heading family a Gothic (ゴシック) one
    chars: int
    radicals: int
    tables: int | None
    extras: dict[str, float]


def font_sample(row: LibraryRow) -> tuple[str, float, str, float]:
    return (font_family(row.body_font), round(row.body_size * 2) / 2,
            font_family(row.heading_font), round(row.heading_size * 2) / 2)


def is_mincho(name: str | bytes) -> bool:
    family = font_family(name).lower()
    return "明朝" in family or "mincho" in family


def is_gothic(name: str | bytes) -> bool:
    family = font_family(name).lower()
    return any(mark in family for mark in ("ゴシック", "ｺﾞｼｯｸ", "gothic"))


def library_totals(rows: list[LibraryRow]) -> list[LibraryTotals]:
    anchor = _anchor(rows)
    reference = {row.doc: font_sample(row) for row in rows if row.library == "pdfplumber" and row.body_font}
    totals = []
    for library in _libraries(rows):
        mine = [row for row in rows if row.library == library]
        pages, seconds = _totals(mine)
        base = sum(anchor.get(row.doc, 0.0) for row in mine if row.seconds is not None)
        names = [(row.body_font, row.heading_font) for row in mine]
        extras: Counter[str] = Counter()
        for row in mine:
            extras.update(row.extras)
        totals.append(LibraryTotals(
            library, pages, seconds, seconds / base if base else 0.0,
            encrypted_opened=sum(1 for row in mine if row.encrypted and row.seconds is not None),
            encrypted=sum(1 for row in mine if row.encrypted),
            bookmarks_match=sum(1 for row in mine
                                if row.expected_bookmarks and row.bookmarks == row.expected_bookmarks),
            bookmarks_total=sum(1 for row in mine if row.expected_bookmarks),
            names_lost=sum(1 for pair in names if any(isinstance(n, str) and "\ufffd" in n for n in pair)),
            names_bytes=sum(1 for pair in names if any(font_bytes(n) is not None for n in pair)),
            documents=len(mine),
            same_fonts=sum(1 for row in mine if row.doc in reference and font_sample(row) == reference[row.doc]),
            mincho_gothic=sum(1 for row in mine if is_mincho(row.body_font) and is_gothic(row.heading_font)),
            chars=sum(row.chars for row in mine),
            radicals=sum(row.radicals for row in mine),
            tables=None if all(row.tables is None for row in mine) else sum(row.tables or 0 for row in mine),
            extras=dict(extras),
        ))
    return totals


def section_recommendation(rows: list[LibraryRow]) -> list[str]:
    """The comparison in one table, and the choice it supports."""
    totals = {t.library: t for t in library_totals(rows)}
    out = ["## Comparison", "",
           "Fonts = pdfplumber: PDFs whose body and heading font families (decoded, subset prefix dropped) and "
           "sizes (to 0.5 pt) equal pdfplumber's. Names lost: PDFs whose sampled font names came with U+FFFD "
           "(the Shift_JIS bytes are gone). Names undecoded: PDFs whose sampled names came as bytes or their "
           "repr (cp932 decodes them).", "",
           "| library | s (corpus) | s/page | × pdftotext | characters | encrypted PDFs opened "
           "| bookmark counts = .json | fonts = pdfplumber | Mincho body, Gothic headings | names lost "
           "| names undecoded | radical code points | ruled tables found |",
           "| --- |" + " ---: |" * 12]
    for t in totals.values():
        fonts = t.library != "pdftotext"
        cells = [f"{t.bookmarks_match}/{t.bookmarks_total}", f"{t.same_fonts}", f"{t.mincho_gothic}",
                 f"{t.names_lost}", f"{t.names_bytes}"] if fonts else ["-"] * 5
        out.append(f"| {t.library} | {t.seconds:.2f} | {t.seconds / max(t.pages, 1):.3f} | {t.ratio:.1f}× "
                   f"| {t.chars} | {t.encrypted_opened}/{t.encrypted} | " + " | ".join(cells)
                   + f" | {t.radicals} | {'-' if t.tables is None else t.tables} |")
    out.append("")
    if {"pdftotext", "pypdfium2", "pdfplumber"} <= totals.keys():
        out += ["## Recommendation", "", *recommendation(totals), ""]
    return out


def recommendation(totals: dict[str, LibraryTotals]) -> list[str]:
    """The choice, worded from the measured totals (the reasoning holds while their order does)."""
    anchor, pdfium, plumber = totals["pdftotext"], totals["pypdfium2"], totals["pdfplumber"]
    docling = totals.get("docling-parse")
    documents = pdfium.documents
    paths = pdfium.extras.get("path objects", 0.0)
    find_tables = plumber.extras.get("find_tables", 0.0)
    speed = (f"**Read with pypdfium2.** It gives every character with its box, size, font name and weight for the "
             f"{pdfium.pages} pages in {pdfium.seconds:.1f} s ({pdfium.seconds / pdfium.pages * 1000:.0f} ms a "
             f"page, {pdfium.ratio:.1f}× pdftotext's {anchor.seconds:.1f} s), against {plumber.seconds:.1f} s for "
             f"pdfplumber ({plumber.ratio:.0f}×)")
    if docling:
        speed += f" and {docling.seconds:.1f} s for docling-parse ({docling.ratio:.0f}×)"
    speed += (f". The issue's budget is 60 s for the whole corpus, conversion included: pdfminer's parse alone "
              f"takes {plumber.seconds / 60:.0%} of it on this machine, pdfium's {pdfium.seconds / 60:.0%}.")
    headings = (f"- Headings: pypdfium2 samples the same body and heading fonts and sizes as pdfplumber in "
                f"{pdfium.same_fonts}/{documents} PDFs, once its size is taken right (FPDFText_GetFontSize is "
                f"the `Tf` operand, 1 in PDFs that scale text by the text matrix; multiply by the matrix's "
                f"vertical scale, as this script does)")
    if docling:
        headings += (f"; docling-parse in {docling.same_fonts}/{documents} (it has no font size: its cell "
                     f"height is not the size in every PDF)")
    headings += (f". In {pdfium.mincho_gothic}/{documents} PDFs the body is a Mincho face and the headings a Gothic "
                 f"one, so the family is evidence besides size; the slides and the minutes use one face "
                 f"throughout, where only size and numbering tell. Font names written by older Japanese software "
                 f"are Shift_JIS: pypdfium2 (bytes) and pdfplumber (the bytes' repr as a string) leave them "
                 f"undecoded in {pdfium.names_bytes} PDFs, and all libraries hand some over decoded as cp1252 "
                 f"(`‚l‚r–¾’©`); cp932 recovers ＭＳ明朝 / ＭＳゴシック from both, so the reader needs that repair")
    if docling and docling.names_lost:
        headings += (f". docling-parse replaces those bytes with U+FFFD in {docling.names_lost} PDFs: "
                     f"there the Mincho/Gothic evidence is gone")
    bookmarks = (f"- Bookmarks: pypdfium2 matches the .json counts in {pdfium.bookmarks_match}/"
                 f"{pdfium.bookmarks_total} PDFs with bookmarks, pdfminer in {plumber.bookmarks_match}/"
                 f"{plumber.bookmarks_total} (it drops the top-level entry, 第１部, of the two MEXT chapters)")
    if docling:
        bookmarks += f", docling-parse in {docling.bookmarks_match}/{docling.bookmarks_total}"
    tables = (f"- Tables: only pdfplumber has a table finder ({plumber.tables} ruled tables; `find_tables()` "
              f"costs {find_tables:.1f} s for the corpus once the pages are parsed, but it needs pdfminer's "
              f"parse). pypdfium2 enumerates every page's path objects, which ruling lines are made of, in "
              f"{paths:.1f} s: build the grid from those, or hand only the pages with ruling lines to pdfplumber.")
    if docling:
        tables += (" docling-parse has no table finder of its own (docling's comes from ML models, which are "
                   "out of scope) and its install brought 28 packages (pandas, numpy, pydantic, docling-core).")
    return [
        speed, "",
        headings + ".",
        bookmarks + ".",
        f"- Encryption: every library opens all {pdfium.encrypted} owner-password PDFs without a password "
        f"(pdfminer needs the `cryptography` package, installed here).",
        tables,
        f"- Text: pypdfium2 gives {pdfium.chars} characters other than whitespace, pdfplumber {plumber.chars}, "
        f"pdftotext {anchor.chars}" + (f", docling-parse {docling.chars}" if docling else "") + ". Every library "
        f"gives the same {pdfium.radicals} Kangxi radical code points as pdftotext ({anchor.radicals}, e.g. ⽀ ⾒ "
        f"⼀): they come from the PDFs' ToUnicode maps, so the reader must fold them as the text path does "
        f"(normalize.py).",
    ]


# Observations made by hand while writing this benchmark, with their date: not recomputed by the script.
NOTES = [
    "- 2026-12-02: three runs of this script on the same day gave corpus totals of 4.2, 6.9 and 4.4 s for "
    "pypdfium2 (the first without the FPDFText_GetMatrix call), 28.7, 35.3 and 31.6 s for pdfplumber, "
    "26.6, 27.5 and 24.5 s for docling-parse, 1.7, 2.1 and "
    "1.5 s for pdftotext, with other sessions working on the machine: the order never changed.",
    "- 2026-12-02: pdfium reports a line-end hyphen as U+0002 (FPDFText_IsHyphen): 16 in the corpus, 12 of "
    "them in mext-sti-whitepaper-r6-ch3. The reader must turn it into a hyphen or join the word.",
    "- 2026-12-02: docling-parse sanitises by default: in mext-sti-whitepaper-r6-ch3 it gives 118 straight "
    "quotes for pdfium's 59 “ and 59 ”, and about 20 fewer kana and kanji; what it dropped was not examined.",
    "- FPDFText_GetFontSize alone gives 1 for every character of ipa-vuln-partnership-guideline-2019 and "
    "jssec-smartphone-tablet-security-guideline-v2 (their size is in the text matrix); this script multiplies "
    "by the matrix's vertical scale, which gives pdfplumber's sizes.",
]


def section_notes(rows: list[LibraryRow]) -> list[str]:
    return ["## Notes", "", *NOTES, ""]


# Each section is rows -> Markdown lines; the converter's own figures (headings, recall, furniture) go in as one
# more function here.
REPORT_SECTIONS: list[Callable[[list[LibraryRow]], list[str]]] = [
    section_summary, section_recommendation, section_timings, section_fonts, section_notes,
]


def write_report(rows: list[LibraryRow], path: Path = REPORT, conversions: list[str] | None = None) -> None:
    """bench/pdf.md from REPORT_SECTIONS, each a function rows -> Markdown lines, then the converter's own
    figures (``conversions``: bench/pdf_convert.py's section)."""
    counts = sorted({row.runs for row in rows if row.runs})
    runs = "the median of " + "/".join(map(str, counts)) + (" run" if counts == [1] else " runs")
    lines = ["# PDF libraries on the development corpus", "",
             f"Written by `.venv/bin/python bench/pdf_bench.py` on this project's {_cores()}-core machine "
             f"({platform.python_implementation()} {platform.python_version()}); every figure is {runs}, in "
             f"seconds, for the PDFs of `../shared/corpus`. Versions: {library_versions()}.", ""]
    load = max((row.load for row in rows), default=(0.0, 0.0))
    if any(load):
        lines += [f"The machine is shared: its load average was {load[0]:.1f} before and {load[1]:.1f} after the "
                  "measurement, so single figures vary between runs (see the notes at the end); compare libraries "
                  "within one run.", ""]
    for section in REPORT_SECTIONS:
        lines += section(rows)
    lines += conversions or []
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")


def _cores() -> int:
    return os.cpu_count() or 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--docs", nargs="*", help="ids of the corpus PDFs to measure (default: all)")
    parser.add_argument("--libraries", nargs="*", choices=list(LIBRARIES))
    parser.add_argument("--out", type=Path, default=REPORT)
    parser.add_argument("--save", type=Path, help="also keep the measured rows in this file (pickle)")
    parser.add_argument("--load", type=Path, help="write the report from rows saved by --save, measuring nothing")
    parser.add_argument("--converter-only", action="store_true",
                        help="re-measure only the converter's section of --out, keeping the libraries' figures")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.converter_only:
        replace_converter_section(args.out, converter_section(args.corpus))
        print(f"wrote {args.out}")
        return 0
    if args.load:
        rows = pickle.loads(args.load.read_bytes())
        write_report(rows, args.out, converter_section(args.corpus))
        print(f"wrote {args.out}")
        return 0
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    load_before = os.getloadavg()[0]
    rows = measure_libraries(args.corpus, args.runs, args.docs, args.libraries)
    for row in rows:
        row.load = (load_before, os.getloadavg()[0])
    if args.save:
        args.save.write_bytes(pickle.dumps(rows))
    write_report(rows, args.out, converter_section(args.corpus))
    print(f"wrote {args.out}")
    return 0


def converter_section(corpus: Path) -> list[str]:
    """The converter's figures on the same PDFs (bench/pdf_convert.py), measured now."""
    sys.path.insert(0, str(ROOT / "bench"))
    from pdf_convert import measured_section

    return measured_section(corpus)


CONVERTER_HEADING = "## The converter on the corpus PDFs"


def replace_converter_section(path: Path, section: list[str]) -> None:
    """The report with its converter section (its last) measured again, the libraries' figures kept."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    head = text.split(CONVERTER_HEADING)[0].rstrip("\n")
    path.write_text((head + "\n\n" if head else "") + "\n".join(section).rstrip() + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
