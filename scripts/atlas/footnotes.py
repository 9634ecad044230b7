"""Footnote markers glued to words ("概念である1。", "Suica10") → footnote references.

A number is only taken for a marker when a footnote with that label exists,
the labels are met in order, and the marker stands in the text printed
before the note (on the same or an earlier page).  Numbers that are part of
names (web3, G20, NH3, Society 5.0) are never markers.
"""

from __future__ import annotations

import re

from .model import Draft, FootnoteRef, ListBlock, ListItem, Paragraph
from .normalize import is_cjk

# How far above its note (in source lines) a marker may stand.
MAX_DISTANCE = 120
_NOT_MARKER_BEFORE = re.compile(r"(?:web|Web|WEB|G|NH|CO|ver|Ver|Society |Beyond |PM|B|No\.|第)$")


def _marker(label: str) -> re.Pattern[str]:
    return re.compile(rf"(?<=[^\s0-9.,．，:/\-])({re.escape(label)})(?![0-9０-９.,．年月日％%])")


def link_footnotes(draft: Draft) -> None:
    blocks: list[Paragraph | ListItem] = []
    for item in draft.items:
        if isinstance(item, Paragraph) and item.kind != "preformatted":
            blocks.append(item)
        elif isinstance(item, ListBlock):
            blocks.extend(item.items)
    position = (0, 0)  # (block index, offset) after the last marker found
    for note in draft.footnotes:
        found = _find(blocks, note.label, note.span.start, position)
        if found is None:
            continue
        index, offset = found
        block = blocks[index]
        end = offset + len(note.label)
        # "メッシュ8 の構築": the space was the number's, not the sentence's.
        after = block.text[end + 1 : end + 2]
        if block.text[end : end + 1] == " " and is_cjk(block.text[offset - 1]) and after and is_cjk(after):
            end += 1
        block.text = block.text[:offset] + block.text[end:]
        block.refs.append(FootnoteRef(offset, note.label))
        position = (index, offset)


def _find(
    blocks: list[Paragraph | ListItem], label: str, note_line: int, after: tuple[int, int]
) -> tuple[int, int] | None:
    pattern = _marker(label)
    for index in range(after[0], len(blocks)):
        block = blocks[index]
        if block.span.start > note_line:
            return None
        if block.span.end < note_line - MAX_DISTANCE:
            continue
        start = after[1] if index == after[0] else 0
        for match in pattern.finditer(block.text, start):
            if _NOT_MARKER_BEFORE.search(block.text[: match.start()]):
                continue
            return index, match.start()
    return None
