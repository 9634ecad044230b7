"""Citing and printing in a real browser: paragraph numbers in the margin (on screen, on a phone
and in print) that match 「第N段落」 in citations, estimated dates said as such, the official
address in citations, citations from the print view pointing to the reading page, and what
printing leaves out."""

from __future__ import annotations

import re

import pytest

from conftest import ACCESS_DATE

CHAPTER = "documents/digital-nippon-2024/4/"  # a chapter page: chips, source links, lists
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")



# Where each paragraph number stands: its text, and its box beside the block's first line.
NUMBERS = """() => Array.from(document.querySelectorAll('article [data-para]')).map(el => {
  const before = getComputedStyle(el, '::before');
  const holder = el.closest('.md-content__inner');
  const frame = holder.getBoundingClientRect();
  const border = parseFloat(getComputedStyle(holder).borderLeftWidth) || 0;
  const left = frame.left + border + parseFloat(before.left);
  const text = document.createRange();
  text.selectNodeContents(el);
  return {
    id: el.id, para: el.dataset.para, content: before.content, display: before.display,
    userSelect: before.userSelect || before.webkitUserSelect,
    left: left, right: left + parseFloat(before.width), textLeft: text.getClientRects()[0].left,
    visible: el.offsetParent !== null,
  };
})"""


def check_numbers(page) -> list[dict]:
    numbers = [n for n in page.evaluate(NUMBERS) if n["visible"]]
    assert len(numbers) > 10, numbers
    for n in numbers:
        assert n["id"].endswith(f"p{n['para']}"), n  # the number is the one the id and citations use
        assert n["content"].startswith(f'"{n["para"]}"'), n
        assert n["display"] != "none" and n["userSelect"] == "none", n
        assert n["left"] >= 0 and n["right"] <= n["textLeft"] + 0.5, n  # in the margin, not over the text
    return numbers


@pytest.mark.parametrize("width", [1280, 390])
def test_paragraph_numbers_stand_in_the_margin_at_desktop_and_phone_width(browser, server, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{server}/{CHAPTER}")
    check_numbers(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
    page.close()


def test_paragraph_numbers_are_printed(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/documents/digital-nippon-2024/print/")
    page.emulate_media(media="print")
    numbers = check_numbers(page)
    assert {"4-3-p1", "4-3-c1-p1"} <= {n["id"] for n in numbers}
    page.close()


def test_copying_the_text_leaves_the_paragraph_numbers_out(context, server):
    page = context.new_page()
    page.goto(f"{server}/{CHAPTER}")
    # Select from the heading of 4．3 through its first paragraph, across the margin number.
    page.evaluate("""() => {
      const range = document.createRange();
      range.setStartBefore(document.getElementById('4-3'));
      range.setEnd(document.getElementById('4-3-p1'), 1);  // after its first words
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }""")
    page.keyboard.press("Control+C")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "令和6年能登半島地震からの教訓" in copied and "本年1月の" in copied, copied
    assert not re.search(r"^\s*1\s*$|1本年", copied, re.MULTILINE), copied
    page.close()


def test_citation_paragraph_number_matches_the_margin_number(context, server):
    page = context.new_page()
    page.goto(f"{server}/documents/ai-white-paper-2024/2/")
    item = page.locator("article li[data-para]").nth(6)
    number = item.get_attribute("data-para")
    item.hover()
    item.locator("button.atlas-copy", has_text="引用").click()
    page.wait_for_function("() => document.querySelector('.atlas-copy-status').textContent.includes('コピー')")
    text = page.evaluate("navigator.clipboard.readText()")
    assert f"第{number}段落" in text and ACCESS_DATE.sub("", text).endswith(f"#{item.get_attribute('id')}"), text
    page.close()


# The end of a text citation: the reader's access date (atlas-cite.js); the MD form has none.


def copy_citation(page, selector: str, label: str) -> str:
    """The citation copied by a block's button; a text citation without its access date, which
    is checked here to be there (and absent from the MD form)."""
    block = page.locator(selector)
    block.hover()
    page.evaluate("navigator.clipboard.writeText('')")
    block.locator("button.atlas-copy", has_text=label).first.click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()) !== ''")
    text = page.evaluate("navigator.clipboard.readText()")
    if label == "MD":
        assert "閲覧日" not in text, text
        return text
    assert ACCESS_DATE.search(text), text
    return ACCESS_DATE.sub("", text)


def test_a_text_citation_ends_with_the_readers_date_of_access(browser, either_server):
    """The day the reader copies it, in the reader's time zone: 2026-12-05 16:00 UTC is already the
    6th in Tokyo. The Markdown form stays short."""
    context = browser.new_context(timezone_id="Asia/Tokyo")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.clock.set_fixed_time("2026-12-05T16:00:00Z")
    page.goto(f"{either_server}/{CHAPTER}")
    block = page.locator("[id='4-3-p1']")
    block.hover()
    block.locator("button.atlas-copy", has_text="引用").first.click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()).includes('閲覧日')")
    text = page.evaluate("navigator.clipboard.readText()")
    assert text.endswith("/documents/digital-nippon-2024/4/#4-3-p1（閲覧日：2026年12月6日）"), text
    assert copy_citation(page, "[id='4-3-p1']", "MD").endswith("#4-3-p1)")
    context.close()


def test_a_citation_of_an_undated_document_says_its_date_is_estimated(context, server):
    # sources/catalog.yml: digital-nippon-2024 prints no date (date_note); estimated 2024年5月.
    page = context.new_page()
    page.goto(f"{server}/{CHAPTER}")
    text = copy_citation(page, "[id='4-3-p1']", "引用")
    assert text.startswith("自由民主党 デジタル社会推進本部「デジタル・ニッポン2024」（2024年5月頃（推定））"), text
    page.close()


def test_a_citation_copied_from_the_print_view_points_to_the_reading_page(context, server):
    page = context.new_page()
    page.goto(f"{server}/documents/digital-nippon-2024/print/")
    text = copy_citation(page, "[id='4-3-c1-p1']", "引用")
    assert "/print/" not in text and text.endswith("/documents/digital-nippon-2024/4/#4-3-c1-p1"), text
    markdown = copy_citation(page, "[id='4-3-c1-p1']", "MD")
    # The address the reader has the page at, whatever the build was told.
    assert markdown.endswith(f"({server}/documents/digital-nippon-2024/4/#4-3-c1-p1)"), markdown
    # A one-page document: its print view's passages, and those before any heading, are read
    # on the document's page.
    page.goto(f"{server}/documents/ai-strategy-council-3-2025/print/")
    text = copy_citation(page, "[id='3-s1-p1']", "引用")
    assert text.endswith("/documents/ai-strategy-council-3-2025/#3-s1-p1"), text
    page.goto(f"{server}/documents/web3-white-paper-2024/print/")  # chapter pages, and text before them
    text = copy_citation(page, "[id='p1']", "引用")
    assert text.endswith("/documents/web3-white-paper-2024/#p1"), text
    page.close()


def test_a_citation_includes_the_official_address_when_the_catalog_gives_one(context, server):
    page = context.new_page()
    page.goto(f"{server}/{CHAPTER}")
    assert "公式掲載ページ" not in copy_citation(page, "[id='4-3-p1']", "引用")  # never guessed
    official = "https://www.example.jp/teigen/digital-nippon-2024.pdf"
    page.evaluate(f"document.querySelector('.atlas-cite-meta').dataset.url = '{official}'")
    text = copy_citation(page, "[id='4-3-p1']", "引用")
    assert text.endswith(f"/4/#4-3-p1（公式掲載ページ {official}）"), text
    markdown = copy_citation(page, "[id='4-3-p1']", "MD")
    assert markdown.endswith(f"#4-3-p1)（[公式掲載ページ](<{official}>)）"), markdown
    page.close()


def test_print_leaves_out_theme_chips_source_links_and_the_print_row(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/{CHAPTER}")
    chips, sources = page.locator(".atlas-theme-chips"), page.locator(".atlas-source-link")
    assert chips.count() > 3 and sources.count() > 3 and chips.first.is_visible()
    tags = page.locator(".md-tags")  # the page's themes at its top (Material's tags)
    assert tags.first.is_visible()
    page.emulate_media(media="print")
    assert not tags.first.is_visible()
    assert not any(chips.nth(i).is_visible() for i in range(chips.count()))
    assert not any(sources.nth(i).is_visible() for i in range(sources.count()))
    assert page.locator("[id='4-3-p1']").is_visible()
    page.emulate_media(media="screen")
    page.goto(f"{server}/documents/digital-nippon-2024/")
    row = page.locator(".atlas-meta tr", has_text="文書全体を1ページで表示")
    assert row.is_visible()  # on screen
    page.emulate_media(media="print")
    assert not row.is_visible()
    assert page.locator(".atlas-meta tr", has_text="発行").is_visible()
    page.close()


def test_home_page_says_which_dates_are_estimated_and_every_kind_is_japanese(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/")
    rows = page.locator("#documents ~ table tbody tr, .md-typeset table tbody tr")
    cells = [rows.nth(i).locator("td").all_inner_texts() for i in range(rows.count())]
    by_title = {c[1]: c for c in cells}
    assert by_title["デジタル・ニッポン2024"][0] == "2024年5月頃（推定）"
    assert by_title["デジタル人材育成に関する提言"][0] == "2024年5月21日"
    assert not any(ISO_DATE.search(c[0]) for c in cells), cells
    assert all(not re.search(r"[A-Za-z]", c[3]) for c in cells), [c[3] for c in cells]
    page.close()


def test_theme_page_lists_estimated_dates_as_such(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/themes/dfft/")
    table = page.locator("#timeline ~ .md-typeset__scrollwrap table, #timeline ~ table").first
    text = table.inner_text()
    assert "頃（推定）" in text and not ISO_DATE.search(text), text
    page.close()


def printed_pages(page) -> list[str]:
    """The text of each sheet Chromium prints (A4), read back from the PDF it makes."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(page.pdf(format="A4"))
    return [pdf[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(pdf))]


@pytest.mark.parametrize("path, first", [
    (CHAPTER, "4．インフラ整備の進展と課題"),                  # a chapter page (its breadcrumb, then its H1)
    ("documents/digital-nippon-2024/print/", "デジタル・ニッポン2024"),  # the whole document
    ("documents/ai-strategy-council-3-2025/", "人工知能戦略専門調査会（第3回）議事概要"),  # a dated one-page document
])
def test_every_printed_page_says_which_document_it_is(browser, either_server, path, first):
    """No blank first sheet: the text starts on page 1; every sheet's head names the document,
    its issuer and its date (as precisely as known, an estimate said as such); its foot, the page."""
    from atlas.config.catalog import load_catalog
    from atlas.text.labels import date_label
    from conftest import SOURCES

    doc_id = path.split("/")[1]
    meta = next(m for e in load_catalog(SOURCES) for m in [e.meta, *(p.meta for p in e.parts)] if m.id == doc_id)
    page = browser.new_page()
    page.goto(f"{either_server}/{path}")
    sheets = printed_pages(page)
    assert len(sheets) >= 2, "a document of several sheets"
    head = f"{meta.title} {meta.body} {date_label(meta)}"
    for number, text in enumerate(sheets, 1):
        lines = text.split("\n")
        assert re.sub(r"\s+", " ", lines[0]) == head, (number, lines[:3])
        assert f"{number} / {len(sheets)}" in lines[:3], (number, lines[:3])
    body = sheets[0].split("\n")[2:]
    assert first in [line.strip() for line in body[:3]], body[:5]
    assert len("".join(body)) > 500, "the first sheet holds text, not only a heading"
    page.close()
