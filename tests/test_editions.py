"""Editions (issue 21): the catalog says which documents are editions of one work; each edition's
page says which it is and links the others; a comparison page per consecutive pair shows what
changed, section by section, down to the character."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from atlas.config.catalog import load_catalog
from atlas.convert import convert
from atlas.enrich.editions import Unit, compare, compare_paragraphs, inline_diff, works
from atlas.model.document import Document
from atlas.model.errors import InputError
from atlas.write.search import build_index

# The first edition: six sections.
OLD_TEXT = """\
１．はじめに
この指針は、学校における生成AIの利用について、教職員が判断する際の参考となる考え方を示すものである。
２．利用の考え方
生成AIは、児童生徒の学びを深める補助として使うことができる。ただし、出力をそのまま受け入れず、批判的に吟味する姿勢が求められる。

教師は、出力に誤りや偏りが含まれうることを踏まえて指導する。
３．個人情報の扱い
氏名や住所などの個人情報をプロンプトに入力してはならない。学校は2023年度から、入力の記録を点検する。

保護者への説明は、学校だよりなどで分かりやすく行う。
４．教員の研修
教育委員会は、教員が生成AIの仕組みと限界を理解するための研修を、年に一度以上行う。
５．著作権
生成物を公表する際は、既存の著作物との類似性に注意し、著作権法の定めに従って扱う。
６．試行校の指定
文部科学省は、先行して取り組む試行校を指定し、その成果を全国に共有する。
"""

# The second edition: 著作権 moved to the front, 利用の考え方 renamed 基本的な考え方 and renumbered,
# one character changed in 個人情報の扱い (2023 → 2024), 試行校の指定 removed, 情報セキュリティ added.
NEW_TEXT = """\
１．はじめに
この指針は、学校における生成AIの利用について、教職員が判断する際の参考となる考え方を示すものである。
２．著作権
生成物を公表する際は、既存の著作物との類似性に注意し、著作権法の定めに従って扱う。
３．基本的な考え方
生成AIは、児童生徒の学びを深める補助として使うことができる。ただし、出力をそのまま受け入れず、批判的に吟味する姿勢が求められる。

教師は、出力に誤りや偏りが含まれうることを踏まえて指導する。
４．個人情報の扱い
氏名や住所などの個人情報をプロンプトに入力してはならない。学校は2024年度から、入力の記録を点検する。

保護者への説明は、学校だよりなどで分かりやすく行う。
５．教員の研修
教育委員会は、教員が生成AIの仕組みと限界を理解するための研修を、年に一度以上行う。
６．情報セキュリティ
校務で生成AIを使う場合は、入力した情報が外部に保存されるかどうかを事前に確認する。
"""

CATALOG = """\
documents:
  - id: guide-v1
    title: 学校における生成AIの利用に関する暫定的な指針
    body: 見本省
    date: 2023-07-04
    kind: guideline
    source: guide-v1.txt
    summary: 第1版。
    edition: Ver. 1.0
  - id: guide-v2
    title: 学校における生成AIの利用に関する指針
    body: 見本省
    date: 2024-12-26
    kind: guideline
    source: guide-v2.txt
    summary: 第2版。
    edition: Ver. 2.0
    edition_of: guide-v1
"""

# One theme, which the 著作権 section of both editions is tagged with (its heading names it).
THEMES = """\
themes:
  - id: copyright
    ja: 著作権
    en: Copyright
    definition: 著作物の扱い。
    terms: [著作権]
"""


def _folder(tmp_path: Path, catalog: str = CATALOG) -> Path:
    folder = tmp_path / "src"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "guide-v1.txt").write_text(OLD_TEXT, encoding="utf-8")
    (folder / "guide-v2.txt").write_text(NEW_TEXT, encoding="utf-8")
    (folder / "catalog.yml").write_text(catalog, encoding="utf-8")
    (folder / "themes.yml").write_text(THEMES, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def edition_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Document]]:
    tmp = tmp_path_factory.mktemp("editions")
    out = tmp / "docs"
    documents = convert(_folder(tmp), out)
    return out, {doc.meta.id: doc for doc in documents}


def _changes(documents: dict[str, Document]) -> dict[str, tuple[str, bool, str, str]]:
    """Heading (as in the new edition, else the old) → (status, moved, old number, new number)."""
    found = {}
    for change in compare(documents["guide-v1"], documents["guide-v2"]).changes:
        part = change.new or change.old
        found[part.heading] = (change.status, change.moved, change.old.number if change.old else "",
                               change.new.number if change.new else "")
    return found


def test_sections_are_matched_by_what_they_say_not_by_their_numbers(edition_site):
    _, documents = edition_site
    assert _changes(documents) == {
        "はじめに": ("unchanged", False, "1．", "1．"),
        "著作権": ("unchanged", True, "5．", "2．"),
        "基本的な考え方": ("changed", False, "2．", "3．"),  # renamed and renumbered: still the same section
        "個人情報の扱い": ("changed", False, "3．", "4．"),
        "教員の研修": ("unchanged", False, "4．", "5．"),
        "情報セキュリティ": ("added", False, "", "6．"),
        "試行校の指定": ("removed", False, "6．", ""),
    }


def test_a_one_character_change_is_shown_as_that_character(edition_site):
    _, documents = edition_site
    change = next(c for c in compare(documents["guide-v1"], documents["guide-v2"]).changes
                  if c.new and c.new.heading == "個人情報の扱い")
    steps = [(step.status, step.old.ident if step.old else "", step.new.ident if step.new else "")
             for step in change.paragraphs]
    assert steps == [("changed", "3-p1", "4-p1"), ("equal", "3-p2", "4-p2")]
    changed = change.paragraphs[0].pieces
    assert [(p.op, p.text) for p in changed if p.op != "equal"] == [("delete", "3"), ("insert", "4")]
    assert "".join(p.text for p in changed if p.op != "insert").endswith("2023年度から、入力の記録を点検する。")


def test_inline_difference_keeps_okurigana_changes_whole():
    pieces = inline_diff("取組みを進める", "取り組みを進める")
    assert [(p.op, p.text) for p in pieces] == [("equal", "取"), ("insert", "り"), ("equal", "組みを進める")]
    # A kept character between two changes joins them: one deletion, one insertion.
    pieces = inline_diff("令和5年度", "令和6年版")
    assert [(p.op, p.text) for p in pieces] == [("equal", "令和"), ("delete", "5年度"), ("insert", "6年版")]


def test_paragraphs_are_paired_across_reordering_and_spaces_are_no_change():
    old = [Unit("1-p1", "生成AIは学びの補助として使うことができる。"),
           Unit("1-p2", "その上で、レポートなどの課題を出す際は、評価する際の視点を予め設定する。"),
           Unit("1-p3", "口頭発表の機会を設ける。")]
    new = [Unit("2-p1", "レポート等の課題を出す際は、評価する際の視点を予め設定する。"),
           Unit("2-p2", "生成 AI は学びの補助として使うことができる。"),
           Unit("2-p3", "保護者に周知する。")]
    steps = [(step.status, step.old.ident if step.old else "", step.new.ident if step.new else "")
             for step in compare_paragraphs(old, new)]
    # 1-p2 moved before 1-p1 and was reworded: still one changed paragraph; 1-p1 only gained spaces.
    assert steps == [("changed", "1-p2", "2-p1"), ("equal", "1-p1", "2-p2"), ("removed", "1-p3", ""),
                     ("added", "", "2-p3")]
    assert [(p.op, p.text) for p in inline_diff("生成AIの利用", "生成 AI の利用")] == [("equal", "生成 AI の利用")]


def test_the_comparison_page_shows_summary_changes_and_links_into_both_editions(edition_site):
    out, _ = edition_site
    page = (out / "editions" / "guide-v1--guide-v2.md").read_text(encoding="utf-8")
    assert "# 版の比較：Ver. 1.0 → Ver. 2.0" in page
    rows = r"^\| (追加（新版のみ）|削除（旧版のみ）|変更|変更なし|うち移動) \| (\d+) \|$"
    summary = dict(re.findall(rows, page, re.M))
    assert summary == {"追加（新版のみ）": "1", "削除（旧版のみ）": "1", "変更": "2", "変更なし": "3", "うち移動": "1"}
    assert "構成の違い" not in page  # same kind, most sections matched: nothing to warn of
    # The one changed character, marked for eyes and for screen readers, with both paragraphs' permalinks.
    assert ('2<del><span class="atlas-sr">［削除：</span>3<span class="atlas-sr">］</span></del>'
            '<ins><span class="atlas-sr">［追加：</span>4<span class="atlas-sr">］</span></ins>年度から') in page
    assert "[旧 3-p1](../documents/guide-v1/index.md#3-p1) → [新 4-p1](../documents/guide-v2/index.md#4-p1)" in page
    assert "### 2．著作権（変更なし・移動）" in page
    assert "見出し：2．利用の考え方 → 3．基本的な考え方" in page
    assert "### 6．試行校の指定（削除）" in page


def test_each_edition_page_names_its_edition_and_links_the_others_newest_first(edition_site):
    out, _ = edition_site
    old = (out / "documents" / "guide-v1" / "index.md").read_text(encoding="utf-8")
    new = (out / "documents" / "guide-v2" / "index.md").read_text(encoding="utf-8")
    assert "この文書には新しい版があります" in old and "この文書には新しい版があります" not in new
    assert "**版**：Ver. 1.0（全 2 版のうち第 1 版）" in old
    assert "**版**：Ver. 2.0（全 2 版のうち第 2 版、最新版）" in new
    for page in (old, new):
        assert page.index("Ver. 2.0：") < page.index("Ver. 1.0：")  # newest first
        assert "(../../editions/guide-v1--guide-v2.md)" in page


def test_search_marks_older_editions_and_can_keep_the_latest_only(edition_site):
    out, documents = edition_site
    facets = json.loads((out / "atlas" / "facets.json").read_text(encoding="utf-8"))
    assert {d["id"]: d.get("old", 0) for d in facets["documents"]} == {"guide-v2": 0, "guide-v1": 1}
    # The newest edition comes first in the index, so a tie in ranking shows it first.
    assert [d["id"] for d in facets["documents"]] == ["guide-v2", "guide-v1"]
    stored = [json.loads(text) for name, text in sorted(build_index(list(documents.values())).items())
              if name.startswith("s/")]
    marks = {entry["p"][0]: entry.get("o", 0) for shard in stored for entry in shard["sections"]}
    assert marks == {"学校における生成AIの利用に関する指針": 0, "学校における生成AIの利用に関する暫定的な指針": 1}


def test_theme_pages_show_the_newest_edition_first_and_mark_the_older(edition_site):
    out, _ = edition_site
    page = (out / "themes" / "copyright.md").read_text(encoding="utf-8")
    mark = ' <span class="atlas-old-edition">旧版</span>'
    rows = re.findall(r"^\| [^|]+ \| \[[^]]+\]\(#doc-([a-z0-9-]+)\)(" + re.escape(mark) + r")? \|", page, re.M)
    assert rows == [("guide-v2", ""), ("guide-v1", mark)]
    assert page.index("{#doc-guide-v2}") < page.index("{#doc-guide-v1}")
    assert '（2023年） <span class="atlas-old-edition">旧版</span> {#doc-guide-v1}' in page
    overview = (out / "themes" / "index.md").read_text(encoding="utf-8")
    assert "**文書の番号**（古い順。旧版は最新版のすぐ後）" in overview
    legend = re.findall(r"^(\d+)\. \[[^]]+\]\(\.\./documents/([a-z0-9-]+)/index\.md\)（\d+）(.*)$", overview, re.M)
    assert legend == [("1", "guide-v2", ""), ("2", "guide-v1", mark)]


def test_a_site_without_editions_has_no_comparison(converted):
    out, documents = converted
    assert works(documents) == []
    assert not (out / "editions").exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("edition_of: guide-v1", "edition_of: guide-v0"),
         "catalog.yml:18: key 'edition_of' of 'guide-v2': unknown document 'guide-v0' (did you mean 'guide-v1'?)"),
        (("edition_of: guide-v1", "edition_of: guide-v2"),
         "catalog.yml:18: key 'edition_of' of 'guide-v2': editions go round in a cycle (guide-v2 → guide-v2): "
         "the first edition names none"),
        (("    edition: Ver. 1.0\n", "    edition: Ver. 1.0\n    edition_of: guide-v2\n"),
         "catalog.yml:10: key 'edition_of' of 'guide-v1': editions go round in a cycle "
         "(guide-v1 → guide-v2 → guide-v1): the first edition names none"),
        (("edition_of: guide-v1", "edition_of: [guide-v1]"),
         "catalog.yml:18: key 'edition_of' of 'guide-v2': must be text, got ['guide-v1']"),
    ],
    ids=["unknown-id", "itself", "cycle", "not-text"],
)
def test_a_bad_edition_link_is_one_line_naming_the_line(tmp_path, change, message):
    folder = _folder(tmp_path, CATALOG.replace(*change))
    with pytest.raises(InputError) as caught:
        load_catalog(folder)
    assert str(caught.value).replace(str(folder / "catalog.yml"), "catalog.yml") == message


THIRD = """\
  - id: guide-v3
    title: 別の改訂
    body: 見本省
    date: 2025-01-10
    kind: guideline
    source: guide-v2.txt
    summary: 第1版から分かれた版。
    edition_of: guide-v1
"""


def test_an_edition_with_two_next_editions_is_refused(tmp_path):
    folder = _folder(tmp_path, CATALOG + THIRD)
    with pytest.raises(InputError) as caught:
        load_catalog(folder)
    assert str(caught.value).endswith(
        "catalog.yml:26: key 'edition_of' of 'guide-v3': 'guide-v1' already has a next edition, 'guide-v2' "
        "(line 18): name the latest edition instead")


def test_a_pair_of_different_kinds_or_structures_says_so_in_its_summary(tmp_path):
    slides = CATALOG.replace("kind: guideline\n    source: guide-v1.txt", "kind: slides\n    source: guide-v1.txt")
    convert(_folder(tmp_path / "kinds", slides), tmp_path / "kinds" / "out")
    page = (tmp_path / "kinds" / "out" / "editions" / "guide-v1--guide-v2.md").read_text(encoding="utf-8")
    assert "**構成の違いに注意**：旧版は説明資料、新版はガイドラインです。対応する節が見つかったのは両版の節の 83% " \
        in page
    # The same kind, but a rewrite that keeps nothing: most of it is added and removed, and it says so.
    folder = _folder(tmp_path / "rewrite")
    rewrite = "１．概要\n本書は全面的に書き改めた。\n２．体制\n推進本部を置く。\n"
    (folder / "guide-v2.txt").write_text(rewrite, encoding="utf-8")
    convert(folder, tmp_path / "rewrite" / "out")
    page = (tmp_path / "rewrite" / "out" / "editions" / "guide-v1--guide-v2.md").read_text(encoding="utf-8")
    assert "**構成の違いに注意**：対応する節が見つかったのは両版の節の 0% にとどまり" in page
    assert "| 追加（新版のみ） | 2 |" in page and "| 削除（旧版のみ） | 6 |" in page
