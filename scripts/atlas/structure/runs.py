"""Runs: which lines form a block other than a paragraph, and the block they give.

A table's tab-separated rows, a meeting's particulars (日時：…, 場所：…), a range the catalog keeps
as printed, a flattened table's numbered rows or cells, a PDF's cover, a figure's labels and the
footnotes under a rule are each read as a run of lines. Each reader here is a function of the
lines and the index the run starts at (and the little else it needs, passed in): it returns the
block or blocks the run gives and the index after it. The structure step only chooses which
reader the line calls for (reading_steps.READING_STEPS) and adds what it returns; none of them
decides a heading.
"""

from __future__ import annotations

import re

from ..model.document import Footnote, Line, Paragraph, SourceSpan, Table
from ..text.numbering import CLOSING, LIST_MARKER, display_width, heading_of, item_starts, join_text
from .flattened import NUMBERED_ROW
from .slides import wraps_on
from .typeset import BLOCK_GAP

# A footnote's definition: its number (or ＊N) and its text.
FOOTNOTE_DEF = re.compile(r"(?P<label>\d{1,3}|＊\d{1,3}|\*\d{1,3})\s+(?P<text>\S.*)")
# A meeting's particular on its line: 「日時：令和3年4月14日（水）18:00～20:45」, also numbered and
# set apart by spaces instead of a colon: 「第1 日 時 令和4年6月15日（水）」「1. 場 所 中央合同庁舎…」.
# The label is followed by its value on the same line; a label alone (「3.出席者」 over a roster)
# heads what follows.
_PARTICULAR_LABEL = r"(?:開催)?日\s*時|場\s*所|会\s*場|出\s*席\s*者|出席委員|欠\s*席\s*者|議\s*題|議\s*事|配付資料"
PARTICULAR = re.compile(
    rf"(?P<label>(?:(?:第\s*\d{{1,2}}|\d{{1,2}}\s*[.．])\s*)?(?:{_PARTICULAR_LABEL})(?:\s*[:：]|(?=\s)))"
    r"\s*(?P<value>\S.*)"
)
# A line cut on a comma or a particle goes on on the next line, in a table's cell too (「岡田淳弁護士、」 /
# 「生貝直人一橋大学教授、」), unless that line opens a row or an item of its own.
_CUT_MID_SENTENCE = re.compile(r"[、，をにのがはへでもや]$")
# Two tables' boxes that overlap by at most this many points (their rules' width) stand side by side.
SIDE_BY_SIDE = 2.0
_GOES_ON = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff]")


def next_content(lines: list[Line], index: int, max_blanks: int = 3) -> int | None:
    """The index of the next body line after ``index`` across at most ``max_blanks`` blank lines."""
    probe, blanks = index + 1, 0
    while probe < len(lines) and lines[probe].kind == "blank":
        blanks += 1
        probe += 1
    if probe >= len(lines) or blanks > max_blanks or lines[probe].kind != "body":
        return None
    return probe


# -- tables ---------------------------------------------------------------------------------------


def read_table(lines: list[Line], index: int) -> tuple[Table, int]:
    """Tab-separated rows as a table (a blank line between two rows does not end it).

    A PDF table that goes on over a page break with the same columns is one table: the page's
    furniture between (its number, a running line) does not end it.  Where the new page's first
    row has nothing in its first column while every other row below the header has something there
    (each row's label printed once, where the row begins), it is the rest of the row the break
    cut: its cells go on the cells above.  A table whose first column is empty in rows of its own
    (a label merged over several rows) shows no such cut."""
    rows: list[list[str]] = []
    row_lines: list[int] = []
    page_tops: set[int] = set()  # the rows that open a page after the table's first
    row_indices: list[int] = []
    last_before: int | None = None  # the table's last row on the page before the current row's
    start = end = lines[index].number
    while index < len(lines):
        line = lines[index]
        if line.kind == "blank" and index + 1 < len(lines) and "\t" in lines[index + 1].text:
            index += 1
            continue
        if rows and line.kind in PAGE_FURNITURE:
            after = _table_goes_on(lines, index, rows)
            if after is None:
                break
            index = after
            continue
        if line.kind != "body" or "\t" not in line.text:
            break
        if rows and _beside(lines[row_indices[-1]], line):
            break  # the next table of the page, set beside this one
        # A row opens a page when the row above stands on an earlier one (a running head may open
        # the page before it).
        if rows and line.layout is not None and line.page > lines[row_indices[-1]].page:
            page_tops.add(len(rows))
            last_before = len(rows) - 1
        cells = [cell.strip() for cell in line.text.split("\t")]
        if last_before is not None:  # measured against the table's last row on the page before
            cells = _with_columns_left_open(lines[row_indices[last_before]], len(rows[last_before]), line, cells)
        rows.append(cells)
        row_indices.append(index)
        row_lines.append(line.number)
        end = line.number
        index += 1
    rows, row_lines = _rows_cut_by_pages(rows, row_lines, page_tops)
    return Table(rows, SourceSpan(start, end), row_lines=row_lines), index


def _beside(row: Line, other: Line) -> bool:
    """Whether two PDF table rows stand on one page in boxes side by side (no column shared): two
    tables set next to each other (a spreadsheet's blocks, a pair of lists), read one after the
    other, are two tables, not one whose rows change their columns half-way.  A header ruled as a
    grid of its own over its body overlaps the body's columns and goes on with it."""
    if row.layout is None or other.layout is None or row.page != other.page:
        return False
    return other.layout.x0 >= row.layout.x1 - SIDE_BY_SIDE or other.layout.x1 <= row.layout.x0 + SIDE_BY_SIDE


def _with_columns_left_open(row: Line, width: int, line: Line, cells: list[str]) -> list[str]:
    """A row going on on the next page with fewer cells than the row above, in a box ending where
    that row's ends but starting further right, with its missing cells on the left (empty): the
    table's first columns are labels merged over the break (a group's name down the side), whose
    rules the next page does not draw, so its grid starts at the next column.  Read as they came,
    its numbers stood under the labels and its names under the numbers."""
    if (row.layout is None or line.layout is None or line.page <= row.page or len(cells) >= width
            or abs(line.layout.x1 - row.layout.x1) > SIDE_BY_SIDE or line.layout.x0 <= row.layout.x0 + SIDE_BY_SIDE):
        return cells
    return [""] * (width - len(cells)) + cells


def _rows_cut_by_pages(rows: list[list[str]], row_lines: list[int],
                       page_tops: set[int]) -> tuple[list[list[str]], list[int]]:
    """The rows with each page-opening row that has no label of its own joined to the row above
    (see read_table): only where no other row past the header lacks its label; and each one whose
    English goes on mid-sentence from the row above (_goes_on_mid_sentence)."""
    def unlabelled(row: int) -> bool:
        return not rows[row][0] and len(rows[row]) == len(rows[row - 1])

    cuts = {row for row in page_tops if unlabelled(row)}
    if any(not rows[row][0] for row in range(1, len(rows)) if row not in cuts):
        cuts = set()
    cuts |= {row for row in page_tops if len(rows[row]) == len(rows[row - 1])
             and _goes_on_mid_sentence(rows[row - 1], rows[row])}
    if not cuts:
        return rows, row_lines
    joined: list[list[str]] = []
    starts: list[int] = []
    for row, (cells, line) in enumerate(zip(rows, row_lines, strict=True)):
        if row in cuts:
            joined[-1] = [_cell_goes_on(above, below) for above, below in zip(joined[-1], cells, strict=True)]
        else:
            joined.append(cells)
            starts.append(line)
    return joined, starts


def _cell_goes_on(above: str, below: str) -> str:
    """A cell the page break cut, joined: after a line break where its rest opens an item of its own
    (numbering.item_starts, counting the items above it: 「(a)…」 on one page, 「(b)…」 on the next)."""
    parts = above.split("\n")
    if above and below and item_starts([*parts, *below.split("\n")])[len(parts)]:
        return f"{above}\n{below}"
    return join_text(above, below)


# An English sentence cut by a page break: the cell above stops on a word or a comma, the cell
# below goes on with a lower-case word (two letters: 「iOS」「e-Gov」 begin no sentence, but they
# are names, not a sentence's next word).
_ENGLISH_CUT = re.compile(r"[A-Za-z,]$")
_ENGLISH_GOES_ON = re.compile(r"[a-z]{2}")


def _goes_on_mid_sentence(above: list[str], below: list[str]) -> bool:
    """Whether a row opening a page is the rest of the row above, cut by the page break though it
    has a label of its own (a label cut too: 「Article 4. Party」／「autonomy and privity of
    contract」): an English sentence in one of its cells goes on from the cell above."""
    return any(_ENGLISH_CUT.search(a) and _ENGLISH_GOES_ON.match(b) for a, b in zip(above, below, strict=True))


# A page's furniture: what stands between a table's last row on one page and its next on the next.
PAGE_FURNITURE = ("page-number", "running-header", "running-footer", "margin-tab", "line-number")


def _table_goes_on(lines: list[Line], index: int, rows: list[list[str]]) -> int | None:
    """The index of the next page's first line when the PDF table whose rows are ``rows`` goes on
    there after the page's furniture at ``index``: that line is the page's first past its furniture
    (a running head may stand above it) and is a row of as many columns as the table's last; None
    when the table ends here."""
    probe = index
    while probe < len(lines) and lines[probe].kind in (*PAGE_FURNITURE, "blank"):
        probe += 1
    if probe >= len(lines):
        return None
    line = lines[probe]
    opens_page = any(lines[k].page_start for k in range(index, probe + 1))
    goes_on = (line.kind == "body" and line.layout is not None and opens_page
               and line.page > lines[index - 1].page and line.text.count("\t") + 1 == len(rows[-1]))
    return probe if goes_on else None


def read_rows(lines: list[Line], index: int, last: int) -> tuple[Paragraph, int]:
    """A run of numbered table rows (flattened.numbered_row_runs) or of cells (flattened.cell_run),
    kept as printed: its line breaks are all the table has left, and joined as prose each row
    would run into the row above."""
    texts: list[str] = []
    rows = 0
    for line in lines[index : last + 1]:
        if line.kind != "body":
            continue
        if NUMBERED_ROW.match(line.text):
            if rows:
                texts.append("")  # a blank line between rows: they stay apart to the eye too
            rows += 1
        elif texts and _CUT_MID_SENTENCE.search(texts[-1]) and _GOES_ON.match(line.text):
            texts[-1] = join_text(texts[-1], line.text)  # a cell's text cut at a comma or particle
            continue
        texts.append(line.text)
    span = SourceSpan(lines[index].number, lines[last].number)
    return Paragraph("\n".join(texts), span, kind="preformatted"), last + 1


# -- a meeting's particulars ----------------------------------------------------------------------


def starts_particulars(lines: list[Line], index: int) -> bool:
    """Whether a meeting's particulars start at ``index``: a particular (日時：…) and another after it."""
    return PARTICULAR.fullmatch(lines[index].text) is not None and particulars_follow(lines, index)


def particulars_follow(lines: list[Line], index: int) -> bool:
    """Whether another meeting particular (場所：…) follows this one (日時：…)."""
    first = lines[index]
    probe = next_content(lines, index, max_blanks=1)
    while probe is not None and _value_goes_on(first, lines[probe]):
        probe = next_content(lines, probe, max_blanks=1)  # the value's own next line (「至 午後4時55分」)
    return probe is not None and PARTICULAR.fullmatch(lines[probe].text) is not None


def read_particulars(lines: list[Line], index: int) -> tuple[Table, int]:
    """A meeting's particulars (日時：…, 場所：…, 出席者：…) as a table of label and value."""
    rows: list[list[str]] = []
    start = end = lines[index].number
    first = lines[index]
    while index < len(lines):
        line = lines[index]
        match = PARTICULAR.fullmatch(line.text) if line.kind == "body" else None
        if match is None and rows and line.kind == "body" and _value_goes_on(first, line):
            rows[-1][1] = join_text(rows[-1][1], line.text)  # 「至 午後4時55分」 under its 日時
            end = line.number
            index += 1
            continue
        if match is None and line.kind != "blank":
            break
        if match is not None:
            rows.append([match["label"], match["value"]])  # the label keeps its number and colon
            end = line.number
        index += 1
    return Table(rows, SourceSpan(start, end)), index


def _value_goes_on(first: Line, line: Line) -> bool:
    """A line set to the right of the particulars' labels, with no space above it, continues the
    value above it."""
    if first.layout is not None and line.layout is not None:
        return (line.layout.x0 > first.layout.x0 + 2 * line.layout.size and line.layout.gap_before <= BLOCK_GAP
                and line.page == first.page and not line.page_start)
    return line.indent >= 4


# -- kept as printed: the catalog's ranges, a cover, a figure's labels -------------------------------


def preformatted_range(ranges: tuple[tuple[int, int], ...], number: int) -> tuple[int, int] | None:
    """The range of line numbers the catalog keeps as printed (hints.preformatted) holding ``number``."""
    for start, end in ranges:
        if start <= number <= end:
            return start, end
    return None


def read_preformatted(lines: list[Line], index: int, bounds: tuple[int, int]) -> tuple[Paragraph, int]:
    """The body lines of a range kept as printed, line by line."""
    texts: list[str] = []
    start = lines[index].number
    while index < len(lines) and lines[index].number <= bounds[1]:
        line = lines[index]
        if line.kind == "body":
            texts.append(line.text)
        index += 1
    return Paragraph("\n".join(texts), SourceSpan(start, bounds[1]), kind="preformatted"), index


def read_cover(lines: list[Line], index: int, cover: frozenset[int]) -> tuple[list[Paragraph], int]:
    """The cover's lines (``cover``: their numbers, slides.cover_lines) as text, no heading — they
    are the document's title, issuer and date: a paragraph per line, a centred title wrapped over
    two lines one (slides.wraps_on)."""
    paragraphs: list[Paragraph] = []
    while index < len(lines) and lines[index].number in cover:
        first = lines[index]
        text, last = first.text, first
        index += 1
        while index < len(lines) and lines[index].number in cover and wraps_on(last, lines[index]):
            last = lines[index]
            text = join_text(text, last.text)
            index += 1
        paragraphs.append(Paragraph(text, SourceSpan(first.number, last.number)))
    return paragraphs, index


def read_figure(lines: list[Line], index: int, slides: bool) -> tuple[Paragraph, int]:
    """A figure's labels (PDF reader), kept together line by line as preformatted text: they are
    the figure's words, searchable, but no sentences to join and no headings. On a slide
    (``slides``) a figure ends with its page."""
    texts: list[str] = []
    start = end = lines[index].number
    page = lines[index].page
    while index < len(lines):
        line = lines[index]
        if line.kind == "body" and (line.layout is None or line.layout.role != "figure"):
            break
        if texts and slides and line.page != page:
            break  # a slide's figure ends with its slide (the next one's title may be drawn in a box)
        if line.kind == "body":
            texts.append(line.text)
            end = line.number
        index += 1
    return Paragraph("\n".join(texts), SourceSpan(start, end), kind="preformatted"), index


# -- footnotes ------------------------------------------------------------------------------------


def read_footnotes(lines: list[Line], index: int, width: int) -> tuple[list[Footnote], int]:
    """Footnote definitions below a footnote rule, or in a PDF's small type at the page foot, up to
    the next page's text (``width``: the text's wrap width, wrap_width). No note read: ([], index)."""
    notes: list[Footnote] = []
    current: Footnote | None = None
    while index < len(lines):
        line = lines[index]
        if line.kind == "blank" and current is not None and note_goes_on_after_blank(lines, current, index, width):
            index += 1  # double-spaced text: a blank line after every line, notes included
            continue
        if line.kind in ("blank", "footnote-rule") or (line.page_start and current is not None):
            break
        if line.layout is None and line.indent >= 2 and current is not None:
            break  # an indented line begins the body's next paragraph (the next page's text)
        if line.layout is not None and line.layout.role != "footnote" and line.kind == "body":
            break
        if line.kind != "body":
            index += 1
            continue
        match = FOOTNOTE_DEF.fullmatch(line.text)
        if match:
            current = Footnote(match["label"], match["text"], SourceSpan(line.number, line.number))
            notes.append(current)
        elif current is not None:
            current.text = join_text(current.text, line.text)
            current.span = current.span.merge(SourceSpan(line.number, line.number))
        else:
            break
        index += 1
    return notes, index


def note_goes_on_after_blank(lines: list[Line], note: Footnote, blank: int, width: int) -> bool:
    """In double-spaced pdftotext text a note's lines stand a blank line apart: after one blank,
    the next note in sequence, or the rest of a note whose line ran to the measure unfinished
    (never an indented line, a page start or a heading: the body's text)."""
    above, below = lines[blank - 1], lines[blank + 1] if blank + 1 < len(lines) else None
    if below is None or below.kind != "body" or below.layout is not None or above.kind != "body":
        return False
    if below.page_start or below.indent >= 2:
        return False
    match = FOOTNOTE_DEF.fullmatch(below.text)
    if match is not None:
        return match["label"].isdigit() and note.label.isdigit() and int(match["label"]) == int(note.label) + 1
    if heading_of(below.text) is not None or LIST_MARKER.fullmatch(below.text):
        return False
    return not above.text.endswith(tuple(CLOSING)) and display_width(above.text) >= width * 0.85
