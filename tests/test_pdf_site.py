"""A document added as a PDF, in a real browser: its sections show the PDF page they start on,
linking to that page of the published PDF, citations name the page, the source view shows the
extracted text page by page, and the site works offline (the PDF is served by the site itself).

The site is built from a PDF the tests generate (tests/pdf_samples.py: four pages with a
running header and page numbers, chapters starting new pages).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pdf_samples as samples
import pytest

from atlas.convert import convert
from conftest import ROOT, _serve, build_project, project_copy, without_access_date

CATALOG = """documents:
  - id: pdf-sample
    title: 科学技術白書（試験用）
    body: 試験省
    date: 2024-05-01
    kind: white paper
    source: sample.pdf
    summary: 試験用に生成した4ページのPDF。
"""


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's site configuration and hand-written pages, with the one PDF document."""
    project = tmp_path_factory.mktemp("pdf-project")
    project_copy(project)
    sources = project / "src"
    sources.mkdir()
    for name in ("themes.yml", "glossary.yml", "home.md"):
        shutil.copy(ROOT / "sources" / name, sources / name)
    samples.make_running_header(sources / "sample.pdf")
    (sources / "catalog.yml").write_text(CATALOG, encoding="utf-8")
    convert(sources, project / "docs", project / "mkdocs.yml")
    return build_project(project)


def test_zensical_builds_a_pdf_documents_site_and_names_its_pdf_for_reference_managers(pdf_site: Path):
    """Zensical's template engine has no string methods: a document added as a PDF once stopped its
    build (the head's citation_pdf_url asked 「.startswith」).  Built with the site's address known,
    the page names the published PDF; MkDocs's build of the same pages does the same."""
    project = pdf_site.parent
    out = project / "zensical-site"  # Zensical writes inside the project only
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "zensical"), "build", "--strict"], cwd=project, capture_output=True,
        text=True, env={"SITE_DIR": str(out), "SITE_URL": "https://example.org/atlas/", "PATH": "/usr/bin:/bin"},
        timeout=300,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]
    # (minified: the attribute's quotes may go)
    tag = re.compile(r'name="?citation_pdf_url"? content="?https://example\.org/atlas/sources/sample\.pdf"?>')
    assert tag.search((out / "documents" / "pdf-sample" / "index.html").read_text(encoding="utf-8"))
    with_address = build_project(project, site_url="https://example.org/atlas/")
    assert tag.search((with_address / "documents" / "pdf-sample" / "index.html").read_text(encoding="utf-8"))
    build_project(project)  # the site the browser tests below serve: built again without an address


@pytest.fixture(scope="module")
def pdf_server(pdf_site: Path):
    httpd = _serve(pdf_site)
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()



def test_sections_show_their_pdf_page_and_link_to_it(context, pdf_server):
    page = context.new_page()
    page.goto(f"{pdf_server}/documents/pdf-sample/")
    # 「2 研究人材の状況」 starts on page 2 of the PDF, 「第3章」 on page 4 (each chapter a new page).
    second = page.locator("h3", has_text=samples.CLAUSES[1][1])
    link = second.locator("xpath=following::a[contains(@class, 'atlas-pdf-page')][1]")
    assert link.inner_text() == "p. 2"
    href = link.get_attribute("href")
    assert href.endswith("sources/sample.pdf#page=2")
    chapter = page.locator("h2", has_text=samples.CHAPTERS[2])
    assert chapter.locator("xpath=following::a[contains(@class, 'atlas-pdf-page')][1]").inner_text() == "p. 4"
    # The PDF itself is published with the site: the link works with no other host.
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.status == 200 and response.body()[:5] == b"%PDF-"
    page.close()


def test_a_copied_citation_names_the_pdf_page(context, pdf_server):
    page = context.new_page()
    page.goto(f"{pdf_server}/documents/pdf-sample/")
    heading = page.locator("h3", has_text=samples.CLAUSES[1][1])
    anchor = heading.get_attribute("id")
    paragraph = page.locator(f"[id='{anchor}-p1']")
    paragraph.hover()
    paragraph.locator("button.atlas-copy", has_text="引用").first.click()
    page.wait_for_function("() => document.querySelector('.atlas-copy-status').textContent.includes('コピー')")
    text = page.evaluate("navigator.clipboard.readText()")
    assert text.startswith("試験省「科学技術白書（試験用）」（2024年5月1日）")
    assert "、p. 2、第1段落" in text
    assert without_access_date(text).endswith(f"/documents/pdf-sample/#{anchor}-p1")
    page.close()


def test_source_view_shows_the_extracted_text_page_by_page(context, pdf_server):
    page = context.new_page()
    page.goto(f"{pdf_server}/source-view/pdf-sample/")
    marks = page.locator(".atlas-source-page a")
    assert marks.all_inner_texts() == [f"p. {n}" for n in range(1, samples.RUNNING_PAGES + 1)]
    assert marks.nth(2).get_attribute("href").endswith("sample.pdf#page=3")
    # The running header is shown, shaded as furniture, on every page.
    headers = page.locator(".atlas-furniture[title='running-header']")
    assert headers.count() == samples.RUNNING_PAGES
    # Each body line links back to the section that holds it.
    line = page.locator(".atlas-source span", has_text=samples.CLAUSES[2][1]).first
    target = line.locator("a.atlas-source-section").get_attribute("href")
    assert target.startswith("../../documents/pdf-sample/#")
    page.close()
