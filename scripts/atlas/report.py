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
from .routing import REPORT, document_page, link
from .vertical import ordinary_forms


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
    plain_pages: list[int] = field(default_factory=list)  # PDF pages read as plain text
    plain_text: bool = False  # the whole document read as plain text (its structure lost text)
    replaced: int = 0  # characters the output cannot hold, shown as U+FFFD
    bullets: int = 0  # private-use bullets shown as 「・」
    messages: dict[str, int] = field(default_factory=dict)  # the PDF libraries' messages, by kind
    pdf: bool = False  # read from a PDF (checked against its text layer)

    @property
    def conserved(self) -> bool:
        return not self.lost and not self.invented


@dataclass(frozen=True)
class Refusal:
    """A document that could not be converted (no text layer, a password, a broken file) and why."""

    id: str
    reason: str  # the file as the catalog names it, and the problem: for the report page
    message: str = ""  # the file's full path and the problem: for the command's output


def _chars(text: str) -> Counter[str]:
    # A vertical presentation form (︵, ︑) and the ordinary character a vertical page is read as
    # count as one: the same character, set the other way.
    return Counter(ch for ch in ordinary_forms(text) if not ch.isspace())


def model_text(document: Document) -> str:
    parts: list[str] = [block_text(b) for b in document.preamble]
    for section in document.all_sections():
        parts.append(section.number + section.title)  # readers give the title without its number
        parts.extend(block_text(b) for b in section.blocks)
    parts.extend(note.label + note.text for note in document.footnotes)
    return "\n".join(parts)


def conservation(document: Document) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """The source's characters, the output's, and the noise's (lines counted as furniture).

    A PDF's source is its text layer as the PDF library reports it, not the reader's lines: a
    character the layout or the structure changes (」 read as 「) shows like one they drop.  A
    text's source is its lines, body and noise."""
    noise = _chars("\n".join(line.text for line in document.lines if line.kind in FURNITURE_KINDS))
    output = _chars(model_text(document))
    if document.reading.text_layer:
        return _chars(document.reading.text_layer), output, noise
    return _chars("\n".join(line.text for line in document.lines if line.kind == "body")) + noise, output, noise


def differences(document: Document) -> tuple[str, str]:
    """(lost, invented): characters of the source neither in the output nor counted as noise, and
    characters of the output and noise the source does not have."""
    source, output, noise = conservation(document)
    kept = output + noise
    return "".join(sorted((source - kept).elements())), "".join(sorted((kept - source).elements()))


def document_report(document: Document) -> DocumentReport:
    dropped_lines = Counter(line.kind for line in document.lines if line.kind in FURNITURE_KINDS)
    source, output, noise = conservation(document)
    lost, invented = differences(document)
    blocks = list(document.preamble) + [b for s in document.all_sections() for b in s.blocks]
    kinds = Counter(type(b).__name__ for b in blocks)
    return DocumentReport(
        id=document.meta.id,
        chars_in=sum(source.values()),
        chars_out=sum(output.values()),
        chars_dropped=sum(noise.values()),
        dropped_lines=dict(sorted(dropped_lines.items())),
        headings=len(document.all_sections()),
        paragraphs=kinds["Paragraph"],
        lists=kinds["ListBlock"],
        tables=kinds["Table"],
        footnotes=len(document.footnotes),
        lost=lost,
        invented=invented,
        warnings=warnings(document),
        plain_pages=list(document.reading.plain_pages),
        plain_text=document.reading.plain_text,
        replaced=document.reading.replaced,
        bullets=document.reading.bullets,
        messages=dict(document.reading.messages),
        pdf=bool(document.reading.text_layer),
    )


def report_markdown(reports: list[DocumentReport], refused: list[Refusal] | None = None) -> str:
    lines = [
        "# 変換レポート",
        "",
        "各文書について、原文の文字数（空白を除く）、出力に残った文字数、ノイズとして除いた文字数と行数、"
        "見出し・段落などの数を示します。除いた行はページ番号、目次、ページの上端・下端に繰り返される柱"
        "（running-header / running-footer）、PDF の余白の見出しタブ（margin-tab）と図の中の横倒しの文字"
        "（rotated-text）、スライドの残骸（「- -」）、脚注の区切り線だけです。"
        "原文は、テキストでは読み込んだ行、PDF では PDF ライブラリがページごとに返すテキスト層です。"
        "原文の文字はすべて出力に残るかノイズとして数えられ、足される文字もありません（「保存」が OK）。"
        "PDF のページのレイアウト（表・段組・字間・読み順）の復元で文字が失われたり増えたりするときは、"
        "そのページをテキスト層の順にそのまま読み直します"
        "（PDF の文書があれば、下の「PDF の読み取り」に文書ごとに記します）。"
        "「警告」は構造が疑わしい（見出しが少ない、長すぎる節、一行だけの段落、整形済みテキスト、番号だけの段落）"
        "ことを示し、表の下に文書ごとに挙げます。",
        "",
    ]
    lines += _refused_section(refused or [])
    lines += [
        "| 文書 | 入力文字 | 出力文字 | 除外文字 | 除外行 | 見出し | 段落 | リスト | 表 | 脚注 | 警告 | 保存 |",
        "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in reports:
        dropped = "、".join(f"{kind} {n}" for kind, n in r.dropped_lines.items()) or "なし"
        lines.append(
            f"| [{r.id}]({_document_link(r.id)}) | {r.chars_in} | {r.chars_out} | {r.chars_dropped} | "
            f"{dropped} | {r.headings} | {r.paragraphs} | {r.lists} | {r.tables} | {r.footnotes} | "
            f"{len(r.warnings)} | {'OK' if r.conserved else 'NG'} |"
        )
    lines += _reading_section(reports)
    lines += ["", "## 構造の警告", ""]
    warned = [r for r in reports if r.warnings]
    if not warned:
        lines.append("どの文書にも警告はありません。")
    for r in warned:
        lines += [f"### [{r.id}]({_document_link(r.id)})", ""]
        lines += [f"- `{w.kind}`: {escape(w.message)}" for w in r.warnings]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _refused_section(refused: list[Refusal]) -> list[str]:
    """Each document that could not be converted, once, with its reason."""
    if not refused:
        return []
    lines = ["## 変換できなかった文書", "",
             "次の文書はテキストを読み取れないため、サイトに含まれていません。", ""]
    lines += [f"- `{r.id}`: {escape(r.reason)}" for r in refused]
    return [*lines, ""]


def _reading_section(reports: list[DocumentReport]) -> list[str]:
    """What reading each PDF took besides its layout: pages read plainly, characters replaced,
    private-use bullets, the PDF libraries' messages (one line per kind, not one per occurrence)."""
    if not any(r.pdf for r in reports):
        return []
    lines = ["", "## PDF の読み取り", ""]
    noted = [r for r in reports if r.plain_pages or r.plain_text or r.replaced or r.bullets or r.messages]
    if not noted:
        return [*lines, "どの PDF も、レイアウトを保ったまま文字を置き換えずに読み取れました。"]
    for r in noted:
        notes = []
        if r.plain_text:
            notes.append("構造の復元で文字が変わるため、文書全体をページごとのテキストとして掲載")
        if r.plain_pages:
            pages = ", ".join(f"p. {n}" for n in r.plain_pages)
            notes.append(f"レイアウトを使わずテキスト層の順に読んだページ: {pages}")
        if r.replaced:
            notes.append(f"出力できない文字（壊れたフォント対応表の制御文字など）を \ufffd に置換: {r.replaced}")
        if r.bullets:
            notes.append(f"私用領域の記号（箇条書きの黒丸など）を「・」に置換: {r.bullets}")
        notes += [f"PDF ライブラリのメッセージ {n} 件: {kind}" for kind, n in r.messages.items()]
        lines.append(f"- [{r.id}]({_document_link(r.id)}): " + "; ".join(escape(note) for note in notes))
    return lines


def _document_link(document: str) -> str:
    """A document's page from the conversion report."""
    return link(REPORT, document_page(document))
