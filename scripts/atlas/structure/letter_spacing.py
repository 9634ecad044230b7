"""Letter-spaced words rejoined in a draft's texts, once its lines are joined into blocks.

A title set letter-spaced (「概　　要」) comes out of a page one character apart; only when a block's
lines are joined can the spaced run be told from words (text/normalize.join_spaced_letters).
"""

from __future__ import annotations

from ..model.document import Draft, Heading, ListBlock, Paragraph, Table
from ..text.normalize import join_spaced_letters


def finish_text(draft: Draft) -> None:
    """Rejoin letter-spaced words in every text, now that lines are joined."""
    for item in draft.items:
        if isinstance(item, Heading):
            item.title = join_spaced_letters(item.title)
        elif isinstance(item, Paragraph):
            if item.kind not in ("preformatted", "code"):
                item.text = join_spaced_letters(item.text)
        elif isinstance(item, ListBlock):
            for entry in item.items:
                entry.text = join_spaced_letters(entry.text)
        elif isinstance(item, Table):
            item.rows = [[join_spaced_letters(cell) for cell in row] for row in item.rows]
    for note in draft.footnotes:
        note.text = join_spaced_letters(note.text)
