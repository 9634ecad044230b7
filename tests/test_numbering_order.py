"""Which of two numberings is inside the other, as the document shows it (structure/numbering_order.py)."""

from __future__ import annotations

from test_structure_rules import body, convert, outline

from atlas.structure.candidates import NumberedCandidate
from atlas.structure.numbering_order import ranks_in_document_order

DAI, SECTION, CHAPTER = 14, 16, 10  # numbering.SCHEMES' ranks of 「第１」, 「第１節」, 「第１章」


def candidates(*pairs: tuple[int, int]) -> list[NumberedCandidate]:
    return [NumberedCandidate(index, rank, value) for index, (rank, value) in enumerate(pairs)]


def test_a_plans_items_numbered_again_under_each_section_nest_inside_the_sections():
    # A municipality's plan: 第１章 › 第１節 › 第１ › １.  By the convention of notices 「第１」 is outer to
    # 「第１節」, so each item closed the section above it and the next 第N節 nested under the last item
    # (the plan's sections under the wrong parent).  The items start again under each section while
    # the sections run on across them: the items are inside the sections.
    lines = [
        "第１章 総則", *body(), "第１節 計画の目的", *body(), "第２節 計画の方針", *body(),
        "第１ 実施責任", *body(), "１ 村の責務", *body(), "２ 道の責務", *body(), "第２ 住民の責務", *body(),
        "第３節 地震の想定", *body(), "第１ 基本的な考え方", *body(), "第２ 被害の予測", *body(),
        "第２章 災害予防計画", *body(), "第１節 住民の心構え", *body(), "第１ 家庭における措置", *body(),
        "第２節 まちづくり", *body(), "第１ 建築物の安全化", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "第1章", "総則"), (2, "第1節", "計画の目的"), (2, "第2節", "計画の方針"),
        (3, "第1", "実施責任"), (4, "1", "村の責務"), (4, "2", "道の責務"), (3, "第2", "住民の責務"),
        (2, "第3節", "地震の想定"), (3, "第1", "基本的な考え方"), (3, "第2", "被害の予測"),
        (1, "第2章", "災害予防計画"), (2, "第1節", "住民の心構え"), (3, "第1", "家庭における措置"),
        (2, "第2節", "まちづくり"), (3, "第1", "建築物の安全化"),
    ]


def test_numberings_nested_as_the_convention_has_them_keep_their_ranks():
    # A notice's 第１ over sections numbered from 1 again under each: the convention's order.
    assert ranks_in_document_order(candidates(
        (DAI, 1), (SECTION, 1), (SECTION, 2), (DAI, 2), (SECTION, 1), (DAI, 3), (SECTION, 1))) == {}
    # Items that start again under sections which run on across them: inside the sections.
    assert ranks_in_document_order(candidates(
        (SECTION, 1), (DAI, 1), (DAI, 2), (SECTION, 2), (DAI, 1), (SECTION, 3), (DAI, 1))) == {DAI: SECTION + 1}


def test_a_new_chapter_starting_both_numberings_again_is_no_evidence_either_way():
    # 第１節 right after the last item of the chapter before: the chapter started it again, not the item.
    chapters = candidates((CHAPTER, 1), (SECTION, 1), (DAI, 1), (SECTION, 2), (DAI, 1), (DAI, 2),
                          (CHAPTER, 2), (SECTION, 1), (DAI, 1), (SECTION, 2), (DAI, 1))
    assert ranks_in_document_order(chapters) == {DAI: SECTION + 1}
    # Once is no pattern: the items start again under a section only once.
    assert ranks_in_document_order(candidates((SECTION, 1), (DAI, 1), (SECTION, 2), (DAI, 2))) == {}


PAREN, KATAKANA, CIRCLED = 50, 70, 75  # the conventional ranks of 「（１）」, 「ア．」 and 「①」


def test_items_started_once_under_a_circled_heading_which_runs_on_after_them_nest_inside_it():
    # A government draft: （２） › ① › ア．イ．ウ． › ② ③.  By the convention ア is outer to ①, so ア closed
    # the ① above it and ② ③ stood under ウ with no ① before them.  Read the other way nothing is missing.
    lines = [
        "２．制度の方向", *body(), "（１）分野の考え方", *body(), "（２）分野ごとの考え方", *body(),
        "① 暮らしに関わる分野", *body(), "ア．家庭の道具", *body(), "イ．住まいの設備", *body(),
        "ウ．その他の分野", *body(), "② 仕事に関わる分野", *body(), "③ 制度の方向", *body(),
        "（３）今後の進め方", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "2．", "制度の方向"), (2, "（1）", "分野の考え方"), (2, "（2）", "分野ごとの考え方"),
        (3, "①", "暮らしに関わる分野"), (4, "ア．", "家庭の道具"), (4, "イ．", "住まいの設備"),
        (4, "ウ．", "その他の分野"), (3, "②", "仕事に関わる分野"), (3, "③", "制度の方向"),
        (2, "（3）", "今後の進め方"),
    ]
    assert ranks_in_document_order(candidates(
        (PAREN, 2), (CIRCLED, 1), (KATAKANA, 1), (KATAKANA, 2), (CIRCLED, 2), (PAREN, 3))) == {KATAKANA: CIRCLED + 1}


def test_items_once_under_a_circled_heading_that_run_on_across_it_keep_the_conventions_order():
    # ア ① イ ② (the katakana go on from ア across ①): both readings miss a number, so no pattern.
    assert ranks_in_document_order(candidates(
        (PAREN, 1), (CIRCLED, 1), (KATAKANA, 1), (CIRCLED, 2), (KATAKANA, 2))) == {}
    # A list's ① ② under ア, ③ under イ: the convention's order, whatever the items' numbers.
    assert ranks_in_document_order(candidates(
        (PAREN, 1), (KATAKANA, 1), (CIRCLED, 1), (CIRCLED, 2), (KATAKANA, 2), (CIRCLED, 1))) == {}
