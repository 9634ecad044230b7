"""What a PDF page draws beyond its lines of text (issue 23): tables rebuilt from their rules,
printed page numbers, figures, vertical writing.

Each feature is checked on a PDF the test makes (tests/pdf_layout_samples.py; the expected texts
are the constants it was written with) and, where the shared corpus is present, on the real PDF
that showed the failure (expected values read off the PDF page by hand).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pdf_layout_samples as samples
import pytest
from PIL import Image

from atlas.check.report import document_report
from atlas.convert import convert
from atlas.model.document import (
    DELETED,
    Document,
    Figure,
    Line,
    ListBlock,
    Paragraph,
    Table,
    block_text,
    section_heading,
)
from atlas.model.walk import document_blocks
from atlas.read.page_labels import page_citation, printed_page_numbers
from atlas.read.pdf_source import read_source
from atlas.read.read_pdf import read_pdf, underlined_throughout
from atlas.read.tables_geometry import cell_of, merge_split_columns, rules_at, with_holes_as_cells
from atlas.read.vertical import column_text, reads_vertically, vertical_stacks
from atlas.text.normalize import normalize_chars, ordinary_forms
from conftest import ROOT, corpus_document

CATALOG = """documents:
  - id: sample
    title: 見本
    body: 見本省
    date: 2024-04-01
    kind: report
    source: sample.pdf
    summary: 見本。
"""
# ATLAS_CORPUS names the corpus when the project is checked out elsewhere (a git worktree).
CORPUS = Path(os.environ.get("ATLAS_CORPUS", ROOT.parent / "shared" / "corpus"))
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent (a fresh clone)")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return samples.write_layout_samples(tmp_path_factory.mktemp("layout-samples"))


@pytest.fixture(scope="module")
def converted(pdfs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Document]:
    """The document a whole conversion makes of a sample (once per sample)."""
    done: dict[str, Document] = {}

    def document(name: str) -> Document:
        if name not in done:
            root = tmp_path_factory.mktemp(name)
            src = root / "src"
            src.mkdir()
            (src / "sample.pdf").write_bytes(pdfs[name].read_bytes())
            (src / "catalog.yml").write_text(CATALOG, encoding="utf-8")
            [done[name]] = convert(src, root / "out")
        return done[name]

    return document


# corpus_document (conftest): each corpus PDF converted once per test process, shared with the other files.


def corpus_tables(doc_id: str) -> list[list[list[str]]]:
    return [block.rows for block in blocks_of(corpus_document(doc_id)) if isinstance(block, Table)]


def blocks_of(document: Document) -> list:
    return [*document.preamble, *(block for section in document.all_sections() for block in section.blocks)]


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------

def test_a_page_of_tables_under_one_line_titles_measures_its_column_by_the_tables(converted):
    # The second page's only lines of text are its heading and the record titles, each over a table
    # ruled to the column's edge: measured by those lines alone, the column would end where the longest
    # of them ends, and the heading, at body size, would read as a sentence run to the edge.
    document = converted("record-layout")
    headings = [section_heading(section) for section in document.all_sections()]
    assert headings == [*(heading for heading, _ in samples.RECORD_PARTS), samples.RECORD_HEADING,
                        *samples.RECORD_TITLES]  # the titles set in the heading face over the body's
    tables = [block for block in blocks_of(document) if isinstance(block, Table)]
    assert [table.rows for table in tables] == [samples.RECORD_ROWS] * len(samples.RECORD_TITLES)


def test_a_matrix_whose_header_is_ruled_finer_than_its_body_is_one_table(converted):
    document = converted("matrix")
    tables = [block for block in blocks_of(document) if isinstance(block, Table)]
    assert [table.rows for table in tables] == [samples.MATRIX_ROWS]
    # Not a column of single marks: no paragraph is one ◎ or ○.
    assert not [b.text for b in blocks_of(document) if isinstance(b, Paragraph) and len(b.text) <= 2]
    assert document_report(document).conserved


def test_the_columns_most_rows_span_are_merged_and_a_full_width_row_merges_nothing():
    # Fine columns at x = 0, 10, 20, 30: the header splits the first column in three.
    header = [(0, 0, 10, 5), (10, 0, 20, 5), (20, 0, 30, 5), (30, 0, 40, 5)]
    body = [(0, 5, 30, 10), None, None, (30, 5, 40, 10)]
    grid, texts = merge_split_columns([header, body, body], [["", "項目", "", "値"], ["甲", None, None, "1"],
                                                              ["乙", None, None, "2"]])
    assert texts == [["項目", "値"], ["甲", "1"], ["乙", "2"]]
    assert grid[0][0] == (0, 0, 30, 5)
    # Rows as wide as the table (a note under a group of cells) do not outvote the columns' rules.
    note = [(0, 5, 40, 10), None, None, None]
    pair = [(0, 10, 20, 15), None, (20, 10, 40, 15), None]
    _, texts = merge_split_columns([pair, note, note, note, pair],
                                   [["学校", None, "事例", None], ["説明", None, None, None]] * 2
                                   + [["学校", None, "事例", None]])
    assert [len(row) for row in texts] == [2] * 5


def test_a_character_in_a_hole_of_the_grid_goes_to_the_nearest_cell_of_its_column():
    # The finder missed the rule under the last cell of the first column: 「5.7」 stands below it.
    grid = [[(0, 0, 40, 20), (40, 0, 100, 20)], [(0, 20, 40, 40), (40, 20, 100, 60)]]
    char = {"x0": 10, "x1": 14, "top": 50, "bottom": 56}
    assert cell_of(char, grid) == (1, 0)
    assert cell_of({"x0": 120, "x1": 124, "top": 10, "bottom": 16}, grid) is None  # in no column


@needs_corpus
def test_a_real_matrix_of_marks_is_a_table():
    # jssec-smartphone-tablet-security-guideline-v2.pdf p. 11: 特性 × 従来の携帯電話/スマートフォン/PC with
    # ◎○△×, its header ruled in three sub-columns each (it used to be one mark a paragraph).
    tables = [b for b in blocks_of(corpus_document("jssec-smartphone-tablet-security-guideline-v2"))
              if isinstance(b, Table)]
    matrix = next(t for t in tables if t.rows[0] == ["特性", "従来の携帯電話", "スマートフォン", "PC"])
    assert matrix.rows[1] == ["携帯性", "◎", "◎", "△"]
    assert matrix.rows[-1] == ["柔軟性、パーソナライズ", "×", "◎", "◎"]


@pytest.mark.parametrize("name", ["wrapped-table", "inherited-media-box"])
def test_a_ruled_tables_rows_are_its_rules_not_its_lines_of_text(converted, name):
    # Cells of two lines are one cell each; the band painted as two grey fills (one a line) is one
    # row, not 「…区域の一」／「覧である」; 「乙県」, whose cell has no rule under it (the table goes on
    # overleaf), heads its own rows instead of joining 「甲県」; the corner cell's two labels, split by
    # a diagonal, stay apart (「区分 都道府県」).  The second PDF sets its page size once on the page
    # tree: its text must still stand in the cells its rules draw.
    document = converted(name)
    tables = [block for block in blocks_of(document) if isinstance(block, Table)]
    assert [table.rows for table in tables] == [samples.WRAPPED_ROWS]
    assert document_report(document).conserved


@pytest.mark.parametrize("name", ["spreadsheet", "spreadsheet-banded"])
def test_a_spreadsheets_tables_are_read_from_its_rules_and_its_numbered_lines_head_them(converted, name):
    # The sheet paints each of its rows white across its width and draws its rules as thin filled
    # rectangles: the white fills' sides are no rules (they made the two tables and the lines
    # between them one grid, 「２ 地区別…」 one of its rows).  Numbers set flush right a point and a
    # half before a rule, words flush left after it, stand in two cells; the second table's five
    # blank ruled rows do not make it "mostly empty".  The numbered lines over the tables head them,
    # the second's em space after its number read as a space.  Painted in white bands a row each
    # (the bands' sides seams of one colour), the sheet reads the same.
    document = converted(name)
    tables = [block for block in blocks_of(document) if isinstance(block, Table)]
    second = [*samples.SHEET_SECOND, ["", "", *samples.SHEET_TOTAL]]
    assert [table.rows for table in tables] == [samples.SHEET_FIRST, second]
    # The note set where no cell is drawn, under the table's left half, is one line, not cut at its rules.
    notes = [item.text for block in blocks_of(document) if isinstance(block, ListBlock) for item in block.items]
    assert samples.SHEET_HOLE_NOTE.removeprefix("※") in notes
    assert [section_heading(section) for section in document.all_sections()] == samples.SHEET_HEADINGS
    assert document_report(document).conserved


def test_a_form_printed_from_a_spreadsheet_reads_its_fields_as_lines_and_its_cells_as_tables(converted):
    # Excel prints each cell as a text of its own.  A date typed cell by cell after its field's
    # label (「策定日：平成」「30 年」「3 月」, far apart on one baseline) is one line, not a paragraph
    # each.  A number in small type with its unit in larger type at the cell's edge reads number
    # first (sorted by their tops the unit came first: 「人1,070」).  The template's plan table, most
    # rows a label with nothing entered, is a table (refused as "mostly empty", it was lines).  A
    # field ruled as a box one row high, its label letter-spaced across its cell, is a row of label
    # and value (its label fell apart: 「目」 a paragraph, 「標」 run into the value).  A box ruled for
    # text, its borders drawn twice each (eight shapes, as many as a diagram's), holding one word, is
    # no figure: the word is a paragraph.
    document = converted("excel-form")
    paragraphs = [normalize_chars(block.text).replace(" ", "") for block in blocks_of(document)
                  if isinstance(block, Paragraph)]
    assert samples.FORM_FIELD_TEXT.replace(" ", "") in paragraphs
    tables = [block.rows for block in blocks_of(document) if isinstance(block, Table)]
    assert tables == [samples.FORM_UNIT_ROWS, samples.FORM_PLAN, [samples.FORM_BOX_ROW]]
    assert samples.FORM_WRITTEN in paragraphs
    assert not [block for block in blocks_of(document) if isinstance(block, Figure)]
    assert document_report(document).conserved


def test_a_dashed_number_with_a_space_is_a_heading_under_its_printed_parent(converted):
    # 「1-1 構造形式」 (a dash and a space, no stop) under 「1．構造の概要」: read as no numbering, each was a
    # paragraph and its text ran on under 「1．」.  A short title spread over its box in the headings'
    # face (「1-2 床 版」) is a title, not letter-spaced debris.  「3-1 図に…」 in the body's face with
    # no 「3．」 open stays text.
    document = converted("dash-ladder")
    assert [(section.level, section_heading(section)) for section in document.all_sections()] == [
        (1, "1．構造の概要"), (2, "1-1 構造形式"), (2, "1-2 床 版"), (1, "2．基 礎"), (2, "2-1 杭の配置")]
    assert samples.DASH_FIGURE_LINE in [block.text for block in blocks_of(document) if isinstance(block, Paragraph)]
    assert document_report(document).conserved


def test_a_table_cut_by_the_pages_side_closes_its_last_column_there(converted):
    # A code list printed wider than the paper: the rows' rules run on to the page's right edge and
    # the last column's closing rule is off the page.  The finder found cells only between two
    # vertical rules: the names' column was no column, the list two columns of codes with the names
    # as loose lines.  The page's side closes the rows: three columns, the names beside their codes.
    document = converted("cut-sheet")
    tables = [block.rows for block in blocks_of(document) if isinstance(block, Table)]
    assert tables == [samples.CUT_ROWS]
    assert document_report(document).conserved


def test_words_struck_through_in_a_tables_cells_are_shown_struck_in_its_cells(converted, tmp_path_factory):
    # A correction notice's code list strikes out the codes it deletes and their names (見え消し).
    # Read into cells, the struck words were plain text: the page showed the deleted codes as
    # codes still listed.  Each is marked deleted in its cell and struck through in the written
    # table, the cells' text unchanged (searched and counted as before).
    document = converted("struck-sheet")
    [table] = [block for block in blocks_of(document) if isinstance(block, Table)]
    assert table.rows == samples.CUT_ROWS
    marked = [(mark.row, mark.column, table.rows[mark.row][mark.column][mark.link.offset:][:mark.link.length])
              for mark in table.links if mark.link.target == DELETED]
    assert marked == samples.CUT_STRUCK
    page = (site_folder(tmp_path_factory, "struck-sheet") / "documents" / "sample" / "index.md").read_text(
        encoding="utf-8")
    assert "<tr><td></td><td><del>710010002</del></td><td><del>保存容器（大型）一式</del></td></tr>" in page
    assert "<td>保存用の袋<del>（十枚入り）</del></td>" in page
    assert "<td>710010001</td><td>保存容器（小型）一式</td>" in page  # a row not struck stays plain
    assert document_report(document).conserved


def test_a_character_is_in_the_smallest_cell_round_it():
    # A label cell with no rule under it: the finder's cell for it runs down and across over its
    # neighbours (0–100 × 0–40), which it also finds; 「12/2」 at (60, 25) is its own cell's.
    grid = [[(0, 0, 100, 40), (50, 0, 100, 20)], [None, (50, 20, 100, 40)]]
    assert cell_of({"x0": 58, "x1": 62, "top": 22, "bottom": 28}, grid) == (1, 1)
    assert cell_of({"x0": 8, "x1": 12, "top": 22, "bottom": 28}, grid) == (0, 0)


def test_a_hole_under_the_last_cell_of_a_column_is_a_cell_of_its_own():
    # Column 0: 「甲」 spans rows 0–1, rows 2–3 have no cell (no rule under them at the page foot).
    grid = [[(0, 0, 40, 40), (40, 0, 100, 20)], [None, (40, 20, 100, 40)],
            [None, (40, 40, 100, 60)], [None, (40, 60, 100, 80)]]
    filled = with_holes_as_cells(grid)
    assert filled[2][0] == (0, 40, 40, 80) and filled[3][0] is None and filled[1][0] is None
    assert cell_of({"x0": 10, "x1": 14, "top": 66, "bottom": 72}, filled) == (2, 0)


def test_only_the_rules_drawn_where_a_line_stands_cut_it():
    # A header cell over two sub-columns: at its height no rule stands at x = 70.
    grid = [[(0, 0, 40, 20), (40, 0, 100, 20)], [None, (40, 20, 70, 40), (70, 20, 100, 40)]]
    assert rules_at(grid, 10) == {40}
    assert rules_at(grid, 30) == {40, 70}


@needs_corpus
@pytest.mark.parametrize(("doc_id", "rows"), [
    # meti p. 4 (its page size set on the page tree): the 適用区分 table, a row for each ruled row.
    ("meti-info-system-safety-standard-1997", [
        ["利用者区分", "不特定利用者", "特定企業内利用者", "特定部門内利用者"],
        ["情報システムの利用者", "・不特定の一般の者", "・情報システムを保有する企業に属する者",
         "・情報システムを保有する企業及び外部企業の特定部門に所属する者"]]),
    # jssec PDF p. 5, 表1: the header painted as a mosaic of dark fills, a diagonal corner cell.
    ("jssec-smartphone-tablet-security-guideline-v2", [
        ["利用目的 所有形態", "業務利用のみ", "業務利用と個人利用の兼用", "個人利用のみ"],
        ["法人所有", "○", "○", "対象外"]]),
    # mext-sti ch3 PDF p. 13 (media box from (66, 137), art in the bleed): 第1-3-7表.
    ("mext-sti-whitepaper-r6-ch3", [
        ["米国", "民間企業に安全性確保についての自主的な取組を約束させるとともに、2023年10月には大統領令を"
                "発表し、安全保障上重大なリスクをもたらし得ると考えられる基盤モデルに対しては一定の規制を課しながら"
                "も、民間企業や大学における積極的な研究開発を推進。また米国AI安全研究所（USAISI）を設立。"]]),
])
def test_real_ruled_tables_read_row_by_row(doc_id, rows):
    tables = corpus_tables(doc_id)
    assert any(table[:len(rows)] == rows for table in tables), [t[:2] for t in tables]


@needs_corpus
def test_real_band_rows_and_spanning_cells_stand_where_their_rules_put_them():
    # mext-genai-v2 PDF p. 27: each blue band is one row (「…例文リスト」 whole), the first one inside the table.
    cases = next(t for t in corpus_tables("mext-genai-guideline-v2-2024")
                 if any(row[0] == "大阪市立高殿小学校" for row in t))
    assert cases[0][0].startswith("情報モラル教育の一環として")
    assert any(row[0].endswith("単語リストや例文リストの作成に活用したりする") for row in cases)
    # mhlw-shinryo 別紙2 (PDF p. 7): 「岩手県」, its cell cut by the page foot, heads its own rows.
    regions = next(t for t in corpus_tables("mhlw-shinryo-kaitei-teisei-2020")
                   if t[0] == ["都道府県", "二次医療圏", "市町村"])
    assert ["青森県", "西北五地域", "五所川原市、つがる市、鯵ヶ沢町、深浦町、鶴田町、中泊町"] in regions
    assert ["岩手県", "岩手中部", "花巻市、北上市、遠野市、西和賀町"] in regions
    # meti PDF p. 11: a header cell over three sub-columns is the table's, not text above it.
    tables = corpus_tables("meti-info-system-safety-standard-1997")
    assert any(t[0][:3] == ["項目", "対策項目", "利用者区分による適用"] for t in tables)


@needs_corpus
def test_a_table_stays_whole_beside_a_chapter_tab_and_a_heading_alone_over_a_table_stays_a_heading():
    # mext-sti ch3 PDF p. 6: the chapter tab 「第」「3」「章」 in the margin, level with the UKRI table's
    # rows, cut it into three tables.
    ukri = [t for t in corpus_tables("mext-sti-whitepaper-r6-ch3") if t[0][0] == "大学名"]
    assert len(ukri) == 1 and len(ukri[0]) == 13  # the header and twelve universities, as printed
    assert ukri[0][-1] == ["エディンバラ大学", "バイオメディカル・イノベーション"]
    # meti PDF pp. 11, 13, 16: 「六　技術基準」 alone on its page above a table is still a part's heading.
    titles = [section.title for section in corpus_document("meti-info-system-safety-standard-1997").all_sections()]
    assert {"技術基準", "運用基準", "留意事項"} <= set(titles)


# ---------------------------------------------------------------------------
# Printed page numbers in citations
# ---------------------------------------------------------------------------

def test_sections_name_the_printed_page_and_link_the_pdf_sheet(converted, tmp_path_factory):
    document = converted("page-labels")
    assert document.page_labels == dict(enumerate(samples.LABELS, 1))
    out = next(path for path in tmp_path_factory.getbasetemp().glob("page-labels*/out")
               if (path / "documents" / "sample" / "index.md").is_file())
    page = (out / "documents" / "sample" / "index.md").read_text(encoding="utf-8")
    # 「1．手続の現状」 is printed page 1 on the PDF's third sheet; the link opens the sheet.
    assert "[p. 1（PDF 3頁）](../../sources/sample.pdf#page=3)" in page
    assert "[p. 2（PDF 4頁）](../../sources/sample.pdf#page=4)" in page
    assert "[p. ii（PDF 2頁）](../../sources/sample.pdf#page=2)" in page
    source_view = (out / "source-view" / "sample.md").read_text(encoding="utf-8")
    assert 'href="../../sources/sample.pdf#page=3">p. 1（PDF 3頁）</a>' in source_view


def test_without_page_labels_the_printed_page_numbers_found_are_cited():
    # Numbers printed at the foot of sheets 2, 3 and 5 (「- 1 -」…): sheet 4 prints none (a full-page
    # figure) but stands between two sheets that keep the same step, so it is page 3; the cover
    # (sheet 1) prints none and nothing is guessed for it.
    lines = [Line(n, text, kind="page-number", page=page)
             for n, (page, text) in enumerate([(2, "- 1 -"), (3, "- 2 -"), (5, "- 4 -")], 1)]
    lines.append(Line(4, "本文", page=4))
    assert printed_page_numbers(["", "", "", "", ""], lines) == {2: "1", 3: "2", 4: "3", 5: "4"}
    assert page_citation(4, "3") == "p. 3（PDF 4頁）"
    assert page_citation(7, "7") == page_citation(7, None) == "p. 7"


@needs_corpus
def test_a_white_paper_chapter_cites_the_pages_it_prints():
    # mext-sti-whitepaper-r6-ch3.pdf: its first sheet prints 「24」 at its foot (the white paper's page).
    document = corpus_document("mext-sti-whitepaper-r6-ch3")
    assert document.page_labels[1] == "24"
    assert document.page_labels[16] == "39"


# ---------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------

def site_folder(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    return next(path for path in tmp_path_factory.getbasetemp().glob(f"{name}*/out")
                if (path / "documents" / "sample" / "index.md").is_file())


def test_a_caption_set_inside_the_charts_frame_is_its_alternative_text(converted):
    # A chart whose 「図1 …」 stands among its labels, inside its frame (neither its first label nor
    # larger than the others): still the image's alternative text, and still kept in its text.
    document = converted("chart-caption-inside")
    figure = next(block for block in document_blocks(document) if isinstance(block, Figure))
    assert figure.alt == samples.CHART_CAPTION
    assert samples.CHART_CAPTION in figure.text.split("\n")


def test_a_chart_is_an_image_where_it_stood_with_its_words_kept_as_its_text(converted, tmp_path_factory):
    document = converted("chart")
    [section] = document.sections
    assert section.title == samples.CHART_HEADING.split("．", 1)[1]  # ticks and legend are no headings
    kinds = [type(block).__name__ for block in section.blocks]
    figure = next(block for block in section.blocks if isinstance(block, Figure))
    assert kinds.index("Figure") == 1  # after the paragraph that introduces it, before its caption
    assert figure.text.split("\n") == [samples.CHART_TICKS[0], *samples.CHART_LEGEND, *samples.CHART_TICKS[1:]]
    assert figure.alt == samples.CHART_CAPTION
    assert document_report(document).conserved  # its words are counted: nothing lost
    out = site_folder(tmp_path_factory, "chart")
    page = (out / "documents" / "sample" / "index.md").read_text(encoding="utf-8")
    width, height = figure.size
    assert f'![{figure.alt}](figures/p1-1.png){{: .atlas-figure loading="lazy" width="{width}" height="{height}" }}' \
        in page
    assert '<details class="atlas-figure-text"' in page and "<pre class=\"atlas-pre\">110.0\n個人" in page
    image = Image.open(out / "documents" / "sample" / figure.image)
    assert image.size == figure.size
    # The chart's region at 1.5 × 72 dpi: as wide as its frame (about 400 points), not the page.
    x0, top, x1, bottom = figure.box
    assert abs(image.size[0] - 1.5 * (x1 - x0 + 8)) <= 2 and abs(image.size[1] - 1.5 * (bottom - top + 8)) <= 2
    # It shows the chart: dark bars on white, not a blank crop.
    darkest, lightest = image.convert("L").getextrema()
    assert darkest < 50 and lightest > 240


def test_a_diagrams_labels_on_a_handout_sheet_are_its_text_not_headings(converted):
    # Two framed slides to a page: the frames (about half the sheet each) are no part of the
    # diagram, so its boxes and arrows make a figure of their own and its 12 pt labels, larger
    # than the slides' 9 pt text, stay its words instead of four headings.
    document = converted("handout")
    assert [section_heading(section) for section in document.all_sections()] == samples.HANDOUT_HEADINGS
    figure = next(block for block in document.sections[1].blocks if isinstance(block, Figure))
    assert figure.text.split("\n") == samples.DIAGRAM_LABELS
    assert document_report(document).conserved


def test_a_numbered_title_alone_in_a_drawn_label_box_heads_its_points(converted):
    # 「1．基本的考え方」 at the body's size and face, but alone in a box one line tall over its ・
    # points: a heading under （1）, not the first item of a list.  The highlighted lines below are
    # each boxed too, but the boxes are stacked a line apart and the text runs to their ends.
    document = converted("bars")
    [chapter] = document.sections
    [section] = chapter.children
    assert section_heading(section) == samples.BAR_HEADING
    assert [section_heading(child) for child in section.children] == samples.BAR_TITLES
    assert not any(child.children for child in section.children)
    assert document_report(document).conserved


def test_text_off_the_visible_page_is_no_part_of_it(pdfs):
    # An imposed sheet's slug line (the print file's name and time) stands outside the crop box, a
    # trim mark drawn through it: read, it became a paragraph with its words struck out.
    pages, _ = read_source(pdfs["heading-art"])
    for page in pages:
        text = "".join(char["text"] for char in page.chars)
        assert samples.ART_SLUG.split()[0] not in text
        assert not any(char.get("struck") for char in page.chars)


def _art_headings(document: Document) -> list[str]:
    return [" ".join(section_heading(section).split()) for section in document.all_sections()]


def test_a_section_title_on_a_bar_under_the_chapters_artwork_is_a_heading(converted):
    # The chapter's artwork (circles placed as one drawing) reaches over the end of the bar the
    # section's title is set on: clustered with the bar, the artwork's paths made one "figure" of
    # both, and the title was read as its label.
    document = converted("heading-art")
    assert _art_headings(document)[0] == " ".join(samples.ART_SECTION.split())


def test_a_heading_whose_number_is_in_a_disc_and_its_title_on_a_band_is_a_heading(converted):
    # A white paper's numbered heading: the number in a filled disc ringed by drawn arcs, the title
    # on a band as wide as the column placed as a drawing.  The band alone is a figure's share of
    # the page, and with the ring a cluster of shapes: the heading was read as a figure's label.
    document = converted("heading-art")
    assert _art_headings(document) == [" ".join(samples.ART_SECTION.split()),
                                       *(f"{number} {title}" for number, title in samples.ART_TITLES)]
    assert not any(isinstance(block, Figure) for block in blocks_of(document))
    assert document_report(document).conserved


def test_a_numbering_set_smaller_under_the_same_numbering_set_larger_is_one_rank_deeper(converted):
    # 「1 …」 at 16 pt over 「1 …」 at 13 pt: two ranks numbered alike, told apart on the page by type
    # (and artwork the text does not keep).  Read as one numbering, the inner 「1」 went back and was
    # text, its 「2」 a sibling of the outer 「1」, and the outer 「2」 a second 「2」, text too.  The smaller
    # starts again at 1 under each larger one: it nests one rank deeper.
    document = converted("two-size-numbers")
    [section] = document.sections
    assert " ".join(section_heading(section).split()) == " ".join(samples.TWO_SIZES_SECTION.split())
    outer = [(size, " ".join(title.split())) for size, title in samples.TWO_SIZES_TITLES]
    assert [" ".join(section_heading(child).split()) for child in section.children] == [
        title for size, title in outer if size == samples.TWO_SIZES_OUTER]
    assert [[" ".join(section_heading(inner).split()) for inner in child.children] for child in section.children] == [
        [title for _, title in outer[1:3]], [title for _, title in outer[4:6]]]
    assert document_report(document).conserved


def test_parenthesised_katakana_titles_nest_under_their_katakana_heading(converted):
    # 「（ア）…」 at the body's size in the headings' face, under 「ア …」 set the same: the rank under ア as
    # official documents number it.  No numbering scheme had the shape: each （ア） title was a one-line
    # paragraph, its text under the ア.
    document = converted("kana-ladder")
    [section] = document.sections
    [part] = section.children
    assert " ".join(section_heading(part).split()) == " ".join(samples.KANA_LADDER_TITLES[0][1].split())
    titles = [" ".join(title.split()) for _, title in samples.KANA_LADDER_TITLES[1:]]
    assert [" ".join(section_heading(kana).split()) for kana in part.children] == [titles[0], titles[3]]
    assert [[" ".join(section_heading(inner).split()) for inner in kana.children] for kana in part.children] == [
        titles[1:3], titles[4:6]]
    assert all(inner.blocks for kana in part.children for inner in kana.children)
    assert document_report(document).conserved


def test_note_marks_one_after_the_other_at_a_titles_end_are_each_the_titles_reference(converted):
    # 「…「サンプル計画」＊1＊2」: a title citing two notes.  Only a mark the title's closing brackets alone
    # follow was taken, so neither was: both stayed in the title and the notes had no reference.
    document = converted("title-notes")
    [section] = document.sections
    [titled] = section.children
    assert " ".join(section_heading(titled).split()) == " ".join(samples.TITLE_NOTES_TITLE.split())
    assert [ref.label for ref in titled.refs] == [label for label, _ in samples.TITLE_NOTES]
    assert document_report(document).conserved


def test_pictures_with_no_words_show_where_their_captions_name_them(converted, tmp_path_factory):
    # A survey's table and chart exported as images leave nothing in the text layer: before, only
    # 「【図表1 …】」 (taken for a heading at that) and 「図2 …」 stood over blank space.  Each caption
    # now has its picture: the two images stacked under the bracketed caption as one figure after
    # it, the image over 「図2 …」 before it; no words are invented for them.
    document = converted("pictures")
    [section] = document.sections
    assert section_heading(section) == samples.PICTURES_HEADING  # the bracketed caption is no heading
    blocks = section.blocks
    texts = [block.text for block in blocks]
    above = texts.index(samples.PICTURES_CAPTION_ABOVE)
    below = texts.index(samples.PICTURES_CAPTION_BELOW)
    first, second = blocks[above + 1], blocks[below - 1]
    assert isinstance(first, Figure) and isinstance(second, Figure)
    assert (first.alt, first.text, second.alt, second.text) == \
        (samples.PICTURES_CAPTION_ABOVE, "", samples.PICTURES_CAPTION_BELOW, "")
    assert sum(isinstance(block, Figure) for block in blocks) == 2
    # Both pictures under the first caption are one figure: its box is as tall as the two together.
    assert abs((first.box[3] - first.box[1]) - sum(samples.PICTURE_HEIGHTS)) <= 2
    assert document_report(document).conserved
    out = site_folder(tmp_path_factory, "pictures")
    page = (out / "documents" / "sample" / "index.md").read_text(encoding="utf-8")
    assert f"![{samples.PICTURES_CAPTION_ABOVE}](figures/p1-1.png)" in page
    assert "atlas-figure-text" not in page  # no empty 「図中の文字」 under a picture with no words
    image = Image.open(out / "documents" / "sample" / first.image)
    assert image.size == first.size and image.convert("L").getextrema()[0] < 50


def test_a_figure_its_labels_show_is_not_drawn_again_for_its_caption(converted):
    # The chart over 「図1 …」 is a figure by its labels already: its caption adds no second picture.
    # (A ruled table under its 「表1」 caption stays a table alone: test_pdf_reader's
    # test_a_ruled_table_is_a_table_under_its_caption.)
    assert sum(isinstance(block, Figure) for block in blocks_of(converted("chart"))) == 1


def test_a_marked_caption_is_a_caption_however_wide_and_wrapped_over_its_picture(converted):
    # 「■第2-1-1図／…」 set across both columns is wider than a column: it was read as a list item
    # the ■ bulleted (「- 第2-1-1図／…」).  「■第2-1-2図／…実験シス」 / 「テム」, centred in its column,
    # kept 「テム」 as a paragraph of its own, which stood between the caption and its picture, so the
    # picture was never placed.  Both are captions now, each with its picture after it.
    blocks = blocks_of(converted("captions"))
    texts = [getattr(block, "text", None) for block in blocks]
    wrapped = "".join(samples.CAPTION_WRAPPED)
    assert samples.CAPTION_ACROSS in texts and wrapped in texts
    assert "テム" not in texts
    for caption in (samples.CAPTION_ACROSS, wrapped):
        block = blocks[texts.index(caption)]
        assert isinstance(block, Paragraph) and block.kind == "caption"
        figure = blocks[texts.index(caption) + 1]
        assert isinstance(figure, Figure) and figure.alt == caption and figure.text == ""
    assert not any(isinstance(block, ListBlock) for block in blocks)
    # The body text beside and under the captions stays the body's.
    assert any(block.text == samples.CAPTIONS_RIGHT for block in blocks)
    assert document_report(converted("captions")).conserved


def test_short_columns_under_a_captioned_figure_read_column_by_column(converted):
    # Five lines in each column and the figure's caption across both: the caption was one line in
    # six crossing the gutter, more than the tenth allowed, so no gutter was found and the columns
    # were read line by line across the page, a left line and a right line joined on each baseline.
    texts = [getattr(block, "text", None) for block in blocks_of(converted("short-columns"))]
    assert samples.SHORT_COLUMNS_TEXT in texts
    assert samples.CAPTION_ACROSS in texts


def test_a_marked_title_at_body_size_is_a_title_like_its_siblings(converted):
    # A white paper heads its examples with ● titles in a larger Gothic; one of them is set at the
    # body's size, set in by a paragraph's indent, and fills its column.  Alone it reads as a line
    # running to the edge: it was taken for a list item joined with the paragraph under it.  Its
    # mark titles three other parts and it stands as they do: it is a title of theirs.
    document = converted("marked-titles")
    [section] = document.sections
    titles = [title for title, _ in samples.MARKED_DISPLAY] + [samples.MARKED_BODY_SIZE[0]]
    assert [section_heading(sub) for sub in section.children] == titles
    last = section.children[-1]
    assert [block.text for block in last.blocks] == [samples.MARKED_BODY_SIZE[1]]
    assert document_report(document).conserved


def test_circled_titles_set_in_the_heading_face_over_bullets_are_sub_headings(converted):
    # A survey report heads each finding 「①…」 in the heading face at the body's size, its text a few
    # ●-bulleted sentences.  Read as a list that ① began, the titles ran into their bullets and the
    # report's second level vanished from the outline.
    document = converted("circled-titles")
    [section] = document.sections
    assert section_heading(section) == samples.CIRCLED_PART
    assert [(sub.number, sub.title) for sub in section.children] == [
        (title[0], title[1:]) for title, _ in samples.CIRCLED_TITLES]
    for sub, (_, bullets) in zip(section.children, samples.CIRCLED_TITLES, strict=True):
        assert [item.text for block in sub.blocks for item in block.items] == [b[1:] for b in bullets]
    assert document_report(document).conserved


def test_underlined_circled_titles_over_deeper_bullets_are_sub_headings(converted):
    # A word processor's guideline marks its 「① …」 titles by an underline alone (the body's face and
    # size), each over points bulleted a level deeper that end in no 。: read as one flat list, the
    # titles ran into their points and the part's second level was lost; a part's single ① title,
    # taken for a figure's label, too (and one left at a page's foot, its points on the next page).
    # The same lines without the underline are a list whose items have sub-points, as before.
    document = converted("underlined-titles")
    [titled, listed, alone, _] = document.sections
    for part, (heading, _, titles) in ((titled, samples.UNDERLINED_PARTS[0]), (alone, samples.UNDERLINED_PARTS[2])):
        assert section_heading(part) == heading
        assert [f"{sub.number} {sub.title}" for sub in part.children] == [title for title, _ in titles]
        for sub, (_, points) in zip(part.children, titles, strict=True):
            assert [item.text for block in sub.blocks for item in block.items] == points
    assert section_heading(listed) == samples.UNDERLINED_PARTS[1][0] and not listed.children
    assert document_report(document).conserved


def test_bulleted_titles_set_apart_nest_by_their_list_level(converted):
    # The guideline's later parts rank by the word processor's list levels: a stage bulleted at the
    # first level in the heading face, titles a level deeper underlined, their points deeper still
    # with no 。.  All bullets read alike (「・」): the stages and titles were one list of points.
    document = converted("list-level-titles")
    [part, after] = document.sections
    # A point bolded alone at its level, and a row 「①… ②… ③…」 in bold, over bullets: no titles.
    assert section_heading(after) == samples.LEVELS_AFTER and not after.children
    assert section_heading(part) == samples.LEVELS_PART
    # (the remarks, set larger than the body after the stages, are the stages' sibling)
    assert [section_heading(stage) for stage in part.children] == [
        *(stage for stage, _ in samples.LEVELS_STAGES), samples.LEVELS_REMARKS]
    for stage, (_, titles) in zip(part.children, samples.LEVELS_STAGES, strict=False):
        assert [section_heading(title) for title in stage.children] == [title for title, _ in titles]
        for title, (_, points) in zip(stage.children, titles, strict=True):
            assert [item.text for block in title.blocks for item in block.items] == points
    assert document_report(document).conserved


def test_a_line_is_underlined_as_a_title_only_from_its_words_to_its_end_and_never_as_a_link():
    def chars(text: str, underlined: str) -> list[dict]:
        return [{"text": ch, "underlined": flag == "u"} for ch, flag in zip(text, underlined, strict=True)]

    assert underlined_throughout(chars("① 見本の題", "  uuuu"))  # the number left out
    assert underlined_throughout(chars("見本の題12", "uuuu  "))  # a note's mark after it
    assert not underlined_throughout(chars("見本の題です", "uuu   "))  # words underlined in a line
    assert not underlined_throughout(chars("https://example.jp/a", "u" * 20))  # a link


def test_a_caption_on_the_next_page_names_no_figure_that_ended_this_page(converted):
    # A chart closing a page, captioned inside its own frame (or not at all), was given as its
    # alternative text the caption that opens the next page, 「表2 …」: a screen reader announced the
    # wrong figure.  That caption names only the picture under it.
    figures = [block for block in blocks_of(converted("caption-next-page")) if isinstance(block, Figure)]
    assert [(figure.page, figure.alt == samples.NEXT_PAGE_CAPTION) for figure in figures] == [(1, False), (2, True)]


def test_notes_set_apart_by_their_qr_codes_are_one_run_of_notes_linked_to_their_marks(converted):
    # White papers print a QR code under each note's address, so the notes stand far apart: only
    # the last was read as a note, the others as numbered headings (「1 産業技術総合研究所…」) in
    # the text.  And notes at the foot of the first column come before the second column in
    # reading order, so a mark there (「…センター2を設け」) stood after its note and was never linked.
    document = converted("qr-notes")
    assert [section_heading(section) for section in document.all_sections()] == [samples.QR_HEADING]
    assert [(note.label, note.text.split("https")[0]) for note in document.footnotes] == samples.QR_NOTES
    marks = [ref.label for block in blocks_of(document) if isinstance(block, Paragraph) for ref in block.refs]
    assert marks == ["1", "2", "3"]
    assert document_report(document).conserved


def _short_chapter_notes(document: Document) -> set[tuple[str, str]]:
    return {(note.label, note.text) for note in document.footnotes}


def test_a_notes_address_set_across_the_gutter_stays_with_its_note(converted):
    # A white paper's notes run across both columns at the page foot.  A short note (a label and a
    # title) fell in the first column and was read with it, before the second column; its address,
    # hung under it across the gutter (page 1) or on its baseline beyond the gutter (page 2), was
    # read after the second column: the note lost its address and the address stood in the text as
    # a paragraph of its own.
    document = converted("short-chapter")
    notes = _short_chapter_notes(document)
    for label, title, address in (samples.CHAPTER_NOTE_HUNG, samples.CHAPTER_NOTE_BESIDE):
        assert (label, title + address) in notes, sorted(notes)
    paragraphs = [block.text for block in blocks_of(document) if isinstance(block, Paragraph)]
    assert not [text for text in paragraphs if "https" in text]
    assert document_report(document).conserved


def test_notes_set_apart_by_a_tall_qr_code_are_one_run_of_notes(converted):
    # A QR code printed under a note's address can stand taller than any spacing between notes
    # (six lines of the notes): the note above it was read as a numbered heading 「見本市立図書館…」
    # with its address as the section's text.  The picture's height is no gap between the notes.
    document = converted("short-chapter")
    assert [section_heading(section) for section in document.all_sections()] == [samples.CHAPTER_HEAD_READ]
    label, title, address = samples.CHAPTER_NOTE_QR
    assert (label, title + address) in _short_chapter_notes(document)


def test_a_figure_renders_to_the_same_bytes_every_time(pdfs, tmp_path):
    runs = []
    for n in range(2):
        src = tmp_path / f"src{n}"
        src.mkdir()
        (src / "sample.pdf").write_bytes(pdfs["chart"].read_bytes())
        (src / "catalog.yml").write_text(CATALOG, encoding="utf-8")
        convert(src, tmp_path / f"out{n}")
        runs.append((tmp_path / f"out{n}" / "documents" / "sample" / "figures" / "p1-1.png").read_bytes())
    assert runs[0] == runs[1] and runs[0][:8] == b"\x89PNG\r\n\x1a\n"


# ---------------------------------------------------------------------------
# Vertical writing
# ---------------------------------------------------------------------------

def test_a_vertical_page_is_read_column_by_column_right_to_left(pdfs, converted):
    lines = [line.text for line in read_pdf(pdfs["vertical"]).lines if line.kind == "body"]
    assert lines[0] == samples.VERTICAL_TITLE
    assert "".join(lines[1:]) == samples.VERTICAL_READ  # top to bottom, columns right to left
    document = converted("vertical")
    text = "".join(block.text for block in blocks_of(document) if isinstance(block, Paragraph))
    assert samples.VERTICAL_READ in text
    assert document_report(document).conserved


def test_vertical_presentation_forms_read_as_the_ordinary_characters():
    assert ordinary_forms("︵申請︶﹁届出﹂︑﹃様式﹄︒︙") == "（申請）「届出」、『様式』。…"
    assert ordinary_forms("︻重要︼︹注︺︽書名︾︿括弧﹀") == "【重要】〔注〕《書名》〈括弧〉"
    # Every vertical form of U+FE10–FE19 and U+FE30–FE48 (but the emphasis dots) has its ordinary form.
    forms = [chr(c) for c in [*range(0xFE10, 0xFE1A), *range(0xFE30, 0xFE45), 0xFE47, 0xFE48]]
    assert all(ordinary_forms(form) != form for form in forms)


def test_a_chapter_tab_down_the_margin_stays_out_of_the_line_it_shares_a_baseline_with(pdfs, converted):
    lines = read_pdf(pdfs["chapter-tab"]).lines
    body = [line.text for line in lines if line.kind == "body"]
    assert all("章" not in text for text in body), body  # not 「…機械が受け持つ取組が広がっており 章」
    assert "".join(body[:3]) == samples.TAB_TEXT  # the first page's lines, whole
    tabs = [line for line in lines if line.text == samples.TAB_READ]
    assert len(tabs) == 3 and all(line.kind != "body" for line in tabs), [(t.text, t.kind) for t in tabs]
    document = converted("chapter-tab")
    text = "".join(block.text for block in blocks_of(document) if isinstance(block, Paragraph))
    assert samples.TAB_TEXT in text and "章" not in text
    assert document_report(document).conserved


def test_horizontal_lines_make_no_vertical_stacks(pdfs):
    # Lines set apart by their leading, and a ○-matrix's one-character cells, are no stacks.
    for name in ("matrix", "chart", "page-labels", "handout"):
        pages, _ = read_source(pdfs[name])
        assert not any(vertical_stacks([c for c in page.chars if c["upright"]])[0] for page in pages), name


def test_a_vertical_side_title_beside_a_column_of_body_text_is_one_line(pdfs, converted):
    # A newsletter's side title set down the page in display type, a space from the ends of the
    # body's lines: taken as sharing the body's lines it was cut into single characters standing
    # as headings, and its other characters ended the body's lines.
    pages, _ = read_source(pdfs["side-title"])
    stacks, _ = vertical_stacks([c for c in pages[0].chars if c["upright"]])
    assert [column_text(stack) for stack in stacks] == [samples.SIDE_TITLE]
    document = converted("side-title")
    texts = [block.text.replace(" ", "") for block in blocks_of(document) if isinstance(block, Paragraph)]
    # The title is the text's label, kept apart: no heading (it labels no part of the text, and as
    # one it cut the body's first sentence after its first line), and a paragraph of its own read
    # before the body it stands beside, whose paragraph stays whole.
    assert texts == [samples.SIDE_TITLE, samples.SIDE_BODY]
    assert not list(document.all_sections())
    assert document_report(document).conserved


def test_a_vertical_title_whose_boxes_are_its_ink_is_one_stack():
    # PDFium gives a character the box of its ink where the font's ascent and descent are missing:
    # a centred 「・」 is a third of an em tall, and a kana a little shorter than a kanji.  Set at a
    # pitch of its size, the column's characters are gaps of a third of an em apart around the 「・」:
    # judged box to box the title was cut there (「健康」 / 「・福祉…」).
    size, pitch = 14.0, 14.5
    chars = []
    column = [("町", 13.0), ("民", 13.0), ("・", 5.0), ("広", 13.0), ("場", 13.0), ("の", 11.5)]
    for k, (text, ink) in enumerate(column):
        middle = 100.0 + k * pitch + size / 2
        chars.append({"text": text, "x0": 300.0, "x1": 300.0 + size, "top": middle - ink / 2,
                      "bottom": middle + ink / 2, "size": size, "upright": True})
    stacks, rest = vertical_stacks(chars)
    assert [column_text(stack) for stack in stacks] == ["町民・広場の"] and not rest


def test_horizontal_pages_are_not_taken_for_vertical_ones(pdfs):
    # Japanese set on a grid: the characters of consecutive lines stand one above the other, but
    # each line's characters touch while the lines are set apart.
    for name in ("matrix", "chart", "page-labels"):
        pages, _ = read_source(pdfs[name])
        assert not any(reads_vertically([c for c in page.chars if c["upright"]]) for page in pages), name


@needs_corpus
def test_a_handout_sheets_chart_labels_are_its_figures_text_and_its_boxes_no_footnotes():
    # mext-genai-interim-guideline-2023: two framed slides to an A4 sheet.  p. 6's lower slide (a
    # chart and two diagrams) gave five headings of its labels (「H22 H23 … R4」「フィルターバブル現象」);
    # p. 4's numbered boxes (「１．適切でないと考えられる例」 over its ①… points, set smaller than the
    # document's body because the slide is scaled to fit) were read as the sheet's footnotes.
    document = corpus_document("mext-genai-interim-guideline-2023")
    headings = [section_heading(section) for section in document.all_sections()]
    for label in ("ビッグデータ", "子供のスマートフォン所有率の推移", "フィルターバブル現象", "エコーチェンバー現象"):
        assert label not in headings
        assert any(label in block.text for block in blocks_of(document) if isinstance(block, Figure | Paragraph))
    assert not any(heading.startswith("H22") for heading in headings)
    assert "1．適切でないと考えられる例" in headings and "2．活用が考えられる例" in headings
    assert "1．GIGAスクール構想の端末利活用の加速" in headings
    assert "1．基本的考え方" in headings  # p. 9: body type, but alone in a drawn label box
    assert not any(note.text.startswith("適切でない") for note in document.footnotes)
    # p. 7: a figure without a caption takes its title from its label box at its top
    assert any(block.alt == "校務での活用例" for block in blocks_of(document) if isinstance(block, Figure))
    assert document_report(document).conserved


def test_a_marked_name_under_a_columns_label_is_the_columns_not_a_title_of_the_section(converted):
    # A white paper heads a section's parts with ● titles in its heading face; a column set inside
    # the section opens with its label and the interviewee's name after a ● in the same face.  The
    # name was taken for the next ● title of the section: the column's label an empty section, the
    # name in the section's table of contents.  It is the column's: it nests under the label, and
    # the ● title after the column is the section's again.  The column, a box set inside the
    # section, is a sibling of the section's ● titles, not a part of the one printed before it.
    document = converted("boxed-column")
    [section] = document.sections
    assert section_heading(section) == samples.COLUMN_SECTION
    titles = [title for title, _ in samples.COLUMN_MARKED_BEFORE]
    cut_title = samples.COLUMN_MARKED_CUT[0] + samples.COLUMN_MARKED_CUT[1]
    assert [section_heading(child) for child in section.children] == [
        *titles, samples.COLUMN_LABEL, samples.COLUMN_MARKED_AFTER[0], cut_title]
    column = section.children[len(titles)]
    assert [section_heading(child) for child in column.children] == [samples.COLUMN_PERSON]
    person = column.children[0]
    assert samples.COLUMN_TEXT in [block.text for block in person.blocks]
    assert document_report(document).conserved


def test_a_marked_title_the_columns_edge_cuts_after_a_comma_is_one_title(converted):
    # 「●…「A、B、」 / 「C」」: the edge of the column cuts a ● title inside the name it quotes, after a
    # comma.  Its first line alone ends on a comma, so it was no marked line at all, and the title was
    # read as a list's item over its paragraph.  With its rest (which closes the bracket it opened) it
    # is a title like the section's other ● titles.
    [section] = converted("boxed-column").sections
    last = section.children[-1]
    assert section_heading(last) == samples.COLUMN_MARKED_CUT[0] + samples.COLUMN_MARKED_CUT[1]
    assert [block.text for block in last.blocks] == [samples.COLUMN_MARKED_CUT[2]]


def test_a_margin_column_of_notes_is_read_after_the_paragraphs_it_stands_beside(converted):
    # A design manual sets its source notes (「出典：[1.]」, the book, 「一部加筆」) in a narrow column past
    # a rule at the right, on the body's baselines, a character and a half from the body's last
    # character.  Read as whole baselines, each note was glued into the body's line beside it and
    # every sentence there was cut (「…段差や急な勾配を設けない 出典：[1.]」).  The body's paragraphs
    # are whole; each note's lines follow the paragraph whose first line they start beside.
    document = converted("side-notes")
    [section] = document.sections
    texts = [block.text for block in section.blocks]
    for paragraph in samples.SIDE_PARAGRAPHS:
        assert paragraph in texts
    body = [texts.index(paragraph) for paragraph in samples.SIDE_PARAGRAPHS]
    for paragraph, lines in samples.SIDE_NOTES:
        notes = [index for index, text in enumerate(texts) if lines[0] in text]
        assert len(notes) == 1
        assert body[paragraph] < notes[0] < (body[paragraph + 1] if paragraph + 1 < len(body) else len(texts))
        assert "".join(texts[notes[0]:]).replace(" ", "").startswith("".join(lines).replace(" ", ""))
    assert document_report(document).conserved


def test_a_drafts_line_numbers_are_furniture_and_its_headings_and_sentences_are_whole(converted):
    # A council's draft printed with Word's line numbering: a column of small numbers in the left
    # margin, one on each line's baseline (blank lines too), 1, 2, 3 … from each page's top.  Read as
    # whole baselines, every number was glued to its line: 「3 1．基本的な考え方」 was no heading, and a
    # paragraph's lines joined read 「…国の4 情報システム…」.  The numbers are set apart as furniture,
    # counted as page numbers are; the headings and the paragraphs are whole.
    document = converted("line-numbers")
    titles = [section_heading(section) for section in document.all_sections()]
    assert titles == [normalize_chars(heading) for heading in samples.DRAFT_HEADINGS]
    assert [[section_heading(child) for child in section.children] for section in document.sections] == [
        [normalize_chars(heading) for heading in samples.DRAFT_HEADINGS[1:3]], []]
    paragraphs = [block.text for block in blocks_of(document) if isinstance(block, Paragraph)]
    assert paragraphs == [samples.DRAFT_TITLE, *samples.DRAFT_PARAGRAPHS]
    report = document_report(document)
    assert report.dropped_lines["line-number"] == sum(1 for line in document.lines if line.kind == "line-number")
    assert [int(line.text) for line in document.lines if line.kind == "line-number" and line.page == 1] == \
        list(range(1, samples.DRAFT_LINES_PER_PAGE + 1))
    assert report.conserved


def test_a_tables_column_of_row_numbers_is_kept(converted):
    # A list of members set without rules: row numbers in a column of their own, each alone at the
    # start of its row a few characters before the name, going up by one, the list going on alone
    # over the next page.  That is how line numbers stand too, but inside the text column: the
    # heading and the lead-in start at (or left of) the numbers, and on the next page the numbers
    # stand where the document's text starts.  They are the list's words.
    document = converted("row-numbers")
    assert not [line for line in document.lines if line.kind == "line-number"]
    text = "\n".join(block_text(block) for block in blocks_of(document))
    for number, name in enumerate(samples.ROW_NAMES, 1):
        assert f"{number} {name}" in text
    assert document_report(document).conserved


def test_no_other_samples_numbers_are_taken_for_line_numbers(pdfs):
    # Numbered headings, lists, a statute's 項, tables' first columns, page numbers, chart ticks: the
    # text's numbers, or a page's, in every other layout the reader is tested on.
    for name, path in pdfs.items():
        if name != "line-numbers":
            assert not [line.text for line in read_pdf(path).lines if line.kind == "line-number"], name


def test_words_under_a_white_box_pasted_over_them_are_not_read(converted):
    # A correction pasted over the old words: a white box drawn over them, the new words painted on
    # it.  The old words are still in the text layer, and read with the new they interleaved
    # character by character (「令和56年410月1日」).  The page shows the box and the new words only.
    document = converted("pasted-correction")
    [section] = document.sections
    texts = [block.text for block in section.blocks]
    assert texts == [samples.PASTED_NEW, samples.PASTED_AFTER]
    assert document_report(document).conserved


def test_unnumbered_part_titles_opening_pages_head_the_numberings_under_them(converted):
    # A survey report in two parts with no number, each title opening a page in its headings' size,
    # straight over a numbering's first heading (Ⅰ．, （1））.  Ranked by its size, the first part was an
    # empty section beside Ⅰ and the second nested under the summary's last point Ⅱ.  Each heads its
    # numbering, and the two are siblings.
    document = converted("survey-parts")
    assert [section_heading(section) for section in document.sections] == [part for part, _ in samples.SURVEY_PARTS]
    for section, (_, headings) in zip(document.sections, samples.SURVEY_PARTS, strict=True):
        assert [section_heading(child) for child in section.children] == [heading for heading, _ in headings]
        assert [child.blocks[-1].text for child in section.children] == [text for _, text in headings]
    assert document_report(document).conserved


@needs_corpus
def test_a_white_papers_column_holds_its_name_line_beside_the_sections_marked_titles():
    # mext-sti-whitepaper-r6-ch3 p. 39 (PDF 16): 「コラム1-3」 over 「●江間有沙氏」 (the interviewee, in the face of
    # 第2節's ● titles), then after the column 「● 欧州評議会の「AI、人権、民主主義、」 / 「法の支配に関する
    # 枠組条約」」, cut after a comma.
    # Read against the page and the hand outline (tests/outlines/mext-sti-whitepaper-r6-ch3.yml).
    document = corpus_document("mext-sti-whitepaper-r6-ch3")
    section = next(section for section in document.all_sections() if section.title.startswith("AIに関する多国間"))
    children = [section_heading(child) for child in section.children]
    treaty = "● 欧州評議会の「AI、人権、民主主義、法の支配に関する枠組条約」"
    assert children[-3:] == ["● 国際連合", "コラム1-3", treaty]
    column = section.children[-2]
    assert [section_heading(child) for child in column.children] == ["●江間有沙氏"]


@needs_corpus
def test_titles_a_white_paper_marks_with_a_bullet_and_sets_in_its_heading_face_are_headings():
    # mext-sti-whitepaper-r6-ch3 pp. 13-15: 「● 経済開発協力機構（OECD）」 in 11 pt 華康ゴシック W5 over
    # 10.5 pt body text (the face's name is UTF-8 in the PDF: read as cp932 it was no Gothic face).
    document = corpus_document("mext-sti-whitepaper-r6-ch3")
    titles = {section_heading(section): section for section in document.all_sections()}
    for title in ("● 経済開発協力機構（OECD）", "● G7「広島AIプロセス」", "● 国際連合"):
        assert title in titles
    # its second line hangs under the words after the mark: still the title's
    assert any(title.startswith("● AIに関する国際連携イニシアティブ（GPAI") for title in titles)
    parent = next(section for section in document.all_sections() if section.title.startswith("AIに関する多国間"))
    assert "● 経済開発協力機構（OECD）" in [section_heading(child) for child in parent.children]
    assert not any("第1-3-3表" in title or "第1-3-5表" in title for title in titles)  # ■ captions stay captions


@needs_corpus
def test_a_figures_labels_at_the_page_foot_are_never_its_footnotes():
    # ipa-vuln-partnership-guideline-2019 p. 54: a table drawn as a figure fills the page; its
    # lower rows (「6.脆弱性公開ポリシーにおける考慮事項」…), set smaller than the body, were taken for
    # the page's notes and then for headings.
    document = corpus_document("ipa-vuln-partnership-guideline-2019")
    starts = ("6.脆弱性公開", "7.脆弱性情報")
    rows = [line for line in document.lines if line.page == 54 and line.text.startswith(starts)]
    assert rows and all(line.layout is not None and line.layout.role == "figure" for line in rows)
    headings = [section_heading(section) for section in document.all_sections()]
    assert not any(heading.replace(" ", "").startswith(starts) for heading in headings)


def test_a_chart_framed_with_its_table_of_numbers_is_one_figure_under_its_caption(converted):
    # A white paper's chart with a small ruled table of its numbers inside the frame, under a caption,
    # on a page whose banner art bleeds off the top: the banner's box, reaching over the chart's top,
    # took the chart's upper labels and put the banner into the figure's picture; the table was read
    # as a table of the page, cutting the chart's labels into two figures around it.
    document = converted("framed-chart")
    blocks = blocks_of(document)
    figures = [block for block in blocks if isinstance(block, Figure)]
    assert len(figures) == 1 and not any(isinstance(block, Table) for block in blocks)
    [figure] = figures
    assert figure.alt == samples.FRAMED_CAPTION
    assert figure.box[1] >= samples.FRAMED_TOP  # nothing above the caption: no banner art
    # The table's rows are the figure's text, each row read whole, under the table's title, after
    # the chart's labels.
    rows = [samples.FRAMED_TABLE_TITLE, *(f"{name} {value}" for name, value in samples.FRAMED_ROWS)]
    lines = figure.text.splitlines()
    assert lines[-len(rows):] == rows
    assert all(tick in lines for tick in samples.FRAMED_TICKS)
    texts = [getattr(block, "text", None) for block in blocks]
    assert samples.FRAMED_SOURCE in texts and samples.FRAMED_TEXT in texts
    assert document_report(document).conserved


def test_a_source_note_under_a_table_ends_at_its_line_end(converted):
    # 「資料：…を基に作成」, set small under a table, was joined to the page's next line, which opens with
    # a particle (「に、…」: the rest of a sentence begun before the table), as if the note went on.
    document = converted("note-under-table")
    texts = [getattr(block, "text", None) for block in blocks_of(document)]
    assert samples.NOTE_SOURCE in texts
    assert samples.NOTE_TEXT_AFTER in texts
    assert document_report(document).conserved


def test_a_frame_round_a_table_its_caption_and_note_is_no_figure(converted):
    # The frame drawn round a table, its caption and its source note was taken for a figure: the
    # caption and the note were its labels, and the frame was drawn again as a picture of the table.
    document = converted("framed-table")
    blocks = blocks_of(document)
    assert not any(isinstance(block, Figure) for block in blocks)
    texts = [getattr(block, "text", None) for block in blocks]
    caption = blocks[texts.index(samples.FRAMED_TABLE_CAPTION)]
    assert isinstance(caption, Paragraph) and caption.kind == "caption"
    [table] = [block for block in blocks if isinstance(block, Table)]
    assert [tuple(row) for row in table.rows] == samples.FRAMED_TABLE_ROWS
    assert samples.FRAMED_TABLE_SOURCE in texts
    assert document_report(document).conserved


def test_short_columns_under_a_running_head_read_as_one_paragraph(converted):
    # The running head set over the right column, a little left of its text, drew that column's left
    # edge: with five lines a column, every line of the column read as indented, and the paragraph
    # crossing from the left column was cut in two where it entered the right one.
    texts = [getattr(block, "text", None) for block in blocks_of(converted("short-columns-head"))]
    assert samples.SHORT_COLUMNS_TEXT in texts


def test_a_term_entrys_number_alone_over_a_long_glossed_title_in_the_headings_face_is_a_heading(converted):
    # A standard's term entry sets its number alone on a line and the term with its English gloss on the
    # next, both in the headings' face (「2.2」 / 「…，ERMS （electronic … operation）」, past 60 characters).
    # Past 60 characters the title was no title: the entry's definition went under the entry before.
    assert len(samples.TERM_ENTRIES[1][1]) > 60
    document = converted("term-entries")
    assert [(s.number, s.title) for s in document.all_sections()] == [
        (number, term) for number, term, _ in samples.TERM_ENTRIES]
    assert document_report(document).conserved


def test_a_forewords_title_wrapped_in_the_headings_face_over_its_first_number_heads_its_part(converted):
    # A foreword's title quoting the document's long name, set in the headings' face at the body's size
    # and wrapped over two lines at its page's top, over 「0.1」; then 「序文」 numbers its parts from 「0.1」
    # again.  Neither larger nor centred, the title was a paragraph and the foreword's 0.1, 0.2 stood
    # at the top level, beside 序文: the foreword heads its numbering, a sibling of 序文.
    document = converted("wrapped-foreword")
    title = "".join(samples.FOREWORD_TITLE_LINES)
    assert [(s.level, s.number, s.title) for s in document.all_sections()] == [
        (1, "", title), *[(2, *part.split(" ", 1)) for part, _ in samples.FOREWORD_PARTS],
        (1, "", "序文"), *[(2, *part.split(" ", 1)) for part, _ in samples.INTRODUCTION_PARTS]]
    assert document_report(document).conserved


def test_an_attachments_title_centred_over_two_lines_is_whole_and_its_questions_are_its_headings(converted):
    # A notice's Q&A attachment: 「（別添）」 flush right, its title centred over two lines, each （問N） over
    # its question and （答）.  The title kept only its first line (the second read as text), and the
    # questions were no headings: the whole Q&A was one section.
    document = converted("annex-qa")
    [annex] = [section for section in document.sections if section.children]
    assert annex.title.endswith("".join(samples.ANNEX_TITLE_LINES))
    assert [sub.title for sub in annex.children] == ["（問1）", "（問2）"]
    assert [block.text for block in annex.children[1].blocks][:2] == [samples.ANNEX_QUESTIONS[1][1], "（答）"]
    assert document_report(document).conserved


def test_a_numbered_title_past_sixty_characters_in_the_headings_face_is_a_heading(converted):
    # A review report names a trial in its section's title with the trial's identifiers and dates
    # (「7.1 国内第Ⅲ相試験（…試験、CTD …、実施期間 …）」, 62 characters), set bold like its other headings on
    # one line.  Past 60 characters it was no title: the section's text went under the chapter.
    assert len(samples.LONG_TITLED[1][0].split(" ", 1)[1]) > 60
    document = converted("long-numbered-title")
    assert [(s.number, s.title) for s in document.all_sections()] == [
        tuple(title.split(" ", 1)) for title, _ in samples.LONG_TITLED]
    assert document_report(document).conserved


def test_an_ordinances_captions_head_its_articles_whose_hanging_lines_stay_whole(converted):
    # A one-font ordinance: each article's caption on a line of its own over 「第N条　…」, the article and
    # its 項 hanging by one character, its 号 set in by one and hanging by two, 附則 closing it.  The
    # captions were text and every article and 項 was cut after its first printed line.  A 項 back at the
    # margin under an article whose last line ran to the edge with its 。 was read into the article, and a
    # caption longer than a label stayed text.
    document = converted("statute")
    captions = [caption for caption, _ in samples.STATUTE_ARTICLES]
    sections = document.all_sections()[:len(captions) + 1]
    assert [section_heading(section) for section in sections] == [*captions, samples.STATUTE_SUPPLEMENT]
    for section, (_, provisions) in zip(sections, samples.STATUTE_ARTICLES, strict=False):
        assert [block.text for block in section.blocks] == [normalize_chars(text) for _, text in provisions]
    # 「…周知して、」 / 「第１項の期間を…」: an article cited inside a sentence stays in it
    assert all(not section_heading(section).startswith("第") for section in sections)
    assert document_report(document).conserved


def test_a_statutes_annexes_labelled_after_its_supplement_are_its_headings(converted):
    # 「別表（第２条関係）」 and 「様式第１号（第３条関係）」, each on a line of its own at the top of its page
    # after the 附則: the statute's annexes, siblings of its articles and of one another.  They were text,
    # and captions a bare word's run also took nested one under another.
    document = converted("statute")
    labels = [normalize_chars(label) for label, _ in samples.STATUTE_ANNEXES]
    sections = document.all_sections()
    assert [section_heading(section) for section in sections][-len(labels) - 1:] == [
        samples.STATUTE_SUPPLEMENT, *labels]
    assert len({section.level for section in sections}) == 1
    assert document_report(document).conserved


def test_terms_of_use_supplement_and_reference_annex_stand_beside_articles_titled_on_their_line(converted):
    # Terms of use whose articles are titled on their number's line (「第１条　目的」, headings by their
    # numbering), then 附則 in the articles' type: the 附則 is the part beside the articles, never inside
    # the last one, and the 【参考】 printed after it is appended beside it, no part of the 附則.  Set a
    # size above the body, the 附則 nested in the last article, and 【参考】 in the 附則.
    document = converted("terms-of-use")
    sections = document.all_sections()
    headings = [(section.level, section_heading(section)) for section in sections]
    top = sections[0].level
    articles = [(top, normalize_chars(article).replace("\u3000", " ")) for article, _ in samples.TERMS_ARTICLES]
    assert headings[:len(articles) + 2] == [*articles, (top, samples.TERMS_SUPPLEMENT[0]), (top, samples.TERMS_ANNEX)]
    supplement = sections[len(articles)]
    assert [block_text(block) for block in supplement.blocks] == [normalize_chars(samples.TERMS_SUPPLEMENT[1])]
    assert document_report(document).conserved


def test_a_reference_annexs_topic_titles_head_their_blocks(converted):
    # The 【参考】 annex heads each block with its topic alone on its line (「「…」について」), in the annex's own
    # face and size, over an indented paragraph and points (the last one after a table's rows): titles of
    # the annex, siblings of one another.  They were paragraphs, their text run on under 【参考】.
    document = converted("terms-of-use")
    sections = document.all_sections()
    annex = next(section for section in sections if section_heading(section) == samples.TERMS_ANNEX)
    assert [(section.level, section_heading(section)) for section in annex.children] == [
        (annex.level + 1, normalize_chars(topic)) for topic, _, _, _ in samples.TERMS_TOPICS]
    first = annex.children[0]
    assert block_text(first.blocks[0]) == samples.TERMS_TOPICS[0][1]
    # (the table's rows stay the block before the third topic's, no part of the third)
    assert any("延長の回数" in block_text(block) for block in annex.children[1].blocks)
    # the articles titled on their line 「第２条　利用の登録について」 stay articles, no topic titles
    assert all(section.number for section in sections[:len(samples.TERMS_ARTICLES)])
    assert document_report(document).conserved


def test_a_grants_rules_annexes_without_their_article_are_headings_after_its_supplement(converted):
    # A 交付規程: captions over 「第N条」 (one number squeezed against its text by the justified line, no space
    # read between them), 附則, then 「（別表）」, 「別紙」, 「様式集」 and its forms' labels 「（様式第１）」, each
    # alone on its line with no 「（第N条関係）」.  The squeezed article's caption and every annex were text
    # (「別紙」 alone opened an outline of its own, and the forms' labels nested under its last item).
    # The sheet's and each form's name, printed under its label centred or set large, is the heading's too
    # (「別紙 …誓約事項」, 「（様式第1） …申請書」): a reader cites an annex by both; the name was a paragraph.
    document = converted("rules")
    sections = document.all_sections()
    headings = [(section.level, section_heading(section)) for section in sections]
    top = sections[0].level
    sheet_heading = f"{samples.RULES_SHEET[0]} {samples.RULES_SHEET[1]}"
    assert headings == [
        *((top, caption) for caption, _, _ in samples.RULES_ARTICLES),
        (top, samples.RULES_SUPPLEMENT), (top, samples.RULES_TABLE[0]), (top, sheet_heading),
        (top, samples.RULES_FORMS_TITLE),
        *((top + 1, f"{normalize_chars(label)} {name}") for label, name in samples.RULES_FORMS)]
    squeezed = sections[samples.RULES_SQUEEZED]
    assert block_text(squeezed.blocks[0]).startswith("第2条")
    # the 記's last item over items of its own stays the list's item; the sheet's sentence under its name
    # stays its text, as does the table's first row under 「（別表）」 (the forms' title nested under the
    # item, the form was empty)
    sheet = next(section for section in sections if section_heading(section) == sheet_heading)
    assert block_text(sheet.blocks[0]) == samples.RULES_SHEET[2]
    assert normalize_chars(samples.RULES_SHEET_ITEMS[2]).split(" ", 1)[1] in "\n".join(
        block_text(block) for block in sheet.blocks)
    assert all(samples.RULES_FORMS[1][1] not in block_text(block) for block in sections[-1].blocks)
    assert document_report(document).conserved


def test_a_diagrams_labels_set_larger_than_the_heading_over_them_are_no_parts(converted):
    # 「1.1 …」 in 12 pt over a diagram whose labels are set in 18 pt (「電力供給」 over an arrow, 「電力会社」
    # under a drawing): a part's title is never set larger than the heading it nests under, so they are
    # the diagram's words, 1.1's text.  Each was a section of its own, empty, and 1.1 lost its note.
    document = converted("plan-diagram")
    sections = document.all_sections()
    assert [section_heading(section) for section in sections] == [
        *(title for title, _ in samples.PLAN_PARTS), samples.PLAN_NEXT[0]]
    text = "\n".join(block_text(block) for block in sections[1].blocks)
    assert all(label in text for label in samples.PLAN_LABELS)
    assert normalize_chars(samples.PLAN_NOTE).replace(" ", "")[3:] in text.replace(" ", "")


def test_a_flow_charts_outcome_labels_in_a_row_of_boxes_are_no_headings(converted):
    # A flow chart whose questions are sentences (its drawing reads as a text frame) ends in a row of
    # boxes labelled in type larger than the body: labels set side by side in one drawing are the
    # chart's, never headings (each was a section of its own, empty).  The page's titles, each alone
    # on its band, stay headings, and every label stays in the text.
    document = converted("flow-chart")
    sections = document.all_sections()
    assert [section_heading(section) for section in sections] == samples.FLOW_TITLES
    text = "\n".join(block_text(block) for block in sections[0].blocks).replace(" ", "")
    assert all(label in text for outcome in samples.FLOW_OUTCOMES for label in outcome)
    assert all(answer in text for answer in samples.FLOW_ANSWERS)
    assert document_report(document).conserved


def test_a_label_tagged_on_a_forms_picture_is_no_heading(converted):
    # A form's picture shown whole, a page's notes over it and 「第…票」 tagged on its corner in large
    # type: the label is the picture's, never a heading (it was one, taking the notes from the page's
    # title); the page's titles outside the picture stay, and the label stays in the text.
    document = converted("form-screens")
    sections = document.all_sections()
    assert [section_heading(section) for section in sections] == samples.SCREEN_TITLES
    text = "\n".join(block_text(block) for block in sections[0].blocks)
    assert samples.SCREEN_LABEL in text and "".join(samples.SCREEN_NOTES) in text
    assert document_report(document).conserved


def test_a_handbooks_forms_labelled_alone_over_their_names_are_its_last_parts(converted):
    # 「第１号様式」 alone at the top of its page over the form's name set centred: the handbook's forms,
    # numbered apart from its parts and siblings of them, each titled by its name.  They were text, the
    # name a heading of its own; and a note's list run on along a line under the first form (「6. …
    # 7.…」) was taken for a part 6 once the form's label had opened a numbering of its own.
    document = converted("handbook-forms")
    sections = document.all_sections()
    forms = [f"{label} {name.replace(' ', '')}" for label, name, _ in samples.HANDBOOK_FORMS]
    assert [(section.level, section_heading(section)) for section in sections] == [
        *((1, normalize_chars(title).replace("\u3000", " ")) for title, _ in samples.HANDBOOK_PARTS),
        *((1, normalize_chars(form)) for form in forms)]
    assert "6.郷土資料" in "\n".join(block_text(block) for block in sections[2].blocks)
    assert document_report(document).conserved


def test_a_yokos_articles_numbered_on_across_its_chapters_are_headings_in_every_chapter(converted):
    # A 要綱: chapters 「第N章　…」 centred over Gothic captions 「第N　（見出し）」 whose numbers run straight on
    # across the chapters (第３ opens 第２章).  Only the first chapter's articles were headings: a new chapter
    # started the articles' numbering again, so 第３ was out of sequence and every later article stayed text.
    document = converted("yoko")
    outline = [(section.level, section_heading(section)) for section in document.all_sections()]
    chapter_level = next(level for level, heading in outline if heading.startswith("第1章"))
    expected = []
    for chapter, articles in samples.YOKO_CHAPTERS:
        expected.append((chapter_level, normalize_chars(chapter).replace("\u3000", " ")))
        expected.extend((chapter_level + 1, normalize_chars(caption).replace("\u3000", " ")) for caption, _ in articles)
    assert outline[-len(expected):] == expected
    last = document.all_sections()[-1]
    assert [block_text(block) for block in last.blocks] == [
        normalize_chars(text) for text in samples.YOKO_CHAPTERS[-1][1][-1][1]]
    assert document_report(document).conserved

def test_a_sections_named_as_its_chapter_in_a_contents_list_stays_an_entry_of_the_list(converted):
    # A guideline's contents list without leaders names 「第３章　水質の監視」 then 「３－１　水質の監視」: the same
    # title under another number.  Read as the body's first heading right after the list, it ended the list
    # there, and the sections it names from there on (「３－１」, 「３－２」 …), weak in shape, stayed text.
    document = converted("guide-contents")
    outline = [(section.level, re.sub(r"\s", "", section_heading(section))) for section in document.all_sections()]
    chapter_level = next(level for level, heading in outline if heading.startswith("第1章"))
    expected = []
    for chapter, sections in samples.GUIDE_CHAPTERS:
        expected.append((chapter_level, re.sub(r"\s", "", normalize_chars(chapter))))
        expected.extend((chapter_level + 1, re.sub(r"\s", "", normalize_chars(section))) for section, _ in sections)
    assert outline[-len(expected):] == expected
    assert [block_text(block) for block in document.all_sections()[-1].blocks] == [
        normalize_chars(samples.GUIDE_CHAPTERS[-1][1][-1][1])]
    assert document_report(document).conserved

def test_a_judgments_part_titles_filling_their_line_or_wrapping_to_the_margin_are_headings(converted):
    # A judgment in one face: 「第２　…部分について」 fills its line to the column's edge over a numbered
    # paragraph 「１　論旨は，…」 of its own, and 「第３　…につい」 / 「て」 wraps back to the margin.  第２ was read
    # as a sentence opening with a number (a line run to the edge goes on): text, and 第３, 第４ after it out of
    # sequence.
    document = converted("judgment")
    by_title = {re.sub(r"\s", "", section_heading(section)): section for section in document.all_sections()}
    for title, paragraphs in samples.JUDGMENT_PARTS:
        section = by_title[re.sub(r"\s", "", normalize_chars(title))]
        assert [re.sub(r"\s", "", block_text(block)) for block in section.blocks] == [
            re.sub(r"\s", "", normalize_chars(text)) for text in paragraphs]
    assert document_report(document).conserved


def test_a_judgments_parts_named_in_set_words_are_its_outline(converted):
    # 「主　文」 and 「理　由」 letter-spaced alone on their lines (a space glyph printed after the first character),
    # the ground of appeal 「上告代理人…の上告理由について」 over the reasons' 第N parts, and the separate opinion
    # opened by 「裁判官…の補足意見は，次のとおりである。」 over its own 1, 2: the judgment's outline, the opinion a
    # sibling of 主文 and 理由.  主 and 文 were read as two lines, and every one of them was text (the opinion's
    # parts nested under the reasons' last part).
    document = converted("judgment")
    outline = [(section.level, re.sub(r"\s", "", section_heading(section))) for section in document.all_sections()]
    top = outline[0][0]
    fold = lambda text: re.sub(r"\s", "", normalize_chars(text))  # noqa: E731
    opinion, opinion_parts = samples.JUDGMENT_OPINION
    assert outline == [
        (top, "主文"), (top, "理由"), (top + 1, fold(samples.JUDGMENT_GROUND)),
        *((top + 2, fold(title)) for title, _ in samples.JUDGMENT_PARTS),
        (top, fold(opinion)), *((top + 1, fold(title)) for title, _ in opinion_parts)]
    disposition, reasons = document.all_sections()[:2]
    assert (section_heading(disposition), section_heading(reasons)) == ("主文", "理由")  # the words rejoined
    assert [block_text(block) for block in disposition.blocks] == [samples.JUDGMENT_DISPOSITION]
    assert document_report(document).conserved


def test_a_numbered_title_left_last_on_its_page_under_its_first_sibling_is_no_note(converted):
    # The opinion's 「２　今後の課題について」 is the last line of its page, its text on the next, under 「１　…」
    # on the same page at the same place: the opinion's second part.  Numbered lines closing a page are read as
    # notes (an affiliation, a source), so it was text and its paragraph stood under part 1.
    document = converted("judgment")
    last = document.all_sections()[-1]
    title, paragraphs = samples.JUDGMENT_OPINION[1][-1]
    assert re.sub(r"\s", "", section_heading(last)) == re.sub(r"\s", "", normalize_chars(title))
    assert [block_text(block) for block in last.blocks] == [normalize_chars(text) for text in paragraphs]


def test_a_notices_tables_labelled_betsuhyo_alone_on_their_line_are_its_annexes(converted):
    # A notice's 記 items, then 「別表－１」 alone at its page's top over its name centred and its rows: an annex of the
    # notice, as 「別紙」 is (label and name one heading), its rows under it.  The label was text, and the tables'
    # rows ran on under the notice's last item.  A label in the text's face with its name on its line, the widest
    # line of its page, runs to the column's edge as measured there: it is still the annex's label.
    document = converted("notice-tables")
    annexes = [section for section in document.all_sections() if section_heading(section).startswith("別表")]
    assert [section_heading(section) for section in annexes] == [
        *(f"{normalize_chars(label)} {name}" for label, name, _ in samples.NOTICE_TABLES),
        normalize_chars(samples.NOTICE_LAST_TABLE[0]).replace("\u3000", " ")]
    assert len({section.level for section in annexes}) == 1
    assert [re.sub(r"\s", "", block_text(block)) for block in annexes[0].blocks] == [
        re.sub(r"\s", "", normalize_chars(row)) for row in samples.NOTICE_TABLES[0][2]]
    assert document_report(document).conserved


def test_a_handbook_parts_numbered_cover_and_its_title_printed_again_are_no_headings(converted):
    # One part of a handbook: a cover with the part's title numbered 「12. …」 in large type, then its text under the
    # title printed again without the number, wrapped over two lines.  The cover's numbered title was taken for a
    # section 12 and the title again for a part over the chapters (both of them empty, or holding the rest).
    document = converted("part-cover")
    assert [re.sub(r"\s", "", section_heading(section)) for section in document.all_sections()] == [
        re.sub(r"\s", "", normalize_chars(chapter)) for chapter, _ in samples.PART_CHAPTERS]
    assert document_report(document).conserved


def test_a_treatys_articles_titled_on_their_number_line_are_headings_past_an_elided_run(converted):
    # An excerpt of a treaty in one face: 「第1条 定義」 flush left over its clauses, 「第2条～第4条 ［略］」
    # leaving articles out, then 「第5条 …」.  The articles were text, and article 5 comes after 1.
    document = converted("treaty-extract")
    titled = [article for article, clauses in samples.TREATY_ARTICLES if clauses]
    assert [section_heading(section) for section in document.all_sections()] == titled
    last = document.all_sections()[-1]
    assert [block.text for block in last.blocks] == samples.TREATY_ARTICLES[-1][1]
    assert document_report(document).conserved


def test_quoted_provisions_ending_without_a_stop_each_stay_a_paragraph(converted):
    # A report's note quoting an ordinance's provisions: its 号 end without a stop (「…であること」).  A
    # 号 filling its line to the edge ran on into the 項 after it, out at the 項's margin (「…こと２　前項…」),
    # and a 号 cut by the page ran on into the next 号 at the next page's top (「…こと二　当該…」).
    document = converted("quoted-provisions")
    section = document.all_sections()[-1]
    assert section_heading(section) == normalize_chars(samples.QUOTED_TITLE).replace("\u3000", " ")
    first, rest = samples.QUOTED_CUT
    provisions = [*(text for _, text in samples.QUOTED_PROVISIONS), first + rest, samples.QUOTED_AFTER_CUT]
    texts = [block.text for block in section.blocks]
    assert texts[-len(provisions):] == [normalize_chars(text) for text in provisions]
    assert document_report(document).conserved


def test_a_kanji_numbered_laws_articles_past_the_hundredth_stay_whole_under_their_captions(converted):
    # A national law's excerpt numbered in kanji: captions over 「第九十九条　…」 and 「第百条　…」 (its 項 and
    # 号), the branch article 「第百条の二」 and 「第百二十三条」.  An article past the hundredth opened no
    # provision (百 was no numeral of an article's number there): each was cut after its first printed line.
    document = converted("law-excerpt")
    sections = document.all_sections()
    assert [section_heading(section) for section in sections] == [caption for caption, _ in samples.LAW_ARTICLES]
    for section, (_, provisions) in zip(sections, samples.LAW_ARTICLES, strict=True):
        assert [block.text for block in section.blocks] == [normalize_chars(text) for _, text in provisions]
    assert document_report(document).conserved


def test_a_kanji_numbered_treatys_articles_past_the_hundredth_are_headings_in_sequence(converted):
    # A treaty's excerpt numbered in kanji: 「第一条　定義」, 「第二条～第九十九条　［略］」 leaving articles out,
    # then 「第百条　…」 and 「第百一条　…」 titled on their number's line.  Past the hundredth they were text:
    # no article's number had 百, the elided run was read in digits only, and 第百一条 counted as 1.
    document = converted("kanji-treaty-extract")
    titled = [article.replace("\u3000", " ") for article, clauses in samples.KANJI_TREATY_ARTICLES if clauses]
    assert [section_heading(section) for section in document.all_sections()] == titled
    last = document.all_sections()[-1]
    assert [block.text for block in last.blocks] == samples.KANJI_TREATY_ARTICLES[-1][1]
    assert document_report(document).conserved


# ---------------------------------------------------------------------------
# A council's paper: sub-titles in bold at about the body's size, a 目次 that names them, the title again
# ---------------------------------------------------------------------------

def _paper_outline(document: Document) -> list[tuple[int, str]]:
    """The paper's sections as the navigation shows them."""
    return [(section.level, section_heading(section)) for section in document.all_sections()]


def _contents_page_text(document: Document) -> str:
    """The text before the paper's first section: its cover, its members, its contents page."""
    return " ".join(block_text(block) for block in document.preamble)


def test_unnumbered_sub_titles_in_bold_at_about_the_body_size_head_their_paragraphs(converted):
    # A council's paper heads the parts of each numbered section with unnumbered titles in the bold of
    # the text's face, a point larger than the body, each alone on its line over its paragraphs.  Too
    # small to be read as display type by their size, they were plain lines run into the text, and the
    # paper's second level was gone from the navigation.
    document = converted("bold-subtitles")
    expected = []
    for number, subs in samples.PAPER_SECTIONS:
        expected.append((1, number))
        expected += [(2, title) for title, _ in subs]
    assert _paper_outline(document) == expected
    for section in document.all_sections():
        assert section.blocks or section.children  # each sub-title holds its own paragraphs
    # A bold lead-in (「…：」) and a bold sentence (「…。」) over a paragraph stay text.
    text = " ".join(block_text(block) for block in blocks_of(document))
    assert samples.PAPER_LEAD_IN in text and samples.PAPER_BOLD_SENTENCE in text
    assert document_report(document).conserved


def test_a_contents_list_naming_sub_titles_without_leaders_or_page_numbers_is_no_heading(converted):
    # The 目次 lists each section and its sub-titles, no leaders and no page numbers.  Its unnumbered
    # entries cut the numbered ones apart, so it was not seen as a list: 「1. はじめに」 stood twice in
    # the navigation (the contents' entry a section, the text's own under the paper's title).
    document = converted("bold-subtitles")
    numbered = [heading for _, heading in _paper_outline(document) if heading[0].isdigit()]
    assert numbered == [number for number, _ in samples.PAPER_SECTIONS]
    contents = _contents_page_text(document)
    assert all(title in contents for _, subs in samples.PAPER_SECTIONS for title, _ in subs)


def test_the_title_over_a_contents_list_without_leaders_or_page_numbers_is_kept_as_text(converted):
    # The 目次 set large and bold over a list of the sections and their sub-titles (no leaders, no page
    # numbers: the list was told by its entries printed again in the text) is the list's name.  Read as
    # a heading it opened a section 「目次」 in the navigation, beside the paper's own parts.  Kept as
    # text, it and each entry stay lines of their own: run on, the paper's name printed over the
    # contents read 「…論点整理目次」.
    document = converted("bold-subtitles")
    assert "目次" not in [heading for _, heading in _paper_outline(document)]
    blocks = [block_text(block) for block in document.preamble]
    assert "目次" in blocks
    assert all(title in blocks for _, subs in samples.PAPER_SECTIONS for title, _ in subs)
    assert document_report(document).conserved


def test_the_title_over_the_council_members_before_the_text_is_no_heading(converted):
    # The page after the cover lists who wrote the paper: the council's members under a centred title in
    # the body's face.  Read as a heading (a short centred line set apart), it opened a section that held
    # the members and the whole contents page; the title and every member stay text, before the parts.
    document = converted("bold-subtitles")
    assert _paper_outline(document)[0] == (1, samples.PAPER_SECTIONS[0][0])
    front = _contents_page_text(document)
    assert samples.PAPER_MEMBERS_TITLE in front
    assert all(member.replace("\u3000", " ") in front.replace("\u3000", " ") for member in samples.PAPER_MEMBERS)


def test_the_cover_title_printed_again_over_the_contents_and_the_text_is_no_heading(converted):
    # The paper repeats its name, set large and centred, over its contents and over its text's first
    # page.  Read as a heading, it opened a section that held the whole text, every section nested one
    # level down under the document's own name.
    document = converted("bold-subtitles")
    assert samples.PAPER_TITLE not in [heading for _, heading in _paper_outline(document)]


def _printed_lines(chars: list[dict]) -> list[str]:
    """A page's characters as its printed lines: grouped by their middle, read left to right."""
    lines: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: c["top"] + c["bottom"]):
        middle = (char["top"] + char["bottom"]) / 2
        if lines and abs(middle - (lines[-1][0]["top"] + lines[-1][0]["bottom"]) / 2) < char["size"] / 2:
            lines[-1].append(char)
        else:
            lines.append([char])
    return ["".join(c["text"] for c in sorted(line, key=lambda c: c["x0"])).replace(" ", "") for line in lines]


def test_brackets_of_a_document_bound_on_the_right_read_as_printed(pdfs):
    # A PDF whose viewer preferences say /Direction /R2L (DTP software writes it for a magazine or
    # newsletter bound on the right): PDFium reads each line as right-to-left text and hands back
    # the brackets after the line's last letter mirrored — 「(一般会計(」, 「【該当なし【」,
    # 「41.2)39.8(」.  They read as printed.
    pages, _ = read_source(pdfs["right-bound"])
    printed = _printed_lines(pages[0].chars)
    for line in samples.RIGHT_BOUND_LINES:
        assert line.replace(" ", "") in printed


def _spec_outline(document: Document) -> list[tuple[int, str]]:
    """The specification's sections as the navigation shows them, past the contents page."""
    return [(section.level, section_heading(section)) for section in document.all_sections()
            if section.title != "目次"]


def test_a_bold_title_behind_a_bullet_over_its_own_text_is_a_title_at_the_lists_level(converted):
    # A specification's lowest rank: a bullet and a bold title alone on its line (「・ 日程の管理」), its
    # paragraph set in under the title's words in the body's type.  The bullet made it a list's item
    # and bold at the body's size inside a list was no evidence of a title: the titles were one-line
    # items and their paragraphs ran on after the list.  One of them ends on its gloss in brackets.
    document = converted("spec-titles")
    outline = _spec_outline(document)
    [item] = [section for section in document.all_sections() if section.title == samples.SPEC_ITEM.split(" ", 1)[1]]
    titles = [f"{samples.SPEC_BULLET} {title}" for title, _ in samples.SPEC_BULLET_TITLES]
    assert [section_heading(child) for child in item.children][:len(titles)] == titles
    assert (item.level + 1, titles[0]) in outline
    for section, (_, text) in zip(item.children[:len(titles)], samples.SPEC_BULLET_TITLES, strict=True):
        assert text in " ".join(block_text(block) for block in section.blocks)
    # The plain bullets under the last title (set in the body's face) stay its list's items.
    assert all(not any(item in heading for _, heading in outline) for item in samples.SPEC_PLAIN_BULLETS)
    assert document_report(document).conserved


def test_a_bulleted_title_over_points_less_than_a_character_deeper_titles_them(converted):
    # Word sets a list's levels by indents that may differ by less than a character: a bold bullet
    # over points bulleted two thirds of a character further in.  A fixed one-character step saw no
    # deeper level, and the title was one more item of a flat list; the two indents the document's
    # lists use are two levels.
    document = converted("spec-titles")
    [item] = [section for section in document.all_sections() if section.title == samples.SPEC_ITEM.split(" ", 1)[1]]
    title, points = samples.SPEC_LIST_TITLE
    assert [section_heading(child) for child in item.children] == [
        *(f"{samples.SPEC_BULLET} {name}" for name, _ in samples.SPEC_BULLET_TITLES), f"{samples.SPEC_BULLET} {title}"]
    listed = [entry.text for block in item.children[-1].blocks for entry in getattr(block, "items", [])]
    assert listed[:len(points)] == points
    assert document_report(document).conserved


def test_a_section_title_left_last_on_its_page_nests_with_its_sibling_sections(converted):
    # 「会議の開催」 is set as its sibling sections are (12 pt bold) but stands last on its page, its
    # text on the next.  Refused there (display type left last on a page reads as a label), it was
    # taken from the contents list, which ranked an unnumbered title after a numbered entry with the
    # chapters: the section closed its chapter and the next sections hung under it.
    document = converted("spec-titles")
    chapters = {section_heading(root): [child.title for child in root.children]
                for root in document.sections if root.title != "目次"}
    assert chapters == dict(samples.SPEC_CHAPTERS)  # 「会議の開催」 among its chapter's sections


def test_an_abstracts_heading_in_the_body_face_under_the_title_block_is_a_heading(converted):
    # A paper's 「要旨」 set in the body's face and size right under its title block: no size, no
    # number; read as part of the title block, the abstract stood in the preamble with no heading.
    document = converted("paper-abstract")
    assert [section_heading(section) for section in document.sections] == [
        samples.ABSTRACT_HEADING, *samples.ABSTRACT_CHAPTERS]
    assert document_report(document).conserved


def test_a_powerpoint_decks_titles_head_its_slides_however_dense(converted):
    # Landscape slides bookmarked 「スライド n」 are a deck even when each holds more text than a
    # report's half page: each title in the band at the top heads its slide, a bulleted title set
    # larger than the text heads its part of the slide, the numbered parts set under it nest in it,
    # and a title repeated over two slides heads each of them (three pages at one place: no running
    # head, set larger than the body).
    document = converted("powerpoint-deck")
    assert [section_heading(section) for section in document.sections] == samples.DECK_TITLES
    [marked] = document.sections[0].children
    assert section_heading(marked) == samples.DECK_MARKED
    assert [section_heading(child) for child in marked.children] == samples.DECK_PARTS
    assert document_report(document).conserved


def test_numbered_steps_in_large_type_with_a_bracketed_note_are_a_slides_titles(converted):
    # A slide lays out a flow as numbered steps set large, the first with its note in brackets under
    # it: the 。 inside the brackets ends the note, not a sentence the step runs into — the steps are
    # no lead text, they nest under the slide's title, all three.
    document = converted("deck-steps-unnumbered")
    outline = [(section.level, section_heading(section)) for section in document.all_sections()]
    flow = outline.index((outline[0][0], samples.STEP_SLIDES[1].split(" ", 1)[1]))
    assert outline[flow + 1: flow + 4] == [(outline[0][0] + 1, step) for step in samples.STEP_TITLES]
    assert document_report(document).conserved


def test_numbered_steps_under_a_numbered_slide_title_are_the_slides_items(converted):
    # The same flow under slide titles numbered 「1-2.」: the titles are the deck's outline and the
    # steps 「1.」「2.」「3.」 (the outer numbering's shape, started again on the slide) its items — as
    # headings the last step stood outside the slide, every slide after it under it.
    document = converted("deck-steps")
    outline = [(section.level, section_heading(section)) for section in document.all_sections()]
    assert outline == [(outline[0][0], title) for title in samples.STEP_SLIDES]
    assert document_report(document).conserved


def test_a_decks_numbered_slide_titles_are_its_outline_and_the_steps_on_a_slide_its_items(converted):
    # A build manual numbers its slides' titles under its chapters' dividers (「3-1.」 under 「3.」) and
    # each slide its steps 「1.」「2.」 — the chapters' own numbering started again under the slide's
    # title.  Read as headings, the steps closed the slide's title (「1.」 under 「3-1.」 is no chapter)
    # and put the titles after them out of sequence (「3-2.」 with no 「3.」 open), two-digit ones and one
    # set with no space after its number among them.  The steps are the slide's items, whether set at
    # the title's size between arrows or on the next slide, which goes on without a title of its own;
    # a chapter of one slide titled with the divider's own number 「2.」 again is that chapter's slide.
    # The flow's arrows 「↓」 between the steps, set in under a step's words, are no word of the step.
    document = converted("build-manual")
    outline = [(section.level, section_heading(section)) for section in document.all_sections()]
    top = outline[0][0]
    expected = [(top if kind == "divider" else top + 1, f"{number} {title}")
                for kind, number, title, _ in samples.MANUAL_SLIDES if kind != "cont"]
    assert outline == expected
    items = [(item.marker + item.text).replace(" ", "") for section in document.all_sections()
             for block in section.blocks if isinstance(block, ListBlock) for item in block.items]
    steps = [text.split(":", 1)[1].replace(" ", "") for _, _, _, body in samples.MANUAL_SLIDES for text in body
             if text.startswith(("step:", "big:1", "big:2", "big:3"))]
    assert [step for step in steps if not any(item.startswith(step) for item in items)] == []
    assert [item for item in items if "↓" in item] == []
    assert document_report(document).conserved


def test_a_title_over_a_page_set_in_smaller_type_heads_it(converted):
    # The second page's text is set smaller than the document's body, but it is the page's own text
    # (a page of it), not notes under a label left last on its page: the title over it heads it.
    # (The first page's title, first on the first page, is the document's title block.)
    document = converted("small-page")
    assert [section_heading(section) for section in document.sections] == samples.PAMPHLET_TITLES[1:]


# ---------------------------------------------------------------------------
# A town's newsletter: display type that is no title, a numbered title over notes numbered alike
# ---------------------------------------------------------------------------

def _news_outline(document: Document) -> list[tuple[int, str]]:
    return [(section.level, section_heading(section)) for section in document.all_sections()]


def test_a_numbered_title_is_kept_over_notes_in_small_print_numbered_alike(converted):
    # A report numbers its parts 「1　総括」 (a number, a space, a title) and notes a table in small print
    # 「1. 人件費は…」.  The note's 「1.」, a stronger form of the same number, was read as the section
    # printed later, so 「1　総括」 was taken for a list's step and every numbered title was lost.
    outline = _news_outline(converted("newsletter"))
    titles = [title for _, title in outline]
    for number, parts in samples.NEWS_REPORT:
        assert number.replace("\u3000", " ") in titles
        level = next(level for level, title in outline if title == number.replace("\u3000", " "))
        for part, _ in parts:
            assert (level + 1, part) in outline


def test_an_article_set_larger_than_the_rest_is_text_not_a_run_of_titles(converted):
    # A newsletter sets one article a size larger than the rest: each of its lines, wrapped at the frame's
    # edge with no 。 of its own, was read as a title set large, and the article became empty sections.
    document = converted("newsletter")
    outline = _news_outline(document)
    assert [title for _, title in outline if title.startswith(tuple(text[:6] for text in samples.NEWS_ARTICLE))] == []
    [article] = [section for section in document.all_sections()
                 if section_heading(section) == samples.NEWS_ARTICLE_TITLE]
    text = "".join(block_text(block) for block in article.blocks)
    for paragraph in samples.NEWS_ARTICLE:
        assert paragraph in text


def test_a_calendar_day_and_a_figure_set_large_are_no_titles(converted):
    # A calendar's rows (「06/20（木）　町議会定例会」) and a figure with its unit (「世帯数 1,234 戸」) are set
    # large as display type; each was a heading over its small print, an empty section in the navigation.
    document = converted("newsletter")
    titles = [title for _, title in _news_outline(document)]
    for row, _ in samples.NEWS_CALENDAR:
        assert row not in titles
    assert samples.NEWS_FIGURE not in titles
    [calendar] = [section for section in document.all_sections() if section_heading(section) == "行事予定"]
    text = " ".join(block_text(block) for block in calendar.blocks)
    assert all(row.split("（")[0] in text for row, _ in samples.NEWS_CALENDAR)
    assert document_report(document).conserved


def test_a_title_over_a_lead_heads_its_numbering_and_the_next_articles_are_its_siblings(converted):
    # A newsletter's report opens its page with a title and a lead, then numbers its sections 「1　…」 in
    # the body's type.  Ranked by its size among the cover's larger type, the title stood beside its own
    # sections, and each later article's title, set as large, went inside the report's last section: a
    # ladder down the navigation.
    outline = _news_outline(converted("newsletter"))
    top = [title for level, title in outline if level == 1]
    assert top == [samples.NEWS_REPORT_TITLE, samples.NEWS_ARTICLE_TITLE, "行事予定"]
    for number, parts in samples.NEWS_REPORT:
        assert (2, number.replace("\u3000", " ")) in outline
        assert all((3, part) in outline for part, _ in parts)



def test_a_notice_title_set_larger_than_the_reports_numbered_titles_is_the_next_article(converted):
    # After a newsletter's numbered report, a notice's title set larger than the report's numbered
    # titles (in the body's size) but smaller than the report's own title: ranked by its size alone it
    # nested in the report's last numbered section.  A part's title is never set larger than the
    # headings it stands under: it closes the report's numbering, an article beside the report.
    outline = _news_outline(converted("newsletter-notice"))
    top = [title for level, title in outline if level == 1]
    assert top == [samples.NEWS_REPORT_TITLE, samples.NEWS_NOTICE_TITLE, samples.NEWS_ARTICLE_TITLE, "行事予定"]
    for number, parts in samples.NEWS_REPORT:
        assert (2, number.replace("\u3000", " ")) in outline
        assert all((3, part) in outline for part, _ in parts)


def test_a_section_tab_at_the_outer_edge_of_facing_pages_is_furniture(converted):
    # A newsletter prints its section's name in the head band at each page's outer edge, left on a left-hand
    # page, right on a right-hand one: at neither place on enough pages to be a running line, each was
    # read as a title set large, an empty section over the article below it.
    document = converted("newsletter")
    assert samples.NEWS_TAB not in [section_heading(section) for section in document.all_sections()]
    assert samples.NEWS_TAB not in " ".join(block_text(block) for block in blocks_of(document))
    assert document_report(document).conserved


def test_page_titles_are_the_outer_rank_of_a_page_designed_document(converted):
    # A pamphlet's pages open with their titles in one style: they are its outer rank.  A flyer's
    # headline set larger on one page heads its own page only, never the pages after it, and the
    # forms numbered in the heading face on a page nest under that page's title, closed by the
    # next page's.  Large type running over two lines into a sentence's end, numbered or not, or going
    # on from a line ending in 、, is a page's lead text.
    document = converted("page-titles")
    outer = [section_heading(section) for section in document.sections]
    assert outer[-3:] == samples.PAGE_TITLES[1:]
    forms = document.sections[-2]
    assert [section_heading(child) for child in forms.children] == samples.PAGE_FORMS
    assert not document.sections[-1].children
    assert not document.sections[-3].children
    assert document_report(document).conserved


def test_a_sample_set_in_a_typewriter_face_is_kept_as_printed(converted):
    # A specification's XML sample in Courier: one block, line by line, with its indents and its
    # blank line, a comment whose Japanese words outnumber its marks and a value in Japanese between
    # two tags inside it — no 「1.送信元の情報」 heading, no prose joined from its lines.
    document = converted("code-sample")
    blocks = document_blocks(document)
    code = [block for block in blocks if isinstance(block, Paragraph) and block.kind == "code"]
    assert code[0].text == samples.CODE_EXPECTED
    assert [section_heading(section) for section in document.all_sections()] == [samples.CODE_HEADING]
    # A command on a line of its own is a sample too.
    assert [block.text for block in code[1:]] == [samples.CODE_COMMAND]
    # Prose whose Latin words are set in the face (a Word document's way) stays one paragraph; a
    # list of file names in the face stays a list.
    prose = next(block for block in blocks if isinstance(block, Paragraph) and "見本を次に示す" in block.text)
    assert prose.kind == "paragraph" and prose.text.endswith("値を記録する。")
    lists = [block for block in blocks if isinstance(block, ListBlock)]
    assert [item.text for item in lists[-1].items] == samples.CODE_FILES
    assert document_report(document).conserved


def test_a_box_of_small_type_beside_bullets_in_large_type_is_read_column_by_column(pdfs, converted):
    # The box's lines all in one small size at the left, the bullets all in one large size at the
    # right: neither size has lines on both sides of the strip between them, yet they are two
    # columns — the box read whole, then each bullet whole, never a code line between the halves
    # of a bullet's sentence.
    texts = [line.text for line in read_pdf(pdfs["box-beside-bullets"]).lines if line.kind == "body"]
    bullets = [line for pair in samples.BOX_BULLETS for line in pair]
    assert texts == [samples.BOX_TITLE, *samples.BOX_CODE, *(normalize_chars(line) for line in bullets)]
    document = converted("box-beside-bullets")
    items = [item.text for block in document_blocks(document) if isinstance(block, ListBlock)
             for item in block.items]
    assert [normalize_chars(first + second).lstrip("・") for first, second in samples.BOX_BULLETS] == items
    assert document_report(document).conserved


def test_small_lines_beside_large_type_are_each_read_whole(pdfs):
    # A large line's centre between two lines of small type set beside it: each small line is
    # read as printed, never the two interleaved character by character into one.
    texts = [line.text for line in read_pdf(pdfs["small-beside-large"]).lines if line.kind == "body"]
    for text in samples.BESIDE_SMALL:
        assert text in texts


# ---------------------------------------------------------------------------
# A Word report whose bold is painted by stroking the regular face's glyphs
# ---------------------------------------------------------------------------

def test_glyphs_stroked_as_well_as_filled_read_as_bold(pdfs):
    # Word sets 「太字」 in a face that has no bold (a Mincho) by stroking each glyph's outline as well
    # as filling it (render mode 2): the face's name and weight are the regular's.  Read by name and
    # weight alone, the report's titles were body lines, and none of them a heading.
    lines = read_pdf(pdfs["stroked-bold"]).lines
    bold = {line.text for line in lines if line.layout is not None and line.layout.bold}
    titles = [samples.STROKED_TITLE] + [title for title, _ in samples.STROKED_PARTS]
    labels = [label for _, points in samples.STROKED_PARTS for label, _ in points if label]
    assert set(titles + labels) <= bold
    texts = [text for _, points in samples.STROKED_PARTS for _, text in points if text]
    assert not any(line.text in texts[0] for line in lines if line.text in bold)  # the text stays regular


def test_titles_a_point_above_the_body_hold_the_bold_labels_under_them(converted):
    # The parts' titles, bold a point above the body (11 pt over 10.5), stand over bracket labels in the
    # body's bold (「［課題 1］…」): each title heads its part even where its first line below is such a
    # label, and the labels nest under it, not beside it.
    document = converted("stroked-bold")
    outline = _paper_outline(document)
    parts = [(level, title) for level, title in outline if title in [t for t, _ in samples.STROKED_PARTS]]
    assert [title for _, title in parts] == [title for title, _ in samples.STROKED_PARTS]
    top = parts[0][0]
    assert {level for level, _ in parts} == {top}
    labels = [(level, title) for level, title in outline if title.startswith("［")]
    assert [title for _, title in labels] == [label for _, points in samples.STROKED_PARTS
                                              for label, _ in points if label.startswith("［")]
    assert {level for level, _ in labels} == {top + 1}
    assert document_report(document).conserved


def test_circled_titles_in_bold_that_run_the_measure_are_headings_a_wrapped_one_whole(converted):
    # 「① …必要がある」 in the body's bold over its own paragraph, as long as the line (one wrapped, its
    # rest hung under its words): a title by its type, however long.  Held to a short title's width,
    # the run was read as a list, each item run into the paragraph under it.
    document = converted("stroked-bold")
    points = [label for _, part in samples.STROKED_PARTS for label, _ in part]
    circled = [label for label in points if label.startswith(("①", "②", "③", "④"))]
    expected = [label + samples.STROKED_WRAPPED_REST if label.startswith("③") else label for label in circled]
    outline = _paper_outline(document)
    found = [(level, title) for level, title in outline if title.startswith(("①", "②", "③", "④"))]
    assert [title for _, title in found] == expected
    label_level = next(level for level, title in outline if title.startswith("［課題 1］"))
    assert {level for level, _ in found} == {label_level + 1}


def test_a_part_title_centred_over_the_first_heading_is_read_before_it_on_a_two_column_page(pdfs):
    # A statistical release centres its part's title (「Ⅱ …」 in large type) over the first section's
    # title at the margin (「１ 概況」); tables set side by side lower down make the page two columns, and
    # the centred title, right of where they part, was read after the section's title: 「１」 then came
    # before 「Ⅱ」, out of sequence under the part before, and the section was lost.
    lines = read_pdf(pdfs["release-columns"]).lines
    for page, (part, sections) in enumerate(samples.RELEASE_PARTS, start=1):
        texts = [line.text for line in lines if line.page == page]
        assert texts.index(part) < texts.index(normalize_chars(sections[0]))


def test_a_sentence_in_bold_that_ends_at_the_edge_goes_on_in_its_paragraph(converted):
    # A paragraph's first sentence emphasised in the face's bold fills its line to the edge and ends
    # there (「…必要があります。」); the regular text goes on below with no indent.  The change of weight
    # ended the paragraph, the rest a paragraph of its own: a paragraph's last line stops short of
    # the edge, and the next one's first line is indented.
    document = converted("stroked-bold")
    texts = [block_text(block) for block in blocks_of(document)]
    assert "".join(samples.STROKED_EMPHASIS) in texts


def test_a_bold_title_over_a_bulleted_list_heads_it(converted):
    # 「添付した資料」 in the body's bold over the list of the papers attached, each bulleted with Word's
    # round bullet (「⚫」): a title over its list as over a paragraph; it was a line run into the part
    # above, and the bullets paragraphs of their own.
    document = converted("stroked-bold")
    title, items = samples.STROKED_ATTACHED
    section = next(section for section in document.all_sections() if section_heading(section) == title)
    lists = [block for block in section.blocks if isinstance(block, ListBlock)]
    assert [[item.text for item in block.items] for block in lists] == [items]


def test_bold_titles_right_under_a_points_title_are_its_own(converted):
    # 「④ 残る課題」 with two titles in the body's bold right under it, each over its paragraph: the
    # point's own parts.  The first was refused as a bold line stacked under another (a list's or a
    # table header's shape), and the second ranked with the document's other bold titles, out of ④.
    document = converted("stroked-bold")
    outline = _paper_outline(document)
    point = next(level for level, title in outline if title.startswith("④"))
    assert [(level, title) for level, title in outline if title in samples.STROKED_UNDER_A_POINT] == [
        (point + 1, title) for title in samples.STROKED_UNDER_A_POINT]
