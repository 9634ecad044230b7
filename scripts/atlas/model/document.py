"""The typed document model: the contract between the converter's steps.

Readers and transforms build these objects; writers only read them.  Every
block keeps the source lines it came from (``SourceSpan``) so that pages can
link back to the source text and the conservation check can account for
every character.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import assert_never


@dataclass(frozen=True)
class SourceSpan:
    """Inclusive 1-based line range in the document's source file."""

    start: int
    end: int

    def merge(self, other: SourceSpan) -> SourceSpan:
        return SourceSpan(min(self.start, other.start), max(self.end, other.end))


@dataclass(frozen=True)
class Layout:
    """How a line was set on its PDF page: the evidence a text extraction throws away.

    Only the PDF reader fills it; the structure step uses it where present and falls back to
    text cues where not.  Lengths are in points, measured from the page's top-left corner.
    """

    x0: float
    x1: float
    top: float
    size: float  # the line's font size (its most common)
    bold: bool = False  # a bold or heavy face
    gothic: bool = False  # a sans-serif face: Japanese headings are often Gothic at body size
    font: str = ""  # the face's name, without its subset tag
    column_x0: float = 0.0  # the text column the line stands in
    column_x1: float = 0.0
    gap_before: float = 0.0  # blank space above the line, in body line heights
    # "footnote" (small text at a page foot), "figure" (a label inside a figure), "outline-N" (a
    # bookmark of depth N), "label" (a label in a row of a drawn diagram's boxes), "side" (one line
    # of type set down the margin of a horizontal page: a side title, a chapter's tab)
    role: str = ""
    # Set alone in a drawn bar one line tall (a heading's label box: 「１．基本的考え方」 on a dark band)
    bar: bool = False
    # Note marks set raised (superscript digits): (text before, digits, text after) on the line
    raised: tuple[tuple[str, str, str], ...] = ()
    # Words struck through on the page (見え消し), in the line's order: each as (the few characters
    # just before it on the line, the struck words), so that it can be found again in its block.
    struck: tuple[tuple[str, str], ...] = ()
    # A table row's words struck through, cell by cell: each as (the cell's place among the row's
    # cells, the few characters just before it in the cell's line, the struck words).
    cell_struck: tuple[tuple[int, str, str], ...] = ()
    # Underlined from its first words to its last (a leading number or mark aside): a word processor's
    # way to set a title apart at the body's face and size, as others set it in bold.
    underlined: bool = False
    # Its Latin letters in a typewriter face (Courier, Consolas…): the face of code and commands, which
    # a sample's lines keep as printed (structure/code_samples.py); some Word documents set every
    # Latin letter of their prose in it too.
    typewriter: bool = False


@dataclass(frozen=True)
class Line:
    """One source line after normalisation, with its classification.

    ``kind`` is ``"body"`` for content, ``"blank"`` for empty lines, or the
    name of the furniture it was recognised as (``"page-number"``, ``"toc"``,
    ``"slide-residue"``, ``"running-header"``...: text/page_furniture.py's
    ``FURNITURE_KINDS``).  Furniture is kept, not
    deleted, so the report can count it.  ``page_start`` marks the first line
    of a page (a form feed, or in older extractions one leading space).
    """

    number: int
    text: str
    kind: str = "body"
    page_start: bool = False
    indent: int = 0  # leading spaces in the source: two or more start a paragraph
    raw: str = ""  # the line as decoded from the source file, before normalisation
    layout: Layout | None = None  # PDF sources: where and how the line was set
    page: int = 0  # 1-based page in the source when it has form feeds (page starts); 0 when unknown


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote marker that stood at ``offset`` in its block's text (now removed)."""

    offset: int
    label: str
    key: str = ""  # the note's key (Footnote.key) when its label repeats in the document


@dataclass(frozen=True)
class InlineLink:
    """A range of a block's text that links somewhere or is marked: ``target`` is "theme:<id>",
    "abbr:<term>" or ``DELETED`` (words the source strikes out: shown struck through, never linked)."""

    offset: int
    length: int
    target: str


DELETED = "deleted"


@dataclass(frozen=True)
class CellLink:
    """An inline mark in one cell of a table (``Table.links``): ``link`` as a paragraph's, its offset
    in the text of the cell at ``row`` and ``column`` of the table's rows."""

    row: int
    column: int
    link: InlineLink


@dataclass(frozen=True)
class RelatedSection:
    """A section of another document on the same subject (see themes.relate_sections)."""

    document: str
    anchor: str
    score: float


@dataclass
class Paragraph:
    text: str
    span: SourceSpan
    kind: str = "paragraph"  # "paragraph" | "caption" | "preformatted" | "code" (a sample in a typewriter face)
    refs: list[FootnoteRef] = field(default_factory=list)
    links: list[InlineLink] = field(default_factory=list)
    anchor: str = ""  # its permalink id ("2-1-p3"), set by anchors.assign_block_ids


@dataclass
class Figure(Paragraph):
    """A figure the PDF page draws (an image, or a drawing with its labels): ``text`` holds the words
    set inside it (chart ticks, legend names, box labels), so that they are read and counted but are
    no headings or sentences; ``image`` is the file its region is rendered to (figures.py), relative
    to the document's pages; ``alt`` its caption, the image's alternative text."""

    kind: str = "figure"
    page: int = 0  # the PDF page (1-based)
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # x0, top, x1, bottom in points
    image: str = ""
    alt: str = ""
    size: tuple[int, int] = (0, 0)  # the rendered image's width and height in pixels


@dataclass
class ListItem:
    marker: str
    text: str
    span: SourceSpan
    refs: list[FootnoteRef] = field(default_factory=list)
    links: list[InlineLink] = field(default_factory=list)
    anchor: str = ""  # its permalink id, set by anchors.assign_block_ids


@dataclass
class ListBlock:
    items: list[ListItem]
    span: SourceSpan
    ordered: bool = False


@dataclass
class Table:
    rows: list[list[str]]
    span: SourceSpan
    header: bool = False
    anchor: str = ""  # its permalink id, set by anchors.assign_block_ids
    # The source line each row begins on (a PDF table's rows may stand on several pages: the
    # writer marks where a page begins among them); empty where the reader does not say.
    row_lines: list[int] = field(default_factory=list)
    # Marks in its cells (only ``DELETED`` so far: words a correction strikes out in a cell), the
    # cells' text unchanged, so that search and counting read every word.
    links: list[CellLink] = field(default_factory=list)


@dataclass
class Footnote:
    label: str
    text: str
    span: SourceSpan
    # Where notes are numbered per page or chapter, a label repeats: the second "1" is keyed
    # "1-2", the third "1-3" (the writer's footnote ids); "" for a label met once so far.
    key: str = ""

    @property
    def id(self) -> str:
        return self.key or self.label


Block = Paragraph | ListBlock | Table


@dataclass
class Heading:
    """A heading as a reader found it: ``rank`` orders numbering schemes (lower = outer)."""

    title: str
    rank: int
    number: str
    span: SourceSpan
    # A footnote's mark printed at the title's end (「…（GPAI3）」), linked by the notes step.
    refs: list[FootnoteRef] = field(default_factory=list)


@dataclass(frozen=True)
class OutOfOrder:
    """A numbered line not taken for a heading because its number does not follow the last one of
    its numbering (「3．…」 after 「5．…」): a list in the text, or a heading the reader should check."""

    line: int  # its source line
    text: str
    after: str  # the number it came after ("5")


@dataclass
class Draft:
    """What a reader produces: headings and blocks in reading order, before nesting."""

    items: list[Heading | Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    out_of_order: list[OutOfOrder] = field(default_factory=list)


@dataclass
class Section:
    """A heading and what stands under it.

    ``number`` is the section's own numbering as printed (``"2．1"``,
    ``"（１）"``, ``"ア．"``); ``anchor`` is the stable ASCII id derived from
    the numbering path (see ``structure.assign_anchors``).
    """

    title: str
    level: int
    span: SourceSpan
    number: str = ""
    anchor: str = ""
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)  # tagged theme ids, strongest first
    theme_scores: dict[str, int] = field(default_factory=dict)
    related: list[RelatedSection] = field(default_factory=list)
    # The anchor of the section whose page shows this one ("" = the document's own page); set by
    # layout.paginate once anchors are final.
    page: str = ""
    # Footnote references at the title's end (its offsets count in ``title``): the heading's marks.
    refs: list[FootnoteRef] = field(default_factory=list)

    def walk(self) -> list[Section]:
        """This section and all its descendants, in reading order."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found


@dataclass
class DocumentMeta:
    id: str
    title: str
    body: str
    date: date
    kind: str
    source: str
    summary: str
    lines: tuple[int, int] | None = None  # part of a compilation: line range
    # A part of a compilation given as its own (corrected) file: the compilation lines it stands for.
    replaces: tuple[int, int] | None = None
    parent: str | None = None  # id of the compilation this part belongs to
    title_en: str = ""
    date_note: str = ""  # why the date is what it is, when the source does not print it
    format: str = "pdf-text"  # "pdf-text": extracted from a PDF; "clean": Atlas clean text (read_clean.py)
    date_precision: str = "day"  # "day", "month" or "year": how much of `date` the source gives
    url: str = ""  # the issuer's official address of the document; empty when not known
    edition: str = ""  # which edition of its work this is, as printed ("Ver. 2.0"); "" when not given
    edition_of: str = ""  # id of the edition this one replaces (catalog `edition_of`); "" for a first edition
    added: date | None = None  # the day the document joined the Atlas (catalog, or the source's first commit)


@dataclass
class Reading:
    """How a PDF's text was read, for the conversion report: its text layer as the PDF library
    reports it (what the output is checked against), the pages whose layout was set aside, the
    characters replaced, the libraries' messages.  Empty for a text source (its lines are the
    reference)."""

    text_layer: str = ""
    plain_pages: list[int] = field(default_factory=list)
    replaced: int = 0  # characters the output cannot hold (lone surrogates, controls), as U+FFFD
    bullets: int = 0  # private-use bullets, as 「・」
    messages: dict[str, int] = field(default_factory=dict)  # the libraries' messages, by kind
    plain_text: bool = False  # the structure would have lost text: the document is read page by page


@dataclass
class Document:
    meta: DocumentMeta
    preamble: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    out_of_order: list[OutOfOrder] = field(default_factory=list)  # see Draft.out_of_order
    reading: Reading = field(default_factory=Reading)
    page_labels: dict[int, str] = field(default_factory=dict)  # PDF page → its printed number (page_labels.py)

    def all_sections(self) -> list[Section]:
        found: list[Section] = []
        for section in self.sections:
            found.extend(section.walk())
        return found

    def page_of(self, line_number: int) -> int | None:
        """The PDF page a source line stands on (None for text sources)."""
        if not self.lines or self.lines[0].layout is None:
            return None
        index = line_number - self.lines[0].number
        return self.lines[index].page if 0 <= index < len(self.lines) else None

    @cached_property
    def text_length(self) -> int:
        """Characters of text in the document's sections (computed once: writers ask often)."""
        return sum(len(block_text(block)) for section in self.all_sections() for block in section.blocks)


def section_heading(section: Section) -> str:
    """The heading as printed: its number (if any) and its title."""
    if section.number and not section.title.startswith(section.number):
        # "1．データ" and "（1）知財" as printed; a number without its own stop ("1.", "2.1",
        # "第2章", "一", "第1", "ア" printed with a full-width space) takes a space.
        sep = "" if section.number[-1] in "．）】〇○◯―" else " "
        return f"{section.number}{sep}{section.title}"
    return section.title


# Every function below that takes a Block dispatches with ``match`` and ends in assert_never: a new
# kind of block fails there (and in a type checker) until each of them, and each writer, knows it.


def _marks(refs: list[FootnoteRef]) -> str:
    """The note marks printed after a text (「※1」, 「1」), as they stood in the source."""
    return "".join(ref.label for ref in refs)


def title_marks(section: Section) -> str:
    """The note marks printed after a section's title (「3」 of 「…（GPAI3）」), as in the source."""
    return _marks(section.refs)


def block_text(block: Block, marks: bool = True) -> str:
    """All the words of a block, list markers and cells included, for counting and search: lines
    for list items and table rows, tabs between cells; with the note marks unless ``marks`` is off."""
    match block:
        case Paragraph():
            return block.text + (_marks(block.refs) if marks else "")
        case ListBlock():
            return "\n".join(item.marker + item.text + (_marks(item.refs) if marks else "") for item in block.items)
        case Table():
            return "\n".join("\t".join(row) for row in block.rows)
        case _:
            assert_never(block)


def block_pieces(block: Block) -> list[str]:
    """The block's own words piece by piece, for finding words in it: a paragraph's text, each
    list item's text (its marker apart), each table cell; no note marks."""
    match block:
        case Paragraph():
            return [block.text]
        case ListBlock():
            return [item.text for item in block.items]
        case Table():
            return [cell for row in block.rows for cell in row]
        case _:
            assert_never(block)


def block_refs(block: Block) -> list[FootnoteRef]:
    """The note references of a block (a list's, item by item); a table has none."""
    match block:
        case Paragraph():
            return list(block.refs)
        case ListBlock():
            return [ref for item in block.items for ref in item.refs]
        case Table():
            return []
        case _:
            assert_never(block)


def section_text(section: Section) -> str:
    """A section's own words (not its subsections'), piece by piece on lines (``block_pieces``):
    what themes are found in and excerpts are cut from."""
    return "\n".join(piece for block in section.blocks for piece in block_pieces(block))


def inline_targets(section: Section) -> list[Paragraph | ListItem]:
    """Paragraphs and list items of a section: where inline links may go (not headings,
    tables, captions or preformatted text)."""
    targets: list[Paragraph | ListItem] = []
    for block in section.blocks:
        if isinstance(block, Paragraph) and block.kind == "paragraph":
            targets.append(block)
        elif isinstance(block, ListBlock):
            targets.extend(block.items)
    return targets


def range_is_free(target: Paragraph | ListItem, begin: int, end: int) -> bool:
    """Whether an inline mark may cover [begin, end): no other mark overlaps it and no
    footnote reference stands inside it."""
    if any(begin < link.offset + link.length and link.offset < end for link in target.links):
        return False
    return not any(begin < ref.offset < end for ref in target.refs)
