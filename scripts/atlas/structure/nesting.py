"""Draft → sections: every block under the heading above it, headings nested by their rank."""

from __future__ import annotations

from ..model.document import Block, Draft, Heading, Section, SourceSpan


def nest(draft: Draft) -> tuple[list[Block], list[Section]]:
    """Preamble blocks and the section tree."""
    preamble: list[Block] = []
    roots: list[Section] = []
    stack: list[tuple[int, Section]] = []
    for item in draft.items:
        if isinstance(item, Heading):
            while stack and stack[-1][0] >= item.rank:
                stack.pop()
            section = Section(item.title, len(stack) + 1, item.span, number=item.number, refs=list(item.refs))
            (stack[-1][1].children if stack else roots).append(section)
            stack.append((item.rank, section))
        elif stack:
            stack[-1][1].blocks.append(item)
            stack[-1][1].span = stack[-1][1].span.merge(item.span)
        else:
            preamble.append(item)
    for root in roots:
        _extend_spans(root)
    return preamble, roots


def _extend_spans(section: Section) -> SourceSpan:
    for child in section.children:
        section.span = section.span.merge(_extend_spans(child))
    return section.span
