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
    """PDF page (1-based) → the number printed on it, for the pages where it is known.

    The PDF's labels are set aside where the pages print other numbers: a handout cut from a
    larger file keeps that file's labels (its cover labelled 「3」) while its pages print 「1/24」.
    """
    printed = _from_furniture(lines)
    given = {page: label.strip() for page, label in enumerate(labels, 1) if label.strip()}
    if given and not _contradicted(given, printed):
        return given
    return printed


def page_citation(pdf_page: int, printed: str | None) -> str:
    """「p. 18（PDF 25頁）」 where the printed number differs from the sheet, else 「p. 25」."""
    if not printed or printed == str(pdf_page):
        return f"p. {pdf_page}"
    return f"p. {printed}（PDF {pdf_page}頁）"


def cite_page(pdf_page: int, printed: dict[int, str]) -> str:
    """How a reader cites a PDF page: by the number it prints (page_citation); a page that prints
    none in a document whose pages are numbered (its cover) only as the PDF's sheet, 「PDF 1頁」."""
    if printed and pdf_page not in printed:
        return f"PDF {pdf_page}頁"
    return page_citation(pdf_page, printed.get(pdf_page))


def _contradicted(given: dict[int, str], printed: dict[int, str]) -> bool:
    """Whether a page prints a number other than its label (the first number of a 「2–3」 page)."""
    return any(page in given and given[page] != number.split("–")[0] for page, number in printed.items())


def _from_furniture(lines: list[Line]) -> dict[int, str]:
    found: dict[int, list[int]] = {}
    for line in lines:
        if line.kind == "page-number" and line.page:
            number = DIGITS.search(normalize_chars(line.text))
            if number and int(number.group()) not in found.get(line.page, []):
                found.setdefault(line.page, []).append(int(number.group()))
    numbers = {page: str(values[0]) if len(values) == 1 else f"{min(values)}–{max(values)}"
               for page, values in found.items()}
    known = sorted(found)
    for before, after in itertools.pairwise(known):
        step = found[before][0] - before
        if found[after][0] - after == step and len(found[before]) == len(found[after]) == 1:
            numbers.update({page: str(page + step) for page in range(before + 1, after)})
    return dict(sorted(numbers.items()))
