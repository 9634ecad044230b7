"""The command line: one clear line on bad input, never a traceback; exit status 1 when the catalog
is wrong, 3 when a document was refused (the others converted)."""

import shutil
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT, SOURCES

CLI = [sys.executable, str(ROOT / "scripts" / "convert.py")]
GOOD_ENTRY = """\
  - id: sample-doc
    title: 見本
    body: 見本省
    date: 令和6年4月1日
    kind: proposal
    source: sample.txt
    summary: 見本の文書。
"""


def run(sources, out):
    return subprocess.run([*CLI, "--sources", str(sources), "--out", str(out)],
                          capture_output=True, text=True, timeout=120)


def sample_folder(tmp_path, catalog_body):
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "sample.txt").write_text("１．はじめに\n本文です。\n", encoding="utf-8")
    (folder / "catalog.yml").write_text("documents:\n" + catalog_body, encoding="utf-8")
    return folder


def test_converts_another_folder_elsewhere(tmp_path):
    result = run(sample_folder(tmp_path, GOOD_ENTRY), tmp_path / "out")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "documents" / "sample-doc" / "index.md").read_text(encoding="utf-8")
    assert "## 1．はじめに {#1}" in page and "本文です。" in page


@pytest.mark.parametrize(
    ("entry", "line", "problem"),
    [
        (GOOD_ENTRY.replace("    kind: proposal\n", ""), 2, "key 'kind' of 'sample-doc': missing"),
        (GOOD_ENTRY.replace("令和6年4月1日", "令和6年13月1日"), 5, "key 'date' of 'sample-doc': bad date"),
        (GOOD_ENTRY.replace("sample.txt", "missing.txt"), 7,
         "key 'source' of 'sample-doc': unknown file 'missing.txt'"),
        (GOOD_ENTRY + GOOD_ENTRY, 9, "key 'id': duplicate id 'sample-doc' (first used at line 2)"),
        (GOOD_ENTRY.replace("id: sample-doc", "id: 見本"), 2, "key 'id': '見本' must be lowercase ASCII"),
    ],
    ids=["missing-key", "bad-date", "unknown-file", "duplicate-id", "bad-id"],
)
def test_catalog_errors_name_file_line_and_problem(tmp_path, entry, line, problem):
    folder = sample_folder(tmp_path, entry)
    result = run(folder, tmp_path / "out")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0] == lines[0].strip()
    assert f"{folder / 'catalog.yml'}:{line}: " in lines[0]
    assert problem in lines[0]
    assert "Traceback" not in result.stderr


SECOND_ENTRY = GOOD_ENTRY.replace("sample-doc", "second-doc").replace("sample.txt", "second.txt")


@pytest.mark.parametrize(
    ("payload", "problem"),
    [(b"", "file is empty"), (b"\x00\x01\x02binary\x00", "binary"), (b"abc\x80\xfd\xfe\xa0\x80", "cannot decode")],
    ids=["empty", "binary", "undecodable"],
)
def test_a_bad_source_file_is_refused_in_one_line_and_the_others_convert(tmp_path, payload, problem):
    folder = sample_folder(tmp_path, GOOD_ENTRY + SECOND_ENTRY)
    (folder / "second.txt").write_text("１．概要\n二つ目の文書です。\n", encoding="utf-8")
    (folder / "sample.txt").write_bytes(payload)
    result = run(folder, tmp_path / "out")
    assert result.returncode == 3, result.stderr  # something was refused; the rest is written
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("refused: sample-doc: ")
    assert str(folder / "sample.txt") in result.stderr and problem in result.stderr
    page = (tmp_path / "out" / "documents" / "second-doc" / "index.md").read_text(encoding="utf-8")
    assert "二つ目の文書です。" in page
    assert not (tmp_path / "out" / "documents" / "sample-doc").exists()
    report = (tmp_path / "out" / "conversion-report.md").read_text(encoding="utf-8")
    refused = report[report.index("## 変換できなかった文書"):].split("\n\n")[2]
    assert refused.startswith("- `sample-doc`: sample.txt: ") and problem in refused
    assert report.count("sample-doc") == 1  # listed once, and no row in the table


def test_compilation_parts_must_cover_every_line(tmp_path):
    folder = tmp_path / "src"
    shutil.copytree(SOURCES, folder)
    catalog = (folder / "catalog.yml").read_text(encoding="utf-8")
    # Drop the first part of the compilation: its lines would belong to no document.
    start = catalog.index("      - id: digital-nippon-2024")
    end = catalog.index("      - id:", start + 10)
    (folder / "catalog.yml").write_text(catalog[:start] + catalog[end:], encoding="utf-8")
    result = run(folder, tmp_path / "out")
    assert result.returncode == 1
    assert "belong to no part" in result.stderr


def test_yaml_syntax_error_names_the_line(tmp_path):
    folder = sample_folder(tmp_path, textwrap.dedent(GOOD_ENTRY) + "  - id: [unclosed\n")
    result = run(folder, tmp_path / "out")
    assert result.returncode == 1 and "catalog.yml:" in result.stderr and "invalid YAML" in result.stderr


def test_a_cp932_source_is_published_as_utf8_with_its_original_beside(tmp_path):
    """The 原文 link opens readable text: a browser shows CP932 served without a charset as mojibake."""
    folder = sample_folder(tmp_path, GOOD_ENTRY)
    text = "１．はじめに\n個人情報の保護と利活用を両立する。\n"
    (folder / "sample.txt").write_bytes(text.encode("cp932"))
    result = run(folder, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    published = tmp_path / "out" / "sources"
    assert (published / "sample.txt").read_bytes() == b"\xef\xbb\xbf" + text.encode("utf-8")
    assert (published / "sample.original.txt").read_bytes() == text.encode("cp932")
    page = (tmp_path / "out" / "documents" / "sample-doc" / "index.md").read_text(encoding="utf-8")
    assert "| 原文 | [sample.txt](../../sources/sample.txt)" in page


def test_a_utf8_source_is_published_as_it_is(tmp_path):
    folder = sample_folder(tmp_path, GOOD_ENTRY)
    assert run(folder, tmp_path / "out").returncode == 0
    published = tmp_path / "out" / "sources"
    assert (published / "sample.txt").read_bytes() == (folder / "sample.txt").read_bytes()
    assert sorted(p.name for p in published.iterdir()) == ["sample.txt"]
