"""The whole conversion: catalog → documents → pages, nav and report in ``out``.

``LIBRARY_STAGES`` is the order of the library's stages (the first runs every document through
``pipeline.DOCUMENT_STAGES``); ``convert`` runs them, then ``write_site`` writes the result.
"""

from __future__ import annotations

import codecs
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .check.report import DocumentReport, Refusal, document_report
from .config.catalog import Entry, load_catalog
from .config.locks import load_lock, write_lock
from .enrich.anchors import apply_lock, assign_block_ids, updated_lock
from .enrich.glossary import GlossaryEntry, load_glossary, mark_abbreviations
from .enrich.layout import paginate
from .enrich.links import LinkMap, load_links_lock
from .enrich.themes import Theme, link_first_mentions, load_themes, relate_sections, tag_sections
from .model.document import Document, Draft
from .model.errors import InputError
from .model.serialize import to_json
from .pipeline import DOCUMENT_STAGES, StageWatcher, Work, build_document
from .read.figures import figures_of, render_figures
from .text.encoding import decode
from .write.feed import FEED_PATH, FEED_TITLE, atom_feed
from .write.report_page import report_markdown
from .write.search import build_index
from .write.write import Corpus, Page, document_list_page, document_pages, home_page, moved_page, nav_yaml, write_pages
from .write.write_editions import comparison_pages, edition_notes
from .write.write_themes import Event, glossary_page, load_events, theme_pages, timeline_page

GENERATED_DIRS = ("documents", "sources", "atlas", "themes", "source-view", "editions")
NAV_BEGIN = "# BEGIN generated nav (scripts/convert.py)"
NAV_END = "# END generated nav"


@dataclass
class Library:
    """What the library's stages hand on to each other: every document of the catalog, then the
    themes and glossary they are tagged with, then the pages written from them."""

    sources: Path
    update_anchors: bool = False
    watch: StageWatcher | None = None
    entries: list[Entry] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    parents: dict[str, Document] = field(default_factory=dict)  # a compilation, by id
    children: dict[str, list[Document]] = field(default_factory=dict)  # its parts, by its id
    reports: list[DocumentReport] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)  # documents that could not be read, and why
    themes: list[Theme] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    link_map: LinkMap = field(default_factory=LinkMap)  # where published ids lead now (links.lock)
    images: dict[str, dict[str, bytes]] = field(default_factory=dict)  # doc id → figure file → PNG

    @property
    def content(self) -> list[Document]:
        """Documents with text of their own (a compilation's own entry has none: its parts do)."""
        return [doc for doc in self.documents if doc.lines]


@dataclass(frozen=True)
class LibraryStage:
    """A named step over the whole library; its function's docstring says what it does."""

    name: str
    run: Callable[[Library], None]


def read_documents(library: Library) -> None:
    """Every catalog entry through the document stages (pipeline.DOCUMENT_STAGES); one that cannot
    be read is left out and added to ``refused`` with its reason, and the others are converted all
    the same."""
    library.entries = load_catalog(library.sources)
    for entry in library.entries:
        if entry.parts:
            parent = Document(meta=entry.meta)
            library.parents[entry.meta.id] = parent
            library.documents.append(parent)
            parts = [doc for part in entry.parts if (doc := _built(part, library))]
            library.children[entry.meta.id] = parts
            library.documents.extend(parts)
        elif document := _built(entry, library):
            library.documents.append(document)


def count_characters(library: Library) -> None:
    """Every character of every source accounted for: in the output, or counted as furniture (the
    conversion report; a structure that would lose one was already read plainly, stage "kept")."""
    library.reports = [document_report(doc) for doc in library.content]


def pin_anchors(library: Library) -> None:
    """Published section ids kept as sources/anchors.lock records them; each section's page chosen."""
    lock_path = library.sources / "anchors.lock"
    lock = load_lock(lock_path)
    for doc in library.documents:
        apply_lock(doc, lock)
        paginate(doc)
    if library.update_anchors:
        write_lock(lock_path, updated_lock(library.content, lock))


def keep_published_ids(library: Library) -> None:
    """Every id a release published keeps its words (sources/links.lock, written only by
    scripts/release_links.py): blocks get their ids, moved ones are mapped, gone ones noted."""
    library.link_map = assign_block_ids(library.documents, load_links_lock(library.sources / LINKS_LOCK))


def load_vocabularies(library: Library) -> None:
    """The curated themes, glossary and timeline events (each optional)."""
    sources = library.sources
    library.themes = load_themes(sources / "themes.yml") if (sources / "themes.yml").is_file() else []
    library.glossary = load_glossary(sources / "glossary.yml") if (sources / "glossary.yml").is_file() else []
    library.events = load_events(sources / "events.yml") if (sources / "events.yml").is_file() else []


def tag_themes(library: Library) -> None:
    """Each section tagged with the themes it is about (themes.tag_sections)."""
    tag_sections(library.content, library.themes)


def link_themes(library: Library) -> None:
    """The first mention of each tagged theme links to its theme page."""
    link_first_mentions(library.content, library.themes)


def mark_glossary_terms(library: Library) -> None:
    """Abbreviations the glossary explains are marked for their tooltips."""
    mark_abbreviations(library.content, library.glossary)


def relate(library: Library) -> None:
    """Up to three related sections in other documents, for each section."""
    relate_sections(library.content)


def build_pages(library: Library) -> None:
    """The site's pages from the finished documents: documents, edition comparisons, themes,
    glossary, timeline, home, document list and the conversion report."""
    documents, themes = library.documents, library.themes
    # Rendering a figure also gives it its size, which its page states (no layout shift).
    library.images = {doc.meta.id: render_figures(library.sources / doc.meta.source, figures_of(doc))
                      for doc in library.content}
    corpus = Corpus({d.meta.id: d for d in documents}, {t.id: t for t in themes},
                    {g.term: g.title for g in library.glossary}, shadowed=library.link_map.shadowed)
    corpus.edition_notes, corpus.edition_banners = edition_notes(documents)
    pages = library.pages
    for doc in documents:
        parent = library.parents.get(doc.meta.parent) if doc.meta.parent else None
        pages.extend(document_pages(doc, parent, library.children.get(doc.meta.id, []), corpus))
    pages.extend(comparison_pages(documents))
    if themes:
        pages.extend(theme_pages(documents, themes))
    if library.glossary:
        pages.append(glossary_page(corpus.glossary))
    pages.append(timeline_page(documents, library.events))
    intro_path = library.sources / "home.md"
    intro = intro_path.read_text(encoding="utf-8") if intro_path.is_file() else "# Digital Policy Atlas\n"
    pages.append(home_page(intro, documents))
    pages.append(document_list_page(documents))
    pages.append(Page("conversion-report.md", "変換レポート", report_markdown(library.reports, library.refused)))
    pages.append(Page(FEED_PATH, FEED_TITLE, atom_feed(documents)))
    pages.extend(moved_page(doc, page, to) for (doc, page), to in sorted(library.link_map.moved_pages.items()))


# The library's conversion, in order: documents first (each through pipeline.DOCUMENT_STAGES),
# then what needs the whole library.  Writing the site (write_site) follows.
LIBRARY_STAGES: tuple[LibraryStage, ...] = (
    LibraryStage("documents", read_documents),
    LibraryStage("conservation", count_characters),
    LibraryStage("anchors-pinned", pin_anchors),
    LibraryStage("block-ids", keep_published_ids),
    LibraryStage("vocabularies", load_vocabularies),
    LibraryStage("themes", tag_themes),
    LibraryStage("theme-links", link_themes),
    LibraryStage("glossary-terms", mark_glossary_terms),
    LibraryStage("related", relate),
    LibraryStage("pages", build_pages),
)


def convert(
    sources: Path, out: Path, mkdocs_yml: Path | None = None, update_anchors: bool = False,
    refused: list[Refusal] | None = None, dump: Path | None = None,
) -> list[Document]:
    """Run the library's stages over the catalog in ``sources`` and write the site's pages into
    ``out``.  A document that cannot be read is left out and added to ``refused`` (and to the report
    page) with its reason; the others are converted all the same.  With ``dump``, also the model
    after every stage (see ``ModelDump``)."""
    watcher = ModelDump(dump) if dump is not None else None
    library = Library(sources, update_anchors, watcher.document_stage if watcher else None)
    if refused is not None:
        library.refused = refused  # the caller's list: it reports them
    for stage in LIBRARY_STAGES:
        stage.run(library)
        if watcher is not None:
            watcher.library_stage(stage.name, library.content)
    write_site(library, out, mkdocs_yml)
    return library.documents


def write_site(library: Library, out: Path, mkdocs_yml: Path | None) -> None:
    """Pages, published sources, the search index, the nav and the report's data into ``out``."""
    documents = library.documents
    for name in GENERATED_DIRS:
        shutil.rmtree(out / name, ignore_errors=True)
    write_pages(library.pages, out)
    _write_figures(library, out)
    _copy_sources(library.entries, library.sources, out / "sources", {doc.meta.id for doc in documents})
    for name, content in build_index(documents, {t.id: t.ja for t in library.themes},
                                     {g.term: g.title for g in library.glossary}).items():
        target = out / "atlas" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    _write_link_map(library.link_map, out / "atlas" / "links")
    nav = nav_yaml(documents, library.themes, bool(library.glossary))
    (out / ".nav.yml").write_text(nav, encoding="utf-8")
    (out / ".report.json").write_text(
        json.dumps([asdict(r) for r in library.reports], ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    if mkdocs_yml is not None:
        splice_nav(mkdocs_yml, nav)


class ModelDump:
    """Writes the model after every stage that changed it, so a reader of the code can see what each
    stage did: ``<folder>/<doc-id>/NN-<stage>.json`` (serialize.py's format), NN the stage's place
    in the whole run (document stages first, then the library's: a missing number is a stage that
    changed nothing in that document).  Up to the structure stage a document is its lines; then its
    draft (headings and blocks in reading order); from the nest stage on, the document itself."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.last: dict[str, str] = {}  # each document's last dump, to skip a stage that changed nothing

    def document_stage(self, stage: str, work: Work) -> None:
        if work.document is not None:
            model: Document | Draft = work.document
        elif work.draft is not None:
            model = work.draft
        else:
            model = Document(meta=work.entry.meta, lines=work.lines)
        self._write(work.entry.meta.id, stage, model)

    def library_stage(self, stage: str, documents: list[Document]) -> None:
        for document in documents:
            self._write(document.meta.id, stage, document)

    def _write(self, document_id: str, stage: str, model: Document | Draft) -> None:
        text = to_json(model) + "\n"
        if self.last.get(document_id) == text:
            return
        self.last[document_id] = text
        target = self.folder / document_id / f"{STAGE_NUMBERS[stage]:02d}-{stage}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


# Each stage's place in a whole run, for the dump's file names.
STAGE_NUMBERS = {stage.name: number for number, stage in enumerate([*DOCUMENT_STAGES, *LIBRARY_STAGES], 1)}


LINKS_LOCK = "links.lock"


def _write_figures(library: Library, out: Path) -> None:
    """Each figure's image beside its document's pages (rendered by the pages stage)."""
    for doc_id, rendered in library.images.items():
        for name, data in rendered.items():
            target = out / "documents" / doc_id / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


def _write_link_map(link_map: LinkMap, folder: Path) -> None:
    """atlas/links/<doc>.json: where each published id of a document leads now (assets/atlas-links.js)."""
    folder.mkdir(parents=True, exist_ok=True)
    for doc, pages in sorted(link_map.entries.items()):
        text = json.dumps(pages, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        (folder / f"{doc}.json").write_text(text + "\n", encoding="utf-8")


def _built(entry: Entry, library: Library) -> Document | None:
    """The entry's document, or None when it cannot be read: then its reason joins ``refused``.

    Any failure counts, a converter's bug too (named by its type): one document never stops the
    others, and the reader gets one line, not a traceback."""
    sources, refused = library.sources, library.refused
    try:
        return build_document(entry, sources, library.watch)
    except InputError as error:
        where = _relative(Path(error.path), sources) + (f":{error.line}" if error.line else "")
        refused.append(Refusal(entry.meta.id, f"{where}: {error.problem}", str(error)))
    except Exception as error:
        problem = f"the converter failed ({type(error).__name__}: {error})"
        refused.append(Refusal(entry.meta.id, f"{entry.meta.source}: {problem}",
                               f"{sources / entry.meta.source}: {problem}"))
    return None


def _relative(path: Path, sources: Path) -> str:
    """A source's name as the catalog gives it: the report page says no more of this machine's folders."""
    try:
        return str(path.relative_to(sources))
    except ValueError:
        return str(path)


def _copy_sources(entries: list[Entry], sources: Path, target: Path, converted: set[str]) -> None:
    """Publish each converted document's source under its own name (the 原文 links): a PDF as it is,
    a text as UTF-8."""
    target.mkdir(parents=True, exist_ok=True)
    names = set()
    for entry in entries:
        kept = [part.meta.source for part in entry.parts if part.meta.id in converted]
        if kept or (entry.meta.id in converted and not entry.parts):
            names.update([entry.meta.source, *kept])  # a compilation's file, with a part converted
    for name in sorted(names):
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
