"""Excerpts of other notices quoted in a notice: their numbering is theirs, not this document's outline.

A notice that corrects or amends other notices (「…の一部訂正について」「…の一部改正について」) attaches,
for each notice it changes, the changed passages as printed in that notice: an attachment label
(「（別添１）」), the quoted notice's title and its issue reference (「（令和２年３月５日保医発0305第１号）」),
then the excerpt.  An excerpt keeps the quoted notice's own numbering so that the reader can find the
passage there — 「別添１」, 「第２章　特掲診療料」, 「第１部　医学管理等」, 「(３)」 — and leaves out what does
not change: 「(１)～（２）（略）」「１～15（略）」.  Those numbers place a passage in the other text; read
as this document's headings they make a deep outline of chapters and items with a sentence or two
each, its numbering skipping wherever the excerpt elides.

So where a document's attachments open with a quoted notice's title and issue reference, and its
excerpts elide with （略）, the lines of each excerpt (up to the next attachment of this document) are
read as text, never as headings — except the quoted notice's own attachment labels (「別添１」 with its
title), which name the part of that notice the excerpt comes from: the one place a reader looks for.
Its sheets and forms (「別紙７」「（別紙）」「様式 65」) are quoted text like the rest.

An attachment that reproduces another notice whole elides nothing: its numbering is the text's own
outline, and this rule leaves it alone.

Guidelines and white papers quote other texts the same way, under a line that names the quoted text
and says so: 「〇G7デジタル・技術大臣会合閣僚宣言（2023年４月30日）（仮訳、抜粋）」, 「〇教育振興基本計画（2023年
６月16日 閣議決定）」, 「小学校学習指導要領（平成29年３月告示）抜粋」.  The numbered lines under it — 「第１章
総則」「（２）グリーントランスフォーメーション…」「Ⅱ．今後の…」「42.」 — are the quoted text's numbering,
up to the next such line, this document's next bracketed part (「【別添４】」), the next number of a
numbering this document had open before the quotation, or the end of the page (a quotation that
runs on is left to the other rules there: where it ends is no longer plain).  The naming line itself is a heading only
where this document's own label or form makes it one; marked like a point (「〇」), it is the
quotation's source line: text.  Unnumbered titles under it (「【学習場面での…事例】」 under
「…先行取組事例（一部抜粋）」, this document's own selection) are left to the other rules.
"""

from __future__ import annotations

import re

from ..model.document import Line
from ..text.numbering import heading_of, number_value
from .candidates import numbered_candidates

# The issue reference printed under a quoted notice's title: its date, then its number or kind, in
# brackets (「（令和２年３月５日保医発 0305 第１号）」「（令和２年３月５日事務連絡）」「（平成25年３月29日付け通知）」).
ISSUE_REFERENCE = re.compile(
    r"[（(]\s*(?:令和|平成|昭和)\s*(?:元|[0-9０-９]{1,2})\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日"
    r"\s*(?:付け?)?[^（）()]{0,30}?(?:第\s*[0-9０-９]{1,3}\s*号|事務連絡|通知)\s*[）)]")

# An attachment label of this document, in brackets, alone or before its title: 「（別添１）」「【別添２】」.
ATTACHMENT_LABEL = re.compile(r"(?P<open>[（(【〔])\s*(?P<word>別添|別紙)\s*[0-9０-９]{0,2}\s*[）)】〕]")

# The quoted notice's own attachment, unbracketed: 「別添１」, alone or before its title.
QUOTED_PART = re.compile(r"別添\s*[0-9０-９]{1,2}(?:[ \u3000]+\S.*)?")

# A line saying items of the quoted text are left out: 「（略）」「(１)～（２）（略）」「１～15（略）」.
ELISION = re.compile(r".{0,20}[（(]\s*略\s*[）)]")

# How many lines the quoted notice's title may take between the label and the issue reference.
TITLE_LINES = 3

# A line naming a quoted text: its title, then a note that it is an excerpt or a translation
# (「（仮訳、抜粋）」「（一部抜粋）」「…告示）抜粋」), or the date it was decided on (「（2023年６月16日 閣議決定）」).
_EXCERPT_NOTE = re.compile(r"(?:[（(][^（）()]*(?:抜粋|仮訳)[^（）()]*[）)]|[）)]\s*抜粋)$")
_DECISION_NOTE = re.compile(
    r"[（(][^（）()]*(?:[0-9０-９]{4}|令和|平成|昭和)[^（）()]*年[^（）()]*月[^（）()]*日[^（）()]{0,24}?"
    r"(?:閣議決定|決定|告示)[）)]$")
# The naming line marked like a point, not labelled like a part: the quotation's source line.
_POINT_MARK = re.compile(r"[〇○◯]")
# This document's own parts in brackets end a quotation: 「【別添４】」「【参考１】」「（別紙）」.
_OWN_PART = re.compile(r"[【〔［(（]\s*(?:別添|別紙|参考|付録|資料)")
# A quoted text's title is a line, not a sentence of this document's prose.
_LONGEST_NAME = 80


def quoted_excerpt_lines(lines: list[Line]) -> frozenset[int]:
    """Indexes of the body lines that are quoted text, never headings of this document: excerpts of
    quoted notices (the quoted notice's own 「別添N」 labels excepted; none unless the excerpts elide)
    and the numbered lines of texts quoted under a line naming them."""
    return quoted_notice_lines(lines) | named_quotation_lines(lines)


def quoted_notice_lines(lines: list[Line]) -> frozenset[int]:
    """The lines of the excerpts an amending notice's attachments quote from other notices."""
    excerpts = [_excerpt(lines, start) for start in _quoted_openings(lines)]
    if not any(_elides(lines, first, end) for first, end in excerpts):
        return frozenset()
    return frozenset(
        index for first, end in excerpts for index in range(first, end)
        if lines[index].kind == "body" and QUOTED_PART.fullmatch(lines[index].text.strip()) is None)


def names_a_quotation(text: str) -> bool:
    """Whether a line names a text quoted below it (its title with an excerpt or decision note)."""
    text = text.strip()
    return (len(text) <= _LONGEST_NAME and "。" not in text
            and (_EXCERPT_NOTE.search(text) is not None or _DECISION_NOTE.search(text) is not None))


def named_quotation_lines(lines: list[Line]) -> frozenset[int]:
    """The numbered lines of texts quoted under a line naming them, and naming lines marked like a point."""
    openings = [index for index, line in enumerate(lines) if line.kind == "body" and names_a_quotation(line.text)]
    if not openings:
        return frozenset()
    candidates = numbered_candidates(lines)
    found: set[int] = set()
    for position, opening in enumerate(openings):
        if _POINT_MARK.match(lines[opening].text.strip()):
            found.add(opening)
        end = openings[position + 1] if position + 1 < len(openings) else len(lines)
        # This document's numbering so far: the numbers of earlier quotations are theirs.
        last = {c.rank: c.value for c in candidates if c.index < opening and c.index not in found}
        for index in range(opening + 1, end):
            line = lines[index]
            if line.kind != "body":
                continue
            if line.page != lines[opening].page or _OWN_PART.match(line.text.strip()) or _continues(line, last):
                break
            heading = heading_of(line.text)
            if heading is not None and heading[1]:
                found.add(index)
    return frozenset(found)


def _continues(line: Line, last: dict[int, int]) -> bool:
    """Whether a numbered line is the next number of a numbering open before the quotation."""
    heading = heading_of(line.text)
    if heading is None or not heading[1] or heading[0].weak:
        return False
    value = number_value(heading[1])
    return value is not None and last.get(heading[0].rank) == value - 1


def _quoted_openings(lines: list[Line]) -> list[tuple[int, re.Match[str]]]:
    """(issue reference's line, the attachment label above it) of each attachment quoting a notice."""
    found: list[tuple[int, re.Match[str]]] = []
    for index, line in enumerate(lines):
        if line.kind != "body" or ISSUE_REFERENCE.fullmatch(line.text.strip()) is None:
            continue
        label = _label_above(lines, index)
        if label is not None:
            found.append((index, label))
    return found


def _label_above(lines: list[Line], index: int) -> re.Match[str] | None:
    """The attachment label opening the quoted title that ends above ``index``: on the line above the
    title, or starting the title's own line (「（別添４）特定保険医療材料の…について」)."""
    seen = 0
    for probe in range(index - 1, -1, -1):
        if lines[probe].kind != "body":
            continue
        label = ATTACHMENT_LABEL.match(lines[probe].text.strip())
        if label is not None:
            return label
        seen += 1
        if seen > TITLE_LINES:
            return None
    return None


def _excerpt(lines: list[Line], opening: tuple[int, re.Match[str]]) -> tuple[int, int]:
    """The excerpt's lines [first, end): after the issue reference up to this document's next
    attachment — the next label in the same brackets with the same word — or the document's end."""
    reference, label = opening
    for probe in range(reference + 1, len(lines)):
        other = ATTACHMENT_LABEL.match(lines[probe].text.strip()) if lines[probe].kind == "body" else None
        if other is not None and _same_form(other, label):
            return reference + 1, probe
    return reference + 1, len(lines)


def _same_form(label: re.Match[str], other: re.Match[str]) -> bool:
    """Labels of one series: the same word in the same brackets (full or half width alike)."""
    return (label["word"], _WIDTH.get(label["open"], label["open"])) == (
        other["word"], _WIDTH.get(other["open"], other["open"]))


_WIDTH = {"(": "（"}


def _elides(lines: list[Line], first: int, end: int) -> bool:
    return any(lines[index].kind == "body" and ELISION.fullmatch(lines[index].text.strip())
               for index in range(first, end))
