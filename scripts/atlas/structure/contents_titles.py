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
        target = next((probe for probe in range(max(start, index + 1), len(lines))
                       if lines[probe].kind == "body" and _folded(lines[probe].text) == entry), None)
        if target is not None:
            named.add(target)
            start = target + 1
    return frozenset(named)


def _entry_text(text: str) -> str | None:
    """A numbered entry's number and title, folded (its leader and page number cut off), else None."""
    entry = _LEADER_AND_PAGE.sub("", text)
    if entry == text:
        return None  # no page number: not an entry of a leader contents list
    heading = heading_of(entry.strip())
    if heading is None or not heading[1]:
        return None  # only numbered entries: a bare title may stand again in the text
    return _folded(entry)


def _folded(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
