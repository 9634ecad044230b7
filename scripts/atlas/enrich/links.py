"""Published links keep their words: sources/links.lock and where each locked id stands now.

sources/anchors.lock pins section ids; this lock pins everything else a page gave out —
paragraphs, list items, tables, footnotes, preamble blocks — and the pages themselves. It maps
each published page (document id, page name: "" for the index, "3" for /documents/<id>/3/) to the
ids it gave out, each with the fingerprint of its words (published.fingerprint). Only the release
step (scripts/release_links.py) adds to it, and never changes an entry: an id means the words it
meant when it was first published.

Every conversion reads it (anchors.assign_block_ids): each locked id is looked for among the new
document's blocks by its words —
  0. the same words (hash);
  1. a block that begins with them (a join fixed, a note split off, a paragraph split in two:
     the part holding its beginning);
  2. a block that holds its beginning further in (merged with the paragraph before it);
  3. the same, by a shorter beginning (furniture removed from its first line);
preferring its own section, then its own page, then its own document. A block found by its
beginning keeps the locked id; other ids that found it (merged paragraphs) and ids whose words
moved to another page are aliases, written to docs/atlas/links/<doc>.json for
assets/atlas-links.js. An id whose words are gone opens the section where it stood, with a notice.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import assert_never

from ..config.locks import read_lock_file
from ..model.document import Document, ListBlock, ListItem, Paragraph, Section, Table
from ..model.errors import InputError
from ..text.numbering import PLAIN_BULLETS
from .published import Published, fingerprint, fold
from .routing import document_url

# document → page → id → [head, hash]
LinkLock = dict[str, dict[str, dict[str, list[str]]]]

SHORT_HEAD = 12  # tier 3: a beginning this long still tells a paragraph from its neighbours
GLOBAL_HEAD = 8  # words shorter than this are looked for in their own document only

_BLOCK_ID = re.compile(r"^(?:(.+)-)?p\d+$")

Holder = Paragraph | ListItem | Table


# ---------------------------------------------------------------------------
# The lock file
# ---------------------------------------------------------------------------


def load_links_lock(path: Path) -> LinkLock:
    data = read_lock_file(path, "link lock")
    if not isinstance(data, dict) or not all(isinstance(pages, dict) for pages in data.values()):
        raise InputError(path, "link lock must map document ids to {page: {id: [head, hash]}}")
    return data


def write_links_lock(path: Path, lock: LinkLock) -> None:
    """One id a line, sorted: a release's diff shows exactly the ids it added."""
    out = ["{"]
    docs = sorted(lock)
    for d, doc in enumerate(docs):
        out.append(f" {json.dumps(doc)}: {{")
        pages = sorted(lock[doc])
        for p, page in enumerate(pages):
            ids = lock[doc][page]
            out.append(f"  {json.dumps(page)}: {{" + ("" if ids else "}" + ("," if p < len(pages) - 1 else "")))
            keys = sorted(ids, key=id_order)
            for i, ident in enumerate(keys):
                comma = "," if i < len(keys) - 1 else ""
                out.append(f"   {json.dumps(ident)}: {json.dumps(ids[ident], ensure_ascii=False)}{comma}")
            if ids:
                out.append("  }" + ("," if p < len(pages) - 1 else ""))
        out.append(" }" + ("," if d < len(docs) - 1 else ""))
    out.append("}")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def id_order(ident: str) -> list[object]:
    """"2-10-p3" after "2-9-p12": numbers compare as numbers."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", ident)]


def record(lock: LinkLock, published: Iterable[Published]) -> int:
    """Add ids not yet in the lock (the first publication of an id is what it means); return how many."""
    added = 0
    for item in published:
        ids = lock.setdefault(item.document, {}).setdefault(item.page, {})
        if item.ident not in ids:
            ids[item.ident] = list(fingerprint(item.text))
            added += 1
    return added


def record_pages(lock: LinkLock, pages: Iterable[tuple[str, str]]) -> None:
    """Pages that gave out no id are published addresses too."""
    for document, page in pages:
        lock.setdefault(document, {}).setdefault(page, {})


# ---------------------------------------------------------------------------
# What a conversion shows: targets a locked id can land on
# ---------------------------------------------------------------------------


@dataclass(eq=False)
class Target:
    """A heading, block or note of the new conversion that a link can open."""

    document: str
    page: str
    section: str  # the section it stands in ("" for the preamble)
    folded: str
    digest: str
    order: int
    holder: Holder | None = None  # a block whose id this step sets; None: the id is fixed
    ident: str = ""


def shown_text(holder: Holder) -> str:
    """A block's words as its page shows them (a list item with its marker unless a plain bullet)."""
    if isinstance(holder, ListItem):
        return holder.text if holder.marker in PLAIN_BULLETS else f"{holder.marker} {holder.text}"
    if isinstance(holder, Table):
        return " ".join(cell for row in holder.rows for cell in row)
    return holder.text


def holders(blocks: list[Paragraph | ListBlock | Table]) -> list[Holder]:
    """The blocks that get a permalink id, in page order: a list's items each have their own."""
    found: list[Holder] = []
    for block in blocks:
        match block:
            case ListBlock():
                found.extend(block.items)
            case Paragraph() | Table():
                found.append(block)
            case _:
                assert_never(block)
    return found


def document_targets(document: Document, heading_text: dict[int, str]) -> list[Target]:
    """Every id-bearing thing of a document, in reading order."""
    doc = document.meta.id
    targets: list[Target] = []

    def add(page: str, section: str, text: str, holder: Holder | None, ident: str = "") -> None:
        folded = fold(text)
        targets.append(Target(doc, page, section, folded, fingerprint(text)[1], len(targets), holder, ident))

    for holder in holders(document.preamble):
        add("", "", shown_text(holder), holder)
    for section in document.all_sections():
        add(section.page, section.anchor, heading_text[id(section)], None, section.anchor)
        for holder in holders(section.blocks):
            add(section.page, section.anchor, shown_text(holder), holder)
    referring = _first_referring_sections(document) if document.footnotes else {}
    for note in document.footnotes:
        section = referring.get(note.id) or _section_printed_in(document, note.span.start)
        add(section.page if section else "", section.anchor if section else "", note.text, None, f"fn:{note.id}")
    return targets


def _first_referring_sections(document: Document) -> dict[str, Section]:
    """Each note's first section that refers to it: the section whose page shows the note (read once for
    all notes — a long document has hundreds)."""
    referring: dict[str, Section] = {}
    for section in document.all_sections():
        for holder in holders(section.blocks):
            for ref in getattr(holder, "refs", []):
                referring.setdefault(ref.key or ref.label, section)
    return referring


def _section_printed_in(document: Document, line: int) -> Section | None:
    """The section a note no text refers to was printed in (its page shows it)."""
    sections = document.all_sections()
    before = [s for s in sections if s.span.start <= line]
    return before[-1] if before else (sections[0] if sections else None)


# ---------------------------------------------------------------------------
# Finding a locked id's words
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Locked:
    document: str
    page: str
    ident: str
    head: str
    digest: str

    @property
    def section(self) -> str | None:
        """The section an id stood in: a block id's prefix, a heading's own id; None for a note."""
        if self.ident.startswith("fn:"):
            return None
        match = _BLOCK_ID.match(self.ident)
        return (match[1] or "") if match else self.ident

    @property
    def is_heading(self) -> bool:
        return not self.ident.startswith("fn:") and not _BLOCK_ID.match(self.ident)


def locked_ids(lock: LinkLock) -> list[Locked]:
    return [Locked(doc, page, ident, entry[0], entry[1])
            for doc in sorted(lock) for page in sorted(lock[doc])
            for ident, entry in sorted(lock[doc][page].items(), key=lambda kv: id_order(kv[0]))]


@dataclass(frozen=True)
class Found:
    target: Target
    tier: int  # 0 same words … 3 by a shorter beginning (see the module's docstring)


def _tier(locked: Locked, target: Target, near: bool) -> int | None:
    """How well a target holds a locked id's words (None: not at all); ``near``: it stands in the
    id's own section, where a very short text (「内閣府」, merged into a roster) may be looked for."""
    if target.digest == locked.digest:
        return 0
    if not locked.head:
        return None
    if target.folded.startswith(locked.head):
        return 1
    if len(target.folded) >= SHORT_HEAD // 2 and locked.head.startswith(target.folded):
        return 1  # split: the new block (or a heading split off) is the beginning of the old words
    if (near or len(locked.head) >= SHORT_HEAD // 2) and locked.head in target.folded:
        return 2
    return None


def _similar(locked: Locked, target: Target) -> bool:
    """Tier 3: the beginnings agree but for a few characters (a page number or a lost digit
    removed, a note's label split off)."""
    if len(locked.head) < SHORT_HEAD or len(target.folded) < SHORT_HEAD // 2:
        return False
    old = _bigrams(locked.head)
    new = _bigrams(target.folded[: len(locked.head) + 8])
    return len(old & new) >= SIMILAR * len(old) and len(old & new) >= SIMILAR * min(len(new), len(old))


SIMILAR = 0.75


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


PREFIX = SHORT_HEAD // 2  # a block that begins with a locked head, or begins it, shares this many first characters


class Pool:
    """Targets to look in, indexed by their words' hash and first characters: most locked ids
    find their words unchanged or with the same beginning, without a scan of every block."""

    def __init__(self, targets: list[Target]) -> None:
        self.targets = targets
        self.by_digest: dict[str, list[Target]] = {}
        self.by_prefix: dict[str, list[Target]] = {}
        for target in targets:
            self.by_digest.setdefault(target.digest, []).append(target)
            if len(target.folded) >= PREFIX:
                self.by_prefix.setdefault(target.folded[:PREFIX], []).append(target)

    def where(self, keep: Callable[[Target], bool]) -> Pool:
        return Pool([t for t in self.targets if keep(t)])

    def candidates(self, locked: Locked) -> list[list[Target]]:
        """Groups to look in, in order: the same words, the same beginning, everything."""
        groups = [self.by_digest.get(locked.digest, [])]
        if len(locked.head) >= PREFIX:
            groups.append(self.by_prefix.get(locked.head[:PREFIX], []))
        groups.append(self.targets)
        return groups


EMPTY = Pool([])


def find(locked: Locked, own: Pool, everywhere: Pool, claimed: set[int],
         within: Target | None = None) -> Found | None:
    """The target that holds a locked id's words, best first (see the module's docstring).

    ``within``: the new section its parent id resolved to, searched first (a compilation's
    chapter that became a document of its own, with its 「ア．問題の所在」 repeated in every part)."""
    if locked.is_heading:
        # Section ids are pinned by anchors.lock: the same id in the same document is the section,
        # unless its words are another heading's now.
        for target in own.targets:
            same_id = target.ident == locked.ident and target.holder is None
            if same_id and (_tier(locked, target, True) is not None or _similar(locked, target)):
                return Found(target, 0)
    if within is not None:
        inside = everywhere.where(lambda t: t.document == within.document and (
            t.section == within.ident or t.section.startswith(within.ident + "-")))
        best = _best(locked, inside, claimed, near=True)
        if best is None and within.document != locked.document:
            best = _best(locked, everywhere.where(lambda t: t.document == within.document), claimed)
        if best is not None:
            return best
    best = _best(locked, own, claimed)
    if best is None and len(locked.head) >= GLOBAL_HEAD:
        best = _best(locked, everywhere, claimed)
    return best


def _best(locked: Locked, pool: Pool, claimed: set[int], near: bool = False) -> Found | None:
    for group in pool.candidates(locked):  # a better tier in an earlier group: no need to look further
        found = _pick(locked, group, claimed, near)
        if found is not None:
            return found
    ranked: tuple[object, ...] | None = None
    found = None
    for target in pool.targets:  # only when no beginning matched: fuzzy beginnings are slower to compare
        if _similar(locked, target):
            rank = _rank(locked, target, 3, claimed)
            if ranked is None or rank < ranked:
                ranked, found = rank, Found(target, 3)
    return found


def _pick(locked: Locked, group: list[Target], claimed: set[int], near: bool) -> Found | None:
    ranked: tuple[object, ...] | None = None
    found: Found | None = None
    for target in group:
        tier = _tier(locked, target, near or target.section == locked.section)
        if tier is None:
            continue
        rank = _rank(locked, target, tier, claimed)
        if ranked is None or rank < ranked:
            ranked, found = rank, Found(target, tier)
    return found


def _rank(locked: Locked, target: Target, tier: int, claimed: set[int]) -> tuple[object, ...]:
    return (tier, target.document != locked.document, target.section != locked.section,
            target.page != locked.page, id(target) in claimed, target.order)


def parent_ids(locked: Locked) -> list[str]:
    """The ids of the sections an id stood in, nearest first ("1_3-10-k1" → "1_3-10", "1_3")."""
    section = locked.section
    if section is None:
        return []
    chain = [] if locked.is_heading else ([section] if section else [])
    parts = section.split("-")
    chain += ["-".join(parts[:n]) for n in range(len(parts) - 1, 0, -1)]
    return chain


# ---------------------------------------------------------------------------
# Where each locked id leads: the map the page script reads
# ---------------------------------------------------------------------------


@dataclass
class LinkMap:
    """Per published document: page → old id → [page URL, id, notice?] for ids not where they were."""

    entries: dict[str, dict[str, dict[str, list[object]]]] = field(default_factory=dict)
    # Published pages no conversion writes any more → the page URL they lead to.
    moved_pages: dict[tuple[str, str], str] = field(default_factory=dict)
    # (document, page) → ids that page shows for other words than it first did: the page says so
    # (data-moved-ids), so that its script follows the map even though the id is on the page.
    shadowed: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def add(self, locked: Locked, url: str, ident: str, notice: bool = False) -> None:
        entry: list[object] = [url, ident, 1] if notice else [url, ident]
        self.entries.setdefault(locked.document, {}).setdefault(locked.page, {})[locked.ident] = entry


def page_url(document: str, page: str) -> str:
    """A document page's address relative to the site root."""
    return document_url(document, page)
