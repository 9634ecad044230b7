"""Numbers written in kanji, as legislation and prose write them and as covers write them digit by digit
(text/numbering.kanji_number)."""

from __future__ import annotations

import pytest
from test_structure_rules import body, convert

from atlas.model.document import block_text
from atlas.text.numbering import kanji_number, number_token


@pytest.mark.parametrize(("text", "value"), [
    ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23),  # with units, as prose writes them
    ("百", 100), ("百二", 102), ("百二十三", 123), ("千九百八十", 1980),  # a statute's 第百二条
    ("五九七", 597), ("二〇二四", 2024), ("一〇", 10),  # digit by digit: a cover's 第五九七号, a date
])
def test_a_kanji_number_has_its_value(text, value):
    assert kanji_number(text) == value


def test_a_number_written_digit_by_digit_gives_its_id_component():
    assert number_token("第五九七号") == "597"


@pytest.mark.parametrize("first", ["五九七　広報", "第五九 回の会議", "(五九) 見本", "五九　見本"])
def test_a_line_opening_with_kanji_digits_converts_with_every_word(first):
    # A newsletter's cover 「第五九七号」: reading 「五九」 as a number once raised (the units-only parser
    # knew no digit-by-digit numbers) and the whole document was left out of the site.
    preamble, sections = convert([first, *body(), "第一 総則", *body()])
    texts = [block_text(block) for block in preamble]
    for section in (s for root in sections for s in root.walk()):
        texts += [section.number + section.title, *(block_text(block) for block in section.blocks)]
    shown = "".join(texts).replace(" ", "").replace("\u3000", "")
    assert first.replace("　", "").replace(" ", "") in shown
    assert "総則" in shown
