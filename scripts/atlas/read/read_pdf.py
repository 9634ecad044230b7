"""Read a PDF into lines that keep their layout: the PDF reader's half of the pipeline.

A text extraction (pdftotext) throws away what the page knew: which lines are set large or in a
Gothic face, where each line stands, which lines repeat on every page, which small lines sit at
the page foot, where the two columns are.  This reader keeps it.  It produces the same
``list[Line]`` as the text reader (clean.classify), with a ``Layout`` on every line, so that one
structure step serves both and uses the layout where it is present.

The steps, per page: characters (pdfplumber) → ruled tables (rows of tab-separated cells) →
lines (characters sharing a baseline, split at a column gutter) → reading order (column by
column between full-width lines) → text (spaces only where the gap says a space was printed:
letter-spaced and justified Japanese is rejoined from the characters' positions).  Then, over
the whole document: running headers and footers (the same line at the same place on many
pages), page numbers (a number alone at the page head or foot), footnotes (small text at the
page foot that starts with a note label), bookmarks matched to their lines.
"""

from __future__ import annotations

import itertools
import re
import statistics
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..model.document import Layout, Line
from ..model.errors import InputError
from ..text.normalize import ink, is_cjk, join_spaced_japanese, normalize_chars
from ..text.numbering import CLOSING, heading_of, is_caption, item_starts, join_text
from ..text.page_furniture import (
    PAGE_NUMBER_BY_FORM,
    PAGE_NUMBER_FORMS,
    mark_contents,
    numbers_of_a_total,
    offsets_in_step,
)
from ..text.ruby_marks import ANCHOR, SEPARATOR, TERMINATOR
from .boxes import encloses
from .column_blocks import block_edges
from .figures import keep_together
from .line_numbers import line_numbers
from .page_labels import printed_page_numbers
from .pdf_source import SourcePage, read_source
from .raised import leading_raised, raised_marks, text_type
from .ruby import annotate, base_of, groups, is_reading, stands_over
from .side_column import blocks, paragraph_end, side_column_edge
from .side_figures import read_after_text_beside
from .size_columns import size_gutter
from .tables_geometry import cell_of, rules_at, with_holes_as_cells, written_columns
from .vertical import column_text, reads_vertically, vertical_columns, vertical_stacks

# A page with fewer lines of text than this beside a table, or with more table rows than lines of
# text none of which runs across half the table (titles over tables), measures its column by the table too.
FEW_LINES = 3
# A line's characters share a baseline: their vertical centres lie within this share of the size.
SAME_LINE = 0.45
# Head and foot of a page, as a share of its height: where running lines and page numbers live.
MARGIN_BAND = 0.1
# A line in the head or foot band that recurs (digits folded) on this share of pages is furniture.
RUNNING_SHARE = 0.4
# A running line at the body's size is a short title: a longer line of the body's type recurring at one
# place is text.  Set smaller in the margin band it may run long: a browser prints the page's address
# (a URL of a hundred characters) at the foot of every page it prints.
RUNNING_CHARS = 60
# A section's tab on facing pages (_facing_tabs) stands on this many pages at least.
_TAB_PAGES = 3
# A page's first or last line this near its edge may be its page number (checked by keeping step).
EDGE_BAND = 0.15
# Type this much smaller than the body's is set apart from it (running lines, notes).
SMALL = 0.9
# A figure's labels are short: a box whose text is mostly longer lines is a text frame.
FIGURE_LABEL_CHARS = 20
# Type this much larger than the body's is display type (a diagram's label that could pass for a title).
LARGER_THAN_BODY = 1.1
# A chart's axis set on one line (「2012 2013 … 2021」, 「0% 20% 40%」, 「2019年度 2020年度」): numbers
# spaced apart, each with at most a short unit or prefix, however long the row, are tick labels,
# not a sentence.
_TICK = r"[^\s\d]{0,2}\d[\d,.:]*[^\s\d]{0,3}"
AXIS_ROW = re.compile(rf"{_TICK}(?:\s+{_TICK})+")
# Type this many times larger than its neighbour on the line is another text (a label beside a note).
RESIZED = 1.5
# A label set beside its text on one line (a row's 「英国」, a year, ○) is a word or two.
LABEL_CHARS = 8
# Footnotes are set smaller than the body text.
FOOTNOTE_SIZE = SMALL
NOTE_LABEL = re.compile(r"(?:\d{1,3}|[*＊※]\d{0,3}|注\d{0,3})\s*\S")
GOTHIC = re.compile(r"gothic|goth|ゴシック|ｺﾞｼｯｸ|kakugo|sans|arial|helvetica|meiryo|メイリオ|hgp?s?g|角ゴ", re.I)
BOLD = re.compile(r"bold|heavy|black|demi|semibold|-b$|,b$|w[6-9]\b|w1[0-4]\b", re.I)
BOLD_WEIGHT = 600  # PDFium's weight of the face (400 regular, 700 bold)
# A typewriter face for Latin letters, each the same width: code, commands and data samples are set
# in one.  Named families only: Japanese faces called "Mono" (Osaka-Mono, Noto Sans Mono CJK) set
# Japanese running text.
TYPEWRITER = re.compile(r"courier|consolas|menlo|monaco|lucida ?console|typewriter|inconsolata|source ?code|cascadia"
                        r"|(?:dejavu ?sans|liberation|roboto|ubuntu|andale|sf|pt|fira|jetbrains|plex) ?(?:mono|code)",
                        re.I)


@dataclass
class PdfText:
    """What the PDF reader hands on: lines in reading order, and the bookmarks."""

    lines: list[Line]
    outline: list[tuple[int, str, int]] = field(default_factory=list)  # (level, title, page)
    pages: int = 0
    landscape: bool = False  # most pages wider than tall
    text_layer: str = ""  # every page's text as the PDF library reports it (normalised), pages apart
    plain_pages: list[int] = field(default_factory=list)  # pages whose layout was set aside
    replaced: int = 0  # characters the output cannot hold, read as U+FFFD
    bullets: int = 0  # private-use bullets read as 「・」
    messages: dict[str, int] = field(default_factory=dict)  # the libraries' messages, by kind
    page_labels: dict[int, str] = field(default_factory=dict)  # PDF page → number printed on it
    figures: dict[int, list[tuple[float, float, float, float]]] = field(default_factory=dict)  # page → boxes


@dataclass
class _Piece:
    """A run of characters on one baseline (a line, or one column's part of it)."""

    chars: list[dict[str, Any]]
    page: int
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    font: str = ""
    weight: int = 400
    text: str = ""
    column: int = 0  # 0 = full width (or a one-column page), 1 = left, 2 = right
    rotated: bool = False  # characters set sideways (not upright)
    figure: bool = False  # a label inside a figure (an image or drawing placed on the page)
    # A label in a row of a drawn diagram whose box was read as text (_diagram_rows): kept where it
    # stands, never a heading.
    diagram_label: bool = False
    table_row: bool = False
    table: int | None = None  # which of the page's tables a row belongs to
    # A table row's struck words, cell by cell (Layout.cell_struck): its characters are not kept.
    cell_struck: tuple[tuple[int, str, str], ...] = ()
    line_top: float | None = None  # the top of the whole baseline it was split from (_split_wide_gaps)
    line_number: bool = False  # a number the word processor prints beside the line (line_numbers)
    # One line of type set down the margin of a horizontal page (read/vertical.vertical_stacks): a
    # side title, a chapter's tab.  Its text is the page's label, never a part of the body's lines.
    side: bool = False

    def __post_init__(self) -> None:
        if self.chars:
            self.chars.sort(key=lambda c: c["x0"])
            # Where the ink is: a space glyph before or after the text does not move the line.
            visible = [c for c in self.chars if c["text"].strip()] or self.chars
            self.x0 = min(c["x0"] for c in visible)
            self.x1 = max(c["x1"] for c in visible)
            self.top = min(c["top"] for c in visible)
            self.bottom = max(c["bottom"] for c in visible)
            self.size = Counter(round(c["size"] * 2) / 2 for c in text_type(visible)).most_common(1)[0][0]
            self.font = Counter(c["fontname"] for c in visible).most_common(1)[0][0]
            self.weight = Counter(c.get("weight", 400) for c in visible).most_common(1)[0][0]
            self.text = _line_text(self.chars)

    @property
    def bold(self) -> bool:
        """Set in a bold face: by its weight, or by its font's name (a face PDFium gives no weight)."""
        return self.weight >= BOLD_WEIGHT or bool(BOLD.search(self.font))

    @property
    def typewriter(self) -> bool:
        """Its Latin letters in a typewriter face, most of them: the face of code and
        commands.  A comment's number may come in the Japanese face of its words (「7.」 of
        「<!-- 7.ファイル作成機関情報 -->」); whether the line is code, its text decides."""
        latin = [c for c in self.chars if c["text"].strip() and c["text"].isascii()]
        typed = sum(1 for c in latin if TYPEWRITER.search(c["fontname"]))
        return bool(latin) and 3 * typed >= 2 * len(latin)


def read_pdf(path: Path) -> PdfText:
    """Every text line of the PDF at ``path``, in reading order, classified and with its layout."""
    messages: Counter[str] = Counter()
    pages, outline = read_source(path, messages)
    body_size = _chars_body_size(pages)
    pieces_by_page = [_page_pieces_or_lines(page, path.name, body_size) for page in pages]
    if not any(pieces for pieces in pieces_by_page):
        raise InputError(path, "no text layer (a scanned PDF?): OCR is not supported")
    plain_pages = []
    for index, page in enumerate(pages):
        lost, invented = page_difference(page, pieces_by_page[index])
        if lost or invented:
            warnings.warn(f"{path.name}: page {page.number}: its layout would lose {lost[:20]!r} or invent "
                          f"{invented[:20]!r}; the page is read as plain text", stacklevel=2)
            pieces_by_page[index] = _plain_pieces(page)
            plain_pages.append(page.number)
    pieces_by_page = _line_numbers_apart(pieces_by_page)  # on plain pages too: they keep every character
    page_sizes = [(page.top, page.bottom) for page in pages]
    lines = mark_contents(_lines(pieces_by_page, page_sizes, [page.bars for page in pages],
                                 [page.pictures for page in pages]))
    lines = _mark_outline(lines, [(level, normalize_chars(title).strip(), page) for level, title, page in outline])
    landscape = sum(1 for page in pages if page.width > page.height) > len(pages) / 2
    labels = printed_page_numbers([page.label for page in pages], lines)
    figures = {page.number: page.figures for page in pages if page.figures}
    return PdfText(
        lines, outline, len(pages), landscape, page_labels=labels, figures=figures,
        text_layer="\n".join(normalize_chars(page.text_layer) for page in pages),
        plain_pages=plain_pages,
        replaced=sum(page.replaced for page in pages),
        bullets=sum(page.bullets for page in pages),
        messages=dict(sorted(messages.items())),
    )


def _line_numbers_apart(pieces_by_page: list[list[_Piece]]) -> list[list[_Piece]]:
    """Each page's lines with the numbers a word processor printed beside them (line_numbers) taken
    off, each number a piece of its own (line_number) read after the page's text, in its place
    top to bottom: counted as furniture, kept out of the lines and sentences it stood beside."""
    running = [[piece for piece in pieces if _running_text(piece)] for pieces in pieces_by_page]
    out: list[list[_Piece]] = []
    for pieces, texts, numbered in zip(pieces_by_page, running, line_numbers(running), strict=True):
        if not numbered:
            out.append(pieces)
            continue
        of_piece = {id(texts[index]): chars for index, chars in numbered.items()}
        kept: list[_Piece] = []
        numbers: list[_Piece] = []
        for piece in pieces:
            chars = of_piece.get(id(piece))
            if chars is None:
                kept.append(piece)
                continue
            rest = [c for c in piece.chars if id(c) not in chars]
            if not any(c["text"].strip() for c in rest):  # a number alone on its line (a blank line's)
                numbers.append(replace(piece, line_number=True))
                continue
            kept.append(replace(piece, chars=rest))
            numbers.append(replace(_Piece([c for c in piece.chars if id(c) in chars], piece.page),
                                   column=piece.column, line_number=True))
        out.append(kept + sorted(numbers, key=lambda p: p.top))
    return out


def page_difference(page: SourcePage, pieces: Sequence[_Piece]) -> tuple[str, str]:
    """What the page's reading would lose and invent, against its text layer: the characters
    (normalised, whitespace aside) compared as multisets, so reordering is free and nothing else."""
    source = ink(normalize_chars(page.text_layer))
    read = ink(normalize_chars("".join(piece.text for piece in pieces)))
    return "".join(sorted((source - read).elements())), "".join(sorted((read - source).elements()))


def _plain_pieces(page: SourcePage) -> list[_Piece]:
    """The page's characters in the library's text order, a new line wherever that order jumps
    back or down a line: no columns, tables or figures, and so nothing lost or invented."""
    pieces: list[_Piece] = []
    run: list[dict[str, Any]] = []
    for char in page.chars:
        if run and _starts_a_line(run[-1], char):
            pieces.append(_Piece(run, page.number))
            run = []
        run.append(char)
    if run:
        pieces.append(_Piece(run, page.number))
    return [piece for piece in pieces if piece.text.strip()]


def _starts_a_line(prev: dict[str, Any], char: dict[str, Any]) -> bool:
    size = max(prev["size"], char["size"], 1.0)
    return char["x0"] < prev["x0"] - size or abs(char["top"] - prev["top"]) > size


# ---------------------------------------------------------------------------
# One page: characters → tables and lines → reading order
# ---------------------------------------------------------------------------


def _chars_body_size(pages: Sequence[SourcePage]) -> float | None:
    """The size that covers the most area over the whole document's upright characters: its body
    text's, whatever one page's notes or labels hold."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for char in page.chars:
            if char["upright"] and char["text"].strip():
                sizes[round(char["size"] * 2) / 2] += char["size"] ** 2
    return sizes.most_common(1)[0][0] if sizes else None


def _page_pieces_or_lines(page: SourcePage, name: str, body_size: float | None = None) -> list[_Piece]:
    """The page read with its layout; a page whose layout defeats the reader (a PDF unlike any
    seen) is read as plain lines, top to bottom, so that its text is never lost."""
    try:
        return _page_pieces(page, body_size)
    except (ValueError, ArithmeticError, LookupError, TypeError) as error:
        warnings.warn(f"{name}: page {page.number}: layout not read ({type(error).__name__}); read as plain lines",
                      stacklevel=2)
        return _plain_pieces(page)


def _page_pieces(page: SourcePage, body_size: float | None = None) -> list[_Piece]:
    chars = [c for c in page.chars if c["upright"]]
    sideways = [c for c in page.chars if not c["upright"]]
    if not chars and not sideways:
        return []
    number = page.number
    if reads_vertically(chars):  # 縦書き: columns right to left, each top to bottom
        pieces = [_vertical_piece(column, number) for column in vertical_columns(chars)]
        return [*pieces, replace(_Piece(sideways, number), rotated=True)] if sideways else pieces
    tables = _outside_figures(page.tables, page.figures, chars, number)
    set_in_figures = [table[0] for table in page.tables if table not in tables]
    in_table: list[list[dict[str, Any]]] = [[] for _ in tables]
    free: list[dict[str, Any]] = []
    laid_over: list[list[dict[str, Any]]] = [[] for _ in tables]
    for char in chars:
        for index, (bbox, _) in enumerate(tables):
            if _inside(char, bbox) and _over_the_grid(char, page.panels, bbox):
                laid_over[index].append(char)
                break
            if _inside(char, bbox):
                in_table[index].append(char)
                break
        else:
            free.append(char)
    rows_of: list[_Cells | None] = []
    for index, ((_, grid), table_chars) in enumerate(zip(tables, in_table, strict=True)):
        grid, outside = _trim_rows(grid, table_chars, number)
        outside = [*outside, *_lines_beside_the_grid(grid, table_chars, number, {id(c) for c in outside})]
        free.extend(outside)  # running text the grid took in at its top or foot, or beside its cells
        taken = {id(c) for c in outside}
        table_chars = in_table[index] = [c for c in table_chars if id(c) not in taken]
        cells = _cell_texts(grid, table_chars, number, page.corners, tables[index][0] in page.continued) \
            if table_chars and grid else None
        if cells is None:
            free.extend(table_chars)  # characters outside every cell: read the table as lines
        rows_of.append(cells)
    read_tables = [bbox for (bbox, _), cells in zip(tables, rows_of, strict=True) if cells is not None]
    frames = [box for box in page.figures if any(_frames(box, table) for table in read_tables)]
    free, figure_pieces = _figure_labels(free, [box for box in page.figures if box not in frames], number,
                                         set_in_figures)
    stacks, free = vertical_stacks(free)  # a chapter tab or caption set down the page
    pieces = _baseline_pieces(free, number) if free else []
    pieces = _diagram_rows(pieces, [box for box in page.figures if box not in frames], page.bars, body_size)
    pieces = _labels_over_screens(pieces, page.screens, body_size)
    pieces.extend(replace(_vertical_piece(stack, number), side=True) for stack in stacks)
    gutter = _gutter(pieces, body_size)
    side = side_column_edge([p for p in pieces if _running_text(p)]) if gutter is None else None
    if gutter is None and side is None:  # two columns each of a size of its own (size_columns)
        gutter = size_gutter([p for p in pieces if _column_line(p)], lambda p, x: _runs_across(p, x, p.size),
                             [bbox for bbox, _ in page.tables] + list(page.figures))
    if gutter is not None:
        pieces = [part for piece in pieces for part in _split_at(piece, gutter)]
    if side is not None:
        pieces = [part for piece in pieces for part in _split_side(piece, side)]
    for index, ((bbox, _), cells, table_chars) in enumerate(zip(tables, rows_of, in_table, strict=True)):
        if cells is not None:
            pieces.extend(replace(piece, table=index) for piece in _table_pieces(cells, table_chars, bbox, number))
    for (bbox, _), over in zip(tables, laid_over, strict=True):
        pieces.extend(_after_the_table(_baseline_pieces(over, number), bbox) if over else [])
    figure_pieces = _in_columns(figure_pieces, gutter)
    pieces = _captions_with_figures(pieces, figure_pieces)
    pieces.extend(figure_pieces)
    if sideways:  # kept whole, in one piece at the end of the page: counted, never lost
        pieces.append(replace(_Piece(sideways, number), rotated=True))
    if gutter is not None:
        pieces = _full_width_ends(pieces)
    pieces = _with_ruby(pieces)
    edges = _block_edges(pieces, page.rules, gutter) if gutter is not None else []
    ordered = _reading_order(pieces, gutter is not None, edges)
    # A table's rows stay together: a chapter's tab in the margin (「第」「3」「章」), set at the height
    # of its rows, would otherwise cut the table in three.
    ordered = keep_together(ordered, lambda p: p.table)
    ordered = read_after_text_beside(ordered, lambda p: _figure_of(p, page.figures) if p.figure else None,
                                     page.figures, lambda text: normalize_chars(text).rstrip().endswith(tuple(CLOSING)))
    ordered = _side_titles_first(ordered)
    return _side_after_paragraphs(ordered) if side is not None else ordered


def _side_titles_first(ordered: list[_Piece]) -> list[_Piece]:
    """Each line set down the margin read before the line of running text it starts level with (its
    top in that line's upper half): a side title labels the text it stands beside.  Ordered by its
    top, it fell after that line (its glyphs start a little lower) and cut the first sentence in two.
    A line it starts below is read before it already; nothing else moves (a chart's axis label set
    down its side stays where its top puts it)."""
    for piece in [p for p in ordered if p.side]:
        rest = [p for p in ordered if p is not piece]
        at = ordered.index(piece)
        for index, other in enumerate(rest[:at]):
            if _beside_as_text(other) and other.top <= piece.top < other.top + other.size / 2:
                rest.insert(index, piece)
                break
        else:
            rest.insert(at, piece)
        ordered = rest
    return ordered


def _beside_as_text(piece: _Piece) -> bool:
    """A line of running text a side title may be read before: never a table's row (the table is
    read whole, where its first row stands: a chapter's tab level with its rows cut it in three)."""
    return _running_text(piece) and not piece.side and piece.table is None


def _column_line(piece: _Piece) -> bool:
    """A line that may make a column of its own size: text read as text (no figure's label, no
    line down the margin), of two characters at least (no page number's digit)."""
    return not (piece.figure or piece.side or piece.rotated or piece.table_row or piece.line_number) \
        and len(piece.text.strip()) >= 2


def _running_text(piece: _Piece) -> bool:
    return bool(piece.chars) and not piece.table_row and not piece.figure and not piece.rotated


def _split_side(piece: _Piece, edge: float) -> list[_Piece]:
    """A baseline's body part and its side column's part (column 2: the page's side column)."""
    if not _running_text(piece):
        return [piece]
    body = [c for c in piece.chars if (c["x0"] + c["x1"]) / 2 < edge]
    side = [c for c in piece.chars if (c["x0"] + c["x1"]) / 2 >= edge]
    if not side:
        return [piece]
    if not body:
        return [replace(piece, column=2)]
    return [_Piece(body, piece.page), replace(_Piece(side, piece.page), column=2)]


def _last_bottom(lines: list[_Piece]) -> float:
    return max(p.bottom for p in lines)


def _side_after_paragraphs(ordered: list[_Piece]) -> list[_Piece]:
    """The page's side column (column 2) taken out of the body's lines and read block by block, each
    after the body's paragraph it stands beside: the paragraph of the last body line on or above
    the block's first line (side_column.paragraph_end) — a source note starts beside what it cites,
    its wrapped lines run on down the margin; a block above all the body opens the page."""
    rest = [p for p in ordered if p.column != 2]
    body = [p for p in rest if _running_text(p)]
    left, right = _column_edges(body).get(0, (0.0, max((p.x1 for p in body), default=0.0)))
    opening: list[_Piece] = []
    after: dict[int, list[_Piece]] = {}
    for block in blocks([p for p in ordered if p.column == 2]):
        first = block[0]
        # On its baseline or above: a body line that starts above the note's foot (a note set smaller
        # on the body's baseline stands lower than the body's line's top).
        above = [index for index, p in enumerate(body) if p.top < first.bottom]
        if not above:
            opening.extend(block)
            continue
        anchor = max(above)
        end = paragraph_end(body, anchor, right)
        # A heading (a one-line paragraph ending before the middle of the measure) with the block
        # going on beside the lines under it: the note is the text's under the heading, not the
        # heading's alone.  A one-line sentence keeps its note.
        if end == anchor and end + 1 < len(body) and body[end + 1].top < _last_bottom(block) \
                and body[end].x1 < (left + right) / 2:
            end = paragraph_end(body, end + 1, right)
        after.setdefault(id(body[end]), []).extend(block)
    out = list(opening)
    for piece in rest:
        out.append(piece)
        out.extend(after.get(id(piece), []))
    return out


# A column rule stands in a cell's padding when the ink on each side clears it by this share of a
# character's size (a spreadsheet's: about a point and a half at 6 to 10 pt).
RULE_CLEARANCE = 0.15
# A table set inside a figure's frame beside its chart covers at most this share of the frame.
TABLE_IN_FIGURE = 0.5


def _outside_figures(tables: list[Any], figures: list[tuple[float, float, float, float]],
                     chars: list[dict[str, Any]], page: int) -> list[Any]:
    """The page's tables but those set inside a figure's frame: a chart printed with a small ruled
    table of its numbers beside it (a ranking of the largest values next to the bars) is one figure,
    the table's text the figure's labels.  Read as a table of the page, it cut the chart's labels
    into two figures around it.  The frame must be the table's at most TABLE_IN_FIGURE and the
    rest of its text must read as labels (a box of sentences holding a table is a text frame)."""
    kept = []
    for table in tables:
        bbox = table[0]
        area = (bbox[2] - bbox[0]) * (bbox[3] - bbox[1])
        if not any(encloses(box, bbox) and area <= TABLE_IN_FIGURE * (box[2] - box[0]) * (box[3] - box[1])
                   and _labels_beside(box, [t[0] for t in tables], chars, page) for box in figures):
            kept.append(table)
    return kept


def _frames(box: tuple[float, float, float, float], table: tuple[float, float, float, float]) -> bool:
    """Whether the box is a frame drawn round a table read as one (the table fills most of it): the
    text in it beside the table is the table's caption and notes, no figure's labels (taken for a
    figure, the frame was drawn again as a picture of the table, the note its only text)."""
    area = (table[2] - table[0]) * (table[3] - table[1])
    return encloses(box, table) and area > TABLE_IN_FIGURE * (box[2] - box[0]) * (box[3] - box[1])


def _labels_beside(box: tuple[float, float, float, float], tables: list[tuple[float, float, float, float]],
                   chars: list[dict[str, Any]], page: int) -> bool:
    """Whether the box holds text outside its tables and that text reads as a figure's labels."""
    rest = [c for c in chars if _inside(c, box) and not any(_inside(c, table) for table in tables)]
    pieces = _baseline_pieces(rest, page) if rest else []
    return bool(pieces) and _read_as_labels(pieces)


# A callout covers part of a table: at most this share of its box.
CALLOUT_SHARE = 0.5


def _over_the_grid(char: dict[str, Any], panels: list[tuple[float, float, float, float]],
                   bbox: tuple[float, float, float, float]) -> bool:
    """Whether the character is text painted on a shape laid over part of the table (a callout,
    pdf_source.mark_laid_over): a shape standing in the table's box, smaller than half of it (a
    shape behind the whole table is its background)."""
    index = char.get("over")
    if index is None:
        return False
    x0, top, x1, bottom = panels[index]
    return _inside({"x0": x0, "x1": x1, "top": top, "bottom": bottom}, bbox) and \
        (x1 - x0) * (bottom - top) <= CALLOUT_SHARE * (bbox[2] - bbox[0]) * (bbox[3] - bbox[1])


def _after_the_table(pieces: list[_Piece], bbox: tuple[float, float, float, float]) -> list[_Piece]:
    """The lines of a callout laid over a table, read whole after the table (their order kept):
    placed by position they would cut the table's rows in two."""
    return _placed_under(sorted(pieces, key=lambda p: (p.top, p.x0)), bbox[3])


def _placed_under(pieces: list[_Piece], bottom: float) -> list[_Piece]:
    """Copies of the pieces standing just under ``bottom`` in the order given, each its height: read
    after what ends there (a table, a figure), never among what stands beside it."""
    placed = []
    for order, piece in enumerate(pieces):
        height = piece.bottom - piece.top
        piece = replace(piece)
        piece.top = bottom + 0.01 * (order + 1)
        piece.bottom = piece.top + height
        placed.append(piece)
    return placed


def _figure_of(piece: _Piece, boxes: list[tuple[float, float, float, float]]) -> int | None:
    """The figure box a label stands in (the first that holds its first character)."""
    return next((index for index, box in enumerate(boxes) if _inside(piece.chars[0], box)), None) \
        if piece.chars else None


def _vertical_piece(chars: list[dict[str, Any]], page: int) -> _Piece:
    """A column of a vertical page as one printed line: its characters read top to bottom."""
    piece = _Piece(list(chars), page)
    piece.text = column_text(chars)
    return piece


def _figure_labels(
    chars: list[dict[str, Any]], figures: list[tuple[float, float, float, float]], page: int,
    tables: Sequence[tuple[float, float, float, float]] = (),
) -> tuple[list[dict[str, Any]], list[_Piece]]:
    """Characters inside a figure's box that read as labels (short or small), as the figure's own
    pieces; the rest stay free.  A box whose text reads as running sentences is a text frame.
    ``tables``: ruled tables set inside a figure's frame (_outside_figures), read row by row after
    the figure's other labels."""
    labels: list[_Piece] = []
    for bbox in figures:
        inside = _runs_inside(chars, bbox, page)
        if not inside:
            continue
        inner = [table for table in tables if encloses(bbox, table)]
        in_tables = [c for c in inside if any(_inside(c, table) for table in inner)]
        held = {id(c) for c in in_tables}
        pieces = _baseline_pieces([c for c in inside if id(c) not in held], page) if len(held) < len(inside) else []
        if not _read_as_labels(pieces):
            continue
        taken = {id(c) for c in inside}
        chars = [c for c in chars if id(c) not in taken]
        titles = _titles_over(inner, pieces)
        pieces = [p for p in pieces if all(p not in title for title in titles)]
        labels.extend(_level_baselines([replace(p, figure=True) for p in pieces]))
        labels.extend(_rows_after(inner, in_tables, bbox, page, titles))
    return chars, labels


def _titles_over(tables: list[tuple[float, float, float, float]], pieces: list[_Piece]) -> list[list[_Piece]]:
    """For each table, the labels set right over it across its width (its title, and the
    unit under it, centred over the table and at most a little wider), topmost first: a line no
    more than a line's height above the table or above the title line under it."""
    titles = []
    for table in tables:
        title: list[_Piece] = []
        edge = table[1]
        while True:
            over = [p for p in pieces if p.x0 >= table[0] - 2 * p.size and p.x1 <= table[2] + 2 * p.size
                    and p.bottom <= edge + 1 and edge - p.bottom <= p.size and p not in title]
            if not over:
                break
            line = max(over, key=lambda p: p.bottom)
            title.insert(0, line)
            edge = line.top
        titles.append(title)
    return titles


def _rows_after(tables: list[tuple[float, float, float, float]], chars: list[dict[str, Any]],
                bbox: tuple[float, float, float, float], page: int, titles: list[list[_Piece]]) -> list[_Piece]:
    """The rows of the tables set in a figure (each row one label: 「name value」), table after
    table, each under its title, read after the figure's other labels: by position, each row would
    fall between the chart's tick values set at its height."""
    rows: list[_Piece] = []
    for table, title in sorted(zip(tables, titles, strict=True), key=lambda pair: (pair[0][1], pair[0][0])):
        # A title line loses the baseline it was split from: it is placed with its table's rows now.
        rows.extend(replace(line, figure=True, line_top=None) for line in title)
        own = [c for c in chars if _inside(c, table)]
        for group in _baseline_groups(own):
            rows.append(replace(_Piece(group, page), figure=True))
    return _placed_under(rows, bbox[3])


def _diagram_rows(pieces: list[_Piece], figures: list[tuple[float, float, float, float]],
                  bars: list[tuple[float, float, float, float]], body_size: float | None) -> list[_Piece]:
    """The pieces, those set side by side with another on one band inside a figure's box marked as
    a diagram's labels (``diagram_label``).  A flow chart's questions are sentences, so its box reads
    as a text frame (_figure_labels) and its text stays where it stands; but its outcomes, short
    labels in a row of boxes (the answers under a question, an outcome in bold beside the next), are
    no titles: a heading stands alone on its band, never beside another text in the same drawing.
    Not such a label: a sentence (two text columns side by side), a title on a bar of its own (a
    column's plate, ``bars``), or one over smaller type in its column (a boxed column's title over
    its text).  Only labels set in display type (bold, or larger than the body) are marked: no other
    line would be taken for a heading."""
    for bbox in figures:
        inside = [p for p in pieces if p.chars and not (p.table_row or p.figure or p.rotated)
                  and all(_inside(c, bbox) for c in p.chars)]
        labels = [p for p in inside if _label_like(p.text) and not any(_inside(p.chars[0], bar) for bar in bars)]
        for piece in labels:
            if _display(piece, body_size) and any(other is not piece and _beside(piece, other) for other in labels) \
                    and not _over_smaller_type(piece, inside):
                piece.diagram_label = True
    return pieces


def _labels_over_screens(pieces: list[_Piece], screens: list[tuple[float, float, float, float]],
                         body_size: float | None) -> list[_Piece]:
    """The pieces, a short label of one line in display type laid over a screen (a form's picture
    shown whole, the sheet's number tagged on its corner; a note's lines over it are its text)
    marked as the picture's (``diagram_label``), when the page has text of its own outside the
    picture: all a scan's text lies over its image, and its titles are the page's."""
    own = [p for p in pieces if p.chars and not (p.table_row or p.figure or p.rotated)]
    for screen in screens:
        over = [p for p in own if all(_inside(c, screen) for c in p.chars)]
        if len(over) == len(own):
            continue
        for piece in over:
            if _label_like(piece.text) and _display(piece, body_size) and not _lines_next_to(piece, own):
                piece.diagram_label = True
    return pieces


def _lines_next_to(piece: _Piece, pieces: list[_Piece]) -> bool:
    """Whether another line stands within a line's height above or below the piece, across its width."""
    return any(other is not piece and other.x0 < piece.x1 and other.x1 > piece.x0
               and (0 <= other.top - piece.bottom <= piece.size or 0 <= piece.top - other.bottom <= piece.size)
               for other in pieces)


def _display(piece: _Piece, body_size: float | None) -> bool:
    """Set in bold or larger than the body (``body_size``: the document's, if known)."""
    return piece.bold or (body_size is not None and piece.size >= LARGER_THAN_BODY * body_size)


def _over_smaller_type(piece: _Piece, pieces: list[_Piece]) -> bool:
    """Whether the nearest line under the piece, across its width, is set smaller (its text)."""
    under = [p for p in pieces if p.top >= piece.bottom - 1 and p.x0 < piece.x1 and p.x1 > piece.x0]
    if not under:
        return False
    return min(under, key=lambda p: p.top).size < SMALL * piece.size


def _label_like(text: str) -> bool:
    """Short words (each run between spaces under FIGURE_LABEL_CHARS: two boxes' labels set on one
    baseline close together read as one run with a space between) and no clause of a sentence
    (「、」「。」: a line of a text column beside another)."""
    words = text.split()
    return bool(words) and max(len(word) for word in words) < FIGURE_LABEL_CHARS \
        and not any(mark in text for mark in "、。")


def _beside(piece: _Piece, other: _Piece) -> bool:
    """Whether two pieces share some of their band, apart on it (boxes in a row, centred each on its
    own lines, need not share a baseline)."""
    shared = min(piece.bottom, other.bottom) - max(piece.top, other.top)
    return shared > 1 and (other.x0 - piece.x1 > piece.size or piece.x0 - other.x1 > piece.size)


def _read_as_labels(pieces: list[_Piece]) -> bool:
    """Whether lines read as a figure's labels: at most half their text in lines that read as
    running sentences (a box of sentences is a text frame)."""
    sentences = sum(len(p.text) for p in pieces if _reads_as_sentence(p.text))
    return sentences <= 0.5 * sum(len(p.text) for p in pieces)


def _reads_as_sentence(text: str) -> bool:
    """A line long enough to be running text, and not a chart's axis row of numbers."""
    text = text.strip()
    return len(text) >= FIGURE_LABEL_CHARS and not AXIS_ROW.fullmatch(text)


def _runs_inside(
    chars: list[dict[str, Any]], bbox: tuple[float, float, float, float], page: int
) -> list[dict[str, Any]]:
    """The characters inside the box, and the rest of each run of text (a baseline's words, split
    at wide gaps) that stands mostly inside it: a label drawn across the box's edge stays whole
    (「…により、高」 cut at the edge left 「、高」 a paragraph of its own)."""
    band = [c for c in chars if bbox[1] <= (c["top"] + c["bottom"]) / 2 <= bbox[3]]
    if not any(_inside(c, bbox) for c in band):
        return []
    taken: list[dict[str, Any]] = []
    for run in _baseline_pieces(band, page):
        inside = [c for c in run.chars if _inside(c, bbox)]
        # A run mostly outside is the text beside the figure: only its characters inside the box
        # (a tick label 「2,000件」 set close after a sentence) are the figure's.
        taken.extend(run.chars if 2 * len(inside) > len(run.chars) else inside)
    return taken


def _level_baselines(pieces: list[_Piece]) -> list[_Piece]:
    """Labels on one baseline (split at wide gaps) given one top, so they read left to right:
    glyph boxes differ by a fraction of a point (「入力」 stands 0.4 pt lower than 「審査」 beside it)."""
    levelled: list[_Piece] = []
    for piece in pieces:
        before = levelled[-1] if levelled else None
        centre = (piece.top + piece.bottom) / 2
        piece = replace(piece)  # a copy (replace measures its characters again: set the top after)
        if before is not None and abs(centre - (before.top + before.bottom) / 2) <= SAME_LINE * piece.size:
            piece.top, piece.bottom = before.top, before.bottom
        levelled.append(piece)
    return levelled


def _captions_with_figures(pieces: list[_Piece], labels: list[_Piece]) -> list[_Piece]:
    """A caption set just above or below a figure that spans both columns reads with the figure,
    after both columns' text, even when the caption itself is no wider than one column."""
    spanning = [p for p in labels if p.column == 0]
    if not spanning:
        return pieces
    top, bottom = min(p.top for p in spanning), max(p.bottom for p in spanning)
    placed = []
    for piece in pieces:
        near = top - 3 * piece.size <= piece.bottom <= top + piece.size or bottom - piece.size <= piece.top <= \
            bottom + 3 * piece.size
        if piece.column and near and is_caption(normalize_chars(piece.text).strip()):
            piece = replace(piece, column=0)
        placed.append(piece)
    return placed


def _in_columns(labels: list[_Piece], gutter: float | None) -> list[_Piece]:
    """A figure's labels read where the figure stands: in its column, or across both."""
    if gutter is None or not labels:
        return labels
    x0, x1 = min(p.x0 for p in labels), max(p.x1 for p in labels)
    column = 1 if x1 <= gutter else 2 if x0 >= gutter else 0
    placed = []
    for label in labels:
        moved = replace(label, column=column)
        # replace measures the characters again: keep the top _level_baselines gave the label.
        moved.top, moved.bottom = label.top, label.bottom
        placed.append(moved)
    return placed


def _inside(char: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    cx, cy = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


# Words struck through in one cell, in its order: (the few characters before them on their line, the words).
_Struck = tuple[tuple[str, str], ...]


@dataclass
class _Cells:
    """A table's rows of cell texts, and the words struck through in each cell (read_pdf.struck_runs,
    line by line): known here, where the cells' characters are, and lost with them after."""

    rows: list[list[str]]
    struck: list[list[_Struck]]


def _cell_texts(
    grid: list[list[tuple[float, float, float, float] | None]], chars: list[dict[str, Any]], page: int,
    corners: list[tuple[float, float, float, float]] | None = None, continued: bool = False,
) -> _Cells | None:
    """The table's rows of cell texts (and each cell's struck words: ``_Cells``), each cell the
    characters inside its box read as lines and joined the way broken lines are joined (vertical
    headings 「適/用/区/分」 included), but for a line opening an item (numbering.item_starts),
    which goes on after a line break; a character
    in a hole of the grid goes to the nearest cell of its column.  None if a character stands in no
    column: then the table is read as lines, so nothing is lost.  A corner cell split by a diagonal
    (``corners``) holds two labels, the header row's above it and the header column's below: they are
    kept apart by a space (「利用目的 所有形態」), not run together as one wrapped line.  A table
    going on from the page before (``continued``) keeps that table's columns, an empty one too."""
    if _text_runs_across_cells(grid, chars, page):
        return None
    grid = with_holes_as_cells(grid)
    by_cell: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for char in chars:
        place = cell_of(char, grid)
        if place is None:
            return None
        by_cell.setdefault(place, []).append(char)
    rows: list[list[str]] = []
    struck: list[list[_Struck]] = []
    for r, row in enumerate(grid):
        texts = []
        struck.append([])
        for c in range(len(row)):
            inside = by_cell.get((r, c), [])
            box = row[c]
            split = box is not None and box in (corners or [])
            # The cell's lines top to bottom, each line's parts left to right, as _baseline_pieces
            # gives them: a spreadsheet sets a value and its unit in one row as two texts of their
            # own sizes (「1070」 in smaller type than 「人」 beside it), and sorted by their tops
            # the larger unit came first (「人1070」).
            pieces = _baseline_pieces(inside, page) if inside else []
            lines = [piece.text.strip().replace("\t", " ") for piece in pieces]
            struck[-1].append(tuple(run for piece in pieces for run in struck_runs(piece.chars)))
            text = ""
            for line, opens_item in zip(lines, item_starts(lines), strict=True):
                if split and text:
                    text = f"{text} {line}"
                elif opens_item and text:
                    text = f"{text}\n{line}"  # an item set on its own line (「・銀行…」「・パソコン…」) keeps it
                else:
                    text = join_text(text, line)
            texts.append(text)
        rows.append(texts)
    if continued:
        return _Cells(rows, struck)
    keep = written_columns(rows)
    return _Cells([[row[c] if c < len(row) else "" for c in keep] for row in rows],
                  [[runs[c] if c < len(runs) else () for c in keep] for runs in struck])


Grid = list[list[tuple[float, float, float, float] | None]]


def _trim_rows(grid: Grid, chars: list[dict[str, Any]], page: int) -> tuple[Grid, list[dict[str, Any]]]:
    """The grid without its first and last rows whose lines run across the column rules (text set
    under or over the table that its rules take in), and the characters of those rows.  Only the
    rules drawn where a line stands count: a header cell spanning the columns below it (「利用者区分
    による適用」 over 「1 2 3」), or a band as wide as the table (a group's title), holds lines that
    run over the body's rules and is the table's own."""

    def band(row: list[tuple[float, float, float, float] | None]) -> list[dict[str, Any]]:
        boxes = [box for box in row if box is not None]
        if not boxes:
            return []
        top, bottom = min(b[1] for b in boxes), max(b[3] for b in boxes)
        return [c for c in chars if top <= (c["top"] + c["bottom"]) / 2 <= bottom]

    def crosses(row: list[tuple[float, float, float, float] | None]) -> bool:
        inside = band(row)
        lines = _baseline_pieces(inside, page) if inside else []
        return any(_runs_over_rule(line, x) for line in lines if len(line.text.strip()) >= 4
                   for x in rules_at(grid, (line.top + line.bottom) / 2))

    rows = list(grid)
    dropped: dict[int, dict[str, Any]] = {}  # by identity: a merged cell's band overlaps its neighbours'
    while rows and crosses(rows[-1]):
        dropped.update((id(c), c) for c in band(rows.pop()))
    while rows and crosses(rows[0]):
        dropped.update((id(c), c) for c in band(rows.pop(0)))
    return rows, list(dropped.values())


def _lines_beside_the_grid(grid: Grid, chars: list[dict[str, Any]], page: int,
                           taken: set[int]) -> list[dict[str, Any]]:
    """The characters in no cell of the grid whose lines run on over its column rules: text set
    in the table's box beside its cells, where no cell is drawn (a note under the short columns
    of a sheet whose other columns go on below).  Left in the grid's hole, such a line was cut
    at the rules of the columns above it, a piece a cell (「※件数は速報」「値による。」).  A
    label in a hole (a cell going on over a page break, its rule at the foot missing) stays in its
    column and is the hole's."""
    boxes = [box for row in grid for box in row if box is not None]
    if not boxes:
        return []
    loose = [c for c in chars if id(c) not in taken and not any(_inside(c, box) for box in boxes)]
    if not loose:
        return []
    left = min(box[0] for box in boxes)
    columns = sorted({box[0] for box in boxes if box[0] > left + 1.0})
    beside: list[dict[str, Any]] = []
    for line in _baseline_pieces(loose, page):
        if len(line.text.strip()) >= 4 and any(_runs_over_rule(line, x) for x in columns):
            beside.extend(line.chars)
    return beside


def _text_runs_across_cells(
    grid: list[list[tuple[float, float, float, float] | None]], chars: list[dict[str, Any]], page: int
) -> bool:
    """Whether lines of text run on across the grid's column rules (those drawn where each line
    stands): a box drawn around running text (a notice's closing clauses under a table's rules),
    not a table."""
    lines = [p for p in _baseline_pieces(chars, page) if len(p.text.strip()) >= 4] if chars else []
    crossing = sum(1 for line in lines
                   if any(_runs_over_rule(line, x) for x in rules_at(grid, (line.top + line.bottom) / 2)))
    return bool(lines) and crossing > 0.2 * len(lines)


def _table_pieces(
    table: _Cells, chars: list[dict[str, Any]], bbox: tuple[float, float, float, float], page: int
) -> list[_Piece]:
    """One piece per table row, its cells joined by tabs (the text reader's table form), with the
    words struck through in its cells."""
    template = _Piece(list(chars), page)
    rows = table.rows
    height = (bbox[3] - bbox[1]) / max(1, len(rows))
    pieces = []
    for index, (cells, struck) in enumerate(zip(rows, table.struck, strict=True)):
        if not any(cells):
            continue
        piece = replace(template, chars=[], table_row=True)
        piece.text = "\t".join(cells)
        piece.cell_struck = tuple((column, before, words) for column, runs in enumerate(struck)
                                  for before, words in runs)
        piece.top = bbox[1] + index * height
        piece.bottom = piece.top + height
        piece.x0, piece.x1 = bbox[0], bbox[2]
        pieces.append(piece)
    return pieces


def _baseline_pieces(chars: list[dict[str, Any]], page: int) -> list[_Piece]:
    """Characters grouped into lines by their vertical centre (superscripts join their line)."""
    pieces = []
    for group in _baseline_groups(chars):
        pieces.extend(_split_wide_gaps(group, page))
    return pieces


def _baseline_groups(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The characters of each baseline, top to bottom (superscripts join their line).

    A line of large type widens the band its neighbours' centres may fall in: two lines of small
    type set beside it (a slide's code box beside its bullets) both fall in it, and read as one
    line their characters interleave (「kvemr.noevle.…」).  A character that would stand on the
    same place of the line as one of another line's (``_apart``) goes to the line it does fit,
    the next one down if none."""
    baselines: list[_Baseline] = []
    for char in sorted(chars, key=lambda c: (_centre(c), c["x0"])):
        line = next((baseline for baseline in reversed(baselines[-LOOK_BACK:]) if baseline.holds(char)), None)
        if line is None:
            baselines.append(_Baseline(char))
        else:
            line.add(char)
    return _with_raised_marks([baseline.chars for baseline in baselines])


def _centre(char: dict[str, Any]) -> float:
    return (char["top"] + char["bottom"]) / 2


class _Baseline:
    """The characters of one baseline as they are grouped: its centre is that of its largest
    characters (a superscript does not move it); the span of its characters' own centres and its
    smallest size tell at once whether any of them could stand a line apart from a new one."""

    def __init__(self, char: dict[str, Any]) -> None:
        self.chars = [char]
        self.centre = self.low = self.high = _centre(char)
        self.size = self.smallest = char["size"]

    def holds(self, char: dict[str, Any]) -> bool:
        """Whether the character is set on this baseline: its centre in the band, and no character
        here over the same place a line apart (_apart; none can be when every centre here lies
        within a line of the smaller type of it)."""
        centre = _centre(char)
        if abs(centre - self.centre) > SAME_LINE * max(self.size, char["size"]):
            return False
        if max(abs(centre - self.low), abs(centre - self.high)) <= OTHER_LINE * min(char["size"], self.smallest):
            return True
        return not any(_apart(char, other) for other in self.chars)

    def add(self, char: dict[str, Any]) -> None:
        centre = _centre(char)
        self.chars.append(char)
        self.low, self.high = min(self.low, centre), max(self.high, centre)
        self.smallest = min(self.smallest, char["size"])
        if char["size"] >= self.size:
            self.centre, self.size = centre, char["size"]


# How many of the lines just above a character it may still join (see _baseline_groups).
LOOK_BACK = 3


def _apart(char: dict[str, Any], other: dict[str, Any]) -> bool:
    """Two characters no one line holds: over the same place across (by half the narrower's width)
    and a line of the smaller's type apart in height.  A glyph drawn over another on its baseline (a
    ○ enclosing a digit, a voicing mark over its kana) stands at its height, and is kept with it."""
    overlap = min(char["x1"], other["x1"]) - max(char["x0"], other["x0"])
    narrower = min(char["x1"] - char["x0"], other["x1"] - other["x0"])
    height = abs(_centre(char) - _centre(other))
    return overlap > 0.5 * narrower > 0 and height > OTHER_LINE * min(char["size"], other["size"])


# Two characters whose centres are this share of the smaller's size apart stand on different lines.
OTHER_LINE = 0.6


# A note mark touches the character it follows: at most this share of that character's size apart.
MARK_TOUCH = 0.25


def _with_raised_marks(groups: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """The lines with each note mark set on the line it belongs to.  A mark is set in a type of fixed
    size (9 pt in a white paper): over a line of smaller type (a table's source line 「資料：…¹を基に」)
    or of the same size, raised, its centre stands too far above the line's to be read on it.  A run
    of at most three digits alone on its "line", its foot within the band of a line below it and
    its top above that line's, touching a character of it, is that line's."""
    kept: list[list[dict[str, Any]]] = []
    for index, group in enumerate(groups):
        target = _line_of_mark(group, groups[index + 1:])
        if target is None:
            kept.append(group)
        else:
            target.extend(group)
    return kept


def _line_of_mark(group: list[dict[str, Any]], below: list[list[dict[str, Any]]]) -> list[dict[str, Any]] | None:
    text = normalize_chars("".join(c["text"] for c in group)).strip()
    if not text.isascii() or not text.isdigit() or len(text) > 3:
        return None
    x0, top, bottom = min(c["x0"] for c in group), min(c["top"] for c in group), max(c["bottom"] for c in group)
    for line in below:
        line_top, line_bottom = min(c["top"] for c in line), max(c["bottom"] for c in line)
        if line_top >= bottom:
            return None  # the lines below stand lower still
        if top < line_top < bottom < line_bottom and any(
                abs(c["x1"] - x0) <= MARK_TOUCH * c["size"] for c in line if c["text"].strip()):
            return line
    return None


def _split_wide_gaps(chars: list[dict[str, Any]], page: int) -> list[_Piece]:
    """A baseline with a gap wider than four characters holds separate texts (label and value,
    a figure's labels): each part is a piece of its own."""
    chars = sorted(chars, key=lambda c: c["x0"])
    parts: list[list[dict[str, Any]]] = [[chars[0]]]
    for prev, char in itertools.pairwise(chars):
        gap, larger, smaller = char["x0"] - prev["x1"], max(prev["size"], char["size"]), min(prev["size"], char["size"])
        # A gap of a character between type of very different sizes also parts two texts: a
        # label and the small note set beside it (「１．適切でない例」　「※ あくまでも例示」).
        if gap > 4 * larger or (gap > larger and larger > RESIZED * smaller):
            parts.append([])
        parts[-1].append(char)
    # A word set with wide letter-spacing (a centred 「議　　事」) falls apart into single characters:
    # a run of them is one word again (a space the word processor printed after one is no glyph of it).
    merged: list[list[dict[str, Any]]] = []
    for part in parts:
        before = _glyphs(merged[-1]) if merged and len(_glyphs(part)) == 1 else []
        if before and _one_glyph_run(before):
            merged[-1] = merged[-1] + part
        else:
            merged.append(part)
    pieces = [_Piece(part, page) for part in merged if any(c["text"].strip() for c in part)]
    if _form_field(pieces):
        return [_Piece([c for piece in pieces for c in piece.chars], page)]
    # A label beside its text (a table's row label, a mark ○) reads with the line it stands on: the
    # parts share the line's top.  Two texts set side by side (a slide's two boxes) are left alone:
    # which of them a reader takes first is no matter of one line.
    if len(pieces) > 1 and any(len(piece.text.strip()) <= LABEL_CHARS for piece in pieces):
        top = min(piece.top for piece in pieces)
        for piece in pieces:
            piece.line_top = top
    return pieces


# A form's field: a short label in Japanese, its colon, and the start of its value (「策定日：平成」);
# not a web address's 「https:」 (a browser's footer: the address, then the page's 「1/56」 far right).
_FIELD = re.compile(r"[^\x00-\x7f\s：]{1,10}\s*[:：]\s*\S")


def _form_field(pieces: list[_Piece]) -> bool:
    """Whether the baseline's parts are one field of a form, its value spread over cells: a
    spreadsheet prints each cell as a text of its own, so a date or a period filled in cell by
    cell (era, year, 「年」, month, 「月」, 「～」) stands in parts far apart after the label and its
    colon.  The first part opens with the label and colon, every other part is a short value
    (LABEL_CHARS): a reader reads them as one line, not a paragraph each."""
    if len(pieces) < 2 or not _FIELD.match(normalize_chars(pieces[0].text).replace(" ", "")):
        return False
    return all(len(piece.text.strip()) <= LABEL_CHARS for piece in pieces[1:])


def _glyphs(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The characters that print ink: no spaces."""
    return [c for c in chars if c["text"].strip()]


def _one_glyph_run(chars: list[dict[str, Any]]) -> bool:
    """Characters that each stood alone (letter-spaced): no two of them touch."""
    return all(b["x0"] - a["x1"] > max(a["size"], b["size"]) for a, b in itertools.pairwise(chars))


def _gutter(pieces: list[_Piece], body_size: float | None = None) -> float | None:
    """The x of the gap between two columns, if the page is set in two.

    Two columns show as a vertical strip near the middle of the text that (almost) no line's
    characters cover, with plenty of text on each side of it.  Lines are whole baselines here,
    so a line of the left column and one of the right share a piece: coverage is counted from
    the characters, not from the pieces' extents.

    The strip is looked for among the lines of the page's own text size, then, if none shows,
    among those of the document's body size: a white paper's page under a chart holds more
    footnote type (long addresses, full width) than body text, and its two columns of body text
    are the page's columns all the same.
    """
    text_size = _text_size(pieces)
    if text_size is None:
        return None
    gutter = _gutter_among(pieces, text_size)
    if gutter is None and body_size is not None and abs(body_size - text_size) >= 0.6:
        gutter = _gutter_among(pieces, body_size)
    return gutter


# A line set across both columns at the body's size (a caption over a chart, a title) crosses the
# gutter: one such line is allowed however few lines the columns hold — a white paper's page under
# a large figure has five lines in each column and the figure's caption, whose one line is more
# than a tenth of six.
ACROSS_GUTTER = 1


def _gutter_among(pieces: list[_Piece], text_size: float) -> float | None:
    """The gutter between the columns of the lines set at ``text_size``, if they show one."""
    # The page's text type only: a full-width footnote or a chart's labels must not hide the gutter.
    body = [p for p in pieces if len(p.text) >= 8 and not p.table_row and abs(p.size - text_size) < 0.6]
    if len(body) < 6:
        return None
    left_edge = min(p.x0 for p in body)
    right_edge = max(p.x1 for p in body)
    width = right_edge - left_edge
    size = statistics.median(p.size for p in body)
    best: float | None = None
    best_score = 0.0
    x = left_edge + 0.3 * width
    inks = [_ink_of(p) for p in body]  # once a page, not once for every x tried
    while x <= left_edge + 0.7 * width:
        covering = sum(1 for p, ink in zip(body, inks, strict=True)
                       if p.x0 < x < p.x1 and _ink_runs_across(ink, x, size))
        left = sum(1 for p in body if p.x0 < x - size)
        right = sum(1 for p in body if p.x1 > x + size)
        if covering <= max(ACROSS_GUTTER, 0.1 * len(body)) and min(left, right) >= 0.3 * len(body):
            score = min(left, right) - 3 * covering
            if score > best_score:
                best, best_score = x, score
        x += size / 4
    return best


def _runs_across(piece: _Piece, x: float, size: float) -> bool:
    """Whether the piece's characters continue across x (no gap of a character's width there)."""
    if piece.x1 <= x or piece.x0 >= x:
        return False
    return _ink_runs_across(_ink_of(piece), x, size)


def _runs_over_rule(piece: _Piece, x: float) -> bool:
    """Whether the piece's characters run on over a column rule drawn at x: across it (_runs_across),
    unless the rule stands in a gap that clears the ink on both sides by RULE_CLEARANCE of a
    character's size.  A spreadsheet sets its numbers flush right and its words flush left, a
    point or two from the rule: 「1,234」 and the next cell's 「東部地区」 then stand closer than half a
    character, and were read as one line run across the rule (the table refused, its cells one a
    line).  Running text under a rule touches it or is cut by it; a gap clear on both sides is a
    cell's padding."""
    if not _runs_across(piece, x, piece.size):
        return False
    ink = _ink_of(piece)
    before = max((c["x1"] for c in ink if c["x1"] <= x), default=None)
    after = min((c["x0"] for c in ink if c["x0"] >= x), default=None)
    clearance = RULE_CLEARANCE * piece.size
    return before is None or after is None or x - before < clearance or after - x < clearance


def _ink_of(piece: _Piece) -> list[dict[str, Any]]:
    return [c for c in piece.chars if c["text"].strip()]  # a space glyph may fill the gutter


def _ink_runs_across(ink: list[dict[str, Any]], x: float, size: float) -> bool:
    """Whether characters (in order of their left edges) continue across x: one covers it, or the
    gap between the last ending before it and the first starting after it is under half a size.
    One pass over the characters: the gutter search asks this for every piece at every x."""
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    for c in ink:
        x0, x1 = c["x0"], c["x1"]
        if x0 < x < x1:
            return True
        if x1 <= x:
            before = c
        if after is None and x0 >= x:
            after = c
    if before is None or after is None:
        return True
    return after["x0"] - before["x1"] < 0.5 * size


def _split_at(piece: _Piece, gutter: float) -> list[_Piece]:
    if piece.table_row:
        return [piece]
    left = [c for c in piece.chars if (c["x0"] + c["x1"]) / 2 < gutter]
    right = [c for c in piece.chars if (c["x0"] + c["x1"]) / 2 >= gutter]
    if left and right and not _runs_across(piece, gutter, piece.size):
        return [replace(_Piece(left, piece.page), column=1), replace(_Piece(right, piece.page), column=2)]
    if not right:
        return [replace(piece, column=1)]
    if not left:
        return [replace(piece, column=2)]
    return [piece]  # full width: a heading or a figure across both columns


def _full_width_ends(pieces: list[_Piece]) -> list[_Piece]:
    """On a two-column page, the short last line of a full-width paragraph (a box set across the
    page above the columns, a table's cell) stands in one half: it is full-width text all the
    same, not the start of a column.  A line in one column, with nothing in the other column on its
    baseline, set right under a full-width line of its size (less than a line apart) and starting
    where it starts (within a character: an indent), goes on across the page (column 0)."""
    text = sorted((p for p in pieces if not p.table_row and not p.figure and not p.rotated and p.chars),
                  key=lambda p: p.top)
    across: dict[int, _Piece] = {}
    for index, piece in enumerate(text):
        if piece.column == 0:
            continue
        middle = (piece.top + piece.bottom) / 2
        if any(other.column not in (0, piece.column) and other.top <= middle <= other.bottom for other in text):
            continue  # the other column has a line beside it: two columns here
        above = [across.get(id(p), p) for p in text[:index] if p.bottom <= piece.top + 0.3 * piece.size
                 and p.x0 < piece.x1 and piece.x0 < p.x1]
        if not above:
            continue
        line = max(above, key=lambda p: p.bottom)
        if line.column == 0 and abs(line.size - piece.size) < 0.5 and piece.top - line.bottom < piece.size \
                and abs(piece.x0 - line.x0) <= 1.5 * piece.size:
            across[id(piece)] = replace(piece, column=0)
    return [across.get(id(p), p) for p in pieces]


def _with_ruby(pieces: list[_Piece]) -> list[_Piece]:
    """Each run of ruby (read/ruby.py) joined to the line it stands over, its readings attached
    to the kanji under them; a run whose every reading finds its word leaves the page's pieces."""
    lines = [p for p in pieces if not p.table_row and not p.rotated and p.chars]
    rubies = [p for p in lines if is_reading(p.chars, 2 * p.size) and len(p.text.strip()) <= 20]
    joined: dict[int, _Piece] = {}  # id of the line as it stood → the line with its readings
    taken: set[int] = set()
    for ruby in rubies:
        under = [p for p in lines if p is not ruby and p.size > ruby.size
                 and is_reading(ruby.chars, p.size) and p.x0 <= ruby.x1 and ruby.x0 <= p.x1
                 and stands_over((ruby.top, ruby.bottom, ruby.size), (p.top, p.bottom, p.size))]
        if len(under) != 1:
            continue
        line = joined.get(id(under[0]), under[0])
        chars = sorted(line.chars, key=lambda c: c["x0"])
        readings = groups(ruby.chars, line.size)
        bases = [base_of(reading, chars) for reading in readings]
        if not all(bases):
            continue
        for reading, base in zip(readings, bases, strict=True):
            chars = annotate(chars, base, reading)
        joined[id(under[0])] = replace(line, chars=chars)
        taken.add(id(ruby))
    return [joined.get(id(p), p) for p in pieces if id(p) not in taken]


def _block_edges(pieces: list[_Piece], rules: list[tuple[float, float, float, float]], gutter: float) -> list[float]:
    """Where the page's drawn rules part its two columns into blocks (column_blocks.block_edges)."""
    text = [p for p in pieces if p.column and not p.figure and not p.table_row and not p.rotated]
    if not rules or not text:
        return []
    return block_edges(rules, ((p.x0, p.top, p.x1, p.bottom) for p in pieces if not p.table_row), gutter,
                       min(p.x0 for p in text), max(p.x1 for p in text))


def _place_in_order(piece: _Piece) -> tuple[float, float]:
    """Top to bottom, a printed line's parts left to right: the parts of one baseline (a row's label
    and its cell's first line, split at the wide gap between them) share its top, whatever their
    glyphs' own (the label stood a tenth of a point lower and was read after the cell's line)."""
    return (piece.top if piece.line_top is None else piece.line_top, piece.x0)


def _reading_order(pieces: list[_Piece], two_columns: bool, edges: Sequence[float] = ()) -> list[_Piece]:
    """Top to bottom, each printed line left to right; on a two-column page, column by column
    between full-width lines and the rules drawn across both columns (``edges``, heights from the
    page top)."""
    pieces = sorted(pieces, key=_place_in_order)
    if not two_columns:
        return pieces
    ordered: list[_Piece] = []
    band: list[_Piece] = []
    below = list(edges)
    for piece in pieces:
        if below and (piece.top + piece.bottom) / 2 > below[0]:
            while below and (piece.top + piece.bottom) / 2 > below[0]:
                below.pop(0)
            ordered.extend(_band_in_order(band))
            band = []
        if piece.column == 0:
            ordered.extend(_band_in_order(band))
            band = []
            ordered.append(piece)
        else:
            band.append(piece)
    ordered.extend(_band_in_order(band))
    return ordered


# A band's right half holding this many lines at most, all above its left half, is a title set
# over the left half's lines, not a column beside them.
TITLE_OVER_A_COLUMN = 2


def _band_in_order(band: list[_Piece]) -> list[_Piece]:
    """A band of lines between full-width lines, column by column — unless its right half is a line
    or two set wholly above its left half's first line: a part's title centred over the first
    heading of its text (「Ⅱ …」 in large type, 「１ …」 under it at the left margin) stands in the
    right half by its place, yet nothing sits beside it: the lines are read top to bottom."""
    left = [p for p in band if p.column == 1]
    right = [p for p in band if p.column == 2]
    if left and right and len(right) <= TITLE_OVER_A_COLUMN \
            and max(p.bottom for p in right) <= min(p.top for p in left):
        return sorted(band, key=_place_in_order)
    return sorted(band, key=lambda p: (p.column, p.top, p.x0))


def _line_text(chars: list[dict[str, Any]]) -> str:
    """The characters' text, with a space only where the gap before a character says one was set.

    Between Latin letters or digits a gap of a fifth of the size is a word space; so is a smaller
    one that stands out from the line's own spacing of Latin letters (_latin_word_gap).  Between
    Japanese characters a gap is letter-spacing (justified or centred lines: 「日　時」) unless it
    is much wider than the line's tightest gap (a space between a family and a given name).  A
    word's ruby goes with it, between its marks (read/ruby.annotate).
    """
    gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(chars)]
    usual = max(0.0, min(gaps)) if gaps else 0.0  # the line's own letter-spacing: its tightest gap
    latin = [gap for a, b, gap in zip(chars, chars[1:], gaps, strict=False) if _latin_pair(a["text"], b["text"])]
    latin_usual = max(0.0, min(latin)) if latin else 0.0  # the line's tracking of Latin letters
    parts = [*_ruby_opened(chars[0]), chars[0]["text"], *_ruby_closed(chars[0])]
    for prev, char, gap in zip(chars, chars[1:], gaps, strict=False):
        text, before = char["text"], prev["text"]
        if text.isspace() or before.isspace() or not text:
            parts.append(text)
            continue
        size = max(prev["size"], char["size"])
        japanese = is_cjk(before[-1]) and is_cjk(text[0])
        if japanese:
            spaced = gap > 0.6 * size and gap > usual + 0.5 * size
        else:
            spaced = gap > 0.2 * size or (_latin_pair(before, text) and gap > latin_usual + LATIN_WORD_GAP * size)
        if spaced:
            parts.append(" ")
        parts.extend((*_ruby_opened(char), text, *_ruby_closed(char)))
    return "".join(parts)


# Justified English set without space glyphs (a translation beside its original, character spacing
# stretching each line to the column): the words stand a tenth of the size apart or less, the
# letters of a word within a thirtieth.  A gap this share of the size wider than the line's tightest
# gap between Latin characters is a word space (pdfminer's word_margin and pdftotext's minimum word
# space are a tenth of the size; the tightest gap carries a line's tracking, as of a URL set
# letter-spaced in a Japanese line, whose letters must stay one word).
LATIN_WORD_GAP = 0.06
# What stands on either side of a word space in English: letters, digits, a sentence's punctuation.
# Not a leader (「____3」 in a contents line) nor a number's own parts (a chart's 「20」「14」 set as two
# pieces, 「250,00」「0」): the pair must hold a letter.
_WORD_END = frozenset(".,;:!?)]'\"")
_WORD_START = frozenset("(['\"")


def _latin_pair(before: str, text: str) -> bool:
    """A Latin letter beside a Latin letter, digit or sentence punctuation: where a word space may
    stand.  Never Japanese characters, whose gaps are letter-spacing."""
    if not before or not text:
        return False
    a, b = before[-1], text[0]
    if not (a.isascii() and b.isascii()):
        return False
    return (a.isalpha() or b.isalpha()) and (a.isalnum() or a in _WORD_END) and (b.isalnum() or b in _WORD_START)


def _ruby_opened(char: dict[str, Any]) -> tuple[str, ...]:
    """The mark that opens a word's ruby before its first character (read/ruby.annotate)."""
    return (ANCHOR,) if char.get("ruby_open") else ()


def _ruby_closed(char: dict[str, Any]) -> tuple[str, ...]:
    """The reading after a word's last character, between its marks (read/ruby.annotate)."""
    return (SEPARATOR, char["ruby"], TERMINATOR) if "ruby" in char else ()


# ---------------------------------------------------------------------------
# The document: lines with layout, furniture by position and repetition
# ---------------------------------------------------------------------------


def _lines(pieces_by_page: list[list[_Piece]], page_sizes: list[tuple[float, float]],
           bars_by_page: list[list[tuple[float, float, float, float]]] | None = None,
           pictures_by_page: list[list[tuple[float, float, float, float]]] | None = None) -> list[Line]:
    body_size = _body_size(pieces_by_page)
    furniture = _furniture(pieces_by_page, page_sizes, body_size)
    footnotes = _footnote_pieces(pieces_by_page, page_sizes, body_size, furniture, pictures_by_page)
    lines: list[Line] = []
    for page_number, pieces in enumerate(pieces_by_page, 1):
        pieces = _notes_after_the_text(pieces, footnotes, furniture)
        columns = _column_edges([piece for piece in pieces if id(piece) not in furniture])
        in_bars = _alone_in_bars(pieces, bars_by_page[page_number - 1] if bars_by_page else [])
        previous: _Piece | None = None
        for index, piece in enumerate(pieces):
            kind = furniture.get(id(piece), "body")
            text = join_spaced_japanese(normalize_chars(piece.text))
            if id(piece) in footnotes:
                text = _label_set_apart(text, leading_raised(piece.chars, piece.size))
            x0, x1 = columns.get(piece.column, (piece.x0, piece.x1))
            gap = 0.0
            if previous is not None and previous.column == piece.column and kind == "body":
                pitch = max(piece.size, previous.size) * 1.5
                gap = max(0.0, (piece.top - previous.bottom) - 0.5 * piece.size) / pitch
            layout = Layout(
                x0=round(piece.x0, 1),
                x1=round(piece.x1, 1),
                top=round(piece.top, 1),
                size=piece.size,
                bold=piece.bold,
                gothic=bool(GOTHIC.search(piece.font)),
                font=piece.font,
                column_x0=round(x0, 1),
                column_x1=round(x1, 1),
                gap_before=round(gap, 2),
                role="footnote" if id(piece) in footnotes else "figure" if piece.figure
                else "label" if piece.diagram_label else "side" if piece.side else "",
                bar=id(piece) in in_bars,
                raised=raised_marks(piece.chars, piece.size) if kind == "body" and id(piece) not in footnotes else (),
                struck=struck_runs(piece.chars),
                cell_struck=piece.cell_struck,
                underlined=underlined_throughout(piece.chars),
                typewriter=piece.typewriter,
            )
            lines.append(
                Line(
                    number=len(lines) + 1,
                    text=text.strip(" \u3000"),
                    kind=kind if text.strip() else "blank",
                    page_start=index == 0,
                    page=page_number,
                    indent=_indent(piece, previous, x0),
                    raw=piece.text,
                    layout=layout,
                )
            )
            if kind == "body":
                previous = piece
    return lines


# How many characters before a struck run say where it stands in its line (its block may hold the
# same words elsewhere: a correction repeats its terms).
STRUCK_CONTEXT = 4


def _label_set_apart(text: str, label: str) -> str:
    """A note's line with its raised label (``label``, read/raised.leading_raised) parted from its
    text by a space, as a note's label is written (「4 Open Data …」): glued, the label reads as
    the text's first word and the note is taken for none (「4Open」)."""
    stripped = text.lstrip(" \u3000")
    if not label or not stripped.startswith(label) or stripped[len(label): len(label) + 1].isspace():
        return text
    return f"{label} {stripped[len(label):]}"


def struck_runs(chars: list[dict[str, Any]]) -> tuple[tuple[str, str], ...]:
    """The runs of struck-through characters of a line (pdf_source.mark_struck), in order, each with
    the characters just before it: normalised as the line's text is."""
    runs: list[tuple[str, str]] = []
    for struck, group in itertools.groupby(enumerate(chars), key=lambda pair: bool(pair[1].get("struck"))):
        if not struck:
            continue
        members = list(group)
        start, end = members[0][0], members[-1][0] + 1
        before = "".join(normalize_chars(_line_text(chars[:start])).split()) if start else ""
        words = normalize_chars(_line_text(chars[start:end])).strip()
        if words:
            runs.append((before[-STRUCK_CONTEXT:], words))
    return tuple(runs)


# Before a line's underline may stand a few characters it leaves out: the number or mark the title
# follows (「①」「1)」「（1）」, a bullet); after it, a note's mark.
UNDERLINE_LEAD = 4
_NOTE_MARK = re.compile(r"[0-9*※]{1,3}")
# A link is underlined because it is a link, not to set its line apart.
_LINK = re.compile(r"https?:|www\.|@|\.(?:jp|com|org|html?|pdf)\b", re.IGNORECASE)


def underlined_throughout(chars: list[dict[str, Any]]) -> bool:
    """Whether the line's characters are underlined (pdf_source.mark_underlined) from its first words
    to its last: but for a short lead (UNDERLINE_LEAD: a number or mark) and a trailing note mark,
    one unbroken underline.  A link, underlined as links are, is no title."""
    shown = [char for char in chars if char["text"].strip()]
    marks = [bool(char.get("underlined")) for char in shown]
    if True not in marks:
        return False
    first = marks.index(True)
    last = len(marks) - marks[::-1].index(True)
    after = "".join(char["text"] for char in shown[last:])
    return (first <= UNDERLINE_LEAD and all(marks[first:last]) and last - first >= 2
            and (not after or _NOTE_MARK.fullmatch(after) is not None)
            and _LINK.search("".join(char["text"] for char in shown)) is None)


def _alone_in_bars(pieces: list[_Piece], bars: list[tuple[float, float, float, float]]) -> set[int]:
    """Ids of the pieces that stand alone inside a bar: its only text, a line of it, ending a
    character or more short of its right end (a highlight drawn under running text ends with it)."""
    alone: set[int] = set()
    for x0, top, x1, bottom in bars:
        inside = [p for p in pieces if not p.table_row and x0 - 1 <= p.x0 and p.x1 <= x1 + 1
                  and top - 1 <= (p.top + p.bottom) / 2 <= bottom + 1]
        if len(inside) == 1 and bottom - top <= 2.6 * inside[0].size and inside[0].x1 <= x1 - inside[0].size:
            alone.add(id(inside[0]))
    return alone


def _body_size(pieces_by_page: list[list[_Piece]]) -> float:
    """The body text's size over the whole document (10 pt when there is no text)."""
    size = _text_size([piece for pieces in pieces_by_page for piece in pieces])
    return 10.0 if size is None else size


def _text_size(pieces: list[_Piece]) -> float | None:
    """The size that covers the most area among the pieces (table rows aside).

    Weighted by area (characters × size²), not by characters: dense footnotes full of URLs can
    hold more characters than the body text of a white-paper page, never more of its area.
    """
    sizes: Counter[float] = Counter()
    for piece in pieces:
        if not piece.table_row:
            sizes[piece.size] += len(piece.text) * piece.size**2
    return sizes.most_common(1)[0][0] if sizes else None


def _column_edges(pieces: list[_Piece]) -> dict[int, tuple[float, float]]:
    """Left and right edge of each column of a page: where most lines start and end.  A page of a
    table and a line or two (a section's heading over it) measures its right edge by the table's
    too: the heading alone would make its own end the column's edge, and run to it.  So does a page
    of tables each under its one-line title (a record layout's 「(ア) …レコード」 over each record's
    table): its lines are all titles, none of them runs to the column's edge.  Give it the
    page's text without its furniture: a running head set at the column's top over a short column
    (five lines under a page-wide figure) drew the edge left of the text, so every line of the
    column read as indented, each a paragraph of its own."""
    edges: dict[int, tuple[float, float]] = {}
    for column in {p.column for p in pieces}:
        members = [p for p in pieces if p.column == column and len(p.text) >= 4 and not p.table_row]
        if not members:
            continue
        starts = Counter(round(p.x0) for p in members)
        left = min(x for x, n in starts.items() if n >= max(1, starts.most_common(1)[0][1] // 3))
        rows = [p for p in pieces if p.column == column and p.table_row]
        if len(members) < FEW_LINES or (len(rows) > len(members) and not _spans_half_the_table(members, rows)):
            members += rows
        right = sorted(p.x1 for p in members)[int(len(members) * 0.9)]
        edges[column] = (float(left), float(right))
    return edges


def _spans_half_the_table(pieces: list[_Piece], rows: list[_Piece]) -> bool:
    """Whether a line of text spans more than half the table's width: running text, whose own ends
    (ragged or justified) make the column's edge, whatever the table beside it (it may stand out into
    the margin).  Titles over tables are short, each ending where its words do."""
    half = (max(p.x1 for p in rows) - min(p.x0 for p in rows)) / 2
    return any(p.x1 - p.x0 > half for p in pieces)


def _indent(piece: _Piece, previous: _Piece | None, column_x0: float) -> int:
    """2 (a paragraph's first line) when the line is indented by about one character from a column
    whose previous line was flush left; 0 otherwise (the text reader's convention)."""
    offset = piece.x0 - column_x0
    if previous is None or previous.column != piece.column:
        return 2 if 0.6 * piece.size <= offset <= 1.6 * piece.size else 0
    flush = previous.x0 - column_x0 < 0.3 * previous.size
    return 2 if flush and 0.6 * piece.size <= offset <= 1.6 * piece.size else 0


def _fold_digits(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", normalize_chars(text)))


def _title_key(text: str) -> str:
    """A title's words without numbers, spaces or punctuation: a bookmark reads 「1　米国」 where
    the page prints 「1－1．米国」."""
    return "".join(ch for ch in normalize_chars(text) if ch.isalpha())


def _furniture(
    pieces_by_page: list[list[_Piece]], page_sizes: list[tuple[float, float]], body_size: float = 10.0
) -> dict[int, str]:
    """Page numbers, running lines and margin tabs, by where they stand and how they recur.

    - A page number is a number alone in the head or foot band of its page, or the page's first or
      last line near its edge (a landscape page sets it higher than the band), that keeps step with
      the pages (page_furniture.offsets_in_step: a table's column numbers 「123」 at the top of every
      page do not) or is printed in a page number's own form (「- 12 -」「Page-3」: the text reader
      takes it so too, and a one-page excerpt's number has no other page to keep step with).  A
      「N/M」 anywhere on the page is one when it counts up to a total that stays
      (page_furniture.numbers_of_a_total: a handout numbers its slides mid-sheet).
    - A running line recurs (its digits folded) at the same place on many pages, in the head or
      foot band, or outside the text column (a chapter tab set down the page edge 「第」「3」「章」);
      set smaller than the body, three pages are enough (a chapter's title over its own pages only:
      a heading is never set smaller than the text it heads).  At the body's size it is a short
      title (RUNNING_CHARS); set smaller it may run long (a browser's print footer: the URL).
    - Rotated characters are a figure's labels; a mark of up to three characters outside the
      text column is a tab or a stray mark.
    - A word processor's line numbers are told before (line_numbers, _line_numbers_apart).
    """
    # A word processor's line numbers (_line_numbers_apart) are furniture of their own, and stand
    # aside from what tells the rest: they are no page's number, no running line, no page's edge.
    kinds: dict[int, str] = {id(piece): "line-number" for pieces in pieces_by_page for piece in pieces
                             if piece.line_number}
    pieces_by_page = [[piece for piece in pieces if not piece.line_number] for pieces in pieces_by_page]
    pages = len(pieces_by_page)
    placed: Counter[tuple[str, int, int]] = Counter()
    for pieces in pieces_by_page:
        for key in {_place(piece) for piece in pieces if not piece.table_row}:
            placed[key] += 1
    # Page-number candidates: page (from 1), outside the text, a page number by its form alone.
    numbers: list[tuple[_Piece, int, bool, bool]] = []
    at_the_edge: dict[int, str] = {}  # number candidates that are their page's first or last line, in a band
    for page, (pieces, (top, bottom)) in enumerate(zip(pieces_by_page, page_sizes, strict=True), 1):
        height = bottom - top
        text_left, text_right = _text_area(pieces)
        placed_text = [piece for piece in pieces if not piece.table_row and not piece.rotated]
        edges = {id(min(placed_text, key=lambda p: p.top)), id(max(placed_text, key=lambda p: p.bottom))} \
            if placed_text else set()
        for piece in pieces:
            if piece.table_row:
                continue
            outside = piece.x0 > text_right + piece.size or piece.x1 < text_left - piece.size
            if piece.rotated:
                kinds[id(piece)] = "rotated-text"  # set sideways: labels in a chart or flow diagram
                continue
            band = "head" if piece.bottom <= top + MARGIN_BAND * height else (
                "foot" if piece.top >= bottom - MARGIN_BAND * height else "")
            text = join_spaced_japanese(normalize_chars(piece.text)).strip(" \u3000")
            near_edge = id(piece) in edges and (piece.bottom <= top + EDGE_BAND * height
                                                or piece.top >= bottom - EDGE_BAND * height)
            recurs = placed[_place(piece)]
            if (band or outside or near_edge) and PAGE_NUMBER_FORMS.fullmatch(text):
                numbers.append((piece, page, outside, bool(PAGE_NUMBER_BY_FORM.fullmatch(text))))
                if band and id(piece) in edges:
                    at_the_edge[id(piece)] = band
            elif outside and not band and len(text) <= 3:
                kinds[id(piece)] = "margin-tab"  # 「第3章」 down the outer edge, recurring or not
            elif (band or (outside and not _only_numbers(text))) and pages >= 3 and (
                    len(text) <= RUNNING_CHARS or piece.size < SMALL * body_size) and (
                    recurs >= max(3, RUNNING_SHARE * pages) or (recurs >= 3 and piece.size < SMALL * body_size)):
                kinds[id(piece)] = "running-footer" if band == "foot" else "running-header"
            elif outside and len(text) <= 3:
                kinds[id(piece)] = "margin-tab"
    for piece_id, band in _facing_tabs(pieces_by_page, page_sizes).items():
        kinds.setdefault(piece_id, "running-footer" if band == "foot" else "running-header")
    _heads_in_their_place(pieces_by_page, page_sizes, body_size, kinds)
    _heads_over_the_text(pieces_by_page, page_sizes, body_size, kinds, placed)
    of_a_total = numbers_of_a_total((id(piece), normalize_chars(piece.text))
                                    for pieces in pieces_by_page for piece in pieces if not piece.table_row)
    kinds.update(dict.fromkeys(of_a_total, "page-number"))
    in_step = offsets_in_step((_number_value(piece), page) for piece, page, _, _ in numbers)
    for piece, page, _, by_form in numbers:
        if _number_value(piece) - page in in_step or by_form:
            kinds[id(piece)] = "page-number"
    _numbers_in_their_place(numbers, at_the_edge, kinds)
    for piece, _, outside, _ in numbers:
        if id(piece) not in kinds and outside and len(piece.text.strip()) <= 3:
            kinds[id(piece)] = "margin-tab"  # a number in a chapter tab (「第」「3」「章」)
    return kinds


def _facing_tabs(pieces_by_page: list[list[_Piece]], page_sizes: list[tuple[float, float]]) -> dict[int, str]:
    """A section's tab on facing pages: piece id → its band ("head" or "foot").

    A magazine or a newsletter laid out in spreads prints the section's name (「暮らしの…」 over its
    pages) in the head band at each page's outer edge: on the left of a left-hand page, on the right of
    a right-hand one.  Recurring at one place it would be a running line, but a section of three or four
    pages in a twelve-page issue recurs at neither place often enough, and read as text each is a heading
    over nothing.  The same words at the same height in the band on three pages or more, on both sides of
    the text, are the tab: no title stands in the margin band, and a slide's title repeated over its
    slides stays at one side.  A numbered title so repeated is a chapter's running head, its first
    one the chapter's heading: the running-line rules tell them apart."""
    seen: dict[tuple[str, str, int], list[tuple[int, bool, int]]] = {}
    for page, (pieces, (top, bottom)) in enumerate(zip(pieces_by_page, page_sizes, strict=True), 1):
        height = bottom - top
        left, right = _text_area(pieces)
        for piece in pieces:
            if piece.table_row or piece.rotated:
                continue
            band = "head" if piece.bottom <= top + MARGIN_BAND * height else (
                "foot" if piece.top >= bottom - MARGIN_BAND * height else "")
            text = join_spaced_japanese(normalize_chars(piece.text)).strip(" \u3000")
            if not band or not text or len(text) > RUNNING_CHARS or _only_numbers(text) or heading_of(text):
                continue  # (a numbered title over its pages, 「付録2 …」, heads its chapter where it starts)
            grid = 2 * max(piece.size, 4.0)
            on_the_left = (piece.x0 + piece.x1) / 2 < (left + right) / 2
            seen.setdefault((text, band, round(piece.top / grid)), []).append((page, on_the_left, id(piece)))
    tabs: dict[int, str] = {}
    for (_, band, _), places in seen.items():
        if len({page for page, _, _ in places}) >= _TAB_PAGES and len({side for _, side, _ in places}) == 2:
            tabs.update(dict.fromkeys((piece_id for _, _, piece_id in places), band))
    return tabs


def _numbers_in_their_place(numbers: list[tuple[_Piece, int, bool, bool]], at_the_edge: dict[int, str],
                            kinds: dict[int, str]) -> None:
    """Page numbers out of step with the pages, found where the document's page numbers stand.  A
    compilation numbers each part from 1, so a part of one page prints a 「1」 that keeps step with no
    other page (one-page attachments, a 「1」 under each); a slide's number field printed twice, the
    second small beside the first, reads 「99」.  A bare number on its page's first or last line, in
    the head or foot band, centred where a page number found stands on another page in that band,
    is one: a value in a table or a chart is not set alone on the page's edge line at that place.
    It is furniture as a running line is, not a number the page is cited by (「99」 is no page's)."""
    found = [(piece, page, at_the_edge[id(piece)]) for piece, page, _, _ in numbers
             if kinds.get(id(piece)) == "page-number" and id(piece) in at_the_edge]
    for piece, page, _, _ in numbers:
        if id(piece) in kinds or id(piece) not in at_the_edge:
            continue
        centre = (piece.x0 + piece.x1) / 2
        if any(band == at_the_edge[id(piece)] and other_page != page
               and abs((other.x0 + other.x1) / 2 - centre) <= max(piece.size, other.size)
               for other, other_page, band in found):
            kinds[id(piece)] = "running-footer" if at_the_edge[id(piece)] == "foot" else "running-header"


def _only_numbers(text: str) -> bool:
    """Whether a line holds no word, only figures (「130004410」「12.5」): outside the column its long
    cells make, a table's column of codes recurs page after page at the same place, digits folded,
    as a running line does; a running line outside the text (a chapter tab, a side title) has words."""
    return not any(char.isalpha() for char in text)


def _heads_in_their_place(
    pieces_by_page: list[list[_Piece]], page_sizes: list[tuple[float, float]], body_size: float,
    kinds: dict[int, str],
) -> None:
    """Running heads that name a short chapter: a head naming its chapter changes with the chapter,
    so a chapter of one or two pages never shows it three times — but it stands where the
    document's other running heads stand (the same height on the page, the same small type), which
    a heading never does (a heading is never set smaller than the text it heads)."""
    slots = Counter((round(piece.top), piece.size) for pieces in pieces_by_page for piece in pieces
                    if kinds.get(id(piece)) == "running-header")
    for pieces, (top, bottom) in zip(pieces_by_page, page_sizes, strict=True):
        band_end = top + MARGIN_BAND * (bottom - top)
        for piece in pieces:
            if id(piece) in kinds or piece.table_row or piece.rotated or piece.bottom > band_end:
                continue
            here = sum(slots[(round(piece.top) + shift, piece.size)] for shift in (-1, 0, 1))
            if here >= 3 and piece.size < SMALL * body_size and len(piece.text.strip()) <= 60:
                kinds[id(piece)] = "running-header"


def _heads_over_the_text(
    pieces_by_page: list[list[_Piece]], page_sizes: list[tuple[float, float]], body_size: float,
    kinds: dict[int, str], placed: Counter[tuple[str, int, int]],
) -> None:
    """Running heads of a short chapter printed on facing pages: the chapter's title over one page,
    the part's title over the next, so in a chapter of four or five pages each shows only twice and
    neither recurs the three times that make a running line.  A line in the head band, over all of
    its page's text, set smaller than the body, is one when it stands at the same place on another
    page or repeats a title set larger than the body (the chapter's own heading): a heading is never
    set smaller than the text it heads, nor printed twice.  The head stands apart, a line's height
    or more over the next text: the small rows of a dense table that begins at the page's top
    (its header repeated over each page, its codes) follow one another closely."""
    echoes = _larger_titles(pieces_by_page, body_size)
    for pieces, (top, bottom) in zip(pieces_by_page, page_sizes, strict=True):
        band_end = top + MARGIN_BAND * (bottom - top)
        below_band = [piece.top for piece in pieces if piece.top > band_end and id(piece) not in kinds]
        text_top = min(below_band, default=bottom)
        for piece in pieces:
            if id(piece) in kinds or piece.table_row or piece.rotated or piece.figure or piece.bottom > band_end:
                continue
            text = piece.text.strip()
            if piece.size >= SMALL * body_size or piece.bottom > text_top or not 4 <= len(text) <= 60 \
                    or not any(char.isalpha() for char in text) or not _set_apart(piece, pieces, kinds):
                continue
            if placed[_place(piece)] >= 2 or _squeezed(piece.text) in echoes:
                kinds[id(piece)] = "running-header"


def _set_apart(piece: _Piece, pieces: list[_Piece], kinds: dict[int, str]) -> bool:
    """Whether the page's next text under ``piece`` (furniture aside) stands a line of its size or
    more below it."""
    below = [other.top for other in pieces
             if other.top > piece.top + 0.5 * piece.size and id(other) not in kinds and other is not piece]
    return not below or min(below) - piece.bottom >= piece.size


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", normalize_chars(text))


def _larger_titles(pieces_by_page: list[list[_Piece]], body_size: float) -> set[str]:
    """The texts of the lines set larger than the body (a title wrapped onto two lines also whole)."""
    titles: set[str] = set()
    for pieces in pieces_by_page:
        large = [piece for piece in pieces if piece.size > body_size / SMALL and not piece.table_row]
        titles.update(_squeezed(piece.text) for piece in large)
        titles.update(_squeezed(first.text + second.text) for first, second in itertools.pairwise(large)
                      if first.size == second.size)
    return titles


def _number_value(piece: _Piece) -> int:
    digits = re.findall(r"\d+", normalize_chars(piece.text))
    return int(digits[0]) if digits else -1


def _text_area(pieces: list[_Piece]) -> tuple[float, float]:
    """Left and right edges of the page's text: where the lines of some length start and end."""
    lines = [p for p in pieces if len(p.text.strip()) >= 10 and not p.table_row]
    if len(lines) < 3:  # too little text to tell where the column is
        return float("-inf"), float("inf")
    lefts = sorted(p.x0 for p in lines)
    rights = sorted(p.x1 for p in lines)
    return lefts[len(lefts) // 10], rights[len(rights) * 9 // 10]


def _place(piece: _Piece) -> tuple[str, int, int]:
    """A line's text (digits folded) and where it stands, to a grid of two characters."""
    grid = 2 * max(piece.size, 4.0)
    return _fold_digits(piece.text), round(piece.x0 / grid), round(piece.top / grid)


def _footnote_pieces(
    pieces_by_page: list[list[_Piece]], page_sizes: list[tuple[float, float]], body_size: float,
    furniture: dict[int, str], pictures_by_page: list[list[tuple[float, float, float, float]]] | None = None,
) -> set[int]:
    """Small text at a page's foot that starts with a note label: the page's footnotes.

    Walking up from the page foot, lines set smaller than the body belong to the notes; the
    block counts only if its first line starts with a label (「1 」「※」「注1」).
    """
    notes: set[int] = set()
    for page_index, (pieces, (top, bottom)) in enumerate(zip(pieces_by_page, page_sizes, strict=True)):
        pictures = pictures_by_page[page_index] if pictures_by_page else []
        # A figure's labels are its own (never notes), and set small they say nothing of the text's size.
        content = [p for p in pieces if id(p) not in furniture and not p.table_row and not p.figure]
        if not content:
            continue
        text = [p for p in content if not p.rotated]
        smaller_than = FOOTNOTE_SIZE * min(body_size, _page_text_size(text, top, bottom) or body_size)
        by_position = sorted(content, key=lambda p: p.top)
        block: list[_Piece] = []
        for position in range(len(by_position) - 1, -1, -1):
            piece = by_position[position]
            if piece.size >= smaller_than or piece.top < top + 0.5 * (bottom - top):
                break
            if block and block[0].top - piece.bottom > 1.5 * piece.size \
                    and not _previous_note_above(by_position[: position + 1], block[0], smaller_than, pictures):
                break  # a gap: above it stands something else in small type (a figure's labels)
            block.insert(0, piece)
        while block and not NOTE_LABEL.match(normalize_chars(block[0].text).strip()):
            block.pop(0)
        if block and len(block) < len(content):
            notes.update(id(p) for p in block)
    return notes


# Notes spaced apart (a QR code beside each, as white papers print a note's address): how far apart,
# in the notes' own size, two notes numbered one after the other may stand.
NOTE_SPACING = 6.0
# How many lines a note above may take (its label line, its address) before the gap.
NOTE_LINES = 4


def _previous_note_above(above: list[_Piece], first: _Piece, smaller_than: float,
                         pictures: Sequence[tuple[float, float, float, float]] = ()) -> bool:
    """Whether the small lines just above a gap end the note numbered one before ``first``'s (「2 …」
    over 「3 …」): notes set apart by the QR codes printed beside them are still one run of notes,
    where a figure's labels above the notes are not numbered so.  The height of the pictures
    standing in the gap (the QR codes, however large they are printed) is no space between notes."""
    label = re.match(r"\d{1,3}(?=\s*\S)", normalize_chars(first.text).strip())
    if label is None or not above:
        return False
    if _gap_without_pictures(above[-1].bottom, first.top, pictures) > NOTE_SPACING * first.size:
        return False
    lower = above[-1]
    for piece in list(reversed(above))[:NOTE_LINES]:
        if piece.size >= smaller_than or (piece is not lower and lower.top - piece.bottom > 1.5 * piece.size):
            return False
        text = normalize_chars(piece.text).strip()
        if NOTE_LABEL.match(text):
            previous = re.match(r"\d{1,3}", text)
            return previous is not None and int(previous.group()) == int(label.group()) - 1
        lower = piece
    return False


def _gap_without_pictures(upper: float, lower: float, pictures: Sequence[tuple[float, float, float, float]]) -> float:
    """The height between ``upper`` and ``lower`` (from the page top) that no picture covers."""
    spans = sorted((max(upper, box[1]), min(lower, box[3])) for box in pictures if box[1] < lower and box[3] > upper)
    covered, reach = 0.0, upper
    for start, end in spans:
        if end > reach:
            covered += end - max(start, reach)
            reach = end
    return max(0.0, lower - upper - covered)


def _notes_after_the_text(pieces: list[_Piece], notes: set[int], furniture: dict[int, str]) -> list[_Piece]:
    """The page's foot notes read after the text above them, in their own order.  Notes set across a
    two-column page are cut at its gutter like its lines: a short note (its label and a title) falls
    in the first column and was read there, before the second column, with its address line (set
    under it across the gutter, or on its baseline beyond it) read after the second column — the
    note lost its address, the address stood in the text."""
    page_notes = [piece for piece in pieces if id(piece) in notes]
    if not page_notes:
        return pieces
    notes_top = min(piece.top for piece in page_notes)
    text_above = [index for index, piece in enumerate(pieces)
                  if id(piece) not in notes and id(piece) not in furniture and piece.top < notes_top]
    if not text_above:
        return pieces
    last = text_above[-1]
    before = [piece for piece in pieces[: last + 1] if id(piece) not in notes]
    return before + page_notes + [piece for piece in pieces[last + 1:] if id(piece) not in notes]


def _page_text_size(pieces: list[_Piece], top: float, bottom: float) -> float | None:
    """The size of the text in the page's upper half (its notes stand at the foot): a handout
    sheet scales each slide to fit, so its text can be set smaller than the document's body, and
    a slide's lower lines are its text, not notes smaller than the body."""
    return _text_size([piece for piece in pieces if piece.bottom <= top + 0.5 * (bottom - top)])


# ---------------------------------------------------------------------------
# Bookmarks
# ---------------------------------------------------------------------------


def _mark_outline(lines: list[Line], outline: Iterable[tuple[int, str, int]]) -> list[Line]:
    """The line a bookmark points at gets role outline-N: on the bookmark's page, the line whose
    words are the bookmark's title, the largest set if several are (a heading, not the same words
    in a chart label)."""
    marked = list(lines)
    for level, title, page in outline:
        key = _title_key(title)
        candidates = [
            index for index, line in enumerate(marked)
            if line.layout and line.page == page and line.kind == "body" and not line.layout.role
            and key and _title_key(line.text) == key
        ]
        if not candidates:
            continue
        best = max(candidates, key=lambda i: (marked[i].layout.size if marked[i].layout else 0, -i))
        layout = marked[best].layout
        assert layout is not None
        marked[best] = replace(marked[best], layout=replace(layout, role=f"outline-{level}"))
    return marked
