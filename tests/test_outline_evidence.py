"""Issue 23: structure a reader recognises on PDFs no rule was written for (the outline half).

One test (or more) per failure mode fixed, on fixtures of its shape written here: lines as the PDF
reader hands them on (text, page, and a ``Layout`` with size and face) or as pdftotext gives them.
Corpus tests skip when ../shared/corpus is absent; their expected values were read off the PDFs.
"""

from __future__ import annotations

import functools
from datetime import date

import pytest
from test_structure_rules import body, convert

from atlas.config.catalog import Entry
from atlas.model.document import Document, DocumentMeta, Heading, Layout, Line, Paragraph, block_text
from atlas.pipeline import build_document
from atlas.structure.anchors import assign_anchors
from atlas.structure.nesting import nest
from atlas.structure.structure import Hints, read_structure
from atlas.structure.typeset import Typesetting
from atlas.text.clean import classify
from conftest import ROOT, corpus_document

CORPUS = ROOT.parent / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent (a fresh clone without it)")

MINCHO, GOTHIC = "HeiseiMin-W3", "MeiryoUI"
# Sentences written for these tests (no document copied), each one printed line of a paragraph.
SENTENCE = "本指針は、学校現場における新しい技術の利用について、現時点の考え方を示すものである。"
CLAUSE = "利用に当たっては、個人情報の取扱いに十分留意し、"


def pdf_line(number: int, text: str, page: int, size: float, font: str = MINCHO, top: float = 100.0,
             bold: bool = False) -> Line:
    width = len(text) * size
    layout = Layout(x0=60.0, x1=60.0 + width, top=top, size=size, bold=bold, gothic=font == GOTHIC, font=font,
                    column_x0=60.0, column_x1=60.0 + 40 * size)
    return Line(number, text, page=page, layout=layout)


def report_page(first: int, page: int, lines: int) -> list[Line]:
    """A page of a report set at 10.5 pt: the document's body."""
    return [pdf_line(first + i, SENTENCE if i % 2 else CLAUSE, page, 10.5, top=80.0 + 18 * i) for i in range(lines)]


def handout_page(first: int, page: int, title: str) -> list[Line]:
    """A slide printed on a handout page, scaled so that its text is set at 14 pt and its title at 19 pt."""
    texts = [CLAUSE, "必要な対策を講じること", SENTENCE, "具体的な活用の例", CLAUSE, SENTENCE]
    lines = [pdf_line(first, title, page, 19.0, GOTHIC, top=20.0, bold=True)]
    lines += [pdf_line(first + 1 + i, text, page, 14.0, GOTHIC, top=60.0 + 24 * i) for i, text in enumerate(texts)]
    return lines


def headings(lines: list[Line]) -> list[str]:
    return [item.title for item in read_structure(lines, Hints()).items if isinstance(item, Heading)]


# --- Failure mode 7: a slide's text, set larger than a report's body, is no heading -------------------


def test_a_page_set_larger_than_the_document_body_is_read_against_its_own_body():
    # Pages 1-3 a report at 10.5 pt; pages 4-5 slides printed two to a page at 14 pt, titled at 19 pt.
    lines = report_page(1, 1, 40) + report_page(41, 2, 40) + report_page(81, 3, 40)
    lines += handout_page(121, 4, "２．利用の基本的な考え方") + handout_page(128, 5, "３．留意すべき点")
    typeset = Typesetting(lines)
    assert typeset.body is not None and typeset.body.size == 10.5
    # The slides' 14 pt text is their page's body; their 19 pt titles stand out from it.
    assert [line.text for line in lines if typeset.is_display(line)] == ["２．利用の基本的な考え方", "３．留意すべき点"]
    assert headings(lines) == ["利用の基本的な考え方", "留意すべき点"]


def test_a_cover_set_large_keeps_its_large_type_as_display():
    # A cover page holds a few large lines: too little text to be a body of its own.
    cover = [pdf_line(1, "新しい技術の利用に関する指針", 1, 25.0, GOTHIC), pdf_line(2, "令和６年３月", 1, 19.0)]
    lines = cover + report_page(3, 2, 40)
    typeset = Typesetting(lines)
    assert typeset.is_display(cover[0]) and typeset.is_display(cover[1])


# --- Failure mode 5: a paragraph whose words turn bold mid-sentence stays one paragraph ---------------


def test_a_sentence_cut_at_the_column_edge_goes_on_into_a_line_set_in_bold():
    cut = "教育現場においても様々な活用の利点を指摘する声がある一方で、児童生徒や"  # 36 characters
    cut += "保護者も"  # 40: the line runs to the column's right edge, mid-sentence
    lines = report_page(1, 1, 20)
    lines += [pdf_line(21, cut, 1, 10.5, top=500.0),
              pdf_line(22, "含めて社会に急速に普及しつつある。", 1, 10.5, GOTHIC, top=518.0, bold=True),
              pdf_line(23, SENTENCE, 1, 10.5, top=536.0)]
    draft = read_structure(lines, Hints())
    paragraphs = [item.text for item in draft.items if not isinstance(item, Heading)]
    assert any(cut + "含めて社会に急速に普及しつつある。" in text for text in paragraphs), paragraphs


@functools.cache
def converted(name: str) -> Document:
    """A corpus document converted from its PDF (``<id>.pdf``) or its pdftotext text (``<id>.txt``)."""
    doc_id, _, suffix = name.rpartition(".")
    if suffix == "pdf":
        return corpus_document(doc_id)  # converted once per test process for all files (conftest)
    meta = DocumentMeta(id=doc_id, title=doc_id, body="corpus", date=date(2024, 1, 1), kind="report",
                        source=name, summary=doc_id, format="pdf" if suffix == "pdf" else "pdf-text")
    return build_document(Entry(meta, Hints(), 1), CORPUS)


@needs_corpus
def test_handout_slides_keep_their_text_under_their_title():
    # mext-genai-interim-guideline-2023.pdf p. 2: slide 1/24 titled 「１．本ガイドラインの位置づけ」 (22 pt) over
    # three paragraphs at 14 pt, 「生成AIは黎明期にあり、…」 (the report pages' body elsewhere is 11 pt), each
    # after a bullet the PDF draws from a symbol font (U+F06C, read as 「・」).
    document = converted("mext-genai-interim-guideline-2023.pdf")
    section = next(s for s in document.all_sections() if s.title == "本ガイドラインの位置づけ")
    assert not section.children
    first = block_text(section.blocks[0]).lstrip("・ ")
    assert first.startswith("生成AIは黎明期にあり")
    # Its first sentence ends in bold words (「児童生徒や / 教師を含め」 across a line break): one paragraph.
    assert "その一方で、児童生徒や教師を含め、社会に急速に普及しつつある" in first


def convert_out_of_order(lines: list[str]) -> list:
    """The numbered lines the structure step kept as text for being out of sequence."""
    return read_structure(classify(lines), Hints()).out_of_order


# --- Failure mode 2: one wrong early call does not cascade -------------------------------------------


def test_a_wrong_early_number_costs_one_heading_not_the_rest():
    # A clause of another text quoted on a line of its own (「１２．本指針の見直し」) reads as section 12.
    # Taken greedily, sections 2-6 printed after it are "out of sequence" and all kept as text.
    lines = ["１．本指針の目的", *body(), "", "なお、関連する規定として、次のものがある。", "１２．本指針の見直し", ""]
    for number, title in (("２", "用語の定義"), ("３", "適用範囲"), ("４", "基本方針"), ("５", "推進体制"),
                          ("６", "おわりに")):
        lines += [f"{number}．{title}", *body(), ""]
    _, sections = convert(lines)
    assert [(s.number, s.title) for s in sections] == [
        ("1．", "本指針の目的"), ("2．", "用語の定義"), ("3．", "適用範囲"), ("4．", "基本方針"), ("5．", "推進体制"),
        ("6．", "おわりに")]
    # The quoted clause stays in the text of section 1, where it was printed; the reader is told.
    assert "12．本指針の見直し" in " ".join(block_text(b) for b in sections[0].blocks)
    assert [entry.text for entry in convert_out_of_order(lines)] == ["12．本指針の見直し"]


def test_a_quoted_list_numbered_like_the_sections_keeps_the_reading_order():
    # Inside section 2, a list quoted from another text numbered 1-3 like the sections: no candidate costs
    # two headings more than it gives, so the sections are read as before (the list stays the section's).
    lines = ["１．目的", *body(), "", "２．背景", *body(), "", "１．国の役割", *body(), "", "２．地方の役割", *body(),
             "", "３．事業者の役割", *body(), "", "３．方針", *body()]
    _, sections = convert(lines)
    assert [s.title for s in sections] == ["目的", "背景", "方針"]


# --- Failure mode 1: a printed contents list is evidence for the outline, never the outline ----------


AGENDA = [("１", "背景と目的"), ("２", "制度の概要"), ("３", "今後の進め方"), ("４", "その他")]


def part_text(title: str) -> list[str]:
    """A part's own paragraph (its words differ from part to part, as a document's do)."""
    return [f"本章では、{title}について、これまでの検討の経過と関係者から寄せられた意見を踏まえ、",
            f"{title}に関する基本的な考え方を示すものである。"]


def test_a_contents_list_without_leaders_names_the_body_headings_and_is_no_heading_itself():
    # The list of parts printed after the title, no leaders, no page numbers; the body's headings carry
    # the same numbers and titles.  Read greedily, the list's entries were four empty sections and every
    # body heading "out of sequence", the whole body under 「4．その他」.
    lines = ["制度の見直しについて", "", *(f"{n}．{title}" for n, title in AGENDA), ""]
    for number, title in AGENDA:
        lines += ["\f" + f"{number}．{title}", *part_text(title), ""]
    _, sections = convert(lines)
    assert [(s.number, s.title) for s in sections] == [(f"{int(n)}．", title) for n, title in AGENDA]
    assert all(s.blocks for s in sections)  # no empty shell: each part holds its own text


# Each part's unnumbered sub-titles, listed under its entry in the contents and printed again in the text.
SUB_TITLES = {"背景と目的": ["検討の経緯", "見直しの必要性"], "制度の概要": ["対象となる事業", "手続の流れ"],
              "今後の進め方": ["当面の取組", "中長期の課題"], "その他": ["関係機関との連携"]}


def test_a_contents_list_naming_unnumbered_sub_titles_under_its_entries_is_still_a_contents_list():
    # A 目次 without leaders or page numbers lists each part and, under it, the part's unnumbered
    # sub-titles.  The sub-titles cut the numbered entries apart, so no run of 「1．」「2．」「3．」 was
    # seen: the entries were read as headings (「1．背景と目的」 twice in the navigation, the text
    # under the second), the body's own numbers out of sequence after them.
    lines = ["制度の見直しについて", "", "目次", ""]
    for number, title in AGENDA:
        lines += [f"{number}．{title}", *SUB_TITLES[title]]
    lines.append("")
    for number, title in AGENDA:
        lines += ["\f" + f"{number}．{title}", ""]
        for sub in SUB_TITLES[title]:
            lines += [sub, *part_text(sub), ""]
    preamble, sections = convert(lines)
    assert [(s.number, s.title) for s in sections] == [(f"{int(n)}．", title) for n, title in AGENDA]
    assert all(s.blocks for s in sections)
    # The contents stay on the page as text, before the first part.
    assert "見直しの必要性" in " ".join(block_text(b) for b in preamble)


def test_parts_a_contents_list_names_are_headings_where_they_stand_without_their_numbers():
    # An agenda slide (「1．…」 stacked), then each part opened by a slide printing its title alone.
    lines = ["制度の見直しについて", "", *(f"{n}．{title}" for n, title in AGENDA), ""]
    for _, title in AGENDA:
        lines += ["\f" + title, "", *part_text(title), ""]
    preamble, sections = convert(lines)
    assert [s.title for s in sections] == [title for _, title in AGENDA]
    # The agenda stays on the page as text, before the first part.
    assert "背景と目的" in " ".join(block_text(b) for b in preamble)


def test_unnumbered_titles_a_contents_list_with_leaders_names_are_headings_on_the_page_it_names():
    # A 目次 with leaders and page numbers (furniture) names titles no numbering sets off; in a text
    # extraction nothing else does.  「参考資料編」 lists what it holds, each title on its line, before
    # the pages that print them: the heading is the one on the page the entry names (printed page + 1:
    # the cover is unnumbered).
    contents = ["目次", "はじめに……………………1", "検討の経緯と背景……………………1", "1．基本的な考え方……………………2",
                "参考資料編……………………3", "関係者への聞き取りの結果……………………4"]
    lines = ["学校における新しい技術の利用に関する指針", "", *contents, ""]
    lines += ["\fはじめに", "検討の経緯と背景", *part_text("検討の経緯"), ""]
    lines += ["\f1．基本的な考え方", *part_text("基本的な考え方"), ""]
    lines += ["\f参考資料編", "本編の参考として、次の資料をまとめている。", "", "関係者への聞き取りの結果", "p.4", ""]
    lines += ["\f関係者への聞き取りの結果", *part_text("聞き取りの結果"), ""]
    _, sections = convert(lines)
    titles = [s.title for root in sections for s in root.walk()]
    assert "検討の経緯と背景" in titles and "参考資料編" in titles
    heard = next(s for root in sections for s in root.walk() if s.title == "関係者への聞き取りの結果")
    assert "聞き取りの結果について" in " ".join(block_text(b) for b in heard.blocks)
    # The part's own list stays its text: the title there is an item of the list, not the heading.
    annex = next(s for root in sections for s in root.walk() if s.title == "参考資料編")
    assert "関係者への聞き取りの結果" in " ".join(block_text(b) for b in annex.blocks)
    assert titles.count("関係者への聞き取りの結果") == 1
    # Levels: a flat list shows none.  The title right under 「はじめに」 is its subsection; the part
    # after the numbered chapter stands beside it, not inside it (nor inside its last section).
    assert [s.title for s in sections] == ["はじめに", "基本的な考え方", "参考資料編", "関係者への聞き取りの結果"]
    assert [s.title for s in sections[0].children] == ["検討の経緯と背景"]
    # An entry whose number stands alone on the line above is numbered: the title alone, printed again
    # in a table further on, is no heading.
    numbered = ["目次", "5.1.", "アドレス帳を利用する……………………2", "5.2.", "電話を利用する……………………2"]
    table = ["章番号", "利用シーン", "5.1", "アドレス帳を利用する", "5.2", "電話を利用する"]
    lines = ["利用者向けの手引き", "", *numbered, "", "\f5.1. アドレス帳を利用する", *part_text("アドレス帳"), "",
             "5.2. 電話を利用する", *part_text("電話"), "", *table, ""]
    _, sections = convert(lines)
    assert [s.title for root in sections for s in root.walk()].count("アドレス帳を利用する") == 1


@needs_corpus
def test_an_agenda_slide_names_the_parts_of_a_real_deck():
    # pmda-mf-system-slides.txt: p. 2 lists 「1. 承認審査（品質）と知的財産（製法ノウハウ）」 … 「4. その他」; pp. 3, 8,
    # 15 and 20 print each part's title alone, without its number.
    document = converted("pmda-mf-system-slides.txt")
    titles = [s.title for s in document.all_sections()]
    parts = ["承認審査（品質）と知的財産（製法ノウハウ）", "MF制度とその目的", "承認審査におけるMFと製剤の関係",
             "その他"]
    assert [title for title in titles if title in parts] == parts
    assert not any(s.number for s in document.all_sections())  # no agenda entry became a (numbered) section
    assert all(s.blocks or s.children for s in document.all_sections())  # no empty shell


# --- Failure mode 5: one sentence is one paragraph, across a slide's blank line too -------------------


def test_a_sentence_cut_after_a_particle_goes_on_across_a_blank_line():
    # A slide's text as pdftotext gives it: the first line of a sentence, a blank line, its end (on a slide a
    # short line after a blank is otherwise a label of its own).
    preamble, _ = convert(["■ 会議の概要", "議長が「信頼性のある自由な情報流通」の推進と", "",
                           "「新しい枠組み」の立上げを提唱", "", "（議長による発言のポイント）", "",
                           "デジタル・データは経済成長のエンジン", *body(3)], Hints(slides=True))
    texts = [block_text(b) for b in preamble]
    assert "議長が「信頼性のある自由な情報流通」の推進と「新しい枠組み」の立上げを提唱" in texts
    # A line that ends its words without a particle still stands alone (a slide's label, a point).
    assert "（議長による発言のポイント）" in texts and "デジタル・データは経済成長のエンジン" in texts


# --- Failure mode 7: a missed heading, an attachment's label alone over its title ----------------------


def test_an_attachment_label_alone_heads_the_title_printed_under_it():
    # A notice's attachments: 「（別添１）」 alone, the attached notice's title on the next line, its date
    # and number, then that notice's own 「別添１」 part.
    lines = ["\f（別添１）", "新しい制度の運用に関する留意事項について", "（令和２年３月５日付け通知）", "",
             "別添１", "", "申請に関する事項", *part_text("申請"), "",
             "\f（別添２）", "施設の基準及びその届出に関する取扱いについて", "（令和２年３月５日付け通知）", "",
             *part_text("届出")]
    _, sections = convert(lines)
    outline = [(s.level, s.number, s.title) for root in sections for s in root.walk()]
    assert (1, "（別添1）", "新しい制度の運用に関する留意事項について") in outline
    assert (1, "（別添2）", "施設の基準及びその届出に関する取扱いについて") in outline
    assert any(number == "別添1" and title == "申請に関する事項" for _, number, title in outline)
    assert {s.anchor for s in sections} >= {"annex1", "annex2"}  # ids from the label's number, as 別添N's are


# --- Failure mode 7: titles marked rather than numbered, decided for the whole run -------------------

# Two sentences of a part's own prose (written for these tests), printed over three lines.
OWN_PROSE = ["外出先でも資料を確認できれば、移動の時間を業務に充てることができるため、",
             "組織全体の生産性が高まる。", "その結果、事務所に戻った後の作業も大きく減る。"]


def outline_of(lines: list[str]) -> list[tuple[int, str]]:
    _, sections = convert(lines)
    return [(s.level, s.number + s.title) for root in sections for s in root.walk()]


def test_a_run_of_marked_titles_over_their_own_prose_are_headings_under_their_section():
    lines = ["2.1. 導入のねらい", *body(), "2.2. 活用の例", "代表的な例を以下に挙げる。",
             "◆会議の効率化", *OWN_PROSE, "◆意思決定の迅速化", *OWN_PROSE, "◆紙の削減", *OWN_PROSE,
             "2.3. 今後の動向", *body()]
    assert outline_of(lines) == [(1, "2.1.導入のねらい"), (1, "2.2.活用の例"), (2, "◆会議の効率化"),
                                 (2, "◆意思決定の迅速化"), (2, "◆紙の削減"), (1, "2.3.今後の動向")]
    _, sections = convert(lines)
    first = sections[1].children[0].blocks[0]
    assert isinstance(first, Paragraph) and first.text.startswith("外出先でも")  # its own prose, under it


def test_marks_used_as_bullets_or_printed_once_are_no_headings():
    # ◆ lines one under another: the items of a list.  A ◆ line alone over prose: one bullet, no run.
    bullets = ["1. 対策", "次の対策を講じる。", "◆端末を施錠する", "◆暗号化を有効にする", "◆定期的に更新する", *body()]
    once = ["1. 対策", *body(), "◆端末の管理", *OWN_PROSE, "2. 運用", *body()]
    assert outline_of(bullets) == [(1, "1.対策")]
    assert outline_of(once) == [(1, "1.対策"), (1, "2.運用")]


def test_a_marked_line_straight_over_a_run_of_other_marked_titles_is_their_parent():
    lines = ["4.2. 脅威と対策", *body(), "∮ひとことアドバイス", "■端末の紛失", "①" + OWN_PROSE[0], OWN_PROSE[1],
             "②" + OWN_PROSE[2], "■信頼できない配布元", "①" + OWN_PROSE[0], OWN_PROSE[1], "4.3. 留意点", *body()]
    assert outline_of(lines) == [(1, "4.2.脅威と対策"), (2, "∮ひとことアドバイス"), (3, "■端末の紛失"),
                                 (3, "■信頼できない配布元"), (1, "4.3.留意点")]


def test_a_recurring_bracketed_label_after_each_proposal_heads_its_explanation():
    # A subcommittee's material: each 第N states a proposal (ending 「…か。」), then 「（補足説明）」 alone on
    # its line opens the explanation, which may have numbered parts of its own.
    proposal = ["新しい制度を設けることについて、どのように考えるか。"]
    lines = ["第１ 論点の全体像", *proposal, "（補足説明）", "１ 論点の関係", *body(), "２ 検討の順序", *body(),
             "第２ 改正の必要性", *proposal, "（補足説明）", *body(), "（参考）", "関係する資料の一覧", *body()]
    assert outline_of(lines) == [(1, "第1論点の全体像"), (2, "（補足説明）"), (3, "1論点の関係"),
                                 (3, "2検討の順序"), (1, "第2改正の必要性"), (2, "（補足説明）")]


def test_a_label_over_a_list_whose_items_end_no_sentence_is_no_heading():
    # 【前半】 over ①… items (noun phrases): the list's label.  【課題】 over prose stays a heading.
    lines = ["1. 検討の進め方", "次のとおり二つに分けて検討する。", "【前半】", "①発行する場面の規律",
             "②技術的な要件", "【後半】", "③譲渡する場面の規律", "④効力に関する規律", "",
             "【課題】", *body(), "2. 次回", *body()]
    assert outline_of(lines) == [(1, "1.検討の進め方"), (2, "【課題】"), (1, "2.次回")]
    _, sections = convert(lines)
    assert "【前半】" in " ".join(block_text(block) for block in sections[0].blocks)  # kept as text


def test_terms_each_glossed_in_one_sentence_are_a_list_not_sections():
    # ○ terms with a one-sentence gloss each (the three pillars of a curriculum): a list of definitions.
    glossed = ["1. 育成する資質", *body(), "○知識及び技能", "情報を適切に扱うための技能を身に付けていること。",
               "○思考力、判断力", "情報を結び付けて新たな意味を見いだす力を身に付けていること。", *body()]
    sections = ["1. 取組", *body(), "○人材の育成", *OWN_PROSE, "○体制の整備", *OWN_PROSE]
    assert outline_of(glossed) == [(1, "1.育成する資質")]
    assert outline_of(sections) == [(1, "1.取組"), (2, "○人材の育成"), (2, "○体制の整備")]


def test_marked_titles_in_a_pdf_stop_short_of_the_column_and_lists_under_labels_do_not_make_headings():
    # A PDF page at 10.5 pt: a section, ◆ titles (short lines) over prose reaching the column's edge.
    prose = [pdf_line(0, SENTENCE, 1, 10.5), pdf_line(0, CLAUSE, 1, 10.5), pdf_line(0, "対策を講じる。", 1, 10.5)]
    lines = [pdf_line(0, "２．活用の例", 1, 10.5, GOTHIC, bold=True), *prose,
             pdf_line(0, "◆会議の効率化", 1, 10.5), *prose, pdf_line(0, "◆紙の削減", 1, 10.5), *prose,
             pdf_line(0, "【準備】", 1, 10.5), pdf_line(0, "• 教材のたたき台を作成する", 1, 10.5),
             pdf_line(0, "• 日程を調整する", 1, 10.5), pdf_line(0, "【発信】", 1, 10.5),
             pdf_line(0, "• 案内文を作成する", 1, 10.5), *report_page(0, 2, 30)]
    lines = [Line(number, line.text, page=line.page, layout=line.layout) for number, line in enumerate(lines, 1)]
    assert headings(lines) == ["活用の例", "◆会議の効率化", "◆紙の削減"]


def numbered_lines(lines: list[Line]) -> list[Line]:
    return [Line(number, line.text, page=line.page, layout=line.layout) for number, line in enumerate(lines, 1)]


def pdf_outline(lines: list[Line]) -> list[tuple[int, str]]:
    """Each heading's level and text as printed (its mark, then its title), spaces left out."""
    _, sections = nest(read_structure(numbered_lines(lines), Hints()))
    return [(s.level, (s.number + s.title).replace(" ", "")) for root in sections for s in root.walk()]


def test_a_marked_title_the_page_sets_as_a_heading_is_one_alone_and_nests_where_it_stands():
    # The type's evidence: a marked line in the heading face (bold Gothic over Mincho), short of the
    # column, straight over body type, is a title even printed once, whatever its mark (◇ too); the
    # text's: it nests like a run of marked titles, under the heading open above it each time (the
    # second ● under 2.1.1, not at the rank the first took under 1.).
    def prose() -> list[Line]:
        return [pdf_line(0, SENTENCE, 1, 10.5), pdf_line(0, CLAUSE, 1, 10.5), pdf_line(0, "対策を講じる。", 1, 10.5)]

    def title(text: str) -> Line:
        return pdf_line(0, text, 1, 10.5, GOTHIC, bold=True)

    lines = [title("1. 総論"), *prose(), title("● 国際機関の動き"), *prose(), title("2. 各論"), *prose(),
             title("2.1 国内の動向"), *prose(), title("2.1.1 制度の整備"), *prose(), title("● 法令の見直し"), *prose(),
             title("3. 結び"), *prose(), title("◇ 今後の課題"), *prose(), *report_page(0, 2, 30)]
    assert pdf_outline(lines) == [(1, "1.総論"), (2, "●国際機関の動き"), (1, "2.各論"), (2, "2.1国内の動向"),
                                  (3, "2.1.1制度の整備"), (4, "●法令の見直し"), (1, "3.結び"), (2, "◇今後の課題")]
    # The same lines in body type, each printed once: no evidence of a title (a bullet over its point).
    plain = [pdf_line(0, line.text, 1, 10.5) if line.text[0] in "●◇" else line for line in lines]
    assert [title for _, title in pdf_outline(plain)] == [
        "1.総論", "2.各論", "2.1国内の動向", "2.1.1制度の整備", "3.結び"]


def test_marked_captions_are_never_titles_by_the_text_or_by_the_type():
    # 「■第1-3-1図／…」: a white paper's caption, its mark a caption's, over the prose that discusses
    # the chart (pdftotext lost the chart's figures); in a PDF set in the heading face too.
    lines = ["1. 研究の動向", *body(), "■第1-3-1図／論文数の推移", *OWN_PROSE, "■第1-3-2図／国別の発表数",
             *OWN_PROSE, "2. 人材の育成", *body()]
    assert outline_of(lines) == [(1, "1.研究の動向"), (1, "2.人材の育成")]
    pdf = [pdf_line(0, "1. 研究の動向", 1, 10.5, GOTHIC, bold=True), pdf_line(0, SENTENCE, 1, 10.5),
           pdf_line(0, "■ 第1-3-3表／主な取組", 1, 10.5, GOTHIC, bold=True), pdf_line(0, SENTENCE, 1, 10.5),
           *report_page(0, 2, 30)]
    assert pdf_outline(pdf) == [(1, "1.研究の動向")]


@needs_corpus
def test_marked_titles_of_real_documents():
    # jssec-smartphone-tablet-security-guideline-v2.pdf p. 7-8: seven ◆ titles in body type over prose of
    # their own under 2.2 and 2.3; p. 12: 「∮ワンポイントアドバイス」 over 「■デバイスの盗難、紛失」 and
    # 「■信頼できないマーケット」, each over ①… advice.
    jssec = converted("jssec-smartphone-tablet-security-guideline-v2.pdf")
    under = {s.title: [c.title for c in s.children] for s in jssec.all_sections()}
    assert len([t for t in under["活用例と効果"] if t.startswith("◆")]) == 4
    assert len([t for t in under["スマートフォンを取り巻く動向"] if t.startswith("◆")]) == 3
    assert under["∮ワンポイントアドバイス"] == ["■デバイスの盗難、紛失", "■信頼できないマーケット"]
    # moj-bl-subcommittee-material-02.pdf: 「（補足説明）」 (outdented, 明朝) after each of 第１–第５'s proposal.
    moj = converted("moj-bl-subcommittee-material-02.pdf")
    assert [len([c for c in s.children if c.title == "（補足説明）"]) for s in moj.sections if s.number] == [1] * 5
    # mext-genai-guideline-v2-2024.pdf p. 8 and p. 14: ○ terms glossed in one sentence, 【授業準備】… over
    # bullets: no heading.
    mext = converted("mext-genai-guideline-v2-2024.pdf")
    titles = [s.title for s in mext.all_sections()]
    assert not [t for t in titles if t.startswith("○") or t in ("【授業準備】", "【部活動】", "【校内研修】")]


# --- Failure mode 7: titles numbered under a word (Box-N, 問N) and a speech's bare-word titles --------


def test_parts_numbered_under_a_word_of_their_own_are_headings_in_sequence():
    # A guideline's boxed asides 「Box-1.」「Box-2.」 inside its sections; 「G7」 in a sentence's place is no box.
    lines = ["1. 基本的な考え方", *body(), "Box-1. 情報活用能力の整理", *OWN_PROSE, *body(),
             "2. 留意点", *body(), "Box-2. 著作権に関する留意点", *OWN_PROSE, "G7 各国の動向", *OWN_PROSE]
    assert outline_of(lines) == [(1, "1.基本的な考え方"), (2, "Box-1. 情報活用能力の整理"), (1, "2.留意点"),
                                 (2, "Box-2. 著作権に関する留意点")]


def test_a_part_numbered_under_its_word_is_a_box_of_its_section_beside_the_sections_points():
    # The document's evidence (事例1, 事例2 … counting up, each over text of its own) says they are
    # titles; how such a box is printed (like a column, コラム１-１) says where it nests: in the numbered
    # section it stands in, a sibling of the section's ① points — never inside the point above it.
    lines = ["1. 留意点", *body(), "① 安全性の確保", *OWN_PROSE, "② 公平性の確保", *OWN_PROSE,
             "事例1 校務での利用", *OWN_PROSE, "2. 今後の取組", *body(), "① 体制の整備", *OWN_PROSE,
             "② 研修の実施", *OWN_PROSE, "事例2 授業での利用", *OWN_PROSE]
    assert outline_of(lines) == [
        (1, "1.留意点"), (2, "①安全性の確保"), (2, "②公平性の確保"), (2, "事例1 校務での利用"),
        (1, "2.今後の取組"), (2, "①体制の整備"), (2, "②研修の実施"), (2, "事例2 授業での利用")]
    # Attached material labelled so (【別添１】) holds what follows it, the attached text's own （1）… too.
    attached = ["1. 本文", *body(), "【別添１】関係する方針", *OWN_PROSE, "（1）方針の概要", *OWN_PROSE,
                "【別添２】委員の名簿", *OWN_PROSE]
    assert outline_of(attached) == [(1, "1.本文"), (2, "【別添1】関係する方針"), (3, "（1）方針の概要"),
                                    (2, "【別添2】委員の名簿")]


def test_box_labels_are_titles_only_where_the_document_numbers_them_as_its_boxes():
    # 「Box 1 入力」「Box 2 変換」 one under another: the boxes of a diagram drawn in the text, no title over
    # text of its own; a 「Box-2.」 whose document has no Box-1 is a box named in passing.
    diagram = ["1. 処理の流れ", "処理は次の順に進む。", "Box 1 入力", "Box 2 変換", "Box 3 出力", *body()]
    assert outline_of(diagram) == [(1, "1.処理の流れ")]
    named = ["1. 概要", *body(), "Box-2. 前回の整理", *OWN_PROSE, "2. 論点", *body()]
    assert outline_of(named) == [(1, "1.概要"), (1, "2.論点")]


def test_the_questions_of_a_q_and_a_are_headings_over_their_answers():
    # A Q&A: each 「問N」 asks one question (ending 「か。」 or 「？」) over its answer, 問1…問4 in order.
    answer = ["（答）", *OWN_PROSE]
    long_question = ["問５　学校で新しい技術を利用する場合に、事前に保護者の同意を得ておく必要はありま", "すか。"]
    lines = ["新しい技術の利用に関するＱ＆Ａ", "問１　生成AIとはどのようなものですか。", *answer,
             "問２　授業で利用してもよいですか。", *answer, "問３　家庭での利用に留意点はありますか？", *answer,
             "問４　教員が校務で利用する際の注意点", *answer, *long_question, *answer]
    assert [title for _, title in outline_of(lines)] == [
        "問1\u3000生成AIとはどのようなものですか。", "問2\u3000授業で利用してもよいですか。",
        "問3\u3000家庭での利用に留意点はありますか？", "問4\u3000教員が校務で利用する際の注意点",
        "問5\u3000学校で新しい技術を利用する場合に、事前に保護者の同意を得ておく必要はありますか。"]
    _, sections = convert(lines)
    # Each answer under its question.
    assert all(block_text(section.blocks[0]).startswith("（答）") for section in sections)
    # Numbers that do not count 1, 2 … under their word are no such titles (a step named in passing).
    assert outline_of(["問２　授業で利用してもよいですか。", *answer, "問５　家庭での利用", *answer]) == []


# A speech's paragraphs (written for these tests): each opens a field and says two things of it.
def speech_part(field: str) -> list[str]:
    return [f"次に、{field}についてであります。県民の皆様の声を伺いながら、必要な施策を着実に",
            "進めてまいります。あわせて、市町村との連携を一層強めてまいります。"]


def test_the_bare_word_titles_of_a_speech_are_its_sections():
    opening = ["本日、定例会の開会に当たり、県政運営の基本的な考え方を申し上げます。"]
    lines = [*opening, "総務", *speech_part("行政の効率化"), "財政", *speech_part("財政の健全化"),
             "教育", *speech_part("教育の充実"), "子ども・子育て", *speech_part("子育ての支援")]
    assert outline_of(lines) == [(1, "総務"), (1, "財政"), (1, "教育"), (1, "子ども・子育て")]
    _, sections = convert(lines)
    assert block_text(sections[1].blocks[0]).startswith("次に、財政の健全化について")
    # Printed in brackets, the same.
    bracketed = [*opening, "（総務）", *speech_part("行政の効率化"), "（財政）", *speech_part("財政の健全化"),
                 "（教育）", *speech_part("教育の充実")]
    assert outline_of(bracketed) == [(1, "（総務）"), (1, "（財政）"), (1, "（教育）")]


def test_bare_words_are_no_titles_in_a_numbered_document_or_close_together():
    # In a document with its own numbered outline a bare word is a cell or a label; so are short
    # lines each over one line of text (a glossary), and a word that recurs (a speaker's name).
    part = speech_part("行政の効率化")
    numbered = ["1. 総論", *body(), "2. 各論", *body(), "3. 結び", *body(), "総務", *part, "財政", *part, "教育", *part]
    glossary = ["用語の説明を以下に示す。", "深層学習", "多層のネットワークを用いる学習の手法である。",
                "基盤モデル", "大量のデータで事前に学習したモデルである。", "自然言語処理",
                "人の言葉を計算機で扱う技術である。"]
    speakers = ["開会に当たり、一言申し上げます。", "山田委員", *part, "鈴木委員", *part, "山田委員", *part,
                "鈴木委員", *part]
    assert [title for _, title in outline_of(numbered)] == ["1.総論", "2.各論", "3.結び"]
    assert outline_of(glossary) == []
    assert outline_of(speakers) == []


@needs_corpus
def test_boxes_numbered_under_their_word_in_a_real_text():
    # mext-genai-guideline-v2-2024.txt (pdftotext, no bookmarks): 「Box-1.」…「Box-6.」 on pp. 8-20, each over
    # its own text; the 目次's entries for them (p. 2) stay contents, not headings.
    document = converted("mext-genai-guideline-v2-2024.txt")
    boxes = [s for s in document.all_sections() if s.title.startswith("Box-")]
    assert [s.title[:6] for s in boxes] == [f"Box-{n}." for n in range(1, 7)]
    assert all(s.blocks for s in boxes)


def test_bracketed_labels_numbered_from_one_are_headings_even_where_a_number_was_lost():
    # 【参考１】… 【参考３】 at a guideline's end, 【参考２】 drawn as an image the text layer lacks.
    lines = ["1. 本文", *body(), "【参考１】利用する際のチェックリスト", *OWN_PROSE,
             "【参考３】今後の取組の方向性", *OWN_PROSE]
    assert [title for _, title in outline_of(lines)] == [
        "1.本文", "【参考1】利用する際のチェックリスト", "【参考3】今後の取組の方向性"]


def test_a_labelled_box_numbers_on_its_own():
    # A section numbers its points 1．2．; a box labelled 【参考N】 after them holds rows 「1．」… of its
    # own: its 「3．」 continues the box's rows, not the section's points (it takes no heading there).
    lines = ["1. 目的", *body(), "2. 範囲", *body(), "3. 留意点", *body(), "（1）著作権の観点", *body(),
             "1．基本的考え方", *OWN_PROSE, "2．利用の留意点", *OWN_PROSE,
             "【参考１】利用する際のチェックリスト", *OWN_PROSE,
             "【参考２】今後の取組の方向性", "1．知見の蓄積", "・事例を共有する催しを開く", "2．研修の支援",
             "・研修の教材を作る", "3．開発企業への働きかけ", *OWN_PROSE]
    assert [title for _, title in outline_of(lines)] == [
        "1.目的", "2.範囲", "3.留意点", "（1）著作権の観点", "1．基本的考え方", "2．利用の留意点",
        "【参考1】利用する際のチェックリスト", "【参考2】今後の取組の方向性"]


def test_a_bracketed_edition_in_the_title_block_is_no_heading():
    # A cover: title, 【第二版】, date, issuer; the body starts on the next page.
    cover = ["端末の業務利用に関するガイドライン", "【第二版】", "2014年3月25日", "一般社団法人 端末協会"]
    lines = [*cover, "\f1. はじめに", *body(), "【参考】", *OWN_PROSE]
    assert [title for _, title in outline_of(lines)] == ["1.はじめに", "【参考】"]


def test_a_marked_title_cut_at_the_column_edge_ends_on_the_next_line():
    # ○ titles of a scope: the second runs to the page's edge and ends on the next, short line.
    lines = ["Ⅲ．適用の範囲", "本指針は、次のものに適用する。", "○国内で利用されている製品", *OWN_PROSE,
             "○国内からのアクセスが実質的になされている事業者のウェブサイト上で継続して稼動するウ",
             "ェブアプリケーション", *OWN_PROSE,
             "Ⅳ．製品の取扱い", *body()]
    assert outline_of(lines) == [
        (1, "Ⅲ．適用の範囲"), (2, "○国内で利用されている製品"),
        (2, "○国内からのアクセスが実質的になされている事業者のウェブサイト上で継続して稼動するウェブアプリケーション"),
        (1, "Ⅳ．製品の取扱い")]


def test_marked_chart_titles_over_their_figures_are_no_headings():
    # A chart pdftotext read as text: ■ titles over percentages and legend words, prose further down.
    lines = ["1. 販売の状況", *body(), "■生命保険（2023年3月末）", "2%", "31%", "35%", *OWN_PROSE,
             "■損害保険（2022年3月末）", "8.6% 0.7%", *OWN_PROSE]
    assert outline_of(lines) == [(1, "1.販売の状況")]


def test_the_questions_of_a_q_and_a_pdf_set_in_a_box_are_headings():
    # A Q&A's PDF page: each question alone in a box in Gothic at the body's size, its answer in Mincho
    # running to the column's edge.
    answer = [pdf_line(0, SENTENCE, 1, 10.5), pdf_line(0, CLAUSE, 1, 10.5), pdf_line(0, "対策を講じる。", 1, 10.5)]
    lines = [*report_page(0, 1, 30)]
    for number, question in enumerate(["生成AIとは何ですか。", "授業で使ってもよいですか。", "家庭での利用は？"], 1):
        lines += [pdf_line(0, f"問{number}　{question}", 2, 10.5, GOTHIC), *answer]
    lines = [Line(number, line.text, page=line.page, layout=line.layout) for number, line in enumerate(lines, 1)]
    assert headings(lines) == ["問1　生成AIとは何ですか。", "問2　授業で使ってもよいですか。", "問3　家庭での利用は？"]


# --- Failure mode 2 / 7: numbered headings a notice prints that were missed or invented (issue 23) -----


def placed_line(number: int, text: str, page: int, x0: float, top: float, size: float = 12.0,
                column: tuple[float, float] = (85.0, 510.0), role: str = "", gap: float = 0.0) -> Line:
    """A PDF line of a notice set at ``x0``: it runs to the column's right edge when its text fills it."""
    x1 = min(column[1], x0 + len(text) * size)
    layout = Layout(x0=x0, x1=x1, top=top, size=size, font=MINCHO, column_x0=column[0], column_x1=column[1],
                    gap_before=gap, role=role)
    return Line(number, text, page=page, layout=layout)


def notice_page(first: int, page: int, texts: list[tuple[float, str]], top: float = 80.0) -> list[Line]:
    """A notice's page: each line at its own indent, 18 pt apart, body type (12 pt Mincho)."""
    return [placed_line(first + i, text, page, x0, top + 18 * i) for i, (x0, text) in enumerate(texts)]


# Page-wide lines of a notice (35 characters of 12 pt fill the 425 pt column).
NOTICE = "申請書には、申請書記載事項の根拠となる報告書、証明書等を添付し、あわ"
NOTICE_END = "せてそれらの概要について記載した文書を作成すること。"
# A notice's first parts: 第1, then 第2 with its items 1 and 2, each over a paragraph.
NOTICE_PARTS = [(85.0, "第1 一般的事項"), (111.0, NOTICE), (99.0, NOTICE_END),
                (85.0, "第2 登録申請書の作成時の留意点"), (99.0, "1 登録区分欄"), (111.0, NOTICE), (99.0, NOTICE_END),
                (99.0, "2 原薬等の名称欄"), (111.0, NOTICE), (99.0, NOTICE_END)]
# A part's title too long for one line: its first line fills the column.
WRAPPED_TITLE = "第3 原薬等登録原簿登録申請書に添付すべき資料及びその概要の作成時の留"


def test_a_numbered_title_wrapped_under_its_words_is_one_heading_and_its_items_follow():
    # A 事務連絡's 「第３　原薬等登録原簿登録申請書に添付すべき資料及びその概要の作成時の留」 runs to the column's edge
    # and its last words 「意点」 stand under the title, right of the number.  Read as a sentence that starts
    # with a number, 第３ was text and its items 「１　製造方法」… out of sequence after 第２'s last item.
    # (The PDF reader hands on its lines normalised: half-width digits.)
    texts = [*NOTICE_PARTS, (85.0, WRAPPED_TITLE), (106.0, "意点"),
             (111.0, NOTICE), (99.0, NOTICE_END), (99.0, "1 製造方法"), (111.0, NOTICE), (99.0, NOTICE_END)]
    outline = [(item.number, item.title) for item in read_structure(notice_page(1, 3, texts), Hints()).items
               if isinstance(item, Heading)]
    assert outline == [("第1", "一般的事項"), ("第2", "登録申請書の作成時の留意点"), ("1", "登録区分欄"),
                       ("2", "原薬等の名称欄"),
                       ("第3", "原薬等登録原簿登録申請書に添付すべき資料及びその概要の作成時の留意点"),
                       ("1", "製造方法")]


def test_a_sentence_opening_with_a_number_still_wraps_back_to_its_margin():
    # The same page-wide line whose next line goes back to the margin (a paragraph's wrap, not a title's
    # hanging indent) is a sentence that starts with a number: no heading.
    texts = [*NOTICE_PARTS, (85.0, WRAPPED_TITLE), (85.0, "意点"), (111.0, NOTICE), (99.0, NOTICE_END)]
    outline = [item.title for item in read_structure(notice_page(1, 3, texts), Hints()).items
               if isinstance(item, Heading)]
    assert outline == ["一般的事項", "登録申請書の作成時の留意点", "登録区分欄", "原薬等の名称欄"]


def test_an_attachment_label_set_at_the_right_edge_opens_its_attachment():
    # 「（別添４）」 set flush right in the attachment's small type (8 pt against a 10 pt body) over the corrected
    # notice's title: its line ends at the column's edge like a sentence's, but starts past the middle.
    body_lines = [placed_line(i + 1, NOTICE if i % 2 else NOTICE_END, 1, 57.0, 80.0 + 18 * i, 10.0, (57.0, 540.0))
                  for i in range(12)]
    label = placed_line(13, "（別添４）", 2, 495.0, 40.0, 8.0, (57.0, 540.0))
    label = Line(13, label.text, page=2, layout=Layout(
        x0=495.0, x1=540.0, top=40.0, size=8.0, font=MINCHO, column_x0=57.0, column_x1=540.0))
    title = placed_line(14, "特定保険医療材料の材料価格算定に関する留意事項について", 2, 187.0, 60.0, 8.0,
                        (57.0, 540.0))
    rest = [placed_line(15 + i, NOTICE_END, 2, 57.0, 90.0 + 18 * i, 10.0, (57.0, 540.0)) for i in range(3)]
    outline = [(item.number, item.title) for item in read_structure([*body_lines, label, title, *rest], Hints()).items
               if isinstance(item, Heading)]
    assert outline == [("（別添４）", "特定保険医療材料の材料価格算定に関する留意事項について")]


def test_a_running_head_set_small_over_its_own_heading_is_no_heading():
    # An appendix one page long: its running head (8 pt, words of its own) stands over the appendix's heading
    # (12 pt).  Taken for 付録4, it put the real heading out of sequence and gave the part the wrong words.
    first = [placed_line(1, "付録3 法的な論点について", 1, 85.0, 80.0), *notice_page(2, 1, [(97.0, NOTICE)] * 4, 100.0)]
    head = placed_line(6, "付録4 脆弱性の影響度の基準に関する考え方について", 2, 198.0, 30.0, 8.0)
    page = [head, placed_line(7, "付録4 脆弱性の影響度に関する考え方について", 2, 85.0, 80.0, gap=1.7),
            *notice_page(8, 2, [(97.0, NOTICE), (85.0, NOTICE_END)], 100.0)]
    draft = read_structure([*first, *page], Hints())
    assert [item.title for item in draft.items if isinstance(item, Heading)] == [
        "法的な論点について", "脆弱性の影響度に関する考え方について"]
    # The running head's words stay on the page, as text.
    assert any(getattr(item, "text", "") == head.text for item in draft.items)


def test_a_table_set_small_at_the_page_foot_gives_no_headings():
    # A mapping table whose rows the reader placed as the page's foot (small type): 「6.脆弱性公開ポリシー
    # における考慮事項」 in it is a row naming another text's clause, not section 6 of this one.
    rows = [(91.0, "6.脆弱性公開ポリシーにおける考慮事項"), (91.0, "6.1 全般"), (91.0, "6.2 最小限のポリシーの要素"),
            (304.0, "Ⅳ. ソフトウエア製品に係る脆弱性関連情"), (91.0, "7.脆弱性情報の受理"), (304.0, "報取扱"),
            (91.0, "7.1 全般")]
    page = [placed_line(1, "1. 概要", 1, 85.0, 80.0), *notice_page(2, 1, [(97.0, NOTICE), (85.0, NOTICE_END)], 100.0),
            *[placed_line(4 + i, text, 1, x0, 640.0 + 16 * i, 10.5, role="footnote")
              for i, (x0, text) in enumerate(rows)]]
    assert [item.title for item in read_structure(page, Hints()).items if isinstance(item, Heading)] == ["概要"]


@needs_corpus
def test_a_notice_with_a_wrapped_part_title_keeps_its_items_in_sequence():
    # mhlw-mf-cell-tissue-dossier-2013.pdf p. 6 (printed 4): 「第３ 原薬等登録原簿登録申請書に添付すべき資料
    # 及びその概要の作成時の留 / 意点」, then 「１ 製造方法」 … 「５ 安全性に関する情報」 (pp. 6-10), 「第４ その他」
    # (p. 10) and 「（別紙）添付資料一覧」 (p. 12), read off the PDF.
    document = converted("mhlw-mf-cell-tissue-dossier-2013.pdf")
    sections = {(s.number, s.title): s for s in document.all_sections()}
    third = sections[("第3", "原薬等登録原簿登録申請書に添付すべき資料及びその概要の作成時の留意点")]
    assert [(s.number, s.title) for s in third.children] == [
        ("1", "製造方法"), ("2", "規格及び試験方法"), ("3", "安定性に関する情報"), ("4", "貯蔵方法及び有効期限"),
        ("5", "安全性に関する情報")]
    assert ("第4", "その他") in sections and ("（別紙）", "添付資料一覧") in sections


@needs_corpus
def test_a_correction_notice_opens_each_attachment_and_no_elided_items():
    # mhlw-shinryo-kaitei-teisei-2020.pdf: （別添１）…（別添７） each open a corrected notice (pp. 2, 6, 16, 20, 22,
    # 23, 24; 別添４-６ set flush right in 6.5-8 pt); 「(1)～（2）（略）」 lines say items are left out (p. 2 …).
    document = converted("mhlw-shinryo-kaitei-teisei-2020.pdf")
    numbers = [s.number for s in document.sections]
    assert numbers == [f"（別添{n}）" for n in range(1, 8)]
    assert not any("（略）" in s.title for s in document.all_sections())
    # The excerpt's 「第２章　特掲診療料」 (p. 2) places the quoted text in its notice: no chapter of this one.
    assert not any(s.number == "第2章" for s in document.all_sections())


@needs_corpus
def test_each_appendix_numbers_its_parts_from_one():
    # ipa-vuln-partnership-guideline-2019.pdf: 付録３'s 「１　発見者が…」「２　製品開発者が…」「３　ウェブサイト
    # 運営者が…」 (pp. 37-40), 付録４ under its own words (p. 41, not its 8 pt running head's), 付録５'s 「１　連絡
    # 不能開発者一覧の公表」 (a note mark 11 glued) and 「２　対象製品情報の公表と関係者へのお願い」 (pp. 42-43).
    document = converted("ipa-vuln-partnership-guideline-2019.pdf")
    parts = {s.number: s for s in document.sections}
    assert [c.title for c in parts["付録3"].children if c.number.isdigit()] == [
        "発見者が心得ておくべき法的な論点", "製品開発者が心得ておくべき法的な論点",
        "ウェブサイト運営者が心得ておくべき法的な論点"]
    assert parts["付録4"].title == "脆弱性の影響度に関する考え方について"
    assert [c.title.rstrip("0123456789") for c in parts["付録5"].children if c.number.isdigit()] == [
        "連絡不能開発者一覧の公表", "対象製品情報の公表と関係者へのお願い"]


def test_a_title_centred_over_two_lines_goes_on_where_its_second_line_starts_with_a_particle():
    # An attachment's title centred over two lines, its second starting with 「に」: no line of its own starts
    # with a particle, so the title goes on (before, the heading stopped at 「（希望区分B）」).
    label = placed_line(1, "（別添６）", 1, 477.0, 40.0, 8.0, (57.0, 540.0))
    page = (57.0, 540.0)
    title = [placed_line(2, "特定保険医療材料及び医療機器保険適用希望書（希望区分B）", 1, 183.0, 60.0, 8.0, page),
             placed_line(3, "に記載する機能区分コードについて", 1, 226.0, 70.0, 8.0, page)]
    rest = [placed_line(4 + i, NOTICE_END, 1, 57.0, 100.0 + 18 * i, 10.0, page) for i in range(3)]
    draft = read_structure([label, *title, *rest], Hints())
    outline = [item.title for item in draft.items if isinstance(item, Heading)]
    assert outline == ["特定保険医療材料及び医療機器保険適用希望書（希望区分B）に記載する機能区分コードについて"]


def test_a_page_number_and_the_next_pages_first_line_make_no_heading():
    # A page's number 「1」 alone at its foot (each attachment numbers its pages from 1, so the reader cannot
    # tell it by its step) and the next page's label 「（別表2）」: a number and its title share a page.
    lines = [placed_line(1, "（別紙）", 1, 59.0, 60.0, 8.0),
             *[placed_line(2 + i, NOTICE_END, 1, 57.0, 90.0 + 18 * i, 10.0) for i in range(3)],
             placed_line(5, "1", 1, 295.0, 780.0, 8.0), placed_line(6, "（別表2）", 2, 502.0, 40.0, 9.5),
             *[placed_line(7 + i, NOTICE_END, 2, 57.0, 90.0 + 18 * i, 10.0) for i in range(3)]]
    assert [item.number for item in read_structure(lines, Hints()).items if isinstance(item, Heading)] == ["（別紙）"]


def test_a_number_set_large_is_no_title():
    # A chart's ticks and a page number set larger than the body (「110.0」「1」): only a number, no title.
    lines = [*report_page(1, 1, 4), pdf_line(5, "110.0", 1, 14.0, top=200.0), pdf_line(6, "105.0", 1, 14.0, top=220.0),
             *report_page(7, 1, 4), pdf_line(11, "1", 1, 14.0, top=780.0)]
    assert headings(lines) == []


def bold_line(number: int, text: str, x0: float, top: float, indent: int = 0) -> Line:
    """A line of a white paper's column set in its bold face (11 pt Gothic against a 10.5 pt Mincho body)."""
    layout = Layout(x0=x0, x1=min(520.0, x0 + len(text) * 11.0), top=top, size=11.0, font=GOTHIC, gothic=True,
                    column_x0=321.0, column_x1=520.0)
    return Line(number, text, page=1, layout=layout, indent=indent)


def column_line(number: int, text: str, top: float) -> Line:
    layout = Layout(x0=326.0, x1=min(520.0, 326.0 + len(text) * 10.5), top=top, size=10.5, font=MINCHO,
                    column_x0=321.0, column_x1=520.0)
    return Line(number, text, page=1, layout=layout)


def test_numbered_points_set_in_bold_are_a_list_when_one_runs_longer_than_a_title():
    # A white paper's column: 「閣僚声明の主なポイントは以下のとおりです。」, then two points in bold, the second
    # over five lines: one point too long for a title makes the run a list, the first point too.
    body = [column_line(i + 1, "日本のG7議長国下での広島AIプロセスの成果物として承認されました。", 40.0 + 16 * i)
            for i in range(8)]
    first = [bold_line(9, "（1）以下の4要素から構成される「広島A", 321.0, 180.0),
             bold_line(10, "Iプロセス包括的政策枠組み」の策定", 356.0, 196.0)]
    items = [column_line(11, "①生成AIに関するG7の共通理解に向けた報告", 212.0)]
    second = [bold_line(12 + i, text, 321.0 if i == 0 else 356.0, 228.0 + 16 * i) for i, text in enumerate(
        ["（2）広島AIプロセスを前進させるため", "の作業計画（賛同国増加に向けたアウ",
         "トリーチ、国際行動規範への支持拡大", "及び企業等による国際行動規範履行",
         "確保のためのモニタリングツールの導入）"])]
    assert headings([*body, *first, *items, *second, *body]) == []


def test_a_title_set_in_the_texts_bold_face_stays_a_heading_over_its_bold_paragraph():
    # A council's material sets its headings and its questions in one Gothic face: 「第４ …の可否等」 runs to the
    # column's edge, and the question under it, indented as a paragraph's first line, is no part of its title.
    text = [column_line(2 + i, SENTENCE, 56.0 + 16 * i) for i in range(8)]
    lines = [bold_line(1, "第1 法改正の必要性", 321.0, 40.0), *text,
             bold_line(10, "第2 電子化された船荷証券を「物」とすることの可否", 321.0, 200.0),
             bold_line(11, "船荷証券の電子化を実現する法改正を検討するに当たっては、", 332.0, 216.0, indent=2),
             bold_line(12, "電磁的船荷証券記録に関する規定を別途設ける必要があるものと", 321.0, 232.0),
             bold_line(13, "考えられるが、この点について、どのように考えるか。", 321.0, 248.0)]
    assert headings(lines) == ["法改正の必要性", "電子化された船荷証券を「物」とすることの可否"]


def test_a_reference_page_title_wrapped_back_to_the_margin_over_its_table_is_one_heading():
    # An appendix's 「参考 1 ISO/IEC 29147:2014 と情報セキュリティ早期警戒パートナーシップガ」 / 「イドラインの対応」
    # over a mapping table (figure lines): the title's rest stands at the margin, but the block ends with it; then
    # 「参考 2 脆弱性公開ポリシーの事例」.  Both open parts of the appendix, outside its numbered sections.
    lines = [placed_line(1, "付録6 国際標準への対応", 1, 85.0, 40.0),
             placed_line(2, "1. 国際標準の概要", 1, 85.0, 60.0),
             *notice_page(3, 1, [(97.0, NOTICE), (85.0, NOTICE_END)], 80.0),
             placed_line(5, "参考 1 ISO/IEC 29147:2014 と情報セキュリティ早期警戒パートナーシップガ", 2, 85.0, 40.0),
             placed_line(6, "イドラインの対応", 2, 85.0, 58.0),
             *[placed_line(7 + i, text, 2, 91.0, 80.0 + 16 * i, 10.5, role="figure")
               for i, text in enumerate(["1.適用範囲", "Ⅲ. 本ガイドラインの適用の範囲", "2.引用規格"])],
             placed_line(10, "参考 2 脆弱性公開ポリシーの事例", 3, 85.0, 40.0),
             *notice_page(11, 3, [(97.0, NOTICE), (85.0, NOTICE_END)], 60.0)]
    draft = read_structure(lines, Hints())
    assert [(item.number, item.title) for item in draft.items if isinstance(item, Heading)] == [
        ("付録6", "国際標準への対応"), ("1.", "国際標準の概要"),
        ("参考 1", "ISO/IEC 29147:2014 と情報セキュリティ早期警戒パートナーシップガイドラインの対応"),
        ("参考 2", "脆弱性公開ポリシーの事例")]
    _, sections = nest(draft)
    assign_anchors(sections)
    assert [(s.level, s.anchor) for s in sections[0].walk()][1:] == [(2, "annex6-1"), (2, "annex6-ref1"),
                                                                      (2, "annex6-ref2")]


# --- False headings: a table mapping another text's clauses onto this document's parts ----------------


def test_a_flattened_table_of_another_texts_clauses_makes_no_headings():
    # pdftotext reads a two-column table cell by cell: a standard's clauses (「5.3」 alone, 「6.考慮事項」 …)
    # beside this document's parts printed again (「Ⅱ．適用範囲」, 「1. 概要」) or 「－」 (none).  The
    # clauses' 「5.」 skips ahead of the 「3.」 this part reached, among cells: a cell, not section 5.
    lines = ["Ⅰ．はじめに", *body(), "", "1. 概要", *body(), "", "2. 目的", *body(), "",
             "Ⅱ．適用範囲", *body(), ""]
    for number, title in (("1", "対象"), ("2", "範囲"), ("3", "用語")):
        lines += [f"{number}. {title}", *body(), ""]
    lines += ["規格の構成", "", "本指針の対応箇所", "", "5.概念", "", "Ⅰ．はじめに", "", "5.1", "", "一般", "",
              "1. 概要", "", "5.2", "", "公開の手順", "", "5.3", "", "製品とサービス", "", "－", "",
              "6.公開方針における考慮事項", "6.1 全般", "6.2 最小限の要素", "－", "",
              "7.脆弱性情報の受理", "", "Ⅱ．適用範囲", "", "7.1 全般", "", "7.2 報告の受付", "",
              "－", "", "8.アドバイザリの配布", "", "Ⅱ．適用範囲", "", "8.1 全般", "", *body()]
    _, sections = convert(lines)
    found = [(s.number, s.title) for root in sections for s in root.walk()]
    assert found == [("Ⅰ．", "はじめに"), ("1.", "概要"), ("2.", "目的"), ("Ⅱ．", "適用範囲"), ("1.", "対象"),
                     ("2.", "範囲"), ("3.", "用語")]


def test_a_clause_stays_a_heading_when_a_numbered_point_under_it_runs_on_in_the_clauses_face():
    # A JIS-style guideline titles its clauses 「1.1.1 …」 in a Gothic face at the body's size.  Under one
    # clause, a point numbered as its next sibling is set in the same face and runs on as a sentence: taken
    # for the clause's next sibling, it made the pair a list of points set in bold and the clause text.
    # The document titles its clauses with that numbering in that face throughout: the clause is a heading.
    clauses = [("1.1", "運用の手順"), ("1.1.1", "操作の手順書"), ("1.1.2", "変更の管理"), ("1.1.3", "職務の分割"),
               ("1.2", "システムの計画作成"), ("1.2.1", "容量の管理")]
    lines: list[Line] = []
    for number, title in clauses:
        lines.append(pdf_line(len(lines) + 1, f"{number} {title}", 1, 10.5, GOTHIC, top=80.0 + 18 * len(lines)))
        lines += [pdf_line(len(lines) + 1 + i, text, 1, 10.5, top=80.0 + 18 * (len(lines) + i))
                  for i, text in enumerate([CLAUSE, SENTENCE])]
    point = ("1.2.2 利用量が急に増えると応答が遅くなることがある。"
             "そのため、利用者はその影響を評価した上で利用することが期待される。")
    lines.append(pdf_line(len(lines) + 1, point, 1, 10.5, GOTHIC, top=80.0 + 18 * len(lines)))
    lines.append(pdf_line(len(lines) + 1, SENTENCE, 1, 10.5, top=80.0 + 18 * len(lines)))
    assert headings(lines) == [title for _, title in clauses]

def test_a_marked_line_right_under_a_boxs_label_is_the_boxs_and_the_box_is_beside_the_marked_titles():
    # Case studies numbered under their word (事例1, 事例2) set inside a section whose parts are ◆ titles;
    # each case opens with a ◆ line naming the school.  That line is the box's: it nests inside it, never a
    # ◆ title of the section closing the box, and the box stands beside the section's ◆ titles, never
    # inside the one printed before it.
    lines = ["1. 留意点", *body(), "◆安全性の確保", *OWN_PROSE, "◆公平性の確保", *OWN_PROSE,
             "事例1 校務での利用", "◆山田中学校の取組", *OWN_PROSE, "◆透明性の確保", *OWN_PROSE,
             "事例2 授業での利用", "◆川口小学校の取組", *OWN_PROSE]
    assert outline_of(lines) == [
        (1, "1.留意点"), (2, "◆安全性の確保"), (2, "◆公平性の確保"), (2, "事例1 校務での利用"),
        (3, "◆山田中学校の取組"), (2, "◆透明性の確保"), (2, "事例2 授業での利用"), (3, "◆川口小学校の取組")]


# --- Bold titles at about the body's size, and bold lines that head nothing -----------------------------

BOLD_MINCHO = "HeiseiMin-W3,Bold"  # the bold a word processor writes for the text's own face
BOLD_TITLES = ["検討の経緯", "現状の整理", "今後の進め方"]


def bold_page(heads: list[list[str]], size: float = 11.0) -> list[Line]:
    """One page: each group of bold lines (``heads``), then a paragraph in the body's type under it."""
    lines: list[Line] = []
    for group in heads:
        for text in group:
            lines.append(pdf_line(len(lines) + 1, text, 1, size, BOLD_MINCHO, top=80.0 + 18 * len(lines), bold=True))
        for text in (SENTENCE, CLAUSE, SENTENCE):
            lines.append(pdf_line(len(lines) + 1, text, 1, 10.5, top=80.0 + 18 * len(lines)))
    return lines


def test_bold_titles_at_about_the_body_size_are_headings_and_other_bold_lines_are_not():
    # Titles in the bold of the text's face, a point over the body, each alone over its paragraph.
    assert headings(bold_page([[title] for title in BOLD_TITLES])) == BOLD_TITLES
    # Bold used once or twice over text is emphasis; a document titles its parts so throughout.
    assert headings(bold_page([[title] for title in BOLD_TITLES[:2]])) == []
    # Bold lines one under another are a table's header or a callout's words, not a title each.
    assert headings(bold_page([[title, "区分"] for title in BOLD_TITLES])) == []
    # A lead-in to what follows (「…：」) and a sentence set in bold (「…。」) head nothing.
    assert headings(bold_page([[f"{title}：" ] for title in BOLD_TITLES])) == []
    assert headings(bold_page([[f"{title}が重要である。"] for title in BOLD_TITLES])) == []
    # The same words over each box (「ポイント」) are a label, not a part's title.
    assert headings(bold_page([["ポイント"]] * 3 + [[title] for title in BOLD_TITLES[:2]])) == []
