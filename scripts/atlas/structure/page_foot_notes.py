"""Numbered lines at the foot of a page: notes (an author's affiliation, a source), not headings.

「1　東京大学大学院情報学環」 under the authors' names, 「1 総務省「…」」 under page 1's text: a number,
a space and words — the shape of a weak heading (「1　はじめに」).  Taken for chapter 1, such a note
leaves an empty chapter and puts every real chapter after it out of sequence (issue 23, failure
mode 2).  A heading heads the text below it; word processors never leave one as the last line of
its page.  So the numbered lines that close a page, with only other such lines after them on the
page and more pages to come, are notes — unless a PDF line goes on from a number printed in the
page's text above it, at the same place: 「2　…」 under the 「1　…」 of the paragraphs it numbers (a
judgment left without keeping a title with its text), where a note's number would be its own.
"""

from __future__ import annotations

import re

from ..model.document import Line

# 「1　…」「＊2 …」「※1 …」「注3 …」: a note's label and its text.
NOTE_LINE = re.compile(r"(?:\d{1,3}|[＊*※]\d{0,3}|注\d{1,3})[ \u3000]+\S.*")


def page_foot_notes(lines: list[Line]) -> frozenset[int]:
    """Indexes of the numbered lines that close their page (pages known, a later page following)."""
    pages: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if line.kind == "body" and line.page > 0:
            pages.setdefault(line.page, []).append(index)
    last_page = max(pages, default=0)
    found: set[int] = set()
    for page, indexes in pages.items():
        if page == last_page:
            continue  # the document's last lines: nothing after them shows they close a page
        run: list[int] = []
        for index in reversed(indexes):
            if NOTE_LINE.fullmatch(lines[index].text) is None:
                break
            run.append(index)
        above = [lines[index] for index in indexes if index not in run]
        found.update(index for index in run if not _goes_on_from_the_text(lines[index], above))
    return frozenset(found)


def _goes_on_from_the_text(line: Line, above: list[Line]) -> bool:
    """Whether a PDF line's number is the next after one printed at the same place in the text above
    it on its page (「2　…」 under 「1　…」): the paragraphs' numbering, no note's."""
    number = re.match(r"\d{1,3}", line.text)
    if number is None or line.layout is None:
        return False
    before = f"{int(number.group()) - 1}"
    return any(NOTE_LINE.fullmatch(other.text) and re.match(rf"{before}\D", other.text)
               and other.layout is not None and abs(other.layout.x0 - line.layout.x0) < line.layout.size * 0.5
               for other in above)
