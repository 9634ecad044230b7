"""Render model blocks as Markdown in which source text can never become markup.

Text is escaped so that whatever a document says — ``<script>``, ``[x](…)``,
``{: .class }``, a leading ``#`` or ``|`` — is shown as written.  HTML's own
characters become entities; Markdown's become backslash escapes (the site
enables ``pymdownx.escapeall`` so that any escaped character is literal).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import assert_never

from ..model.document import DELETED, Block, Figure, FootnoteRef, InlineLink, ListBlock, ListItem, Paragraph, Table
from ..text.numbering import PLAIN_BULLETS
from ..text.ruby_marks import ANNOTATED, with_readings, without_marks

# Markdown-significant ASCII punctuation that can act anywhere in a line.
_INLINE = re.compile(r"([\\`*_{}\[\]#|])")
# Characters that only mean something at the start of a line.
_LINE_START = re.compile(r"^([-+=:>!~])", re.MULTILINE)


def escape(text: str) -> str:
    """Escape source text for use in a Markdown paragraph, heading or list item; a word's ruby
    (text/ruby_marks.py) is shown as HTML ruby over its word."""
    text = html.escape(text, quote=False)
    text = _INLINE.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\\\1", text)
    # A line that begins like an ordered list ("1. ") or a rule stays text.
    text = re.sub(r"^(\d+)\.", r"\1\\.", text, flags=re.MULTILINE)
    return without_marks(ANNOTATED.sub(_ruby_html, text))


def _ruby_html(match: re.Match[str]) -> str:
    """<ruby> with brackets (<rp>) for a browser that does not set ruby: 俯瞰図（ふかんず）."""
    return f"<ruby>{match.group(1)}<rp>（</rp><rt>{match.group(2)}</rt><rp>）</rp></ruby>"


# Resolves an inline link target ("theme:dfft", "abbr:DFFT") to (kind, value): ("link", url)
# or ("abbr", title).  None: render the text plain.
Resolver = Callable[[str], tuple[str, str] | None]


def no_links(_: str) -> None:
    return None


def with_refs(
    text: str,
    refs: list[FootnoteRef],
    note_ids: dict[str, str],
    links: list[InlineLink] | None = None,
    resolve: Resolver = no_links,
) -> str:
    """Escaped text with footnote references put back and inline links and abbreviations marked."""
    events: list[tuple[int, int, str, str]] = [(ref.offset, 0, "ref", ref.key or ref.label) for ref in refs]
    events += [(link.offset, link.length, "link", link.target) for link in links or []]
    pieces: list[str] = []
    cursor = 0
    for offset, length, kind, value in sorted(events, key=lambda e: (e[0], e[1])):
        if offset < cursor:
            continue  # overlapping marks: the first one wins
        pieces.append(escape(text[cursor:offset]))
        if kind == "ref":
            pieces.append(f"[^{note_ids[value]}]")
            cursor = offset
            continue
        shown = escape(text[offset : offset + length])
        resolved = ("deleted", "") if value == DELETED else resolve(value)
        if resolved is None:
            pieces.append(shown)
        elif resolved[0] == "deleted":
            pieces.append(f"<del>{shown}</del>")  # struck out in the source (見え消し)
        elif resolved[0] == "abbr":
            # tabindex: a keyboard (Tab) or a tap focuses it, and focus shows the explanation
            # (assets/atlas.css); a title alone shows only under a mouse.
            pieces.append(f'<abbr title="{html.escape(resolved[1], quote=True)}" tabindex="0">{shown}</abbr>')
        else:
            pieces.append(f"[{shown}]({resolved[1]}){{: .atlas-theme-link }}")
        cursor = offset + length
    pieces.append(escape(text[cursor:]))
    return "".join(pieces)


def paragraph_number(ident: str) -> str:
    """The number a paragraph id gives its block ("4-1-p3" → "3"), as citations say 「第3段落」."""
    match = re.search(r"p(\d+)$", ident)
    return match[1] if match else ""


def _id_html(ident: str | None) -> str:
    """id and margin number of a raw HTML block (tables, preformatted text)."""
    if not ident:
        return ""
    number = paragraph_number(ident)
    return f' id="{ident}"' + (f' data-para="{number}"' if number else "")


def block_markdown(
    block: Block, note_ids: dict[str, str], resolve: Resolver = no_links, next_id: Callable[[], str] | None = None,
    row_marks: dict[int, str] | None = None,
) -> str:
    """One block as Markdown; ``next_id`` gives each paragraph and list item its permalink id;
    ``row_marks`` (a table's) the page marks, as HTML, to set before the rows they name.

    A block with an id also carries its number (``data-para``), which the stylesheet shows in
    the margin, so that a page — on screen or printed — can be checked against 「第3段落」.
    """
    def attrs(*classes: str) -> str:
        parts = [f".{c}" for c in classes]
        if next_id:
            ident = next_id()
            number = paragraph_number(ident)
            parts += [f"#{ident}"] + ([f'data-para="{number}"'] if number else [])
        return f"\n{{: {' '.join(parts)} }}" if parts else ""

    match block:
        case Figure() if block.size[0]:
            return _figure(block, next_id() if next_id else None)
        case Paragraph() if block.kind in ("preformatted", "figure", "code"):
            body = html.escape(block.text, quote=False)
            ident = _id_html(next_id() if next_id else None)
            code = " atlas-code" if block.kind == "code" else ""
            return f'<pre class="atlas-pre{code}"{ident}>{body}</pre>'
        case Paragraph():
            text = with_refs(block.text, block.refs, note_ids, block.links, resolve)
            return text + (attrs("atlas-caption") if block.kind == "caption" else attrs())
        case ListBlock():
            return "\n".join(_list_item(item, note_ids, resolve, attrs) for item in block.items)
        case Table():
            return _table(block, next_id() if next_id else None, row_marks or {})
        case _:
            assert_never(block)




def _list_item(item: ListItem, note_ids: dict[str, str], resolve: Resolver, attrs: Callable[..., str]) -> str:
    text = with_refs(item.text, item.refs, note_ids, item.links, resolve)
    if item.marker in PLAIN_BULLETS:
        return f"- {text}{attrs()}"
    return f"- {escape(item.marker)} {text}{attrs('atlas-marked')}"


def _figure(figure: Figure, ident: str | None) -> str:
    """The figure's image where it stood (loaded when scrolled near: a white paper has dozens), its
    caption as alternative text, sized by the stylesheet for a phone's width and a printed page;
    under it, folded, the words set inside it (the block's id and number go with them)."""
    width, height = figure.size
    # Alternative text is plain text: a word's ruby in brackets after it, not markup.
    image = (f"![{escape(with_readings(figure.alt))}]({figure.image})"
             f'{{: .atlas-figure loading="lazy" width="{width}" height="{height}" }}')
    if not figure.text:  # a picture with no words of its own (captioned_images.py): the image alone
        if not ident:
            return image
        number = paragraph_number(ident)
        return image[:-2] + f" #{ident}" + (f' data-para="{number}"' if number else "") + " }"
    text = html.escape(with_readings(figure.text), quote=False)
    return (f'{image}\n\n<details class="atlas-figure-text"{_id_html(ident)}><summary>図中の文字</summary>'
            f'<pre class="atlas-pre">{text}</pre></details>')


def _table(table: Table, ident: str | None = None, row_marks: dict[int, str] | None = None) -> str:
    """The table as HTML; a page mark in ``row_marks`` (Markdown) stands in a row of its own across
    the table, before the row it names (a PDF table that goes on over a page break is one table).
    That row alone is read as Markdown (md_in_html), so that its link is made relative to each page
    that shows it, as every page mark's is; the cells stay as written, a line break in one a <br>,
    words the source strikes out (``Table.links``) struck through as in a paragraph."""
    width = max(len(row) for row in table.rows)
    id_attr = _id_html(ident)
    parsed = ' markdown="1"' if row_marks else ""
    out = [f'<table class="atlas-table"{id_attr}{parsed}>']
    marks: dict[tuple[int, int], list[InlineLink]] = {}
    for mark in table.links:
        marks.setdefault((mark.row, mark.column), []).append(mark.link)
    for index, row in enumerate(table.rows):
        if row_marks and index in row_marks:
            out.append(f'<tr class="atlas-page-row" markdown="1"><td colspan="{width}" markdown="span">'
                       f"{row_marks[index]}</td></tr>")
        cell = "th" if table.header and index == 0 else "td"
        # A cell's line break stands before an item set on its own line (「・銀行…」「・パソコン…」).
        cells = [_cell_html(value, marks.get((index, column), []))
                 for column, value in enumerate(row)] + [""] * (width - len(row))
        out.append("<tr>" + "".join(f"<{cell}>{value}</{cell}>" for value in cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _cell_html(value: str, links: list[InlineLink]) -> str:
    """A cell's text as HTML: escaped, its deleted words in <del> (a table's cells take no other mark),
    a line break a <br>."""
    pieces: list[str] = []
    cursor = 0
    for link in sorted(links, key=lambda link: link.offset):
        if link.target != DELETED or link.offset < cursor:
            continue
        pieces.append(html.escape(value[cursor:link.offset], quote=False))
        pieces.append(f"<del>{html.escape(value[link.offset:link.offset + link.length], quote=False)}</del>")
        cursor = link.offset + link.length
    pieces.append(html.escape(value[cursor:], quote=False))
    return "".join(pieces).replace("\n", "<br>")
