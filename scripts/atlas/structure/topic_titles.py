"""Titles that name the topic of their block, 「…について」, alone on their lines over its text.

An explanation appended to a rule (its 【参考】), a notice's or a council paper's reference notes, head
each block with the topic it explains and nothing else: 「「〇〇区域」について」, 「〇〇の扱いについて」.  The
line is set in the text's own face and size (no mark, no number, no display type tells it), so only how
it stands in the text makes it a title, not a sentence's lead-in whose line happens to end on its
particle:

- its words end in について and stop there: no punctuation, no mark or bullet, no number (a numbered
  line is its numbering's to weigh), short of the column (a sentence goes on to the column's edge);
- it stands alone: after a sentence's end or a table, or straight under a heading's or label's line
  (「【参考】」 over its first topic), never in a cover's or a letter's title block (a date, a sender above it); in
  a PDF also set apart: a gap above it, a page's top, or that heading's line straight above;
- its block is prose: the next line opens words of a paragraph (no item of a list, no number, no
  table's row) in type no larger than the line's, and a sentence ends in its first lines;
- the document heads several blocks so (SHORTEST_RUN), each with words of its own: one such line is a
  lead-in as often as a title, and one printed again and again (「「…」について」 over each page) is the
  document's name.

The structure step gives these lines the kind ``TOPIC_KIND``; where they nest (under the heading open
above them, siblings of one another) is title_ranks.py's.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model.document import Line
from ..text.numbering import CLOSING, LIST_MARKER, display_width, heading_of, title_like
from .marked_titles import SHORTEST_RUN, mark_kind
from .typeset import Typesetting, stops_short_of_column

# The kind the structure step gives a topic's title (title_ranks.title_rank nests it).
TOPIC_KIND = "（について）"
# A topic's title: words ending in について, with no sentence's punctuation or particle after it.
_TOPIC = re.compile(r"[^、。，．,.:：]{2,60}について")
# A title is set shorter than the column by a good margin (text sources: the wrap width).
_TITLE_WIDTH = 0.85
# How many lines of the block are read for a sentence's end.
_FIRST_LINES = 8
# A block's text opens with words (maybe bracketed, 「（最大規模）…」), not a number or a mark.
_OPENS_WORDS = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fffA-Za-z「『（(]")


def topic_titles(lines: list[Line], width: int, typeset: Typesetting | None = None) -> frozenset[int]:
    """Indices of the lines that title their block by its topic (see above; ``typeset``: a PDF's
    typesetting, None reads the text alone)."""
    body = [index for index, line in enumerate(lines) if _in_text(line)]
    found = [body[position] for position in range(len(body)) if _stands_as_a_topic(lines, body, position, width,
                                                                                    typeset)]
    words = Counter(_folded(lines[index].text) for index in found)
    distinct = [index for index in found if words[_folded(lines[index].text)] == 1]
    return frozenset(distinct) if len(distinct) >= SHORTEST_RUN else frozenset()


def _stands_as_a_topic(lines: list[Line], body: list[int], position: int, width: int,
                       typeset: Typesetting | None) -> bool:
    line = lines[body[position]]
    text = line.text.strip()
    if not _TOPIC.fullmatch(text) or not title_like(text) or heading_of(text) is not None \
            or LIST_MARKER.fullmatch(text) or mark_kind(text) is not None or "\t" in text:
        return False
    if _reaches_the_edge(line, width):
        return False  # a sentence going on below
    if typeset is not None and typeset.is_large(line):
        return False  # set larger than the body: a title its size makes (headings.layout_heading), or a cover's
    if position == 0:
        return False  # the document's first line: its title
    above = lines[body[position - 1]]
    under_a_heading = heading_of(above.text.strip()) is not None
    if not (above.text.endswith(tuple(CLOSING)) or under_a_heading or "\t" in above.text):
        return False  # a title block's line (a date or a sender over it), or a sentence's middle (a table's
        # last row, its cells apart, closes its block as a sentence's end does)
    if typeset is not None and line.layout is not None and not (
            typeset.gap_before(line) or line.page_start or under_a_heading):
        return False  # set on in the text, no gap: a paragraph's short line
    return _over_its_text(lines, body, position, width, typeset)


def _over_its_text(lines: list[Line], body: list[int], position: int, width: int,
                   typeset: Typesetting | None) -> bool:
    """The next line opens a paragraph in type no larger than the title's, and a sentence ends within
    the block's first lines (before another topic's line)."""
    if position + 1 >= len(body):
        return False
    line, below = lines[body[position]], lines[body[position + 1]]
    text = below.text.strip()
    if not _OPENS_WORDS.match(text) or LIST_MARKER.fullmatch(text) or heading_of(text) is not None \
            or "\t" in text or _TOPIC.fullmatch(text):
        return False
    if typeset is not None and typeset.is_large(below) and not typeset.is_large(line):
        return False  # a heading set larger under it: the line is no title over text
    for index in body[position + 1:position + 1 + _FIRST_LINES]:
        if _TOPIC.fullmatch(lines[index].text.strip()):
            return False
        if "。" in lines[index].text:
            return True
    return False


def _reaches_the_edge(line: Line, width: int) -> bool:
    short = stops_short_of_column(line)
    if short is not None:
        return not short
    return display_width(line.text) >= width * _TITLE_WIDTH


def _folded(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _in_text(line: Line) -> bool:
    return line.kind == "body" and not (line.layout is not None and line.layout.role in ("footnote", "figure"))
