"""The day a document joined the Atlas, when the catalog does not say (its `added` key): the day
its source file was first committed. Never guessed: outside a git work tree, in a shallow clone
(whose oldest commit is not the file's first) or for a file not yet committed, there is no day."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _complete_history(folder: Path) -> bool:
    return _git(folder, "rev-parse", "--is-shallow-repository") == "false"


def first_commit_day(path: Path) -> date | None:
    """The committer's day of the commit that added ``path`` (following renames), or None."""
    folder = path.resolve().parent
    if not _complete_history(folder):
        return None
    days = _git(folder, "log", "--follow", "--diff-filter=A", "--format=%cs", "--", path.name)
    return date.fromisoformat(days.splitlines()[-1]) if days else None
