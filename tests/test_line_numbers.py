"""A word processor's line numbers told from numbers that are the text's (read/line_numbers.py), on
lines the tests place themselves: characters with their boxes, as the PDF reader has them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from atlas.read.line_numbers import line_numbers

SIZE = 10.5
PITCH = 18.0
LEFT = 85.0  # where the text column starts
RIGHT = LEFT + 40 * SIZE
FILLER = "本文の行がここに続いている"


@dataclass
class Piece:
    chars: list[dict[str, Any]] = field(default_factory=list)
    top: float = 0.0
    bottom: float = 0.0


def _chars(text: str, x: float, top: float, size: float = SIZE, width: float | None = None) -> list[dict[str, Any]]:
    step = width if width is not None else size
    return [{"text": ch, "x0": x + k * step, "x1": x + (k + 1) * step, "top": top, "bottom": top + size, "size": size}
            for k, ch in enumerate(text)]


def _line(parts: list[tuple[str, float, float]], top: float) -> Piece:
    """A baseline's piece: (text, x, character width) parts."""
    chars = [c for text, x, width in parts for c in _chars(text, x, top, width=width)]
    return Piece(chars, top, top + SIZE)


def _digits_right_at(number: int, right: float, size: float = 9.0) -> tuple[str, float, float]:
    text = str(number)
    return text, right - len(text) * size / 2, size / 2


def test_a_column_of_numbers_in_the_left_margin_one_on_each_line_is_line_numbers():
    # Smaller than the text, right-aligned a quarter inch left of it, a blank line's number alone.
    lines = [_line([_digits_right_at(n, LEFT - 18)]
                   + ([] if n % 4 == 0 else [(FILLER, LEFT + (SIZE if n % 4 == 1 else 0), SIZE)]), n * PITCH)
             for n in range(1, 13)]
    [found] = line_numbers([lines])
    assert sorted(found) == list(range(12))
    for index, chars in found.items():
        assert {id(c) for c in lines[index].chars if c["x1"] <= LEFT - 18} == chars


def test_numbers_at_the_right_of_justified_lines_are_line_numbers_a_contents_pages_are_not():
    justified = [_line([(FILLER, RIGHT - len(FILLER) * SIZE, SIZE), _digits_right_at(n, RIGHT + 30)], n * PITCH)
                 for n in range(1, 11)]
    assert line_numbers([justified]) != [{}]
    # A contents page whose parts take a page each: its page numbers go up by one at the right, but
    # the entries end where their titles end.
    entries = [_line([("第" + "一二三四五六七八九十"[n - 1] + "章" + "見本" * (n % 3 + 1), LEFT, SIZE),
                      _digits_right_at(n + 2, RIGHT)], n * PITCH) for n in range(1, 11)]
    assert line_numbers([entries]) == [{}]


def test_a_numbered_list_and_a_tables_row_numbers_stand_inside_the_text_column():
    # Items 「1 …」 whose wrapped lines start under their numbers: the numbers are the text's.
    items: list[Piece] = []
    for n in range(1, 8):
        items.append(_line([(str(n), LEFT, SIZE / 2), (FILLER, LEFT + 2 * SIZE, SIZE)], (2 * n) * PITCH))
        items.append(_line([(FILLER, LEFT, SIZE)], (2 * n + 1) * PITCH))
    assert line_numbers([items]) == [{}]
    # Row numbers a few characters before the names, alone on their page; the document's text on
    # the page before starts where they stand.
    lead = [_line([(FILLER + FILLER, LEFT, SIZE)], PITCH)]
    rows = [_line([_digits_right_at(n, LEFT + SIZE, SIZE), ("構成員の名前", LEFT + 3 * SIZE, SIZE)], n * PITCH)
            for n in range(9, 20)]
    assert line_numbers([lead, rows]) == [{}, {}]
