"""A footnote's mark printed at the end of a heading's title (issue 23).

「● AIに関する国際連携イニシアティブ（GPAI3）」: the superscript 3 is note 3's mark, glued by the text
layer onto the title.  Left in the title, the heading names something else (「GPAI3」) and the note
has no reference; the notes step takes it out of the title as it does out of a paragraph, and the
page, the clean text and the conservation check carry it as the heading's reference.
Fixtures written here in the shape pdftotext gives (notes 「N　text」 at the page's foot).
"""

from __future__ import annotations

from pathlib import Path

from test_clean_text import meta, read_back
from test_structure_rules import notes_of

from atlas.check.report import document_report
from atlas.config.catalog import Entry
from atlas.pipeline import build_document
from atlas.structure.structure import Hints
from atlas.write.write import heading_markdown
from atlas.write.write_clean import clean_text

LINES = ["１．目的", "本指針は、重要インフラ1の防護を目的とする。", "",
         "２．国際連携の取組（GPAI2）", "各国と協力して、信頼できる技術の開発と利用を進める。", "",
         "３．フェーズ3の計画", "次の段階の計画を定める。", "",
         "1　電力、ガス、水道等をいう。", "2　The Global Partnership on Artificial Intelligence"]


def test_a_note_mark_closing_a_heading_is_the_headings_reference():
    _, sections, notes = notes_of(LINES)
    assert [(n.label, n.text) for n in notes][1] == ("2", "The Global Partnership on Artificial Intelligence")
    second = sections[1]
    assert second.title == "国際連携の取組（GPAI）"
    assert [(ref.offset, ref.label) for ref in second.refs] == [(len("国際連携の取組（GPAI"), "2")]
    # A number inside a title is the title's own, never a mark (no note 3 either way).
    assert sections[2].title == "フェーズ3の計画" and not sections[2].refs
    # The page shows it where it was printed, as a footnote reference.
    assert heading_markdown(second, {"2": "2"}) == "2．国際連携の取組（GPAI[^2]）"


def test_a_heading_note_mark_keeps_the_text_whole_and_reads_back_from_clean_text(tmp_path: Path):
    (tmp_path / "sample.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    document = build_document(Entry(meta("sample.txt", "pdf-text"), Hints(), 1), tmp_path)
    linked = document.sections[1]
    assert [ref.label for ref in linked.refs] == ["2"]
    report = document_report(document)
    assert report.conserved, (report.lost, report.invented)  # the mark is counted as the heading's
    back = read_back(clean_text(document), tmp_path)
    again = back.sections[1]
    assert (again.title, [(r.offset, r.label) for r in again.refs]) == (
        linked.title, [(r.offset, r.label) for r in linked.refs])
