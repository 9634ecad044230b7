"""Other words for the same thing: マイナンバー/個人番号, DFFT/信頼性のある自由なデータ流通, 暗号資産/仮想通貨.

Search expands each query word to its synonym group at query time (the index stays as it is):
an OR within the group, AND across the query's words, exact spellings ranked first (the JS core's
``expand`` and ``rank``).  The groups come from four sources, each read on its own:

- the glossary (``sources/glossary.yml``): an abbreviation with the full forms its explanation
  opens with (``DFFT`` ↔ ``Data Free Flow with Trust`` ↔ ``信頼性のある自由なデータ流通``);
- the Sudachi synonym dictionary (npm ``sudachi-synonyms-dictionary``, pinned in the Makefile and
  installed by ``make install`` into .cache/node; read once per conversion): only
  the words of one lexeme (its spellings, translations, abbreviations, other names), never the
  other lexemes of a group, which are near words, broader or narrower ones (概要/要約/要旨);
  never a misuse, a misspelling, a verb, or a word the dictionary marks as ambiguous;
- the library itself, where it writes an abbreviation with its Japanese name in brackets
  (``CBDC（中央銀行デジタル通貨）``), so English and Japanese names meet where the library uses both;
- the curated list ``synonyms.yml`` beside this module (each group with its reason; it also lists
  the pairs that must not be joined, with theirs).

Only groups that help the library ship (``build_synonyms``): a word is a target of the
expansion when the library holds it, and holds it as a word of its own at least half the time
(ナビ stands inside ナビゲーション, so a query for ナビゲーション must not find every ナビ; a curated
word needs only be held: マイナンバー mostly stands in マイナンバーカード); the others are kept as
words a reader may type (個人番号).  The browser gets them in the search manifest.
"""

from __future__ import annotations

import itertools
import json
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..model.errors import InputError

HERE = Path(__file__).parent
CURATED = HERE / "synonyms.yml"
ROOT = HERE.parents[2]  # the project: scripts/atlas/enrich/ → three folders up
SUDACHI = ROOT / ".cache" / "node" / "node_modules" / "sudachi-synonyms-dictionary" / "sudachi-synonyms-dictionary.json"
SHORTEST_ABBREVIATION = 2  # a dictionary abbreviation this short is no target (産交 inside 生産交流)
ALONE_SHARE = 0.5  # a target must stand as a word of its own in at least this share of its uses
_BRACKETED = re.compile(r"([A-Za-z][A-Za-z0-9]*[A-Z0-9])[（(]([\u30a1-\u30fa\u30fc・\u3005\u4e00-\u9fff]{2,})[）)]")
_FULL_FORMS = re.compile(r"^([^（。]+)（([^）]+)）")


@dataclass(frozen=True)
class Group:
    """Words for one thing, as written; source says where the group comes from."""

    words: tuple[str, ...]
    source: str


# ---- the glossary ----------------------------------------------------------------------------


def glossary_groups(glossary: dict[str, str]) -> list[Group]:
    """Each term with the full forms its explanation opens with: "Data Free Flow with Trust（信頼性の
    ある自由なデータ流通）。…" gives both; a plain definition (G7: "日本・米国・…") gives none."""
    groups = []
    for term, title in sorted(glossary.items()):
        head = title.split("。")[0]
        found = _FULL_FORMS.match(head)
        forms = [found.group(1).strip(), found.group(2).strip()] if found else []
        if not found and re.fullmatch(r"[A-Za-z][A-Za-z ,\-]+", head):
            forms = [head]  # "Application Programming Interface"
        if forms:
            groups.append(Group((term, *forms), "glossary"))
    return groups


# ---- the Sudachi synonym dictionary -----------------------------------------------------------


def sudachi_groups(path: Path = SUDACHI) -> list[Group]:
    """The dictionary's lexemes (group id and vocabularyNumber) with two usable words or more.

    The npm package's JSON (SudachiDict docs/synonyms.md, field by field): a list of groups
    ``{"id", "items"}``, each item with taigenYogen (体言 / 用言), expandControl (0 always,
    1 ambiguous: never a trigger, 2 never), vocabularyNumber (the lexeme in the group),
    gokeiSyubetsu (代表語, 対訳, 別称, 旧称, 間違い: a misuse), ryakusyou (an abbreviation unless
    代表語形), hyoukiYure (間違い表記: a misspelling) and midashi (the word).  Verbs, ambiguous
    words, misuses, misspellings and abbreviations of two characters are left out.  The file is
    14 MB: read once per process (``_sudachi_lexemes``)."""
    return [Group(words, "sudachi") for words in _sudachi_lexemes(path)]


@lru_cache(maxsize=4)
def _sudachi_lexemes(path: Path) -> tuple[tuple[str, ...], ...]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError as error:
        raise InputError(path, "the Sudachi synonym dictionary is not installed: run make install") from error
    except (OSError, ValueError) as error:
        raise InputError(path, str(error).splitlines()[0]) from error
    lexemes: dict[tuple[str, int], list[str]] = {}
    try:
        for group in data:
            for item in group["items"]:
                if item["taigenYogen"] == "用言" or item["expandControl"] in (1, 2) \
                        or item["gokeiSyubetsu"] == "間違い" or item["hyoukiYure"] == "間違い表記":
                    continue
                word = item["midashi"]
                if item["ryakusyou"] not in ("代表語形", "未定義") and len(word) <= SHORTEST_ABBREVIATION:
                    continue  # 産交, 一警, 児相: two characters name too many other things
                lexemes.setdefault((group["id"], item.get("vocabularyNumber") or 1), []).append(word)
    except (TypeError, KeyError) as error:
        raise InputError(path, f"not a synonym dictionary: {error!r}") from error
    return tuple(tuple(words) for words in lexemes.values() if len(words) >= 2)


# ---- the library's own brackets ---------------------------------------------------------------


def library_groups(texts: Iterable[str], refused: set[tuple[str, str]] | None = None) -> list[Group]:
    """An abbreviation followed by its Japanese name in brackets (``CBDC（中央銀行デジタル通貨）``),
    once per pair, but for the pairs refused (a bracket that says something else: PTS（大阪デジタル
    エクスチェンジ） names the exchange that runs one)."""
    refused = refused if refused is not None else set(not_synonyms())
    pairs: dict[tuple[str, str], None] = {}
    for text in texts:
        for found in _BRACKETED.finditer(unicodedata.normalize("NFKC", text)):
            pair = (found.group(1), found.group(2))
            if pair not in refused:
                pairs[pair] = None
    return [Group(pair, "library") for pair in sorted(pairs)]


# ---- the curated list -------------------------------------------------------------------------


def _curated(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise InputError(path, str(error).splitlines()[0]) from error
    return data if isinstance(data, dict) else {}


def curated_groups(path: Path = CURATED) -> list[Group]:
    """The groups of synonyms.yml; every group must say why its words are one thing."""
    groups = []
    for number, item in enumerate(_curated(path).get("groups", []), start=1):
        if not (isinstance(item, dict) and isinstance(item.get("words"), list) and len(item["words"]) >= 2
                and item.get("reason")):
            raise InputError(path, f"group {number} needs two words or more and a reason")
        groups.append(Group(tuple(str(w) for w in item["words"]), "curated"))
    return groups


def not_synonyms(path: Path = CURATED) -> list[tuple[str, str]]:
    """Pairs never joined (each with its reason in synonyms.yml), whatever source offers them."""
    pairs = []
    for number, item in enumerate(_curated(path).get("not_synonyms", []), start=1):
        if not (isinstance(item, dict) and isinstance(item.get("pair"), list) and len(item["pair"]) == 2
                and item.get("reason")):
            raise InputError(path, f"not_synonyms {number} needs a pair of two words and a reason")
        pairs.append((str(item["pair"][0]), str(item["pair"][1])))
    return pairs


# ---- what ships -------------------------------------------------------------------------------


def _plain(text: str) -> str:
    """Text as the stand-alone check reads it: width and case folded, kana kept apart."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).lower() if not c.isspace() and c != "・")


def _script(ch: str) -> str:
    if ch.isascii() and ch.isalnum():
        return "latin"
    if "\u30a1" <= ch <= "\u30fa" or ch == "ー":
        return "katakana"
    if "\u3041" <= ch <= "\u309f":
        return "hiragana"
    return "other"  # kanji: compounds are the rule (厚生労働省令 is about 厚生労働省)


def alone_share(word: str, library: str) -> float:
    """Share of the word's uses in the library where it is a word of its own: not continued by a
    character of the same script at either end (ナビ in ナビゲーション, pt in concept).  0 when absent."""
    word = _plain(word)
    if not word:
        return 0.0
    first, last = _script(word[0]), _script(word[-1])
    if any(_script(c) != "hiragana" for c in word):  # okurigana meet particles: 全ての, 問い合わせを
        first, last = ("other" if s == "hiragana" else s for s in (first, last))
    total = alone = 0
    at = library.find(word)
    while at != -1:
        total += 1
        before = library[at - 1] if at else ""
        after = library[at + len(word)] if at + len(word) < len(library) else ""
        if (first == "other" or not before or _script(before) != first) and \
                (last == "other" or not after or _script(after) != last):
            alone += 1
        at = library.find(word, at + 1)
    return alone / total if total else 0.0


def _pairs(library: str) -> set[str]:
    """Every two adjacent characters of the library: a word with a pair not among them is not held."""
    return set(map(operator.add, library, library[1:]))


def _may_hold(word: str, pairs: set[str]) -> bool:
    """False when the library certainly does not hold the (plain) word: one of its pairs of adjacent
    characters never occurs.  Most dictionary words are absent, and this is one set lookup a pair
    where a search of the library reads all of it (a ten-megabyte library, tens of thousands of words)."""
    return all(a + b in pairs for a, b in itertools.pairwise(word))


def _target(word: str, source: str, library: str, pairs: set[str] | None = None) -> bool:
    """A word the expansion looks for: held by the library, and as a word of its own, unless a person
    joined it (curated: マイナンバー stands in マイナンバーカード, a compound of itself)."""
    if pairs is not None and not _may_hold(_plain(word), pairs):
        return False
    if source == "curated":
        return _plain(word) in library
    return alone_share(word, library) >= ALONE_SHARE


def build_synonyms(texts: Iterable[str], fold: Callable[[str], str], glossary: dict[str, str] | None = None,
                   groups: list[Group] | None = None) -> list[list[list[str]]]:
    """The manifest's ``synonyms``: for each group that helps, [words the library holds (targets),
    words only typed].  A group helps when it has a target and some other word.

    ``fold`` folds a word as the index does (the browser folds the words again); ``groups`` replaces
    the four sources (tests)."""
    texts = list(dict.fromkeys(texts))  # a library of copies (bench at 50×) reads each text once
    library = "\n".join(_plain(t) for t in texts)
    if groups is None:
        groups = [*curated_groups(), *glossary_groups(glossary or {}), *library_groups(texts), *sudachi_groups()]
    fold = lru_cache(maxsize=None)(fold)  # a word is folded once, however many groups and pairs it is in
    pairs = _pairs(library)
    refused = {frozenset(map(fold, pair)) for pair in not_synonyms()}
    shipped: dict[tuple, list[list[str]]] = {}
    for group in groups:
        words = list({fold(w): w for w in group.words if len(fold(w)) >= 2}.values())
        if any(frozenset((fold(a), fold(b))) in refused for a in words for b in words if a != b):
            continue
        targets = [w for w in words if _target(w, group.source, library, pairs)]
        typed = [w for w in words if w not in targets]
        if targets and len(words) >= 2:
            key = tuple(sorted(map(fold, words)))
            shipped.setdefault(key, [targets, typed])
    return [shipped[key] for key in sorted(shipped)]


def expand(word: str, synonyms: list[list[list[str]]], fold: Callable[[str], str]) -> list[tuple[str, str]]:
    """A folded query word with what else it may be found as: [(folded word, written synonym)], the
    word itself first (written ""), then each target of each group the word belongs to; a word
    that holds a group's word (個人番号カード) with that word replaced (マイナンバーカード).

    The JS core's ``expand`` does the same (tests/test_search_synonyms.py compares them)."""
    found: dict[str, str] = {word: ""}
    for targets, typed in synonyms:
        members = [fold(w) for w in targets + typed]
        inside = [m for m in members if m != word and m in word and _stands_in(m, word)]
        if word in members:
            for target in targets:
                found.setdefault(fold(target), target)
        elif inside:
            member = max(inside, key=len)
            for target in targets:
                if fold(target) != member:
                    found.setdefault(word.replace(member, fold(target), 1), target)
    return list(found.items())


def named(words: list[str], synonyms: list[list[list[str]]], fold: Callable[[str], str]) -> list[str]:
    """Query words that together are a group's word (Internet of Things) are that one word (the JS
    core's expand.named)."""
    joined = "".join(words)
    members = {fold(w) for targets, typed in synonyms for w in targets + typed}
    return [joined] if len(words) > 1 and joined in members else words


def _stands_in(member: str, word: str) -> bool:
    """A Latin member stands in a word only where no Latin letter continues it (dx in 防災dx, not ai
    in aisi)."""
    at = word.find(member)
    before = word[at - 1] if at else ""
    after = word[at + len(member)] if at + len(member) < len(word) else ""
    latin = _script(member[0]) == "latin" and before and _script(before) == "latin"
    return not (latin or (_script(member[-1]) == "latin" and after and _script(after) == "latin"))
