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
  (「∮ワンポイントアドバイス」 over 「■デバイスの盗難、紛失」);
- a marked title standing right under a box's label (「コラム１-３」 over 「●（interviewee's name）」) is
  the box's own: it nests under the box, and is no sibling of the titles its mark gives outside
  boxes (a white paper's ● titles of a section), whose rank it neither takes nor records
  (``titles_under_a_box_label``).

``title_rank`` only asks the outline's state (outline_state.OutlineState: the open headings, the
rank each kind was last given); the structure step records a title's rank once it emits it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Protocol

from ..model.document import Line
from ..text.numbering import CLOSING, SCHEMES, heading_of, title_like
from .labelled_titles import inside_its_section

# An unnumbered title ranks with はじめに/おわりに (numbering.SCHEMES "named").
NAMED_RANK = next(scheme.rank for scheme in SCHEMES if scheme.name == "named")
# A title set off by a mark with no heading open above it ranks with the unnumbered blocks (【…】).
MARKED_RANK = 80
# The kind labelled_titles.py's titles are given: 「label:」 and their word.
LABEL_KIND = "label:"
# The kind given a marked title that stands right under a box's label: 「in-box:」 and its mark.
IN_BOX_KIND = "in-box:"
# A column's label (numbering.SCHEMES "named"): a box set inside its section.
_COLUMN_LABEL = re.compile(r"コラム\s*[0-9]")


class OpenHeadings(Protocol):
    """What the rank of a title asks of the outline read so far (OutlineState's questions)."""

    def innermost_rank(self) -> int | None: ...
    def is_open(self, rank: int) -> bool: ...
    def marked_rank(self, kind: str) -> int | None: ...
    def open_marked_ranks(self) -> dict[str, int]: ...


def labels_attached_material(kind: str) -> bool:
    """Whether a title of ``kind`` labels material attached to the document (「【参考３】」「【別添１】」):
    a part that holds what follows it and numbers its own parts from 1, whatever the section
    around its label had numbered."""
    return kind.startswith(LABEL_KIND) and not inside_its_section(kind.removeprefix(LABEL_KIND))


def title_rank(kind: str, outline: OpenHeadings) -> int:
    """The rank a title of ``kind`` (headings.HeadingEvidence.title_kind) nests at under the
    headings open now."""
    if kind.startswith(LABEL_KIND) and inside_its_section(kind.removeprefix(LABEL_KIND)):
        return box_rank(outline)
    innermost = outline.innermost_rank()
    if kind.startswith(IN_BOX_KIND):
        return innermost + 1 if innermost is not None else MARKED_RANK  # inside the box just opened
    rank = outline.marked_rank(kind)
    if rank is not None and outline.is_open(rank):
        return rank  # a sibling of the last title of its kind
    return innermost + 1 if innermost is not None else MARKED_RANK


def box_rank(outline: OpenHeadings) -> int:
    """The rank of a box set inside its section (a column, 「Box-1.」): with the named parts, and outer
    to the titles set off by a mark open around it, so a column printed after a section's 「● …」
    titles is their sibling, never the last one's child."""
    marked = [rank for kind, rank in outline.open_marked_ranks().items() if _set_off_by_a_mark(kind)]
    return min([NAMED_RANK, *marked])


def is_column_label(text: str) -> bool:
    """Whether a line (a heading of numbering.SCHEMES "named") labels a column: 「コラム１-３」."""
    return _COLUMN_LABEL.match(text) is not None


def _set_off_by_a_mark(kind: str) -> bool:
    """A marked_titles.py kind (a mark, a recurring label): not a box's, a speech's or one inside a box."""
    return not kind.startswith((LABEL_KIND, IN_BOX_KIND)) and kind != "bare"


def titles_under_a_box_label(lines: list[Line], marked: Mapping[int, str],
                             labelled: Mapping[int, tuple[str, int]]) -> frozenset[int]:
    """The marked titles (``marked``: index → kind) standing right under a box's label — a column's
    (「コラム１-３」) or a title numbered under a word that names a part set inside its section
    (``labelled``: labelled_titles.py's) — with at most the box's own title line between: the
    box's first line, not a part of the section around the box."""
    under: set[int] = set()
    for index in marked:
        above = _body_above(lines, index)
        if above is not None and not _labels_a_box(lines, above, labelled) and _box_title(lines[above].text):
            above = _body_above(lines, above)  # the box's title, on a line of its own under its label
        if above is not None and above not in marked and _labels_a_box(lines, above, labelled):
            under.add(index)
    return frozenset(under)


def _labels_a_box(lines: list[Line], index: int, labelled: Mapping[int, tuple[str, int]]) -> bool:
    if index in labelled:
        return inside_its_section(labelled[index][0])
    heading = heading_of(lines[index].text)
    return heading is not None and heading[0].name == "named" and is_column_label(lines[index].text)


def _box_title(text: str) -> bool:
    return title_like(text) and not text.endswith(tuple(CLOSING)) and heading_of(text) is None


def _body_above(lines: list[Line], index: int) -> int | None:
    """The body line read before ``index`` on its page (furniture, notes and a figure's labels skipped)."""
    page = lines[index].page
    for probe in range(index - 1, -1, -1):
        line = lines[probe]
        if line.page != page:
            return None
        if line.kind == "body" and not (line.layout is not None and line.layout.role in ("footnote", "figure")):
            return probe
    return None
