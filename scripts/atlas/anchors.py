"""Published anchors stay put: sources/anchors.lock pins every section's id.

Ids come from section numbers, so most never move; an unnumbered heading's id ("s3") is its
position among unnumbered siblings, and a converter that learns to find one more heading
would shift the ones after it. The lock remembers, per document, the id each heading had
when it was published (keyed by its numbered title path); conversion reuses those ids, and
only new headings get new ones. `python scripts/convert.py --update-anchors` records new
headings; entries are never removed, so an old id is never given to another section.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .errors import InputError
from .model import Document, Section

Lock = dict[str, dict[str, str]]


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


def load_lock(path: Path) -> Lock:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(path, f"cannot read anchor lock: {error}") from None
    if not isinstance(data, dict):
        raise InputError(path, "anchor lock must map document ids to {heading: anchor}")
    return data


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


def write_lock(path: Path, lock: Lock) -> None:
    path.write_text(json.dumps(lock, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
