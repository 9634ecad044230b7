"""The site's search index: one entry per section, written by the converter.

The browser (``docs/assets/atlas-search.js``) finds every section whose text
contains what the reader typed.  Both sides fold text the same way, one
character at a time, so that width, case, katakana/hiragana and spacing
variants meet: ＡＩ = AI, 防災 DX = 防災DX, ボットネット = ぼっとねっと.  The
folded text is computed here, once, so the browser does not fold the whole
corpus on every page load; the JavaScript ``fold`` must stay the same as
``fold.fold_char`` (a browser test compares them).

An entry (one section) is ``{"d": document index, "t": heading, "u": URL, "x": text,
"n": folded text, "tn": folded heading}``, and ``"c"`` only where the heading recurs in its
document (【対応策】 eleven times): the heading with its context, as results show it
("2．データ戦略の系譜 › 【対応策】", or with its opening words when it has no parents: see
context.py). Ranking ignores ``c``; it is for display, and absent from most entries.
"""

from __future__ import annotations

import json

from .context import HeadingContext
from .fold import LOOKALIKES, fold, fold_char, fold_with_map  # noqa: F401  (fold_char: the JS twin)
from .layout import has_own_page
from .model import Block, Document, Section, block_text
from .write import section_heading, section_url


def page_url(md_path: str) -> str:
    """Site URL (relative to the site root) of a Markdown page, with use_directory_urls."""
    path, _, anchor = md_path.partition("#")
    if path.endswith("index.md"):
        path = path[: -len("index.md")]
    elif path.endswith(".md"):
        path = path[: -len(".md")] + "/"
    return path + (f"#{anchor}" if anchor else "")


def _text(blocks: list[Block]) -> str:
    return " ".join(block_text(block).replace("\n", " ").replace("\t", " ") for block in blocks)


def _entry(doc_index: int, title: str, url: str, text: str) -> dict[str, object]:
    return {"d": doc_index, "t": title, "u": url, "x": text, "n": fold(text), "tn": fold(title)}


# Sections are written in chunks of about this many bytes, so that a large corpus shows its
# first results while the rest of the index is still arriving.
CHUNK_BYTES = 1_500_000


def build_index(documents: list[Document]) -> dict[str, str]:
    """Index files as {file name: compact deterministic JSON}: a manifest and its chunks."""
    docs: list[dict[str, str]] = []
    entries: list[dict[str, object]] = []
    for document in documents:
        if not document.lines:
            continue  # a compilation's own page: its text is in its parts
        doc_index = len(docs)
        home = f"documents/{document.meta.id}/"
        docs.append({"t": document.meta.title, "u": home})
        if document.preamble:
            entries.append(_entry(doc_index, document.meta.title, home, _text(document.preamble)))
        context = HeadingContext(document)
        for section in document.all_sections():
            entries.append(_section_entry(document, section, doc_index, context))
    chunks: list[list[str]] = [[]]
    size = 0
    for entry in entries:
        encoded = _json(entry)
        if size and size + len(encoded) > CHUNK_BYTES:
            chunks.append([])
            size = 0
        chunks[-1].append(encoded)
        size += len(encoded.encode("utf-8"))
    files = {f"search-{n}.json": '{"sections":[' + ",".join(chunk) + "]}\n" for n, chunk in enumerate(chunks)}
    # The browser folds queries with the same look-alike table (see fold.LOOKALIKES).
    manifest = {"docs": docs, "chunks": list(files), "sections": len(entries), "lookalikes": LOOKALIKES}
    return {"search.json": _json(manifest) + "\n", **files}


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _section_entry(document: Document, section: Section, doc_index: int,
                   context: HeadingContext) -> dict[str, object]:
    url = page_url(section_url(document, section, ""))
    if has_own_page(section):
        url = f"{url}#{section.anchor}"
    entry = _entry(doc_index, section_heading(section), url, _text(section.blocks))
    if context.is_repeated(section):
        entry["c"] = context.label(section)
    return entry
