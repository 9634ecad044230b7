"""The same sources give byte-identical pages, and the committed docs/ is that output."""

import filecmp
from pathlib import Path

from atlas.convert import convert
from conftest import ROOT, SOURCES, build_site

HAND_WRITTEN = {"about.md", "tags.md", "assets"}


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] not in HAND_WRITTEN
    }


def test_two_conversions_are_byte_identical(converted, converted_by_cli):
    """This process's conversion and convert.py's in another process (another hash seed, and --dump on)."""
    assert tree(converted_by_cli[0]) == tree(converted[0])


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


def test_two_site_builds_are_byte_identical(tmp_path, site):
    """Another build beside the session's (the same time stamp, conftest.BUILD_ENV)."""
    build_site(tmp_path / "two", "-q").check_returncode()
    one, two = tree(site), tree(tmp_path / "two")
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


# Here rather than in test_serialize.py: the CLI conversion (conftest.converted_by_cli) is a session
# fixture, made once per test worker that needs it; with both of its users in one file (--dist
# loadfile) the suite makes it once instead of once on each worker.
def test_dump_writes_what_each_stage_made(converted_by_cli) -> None:
    """`convert.py --dump DIR`: the model after each stage that changed it, readable again."""
    from atlas.model.document import Document, Draft
    from atlas.model.serialize import from_json

    dump = converted_by_cli[1]
    stages = sorted(path.name for path in (dump / "digital-nippon-2024").iterdir())
    assert stages[0] == "01-read.json" and "02-structure.json" in stages and "07-nest.json" in stages
    read = from_json((dump / "digital-nippon-2024" / "01-read.json").read_text(encoding="utf-8"))
    assert isinstance(read, Document) and read.lines and not read.sections  # lines, nothing built yet
    draft = from_json((dump / "digital-nippon-2024" / "02-structure.json").read_text(encoding="utf-8"))
    assert isinstance(draft, Draft) and draft.items
    # Sections are nested with ids before the lock pins the published ones; themes come later still.
    anchored = from_json((dump / "digital-nippon-2024" / "08-anchors.json").read_text(encoding="utf-8"))
    assert isinstance(anchored, Document) and all(s.anchor for s in anchored.all_sections())
    assert not any(s.themes for s in anchored.all_sections())
    last = from_json((dump / "digital-nippon-2024" / stages[-1]).read_text(encoding="utf-8"))
    assert isinstance(last, Document) and any(s.themes for s in last.all_sections())
