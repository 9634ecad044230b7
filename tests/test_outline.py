"""Hand-checked outlines: the headings a reader must see, read off the source texts by hand.

Each expected outline below was written by reading the source file (line
numbers in comments), not copied from the converter's output.
"""

from atlas.model.document import section_heading


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
    # sources/ai-strategy-council-3-2025.txt: "3." and "4." (lines 9, 80) and the
    # 【…】 blocks: attendee groups (lines 11–43) and one per speaker (lines 85–211).
    assert outline(documents["ai-strategy-council-3-2025"]) == [
        # 1. 日時 … and 2. 場所 … (lines 5, 7) are the meeting's particulars: a table, not headings.
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
    assert anchors[:4] == ["3", "3-s1", "3-s2", "3-s3"]  # 1. and 2. are particulars (a table)
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


def test_cybersecurity_proposal_outline(documents):
    # sources/ldp-digital-nippon-2024-compilation.txt lines 5490–6396: four 「１．」 chapters,
    # each with 〇 topic headings (one printed with ○ at 5777; the one at 5630 wraps to
    # 「ける体制充実」 two lines below).
    assert outline(documents["cybersecurity-2024"]) == [
        "1．速やかに実行すべき法制度・体制の整備",
        "  〇サイバー安全保障分野における法整備の早期実現",
        "  〇セキュリティ・クリアランス制度の実効性確保に向けた制度整備",
        "  〇サイバーセキュリティ基本法の改正",
        "  〇NISC（内閣サイバーセキュリティセンター）を発展的に改組して創設する新組織における体制充実",
        "  〇偽情報・誤情報対策の抜本的強化",
        "  〇強靭な政府システムの構築運用とモニタリング",
        "  〇NICTの体制強化",
        "  ○IPA（独立行政法人情報処理推進機構）の機能強化",
        "2．「官民連携」と「サプライチェーン全体での対策強化」",
        "  〇より強固な民間との情報共有体制の構築",
        "  〇サイバーセキュリティ人材の育成",
        "  〇サイバーセキュリティ産業の振興・強化のためのパッケージの提示",
        "  〇中堅企業・中小企業のサイバーセキュリティ対策の更なる強化",
        "  〇ボットネット対策の推進",
        "  〇eシールに係る認定制度の運用",
        "  〇「Open RAN」の促進",
        "  〇重要インフラ分野の追加",
        "  〇大阪・関西万博におけるサイバーセキュリティ対策",
        "  〇医療機関・医療機器におけるサイバーセキュリティ対策の強化",
        "3．「国際連携」を意識した対策強化",
        "  〇IoT機器やソフトウェア部品の安全性確保",
        "  〇日本主導によるDFFTの具体化に向けた国際枠組み（IAP）の立ち上げ",
        "  〇官民共同演習の拡充と継続",
        "  〇台湾との連携",
        "4．耐量子計算機暗号（PQC）対応のための政策パッケージの策定",
        "  〇対応の必要性と脅威",
        "  〇課題",
        "  〇提言",
    ]


def test_compilation_parts_start_at_their_titles(documents):
    # Boundaries checked by hand against the source: each part's first line is its title
    # (or, for 防災DX, whose title is an image, its date line).
    firsts = {doc_id: documents[doc_id].lines[0] for doc_id in (
        "web3-white-paper-2024", "bosai-dx-2024", "cybersecurity-2024", "digital-talent-2024",
        "ai-white-paper-2024", "kodomo-kosodate-dx-2024")}
    assert firsts["web3-white-paper-2024"].text == "web3 ホワイトペーパー 2024"
    assert firsts["bosai-dx-2024"].text.replace(" ", "") == "令和6年5月21日"
    assert firsts["cybersecurity-2024"].text == "サイバーセキュリティ対策の更なる強化に向けた提言"
    assert firsts["digital-talent-2024"].text == "デジタル人材育成に関する提言"
    assert firsts["ai-white-paper-2024"].text == "第1章 「ステージⅡ」に臨む日本"
    assert firsts["kodomo-kosodate-dx-2024"].text.startswith("「デジ育」")
