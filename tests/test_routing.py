"""Every page path and URL comes from atlas/routing.py: no module builds one by hand, and the
routes name the pages the conversion wrote (docs/) and the addresses the built site serves."""

from __future__ import annotations

import ast
import posixpath
from pathlib import Path
from urllib.parse import urljoin

from atlas.enrich.routing import (
    DOCUMENT_LIST,
    FEED,
    HOME,
    REPORT,
    THEME_LIST,
    comparison_page,
    document_page,
    document_url,
    href,
    link,
    page_of_document_path,
    print_page,
    redirect_page,
    root,
    source_file,
    source_view_page,
    theme_page,
    url,
)

ROOT = Path(__file__).resolve().parent.parent
ATLAS = ROOT / "scripts" / "atlas"
ROUTING = ATLAS / "enrich" / "routing.py"
DOCS = ROOT / "docs"
SITE = "https://example.org/atlas/"  # a site published under a sub-path, as GitHub Pages does
# Strings that look like routes but are no page of the site: the repository's README, whose
# table of catalog keys write_schemas.py keeps up to date.
NOT_ROUTES = {"publish_schema.py": {"README.md"}}


def _docstrings(tree: ast.Module) -> set[int]:
    """ids of the string constants that are docstrings (they may show a path as an example)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _route_literals(path: Path) -> list[str]:
    """The string constants of a module (f-string pieces included) that name a page by hand."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    return [f"{path.name}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and ("../" in node.value or ".md" in node.value)
            and node.value not in NOT_ROUTES.get(path.name, set())]


def test_no_module_but_routing_writes_a_relative_path_or_a_markdown_name() -> None:
    found = [hit for path in sorted(ATLAS.rglob("*.py")) if path != ROUTING for hit in _route_literals(path)]
    assert found == []


def test_the_scan_sees_the_literals_routing_holds() -> None:
    # The check above would pass on a scan that reads nothing.
    assert any("'.md'" in hit for hit in _route_literals(ROUTING))
    assert any("'../'" in hit for hit in _route_literals(ROUTING))


def test_every_catalog_document_has_its_page_where_routing_says(catalog_ids: list[str]) -> None:
    assert catalog_ids
    missing = [doc for doc in catalog_ids if not (DOCS / document_page(doc)).is_file()]
    assert missing == []


def test_document_page_paths_read_back_as_document_and_page(catalog_ids: list[str]) -> None:
    for doc in catalog_ids:
        pages = sorted((DOCS / "documents" / doc).glob("*.md"))
        assert pages, doc
        for page in pages:
            path = page.relative_to(DOCS).as_posix()
            where = page_of_document_path(path)
            assert where is not None and where[0] == doc, path
            assert document_page(*where) == path
    assert page_of_document_path(theme_page("ai")) is None
    assert page_of_document_path(HOME) is None


def test_urls_are_directory_urls(catalog_ids: list[str]) -> None:
    doc = catalog_ids[0]
    assert url(HOME) == ""
    assert url(DOCUMENT_LIST) == "documents/"
    assert document_url(doc) == f"documents/{doc}/"
    assert document_url(doc, "2-1") == f"documents/{doc}/2-1/"
    assert url(f"{document_page(doc, '3')}#3-2") == f"documents/{doc}/3/#3-2"
    assert url(theme_page("ai")) == "themes/ai/"
    assert url(print_page(doc)) == f"documents/{doc}/print/"
    assert url(source_view_page(doc, 1)) == f"source-view/{doc}-2/"
    assert url(FEED) == FEED  # a file keeps its name
    assert url(redirect_page(doc, "3")) == f"documents/{doc}/3/"


def _pages_between(catalog_ids: list[str]) -> list[str]:
    first, second = catalog_ids[0], catalog_ids[-1]
    return [HOME, DOCUMENT_LIST, THEME_LIST, REPORT, FEED, theme_page("ai"), document_page(first),
            document_page(first, "1"), print_page(first), document_page(second), source_view_page(second, 0),
            source_view_page(second, 2), comparison_page(first, second), source_file(f"{first}.txt")]


def test_markdown_links_lead_from_file_to_file(catalog_ids: list[str]) -> None:
    pages = _pages_between(catalog_ids)
    for start in pages:
        for target in pages:
            found = link(start, target)
            assert posixpath.normpath(posixpath.join(posixpath.dirname(start), found)) == target, (start, target)
            assert not found.startswith("/")


def test_raw_html_addresses_lead_from_url_to_url(catalog_ids: list[str]) -> None:
    pages = _pages_between(catalog_ids)
    for start in pages:
        for target in pages:
            assert urljoin(SITE + url(start), href(start, target)) == SITE + url(target), (start, target)


def test_relative_links_climb_as_deep_as_the_page(catalog_ids: list[str]) -> None:
    doc, other = catalog_ids[0], catalog_ids[1]
    assert link(document_page(doc), theme_page("ai")) == "../../themes/ai.md"
    assert link(document_page(doc, "2"), document_page(other)) == f"../{other}/index.md"
    assert link(document_page(doc, "2"), document_page(doc)) == "index.md"
    assert link(theme_page("ai"), document_page(doc, "2") + "#2-1") == f"../documents/{doc}/2.md#2-1"
    assert link(HOME, DOCUMENT_LIST) == "documents/index.md"
    # Served, a chapter page is a folder deeper than its file.
    assert href(source_view_page(doc, 0), document_page(doc, "2")) == f"../../documents/{doc}/2/"
    assert href(print_page(doc), document_page(doc)) == "../"
    assert href(FEED, HOME) == "./"
    assert root(redirect_page(doc, "3")) == "../../../"
    assert root(redirect_page(doc, "")) == "../../"
    assert root(HOME) == ""


def test_committed_redirect_pages_stand_where_routing_puts_them() -> None:
    redirects = sorted(DOCS.glob("documents/*/*/index.html"))
    for page in redirects:
        doc, name = page.relative_to(DOCS / "documents").parts[:2]
        assert redirect_page(doc, name) == page.relative_to(DOCS).as_posix()
