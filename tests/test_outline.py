"""Hand-checked outlines: the headings a reader must see, read off the source texts by hand.

Each expected outline below was written by reading the source file (line
numbers in comments), not copied from the converter's output.
"""

from atlas.write import section_heading


def outline(document):
    return [("  " * (s.level - 1)) + section_heading(s) for s in document.all_sections()]


def test_ipr_meeting_material_outline(documents):
    # sources/ipr-data-ai-cooljapan-2019.txt: 「１．」 chapters (lines 5, 75, 105),
    # 「（１）」「（２）」 under each, ≪…≫ opinion blocks under (２) of 1 and 3.
    assert outline(documents["ipr-data-ai-cooljapan-2019"]) == [
        "1．データ利活用促進",
        "  （1）知財計画 2018に掲載の主な関連施策",
        "  （2）これまでの委員会、有識者ヒアリングにおける主な意見及び本会合での論点",
        "    ≪これまでの委員会、有識者ヒアリングでの主な意見≫",
        "    ≪本会合での論点の例≫",
        "2．AIの知財戦略強化",
        "  （1）知財計画 2018に掲載の主な関連施策",
        "  （2）これまでの委員会、有識者ヒアリングにおける主な意見及び本会合での論点",
        "3．クールジャパン戦略の持続的強化",
        "  （1）知財計画 2018に掲載の主な関連施策",
        "  （2）これまでの委員会、有識者ヒアリングにおける主な意見及び本会合での論点",
        "    ≪これまでの委員会、有識者ヒアリングでの主な意見≫",
        "    ≪本会合での論点の例≫",
    ]


def test_ai_council_minutes_outline(documents):
    # sources/ai-strategy-council-3-2025.txt: "1." … "4." (lines 5, 7, 9, 80) and the
    # 【…】 blocks: attendee groups (lines 11–43) and one per speaker (lines 85–211).
    assert outline(documents["ai-strategy-council-3-2025"]) == [
        "1. 日 時 令和7年12月5日（金）16:30～18:30",
        "2. 場 所 中央合同庁舎8号館 8階講堂（816～818 会議室）",
        "3. 出席者",
        "  【大臣】",
        "  【委員】",
        "  【事務局】",
        "  【オブザーバー】",
        "4. 議事概要",
        "  【生貝委員】",
        "  【岡田（淳）委員】",
        "  【川原委員】",
        "  【福岡委員】",
        "  【村上委員】",
        "  【森委員】",
        "  【伊藤委員】",
        "  【岡田（陽）委員】",
        "  【北野委員】",
        "  【永沼委員】",
        "  【松尾座長】",
        "  【デジタル庁】",
        "  【内閣府知的財産戦略推進事務局】",
        "  【文部科学省】",
        "  【外務省】",
        "  【個人情報保護委員会事務局】",
        "  【内閣府科学技術・イノベーション推進事務局 福永統括官】",
        "  【小野田人工知能戦略担当大臣】",
    ]


def test_ai_council_anchors_come_from_numbers(documents):
    sections = documents["ai-strategy-council-3-2025"].all_sections()
    anchors = [s.anchor for s in sections]
    assert anchors[:4] == ["1", "2", "3", "3-s1"]
    assert "4-s18" in anchors  # the minister's closing remarks: 18th speaker block under 4.


def test_slide_titles_moved_by_extraction_are_restored(documents):
    # sources/dfft-data-strategy-2021.txt: slide 2's title is printed at line 31,
    # below its bullets (lines 24–29); slide 3's at line 62.
    titles = [section_heading(s) for s in documents["dfft-data-strategy-2021"].sections]
    assert titles[:4] == [
        "2019年1月 ダボス会議 （ダボス）",
        "2017～18年 G7・G20での合意",
        "”Data Free Flow with Trust”とは何か",
        "2021年 G7デジタル・技術大臣会合 DFFTロードマップ",
    ]
    second = documents["dfft-data-strategy-2021"].sections[1]
    assert second.span.start <= 24 <= second.span.end
