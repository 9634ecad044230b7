"""Source text that looks like HTML, Markdown or templates is shown as written, never as markup."""

import re

import markdown

from atlas.model.document import ListBlock, ListItem, Paragraph, SourceSpan, Table
from atlas.write.markdown import block_markdown, escape

SPAN = SourceSpan(1, 1)
EXTENSIONS = ["attr_list", "md_in_html", "tables", "footnotes", "pymdownx.escapeall"]
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[クリック](javascript:alert(1))",
    "![画像](http://example.com/x.png)",
    "{{ config.site_name }} {% include 'x' %}",
    "# 見出しではない",
    "| 表 | ではない |",
    "---",
    "!!! note \"注意\"",
    "本文 {: .injected #id onclick=x }",
    "*強調* _下線_ `コード` ~~取消~~",
    "1. 番号付きではない",
    "> 引用ではない",
    "[^1]: 脚注ではない",
    "*[HTML]: 略語ではない",
    "A & B < C > D",
]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_hostile_paragraphs_render_as_their_own_text():
    for text in HOSTILE:
        html = render(block_markdown(Paragraph(text, SPAN), {}))
        # One element, a bare <p>: no tag, attribute or class came from the text.
        assert re.findall(r"<[^/][^>]*>", html) == ["<p>"], (text, html)
        plain = html[3:-4].replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", '"')
        assert plain == text, (text, html)


def test_hostile_list_items_and_table_cells_stay_text():
    items = ListBlock([ListItem("・", text, SPAN) for text in HOSTILE], SPAN)
    html = render(block_markdown(items, {}))
    assert html.count("<li>") == len(HOSTILE)
    assert set(re.findall(r"<[^/][^>]*>", html)) == {"<ul>", "<li>"}, html
    table = render(block_markdown(Table([["<script>x</script>", "[a](b)"]], SPAN), {}))
    assert "<script" not in table and "&lt;script&gt;" in table


def test_escape_keeps_japanese_text_untouched():
    text = "信頼性のある自由なデータ流通（DFFT）を推進する。"
    assert escape(text) == text
