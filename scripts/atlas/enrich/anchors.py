"""Published anchors stay put: sources/anchors.lock pins every section's id.

Ids come from section numbers, so most never move; an unnumbered heading's id ("s3") is its
position among unnumbered siblings, and a converter that learns to find one more heading
would shift the ones after it. The lock remembers, per document, the id each heading had
when it was published (keyed by its numbered title path); conversion reuses those ids, and
only new headings get new ones. `python scripts/convert.py --update-anchors` records new
headings; entries are never removed, so an old id is never given to another section.
"""

from __future__ import annotations

from collections import Counter

from ..config.locks import Lock
from ..model.document import Document, Section, section_heading
from .layout import PRINT_LIMIT, has_own_page
from .links import (
    EMPTY,
    Found,
    Holder,
    LinkLock,
    LinkMap,
    Locked,
    Pool,
    Target,
    document_targets,
    find,
    holders,
    id_order,
    locked_ids,
    page_url,
    parent_ids,
)


def section_keys(document: Document) -> list[tuple[str, Section]]:
    """(key, section) for every section: its heading path, with #n for repeats of one path."""
    keys: list[tuple[str, Section]] = []
    seen: Counter[str] = Counter()

    def walk(sections: list[Section], prefix: str) -> None:
        for section in sections:
            path = f"{prefix} > {section.number}{section.title}" if prefix else f"{section.number}{section.title}"
            seen[path] += 1
            keys.append((path if seen[path] == 1 else f"{path} #{seen[path]}", section))
            walk(section.children, path)

    walk(document.sections, "")
    return keys


def apply_lock(document: Document, lock: Lock) -> None:
    """Give locked headings their published ids; keep new headings off ids already taken."""
    pinned = lock.get(document.meta.id, {})
    keyed = section_keys(document)
    taken = set(pinned.values())
    used = {pinned[key] for key, _ in keyed if key in pinned}
    # A heading whose text differs from the published one only in spaces (letter-spacing
    # rejoined: 「日 時」 → 「日時」) is the same heading: it keeps its id.
    loose: dict[str, str] = {}
    for key, anchor in pinned.items():
        loose.setdefault(_spaceless(key), anchor)
    matched: set[int] = set()
    for position, (key, section) in enumerate(keyed):
        anchor = pinned.get(key)
        if anchor is None and loose.get(_spaceless(key)) not in (None, *used):
            anchor = loose[_spaceless(key)]
            used.add(anchor)
        if anchor is not None:
            section.anchor = anchor
            matched.add(position)
    for position, (_, section) in enumerate(keyed):
        if position in matched:
            continue
        anchor, n = section.anchor, 1
        while anchor in taken:
            n += 1
            anchor = f"{section.anchor}_{n}"
        section.anchor = anchor
        taken.add(anchor)


def _spaceless(key: str) -> str:
    return "".join(key.split())


def updated_lock(documents: list[Document], lock: Lock) -> Lock:
    """The lock with every current heading recorded (old entries kept)."""
    result = {doc_id: dict(entries) for doc_id, entries in lock.items()}
    for document in documents:
        entries = result.setdefault(document.meta.id, {})
        for key, section in section_keys(document):
            entries.setdefault(key, section.anchor)
    return {doc_id: dict(sorted(entries.items())) for doc_id, entries in sorted(result.items())}


# ---------------------------------------------------------------------------
# Block ids: paragraphs, list items, tables (sources/links.lock, see links.py)
# ---------------------------------------------------------------------------


def assign_block_ids(documents: list[Document], lock: LinkLock) -> LinkMap:
    """Give every block its permalink id and say where each locked id leads now.

    Run after section anchors are final and pages are laid out (layout.paginate). A block that
    holds the beginning of a locked id's words keeps that id; any other block gets ``<section>-p<n>``
    (``p<n>`` before the first heading) with the first n no release ever gave out in its document,
    so that without a lock ids count blocks by position and with one no id is ever given to
    other words.
    """
    heading_text = {id(s): section_heading(s) for d in documents for s in d.all_sections()}
    targets = {d.meta.id: document_targets(d, heading_text) for d in documents}
    everywhere = [t for doc_targets in targets.values() for t in doc_targets]
    found = _find_all(locked_ids(lock), {doc: Pool(ts) for doc, ts in targets.items()}, Pool(everywhere))
    for document in documents:
        _assign(document, targets[document.meta.id], found, lock.get(document.meta.id, {}))
    for target in everywhere:
        if target.holder is not None:
            target.ident = target.holder.anchor
    return _link_map(documents, lock, found, targets)


def _find_all(locked: list[Locked], pools: dict[str, Pool], everywhere: Pool) -> dict[Locked, Found | None]:
    """Each locked id's words in the new conversion; an id not found by itself is looked for
    inside the section its parent id (same page, as published) resolved to."""
    claimed: set[int] = set()
    found: dict[Locked, Found | None] = {}
    by_key = {(item.document, item.page, item.ident): item for item in locked}

    def resolve(item: Locked) -> Found | None:
        if item in found:
            return found[item]
        found[item] = None  # guards against a cycle
        hit = find(item, pools.get(item.document, EMPTY), everywhere, claimed)
        if hit is None or hit.target.document != item.document:
            for parent_id in parent_ids(item):
                parent = by_key.get((item.document, item.page, parent_id))
                home = resolve(parent) if parent is not None else None
                if home is not None and home.target.holder is None:
                    hit = find(item, pools.get(item.document, EMPTY), everywhere, claimed, home.target) or hit
                    break
        found[item] = hit
        if hit is not None:
            claimed.add(id(hit.target))
        return hit

    for item in locked:
        resolve(item)
    # A page whose words moved to another document (a compilation's chapter that became a
    # document of its own): what was not found by itself is looked for in that document, parents
    # first, so that 「【対応策】」 number 11 is looked for under its own heading.
    moved_to = _where_pages_went(found)
    for item in locked:
        home = moved_to.get((item.document, item.page))
        if found[item] is not None or home is None:
            continue
        parent = next((by_key[key] for p in parent_ids(item)
                       if (key := (item.document, item.page, p)) in by_key and found.get(by_key[key])), None)
        within = found[parent].target if parent is not None else None
        pool = pools.get(home, EMPTY)
        hit = find(item, pool, pool, claimed, within if within is not None and within.holder is None else None)
        found[item] = hit
        if hit is not None:
            claimed.add(id(hit.target))
    return {item: found[item] for item in locked}


def _where_pages_went(found: dict[Locked, Found | None]) -> dict[tuple[str, str], str]:
    """(document, page) → the other document most of its found ids are in now."""
    votes: dict[tuple[str, str], Counter[str]] = {}
    for item, hit in found.items():
        if hit is not None and hit.target.document != item.document:
            votes.setdefault((item.document, item.page), Counter())[hit.target.document] += 1
    return {key: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for key, c in votes.items()}


def _assign(document: Document, targets: list[Target], found: dict[Locked, Found | None],
            published: dict[str, dict[str, list[str]]]) -> None:
    doc = document.meta.id
    # Which locked id each block keeps: the best of those whose words it begins with.
    claims: dict[int, list[tuple[tuple[object, ...], Locked]]] = {}
    for locked, hit in found.items():
        if hit is None or hit.tier == 2 or locked.document != doc or hit.target.document != doc:
            continue
        if hit.target.holder is None or locked.is_heading or locked.section is None:
            continue
        rank = (hit.tier, hit.target.section != locked.section, hit.target.page != locked.page, id_order(locked.ident))
        claims.setdefault(id(hit.target), []).append((rank, locked))
    taken = {ident for ids in published.values() for ident in ids}
    kept: set[str] = set()
    for target in targets:
        if target.holder is None:
            continue
        target.holder.anchor = ""
        for _, locked in sorted(claims.get(id(target), []), key=lambda claim: claim[0]):
            if locked.ident not in kept:
                target.holder.anchor = locked.ident
                kept.add(locked.ident)
                break
    taken |= kept
    _number_new_blocks("", holders(document.preamble), taken)
    for section in document.all_sections():
        _number_new_blocks(f"{section.anchor}-", holders(section.blocks), taken)


def _number_new_blocks(prefix: str, blocks: list[Holder], taken: set[str]) -> None:
    n = 1
    for holder in blocks:
        if holder.anchor:
            continue
        while f"{prefix}p{n}" in taken:
            n += 1
        holder.anchor = f"{prefix}p{n}"
        taken.add(holder.anchor)


def _link_map(documents: list[Document], lock: LinkLock, found: dict[Locked, Found | None],
              targets: dict[str, list[Target]]) -> LinkMap:
    links = LinkMap()
    shown_ids: dict[str, set[tuple[str, str]]] = {}
    for doc, doc_targets in targets.items():
        shown_ids[doc] = {(t.page, t.ident) for t in doc_targets}
    for locked, hit in found.items():
        if hit is not None:
            target = hit.target
            if (target.document, target.page, target.ident) != (locked.document, locked.page, locked.ident):
                links.add(locked, page_url(target.document, target.page), target.ident)
                if (locked.page, locked.ident) in shown_ids.get(locked.document, set()):
                    links.shadowed.setdefault((locked.document, locked.page), []).append(locked.ident)
            continue
        # The words are gone: open the section where they stood, and say that the passage changed.
        section = next((t for t in targets.get(locked.document, [])
                        if t.holder is None and t.ident == locked.section and locked.section), None)
        if section is not None:
            links.add(locked, page_url(section.document, section.page), section.ident, notice=True)
        else:
            links.add(locked, page_url(locked.document, ""), "", notice=True)
    shown = {(d.meta.id, page) for d in documents for page in shown_pages(d)}
    for doc in sorted(lock):
        for page in sorted(lock[doc]):
            if (doc, page) not in shown:
                links.moved_pages[(doc, page)] = _new_home(doc, page, links, shown)
    return links


def shown_pages(document: Document) -> list[str]:
    """The page names a conversion writes for a document ("" its index, "print" its print view)."""
    pages = [""] + [s.anchor for s in document.all_sections() if has_own_page(s)]
    if document.lines and document.text_length <= PRINT_LIMIT:
        pages.append("print")
    return pages


def _new_home(doc: str, page: str, links: LinkMap, shown: set[tuple[str, str]]) -> str:
    """Where a page no conversion writes any more leads: where most of its ids went."""
    votes = Counter(str(entry[0]) for entry in links.entries.get(doc, {}).get(page, {}).values() if len(entry) == 2)
    if votes:
        return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return page_url(doc, "") if (doc, "") in shown else ""
