"""What both readers share about a page's furniture (atlas.text.page_furniture): each rule on its
own, then through each reader: the text reader (clean.classify over pdftotext's text, pages apart by
form feeds) and the PDF reader (read_pdf._furniture over lines placed on their pages).

The inputs are shaped after the corpus: a compilation of correction notices whose parts each number
their pages from 1 again (mhlw-shinryo-kaitei-teisei-2020), a handout printing 「N/24」 under each of
its two slides a sheet (mext-genai-interim-guideline-2023), a landscape deck (pmda-mf-system-slides),
a landscape table (moj-bl-mletr-comparison-16-3), a portrait form with little text a page
(mhlw-mf-cell-tissue-dossier-2013), a report's contents (ipa-vuln-partnership-guideline-2019).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from atlas.model.document import Line
from atlas.read import read_pdf as read_pdf_module
from atlas.text.clean import classify
from atlas.text.encoding import read_lines
from atlas.text.page_furniture import (
    FURNITURE_KINDS,
    PAGE_NUMBER_BY_FORM,
    PAGE_NUMBER_FORMS,
    SLIDE_PAGE_CHARS,
    exported_slides,
    holds_slides,
    mark_contents,
    numbers_of_a_total,
    offsets_in_step,
    slide_number_lines,
)
from conftest import ROOT

SENTENCE = "本ガイドラインは、脆弱性関連情報の適切な流通を図るため、関係者の行動を定める。"


# -- the PDF reader's input: lines placed on their pages -------------------------------------


def piece(page: int, text: str, top: float, size: float = 12.0, x0: float = 80.0) -> read_pdf_module._Piece:
    width = len(text) * size
    return read_pdf_module._Piece([], page, x0=x0, x1=x0 + width, top=top, bottom=top + size, size=size, text=text)


def body(page: int, lines: int = 6) -> list[read_pdf_module._Piece]:
    return [piece(page, SENTENCE, 100 + 14 * n) for n in range(lines)]


def pdf_kinds(pages: list[list[read_pdf_module._Piece]]) -> list[list[str | None]]:
    """Each piece's furniture kind (None: text), page by page, on portrait A4 pages."""
    kinds = read_pdf_module._furniture(pages, [(0.0, 842.0)] * len(pages), 12.0)
    return [[kinds.get(id(p)) for p in page] for page in pages]


# -- the text reader's input: pdftotext's pages ---------------------------------------------


def text_pages(pages: list[str]) -> list[Line]:
    return classify("\f".join(pages).split("\n"))


# -- page numbers keep step with the pages ---------------------------------------------------


def test_an_offset_two_pages_share_numbers_the_pages_and_each_part_of_a_compilation_keeps_its_own():
    # Cover unnumbered; 本文 pages 2-4 print 1-3; 別紙 pages 11-13 print 1-3 again.
    numbered = [(1, 2), (2, 3), (3, 4), (1, 11), (2, 12), (3, 13)]
    assert offsets_in_step(numbered) == {-1, -10}


def test_numbers_that_keep_step_with_no_other_page_are_text():
    # A table's column numbers 「1」 at the top of every page; a chart's 「120」.
    assert offsets_in_step([(1, 1), (1, 2), (1, 3), (120, 4)]) == set()


def test_a_page_printing_its_number_twice_is_one_pages_word():
    assert offsets_in_step([(7, 5), (7, 5)]) == set()  # head and foot of one page: no step seen
    assert offsets_in_step([(1, 1), (1, 1)]) == {0}  # a lone page numbered as its place


def test_a_lone_number_is_a_page_number_only_as_its_pages_place():
    assert offsets_in_step([(1, 1)]) == {0}
    assert offsets_in_step([(3, 1)]) == set()  # 「3」 at the edge of a one-page text: a value


def test_the_text_reader_takes_each_parts_numbering_of_a_compilation():
    part = [f"本文の{n}頁目である。\n\n{n}\n" for n in (1, 2, 3)]
    lines = text_pages(["表紙\n", *part, "別紙\n\n本文である。\n", *part])
    assert [(line.text, line.page) for line in lines if line.kind == "page-number"] == [
        ("1", 2), ("2", 3), ("3", 4), ("1", 6), ("2", 7), ("3", 8)]


def test_the_pdf_reader_takes_each_parts_numbering_of_a_compilation():
    # Page 1 a cover; pages 2-4 print 1-3 at the foot; page 5 unnumbered; pages 6-8 print 1-3 again.
    pages = [body(n) for n in range(8)]
    for n, number in ((1, 1), (2, 2), (3, 3), (5, 1), (6, 2), (7, 3)):
        pages[n].append(piece(n, f"- {number} -", 800, x0=285))
    kinds = pdf_kinds(pages)
    assert [page[-1] for page in kinds[1:4] + kinds[5:8]] == ["page-number"] * 6
    assert not any(kind for page in kinds for kind in page[:6])


def test_the_pdf_reader_takes_a_page_number_in_its_own_form_on_a_page_with_no_other_to_keep_step_with():
    # A one-page excerpt printing its place in the whole at its foot: 「- 12 -」 is a page number by its
    # form (as the text reader reads it), a bare 「12」 there is not (a value, a clause).
    assert pdf_kinds([[*body(0), piece(0, "- 12 -", 800, x0=285)]])[0][-1] == "page-number"
    assert pdf_kinds([[*body(0), piece(0, "12", 800, x0=285)]])[0][-1] is None
    assert [line.kind for line in text_pages(["本文である。\n\n- 12 -\n"]) if line.text] == ["body", "page-number"]


def test_the_pdf_reader_leaves_column_numbers_out_of_step_as_text():
    pages = [[piece(n, "1", 50, x0=300), *body(n)] for n in range(4)]
    assert [page[0] for page in pdf_kinds(pages)] == [None] * 4


# -- the forms a page number is printed in ---------------------------------------------------


@pytest.mark.parametrize("printed", ["- 12 -", "－9－", "―9―", "( 8 / 47 )", "Page-3", "Page 9", "page:4"])
def test_forms_that_say_page_number_themselves(printed):
    assert PAGE_NUMBER_BY_FORM.fullmatch(printed) and PAGE_NUMBER_FORMS.fullmatch(printed)


@pytest.mark.parametrize("printed", ["9", "(9)", "- 9", "9/12", "p. 9"])
def test_forms_that_are_page_numbers_only_where_a_page_number_stands(printed):
    assert PAGE_NUMBER_FORMS.fullmatch(printed) and not PAGE_NUMBER_BY_FORM.fullmatch(printed)


@pytest.mark.parametrize("text", ["1-1", "2-3-1", "第9回", "（9/11）", "2024"])
def test_section_numbers_dates_and_years_are_no_page_number_form(text):
    assert not PAGE_NUMBER_FORMS.fullmatch(text)


# -- 「N/M」 numbers of a total -----------------------------------------------------------------


def test_numbers_counting_up_to_a_total_that_stays_number_the_slides():
    handout = ["1/24", "本文", "2/24", "3/24", "本文", "5/24"]
    assert numbers_of_a_total(enumerate(handout)) == {0, 2, 3, 5}


def test_a_fraction_that_recurs_is_no_slide_number():
    # 「1/3」 in three cells of a table: the same total, but nothing counts up.
    assert numbers_of_a_total(enumerate(["1/3", "1/3", "1/3"])) == set()
    # The same number twice in a handout breaks the count: a deck numbers each slide once.
    assert numbers_of_a_total(enumerate(["1/24", "2/24", "2/24", "3/24"])) == set()


def test_dates_a_number_past_its_total_and_two_numbers_are_no_slide_numbers():
    assert numbers_of_a_total(enumerate(["7/31", "9/11", "10/22", "11/13"])) == set()  # a schedule
    assert numbers_of_a_total(enumerate(["22/24", "23/24", "25/24"])) == set()  # two are too few
    assert numbers_of_a_total(enumerate(["1/24", "2/24"])) == set()


def test_the_text_reader_marks_a_handouts_slide_numbers_wherever_they_stand():
    sheets = [f"スライド{n}の本文。\n\n{n}/6\n\nスライド{n + 1}の本文。\n\n{n + 1}/6\n" for n in (1, 3, 5)]
    lines = text_pages(sheets)
    assert [line.text for line in lines if line.kind == "page-number"] == [f"{n}/6" for n in range(1, 7)]
    assert slide_number_lines([Line(n, text) for n, text in enumerate(["1/3", "1/3", "1/3"], 1)]) == frozenset()


def test_the_pdf_reader_marks_a_handouts_slide_numbers_mid_sheet():
    # Two slides a sheet: the upper slide's 「N/6」 at mid-page, out of the head and foot bands.
    pages = []
    for n in range(3):
        pages.append([*body(n, 3), piece(n, f"{2 * n + 1}/6", 400, x0=500),
                      piece(n, SENTENCE, 450), piece(n, f"{2 * n + 2}/6", 780, x0=500)])
    kinds = pdf_kinds(pages)
    assert [page[3] for page in kinds] == [page[5] for page in kinds] == ["page-number"] * 3


# -- a slide deck ---------------------------------------------------------------------------


def deck(pages: int, chars: int) -> list[Line]:
    """One body line of ``chars`` characters on each page, numbered from 1."""
    return [Line(n, "あ" * chars, page=n) for n in range(1, pages + 1)]


def test_a_landscape_pdf_with_little_text_a_page_is_a_deck():
    assert holds_slides(deck(22, 106), landscape=True)  # a deck of title-and-bullet slides
    assert holds_slides(deck(2, 300), landscape=True)  # a short deck: its shape says enough
    assert not holds_slides(deck(11, 1517), landscape=True)  # a landscape comparison table


def test_a_portrait_pdf_is_never_a_deck_however_little_text_its_pages_hold():
    assert not holds_slides(deck(28, 520), landscape=False)  # a form with little text a page


def test_a_text_with_little_text_a_page_is_a_deck_from_four_pages_on():
    assert holds_slides(deck(11, 639))  # what pdftotext gives of a landscape report of slides
    assert not holds_slides(deck(16, 790))  # a report's sparse pages, over half a full page
    assert not holds_slides(deck(3, 100))  # three pages tell nothing either way
    assert not holds_slides([Line(n, "本文", page=0) for n in range(1, 30)])  # no page starts


def test_pages_without_text_do_not_thin_a_reports_pages():
    report = [*deck(6, SLIDE_PAGE_CHARS + 100), *[Line(100 + n, "", kind="blank", page=7 + n) for n in range(6)]]
    assert not holds_slides(report)
    assert not holds_slides(report, landscape=True)


# -- tables of contents ----------------------------------------------------------------------


def pdf_lines(texts: list[str], kinds: dict[int, str] | None = None) -> list[Line]:
    """Lines as the PDF reader hands them to mark_contents: body, with page numbers found by position."""
    return [Line(n, text, kind=(kinds or {}).get(n, "body" if text else "blank"), page=1)
            for n, text in enumerate(texts)]


def test_a_contents_with_leaders_numbers_alone_and_wrapped_titles_is_marked_whole():
    texts = ["目 次", "1.", "はじめに ............ 1", "2.", "脆弱性関連情報の取扱いに係る", "基本方針 ........ 3",
             "3. 用語の定義 ........ 5", "", "1. はじめに", "本ガイドラインは、関係者の行動を定める。"]
    marked = mark_contents(pdf_lines(texts))
    assert [line.kind for line in marked][:7] == ["toc"] * 7
    assert [line.kind for line in marked][8:] == ["body", "body"]


def test_an_entry_whose_leader_was_lost_between_two_entries_is_an_entry():
    texts = ["（３）概要 ........ 20", "（４）対象 24", "（５）体制 ........ 28"]
    assert [line.kind for line in mark_contents(pdf_lines(texts))] == ["toc"] * 3


def test_a_contents_without_leaders_is_known_by_its_title_and_rising_page_numbers():
    texts = ["目", "次", "第1章 総論 1", "第2章 各論 5", "第3章 結び 9", "第1章 総論", "本文である。"]
    assert [line.kind for line in mark_contents(pdf_lines(texts))] == ["toc"] * 5 + ["body"] * 2
    falling = ["目次", "第1章 総論 9", "第2章 各論 5", "第3章 結び 1"]
    assert [line.kind for line in mark_contents(pdf_lines(falling))] == ["body"] * 4


def test_the_word_目次_over_text_is_no_contents():
    assert [line.kind for line in mark_contents(pdf_lines(["目次", "この資料は三部からなる。"]))] == ["body", "body"]


def test_both_readers_mark_the_same_contents():
    texts = ["目 次", "1.", "はじめに ............ 1", "2. 概要 ............ 3", "", "1. はじめに", "本文である。"]
    from_text = [line.kind for line in classify(texts) if line.text]
    from_pdf = [line.kind for line in mark_contents(pdf_lines(texts)) if line.text]
    assert from_text == from_pdf == ["toc"] * 4 + ["body"] * 2


# -- the kinds of furniture -------------------------------------------------------------------


def test_every_kind_either_reader_gives_is_furniture_counted_as_such():
    lines = text_pages(["目次\nはじめに ........ 2\n概要 ........ 3\n結び ........ 4\n\n- 1 -\n",
                        "- -\n\n本文である。\n" + " " * 12 + "\n\n- 2 -\n"])
    text_kinds = {line.kind for line in lines} - {"body", "blank"}
    assert text_kinds == {"toc", "page-number", "slide-residue", "footnote-rule"}
    pages = [[*body(n), piece(n, str(n + 1), 800, x0=285), piece(n, "令和6年版", 20, x0=260),
              piece(n, "第", 300, x0=570), piece(n, "5", 320, x0=570)] for n in range(4)]
    # The head over every page recurs at its place; 「第」 and 「5」 at the page edge (a chapter tab
    # 「第」「5」「章」) stand outside the text column: a tab whether or not it recurs.
    pdf = [page[6:] for page in pdf_kinds(pages)]
    assert pdf == [["page-number", "running-header", "margin-tab", "margin-tab"]] * 4
    assert text_kinds | {kind for page in pdf for kind in page} <= set(FURNITURE_KINDS)


# -- on a real compilation (../shared/corpus; skipped when absent) ------------------------------

CORPUS = Path(os.environ.get("ATLAS_CORPUS", ROOT.parent / "shared" / "corpus"))
COMPILATION = "mhlw-shinryo-kaitei-teisei-2020"


@pytest.mark.skipif(not (CORPUS / f"{COMPILATION}.pdf").is_file(), reason="../shared/corpus is absent")
def test_both_readers_find_the_page_numbers_of_each_part_of_a_compilation():
    # Correction notices bound together, each numbered from its first page: read off the PDF, its
    # sheets 3-4 print 「- 2 -」「- 3 -」, sheets 11-13 (a table, 別紙7) 「1」「2」「3」 in small type,
    # sheets 17-18 「- 2 -」「- 3 -」 again.  A page is cited by the number it prints.
    pdf = read_pdf_module.read_pdf(CORPUS / f"{COMPILATION}.pdf")
    printed = {3: "2", 4: "3", 11: "1", 12: "2", 13: "3", 17: "2", 18: "3"}
    assert printed.items() <= pdf.page_labels.items()
    text = classify(read_lines(CORPUS / f"{COMPILATION}.txt"))
    dashed = {(line.page, line.text) for line in text if line.kind == "page-number" and line.text.startswith("-")}
    assert {(3, "- 2 -"), (4, "- 3 -"), (17, "- 2 -"), (18, "- 3 -")} <= dashed


def test_powerpoints_slide_bookmarks_say_the_pdf_is_a_deck():
    # PowerPoint names a slide's bookmark by its number where it reads no title: one a page.
    assert exported_slides(["スライド 1", "スライド 2", "スライド 3"], 3)
    assert exported_slides(["スライド番号 1", "スライド番号 2"], 2)
    assert exported_slides(["Slide 1", "Slide 2"], 2)
    # A report's bookmarks name its parts; bookmarks for some pages only say nothing.
    assert not exported_slides(["1．はじめに", "2．背景"], 2)
    assert not exported_slides(["スライド 1", "2．背景"], 2)
    assert not exported_slides(["スライド 1"], 3)
    assert not exported_slides([], 0)
