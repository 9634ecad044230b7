"""Note marks set raised: the digits a PDF prints small above the baseline after a word.

A text extraction flattens 「ＣＡＳＰ¹13で1位」 to 「CASP113で1位」: which 1 is the note's mark is then a
guess (the notes stage would take the 「1」 of 「1位」).  The page knows: a note mark is set at well
under the line's size with its foot above the line's baseline.  Each raised run of digits is kept
with the characters printed just before and after it on its line, so that the notes stage can find
the mark in the paragraph's joined text (structure/footnotes.py).
"""

from __future__ import annotations

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


def raised_marks(chars: list[Char], size: float) -> tuple[tuple[str, str, str], ...]:
    """The line's raised digit runs as (text before, digits, text after), each side up to
    CONTEXT characters of the line's full-size type, normalised as the line's text is."""
    ink = sorted((c for c in chars if c["text"].strip()), key=lambda c: c["x0"])
    full = [c for c in ink if c["size"] > RAISED_SIZE * size]
    if len(full) < 2:
        return ()
    baseline = statistics.median(c["bottom"] for c in full)
    raised = [_raised(c, size, baseline) for c in ink]
    marks: list[tuple[str, str, str]] = []
    run: list[int] = []
    for index, is_raised in enumerate([*raised, False]):
        if is_raised:
            run.append(index)
            continue
        if run:
            before = [c["text"] for c, up in zip(ink[: run[0]], raised[: run[0]], strict=True) if not up][-CONTEXT:]
            after = [c["text"] for c, up in zip(ink[run[-1] + 1 :], raised[run[-1] + 1 :], strict=True)
                     if not up][:CONTEXT]
            digits = normalize_chars("".join(ink[i]["text"] for i in run))
            marks.append((normalize_chars("".join(before)), digits, normalize_chars("".join(after))))
            run = []
    return tuple(marks)


def _raised(char: Char, size: float, baseline: float) -> bool:
    if normalize_chars(char["text"]) not in _DIGITS:
        return False
    lift = baseline - char["bottom"]
    if char["size"] <= RAISED_SIZE * size:
        return lift >= RAISED_LIFT * size
    return char["size"] <= RAISED_LARGER * size and lift >= RAISED_HIGH * size
