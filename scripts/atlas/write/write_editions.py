"""Editions on the site: the note on each edition's pages and a comparison page per pair of
consecutive editions (``/editions/<older id>--<newer id>/``; ids never hold "--", so the name is
unambiguous).  What changed is found by editions.py; this module only writes it."""

from __future__ import annotations

import itertools

from ..enrich.editions import Comparison, ParagraphChange, Part, Piece, SectionChange, compare, edition_label, works
from ..model.document import Document, Section
from ..text.labels import date_label, kind_label
from .markdown import escape
from .write import Page, finish_page, front_matter, section_heading, section_url

NEWER_EXISTS = "この文書には新しい版があります"
OLD_MARK = "旧版"
STATUS_LABELS = {"added": "追加", "removed": "削除", "changed": "変更", "unchanged": "変更なし"}
# Below this share of sections matched across the two editions, the summary says plainly that
# the comparison is mostly additions and removals (a slide deck and a report, say).
FEW_MATCHED = 0.5


def comparison_path(old: Document, new: Document) -> str:
    return f"editions/{old.meta.id}--{new.meta.id}.md"


def edition_notes(documents: list[Document]) -> tuple[dict[str, str], dict[str, str]]:
    """For each edition: the note under its metadata (which edition, the others newest first,
    the comparisons), and the banner every page of an older edition shows (a newer one exists)."""
    notes: dict[str, str] = {}
    banners: dict[str, str] = {}
    for chain in works(documents):
        newest = chain[-1]
        for position, doc in enumerate(chain):
            lines = [f"**版**：{escape(edition_label(doc))}（全 {len(chain)} 版のうち第 {position + 1} 版"
                     + ("、最新版）" if doc is newest else "）"), "{: .atlas-edition }", "",
                     '<div class="atlas-editions" markdown>', "", "**この文書の版**（新しい順）", ""]
            for other in reversed(chain):
                label = f"{escape(edition_label(other))}：{escape(other.meta.title)}（{date_label(other.meta)}）"
                lines.append(f"- **{label}**（この版）" if other is doc else
                             f"- [{label}](../{other.meta.id}/index.md)")
            lines += ["", "**版の比較**", ""]
            for older, newer in reversed(list(itertools.pairwise(chain))):
                lines.append(f"- [{escape(edition_label(older))} → {escape(edition_label(newer))}]"
                             f"(../../{comparison_path(older, newer)})")
            lines += ["", "</div>"]
            notes[doc.meta.id] = "\n".join(lines)
            if doc is not newest:
                banners[doc.meta.id] = "\n".join([
                    '<div class="atlas-newer-edition" role="note" markdown>', "",
                    f"**{NEWER_EXISTS}**。最新版は[{escape(edition_label(newest))}：{escape(newest.meta.title)}]"
                    f"(../{newest.meta.id}/index.md)（{date_label(newest.meta)}）です。"
                    f"[この版からの変更点](../../{comparison_path(doc, chain[position + 1])})も見られます。", "",
                    "</div>"])
    return notes, banners


def comparison_pages(documents: list[Document]) -> list[Page]:
    """One page per pair of consecutive editions (none while no work has two editions)."""
    return [comparison_page(compare(old, new)) for chain in works(documents) for old, new in itertools.pairwise(chain)]


def comparison_page(comparison: Comparison) -> Page:
    old, new = comparison.old, comparison.new
    title = f"版の比較：{edition_label(old)} → {edition_label(new)}"
    lines = [front_matter(f"{title} | {new.meta.title}", None, f"{old.meta.title}と{new.meta.title}の違い"),
             f"# {escape(title)}", "",
             f"旧：[{escape(old.meta.title)}](../documents/{old.meta.id}/index.md)（{date_label(old.meta)}）  ",
             f"新：[{escape(new.meta.title)}](../documents/{new.meta.id}/index.md)（{date_label(new.meta)}）", "",
             *_summary(comparison), *_legend(), "## 節ごとの変更 {#sections}", ""]
    for change in comparison.changes:
        lines += _section_change(change, comparison)
    path = comparison_path(old, new)
    return Page(path, title, finish_page(lines))


def _summary(comparison: Comparison) -> list[str]:
    old, new = comparison.old, comparison.new
    matched = comparison.count("changed") + comparison.count("unchanged")
    renamed = sum(1 for c in comparison.changes if c.renamed)
    renumbered = sum(1 for c in comparison.changes if c.renumbered)
    in_old = sum(1 for c in comparison.changes if c.old)
    in_new = sum(1 for c in comparison.changes if c.new)
    lines = ['<div class="atlas-edition-summary" markdown>', "",
             "| | 節 |", "| --- | ---: |",
             f"| 追加（新版のみ） | {comparison.count('added')} |",
             f"| 削除（旧版のみ） | {comparison.count('removed')} |",
             f"| 変更 | {comparison.count('changed')} |",
             f"| 変更なし | {comparison.count('unchanged')} |",
             f"| うち移動 | {comparison.moved} |",
             f"| うち見出しの文言の変更 | {renamed} |",
             f"| うち番号の変更 | {renumbered} |", "",
             f"旧版 {in_old} 節、新版 {in_new} 節のうち {matched} 組を同じ節として対応づけました"
             "（見出しの文言と本文の類似度による。番号だけでは対応づけません。"
             "[比較の方法](../about.md#editions)）。", ""]
    old_kind, new_kind = kind_label(old.meta.kind) or old.meta.kind, kind_label(new.meta.kind) or new.meta.kind
    if old_kind != new_kind or comparison.matched_share < FEW_MATCHED:
        formats = f"旧版は{escape(old_kind)}、新版は{escape(new_kind)}です。" if old_kind != new_kind else ""
        lines += [f"**構成の違いに注意**：{formats}対応する節が見つかったのは両版の節の "
                  f"{comparison.matched_share:.0%} にとどまり、多くは「追加」「削除」として示されます。"
                  "構成が変わったためで、内容がすべて入れ替わったとは限りません。", "{: .atlas-edition-caution }", ""]
    return [*lines, "</div>", ""]


def _legend() -> list[str]:
    return ['凡例：<ins><span class="atlas-sr">［追加：</span>追加された文字<span class="atlas-sr">］</span></ins>'
            '　<del><span class="atlas-sr">［削除：</span>削除された文字<span class="atlas-sr">］</span></del>。'
            "段落の番号（旧 p3・新 p3）から、それぞれの版のその段落へ移動できます。", "{: .atlas-edition-legend }", ""]


def _section_change(change: SectionChange, comparison: Comparison) -> list[str]:
    part = change.new or change.old
    assert part is not None
    heading = _label(part)
    badges = [STATUS_LABELS[change.status]] + (["移動"] if change.moved else [])
    ident = f"new-{part.anchor or 'preamble'}" if change.new else f"old-{part.anchor or 'preamble'}"
    lines = [f"### {escape(heading)}（{'・'.join(badges)}） {{#{ident} .atlas-change--{change.status} }}", ""]
    where = []
    if change.old:
        where.append(f"旧：[{escape(_label(change.old))}]({_link(comparison.old, change.old.section, '')})")
    if change.new:
        where.append(f"新：[{escape(_label(change.new))}]({_link(comparison.new, change.new.section, '')})")
    if change.renamed or change.renumbered:
        assert change.old and change.new
        where.append(f"{'見出し' if change.renamed else '番号'}：{escape(_label(change.old))} → "
                     f"{escape(_label(change.new))}")
    lines += ["　".join(where), "{: .atlas-change-where }", ""]
    if change.status == "unchanged":
        return lines
    equal = [step for step in change.paragraphs if step.status == "equal"]
    for step in change.paragraphs:
        if step.status != "equal":
            lines += _paragraph(step, change, comparison)
    if equal and change.status == "changed":
        lines += [f"変更のない段落 {len(equal)}（{_paragraph_links(equal, change, comparison)}）",
                  "{: .atlas-change-same }", ""]
    return lines


def _label(part: Part) -> str:
    return section_heading(part.section) if part.section else "（最初の見出しの前）"


def _paragraph(step: ParagraphChange, change: SectionChange, comparison: Comparison) -> list[str]:
    if step.status == "changed":
        text = "".join(_piece(piece) for piece in step.pieces)
    elif step.status == "added":
        assert step.new
        text = _piece(Piece("insert", step.new.text))
    else:
        assert step.old
        text = _piece(Piece("delete", step.old.text))
    links = _paragraph_links([step], change, comparison)
    return [f"{text}<br>{links}", f"{{: .atlas-diff .atlas-diff--{step.status} }}", ""]


def _paragraph_links(steps: list[ParagraphChange], change: SectionChange, comparison: Comparison) -> str:
    """「旧 2-p3 → 新 3-p3」: each paragraph's permalink in its edition."""
    links = []
    for step in steps:
        pair = []
        if step.old and change.old:
            pair.append(f"[旧 {step.old.ident}]({_link(comparison.old, change.old.section, step.old.ident)})")
        if step.new and change.new:
            pair.append(f"[新 {step.new.ident}]({_link(comparison.new, change.new.section, step.new.ident)})")
        links.append(" → ".join(pair))
    return '<span class="atlas-diff-links">' + "、".join(links) + "</span>"


def _piece(piece: Piece) -> str:
    """A run of text; a change also says what it is in words, for screen readers (atlas-sr)."""
    text = escape(piece.text).replace("\n", "<br>")
    if piece.op == "insert":
        return f'<ins><span class="atlas-sr">［追加：</span>{text}<span class="atlas-sr">］</span></ins>'
    if piece.op == "delete":
        return f'<del><span class="atlas-sr">［削除：</span>{text}<span class="atlas-sr">］</span></del>'
    return text


def _link(document: Document, section: Section | None, anchor: str) -> str:
    """A section's place on its edition's page (None: the text before the first heading, on the
    document's own page), or ``#anchor`` (a paragraph's id) on that page."""
    if section is not None:
        url = section_url(document, section, "editions")
        return url.split("#")[0] + f"#{anchor}" if anchor else url
    return f"../documents/{document.meta.id}/index.md" + (f"#{anchor}" if anchor else "")
