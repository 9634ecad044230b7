"""A link given out once keeps its words: sources/links.lock and the map the page script reads.

A small document (Atlas clean text, so that its structure is exactly as written) is published
once — converted, and its ids recorded by the release step — then converted again after the
changes a better converter makes: a join fixed, a paragraph split in two, two merged, a note
split off, a paragraph re-nested under a new heading, the chapters moved to pages of their own
(the document grew past the one-page limit), a remark removed as furniture. Every id of the
first release must still open its words — in Python (the pages and the map) and in Chromium
(the old URL opened, the targeted element read) — and the removed one opens its section with
the notice.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from atlas.convert import convert
from atlas.enrich.links import load_links_lock, record, write_links_lock
from atlas.enrich.published import fold, page_of_path, published_ids
from conftest import ROOT, _serve, build_project, project_copy, without_access_date

sys.path.insert(0, str(ROOT / "scripts"))
from release_links import record_tree

CATALOG = """documents:
  - id: links-sample
    title: データ連携の基本方針（試験用）
    body: 試験庁
    date: 2024-05-01
    kind: policy
    source: sample.txt
    format: clean
    summary: 試験用の文書。
"""

FIRST = """## 1．はじめに

本書はデータ連携の基本方針を示すものである。各府省は この方針に沿って取り組む。

デジタル庁は司令塔として全体を調整する。地方公共団体は地域の実情に応じて施策を進める。

標準化の対象はデータ項目とアプリケーション間の接続方式である。

相互運用性を確保するため、共通の語彙を定めて公開する。

データの品質を確保するため、各機関は定期的に点検を行う。1 品質基準は別途定める。

## 2．推進体制

推進会議は年に二回開催し、進捗を確認する。

※本資料は会議用の暫定版であり、今後変更があり得る。

事務局は内閣官房に置き、関係府省の職員で構成する。
"""

# A third chapter long enough (over 20,000 characters) to split the document into chapter pages.
APPENDIX = "\n\n".join(
    f"参考事例{n}：行政手続のデジタル化について、第{n}の地域で得られた知見を記録する。" * 12 for n in range(1, 61)
)

SECOND = f"""## 1．はじめに

本書はデータ連携の基本方針を示すものである。各府省はこの方針に沿って取り組む。

デジタル庁は司令塔として全体を調整する。

地方公共団体は地域の実情に応じて施策を進める。

標準化の対象はデータ項目とアプリケーション間の接続方式である。相互運用性を確保するため、共通の語彙を定めて公開する。

データの品質を確保するため、各機関は定期的に点検を行う。[^1]

## 2．推進体制

### （1）会議

推進会議は年に二回開催し、進捗を確認する。

事務局は内閣官房に置き、関係府省の職員で構成する。

## 3．参考資料

{APPENDIX}

---

[^1]: 品質基準は別途定める。
"""

SITE_URL = "https://atlas.example.org/policy/"
REMOVED = "※本資料は会議用の暫定版であり、今後変更があり得る。"


def _sources(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "catalog.yml").write_text(CATALOG, encoding="utf-8")
    (folder / "sample.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list]:
    """(first release's docs, second conversion's docs, the ids the first release gave out)."""
    base = tmp_path_factory.mktemp("links")
    sources = _sources(base / "src", FIRST)
    convert(sources, base / "first")
    lock = load_links_lock(sources / "links.lock")
    record_tree(lock, base / "first")
    write_links_lock(sources / "links.lock", lock)
    first_ids = [item for path in sorted((base / "first" / "documents").glob("*/*.md"))
                 if (where := page_of_path(path.relative_to(base / "first").as_posix())) and where[1] != "print"
                 for item in published_ids(*where, path.read_text(encoding="utf-8"))]
    (sources / "sample.txt").write_text(SECOND, encoding="utf-8")
    convert(sources, base / "second")
    return base / "first", base / "second", first_ids


def _words_now(docs: Path, document: str, page: str, ident: str) -> tuple[str, bool]:
    """What an old link opens on the new pages, following the map as assets/atlas-links.js does:
    (the words of the element it lands on, whether the notice is shown)."""
    pages = {}
    for path in (docs / "documents").glob("*/*.md"):
        where = page_of_path(path.relative_to(docs).as_posix())
        if where:
            pages[where] = {item.ident: item.text for item in published_ids(*where, path.read_text(encoding="utf-8"))}
    if ident in pages.get((document, page), {}):
        return pages[(document, page)][ident], False
    link_map = json.loads((docs / "atlas" / "links" / f"{document}.json").read_text(encoding="utf-8"))
    url, new_id, *notice = link_map[page][ident]
    parts = url.strip("/").split("/")
    return pages[(parts[1], parts[2] if len(parts) == 3 else "")].get(new_id, ""), bool(notice)


def test_every_id_of_the_first_release_opens_its_words_after_the_converter_changed(releases):
    _, second, first_ids = releases
    assert {item.page for item in first_ids} == {""}  # one page at first…
    assert (second / "documents" / "links-sample" / "1.md").is_file()  # …chapter pages now
    assert len(first_ids) == 10  # two headings, eight paragraphs
    for item in first_ids:
        words, notice = _words_now(second, item.document, item.page, item.ident)
        if fold(item.text) == fold(REMOVED):
            assert notice and words.startswith("2．推進体制"), (item, words)
        else:
            old, new = fold(item.text), fold(words)
            assert not notice and (old[:20] in new or old.startswith(new)), (item, words)


def test_a_split_paragraph_keeps_its_id_on_its_beginning_and_the_new_part_gets_a_new_id(releases):
    _, second, _ = releases
    chapter = (second / "documents" / "links-sample" / "1.md").read_text(encoding="utf-8")
    ids = {item.text: item.ident for item in published_ids("links-sample", "1", chapter)}
    assert ids["デジタル庁は司令塔として全体を調整する。"] == "1-p2"
    # The merged paragraph keeps the id of the one it begins with; the other's id leads to it.
    merged = ("標準化の対象はデータ項目とアプリケーション間の接続方式である。"
              "相互運用性を確保するため、共通の語彙を定めて公開する。")
    assert ids[merged] == "1-p3"
    # 1-p1…1-p5 were given out: the new paragraph takes the first number never published.
    assert ids["地方公共団体は地域の実情に応じて施策を進める。"] == "1-p6"
    link_map = json.loads((second / "atlas" / "links" / "links-sample.json").read_text(encoding="utf-8"))
    assert link_map[""]["1-p4"] == ["documents/links-sample/1/", "1-p3"]
    assert link_map[""]["2-p2"] == ["documents/links-sample/2/", "2", 1]  # gone: its section, with the notice


def test_the_lock_round_trips_and_a_release_never_changes_an_entry(tmp_path, releases):
    _, _, first_ids = releases
    lock = load_links_lock(tmp_path / "links.lock")
    assert record(lock, first_ids) == len(first_ids)
    write_links_lock(tmp_path / "links.lock", lock)
    assert load_links_lock(tmp_path / "links.lock") == lock
    before = (tmp_path / "links.lock").read_bytes()
    # The same ids published again naming other words: the first words stay what they mean.
    changed = [type(item)(item.document, item.page, item.ident, "別の文章") for item in first_ids]
    assert record(lock, changed) == 0
    write_links_lock(tmp_path / "links.lock", lock)
    assert (tmp_path / "links.lock").read_bytes() == before


def test_a_conversion_never_writes_the_lock_not_even_with_update_anchors(tmp_path):
    sources = _sources(tmp_path / "src", FIRST)
    (sources / "links.lock").write_text("{}\n", encoding="utf-8")
    convert(sources, tmp_path / "out", update_anchors=True)
    assert (sources / "links.lock").read_text(encoding="utf-8") == "{}\n"


def test_a_broken_lock_is_one_line_naming_the_file(tmp_path):
    sources = _sources(tmp_path / "src", FIRST)
    (sources / "links.lock").write_text("{not json", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "convert.py"), "--sources", str(sources),
                             "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "links.lock" in result.stderr and "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def second_site(releases, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The second conversion built with MkDocs, with the project's configuration and assets."""
    first, _, _ = releases
    project = tmp_path_factory.mktemp("links-project")
    project_copy(project)
    sources = project / "src"
    shutil.copytree(first.parent / "src", sources)  # the second text and the first release's lock
    for name in ("themes.yml", "glossary.yml", "home.md"):
        shutil.copy(ROOT / "sources" / name, sources / name)
    convert(sources, project / "docs", project / "mkdocs.yml")
    # Built as the Pages workflow builds it: with the site's address known.
    return build_project(project, strict=False, site_url=SITE_URL)


@pytest.fixture(scope="module")
def second_server(second_site: Path):
    httpd = _serve(second_site)
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _open(page, url: str) -> dict:
    """Open an old URL as a reader would, let assets/atlas-links.js lead on, read what it opened."""
    page.goto(url)
    for _ in range(5):  # each page the script leads to replaces the one waited on
        try:
            page.wait_for_function("() => document.documentElement.dataset.atlasLink === 'settled'", timeout=5000)
            break
        except PlaywrightError:
            page.wait_for_load_state("load")
    return page.evaluate("""() => {
      const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      const clone = el && el.cloneNode(true);
      if (clone) clone.querySelectorAll('.atlas-tools, .headerlink').forEach(x => x.remove());
      const notice = document.querySelector('.atlas-link-notice');
      return {text: clone ? clone.textContent.trim() : '', path: location.pathname,
              notice: notice ? notice.textContent : ''};
    }""")


def test_old_urls_open_their_words_in_the_browser(context, releases, second_server):
    _, _, first_ids = releases
    page = context.new_page()
    for item in first_ids:
        seen = _open(page, f"{second_server}/documents/links-sample/#{item.ident}")
        if fold(item.text) == fold(REMOVED):
            assert seen["notice"] == "このリンク先の段落は更新されました", seen
            assert seen["text"].startswith("2．推進体制") and seen["path"].endswith("/links-sample/2/"), seen
        else:
            old, new = fold(item.text), fold(seen["text"])
            assert not seen["notice"] and (old[:20] in new or old.startswith(new)), (item, seen)
    page.close()


def test_pages_name_their_canonical_address_when_the_build_knows_it(context, second_server):
    page = context.new_page()
    page.goto(f"{second_server}/documents/links-sample/1/")
    canonical = page.locator("link[rel='canonical']").get_attribute("href")
    assert canonical == f"{SITE_URL}documents/links-sample/1/"
    assert page.locator("meta[property='og:url']").get_attribute("content") == canonical
    # Reference managers are given the document's address on the same site.
    public = page.locator("meta[name='citation_public_url']").get_attribute("content")
    assert public == f"{SITE_URL}documents/links-sample/"
    # A copied citation still names the address the reader has the page at.
    block = page.locator("[id='1-p2']")
    block.hover()
    block.locator("button.atlas-copy", has_text="引用").first.click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()) !== ''")
    copied = without_access_date(page.evaluate("navigator.clipboard.readText()"))
    assert copied.endswith(f"{second_server}/documents/links-sample/1/#1-p2")
    page.close()


def test_links_the_first_releases_gave_out_open_their_words_on_both_builds(context, either_server):
    page = context.new_page()
    # A page of the compilation before it was split into documents: a static redirect page now.
    seen = _open(page, f"{either_server}/documents/ldp-digital-nippon-2024-compilation/3_5/#3_5")
    assert seen["path"].endswith("/documents/web3-white-paper-2024/3/"), seen
    assert seen["text"].startswith("3．web3 のさらなる発展を見据え議論を開始・深化すべき論点"), seen
    # 「目 次」 is page furniture now: its link says the passage changed, and opens no other paragraph.
    seen = _open(page, f"{either_server}/documents/web3-white-paper-2024/#p3")
    assert seen["notice"] == "このリンク先の段落は更新されました" and seen["text"] == "", seen
    page.close()
