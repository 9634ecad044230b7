"""The rules a ruled table is drawn with, as its reader sees them: every drawn line and every side
of a drawn box on the page, except the seams where one coloured fill meets another of the same
colour.

Word processors paint a shaded cell (a header band, a dark title row) as a mosaic of filled
rectangles: one for each printed line of the cell, or a frame of thin strips around an inner
block.  pdfplumber's table finder takes every side of every rectangle for a rule, so a band of two
lines became two rows (「…例文リス」／「ト…」) and a two-line header cell (「業務利用と」／「個人利用の兼用」)
three rows and three columns.  Where two fills of one colour touch nothing is drawn: a reader sees
one cell.  A side along which the same colour goes on outside is therefore no rule; a side that
meets another colour or a stroke is one.

The paper is a colour too: a white fill on the white page draws nothing.  A spreadsheet printed to
PDF paints every block of cells white (the cells' "no fill" made explicit), bands as wide as the
sheet, the notes and the numbered section lines between its tables included; their sides, taken
for rules, joined a page's tables and the lines between them into one grid (a section's number
read as a table row, the cells of three tables one per line).  A white fill's side is a rule only
where a fill of another colour lies beyond it (a white cell on a shaded panel).

Drawings that run off the page (art printed into the bleed, crop marks) are no rules either.

A table wider than the paper is cut by the page's side: a spreadsheet printed to a page too narrow
for it draws its rows' rules on to the paper's edge and its last column's closing rule falls off
the page.  pdfplumber finds cells only between two vertical rules, so that column was no column —
a three-column list of codes and names read as two, the names left outside as one line a row.  Where
several row rules run from a column's rule to the page's side, the side closes them (``cut_by_the_page``).
"""

from __future__ import annotations

from typing import Any

from .boxes import encloses

Edge = dict[str, Any]  # pdfplumber's edge: x0, x1, top, bottom, orientation "h" or "v"

PROBE = 0.6  # points: a fill beyond a side runs on at least this far past it
BLEED = 1.0  # points past the page's edge that a drawing may reach and still be on the page
PREFILTER = 1  # points: pdfplumber's edge_min_length_prefilter
TOUCH = 0.3  # points: fills closer than this touch (a gap of half a point shows as a white rule)
# Seams are looked for among at most this many fills (each side against every fill of its colour):
# the corpus draws at most 669 on a page (meti p. 15: rules as strips); a few thousand is a drawing.
MOSAIC_FILLS = 1500
WHITE = 0.01  # a colour component this close to the paper's is the paper's
# A table cut by the page's side (cut_by_the_page): at least this many row rules run on to the side
# from a column's rule (within COLUMN_RULE points), and no vertical rule stands within
# CLOSED_BY_A_RULE points of the side.
ROWS_CUT = 3
COLUMN_RULE = 1.5
CLOSED_BY_A_RULE = 3.0


def table_settings(page: Any) -> dict[str, Any] | None:
    """pdfplumber's table settings that take the page's rules without the seams between fills of
    one colour and without the drawings off the page; None where neither is found (the finder's
    own reading of the page is then the same)."""
    from pdfplumber.utils import curve_to_edges, filter_edges, line_to_edge, rect_to_edges

    fills = [rect for rect in page.rects if _plain_fill(rect)]
    if len(fills) > MOSAIC_FILLS:
        fills = []  # a drawing of thousands of shapes (a map, a chart), no table's shading
    off = [thing for thing in (*page.lines, *page.rects, *page.curves) if _off_page(thing, page.bbox)]
    left_out = len(off)
    edges: list[Edge] = [line_to_edge(line) for line in page.lines if not _off_page(line, page.bbox)]
    for rect in page.rects:
        if _off_page(rect, page.bbox):
            continue
        for edge in rect_to_edges(rect):
            if not fills or not _plain_fill(rect):
                edges.append(edge)
                continue
            shown = [] if _seam(rect, edge, fills) else _against_colour(rect, edge, fills)
            left_out += shown != [edge]
            edges.extend(shown)
    cut = cut_by_the_page(edges, page.bbox)
    if not left_out and not cut:
        return None
    edges.extend(cut)
    edges.extend(edge for curve in page.curves if not _off_page(curve, page.bbox) for edge in curve_to_edges(curve))
    # The finder's own first cut (its "lines" strategy makes it, an explicit list skips it): the
    # ends of thin strips and dashes, under a point long, would snap the real rules together.
    vertical = filter_edges(edges, "v", min_length=PREFILTER)
    horizontal = filter_edges(edges, "h", min_length=PREFILTER)
    if len(vertical) < 2 or len(horizontal) < 2:  # pdfplumber asks for two of each
        return None
    return {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
            "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal}


def cut_by_the_page(edges: list[Edge], page: tuple[float, float, float, float]) -> list[Edge]:
    """The page's sides a table runs off: a vertical rule at the left or right side of the page
    where at least ROWS_CUT row rules reach it from a column's rule, with no vertical rule of their
    own near the side (see the module's docstring).  A band or a single line printed to the edge
    (a running head's rule, a chapter's tab) starts at no column's rule, or comes alone: no table."""
    # (the ends of a rule drawn as a thin strip are vertical edges under a point long: no column's rule)
    vertical = [edge for edge in edges if edge["orientation"] == "v" and edge["bottom"] - edge["top"] > PREFILTER]
    horizontal = [edge for edge in edges if edge["orientation"] == "h"]
    sides: list[Edge] = []
    for side, reaches, inner_end in (
        (page[2], lambda e: e["x1"] >= page[2] - BLEED, "x0"),
        (page[0], lambda e: e["x0"] <= page[0] + BLEED, "x1"),
    ):
        rows = [edge for edge in horizontal if reaches(edge) and any(
            abs(rule["x0"] - edge[inner_end]) <= COLUMN_RULE and rule["top"] - COLUMN_RULE <= edge["top"]
            <= rule["bottom"] + COLUMN_RULE for rule in vertical)]
        if len(rows) < ROWS_CUT:
            continue
        top, bottom = min(edge["top"] for edge in rows), max(edge["bottom"] for edge in rows)
        if any(abs(rule["x0"] - side) <= CLOSED_BY_A_RULE and rule["top"] <= bottom and rule["bottom"] >= top
               for rule in vertical):
            continue  # the table's own rule stands at the side: closed already
        first = rows[0]
        sides.append({**first, "object_type": "page_edge", "orientation": "v", "x0": side, "x1": side,
                      "top": top, "bottom": bottom, "width": 0.0, "height": bottom - top,
                      "doctop": first.get("doctop", first["top"]) - first["top"] + top})
    return sides


def _off_page(thing: dict[str, Any], page: tuple[float, float, float, float]) -> bool:
    """Whether a drawing runs off the page: a band printed to the paper's edge (a running head's
    art, a chapter's tab, set into the bleed) and the printer's crop marks are the page's design,
    no table's rules; their sides, joined to a table's, made the band, the table and the text
    between them one grid."""
    return not encloses(page, (thing["x0"], thing["top"], thing["x1"], thing["bottom"]), BLEED)


def _plain_fill(rect: dict[str, Any]) -> bool:
    """A filled rectangle with no stroke: its sides are drawn only by the colour's end."""
    return bool(rect.get("fill")) and not rect.get("stroke")


def _paper(colour: Any) -> bool:
    """Whether a fill colour is the paper's, white: grey 1, RGB (1, 1, 1) or CMYK (0, 0, 0, 0)."""
    values = (colour,) if isinstance(colour, (int, float)) else colour
    if not isinstance(values, (tuple, list)) or not all(isinstance(v, (int, float)) for v in values):
        return False  # a pattern or a named colour space: not known to be white
    if len(values) in (1, 3):
        return all(v >= 1 - WHITE for v in values)
    return len(values) == 4 and all(v <= WHITE for v in values)


def _against_colour(rect: dict[str, Any], edge: Edge, fills: list[dict[str, Any]]) -> list[Edge]:
    """The parts of a white fill's side along which a fill of another colour lies beyond it (the
    side's whole length for a fill of any other colour): where white meets the white paper nothing
    shows."""
    if not _paper(rect.get("non_stroking_color")):
        return [edge]
    others = [other for other in fills if not _paper(other.get("non_stroking_color"))]
    spans = _beyond(rect, edge, others)
    if edge["orientation"] == "h":
        return [{**edge, "x0": low, "x1": high, "width": high - low}
                for low, high in _clipped(spans, edge["x0"], edge["x1"])]
    return [{**edge, "top": low, "bottom": high, "height": high - low,
             "doctop": edge["doctop"] + low - edge["top"], "y0": edge["y1"] - (high - edge["top"]),
             "y1": edge["y1"] - (low - edge["top"])}
            for low, high in _clipped(spans, edge["top"], edge["bottom"])]


def _beyond(rect: dict[str, Any], edge: Edge, fills: list[dict[str, Any]]) -> list[tuple[float, float]]:
    """Along a side of ``rect``, the stretches (x for a horizontal side, y for a vertical one) where
    one of ``fills`` reaches the side (or over it) and runs on at least PROBE outside the rectangle."""
    if edge["orientation"] == "h":
        y = edge["top"]
        upward = y <= rect["top"] + TOUCH  # the rectangle's top side: outside is above it
        return [(other["x0"], other["x1"]) for other in fills
                if ((other["top"] <= y - PROBE and other["bottom"] >= y - TOUCH) if upward
                    else (other["bottom"] >= y + PROBE and other["top"] <= y + TOUCH))]
    x = edge["x0"]
    leftward = x <= rect["x0"] + TOUCH
    return [(other["top"], other["bottom"]) for other in fills
            if ((other["x0"] <= x - PROBE and other["x1"] >= x - TOUCH) if leftward
                else (other["x1"] >= x + PROBE and other["x0"] <= x + TOUCH))]


def _clipped(spans: list[tuple[float, float]], start: float, end: float) -> list[tuple[float, float]]:
    """The parts of [start, end] the intervals cover, overlapping ones merged."""
    parts: list[tuple[float, float]] = []
    for low, high in sorted(spans):
        low, high = max(low, start), min(high, end)
        if high - low <= TOUCH:
            continue
        if parts and low <= parts[-1][1] + TOUCH:
            parts[-1] = (parts[-1][0], max(parts[-1][1], high))
        else:
            parts.append((low, high))
    return parts


def _seam(rect: dict[str, Any], edge: Edge, fills: list[dict[str, Any]]) -> bool:
    """Whether fills of the rectangle's own colour go on beyond the side along its whole length:
    each reaches the side (or over it) and runs on at least PROBE outside.  A rule drawn as a thin
    rectangle stays a rule where another lies along it (two overlapping strips of one line)."""
    colour = rect.get("non_stroking_color")
    same = [other for other in fills if other is not rect and other.get("non_stroking_color") == colour]
    spans = _beyond(rect, edge, same)
    if edge["orientation"] == "h":
        return _covers(spans, edge["x0"], edge["x1"])
    return _covers(spans, edge["top"], edge["bottom"])


def _covers(spans: list[tuple[float, float]], start: float, end: float) -> bool:
    """Whether the intervals together cover [start, end] (gaps under TOUCH are no gaps)."""
    reached = start
    for low, high in sorted(spans):
        if low > reached + TOUCH:
            break
        reached = max(reached, high)
    return reached >= end - TOUCH
