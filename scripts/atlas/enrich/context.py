"""Headings that say nothing on their own, shown with the context that makes them say something.

A heading is *repeated* when its text recurs among its document's headings: 防災DX's eleven
【主な課題】/【対応策】 pairs, 【概要】 under several chapters, ○総論 in each part. In place, under
its parent and after its neighbour, such a heading is clear; out of place it is not: a search
result, a related-section list on another document's page, a flat outline of eleven 【対応策】.
There it is shown with its context:

- its ancestors' headings, each shortened to ANCESTOR_CHARS, then its own:
  "2．データ戦略の系譜 › 【対応策】";
- and, when that still does not tell it apart (no ancestors, or the same path twice), the opening
  words of its own text: "【対応策】（次期総合防災情報システム活用のメリット…）".

Headings that are unique in their document are shown as they are.
"""

from __future__ import annotations

from collections import Counter

from ..model.document import Document, ListBlock, Paragraph, Section, section_heading

ANCESTOR_CHARS = 16
OPENING_CHARS = 24
SEPARATOR = " › "


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def opening_words(section: Section, limit: int = OPENING_CHARS) -> str:
    """The first words of the section's own text (its first paragraph or list item), shortened."""
    for block in section.blocks:
        if isinstance(block, Paragraph) and block.text.strip():
            return _shorten(" ".join(block.text.split()), limit)
        if isinstance(block, ListBlock) and block.items:
            return _shorten(" ".join(block.items[0].text.split()), limit)  # the marker is apart
    return ""


class HeadingContext:
    """Context labels for one document's headings (built once per document)."""

    def __init__(self, document: Document) -> None:
        self.parents: dict[int, Section | None] = {}
        self._collect(document.sections, None)
        sections = document.all_sections()
        counts = Counter(section_heading(s) for s in sections)
        self.repeated = {text for text, n in counts.items() if n > 1}
        paths = Counter(self._path(s) for s in sections if section_heading(s) in self.repeated)
        self._ambiguous_paths = {path for path, n in paths.items() if n > 1}

    def _collect(self, sections: list[Section], parent: Section | None) -> None:
        for section in sections:
            self.parents[id(section)] = parent
            self._collect(section.children, section)

    def ancestors(self, section: Section) -> list[Section]:
        found: list[Section] = []
        parent = self.parents.get(id(section))
        while parent is not None:
            found.insert(0, parent)
            parent = self.parents.get(id(parent))
        return found

    def _path(self, section: Section) -> str:
        parts = [_shorten(section_heading(a), ANCESTOR_CHARS) for a in self.ancestors(section)]
        return SEPARATOR.join([*parts, section_heading(section)])

    def is_repeated(self, section: Section) -> bool:
        return section_heading(section) in self.repeated

    def needs_opening(self, section: Section) -> bool:
        """Whether even its ancestors leave the heading ambiguous (then its opening words help)."""
        return self.is_repeated(section) and self._path(section) in self._ambiguous_paths

    def label(self, section: Section) -> str:
        """The heading as shown out of place: with its context when it is repeated."""
        if not self.is_repeated(section):
            return section_heading(section)
        label = self._path(section)
        opening = opening_words(section) if self.needs_opening(section) else ""
        return f"{label}（{opening}）" if opening else label

    def sibling_note(self, section: Section, siblings: list[Section]) -> str:
        """For an outline: the opening words when the heading recurs among its own siblings (there
        the nesting shows its ancestors, but not which of the eleven 【対応策】 it is)."""
        heading = section_heading(section)
        if sum(1 for s in siblings if section_heading(s) == heading) < 2:
            return ""
        return opening_words(section)
