"""The hand-checked reference outlines (tests/outlines/*.yml) are well formed and say what the documents print.

They are the yardstick for heading recall and precision, so a typo in one would silently cost the converter a
hit. Each heading's text must occur on the page it names, compared the way the matching compares (width, case and
spaces folded): in the document's pdftotext text (../shared/corpus/<id>.txt, a form feed at each page start) or,
where pdftotext's reading order splits a number from its title or runs two columns into each other, in the PDF
page's characters in drawing order without superscript footnote marks. Checks against the corpus skip when it is
absent (a fresh clone).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
OUTLINES = ROOT / "tests" / "outlines"
CORPUS = ROOT.parent / "shared" / "corpus"
FILES = sorted(OUTLINES.glob("*.yml"))


def fold(text: str) -> str:
    """Width, case and spaces folded, as the heading matching compares."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


@functools.cache
def drawn_text(pdf_path: Path, page_number: int) -> str:
    """The page's characters in the order the PDF draws them, superscript footnote digits left out, folded."""
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(pdf_path) as pdf:
        chars = pdf.pages[page_number - 1].chars
    kept = []
    for i, char in enumerate(chars):
        neighbours = [chars[j]["size"] for j in (i - 1, i + 1) if 0 <= j < len(chars)]
        # A digit set clearly smaller than the text around it is a footnote mark, not part of a title.
        if char["text"].isdigit() and neighbours and char["size"] < 0.85 * max(neighbours):
            continue
        kept.append(char["text"])
    return fold("".join(kept))


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_there_are_outlines() -> None:
    assert len(FILES) >= 7


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_outline_is_well_formed(path: Path) -> None:
    data = load(path)
    assert data["document"] == path.stem
    assert data["where"] in {"corpus", "sources"}
    headings = data["headings"]
    assert headings, "an outline lists at least one heading"
    # A corpus document's headings name their PDF page; a project document's their source line.
    where = "page" if data["where"] == "corpus" else "line"
    previous_level, previous_where = 0, 1
    for heading in headings:
        assert set(heading) == {"level", "text", where}, heading
        assert isinstance(heading["text"], str) and heading["text"].strip(), heading
        # A heading may close any number of levels but open only one: level 3 straight under level 1 is a typo.
        assert 1 <= heading["level"] <= previous_level + 1, heading
        # Headings are listed in reading order, so their pages (lines) never go back.
        assert heading[where] >= previous_where, heading
        previous_level, previous_where = heading["level"], heading[where]


@pytest.mark.parametrize("path", [p for p in FILES if load(p)["where"] == "corpus"], ids=lambda p: p.stem)
def test_each_heading_is_printed_on_its_page(path: Path) -> None:
    data = load(path)
    source = CORPUS / f"{data['document']}.txt"
    if not source.exists():
        pytest.skip(f"{source} is absent (fresh clone without ../shared/corpus)")
    # pdftotext starts every page after the first with a form feed.
    pages = [fold(page) for page in source.read_text(encoding="utf-8").split("\f")]
    missing = [
        heading for heading in data["headings"]
        if fold(heading["text"]) not in pages[heading["page"] - 1]
        and fold(heading["text"]) not in drawn_text(source.with_suffix(".pdf"), heading["page"])
    ]
    assert not missing, f"not found on the page named: {missing}"


@pytest.mark.parametrize("path", [p for p in FILES if load(p)["where"] == "sources"], ids=lambda p: p.stem)
def test_each_heading_of_a_project_document_starts_on_its_line(path: Path) -> None:
    """The line a heading names holds its beginning (a label and its title may stand a few lines apart)."""
    from atlas.config.catalog import load_catalog
    from atlas.text.normalize import normalize_chars

    data = load(path)
    entries = {item.meta.id: item for entry in load_catalog(ROOT / "sources") for item in [entry, *entry.parts]}
    source = ROOT / "sources" / entries[data["document"]].meta.source
    lines = source.read_text(encoding="utf-8").split("\n")
    missing = []
    for heading in data["headings"]:
        printed = fold(normalize_chars("".join(lines[heading["line"] - 1 : heading["line"] + 6])))
        if fold(normalize_chars(heading["text"]))[:6] not in printed:
            missing.append(heading)
    assert not missing, f"not found at the line named: {missing}"
