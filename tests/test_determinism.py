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
