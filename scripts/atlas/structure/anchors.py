"""Section ids from the numbering path: stable ASCII anchors that never come from a title's words."""

from __future__ import annotations

from ..model.document import Section
from ..text.numbering import number_token


def assign_anchors(sections: list[Section]) -> None:
    """Give every section a stable ASCII id built from its numbering path.

    A section numbered "2．1" is "2-1" (that number already names its
    chapter); other numbered sections append their own number to the
    parent's id ("2" > "（3）" → "2-3", > "イ．" → "2-3-k2"); an unnumbered
    one appends "s" and its position among its unnumbered siblings.  An id
    that is taken already gets "_2", "_3"…  Ids never come from the heading's
    words, so fixing a typo in a title does not change a published URL.
    """
    _assign(sections, "", set())


def _join_anchor(prefix: str, token: str) -> str:
    """Parent id + own number; a dotted number repeats its parent's ("2" + "2．1" → "2-1")."""
    if not prefix:
        return token
    parent, _, own = token.rpartition("-")
    if parent and _has_letter_part(token) and (prefix == parent or prefix.endswith("-" + parent)):
        return f"{prefix}-{own}"  # 「7.R.1」 under 「7.R」: "…-7-r" + "1", its whole parent printed
    head, _, rest = token.partition("-")
    if rest and prefix.rsplit("-", 1)[-1] == head:
        return f"{prefix}-{rest}"
    return f"{prefix}-{token}"


def _has_letter_part(token: str) -> bool:
    """Whether a dotted number's token has a lettered component (「7.R.1」 → "7-r-1").  Only those
    drop their whole printed parent: a numbered 「6.2.6」 under 「6.2」 kept its published id
    ("6-2-6-2-6") before lettered parts were read."""
    parts = token.split("-")
    return len(parts) > 1 and any(len(part) == 1 and part.isalpha() for part in parts)


def _assign(sections: list[Section], prefix: str, used: set[str]) -> None:
    unnumbered = 0
    for section in sections:
        token = number_token(section.number)
        if not token:
            unnumbered += 1
            token = f"s{unnumbered}"
        anchor = _join_anchor(prefix, token)
        candidate, n = anchor, 1
        while candidate in used:
            n += 1
            candidate = f"{anchor}_{n}"
        used.add(candidate)
        section.anchor = candidate
        _assign(section.children, candidate, used)
