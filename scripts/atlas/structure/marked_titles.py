"""Titles set off by a mark, not a number: decided for the whole run, never line by line.

Japanese documents head short parts with a mark as often as with a number: 「◆意思決定の迅速化」
over a paragraph of its own, 「■デバイスの盗難、紛失」 over the numbered advice under it, a recurring
bracketed label 「（補足説明）」 opening the explanation under each numbered proposal.  The same marks
also open the items of a list (「◆」 as a bullet), and a label in 【】 or after ○ also names a list
(「【前半パート】」 over ①…⑧) or a term with its one-sentence gloss (「○知識及び技能（…）」 over
「…身に付けていること。」).  One line cannot tell which; the document can:

- marks used as titles come as a run of siblings (the same mark, with no numbered heading between
  them), each line short, ending no sentence, standing alone above prose of its own;
- a bracketed label alone on its line is a title when the same label recurs, each time after a
  sentence's end and above prose (a label printed once is more often a table's or figure's);
- a line whose own text is a list of items that end no sentence labels that list, and a run whose
  every line is glossed in one sentence lists terms: neither is a heading, whatever its mark;
- a single marked line heads what follows when it stands straight above such a run of titles of
  another mark (「∮ワンポイントアドバイス」 over 「■…」): it is their parent;
- in a PDF the page says it too: a marked line set in display type (another face, bolder or larger
  than the body), standing apart (a gap above it, a page's top, stopping short of the column), over
  text in body type is a title even alone (「● 経済開発協力機構（OECD）」 over a white paper's prose),
  where marked lines in display type one under another are a list set in bold and a mark before a
  caption (「■ 第1-3-3表／…」) is the caption's.  A list's label or a glossed term stays no title
  whatever its face;
- legislation captions each article on a line of its own, a bracketed label straight over the line
  that opens with the article's number (「（趣旨）」 over 「第１条　この条例は、…」): each caption differs
  from the others, so none recurs, but the article under it makes it a title, and the 附則 closing the
  articles is their sibling, as are the annexes after it, each labelled on a line of its own with the
  article it serves (「別表（第４条関係）」「様式第１号（第３条関係）」 over a table or a form);
- a marked title the column's edge cuts (its rest on the next line) is one title with its rest where
  its run has titles over prose, even when the cut falls after a comma inside a name it quotes
  (「● …の「A、B、」 / 「C」」: alone, the first line ends on a comma, as no title does).

The structure step asks ``MarkedTitles.kind`` for a title's kind (its mark, or the label itself),
and ``is_label`` before it takes a 【…】 or ○ line for a heading; where a title of each kind nests is
title_ranks.py's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..model.document import Line
from ..text.numbering import (
    ARTICLE_NUMBER,
    ARTICLE_NUMBER_ALONE,
    BULLETS,
    CLOSING,
    CLOSING_BRACKETS,
    CONTINUATION_START,
    FULL_STOPS,
    HALF_WIDTH_STOPS,
    KANJI_NUMERALS,
    LIST_MARKER,
    SENTENCE_STOPS,
    STATUTE_ANNEX,
    display_width,
    heading_of,
    is_caption,
    opens_a_sentence,
    title_like,
)
from .runs import next_content
from .typeset import Typesetting, stops_short_of_column, style_of

# Marks that set off a title in running text (○ and 【】 are heading schemes of their own:
# numbering.SCHEMES "circle" and "block"; only the vetoes below apply to them).
TITLE_MARKS = "◆◇■□●◎★☆▼▽▲△▶▷►♦∮§"
# The kind of a 「・」 line set as a title (_Reader.large_bullet): a mark the PDF lost.
LARGE_BULLET = "・"
# The circle and block schemes: already headings by their form, unless their lines label a list.
_SCHEME_MARKS = "〇○◯"
# A bracketed label alone on its line: 「（補足説明）」「〔説明〕」「［趣旨］」「＜参考＞」.
_LABEL = re.compile(r"(?P<open>[（(〔［\[＜<])(?P<label>[^（()）〔〕［\]］＜<＞>]{2,12})(?P<close>[）)〕］\]＞>])")
_BLOCK_LABEL = re.compile(r"【[^】]{1,30}】")
# An annex's or a note's label (別紙, 注, 案 …) is read elsewhere; digits or Latin letters alone
# are a list's numbers or a speaker's initial.
_NOT_A_LABEL = re.compile(r"別紙|別添|付録|参考資料|注\d*|案|略|[\dA-Za-zＡ-Ｚａ-ｚ０-９]+|[ \u3000]+")
# A mail or web address alone on its line.
_ADDRESS = re.compile(r"\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+)\s*")
# A title is set shorter than the column by a good margin.
_TITLE_WIDTH = 0.85
# How far (body lines) a title's own text is looked at for a sentence.
_REACH = 40
# A title's own text opens with words, maybe numbered (「1 我が国は、…」), or an item, or a numbered part
# of it (a bullet a text extraction left as a private-use character counts as an item's)…
_OPENS_PROSE = re.compile(
    r"(?:\d{1,2}[ \u3000.．]\s*)?[\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fffA-Za-z「『（(\ue000-\uf8ff]")
# …and ends a sentence within this many lines.
_FIRST_PARAGRAPH = 8
# Runs of titles have at least this many lines; a single line heads only a run below it.
SHORTEST_RUN = 2
# A mark taken for this many titles elsewhere in the document titles its other lines set as they are.
_SIBLING_TITLES = 3
# A line opening an article of legislation: its number (第１条, 第百二条, 第３条の２), then its gap and its
# first sentence.  A justified line may squeeze the gap below a space's width, so the reader sets none
# (「第１１条本補助金の…」): the number then runs straight into words that go on with no reference to it
# (an article cited in a sentence goes on 「の」「に」「第２項」「及び」…; nor a word 条 opens: 条例, 条約, 条件).
_GOES_ON_FROM_A_CITATION = "のにをはがでとへやも及又若並第項例約件、。，．,.）)」"
_ARTICLE = re.compile(rf"{ARTICLE_NUMBER}[ \u3000]+\S|{ARTICLE_NUMBER_ALONE}(?![{_GOES_ON_FROM_A_CITATION}\s])\S")
# An article's caption past a label's length, in round brackets alone on its line.
_LONG_CAPTION = re.compile(r"[（(][^（()）。]{2,40}[）)]")
# The supplementary provisions closing the articles (「附　則」 set letter-spaced, 「附則（令和…）」).
_SUPPLEMENT = re.compile(r"[附付][ \u3000]*則(?:[（(][^）)]{1,30}[）)])?")
# An annex of rules as a 規程 or 要綱 labels it on a line of its own after its 附則, with no 「（第N条関係）」
# (that form is numbering.STATUTE_ANNEX): 「（別表）」「別表第１」「別紙」「（別紙２）」「別記」, the title over
# its forms 「様式集」, and each form's label 「（様式第１）」「様式第２号」「別記様式第３」.
_ANNEX_NUMBER = rf"(?:[0-9０-９]{{1,2}}|[{KANJI_NUMERALS}]{{1,3}})"
_RULES_ANNEX = re.compile(
    rf"(?P<open>[（(])?(?:別表|別紙|別記|様式集|様式一覧)(?:第?{_ANNEX_NUMBER}号?)?(?(open)[）)])")
_FORM = re.compile(rf"(?P<open>[（(])?(?:別記)?(?:様式第{_ANNEX_NUMBER}号?|第{_ANNEX_NUMBER}号様式)(?(open)[）)])")
# Reference material a rule prints after its 附則, labelled alone on its line: 「【参考】」「（参考）」「参考資料」
# 「＜参考２＞」 — no provision of the rule, and no part of its 附則.
_REFERENCE = re.compile(
    rf"(?P<open>[【（(〔［＜<])?参考(?:資料)?{_ANNEX_NUMBER}?(?(open)[】）)〕］＞>])")
# The title over a rule's forms, under which each form's label nests: 「様式集」「様式一覧」.
_FORMS_TITLE = re.compile(r"様式(?:集|一覧)")
# The kind every article caption and the 附則 are given: siblings of one another.
ARTICLE_CAPTION = "（条）"
# The kind of a form's label under the title over its forms (「様式集」 over 「（様式第１）」): its children.
FORM_CAPTION = "（様式）"
# A paragraph's first line is set in by about a character (at least half of one).
_INDENT = 0.5
# A definition's gloss: one sentence, in at most this many lines.
_GLOSS_LINES = 4
# How many times a mark's lines must stand straight over one another before the run is a list.
_STACKED = 2
# A bullet glyph a text extraction set on a line of its own.
_BULLETS_ALONE = frozenset("•・●◆■□◇▪➢✓")
# The kind of a bulleted title set apart by its type (list_level_titles): this and its list level.
LIST_LEVEL_KIND = "list-level:"
# What goes on from a label (a term's definition after a colon): never a title's first text.
_GOES_ON = (*CONTINUATION_START, "：", ":")


@dataclass(frozen=True)
class MarkedTitles:
    """The lines taken as titles, by index, with their kind; and marked lines that label a list."""

    kinds: dict[int, str]
    labels: frozenset[int]
    # A marked title cut at its column's edge: its first line → its last (the rest of the title).
    wrapped: dict[int, int]

    def kind(self, index: int) -> str | None:
        return self.kinds.get(index)

    def is_label(self, index: int) -> bool:
        return index in self.labels


def marked_titles(lines: list[Line], width: int, typeset: Typesetting | None = None) -> MarkedTitles:
    """Decide, for the whole document, which marked lines are titles and which label a list
    (``typeset``: a PDF's typesetting, the page's evidence; None reads the text alone)."""
    reader = _Reader(lines, width, typeset)
    return reader.decide()


class _Reader:
    def __init__(self, lines: list[Line], width: int, typeset: Typesetting | None = None) -> None:
        self.lines = lines
        self.width = width
        self.typeset = typeset
        self.body = [index for index, line in enumerate(lines) if _in_text(line)]
        self.position = {index: position for position, index in enumerate(self.body)}
        self.kind_of = {index: kind for index in self.body if (kind := self.line_kind(index)) is not None}
        # Marked lines whose kind only their next line gives (cut mid-title): titles only if wrapped.
        self.cut = {index for index in self.kind_of
                    if mark_kind(lines[index].text) is None and self.kind_of[index] != LARGE_BULLET}
        self.wrapped: dict[int, int] = {}  # set first by decide(): the other questions read it
        self._body_text: str | None = None  # the body's lines joined by newlines (body_text)

    def line_kind(self, index: int) -> str | None:
        """The line's mark_kind; for a marked line cut at its column's edge mid-title (「● …の「A、B、」 /
        「C」」: its words alone end on a comma), the kind its words and the next line's make (kept
        only where the line is found a wrapped title: decide)."""
        text = self.lines[index].text
        kind = mark_kind(text)
        if kind is None and self.large_bullet(index):
            return LARGE_BULLET
        if kind is not None or not (text[:1] in TITLE_MARKS and text.endswith(("、", "，"))):
            return kind
        position = self.position[index] + 1
        if position >= len(self.body) or not self.reaches_the_edge(self.lines[index]):
            return None
        rest = self.lines[self.body[position]].text
        if mark_kind(rest) is not None or rest.endswith(tuple(FULL_STOPS)) or heading_of(rest) is not None:
            return None
        return mark_kind(text + rest)

    def large_bullet(self, index: int) -> bool:
        """A line opened by 「・」 set clearly larger than the body (typeset.is_large), a title's words:
        a title's mark the PDF lost.  PowerPoint draws its bullets (●, ■) in Wingdings, whose private-use
        code points the reader can only show as 「・」 (read/pdf_source.py); a list's items are set in
        the body's size, a title in display type."""
        text = self.lines[index].text
        return (self.typeset is not None and text[:1] == "・" and text[1:2] not in ("・", "")
                and self.typeset.is_large(self.lines[index]) and title_like(text[1:].strip()))

    # -- the decision ---------------------------------------------------------------
    def decide(self) -> MarkedTitles:
        self.wrapped = self.wrapped_titles()
        for index in self.cut - self.wrapped.keys():
            del self.kind_of[index]  # a list's item cut at a comma, as before: no marked line at all
        labels = {index for index in self.kind_of if self.labels_a_list(index) or self.names_a_thing(index)}
        for run in self.runs(_is_mark):
            if len(run) >= SHORTEST_RUN and all(self.glossed_in_one_sentence(index, index == run[-1]) for index in run):
                labels.update(run)  # terms and their glosses: a list, not sections
            elif self.bullets_one_under_another(run):
                labels.update(run)  # 〇 items of a list (the indications a report lists), not sections
        titles: dict[int, str] = {}
        for run in self.runs(_titled_here):
            if self.run_of_titles(run, labels):
                titles.update({index: self.kind_of[index] for index in run if self.title_shaped(index)})
        # A single marked line straight above a run of titles of another kind heads them.
        for index, kind in self.kind_of.items():
            if index in titles or index in labels or not _titled_here(kind):
                continue
            below = self.next_body(index)
            if below is not None and titles.get(below, kind) != kind and self.title_shaped(index):
                titles[index] = kind
        # A bulleted line the page sets as a title over points bulleted a level deeper.
        titles.update(self.list_level_titles())
        # A marked line the page sets as a heading over body type is one, alone too.
        titles.update({index: kind for index, kind in self.kind_of.items()
                       if index not in titles and index not in labels and self.set_as_a_title(index)})
        # A line of a mark the document titles with, set where its titles stand, is one of them
        # though its type or its length (it fills the column) does not say so by itself.
        titled = Counter(titles.values())
        titles.update({index: kind for index, kind in self.kind_of.items()
                       if index not in titles and index not in labels and _is_mark(kind)
                       and titled[kind] >= _SIBLING_TITLES and self.stands_as_a_sibling(index)})
        captions = {index: ARTICLE_CAPTION for index, kind in self.kind_of.items()
                    if not _is_mark(kind) and kind[0] in "（(" and index not in labels
                    and self.captions_an_article(index)}
        # A caption names its article's whole matter and may run longer than a label
        # (「（…を充てることができる経費の範囲）」): the article under it says what it is.
        captions.update({index: ARTICLE_CAPTION for index in self.body if index not in self.kind_of
                         and _LONG_CAPTION.fullmatch(self.lines[index].text) and self.captions_an_article(index)})
        titles.update(captions)
        # The 附則 alone on its line after the articles closes them, its annexes follow: after captioned
        # articles, or after articles titled on their number's line (「第１条　定義」), which are headings.
        first = min(captions) if captions else self.first_titled_article()
        if first is not None:
            titles.update(self.annexes(first))
        return MarkedTitles(titles, frozenset(labels), self.wrapped)

    def first_titled_article(self) -> int | None:
        """The first of the articles titled on their number's line (numbering.SCHEMES "article": 「第１条
        定義」, no sentence), when the document has a run of them (SHORTEST_RUN): a rule's articles
        set as headings (None: none)."""
        titled = [index for index in self.body if (found := heading_of(self.lines[index].text)) is not None
                  and found[0].name == "article" and found[2]]
        return titled[0] if len(titled) >= SHORTEST_RUN else None

    def annexes(self, first_caption: int) -> dict[int, str]:
        """The 附則 and the annexes after the articles, each a line of its own: siblings of the articles
        (headings.py ranks the 附則 beside the outermost part of the 本則 open, its 章 or its 条); a form's
        label under a title over the forms (「様式集」) is that title's child; reference material labelled
        after the 附則 (「【参考】」) is appended beside it, no part of it."""
        found: dict[int, str] = {}
        forms_titled = supplement = False
        for index in self.body:
            if index <= first_caption:
                continue
            text = self.lines[index].text.replace(" ", "").replace("\u3000", "")
            if _SUPPLEMENT.fullmatch(text) or STATUTE_ANNEX.fullmatch(self.lines[index].text):
                found[index] = ARTICLE_CAPTION
                supplement = supplement or _SUPPLEMENT.fullmatch(text) is not None
            elif _FORM.fullmatch(text):
                found[index] = FORM_CAPTION if forms_titled else ARTICLE_CAPTION
            elif _RULES_ANNEX.fullmatch(text):
                found[index] = ARTICLE_CAPTION
                forms_titled = _FORMS_TITLE.fullmatch(text) is not None
            elif supplement and _REFERENCE.fullmatch(text):
                found[index] = ARTICLE_CAPTION  # reference material printed after the 附則: appended too
        return found

    def captions_an_article(self, index: int) -> bool:
        """A bracketed label straight over a line that opens an article (「（趣旨）」 / 「第１条　…」)."""
        below = self.next_body(index)
        return below is not None and _ARTICLE.match(self.lines[below].text) is not None

    def list_level_titles(self) -> dict[int, str]:
        """Bulleted lines that title the points under them: a word processor builds a document's lower
        ranks with its list levels and sets a level's line apart as a title only by its type (bold,
        an underline: typeset.is_display), short of the column, a title's words, over bullets set a
        level deeper (「● …の段階」 over 「➢ …の配慮」 titles over 「✧ …」 points that end in no 。).  A text
        extraction draws every bullet alike (「・」), so a title's kind is its list level, its indent
        in characters: a deeper level's titles nest under the level above (title_ranks.py).  A level
        that titles only once is no level of titles (SHORTEST_RUN).

        What a title heads may be text rather than points: a specification's lowest rank is often a
        bullet and a bold title alone on its line (「➢ 日程の管理」), its paragraphs set in under it in the
        body's own type, no bullet of their own (``text_under_its_title``) — the same level of titles."""
        typeset = self.typeset
        found: dict[int, str] = {}
        if typeset is None:
            return found
        for index in self.body:
            line, below = self.lines[index], self.next_body(index)
            marker = LIST_MARKER.fullmatch(line.text)
            if index in self.kind_of or marker is None or not _bulleted(line.text) or below is None \
                    or line.layout is None:
                continue
            words = marker["text"]
            if (not title_like(words) or is_caption(words) or "\t" in line.text
                    or line.text.rstrip(CLOSING_BRACKETS).endswith(tuple(SENTENCE_STOPS + HALF_WIDTH_STOPS))
                    or typeset.is_display(line) is not True or typeset.stopped_short(line) is False):
                continue
            under = self.lines[below]
            # A title over its own paragraphs may end on its gloss in brackets (「… 第1週（準備）」); a line
            # ending in brackets over deeper points is an item and its particulars (「・…会合（5/13）」 over
            # 「※…」 notes: a record of events, not a part's title).
            points = _bulleted(under.text) and not line.text.endswith(tuple(CLOSING))
            if typeset.set_deeper(line, under) and (points or self.text_under_its_title(line, under)):
                # The level's indent from the page's edge, in characters: a word processor indents its
                # levels by set distances from the margin, the same on every page (the column's edge
                # read off a page's own lines is not: a page of points only starts further in).
                found[index] = f"{LIST_LEVEL_KIND}{round(line.layout.x0 / line.layout.size)}"
        # A level titles its parts again and again (SHORTEST_RUN): a bold bullet alone at its level over
        # bullets under it is a slide's or a figure's point in bold (「• …を利用し」 over 「• …」), no part.
        levels = Counter(found.values())
        return {index: kind for index, kind in found.items() if levels[kind] >= SHORTEST_RUN}

    def text_under_its_title(self, line: Line, under: Line) -> bool:
        """Whether a line set deeper than a bulleted title is that title's text: in the body's own type
        (the title is set apart by its type, its text is not), opening no item of a list of its own.
        Only a title at the body's size, bold: the lowest rank of a word processor's outline.  A bulleted
        line set larger over its text is a list's entry made prominent (a guideline's defined terms, its
        overview of its own parts), as layout_heading takes every large bulleted line."""
        typeset = self.typeset
        return (typeset is not None and not typeset.is_large(line) and LIST_MARKER.fullmatch(under.text) is None
                and style_of(under) is not None and style_of(under) == typeset.body_of(under))

    def bullets_one_under_another(self, run: list[int]) -> bool:
        """A run of a heading scheme's mark (〇) whose lines stand straight over the next, no text of
        their own between, again and again (at least _STACKED times, a third of the run or more): the
        mark bullets a list's items, and its lines that have a few lines under them (an item's
        dosage, its wrapped rest) are items of the same list.  A title always has text of its own:
        titles set one under another would be empty sections."""
        if not run or self.kind_of[run[0]] not in _SCHEME_MARKS:
            return False
        mark = self.kind_of[run[0]]
        stacked = sum(1 for index in run if self.title_shaped(index)
                      and (below := self.next_body(index)) is not None and self.kind_of.get(below) == mark)
        return stacked >= _STACKED and 3 * stacked >= len(run)

    def stands_as_a_sibling(self, index: int) -> bool:
        """The page sets the line as its mark's titles stand: apart (a gap above it, or a page's
        top) after a finished sentence, a title's words ending no sentence, and the next line
        opens a paragraph: set in by a paragraph's indent from its column and starting where the
        marked line starts, so the marked line ended there by itself (a ● title at the body's size, set
        in one character and filling the column, over its paragraph's indented first line).  A list
        item's next line hangs under its text or runs from the column's edge instead."""
        line, typeset = self.lines[index], self.typeset
        below = self.next_body(index)
        if typeset is None or below is None or line.layout is None or index in self.wrapped:
            return False
        after, nxt = line.layout, self.lines[below].layout
        if nxt is None or self.lines[below].page != line.page or not after.column_x1:
            return False
        words = line.text[1:].strip()
        if not title_like(words) or is_caption(words) or line.text.endswith(tuple(CLOSING)) or "\t" in line.text:
            return False
        if not (typeset.gap_before(line) or line.page_start) or not self.after_a_sentence(index):
            return False
        set_in = nxt.x0 - nxt.column_x0 >= _INDENT * nxt.size
        return set_in and abs(nxt.x0 - after.x0) < _INDENT * nxt.size and self.above_prose(index)

    def wrapped_titles(self) -> dict[int, int]:
        """Marked lines that run to the column's edge and end on the next line (「○日本国内からの…稼動
        するウ」 / 「ェブアプリケーション」), where another line of their run is a title over prose."""
        wrapped: dict[int, int] = {}
        for run in self.runs(_is_mark):
            cut = {index: rest for index in run if (rest := self.rest_of_title(index)) is not None}
            if cut and any(index not in cut and self.title_shaped(index) and self.above_prose(index) for index in run):
                wrapped.update(cut)
        return wrapped

    def rest_of_title(self, index: int) -> int | None:
        """The line that ends a title cut at the column's edge: short, a title's words, no sentence
        end, no item or heading of its own, and text with a sentence under it."""
        line = self.lines[index]
        rest = self.next_body(index)
        if rest is None or rest in self.kind_of or not self.reaches_the_edge(line):
            return None
        if line.text.endswith(tuple(CLOSING)):
            return None
        text = self.lines[rest].text
        ends = text.endswith(tuple(CLOSING)) and not _closes_a_bracket(line.text, text)
        if (self.reaches_the_edge(self.lines[rest]) or ends or text.startswith(_GOES_ON[-2:])
                or LIST_MARKER.fullmatch(text) or heading_of(text) is not None or "\t" in text
                or not title_like(line.text[1:].strip() + text)):
            return None
        return rest if any("。" in self.lines[probe].text for probe in self.own_text(index)[1:]) else None

    def runs(self, wanted: Callable[[str], bool]) -> list[list[int]]:
        """The lines of each wanted kind in order: a mark's run ends at a numbered heading (the
        next part may use the mark otherwise); a bracketed label's run is the whole document."""
        finished: list[list[int]] = []
        open_runs: dict[str, list[int]] = {}
        for index in self.body:
            kind = self.kind_of.get(index)
            if kind is None:
                if _numbered_heading(self.lines[index]):
                    for mark in [kind for kind in open_runs if _is_mark(kind)]:
                        finished.append(open_runs.pop(mark))
                continue
            if wanted(kind):
                open_runs.setdefault(kind, []).append(index)
        return finished + list(open_runs.values())

    def run_of_titles(self, run: list[int], labels: set[int]) -> bool:
        """A run is titles when it has SHORTEST_RUN lines or more, every one title-shaped, not a
        list's label, and standing above prose of its own; a label's lines each after a sentence."""
        if len(run) < SHORTEST_RUN or any(index in labels for index in run):
            return False
        label = not _is_mark(self.kind_of[run[0]])
        return all(
            self.title_shaped(index)
            and self.above_prose(index)
            and (not label or self.after_a_sentence(index))
            for index in run
        )

    # -- one line's evidence ------------------------------------------------------------
    def title_shaped(self, index: int) -> bool:
        """Short of the column, no sentence end, a title's words after the mark (a caption's are
        not: 「■第1-3-1図／…」 over its chart and the prose that discusses it)."""
        if index in self.wrapped:
            return True
        text = self.lines[index].text
        kind = self.kind_of.get(index, "")
        label = _LABEL.fullmatch(text)
        words = text[1:].strip() if _is_mark(kind) else label["label"] if label is not None else text
        layout = self.lines[index].layout
        short = not self.reaches_the_edge(self.lines[index]) if layout is not None and layout.column_x1 \
            else display_width(text) < self.width * _TITLE_WIDTH
        return short and title_like(words) and not is_caption(words) and not text.endswith(tuple(FULL_STOPS)) \
            and "\t" not in text

    def above_prose(self, index: int) -> bool:
        """The next line opens text of the title's own (not a sibling, not the rest of a label, not a
        table's row), and a sentence ends in it before the next marked line or numbered heading."""
        below = self.wrapped.get(index, index)
        below = self.next_body(below)
        if below is None:
            return False
        text = self.lines[below].text
        if below in self.kind_of and self.kind_of[below] == self.kind_of[index]:
            return False
        if text.startswith(_GOES_ON) or "\t" in text:
            return False
        if not (_OPENS_PROSE.match(text) or LIST_MARKER.fullmatch(text) or heading_of(text)):
            return False  # 「2%」「8.6% 0.7%」 under a chart's title: the chart's figures, no prose
        return any("。" in self.lines[probe].text for probe in self.own_text(index)[:_FIRST_PARAGRAPH])

    def set_as_a_title(self, index: int) -> bool:
        """The page sets the marked line as a heading: in display type, standing apart, straight over
        text in body type (past the title's second line in its own style, 「（GPAI）」; a contents list
        under it is no text of its own)."""
        line, typeset = self.lines[index], self.typeset
        kind = self.kind_of[index]
        if typeset is None or not (_is_mark(kind) and _titled_here(kind)) or not typeset.is_display(line):
            return False
        if line.layout is not None and line.layout.role.startswith("outline-"):
            return False  # a bookmark decides the line (and its level)
        if is_caption(line.text[1:].strip()) \
                or not (typeset.gap_before(line) or line.page_start or typeset.stopped_short(line)):
            return False
        below = next_content(self.lines, index)
        if below is not None and typeset.same_style(line, self.lines[below]) and below not in self.kind_of \
                and title_like(self.lines[below].text):
            below = next_content(self.lines, below)
        return below is not None and typeset.is_display(self.lines[below]) is False

    def after_a_sentence(self, index: int) -> bool:
        above = self.previous_body(index)
        return above is None or self.lines[above].text.endswith(tuple(CLOSING))

    def names_a_thing(self, index: int) -> bool:
        """A 【…】 line that names a thing, not a part: the table the text cites by it (「以下【…】の表に定める」,
        the label its title), or an address alone under it (「【…窓口】」 over a mail address, 「【…】」 over the
        web page that holds the full text).  A part heads text of its own; these head a table or a line
        to copy."""
        text = self.lines[index].text
        if not _BLOCK_LABEL.fullmatch(text):
            return False
        if f"{text}の表" in self.body_text():  # (the line itself, the label alone, cannot hold it)
            return True
        own = self.own_lines(index)
        return bool(own) and all(_ADDRESS.fullmatch(self.lines[line].text) for line in own)

    def body_text(self) -> str:
        """The body's lines joined by newlines, made once: a text without a newline is found in it only
        within one line, so one search asks every line, where a search per line per 【…】 line made a
        long document's conversion quadratic (a tenth of a 10 MB source's conversion time)."""
        if self._body_text is None:
            self._body_text = "\n".join(self.lines[index].text for index in self.body)
        return self._body_text

    def own_lines(self, index: int) -> list[int]:
        """The body lines under a marked line down to the next marked line or the document's end."""
        own: list[int] = []
        for position in range(self.position[index] + 1, len(self.body)):
            line = self.body[position]
            if line in self.kind_of or heading_of(self.lines[line].text) is not None:
                break
            own.append(line)
        return own

    def labels_a_list(self, index: int) -> bool:
        """The line under it opens a list (「【授業準備】」 over 「• …を作成する」 items, 「【前半パート】」
        over ①…⑧) and no sentence ends before the next marked line, heading or page: a label of
        the list.  A marked line under it is decided on its own (「∮…」 over 「■…」 titles)."""
        below = self.next_body(index)
        if below is None or below in self.kind_of or not self.is_item(below):
            return False
        return not any("。" in self.lines[probe].text for probe in self.list_under(index))

    def list_under(self, index: int) -> list[int]:
        """The body lines under a label up to the next marked line, the next line shaped like a
        heading that is no list item (「第２ 法改正の必要性」), or the page's end."""
        found: list[int] = []
        page = self.lines[index].page
        for probe in self.body[self.position[index] + 1:self.position[index] + 1 + _REACH]:
            line = self.lines[probe]
            if probe in self.kind_of or line.page != page or (heading_of(line.text) and not self.is_item(probe)):
                break
            found.append(probe)
        return found

    def is_item(self, index: int) -> bool:
        """A list's item: its marker on the line, or alone on a line of its own above it (a text
        extraction that set the bullet glyph apart: 「•」 / 「授業で取り扱う…」)."""
        if LIST_MARKER.fullmatch(self.lines[index].text):
            return True
        for probe in range(index - 1, -1, -1):
            line = self.lines[probe]
            if line.kind == "blank":
                continue
            return line.kind != "body" and line.text.strip() in _BULLETS_ALONE
        return False

    def reaches_the_edge(self, line: Line) -> bool:
        short = stops_short_of_column(line)
        if short is not None:
            return not short
        return display_width(line.text) >= self.width * 0.9

    def glossed_in_one_sentence(self, index: int, last: bool) -> bool:
        """The line's own text is one sentence of at most _GLOSS_LINES lines: a term's gloss.  The
        run's last line is followed by its section's text: only its first paragraph counts."""
        stops = 0
        own = self.own_text(index)
        for count, probe in enumerate(own, start=1):
            text = self.lines[probe].text
            if LIST_MARKER.fullmatch(text) or count > _GLOSS_LINES:
                return False
            stops += text.count("。")
            if text.endswith("。") and (last or count == len(own)):
                return stops == 1
        return False

    # -- walking the text ------------------------------------------------------------------
    def own_text(self, index: int) -> list[int]:
        """The body lines under a marked line, up to the next marked line or numbered heading."""
        found: list[int] = []
        for probe in self.body[self.position[index] + 1:self.position[index] + 1 + _REACH]:
            if probe in self.kind_of or _numbered_heading(self.lines[probe]):
                break
            found.append(probe)
        return found

    def next_body(self, index: int) -> int | None:
        position = self.position[index] + 1
        return self.body[position] if position < len(self.body) else None

    def previous_body(self, index: int) -> int | None:
        position = self.position[index] - 1
        return self.body[position] if position >= 0 else None


def mark_kind(text: str) -> str | None:
    """The kind of a marked line: its mark (「◆」), or a bracketed label's own text (「（補足説明）」,
    「【前半パート】」); None for any other line."""
    if len(text) >= 3 and (text[0] in TITLE_MARKS or text[0] in _SCHEME_MARKS) and text[1] not in TITLE_MARKS:
        return text[0] if title_like(text[1:].strip()) else None
    label = _LABEL.fullmatch(text)
    if label is not None and not _NOT_A_LABEL.fullmatch(label["label"]) and title_like(label["label"]):
        return text
    if _BLOCK_LABEL.fullmatch(text):
        return text
    return None


def closes_the_articles(text: str) -> bool:
    """Whether a line is a 附則 alone (「附　則」, 「附則（令和…）」): the supplementary provisions."""
    return _SUPPLEMENT.fullmatch(text.replace(" ", "").replace("\u3000", "")) is not None


def labels_an_annex(text: str) -> bool:
    """Whether a line is an annex's or a form's label alone: 「別表（第４条関係）」「（別表）」「様式集」
    「（様式第１）」."""
    bare = text.replace(" ", "").replace("\u3000", "")
    return any(pattern.fullmatch(bare) for pattern in (STATUTE_ANNEX, _FORM, _RULES_ANNEX))


def _bulleted(text: str) -> bool:
    """A line opened by a bullet (「・」「●」「➢」), not a number."""
    marker = LIST_MARKER.fullmatch(text)
    return marker is not None and marker["marker"].strip()[:1] in BULLETS


def _is_mark(kind: str) -> bool:
    """A mark's kind (「◆」「○」), not a bracketed label's (「（補足説明）」「【前半パート】」)."""
    return len(kind) == 1


def _titled_here(kind: str) -> bool:
    """A kind no heading scheme reads (a title mark, a label in round or square brackets): this
    module decides whether its lines are titles.  ○ and 【】 lines are the schemes' own."""
    return kind in TITLE_MARKS or kind == LARGE_BULLET or kind[0] in "（(〔［[＜<"


def _in_text(line: Line) -> bool:
    return line.kind == "body" and not (line.layout is not None and line.layout.role in ("footnote", "figure"))


def _numbered_heading(line: Line) -> bool:
    """A line that reads as a numbered heading (or a PDF's bookmarked line): a part of its own."""
    if line.layout is not None and line.layout.role.startswith("outline-"):
        return True
    heading = heading_of(line.text)
    # (「⑴ 船荷証券は、…」「⑵ また、…」: a numbered paragraph of the label's text, no part of its own)
    return heading is not None and bool(heading[1]) and not heading[0].weak \
        and not re.search(r"[はが]、", heading[2]) and not opens_a_sentence(heading[2])


def _closes_a_bracket(first: str, rest: str) -> bool:
    """Whether ``rest`` ends by closing a bracket ``first`` opened (「…「A、B、」 / 「C」」): a title's end,
    a name it quotes, not a sentence's."""
    pairs = {"」": "「", "』": "『", "）": "（", ")": "("}
    close = rest[-1:]
    opening = pairs.get(close)
    return opening is not None and first.count(opening) > first.count(close)
