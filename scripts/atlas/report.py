"""Conversion report: every character of the source is either in the model or counted as noise, and
the structure warnings of ``diagnose`` (where the outline found looks implausible).

Characters are compared as multisets of non-whitespace characters after
normalisation, so joining lines and moving a footnote to the page end are
allowed, but losing or inventing a single character is not.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .clean import FURNITURE_KINDS
from .diagnose import Warning, warnings
from .markdown import escape
from .model import Document, block_text


@dataclass
class DocumentReport:
    id: str
    chars_in: int
    chars_out: int
    chars_dropped: int
    dropped_lines: dict[str, int]
    headings: int
    paragraphs: int
    lists: int
    tables: int
    footnotes: int
    lost: str = ""
    invented: str = ""
    warnings: list[Warning] = field(default_factory=list)

    @property
    def conserved(self) -> bool:
        return not self.lost and not self.invented


def _chars(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def model_text(document: Document) -> str:
    parts: list[str] = [block_text(b) for b in document.preamble]
    for section in document.all_sections():
        parts.append(section.number + section.title)  # readers give the title without its number
        parts.extend(block_text(b) for b in section.blocks)
    parts.extend(note.label + note.text for note in document.footnotes)
    return "\n".join(parts)


def document_report(document: Document) -> DocumentReport:
    body = "\n".join(line.text for line in document.lines if line.kind == "body")
    dropped_lines = Counter(line.kind for line in document.lines if line.kind in FURNITURE_KINDS)
    dropped = sum(len(line.text.replace(" ", "")) for line in document.lines
                  if line.kind in FURNITURE_KINDS)
    source, output = _chars(body), _chars(model_text(document))
    blocks = list(document.preamble) + [b for s in document.all_sections() for b in s.blocks]
    kinds = Counter(type(b).__name__ for b in blocks)
    return DocumentReport(
        id=document.meta.id,
        chars_in=sum(source.values()) + dropped,
        chars_out=sum(output.values()),
        chars_dropped=dropped,
        dropped_lines=dict(sorted(dropped_lines.items())),
        headings=len(document.all_sections()),
        paragraphs=kinds["Paragraph"],
        lists=kinds["ListBlock"],
        tables=kinds["Table"],
        footnotes=len(document.footnotes),
        lost="".join(sorted((source - output).elements())),
        invented="".join(sorted((output - source).elements())),
        warnings=warnings(document),
    )


def report_markdown(reports: list[DocumentReport]) -> str:
    lines = [
        "# 変換レポート",
        "",
        "各文書について、原文の文字数（空白を除く）、出力に残った文字数、ノイズとして除いた文字数と行数、"
        "見出し・段落などの数を示します。除いた行はページ番号、目次、ページの上端・下端に繰り返される柱"
        "（running-header / running-footer）、PDF の余白の見出しタブ（margin-tab）と図の中の横倒しの文字"
        "（rotated-text）、スライドの残骸（「- -」）、脚注の区切り線だけです。"
        "本文の文字が一つでも失われると変換は失敗します。"
        "「警告」は構造が疑わしい（見出しが少ない、長すぎる節、一行だけの段落、整形済みテキスト、番号だけの段落）"
        "ことを示し、表の下に文書ごとに挙げます。",
        "",
        "| 文書 | 入力文字 | 出力文字 | 除外文字 | 除外行 | 見出し | 段落 | リスト | 表 | 脚注 | 警告 | 保存 |",
        "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in reports:
        dropped = "、".join(f"{kind} {n}" for kind, n in r.dropped_lines.items()) or "なし"
        lines.append(
            f"| [{r.id}](documents/{r.id}/index.md) | {r.chars_in} | {r.chars_out} | {r.chars_dropped} | "
            f"{dropped} | {r.headings} | {r.paragraphs} | {r.lists} | {r.tables} | {r.footnotes} | "
            f"{len(r.warnings)} | {'OK' if r.conserved else 'NG'} |"
        )
    lines += ["", "## 構造の警告", ""]
    warned = [r for r in reports if r.warnings]
    if not warned:
        lines.append("どの文書にも警告はありません。")
    for r in warned:
        lines += [f"### [{r.id}](documents/{r.id}/index.md)", ""]
        lines += [f"- `{w.kind}`: {escape(w.message)}" for w in r.warnings]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
