"""Minutes alone (structure/minutes.py): which lines are speakers' labels, a record's title, its
particulars and its agenda items, where the 「議事」 heading's letter-spaced characters are, and the
cover's 「議事録」 given back to the text — on lines made here."""

from __future__ import annotations

from dataclasses import replace

from atlas.config.hints import Hints
from atlas.model.document import Heading, Line, Paragraph, SourceSpan
from atlas.structure.minutes import (
    agenda_items,
    demote_minutes_title,
    is_label_alone,
    particulars_labels,
    proceedings_lines,
    speaker_labels,
)
from atlas.structure.structure import read_structure


def lines_of(*texts: str) -> list[Line]:
    return [Line(number, text, "body" if text else "blank") for number, text in enumerate(texts, start=1)]


def test_a_label_naming_a_role_is_a_speaker_and_a_marked_line_printed_once_is_not():
    lines = lines_of("○田中部会長", "開会します。", "○山田委員", "本日の議題について申し上げます。", "○会議の目的",
                     "本会議は…を目的とする。", "（A）", "賛成です。", "○田中部会長", "閉会します。")
    assert speaker_labels(lines) == frozenset({0, 2, 6, 8})


def test_marks_by_role_each_open_turns_and_the_front_matters_marked_labels_stay_text():
    # A council's record: the chair's ○, the executive's ◎, a member's ◆, each 「役職（氏名）」; the
    # front matter's ◯ labels (one of them names a role, one counts people) are printed once.
    lines = lines_of(
        "◯出席委員（9名）", "委員長　山田花子議員", "◯欠席委員", "なし", "◯説明員", "佐藤一郎総務部長",
        "○委員長（山田花子）", "開会します。", "◆委員（鈴木次郎）", "伺います。",
        "○委員長（山田花子）", "佐藤総務部長。", "◎総務部長（佐藤一郎）", "お答えします。",
        "◆委員（鈴木次郎）", "分かりました。", "◎環境政策担当部長（高橋三郎）", "補足します。",
    )
    assert speaker_labels(lines) == frozenset({6, 8, 10, 12, 14, 16})


def test_a_mark_whose_labels_never_recur_opens_no_turns():
    # ◆ heading a policy's points, one of them ending like a role: no label recurs, so no turns.
    lines = lines_of("◆基本方針", "次のとおりとする。", "◆担当部長", "調整する。", "◆推進体制（概要）", "後述する。")
    assert speaker_labels(lines) == frozenset()


def test_a_forms_blanks_are_no_speakers_however_often_they_recur():
    # A template's masked words 「○○参照」「○年○月○日」 recur on many lines; a member whose name the
    # record withholds, 「○○委員」, is still a speaker.
    lines = lines_of(*("○○○参照", "記載する。", "○○年○月○日", "記入する。") * 3, "○○○委員", "賛成です。",
                     "○○○委員", "反対です。")
    assert speaker_labels(lines) == frozenset({12, 14})


def test_a_speaker_named_with_kun_opens_a_turn_once_the_record_has_turns():
    lines = lines_of("○議長（山田花子）", "田中一郎君。", "○田中一郎君", "質問します。",
                     "○議長（山田花子）", "以上です。")
    assert speaker_labels(lines) == frozenset({0, 2, 4})


def test_a_name_without_a_role_is_a_speaker_once_it_recurs_three_times():
    turns = ("○佐藤", "はい。") * 3
    assert speaker_labels(lines_of(*turns)) == frozenset({0, 2, 4})
    assert speaker_labels(lines_of(*turns[:4])) == frozenset()


def test_a_label_alone_waits_for_its_words_and_one_opening_its_line_has_them():
    assert is_label_alone("○山田委員")
    assert is_label_alone("◆委員（山田花子）")
    assert not is_label_alone("○山田委員 それでは始めます。")
    assert not is_label_alone("◎総務部長（佐藤一郎） お答えします。")


def test_the_proceedings_heading_spaced_one_character_a_line_skips_the_first_speakers_label():
    lines = lines_of("議", "○山田部会長", "事", "それでは始めます。", "○山田部会長", "閉会します。")
    assert proceedings_lines(lines, 0, speaker_labels(lines)) == [0, 2]


def test_the_particulars_label_after_its_number_is_no_proceedings_heading():
    lines = lines_of("第4", "議", "事", "（次のとおり）", "○山田部会長", "始めます。", "○山田部会長", "閉会します。")
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


def test_turns_under_role_marks_are_paragraphs_naming_their_speaker_never_headings():
    # Labels alone on their lines, as a council's web viewer prints them: each turn is one paragraph,
    # the label and the speech's first words joined by a full-width space; no heading, no list item.
    lines = lines_of(
        "○委員長（山田花子）", "開会します。", "◆委員（鈴木次郎）", "水道料金について伺います。",
        "○委員長（山田花子）", "佐藤総務部長。", "◎総務部長（佐藤一郎）", "お答えします。",
        "◆委員（鈴木次郎）", "分かりました。",
    )
    draft = read_structure(lines, Hints())
    assert [type(item).__name__ for item in draft.items] == ["Paragraph"] * 5
    assert [item.text for item in draft.items if isinstance(item, Paragraph)] == [
        "○委員長（山田花子）\u3000開会します。", "◆委員（鈴木次郎）\u3000水道料金について伺います。",
        "○委員長（山田花子）\u3000佐藤総務部長。", "◎総務部長（佐藤一郎）\u3000お答えします。",
        "◆委員（鈴木次郎）\u3000分かりました。",
    ]


def test_a_role_with_a_name_in_brackets_is_a_speaker_even_when_nobody_speaks_twice():
    # A short record: each speaker speaks once, the role and the name in brackets say who speaks;
    # the particulars' marked labels (a count, an office, a list's order in brackets) are still text.
    lines = lines_of(
        "◯出席委員（5名）", "委員長　山田花子議員", "◯説明員（総務局）", "佐藤一郎総務部長", "◯委員（五十音順）",
        "○委員長（山田花子）", "開会します。", "◆委員（鈴木次郎）", "伺います。",
        "◎総務部長（佐藤一郎）", "お答えします。",
    )
    assert speaker_labels(lines) == frozenset({5, 7, 9})


def test_a_records_marked_particulars_before_its_first_turn_are_text():
    lines = lines_of(
        "第2回　建設委員会記録", "◯令和6年4月10日（水）", "◯第1委員会室", "◯出席委員（3名）", "委員長　山田花子議員",
        "◯会議に付した事件", "・一般質問", "○委員長（山田花子）", "開会します。", "○委員長（山田花子）", "閉会します。",
    )
    assert particulars_labels(lines, speaker_labels(lines)) == frozenset({1, 2, 3, 5})
    assert particulars_labels(lines, frozenset()) == frozenset()


def test_agenda_items_stand_alone_between_the_turns_after_the_particulars():
    # The particulars' roster groups officials under the same bracketed office; the proceedings print
    # each item the committee takes up on a line of its own, the turns on it after it (past a rule);
    # an office a speaker names at a line's end, a time stamp and a stage direction are no items.
    lines = lines_of(
        "◯説明員", "（総務局）", "佐藤一郎総務部長", "〔水道局〕", "－－－－－－－－",
        "○委員長（山田花子）", "開会します。", "◆委員（鈴木次郎）", "水道料金について、", "（水道局）",
        "の方針を伺います。", "○委員長（山田花子）",
        "以上で水道局を終わります。", "議第12号　手数料条例の一部を改正する条例の制定について", "○委員長（山田花子）",
        "説明願います。", "（「異議なし」と呼ぶ者あり）", "［午後1時　再開］",
        "○委員長（山田花子）", "議第13号　手数料条例の制定について", "◆委員（鈴木次郎）", "議第13号を伺います。",
        "○委員長（山田花子）", "以上です。",
    )
    speakers = speaker_labels(lines)
    assert agenda_items(lines, speakers) == frozenset({3, 13})


def test_a_records_title_its_particulars_and_agenda_items_as_a_reader_meets_them():
    lines = lines_of(
        "令和6年4月　建設委員会（第2回）", "第2回　建設委員会記録", "◯令和6年4月10日（水）", "◯第1委員会室",
        "〔水道局〕", "○委員長（山田花子）", "開会します。", "◆委員（鈴木次郎）", "伺います。",
        "－－－－－－－－", "〔交通局〕", "○委員長（山田花子）", "再開します。",
        "◎交通局長（佐藤一郎）", "お答えします。",
    )
    draft = read_structure(lines, Hints())
    headings = [item.title for item in draft.items if isinstance(item, Heading)]
    texts = [item.text for item in draft.items if isinstance(item, Paragraph)]
    assert headings == ["〔水道局〕", "〔交通局〕"]
    assert texts[:4] == ["令和6年4月　建設委員会（第2回）", "第2回　建設委員会記録",
                         "◯令和6年4月10日（水）", "◯第1委員会室"]


def test_marked_titles_of_a_report_quoting_a_dialogue_late_are_no_particulars():
    # Turns far into a text (a report quoting a hearing) do not make its marked titles particulars.
    body = ("本文です。",) * 250
    lines = lines_of("◯基本方針", *body, "○委員長（山田花子）", "開会します。", "◆委員（鈴木次郎）", "伺います。")
    speakers = speaker_labels(lines)
    assert speakers == frozenset({251, 253})
    assert particulars_labels(lines, speakers) == frozenset()
    paged = [replace(line, page=1 if line.number < 3 else 2) for line in lines[:3]] + [
        replace(line, page=2) for line in lines[-4:]]
    assert particulars_labels(paged, speaker_labels(paged)) == frozenset({0})
