"""How a review report is laid out (issue 23): a dotted ladder with a lettered part among its numbers
(「7.R」 the regulator's review after 「7.1」「7.2」 the applicant's data), its bulleted lists of
indications set with 〇, its questions and answers.  Texts are invented, written the way pdftotext
gives such reports."""

from __future__ import annotations

from test_structure_rules import FULL, all_sections, body, convert, outline

from atlas.model.document import ListBlock, block_text


def test_a_lettered_part_of_a_dotted_ladder_nests_after_its_numbered_siblings():
    lines = [
        "7. 臨床に関する資料", *body(),
        "7.1 国内試験", *body(),
        "7.2 海外試験", *body(),
        "7.R 機構における審査の概略", *body(),
        "7.R.1 有効性について", *body(),
        "7.R.1.1 試験計画の妥当性について", *body(),
        "7.R.1.2 評価項目について", *body(),
        "7.R.2 安全性について", *body(),
        "8. 適合性調査の結果", *body(),
        "8.1 書面調査の結果", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "7.", "臨床に関する資料"),
        (2, "7.1", "国内試験"), (2, "7.2", "海外試験"),
        (2, "7.R", "機構における審査の概略"),
        (3, "7.R.1", "有効性について"),
        (4, "7.R.1.1", "試験計画の妥当性について"), (4, "7.R.1.2", "評価項目について"),
        (3, "7.R.2", "安全性について"),
        (1, "8.", "適合性調査の結果"), (2, "8.1", "書面調査の結果"),
    ]
    assert not any(isinstance(b, ListBlock) for s in all_sections(sections) for b in s.blocks)
    anchors = [s.anchor for s in all_sections(sections)]
    assert anchors == ["7", "7-1", "7-2", "7-r", "7-r-1", "7-r-1-1", "7-r-1-2", "7-r-2", "8", "8-1"]


def test_a_number_with_no_digit_or_a_lettered_number_under_no_parent_is_no_section():
    lines = [
        "1. 概要", *body(),
        "U.S. Department of Commerce", *body(),
        "3.R 別の章の審査", *body(),  # a reference to a part of chapter 3 printed under chapter 1
    ]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "1.", "概要")]


def test_circle_marked_items_standing_one_under_another_are_a_list_not_sections():
    lines = [
        "1. 審査の結果", *body(),
        "［効能又は効果］",
        "〇甲状態における合併症の発症抑制",
        "〇乙症の治療及び再発抑制",
        "〇丙症患者における形成の抑制",
        "［用法及び用量］",
        "〇甲状態における合併症の発症抑制",
        "通常、成人には、一日一回経口投与する。",
        "〇乙症の治療及び再発抑制",
        "通常、成人には、一日二回経口投与する。",
        "2. 審査の経緯", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "1.", "審査の結果"), (1, "2.", "審査の経緯")]
    text = "".join(block_text(b) for b in sections[0].blocks)
    assert text.count("乙症の治療及び再発抑制") == 2  # the items are kept, as text


def test_circle_marked_titles_each_over_text_of_its_own_stay_headings():
    lines = [
        "1. 提言", *body(),
        "〇体制の強化", *body(), *body(),
        "〇人材の育成", *body(), *body(),
        "〇国際連携", *body(), *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "1.", "提言"), (2, "〇", "体制の強化"), (2, "〇", "人材の育成"),
                                 (2, "〇", "国際連携")]


# A question written out over several lines, the way a Q&A's boxed questions wrap at the box's edge.
QUESTION = ["登録申請書の記載要領において、許可が不要の場合は仮の番号を記載することとされてい",
            "るが、仮の番号はどのように記載すべきか。"]


def test_questions_labelled_alone_on_their_line_are_the_headings_of_a_q_and_a():
    lines = ["（別添）", "登録制度に関する質疑応答集",
             "（問１）", *QUESTION, "（答）", *body(),
             "（問２）", *QUESTION, "（答）", *body(),
             "（問３）", *QUESTION, "（答）", *body()]
    _, sections = convert(lines)
    titles = [s.title for s in all_sections(sections)]
    assert titles[-3:] == ["（問1）", "（問2）", "（問3）"]
    question = next(s for s in all_sections(sections) if s.title == "（問2）")
    assert block_text(question.blocks[0]).startswith("登録申請書の記載要領において")


def test_questions_wrapped_over_several_lines_after_their_label_are_the_titles():
    lines = ["登録制度に関する質疑応答集",
             "（問１） 原料の登録申請書において、製造業の許可番号又は外国製造業者の認定番号",
             "及び年月日の欄には、許可又は認定が不要の場合は仮の番号を記載することとされ",
             "ているが、どのように記載すべきか。", "（答）", *body(),
             "（問２） 添付資料の内容は、利用者に対して非開示と理解してよいか。", "（答）", *body()]
    _, sections = convert(lines)
    titles = [s.title for s in all_sections(sections)]
    assert titles[-2:] == [
        "（問1） 原料の登録申請書において、製造業の許可番号又は外国製造業者の認定番号及び年月日の欄には、"
        "許可又は認定が不要の場合は仮の番号を記載することとされているが、どのように記載すべきか。",
        "（問2） 添付資料の内容は、利用者に対して非開示と理解してよいか。",
    ]
    assert all(block_text(s.blocks[0]).startswith("（答）") for s in all_sections(sections)[-2:])


def test_a_second_instalment_titled_by_the_same_name_numbered_next_is_a_part_of_its_own():
    lines = [
        "別紙 審査報告（1）",
        "1. 申請の概要", *body(),
        "2. 審査の概略", *body(),
        "審査報告（1）の作成時点では、調査は実施中である。",
        "審査報告（2）",
        "令和 7 年 1 月 7 日",
        "1. 審査内容", *body(),
        "2. 総合評価", *body(),
    ]
    _, sections = convert(lines)
    assert [(s.level, s.title) for s in all_sections(sections)] == [
        (1, "審査報告（1）"), (2, "申請の概要"), (2, "審査の概略"),
        (1, "審査報告（2）"), (2, "審査内容"), (2, "総合評価"),
    ]


# A Q&A grouped by topic (issue 23): its questions numbered again in each topic (「Q1-1」, 「Ｑ2-1」), each
# a whole question wrapped over lines at the column's edge, answered straight under it (「A1-1 …」).
def _topic_questions() -> list[str]:
    return [
        "1．制度の概要",
        "Q1-1 この制度の対象となるのはどのような事業者ですか。", "A1-1 市内に事業所を置く事業者が対象です。", *body(),
        "Q1-2 申請の後に事業所を移転する予定がありますが、移転先の住所で手続を進めることはでき",
        "ますか。", "A1-2 移転の届出をいただければ可能です。", *body(),
        "Ｑ1-3窓口で相談するにはどうすればよいですか。", "A1-3 事前に電話で予約してください。", *body(),
        "2．申請の手続",
        "Q2-1 様式に記載のない費用を計上したい場合、対象になるか分かりません。",
        "A2-1 事務局にお問い合わせください。", *body(),
        "Q2-2 申請書は郵送で提出します。",
        "①締切日の消印があれば受け付けてもらえるのでしょうか。",
        "②控えを返送してもらうことはできるのでしょうか。",
        "A2-2 ①締切日必着です。②返送はいたしません。", *body(),
    ]


_TOPIC_OUTLINE = [
    (1, "1．", "制度の概要"),
    (2, "", "Q1-1 この制度の対象となるのはどのような事業者ですか。"),
    (2, "", "Q1-2 申請の後に事業所を移転する予定がありますが、移転先の住所で手続を進めることはできますか。"),
    (2, "", "Q1-3窓口で相談するにはどうすればよいですか。"),
    (1, "2．", "申請の手続"),
    (2, "", "Q2-1 様式に記載のない費用を計上したい場合、対象になるか分かりません。"),
    (2, "", "Q2-2 申請書は郵送で提出します。①締切日の消印があれば受け付けてもらえるのでしょうか。"
            "②控えを返送してもらうことはできるのでしょうか。"),
]


def test_questions_numbered_in_their_topic_and_answered_under_them_are_the_titles():
    _, sections = convert(["よくあるご質問", *_topic_questions()])
    assert outline(sections) == _TOPIC_OUTLINE
    questions = [s for s in all_sections(sections) if s.level == 2]
    assert all(block_text(s.blocks[0]).startswith("A") for s in questions)


def test_a_list_of_the_questions_before_them_is_no_heading():
    # The Q&A opens with its questions listed (its contents): topics, questions wrapped, page references.
    listed = ["よくあるご質問", "1．制度の概要",
              "Q1-1 この制度の対象となるのはどのような事業者ですか。",
              "Q1-2 申請の後に事業所を移転する予定がありますが、移転先の住所で手続を",
              "進めることはできますか。", "P.1",
              "Ｑ1-3窓口で相談するにはどうすればよいですか。",
              "2．申請の手続",
              "Q2-1 様式に記載のない費用を計上したい場合、対象になるか分かりません。",
              "Q2-2 申請書は郵送で提出します。①締切日の消印があれば受け付けてもらえるの",
              "でしょうか。②控えを返送してもらうことはできるのでしょうか。", "P.2"]
    preamble, sections = convert([*listed, *_topic_questions()])
    assert outline(sections) == _TOPIC_OUTLINE
    # Text, each listed question whole on its line of the list (its wrapped rest joined to it).
    texts = [block_text(block) for block in preamble]
    assert "Q1-2 申請の後に事業所を移転する予定がありますが、移転先の住所で手続を進めることはできますか。" in texts
    assert "Q2-2 申請書は郵送で提出します。①締切日の消印があれば受け付けてもらえるのでしょうか。" \
        "②控えを返送してもらうことはできるのでしょうか。" in texts
    assert "P.1" in texts


def test_points_set_off_by_a_mark_inside_an_answer_are_no_headings():
    # An answer that sets out its points each under a mark (「○…」 over a paragraph of its own): the answer
    # is read whole under its question, the Q&A navigated by its questions.
    lines = ["よくあるご質問", "1．制度の概要",
             "Q1-1 加点の対象となる計画にはどのようなものがありますか。", "A1-1 次の二つの型があります。",
             "○地域連携型", FULL, "を行う計画", "○技術活用型", FULL, "を行う計画",
             "Q1-2 加点の申請はいつ行いますか。", "A1-2 申請時に行ってください。", *body()]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "1．", "制度の概要"),
        (2, "", "Q1-1 加点の対象となる計画にはどのようなものがありますか。"),
        (2, "", "Q1-2 加点の申請はいつ行いますか。"),
    ]
