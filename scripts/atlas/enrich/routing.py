"""Where every page of the site lives, and how one page names another.

Two kinds of address, and one place that knows both:

- A page's **path**: its file under docs/, as MkDocs reads it ("documents/x/index.md",
  "documents/x/3.md", "themes/ai.md", "source-view/x.md"), or a file copied as it is
  ("sources/x.pdf", "feed.xml", "documents/x/x.bib").
- A page's **URL**: where the built site serves it, relative to the site root. The site uses
  directory URLs (mkdocs.yml use_directory_urls), so "documents/x/3.md" is served at
  "documents/x/3/" and "documents/x/index.md" at "documents/x/"; other files keep their path.

Markdown links name paths relative to the linking page's file (``link``): MkDocs checks them and
rewrites them to URLs. Raw HTML (a <pre>, a redirect page, a data-* attribute read by a script) is
not rewritten, so it names URLs relative to the linking page's URL (``href``), one directory
deeper than its file for every page but an index.

It stands in the enrich layer, not in write: the link maps and the published ids (links.py,
published.py) name document pages by their URLs too, and layout.has_own_page decides whether a
section's link needs its #anchor.
"""

from __future__ import annotations

from ..model.document import Document, Section
from .layout import has_own_page

MARKDOWN = ".md"
INDEX = "index" + MARKDOWN
UP = "../"

# The pages of the site that are not about one document or theme.
HOME = INDEX
DOCUMENT_LIST = "documents/" + INDEX
THEME_LIST = "themes/" + INDEX
GLOSSARY = "glossary" + MARKDOWN
TIMELINE = "timeline" + MARKDOWN
TAGS = "tags" + MARKDOWN
REPORT = "conversion-report" + MARKDOWN
ABOUT = "about" + MARKDOWN
FEED = "feed.xml"
# The folders of the published sources and of the search index (with the link maps).
SOURCE_FOLDER = "sources"
SEARCH_FOLDER = "atlas"
# Every folder a conversion writes whole (emptied first, so that no page of a removed document stays).
GENERATED_FOLDERS = ("documents", SOURCE_FOLDER, SEARCH_FOLDER, "themes", "source-view", "editions")
# The home page's introduction, a file of the sources folder (not a page of the site itself).
HOME_INTRO = "home" + MARKDOWN


# ---------------------------------------------------------------------------
# Paths of pages and files (relative to docs/)
# ---------------------------------------------------------------------------


def document_dir(document: str) -> str:
    """The folder of a document's pages and downloads."""
    return f"documents/{document}"


def document_page(document: str, page: str = "") -> str:
    """A document's page: its own ("") or the page of the section whose anchor is ``page``."""
    return f"{document_dir(document)}/{page or 'index'}{MARKDOWN}"


def document_file(document: str, name: str) -> str:
    """A file beside a document's pages (its citation downloads, its clean text)."""
    return f"{document_dir(document)}/{name}"


def print_page(document: str) -> str:
    """The whole document on one page, for printing."""
    return document_page(document, "print")


def page_of_document_path(path: str) -> tuple[str, str] | None:
    """(document, page) for a document page's path ("documents/x/3.md" → ("x", "3")), else None;
    the inverse of ``document_page``."""
    parts = path.split("/")
    if len(parts) != 3 or parts[0] != "documents" or not parts[2].endswith(MARKDOWN):
        return None
    stem = parts[2][: -len(MARKDOWN)]
    return parts[1], "" if stem == "index" else stem


def section_page(section: Section) -> str:
    """The page name (``document_page``'s ``page``) that shows the section (layout.paginate)."""
    return section.page


def section_path(document: Document, section: Section) -> str:
    """The section's place: its page's path, with #anchor unless the section has the page to itself."""
    path = document_page(document.meta.id, section_page(section))
    return path if has_own_page(section) else f"{path}#{section.anchor}"


def theme_page(theme: str) -> str:
    return f"themes/{theme}{MARKDOWN}"


def comparison_page(older: str, newer: str) -> str:
    """The comparison of two consecutive editions (ids never hold "--", so the name is unambiguous)."""
    return f"editions/{older}--{newer}{MARKDOWN}"


def source_view_page(document: str, chunk: int) -> str:
    """The ``chunk``-th (from 0) page of a document's source view: x.md, then x-2.md, x-3.md…"""
    name = document if chunk == 0 else f"{document}-{chunk + 1}"
    return f"source-view/{name}{MARKDOWN}"


def source_file(source: str) -> str:
    """A source file as the site serves it (the PDF, the text), named as in the catalog."""
    return f"{SOURCE_FOLDER}/{source}"


def search_file(name: str) -> str:
    """A file of the site's own search index (search.build_index names them: shards, store…)."""
    return f"{SEARCH_FOLDER}/{name}"


def link_map_file(document: str) -> str:
    """Where each published id of a document leads now (links.LinkMap, read by assets/atlas-links.js)."""
    return search_file(f"links/{document}.json")


def redirect_page(document: str, page: str) -> str:
    """The static redirect page at the address of a document page no conversion writes any more."""
    return f"{url(document_page(document, page))}index.html"


# ---------------------------------------------------------------------------
# URLs and links
# ---------------------------------------------------------------------------


def url(path: str) -> str:
    """The URL (relative to the site root) the built site serves a path at, #anchor kept."""
    path, _, anchor = path.partition("#")
    if path == INDEX or path.endswith("/" + INDEX):
        path = path[: -len(INDEX)]
    elif path.endswith(MARKDOWN):
        path = path[: -len(MARKDOWN)] + "/"
    elif path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return path + (f"#{anchor}" if anchor else "")


def document_url(document: str, page: str = "") -> str:
    """A document page's URL relative to the site root ("documents/x/", "documents/x/3/")."""
    return url(document_page(document, page))


def link(from_page: str, to: str) -> str:
    """A Markdown link from the page file ``from_page`` to the path ``to`` (#anchor kept)."""
    return _relative(_folder(from_page), to)


def href(from_page: str, to: str) -> str:
    """A raw-HTML address from the page ``from_page`` (as served) to the path ``to``, served."""
    # "" would name the linking page itself, not the folder it is served from.
    return _relative(_served_folder(from_page), url(to)) or "./"


def root(from_page: str) -> str:
    """The site root relative to the page ``from_page`` as served ("../../" from documents/x/)."""
    return UP * len([part for part in _served_folder(from_page).split("/") if part])


def section_url(document: Document, section: Section, from_page: str) -> str:
    """A Markdown link from ``from_page`` to the section, on the page that shows it."""
    return link(from_page, section_path(document, section))


def _folder(path: str) -> str:
    return path.rpartition("/")[0]


def _served_folder(path: str) -> str:
    """The folder a browser resolves relative addresses against on the page at ``path``: a
    Markdown page's own URL ("documents/x/3/"), another file's folder (feed.xml: the root)."""
    served = url(path)
    return served.rstrip("/") if served.endswith("/") or not served else _folder(served)


def _relative(from_dir: str, target: str) -> str:
    """``target`` (a path from the root) as seen from the folder ``from_dir``."""
    from_parts = [p for p in from_dir.split("/") if p]
    target_parts = target.split("/")
    common = 0
    while (
        common < len(from_parts)
        and common < len(target_parts) - 1
        and from_parts[common] == target_parts[common]
    ):
        common += 1
    ups = [".."] * (len(from_parts) - common)
    return "/".join(ups + target_parts[common:])
