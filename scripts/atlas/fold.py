"""Text folding for matching: the one definition search and theme tagging share.

Width (NFKC), case and katakana/hiragana are folded and white space is dropped, one
character at a time, so that a folded offset maps back to the original text.
"""

from __future__ import annotations

import unicodedata
from functools import cache

_KATAKANA_START, _KATAKANA_END = 0x30A1, 0x30F6  # ァ … ヶ
_TO_HIRAGANA = 0x60


@cache  # a corpus has a few thousand distinct characters and millions of uses
def fold_char(ch: str) -> str:
    """One character as search compares it ("" for white space)."""
    folded = unicodedata.normalize("NFKC", ch).lower()
    out = []
    for c in folded:
        if c.isspace():
            continue
        code = ord(c)
        if _KATAKANA_START <= code <= _KATAKANA_END:
            c = chr(code - _TO_HIRAGANA)
        out.append(c)
    return "".join(out)


def fold(text: str) -> str:
    return "".join(map(fold_char, text))


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Folded text and, for each folded character (and its end), the offset in ``text``."""
    folded: list[str] = []
    positions: list[int] = []
    for offset, ch in enumerate(text):
        piece = fold_char(ch)
        folded.append(piece)
        positions.extend([offset] * len(piece))
    positions.append(len(text))
    return "".join(folded), positions
