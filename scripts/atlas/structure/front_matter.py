"""A report's front matter that looks like a part's title: the title over the list of its members.

A council's or a study group's report prints, before its text, who wrote it: 「○○会議 構成員」 or
「○○研究会 委員名簿」, centred over the members' names and affiliations, one a line.  The title names
the list under it (its caption), not a part of the report's argument: before the report's first part
it is read as text, with the list.  Printed after the report's parts (「【別添】 委員名簿」 at the end,
a 【会議構成員】 section of a guideline) the same list is one of its parts — an annex a reader looks
for in the outline — and the heading decision weighs it as any other title (headings.py asks only
while no heading has been read).
"""

from __future__ import annotations

import re

from ..model.document import Line
from ..text.numbering import heading_of
from ..text.page_furniture import next_body

# The words a members' list is titled by, last on the title's line (a note of the order may follow:
# 「（五十音順、敬称略）」): 構成員, 委員名簿, 委員一覧, 構成員名簿, メンバー一覧, 名簿.  A bare 「委員」 ends a
# speaker's label in minutes (「○山田委員」): not here.
_MEMBERS_TITLE = re.compile(r"(?:.*\S\s*)?(?:構成員(?:名簿|一覧)?|(?:委員|メンバー)(?:名簿|一覧)|名簿)"
                            r"(?:\s*[（(][^（()）]*[）)])?")
# How many lines under the title are looked at: a list of members holds two names or more.
_LIST_LINES = 2


def members_list_titles(lines: list[Line]) -> frozenset[int]:
    """Unnumbered lines that title a list of members (see the module's docstring): the title's words,
    and under it lines that are no sentences (names and affiliations)."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        text = line.text.strip()
        if line.kind != "body" or not _MEMBERS_TITLE.fullmatch(text) or heading_of(text) is not None:
            continue
        under: list[int] = []
        probe: int | None = index
        while len(under) < _LIST_LINES and (probe := next_body(lines, probe)) is not None:
            under.append(probe)
        # (a name and its affiliation have no 。; a paragraph that opens under a title does)
        if len(under) == _LIST_LINES and not any("。" in lines[i].text for i in under):
            found.add(index)
    return frozenset(found)
