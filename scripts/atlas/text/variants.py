"""Spelling variants that meet: 取組/取り組み, 子ども/こども/子供, 申込み/申し込み, 引上げ/引き上げ.

A variant table maps a folded surface form to the folded canonical form of its group.  Index
and query are folded with it alike (``fold.fold_with_map(text, table)``; the browser's twin is
``folder(lookalikes, variants)`` in docs/assets/atlas-search-core.js), so either spelling finds
the other, inside longer words too (取組み状況 and 取り組み状況 fold to the same text).

The table is made at build time, never in the browser:
- from SudachiDict's normalised forms (SudachiPy, ``sudachidict_core``): every word of the
  corpus whose normalised form is spelt otherwise but read the same, and, for every canonical
  form the corpus holds, its shorter okurigana spellings the dictionary knows (so a query typed
  取組 finds a corpus that only writes 取り組み);
- plus the curated list ``variants.yml`` beside this module (each group with its reason).
It ships in the search manifest (``variants``), a few kilobytes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import yaml

from ..model.errors import InputError

CURATED = Path(__file__).with_name("variants.yml")
_KANJI = re.compile(r"[\u3005\u4e00-\u9fff]")
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
_JAPANESE_WORD = re.compile(r"[\u3005\u3041-\u309f\u30a1-\u30fa\u30fc\u4e00-\u9fff]+")
_POS = {"名詞", "動詞", "形容詞"}  # content words: okurigana and kana/kanji spellings vary there
_PIECE = 4_000  # Sudachi refuses inputs over about 49 KB: tokenize in pieces cut after 。 (≤ 12 KB of UTF-8)


def curated_groups(path: Path = CURATED) -> list[tuple[str, list[str]]]:
    """(canonical, variants) of each curated group; every group must say why it is there."""
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise InputError(path, str(error).splitlines()[0]) from error
    groups = []
    for number, item in enumerate(data.get("groups", []) if isinstance(data, dict) else [], start=1):
        if not (isinstance(item, dict) and item.get("canonical") and isinstance(item.get("variants"), list)
                and item["variants"] and item.get("reason")):
            raise InputError(path, f"group {number} needs canonical, variants and reason")
        groups.append((str(item["canonical"]), [str(v) for v in item["variants"]]))
    return groups


def build_table(texts: Iterable[str], fold, curated: list[tuple[str, list[str]]] | None = None) -> dict[str, str]:
    """{folded surface: folded canonical} for the variant words in texts, plus the curated groups.

    ``fold`` is fold.fold (passed in: fold imports nothing from here)."""
    pairs: dict[str, str] = {}
    tokenizer, mode = _tokenizer()
    canonicals: set[str] = set()
    katakana: set[str] = set()
    for text in texts:
        katakana.update(fold(run) for run in _KATAKANA_RUN.findall(text))
        for piece in _pieces(text):
            for m in tokenizer.tokenize(piece, mode):
                canonical = _canonical(m)
                if canonical is None:
                    continue
                canonicals.add(canonical)
                if canonical != m.surface() and _same_word(m, canonical):
                    pairs[m.surface()] = canonical
    for canonical in sorted(canonicals):
        word = _one_word(canonical)
        noun = word is not None and word.part_of_speech()[0] == "名詞"
        for shorter in _okurigana_dropped(canonical, noun):
            m = _one_word(shorter)
            if m is not None and _canonical(m) == canonical and _same_word(m, canonical):
                pairs.setdefault(shorter, canonical)
    # Katakana folds to hiragana: a kana variant must not sit inside a loan word (せんし in センシング).
    loan_words = "\n".join(sorted(katakana))
    pairs = {k: v for k, v in pairs.items() if _KANJI.search(k) or fold(k) not in loan_words}
    for canonical, variants in curated if curated is not None else curated_groups():
        for variant in variants:
            pairs[variant] = canonical
    table = {}
    for surface, canonical in sorted(pairs.items()):
        key, value = fold(surface), fold(canonical)
        if key != value and len(key) >= 2 and all(ord(c) <= 0xFFFF for c in key + value):
            table[key] = value
    return _settled(table)


def _settled(table: dict[str, str]) -> dict[str, str]:
    """A canonical form that is itself a key points at that key's canonical (one hop, always)."""
    return {key: table.get(value, value) for key, value in table.items() if table.get(value, value) != key}


@cache
def _tokenizer():
    try:
        from sudachipy import Dictionary, SplitMode
    except ImportError as error:  # pragma: no cover - requirements.txt pins it
        raise InputError("requirements.txt", f"sudachipy is not installed: {error}") from error
    return Dictionary(dict="core").tokenizer(), SplitMode.C


def _pieces(text: str) -> list[str]:
    """The text in pieces of at most _PIECE characters, cut after 。 where a sentence allows."""
    pieces, current = [], ""
    for sentence in re.split(r"(?<=。)", text):
        for start in range(0, len(sentence), _PIECE):  # a sentence that long (a table) is cut anywhere
            part = sentence[start:start + _PIECE]
            if len(current) + len(part) > _PIECE and current:
                pieces.append(current)
                current = ""
            current += part
    return [*pieces, current] if current else pieces


def _canonical(m) -> str | None:
    """The canonical spelling of a content word as written here, or None for other words."""
    surface = m.surface()
    if m.part_of_speech()[0] not in _POS or not _JAPANESE_WORD.fullmatch(surface) or len(surface) < 2:
        return None
    normalized, dictionary = m.normalized_form(), m.dictionary_form()
    if not _JAPANESE_WORD.fullmatch(normalized):
        return None
    if surface == dictionary:
        return normalized
    # An inflected form (申込ん): the normalised stem with this form's own ending (申し込ん).
    stem = len(_common_prefix(surface, dictionary))
    cut = len(dictionary) - stem
    if not stem or cut >= len(normalized) or normalized[len(normalized) - cut:] != dictionary[stem:]:
        return None
    return normalized[: len(normalized) - cut] + surface[stem:]


def _same_word(m, canonical: str) -> bool:
    """A spelling variant, not another word: read the same (使える is not 使う); a verb or adjective
    spelt with other kanji is another word (挙げ/上げ, 応える/答える); a kana noun only when three
    characters or more with a canonical form of two or more (ところ → 所 would meet 研究所)."""
    surface = m.surface()
    if _reading(canonical) != m.reading_form():
        return False
    if m.part_of_speech()[0] != "名詞" and _HIRAGANA.sub("", surface) != _HIRAGANA.sub("", canonical):
        return False
    if not _KANJI.search(surface):
        return m.part_of_speech()[0] == "名詞" and len(surface) >= 3 and len(canonical) >= 2 \
            and bool(_KANJI.search(canonical))
    return True


def _reading(text: str) -> str:
    tokenizer, mode = _tokenizer()
    return "".join(m.reading_form() for m in tokenizer.tokenize(text, mode))


def _okurigana_dropped(canonical: str, noun: bool) -> list[str]:
    """Spellings with some okurigana left out (取り組み → 取組み, 取組): hiragana after a kanji.  Only a
    noun may lose its last character: a verb's ending stays (取組む, never 取組, which 取組ん holds),
    and a verb or adjective keeps three characters (大い is 大いに, not 大きい)."""
    last = len(canonical) if noun else len(canonical) - 1
    places = [i for i in range(1, last) if _HIRAGANA.match(canonical[i]) and _KANJI.match(canonical[i - 1])]
    if not places or len(places) > 3:
        return []
    found = []
    for size in range(1, len(places) + 1):
        for drop in itertools.combinations(places, size):
            found.append("".join(c for i, c in enumerate(canonical) if i not in drop))
    return [f for f in found if noun or len(f) >= 3]


def _one_word(surface: str):
    """The morpheme surface is when the dictionary reads it as one known word, else None."""
    tokenizer, mode = _tokenizer()
    morphemes = tokenizer.tokenize(surface, mode)
    if len(morphemes) != 1 or morphemes[0].surface() != surface or morphemes[0].is_oov():
        return None
    return morphemes[0]


def _common_prefix(a: str, b: str) -> str:
    return "".join(x for x, _ in itertools.takewhile(lambda p: p[0] == p[1], zip(a, b, strict=False)))

