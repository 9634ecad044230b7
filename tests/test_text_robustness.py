"""The text path never raises on text it was not written for: note-like lines running to the end
of a document (issue 24: an IndexError in footnotes), and random runs of note, number, heading and
blank lines (a property test with hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from atlas.check.report import document_report
from atlas.model.document import Document, DocumentMeta
from atlas.structure.anchors import assign_anchors
from atlas.structure.footnotes import MAX_NOTE_LINES, link_footnotes
from atlas.structure.letter_spacing import finish_text
from atlas.structure.nesting import nest
from atlas.structure.structure import Hints, read_structure
from atlas.text.clean import classify

SENTENCE = "本基準は、情報システムの機密性を確保することを目的とするものである。"


def convert(lines: list[str]) -> Document:
    classified = classify(lines)
    draft = read_structure(classified, Hints())
    finish_text(draft)
    link_footnotes(draft)
    preamble, sections = nest(draft)
    assign_anchors(sections)
    meta = DocumentMeta(id="t", title="t", body="t", date=None, kind="report", source="t.txt", summary="t")
    return Document(meta=meta, preamble=preamble, sections=sections, footnotes=draft.footnotes, lines=classified)


def test_a_note_running_past_the_note_length_to_the_end_of_the_text_is_read_as_text():
    # A web text edition: a paragraph a line, a marked word 「概念である1。」, then a line shaped like
    # a note 「1 …」 followed by more lines than a note has, up to the last line of the document.
    lines = ["概念である1。" + SENTENCE, "1 デジタル社会の実現に向けた重点計画の本文である。"]
    lines += [f"第{n}段落の本文であり、注ではない文章が続いている。" for n in range(MAX_NOTE_LINES + 2)]
    document = convert(lines)
    report = document_report(document)
    assert report.conserved, (report.lost, report.invented)
    assert not document.footnotes  # too long for a note: it stays the text it is


LINE_SHAPES = st.one_of(
    st.just(""),
    st.just(SENTENCE),
    st.just("概念である1。"),
    st.sampled_from(["1", "2", "3", "12"]),
    st.builds(lambda n, t: f"{n} {t}", st.integers(1, 12), st.sampled_from(["注の本文。", "出典：総務省", "参照"])),
    st.builds(lambda n: f"※{n} 注記", st.integers(1, 5)),
    st.sampled_from(["1．概要", "（1）目的", "第1章 総則", "【概要】", "（別添1）", "別紙2 様式", "ア 日本"]),
    st.just("\f"),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE_SHAPES, max_size=40))
# Found by this test: an annex label's title line that is a footnote's number took the note's lines.
@example(["概念である1。", "（別添1）", "1", SENTENCE])
def test_random_runs_of_note_number_heading_and_blank_lines_convert_keeping_every_character(lines):
    report = document_report(convert(lines))
    assert report.conserved, (lines, report.lost, report.invented)


def test_a_title_inside_marks_is_the_whole_line_with_no_number():
    # 「（別添1）」 over an annex of a notice (mhlw-shinryo-kaitei-teisei-2020 p. 2): cutting the title
    # 「別添1」 out left 「（別」 as its number, inventing 別 and losing ）.
    from atlas.text.numbering import heading_of

    found = heading_of("（別添1）")
    assert found is not None and "（別添1）" in found[1:]  # whole: the label is the number, the title below
    assert heading_of("1．概要")[1:] == ("1．", "概要")
