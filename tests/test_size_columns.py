"""Two columns each set in a size of its own (read/size_columns.py): where the strip between them is
found, and where small type beside large type is no pair of columns.

The lines are written here (boxes of invented characters): a box of small lines at the left beside
large lines at the right; the same with a table's rows of one size on both sides, with a table in
the left column, and with the small lines above a title and the large ones under it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from atlas.read.size_columns import size_gutter


@dataclass
class _Line:
    x0: float
    x1: float
    top: float
    size: float
    text: str = "x"
    bottom: float = 0.0
    chars: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.bottom = self.top + self.size
        count = max(1, int((self.x1 - self.x0) // self.size))
        self.chars = [{"x0": self.x0 + n * self.size, "x1": self.x0 + (n + 1) * self.size, "top": self.top,
                       "bottom": self.bottom, "size": self.size, "text": "x"} for n in range(count)]


def _crosses(line: _Line, x: float) -> bool:
    return line.x0 < x < line.x1


def _box_beside_bullets() -> list[_Line]:
    small = [_Line(60, 200, 100 + n * 10, 8.0) for n in range(20)]
    large = [_Line(320, 560, 100 + n * 22, 18.0) for n in range(9)]
    return [_Line(40, 560, 50, 30.0), *small, *large]


def test_two_columns_of_two_sizes_are_parted_in_the_strip_between_them():
    gutter = size_gutter(_box_beside_bullets(), _crosses)
    assert gutter is not None and 200 < gutter < 320


def test_lines_of_one_size_on_both_sides_are_no_pair_of_columns():
    # A table's rows read as lines: a label and its value of one size on each row, beside the box.
    rows = [_Line(60, 120, 100 + n * 10, 8.0) for n in range(4)] + [_Line(330, 400, 100 + n * 10, 8.0)
                                                                    for n in range(4)]
    assert size_gutter([*_box_beside_bullets(), *rows], _crosses) is None


def test_a_table_in_a_column_keeps_the_page_read_across():
    # The table's rows are read across the page's width: the notes beside it are no column.
    assert size_gutter(_box_beside_bullets(), _crosses, [(60, 150, 200, 190)]) is None


def test_small_lines_over_a_title_and_large_lines_under_it_stand_in_no_columns():
    # A pamphlet's page: an article's lines at the left, its note at the right under them, the next
    # article's title across the page, its text at the left, the page's number at the right foot.
    # The note and the text under the title are in no pair of columns: the title parts them.
    article = [_Line(60, 290, 50 + n * 10, 8.5) for n in range(4)]
    notes = [_Line(330, 500, 100 + n * 10, 8.0) for n in range(3)]
    title = _Line(100, 460, 140, 16.0)
    text = [_Line(60, 290, 170 + n * 17, 10.5) for n in range(8)]
    folio = _Line(480, 530, 330, 8.0)
    assert size_gutter([*article, *notes, title, *text, folio], _crosses) is None


def test_labels_strewn_over_a_map_beside_its_legend_are_no_column():
    legend = [_Line(60, 180, 100 + n * 16, 9.0) for n in range(6)]
    labels = [_Line(x, x + 15, 95 + n * 13, 7.5) for n, x in enumerate([430, 352, 371, 363, 250, 344, 296, 401])]
    assert size_gutter([*legend, *labels], _crosses) is None
