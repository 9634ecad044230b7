"""Figures with no words of their own: the image (or drawing) a caption names, rendered where it stood.

A chart, a photograph or a table printed as a picture leaves nothing in the text layer: read as
text, only its caption remains (「■第1-5-1図／生成AIの利活用分野別需要額見通し」 over blank space),
and a reader is told there is a figure but never sees it.  figures.py shows a figure through its
labels; this module finds the rest through their captions.

A caption stands right above its figure (white papers, survey reports: 「【図表1 性別構成】」) or
right below it (JIS-style guidelines: 「図 1 …」).  The figure is the PDF's picture or placed
drawing (pdf_source's figure boxes) that begins within a few lines of the caption, with no line
of text between them, together with the ones stacked directly under (over) it — a table picture
and its chart picture under one caption are one figure.  A region that holds text of its own was
read as text (a ruled table, a text frame) and is never drawn again as a picture; a region that
already shows as a figure (its labels found it) is not drawn twice.

The figure gets no words (its ``text`` is empty: nothing is invented or counted twice); its
caption is its alternative text, and the caption stays as the text it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.document import Block, Document, Figure, Layout, Line, Paragraph
from ..text.numbering import is_caption
from .boxes import Bbox, encloses, union
from .figures import FIGURE_FOLDER

# How far (in the caption's line heights) a figure may stand from its caption: captions are set
# close above or under what they name, with a little space between (a few points to two lines).
CAPTION_REACH = 3.0
# Boxes stacked under one caption touch or nearly (a table picture, then its chart picture).
STACK_GAP = 6.0
# A box that reaches off the page (a chapter tab or a header's artwork bleeding off the edge) is
# decoration, not a figure a caption names.
OFF_PAGE = -2.0


@dataclass(frozen=True)
class _Caption:
    """Where a caption block was set: its page, its top and bottom, its left and right edges."""

    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    height: float


def place_captioned_images(document: Document, boxes: dict[int, list[Bbox]], shown: list[Figure]) -> list[Figure]:
    """A Figure (no text, the caption as its alt) after each caption whose picture stands below it,
    before each whose picture stands above; the figures placed, in reading order.  ``shown``: the
    figures already placed by their labels (their regions are not drawn again)."""
    if not document.lines or not boxes:
        return []
    used: dict[int, list[Bbox]] = {}
    for figure in shown:
        used.setdefault(figure.page, []).append(figure.box)
    per_page: dict[int, int] = {}
    for figure in shown:
        per_page[figure.page] = per_page.get(figure.page, 0) + 1
    placed: list[Figure] = []
    for blocks in [document.preamble, *(section.blocks for section in document.all_sections())]:
        index = 0
        while index < len(blocks):
            block = blocks[index]
            caption = _caption_of(document.lines, block)
            if caption is None:
                index += 1
                continue
            free = [box for box in boxes.get(caption.page, []) if not _overlaps_any(box, used.get(caption.page, []))]
            found = _picture_named(caption, free, document.lines)
            if found is None:
                index += 1
                continue
            box, below = found
            used.setdefault(caption.page, []).append(box)
            per_page[caption.page] = per_page.get(caption.page, 0) + 1
            assert isinstance(block, Paragraph)
            figure = Figure(
                text="", span=block.span, page=caption.page, box=box,
                image=f"{FIGURE_FOLDER}/p{caption.page}-{per_page[caption.page]}.png", alt=block.text,
            )
            blocks.insert(index + 1 if below else index, figure)
            placed.append(figure)
            index += 2
    return placed


def _caption_of(lines: list[Line], block: Block) -> _Caption | None:
    """Where a caption paragraph stands on its page (its lines' extent), else None."""
    if not isinstance(block, Paragraph) or isinstance(block, Figure):
        return None
    if block.kind != "caption" and not is_caption(block.text):
        return None
    first = lines[0].number
    own = [line for line in lines[block.span.start - first: block.span.end - first + 1]
           if line.kind == "body" and line.layout is not None]
    if not own or any(line.page != own[0].page for line in own):
        return None
    layouts = [line.layout for line in own if line.layout is not None]
    height = max(layout.size for layout in layouts)
    return _Caption(own[0].page, min(lt.top for lt in layouts), max(lt.top + lt.size for lt in layouts),
                    min(lt.x0 for lt in layouts), max(lt.x1 for lt in layouts), height)


def _picture_named(caption: _Caption, boxes: list[Bbox], lines: list[Line]) -> tuple[Bbox, bool] | None:
    """The region of the pictures the caption names, and whether it stands below the caption."""
    text = [line.layout for line in lines if line.page == caption.page and line.kind == "body"
            and line.layout is not None and line.layout.role != "figure"]
    candidates = [box for box in boxes if min(box[0], box[1]) >= OFF_PAGE and not _holds_text(box, text)
                  and _beside(box, caption)]
    reach = CAPTION_REACH * caption.height
    below = [box for box in candidates if caption.bottom - 2 <= box[1] <= caption.bottom + reach
             and not _text_between(text, caption.bottom, box[1], box, caption)]
    if below:
        return _stacked(min(below, key=lambda box: box[1]), candidates, downwards=True), True
    above = [box for box in candidates if caption.top - reach <= box[3] <= caption.top + 2
             and not _text_between(text, box[3], caption.top, box, caption)]
    if above:
        return _stacked(max(above, key=lambda box: box[3]), candidates, downwards=False), False
    return None


def _stacked(first: Bbox, boxes: list[Bbox], downwards: bool) -> Bbox:
    """The first box and the boxes stacked on from it (touching or nearly, side by side with it),
    merged into one region: boxes that touch leave no room for a line of text between them."""
    region = first
    grown = True
    while grown:
        grown = False
        for box in boxes:
            if encloses(region, box) or not _side_by_side(region, box):
                continue
            gap = box[1] - region[3] if downwards else region[1] - box[3]
            if -STACK_GAP <= gap <= STACK_GAP:
                region = union([region, box])
                grown = True
    return region


def _holds_text(box: Bbox, text: list[Layout]) -> bool:
    """Whether a line of the text (not a figure's label) begins inside the box: the region was read."""
    return any(box[0] - 1 <= layout.x0 <= box[2] + 1 and box[1] - 1 <= layout.top <= box[3] - 1 for layout in text)


def _text_between(text: list[Layout], upper: float, lower: float, box: Bbox, caption: _Caption) -> bool:
    """Whether a line of text stands between the caption and the box, across the width they share."""
    left, right = max(box[0], caption.x0) - 1, min(box[2], caption.x1) + 1
    return any(upper + 1 < layout.top < lower - 1 and layout.x0 < right and layout.x1 > left for layout in text)


def _beside(box: Bbox, caption: _Caption) -> bool:
    """Whether the box shares some width with the caption (the caption is set over or under it)."""
    return box[0] < caption.x1 and box[2] > caption.x0


def _side_by_side(region: Bbox, box: Bbox) -> bool:
    return box[0] < region[2] and box[2] > region[0]


def _overlaps_any(box: Bbox, others: list[Bbox]) -> bool:
    """Whether the box and one of the others cover much of each other (the same figure)."""
    for other in others:
        width = min(box[2], other[2]) - max(box[0], other[0])
        height = min(box[3], other[3]) - max(box[1], other[1])
        if width > 0 and height > 0:
            smaller = min((box[2] - box[0]) * (box[3] - box[1]), (other[2] - other[0]) * (other[3] - other[1]))
            if width * height >= 0.5 * smaller:
                return True
    return False
