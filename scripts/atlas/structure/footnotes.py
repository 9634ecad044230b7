"""Footnote markers glued to words ("概念である1。", "Suica10") → footnote references.

A number is only taken for a marker when a footnote with that label exists,
the labels are met in order, and the marker stands in the text printed
before the note (on the same or an earlier page).  Numbers that are part of
names (web3, G20, NH3, Society 5.0) are never markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.document import Draft, Footnote, FootnoteRef, Heading, Line, ListBlock, ListItem, Paragraph, SourceSpan
from ..text.normalize import is_cjk
from ..text.numbering import CLOSING, CONTINUATION_START, display_width, heading_of, join_text

# How far above its note (in source lines) a marker may stand.
MAX_DISTANCE = 120
# A number after these names a thing (web3, G20, Society 5.0) or points to a part (付録1, 図2, 別紙3).
_NOT_MARKER_BEFORE = re.compile(
    r"(?:web|Web|WEB|G|NH|CO|ver|Ver|Society |Beyond |PM|B|No\.|第|付録|別紙|別添|資料|図|表)$"
)


def _marker(label: str) -> re.Pattern[str]:
    # Not after a space, nor before what a number counts: a unit or a Latin word (「1回」「3倍」「、1IP アドレス
    # あたり」「5G」), nor an item's closing bracket (「2) 」).
    return re.compile(
        rf"(?<=[^\s0-9.,．，:/\-])({re.escape(label)})(?![0-9０-９.,．年月日時分秒回件人倍個万億円％%A-Za-z]|\)\s)"
    )


class _Title:
    """A heading's title, searched for marks like a paragraph's text: only a mark closing the title
    (「…イニシアティブ（GPAI3）」, 「…の動向12」) counts — inside a title a number is the title's own
    (「コラム1-3」「フェーズ2の…」)."""

    def __init__(self, heading: Heading) -> None:
        self.heading = heading
        self.span = heading.span
        self.refs = heading.refs

    @property
    def text(self) -> str:
        return self.heading.title

    @text.setter
    def text(self, value: str) -> None:
        self.heading.title = value


# What may follow a mark at a title's end: closing brackets, and the marks of further notes set like it
# (「…「CyberAgentLM」＊6＊7」: two notes on one title, their marks one after the other).
_TITLE_CLOSING = "[）)」』】〕]"


def _title_end(label: str) -> re.Pattern[str]:
    """The rest of a title after the mark ``label`` at its end (see _TITLE_CLOSING): a further mark
    counts only where the label opens with a mark of its own (「＊6」「※1」): digits after a bare number
    are the number's."""
    mark = re.sub(r"[0-9０-９].*", "", label)
    further = f"|{re.escape(mark)}[0-9０-９]{{1,3}}" if mark else ""
    return re.compile(f"(?:{_TITLE_CLOSING}{further})*$")


def link_footnotes(draft: Draft, pages: dict[int, int] | None = None,
                   raised: dict[int, tuple[tuple[str, str, str], ...]] | None = None) -> None:
    """Each note's marker (its label glued after a word, above the note) → a footnote reference.

    ``pages``: each source line's page, where known.  Notes printed at the foot of a page's first
    column come before its second column in reading order; a marker after its note on the same
    page is that note's too.  ``raised``: each PDF line's raised digit runs (read/raised.py) with
    the text around them; where the page set a note's label raised, that is its mark, before any
    number the text alone would take (「CASP¹13で1位」: the raised 1, not the 1 of 1位)."""
    blocks: list[Paragraph | ListItem | _Title] = []
    for item in draft.items:
        if isinstance(item, Paragraph) and item.kind not in ("preformatted", "code"):
            blocks.append(item)
        elif isinstance(item, ListBlock):
            blocks.extend(item.items)
        elif isinstance(item, Heading) and item.title:
            blocks.append(_Title(item))
    position = (0, 0)  # (block index, offset) after the last marker found
    seen: dict[str, int] = {}
    for note in draft.footnotes:
        seen[note.label] = seen.get(note.label, 0) + 1
        if seen[note.label] > 1:  # numbered per page: the note's own id on the page
            note.key = f"{note.label}-{seen[note.label]}"
        last = _page_end(note.span.start, pages or {})
        found = None
        for marks in ([raised] if raised else []) + [None]:  # raised marks first, then the text's evidence
            found = _find(blocks, note.label, note.span.start, position, last, marks)
            if found is None:
                # Two columns read line by line put a page's marks out of order: look again from the
                # top of the note's reach (MAX_DISTANCE lines above it).
                found = _find(blocks, note.label, note.span.start, (0, 0), last, marks)
            if found is not None:
                break
        if found is None:
            continue
        index, offset = found
        block = blocks[index]
        end = offset + len(note.label)
        # "メッシュ8 の構築": the space was the number's, not the sentence's.
        after = block.text[end + 1 : end + 2]
        if block.text[end : end + 1] == " " and is_cjk(block.text[offset - 1]) and after and is_cjk(after):
            end += 1
        if block.text[offset - 1 : offset] == " " and offset >= 2 and is_cjk(block.text[offset - 2]):
            offset -= 1  # 「である ¹²。」「制度³ ⁴」: a gap the page left before a raised mark, no word space
        block.text = block.text[:offset] + block.text[end:]
        block.refs.append(FootnoteRef(offset, note.label, note.key))
        position = (index, offset)


def _page_end(note_line: int, pages: dict[int, int]) -> int:
    """The last source line of the note's page (the note's own line when its page is not known)."""
    page = pages.get(note_line, 0)
    if not page:
        return note_line
    line = note_line
    while pages.get(line + 1, 0) == page:
        line += 1
    return line


def _find(
    blocks: list[Paragraph | ListItem | _Title], label: str, note_line: int, after: tuple[int, int],
    last: int | None = None, raised: dict[int, tuple[tuple[str, str, str], ...]] | None = None,
) -> tuple[int, int] | None:
    """The first marker of ``label`` in a block from ``after`` on that ends within MAX_DISTANCE lines
    above the note and begins by ``last`` (the last line of the note's page; the note's own line
    when its page is not known).  With ``raised``, only the label's raised runs count as marks."""
    pattern, title_end = _marker(label), _title_end(label)
    for index in range(after[0], len(blocks)):
        block = blocks[index]
        if block.span.start > (note_line if last is None else last):
            return None
        if block.span.end < note_line - MAX_DISTANCE:
            continue
        start = after[1] if index == after[0] else 0
        if raised is not None:
            offset = _raised_mark(block, label, raised, start)
            if offset is not None:
                return index, offset
            continue
        for match in pattern.finditer(block.text, start):
            if label[0].isdigit() and _NOT_MARKER_BEFORE.search(block.text[: match.start()]):
                continue  # a number that is part of a name (web3, G20); a ※1 or 注1 mark is never
            if isinstance(block, _Title) and not title_end.fullmatch(block.text, match.end()):
                continue  # a number inside a heading's title is the title's
            return index, match.start()
    return None


def _raised_mark(
    block: Paragraph | ListItem | _Title, label: str, raised: dict[int, tuple[tuple[str, str, str], ...]], start: int
) -> int | None:
    """Where in the block's text (from ``start``) a raised run of ``label`` on one of its lines
    stands: found by the characters printed around it on its line (a line's break may part the
    mark from what follows it, so the text before it alone also serves).  The context is the
    page's ink: the line's text may hold a space between any two of its characters (「2 件⁵）」,
    the gap before a second mark on the same word 「制度³ ⁴」)."""
    found: list[int] = []
    for number in range(block.span.start, block.span.end + 1):
        for before, digits, after in raised.get(number, ()):
            if digits != label or not (before or after):
                continue
            for context in (after, ""):
                if not (before or context):
                    continue
                match = _spaced(before, label, context).search(block.text, start)
                if match is not None:
                    found.append(match.start("mark"))
                    break
    return min(found) if found else None


def _spaced(before: str, label: str, after: str) -> re.Pattern[str]:
    """The mark and its context, a space allowed between any two characters."""
    def loose(text: str) -> str:
        return r"\s?".join(re.escape(ch) for ch in text)
    tail = r"\s?" + loose(after) if after else ""
    return re.compile(loose(before) + r"\s?(?P<mark>" + re.escape(label) + r")" + tail)


# ---------------------------------------------------------------------------
# Footnotes in pdftotext's text (no layout): where a page's notes stand in the text
# ---------------------------------------------------------------------------
#
# pdftotext writes a page's footnotes where they are printed, at the page's foot, in two shapes:
# each note on its line after its number and a space (「3　Application Programming Interface」,
# 「※1 …」, 「注2 …」), or, when the number stands in a margin column of its own, the numbers first,
# one a line (「1」「2」「3」), then the notes' text.  Either is a footnote only where the body
# above, on the same page, carries the matching markers glued after a word (「データ連携3」): that
# is what sets a note apart from a numbered heading or a list item, which no marker points to.

# A note on its line: its label (a number, ※N, 注N, ＊N), a space, its text.
_NOTE_LINE = re.compile(r"(?P<label>(?:※|注|＊|\*)\s?\d{1,2}|\d{1,2})[ \u3000]+(?P<text>\S.*)")
_BARE_NUMBER = re.compile(r"\d{1,2}")
# What a footnote's text cannot begin with: a counted unit or a day of a month (「1 4 月 10 日 …」 is
# a row of a table of dates); a year may (「3 2024 年 4 月 1 日、…」).
_NOT_NOTE_START = re.compile(r"[年月日時分秒回条項号章節部期次位点番件社名人歳割倍つヵか個台円％%万億千百]"
                             r"|\d{1,2}\s*[月日時分.．]")
# A note runs to a few lines; more is a paragraph that happens to start with a number.
MAX_NOTE_LINES = 8
# A number in brackets (「検討（1）」「(2)」) is an item's number, never a note's mark.
_BRACKETED = re.compile(r"[（(]$")
# A line that is cut short of the notes' measure ended its note (below this share of the widest).
_SHORT_LINE = 0.75


@dataclass
class TextNotes:
    """Footnotes found in a text's lines: the notes to add where their first line stands (by line
    index), and every line index they were made of (their numbers and text: no longer body text)."""

    at: dict[int, list[Footnote]] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)


def text_footnotes(lines: list[Line]) -> TextNotes:
    """The footnotes of pdftotext text: 「N　text」 lines at a page's or section's end, and stacked
    numbers followed by their notes' text (see above).  Lines read with their layout (the PDF
    reader) are left alone: it finds notes by their size and place."""
    notes = TextNotes()
    if any(line.layout is not None for line in lines):
        return notes
    finder = _NoteFinder(lines, notes)
    index = 0
    while index < len(lines):
        index = finder.at(index)
    return notes


class _NoteFinder:
    def __init__(self, lines: list[Line], notes: TextNotes) -> None:
        self.lines = lines
        self.notes = notes
        self.last_label = 0  # the last note number taken (notes number in sequence, or from 1 again)
        self.window_start = 0  # markers are looked for after the last notes taken

    def at(self, index: int) -> int:
        """Try the notes that may start at ``index``; return the index to go on from."""
        line = self.lines[index]
        if line.kind != "body" or "\t" in line.text or index in self.notes.taken:
            return index + 1
        found = self.stacked(index) if _BARE_NUMBER.fullmatch(line.text) else self.inline(index)
        return found if found is not None else index + 1

    # -- where a note may stand -------------------------------------------------------------
    def label_fits(self, value: int) -> bool:
        return value == 1 or value == self.last_label + 1

    def next_content(self, index: int, max_blanks: int = 2) -> int | None:
        """The next body line after ``index`` across blank lines and furniture; None past a gap."""
        probe, blanks = index + 1, 0
        while probe < len(self.lines) and self.lines[probe].kind != "body":
            blanks += self.lines[probe].kind == "blank"
            probe += 1
        if probe >= len(self.lines) or blanks > max_blanks:
            return None
        return probe

    def has_marker(self, label: str, index: int) -> bool:
        """Whether the body above ``index`` (its page, after the last notes taken) carries ``label``
        glued after a word, as a footnote's reference mark."""
        page = self.lines[index].page
        pattern = _marker(label)
        # Where the text has page starts, the note's page; else as far as a page of text goes.
        start = self.window_start if page else max(self.window_start, index - MAX_DISTANCE)
        for probe in range(index - 1, start - 1, -1):
            line = self.lines[probe]
            if page and line.page != page:
                break
            if line.kind != "body" or probe in self.notes.taken:
                continue
            for match in pattern.finditer(line.text):
                before = line.text[: match.start()]
                # A bare number after a name or in brackets is no mark; 「（注1）」 is one.
                bare = label[0].isdigit()
                if before and not (bare and (_NOT_MARKER_BEFORE.search(before) or _BRACKETED.search(before))):
                    return True
        return False

    def ends_a_part(self, index: int) -> bool:
        """Whether what follows line ``index`` is a new page, a heading or the end of the text:
        notes stand at the foot of a page or at the end of a section, never inside the prose."""
        probe = index + 1
        while probe < len(self.lines) and self.lines[probe].kind != "body":
            if self.lines[probe].page_start:
                return True
            probe += 1
        if probe >= len(self.lines):
            return True
        line = self.lines[probe]
        if line.page_start or (line.page and line.page != self.lines[index].page):
            return True
        heading = heading_of(line.text)
        return heading is not None and not heading[0].weak

    def take(self, first: int, notes: list[Footnote], used: list[int], label: int) -> None:
        self.notes.at[first] = notes
        self.notes.taken.update(used)
        self.last_label = label
        self.window_start = max(used) + 1

    # -- 「N　text」 ----------------------------------------------------------------------------
    def inline(self, index: int) -> int | None:
        match = _NOTE_LINE.fullmatch(self.lines[index].text)
        if match is None or not self.starts_a_block(index):
            return None
        notes: list[Footnote] = []
        used: list[int] = []
        value = _label_value(match["label"])
        if not self.label_fits(value):
            return None
        probe: int | None = index
        # note_goes_on gives len(self.lines) for a note too long to be one: no line to read there.
        while probe is not None and probe < len(self.lines):
            match = _NOTE_LINE.fullmatch(self.lines[probe].text)
            if match is None or _NOT_NOTE_START.match(match["text"]):
                break
            label = match["label"].replace(" ", "")
            if not self.has_marker(label, index):
                break
            if notes and _label_value(match["label"]) != _label_value(notes[-1].label) + 1:
                break
            note = Footnote(label, match["text"], SourceSpan(self.lines[probe].number, self.lines[probe].number))
            notes.append(note)
            used.append(probe)
            probe = self.note_goes_on(note, probe, used)
        if probe == len(self.lines) or not notes or not self.ends_a_part(used[-1]):
            return None
        self.take(index, notes, used, _label_value(notes[-1].label))
        return used[-1] + 1

    def starts_a_block(self, index: int) -> bool:
        """A note begins after a blank line, a page's furniture or a finished sentence."""
        above = self.lines[index - 1] if index else None
        if above is None or above.kind != "body" or index - 1 in self.notes.taken:
            return True
        return above.text.endswith(tuple(CLOSING))

    def note_goes_on(self, note: Footnote, index: int, used: list[int]) -> int | None:
        """Join the lines that continue ``note`` (no blank between, no next label); return the
        index of the next note's line, or None when the notes end."""
        probe = index + 1
        while probe < len(self.lines) and self.lines[probe].kind == "body":
            text = self.lines[probe].text
            if _NOTE_LINE.fullmatch(text) or _BARE_NUMBER.fullmatch(text) or "\t" in text or _heading(text):
                break
            if probe - index >= MAX_NOTE_LINES:
                return len(self.lines)  # too long for a note: see inline()
            note.text = join_text(note.text, text)
            note.span = note.span.merge(SourceSpan(self.lines[probe].number, self.lines[probe].number))
            used.append(probe)
            probe += 1
        nxt = self.next_content(probe - 1, max_blanks=1)
        if nxt is None or not _NOTE_LINE.fullmatch(self.lines[nxt].text):
            return None
        return nxt

    # -- stacked numbers, then the notes' text ----------------------------------------------------
    def stacked(self, index: int) -> int | None:
        numbers = self.number_run(index)
        if not numbers:
            return None
        labels = [self.lines[i].text for i in numbers]
        # The notes run to the last number with a mark in the body (a number after it is the page's
        # number, set among them); a mark lost inside a figure or a heading leaves a gap, but most
        # of the numbers up to there must have theirs.
        found = [self.has_marker(label, index) for label in labels]
        marked = max((i + 1 for i, ok in enumerate(found) if ok), default=0)
        if not marked or not found[0] or 2 * sum(found[:marked]) <= marked:
            return None
        texts = self.note_text_lines(numbers[-1])
        if len(texts) > marked * MAX_NOTE_LINES:
            return None
        groups = split_notes([self.lines[i].text for i in texts], marked)
        if groups is None:
            return None
        notes: list[Footnote] = []
        at = 0
        for label, size in zip(labels, groups, strict=False):
            part = texts[at : at + size]
            at += size
            text = ""
            for i in part:
                text = join_text(text, self.lines[i].text) if text else self.lines[i].text
            notes.append(Footnote(label, text, SourceSpan(self.lines[part[0]].number, self.lines[part[-1]].number)))
        self.take(index, notes, numbers[:marked] + texts, int(labels[marked - 1]))
        return index + 1

    def number_run(self, index: int) -> list[int]:
        """Bare numbers counting up one a line from ``index`` (blank lines between allowed)."""
        value = int(self.lines[index].text)
        if not self.label_fits(value):
            return []
        run = [index]
        probe = self.next_content(index, max_blanks=1)
        while probe is not None and self.lines[probe].text == str(value + len(run)):
            run.append(probe)
            probe = self.next_content(probe, max_blanks=1)
        return run

    def note_text_lines(self, last_number: int) -> list[int]:
        """The lines of text after a run of note numbers: one block without blank lines, after at
        most one stray number (the page number pdftotext set among them)."""
        probe = self.next_content(last_number)
        if probe is not None and _BARE_NUMBER.fullmatch(self.lines[probe].text):
            probe = self.next_content(probe)
        found: list[int] = []
        if probe is not None and self.lines[probe].text.startswith(CONTINUATION_START):
            return found  # the rest of a sentence of the body, not a note's first words
        while probe is not None and probe < len(self.lines) and self.lines[probe].kind == "body":
            text = self.lines[probe].text
            if _BARE_NUMBER.fullmatch(text) or "\t" in text or _heading(text):
                break
            if found and self.lines[probe].page_start:
                break
            found.append(probe)
            probe += 1
        return found


def _heading(text: str) -> bool:
    """A heading in a strong form (「1－8．中国」「第2節 …」): never a note's text."""
    heading = heading_of(text)
    return heading is not None and not heading[0].weak


def _label_value(label: str) -> int:
    return int(re.sub(r"\D", "", label))


def split_notes(texts: list[str], count: int) -> list[int] | None:
    """How many of ``texts`` (the lines under stacked note numbers) each of ``count`` notes takes.

    A line ends its note where it ends a sentence, stops short of the notes' measure or ends a
    URL; it cannot where the next line goes on from it (a particle, closing punctuation or a URL
    starting it, a comma or an open bracket ending the line before).  The ``count - 1`` best places
    are the ends; None when the lines do not fall into ``count`` notes.
    """
    if len(texts) < count:
        return None
    widest = max(display_width(text) for text in texts)
    scores: list[tuple[float, int]] = []
    for gap in range(1, len(texts)):
        score = _end_score(texts[gap - 1], texts[gap], widest)
        if score > 0:
            scores.append((score, gap))
    if len(scores) < count - 1:
        return None
    best = sorted(scores, key=lambda s: (-s[0], s[1]))[: count - 1]
    ends = [*sorted(gap for _, gap in best), len(texts)]
    sizes, start = [], 0
    for end in ends:
        sizes.append(end - start)
        start = end
    return sizes


def _end_score(before: str, after: str, widest: int) -> float:
    """How surely a note ends between two lines (≤ 0: it goes on)."""
    if after.startswith(CONTINUATION_START) or after.startswith(("http", "www.")) or after[:1].islower():
        return 0
    if before.endswith(("、", "，", ",", "・", "（", "(", "「", "『")):
        return 0
    score = 0.0
    if before.endswith(("。", ".", "．")):
        score += 3
    if display_width(before) < widest * _SHORT_LINE:
        score += 2
    if re.search(r"https?://\S+$", before):
        score += 2.5  # a reference ends with its URL: surer than a short line (a title's wrap)
    if "\u3040" <= before[-1] <= "\u309f":
        score -= 2  # a hiragana ending: a sentence cut at the line's end
    return score
