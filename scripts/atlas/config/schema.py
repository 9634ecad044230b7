"""The data files under ``sources/`` as typed models: what each key is, whether it is required,
its default and the values it allows.

These models are the one description of ``catalog.yml``, ``themes.yml``, ``glossary.yml`` and
``events.yml``: the loaders validate with them (validation.py turns a mistake into one line
naming the file, line and key), ``scripts/write_schemas.py`` publishes them as JSON Schema for
editors and as the key table in README. What a model cannot know by itself (does the source file
exist, are the line numbers inside it, would an id change a published URL) is checked by the
loader that has the files (catalog.py).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, StrictBool
from pydantic_core import PydanticCustomError

from ..model.errors import suggestion
from ..text.labels import KIND_LABELS, kind_label
from ..text.wareki import PartialDate, parse_partial_date

# An id is part of a URL: ASCII words joined by '-', nothing a URL would have to escape.
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PATTERN_PROBLEMS = {ID_PATTERN: "must be lowercase ASCII words joined by '-' (it is part of a URL), like 'dfft-2021'"}


def _kind(value: object) -> str:
    """An English kind with a Japanese label (labels.py), or a kind written in Japanese."""
    if isinstance(value, str) and value.strip() and kind_label(value) is not None:
        return value
    raise PydanticCustomError("kind", "unknown kind {value}{near}; write it in Japanese, or use one of: {known}",
                              {"value": repr(value), "near": suggestion(str(value).lower(), list(KIND_LABELS)),
                               "known": ", ".join(KIND_LABELS)})


# What a document is: an English kind that labels.py names in Japanese, or Japanese as it is.
JAPANESE_PATTERN = r"^[^A-Za-z]+$"  # no Latin letter
JapaneseText = Annotated[str, Field(pattern=JAPANESE_PATTERN, json_schema_extra={
    "patternErrorMessage": "a kind of the list, or the kind in Japanese"})]
Kind = Annotated[str, PlainValidator(_kind, json_schema_input_type=Literal[tuple(KIND_LABELS)] | JapaneseText)]
# pdf: a PDF read with its layout (read_pdf.py); pdf-text: text extracted from a PDF, structure
# guessed (clean.py, structure.py); clean: Atlas clean text, structure as written (read_clean.py).
Format = Literal["pdf", "pdf-text", "clean"]


class _Strict(BaseModel):
    """Unknown keys are mistakes (a misspelt optional key would otherwise be silently ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Text = Annotated[str, Field(min_length=1)]
# patternErrorMessage: what an editor (VS Code's YAML and JSON support) says instead of the pattern.
Id = Annotated[str, Field(pattern=ID_PATTERN, json_schema_extra={"patternErrorMessage": PATTERN_PROBLEMS[ID_PATTERN]})]


def _partial_date(value: object) -> PartialDate:
    """ISO or 和暦, to the day, month or year (YAML reads a bare year as a number)."""
    plain = isinstance(value, (str, int)) and not isinstance(value, bool)
    try:
        return parse_partial_date(str(value) if plain else "")
    except ValueError:
        raise PydanticCustomError(
            "date", "bad date {value} (use 2024-05-21, 2024-05, 2024, 令和6年5月21日 or 令和6年5月)",
            {"value": repr(value)}) from None


# The forms parse_partial_date reads, for editors (digits of either width, spaces between parts).
_D = "[0-9０-９]"
_ERA_YEAR = rf"(?:明治|大正|昭和|平成|令和)\s*(?:元|{_D}{{1,2}})"
DATE_PATTERN = (rf"^(?:\d{{4}}(?:-\d{{2}}(?:-\d{{2}})?)?|(?:{_ERA_YEAR}|{_D}{{4}})"
                rf"\s*年(?:\s*{_D}{{1,2}}\s*月(?:\s*{_D}{{1,2}}\s*日)?)?)$")
DateText = Annotated[str, Field(pattern=DATE_PATTERN, json_schema_extra={
    "patternErrorMessage": "a date such as 2024-05-21, 2024-05, 2024, 令和6年5月21日 or 令和6年5月"})]
Year = Annotated[int, Field(ge=1000, le=9999)]
CatalogDate = Annotated[PartialDate, PlainValidator(_partial_date, json_schema_input_type=DateText | Year)]


def _line_ref(value: object) -> int | str:
    """A hint's line: its number (1 = the file's first line) or its text as printed."""
    if isinstance(value, bool) or not isinstance(value, (int, str)) or value in ("", 0) \
            or (isinstance(value, int) and value < 1):
        raise PydanticCustomError("line_ref", "{value} is neither a line number (1 or more) nor the text of a line",
                                  {"value": repr(value)})
    return value


LineNumber = Annotated[int, Field(ge=1)]
LineRef = Annotated[int | str, PlainValidator(_line_ref, json_schema_input_type=LineNumber | Text)]


def _pair(value: object) -> tuple[Any, Any]:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise PydanticCustomError("line_range", "{value} is not a [first, last] pair", {"value": repr(value)})
    return value[0], value[1]


def _line_span(value: object) -> tuple[int, int]:
    """[first, last] line numbers, first ≤ last."""
    first, last = _pair(value)
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in (first, last)) or first > last:
        raise PydanticCustomError("line_range", "{value} is not [first, last] line numbers with first ≤ last",
                                  {"value": repr(value)})
    return first, last


def _line_range(value: object) -> tuple[int, int] | tuple[str, str]:
    """[first, last] by line numbers, or by the texts of the first and last lines."""
    first, last = _pair(value)
    if isinstance(first, str) and isinstance(last, str) and first and last:
        return first, last
    return _line_span(value)


NumberPair = tuple[LineNumber, LineNumber]
LineSpan = Annotated[tuple[int, int], PlainValidator(_line_span, json_schema_input_type=NumberPair)]
LineRange = Annotated[tuple[int, int] | tuple[str, str],
                      PlainValidator(_line_range, json_schema_input_type=NumberPair | tuple[Text, Text])]


def _http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"\s", value):
        raise PydanticCustomError("url", "{value} is not an http:// or https:// address", {"value": repr(value)})
    return value


Url = Annotated[str, AfterValidator(_http_url), Field(json_schema_extra={
    "format": "uri", "pattern": "^https?://", "patternErrorMessage": "an http:// or https:// address"})]


def _full_date(value: object) -> date:
    """A day: 2026-11-25 (YAML reads it as a date) or the same as text."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("date", "bad day {value} (use the day, like 2026-11-25)", {"value": repr(value)})


DayText = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$", json_schema_extra={
    "format": "date", "patternErrorMessage": "a day such as 2026-11-25"})]
Day = Annotated[date, PlainValidator(_full_date, json_schema_input_type=DayText)]


# ---------------------------------------------------------------------------
# catalog.yml
# ---------------------------------------------------------------------------


class _Entry(_Strict):
    """What a document and a part of a compilation both say about themselves."""

    id: Id = Field(description="Stable ASCII id: the document's URL is `/documents/<id>/`. Never change it once "
                               "published (sources/anchors.lock remembers the published ids).")
    title: Text = Field(description="The title as printed.")
    title_en: str = Field("", description="English title.")
    body: Text = Field(description="The issuing body.")
    date: CatalogDate = Field(description="Date of issue, as precise as it is known: `2024-05-21`, `2024-05`, "
                                          "`2024`, `令和6年5月21日`, `令和6年5月`, `2024年5月`. The precision is kept.")
    date_note: str = Field("", description="Why the date is what it is, when the document prints none (an estimate).")
    kind: Kind = Field(description="What the document is, written in Japanese (shown as written) or in English "
                                   "as one of these, shown in Japanese: "
                                   + ", ".join(f"{k} ({v})" for k, v in KIND_LABELS.items()) + ".")
    source: Text | None = Field(None, description="File in `sources/`: a PDF, text extracted from one, or clean "
                                                  "text. A part reads its compilation's file unless it names its own.")
    summary: Text = Field(description="One line about the document.")
    url: Url | None = Field(None, description="The issuer's official address of the document (http or https). "
                                              "Never guessed: leave it out when it is not known.")
    added: Day | None = Field(None, description="The day the document was added to the Atlas (`2026-11-25`): the "
                                                "feed and the 新着 list. Default: the day the source file was first "
                                                "committed (a part: its compilation's day); never guessed.")
    format: Format | None = Field(None, description="How to read `source`: `pdf` (a PDF read with its layout), "
                                                    "`pdf-text` (text extracted from a PDF) or `clean` (Atlas clean "
                                                    "text, see README). Default: `pdf` for a `.pdf` file, else "
                                                    "`pdf-text`.")
    slides: StrictBool = Field(False, description="A slide deck: one section per slide (found by itself for landscape "
                                            "PDFs and for text whose pages hold little text).")
    slide_titles: list[LineRef] = Field(default_factory=list, description="Slide titles that extraction moved away "
                                        "from the top of their slide: each the line's text (or its number).")
    preformatted: list[LineRange] = Field(default_factory=list, description="Flattened tables whose columns cannot "
                                          "be recovered, kept as they are: `[first, last]` lines by text (or number).")
    not_headings: list[LineRef] = Field(default_factory=list, description="Lines that look like headings but are "
                                        "not: each the line's text (or its number).")
    lines: LineSpan | None = Field(None, description="`[first, last]` lines of the file this document is (a part of "
                                                     "a compilation). A part with its own `source`: the compilation "
                                                     "lines that file stands for.")
    edition: str = Field("", description="Which edition of its work this document is, as printed: `Ver. 2.0`, "
                                         "`2024年度版`, `改訂版` (default: its date, `2024年7月版`). "
                                         "Shown on its page.")
    edition_of: Id | None = Field(None, description="The id of the edition this document replaces (the one just "
                                                    "before it): the two are editions of one work, each page links "
                                                    "the other and a comparison page shows what changed.")


class Part(_Entry):
    """A document printed inside a compilation: its lines of the compilation's file, or its own file."""


class Document(_Entry):
    """One document of the catalog."""

    source: Text = Field(description="File in `sources/`: a PDF, text extracted from one, or clean text.")
    parts: list[Part] = Field(default_factory=list, description="A compilation: each part a document of its own, by "
                                                                "`lines` of this file (the parts cover every line).")


class Catalog(_Strict):
    """sources/catalog.yml: the documents of the Digital Policy Atlas."""

    documents: list[Document] = Field(min_length=1, description="The documents, each with its keys.")


# ---------------------------------------------------------------------------
# themes.yml, glossary.yml, events.yml
# ---------------------------------------------------------------------------


class AmbiguousTerms(_Strict):
    """Words that signal the theme only in its context: コンテンツ is a work of the content industry
    beside 著作権 or クリエイター, and a web page's or an app's contents beside 市のお知らせ."""

    terms: list[Text] = Field(min_length=1, description="The ambiguous words (matched like `terms`).")
    with_: list[Text] = Field(default_factory=list, alias="with",
                              description="Words that make them count: in the section (heading or text) or in its "
                                          "document's title, beside any of the theme's `terms`.")
    why: Text = Field(description="What else the words mean, so a reader sees why they need context.")


class Theme(_Strict):
    """A theme that runs through the documents."""

    id: Id = Field(description="ASCII id: the theme's page is `/themes/<id>/`.")
    short: str = Field("", description="A short label for table columns (default: `ja`).")
    ja: Text = Field(description="Japanese name.")
    en: Text = Field(description="English name.")
    definition: Text = Field(description="One-line definition.")
    terms: list[Text] = Field(min_length=1, description="Words and variants that signal the theme (matched after "
                                                        "width, case and kana folding; a Latin term as a whole word).")
    ambiguous: list[AmbiguousTerms] = Field(default_factory=list, description="Words that count only in the "
                                                                           "theme's context (see AmbiguousTerms).")
    related: list[Id] = Field(default_factory=list, description="Ids of related themes.")


class Themes(_Strict):
    """sources/themes.yml: a curated taxonomy of themes."""

    themes: list[Theme] = Field(description="The themes.")


class GlossaryTerm(_Strict):
    """An abbreviation or term explained where it occurs and on the glossary page."""

    term: Text = Field(description="As written in the documents (matched as a whole word).")
    title: Text = Field(description="The expansion or a short definition (plain text).")


class Glossary(_Strict):
    """sources/glossary.yml: abbreviations and terms."""

    glossary: list[GlossaryTerm] = Field(description="The terms.")


class Event(_Strict):
    """An event the documents refer to, on the timeline page."""

    date: CatalogDate = Field(description="`2019-01-23`, or `2019-01` where the day does not matter or is not "
                                          "certain (和暦 works too).")
    title: Text = Field(description="What happened.")
    terms: list[Text] = Field(default_factory=list, description="Words whose sections are linked as the passages "
                                                                "that mention the event.")


class Events(_Strict):
    """sources/events.yml: events for the timeline."""

    events: list[Event] = Field(description="The events.")


# Each data file, its model and the key that names one of its items in an error message.
FILES: dict[str, tuple[type[BaseModel], str]] = {
    "catalog.yml": (Catalog, "id"),
    "themes.yml": (Themes, "id"),
    "glossary.yml": (Glossary, "term"),
    "events.yml": (Events, "title"),
}
