"""Text folding for matching: the one definition search and theme tagging share.

Width (NFKC), case and katakana/hiragana are folded and white space and the katakana middle
dot (スイッチング・コスト) are dropped, one character at a time, so that a folded offset maps back
to the original text.  Search then also folds spelling variants (取組 → 取り組み) with a table
(variants.py) given to fold_with_map, fold and fold_query: whole words, after the characters.
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
# The katakana middle dot joins or separates loan words at the writer's whim (スイッチング・コスト,
# スイッチングコスト); NFKC gives it for the half-width ･ too.
DROPPED = "\u30fb"


@cache  # a corpus has a few thousand distinct characters and millions of uses
def fold_char(ch: str) -> str:
    """One character as search compares it ("" for white space)."""
    folded = unicodedata.normalize("NFKC", LOOKALIKES.get(ch, ch)).lower()
    out = []
    for c in folded:
        if c.isspace() or c in DROPPED:
            continue
        code = ord(c)
        if _KATAKANA_START <= code <= _KATAKANA_END:
            c = chr(code - _TO_HIRAGANA)
        out.append(c)
    return "".join(out)


Table = dict[str, str]  # folded variant → folded canonical form (variants.py)


def fold(text: str, table: Table | None = None) -> str:
    if table:
        return fold_with_map(text, table)[0]
    return "".join(map(fold_char, text))


def fold_with_map(text: str, table: Table | None = None) -> tuple[str, list[int]]:
    """Folded text and, for each folded character (and its end), the offset in ``text``."""
    folded: list[str] = []
    positions: list[int] = []
    for offset, ch in enumerate(text):
        piece = fold_char(ch)
        folded.append(piece)
        positions.extend([offset] * len(piece))
    positions.append(len(text))
    joined = "".join(folded)
    return _variants_folded(joined, positions, table) if table else (joined, positions)


# A table's first characters and longest key, per table: search folds every section with the same
# table, and reading them off a table of thousands of variants each time cost more than the folding.
# The table itself is kept with its shape so that its id cannot be reused by another table.
_SHAPES: dict[int, tuple[Table, int, frozenset[str], int]] = {}


def _shape(table: Table) -> tuple[frozenset[str], int]:
    kept = _SHAPES.get(id(table))
    if kept is None or kept[0] is not table or kept[1] != len(table):  # a new or a changed table
        if len(_SHAPES) > 8:
            _SHAPES.clear()
        firsts = frozenset(key[0] for key in table)
        kept = _SHAPES[id(table)] = (table, len(table), firsts, max(map(len, table)))
    return kept[2], kept[3]


def _variants_folded(folded: str, positions: list[int], table: Table) -> tuple[str, list[int]]:
    """Each variant (the longest that starts here, scanning from the left) replaced by its canonical
    form; every character of a canonical form maps to where its variant began in the text.  Where
    the canonical form itself is written (a variant can be its beginning: 子育 of 子育て), it is kept
    whole and maps character by character."""
    firsts, longest = _shape(table)
    out: list[str] = []
    mapped: list[int] = []
    i, n = 0, len(folded)
    while i < n:
        found = None
        if folded[i] in firsts:
            for size in range(min(longest, n - i), 1, -1):
                found = table.get(folded[i:i + size])
                if found is not None:
                    break
        if found is None:
            out.append(folded[i])
            mapped.append(positions[i])
            i += 1
            continue
        if folded.startswith(found, i):
            size = len(found)  # the canonical form as written (子育 → 子育て, and 子育て stays 子育て)
            mapped.extend(positions[i:i + size])
        else:
            mapped.extend([positions[i]] * len(found))
        out.append(found)
        i += size
    mapped.append(positions[n])
    return "".join(out), mapped


def fold_query(query: str, table: Table | None = None) -> list[str]:
    """A query as search uses it: look-alikes mapped, composed (ﾎﾟ → ポ), split on spaces, folded,
    each word once (a repeated word adds nothing to AND and must not count twice in ranking).

    The browser's queryWords in docs/assets/atlas-search-core.js does the same.
    """
    mapped = "".join(LOOKALIKES.get(ch, ch) for ch in query)
    words = (fold(part, table) for part in unicodedata.normalize("NFKC", mapped).split())
    return list(dict.fromkeys(w for w in words if w))
