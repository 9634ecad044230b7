"""The page number printed on each PDF page: what a reader cites (「p. 18」), not the PDF sheet.

A white paper's chapter starts on its printed page 18 as the PDF's 25th sheet; a handout of two
slides a page prints slide numbers 3 and 4 on its first sheet.  Two sources say it:

1. the PDF's page labels (its /PageLabels tree: 「i」「ii」 for the front matter, then 「1」…), when
   the PDF has them: its maker wrote them to be cited;
2. else the page numbers the reader found at the pages' heads and feet (read_pdf's furniture
   ``page-number``, which already keep step with the pages).  A page whose number is not printed
   (a chapter's title page, a full-page figure) between two pages that keep the same step gets
   the number of that step: it is the page the printed numbering counts there.  Before the first
   or after the last printed number nothing is guessed.
"""

from __future__ import annotations

import itertools
import re

from ..model.document import Line
from ..text.normalize import normalize_chars

DIGITS = re.compile(r"\d{1,4}")


def printed_page_numbers(labels: list[str], lines: list[Line]) -> dict[int, str]:
    """PDF page (1-based) → the number printed on it, for the pages where it is known."""
    if any(label.strip() for label in labels):
        return {page: label.strip() for page, label in enumerate(labels, 1) if label.strip()}
    return _from_furniture(lines)


def page_citation(pdf_page: int, printed: str | None) -> str:
    """「p. 18（PDF 25頁）」 where the printed number differs from the sheet, else 「p. 25」."""
    if not printed or printed == str(pdf_page):
        return f"p. {pdf_page}"
    return f"p. {printed}（PDF {pdf_page}頁）"


def _from_furniture(lines: list[Line]) -> dict[int, str]:
    found: dict[int, int] = {}
    for line in lines:
        if line.kind == "page-number" and line.page and line.page not in found:
            number = DIGITS.search(normalize_chars(line.text))
            if number:
                found[line.page] = int(number.group())
    numbers = dict(found)
    known = sorted(found)
    for before, after in itertools.pairwise(known):
        step = found[before] - before
        if found[after] - after == step:
            numbers.update({page: page + step for page in range(before + 1, after)})
    return {page: str(number) for page, number in sorted(numbers.items())}
