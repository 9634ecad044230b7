"""Glossary: abbreviations explained where they occur (a tooltip) and on one page.

Python-Markdown's abbr extension needs a word boundary around each abbreviation, and
Japanese text has none ("AISIの"), so the converter marks the first occurrence in each
section itself; the writer renders it as <abbr title="…">.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..config.schema import Glossary
from ..config.validation import refuse_repeats, validate
from ..config.yamlfile import load_located
from ..model.document import Document, InlineLink, Section, inline_targets, range_is_free


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    title: str

    @property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(rf"(?<![A-Za-z0-9]){re.escape(self.term)}(?![A-Za-z0-9])")


def load_glossary(path: Path) -> list[GlossaryEntry]:
    located = load_located(path)
    terms = validate(located, Glossary, "term").glossary
    refuse_repeats(located, "glossary", [t.term for t in terms], "term",
                   "'{value}' is explained twice (first at line {first})")
    return sorted((GlossaryEntry(t.term, t.title) for t in terms), key=lambda e: e.term.lower())


def mark_abbreviations(documents: list[Document], glossary: list[GlossaryEntry]) -> None:
    """The first occurrence of each term in each section becomes an abbr mark."""
    for document in documents:
        for section in document.all_sections():
            for entry in glossary:
                _mark_first(section, entry)


def _mark_first(section: Section, entry: GlossaryEntry) -> None:
    for target in inline_targets(section):
        for match in entry.pattern.finditer(target.text):
            start, end = match.span()
            if range_is_free(target, start, end):
                target.links.append(InlineLink(start, end - start, f"abbr:{entry.term}"))
                return
