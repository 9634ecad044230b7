"""Titles numbered under a word of their own: 「Box-1. …」…「Box-6. …」, 「問1 …」…「問6 …」, 「【参考2】…」.

Guidelines set their boxed asides apart as 「Box-N.」, Q&As number their questions 「問N」 (or 「Q N」),
case studies 「事例N」 / 「ケースN」, procedures 「STEP N」: a word, a number and a title, the word
naming the kind of part.  No numbering scheme of the body's has them, and the same shape is also
a reference in a sentence, a name (「G7」「Web3」) or a step inside a figure.  What makes them titles
is the document: the same word numbered 1, 2, 3 … in reading order, each line a title (short,
ending no sentence — a question may end in 「か。」 or 「？」), each standing above text of its own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model.document import Line
from ..text.numbering import FULL_STOPS, LIST_MARKER, display_width, heading_of, title_like

# A label word: Latin letters (Box, Case, Q, STEP), katakana (ケース, ポイント) or a kanji noun that
# names a part (問 a question, 例/事例 an example, 設問, 課題, 論点); then its number and title.
# The label may stand in brackets before its title: 「【参考１】各学校で…」「【別添３】G7における…」.
_LABELLED = re.compile(
    r"(?P<open>[【〔［\[])?(?P<word>[A-Za-z]{1,8}|[ァ-ヶー]{2,6}|問|設問|例|事例|課題|論点|参考|別添|別紙)"
    r"[ \u3000]?[-‐－−]?[ \u3000]?(?P<n>\d{1,2})(?![\d.．]\d)"
    r"(?(open)[】〕］\]]|(?:[.．:：、]|(?=[ \u3000])))[ \u3000]*(?P<title>\S.*)"
)
# A question's label alone on its line, its question below it as a paragraph (「（問１）」 over several lines
# of question, then 「（答）」 and the answer: a Q&A set question by question in ruled boxes).  The
# question is what a reader looks for and cites, so its label is the title.  Round brackets or none,
# for a question's words only: a bare 「Q1」 alone is as often a survey's item over its chart.
_QUESTION_ALONE = re.compile(r"(?P<open>\()?(?P<word>問|設問|質問|Q)[ ]?(?P<n>\d{1,2})(?(open)\))")
_QUESTION_WORDS = frozenset({"問", "設問", "質問"})
# The same label with its question after it on the line (NFKC: brackets half-width), the question
# wrapped over up to _QUESTION_LINES lines; the answer's label straight under the question's end.
_QUESTION_OPENS = re.compile(r"\((?P<word>問|設問|質問|Q)[ ]?(?P<n>\d{1,2})\)[ \u3000]*(?P<title>\S.*)")
_QUESTION_LINES = 8
_ANSWER = re.compile(r"[(【]?(?:答|回答|A)[ ]?\d{0,2}[)】]?(?:[ \u3000:：]|$)")
# Words that label material attached to the document (参考 reference material, 別添 an enclosure, 別紙 a
# sheet): such a part holds what follows it, the attached text's own numbered parts too.  Every other
# word names a part set inside the section it is printed in (a box, a question, a case, a step).
_ATTACHMENT_WORDS = frozenset({"参考", "別添", "別紙"})
# A question ends its sentence: 「…できますか。」「…とは？」.
_QUESTION_END = re.compile(r"(?:か[。．]|[？?])$")
# The same word numbered at least this many times, 1, 2 … in order.
SHORTEST_RUN = 2
_TITLE_WIDTH = 0.85


@dataclass(frozen=True)
class _Labelled:
    index: int
    word: str
    value: int
    last: int  # the title's last line: a question may wrap onto a second, short line


def labelled_titles(lines: list[Line], width: int) -> dict[int, tuple[str, int]]:
    """Index → (label word, index of the title's last line) of every line taken as a labelled
    title (see the module's docstring)."""
    body = [index for index, line in enumerate(lines) if _in_text(line)]
    found: dict[str, list[_Labelled]] = {}
    for position, index in enumerate(body):
        if LIST_MARKER.fullmatch(lines[index].text) or heading_of(lines[index].text) is not None:
            continue  # an item; or a line a scheme of the body's reads (「コラム1 …」, 「A-1 …」): the scheme decides
        next_index = body[position + 1] if position + 1 < len(body) else None
        labelled, last = _labelled(lines[index].text, width), index
        if labelled is None and next_index is not None:
            labelled, last = _wrapped_question(lines[index].text, lines[next_index].text, width), next_index
        if labelled is None:
            labelled, last = _question_over_lines(lines, body, position)
        if labelled is None:
            continue
        after = position + (2 if last != index else 1)
        under = body[after] if after < len(body) else None
        if under is None or _labelled(lines[under].text, width) is not None:
            continue  # nothing of its own under it: a list of steps, a figure's labels
        word, value = labelled
        found.setdefault(word, []).append(_Labelled(index, word, value, last))
    titles: dict[int, tuple[str, int]] = {}
    for word, members in found.items():
        run = _counting_run(members)
        if len(run) >= SHORTEST_RUN:
            titles.update({member.index: (word, member.last) for member in run})
    return titles


def inside_its_section(word: str) -> bool:
    """Whether titles labelled with ``word`` (as labelled_titles gives it: 「box」, 「【参考」) are parts
    set inside the section they are printed in, not attached material that holds what follows."""
    return word.removeprefix("【") not in _ATTACHMENT_WORDS


def _wrapped_question(text: str, rest: str, width: int) -> tuple[str, int] | None:
    """A labelled question run to the column's edge, ended on the next short line (「…必要はありま」 /
    「すか。」)."""
    if display_width(text) < width * _TITLE_WIDTH or display_width(rest) >= width * 0.5:
        return None
    joined = text + rest.strip()
    if _QUESTION_END.search(joined) is None:
        return None
    return _labelled(joined, width)


def _question_over_lines(lines: list[Line], body: list[int], position: int) -> tuple[tuple[str, int] | None, int]:
    """((word, number), its last line) of a question labelled in round brackets that runs over
    several lines (「（問１） 作成要領において、…」 … 「…どのように記載すべきか。」) and is answered
    straight under it (「（答）」): the question is the title, as long as it is (the Q&A is navigated
    and cited by it); ((None), the line) when the line opens no such question."""
    index = body[position]
    opened = _QUESTION_OPENS.fullmatch(unicodedata.normalize("NFKC", lines[index].text).strip())
    if opened is None:
        return None, index
    for ahead in range(position, min(len(body) - 1, position + _QUESTION_LINES)):
        text = lines[body[ahead]].text.strip()
        if _QUESTION_END.search(text):
            answer = unicodedata.normalize("NFKC", lines[body[ahead + 1]].text).strip()
            if _ANSWER.match(answer) is None:
                return None, index
            return (opened["word"].casefold(), int(opened["n"])), body[ahead]
        if ahead > position and (_QUESTION_OPENS.fullmatch(text) or _ANSWER.match(text)):
            break
    return None, index


def _counting_run(members: list[_Labelled]) -> list[_Labelled]:
    """The members numbered from 1 upwards in reading order (a number again or lower ends the run):
    a word's own numbering, not numbers that happen to follow it.  A number may be missing (a text
    extraction that lost a title drawn in another way: 【参考１】, 【参考３】)."""
    run: list[_Labelled] = []
    for member in members:
        if (not run and member.value == 1) or (run and member.value > run[-1].value):
            run.append(member)
        elif run:
            break
    return run


def _labelled(line_text: str, width: int) -> tuple[str, int] | None:
    """(word, number) of a line shaped as a labelled title, else None."""
    text = unicodedata.normalize("NFKC", line_text).strip()
    alone = _QUESTION_ALONE.fullmatch(text)
    if alone is not None and (alone["open"] or alone["word"] in _QUESTION_WORDS):
        return alone["word"].casefold(), int(alone["n"])
    match = _LABELLED.fullmatch(text)
    if match is None:
        return None
    title = match["title"]
    question = _QUESTION_END.search(title) is not None
    words = title[:-1] if question else title
    if not title_like(words) or (title.endswith(tuple(FULL_STOPS)) and not question):
        return None
    if display_width(line_text) >= width * _TITLE_WIDTH and not question:
        return None  # a sentence that opens with a label (「STEP 1 で作成した…」) runs to the edge
    return ("【" if match["open"] else "") + match["word"].casefold(), int(match["n"])


def _in_text(line: Line) -> bool:
    return line.kind == "body" and not (line.layout is not None and line.layout.role in ("footnote", "figure"))
