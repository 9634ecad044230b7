"""Spelling variants meet (scripts/atlas/text/variants.py, fold.py, the JS core's folder): 取組/取り組み,
子ども/こども/子供, 申込み/申し込み, 引上げ/引き上げ, in index and query alike, and inside longer words;
the katakana middle dot folds away."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_search_core import NODE, needs_node, utf16

from atlas.model.errors import InputError
from atlas.text.fold import LOOKALIKES, fold, fold_query, fold_with_map
from atlas.text.variants import build_table, curated_groups
from conftest import ROOT


@pytest.fixture(scope="module")
def table(converted) -> dict[str, str]:
    return json.loads((converted[0] / "atlas" / "search.json").read_text("utf-8"))["variants"]


@pytest.mark.parametrize("spellings", [("取組", "取り組み", "取組み"), ("子ども", "こども", "子供"),
                                       ("申込み", "申し込み", "申込"), ("引き上げ", "引上げ")])
def test_spellings_of_one_word_fold_alike(table, spellings):
    assert len({tuple(fold_query(s, table)) for s in spellings}) == 1, [fold_query(s, table) for s in spellings]


@pytest.mark.parametrize(("text", "query"), [("取組み状況", "取り組み状況"), ("取り組み状況", "取組み状況"),
                                             ("子供たちの学び", "こどもたち"), ("こども家庭庁", "子ども家庭"),
                                             ("子ども・子育て", "子供"), ("申込み手続", "申し込み")])
def test_a_variant_is_found_inside_longer_words(table, text, query):
    assert all(word in fold(text, table) for word in fold_query(query, table))


def test_other_words_are_not_joined(table):
    """Read otherwise (使える/使う), other kanji of a verb (挙げ/上げ), short kana (ところ → 所 would meet 研究所)."""
    for word in ("使える", "挙げ", "ところ", "応える", "大い"):
        assert fold(word) not in table, word
    assert not any(key in fold(loan) for loan in ("センシング", "センシティブ") for key in table if len(key) <= 3
                   and key.isalpha() and all("\u3041" <= c <= "\u309f" for c in key))


def test_curated_groups_each_say_why(tmp_path: Path):
    assert ("引き上げ", ["引上げ", "引上"]) in curated_groups()
    bad = tmp_path / "variants.yml"
    bad.write_text("groups:\n  - canonical: 取り組み\n    variants: [取組]\n", "utf-8")
    with pytest.raises(InputError, match=r"variants\.yml: group 1 needs"):
        curated_groups(bad)


@pytest.mark.parametrize("text", ["スイッチング・コスト", "スイッチングコスト", "すいっちんぐこすと", "ｽｲｯﾁﾝｸﾞ･ｺｽﾄ"])
def test_the_katakana_middle_dot_folds_away(text):
    """In a query, half-width forms included (composed first); in the index text as written."""
    assert fold_query(text) == ["すいっちんぐこすと"]
    assert fold(text) == "すいっちんぐこすと" or text.startswith("ｽ")


def test_a_variant_maps_back_to_the_whole_written_word(table):
    folded, positions = fold_with_map("の取組み状況", table)
    at = folded.index("取り組み")
    assert (positions[at], positions[at + len("取り組み")]) == (1, 4)


def python_fold(text: str, table: dict[str, str]) -> dict:
    """fold_with_map in the JS core's units (UTF-16 offsets, one map entry per UTF-16 unit)."""
    folded, positions = fold_with_map(text, table)
    units = [0]
    for ch in text:
        units.append(units[-1] + utf16(ch))
    mapped = [units[p] for c, p in zip(folded, positions, strict=False) for _ in range(utf16(c))]
    return {"folded": folded, "map": [*mapped, units[positions[-1]]], "words": fold_query(text, table)}


def js_fold(texts: list[str], table: dict[str, str]) -> list[dict]:
    batch = json.dumps({"lookalikes": LOOKALIKES, "variants": table, "texts": texts}, ensure_ascii=False)
    result = subprocess.run([NODE, str(ROOT / "tests" / "js" / "fold_batch.js")], input=batch, capture_output=True,
                            text=True, timeout=60, check=True)
    return [{k: v for k, v in out.items() if k != "chars"} for out in json.loads(result.stdout)]


@needs_node
def test_js_core_folds_variants_as_fold_py_does(table):
    keys = sorted(table)
    # Texts of variants, canonical forms and loose characters (those the variants start or end with,
    # kana, spaces, an astral kanji), so variants overlap, touch and nest.
    piece = st.one_of(st.sampled_from(keys + sorted(set(table.values()))),
                      st.sampled_from(list("アイ・･の取組み子どもこ供申込上げ 　ＡＢ𠀋")),
                      st.characters(blacklist_categories=("Cs", "Cn", "Co")))
    texts_of = st.lists(st.lists(piece, max_size=8).map("".join), min_size=30, max_size=60)

    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                      HealthCheck.function_scoped_fixture])
    @given(texts_of)
    def check(texts):
        for text, js in zip(texts, js_fold(texts, table), strict=True):
            assert js == python_fold(text, table), text

    check()


def test_a_canonical_form_as_written_stays_whole(table):
    """子育 is a variant of 子育て: 子育て as written must not become 子育てて; 取引先 still holds 取引."""
    assert fold("子育て政策", table) == "子育て政策"
    assert fold_query("子育", table)[0] in fold("子育て政策", table)
    assert fold_query("取引", table)[0] in fold("取引先", table)


def test_a_long_text_without_sentence_ends_is_read_in_pieces():
    """Sudachi refuses an input over about 49 KB: a table dump of 30,000 characters with no 。 still
    gives its variants."""
    text = "表の取組み欄" * 5_000
    assert build_table([text], fold, curated=[]).get(fold("取組み")) == fold("取り組み")
