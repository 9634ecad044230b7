"""The document model round-trips through JSON (scripts/atlas/model/serialize.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from atlas.model.document import (
    DELETED,
    CellLink,
    Document,
    DocumentMeta,
    Footnote,
    FootnoteRef,
    InlineLink,
    Layout,
    Line,
    ListBlock,
    ListItem,
    Paragraph,
    Section,
    SourceSpan,
    Table,
)
from atlas.model.serialize import FORMAT_VERSION, ModelFormatError, from_json, to_json

ROOT = Path(__file__).resolve().parent.parent


def test_every_real_document_round_trips(documents: dict[str, Document]) -> None:
    for doc in documents.values():
        text = to_json(doc)
        assert from_json(text) == doc, doc.meta.id


def test_blocks_carry_a_type_tag_and_dates_are_iso(documents: dict[str, Document]) -> None:
    doc = documents["digital-nippon-2024"]
    data = json.loads(to_json(doc))
    assert data["format"] == FORMAT_VERSION
    assert data["value"]["meta"]["date"] == "2024-05-21"
    tags = {block["type"] for section in data["value"]["sections"] for block in section["blocks"]}
    assert "Paragraph" in tags
    assert tags <= {"Paragraph", "ListBlock", "Table"}


def _small_document() -> Document:
    span = SourceSpan(3, 4)
    layout = Layout(x0=10.5, x1=300.0, top=72.0, size=10.5, gothic=True, role="outline-1",
                    cell_struck=((1, "", "B"),))
    return Document(
        meta=DocumentMeta(id="x", title="表題", body="内閣府", date=date(2024, 5, 1), kind="report",
                          source="x.pdf", summary="要約", lines=(3, 9), date_precision="month"),
        preamble=[Paragraph("前文", span)],
        sections=[Section(
            title="総則", level=1, span=span, number="第1", anchor="1",
            blocks=[
                Paragraph("本文である。", span, refs=[FootnoteRef(5, "1", "1-2")]),
                ListBlock([ListItem("・", "項目", span)], span, ordered=False),
                Table([["項目", "内容"], ["A", "B"]], span, header=True,
                      links=[CellLink(1, 1, InlineLink(0, 1, DELETED))]),
            ],
            children=[Section(title="細則", level=2, span=span, anchor="1-1")],
            theme_scores={"ai": 3},
        )],
        footnotes=[Footnote("1", "注記", span, key="1-2")],
        lines=[Line(3, "総則", layout=layout, page=2), Line(4, "", kind="blank")],
    )


def test_a_document_with_every_kind_of_value_round_trips() -> None:
    doc = _small_document()
    back = from_json(to_json(doc))
    assert back == doc
    assert back.meta.lines == (3, 9)  # a tuple again, not a list
    assert isinstance(back.sections[0].blocks[2], Table)
    assert back.sections[0].blocks[2].links == [CellLink(1, 1, InlineLink(0, 1, DELETED))]  # a cell's mark
    assert back.lines[0].layout == doc.lines[0].layout


def test_another_format_version_is_refused_in_one_line() -> None:
    data = json.loads(to_json(_small_document()))
    data["format"] = FORMAT_VERSION + 1
    with pytest.raises(ModelFormatError, match="format"):
        from_json(json.dumps(data))


def test_an_unknown_block_type_is_refused() -> None:
    data = json.loads(to_json(_small_document()))
    data["value"]["sections"][0]["blocks"][0]["type"] = "Chart"
    with pytest.raises(ModelFormatError, match="Chart"):
        from_json(json.dumps(data))


# What `convert.py --dump` writes is read back in test_determinism.py, beside the other test of the
# CLI conversion (a session fixture: one file using it makes it once per suite, not once per worker).


def test_the_stages_are_declared_once_in_order() -> None:
    from atlas.convert import LIBRARY_STAGES
    from atlas.pipeline import DOCUMENT_STAGES

    assert [s.name for s in DOCUMENT_STAGES] == [
        "read", "structure", "text", "notes", "floats", "struck", "nest", "anchors", "figures", "kept"]
    names = [s.name for s in LIBRARY_STAGES]
    assert names[0] == "documents" and names.index("themes") < names.index("related") < names.index("pages")
    assert all(stage.run.__doc__ for stage in [*DOCUMENT_STAGES, *LIBRARY_STAGES])  # each says what it does
