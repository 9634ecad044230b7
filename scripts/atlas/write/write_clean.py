"""Write a document as Atlas clean text (the format ``read_clean`` reads; see there).

This is the text as the converter understood it — one paragraph a line,
headings marked, notes at the end — for people who want the words without the
site (text analysis, quoting) and for correcting a conversion by hand: a
corrected copy goes back into ``sources/`` with ``format: clean``.

Each line is checked against the reader's grammar and escaped where the
reader would take it for something else, so reading the output gives the
same document back.
"""

from __future__ import annotations

from typing import assert_never

from ..model.document import Block, Document, FootnoteRef, ListBlock, ListItem, Paragraph, Section, Table
from ..read.read_clean import FENCE, NOTES_RULE, item_parts, line_kind, split_heading
from ..text.ruby_marks import ANCHOR, marked_up


def clean_text(document: Document) -> str:
    lines: list[str] = []
    for block in document.preamble:
        lines += [*block_lines(block), ""]
    for section in document.all_sections():
        lines += [heading_line(section), ""]
        for block in section.blocks:
            lines += [*block_lines(block), ""]
    if document.footnotes:
        lines += [NOTES_RULE, ""]
        # A label printed again (notes numbered per page) is written by its key (1-2): one note each.
        lines += [f"[^{note.id}]: {note.text}" for note in document.footnotes]
    return "\n".join(lines).rstrip("\n") + "\n"


def heading_line(section: Section) -> str:
    """``## 1．見出し``, or ``## [1．] 見出し`` when the text alone would be numbered differently."""
    hashes = "#" * section.level
    number, title = section.number, section.title
    # A note's mark in the title stands where it was printed (「（GPAI[^3]）」); a word's ruby is
    # written ｜base《reading》, and a ｜ of the title's own escaped.
    shown = inline(title, section.refs) if section.refs or "｜" in title or ANCHOR in title else title
    candidates = [number + title, f"{number} {title}"] if number else [title]
    for text in candidates:
        if split_heading(text) == (number, title) and line_kind(f"{hashes} {text}") == "heading":
            return f"{hashes} {text[: len(text) - len(title)]}{shown}"
    return f"{hashes} [{number}] {shown}"


def block_lines(block: Block) -> list[str]:
    match block:
        case Paragraph() if block.kind in ("preformatted", "figure", "code"):  # a figure: its labels, line by line
            return [FENCE, *(_fenced(line) for line in block.text.split("\n")), FENCE]
        case Paragraph():
            text = inline(block.text, block.refs)
            if line_kind(text) != block.kind:
                text = "\\" + text  # a paragraph that reads like a heading, item or caption
            return [text]
        case ListBlock():
            return [item_line(item) for item in block.items]
        case Table():
            # One line a row: a cell's line break (before an item of its own) is a space there.
            return ["\t".join(cell.replace("\n", " ") for cell in row) for row in block.rows]
        case _:
            assert_never(block)


def item_line(item: ListItem) -> str:
    """The marker and the text, with the space the marker needs to be read as one."""
    text = inline(item.text, item.refs)
    for line in (item.marker + text, f"{item.marker} {text}"):
        if line_kind(line) == "item" and item_parts(line) == (item.marker, text):
            return line
    raise ValueError(f"list item {item.marker!r} {item.text!r} cannot be written as clean text")


def inline(text: str, refs: list[FootnoteRef]) -> str:
    """Escaped text with ``[^label]`` put back where each footnote reference stood."""
    pieces: list[str] = []
    cursor = 0
    for ref in sorted(refs, key=lambda r: r.offset):
        pieces += [_escape(text[cursor : ref.offset]), f"[^{ref.key or ref.label}]"]
        cursor = ref.offset
    pieces.append(_escape(text[cursor:]))
    return "".join(pieces)


def _escape(text: str) -> str:
    """Backslashes, note references and ruby's opening ｜ escaped; then each word's ruby written
    ｜base《reading》 (text/ruby_marks.py), which the reader turns back into the word's ruby."""
    return marked_up(text.replace("\\", "\\\\").replace("[^", "\\[^").replace("｜", "\\｜"))


def _fenced(line: str) -> str:
    """A preformatted line that would close the block or read as the notes line is escaped."""
    if line.startswith(("\\", FENCE)) or line == NOTES_RULE:
        return "\\" + line
    return line
