"""A paragraph a figure, a table or a caption interrupted, whole again (PDF sources).

A white paper sets its figures and tables where they fit — at a column's foot, across the page
under the first lines, at the next page's top — and its text runs around them: a sentence leaves
the left column in mid-word and goes on at the top of the right column, or at the next page under
the table that opens it.  Read in order, the page gives the first half, then the float (its
caption, its labels, its table, its source note 「資料：…」, the page's notes), then the second
half, and the structure step closes the paragraph at the float: 「第N段落」 then names half a
sentence, and the second half — which opens with a particle, 「に、…」 — stands as a paragraph of
its own.

The halves are one paragraph when the page shows the cut was the float's:

* the first half is a paragraph of the running text whose first line is indented (the document
  marks a new paragraph by its first-line indent, so a flush line can be told from one), and its
  last line ran to its column's edge without closing a sentence;
* between the halves stand only floats — a caption, a block of figure labels, a table, a note set
  under a figure or table (「資料：」「注：」, a picture's credit 「提供：」), small print (a note's
  wrapped lines, a page-foot note read as text) — and the page's notes and furniture: no heading,
  no list, no paragraph of the text;
* the second half opens flush with its column's left edge (no first-line indent: not a new
  paragraph), in the first half's type size, with no list marker or symbol, and is no caption or
  note itself, nor a caption's title wrapped onto the line right under it.

The floats stay, in their order, right after the joined paragraph: where Pandoc and docling put a
float that interrupts a paragraph, and where a reader of the page meets it once the sentence ends.
"""

from __future__ import annotations

import re
import unicodedata

from ..model.document import Draft, Figure, Line, Paragraph, Table
from ..text.numbering import CLOSING, LIST_MARKER, is_caption, is_note_under
from .page_cuts import append_text
from .typeset import CAPTION_LEADING, SAME_START, SMALLER, Typesetting, stops_short_of_column

# A picture's credit set under it (「提供：…」「写真提供：…」「撮影：…」): like a source note, the
# figure's, never the text's.
_CREDIT = re.compile(r"(?:写真)?(?:提供|撮影|出所)\s*[：:]")
# A line ending in a colon announces what follows it (a figure, a list): it is not cut; nor is one
# ending in a closing bracket of any kind (a title set in 〈〉 or ＜＞ over a chart ends there).
_NOT_CUT_AFTER = tuple(CLOSING + "：:＞〉》〕］｝>")
# A paragraph's first-line indent is one character (a full-width space), or two where the line opens
# with a bracket; a line set further in is set apart (a title over a figure, a label), not indented.
INDENT_MOST = 2.5
# Two lines are set in one type size within this share of it.
SAME_SIZE = 0.05


def join_paragraphs_cut_by_floats(draft: Draft, lines: list[Line]) -> None:
    """Join, in ``draft``, each paragraph and its continuation that figures, tables, captions or
    their notes stood between (see the module's docstring); the floats follow the joined paragraph."""
    by_number = {line.number: line for line in lines}
    body = Typesetting(lines).body
    small = SMALLER * body.size if body is not None else 0.0
    kept: list = []
    for item in draft.items:
        start = _cut_paragraph_before(kept, by_number, small)
        if start is not None and _continues(kept[start], item, kept[start + 1 :], by_number):
            append_text(kept[start], item)
            continue
        kept.append(item)
    draft.items[:] = kept


def _cut_paragraph_before(kept: list, by_number: dict[int, Line], small: float) -> int | None:
    """The index in ``kept`` of the paragraph of the text that the floats at its end follow, when
    at least one float stands after it; else None.  Small print is out of the text's flow too: a
    source note wrapped onto lines the structure step read as a paragraph of their own, a page-foot
    note the notes step did not take for one (set beside a QR code, apart from the page's others)."""
    index = len(kept) - 1
    while index >= 0 and (_is_float(kept[index], by_number) or _small_print(kept[index], by_number, small)):
        index -= 1
    if index < 0 or index == len(kept) - 1:
        return None
    return index


def _is_float(item: object, by_number: dict[int, Line]) -> bool:
    """Whether the item stands outside the text's flow: a table, a figure, a caption, a block of a
    figure's labels, or a note set under a figure or table."""
    if isinstance(item, (Table, Figure)):
        return True
    if type(item) is not Paragraph:
        return False
    if item.kind == "caption":
        return True
    body = _body_lines(item.span.start, item.span.end, by_number)
    if item.kind == "preformatted":
        return bool(body) and all(line.layout is not None and line.layout.role == "figure" for line in body)
    return item.kind == "paragraph" and _is_note_or_caption(item.text)


def _small_print(item: object, by_number: dict[int, Line], small: float) -> bool:
    """Whether the item is a paragraph set wholly in small print (smaller than the body: SMALLER)."""
    if type(item) is not Paragraph or item.kind != "paragraph":
        return False
    body = _body_lines(item.span.start, item.span.end, by_number)
    return bool(body) and all(line.layout is not None and line.layout.size <= small for line in body)


def _is_note_or_caption(text: str) -> bool:
    return is_note_under(text) or _CREDIT.match(text.lstrip()) is not None or is_caption(text.split("\n")[0])


def _continues(before: object, after: object, floats: list, by_number: dict[int, Line]) -> bool:
    """Whether ``after`` goes on with ``before``'s sentence across ``floats`` (module docstring)."""
    if type(before) is not Paragraph or before.kind != "paragraph" or _is_note_or_caption(before.text):
        return False
    if type(after) is not Paragraph or after.kind != "paragraph" or _is_note_or_caption(after.text):
        return False
    opening, last = by_number.get(before.span.start), by_number.get(before.span.end)
    first = by_number.get(after.span.start)
    if opening is None or last is None or first is None:
        return False
    if opening.layout is None or last.layout is None or first.layout is None:
        return False
    return (
        _indented(opening)  # the document marks a paragraph's start: a flush line goes on
        and stops_short_of_column(last) is False  # ran to its column's edge
        and not last.text.rstrip().endswith(_NOT_CUT_AFTER)
        and _flush(first)
        and abs(first.layout.size - last.layout.size) <= SAME_SIZE * last.layout.size
        and LIST_MARKER.fullmatch(first.text) is None
        and not _opens_with_a_symbol(first.text)  # an arrow, a bullet, a mark: an item, not a continuation
        and _only_floats_between(last.number, first.number, floats, by_number)
        and not _wraps_caption(floats[-1], first, by_number)
    )


def _wraps_caption(float_: object, first: Line, by_number: dict[int, Line]) -> bool:
    """Whether ``first`` stands right under a caption, at its own leading, in its column: the
    caption's title wrapped onto a second line, not the text going on."""
    if type(float_) is not Paragraph or not (float_.kind == "caption" or is_caption(float_.text)):
        return False
    above = by_number.get(float_.span.end)
    if above is None or above.layout is None or first.layout is None or above.page != first.page:
        return False
    return (abs(above.layout.column_x0 - first.layout.column_x0) < first.layout.size
            and 0 < first.layout.top - above.layout.top <= CAPTION_LEADING * first.layout.size)


def _indented(line: Line) -> bool:
    """Whether the line starts in from its column's left edge by a paragraph's first-line indent."""
    assert line.layout is not None
    inset = (line.layout.x0 - line.layout.column_x0) / line.layout.size
    return SAME_START < inset <= INDENT_MOST


def _flush(line: Line) -> bool:
    """Whether the line starts at its column's left edge."""
    assert line.layout is not None
    return line.layout.x0 <= line.layout.column_x0 + SAME_START * line.layout.size


def _opens_with_a_symbol(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and unicodedata.category(stripped[0]).startswith("S")


def _only_floats_between(last: int, first: int, floats: list, by_number: dict[int, Line]) -> bool:
    """Whether every body line between the halves is a float's, a note's at the page's foot or a
    figure's label: nothing of the text is skipped by the join."""
    held = {number for item in floats for number in range(item.span.start, item.span.end + 1)}
    return all(
        line.number in held or (line.layout is not None and line.layout.role in ("footnote", "figure"))
        for line in _body_lines(last + 1, first - 1, by_number)
    )


def _body_lines(start: int, end: int, by_number: dict[int, Line]) -> list[Line]:
    return [by_number[n] for n in range(start, end + 1) if n in by_number and by_number[n].kind == "body"]
