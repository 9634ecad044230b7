"""Reading from a folder (file://): the `make offline` build (scripts/make_offline.py over a
MkDocs build) opened from disk in Chromium. Folder links open their index.html, not a directory
listing, and search works with no fetch (the index files loaded as scripts)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, search_for

QUERY = "マイナンバーカード"


@pytest.fixture(scope="module")
def offline_site(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("offline") / "site"
    shutil.copytree(site, folder)
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_offline.py"), str(folder)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return folder


def result_count(page) -> int:
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.includes(' 件')")
    return int(page.locator(".md-search-result__meta").inner_text().split(" 件")[0])


def test_folder_links_open_pages_from_disk(browser, offline_site):
    page = browser.new_page()
    page.goto((offline_site / "index.html").as_uri())
    link = page.locator("article a[href*='documents/digital-nippon-2024/']").first
    assert link.get_attribute("href").endswith("documents/digital-nippon-2024/index.html")
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith("/documents/digital-nippon-2024/index.html"), page.url
    assert page.locator("h1").first.inner_text().startswith("デジタル・ニッポン2024")
    page.locator("article .atlas-outline a").first.click()  # a chapter page, and back to the site's home
    page.wait_for_load_state()
    assert page.url.endswith("/index.html") and page.locator("article h1").count() == 1, page.url
    page.locator("a.md-header__button.md-logo").click()
    page.wait_for_load_state()
    assert page.url == (offline_site / "index.html").as_uri()
    page.close()


def test_search_works_from_disk_without_fetch(browser, offline_site, server):
    online = browser.new_page()
    online.goto(f"{server}/")
    search_for(online, QUERY)
    expected = result_count(online)
    online.close()
    page = browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((offline_site / "documents" / "index.html").as_uri())
    search_for(page, QUERY)
    assert result_count(page) == expected > 0
    assert not any(url.startswith("http") for url in requests), [u for u in requests if u.startswith("http")]
    first = page.locator(".md-search-result__list a").first
    href = first.get_attribute("href")
    assert href.startswith("file://") and "/index.html#" in href, href
    first.click()
    page.wait_for_load_state()
    anchor = href.split("#", 1)[1]
    assert page.locator(f"[id='{anchor}']").count() == 1, href
    page.close()


def test_the_ordinary_build_says_when_it_cannot_search_from_disk(browser, site):
    """Without make_offline.py the same folder cannot search; it says so (the offline build is the answer)."""
    page = browser.new_page()
    page.goto((site / "index.html").as_uri())
    page.locator("input.md-search__input").click()
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent.includes('読み込めませんでした')")
    page.close()
