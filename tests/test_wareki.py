import datetime

import pytest

from atlas.text.wareki import parse_japanese_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("平成30年12月19日", datetime.date(2018, 12, 19)),
        ("令和7年12月5日", datetime.date(2025, 12, 5)),
        ("令和元年5月1日", datetime.date(2019, 5, 1)),
        ("令和６年１月１日", datetime.date(2024, 1, 1)),
        ("平成 28 年 12 月 14 日", datetime.date(2016, 12, 14)),
        ("2019年1月23日", datetime.date(2019, 1, 23)),
        ("2024-05-01", datetime.date(2024, 5, 1)),
    ],
)
def test_dates_convert_to_iso(text, expected):
    assert parse_japanese_date(text) == expected


@pytest.mark.parametrize("text", ["令和7年13月5日", "天平3年1月1日", "来年春", ""])
def test_non_dates_are_rejected(text):
    with pytest.raises(ValueError):
        parse_japanese_date(text)
