"""The running text alone (structure/text_flow.py): whether a line goes on with the open block,
decided on two or three lines made here, and the open block's state recorded only by its own
methods — no builder, no document."""

from __future__ import annotations

import copy

from atlas.model.document import Line, ListBlock, ListItem, Paragraph, SourceSpan
from atlas.structure.box_edges import BoxEdges
from atlas.structure.text_flow import LineJoining, TextFlow, paragraph_per_line
from atlas.structure.typeset import Typesetting

WIDTH = 60  # the page's wrap width in half-width units: 30 Japanese characters


def joining(lines: list[Line], *, per_line: bool = False) -> LineJoining:
    return LineJoining(lines, WIDTH, False, per_line, Typesetting(lines), BoxEdges(lines))


def open_on(line: Line, **state: object) -> TextFlow:
    """The flow with a paragraph begun by ``line`` open."""
    flow = TextFlow(top_of_document=False)
    flow.open(Paragraph(line.text, SourceSpan(line.number, line.number)), line)
    for name, value in state.items():
        setattr(flow, name, value)
    return flow


def test_a_line_cut_after_a_particle_goes_on_whatever_its_length():
    last = Line(1, "デジタル田園都市国家構想の推進と")  # short of the page's width, yet no sentence ends in 「と」
    line = Line(2, "「大阪トラック」の立上げを提唱した。")
    assert joining([last, line]).continuation(open_on(last), line) == "joined"


def test_a_short_line_that_ends_its_sentence_ends_its_paragraph():
    last = Line(1, "以上のとおりである。")
    line = Line(2, "次に、課題を整理する。")
    assert joining([last, line]).continuation(open_on(last), line) is None


def test_a_line_run_to_the_edge_goes_on_and_a_short_or_an_indented_next_one_starts_a_paragraph():
    last = Line(1, "我が国のデジタル化は、行政手続のオンライン化とデータ利活用の推進")  # 30 characters: the edge
    line = Line(2, "進展が見られる。")
    assert joining([last, line]).continuation(open_on(last), line) == "joined"
    indented = Line(2, "これに対し、地方の取組は遅れている。", indent=2)
    assert joining([last, indented]).continuation(open_on(last), indented) is None
    short = Line(1, "我が国のデジタル化の現状")  # stopped far short of the edge: a title, a label
    assert joining([short, line]).continuation(open_on(short), line) is None


def test_a_date_alone_stands_on_its_own_line():
    last = Line(1, "我が国のデジタル化は、行政手続のオンライン化とデータの利活用を")
    date = Line(2, "令和6年5月21日")
    assert joining([last, date]).continuation(open_on(last), date) is None


def test_the_next_half_bracketed_number_opens_the_next_item_even_after_a_line_run_to_the_edge():
    last = Line(1, "6) 製品開発者は、脆弱性情報を受け付ける窓口を設け、対応に努める")
    line = Line(2, "7) 製品開発者は、対策情報を公表する。")
    assert joining([last, line]).continuation(open_on(last), line) is None


def test_a_speakers_label_alone_takes_the_turns_first_words_after_a_full_width_space():
    label = Line(1, "○山田委員")
    words = Line(2, "ありがとうございます。")
    flow = open_on(label, awaits_turn=True)
    assert joining([label, words]).continuation(flow, words) == "turn's first words"
    flow.join_turns_first_words(words)
    assert flow.block == Paragraph("○山田委員\u3000ありがとうございます。", SourceSpan(1, 2))
    assert not flow.awaits_turn


def test_asking_whether_a_line_goes_on_changes_nothing():
    last = Line(1, "デジタル田園都市国家構想の推進と")
    line = Line(2, "「大阪トラック」の立上げを提唱した。")
    flow = open_on(last, blanks=1, awaits_turn=False)
    before = copy.deepcopy(flow)
    joining([last, line]).continuation(flow, line)
    assert flow == before


def test_an_item_joins_the_open_list_of_its_kind_and_a_blank_line_or_a_join_are_counted():
    first = Line(1, "① 窓口の設置")
    flow = TextFlow()
    flow.open_list(ListBlock([], SourceSpan(1, 1), ordered=True))
    flow.open_item(ListItem("①", "窓口の設置", SourceSpan(1, 1)), first)
    assert flow.item_goes_on_list(ordered=True) and not flow.item_goes_on_list(ordered=False)
    flow.count_blank_line()
    flow.count_blank_line()
    assert flow.blanks == 2 and not flow.item_goes_on_list(ordered=True)  # two blank lines: a list of its own
    flow.join(Line(4, "及び運用"))
    assert flow.blanks == 0 and flow.list_block is not None and flow.list_block.span == SourceSpan(1, 4)
    flow.close_list()
    assert flow.block is None and flow.list_block is None


def test_a_web_text_edition_has_a_paragraph_a_line_and_a_printed_page_does_not():
    sentence = "行政手続のオンライン化を進め、データの利活用を促すため、必要な制度の整備と体制の構築を図る。" * 3
    assert paragraph_per_line([Line(n, sentence) for n in range(1, 13)])
    printed = [Line(n, "行政手続のオンライン化を進め、データの利活用を促すため") for n in range(1, 13)]
    assert not paragraph_per_line(printed)
