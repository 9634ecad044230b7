"""Where a PDF line was wrapped when it is set in a box narrower than its page's column.

A slide or a report's summary page sets its text in boxes side by side (「➡ …」 points in the
left box, a chart in the right); the page's column runs across both, so every line of the left box
"stops short" of the column and each would end its paragraph — one paragraph per printed line,
sentences cut at every wrap (issue 23, failure mode 5).  The box shows its own right edge: the
lines of one block (no space between them, one size) that run to the same x.  A line that reaches
that edge without ending its sentence was wrapped by the box, not ended.
"""

from __future__ import annotations

from ..model.document import Line
from ..text.numbering import CLOSING
from .typeset import BLOCK_GAP

# Lines this close (in characters) to the block's right edge reach it: a box's wrapped lines are
# justified to its edge, so they end there to within a narrow glyph (「）」「、」 set half width);
# the items of a table column end a character or more apart however alike their lengths.
AT_EDGE = 0.5
# A wrapped line's continuation starts under it: at the box's left edge, give or take a first
# line's indent or a hanging item's marker (in characters).  A line that starts further left or
# right stands in another cell of a table the block runs across (「➡ 」 hangs by 1.75).
UNDER = 2.5
# A wrap edge is shared: at least this many lines of the block run to it.
LINES_AT_EDGE = 2
# A figure's labels come after the text beside it and its title: the run the next line goes on is
# among this many runs before the labels.
FIGURE_RUNS = 3
# A box at least this many characters wide holds sentences, not a figure's labels.
NARROWEST_BOX = 10


class BoxEdges:
    """The right edge of the block each PDF body line stands in, where the lines show one."""

    def __init__(self, lines: list[Line]) -> None:
        self.edge: dict[int, float] = {}
        for block in _blocks(lines):
            edge = _shared_right_edge(block)
            if edge is not None:
                self.edge.update(dict.fromkeys((line.number for line in block), edge))

    def same_box(self, line: Line, below: Line) -> bool:
        """Whether two lines stand in the same block (one box), the second starting under the first."""
        edge = self.edge.get(line.number)
        if edge is None or self.edge.get(below.number) != edge or line.page != below.page:
            return False
        if line.layout is None or below.layout is None:
            return False
        return abs(below.layout.x0 - line.layout.x0) <= UNDER * line.layout.size

    def wrapped(self, line: Line) -> bool:
        """Whether the line runs to its box's right edge without ending a sentence."""
        edge = self.edge.get(line.number)
        layout = line.layout
        if edge is None or layout is None or line.text.endswith(tuple(CLOSING)):
            return False
        return layout.x1 >= edge - AT_EDGE * layout.size


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of body lines set one under another: same page, same size, no space between.  A figure
    set beside the text is read after the lines beside it, its title with it (read/side_figures.py):
    the next line after the figure's labels goes on the run it stands a line under, over them."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    after_figure = False
    for line in lines:
        layout = line.layout
        if layout is not None and layout.role == "figure":  # its labels, body or taken for furniture
            after_figure = True
            continue
        if line.kind != "body" or layout is None or layout.role:
            if line.kind != "blank":
                current, after_figure = [], False  # furniture or a note between: the run ends
                blocks.append(current)
            continue
        if after_figure:
            after_figure = False
            # The runs just before the labels: the text beside the figure, then its title.
            earlier = next((run for run in reversed(blocks[-FIGURE_RUNS:]) if run and _under(run[-1], line)), None)
            if earlier is not None:
                current = earlier
                current.append(line)
                continue
        last = current[-1] if current else None
        if last is not None and last.layout is not None and layout.gap_before <= BLOCK_GAP and _one_under(last, line):
            current.append(line)
        else:
            current = [line]
            blocks.append(current)
    return [block for block in blocks if len(block) > LINES_AT_EDGE]


def _one_under(last: Line, line: Line) -> bool:
    """Same page, same size, the line set under the last (their extents overlap)."""
    assert last.layout is not None and line.layout is not None
    return last.page == line.page and last.layout.size == line.layout.size \
        and line.layout.x0 < last.layout.x1 and last.layout.x0 < line.layout.x1


def _under(last: Line, line: Line) -> bool:
    """The line set a line under the last, in its run (a figure's labels read between them)."""
    if last.layout is None or line.layout is None or not _one_under(last, line):
        return False
    return 0 < line.layout.top - last.layout.top <= (2 + BLOCK_GAP) * line.layout.size


def _shared_right_edge(block: list[Line]) -> float | None:
    """The x where the block's lines wrap: its rightmost line's end, when more lines end there; or,
    when one line runs on past the others (a note set on the same baseline beside the box: 「…ものと
    す （出典）…」 read as one line), the end that most of the block's lines share."""
    size = block[0].layout.size if block[0].layout else 10.0
    ends = sorted((line.layout.x1 for line in block if line.layout), reverse=True)
    left = min(line.layout.x0 for line in block if line.layout)

    def sharing(end: float) -> int:
        return sum(1 for other in ends if end - AT_EDGE * size <= other <= end)

    right = ends[0] if sharing(ends[0]) >= LINES_AT_EDGE else \
        next((end for end in ends[1:] if sharing(end) >= max(LINES_AT_EDGE, len(ends) / 2)), None)
    if right is None or right - left < NARROWEST_BOX * size:
        return None
    return right
