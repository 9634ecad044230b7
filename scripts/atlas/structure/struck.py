"""Words struck out on the page (見え消し) marked as deleted in the text that holds them.

A correction notice (訂正) or a draft showing its changes prints the deleted words struck through
beside the words that replace them (「看護職員看護要員」, the second struck), and in its tables the
rows or codes it deletes (a code list's deleted codes and their names, struck through).  Read as
text the two run together and the correction is lost.  The PDF reader notes, line by line, which
words a stroke is drawn through (``Layout.struck``; in a table's row, cell by cell:
``Layout.cell_struck``); here each is found again in the paragraph, list item or table cell its line
went into and marked ``DELETED`` (an inline mark, like a link: the text itself is unchanged, so
every character is still counted and searched).  Headings keep their text plain.
"""

from __future__ import annotations

from ..model.document import DELETED, CellLink, Draft, InlineLink, Line, ListBlock, ListItem, Paragraph, Table


def mark_struck_words(draft: Draft, lines: list[Line]) -> None:
    """Each struck run of the lines a paragraph, list item or table row was read from, marked deleted
    in it."""
    by_number = {line.number: line for line in lines}
    for item in draft.items:
        if isinstance(item, Paragraph) and item.kind in ("paragraph", "caption"):
            _mark(item, by_number)
        elif isinstance(item, ListBlock):
            for entry in item.items:
                _mark(entry, by_number)
        elif isinstance(item, Table):
            _mark_cells(item, by_number)


def _mark(target: Paragraph | ListItem, by_number: dict[int, Line]) -> None:
    runs = [run for number in range(target.span.start, target.span.end + 1)
            if (line := by_number.get(number)) is not None and line.kind == "body" and line.layout is not None
            for run in line.layout.struck]
    if not runs:
        return
    text = _Searched(target.text)
    for before, words in runs:
        found = text.find(before, words)
        if found is not None and _free(found, target.links):
            target.links.append(found)
    target.links.sort(key=lambda link: link.offset)


def _mark_cells(table: Table, by_number: dict[int, Line]) -> None:
    """The struck words of each row's lines (a row the page break cut is read from two), each in
    the cell it was read in.  A row going on over a page break whose first columns the next page
    does not draw has fewer cells on its line than in the table (runs._with_columns_left_open):
    its cells are the table's last ones."""
    if len(table.row_lines) != len(table.rows):
        return  # no PDF table's rows: no line says where a row's words stood
    ends = [*(number - 1 for number in table.row_lines[1:]), table.span.end]
    for row, (cells, first, last) in enumerate(zip(table.rows, table.row_lines, ends, strict=True)):
        searched: dict[int, _Searched] = {}
        for number in range(first, last + 1):
            line = by_number.get(number)
            if line is None or line.kind != "body" or line.layout is None:
                continue
            shift = max(0, len(cells) - (line.text.count("\t") + 1))
            for column, before, words in line.layout.cell_struck:
                column += shift
                if column >= len(cells):
                    continue
                text = searched.setdefault(column, _Searched(cells[column]))
                found = text.find(before, words)
                taken = [mark.link for mark in table.links if mark.row == row and mark.column == column]
                if found is not None and _free(found, taken):
                    table.links.append(CellLink(row, column, found))
    table.links.sort(key=lambda mark: (mark.row, mark.column, mark.link.offset))


class _Searched:
    """A text searched for struck runs in order, with the whitespace left out (joining lines and
    rejoining spaced letters move spaces): each run is looked for after the one before."""

    def __init__(self, text: str) -> None:
        self.ink = [index for index, char in enumerate(text) if not char.isspace()]
        self.squeezed = "".join(text[index] for index in self.ink)
        self.cursor = 0

    def find(self, before: str, words: str) -> InlineLink | None:
        """The struck ``words`` after ``before`` (or, not found so, the words alone) as a deleted
        mark on the text; None where they are not in it (a line the structure set elsewhere)."""
        words = "".join(words.split())
        if not words:
            return None
        found = self.squeezed.find(before + words, self.cursor)
        start = found + len(before) if found >= 0 else self.squeezed.find(words, self.cursor)
        if start < 0:
            return None
        end = start + len(words)
        self.cursor = end
        offset, last = self.ink[start], self.ink[end - 1]
        return InlineLink(offset, last + 1 - offset, DELETED)


def _free(mark: InlineLink, links: list[InlineLink]) -> bool:
    """Whether no mark already there overlaps ``mark``."""
    return all(mark.offset >= link.offset + link.length or mark.offset + mark.length <= link.offset
               for link in links)
