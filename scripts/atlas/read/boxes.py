"""Rectangles on a PDF page, as the readers pass them around: (x0, top, x1, bottom) in points from
the page's top-left corner.  One home for the few questions several readers ask of them."""

from __future__ import annotations

from collections.abc import Iterable

Bbox = tuple[float, float, float, float]  # x0, top, x1, bottom: points from the page's top-left


def encloses(outer: Bbox, inner: Bbox, slack: float = 1.0) -> bool:
    """Whether ``inner`` lies within ``outer`` (``slack`` points on every side: a point for drawn
    edges)."""
    return (outer[0] - slack <= inner[0] and outer[1] - slack <= inner[1]
            and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def union(boxes: Iterable[Bbox]) -> Bbox:
    """The smallest rectangle holding every box (at least one)."""
    boxes = list(boxes)
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
