"""The catalog (``sources/catalog.yml``): which documents there are, and about them.

Every entry is checked before any conversion starts; a problem stops the run
with one line naming the catalog file, the entry's line and what is wrong.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .labels import KIND_LABELS, kind_label
from .model import DocumentMeta
from .structure import Hints
from .wareki import parse_japanese_date
from .yamlfile import LineLoader

REQUIRED = ("id", "title", "body", "date", "kind", "summary")
# pdf-text: text extracted from a PDF, structure guessed; clean: Atlas clean text (read_clean.py).
# pdf: a PDF file, read with its layout (read_pdf.py); the default for a source ending in .pdf.
FORMATS = ("pdf-text", "clean", "pdf")
DOC_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass
class Entry:
    meta: DocumentMeta
    hints: Hints
    line: int
    parts: list[Entry] = field(default_factory=list)


class _LineLoader(LineLoader):
    """The line-remembering loader, with dates left as strings (see below)."""


# Dates stay strings: 和暦 and ISO are parsed by one function with one error.
_LineLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_catalog(sources: Path) -> list[Entry]:
    path = sources / "catalog.yml"
    if not path.is_file():
        raise InputError(path, "catalog not found")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise InputError(path, f"invalid YAML: {error.problem}", line) from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError(path, f"invalid YAML: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise InputError(path, "expected a mapping with a 'documents' list")
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for raw in data["documents"]:
        entry = _entry(raw, path, sources, parent=None)
        entries.append(entry)
        for item in [entry, *entry.parts]:
            if item.meta.id in seen:
                raise InputError(
                    path,
                    f"duplicate id '{item.meta.id}' (first used at line {seen[item.meta.id]})",
                    item.line,
                )
            seen[item.meta.id] = item.line
    return entries


def _entry(raw: Any, path: Path, sources: Path, parent: DocumentMeta | None) -> Entry:
    if not isinstance(raw, dict):
        raise InputError(path, "each document must be a mapping of keys")
    line = raw.get("__line__")
    for key in REQUIRED:
        if key not in raw or raw[key] in (None, ""):
            raise InputError(path, f"missing key '{key}'", line)
    doc_id = str(raw["id"])
    if not DOC_ID.fullmatch(doc_id):
        raise InputError(path, f"id '{doc_id}' must be lowercase ASCII words joined by '-'", line)
    try:
        when: date = parse_japanese_date(str(raw["date"]))
    except ValueError:
        raise InputError(path, f"bad date '{raw['date']}' (use 2024-05-01 or 令和6年5月1日)", line) from None
    source = raw.get("source") or (parent.source if parent else None)
    if not source:
        raise InputError(path, "missing key 'source'", line)
    if not (sources / source).is_file():
        raise InputError(path, f"unknown file '{source}' (not in {sources})", line)
    lines = raw.get("lines")
    if lines is not None:
        if not (isinstance(lines, list) and len(lines) == 2 and all(isinstance(n, int) for n in lines)
                and 1 <= lines[0] <= lines[1]):
            raise InputError(path, f"'lines' must be [first, last] line numbers, got {lines!r}", line)
        lines = (lines[0], lines[1])
    source_format = str(raw.get("format", "pdf" if str(source).lower().endswith(".pdf") else "pdf-text"))
    if source_format not in FORMATS:
        raise InputError(path, f"unknown format '{source_format}' (use {' or '.join(FORMATS)})", line)
    if source_format == "pdf" and (lines is not None or raw.get("parts")):
        raise InputError(path, "a PDF source cannot be divided into parts by line numbers yet: "
                         "give each part its own PDF", line)
    if kind_label(str(raw["kind"])) is None:  # every page shows the kind in Japanese
        raise InputError(path, f"unknown kind '{raw['kind']}' (write it in Japanese, or use one of: "
                         f"{', '.join(sorted(KIND_LABELS))})", line)
    replaces = None
    if parent is not None and source != parent.source:
        # A part corrected by hand: its own file, standing for the compilation's lines.
        if lines is None:
            raise InputError(path, f"part '{raw['id']}' has its own source: give 'lines', the lines of "
                             f"{parent.source} it stands for", line)
        lines, replaces = None, lines
    meta = DocumentMeta(
        id=doc_id,
        title=str(raw["title"]),
        body=str(raw["body"]),
        date=when,
        kind=str(raw["kind"]),
        source=str(source),
        summary=str(raw["summary"]),
        lines=lines,
        parent=parent.id if parent else None,
        title_en=str(raw.get("title_en", "")),
        date_note=str(raw.get("date_note", "")),
        format=source_format,
        replaces=replaces,
    )
    # A hint names its line by number (breaks when the source changes above it) or by its text.
    slide_titles = raw.get("slide_titles", []) or []
    preformatted = raw.get("preformatted", []) or []
    not_headings = raw.get("not_headings", []) or []
    hints = Hints(
        slides=bool(raw.get("slides", False)),
        slide_titles=frozenset(int(n) for n in slide_titles if not isinstance(n, str)),
        preformatted=tuple((int(a), int(b)) for a, b in preformatted if not isinstance(a, str)),
        not_headings=frozenset(int(n) for n in not_headings if not isinstance(n, str)),
        slide_title_texts=tuple(n for n in slide_titles if isinstance(n, str)),
        preformatted_texts=tuple((str(a), str(b)) for a, b in preformatted if isinstance(a, str)),
        not_heading_texts=tuple(n for n in not_headings if isinstance(n, str)),
    )
    guesses = [key for key in ("slides", "slide_titles", "preformatted", "not_headings") if raw.get(key)]
    if source_format == "clean" and guesses:
        raise InputError(path, f"'{guesses[0]}' helps read PDF text; clean text says its structure itself", line)
    entry = Entry(meta, hints, line or 0)
    for part in raw.get("parts", []) or []:
        entry.parts.append(_entry(part, path, sources, parent=meta))
    if entry.parts:
        _check_parts_cover(entry, path)
    return entry


def _check_parts_cover(entry: Entry, path: Path) -> None:
    """Parts of a compilation must not overlap: a line belongs to one document."""
    ranges = sorted((compilation_lines(part.meta), part.line) for part in entry.parts)
    for ((_, end), _), ((start, _), line) in itertools.pairwise(ranges):
        if start <= end:
            raise InputError(path, f"part starting at line {start} overlaps the part before it", line)


def compilation_lines(meta: DocumentMeta) -> tuple[int, int]:
    """The lines of its compilation a part stands for (read from there, or replaced by its own file)."""
    return meta.lines or meta.replaces or (0, 0)
