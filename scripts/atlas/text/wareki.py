"""Japanese era dates (和暦) to ISO dates.

A table of the modern eras is all this needs: documents in this corpus date
from the Heisei and Reiwa eras, and an unknown era is an error, not a guess.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Literal, NamedTuple

# A date alone on its line: 令和6年5月21日, 令 和６ 年５月 ２１日 (letter-spaced), 2024年5月21日.
DATE_LINE = re.compile(
    r"(?:(?:令\s*和|平\s*成|昭\s*和)\s*(?:\d{1,2}|元)|\d{4})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:\s*[（(].[）)])?"
)

# A calendar's entry opens with its day and the day of the week (「06/20（木） 議会」「7月7日(日) 運動会」),
# or the end of a span of days under it (「‐06/21（金）」): an event on a schedule, never a title.
CALENDAR_DAY = re.compile(
    r"[‐\-－~～〜]?\s*\d{1,2}\s*(?:[/／.]|月)\s*\d{1,2}\s*日?\s*[（(]\s*[月火水木金土日]\s*[）)]"
)

ERA_START_YEAR = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}

_WAREKI = re.compile(
    r"(?P<era>明治|大正|昭和|平成|令和)\s*(?P<year>元|\d{1,2})\s*年\s*"
    r"(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"
)
_SEIREKI = re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")


def parse_japanese_date(text: str) -> date:
    """Parse 平成30年12月19日, 令和元年5月1日, 2019年1月23日 or 2019-01-23.

    Raises ValueError with the reason when the text is not such a date.
    """
    folded = unicodedata.normalize("NFKC", text).strip()
    if match := _WAREKI.fullmatch(folded):
        return date(_year(match), int(match["month"]), int(match["day"]))
    if match := _SEIREKI.fullmatch(folded):
        return date(int(match["year"]), int(match["month"]), int(match["day"]))
    try:
        return date.fromisoformat(folded)
    except ValueError:
        raise ValueError(f"not a date: {text!r}") from None


Precision = Literal["day", "month", "year"]

# The same forms without the day, or without month and day: a document that prints only
# 「令和6年5月」, or whose day nobody knows, is dated as precisely as it can be and no more.
_WAREKI_PARTIAL = re.compile(
    r"(?P<era>明治|大正|昭和|平成|令和)\s*(?P<year>元|\d{1,2})\s*年(?:\s*(?P<month>\d{1,2})\s*月)?"
)
_SEIREKI_PARTIAL = re.compile(r"(?P<year>\d{4})\s*年(?:\s*(?P<month>\d{1,2})\s*月)?")
_ISO_PARTIAL = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2}))?")


class PartialDate(NamedTuple):
    """A date known to the day, the month or the year; ``day`` is its first day."""

    day: date
    precision: Precision


def parse_partial_date(text: str) -> PartialDate:
    """Parse any form of parse_japanese_date, or the same without the day (2014-03, 令和6年5月,
    2024年5月) or without month and day (2014, 令和6年).

    Raises ValueError with the reason when the text is not such a date.
    """
    try:
        return PartialDate(parse_japanese_date(text), "day")
    except ValueError:
        pass
    folded = unicodedata.normalize("NFKC", text).strip()
    for pattern in (_WAREKI_PARTIAL, _SEIREKI_PARTIAL, _ISO_PARTIAL):
        if match := pattern.fullmatch(folded):
            year = _year(match)
            if match["month"] is None:
                return PartialDate(date(year, 1, 1), "year")
            try:
                return PartialDate(date(year, int(match["month"]), 1), "month")
            except ValueError:
                raise ValueError(f"not a date: {text!r}") from None
    raise ValueError(f"not a date: {text!r}")


def _year(match: re.Match[str]) -> int:
    """The Western year of a matched date: an era's year counts from the era's first (元年)."""
    if "era" not in match.re.groupindex:
        return int(match["year"])
    return ERA_START_YEAR[match["era"]] + (1 if match["year"] == "元" else int(match["year"])) - 1
