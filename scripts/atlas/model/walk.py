"""One walk over a document's sections, with the sections above each, and one over its blocks.

Code that needs a section's place in the outline (its heading path, its parent) walks with
``sections_with_ancestors`` instead of a recursion of its own; code that reads every block of a
document, preamble first, walks ``document_blocks``.
"""

from __future__ import annotations

from collections.abc import Iterator

from .document import Block, Document, Section


def sections_with_ancestors(
    sections: list[Section], ancestors: tuple[Section, ...] = ()
) -> Iterator[tuple[Section, tuple[Section, ...]]]:
    """Every section in reading order, with the sections above it (the outermost first)."""
    for section in sections:
        yield section, ancestors
        yield from sections_with_ancestors(section.children, (*ancestors, section))


def parent_of(ancestors: tuple[Section, ...]) -> Section | None:
    """The section right above (None for a chapter)."""
    return ancestors[-1] if ancestors else None


def document_blocks(document: Document) -> list[Block]:
    """Every block of the document in reading order: the preamble's, then each section's."""
    return [*document.preamble, *(block for section in document.all_sections() for block in section.blocks)]
