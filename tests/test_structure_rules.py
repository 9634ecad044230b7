"""The structure step's rules for PDF text (issue 11), one test (or more) per failure mode.

Fixtures are minimal texts written the way pdftotext gives Japanese policy documents: a
page-wide body line is about forty characters, titles are short, numbers may stand alone.
Tests on ../shared/corpus skip when it is absent (a fresh clone); their expected values were
read off the PDF text by hand (line numbers in comments), not copied from the converter.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from test_clean_text import meta, read_back, shape

from atlas.check.report import document_report
from atlas.config.catalog import Entry, load_catalog
from atlas.config.locks import load_lock
from atlas.enrich.anchors import completes, section_keys
from atlas.model.document import Document, DocumentMeta, ListBlock, Paragraph, Section, Table, block_text
from atlas.model.errors import InputError
from atlas.pipeline import build_document
from atlas.structure.anchors import assign_anchors
from atlas.structure.footnotes import link_footnotes
from atlas.structure.letter_spacing import finish_text
from atlas.structure.nesting import nest
from atlas.structure.structure import Hints, read_structure
from atlas.text.clean import classify
from atlas.text.encoding import read_text
from atlas.write.markdown import with_refs
from atlas.write.write_clean import clean_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

# A page-wide line of body text, and the short line that ends its paragraph.
FULL = "本基準は、情報システムの機密性、保全性及び可用性を確保することを目的として、自然災害、"
END = "機器の障害等のリスクを未然に防止するものである。"


def body(lines: int = 2) -> list[str]:
    return [FULL] * lines + [END]


def convert(lines: list[str], hints: Hints | None = None) -> tuple[list, list[Section]]:
    classified = classify(lines)
    draft = read_structure(classified, hints or Hints())
    finish_text(draft)
    link_footnotes(draft)
    preamble, sections = nest(draft)
    assign_anchors(sections)
    return preamble, sections


def outline(sections: list[Section]) -> list[tuple[int, str, str]]:
    return [(s.level, s.number, s.title) for root in sections for s in root.walk()]


def all_sections(sections: list[Section]) -> list[Section]:
    return [s for root in sections for s in root.walk()]


def corpus_lines(doc_id: str) -> list[str]:
    path = CORPUS / f"{doc_id}.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent (development corpus not checked out)")
    lines = read_text(path).split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


# -- 1. A number alone on its line heads the title below it ------------------------------


def test_number_alone_on_its_line_heads_the_title_below():
    _, sections = convert(["一", "", "主旨", *body(), "", "二", "", "用語の定義", *body()])
    assert outline(sections) == [(1, "一", "主旨"), (1, "二", "用語の定義")]
    first = sections[0].blocks[0]
    # Number, title and first sentence are not merged: the body starts with its own words.
    assert isinstance(first, Paragraph) and first.text.startswith("本基準は、") and "主旨" not in first.text


def test_number_alone_heads_its_title_across_a_figure_caption():
    _, sections = convert(["1．", "", "図1 全体の構成", "", "現状と課題", *body()])
    assert outline(sections) == [(1, "1．", "現状と課題")]
    kinds = [(b.kind, b.text) for b in sections[0].blocks if isinstance(b, Paragraph)]
    assert kinds[0] == ("caption", "図1 全体の構成")  # the caption is kept, after its heading
    assert kinds[1][1].startswith("本基準は、")


def test_number_alone_on_its_line_in_a_real_notice():
    # meti-info-system-safety-standard-1997.txt: 「一」 at line 6, 「主旨」 at 8; 二 13/15, 三 54/56,
    # 四 82/84; 五–八 at 251, 874, 1034, 1387 with their titles on the same line after a space.
    _, sections = convert(corpus_lines("meti-info-system-safety-standard-1997"))
    top = [(s.number, s.title) for s in sections if s.number]
    assert top == [
        ("一", "主旨"), ("二", "用語の定義"), ("三", "基準の構成"), ("四", "適用区分"),
        ("五", "設置基準"), ("六", "技術基準"), ("七", "運用基準"), ("八", "留意事項"),
    ]
    second = sections[[s.number for s in sections].index("二")]
    assert [(c.number, c.title) for c in second.children] == [
        ("（一）", "情報システム関連"), ("（二）", "設備関連"), ("（三）", "建物及び室関係"),
    ]


# -- 3. Number + (full-width) space + title, when the numbering runs in sequence ---------


def test_number_space_title_is_a_heading_when_its_numbering_runs_in_sequence():
    lines = [
        "第１　船荷証券に関する論点の全体像について", *body(),
        "１　論点の全体像及び相互の関係", *body(),
        "２　論点の検討順序", *body(),
        "第２　法改正の必要性", *body(),
        "１　法改正の必要性についての考え方", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "第1", "船荷証券に関する論点の全体像について"),
        (2, "1", "論点の全体像及び相互の関係"),
        (2, "2", "論点の検討順序"),
        (1, "第2", "法改正の必要性"),
        (2, "1", "法改正の必要性についての考え方"),
    ]
    assert [s.anchor for s in all_sections(sections)] == ["1", "1-1", "1-2", "2", "2-1"]


def test_parenthesised_katakana_heads_only_under_an_open_katakana_heading():
    # 「（ア）」 numbers the rank under ア: a title there (「（ア）人手の不足」 over its text) ...
    lines = [
        "１．見本の取組", *body(),
        "ア　担い手の課題", "（ア）人手の不足", *body(), "（イ）技能の継承", *body(),
        "イ　費用の課題", "（ア）国の支援", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "1．", "見本の取組"),
        (2, "ア", "担い手の課題"), (3, "（ア）", "人手の不足"), (3, "（イ）", "技能の継承"),
        (2, "イ", "費用の課題"), (3, "（ア）", "国の支援"),
    ]
    # ... but under a 「1)」 with no ア open, its numbers list the cases a sentence announces, however
    # each case is worded or wrapped (an item's second line was the text it headed).
    lines = [
        "１．見本の取組", *body(), "1) 届出の受理", "届出は、次のいずれにも該当するときに受理する。",
        "(ア)届出の内容に矛盾がなく、受理に必要な事項がすべて記載されている", "こと",
        "(イ)届出の対象が本手引の範囲に含まれること", *body(),
        "2) 届出の取下げ", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "1．", "見本の取組"), (2, "1)", "届出の受理"), (2, "2)", "届出の取下げ")]


def test_full_width_space_forms_of_every_scheme_are_headings():
    lines = [
        "1　固定通信", *body(),
        "（1）　整備の状況", *body(),
        "ア　日本", *body(),
        "イ　米国", *body(),
        "2　移動通信", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "1", "固定通信"), (2, "（1）", "整備の状況"), (3, "ア", "日本"), (3, "イ", "米国"),
        (1, "2", "移動通信"),
    ]


def test_kanji_numbered_clauses_of_a_notice_are_headings():
    lines = ["一　総則", *body(), "（一）定義", *body(), "（二）適用範囲", *body(), "二　基準", *body()]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "一", "総則"), (2, "（一）", "定義"), (2, "（二）", "適用範囲"), (1, "二", "基準"),
    ]


def test_number_space_rows_dates_and_cut_sentences_are_not_headings():
    lines = [
        "1．概要", *body(),
        "1 4 月 10 日 ChatGPT などの AI 利活用について",  # a table row: the title starts with a number
        "6 月 6 日",  # a date
        "2 IPAは、JPCERT/CCに",  # a step of a figure: ends on a particle
        "タ ス 設",  # letter-spaced text
        *body(),
        "2 IPAが受け付ける届出",  # in sequence, but "2．" is printed below: a figure's step
        *body(),
        "2．発見者の対応", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "1．", "概要"), (1, "2．", "発見者の対応")]


def test_number_space_headings_in_a_real_legislative_material():
    # moj-bl-subcommittee-material-02.txt: 第１ … 第５ at lines 6, 110, 247, 285 (its title cut at
    # 「物」/、/「有価証券」/、/「船荷証券」…, lines 285–289) and 369; １/２ under 第１ (10, 71),
    # 第２ (143, 220) and 第５ (377, 485), each inside the 「（補足説明）」 that opens the explanation under
    # its 第N (lines 9, 142, 376: the hand-checked outline's level 3). The numbered 補足説明 clauses
    # (1 我が国は、…) are not headings.
    _, sections = convert(corpus_lines("moj-bl-subcommittee-material-02"))
    assert [(s.level, s.number) for s in all_sections(sections) if s.number] == [
        (1, "第1"), (3, "1"), (3, "2"), (1, "第2"), (3, "1"), (3, "2"), (1, "第3"), (1, "第4"),
        (1, "第5"), (3, "1"), (3, "2"),
    ]
    fourth = next(s for s in sections if s.number == "第4")
    assert fourth.title == "電子化された船荷証券を「物」、「有価証券」、「船荷証券」とすることの可否等"


# -- 4. A heading glued to the end of the previous line -----------------------------------


def test_heading_glued_to_the_end_of_the_previous_line_is_split_off():
    lines = ["1．はじめに", FULL, "デジタル社会の実現に向けた取組を推進する。2．データ戦略の見直し", *body()]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "1．", "はじめに"), (1, "2．", "データ戦略の見直し")]
    assert sections[0].blocks[0].text.endswith("取組を推進する。")
    assert sections[1].blocks[0].text.startswith("本基準は、")


def test_a_number_inside_a_sentence_is_not_split_off():
    # "…を参照。3．" would be out of sequence here (after 1．), and "2．" quoted mid-line is text.
    lines = ["1．はじめに", FULL, "詳しくは別の資料を参照。3．以降の章", *body()]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "1．", "はじめに")]


# -- 5. One paragraph a line; text set in a narrow column ---------------------------------


def test_one_paragraph_per_line_text_ends_each_paragraph_at_its_full_stop():
    sentences = [
        "デジタル社会の実現に向けて、政府は" + "手続のオンライン化を進め、" * (n % 6) + "データの" * (n % 5)
        + "利便性を高める。"
        for n in range(12)
    ]
    _, sections = convert(["1．はじめに", *sentences])
    paragraphs = [b.text for b in sections[0].blocks]
    assert paragraphs == sentences


def test_text_set_in_a_narrow_column_is_not_cut_into_one_paragraph_per_line():
    column = ["特に、自動車・ロボット・材料開発な", "ど日本の強みを活かせる分野や、医療・",
              "金融・農業など安全保障上も重要な分野", "において重点的に取り組み、国内外の社",
              "会課題の解決等に貢献していくことが重", "要である。"]
    _, sections = convert(["1．はじめに", *body(3), "", *column, "", *body(3)])
    texts = [b.text for b in sections[0].blocks]
    assert "".join(column) in texts


def test_narrow_column_of_the_ai_white_paper_is_one_paragraph(documents):
    # sources/ldp-digital-nippon-2024-compilation.txt lines 7369–7374: a paragraph set beside a figure.
    paper = documents["ai-white-paper-2024"]
    texts = [b.text for s in paper.all_sections() for b in s.blocks if isinstance(b, Paragraph)]
    assert any(t.startswith("特に、自動車・ロボット・材料開発など") and t.endswith("貢献していくことが重要である。")
               for t in texts)


# -- 13. Out-of-order numbers and words split at a line break ----------------------------


def test_numbering_that_restarts_inside_a_section_nests_instead_of_becoming_list_items():
    lines = [
        "6．総論", *body(), "7．各論", *body(),
        "≪他の提言の概要≫",
        "1．第一の柱", "", *body(), "",
        "2．第二の柱", "", *body(), "",
        "8．結論", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "6．", "総論"), (1, "7．", "各論"), (2, "", "≪他の提言の概要≫"),
        (3, "1．", "第一の柱"), (3, "2．", "第二の柱"), (1, "8．", "結論"),
    ]
    assert not any(isinstance(b, ListBlock) for s in all_sections(sections) for b in s.blocks)


def test_a_summary_of_another_document_keeps_its_numbered_parts_as_headings(documents):
    # sources/ldp-digital-nippon-2024-compilation.txt lines 1254–1284: the web3 paper's 【概要】 with
    # its own 1．/2．/3． (each a title, a blank line and its text) inside デジタル・ニッポン's 7.6.
    summary = next(s for s in documents["digital-nippon-2024"].all_sections() if s.title.startswith("web3 ホワイト"))
    assert [(c.number, c.title) for c in summary.children] == [
        ("1．", "Nippon Nexus: Weaving the web3 Era〜日本が web3 時代の中心へ"),
        ("2．", "web3 の推進に向けてただちに対処すべき論点"),
        ("3．", "web3 のさらなる発展を見据え議論を開始・深化すべき論点"),
    ]


def test_a_katakana_word_split_at_a_line_break_is_never_a_katakana_heading():
    lines = ["（1）人材", "高度外国人材の受入れに向け、在留資格の見直しや、いわゆるデジタルノマドやクリプ",
             "ト VISA）の発給等、流入を促す", "施策を講ずるべきである。"]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "（1）", "人材")]
    assert "クリプト VISA" in sections[0].blocks[0].text


def test_the_web3_paper_has_no_heading_cut_from_a_word(documents):
    # sources/ldp-digital-nippon-2024-compilation.txt lines 4091–4092: 「クリプ」/「ト VISA）の発給等…」.
    titles = [s.number + s.title for s in documents["web3-white-paper-2024"].all_sections()]
    assert not [t for t in titles if "VISA" in t]


# -- 12. Circled-number sub-headings, one way per run -------------------------------------


def test_circled_numbers_above_their_own_text_are_sub_headings_all_of_the_run():
    lines = [
        "（1）デジタル・ガバメント推進に向けた支援", "",
        "① （新規）自治体 DX推進体制の充実強化", "", *body(), "",
        "② （新規）地域における「実践の場」の提供", "", *body(), "",
        "③ （継続・一部新規）デジタル専門人材派遣制度", "", *body(), "",
    ]
    _, sections = convert(lines)
    assert [(level, number) for level, number, _ in outline(sections)] == [(1, "（1）"), (2, "①"), (2, "②"), (2, "③")]
    assert sections[0].children[1].title == "（新規）地域における「実践の場」の提供"


def test_circled_numbers_opening_sentences_that_run_on_are_no_sub_headings():
    # 「① …ことがあり、」 / 「回答として…リスクがある。」: each ① starts a sentence cut at the line's end after
    # a comma or a particle, which goes on below — items written as sentences, not titles over prose.
    lines = [
        "（1）個人情報の保護の観点", "",
        "① 入力した個人の情報が機械学習に利用されることがあり、", "回答として出力されるリスクがある。",
        "② 上記の点を踏まえ、教職員が授業や校務等で", "利用する場合も、以下の点に留意することが必要。", "",
        "③ なお、法令との関係では、必要最小限の範囲を", "超えて個人の情報を利用する場合には、違反となり得る。", "",
    ]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "（1）", "個人情報の保護の観点")]
    assert "①" in " ".join(block_text(b) for b in sections[0].blocks)


def test_circled_numbers_that_follow_each_other_are_one_list():
    lines = ["1．論点の検討順序", *body(), "①電磁的記録を発行する場面の規律の内容",
             "②技術的要件に関する規律の内容", "③紙の証券との転換に関する規律の内容", *body()]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "1．", "論点の検討順序")]
    lists = [b for b in sections[0].blocks if isinstance(b, ListBlock)]
    assert [i.marker for i in lists[0].items] == ["①", "②", "③"]


def test_circled_items_over_bullets_in_plain_text_stay_a_list():
    # cybersecurity-2024's 「以下5項目を含む…」 ①–⑤ each over ・ sub-points: in a text with no type to tell a
    # title from an item, a ① whose next line is a bullet is an item with its sub-points (the reference
    # outline's reading); a PDF that sets ① in the heading face is another matter (test_pdf_layout.py).
    lines = [
        "（4）交通機関の利用状況", *body(),
        "①目的地までの主な交通機関",
        "・目的地までの主な交通手段は、全体では「車」が約4割で最も高くなっている。",
        "・地区別にみると、鉄道の利用者は北部で最も高くなっている。", "",
        "②市内での主な交通手段",
        "・市内での主な交通手段としては、昨年と同じく「車」が最も高い。", "",
    ]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "（4）", "交通機関の利用状況")]
    lists = [b for b in sections[0].blocks if isinstance(b, ListBlock)]
    assert [item.marker for block in lists for item in block.items][:2] == ["①", "・"]


def test_digital_talent_circled_sub_headings_are_all_headings(documents):
    # sources/ldp-digital-nippon-2024-compilation.txt lines 6583–7172: （１）–（５） with ①… under
    # four of them (6, 4, 4 and 7), each a title line, a blank line and paragraphs of its own.
    sections = documents["digital-talent-2024"].sections
    counts = [sum(1 for c in s.children if c.number[:1] in "①②③④⑤⑥⑦") for s in sections if s.number]
    assert counts == [6, 4, 4, 7, 0]


def test_a_named_title_over_a_numbering_that_starts_again_opens_a_part():
    # A JIS-style guideline numbers its foreword 0.1–0.3 and then its 「序文」 0.1–0.3 again.  Read line
    # by line the second 「0.1」 went back after 「0.3」: the introduction's headings were text and 序文
    # nested under the foreword's last item.  序文 over a first number of a numbering used before it opens
    # a part: its numbering starts afresh under it, and it stands beside the foreword's items' parent.
    lines = [
        "0.1 背景", *body(), "0.2 改訂のポイント", *body(), "0.3 改訂の概要", *body(),
        "(1) 情報開示の反映", *body(), "(2) 箇条書きへの変更", *body(),
        "序文", "0.1 一般", *body(), "0.2 クラウドサービスと情報", *body(),
        "0.2.1 クラウドサービスとは何か", *body(), "0.3 この指針の構成", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "0.1", "背景"), (1, "0.2", "改訂のポイント"), (1, "0.3", "改訂の概要"),
        (2, "(1)", "情報開示の反映"), (2, "(2)", "箇条書きへの変更"),
        (1, "", "序文"), (2, "0.1", "一般"), (2, "0.2", "クラウドサービスと情報"),
        (3, "0.2.1", "クラウドサービスとは何か"), (2, "0.3", "この指針の構成"),
    ]


def test_a_named_title_only_opens_a_part_where_its_numbering_would_go_back():
    # 「2．」 starts its （1）（2） again anyway: 「はじめに」 over 「（1）」 after it opens no part (it takes
    # the rank of its kind, a named title's, beside the （N） under 2．); over 「0.1」 after 「0.2」 with
    # nothing outer between, it does: it stands outside the 0.x numbering, which starts afresh under it.
    _, after_outer = convert(["1．概要", "（1）目的", *body(), "（2）手段", *body(), "2．詳細", "はじめに",
                              "（1）経緯", *body(), "（2）現状", *body()])
    assert outline(after_outer) == [
        (1, "1．", "概要"), (2, "（1）", "目的"), (2, "（2）", "手段"),
        (1, "2．", "詳細"), (2, "", "はじめに"), (2, "（1）", "経緯"), (2, "（2）", "現状"),
    ]
    _, going_back = convert(["0.1 背景", *body(), "0.2 概要", *body(), "序文", "0.1 一般", *body(),
                             "0.2 構成", *body()])
    assert outline(going_back) == [
        (1, "0.1", "背景"), (1, "0.2", "概要"), (1, "", "序文"), (2, "0.1", "一般"), (2, "0.2", "構成"),
    ]


def test_a_bracketed_label_over_a_weak_numbering_that_starts_again_opens_a_part():
    # A report boxes a proposal numbered 「1　…」「2　…」「3　…」 and explains it under 「（補足説明）」 alone
    # on its line, numbering its points from 「1　…」 again.  Read line by line the second 「1」 (a weak
    # shape, number and space) went back after 「3」 and was text, its （1）（2） nested under the box's
    # 「3」: the label opens the explanation's part, outer to the numbering that starts again under it.
    lines = [
        "第1 新しい記録の規律案", *body(), "1 記録の発行", *body(), "2 記録の記載事項", *body(),
        "3 記録の移転", *body(), "（補足説明）", "1 記録の発行について", *body(),
        "（1）発行の義務について", *body(), "（2）相手方の承諾について", *body(),
        "2 記録の記載事項について", *body(), "第2 記録の効力", *body(), "1 効力の概要", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "第1", "新しい記録の規律案"),
        (2, "1", "記録の発行"), (2, "2", "記録の記載事項"), (2, "3", "記録の移転"),
        (2, "", "（補足説明）"), (3, "1", "記録の発行について"),
        (4, "（1）", "発行の義務について"), (4, "（2）", "相手方の承諾について"),
        (3, "2", "記録の記載事項について"),
        (1, "第2", "記録の効力"), (2, "1", "効力の概要"),
    ]


def test_a_bracketed_label_opens_no_part_where_its_numbering_does_not_start_again():
    # Over the first 「1」 of a new 第N (an outer heading between: its numbering starts again anyway),
    # over a 「1」 after a lone 「1」 (no run), or with a sentence between it and the number, the label is
    # text; an annex's label (「（別添）」) is an annex, not an explanation's label.
    def headings(texts: list[str]) -> list[tuple[int, str, str]]:
        return outline(convert(texts)[1])

    new_part = headings(["第1 案", *body(), "1 発行", *body(), "2 記載", *body(), "第2 効力", *body(),
                         "（補足説明）", "1 効力の概要", *body()])
    assert (2, "", "（補足説明）") not in new_part and (2, "1", "効力の概要") in new_part
    lone = headings(["第1 案", *body(), "1 発行", *body(), "（補足説明）", "1 発行について", *body()])
    assert all(title != "（補足説明）" for _, _, title in lone)
    apart = headings(["第1 案", *body(), "1 発行", *body(), "2 記載", *body(), "（補足説明）", *body(),
                      "1 発行について", *body()])
    assert all(title != "（補足説明）" for _, _, title in apart)
    annex = headings(["第1 案", *body(), "1 発行", *body(), "2 記載", *body(), "（別添）", "1 発行について", *body()])
    assert annex[3:] == [(1, "（別添）", ""), (2, "1", "発行について")]  # an annex, outermost, as before
    explained = headings(["第1 案", *body(), "1 発行", *body(), "2 記載", *body(), "【解説】", "1 発行について",
                          *body(), "2 記載について", *body()])
    assert explained[3:] == [(2, "", "【解説】"), (3, "1", "発行について"), (3, "2", "記載について")]

def test_a_contents_list_that_misnumbers_a_chapter_is_still_a_contents_list():
    # A plan's printed 目次 of chapters and their sections, one of its chapters misprinted (two
    # 「第2章」): its chapters were not one sequence, so the list was read as headings — and the body's
    # own 「第1章」 went back after the list's last chapter and was kept as text, every section under the
    # wrong parent.  Sections numbered from 1 again in each chapter, most going up by one, make a list.
    contents = ["〔目次〕", "第1章 総則", "第1節 計画の目的", "第2節 計画の構成",
                "第2章 予防計画", "第1節 住民の心構え", "第2節 まちづくりの推進", "第3節 知識の普及",
                "第2章 応急対策計画", "第1節 活動体制", "第2節 情報の伝達"]
    body_lines = ["第1章 総則", *body(), "第1節 計画の目的", *body(), "第2節 計画の構成", *body(),
                  "第2章 予防計画", *body(), "第1節 住民の心構え", *body(), "第2節 まちづくりの推進", *body(),
                  "第3節 知識の普及", *body(), "第3章 応急対策計画", *body(), "第1節 活動体制", *body(),
                  "第2節 情報の伝達", *body()]
    _, sections = convert(["計画書", *contents, "", *body_lines])
    assert [(s.number, s.title) for s in sections] == [("第1章", "総則"), ("第2章", "予防計画"),
                                                      ("第3章", "応急対策計画")]
    assert [len(s.children) for s in sections] == [2, 3, 2]


# -- 14. Standalone titles and the title block ---------------------------------------------


def test_chapter_label_alone_heads_the_title_on_the_next_line():
    _, sections = convert(["第1章", "", "新時代を迎えたAI", *body(), "第2章", "", "研究開発の動向", *body(),
                           "第4章に示すとおり科学におけるAIの活用", "第4章", "", "に示すとおりである。"])
    # A chapter named inside a sentence (a column cut it at 第４章…) is no heading.
    assert outline(sections) == [(1, "第1章", "新時代を迎えたAI"), (1, "第2章", "研究開発の動向")]


def test_standalone_titles_are_headings_outside_the_numbering():
    lines = ["はじめに", *body(), "1．現状", *body(), "コラム１-１ ＡＩとは何か", *body(), "コラム１-２", "●江間有沙氏",
             *body(), "おわりに", *body()]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "", "はじめに"), (1, "1．", "現状"), (2, "", "コラム1-1 AIとは何か"), (2, "", "コラム1-2"),
        (1, "", "おわりに"),
    ]


def test_title_block_at_the_top_keeps_title_date_and_authors_apart(documents):
    # sources/ldp-digital-nippon-2024-compilation.txt lines 6496–6504, each between blank lines.
    preamble = [b.text for b in documents["digital-talent-2024"].preamble]
    assert preamble == ["デジタル人材育成に関する提言", "令和6年5月21日", "自由民主党政務調査会",
                        "デジタル社会推進本部", "デジタル人材育成プロジェクトチーム"]


# -- 11. Annexes are top-level parts --------------------------------------------------------


def test_annexes_are_top_level_parts_with_their_own_headings():
    lines = [
        "1．本文", *body(), "（1）細目", *body(),
        "別紙１", "", "", "", "施策の振り返りと進捗", *body(),
        "別紙２", "", "ヒアリング実績", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "1．", "本文"), (2, "（1）", "細目"),
        (1, "別紙1", "施策の振り返りと進捗"), (1, "別紙2", "ヒアリング実績"),
    ]
    assert [s.anchor for s in sections] == ["1", "annex1", "annex2"]


def test_an_annex_title_keeps_its_subtitle_and_a_table_group_row_is_no_sub_heading():
    lines = [
        "1．本文", *body(),
        "別紙４", "", "DAO ルールメイクに関する提言", "", " ～ 我が国における新しい組織のあり方について ～ ", "",
        "① 国、地方公共団体等による一体的な災害対応の実現", "", "次期総合防災情報システムの利活用拡大", "内閣府防災",
        "② 被災自治体に対するプッシュ型支援の円滑な実施", "", "物資調達・輸送調整等支援システムの活用", "内閣府防災",
    ]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "1．", "本文"), (1, "別紙4", "DAO ルールメイクに関する提言～ 我が国における新しい組織のあり方について ～"),
    ]


def test_an_annex_named_at_the_end_of_its_title_line_is_a_top_level_part():
    lines = ["【主な課題】", *body(), "防災 DX の推進に関する提言（別紙）", "", "1 防災 DX の課題と対応策", *body()]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "", "【主な課題】"), (1, "", "防災 DX の推進に関する提言（別紙）"), (2, "1", "防災 DX の課題と対応策"),
    ]


def test_appendices_of_a_real_guideline_are_top_level():
    # ipa-vuln-partnership-guideline-2019.txt: 付録１ … 付録７ (lines 1119, 1185, 1498, 1650, 1722,
    # 1876, 2493), each with its title on a later line; running repeats of the label are not new parts.
    _, sections = convert(corpus_lines("ipa-vuln-partnership-guideline-2019"))
    annexes = [s.number for s in sections if s.number.startswith("付録")]
    assert annexes == [f"付録{n}" for n in range(1, 8)]
    assert [s.number for s in sections if s.number[:1] in "ⅠⅡⅢⅣⅤ"] == ["Ⅰ．", "Ⅱ．", "Ⅲ．", "Ⅳ．", "Ⅴ．"]


def test_an_annex_label_in_brackets_with_its_title_on_its_line_is_a_part():
    # A 事務連絡's sheet: 「（別紙）添付資料一覧」, label and title on one line (before, no scheme read it).
    lines = ["第１ 一般的事項", *body(), "第２ その他", *body(), "（別紙）添付資料一覧", *body()]
    _, sections = convert(lines)
    assert outline(sections)[-1] == (1, "（別紙）", "添付資料一覧")
    assert sections[-1].anchor == "annex"
    # Named inside a sentence, the label is no part: 「（別紙）のとおり…」.
    _, sections = convert(["第１ 一般的事項", *body(), "（別紙）のとおりとする", *body()])
    assert outline(sections) == [(1, "第1", "一般的事項")]


def test_an_annex_numbered_with_a_sub_number_is_a_part_beside_the_others():
    # A deck's annexes 「（別紙１）」「（別紙２ー１）」「（別紙２ー２）」「（別紙３）」: the sub-numbered ones (a dash,
    # or the long-vowel mark typed for one) read as no annex label, and nested under 別紙１ as its
    # sub-sections.  Each is a part beside the others, with an id of its own.
    lines = ["1．取組", *body(), "（別紙１）データの整備", *body(), "（別紙２ー１）計算資源の確保", *body(),
             "（別紙２－２）拠点の拡充", *body(), "（別紙３）開発の支援", *body()]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "1．", "取組"), (1, "（別紙1）", "データの整備"),
                                 (1, "（別紙2ー1）", "計算資源の確保"), (1, "（別紙2－2）", "拠点の拡充"),
                                 (1, "（別紙3）", "開発の支援")]
    assert [section.anchor for section in sections[1:]] == ["annex1", "annex2-1", "annex2-2", "annex3"]


def test_an_attachment_holds_its_own_annexes_and_sheets():
    # A correction notice's 「（別添２）」 attaches a notice with its own 別添１ and 別添３; 「（別添４）」 attaches
    # one with a sheet 「（別紙）」: each nests under the attachment that holds it.
    lines = ["（別添２）", "施設基準の取扱いについて", "", "別添１", "", "初・再診料の施設基準等", *body(),
             "別添３", "", "入院基本料等加算の施設基準等", *body(),
             "（別添４）", "材料価格算定に関する留意事項について", "", "（別紙）", "", *body()]
    _, sections = convert(lines)
    assert [(level, number) for level, number, _ in outline(sections)] == [
        (1, "（別添2）"), (2, "別添1"), (2, "別添3"), (1, "（別添4）"), (2, "（別紙）")]


def test_elided_items_of_a_quoted_text_are_no_headings():
    # An amendment quotes only what changed: 「(1)～（2）（略）」 says items 1-2 are left out, 「(4)（略）」 item 4.
    lines = ["１．目的", *body(), "(1)～（2）（略）", "(3) 「2」については、次回以降の受診時に算定する。", "(4)（略）",
             "２．方針", *body()]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "1．", "目的"), (1, "2．", "方針")]
    text = " ".join(block_text(block) for block in sections[0].blocks)
    assert "～（2）（略）" in text and "（略）" in text.replace("～（2）（略）", "")


def test_a_numbered_sentence_that_continues_a_numbering_of_headings_is_its_item():
    # A notice words its third item as a sentence introducing a table: 「（三）…考え方は、以下のとおりである。」
    # after the headings 「（一）設置基準」「（二）技術基準及び運用基準」 (under 「四　適用区分」 in the notice).
    lines = ["一 適用区分", "（一）設置基準", *body(), "（二）技術基準及び運用基準", *body(),
             "（三）技術基準及び運用基準における適用区分の考え方は、以下のとおりである。", "利用者区分\t不特定利用者",
             "（四）本基準を利用する場合は、以下を考慮して利用すること。", *body(), "二 設置基準", *body()]
    _, sections = convert(lines)
    assert [(level, number) for level, number, _ in outline(sections)] == [
        (1, "一"), (2, "（一）"), (2, "（二）"), (2, "（三）"), (2, "（四）"), (1, "二")]
    assert sections[0].children[2].title == "技術基準及び運用基準における適用区分の考え方は、以下のとおりである。"


def test_a_numbered_line_as_wide_as_the_page_over_a_table_heads_it():
    # A spreadsheet's section lines run as wide as its notes, and each stands straight over a table's
    # rows: no sentence goes on after them, so they are no wrapped paragraphs.
    first = "1 窓口別の受付件数及び郵送による申請の件数（前月末まで、支所及び出張所の分を含む）"
    second = "2 地区別の受付件数及び電子申請による申請の件数（前月末まで、支所及び出張所の分を含む）"
    lines = [first, "区分\t今月\t累計", "本庁窓口\t1,205\t38,411", *body(),
             second, "地区\t件数", "北部地区\t1,234", *body()]
    _, sections = convert(lines)
    assert [(level, number) for level, number, _ in outline(sections)] == [(1, "1"), (1, "2")]


def test_a_numbered_sentence_opening_its_numbering_stays_text():
    # The first of a numbering written as sentences is a list's (a table's cells, a clause): only a numbering
    # headings have begun is continued by a sentence.
    lines = ["１．立地", *body(), "（1）建物及び室は、火災の被害を受ける恐れのない場所に設けること。",
             "（2）建物及び室は、水害の恐れのない場所に設けること。", "２．構造", *body()]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "1．", "立地"), (1, "2．", "構造")]


def test_numbered_sentences_of_a_list_numbered_like_the_headings_stay_text():
    # Under 「一　主旨」 a notice lists the items of a rule as sentences numbered 一, 二, 三: 「二　…こと。」 follows
    # heading 一 by its number, but the list's 一 stands before it and 「二　用語の定義」 follows: the list's.
    lines = ["一 主旨", *body(), "次の各号に掲げる事項を定める。", "一 情報システムの設置場所を定めること。",
             "二 設備の基準を定めること。", "三 運用の基準を定めること。", "二 用語の定義", *body(),
             "三 基準の構成", *body()]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "一", "主旨"), (1, "二", "用語の定義"), (1, "三", "基準の構成")]


def test_a_chapter_an_attachment_quotes_is_no_chapter_of_the_notice():
    # 「（別添１）」 corrects a notice and quotes its text from 「第２章　特掲診療料」: the chapter's number places
    # the excerpt in the corrected notice; a part of this document would number its chapters from 第１章.
    lines = ["（別添１）", "診療報酬の算定に関する留意事項について", "", "第２章 特掲診療料", "", *body(),
             "（別添２）", "施設基準の取扱いについて", "", "第１章 総則", "", *body()]
    _, sections = convert(lines)
    assert [(level, number) for level, number, _ in outline(sections)] == [
        (1, "（別添1）"), (1, "（別添2）"), (2, "第1章")]
    assert "第2章 特掲診療料" in " ".join(block_text(block) for block in sections[0].blocks)


def test_a_figure_source_note_after_its_note_mark_is_no_heading():
    # A white paper's figure: its source note 「資料：公表資料を基に文部科学省作成」, the note mark 「1」 of the
    # words it cites set alone on the line above.
    lines = ["第１節 概要", *body(), "1", "資料：公表資料 を基に文部科学省作成", "", *body()]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "第1節", "概要")]


def test_a_numbering_starts_again_under_each_appendix():
    # Two appendices each number their parts from 「１」 (the first with a space, the second with a stop): the
    # second appendix's 「1.」 does not make the first's 「１ 発見者…」 a figure's step printed before its section.
    lines = ["付録３ 法的な論点について", "", "１ 発見者が心得ておくべき法的な論点", *body(),
             "２ 製品開発者が心得ておくべき法的な論点", *body(),
             "付録６ 国際標準への対応", "", "1. 国際標準とベンダ", *body(), "2. 国際標準の概要", *body()]
    _, sections = convert(lines)
    assert [(level, number) for level, number, _ in outline(sections)] == [
        (1, "付録3"), (2, "1"), (2, "2"), (1, "付録6"), (2, "1."), (2, "2.")]


def test_a_numbered_title_wrapped_at_the_page_edge_is_one_heading():
    # pdftotext's text of a 事務連絡: 「第３ 原薬等登録原簿…作成時の留」 fills the line, 「意点」 ends the title on the
    # next; the items of 第３ follow in sequence (before, the title was a wrapped paragraph, its items out of
    # sequence after 第２'s).
    # (The notice's lines are 35 characters wide, as wide as 第３'s first line.)
    text = ["申請書には、申請書記載事項の根拠となる報告書、証明書等を添付し、あわ",
            "せてそれらの概要について記載した文書を作成すること。"]
    lines = ["第１ 一般的事項", *text, "第２ 作成時の留意点", "１ 登録区分欄", *text, *text,
             "第３ 原薬等登録原簿登録申請書に添付すべき資料及びその概要の作成時の留", "意点", *text,
             "１ 製造方法", *text]
    _, sections = convert(lines)
    assert outline(sections)[3:] == [
        (1, "第3", "原薬等登録原簿登録申請書に添付すべき資料及びその概要の作成時の留意点"), (2, "1", "製造方法")]


def test_a_notices_sentence_items_are_found_in_a_real_notice():
    # meti-info-system-safety-standard-1997.txt: 「（三）技術基準及び運用基準における適用区分の考え方は、以下のとおり
    # である。」 and 「（四）本基準を利用する場合は、以下を考慮して利用すること。」 under 「四 適用区分」 (PDF pp. 4-5).
    _, sections = convert(corpus_lines("meti-info-system-safety-standard-1997"))
    fourth = next(s for s in sections if s.number == "四")
    assert [s.number for s in fourth.children] == ["（一）", "（二）", "（三）", "（四）"]


def test_a_numbered_box_is_a_box_of_its_section():
    # A guideline's boxed columns 「Box-1. …」 (like コラム１-１) stand inside the section they are printed in.
    lines = ["１．基本的な考え方", *body(), "Box-1. 資質・能力の 3 つの柱に基づく情報活用能力の整理", *body(),
             "２．利活用の在り方", *body(), "Box-2. 情報モラル教育の一層の充実について", *body()]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "1．", "基本的な考え方"), (2, "", "Box-1. 資質・能力の 3 つの柱に基づく情報活用能力の整理"),
        (1, "2．", "利活用の在り方"), (2, "", "Box-2. 情報モラル教育の一層の充実について")]


def test_the_boxes_of_a_real_guideline_are_found_in_its_text():
    # mext-genai-guideline-v2-2024.txt: Box-1. … Box-6. (PDF pp. 8, 9, 11, 14, 18, 20), each after its 目次 entry.
    _, sections = convert(corpus_lines("mext-genai-guideline-v2-2024"))
    boxes = [s.title.split(".")[0] for s in all_sections(sections) if s.title.startswith("Box-")]
    assert boxes == [f"Box-{n}" for n in range(1, 7)]


def test_a_page_that_opens_with_a_particle_goes_on_from_the_page_before_even_in_sparse_pages():
    # A notice's pages sparse enough to be read page by page like slides: page 7 opens with 「のa～cについて…」,
    # the rest of the sentence page 6 cut off, never the page's title.
    lines = ["\f登録申請書の作成要領", "② ヒト又は動物に由来する原材料については、原材料ごとに以下", "",
             "\fのa～cについて説明し、必要に応じてd、eを含めて説明する", "こと。", "a 動物種、原産国、使用部位", "",
             "\f規格及び試験方法", "規格及び試験方法を記載すること。"]
    _, sections = convert(lines, Hints(slides=True))
    assert [s.title for s in all_sections(sections)] == ["登録申請書の作成要領", "規格及び試験方法"]


# -- Published anchors do not move ----------------------------------------------------------

# Locked headings that are gone because they were wrong, with the reason.
WRONG_HEADINGS = {
    ("web3-white-paper-2024",
     "3．web3 のさらなる発展を見据え議論を開始・深化すべき論点 > （5）暗号資産ビジネス > "
     "（5－2）暗号資産現物 ETF の動向 > トVISA）の発給等、流入を促す"):
        "「クリプ / ト VISA」: a word cut at a line break, not katakana heading ト",
    # Issue 11 item 15: a meeting's particulars (日時, 場所 with their values) are a table of label and
    # value, not headings. The lock holds both spellings (before and after 「日 時」 was rejoined).
    **{("ai-strategy-council-3-2025", key): "meeting particulars: a table row, not a heading" for key in (
        "1.日 時 令和7年12月5日（金）16:30～18:30", "1.日時 令和7年12月5日（金）16:30～18:30",
        "2.場 所 中央合同庁舎8号館 8階講堂（816～818 会議室）", "2.場所 中央合同庁舎8号館 8階講堂（816～818 会議室）")},
}


def test_published_anchors_do_not_move(documents):
    lock = load_lock(ROOT / "sources" / "anchors.lock")
    gone = set()
    for doc_id, pinned in lock.items():
        document = documents.get(doc_id)
        if document is None:
            continue
        # A heading that differs from the published one only in spaces (letter-spacing rejoined,
        # 「日 時」 → 「日時」) is the same heading.
        keyed = section_keys(document)
        current = {"".join(key.split()): section.anchor for key, section in keyed}
        for key, anchor in pinned.items():
            if "".join(key.split()) in current:
                assert current["".join(key.split())] == anchor, (doc_id, key)
                continue
            # A title published cut at its line break, now read whole, keeps its id (anchors.completes).
            whole = [section.anchor for now, section in keyed if completes(now, key)]
            if whole:
                assert whole == [anchor], (doc_id, key, whole)
            else:
                gone.add((doc_id, key))
    assert gone == set(WRONG_HEADINGS)


# -- 15. Minutes: speaker turns -------------------------------------------------------------


def test_speaker_turns_in_minutes_are_paragraphs_that_name_the_speaker():
    lines = [
        "○藤田部会長", "", "予定した時刻になりましたので、部会の", "", "第２回会議を開会いたします。",
        "○渡辺幹事", "", "渡辺でございます。配布資料について御説明させていただきます。",
        "（Ａ）", "", "それでは、本日の議題について議論を始めたいと思います。",
        "○藤田部会長", "", "ありがとうございました。",  # the chair speaks again: ○ opens turns (minutes.py)
    ]
    preamble, sections = convert(lines)
    assert sections == []  # a turn is not a section
    assert [b.text for b in preamble] == [
        "○藤田部会長\u3000予定した時刻になりましたので、部会の第2回会議を開会いたします。",
        "○渡辺幹事\u3000渡辺でございます。配布資料について御説明させていただきます。",
        "（A）\u3000それでは、本日の議題について議論を始めたいと思います。",
        "○藤田部会長\u3000ありがとうございました。",
    ]


def test_a_circled_title_printed_once_is_still_a_heading():
    _, sections = convert(["1．はじめに", *body(), "○本ガイドラインの目的", *body()])
    assert outline(sections) == [(1, "1．", "はじめに"), (2, "○", "本ガイドラインの目的")]


def test_minutes_headed_by_their_standalone_title():
    # shojihomu-denshika-study-01-minutes.txt line 10: 「議事録」 alone over the turns (（Ａ） at 11).
    _, sections = convert(corpus_lines("shojihomu-denshika-study-01-minutes"))
    assert [s.title for s in sections] == ["議事録"]
    assert sections[0].blocks[0].text.startswith("（A）\u3000それでは、本日の実質的な議題について")


def test_speaker_turns_of_real_minutes():
    # moj-bl-subcommittee-02-minutes.txt: 124 labels (○藤田部会長 at lines 48, 73, 97 …, ○渡辺幹事 at 61,
    # 79 …; five of them just after a form feed, e.g. ○中村関係官 at 110), each alone on its line.
    preamble, sections = convert(corpus_lines("moj-bl-subcommittee-02-minutes"))
    blocks = preamble + [b for s in all_sections(sections) for b in s.blocks]
    # Every label opens a paragraph (where pdftotext stacked two labels, 347–348, the first has no text).
    turns = [b.text for b in blocks if isinstance(b, Paragraph) and re.match(r"○[^\u3000]{2,16}(?:\u3000|$)", b.text)]
    assert len(turns) == 124
    assert not [s for s in all_sections(sections) if s.number == "○"]
    assert turns[1].startswith("○渡辺幹事\u3000渡辺でございます。前回の部会と同様のお願いになりますが、")


# -- 16. Footnotes in pdftotext's text --------------------------------------------------------


def notes_of(lines: list[str]) -> tuple[list, list[Section], list]:
    """Preamble, sections and footnotes of a text, footnote markers linked."""
    draft = read_structure(classify(lines), Hints())
    finish_text(draft)
    link_footnotes(draft)
    preamble, sections = nest(draft)
    return preamble, sections, draft.footnotes


def refs_of(blocks: list) -> list[str]:
    found = []
    for block in blocks:
        items = block.items if isinstance(block, ListBlock) else [block] if isinstance(block, Paragraph) else []
        found += [ref.label for item in items for ref in item.refs]
    return found


# A page of a white paper as pdftotext gives it: the note numbers stand in a column of their own,
# so they come first, one a line (with blank lines where the notes wrap), then the notes' text;
# the page number, then a form feed.  The markers are glued to the words they annotate.
STACKED_NOTES = [
    "第２節　ＡＩ技術の潮流",
    "機械学習技術には、様々な「モデル」と「学習法」があります1が、特に近年発展して",
    "いるモデルは深層学習です。その計算にはＧＰＵ2が用いられ、教師あり学習と教師な",
    "し学習3を組み合わせた手法も広がりました。",
    "",
    "1",
    "2",
    "",
    "3",
    "",
    "杉山将（2024）「教養としての機械学習」東京大学出版会",
    "Graphics Processing Unit",
    "「教師あり学習」は正解のラベルを付けた学習データで学習する手法、「教師なし学習」は",
    "正解のラベルを付けない学習データにより学習する手法。",
    "",
    "\f第３節　生成ＡＩ",
    "生成ＡＩの利用が急速に広がりました。",
]
# 「N　text」 notes closing a section (before the next heading) and a ※ note closing a page.
INLINE_NOTES = [
    "1．データ連携",
    "行政機関の間のデータ連携には、共通のＡＰＩ1を用いる。国際的には、ＤＦＦＴ2の考え",
    "方に沿って越境データ流通の枠組みを整える。",
    "",
    "1　Application Programming Interface：ソフトウェア同士が情報をやりとりするのに使用す",
    "るインタフェースの仕様。",
    "2　Data Free Flow with Trust：信頼性のある自由なデータ流通。",
    "",
    "2．生成ＡＩ",
    "検索拡張生成（ＲＡＧ※1）の活用を進める。",
    "",
    "※1　Retrieval Augmented Generation",
    "\f3．人材",
    "デジタル人材を育成する。",
]


def test_footnotes_at_section_end_and_stacked_numbers():
    _, sections, notes = notes_of(STACKED_NOTES)
    assert [(n.label, n.text) for n in notes] == [
        ("1", "杉山将（2024）「教養としての機械学習」東京大学出版会"),
        ("2", "Graphics Processing Unit"),
        # Two lines, the first ending in a comma: one note.
        ("3", "「教師あり学習」は正解のラベルを付けた学習データで学習する手法、「教師なし学習」は"
              "正解のラベルを付けない学習データにより学習する手法。"),
    ]
    assert [s.title for s in sections] == ["AI技術の潮流", "生成AI"]  # no heading from a note
    first = sections[0].blocks
    assert [b.text for b in first] == [
        "機械学習技術には、様々な「モデル」と「学習法」がありますが、特に近年発展しているモデルは深層学習です。"
        "その計算にはGPUが用いられ、教師あり学習と教師なし学習を組み合わせた手法も広がりました。"
    ]
    assert refs_of(first) == ["1", "2", "3"]

    _, sections, notes = notes_of(INLINE_NOTES)
    assert [(n.label, n.text) for n in notes] == [
        ("1", "Application Programming Interface：ソフトウェア同士が情報をやりとりするのに使用する"
              "インタフェースの仕様。"),
        ("2", "Data Free Flow with Trust：信頼性のある自由なデータ流通。"),
        ("※1", "Retrieval Augmented Generation"),
    ]
    assert [s.title for s in sections] == ["データ連携", "生成AI", "人材"]
    assert [b.text for b in sections[0].blocks] == [
        "行政機関の間のデータ連携には、共通のAPIを用いる。国際的には、DFFTの考え方に沿って越境データ流通の枠組みを整える。"
    ]
    assert refs_of(sections[0].blocks) == ["1", "2"] and refs_of(sections[1].blocks) == ["※1"]

    # 「注1」 notes, their marks written 「（注1）」, at the end of the document.
    lines = ["1．目的", "本指針は、重要インフラ（注1）の防護を目的とする。", "", "注1　電力、ガス、水道等をいう。"]
    _, sections, notes = notes_of(lines)
    assert [(n.label, n.text) for n in notes] == [("注1", "電力、ガス、水道等をいう。")]
    assert [b.text for b in sections[0].blocks] == ["本指針は、重要インフラ（）の防護を目的とする。"]
    assert refs_of(sections[0].blocks) == ["注1"]


def test_numbers_that_no_marker_points_to_are_not_footnotes():
    # The same shapes without markers in the text above: a numbered heading in sequence with its
    # body, and a chart's axis labels (numbers one a line) over a sentence, stay what they were.
    lines = [
        "1　固定通信", *body(), "2　移動通信", *body(),
        "", "1", "2", "3", "", "通信の利用は年々増えている。", "",
    ]
    _, sections, notes = notes_of(lines)
    assert notes == []
    assert [s.title for s in sections] == ["固定通信", "移動通信"]
    texts = [b.text for b in sections[1].blocks]
    assert any("通信の利用は年々増えている。" in text for text in texts)  # still the body's


def test_a_note_number_repeated_on_the_next_page_is_its_own_footnote():
    # Notes numbered per page (the white paper's): both pages' "1" are kept, each with its own key,
    # and the page writes each reference to its own note.
    page = ["本文である。データ連携1を進める。", "", "1", "", "Application Programming Interface", ""]
    _, sections, notes = notes_of(["1．基盤", *page, "\f2．連携", *page])
    assert [(n.label, n.id) for n in notes] == [("1", "1"), ("1", "1-2")]
    refs = [ref for s in sections for b in s.blocks for ref in b.refs]
    assert [(ref.label, ref.key) for ref in refs] == [("1", ""), ("1", "1-2")]
    assert with_refs(sections[1].blocks[0].text, sections[1].blocks[0].refs, {"1": "1", "1-2": "1-2"}) == (
        "本文である。データ連携[^1-2]を進める。")


def test_double_spaced_notes_under_a_footnote_rule_keep_all_their_lines():
    # Double-spaced text (a blank line after every line): a note's lines, and the next note, stand a
    # blank line apart; the body's next paragraph (indented) is not the note's.
    rule = " " * 41
    lines = [
        "ステーブルコインの発行2については、検討が進んでいる。データ連携3も進める。", "", rule,
        "2 具体的には、①当局における迅速な登録審査に向けた環境整備、②業界における自主規制", "",
        "団体の早期の設立、の必要性を提言した。",
        "3 2024 年 4月 1日、日本暗号資産取引業協会が、ステーブルコインに関する自主規制団体とし", "",
        "ての認定申請の準備として、規則の案を公表した。",
        "   次の段落である。", "",
    ]
    _, _, notes = notes_of(lines)
    assert [(n.label, n.text) for n in notes] == [
        ("2", "具体的には、①当局における迅速な登録審査に向けた環境整備、②業界における自主規制"
              "団体の早期の設立、の必要性を提言した。"),
        ("3", "2024 年 4月 1日、日本暗号資産取引業協会が、ステーブルコインに関する自主規制団体とし"
              "ての認定申請の準備として、規則の案を公表した。"),
    ]


def test_seed_notes_are_whole_and_out_of_the_body(documents):
    # sources/ldp-digital-nippon-2024-compilation.txt 2772–2782 (web3): note 2 over three double-spaced
    # lines, note 3 (「3 2024 年 4月 1日、…」) right after it; both were body paragraphs before.
    document = documents["web3-white-paper-2024"]
    assert [n.label for n in document.footnotes] == [str(i) for i in range(1, 9)]
    notes = {n.label: n.text for n in document.footnotes}
    assert notes["2"].endswith("ビジネスモデルの検討、の必要性を提言した。")
    assert notes["3"].startswith("2024 年 4月 1日、日本暗号資産取引業協会（JVCEA）")
    assert notes["6"] == "2023 年 3月 24 日付金融庁パブリックコメントへの回答"  # 3102 is the body's (indented)
    text = "".join(b.text for s in document.all_sections() for b in s.blocks if isinstance(b, Paragraph))
    assert "団体を早期の設立" not in text and "協会（JVCEA）が、ステーブルコイン" not in text
    # cybersecurity: 「、１IP アドレスあたり」 is a count; the mark is 「相当する１。」 (line 5411).
    cyber = documents["cybersecurity-2024"]
    blocks = cyber.preamble + [b for s in cyber.all_sections() for b in s.blocks]
    paragraph = next(b for b in blocks if isinstance(b, Paragraph) and "IP アドレスあたり" in b.text)
    ref = next(r for r in paragraph.refs if r.label == "1")
    assert paragraph.text[ref.offset - 4 : ref.offset + 1] == "相当する。"


def test_footnotes_of_real_white_paper_pages():
    """mext-sti-whitepaper-r6-ch1.txt page 2 (lines 335–356): numbers 1–8 stacked, then eight notes over
    thirteen lines; page 3 (445–458): numbers 1–4, the page number 6 among them, four notes, the last
    two references long.  Read against the PDF's page foot (pdftotext -layout)."""
    preamble, sections, notes = notes_of(corpus_lines("mext-sti-whitepaper-r6-ch1"))
    page2 = [n for n in notes if 335 <= n.span.start <= 356]
    assert [n.label for n in page2] == [str(i) for i in range(1, 9)]
    assert page2[1].text == "Graphics Processing Unit"
    assert page2[2].text.startswith("「教師あり学習」は正解のラベル")
    assert page2[2].text.endswith("（令和元年版情報通信白書等参照）。")
    assert page2[3].text.startswith("「自己教師あり学習」は、")
    assert page2[6].text.endswith("https://www.nri.com/jp/knowledge/report/lst/2023/cc/0622_1")
    page3 = [n for n in notes if 445 <= n.span.start <= 458]
    assert [(n.label, n.text[:30]) for n in page3] == [
        ("1", "マルチモーダルは、テキスト、音声、画像、動画、センサー情報など、"[:30]),
        ("2", "Bommasani, R., et al., (2021), “On the Opportunities"[:30]),
        ("3", "Artificial General Intelligence"[:30]),
        ("4", "一般社団法人電子情報技術産業協会（2023）「注目分野に関する動向調査2023」"[:30]),
    ]
    assert page3[3].text.endswith("生成AIは産業をどのように変えるか～」")
    # The notes' text left the body: no paragraph holds it, no heading was made of it.
    blocks = preamble + [b for s in all_sections(sections) for b in s.blocks]
    assert not [b for b in blocks if isinstance(b, Paragraph) and "Generative Pre-trained Transformer" in b.text]
    assert not [s for s in all_sections(sections) if "Large Language Models" in s.title]
    # Page 2's marks, though the two columns come out line by line and out of order: 「（ＧＰＵ2）」 (line 220)
    # and 「（ＬＬＭ5）」 (254) stand before 「あります1」 (301).  The page's notes are keyed 1-2, 2-2 …
    # (page 1 has its own 1–3).
    marks = {}
    for block in blocks:
        for item in block.items if isinstance(block, ListBlock) else [block]:
            for ref in getattr(item, "refs", []):
                marks[ref.key or ref.label] = item.text[max(0, ref.offset - 4) : ref.offset]
    assert marks["2-2"] == "（GPU" and marks["5"] == "（LLM"
    # ipa-vuln-partnership-guideline-2019.txt line 172: one note number alone, its note below (174–175), its
    # marker glued at line 161 (「法人1、」), not to 「付録1を参照」 at line 170.
    _, sections, notes = notes_of(corpus_lines("ipa-vuln-partnership-guideline-2019"))
    first = notes[0]
    assert (first.label, first.span.start) == ("1", 174)
    assert first.text == ("海外のソフトウエア製品の国内での主たる販売権を有する会社（外国企業の日本法人や総代理店等）"
                          "を含みます。")
    linked = [b for s in all_sections(sections) for b in s.blocks
              for item in (b.items if isinstance(b, ListBlock) else [b]) if getattr(item, "refs", None)
              and item.span.start <= 161 <= item.span.end]
    assert linked


# The cover of minutes as pdftotext gives it: the meeting, its name 「議事録」, the particulars with
# letter-spaced labels one character a line, 「第4 議 事 （次のとおり）」; then the proceedings under a
# centred, letter-spaced 「議 事」 whose characters the first speaker's label stands between.
MINUTES_COVER = [
    "法制審議会", "商法部会", "第２回会議", "", "第１", "", "日", "", "時", "", "議事録", "",
    "令和４年６月１５日（水）", "", "第４", "", "議", "", "事", "", "（次のとおり）", "",
    "\f議", "○藤田部会長", "", "事", "", "予定した時刻になりましたので、部会の第２回会議を開会いたします。",
    "○渡辺幹事", "", "渡辺でございます。配布資料について御説明させていただきます。",
    "○藤田部会長", "", "ありがとうございました。",
]


def test_minutes_proceedings_after_the_particulars_are_headed_by_giji():
    preamble, sections = convert(MINUTES_COVER)
    assert outline(sections) == [(1, "", "議事")]
    assert [b.text for b in sections[0].blocks] == [
        "○藤田部会長\u3000予定した時刻になりましたので、部会の第2回会議を開会いたします。",
        "○渡辺幹事\u3000渡辺でございます。配布資料について御説明させていただきます。",
        "○藤田部会長\u3000ありがとうございました。",
    ]
    # The cover's 「議事録」 is the document's name; the particulars' 「議 事」 (after 「第４」) is a label.
    assert "議事録" in [b.text for b in preamble]
    assert any(b.text.startswith("第4議事") for b in preamble)


def test_giji_is_no_heading_outside_minutes_or_as_a_particular_label():
    # Without speaker turns the same characters are text; after 「第４」 they are the particular's label.
    _, sections = convert(["議", "", "事", "", *body()])
    assert sections == []
    # Minutes whose proceedings have no 「議事」 of their own: the label stays text, 「議事録」 heads them.
    # (a speaker speaks again: turns are told by their marks over the whole record, minutes.py)
    _, sections = convert(MINUTES_COVER[:22] + MINUTES_COVER[27:] + ["○渡辺幹事", "", "承知いたしました。"])
    assert outline(sections) == [(1, "", "議事録")]


def test_real_minutes_are_headed_by_giji_not_by_the_cover_title():
    # moj-bl-subcommittee-02-minutes.txt: 「議事録」 on the cover (line 11), 「第4 / 議 / 事 / （次のとおり）」
    # (39–45), then page 2 opens 「議」 (47), 「○藤田部会長」 (48), 「事」 (50): the PDF's centred heading.
    preamble, sections = convert(corpus_lines("moj-bl-subcommittee-02-minutes"))
    assert outline(sections) == [(1, "", "議事")]
    assert sections[0].span.start == 47
    assert sections[0].blocks[0].text.startswith("○藤田部会長\u3000予定した時刻になりましたので、")
    assert "議事録" in [b.text for b in preamble]


# -- No line-number hints: hints matched by text --------------------------------------------

SLIDES = [
    "DFFT の提唱", "本文の一行目である。", "", "", "",
    "G7 では情報の自由な越境流通を重視。", "G20 では国内の制度とのバランスを重視。", "", "G7・G20 での合意", "", "",
    "", "越境データ流通の議論の進展", "本文。",
]


def slide_titles(lines: list[str], hints: Hints) -> list[str]:
    return [s.title for s in convert(lines, hints)[1]]


def test_a_slide_title_hint_names_its_line_by_text_and_survives_an_edit_above():
    by_number = Hints(slides=True, slide_titles=frozenset({9}))
    by_text = Hints(slides=True, slide_title_texts=("G7・G20での合意",))  # spaces need not match
    expected = ["DFFT の提唱", "G7・G20 での合意", "越境データ流通の議論の進展"]
    assert slide_titles(SLIDES, by_number) == slide_titles(SLIDES, by_text) == expected
    edited = ["表紙", "", "", "", *SLIDES]  # a cover slide added above: line numbers move, text does not
    assert slide_titles(edited, by_text) == ["表紙", *expected]
    assert slide_titles(edited, by_number) != ["表紙", *expected]


def test_preformatted_and_not_heading_hints_by_text():
    lines = ["1．概要", *body(), "＜開催概要＞", "第1回 論点整理", "第2回 とりまとめ", "2．結論と今後の課題", *body()]
    hints = Hints(preformatted_texts=(("＜開催概要＞", "第2回 とりまとめ"),),
                  not_heading_texts=("2．結論と今後の課題",))
    _, sections = convert(lines, hints)
    assert outline(sections) == [(1, "1．", "概要")]
    pre = [b for b in sections[0].blocks if isinstance(b, Paragraph) and b.kind == "preformatted"]
    assert [b.text for b in pre] == ["＜開催概要＞\n第1回 論点整理\n第2回 とりまとめ"]


def test_a_hint_text_that_no_line_reads_stops_the_conversion_with_one_line(tmp_path):
    (tmp_path / "deck.txt").write_text("\n".join(SLIDES) + "\n", encoding="utf-8")
    (tmp_path / "catalog.yml").write_text(
        "documents:\n  - id: deck\n    title: t\n    body: b\n    date: 2021-06-01\n    kind: slides\n"
        "    source: deck.txt\n    summary: s\n    slides: true\n    slide_titles: [\"存在しない題\"]\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as error:  # found when the catalog is read, before any conversion
        load_catalog(tmp_path)
    where = tmp_path / "catalog.yml"
    assert str(error.value) == f"{where}:10: key 'slide_titles' of 'deck': no line reads '存在しない題'"


def test_slides_start_at_form_feeds_where_the_text_has_them():
    deck = ["表紙の題", "", "2023年6月", "", "\fはじめに", "保険会社の社会的役割", "", "", "", "図の数値",
            "1,032", "", "\f財務の健全性の確保", "本文。"]
    assert slide_titles(deck, Hints(slides=True)) == ["表紙の題", "はじめに", "財務の健全性の確保"]


def test_slides_of_a_real_deck_one_title_per_page():
    # fsa-insurance-monitoring-report-2023.txt: 11 pages (10 form feeds); the cover's title is not in
    # the text layer (its first line is "Financial"); page 2 is はじめに (line 7), page 3 line 32 …
    _, sections = convert(corpus_lines("fsa-insurance-monitoring-report-2023"), Hints(slides=True))
    titles = [s.title for s in sections]
    assert len(titles) == 11
    assert titles[1:3] == ["はじめに", "保険ビジネスを巡る動向について（ビジネスモデル対話①）"]


def test_numbered_items_closed_by_a_half_parenthesis_and_lettered_annex_parts_are_headings():
    lines = [
        "1．用語の定義", *body(), "1) 脆弱性情報", *body(), "2) 検証方法", *body(),
        "2 IPAは、JPCERT/CCに", *body(),  # a figure's step, not 2) nor 2．
        "付録 A", "", "A-1 特性別 対策チェックシート", *body(), "A-2 利用シーン別 対策チェックシート", *body(),
        "付録 B BYOD の現状と特性", "B-1 本資料の位置づけと目的", *body(), "B-2 利用状況と定義", *body(),
        "B-2-1 利用状況のパターン", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "1．", "用語の定義"), (2, "1)", "脆弱性情報"), (2, "2)", "検証方法"),
        (1, "", "付録 A"), (2, "A-1", "特性別 対策チェックシート"), (2, "A-2", "利用シーン別 対策チェックシート"),
        (1, "付録 B", "BYOD の現状と特性"), (2, "B-1", "本資料の位置づけと目的"), (2, "B-2", "利用状況と定義"),
        (3, "B-2-1", "利用状況のパターン"),
    ]
    assert [s.anchor for s in sections[1:]] == ["s1", "annex-b"]


# -- What the new rules find reads back the same from its clean text, and nothing is lost --------


def test_every_new_heading_form_reads_back_the_same_from_clean_text(tmp_path):
    lines = [
        "はじめに", *body(), "第１　総則", *body(), "一　主旨", *body(), "（一）定義", *body(),
        "1　固定通信", *body(), "（1）　整備", *body(), "ア　日本", *body(), "1) 脆弱性情報", *body(),
        "2) 検証方法", *body(), "Ⅰ．はじめの章", *body(), "2．各論", *body(), "≪概要≫",
        "1．第一の柱", "", *body(), "", "2．第二の柱", "", *body(), "",
        "① （新規）体制の充実", "", *body(), "", "② （継続）派遣制度", "", *body(), "",
        "コラム１-１ ＡＩとは何か", *body(), "○藤田部会長", "", "開会いたします。",
        "別紙１", "", "施策の振り返り", *body(), "付録 A", "", "A-1 特性別 チェックシート", *body(),
        "防災の提言（別紙）", *body(),
    ]
    source = tmp_path / "src"
    source.mkdir()
    (source / "sample.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = build_document(Entry(meta("sample.txt", "pdf-text"), Hints(), 1), source)
    assert document_report(document).conserved
    assert len(document.all_sections()) >= 20
    back = tmp_path / "back"
    back.mkdir()
    assert shape(read_back(clean_text(document), back)) == shape(document)


def test_the_development_corpus_conserves_every_character():
    paths = sorted(CORPUS.glob("*.txt"))
    if not paths:
        pytest.skip(f"{CORPUS} is absent (development corpus not checked out)")
    for path in paths:
        classified = classify(corpus_lines(path.stem))
        draft = read_structure(classified, Hints(slides=path.stem.startswith("fsa-")))
        finish_text(draft)
        link_footnotes(draft)
        preamble, sections = nest(draft)
        assign_anchors(sections)
        about = DocumentMeta(path.stem, "t", "b", datetime.date(2024, 1, 1), "report", path.name, "s")
        report = document_report(Document(about, preamble, sections, draft.footnotes, classified))
        assert report.conserved, (path.stem, report.lost[:40], report.invented[:40])


def test_meeting_particulars_are_a_table_of_label_and_value():
    # shojihomu-denshika-study-01-minutes.txt lines 5–6: 日時：… and 場所：… under the meeting's name.
    preamble, _ = convert(corpus_lines("shojihomu-denshika-study-01-minutes"))
    tables = [b.rows for b in preamble if not isinstance(b, (Paragraph, ListBlock))]
    assert tables == [[["日時：", "令和 3 年 4 月 14 日（水）18:00～20:45"],
                       ["場所：", "公益社団法人商事法務研究会会議室"]]]


def test_numbered_particulars_with_spaced_labels_are_a_table_too(documents):
    """「1. 日 時 令和7年…」「2. 場 所 …」 (sources/ai-strategy-council-3-2025.txt lines 5, 7): numbered, the
    label letter-spaced and set apart by spaces, but still a label and its value; 「3.出席者」 with its
    roster below stays a heading."""
    document = documents["ai-strategy-council-3-2025"]
    tables = [b.rows for b in document.preamble if isinstance(b, Table)]
    assert tables and [row[0] for row in tables[0]] == ["1. 日時", "2. 場所"]
    assert tables[0][1][1] == "中央合同庁舎8号館 8階講堂（816～818 会議室）"
    assert [s.title for s in document.sections[:2]] == ["出席者", "議事概要"]


# -- 17. Flattened tables keep their rows apart --------------------------------------------

# A schedule table (No | 日時 | 議題 | 発表者) as pdftotext gives it without -layout: a row's cells
# on one line where they fit, the rest of a cell on the lines below, blank lines anywhere.
SCHEDULE = [
    "別紙１", "", "プロジェクトチーム 開催実績", *body(), "",
    "No 日時 議題 発表者",
    "2023 年",
    "1 4 月 10 日 ChatGPT などの AI 利活用について ・OpenAI, Inc. CEO Sam Altman",
    "2 5 月 11 日 言語翻訳 AI の進化について ・DeepL GmbH",
    "",
    "・総務省",
    "",
    "3 5 月 25 日 AI 新時代の規制のあり方について ・BSA（ザ・ソフトウェア・アライ",
    "",
    "アンス）",
    "・外務省",
    "・経済産業省",
    "",
    "4 6 月 1 日 民間における AI の利活用について ・パナソニック ホールディングス株",
    "式会社",
    "",
    "・Bain & Company, Inc.",
    "5 6 月 7 日 AI 技術とディスインフォメーション対策につ",
    "",
    "いて",
    "・アドビ株式会社",
    "", "", "",
    "別紙２", "", "施策の一覧", *body(),
]


def test_flattened_table_rows_stay_apart():
    """Rows numbered 1, 2, 3 … and each opening on a number of its own (No, then 日時) are a table
    whose columns the text no longer shows: it is kept as printed, one row apart from the next,
    instead of each row running into the last cell of the row above (「・経済産業省4 6 月 1 日 …」)."""
    _, sections = convert(SCHEDULE)
    assert outline(sections) == [(1, "別紙1", "プロジェクトチーム 開催実績"), (1, "別紙2", "施策の一覧")]
    blocks = sections[0].blocks
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    texts += [item.text for b in blocks if isinstance(b, ListBlock) for item in b.items]
    assert not any(re.search(r"[^\d\s]\d \d{1,2} 月", text) for text in texts), texts  # no row glued on
    table = [b for b in blocks if isinstance(b, Paragraph) and b.kind == "preformatted"]
    assert len(table) == 1
    rows = table[0].text.split("\n")
    # The column labels, each row and the rest of each row's cells, line by line; rows set apart.
    assert rows[:3] == ["No 日時 議題 発表者", "2023 年", SCHEDULE[9]]
    assert "・経済産業省" in rows and rows[rows.index("・経済産業省") + 1 :][:2] == [
        "", "4 6 月 1 日 民間における AI の利活用について ・パナソニック ホールディングス株"]
    assert rows[-2:] == ["いて", "・アドビ株式会社"]  # the last row's cells, up to the blank lines below
    assert [row.split(" ")[0] for row in rows if re.match(r"\d \d", row)] == ["1", "2", "3", "4", "5"]


def test_numbered_paragraphs_with_dates_are_no_table():
    """「1 4 月 10 日 …」 once, or numbered sentences across the page, stay text: a table needs three
    rows in sequence and no sentence running the page's width between them."""
    lines = ["1．概要", "1 4 月 10 日 ChatGPT などの AI 利活用について", *body(), "2．経緯",
             "1 2023 年に検討を始めた。", *body(), "2 2024 年に" + FULL[6:], *body(), "3 2025 年に" + FULL[6:], END]
    _, sections = convert(lines)
    assert not [b for s in all_sections(sections) for b in s.blocks
                if isinstance(b, Paragraph) and b.kind == "preformatted"]


# -- A caption in brackets names a figure or table: never a heading ------------------------


def test_a_bracketed_figure_caption_is_a_caption_not_a_heading():
    # Survey reports label each table and chart 「【図表N …】」 over it: a caption, where 【…】 on
    # its own is otherwise a titled block (「【対応策】」).  A sentence that cites 「図表2」 is neither.
    caption = "【図表2 年齢構成】"
    _, sections = convert(["1．利用者の属性", *body(), "", caption, "", "【対応策】", *body()])
    assert outline(sections) == [(1, "1．", "利用者の属性"), (2, "", "【対応策】")]
    [captioned] = [block for block in sections[0].blocks if isinstance(block, Paragraph) and block.text == caption]
    assert captioned.kind == "caption"
    _, cited = convert(["1．利用者の属性", "図表2のとおり、六十歳以上が最も多い。"])
    assert all(block.kind != "caption" for block in cited[0].blocks if isinstance(block, Paragraph))


def test_a_bracketed_label_naming_a_table_the_text_cites_or_an_address_is_no_heading():
    # A policy with no parts, only 〇 clauses: its 【…】 lines name a table the text cites by the label
    # (「以下【…】の表に定める」), the desk to write to over its mail address, the page holding the full
    # text over its address.  Each was a section of its own; a 【…】 over prose of its own still is one.
    lines = ["〇当館は、提供いただいた情報を、以下【利用目的・提供先】の表に定める目的に限り利用します。",
             "〇本方針に関するお問合せは、以下の宛先までお願いいたします。",
             "【資料提供方針窓口】", "desk@library.example.jp", "",
             "【利用目的・提供先】", "目的　提供先", "統計の作成　市の担当課", "",
             "【資料提供方針】", "https://library.example.jp/policy/", "",
             "【対応策】", *body()]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "", "【対応策】")]


# -- A printed contents list names its parts' headings; a clause cited in a sentence is none ----


def test_a_chapter_the_contents_list_names_is_a_heading_though_it_reads_like_a_count():
    # 「2 人的資源…」 alone reads like a count (「2 人」: two people) and was refused; every chapter
    # after it was then out of sequence, and the rest of the document ran on under chapter 1.  The
    # leader contents list prints the same number and title: the line opens chapter 2.
    toc = ["目次", "1 適用範囲 ........................ 1", "2 人的資源のセキュリティ ........ 2",
           "3 物理的セキュリティ ............ 3", ""]
    _, sections = convert([*toc, "1 適用範囲", *body(), "", "2 人的資源のセキュリティ", *body(), "",
                           "3 物理的セキュリティ", *body()])
    assert outline(sections) == [
        (1, "1", "適用範囲"), (1, "2", "人的資源のセキュリティ"), (1, "3", "物理的セキュリティ")]


def test_a_contents_entry_whose_number_is_glued_to_its_title_names_a_numbered_heading():
    # A word processor's contents field sets a tab between an entry's number and its title; the PDF's
    # text layer may keep nothing of it (「1.1見本の目的 ……… 1」).  Read as unnumbered titles, the
    # entries ranked the body's chapters by their neighbours in the list: chapter 1 outside the
    # numbering, chapter 2 and its sections nested under its section 1.1.
    toc = ["目次", "1はじめに ........................ 1", "1.1見本の目的 .................. 1",
           "2見本の移行 ........................ 2", "2.1移行の手段 .................. 2", ""]
    _, sections = convert([*toc, "1 はじめに", "1.1 見本の目的", *body(), "", "2 見本の移行", *body(), "",
                           "2.1 移行の手段", *body()])
    assert outline(sections) == [(1, "1", "はじめに"), (2, "1.1", "見本の目的"), (1, "2", "見本の移行"),
                                 (2, "2.1", "移行の手段")]


def test_an_annex_labelled_with_a_colon_is_an_annex():
    # 「付録1: …」: a colon after the label, as a technical writer sets it, where a space or a stop
    # usually stands.  Not read as an annex, its numbered items hung under the last chapter.
    _, sections = convert(["1. はじめに", *body(), "", "2. 見本の移行", *body(), "", "付録1: 見本の取組の一覧",
                           "1) 見本の取組", *body(), "", "2) 別の取組", *body()])
    assert outline(sections) == [(1, "1.", "はじめに"), (1, "2.", "見本の移行"), (1, "付録1:", "見本の取組の一覧"),
                                 (2, "1)", "見本の取組"), (2, "2)", "別の取組")]


def test_a_clause_number_cited_mid_line_is_no_heading_run_onto_the_line():
    # 「JIS Q 27001（要求事項）1.2 によれば，…」: the standard's clause 1.2 cited in a sentence, not this
    # document's 1.2 run onto the end of a line; taken for one, it put the real 「1.2 運用」 out of sequence.
    _, sections = convert(["1 目的", *body(), "", "1.1 範囲", *body(), "",
                           "JIS Q 27001（要求事項）1.2 によれば，組織は，変化したリスクを特定し，"
                           "大きく変化したリスクに注",
                           "意を向けて，予防措置を定めなければならない，とされている。", "", "1.2 運用", *body()])
    assert outline(sections) == [(1, "1", "目的"), (2, "1.1", "範囲"), (2, "1.2", "運用")]


def test_a_row_of_figures_is_no_numbered_title():
    """A statistical table read as lines: a row's number and its figures (「2 △ 642 △ 1,090」, △ for a
    negative number) has the shape of 「2 区別の状況」, and was taken for the section's heading, the
    real 「2 …」 then out of sequence and lost."""
    lines = ["1 概況", *body(), "区分 前年 本年", "合計 △ 387 △ 1,090", "2 △ 642 △ 1,104", *body(),
             "2 地区別の状況", *body()]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "1", "概況"), (1, "2", "地区別の状況")]


def test_figures_and_a_pictures_credit_read_as_no_title():
    """title_like: a row of figures with their signs, and the credit set under a picture (「…ホームページ
    より」「…資料より作成」), are never a title; a title that names a source stays one."""
    from atlas.text.numbering import title_like

    assert not title_like("△ 642 △ 1,090")
    assert not title_like("▲ 1.5 ― 12.3%")
    assert not title_like("東西町ホームページより")
    assert not title_like("県の統計資料より作成")
    assert title_like("事務局より")
    assert title_like("第2回調査の結果")


def test_words_bullet_read_as_a_medium_black_circle_marks_list_items():
    """Word's round bullet (a Symbol font's glyph) comes out of many PDFs as 「⚫」 (U+26AB), not 「●」:
    each of its lines is a list item as a 「●」 line is, never a paragraph of its own."""
    items = ["実施要領", "利用の申請書の様式", "年間の運行計画"]
    lines = ["1．関連資料", "次の資料を添付する。", *(f"⚫ {item}" for item in items), "",
             "2．経緯", *body()]
    _, sections = convert(lines)
    lists = [b for b in sections[0].blocks if isinstance(b, ListBlock)]
    assert [[item.text for item in block.items] for block in lists] == [items]
