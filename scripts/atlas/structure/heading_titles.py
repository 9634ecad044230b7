"""A heading's title assembled from its lines: the rest of a title wrapped onto the lines below it.

A heading decided at a line (headings.py) may go on below: cut by pdftotext at its punctuation, run
to the page's edge with a short rest, wrapped in a slide's box or under its own words after a
hanging number, set on in the same display type, set in as a block under an annex's label, or
followed by a subtitle between dashes.  These are questions over the lines (and a PDF's
typesetting); each answers the joined title and the index of its last line, and reads nothing
else: the builder takes the lines it is told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.document import Block, Heading, Line, Paragraph, SourceSpan
from ..text.numbering import (
    CLOSING,
    FULL_STOPS,
    LIST_MARKER,
    NEVER_STARTS_A_TITLE,
    display_width,
    heading_of,
    join_text,
    title_like,
)
from ..text.wareki import DATE_LINE
from .hanging import hangs_under
from .headings import HeadingEvidence
from .runs import next_content
from .slides import starts_slide, text_title_rest
from .typeset import Typesetting

# A subtitle between wave dashes or dashes: ～ 我が国における新しい組織のあり方について ～.
# (An ASCII tilde stands for the wave dash where the text was typed in half-width: ~あなたの組織は…~.)
_SUBTITLE = re.compile(r"([～〜―－~])\s*[^～〜―－~]{2,60}\s*\1")


@dataclass(frozen=True)
class HeadingTitles:
    """What assembling a heading's title needs besides its lines, measured once for the document."""

    lines: list[Line]
    typeset: Typesetting  # a PDF line's size, face and position (answers None for a text source)
    width: int  # the text's wrap width (numbering.wrap_width)
    slides: bool  # a deck: a slide's title may wrap in its box
    form_feeds: bool  # pdftotext began every page with a form feed (slides.after_form_feed)
    evidence: HeadingEvidence  # a numbered PDF title wrapped with a hanging indent
    notes_taken: set[int]  # lines of footnotes found among the text: the notes step reads them

    def heading_continuation(self, title: str, index: int) -> tuple[str, int]:
        """A heading printed over two lines: it runs to the page edge, the rest is short.

        The rest may stand after one blank line (double-spaced documents).
        Returns the joined title and the index of the heading's last line.
        """
        lines = self.lines
        title, index = punctuation_continuation(lines, title, index)
        if (self.slides and lines[index].layout is None
                and starts_slide(lines, index, self.form_feeds)):
            rest = text_title_rest(lines, index)  # a slide's title wrapped in its box
            if rest is not None:
                return join_text(title, lines[rest].text), rest
        probe = index + 1
        if probe < len(lines) and lines[probe].kind == "blank":
            probe += 1
        if lines[index].layout is not None:
            rest = self.evidence.hanging_title_rest(index)
            if rest is None:
                rest = particle_title_rest(lines, self.typeset, title, index)
            if rest is not None:
                return join_text(title, lines[rest].text), rest
            return display_continuation(lines, self.typeset, title, index)
        if probe >= len(lines) or display_width(title) < self.width * 0.75:
            return title, index
        rest_line = lines[probe]
        if (
            rest_line.kind == "body"
            and probe not in self.notes_taken  # a footnote's line: the notes step reads it
            and title_like(rest_line.text)
            and display_width(rest_line.text) < self.width * 0.5
            and heading_of(rest_line.text) is None
            and not LIST_MARKER.fullmatch(rest_line.text)
            and not rest_line.text.endswith(tuple(CLOSING))
        ):
            return join_text(title, rest_line.text), probe
        return title, index

    def annex_title(self, last: int) -> tuple[str, int]:
        """The title printed under an annex's label alone (「（別添１）」 / 「診療報酬の…について」): the next
        line when it reads as a title (no sentence, no number of its own, not a date), joined with
        its second line when the title runs to the page's edge."""
        probe = next_content(self.lines, last, max_blanks=1)
        if probe is None:
            return "", last
        line = self.lines[probe]
        if (
            probe in self.notes_taken  # a footnote's number and text: the notes step reads them
            or not title_like(line.text)
            or line.text.endswith(tuple(FULL_STOPS))
            or heading_of(line.text) is not None
            or LIST_MARKER.fullmatch(line.text)
            or DATE_LINE.fullmatch(line.text)
        ):
            return "", last
        title, last = self.heading_continuation(line.text, probe)
        return set_in_title_rest(self.lines, self.typeset, title, last)


def punctuation_continuation(lines: list[Line], title: str, index: int) -> tuple[str, int]:
    """A title that pdftotext cut at its punctuation: 「物」 / 、 / 「有価証券」 / 、 / 「船荷証券」とする….

    The next line continues the title while the title ends in a comma or the line starts
    with one (or with a closing bracket); the joined title must still read as a title.
    """
    while index + 1 < len(lines):
        nxt = lines[index + 1]
        # A title ending in 「、」 or in 「：」 (its subtitle follows) goes on below.
        goes_on = title.endswith(("、", "：")) or nxt.text.startswith(("、", "」", "』", "）"))
        if nxt.kind != "body" or not goes_on:
            break
        joined = join_text(title, nxt.text)
        if len(joined) > 80 or "。" in joined:
            break
        title, index = joined, index + 1
    return title, index


def particle_title_rest(lines: list[Line], typeset: Typesetting, title: str, index: int) -> int | None:
    """The next PDF line when it goes on with the title: it starts with a particle (「に記載する機能区分
    コードについて」 under a centred 「…保険適用希望書（希望区分B）」), which no line of its own does, on the
    same page with no space above, and the two still read as a title."""
    line = lines[index]
    if index + 1 >= len(lines):
        return None
    rest = lines[index + 1]
    if (
        rest.kind != "body"
        or rest.page != line.page
        or not rest.text.startswith(NEVER_STARTS_A_TITLE)
        or typeset.gap_before(rest)
        or not typeset.same_size(line, rest)
        or not title_like(join_text(title, rest.text))
    ):
        return None
    return index + 1


def display_continuation(lines: list[Line], typeset: Typesetting, title: str, index: int) -> tuple[str, int]:
    """A PDF heading continues on the next lines set in the same display style, with no gap,
    as long as its last line ran to the column's edge (a line that stopped short is whole) and
    the next is not indented as a paragraph's first line (but it may hang under the title's
    words after its mark: 「● AIに関する国際連携イニシアティブ / 　（GPAI）」)."""
    line = lines[index]
    probe = index + 1
    while probe < len(lines):
        rest = lines[probe]
        if (
            typeset.stopped_short(lines[probe - 1])
            or (rest.indent >= 2 and not hangs_under(line, rest))
            or rest.kind != "body"
            or typeset.gap_before(rest)
            or not typeset.same_style(line, rest)
            or not typeset.is_display(rest)
            or heading_of(rest.text) is not None
            or not title_like(join_text(title, rest.text))
        ):
            break
        title = join_text(title, rest.text)
        index = probe
        probe += 1
    return title, index


def set_in_title_rest(lines: list[Line], typeset: Typesetting, title: str, last: int) -> tuple[str, int]:
    """The further lines of a title set in as a block under its label (typeset.goes_on_set_in),
    each ending no sentence and being no heading or item of its own."""
    while last + 1 < len(lines):
        rest = lines[last + 1]
        if (
            rest.kind != "body"
            or not typeset.goes_on_set_in(lines[last], rest)
            or rest.text.endswith(tuple(FULL_STOPS))
            or heading_of(rest.text) is not None
            or LIST_MARKER.fullmatch(rest.text)
            # Each line a title's words: a title broken by hand over two lines may hold more than
            # one line's title (title_like's 60 characters), 「…に係る原薬等登録原簿」 / 「登録申請書…に関する Q&A」.
            or not title_like(rest.text)
        ):
            break
        title, last = join_text(title, rest.text), last + 1
    return title, last


def subtitle(lines: list[Line], title: str, last: int) -> tuple[str, int]:
    """A title's subtitle set between dashes on the line below: 「～我が国における…～」."""
    probe = next_content(lines, last)
    if probe is not None and _SUBTITLE.fullmatch(lines[probe].text):
        return join_text(title, lines[probe].text), probe
    return title, last


def summarised_title_above(items: list[Block | Heading], first: int) -> Paragraph | None:
    """The paragraph read just above a 【概要】 heading's line ``first`` when it reads as a title: the
    summarised document's, the heading's first line (the builder then takes it from the text)."""
    just_above = SourceSpan(first - 1, first - 1)
    if items and isinstance(items[-1], Paragraph) and items[-1].span == just_above and title_like(items[-1].text):
        return items[-1]
    return None
