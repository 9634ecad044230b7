"""Read a source file's bytes into text, whatever encoding it came in.

UTF-8 (with or without BOM) is tried first because it is what almost every
source is in and it fails loudly on anything else.  UTF-16 is recognised by
its BOM; CP932 and EUC-JP by strict trial decoding, with charset-normalizer
to break ties, since both accept many of the same byte sequences.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from ..model.errors import InputError

# The Japanese legacy encodings we accept, most likely first.
LEGACY_ENCODINGS = ("cp932", "euc_jp")


def read_text(path: Path) -> str:
    """Decoded text of ``path`` with line ends unified to ``\\n``."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read file ({error.strerror})") from None
    text = decode(data, path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_lines(path: Path) -> list[str]:
    """A source file's lines (a final line end does not make an extra empty line)."""
    raw = read_text(path).split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    return raw


def decode(data: bytes, path: Path) -> str:
    if not data.strip():
        raise InputError(path, "file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path)
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8):], "utf-8", path)
    if b"\x00" in data:
        # Text never holds NUL bytes; UTF-16 text is recognised by its BOM above.
        raise InputError(path, "binary file (contains NUL bytes), not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = [enc for enc in LEGACY_ENCODINGS if _decodes(data, enc)]
    # CP932 maps stray bytes to controls and private-use characters: that is not text.
    candidates = [enc for enc in candidates if _looks_like_text(data.decode(enc))]
    if not candidates:
        raise InputError(
            path, "cannot decode: not UTF-8, UTF-16, CP932 or EUC-JP text"
        )
    if len(candidates) > 1:
        best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
        if best is not None and best.encoding in candidates:
            candidates = [best.encoding]
    return data.decode(candidates[0])


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _strict(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            path, f"invalid {encoding.upper()} at byte {error.start}"
        ) from None


def _looks_like_text(text: str) -> bool:
    """Reject decodings full of control characters (a binary file decoded by luck)."""
    # C0/C1 controls and private-use characters: what CP932 makes of stray bytes.
    odd = sum(
        1 for ch in text
        if (ord(ch) < 32 and ch not in "\n\r\t\f") or 0x80 <= ord(ch) <= 0x9F or 0xE000 <= ord(ch) <= 0xF8FF
    )
    return odd <= max(2, len(text) // 1000)
