"""An article's number, 「第N条」, read alike by every reader of articles (text/numbering.py ARTICLE_NUMBER): a
caption over its article (structure/marked_titles.py), an article's hang (structure/hanging.py) and an
article titled on its number's line (the 「article」 heading scheme)."""

from __future__ import annotations

import pytest

from atlas.model.document import Line
from atlas.structure.hanging import PROVISION_NUMBER, next_provision
from atlas.structure.marked_titles import _ARTICLE as OPENS_AN_ARTICLE
from atlas.text.numbering import heading_of, number_token, number_value

# Articles as statutes print them: kanji past the hundredth (第百条, 第百二十三条, 第千五十条 of a code),
# digits full- and half-width, branch articles inserted later (第１０条の２, 第十条の二); kanji digit by
# digit as vertical type cites an article (第七〇九条).
ARTICLES = ["第百条", "第百二十三条", "第千五十条", "第九十九条", "第１００条", "第100条", "第１０条の２", "第10条の2",
            "第十条の二", "第百条の二の三", "第七〇九条"]
# 第N followed by a word that opens with 条 (条件, 条例, 条約), an article cited with its 項 (no gap after its
# 条), and kanji that count nothing (「十十」): none opens an article.
NOT_ARTICLES = ["第一条件", "第3条件", "第１条例", "第2条約", "第１条第２項", "第十十条", "第百十十条"]


@pytest.mark.parametrize("number", ARTICLES)
def test_every_reader_of_articles_takes_an_articles_number(number: str):
    assert OPENS_AN_ARTICLE.match(f"{number}　この条例は、次に定めるところによる。")
    assert PROVISION_NUMBER.match(f"{number}　この条例は、次に定めるところによる。")
    heading = heading_of(f"{number}　資料の保存")
    assert heading is not None and heading[0].name == "article" and heading[1] == number


@pytest.mark.parametrize("number", NOT_ARTICLES)
def test_no_reader_of_articles_takes_what_is_no_articles_number(number: str):
    line = f"{number}　定めるところによる。"
    assert not OPENS_AN_ARTICLE.match(line)
    assert not PROVISION_NUMBER.match(line)
    heading = heading_of(f"{number}　資料の保存")
    assert heading is None or heading[0].name != "article"


def test_an_articles_value_counts_its_kanji_past_the_hundredth():
    # 第百二条 is article 102 (it was 2: only the 二 after 百 was read), so 第百一条 → 第百二条 runs in sequence.
    assert [number_value(number) for number in ["第九十九条", "第百条", "第百一条", "第百二条", "第百二十三条",
                                                "第二百条", "第千五十条", "第１０２条", "第七〇九条"]] == [
        99, 100, 101, 102, 123, 200, 1050, 102, 709]


def test_a_branch_article_has_its_id_but_no_place_in_the_count():
    # 第３条の２ stands between 第３条 and 第４条: its own id, but no value a run of 1, 2, 3 could take
    # (its last component, 2, would put it before article 3).
    assert number_token("第３条の２") == number_token("第三条の二") == "3-2"
    assert number_value("第３条の２") is None and number_value("第三条の二") is None


def test_kanji_numbers_below_a_hundred_read_as_before():
    assert [number_token(number) for number in ["一", "（十）", "十二", "二十", "二十三", "九十九"]] == [
        "1", "10", "12", "20", "23", "99"]


@pytest.mark.parametrize("article", ["第百条", "第3条の2"])  # (as read: digits half-width)
def test_an_article_out_at_the_margin_after_a_go_opens_the_next_provision(article: str):
    # A 号 set a character in ends without a stop (「…であること」); the article after it, out at the
    # articles' margin, is the next provision — a branch article too, though it has no value in the count.
    go = Line(1, "一　資料の状態を調査すること", raw="　一　資料の状態を調査すること")
    line = Line(2, f"{article}　館長は、計画を定める。", raw=f"{article}　館長は、計画を定める。")
    assert next_provision(go, line)
