"""The whole conversion: catalog → documents → pages, nav and report in ``out``."""

from __future__ import annotations

import codecs
import json
import re
import shutil
from dataclasses import asdict
from pathlib import Path

from .anchors import apply_lock, load_lock, updated_lock, write_lock
from .catalog import Entry, load_catalog
from .errors import InputError
from .figures import figures_of, render_figures
from .glossary import load_glossary, mark_abbreviations
from .layout import paginate
from .model import Document
from .pipeline import build_document
from .read import decode
from .report import document_report, report_markdown
from .search import build_index
from .themes import link_first_mentions, load_themes, relate_sections, tag_sections
from .write import Corpus, Page, document_list_page, document_pages, home_page, nav_yaml, write_pages
from .write_themes import glossary_page, load_events, theme_pages, timeline_page

GENERATED_DIRS = ("documents", "sources", "atlas", "themes", "source-view")
NAV_BEGIN = "# BEGIN generated nav (scripts/convert.py)"
NAV_END = "# END generated nav"


def convert(
    sources: Path, out: Path, mkdocs_yml: Path | None = None, update_anchors: bool = False
) -> list[Document]:
    entries = load_catalog(sources)
    documents: list[Document] = []
    parents: dict[str, Document] = {}
    children: dict[str, list[Document]] = {}
    for entry in entries:
        if entry.parts:
            parent = Document(meta=entry.meta)
            parents[entry.meta.id] = parent
            documents.append(parent)
            children[entry.meta.id] = [build_document(part, sources) for part in entry.parts]
            documents.extend(children[entry.meta.id])
        else:
            documents.append(build_document(entry, sources))
    reports = [document_report(doc) for doc in documents if doc.lines]
    for report in reports:
        if not report.conserved:
            raise InputError(
                sources / "catalog.yml",
                f"conversion of '{report.id}' would lose text {report.lost[:40]!r} "
                f"or invent {report.invented[:40]!r}",
            )
    lock_path = sources / "anchors.lock"
    lock = load_lock(lock_path)
    for doc in documents:
        apply_lock(doc, lock)
        paginate(doc)
    if update_anchors:
        write_lock(lock_path, updated_lock([d for d in documents if d.lines], lock))
    themes = load_themes(sources / "themes.yml") if (sources / "themes.yml").is_file() else []
    glossary = load_glossary(sources / "glossary.yml") if (sources / "glossary.yml").is_file() else []
    events = load_events(sources / "events.yml") if (sources / "events.yml").is_file() else []
    content = [doc for doc in documents if doc.lines]
    tag_sections(content, themes)
    link_first_mentions(content, themes)
    mark_abbreviations(content, glossary)
    relate_sections(content)
    corpus = Corpus({d.meta.id: d for d in documents}, {t.id: t for t in themes},
                    {g.term: g.title for g in glossary})
    images = {doc.meta.id: render_figures(sources / doc.meta.source, figures_of(doc)) for doc in content}
    pages: list[Page] = []
    for doc in documents:
        parent = parents.get(doc.meta.parent) if doc.meta.parent else None
        pages.extend(document_pages(doc, parent, children.get(doc.meta.id, []), corpus))
    if themes:
        pages.extend(theme_pages(documents, themes))
    if glossary:
        pages.append(glossary_page(corpus.glossary))
    pages.append(timeline_page(documents, events))
    intro_path = sources / "home.md"
    intro = intro_path.read_text(encoding="utf-8") if intro_path.is_file() else "# Digital Policy Atlas\n"
    pages.append(home_page(intro, documents))
    pages.append(document_list_page(documents))
    pages.append(Page("conversion-report.md", "変換レポート", report_markdown(reports)))
    for name in GENERATED_DIRS:
        shutil.rmtree(out / name, ignore_errors=True)
    write_pages(pages, out)
    for doc_id, rendered in images.items():
        for name, data in rendered.items():
            target = out / "documents" / doc_id / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    _copy_sources(entries, sources, out / "sources")
    for name, content in build_index(documents, {t.id: t.ja for t in themes}).items():
        target = out / "atlas" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    nav = nav_yaml(documents, themes, bool(glossary))
    (out / ".nav.yml").write_text(nav, encoding="utf-8")
    (out / ".report.json").write_text(
        json.dumps([asdict(r) for r in reports], ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    if mkdocs_yml is not None:
        splice_nav(mkdocs_yml, nav)
    return documents


def _copy_sources(entries: list[Entry], sources: Path, target: Path) -> None:
    """Publish each source under its own name (the 原文 links): a PDF as it is, a text as UTF-8."""
    target.mkdir(parents=True, exist_ok=True)
    for name in sorted({item.meta.source for entry in entries for item in [entry, *entry.parts]}):
        if name.lower().endswith(".pdf"):
            shutil.copyfile(sources / name, target / name)
            continue
        data = (sources / name).read_bytes()
        published = utf8_copy(data, sources / name)
        (target / name).write_bytes(published)
        if published != data:
            # The bytes as they came (CP932, EUC-JP, UTF-16) stay beside the UTF-8 copy.
            original = Path(name)
            (target / f"{original.stem}{ORIGINAL_SUFFIX}{original.suffix}").write_bytes(data)


ORIGINAL_SUFFIX = ".original"


def utf8_copy(data: bytes, path: Path) -> bytes:
    """A text source's bytes as a browser shows them right: UTF-8 as it is; another encoding
    converted to UTF-8 with a BOM, since a server that names no charset leaves the browser guessing."""
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        return codecs.BOM_UTF8 + decode(data, path).encode("utf-8")


def splice_nav(mkdocs_yml: Path, nav: str) -> None:
    text = mkdocs_yml.read_text(encoding="utf-8")
    block = f"{NAV_BEGIN}\n{nav}{NAV_END}"
    pattern = re.compile(re.escape(NAV_BEGIN) + r".*?" + re.escape(NAV_END), re.DOTALL)
    if not pattern.search(text):
        raise InputError(mkdocs_yml, f"no '{NAV_BEGIN}' … '{NAV_END}' block to put the nav in")
    mkdocs_yml.write_text(pattern.sub(lambda _: block, text), encoding="utf-8")
