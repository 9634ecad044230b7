"""The search core (docs/assets/atlas-search-core.js) without a browser, and the index the converter
writes for it.

- `node --test tests/js/` (Node's own runner, no npm package): folding, query words, matching,
  BM25 ranking by hand-computed cases, snippet ranges; and the split index of a fresh conversion
  answering the project's and the development set's queries (and words cut from the texts)
  exactly as the search over one whole index did.
- Folding parity with scripts/atlas/text/fold.py on text hypothesis generates (one node run a batch).
- The index is deterministic and laid out as scripts/atlas/write/search.py says.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas.enrich.glossary import load_glossary
from atlas.enrich.themes import load_themes
from atlas.text.fold import LOOKALIKES, fold_char, fold_query
from atlas.write.search import CHUNK_BYTES, FORMAT, build_index, entries
from conftest import ROOT, SOURCES

NODE = shutil.which("node")
CORE = ROOT / "docs" / "assets" / "atlas-search-core.js"
DEV_QUERIES = ROOT.parent / "shared" / "eval" / "queries_dev.jsonl"

needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")


@needs_node
def test_core_passes_its_node_tests_and_the_split_index_matches_the_whole(converted):
    queries = [str(ROOT / "tests" / "search_queries.jsonl")] + ([str(DEV_QUERIES)] if DEV_QUERIES.is_file() else [])
    env = {**os.environ, "ATLAS_INDEX_DIR": str(converted[0] / "atlas"), "SEARCH_QUERIES": os.pathsep.join(queries)}
    result = subprocess.run([NODE, "--test", str(ROOT / "tests" / "js")], capture_output=True, text=True, env=env,
                            timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"^# fail 0$", result.stdout, re.M) and not re.search(r"^# skipped [1-9]", result.stdout, re.M)


def js_fold(texts: list[str]) -> list[dict]:
    batch = json.dumps({"lookalikes": LOOKALIKES, "texts": texts}, ensure_ascii=False)
    result = subprocess.run([NODE, str(ROOT / "tests" / "js" / "fold_batch.js")], input=batch, capture_output=True,
                            text=True, timeout=60, check=True)
    return json.loads(result.stdout)


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def python_fold(text: str) -> dict:
    """fold.py's answers in the JS core's units: the map is per UTF-16 unit, in UTF-16 offsets."""
    folded, positions = "", []
    offset = 0
    for ch in text:
        piece = fold_char(ch)
        folded += piece
        positions += [offset] * utf16(piece)
        offset += utf16(ch)
    return {"chars": [fold_char(ch) for ch in text], "folded": folded, "map": [*positions, offset],
            "words": fold_query(text)}


# Characters both sides know: assigned in Python's Unicode (Node's ICU is newer), no surrogates.
# Weighted towards what policy texts hold: kana (both widths), CJK, full-width forms, spaces,
# look-alike radicals, compatibility characters (①, ㈱, ㍻), Latin with case.
ASSIGNED = st.characters(blacklist_categories=("Cs", "Cn", "Co"))
SCRIPT = st.sampled_from(
    "アイウヴァーｶﾞﾊﾟﾝ゛゜ぁかが漢字防災ＡＢｃｄ０１２ 　\t\n①Ⅱ㈱㍻ﾎﾟ・〜－―‐ΣσİẞK" + "".join(LOOKALIKES)
    + "\u00a0\u0085\u001c\u2028\u200b\ufeff\u3099\u309a"
)
TEXTS = st.lists(st.text(st.one_of(SCRIPT, ASSIGNED), max_size=12), min_size=40, max_size=80)


@needs_node
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(TEXTS)
def test_js_core_folds_as_fold_py_does(texts):
    for text, js in zip(texts, js_fold(texts), strict=True):
        assert js == python_fold(text), text


@needs_node
def test_js_core_folds_the_corpus_characters_as_fold_py_does(documents):
    """Every distinct character of the real corpus, one by one and in the texts' own words."""
    chars = sorted({ch for d in documents.values() for e in entries([d]) for ch in e.title + e.text})
    texts = chars + ["".join(chars[i:i + 40]) for i in range(0, len(chars), 40)]
    for text, js in zip(texts, js_fold(texts), strict=True):
        assert js == python_fold(text), text


def test_query_words_are_distinct_as_the_browser_has_them():
    assert fold_query("データ　データ ＤＸ dx") == ["でーた", "dx"]


def test_index_is_deterministic_and_laid_out_as_documented(converted, documents):
    themes = {t.id: t.ja for t in load_themes(SOURCES / "themes.yml")}
    glossary = {g.term: g.title for g in load_glossary(SOURCES / "glossary.yml")}
    first = build_index(list(documents.values()), themes, glossary)
    second = build_index(list(documents.values()), themes, glossary)
    assert first == second
    folder = converted[0] / "atlas"
    for name, content in first.items():
        on_disk = (folder / name).read_bytes()
        assert on_disk == (content if isinstance(content, bytes) else content.encode("utf-8")), name
    manifest = json.loads(first["search.json"])
    assert manifest["format"] == FORMAT
    assert {"synonyms", "glossary"} <= set(manifest), "query-time tables, as the docstring lays them out"
    pqc = next(e for e in manifest["glossary"] if e["t"] == "PQC")
    assert (pqc["u"], pqc["f"]) == ("glossary/#pqc", ["Post-Quantum Cryptography", "耐量子計算機暗号"])
    assert re.search(rf"\bvar FORMAT = {FORMAT};", CORE.read_text("utf-8")), "core and converter disagree on the format"
    units = entries(list(documents.values()))
    assert manifest["sections"] == len(units) >= sum(len(d.all_sections()) for d in documents.values() if d.lines)
    firsts = manifest["chunks"]
    assert firsts == sorted(firsts, key=lambda k: k.encode("utf-16-be")), "chunks in JavaScript's string order"
    assert [f"g/{i}.bin" for i in range(len(firsts))] == sorted((n for n in first if n.startswith("g/")),
                                                             key=lambda n: int(n[2:-4]))
    assert max(len(first[f"g/{i}.bin"]) for i in range(len(firsts))) < 4 * CHUNK_BYTES or len(firsts) == 1
    stored = [s for k in range(0, len(units), manifest["storeSize"])
              for s in json.loads(first[f"s/{k // manifest['storeSize']}.json"])["sections"]]
    assert [s["u"] for s in stored] == [u.url for u in units]


def test_index_entries_carry_their_place_document_then_chapters(documents):
    """A section's path is its document, then its chapter, …: in a document with a page per chapter,
    each section stands on the page of the chapter its path names."""
    document = documents["digital-nippon-2024"]
    units = entries([document])
    assert all(u.path[0] == document.meta.title for u in units)
    chapters = {u.title: u for u in units if len(u.path) == 1}
    nested = [u for u in units if len(u.path) > 2]
    assert len(chapters) >= 9 and nested, "digital-nippon-2024 has chapters with sections under sections"
    for unit in units:
        if len(unit.path) > 1:
            assert unit.url.split("#")[0] == chapters[unit.path[1]].url.split("#")[0], unit


def test_facets_file_each_section_under_its_document_year_issuer_and_themes(converted, documents):
    """facets.json, checked against the document model: section i's document is the last whose first
    is at most i, and a theme lists exactly the sections tagged with it."""
    facets = json.loads((converted[0] / "atlas" / "facets.json").read_text("utf-8"))
    units = entries(list(documents.values()))
    firsts = [d["first"] for d in facets["documents"]]
    assert firsts == sorted(firsts) and firsts[0] == 0
    for sid, unit in enumerate(units):
        doc = facets["documents"][max(i for i, first in enumerate(firsts) if first <= sid)]
        assert doc["id"] == unit.document and unit.path[0] == documents[unit.document].meta.title
        meta = documents[unit.document].meta
        assert (facets["issuers"][doc["issuer"]], doc["year"]) == (meta.body, meta.date.year)
    by_theme = {t["id"]: list(itertools.accumulate(t["sections"])) for t in facets["themes"]}
    assert by_theme, "the real corpus is tagged with themes"
    for theme, sections in by_theme.items():
        assert sections == [sid for sid, unit in enumerate(units) if theme in unit.themes], theme
