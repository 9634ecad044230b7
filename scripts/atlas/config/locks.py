"""sources/anchors.lock, the file: every published section id per document, read and written.

What the ids mean and how conversion keeps them is anchors.py's; this is the file alone, so the
catalog can check that no published document disappears without knowing how anchors are kept.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..model.errors import InputError

Lock = dict[str, dict[str, str]]


def read_lock_file(path: Path, name: str) -> object:
    """A lock file's JSON ({} before the first release writes it); a file that cannot be read or
    parsed is one InputError naming it. Its shape is the caller's to check."""
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(path, f"cannot read {name}: {error}") from None


def load_lock(path: Path) -> Lock:
    data = read_lock_file(path, "anchor lock")
    if not isinstance(data, dict):
        raise InputError(path, "anchor lock must map document ids to {heading: anchor}")
    return data


def write_lock(path: Path, lock: Lock) -> None:
    path.write_text(json.dumps(lock, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
