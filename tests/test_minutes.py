"""Minutes alone (structure/minutes.py): which lines are speakers' labels, where the 「議事」 heading's
letter-spaced characters are, and the cover's 「議事録」 given back to the text — on lines made here."""

from __future__ import annotations

from atlas.model.document import Heading, Line, Paragraph, SourceSpan
from atlas.structure.minutes import demote_minutes_title, is_label_alone, proceedings_lines, speaker_labels


def lines_of(*texts: str) -> list[Line]:
    return [Line(number, text, "body" if text else "blank") for number, text in enumerate(texts, start=1)]


def test_a_label_naming_a_role_is_a_speaker_and_a_marked_line_printed_once_is_not():
    lines = lines_of("○山田委員", "本日の議題について申し上げます。", "○会議の目的", "本会議は…を目的とする。",
                     "（A）", "賛成です。")
    assert speaker_labels(lines) == frozenset({0, 4})


def test_a_name_without_a_role_is_a_speaker_once_it_recurs_three_times():
    turns = ("○佐藤", "はい。") * 3
    assert speaker_labels(lines_of(*turns)) == frozenset({0, 2, 4})
    assert speaker_labels(lines_of(*turns[:4])) == frozenset()


def test_a_label_alone_waits_for_its_words_and_one_opening_its_line_has_them():
    assert is_label_alone("○山田委員")
    assert not is_label_alone("○山田委員 それでは始めます。")


def test_the_proceedings_heading_spaced_one_character_a_line_skips_the_first_speakers_label():
    lines = lines_of("議", "○山田部会長", "事", "それでは始めます。")
    assert proceedings_lines(lines, 0, speaker_labels(lines)) == [0, 2]


def test_the_particulars_label_after_its_number_is_no_proceedings_heading():
    lines = lines_of("第4", "議", "事", "（次のとおり）", "○山田部会長", "始めます。")
    assert proceedings_lines(lines, 1, speaker_labels(lines)) is None


def test_without_speakers_the_word_is_no_proceedings_heading():
    assert proceedings_lines(lines_of("議事", "本日の議題"), 0, frozenset()) is None


def test_the_covers_minutes_title_taken_for_a_heading_becomes_text_again():
    span = SourceSpan(1, 1)
    items = [Heading("議事録", 1, "", span), Paragraph("日時 令和6年5月21日", SourceSpan(2, 2))]
    demote_minutes_title(items)
    assert items[0] == Paragraph("議事録", span)
    numbered = [Heading("議事録", 1, "1", span)]
    demote_minutes_title(numbered)
    assert isinstance(numbered[0], Heading)
