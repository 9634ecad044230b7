"""Read Atlas clean text: the converter's own plain-text output, or a hand-corrected copy of it.

A PDF extraction needs guessing (which lines make a paragraph, which line is a
heading).  Clean text says it outright, so this reader guesses nothing:

- blocks are separated by blank lines; every line is a whole block or row;
- ``## 1．見出し``: a heading, its level the number of ``#``; the number is
  read as the PDF reader reads it, or given in brackets: ``## [1．] 見出し``;
- a line starting with a list marker (``・``, ``①``, ``（1）``, ``1．``…): a
  list item; consecutive items of one kind form one list;
- a line with tabs: a table row; consecutive rows form one table;
- ``図1 …`` / ``表2 …``: a caption; lines between two `````` lines: preformatted;
- ``[^1]`` in a paragraph or list item: a footnote reference; the notes
  follow a line ``---`` at the end, one per line: ``[^1]: 注の本文``;
- ``｜俯瞰図《ふかんず》``: a word and its ruby (the reading set over it), as Japanese e-text
  writes it;
- a backslash takes the next character literally (``\\#``, ``\\[^``, ``\\｜``, ``\\\\``);
  one at the start of a line makes it a plain paragraph.

``write_clean.clean_text`` writes this format, and reading what it wrote
gives the same document back (tests/test_clean_text.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model.document import (
    Draft,
    Footnote,
    FootnoteRef,
    Heading,
    Line,
    ListBlock,
    ListItem,
    Paragraph,
    SourceSpan,
    Table,
)
from ..model.errors import InputError
from ..text.normalize import normalize_chars
from ..text.numbering import BULLETS, LIST_MARKER, heading_of, is_caption
from ..text.ruby_marks import ANCHOR, MARKED_UP, SEPARATOR, TERMINATOR

HEADING = re.compile(r"(?P<hashes>#+) (?P<text>.*)")
EXPLICIT_NUMBER = re.compile(r"\[(?P<number>[^\]]*)\] (?P<title>.*)")
NOTE = re.compile(r"\[\^(?P<label>[^\]\s]+)\]: (?P<text>.*)")
REF = re.compile(r"\[\^(?P<label>[^\]\s]+)\]")
FENCE = "```"
NOTES_RULE = "---"


def line_kind(line: str) -> str:
    """What a body line of clean text is, by its first characters (escapes make a paragraph)."""
    if "\t" in line:
        return "row"  # only table rows have tabs: text, headings and items never do
    if line.startswith("\\"):
        return "paragraph"
    if line.startswith(FENCE):
        return "fence"
    if line == NOTES_RULE:
        return "notes"
    if HEADING.fullmatch(line):
        return "heading"
    marker = LIST_MARKER.fullmatch(line)
    if marker and marker["text"]:
        return "item"
    if is_caption(line):
        return "caption"
    return "paragraph"


def split_heading(text: str) -> tuple[str, str]:
    """(number, title) of a heading's text, numbered the way the PDF reader numbers it."""
    explicit = EXPLICIT_NUMBER.fullmatch(text)
    if explicit:
        return explicit["number"], explicit["title"]
    found = heading_of(text)
    if found is None:
        return "", text
    _, number, title = found
    return number, title


def item_parts(line: str) -> tuple[str, str]:
    """(marker, text) of a list item line."""
    match = LIST_MARKER.fullmatch(line)
    assert match is not None
    return match["marker"].strip(), match["text"].strip()


def text_and_refs(line: str, labels: set[str]) -> tuple[str, list[FootnoteRef]]:
    """A paragraph's or item's text with ``[^n]`` references taken out (``\\`` escapes honoured)."""
    out: list[str] = []
    refs: list[FootnoteRef] = []
    index = 0
    while index < len(line):
        char = line[index]
        if char == "\\" and index + 1 < len(line):
            out.append(line[index + 1])
            index += 2
            continue
        ruby = MARKED_UP.match(line, index)
        if ruby:  # ｜base《reading》: the word and its ruby (text/ruby_marks.py)
            out.append(f"{ANCHOR}{ruby[1]}{SEPARATOR}{ruby[2]}{TERMINATOR}")
            index = ruby.end()
            continue
        ref = REF.match(line, index)
        if ref and ref["label"] in labels:
            refs.append(FootnoteRef(len("".join(out)), ref["label"]))
            index = ref.end()
            continue
        out.append(char)
        index += 1
    return "".join(out), refs


class _Reader:
    def __init__(self, path: Path, raw: list[str], first: int) -> None:
        self.path = path
        self.raw = [normalize_chars(text).strip(" \u3000") for text in raw]
        self.originals = raw
        self.first = first
        self.draft = Draft()
        self.lines: list[Line] = []
        self.labels: set[str] = set()
        self.open_list: ListBlock | None = None
        self.open_table: Table | None = None
        self.tail: list[Line] = []  # the notes rule and the notes, read first but last in the file

    def number(self, index: int) -> int:
        return self.first + index

    def keep(self, index: int, text: str, kind: str = "body") -> None:
        """Record the line for the conservation report and the source view: its words, syntax removed."""
        self.lines.append(Line(self.number(index), text, kind, raw=self.originals[index]))

    def read(self) -> Draft:
        end = self.read_notes()
        index = 0
        while index < end:
            index = self.read_line(index)
        return self.draft

    def read_notes(self) -> int:
        """Read the notes after the last ``---`` line first, so references know their labels."""
        rule = next((i for i in range(len(self.raw) - 1, -1, -1) if self.raw[i] == NOTES_RULE), None)
        if rule is None:
            return len(self.raw)
        notes_lines: list[Line] = []
        for index in range(rule + 1, len(self.raw)):
            text = self.raw[index]
            if not text:
                notes_lines.append(Line(self.number(index), "", "blank", raw=self.originals[index]))
                continue
            note = NOTE.fullmatch(text)
            if note is None:
                raise InputError(self.path, "after the notes line '---' every line must be a note '[^1]: 本文'",
                                 self.number(index))
            span = SourceSpan(self.number(index), self.number(index))
            self.draft.footnotes.append(Footnote(note["label"], note["text"], span))
            self.labels.add(note["label"])
            notes_lines.append(Line(self.number(index), note["label"] + note["text"], raw=self.originals[index]))
        self.tail = [Line(self.number(rule), "", "markup", raw=self.originals[rule]), *notes_lines]
        return rule

    def close(self) -> None:
        self.open_list = None
        self.open_table = None

    def read_line(self, index: int) -> int:
        text = self.raw[index]
        span = SourceSpan(self.number(index), self.number(index))
        if not text:
            self.keep(index, "", "blank")
            self.close()
            return index + 1
        kind = line_kind(text)
        if kind == "fence":
            return self.read_fence(index)
        if kind == "notes":
            raise InputError(self.path, "a '---' line only stands before the notes at the end", self.number(index))
        if kind == "row":
            cells = [cell.strip() for cell in text.split("\t")]
            self.keep(index, " ".join(cells))
            if self.open_table is None:
                self.close()
                self.open_table = Table([], span)
                self.draft.items.append(self.open_table)
            self.open_table.rows.append(cells)
            self.open_table.span = self.open_table.span.merge(span)
            return index + 1
        if kind == "heading":
            heading = HEADING.fullmatch(text)
            assert heading is not None
            written, refs = heading["text"], []
            if REF.search(written) or "｜" in written:  # a note's mark (「（GPAI[^3]）」), a word's ruby
                written, refs = text_and_refs(written, self.labels)
            number, title = split_heading(written)
            self.keep(index, f"{number} {title}" + "".join(ref.label for ref in refs))
            self.close()
            shift = len(written) - len(title)  # the marks' offsets count in the title, not its number
            refs = [FootnoteRef(min(max(ref.offset - shift, 0), len(title)), ref.label) for ref in refs]
            self.draft.items.append(Heading(title, len(heading["hashes"]), number, span, refs=refs))
            return index + 1
        if kind == "item":
            marker, written = item_parts(text)
            item_text, refs = text_and_refs(written, self.labels)
            item = ListItem(marker, item_text, span, refs=refs)
            self.keep(index, item.marker + item_text + "".join(ref.label for ref in refs))
            ordered = item.marker[0] not in BULLETS
            if self.open_list is None or self.open_list.ordered != ordered:
                self.close()
                self.open_list = ListBlock([], span, ordered=ordered)
                self.draft.items.append(self.open_list)
            self.open_list.items.append(item)
            self.open_list.span = self.open_list.span.merge(span)
            return index + 1
        paragraph_text, refs = text_and_refs(text, self.labels)
        self.keep(index, paragraph_text + "".join(ref.label for ref in refs))
        self.close()
        self.draft.items.append(Paragraph(paragraph_text, span, kind=kind, refs=refs))
        return index + 1

    def read_fence(self, index: int) -> int:
        """Preformatted lines up to the closing fence; a leading backslash escapes a line."""
        self.close()
        self.keep(index, "", "markup")
        texts: list[str] = []
        probe = index + 1
        while probe < len(self.raw) and self.raw[probe] != FENCE:
            line = self.raw[probe]
            texts.append(line[1:] if line.startswith("\\") else line)
            self.keep(probe, texts[-1], "body" if line else "blank")
            probe += 1
        if probe >= len(self.raw):
            raise InputError(self.path, f"the preformatted block opened here is never closed with '{FENCE}'",
                             self.number(index))
        self.keep(probe, "", "markup")
        span = SourceSpan(self.number(index), self.number(probe))
        self.draft.items.append(Paragraph("\n".join(texts), span, kind="preformatted"))
        return probe + 1


def read_clean(path: Path, raw: list[str], first: int = 1) -> tuple[Draft, list[Line]]:
    """The draft (headings and blocks) of clean text, and its lines for the report and source view."""
    reader = _Reader(path, raw, first)
    draft = reader.read()
    return draft, reader.lines + reader.tail
