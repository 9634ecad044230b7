"""Hanging-indent items: the lines of an item set under its text, not under its marker.

Japanese notices and guidelines set an item's marker (ア, （ア）, ①, ⑴, ・, (1) …) at the margin and
wrap its text so that the continuation lines start under the text, not under the marker:

    ア　情報システムの設置場所は、火災、水害、地震等の災害のおそれの少ない
    　　場所とし、その周囲には危険物を置かないこと。

The continuation line is indented, and an indented line usually starts a paragraph, so the item
was cut after its first printed line (issue 23).  Its indent is the evidence that it belongs to
the item: it stands exactly where the item's text starts after the marker and its gap.

Legislation (and the treaties, rules and excerpts set like it) hangs by one character whatever its
number's width: an article 「第１条　…」 and its 項 「２　…」 at the margin, their later lines one
character in; a 号 「一　…」 one character in, its later lines two:

    第１条　この条例は、地方自治法第１００条第
    　１４項から第１６項までの規定に基づき、…
"""

from __future__ import annotations

import re

from ..model.document import Line
from ..text.numbering import (
    ARTICLE_NUMBER,
    CIRCLED_NUMBERS,
    KANJI_NUMERALS,
    KATAKANA_ORDER,
    display_width,
    number_token,
    number_value,
)

# An item's marker and the gap after it: katakana (ア　, ア．, （ア）), circled and parenthesised
# numbers (①, ⑴: one character each), bullets,
# numbers in brackets or with a stop, lower-case letters.
ITEM_MARKER = re.compile(
    rf"(?:[（(][{KATAKANA_ORDER}][）)]|[{KATAKANA_ORDER}](?:[．.](?=\S)|(?=[ \u3000]))|[{CIRCLED_NUMBERS}⑴-⒇]"
    r"|[・•●○◯■□◆◇▪※➢✓⇒➡]|[（(]\d{1,2}[）)]|\d{1,2}[．.)）]|[a-z][．.)）]|[（(][a-z][）)])[ \u3000]*"
)
# What opens a provision of legislation set with a one-character hang: an article (第３条, 第百二条,
# 第３条の２: ARTICLE_NUMBER), a 項 or a treaty's paragraph (２, 10), a 号 (一, 十二), a lettered or
# bracketed item ((a), (ii), ⒜), each followed by its gap.
PROVISION_NUMBER = re.compile(
    rf"(?:{ARTICLE_NUMBER}|\d{{1,3}}|[{KANJI_NUMERALS}]{{1,3}}"
    r"|[（(](?:\d{1,2}|[a-z]|[ivx]{1,4})[）)]|[⒜-⒵])[ \u3000]+(?=\S)"
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
    """Whether ``line`` starts where the text of the item opened by ``first`` starts, or one
    character in from a provision's number (legislation's hang)."""
    if line.page != first.page:
        return False
    widths = [width for width in (hanging_width(first), _provision_hang(first)) if width is not None]
    if first.layout is not None and line.layout is not None:
        size = line.layout.size
        return any(abs(line.layout.x0 - (first.layout.x0 + width * first.layout.size / 2)) <= PDF_SLACK * size
                   for width in widths)
    if first.layout is not None or line.layout is not None:
        return False
    lead = _leading_width(line.raw) - _leading_width(first.raw)
    return lead > 0 and any(abs(lead - width) <= TEXT_SLACK for width in widths)


def back_at_start(first: Line, line: Line) -> bool:
    """Whether ``line`` starts where ``first`` starts, on its page: back at the margin an item's or a
    provision's later lines hang in from, where only the next item or provision opens."""
    if line.page != first.page:
        return False
    if first.layout is not None and line.layout is not None:
        return abs(line.layout.x0 - first.layout.x0) <= PDF_SLACK * line.layout.size / 2
    if first.layout is not None or line.layout is not None:
        return False
    return _leading_width(line.raw) == _leading_width(first.raw)


def next_provision(first: Line, line: Line) -> bool:
    """Whether ``line`` opens a provision after the one ``first`` opens: the next 号 of its run
    (「二　…」 after 「一　…」, on the same page or the next), or any provision's number standing left
    of ``first``'s on its page (「２　前項…」 back at the 項's margin after a 号 set a character in).

    A 号 ends without a stop (「…するものであること」), so neither its last line's end nor its
    width says the 号 is over; its number and where it stands do: a provision's later lines hang
    in from its number, never out to the left of it, and no sentence goes on with 「二　」."""
    above, below = _provision_number(first.text), _provision_number(line.text)
    if above is None or below is None:
        return False
    kind, value = below
    if kind == "kanji" and above == (kind, value - 1):
        return True
    if line.page != first.page:
        return False
    if first.layout is not None and line.layout is not None:
        return line.layout.x0 < first.layout.x0 - PDF_SLACK * line.layout.size
    if first.layout is not None or line.layout is not None:
        return False
    return _leading_width(line.raw) < _leading_width(first.raw)


def _provision_number(text: str) -> tuple[str, int] | None:
    """The kind of provision number a line opens with (an article, a 号's kanji, a 項's digits, a
    bracketed item) and its value."""
    match = PROVISION_NUMBER.match(text)
    if match is None:
        return None
    number = match.group().rstrip(" \u3000")
    kind = ("article" if number.startswith("第") else "kanji" if number[0] in KANJI_NUMERALS
            else "digits" if number[0].isdigit() else "bracketed")
    value = number_value(number)
    if value is None and kind == "article":
        # 第３条の２: a branch article has no place in its articles' count (number_value), but it opens a
        # provision all the same; its article's number stands for it.
        value = int(number_token(number).split("-")[0])
    return None if value is None else (kind, value)


def _provision_hang(first: Line) -> int | None:
    """Two half-width units (one character) when ``first`` opens with a provision's number."""
    return 2 if PROVISION_NUMBER.match(first.text) else None


def _leading_width(raw: str) -> int:
    text = raw.replace("\f", "")
    return display_width(text[: len(text) - len(text.lstrip(" \u3000"))])
