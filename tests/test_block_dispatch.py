"""Every kind of block the model declares is known to every function that dispatches on blocks.

The model's Block union is read, not copied: a kind added to it makes a sample here (from its
fields' types) and each dispatcher is called with it, so that the new kind fails here until the
writers, the text definitions and the readers of rosters all handle it (they end in assert_never).
"""

from __future__ import annotations

import dataclasses
import datetime
import typing
from collections.abc import Callable

import pytest

from atlas.enrich.context import opening_words
from atlas.enrich.editions import _units
from atlas.enrich.links import holders, shown_text
from atlas.model import document as model
from atlas.model.document import Block, Figure, ListItem, Section, SourceSpan, block_pieces, block_refs, block_text
from atlas.model.walk import document_blocks, sections_with_ancestors
from atlas.structure.particulars import _pieces
from atlas.write.markdown import block_markdown
from atlas.write.write_clean import block_lines

WORDS = "デジタル社会の実現"
SPAN = SourceSpan(1, 1)


def _section(block: Block) -> Section:
    return Section("見出し", 1, SPAN, blocks=[block])


# name → how it is called with one block, and the text it returns
DISPATCHERS: dict[str, Callable[[Block], str]] = {
    "model.document.block_text": block_text,
    "model.document.block_text without marks": lambda block: block_text(block, marks=False),
    "model.block_pieces": lambda block: "\n".join(block_pieces(block)),
    "model.block_refs": lambda block: WORDS if block_refs(block) == [] else "",
    "markdown.block_markdown": lambda block: block_markdown(block, {}, None),
    "write_clean.block_lines": lambda block: "\n".join(block_lines(block)),
    "particulars (roster pieces)": lambda block: "\n".join(text for text, _ in _pieces(_section(block))),
    "editions (paragraph units)": lambda block: "\n".join(unit.text for unit in _units([block], "")),
    "context.opening_words": lambda block: opening_words(_section(block), 100) or WORDS,
    "links.holders (what gets a permalink)": lambda block: "\n".join(shown_text(h) for h in holders([block])),
}


def _value(hint: object) -> object:
    """A sample value of a field's type: the words for text, a one-line span, one item, one row."""
    if hint is str:
        return WORDS
    if hint is SourceSpan:
        return SPAN
    if hint == list[ListItem]:
        return [ListItem("・", WORDS, SPAN)]
    if hint == list[list[str]]:
        return [[WORDS, "2024"]]
    raise AssertionError(f"no sample for a field of type {hint!r}: teach tests/test_block_dispatch.py")


def _sample(kind: type) -> Block:
    hints = typing.get_type_hints(kind, vars(model))
    required = [f for f in dataclasses.fields(kind)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    return kind(**{f.name: _value(hints[f.name]) for f in required})


def _kinds() -> list[type]:
    """The union's members and their subclasses (a Figure is a Paragraph the writers treat apart)."""
    found: list[type] = []
    for kind in typing.get_args(Block):
        found += [kind, *kind.__subclasses__()]
    return found


def test_the_union_is_read() -> None:
    assert {kind.__name__ for kind in _kinds()} >= {"Paragraph", "ListBlock", "Table", "Figure"}


@pytest.mark.parametrize("kind", _kinds(), ids=lambda kind: kind.__name__)
@pytest.mark.parametrize("name", sorted(DISPATCHERS))
def test_every_dispatcher_knows_every_block(name: str, kind: type) -> None:
    block = _sample(kind)
    assert WORDS in DISPATCHERS[name](block)


def test_a_figure_with_an_image_is_written_as_one() -> None:
    figure = Figure(WORDS, SPAN, image="figures/p1-1.png", alt="図1", size=(640, 480))
    assert "figures/p1-1.png" in block_markdown(figure, {}, None)
    assert WORDS in block_markdown(figure, {}, None)  # the words set inside it, folded under it


def test_an_unknown_block_fails_where_it_is_dispatched() -> None:
    class Unknown:
        span = SPAN

    with pytest.raises(AssertionError):
        block_text(Unknown())  # type: ignore[arg-type]
    with pytest.raises(AssertionError):
        block_markdown(Unknown(), {}, None)  # type: ignore[arg-type]


def test_sections_walk_with_their_ancestors_in_reading_order() -> None:
    inner = Section("細目", 3, SPAN)
    middle = Section("節", 2, SPAN, children=[inner])
    chapter = Section("章", 1, SPAN, children=[middle])
    other = Section("次章", 1, SPAN)
    walked = [(section.title, tuple(a.title for a in ancestors))
              for section, ancestors in sections_with_ancestors([chapter, other])]
    assert walked == [("章", ()), ("節", ("章",)), ("細目", ("章", "節")), ("次章", ())]


def test_document_blocks_are_the_preamble_then_each_section_in_reading_order() -> None:
    first, second, third = (model.Paragraph(text, SPAN) for text in ("前文", "本文", "小節"))
    meta = model.DocumentMeta("x", "文書", "省", datetime.date(2024, 1, 1), "plan", "x.txt", "")
    inner = Section("小", 2, SPAN, blocks=[third])
    chapter = Section("大", 1, SPAN, blocks=[second], children=[inner])
    document = model.Document(meta, preamble=[first], sections=[chapter])
    assert [block.text for block in document_blocks(document)] == ["前文", "本文", "小節"]
