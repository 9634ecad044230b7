#!/usr/bin/env python3
"""Corpus PDFs beside their pages on the site: bench/screenshots/corpus/<id>-p<N>.png.

    ATLAS_CORPUS=../shared/corpus .venv/bin/python bench/corpus_screenshots.py [id …]

Converts the corpus PDFs (those the converter accepts: a PDF whose text would not be kept whole
is refused, as `convert.py` refuses it) into a scratch copy of the project, builds the site with
MkDocs, and for each document takes its first page and the pages listed in EXTRA: on the left the
PDF page as PDFium renders it, on the right the site scrolled to where that page's text begins
(its 「p. N」 mark), in headless chromium at a laptop's size.  Look at them side by side: what the site
shows should be what the page says, in the order it says it.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from datetime import date
from pathlib import Path

import yaml
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from atlas.check.report import document_report  # noqa: E402
from atlas.config.catalog import Entry  # noqa: E402
from atlas.convert import convert  # noqa: E402
from atlas.model.document import DocumentMeta  # noqa: E402
from atlas.model.errors import InputError  # noqa: E402
from atlas.pipeline import build_document  # noqa: E402
from atlas.structure.structure import Hints  # noqa: E402

CORPUS = Path(os.environ.get("ATLAS_CORPUS", ROOT.parent / "shared" / "corpus"))
OUT = ROOT / "bench" / "screenshots" / "corpus"
WIDTH, HEIGHT = 1000, 800  # the browser's viewport; the PDF page is rendered as tall
# Pages beyond the first that show what issue 23 rebuilt: a ○-matrix, charts, a table.
EXTRA = {
    "jssec-smartphone-tablet-security-guideline-v2": [11],
    "fsa-insurance-monitoring-report-2023": [4],
    "mext-sti-whitepaper-r6-ch1": [3],
    # a 2-up handout: numbered label boxes (p. 4, p. 9), a chart and two diagrams (p. 6)
    "mext-genai-interim-guideline-2023": [4, 6, 9],
    # ● titles in the heading face, a table read as lines (p. 13)
    # two columns under a chart (p. 2); a column box whose name line nests in it (p. 16)
    "mext-sti-whitepaper-r6-ch3": [2, 13, 16],
    # the pages bench/reader.md rated below 4 before the fixes of 7 December: a ruled table whose
    # cells wrap (meti p. 4), struck-out words and a row-spanning cell (shinryo p. 7), a callout
    # over a table (pmda p. 13), a continued table page (mletr p. 7), a case table's bands (genai-v2)
    "meti-info-system-safety-standard-1997": [4],
    # p. 11: a code list wider than the paper, its deleted codes struck in the cells; p. 12: its next page
    "mhlw-shinryo-kaitei-teisei-2020": [7, 11, 12],
    "pmda-mf-system-slides": [13],
    "moj-bl-mletr-comparison-16-3": [7],
    "mext-genai-guideline-v2-2024": [27],
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def accepted(ids: list[str]) -> list[str]:
    """The documents the converter keeps whole (the others stop a conversion)."""
    kept = []
    for doc_id in ids:
        meta = DocumentMeta(id=doc_id, title=doc_id, body="corpus", date=date(2024, 1, 1), kind="report",
                            source=f"{doc_id}.pdf", summary=doc_id, format="pdf")
        try:
            if document_report(build_document(Entry(meta, Hints(), 1), CORPUS)).conserved:
                kept.append(doc_id)
        except InputError:
            pass
    return kept


def write_pdf_sources(sources: Path, corpus: Path, ids: list[str]) -> None:
    """A scratch sources folder: the site's own data files and a catalog naming each corpus PDF
    (linked, never copied) as a report.  bench/reader_pages.py converts the same way."""
    sources.mkdir(parents=True)
    for name in ("themes.yml", "glossary.yml", "home.md"):
        shutil.copy(ROOT / "sources" / name, sources / name)
    entries = []
    for doc_id in ids:
        (sources / f"{doc_id}.pdf").symlink_to((corpus / f"{doc_id}.pdf").resolve())
        entries.append({"id": doc_id, "title": doc_id, "body": "corpus", "date": "2024-01-01", "kind": "report",
                        "source": f"{doc_id}.pdf", "summary": doc_id})
    (sources / "catalog.yml").write_text(yaml.safe_dump({"documents": entries}, allow_unicode=True), "utf-8")


def build_site(ids: list[str], project: Path) -> Path:
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "site_hooks.py", project / "scripts")
    sources = project / "src"
    write_pdf_sources(sources, CORPUS, ids)
    convert(sources, project / "docs", project / "mkdocs.yml")
    subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--site-dir", str(project / "site")],
                   cwd=project, check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return project / "site"


def page_url(site: Path, doc_id: str, page: int) -> str:
    """The site page (with the mark's position) where PDF page ``page`` begins."""
    folder = site / "documents" / doc_id
    for html in sorted(folder.rglob("index.html"), key=lambda p: (len(p.parts), str(p))):
        if "print" in html.parts:
            continue
        # The built HTML is minified: the attribute's quotes may be gone.
        if re.search(rf'data-page="?{page}[\s">]', html.read_text(encoding="utf-8")):
            return str(html.parent.relative_to(site)) + "/"
    return f"documents/{doc_id}/"


def pdf_image(doc_id: str, page: int) -> Image.Image:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(CORPUS / f"{doc_id}.pdf"))
    sheet = document[page - 1]
    image = sheet.render(scale=HEIGHT / sheet.get_height()).to_pil().convert("RGB")
    sheet.close()
    document.close()
    return image


def main() -> int:
    ids = sys.argv[1:] or [pdf.stem for pdf in sorted(CORPUS.glob("*.pdf"))]
    kept = accepted(ids)
    print("refused (not kept whole):", ", ".join(sorted(set(ids) - set(kept))) or "none")
    OUT.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="atlas-corpus-site-") as scratch:
        site = build_site(kept, Path(scratch))
        handler = functools.partial(_Quiet, directory=str(site))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                                     args=["--headless", "--no-sandbox", "--disable-gpu"])
                for doc_id in kept:
                    for page in [1, *EXTRA.get(doc_id, [])]:
                        shot = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
                        shot.goto(f"{base}/{page_url(site, doc_id, page)}")
                        mark = shot.locator(f'.atlas-pdf-page[data-page="{page}"]').first
                        if mark.count():  # where the page's text begins, below the document's particulars
                            mark.evaluate("m => m.scrollIntoView({block: 'start'})")
                        shot.wait_for_timeout(400)
                        path = Path(scratch) / "shot.png"
                        shot.screenshot(path=str(path))
                        shot.close()
                        side_by_side(pdf_image(doc_id, page), Image.open(path), OUT / f"{doc_id}-p{page}.png")
                        print("wrote", OUT / f"{doc_id}-p{page}.png")
                browser.close()
        finally:
            httpd.shutdown()
    return 0


def side_by_side(pdf: Image.Image, site: Image.Image, target: Path) -> None:
    canvas = Image.new("RGB", (pdf.width + 8 + site.width, max(pdf.height, site.height)), "white")
    canvas.paste(pdf, (0, 0))
    canvas.paste(site.convert("RGB"), (pdf.width + 8, 0))
    # 256 colours: text and charts stay legible at a fraction of the bytes.
    canvas.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)


if __name__ == "__main__":
    sys.exit(main())
