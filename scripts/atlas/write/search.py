"""The site's search index, written by the converter; read by ``docs/assets/atlas-search-core.js``.

What search does (both sides): a query is folded (``fold.fold_query``: look-alikes, NFKC,
split on white space, each word folded — width, case, katakana → hiragana, no spaces) into
distinct words.  A section matches a word when the word is a substring of the section's
folded title or folded text; every section that matches every word is a result (none does:
the sections that match some words).  Ranking is BM25 over the words with bonuses for words in
the title and for the whole query as one phrase (``rank`` in the JS core).

The index is split so that opening a page loads none of it, and a query loads only the parts it
needs.  All files live in ``atlas/`` under the site root; the layout below is the one place the
format is written down (``FORMAT`` is its version, checked by the browser).

``search.json`` — the manifest, fetched when the search box is focused::

    {"format": 2,
     "sections": N,                 # sections indexed, ids 0 … N-1 in reading order
     "textLengthSum": int,          # sum of the folded texts' lengths (UTF-16 units): BM25's average
     "storeSize": STORE_SECTIONS,   # sections per store shard
     "chunks": [first key, …],      # posting chunks g/<i>.bin, sorted by their first key
     "end": END,                    # the sentinel that follows each field's last character
     "lookalikes": {char: char},    # fold.LOOKALIKES, applied before NFKC on both sides
     "variants": {word: word},      # folded spelling variant → folded canonical form (variants.py),
                                    # applied after the characters are folded, on both sides
     "synonyms": [[[word, …], [word, …]], …],  # synonym groups (synonyms.py), words as written:
                                    # those the library holds (a query word of the group is also
                                    # looked for as each of them), then those only typed (個人番号)
     "glossary": [{"t": term, "d": explanation, "f": [full form, …], "u": URL of its entry}, …]}  # shown first for a
                                    # query word that is the term or a full form of it

``synonyms`` and ``glossary`` are applied at query time only (the JS core's ``expand``): the index
holds the text as written.

``lengths.bin`` — fetched with the manifest: for each section id in order, two unsigned LEB128
varints: its folded title's length and its folded text's length (UTF-16 code units, as the
browser's ``String.length``).

``g/<i>.bin`` — posting chunks.  A key is two characters (code points) of a folded field: every
character of a folded title or text starts one key, the last one paired with ``END``; keys are
sorted by UTF-16 code units (JavaScript's string order) and cut into chunks of about
``CHUNK_BYTES``.  A chunk is: varint K, then K times (varint byte length of the key's UTF-8,
the key, varint byte length of its postings), then the K postings in the same order.  Postings
of a key: for each section holding it, in id order: varint (id − previous id, the previous
being −1), varint T, T varints of title positions, varint X, X varints of text positions;
positions are UTF-16 offsets in the folded field, each given as the difference from the one
before (the first as is).  A word of two or more characters occurs at p exactly when each of its
keys occurs at p + its offset in the word, so matching, counts and phrases are exact; a
one-character word is the union of the keys that start with it.

``facets.json`` — fetched with the first query: what the results panel's filters need::

    {"issuers": [str, …],
     "documents": [{"id": doc id, "title": str, "issuer": index in issuers, "year": int,
                    "first": section id, "old": 1 (only for an older edition)}, …],
     "themes": [{"id": theme id, "title": str, "sections": [section ids, ascending, each given
                 as the difference from the one before (the first as is)]}, …]}

``documents`` are in section order: section i belongs to the last document whose ``first`` is
at most i.  The edition filter (``?edition=latest``) keeps the documents without ``old``.
An older edition's sections follow those of the newest edition of its work, so that where both
editions say the same (a tie in ranking) the newest is shown first.  A filter URL names
documents and themes by their ids, issuers by name, years as numbers
(``?q=…&doc=…&issuer=…&year=…&theme=…&edition=latest``).

``s/<k>.json`` — the store: sections k·STORE_SECTIONS … as
``{"sections": [{"t": heading, "u": URL from the site root, "x": text, "p": [document title,
ancestor headings…], "c": heading with context, "o": 1}, …]}``, fetched for the results shown only.
``"o": 1`` marks a section of an older edition (a newer one exists: results say 「旧版」).
``p`` is the result's location (document › chapter › section).  ``c`` is there only where the
heading recurs in its document (【対応策】 eleven times): the heading as results show it
("2．データ戦略の系譜 › 【対応策】", or with its opening words when it has no parents: see
context.py); ranking ignores it.  An entry may carry further fields.

All output is deterministic: same documents, same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..enrich.context import HeadingContext
from ..enrich.editions import newest_edition_first, superseded
from ..enrich.routing import GLOSSARY, document_url, url
from ..enrich.synonyms import build_synonyms, glossary_groups
from ..model.document import Block, Document, Section, block_text, section_heading
from ..model.walk import sections_with_ancestors
from ..text.fold import LOOKALIKES, fold, fold_char  # noqa: F401  (fold_char: the JS twin)
from ..text.ruby_marks import with_readings
from ..text.variants import build_table
from .write_themes import glossary_anchor

FORMAT = 3
CHUNK_BYTES = 16_000  # a rare key costs its chunk: small chunks, few wasted bytes per query
STORE_SECTIONS = 4  # a result costs its store shard: a few sections (~6 KB)
END = "\x00"  # follows each field's last character, so a one-character word is found there too


def _text(blocks: list[Block]) -> str:
    """The blocks' text in one line; a word's ruby written after it in brackets (found either way)."""
    return with_readings(" ".join(block_text(block).replace("\n", " ").replace("\t", " ") for block in blocks))


@dataclass(frozen=True)
class Entry:
    """One searchable unit: a section (or a document's preamble) as the index holds it."""

    title: str
    url: str
    text: str
    path: tuple[str, ...]  # document title, then the headings above this section
    document: str = ""  # the document's id (facets.json; not in the store)
    context: str = ""  # a heading that recurs in its document: the heading with its context
    themes: tuple[str, ...] = ()  # the section's theme ids (facets.json; not in the store)
    old_edition: bool = False  # a newer edition of its document exists ("o" in the store)

    def stored(self) -> dict[str, object]:
        entry: dict[str, object] = {"t": self.title, "u": self.url, "x": self.text, "p": list(self.path)}
        if self.context:
            entry["c"] = self.context
        if self.old_edition:
            entry["o"] = 1
        return entry


def entries(documents: list[Document]) -> list[Entry]:
    """Every section of every document with text, in reading order (the ids of the index)."""
    found: list[Entry] = []
    older = superseded(documents)
    for document in newest_edition_first(documents):
        if not document.lines:
            continue  # a compilation's own page: its text is in its parts
        title = document.meta.title
        old = document.meta.id in older
        if document.preamble:
            found.append(Entry(title, document_url(document.meta.id), _text(document.preamble), (title,),
                               document.meta.id, old_edition=old))
        context = HeadingContext(document)
        for section, ancestors in sections_with_ancestors(document.sections):
            path = (title, *(section_heading(a) for a in ancestors))
            found.append(_section_entry(document, section, path, context, old))
    return found


def _section_entry(document: Document, section: Section, path: tuple[str, ...], context: HeadingContext,
                   old_edition: bool) -> Entry:
    # Even a section that has its page to itself is found at its heading (the page's first line).
    where = f"{document_url(document.meta.id, section.page)}#{section.anchor}"
    label = context.label(section) if context.is_repeated(section) else ""
    return Entry(with_readings(section_heading(section)), where, _text(section.blocks), path, document.meta.id, label,
                 tuple(section.themes), old_edition)


def build_index(documents: list[Document], themes: dict[str, str] | None = None,
                glossary: dict[str, str] | None = None) -> dict[str, str | bytes]:
    """Index files as {path under atlas/: text or bytes}, laid out as the module docstring says.

    themes: {theme id: title} of the themes the results panel can filter by; glossary: {term:
    explanation}, a source of synonyms and entries shown first."""
    units = entries(documents)
    texts = [text for entry in units for text in (entry.title, entry.text)]
    table = build_table(texts, fold)
    synonyms = build_synonyms(texts, lambda word: fold(word, table), glossary or {})
    postings = _Postings()
    lengths = bytearray()
    total = 0
    for sid, entry in enumerate(units):
        title, text = fold(entry.title, table), fold(entry.text, table)
        postings.add(sid, title, text)
        _varint(lengths, _utf16_len(title))
        _varint(lengths, _utf16_len(text))
        total += _utf16_len(text)
    files: dict[str, str | bytes] = {}
    firsts: list[str] = []
    for number, (first, chunk) in enumerate(postings.chunks()):
        firsts.append(first)
        files[f"g/{number}.bin"] = chunk
    for start in range(0, len(units), STORE_SECTIONS):
        shard = [entry.stored() for entry in units[start:start + STORE_SECTIONS]]
        files[f"s/{start // STORE_SECTIONS}.json"] = _json({"sections": shard}) + "\n"
    manifest = {"format": FORMAT, "sections": len(units), "textLengthSum": total, "storeSize": STORE_SECTIONS,
                "chunks": firsts, "end": END, "lookalikes": LOOKALIKES,
                "variants": table, "synonyms": synonyms, "glossary": _glossary(glossary or {})}
    facets = _json(_facets(documents, units, themes or {})) + "\n"
    return {"search.json": _json(manifest) + "\n", "lengths.bin": bytes(lengths), "facets.json": facets, **files}


def _glossary(glossary: dict[str, str]) -> list[dict[str, object]]:
    """The glossary's entries with their full forms (the words a reader may type for them)."""
    forms = {group.words[0]: group.words[1:] for group in glossary_groups(glossary)}
    page = url(GLOSSARY)
    return [{"t": term, "d": glossary[term], "f": list(forms.get(term, ())), "u": f"{page}#{glossary_anchor(term)}"}
            for term in sorted(glossary, key=str.lower)]


def _facets(documents: list[Document], units: list[Entry], themes: dict[str, str]) -> dict[str, object]:
    """facets.json: each document with the id of its first section; each theme with its sections."""
    firsts: dict[str, int] = {}
    for sid, unit in enumerate(units):
        firsts.setdefault(unit.document, sid)
    shown = sorted((d for d in documents if d.meta.id in firsts), key=lambda d: firsts[d.meta.id])
    issuers = list(dict.fromkeys(d.meta.body for d in shown))
    older = superseded(documents)
    docs = [{"id": d.meta.id, "title": d.meta.title, "issuer": issuers.index(d.meta.body), "year": d.meta.date.year,
             "first": firsts[d.meta.id], **({"old": 1} if d.meta.id in older else {})} for d in shown]
    tagged: dict[str, list[int]] = {}
    for sid, unit in enumerate(units):
        for theme in unit.themes:
            tagged.setdefault(theme, []).append(sid)
    listed = [{"id": theme, "title": title, "sections": _deltas(tagged[theme])} for theme, title in themes.items()
              if theme in tagged]
    return {"issuers": issuers, "documents": docs, "themes": listed}


def _deltas(ascending: list[int]) -> list[int]:
    """Each number as the difference from the one before: small numbers, few bytes, at any size."""
    return [n - previous for n, previous in zip(ascending, [0, *ascending], strict=False)]


class _Postings:
    """Postings of every key, encoded as they are added (sections come in id order)."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytearray] = {}
        self.last: dict[str, int] = {}

    def add(self, sid: int, title: str, text: str) -> None:
        local: dict[str, tuple[list[int], list[int]]] = {}
        for field, value in enumerate((title, text)):
            for key, offset in _keys(value):
                local.setdefault(key, ([], []))[field].append(offset)
        for key, (in_title, in_text) in local.items():
            blob = self.blobs.get(key)
            if blob is None:
                blob = self.blobs[key] = bytearray()
            _varint(blob, sid - self.last.get(key, -1))
            self.last[key] = sid
            for positions in (in_title, in_text):
                _varint(blob, len(positions))
                previous = 0
                for position in positions:
                    _varint(blob, position - previous)
                    previous = position

    def chunks(self) -> list[tuple[str, bytes]]:
        """(first key, chunk bytes) in key order, each chunk about CHUNK_BYTES."""
        keys = sorted(self.blobs, key=lambda k: k.encode("utf-16-be"))  # JavaScript's string order
        found: list[tuple[str, bytes]] = []
        group: list[str] = []
        size = 0
        for key in keys:
            if group and size + len(self.blobs[key]) > CHUNK_BYTES:
                found.append((group[0], self._chunk(group)))
                group, size = [], 0
            group.append(key)
            size += len(self.blobs[key])
        if group:
            found.append((group[0], self._chunk(group)))
        return found

    def _chunk(self, keys: list[str]) -> bytes:
        out = bytearray()
        _varint(out, len(keys))
        for key in keys:
            raw = key.encode("utf-8")
            _varint(out, len(raw))
            out += raw
            _varint(out, len(self.blobs[key]))
        for key in keys:
            out += self.blobs[key]
        return bytes(out)


def _keys(folded: str) -> list[tuple[str, int]]:
    """Each character with the one after it (END after the last), and its UTF-16 offset."""
    found = []
    offset = 0
    for index, ch in enumerate(folded):
        after = folded[index + 1] if index + 1 < len(folded) else END
        found.append((ch + after, offset))
        offset += 2 if ord(ch) > 0xFFFF else 1
    return found


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _varint(out: bytearray, value: int) -> None:
    """Unsigned LEB128: seven bits a byte, low bits first, the high bit set on all but the last."""
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
