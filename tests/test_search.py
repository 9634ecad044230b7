"""Search in a real browser (Debian's chromium): every kind of query readers type.

For each query in search_queries.jsonl the test types it into the site's search box, then
checks that (1) the number of results equals the number of sections whose text contains
every word of the query — counted here in Python from the document model, independently of
the browser code — and (2) the first result opens a section (its #anchor, on the real page)
whose text contains the needle.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata

import pytest

from atlas.enrich.glossary import load_glossary
from atlas.enrich.synonyms import build_synonyms, expand, named
from atlas.model.document import section_heading
from atlas.text.fold import fold_query
from atlas.text.variants import build_table
from atlas.write.search import _text, entries, fold  # _text: the text the index holds for a section
from conftest import ROOT, SOURCES, search_for

QUERIES = [json.loads(line) for line in (ROOT / "tests" / "search_queries.jsonl").read_text("utf-8").splitlines()]

SECTION_TEXT_JS = """(id) => {
  const root = document.querySelector('article');
  if (!id) return root.innerText;
  const start = document.getElementById(id);
  if (!start) return null;
  const level = /^H[1-6]$/.test(start.tagName) ? +start.tagName[1] : 7;
  let text = start.innerText;
  for (let el = start.nextElementSibling; el; el = el.nextElementSibling) {
    if (/^H[1-6]$/.test(el.tagName) && +el.tagName[1] <= level) break;
    text += '\\n' + el.innerText;
  }
  return text;
}"""


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def variants(documents) -> dict[str, str]:
    """The spelling-variant table, made from the corpus as the converter makes it."""
    units = entries(list(documents.values()))
    return build_table((text for unit in units for text in (unit.title, unit.text)), fold)


@pytest.fixture(scope="module")
def synonyms(documents, variants) -> list:
    """The synonym groups, made from the corpus and the glossary as the converter makes them."""
    units = entries(list(documents.values()))
    glossary = {g.term: g.title for g in load_glossary(SOURCES / "glossary.yml")}
    return build_synonyms([text for unit in units for text in (unit.title, unit.text)],
                          lambda word: fold(word, variants), glossary)


def section_texts(documents) -> list[tuple[str, str]]:
    """Every section the index holds, as (heading, text); a document's preamble under its title."""
    units = []
    for document in documents.values():
        if not document.lines:
            continue
        units += ([(document.meta.title, _text(document.preamble))] if document.preamble else []) + [
            (section_heading(s), _text(s.blocks)) for s in document.all_sections()
        ]
    return units


@pytest.fixture(scope="module")
def expected_count(documents, variants, synonyms):
    """Sections that hold every word of the query, each as typed or as one of its synonyms.

    Each section is folded once for all the queries, and each word once (expand folds every
    group's words for each query word)."""
    fold_word = functools.cache(lambda word: fold(word, variants))
    units = [(fold(title, variants), fold(text, variants)) for title, text in section_texts(documents)]

    def count(query: str) -> int:
        words = named(fold_query(query, variants), synonyms, fold_word)
        forms = [[form for form, _ in expand(word, synonyms, fold_word)] for word in words]
        return sum(all(any(f in haystack or f in heading for f in alternatives) for alternatives in forms)
                   for heading, haystack in units)

    return count


# The index is open: the results panel asks for a query.
PLACEHOLDER_SHOWN = (
    "() => document.querySelector('.md-search-result__meta').textContent.trim()"
    " === JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
)


@pytest.fixture(scope="module")
def search_page(browser, either_server):
    """The search box of the home page, on the MkDocs build and on the Zensical build."""
    page = browser.new_page()
    page.goto(f"{either_server}/")
    page.locator("input.md-search__input").click()
    page.wait_for_function(PLACEHOLDER_SHOWN)
    yield page
    page.close()


@pytest.fixture(scope="module")
def reader(browser):
    """A tab that opens the first result of each query, beside the search box's."""
    page = browser.new_page()
    yield page
    page.close()


def run_query(page, query: str) -> tuple[str, list[str]]:
    box = page.locator("input.md-search__input")
    box.fill("")
    # The empty box clears the results first, so the previous query's count is never read as this one's.
    page.wait_for_function("() => !document.querySelector('.md-search-result__meta').textContent.includes('件')"
                           " && !document.querySelector('.md-search-result__list').children.length")
    box.fill(query)
    # The panel says which query it answers: the previous query's count is no answer to this one.
    page.wait_for_function("(q) => document.querySelector('.md-search-result__meta').dataset.query === q",
                           arg=query)
    meta = page.locator(".md-search-result__meta").inner_text()
    hrefs = page.eval_on_selector_all(".md-search-result__list a.md-search-result__link", "as => as.map(a => a.href)")
    return meta, hrefs


@pytest.mark.parametrize("case", QUERIES, ids=[q["id"] for q in QUERIES])
def test_query_finds_every_section_and_opens_the_right_one(case, search_page, reader, expected_count):
    meta, hrefs = run_query(search_page, case["q"])
    expected = expected_count(case["q"])
    assert expected > 0, f"test case {case['id']}: the corpus has no section with {case['q']!r}"
    assert meta.startswith(f"{expected} 件"), (case["q"], meta, expected)
    assert hrefs, case["q"]
    url, _, anchor = hrefs[0].partition("#")
    reader.goto(hrefs[0])
    text = reader.evaluate(SECTION_TEXT_JS, anchor)
    assert text is not None, f"anchor #{anchor} missing on {url}"
    needles = case["needle"] if isinstance(case["needle"], list) else [case["needle"]]
    for needle in needles:
        assert squash(needle) in squash(text), (case["q"], hrefs[0], needle)


def test_results_show_section_document_and_highlighted_snippet(search_page):
    run_query(search_page, "大阪トラック")
    first = search_page.locator(".md-search-result__list li").first
    assert first.locator("h2").inner_text()
    assert "大阪トラック" in first.locator("p mark").first.inner_text()
    doc = first.locator(".atlas-search-doc").inner_text()
    assert doc in {"データ流通・活用に関する取組状況（IT総合戦略本部・官民データ活用推進戦略会議 資料）",
                   "信頼性のある自由なデータ流通（DFFT）とデータ戦略における国際連携"}
    assert "#" in first.locator("a").get_attribute("href")


def test_words_found_nowhere_together_fall_back_to_partial_matches(search_page):
    meta, hrefs = run_query(search_page, "ボットネット クールジャパン")
    assert "一部の語に一致" in meta and hrefs


def test_search_works_under_a_sub_path(browser, site_under_subpath):
    page = browser.new_page()
    page.goto(f"{site_under_subpath}/")
    search_for(page, "ぼっとねっと")
    href = page.locator(".md-search-result__list a").first.get_attribute("href")
    assert "/atlas/documents/cybersecurity-2024/" in href
    page.goto(href)
    assert "ボットネット" in page.locator("article").inner_text()
    page.close()


def atlas_requests(urls: list[str], server: str) -> list[str]:
    """The search index files among the requested URLs, as paths under atlas/."""
    return [u.removeprefix(f"{server}/atlas/") for u in urls if u.startswith(f"{server}/atlas/")]


def test_a_page_view_loads_no_index_and_a_query_only_the_parts_it_needs(browser, server):
    page = browser.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(f"{server}/documents/digital-nippon-2024/", wait_until="networkidle")
    page.wait_for_timeout(300)
    assert atlas_requests(urls, server) == [], "opening a page loads no search index"
    assert not [u for u in urls if "atlas-search-core" in u], "nor the search code beyond the box's"
    assert not [u for u in urls if "search_index" in u], "nor Material's own index"
    page.locator("input.md-search__input").click()
    page.wait_for_function(PLACEHOLDER_SHOWN)
    assert sorted(atlas_requests(urls, server)) == ["lengths.bin", "search.json"], "focus: the manifest only"
    before = len(urls)
    search_for(page, "情報銀行")
    page.wait_for_load_state("networkidle")
    fetched = atlas_requests(urls[before:], server)
    chunks = [f for f in fetched if f.startswith("g/")]
    stored = [f for f in fetched if f.startswith("s/")]
    assert "facets.json" in fetched, "the first query fetches what the filters need"
    assert 1 <= len(chunks) <= 2 and stored and len(chunks) + len(stored) + 1 == len(fetched), fetched
    manifest = json.loads(page.evaluate("() => fetch('../../atlas/search.json').then(r => r.text())"))
    assert len(chunks) < len(manifest["chunks"]) / 4, "a query touches a few chunks of the index"
    shown = page.locator(".md-search-result__list li").count()
    assert len(stored) <= shown, "store shards of the results shown only"
    assert all(u.startswith(server) or u.startswith("data:") for u in urls), "no other host"
    page.close()


def test_results_say_where_the_section_sits(search_page):
    run_query(search_page, "情報銀行")
    where = search_page.locator(".md-search-result__list li .atlas-search-where")
    texts = where.all_inner_texts()
    nested = [t for t in texts if " › " in t]
    assert nested, texts
    doc = search_page.locator(".md-search-result__list li").first.locator(".atlas-search-doc").inner_text()
    assert texts[0].startswith(doc)


def test_a_search_has_a_url_that_opens_the_same_results(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/documents/digital-nippon-2024/")
    search_for(page, "防災 ＤＸ")
    page.wait_for_function("() => location.search.includes('q=')")
    shown = page.eval_on_selector_all(".md-search-result__list a", "as => as.map(a => a.href)")
    pasted = browser.new_page()
    pasted.goto(page.url)
    pasted.wait_for_selector(".md-search-result__list a")
    assert pasted.locator("input.md-search__input").input_value() == "防災 ＤＸ"
    assert pasted.evaluate("document.getElementById('__search').checked"), "the results panel is open"
    assert pasted.eval_on_selector_all(".md-search-result__list a", "as => as.map(a => a.href)") == shown
    page.locator("button[type=reset]").click(force=True)
    page.wait_for_function("() => !location.search.includes('q=')")
    page.close()
    pasted.close()


def test_spelling_variants_find_each_other(search_page, expected_count):
    """取組み (as a document writes it) and 取り組み, 取組 (as readers type it) give the same results;
    so do 子ども, こども and 子供; and each is found inside longer words."""
    counts = {}
    for query in ("取組み状況", "取り組み状況", "取組状況"):
        meta, hrefs = run_query(search_page, query)
        counts[query] = (meta.split(" 件")[0], hrefs[:5])
    assert len(set(map(str, counts.values()))) == 1, counts
    assert int(counts["取組状況"][0]) == expected_count("取組状況") > 0
    shown = {}
    for query in ("子ども", "こども", "子供"):
        shown[query] = run_query(search_page, query)
    assert len({str(v) for v in shown.values()}) == 1, shown
    first = search_page.locator(".md-search-result__list li").first
    assert first.locator("mark").count(), "the variant as written is highlighted"


def test_a_synonym_finds_what_the_library_names_otherwise_and_says_so(search_page, expected_count):
    """個人番号 (the law's word) finds the sections that say マイナンバー, each result saying
    「マイナンバー」で一致 with マイナンバー highlighted; 仮想通貨, which two sections write, shows those
    first and then the 暗号資産 sections, saying so."""
    meta, hrefs = run_query(search_page, "個人番号")
    assert meta.startswith(f"{expected_count('個人番号')} 件") and hrefs
    first = search_page.locator(".md-search-result__list li").first
    assert first.locator(".atlas-search-via").inner_text() == "「マイナンバー」で一致"
    assert "マイナンバー" in first.locator("p mark").first.inner_text()
    run_query(search_page, "仮想通貨")
    notes = search_page.eval_on_selector_all(".md-search-result__list li", "lis => lis.map(li =>"
                                             " (li.querySelector('.atlas-search-via') || {}).textContent || '')")
    exact = notes.index("「暗号資産」で一致")
    assert exact >= 1 and not any(notes[:exact]) and all(notes[exact:]), notes


def test_an_abbreviation_shows_its_glossary_entry_first(search_page, browser):
    """PQC, or its full form: the glossary entry above the results, linking to its row."""
    for query in ("pqc", "耐量子計算機暗号"):
        run_query(search_page, query)
        entry = search_page.locator(".atlas-search-glossary a")
        search_page.wait_for_selector(".atlas-search-glossary a")
        assert entry.count() == 1 and entry.inner_text().startswith("用語集: PQC")
    href = entry.get_attribute("href")
    assert href.endswith("glossary/#pqc")
    page = browser.new_page()
    page.goto(href)
    assert "Post-Quantum Cryptography" in page.locator("#pqc").locator("xpath=../..").inner_text()
    page.close()
    run_query(search_page, "データ流通")
    assert search_page.locator(".atlas-search-glossary").is_hidden()


def filter_state(page) -> dict[str, str]:
    return page.evaluate("() => Object.fromEntries([...document.querySelectorAll('.atlas-search-filters select')]"
                         ".map(s => [s.name, s.value]))")


def test_filters_narrow_the_results_and_the_url_restores_them(browser, server, documents):
    page = browser.new_page()
    page.goto(f"{server}/")
    search_for(page, "データ連携")
    page.wait_for_selector(".atlas-search-filters:not([hidden])")
    total = int(page.locator(".md-search-result__meta").inner_text().split(" 件")[0])
    years = page.eval_on_selector_all("select[name=year] option", "os => os.map(o => [o.value, o.textContent])")
    year, label = next((v, t) for v, t in years if v)
    narrowed = int(re.search(r"（(\d+)）", label).group(1))
    assert 0 < narrowed < total, years
    page.select_option("select[name=year]", year)
    page.wait_for_function("(y) => location.search.includes('year=' + y)", arg=year)
    page.wait_for_function("(n) => document.querySelector('.md-search-result__meta').textContent.startsWith(n + ' 件')",
                           arg=narrowed)
    hrefs = page.eval_on_selector_all(".md-search-result__list a", "as => as.map(a => a.href)")
    in_year = {d.meta.id for d in documents.values() if str(d.meta.date.year) == year}
    assert hrefs and all(any(f"/documents/{doc}/" in h for doc in in_year) for h in hrefs), (year, hrefs)
    options = "os => os.map(o => [o.value, o.textContent])"
    theme, label = page.eval_on_selector_all("select[name=theme] option", options)[1]
    both = int(re.search(r"（(\d+)）", label).group(1))
    assert 0 < both <= narrowed
    page.select_option("select[name=theme]", theme)
    page.wait_for_function("(t) => location.search.includes('theme=' + t)", arg=theme)
    page.wait_for_function("(n) => document.querySelector('.md-search-result__meta').textContent.startsWith(n + ' 件')",
                           arg=both)
    shown = page.eval_on_selector_all(".md-search-result__list a", "as => as.map(a => a.href)")
    assert shown and all(any(f"/documents/{doc}/" in h for doc in in_year) for h in shown), (year, theme, shown)
    pasted = browser.new_page()
    pasted.goto(page.url)
    pasted.wait_for_selector(".md-search-result__list a")
    pasted.wait_for_timeout(200)
    assert filter_state(pasted) == {"doc": "", "issuer": "", "year": year, "theme": theme}
    assert pasted.eval_on_selector_all(".md-search-result__list a", "as => as.map(a => a.href)") == shown
    meta = ".md-search-result__meta"
    assert pasted.locator(meta).inner_text() == page.locator(meta).inner_text()
    pasted.locator("button[type=reset]").click(force=True)
    pasted.wait_for_function("() => !location.search.includes('year=')")
    page.close()
    pasted.close()


PANEL_GEOMETRY_JS = """() => {
  const output = document.querySelector('.md-search__output').getBoundingClientRect();
  const wrap = document.querySelector('.md-search__scrollwrap');
  const inside = [...document.querySelectorAll('.md-search__output *')].filter(e => e.getClientRects().length);
  const selects = [...document.querySelectorAll('.atlas-search-filters select')].map(s => {
    const r = s.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {name: s.name, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
            onTop: hit === s, options: s.options.length};
  });
  return {
    width: innerWidth, height: innerHeight, output: [output.left, output.right],
    wrapOverflow: wrap.scrollWidth - wrap.clientWidth,
    widest: Math.max(...inside.map(e => e.getBoundingClientRect().right)),
    display: getComputedStyle(document.querySelector('.atlas-search-filters')).display,
    selects,
  };
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_filters_fit_the_results_panel_on_a_phone_and_a_desktop(browser, either_server, width):
    """With the filters open, the results panel is no wider than the screen (or its column) and
    every filter can be seen and tapped: the filters' styles load on both builds."""
    page = browser.new_page(viewport={"width": width, "height": 844})
    page.goto(f"{either_server}/?q=マイナンバーカード")
    page.wait_for_selector(".atlas-search-filters:not([hidden]) select option:nth-child(2)", state="attached")
    # On a phone the search panel slides in: measure it where it comes to rest (a run measured it
    # 0.36 px short of its place while the transition ended).
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    geometry = page.evaluate(PANEL_GEOMETRY_JS)
    assert geometry["display"] == "flex", "the filters' own styles are loaded"
    assert geometry["wrapOverflow"] <= 0, geometry
    left, right = geometry["output"]
    assert right <= geometry["width"] and geometry["widest"] <= right + 0.5, geometry
    assert [s["name"] for s in geometry["selects"]] == ["doc", "issuer", "year", "theme"]
    for select in geometry["selects"]:
        assert left <= select["left"] and select["right"] <= right, select
        assert select["top"] >= 0 and select["bottom"] <= geometry["height"], select
        assert select["onTop"] and select["options"] > 1, select
    issuer = page.eval_on_selector_all("select[name=issuer] option", "os => os.map(o => o.value)")[1]
    page.select_option("select[name=issuer]", issuer)
    page.wait_for_function("() => location.search.includes('issuer=')")
    page.close()
