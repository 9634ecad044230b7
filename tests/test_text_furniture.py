"""Page furniture in PDF text: page numbers, form feeds, tables of contents, running headers,
letter-spaced Japanese and the 「・・・」 ellipsis (issue 11, failure modes 2, 6–10).

Minimal fixtures pin each rule; real-content tests run them on ../shared/corpus (pdftotext
output with form feeds; skipped when absent) and on the seeds in sources/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from atlas.check.report import document_report
from atlas.config.catalog import load_catalog
from atlas.model.document import ListBlock, Paragraph, Table
from atlas.pipeline import build_document, read_lines
from atlas.text.clean import classify
from atlas.text.normalize import join_spaced_japanese, normalize_chars
from atlas.text.numbering import LIST_MARKER, heading_of
from atlas.text.page_furniture import FURNITURE_KINDS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = ROOT / "sources"


def kinds(lines: list[str]) -> dict[str, str]:
    """text → kind for each non-blank line of a classified fixture."""
    return {line.text: line.kind for line in classify(lines) if line.text}


def corpus_lines(name: str):
    path = CORPUS / f"{name}.txt"
    if not path.is_file():
        pytest.skip("../shared/corpus is not here (a fresh clone)")
    return classify(read_lines(path))


def convert_one(tmp_path: Path, text: str):
    """The document model of one source text (through the whole pipeline)."""
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    (tmp_path / "catalog.yml").write_text(
        "documents:\n  - id: doc\n    title: t\n    body: b\n    date: 2024-01-01\n    kind: report\n"
        "    summary: s\n    source: doc.txt\n",
        encoding="utf-8",
    )
    return build_document(load_catalog(tmp_path)[0], tmp_path)


def texts(document) -> list[str]:
    out: list[str] = []
    for block in list(document.preamble) + [b for s in document.all_sections() for b in s.blocks]:
        if isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, ListBlock):
            out.extend(item.text for item in block.items)
    return out + [s.title for s in document.all_sections()]


def page(body: str, number: str | None) -> str:
    return body + ("\n\n" + number if number else "") + "\n"


# -- 2. page numbers from evidence --------------------------------------------------------

def test_numbers_at_the_foot_of_pages_in_step_with_the_pages_are_page_numbers():
    pages = [page(f"本文の{n}頁目である。", str(n)) for n in range(1, 5)]
    lines = classify("\f".join(pages).split("\n"))
    assert [line.text for line in lines if line.kind == "page-number"] == ["1", "2", "3", "4"]


def test_a_clause_number_with_its_title_is_not_a_page_number():
    # Page 1 opens with clause "1" and its title; the page numbers stand at the feet.
    pages = ["1\n\n総則\n\nこの基準は、情報システムの安全対策を定める。\n\n1\n",
             page("本文である。", "2"), page("本文である。", "3")]
    lines = classify("\f".join(pages).split("\n"))
    numbers = [(line.number, line.kind) for line in lines if line.text == "1"]
    assert numbers == [(1, "body"), (7, "page-number")]


def test_a_number_out_of_step_with_the_pages_is_text():
    pages = [page("グラフの値", "120"), page("本文である。", "2"), page("本文である。", "3")]
    found = kinds("\f".join(pages).split("\n"))
    assert found["120"] == "body" and found["2"] == found["3"] == "page-number"


def test_a_page_number_printed_twice_is_a_page_number_and_a_number_out_of_step_stays_text():
    # A slide deck whose number field is set by the master and by the slide, the second small
    # beside the first: pdftotext reads one run of digits, 「99」 on page 9, 「1111」 on page 11.
    numbers = [str(n) for n in range(1, 13)]
    numbers[8], numbers[10] = "99", "1111"
    numbers[5] = "77"  # on page 6: 7 printed twice is out of step there, a value
    pages = [page(f"スライドの{n + 1}枚目の本文である。", number) for n, number in enumerate(numbers)]
    found = [(line.text, line.kind) for line in classify("\f".join(pages).split("\n")) if line.text.isdigit()]
    assert ("99", "page-number") in found and ("1111", "page-number") in found
    assert ("77", "body") in found


def test_a_bare_number_mid_page_is_never_a_page_number():
    pages = [f"本文。\n\n次の本文。\n\n{n}\n\n続きの本文。\n\nさらに本文。\n\n結びの本文。\n\n{n}\n" for n in (1, 2, 3)]
    lines = classify("\f".join(pages).split("\n"))
    assert [line.number for line in lines if line.kind == "page-number"] == [13, 26, 39]


def test_without_form_feeds_a_lone_number_before_a_title_stays():
    # Older extractions mark a page start with one leading space; "1" then a title is a clause.
    assert kinds(["前の本文。", "", "1", "", "はじめに", "本文。"])["1"] == "body"
    # …but a lone number followed by a sentence is a page number (a slide's number).
    slide = ["題名", "", "17", "", "1. パーソナルデータの活用に関しては、本人の同意の下で行う。"]
    assert kinds(slide)["17"] == "page-number"


def test_without_form_feeds_numbers_in_sequence_across_page_starts_are_page_numbers():
    lines = ["本文。", "", "2", "", " 目 次", "", "本文。", "", "3", "", " はじめに", "本文。"]
    found = [(line.text, line.kind) for line in classify(lines) if line.text in ("2", "3")]
    assert found == [("2", "page-number"), ("3", "page-number")]


def test_a_number_ending_vertical_text_is_not_a_page_number():
    # 「別紙３」 set vertically: one character a line.
    assert kinds(["本文。", "", "別", "紙", "", "３", " 重要機密等", "", "4"])["3"] == "body"


def test_page_number_forms_that_say_so_themselves():
    found = kinds(["- 12 -", "( 8 / 47 )", "Page-3", "（9/11）"])
    assert found == {"- 12 -": "page-number", "( 8 / 47 )": "page-number", "Page-3": "page-number",
                     "（9/11）": "body"}


# -- 6. form feeds are page boundaries ----------------------------------------------------

def test_form_feeds_are_page_starts_not_text():
    lines = classify(["第一頁の本文", "", "\f第二頁の", "本文", "\f", "第三頁"])
    assert all("\f" not in line.text for line in lines)
    assert [line.page for line in lines] == [1, 1, 2, 2, 3, 3]
    assert [line.number for line in lines if line.page_start] == [3, 5, 6]


def test_a_sentence_across_a_form_feed_is_joined_without_a_space(tmp_path):
    document = convert_one(tmp_path, "電子的移転可能記録への支配の移\n\n1\n\f転によってその要求は充たされる。\n\n2\n\f")
    assert "電子的移転可能記録への支配の移転によってその要求は充たされる。" in texts(document)


def test_one_leading_space_still_marks_a_page_start_without_form_feeds():
    lines = classify(["本文", " 次の頁", "  字下げ"])
    assert [line.page_start for line in lines] == [False, True, False]
    assert {line.page for line in lines} == {0}


# -- 7. tables of contents ----------------------------------------------------------------

def test_a_toc_with_numbers_on_their_own_lines_and_a_split_title_is_removed_whole():
    lines = ["表紙", "\f目", "", "次", "", "1.", "", "はじめに ........ 3", "1.1.",
             "本書の目的 ...... 3", "2.", "", "概要 ............ 5", "", "Page-1", "\f1. はじめに", "本文である。"]
    classified = classify(lines)
    assert [line.kind for line in classified if line.text][1:10] == ["toc"] * 8 + ["page-number"]
    assert [line.text for line in classified if line.kind == "body"] == ["表紙", "1. はじめに", "本文である。"]


def test_a_toc_without_leaders_is_recognised_from_its_title():
    lines = ["目 次", "第1章 総論 1", "第2章 各論 5", "第3章 結び 9", "", "第1章 総論", "本文である。"]
    found = kinds(lines)
    assert [found[t] for t in ("目次", "第1章 総論 1", "第2章 各論 5", "第3章 結び 9")] == ["toc"] * 4
    assert found["第1章 総論"] == found["本文である。"] == "body"


def test_a_word_目次_inside_text_is_not_a_toc():
    assert kinds(["目次", "", "この資料は三部からなる。"])["目次"] == "body"


# -- 8. running headers and footers -------------------------------------------------------

def chapter_pages() -> list[str]:
    header = "第1章 データ戦略の基本的な考え方"
    first = f"{header}\n\n本章では、データ戦略の考え方を述べる。\n\n1\n"
    return [first] + [f"{header}\n\n本文の{n}頁目である。\n\n{n}\n" for n in range(2, 6)]


def test_a_chapter_title_over_every_page_is_a_running_header_but_stays_where_it_is_the_title():
    lines = classify("\f".join(chapter_pages()).split("\n"))
    headers = [line.page for line in lines if line.text.startswith("第1章")]
    running = [line.page for line in lines if line.kind == "running-header"]
    assert headers == [1, 2, 3, 4, 5] and running == [2, 3, 4, 5]
    assert "running-header" in FURNITURE_KINDS


def test_a_header_above_the_heading_it_repeats_goes_and_the_heading_stays():
    pages = ["Ⅰ．はじめに\n\nⅠ．はじめに\n\n本文。\n\n1\n"] + [f"Ⅰ．はじめに\n\n本文{n}。\n\n{n}\n" for n in (2, 3, 4)]
    lines = classify("\f".join(pages).split("\n"))
    assert [(line.number, line.kind) for line in lines if line.text == "Ⅰ．はじめに"][:2] == [
        (1, "running-header"), (3, "body")]


def test_a_line_over_every_page_number_is_a_running_footer():
    pages = [f"本文の{n}頁目である。\n\n情報システム安全対策基準（通商産業省告示）\n\n{n}\n" for n in range(1, 6)]
    lines = classify("\f".join(pages).split("\n"))
    assert [line.kind for line in lines if line.text.startswith("情報システム")] == ["running-footer"] * 5
    assert all(line.kind == "body" for line in lines if line.text.startswith("本文"))


def test_a_browsers_print_header_and_footer_with_the_page_counter_on_one_line_are_running_lines():
    # A page printed from a web viewer: the date and the page's title at the head, the page's address
    # and its counter 「N/M」 on one line at the foot — a line that differs from page to page by the
    # counter alone.
    address = "https://minutes.example.jp/tenant/sample/MinuteView.html?council_id=1234"
    pages = [f"2024/01/05 9:30 会議録表示\n\n本文の{n}頁目である。\n\n{address} {n}/5\n" for n in range(1, 6)]
    lines = classify("\f".join(pages).split("\n"))
    assert [line.kind for line in lines if line.text.startswith("https:")] == ["running-footer"] * 5
    assert all(line.kind == "body" for line in lines if line.text.startswith("本文"))


def test_a_speakers_label_opening_a_few_pages_under_the_running_head_is_text():
    # The chair's label stands first under the browser's head on three of ten pages: it follows the
    # running line on more than one page, but the chair speaks far more often inside the pages.
    chair = "○委員長（山田花子）"
    pages = [f"2024/01/05 9:30\n\n会議録表示\n\n{chair if n % 3 == 0 else '御説明します。'}\n\n"
             f"本文の{n}頁目である。\n\n{chair}\n\n{n}番目に進みます。\n\n{chair}\n\n{n}件です。\n\n{n}\n"
             for n in range(1, 11)]
    lines = classify("\f".join(pages).split("\n"))
    assert [line.kind for line in lines if line.text == chair] == ["body"] * 23
    assert [line.kind for line in lines if line.text == "会議録表示"][1:] == ["running-header"] * 9


def test_speaker_labels_recurring_on_a_few_pages_are_text():
    pages = [f"（Ａ）\n\n発言の{n}である。\n\n{n}\n" if n % 3 == 0 else f"議事の{n}である。\n\n{n}\n"
             for n in range(1, 10)]
    lines = classify("\f".join(pages).split("\n"))
    assert all(line.kind == "body" for line in lines if line.text == "（Ａ）")


def test_a_table_header_repeated_inside_a_cell_sentence_is_removed(tmp_path):
    header = "テーマ 提言の概要 担当省庁等における取組みの進捗"
    text = "\n".join([
        "本文である。", "", header, "", "国際的なイベントにおいて、海外の BC 人",
        f" {header}", "材の訪日を勧奨し、ネットワーキングを支援する。", "",
    ])
    lines = classify(text.split("\n"))
    assert [line.kind for line in lines if line.text == header] == ["body", "running-header"]
    assert "海外の BC 人材の訪日を勧奨し、ネットワーキングを支援する。" in "".join(texts(convert_one(tmp_path, text)))


def test_running_headers_are_counted_in_the_report(tmp_path):
    document = convert_one(tmp_path, "\f".join(chapter_pages()))
    report = document_report(document)
    assert report.conserved and report.dropped_lines["running-header"] == 4


# -- 9. letter-spaced Japanese ------------------------------------------------------------

@pytest.mark.parametrize("spaced, joined", [
    ("令 和６ 年５月 ２１日", "令和6年5月21日"),
    ("以 上", "以上"),
    ("目 次", "目次"),
    ("1. 日 時 令和7年12月5日（金）", "1. 日時 令和7年12月5日（金）"),
    ("第 １ 日 時", "第1 日時"),
    ("適 用 区 分", "適用区分"),
    ("本 部 長  平井 卓也", "本部長  平井 卓也"),
    ("で あ り 、 「 移 転 可 能 な 証 書", "であり、「移転可能な証書"),
    ("第 4 条", "第4条"),
    ("・ア プ リ ケ ー シ ョ ン 終 了 後 も", "・アプリケーション終了後も"),
    ("枠 組 み の 中 で 、「 占 有 」 に 代 わ る", "枠組みの中で、「占有」に代わる"),
    ("令和 4年度第 2 次補正予算", "令和 4年度第2次補正予算"),
])
def test_letter_spaced_japanese_is_rejoined(spaced, joined):
    assert join_spaced_japanese(normalize_chars(spaced)) == joined


@pytest.mark.parametrize("text", [
    "松尾 豊", "座長 松尾 豊", "平井 卓也", "轟 渉\t内閣官房内閣参事官", "小倉 將信",
    "1 4 月 10 日 ChatGPT などの AI 利活用について",  # a flattened table's row number and date
    "2023 年 4 月に公表した",
])
def test_words_separated_by_a_space_stay_apart(text):
    assert join_spaced_japanese(text) == text


def test_rejoining_is_idempotent():
    for text in ("令 和6 年5月 21日", "以 上", "で あ り 、 「 移 転"):
        once = join_spaced_japanese(text)
        assert join_spaced_japanese(once) == once


# -- 10. the 「・・・」 ellipsis ------------------------------------------------------------

def test_middle_dots_in_a_row_are_an_ellipsis_not_a_bullet(tmp_path):
    assert LIST_MARKER.fullmatch("・・・AI、ビッグデータ時代の新たな資源") is None
    assert LIST_MARKER.fullmatch("・・") is None
    assert LIST_MARKER.fullmatch("・ 本会合において議論を予定")["text"] == "本会合において議論を予定"
    document = convert_one(tmp_path, "・・・最初に、私はこう申し上げた。\n\n・・\n\n・ 一つ目の論点\n・ 二つ目の論点\n")
    items = [i for s in [document.preamble] for b in s if isinstance(b, ListBlock) for i in b.items]
    assert [i.text for i in items] == ["一つ目の論点", "二つ目の論点"]
    assert "・・・最初に、私はこう申し上げた。" in texts(document)


# -- table marks are values, not slide residue ------------------------------------------------

def test_marks_grading_a_table_are_values():
    found = kinds(["対策項目", "◎ ○ ☆", "○", "○ ○ ○", "■", "□", "－"])
    assert {found[t] for t in ("◎ ○ ☆", "○", "○ ○ ○", "■", "□", "－")} == {"body"}
    assert heading_of("○ ○ ☆") is None  # a row of marks is not a ○-heading


def test_a_lone_bullet_or_dashes_on_slides_are_residue():
    found = kinds(["スライドの題", "- -", "●", "・", "本文"])
    assert [found[t] for t in ("- -", "●", "・")] == ["slide-residue"] * 3


# -- real content: ../shared/corpus -------------------------------------------------------

CORPUS_OFFSETS = {
    # page in the file minus printed page number, read from the PDFs: cover (and TOC) unnumbered.
    "ipa-vuln-partnership-guideline-2019": 2,
    "fsa-insurance-monitoring-report-2023": 1,
    "shojihomu-denshika-study-01-minutes": 0,
    "moj-bl-mletr-comparison-16-3": 0,
    "moj-bl-subcommittee-material-02": 0,
    "mext-sti-whitepaper-r6-ch3": -23,  # the chapter starts on the white paper's page 24
}


@pytest.mark.parametrize("name, offset", sorted(CORPUS_OFFSETS.items()))
def test_corpus_page_numbers_run_with_the_pages(name, offset):
    lines = corpus_lines(name)
    numbers = [line for line in lines if line.kind == "page-number"]
    assert numbers and all(line.page - int(line.text) == offset for line in numbers)


def test_corpus_page_numbers_found_on_most_pages():
    found = {name: sum(1 for line in corpus_lines(name) if line.kind == "page-number")
             for name in ("ipa-vuln-partnership-guideline-2019", "shojihomu-denshika-study-01-minutes",
                          "moj-bl-subcommittee-02-minutes", "jssec-smartphone-tablet-security-guideline-v2")}
    # ipa: 54 of 57 numbered pages (pdftotext put "33" and "34" among a flow chart's labels,
    # where they read like clause numbers, and "40" among a table's figures); 27 of 27;
    # "- 1 -" to "- 44 -"; "Page-1" to "Page-41".
    assert found == {"ipa-vuln-partnership-guideline-2019": 54, "shojihomu-denshika-study-01-minutes": 27,
                     "moj-bl-subcommittee-02-minutes": 44, "jssec-smartphone-tablet-security-guideline-v2": 41}


def test_corpus_numbers_that_are_text_stay():
    ipa = {line.number: line.kind for line in corpus_lines("ipa-vuln-partnership-guideline-2019")}
    assert ipa[172] == "body"  # footnote 1 at the foot of page 6, above the page number "4"
    material = {line.number: line.kind for line in corpus_lines("moj-bl-subcommittee-material-02")}
    assert material[3] == "body"  # 「部会資料 ２」: the material's number under its title
    fsa = corpus_lines("fsa-insurance-monitoring-report-2023")
    assert sum(1 for line in fsa if line.kind == "body" and line.text.isdigit()) > 30  # chart values


def test_corpus_toc_removed_whole_with_its_numbers():
    jssec = corpus_lines("jssec-smartphone-tablet-security-guideline-v2")
    toc = [line for line in jssec if 89 <= line.number <= 239]
    assert {line.kind for line in toc} == {"toc", "blank", "page-number"}
    assert next(line for line in jssec if line.number == 243).kind == "body"  # "1. はじめに"
    ipa = corpus_lines("ipa-vuln-partnership-guideline-2019")
    assert {line.kind for line in ipa if 13 <= line.number <= 43} == {"toc", "blank"}  # 「目」「次」 too


def test_corpus_running_headers_go_and_titles_stay():
    mext = corpus_lines("mext-sti-whitepaper-r6-ch1")
    assert [line.kind for line in mext[:7] if line.text] == ["body"] * 4  # the chapter's title page
    running = [line for line in mext if line.kind == "running-header"]
    assert {line.text for line in running} == {"第1部", "AIがもたらす科学技術・イノベーションの変革", "第1章",
                                               "新時代を迎えたAI"}
    ipa = corpus_lines("ipa-vuln-partnership-guideline-2019")
    chapter = "Ⅳ．ソフトウエア製品に係る脆弱性関連情報取扱"
    assert sum(1 for line in ipa if line.text == chapter and line.kind == "body") == 1  # the heading
    assert sum(1 for line in ipa if line.text == chapter and line.kind == "running-header") == 16
    assert all(line.kind == "body" for line in ipa if line.text in ("1．概要", "2．発見者の対応"))


def test_corpus_minutes_keep_their_speakers():
    for name in ("moj-bl-subcommittee-02-minutes", "shojihomu-denshika-study-01-minutes"):
        lines = corpus_lines(name)
        assert not [line for line in lines if line.kind.startswith("running")]
        assert all(line.kind == "body" for line in lines if line.text.startswith(("○", "（Ａ）")))


def test_corpus_every_document_conserves_its_text(tmp_path):
    paths = sorted(CORPUS.glob("*.txt"))
    if not paths:
        pytest.skip("../shared/corpus is not here (a fresh clone)")
    for path in paths:
        folder = tmp_path / path.stem
        folder.mkdir()
        report = document_report(convert_one(folder, path.read_text(encoding="utf-8")))
        assert report.conserved, (path.stem, report.lost[:40], report.invented[:40])


def test_corpus_form_feeds_never_reach_the_text():
    for path in sorted(CORPUS.glob("*.txt")) or [None]:
        if path is None:
            pytest.skip("../shared/corpus is not here (a fresh clone)")
        raw = read_lines(path)
        lines = classify(raw)
        assert all("\f" not in line.text for line in lines)
        assert max(line.page for line in lines) == "".join(raw).count("\f") + 1


# -- real content: the seeds --------------------------------------------------------------

def test_seed_web3_table_header_no_longer_inside_a_sentence(documents):
    document = documents["web3-white-paper-2024"]
    header = "テーマ NFT ホワイトペーパー提言の概要 担当省庁等における取組みの進捗"
    joined = "\n".join(texts(document))
    assert "海外の BC 人材の訪日を勧奨し" in joined
    assert "取組も始まっているところ、経済産業省にて、そういった取組を支援していく。" in joined
    assert joined.count(header) == 1  # the table's own header row, where the table starts
    assert document_report(document).dropped_lines["running-header"] == 7


def test_seed_web3_toc_title_removed_with_its_toc(documents):
    document = documents["web3-white-paper-2024"]
    assert [line.kind for line in document.lines if line.number == 1731] == ["toc"]
    assert not any(text in ("目次", "目 次") for text in texts(document))


def test_seed_letter_spaced_lines_rejoined(documents):
    minutes = documents["ai-strategy-council-3-2025"]
    # sources/ai-strategy-council-3-2025.txt lines 5, 7: 「1. 日 時 …」「2. 場 所 …」, the meeting's particulars
    # (a table of label and value, see test_structure_rules), their labels rejoined.
    particulars = next(block for block in minutes.preamble if isinstance(block, Table))
    assert [row[0] for row in particulars.rows] == ["1. 日時", "2. 場所"]
    assert any("令和6年5月21日" in line.text for line in documents["bosai-dx-2024"].lines)


def test_seed_vertical_annex_label_is_text_not_a_page_number(documents):
    # sources/ldp-digital-nippon-2024-compilation.txt lines 8240–8244: 「別」「紙」「３」 set vertically.
    lines = {line.number: line.kind for line in documents["ai-white-paper-2024"].lines}
    assert lines[8244] == lines[8432] == "body"


def test_seed_ellipsis_lines_are_neither_items_nor_headings(documents):
    # sources/data-distribution-wg-2019.txt lines 6, 25, 29: quotations opening with 「・・・」;
    # lines 62–66: 「・・・社」「・・・」 in a diagram.
    document = documents["data-distribution-wg-2019"]
    assert not [s.title for s in document.all_sections() if s.title.startswith("・")]
    items = [i for s in document.all_sections() for b in s.blocks if isinstance(b, ListBlock) for i in b.items]
    assert not [i.text for i in items if i.text.startswith("・") or not i.text.strip()]
    assert any(t.startswith("・・・AI、ビッグデータ時代の新たな資源") for t in texts(document))
