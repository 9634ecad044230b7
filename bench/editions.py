#!/usr/bin/env python3
"""The corpus edition pair compared (issue 21): which sections the converter matches across
Ver. 1.0 (mext-genai-interim-guideline-2023, a 2-up slide handout) and Ver. 2.0
(mext-genai-guideline-v2-2024, a report), for checking by hand in bench/editions.md.

    .venv/bin/python bench/editions.py              # prints the matched pairs and the counts
    .venv/bin/python bench/editions.py --site DIR   # also converts the pair into DIR/docs (own
                                                    # catalog, mkdocs.yml copied), builds DIR/site
                                                    # and takes bench/screenshots/editions-*.png

The PDFs are read from ../shared/corpus through symlinks in a temporary folder (never copied
into the project).  With --format pdf-text the same pair is compared from pdftotext's text.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import yaml  # noqa: E402

from atlas.convert import convert  # noqa: E402
from atlas.enrich.editions import Comparison, compare  # noqa: E402
from atlas.model.document import Document  # noqa: E402

# ../shared/corpus beside the project (a git worktree under wt/ looks one level further up).
CORPUS = next((c for c in (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus") if c.is_dir()),
              ROOT.parent / "shared" / "corpus")
OLD, NEW = "mext-genai-interim-guideline-2023", "mext-genai-guideline-v2-2024"
BODY = "文部科学省 初等中等教育局"
ENTRIES = [
    {"id": OLD, "title": "初等中等教育段階における生成AIの利用に関する暫定的なガイドライン", "body": BODY,
     "date": "2023-07-04", "kind": "guideline", "summary": "暫定的なガイドライン（Ver. 1.0、スライドの2面印刷）。",
     "edition": "Ver. 1.0", "slides": True},
    {"id": NEW, "title": "初等中等教育段階における生成AIの利活用に関するガイドライン", "body": BODY,
     "date": "2024-12-26", "kind": "guideline", "summary": "ガイドライン（Ver. 2.0、報告書の体裁）。",
     "edition": "Ver. 2.0", "edition_of": OLD},
]


def sources_folder(folder: Path, suffix: str) -> Path:
    """A sources folder with its own catalog naming the two corpus files (linked, not copied)."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for entry in ENTRIES:
        name = f"{entry['id']}{suffix}"
        link = folder / name
        if not link.exists():
            link.symlink_to((CORPUS / name).resolve())
        entries.append({**entry, "source": name})
    (folder / "catalog.yml").write_text(yaml.safe_dump({"documents": entries}, allow_unicode=True), encoding="utf-8")
    return folder


def convert_pair(work: Path, suffix: str, site: bool) -> tuple[Path, dict[str, Document]]:
    """Convert the pair into work/docs; with ``site``, beside the project's site configuration."""
    docs = work / "docs"
    mkdocs_yml = None
    if site:
        shutil.copytree(ROOT / "docs", docs, dirs_exist_ok=True)
        shutil.copytree(ROOT / "overrides", work / "overrides", dirs_exist_ok=True)
        shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
        (work / "scripts").mkdir(exist_ok=True)
        shutil.copy(ROOT / "scripts" / "site_hooks.py", work / "scripts")
        mkdocs_yml = work / "mkdocs.yml"
    sources = sources_folder(work / "sources", suffix)
    for name in ("themes.yml", "glossary.yml", "home.md"):
        shutil.copy(ROOT / "sources" / name, sources / name)
    documents = convert(sources, docs, mkdocs_yml)
    return docs, {doc.meta.id: doc for doc in documents}


def report(comparison: Comparison) -> str:
    """Every section of both editions, in the comparison page's order, with its status and score."""
    lines = ["| # | status | old (Ver. 1.0) | new (Ver. 2.0) | score |", "| ---: | --- | --- | --- | ---: |"]
    for number, change in enumerate(comparison.changes, 1):
        old = f"{change.old.anchor or '(preamble)'} {change.old.number}{change.old.heading}" if change.old else ""
        new = f"{change.new.anchor or '(preamble)'} {change.new.number}{change.new.heading}" if change.new else ""
        status = change.status + (" moved" if change.moved else "")
        score = f"{change.score:.2f}" if change.old and change.new else ""
        lines.append(f"| {number} | {status} | {old[:60]} | {new[:60]} | {score} |")
    counts = {status: comparison.count(status) for status in ("added", "removed", "changed", "unchanged")}
    lines += ["", f"counts: {counts}, moved: {comparison.moved}, matched share: {comparison.matched_share:.0%}"]
    return "\n".join(lines)


SCREENSHOTS = ROOT / "bench" / "screenshots"
# (file, where on the comparison page, viewport width, height)
SHOTS = [("editions-comparison.png", "", 1280, 1100), ("editions-diff.png", "#new-s9", 1280, 1100)]


def build_and_screenshot(work: Path) -> None:
    """Build work/site with MkDocs and photograph the comparison page (its summary, and a
    changed section with its inline differences)."""
    subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "-q", "-d", str(work / "site")], cwd=work,
                   check=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    from playwright.sync_api import sync_playwright  # only here: the matching needs no browser

    handler = functools.partial(_Quiet, directory=str(work / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/editions/{OLD}--{NEW}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                             args=["--headless", "--no-sandbox", "--disable-gpu"])
        for name, anchor, width, height in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(base + anchor)
            page.wait_for_timeout(500)
            page.screenshot(path=str(SCREENSHOTS / name))
            page.close()
        browser.close()
    httpd.shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="convert into this folder (docs/, mkdocs.yml) to build a site")
    parser.add_argument("--format", choices=("pdf", "pdf-text"), default="pdf")
    args = parser.parse_args(argv)
    if not (CORPUS / f"{OLD}.pdf").is_file():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 1
    suffix = ".pdf" if args.format == "pdf" else ".txt"
    with tempfile.TemporaryDirectory(prefix="atlas-editions-") as scratch:
        work = args.site or Path(scratch)
        _, documents = convert_pair(work, suffix, site=args.site is not None)
        print(report(compare(documents[OLD], documents[NEW])))
        if args.site:
            build_and_screenshot(args.site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
