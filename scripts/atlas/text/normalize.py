"""Character normalisation, chosen character by character rather than NFKC.

NFKC would fix the Kangxi radicals that PDF extraction leaves in place of
kanji (⾃ → 自), but it also turns ① into 1 and Ⅱ into II (list markers and
titles depend on them), maps ⼾ and ⿊ to forms Japanese does not use (戶,
黑), and leaves the CJK Radicals Supplement (⺠ ⻑ ⺟) untouched.  So each
class of character gets its own deliberate rule here, and the tests pin what
is changed and what is kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .ruby_marks import MARKS as RUBY_MARKS

# CJK Radicals Supplement (U+2E80–U+2EFF) has no Unicode decomposition.  These
# are the full-character forms a PDF font can substitute for an ordinary
# kanji; component-only forms (⺅ ⺡ …) never stand for a whole character and
# are left alone so that damage stays visible.
RADICALS_SUPPLEMENT = {
    "⺟": "母", "⺠": "民", "⺩": "王", "⺬": "示", "⺮": "竹", "⺯": "糸",
    "⺶": "羊", "⻁": "虎", "⻃": "西", "⻄": "西", "⻆": "角", "⻊": "足",
    "⻑": "長", "⻗": "雨", "⻘": "青", "⻝": "食", "⻟": "食", "⻣": "骨",
    "⻤": "鬼", "⻧": "鹵", "⻨": "麦", "⻩": "黄", "⻫": "斉", "⻭": "歯",
    "⻮": "歯", "⻯": "竜", "⻲": "亀", "⺼": "肉", "⺽": "臼",
}

# Kangxi radicals (U+2F00–U+2FD5) whose NFKC form is not the one Japanese
# writes: NFKC gives the traditional or Chinese character.
KANGXI_JAPANESE_FORMS = {
    "⼾": "戸",  # NFKC: 戶
    "⿊": "黒",  # NFKC: 黑
    "⾭": "青",  # NFKC: 靑
    "⿀": "黄",  # NFKC: 黃
    "⿔": "亀",  # NFKC: 龜
    "⿒": "歯",  # NFKC: 齒
    "⿑": "斉",  # NFKC: 齊
}

# Vertical presentation forms (U+FE10–FE19, U+FE30–FE48) → the ordinary Japanese forms a horizontal
# page and a search use: text extraction leaves them behind, and a vertical page (read/vertical.py)
# is set in them. NFKC would give ASCII ":" "!" "(" instead.
VERTICAL_FORMS = str.maketrans({
    "︐": "，", "︑": "、", "︒": "。", "︓": "：", "︔": "；", "︕": "！", "︖": "？", "︗": "〖", "︘": "〗",
    "︙": "…", "︰": "‥", "︱": "—", "︲": "–", "︳": "＿", "︴": "＿", "︵": "（", "︶": "）", "︷": "｛",
    "︸": "｝", "︹": "〔", "︺": "〕", "︻": "【", "︼": "】", "︽": "《", "︾": "》", "︿": "〈", "﹀": "〉",
    "﹁": "「", "﹂": "」", "﹃": "『", "﹄": "』", "﹇": "［", "﹈": "］",
})
# Full-width ASCII that belongs to Latin words and numbers becomes half-width.
# Full-width punctuation that Japanese typesetting uses as its own —
# （）「」：；！？，．／～＊－＜＞ — is kept as written.
_FULLWIDTH_TO_HALF = {
    chr(code): chr(code - 0xFEE0)
    for code in range(0xFF01, 0xFF5F)
    if chr(code - 0xFEE0).isalnum() or chr(code - 0xFEE0) in "%&+=#@$_"
}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x2F00, 0x2FD6):
        ch = chr(code)
        table[code] = KANGXI_JAPANESE_FORMS.get(ch, unicodedata.normalize("NFKC", ch))
    for ch, kanji in RADICALS_SUPPLEMENT.items():
        table[ord(ch)] = kanji
    table.update(VERTICAL_FORMS)
    for ch, half in _FULLWIDTH_TO_HALF.items():
        table[ord(ch)] = half
    # Half-width katakana and punctuation: NFKC composes ﾎﾟ into ポ.
    for code in range(0xFF61, 0xFFA0):
        table.setdefault(code, unicodedata.normalize("NFKC", chr(code)))
    table[0x00A0] = " "  # no-break space: a plain space for joining rules
    # Typographic spaces (U+2000–U+200A), which a spreadsheet or a DTP tool writes between a
    # section's number and its title (「２\u2003申請の状況」): the em-wide ones are a full-width space,
    # the narrower ones a plain space, so that every rule reading a number, a title or a gap between
    # words sees the spaces it knows.
    for code in range(0x2000, 0x200B):
        table[code] = "\u3000" if code in (0x2001, 0x2003) else " "
    table[0x0009] = "\t"  # tabs carry table columns; kept
    return table


_TABLE = _build_table()
# Half-width katakana followed by a combining sound mark must compose.
_HALFWIDTH_KANA = re.compile(r"[\uFF66-\uFF9F]+")


def normalize_chars(text: str) -> str:
    """Apply the per-character rules above to one line of text."""
    text = _HALFWIDTH_KANA.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text.translate(_TABLE)


# Characters Japanese text is written in (kana, kanji, CJK punctuation, full-width forms).
_CJK_RANGES = ((0x3000, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF01, 0xFF60))
# The same ranges as one character class: counting them in a long line is a regex scan, not a
# Python call per character (the width of every line is asked many times).
CJK_CHAR = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _CJK_RANGES) + "]")


def is_cjk(ch: str) -> bool:
    """True for characters Japanese text is written in (kana, kanji, CJK punctuation)."""
    code = ord(ch)
    return any(low <= code <= high for low, high in _CJK_RANGES)


# Runs of single capital letters separated by single spaces ("A I S I"):
# PDF extraction of letter-spaced text.  At least two letters, and the run
# must not touch another Latin letter, so "I am" or "A Bcd" stay untouched.
_SPACED_LETTERS = re.compile(r"(?<![A-Za-z])[A-Z](?: [A-Z])+(?![A-Za-z])")
# A rejoined run followed by a spaced number ("G 20") is "G20".
_LETTER_NUMBER = re.compile(r"(?<![A-Za-z0-9])(G) (\d{1,2})(?![0-9.])")


def join_spaced_letters(text: str) -> str:
    """Rejoin letter-spaced capitals: "A I S I の" → "AISIの", "G 20" → "G20".

    A space that separated such a run from neighbouring Japanese was part of
    the same letter-spacing, so it goes too; a space to a Latin word stays.
    """
    def rejoin(match: re.Match[str]) -> str:
        return match.group().replace(" ", "")

    text = _SPACED_LETTERS.sub(lambda m: "\x00" + rejoin(m) + "\x01", text)
    text = re.sub(r"(?<=[^\x00-\x7F]) \x00", "\x00", text)
    text = re.sub(r"\x01 (?=[^\x00-\x7F])", "\x01", text)
    text = text.replace("\x00", "").replace("\x01", "")
    return _LETTER_NUMBER.sub(r"\1\2", text)


# Letter-spaced Japanese: a justified or centred PDF line spreads a short text over its width,
# and extraction gives one character, a space, the next ("適 用 区 分", "以 上").  A run of at
# least three single characters so spaced is letter-spacing: words never stand one character
# each.  Two characters ("松尾 豊" is a surname and a given name; "日 時" a spaced label) cannot
# be told apart by form, so a two-character run is rejoined only when it is a label that
# Japanese documents set spaced out.  Digits are not letters here: in a flattened table "1 4 月"
# is a row number and a date.
_JA_LETTER = r"[\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff々〆、。「」『』（）・―]"
# Punctuation may come in pairs between the spaced letters (「、「」): a token of its own.
_JA_PUNCT = r"[、。，「」『』（）・―]"
_JA_TOKEN = rf"(?:{_JA_LETTER}|{_JA_PUNCT}+)"
# The run may open right after a bullet or bracket (「・ア プ リ」).
_SPACED_JAPANESE = re.compile(rf"(?<![^\s・「（『]){_JA_LETTER}(?: {_JA_TOKEN}){{2,}}(?!\S)")
_SPACED_PAIR = re.compile(rf"(?<!\S)({_JA_LETTER}) ({_JA_LETTER})(?!\S)")
SPACED_LABELS = frozenset({
    "以上", "目次", "日時", "場所", "議題", "議事", "座長", "顧問", "委員", "備考", "概要", "附則", "別紙",
    "別添", "資料", "参考", "会長", "部長", "主査", "幹事", "理事", "記録", "氏名", "所属", "住所",
    "主文", "理由",  # a judgment's parts (structure/judgment_parts.py)
})
# A date whose era name is split ("令 和6 年5月 21日") is letter-spaced as a whole.
_SPACED_ERA_DATE = re.compile(r"(?:令 和|平 成|昭 和)\s?(?:\d{1,2}|元)\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日")
# An ordinal never has a space inside: "第 1 条" is "第1条" set with half-width digits.  A 第N label
# set apart from its title is no ordinal: 「第2 条約の位置付け」 (no gap after 第, a word after 条 —
# 条約, 条件, 条例): 第N条 has its 条 right after the number.
_SPACED_ORDINAL = re.compile(r"第( ?)(\d{1,3})(?: ([条章節項号回部編款次期版]))?")
_WORD_AFTER_JO = re.compile(r"[\u4e00-\u9fff々](?<!第)")


def _ordinal(match: re.Match[str]) -> str:
    if match[3] == "条" and not match[1] and _WORD_AFTER_JO.match(match.string, match.end()):
        return f"第{match[2]} 条"
    return "第" + match[2] + (match[3] or "")


def join_spaced_japanese(text: str) -> str:
    """Rejoin letter-spaced Japanese: "以 上" → "以上", "本 部 長" → "本部長", "令 和6 年5月 21日" → "令和6年5月21日".

    A space between words ("松尾 豊", "平井 卓也") stays: see the comment above.
    """
    text = _SPACED_JAPANESE.sub(lambda m: m.group().replace(" ", ""), text)
    text = _SPACED_PAIR.sub(lambda m: m[1] + m[2] if m[1] + m[2] in SPACED_LABELS else m.group(), text)
    text = _SPACED_ERA_DATE.sub(lambda m: re.sub(r"\s", "", m.group()), text)
    return _SPACED_ORDINAL.sub(_ordinal, text)


def ordinary_forms(text: str) -> str:
    """Vertical presentation forms replaced by the ordinary characters they stand for."""
    return text.translate(VERTICAL_FORMS)


def ink(text: str) -> Counter[str]:
    """The characters a conservation check compares: whitespace aside, and a vertical form (︵)
    counted as the ordinary character (（) it is read as — the same character, set the other way.
    The marks that hold a word's ruby with it (U+FFF9–FFFB, text/ruby_marks.py) are no ink either:
    format characters, printed nowhere."""
    return Counter(ch for ch in ordinary_forms(text) if not ch.isspace() and ch not in RUBY_MARKS)
