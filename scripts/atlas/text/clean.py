"""Classify source lines: body text, blank, or furniture (noise).

Furniture is what the PDF page put around the text — page numbers, running
headers and footers, the table of contents, slide residue such as "- -",
lone bullets, footnote rules.  It is classified, never silently deleted, so
the conversion report can count what was dropped and the conservation check
can prove nothing else was.

Some furniture can be told from the line alone ("- 12 -", a dot-leader TOC
entry).  The rest needs the page: pdftotext starts every page but the first
with a form feed, and a bare number is a page number only where the page
puts one (its first or last lines) and only when the numbers run in step
with the pages; a line is a running header only when it recurs at the top of
pages.  Sources without form feeds (older extractions) mark a page start
with one leading space instead; there the evidence is weaker and the rules
say so.  What a page number, a table of contents or a slide number is, both
readers ask page_furniture.py; where it may stand on a page is this reader's.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import replace

from ..model.document import Line
from .normalize import is_cjk, join_spaced_japanese, normalize_chars
from .numbering import CUT_SENTENCE_END
from .page_furniture import (
    BARE_NUMBER,
    PAGE_NUMBER_BY_FORM,
    TOC_ENTRY,
    body_indexes,
    mark_contents,
    mark_lines,
    mark_slide_numbers,
    next_body,
    offsets_in_step,
    printed_twice,
    without_page_number,
)

FORM_FEED = "\f"
# Characters no Japanese word or sentence starts with: a line starting with one continues the text before.
CONTINUATION_ONLY = "ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ、。，．）」』】"

# Slide residue: dashes, bullets or private-use glyphs with no text.
# ("・・・" alone is an ellipsis in a diagram, so it stays text.)
SLIDE_RESIDUE = re.compile(r"(?:[-－•●○■□◆◇▪]\s*)+|・|[\uE000-\uF8FF]+")
# A rule of spaces that PDF extraction leaves above the footnotes of a page.
FOOTNOTE_RULE = re.compile(r" {10,}")


def classify(raw_lines: list[str], first_number: int = 1) -> list[Line]:
    """Normalise and classify each raw line; ``first_number`` is its source line number."""
    return mark_furniture(_read_lines(raw_lines, first_number))


def mark_furniture(lines: list[Line]) -> list[Line]:
    """The furniture that needs more than one line to see: whole TOCs, page numbers, running lines.

    ``lines`` carry their own kinds (``line_kind``) and their ``page`` (1-based; 0 when the
    source has no page starts, then one-space ``page_start`` lines stand in).  A reader that
    knows its pages (the PDF reader) can call this on its own lines.
    """
    pages = list(_pages(lines))
    lines = mark_contents(_table_marks(lines))  # leader entries are "toc" already (line_kind)
    lines = mark_slide_numbers(_page_numbers(lines, pages))
    return _running_lines(lines, pages)


def _read_lines(raw_lines: list[str], first_number: int) -> list[Line]:
    """One Line per raw line.  A form feed marks a page start; it is never text.

    ``page`` counts pages from 1 when the source has form feeds (0 when it has none).  Without
    them, a line starting with exactly one space is taken as a page start, as before.
    """
    paged = any(FORM_FEED in raw for raw in raw_lines)
    lines: list[Line] = []
    page = 1 if paged else 0
    new_page = False  # a form feed was seen and the page has had no text yet
    for offset, raw in enumerate(raw_lines):
        raw = raw.rstrip("\n")
        feeds = raw.count(FORM_FEED)
        page += feeds if paged else 0
        new_page = new_page or feeds > 0
        text = join_spaced_japanese(normalize_chars(raw.replace(FORM_FEED, "")))
        stripped = text.strip(" \u3000")
        if paged:
            page_start = feeds > 0 or (new_page and bool(stripped))
        else:
            page_start = text.startswith(" ") and not text.startswith("  ")
        if stripped:
            new_page = False
        lines.append(
            Line(
                number=first_number + offset,
                text=stripped,
                kind=line_kind(text),
                page_start=page_start,
                indent=len(text) - len(text.lstrip(" \u3000")),
                raw=raw,
                page=page,
            )
        )
    return lines


def line_kind(text: str) -> str:
    """What one line is by its own text.  Bare numbers are "body" here: see _page_numbers."""
    if FOOTNOTE_RULE.fullmatch(text):
        return "footnote-rule"
    stripped = text.strip(" \u3000\t")
    if not stripped:
        return "blank"
    if PAGE_NUMBER_BY_FORM.fullmatch(stripped):
        return "page-number"
    if TOC_ENTRY.fullmatch(stripped):
        return "toc"
    if SLIDE_RESIDUE.fullmatch(stripped):
        return "slide-residue"
    return "body"


def _pages(lines: list[Line]) -> Iterator[list[int]]:
    """Indexes of the lines of each page, in order (page starts: form feeds or one-space lines)."""
    current: list[int] = []
    paged = any(line.page for line in lines)
    for index, line in enumerate(lines):
        boundary = (line.page != lines[index - 1].page) if paged and index else (not paged and line.page_start)
        if boundary and current:
            yield current
            current = []
        current.append(index)
    if current:
        yield current


# -- marks that are table values -------------------------------------------

# Marks that Japanese tables use as values: ○ applies, ◎ required, △ partly, × no, ■/□ checked or
# not, － none.  On a slide a lone ● or - is a bullet that lost its text.
VALUE_MARKS = "○◎◯●△▲▽×✕☆★■□◇◆－−"
_MARKS_ONLY = re.compile(rf"[{VALUE_MARKS}](?:\s*[{VALUE_MARKS}])*")


def _table_marks(lines: list[Line]) -> list[Line]:
    """Mark-only lines are table values, not slide residue, where the document uses a scale of marks.

    A document whose mark-only lines use two or more different marks (「◎ ○ ☆」, 「■」 and 「□」)
    grades things with them: each such line is a cell of its table.  One kind of mark alone
    (「- -」, a lone 「●」) says nothing and stays residue.
    """
    marks = {ch for line in lines if _MARKS_ONLY.fullmatch(line.text) for ch in line.text if ch in VALUE_MARKS}
    if len(marks) < 2:
        return lines
    values = {i for i, line in enumerate(lines) if line.kind == "slide-residue" and _MARKS_ONLY.fullmatch(line.text)}
    return [replace(line, kind="body") if i in values else line for i, line in enumerate(lines)]


# -- page numbers ------------------------------------------------------------

# How far from a page's edge its number can stand: pdftotext puts figure labels and running
# lines around it, so it is not always the very last line.
_FIRST_LINES, _LAST_LINES = 2, 3


def _page_numbers(lines: list[Line], pages: list[list[int]]) -> list[Line]:
    """Bare numbers that the page evidence shows to be page numbers."""
    if any(line.page for line in lines):
        return mark_lines(lines, _numbers_by_page(lines, pages), "page-number")
    return mark_lines(lines, _numbers_without_pages(lines), "page-number")


def _numbers_by_page(lines: list[Line], pages: list[list[int]]) -> set[int]:
    """Form-feed sources: a number at a page's edge that keeps step with the pages
    (page_furniture.offsets_in_step says which offsets number the document).

    Page numbers sit at the foot of the page or at its head, whichever the document uses; a
    number on the other side is taken only when its page has no number where the document puts
    them (pdftotext moved it) and no title follows it (a clause number has one).
    """
    candidates: list[tuple[int, int, str]] = []  # (line index, number - page, "head"/"foot"/"both")
    for indexes in pages:
        content = body_indexes(lines, indexes)
        head, foot = set(content[:_FIRST_LINES]), set(content[-_LAST_LINES:])
        for index in sorted(head | foot):
            if BARE_NUMBER.fullmatch(lines[index].text):
                position = "both" if index in head and index in foot else "head" if index in head else "foot"
                candidates.append((index, int(lines[index].text) - lines[index].page, position))
    shared = offsets_in_step((int(lines[index].text), lines[index].page) for index, _, _ in candidates)
    # Which edge the document uses, from the numbers that stand at one edge only (a short page's
    # lines are at both).
    sides = Counter(position for _, offset, position in candidates if offset in shared and position != "both")
    usual = "head" if sides["head"] > sides["foot"] else "foot"  # a tie: most documents number at the foot
    accepted = {index for index, offset, position in candidates
                if offset in shared and position in (usual, "both")}
    numbered_pages = {lines[index].page for index in accepted}
    for index, offset, position in candidates:
        if (offset in shared and position != usual and lines[index].page not in numbered_pages
                and not _title_follows(lines, index)):
            accepted.add(index)
    for index, _, position in candidates:
        twice = printed_twice(lines[index].text)
        if twice is not None and twice - lines[index].page in shared and position in (usual, "both") \
                and lines[index].page not in numbered_pages:
            accepted.add(index)  # the page's number printed twice, read as one run of digits
    return accepted


def _title_follows(lines: list[Line], index: int) -> bool:
    """The next text on the same page is short and not a sentence: the title of a clause number."""
    nxt = next_body(lines, index)
    if nxt is None or lines[nxt].page != lines[index].page:
        return False
    return _title_like(lines[nxt].text)


def _title_like(text: str) -> bool:
    return len(text) <= 40 and not text.endswith("。") and not text[:1].isdigit()


def _isolated(lines: list[Line], index: int) -> bool:
    """Blank (or a page start) on both sides; the file's own start and end do not count."""
    if index == 0 or index + 1 >= len(lines):
        return False
    before_ok = lines[index - 1].kind == "blank" or lines[index].page_start
    after_ok = lines[index + 1].kind == "blank" or lines[index + 1].page_start
    return before_ok and after_ok


def _vertical_text_before(lines: list[Line], index: int) -> bool:
    """The number ends a word set vertically, one character a line (「別」「紙」「３」)."""
    before = next_body(lines, index, -1)
    return before is not None and len(lines[before].text) == 1 and is_cjk(lines[before].text)


def _numbers_without_pages(lines: list[Line]) -> set[int]:
    """Sources without form feeds: a number alone between blank lines (or page starts).

    Two such numbers in sequence (the later one larger by no more than the page starts between
    them) are page numbers; a lone one is when no title follows it (a clause "1" has its title
    on the next line).
    """
    candidates = [
        i for i, line in enumerate(lines)
        if line.kind == "body" and BARE_NUMBER.fullmatch(line.text) and _isolated(lines, i)
        and not _vertical_text_before(lines, i)
    ]
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + (1 if line.page_start else 0))
    accepted: set[int] = set()
    for a, b in itertools.pairwise(candidates):
        step = int(lines[b].text) - int(lines[a].text)
        if 0 < step <= starts[b + 1] - starts[a]:
            accepted.update((a, b))
    for index in candidates:
        if index in accepted:
            continue
        nxt = next_body(lines, index)
        if nxt is None or not _title_like(lines[nxt].text):
            accepted.add(index)
    return accepted


# -- running headers and footers --------------------------------------------

# A running line is looked for among a page's first (last) lines: a chapter title may take two.
_HEAD_LINES, _FOOT_LINES = 3, 2
# Below this many characters a recurring line is a label (「（Ａ）」「○南関係官」), not a header.
_RUNNING_MIN_CHARS = 8


def _running_lines(lines: list[Line], pages: list[list[int]]) -> list[Line]:
    header = _running_slot(lines, pages, head=True)
    footer = _running_slot(lines, pages, head=False)
    header |= _repeated_page_heads(lines, pages) - footer
    lines = mark_lines(lines, header, "running-header")
    return mark_lines(lines, footer, "running-footer")


def _slot(lines: list[Line], indexes: list[int], head: bool) -> list[int]:
    content = body_indexes(lines, indexes)
    return content[:_HEAD_LINES] if head else content[-_FOOT_LINES:]


def _running_slot(lines: list[Line], pages: list[list[int]], head: bool) -> set[int]:
    """Lines that recur at the head (foot) of pages, in a document that runs them on most pages.

    A document with a running header repeats its chapter or part title at the top of page after
    page.  The first line of a page's head is running when it stands first on another page too;
    the next is when it follows the same running line on another page as well (a title over two
    lines, 「付録６」「国際標準に準拠するための留意点」), so a section heading that happens to
    open pages of two chapters is not taken.  A line that repeats the line just above it is the
    heading the header repeats, and stays (and then the header above it goes even on a single
    page).  Only when most pages carry such a line is the document taken to have running lines
    at all: speaker labels or a continued slide title recurring on a few pages are text.  Where a
    running text first appears in the document (the chapter's first page), it is the title
    itself, and stays.
    """
    if not any(line.page for line in lines):
        return set()  # one-space page starts are too unreliable to find a slot by
    chains = [_slot(lines, indexes, head) for indexes in pages]
    chains = [chain if head else chain[::-1] for chain in chains]
    # What each line repeats from page to page: its text, its page number or counter aside.
    keys = [without_page_number(line.text) for line in lines]
    pages_per_key: dict[tuple[str, str], set[int]] = defaultdict(set)
    for chain in chains:
        for position, index in enumerate(chain):
            above = keys[chain[position - 1]] if position else ""
            pages_per_key[(above, keys[index])].add(lines[index].page)
    at_edges = Counter(keys[index] for chain in chains for index in chain)
    in_chains = {index for chain in chains for index in chain}
    within_pages = Counter(keys[index] for index, line in enumerate(lines)
                           if line.kind == "body" and index not in in_chains)
    running: list[int] = []
    pages_with = 0
    for chain in chains:
        found = _running_chain(lines, keys, chain, pages_per_key, head, at_edges, within_pages)
        pages_with += bool(found)
        running.extend(found)
    numbered = sum(1 for indexes in pages if body_indexes(lines, indexes))
    if pages_with < 3 or pages_with < 0.6 * numbered:
        return set()
    first_seen = _first_seen(lines, keys)
    return {i for i in running if not head or first_seen[keys[i]] != i or _repeated_below(lines, i)}


def _running_chain(lines: list[Line], keys: list[str], chain: list[int],
                   pages_per_key: dict[tuple[str, str], set[int]], head: bool, at_edges: Counter[str],
                   within_pages: Counter[str]) -> list[int]:
    """The running lines of one page's head (or foot, read upwards): a chain from its edge (``keys``:
    what each line repeats from page to page)."""
    found: list[int] = []
    for position, index in enumerate(chain):
        text = keys[index]
        above = keys[chain[position - 1]] if position else ""
        if BARE_NUMBER.fullmatch(lines[index].text) or text == above:
            break
        repeated_heading = head and position == 0 and _repeated_below(lines, index)
        if len(pages_per_key[(above, text)]) < 2 and not repeated_heading:
            break
        # A running line stands at the pages' edges; a line printed more often inside the pages than
        # at their edges is the text's own, opening a few pages by chance (the chair's label
        # 「○委員長（…）」 under a browser's print header).
        if within_pages[text] > 2 * at_edges[text]:
            break
        found.append(index)
    return found


def _first_seen(lines: list[Line], keys: list[str] | None = None) -> dict[str, int]:
    """Each body text's first line (by ``keys``, one per line, where given): where a running text
    first stands is its own place."""
    first: dict[str, int] = {}
    for index, line in enumerate(lines):
        if line.kind == "body":
            first.setdefault(line.text if keys is None else keys[index], index)
    return first


def _repeated_below(lines: list[Line], index: int) -> bool:
    nxt = next_body(lines, index)
    return nxt is not None and lines[nxt].text == lines[index].text


def _repeated_page_heads(lines: list[Line], pages: list[list[int]]) -> set[int]:
    """A table's header row repeated at a page's head, inside a sentence of a cell.

    A table that runs over pages repeats its header row on each; pdftotext puts it where the
    page starts, which can be inside a cell's sentence (「…海外の BC 人」 / header row / 「材の訪日
    を…」).  Such a repeat is furniture when the block repeats lines seen earlier in the middle
    of a page (the table's own header, which stays; one-space page starts are too unreliable to
    tell), none of them a sentence, and the text
    around it joins: the line before does not end a sentence, the line after continues a word.
    """
    first_seen = _first_seen(lines)
    paged = any(line.page for line in lines)
    page_heads = {content[0] for content in (body_indexes(lines, indexes) for indexes in pages) if content}
    marked: set[int] = set()
    for head in sorted(page_heads):
        earlier = first_seen.get(lines[head].text)
        if earlier is None or earlier >= head or (paged and earlier in page_heads):
            continue  # with form feeds, a block first seen at a page's head is a continued title
        if len(lines[head].text.replace(" ", "")) < _RUNNING_MIN_CHARS:
            continue
        block = _matching_block(lines, earlier, head)
        if any(lines[i].text.endswith("。") for i in block):
            continue
        before, after = next_body(lines, head, -1), next_body(lines, block[-1])
        if before is not None and after is not None and _continues(lines[before].text, lines[after].text):
            # The blank lines inside the block are its own line spacing, not a paragraph break.
            marked.update(range(block[0], block[-1] + 1))
    return marked


def _continues(before: str, after: str) -> bool:
    """``after`` goes on with a sentence cut off before the block.

    Either ``after`` starts with what cannot start a word (a prolonged sound mark, a small
    kana, closing punctuation: footnotes may stand between the two halves), or ``before`` stops
    mid-sentence and ``after`` goes on in Japanese, not with a bullet, bracket or marker.
    """
    if after[0] in CONTINUATION_ONLY:
        return True
    return (is_cjk(before[-1]) and before[-1] not in CUT_SENTENCE_END and is_cjk(after[0])
            and not after.startswith(("・", "「", "（", "≪", "【", "○", "◯", "■", "□", "●")))


# A table's header row, however many lines its cells wrap to, is short: a longer repeat is a
# document's text repeated (and following it line by line would cost time that grows with its square).
_LONGEST_HEADER_ROW = 40


def _matching_block(lines: list[Line], earlier: int, head: int) -> list[int]:
    """The lines from ``head`` on that repeat, one for one, the body lines from ``earlier`` on."""
    block: list[int] = []
    a: int | None = earlier
    b: int | None = head
    while a is not None and b is not None and a < head and lines[a].text == lines[b].text \
            and len(block) < _LONGEST_HEADER_ROW:
        block.append(b)
        a, b = next_body(lines, a), next_body(lines, b)
    return block
