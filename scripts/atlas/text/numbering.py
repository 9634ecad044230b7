"""How Japanese policy documents number and mark their parts: heading schemes, list markers,
captions, and the joining rule for text broken across lines.

Shared by every reader (PDF text, PDF layout, clean text) and by the clean-text writer, so that
no reader imports another's internals.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ..model.document import Line
from .normalize import CJK_CHAR, is_cjk
from .ruby_marks import as_printed

# ---------------------------------------------------------------------------
# Heading schemes, highest rank (outermost) first.  A heading's depth is not
# fixed by its scheme: it nests under whatever open heading has a lower rank,
# so a document that starts at "（１）" still gets top-level sections.
# ---------------------------------------------------------------------------

KANJI_NUMERALS = "一二三四五六七八九十"
KATAKANA_ORDER = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"


ROMAN_NUMERALS = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
CIRCLED_NUMBERS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# 「⑴」…「⒇」: one glyph each for （1）…（20）, read as the numbers they hold.
PARENTHESIZED_NUMBERS = {0x2474 + index: f"({index + 1})" for index in range(20)}
_KANJI_NUMBER = rf"[{KANJI_NUMERALS}]{{1,3}}"
# The gap between a number and its title when no full stop follows it: a full-width space in
# the PDF, which pdftotext usually gives as one or more ASCII spaces.
_GAP = r"[ \u3000]+"

# A count in kanji as legislation writes it: 十二, 百, 百二十三, 千五十 — 十, 百 and 千 each after the digit
# that multiplies it (none for one), the units last; 「十十」 counts nothing.
KANJI_COUNT = (r"(?=[一二三四五六七八九十百千])(?:[二三四五六七八九]?千)?(?:[二三四五六七八九]?百)?"
               r"(?:[二三四五六七八九]?十)?[一二三四五六七八九]?")
# An article's numeral: digits, a kanji count, or kanji digit by digit as vertical type cites an article
# (第七〇九条; kanji_number reads each).
_ARTICLE_NUMERAL = rf"(?:[0-9０-９]{{1,4}}|{KANJI_COUNT}|[〇一二三四五六七八九]{{2,4}})"
# An article's number as legislation prints it, the one pattern every reader of articles builds on (a
# caption over its article, an article's hang, an article titled on its line, a run left out): 第１条,
# 第12条, and past the hundredth — kanji-numbered statutes write 第百条, 第百二十三条 (a code runs past
# a thousand: 第千五十条); its digits full- or half-width (the readers make them half-width, other text
# may not); then the branch numbers of an article inserted later between two others, 「第３条の２」
# 「第十条の二の三」.  Not the 条 opening a word: 「第一条件」 is no article (条件, 条例, 条約).
# The number alone, whatever follows it (a reader that weighs what follows itself).
ARTICLE_NUMBER_ALONE = rf"第{_ARTICLE_NUMERAL}条(?:の{_ARTICLE_NUMERAL})*"
ARTICLE_NUMBER = rf"{ARTICLE_NUMBER_ALONE}(?![\u4e00-\u9fff々])"
_ARTICLE = re.compile(rf"第(?P<article>{_ARTICLE_NUMERAL})条(?P<branches>(?:の{_ARTICLE_NUMERAL})*)")


@dataclass(frozen=True)
class Scheme:
    name: str
    rank: int
    pattern: re.Pattern[str]
    # A weak scheme is a number followed only by a space ("1　固定通信", "一　主旨"): the same
    # shape as a table row, a footnote or a date ("6 月 6 日"), so it is a heading only when
    # its numbering runs in sequence (structure/headings.py decides).
    weak: bool = False


# An annex label: 別紙1, 付録１, 別添, 参考資料2, 別表３ (number optional; Latin letters for 付録 A; 「別表－１」 with a
# dash before the number).
# An annex's number may carry a sub-number after a dash: 「別紙2-1」「参考資料１－２」, or 「別紙２ー１」 with the
# long-vowel mark a Japanese keyboard gives for a dash (NFKC keeps it: normalize.py does not touch text).
ANNEX_SUBNUMBER = r"(?:[ー－\-−‐][0-9]{1,2})?"
ANNEX_LABEL = rf"(?:別紙|付録|別添|参考資料|別表)\s*(?:[ー－\-−‐]?[0-9]{{1,2}}{ANNEX_SUBNUMBER}|[A-Z](?![A-Za-z]))?"

# A statute's annex as legislation labels it, on a line of its own over its table or form: 「別表（第４条関係）」
# 「別記様式（第５条関係）」「様式第１号（第３条関係）」「第１号様式（第２条関係）」 — its label, then the article(s) it
# serves (a label without them is the same word in a sentence or a handbook's own form).
_LEGISLATION_NUMBER = rf"第[0-9{KANJI_NUMERALS}]{{1,3}}"
STATUTE_ANNEX = re.compile(
    rf"(?:(?:別表|別記様式|別記|様式)(?:{_LEGISLATION_NUMBER}号?(?:の[0-9{KANJI_NUMERALS}]{{1,2}})?)?"
    rf"|{_LEGISLATION_NUMBER}号様式)[ \u3000]*[（(][^（()）]{{1,30}}関係[）)]"
)
# A form's label 「第１号様式」「様式第２号」: a form appended to a handbook or a notice, numbered apart from its
# sections (a statute's forms name their article too: STATUTE_ANNEX).
FORM_LABEL = r"(?:第[0-9０-９]{1,2}号様式|様式第[0-9０-９]{1,2}号)"

# One component of a dotted section number: a number, or a capital letter standing for a part
# numbered apart from the numbered sections — a review report's 「7.R」 (the regulator's review
# under chapter 7, after 7.1, 7.2 the applicant's data), an annex's 「A.1.2」.  Depth is the count
# of components, whatever each is; a number with no digit at all (「U.S.」) is no section number.
_DOTTED_PART = r"(?:\d{1,2}|[A-Z])"

# Ranks leave room between schemes: only their order matters (lower = outer).
SCHEMES = (
    # Annexes are top-level parts of their document, outside its numbering.
    # (「付録1: …」: a colon after the label, as a technical writer sets it, does what the gap does.)
    Scheme("annex", 5, re.compile(rf"(?P<n>{ANNEX_LABEL})(?:[．.]?{_GAP}|[:：]\s*)(?P<title>\S.*)"), weak=True),
    Scheme("annex-suffix", 5, re.compile(r"(?P<title>\S.{1,60}[（(]別紙\d{0,2}[）)])")),
    # 「第１号様式　…出納簿」: an appended form and its name (the label alone over it: NUMBER_ALONE).
    Scheme("annex-form", 5, re.compile(rf"(?P<n>{FORM_LABEL}){_GAP}(?P<title>\S.*)"), weak=True),
    # Outer to the numbered annexes: 「（別添１）」 labels a notice's attachment, which may have its own 別添１.
    Scheme("annex-alone", 4, re.compile(r"[（(【〔](?P<title>別紙\d{0,2}|別添\d{0,2}|参考資料|付録)[）)】〕]")),
    # The same label in parentheses with the attachment's title on its line: 「（別紙）添付資料一覧」
    # 「（別添４）…について」 (a label in 【】 with its title is a block's heading: 「【別添１】検討経緯」).
    Scheme("annex-titled", 4,
           re.compile(rf"(?P<n>[（(](?:別紙|別添|参考資料|付録)(?:\d{{1,2}}{ANNEX_SUBNUMBER})?[）)])\s*(?P<title>\S.*)")),
    # 「参考 1　…」「参考２　…」: reference material numbered on its own, inside the part it is appended to
    # (an annex's 参考 pages), outer to that part's numbered sections.
    Scheme("reference", 6, re.compile(rf"(?P<n>参考\s*[0-9]{{1,2}})[．.]?{_GAP}(?P<title>\S.*)"), weak=True),
    # はじめに/おわりに stand outside the numbering: they rank below numbered
    # sections so that the first "（1）" after an introduction is not nested in it.
    # 「要旨」 alone on its line: a paper's abstract, before its numbered chapters.
    # A column (コラム１-１, with its title when the text layer has it) is a box of its own (a box
    # numbered under a word, 「Box-1.」「問1」, is the document's to decide: structure/labelled_titles.py).
    # 「変更履歴」「改訂履歴」「修正履歴」 alone over the table of a specification's versions: a part before its text.
    Scheme(
        "named",
        60,
        re.compile(r"(?P<title>はじめに|おわりに|むすびに|結びに|まとめ|序文|序論|結論|要旨|議事録|議事要旨|議事概要"
                   r"|(?:変更|改訂|改定|改版|更新|修正)履歴"
                   r"|コラム\s*[0-9][-－0-9]*(?:\s+\S.*)?)"),
    ),
    Scheme("chapter", 10, re.compile(rf"第(?P<n>[0-9{KANJI_NUMERALS}]+)章\s*(?P<title>.*)")),
    Scheme("roman", 12, re.compile(rf"(?P<n>[{ROMAN_NUMERALS}])[．.]\s*(?P<title>\S.*)")),
    Scheme("roman-space", 12, re.compile(rf"(?P<n>[{ROMAN_NUMERALS}]){_GAP}(?P<title>\S.*)"), weak=True),
    # 第１　… of notices and legislative materials (第１, 第２ … without 章/節).
    Scheme(
        "dai", 14, re.compile(rf"第(?P<n>[0-9{KANJI_NUMERALS}]{{1,3}})(?:[．.]\s*|{_GAP})(?P<title>\S.*)"), weak=True
    ),
    Scheme("section", 16, re.compile(rf"第(?P<n>[0-9{KANJI_NUMERALS}]+)節\s*(?P<title>\S.*)")),
    # 「第８条　電子的運送記録の利用」: an article titled on its number's line (a treaty's, a translated
    # law's), inside its 節.  Only a title: an article whose sentence opens on that line (「第１条　この条例は、
    # …」) is text, its caption on the line above (structure/marked_titles.py), and 「第１００条第１４項」
    # cited inside a sentence has no gap after its 条.
    Scheme("article", 17,
           re.compile(rf"(?P<n>{ARTICLE_NUMBER}){_GAP}(?P<title>[^、。，．\s][^、。，．]{{0,40}})"),
           weak=True),
    # 一　主旨 / （一）… of notices.
    Scheme("kanji", 18, re.compile(rf"(?P<n>{_KANJI_NUMBER})(?:[．.]\s*|{_GAP})(?P<title>\S.*)"), weak=True),
    Scheme("kanjiparen", 19, re.compile(rf"[（(](?P<n>{_KANJI_NUMBER})[）)]\s*(?P<title>\S.*)"), weak=True),
    # (「7.R 機構…」 is not 「7.」 over a title 「R 機構…」: a capital letter alone after the stop is the
    # dotted number's next component.)
    Scheme("number", 20, re.compile(r"(?P<n>\d{1,2})[．.](?![0-9]|[A-Z](?:[．.]|\s))\s*(?P<title>\S.*)")),
    Scheme(
        "subnumber",
        30,
        re.compile(rf"(?P<n>\d{{1,2}}[．.]{_DOTTED_PART})(?![．.]?[0-9A-Z])[．.]?\s+(?P<title>\S.*)"),
    ),
    # "１－１．米国" (white papers): the chapter and section joined by a dash.
    Scheme("subnumber-dash", 30, re.compile(r"(?P<n>\d{1,2}[－\-−‐]\d{1,2})[．.]\s*(?P<title>\S.*)")),
    # "1-1　構造形式" (design manuals, standards): the same with a space for the stop; weak, as 「1-2 月」 or a
    # figure's 「3-1 …」 take the shape too — taken only under its parent's open 「1．」 (outline_state).
    Scheme("subnumber-dash-space", 30,
           re.compile(rf"(?P<n>\d{{1,2}}[－\-−‐]\d{{1,2}}){_GAP}(?P<title>\S.*)"), weak=True),
    Scheme(
        "subsubnumber",
        40,
        re.compile(rf"(?=\S*\d)(?P<n>{_DOTTED_PART}(?:[．.]{_DOTTED_PART}){{2}})(?![．.]?[0-9A-Z])[．.]?\s+(?P<title>\S.*)"),
    ),
    # 「7.R.1.1」: a fourth level of the same ladder (a review report's numbered findings go four deep).
    Scheme(
        "subsubsubnumber",
        45,
        re.compile(rf"(?=\S*\d)(?P<n>{_DOTTED_PART}(?:[．.]{_DOTTED_PART}){{3}})[．.]?\s+(?P<title>\S.*)"),
    ),
    # "A-1 特性別 対策チェックシート", "B-2-1 …": the parts of an annex lettered A, B.
    Scheme("lettered-part", 21, re.compile(r"(?P<n>[A-Z][-－]\d{1,2})\s+(?P<title>\S.*)"), weak=True),
    Scheme("lettered-subpart", 31, re.compile(r"(?P<n>[A-Z][-－]\d{1,2}[-－]\d{1,2})\s+(?P<title>\S.*)"), weak=True),
    Scheme("number-space", 20, re.compile(rf"(?P<n>\d{{1,2}}){_GAP}(?P<title>\S.*)"), weak=True),
    # 「（1）」, or its one-glyph form 「⑴」 (U+2474…, which word processors set for （1）).
    Scheme("paren", 50, re.compile(r"(?P<open>[（(])?(?P<n>(?(open)\d{1,2}|[⑴-⒇]))(?(open)[）)])\s*(?P<title>\S.*)")),
    # "1) 脆弱性情報": a number closed by a half parenthesis, a level below （1）.
    Scheme("halfparen", 55, re.compile(r"(?P<n>\d{1,2})[)）]\s*(?P<title>\S.*)"), weak=True),
    Scheme("parensub", 60, re.compile(r"[（(](?P<n>\d{1,2}[－\-−‐]\d{1,2})[）)]\s*(?P<title>\S.*)")),
    Scheme("katakana", 70, re.compile(rf"(?P<n>[{KATAKANA_ORDER}])[．.]\s*(?P<title>\S.*)")),
    # "ア 日本": also the shape of a katakana word cut at the line end ("クリプ / ト VISA").
    Scheme("katakana-space", 70, re.compile(rf"(?P<n>[{KATAKANA_ORDER}]){_GAP}(?P<title>\S.*)"), weak=True),
    # 「（ア）…」: the rank under ア as official documents number it (1 → （1） → ア → （ア）).
    Scheme("katakana-paren", 72, re.compile(rf"[（(](?P<n>[{KATAKANA_ORDER}])[）)]\s*(?P<title>\S.*)")),
    # A summary of another document: "（title）\n subtitle 【概要】" (デジタル・ニッポン 7.6).
    Scheme("summary", 80, re.compile(r"(?P<title>.*\S\s*【概要】)")),
    Scheme("block", 80, re.compile(r"(?:≪(?P<a>[^≫]+)≫|【(?P<b>[^】]+)】)")),
    Scheme("dash", 80, re.compile(r"―\s*(?P<title>\S.*)")),
    Scheme("circle", 80, re.compile(r"[〇○◯]\s*(?P<title>\S.*)")),
)
# Circled numbers are sub-headings only where they stand above a body of their own
# (structure/headings.py decides); their rank sits between katakana and the unnumbered blocks.
CIRCLED = Scheme("circled", 75, re.compile(rf"(?P<n>[{CIRCLED_NUMBERS}])\s*(?P<title>\S.*)"))
SLIDE_TITLE_RANK = 30
# A section number standing alone on its line, its title on the next line.
NUMBER_ALONE = re.compile(
    rf"(?:{ANNEX_LABEL}|{FORM_LABEL}|第[0-9{KANJI_NUMERALS}]+[章節]?|[（(](?:\d{{1,2}}|{_KANJI_NUMBER})[）)]|{_KANJI_NUMBER}[．.]?"
    rf"|[{ROMAN_NUMERALS}][．.]?|\d{{1,2}}(?:[．.]\d{{1,2}}){{0,2}}[．.]?)"
)
# What follows a number when the number counts something ("6 月", "3 点目", "第1回"): never a title.
# (日, 時 and 分 are left out: 日本, 時代 and 分野 begin titles more often than "6 日" a line.)
COUNTER_START = tuple("年月秒回条項号章節部期次位点番件社名人歳割倍つヵか個台円％%万億千百")

# 「・・・」 (two or more middle dots) is an ellipsis, not a bullet: "・" is a marker only alone.
LIST_MARKER = re.compile(
    r"(?P<marker>-\s*[・•]|・(?!・)|[•●⚫○◯■□◆◇▪※➢✓⇒]|-(?=\s)|[①-⑳]|[⑴-⒇]|[（(]\d{1,2}[）)]"
    r"|\d{1,2}[．.](?![0-9])|[a-z][．.)])\s*(?P<text>.*)"
)
BULLETS = "-・•●⚫○◯■□◆◇▪※➢✓⇒"
# 「1)」「2)」 (「１）」 once the digits are half-width): a number closed by a half parenthesis numbers a
# run of items a level below （1）. Not a LIST_MARKER: the same shape is the halfparen heading
# scheme, which headings.py decides; the paragraph reader only asks where one item of a run ends.
_HALF_PAREN_ITEM = re.compile(r"(?P<n>\d{1,2})[)）][ \u3000]*(?P<text>.*)")


# A line of a table's cell that opens an item: a bullet (not 「・・・」, an ellipsis), or a number —
# circled, in brackets, closed by a stop or a parenthesis, Arabic, a Latin letter, a Roman numeral
# (ii, iv) or kanji — not a word (「Lot.」「No.」).
_ITEM_BULLET = re.compile(r"[・•●◆◇■□▪※➢✓⇒](?!・)\s*\S")
_ITEM_NUMBER = re.compile(
    r"(?P<n>[①-⑳]|[⑴-⒇]|[（(](?:\d{1,2}|[a-zA-Z]|[ivxIVX]{2,4}|[一二三四五六七八九十]{1,3})[）)]"
    r"|(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{2,4})[．.)）](?![0-9]))\s*(?P<text>\S)"
)


def item_starts(lines: list[str]) -> list[bool]:
    """Which of a cell's printed lines open an item set on its own line: a line opening with a
    bullet; a line opening with a number when another line of the cell opens with a number of the
    same shape (「(1)」「(2)」, 「①」「②」, 「a.」「b.」).  A number alone proves nothing: a wrapped
    reference starts a line as well (「…第8の1」／「(1)後段」).  A line opening in Japanese under a
    line of English words only is the same label in the other language (a translation table sets
    「General reliability standard」 over 「第12条 一般的な信頼性の基準」): Japanese wrapped in a
    cell has Japanese on the line above."""
    shapes = [_number_shape(line) for line in lines]
    counts = Counter(shape for shape in shapes if shape)
    return [bool(_ITEM_BULLET.match(line)) or (shape is not None and counts[shape] >= 2)
            or (bool(line) and is_cjk(line[0]) and _english_above(lines[:index]))
            for index, (line, shape) in enumerate(zip(lines, shapes, strict=True))]


def _english_above(lines: list[str]) -> bool:
    """Whether the lines just above (up to the nearest with Japanese in it) are English: two words
    or more apart by spaces, no Japanese (「SaaS/ASP」 alone, wrapped in a Japanese cell, is one)."""
    english: list[str] = []
    for line in reversed(lines):
        if CJK_CHAR.search(line):
            break
        english.append(line)
    return sum(1 for word in " ".join(english).split() if re.search(r"[A-Za-z]{2,}", word)) >= 2


def _number_shape(line: str) -> str | None:
    """The item number a line opens with, its digits, letters and numerals made alike: 「(1)」 and
    「（12）」 are both 「(0)」, 「①」 and 「⑤」 both 「①」; None when it opens with none."""
    match = _ITEM_NUMBER.match(line)
    if match is None or match["text"].startswith(CONTINUATION_START):  # 「1）、…」: a reference wrapped
        return None
    shape = unicodedata.normalize("NFKC", match["n"])
    shape = re.sub(r"\d+", "0", shape)
    shape = re.sub(r"[a-zA-Z]+", "a", shape)
    shape = re.sub(f"[{KANJI_NUMERALS}]+", "一", shape)
    return re.sub(r"[①-⑳]", "①", shape)


def half_paren_number(text: str) -> int | None:
    """The number of the item a text opens with 「1)」 or 「１）」; None when it opens with none, or
    when a particle follows the number (「3)にて連絡した…」 refers to item 3 in a wrapped line)."""
    match = _HALF_PAREN_ITEM.fullmatch(text)
    if match is None or not match["text"] or match["text"].startswith(CONTINUATION_START):
        return None
    return int(match["n"])


# A square or a diamond set before a figure's or table's label marks the caption, as white papers
# and reports set them (「■第1-3-1図／…」, 「□図2 …」): a bullet never precedes a numbered label.
CAPTION_MARKS = "■□◆◇"
CAPTION = re.compile(
    # Survey reports print 「図表」 and set the label in brackets: 「【図表4－1 神戸までの主な交通機関】」.
    rf"(?:[{CAPTION_MARKS}]\s*)?[【［\[＜〈]?(?:Fig\.|Table|図表|図|表)\s*[0-9０-９][-－‐.．0-9]*\s*\S.*"
    # White papers number figures by part, chapter and order: 「■第1-3-1図／AIに関する論文数の推移」.
    rf"|(?:[{CAPTION_MARKS}]\s*)?第\d{{1,2}}[-－‐]\d{{1,2}}(?:[-－‐]\d{{1,2}})?[図表]\s*[／/]?\s*\S.*"
)
# A sentence that opens with a figure's or table's label refers to it (「表5のように、…」「図1に示す
# とおり…」): the label is followed by a particle, where a caption's title follows it directly.
_LABEL_THEN_PARTICLE = re.compile(
    r"(?:Fig\.|Table|図表|図|表)\s*[0-9０-９][-－‐.．0-9]*\s*(?:[のにはをがでともや、，]|から|より)"
)


def is_caption(text: str) -> bool:
    """Whether a line is a figure's or table's caption: its label and a title (「表5 スマートフォンの
    特性一覧」), never a sentence of the body that starts with the label and ends with 「。」."""
    if CAPTION.fullmatch(text) is None:
        return False
    label = text.lstrip(CAPTION_MARKS).lstrip()
    return not text.rstrip().endswith("。") and _LABEL_THEN_PARTICLE.match(label) is None


def is_marked_caption(text: str) -> bool:
    """Whether a caption opens with its mark (「■第2-1-1図／…」): a caption however long its line,
    never a list item the mark bullets (a figure set across both columns is wider than the column)."""
    return text[:1] in CAPTION_MARKS and is_caption(text)


# Where a sentence ends: one set, in named parts, which every check of a sentence's end takes
# from here. Each use below says what it adds or leaves out, and why.
FULL_STOPS = "。．"  # 。 and the full-width period (．) some offices print for it
SENTENCE_STOPS = FULL_STOPS + "！？"
HALF_WIDTH_STOPS = "!?"
CLOSING_BRACKETS = "」』）)】"  # what closes a quotation or an aside after its stop
# A line ending in one closes its paragraph unless the line is as long as the page is wide (the
# break was the wrap).
CLOSING = SENTENCE_STOPS + HALF_WIDTH_STOPS + CLOSING_BRACKETS
# clean._continues (a text cut by a page's furniture goes on after it): not 】. A line that ends
# on a label (【BYOD】, 【会議開催実績】) is followed by what it labels; whether the two are one
# text is a change no source here decides (docs/ is the same with 】 or without) while the
# held-out corpus's text files have 20 lines ending in 】 before Japanese text: left as it was.
# The half-width stops change nothing there: the check asks Japanese characters only.
CUT_SENTENCE_END = CLOSING.replace("】", "")
# particulars.is_prose: a stop anywhere in a piece, not at its end; a closing bracket is not one
# (a roster's 「（委員長）」 is no sentence), and making it one changes docs/.
PROSE_STOPS = SENTENCE_STOPS
# diagnose (a paragraph of one line that ends no sentence): the half-width period too, the end
# of an English sentence. Not in CLOSING, where it would close paragraphs while reading; the
# warning only counts (docs/ is the same without it here; a one-line paragraph ending in "." would
# count as broken).
PARAGRAPH_END = CLOSING + "."
# No Japanese paragraph starts with a particle, a small kana or closing
# punctuation: a line that does continues the text before it.
CONTINUATION_START = tuple("をにがはのでともやへっゃゅょーぁぃぅぇぉ、。，．）」』】")
# A key to the symbols of a table or a figure: a symbol, then a leader or a colon, then what the
# symbol stands for (「○…添付が必要となる資料」「×：該当なし」「※＝推計値」). The symbol is the cell value
# it explains, not a mark setting off a title or an item.
_SYMBOL_KEY = re.compile(r"(?P<symbol>\S)[ \u3000]?(?:…|‥|・・|：|:|＝|=)")


def explains_a_symbol(text: str) -> bool:
    """Whether the line opens a key to a symbol (see _SYMBOL_KEY): a symbol character (○△×※■…,
    Unicode's symbol categories), directly followed by a leader, a colon or an equals sign."""
    match = _SYMBOL_KEY.match(text)
    return match is not None and unicodedata.category(match["symbol"]).startswith("S")


# Particles and closing punctuation never begin a title (は does: はじめに).
NEVER_STARTS_A_TITLE = tuple("をにがでとへやの、。，．）」』】")
def display_width(text: str) -> int:
    """Width in half-width cells: a Japanese character takes two; a word's ruby none (it is set
    above the line, text/ruby_marks.py)."""
    text = as_printed(text)
    return len(text) + len(CJK_CHAR.findall(text))


def wrap_width(lines: list[Line]) -> int:
    """The printed line width: the 90th percentile of body line widths."""
    widths = sorted(display_width(line.text) for line in lines if line.kind == "body")
    if not widths:
        return 80
    return max(20, widths[int(len(widths) * 0.9)])


def join_text(left: str, right: str) -> str:
    """Join two pieces of a broken line: no space next to Japanese, one between Latin words."""
    if not left:
        return right
    if not right:
        return left
    if is_cjk(left[-1]) or is_cjk(right[0]):
        return left + right
    if left.endswith("-") and right[:1].islower():
        return left + right  # a hyphen at the wrap is kept, the word rejoined
    return left + " " + right


@functools.lru_cache(maxsize=1 << 16)  # every stage asks of the same lines; the answer is the text's alone
def heading_of(text: str) -> tuple[Scheme, str, str] | None:
    """(scheme, number, title) if the line looks like a heading, else None."""
    for scheme in SCHEMES:
        match = scheme.pattern.fullmatch(text)
        if not match:
            continue
        if scheme.name == "block":
            title = (match["a"] or match["b"]).strip()
            # 「【図表1 性別構成】」: a figure's or table's caption set in brackets, never a heading; nor
            # 「【…規格 Ver.2.0 を参照】」, a pointer to another text under a clause.
            return (scheme, "", text) if title_like(title) and not is_caption(title) \
                and not title.endswith("を参照") else None
        if scheme.name == "annex-alone":
            # 「（別添１）」 alone: the label is the number as printed; its title, if any, follows below.
            return scheme, text, ""
        groups = match.groupdict()
        title = (groups.get("title") or "").strip()
        if not title_like(title):
            return None
        if match.end("title") < len(text.rstrip()):
            # The title stands inside marks (「（別添1）」): the line is its own title, nothing
            # before it is a number (cutting the marks off would lose 「）」 and make 「（別」 a number).
            return scheme, "", text.strip()
        return scheme, text[: match.start("title")].strip(), title
    return None


def lists_its_next_numbers(number: str, title: str) -> bool:
    """Whether a numbered line's words go on to the next number of the same shape (「6.」 over 「会議費
    7.資料作成費 8.資料購入費」, 「(1) …　(2) …」): items run on along one line, a legend's or a note's,
    which no title is.  Only numbers printed with a stop or in brackets: a bare 「6」's next 「7」 is
    as often a date's or a count's."""
    value = number_value(number)
    if value is None or not re.fullmatch(r"[（(]?\d{1,2}[．.)）]", number):
        return False
    following = re.sub(r"\d+", str(value + 1), number, count=1)
    return re.search(rf"(?<![0-9０-９．.]){re.escape(following)}(?![0-9０-９])\s*\S", title) is not None


# The dotted schemes, whose numbers a title of any length follows in a report's outline.
_DOTTED_SCHEMES = ("number", "subnumber", "subsubnumber", "subsubsubnumber")
# A numbered title set in display type may run past title_like's 60 characters, up to this many.
LONGEST_DISPLAY_TITLE = 90


def long_numbered_title(text: str) -> tuple[Scheme, str, str] | None:
    """(scheme, number, title) of a dotted-numbered line whose title is longer than a title's 60
    characters but otherwise one (「7.1 国内第Ⅲ相試験（…試験、…、実施期間 … ～ …）」, a trial named with its
    identifiers and dates): asked only of a line the page sets in display type, where the type says
    it is a heading and the length alone does not say otherwise."""
    for scheme in SCHEMES:
        if scheme.name not in _DOTTED_SCHEMES:
            continue
        match = scheme.pattern.fullmatch(text)
        if match is None:
            continue
        title = match["title"].strip()
        if not 60 < len(title) <= LONGEST_DISPLAY_TITLE or not title_like(title[:60]) or not title_like(title[-60:]):
            return None
        return scheme, text[: match.start("title")].strip(), title
    return None


# Items left out of a quoted text: 「(1)～（2）（略）」「(4)（略）」 (an amendment or a correction quotes
# only what changed; 略 says the numbered items are omitted). The number is the quoted text's, and
# nothing follows it: never a title.
_ELIDED = re.compile(r"(?:[～〜~－\-]\s*[（(]?\w{1,6}[）)]?\s*)?[（(]?略[）)]?")


# A figure's or table's source note (「資料：…を基に文部科学省作成」「出典：…」「（出典）…」): set under the
# figure, never a title (a note mark before it, 「1」, is the note's, not a section's number).
_SOURCE_NOTE = re.compile(r"(?:資料|出典|出所|典拠)\s*[：:]|[（(](?:資料|出典|出所)[）)]")


# A note set small under a figure or table: its source (「資料：」「出典：」), or a remark on it (「注：」
# 「注1：」「（注）」).  It ends at its own line's end: the text after it is the page's, not the note's.
_NOTE_UNDER = re.compile(r"(?:資料|出典|出所|典拠|注\s*[0-9０-９]{0,2})\s*[：:]|[（(](?:資料|出典|出所|注)[）)]")


def is_note_under(text: str) -> bool:
    """Whether the text opens with the label of a note set under a figure or table."""
    return _NOTE_UNDER.match(text.lstrip()) is not None


# A sentence's opening word and its comma (「また、」「そうしたところ、」「他方、」「例えば、」): a numbered
# paragraph's first line, never a title's start.
_SENTENCE_OPENING = re.compile(r"(?:[ぁ-ゖ]{2,8}|他方|一方|更に|従って|例えば|特に|加えて|併せて|具体的には)、")


def opens_a_sentence(title: str) -> bool:
    """Whether a numbered line's text opens with a sentence's first word and its comma."""
    return _SENTENCE_OPENING.match(title) is not None


# A figure set large with its unit and at most a short label (「511 日」「女性 303 人」「世帯数 433 戸」):
# a statistic a newsletter or a leaflet displays, never a title, however large its type.
DISPLAYED_FIGURE = re.compile(
    r"[^\d\s]{0,4}\s*\d[\d,.]*\s*(?:人|名|戸|世帯|件|日|日間|回|歳|年|か月|ヶ月|円|万円|億円|%|％|個|台|枚|本|軒|"
    r"頭|匹|校|社|か所|箇所|時間|分|km|ｋｍ|m|ｍ|t|ha|kg)"
)


# A row of figures: numbers with the signs a statistical table sets before them (△ or ▲ for a
# negative number, 「―」 for none, ＋/－) and their units' marks, a table's row read as a line
# (「△ 642 △ 1,090」「△ 40 △ 45 △ 93」), never a title.  Marks without a number are title_like's
# row of table marks.
FIGURES_ROW = re.compile(r"(?=.*\d)[\d０-９\s.,，．%％△▲▽+＋\-－−―‐…・]+")
# A picture's or quotation's credit, the source it was taken from and 「より」 (「…ホームページより」
# 「…の資料より作成」「…白書より抜粋」): set under the picture, never a title.
_CREDIT = re.compile(r".{0,40}(?:ホームページ|ＨＰ|HP|ウェブサイト|Webサイト|ＷＥＢサイト|サイト|資料|報告書|白書"
                     r"|パンフレット|リーフレット|統計)より(?:引用|抜粋|作成|転載|一部改変)?"
                     r"|.{1,40}より(?:引用|抜粋|転載|一部改変)")


def title_like(title: str) -> bool:
    return (
        0 < len(title) <= 60
        and _ELIDED.fullmatch(title) is None
        and _SOURCE_NOTE.match(title) is None
        and "。" not in title
        and not title.startswith("・・")  # an ellipsis: text goes on from something omitted
        and not re.fullmatch(r"[○◎◯●△▲▽×✕☆★■□◇◆－−\-\s]+", title)  # a row of table marks (「○ ○ ☆」)
        and not title.endswith(("、", "，", ","))
        and "\t" not in title
        and any(ch.isalnum() for ch in title)  # marks alone ("○ ☆") are table cells, not titles
        and not re.fullmatch(r"[\d\s.,%]+", title)  # a number alone: a page number, a chart's tick (「110.0」)
        and FIGURES_ROW.fullmatch(title) is None
        and _CREDIT.fullmatch(title) is None
    )


# A dotted section number with a capital letter among its components (「7.R」「7.R.1.1」「A.1.2」).
_LETTERED_DOTTED = re.compile(rf"(?=\S*[A-Z])(?=\S*\d){_DOTTED_PART}(?:[．.]{_DOTTED_PART})+[．.]?")
# The value a lettered component counts from: past any numbered sibling.
LETTERED_AFTER = 100


def number_token(number: str) -> str:
    """The ASCII id component of a printed section number: "2．1" → "2-1", "ア．" → "a"."""
    annex = re.fullmatch(
        r"[（(【〔]?(?:別紙|付録|別添|参考資料|別表)\s*[ー－\-−‐]?(\w*?)(?:[ー－\-−‐](\d+))?[）)】〕]?[:：]?", number)
    if annex:
        # "annex1", "annex-a": apart from the body's numbers, so 別紙1 never takes chapter 1's id.
        # 「別紙2-1」 → "annex2-1": no value (number_value), so 別紙2-2 may follow it.
        label = annex.group(1) + (f"-{annex.group(2)}" if annex.group(2) else "")
        return "annex" + (label if label[:1].isdigit() else f"-{label.lower()}" if label else "")
    form = re.fullmatch(r"(?:第(\d+)号様式|様式第(\d+)号)", number)
    if form:
        return f"form{int(form.group(1) or form.group(2))}"  # apart from the body's numbers, as an annex's are
    reference = re.fullmatch(r"参考\s*(\d+)", number)
    if reference:
        return f"ref{int(reference.group(1))}"  # apart from the body's numbers, as an annex's are
    article = _ARTICLE.fullmatch(number)
    if article:
        # 「第百二条」 → "102", 「第３条の２」 → "3-2": the article, then its branch numbers, in digits or kanji.
        numerals = [article["article"], *article["branches"].split("の")[1:]]
        return "-".join(str(_numeral_value(numeral)) for numeral in numerals)
    if _LETTERED_DOTTED.fullmatch(number):
        # 「7.R.1」 → "7-r-1": the letter is a component of its own, so 7.R.1 never takes 7.1's id.
        parts = re.split(r"[．.]", number.rstrip("．."))
        return "-".join(str(int(part)) if part.isdigit() else part.lower() for part in parts)
    digits = re.findall(r"\d+", number.translate(PARENTHESIZED_NUMBERS))
    if digits:
        return "-".join(str(int(d)) for d in digits)
    kanji = re.search(rf"[{KANJI_NUMERALS}]+", number)
    if kanji:
        return str(kanji_number(kanji.group()))
    kana = re.search(rf"[{KATAKANA_ORDER}]", number)
    if kana:
        return "k" + str(KATAKANA_ORDER.index(kana.group()) + 1)
    roman = re.search(rf"[{ROMAN_NUMERALS}]", number)
    if roman:
        return str(ROMAN_NUMERALS.index(roman.group()) + 1)
    circled = re.search(rf"[{CIRCLED_NUMBERS}]", number)
    if circled:
        return "c" + str(CIRCLED_NUMBERS.index(circled.group()) + 1)
    return ""


def number_value(number: str) -> int | None:
    """The last component of a section number as an integer ("2．3" → 3, "イ" → 2, "②" → 2)."""
    token = number_token(number)
    if (article := _ARTICLE.fullmatch(number)) is not None and article["branches"]:
        return None  # 第３条の２ stands between 第３条 and 第４条: it has no place in their count
    if re.fullmatch(r"\d+(?:-\d+)*", token):
        return int(token.split("-")[-1])
    if _LETTERED_DOTTED.fullmatch(number):
        last = token.split("-")[-1]
        # A lettered part comes after its numbered siblings (7.R after 7.1, 7.2), its letters in order.
        return int(last) if last.isdigit() else LETTERED_AFTER + ord(last) - ord("a") + 1
    if token[:1] in ("k", "c"):
        return int(token[1:])
    if token.startswith("annex") and token[5:].isdigit():
        return int(token[5:])
    if (own := re.fullmatch(r"(?:ref|form)(\d+)", token)) is not None:
        return int(own.group(1))
    return None


_KANJI_DIGITS = {"〇": 0, "零": 0, **{digit: value for value, digit in enumerate("一二三四五六七八九", start=1)}}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}


def kanji_number(text: str) -> int:
    """The value of a number written in kanji: with units as prose and legislation write it (二十三,
    百二, 千九百), or digit by digit as covers, dates and vertical type do (五九七, 二〇二四).  Any
    other character counts as nothing: a number is read, never a failure (a cover's 「第五九七号」 once
    stopped its whole document)."""
    if not any(char in _KANJI_UNITS for char in text):
        return int("".join(str(_KANJI_DIGITS.get(char, 0)) for char in text) or "0")
    total, digit = 0, None
    for char in text:
        if char in _KANJI_UNITS:
            total += (1 if digit is None else digit) * _KANJI_UNITS[char]
            digit = None
        else:
            digit = _KANJI_DIGITS.get(char, 0)
    return total + (digit or 0)


def _numeral_value(numeral: str) -> int:
    """A number printed in digits (full- or half-width) or in kanji: 「１２」 → 12, 「百二」 → 102, 「七〇九」 → 709."""
    return int(numeral) if numeral.isdigit() else kanji_number(numeral)


# Plain bullets become Markdown bullets; any other marker (①, （1）, 1．, ※)
# is part of what the reader cites, so it stays visible in the item.
PLAIN_BULLETS = ("・", "•", "-", "- ・", "-・", "●", "○", "◯", "▪", "■", "□", "◆", "◇", "➢", "✓")
