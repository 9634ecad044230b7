"""One error type for bad input: it always names the file (and line when known)."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input that stops the conversion with one clear line."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem}")
