"""Outlines (atlas.check.outline): a document's outline, hand-checked outline files, and the comparison."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from atlas.check.outline import (
    ExpectedHeading,
    OutlineEntry,
    Reference,
    compare,
    document_outline,
    fold,
    headings_match,
    load_reference,
)
from atlas.config.catalog import load_catalog
from atlas.model.document import Document, DocumentMeta, Line, Section, SourceSpan
from atlas.model.errors import InputError
from atlas.pipeline import build_document
from atlas.text.clean import classify
from conftest import SOURCES

META = DocumentMeta("sample", "見本", "見本省", date(2024, 4, 1), "guideline", "sample.txt", "見本。")

# Three small outline files of our own (the real ones are tests/outlines/<doc-id>.yml).
GUIDELINE = """\
# A guideline read from its PDF: roman chapters, dotted sections, an annex.
document: guideline
where: corpus
headings:
  - {level: 1, text: "Ⅰ．はじめに", page: 3}
  - {level: 2, text: "１．本ガイドラインの目的", page: 3}
  - {level: 2, text: "２．適用範囲", page: 4}
  - {level: 1, text: "Ⅱ．ソフトウエア製品に係る脆弱性関連情報取扱い", page: 6}
  - {level: 1, text: "付録１　用語集", page: 40}
"""
MINUTES = """\
document: minutes
where: sources
headings:
  - level: 1
    text: "1. 日時"
    line: 5
  - {level: 1, text: "2. 議事概要", line: 9}
"""
REPEATED = """\
document: repeated
where: sources
headings:
  - {level: 1, text: "１．データ利活用促進", line: 5}
  - {level: 2, text: "（１）主な関連施策", line: 7}
  - {level: 2, text: "（２）主な意見及び論点", line: 38}
  - {level: 1, text: "２．AIの知財戦略強化", line: 73}
  - {level: 2, text: "（１）主な関連施策", line: 77}
  - {level: 2, text: "（２）主な意見及び論点", line: 99}
  - {level: 1, text: "３．クールジャパン戦略", line: 102}
  - {level: 2, text: "（１）主な関連施策", line: 104}
  - {level: 2, text: "（２）主な意見及び論点", line: 130}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def found(*items: tuple[int, str]) -> list[OutlineEntry]:
    return [OutlineEntry(level, text, f"a{i}", i + 1) for i, (level, text) in enumerate(items)]


def nested(*items: tuple[int, str]) -> list[OutlineEntry]:
    """Headings as a site nests them by level: each under the nearest heading above it at a smaller level."""
    entries: list[OutlineEntry] = []
    for i, (level, text) in enumerate(items):
        parent = next((k for k in range(i - 1, -1, -1) if items[k][0] < level), None)
        entries.append(OutlineEntry(level, text, f"a{i}", i + 1, parent=parent))
    return entries


# -- reading outline files -------------------------------------------------------


def test_reads_an_outline_with_pages_or_lines(tmp_path):
    guideline = load_reference(write(tmp_path, "guideline", GUIDELINE))
    assert guideline.document == "guideline" and guideline.where == "corpus"
    assert guideline.headings[0] == ExpectedHeading(1, "Ⅰ．はじめに", page=3)
    assert [h.level for h in guideline.headings] == [1, 2, 2, 1, 1]
    minutes = load_reference(write(tmp_path, "minutes", MINUTES))
    assert minutes.headings == (ExpectedHeading(1, "1. 日時", line=5), ExpectedHeading(1, "2. 議事概要", line=9))


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        (MINUTES.replace("text: \"1. 日時\"", "text: [1. 日時"), 6, "invalid YAML"),
        (MINUTES.replace("level: 1\n", "level: first\n"), 4, "'level' must be a whole number"),
        (MINUTES.replace("level: 1\n", "level: 0\n"), 4, "'level' must be a whole number"),
        (MINUTES.replace('text: "1. 日時"', 'text: ""'), 4, "'text' must be the heading"),
        (MINUTES.replace("line: 9", "line: -9"), 7, "'line' must be a number from 1"),
        (MINUTES.replace("line: 9", "lines: 9"), 7, "unknown key 'lines'"),
        (MINUTES.replace("where: sources", "where: pdf"), 1, "'where' must be corpus or sources"),
        (MINUTES.replace("document: minutes", "document: other"), 1, "does not match the file name"),
        ("document: minutes\nwhere: sources\nheadings: []\n", 1, "non-empty 'headings'"),
    ],
    ids=["yaml", "level-word", "level-zero", "empty-text", "bad-line", "unknown-key", "where", "id", "empty"],
)
def test_bad_outline_files_name_file_line_and_problem(tmp_path, text, line, problem):
    path = write(tmp_path, "minutes", text)
    with pytest.raises(InputError) as caught:
        load_reference(path)
    assert str(caught.value).startswith(f"{path}:{line}: "), str(caught.value)
    assert problem in str(caught.value)


def test_missing_or_non_mapping_outline_file_names_the_file(tmp_path):
    with pytest.raises(InputError, match="cannot read outline"):
        load_reference(tmp_path / "absent.yml")
    with pytest.raises(InputError, match="expected a mapping"):
        load_reference(write(tmp_path, "listed", "- 1\n- 2\n"))


# -- folding and matching ---------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "shown"),
    [
        ("１．はじめに", "1. はじめに"),
        ("１．はじめに", "1はじめに"),
        ("（１）　知財計画 2018", "(1)知財計画2018"),
        ("Ⅱ．ソフトウエア製品", "Ⅱ ソフトウエア製品"),
        ("一、総則", "一　総則"),
        ("ア．日本", "ア 日本"),
        ("第１章　総論", "第1章 総論"),
        ("付録１　用語集", "付録1. 用語集"),
        ("ＡＩ戦略", "ai戦略"),
        ("4．2 ⾃治体サービス・⺠間サービスとの連携", "4．2 自治体サービス・民間サービスとの連携"),
        # A title's mark is typography: a reference that drops the bullet names the same heading.
        ("国際連合", "● 国際連合"),
        ("◆意思決定の迅速化", "意思決定の迅速化"),
        ("➢ A-1）i. 見本の配慮", "・ A-1）i. 見本の配慮"),
        ("A-1）i. 見本の配慮", "・ A-1）i. 見本の配慮"),
    ],
)
def test_folding_makes_printed_variants_of_a_heading_equal(printed, shown):
    assert fold(printed) == fold(shown)


def test_folding_keeps_punctuation_inside_titles():
    # Only the separator after a leading number goes: 「データ・ガバナンス」 keeps its 「・」, 2.1 its dot.
    assert fold("３．データ・ガバナンス") == "3データ・ガバナンス"
    assert fold("2.1. 概要") == "2.1概要"
    assert fold("2.1 概要") != fold("21 概要")
    # Only a leading mark goes: one inside the title stays.
    assert fold("対策■まとめ") == "対策■まとめ"


def test_cut_or_run_on_titles_match_when_the_shorter_is_most_of_the_longer():
    title = fold("２．「官民連携」と「サプライチェーン全体での対策強化」")
    cut = fold("２．「官民連携」と「サプライチェーン全体での")  # title cut at a line break
    ran_on = fold("２．「官民連携」と「サプライチェーン全体での対策強化」我が国は")  # first words glued on
    assert headings_match(title, cut) and headings_match(cut, title)
    assert headings_match(title, ran_on)
    assert not headings_match(title, fold("２．「官民連携」"))  # under 60%: a different heading
    assert not headings_match(fold("（1）"), fold("（1）知財"))  # under 4 characters
    assert not headings_match(fold("はじめに"), fold("おわりに"))


# -- comparing --------------------------------------------------------------------


def test_perfect_outline_scores_one(tmp_path):
    reference = load_reference(write(tmp_path, "guideline", GUIDELINE))
    score = compare(reference, found(
        (1, "Ⅰ．はじめに"), (2, "1．本ガイドラインの目的"), (2, "2．適用範囲"),
        (1, "Ⅱ．ソフトウエア製品に係る脆弱性関連情報取扱い"), (1, "付録1 用語集")))
    assert (score.recall, score.precision, score.level_accuracy) == (1.0, 1.0, 1.0)
    assert score.missed == [] and score.spurious == []


def test_missed_spurious_and_wrong_levels_are_counted(tmp_path):
    reference = load_reference(write(tmp_path, "guideline", GUIDELINE))
    shown = found(
        (1, "Ⅰ．はじめに"),
        (1, "1．本ガイドラインの目的"),  # found, but one level too high
        (1, "図1 脆弱性関連情報の流れ"),  # a figure caption taken for a heading
        (1, "Ⅱ．ソフトウエア製品に係る脆弱性関連情報取扱い"),
    )
    score = compare(reference, shown)
    assert (score.expected, score.found, score.matched, score.same_level) == (5, 4, 3, 2)
    assert score.recall == pytest.approx(3 / 5) and score.precision == pytest.approx(3 / 4)
    assert score.level_accuracy == pytest.approx(2 / 3)
    assert [h.text for h in score.missed] == ["２．適用範囲", "付録１　用語集"]
    assert [h.text for h in score.spurious] == ["図1 脆弱性関連情報の流れ"]


def test_a_document_title_above_everything_costs_levels_but_no_parents(tmp_path):
    # The PDF's title set as an extra h1 (a chapter PDF's 「第１章」): every heading one level deeper
    # than the reference, so absolute level accuracy is 0 although the navigation nests every one right.
    reference = load_reference(write(tmp_path, "guideline", GUIDELINE))
    score = compare(reference, nested(
        (1, "第１章 脆弱性関連情報の取扱い"), (2, "Ⅰ．はじめに"), (3, "1．本ガイドラインの目的"), (3, "2．適用範囲"),
        (2, "Ⅱ．ソフトウエア製品に係る脆弱性関連情報取扱い"), (2, "付録1 用語集")))
    assert score.level_accuracy == 0.0
    assert score.parent_accuracy == 1.0 and score.same_parent == 5
    # Only the title over the body is an offset: a spurious heading further on that takes chapters under
    # it nests them wrong, though they stand at the title's children's level.
    score = compare(reference, nested(
        (1, "第１章 脆弱性関連情報の取扱い"), (2, "Ⅰ．はじめに"), (3, "1．本ガイドラインの目的"), (3, "2．適用範囲"),
        (1, "110.0"), (2, "Ⅱ．ソフトウエア製品に係る脆弱性関連情報取扱い"), (2, "付録1 用語集")))
    assert score.level_accuracy == 0.0 and score.same_parent == 3  # 「Ⅰ．」 and its two sections


def test_a_heading_under_a_spurious_one_has_the_wrong_parent_at_the_right_level(tmp_path):
    # A chart tick taken for a chapter: 「２．適用範囲」 stands under it in the navigation, at level 2
    # as the reference says.  Level accuracy cannot see it; the parent measure does.
    reference = load_reference(write(tmp_path, "guideline", GUIDELINE))
    score = compare(reference, nested(
        (1, "Ⅰ．はじめに"), (2, "1．本ガイドラインの目的"), (1, "110.0"), (2, "2．適用範囲"),
        (1, "Ⅱ．ソフトウエア製品に係る脆弱性関連情報取扱い"), (1, "付録1 用語集")))
    assert score.level_accuracy == 1.0
    assert score.same_parent == 4 and score.parent_accuracy == pytest.approx(4 / 5)


def test_under_a_missed_heading_the_nearest_found_ancestor_is_the_right_parent(tmp_path):
    # 「Ⅰ．はじめに」 missed: its sections rightly stand at the top level (nothing else to stand under);
    # under a heading the reference does not have (a figure's caption), they would not.
    reference = load_reference(write(tmp_path, "guideline", GUIDELINE))
    score = compare(reference, nested(
        (1, "1．本ガイドラインの目的"), (1, "2．適用範囲"), (1, "Ⅱ．ソフトウエア製品に係る脆弱性関連情報取扱い")))
    assert (score.matched, score.same_parent) == (3, 3)
    score = compare(reference, nested(
        (1, "1．本ガイドラインの目的"), (1, "図1 脆弱性関連情報の流れ"), (2, "2．適用範囲"),
        (1, "Ⅱ．ソフトウエア製品に係る脆弱性関連情報取扱い")))
    assert (score.matched, score.same_parent) == (3, 2)


def test_a_missed_heading_does_not_take_a_later_namesake(tmp_path):
    # Chapter 2's （２） was not found: a walk that takes the first later match would pair it with
    # chapter 3's （２） and lose 「３．」 and its （１） in between.  The alignment keeps them.
    reference = load_reference(write(tmp_path, "repeated", REPEATED))
    shown = found(
        (1, "1．データ利活用促進"), (2, "（1）主な関連施策"), (2, "（2）主な意見及び論点"),
        (1, "2．AIの知財戦略強化"), (2, "（1）主な関連施策"),
        (1, "3．クールジャパン戦略"), (2, "（1）主な関連施策"), (2, "（2）主な意見及び論点"),
    )
    score = compare(reference, shown)
    assert score.matched == 8 and score.spurious == []
    assert [h.line for h in score.missed] == [99]


def test_a_closing_bracketed_qualifier_may_be_left_out():
    # Printed 「（４）パイロット的な取組（一部の学校が対象）」; a reference may leave the scope out. The
    # qualifier is over 40% of the heading, so the prefix rule alone does not match them.
    printed, reference = fold("（4）パイロット的な取組（一部の学校が対象）"), fold("（４）パイロット的な取組")
    assert headings_match(reference, printed) and headings_match(printed, reference)
    assert headings_match(fold("論点整理（案）"), fold("論点整理"))
    # Only a qualifier closing the title is set aside, and what is left must still be the same words.
    assert not headings_match(fold("（４）パイロット的な取組"), fold("（４）本格的な取組（全ての学校が対象）"))
    assert not headings_match(fold("（1）"), fold("（1）（案）"))


def test_matching_is_in_order(tmp_path):
    # Headings found in the wrong order match only once: the outline's order is part of it.
    reference = load_reference(write(tmp_path, "minutes", MINUTES))
    score = compare(reference, found((1, "2. 議事概要"), (1, "1. 日時")))
    assert score.matched == 1 and len(score.missed) == 1 and len(score.spurious) == 1


def test_nothing_found_scores_zero(tmp_path):
    reference = load_reference(write(tmp_path, "minutes", MINUTES))
    score = compare(reference, [])
    assert (score.recall, score.precision, score.level_accuracy) == (0.0, 0.0, None)
    assert compare(Reference("x", "sources", ()), []).recall == 1.0


# -- a converted document's outline -------------------------------------------------


def test_outline_shows_number_and_title_with_level_anchor_and_line():
    child = Section("知財計画", 2, SourceSpan(7, 9), number="（1）", anchor="1-1")
    chapter = Section("データ利活用促進", 1, SourceSpan(5, 9), number="1．", anchor="1", children=[child])
    minutes = Section("日時", 1, SourceSpan(12, 12), number="1.", anchor="2")
    outline = document_outline(Document(META, sections=[chapter, minutes]))
    assert outline == [
        OutlineEntry(1, "1．データ利活用促進", "1", 5),
        OutlineEntry(2, "（1）知財計画", "1-1", 7, parent=0),  # it stands under the chapter
        OutlineEntry(1, "1. 日時", "2", 12),
    ]


def test_outline_pages_come_from_form_feeds():
    # pdftotext ends each page with a form feed: the next page's first line starts with it.
    raws = ["表紙", "", "\f1．はじめに", "本文。", "\f\f2．目的", "本文。\f"]
    lines = classify(raws)
    sections = [Section("はじめに", 1, SourceSpan(3, 4), number="1．"),
                Section("目的", 1, SourceSpan(5, 6), number="2．")]
    outline = document_outline(Document(META, sections=sections, lines=lines))
    assert [(e.line, e.page) for e in outline] == [(3, 2), (5, 4)]
    # Text with no form feeds has no pages.
    plain = [Line(i + 1, raw.strip("\f"), raw=raw.strip("\f")) for i, raw in enumerate(raws)]
    assert [e.page for e in document_outline(Document(META, sections=sections, lines=plain))] == [None, None]


def test_outline_of_a_real_document_matches_its_hand_checked_headings():
    # sources/ipr-data-ai-cooljapan-2019.txt, read by hand: 「１．」 chapters at lines 5, 73, 102,
    # （１）（２） under each; the heading texts as printed (full-width digits, a space after （１）).
    entry = next(e for e in load_catalog(SOURCES) if e.meta.id == "ipr-data-ai-cooljapan-2019")
    outline = document_outline(build_document(entry, SOURCES))
    chapters = [(e.line, e.text) for e in outline if e.level == 1]
    assert chapters == [(5, "1．データ利活用促進"), (73, "2．AIの知財戦略強化"),
                        (102, "3．クールジャパン戦略の持続的強化")]
    printed = Reference("ipr-data-ai-cooljapan-2019", "sources", (
        ExpectedHeading(1, "１．データ利活用促進", line=5),
        ExpectedHeading(2, "（１） 知財計画 2018に掲載の主な関連施策", line=7),
        ExpectedHeading(1, "２．AIの知財戦略強化", line=73),
        ExpectedHeading(1, "３．クールジャパン戦略の持続的強化", line=102),
    ))
    score = compare(printed, outline)
    assert score.recall == 1.0 and score.level_accuracy == 1.0
