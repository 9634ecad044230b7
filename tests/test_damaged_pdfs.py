"""Damaged PDFs (issue 24): every run ends in a converted document or one clear line naming the
file, never a traceback or a hang, and the libraries' messages are counted, not streamed.

The PDFs are the tests' own samples (tests/pdf_samples.py), damaged the ways downloads and
broken tools damage files: cut short (with and without an end-of-file marker put back), bytes
flipped, blocks zeroed, the cross-reference table broken.
"""

from __future__ import annotations

import random
import time
from datetime import date
from pathlib import Path

import pdf_samples as samples
import pytest

from atlas.check.report import document_report, model_text
from atlas.config.catalog import Entry
from atlas.model.document import DocumentMeta
from atlas.model.errors import InputError
from atlas.pipeline import build_document
from atlas.read.pdf_source import BULLET, REPLACEMENT, readable_char, time_limit
from atlas.structure.structure import Hints
from atlas.write.report_page import report_markdown
from atlas.write.write_clean import clean_text

SAMPLES = {"headings": samples.make_headings, "table": samples.make_table, "footnotes": samples.make_footnotes}
SECONDS_PER_RUN = 60  # far beyond a sample's conversion (well under a second): reaching it is a hang


def truncated(data: bytes, share: float) -> bytes:
    return data[: int(len(data) * share)]


def truncated_marked(data: bytes, share: float) -> bytes:
    """Cut short, then given an end marker again: only PDFium's repair stands between it and the reader."""
    return data[: int(len(data) * share)] + b"\n%%EOF\n"


def flipped(data: bytes, seed: int) -> bytes:
    rng = random.Random(seed)
    damaged = bytearray(data)
    for _ in range(20):
        position = rng.randrange(len(damaged))
        damaged[position] ^= 0xFF
    return bytes(damaged)


def zeroed(data: bytes, share: float) -> bytes:
    start = int(len(data) * share)
    return data[:start] + bytes(min(512, len(data) - start)) + data[start + 512 :]


def broken_xref(data: bytes, how: str) -> bytes:
    if how == "keyword":
        return data.replace(b"xref", b"xrex")
    if how == "offset":  # startxref points into the middle of the file
        head, _, _ = data.rpartition(b"startxref")
        return head + b"startxref\n" + str(len(data) // 3).encode() + b"\n%%EOF\n"
    head, _, _ = data.rpartition(b"xref")  # the table and trailer gone, the end marker kept
    return head + b"%%EOF\n"


DAMAGES = (
    [(f"truncated-{share}", lambda d, s=share: truncated(d, s)) for share in (0.05, 0.3, 0.6, 0.9, 0.99)]
    + [(f"truncated-marked-{share}", lambda d, s=share: truncated_marked(d, s)) for share in (0.3, 0.6, 0.9, 0.99)]
    + [(f"flipped-{seed}", lambda d, s=seed: flipped(d, s)) for seed in range(6)]
    + [(f"zeroed-{share}", lambda d, s=share: zeroed(d, s)) for share in (0.0, 0.2, 0.5, 0.8, 0.97)]
    + [(f"xref-{how}", lambda d, h=how: broken_xref(d, h)) for how in ("keyword", "offset", "gone")]
)


@pytest.fixture(scope="module")
def sample_bytes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("damaged-samples")
    found = {}
    for name, make in SAMPLES.items():
        make(folder / f"{name}.pdf")
        found[name] = (folder / f"{name}.pdf").read_bytes()
    return found


def entry_for(path: Path) -> Entry:
    meta = DocumentMeta(id="damaged", title="damaged", body="tests", date=date(2024, 1, 1), kind="report",
                        source=path.name, summary="damaged", format="pdf")
    return Entry(meta, Hints(), 1)


@pytest.mark.parametrize("sample", sorted(SAMPLES))
@pytest.mark.parametrize(("damage", "how"), DAMAGES, ids=[name for name, _ in DAMAGES])
def test_a_damaged_pdf_converts_or_is_refused_in_one_line(sample_bytes, tmp_path, capfd, sample, damage, how):
    path = tmp_path / "damaged.pdf"
    path.write_bytes(how(sample_bytes[sample]))
    try:
        with time_limit(SECONDS_PER_RUN):
            document = build_document(entry_for(path), tmp_path)
    except InputError as error:
        message = str(error)
        assert "\n" not in message and str(path) in message, message
    except TimeoutError:
        pytest.fail(f"{sample} {damage}: no result within {SECONDS_PER_RUN} s")
    else:
        report = document_report(document)
        assert report.conserved, (report.lost[:40], report.invented[:40])
        clean_text(document).encode("utf-8")  # what the writers write: no lone surrogate left in it
    # What PDFium says of the damage is counted for the report, not written to the terminal.
    assert capfd.readouterr().err == ""


def test_a_broken_font_map_gives_visible_replacement_characters_counted_in_the_report(sample_bytes, tmp_path):
    # The table sample with 512 bytes zeroed at a fifth of the file: its font's map is damaged, and
    # PDFium reports control characters for some glyphs (a real PDF gave a lone surrogate, '\udc80').
    path = tmp_path / "damaged.pdf"
    path.write_bytes(zeroed(sample_bytes["table"], 0.2))
    document = build_document(entry_for(path), tmp_path)
    text = model_text(document)
    assert document.reading.replaced > 0
    assert text.count(REPLACEMENT) == document.reading.replaced
    assert not any(ord(ch) < 0x20 and ch not in "\t\n" for ch in text)
    # The library's complaint about the damaged font is one counted line of the report, not a stream.
    assert any("FontBBox" in kind for kind in document.reading.messages)
    page = report_markdown([document_report(document)])
    line = next(line for line in page.splitlines() if line.startswith("- [damaged]"))
    assert f"{REPLACEMENT} に置換: {document.reading.replaced}" in line and "FontBBox" in line


@pytest.mark.parametrize(
    ("char", "read", "kind"),
    [("\uf06c", BULLET, "bullet"), ("\ue000", BULLET, "bullet"), ("\udc80", REPLACEMENT, "replaced"),
     ("\x07", REPLACEMENT, "replaced"), ("\x7f", REPLACEMENT, "replaced"), ("あ", "あ", ""), ("」", "」", "")],
    ids=["wingdings-bullet", "pua-start", "lone-surrogate", "bell", "delete", "kana", "bracket"],
)
def test_characters_the_output_cannot_show_are_replaced_visibly(char, read, kind):
    assert readable_char(char) == (read, kind)


def test_the_time_limit_counts_cpu_time_so_a_busy_machine_changes_nothing():
    # A page's table search is given up after its limit: counted by the clock, a machine busy with
    # other work would give up on pages it reads whole when quiet, and the same PDF would convert
    # differently. Waiting (here: sleeping) spends no CPU and is not counted.
    with time_limit(0.2):
        time.sleep(0.6)


def test_a_time_limit_inside_another_gives_the_outer_one_back():
    # A page's limit inside a caller's (the damaged-PDF runs above): the caller's still stops a
    # conversion going in circles after the page's limit has ended.
    deadline = time.monotonic() + 30
    with pytest.raises(TimeoutError), time_limit(0.5):
        with time_limit(5):
            sum(range(1000))
        while time.monotonic() < deadline:  # the outer limit must interrupt this
            pass
