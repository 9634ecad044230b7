"""A study-group report's numbering ladder, Ⅰ． > 第１ > １ > ⑴ (issue 23).

A report written in Word numbers its chapters Ⅰ．Ⅱ．, their parts 第１ 第２, their sections １ ２ and
the points under them ⑴ ⑵ — the one-glyph form (U+2474…) Word sets for （1）.  Read as no number, a
⑴ line in the heading face became a title of its own level with the chapters; it is （1）, under
「１」.  A 第N label whose title starts with 条 (「第２ 条約の位置付けについて」) was read as the article
「第2条」 and lost.  Text lines as in tests/test_structure_rules.py; invented titles.
"""

from __future__ import annotations

import pytest
from test_structure_rules import body, convert, outline

from atlas.text.normalize import join_spaced_japanese, normalize_chars
from atlas.text.numbering import heading_of, number_value


def test_a_one_glyph_parenthesised_number_is_read_as_its_number():
    heading = heading_of("⑶ 調査期間")
    assert heading is not None and heading[0].name == "paren" and number_value(heading[1]) == 3
    assert heading_of("（3）調査期間")[0] is heading[0]  # type: ignore[index]


def test_one_glyph_points_nest_under_the_section_they_follow():
    lines = [
        "Ⅰ．国内の実情調査", *body(),
        "第１ 書類の利用状況", *body(),
        "１ 調査の方法", *body(),
        "⑴ 調査の手法", *body(),
        "⑵ 調査の対象", *body(),
        "２ 調査の結果", *body(),
        "⑴ 書類の利用割合", *body(),
        "Ⅱ．制度との関係", *body(),
    ]
    _, sections = convert(lines)
    assert [(level, number) for level, number, _ in outline(sections)] == [
        (1, "Ⅰ．"), (2, "第1"), (3, "1"), (4, "⑴"), (4, "⑵"), (3, "2"), (4, "⑴"), (1, "Ⅱ．"),
    ]


@pytest.mark.parametrize("text, read", [
    ("第２ 条約の位置付けについて", "第2 条約の位置付けについて"),
    ("第３ 条件の整理", "第3 条件の整理"),
    ("第 4 条", "第4条"),  # letter-spaced: the article
    ("第4 条 目的", "第4条 目的"),
    ("第1 条第2項", "第1条第2項"),
])
def test_a_label_set_apart_from_a_title_opening_with_jo_is_no_article(text, read):
    assert join_spaced_japanese(normalize_chars(text)) == read


def test_a_dai_label_over_a_title_opening_with_jo_is_a_heading():
    lines = [
        "第１ 準拠法について", *body(),
        "１ 検討の内容", *body(),
        "第２ 条約の位置付けについて", *body(),
        "１ 検討の結果", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "第1", "準拠法について"), (2, "1", "検討の内容"),
        (1, "第2", "条約の位置付けについて"), (2, "1", "検討の結果"),
    ]


def test_a_numbered_point_opening_a_sentence_is_no_heading():
    # 「⑵ また、…」: a sentence's first word and its comma open a numbered paragraph, not a title.
    lines = [
        "１ 見直しの考え方", *body(),
        "⑴ 現行の制度の下で生じている問題を整理する。",
        "⑵ また、諸外国の動向をみると、電子化を進める法整備",
        "が相次いでいる。",
    ]
    _, sections = convert(lines)
    assert [(level, number) for level, number, _ in outline(sections)] == [(1, "1")]
