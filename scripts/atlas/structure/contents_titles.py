"""The body lines a printed table of contents names: evidence that they are the document's headings.

A contents list set with dot leaders and page numbers (「8 人的資源のセキュリティ ……… 27」) is
furniture (page_furniture marks it ``toc``) and never a heading itself.  But it prints every part's
number and title as the author set them, so a later body line that reads the same (「8　人的資源の
セキュリティ」) opens that part — whatever its shape alone would suggest.  A number, a space and
「人…」 reads like a count (「8 人」: eight people) and would be refused; refusing a chapter puts
every chapter after it out of sequence, and the rest of the document runs on under the last
heading taken (a guideline's chapters 8 to 15 under 「7.2.2」).  The contents list settles it.

Only a whole entry counts: its number and its title, matched in order after the list (each entry
names the first line after the previous one's), width and spaces folded.

A word processor's contents field sets a tab between an entry's number and its title; the text layer
of the PDF may carry nothing for it (「1.1見本の目的………1」 over the body's 「1.1 見本の目的」).  Such an
entry reads as no number at all, so an entry that starts with a digit is looked for too, and counts
when the line it names is numbered in the body: the body's own line shows the number the tab cut off.
"""

from __future__ import annotations

import re
import unicodedata

from ..model.document import Line
from ..text.numbering import heading_of

# An entry's leader and page number (「 ……… 27」, 「.......... 3」), or a page number after spaces.
_LEADER_AND_PAGE = re.compile(r"\s*(?:[.．…‥・･]{2,}\s*|\s)\s*\d{1,4}\s*$")


def contents_titles(lines: list[Line]) -> frozenset[int]:
    """Indices of the body lines whose number and title a leader contents list printed before them."""
    named: set[int] = set()
    start = 0
    for index, line in enumerate(lines):
        if line.kind != "toc":
            continue
        entry = _entry_text(line.text)
        if entry is None:
            continue
        text, numbered = entry
        target = next((probe for probe in range(max(start, index + 1), len(lines))
                       if lines[probe].kind == "body" and _folded(lines[probe].text) == text), None)
        if target is not None and (numbered or numbered_line(lines[target].text)):
            named.add(target)
            start = target + 1
    return frozenset(named)


def _entry_text(text: str) -> tuple[str, bool] | None:
    """A numbered entry's number and title, folded (its leader and page number cut off), and whether it
    reads as numbered by itself (False: it starts with a digit, its number glued to its title), else None."""
    entry = _LEADER_AND_PAGE.sub("", text)
    if entry == text:
        return None  # no page number: not an entry of a leader contents list
    if numbered_line(entry):
        return _folded(entry), True
    if entry.strip()[:1].isdigit():
        return _folded(entry), False  # numbered if the body's line is (the module's docstring)
    return None  # only numbered entries: a bare title may stand again in the text


def numbered_line(text: str) -> bool:
    """Whether a line reads as a numbered heading: its number and its title."""
    heading = heading_of(text.strip())
    return heading is not None and bool(heading[1])


def _folded(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
