"""Note marks set raised: the digits a PDF prints small above the baseline after a word.

A text extraction flattens 「ＣＡＳＰ¹13で1位」 to 「CASP113で1位」: which 1 is the note's mark is then a
guess (the notes stage would take the 「1」 of 「1位」).  The page knows: a note mark is set at well
under the line's size with its foot above the line's baseline.  Each raised run of digits is kept
with the characters printed just before and after it on its line, so that the notes stage can find
the mark in the paragraph's joined text (structure/footnotes.py).
"""

from __future__ import annotations

import itertools
import statistics
from typing import Any

from ..text.normalize import normalize_chars

Char = dict[str, Any]

# A mark's type is smaller than the line's: at most this share (superscripts are set at 50–86 %).
RAISED_SIZE = 0.9
# Its foot stands at least this share of the line's size above the line's baseline.
RAISED_LIFT = 0.15
# A mark set in a type of fixed size may be as large as a line of small type (a source line under
# a table, a box's text) or larger by up to this share: then it stands raised by at least RAISED_HIGH
# of the line's size (a digit of the text sits on the baseline).
RAISED_LARGER = 1.2
RAISED_HIGH = 0.4
_DIGITS = frozenset("0123456789")
# Characters of context kept each side of a mark.
CONTEXT = 2


# Two marks side by side (notes 22 and 23 on one word) stand apart by a space: a gap between raised
# digits wider than this share of their size parts two runs.
MARK_GAP = 0.3


def text_type(chars: list[Char]) -> list[Char]:
    """The characters that give a line its size: all but its raised note marks.  A line that a
    word processor broke just before a mark (「…とする」 over 「³。」) holds more characters of the
    mark's small type than of its own; counted, they make it a line of 7 pt that no paragraph joins."""
    if not chars:
        return chars
    largest = max(c["size"] for c in chars)
    full = [c for c in chars if c["size"] > RAISED_SIZE * largest]
    baseline = statistics.median(c["bottom"] for c in full)
    return [c for c in chars if not _raised(c, largest, baseline)] or chars


def raised_marks(chars: list[Char], size: float) -> tuple[tuple[str, str, str], ...]:
    """The line's raised digit runs as (text before, digits, text after), each side up to
    CONTEXT characters of the line's full-size type, normalised as the line's text is."""
    ink = sorted((c for c in chars if c["text"].strip()), key=lambda c: c["x0"])
    full = [c for c in ink if c["size"] > RAISED_SIZE * size]
    if not full:
        return ()
    baseline = statistics.median(c["bottom"] for c in full)
    raised = [_raised(c, size, baseline) for c in ink]
    marks: list[tuple[str, str, str]] = []
    run: list[int] = []
    for index, is_raised in enumerate([*raised, False]):
        if is_raised and run and ink[index]["x0"] - ink[run[-1]]["x1"] > MARK_GAP * ink[index]["size"]:
            run = _close_run(ink, raised, run, marks)
        if is_raised:
            run.append(index)
            continue
        if run:
            run = _close_run(ink, raised, run, marks)
    return tuple(marks)


def _close_run(ink: list[Char], raised: list[bool], run: list[int], marks: list[tuple[str, str, str]]) -> list[int]:
    """Add the run of raised digits ``run`` (indexes into ``ink``) to ``marks`` with the line's
    characters of full type around it; the next run starts empty."""
    before = [c["text"] for c, up in zip(ink[: run[0]], raised[: run[0]], strict=True) if not up][-CONTEXT:]
    after = [c["text"] for c, up in zip(ink[run[-1] + 1 :], raised[run[-1] + 1 :], strict=True) if not up][:CONTEXT]
    digits = normalize_chars("".join(ink[i]["text"] for i in run))
    marks.append((normalize_chars("".join(before)), digits, normalize_chars("".join(after))))
    return []


def leading_raised(chars: list[Char], size: float) -> str:
    """The raised digits that open the line (normalised), or "": a footnote's own label, which a
    word processor sets raised and small at the note's start (「⁴ Open Data …」).  Its text layer
    loses the gap after it (「4Open Data」, 「12「基盤」とは…」), so the label must be told apart here,
    where the page still shows it above the line."""
    ink = sorted((c for c in chars if c["text"].strip()), key=lambda c: c["x0"])
    full = [c for c in ink if c["size"] > RAISED_SIZE * size]
    if not full:
        return ""
    baseline = statistics.median(c["bottom"] for c in full)
    digits = list(itertools.takewhile(lambda c: _raised(c, size, baseline), ink))
    return normalize_chars("".join(c["text"] for c in digits))


def _raised(char: Char, size: float, baseline: float) -> bool:
    if normalize_chars(char["text"]) not in _DIGITS:
        return False
    lift = baseline - char["bottom"]
    if char["size"] <= RAISED_SIZE * size:
        return lift >= RAISED_LIFT * size
    return char["size"] <= RAISED_LARGER * size and lift >= RAISED_HIGH * size
