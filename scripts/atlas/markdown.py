"""Render model blocks as Markdown in which source text can never become markup.

Text is escaped so that whatever a document says — ``<script>``, ``[x](…)``,
``{: .class }``, a leading ``#`` or ``|`` — is shown as written.  HTML's own
characters become entities; Markdown's become backslash escapes (the site
enables ``pymdownx.escapeall`` so that any escaped character is literal).
"""

from __future__ import annotations

import html
import re

from .model import Block, FootnoteRef, ListBlock, ListItem, Paragraph, Table

# Markdown-significant ASCII punctuation that can act anywhere in a line.
_INLINE = re.compile(r"([\\`*_{}\[\]#|])")
# Characters that only mean something at the start of a line.
_LINE_START = re.compile(r"^([-+=:>!~])", re.MULTILINE)


def escape(text: str) -> str:
    """Escape source text for use in a Markdown paragraph, heading or list item."""
    text = html.escape(text, quote=False)
    text = _INLINE.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\\\1", text)
    # A line that begins like an ordered list ("1. ") or a rule stays text.
    return re.sub(r"^(\d+)\.", r"\1\\.", text, flags=re.MULTILINE)


def with_refs(text: str, refs: list[FootnoteRef], note_ids: dict[str, str]) -> str:
    """Escaped text with footnote references put back where their markers stood."""
    pieces: list[str] = []
    cursor = 0
    for ref in sorted(refs, key=lambda r: r.offset):
        pieces.append(escape(text[cursor : ref.offset]))
        pieces.append(f"[^{note_ids[ref.label]}]")
        cursor = ref.offset
    pieces.append(escape(text[cursor:]))
    return "".join(pieces)


def block_markdown(block: Block, note_ids: dict[str, str]) -> str:
    if isinstance(block, Paragraph):
        if block.kind == "preformatted":
            body = html.escape(block.text, quote=False)
            return f'<pre class="atlas-pre">{body}</pre>'
        text = with_refs(block.text, block.refs, note_ids)
        if block.kind == "caption":
            return f"{text}\n{{: .atlas-caption }}"
        return text
    if isinstance(block, ListBlock):
        return "\n".join(_list_item(item, note_ids) for item in block.items)
    if isinstance(block, Table):
        return _table(block)
    raise TypeError(f"unknown block {block!r}")


# Plain bullets become Markdown bullets; any other marker (①, （1）, 1．, ※)
# is part of what the reader cites, so it stays visible in the item.
PLAIN_BULLETS = ("・", "•", "-", "- ・", "-・", "●", "○", "◯", "▪", "■", "□", "◆", "◇", "➢", "✓")


def _list_item(item: ListItem, note_ids: dict[str, str]) -> str:
    text = with_refs(item.text, item.refs, note_ids)
    if item.marker in PLAIN_BULLETS:
        return f"- {text}"
    return f"- {escape(item.marker)} {text}\n{{: .atlas-marked }}"


def _table(table: Table) -> str:
    width = max(len(row) for row in table.rows)
    out = ['<table class="atlas-table">']
    for index, row in enumerate(table.rows):
        cell = "th" if table.header and index == 0 else "td"
        cells = [html.escape(value, quote=False) for value in row] + [""] * (width - len(row))
        out.append("<tr>" + "".join(f"<{cell}>{value}</{cell}>" for value in cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)
