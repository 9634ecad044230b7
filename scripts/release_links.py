#!/usr/bin/env python3
"""Release step: record every id the site gives out in sources/links.lock.

    python scripts/release_links.py              # record what docs/ publishes now (run when releasing)
    python scripts/release_links.py --from-git   # record what every commit of docs/ published, oldest first

An id is recorded once, with the words it named when it was first published; a later release
never changes an entry. Every conversion reads the lock and keeps each recorded id on its words
(scripts/atlas/enrich/links.py). Exit status 1 with one line on bad input.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from atlas.enrich.links import LinkLock, load_links_lock, record, record_pages, write_links_lock
from atlas.enrich.published import page_of_path, published_ids
from atlas.model.errors import InputError

ROOT = Path(__file__).resolve().parent.parent


def record_tree(lock: LinkLock, docs: Path) -> int:
    """Record the document pages of a docs/ folder."""
    added = 0
    for path in sorted((docs / "documents").glob("*/*.md")):
        added += _record_page(lock, path.relative_to(docs).as_posix(), path.read_text(encoding="utf-8"))
    return added


def record_history(lock: LinkLock, root: Path) -> int:
    """Record the document pages of every commit that changed docs/, oldest first."""
    commits = _git(root, "log", "--format=%H", "--reverse", "--", "docs/").split()
    added = 0
    for commit in commits:
        names = _git(root, "ls-tree", "-r", "--name-only", commit, "docs/documents/").split("\n")
        for name in filter(None, names):
            if page_of_path(name.removeprefix("docs/")):
                added += _record_page(lock, name.removeprefix("docs/"), _git(root, "show", f"{commit}:{name}"))
    return added


def _record_page(lock: LinkLock, path: str, markdown: str) -> int:
    where = page_of_path(path)
    if where is None:
        return 0
    document, page = where
    record_pages(lock, [(document, page)])
    if page == "print":  # the print view repeats the reading pages' ids
        return 0
    return record(lock, published_ids(document, page, markdown))


def _git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise InputError(root, f"git {args[0]} failed: {result.stderr.strip()}")
    return result.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the generated site pages to record")
    parser.add_argument("--lock", type=Path, default=ROOT / "sources" / "links.lock")
    parser.add_argument("--from-git", action="store_true", help="record every commit of docs/ in this repository")
    args = parser.parse_args(argv)
    try:
        lock = load_links_lock(args.lock)
        added = record_history(lock, ROOT) if args.from_git else record_tree(lock, args.docs)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    write_links_lock(args.lock, lock)
    print(f"recorded {added} new ids in {args.lock}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
