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
from atlas.model.document import Document, DocumentMeta, Heading, Layout, Line, block_text
from atlas.pipeline import build_document
from atlas.structure.structure import Hints, assign_anchors, nest, read_structure
from atlas.structure.typeset import Typesetting
from atlas.text.clean import classify
from conftest import ROOT

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


def test_parts_a_contents_list_names_are_headings_where_they_stand_without_their_numbers():
    # An agenda slide (「1．…」 stacked), then each part opened by a slide printing its title alone.
    lines = ["制度の見直しについて", "", *(f"{n}．{title}" for n, title in AGENDA), ""]
    for _, title in AGENDA:
        lines += ["\f" + title, "", *part_text(title), ""]
    preamble, sections = convert(lines)
    assert [s.title for s in sections] == [title for _, title in AGENDA]
    # The agenda stays on the page as text, before the first part.
    assert "背景と目的" in " ".join(block_text(b) for b in preamble)


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
