"""Classify source lines: body text, blank, or furniture (noise).

Furniture is what the PDF page put around the text — page numbers,
table-of-contents entries with dot leaders, slide residue such as "- -",
lone bullets, footnote rules.  It is classified, never silently deleted, so
the conversion report can count what was dropped and the conservation check
can prove nothing else was.
"""

from __future__ import annotations

import re

from .model import Line
from .normalize import normalize_chars

# "12", "- 12 -", "－12－", "12 / 40", "( 12 / 47 )": a page number alone on its line.
# The "N / M" form needs its spaces: "（9/11）" is a date in a schedule.
PAGE_NUMBER = re.compile(r"[-－—–]?\s*\d{1,3}\s*[-－—–]?|\(?\s*\d{1,3} / \d{1,3}\s*\)?")
# A table-of-contents entry: text, a dot leader, a page number.
TOC_ENTRY = re.compile(r".*(?:\.{4,}|…{2,}|・{4,}|‥{2,}|･{4,}).*\d{1,3}")
# Slide residue: dashes, bullets or private-use glyphs with no text.
# ("・・・" alone is an ellipsis in a diagram, so it stays text.)
SLIDE_RESIDUE = re.compile(r"(?:[-－•●○■□◆◇▪]\s*)+|・|[\uE000-\uF8FF]+")
# A rule of spaces that PDF extraction leaves above the footnotes of a page.
FOOTNOTE_RULE = re.compile(r" {10,}")


def classify(raw_lines: list[str], first_number: int = 1) -> list[Line]:
    """Normalise and classify each raw line; ``first_number`` is its source line number."""
    lines: list[Line] = []
    for offset, raw in enumerate(raw_lines):
        number = first_number + offset
        text = normalize_chars(raw.rstrip("\n"))
        lines.append(
            Line(
                number=number,
                text=text.strip(" \u3000"),
                kind=line_kind(text),
                page_start=text.startswith(" ") and not text.startswith("  "),
                indent=len(text) - len(text.lstrip(" \u3000")),
                raw=raw.rstrip("\n"),
            )
        )
    return _toc_entries_without_leaders(lines)


# A table-of-contents entry whose dot leader did not survive ("（４）… 24").
_ENDS_WITH_PAGE = re.compile(r".*\S\s+\d{1,3}")


def _toc_entries_without_leaders(lines: list[Line]) -> list[Line]:
    """A line between two TOC entries that ends in a page number is a TOC entry too."""
    content = [i for i, line in enumerate(lines) if line.kind not in ("blank", "footnote-rule")]
    for before, here, after in zip(content, content[1:], content[2:], strict=False):
        line = lines[here]
        if (
            line.kind == "body"
            and lines[before].kind == "toc"
            and lines[after].kind == "toc"
            and _ENDS_WITH_PAGE.fullmatch(line.text)
        ):
            lines[here] = Line(line.number, line.text, "toc", line.page_start, line.indent, line.raw)
    return lines


def line_kind(text: str) -> str:
    if FOOTNOTE_RULE.fullmatch(text):
        return "footnote-rule"
    stripped = text.strip(" \u3000\t")
    if not stripped:
        return "blank"
    if PAGE_NUMBER.fullmatch(stripped):
        return "page-number"
    if TOC_ENTRY.fullmatch(stripped):
        return "toc"
    if SLIDE_RESIDUE.fullmatch(stripped):
        return "slide-residue"
    return "body"


FURNITURE_KINDS = ("page-number", "toc", "slide-residue", "footnote-rule",
                   # read from a PDF's layout (read_pdf.py)
                   "running-header", "running-footer", "margin-tab", "rotated-text")
