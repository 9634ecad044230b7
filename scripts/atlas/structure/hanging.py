"""Hanging-indent items: the lines of an item set under its text, not under its marker.

Japanese notices and guidelines set an item's marker (ア, （ア）, ①, ⑴, ・, (1) …) at the margin and
wrap its text so that the continuation lines start under the text, not under the marker:

    ア　情報システムの設置場所は、火災、水害、地震等の災害のおそれの少ない
    　　場所とし、その周囲には危険物を置かないこと。

The continuation line is indented, and an indented line usually starts a paragraph, so the item
was cut after its first printed line (issue 23).  Its indent is the evidence that it belongs to
the item: it stands exactly where the item's text starts after the marker and its gap.
"""

from __future__ import annotations

import re

from ..model.document import Line
from ..text.numbering import CIRCLED_NUMBERS, KATAKANA_ORDER, display_width

# An item's marker and the gap after it: katakana (ア　, ア．, （ア）), circled and parenthesised
# numbers (①, ⑴: one character each), bullets,
# numbers in brackets or with a stop, lower-case letters.
ITEM_MARKER = re.compile(
    rf"(?:[（(][{KATAKANA_ORDER}][）)]|[{KATAKANA_ORDER}](?:[．.](?=\S)|(?=[ \u3000]))|[{CIRCLED_NUMBERS}⑴-⒇]"
    r"|[・•●○◯■□◆◇▪※➢✓⇒➡]|[（(]\d{1,2}[）)]|\d{1,2}[．.)）]|[a-z][．.)）]|[（(][a-z][）)])[ \u3000]*"
)
# How far (in half-width characters) a continuation may stand from the item's text in a text
# source, and (in characters of its size) in a PDF.
TEXT_SLACK = 1
PDF_SLACK = 0.6


def hanging_width(first: Line) -> int | None:
    """The width (half-width units) of the marker and gap that open an item's first line, or None."""
    match = ITEM_MARKER.match(first.text)
    if match is None or match.end() >= len(first.text):
        return None
    return display_width(first.text[: match.end()])


def hangs_under(first: Line, line: Line) -> bool:
    """Whether ``line`` starts where the text of the item opened by ``first`` starts."""
    width = hanging_width(first)
    if width is None or line.page != first.page:
        return False
    if first.layout is not None and line.layout is not None:
        size = line.layout.size
        expected = first.layout.x0 + width * first.layout.size / 2
        return abs(line.layout.x0 - expected) <= PDF_SLACK * size
    if first.layout is not None or line.layout is not None:
        return False
    lead = _leading_width(line.raw) - _leading_width(first.raw)
    return lead > 0 and abs(lead - width) <= TEXT_SLACK


def _leading_width(raw: str) -> int:
    text = raw.replace("\f", "")
    return display_width(text[: len(text) - len(text.lstrip(" \u3000"))])
