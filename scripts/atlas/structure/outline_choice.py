"""Choosing headings by what the whole document says, not by the lines read so far.

Two pieces the structure step asks:

``Numbering`` holds the last number given at each heading rank (numbering goes forward under its
parent: 「3．」 after 「5．」 is no new section).  Its questions (``last``, ``follows``) never change it;
only ``record`` does, once a heading is taken.

``SequenceChoice`` weighs one candidate against the rest of its numbering.  Taking a numbered line
for a heading fixes its number as the one the next heading of its rank must exceed.  A wrong early
call — a footnote 「13 …」 at the foot of page 1, a clause number quoted from another text — would
then put every real heading numbered below it out of sequence, and greedy reading would keep them
all as text.  So before a candidate is taken, the longest run of its rank's later candidates (up to
the next candidate of an outer rank, where the numbering starts again) that can still follow is
compared with and without it: when leaving it out lets at least ``MARGIN`` more headings follow
than taking it, it is left out.  One wrong candidate then costs one heading, never the rest.  The
margin keeps ties (a quoted list 1, 2, 3 inside a section numbered alike) to the reading order.
"""

from __future__ import annotations

from bisect import bisect_left

from .candidates import NumberedCandidate

# How many more headings leaving a candidate out must let follow before it is left out.
MARGIN = 2


class Numbering:
    """The last number taken at each heading rank under the open headings."""

    def __init__(self) -> None:
        self._last: dict[int, int] = {}
        # The last number a rank had when an outer heading started it again: where a numbering runs
        # on across its outer headings (a rules document's articles), the next number goes on from it.
        self._before_outer: dict[int, int] = {}

    def last(self, rank: int) -> int | None:
        return self._last.get(rank)

    def last_before_outer(self, rank: int) -> int | None:
        """The last number of a rank before the outer heading that started it again (None: none,
        or the rank has taken a number since)."""
        return self._before_outer.get(rank)

    def follows(self, rank: int, value: int | None) -> bool:
        """Whether a number may come next at its rank (a number without a value always may)."""
        last = self._last.get(rank)
        return value is None or last is None or value > last

    def record(self, rank: int, value: int | None) -> None:
        """A heading of this rank was taken: the ranks inside it start their numbering again."""
        for deeper in [r for r in self._last if r > rank]:
            self._before_outer[deeper] = self._last.pop(deeper)
        self._before_outer.pop(rank, None)
        if value is not None:
            self._last[rank] = value


def longest_chain(values: list[int], above: int) -> int:
    """The most values, in order, that can follow one another (each larger than the one before, the
    first larger than ``above``): the headings a numbering can still take."""
    tails: list[int] = []  # tails[k]: the smallest last value of a chain of k + 1 values
    for value in values:
        if value <= above:
            continue
        position = bisect_left(tails, value)
        if position == len(tails):
            tails.append(value)
        else:
            tails[position] = value
    return len(tails)


class SequenceChoice:
    """The document's numbered candidates, asked whether one costs more headings than it gives."""

    def __init__(self, candidates: list[NumberedCandidate]) -> None:
        self.candidates = candidates
        self.position = {candidate.index: i for i, candidate in enumerate(candidates)}

    def later_values(self, position: int) -> list[int]:
        """The numbers of the same rank after a candidate, up to the next candidate of an outer rank."""
        rank = self.candidates[position].rank
        values: list[int] = []
        for candidate in self.candidates[position + 1:]:
            if candidate.rank < rank:
                break
            if candidate.rank == rank:
                values.append(candidate.value)
        return values

    def costs_the_rest(self, index: int, last: int | None) -> bool:
        """Whether taking the candidate on line ``index`` (after ``last`` at its rank) would leave at
        least MARGIN more of its numbering's later candidates unable to follow than leaving it out."""
        position = self.position.get(index)
        if position is None:
            return False
        candidate = self.candidates[position]
        later = self.later_values(position)
        taken = 1 + longest_chain(later, candidate.value)
        left_out = longest_chain(later, last or 0)
        return left_out >= taken + MARGIN
