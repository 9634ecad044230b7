"""Ruby (a word's reading set small over it) stays with its word (issue 23, bench/reader.md:
「ふかんず」 stood as a line of its own inside a sentence of mext-sti-whitepaper-r6-ch1).

The PDF is made here: a paragraph whose second line holds a word with its reading set at half
the body size over it, as Japanese typesetting sets ruby.  The reader writes the reading into
the line after its word (Unicode's interlinear annotation marks); the site shows it as HTML
ruby; conservation counts every character of the reading once and none of the marks.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pdf_samples import (
    BODY_SIZE,
    LEADING,
    MARGIN_X,
    MINCHO,
    TEXT_WIDTH,
    _atoms,
    draw_line,
    justified,
    new_canvas,
    pdf_document,
    wrap,
)
from reportlab.pdfbase import pdfmetrics

from atlas.check.report import document_report, model_text
from atlas.model.document import Paragraph
from atlas.read.read_clean import read_clean
from atlas.read.read_pdf import read_pdf
from atlas.text.ruby_marks import ANCHOR, SEPARATOR, TERMINATOR, with_readings
from atlas.write.markdown import escape
from atlas.write.write_clean import clean_text, inline

BASE, READING = "齟齬", "そご"
PARAGRAPH = ("計画を立てる段階から現場の担当者が加わることで、計画と実施の間に齟齬が生じないようにし、進み具合を"
             "毎月確かめながら必要な見直しを行う。")
RUBY_SIZE = BODY_SIZE / 2
TOP = 120.0


def make_ruby(path: Path) -> None:
    canvas = new_canvas(path)
    lines = wrap(PARAGRAPH, MINCHO, BODY_SIZE, TEXT_WIDTH, indent=BODY_SIZE)
    assert len(lines) >= 2
    pitch = BODY_SIZE * LEADING
    for index, line in enumerate(lines):
        x = MARGIN_X + (BODY_SIZE if index == 0 else 0)
        last = index == len(lines) - 1
        space = 0.0 if last else justified(line, MINCHO, BODY_SIZE, TEXT_WIDTH - (BODY_SIZE if index == 0 else 0))
        top = TOP + index * pitch
        draw_line(canvas, line, x, top, MINCHO, BODY_SIZE, space)
        text = "".join(piece for piece, _ in line)
        if BASE in text:  # the reading centred over its word, its foot touching the line's top
            before = text[: text.index(BASE)]
            start = x + pdfmetrics.stringWidth(before, MINCHO, BODY_SIZE) + len(before) * space
            width = pdfmetrics.stringWidth(BASE, MINCHO, BODY_SIZE) + (len(BASE) - 1) * space
            ruby_width = pdfmetrics.stringWidth(READING, MINCHO, RUBY_SIZE)
            draw_line(canvas, _atoms(READING), start + (width - ruby_width) / 2, top - RUBY_SIZE, MINCHO, RUBY_SIZE)
    canvas.save()


@pytest.fixture(scope="module")
def ruby_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ruby") / "ruby.pdf"
    make_ruby(path)
    return path


def test_ruby_goes_with_the_word_it_reads(ruby_pdf: Path) -> None:
    texts = [line.text for line in read_pdf(ruby_pdf).lines if line.kind == "body"]
    assert READING not in texts, "the reading must not stand as a line of its own"
    joined = "".join(texts)
    assert f"{ANCHOR}{BASE}{SEPARATOR}{READING}{TERMINATOR}" in joined
    assert with_readings(joined) == PARAGRAPH.replace(BASE, f"{BASE}（{READING}）")


def test_ruby_is_conserved_and_the_paragraph_stays_whole(ruby_pdf: Path) -> None:
    document = pdf_document(ruby_pdf)
    assert document_report(document).conserved
    paragraphs = [b for b in document.preamble if isinstance(b, Paragraph)] + \
        [b for s in document.all_sections() for b in s.blocks if isinstance(b, Paragraph)]
    assert [with_readings(p.text) for p in paragraphs] == [PARAGRAPH.replace(BASE, f"{BASE}（{READING}）")]
    assert model_text(document).count(READING) == 1


def test_clean_text_writes_ruby_as_japanese_e_text_does_and_reads_it_back(ruby_pdf: Path, tmp_path: Path) -> None:
    """The text download keeps the reading legible in any editor, 「｜俯瞰図《ふかんず》」 (the Aozora
    Bunko notation), not Unicode's invisible annotation marks; read back, it is the word's ruby again."""
    document = pdf_document(ruby_pdf)
    text = clean_text(document)
    assert f"｜{BASE}《{READING}》" in text and ANCHOR not in text and TERMINATOR not in text
    draft, _ = read_clean(tmp_path / "clean.txt", text.splitlines())
    paragraphs = [item.text for item in draft.items if isinstance(item, Paragraph)]
    assert any(f"{ANCHOR}{BASE}{SEPARATOR}{READING}{TERMINATOR}" in p for p in paragraphs), paragraphs
    # A ｜ of the text's own is escaped: it never turns the words after it into ruby.
    assert clean_text_of("記号｜見本《みほん》は文字どおり", tmp_path) == "記号｜見本《みほん》は文字どおり"


def clean_text_of(paragraph: str, folder: Path) -> str:
    """A one-paragraph clean text written and read back: the paragraph's text."""
    draft, _ = read_clean(folder / "clean.txt", [inline(paragraph, [])])
    return draft.items[0].text


def test_the_site_shows_ruby_over_its_word() -> None:
    assert escape(f"間に{ANCHOR}{BASE}{SEPARATOR}{READING}{TERMINATOR}が") == \
        f"間に<ruby>{BASE}<rp>（</rp><rt>{READING}</rt><rp>）</rp></ruby>が"
    # A pair cut apart (a link inside it) leaves no stray mark behind.
    assert escape(f"{ANCHOR}{BASE}") == BASE


CORPUS = Path(os.environ.get("ATLAS_CORPUS", Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"))


def test_white_paper_ruby_stays_with_its_word_on_the_corpus() -> None:
    """mext-sti-whitepaper-r6-ch1, PDF p. 1: 「俯瞰図」 carries 「ふかんず」 twice (in the text and in
    the figure's caption), read off the PDF."""
    path = CORPUS / "mext-sti-whitepaper-r6-ch1.pdf"
    if not path.exists():
        pytest.skip(f"corpus not available: {path}")
    lines = [line for line in read_pdf(path).lines if line.page == 1]
    assert not any(line.text == "ふかんず" for line in lines)
    text = with_readings("".join(line.text for line in lines))
    assert "の俯瞰図（ふかんず）のように" in text and "技術の俯瞰図（ふかんず）（時系列）" in text
