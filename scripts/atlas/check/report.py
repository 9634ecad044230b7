"""Conversion report: every character of the source is either in the model or counted as noise, and
the structure warnings of ``diagnose`` (where the outline found looks implausible).

Characters are compared as multisets of non-whitespace characters after
normalisation, so joining lines and moving a footnote to the page end are
allowed, but losing or inventing a single character is not.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model.document import Document, block_text, title_marks
from ..text.normalize import ink
from ..text.page_furniture import FURNITURE_KINDS
from .diagnose import Warning, warnings


@dataclass
class DocumentReport:
    id: str
    chars_in: int
    chars_out: int
    chars_dropped: int
    dropped_lines: dict[str, int]
    headings: int
    paragraphs: int
    lists: int
    tables: int
    footnotes: int
    lost: str = ""
    invented: str = ""
    warnings: list[Warning] = field(default_factory=list)
    plain_pages: list[int] = field(default_factory=list)  # PDF pages read as plain text
    plain_text: bool = False  # the whole document read as plain text (its structure lost text)
    replaced: int = 0  # characters the output cannot hold, shown as U+FFFD
    bullets: int = 0  # private-use bullets shown as 「・」
    messages: dict[str, int] = field(default_factory=dict)  # the PDF libraries' messages, by kind
    pdf: bool = False  # read from a PDF (checked against its text layer)

    @property
    def conserved(self) -> bool:
        return not self.lost and not self.invented


@dataclass(frozen=True)
class Refusal:
    """A document that could not be converted (no text layer, a password, a broken file) and why."""

    id: str
    reason: str  # the file as the catalog names it, and the problem: for the report page
    message: str = ""  # the file's full path and the problem: for the command's output


def model_text(document: Document) -> str:
    parts: list[str] = [block_text(b) for b in document.preamble]
    for section in document.all_sections():
        parts.append(section.number + section.title + title_marks(section))  # readers give the title without its number
        parts.extend(block_text(b) for b in section.blocks)
    parts.extend(note.label + note.text for note in document.footnotes)
    return "\n".join(parts)


def conservation(document: Document) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """The source's characters, the output's, and the noise's (lines counted as furniture).

    A PDF's source is its text layer as the PDF library reports it, not the reader's lines: a
    character the layout or the structure changes (」 read as 「) shows like one they drop.  A
    text's source is its lines, body and noise."""
    noise = ink("\n".join(line.text for line in document.lines if line.kind in FURNITURE_KINDS))
    output = ink(model_text(document))
    if document.reading.text_layer:
        return ink(document.reading.text_layer), output, noise
    return ink("\n".join(line.text for line in document.lines if line.kind == "body")) + noise, output, noise


def differences(document: Document) -> tuple[str, str]:
    """(lost, invented): characters of the source neither in the output nor counted as noise, and
    characters of the output and noise the source does not have."""
    source, output, noise = conservation(document)
    kept = output + noise
    return "".join(sorted((source - kept).elements())), "".join(sorted((kept - source).elements()))


def document_report(document: Document) -> DocumentReport:
    dropped_lines = Counter(line.kind for line in document.lines if line.kind in FURNITURE_KINDS)
    source, output, noise = conservation(document)
    lost, invented = differences(document)
    blocks = list(document.preamble) + [b for s in document.all_sections() for b in s.blocks]
    kinds = Counter(type(b).__name__ for b in blocks)
    return DocumentReport(
        id=document.meta.id,
        chars_in=sum(source.values()),
        chars_out=sum(output.values()),
        chars_dropped=sum(noise.values()),
        dropped_lines=dict(sorted(dropped_lines.items())),
        headings=len(document.all_sections()),
        paragraphs=kinds["Paragraph"],
        lists=kinds["ListBlock"],
        tables=kinds["Table"],
        footnotes=len(document.footnotes),
        lost=lost,
        invented=invented,
        warnings=warnings(document),
        plain_pages=list(document.reading.plain_pages),
        plain_text=document.reading.plain_text,
        replaced=document.reading.replaced,
        bullets=document.reading.bullets,
        messages=dict(document.reading.messages),
        pdf=bool(document.reading.text_layer),
    )
