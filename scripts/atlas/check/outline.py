"""Outlines: the headings a converted document shows, and how they compare with a hand-checked one.

A hand-checked outline (``tests/outlines/<doc-id>.yml``) lists the headings a reader of the
original must see, read off the PDF or its text by hand::

    document: <doc-id>
    where: corpus          # or sources: which folder the document's text is in
    headings:
      - {level: 1, text: "Ⅰ．はじめに", page: 1}     # or line: 123 instead of page

``compare`` measures a conversion against it: recall, precision, and how often a matched
heading sits at the expected level.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..config.yamlfile import LineLoader
from ..model.document import Document, Line, Section, section_heading
from ..model.errors import InputError
from ..text.normalize import normalize_chars

WHERE = ("corpus", "sources")
_TOP_KEYS = {"document", "where", "headings"}
_HEADING_KEYS = {"level", "text", "page", "line"}


@dataclass(frozen=True)
class OutlineEntry:
    """A heading as the converted document shows it."""

    level: int
    text: str  # number + title as shown (write.section_heading)
    anchor: str
    line: int  # the source line the heading starts at
    page: int | None = None  # the PDF page that line is on, when the text tells (form feeds, layout)
    parent: int | None = None  # the index (in the outline) of the heading it stands under; None: top level


@dataclass(frozen=True)
class ExpectedHeading:
    """A heading of a hand-checked outline."""

    level: int
    text: str
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True)
class Reference:
    """A hand-checked outline, as read from ``tests/outlines/<doc-id>.yml``."""

    document: str
    where: str
    headings: tuple[ExpectedHeading, ...]
    path: str = ""


@dataclass(frozen=True)
class OutlineScore:
    expected: int
    found: int
    matched: int
    same_level: int
    # Matches whose nearest enclosing heading on the site is the match of their reference parent
    # (parent_accuracy says exactly which parent counts).
    same_parent: int = 0
    missed: list[ExpectedHeading] = field(default_factory=list)
    spurious: list[OutlineEntry] = field(default_factory=list)
    # (expected index, found index) of each match, in order: which found heading stands for which
    pairs: list[tuple[int, int]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else (1.0 if not self.expected else 0.0)

    @property
    def level_accuracy(self) -> float | None:
        """Share of matched headings found at their expected level (None when nothing matched)."""
        return self.same_level / self.matched if self.matched else None

    @property
    def parent_accuracy(self) -> float | None:
        """Share of matched headings that stand under the right heading in the site's navigation: their
        parent (nearest enclosing heading) is the match of their nearest matched ancestor in the
        reference, or, for a heading with no matched ancestor, the top level — or the top-level
        heading the first such heading stands under when it matches nothing in the reference (a
        document title set as an extra h1 above the body: a constant offset costs no heading).  Unlike level accuracy,
        one extra level above the whole outline does not make every heading wrong, while a heading
        nested under a spurious one (a chart tick taken for a heading) or under the wrong chapter
        does count as wrong.  None when nothing matched."""
        return self.same_parent / self.matched if self.matched else None


# ---------------------------------------------------------------------------
# The converted document's outline
# ---------------------------------------------------------------------------


def document_outline(document: Document) -> list[OutlineEntry]:
    """Every section of the document in reading order, its heading shown as the site shows it, with
    the index of the section it stands under."""
    pages = _line_pages(document.lines)
    sections = document.all_sections()
    index = {id(section): i for i, section in enumerate(sections)}
    parents: dict[int, int] = {}
    for section in sections:
        for child in section.children:
            parents[id(child)] = index[id(section)]
    return [_entry(section, section_heading(section), pages, parents.get(id(section))) for section in sections]


def _entry(section: Section, text: str, pages: dict[int, int], parent: int | None) -> OutlineEntry:
    start = section.span.start
    return OutlineEntry(section.level, text, section.anchor, start, pages.get(start), parent)


def _line_pages(lines: list[Line]) -> dict[int, int]:
    """The page of each source line, as its reader found it (the PDF's pages, or pdftotext's form
    feeds: clean.py); text with no pages gives an empty mapping."""
    return {line.number: line.page for line in lines if line.page}


# ---------------------------------------------------------------------------
# Reading a hand-checked outline
# ---------------------------------------------------------------------------


def load_reference(path: Path) -> Reference:
    """Read and check a hand-checked outline; any problem is an InputError naming the file and line."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LineLoader)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise InputError(path, f"invalid YAML: {error.problem}", line) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise InputError(path, f"cannot read outline: {error}") from None
    if not isinstance(data, dict):
        raise InputError(path, "expected a mapping with 'document', 'where' and 'headings'")
    _no_unknown_keys(data, _TOP_KEYS, path)
    document = data.get("document")
    if not isinstance(document, str) or not document:
        raise InputError(path, "missing key 'document' (the document's id)", data["__line__"])
    if document != path.stem:
        raise InputError(path, f"document '{document}' does not match the file name '{path.stem}'",
                         data["__line__"])
    where = data.get("where")
    if where not in WHERE:
        raise InputError(path, f"'where' must be {' or '.join(WHERE)}, got {where!r}", data["__line__"])
    headings = data.get("headings")
    if not isinstance(headings, list) or not headings:
        raise InputError(path, "expected a non-empty 'headings' list", data["__line__"])
    return Reference(document, where, tuple(_heading(item, path) for item in headings), str(path))


def _heading(item: Any, path: Path) -> ExpectedHeading:
    if not isinstance(item, dict):
        raise InputError(path, f"each heading must be a mapping such as {{level: 1, text: \"…\"}}, got {item!r}")
    line = item["__line__"]
    _no_unknown_keys(item, _HEADING_KEYS, path)
    level, text = item.get("level"), item.get("text")
    if not isinstance(level, int) or isinstance(level, bool) or level < 1:
        raise InputError(path, f"heading 'level' must be a whole number from 1, got {level!r}", line)
    if not isinstance(text, str) or not text.strip():
        raise InputError(path, f"heading 'text' must be the heading as printed, got {text!r}", line)
    where: dict[str, int | None] = {}
    for key in ("page", "line"):
        value = item.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
            raise InputError(path, f"heading '{key}' must be a number from 1, got {value!r}", line)
        where[key] = value
    return ExpectedHeading(level, text, where["page"], where["line"])


def _no_unknown_keys(mapping: dict[str, Any], known: set[str], path: Path) -> None:
    unknown = sorted(key for key in mapping if key not in known and key != "__line__")
    if unknown:
        raise InputError(path, f"unknown key '{unknown[0]}' (known: {', '.join(sorted(known))})",
                         mapping.get("__line__"))


# ---------------------------------------------------------------------------
# Comparing
# ---------------------------------------------------------------------------

# A heading number at the start of a folded text (after NFKC, so （１） is "(1)", Ⅱ is "ii" and ① is
# "1"): 第N章/節…, 1 / 1.2.3, (1) / (a) / (イ), a roman numeral, a kanji numeral, one kana, 付録N.
_NUMBER = (
    r"第[0-9一二三四五六七八九十百〇]+[章節部編款条項]"
    r"|(?:付録|別紙|別添|参考資料|参考)[0-9一二三四五六七八九十]*"
    r"|[0-9]+(?:\.[0-9]+)*"
    r"|\([^()]{1,4}\)"
    r"|[ivxlc]+"
    r"|[一二三四五六七八九十]+"
    r"|[ァ-ヶぁ-ゖa-z]"
)
# What stands between a number and its title: 「1．」「一、」「ア・」「2:」 (spaces are removed before).
# Atomic, so 「2.1概要」 keeps its number whole instead of giving back ".1" to a separator.
_NUMBER_SEPARATOR = re.compile(rf"^((?>{_NUMBER}))[.,、:・]+")
# A mark that sets a title off (「◆意思決定の迅速化」「● 国際連合」) is typography, like a width: a
# reference may keep it (as printed) or drop it (as a bullet), and either names the same heading.  So
# is a list's bullet before a title set on a list level (「➢ D-1）…」, read as 「・」 as every bullet is).
_TITLE_MARK = re.compile(r"^[◆◇■□●◎★☆▼▽▲△▶▷►♦∮§〇○◯・➢]+")
MIN_PREFIX_SHARE = 0.6  # a title cut at a line break keeps most of its words
MIN_PREFIX_CHARS = 4  # shorter than this, a prefix matches too much ("1", "(2)はじ")


def fold(text: str) -> str:
    """A heading's text for matching: width and case folded, no whitespace, no number separator.

    The converter's own character rules come first (normalize.normalize_chars), so a reference
    copied from the source with its PDF radicals (「⾃⺠」) meets the converted 「自民」; a title's
    leading bullet mark (●, ◆ …) is dropped.
    """
    folded = re.sub(r"\s+", "", unicodedata.normalize("NFKC", normalize_chars(text)).casefold())
    return _NUMBER_SEPARATOR.sub(r"\1", _TITLE_MARK.sub("", folded))


# A bracketed qualifier closing a title (「（一部の学校が対象）」「（案）」「（抜粋）」), folded: a reference may
# keep it or leave it out as no part of the title, and either names the same heading.
_QUALIFIER = re.compile(r"(?<=.)\([^()]+\)$")


def headings_match(expected: str, found: str) -> bool:
    """Whether two folded headings are the same heading (see ``compare``)."""
    if _same_or_cut(expected, found):
        return True
    bare_expected, bare_found = _QUALIFIER.sub("", expected), _QUALIFIER.sub("", found)
    return (bare_expected, bare_found) != (expected, found) and min(len(bare_expected), len(bare_found)) >= \
        MIN_PREFIX_CHARS and _same_or_cut(bare_expected, bare_found)


def _same_or_cut(expected: str, found: str) -> bool:
    """Equal, or one a prefix of the other holding most of it (a title cut at a line break, or run on)."""
    if expected == found:
        return True
    shorter, longer = sorted((expected, found), key=len)
    return (
        longer.startswith(shorter)
        and len(shorter) >= MIN_PREFIX_CHARS
        and len(shorter) >= MIN_PREFIX_SHARE * len(longer)
    )


def compare(reference: Reference, found: list[OutlineEntry]) -> OutlineScore:
    """Score the headings a conversion found against a hand-checked outline.

    Matching rule.  Both texts are folded (``fold``): the converter's character normalisation
    (PDF radicals such as ⺠ become the kanji 民), NFKC (full-width letters, digits and brackets
    become half-width), case folded, all whitespace removed, and the punctuation between
    a leading heading number and its title (「．」「.」「、」「:」「・」) removed, so 「１．はじめに」,
    「1. はじめに」 and 「1はじめに」 are one heading; a title's leading mark (◆, ●, ○ …) is removed
    too, so 「● 国際連合」 and 「国際連合」 are one heading.  An expected and a found heading match when
    their folded texts are equal, or when one is a prefix of the other and the shorter is at least
    60% of the longer and at least 4 characters long: a title cut at a line break, or one that ran
    on into its first sentence; or when they are so once a bracketed qualifier closing either
    (「（一部の学校が対象）」, 「（抜粋）」) is set aside, which a reference may keep or leave out.

    Order.  Headings are matched in order: the pairs form a monotone alignment of the two
    sequences (the i-th match comes after the (i-1)-th in both).  Among such alignments the one
    with the most matches is taken (then the most exact matches, then the earliest), which is the
    greedy in-order walk except where a walk would jump ahead: a missed 「（２）…」 must not take the
    next chapter's 「（２）…」 and throw away every heading in between.

    Recall is matches / expected headings, precision matches / found headings, level accuracy
    the share of matches found at the expected (absolute) level, parent accuracy the share of
    matches standing under the right heading (``OutlineScore.parent_accuracy``, ``_same_parent``).
    Missed and spurious headings are listed.
    """
    expected = [fold(h.text) for h in reference.headings]
    shown = [fold(h.text) for h in found]
    pairs = _align(expected, shown)
    matched_expected = {i for i, _ in pairs}
    matched_found = {j for _, j in pairs}
    return OutlineScore(
        expected=len(expected),
        found=len(shown),
        matched=len(pairs),
        same_level=sum(reference.headings[i].level == found[j].level for i, j in pairs),
        same_parent=_same_parent(reference.headings, found, pairs),
        missed=[h for i, h in enumerate(reference.headings) if i not in matched_expected],
        spurious=[h for j, h in enumerate(found) if j not in matched_found],
        pairs=pairs,
    )


def _align(expected: list[str], found: list[str]) -> list[tuple[int, int]]:
    """The monotone alignment with the most matches, then the most exact ones (dynamic programming)."""
    n, m = len(expected), len(found)
    # best[i][j]: (matches, exact matches) aligning expected[i:] with found[j:].
    best = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            if headings_match(expected[i], found[j]):
                after = best[i + 1][j + 1]
                options.append((after[0] + 1, after[1] + (expected[i] == found[j])))
            best[i][j] = max(options)
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if headings_match(expected[i], found[j]):
            after = best[i + 1][j + 1]
            if (after[0] + 1, after[1] + (expected[i] == found[j])) == best[i][j]:
                pairs.append((i, j))
                i, j = i + 1, j + 1
                continue
        if best[i + 1][j] == best[i][j]:
            i += 1
        else:
            j += 1
    return pairs


def _reference_parents(headings: tuple[ExpectedHeading, ...] | list[ExpectedHeading]) -> list[int | None]:
    """The index of each reference heading's parent: the nearest heading before it at a smaller level."""
    parents: list[int | None] = []
    open_headings: list[int] = []
    for i, heading in enumerate(headings):
        while open_headings and headings[open_headings[-1]].level >= heading.level:
            open_headings.pop()
        parents.append(open_headings[-1] if open_headings else None)
        open_headings.append(i)
    return parents


def _same_parent(headings: tuple[ExpectedHeading, ...], found: list[OutlineEntry],
                 pairs: list[tuple[int, int]]) -> int:
    """How many matched headings stand under the right heading on the site (see
    ``OutlineScore.parent_accuracy``): the match of their nearest matched reference ancestor, or
    for one with no matched ancestor the top level or the title over the body."""
    match = dict(pairs)
    matched_found = set(match.values())
    parents = _reference_parents(headings)

    def expected_parent(i: int) -> int | None:
        ancestor = parents[i]
        while ancestor is not None and ancestor not in match:
            ancestor = parents[ancestor]  # a missed parent: its children rightly stand under the grandparent
        return None if ancestor is None else match[ancestor]

    # A constant offset: the site heading the first outermost match stands under, when it is itself at
    # the top level and matches no reference heading (the document's title as an h1 over the body).
    # Outermost headings under it, or at the top level, stand right; under any other heading, not.
    outer = [found[j].parent for i, j in pairs if expected_parent(i) is None]
    root = outer[0] if outer else None
    if root is not None and (root in matched_found or found[root].parent is not None):
        root = None  # a reference heading's match, or a heading nested itself: no title over the body
    same = 0
    for i, j in pairs:
        want = expected_parent(i)
        same += found[j].parent == want or (want is None and root is not None and found[j].parent == root)
    return same
