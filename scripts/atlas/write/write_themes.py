"""Theme pages, the themes overview, the glossary page and the timeline page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..config.schema import Events
from ..config.validation import validate
from ..config.yamlfile import load_located
from ..enrich.context import HeadingContext
from ..enrich.editions import newest_edition_first, superseded
from ..enrich.themes import Theme, section_text
from ..model.document import Document, Section
from ..text.fold import fold, fold_with_map
from ..text.labels import date_label
from .markdown import escape
from .write import Page, finish_page, front_matter, newest_first, section_url

PASSAGES_PER_DOCUMENT = 5
EXCERPT_CHARS = 90


def _documents_by_date(documents: list[Document]) -> list[Document]:
    return [d for d in reversed(newest_first(documents)) if d.lines]


def _excerpt(section: Section, theme: Theme | None = None, terms: list[str] | None = None) -> str:
    """About EXCERPT_CHARS characters of the section's text around its first relevant mention."""
    text = section_text(section).replace("\n", " ")
    folded, positions = fold_with_map(text)
    start = 0
    if theme is not None:
        spans = theme.spans(folded)
        start = positions[spans[0][0]] if spans else 0
    elif terms:
        hits = [folded.find(fold(t)) for t in terms if fold(t) in folded]
        start = positions[min(hits)] if hits else 0
    begin = max(0, start - 20)
    piece = text[begin : begin + EXCERPT_CHARS]
    return ("…" if begin else "") + piece + ("…" if begin + EXCERPT_CHARS < len(text) else "")


def theme_pages(documents: list[Document], themes: list[Theme]) -> list[Page]:
    by_id = {t.id: t for t in themes}
    # By date, but a work's older editions right after its newest, each marked 「旧版」.
    ordered = newest_edition_first(_documents_by_date(documents))
    older = set(superseded(documents))
    pages = [_overview(ordered, themes, older)]
    for theme in themes:
        pages.append(_theme_page(theme, ordered, by_id, older))
    return pages


OLD_EDITION = '<span class="atlas-old-edition">旧版</span>'


def _old_mark(doc: Document, older: set[str]) -> str:
    return f" {OLD_EDITION}" if doc.meta.id in older else ""


def tagged(document: Document, theme: Theme) -> list[Section]:
    """The document's sections tagged with the theme, most relevant first."""
    found = [s for s in document.all_sections() if theme.id in s.themes]
    return sorted(found, key=lambda s: (-s.theme_scores.get(theme.id, 0), s.span.start))


def _theme_page(theme: Theme, ordered: list[Document], by_id: dict[str, Theme], older: set[str]) -> Page:
    lines = [front_matter(f"{theme.ja} | テーマ"), f"# {escape(theme.ja)} {{#top}}", "",
             f"*{escape(theme.en)}*", "{: .atlas-theme-en }", "", escape(theme.definition), "",
             f"**キーワード**：{escape('、'.join(theme.terms))}", "{: .atlas-theme-terms }", ""]
    related = [by_id[r] for r in theme.related if r in by_id]
    if related:
        lines += ["**関連テーマ**：" + " ".join(f"[{escape(r.ja)}]({r.id}.md)" for r in related), ""]
    covering = [(doc, tagged(doc, theme)) for doc in ordered]
    covering = [(doc, sections) for doc, sections in covering if sections]
    lines += ["## 文書の年表 {#timeline}", ""]
    if not covering:
        lines += ["このテーマを主題とする節はまだありません。", ""]
    else:
        lines += ["| 日付 | 文書 | 発行 | 該当する節 |", "| --- | --- | --- | ---: |"]
        for doc, sections in covering:
            link = f"[{escape(doc.meta.title)}](#doc-{doc.meta.id}){_old_mark(doc, older)}"
            lines.append(f"| {date_label(doc.meta)} | {link} | {escape(doc.meta.body)} | {len(sections)} |")
        lines += ["", "## 各文書の主な箇所 {#passages}", ""]
        for doc, sections in covering:
            lines += [f"### {escape(doc.meta.title)}（{doc.meta.date.year}年）{_old_mark(doc, older)} "
                      f"{{#doc-{doc.meta.id}}}", ""]
            label = HeadingContext(doc).label  # 【対応策】 out of its document: with its context
            for section in sections[:PASSAGES_PER_DOCUMENT]:
                url = section_url(doc, section, "themes")
                lines.append(f"- [{escape(label(section))}]({url})：{escape(_excerpt(section, theme))}")
            rest = sections[PASSAGES_PER_DOCUMENT:]
            if rest:
                links = "、".join(f"[{escape(label(s))}]({section_url(doc, s, 'themes')})" for s in rest)
                lines.append(f"- その他の節：{links}")
            lines.append("")
    return Page(f"themes/{theme.id}.md", theme.ja, finish_page(lines))


def _overview(ordered: list[Document], themes: list[Theme], older: set[str]) -> Page:
    lines = [front_matter("テーマ一覧"), "# テーマ一覧", "",
             "文書を横断するテーマと、各文書でそのテーマを主題とする節の数です。数字から、その文書の該当箇所へ移動できます。"
             "節へのテーマの付け方は[このサイトについて](../about.md#themes)にあります。", ""]
    for theme in themes:
        lines.append(f"- [{escape(theme.ja)}]({theme.id}.md)：{escape(theme.definition)}")
    lines += ["", "## テーマ × 文書 {#matrix}", ""]
    if len(ordered) <= MATRIX_MAX_DOCUMENTS:
        lines += _matrix_table(ordered, themes, older)
    lines += _matrix_lists(ordered, themes, len(ordered) <= MATRIX_MAX_DOCUMENTS)
    return Page("themes/index.md", "テーマ一覧", finish_page(lines))


# Up to this many documents the overview is a table, themes down and numbered documents across
# (14 short theme names fit a line; twelve document titles across were 1,500 px wide); beyond,
# and on narrow screens at any count, it is one list per theme (atlas.css switches the two).
MATRIX_MAX_DOCUMENTS = 24


def _matrix_table(ordered: list[Document], themes: list[Theme], older: set[str]) -> list[str]:
    """Themes as rows, documents as numbered columns, and the numbers' legend below."""
    lines = ['<div class="atlas-matrix atlas-matrix--table" markdown>', ""]
    heads = [f"[{n}](../documents/{doc.meta.id}/index.md \"{escape(doc.meta.title)}（{doc.meta.date.year}）\")"
             for n, doc in enumerate(ordered, 1)]
    lines.append("| テーマ | " + " | ".join(heads) + " |")
    lines.append("| --- | " + " | ".join("---:" for _ in ordered) + " |")
    for theme in themes:
        cells = []
        for doc in ordered:
            count = len(tagged(doc, theme))
            cells.append(f"[{count}]({theme.id}.md#doc-{doc.meta.id})" if count else "")
        lines.append(f"| [{escape(theme.short)}]({theme.id}.md) | " + " | ".join(cells) + " |")
    lines += ["", "**文書の番号**（古い順" + ("。旧版は最新版のすぐ後" if older else "") + "）", ""]
    lines += [f"{n}. [{escape(doc.meta.title)}](../documents/{doc.meta.id}/index.md)（{doc.meta.date.year}）"
              f"{_old_mark(doc, older)}" for n, doc in enumerate(ordered, 1)]
    return [*lines, "", "</div>", ""]


def _matrix_lists(ordered: list[Document], themes: list[Theme], narrow_only: bool) -> list[str]:
    """The same counts as one list per theme: what a phone shows instead of the table."""
    kind = "atlas-matrix--lists" + (" atlas-matrix--narrow" if narrow_only else "")
    lines = [f'<div class="atlas-matrix {kind}" markdown>', ""]
    for theme in themes:
        lines += [f"**[{escape(theme.ja)}]({theme.id}.md)**", ""]
        covering = [(doc, len(tagged(doc, theme))) for doc in ordered]
        items = [f"- [{escape(doc.meta.title)}（{doc.meta.date.year}）]({theme.id}.md#doc-{doc.meta.id})：{count}節"
                 for doc, count in covering if count]
        lines += [*(items or ["- このテーマを主題とする節はまだありません。"]), ""]
    return [*lines, "</div>", ""]


def glossary_page(glossary: dict[str, str]) -> Page:
    lines = [front_matter("用語集"), "# 用語集", "",
             "文書に出てくる略語と用語です。"
             "本文では、各節で最初に出てくる箇所（点線の下線）にマウスを重ねるか、"
             "タップするか、Tab キーで移ると説明が表示されます。", "",
             "| 用語 | 説明 |", "| --- | --- |"]
    for term, title in sorted(glossary.items(), key=lambda kv: kv[0].lower()):
        lines.append(f'| <span id="{glossary_anchor(term)}">{escape(term)}</span> | {escape(title)} |')
    return Page("glossary.md", "用語集", finish_page(lines))


def glossary_anchor(term: str) -> str:
    """The id of a term's row on the glossary page (search links it)."""
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


@dataclass(frozen=True)
class Event:
    when: date
    label: str  # the date as shown: 2019年1月23日 or 2017年9月
    title: str
    terms: tuple[str, ...]


def load_events(path: Path) -> list[Event]:
    events = []
    for event in validate(load_located(path), Events, "title").events:
        when, precision = event.date
        label = {"day": f"{when.year}年{when.month}月{when.day}日", "month": f"{when.year}年{when.month}月",
                 "year": f"{when.year}年"}[precision]
        events.append(Event(when, label, event.title, tuple(event.terms)))
    return events


def timeline_page(documents: list[Document], events: list[Event]) -> Page:
    """Documents and the events they mention, in date order, each event linked to its passages."""
    rows: list[tuple[date, int, list[str]]] = []
    for doc in _documents_by_date(documents):
        rows.append((doc.meta.date, 1, [
            f"## {date_label(doc.meta)} 文書：[{escape(doc.meta.title)}]"
            f"(documents/{doc.meta.id}/index.md) {{#doc-{doc.meta.id}}}", "",
            f"{escape(doc.meta.body)}。{escape(doc.meta.summary)}", ""]))
    for number, event in enumerate(events, 1):
        passages = _event_passages(documents, event)
        block = [f"## {event.label} {escape(event.title)} {{#event-{number}}}", ""]
        if passages:
            block += ["この出来事に触れている箇所：", "", *passages, ""]
        rows.append((event.when, 0, block))
    lines = [front_matter("年表"), "# 年表", "",
             "文書と、文書が言及する出来事を日付順に並べています。"
             "出来事からは、それに触れている箇所へ移動できます。", ""]
    for _, _, block in sorted(rows, key=lambda r: (r[0], r[1])):
        lines += block
    return Page("timeline.md", "年表", finish_page(lines))


def _event_passages(documents: list[Document], event: Event) -> list[str]:
    terms = [fold(t) for t in event.terms]
    found = []
    for doc in _documents_by_date(documents):
        label = HeadingContext(doc).label
        for section in doc.all_sections():
            folded = fold(section.title + section_text(section))
            if any(term in folded for term in terms):
                url = section_url(doc, section, "")
                found.append(f"- [{escape(label(section))}]({url}) — {escape(doc.meta.title)}："
                             f"{escape(_excerpt(section, terms=list(event.terms)))}")
    return found[:8]
