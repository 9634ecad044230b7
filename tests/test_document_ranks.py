"""The ranks the whole document gives its numbered lines, in one place (structure/document_ranks.py)."""

from __future__ import annotations

from atlas.structure.candidates import NumberedCandidate
from atlas.structure.document_ranks import DocumentRanks

DAI, SECTION, ITEM = 14, 16, 21  # the conventional ranks of 「第１」, 「第１節」 and a bare 「1」 here

# A plan nests its 第N items inside 第N節 (numbering_order.py: 第N moves to just inside 第N節); its
# line 7 is a 「1 …」 set smaller than the 「1 …」 above it (number_sizes.py: one rank deeper).
RANKS = DocumentRanks(by_order={DAI: SECTION + 1}, by_size={7: ITEM + 1})


def test_a_numbering_the_document_nests_the_other_way_takes_its_new_rank_on_every_line():
    assert RANKS.rank(3, DAI) == SECTION + 1
    assert RANKS.rank(None, DAI) == SECTION + 1


def test_a_line_set_smaller_takes_the_rank_of_its_size():
    assert RANKS.rank(7, ITEM) == ITEM + 1
    assert RANKS.rank(8, ITEM) == ITEM  # the same numbering at its usual size keeps its rank


def test_the_size_is_asked_only_of_a_line_whose_type_is_its_own():
    # A title assembled over several lines: its first line's size says nothing of the heading.
    assert RANKS.rank(None, ITEM) == ITEM


def test_a_lines_own_size_wins_over_its_numberings_order():
    both = DocumentRanks(by_order={ITEM: ITEM + 2}, by_size={7: ITEM + 1})
    assert both.rank(7, ITEM) == ITEM + 1
    assert both.rank(9, ITEM) == ITEM + 2


def test_the_outlines_candidates_see_the_same_ranks_as_the_heading_decision():
    candidates = [NumberedCandidate(3, DAI, 1), NumberedCandidate(7, ITEM, 1), NumberedCandidate(8, ITEM, 2)]
    assert [candidate.rank for candidate in RANKS.at_document_ranks(candidates)] == [SECTION + 1, ITEM + 1, ITEM]


def test_a_document_that_moves_nothing_leaves_every_rank_as_the_convention_has_it():
    assert DocumentRanks().rank(3, DAI) == DAI
