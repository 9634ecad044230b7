"""The built site: strict MkDocs build, then real pages in headless Chromium (Debian's chromium)."""

from __future__ import annotations

import re


def test_every_document_has_a_page_with_numbered_heading_ids(site, documents):
    for doc_id, document in documents.items():
        page = site / "documents" / doc_id / "index.html"
        assert page.is_file(), doc_id
        html = page.read_text(encoding="utf-8")
        assert document.meta.title.split()[0] in html
    chapter = (site / "documents" / "digital-nippon-2024" / "4" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="?4-3"?[ >]', chapter) and "令和6年能登半島地震からの教訓" in chapter


def test_home_lists_documents_newest_first(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    newest, oldest = html.index("人工知能戦略専門調査会（第3回）議事概要"), html.index("知的財産戦略本部 検証")
    assert newest < oldest


def test_a_reader_follows_home_to_a_section_anchor(browser, server):
    page = browser.new_page()
    external: list[str] = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith(server) else None)
    page.goto(f"{server}/")
    page.get_by_role("link", name="デジタル・ニッポン2024").first.click()
    page.wait_for_url("**/documents/digital-nippon-2024/")
    page.locator(".atlas-outline a", has_text="令和6年能登半島地震からの教訓").first.click()
    page.wait_for_url("**/documents/digital-nippon-2024/4/#4-3")
    heading = page.locator("h2[id='4-3']")
    assert "令和6年能登半島地震からの教訓" in heading.inner_text()
    assert heading.evaluate("h => h.getBoundingClientRect().top") < 300  # scrolled into view
    assert external == [], external
    page.close()


def test_footnote_markers_link_to_their_notes(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/documents/digital-nippon-2024/1/")
    # sources: "…概念である1。" (line 41) with note 1 "Anderson, P. W. (1972) …" (line 75).
    ref = page.locator("sup[id^='fnref'] a").first
    ref.click()
    target = page.evaluate("decodeURIComponent(location.hash.slice(1))")
    assert "Anderson" in page.evaluate("id => document.getElementById(id).innerText", target)
    page.close()


def test_a_reader_opens_a_documents_clean_text(browser, server):
    """The page's テキスト link opens the clean text, readable even from a server that sends
    text/plain with no charset (the test server does: the file's BOM tells the browser UTF-8)."""
    page = browser.new_page()
    page.goto(f"{server}/documents/bosai-dx-2024/")
    page.get_by_role("link", name="bosai-dx-2024.txt").click()
    page.wait_for_url("**/documents/bosai-dx-2024/bosai-dx-2024.txt")
    text = page.locator("body").inner_text()
    # The letter-spaced date of the source (「令 和6 年5月 21日」) reads as one word.
    assert text.startswith("令和6年5月21日\n") and "\n# 【主な課題】\n" in text
    page.close()
