#!/usr/bin/env python3
"""Screenshots of the reading pages for README and review, from a built site.

    .venv/bin/mkdocs build -d /tmp/site && .venv/bin/python bench/reading_screenshots.py /tmp/site

Writes bench/screenshots/: document-page.png (a chapter, its sidebar listing every document),
repeated-headings.png (防災DX: eleven 【主な課題】/【対応策】 told apart in the table of contents),
theme-matrix.png and theme-matrix-phone.png (the theme × document overview at 1280 and 390 px),
search-filters-phone.png (a pasted search on a 390 px phone: results and their filters),
print-page.png (the first printed sheet of a chapter: the running head names the document),
dark-mode.png (a chapter in dark mode, a marked paragraph, theme chips and links),
search.png (the home page, a katakana word typed in hiragana found in its section).
"""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
from pathlib import Path

import pypdfium2
from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent / "screenshots"
SHOTS = [  # (file, path, width, height)
    ("document-page.png", "documents/digital-nippon-2024/4/#4-3", 1280, 1000),
    ("repeated-headings.png", "documents/bosai-dx-2024/#s2", 1280, 1000),
    ("theme-matrix.png", "themes/#matrix", 1280, 1000),
    ("theme-matrix-phone.png", "themes/#matrix", 390, 844),
    ("search-filters-phone.png", "?q=マイナンバーカード", 390, 844),  # a pasted search: results with their filters
]
# (file, path, width, height): pages in dark mode (the reader's system asks for it).
DARK_SHOTS = [("dark-mode.png", "documents/digital-nippon-2024/4/#4-1-2-p1", 1280, 900)]
# (file, path): the first sheet of a page as Chromium prints it (A4), rendered from the PDF.
PRINT_SHOTS = [("print-page.png", "documents/digital-nippon-2024/4/")]
# (file, path, width, height, what is typed into the search box)
SEARCH_SHOTS = [("search.png", "", 1280, 1000, "ぼっとねっと")]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                             args=["--headless", "--no-sandbox", "--disable-gpu"])
        for name, path, width, height in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(f"{base}/{path}")
            if "?q=" in path:
                page.wait_for_selector(".atlas-search-filters:not([hidden])")
            page.wait_for_timeout(500)  # the header's title swap and the TOC's scroll-follow settle
            page.screenshot(path=str(OUT / name))
            page.close()
        for name, path, width, height, query in SEARCH_SHOTS:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(f"{base}/{path}")
            page.locator("input.md-search__input").click()
            page.locator("input.md-search__input").fill(query)
            page.wait_for_selector(".md-search-result__item")
            page.wait_for_timeout(300)
            page.screenshot(path=str(OUT / name))
            page.close()
        for name, path, width, height in DARK_SHOTS:
            context = browser.new_context(viewport={"width": width, "height": height}, color_scheme="dark")
            page = context.new_page()
            page.goto(f"{base}/{path}")
            page.wait_for_timeout(500)
            page.screenshot(path=str(OUT / name))
            context.close()
        for name, path in PRINT_SHOTS:
            page = browser.new_page()
            page.goto(f"{base}/{path}")
            pdf = pypdfium2.PdfDocument(page.pdf(format="A4"))
            pdf[0].render(scale=1.25).to_pil().save(OUT / name)
            page.close()
        browser.close()
    httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
