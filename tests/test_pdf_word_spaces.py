"""Word spaces in Latin text read back from glyph positions (issue 23: 「English words glued」).

A Japanese office's comparison table sets the English original justified with character spacing:
each glyph is placed on its own and the PDF holds no space glyph, only a gap of about a tenth of
the size between words (a fifth or less: the old rule missed them, giving 「ofthe」「Suchanagreement
doesnot」).  The PDF made here draws such a line glyph by glyph; the reader must give its words back
with one space between them, keep a letter-spaced URL one word, and put no space between Japanese
characters however they are spaced.  On the shared corpus, the MLETR comparison table's English.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from pdf_samples import MARGIN, MARGIN_X, MINCHO, PAGE_HEIGHT, new_canvas
from reportlab.pdfbase import pdfmetrics

from atlas.read.read_pdf import read_pdf
from conftest import ROOT

SIZE = 10.0
LATIN = "Times-Roman"
SENTENCE = "Such an agreement does not affect the rights of any person that is not a party to it."
WORD_GAP = 0.12  # of the size: as wide as the corpus's widest gaps before 「the」, narrower than a fifth
URL = "https://www.example.go.jp/seisaku/chosakuken/"
URL_TRACKING = 0.04  # the URL's letters spaced evenly, as a justified Japanese line spaces them
JAPANESE = "電子的移転可能記録に関する規定を設ける"
JAPANESE_TRACKING = 0.15  # a justified Japanese line: every character a little apart


def _draw_glyphs(canvas, text: str, font: str, top: float, gap_of) -> None:
    """Each glyph drawn on its own (no space glyph): ``gap_of(prev, char)`` points before ``char``."""
    x = MARGIN_X
    baseline = PAGE_HEIGHT - top - SIZE * 0.88
    previous = ""
    for char in text:
        if char == " ":
            previous = char
            continue
        x += gap_of(previous, char)
        canvas.setFont(font, SIZE)
        canvas.drawString(x, baseline, char)
        x += pdfmetrics.stringWidth(char, font, SIZE)
        previous = char


def make_spaced_words(path: Path) -> None:
    canvas = new_canvas(path)
    _draw_glyphs(canvas, SENTENCE, LATIN, MARGIN, lambda prev, char: WORD_GAP * SIZE if prev == " " else 0.0)
    _draw_glyphs(canvas, URL, LATIN, MARGIN + 3 * SIZE, lambda prev, char: URL_TRACKING * SIZE if prev else 0.0)
    _draw_glyphs(canvas, JAPANESE, MINCHO, MARGIN + 6 * SIZE,
                 lambda prev, char: JAPANESE_TRACKING * SIZE if prev else 0.0)
    canvas.save()


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    path = tmp_path_factory.mktemp("spaces") / "spaced.pdf"
    make_spaced_words(path)
    return [line.text for line in read_pdf(path).lines if line.kind == "body"]


def test_justified_latin_words_without_space_glyphs_are_spaced(lines):
    assert SENTENCE in lines


def test_a_letter_spaced_url_stays_one_word(lines):
    assert URL in lines


def test_spaced_japanese_characters_get_no_space(lines):
    assert JAPANESE in lines


# The shared corpus: the MLETR comparison table's English, set without space glyphs.
CORPUS = Path(os.environ.get("ATLAS_CORPUS", ROOT.parent / "shared" / "corpus"))
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent (a fresh clone)")


@needs_corpus
def test_corpus_english_words_are_those_pdftotext_reads():
    # Every Latin word read from the PDF is a word pdftotext reads in the same file (it rebuilds the
    # spaces from the gaps): none glued (「ofthe」), none cut.
    pdf = CORPUS / "moj-bl-mletr-comparison-16-3.pdf"
    reference = set(re.findall(r"[A-Za-z]+", pdf.with_suffix(".txt").read_text(encoding="utf-8")))
    text = "\n".join(line.text for line in read_pdf(pdf).lines)
    assert "Such an agreement does not affect the rights of any" in text
    assert sorted({word for word in re.findall(r"[A-Za-z]+", text) if word not in reference}) == []
