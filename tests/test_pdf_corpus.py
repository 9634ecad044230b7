"""The PDF reader on real policy PDFs it was not written for (../shared/corpus; skipped when absent).

Expected values were read off the PDFs by hand (page numbers given), not copied from output.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from atlas.check.outline import compare, document_outline, fold, load_reference
from atlas.check.report import document_report, model_text
from atlas.model.document import Figure, Paragraph, Table
from atlas.read.read_pdf import read_pdf
from conftest import ROOT, corpus_document

# ATLAS_CORPUS names the corpus when the checkout is not beside it (a worktree one level deeper).
CORPUS = Path(os.environ.get("ATLAS_CORPUS", ROOT.parent / "shared" / "corpus"))
PDFS = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []

pytestmark = pytest.mark.skipif(not PDFS, reason="../shared/corpus is absent (a fresh clone without it)")


def converted(doc_id: str):
    # Once per test process for all the files that read the corpus (conftest.corpus_document).
    return corpus_document(doc_id)


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_every_corpus_pdf_converts_keeping_every_character(pdf: Path) -> None:
    # Checked against the PDF's text layer (issue 24), with the structure found, not read plainly.
    document = converted(pdf.stem)
    report = document_report(document)
    assert document.reading.text_layer
    assert report.conserved, (report.lost[:40], report.invented[:40])
    assert not report.plain_text
    assert not any(0xE000 <= ord(ch) <= 0xF8FF for ch in model_text(document))  # bullets became 「・」


@pytest.mark.parametrize(("doc_id", "label"), [
    # mhlw-mf-cell-tissue-dossier-2013 p. 3: 「（別添）」 over the 作成要領; it was cut into the number
    # 「（別」 and the title 「別添」, and the document refused (「would lose text '）' or invent '別'」).
    ("mhlw-mf-cell-tissue-dossier-2013", "（別添）"),
    # mhlw-shinryo-kaitei-teisei-2020 p. 2: 「（別添1）」 heads the first of the corrected notices.
    ("mhlw-shinryo-kaitei-teisei-2020", "（別添1）"),
])
def test_an_annex_label_in_brackets_is_a_heading_as_printed(doc_id: str, label: str) -> None:
    # The label is whole, never cut: it is the heading's number, its title the line printed under it.
    sections = converted(doc_id).all_sections()
    assert any(s.number == label and s.title for s in sections), [(s.number, s.title) for s in sections][:8]


def test_a_flow_chart_label_is_no_slide_title() -> None:
    # pmda-mf-system-slides p. 19: the slide's title is 「MF登録」 over a flow chart whose large 「登」「録」
    # run down its left edge; 「登」 was made the title and read twice.
    document = converted("pmda-mf-system-slides")
    titles = [s.title for s in document.all_sections()]
    assert "登" not in titles
    assert document_report(document).conserved


def test_private_use_bullets_become_bullets_and_are_counted() -> None:
    # pmda-mf-system-slides p. 11: 「 PMDAに登録の際には、…」 set with a Wingdings bullet (U+F06C); its
    # pdftotext text (the corpus .txt) holds U+F06C seven times, the bullets of pp. 11–12.
    document = converted("pmda-mf-system-slides")
    assert document.reading.bullets == 7
    assert "・ PMDAに登録の際には" in "\n".join(line.text for line in document.lines)


def test_slide_deck_has_one_section_per_slide_titled_as_printed() -> None:
    # fsa-insurance-monitoring-report-2023.pdf: ten content slides after the cover (pp. 2–11); the cover's
    # title is not in the text layer, its date 「2023年6月」 is no slide title.
    document = converted("fsa-insurance-monitoring-report-2023")
    score = compare(load_reference(ROOT / "tests" / "outlines" / "fsa-insurance-monitoring-report-2023.yml"),
                    document_outline(document))
    assert (score.recall, score.precision) == (1.0, 1.0), (score.missed, score.spurious)


def test_two_columns_are_read_column_by_column_on_a_white_paper_page() -> None:
    # mext-sti-whitepaper-r6-ch3.pdf p. 1: the left column's first sentence runs over three printed lines,
    # 「第1章で見てきたように、AI研究はブーム / を繰り返してきていますが、第3次ブーム以降、 / 米国や英国、…」.
    document = converted("mext-sti-whitepaper-r6-ch3")
    first = next(b for b in document.sections[0].blocks if isinstance(b, Paragraph))
    assert first.text.startswith("第1章で見てきたように、AI研究はブームを繰り返してきていますが、"
                                 "第3次ブーム以降、米国や英国")


def test_running_headers_page_numbers_and_chapter_tabs_are_counted_furniture() -> None:
    # mext-sti-whitepaper-r6-ch3.pdf: a running header over every page (第1部 … on odd, 第3章 … on even pages),
    # page numbers 24–39 at the foot, and a chapter tab 「第 3 章」 down the outer edge of the even pages.
    document = converted("mext-sti-whitepaper-r6-ch3")
    dropped = document_report(document).dropped_lines
    assert dropped["running-header"] == 16 and dropped["page-number"] == 16
    numbers = [line.text for line in document.lines if line.kind == "page-number"]
    assert numbers == [str(n) for n in range(24, 40)]
    # The tab's characters stand one under the other: read as one word where they stand alone
    # (on all but one page, where another character stands within one and a half characters of it).
    tabs = [line.text for line in document.lines if line.kind == "margin-tab"]
    assert tabs.count("第3章") >= 7 and set(tabs) <= {"第3章", "第", "3", "章"}, tabs


def test_footnotes_at_the_page_foot_are_notes_linked_to_their_markers() -> None:
    # mext-sti-whitepaper-r6-ch3.pdf p. 1: marker 1 after 「民間投資は増加傾向にあるとともに」, note 1 at the foot:
    # 「Stanford Institute for Human-Centered Artificial Intelligence …」.
    document = converted("mext-sti-whitepaper-r6-ch3")
    note = next(n for n in document.footnotes if n.label == "1")
    assert note.text.startswith("Stanford Institute for Human-Centered Artificial Intelligence")
    paragraph = next(b for b in document.sections[0].blocks if isinstance(b, Paragraph) and "民間投資" in b.text)
    ref = next(r for r in paragraph.refs if r.label == "1")
    assert paragraph.text[:ref.offset].endswith("民間投資は増加傾向にあるとともに")


def test_minutes_particulars_title_and_speaker_turns() -> None:
    # moj-bl-subcommittee-02-minutes.pdf p. 1: 第１ 日 時 / 第２ 場 所 / 第３ 議 題 / 第４ 議 事 with their values;
    # p. 2: the centred, letter-spaced 「議　事」 over the proceedings; turns open with ○name.
    document = converted("moj-bl-subcommittee-02-minutes")
    particulars = next(b for b in document.preamble if isinstance(b, Table))
    assert [fold(row[0]) for row in particulars.rows] == ["第1日時", "第2場所", "第3議題", "第4議事"]
    assert particulars.rows[1][1] == "法務省地下1階 大会議室"
    assert [s.title for s in document.all_sections()] == ["議事"]
    turns = [b.text for b in document.sections[0].blocks if isinstance(b, Paragraph) and b.text.startswith("○")]
    assert turns[0].startswith("○藤田部会長 予定した時刻になりましたので、"
                               "法制審議会商法（船荷証券等関係）部会の第2回会議")
    assert len(turns) > 100


def test_table_of_contents_is_removed_whole() -> None:
    # ipa-vuln-partnership-guideline-2019.pdf p. 2: 「目次」 and its dotted entries, one page.
    document = converted("ipa-vuln-partnership-guideline-2019")
    toc = [line for line in document.lines if line.kind == "toc"]
    assert toc[0].text.replace(" ", "") == "目次" and {line.page for line in toc} == {2}
    assert not any("目次" in s.title for s in document.all_sections())


def test_bookmarks_are_read_with_their_pages() -> None:
    # jssec-smartphone-tablet-security-guideline-v2.pdf has 96 bookmarks (its .json: outline_entries 96).
    outline = read_pdf(CORPUS / "jssec-smartphone-tablet-security-guideline-v2.pdf").outline
    assert len(outline) == 96
    assert all(1 <= page <= 43 for _, _, page in outline)


def test_white_paper_figure_captions_are_captions() -> None:
    # mext-sti-whitepaper-r6-ch3.pdf p. 1: 「■第1-3-1図／AIに関する論文数の推移」 over its chart, whose labels
    # (論文数, 250,000 …) are the figure's words, not paragraphs or headings.
    document = converted("mext-sti-whitepaper-r6-ch3")
    blocks = document.sections[0].blocks
    caption = next(i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and "第1-3-1図" in b.text)
    assert blocks[caption].kind == "caption"
    # The chart is a figure where it stood, its labels its text.
    assert isinstance(blocks[caption + 1], Figure) and "250,000" in blocks[caption + 1].text
