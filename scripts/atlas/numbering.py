"""How Japanese policy documents number and mark their parts: heading schemes, list markers,
captions, and the joining rule for text broken across lines.

Shared by every reader (PDF text, PDF layout, clean text) and by the clean-text writer, so that
no reader imports another's internals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Line
from .normalize import is_cjk

# ---------------------------------------------------------------------------
# Heading schemes, highest rank (outermost) first.  A heading's depth is not
# fixed by its scheme: it nests under whatever open heading has a lower rank,
# so a document that starts at "（１）" still gets top-level sections.
# ---------------------------------------------------------------------------

KANJI_NUMERALS = "一二三四五六七八九十"
KATAKANA_ORDER = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"


@dataclass(frozen=True)
class Scheme:
    name: str
    rank: int
    pattern: re.Pattern[str]


SCHEMES = (
    # はじめに/おわりに stand outside the numbering: they rank below numbered
    # sections so that the first "（1）" after an introduction is not nested in it.
    Scheme("named", 6, re.compile(r"(?P<title>はじめに|おわりに|むすびに|結びに|まとめ)")),
    Scheme("chapter", 1, re.compile(rf"第(?P<n>[0-9{KANJI_NUMERALS}]+)章\s*(?P<title>.*)")),
    Scheme("number", 2, re.compile(r"(?P<n>\d{1,2})[．.](?![0-9])\s*(?P<title>\S.*)")),
    Scheme(
        "subnumber",
        3,
        re.compile(r"(?P<n>\d{1,2}[．.]\d{1,2})(?![．.]?\d)[．.]?\s+(?P<title>\S.*)"),
    ),
    Scheme(
        "subsubnumber",
        4,
        re.compile(r"(?P<n>\d{1,2}[．.]\d{1,2}[．.]\d{1,2})[．.]?\s+(?P<title>\S.*)"),
    ),
    Scheme("paren", 5, re.compile(r"[（(](?P<n>\d{1,2})[）)]\s*(?P<title>\S.*)")),
    Scheme("parensub", 6, re.compile(r"[（(](?P<n>\d{1,2}[－\-−‐]\d{1,2})[）)]\s*(?P<title>\S.*)")),
    Scheme("katakana", 7, re.compile(rf"(?P<n>[{KATAKANA_ORDER}])(?:[．.]\s*| )(?P<title>\S.*)")),
    # A summary of another document: "（title）\n subtitle 【概要】" (デジタル・ニッポン 7.6).
    Scheme("summary", 8, re.compile(r"(?P<title>.*\S\s*【概要】)")),
    Scheme("block", 8, re.compile(r"(?:≪(?P<a>[^≫]+)≫|【(?P<b>[^】]+)】)")),
    Scheme("dash", 8, re.compile(r"―\s*(?P<title>\S.*)")),
    Scheme("circle", 8, re.compile(r"[〇○◯]\s*(?P<title>\S.*)")),
)
SLIDE_TITLE_RANK = 3

# 「・・・」 (two or more middle dots) is an ellipsis, not a bullet: "・" is a marker only alone.
LIST_MARKER = re.compile(
    r"(?P<marker>-\s*[・•]|・(?!・)|[•●○◯■□◆◇▪※➢✓⇒]|-(?=\s)|[①-⑳]|[（(]\d{1,2}[）)]"
    r"|\d{1,2}[．.](?![0-9])|[a-z][．.)])\s*(?P<text>.*)"
)
BULLETS = "-・•●○◯■□◆◇▪※➢✓⇒"
CAPTION = re.compile(r"(?:Fig\.|Table|図|表)\s*[0-9０-９][-－‐.．0-9]*\s*\S.*")
# Sentence-final punctuation: a line ending in one closes its paragraph
# unless the line is as long as the page is wide (the break was the wrap).
CLOSING = "。．！？!?」』）)】"
# No Japanese paragraph starts with a particle, a small kana or closing
# punctuation: a line that does continues the text before it.
CONTINUATION_START = tuple("をにがはのでともやへっゃゅょーぁぃぅぇぉ、。，．）」』】")
def display_width(text: str) -> int:
    return sum(2 if is_cjk(ch) else 1 for ch in text)


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


def heading_of(text: str) -> tuple[Scheme, str, str] | None:
    """(scheme, number, title) if the line looks like a heading, else None."""
    for scheme in SCHEMES:
        match = scheme.pattern.fullmatch(text)
        if not match:
            continue
        groups = match.groupdict()
        title = groups.get("title") or groups.get("a") or groups.get("b") or ""
        title = title.strip()
        if not title_like(title):
            return None
        number = text[: len(text) - len(title)].strip() if scheme.name != "block" else ""
        return scheme, number, title if scheme.name != "block" else text
    return None


def title_like(title: str) -> bool:
    return (
        0 < len(title) <= 60
        and "。" not in title
        and not title.startswith("・・")  # an ellipsis: text goes on from something omitted
        and not re.fullmatch(r"[○◎◯●△▲▽×✕☆★■□◇◆－−\-\s]+", title)  # a row of table marks (「○ ○ ☆」)
        and not title.endswith(("、", "，", ","))
        and "\t" not in title
    )


def number_token(number: str) -> str:
    """The ASCII id component of a printed section number: "2．1" → "2-1", "ア．" → "a"."""
    digits = re.findall(r"\d+", number)
    if digits:
        return "-".join(str(int(d)) for d in digits)
    kanji = re.search(rf"[{KANJI_NUMERALS}]+", number)
    if kanji:
        return str(_kanji_number(kanji.group()))
    kana = re.search(rf"[{KATAKANA_ORDER}]", number)
    if kana:
        return "k" + str(KATAKANA_ORDER.index(kana.group()) + 1)
    return ""


def _kanji_number(text: str) -> int:
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (KANJI_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (
            KANJI_NUMERALS.index(ones) + 1 if ones else 0
        )
    return KANJI_NUMERALS.index(text) + 1


