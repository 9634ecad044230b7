"""The rules a ruled table is drawn with, as its reader sees them: every drawn line and every side
of a drawn box on the page, except the seams where one coloured fill meets another of the same
colour.

Word processors paint a shaded cell (a header band, a dark title row) as a mosaic of filled
rectangles: one for each printed line of the cell, or a frame of thin strips around an inner
block.  pdfplumber's table finder takes every side of every rectangle for a rule, so a band of two
lines became two rows (「…例文リス」／「ト…」) and a two-line header cell (「業務利用と」／「個人利用の兼用」)
three rows and three columns.  Where two fills of one colour touch nothing is drawn: a reader sees
one cell.  A side along which the same colour goes on outside is therefore no rule; a side that
meets another colour, the page or a stroke is one.

Drawings that run off the page (art printed into the bleed, crop marks) are no rules either.
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
            if fills and _plain_fill(rect) and _seam(rect, edge, fills):
                left_out += 1
            else:
                edges.append(edge)
    if not left_out:
        return None
    edges.extend(edge for curve in page.curves if not _off_page(curve, page.bbox) for edge in curve_to_edges(curve))
    # The finder's own first cut (its "lines" strategy makes it, an explicit list skips it): the
    # ends of thin strips and dashes, under a point long, would snap the real rules together.
    vertical = filter_edges(edges, "v", min_length=PREFILTER)
    horizontal = filter_edges(edges, "h", min_length=PREFILTER)
    if len(vertical) < 2 or len(horizontal) < 2:  # pdfplumber asks for two of each
        return None
    return {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
            "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal}


def _off_page(thing: dict[str, Any], page: tuple[float, float, float, float]) -> bool:
    """Whether a drawing runs off the page: a band printed to the paper's edge (a running head's
    art, a chapter's tab, set into the bleed) and the printer's crop marks are the page's design,
    no table's rules; their sides, joined to a table's, made the band, the table and the text
    between them one grid."""
    return not encloses(page, (thing["x0"], thing["top"], thing["x1"], thing["bottom"]), BLEED)


def _plain_fill(rect: dict[str, Any]) -> bool:
    """A filled rectangle with no stroke: its sides are drawn only by the colour's end."""
    return bool(rect.get("fill")) and not rect.get("stroke")


def _seam(rect: dict[str, Any], edge: Edge, fills: list[dict[str, Any]]) -> bool:
    """Whether fills of the rectangle's own colour go on beyond the side along its whole length:
    each reaches the side (or over it) and runs on at least PROBE outside.  A rule drawn as a thin
    rectangle stays a rule where another lies along it (two overlapping strips of one line)."""
    colour = rect.get("non_stroking_color")
    same = [other for other in fills if other is not rect and other.get("non_stroking_color") == colour]
    if edge["orientation"] == "h":
        y = edge["top"]
        upward = y <= rect["top"] + TOUCH  # the rectangle's top side: outside is above it
        spans = [(other["x0"], other["x1"]) for other in same
                 if ((other["top"] <= y - PROBE and other["bottom"] >= y - TOUCH) if upward
                     else (other["bottom"] >= y + PROBE and other["top"] <= y + TOUCH))]
        return _covers(spans, edge["x0"], edge["x1"])
    x = edge["x0"]
    leftward = x <= rect["x0"] + TOUCH
    spans = [(other["top"], other["bottom"]) for other in same
             if ((other["x0"] <= x - PROBE and other["x1"] >= x - TOUCH) if leftward
                 else (other["x1"] >= x + PROBE and other["x0"] <= x + TOUCH))]
    return _covers(spans, edge["top"], edge["bottom"])


def _covers(spans: list[tuple[float, float]], start: float, end: float) -> bool:
    """Whether the intervals together cover [start, end] (gaps under TOUCH are no gaps)."""
    reached = start
    for low, high in sorted(spans):
        if low > reached + TOUCH:
            break
        reached = max(reached, high)
    return reached >= end - TOUCH
