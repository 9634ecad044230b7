"""A link checker over the built site: every internal link and #anchor resolves, and no
page loads anything from another host (the site must work offline)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch", "preconnect"}


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        # What the browser fetches (a canonical <link> is an address, not a request).
        loads = tag in ("script", "img", "iframe", "source") or (
            tag == "link" and set((values.get("rel") or "").split()) & LOADING_RELS
        )
        for attr in ("src", "href"):
            if loads and values.get(attr):
                self.resources.append(values[attr])


def parse(page: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def target_file(page: Path, path: str, site: Path) -> Path:
    if path.startswith("/"):  # 404.html links from the site root (site_url's path is "/" here)
        target = (site / unquote(path).lstrip("/")).resolve()
    else:
        target = (page.parent / unquote(path)).resolve() if path else page
    if target.is_dir():
        target = target / "index.html"
    return target


def test_every_internal_link_and_anchor_resolves(site):
    pages = {page.resolve(): parse(page) for page in site.rglob("*.html")}
    broken = []
    for page, parsed in pages.items():
        for href in parsed.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target = target_file(page, parts.path, site)
            if not target.exists():
                broken.append(f"{page.relative_to(site.resolve())}: {href} (no file)")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(site.resolve())}: {href} (no anchor)")
    assert not broken, "\n".join(broken[:30])
    assert sum(len(p.links) for p in pages.values()) > 1000


def test_no_page_loads_from_another_host(site):
    for page in site.rglob("*.html"):
        for resource in parse(page).resources:
            parts = urlsplit(resource)
            assert not parts.netloc and parts.scheme in ("", "data"), (page, resource)
