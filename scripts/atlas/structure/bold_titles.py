"""Unnumbered titles set in bold at about the body's size: a part's sub-titles (PDF sources only).

A report or a council's paper written in a word processor heads the parts of a numbered section
with titles of their own, unnumbered, set in the bold of the text's face at the body's size or a
point above it (「生成AIの可能性」 in 11 pt bold over a 10.5 pt body), each alone on its line over
the paragraphs it heads.  By its size such a line is no heading (headings.layout_heading takes
unnumbered display type when it is clearly larger than the body, or centred); by its face it is
display type, as are many lines that head nothing: a paragraph's lead-in, a table's header row, a
callout's words, a list of titles (a contents page), points set in bold.

What makes the line a title is how it stands in the text:

- it is whole on its line, shorter than the measure (no sentence wrapped onto the next line), reads
  as a title (no 。, no comma or colon at its end, no bullet or number of a list's item);
- the line above it is not set as it is (bold lines one under another are a list or a table's
  header, not a title over text);
- the next line of the text (past notes at a page's foot and the page's turn: a word processor does
  not always keep a title with its text) is set in the body's own type and is a paragraph's line:
  run to the column's edge, or ending a sentence — or it is the first of the title's own numbered
  sub-titles (「①…」), set in another bold;
- the document sets several such titles in that style (size and face), each with its own words: a
  style used once is a callout's or an emphasis's, a words printed over and over (「ポイント」 over
  each box) a label.
"""

from __future__ import annotations

from collections import Counter

from ..model.document import Line
from ..text.numbering import (
    BULLETS,
    CIRCLED,
    CLOSING_BRACKETS,
    HALF_WIDTH_STOPS,
    LIST_MARKER,
    SENTENCE_STOPS,
    heading_of,
    title_like,
)
from .typeset import Style, Typesetting, stops_short_of_column, style_of

# A document sets at least this many titles in one bold style before any of them is believed.
TITLES_IN_STYLE = 3
# A title does not end on these: a lead-in to a list or a sentence broken at a comma.
_LEAD_IN_ENDS = tuple("：:、，,")


def bold_titles(lines: list[Line], typeset: Typesetting) -> frozenset[int]:
    """Indices of the lines read as unnumbered titles in bold at about the body's size (see above)."""
    found: dict[Style, list[int]] = {}
    for index, line in enumerate(lines):
        style = style_of(line)
        if style is not None and _stands_as_a_title(lines, index, typeset):
            found.setdefault(style, []).append(index)
    titles: set[int] = set()
    for indices in found.values():
        words = Counter(lines[index].text.replace(" ", "") for index in indices)
        distinct = [index for index in indices if words[lines[index].text.replace(" ", "")] == 1]
        if len(distinct) >= TITLES_IN_STYLE:
            titles.update(distinct)
    return frozenset(titles)


def _stands_as_a_title(lines: list[Line], index: int, typeset: Typesetting) -> bool:
    line = lines[index]
    layout = line.layout
    if line.kind != "body" or layout is None or layout.role or layout.bar:
        return False
    if not typeset.is_display(line) or typeset.is_large(line) or not layout.bold:
        return False  # only bold at about the body's size: larger type is weighed by its size
    text = line.text.strip()
    if (not title_like(text) or heading_of(text) is not None or LIST_MARKER.match(text)
            or text.startswith(tuple(BULLETS))
            or text.rstrip(CLOSING_BRACKETS).endswith(tuple(SENTENCE_STOPS + HALF_WIDTH_STOPS) + _LEAD_IN_ENDS)):
        return False
    if typeset.stopped_short(line) is not True:
        return False  # run to the column's edge: a sentence in bold going on below
    above = _text_line(lines, index, -1)
    if above is not None and lines[above].page == line.page and typeset.same_style(lines[above], line) \
            and not _numbered(lines[above].text.strip()):
        return False  # bold lines stacked: a list of titles, a table's header, a callout (not under a point's title)
    below = _text_line(lines, index, 1)
    if below is None:
        return False
    nxt = lines[below]
    body = typeset.body_of(nxt)
    if body is None or nxt.page not in (line.page, line.page + 1):
        return False
    if style_of(nxt) != body:
        # Over the first of its own sub-titles in another bold: numbered (「①…」), or a lesser title
        # (a bracket label 「［要点1］…」 at the body's size under a title a point larger).
        return bool(typeset.is_display(nxt)) and not typeset.is_large(nxt) and (
            _numbered(nxt.text.strip()) or _lesser_title(nxt, line))
    # A paragraph's line (run to the edge, or ending a sentence), or the first item of a bulleted list
    # the title heads (「関連資料」 over 「● …」 each naming one; a 「※」 note is no item).
    return (typeset.stopped_short(nxt) is False or nxt.text.rstrip(CLOSING_BRACKETS).endswith(tuple(SENTENCE_STOPS))
            or _bulleted(nxt.text))


def _bulleted(text: str) -> bool:
    marker = LIST_MARKER.match(text)
    return marker is not None and marker["marker"].strip()[:1] in BULLETS.replace("※", "")


def _lesser_title(line: Line, over: Line) -> bool:
    """Whether a bold line reads as a title of a lower rank than the bold line ``over`` it: set
    smaller (a Word document's titles a point above the body, their sub-titles in the body's bold),
    whole on its line and no sentence."""
    layout, above = line.layout, over.layout
    if layout is None or above is None or not layout.bold or layout.size >= above.size:
        return False
    text = line.text.strip()
    return (title_like(text) and stops_short_of_column(line) is True and not text.startswith(tuple(BULLETS))
            and not text.rstrip(CLOSING_BRACKETS).endswith(tuple(SENTENCE_STOPS + HALF_WIDTH_STOPS) + _LEAD_IN_ENDS))


def _numbered(text: str) -> bool:
    """Whether the text reads as a numbered title: 「（1）…」「①…」."""
    return heading_of(text) is not None or CIRCLED.pattern.fullmatch(text) is not None


def _text_line(lines: list[Line], index: int, step: int) -> int | None:
    """The nearest body line of the text before (step -1) or after (step 1) ``index``: past blank
    lines, furniture (a page's number) and notes or figure labels (a layout role)."""
    probe = index + step
    while 0 <= probe < len(lines):
        line = lines[probe]
        if line.kind == "body" and line.layout is not None and not line.layout.role:
            return probe
        probe += step
    return None
