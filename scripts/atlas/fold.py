"""Text folding for matching: the one definition search and theme tagging share.

Width (NFKC), case and katakana/hiragana are folded and white space is dropped, one
character at a time, so that a folded offset maps back to the original text.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from .normalize import KANGXI_JAPANESE_FORMS, RADICALS_SUPPLEMENT

# Radical look-alikes a reader may paste from a PDF (⺠, ⼾): folded to the kanji the
# converter writes. NFKC alone misses the supplement block and gives 戶 for ⼾.
LOOKALIKES = {**RADICALS_SUPPLEMENT, **KANGXI_JAPANESE_FORMS}

_KATAKANA_START, _KATAKANA_END = 0x30A1, 0x30F6  # ァ … ヶ
_TO_HIRAGANA = 0x60


@cache  # a corpus has a few thousand distinct characters and millions of uses
def fold_char(ch: str) -> str:
    """One character as search compares it ("" for white space)."""
    folded = unicodedata.normalize("NFKC", LOOKALIKES.get(ch, ch)).lower()
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


def fold_query(query: str) -> list[str]:
    """A query as search uses it: look-alikes mapped, composed (ﾎﾟ → ポ), split on spaces, folded,
    each word once (a repeated word adds nothing to AND and must not count twice in ranking).

    The browser's queryWords in docs/assets/atlas-search-core.js does the same.
    """
    mapped = "".join(LOOKALIKES.get(ch, ch) for ch in query)
    words = (fold(part) for part in unicodedata.normalize("NFKC", mapped).split())
    return list(dict.fromkeys(w for w in words if w))
