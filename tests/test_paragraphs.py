"""Body text a reader recognises (issue 23): captions against sentences that cite a table, printed
page numbers, numbered runs with nothing between them, notes at a page's foot, hanging-indent items
and text in a box narrower than its page.

Fixtures are small texts written the way pdftotext gives Japanese documents (see
test_structure_rules); tests on ../shared/corpus skip when it is absent, their expected values read
off the PDF pages by hand (pages named in comments), not copied from the converter.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from test_structure_rules import END, FULL, all_sections, body, convert, outline

from atlas.config.catalog import load_catalog
from atlas.model.document import Document, Layout, Line, ListBlock, Paragraph, Table
from atlas.pipeline import build_document
from atlas.structure.structure import Hints, read_structure
from atlas.text.clean import line_kind
from atlas.text.numbering import is_caption, is_marked_caption
from atlas.text.page_furniture import PAGE_NUMBER_FORMS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_pdf(doc_id: str, tmp_path: Path) -> Document:
    """A corpus PDF converted through a one-entry catalog (skips when the corpus is absent)."""
    source = CORPUS / f"{doc_id}.pdf"
    if not source.is_file():
        pytest.skip("../shared/corpus is absent")
    meta = json.loads((CORPUS / f"{doc_id}.json").read_text(encoding="utf-8"))
    shutil.copyfile(source, tmp_path / source.name)
    entry = {"id": doc_id, "title": str(meta.get("title") or doc_id), "body": "test", "date": "2024-01-01",
             "kind": "report", "source": source.name, "summary": doc_id}
    (tmp_path / "catalog.yml").write_text(yaml.safe_dump({"documents": [entry]}, allow_unicode=True),
                                          encoding="utf-8")
    return build_document(load_catalog(tmp_path)[0], tmp_path)


def texts(blocks: list) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            out.extend(f"{item.marker}{item.text}" for item in block.items)
        elif isinstance(block, Paragraph):
            out.append(block.text)
    return out


# -- captions: a label and a title; a sentence that opens with the label is body text -----------


def test_a_sentence_that_opens_with_a_table_label_is_no_caption():
    assert is_caption("表5 スマートフォンの特性一覧")
    assert is_caption("図1 生成AIの利用状況の推移")
    assert not is_caption("表 5 のように、スマートフォンは携帯性が高いことから、盗難や紛失の脅威を考慮する"
                          "必要があります。")
    assert not is_caption("図2に示すとおり、利用者は年々増加している")
    assert not is_caption("表3 は主な対策をまとめたものである。")


def test_a_square_or_diamond_before_a_label_marks_a_caption_not_a_list_item():
    # White papers and reports set a mark before the label: 「■第3-2-1表／…」, 「□図2 …」.  A bullet never
    # precedes a numbered figure label, so a long caption (a figure across two columns is wider
    # than the column) is no list item 「- 第3-2-1表／…」; a sentence citing the label stays text.
    assert is_marked_caption("■第3-2-1表／地域ごとの研究拠点の整備状況と今後の整備計画の一覧")
    assert is_marked_caption("□図2 年齢ごとの利用の目的")
    assert is_marked_caption("◆表4　主な施策と担当府省")
    assert not is_marked_caption("■表4のとおり、各府省は工程を見直した")
    assert not is_marked_caption("第3-2-1表／地域ごとの研究拠点")  # a caption, but no mark
    assert not is_marked_caption("■研究拠点の整備")  # a marked title, no label
    lines = ["1．研究拠点", "拠点の整備状況を次の表に示す。", "",
             "■第3-2-1表／地域ごとの研究拠点の整備状況と今後の整備計画の一覧（令和6年4月1日現在）", "",
             "各地域で整備が進んでいる。"]
    _, sections = convert(lines)
    blocks = sections[0].blocks
    assert [type(block).__name__ for block in blocks] == ["Paragraph", "Paragraph", "Paragraph"]
    assert blocks[1].kind == "caption" and blocks[1].text == lines[3]


def test_a_sentence_citing_a_table_is_a_paragraph_with_the_line_it_wraps_into():
    lines = ["1．特性から見る脅威", "表5のように、スマートフォンは携帯性が高いことから、盗難や紛失の脅威を考",
             "慮する必要があります。", "", "表5 スマートフォンの特性一覧"]
    _, sections = convert(lines)
    blocks = sections[0].blocks
    assert [(b.kind, b.text) for b in blocks if isinstance(b, Paragraph)] == [
        ("paragraph", "表5のように、スマートフォンは携帯性が高いことから、盗難や紛失の脅威を考慮する必要があります。"),
        ("caption", "表5 スマートフォンの特性一覧"),
    ]


def test_numbers_a_sentence_writes_inline_stay_in_its_paragraph_where_a_line_opens_with_one():
    # A white paper lists risks inside one sentence, 「…具体例として、①…のリスク、②…のリスク、…」; the
    # line broke just before ②, and ② opened a list of its own, cutting the sentence in two.
    lines = ["1．概要", "懸念される事項の具体例として、①個人情報の不適正な利用のおそれ、",
             "②偽情報が社会を混乱させるおそれ、③著作権侵害のおそれが指摘されています。", "",
             "（1）の検討を受けて、次の取組を進めます。"]
    _, sections = convert(lines)
    blocks = sections[0].blocks
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Paragraph"]
    assert blocks[0].text == ("懸念される事項の具体例として、①個人情報の不適正な利用のおそれ、"
                              "②偽情報が社会を混乱させるおそれ、③著作権侵害のおそれが指摘されています。")


def test_a_numbered_list_after_a_lead_ending_in_a_comma_stays_a_list():
    # The lead names no number of its own: ① opens the list and ② is its next item.
    lines = ["1．概要", "検討の結果、", "①個人情報の扱いを見直すこと", "②研修を実施すること"]
    _, sections = convert(lines)
    lists = [b for b in sections[0].blocks if isinstance(b, ListBlock)]
    assert [item.marker for item in lists[0].items] == ["①", "②"]


def test_jssec_p11_paragraph_under_4_2_is_body_text_and_whole(tmp_path):
    # PDF p. 11 (printed Page-9), under 4.2: the paragraph 「表５のように…」 runs on at the left edge
    # into 「デバイス本体についてだけでなく…」; the next paragraph starts indented (「加えて、」).
    document = corpus_pdf("jssec-smartphone-tablet-security-guideline-v2", tmp_path)
    section = next(s for s in document.all_sections() if s.title.startswith("特性から見る脅威と対策"))
    first = section.blocks[0]
    assert isinstance(first, Paragraph) and first.kind == "paragraph"
    assert first.text.startswith("表 5 のように、") and first.text.endswith("SIM カードが抜き取られる恐れもあります。")
    assert isinstance(section.blocks[1], Paragraph) and section.blocks[1].text.startswith("加えて、")
    # The page prints 「Page-9」 at its foot: that is the page a reader cites.
    assert document.page_labels.get(11) == "9"


# -- printed page numbers ------------------------------------------------------------------


@pytest.mark.parametrize("printed", ["Page-9", "Page 9", "- 9 -", "－9－", "―9―", "‐ 12 ‐", "Page－9"])
def test_printed_page_number_forms_are_page_numbers(printed):
    assert line_kind(printed) == "page-number"
    assert PAGE_NUMBER_FORMS.fullmatch(printed)


@pytest.mark.parametrize("text", ["1-1", "2-3-1", "9", "第9回"])
def test_section_numbers_and_bare_numbers_are_not_page_numbers_by_form(text):
    assert line_kind(text) != "page-number"


def test_slide_numbers_of_a_handout_are_page_numbers_wherever_they_stand(tmp_path):
    # Two slides a sheet, each numbered 「N/24」 under the slide (mid-sheet for the upper one):
    # none of them is text, let alone a section (they were eleven empty sections).
    document = corpus_pdf("mext-genai-interim-guideline-2023", tmp_path)
    numbers = [line for line in document.lines if re.fullmatch(r"\d{1,2} ?/ ?24", line.text)]
    assert len(numbers) >= 20  # three more are glued to the end of a note's line by the text layer
    assert all(line.kind == "page-number" for line in numbers)
    assert not [s for s in document.all_sections() if s.title.endswith("/24")]


# -- numbered lines with nothing between them: a list -----------------------------------------


def test_numbered_lines_one_under_another_are_a_list_not_empty_sections():
    lines = [
        "6．プロトコルの実装に係る脆弱性", "過去に報告があったプロトコルに関連する脆弱性の主なものを以下に挙げます。",
        "(1) H.323 に係る脆弱性", "(2) SSH2 に係る脆弱性", "(3) OpenSSL に係る脆弱性",
        "7．ウェブサイトの不適切な運用", *body(),
    ]
    _, sections = convert(lines)
    assert outline(sections) == [(1, "6．", "プロトコルの実装に係る脆弱性"), (1, "7．", "ウェブサイトの不適切な運用")]
    assert all(s.blocks or s.children for s in all_sections(sections))
    assert any(t.endswith("OpenSSL に係る脆弱性") for t in texts(sections[0].blocks))


def test_the_last_of_a_numbered_run_heads_the_inner_headings_below_it():
    lines = ["1. 日時 令和7年12月5日", "", "2. 場所 中央合同庁舎", "", "3. 出席者", "",
             "【委員】", "山田委員、鈴木委員", "", "【事務局】", "佐藤参事官"]
    _, sections = convert(lines)
    assert [title for _, _, title in outline(sections)] == ["出席者", "【委員】", "【事務局】"]


def test_ipa_guideline_has_no_empty_sections(tmp_path):
    # p. 33: 「(1) H.323 に係る脆弱性」…「(4) ASN.1 に係る脆弱性」 list what the sentence above announces.
    document = corpus_pdf("ipa-vuln-partnership-guideline-2019", tmp_path)
    assert [s.title for s in document.all_sections() if not s.blocks and not s.children] == []


# -- notes at a page's foot ----------------------------------------------------------------

TITLE_BLOCK = ["生成AIの教育利用に関する一考察", "", "山田 太郎　　鈴木 花子", "", "要旨", FULL, END, ""]
CHAPTERS = ["\f1　研究の背景", *body(), "", "2　先行研究", *body(), "", "3　方法", *body()]


# (the abstract's 「要旨」 is a named part of its own, before the chapters: numbering.SCHEMES "named")
PAPER_OUTLINE = [(1, "", "要旨"), (1, "1", "研究の背景"), (1, "2", "先行研究"), (1, "3", "方法")]


def test_an_affiliation_note_at_the_foot_of_page_one_is_no_chapter():
    _, sections = convert([*TITLE_BLOCK, "1　東京大学大学院情報学環", *CHAPTERS])
    assert outline(sections) == PAPER_OUTLINE
    assert "1\u3000東京大学大学院情報学環" in texts(sections[0].blocks)  # text at the foot of page one


def test_two_affiliation_notes_are_no_chapters():
    notes = ["1　東京大学大学院情報学環", "2　国立情報学研究所コンテンツ科学研究系"]
    _, sections = convert([*TITLE_BLOCK, *notes, *CHAPTERS])
    assert outline(sections) == PAPER_OUTLINE


# -- hanging-indent items and text in a narrow box -------------------------------------------


def test_hanging_indent_items_keep_their_continuation_lines():
    lines = [
        "1．設置場所", *body(), "",
        "ア　情報システムの設置場所は、火災、水害、地震等の災害のおそれの少ない",
        "　　場所とし、その周囲には危険物を置かないこと。",
        "イ　建物及び室は、不正に立ち入ることのできない構造とし、出入口には施錠",
        "　　装置を設けること。",
        "① 監視設備は、出入口を常時監視できる位置に設置し、記録を一定の期間",
        "　 保存すること。",
        "② 記録は定期的に点検すること。",
    ]
    _, sections = convert(lines)
    assert texts(sections[0].blocks)[1:] == [
        "ア　情報システムの設置場所は、火災、水害、地震等の災害のおそれの少ない場所とし、"
        "その周囲には危険物を置かないこと。",
        "イ　建物及び室は、不正に立ち入ることのできない構造とし、出入口には施錠装置を設けること。",
        "①監視設備は、出入口を常時監視できる位置に設置し、記録を一定の期間保存すること。",
        "②記録は定期的に点検すること。",
    ]


def test_parenthesised_number_items_keep_their_continuation_lines():
    # 「⑴」…「⒇」 (one character each, as legal drafts number their points) mark items as （1） does:
    # their text wraps under the text, not under the marker, and each item stands whole.
    lines = [
        "1．論点", *body(), "",
        "⑴ 船荷証券が国際海上運送に用いられるものであることを踏まえると、改正後の日本",
        "　 法が適用されることもあれば、外国法が適用されることもある。",
        "⑵ 記録は定期的に点検すること。",
    ]
    _, sections = convert(lines)
    assert texts(sections[0].blocks)[1:] == [
        "⑴船荷証券が国際海上運送に用いられるものであることを踏まえると、改正後の日本法が適用されることもあれば、"
        "外国法が適用されることもある。",
        "⑵記録は定期的に点検すること。",
    ]


def test_half_parenthesis_items_after_a_line_to_the_edge_stand_apart():
    # 「1)」「2)」 (and full-width 「１）」) number a run of items as （1） does: an item whose line
    # runs to the column's edge without a stop (「…努める」) still ends where the next number of its
    # run opens a line; a wrapped line that starts with a number not next in the run goes on.
    lines = [
        "1．概要", *body(), "",
        "1) 発見者は、脆弱性関連情報を届け出る",
        "2) 製品開発者は、脆弱性情報の公表日までに対策方法を作成するよう努める",
        "３） 製品開発者は、製品利用者に生じるリスクを低減できると判断した場合、調整した上",
        "で、公表日以前に製品利用者に検証の結果、対策方法および対応状況について通知",
        "5)にて連絡したすべての製品開発者の対策方法および対応状況を公表する",
    ]
    _, sections = convert(lines)
    assert texts(sections[0].blocks)[1:] == [
        "1) 発見者は、脆弱性関連情報を届け出る",
        "2) 製品開発者は、脆弱性情報の公表日までに対策方法を作成するよう努める",
        "3） 製品開発者は、製品利用者に生じるリスクを低減できると判断した場合、調整した上で、公表日以前に製品利用者に"
        "検証の結果、対策方法および対応状況について通知5)にて連絡したすべての製品開発者の対策方法および対応状況を公表する",
    ]


def test_an_indented_paragraph_after_a_finished_item_is_its_own():
    lines = ["1．設置場所", "ア　設置場所は、災害のおそれの少ない場所とすること。", "　　なお、詳細は別に定める。"]
    _, sections = convert(lines)
    assert texts(sections[0].blocks) == ["ア　設置場所は、災害のおそれの少ない場所とすること。",
                                         "なお、詳細は別に定める。"]


def test_points_in_a_box_beside_a_chart_are_whole_sentences(tmp_path):
    # p. 3: 「➡ デジタル化の推進に向けて、…対応・検討が / 進められていた。」 in the left box of a
    # two-box page: one point, not one paragraph per printed line.
    document = corpus_pdf("fsa-insurance-monitoring-report-2023", tmp_path)
    blocks = texts(list(document.preamble) + [b for s in document.all_sections() for b in s.blocks])
    assert "➡ デジタル化の推進に向けて、レガシーシステムへの対応、オンライン手続きの拡大など、各社が抱える" \
           "課題の克服に向けて、対応・検討が進められていた。" in blocks
    assert not [t for t in blocks if t.startswith("進められていた。")]


def test_a_tables_cells_read_as_lines_are_not_joined_as_a_wrapped_box(tmp_path):
    # mext-sti-whitepaper-r6-ch3 p. 6 (第1-3-5表): the cells of one column end a character or more
    # apart (「AIによる自律システムの安全性確保」 474 pt, 「バイオメディカル・イノベーション」 465 pt),
    # no box edge; p. 4 (第1-3-3表): 「意思決定のためのAI」 starts 108 pt left of the cell above it.
    # The tables' rules are read now: the cells are a table's cells, each whole.
    document = corpus_pdf("mext-sti-whitepaper-r6-ch3", tmp_path)
    all_blocks = list(document.preamble) + [b for s in document.all_sections() for b in s.blocks]
    cells = [cell for b in all_blocks if isinstance(b, Table) for row in b.rows for cell in row]
    blocks = texts(all_blocks) + cells
    assert "AIによる自律システムの安全性確保" in blocks
    assert any(cell.endswith("（国防総省研究・工学担当次官室）のパートナーシップ") for cell in blocks), \
        [c for c in blocks if "国防総省" in c]  # one cell wrapped: still whole


def test_a_legend_row_after_a_finished_sentence_is_its_own_line(tmp_path):
    # meti-info-system-safety-standard-1997 p. 5: 「…適用区分としている。」 then 「・・・☆……①のAに限定して
    # 必要な対策」: the sentence ended; the bullet starts the legend.
    document = corpus_pdf("meti-info-system-safety-standard-1997", tmp_path)
    blocks = texts(list(document.preamble) + [b for s in document.all_sections() for b in s.blocks])
    assert any(text.endswith("適用区分としている。") for text in blocks)
    assert "・・・☆……①のAに限定して必要な対策" in blocks


# --- A bullet's line broken by hand a little short of the column's edge (PDF sources, issue 23) ---------


def _slide_line(number: int, text: str, x0: float, x1: float, top: float) -> Line:
    """A line of a slide's bullet list set at 12.5 pt in a column from 24 to 576 pt."""
    layout = Layout(x0=x0, x1=x1, top=top, size=12.5, font="MeiryoUI", gothic=True, column_x0=24.0, column_x1=576.0)
    return Line(number, text, page=1, layout=layout)


def _items_and_paragraphs(lines: list[Line]) -> list[str]:
    texts = []
    for block in read_structure(lines, Hints()).items:
        if isinstance(block, ListBlock):
            texts += [f"item: {item.text}" for item in block.items]
        elif isinstance(block, Paragraph):
            texts.append(f"paragraph: {block.text}")
    return texts


def test_a_bullet_broken_by_hand_short_of_the_edge_goes_on_under_its_text():
    # Slide authors break a bullet's line by hand a character or two before the edge; the next line
    # stands under the bullet's text (not under the bullet), at the same size, with no space above:
    # it is the rest of the item's sentence, not a paragraph after the list.  (Sentences written
    # for this test.)
    lines = [
        _slide_line(1, "・学校の外で作成された資料の利用について、定められた権利の対象となる利用", 26.7, 554.3, 100.0),
        _slide_line(2, "（複写や掲示）を行う場合には、原則として作成者の許諾が必要となる。", 39.2, 443.6, 115.0),
        _slide_line(3, "・授業の中での利用については、別に定める手続による。", 26.7, 330.0, 135.0),
    ]
    assert _items_and_paragraphs(lines) == [
        "item: 学校の外で作成された資料の利用について、定められた権利の対象となる利用"
        "（複写や掲示）を行う場合には、原則として作成者の許諾が必要となる。",
        "item: 授業の中での利用については、別に定める手続による。",
    ]


def test_a_short_label_bullet_keeps_its_gloss_apart():
    # A bullet that is a short label (far from the edge) over a gloss set under its text is not a
    # sentence broken by hand: the gloss is not glued onto the label.
    lines = [
        _slide_line(1, "・情報流出に係るリスク", 26.7, 180.0, 100.0),
        _slide_line(2, "また、通知した相手の一部しか結果を報告しない場合には、結果を伝える。", 39.2, 500.0, 115.0),
    ]
    texts = _items_and_paragraphs(lines)
    assert "item: 情報流出に係るリスク" in texts
    assert not any("リスクまた" in text for text in texts)
