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
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.errors import InputError
from .bidi import LineMirror, right_to_left
from .boxes import Bbox, encloses
from .table_rules import table_settings
from .tables_geometry import Grid, holds_a_table, merge_split_columns, same_columns

Char = dict[str, Any]  # text, x0, x1, top, bottom, size, fontname, weight, upright
# A table: its box and its rows of cell boxes (None where a merged cell spans the place).
FoundTable = tuple[Bbox, list[list[Bbox | None]]]

# The weight given to glyphs a word processor emboldens by stroking them (stroked_bold): PDFium's
# weight of a bold face.
SYNTHETIC_BOLD = 700
# PDFium marks a hyphen it found at a line end with U+0002.
PDFIUM_HYPHEN = "\x02"
# A figure covers between these shares of its page.
FIGURE_SHARE = (0.02, 0.6)
# An image placed inside the page's edges covering more than a figure and at most this share is a
# screen: a form's or a program's picture shown whole (a scanned page fills its page).
SCREEN_SHARE = 0.95
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
# A strike-out is a stroke this thin (points) drawn through the middle of its characters: not in
# their top or bottom quarter (STRIKE_BAND of the height), where an underline or an overline runs,
# and running past them by at most STRIKE_OVERRUN of their size at each end.
STRIKE_THICKNESS = 1.5
STRIKE_BAND = 0.25
STRIKE_OVERRUN = 0.5
# A heading's ornament (a band, a disc round its number) holds one line of display type, this many
# times the page's commonest size or larger, and is at most this many times as tall as that line.
ORNAMENT_TYPE = 1.25
ORNAMENT_HEIGHT = 2.0
# ... and runs along the line, this many times as long as it is tall: a band or a bar.  A square
# emblem (a chapter's large 「第4章」 beside its two-line title) stays a figure: read as free text
# its outsize digit spans both title lines and the lines' characters interleave.
ORNAMENT_LONG = 4.0
# An underline is such a stroke under its characters: in their bottom band or below it by at most
# UNDERLINE_DROP of their size (a word processor draws it a little under the baseline).
UNDERLINE_DROP = 0.5
# A shape text is painted on (a callout, a note box) is at least this wide and tall (points).
PANEL_SIZE = (40.0, 20.0)
# The two libraries measure a shape's box to within this many points (PDFium counts its stroke).
PANEL_MATCH = 3.0
# A line this many points wide and tall is slanted, no rule (those are level or upright); one that
# crosses this share of a cell's width and height splits it corner to corner.
CORNER_SLACK = 3.0
CORNER_SPAN = 0.75
# A rule: a drawn line (or a box no taller than this, in points) running across the page, at least
# this long: what a section's band or a box is drawn with, and what parts a page into blocks.
RULE_THICKNESS = 2.0
RULE_LENGTH = 20.0
# A table going on from the page before stands above every character of its page but a running
# head's line: a character counts as above it when it ends at most this many points below its top
# rule (a character sitting on the rule).
CONTINUED_SLACK = 1.0
# A box reaching this many points past the page's visible edge bleeds off it.  Art printed to bleed
# off the edge (a white paper's running-head banner, a chapter tab) is decoration: no figure is set
# to bleed, and taken for one the banner's box, reaching down over the page's first figure, holds
# that figure's labels and puts the banner into its picture.
BLEED = 2.0
# A page is worth a table search when it draws this many thin lines or boxes.
RULES_FOR_A_GRID = 6
# A page's reading gives up after this many seconds of CPU (a damaged file can send a library in circles).
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
    corners: list[Bbox] = field(default_factory=list)  # table cells a drawn diagonal crosses
    # The boxes of tables that are tables only as the rest of the page before's (pdf_source._goes_on):
    # their columns are that table's, an empty one included (a label merged over rows begun there).
    continued: list[Bbox] = field(default_factory=list)
    figures: list[Bbox] = field(default_factory=list)  # images and drawings placed as one object
    # Images and drawings placed as one object too small to be figures: a QR code beside a note's
    # address, an icon, a logo (what stands between two lines is no gap in the text).
    pictures: list[Bbox] = field(default_factory=list)
    # Images larger than a figure placed inside the page's edges (_screens): a form's picture with
    # notes laid over it.
    screens: list[Bbox] = field(default_factory=list)
    bars: list[Bbox] = field(default_factory=list)  # rectangles one line tall drawn on their own
    # Shapes drawn with text on them (a callout, a note box), in drawing order: a character of that
    # text carries its shape's index as ``over``.
    panels: list[Bbox] = field(default_factory=list)
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
            mirrored = right_to_left(document)
            pages = [_timed_page(path, document, index, mirrored) for index in range(len(document))]
            for page in pages:
                page.label = document.get_page_label(page.number - 1) or ""
            outline = _outline(document)
        except pdfium.PdfiumError as error:
            raise InputError(path, f"not a readable PDF ({error})") from None
        finally:
            document.close()
        _find_tables(path, [page for page in pages if page.ruled])
    return pages, outline


def _timed_page(path: Path, document: Any, index: int, mirrored: bool = False) -> SourcePage:
    try:
        with time_limit(PAGE_SECONDS):
            return _page(document[index], index + 1, mirrored)
    except TimeoutError:
        raise InputError(path, f"page {index + 1}: not read within {PAGE_SECONDS:.0f} s of CPU time "
                         "(a damaged page?)") from None


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeoutError in the block after ``seconds`` of the process's own CPU time (main thread
    only: elsewhere no limit).

    CPU time, not the clock's: a page read on a machine busy with other work takes longer by the
    clock but not in CPU, so whether a page's table search finishes — and so what the page gives —
    never depends on the machine's load (the same source, the same output).  A library sent in
    circles by a damaged file spends CPU, so the limit still stops it.  The alarm interrupts Python
    code between two library calls, which is where a page's reading spends its time (one call per
    character).  A limit inside another (a page's, inside a caller's) gives the outer one back what
    is left of it."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(*_: object) -> None:
        raise TimeoutError

    outer_left = signal.getitimer(signal.ITIMER_PROF)[0]
    started = time.process_time()
    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        if outer_left:
            signal.setitimer(signal.ITIMER_PROF, max(outer_left - (time.process_time() - started), 0.001))


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


def _page(page: Any, number: int, mirrored: bool = False) -> SourcePage:
    """The page's characters and drawings; ``mirrored``: the document reads right to left, and
    PDFium hands back some of its brackets mirrored (bidi.py)."""
    import pypdfium2.raw as raw

    (left, _, _, top), (crop_left, crop_bottom, crop_right, crop_top) = page_boxes(page)
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
    owner_of = raw.FPDFText_GetTextObject
    owners: list[int] = []  # each character's text object: what is painted over what
    stroked: dict[int, bool] = {}  # each text object: whether its glyphs are stroked as well as filled
    mirror = LineMirror(mirrored)
    for index in range(raw.FPDFText_CountChars(handle)):
        if is_generated(handle, index):
            # A space or line end PDFium inferred: spacing is decided from positions; a line end
            # is where PDFium's bidi reading of a line starts again.
            if get_unicode(handle, index) in (0x0D, 0x0A):
                mirror.line_break()
            continue
        text = mirror.restore(chr(get_unicode(handle, index)))
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
        owner = owner_of(handle, index)
        owners.append(ctypes.cast(owner, ctypes.c_void_p).value or 0)
        if owners[-1] not in stroked:
            stroked[owners[-1]] = bool(owners[-1]) and stroked_bold(owner)
        weight = get_weight(handle, index)
        chars.append({
            "text": text,
            "x0": box.left - left,
            "x1": box.right - left,
            "top": top - box.top,
            "bottom": top - box.bottom,
            "size": round(size, 2),
            "fontname": font_family(name.raw[: length - 1]) if 0 < length <= len(name) else "",
            "weight": max(weight, SYNTHETIC_BOLD) if stroked[owners[-1]] else weight,
            "upright": abs(angle) < 0.05,
        })
    textpage.close()

    def from_top(box: tuple[float, float, float, float]) -> Bbox:
        """A box in PDF units (left, bottom, right, top) measured as the characters are: from the
        media box's top-left corner, y downwards."""
        return (box[0] - left, top - box[3], box[2] - left, top - box[1])

    visible = from_top((crop_left, crop_bottom, crop_right, crop_top))
    text_objects: dict[int, int] = {}
    white_fills: list[tuple[int, tuple[float, float, float, float]]] = []
    objects = _drawn_objects(page, text_objects, white_fills)
    # Text off the visible page (a print shop's slug line, a title left on the pasteboard of an
    # imposed sheet) is shown by no viewer: none of it is the page's (trim marks out there drew a
    # 「strike-out」 through such a title).
    # What a white fill hides first: the new words painted on it at the old words' place are the
    # same glyphs, and read against the hidden ones they would count as painted again.
    painted_at = {handle: position for position, handle in text_objects.items() if objects[position][1] == 0}
    hidden = _covered_by_white(chars, owners, painted_at, [(position, from_top(box)) for position, box in white_fills])
    again = iter(painted_again([char for char, under in zip(chars, hidden, strict=True) if not under]))
    kept = [not under and not next(again) and _on_page(char, visible)
            for char, under in zip(chars, hidden, strict=True)]
    chars = [char for char, keep in zip(chars, kept, strict=True) if keep]
    owners = [owner for owner, keep in zip(owners, kept, strict=True) if keep]
    width, height = page.get_size()
    ruled = _count_rules(objects) >= RULES_FOR_A_GRID

    figures = [box for box in map(from_top, _figure_boxes(objects, width * height))
               if encloses(visible, box, BLEED) and not _ornament(box, chars)]
    pictures = [box for box in map(from_top, _small_pictures(objects, width * height)) if encloses(visible, box, BLEED)]
    screens = [box for box in map(from_top, _screens(objects, width * height)) if encloses(visible, box)]
    thin = [from_top(box) for box in _thin_rules(objects)]
    mark_struck(chars, thin)
    mark_underlined(chars, thin)
    panels = _panels(objects)
    mark_laid_over(chars, owners, [{text_objects[index] for index in texts} for _, texts in panels])
    page.close()
    return SourcePage(number, chars, top - crop_top, top - crop_bottom, width, height, ruled, figures=figures,
                      pictures=pictures, screens=screens,
                      bars=[from_top(box) for box in _bars(objects)], panels=[from_top(box) for box, _ in panels],
                      rules=[from_top(box) for box in _rules(objects)], replaced=replaced, bullets=bullets)


def stroked_bold(text_object: Any) -> bool:
    """Whether a text object's glyphs are stroked round their outline in their own colour as well as
    filled (render mode 2 with a line of some width): how a word processor fakes bold for a face that
    has no bold of its own (Word sets a Mincho title's 「太字」 so, the face's name and weight those of
    the regular).  The reader sees bold type; an outline in another colour is a poster's effect."""
    import pypdfium2.raw as raw

    if raw.FPDFTextObj_GetTextRenderMode(text_object) != raw.FPDF_TEXTRENDERMODE_FILL_STROKE:
        return False
    width = ctypes.c_float()
    if not raw.FPDFPageObj_GetStrokeWidth(text_object, ctypes.byref(width)) or width.value <= 0:
        return False
    fill = [ctypes.c_uint() for _ in range(4)]
    stroke = [ctypes.c_uint() for _ in range(4)]
    if not raw.FPDFPageObj_GetFillColor(text_object, *map(ctypes.byref, fill)) \
            or not raw.FPDFPageObj_GetStrokeColor(text_object, *map(ctypes.byref, stroke)):
        return True
    return [c.value for c in fill[:3]] == [c.value for c in stroke[:3]]


def _ornament(box: Bbox, chars: list[Char]) -> bool:
    """Whether a drawn box is a heading's ornament, not a figure: it holds a single line of text set
    in display type (ORNAMENT_TYPE times the page's commonest size or more), is hardly taller than
    that line (ORNAMENT_HEIGHT times it at most) and runs along it (ORNAMENT_LONG).  Typeset
    publications set a heading's number in a disc or ring and its title on a band or bar; a figure
    is taller than one line of its own labels, and its labels are no larger than the text round it."""
    inside = [c for c in chars if c["text"].strip() and box[0] <= (c["x0"] + c["x1"]) / 2 <= box[2]
              and box[1] <= (c["top"] + c["bottom"]) / 2 <= box[3]]
    if not inside:
        return False
    tallest = max(inside, key=lambda c: c["bottom"] - c["top"])
    one_line = all(tallest["top"] <= (c["top"] + c["bottom"]) / 2 <= tallest["bottom"] for c in inside)
    body = Counter(round(c["size"] * 2) / 2 for c in chars if c["text"].strip()).most_common(1)[0][0]
    height = box[3] - box[1]
    return one_line and tallest["size"] >= ORNAMENT_TYPE * body and box[2] - box[0] >= ORNAMENT_LONG * height \
        and height <= ORNAMENT_HEIGHT * (tallest["bottom"] - tallest["top"])


def _on_page(char: Char, visible: Bbox) -> bool:
    """Whether the character's centre lies on the visible page (``visible``: left, top, right, bottom)."""
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return visible[0] <= x <= visible[2] and visible[1] <= y <= visible[3]


def page_boxes(page: Any) -> tuple[Bbox, Bbox]:
    """The page's media box and crop box (PDF units: left, bottom, right, top), inherited ones
    included.  PDFium's box getters read only the page's own dictionary and answer US Letter when
    the box is set once for every page on the page tree (as some word processors write it): an A4
    page's characters then stood 50 points above its drawn rules, which pdfplumber places right,
    and a ruled table's cells were filled with the text of the row above.  The page's bounding box
    (media box and crop box intersected) is inherited properly: it stands in for a box the page
    does not set itself."""
    bounds = page.get_bbox()
    media = page.get_mediabox(fallback_ok=False) or bounds
    crop = page.get_cropbox(fallback_ok=False) or bounds
    return media, crop


# How much of the smaller of two boxes a glyph must cover of the same glyph to be that glyph again.
OVERDRAWN = 0.7


# A white fill covers a character when it covers this share of the character's box.
COVERED = 0.8


def _covered_by_white(chars: list[Char], owners: list[int], painted_at: dict[int, int],
                      white_fills: list[tuple[int, Bbox]]) -> list[bool]:
    """For each character, whether an opaque white fill drawn on the page after it covers it: a
    correction pasted over old text (a white box, the new words painted on it).  The old words are
    still in the text layer, under the box; read, they interleave with the new (「出出典典」).  What
    the page shows is the box: a character painted over is not seen.  The page's own objects only,
    in painting order (``painted_at``: each of the page's text objects → its place in that order;
    ``white_fills``: each of its opaque white fills, its place and its box as the characters are
    measured; a fill inside a placed drawing belongs to the drawing's picture)."""
    if not white_fills:
        return [False] * len(chars)
    hidden = []
    for char, owner in zip(chars, owners, strict=True):
        painted = painted_at.get(owner)
        hidden.append(painted is not None and char["text"].strip() != "" and any(
            place > painted and _share_under(char, box) >= COVERED for place, box in white_fills))
    return hidden


def _share_under(char: Char, box: tuple[float, float, float, float]) -> float:
    width = min(char["x1"], box[2]) - max(char["x0"], box[0])
    height = min(char["bottom"], box[3]) - max(char["top"], box[1])
    area = (char["x1"] - char["x0"]) * (char["bottom"] - char["top"])
    return width * height / area if width > 0 and height > 0 and area > 0 else 0.0


def painted_again(chars: list[Char]) -> list[bool]:
    """For each character, whether the same glyph was already painted where it stands: a bold face
    faked by painting each glyph twice a fraction of a point apart, a title painted again as its own
    shadow.  Read as written, every character of such a line came out twice (「高高校校のの」); the
    reader sees it once.  A character repeated in a word (「ここ」「100」) stands a glyph's width on,
    its box clear of the first."""
    # Glyphs by their text and the cell of a size-wide grid their corner falls in: a glyph painted
    # again stands within a fraction of its size, so only the neighbouring cells are looked at.
    seen: dict[tuple[str, int, int], list[Char]] = {}
    again: list[bool] = []
    for char in chars:
        if char["text"].isspace():
            again.append(False)
            continue
        step = max(char["size"], 1.0)
        column, row = int(char["x0"] // step), int(char["top"] // step)
        again.append(any(_covered(char, other) >= OVERDRAWN
                         for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                         for other in seen.get((char["text"], column + dx, row + dy), ())))
        if not again[-1]:
            seen.setdefault((char["text"], column, row), []).append(char)
    return again


def _covered(a: Char, b: Char) -> float:
    """The share of the smaller of two boxes their overlap covers."""
    width = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    smaller = min((a["x1"] - a["x0"]) * (a["bottom"] - a["top"]), (b["x1"] - b["x0"]) * (b["bottom"] - b["top"]))
    return width * height / smaller if width > 0 and height > 0 and smaller > 0 else 0.0


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


def _drawn_objects(page: Any, text_objects: dict[int, int] | None = None,
                   white_fills: list[tuple[int, tuple[float, float, float, float]]] | None = None
                   ) -> list[DrawnObject]:
    """The page's objects and those of the drawings placed on it (one level down), in the
    library's order (each form followed by its own objects), with their bounds: read once for
    the figures, the rule count and what a white fill hides, through PDFium's own functions (a page
    can draw tens of thousands of paths, and a wrapper object each costs more than the bounds).
    ``text_objects`` gets the handle of each text object by its place in the list; ``white_fills``
    the place and bounds of each of the page's own paths filled opaque white (_covered_by_white)."""
    import pypdfium2.raw as raw

    found: list[DrawnObject] = []
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    bounds = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    rgba = [ctypes.c_uint() for _ in range(4)]
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()

    def white_filled(obj: Any) -> bool:
        return bool(raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke))) \
            and fill_mode.value != raw.FPDF_FILLMODE_NONE \
            and bool(raw.FPDFPageObj_GetFillColor(obj, *map(ctypes.byref, rgba))) \
            and [value.value for value in rgba] == [255, 255, 255, 255]

    def walk(count: int, get: Any, parent: Any, level: int) -> None:
        if count < 0:
            raise _pdfium().PdfiumError("Failed to get number of pageobjects.")
        for index in range(count):
            obj = get(parent, index)
            if not obj:
                raise _pdfium().PdfiumError("Failed to get pageobject.")
            kind = raw.FPDFPageObj_GetType(obj)
            if kind in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM, raw.FPDF_PAGEOBJ_TEXT):
                if not raw.FPDFPageObj_GetBounds(obj, *bounds):
                    raise _pdfium().PdfiumError("Failed to locate pageobject.")
                if kind == raw.FPDF_PAGEOBJ_TEXT and text_objects is not None:
                    text_objects[len(found)] = ctypes.cast(obj, ctypes.c_void_p).value or 0
                if kind == raw.FPDF_PAGEOBJ_PATH and level == 0 and white_fills is not None and white_filled(obj):
                    white_fills.append((len(found), (left.value, bottom.value, right.value, top.value)))
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
    # A diagram drawn with paths: boxes and arrows touching one another, each drawing's among its
    # own (the page's, or a placed drawing's): a piece of artwork placed whole (a chapter's banner)
    # is no part of the bar a heading is set on beside it, and clustered with the bar it made one
    # "figure" of both, the heading its label.
    for shapes in _paths_by_drawing(objects).values():
        shapes = [box for box in shapes if (box[2] - box[0]) * (box[3] - box[1]) < FRAME_SHARE * area]
        for cluster, count in _clusters(shapes):
            x0, y0, x1, y1 = cluster
            if count >= DIAGRAM_SHAPES and FIGURE_SHARE[0] * area <= (x1 - x0) * (y1 - y0) <= FIGURE_SHARE[1] * area \
                    and not _only_a_frame(cluster, shapes):
                boxes.append(cluster)
    return boxes


# A side of a frame: a shape this thin (points), this close to the frame's edge.
FRAME_SIDE = 3.0


def _only_a_frame(cluster: tuple[float, float, float, float], shapes: list[tuple[float, float, float, float]]) -> bool:
    """Whether every shape within the cluster is a side of its box: a frame and nothing in it.  A
    spreadsheet draws a box for text to be written in (a form's 「（２）取組」 box) as its cell's four
    borders, each as a stroke and a fill: eight shapes, as many as a diagram's, and the box's one
    short line (「なし」) was a figure's label and the box a picture of itself."""
    x0, y0, x1, y1 = cluster
    inside = [box for box in shapes if box[0] >= x0 - 0.1 and box[1] >= y0 - 0.1 and box[2] <= x1 + 0.1
              and box[3] <= y1 + 0.1]

    def side(box: tuple[float, float, float, float]) -> bool:
        if box[2] - box[0] <= FRAME_SIDE:  # upright: along the left or right edge
            return box[0] - x0 <= FRAME_SIDE or x1 - box[2] <= FRAME_SIDE
        if box[3] - box[1] <= FRAME_SIDE:  # level: along the top or the foot
            return box[1] - y0 <= FRAME_SIDE or y1 - box[3] <= FRAME_SIDE
        return False

    return all(side(box) for box in inside)


def _paths_by_drawing(objects: list[DrawnObject]) -> dict[int, list[tuple[float, float, float, float]]]:
    """The paths' boxes by the drawing that holds them: -1 for the page's own, else the place in
    ``objects`` of the placed drawing (form) they are drawn in (a form is followed by its objects)."""
    import pypdfium2.raw as raw

    drawings: dict[int, list[tuple[float, float, float, float]]] = {}
    form = -1
    for index, (kind, level, box) in enumerate(objects):
        if level == 0:
            form = index if kind == raw.FPDF_PAGEOBJ_FORM else -1
        if kind == raw.FPDF_PAGEOBJ_PATH:
            drawings.setdefault(form if level else -1, []).append(box)
    return drawings


def _small_pictures(objects: list[DrawnObject], area: float) -> list[tuple[float, float, float, float]]:
    """Boxes of the images and placed drawings on the page itself smaller than a figure (a QR code,
    an icon).  Only the page's own objects: a form's objects are not measured on the page."""
    import pypdfium2.raw as raw

    return [(x0, y0, x1, y1) for kind, level, (x0, y0, x1, y1) in objects
            if kind in (raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM) and level == 0
            and 0 < (x1 - x0) * (y1 - y0) < FIGURE_SHARE[0] * area]


def _screens(objects: list[DrawnObject], area: float) -> list[tuple[float, float, float, float]]:
    """Boxes of the images on the page itself larger than a figure and short of the whole page (a
    form's picture the page's own notes are laid over; a scan fills its page)."""
    import pypdfium2.raw as raw

    return [(x0, y0, x1, y1) for kind, level, (x0, y0, x1, y1) in objects
            if kind == raw.FPDF_PAGEOBJ_IMAGE and level == 0
            and FIGURE_SHARE[1] * area < (x1 - x0) * (y1 - y0) <= SCREEN_SHARE * area]


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


def _panels(objects: list[DrawnObject]) -> list[tuple[tuple[float, float, float, float], list[int]]]:
    """Shapes laid over text: at least two lines tall, painted over text painted before them (in the
    library's order, which is the order of painting: what comes later lies on top), with text
    painted after them inside their bounds: each with the places of that text in ``objects``.  Text painted before
    the shape lies under it (a table's cell a callout covers) and is not the shape's; a shaded cell
    or box, painted before its own text and over none, is no such shape."""
    import pypdfium2.raw as raw

    texts = [(index, box) for index, (kind, _, box) in enumerate(objects) if kind == raw.FPDF_PAGEOBJ_TEXT]
    paths = [box for kind, _, box in objects if kind == raw.FPDF_PAGEOBJ_PATH]
    found = []
    for index, (kind, _, box) in enumerate(objects):
        if kind != raw.FPDF_PAGEOBJ_PATH or box[3] - box[1] < PANEL_SIZE[1] or box[2] - box[0] < PANEL_SIZE[0]:
            continue
        on_top = [later for later, text in texts if later > index and encloses(box, text)]
        if not on_top or not any(_overlap(box, text) for earlier, text in texts if earlier < index):
            continue
        if not any(_side_by_side(box, other) for other in paths):  # a cell among cells is no callout
            found.append((box, on_top))
    return found


def _side_by_side(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two boxes tile: one's side on the other's, the two as tall (or as wide) there."""
    def near(x: float, y: float) -> bool:
        return abs(x - y) <= 1.0

    level = near(a[1], b[1]) and near(a[3], b[3]) and (near(a[2], b[0]) or near(b[2], a[0]))
    stacked = near(a[0], b[0]) and near(a[2], b[2]) and (near(a[3], b[1]) or near(b[3], a[1]))
    return level or stacked


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two boxes share more than their edges (a point inside each)."""
    return a[0] + 1 < b[2] and b[0] + 1 < a[2] and a[1] + 1 < b[3] and b[1] + 1 < a[3]


def mark_laid_over(chars: list[Char], owners: list[int], panels: list[set[int]]) -> None:
    """Each character of a text object painted on a shape (``owners``: each character's text object,
    ``panels``: the text objects on each shape) gets the shape's index as ``over`` (the last such
    shape: the one on top).  Characters of text painted before the shape, under it, keep none."""
    for index, texts in enumerate(panels):
        for char, owner in zip(chars, owners, strict=True):
            if owner in texts:
                char["over"] = index


def _thin_rules(objects: list[DrawnObject]) -> list[tuple[float, float, float, float]]:
    """Paths drawn as a thin horizontal line (a rule, an underline, a strike-out's stroke)."""
    import pypdfium2.raw as raw

    return [box for kind, _, box in objects if kind == raw.FPDF_PAGEOBJ_PATH
            and box[3] - box[1] <= STRIKE_THICKNESS and box[2] - box[0] >= 2 * STRIKE_THICKNESS]


def mark_struck(chars: list[Char], rules: list[Bbox]) -> None:
    """Characters a thin line is drawn through (見え消し: a correction notice strikes out the words it
    deletes, beside the words that replace them) get ``struck``.  The line passes through the
    middle of their height (an underline runs under them)."""
    _mark_along(chars, rules, _through_middle, "struck")


def mark_underlined(chars: list[Char], rules: list[Bbox]) -> None:
    """Characters a thin line is drawn under (a word processor's underline: a title marked by it, as
    others are by bold, or a link) get ``underlined``.  The line runs under their bottom band."""
    _mark_along(chars, rules, _under, "underlined")


def _mark_along(chars: list[Char], rules: list[Bbox], runs_along: Callable[[Char, float], bool], flag: str) -> None:
    """Set ``flag`` on the characters each thin line runs along (``runs_along``: through their middle,
    under them) where the line begins and ends with them: a rule that runs on past the characters it
    meets (a table's edge, a chart's gridline, the rule over the page's notes) marks none of them."""
    for x0, top, x1, bottom in rules:
        y = (top + bottom) / 2
        met = [c for c in chars if c["text"].strip() and x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and runs_along(c, y)]
        if not met:
            continue
        size = max(c["size"] for c in met)
        if min(c["x0"] for c in met) - x0 <= STRIKE_OVERRUN * size and \
                x1 - max(c["x1"] for c in met) <= STRIKE_OVERRUN * size:
            for char in met:
                char[flag] = True


def _under(char: Char, y: float) -> bool:
    """Whether a line at ``y`` runs under the character: below its middle band, not far below it."""
    height = char["bottom"] - char["top"]
    return char["bottom"] - STRIKE_BAND * height < y <= char["bottom"] + UNDERLINE_DROP * char["size"]


def _through_middle(char: Char, y: float) -> bool:
    """Whether a line at ``y`` crosses the middle band of the character's height."""
    height = char["bottom"] - char["top"]
    return char["top"] + STRIKE_BAND * height <= y <= char["bottom"] - STRIKE_BAND * height


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

    A grid that goes on with the table at the foot of the page before is a table too, whatever
    its rows hold (_goes_on): a long table's page may hold one row cut by the page break and a
    single row of its own, too few filled cells for a table on their own.
    """
    if not pages:
        return
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
    except Exception:  # pdfminer is stricter than PDFium about damaged files: lines it is
        return
    with pdf:
        above: tuple[int, list[FoundTable]] = (0, [])
        for page in pages:
            before = above[1] if above[0] == page.number - 1 else []

            def is_table(bbox: Bbox, grid: Grid, texts: list[list[str | None]], page: SourcePage = page,
                         before: list[FoundTable] = before) -> bool:
                if holds_a_table(texts):
                    return True
                if _goes_on(bbox, grid, texts, page, before):
                    page.continued.append(bbox)
                    return True
                return False

            # A page pdfminer cannot parse, or not within the time limit, keeps its text as lines.
            with contextlib.suppress(Exception), time_limit(PAGE_SECONDS):
                page.tables, page.corners = _tables_of(
                    _without_panels(pdf.pages[page.number - 1], page.panels), is_table)
            above = (page.number, page.tables)


def _goes_on(bbox: Bbox, grid: Grid, texts: list[list[str | None]], page: SourcePage,
             before: list[FoundTable]) -> bool:
    """Whether the grid continues the previous page's last table: it is the first thing on its
    page (at most one line stands above it: a running head, a 「（続き）」), has text, and draws
    that table's columns."""
    if not before or not any(cell and cell.strip() for row in texts for cell in row):
        return False
    above = [char for char in page.chars if char["bottom"] <= bbox[1] + CONTINUED_SLACK]
    if above and max(char["top"] for char in above) >= min(char["bottom"] for char in above):
        return False  # two lines or more: the table starts below text of its own page
    _, last = max(before, key=lambda table: table[0][3])
    return same_columns(grid, last)


def _without_panels(page: Any, panels: list[Bbox]) -> Any:
    """The pdfplumber page without the shapes laid over its text (a callout over a table): their
    edges are no rules of the table under them, and taken for rules they cut its rows."""
    if not panels:
        return page

    def kept(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") not in ("rect", "curve"):
            return True
        box = (obj["x0"], obj["top"], obj["x1"], obj["bottom"])
        return not any(all(abs(a - b) <= PANEL_MATCH for a, b in zip(box, panel, strict=True)) for panel in panels)

    return page.filter(kept)


def _crosses_cell(diagonal: Bbox, cell: Bbox) -> bool:
    """Whether a slanted line (its box) runs across the cell from side to side: inside it, over
    most of its width and height (it may stop short of the far corner)."""
    return (encloses(cell, diagonal) and diagonal[2] - diagonal[0] >= CORNER_SPAN * (cell[2] - cell[0])
            and diagonal[3] - diagonal[1] >= CORNER_SPAN * (cell[3] - cell[1]))


def _tables_of(page: Any, is_table: Callable[[Bbox, Grid, list[list[str | None]]], bool]
               ) -> tuple[list[FoundTable], list[Bbox]]:
    """The grid of each table (its cells' boxes); the reader fills the cells with PDFium's own
    characters, so the text is read once, the same way everywhere.

    The boxes are moved into the characters' frame, measured from the media box's top-left corner:
    pdfplumber measures x from the PDF's origin, which a page cut from a larger sheet (a white
    paper's chapter: media box from (66, 137)) sets outside the media box, so its grids stood a
    margin right of and above their text, and their cells were filled with the wrong lines.

    ``is_table`` says which grids hold a table (tables_geometry.holds_a_table, or one going on
    from the page before).

    Also the cells a drawn line crosses corner to corner: a table's corner cell split by a
    diagonal, naming the header row above the line and the header column below it."""
    left, top = page.mediabox[0], page.mediabox[1]

    def moved(box: Any) -> Bbox:
        return (box[0] - left, box[1] - top, box[2] - left, box[3] - top)

    found: list[FoundTable] = []
    for table in page.find_tables(table_settings(page)):
        grid = [[moved(cell) if cell else None for cell in row.cells] for row in table.rows]
        grid, texts = merge_split_columns(grid, table.extract())
        if is_table(moved(table.bbox), grid, texts):
            found.append((moved(table.bbox), grid))
    diagonals = [(moved((line["x0"], line["top"], line["x1"], line["bottom"]))) for line in page.lines
                 if line["x1"] - line["x0"] > CORNER_SLACK and line["bottom"] - line["top"] > CORNER_SLACK]
    corners = [box for _, grid in found for row in grid for box in row
               if box is not None and any(_crosses_cell(diagonal, box) for diagonal in diagonals)]
    return found, corners
