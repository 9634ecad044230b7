"""Section titles printed as a bare word: 「総務」「財政」「教育」 over the paragraphs of a speech.

A policy speech (施政方針, 所信表明) or an address heads its parts with the field it turns to, a word
or two alone on a line, no number and no mark; set in the same type as the text in many PDFs.
Alone, such a line looks like the short last line of a paragraph or a label in a figure.  What
makes the words titles is the whole document: several of them, all different, each after a
sentence's end and above a paragraph of its own whose first sentence ends within a few lines.
A short line that recurs (a speaker's name over each turn, a table's heading row) is no title,
nor are short lines close together (a glossary's terms, a table's cells: each over a line or two).
And a document that numbers its parts has its outline: there, a bare word is a table's cell or a
figure's label, never a section; bare titles are read only where no numbered outline is printed.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model.document import Line
from ..text.numbering import CLOSING, CONTINUATION_START, LIST_MARKER, display_width, heading_of

# A bare title: kanji, kana and the joining marks of compound names (「子ども・子育て」「デジタル
# 田園都市」), 2 to 12 characters; no punctuation, digit or space; maybe in brackets (「（総務）」).
_WORDS = r"[\u4e00-\u9fff\u3041-\u3096\u30a1-\u30fa\u30fc・]{2,12}"
_BARE_WORDS = re.compile(rf"{_WORDS}|（{_WORDS}）|〔{_WORDS}〕|＜{_WORDS}＞")
# Particles and endings that close a clause: a line ending in one is the rest of a sentence.
_ENDS_A_CLAUSE = tuple("をにがはのでとへやもるたすいうくしつ")
# Words that close a notice or stand alone without heading anything.
_NOT_TITLES = frozenset({"以上", "記", "別記", "目次", "概要"})
# At least this many different bare titles before any is believed.
SHORTEST_RUN = 3
# The paragraph under a title ends its first sentence within this many lines.
_FIRST_SENTENCE_LINES = 4
# A section of a speech says something: at least this many sentences before the next title.
_SECTION_SENTENCES = 2
# A document with this many numbered headings has a printed outline of its own.
_NUMBERED_OUTLINE = 3


def bare_titles(lines: list[Line]) -> frozenset[int]:
    """Indexes of the bare-word titles of the document (see the module's docstring)."""
    body = [index for index, line in enumerate(lines) if _in_text(line)]
    if sum(1 for index in body if _numbered_heading(lines[index].text)) >= _NUMBERED_OUTLINE:
        return frozenset()
    candidates = [
        index for position, index in enumerate(body)
        if _bare(lines[index].text) and _after_a_sentence(lines, body, position)
        and _above_a_paragraph(lines, body, position)
    ]
    counts = Counter(lines[index].text.strip() for index in candidates)
    titles = [index for index in candidates if counts[lines[index].text.strip()] == 1]
    if len(titles) < SHORTEST_RUN:
        return frozenset()
    ends = [*titles[1:], len(lines)]
    with_sections = [start for start, end in zip(titles, ends, strict=True)
                     if sum(lines[probe].text.count("。") for probe in range(start + 1, end)) >= _SECTION_SENTENCES]
    # Most of them head a section of their own (short lines close together are a table's cells).
    if len(with_sections) < SHORTEST_RUN or 3 * len(with_sections) < 2 * len(titles):
        return frozenset()
    return frozenset(with_sections)


def _numbered_heading(text: str) -> bool:
    heading = heading_of(text.strip())
    return heading is not None and bool(heading[1]) and not heading[0].weak


def _bare(text: str) -> bool:
    text = text.strip()
    return (
        _BARE_WORDS.fullmatch(text) is not None
        and text.strip("（）〔〕＜＞") not in _NOT_TITLES
        and not text.rstrip("）〕＞").endswith(_ENDS_A_CLAUSE)
        and not text.startswith(CONTINUATION_START)
        and heading_of(text) is None
    )


def _after_a_sentence(lines: list[Line], body: list[int], position: int) -> bool:
    """The line above ends a sentence (or there is none, or a page starts with the title)."""
    if position == 0 or lines[body[position]].page_start:
        return True
    return lines[body[position - 1]].text.rstrip().endswith(tuple(CLOSING))


def _above_a_paragraph(lines: list[Line], body: list[int], position: int) -> bool:
    """The lines below open a paragraph of prose (not a list, a heading or another short line) whose
    first sentence ends within _FIRST_SENTENCE_LINES lines, the first of them longer than the title."""
    below = [lines[index].text for index in body[position + 1:position + 1 + _FIRST_SENTENCE_LINES]]
    if not below:
        return False
    first = below[0].strip()
    if (LIST_MARKER.fullmatch(first) or heading_of(first) is not None or _bare(first)
            or display_width(first) <= 2 * display_width(lines[body[position]].text.strip())):
        return False
    return any("。" in text for text in below)


def _in_text(line: Line) -> bool:
    return line.kind == "body" and bool(line.text.strip()) and not (
        line.layout is not None and line.layout.role in ("footnote", "figure"))
