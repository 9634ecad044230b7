"""The heading decision (structure/headings.py) on its own: it reads the document's evidence and the
outline's state and returns a Decision; it never changes the state — the builder records what it
emits.  So a line asked about and refused (or asked about twice, or before its turn) leaves no
trace on the decisions after it (issue 23: "one wrong candidate costs one heading").

The lines are shaped as Japanese policy documents print them: 「第1章」 over 「1．」, a check sheet's
marks (◎ △ ×) standing above a ◆ title, ◆ and ■ titles over text of their own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_outline_state import snapshot

from atlas.config.hints import Hints
from atlas.model.document import Heading, Line
from atlas.structure.candidates import numbered_candidates
from atlas.structure.headings import Decision, Found, HeadingEvidence, decide_heading
from atlas.structure.outline_choice import SequenceChoice
from atlas.structure.outline_state import OutlineState
from atlas.structure.structure import read_structure
from atlas.structure.typeset import Typesetting
from atlas.text.clean import classify
from atlas.text.encoding import read_text
from atlas.text.numbering import heading_of, wrap_width

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

FULL = "本基準は、情報システムの機密性、保全性及び可用性を確保することを目的として、自然災害、"
END = "機器の障害等のリスクを未然に防止するものである。"
# A part's own text: more than one sentence (one sentence under each marked line is a term's gloss).
TEXT = [FULL, END, "以下に詳細を示す。"]


def evidence_of(texts: list[str]) -> tuple[list[Line], HeadingEvidence, OutlineState]:
    """The lines as the structure step sees them, their evidence and a fresh outline state."""
    lines = classify(texts)
    evidence = HeadingEvidence.of(lines, Hints(), wrap_width(lines), Typesetting(lines))
    return lines, evidence, OutlineState(SequenceChoice(numbered_candidates(lines)))


def emit(state: OutlineState, found: Found) -> None:
    """Record a heading the way the builder does once it emits it (record_numbering, part_rank)."""
    if found.numbering == "nested-start":
        state.start_nested_run(found.scheme.rank)
    elif found.numbering == "nested-next":
        state.continue_nested_run(found.scheme.rank)
    else:
        state.record_number(found.scheme.rank, found.number)
    state.record_part(found)
    rank = state.part_rank(found)
    if found.kind:
        state.record_marked_rank(found.kind, rank)
    state.record_heading(rank, found, found.last)


def apply(state: OutlineState, decision: Decision) -> None:
    if decision.found is not None:
        emit(state, decision.found)
    elif decision.cell_run is not None:
        state.record_cell_run(decision.cell_run)


def index_of(lines: list[Line], text: str) -> int:
    return next(index for index, line in enumerate(lines) if line.text == text)


def test_a_later_line_asked_first_does_not_put_the_real_heading_out_of_sequence() -> None:
    # Asking whether 「3．」 is a heading must not fix 3 as the number 「2．」 has to exceed.
    lines, evidence, state = evidence_of(["1．目的", *TEXT, "2．範囲", *TEXT, "3．対象", *TEXT])
    apply(state, decide_heading(evidence, 0, state, []))
    ahead = decide_heading(evidence, index_of(lines, "3．対象"), state, [])
    assert ahead.found is not None and ahead.found.number == "3．"  # a heading, were it its turn
    decision = decide_heading(evidence, index_of(lines, "2．範囲"), state, [])
    assert decision.out_of_order is None
    assert decision.found is not None and (decision.found.number, decision.found.title) == ("2．", "範囲")


def test_a_number_going_back_is_told_not_recorded() -> None:
    lines, evidence, state = evidence_of(["1．目的", *TEXT, "2．範囲", *TEXT, "3．対象", *TEXT, "2．再掲", *TEXT])
    for text in ("1．目的", "2．範囲", "3．対象"):
        apply(state, decide_heading(evidence, index_of(lines, text), state, []))
    before = snapshot(state)
    decision = decide_heading(evidence, index_of(lines, "2．再掲"), state, [])
    assert decision.found is None
    assert decision.out_of_order is not None and decision.out_of_order.text == "2．再掲"
    assert decision.out_of_order.after == "3"
    assert snapshot(state) == before


# A check sheet's marks stand above the first ◆ lines (a table's row labels, refused as cells); the
# ◆ titles of the second chapter head parts of their own under 「1．目的」.
CHECK_SHEET = [
    "第1章　総則", *TEXT, "", "◎ △", "× ◎", "◆対象範囲", *TEXT, "◆用語の定義", *TEXT,
    "第2章　体制", *TEXT, "■体制の整備", *TEXT, "■責任者", *TEXT,
    "1．目的", *TEXT, "◆留意点", *TEXT, "◆補足", *TEXT,
]


def test_a_cell_label_is_refused_with_its_run_for_the_builder_to_record() -> None:
    lines, evidence, state = evidence_of(CHECK_SHEET)
    apply(state, decide_heading(evidence, 0, state, []))
    before = snapshot(state)
    label = index_of(lines, "◆対象範囲")
    decision = decide_heading(evidence, label, state, [])
    assert decision.found is None and decision.cell_run == 11  # just inside 第1章 (rank 10)
    assert snapshot(state) == before and not state.in_cell_run(11)
    assert decide_heading(evidence, label, state, []) == decision  # asked again: the same answer


def test_a_refused_marked_line_does_not_fix_the_rank_of_the_next_title_of_its_kind() -> None:
    draft = read_structure(classify(CHECK_SHEET), Hints())
    headings = [(item.rank, item.number or item.title) for item in draft.items if isinstance(item, Heading)]
    # The ◆ lines among the check sheet's marks are its cells, and say nothing of the ◆ titles later:
    # those nest under the heading open above them (1．目的), not beside ■責任者.
    assert headings == [(10, "第1章"), (10, "第2章"), (11, "■体制の整備"), (11, "■責任者"), (20, "1．"),
                        (21, "◆留意点"), (21, "◆補足")]


def test_deciding_every_line_of_a_real_document_leaves_the_state_unchanged() -> None:
    path = CORPUS / "meti-info-system-safety-standard-1997.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent (development corpus not checked out)")
    lines, evidence, state = evidence_of(read_text(path).split("\n"))
    taken = 0
    for index, line in enumerate(lines):
        if line.kind != "body":
            continue
        before = snapshot(state)
        decision = decide_heading(evidence, index, state, [])
        assert snapshot(state) == before, line.text
        assert decide_heading(evidence, index, state, []) == decision, line.text
        apply(state, decision)
        taken += decision.found is not None
    assert taken >= 15  # the notice's 第N and （N） headings: the walk did take headings


# A rule's 本則 in a chapter, its articles titled on their number's line, then its 附則 (invented text).
CHAPTERED_RULE = ["第1章 総則", "第1条 目的", "この規程は、資料の貸出しについて必要な事項を定める。",
                  "第2条 定義", "この規程において資料とは、図書館が所蔵する図書をいう。",
                  "附則", "この規程は、令和6年4月1日から施行する。"]


def test_a_supplement_stands_beside_the_chapters_of_the_main_provisions() -> None:
    # The 附則 closes the 本則, whose outermost open part is its chapter: it is the chapter's sibling,
    # never a part of the last article (or of the last chapter).  It was text here; set larger in a PDF
    # it nested under the last article.
    draft = read_structure(classify(CHAPTERED_RULE), Hints())
    headings = [(item.rank, item.number or item.title) for item in draft.items if isinstance(item, Heading)]
    assert headings == [(10, "第1章"), (17, "第1条"), (17, "第2条"), (10, "附則")]


def test_a_clause_number_cited_at_a_lines_end_is_no_heading_glued_there() -> None:
    # 「…を示す。3.2.1 節に各方」/「式に…」: a sentence citing the clause by its number, then 「節」 and a particle, is
    # no heading run onto the line's end; the clause's own title, further on, is the heading.
    texts = ["3．規格", *TEXT, "3.2 署名の仕様", "署名ごとに従う仕様を次に示す。3.2.1 節に各方",
             "式に共通の要件を、3.2.2 節に個別の要件を示す。", "3.2.1 共通の要件", *TEXT, "3.2.2 個別の要件", *TEXT]
    draft = read_structure(classify(texts), Hints())
    headings = [(item.number, item.title) for item in draft.items if isinstance(item, Heading)]
    assert headings == [("3．", "規格"), ("3.2", "署名の仕様"), ("3.2.1", "共通の要件"), ("3.2.2", "個別の要件")]


def test_a_revision_history_over_its_table_and_a_pointer_in_brackets() -> None:
    # 「変更履歴」 alone over the table of a specification's versions is a part of its own, before the
    # numbered text; 「【…規格を参照】」 under a clause points to another text: no title.
    texts = ["変更履歴", "版数\t変更内容\t年月日", "1.0\t新規作成\t2022/2/4", "1.1\t様式の追加\t2022/6/1",
             "1．目的", *TEXT, "2．規格", *TEXT, "【見本団体の署名規格 第2版を参照】", "・ 署名の仕様", *TEXT]
    draft = read_structure(classify(texts), Hints())
    headings = [(item.number, item.title) for item in draft.items if isinstance(item, Heading)]
    assert headings == [("", "変更履歴"), ("1．", "目的"), ("2．", "規格")]
    assert all(heading_of(word) is not None for word in ("改訂履歴", "修正履歴", "改版履歴"))  # its other names


def test_a_version_number_on_the_cover_is_no_section() -> None:
    # 「1.2 版」 under a specification's title is its version: no section 1.2 for the history under it.
    texts = ["見本団体 記録仕様書", "1.2 版", "修正履歴", "版数\t修正内容", "1.0\t新規作成", "1．目的", *TEXT]
    draft = read_structure(classify(texts), Hints())
    headings = [(item.number, item.title) for item in draft.items if isinstance(item, Heading)]
    assert headings == [("", "修正履歴"), ("1．", "目的")]
