"""Editions of one work (catalog ``edition_of``) and what changed from one to the next.

A comparison matches the sections of two consecutive editions by what they say, not by their
numbers (a revision renumbers: 「2．3」 becomes 「3．1」): each pair of sections is scored by
its heading text (numbers left out) and its text (character bigrams), and the best pairs are
taken first.  A matched section is unchanged or changed, and moved when it left the order of
the others (it is off the longest run of matched sections kept in order); a section with no
match is added or removed.  Inside a matched section, the paragraphs the same in both are paired
in order, the rest by similarity (a revision reorders too), and a changed paragraph is diffed
character by character, so a changed okurigana or a number shows.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field

from ..model.document import Block, Document, ListBlock, Paragraph, Section, Table, block_text
from ..text.fold import fold

# A pair of sections is taken as one section of both editions from this score on (0–1): its
# heading text counts 40 %, its text 60 %; two sections without text of their own are scored by
# their headings alone.  At 0.45, an unchanged heading over rewritten text (0.4 + a little) needs
# some common text, and the same text under a new heading (0.6 + a little) is found.  On the
# corpus pair (bench/editions.md) 0.5 missed two pairs judged right at 0.48 and 0.49, and the
# best wrong candidate scored 0.43 (a generic 「基本的な考え方」 under another chapter).
MATCH_SCORE = 0.45
TITLE_WEIGHT = 0.4
# Two paragraphs of a matched section are one changed paragraph from this similarity on
# (difflib's ratio over characters); below it, one is removed and the other added.
PARAGRAPH_CHANGED = 0.5
# An unchanged stretch this short between two changes is shown inside the change: 「取組み」 →
# 「取り組み」 reads better as one change than as three pieces around one kept character.
MERGE_EQUAL_RUN = 1


@dataclass(frozen=True)
class Unit:
    """A paragraph, list item or table: what a permalink (``<section>-p<n>``) points to."""

    ident: str  # its paragraph id on the edition's page ("2-1-p3"; "p3" before the first heading)
    text: str


@dataclass
class Part:
    """A section of one edition as a comparison sees it: heading, number and own paragraphs."""

    section: Section | None  # None: the text before the first heading
    heading: str  # the title without its number
    number: str
    units: list[Unit]
    order: int  # position in reading order

    @property
    def anchor(self) -> str:
        return self.section.anchor if self.section else ""

    @property
    def text(self) -> str:
        return "\n".join(unit.text for unit in self.units)


@dataclass(frozen=True)
class Piece:
    """A run of characters of an inline difference: ``op`` is "equal", "delete" or "insert"."""

    op: str
    text: str


@dataclass
class ParagraphChange:
    """One step of a section's paragraphs: "equal", "changed" (with pieces), "removed" or "added"."""

    status: str
    old: Unit | None = None
    new: Unit | None = None
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class SectionChange:
    """A section of either edition: "added", "removed", "changed" or "unchanged", perhaps moved."""

    status: str
    old: Part | None = None
    new: Part | None = None
    moved: bool = False
    score: float = 0.0
    paragraphs: list[ParagraphChange] = field(default_factory=list)

    @property
    def renamed(self) -> bool:
        return bool(self.old and self.new and fold(self.old.heading) != fold(self.new.heading))

    @property
    def renumbered(self) -> bool:
        return bool(self.old and self.new and self.old.number != self.new.number)


@dataclass
class Comparison:
    old: Document
    new: Document
    changes: list[SectionChange]

    def count(self, status: str) -> int:
        return sum(1 for change in self.changes if change.status == status)

    @property
    def moved(self) -> int:
        return sum(1 for change in self.changes if change.moved)

    @property
    def matched_share(self) -> float:
        """Of all sections of both editions, the share that found their counterpart."""
        total = len(self.changes) + self.count("changed") + self.count("unchanged")
        return 2 * (self.count("changed") + self.count("unchanged")) / total if total else 1.0


# ---------------------------------------------------------------------------
# Works: which documents are editions of one another
# ---------------------------------------------------------------------------


def works(documents: list[Document]) -> list[list[Document]]:
    """Each work with more than one edition, its editions oldest first (the catalog's
    ``edition_of`` links, checked there: no unknown id, no cycle, one next edition each)."""
    by_id = {doc.meta.id: doc for doc in documents}
    later = {doc.meta.edition_of: doc for doc in documents if doc.meta.edition_of in by_id}
    found = []
    for doc in documents:
        if doc.meta.edition_of or doc.meta.id not in later:
            continue  # only a first edition with a next one starts a work
        chain = [doc]
        while chain[-1].meta.id in later:
            chain.append(later[chain[-1].meta.id])
        found.append(chain)
    return found


def edition_label(document: Document) -> str:
    """The edition as printed (catalog ``edition``), or else by its date: 「2024年7月版」."""
    if document.meta.edition:
        return document.meta.edition
    when = document.meta.date
    return {"day": f"{when.year}年{when.month}月{when.day}日版", "month": f"{when.year}年{when.month}月版",
            "year": f"{when.year}年版"}[document.meta.date_precision]


def superseded(documents: list[Document]) -> dict[str, Document]:
    """Each older edition's id → the newest edition of its work."""
    found = {}
    for chain in works(documents):
        for doc in chain[:-1]:
            found[doc.meta.id] = chain[-1]
    return found


def newest_edition_first(documents: list[Document]) -> list[Document]:
    """The documents in their order, but each work's editions together where its newest one
    stands, newest first (a list without editions is returned as it is)."""
    chains = {chain[-1].meta.id: chain for chain in works(documents)}
    if not chains:
        return documents
    older = {doc.meta.id for chain in chains.values() for doc in chain[:-1]}
    ordered = []
    for doc in documents:
        if doc.meta.id in older:
            continue
        ordered += list(reversed(chains[doc.meta.id])) if doc.meta.id in chains else [doc]
    return ordered


# ---------------------------------------------------------------------------
# Comparing two editions
# ---------------------------------------------------------------------------


def parts(document: Document) -> list[Part]:
    """The document's sections in reading order (and the text before its first heading, if any),
    each with the permalink ids its page gives its paragraphs."""
    found = []
    if document.preamble:
        found.append(Part(None, "", "", _units(document.preamble, ""), 0))
    for section in document.all_sections():
        found.append(Part(section, _heading(section), section.number, _units(section.blocks, section.anchor + "-"),
                          len(found)))
    return found


def _heading(section: Section) -> str:
    title = section.title
    return title[len(section.number):].strip() if section.number and title.startswith(section.number) else title


def _units(blocks: list[Block], prefix: str) -> list[Unit]:
    """One unit per permalink, numbered as markdown.block_markdown numbers them."""
    units: list[Unit] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            units += [Unit(f"{prefix}p{len(units) + 1 + n}", item.marker + item.text)
                      for n, item in enumerate(block.items)]
        elif isinstance(block, (Paragraph, Table)):
            units.append(Unit(f"{prefix}p{len(units) + 1}", block_text(block)))
    return units


def compare(old: Document, new: Document) -> Comparison:
    """What changed from ``old`` to ``new``: every section of both, in the new edition's order
    with each removed section after the section that preceded it in the old one."""
    old_parts, new_parts = parts(old), parts(new)
    pairs = match_sections(old_parts, new_parts)
    kept = _in_order(sorted(pairs, key=lambda pair: pair[0].order))
    changes: dict[int, SectionChange] = {}
    for old_part, new_part, score in pairs:
        paragraphs = compare_paragraphs(old_part.units, new_part.units)
        same = fold(old_part.heading) == fold(new_part.heading) and all(p.status == "equal" for p in paragraphs)
        changes[id(new_part)] = SectionChange("unchanged" if same else "changed", old_part, new_part,
                                              moved=(old_part.order, new_part.order) not in kept, score=score,
                                              paragraphs=paragraphs)
    ordered = [changes.get(id(part)) or SectionChange("added", new=part, paragraphs=[
        ParagraphChange("added", new=unit) for unit in part.units]) for part in new_parts]
    matched_old = {id(pair[0]): changes[id(pair[1])] for pair in pairs}
    for part in old_parts:
        if id(part) in matched_old:
            continue
        removed = SectionChange("removed", old=part, paragraphs=[ParagraphChange("removed", old=u) for u in part.units])
        ordered.insert(_after(ordered, old_parts, part, matched_old), removed)
    return Comparison(old, new, ordered)


def _after(ordered: list[SectionChange], old_parts: list[Part], part: Part, matched: dict[int, SectionChange]) -> int:
    """Where a removed section goes: after the change that shows the old section before it (one
    that moved stands elsewhere now: the one before that, then)."""
    for before in reversed(old_parts[:part.order]):
        change = matched.get(id(before))
        if change is None:
            change = next((c for c in ordered if c.old is before), None)
        if change is not None and not change.moved:
            return next(i for i, c in enumerate(ordered) if c is change) + 1
    return 0


def match_sections(old_parts: list[Part], new_parts: list[Part]) -> list[tuple[Part, Part, float]]:
    """The pairs of sections taken as one: the best-scoring pairs first, each section used once."""
    old_keys = [_Key.of(part) for part in old_parts]
    new_keys = [_Key.of(part) for part in new_parts]
    scored = []
    for i, old_key in enumerate(old_keys):
        for j, new_key in enumerate(new_keys):
            score = _score(old_key, new_key)
            if score >= MATCH_SCORE:
                # Ties go to the pair nearest in relative position: a heading that recurs
                # (【対応策】) is matched with its counterpart, not the first of its name.
                distance = abs(i / max(1, len(old_parts)) - j / max(1, len(new_parts)))
                scored.append((-score, distance, i, j))
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for negative, _, i, j in sorted(scored):
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((old_parts[i], new_parts[j], -negative))
    return sorted(pairs, key=lambda pair: pair[1].order)


@dataclass(frozen=True)
class _Key:
    """What matching compares of a section, computed once: folded heading, text bigrams."""

    preamble: bool
    heading: str
    grams: Counter[str]
    total: int

    @classmethod
    def of(cls, part: Part) -> _Key:
        folded = fold(part.text)
        grams = Counter(folded[i:i + 2] for i in range(len(folded) - 1))
        return cls(part.section is None, fold(part.heading), grams, sum(grams.values()))


def _score(old: _Key, new: _Key) -> float:
    if old.preamble != new.preamble:
        return 0.0  # the text before the first heading is only ever its own counterpart
    title = difflib.SequenceMatcher(None, old.heading, new.heading, autojunk=False).ratio()
    if not old.total and not new.total:
        return title  # headings over subsections only: the heading is all there is
    return TITLE_WEIGHT * title + (1 - TITLE_WEIGHT) * _overlap(old, new)


def _overlap(a: _Key, b: _Key) -> float:
    """Dice coefficient over bigram counts: 1 for the same text, 0 for nothing in common."""
    if not a.total or not b.total:
        return 0.0
    small, large = (a.grams, b.grams) if len(a.grams) <= len(b.grams) else (b.grams, a.grams)
    common = sum(min(count, large[gram]) for gram, count in small.items() if gram in large)
    return 2 * common / (a.total + b.total)


def _in_order(pairs: list[tuple[Part, Part, float]]) -> set[tuple[int, int]]:
    """The matched pairs on the longest run kept in the same order in both editions; the others
    moved.  ``pairs`` come in the old edition's order; the run is the longest increasing
    subsequence of their new positions."""
    positions = [new.order for _, new, _ in pairs]
    tails: list[int] = []  # tails[k]: index of the smallest last element of a run of length k+1
    previous = [-1] * len(positions)
    for index, position in enumerate(positions):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if positions[tails[middle]] < position:
                low = middle + 1
            else:
                high = middle
        previous[index] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    kept = set()
    index = tails[-1] if tails else -1
    while index != -1:
        kept.add((pairs[index][0].order, pairs[index][1].order))
        index = previous[index]
    return kept


def compare_paragraphs(old: list[Unit], new: list[Unit]) -> list[ParagraphChange]:
    """The paragraphs of two matched sections, in the new edition's order: equal, changed, added,
    and each removed one after the step of the old paragraph before it.

    Paragraphs the same in both (white space aside: one edition's text has 「生成 AI」 where the
    other has 「生成AI」) are paired in order first; of the rest, the most similar pairs are
    taken first whatever their order (a revision reorders bullets too), when similar enough."""
    bare = difflib.SequenceMatcher(None, [_bare(u.text) for u in old], [_bare(u.text) for u in new],
                                   autojunk=False)
    partner: dict[int, int] = {}  # new index → old index
    for block in bare.get_matching_blocks():
        partner.update({block.b + k: block.a + k for k in range(block.size)})
    partner.update(_similar_pairs(old, new, set(partner.values()), set(partner)))
    steps: list[ParagraphChange] = []
    placed: dict[int, int] = {}  # old index → its step's position
    for j, unit in enumerate(new):
        if j not in partner:
            steps.append(ParagraphChange("added", new=unit))
            continue
        i = partner[j]
        placed[i] = len(steps)
        same = _bare(old[i].text) == _bare(unit.text)
        steps.append(ParagraphChange("equal", old[i], unit) if same else
                     ParagraphChange("changed", old[i], unit, inline_diff(old[i].text, unit.text)))
    for i, unit in enumerate(old):
        if i in placed:
            continue
        before = [placed[k] for k in range(i) if k in placed]
        position = max(before) + 1 if before else 0
        steps.insert(position, ParagraphChange("removed", old=unit))
        placed = {k: v + (v >= position) for k, v in placed.items()}
        placed[i] = position
    return steps


def _bare(text: str) -> str:
    return "".join(text.split())


def _similar_pairs(old: list[Unit], new: list[Unit], used_old: set[int], used_new: set[int]) -> dict[int, int]:
    """new index → old index for the paragraphs left over, most similar first, from PARAGRAPH_CHANGED on."""
    scored = []
    for i, a in enumerate(old):
        if i in used_old:
            continue
        for j, b in enumerate(new):
            if j in used_new:
                continue
            matcher = difflib.SequenceMatcher(None, a.text, b.text, autojunk=False)
            # The cheap upper bounds first: most pairs of a long section have little in common.
            if matcher.real_quick_ratio() >= PARAGRAPH_CHANGED and matcher.quick_ratio() >= PARAGRAPH_CHANGED:
                ratio = matcher.ratio()
                if ratio >= PARAGRAPH_CHANGED:
                    scored.append((-ratio, i, j))
    pairs: dict[int, int] = {}
    for _, i, j in sorted(scored):
        if j not in pairs and i not in used_old:
            pairs[j] = i
            used_old.add(i)
    return pairs


def inline_diff(old: str, new: str) -> list[Piece]:
    """Character-level difference of two texts as equal, deleted and inserted runs.  A run of
    white space alone is no change: the new text's spaces are shown, the old text's dropped."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("equal", "delete", "replace") and i2 > i1:
            if op == "equal":
                pieces.append(Piece("equal", old[i1:i2]))
            elif old[i1:i2].strip():
                pieces.append(Piece("delete", old[i1:i2]))
        if op in ("insert", "replace") and j2 > j1:
            pieces.append(Piece("insert" if new[j1:j2].strip() else "equal", new[j1:j2]))
    return _merge_short_equals(_join_equals(pieces))


def _join_equals(pieces: list[Piece]) -> list[Piece]:
    joined: list[Piece] = []
    for piece in pieces:
        if joined and piece.op == "equal" and joined[-1].op == "equal":
            joined[-1] = Piece("equal", joined[-1].text + piece.text)
        else:
            joined.append(piece)
    return joined


def _merge_short_equals(pieces: list[Piece]) -> list[Piece]:
    """Fold an equal run of MERGE_EQUAL_RUN characters or fewer between two changes into both
    sides of the change, then join neighbouring runs of the same kind (deletions before insertions)."""
    merged: list[Piece] = []
    for index, piece in enumerate(pieces):
        between = 0 < index < len(pieces) - 1 and pieces[index - 1].op != "equal" and pieces[index + 1].op != "equal"
        if piece.op == "equal" and between and len(piece.text) <= MERGE_EQUAL_RUN:
            merged += [Piece("delete", piece.text), Piece("insert", piece.text)]
        else:
            merged.append(piece)
    out: list[Piece] = []
    run: list[Piece] = []
    for piece in [*merged, Piece("equal", "")]:
        if piece.op != "equal":
            run.append(piece)
            continue
        for op in ("delete", "insert"):
            text = "".join(p.text for p in run if p.op == op)
            if text:
                out.append(Piece(op, text))
        run = []
        if piece.text:
            out.append(piece)
    return out
