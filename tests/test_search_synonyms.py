"""Other words for the same thing (scripts/atlas/enrich/synonyms.py; the JS core's synonymsOf): each source
on its own — the glossary, the Sudachi synonym dictionary, the library's own brackets, the curated
list — then what ships in the manifest and how a query word expands, in Python and in the browser's
core alike."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from test_search_core import NODE, needs_node

from atlas.enrich.glossary import load_glossary
from atlas.enrich.synonyms import (
    SUDACHI,
    Group,
    alone_share,
    build_synonyms,
    curated_groups,
    expand,
    glossary_groups,
    library_groups,
    named,
    not_synonyms,
    sudachi_groups,
)
from atlas.model.errors import InputError
from atlas.text.fold import LOOKALIKES, fold, fold_query
from conftest import ROOT, SOURCES


@pytest.fixture(scope="module")
def manifest(converted) -> dict:
    return json.loads((converted[0] / "atlas" / "search.json").read_text("utf-8"))


def folder(manifest: dict):
    return lambda word: fold(word, manifest["variants"])


def test_the_glossary_joins_an_abbreviation_with_the_full_forms_it_opens_with():
    glossary = {g.term: g.title for g in load_glossary(SOURCES / "glossary.yml")}
    groups = {g.words[0]: g.words[1:] for g in glossary_groups(glossary)}
    assert groups["DFFT"] == ("Data Free Flow with Trust", "信頼性のある自由なデータ流通")
    assert groups["NISC"][0] == "内閣サイバーセキュリティセンター"
    assert groups["API"] == ("Application Programming Interface",)
    assert "G7" not in groups, "a definition (日本・米国・…) names no other word for G7"


def _item(lexeme: int | None, word: str, kind: str = "体言", expansion: int = 0, form: str = "代表語",
          abbreviation: str = "代表語形", spelling: str = "代表表記", field: tuple = ()) -> dict:
    return {"taigenYogen": kind, "expandControl": expansion, "vocabularyNumber": lexeme, "gokeiSyubetsu": form,
            "ryakusyou": abbreviation, "hyoukiYure": spelling, "bunya": list(field), "midashi": word}


def write_dictionary(tmp_path: Path) -> Path:
    """The format's own example (SudachiDict docs/synonyms.md) as the npm package writes it, with a
    misuse, a misspelling, a verb, an ambiguous word and a short abbreviation added."""
    path = tmp_path / "sudachi-synonyms-dictionary.json"
    groups = [
        {"id": "000127", "items": [
            _item(1, "インフルエンザ", field=("医療",)),
            _item(1, "influenza", spelling="アルファベット表記", field=("医療",)),
            _item(1, "インフル", abbreviation="略語・略称", field=("医療",)),
            _item(1, "インフルエンサ", form="間違い", field=("医療",)),
            _item(2, "流行性感冒", field=("医療",)),
            _item(2, "流感", abbreviation="略語・略称", field=("医療",))]},
        {"id": "000008", "items": [
            _item(1, "支払い"), _item(1, "支払", spelling="異表記・表記ゆれ"), _item(1, "支払う", kind="用言"),
            _item(1, "支払ひ", spelling="間違い表記"), _item(3, "勘定", expansion=1), _item(4, "精算")]},
    ]
    path.write_text(json.dumps(groups, ensure_ascii=False), "utf-8")
    return path


def test_the_sudachi_dictionary_gives_one_lexeme_s_words_never_its_near_words(tmp_path):
    """インフルエンザ/influenza/インフル are one lexeme; 流行性感冒 is another of the group (a near word):
    never joined.  Misuse (インフルエンサ), misspelling (支払ひ), verb (支払う), a two-character
    abbreviation (流感) and a lexeme left alone (精算) give nothing."""
    groups = [set(g.words) for g in sudachi_groups(write_dictionary(tmp_path))]
    assert groups == [{"インフルエンザ", "influenza", "インフル"}, {"支払い", "支払"}]


def test_the_installed_sudachi_dictionary_reads_and_keeps_lexemes_apart():
    """The npm package make install puts in .cache/node (the Makefile pins its version)."""
    if not SUDACHI.exists():
        pytest.fail(f"{SUDACHI} is missing: run make install")
    groups = [set(g.words) for g in sudachi_groups(SUDACHI)]
    assert {"ソフトウェア", "ソフトウエア", "software"} <= next(g for g in groups if "ソフトウェア" in g)
    assert not any({"概要", "要約"} <= g for g in groups), "two lexemes of one group (概要, 要約) stay apart"


def test_a_missing_or_broken_sudachi_dictionary_says_so_in_one_line(tmp_path):
    with pytest.raises(InputError, match=r"missing\.json: the Sudachi synonym dictionary is not installed: "
                                         r"run make install$"):
        sudachi_groups(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text('[{"id": "000001"}]', "utf-8")
    with pytest.raises(InputError, match=r"broken\.json: not a synonym dictionary"):
        sudachi_groups(broken)


def test_the_library_names_an_abbreviation_in_brackets():
    texts = ["中央銀行デジタル通貨（CBDC）ではなく、CBDC（中央銀行デジタル通貨）と書く。",
             "PTS（大阪デジタルエクスチェンジ）"]
    assert [g.words for g in library_groups(texts)] == [("CBDC", "中央銀行デジタル通貨")], \
        "PTS（大阪デジタルエクスチェンジ） names the exchange: refused in synonyms.yml"


def test_curated_groups_and_refused_pairs_each_say_why(tmp_path):
    assert ("マイナンバー", "個人番号") in [g.words for g in curated_groups()]
    assert ("PTS", "大阪デジタルエクスチェンジ") in not_synonyms()
    bad = tmp_path / "synonyms.yml"
    bad.write_text("groups:\n  - words: [マイナンバー, 個人番号]\n", "utf-8")
    with pytest.raises(InputError, match=r"synonyms\.yml: group 1 needs"):
        curated_groups(bad)
    bad.write_text("not_synonyms:\n  - pair: [a, b]\n", "utf-8")
    with pytest.raises(InputError, match=r"not_synonyms 1 needs"):
        not_synonyms(bad)


def test_a_word_that_mostly_stands_inside_longer_words_is_no_target():
    library = "ナビゲーションとカーナビ。ナビを使う。" + "防災dxと医療dx、dxの推進。concept"
    assert alone_share("ナビ", library) == pytest.approx(1 / 3)
    assert alone_share("DX", library) == 1.0
    assert alone_share("pt", library) == 0.0
    assert alone_share("全て", "全ての文書、全てを") == 1.0, "okurigana is followed by particles"
    assert alone_share("いす", "いすゞ、いす。") == 0.5, "a word all in hiragana must stand apart"
    groups = [Group(("ナビゲーション", "ナビ"), "test"), Group(("DX", "デジタルトランスフォーメーション"), "test")]
    shipped = build_synonyms([library], fold, groups=groups)
    assert shipped == [[["DX"], ["デジタルトランスフォーメーション"]], [["ナビゲーション"], ["ナビ"]]]


def test_the_manifest_ships_the_library_s_groups_each_with_a_word_it_holds(manifest, converted):
    synonyms = manifest["synonyms"]
    fold_ = folder(manifest)
    assert [["マイナンバー"], ["個人番号"]] in synonyms
    assert [["デジタル・ガバメント"], ["電子政府", "電子行政"]] in synonyms
    texts = "\n".join(fold_(e["t"]) + "\n" + fold_(e["x"])
                      for path in (converted[0] / "atlas" / "s").glob("*.json")
                      for e in json.loads(path.read_text("utf-8"))["sections"])
    for targets, typed in synonyms:
        assert targets and len(targets) + len(typed) >= 2, (targets, typed)
        assert all(fold_(w) in texts for w in targets), targets
    refused = [set(p) for p in not_synonyms()]
    assert not any(p <= set(t + q) for t, q in synonyms for p in refused)
    assert len(json.dumps(synonyms, ensure_ascii=False).encode()) < 40_000


def test_a_query_word_expands_to_its_group_and_inside_longer_words(manifest):
    fold_, synonyms = folder(manifest), manifest["synonyms"]

    def forms(query: str) -> list[tuple[str, str]]:
        return [pair for word in fold_query(query, manifest["variants"]) for pair in expand(word, synonyms, fold_)]

    assert ("まいなんばー", "マイナンバー") in forms("個人番号")
    assert ("まいなんばーかーど", "マイナンバー") in forms("個人番号カード")
    assert ("でじたるがばめんと", "デジタル・ガバメント") in forms("電子政府")
    assert ("dfft", "DFFT") in forms("信頼性のある自由なデータ流通")
    assert forms("情報銀行") == [("情報銀行", "")]
    words = named(fold_query("Internet of Things", manifest["variants"]), synonyms, fold_)
    assert words == ["internetofthings"], "a name of several words is one word"
    assert ("iot", "IoT") in expand(words[0], synonyms, fold_)


@needs_node
def test_js_core_expands_query_words_as_synonyms_py_does(manifest):
    fold_, synonyms = folder(manifest), manifest["synonyms"]
    members = [w for targets, typed in synonyms for w in targets + typed]
    texts = members + [w + "の推進" for w in members[::3]] + ["防災DX", "AISI", "生成AI", "個人番号カード 交付",
                                                         "Internet of Things", "internet of things 機器"]
    batch = json.dumps({"lookalikes": LOOKALIKES, "variants": manifest["variants"], "synonyms": synonyms,
                        "texts": texts}, ensure_ascii=False)
    result = subprocess.run([NODE, str(ROOT / "tests" / "js" / "fold_batch.js")], input=batch, capture_output=True,
                            text=True, timeout=120, check=True)
    for text, js in zip(texts, json.loads(result.stdout), strict=True):
        words = named(fold_query(text, manifest["variants"]), synonyms, fold_)
        python = [[list(pair) for pair in expand(w, synonyms, fold_)] for w in words]
        assert js["expanded"] == python, text
