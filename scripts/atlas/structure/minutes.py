"""Minutes: the speakers' labels that open their turns, and the 「議事」 heading over the proceedings.

A turn is a paragraph that names its speaker, not a section; the proceedings after the meeting's
particulars are headed 「議事」, and the cover's 「議事録」 is then the document's name.  These are
questions over the lines (and, for the cover's title, the blocks read so far); the builder applies
their answers.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model.document import Block, Heading, Line, Paragraph
from ..text.numbering import NUMBER_ALONE

# Minutes: the proceedings after the particulars are headed 「議事」 (the particulars' 「第4 議事 （次の
# とおり）」 points to it); the cover's 「議事録」 is then the document's name, not a heading.
PROCEEDINGS = "議事"
_MINUTES_TITLES = ("議事録", "議事要旨", "議事概要")
# A speaker's label in minutes: ○ and a name with a role, or an anonymised （Ａ）.
_SPEAKER = re.compile(r"[○〇◯]\s*(?P<name>[^\s、。，．「」()（）]{2,16})|(?P<anon>[（(][A-Z][）)])")
_SPEAKER_OPENING = re.compile(rf"(?:{_SPEAKER.pattern})\s+\S.*")
_SPEAKER_ROLES = (
    "部会長", "会長", "委員長", "委員", "幹事", "関係官", "座長", "大臣", "副大臣", "政務官", "局長", "部長", "課長",
    "室長", "参事官", "審議官", "統括官", "長官", "理事", "議長", "参考人", "事務局", "説明員", "オブザーバー",
)


def speaker_labels(lines: list[Line]) -> frozenset[int]:
    """Indexes of the speaker labels of minutes: "○藤田部会長", "〇渡辺幹事", "（Ａ）".

    A ○ line is a speaker when it names a role (委員, 幹事, 部会長 …) or recurs three times
    or more (a heading is printed once); an anonymised speaker is a capital in brackets.
    A turn is a paragraph that names its speaker, not a section.
    """
    found: list[tuple[int, str, bool]] = []
    for index, line in enumerate(lines):
        # The label alone on its line (pdftotext), or opening the line of its turn (a PDF's line).
        if line.kind != "body":
            continue
        match = _SPEAKER.fullmatch(line.text) or _SPEAKER_OPENING.fullmatch(line.text)
        if match:
            found.append((index, match["name"] or match["anon"], match["anon"] is not None))
    counts = Counter(name for _, name, _ in found)
    return frozenset(
        index for index, name, anonymous in found
        if anonymous or name.endswith(_SPEAKER_ROLES) or counts[name] >= 3
    )


def is_label_alone(text: str) -> bool:
    """Whether a speaker's label stands alone on its line (「○藤田部会長」), the turn's first words
    on the next; one opening its line (「○藤田部会長 予定した…」) already has them."""
    return _SPEAKER.fullmatch(text) is not None


def proceedings_lines(lines: list[Line], index: int, speakers: frozenset[int]) -> list[int] | None:
    """The lines of 「議事」 heading the proceedings of minutes from ``index`` (text sources; the PDF
    reader sees it by its type), or None.

    Centred and letter-spaced, it comes out of pdftotext one character a line, the first turn's
    speaker label sometimes between (「議」「○藤田部会長」「事」: that label is not one of the
    heading's lines, and is read next).  It is a heading when the text has speaker turns and it is
    not the particulars' label (after 「第4」, with its value 「（次のとおり）」).
    """
    line = lines[index]
    word = line.text.replace(" ", "")
    if not speakers or line.layout is not None or not PROCEEDINGS.startswith(word):
        return None
    above = index - 1
    while above >= 0 and lines[above].kind != "body":
        above -= 1
    if above >= 0 and NUMBER_ALONE.fullmatch(lines[above].text):
        return None  # 「第4 / 議 / 事」: a particular's label
    parts, probe, between = [index], index, None
    while word != PROCEEDINGS:
        probe += 1
        while probe < len(lines) and lines[probe].kind != "body":
            probe += 1
        if probe < len(lines) and probe in speakers and between is None:
            between = probe  # the first turn's label, set on the title's baseline
            continue
        if probe >= len(lines) or not PROCEEDINGS.startswith(word + lines[probe].text.replace(" ", "")):
            return None
        word += lines[probe].text.replace(" ", "")
        parts.append(probe)
    return parts


def demote_minutes_title(items: list[Block | Heading]) -> None:
    """Turn the cover's 「議事録」, taken for a heading before the proceedings' own, back into text:
    it is the document's name (the last heading read, when it is that unnumbered title)."""
    for position in range(len(items) - 1, -1, -1):
        item = items[position]
        if isinstance(item, Heading):
            if item.title in _MINUTES_TITLES and not item.number:
                items[position] = Paragraph(item.title, item.span)
            return
