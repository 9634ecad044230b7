"""The PDF file itself: its characters with their boxes, sizes and faces, its bookmarks, and the
ruled tables of the pages that draw ruling lines.

Characters come from pypdfium2 (PDFium): measured on the development corpus it reads every
character, size and face that pdfplumber does at about a seventh of the time (bench/pdf.md), and
opens owner-password encrypted files.  Tables come from pdfplumber's table finder, run only on the
pages where PDFium finds enough drawn lines to make a grid: pdfminer's parse is the slow part, and
most pages have no table.

Coordinates are points from the page's top-left corner (pdfplumber's convention): x from the
media box's left edge, ``top``/``bottom`` down from its top edge.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import logging
import math
import os
import re
import signal
import sys
import tempfile
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.errors import InputError
from .boxes import Bbox, encloses
from .tables_geometry import holds_a_table, merge_split_columns

Char = dict[str, Any]  # text, x0, x1, top, bottom, size, fontname, weight, upright
# A table: its box and its rows of cell boxes (None where a merged cell spans the place).
FoundTable = tuple[Bbox, list[list[Bbox | None]]]

# PDFium marks a hyphen it found at a line end with U+0002.
PDFIUM_HYPHEN = "\x02"
# A figure covers between these shares of its page.
FIGURE_SHARE = (0.02, 0.6)
# A drawn shape this large is a frame, not a part of a diagram: a slide's border on a handout sheet
# (two slides to a page, each framed at about half of it), a page border, a box around running text.
# Clustered with what it encloses, it would make the whole slide one "figure" (or, two slides
# touching, a cluster larger than any figure, and so none at all).
FRAME_SHARE = 0.3
# A diagram drawn with paths: at least this many shapes, each within this many points of another.
DIAGRAM_SHAPES = 6
SHAPES_TOUCH = 6.0
# A heading's bar is one line tall (in points: 8 pt type and more, up to a title's band) and
# stands clear of other shapes by this much.
BAR_HEIGHT = (10.0, 40.0)
BAR_CLEAR = 1.0
# A rule: a drawn line (or a box no taller than this, in points) running across the page, at least
# this long: what a section's band or a box is drawn with, and what parts a page into blocks.
RULE_THICKNESS = 2.0
RULE_LENGTH = 20.0
# A page is worth a table search when it draws this many thin lines or boxes.
RULES_FOR_A_GRID = 6
# A page's reading gives up after this many seconds (a damaged file can send a library in circles).
PAGE_SECONDS = 20.0
# What a private-use code point (a Wingdings or Symbol bullet: U+F06C, U+F0A7 …) becomes: the
# font's picture of it is lost with the font, so a visible bullet stands in for it.
BULLET = "・"
# What a character the output cannot hold becomes (a lone surrogate or a control character from a
# broken font map): visible, and counted, never written out as it is nor silently dropped.
REPLACEMENT = "\ufffd"


@dataclass
class SourcePage:
    number: int  # 1-based
    chars: list[Char]
    top: float  # the visible page (crop box) in the characters' coordinates
    bottom: float
    width: float
    height: float
    ruled: bool = False  # draws enough lines to hold a ruled table
    tables: list[FoundTable] = field(default_factory=list)
    figures: list[Bbox] = field(default_factory=list)  # images and drawings placed as one object
    bars: list[Bbox] = field(default_factory=list)  # rectangles one line tall drawn on their own
    rules: list[Bbox] = field(default_factory=list)  # thin horizontal lines drawn on the page itself
    replaced: int = 0  # characters the output cannot hold, read as U+FFFD
    bullets: int = 0  # private-use bullets read as 「・」

    @property
    def text_layer(self) -> str:
        """The page's text as the PDF library reports it, in its own order: what the reading of
        the page must account for, character by character, whatever its layout made of it."""
        return "".join(char["text"] for char in self.chars)
    label: str = ""  # the page's label in the PDF's /PageLabels (「iii」, 「18」), "" when it has none


def read_source(
    path: Path, messages: Counter[str] | None = None
) -> tuple[list[SourcePage], list[tuple[int, str, int]]]:
    """The pages of the PDF at ``path`` (characters, tables) and its bookmarks (level, title, page).

    What the C library prints while reading (PDFium's 「Could not get FontBBox」…) is not streamed
    to the terminal: it is counted into ``messages`` by kind, for the conversion report.
    """
    _check_complete(path)
    pdfium = _pdfium()
    with _library_messages(messages if messages is not None else Counter()):
        try:
            document = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as error:
            raise InputError(path, _open_problem(error)) from None
        try:
            pages = [_timed_page(path, document, index) for index in range(len(document))]
            for page in pages:
                page.label = document.get_page_label(page.number - 1) or ""
            outline = _outline(document)
        except pdfium.PdfiumError as error:
            raise InputError(path, f"not a readable PDF ({error})") from None
        finally:
            document.close()
        _find_tables(path, [page for page in pages if page.ruled])
    return pages, outline


def _timed_page(path: Path, document: Any, index: int) -> SourcePage:
    try:
        with time_limit(PAGE_SECONDS):
            return _page(document[index], index + 1)
    except TimeoutError:
        raise InputError(path, f"page {index + 1}: not read within {PAGE_SECONDS:.0f} s "
                         "(a damaged page?)") from None


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeoutError in the block after ``seconds`` (main thread only: elsewhere no limit).

    The alarm interrupts Python code between two library calls, which is where a page's reading
    spends its time (one call per character)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(*_: object) -> None:
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _library_messages(messages: Counter[str]) -> Iterator[None]:
    """Capture what is written to file descriptor 2 (the C libraries' stderr) and count it by kind.

    PDFium writes straight to the descriptor, past Python's sys.stderr, one line per font or object
    it finds wrong: eight good PDFs gave 85 lines of 「Could not get FontBBox」 on the terminal."""
    with _logged_messages("pdfminer", messages):  # pdfplumber's parser logs its complaints instead
        sys.stderr.flush()
        try:
            saved = os.dup(2)
        except OSError:  # no descriptor 2 to capture (a daemon): nothing would be streamed either
            yield
            return
        with tempfile.TemporaryFile() as capture:
            os.dup2(capture.fileno(), 2)
            try:
                yield
            finally:
                sys.stderr.flush()
                os.dup2(saved, 2)
                os.close(saved)
                capture.seek(0)
                for line in capture.read().decode("utf-8", "replace").splitlines():
                    if line.strip():
                        messages[message_kind(line)] += 1


class _Counting(logging.Handler):
    def __init__(self, name: str, messages: Counter[str]) -> None:
        super().__init__(logging.WARNING)
        self.name, self.messages = name, messages

    def emit(self, record: logging.LogRecord) -> None:
        self.messages[message_kind(f"{self.name}: {record.getMessage()}")] += 1


@contextlib.contextmanager
def _logged_messages(name: str, messages: Counter[str]) -> Iterator[None]:
    """Count what the logger ``name`` warns of into ``messages``, instead of printing it."""
    logger = logging.getLogger(name)
    handler, propagate = _Counting(name, messages), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def message_kind(line: str) -> str:
    """A library message without what varies between its lines (numbers, object ids, names)."""
    kind = re.sub(r"\d+", "N", line.strip())
    return kind[:100]


def _pdfium() -> Any:
    import pypdfium2  # imported here: text sources need no PDF library

    return pypdfium2


def _check_complete(path: Path) -> None:
    """A PDF ends with %%EOF: a file cut short (an interrupted download) is refused, not half read.

    PDFium repairs what it can of a damaged file; a reader must not get half a document silently.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - 2048))
            tail = handle.read()
    except OSError as error:
        raise InputError(path, f"cannot read file ({error.strerror})") from None
    if b"%PDF-" not in head:
        raise InputError(path, "not a readable PDF (no PDF header: is it a PDF file?)")
    if b"%%EOF" not in tail:
        raise InputError(path, "not a readable PDF (the file is truncated: no end-of-file marker)")


def _open_problem(error: Exception) -> str:
    if "password" in str(error).lower():
        return "password-protected PDF: it cannot be opened without its password"
    return f"not a readable PDF ({error})"


def _page(page: Any, number: int) -> SourcePage:
    import pypdfium2.raw as raw

    left, _, _, top = page.get_mediabox()
    _, crop_bottom, _, crop_top = page.get_cropbox()
    textpage = page.get_textpage()
    handle = textpage.raw
    chars: list[Char] = []
    replaced = bullets = 0
    box = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    # One call per character and property: the library's functions and the out-parameters are
    # looked up once, not once a character (a page holds thousands).
    box_ref, matrix_ref, flags_ref = ctypes.byref(box), ctypes.byref(matrix), ctypes.byref(flags)
    is_generated, get_unicode = raw.FPDFText_IsGenerated, raw.FPDFText_GetUnicode
    get_box, get_matrix, get_size = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetMatrix, raw.FPDFText_GetFontSize
    get_font, get_weight = raw.FPDFText_GetFontInfo, raw.FPDFText_GetFontWeight
    for index in range(raw.FPDFText_CountChars(handle)):
        if is_generated(handle, index):
            continue  # a space or line end PDFium inferred: spacing is decided from positions
        text = chr(get_unicode(handle, index))
        if text == PDFIUM_HYPHEN:
            text = "-"
        if text in "\r\n\x00":
            continue
        text, kind = readable_char(text)
        replaced += kind == "replaced"
        bullets += kind == "bullet"
        get_box(handle, index, box_ref)
        get_matrix(handle, index, matrix_ref)
        # The Tf size times the text matrix's vertical scale: some PDFs set 1pt type and scale it.
        size = get_size(handle, index) * math.hypot(matrix.c, matrix.d)
        length = get_font(handle, index, name, len(name), flags_ref)
        # Upright when the glyph's baseline runs left to right; a slanted (oblique) face only
        # shears the glyph (PDFium's own char angle counts that shear as a rotation).
        angle = math.atan2(matrix.b, matrix.a)
        chars.append({
            "text": text,
            "x0": box.left - left,
            "x1": box.right - left,
            "top": top - box.top,
            "bottom": top - box.bottom,
            "size": round(size, 2),
            "fontname": font_family(name.raw[: length - 1]) if 0 < length <= len(name) else "",
            "weight": get_weight(handle, index),
            "upright": abs(angle) < 0.05,
        })
    textpage.close()
    width, height = page.get_size()
    objects = _drawn_objects(page)
    ruled = _count_rules(objects) >= RULES_FOR_A_GRID
    figures = [(x0 - left, top - y1, x1 - left, top - y0) for x0, y0, x1, y1 in _figure_boxes(objects, width * height)]
    bars = [(x0 - left, top - y1, x1 - left, top - y0) for x0, y0, x1, y1 in _bars(objects)]
    rules = [(x0 - left, top - y1, x1 - left, top - y0) for x0, y0, x1, y1 in _rules(objects)]
    page.close()
    return SourcePage(number, chars, top - crop_top, top - crop_bottom, width, height, ruled, figures=figures,
                      bars=bars, rules=rules, replaced=replaced, bullets=bullets)


def readable_char(text: str) -> tuple[str, str]:
    """A character as the output can hold it, and what was done: "" (kept), "bullet" (a private-use
    code point, 「・」) or "replaced" (U+FFFD for a lone surrogate or a control character, which a
    broken font map gives: written out as it is, it stops the UTF-8 writer)."""
    code = ord(text)
    if 0x20 <= code < 0x7F or 0xA0 <= code < 0xD800:  # printable ASCII, Latin, kana and kanji: kept as they are
        return text, ""
    if 0xE000 <= code <= 0xF8FF:
        return BULLET, "bullet"
    if 0xD800 <= code <= 0xDFFF or (unicodedata.category(text) == "Cc" and text not in "\t"):
        return REPLACEMENT, "replaced"
    return text, ""


# A drawn object: its PDFium type, how many placed drawings (form objects) hold it, and its
# bounds (left, bottom, right, top in PDF page coordinates).
DrawnObject = tuple[int, int, tuple[float, float, float, float]]
# How deep into placed drawings the figures look: the page's own objects and one form down.
DRAWN_DEPTH = 2


def _drawn_objects(page: Any) -> list[DrawnObject]:
    """The page's objects and those of the drawings placed on it (one level down), in the
    library's order (each form followed by its own objects), with their bounds: read once for
    both the figures and the rule count, through PDFium's own functions (a page can draw tens of
    thousands of paths, and a wrapper object each costs more than the bounds)."""
    import pypdfium2.raw as raw

    found: list[DrawnObject] = []
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    bounds = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))

    def walk(count: int, get: Any, parent: Any, level: int) -> None:
        if count < 0:
            raise _pdfium().PdfiumError("Failed to get number of pageobjects.")
        for index in range(count):
            obj = get(parent, index)
            if not obj:
                raise _pdfium().PdfiumError("Failed to get pageobject.")
            kind = raw.FPDFPageObj_GetType(obj)
            if kind in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM):
                if not raw.FPDFPageObj_GetBounds(obj, *bounds):
                    raise _pdfium().PdfiumError("Failed to locate pageobject.")
                found.append((kind, level, (left.value, bottom.value, right.value, top.value)))
            if kind == raw.FPDF_PAGEOBJ_FORM and level < DRAWN_DEPTH - 1:
                walk(raw.FPDFFormObj_CountObjects(obj), raw.FPDFFormObj_GetObject, obj, level + 1)

    walk(raw.FPDFPage_CountObjects(page.raw), raw.FPDFPage_GetObject, page.raw, 0)
    return found


def _figure_boxes(objects: list[DrawnObject], area: float) -> list[tuple[float, float, float, float]]:
    """Boxes of images and placed drawings (form objects) that cover part of the page: where a
    figure's labels are.  A box as large as the page is a wrapper, not a figure."""
    import pypdfium2.raw as raw

    boxes = []
    for kind, _, (x0, y0, x1, y1) in objects:
        if kind in (raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM) and \
                FIGURE_SHARE[0] * area <= (x1 - x0) * (y1 - y0) <= FIGURE_SHARE[1] * area:
            boxes.append((x0, y0, x1, y1))
    # A diagram drawn on the page itself: boxes and arrows touching one another.
    shapes = [box for kind, _, box in objects if kind == raw.FPDF_PAGEOBJ_PATH]
    shapes = [box for box in shapes if (box[2] - box[0]) * (box[3] - box[1]) < FRAME_SHARE * area]
    for cluster, count in _clusters(shapes):
        x0, y0, x1, y1 = cluster
        if count >= DIAGRAM_SHAPES and FIGURE_SHARE[0] * area <= (x1 - x0) * (y1 - y0) <= FIGURE_SHARE[1] * area:
            boxes.append(cluster)
    return boxes


def _bars(objects: list[DrawnObject]) -> list[tuple[float, float, float, float]]:
    """Rectangles one line tall (BAR_HEIGHT) and at least twice as wide, drawn on their own: no
    other shape overlaps or touches them except what encloses them (a slide's frame, a panel) or
    lies inside (the same box filled and stroked, an icon), and no other such box a line above or
    below.  A table's cell has neighbours sharing its edges; a heading's bar or label box has none."""
    import pypdfium2.raw as raw

    shapes = [box for kind, _, box in objects if kind in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE)]
    bars = []
    for box in shapes:
        x0, y0, x1, y1 = box
        if not (BAR_HEIGHT[0] <= y1 - y0 <= BAR_HEIGHT[1] and x1 - x0 >= 2 * (y1 - y0)):
            continue
        if all(encloses(other, box) or encloses(box, other) or not _touch(box, other, BAR_CLEAR)
               for other in shapes if other is not box):
            bars.append(box)
    # Line-tall boxes stacked a line apart mark running text (a correction's highlight on every
    # line) or a table's rows: none of them is a heading's bar.
    return sorted({box for box in bars if not any(_stacked(box, other) for other in bars)})


def _rules(objects: list[DrawnObject]) -> list[tuple[float, float, float, float]]:
    """Thin horizontal lines drawn on the page itself (not inside a placed drawing: a chart's
    gridlines are the chart's), in PDF coordinates: a section's band, a box's edge, a table's rule."""
    import pypdfium2.raw as raw

    return sorted(box for kind, level, box in objects
                  if kind == raw.FPDF_PAGEOBJ_PATH and level == 0
                  and box[3] - box[1] <= RULE_THICKNESS and box[2] - box[0] >= RULE_LENGTH)


def _stacked(box: tuple[float, float, float, float], other: tuple[float, float, float, float]) -> bool:
    """Two boxes alike (one left edge, one height) set a line apart, one under the other."""
    height = box[3] - box[1]
    return other != box and abs(other[0] - box[0]) <= 2 and abs((other[3] - other[1]) - height) <= 0.3 * height \
        and _touch(box, other, height)


def _clusters(boxes: list[tuple[float, float, float, float]]) -> list[tuple[tuple[float, float, float, float], int]]:
    """Boxes that touch (within a few points) merged into one, with how many went into each."""
    clusters: list[tuple[tuple[float, float, float, float], int]] = []
    for box in sorted(boxes):
        merged, count = box, 1
        rest = []
        for other, n in clusters:
            if _touch(merged, other):
                merged = (min(merged[0], other[0]), min(merged[1], other[1]),
                          max(merged[2], other[2]), max(merged[3], other[3]))
                count += n
            else:
                rest.append((other, n))
        clusters = [*rest, (merged, count)]
    return clusters


def _touch(a: tuple[float, float, float, float], b: tuple[float, float, float, float],
           within: float = SHAPES_TOUCH) -> bool:
    return a[0] - within <= b[2] and b[0] - within <= a[2] and a[1] - within <= b[3] and b[1] - within <= a[3]


def _count_rules(objects: list[DrawnObject]) -> int:
    """Thin drawn lines and boxes on the page: what a ruled table is drawn with.

    Only those drawn on the page itself: a chart placed as a form (a white paper's figures) draws
    its gridlines inside the form, and pdfminer's parse of such a page for tables costs a quarter of
    a second and finds none (every table of the corpus is drawn on its page, with 9 lines or more).
    """
    import pypdfium2.raw as raw

    count = 0
    for kind, level, (left, bottom, right, top) in objects:
        if kind == raw.FPDF_PAGEOBJ_PATH and level == 0 and (right - left >= 10 or top - bottom >= 10):
            count += 1
    return count


@functools.lru_cache(maxsize=1024)  # a PDF names a handful of faces, for each of its characters
def font_family(name: bytes) -> str:
    """A face's name: UTF-8 and Shift_JIS names of Japanese software decoded (ＭＳ明朝, ＭＳゴシック),
    cp1252-misread ones repaired, the subset tag ("ABCDEF+") dropped."""
    try:
        text = name.decode("utf-8")  # ASCII, or a Japanese name a newer tool wrote in UTF-8 (ＤＦＰ華康ゴシック体W5)
    except UnicodeDecodeError:
        text = name.decode("cp932", "replace")
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        repaired = text.encode("cp1252").decode("cp932")
        if repaired != text and any(ord(ch) >= 0x3000 for ch in repaired):
            text = repaired
    prefix, plus, rest = text.partition("+")
    return rest if plus and len(prefix) == 6 and prefix.isupper() else text


def _outline(document: Any) -> list[tuple[int, str, int]]:
    """Bookmarks with a page to go to, as (level from 1, title, page)."""
    found = []
    for item in document.get_toc():
        dest = item.get_dest()
        index = dest.get_index() if dest is not None else None
        title = item.get_title()
        if index is not None and title:
            found.append((item.level + 1, title, index + 1))
    return found


def _find_tables(path: Path, pages: list[SourcePage]) -> None:
    """Ruled tables of the given pages, found by pdfplumber: boxes and rows of at least 2 cells
    (tables_geometry.holds_a_table), their columns as the body rows draw them.  A page pdfplumber
    cannot read simply has no tables: its text is read as lines.
    """
    if not pages:
        return
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
    except Exception:  # pdfminer is stricter than PDFium about damaged files: lines it is
        return
    with pdf:
        for page in pages:
            # A page pdfminer cannot parse, or not within the time limit, keeps its text as lines.
            with contextlib.suppress(Exception), time_limit(PAGE_SECONDS):
                page.tables = _tables_of(pdf.pages[page.number - 1])


def _tables_of(page: Any) -> list[FoundTable]:
    """The grid of each table (its cells' boxes); the reader fills the cells with PDFium's own
    characters, so the text is read once, the same way everywhere."""
    found: list[FoundTable] = []
    for table in page.find_tables():
        grid = [[tuple(cell) if cell else None for cell in row.cells] for row in table.rows]
        grid, texts = merge_split_columns(grid, table.extract())
        if holds_a_table(texts):
            found.append((tuple(table.bbox), grid))
    return found
