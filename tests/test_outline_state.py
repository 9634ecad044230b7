"""The outline's numbering state (structure/outline_state.py): its questions never move it on, and
its recorders do what the structure step relies on.

The headings are shaped as Japanese policy documents print them (「第1章」 over 「1．」 over 「（1）」,
「1.1」 under 「1．」, an annex 「別紙1」), read by text/numbering.heading_of as the structure step reads them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from atlas.structure.candidates import NumberedCandidate
from atlas.structure.outline_choice import SequenceChoice
from atlas.structure.outline_state import ANNEX_RANK, OutlineState
from atlas.text.numbering import Scheme, heading_of


@dataclass(frozen=True)
class Found:
    """A heading as the structure step found it (its _Found carries the same fields)."""

    scheme: Scheme
    number: str
    title: str
    rank: int | None = None


def found(text: str) -> Found:
    heading = heading_of(text)
    assert heading is not None, text
    return Found(*heading)


def take(state: OutlineState, text: str, last: int) -> Found:
    """Take a line as a heading the way the structure step does: its number, its part, its place."""
    heading = found(text)
    state.record_number(heading.scheme.rank, heading.number)
    state.record_part(heading)
    state.record_heading(state.part_rank(heading), heading, last)
    return heading


def snapshot(state: OutlineState) -> dict[str, object]:
    """Everything the state holds, comparable (its Numbering by its last numbers)."""
    held = {name: copy.deepcopy(value) for name, value in vars(state).items()
            if name not in ("_numbering", "_sequence")}
    held["numbering"] = dict(vars(state)["_numbering"]._last)
    return held


def test_the_schemes_rank_as_the_tests_assume() -> None:
    assert [found(text).scheme.rank for text in ("第1章 総則", "1．目的", "1.1 背景", "（1）概要")] == [10, 20, 30, 50]


def test_questions_leave_the_state_as_it_was() -> None:
    state = OutlineState(SequenceChoice([]))
    take(state, "第1章 総則", 0)
    take(state, "1．目的", 2)
    state.start_nested_run(found("（1）概要").scheme.rank)
    before = snapshot(state)
    texts = ("第1章 総則", "第2章 定義", "1．目的", "2．範囲", "（1）概要", "（2）詳細",
             "1.1 背景", "2.1 背景", "おわりに")
    for text in texts:
        heading = found(text)
        rank = heading.scheme.rank
        state.last(rank)
        state.may_take(rank, heading.number)
        state.may_take(rank, heading.number, 5)
        state.next_in_sequence(heading.scheme, heading.number)
        state.is_open(rank)
        state.in_nested_run(rank)
        state.nested_rank_next(rank, heading.number)
        state.in_cell_run(rank)
        state.number_fits_parent(heading)
        state.part_rank(heading)
        state.repeats_a_part(text)
    state.innermost_rank()
    state.nested_start_rank()
    state.marked_rank("◆")
    state.main_provisions_rank("（条）")
    assert (state.in_annex, state.last_heading_end) == (False, 2)
    assert snapshot(state) == before


def test_a_number_taken_must_be_exceeded_and_restarts_the_ranks_inside() -> None:
    state = OutlineState(SequenceChoice([]))
    assert state.may_take(20, "1．") and state.next_in_sequence(found("1．目的").scheme, "1．")
    take(state, "第1章 総則", 0)
    take(state, "1．目的", 1)
    take(state, "2．範囲", 3)
    assert state.last(20) == 2
    assert not state.may_take(20, "1．")  # 「1．」 after 「2．」: a list in the text, not a section
    assert state.may_take(20, "3．") and state.next_in_sequence(found("3．対象").scheme, "3．")
    assert not state.next_in_sequence(found("5．対象").scheme, "5．")  # follows, but is not the next
    take(state, "第2章 定義", 6)
    assert state.last(10) == 2 and state.last(20) is None  # the new chapter numbers its sections from 1
    assert state.may_take(20, "1．")


def test_a_wrong_early_number_is_refused_only_where_its_line_is_named() -> None:
    # 「13」 at the foot of page 1 (a footnote) before sections 1 to 12 of the same rank.
    candidates = [NumberedCandidate(0, 20, 13)] + [NumberedCandidate(i, 20, i) for i in range(1, 13)]
    state = OutlineState(SequenceChoice(candidates))
    assert not state.may_take(20, "13．", 0)
    assert state.may_take(20, "13．")  # without its line, only the numbering is asked
    assert state.last(20) is None


def test_a_heading_closes_the_open_headings_of_its_rank_and_deeper() -> None:
    state = OutlineState(SequenceChoice([]))
    take(state, "第1章 総則", 0)
    take(state, "1．目的", 1)
    take(state, "（1）概要", 2)
    assert state.innermost_rank() == 50 and state.is_open(20)
    take(state, "第2章 定義", 9)
    assert state.innermost_rank() == 10 and not state.is_open(20) and not state.is_open(50)
    assert state.last_heading_end == 9


def test_a_multi_part_number_fits_only_under_its_parent() -> None:
    state = OutlineState(SequenceChoice([]))
    take(state, "1．目的", 0)
    assert state.number_fits_parent(found("1.1 背景"))
    assert not state.number_fits_parent(found("2.1 背景"))  # a reference in a table, not section 2.1


def test_a_nested_numbering_runs_on_only_when_recorded_and_ends_with_its_section() -> None:
    state = OutlineState(SequenceChoice([]))
    take(state, "第1章 総則", 0)
    rank = found("1．目的").scheme.rank
    assert state.start_nested_run(rank) == 11  # under the chapter, whatever 「1．」 ranks elsewhere
    assert state.in_nested_run(rank)
    assert state.nested_rank_next(rank, "2．") == 11
    assert state.nested_rank_next(rank, "2．") == 11  # asked again: still 「2．」 that comes next
    state.continue_nested_run(rank)
    assert state.nested_rank_next(rank, "2．") is None and state.nested_rank_next(rank, "3．") == 11
    take(state, "第2章 定義", 8)
    assert not state.in_nested_run(rank)


def test_cell_labels_run_until_an_outer_heading() -> None:
    state = OutlineState(SequenceChoice([]))
    take(state, "1．目的", 0)
    state.record_cell_run(50)
    assert state.in_cell_run(50)
    take(state, "2．範囲", 5)
    assert not state.in_cell_run(50)


def test_an_outer_one_after_annexes_starts_the_next_document() -> None:
    state = OutlineState(SequenceChoice([]))
    take(state, "1．目的", 0)
    take(state, "2．範囲", 4)
    annex = found("別紙1 様式")
    state.record_part(annex)
    assert state.in_annex
    take(state, "1．目的", 12)  # a compilation's next document
    assert not state.in_annex
    assert state.part_rank(found("1．目的")) == ANNEX_RANK  # its outermost numbering is top-level again


def test_parts_given_are_known_again_whole_or_cut() -> None:
    state = OutlineState(SequenceChoice([]))
    assert not state.repeats_a_part("III.本ガイドラインの適用の範囲")
    state.record_heading(12, found("Ⅲ. 本ガイドラインの適用の範囲"), 0, "III.本ガイドラインの適用の範囲")
    assert state.repeats_a_part("III.本ガイドラインの適用の範囲")
    assert state.repeats_a_part("III.本ガイドラインの")  # cut short by a table cell's edge
    assert not state.repeats_a_part("III.")  # too short to tell
