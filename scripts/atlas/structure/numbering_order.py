"""Which of two numberings is inside the other, as the document itself shows it.

The numbering schemes carry a rank by convention (numbering.SCHEMES): 「第１」 of a notice is outer to
「第１節」, as notices and legislative materials number their parts 第１, 第２ … over sections.  A
municipality's plan numbers the other way round: 第１章 › 第１節 › 第１ › １ › （１）, the bare 第N
items inside each section.  Read by the convention, each 第N item closed the section above it and
every later 第N節 nested under the last 第N item: the whole plan's sections under the wrong parent.

The document says which way it goes.  A numbering inside another starts again at 1 under each of
the other's headings, while the outer one runs on across it: 第３節, 第１ 第２ 第３, 第４節 (the sections
go on by one over the items), 第５節, 第１ (the items start again).  Where a numbering ranked outer
starts again at 1 right after headings of one ranked inner to it (at least ``RESTARTS`` times), the
inner one never starts again right after it, and runs on by one across it at least once, the
document nests them the other way: the numbering ranked outer takes the rank just inside the other.
A heading outer to both (a new 第N章) starts both again: what comes after it is not counted against
what came before.

Once is a pattern too where only the other way fits the numbers.  A government draft's 「①」 over its
「ア．」 items: ①, ア イ ウ, ② — read by the convention (ア outer to ①) the ② stands under ウ with no ① before
it, read the other way nothing is missing.  Where the numbering ranked outer starts again right
after the inner one's headings only once, it still nests inside it if it never runs on by one
across them (第１節, 第１, 第２節, 第２ fits both ways, as 第２ goes on from 第１ across 第２節: no pattern).

Decided once for the whole document over its numbered candidates (candidates.numbered_candidates),
before any line is read; document_ranks.py gives headings.decide and the outline's sequence choice
the ranks the document gives.
"""

from __future__ import annotations

from itertools import combinations

from .candidates import NumberedCandidate

# A numbering ranked outer starts again right under the inner one's headings at least this often
# (or once, never running on across them: see the module's docstring).
RESTARTS = 2
FIRST = 1


def ranks_in_document_order(candidates: list[NumberedCandidate]) -> dict[int, int]:
    """Rank by convention → the rank the document gives it, for each numbering the document nests
    inside one the convention puts inside it (see the module's docstring); the others are left out."""
    ranks = sorted({candidate.rank for candidate in candidates})
    taken = set(ranks)
    moved: dict[int, int] = {}
    for outer, inner in combinations(ranks, 2):  # outer < inner: the convention's order
        if outer in moved or inner + 1 in taken or not _nested_the_other_way(candidates, outer, inner):
            continue
        moved[outer] = inner + 1
        taken.add(inner + 1)
    return moved


def _nested_the_other_way(candidates: list[NumberedCandidate], outer: int, inner: int) -> bool:
    """Whether the numbering ranked ``outer`` starts again under the one ranked ``inner``, which
    runs on across it: the document nests ``outer`` inside ``inner``."""
    outer_restarts = inner_restarts = inner_runs_on = outer_runs_on = 0
    previous: NumberedCandidate | None = None
    last_inner: int | None = None
    last_outer: int | None = None
    crossed = False  # a heading of ``outer`` since the last of ``inner``
    crossed_inner = False  # a heading of ``inner`` since the last of ``outer``
    for candidate in candidates:
        if candidate.rank < outer:  # a heading outer to both (第N章): both start again under it
            previous, last_inner, last_outer, crossed, crossed_inner = None, None, None, False, False
            continue
        if candidate.rank not in (outer, inner):
            continue
        if candidate.rank == outer:
            if candidate.value == FIRST and previous is not None and previous.rank == inner:
                outer_restarts += 1
            if crossed_inner and last_outer is not None and candidate.value == last_outer + 1:
                outer_runs_on += 1
            last_outer, crossed, crossed_inner = candidate.value, True, False
        else:
            if candidate.value == FIRST and previous is not None and previous.rank == outer:
                inner_restarts += 1
            if crossed and last_inner is not None and candidate.value == last_inner + 1:
                inner_runs_on += 1
            last_inner, crossed, crossed_inner = candidate.value, False, True
        previous = candidate
    restarts = outer_restarts >= RESTARTS or (outer_restarts >= 1 and outer_runs_on == 0)
    return restarts and inner_restarts == 0 and inner_runs_on >= 1
