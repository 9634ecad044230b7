"""Catalog hints: what a document's catalog entry says that text alone cannot tell.

A hint names its line by number, or by the text the line reads (which survives edits to the
source above it); ``resolve_text_hints`` turns the texts into line numbers once the lines are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model.document import Line
from ..text.normalize import normalize_chars


@dataclass
class Hints:
    """Per-document help from the catalog for what text alone cannot tell."""

    slides: bool = False
    slide_titles: frozenset[int] = frozenset()
    preformatted: tuple[tuple[int, int], ...] = ()
    not_headings: frozenset[int] = frozenset()
    # The same hints by the text of their lines, which survive edits to the source above them
    # (see resolve_text_hints): a slide title, a [first, last] table, a line that is no heading.
    slide_title_texts: tuple[str, ...] = ()
    preformatted_texts: tuple[tuple[str, str], ...] = ()
    not_heading_texts: tuple[str, ...] = ()


def folded(text: str) -> str:
    return re.sub(r"\s+", "", normalize_chars(text))


def resolve_text_hints(lines: list[Line], hints: Hints) -> tuple[Hints, list[str]]:
    """Hints given by text turned into line numbers; also the texts no line matches.

    A text names the first body line that reads the same (spaces and character widths aside);
    a preformatted block's last text is looked for from its first line on.
    """
    body = [(line.number, folded(line.text)) for line in lines if line.kind == "body"]
    missing: list[str] = []

    def find(text: str, after: int = 0) -> int | None:
        wanted = folded(text)
        number = next((n for n, folded in body if n >= after and folded == wanted), None)
        if number is None:
            missing.append(text)
        return number

    titles = {find(text) for text in hints.slide_title_texts} - {None}
    not_headings = {find(text) for text in hints.not_heading_texts} - {None}
    ranges = []
    for first_text, last_text in hints.preformatted_texts:
        first = find(first_text)
        last = find(last_text, first) if first is not None else None
        if first is not None and last is not None:
            ranges.append((first, last))
    resolved = replace(
        hints,
        slide_titles=hints.slide_titles | frozenset(n for n in titles if n is not None),
        not_headings=hints.not_headings | frozenset(n for n in not_headings if n is not None),
        preformatted=hints.preformatted + tuple(ranges),
        slide_title_texts=(), preformatted_texts=(), not_heading_texts=(),
    )
    return resolved, missing
