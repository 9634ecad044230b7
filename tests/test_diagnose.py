"""Structure warnings (atlas.check.diagnose): implausible outlines are reported, plausible ones are not."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from atlas.check.diagnose import (
    CHARS_PER_HEADING,
    MAX_SECTION_CHARS,
    NUMBER_PARAGRAPH,
    warnings,
)
from atlas.check.report import document_report
from atlas.model.document import Document, DocumentMeta, Paragraph, Section, SourceSpan
from atlas.structure.nesting import nest
from atlas.structure.structure import Hints, read_structure
from atlas.text.clean import classify
from atlas.write.report_page import report_markdown
from conftest import ROOT

META = DocumentMeta("sample", "見本", "見本省", date(2024, 4, 1), "guideline", "sample.txt", "見本。")
# A sentence of 50 characters, as a guideline's body text runs.
SENTENCE = "本ガイドラインは、情報システムの安全性を確保するため、事業者が講ずべき措置を定めるものである。"


def paragraph(text: str, line: int, lines: int = 3, kind: str = "paragraph") -> Paragraph:
    return Paragraph(text, SourceSpan(line, line + lines - 1), kind=kind)


def prose(n_chars: int, line: int) -> list[Paragraph]:
    """Paragraphs of whole sentences (several source lines each) adding up to about n_chars."""
    per = SENTENCE * 8
    return [paragraph(per, line + 10 * i, lines=8) for i in range(max(1, n_chars // len(per)))]


def kinds(document: Document) -> list[str]:
    return [w.kind for w in warnings(document)]


def test_flat_long_document_warns_of_few_headings_and_a_long_section():
    # 40,000 characters under one heading: what a lost outline looks like.
    section = Section("はじめに", 1, SourceSpan(1, 1), number="1．", blocks=prose(40_000, 2))
    document = Document(META, sections=[section])
    chars = document.text_length
    assert chars > 35_000
    found = {w.kind: w for w in warnings(document)}
    assert set(found) == {"few-headings", "long-section"}
    assert f"1 in {chars:,} characters" in found["few-headings"].message
    assert "「1．はじめに」" in found["long-section"].message and found["long-section"].figure == chars


def test_text_with_no_heading_at_all_warns_about_the_preamble():
    document = Document(META, preamble=prose(25_000, 1))
    found = {w.kind: w for w in warnings(document)}
    assert set(found) == {"few-headings", "long-section"}
    assert "before the first heading" in found["long-section"].message


def test_well_structured_document_does_not_warn():
    # 12 chapters of 3,000 characters each, two sub-sections under every chapter.
    sections = []
    for n in range(1, 13):
        children = [Section(f"小見出し{k}", 2, SourceSpan(100 * n + k, 100 * n + k), number=f"（{k}）",
                            blocks=prose(1_000, 100 * n + 10 * k)) for k in (1, 2)]
        sections.append(Section(f"章{n}", 1, SourceSpan(100 * n, 100 * n), number=f"{n}．",
                                blocks=prose(1_000, 100 * n + 1), children=children))
    document = Document(META, sections=sections)
    assert document.text_length > 25_000
    assert warnings(document) == []


def test_short_note_without_headings_does_not_warn():
    # Below 10,000 characters a note, a notice or a letter may fairly have no heading.
    assert warnings(Document(META, preamble=prose(9_000, 1))) == []


def test_heading_density_threshold():
    # One heading per CHARS_PER_HEADING characters is enough; one heading fewer is not.
    blocks = prose(4 * CHARS_PER_HEADING, 10)
    text = sum(len(b.text) for b in blocks)
    enough = -(-text // CHARS_PER_HEADING)  # rounded up

    def with_headings(n: int) -> Document:
        first = Section("節1", 1, SourceSpan(1, 1), blocks=blocks)
        return Document(META, sections=[first] + [Section(f"節{i}", 1, SourceSpan(i, i)) for i in range(2, n + 1)])

    assert "few-headings" not in kinds(with_headings(enough))
    assert "few-headings" in kinds(with_headings(enough - 1))


def test_section_length_counts_own_text_not_children():
    # A chapter of 30,000 characters whose text stands in sub-sections of 10,000 is fine.
    children = [Section(f"節{k}", 2, SourceSpan(k * 1000, k * 1000), blocks=prose(10_000, k * 1000 + 1))
                for k in (1, 2, 3)]
    chapter = Section("章", 1, SourceSpan(1, 1), blocks=prose(2_000, 2), children=children)
    assert "long-section" not in kinds(Document(META, sections=[chapter]))
    chapter.children[0].blocks = prose(MAX_SECTION_CHARS + 1_000, 1001)
    assert "long-section" in kinds(Document(META, sections=[chapter]))


def test_one_line_paragraphs_that_end_no_sentence_warn():
    # Lines cut out of sentences and diagram labels: 30 one-line paragraphs with no 「。」.
    broken = [paragraph(f"個人ニーズに応じたおもてなしサービス{i}", i, lines=1) for i in range(30)]
    found = {w.kind: w for w in warnings(Document(META, preamble=broken))}
    assert "one-line-paragraphs" in found and found["one-line-paragraphs"].figure == 1.0
    assert "30 of 30 paragraphs" in found["one-line-paragraphs"].message


def test_one_line_paragraphs_that_are_sentences_do_not_warn():
    # Web text editions put one paragraph on a line: each ends in 「。」, so nothing is broken.
    whole = [paragraph(SENTENCE, i, lines=1) for i in range(30)]
    assert "one-line-paragraphs" not in kinds(Document(META, preamble=whole))
    # A few labels among them (under 40%) are normal in slides and forms.
    mixed = whole + [paragraph("観光分野", 100 + i, lines=1) for i in range(10)]
    assert "one-line-paragraphs" not in kinds(Document(META, preamble=mixed))


def test_preformatted_share_warns_past_a_fifth():
    table = paragraph("項目\t内容\t" * 300, 500, lines=20, kind="preformatted")
    body = [paragraph(SENTENCE * 4, i * 5) for i in range(20)]  # 4,000 characters
    assert len(table.text) / (len(table.text) + 4_000) > 0.2
    assert "preformatted" in kinds(Document(META, preamble=[*body, table]))
    small = paragraph("項目\t内容\t" * 30, 500, lines=6, kind="preformatted")
    assert len(small.text) / (len(small.text) + 4_000) < 0.2
    assert "preformatted" not in kinds(Document(META, preamble=[*body, small]))


@pytest.mark.parametrize("text", ["1", "12", "（2）", "Ⅲ．", "1.2.", "8.1 全般", "二、", "③"])
def test_heading_and_page_numbers_are_number_paragraphs(text):
    assert NUMBER_PARAGRAPH.fullmatch(text)


@pytest.mark.parametrize("text", ["90.7%", "3.4億", "2023 年", "2019", "06、501", "1 月 10 日", "第1回会議の結果"])
def test_values_and_text_are_not_number_paragraphs(text):
    # Chart values, years and dates are content; a number with a real title is text.
    assert not NUMBER_PARAGRAPH.fullmatch(text)


def test_numbers_left_as_paragraphs_warn_from_three():
    body = [paragraph(SENTENCE, i * 5) for i in range(10)]
    numbers = [paragraph(n, 100 + i, lines=1) for i, n in enumerate(["1", "（2）", "3"])]
    found = {w.kind: w for w in warnings(Document(META, preamble=body + numbers))}
    assert found["number-paragraphs"].figure == 3 and "「（2）」 (line 101)" in found["number-paragraphs"].message
    assert "number-paragraphs" not in kinds(Document(META, preamble=body + numbers[:2]))


def test_items_a_quoted_text_leaves_out_are_no_lost_numbers():
    # An amendment's 「1（略）」「5（略）」「(3)（略）」: items elided as printed, not headings the conversion lost.
    body = [paragraph(SENTENCE, i * 5) for i in range(10)]
    elided = [paragraph(n, 100 + i, lines=1) for i, n in enumerate(["1（略）", "5（略）", "(3)(略)"])]
    assert "number-paragraphs" not in kinds(Document(META, preamble=body + elided))


def test_a_numbered_line_out_of_sequence_is_kept_as_text_and_warned_about():
    # 「3．罰則」 after 「5．運用」: the structure step keeps it as text (numbering only goes forward) and
    # the warning names the line, so that a reader learns the outline needs a look.
    lines = ["1．総則", SENTENCE, "2．定義", SENTENCE, "5．運用", SENTENCE, "3．罰則", SENTENCE]
    draft = read_structure(classify(lines), Hints())
    preamble, sections = nest(draft)
    assert [s.title for s in sections] == ["総則", "定義", "運用"]
    assert [(d.line, d.text, d.after) for d in draft.out_of_order] == [(7, "3．罰則", "5")]
    document = Document(META, preamble=preamble, sections=sections, out_of_order=draft.out_of_order)
    found = {w.kind: w for w in warnings(document)}
    assert set(found) == {"out-of-order"}
    assert "「3．罰則」 (line 7, after 5)" in found["out-of-order"].message and found["out-of-order"].figure == 1


def test_numbering_in_sequence_and_a_list_restarting_under_a_heading_do_not_warn():
    # 1．2．3． in order, and a list 1．2． of its own under 「3．」 (a run restarting at 1 inside a section
    # nests there): nothing is out of order.
    lines = ["1．総則", SENTENCE, "2．定義", SENTENCE, "3．運用", SENTENCE,
             "1．目的", SENTENCE, "2．範囲", SENTENCE]
    draft = read_structure(classify(lines), Hints())
    preamble, sections = nest(draft)
    assert draft.out_of_order == []
    assert "out-of-order" not in kinds(Document(META, preamble=preamble, sections=sections))


def test_seed_documents_get_only_justified_warnings(documents):
    # Checked by reading each seed's converted text:
    # - data-distribution-wg-2019 is a slide deck: a diagram's labels (「観光分野」「金融市場の活性化」…) and
    #   slide titles (「1-2 各プレーヤが実装する機能…」「【参考】…」) stand as one-line paragraphs, and its
    #   three flattened tables (catalog `preformatted`) are 30% of its text;
    # - dfft-data-strategy-2021: boxes of a diagram cut into lines (「データの自由な越境流」「通を可能とするのが大」
    #   「前提」) and split sentences (「…セキュリティ」/「等、配慮すべき課題への対処は必要。」).
    # The others read as their sources do: a heading every 200-1,900 characters, no section over 10,000.
    # - ai-white-paper-2024: its slide 「AIホワイトペーパー2024 主な提言」 (compilation lines 8101-8160) repeats
    #   「第１章」「第２章」「第３章」 in diagram boxes after the real 第３章; kept as text (the hand outline agrees),
    #   and said to be out of order so that a reader looks.
    found = {doc_id: kinds(doc) for doc_id, doc in documents.items() if doc.lines}
    assert found.pop("ai-white-paper-2024") == ["out-of-order"]
    assert found.pop("data-distribution-wg-2019") == ["one-line-paragraphs", "preformatted"]
    assert found.pop("dfft-data-strategy-2021") == ["one-line-paragraphs"]
    assert {doc_id: w for doc_id, w in found.items() if w} == {}


def test_report_lists_warnings_per_document():
    flat = Document(META, preamble=prose(25_000, 1))
    report = document_report(flat)
    assert [w.kind for w in report.warnings] == ["few-headings", "long-section"]
    markdown = report_markdown([report])
    assert "## 構造の警告" in markdown and "### [sample](documents/sample/index.md)" in markdown
    assert "- `few-headings`: few headings for the length" in markdown
    assert "| 0 | 2 | NG |" in markdown  # footnotes, then the warning count (no source lines here: NG)


def test_command_prints_one_line_per_warning_and_exits_zero(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    # A long text with no heading: every paragraph a whole sentence, indented as PDF text is.
    (folder / "sample.txt").write_text("".join(f"  {SENTENCE * 6}\n" for _ in range(80)), encoding="utf-8")
    (folder / "catalog.yml").write_text(
        "documents:\n  - id: flat-doc\n    title: 見本\n    body: 見本省\n    date: 2024-04-01\n"
        "    kind: guideline\n    source: sample.txt\n    summary: 見本。\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "convert.py"), "--sources", str(folder),
                             "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert [line.split(": ")[:2] for line in lines] == [["warning", "flat-doc"], ["warning", "flat-doc"]]
    assert "few headings" in lines[0] and "before the first heading" in lines[1]
    report = (tmp_path / "out" / "conversion-report.md").read_text(encoding="utf-8")
    assert "### [flat-doc]" in report
