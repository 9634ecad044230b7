"""Reading and browsing in a real browser (Debian's chromium), at phone, tablet and desktop widths:
every document listed under its own title, a table of contents on every document page, the
theme × document overview without horizontal scrolling, related sections only where they help,
one destination per theme name, theme links unlike abbreviation tooltips, repeated headings
with their context in search results."""

from __future__ import annotations

import pytest
import yaml

from atlas.config.catalog import load_catalog
from atlas.write.write import DOCUMENT_HOME_LABEL
from conftest import ROOT, SOURCES, search_for

PHONE, TABLET, DESKTOP = 390, 768, 1280
MINUTES = "documents/ai-strategy-council-3-2025/"


def catalog_documents() -> dict[str, str]:
    """Every catalog document, part or whole: id → title."""
    found = {}
    for entry in load_catalog(SOURCES):
        for doc in [entry, *entry.parts]:
            found[doc.meta.id] = doc.meta.title
    return found


def split_documents() -> dict[str, list[str]]:
    """Split documents (a page per chapter): id → their chapter pages, from the generated nav."""
    nav = yaml.safe_load((ROOT / "docs" / ".nav.yml").read_text(encoding="utf-8"))["nav"]
    found: dict[str, list[str]] = {}

    def walk(node) -> None:
        if isinstance(node, list):
            first = node[0] if node else None
            if isinstance(first, dict) and DOCUMENT_HOME_LABEL in first:
                home = first[DOCUMENT_HOME_LABEL]
                found[home.split("/")[1]] = [next(iter(v.values())) for v in node[1:]]
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)

    walk(nav)
    return found


def open_page(browser, server: str, path: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{server}/{path}")
    return page


# Visible entries of the sidebar: links, and the labels of open sections (a split document being
# read shows its title as the label over its pages), with the address of their first page.
SIDEBAR_LINKS_JS = """() => [...document.querySelectorAll(
    '.md-sidebar--primary a.md-nav__link, .md-sidebar--primary label.md-nav__link')]
  .filter(e => e.offsetParent !== null && e.getBoundingClientRect().width > 0)
  .map(e => {
    const a = e.tagName === 'A' ? e : e.parentElement.querySelector(':scope > nav a.md-nav__link');
    return [e.innerText.replace(/\\s+/g, ' ').trim(), a ? new URL(a.href).pathname : ''];
  })"""


@pytest.mark.parametrize("path", ["", MINUTES, "documents/digital-nippon-2024/4/"])
def test_the_sidebar_lists_every_document_by_its_title_at_desktop_width(browser, server, path):
    page = open_page(browser, server, path, DESKTOP)
    links = page.evaluate(SIDEBAR_LINKS_JS)
    page.close()
    for doc_id, title in catalog_documents().items():
        holders = [href for text, href in links if text.startswith(title)]
        assert holders, f"{doc_id}: {title} is not in the sidebar"
        assert any(href.endswith(f"/documents/{doc_id}/") for href in holders), (doc_id, holders)


def test_the_mobile_drawer_lists_every_document_by_its_title(browser, server):
    page = open_page(browser, server, "", PHONE)
    page.locator("label.md-header__button[for=__drawer]").click()
    groups = page.locator(".md-nav--primary > .md-nav__list > li.md-nav__item--nested > label.md-nav__link")
    seen: list[str] = []
    for index in range(groups.count()):
        group = groups.nth(index)
        group.click()
        nested = group.locator("xpath=following-sibling::nav[1]")
        nested.locator("a.md-nav__link").first.wait_for(state="visible")
        visible = nested.locator(":scope > ul > li > a.md-nav__link, :scope > ul > li > label.md-nav__link")
        seen += [visible.nth(i).inner_text() for i in range(visible.count()) if visible.nth(i).is_visible()]
        nested.locator(":scope > label.md-nav__title").click()  # back to the top level
        page.wait_for_timeout(300)
    page.close()
    seen = [" ".join(text.split()) for text in seen]
    for doc_id, title in catalog_documents().items():
        assert any(text.startswith(title) for text in seen), f"{doc_id}: {title} is not in the drawer"


def document_pages() -> list[str]:
    pages = [f"documents/{doc_id}/" for doc_id in catalog_documents()]
    for chapters in split_documents().values():
        first = chapters[0] if isinstance(chapters[0], str) else next(iter(chapters[0].values()))
        pages.append(first.removesuffix(".md") + "/")  # a chapter page too
    return pages


def has_toc(page, width: int) -> bool:
    """Material's table of contents, with links the reader can see: the right sidebar on a
    desktop, the drawer's 目次 on a phone or tablet. A page with no headings of its own (a split
    document's first page: its summary and the 目次 of its chapter pages) has none; there the
    page's own 目次 (.atlas-outline) is the table of contents, at every width."""
    if not page.locator("article :is(h2, h3, h4)[id]").count():
        outline = page.locator("article .atlas-outline a")
        return outline.count() > 0 and outline.first.is_visible()
    if width == DESKTOP:
        toc = page.locator(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
        return toc.count() > 0 and toc.first.is_visible()
    page.locator("label.md-header__button[for=__drawer]").click()
    label = page.locator(".md-sidebar--primary li.md-nav__item--active > label[for=__toc]")
    if not label.count():
        return False
    label.first.click()
    toc = page.locator(".md-sidebar--primary nav.md-nav--secondary a.md-nav__link")
    toc.first.wait_for(state="visible", timeout=3000)
    return toc.count() > 0


@pytest.mark.parametrize("width", [PHONE, TABLET, DESKTOP])
def test_every_document_page_has_a_table_of_contents_at_every_width(browser, server, width):
    missing = []
    page = browser.new_page(viewport={"width": width, "height": 900})  # one tab, each page loaded afresh
    for path in document_pages():
        page.goto(f"{server}/{path}")
        if not has_toc(page, width):
            missing.append(path)
    page.close()
    assert missing == []


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_the_theme_matrix_fits_its_column_without_horizontal_scrolling(browser, server, width):
    page = open_page(browser, server, "themes/", width)
    found = page.evaluate("""() => {
      const shown = [...document.querySelectorAll('.atlas-matrix')].filter(e => e.offsetParent !== null);
      const overflowing = [];
      for (const block of shown)
        for (const el of [block, ...block.querySelectorAll('*')])
          if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
            overflowing.push(el.className || el.tagName);
      const column = document.querySelector('article').getBoundingClientRect();
      const wider = shown.filter(e => [...e.querySelectorAll('table')]
        .some(t => t.getBoundingClientRect().right > column.right + 1));
      const cells = shown.flatMap(e => [...e.querySelectorAll('a[href*="#doc-"]')])
        .map(a => new URL(a.href).pathname + new URL(a.href).hash);
      return {shown: shown.length, overflowing, wider: wider.length, cells,
              page: document.documentElement.scrollWidth, viewport: window.innerWidth};
    }""")
    page.close()
    assert found["shown"] >= 1
    assert found["overflowing"] == [] and found["wider"] == 0
    assert found["page"] <= found["viewport"]
    # Whatever the layout, it holds a link for every theme with passages in a document.
    assert len(set(found["cells"])) >= 40


def test_the_matrix_shows_the_same_counts_at_both_widths(browser, server):
    def cells(width: int) -> set[tuple[str, str]]:
        page = open_page(browser, server, "themes/", width)
        # The table's cell is the count itself; a list item names the document, then "：14節".
        found = page.evaluate("""() => [...document.querySelectorAll('.atlas-matrix')]
          .filter(e => e.offsetParent !== null).flatMap(e => [...e.querySelectorAll('a[href*="#doc-"]')])
          .map(a => [new URL(a.href).pathname + new URL(a.href).hash,
                     a.closest('li') ? (a.closest('li').innerText.match(/：(\\d+)節$/) || [])[1] : a.innerText])""")
        page.close()
        return set(map(tuple, found))

    wide, narrow = cells(DESKTOP), cells(PHONE)
    assert len(wide) >= 40 and all(count and count.isdigit() for _, count in wide | narrow)
    assert wide == narrow


SECTION_JS = """(id) => {
  const start = document.getElementById(id);
  const level = +start.tagName[1];
  const found = [];
  for (let el = start.nextElementSibling; el; el = el.nextElementSibling) {
    if (/^H[1-6]$/.test(el.tagName)) break;  // the section's own content ends at the next heading
    found.push(el);
  }
  const related = found.filter(el => el.matches('details.atlas-related'));
  return related.map(d => ({open: d.open, links: d.querySelectorAll('a').length,
                            visible: [...d.querySelectorAll("a")].some(a => a.checkVisibility())}));
}"""


def test_related_sections_are_absent_on_rosters_and_few_and_folded_on_substantive_sections(browser, server):
    page = open_page(browser, server, MINUTES, DESKTOP)
    for roster in ("3-s1", "3-s2", "3-s3", "3-s4"):  # 【大臣】【委員】【事務局】【オブザーバー】: names and posts
        assert page.evaluate(SECTION_JS, roster) == [], roster
    related = page.evaluate(SECTION_JS, "4-s1")  # 【生貝委員】: a member's statement
    assert len(related) == 1
    assert related[0]["open"] is False and related[0]["visible"] is False
    assert 1 <= related[0]["links"] <= 3
    page.locator("h3[id='4-s1'] ~ details.atlas-related > summary").first.click()
    assert page.evaluate(SECTION_JS, "4-s1")[0]["visible"] is True
    page.close()


def test_a_theme_name_leads_to_its_theme_page_wherever_it_is_shown(browser, server):
    page = open_page(browser, server, MINUTES, DESKTOP)
    found = page.evaluate("""() => {
      const url = a => new URL(a.href).pathname;
      return {
        chips: [...document.querySelectorAll('.md-tags a')].map(a => [a.innerText.trim(), url(a)]),
        under: [...document.querySelectorAll('.atlas-themes a:not(.atlas-source-link):not(.atlas-pdf-page)')]
                 .map(a => [a.innerText.trim(), url(a)]),
        inText: [...document.querySelectorAll('a.atlas-theme-link')].map(url),
      };
    }""")
    page.close()
    chips = dict(found["chips"])
    assert "AI（人工知能）" in chips
    assert chips["AI（人工知能）"] == "/themes/ai/"
    for name, href in found["under"]:
        assert href.startswith("/themes/"), (name, href)
        if name in chips:
            assert chips[name] == href, name
    assert "/themes/ai/" in found["inText"]
    assert all(href.startswith("/themes/") for href in found["inText"])
    assert all(href.startswith("/themes/") for href in chips.values())


def test_theme_links_and_abbreviation_tooltips_look_different(browser, server):
    page = open_page(browser, server, MINUTES, DESKTOP)
    styles = page.evaluate("""() => {
      const pick = el => { const s = getComputedStyle(el);
        return {color: s.color, line: s.textDecorationLine, style: s.textDecorationStyle, cursor: s.cursor}; };
      return {link: pick(document.querySelector('a.atlas-theme-link')),
              abbr: pick(document.querySelector('article abbr[title]'))};
    }""")
    page.close()
    link, abbr = styles["link"], styles["abbr"]
    assert link["color"] != abbr["color"]
    assert link["style"] != abbr["style"]
    assert abbr["cursor"] == "help" and link["cursor"] == "pointer"


def test_a_repeated_heading_shows_its_context_in_search_results(browser, server):
    page = open_page(browser, server, "", DESKTOP)
    search_for(page, "次期総合防災情報システム活用のメリット")
    first = page.locator(".md-search-result__list h2").first.inner_text()
    page.close()
    # 防災DX has eleven 【対応策】 and no parent headings above them: its opening words tell it apart.
    assert first.startswith("【対応策】（次期総合防災情報システム")


# The explanation focus shows (assets/atlas.css): the abbreviation's ::after, its box in the window.
ABBR_TIP_JS = """() => {
  const abbr = document.activeElement;
  if (!abbr || abbr.tagName !== 'ABBR') return null;
  const tip = getComputedStyle(abbr, '::after');
  return {title: abbr.title, text: abbr.textContent, content: tip.content, position: tip.position,
          width: parseFloat(tip.width), window: innerWidth, opacity: tip.opacity, display: tip.display};
}"""


def check_tip_shown(tip: dict | None) -> None:
    assert tip is not None, "an abbreviation has the focus"
    assert tip["content"] == f'"{tip["title"]}"' and tip["title"], tip
    assert tip["display"] != "none" and tip["position"] == "fixed" and tip["opacity"] == "1", tip
    assert 0 < tip["width"] <= tip["window"] - 16, tip  # inside the window at any width


def test_abbreviation_explanations_open_by_keyboard(browser, either_server):
    page = open_page(browser, either_server, MINUTES, DESKTOP)
    for _ in range(300):  # Tab through the page's links and buttons until the first abbreviation
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.tagName") == "ABBR":
            break
    check_tip_shown(page.evaluate(ABBR_TIP_JS))
    page.keyboard.press("Tab")  # moving on hides it
    assert page.evaluate("() => getComputedStyle(document.querySelector('article abbr'), '::after').content") == "none"
    page.close()


def test_abbreviation_explanations_open_with_a_tap_on_a_phone(browser, either_server):
    context = browser.new_context(viewport={"width": PHONE, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{either_server}/{MINUTES}")
    abbr = page.locator("article abbr[title]").first
    abbr.scroll_into_view_if_needed()
    before = page.evaluate("(a) => getComputedStyle(a, '::after').content", abbr.element_handle())
    assert before in ("none", "normal"), "no explanation before the tap"
    abbr.tap()
    check_tip_shown(page.evaluate(ABBR_TIP_JS))
    context.close()


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_a_table_rebuilt_from_the_source_is_ruled_and_scrolls_in_its_own_box(browser, server, width):
    # The minutes' particulars and rosters are raw HTML tables (class atlas-table), which Material's
    # own table style leaves bare: each cell is ruled, and a table wider than a phone scrolls inside
    # its box rather than pushing the page sideways.
    page = open_page(browser, server, MINUTES, width)
    found = page.evaluate("""() => {
      const table = document.querySelector('table.atlas-table');
      const cell = table.querySelector('td');
      const column = document.querySelector('article').getBoundingClientRect();
      return {rule: parseFloat(getComputedStyle(cell).borderTopWidth),
              overflow: getComputedStyle(table).overflowX,
              inside: table.getBoundingClientRect().right <= column.right + 1,
              page: document.documentElement.scrollWidth, viewport: window.innerWidth};
    }""")
    page.close()
    assert found["rule"] > 0
    assert found["overflow"] == "auto" and found["inside"]
    assert found["page"] <= found["viewport"]
