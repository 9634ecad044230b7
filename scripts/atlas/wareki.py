"""Japanese era dates (和暦) to ISO dates.

A table of the modern eras is all this needs: documents in this corpus date
from the Heisei and Reiwa eras, and an unknown era is an error, not a guess.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

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
        year_in_era = 1 if match["year"] == "元" else int(match["year"])
        year = ERA_START_YEAR[match["era"]] + year_in_era - 1
        return date(year, int(match["month"]), int(match["day"]))
    if match := _SEIREKI.fullmatch(folded):
        return date(int(match["year"]), int(match["month"]), int(match["day"]))
    try:
        return date.fromisoformat(folded)
    except ValueError:
        raise ValueError(f"not a date: {text!r}") from None
