"""One error type for bad input: it always names the file (and line when known)."""

from __future__ import annotations

import difflib
from pathlib import Path


class InputError(Exception):
    """Bad input that stops the conversion with one clear line."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem}")


def suggestion(word: str, known: list[str]) -> str:
    """' (did you mean 'x'?)' for the known word nearest ``word``, or nothing when none is near."""
    near = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return f" (did you mean '{near[0]}'?)" if near else ""
