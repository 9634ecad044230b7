"""Excerpts of other notices quoted in an amending notice (structure/quoted_notices.py, issue 23).

Fixtures written here in the shape pdftotext gives a correction notice: a covering letter, then per
corrected notice an attachment label, the notice's title, its issue reference and the changed passages
under that notice's own numbering, with （略） where items are left out.  The wording is made up.
"""

from __future__ import annotations

from test_structure_rules import convert

from atlas.model.document import Line
from atlas.structure.quoted_notices import quoted_excerpt_lines

COVERING = ["新しい制度に関する通知の一部訂正について",
            "下記の通知について、それぞれ別添１及び別添２のとおり訂正しますので、",
            "その取扱いについて周知徹底を図られますよう、お願いいたします。", ""]
PASSAGE = ["当該指導については、前回の受診時に確認した状況を踏まえ、必要な指導を行った場合に、",
           "月１回に限り算定する。", ""]


def first_notice(elided: bool = True) -> list[str]:
    """An attachment quoting a notice: its 別添１ and 別添２ parts, chapters, parts and items below."""
    left_out = ["(１)～（２）（略）"] if elided else ["(１)", *PASSAGE, "(２)", *PASSAGE]
    return ["（別添１）", "制度の運用に関する留意事項について", "（令和２年３月５日保発 0305 第１号）", "",
            "別添１", "", "医科に関する事項", "", "第２章", "", "個別の事項", "", "第１部", "", "指導管理等", "",
            *left_out, "(３)", "", *PASSAGE, "第３部", "", "検査", "", "１　検査の通則", "", *PASSAGE,
            "別添２", "", "歯科に関する事項", "", "第１節", "", "管理料", "", "(１)", "", *PASSAGE]


def second_notice() -> list[str]:
    return ["（別添２）", "施設の基準及びその届出の取扱いについて", "（令和２年３月５日事務連絡）", "",
            "別添１", "", "施設の基準", "", "第４", "届出に関する事項", "", "１（略）", "２", "", *PASSAGE,
            "別紙７", "", "届出の様式", "", "１　届出の種別", "", *PASSAGE]


def outline(lines: list[str]) -> list[tuple[int, str, str]]:
    _, sections = convert(lines)
    return [(s.level, s.number, s.title) for root in sections for s in root.walk()]


def test_an_amending_notice_keeps_the_quoted_notices_numbering_as_text():
    # Each attachment opens with the quoted notice's title: the document's parts.  Inside, 「第２章」
    # 「第１部」「(３)」「第１節」「別紙７」 place a changed passage in that notice: text, not sections of
    # this one; only the notice's own 「別添N」 parts say which part of it a passage comes from.
    found = outline([*COVERING, *first_notice(), *second_notice()])
    assert found == [
        (1, "（別添1）", "制度の運用に関する留意事項について"),
        (2, "別添1", "医科に関する事項"),
        (2, "別添2", "歯科に関する事項"),
        (1, "（別添2）", "施設の基準及びその届出の取扱いについて"),
        (2, "別添1", "施設の基準"),
    ]


def test_an_attachment_reproducing_a_notice_whole_keeps_its_outline():
    # Nothing elided: the attachment is the other notice itself, and its numbering is its outline.
    lines = [*COVERING, *first_notice(elided=False)]
    assert quoted_excerpt_lines([Line(n, text) for n, text in enumerate(lines, 1)]) == frozenset()
    numbers = [number for _, number, _ in outline(lines)]
    assert "1" in numbers and "第1節" in numbers  # 「１　検査の通則」, 「第１節　管理料」


def test_an_issue_reference_without_an_attachment_label_quotes_nothing():
    # A notice citing another one in its own text (title, then its reference) is no excerpt.
    lines = ["制度の運用に関する留意事項について", "（令和２年３月５日保発 0305 第１号）", "(１)～（２）（略）"]
    assert quoted_excerpt_lines([Line(n, text) for n, text in enumerate(lines, 1)]) == frozenset()


# --- Texts quoted under a line naming them -------------------------------------------------------------

QUOTED_PROSE = ["我々は、教育の場面における新しい技術の活用について、関係者との対話を重ねることを確認する。", ""]


def guideline_with_quotations() -> list[str]:
    """A guideline's annex quoting other texts: each under a line naming it with an excerpt or decision
    note, the quoted text's own numbering below (its chapter, its item 「（２）」, its 「Ⅱ．」)."""
    return ["１．はじめに", *PASSAGE, "２．基本的な考え方", *PASSAGE, "\f【別添１】政府の方針", "",
            "〇経済運営の基本方針（2023年６月16日 閣議決定）", "第２章 新しい成長の加速",
            "（２）デジタル化の加速", *QUOTED_PROSE,
            "〇教育の振興に関する計画（2023年６月16日 閣議決定）", "Ⅱ．今後の教育政策に関する基本的な方針",
            *QUOTED_PROSE,
            "〇国際会合の閣僚宣言（2023年４月30日）（仮訳、抜粋）", "42. 我々は、信頼できる技術の推進に協力する。",
            *QUOTED_PROSE, "\f【別添２】検討の経緯", *PASSAGE]


def test_a_quoted_texts_numbering_under_its_name_is_text():
    found = outline(guideline_with_quotations())
    assert [title for _, _, title in found] == [
        "はじめに", "基本的な考え方", "【別添1】政府の方針", "【別添2】検討の経緯"]


def test_a_quotation_ends_where_this_documents_numbering_goes_on():
    # 「３．今後の取組」 is the next number of this document's own 「１．」「２．」: the quotation ended above it.
    lines = ["１．はじめに", *PASSAGE, "２．基本的な考え方", *PASSAGE,
             "〇教育の振興に関する計画（2023年６月16日 閣議決定）", "（１）教育の充実", *QUOTED_PROSE,
             "３．今後の取組", *PASSAGE]
    assert [number for _, number, _ in outline(lines)] == ["1．", "2．", "3．"]
    numbered = quoted_excerpt_lines([Line(n, text) for n, text in enumerate(lines, 1)])
    assert {lines[index] for index in numbered} == {
        "〇教育の振興に関する計画（2023年６月16日 閣議決定）", "（１）教育の充実"}
