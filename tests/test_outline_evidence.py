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
from atlas.structure.structure import Hints, read_structure
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
