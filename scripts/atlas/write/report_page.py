"""The conversion report page (変換レポート): what report.py counted, for a reader of the site."""

from __future__ import annotations

from ..check.report import DocumentReport, Refusal
from ..enrich.routing import REPORT, document_page, link
from .markdown import escape


def report_markdown(reports: list[DocumentReport], refused: list[Refusal] | None = None) -> str:
    # Named only where some document has them: the line numbers of a draft printed with them.
    line_numbers = "、原稿の各行の横に印字された行番号（line-number）" \
        if any("line-number" in r.dropped_lines for r in reports) else ""
    lines = [
        "# 変換レポート",
        "",
        "各文書について、原文の文字数（空白を除く）、出力に残った文字数、ノイズとして除いた文字数と行数、"
        "見出し・段落などの数を示します。除いた行はページ番号、目次、ページの上端・下端に繰り返される柱"
        "（running-header / running-footer）、PDF の余白の見出しタブ（margin-tab）と図の中の横倒しの文字"
        f"（rotated-text）{line_numbers}、スライドの残骸（「- -」）、脚注の区切り線だけです。"
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
             "次の文書は変換できなかったため、サイトに含まれていません（理由は各文書の行に）。", ""]
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
