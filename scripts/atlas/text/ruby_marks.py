"""How a word's ruby (its reading set small over it) is held in a line's text, and shown.

Unicode's interlinear annotation characters: U+FFF9 base U+FFFA reading U+FFFB (the PDF reader
writes them, read/ruby.py).  They are format characters, no ink: conservation does not count them.
A writer shows the pair as HTML ruby; plain text and search get the reading in brackets after its
word, as Japanese text without ruby writes it (「俯瞰図（ふかんず）」).
"""

from __future__ import annotations

import re

ANCHOR, SEPARATOR, TERMINATOR = "\ufff9", "\ufffa", "\ufffb"
MARKS = ANCHOR + SEPARATOR + TERMINATOR
# A base and its reading, as the reader writes them into a line's text.
ANNOTATED = re.compile(f"{ANCHOR}([^{MARKS}]*){SEPARATOR}([^{MARKS}]*){TERMINATOR}")


# Plain text's own way to keep a word's ruby (Aozora Bunko's notation, which Japanese e-text uses):
# ｜base《reading》.  Clean text writes it so that ruby reads back, and stays legible in any editor.
MARKED_UP = re.compile(r"｜([^｜《》\n]+)《([^《》\n]+)》")


def marked_up(text: str) -> str:
    """The text with each annotated word written ｜base《reading》 (for clean text)."""
    return ANNOTATED.sub(lambda m: f"｜{m.group(1)}《{m.group(2)}》", text)


def with_readings(text: str, bracket: tuple[str, str] = ("（", "）")) -> str:
    """The text with each annotated word written as base（reading）: for plain text and search."""
    return ANNOTATED.sub(lambda m: f"{m.group(1)}{bracket[0]}{m.group(2)}{bracket[1]}", text)


def without_marks(text: str) -> str:
    """The text with the annotation marks dropped (base and reading run on): what is left of a
    pair cut apart (a link or a note reference inside it)."""
    return text.translate({ord(mark): None for mark in MARKS})


def as_printed(text: str) -> str:
    """The text as its line prints it: each annotated word without its reading (set above it, the
    reading takes no room in the line)."""
    return without_marks(ANNOTATED.sub(lambda m: m.group(1), text)) if ANCHOR in text else text
