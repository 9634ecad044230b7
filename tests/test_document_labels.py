"""How a document's date, kind and official address are shown: pages, lists, citations' data.

Dates are shown as precisely as the source gives them and say when they are estimated; every
kind reads in Japanese; the official address appears only where the catalog gives one.  The
documents here are built in the test (DocumentMeta by hand), not read from the catalog.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from atlas.config.catalog import Entry, load_catalog
from atlas.model.document import DocumentMeta, ListBlock, ListItem, Paragraph, SourceSpan, Table
from atlas.model.errors import InputError
from atlas.pipeline import build_document
from atlas.structure.structure import Hints
from atlas.text.labels import KIND_LABELS, date_label, kind_label
from atlas.write.markdown import block_markdown
from atlas.write.write import document_pages, home_page
from atlas.write.write_themes import timeline_page
from conftest import SOURCES

TEXT = "１．はじめに\n  データの流通について述べる。\n  第二の段落である。\n"
ISO_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")


def meta(**changes) -> DocumentMeta:
    base = DocumentMeta("sample", "見本の提言", "見本省", date(2024, 5, 21), "proposal", "sample.txt", "見本。")
    return replace(base, **changes)


def built(tmp_path: Path, **changes):
    (tmp_path / "sample.txt").write_text(TEXT, encoding="utf-8")
    return build_document(Entry(meta(**changes), Hints(), 1), tmp_path)


@pytest.mark.parametrize(("changes", "shown"), [
    ({}, "2024年5月21日"),
    ({"date": date(2014, 3, 1), "date_precision": "month"}, "2014年3月"),
    ({"date": date(2021, 1, 1), "date_precision": "year"}, "2021年"),
    # an estimate never names a day, whatever day the catalog wrote
    ({"date": date(2021, 6, 1), "date_note": "G7会合への言及から推定"}, "2021年6月頃（推定）"),
    ({"date": date(2021, 6, 1), "date_precision": "month", "date_note": "推定"}, "2021年6月頃（推定）"),
    ({"date": date(2021, 1, 1), "date_precision": "year", "date_note": "推定"}, "2021年頃（推定）"),
])
def test_date_label_is_as_precise_as_the_source_and_says_when_estimated(changes, shown):
    assert date_label(meta(**changes)) == shown


def test_an_unknown_date_precision_is_an_error_not_a_guess():
    with pytest.raises(ValueError, match="date_precision"):
        date_label(meta(date_precision="week"))


def test_every_kind_in_the_catalog_reads_in_japanese():
    kinds = {entry.meta.kind for top in load_catalog(SOURCES) for entry in [top, *top.parts]}
    assert kinds, "the catalog lists no kinds"
    for kind in kinds:
        label = kind_label(kind)
        assert label and not re.search(r"[A-Za-z]", label), (kind, label)


def test_kinds_other_catalogs_use_have_japanese_labels():
    # Kinds of Japanese policy papers beyond this catalog's: guidelines, discussion papers, FAQs.
    assert kind_label("guideline") == "ガイドライン"
    assert kind_label("Discussion paper") == "論点整理"
    assert kind_label("FAQ") == "よくある質問"
    assert kind_label("white_paper") == "ホワイトペーパー"
    assert kind_label("中間とりまとめ") == "中間とりまとめ"  # written in Japanese: shown as written
    assert kind_label("memorandum") is None  # English with no label: refused by the catalog
    assert all(not re.search(r"[A-Za-z]", label) for label in KIND_LABELS.values())


def test_the_catalog_refuses_an_english_kind_with_no_label(tmp_path):
    (tmp_path / "sample.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "catalog.yml").write_text(
        "documents:\n  - id: sample\n    title: 見本\n    body: 見本省\n    date: 2024-04-01\n"
        "    kind: memorandum\n    source: sample.txt\n    summary: 見本。\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_catalog(tmp_path)
    message = str(caught.value)
    # one line naming the file, the entry's line and the kind (the wording is the catalog's)
    assert "catalog.yml:" in message and "memorandum" in message and "kind" in message
    assert "\n" not in message


def test_home_page_shows_estimated_and_month_dates_as_such(tmp_path):
    documents = [
        built(tmp_path, id="exact"),
        built(tmp_path, id="estimated", date=date(2021, 6, 1), date_note="推定"),
        built(tmp_path, id="month", date=date(2014, 3, 1), date_precision="month", kind="discussion paper"),
    ]
    page = home_page("# ホーム", documents).text
    rows = {row.split("](documents/")[1].split("/")[0]: row for row in page.splitlines() if "](documents/" in row}
    assert rows["exact"].startswith("| 2024年5月21日 |")
    assert rows["estimated"].startswith("| 2021年6月頃（推定） |")
    assert rows["month"].startswith("| 2014年3月 |") and "| 論点整理 |" in rows["month"]
    assert not ISO_DATE.search(page)  # no invented day, no exact-looking date for an undated paper


def test_timeline_shows_estimated_dates_as_such(tmp_path):
    page = timeline_page([built(tmp_path, date=date(2021, 6, 1), date_note="推定")], []).text
    assert "## 2021年6月頃（推定） 文書：" in page
    assert "\n### " not in page  # entries stand under the page's h1: no level skipped


def page_text(pages, name: str) -> str:
    return next(p.text for p in pages if p.path.endswith(name))


def test_document_page_shows_the_official_address_only_when_the_catalog_gives_it(tmp_path):
    url = "https://www.example.go.jp/policy/teigen(2024)|final.pdf"
    with_url = page_text(document_pages(built(tmp_path, url=url), None, []), "index.md")
    assert '| 公式 | <a class="atlas-official" href="https://www.example.go.jp/policy/teigen(2024)%7Cfinal.pdf">' \
           "公式掲載ページ</a> |" in with_url
    assert 'data-url="https://www.example.go.jp/policy/teigen(2024)|final.pdf"' in with_url  # for citations
    odd = page_text(document_pages(built(tmp_path, url="javascript:alert(1)"), None, []), "index.md")
    assert "href=\"javascript" not in odd and "公式掲載ページ：javascript:alert(1)" in odd
    assert "data-url" not in odd
    without = page_text(document_pages(built(tmp_path), None, []), "index.md")
    assert "公式掲載ページ" not in without and "data-url" not in without


def test_citation_data_carry_the_estimated_date(tmp_path):
    pages = document_pages(built(tmp_path, date=date(2021, 6, 1), date_note="推定"), None, [])
    assert 'data-date="2021年6月頃（推定）"' in page_text(pages, "index.md")
    assert "| 日付 | 2021年6月頃（推定：推定） |" in page_text(pages, "index.md")


def test_print_view_names_the_reading_page_for_citations(tmp_path):
    pages = document_pages(built(tmp_path), None, [])
    printed = page_text(pages, "print.md")
    assert 'data-reading="../"' in printed  # relative to the print view: the document's own page
    assert '## 1．はじめに {#1 data-reading-page=""}' in printed  # a one-page document: read on its index
    assert "data-reading" not in page_text(pages, "index.md")


def test_paragraph_numbers_match_the_ids_citations_use():
    counter = iter(range(1, 10))

    def next_id() -> str:
        return f"2-1-p{next(counter)}"

    span = SourceSpan(1, 1)
    paragraph = block_markdown(Paragraph("本文。", span), {}, next_id=next_id)
    items = block_markdown(ListBlock([ListItem("・", "一", span), ListItem("①", "二", span)], span), {},
                           next_id=next_id)
    table = block_markdown(Table([["a", "b"]], span), {}, next_id=next_id)
    pre = block_markdown(Paragraph("表　の　列", span, kind="preformatted"), {}, next_id=next_id)
    assert paragraph.endswith('{: #2-1-p1 data-para="1" }')
    assert '{: #2-1-p2 data-para="2" }' in items and '{: .atlas-marked #2-1-p3 data-para="3" }' in items
    assert '<table class="atlas-table" id="2-1-p4" data-para="4">' in table
    assert pre.startswith('<pre class="atlas-pre" id="2-1-p5" data-para="5">')
