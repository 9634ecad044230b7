"""The data files' models (atlas/schema.py): each mistake is one line naming file, line and key;
the real files load; the published JSON Schemas and README's key table are what the models say."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from atlas.config.catalog import load_catalog
from atlas.config.publish_schema import README_BEGIN, README_END, keys_table, schemas
from atlas.config.schema import DATE_PATTERN
from atlas.config.yamlfile import load_located
from atlas.enrich.glossary import load_glossary
from atlas.enrich.themes import load_themes
from atlas.model.errors import InputError
from atlas.text.labels import KIND_LABELS
from atlas.text.wareki import parse_partial_date
from atlas.write.write_themes import load_events
from conftest import ROOT, SOURCES

# Twelve lines: a document, its table (lines 5–8) and a closing paragraph.
SAMPLE = "\n".join([
    "１．はじめに", "本文です。", "", "２．表",
    "区分 件数", "東京 12", "大阪 8", "合計 20",
    "", "３．おわりに", "以上です。", "（了）",
]) + "\n"

ENTRY = """\
documents:
  - id: sample
    title: 見本
    body: 見本省
    date: 2024-04-01
    kind: proposal
    source: sample.txt
    summary: 見本の文書。
"""


def folder_with(tmp_path: Path, catalog: str, lock: dict | None = None) -> Path:
    folder = tmp_path / "src"
    folder.mkdir(exist_ok=True)
    (folder / "sample.txt").write_text(SAMPLE, encoding="utf-8")
    (folder / "catalog.yml").write_text(catalog, encoding="utf-8")
    if lock is not None:
        (folder / "anchors.lock").write_text(json.dumps(lock), encoding="utf-8")
    return folder


def error_of(folder: Path) -> str:
    with pytest.raises(InputError) as caught:
        load_catalog(folder)
    return str(caught.value).replace(str(folder / "catalog.yml"), "catalog.yml")


COMPILATION = """\
documents:
  - id: both
    title: 合本
    body: 見本省
    date: 2024-04-01
    kind: compilation
    source: sample.txt
    summary: 二つの文書。
    parts:
      - id: first-part
        title: 前半
        body: 見本省
        date: 2024-04-01
        kind: proposal
        lines: [1, 4]
        summary: 前半。
      - id: second-part
        title: 後半
        body: 見本省
        date: 2024-04-01
        kind: proposal
        lines: [5, 12]
        summary: 後半。
"""


@pytest.mark.parametrize(
    ("catalog", "message"),
    [
        (ENTRY + "    preformated:\n      - [5, 8]\n",
         "catalog.yml:9: key 'preformated' of 'sample': unknown key (did you mean 'preformatted'?)"),
        (ENTRY + "    slide_titels: [区分 件数]\n",
         "catalog.yml:9: key 'slide_titels' of 'sample': unknown key (did you mean 'slide_titles'?)"),
        (ENTRY.replace("    summary:", "    sumary:"),
         "catalog.yml:8: key 'sumary' of 'sample': unknown key (did you mean 'summary'?)"),
        (ENTRY.replace("documents:", "document:"),
         "catalog.yml:1: key 'document': unknown key (did you mean 'documents'?)"),
        (ENTRY + "    colour: red\n", "catalog.yml:9: key 'colour' of 'sample': unknown key"),
        (ENTRY + "    slide_titles: [abc]\n", "catalog.yml:9: key 'slide_titles' of 'sample': no line reads 'abc'"),
        (ENTRY + "    slide_titles: [[1, 2]]\n",
         "catalog.yml:9: key 'slide_titles' of 'sample': [1, 2] is neither a line number (1 or more) nor the text "
         "of a line"),
        (ENTRY + "    preformatted: [abc]\n",
         "catalog.yml:9: key 'preformatted' of 'sample': 'abc' is not a [first, last] pair"),
        (ENTRY + "    preformatted:\n      - [8, 5]\n",
         "catalog.yml:10: key 'preformatted' of 'sample': [8, 5] is not [first, last] line numbers with first ≤ last"),
        (ENTRY + "    preformatted: [[9000, 9999]]\n",
         "catalog.yml:9: key 'preformatted' of 'sample': lines 9000–9999 are outside sample.txt (has 12 lines)"),
        (ENTRY + "    preformatted:\n      - [5, 7]\n      - [7, 8]\n",
         "catalog.yml:11: key 'preformatted' of 'sample': the table at lines 7–8 overlaps the one at lines 5–7"),
        (ENTRY + "    preformatted:\n      - [区分 件数, 合計 20]\n      - [6, 6]\n",
         "catalog.yml:11: key 'preformatted' of 'sample': the table at line 6 overlaps the one at lines 5–8"),
        (ENTRY + "    not_headings: [13]\n",
         "catalog.yml:9: key 'not_headings' of 'sample': line 13 is outside sample.txt (has 12 lines)"),
        (ENTRY + "    slides: 1\n", "catalog.yml:9: key 'slides' of 'sample': must be true or false, got 1"),
        (ENTRY.replace("title: 見本", "title: 2024"),
         "catalog.yml:3: key 'title' of 'sample': must be text, got 2024 (write it in quotes)"),
        (ENTRY.replace("title: 見本", "title: ''"), "catalog.yml:3: key 'title' of 'sample': must not be empty"),
        (ENTRY + "    format: docx\n",
         "catalog.yml:9: key 'format' of 'sample': unknown format 'docx'; use pdf, pdf-text or clean"),
        (ENTRY + "    format: pdf-txt\n",
         "catalog.yml:9: key 'format' of 'sample': unknown format 'pdf-txt' (did you mean 'pdf-text'?); "
         "use pdf, pdf-text or clean"),
        (ENTRY.replace("kind: proposal", "kind: proposals"),
         "catalog.yml:6: key 'kind' of 'sample': unknown kind 'proposals' (did you mean 'proposal'?); write it in "
         "Japanese, or use one of: " + ", ".join(KIND_LABELS)),
        (ENTRY.replace("kind: proposal", "kind: memorandum"),
         "catalog.yml:6: key 'kind' of 'sample': unknown kind 'memorandum'; write it in Japanese, or use one of: "
         + ", ".join(KIND_LABELS)),
        (ENTRY.replace("    kind: proposal\n", ""), "catalog.yml:2: key 'kind' of 'sample': missing (it is required)"),
        (ENTRY.replace("date: 2024-04-01", "date: 2024-13"),
         "catalog.yml:5: key 'date' of 'sample': bad date '2024-13' "
         "(use 2024-05-21, 2024-05, 2024, 令和6年5月21日 or 令和6年5月)"),
        (ENTRY + "    url: ftp://example.org/a.pdf\n",
         "catalog.yml:9: key 'url' of 'sample': 'ftp://example.org/a.pdf' is not an http:// or https:// address"),
        (ENTRY.replace("id: sample", "id: Sample_1"),
         "catalog.yml:2: key 'id': 'Sample_1' must be lowercase ASCII words joined by '-' (it is part of a URL), "
         "like 'dfft-2021'"),
        (ENTRY + ENTRY.removeprefix("documents:\n"),
         "catalog.yml:9: key 'id': duplicate id 'sample' (first used at line 2)"),
        (ENTRY + "    kind: minutes\n", "catalog.yml:9: key 'kind' given twice (first at line 6)"),
        (ENTRY.replace("sample.txt", "missing.txt"),
         "catalog.yml:7: key 'source' of 'sample': unknown file 'missing.txt' (not in {folder})"),
        (ENTRY + "    format: clean\n    slides: true\n",
         "catalog.yml:10: key 'slides' of 'sample': helps read PDF text; clean text says its structure itself"),
        (COMPILATION.replace("lines: [5, 12]", "lines: [4, 12]"),
         "catalog.yml:22: key 'lines' of 'second-part': part starting at line 4 overlaps the part before it"),
        (COMPILATION.replace("lines: [5, 12]", "lines: [6, 12]"),
         "catalog.yml:22: key 'lines' of 'second-part': lines 5–5 of sample.txt belong to no part"),
        (COMPILATION.replace("lines: [5, 12]", "lines: [5, 30]"),
         "catalog.yml:22: key 'lines' of 'second-part': lines 5–30 are outside sample.txt (has 12 lines)"),
        (COMPILATION.replace("lines: [5, 12]", "lines: [5, 11]"),
         "catalog.yml:9: key 'parts' of 'both': parts of 'both' end at line 11, but sample.txt has 12 lines"),
        (COMPILATION.replace("        lines: [1, 4]\n", "        line: [1, 4]\n"),
         "catalog.yml:15: key 'line' of 'first-part': unknown key (did you mean 'lines'?)"),
    ],
    ids=["preformated", "slide_titels", "sumary", "document", "colour", "slide-title-text-missing",
         "slide-title-list", "preformatted-not-pair", "preformatted-backwards", "preformatted-past-end",
         "preformatted-overlap", "preformatted-overlap-by-text", "not-heading-past-end", "slides-not-bool",
         "title-number", "title-empty", "format-unknown", "format-misspelt", "kind-misspelt", "kind-english-unlabelled",
         "missing-key",
         "bad-date", "url-not-http", "bad-id", "duplicate-id", "duplicate-key", "unknown-file", "clean-with-hint",
         "parts-overlap", "parts-gap", "part-past-end", "parts-short", "part-unknown-key"],
)
def test_each_catalog_mistake_is_one_line_with_file_line_and_key(tmp_path, catalog, message):
    folder = folder_with(tmp_path, catalog)
    assert error_of(folder) == message.format(folder=folder)


def test_an_id_that_would_change_a_published_url_is_refused(tmp_path):
    published = {"sample": {"1.はじめに": "1"}}
    renamed = folder_with(tmp_path, ENTRY.replace("id: sample", "id: sample-2024"), published)
    assert error_of(renamed) == ("catalog.yml:2: key 'id': 'sample-2024' would change the published URL "
                                 "/documents/sample/ (anchors.lock lists it): keep the id 'sample'")
    (renamed / "catalog.yml").write_text(ENTRY, encoding="utf-8")
    assert [e.meta.id for e in load_catalog(renamed)] == ["sample"]
    (renamed / "anchors.lock").write_text(json.dumps({**published, "gone": {}}), encoding="utf-8")
    assert error_of(renamed) == ("catalog.yml:1: key 'documents': published document 'gone' (anchors.lock) is "
                                 "missing: its URL /documents/gone/ would break (restore its entry, or remove it "
                                 "from anchors.lock to retire it on purpose)")


@pytest.mark.parametrize(
    ("date", "day", "precision"),
    [("2024-04-01", datetime.date(2024, 4, 1), "day"), ("令和6年5月21日", datetime.date(2024, 5, 21), "day"),
     ("2014-03", datetime.date(2014, 3, 1), "month"), ("令和6年5月", datetime.date(2024, 5, 1), "month"),
     ("2024年5月", datetime.date(2024, 5, 1), "month"), ("2014", datetime.date(2014, 1, 1), "year"),
     ("平成31年", datetime.date(2019, 1, 1), "year")],
)
def test_a_date_keeps_its_precision(tmp_path, date, day, precision):
    folder = folder_with(tmp_path, ENTRY.replace("2024-04-01", date))
    meta = load_catalog(folder)[0].meta
    assert (meta.date, meta.date_precision) == (day, precision)


@pytest.mark.parametrize("kind", ["white paper", "White_Paper", "FAQ", "中間とりまとめ"])
def test_a_kind_in_english_with_a_label_or_in_japanese_is_taken_as_written(tmp_path, kind):
    folder = folder_with(tmp_path, ENTRY.replace("kind: proposal", f"kind: {kind}"))
    assert load_catalog(folder)[0].meta.kind == kind


def test_optional_keys_reach_the_model(tmp_path):
    folder = folder_with(tmp_path, ENTRY + "    url: https://www.example.go.jp/a.pdf\n"
                                           "    slide_titles: [３．おわりに]\n"
                                           "    preformatted:\n      - [区分 件数, 合計 20]\n      - [11, 12]\n")
    entry = load_catalog(folder)[0]
    assert entry.meta.url == "https://www.example.go.jp/a.pdf"
    assert entry.meta.format == "pdf-text" and entry.meta.date_precision == "day"
    assert entry.hints.slide_title_texts == ("３．おわりに",)
    assert entry.hints.preformatted == ((11, 12),)
    assert entry.hints.preformatted_texts == (("区分 件数", "合計 20"),)


@pytest.mark.parametrize(
    ("hint", "problem"),
    [("preformated: [[5, 8]]", "key 'preformated' of 'sample': unknown key (did you mean 'preformatted'?)"),
     ("slide_titles: [[1, 2]]", "[1, 2] is neither a line number"),
     ("preformatted: [abc]", "'abc' is not a [first, last] pair"),
     ("preformatted: [[9000, 9999]]", "lines 9000–9999 are outside sample.txt (has 12 lines)")],
    ids=["misspelt", "slide-titles-list", "preformatted-text", "past-end"],
)
def test_the_command_line_prints_one_line_and_no_traceback(tmp_path, hint, problem):
    folder = folder_with(tmp_path, ENTRY + f"    {hint}\n")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "convert.py"), "--sources", str(folder),
                             "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {folder / 'catalog.yml'}:9: ") and problem in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("name", "load", "old", "new", "message"),
    [
        ("themes.yml", load_themes, "related: [data-strategy, personal-information, cybersecurity]",
         "related: [data-strategy, personal-info, cybersecurity]",
         "themes.yml:19: key 'related' of 'dfft': unknown theme 'personal-info' "
         "(did you mean 'personal-information'?)"),
        ("themes.yml", load_themes, "    definition: プライバシーや", "    defintion: プライバシーや",
         "themes.yml:16: key 'defintion' of 'dfft': unknown key (did you mean 'definition'?)"),
        ("themes.yml", load_themes, "  - id: ai\n", "  - id: dfft\n",
         "themes.yml:21: key 'id': duplicate theme id 'dfft' (first used at line 12)"),
        ("themes.yml", load_themes, "        with: [政府,", "        wiht: [政府,",
         "themes.yml:104: key 'wiht' of 'data-infrastructure': unknown key (did you mean 'with'?)"),
        ("glossary.yml", load_glossary, "{term: KGI,", "{term: KPI,",
         "glossary.yml:10: key 'term': 'KPI' is explained twice (first at line 9)"),
        ("glossary.yml", load_glossary, "{term: G7,", "{term: 7,",
         "glossary.yml:13: key 'term': must be text, got 7 (write it in quotes)"),
        ("events.yml", load_events, "{date: 2017-07,", "{date: 2017-13,",
         "events.yml:7: key 'date' of 'G20ハンブルク・サミット（ドイツ）': bad date '2017-13' "
         "(use 2024-05-21, 2024-05, 2024, 令和6年5月21日 or 令和6年5月)"),
        ("events.yml", load_events, "{date: 2017-07, title:", "{date: 2017-07, titel:",
         "events.yml:7: key 'titel': unknown key (did you mean 'title'?)"),
    ],
    ids=["theme-related", "theme-misspelt", "theme-duplicate", "theme-ambiguous-misspelt", "glossary-duplicate",
         "glossary-number", "event-date", "event-misspelt"],
)
def test_themes_glossary_and_events_mistakes_name_line_and_key(tmp_path, name, load, old, new, message):
    text = (SOURCES / name).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(path)
    assert str(caught.value) == f"{tmp_path}/{message}"


def test_the_real_data_files_load():
    entries = load_catalog(SOURCES)
    ids = [item.meta.id for entry in entries for item in [entry, *entry.parts]]
    assert len(ids) == 12 and len(set(ids)) == 12
    assert set(json.loads((SOURCES / "anchors.lock").read_text(encoding="utf-8"))) <= set(ids)
    assert len(load_themes(SOURCES / "themes.yml")) >= 10
    assert len(load_glossary(SOURCES / "glossary.yml")) >= 20
    events = load_events(SOURCES / "events.yml")
    assert ("2017年7月", datetime.date(2017, 7, 1)) in [(e.label, e.when) for e in events]  # a month-only event


@pytest.mark.parametrize("name", ["catalog", "themes", "glossary", "events"])
def test_the_published_json_schema_is_the_models_and_checks_the_file(name):
    published = (SOURCES / f"{name}.schema.json").read_text(encoding="utf-8")
    assert published == schemas()[f"{name}.schema.json"], "run .venv/bin/python scripts/write_schemas.py"
    first = (SOURCES / f"{name}.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={name}.schema.json"
    # What an editor does with it: the file as it is passes.
    jsonschema.validate(load_located(SOURCES / f"{name}.yml").data, json.loads(published))


def test_the_json_schema_rejects_what_the_converter_rejects():
    schema = json.loads((SOURCES / "catalog.schema.json").read_text(encoding="utf-8"))
    good = {"id": "sample", "title": "見本", "body": "見本省", "date": "令和6年5月", "kind": "proposal",
            "source": "sample.txt", "summary": "見本。"}
    jsonschema.validate({"documents": [good, {**good, "kind": "中間とりまとめ"}]}, schema)
    for bad in ({"kind": "memorandum"}, {"preformated": [[5, 8]]}, {"format": "docx"}, {"slide_titles": [[1, 2]]},
                {"date": "2024-13-45x"},
                {"url": "ftp://example.org/"}, {"id": "Sample_1"}, {"lines": [1]}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({"documents": [{**good, **bad}]}, schema)


def test_readme_documents_every_catalog_key_from_the_schema():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(README_BEGIN) + len(README_BEGIN) + 1: readme.index(README_END)]
    assert block == keys_table(), "run .venv/bin/python scripts/write_schemas.py"
    keys = re.findall(r"^\| `([a-z_]+)` \|", block, re.MULTILINE)
    assert {"id", "date", "url", "format", "preformatted", "parts"} <= set(keys)


@pytest.mark.parametrize("text", ["2024-05-21", "2024-05", "2024", "令和6年5月21日", "令和6年5月", "令和元年",
                                  "平成 28 年 12 月 14 日", "令和６年１月１日", "2024年5月", "2019年1月23日"])
def test_the_schemas_date_pattern_accepts_what_the_converter_reads(text):
    assert re.fullmatch(DATE_PATTERN, text) and parse_partial_date(text)


@pytest.mark.parametrize("text", ["2024-5", "令和6年5月21", "来年春", "May 2024", "R6.5"])
def test_the_schemas_date_pattern_refuses_what_the_converter_refuses(text):
    assert not re.fullmatch(DATE_PATTERN, text)
    with pytest.raises(ValueError):
        parse_partial_date(text)
