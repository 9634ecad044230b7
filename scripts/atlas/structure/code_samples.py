"""Code and data samples: lines set in a typewriter face, kept as printed.

A specification prints its XML or JSON samples, a manual the commands to type, in a typewriter
face (Courier, Consolas…), one statement or tag per line, indented to show what is inside what.
Joined as prose, the lines run into each other and lose their indents; taken line by line by the
heading rules, a 「<!-- 3.報告区分 -->」 comment reads as a numbered heading.  A run of such lines
(the PDF reader's ``Layout.typewriter``) is one block of kind "code", kept as printed: each printed
line a line, its indent in the face's character widths, a blank line where the sample leaves one.
"""

from __future__ import annotations

import re
from itertools import pairwise
from statistics import median

from ..model.document import Line, Paragraph, SourceSpan
from ..text.page_furniture import next_body

# What only code prints: tags, braces, assignments, paths, pipes, a shell's prompt or comment, a
# command's option (「--file」).
CODE_MARK = re.compile(r"[<>{}=;|$#\\/¥~]|\s--?[A-Za-z]")
# A line of code may open with a tag or a comment whose Japanese words outnumber its Latin
# (「<!-- 8.ファイル作成管理責任機関情報 -->」); prose never opens so.
CODE_OPENING = re.compile(r"\s*(?:<|\{|\}|#|//|/\*|\$\s)")
# A list's bullet opens an item (a list of file names set in the face), never a line of code.
BULLET = re.compile(r"\s*[・•●○◦■□◆◇▪‣]")
# Japanese prose's commas and full stops: a line with one is a sentence, whatever face its Latin
# words are set in (a Word document may set all of them in Consolas).
PROSE_MARK = re.compile(r"[、。]")
# A lone line in the face is a sample too when it is all Latin (a command, a path, a URL): a line
# mixing in Japanese words is the text's own, with its numbers set in the face.
_ALL_LATIN = re.compile(r"[\x21-\x7e ]+")
# No more space than this between a sample's lines (in body line heights, Layout.gap_before).
TIGHT = 0.5
# A typewriter face's character is about this much of its size wide (Courier 0.60, Consolas 0.55):
# used only where no line of the run is all Latin to measure it by.
CHARACTER_WIDTH = 0.55


def is_code_line(line: Line) -> bool:
    """A line of a code or data sample: its Latin letters in a typewriter face (the PDF reader's
    ``Layout.typewriter``), and either opening as code does or mostly Latin with no Japanese
    sentence's marks.  A table's row (tab-separated cells) is the table's, whatever its face."""
    if line.kind != "body" or line.layout is None or not line.layout.typewriter or "\t" in line.text \
            or BULLET.match(line.text):
        return False
    if CODE_OPENING.match(line.text):
        return True
    shown = [char for char in line.text if not char.isspace()]
    latin = sum(1 for char in shown if char.isascii())
    return 2 * latin >= len(shown) and not PROSE_MARK.search(line.text)


def code_run(lines: list[Line], index: int) -> int | None:
    """The index of the last line of the sample starting at ``index``, or None: body lines in a
    typewriter face, over furniture between them (a page's number where the sample runs on), with
    something only code prints in them; one line alone only when it is all Latin."""
    if not is_code_line(lines[index]):
        return None
    last = index
    probe = next_body(lines, index)
    while probe is not None and (is_code_line(lines[probe]) or _value_inside(lines, last, probe)):
        last = probe
        probe = next_body(lines, probe)
    run = [line for line in lines[index : last + 1] if line.kind == "body"]
    if not any(CODE_MARK.search(line.text) for line in run):
        return None
    if len(run) == 1 and not _ALL_LATIN.fullmatch(run[0].text):
        return None
    return last


def _value_inside(lines: list[Line], last: int, index: int) -> bool:
    """A line of a sample's data in the text's own face (an address between its tags): no sentence
    and no list's item, straight under the sample's last line, starting within its width, and straight
    over another of its lines, on one page.  (Text set beside a sample is not inside it.)"""
    line, above = lines[index], lines[last]
    after = next_body(lines, index)
    below = lines[after] if after is not None else None
    if below is None or not is_code_line(below) or PROSE_MARK.search(line.text) or BULLET.match(line.text):
        return False
    if line.layout is None or above.layout is None or below.layout is None:
        return False
    return (line.page == above.page == below.page and line.layout.gap_before <= TIGHT
            and below.layout.gap_before <= TIGHT
            and above.layout.x0 - above.layout.size <= line.layout.x0 < above.layout.x1)


def read_code(lines: list[Line], index: int, last: int) -> tuple[Paragraph, int]:
    """The sample from ``index`` to ``last`` (code_run) as one block kept as printed."""
    run = [line for line in lines[index : last + 1] if line.kind == "body"]
    width = _character_width(run)
    left = min(line.layout.x0 for line in run if line.layout is not None)
    pitch = _line_pitch(run)
    texts = [_indented(run[0], left, width)]
    for previous, line in pairwise(run):
        if previous.page == line.page and previous.layout is not None and line.layout is not None and pitch:
            # A blank line the sample leaves (a step between two lines' tops of two or more lines).
            texts.extend([""] * max(0, round((line.layout.top - previous.layout.top) / pitch) - 1))
        texts.append(_indented(line, left, width))
    return Paragraph("\n".join(texts), SourceSpan(lines[index].number, lines[last].number),
                     kind="code"), last + 1


def _indented(line: Line, left: float, width: float) -> str:
    """The line with its indent from the sample's left edge, in the face's character widths."""
    assert line.layout is not None  # is_code_line
    return " " * round((line.layout.x0 - left) / width) + line.text


def _character_width(run: list[Line]) -> float:
    """The face's character width, measured on the run's all-Latin lines (every character one width)."""
    widths = [(line.layout.x1 - line.layout.x0) / len(line.text) for line in run
              if line.layout is not None and len(line.text) > 3 and _ALL_LATIN.fullmatch(line.text)]
    if widths:
        return median(widths)
    return CHARACTER_WIDTH * median(line.layout.size for line in run if line.layout is not None)


def _line_pitch(run: list[Line]) -> float:
    """The usual step from one line's top to the next on a page: the sample's line spacing."""
    steps = [line.layout.top - previous.layout.top for previous, line in pairwise(run)
             if previous.page == line.page and previous.layout is not None and line.layout is not None
             and line.layout.top > previous.layout.top]
    return median(steps) if steps else 0.0
