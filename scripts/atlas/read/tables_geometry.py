"""A ruled table's grid as its reader sees it: columns from the rules the body rows share, every
character in a cell.

pdfplumber finds a table's cells from its ruling lines and lays them on a fine grid: one column
for every distinct left edge of any cell.  Word processors draw a header row's cells with rules of
their own, a little off the body's, or split a header over sub-columns; then the fine grid has two
or three columns for each one a reader sees, and the body's cells span them (a ○/◎/△ matrix of 4
columns becomes 12, three quarters of them empty).  Read as it is, such a table looks mostly empty
and is refused, and its marks end up one character a paragraph.  So the fine columns are merged
back wherever most rows' cells run across the rule between them.

A character may also fall in no cell: a rule the finder missed (a cell's bottom edge at the foot of
the page) leaves a hole in the grid.  It belongs to the cell of its own column nearest to it, not
to a table read again as loose lines.
"""

from __future__ import annotations

from typing import Any

from .boxes import Bbox, union

Grid = list[list[Bbox | None]]  # rows of cell boxes; None where a merged cell covers the place

EDGE_TOLERANCE = 1.0  # points: rules a hair apart are one rule
# Two pages draw the same table's column rules within this many points of each other.
SAME_COLUMNS = 2.0


def merge_split_columns(grid: Grid, texts: list[list[str | None]]) -> tuple[Grid, list[list[str | None]]]:
    """The grid (and the cells' texts, same shape) with the fine columns merged that most rows'
    cells span: each row's cells within one merged column become one cell (their boxes' union,
    their texts joined in order)."""
    edges = _column_edges(grid)
    if len(edges) <= 1:
        return grid, texts
    group_of = {fine: index for index, group in enumerate(_column_groups(grid, edges)) for fine in group}
    width = max(group_of.values()) + 1
    merged_grid: Grid = []
    merged_texts: list[list[str | None]] = []
    for boxes, words in zip(grid, texts, strict=True):
        parts: list[list[tuple[Bbox, str]]] = [[] for _ in range(width)]
        for box, text in zip(boxes, words, strict=True):
            if box is not None:
                parts[group_of[_span(box, edges)[0]]].append((box, text or ""))
        merged_grid.append([union([box for box, _ in part]) if part else None for part in parts])
        merged_texts.append(["".join(text for _, text in part) if part else None for part in parts])
    return merged_grid, merged_texts


def holds_a_table(texts: list[list[str | None]]) -> bool:
    """Rows of at least two filled cells (a third of the rows with text or more), most cells of those
    rows filled: a table.  A box around a paragraph (one cell) or a chart's grid (mostly empty cells,
    rows of one label: its axis's values) is not one.  Places a merged cell covers (None) are no
    empty cells, and neither are the rows with no text at all: a form or a spreadsheet rules more
    rows than it fills (a list of twenty places, two of them written), and the blank rows say
    nothing of what the written ones are."""
    written = [sum(1 for cell in row if cell and cell.strip()) for row in texts]
    # A form's row that names an item and leaves its values blank (a spreadsheet template's rows of
    # a plan, most of them not filled in) is one more row of the table: its blank value cells say no
    # more than a blank row's, so only its label counts.  It is such a row where its one text stands
    # in its first cell, the label column.
    cells = [cell for row, n in zip(texts, written, strict=True) if n
             for cell in (row[:1] if n == 1 and _label_only(row) else row) if cell is not None]
    filled = sum(written)
    full_rows = sum(1 for n in written if n >= 2)
    rows_with_text = sum(1 for n in written if n)
    if len(texts) == 1:
        return _form_row(texts[0])
    return full_rows >= 2 and 3 * full_rows >= rows_with_text and filled >= 0.5 * len(cells)


# A form's label: a few words, no sentence (「目標」「経営戦略の事後検証、更新等に関する事項」).
FORM_LABEL_CHARS = 24


def _form_row(row: list[str | None]) -> bool:
    """Whether a grid of one row is a form's field: two cells, a short label (FORM_LABEL_CHARS, no
    sentence's end) and its value written beside it in sentences (「。」).  A spreadsheet rules
    each field of a form as a box of its own, one row high; read as loose lines its label,
    letter-spaced across its cell (「目　　標」), fell apart from its value, one paragraph a
    character.  A short value is no such field: a document's boxed tag at the head of its first
    page (「部会資料 | 2」) is read with the title lines, not as a table before them; nor is a
    header row ruled apart from its table's body (「章・節 | 内容」)."""
    cells = [cell for cell in row if cell is not None]
    if len(cells) != 2 or not all(cell and cell.strip() for cell in cells):
        return False
    label, value = ("".join((cell or "").split()) for cell in cells)
    return len(label) <= FORM_LABEL_CHARS and "。" not in label and "。" in value


def _label_only(row: list[str | None]) -> bool:
    """Whether the row's one text is in its first cell (its label) and the rest is blank."""
    return bool(row and row[0] and row[0].strip())


def same_columns(grid: Grid, other: Grid) -> bool:
    """Whether two grids draw the same columns, two or more (a table going on over a page draws
    its rules again at the same places): the same number of column rules, each within
    SAME_COLUMNS points of the other's, right edges included."""
    ours, theirs = _column_rules(grid), _column_rules(other)
    return len(ours) >= 3 and len(ours) == len(theirs) and all(
        abs(a - b) <= SAME_COLUMNS for a, b in zip(ours, theirs, strict=True))


def _column_rules(grid: Grid) -> list[float]:
    boxes = [box for row in grid for box in row if box is not None]
    return [*_column_edges(grid), max(box[2] for box in boxes)] if boxes else []


def with_holes_as_cells(grid: Grid) -> Grid:
    """The grid with each hole made a cell: a run of places down one column that no cell covers.

    A cell that goes on over a page break has no rule at the page's foot (or head), and the finder,
    which needs four rules for a cell, leaves its place empty: 「岩手県」, set in the last rows of a
    page, was given to the cell above it (「青森県」).  The hole is that cell, spanning the rows it
    leaves; like every merged cell it stands in its first row."""
    boxes = [box for row in grid for box in row if box is not None]
    if not boxes:
        return grid
    tops = [min((box[1] for box in row if box is not None), default=None) for row in grid]
    bottom = max(box[3] for box in boxes)
    width = max(len(row) for row in grid)
    lefts = [min((row[c][0] for row in grid if c < len(row) and row[c] is not None), default=None)
             for c in range(width)]
    right = max(box[2] for box in boxes)
    filled = [list(row) + [None] * (width - len(row)) for row in grid]
    for c, x0 in enumerate(lefts):
        if x0 is None:
            continue
        x1 = next((x for x in lefts[c + 1:] if x is not None), right)
        run: list[int] = []
        for r in range(len(grid) + 1):
            hole = r < len(grid) and tops[r] is not None and filled[r][c] is None and not _covered(
                boxes, (x0 + x1) / 2, _row_middle(tops, r, bottom))
            if hole:
                run.append(r)
                continue
            if run:
                first, last = run[0], run[-1]
                end = next((t for t in tops[last + 1:] if t is not None), bottom)
                filled[first][c] = (x0, tops[first], x1, end)  # type: ignore[arg-type]
                run = []
    return filled


def _row_middle(tops: list[float | None], r: int, bottom: float) -> float:
    top = tops[r]
    assert top is not None
    end = next((t for t in tops[r + 1:] if t is not None), bottom)
    return (top + end) / 2


def _covered(boxes: list[Bbox], x: float, y: float) -> bool:
    return any(box[0] <= x <= box[2] and box[1] <= y <= box[3] for box in boxes)


def cell_of(char: dict[str, Any], grid: Grid) -> tuple[int, int] | None:
    """The (row, column) of the cell that holds the character: the smallest cell around its centre,
    else the nearest cell of the column it stands in (a hole where the finder missed a rule).  None
    when it stands in no column of the grid.

    Cells overlap where a rule is missing: a spreadsheet draws no rule under a label whose text
    flows into the unruled row below it, and the finder, looking for the label cell's fourth
    corner, takes the next one it finds, rows down and columns across; that cell then covers its
    neighbours, which it also finds.  A character is in the smallest cell round it: the neighbours
    keep their text (taken by the first cell found, the row's dates and names were read into the
    label's cell)."""
    cx, cy = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    around: tuple[float, tuple[int, int]] | None = None
    nearest: tuple[float, tuple[int, int]] | None = None
    for r, row in enumerate(grid):
        for c, box in enumerate(row):
            if box is None or not box[0] <= cx <= box[2]:
                continue
            if box[1] <= cy <= box[3]:
                area = (box[2] - box[0]) * (box[3] - box[1])
                if around is None or area < around[0]:
                    around = (area, (r, c))
                continue
            distance = min(abs(cy - box[1]), abs(cy - box[3]))
            if nearest is None or distance < nearest[0]:
                nearest = (distance, (r, c))
    if around is not None:
        return around[1]
    return None if nearest is None else nearest[1]


def rules_at(grid: Grid, y: float) -> set[float]:
    """The x of the column rules drawn at height y: the left edges of the cells standing there,
    the table's own left edge aside."""
    boxes = [box for row in grid for box in row if box is not None]
    if not boxes:
        return set()
    left = min(box[0] for box in boxes)
    return {box[0] for box in boxes if box[1] <= y <= box[3] and box[0] > left + EDGE_TOLERANCE}


def written_columns(rows: list[list[str]]) -> list[int]:
    """The columns some row writes in, left to right: the others are no columns (a rule drawn for
    spacing)."""
    width = max((len(row) for row in rows), default=0)
    return [c for c in range(width) if any(c < len(row) and row[c].strip() for row in rows)]


def _column_edges(grid: Grid) -> list[float]:
    """The distinct left edges of the cells: the fine grid's columns, left to right."""
    lefts = sorted({box[0] for row in grid for box in row if box is not None})
    edges: list[float] = []
    for x in lefts:
        if not edges or x - edges[-1] > EDGE_TOLERANCE:
            edges.append(x)
    return edges


def _span(box: Bbox, edges: list[float]) -> tuple[int, int]:
    """The fine columns [first, last + 1) a cell covers."""
    first = max(i for i, x in enumerate(edges) if x <= box[0] + EDGE_TOLERANCE)
    end = sum(1 for x in edges if x < box[2] - EDGE_TOLERANCE)
    return first, max(end, first + 1)


def _column_groups(grid: Grid, edges: list[float]) -> list[list[int]]:
    """Fine columns grouped: the rule before column b is dropped when more rows have a cell
    running across it than rows with a cell starting or ending at it.  A cell as wide as the
    table (a row of its own: a note, a group's title) says nothing about its columns."""
    across = [0] * len(edges)
    at = [0] * len(edges)
    for boxes in grid:
        crossed: set[int] = set()
        bounded: set[int] = set()
        for box in boxes:
            if box is None:
                continue
            first, end = _span(box, edges)
            if (first, end) == (0, len(edges)):
                continue
            crossed.update(range(first + 1, end))
            bounded.update({first, end})
        for b in crossed:
            across[b] += 1
        for b in bounded - crossed:
            if b < len(edges):
                at[b] += 1
    groups: list[list[int]] = [[0]]
    for b in range(1, len(edges)):
        if across[b] > at[b]:
            groups[-1].append(b)
        else:
            groups.append([b])
    return groups


