#!/usr/bin/env python3
"""A corpus PDF's page beside the Markdown the converter writes for it (the method of bench/reader.md).

    .venv/bin/python bench/reader_pages.py --corpus ../shared/corpus --out /tmp/reader ID:PAGE [ID:PAGE …]

Converts the named corpus PDFs (as bench/corpus_screenshots.py does: a scratch catalog, the PDF
itself as the source) into ``--out``/docs, renders each PDF page with pdftoppm at 60 dpi to
``--out``/img/<id>-<page>.png, and prints the Markdown of that page: the document's print view from
the page's 「p. N」 mark to the next page's mark, with link targets and attribute lists left out
so that the words are what one reads.  Look at the PNG (an image viewer) and the text together:
headings and the text under each, whole paragraphs, lists, tables, figures, notes, citations.
Needs poppler's pdftoppm on the PATH.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "bench"))

from corpus_screenshots import write_pdf_sources  # noqa: E402

from atlas.convert import convert  # noqa: E402

_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_ATTRIBUTES = re.compile(r"\{: [^}]*\}|\{#[^}]*\}")
_CHIPS = re.compile(r'<span class="atlas-theme-chips">[^<]*</span> ?')
_ABBR = re.compile(r"<abbr [^>]*>|</abbr>")
_PAGE_MARK = re.compile(r'data-page="(\d+)"')


def convert_pdfs(corpus: Path, ids: list[str], out: Path) -> Path:
    """The documents converted from their PDFs into ``out``/docs; the docs folder."""
    if out.exists():
        shutil.rmtree(out)
    sources = out / "src"
    out.mkdir(parents=True)
    shutil.copytree(ROOT / "docs", out / "docs")
    shutil.copy(ROOT / "mkdocs.yml", out / "mkdocs.yml")
    write_pdf_sources(sources, corpus, ids)
    convert(sources, out / "docs", out / "mkdocs.yml")
    return out / "docs"


def page_markdown(print_view: str, page: int) -> list[str]:
    """The print view's lines from PDF page ``page``'s mark to the next page's, read as words."""
    lines = print_view.splitlines()
    start = end = None
    for index, line in enumerate(lines):
        if (mark := _PAGE_MARK.search(line)) is None:
            continue
        number = int(mark.group(1))
        if number == page and start is None:
            start = max(0, index - 2)  # the heading the page's mark stands under
        elif number > page and start is not None:
            end = index
            break
    if start is None:
        return [f"(no mark of page {page}: the page's text is cited nowhere)"]
    shown = []
    for line in lines[start:end]:
        if not line.strip() or line.startswith("{:"):
            continue
        line = _ABBR.sub("", _CHIPS.sub("", _ATTRIBUTES.sub("", _LINK_TARGET.sub("]", line))))
        if not re.fullmatch(r"\s*\[原文 [^]]*\]\s*", line):
            shown.append(line.rstrip())
    return shown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", help="ID:PAGE (the PDF's page number, 1-based)")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--out", type=Path, default=Path("/tmp/atlas-reader"))
    args = parser.parse_args(argv)
    wanted = [(doc_id, int(page)) for doc_id, _, page in (item.rpartition(":") for item in args.pages)]
    docs = convert_pdfs(args.corpus, sorted({doc_id for doc_id, _ in wanted}), args.out)
    (args.out / "img").mkdir(exist_ok=True)
    for doc_id, page in wanted:
        image = args.out / "img" / f"{doc_id}-{page}"
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                        str(args.corpus / f"{doc_id}.pdf"), str(image)], check=True)
        print(f"===== {doc_id} PDF page {page}  (image: {image}.png)")
        print_view = (docs / "documents" / doc_id / "print.md").read_text(encoding="utf-8")
        print("\n".join(page_markdown(print_view, page)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
