"""Slide decks and handouts (issue 23, failure mode 9): slide titles, covers, slide numbers.

Small synthetic slides for each rule (atlas.slides), then the real decks: the seeds' slide titles
(tests/outlines, read by hand off the text) and two corpus PDFs (skipped when ../shared/corpus is
absent), a landscape deck and a handout of two slides a page, their expected values read off the PDFs.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

from atlas.check.outline import compare, document_outline, fold, load_reference
from atlas.check.report import document_report
from atlas.config.catalog import load_catalog
from atlas.enrich.anchors import completes
from atlas.model.document import Heading, Layout, Line, SourceSpan
from atlas.pipeline import build_document
from atlas.read.page_labels import cite_page, printed_page_numbers
from atlas.structure.slides import (
    DeckGeometry,
    SlideCues,
    after_form_feed,
    cover_lines,
    deck_numbering,
    named_slide_title,
    slide_end,
    slide_title,
    slide_title_heading,
    slide_title_lines,
    starts_slide,
    text_title_rest,
    wraps_on,
)
from atlas.text.page_furniture import slide_number_lines
from conftest import ROOT, corpus_document

CORPUS = Path(os.environ.get("ATLAS_CORPUS", ROOT.parent / "shared" / "corpus"))
SOURCES = ROOT / "sources"
OUTLINES = ROOT / "tests" / "outlines"


def placed(number: int, text: str, *, x0: float, x1: float, top: float, size: float, page: int = 2,
           bold: bool = False, kind: str = "body", role: str = "") -> Line:
    layout = Layout(x0=x0, x1=x1, top=top, size=size, bold=bold, role=role)
    return Line(number, text, kind=kind, raw=text, layout=layout, page=page)


# A 720 × 540 pt landscape deck: text from x 20 to 700, top 20 to 530.
DECK = DeckGeometry(left=20, right=700, top=20, bottom=530)


# -- slide titles --------------------------------------------------------------------------


def test_the_top_line_in_the_largest_face_is_the_slide_title_even_inside_a_drawn_box():
    slide = [
        placed(1, "原薬等登録原簿（マスターファイル）制度", x0=35, x1=646, top=40, size=36, role="figure"),
        placed(2, "原薬等の製造業者が、その製造方法、製造管理、", x0=67, x1=652, top=147, size=28),
        placed(3, "品質管理に関するノウハウを含む情報を、製剤の", x0=67, x1=646, top=197, size=28),
        placed(4, "10", x0=676, x1=703, top=507, size=24, kind="page-number"),
    ]
    assert slide_title_lines(slide, DECK) == [0]


def test_a_diagram_slide_has_no_title_though_its_labels_are_large():
    # Box labels in 35 pt at the left and lower down; the top line is a small label: no title.
    slide = [
        placed(1, "承認申請書", x0=340, x1=440, top=118, size=20, role="figure"),
        placed(2, "原薬データ（製造方法含む）", x0=207, x1=347, top=388, size=20, role="figure"),
        placed(3, "申請者", x0=49, x1=154, top=130, size=35),
        placed(4, "製造業", x0=48, x1=153, top=443, size=35),
    ]
    assert slide_title_lines(slide, DECK) == []
    # A large label at the side, even topmost, is a box's label, not the slide's title.
    side = [
        placed(1, "申請者", x0=49, x1=154, top=130, size=35),
        placed(2, "知的財産の保護と、承認審査の両立", x0=40, x1=200, top=265, size=20),
        placed(3, "日本国内に住所を有する者", x0=322, x1=449, top=377, size=12),
    ]
    assert slide_title_lines(side, DECK) == []


def test_a_divider_slide_is_its_title_alone_and_a_wrapped_title_is_one():
    assert slide_title_lines([placed(1, "その他", x0=324, x1=418, top=244, size=32)], DECK) == [0]
    wrapped = [
        placed(1, "データ流通・活用ワーキンググループにおける", x0=60, x1=660, top=30, size=30),
        placed(2, "論点整理（案）", x0=60, x1=300, top=66, size=30),
        placed(3, "・ 情報銀行の認定を進める", x0=60, x1=400, top=150, size=20),
        placed(4, "・ データポータビリティを確保する", x0=60, x1=460, top=180, size=20),
    ]
    assert slide_title_lines(wrapped, DECK) == [0, 1]


def test_a_numbered_line_is_no_slide_title():
    # An agenda (目次) slide lists the parts by number: evidence for titles, none of them a title.
    agenda = [placed(n, f"{n}. 第{n}部の題", x0=57, x1=500, top=100 + 60 * n, size=28) for n in range(1, 5)]
    assert slide_title_lines(agenda, DECK) == []


def test_a_slides_numbered_steps_under_its_numbered_title_are_no_headings():
    # A deck titles its slides 「2-1.」 under the divider 「2.」 (set larger, alone) and numbers each slide's
    # steps 「1.」「2.」 under the title, on into the next slide, which has no title: its 「3.」 stands at the
    # top, in the title band, but counts on from the steps before it.  A title repeating its divider's
    # number 「3.」 is the chapter's slide; the steps under it are steps all the same.
    deck = [
        placed(1, "2. 準備の手順", x0=90, x1=600, top=240, size=66, page=2),
        placed(2, "2-1. 書類の受付", x0=30, x1=400, top=25, size=32, page=3),
        placed(3, "1. 受付票に番号を記入する", x0=30, x1=400, top=130, size=20, page=3),
        placed(4, "2. 書類の不足を確かめる", x0=30, x1=400, top=160, size=20, page=3),
        placed(5, "3. 不足を申請者に伝える", x0=30, x1=400, top=60, size=20, page=4),
        placed(6, "4. 受付票を係に回す", x0=30, x1=400, top=90, size=20, page=4),
        placed(7, "3. 交付の準備", x0=90, x1=600, top=240, size=66, page=5),
        placed(8, "3. 必要な機材", x0=30, x1=400, top=25, size=32, page=6),
        placed(9, "1. 受付用の端末", x0=30, x1=400, top=130, size=24, page=6),
        placed(10, "2. 交付用の印刷機", x0=30, x1=400, top=260, size=24, page=6),
    ]
    numbered = deck_numbering(deck, DECK)
    assert sorted(numbered.steps) == [2, 3, 4, 5, 8, 9]
    assert numbered.repeats == {7}


# -- covers ----------------------------------------------------------------------------------


def test_a_cover_is_text_not_sections():
    cover = [
        placed(1, "参考資料2", x0=30, x1=90, top=24, size=12, page=1),
        placed(2, "初等中等教育段階における", x0=150, x1=448, top=315, size=25, page=1),
        placed(3, "生成AIの利用に関する暫定的なガイドライン", x0=53, x1=546, top=345, size=25, page=1),
        placed(4, "令和5年7月4日", x0=220, x1=375, top=662, size=19.5, page=1),
        placed(5, "文部科学省 初等中等教育局", x0=175, x1=420, top=685, size=19.5, page=1),
    ]
    body = [placed(6 + n, "生成AIは黎明期にあり、技術革新が進展している。", x0=47, x1=542, top=100 + 17 * n, size=14)
            for n in range(5)]
    assert cover_lines(cover + body, None) == {1, 2, 3, 4, 5}
    assert wraps_on(cover[1], cover[2])  # the centred title over two lines is one paragraph
    issuer = [placed(1, "独立行政法人医薬品医療機器総合機構", x0=283, x1=691, top=280, size=24, page=1),
              placed(2, "審査マネジメント部 医薬品基準課 MF管理室", x0=214, x1=691, top=313, size=24, page=1)]
    assert not wraps_on(*issuer)  # ranged right: a name over its department, two lines
    # A first page that reads as text (sentences) is the document's first page, not a cover.
    text_page = [placed(n, "本基準は、情報システムの安全対策を定めるものである。", x0=50, x1=540, top=100 + 20 * n,
                        size=14, page=1) for n in range(1, 4)]
    assert cover_lines(text_page + body, None) == frozenset()


# -- slide numbers and the pages cited -------------------------------------------------------


def test_slide_numbers_of_a_handout_are_page_numbers_not_headings():
    lines = [Line(n, text) for n, text in enumerate(["1/24", "本文", "2/24", "3/24", "本文", "5/24"], 1)]
    assert slide_number_lines(lines) == {1, 3, 4, 6}
    # Dates in a schedule (第1回（7/31）, 9/11, 10/22) are no slide numbers: no common total.
    schedule = [Line(n, text) for n, text in enumerate(["7/31", "9/11", "10/22", "11/13"], 1)]
    assert slide_number_lines(schedule) == frozenset()


def test_a_handouts_pages_are_cited_by_the_slide_numbers_they_print():
    # A handout cut from a larger file keeps that file's page labels (its cover 「3」) while its
    # pages print 「1/24」, 「2/24 3/24」: the printed numbers win; the cover prints none.
    lines = [
        Line(1, "1/24", kind="page-number", page=2),
        Line(2, "2/24", kind="page-number", page=3), Line(3, "3/24", kind="page-number", page=3),
    ]
    printed = printed_page_numbers(["3", "5", "7"], lines)
    assert printed == {2: "1", 3: "2–3"}
    assert cite_page(1, printed) == "PDF 1頁"
    assert cite_page(3, printed) == "p. 2–3（PDF 3頁）"
    # Labels the pages agree with are kept; a document with no numbers at all cites its sheets.
    assert printed_page_numbers(["i", "1"], [Line(1, "1", kind="page-number", page=2)]) == {1: "i", 2: "1"}
    assert cite_page(7, {}) == "p. 7"


# -- text decks (no layout) -------------------------------------------------------------------


def test_a_title_wrapped_at_its_box_is_one_heading_in_a_text_deck():
    rows = ["１．第75回高度情報通信ネットワーク社会推進戦略本部", "第6回官民データ活用推進戦略会議 合同会議", "",
            "（平成30年12月19日開催）"]
    lines = [Line(n, text, kind="body" if text else "blank", raw=text) for n, text in enumerate(rows, 1)]
    assert text_title_rest(lines, 0) == 1
    # A short title was not wrapped: the line below it is the slide's text (a table's header).
    rows = ["開示情報は、ケースバイケース", "申請者（開示）パートの例", ""]
    lines = [Line(n, text, kind="body" if text else "blank", raw=text) for n, text in enumerate(rows, 1)]
    assert text_title_rest(lines, 0) is None


def test_a_heading_read_whole_keeps_the_id_published_for_its_cut_title():
    published = "第2章AI を活用した…戦略： > ○利活用の促進"
    assert completes("第2章AI を活用した…戦略：急速な環境変化 > ○利活用の促進", published)
    assert not completes("第2章 別の章", "第2章AI を活用した…戦略：")
    assert not completes("1．総論", "1．総論")  # the same heading is matched as such, not as completed


# -- where a slide starts and which lines are its title (asked line by line by the structure step) --


def text_deck(*rows: str) -> list[Line]:
    """pdftotext's lines of a deck: "" a blank line, "\f…" a page's first line (its form feed kept in
    ``raw``, as the reader leaves it; the structure step strips it from the text)."""
    return [Line(n, row.lstrip("\f"), kind="body" if row.strip("\f") else "blank", raw=row)
            for n, row in enumerate(rows, 1)]


def test_in_a_text_deck_a_slide_starts_after_a_form_feed_or_without_them_after_three_blank_lines():
    lines = text_deck("\fデジタル社会の実現に向けた重点計画", "", "令和5年6月9日", "", "", "", "\f１．基本的な考え方",
                      "・誰一人取り残されない", "", "", "", "・デジタル化の恩恵")
    assert after_form_feed(lines[0]) and not after_form_feed(lines[2])
    assert starts_slide(lines, 0, form_feeds=True)
    assert not starts_slide(lines, 2, form_feeds=True)
    assert starts_slide(lines, 6, form_feeds=True) and slide_end(lines, 0, form_feeds=True) == 6
    # Where the text has form feeds, blank lines do not start a slide; where it has none, three do.
    assert not starts_slide(lines, 11, form_feeds=True)
    assert starts_slide(lines, 11, form_feeds=False)
    assert slide_end(lines, 6, form_feeds=True) == len(lines)


def test_in_a_pdf_deck_a_slide_starts_with_its_pages_first_body_line():
    lines = [
        placed(1, "3", x0=676, x1=703, top=20, size=12, kind="page-number"),
        placed(2, "MF制度の概要", x0=35, x1=400, top=40, size=32),
        placed(3, "原薬等登録原簿に登録する", x0=67, x1=600, top=147, size=24),
        placed(4, "MF登録の流れ", x0=35, x1=400, top=40, size=32, page=3),
    ]
    assert [starts_slide(lines, index, form_feeds=False) for index in range(4)] == [True, True, False, True]
    assert slide_end(lines, 1, form_feeds=False) == 3


def cues(named: frozenset[int] = frozenset(), deck: DeckGeometry | None = None) -> SlideCues:
    return SlideCues(form_feeds=True, named=named, deck=deck, width=86)


def test_a_text_slides_title_is_its_title_like_first_line_not_a_numbered_one_nor_a_date():
    lines = text_deck("\f政府情報システムの現状", "・約1,000のシステムが各府省に分散", "\f１．クラウド移行の方針",
                      "・ガバメントクラウドを原則とする", "\f令和5年6月9日", "デジタル庁")
    assert slide_title(lines, 0, cues()) == [0]
    assert slide_title(lines, 2, cues()) == []  # numbered: a heading by its number, not as a slide's title
    assert slide_title(lines, 4, cues()) == []  # a cover's date


def test_a_title_the_catalog_names_within_the_slide_is_its_title_with_the_lines_of_its_block():
    lines = text_deck("\f資料２", "ガバメントクラウドの", "整備方針", "", "・共通基盤として整備する")
    assert slide_title(lines, 0, cues(named=frozenset({2}))) == [1, 2]
    assert named_slide_title(lines[1], frozenset({2}))
    tabbed = Line(7, "項目\t内容", raw="項目\t内容")
    assert not named_slide_title(tabbed, frozenset({7}))  # a row of a table, whatever the hint says


def test_a_pdf_slides_title_is_found_by_its_type_from_where_the_slide_starts():
    slide = [
        placed(9, "原薬等登録原簿（マスターファイル）制度", x0=35, x1=646, top=40, size=36),
        placed(10, "原薬等の製造業者が、その製造方法、製造管理、", x0=67, x1=652, top=147, size=28),
        placed(11, "品質管理に関するノウハウを含む情報を、製剤の", x0=67, x1=646, top=197, size=28),
    ]
    earlier = placed(8, "前の頁の本文", x0=67, x1=652, top=147, size=28, page=1)
    assert slide_title([earlier, *slide], 1, cues(deck=DECK)) == [1]


def test_a_slides_title_lines_are_one_heading_of_the_rank_given():
    lines = text_deck("\fガバメントクラウドの", "整備方針", "")
    assert slide_title_heading(lines, [0, 1], 40) == Heading("ガバメントクラウドの整備方針", 40, "", SourceSpan(1, 2))


# -- the seeds: slide titles found and their text under them ----------------------------------


@functools.cache
def seed(doc_id: str):
    entry = next(item for e in load_catalog(SOURCES) for item in (e.parts or [e]) if item.meta.id == doc_id)
    return build_document(entry, SOURCES)


@pytest.mark.parametrize("doc_id", ["data-distribution-wg-2019", "dfft-data-strategy-2021", "ai-white-paper-2024"])
def test_every_slide_title_of_a_seed_deck_is_a_heading(doc_id: str) -> None:
    document = seed(doc_id)
    score = compare(load_reference(OUTLINES / f"{doc_id}.yml"), document_outline(document))
    assert [h.text for h in score.missed] == []
    assert document_report(document).conserved


def test_the_slide_annexes_of_the_ai_white_paper_are_sections_of_their_own():
    # 別紙1-4 of ai-white-paper-2024 (lines 7795-8432): a meeting table and five slides, each under its title.
    titles = [fold(s.title) for s in seed("ai-white-paper-2024").all_sections()]
    for title in ("AIホワイトペーパー2024の骨格", "計算資源の全体像", "責任あるAI推進基本法（仮）の骨子"):
        assert fold(title) in titles


# -- the corpus: a deck and a handout ---------------------------------------------------------


@functools.cache
def corpus_pdf(doc_id: str):
    path = CORPUS / f"{doc_id}.pdf"
    if not path.is_file():
        pytest.skip(f"{path} is absent (development corpus not checked out)")
    return corpus_document(doc_id, kind="slides")  # shared with the other files (conftest)


def test_a_decks_slide_titles_drawn_in_boxes_are_found():
    # pmda-mf-system-slides pp. 10-14: each title set in 28-36 pt inside a drawn bar at the top.
    document = corpus_pdf("pmda-mf-system-slides")
    score = compare(load_reference(OUTLINES / "pmda-mf-system-slides.yml"), document_outline(document))
    assert [h.text for h in score.missed] == []
    titles = [s.title for s in document.all_sections()]
    assert titles.count("原薬等登録原簿（マスターファイル）制度") == 3  # pp. 10, 11, 12
    assert "独立行政法人医薬品医療機器総合機構" not in titles  # the cover's issuer (p. 1)
    assert "申請者" not in titles  # a diagram's box label (pp. 5, 16, 17)


def test_a_handouts_cover_and_slide_numbers_are_no_headings():
    # mext-genai-interim-guideline-2023: p. 1 is the cover (title over two lines, date, issuer);
    # every slide prints 「n/24」 at its foot; the cover prints no number, p. 2 prints 「1/24」.
    document = corpus_pdf("mext-genai-interim-guideline-2023")
    titles = [f"{s.number}{s.title}" for s in document.all_sections()]
    assert not any(title.endswith("/24") for title in titles), titles
    cover = ("令和5年7月4日", "初等中等教育局", "暫定的なガイドライン")
    assert not any(word in title for title in titles for word in cover), titles
    assert 1 not in document.page_labels and document.page_labels[2] == "1"
    assert cite_page(1, document.page_labels) == "PDF 1頁"
