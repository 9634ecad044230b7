"""Particulars (rosters, attendance lists, hearing records): told from the model, not from headings;
they get no theme from names and posts, no theme links and no related sections."""

from __future__ import annotations

import datetime

from atlas.enrich.themes import Theme, link_first_mentions, relate_sections, tag_sections, term_pattern
from atlas.model.document import Document, DocumentMeta, ListBlock, ListItem, Paragraph, Section, SourceSpan, Table
from atlas.structure.particulars import is_particulars, topic_text

SPAN = SourceSpan(1, 1)


def section(title: str, *blocks) -> Section:
    return Section(title, 2, SPAN, blocks=list(blocks))


def para(text: str) -> Paragraph:
    return Paragraph(text, SPAN)


def items(*texts: str) -> ListBlock:
    return ListBlock([ListItem("・", t, SPAN) for t in texts], SPAN)


ROSTER = section(
    "【オブザーバー】",
    para("（対面）"),
    Table([["小野寺 健一", "警察庁長官官房審議官（サイバー警察局担当）"],
           ["藤吉 尚之", "文部科学省大臣官房サイバーセキュリティ・政策立案総括審議官"],
           ["滝田 裕士", "法務省大臣官房サイバーセキュリティ・情報化審議官"],
           ["伊藤 優志", "農林水産省大臣官房サイバーセキュリティ・情報化審議官"]], SPAN),
)
NAMES_IN_LINES = section("出席者", para("松尾 豊 東京大学大学院工学系研究科 教授"),
                         para("生貝 直人 一橋大学大学院法学研究科 教授"), para("岡田 淳 法律事務所 パートナー弁護士"))
HEARINGS = section(
    "ヒアリング実績",
    para("2023 年6 月 6 日(火)"), para("近時の暗号資産をとりまく動向について"), para("金融庁"),
    para("2023 年6 月 7 日(水)"), para("NFT の活用事例について"), para("一般社団法人 日本暗号資産取引業協会"),
)
# A slide: short statements without 。, but no names, dates or offices.
SLIDE = section("DFFTの具体化", items("データ流通の信頼性を確保", "国際的な相互運用性の向上", "規制協力の枠組みづくり",
                                      "プライバシー保護とデータ活用の両立"))
PROSE = section("【生貝委員】", items("国内のAI利用状況については、実態調査を進めることが重要である。",
                                   "指針の実効性を確保するためには、継続的なモニタリングが重要である。"))


def test_rosters_attendance_lists_and_hearing_records_are_particulars():
    assert is_particulars(ROSTER)
    assert is_particulars(NAMES_IN_LINES)
    assert is_particulars(HEARINGS)
    assert is_particulars(section("【大臣】", para("小野田 紀美 内閣府特命担当大臣（人工知能戦略担当）")))


def test_statements_are_not_particulars_even_without_a_full_stop():
    assert not is_particulars(SLIDE)
    assert not is_particulars(PROSE)
    assert not is_particulars(section("見出しだけ"))
    # One short lead-in line under a heading is no roster.
    assert not is_particulars(section("別紙", para("各省庁等の新たな施策一覧")))


def test_a_hearing_records_topics_still_count_but_not_who_was_heard():
    assert topic_text(HEARINGS) == "近時の暗号資産をとりまく動向について\nNFT の活用事例について"


CYBER = Theme("cybersecurity", "サイバーセキュリティ", "Cybersecurity", "…", ["サイバーセキュリティ", "サイバー"],
              pattern=term_pattern(["サイバーセキュリティ", "サイバー"]))


def doc(doc_id: str, *sections: Section) -> Document:
    meta = DocumentMeta(doc_id, doc_id, "某省", datetime.date(2024, 1, 1), "minutes", "x.txt", "要旨。")
    return Document(meta, sections=list(sections))


def test_a_roster_is_not_tagged_from_job_titles_nor_linked_nor_related():
    roster = section("【オブザーバー】", *ROSTER.blocks)
    roster.anchor = "3-s4"
    talk = section("【委員】", para("サイバーセキュリティの確保は重要である。"
                                  "サイバー攻撃への備えとしてサイバーセキュリティ人材の育成が欠かせない。"
                                  "政府はサイバーセキュリティ対策を強化すべきである。"))
    talk.anchor = "4-s1"
    other = section("サイバーセキュリティ", para("サイバーセキュリティ対策の強化に向けて、"
                                         "サイバー攻撃への備えとサイバーセキュリティ人材の育成を進める。"
                                         "警察庁、文部科学省、法務省、農林水産省の審議官が連携する。"))
    other.anchor = "1"
    documents = [doc("minutes", roster, talk), doc("proposal", other)]
    tag_sections(documents, [CYBER])
    link_first_mentions(documents, [CYBER])
    relate_sections(documents)
    assert roster.themes == [] and talk.themes == ["cybersecurity"]
    assert not any(link for block in roster.blocks if isinstance(block, Paragraph) for link in block.links)
    assert roster.related == []
    assert all(link.anchor != "3-s4" for link in other.related)
