"""The block readers of structure/runs.py, each alone: the lines of a run in, its block and the
index after it out.

The lines are shaped as the readers meet them: pdftotext's text (the corpus's and sources/'s
lines, cited where they are copied) and a PDF's lines with their layout. Each reader is also run
inside the whole structure step by tests/test_structure_rules.py, tests/test_particulars.py and
tests/test_flattened_tables.py; here what each one takes and where it stops is pinned down.
"""

from __future__ import annotations

from atlas.model.document import Layout, Line, Paragraph, SourceSpan, Table
from atlas.structure.runs import (
    next_content,
    note_goes_on_after_blank,
    particulars_follow,
    preformatted_range,
    read_cover,
    read_figure,
    read_footnotes,
    read_particulars,
    read_preformatted,
    read_rows,
    read_table,
    starts_particulars,
)

WIDTH = 86  # a printed A4 page's measure in half-width columns (numbering.wrap_width)


def text_lines(*rows: str | tuple[str, str], first: int = 1) -> list[Line]:
    """pdftotext's lines, numbered from ``first``: "" is a blank line, ("footnote-rule", text) a
    line of another kind, leading spaces the line's indent (kept in ``raw``, as the reader does)."""
    lines = []
    for number, row in enumerate(rows, first):
        kind, raw = row if isinstance(row, tuple) else ("body" if row.strip() else "blank", row)
        indent = len(raw) - len(raw.lstrip(" \u3000"))
        lines.append(Line(number, raw.strip(" \u3000"), kind=kind, raw=raw, indent=indent))
    return lines


def placed(number: int, text: str, *, x0: float, x1: float, top: float, size: float, page: int = 2,
           role: str = "", kind: str = "body") -> Line:
    layout = Layout(x0=x0, x1=x1, top=top, size=size, role=role)
    return Line(number, text, kind=kind, raw=text, layout=layout, page=page)


# -- next_content -----------------------------------------------------------------------------


def test_next_content_crosses_blank_lines_up_to_its_limit_and_stops_at_furniture():
    lines = text_lines("一 主旨", "", "", "本基準は、", ("page-number", "- 3 -"))
    assert next_content(lines, 0) == 3
    assert next_content(lines, 0, max_blanks=1) is None  # two blank lines: too far
    assert next_content(lines, 3) is None  # a page number is no content
    assert next_content(lines, 4) is None  # the end of the text


# -- tables -----------------------------------------------------------------------------------


def test_a_tab_separated_table_goes_on_across_a_blank_line_and_ends_at_the_first_line_without_a_tab():
    lines = text_lines("項目\t内容\t担当", "日時\t令和3年4月14日（水）\t事務局", "",
                       "場所 \t 公益社団法人商事法務研究会会議室\t事務局", "以上のとおり開催した。", first=20)
    table, after = read_table(lines, 0)
    assert table == Table([["項目", "内容", "担当"], ["日時", "令和3年4月14日（水）", "事務局"],
                           ["場所", "公益社団法人商事法務研究会会議室", "事務局"]], SourceSpan(20, 23),
                          row_lines=[20, 21, 23])
    assert after == 4  # the sentence below is the next block's


def test_a_pdf_table_ends_where_the_next_rows_stand_in_a_box_beside_it():
    # Two ruled tables set side by side on one page, read one after the other: the second's rows
    # (box x 260–360) are another table; a header grid a little narrower than its body goes on.
    def row(number: int, text: str, x0: float, x1: float) -> Line:
        return Line(number, text, page=2, layout=Layout(x0=x0, x1=x1, top=40.0 + 10 * number, size=9.0))

    lines = [row(1, "区分\t件数", 90, 240), row(2, "窓口\t12", 90, 240),
             row(3, "地区\t件数", 260, 360), row(4, "北部\t3", 260, 360)]
    first, after = read_table(lines, 0)
    assert first.rows == [["区分", "件数"], ["窓口", "12"]] and after == 2
    second, after = read_table(lines, 2)
    assert second.rows == [["地区", "件数"], ["北部", "3"]] and after == 4
    header_grid = [row(1, "区分\t件数", 92, 238), row(2, "窓口\t12", 90, 240)]
    assert read_table(header_grid, 0)[1] == 2


def test_a_pdf_table_going_on_in_a_box_without_its_first_column_keeps_its_columns():
    # The next page does not rule the group label column (merged over the break): its grid starts
    # at the next column, ends where the table ends, and its rows take the table's columns.
    def row(number: int, text: str, page: int, x0: float) -> Line:
        return Line(number, text, page=page, layout=Layout(x0=x0, x1=495.0, top=40.0 + 10 * number, size=9.0))

    lines = [row(1, "区分\t番号\t件数", 3, 29), row(2, "施設\t1\t12", 3, 29), row(3, "\t2\t5", 3, 29),
             row(4, "3\t7", 4, 51), row(5, "4\t9", 4, 51)]
    table, after = read_table(lines, 0)
    assert table.rows == [["区分", "番号", "件数"], ["施設", "1", "12"], ["", "2", "5"], ["", "3", "7"], ["", "4", "9"]]
    assert after == 5


def test_a_table_ends_at_two_blank_lines():
    lines = text_lines("No\t議題", "1\tAI の利活用", "", "", "2\t言語翻訳")
    table, after = read_table(lines, 0)
    assert table.rows == [["No", "議題"], ["1", "AI の利活用"]] and after == 2


def test_flattened_rows_are_kept_line_by_line_a_blank_line_between_rows_and_a_cut_cell_joined():
    # tests/test_structure_rules.py SCHEDULE (a schedule table pdftotext flattened), rows 1-3.
    lines = text_lines(
        "1 4 月 10 日 ChatGPT などの AI 利活用について ・OpenAI, Inc. CEO Sam Altman",
        "2 5 月 11 日 言語翻訳 AI の進化について ・DeepL GmbH",
        "",
        "・岡田淳弁護士、",
        "生貝直人一橋大学教授",
        "3 5 月 25 日 AI 新時代の規制のあり方について ・BSA（ザ・ソフトウェア・アライ",
        "アンス）",
        "別紙２",
        first=40,
    )
    paragraph, after = read_rows(lines, 0, 6)
    assert paragraph.kind == "preformatted" and paragraph.span == SourceSpan(40, 46)
    assert paragraph.text.split("\n") == [
        lines[0].text, "",
        lines[1].text, "・岡田淳弁護士、生貝直人一橋大学教授", "",  # a cell cut at its comma, joined
        lines[5].text, "アンス）",  # a cell cut mid-word stays as printed
    ]
    assert after == 7


# -- a meeting's particulars ------------------------------------------------------------------


def test_particulars_are_a_table_of_label_and_value_up_to_the_first_other_line():
    # shojihomu-denshika-study-01-minutes.txt lines 5-8.
    lines = text_lines("日時：令和 3 年 4 月 14 日（水）18:00～20:45", "場所：公益社団法人商事法務研究会会議室", "",
                       "※オンライン会議にて開催", first=5)
    assert starts_particulars(lines, 0) and particulars_follow(lines, 0)
    table, after = read_particulars(lines, 0)
    assert table == Table([["日時：", "令和 3 年 4 月 14 日（水）18:00～20:45"],
                           ["場所：", "公益社団法人商事法務研究会会議室"]], SourceSpan(5, 6))
    assert after == 3  # the blank line is read with the particulars, the note is not


def test_a_value_set_under_its_value_goes_on_and_a_numbered_label_keeps_its_number():
    # 「第１ 日 時 … 自 / 至 午後４時５５分」 (moj-bl-subcommittee-02-minutes, its lines rejoined as printed).
    lines = text_lines("第１ 日 時 令和４年６月１５日（水）自 午後１時３０分", "          至 午後４時５５分",
                       "第２ 場 所 法務省地下１階大会議室", "第３ 議 題 （１）船荷証券に関する規律の在り方について")
    assert particulars_follow(lines, 0)  # over the value's second line
    table, after = read_particulars(lines, 0)
    # joined as Japanese lines are (numbering.join_text: no space between kanji and kanji)
    assert table.rows == [["第１ 日 時", "令和４年６月１５日（水）自 午後１時３０分至 午後４時５５分"],
                          ["第２ 場 所", "法務省地下１階大会議室"],
                          ["第３ 議 題", "（１）船荷証券に関する規律の在り方について"]]
    assert table.span == SourceSpan(1, 4) and after == 4


def test_one_particular_alone_or_a_label_alone_starts_no_particulars():
    alone = text_lines("日時：令和7年12月5日（金）16:30～18:30", "", "本日の会議では、次の議題を審議した。")
    assert not starts_particulars(alone, 0)
    label = text_lines("3.出席者", "松尾 豊 東京大学大学院工学系研究科 教授")  # a label over a roster: a heading
    assert not starts_particulars(label, 0)


def test_in_a_pdf_a_particulars_value_goes_on_to_the_right_of_the_labels_with_no_space_above():
    date = placed(5, "日時 令和４年６月１５日（水）自 午後１時３０分", x0=60, x1=400, top=120, size=10.5)
    until = placed(6, "至 午後４時５５分", x0=200, x1=300, top=136, size=10.5)
    place = placed(7, "場所 法務省地下１階大会議室", x0=60, x1=300, top=152, size=10.5)
    table, after = read_particulars([date, until, place], 0)
    assert table.rows == [["日時", "令和４年６月１５日（水）自 午後１時３０分至 午後４時５５分"],
                          ["場所", "法務省地下１階大会議室"]] and after == 3


# -- kept as printed ------------------------------------------------------------------------------


def test_a_range_the_catalog_keeps_as_printed_is_one_preformatted_block_of_its_body_lines():
    ranges = ((3, 5), (30, 32))
    assert preformatted_range(ranges, 4) == (3, 5)
    assert preformatted_range(ranges, 32) == (30, 32)
    assert preformatted_range(ranges, 6) is None
    lines = text_lines("＜開催概要＞", "", "第1回 論点整理", "第2回 とりまとめ", "次回は未定。", first=2)
    paragraph, after = read_preformatted(lines, 0, (2, 5))
    assert paragraph == Paragraph("＜開催概要＞\n第1回 論点整理\n第2回 とりまとめ", SourceSpan(2, 5),
                                  kind="preformatted")
    assert after == 4


def test_a_cover_is_a_paragraph_a_line_its_centred_title_over_two_lines_one():
    # A report's cover: the title centred over two lines in one face, then the issuer and the date.
    cover = [
        placed(1, "教育データの利活用に係る", x0=160, x1=435, top=200, size=24, page=1),
        placed(2, "留意事項（第2版）", x0=200, x1=395, top=232, size=24, page=1),
        placed(3, "令和6年3月", x0=250, x1=345, top=600, size=14, page=1),
        placed(4, "文部科学省", x0=250, x1=345, top=630, size=14, page=1),
        placed(5, "はじめに", x0=60, x1=140, top=60, size=14, page=2),
    ]
    paragraphs, after = read_cover(cover, 0, frozenset({1, 2, 3, 4}))
    assert paragraphs == [Paragraph("教育データの利活用に係る留意事項（第2版）", SourceSpan(1, 2)),
                          Paragraph("令和6年3月", SourceSpan(3, 3)), Paragraph("文部科学省", SourceSpan(4, 4))]
    assert after == 4


def test_a_figures_labels_are_one_preformatted_block_up_to_the_next_body_line():
    lines = [
        placed(10, "承認申請書", x0=340, x1=440, top=118, size=20, role="figure"),
        placed(11, "12", x0=676, x1=703, top=507, size=12, kind="page-number"),
        placed(12, "原薬データ（製造方法含む）", x0=207, x1=347, top=388, size=20, role="figure"),
        placed(13, "製造業者は、原薬の情報を登録する。", x0=60, x1=600, top=420, size=12),
    ]
    paragraph, after = read_figure(lines, 0, slides=False)
    assert paragraph == Paragraph("承認申請書\n原薬データ（製造方法含む）", SourceSpan(10, 12), kind="preformatted")
    assert after == 3


def test_on_a_slide_a_figure_ends_with_its_page():
    lines = [
        placed(10, "申請者", x0=49, x1=154, top=130, size=20, role="figure", page=3),
        placed(11, "MF登録者", x0=49, x1=154, top=40, size=28, role="figure", page=4),  # the next slide's title
    ]
    assert read_figure(lines, 0, slides=True)[1] == 1
    assert read_figure(lines, 0, slides=False)[1] == 2


# -- footnotes ------------------------------------------------------------------------------------


def test_notes_below_a_rule_each_with_its_wrapped_lines_up_to_the_blank_line():
    # sources/ldp-digital-nippon-2024-compilation.txt lines 200-205.
    lines = text_lines(
        ("footnote-rule", " " * 43),
        "4 ⾃動車業界のサプライチェーン全体を通じてデータを共有するためのアライアンス。ドイツ",
        "のフラウンフォーファー研究所が開発した技術を基礎に、⾃動車のバリューチェーン全体で効",
        "率化、最適化、競争力の強化、持続可能な CO2 排出量削減などの実現を目指す。",
        "5 2014 年に成立した EU 圏内市場での電⼦商取引のための電⼦識別およびトラストサービス",
        "",
        "（２）データ連携基盤の整備",
        first=200,
    )
    notes, after = read_footnotes(lines, 1, WIDTH)
    assert [(note.label, note.span) for note in notes] == [("4", SourceSpan(201, 203)), ("5", SourceSpan(204, 204))]
    assert notes[0].text.startswith("⾃動車業界の") and notes[0].text.endswith("削減などの実現を目指す。")
    assert "ドイツのフラウンフォーファー" in notes[0].text  # the wrapped lines joined without a space
    assert after == 5  # the blank line ends the notes: the heading below is the body's


def test_a_line_that_is_no_note_reads_no_notes():
    lines = text_lines(("footnote-rule", " " * 43), "本基準は、情報システムの安全対策について定める。")
    assert read_footnotes(lines, 1, WIDTH) == ([], 1)


def test_double_spaced_notes_go_on_across_one_blank_line_in_sequence_only():
    full = "3 Application Programming Interface：ソフトウェアコンポーネント同士が互いに情報をやり"
    lines = text_lines(full, "", "とりするのに使用するインタフェースの仕様。", "", "4 API を公開する事業者の一覧", "",
                       "6 この番号は次の注ではない", first=157)
    notes, after = read_footnotes(lines, 0, WIDTH)
    assert [note.label for note in notes] == ["3", "4"]
    assert notes[0].text.endswith("互いに情報をやりとりするのに使用するインタフェースの仕様。")
    assert after == 5  # note 6 does not follow note 4: the blank line ends the notes
    assert note_goes_on_after_blank(lines, notes[0], 1, WIDTH)  # a line run to the measure, unfinished
    assert note_goes_on_after_blank(lines, notes[0], 3, WIDTH)  # note 4 after note 3
    assert not note_goes_on_after_blank(lines, notes[1], 5, WIDTH)  # note 6 after note 4: no note of these
    indented = text_lines(full, "", "  第３章 データ連携")  # an indented line: the body's next paragraph
    assert not note_goes_on_after_blank(indented, notes[0], 1, WIDTH)


def test_a_pdfs_notes_in_small_type_end_at_the_next_line_of_body_type():
    lines = [
        placed(50, "1 総務省「令和5年版情報通信白書」（2023年）", x0=60, x1=400, top=760, size=8, role="footnote"),
        placed(51, "2 同上、第2章第1節", x0=60, x1=250, top=772, size=8, role="footnote"),
        placed(52, "第３章 生成AIの利用", x0=60, x1=300, top=60, size=14, page=3),
    ]
    notes, after = read_footnotes(lines, 0, WIDTH)
    assert [(note.label, note.text) for note in notes] == [
        ("1", "総務省「令和5年版情報通信白書」（2023年）"), ("2", "同上、第2章第1節")]
    assert after == 2
