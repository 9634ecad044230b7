"""The same sources give byte-identical pages, and the committed docs/ is that output."""

import filecmp
import os
import subprocess
from pathlib import Path

from atlas.convert import convert
from conftest import ROOT, SOURCES

HAND_WRITTEN = {"about.md", "tags.md", "assets"}


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] not in HAND_WRITTEN
    }


def test_two_conversions_are_byte_identical(tmp_path, converted):
    again = tmp_path / "again"
    convert(SOURCES, again)
    assert tree(again) == tree(converted[0])


def test_committed_docs_match_a_fresh_conversion(converted):
    fresh, committed = tree(converted[0]), tree(ROOT / "docs")
    stale = sorted(name for name in fresh.keys() | committed.keys()
                   if fresh.get(name) != committed.get(name))
    assert not stale, f"docs/ is out of date, run `make convert`: {stale[:10]}"


def test_mkdocs_nav_matches_the_generated_nav(converted):
    nav = (converted[0] / ".nav.yml").read_text(encoding="utf-8")
    assert nav in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_source_copies_are_the_catalog_sources():
    for source in SOURCES.glob("*.txt"):
        assert filecmp.cmp(source, ROOT / "docs" / "sources" / source.name, shallow=False)


def test_two_site_builds_are_byte_identical(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000",
           "HOME": os.environ.get("HOME", "/tmp")}
    for name in ("one", "two"):
        subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "-q", "-d", str(tmp_path / name)],
                       cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_anchor_lock_records_every_heading(converted):
    from atlas.config.locks import load_lock
    from atlas.enrich.anchors import updated_lock

    lock = load_lock(SOURCES / "anchors.lock")
    documents = [d for d in converted[1] if d.lines]
    assert updated_lock(documents, lock) == lock, "new headings: run scripts/convert.py --update-anchors"


def test_published_anchors_survive_a_new_heading_before_them(tmp_path):
    import shutil

    changed = tmp_path / "src"
    shutil.copytree(SOURCES, changed)
    minutes = changed / "ai-strategy-council-3-2025.txt"
    text = minutes.read_text(encoding="utf-8")
    # a new unnumbered block before the first speaker: positions of all speakers shift by one
    minutes.write_text(text.replace("【生貝委員】", "【新設の項目】\n\n- ・ 新しい発言である。\n\n【生貝委員】", 1),
                       encoding="utf-8")
    documents = {d.meta.id: d for d in convert(changed, tmp_path / "out")}
    anchors = {s.title: s.anchor for s in documents["ai-strategy-council-3-2025"].all_sections()}
    assert anchors["【生貝委員】"] == "4-s1" and anchors["【小野田人工知能戦略担当大臣】"] == "4-s18"
    assert anchors["【新設の項目】"] not in {a for t, a in anchors.items() if t != "【新設の項目】"}
