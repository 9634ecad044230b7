"""Lines → document structure: headings, paragraphs, lists, tables, footnotes, in reading order.

PDF extraction leaves one physical line per printed line.  The structure step reads a document's
lines once, in order (reading_steps.py: what each line is read as), with a builder holding the
reading's state (builder.py); what a line is — a heading (headings.py), the rest of a heading's
title (heading_titles.py), the rest of the open paragraph (text_flow.py), a speaker's turn
(minutes.py), a run such as a table (runs.py) — is decided in the modules named, each testable alone.
Nesting the draft into sections (nesting.py) and the sections' ids (anchors.py) come after.
"""

from __future__ import annotations

from ..config.hints import Hints, resolve_text_hints
from ..model.document import Draft, Line
from .builder import DraftBuilder
from .reading_steps import read_in_steps


def read_structure(lines: list[Line], hints: Hints) -> Draft:
    """A document's lines → its draft: headings and blocks in reading order, and its notes."""
    hints, _ = resolve_text_hints(lines, hints)
    return read_in_steps(DraftBuilder(lines, hints))
