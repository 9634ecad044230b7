"""A heading's title assembled alone (structure/heading_titles.py): the rest of a title on the lines
below it, found on lines made here — no builder, no document."""

from __future__ import annotations

from atlas.config.hints import Hints
from atlas.model.document import Heading, Line, Paragraph, SourceSpan
from atlas.structure.heading_titles import (
    HeadingTitles,
    punctuation_continuation,
    subtitle,
    summarised_title_above,
)
from atlas.structure.headings import HeadingEvidence
from atlas.structure.typeset import Typesetting


def lines_of(*texts: str) -> list[Line]:
    return [Line(number, text, "body" if text else "blank") for number, text in enumerate(texts, start=1)]


def titles_of(lines: list[Line], width: int) -> HeadingTitles:
    typeset = Typesetting(lines)
    evidence = HeadingEvidence.of(lines, Hints(), width, typeset)
    return HeadingTitles(lines, typeset, width, False, False, evidence, set())


def test_a_title_cut_at_its_commas_goes_on_over_the_lines_they_stand_on():
    lines = lines_of("１．物", "、", "有価証券", "、", "船荷証券の扱い", "本文は次のとおりである。")
    assert punctuation_continuation(lines, "物", 0) == ("物、有価証券、船荷証券の扱い", 4)


def test_a_title_cut_at_punctuation_stops_before_a_sentence():
    lines = lines_of("１．検討の経緯", "、本節では経緯を述べる。")
    assert punctuation_continuation(lines, "検討の経緯", 0) == ("検討の経緯", 0)


def test_a_subtitle_between_wave_dashes_joins_the_title_and_other_text_does_not():
    lines = lines_of("別紙１ 組織のあり方", "～新しい組織のあり方について～", "本文")
    assert subtitle(lines, "組織のあり方", 0) == ("組織のあり方～新しい組織のあり方について～", 1)
    assert subtitle(lines_of("別紙１ 組織のあり方", "本文である。"), "組織のあり方", 0) == ("組織のあり方", 0)


def test_a_text_heading_run_to_the_edge_takes_its_short_rest_and_a_short_one_stands_alone():
    long_title = "電子的な船荷証券の導入に向けた法制度の整備に関する検討の方向性"
    body = "本章では、船荷証券の電子化に関する国際的な動向と我が国の法制度の課題を整理する。"
    lines = lines_of(f"１．{long_title}", "について", body, body, body)
    titles = titles_of(lines, width=74)
    assert titles.heading_continuation(long_title, 0) == (f"{long_title}について", 1)
    short = lines_of("１．検討の方向性", "について", body, body, body)
    assert titles_of(short, width=74).heading_continuation("検討の方向性", 0) == ("検討の方向性", 0)


def test_the_title_read_as_text_just_above_a_summary_heading_is_the_summarised_documents():
    above = Paragraph("電子商取引に関する報告書", SourceSpan(4, 4))
    assert summarised_title_above([Heading("前文", 1, "", SourceSpan(1, 1)), above], 5) is above
    assert summarised_title_above([above], 6) is None  # a line between: not the heading's first line
    sentence = Paragraph("本報告書は次のとおりである。", SourceSpan(4, 4))
    assert summarised_title_above([sentence], 5) is None
