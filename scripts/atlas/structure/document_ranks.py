"""The ranks the whole document gives its numbered lines, decided once before any line is read.

A numbering scheme carries a rank by convention (numbering.SCHEMES).  Two whole-document decisions
move lines off it: numbering_order.py (a numbering the document nests the other way round — a plan's
第１ items inside each 第１節 — moves by its rank) and number_sizes.py (one number form set at two
display sizes for two ranks — a white paper's ring and disc 「1 …」 — moves line by line).  Both are
asked here, in one place with one precedence: a numbered title's own type size says more than the
order of its numbering, so the size's rank wins where both speak.  headings.decide and the outline's
sequence choice see the same ranks.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model.document import Line
from .candidates import NumberedCandidate, circled_candidates
from .number_sizes import ranks_by_type_size
from .numbering_order import ranks_in_document_order
from .typeset import Typesetting


@dataclass(frozen=True)
class DocumentRanks:
    # Rank by convention → the rank the document nests that numbering at (numbering_order.py).
    by_order: dict[int, int] = field(default_factory=dict)
    # Line index → the rank its display size gives it (number_sizes.py).
    by_size: dict[int, int] = field(default_factory=dict)

    @classmethod
    def of(cls, lines: list[Line], candidates: list[NumberedCandidate], typeset: Typesetting) -> DocumentRanks:
        """The ranks a document's numbered candidates (weak shapes too: 「1 …」 is one) show.  Its
        circled numbers (「①」) are a numbering too, whose order among the others counts."""
        numberings = sorted([*candidates, *circled_candidates(lines)], key=lambda candidate: candidate.index)
        return cls(ranks_in_document_order(numberings), ranks_by_type_size(lines, candidates, typeset))

    def rank(self, index: int | None, rank: int) -> int:
        """The rank the document gives a line numbered at ``rank`` by convention (``index``: the line,
        or None where its size is not its own — a title assembled over several lines)."""
        if index is not None and index in self.by_size:
            return self.by_size[index]
        return self.by_order.get(rank, rank)

    def at_document_ranks(self, candidates: list[NumberedCandidate]) -> list[NumberedCandidate]:
        """The candidates at the ranks the document gives them."""
        return [replace(candidate, rank=self.rank(candidate.index, candidate.rank)) for candidate in candidates]
