"""Clean text: the converter's own output read back gives the same document (idempotence).

A document is converted from PDF text, written as clean text (write_clean), read again as
``format: clean`` (read_clean) and written again: the second document has the same sections,
numbers, anchors, blocks, footnote references and notes, and the second clean text is byte for
byte the first.  Checked on all eleven real documents and, with hypothesis, on arbitrary text.
"""

from __future__ import annotations

import dataclasses
import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_bad_input import CATALOG as BAD_INPUT_CATALOG
from test_bad_input import TEXTS

from atlas.check.report import document_report
from atlas.config.catalog import Entry, load_catalog
from atlas.config.locks import load_lock
from atlas.enrich.anchors import apply_lock
from atlas.model.document import Document, DocumentMeta, ListBlock, Paragraph, Section
from atlas.pipeline import build_document
from atlas.structure.anchors import assign_anchors
from atlas.structure.structure import Hints
from atlas.write.write_clean import clean_text
from conftest import ROOT, SOURCES


def block_shape(block) -> tuple:
    if isinstance(block, Paragraph):
        return ("paragraph", block.kind, block.text, [(r.offset, r.label) for r in block.refs])
    if isinstance(block, ListBlock):
        return ("list", block.ordered, [(i.marker, i.text, [(r.offset, r.label) for r in i.refs]) for i in block.items])
    return ("table", block.rows)


def section_shape(section: Section) -> tuple:
    return (section.level, section.number, section.title, section.anchor,
            [block_shape(b) for b in section.blocks], [section_shape(c) for c in section.children])


def shape(document: Document) -> tuple:
    """Everything a reader sees of a document, without the source line numbers."""
    return ([block_shape(b) for b in document.preamble], [section_shape(s) for s in document.sections],
            [(note.label, note.text) for note in document.footnotes])


def meta(source: str, source_format: str) -> DocumentMeta:
    return DocumentMeta("sample", "見本", "見本省", datetime.date(2024, 4, 1), "proposal", source, "見本。",
                        format=source_format)


def read_back(text: str, folder: Path) -> Document:
    """Convert ``text`` as clean text (the way a catalog entry with ``format: clean`` is)."""
    (folder / "clean.txt").write_text(text, encoding="utf-8")
    document = build_document(Entry(meta("clean.txt", "clean"), Hints(), 1), folder)
    assign_anchors(document.sections)
    return document


@pytest.mark.parametrize("doc_id", [part.meta.id for entry in load_catalog(SOURCES)
                                    for part in (entry.parts or [entry])])
def test_a_real_document_read_back_from_its_clean_text_is_the_same(tmp_path, converted, documents, doc_id):
    """The published file (BOM and all), saved as a source with ``format: clean``."""
    first = documents[doc_id]
    published = (converted[0] / "documents" / doc_id / f"{doc_id}.txt").read_bytes()
    (tmp_path / "clean.txt").write_bytes(published)
    source = dataclasses.replace(first.meta, source="clean.txt", format="clean", lines=None, parent=None)
    second = build_document(Entry(source, Hints(), 1), tmp_path)
    apply_lock(second, load_lock(SOURCES / "anchors.lock"))  # as convert() does for every document
    assert shape(second) == shape(first)
    assert "\ufeff" + clean_text(second) == published.decode("utf-8")
    assert document_report(second).conserved


# Pieces the converter reacts to: heading numbers of every scheme, list markers, captions, the
# clean format's own syntax, footnote rules and labels, page numbers, TOC leaders, blank runs.
MARKED_PIECES = st.sampled_from([
    "あいう", "データ", "。", "、", "１．", "1.", "2．", "（1）", "（２）", "ア．", "イ ", "第1章", "第二章",
    "【概要】", "【課題】", "≪枠≫", "― ", "〇", "・", "①", "②", "※", "- ", "図1 ", "表2 ", "Fig. 3 ", "```", "---",
    "\\", "[^", "]", "1", "2", "3", " ", " " * 10, "\t", "\n", "\n\n", "\n\n\n\n", "#", "## ", "[1．] ", "はじめに",
    "A I", "web3", "ー", "を", "」", "「", "＊1", "*2", "：", "12", "- 3 -", "....", "…", "　",
    "｜", "《", "》", "｜見本《みほん》",  # clean text's ruby notation, written by hand in a text
])
MARKED_TEXTS = st.lists(MARKED_PIECES, min_size=1, max_size=60).map("".join)
SLIDE_HINTS = Hints(slides=True, preformatted=((9, 12),), slide_titles=frozenset({3}))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS | MARKED_TEXTS, hints=st.sampled_from([Hints(), SLIDE_HINTS]))
# Found by this test: a line the catalog names as a slide title but holding a tab is a table's row.
@example(text="\n\n\t0", hints=SLIDE_HINTS)
def test_any_text_read_back_from_its_clean_text_is_the_same(tmp_path, text, hints):
    if not text.strip():
        return
    (tmp_path / "sample.txt").write_text(text, encoding="utf-8")
    first = build_document(Entry(meta("sample.txt", "pdf-text"), hints, 1), tmp_path)
    once = clean_text(first)
    if not once.strip():
        return  # only page numbers and such: no text to write (an empty file is refused)
    second = read_back(once, tmp_path)
    assert shape(second) == shape(first)
    assert clean_text(second) == once


HAND_CORRECTED = """\
# 1．発災直後の課題

被災者の把握に時間がかかった[^1]。脚注のない [^9] はそのまま。

## （1）通信

・携帯電話の基地局が停止した
・衛星通信で補った

地域\t避難所数
輪島市\t100

図1 避難所の分布

```
左欄　右欄
\\```
```

\\# で始まる段落、\\[^1] と \\\\ も文字どおり

## [] 1．番号に見えても番号なし

---

[^1]: 内閣府調べ。
"""


def test_hand_corrected_clean_text_reads_as_written(tmp_path):
    document = read_back(HAND_CORRECTED, tmp_path)
    (chapter,) = document.sections
    assert (chapter.level, chapter.number, chapter.title, chapter.anchor) == (1, "1．", "発災直後の課題", "1")
    paragraph = chapter.blocks[0]
    assert paragraph.text == "被災者の把握に時間がかかった。脚注のない [^9] はそのまま。"
    assert [(r.offset, r.label) for r in paragraph.refs] == [(14, "1")]
    first, second = chapter.children
    assert (first.number, first.title, first.anchor) == ("（1）", "通信", "1-1")
    items, table, caption, pre, escaped = first.blocks
    assert [(i.marker, i.text) for i in items.items] == [
        ("・", "携帯電話の基地局が停止した"), ("・", "衛星通信で補った")]
    assert table.rows == [["地域", "避難所数"], ["輪島市", "100"]]
    assert (caption.kind, caption.text) == ("caption", "図1 避難所の分布")
    assert (pre.kind, pre.text) == ("preformatted", "左欄\u3000右欄\n```")
    assert (escaped.kind, escaped.text, escaped.refs) == ("paragraph", "# で始まる段落、[^1] と \\ も文字どおり", [])
    assert (second.number, second.title, second.anchor) == ("", "1．番号に見えても番号なし", "1-s1")
    assert [(n.label, n.text) for n in document.footnotes] == [("1", "内閣府調べ。")]
    assert document_report(document).conserved


CATALOG = BAD_INPUT_CATALOG + "    format: clean\n"


def convert_clean(tmp_path: Path, text: str, catalog: str = CATALOG,
                  folder: Path | None = None) -> subprocess.CompletedProcess[str]:
    folder = folder or tmp_path / "src"
    folder.mkdir(exist_ok=True)
    (folder / "catalog.yml").write_text(catalog, encoding="utf-8")
    (folder / "sample.txt").write_text(text, encoding="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "convert.py"), "--sources", str(folder),
                           "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=120)


def test_a_clean_source_becomes_a_page_and_its_own_clean_text(tmp_path):
    result = convert_clean(tmp_path, HAND_CORRECTED)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "documents" / "sample" / "index.md").read_text(encoding="utf-8")
    assert "## 1．発災直後の課題 {#1}" in page and "### （1）通信 {#1-1}" in page
    assert "被災者の把握に時間がかかった[^1]。" in page and "[^1]: 内閣府調べ。" in page
    written = (tmp_path / "out" / "documents" / "sample" / "sample.txt").read_text(encoding="utf-8")
    # Written again: the same text, with the undefined "[^9]" now escaped as the literal it is.
    # (The published file starts with a BOM so that browsers take it for UTF-8; the reader skips it.)
    assert written == "\ufeff" + HAND_CORRECTED.replace(" [^9] ", " \\[^9] ")


@pytest.mark.parametrize(
    ("text", "catalog", "where", "problem"),
    [
        ("# 1．見出し\n\n```\n表\n", CATALOG, "sample.txt:3", "never closed"),
        ("本文。\n\n---\n\n本文ではない\n", CATALOG, "sample.txt:5", "must be a note"),
        ("本文。\n\n---\n\n本文。\n\n---\n\n[^1]: 注。\n", CATALOG, "sample.txt:3", "only stands before the notes"),
        ("本文。\n", CATALOG + "    slides: true\n", "catalog.yml:10", "key 'slides' of 'sample': helps read PDF text"),
        ("本文。\n", CATALOG.replace("format: clean", "format: docx"), "catalog.yml:9",
         "key 'format' of 'sample': unknown format 'docx'"),
    ],
    ids=["unclosed-fence", "bad-note", "stray-rule", "pdf-hint", "unknown-format"],
)
def test_bad_clean_text_stops_with_one_line(tmp_path, text, catalog, where, problem):
    result = convert_clean(tmp_path, text, catalog)
    # A wrong catalog stops everything (1); a bad file refuses its own document only (3).
    assert result.returncode == (1 if where.startswith("catalog.yml") else 3)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"{where}: " in result.stderr and problem in result.stderr


def test_a_part_of_the_compilation_corrected_by_hand(tmp_path):
    """防災DX lost its numbered headings in extraction: staff restore one in its clean text."""
    folder = tmp_path / "src"
    shutil.copytree(SOURCES, folder)
    published = (ROOT / "docs" / "documents" / "bosai-dx-2024" / "bosai-dx-2024.txt").read_text(encoding="utf-8")
    assert "\n# 【主な課題】\n" in published
    corrected = published.replace("# 【主な課題】", "# 1．次期総合防災情報システム\n\n## 【主な課題】", 1)
    (folder / "bosai-dx-2024-corrected.txt").write_text(corrected, encoding="utf-8")
    catalog = (folder / "catalog.yml").read_text(encoding="utf-8")
    part = "        kind: proposal\n        lines: [4860, 5386]\n"
    assert part in catalog
    catalog = catalog.replace(part, part + "        source: bosai-dx-2024-corrected.txt\n        format: clean\n")
    (folder / "catalog.yml").write_text(catalog, encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "convert.py"), "--sources", str(folder),
                             "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    page = (out / "documents" / "bosai-dx-2024" / "index.md").read_text(encoding="utf-8")
    assert "## 1．次期総合防災情報システム {#1}" in page
    assert "### 【主な課題】 {#1-s1}" in page
    assert "ldp-digital-nippon-2024-compilation.txt の行 4860–5386 を整えたもの" in page
    assert (out / "sources" / "bosai-dx-2024-corrected.txt").read_text(encoding="utf-8") == corrected
    for other in ("web3-white-paper-2024/index.md", "cybersecurity-2024/index.md"):  # the other parts unchanged
        assert (out / "documents" / other).read_bytes() == (ROOT / "docs" / "documents" / other).read_bytes()


def test_a_part_with_its_own_file_must_say_which_lines_it_stands_for(tmp_path):
    catalog = CATALOG.replace("    format: clean\n", "    parts:\n      - id: part-one\n        title: 一\n"
                              "        body: 見本省\n        date: 2024-04-01\n        kind: proposal\n"
                              "        summary: 一。\n        source: corrected.txt\n        format: clean\n")
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "corrected.txt").write_text("本文。\n", encoding="utf-8")
    result = convert_clean(tmp_path, "本文。\n", catalog, folder)
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert "catalog.yml:16: key 'source' of 'part-one': a part with its own source must give 'lines'" in result.stderr
