"""Ruby (ふりがな): the reading set small over a word, kept with the word it reads.

Japanese typesetting (JIS X 4051) sets ruby at about half the base text's size, directly above
the characters it reads, centred on them; it is kana.  A PDF holds it as a line of its own, a few
points above its base line: read as text, 「ふかんず」 stood between two lines of a sentence (「…第」
「ふかんず」「1-1-1図の俯瞰図のように…」).  Here it goes with its base, in Unicode's own form for an
interlinear annotation: U+FFF9 base U+FFFA reading U+FFFB.  The three marks are format
characters, no ink (conservation does not count them); the writers show the pair as HTML ruby,
or the reading in brackets after its word where markup cannot go.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# Ruby is set at about half its base's size: this share of it at most.
RUBY_SIZE = 0.65
# A reading: kana (and the long-vowel mark), nothing else.
READING = re.compile(r"[\u3041-\u309f\u30a1-\u30faー]+")
# A word's base: kanji (and 々, 〆, ヶ that kanji words hold).
BASE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]")

Char = dict[str, Any]


def is_reading(chars: Sequence[Char], line_size: float) -> bool:
    """Whether the characters could be ruby over a line set at ``line_size``: kana, small."""
    text = "".join(c["text"] for c in chars if c["text"].strip())
    return bool(text) and READING.fullmatch(text) is not None \
        and all(c["size"] <= RUBY_SIZE * line_size for c in chars if c["text"].strip())


def stands_over(ruby: tuple[float, float, float], line: tuple[float, float, float]) -> bool:
    """Whether a ruby run (top, bottom, size) stands directly over a line (top, bottom, size): its
    middle above the line's top (glyph boxes overlap by a point or two), a fraction of a line apart."""
    top, bottom, _ = ruby
    line_top, _, size = line
    middle = (top + bottom) / 2
    return line_top - 0.6 * size <= middle <= line_top + 0.25 * size


def groups(chars: Sequence[Char], base_size: float) -> list[list[Char]]:
    """The ruby run cut into the readings of separate words: where the gap between two ruby
    characters is wider than a base character, a new word's reading starts."""
    ordered = sorted((c for c in chars if c["text"].strip()), key=lambda c: c["x0"])
    parts: list[list[Char]] = []
    for char in ordered:
        if parts and char["x0"] - parts[-1][-1]["x1"] > base_size:
            parts.append([])
        if not parts:
            parts.append([])
        parts[-1].append(char)
    return parts


def base_of(reading: Sequence[Char], line: Sequence[Char]) -> list[int]:
    """Indices (in ``line``, ordered by x) of the kanji a reading stands over: the characters it
    covers a quarter of or more, less the kana at either end (a reading longer than its word
    overhangs the kana beside it; a shorter one is centred on the word).  Empty when what is left
    is not one run of kanji."""
    x0, x1 = min(c["x0"] for c in reading), max(c["x1"] for c in reading)
    under = [i for i, c in enumerate(line) if c["text"].strip()
             and min(c["x1"], x1) - max(c["x0"], x0) > 0.25 * (c["x1"] - c["x0"])]
    while under and not BASE.fullmatch(line[under[0]]["text"]):
        under.pop(0)
    while under and not BASE.fullmatch(line[under[-1]]["text"]):
        under.pop()
    if not under or under != list(range(under[0], under[-1] + 1)):
        return []
    if not all(BASE.fullmatch(line[i]["text"]) for i in under):
        return []
    return under


def annotate(line: Sequence[Char], under: Sequence[int], reading: Sequence[Char]) -> list[Char]:
    """The line's characters (ordered by x) with the reading attached to its base: the first base
    character opens the annotation, the last carries the reading (copies: the page's own
    characters are left as they are)."""
    text = "".join(c["text"] for c in sorted(reading, key=lambda c: c["x0"]) if c["text"].strip())
    annotated = list(line)
    annotated[under[0]] = {**annotated[under[0]], "ruby_open": True}
    annotated[under[-1]] = {**annotated[under[-1]], "ruby": text}
    return annotated
