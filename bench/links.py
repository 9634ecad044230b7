#!/usr/bin/env python3
"""Do old links still open their words? Every id main ever published, opened in Chromium.

    .venv/bin/python bench/links.py               # the site built from this worktree's docs/
    .venv/bin/python bench/links.py --at COMMIT   # the site as that commit had it (e.g. before a change)

The ids: every id a document page gave out in any commit of main's own line that changed docs/
(`git log --first-parent -- docs/`: each of those may have been published; a commit that stood only
on a branch before it was merged was never deployed, and its merge is counted instead), read from the generated Markdown
(scripts/atlas/enrich/published.py), each with the words it named when it was first published. The
site: docs/ built with MkDocs into build/bench/, served on 127.0.0.1, opened in headless Debian
chromium as a reader following the link would: the page is loaded, the id set as its fragment,
and where the id is not on the page (or the page says it moved) the URL is opened afresh and the
page's scripts may lead elsewhere. Then the element the fragment names is read:

- same words: its text begins like the old words (80 % of the character pairs of the old
  beginning are in it), or it is the beginning of the old words (a paragraph split in two);
- notice: the page says 「このリンク先の段落は更新されました」;
- re-pointed: an element with other words, and no notice;
- lost: no such element (or no such page).

Writes bench/links.md.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from atlas.enrich.published import fold, page_of_path, published_ids  # noqa: E402

WORK = ROOT / "build" / "bench"
REPORT = ROOT / "bench" / "links.md"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NOTICE = "このリンク先の段落は更新されました"
SKIPPED = {"stylesheet", "image", "font", "media"}


@dataclass(frozen=True)
class OldLink:
    document: str
    page: str
    ident: str
    text: str  # the words it named when first published
    commit: str  # where it was first published

    @property
    def path(self) -> str:
        return f"documents/{self.document}/{self.page}/" if self.page else f"documents/{self.document}/"


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True).stdout


def history() -> tuple[list[OldLink], int]:
    """Every (page, id) ever published with its first words; and how many later named other words."""
    first: dict[tuple[str, str, str], OldLink] = {}
    changed: set[tuple[str, str, str]] = set()
    for commit in git("log", "--first-parent", "--format=%H", "--reverse", "--", "docs/").split():
        for name in filter(None, git("ls-tree", "-r", "--name-only", commit, "docs/documents/").split("\n")):
            where = page_of_path(name.removeprefix("docs/"))
            if where is None or where[1] == "print":
                continue
            for item in published_ids(*where, git("show", f"{commit}:{name}")):
                key = (item.document, item.page, item.ident)
                if key not in first:
                    first[key] = OldLink(*key, item.text, commit[:7])
                elif not same_words(first[key].text, item.text):
                    changed.add(key)
    return sorted(first.values(), key=lambda o: (o.document, o.page, o.ident)), len(changed)


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} if len(text) > 1 else {text}


def _contained(part: str, whole: str) -> float:
    if len(part) < 2:
        return 1.0 if part and part in whole else 0.0
    grams = _bigrams(part)
    return len(grams & _bigrams(whole)) / len(grams)


def same_words(old: str, new: str) -> bool:
    """The new element holds the old words' beginning, or is the beginning of the old words."""
    a, b = fold(old), fold(new)
    if not b:
        return False
    return _contained(a[:40], b) >= 0.8 or _contained(b[:40], a[:80]) >= 0.8


def build(at: str | None) -> Path:
    """The site built with MkDocs from docs/ (of a commit, or of this worktree)."""
    WORK.mkdir(parents=True, exist_ok=True)
    site = WORK / ("links-site" if at is None else f"links-site-{at[:7]}")
    project = ROOT
    scratch = None
    if at is not None:
        scratch = Path(tempfile.mkdtemp(prefix="links-", dir=WORK))
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", at, "docs", "mkdocs.yml", "overrides", "scripts"],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(scratch)], input=archive, check=True)
        project = scratch
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--site-dir", str(site)], cwd=project,
                   check=True, capture_output=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    if scratch is not None:
        shutil.rmtree(scratch, ignore_errors=True)
    return site


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a page the script left while it loaded: not the site's fault


READ_TARGET = """(id) => {
  const el = document.getElementById(id);
  const notice = !!document.querySelector('.atlas-link-notice');
  if (!el) return {found: false, notice, text: '', url: location.href};
  const clone = el.cloneNode(true);
  clone.querySelectorAll('.atlas-tools, .headerlink, .footnote-backref').forEach(x => x.remove());
  return {found: true, notice, text: clone.textContent, url: location.href};
}"""

NEEDS_SCRIPT = """(id) => {
  const meta = document.querySelector('.atlas-cite-meta[data-moved-ids]');
  const moved = meta && meta.dataset.movedIds.split(' ').includes(id);
  return !document.getElementById(id) || moved || !!document.querySelector('.atlas-moved');
}"""


def fragment_id(url: str) -> str:
    from urllib.parse import unquote
    return unquote(url.split("#", 1)[1]) if "#" in url else ""


def open_all(site: Path, links: list[OldLink]) -> dict[str, list[tuple[OldLink, str]]]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    results: dict[str, list[tuple[OldLink, str]]] = {"same": [], "notice": [], "re-pointed": [], "lost": []}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=LAUNCH_ARGS)
            page = browser.new_page()
            # Only what leads a link on matters: pages, scripts and maps (styles, fonts, images and
            # the search index would only make each of some thousand page loads slower).
            page.route("**/*", lambda route: route.abort() if route.request.resource_type in SKIPPED
                       else route.continue_())
            loaded = ""
            for number, link in enumerate(links, 1):
                if number % 250 == 0:
                    print(f"{number}/{len(links)}", file=sys.stderr, flush=True)
                url = base + link.path + "#" + quote(link.ident, safe="")
                if loaded != link.path:
                    page.goto(base + link.path, wait_until="domcontentloaded")
                    _settle(page)
                    loaded = link.path if page.url.startswith(base + link.path) else ""
                if not loaded or _evaluate(page, NEEDS_SCRIPT, link.ident):
                    # a reader opening the link: the page's script may lead on
                    page.goto(url, wait_until="domcontentloaded")
                    _settle(page)
                    loaded = ""
                else:  # the id is on the page: the browser goes straight to it
                    page.evaluate("(id) => { location.hash = encodeURIComponent(id); }", link.ident)
                state = _evaluate(page, READ_TARGET, fragment_id(page.url) or link.ident)
                if state["notice"]:
                    kind = "notice"
                elif not state["found"]:
                    kind = "lost"
                else:
                    kind = "same" if same_words(link.text, state["text"]) else "re-pointed"
                where = "/" + state["url"].removeprefix(base)
                results[kind].append((link, f"{where}: {state['text'][:40]}" if state["found"] else where))
            browser.close()
    finally:
        httpd.shutdown()
    return results


# Settled, or a page without the script (a site from before it, a missing page): nothing will move.
SETTLED = ("() => document.readyState !== 'loading' && (document.documentElement.getAttribute('data-atlas-link')"
           " === 'settled' || !document.querySelector('script[src*=\"atlas-links\"]'))")


def _settle(page: object) -> None:
    """Wait until the page's script (assets/atlas-links.js) has led wherever it leads."""
    for _ in range(5):
        try:
            page.wait_for_function(SETTLED, timeout=5000)  # type: ignore[attr-defined]
            return
        except Exception:  # the script replaced the page meanwhile: wait on the next one
            page.wait_for_load_state("domcontentloaded")  # type: ignore[attr-defined]


def _evaluate(page: object, script: str, arg: str) -> object:
    for _ in range(5):
        try:
            return page.evaluate(script, arg)  # type: ignore[attr-defined]
        except Exception:  # a redirect page moved on while we asked
            page.wait_for_load_state("domcontentloaded")  # type: ignore[attr-defined]
            _settle(page)
    return page.evaluate(script, arg)  # type: ignore[attr-defined]


def report(results: dict[str, list[tuple[OldLink, str]]], changed: int, published: int, at: str | None,
           seconds: float) -> str:
    total = sum(len(v) for v in results.values())
    commits = Counter(link.commit for items in results.values() for link, _ in items)
    lines = [
        "# Old links: do they open their words?",
        "",
        "Written by `.venv/bin/python bench/links.py"
        + (f" --at {at}" if at else "") + "` (headless Debian chromium, MkDocs build, 2-core machine).",
        "",
        f"Every id a document page of main ever published ({total} (page, id) pairs, first given out by "
        f"{len(commits)} of the {published} commits of main that changed `docs/`), opened on the site "
        + (f"as commit {at} had it" if at else "built from this worktree's `docs/`") + ", and compared",
        "with the words it named when first published.",
        "",
        "| opens | ids |",
        "| --- | ---: |",
    ]
    for kind, label in [("same", "the same words"), ("re-pointed", "other words (re-pointed)"),
                        ("lost", "nothing (lost)"), ("notice", "its section with the notice 「" + NOTICE + "」")]:
        lines.append(f"| {label} | {len(results[kind])} |")
    lines += [
        "",
        f"{changed} of these ids were later published naming other words (re-pointed by a release); "
        "they are counted against their first words. Measured in {:.0f} s.".format(seconds),
        "",
    ]
    for kind in ("re-pointed", "lost", "notice"):
        if results[kind]:
            lines += [f"## {kind}", "", "| page | id | first published | old words | now |",
                      "| --- | --- | --- | --- | --- |"]
            for link, now in results[kind]:
                old, shown = _cell(link.text[:40]), _cell(now)
                lines.append(f"| {link.path} | {link.ident} | {link.commit} | {old} | {shown} |")
            lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--at", help="measure the site as this commit had it (docs/ of the commit)")
    parser.add_argument("--out", type=Path, default=REPORT)
    args = parser.parse_args()
    started = time.monotonic()
    links, changed = history()
    site = build(args.at)
    results = open_all(site, links)
    published = len(git("log", "--first-parent", "--format=%H", "--", "docs/").split())
    text = report(results, changed, published, args.at, time.monotonic() - started)
    args.out.write_text(text + "\n", encoding="utf-8")
    print("\n".join(text.splitlines()[:16]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
