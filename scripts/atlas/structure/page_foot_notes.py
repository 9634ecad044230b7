"""Numbered lines at the foot of a page: notes (an author's affiliation, a source), not headings.

「1　東京大学大学院情報学環」 under the authors' names, 「1 総務省「…」」 under page 1's text: a number,
a space and words — the shape of a weak heading (「1　はじめに」).  Taken for chapter 1, such a note
leaves an empty chapter and puts every real chapter after it out of sequence (issue 23, failure
mode 2).  A heading heads the text below it; word processors never leave one as the last line of
its page.  So the numbered lines that close a page, with only other such lines after them on the
page and more pages to come, are notes.
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
        for index in reversed(indexes):
            if NOTE_LINE.fullmatch(lines[index].text) is None:
                break
            found.add(index)
    return frozenset(found)
