"""Which page shows each section: the document's page, a chapter page, or a page of its own.

A short document is one page.  A long one (over SPLIT_THRESHOLD characters)
has one page per top-level chapter, so a reader does not download the whole
document to read a section.  A chapter page that would still be too heavy
(over PAGE_LIMIT characters) gives each of its child sections a page of its
own, and so on down, so that no page outgrows the weight budget.  Page names
are section anchors: stable, like the anchors themselves.
"""

from __future__ import annotations

from ..model.document import Document, Section, block_text

SPLIT_THRESHOLD = 20_000
# About 100 KB gzip of HTML: a fifth of the 500 KB page budget (the longest real chapter has ~17,000).
PAGE_LIMIT = 100_000
# A whole-document print page past this many characters would weigh over 500 KB gzip (about
# 0.9 KB per 1,000 characters); such a document is printed chapter by chapter instead.
PRINT_LIMIT = 500_000


def is_split(document: Document) -> bool:
    return len(document.sections) > 1 and document.text_length > SPLIT_THRESHOLD


def paginate(document: Document) -> None:
    """Set ``section.page`` for every section of the document (see model.Section.page)."""
    if not is_split(document):
        for section in document.all_sections():
            section.page = ""
        return
    for chapter in document.sections:
        _give_page(chapter)


def _give_page(section: Section) -> None:
    """This section starts a page; its subsections share it unless the page would be too heavy."""
    own_page = subtree_length(section) > PAGE_LIMIT
    section.page = section.anchor
    for child in section.children:
        if own_page:
            _give_page(child)
        else:
            for inner in child.walk():
                inner.page = section.anchor


def subtree_length(section: Section) -> int:
    return sum(len(block_text(block)) for inner in section.walk() for block in inner.blocks)


def has_own_page(section: Section) -> bool:
    return section.page == section.anchor != ""
