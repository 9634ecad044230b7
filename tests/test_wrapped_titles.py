"""Numbered titles that fill their line, or wrap onto a second line hung under their words (issue 23).

A notice set in one font gives its sections no other face: 「２ 人材の確保と…の取扱いについて」 is a
title because it stands apart, stops short of the column's edge and its body starts below — not a
count of people because its first word is 人.  A report wraps a long title onto a second line hung
under the title's first character (「１ 主要な各国が…（第二の取」 / 「決め）の扱い（…規則）」); read
line by line, the first line ends on a particle or runs past a title's length and the section was
lost, its next sibling then out of order.  The rest hung under the words, stopping short, ending no
sentence (a closing bracket may end a title), makes one title with the first line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_samples import (
    BODY_SIZE,
    GOTHIC,
    MARGIN,
    MARGIN_X,
    MINCHO,
    TEXT_WIDTH,
    draw_line,
    justified,
    new_canvas,
    pdf_document,
)
from test_paragraphs import corpus_pdf

from atlas.model.document import Document

PITCH = BODY_SIZE * 1.7
FILLER = ("本制度は、関係者の手続の負担を軽くし、審査の透明性を高めるために設けられたものであり、"
          "登録の内容は必要に応じて関係機関に開示されることとなる。") * 4
CHARS = int(TEXT_WIDTH / BODY_SIZE)  # 42 a line


class Page:
    def __init__(self, canvas) -> None:
        self.canvas = canvas
        self.top = MARGIN

    def line(self, text: str, indent: int = 0, font: str = MINCHO, gap: bool = False, full: bool = False) -> None:
        if gap:
            self.top += PITCH
        atoms = [(ch, False) for ch in text]
        width = TEXT_WIDTH - indent * BODY_SIZE
        spacing = justified(atoms, font, BODY_SIZE, width) if full else 0.0
        draw_line(self.canvas, atoms, MARGIN_X + indent * BODY_SIZE, self.top, font, BODY_SIZE, spacing)
        self.top += PITCH

    def body(self, start: int = 0, hang: int = 1) -> None:
        """A paragraph of three lines: first line set in a character, the rest under it."""
        text = FILLER[start:]
        first = CHARS - hang - 1
        self.line(text[:first], hang + 1, full=True)
        self.line(text[first: first + CHARS - hang], hang, full=True)
        self.line(text[first + CHARS - hang: first + CHARS - hang + 20] + "。", hang)

    def wrapped_title(self, number: str, title: str, indent: int, font: str) -> None:
        """A numbered title run to the column's edge, its rest hung under its first character."""
        room = CHARS - indent - len(number) - 1
        assert len(title) > room, "the title must wrap"
        assert title[room - 1] == "の" or title.endswith("）"), "a first line ending on a particle, or an aside closing"
        self.line(f"{number}　{title[:room]}", indent, font, gap=True, full=True)
        self.line(title[room:], indent + len(number) + 1, font)


NOTICE_TITLE = "人材の確保と育成に係る登録制度の利用及び届出の手続の取扱いについて"
TREATY_TITLE = ("主要な各国が共通に従う国際的な取決め（第一の取決め）及びその改定文書（第二の取決め）"
                "の扱い（書面の交付を前提とした規則）")
LOSS_TITLE = "障害によって記録が失われるなどの事態が生じた場合における利用者と事業者の責任の整理について"


CLAUSES = [
    ("⑴", "事業者は、利用者の求めに応じて、書面の交付に代えて、その記載事項を記録した電子的な証明書を発行することが"
          "できる。この場合においては、その証明書をもって書面を交付したものとみなす。"),
    ("⑵", "紙の届出の受理に代えて受理があった旨を記録した電子的な証明書が発行された場合には、当該証明書の利用の"
          "停止と引換えに、審査が終わった旨を記録した証明書を発行することができる。"),
]


def make_wrapped_titles(path: Path) -> None:
    canvas = new_canvas(path)
    notice = Page(canvas)  # one font throughout: no face tells a title
    notice.line("１　制度の概要について", gap=True)
    notice.body()
    assert 2 + len(NOTICE_TITLE) < CHARS - 1, "the title stops short of the edge"
    notice.line(f"２　{NOTICE_TITLE}", gap=True)
    notice.body(10)
    canvas.showPage()
    report = Page(canvas)  # titles in the Gothic face, the body in Mincho
    report.line("第１　検討の内容", 0, GOTHIC, gap=True)
    for number, clause in CLAUSES:  # a proposal's clauses, boxed in the Gothic face, hung under their text
        room = CHARS - 2 - 2
        report.line(f"{number}　{clause[:room]}", 2, GOTHIC, full=True)
        report.line(clause[room: 2 * room], 4, GOTHIC, full=True)
        report.line(clause[2 * room:], 4, GOTHIC)
    report.wrapped_title("１", TREATY_TITLE, 1, GOTHIC)
    report.body(5, hang=2)
    report.wrapped_title("２", LOSS_TITLE, 1, GOTHIC)
    report.body(15, hang=2)
    canvas.save()


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> Document:
    folder = tmp_path_factory.mktemp("wrapped-titles")
    make_wrapped_titles(folder / "sample.pdf")
    return pdf_document(folder / "sample.pdf")


def _outline(document: Document) -> list[tuple[int, str, str]]:
    return [(s.level, s.number, s.title) for s in document.all_sections() if s.number]


def test_a_title_standing_apart_in_a_one_font_notice_is_a_heading(document):
    assert (1, "2", NOTICE_TITLE) in _outline(document)


def test_a_numbered_title_wrapped_under_its_words_is_one_heading(document):
    outline = _outline(document)
    # Its rest closes an aside (「…規則）」), and the two lines run past a one-line title's length.
    assert (2, "1", TREATY_TITLE) in outline
    assert (2, "2", LOSS_TITLE) in outline  # its first line ends on a particle: 「…責任の」


def test_clauses_set_in_the_heading_face_and_hung_to_a_sentence_end_are_no_headings(document):
    # 「⑵ 紙の届出の受理に…発行された」 / 「場合には、…」 / 「…できる。」: the text goes on under it to a 。.
    assert not [entry for entry in _outline(document) if entry[1] in ("⑴", "⑵")]



def test_a_proposal_set_in_under_a_title_filling_its_line_is_not_the_titles_text(tmp_path):
    # moj-bl-subcommittee-material-02 p. 7: 「第４ …とすることの可否等」 runs to the edge and the proposal
    # boxed under it starts further in than its own next lines — a paragraph's first line, not the
    # title's words hung under it; 第３ (whose next sibling 第４ is) and 第４ stay titles.
    document = corpus_pdf("moj-bl-subcommittee-material-02", tmp_path)
    numbers = [s.number for s in document.all_sections() if s.number.startswith("第")]
    assert numbers == ["第1", "第2", "第3", "第4", "第5"]
