"""Document model → Markdown pages, the home page's document list and the nav.

Long documents get one page per top-level chapter (``/documents/<id>/<n>/``);
short ones are a single page.  Output is deterministic: nothing here depends
on time, dict order of the file system or the machine.
"""

from __future__ import annotations

import bisect
import functools
import html
import itertools
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ..enrich.context import HeadingContext
from ..enrich.layout import PRINT_LIMIT, has_own_page, is_split
from ..enrich.links import holders
from ..enrich.routing import (
    ABOUT,
    DOCUMENT_LIST,
    FEED,
    GLOSSARY,
    HOME,
    REPORT,
    TAGS,
    THEME_LIST,
    TIMELINE,
    document_file,
    document_page,
    href,
    link,
    print_page,
    redirect_page,
    root,
    section_url,
    source_file,
    source_view_page,
    theme_page,
    url,
)
from ..enrich.themes import Theme
from ..model.document import Block, Document, DocumentMeta, Section, Table, block_refs, section_heading
from ..model.walk import parent_of, sections_with_ancestors
from ..read.page_labels import cite_page
from ..text.labels import date_label, date_text, iso_label, kind_label
from ..text.ruby_marks import with_readings
from .bibliography import DOWNLOADS, downloads, front_matter_lines
from .feed import newest_added
from .markdown import block_markdown, escape, with_refs
from .write_clean import clean_text


@dataclass
class Corpus:
    """What pages link across: every document, the themes and the glossary."""

    documents: dict[str, Document] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    glossary: dict[str, str] = field(default_factory=dict)  # term → title
    # Editions (write_editions.edition_notes): doc id → the note under its metadata, and → the
    # banner every page of an older edition shows
    edition_notes: dict[str, str] = field(default_factory=dict)
    edition_banners: dict[str, str] = field(default_factory=dict)
    # (document, page) → ids the page shows for other words than it first did (links.LinkMap.shadowed)
    shadowed: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    _contexts: dict[str, HeadingContext] = field(default_factory=dict, repr=False)

    def context(self, document: Document) -> HeadingContext:
        """The document's heading contexts (repeated headings shown with their parents)."""
        if document.meta.id not in self._contexts:
            self._contexts[document.meta.id] = HeadingContext(document)
        return self._contexts[document.meta.id]


@dataclass
class PageContext:
    """What rendering one document page needs beyond the model."""

    document: Document
    corpus: Corpus
    note_ids: dict[str, str]
    whole_document: bool = False  # the print view: every section inline, whatever its page

    @property
    def page(self) -> str:
        """A page of this document (all of them are in one folder, so links from each read alike)."""
        return document_page(self.document.meta.id)

    @functools.cached_property
    def referenced_anywhere(self) -> set[str]:
        """The notes the document's text refers to somewhere: asked by every page of it (for the loose
        notes it shows), so read once — a long document has hundreds of pages."""
        return _referenced_labels(self.document.all_sections(), self.document.preamble)

    def resolve(self, target: str) -> tuple[str, str] | None:
        kind, _, value = target.partition(":")
        if kind == "theme" and value in self.corpus.themes:
            return "link", link(self.page, theme_page(value))
        if kind == "abbr" and value in self.corpus.glossary:
            return "abbr", self.corpus.glossary[value]
        return None


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/, e.g. "documents/x/index.md"
    title: str
    text: str


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------


def document_pages(
    document: Document, parent: Document | None, parts: list[Document], corpus: Corpus | None = None
) -> list[Page]:
    ctx = PageContext(document, corpus or Corpus(), {note.id: note.id for note in document.footnotes})
    meta = document.meta
    home = document_page(meta.id)
    shadowed = ctx.corpus.shadowed.get((meta.id, ""), [])
    lines = [f"# {escape(meta.title)}", "", _cite_meta(document, moved=shadowed), "",
             *_edition_banner(document, ctx.corpus),
             _metadata_table(document, parent), ""]
    lines += [escape(meta.summary), "{: .atlas-summary }", ""]
    if meta.id in ctx.corpus.edition_notes:
        lines += [ctx.corpus.edition_notes[meta.id], ""]
    if parts:
        lines += ["## 収録文書 {#parts}", ""]
        for part in parts:
            lines.append(f"- [{escape(part.meta.title)}]({link(home, document_page(part.meta.id))})"
                         f" — {escape(part.meta.body)}")
        lines.append("")
    lines += _blocks_markdown(document.preamble, ctx, None)
    pages: list[Page] = []
    if is_split(document):
        lines += ['<div class="atlas-outline" markdown>', "", "**目次**", ""]
        lines += _outline(document, document.sections, home, 0, ctx.corpus)
        lines += ["", "</div>", ""]
        for section, ancestors in sections_with_ancestors(document.sections):
            if has_own_page(section):
                pages.append(_section_page(section, parent_of(ancestors), ctx))
    else:
        if document.all_sections():
            lines += ['<div class="atlas-outline" markdown>', "", "**目次**", ""]
            lines += _outline(document, document.sections, home, 0, ctx.corpus)
            lines += ["", "</div>", ""]
        for section in document.sections:
            lines += _section_markdown(section, 2, ctx, document.sections)
        lines += _footnotes(ctx, None)
    index_sections = [] if is_split(document) else document.all_sections()
    tags = _page_tags(index_sections, ctx.corpus)
    pages.insert(0, Page(home, meta.title,
                         finish_page([front_matter(meta.title, tags, meta.summary, meta), *lines])))
    pages += [Page(document_file(meta.id, name), meta.title, text) for name, text in downloads(meta).items()]
    if document.lines:
        if document.text_length <= PRINT_LIMIT:
            pages.append(_print_page(document, parent, replace(ctx, whole_document=True)))
        pages.extend(_source_pages(document))
        # The BOM makes browsers read it as UTF-8 even from a server that sends no charset.
        pages.append(Page(clean_text_path(meta.id), meta.title, "\ufeff" + clean_text(document)))
    return pages


def block_ids(block: Block) -> Callable[[], str]:
    """The permalink ids of a block (a list's items each have one), in the order the writer asks.

    anchors.assign_block_ids set them; a block no conversion numbered (a page written from a
    model built by hand) counts by position like a first release would."""
    ids = iter([holder.anchor for holder in holders([block])])
    return lambda: next(ids)


def moved_page(document: str, page: str, to_url: str) -> Page:
    """A static redirect page for a page a release published and no conversion writes any more.

    Plain HTML at the old address (not a Markdown page: it belongs in no nav and needs no theme):
    assets/atlas-links.js sends the reader, and the link's #id through the document's map, to
    where the text is now; without scripts, a refresh goes to the page most of its text went to."""
    path = redirect_page(document, page)
    to_root = root(path)
    target = html.escape(to_root + to_url, quote=True)
    data = " ".join(f'data-{key}="{html.escape(value, quote=True)}"'
                    for key, value in [("document", document), ("page", page), ("to", to_url), ("root", to_root)])
    text = f"""<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>このページは移動しました</title>
<noscript><meta http-equiv="refresh" content="0; url={target}"></noscript>
</head>
<body>
<div class="atlas-moved" {data} hidden></div>
<p>このページの内容は<a href="{target}">こちら</a>に移りました。</p>
<script src="{to_root}assets/atlas-links.js"></script>
</body>
</html>
"""
    return Page(path, "このページは移動しました", text)


def _section_page(section: Section, holder: Section | None, ctx: PageContext) -> Page:
    """A chapter's page, or a section's (listed on its ``holder``'s page) when its chapter is too long."""
    document, meta = ctx.document, ctx.document.meta
    path = document_page(meta.id, section.anchor)
    up = [f"[{escape(meta.title)}]({link(path, document_page(meta.id))}){{: .atlas-doc-link }}"]
    if holder is not None:
        up.append(f"[{escape(section_heading(holder))}]({link(path, document_page(meta.id, holder.anchor))})"
                  "{: .atlas-doc-link }")
    shadowed = ctx.corpus.shadowed.get((meta.id, section.anchor), [])
    lines = [" › ".join(up), "", _cite_meta(document, moved=shadowed), "", *_edition_banner(document, ctx.corpus),
             f"# {heading_markdown(section, ctx.note_ids)} {{#{section.anchor}{_toc_label(section)}}}", ""]
    lines += _section_body(section, 1, ctx)
    lines += _footnotes(ctx, section)
    title = section_heading(section)
    tags = _page_tags(sections_on_page(section), ctx.corpus)
    return Page(path, title,
                finish_page([front_matter(f"{title} | {meta.title}", tags, meta.summary, meta), *lines]))


def sections_on_page(section: Section) -> list[Section]:
    """The sections a section's own page shows: itself and the subsections without pages of their own."""
    return [inner for inner in section.walk() if inner.page == section.anchor]


def _edition_banner(document: Document, corpus: Corpus) -> list[str]:
    """「この文書には新しい版があります」 on every page of an older edition, linking the newest."""
    banner = corpus.edition_banners.get(document.meta.id)
    return [banner, ""] if banner else []


def _cite_meta(document: Document, reading: str = "", moved: list[str] | None = None) -> str:
    """What "copy citation" needs about the document, for assets/atlas-cite.js.

    ``reading``: on the print view, the document's reading page relative to it (its URL), so that
    a citation copied there points to where the passage is read, not to the print view.
    ``moved``: ids this page shows for other words than it first did (assets/atlas-links.js).
    """
    meta = document.meta
    values = {"title": meta.title, "body": meta.body, "date": date_label(meta)}
    if meta.url.startswith(("https://", "http://")):  # the official address, cited as a link
        values["url"] = meta.url
    if reading:
        values["reading"] = reading
    if moved:
        values["moved-ids"] = " ".join(sorted(moved))
    data = " ".join(f'data-{k}="{html.escape(v, quote=True)}"' for k, v in values.items())
    return f'<div class="atlas-cite-meta" {data} hidden></div>'


def _print_page(document: Document, parent: Document | None, ctx: PageContext) -> Page:
    """The whole document on one page, for printing (not in the nav)."""
    meta = document.meta
    lines = [front_matter(f"{meta.title}（印刷用）", None, meta.summary, meta), f"# {escape(meta.title)}", "",
             _cite_meta(document, reading=href(print_page(meta.id), document_page(meta.id))), "",
             _metadata_table(document, parent), "",
             escape(meta.summary), "{: .atlas-summary }", ""]
    lines += _blocks_markdown(document.preamble, ctx, None)
    for section in document.sections:
        lines += _section_markdown(section, 2, ctx, document.sections)
    lines += _footnotes(ctx, None)
    return Page(print_page(meta.id), f"{meta.title}（印刷用）", finish_page(lines))


SOURCE_KINDS = {"pdf-text": "PDF から抽出されたままのテキスト", "clean": "整形済みテキスト",
                "pdf": "PDF のテキスト層からページごとに読み取った行"}


# A source view holds this many lines (the longest real part has 3,175): a longer document's
# view continues on further pages, so no page outgrows the weight budget.
SOURCE_VIEW_LINES = 5000


def source_view_path(document: Document, line_number: int) -> str:
    """The source-view page that shows ``line_number``."""
    return source_view_page(document.meta.id, (line_number - document.lines[0].number) // SOURCE_VIEW_LINES)


def clean_text_path(document: str) -> str:
    """The document's clean text (write_clean), beside its pages."""
    return document_file(document, f"{document}.txt")


def _source_pages(document: Document) -> list[Page]:
    """The source lines this document came from, numbered and linkable (#L123), noise marked."""
    meta = document.meta
    chunks = [document.lines[i : i + SOURCE_VIEW_LINES] for i in range(0, len(document.lines), SOURCE_VIEW_LINES)]
    # A PDF's lines each link back to the section that holds them (its page view has no other map).
    holders = sorted(((s.span.start, s) for s in document.all_sections()), key=lambda pair: pair[0]) \
        if document.page_of(document.lines[0].number) else []
    pages = []
    for chunk in chunks:
        first, last = chunk[0].number, chunk[-1].number
        path = source_view_path(document, first)
        lines = [front_matter(f"原文 | {meta.title}"), f"# 原文：{escape(meta.title)}", "",
                 f"[{escape(meta.title)}]({link(path, document_page(meta.id))}) の変換元 "
                 f"`{escape(meta.source)}` の {first}〜{last} 行目です（{SOURCE_KINDS[meta.format]}）。"
                 "網掛けの行はページ番号などのノイズとして本文から除いた行です。", ""]
        if len(chunks) > 1:
            around = [f"[{c[0].number}〜{c[-1].number} 行]({link(path, source_view_path(document, c[0].number))})"
                      if c is not chunk else f"**{first}〜{last} 行**" for c in chunks]
            lines += ["続き：" + " · ".join(around), ""]
        lines.append('<pre class="atlas-source">')
        for line in chunk:
            if line.layout is not None and line.page_start:
                page = line.page
                label = cite_page(page, document.page_labels)
                pdf = html.escape(href(path, source_file(meta.source)))
                lines.append(f'<span class="atlas-source-page" id="page-{page}"><a href="{pdf}#page={page}">'
                             f'{label}</a></span>')
            css = "" if line.kind in ("body", "blank", "markup") else f' class="atlas-furniture" title="{line.kind}"'
            back = ""
            if holders and line.kind == "body":
                back = _source_section_link(document, holders, line.number, path)
            lines.append(f'<span id="L{line.number}"{css}><a href="#L{line.number}">{line.number}</a> '
                         f"{html.escape(with_readings(line.raw), quote=False)}{back}</span>")
        lines.append("</pre>")
        pages.append(Page(path, f"原文 | {meta.title}",
                          "\n".join(lines) + "\n"))
    return pages


def _source_section_link(document: Document, holders: list[tuple[int, Section]], line: int, view: str) -> str:
    """" §" linking to the section a source line belongs to: the last section starting at or before it.

    The link is raw HTML inside the source view's <pre>, so it names the built page's URL
    (directory URLs: documents/<id>/<page>/) rather than a Markdown file.
    """
    index = bisect.bisect_right(holders, line, key=lambda pair: pair[0]) - 1
    if index < 0:
        return ""
    section = holders[index][1]
    target = href(view, document_page(document.meta.id, section.page)) + f"#{section.anchor}"
    title = html.escape(with_readings(section_heading(section)))
    return f' <a class="atlas-source-section" href="{target}" title="{title}">§</a>'


def _page_tags(sections: list[Section], corpus: Corpus) -> dict[str, str]:
    """Theme name → theme page for Material's tags: every theme a section on the page is tagged with."""
    seen: dict[str, str] = {}
    for section in sections:
        for theme_id in section.themes:
            name = corpus.themes[theme_id].ja if theme_id in corpus.themes else theme_id
            seen.setdefault(name, url(theme_page(theme_id)))
    return seen


def front_matter(title: str, tags: dict[str, str] | None = None, description: str = "",
                 document: DocumentMeta | None = None) -> str:
    """YAML front matter: the page title for <title>, nav and search, whatever the H1 holds,
    a description for search engines and link previews, and the page's themes as tags.

    ``tags``: theme name → its theme page (site-relative URL). The names are Material's tags
    (the タグ page lists the pages by them); ``theme_pages`` lets overrides/partials/tags.html
    link each chip to its theme page, where the themes under each section lead too.
    ``document``: on a document's pages, what citations and print need (bibliography.py)."""
    # Titles and descriptions are plain text (<title>, nav, link previews): a word's ruby in brackets.
    lines = ["---", f"title: {_q(with_readings(title))}"]
    if description:
        lines.append(f"description: {_q(with_readings(description))}")
    if tags:
        lines.append("tags:")
        lines += [f"  - {_q(tag)}" for tag in tags]
        lines.append("theme_pages:")
        lines += [f"  {_q(tag)}: {_q(url)}" for tag, url in tags.items()]
    if document is not None:
        lines += front_matter_lines(document, _q)
    # The site searches with its own index (atlas/, scripts/atlas/write/search.py); Material's lunr index of the
    # same pages would only add megabytes that nobody downloads.
    lines += ["search:", "  exclude: true"]
    return "\n".join([*lines, "---", ""])


def finish_page(lines: list[str]) -> str:
    text = "\n".join(lines).rstrip() + "\n"
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text


def _metadata_table(document: Document, parent: Document | None) -> str:
    meta = document.meta
    home = document_page(meta.id)
    source = link(home, source_file(meta.source))
    where = f"行 {meta.lines[0]}–{meta.lines[1]}" if meta.lines else "全文"
    if meta.replaces and parent is not None:
        first, last = meta.replaces
        where += f"。{escape(parent.meta.source)} の行 {first}–{last} を整えたもの"
    rows = [
        ("発行", escape(meta.body)),
        ("日付", _date_cell(document)),
        ("種類", escape(_kind(meta.kind))),
        ("原文", f"[{escape(meta.source)}]({source})（{where}）"),
    ]
    if meta.url:  # given by the catalog, never guessed
        rows.append(("公式", _official_link(meta.url)))
    if parent is not None:
        rows.append(("収録", f"[{escape(parent.meta.title)}]({link(home, document_page(parent.meta.id))})"))
    # The span marks the row, which printing hides (as the print link's).
    rows.append(("引用", '<span class="atlas-cite-downloads"></span>' + "・".join(
        f"[{label}]({link(home, document_file(meta.id, f'{meta.id}.{suffix}'))}){{: download=\"\" }}"
        for suffix, label in DOWNLOADS.items())))
    if document.lines:
        # The span marks the row, which printing hides (a printed page has no use for it).
        rows.append(("印刷", '<span class="atlas-print-link"></span>'
                     + (f"[文書全体を1ページで表示]({link(home, print_page(meta.id))})"
                        if document.text_length <= PRINT_LIMIT
                        else "長い文書のため、章ごとのページから印刷してください")))
        text = link(home, clean_text_path(meta.id))
        rows.append(("テキスト", f"[{meta.id}.txt]({text})（見出し・段落・注を整えた全文。"
                     f"[書式]({link(home, ABOUT)}#clean-text)）"))
    out = ['<div class="atlas-meta" markdown>', "", "| 項目 | 内容 |", "| --- | --- |"]
    out += [f"| {key} | {value} |" for key, value in rows]
    out += ["", "</div>"]
    return "\n".join(out)


def _date_cell(document: Document) -> str:
    meta = document.meta
    if meta.date_note:
        return f"{date_text(meta)}頃（推定：{escape(meta.date_note)}）"
    return f"{date_label(meta)}（{iso_label(meta)}）"


def _kind(kind: str) -> str:
    """The kind in Japanese (the catalog refuses an English kind with no label)."""
    return kind_label(kind) or kind


def _official_link(url: str) -> str:
    """The issuer's page for the document; raw HTML so that no character of the address is Markdown.

    Only a web address becomes a link (a "javascript:" one would run on click); anything else
    is shown as text.
    """
    href = html.escape(url, quote=True).replace("|", "%7C")  # "|" would end the table cell
    if not url.startswith(("https://", "http://")):
        return f"公式掲載ページ：{href}"
    return f'<a class="atlas-official" href="{href}">公式掲載ページ</a>'


def _outline(document: Document, sections: list[Section], page: str, depth: int, corpus: Corpus) -> list[str]:
    out: list[str] = []
    context = corpus.context(document)
    for section in sections:
        item = f"{'    ' * depth}- [{escape(section_heading(section))}]({section_url(document, section, page)})"
        note = context.sibling_note(section, sections)
        if note:  # the eleventh 【対応策】 in a row: say which one by its first words
            item += f' <span class="atlas-heading-context">{html.escape(note)}</span>'
        out.append(item)
        if depth < 2:
            out += _outline(document, section.children, page, depth + 1, corpus)
    return out


def heading_markdown(section: Section, note_ids: dict[str, str]) -> str:
    """The heading as printed, the note marks closing its title as footnote references."""
    text = section_heading(section)
    shift = len(text) - len(section.title)
    return with_refs(text, [replace(ref, offset=ref.offset + shift) for ref in section.refs], note_ids)


def _toc_label(section: Section) -> str:
    """A heading with a note mark is listed in the table of contents without it."""
    if not section.refs:
        return ""
    label = "".join(c for c in section_heading(section) if c not in '"{}<>&')
    return f' data-toc-label="{label}"'


def _section_markdown(section: Section, level: int, ctx: PageContext, siblings: list[Section]) -> list[str]:
    hashes = "#" * min(level, 6)
    attrs = f"#{section.anchor}"
    note = ctx.corpus.context(ctx.document).sibling_note(section, siblings)
    if note:  # the table of contents tells eleven 【対応策】 apart by their first words
        label = "".join(c for c in f"{section_heading(section)} {note}" if c not in '"{}<>&')
        attrs += f' data-toc-label="{label}"'
    if ctx.whole_document:  # on the print view each heading names the reading page of its section, for citations
        attrs += f' data-reading-page="{section.page or ""}"'
    if section.refs and not note:
        attrs += _toc_label(section)
    lines = [f"{hashes} {heading_markdown(section, ctx.note_ids)} {{{attrs}}}", ""]
    lines += _section_body(section, level, ctx)
    return lines


def _section_body(section: Section, level: int, ctx: PageContext) -> list[str]:
    lines: list[str] = _section_meta(section, ctx)
    lines += _blocks_markdown(section.blocks, ctx, ctx.document.page_of(section.span.start))
    lines += _related(section, ctx)
    def on_own_page(child: Section) -> bool:
        return has_own_page(child) and not ctx.whole_document

    own_pages = [child for child in section.children if on_own_page(child)]
    for child in section.children:
        if not on_own_page(child):
            lines += _section_markdown(child, level + 1, ctx, section.children)
    if own_pages:  # a long section's subsections, each on its own page
        lines += ['<div class="atlas-outline" markdown>', ""]
        lines += [f"- [{escape(section_heading(c))}]({section_url(ctx.document, c, ctx.page)})" for c in own_pages]
        lines += ["", "</div>", ""]
    return lines


def _blocks_markdown(blocks: list[Block], ctx: PageContext, shown_page: int | None) -> list[str]:
    """The blocks, each PDF page that begins among them marked (「p. N」) before its first block.

    ``shown_page`` is the page already marked above them (a section's heading line names its own);
    the blocks before the first heading have none, so a document without headings (a comparison
    table, a form) still has every page marked and citable."""
    lines: list[str] = []
    for block in blocks:
        page = ctx.document.page_of(block.span.start)
        if page and page != shown_page:  # a PDF page begins here: say where
            lines += [_pdf_page_link(ctx.document, page), ""]
            shown_page = page
        row_marks: dict[int, str] = {}
        if isinstance(block, Table):  # a table that goes on over a page break: each page marked in it
            for index, line in enumerate(block.row_lines):
                page = ctx.document.page_of(line)
                if page and page != shown_page:
                    row_marks[index] = _pdf_page_link(ctx.document, page)
                    shown_page = page
        lines += [block_markdown(block, ctx.note_ids, ctx.resolve, block_ids(block), row_marks), ""]
    return lines


def _section_meta(section: Section, ctx: PageContext) -> list[str]:
    """Under a heading: the section's themes and a link to the source lines it came from."""
    parts = []
    themes = [ctx.corpus.themes[t] for t in section.themes if t in ctx.corpus.themes]
    if themes:
        parts.append('<span class="atlas-theme-chips">テーマ：'
                     + " ".join(f"[{escape(t.ja)}]({link(ctx.page, theme_page(t.id))})" for t in themes) + "</span>")
    page = ctx.document.page_of(section.span.start)
    if page:
        parts.append(_pdf_page_link(ctx.document, page))
    if ctx.document.lines:
        span = section.span
        where = f"{span.start}" if span.start == span.end else f"{span.start}–{span.end}"
        view = link(ctx.page, source_view_path(ctx.document, span.start))
        parts.append(f"[原文 {where} 行]({view}#L{span.start})"
                     "{: .atlas-source-link }")
    return [" ".join(parts), "{: .atlas-themes }", ""] if parts else []


def _pdf_page_link(document: Document, page: int) -> str:
    """"p. 12" (or 「p. 18（PDF 25頁）」 where the page prints another number), linking to that sheet
    of the published PDF; citations name the page as this link does."""
    target = f"{link(document_page(document.meta.id), source_file(document.meta.source))}#page={page}"
    label = cite_page(page, document.page_labels)
    return f'[{label}]({target}){{: .atlas-pdf-page data-page="{page}" }}'


def _related(section: Section, ctx: PageContext) -> list[str]:
    """"Related in other documents": a few links at the end of the section's own text, folded
    (a <details>) so that they are there when wanted and out of the way when reading.

    themes.relate_sections gives none to rosters and particulars. A repeated heading
    (【対応策】) is shown with its parents', as it stands out of its own document here."""
    items = []
    for related in section.related:
        other = ctx.corpus.documents.get(related.document)
        target = next((s for s in other.all_sections() if s.anchor == related.anchor), None) if other else None
        if other is None or target is None:
            continue
        label = ctx.corpus.context(other).label(target)
        items.append(f"- [{escape(label)}]({section_url(other, target, ctx.page)}) — {escape(other.meta.title)}")
    if not items:
        return []
    summary = f"<summary>他の文書の関連箇所（{len(items)}）</summary>"
    return ['<details class="atlas-related" markdown>', summary, "", *items, "", "</details>", ""]


def _footnotes(ctx: PageContext, chapter: Section | None) -> list[str]:
    """Footnote definitions for a page: those its text refers to, and loose notes printed in its range.

    A note whose marker could not be found is still shown (as a plain list
    after the text), never dropped.
    """
    document = ctx.document
    if not document.footnotes:
        return []
    sections = sections_on_page(chapter) if chapter else document.all_sections()
    referenced = _referenced_labels(sections, document.preamble if chapter is None else [])
    lines = [f"[^{n.id}]: {escape(n.text)}" for n in document.footnotes if n.id in referenced]
    loose = [n for n in document.footnotes
             if n.id not in ctx.referenced_anywhere and _page_range_holds(document, chapter, n.span.start)]
    if loose:
        lines += ["", '<div class="atlas-notes" markdown>', ""]
        lines += [f"- {escape(n.label)} {escape(n.text)}" for n in loose]
        lines += ["", "</div>"]
    return ["", *lines] if lines else []


def _page_range_holds(document: Document, chapter: Section | None, line: int) -> bool:
    """Whether source ``line`` falls in this page's part of the document."""
    if chapter is None:
        return True
    # By identity: sections compare equal by value, and comparing whole sections is slow.
    index = next((i for i, c in enumerate(document.sections) if c is chapter), None)
    if index is None:
        return False  # loose notes stand on the chapter's own page
    starts = [c.span.start for c in document.sections]
    end = starts[index + 1] if index + 1 < len(starts) else float("inf")
    return (index == 0 or chapter.span.start <= line) and line < end


def _referenced_labels(sections: list[Section], preamble: list[Block]) -> set[str]:
    blocks = [*preamble, *(block for section in sections for block in section.blocks)]
    return ({ref.key or ref.label for block in blocks for ref in block_refs(block)}
            | {ref.key or ref.label for section in sections for ref in section.refs})


# ---------------------------------------------------------------------------
# Home page and nav
# ---------------------------------------------------------------------------


# The home page, which every visitor opens, lists the newest documents only; the list of them all
# is a page of its own, so the home page stays light however large the library grows.
HOME_LIMIT = 30


def home_page(intro: str, documents: list[Document]) -> Page:
    newest = newest_first(documents)
    lines = [intro.rstrip(), "", *_new_documents(documents), "## 収録文書 {#documents}", ""]
    if len(newest) > HOME_LIMIT:
        every = link(HOME, DOCUMENT_LIST)
        lines += [f"新しい {HOME_LIMIT} 件です。全 {len(newest)} 件は[文書一覧]({every})にあります。", ""]
    lines += _document_table(newest[:HOME_LIMIT], HOME)
    return Page(HOME, "ホーム", finish_page(lines))


# How many documents the home page's 新着 list names (the feed has them all).
NEW_LIMIT = 5


def _new_documents(documents: list[Document]) -> list[str]:
    """The 新着 list: the latest documents added to the Atlas, with the day each was added."""
    added = newest_added(documents)[:NEW_LIMIT]
    if not added:
        return []
    lines = ["## 新着 {#new}", "",
             f"Atlas に新しく加わった文書です（[Atom フィード]({link(HOME, FEED)})で購読できます。"
             f"[全文書]({link(HOME, DOCUMENT_LIST)})）。", ""]
    for doc in added:
        meta = doc.meta
        lines.append(f"- {_day(meta.added)}追加：[{escape(meta.title)}]({link(HOME, document_page(meta.id))})"
                     f"（{escape(meta.body)}、{date_label(meta)}）")
    return [*lines, ""]


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def document_list_page(documents: list[Document]) -> Page:
    """Every document, newest first, as a plain table; assets/atlas-list.js adds sorting (by date
    of issue or of addition, by issuer) and filters (issuer, kind, year) from each row's data-*."""
    lines = ["# 文書一覧", "", f"収録文書 {len(documents)} 件（新しい順）。"
             f"新しく加わった文書は [Atom フィード]({link(DOCUMENT_LIST, FEED)})でも届きます。", ""]
    lines += _document_list_table(newest_first(documents))
    return Page(DOCUMENT_LIST, "文書一覧", finish_page(lines))


def _document_list_table(documents: list[Document]) -> list[str]:
    """The list as an HTML table whose rows carry what sorting and filtering read (ISO dates,
    issuer, kind); the cells are Markdown (md_in_html), so the links are checked and rewritten
    like any other."""
    # md_in_html reads Markdown in a cell only when every element around it asks for it.
    lines = ['<table class="atlas-doc-list" markdown="block">',
             "<thead><tr><th>日付</th><th>文書</th><th>発行</th><th>種類</th><th>追加</th><th>概要</th></tr></thead>",
             '<tbody markdown="block">']
    for doc in documents:
        meta = doc.meta
        data = {"issued": meta.date.isoformat(), "added": meta.added.isoformat() if meta.added else "",
                "issuer": meta.body, "kind": _kind(meta.kind), "year": str(meta.date.year)}
        attributes = " ".join(f'data-{k}="{html.escape(v, quote=True)}"' for k, v in data.items())
        lines += [f'<tr {attributes} markdown="block">',
                  f'<td>{html.escape(date_label(meta))}</td>',
                  f'<td markdown="span">[{escape(meta.title)}]({link(DOCUMENT_LIST, document_page(meta.id))})</td>',
                  f"<td>{html.escape(meta.body)}</td>",
                  f"<td>{html.escape(_kind(meta.kind))}</td>",
                  f"<td>{_day(meta.added) if meta.added else '—'}</td>",
                  f"<td>{html.escape(meta.summary)}</td>",
                  "</tr>"]
    return [*lines, "</tbody>", "</table>", ""]


def _document_table(documents: list[Document], page: str) -> list[str]:
    lines = ["| 日付 | 文書 | 発行 | 種類 | 概要 |", "| --- | --- | --- | --- | --- |"]
    for doc in documents:
        meta = doc.meta
        lines.append(
            f"| {date_label(meta)} | [{escape(meta.title)}]({link(page, document_page(meta.id))}) | "
            f"{escape(meta.body)} | {escape(_kind(meta.kind))} | "
            f"{escape(meta.summary)} |"
        )
    return lines


def newest_first(documents: list[Document]) -> list[Document]:
    return sorted(documents, key=lambda d: (-d.meta.date.toordinal(), d.meta.id))


# Each issuing body is a top-level group, which Material always renders open (navigation.sections),
# so every document's title is in the sidebar and the mobile drawer on every page; a group of
# hundreds of documents would make every page, and the build, grow with the corpus, so a body's
# documents are divided into groups of at most this many (navigation.prune folds those closed).
NAV_GROUP_LIMIT = 20
# The page of a split document that holds its summary and table of contents. Its own nav entry
# (not a section index page: navigation.indexes is off) so that, like every page, it is a leaf
# that Material gives a table of contents in the mobile drawer.
DOCUMENT_HOME_LABEL = "概要と目次"


def nav_yaml(documents: list[Document], themes: list[Theme] | None = None, glossary: bool = False) -> str:
    """The ``nav:`` block for mkdocs.yml: documents grouped by issuing body, newest first.

    Every document is listed under its own title: a one-page document is a leaf, a split one a
    section with its title whose pages follow. No document page is a section index (with
    navigation.indexes the first document of a group became the group's page, losing its own
    entry and its table of contents on narrow screens). A body with more than NAV_GROUP_LIMIT
    documents is divided by year, and a year with more than that into runs of NAV_GROUP_LIMIT.
    """
    groups: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        groups[doc.meta.body.split()[0]].append(doc)
    order = sorted(groups, key=lambda body: (-max(d.meta.date for d in groups[body]).toordinal(), body))
    out = ["nav:", f"  - ホーム: {HOME}", f"  - 文書一覧: {DOCUMENT_LIST}"]
    for body in order:
        out.append(f"  - {_q('文書：' + body)}:")
        for label, docs in nav_groups(newest_first(groups[body])):
            if label is None:
                out += _nav_documents(docs, "    ")
            else:
                out.append(f"    - {_q(label)}:")
                out += _nav_documents(docs, "      ")
    if themes:
        out += ["  - テーマ:", f"    - テーマ一覧: {THEME_LIST}"]
        out += [f"    - {_q(t.ja)}: {theme_page(t.id)}" for t in themes]
    out += [f"  - 年表: {TIMELINE}"]
    if glossary:
        out += [f"  - 用語集: {GLOSSARY}"]
    out += [f"  - タグ: {TAGS}", f"  - 変換レポート: {REPORT}", f"  - このサイトについて: {ABOUT}"]
    return "\n".join(out) + "\n"


def nav_groups(docs: list[Document]) -> list[tuple[str | None, list[Document]]]:
    """One unlabelled group when small; else by year ("2024年"), long years in runs ("2024年（2/3）")."""
    if len(docs) <= NAV_GROUP_LIMIT:
        return [(None, docs)]
    groups: list[tuple[str | None, list[Document]]] = []
    for year, in_year in itertools.groupby(docs, key=lambda d: d.meta.date.year):
        year_docs = list(in_year)
        runs = [year_docs[i : i + NAV_GROUP_LIMIT] for i in range(0, len(year_docs), NAV_GROUP_LIMIT)]
        for index, run in enumerate(runs, 1):
            groups.append((f"{year}年" if len(runs) == 1 else f"{year}年（{index}/{len(runs)}）", run))
    return groups


def _nav_documents(docs: list[Document], indent: str) -> list[str]:
    out: list[str] = []
    for doc in docs:
        label = f"{doc.meta.title}（{doc.meta.date.year}）"
        if is_split(doc):
            out.append(f"{indent}- {_q(label)}:")
            out.append(f"{indent}  - {DOCUMENT_HOME_LABEL}: {document_page(doc.meta.id)}")
            for chapter in doc.sections:
                out += _nav_section_pages(doc.meta.id, chapter, indent + "  ")
        else:
            out.append(f"{indent}- {_q(label)}: {document_page(doc.meta.id)}")
    return out


def _nav_section_pages(document: str, section: Section, indent: str) -> list[str]:
    """A section's page in the nav, with the pages of its subsections under it when they have some."""
    below = [child for child in section.children if has_own_page(child)]
    title = _q(section_heading(section))
    path = document_page(document, section.anchor)
    if not below:
        return [f"{indent}- {title}: {path}"]
    out = [f"{indent}- {title}:", f"{indent}  - {title}: {path}"]
    for child in below:
        out += _nav_section_pages(document, child, indent + "  ")
    return out


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def write_pages(pages: list[Page], out: Path) -> None:
    for page in pages:
        target = out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8")
