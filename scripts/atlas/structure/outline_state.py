"""The outline's numbering state while the structure step reads a document, in one place.

What the headings taken so far say about the next one: the last number given at each rank
(outline_choice.Numbering), the ranks and numbers of the open headings, numberings nested inside a
section (a summary's own 「1．」「2．」), runs of a flattened table's cell labels, whether an annex is
open, the document's outermost numbered headings (a part printed again is a reference), and the
rank each kind of its unnumbered titles was last given (a mark's, a label word's: title_ranks.py).

Its questions never change it; only the ``record_…``/``start_…``/``continue_…`` methods do, each
called once the structure step has emitted a heading (or, for a table's cell labels, decided
a line is one).  So a question can be asked any number of times, in any order, without moving the
outline on, and a candidate the structure step weighs and then refuses leaves no trace.
"""

from __future__ import annotations

import re
from typing import Protocol

from ..text.numbering import Scheme, number_token, number_value
from .outline_choice import Numbering, SequenceChoice

# Schemes whose number prints its parent's ("5.1" under "5."): checked against the open heading.
_PARENT_PRINTED = ("subnumber", "subnumber-dash", "subnumber-dash-space", "subsubnumber", "subsubsubnumber")
# Schemes whose numbers can be a parent's printed number ("5." of "5.1").
_PARENT_SCHEMES = ("number", "number-space", "subnumber", "subnumber-dash", "subsubnumber")
# A parent's number as number_token gives it: numbers and lettered parts (「7.R」 → "7-r").
_DOTTED_TOKEN = re.compile(r"(?:\d+|[a-z])(?:-(?:\d+|[a-z]))*")
# Titles that close a document: a sibling of its chapters, whatever their scheme ranks.
_CLOSING_TITLES = ("おわりに", "むすびに", "結びに", "結論")
# The numberings of a statute's main provisions (本則, numbering.SCHEMES): its 章, 節 and 条.
_STATUTE_SCHEMES = ("chapter", "section", "article")
# Numberings that title a rank only inside an open heading of the numbering above them: 「（ア）」 is the rank
# under ア (1 → （1） → ア → （ア））; elsewhere its numbers list the cases a sentence announces (「（ア）…場合」
# 「（イ）…こと」 under 「5) …」).
_PARENT_NUMBERING = {"katakana-paren": ("katakana", "katakana-space")}
# Numberings that go on across the headings outer to them: a rules document's (法令, 要綱, 要領, 規程)
# articles 「第N条」 and 「第N　（見出し）」 are numbered straight through its 章 and 節.
_RUN_ON_ACROSS_PARTS = ("dai", "article")
# The rank annexes and the headings promoted after a compilation's next document starts nest at.
ANNEX_RANK = 5


class NumberedHeading(Protocol):
    """What the state reads of a heading the structure step found."""

    @property
    def scheme(self) -> Scheme: ...
    @property
    def number(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def rank(self) -> int | None: ...


class OutlineState:
    """The numbering state of the outline read so far: asked by the structure step, changed only by
    its recorders."""

    def __init__(self, sequence: SequenceChoice) -> None:
        # The last number taken at each heading rank under the current parent: numbering only goes
        # forward, so "1．" after "7．" is a list inside the text, not a new chapter.
        self._numbering = Numbering()
        # Every numbered line that could be a heading, weighed against the rest of its numbering.
        self._sequence = sequence
        # Ranks of the open headings, innermost last; their numbers by scheme name (number_fits_parent).
        self._open_ranks: list[int] = []
        self._open_numbers: list[tuple[int, str, str]] = []
        # Numberings nested in a section, by their scheme's rank: (the parent's rank, the rank they
        # nest at, their last number).
        self._nested_runs: dict[int, tuple[int, int, int]] = {}
        # Heading ranks whose run began as a flattened table's cell labels.
        self._cell_ranks: set[int] = set()
        # Annexes (see part_rank): the outermost numbered rank of the body, whether an annex is open,
        # and the rank that is top-level again after a compilation's next document starts.
        self._body_top_rank: int | None = None
        self._in_annex = False
        self._promoted_rank: int | None = None
        self._part_headings: set[str] = set()  # the outermost numbered headings given, folded
        self._last_heading_end = -1  # the index of the last heading's last line
        # The rank each kind of unnumbered title (a mark, a label word) was last given.
        self._marked_ranks: dict[str, int] = {}

    # -- questions (never change the state) ---------------------------------
    def last(self, rank: int) -> int | None:
        """The last number taken at a rank under the open headings (None: none yet)."""
        return self._numbering.last(rank)

    def may_take(self, rank: int, number: str, index: int | None = None) -> bool:
        """Whether a number may come next at its rank: it follows its predecessor, and taking the
        line at ``index`` would not put more of its numbering's later headings out of sequence than
        it is worth (outline_choice.SequenceChoice: a wrong early call costs one heading)."""
        if not self._numbering.follows(rank, number_value(number)):
            return False
        return index is None or not self._sequence.costs_the_rest(index, self._numbering.last(rank))

    def next_in_sequence(self, scheme: Scheme, number: str) -> bool:
        """Whether a number is the very next of its scheme (an annex's: any later one)."""
        if re.fullmatch(r"annex(?:-[a-z])?", number_token(number)):
            return True  # an annex without a number (別紙, 付録 A) has no sequence to follow
        value = number_value(number)
        if value is None:
            return False
        last = self._numbering.last(scheme.rank)
        if scheme.name.startswith("annex"):
            return value > (last or 0)  # a part may carry only some annexes (別紙4 alone)
        if last is None and scheme.name in _RUN_ON_ACROSS_PARTS:
            # 「第14　（…）」 first under 「第２章」 after 「第13」 closed 第１章: a rules document's articles
            # go on across its chapters (or start again under each, as a plan's 第N items do).
            before = self._numbering.last_before_outer(scheme.rank)
            return value == 1 or (before is not None and value == before + 1)
        return value == (last or 0) + 1

    def innermost_rank(self) -> int | None:
        """The rank of the innermost open heading (None: no heading yet)."""
        return self._open_ranks[-1] if self._open_ranks else None

    def is_open(self, rank: int) -> bool:
        """Whether a heading of this rank is open."""
        return rank in self._open_ranks

    def in_nested_run(self, rank: int) -> bool:
        """Whether headings of this rank are a numbering nested inside a section."""
        return rank in self._nested_runs

    def nested_rank_next(self, rank: int, number: str) -> int | None:
        """The rank a number nests at when it is the next of a nested numbering (None: it is not)."""
        run = self._nested_runs.get(rank)
        if run is None or number_value(number) != run[2] + 1:
            return None
        return run[1]

    def nested_start_rank(self) -> int | None:
        """The rank a numbering starting again at 1 here nests at: just inside the innermost open
        heading (None: no heading is open)."""
        return self._open_ranks[-1] + 1 if self._open_ranks else None

    def in_cell_run(self, rank: int) -> bool:
        """Whether headings of this rank are a flattened table's cell labels."""
        return rank in self._cell_ranks

    def marked_rank(self, kind: str) -> int | None:
        """The rank the last title of this kind (marked_titles.py's kinds) was given (None: none yet)."""
        return self._marked_ranks.get(kind)

    def open_marked_ranks(self) -> dict[str, int]:
        """Kind → rank of the unnumbered titles whose rank is open now (the last title of each kind)."""
        return {kind: rank for kind, rank in self._marked_ranks.items() if rank in self._open_ranks}

    def main_provisions_rank(self, caption_kind: str) -> int | None:
        """The rank of the outermost open heading of a statute's main provisions (本則): going out from
        the innermost open heading while each is a 章, 節 or 条 or an article's caption (titles of
        ``caption_kind``); None when the innermost open heading is none of them.  (A rule printed
        inside a part of a larger document stops at that part.)"""
        statute = {rank for rank, scheme, _ in self._open_numbers if scheme in _STATUTE_SCHEMES}
        caption = self._marked_ranks.get(caption_kind)
        outermost = None
        for rank in reversed(self._open_ranks):
            if rank not in statute and rank != caption:
                break
            outermost = rank
        return outermost

    @property
    def in_annex(self) -> bool:
        return self._in_annex

    @property
    def last_heading_end(self) -> int:
        return self._last_heading_end

    def repeats_a_part(self, key: str) -> bool:
        """Whether a folded line repeats one of the document's outermost numbered headings, whole or
        cut short by a table cell's edge (「Ⅳ. ソフトウエア製品に係る脆弱性関連情」)."""
        return len(key) >= 4 and any(key == part or (len(key) >= 8 and part.startswith(key))
                                     for part in self._part_headings)

    def number_fits_parent(self, found: NumberedHeading) -> bool:
        """Whether a multi-part number ("5.1") belongs under the open heading of its parent's number,
        and a 「（ア）」 under an open ア.

        "5.1" printed under "8. 用語解説" or under an annex is a reference in a table (a 章番号
        column), not section 5.1.  Only where the parent's scheme (N．, N.N) heads an open section
        is that checked: a document may print "2．1" without ever printing "2．".
        """
        if found.scheme.name in _PARENT_NUMBERING:
            parents = _PARENT_NUMBERING[found.scheme.name]
            return any(scheme in parents for _, scheme, _ in self._open_numbers)
        if found.scheme.name not in _PARENT_PRINTED:
            return True
        token = number_token(found.number)
        parent = token.rsplit("-", 1)[0]
        depth = parent.count("-") + 1
        open_parents = [
            number for _, scheme, number in self._open_numbers
            if scheme in _PARENT_SCHEMES and _DOTTED_TOKEN.fullmatch(number) and number.count("-") + 1 == depth
        ]
        if open_parents:
            return open_parents[-1] == parent
        if found.scheme.weak:
            return False  # 「6-1 …」 (a weak shape) only where its 「6．」 is open: no parent, no evidence
        return not (self._in_annex and depth == 1 and self._body_top_rank is not None
                    and self._body_top_rank < found.scheme.rank)

    def part_rank(self, found: NumberedHeading) -> int:
        """The rank to nest a heading by, once record_part has seen it (an annex's own rank is the
        structure step's: annex_rank)."""
        if found.rank is not None:
            return found.rank  # a nested run (start_nested_run)
        rank = self._closing_rank(found)
        if self._promoted_rank is not None and rank <= self._promoted_rank:
            return ANNEX_RANK
        return rank

    def _closing_rank(self, found: NumberedHeading) -> int:
        if found.scheme.name == "named" and found.title in _CLOSING_TITLES and self._body_top_rank is not None:
            return self._body_top_rank  # おわりに closes the document: a sibling of its chapters
        return found.scheme.rank

    # -- recorders (the only changes) ---------------------------------------
    def record_number(self, rank: int, number: str) -> None:
        """A number was taken at its rank: the ranks inside it start their numbering again."""
        self._numbering.record(rank, number_value(number))

    def start_nested_run(self, rank: int) -> int:
        """A numbering of this scheme rank starts again at 1 under the innermost open heading; the
        rank it nests at."""
        parent = self._open_ranks[-1]
        self._nested_runs[rank] = (parent, parent + 1, 1)
        return parent + 1

    def continue_nested_run(self, rank: int) -> None:
        """The next number of a nested numbering was taken."""
        parent, nested, last = self._nested_runs[rank]
        self._nested_runs[rank] = (parent, nested, last + 1)

    def start_own_numbering(self) -> None:
        """A part that numbers on its own opens (attached material's label, 「【参考３】」): the numberings
        nested in the sections around it end there, so its 「3．」 never continues their 「1．」「2．」
        (its rows would be taken as their headings and take its text)."""
        self._nested_runs = {}

    def record_marked_rank(self, kind: str, rank: int) -> None:
        """A title of this kind was given at this rank: the next one is its sibling while it is open."""
        self._marked_ranks[kind] = rank

    def record_cell_run(self, rank: int) -> None:
        """Headings of this rank are a flattened table's cell labels, up to the next outer heading."""
        self._cell_ranks.add(rank)

    def record_part(self, found: NumberedHeading) -> None:
        """A heading is about to be nested (before part_rank): an annex opens; the body's outermost
        numbered rank is learnt; an outermost 「1．」 after annexes starts a compilation's next document.

        An annex holds what follows it up to the next annex — unless the document's outermost
        numbering starts again at 1 (the next document's "1．" after the last annex of the one
        before).  From there the outermost numbering is top-level again.
        """
        if found.rank is not None:
            return
        if found.scheme.name.startswith("annex"):
            self._in_annex, self._promoted_rank = True, None
            return
        rank = found.scheme.rank
        if found.number and not self._in_annex and (self._body_top_rank is None or rank < self._body_top_rank):
            self._body_top_rank = rank
        rank = self._closing_rank(found)
        if self._in_annex and found.number and rank == self._body_top_rank and number_value(found.number) == 1:
            self._in_annex, self._promoted_rank = False, rank

    def record_heading(self, rank: int, found: NumberedHeading | None = None, last: int | None = None,
                       part_key: str | None = None) -> None:
        """A heading of ``rank`` was given (its last line at ``last``, when it ends the text the
        headings read so far cover): it closes the headings of its rank and deeper, and the nested
        runs and table cell runs inside them; ``part_key``: the heading folded, when it is one of
        the document's outermost numbered parts."""
        while self._open_ranks and self._open_ranks[-1] >= rank:
            self._open_ranks.pop()
        self._open_ranks.append(rank)
        self._nested_runs = {key: run for key, run in self._nested_runs.items() if run[0] < rank}
        self._cell_ranks = {cell_rank for cell_rank in self._cell_ranks if cell_rank < rank}
        while self._open_numbers and self._open_numbers[-1][0] >= rank:
            self._open_numbers.pop()
        if found is not None and found.number:
            self._open_numbers.append((rank, found.scheme.name, number_token(found.number)))
        if last is not None:
            self._last_heading_end = last
        if part_key is not None:
            self._part_headings.add(part_key)
