"""The generated test PDFs (tests/pdf_samples.py) say what they are meant to say.

These tests need no reader of ours: they check, with pdfplumber itself, that each sample holds
the Japanese text it was written with (reportlab's CID fonts are not embedded, so a wrong CMap
would give "(cid:18)"), in the fonts and sizes the reader's tests rely on, and that the broken
samples are broken the way they claim.  They also pin what pdfplumber reports that a reader
must know about: the Gothic face's name as written in the file, the raised footnote marker, the
ruling lines of the table, the outline's levels.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pdf_samples as samples
import pdfplumber
import pytest
from pdfplumber.utils.exceptions import PdfminerException


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return samples.write_samples(tmp_path_factory.mktemp("pdf-samples"))


def compact(text: str) -> str:
    return "".join(text.split())


def page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() for page in pdf.pages]


def test_generation_is_deterministic_and_fast(tmp_path):
    started = time.perf_counter()
    first = samples.write_samples(tmp_path / "first")
    elapsed = time.perf_counter() - started
    second = samples.write_samples(tmp_path / "second")
    assert elapsed < 2.0
    assert set(first) == set(samples.SAMPLES)
    for name, path in first.items():
        assert path.read_bytes() == second[name].read_bytes(), name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("headings", [samples.HEADINGS_TITLE, samples.HEADINGS_DATE, samples.HEADING_1, samples.HEADING_1_1,
                      samples.HEADING_UNNUMBERED, *(t for ts in samples.HEADINGS_PARAGRAPHS.values() for t in ts)]),
        ("footnotes", [samples.FOOTNOTE_HEADING, *(re.sub(r"\{(\d)\}", r"\1", t) for t in samples.FOOTNOTE_PARAGRAPHS),
                       *(label + " " + text for label, text in samples.FOOTNOTES)]),
        ("table", [samples.TABLE_HEADING, samples.TABLE_BEFORE, samples.TABLE_CAPTION, samples.TABLE_AFTER,
                   *("".join(row) for row in samples.TABLE_ROWS)]),
        ("encrypted", [samples.ENCRYPTED_HEADING, samples.ENCRYPTED_TEXT]),
        ("bookmarks", [text for _, title, _ in samples.BOOKMARKS
                       for text in (title, samples.BOOKMARK_TEXTS[title])]),
    ],
)
def test_pdfplumber_reads_back_the_japanese_written(pdfs, name, expected):
    text = compact("".join(page_texts(pdfs[name])))
    assert "(cid:" not in text
    for piece in expected:
        assert compact(piece) in text, piece


def test_two_column_text_is_all_there_and_the_columns_share_baselines(pdfs):
    """pdfplumber's own line grouping runs across the gutter: the reader must split the columns."""
    with pdfplumber.open(pdfs["two-columns"]) as pdf:
        page = pdf.pages[0]
        top, middle = samples.COLUMN_TOP - 5, samples.PAGE_WIDTH / 2
        title = page.crop((0, 0, samples.PAGE_WIDTH, top)).extract_text()
        left = page.crop((0, top, middle, samples.PAGE_HEIGHT)).extract_text()
        right = page.crop((middle, top, samples.PAGE_WIDTH, samples.PAGE_HEIGHT)).extract_text()
        merged = [line["text"] for line in page.extract_text_lines()]
    assert title == samples.TWO_COLUMN_TITLE
    assert compact("".join(i.text for i in samples.TWO_COLUMN_ITEMS)) == compact(left) + compact(right)
    assert samples.TWO_COLUMN_SPLIT not in compact(left) and samples.TWO_COLUMN_SPLIT[:20] in compact(left)
    assert any("1．調査の概要" in line and "明らかになった。" in line for line in merged)


def test_running_header_and_page_numbers_on_every_page(pdfs):
    texts = page_texts(pdfs["running-header"])
    assert len(texts) == samples.RUNNING_PAGES
    for number, text in enumerate(texts, 1):
        lines = text.split("\n")
        assert lines[0] == samples.RUNNING_HEADER
        assert lines[-1] == f"- {number} -"
    whole = compact("".join(texts))
    for item in samples.RUNNING_ITEMS:
        if item is not None and not isinstance(item, samples.Picture):
            assert compact(item.text) in whole.replace(compact(samples.RUNNING_HEADER), "").replace("-1-", ""), item
    assert "3\n" + samples.CLAUSES[2][1] in texts[1]  # the bare clause number stands on a line of its own


def test_fonts_and_sizes_as_pdfminer_reports_them(pdfs):
    """reportlab's FontDescriptor spells the Gothic face "HeiseKakuGo-W5" (no i): that is the name
    pdfminer gives, so a reader must recognise Gothic by "Go"/"Gothic", not by the registered name."""
    with pdfplumber.open(pdfs["headings"]) as pdf:
        chars = pdf.pages[0].chars
    faces = {(c["fontname"], round(c["size"], 1)) for c in chars}
    assert faces == {("HeiseKakuGo-W5", 18.0), ("HeiseiMin-W3", 10.5), ("HeiseKakuGo-W5", 14.0),
                     ("HeiseKakuGo-W5", 12.0)}
    body = [c for c in chars if c["fontname"] == "HeiseiMin-W3"]
    assert all(c["x1"] <= samples.PAGE_WIDTH - samples.MARGIN_X + 0.01 for c in body)
    # A full line is justified to the column edge; a paragraph's first line starts one character in.
    line = [c for c in body if abs(c["top"] - body[10]["top"]) < 1]
    assert line[0]["x0"] == pytest.approx(samples.MARGIN_X + samples.BODY_SIZE, abs=0.01)
    assert line[-1]["x1"] == pytest.approx(samples.PAGE_WIDTH - samples.MARGIN_X, abs=0.01)


def test_footnote_marker_is_small_and_raised_and_the_notes_small_under_a_rule(pdfs):
    with pdfplumber.open(pdfs["footnotes"]) as pdf:
        page = pdf.pages[0]
        chars, rules = page.chars, page.lines
    text = "".join(c["text"] for c in chars)
    marker = chars[text.index("である1。") + 3]
    before = chars[text.index("である1。") + 2]
    assert marker["text"] == "1" and marker["size"] == pytest.approx(samples.SUPERSCRIPT_SIZE)
    assert marker["bottom"] < before["bottom"] - 2  # raised above the baseline
    notes = [c for c in chars if c["size"] == pytest.approx(samples.NOTE_SIZE)]
    assert compact("".join(c["text"] for c in notes)) == compact("".join(n + t for n, t in samples.FOOTNOTES))
    assert min(c["top"] for c in notes) > samples.PAGE_HEIGHT * 0.8
    assert len(rules) == 1 and rules[0]["x1"] - rules[0]["x0"] < 200
    assert rules[0]["top"] < min(c["top"] for c in notes)


def test_table_ruling_is_found_by_pdfplumber(pdfs):
    with pdfplumber.open(pdfs["table"]) as pdf:
        assert pdf.pages[0].extract_tables() == [samples.TABLE_ROWS]


def test_encrypted_sample_opens_without_a_password(pdfs):
    with pdfplumber.open(pdfs["encrypted"]) as pdf:
        assert pdf.doc.encryption is not None
        assert compact(pdf.pages[0].extract_text()) == compact(samples.ENCRYPTED_HEADING + samples.ENCRYPTED_TEXT)


def test_password_sample_needs_its_password(pdfs):
    with pytest.raises(PdfminerException) as error, pdfplumber.open(pdfs["password"]) as pdf:
        pdf.pages[0].extract_text()
    assert "PDFPasswordIncorrect" in repr(error.value)
    with pdfplumber.open(pdfs["password"], password="secret") as pdf:
        assert compact(samples.ENCRYPTED_TEXT) in compact(pdf.pages[0].extract_text())


def test_scan_sample_has_images_and_no_text(pdfs):
    with pdfplumber.open(pdfs["scan"]) as pdf:
        assert len(pdf.pages) == 2
        assert all(page.images and not page.chars for page in pdf.pages)


@pytest.mark.parametrize("name", ["truncated", "not-pdf"])
def test_broken_samples_do_not_open(pdfs, name):
    with pytest.raises(PdfminerException), pdfplumber.open(pdfs[name]) as pdf:
        for page in pdf.pages:
            page.extract_text()


def test_bookmarks_levels_titles_and_pages(pdfs):
    """pdfminer counts outline levels from 1; pages are found through the destination's page object."""
    with pdfplumber.open(pdfs["bookmarks"]) as pdf:
        pages = {page.page_obj.pageid: page.page_number for page in pdf.pages}
        outline = [(level, title, pages[dest[0].objid]) for level, title, dest, _, _ in pdf.doc.get_outlines()]
    assert outline == samples.BOOKMARKS
