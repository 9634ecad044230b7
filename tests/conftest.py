"""Shared fixtures: the real sources, one fresh conversion per test session."""

from __future__ import annotations

import copy
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from atlas.config.catalog import Entry, load_catalog  # noqa: E402
from atlas.convert import convert  # noqa: E402
from atlas.model.document import Document, DocumentMeta  # noqa: E402
from atlas.pipeline import build_document  # noqa: E402
from atlas.structure.structure import Hints  # noqa: E402

SOURCES = ROOT / "sources"
# ATLAS_CORPUS names the corpus when the project is checked out elsewhere (a git worktree).
CORPUS = Path(os.environ.get("ATLAS_CORPUS", ROOT.parent / "shared" / "corpus"))


@functools.cache
def _corpus_conversion(doc_id: str, kind: str) -> Document:
    meta = DocumentMeta(id=doc_id, title=doc_id, body="corpus", date=date(2024, 1, 1), kind=kind,
                        source=f"{doc_id}.pdf", summary=doc_id, format="pdf")
    return build_document(Entry(meta, Hints(), 1), CORPUS)


def corpus_document(doc_id: str, kind: str = "report") -> Document:
    """The corpus PDF ``<doc_id>.pdf`` converted as one document (no hints).

    Several test files check the same corpus PDFs, and one conversion takes seconds: a test process
    converts each once and gives every caller its own deep copy, so that a test changing its
    document cannot change what another test reads."""
    return copy.deepcopy(_corpus_conversion(doc_id, kind))


@pytest.fixture(scope="session")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Document]]:
    """A fresh conversion of the real sources into a temporary folder."""
    out = tmp_path_factory.mktemp("docs")
    documents = convert(SOURCES, out)
    return out, documents


@pytest.fixture(scope="session")
def documents(converted: tuple[Path, list[Document]]) -> dict[str, Document]:
    return {doc.meta.id: doc for doc in converted[1]}


@pytest.fixture(scope="session")
def catalog_ids() -> list[str]:
    ids = []
    for entry in load_catalog(SOURCES):
        ids.append(entry.meta.id)
        ids.extend(part.meta.id for part in entry.parts)
    return ids


CHROMIUM = shutil.which("chromium")
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def converted_by_cli(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The real sources converted by `scripts/convert.py --out OUT --dump DUMP`, in a process of its
    own (its own hash seed): the pages, and the model after each stage that changed it."""
    out, dump = tmp_path_factory.mktemp("cli-docs"), tmp_path_factory.mktemp("cli-dump")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "convert.py"), "--out", str(out), "--dump", str(dump)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return out, dump


# The time that stamps a build (sitemap dates), as `make build` takes it from the commit: fixed, so
# two builds of the same docs/ can be compared byte for byte.
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1700000000"}


def build_site(out: Path, *options: str) -> subprocess.CompletedProcess:
    """The committed docs/ built by MkDocs into ``out``."""
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "mkdocs"), "build", *options, "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, env=BUILD_ENV | {"HOME": os.environ.get("HOME", "/tmp")},
        timeout=300,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed docs/ built with --strict: any warning (broken link, anchor) fails."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(out, "--strict")
    assert result.returncode == 0, result.stderr[-2000:]
    return out


@pytest.fixture(scope="session")
def zensical_site() -> Iterator[Path]:
    """The committed docs/ built by Zensical (`make zensical`), with --strict.

    Zensical takes the site folder from mkdocs.yml only, and it must lie inside the project:
    SITE_DIR puts it in build/ (git-ignored), and the folder is removed afterwards."""
    zensical = ROOT / ".venv" / "bin" / "zensical"
    if not zensical.exists():
        pytest.fail("Zensical is not installed: run `make test` (it installs requirements-zensical.txt)")
    (ROOT / "build").mkdir(exist_ok=True)
    out = Path(tempfile.mkdtemp(prefix="zensical-site-", dir=ROOT / "build"))
    result = subprocess.run(
        [str(zensical), "build", "--strict"], cwd=ROOT, capture_output=True, text=True,
        env={"SITE_DIR": str(out), "PATH": "/usr/bin:/bin"}, timeout=300,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]
    yield out
    shutil.rmtree(out, ignore_errors=True)


def project_copy(folder: Path) -> Path:
    """A copy of the project's site configuration, hand-written pages and hook in ``folder``, for a
    test that converts its own sources into it (``build_project``)."""
    shutil.copytree(ROOT / "docs", folder / "docs")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "site_hooks.py", folder / "scripts")  # mkdocs.yml's hook
    return folder


def build_project(project: Path, strict: bool = True, site_url: str = "") -> Path:
    """``project``'s docs/ built by MkDocs into project/site (with its address known when given)."""
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"} | ({"SITE_URL": site_url} if site_url else {})
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "mkdocs"), "build", *(["--strict"] if strict else []),
         "--site-dir", str(project / "site")],
        cwd=project, capture_output=True, text=True, env=env, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return project / "site"


def _serve(folder: Path):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture(scope="session")
def server(site: Path):
    httpd = _serve(site)
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def zensical_server(zensical_site: Path):
    httpd = _serve(zensical_site)
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session", params=["mkdocs", "zensical"])
def either_server(request: pytest.FixtureRequest) -> str:
    """The site built by MkDocs and by Zensical, for the browser tests that must hold on both builds."""
    return request.getfixturevalue("server" if request.param == "mkdocs" else "zensical_server")


@pytest.fixture(scope="session")
def site_under_subpath(site: Path, tmp_path_factory: pytest.TempPathFactory):
    """The built site served at /atlas/, as GitHub Pages serves a project site."""
    root = tmp_path_factory.mktemp("pages")
    (root / "atlas").symlink_to(site)
    httpd = _serve(root)
    yield f"http://127.0.0.1:{httpd.server_address[1]}/atlas"
    httpd.shutdown()


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a page closed while a request was in flight: not the site's fault


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        pytest.fail("Debian's chromium is not installed: run `make test` (it installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def context(browser):
    """A fresh browser context that may read and write the clipboard (copy buttons)."""
    ctx = browser.new_context()
    ctx.grant_permissions(["clipboard-read", "clipboard-write"])
    yield ctx
    ctx.close()




def search_for(page, query: str) -> None:
    """Type a query into the site's search box and wait for the first result."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    page.wait_for_selector(".md-search-result__list a")


ACCESS_DATE = re.compile(r"（閲覧日：\d{4}年\d{1,2}月\d{1,2}日）$")


def without_access_date(citation: str) -> str:
    """A copied text citation without the reader's access date it ends with."""
    assert ACCESS_DATE.search(citation), citation
    return ACCESS_DATE.sub("", citation)


def is_redirect_page(html: Path) -> bool:
    """A page that moved (links.lock): a bare redirect to where its words are now, with no head tags."""
    return re.search(r'http-equiv="?refresh', html.read_text("utf-8")) is not None
