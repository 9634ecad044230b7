"""Titles numbered under a word of their own: 「Box-1. …」…「Box-6. …」, 「問1 …」…「問6 …」, 「【参考2】…」.

Guidelines set their boxed asides apart as 「Box-N.」, Q&As number their questions 「問N」 (or 「Q N」),
case studies 「事例N」 / 「ケースN」, procedures 「STEP N」: a word, a number and a title, the word
naming the kind of part.  No numbering scheme of the body's has them, and the same shape is also
a reference in a sentence, a name (「G7」「Web3」) or a step inside a figure.  What makes them titles
is the document: the same word numbered 1, 2, 3 … in reading order, each line a title (short,
ending no sentence — a question may end in 「か。」 or 「？」), each standing above text of its own.

A Q&A's question is the title as long as it is, wrapped over lines, when its answer is labelled
straight under it (「（答）」, 「A3-28 …」): the answer's label says where the question ends.  A Q&A may
open with its questions listed, no answers under them (``listed_questions``): a contents list, evidence
and no headings.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from ..model.document import Line
from ..text.numbering import FULL_STOPS, LIST_MARKER, display_width, heading_of, number_value, title_like

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
# Every word that labels a question (casefolded, as labelled_titles gives it).
_QUESTION_LABELS = frozenset({*_QUESTION_WORDS, "q"})
# The same label with its question after it on the line (NFKC: brackets half-width), the question
# wrapped over up to _QUESTION_LINES lines; the answer's label straight under the question's end.
# The label in round or lenticular brackets or none; its number one number or the question's place in
# its part (「Q3-28」「問2-1」: a Q&A grouped by topic numbers its questions again in each); the question
# after a space, or straight after the number where it starts in Japanese (「Q1-6自社が…」: a Word
# list's label tab left nothing in the text layer).
_NUMBER = r"\d{1,3}(?:[-‐－−.]\d{1,3})*"
_QUESTION_OPENS = re.compile(
    rf"(?P<open>[(【])?(?P<word>問|設問|質問|Q)[ .]?(?P<n>{_NUMBER})(?(open)[)】])"
    r"(?:[ \u3000:：]+|(?<=[)】])|(?=[^\x00-\x7f]))(?P<title>\S.*)")
_QUESTION_LINES = 8
# The answer's label: 「（答）」「答」「A」「A1-6」, its number the question's where it has one.
_ANSWER = re.compile(rf"[(【]?(?:答|回答|A)[ .]?(?P<n>{_NUMBER})?[)】]?(?:[ \u3000:：]|$|(?<=[\d)】])(?=[^\x00-\x7f]))")
# Words that label material attached to the document (参考 reference material, 別添 an enclosure, 別紙 a
# sheet): such a part holds what follows it, the attached text's own numbered parts too.  Every other
# word names a part set inside the section it is printed in (a box, a question, a case, a step).
_ATTACHMENT_WORDS = frozenset({"参考", "別添", "別紙"})
# A question ends its sentence: 「…できますか。」「…とは？」.
_QUESTION_END = re.compile(r"(?:か[。．]|[？?])$")
# The same word numbered at least this many times, 1, 2 … in order.
SHORTEST_RUN = 2
# A list of the questions printed before them: at least this many, no answer under any.
SHORTEST_LIST = 3
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
        after = bisect.bisect_right(body, last)  # the line under the title's last line
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


def answer_lines(lines: list[Line], titles: dict[int, tuple[str, int]]) -> frozenset[int]:
    """The lines of the answers under a Q&A's questions (``titles``: labelled_titles'): from the
    answer's label straight under a question to the next title labelled or numbered.  A line set off
    by a mark there (「○…型」 over its paragraph) is a point of the answer, no heading: a Q&A is
    navigated by its questions, and the answer is read whole under its question."""
    body = [index for index, line in enumerate(lines) if _in_text(line)]
    inside: set[int] = set()
    for word, last in titles.values():
        if word.strip("(【") not in _QUESTION_LABELS:
            continue
        position = bisect.bisect_right(body, last)
        under = _plain(lines[body[position]].text) if position < len(body) else ""
        if _ANSWER.match(under) is None:
            continue
        for index in body[position:]:
            heading = heading_of(lines[index].text)
            if index in titles or (heading is not None and number_value(heading[1]) is not None):
                break
            inside.add(index)
    return frozenset(inside)


@dataclass(frozen=True)
class QuestionList:
    """A list of a Q&A's questions printed before them: its lines, and those that go on with the
    question above them (wrapped at the column's edge: 「…一般型通常枠にも申」 / 「請できますか。」)."""

    first: int
    last: int
    rests: frozenset[int]


def listed_questions(lines: list[Line]) -> list[QuestionList]:
    """Each list of a Q&A's questions printed before them (its contents:
    「Q1-1 …」「Q1-2 …」 one under the other, a topic's title and a page reference 「P.3」 between, no
    answer under any): at least SHORTEST_LIST questions, each wrapped over at most _QUESTION_LINES
    lines, most of whose labels open a question again further on.  The list is evidence for where the
    questions are, never headings itself — its topics' titles included."""
    body = [index for index, line in enumerate(lines) if _in_text(line)]
    opened = [(position, match["word"].casefold(), match["n"]) for position, index in enumerate(body)
              if (match := _question_opened(lines[index].text))]
    unanswered = [item for item in opened if _question_over_lines(lines, body, item[0])[0] is None]
    spans: list[QuestionList] = []
    run: list[tuple[int, str, str]] = []
    for item in [*unanswered, None]:
        if item is not None and (not run or item[0] - run[-1][0] <= _QUESTION_LINES):
            run.append(item)
            continue
        if len(run) >= SHORTEST_LIST:
            later = {(word, number) for position, word, number in opened if position > run[-1][0]}
            if 3 * sum((word, number) in later for _, word, number in run) >= 2 * len(run):
                first, last = run[0][0], _list_end(lines, body, run[-1][0])
                topic = first > 0 and heading_of(lines[body[first - 1]].text) is not None  # 「1．総論」 over it
                spans.append(QuestionList(body[first - 1] if topic else body[first], body[last],
                                          _wrapped_rests(lines, body[first:last + 1])))
        run = [item] if item is not None else []
    return spans


def _wrapped_rests(lines: list[Line], listed: list[int]) -> frozenset[int]:
    """The lines of a list of questions that go on with the line above them: after a line of a
    question (or of its points, 「① …」) that ends no sentence, a line that opens no question and reads
    as no numbered title."""
    rests: set[int] = set()
    open_line = False
    for index in listed:
        text = lines[index].text.strip()
        opens = _question_opened(text) is not None
        title = not opens and heading_of(text) is not None
        if open_line and not opens and not title:
            rests.add(index)
        open_line = not title and not (text.endswith(tuple(FULL_STOPS)) or _QUESTION_END.search(text))
    return frozenset(rests)


def _list_end(lines: list[Line], body: list[int], position: int) -> int:
    """The last line of a listed question: its wrapped rest, up to the line that ends it (「…か。」,
    「…。」), never past a line that opens a question or reads as a numbered heading."""
    for ahead in range(position, min(len(body), position + _QUESTION_LINES)):
        text = lines[body[ahead]].text.strip()
        if ahead > position and (_question_opened(text)
                                 or heading_of(text) is not None):
            return ahead - 1
        if text.endswith(tuple(FULL_STOPS)) or _QUESTION_END.search(text):
            return ahead
    return position


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
    """((word, number), its last line) of a labelled question that runs over several lines (「（問１）
    作成要領において、…」 … 「…どのように記載すべきか。」, 「Q3-28 一定の期間、…」 over a page's foot)
    and is answered straight under it (「（答）」, 「A3-28 …」): the question is the title, as long as it
    is (the Q&A is navigated and cited by it); ((None), the line) when the line opens no such
    question.  The answer's label is what tells the question from a list of the questions (a Q&A's
    contents, each question over the next, no answers) and where a question that ends in no 「か。」
    (「…か分かりません。」) ends."""
    index = body[position]
    opened = _question_opened(lines[index].text)
    if opened is None:
        return None, index
    asked = False  # a question ended above with no answer under it: only more questions may follow
    for ahead in range(position, min(len(body) - 1, position + _QUESTION_LINES)):
        text = lines[body[ahead]].text.strip()
        if ahead > position and (_QUESTION_OPENS.fullmatch(text) or _ANSWER.match(text)):
            break
        ends_question = _QUESTION_END.search(text) is not None
        answer = _ANSWER.match(_plain(lines[body[ahead + 1]].text))
        if answer is not None and answer["n"] in (None, opened["n"]) and (ends_question or not asked):
            return (opened["word"].casefold(), _value(opened["n"])), body[ahead]
        # A question may ask several things (「①…でしょうか。」「②…でしょうか。」) before its answer.
        asked = asked or ends_question
    return None, index


# A question numbered in its part (「3-28」) is valued part by part in places of this size (_value):
# 3-28 → 3028, and its place in its part is the value modulo it.
_PLACE = 1000


def _plain(text: str) -> str:
    """A line's text as the labels are read: width folded (「Ｑ３－２８」 as 「Q3-28」), no edge spaces."""
    return unicodedata.normalize("NFKC", text).strip()


def _question_opened(text: str) -> re.Match[str] | None:
    """The question a line opens with its label (「Q3-28 …」, 「（問１）…」), None where it opens none."""
    return _QUESTION_OPENS.fullmatch(_plain(text))


def _value(number: str) -> int:
    """A question's number as one integer that orders them: 「3-28」 → 3028 (its place in its part)."""
    value = 0
    for part in re.split(r"[-‐－−.]", number):
        value = value * _PLACE + int(part)
    return value


def _counting_run(members: list[_Labelled]) -> list[_Labelled]:
    """The members numbered from 1 upwards in reading order (a number again or lower ends the run):
    a word's own numbering, not numbers that happen to follow it (「Q1-1」, 「Q1-2」 … 「Q2-1」 go up too:
    _value).  A number may be missing (a text
    extraction that lost a title drawn in another way: 【参考１】, 【参考３】)."""
    run: list[_Labelled] = []
    for member in members:
        if (not run and member.value % _PLACE == 1) or (run and member.value > run[-1].value):
            run.append(member)
        elif run:
            break
    return run


def _labelled(line_text: str, width: int) -> tuple[str, int] | None:
    """(word, number) of a line shaped as a labelled title, else None."""
    text = _plain(line_text)
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
