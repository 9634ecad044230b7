"""The catalog (``sources/catalog.yml``): which documents there are, and about them.

Every entry is checked before any conversion starts: first against the model (schema.Catalog:
keys, types, allowed values), then against the files it names (the source exists, line numbers
fall inside it, parts and tables do not overlap, hint texts are found, published ids stay). A
problem stops the run with one line naming the catalog file, the line, the key and what is wrong.
"""

from __future__ import annotations

import difflib
import itertools
from dataclasses import dataclass, field
from pathlib import Path

from ..model.document import DocumentMeta, Line
from ..model.errors import InputError, suggestion
from ..text.clean import classify
from ..text.encoding import read_lines
from .added import first_commit_day
from .hints import Hints, resolve_text_hints
from .locks import load_lock
from .schema import Catalog, Document, Part
from .validation import key_error, validate
from .yamlfile import Located, Location, load_located

HINT_KEYS = ("slides", "slide_titles", "preformatted", "not_headings")


@dataclass
class Entry:
    meta: DocumentMeta
    hints: Hints
    line: int
    parts: list[Entry] = field(default_factory=list)


def load_catalog(sources: Path) -> list[Entry]:
    path = sources / "catalog.yml"
    if not path.is_file():
        raise InputError(path, "catalog not found")
    located = load_located(path)
    checker = _Checker(located, sources)
    entries = [checker.entry(document, ("documents", index), None)
               for index, document in enumerate(validate(located, Catalog, "id").documents)]
    checker.published_ids(sources / "anchors.lock")
    checker.editions(entries)
    return entries


def compilation_lines(meta: DocumentMeta) -> tuple[int, int]:
    """The lines of its compilation a part stands for (read from there, or replaced by its own file)."""
    return meta.lines or meta.replaces or (0, 0)


def default_format(source: str) -> str:
    return "pdf" if source.lower().endswith(".pdf") else "pdf-text"


class _Checker:
    """The checks that need the files the catalog names, each naming the key it is about."""

    def __init__(self, located: Located, sources: Path) -> None:
        self.located = located
        self.sources = sources
        self.ids: dict[str, Location] = {}  # every id, first place given
        self.compilations: set[str] = set()  # ids that only gather parts: they have no text of their own
        self._lines: dict[str, list[str]] = {}

    def fail(self, where: Location, problem: str) -> InputError:
        return key_error(self.located, where, problem, "id")

    def entry(self, raw: Document | Part, where: Location, parent: DocumentMeta | None) -> Entry:
        source = raw.source or (parent.source if parent else "")
        if not (self.sources / source).is_file():
            raise self.fail((*where, "source"), f"unknown file '{source}' (not in {self.sources})")
        source_format = raw.format or default_format(source)
        parts = raw.parts if isinstance(raw, Document) else []
        if source_format == "pdf" and (raw.lines or parts):
            raise self.fail((*where, "lines" if raw.lines else "parts"),
                            "a PDF source cannot be divided into parts by line numbers yet: give each part its own PDF")
        given_hints = [key for key in HINT_KEYS if getattr(raw, key)]
        if source_format == "clean" and given_hints:
            raise self.fail((*where, given_hints[0]), "helps read PDF text; clean text says its structure itself")
        lines, replaces = raw.lines, None
        if parent is not None and source != parent.source:
            # A part corrected by hand: its own file, standing for the compilation's lines.
            if lines is None:
                raise self.fail((*where, "source"), f"a part with its own source must give 'lines', the lines of "
                                                     f"{parent.source} it stands for")
            lines, replaces = None, lines
        meta = DocumentMeta(
            id=raw.id, title=raw.title, body=raw.body, date=raw.date.day, kind=raw.kind, source=source,
            summary=raw.summary, lines=lines, parent=parent.id if parent else None, title_en=raw.title_en,
            date_note=raw.date_note, format=source_format, replaces=replaces,
            date_precision=raw.date.precision, url=raw.url or "", edition=raw.edition,
            edition_of=raw.edition_of or "",
            added=raw.added or (parent.added if parent else None) or first_commit_day(self.sources / source),
        )
        if self.ids.setdefault(raw.id, where) != where:
            first = self.located.line_of(self.ids[raw.id] + ("id",))
            raise self.fail((*where, "id"), f"duplicate id '{raw.id}' (first used at line {first})")
        entry = Entry(meta, _hints(raw), self.located.line_of(where) or 0)
        self._check_lines(entry, raw, where, parent)
        entry.parts = [self.entry(part, (*where, "parts", index), meta) for index, part in enumerate(parts)]
        if entry.parts:
            self.compilations.add(raw.id)
            self._check_parts(entry, where)
        return entry

    # -- line numbers ---------------------------------------------------------

    def file_lines(self, source: str) -> list[str]:
        if source not in self._lines:
            self._lines[source] = read_lines(self.sources / source)
        return self._lines[source]

    def _check_lines(self, entry: Entry, raw: Document | Part, where: Location, parent: DocumentMeta | None) -> None:
        """Line numbers name lines of the file (a PDF's lines are known only once it is read)."""
        meta = entry.meta
        if meta.replaces and parent is not None:
            self._inside((*where, "lines"), meta.replaces, (1, len(self.file_lines(parent.source))), parent.source)
        if meta.format == "pdf" or meta.replaces:
            return
        if not meta.lines and not any(getattr(raw, key) for key in HINT_KEYS[1:]):
            return  # nothing here names a line: a file that cannot be read refuses its document only
        span = (1, len(self.file_lines(meta.source)))
        if meta.lines:
            self._inside((*where, "lines"), meta.lines, span, meta.source)
            span = meta.lines
        if any(getattr(raw, key) for key in HINT_KEYS[1:]):
            self._check_hints(raw, where, meta.source, span)

    def _check_hints(self, raw: Document | Part, where: Location, source: str, span: tuple[int, int]) -> None:
        """Each hint names a line of this document (by number, or by a text some line reads); no two
        preformatted tables share a line."""
        lines = classify(self.file_lines(source)[span[0] - 1: span[1]], span[0])
        for key in ("slide_titles", "not_headings"):
            for index, ref in enumerate(getattr(raw, key)):
                number = ref if isinstance(ref, int) else self._find(lines, (*where, key, index), (ref,))[0]
                self._inside((*where, key, index), (number, number), span, source)
        tables = []
        for index, pair in enumerate(raw.preformatted):
            first, last = pair if isinstance(pair[0], int) else self._find(lines, (*where, "preformatted", index), pair)
            self._inside((*where, "preformatted", index), (first, last), span, source)
            tables.append((first, last, index))
        for before, (start, end, index) in itertools.pairwise(sorted(tables)):
            if start <= before[1]:
                raise self.fail((*where, "preformatted", index), f"the table at {_named((start, end))} "
                                                                 f"overlaps the one at {_named(before[:2])}")

    def _find(self, lines: list[Line], where: Location, texts: tuple[str, ...]) -> tuple[int, int]:
        """The line numbers of a hint given by text (one text, or a table's first and last)."""
        hint = Hints(preformatted_texts=(texts,)) if len(texts) == 2 else Hints(not_heading_texts=texts)
        resolved, missing = resolve_text_hints(lines, hint)
        if missing:
            raise self.fail(where, f"no line reads {missing[0]!r}")
        if len(texts) == 2:
            return resolved.preformatted[0]
        number = min(resolved.not_headings)
        return number, number

    def _inside(self, where: Location, lines: tuple[int, int], span: tuple[int, int], source: str) -> None:
        if not span[0] <= lines[0] <= lines[1] <= span[1]:
            within = f"has {span[1]} lines" if span[0] == 1 else f"this document is lines {span[0]}–{span[1]}"
            verb = "are" if lines[0] != lines[1] else "is"
            raise self.fail(where, f"{_named(lines)} {verb} outside {source} ({within})")

    def _check_parts(self, entry: Entry, where: Location) -> None:
        """Every line of a compilation belongs to exactly one of its parts."""
        ranges = sorted((compilation_lines(part.meta), index) for index, part in enumerate(entry.parts))
        expected = 1
        for (first, last), index in ranges:
            if first < expected:
                raise self.fail((*where, "parts", index, "lines"),
                                f"part starting at line {first} overlaps the part before it")
            if first > expected:
                raise self.fail((*where, "parts", index, "lines"),
                                f"lines {expected}–{first - 1} of {entry.meta.source} belong to no part")
            expected = last + 1
        total = len(self.file_lines(entry.meta.source))
        if expected != total + 1:
            raise self.fail((*where, "parts"), f"parts of '{entry.meta.id}' end at line {expected - 1}, "
                                                f"but {entry.meta.source} has {total} lines")

    # -- ids ------------------------------------------------------------------

    def editions(self, entries: list[Entry]) -> None:
        """``edition_of`` names a document with text, each edition has at most one next edition, and
        following the names back never comes round again (a cycle has no first edition)."""
        metas = {item.meta.id: item.meta for entry in entries for item in [entry, *entry.parts]}
        later: dict[str, str] = {}  # earlier id → the id naming it
        for meta in metas.values():
            earlier = meta.edition_of
            if not earlier:
                continue
            where = (*self.ids[meta.id], "edition_of")
            if earlier not in metas:
                others = [doc_id for doc_id in metas if doc_id != meta.id]
                raise self.fail(where, f"unknown document '{earlier}'{suggestion(earlier, others)}")
            if earlier in self.compilations or meta.id in self.compilations:
                compilation = earlier if earlier in self.compilations else meta.id
                raise self.fail(where, f"'{compilation}' is a compilation, which has no text of its own to compare: "
                                       "name one of its parts")
            if earlier in later:
                first = self.located.line_of((*self.ids[later[earlier]], "edition_of"))
                raise self.fail(where, f"'{earlier}' already has a next edition, '{later[earlier]}' (line {first}): "
                                       "name the latest edition instead")
            later[earlier] = meta.id
        for start in sorted(later):
            chain, current = [start], metas[start].edition_of
            while current:
                if current in chain:
                    cycle = " → ".join([*chain[chain.index(current):], current])
                    raise self.fail((*self.ids[current], "edition_of"),
                                    f"editions go round in a cycle ({cycle}): the first edition names none")
                chain.append(current)
                current = metas[current].edition_of

    def published_ids(self, lock_path: Path) -> None:
        """An id is a published URL: renaming or dropping a document in the lock breaks links to it."""
        published = set(load_lock(lock_path))
        gone = sorted(published - set(self.ids))
        if not gone:
            return
        new = [doc_id for doc_id in self.ids if doc_id not in published and doc_id not in self.compilations]
        renamed = difflib.get_close_matches(gone[0], new, n=1, cutoff=0) if new else []
        if renamed:
            raise self.fail(self.ids[renamed[0]] + ("id",),
                            f"'{renamed[0]}' would change the published URL /documents/{gone[0]}/ "
                            f"({lock_path.name} lists it): keep the id '{gone[0]}'")
        raise self.fail(("documents",), f"published document '{gone[0]}' ({lock_path.name}) is missing: its URL "
                                        f"/documents/{gone[0]}/ would break (restore its entry, or remove it from "
                                        f"{lock_path.name} to retire it on purpose)")


def _named(lines: tuple[int, int]) -> str:
    return f"lines {lines[0]}–{lines[1]}" if lines[0] != lines[1] else f"line {lines[0]}"


def _hints(raw: Document | Part) -> Hints:
    """A hint names its line by number (breaks when the source changes above it) or by its text."""
    return Hints(
        slides=raw.slides,
        slide_titles=frozenset(n for n in raw.slide_titles if isinstance(n, int)),
        preformatted=tuple(pair for pair in raw.preformatted if isinstance(pair[0], int)),
        not_headings=frozenset(n for n in raw.not_headings if isinstance(n, int)),
        slide_title_texts=tuple(n for n in raw.slide_titles if isinstance(n, str)),
        preformatted_texts=tuple(pair for pair in raw.preformatted if isinstance(pair[0], str)),
        not_heading_texts=tuple(n for n in raw.not_headings if isinstance(n, str)),
    )
