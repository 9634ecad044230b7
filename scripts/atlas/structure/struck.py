"""Words struck out on the page (見え消し) marked as deleted in the text that holds them.

A correction notice (訂正) or a draft showing its changes prints the deleted words struck through
beside the words that replace them (「看護職員看護要員」, the second struck).  Read as text the two run
together and the correction is lost.  The PDF reader notes, line by line, which words a stroke is
drawn through (``Layout.struck``); here each is found again in the paragraph or list item its line
went into and marked ``DELETED`` (an inline mark, like a link: the text itself is unchanged, so
every character is still counted).  Tables and headings keep their text plain.
"""

from __future__ import annotations

from ..model.document import DELETED, Draft, InlineLink, Line, ListBlock, ListItem, Paragraph


def mark_struck_words(draft: Draft, lines: list[Line]) -> None:
    """Each struck run of the lines a paragraph or list item was read from, marked deleted in it."""
    by_number = {line.number: line for line in lines}
    for item in draft.items:
        if isinstance(item, Paragraph) and item.kind in ("paragraph", "caption"):
            _mark(item, by_number)
        elif isinstance(item, ListBlock):
            for entry in item.items:
                _mark(entry, by_number)


def _mark(target: Paragraph | ListItem, by_number: dict[int, Line]) -> None:
    runs = [run for number in range(target.span.start, target.span.end + 1)
            if (line := by_number.get(number)) is not None and line.kind == "body" and line.layout is not None
            for run in line.layout.struck]
    if not runs:
        return
    # Searched with the whitespace left out: joining lines and rejoining spaced letters move spaces.
    ink = [(index, char) for index, char in enumerate(target.text) if not char.isspace()]
    squeezed = "".join(char for _, char in ink)
    cursor = 0
    for before, words in runs:
        words = "".join(words.split())
        found = squeezed.find(before + words, cursor)
        start = found + len(before) if found >= 0 else squeezed.find(words, cursor)
        if start < 0:
            continue  # not in this text (a line the structure set elsewhere): left plain
        end = start + len(words)
        offset, last = ink[start][0], ink[end - 1][0]
        if all(offset >= link.offset + link.length or last < link.offset for link in target.links):
            target.links.append(InlineLink(offset, last + 1 - offset, DELETED))
        cursor = end
    target.links.sort(key=lambda link: link.offset)
