"""An attachment's title set in under its label over two lines is one title; a key to a table's
symbols (「○…添付が必要となる資料」) is no heading (issue 23, the reader's defects on
mhlw-mf-cell-tissue-dossier-2013: 「the two-line title is cut after its first line」, 「the legend line
is a heading」).

A notice sets its attachment's label at the margin (「（別添）」) and the attachment's title under it,
set in from the text and broken by hand over two lines that start at the same place.  Under a table
whose cells hold ○, △ and ×, it explains them, each on its line: the symbol, a leader, its meaning.
The PDF made here is such a page; on the shared corpus, the notice itself.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from pdf_samples import (
    BODY_SIZE,
    LEADING,
    MARGIN,
    MARGIN_X,
    MINCHO,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Flow,
    Frame,
    Heading,
    Para,
    draw_line,
    new_canvas,
    wrap,
)

from atlas.config.catalog import Entry
from atlas.model.document import Document, DocumentMeta
from atlas.pipeline import build_document
from atlas.structure.structure import Hints
from conftest import ROOT

LABEL = "（別添）"
TITLE_LINES = ["電子的な記録による証券の取扱いに関する登録原簿", "登録申請書の作成要領"]
BODY = ("本作成要領は、電子的な記録による証券の取扱いに関する登録原簿の登録申請に際して、申請書に記載すべき"
        "事項及び申請書の添付資料の作成に当たり留意すべき事項をまとめたものである。")
KEYS = ["○…添付が必要となる資料", "△…基本的に添付不要だが必要な場合がある資料", "×…添付が不要となる資料"]


def make_set_in_title(path: Path) -> None:
    canvas = new_canvas(path)
    pitch = BODY_SIZE * LEADING
    draw_line(canvas, wrap(LABEL, MINCHO, BODY_SIZE, 100)[0], MARGIN_X, MARGIN, MINCHO, BODY_SIZE)
    for n, text in enumerate(TITLE_LINES):  # set in three characters, each line broken by hand
        line = wrap(text, MINCHO, BODY_SIZE, PAGE_WIDTH)[0]
        draw_line(canvas, line, MARGIN_X + 3 * BODY_SIZE, MARGIN + (2 + n) * pitch, MINCHO, BODY_SIZE)
    right = PAGE_WIDTH - MARGIN_X
    flow = Flow(canvas, [Frame(0, MARGIN_X, right, MARGIN + 5 * pitch, PAGE_HEIGHT - MARGIN)])
    flow.add(Heading("第1　一般的事項", BODY_SIZE, font=MINCHO, space_before=0))
    flow.add(Para(BODY))
    flow.add(Heading("第2　添付資料", BODY_SIZE, font=MINCHO))
    flow.add(Para("添付が必要となる資料等を下表の記号で示す。記号の意味は次のとおりである。"))
    for key in KEYS:
        flow.add(Heading(key, BODY_SIZE, font=MINCHO, space_before=0))
    canvas.save()


def _built(folder: Path, doc_id: str) -> Document:
    meta = DocumentMeta(id=doc_id, title="見本", body="見本省", date=date(2024, 4, 1), kind="notice",
                        source=f"{doc_id}.pdf", summary="見本。", format="pdf")
    return build_document(Entry(meta, Hints(), 1), folder)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Document:
    folder = tmp_path_factory.mktemp("set-in")
    make_set_in_title(folder / "sample.pdf")
    return _built(folder, "sample")


def test_a_title_set_in_under_its_label_is_whole(sample):
    [annex] = sample.sections
    assert annex.title == "".join(TITLE_LINES)
    assert [child.title for child in annex.children] == ["一般的事項", "添付資料"]


def test_a_key_to_the_symbols_is_no_heading(sample):
    titles = [section.title for section in sample.all_sections()]
    assert not any("添付が必要" in title or "添付が不要" in title for title in titles), titles
    texts = "".join(getattr(block, "text", "") for block in sample.all_sections()[-1].blocks)
    assert all(key in texts for key in KEYS)


CORPUS = Path(os.environ.get("ATLAS_CORPUS", ROOT.parent / "shared" / "corpus"))
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent (a fresh clone)")


@needs_corpus
def test_corpus_notice_title_whole_and_its_key_text():
    # mhlw-mf-cell-tissue-dossier-2013, PDF p. 3 (the title, two lines) and p. 12 (the key under the table)
    document = _built(CORPUS, "mhlw-mf-cell-tissue-dossier-2013")
    titles = [section.title for section in document.all_sections()]
    assert ("細胞・組織加工医薬品等の製造に関連するものの原薬等登録原簿"
            "登録申請書及びその申請書に添付すべき資料の作成要領") in titles
    assert not any(title.startswith("…") or "添付が必要となる資料" in title for title in titles)
