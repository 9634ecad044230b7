"""Numbered lines printed one under another with nothing between them: the items of a list.

「過去に報告があった脆弱性の主なものを以下に挙げます。」 over 「(1) H.323 に係る脆弱性」「(2) SSH2 に係る
脆弱性」「(3) …」: each line has the shape of a heading (a number and a short title), but a heading
heads text, and here the next line is already the next number.  Taken as headings they would be
sections with nothing in them (issue 23: empty sections); read as a list they say what the
sentence above announces.  The run's last line is a heading only where it has something to head:
text, or headings of an inner scheme below it (「1. 日時 …」「2. 場所 …」「3. 出席者」 over 【委員】).
"""

from __future__ import annotations

from itertools import pairwise

from ..model.document import Line
from ..text.numbering import heading_of, number_value

# Fewer than this many siblings in a row may be a heading over its first sub-heading.
SHORTEST_RUN = 2


def bare_sibling_runs(lines: list[Line]) -> frozenset[int]:
    """Indexes of numbered lines that stand in a run of siblings with no other text between them:
    the same numbering scheme, numbers counting up by one, each line straight after the last."""
    body = [index for index, line in enumerate(lines) if line.kind == "body"]
    runs: list[list[int]] = []
    for before, after in pairwise(body):
        if _next_sibling(lines[before], lines[after]):
            if runs and runs[-1][-1] == before:
                runs[-1].append(after)
            else:
                runs.append([before, after])
    found: set[int] = set()
    for run in runs:
        if len(run) < SHORTEST_RUN:
            continue
        found.update(run[:-1])
        if not _heads_inner_text(lines, body, run[-1]):
            found.add(run[-1])
    return frozenset(found)


def _heads_inner_text(lines: list[Line], body: list[int], last: int) -> bool:
    """Whether the run's last line may head what follows it: text, or a heading of an inner
    scheme (「3. 出席者」 over 「【委員】」).  A sibling or an outer heading next (「(4) ASN.1 に係る
    脆弱性」 over 「7．ウェブサイトの不適切な運用」) leaves it nothing to head."""
    position = body.index(last)
    if position + 1 >= len(body):
        return False
    below = heading_of(lines[body[position + 1]].text)
    own = heading_of(lines[last].text)
    return below is None or own is None or below[0].rank > own[0].rank


def _numbered(line: Line) -> tuple[str, int] | None:
    """(scheme name, number) of a line shaped like a numbered heading."""
    found = heading_of(line.text)
    if found is None or not found[1]:
        return None
    value = number_value(found[1])
    return (found[0].name, value) if value is not None else None


def _next_sibling(line: Line, below: Line) -> bool:
    first, second = _numbered(line), _numbered(below)
    return first is not None and second is not None and first[0] == second[0] and second[1] == first[1] + 1
