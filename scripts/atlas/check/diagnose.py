"""Warnings when a converted document's structure is implausible.

The converter cannot know a document's true outline, but some shapes are almost never what
the author wrote: a long text with hardly any headings, one section holding a book chapter's
worth of text, a page of one-line paragraphs, most of the text left preformatted, numbers
standing alone as paragraphs, numbered lines kept as text because their number came out of order.
Each is measured here and, past a threshold, reported so that a reader adding a document learns
it needs a look (the conversion report and the command's output), instead of finding a flat page
later.

Text length here is the characters of the document's blocks (paragraphs, list items, table
cells, preamble included; headings and footnotes excluded), as ``model.block_text`` counts them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.document import Block, Document, Paragraph, block_text, section_heading
from ..model.walk import document_blocks
from ..text.numbering import PARAGRAPH_END

# Few headings: the hand-checked outlines of 16 documents with numbered outlines (5 seeds' parts,
# guidelines, a notice, white-paper chapters, slides) have one heading per 186-2,727 characters of
# text (median about 500: a heading every page or less).  A conversion finding fewer than one per
# 3,000 (two pages and more without one) has lost headings; a perfect one of any of them would not
# warn.  Below 10,000 characters a note or a letter may fairly have none.  (Minutes are legitimately
# flat, one 議事 heading over speaker turns: they get this warning, and the long-section one, as a
# prompt to check that each turn is a paragraph naming its speaker.)
MIN_CHARS_FOR_HEADING_CHECK = 10_000
CHARS_PER_HEADING = 3_000
# A section over 20,000 characters of its own text (a dozen pages, no sub-heading) is the same
# threshold the site uses to give a document chapter pages: a reader cannot cite or navigate it.
MAX_SECTION_CHARS = 20_000
# One-line paragraphs: a paragraph from one source line that does not end a sentence is usually
# a line the joining failed on (a cut sentence) or a lost heading.  Slide decks and lists of
# items have some; when they are over 40% of at least 20 paragraphs, joining has broken down.
BROKEN_LINE_SHARE = 0.4
MIN_PARAGRAPHS_FOR_LINE_CHECK = 20
SENTENCE_END = tuple(PARAGRAPH_END)
# Preformatted text is the fallback for tables whose columns were lost; past a fifth of the
# text, the document reads as a dump rather than a page.
MAX_PREFORMATTED_SHARE = 0.20
# A paragraph that is a number (「1」「（2）」「Ⅲ．」「1.2.」「12 ア」: a heading or page number, then
# at most 3 characters that are neither digits nor units) is a heading number cut from its title or
# a page number taken for text; one can be a stray table cell, three are a pattern.  Four-digit
# numbers (years) and numbers with a unit (「90.7%」「3.4億」「2023 年」) are chart and table values.
MIN_NUMBER_PARAGRAPHS = 3
ELIDED = ("（略）", "(略)")
NUMBER_PARAGRAPH = re.compile(
    r"[(（〔]?(?:[0-9０-９]{1,3}(?:[.．][0-9０-９]{1,3})*|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+|[一二三四五六七八九十]+|[①-⑳])[)）〕]?"
    r"[.．、]?(?:\s*[^\s0-9０-９.．,，%％年月日時分億万千円件人名社回倍歳個]{1,3})?"
)


# Numbered lines demoted to text because their number does not follow the last heading's of their
# numbering (structure/headings.py, decide_heading): one is enough to ask for a look, since either a
# heading was lost to a list item or the outline before it went wrong.  The message names a few.
MIN_OUT_OF_ORDER = 1
OUT_OF_ORDER_EXAMPLES = 3


@dataclass(frozen=True)
class Warning:
    """A sign that the structure found is implausible: ``figure`` is the measured value."""

    # few-headings | long-section | one-line-paragraphs | preformatted | number-paragraphs | out-of-order
    kind: str
    message: str
    figure: float


def warnings(document: Document) -> list[Warning]:
    """The document's structure warnings, in a fixed order (empty for a plausible structure)."""
    checks = (_few_headings, _long_section, _one_line_paragraphs, _preformatted, _number_paragraphs, _out_of_order)
    return [warning for check in checks if (warning := check(document)) is not None]


def _chars(blocks: list[Block]) -> int:
    return sum(len(block_text(block)) for block in blocks)


def text_chars(document: Document) -> int:
    """Characters of the document's text: its blocks, preamble included (headings and notes not)."""
    return _chars(document_blocks(document))


def _few_headings(document: Document) -> Warning | None:
    chars = text_chars(document)
    headings = len(document.all_sections())
    if chars <= MIN_CHARS_FOR_HEADING_CHECK or headings * CHARS_PER_HEADING >= chars:
        return None
    per = f"1 per {chars // headings:,}" if headings else "none"
    return Warning(
        "few-headings",
        f"few headings for the length: {headings} in {chars:,} characters ({per}; "
        f"expected at least 1 per {CHARS_PER_HEADING:,}) / 見出しが少ない",
        chars / max(headings, 1),
    )


def largest_section(document: Document) -> tuple[str, int]:
    """The heading (or "(preamble)") and own-text length of the section with the most own text."""
    candidates: list[tuple[int, str]] = [(_chars(document.preamble), "(preamble)")]
    candidates += [(_chars(s.blocks), section_heading(s)) for s in document.all_sections()]
    chars, heading = max(candidates, key=lambda c: c[0])
    return heading, chars


def _long_section(document: Document) -> Warning | None:
    heading, chars = largest_section(document)
    if chars <= MAX_SECTION_CHARS:
        return None
    where = "the text before the first heading" if heading == "(preamble)" else f"section 「{heading[:30]}」"
    return Warning(
        "long-section",
        f"{where} has {chars:,} characters of its own text (over {MAX_SECTION_CHARS:,}) / 長すぎる節",
        chars,
    )


def _one_line_paragraphs(document: Document) -> Warning | None:
    paragraphs = [b for b in document_blocks(document) if isinstance(b, Paragraph) and b.kind == "paragraph"]
    if len(paragraphs) < MIN_PARAGRAPHS_FOR_LINE_CHECK:
        return None
    broken = [p for p in paragraphs if p.span.start == p.span.end and not p.text.rstrip().endswith(SENTENCE_END)]
    share = len(broken) / len(paragraphs)
    if share <= BROKEN_LINE_SHARE:
        return None
    return Warning(
        "one-line-paragraphs",
        f"{len(broken)} of {len(paragraphs)} paragraphs ({share:.0%}) are one source line that ends "
        f"no sentence (over {BROKEN_LINE_SHARE:.0%}) / 一行だけの段落が多い",
        share,
    )


def _preformatted(document: Document) -> Warning | None:
    blocks = document_blocks(document)
    total = _chars(blocks)
    pre = _chars([b for b in blocks if isinstance(b, Paragraph) and b.kind == "preformatted"])
    if not total or pre / total <= MAX_PREFORMATTED_SHARE:
        return None
    return Warning(
        "preformatted",
        f"{pre / total:.0%} of the text ({pre:,} characters) is in preformatted blocks "
        f"(over {MAX_PREFORMATTED_SHARE:.0%}) / 整形済みテキストが多い",
        pre / total,
    )


def _number_paragraphs(document: Document) -> Warning | None:
    # 「5（略）」: an item a quoted text leaves out (略), printed so; no heading lost.
    numbers = [b for b in document_blocks(document) if isinstance(b, Paragraph) and b.kind == "paragraph"
               and NUMBER_PARAGRAPH.fullmatch(b.text.strip()) and not b.text.strip().endswith(ELIDED)]
    if len(numbers) < MIN_NUMBER_PARAGRAPHS:
        return None
    examples = "、".join(f"「{p.text.strip()}」 (line {p.span.start})" for p in numbers[:3])
    return Warning(
        "number-paragraphs",
        f"{len(numbers)} paragraphs are only a number, e.g. {examples}: lost headings or page numbers "
        f"/ 番号だけの段落",
        len(numbers),
    )


def _out_of_order(document: Document) -> Warning | None:
    demoted = document.out_of_order
    if len(demoted) < MIN_OUT_OF_ORDER:
        return None
    examples = "、".join(f"「{d.text[:30]}」 (line {d.line}, after {d.after})" for d in demoted[:OUT_OF_ORDER_EXAMPLES])
    more = f" and {len(demoted) - OUT_OF_ORDER_EXAMPLES} more" if len(demoted) > OUT_OF_ORDER_EXAMPLES else ""
    return Warning(
        "out-of-order",
        f"{len(demoted)} numbered lines out of sequence were kept as text, not headings: {examples}{more} "
        f"/ 番号が順番どおりでない見出し候補",
        len(demoted),
    )
