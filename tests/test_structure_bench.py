"""bench/structure.py: the structure benchmark runs on a fresh clone (no corpus) and says what it lacks."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("structure_bench", ROOT / "bench" / "structure.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["structure_bench"] = module
    spec.loader.exec_module(module)
    return module


OUTLINE = """\
document: ipr-data-ai-cooljapan-2019
where: sources
headings:
  - {level: 1, text: "１．データ利活用促進", line: 5}
  - {level: 1, text: "２．AIの知財戦略強化", line: 73}
  - {level: 1, text: "４．存在しない章", line: 150}
"""


def test_without_the_corpus_the_seeds_are_measured_and_corpus_rows_skipped(bench, tmp_path):
    outlines = tmp_path / "outlines"
    outlines.mkdir()
    (outlines / "ipr-data-ai-cooljapan-2019.yml").write_text(OUTLINE, encoding="utf-8")
    out = tmp_path / "structure.md"
    assert bench.main(["--corpus", str(tmp_path / "absent"), "--outlines", str(outlines), "--out", str(out)]) == 0
    report = out.read_text(encoding="utf-8")
    assert "no corpus rows: `../shared/corpus` is absent" in report
    assert "| corpus | " not in report
    # The one outline: two of three chapters found (line 150 is made up), 13 headings found.
    row = next(line for line in report.splitlines() if line.startswith("| ipr-data-ai-cooljapan-2019 |"))
    cells = [c.strip() for c in row.split("|")[1:-1]]
    # headings, recall, precision, level acc. (absolute), parent right (both chapters at the top), missed / spurious
    assert cells[3:9] == ["13", "0.67", "0.15", "1.00", "1.00", "1 / 11"]
    assert "「４．存在しない章」" in report
    assert "| seeds | 1 of 11 | 0.67 | 0.15 |" in report
    # Every failure mode of issue 11 has a row.
    assert all(f"\n| {n} | " in report for n in range(1, 18))


def test_failure_mode_tests_are_found_by_their_def_or_reported_missing(bench):
    assert bench.test_status("tests/test_diagnose.py::test_well_structured_document_does_not_warn") == \
        "`tests/test_diagnose.py::test_well_structured_document_does_not_warn`"
    # Found in another file of tests/ when it moved.
    assert bench.test_status("tests/test_elsewhere.py::test_well_structured_document_does_not_warn") == \
        "`tests/test_diagnose.py::test_well_structured_document_does_not_warn`"
    assert bench.test_status("tests/test_diagnose.py::test_well_structured") == "none yet"
    assert set(bench.FAILURE_MODE_TESTS) <= set(bench.FAILURE_MODES) == set(range(1, 18))


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2014年3月25日", "2014-03-25"),
        ("平成9年9月24日 最終改正 (PDF 2000年)", "1997-09-24"),
        ("not printed (distributed at 部会第2回, 令和4年6月15日)", "2022-06-15"),
        ("2022年5月 (2019年版第2刷)", "2022-05-01"),
        ("not printed in chapter PDF (令和6年版 per file name; published 2024)", "2024-01-01"),
        ("not printed", "2000-01-01"),
    ],
)
def test_corpus_dates_become_iso_dates(bench, text, iso):
    assert bench.corpus_date(text) == iso


def test_corpus_documents_convert_from_a_scratch_catalog(bench, tmp_path):
    corpus = ROOT.parent / "shared" / "corpus"
    if not (corpus / "meti-info-system-safety-standard-1997.txt").is_file():
        pytest.skip("../shared/corpus is absent")
    rows = bench.corpus_rows(corpus, tmp_path)
    assert len(rows) == len(list(corpus.glob("*.json")))
    assert all(r.set == "corpus" and r.chars > 1_000 and r.score is None for r in rows if not r.error)


def _document(text: str, folder):
    """``text`` converted as a catalog entry's pdftotext text would be."""
    from test_clean_text import meta

    from atlas.config.catalog import Entry
    from atlas.pipeline import build_document
    from atlas.structure.structure import Hints

    (folder / "sample.txt").write_text(text, encoding="utf-8")
    return build_document(Entry(meta("sample.txt", "pdf-text"), Hints(), 1), folder)


def test_strict_joins_count_sentence_breaks_joined_without_a_space(bench, tmp_path):
    text = ("１．目的\n"
            "本基準は、情報システムの機密性、保全性及び\n"      # ends in 及び: no particle, not counted
            "可用性を確保することを目的として、自然災害、\n"    # ends in 、: counted
            "機器の障害等のリスクを未然に防止するものである。\n"
            "The guideline applies to systems that\n"          # Latin word before lower case: counted
            "process personal data in the cloud.\n")
    document = _document(text, tmp_path)
    assert bench.strict_joins(document) == (2, 2)
    # A measure that can fail: the same document with its paragraph cut where the comma stands.
    document.sections[0].blocks[0].text = document.sections[0].blocks[0].text.replace("自然災害、", "自然災害、\n")
    assert bench.strict_joins(document) == (1, 2)


def test_noise_lines_are_found_by_their_form_at_page_edges(bench, tmp_path):
    page = "情報システムの安全対策基準\n本基準は、情報システムの機密性を確保するものである。\n{n}\n"
    text = "\f".join(page.format(n=n) for n in range(1, 5)) + "\f目次\n１．目的……………………3\n"
    document = _document(text, tmp_path)
    noise = bench.noise_lines(document.lines)
    texts = [line.text.strip() for line in noise]
    # Four page numbers closing their pages, the running title on pages 2-4 (the first may be the
    # title itself), the contents line with leaders; the sentences are not noise.
    assert texts.count("情報システムの安全対策基準") == 3
    assert sorted(t for t in texts if t.isdigit()) == ["1", "2", "3", "4"]
    assert "1．目的……………………3" in texts  # normalised: the full-width digit folds, the stop stays
    assert not any("本基準は" in t for t in texts)
    absent, found = bench.noise_absent(document)
    assert found == len(noise) == 8
    assert absent == found  # the converter keeps every one of them off the page


def _hand_made(texts: list[str], sections: list, preamble: list | None = None):
    """A document of the given source lines and sections, as the converter's model holds it."""
    import datetime

    from atlas.model.document import Document, DocumentMeta, Line

    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    meta = DocumentMeta("sample", "見本", "見本省", datetime.date(2024, 4, 1), "report", "sample.txt", "見本。")
    return Document(meta, preamble=preamble or [], sections=sections, lines=lines)


def _reference(*headings: tuple[int, str, int]):
    from atlas.check.outline import ExpectedHeading, Reference

    return Reference("sample", "sources", tuple(ExpectedHeading(level, text, line=line)
                                                for level, text, line in headings))


def test_a_contents_entry_taken_for_its_heading_is_found_but_not_aligned(bench):
    """Issue 23's reader figures: a printed contents list read as the outline finds every heading's text,
    but what follows the first entry is the next entry, and the body sits under the last one."""
    from atlas.check.outline import compare, document_outline
    from atlas.model.document import Paragraph, Section, SourceSpan

    texts = ["1．はじめに", "2．方針", "1．はじめに", "本文の一つ目の段落である。", "2．方針",
             "本文の二つ目の段落である。"]
    shell = Section("はじめに", 1, SourceSpan(1, 1), number="1．")
    body = Section("方針", 1, SourceSpan(2, 6), number="2．", blocks=[
        Paragraph("1．はじめに本文の一つ目の段落である。", SourceSpan(3, 4)),
        Paragraph("2．方針本文の二つ目の段落である。", SourceSpan(5, 6))])
    document = _hand_made(texts, [shell, body])
    reference = _reference((1, "1．はじめに", 3), (1, "2．方針", 5))
    score = compare(reference, document_outline(document))
    assert score.pairs == [(0, 0), (1, 1)]  # both found: recall 1.0
    # Each heading is found in the body, where the reference says, not at its contents entry.
    assert bench.locate_headings(document, reference, score) == [3, 5]
    placement = bench.text_under_headings(document, reference, score)
    # 「2．方針」 has its text; 「1．はじめに」's (lines 3-4, the heading's line glued in) stands under 「2．方針」.
    assert (placement.aligned, placement.headings) == (1, 2)
    assert (placement.placed, placement.chars) == (len("2．方針本文の二つ目の段落である。"), len("".join(texts[2:])))
    assert bench.empty_sections(document) == (1, 2)
    # The two paragraphs each end a sentence: no break inside one.
    assert bench.split_sentences(document) == (0, 1)
    body.blocks[0].text = "1．はじめに本文の一つ目の段落であり、"
    assert bench.split_sentences(document) == (0, 1)  # the next paragraph starts with a number, not Japanese
    body.blocks[1].text = "方針の本文である。"
    assert bench.split_sentences(document) == (1, 1)


def test_a_heading_whose_text_runs_on_under_a_false_heading_is_not_aligned(bench):
    """The old measure looked at the first line after a heading only: 「１．目的」 opens its text, then a
    chart tick taken for a heading (a sibling) carries the rest of it.  All of a heading's text counts."""
    from atlas.check.outline import compare, document_outline
    from atlas.model.document import Paragraph, Section, SourceSpan

    texts = ["１．目的", "本基準は、情報システムの安全を", "確保するものである。", "110.0",
             "自然災害、機器の障害及び不正アクセスに備え、", "設置、技術及び運用の基準を定める。",
             "以上を本基準の目的とする。", "２．範囲", "本基準は国の情報システムに適用する。"]
    purpose = Section("目的", 1, SourceSpan(1, 3), number="１．",
                      blocks=[Paragraph("本基準は、情報システムの安全を確保するものである。", SourceSpan(2, 3))])
    tick = Section("110.0", 1, SourceSpan(4, 7), blocks=[
        Paragraph("自然災害、機器の障害及び不正アクセスに備え、設置、技術及び運用の基準を定める。", SourceSpan(5, 6)),
        Paragraph("以上を本基準の目的とする。", SourceSpan(7, 7))])
    scope = Section("範囲", 1, SourceSpan(8, 9), number="２．",
                    blocks=[Paragraph("本基準は国の情報システムに適用する。", SourceSpan(9, 9))])
    document = _hand_made(texts, [purpose, tick, scope])
    reference = _reference((1, "１．目的", 1), (1, "２．範囲", 8))
    score = compare(reference, document_outline(document))
    placement = bench.text_under_headings(document, reference, score)
    own, elsewhere = len("本基準は、情報システムの安全を確保するものである。"), len("".join(texts[4:7]))
    assert (placement.aligned, placement.headings) == (1, 2)  # only 「２．範囲」
    assert (placement.placed, placement.chars) == (own + len(texts[8]), own + elsewhere + len(texts[8]))
    # Nested under 「１．目的」 (a subsection), the same text stands under its heading: aligned.
    purpose.children, document.sections = [tick], [purpose, scope]
    tick.level = 2
    score = compare(reference, document_outline(document))
    assert bench.text_under_headings(document, reference, score).aligned == 2
    # A heading the conversion missed has no section: its text is nowhere under it.
    document.sections = [purpose]
    purpose.blocks.append(Paragraph("２．範囲本基準は国の情報システムに適用する。", SourceSpan(8, 9)))
    score = compare(reference, document_outline(document))
    placement = bench.text_under_headings(document, reference, score)
    assert (placement.aligned, placement.headings) == (1, 2)
    assert placement.chars - placement.placed == len("２．範囲本基準は国の情報システムに適用する。")


def test_a_slide_title_printed_below_its_bullets_heads_them(bench):
    """A slide's title that the text extraction puts below the slide's bullets, which the converter sets
    over them: the bullets are the title's text, not the previous slide's."""
    from atlas.check.outline import compare, document_outline
    from atlas.model.document import Paragraph, Section, SourceSpan

    texts = ["データ戦略の概要", "戦略の全体像を示す。", "", "・越境データ流通の信頼を確保する。",
             "・各国の制度の相互運用性を高める。", "国際連携の方向性", "", "・次の会合で議論を深める。",
             "会合の予定"]
    bullets = "・越境データ流通の信頼を確保する。・各国の制度の相互運用性を高める。"
    first = Section("データ戦略の概要", 1, SourceSpan(1, 2), blocks=[Paragraph(texts[1], SourceSpan(2, 2))])
    second = Section("国際連携の方向性", 1, SourceSpan(4, 6), blocks=[Paragraph(bullets, SourceSpan(4, 5))])
    third = Section("会合の予定", 1, SourceSpan(8, 9), blocks=[Paragraph(texts[7], SourceSpan(8, 8))])
    document = _hand_made(texts, [first, second, third])
    reference = _reference((1, "データ戦略の概要", 1), (1, "国際連携の方向性", 6), (1, "会合の予定", 9))
    score = compare(reference, document_outline(document))
    assert bench.locate_headings(document, reference, score) == [1, 4, 8]
    placement = bench.text_under_headings(document, reference, score)
    assert (placement.aligned, placement.placed == placement.chars) == (3, True)
    # Set where the extraction prints it, the title would not head the bullets above it.
    second.span = SourceSpan(6, 6)
    second.blocks = []
    first.blocks.append(Paragraph(bullets, SourceSpan(4, 5)))
    score = compare(reference, document_outline(document))
    assert bench.locate_headings(document, reference, score)[1] == 6


def test_a_heading_not_found_in_the_source_does_not_lend_its_text_to_the_one_before(bench):
    """「第３節」's title parted from its number by a running header (pdftotext's order): the heading is
    not found as printed, and its text — under a section of its own on the site — is not counted as
    the previous heading's text standing elsewhere.  The line the outline names bounds the text before."""
    from atlas.check.outline import compare, document_outline
    from atlas.model.document import Paragraph, Section, SourceSpan

    texts = ["第２節　ＡＩ技術の潮流", "深層学習が画像認識の精度を大きく高めた。", "第３節", "新時代を迎えたＡＩ",
             "生成ＡＩ技術の飛躍的な進展", "大規模言語モデルが文章を生成する。"]
    second = Section("ＡＩ技術の潮流", 1, SourceSpan(1, 2), number="第２節",
                     blocks=[Paragraph(texts[1], SourceSpan(2, 2))])
    third = Section("新時代を迎えたＡＩ", 1, SourceSpan(3, 6), number="第３節", blocks=[
        Paragraph(texts[4], SourceSpan(5, 5)), Paragraph(texts[5], SourceSpan(6, 6))])
    document = _hand_made(texts, [second, third])
    reference = _reference((1, "第２節　ＡＩ技術の潮流", 1), (1, "第３節　生成ＡＩ技術の飛躍的な進展", 3))
    score = compare(reference, document_outline(document))
    assert bench.locate_headings(document, reference, score) == [1, None]
    placement = bench.text_under_headings(document, reference, score)
    assert (placement.aligned, placement.unlocated) == (1, 1)
    assert placement.placed == placement.chars == len(texts[1])


def test_an_earlier_report_gives_its_figures_by_column_name(bench, tmp_path):
    """A baseline written before a column was added still shows before → after where it has the column."""
    earlier = tmp_path / "before.md"
    earlier.write_text(
        "## What a reader sees\n\n"
        "| document | set | headings found | aligned | empty sections | split sentences |\n"
        "| --- | --- | ---: | ---: | ---: | ---: |\n"
        "| sample | seed | 1.00 (2 of 2) | 0.50 (1 of 2) → 1.00 (2 of 2) | 0.000 (0 of 2) | 0.000 (0 of 1) |\n",
        encoding="utf-8")
    baseline = bench.read_baseline(earlier)
    assert baseline[("sample", "seed")] == {"headings found": "1.00 (2 of 2)", "aligned": "1.00 (2 of 2)",
                                            "empty sections": "0.000 (0 of 2)", "split sentences": "0.000 (0 of 1)"}
    now = dict(baseline[("sample", "seed")], aligned="0.50 (1 of 2)", **{"text under its heading": "0.60",
                                                                        "parent right": "1.00 (2 of 2)"})
    cells = bench._with_before(now, baseline[("sample", "seed")]).split(" | ")
    assert cells == ["1.00 (2 of 2)", "1.00 (2 of 2) → 0.50 (1 of 2)", "0.60", "1.00 (2 of 2)",
                     "0.000 (0 of 2)", "0.000 (0 of 1)"]


def test_a_document_whose_conversion_fails_is_named_and_its_headings_count_as_not_found(bench, tmp_path,
                                                                                        monkeypatch):
    # A converter's bug on one document (a ValueError deep in a rule) once stopped the whole benchmark:
    # no figures at all.  Now that document's row says why, and its set's totals count its outline's
    # headings as not found — as a reader of the site found none of them.
    outlines = tmp_path / "outlines"
    outlines.mkdir()
    (outlines / "ipr-data-ai-cooljapan-2019.yml").write_text(OUTLINE, encoding="utf-8")

    def failing(entry, sources, *rest):
        raise ValueError("substring not found")

    monkeypatch.setattr(bench, "build_document", failing)
    entry = next(e for e in bench.load_catalog(bench.SOURCES) if e.meta.id == "ipr-data-ai-cooljapan-2019")
    row = bench.measure(entry, bench.SOURCES, "seed", outlines)
    assert row.error == "the converter failed (ValueError: substring not found)"
    total = next(line for line in bench.reader_table([row], {}) if line.startswith("| **all seeds** |"))
    assert total.split(" | ")[2:4] == ["0.00 (0 of 3)", "0.00 (0 of 3)"]
