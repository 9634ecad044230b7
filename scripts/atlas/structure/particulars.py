"""Particulars: sections that list who, where and when rather than say something.

Minutes open with attendance lists (出席者, 【委員】, 【オブザーバー】: a name and a post per row),
proposals close with rosters of members and hearings, slide decks with contact details. Their
words are job titles and the names of offices ("…サイバーセキュリティ・情報化審議官"), so
counting theme terms in them tags a roster with a theme, and comparing their text with other
sections finds "related" passages that share nothing but the names of ministries.

The test is on the model, never on a heading's words. A piece of text (a paragraph, a list
item, a table cell) is *prose* when it holds a sentence: it ends a clause with 。, or it is long
(SENTENCE_CHARS or more: a slide's telegraphic bullet point is still a statement). Everything
else is a *particular*: a name and a post, a date, a place, a bracketed note such as （対面）.
A section is particulars when it has text and at most PROSE_SHARE of its characters are prose,
and at least half of its pieces read as a roster's (a table row; a name, "松尾 豊 東京大学…"; a
date, "2023 年6 月 6 日(火)"; an organisation, "金融庁", "…株式会社"): a slide of short
headline-like bullets, which states things without 。, is not a roster. One or two short lines
make no roster unless they are names (【大臣】 with one minister).
"""

from __future__ import annotations

import re

from ..model.document import ListBlock, Paragraph, Section, Table

SENTENCE_CHARS = 60
PROSE_SHARE = 0.2
NAMED_SHARE = 0.5
MIN_PIECES = 3
_SENTENCE_END = re.compile(r"[。．！？]")
# A Japanese personal name as rosters print it: family name, a space, given name, then maybe
# the post ("松尾 豊 東京大学…", "小野田 紀美 内閣府特命担当大臣"). Kanji or kana, 1–4 characters each.
_NAME = re.compile(r"^[\u3400-\u9fff\u3005\u30a0-\u30ff]{1,4}[ \u3000]"
                   r"[\u3400-\u9fff\u3005\u3040-\u30ff]{1,4}(?:[ \u3000（(]|$)")


# A date ("2023 年6 月 6 日", "令和 5 年 12 月 18 日", "12月5日（金）") or a meeting's number (第3回).
_DATE = re.compile(r"\d+\s*年\s*\d+\s*月\s*\d+\s*日|\d+\s*月\s*\d+\s*日\s*[（(]|第\s*\d+\s*回")
# An organisation as Japanese rosters and hearing records name it: a ministry, agency, bureau,
# council, association, company, university or institute.
_ORGANISATION = re.compile(
    r"(?:省|庁|局|委員会|事務局|本部|協会|協議会|機構|研究所|大学|株式会社|法人|財団|連盟|センター)"
    r"|^(?:株式会社|一般社団法人|公益社団法人|一般財団法人|公益財団法人|独立行政法人|国立研究開発法人)")


def is_listed(text: str, in_table: bool) -> bool:
    """A piece that reads as a roster's: a table row, a name, a date or an organisation."""
    return in_table or bool(_NAME.match(text) or _DATE.search(text) or _ORGANISATION.search(text))


def _pieces(section: Section) -> list[tuple[str, bool]]:
    """(text, from a table) for every paragraph, list item and table row of the section."""
    pieces: list[tuple[str, bool]] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            pieces.append((block.text, False))
        elif isinstance(block, ListBlock):
            pieces.extend((item.text, False) for item in block.items)
        elif isinstance(block, Table):
            pieces.extend((" ".join(cell for cell in row if cell), True) for row in block.rows)
    return [(text.strip(), in_table) for text, in_table in pieces if text.strip()]


def is_prose(text: str) -> bool:
    return bool(_SENTENCE_END.search(text)) or len(text) >= SENTENCE_CHARS


def is_particulars(section: Section) -> bool:
    """Whether the section is a roster, an attendance list or particulars (see module docstring)."""
    pieces = _pieces(section)
    if not pieces:
        return False
    total = sum(len(text) for text, _ in pieces)
    prose = sum(len(text) for text, _ in pieces if is_prose(text))
    if prose > PROSE_SHARE * total:
        return False
    if len(pieces) < MIN_PIECES and not all(_NAME.match(text) for text, _ in pieces):
        return False  # one or two short lines (a slide's caption, a lead-in to a list) are no roster
    listed = sum(1 for text, in_table in pieces if is_listed(text, in_table))
    return listed >= NAMED_SHARE * len(pieces)


def topic_text(section: Section) -> str:
    """The pieces of a particulars section that are not a roster's: what a hearing was about
    ("近時の暗号資産をとりまく動向について"), not who was heard or when."""
    return "\n".join(text for text, in_table in _pieces(section) if not is_listed(text, in_table))
