"""The rank an unnumbered title nests at: one decision for every kind the document decides at once.

A title with no number of the body's has no rank of its own scheme; where it nests follows from
how the document sets it:

- a title numbered under a word naming a part set inside a section (「Box-1.」, 「問1」, 「事例2」:
  labelled_titles.py) is a box of the section it is printed in, as a column (「コラム１-１」) is: it
  ranks with the named parts (numbering.SCHEMES "named"), under the section's numbered headings and
  outer to its points (①…, ア…, marked titles), so 「Box-3.」 after 「⑤ …」 is ⑤'s sibling under
  their section, never ⑤'s child;
- a title set off by a mark (◆, ■, ●, a recurring 「（補足説明）」: marked_titles.py), a speech's bare
  word (bare_titles.py) or a label of attached material (「【別添４】」, which holds the attached
  text's own numbered parts) nests under the heading open above it; the next title of its kind is
  its sibling while that rank is open, and a title of another kind right under it is its child
  (「∮ワンポイントアドバイス」 over 「■デバイスの盗難、紛失」).

``title_rank`` only asks the outline's state (outline_state.OutlineState: the open headings, the
rank each kind was last given); the structure step records a title's rank once it emits it.
"""

from __future__ import annotations

from typing import Protocol

from ..text.numbering import SCHEMES
from .labelled_titles import inside_its_section

# An unnumbered title ranks with はじめに/おわりに (numbering.SCHEMES "named").
NAMED_RANK = next(scheme.rank for scheme in SCHEMES if scheme.name == "named")
# A title set off by a mark with no heading open above it ranks with the unnumbered blocks (【…】).
MARKED_RANK = 80
# The kind labelled_titles.py's titles are given: 「label:」 and their word.
LABEL_KIND = "label:"


class OpenHeadings(Protocol):
    """What the rank of a title asks of the outline read so far (OutlineState's questions)."""

    def innermost_rank(self) -> int | None: ...
    def is_open(self, rank: int) -> bool: ...
    def marked_rank(self, kind: str) -> int | None: ...


def labels_attached_material(kind: str) -> bool:
    """Whether a title of ``kind`` labels material attached to the document (「【参考３】」「【別添１】」):
    a part that holds what follows it and numbers its own parts from 1, whatever the section
    around its label had numbered."""
    return kind.startswith(LABEL_KIND) and not inside_its_section(kind.removeprefix(LABEL_KIND))


def title_rank(kind: str, outline: OpenHeadings) -> int:
    """The rank a title of ``kind`` (headings.HeadingEvidence.title_kind) nests at under the
    headings open now."""
    if kind.startswith(LABEL_KIND) and inside_its_section(kind.removeprefix(LABEL_KIND)):
        return NAMED_RANK
    rank = outline.marked_rank(kind)
    if rank is not None and outline.is_open(rank):
        return rank  # a sibling of the last title of its kind
    innermost = outline.innermost_rank()
    return innermost + 1 if innermost is not None else MARKED_RANK
