"""Minutes: the speakers' labels that open their turns, a record's title and particulars, the agenda
items between its turns, and the 「議事」 heading over the proceedings.

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
from ..text.page_furniture import next_body

# Minutes: the proceedings after the particulars are headed 「議事」 (the particulars' 「第4 議事 （次の
# とおり）」 points to it); the cover's 「議事録」 is then the document's name, not a heading.
PROCEEDINGS = "議事"
_MINUTES_TITLES = ("議事録", "議事要旨", "議事概要")
# A speaker's label in minutes: a mark and the speaker (a name with a role, 「役職（氏名）」, 「氏名君」),
# or an anonymised （Ａ）.  Councils open each turn with a mark of their own, often one per role (the
# chair's ○, the executive's ◎, a member's ◆): which marks open turns is decided over the whole record
# (speaker_labels), never from one line.
TURN_MARKS = "○〇◯◎◆◇●◉■□▲△☆★"
# The ○ family: the mark minutes without role marks use for every turn (its recurring plain labels,
# 「○佐藤」, are speakers as before).
_PLAIN_MARKS = "○〇◯"
_LABEL_CHARS = r"[^\s、。，．「」()（）]"
# 「委員長（山田花子）」: a role and the speaker's name in brackets; a name has no figures (「出席委員（13名）」
# counts people, 「5月17日（金）」 is a date).  An official's role names the office as well and runs long
# (「産業企画室ひと・しごと環境整備担当部長」).
_BRACKETED = re.compile(r"[^\s、。，．「」()（）\d０-９]{1,24}[（(][^\s、。，．「」()（）\d０-９]{2,12}[）)]")
_SPEAKER = re.compile(
    rf"(?P<mark>[{TURN_MARKS}])\s*(?P<name>{_LABEL_CHARS}{{2,16}}|{_BRACKETED.pattern})|(?P<anon>[（(][A-Z][）)])"
)
_SPEAKER_OPENING = re.compile(rf"(?:{_SPEAKER.pattern})\s+\S.*")
_SPEAKER_ROLES = (
    "部会長", "会長", "委員長", "委員", "幹事", "関係官", "座長", "大臣", "副大臣", "政務官", "局長", "部長", "課長",
    "室長", "参事官", "審議官", "統括官", "長官", "理事", "議長", "参考人", "事務局", "説明員", "オブザーバー",
)
# 「山田太郎君」: an assembly's record names each speaker with 君.
_HONORIFIC = "君"
# A record's particulars fill its first page or two (a long list of officials runs over): its
# first turn opens by its third page, or its 200th line where pages are unknown.
_FRONT_PAGES = 3
_FRONT_LINES = 200
# Words in a label's brackets that say something of a list, not who speaks.
_NOT_A_NAME = ("別紙", "とおり", "略", "順不同", "音順", "敬称", "名簿", "概要", "予定", "欠席", "出席")
# A record's own title: 「第3回 ○○委員会記録」, 「○○会議 議事録」 — a line of its own at the top, never
# run on with the line above it (a web viewer's caption naming the same meeting).
_RECORD_TITLE = re.compile(r"[^。、]{2,40}(?:会議録|委員会記録|議事録|議事要旨|議事概要)")
# An item the committee takes up, printed as a line of its own between the turns: the office whose
# business comes next in brackets (「（水道局）」「〔総務局〕」), or a bill's or a petition's number and
# title (「議第12号 …条例の一部を改正する条例の制定について」).  A time stamp 「［午前10時 開会］」 or a
# stage direction 「（「異議なし」と呼ぶ者あり）」 is bracketed too, but names no office.
_OFFICES = ("局", "部", "室", "課", "庁", "省", "本部", "事務局", "委員会", "区役所", "センター")
_BRACKETED_OFFICE = re.compile(rf"[（(〔［\[【][^\s、。「」\d０-９]{{1,20}}(?:{'|'.join(_OFFICES)})[）)〕］\]】]")
# Between an item and its first turn: a rule (「－－－」) or a time stamp (「［午前10時 開会］」).
_RULE = re.compile(r"[－―─━\-]{4,}")
_TIME_STAMP = re.compile(r"[［\[〔（(]\s*(?:午前|午後)[^］\]〕）)]{1,20}[］\]〕）)]")
_NUMBERED_ITEM = re.compile(r"(?:議|報|請願|陳情|諮問|発議|議案)第\s*[\d０-９]+\s*号\s+[^。]+")


def _names_speaker(name: str) -> bool:
    """Whether a label reads as a speaker: a role and a name in brackets, a name with 君 or with a role."""
    return bool(_BRACKETED.fullmatch(name)) or name.endswith(_HONORIFIC) or name.endswith(_SPEAKER_ROLES)


def _bracketed_person(name: str) -> bool:
    """Whether a label's brackets hold a person (「委員長（山田花子）」): never an office (「説明員（総務局）」
    heads the officials of that office) nor a note on a list (「出席委員（別紙のとおり）」)."""
    if _BRACKETED.fullmatch(name) is None:
        return False
    bracketed = name.rstrip("）)").replace("(", "（").rpartition("（")[2]
    # (「部」 aside: 「阿部」「長谷部」 are family names.)
    offices = tuple(office for office in _OFFICES if office != "部")
    return not bracketed.endswith(offices) and not any(word in bracketed for word in _NOT_A_NAME)


def _role_and_name(name: str) -> bool:
    """Whether a label is a role with the speaker's name in brackets, 「委員長（山田花子）」: the shape
    a council's record gives every turn, enough by itself — a speaker who speaks once is still one."""
    return _bracketed_person(name) and name.replace("(", "（").rpartition("（")[0].endswith(_SPEAKER_ROLES)


def _blank_in_a_form(name: str) -> bool:
    """Whether a ○ label masks its words: a form's or a template's blanks 「○○参照」「○年○月○日」
    (the same words on many lines), never a speaker — unless it names a role (「○○委員」, a member
    whose name the record withholds)."""
    return any(char in _PLAIN_MARKS for char in name) and not name.endswith(_SPEAKER_ROLES)


def speaker_labels(lines: list[Line]) -> frozenset[int]:
    """Indexes of the speaker labels of minutes: "○藤田部会長", "◆委員（山田花子）", "（Ａ）".

    Decided over the whole record, mark by mark: a mark opens turns when a label it marks that
    names a speaker (a role, a bracketed name, 君) recurs — a chair or a minister speaks again and
    again, while a front matter's 「○出席委員」「○欠席委員」 or a heading is printed once — or when it
    marks a role with a person's name in brackets (「○委員長（山田花子）」: that shape is a turn's label
    by itself, and a short record's speakers may each speak once).  Under
    such a mark a label is a turn when it recurs, names its speaker with 君, or names a role after
    the record's first recurring turn (a member who speaks once; the role-named lists of the front
    matter come before the proceedings); under any mark, a role with the speaker's name in brackets
    (「◎総務部長（佐藤一郎）」) is one once the record has marked turns.  A plain label under ○
    recurring three times is a speaker as well ("○佐藤"); an anonymised speaker is a capital in
    brackets.
    A turn is a paragraph that names its speaker, not a section.
    """
    found: list[tuple[int, str, str]] = []  # (index, mark, label); mark "" for an anonymised speaker
    for index, line in enumerate(lines):
        # The label alone on its line (pdftotext), or opening the line of its turn (a PDF's line).
        if line.kind != "body":
            continue
        match = _SPEAKER.fullmatch(line.text) or _SPEAKER_OPENING.fullmatch(line.text)
        if match and not _blank_in_a_form(match["name"] or ""):
            # The ○ family is one mark however a record's font or its typist drew it.
            mark = "○" if match["mark"] and match["mark"] in _PLAIN_MARKS else match["mark"] or ""
            found.append((index, mark, match["name"] or match["anon"]))
    counts = Counter((mark, name) for _, mark, name in found)
    turn_marks = {mark for (mark, name), count in counts.items()
                  if mark and ((count >= 2 and _names_speaker(name)) or _role_and_name(name))}
    first_turn = min((index for index, mark, name in found
                      if mark in turn_marks and (counts[mark, name] >= 2 or _role_and_name(name))),
                     default=len(lines))
    speakers = set()
    for index, mark, name in found:
        recurs = counts[mark, name]
        if not mark or (mark == "○" and recurs >= 3):
            speakers.add(index)  # （Ａ）; 「○佐藤」 again and again
        elif mark in turn_marks and (recurs >= 2 or name.endswith(_HONORIFIC) or _role_and_name(name)
                                     or (index >= first_turn and _names_speaker(name))):
            speakers.add(index)
        elif turn_marks and _bracketed_person(name):
            # 「◎総務部長（佐藤一郎）」 speaking once, under the executive's own mark: in a record whose
            # turns are marked, a role with the speaker's name in brackets opens a turn by itself.
            speakers.add(index)
    return frozenset(speakers)


def _first_turn(lines: list[Line], speakers: frozenset[int]) -> int | None:
    """The index of a record's first turn when it opens the record: on its first pages (or lines,
    pages unknown), after no more than a title and the particulars.  A report that quotes a
    dialogue in its middle has turns too; its marked titles before them are no particulars."""
    if not speakers:
        return None
    first = min(speakers)
    page = lines[first].page
    return first if (page <= _FRONT_PAGES if page else first <= _FRONT_LINES) else None


def record_titles(lines: list[Line], speakers: frozenset[int]) -> frozenset[int]:
    """Indexes of a record's own title (「第3回 ○○委員会記録」) before its first turn: a line of its own,
    never run on with the line above it (a web viewer's caption naming the same meeting) and never
    a section: the record's name, its particulars under it."""
    first = _first_turn(lines, speakers)
    if first is None:
        return frozenset()
    return frozenset(index for index in range(first)
                     if lines[index].kind == "body" and _RECORD_TITLE.fullmatch(lines[index].text.strip()))


def particulars_labels(lines: list[Line], speakers: frozenset[int]) -> frozenset[int]:
    """Indexes of the marked lines of a record's particulars: 「◯日時」「◯場所」「◯出席委員」「◯説明員」…

    A council's record opens with its meeting's particulars under its title, each set off by the
    mark its turns use (or another), before the first speaker: a label or a value (the date, the
    room) that a reader looks up, never a section of the record.  They are text, each on its line.
    Only in a record whose turns are decided (speaker_labels): elsewhere a mark sets off a title.
    """
    first = _first_turn(lines, speakers)
    if first is None:
        return frozenset()
    return frozenset(index for index in range(first) if lines[index].kind == "body"
                     and lines[index].text[:1] in TURN_MARKS and not _blank_in_a_form(lines[index].text[1:]))


def agenda_items(lines: list[Line], speakers: frozenset[int]) -> frozenset[int]:
    """Indexes of the agenda items printed between the turns of a record: 「（水道局）」, 「議第12号 …」.

    The proceedings take up one item after another — an office's business, a bill, a petition —
    and the record prints each as a line of its own before the turns on it: the headings a reader
    navigates by.  Looked for after the particulars' marked labels (their list of items names the
    same bills), the first item often just before the first turn; and only a line the turns on it
    follow (past a rule, a time stamp, another item): a roster's office over its officials' names,
    or a bracketed office a speaker says at a line's end, is followed by more words.
    """
    if not speakers:
        return frozenset()
    particulars = particulars_labels(lines, speakers)
    start = max(particulars) + 1 if particulars else 0
    return frozenset(index for index in range(start, len(lines))
                     if lines[index].kind == "body" and index not in speakers and _is_item(lines[index].text)
                     and not _opens_a_turn(lines, index, speakers) and _turns_follow(lines, index, speakers))


def _opens_a_turn(lines: list[Line], index: int, speakers: frozenset[int]) -> bool:
    """Whether a line is a turn's first words: under a speaker's label alone on its line."""
    above = next_body(lines, index, step=-1)
    return above is not None and above in speakers and is_label_alone(lines[above].text)


def _is_item(text: str) -> bool:
    """Whether a line is shaped as an agenda item: a bracketed office, a bill's number and title."""
    return bool(_BRACKETED_OFFICE.fullmatch(text.strip()) or _NUMBERED_ITEM.fullmatch(text.strip()))


def _turns_follow(lines: list[Line], index: int, speakers: frozenset[int]) -> bool:
    """Whether the turns on an item follow it: the next body line is a turn's label, past rules, time
    stamps (「［午前10時 開会］」) and other items — never a roster's name under its office."""
    for probe in range(index + 1, len(lines)):
        text = lines[probe].text.strip()
        if lines[probe].kind != "body" or _RULE.fullmatch(text) or _TIME_STAMP.fullmatch(text):
            continue
        return probe in speakers or _is_item(text)
    return False


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
