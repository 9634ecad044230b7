"""MkDocs hook: leave Material's built-in search (lunr) out of the built site.

The site searches with its own index and script (docs/atlas/search.json, docs/assets/atlas-search.js),
so mkdocs.yml disables Material's search plugin.  Material's theme still copies lunr's files
(wordcut.js alone is 677 KB) and the search worker into every build, where no page loads them.
Zensical ignores this file: it has no lunr to drop.

assets/atlas-search.css styles the search box for Zensical, whose stylesheets no longer do; with
MkDocs it repeats Material's own rules, so MkDocs pages do not load it (13 KB less per page view).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

# Theme files that only Material's own search uses (the worker's source map included).
MATERIAL_SEARCH_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
SEARCH_BOX_CSS = "assets/atlas-search.css"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra_css = [path for path in config.extra_css if path != SEARCH_BOX_CSS]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in [f for f in files if f.src_uri.startswith(MATERIAL_SEARCH_FILES)]:
        files.remove(file)
    return files
