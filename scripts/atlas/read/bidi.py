"""Brackets PDFium hands back mirrored in a document bound on the right.

A PDF says how its pages run in its catalog's viewer preferences: ``/Direction /R2L`` for a
document bound on the right, as Japanese magazines, newsletters (広報誌) and vertical-set books are;
DTP software (InDesign) writes it from the document's binding.  PDFium's text page takes it as the
base direction of every line's bidirectional text (Unicode's bidi algorithm, as PDFium does it):
it reverses the order of the line's runs and hands back the runs it takes as right-to-left
reversed and with each paired bracket swapped for its mirror image (Unicode's Bidi_Mirrored):
「(1)歳出　(一般会計)」 comes back as 「(一般会計　(歳出)1(」.  Its characters keep their boxes, so
reading them in place puts the order back, but not the glyphs: 「(一般会計(」, 「【該当なし【」.
pdfminer and pdftotext do not apply the preference and read them as printed.

Which characters PDFium mirrors follows from its reading: a line's runs are taken from its end,
the direction starting right-to-left; a run of neutral characters (brackets, spaces, most
punctuation) is right-to-left while no left-to-right letter (kana, kanji, Latin) has come yet;
digits and their separators (weak types) change nothing; right-to-left letters (Hebrew, Arabic)
set the direction back to right-to-left.  In the order PDFium hands the characters over that is
every neutral character before the line's first left-to-right letter — in the printed line, the
brackets after its last letter: the closing bracket that ends a line, both around a figure at a
line's end (「41.2(39.8)」), all of a line with no letters.
"""

from __future__ import annotations

import unicodedata

# Unicode's Bidi_Mirroring_Glyph pairs (BidiMirroring.txt) for the brackets and signs Japanese and
# Western text use; PDFium swaps each for its partner.
_PAIRS = (
    "()", "[]", "{}", "<>", "«»", "‹›", "⁅⁆", "⁽⁾", "₍₎", "≤≥", "≦≧", "≪≫", "⊂⊃", "⊆⊇",
    "〈〉", "《》", "「」", "『』", "【】", "〔〕", "〖〗", "〘〙", "〚〛", "⟨⟩", "⟦⟧", "⦅⦆",
    "（）", "［］", "｛｝", "＜＞", "｟｠", "｢｣", "﹙﹚", "﹛﹜", "﹝﹞",
)
MIRROR: dict[str, str] = {a: b for a, b in _PAIRS} | {b: a for a, b in _PAIRS}

# PDFium's own grouping of Unicode's bidi classes (CFX_BidiChar): strong left, weak (digits and
# what goes with them, which leave the direction as it is), strong right; the rest are neutral.
_LEFT = {"L"}
_WEAK = {"AN", "EN", "NSM", "CS", "ES", "ET", "BN"}
_RIGHT = {"R", "AL"}


def right_to_left(document: object) -> bool:
    """Whether the PDF's viewer preferences set its reading direction right to left (a
    pypdfium2 ``PdfDocument``)."""
    import ctypes

    import pypdfium2.raw as raw

    buffer = ctypes.create_string_buffer(16)
    length = raw.FPDF_VIEWERREF_GetName(document.raw, b"Direction", buffer, len(buffer))  # type: ignore[attr-defined]
    return 0 < length <= len(buffer) and buffer.value == b"R2L"


class LineMirror:
    """Undoes PDFium's bracket mirroring, fed a page's characters in the order PDFium hands them
    over: ``line_break()`` at each line end PDFium generated, ``restore(text)`` for each character."""

    def __init__(self, active: bool) -> None:
        self.active = active  # the document reads right to left
        self.mirroring = active

    def line_break(self) -> None:
        self.mirroring = self.active

    def restore(self, text: str) -> str:
        if not self.active:
            return text
        kind = unicodedata.bidirectional(text)
        if kind in _LEFT:
            self.mirroring = False
        elif kind in _RIGHT:
            self.mirroring = True
        elif kind not in _WEAK and self.mirroring:
            return MIRROR.get(text, text)
        return text
