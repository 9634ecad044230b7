"""Tables that pdftotext flattened (issue 11, failure mode 17 and the text path's precision).

Without -layout pdftotext reads a table cell by cell: column labels set vertically come out one
character a line, a grid of marks (☆ ◎ ○ −) as rows or columns of marks, the numbered labels of a
項目 column (「イ．設置環境」「１．立地・配置」) on lines of their own, section numbers of a 章番号 column
(「3.1」) alone.  Fixtures are written the way pdftotext gives them; the corpus tests skip when
../shared/corpus is absent and take their expected values from the hand outlines
(tests/outlines/<id>.yml, read off the PDF) or from the PDF text by hand (line numbers in comments).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_structure_rules import END, FULL, all_sections, body, convert, corpus_lines, outline

from atlas.check.outline import load_reference
from atlas.model.document import ListBlock, Paragraph

# A requirements table under its section (項目 | 対策項目 | 適用区分 1–6), as pdftotext reads it.
GRID_HEADER = ["適 用 区 分", "", "項", "", "目", "", "対", "", "策", "", "ー", "タ", "室"]
GRID = [
    *GRID_HEADER,
    "イ．設置環境",
    "１．立地・配置",
    "",
    "２．開口部",
    "",
    "（１）建物及び室は、火災の被害を受ける恐れのない場所に設けるこ",
    "と。",
    "（２）建物は、落雷の被害を受ける恐れのない場所に設けること。",
    "",
    "４ ５ ６",
    "デ 端 関",
    "末 連",
    "",
    "☆ ◎ ☆ ◎ ☆ −",
    "☆ − − − − −",
    "",
    "（１）外部及び共用部分に面する窓は、防災措置を講ずること。",
    "",
    "☆",
    "○",
    "−",
    "",
    "３．構造",
    "",
    "（１）建物は、建築基準法に規定する耐火性能を有すること。",
    "◎ − − − − −",
    "",
]


def test_numbered_labels_among_table_cells_are_not_headings():
    """「イ．設置環境」「１．立地・配置」 … label the rows of the table; the section after it (二) continues
    the numbering that ran before the table and stays a heading."""
    lines = ["一　総則", *body(), "二　設置基準", *GRID, "三　技術基準", *body()]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "一", "総則"), (1, "二", "設置基準"), (1, "三", "技術基準")]
    texts = [b.text for b in sections[1].blocks if isinstance(b, Paragraph)]
    texts += [item.text for b in sections[1].blocks if isinstance(b, ListBlock) for item in b.items]
    # Nothing is lost: the labels and the measures are text of the section.
    assert any("設置環境" in text for text in texts) and any("構造" in text for text in texts)
    assert any("建築基準法に規定する耐火性能" in text for text in texts)


def test_a_grid_of_marks_is_kept_line_by_line():
    """Joined as prose a column of vertical labels and a grid of marks would read 「デ端関末連☆ ◎ ☆…」;
    kept line by line it stays the grid it was."""
    _, sections = convert(["一　総則", *body(), "二　設置基準", *GRID])
    pre = [b.text.split("\n") for b in sections[1].blocks if isinstance(b, Paragraph) and b.kind == "preformatted"]
    assert ["4 5 6", "デ端関", "末 連", "☆ ◎ ☆ ◎ ☆ −", "☆ − − − − −"] in pre
    assert ["☆", "○", "−"] in pre
    prose = [b.text for b in sections[1].blocks if isinstance(b, Paragraph) and b.kind == "paragraph"]
    assert not any(re.search(r"[^\s☆◎○−]\s*[☆◎]", text) for text in prose), prose  # no mark glued to words


def test_a_first_sub_heading_right_under_its_part_stays_after_a_table_above():
    """「A-1」 opens 付録 A straight after the marks of the table that ends the part before: what
    stands above a heading (付録 A) belongs to the section before, so it says nothing about A-1."""
    lines = [
        "7．おわりに", *body(), "□", "", "■", "□", "", "■", "",
        "付録 A", "A-1 特性別 対策チェックシート", "推奨レベル：■強く推奨", "章番号", "", "分類", "", "脅威",
        *body(), "A-2 利用シーン別 対策チェックシート", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "7．", "おわりに"), (1, "", "付録 A"), (2, "A-1", "特性別 対策チェックシート"),
        (2, "A-2", "利用シーン別 対策チェックシート"),
    ]


def test_a_sub_heading_after_a_figure_and_its_text_stays():
    """A figure's scale (「4.0」「7.0」「10.0」) and its labels end, running text follows, then ① … start:
    the figure is not around the sub-headings, the text between them says so."""
    lines = [
        "1．影響度の考え方", *body(), "広", "脆", "弱", "性", "狭", "", "0", "", "4.0", "", "7.0", "", "10.0", "",
        "脆弱性の深刻度", FULL, "合は「広」と判断する。",
        "①利用者数", "当該ソフトウエアの利用者数。", "", "②社会的影響力", *body(), "③攻撃の容易性", *body(),
    ]
    _, sections = convert(lines)
    assert [(s.number, s.title) for s in all_sections(sections)] == [
        ("1．", "影響度の考え方"), ("①", "利用者数"), ("②", "社会的影響力"), ("③", "攻撃の容易性"),
    ]


def test_a_section_number_in_a_table_column_must_fit_its_open_parent():
    """「3.1 / 用語」 in the 章番号 column of a glossary under 「8. 用語解説」 refers to section 3.1; it is no
    section of chapter 8.  「8.1 概要」 is."""
    lines = [
        "3. 用語", *body(), "3.1 用語の範囲", *body(), "8. 用語解説", *body(), "8.1 概要", *body(),
        "初出", "ページ 章番号", "7", "3.1", "", "用語", "", "意味", "", "ソフトウェアキーボード", "", "7", "",
        "3.2", "", "マーケット", END,
    ]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "3.", "用語"), (2, "3.1", "用語の範囲"), (1, "8.", "用語解説"), (2, "8.1", "概要"),
    ]


def test_a_bracketed_qualifier_ending_a_cut_cell_label_is_no_heading():
    """「プライベート / データの混在 / 【BYOD】」: a 脅威 cell's label cut over three lines, its qualifier
    last; a 【…】 heading stands apart (a blank line or its indent) and stays one."""
    lines = [
        "5.1. アドレス帳を利用する", *body(), "表 7 脅威と対策 (アドレス帳を利用する)", "",
        "脅威", "誤操作", "知識不足", "", "プライベート", "データの混在", "【BYOD】", "",
        "解説（リスク）", "・ 意図しない場所へ保存すること", "で、情報が漏洩する。", "",
        "【対応策】", *body(), "5.2. 電話を利用する", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [
        (1, "5.1.", "アドレス帳を利用する"), (2, "", "【対応策】"), (1, "5.2.", "電話を利用する"),
    ]


def test_an_annex_subtitle_between_ascii_tildes_joins_its_title():
    lines = ["7．おわりに", *body(), "付録 B", "", "BYOD の現状と特性", "", "~あなたの組織はどのパターンですか~", "",
             "B-1 本資料の位置づけと目的", *body()]
    _, sections = convert(lines)
    assert [(s.number, s.title) for s in all_sections(sections)] == [
        ("7．", "おわりに"), ("付録 B", "BYOD の現状と特性~あなたの組織はどのパターンですか~"),
        ("B-1", "本資料の位置づけと目的"),
    ]


def test_a_table_mapping_clauses_onto_the_documents_parts_gives_no_headings():
    """A table that maps a standard's clauses (1.–7., numbered in sequence) onto the document's own
    parts prints those parts' headings again (「Ⅱ. 用語の定義と前提」, 「Ⅲ. 本ガイドラインの…」, cut
    short at the cell's edge): neither they nor the clauses between them are sections."""
    lines = [
        "Ⅰ．はじめに", *body(), "Ⅱ．用語の定義と前提", *body(), "Ⅲ．本ガイドラインの適用の範囲", *body(),
        "付録６", "", "国際標準への対応", *body(),
        "ISO/IEC 29147 の構成", "", "ガイドラインの対応箇所", "",
        "1.適用範囲", "", "Ⅲ. 本ガイドラインの適用の範囲", "", "2.引用規格", "", "－", "",
        "3.用語および定義", "", "Ⅱ. 用語の定義と前提", "", "4.略語", "", "－", "",
        "5.概念", "", "Ⅰ. はじめに", "", "5.1", "", "一般", "", "6.脆弱性公開ポリシー", "", "Ⅲ. 本ガイドラインの適",
        "", "7.脆弱性情報の受理", "", "－", END,
    ]
    _, sections = convert(lines)
    assert [(s.number, s.title) for s in all_sections(sections)] == [
        ("Ⅰ．", "はじめに"), ("Ⅱ．", "用語の定義と前提"), ("Ⅲ．", "本ガイドラインの適用の範囲"),
        ("付録6", "国際標準への対応"),
    ]


# -- The development corpus: the text path ---------------------------------------------------


def _reference_numbers(doc_id: str) -> list[str]:
    """The kanji numbers (一, （一）) of a hand outline's headings, the two written as sentences (the
    notice's 四's （三）（四）, structure.sentence_in_sequence) among them."""
    path = Path(__file__).parent / "outlines" / f"{doc_id}.yml"
    return [re.match(r"（[一二三四五六七八九十]+）|[一二三四五六七八九十]+", h.text)[0]  # type: ignore[index]
            for h in load_reference(path).headings]


def test_the_requirement_tables_of_a_real_notice_give_no_headings():
    """meti-info-system-safety-standard-1997.txt: the tables of 五–七 (lines 251–1386; 「イ．設置環境」,
    「１．立地・配置」, 「ロ．電源設備」 … in their 項目 column) give no heading: the notice's parts are
    一–八 and （一）… under them, as the hand outline has them."""
    _, sections = convert(corpus_lines("meti-info-system-safety-standard-1997"))
    found = all_sections(sections)
    assert [s.number for s in sections] == list("一二三四五六七八")
    # Only the notice's own numbering (kanji, （kanji）, and ① of its 四); no label of a table's 項目 column.
    assert not [s for s in found if re.match(r"[ア-ン]．|\d+．|[（(]\d+[）)]", s.number)], [
        (s.number, s.title) for s in found]
    expected = _reference_numbers("meti-info-system-safety-standard-1997")
    assert len(expected) == 18
    assert [s.number for s in found if s.number[:1] in "（一二三四五六七八"] == expected


def test_section_numbers_in_the_tables_of_a_real_guideline_are_no_sections():
    """jssec-smartphone-tablet-security-guideline-v2.txt: the glossary (8. 用語解説, lines 1914–2060)
    and the check sheets of 付録 A (2065–3190) cite sections in a 章番号 column (「3.1」「5.1」「4.2」):
    every dotted heading stands under the heading its number names."""
    _, sections = convert(corpus_lines("jssec-smartphone-tablet-security-guideline-v2"))

    def walk(section, parents):
        yield section, parents
        for child in section.children:
            yield from walk(child, [*parents, section])

    for root in sections:
        for section, parents in walk(root, []):
            digits = re.findall(r"\d+", section.number)
            if len(digits) < 2 or section.number.startswith(("A", "B")):
                continue
            numbered = [p for p in parents if re.fullmatch(r"\d+(?:\.\d+)*\.?", p.number)]
            assert numbered, (section.number, section.title)
            assert re.findall(r"\d+", numbered[-1].number) == digits[:-1], (section.number, section.title)
    appendix = next(s for s in sections if "付録 A" in (s.number, s.title))
    assert [c.number for c in appendix.children] == ["A-1", "A-2", "A-3", "A-4"]


def test_the_schedule_table_of_the_ai_white_paper_keeps_its_rows_apart(documents):
    """sources/ldp-digital-nippon-2024-compilation.txt lines 7798–8034 (別紙1 of the AI white paper):
    No | 日時 | 議題 | 発表者, rows 1–34.  No row runs into the cell above it (「・経済産業省4 6 月 1 日」
    before), and every row starts its own line."""
    document = documents["ai-white-paper-2024"]
    blocks = [b for s in document.all_sections() for b in s.blocks] + list(document.preamble)
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    texts += [item.text for b in blocks if isinstance(b, ListBlock) for item in b.items]
    assert not [t for t in texts if re.search(r"[^\d\s\n]\d{1,2} \d{1,2} 月 \d{1,2} 日", t)]
    pre = [b for b in blocks if isinstance(b, Paragraph) and b.kind == "preformatted"]
    rows = [line for b in pre for line in b.text.split("\n")]
    starts = [int(m[1]) for line in rows if (m := re.match(r"(\d{1,2}) \d{1,2} 月 \d{1,2} 日", line))]
    assert starts == list(range(1, 35))


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__])
