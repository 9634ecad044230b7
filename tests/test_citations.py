"""Briefing-grade links in a real browser: paragraph permalinks, copy citation (read back from
the clipboard), link previews, print view, source lines, sub-path serving and no request to
any other host on any kind of page."""

from __future__ import annotations

import re

import pytest

PAGES = [
    "",  # home
    "documents/ai-strategy-council-3-2025/",  # a single-page document
    "documents/digital-nippon-2024/",  # a long document's index
    "documents/digital-nippon-2024/4/",  # one of its chapters
    "documents/digital-nippon-2024/print/",  # print view
    "source-view/digital-nippon-2024/",  # source lines
    "themes/",
    "themes/dfft/",
    "glossary/",
    "timeline/",
    "tags/",
    "conversion-report/",
    "about/",
    "404.html",
]



@pytest.mark.parametrize("path", PAGES)
def test_no_request_to_another_host(context, server, path):
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((server, "data:", "blob:")) else None)
    response = page.goto(f"{server}/{path}", wait_until="networkidle")
    assert response is not None and response.status == 200, path
    page.locator("input.md-search__input").click()
    page.wait_for_timeout(200)
    assert outside == [], (path, outside)
    page.close()


def test_paragraph_permalink_opens_and_marks_the_passage(context, server):
    page = context.new_page()
    page.goto(f"{server}/documents/digital-nippon-2024/4/#4-3-c1-p1")
    target = page.locator("[id='4-3-c1-p1']")
    assert target.evaluate("el => el.matches(':target')")
    top = target.evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top < 200, top  # scrolled to, below the header
    # sources/ldp-digital-nippon-2024-compilation.txt: the text under 「① 発災直後：通信の維持」
    assert target.inner_text().startswith("発災直後の主要な課題は電気・通信の途絶による")
    # the permalink appears on hover and points to the paragraph itself
    target.hover()
    link = target.locator(".atlas-permalink")
    assert link.is_visible() and link.get_attribute("href") == "#4-3-c1-p1"
    page.close()


def test_copy_citation_puts_a_ready_to_paste_citation_on_the_clipboard(context, either_server):
    page = context.new_page()
    page.goto(f"{either_server}/documents/digital-nippon-2024/4/")
    paragraph = page.locator("[id='4-3-p1']")
    paragraph.hover()
    paragraph.locator("button.atlas-copy", has_text="引用").first.click()
    page.wait_for_function("() => document.querySelector('.atlas-copy-status').textContent.includes('コピー')")
    text = page.evaluate("navigator.clipboard.readText()")
    assert text.startswith("自由民主党 デジタル社会推進本部「デジタル・ニッポン2024」（2024年5月頃（推定））")
    assert "4．3 令和6年能登半島地震からの教訓、第1段落" in text
    assert re.search(r"/documents/digital-nippon-2024/4/#4-3-p1（閲覧日：\d{4}年\d+月\d+日）$", text), text
    paragraph.locator("button.atlas-copy", has_text="MD").click()
    page.wait_for_timeout(100)
    markdown = page.evaluate("navigator.clipboard.readText()")
    expected = r"\[自由民主党 デジタル社会推進本部「デジタル・ニッポン2024」.*第1段落\]\(http\S+#4-3-p1\)"
    assert re.fullmatch(expected, markdown)
    page.close()


def test_copy_citation_is_keyboard_accessible(context, server):
    page = context.new_page()
    page.goto(f"{server}/documents/ai-strategy-council-3-2025/")
    button = page.locator("[id='4-s1-p1'] button.atlas-copy").first
    button.focus()
    page.wait_for_timeout(300)  # the buttons fade in
    assert button.evaluate("b => getComputedStyle(b.parentElement).opacity") == "1"  # visible on focus
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    assert "【生貝委員】、第1段落" in page.evaluate("navigator.clipboard.readText()")
    page.close()


def test_pages_have_titles_descriptions_and_link_previews(context, server):
    page = context.new_page()
    page.goto(f"{server}/documents/digital-nippon-2024/4/")
    assert page.title().startswith("4．インフラ整備の進展と課題 | デジタル・ニッポン2024")
    head = {
        name: page.locator(f"meta[{attr}='{name}']").get_attribute("content")
        for attr, name in [("name", "description"), ("property", "og:title"), ("property", "og:description"),
                           ("name", "twitter:card")]
    }
    assert head["description"].startswith("「データ戦略」に軸足を置き")
    assert head["og:title"] == "4．インフラ整備の進展と課題 | デジタル・ニッポン2024"
    # Built without SITE_URL the site's address is unknown: no page names one (never 127.0.0.1).
    assert page.locator("meta[property='og:url']").count() == 0
    assert page.locator("link[rel='canonical']").count() == 0
    page.close()


def test_print_hides_navigation_and_shows_link_addresses(context, server):
    page = context.new_page()
    page.goto(f"{server}/documents/digital-nippon-2024/print/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("h2[id='9']").is_visible()  # the whole document on one page
    page.close()


def test_each_section_links_to_its_source_lines(context, server):
    page = context.new_page()
    page.goto(f"{server}/documents/digital-nippon-2024/2/")
    page.locator("h2[id='2-1'] ~ p.atlas-themes a.atlas-source-link").first.click()
    page.wait_for_url("**/source-view/digital-nippon-2024/#L108")
    assert "2．1 データ戦略の不在と包括的データ戦略の策定" in page.locator("[id='L108']").inner_text()
    page.close()


def test_links_work_under_a_sub_path(context, site_under_subpath):
    page = context.new_page()
    page.goto(f"{site_under_subpath}/documents/digital-nippon-2024/7/")
    page.locator("a.atlas-theme-link").first.click()
    assert "/atlas/themes/" in page.url
    page.locator("article a[href*='documents/']").first.click()
    assert "/atlas/documents/" in page.url and page.locator("article h1").count() == 1
    page.close()


def paragraph_ids(docs_dir, doc_id: str) -> dict[str, str]:
    """Paragraph id → its text, from a converted page."""
    page = (docs_dir / "documents" / doc_id / "index.md").read_text(encoding="utf-8")
    block = re.compile(r'^(?:- )?(.+)\n\{: (?:\.\S+ )?#(\S+-p\d+)(?: data-para="\d+")? \}$', re.MULTILINE)
    return {m.group(2): m.group(1) for m in block.finditer(page)}


def test_paragraph_ids_survive_text_changes_elsewhere(tmp_path, converted):
    import shutil

    from atlas.convert import convert
    from conftest import SOURCES

    before = converted[0]  # the session's conversion of the unchanged sources
    changed = tmp_path / "src"
    shutil.copytree(SOURCES, changed)
    minutes = changed / "ai-strategy-council-3-2025.txt"
    text = minutes.read_text(encoding="utf-8")
    # an extra remark in the first speaker's block (生貝委員), far from 森委員's block
    text = text.replace("【岡田（淳）委員】", "- ・ 追加の発言である。\n\n【岡田（淳）委員】", 1)
    minutes.write_text(text, encoding="utf-8")
    after = tmp_path / "after"
    convert(changed, after)
    old, new = paragraph_ids(before, "ai-strategy-council-3-2025"), paragraph_ids(after, "ai-strategy-council-3-2025")
    moris = {k: v for k, v in old.items() if k.startswith("4-s6-")}  # 【森委員】
    assert moris and all(new.get(k) == v for k, v in moris.items())
    assert len(new) == len(old) + 1 and "追加の発言である。" in new.values()
