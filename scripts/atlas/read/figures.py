"""Figures: the region of a PDF page that draws a figure, rendered to an image where it stood.

White papers and guidelines argue with charts and diagrams.  Read as text, a figure leaves only
its debris: tick values, legend names, box labels.  The PDF reader already knows where a page
places an image or a drawing (pdf_source: images, placed drawings, clusters of touching paths)
and sets the labels inside it apart (role ``figure``; the structure step keeps them together as
one block, never as headings).  Here that block becomes a ``Figure``: the page region rendered
to a PNG (PDFium, at a fixed scale: the same PDF gives the same bytes), its caption as the
image's alternative text, its labels kept as the figure's text (read, searched and counted by
the conservation check, shown folded under the image).

A figure without words of its own (a photograph) leaves no block to stand in for it and is not
shown yet.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from ..model.document import Block, Document, Figure, Line, Paragraph
from ..text.numbering import is_caption
from .boxes import Bbox
from .page_labels import cite_page
from .pdf_source import page_boxes

T = TypeVar("T")

# 1.5 × 72 dpi = 108 dpi: sharp on a phone at the column's width, legible printed at A4 width,
# a quarter of the bytes 2× would cost (bench/figures.md measures it on the corpus).
FIGURE_SCALE = 1.5
FIGURE_MARGIN = 4.0  # points around the figure's box: strokes drawn on its edge stay whole
FIGURE_FOLDER = "figures"  # beside the document's pages: documents/<id>/figures/


def keep_together(items: list[T], group_of: Callable[[T], Hashable | None]) -> list[T]:
    """Items in their order, but each group's (a figure's labels, a table's rows) all where its
    first one stands: text beside a figure (a slide's bullets, the other column) read by position
    would otherwise cut its labels into pieces, each shown as a figure of its own."""
    members: dict[Hashable, list[T]] = {}
    for item in items:
        group = group_of(item)
        if group is not None:
            members.setdefault(group, []).append(item)
    placed: list[T] = []
    for item in items:
        group = group_of(item)
        if group is None:
            placed.append(item)
        elif group in members:
            placed.extend(members.pop(group))
    return placed


def attach_figures(document: Document, boxes: dict[int, list[Bbox]]) -> list[Figure]:
    """Each block of a figure's labels (the PDF reader's role ``figure``) becomes a Figure of the
    box that holds its lines; the figures, in reading order."""
    found: list[Figure] = []
    per_page: dict[int, int] = {}
    for blocks in [document.preamble, *(section.blocks for section in document.all_sections())]:
        for index, block in enumerate(blocks):
            lines = _figure_lines(document, block)
            if not lines:
                continue
            page = lines[0].page
            box = _box_around(lines, boxes.get(page, []))
            if box is None:
                continue
            per_page[page] = per_page.get(page, 0) + 1
            assert isinstance(block, Paragraph)
            figure = Figure(
                text=block.text, span=block.span, refs=block.refs, links=block.links, page=page, box=box,
                image=f"{FIGURE_FOLDER}/p{page}-{per_page[page]}.png",
                alt=_caption(document, blocks, index, page, is_caption(lines[0].text)) or _caption_inside(lines)
                or _title_label(lines) or f"図（{cite_page(page, document.page_labels)}）",
            )
            blocks[index] = figure
            found.append(figure)
    return found


def render_figures(pdf: Path, figures: list[Figure]) -> dict[str, bytes]:
    """Each figure's region rendered to PNG bytes (by its ``image`` name); sets each figure's size."""
    if not figures:
        return {}
    import pypdfium2  # imported here: text sources need no PDF library

    rendered: dict[str, bytes] = {}
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        for figure in figures:
            page = document[figure.page - 1]
            image = page.render(scale=FIGURE_SCALE, crop=_crop(page, figure.box)).to_pil()
            page.close()
            figure.size = image.size
            rendered[figure.image] = _png(image)
    finally:
        document.close()
    return rendered


def _figure_lines(document: Document, block: Block) -> list[Line]:
    """The body lines of a block that holds only a figure's labels, else none."""
    if not isinstance(block, Paragraph) or block.kind != "preformatted" or not document.lines:
        return []
    first = document.lines[0].number
    lines = [line for line in document.lines[block.span.start - first : block.span.end - first + 1]
             if line.kind == "body"]
    if lines and all(line.layout is not None and line.layout.role == "figure" for line in lines):
        return lines
    return []


def _box_around(lines: list[Line], boxes: list[Bbox]) -> Bbox | None:
    """The figure box that holds the most of the lines' starts (on the first line's page)."""
    def holds(box: Bbox) -> int:
        return sum(1 for line in lines if line.page == lines[0].page and line.layout is not None
                   and box[0] - 1 <= line.layout.x0 <= box[2] + 1 and box[1] - 1 <= line.layout.top <= box[3] + 1)

    best = max(boxes, key=holds, default=None)
    return best if best is not None and holds(best) else None


def _caption(document: Document, blocks: list[Block], index: int, page: int, labels_captioned: bool) -> str:
    """The caption set just above or below the figure (「図1 …」) on its page, if there is one: the
    next page's first caption names the next page's figure, never one that ended this page.  A
    figure whose own labels open with its caption has none below it: a caption there is the next
    figure's (two figures side by side, the text that stood between them joined: float_cuts.py)."""
    first = document.lines[0].number
    for neighbour in (index - 1,) if labels_captioned else (index - 1, index + 1):
        if 0 <= neighbour < len(blocks):
            block = blocks[neighbour]
            if isinstance(block, Paragraph) and block.kind == "caption" \
                    and document.lines[block.span.start - first].page == page:
                return block.text
    return ""


def _caption_inside(lines: list[Line]) -> str:
    """The caption set inside the figure's own frame, among its labels (a chart whose 「図5 …」 stands
    under its axis's unit): the one label that is a caption; none where two are (two figures' labels)."""
    captions = [line.text for line in lines if is_caption(line.text)]
    return captions[0] if len(captions) == 1 else ""


# A figure's title is set this much larger than its other labels (or in a bar of its own).
TITLE_LARGER = 1.12


def _title_label(lines: list[Line]) -> str:
    """The figure's own title when it has no caption: its topmost label, set in a bar of its own
    or larger than all the others (a slide's chart titled 「子供のスマートフォン所有率の推移」 in its band)."""
    first, others = lines[0], lines[1:]
    if first.layout is None or not others or any(line.layout is None for line in others):
        return ""
    above_all = all(first.layout.top <= line.layout.top for line in others if line.layout)
    larger = all(first.layout.size >= TITLE_LARGER * line.layout.size for line in others if line.layout)
    return first.text if above_all and (first.layout.bar or larger) else ""


def _crop(page: Any, box: Bbox) -> tuple[float, float, float, float]:
    """What to cut off each side of the page's visible area (left, bottom, right, top) to keep the
    box; the box is measured from the media box's top-left, the rendering shows the crop box."""
    (media_left, _, _, media_top), (crop_left, crop_bottom, crop_right, crop_top) = page_boxes(page)
    x0 = box[0] + media_left - crop_left - FIGURE_MARGIN
    x1 = box[2] + media_left - crop_left + FIGURE_MARGIN
    top = box[1] - (media_top - crop_top) - FIGURE_MARGIN
    bottom = box[3] - (media_top - crop_top) + FIGURE_MARGIN
    width, height = crop_right - crop_left, crop_top - crop_bottom
    return (max(0.0, x0), max(0.0, height - bottom), max(0.0, width - x1), max(0.0, top))


def _png(image: Any) -> bytes:
    """PNG bytes with nothing in them but the pixels (no time, no software name): deterministic."""
    import io

    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def figures_of(document: Document) -> list[Figure]:
    """The document's figures, in reading order."""
    blocks = [*document.preamble, *(block for section in document.all_sections() for block in section.blocks)]
    return [block for block in blocks if isinstance(block, Figure)]
