"""What a release published: every id a document page gave out, with the words it named.

Read from the generated Markdown (docs/documents/<doc>/<page>.md), today's or an old commit's,
so that the link lock (links.py) can be built from what readers actually received. An id is a
heading's ``{#id}``, a block's ``{: #id }`` (paragraphs, list items), a raw block's ``id="…"``
(tables, preformatted text) or a footnote (``[^1]: …`` → ``fn:1``). Its words are kept as a
fingerprint (``fingerprint``): the first characters of its folded text and a hash of all of it.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass

HEAD_CHARS = 32  # enough to tell paragraphs apart, short enough to survive a split

_HEADING = re.compile(r"^#{1,6} (.*?) \{#([^\s}]+)[^}]*\}\s*$")
_ATTRS = re.compile(r"^\{:([^}]*)\}\s*$")
_ATTR_ID = re.compile(r"(?:^|\s)#([^\s}]+)")
_RAW_ID = re.compile(r'^<(pre|table)\b[^>]*\bid="([^"]+)"')
_NOTE = re.compile(r"^\[\^([^\]]+)\]: (.*)$")
_NOTE_REF = re.compile(r"\[\^[^\]]+\]")
_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\([^)]*\)(?:\{:[^}]*\})?")
_TAG = re.compile(r"<[^>]+>")
_ESCAPE = re.compile(r"\\(.)")
_LIST_BULLET = re.compile(r"^- ")


@dataclass(frozen=True)
class Published:
    """One id as a page gave it out: the page's name in its document ("" for the index)."""

    document: str
    page: str
    ident: str
    text: str


def fold(text: str) -> str:
    """Text as compared across conversions: width-folded, lower case, without any spaces
    (a join fixed or letter-spacing rejoined changes only spaces)."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def fingerprint(text: str) -> tuple[str, str]:
    """(head, hash) of a block's words: the head finds it again when it changed, the hash
    tells that it did not."""
    folded = fold(text)
    return folded[:HEAD_CHARS], hashlib.sha1(folded.encode("utf-8")).hexdigest()[:10]


def page_of_path(path: str) -> tuple[str, str] | None:
    """("doc", "page") for a document page's path under docs/ ("documents/x/3.md"), else None."""
    parts = path.split("/")
    if len(parts) != 3 or parts[0] != "documents" or not parts[2].endswith(".md"):
        return None
    stem = parts[2][: -len(".md")]
    return parts[1], "" if stem == "index" else stem


def plain(markdown: str) -> str:
    """The words a line of generated Markdown shows: no links, tags, note markers or escapes."""
    text = _NOTE_REF.sub("", markdown)
    text = _LINK.sub(lambda m: m[1], text)
    text = _TAG.sub("", text)
    text = _ESCAPE.sub(lambda m: m[1], text)
    return html.unescape(text)


def published_ids(document: str, page: str, markdown: str) -> list[Published]:
    """Every id one generated page gives out, in page order, with its words."""
    found: list[Published] = []
    lines = markdown.splitlines()
    block: list[str] = []  # the lines of the block an attribute line closes
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.strip():
            block = []
            continue
        heading = _HEADING.match(line)
        attrs = _ATTRS.match(line)
        raw = _RAW_ID.match(line)
        note = _NOTE.match(line)
        if heading:
            found.append(Published(document, page, heading[2], plain(heading[1])))
            block = []
        elif attrs:
            ident = _ATTR_ID.search(attrs[1])
            if ident and block:
                text = _LIST_BULLET.sub("", " ".join(block))
                found.append(Published(document, page, ident[1], plain(text)))
            block = []
        elif raw:
            closing = f"</{raw[1]}>"
            body = [line]
            while closing not in body[-1] and index < len(lines):
                body.append(lines[index])
                index += 1
            found.append(Published(document, page, raw[2], plain(" ".join(body))))
            block = []
        elif note:
            found.append(Published(document, page, f"fn:{note[1]}", plain(note[2])))
            block = []
        elif _LIST_BULLET.match(line):
            block = [line]  # a list item begins: its attributes follow on the next line
        else:
            block.append(line)
    return found
