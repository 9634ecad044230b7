#!/usr/bin/env python3
"""Convert the source documents into Markdown pages for the site.

    python scripts/convert.py                      # sources/ → docs/ (and mkdocs.yml nav)
    python scripts/convert.py --sources DIR --out DIR
    python scripts/convert.py --dump DIR           # and the model after every stage, as JSON

Exit status 1 with one line naming the file (and line) on bad input that stops everything (the
catalog).  A document that cannot be read (no text layer, a password, a broken file) is left out
with one ``refused: <doc-id>: <file>: <problem>`` line on stderr, the other documents are converted
and the pages written, and the exit status is 3: a build may insist on none (stop on 3) or publish
the rest (README: "When a document is refused").  A document whose structure looks implausible
(atlas.check.diagnose) gets one ``warning: <doc-id>: <message>`` line on stderr per warning; warnings do
not change the exit status.
"""

from __future__ import annotations

import argparse
import sys
import warnings as python_warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from atlas.check.diagnose import warnings
from atlas.check.report import Refusal
from atlas.convert import convert
from atlas.model.errors import InputError

ROOT = Path(__file__).resolve().parent.parent


def _one_line_warning(message: Warning | str, *_: object, **__: object) -> str:
    """A reader's warning (a PDF page read as plain lines) as one line, like the structure warnings."""
    return f"warning: {message}\n"


def main(argv: list[str] | None = None) -> int:
    python_warnings.formatwarning = _one_line_warning
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=ROOT / "sources", help="folder with catalog.yml")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder to write pages into")
    parser.add_argument("--update-anchors", action="store_true",
                        help="record new headings' ids in SOURCES/anchors.lock (published ids never change)")
    parser.add_argument("--dump", type=Path, metavar="DIR",
                        help="also write the model after every stage as JSON: DIR/<doc-id>/NN-<stage>.json")
    args = parser.parse_args(argv)
    default_out = args.out.resolve() == (ROOT / "docs").resolve()
    refused: list[Refusal] = []
    try:
        documents = convert(args.sources, args.out, ROOT / "mkdocs.yml" if default_out else None,
                            update_anchors=args.update_anchors, refused=refused, dump=args.dump)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for document in documents:
        for warning in warnings(document) if document.lines else []:
            print(f"warning: {document.meta.id}: {warning.message}", file=sys.stderr)
    for refusal in refused:
        print(f"refused: {refusal.id}: {refusal.message or refusal.reason}", file=sys.stderr)
    print(f"converted {len(documents)} documents into {args.out}"
          + (f"; {len(refused)} refused (listed above and in conversion-report.md)" if refused else ""))
    return REFUSED if refused else 0


REFUSED = 3  # exit status: the site was written, but without the refused documents


if __name__ == "__main__":
    sys.exit(main())
