"""A paragraph the notes at a page's foot interrupted, whole again (PDF sources).

A white paper or a guideline sets its footnotes at the foot of the page where they are cited, so a
paragraph that runs over the page break is read as: its first half, the page's notes, its second
half on the next page (on a two-column page whose notes stand under the left column, the same at
the column break).  The structure step closes the paragraph at the notes (a note's marker
must be looked for only in the text printed before it, on its own page: footnotes.py), so the
two halves come out as two paragraphs — 「…多様な幸せを追求できる社会、持」 and 「続可能な社会を目指す…」
— and a citation of 「第N段落」 names half a sentence.  Once the markers are linked, the halves are
joined when the page shows the break was the page's: the first half's last line ran to its
column's edge inside a sentence, and the second half opens the next page (or the next column) at
the same type size with no list marker.
"""

from __future__ import annotations

from ..model.document import Draft, FootnoteRef, InlineLink, Line, ListBlock, ListItem, Paragraph
from ..text.numbering import CLOSING, LIST_MARKER, join_text
from .typeset import stops_short_of_column


def join_paragraphs_cut_by_notes(draft: Draft, lines: list[Line]) -> None:
    """Join, in ``draft``, each paragraph (or list item) and the paragraph after it that the notes
    at a page's foot cut apart (see the module's docstring)."""
    by_number = {line.number: line for line in lines}
    kept: list = []
    for item in draft.items:
        before = _open_text(kept[-1]) if kept else None
        if (before is not None and type(item) is Paragraph and item.kind == "paragraph"
                and _cut_by_notes(before, item, by_number)):
            append_text(before, item)
            if isinstance(kept[-1], ListBlock):
                kept[-1].span = kept[-1].span.merge(item.span)
            continue
        kept.append(item)
    draft.items[:] = kept


def _open_text(item: object) -> Paragraph | ListItem | None:
    """The running text a following paragraph could go on with: a paragraph, or a list's last item."""
    if type(item) is Paragraph and item.kind == "paragraph":
        return item
    if isinstance(item, ListBlock) and item.items:
        return item.items[-1]
    return None


def _cut_by_notes(before: Paragraph | ListItem, after: Paragraph, by_number: dict[int, Line]) -> bool:
    last, first = by_number.get(before.span.end), by_number.get(after.span.start)
    if last is None or first is None or last.layout is None or first.layout is None:
        return False
    between = [by_number[n] for n in range(last.number + 1, first.number) if n in by_number]
    notes = [line for line in between if line.layout is not None and line.layout.role == "footnote"]
    return (
        (first.page == last.page + 1 or _next_column(last, first))
        and bool(notes)
        and all(line.kind != "body" or line in notes for line in between)  # notes and furniture only
        and stops_short_of_column(last) is False  # ran to the edge
        and not last.text.endswith(tuple(CLOSING))
        and first.layout.size == last.layout.size
        and LIST_MARKER.fullmatch(first.text) is None
    )


def _next_column(last: Line, first: Line) -> bool:
    """Whether ``first`` opens the column right of ``last``'s on the same page (a two-column page
    whose notes stand under the left column are read between the columns)."""
    assert last.layout is not None and first.layout is not None
    return first.page == last.page and first.layout.column_x0 >= last.layout.column_x1 - last.layout.size


def append_text(before: Paragraph | ListItem, after: Paragraph) -> None:
    """``after``'s text, note references and links at the end of ``before``'s."""
    joined = join_text(before.text, after.text)
    shift = len(joined) - len(after.text)
    before.text = joined
    before.span = before.span.merge(after.span)
    before.refs.extend(FootnoteRef(ref.offset + shift, ref.label, ref.key) for ref in after.refs)
    before.links.extend(InlineLink(link.offset + shift, link.length, link.target) for link in after.links)
