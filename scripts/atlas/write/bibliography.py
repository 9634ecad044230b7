"""A document as reference managers and printers want it: citation_* meta tags (Highwire, which
Zotero reads), BibTeX, RIS and CSL-JSON downloads, and the running head of a printed page.

Every form says the same things: the title, the issuing body (the author and the publisher: a
policy document has no personal author), the date only as precisely as it is known (an estimated
date names no day: labels.date_text), the kind in Japanese, the summary, and the issuer's own
address when the catalog gives one. The Atlas's reading page is named by the page itself
(citation_public_url, from the site's address at build time); the downloads are written by the
converter, which does not know where the site will be published, so they name the issuer's
address only.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from ..enrich.routing import document_url, source_file
from ..model.document import DocumentMeta
from ..text.labels import date_text, kind_label

# The files of a document's citation, beside its page: documents/<id>/<id>.bib, .ris, .csl.json.
DOWNLOADS = {"bib": "BibTeX", "ris": "RIS", "csl.json": "CSL-JSON"}


def issued_parts(meta: DocumentMeta) -> list[int]:
    """[year, month, day] cut to what is known: an estimated date names no day."""
    parts = [meta.date.year, meta.date.month, meta.date.day]
    keep = {"day": 3, "month": 2, "year": 1}[meta.date_precision]
    if meta.date_note:
        keep = min(keep, 2)
    return parts[:keep]


def _kind(meta: DocumentMeta) -> str:
    return kind_label(meta.kind) or meta.kind


def _pdf_address(meta: DocumentMeta) -> str:
    """The PDF of the document: the published source (site-relative) or the issuer's PDF."""
    if meta.source.lower().endswith(".pdf"):
        return source_file(meta.source)
    if meta.url.lower().split("?")[0].endswith(".pdf"):
        return meta.url
    return ""


def citation_tags(meta: DocumentMeta) -> list[tuple[str, str]]:
    """The citation_* meta tags that need no site address (overrides/main.html adds the others)."""
    date = "/".join(f"{part:02d}" if i else str(part) for i, part in enumerate(issued_parts(meta)))
    return [
        ("citation_title", meta.title),
        ("citation_author", meta.body),
        ("citation_publisher", meta.body),
        ("citation_publication_date", date),
        ("citation_language", "ja"),
        ("citation_abstract", meta.summary),
    ]


def css_string(text: str) -> str:
    """Text to stand between double quotes in CSS, inside a <style> element: every character that
    CSS or HTML would read as syntax is written as a CSS escape, so no template escaping alters it."""
    return "".join(f"\\{ord(c):x} " if c in "\"'\\<>&" or ord(c) < 32 else c for c in text)


def print_head(meta: DocumentMeta) -> str:
    """The line at the head of every printed page: which document, who issued it, when."""
    estimated = "頃（推定）" if meta.date_note else ""
    return f"{meta.title}　{meta.body}　{date_text(meta)}{estimated}"


def front_matter_lines(meta: DocumentMeta, quote: Callable[[str], str]) -> list[str]:
    """The page's `atlas_document` front matter, which overrides/main.html turns into the
    citation_* tags, the links to the downloads and the printed pages' running head."""
    lines = ["atlas_document:", f"  id: {quote(meta.id)}", f"  page: {quote(document_url(meta.id))}",
             f"  print_head: {quote(css_string(print_head(meta)))}"]
    # The PDF's address: the issuer's (absolute: pdf_url) or the published source's (site-relative:
    # pdf, which the page completes with the site's address when it is known).  Decided here, not
    # in the template: Zensical's template engine has no string methods (「.startswith」).
    pdf = _pdf_address(meta)
    if pdf.startswith(("http://", "https://")):
        lines.append(f"  pdf_url: {quote(pdf)}")
    elif pdf:
        lines.append(f"  pdf: {quote(pdf)}")
    lines.append("  citation:")
    lines += [f"    - [{quote(name)}, {quote(value)}]" for name, value in citation_tags(meta)]
    return lines


# ---------------------------------------------------------------------------
# Downloads
# ---------------------------------------------------------------------------


def _bibtex_value(text: str) -> str:
    """A BibTeX field value in braces; braces, backslashes and the other special characters escaped."""
    special = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#",
               "$": r"\$", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
    return "".join(special.get(c, c) for c in text)


def bibtex(meta: DocumentMeta) -> str:
    parts = issued_parts(meta)
    fields = [
        ("title", "{" + _bibtex_value(meta.title) + "}"),  # double braces: keep the title as written
        ("author", "{" + _bibtex_value(meta.body) + "}"),  # double braces: a body, not a person's name
        ("organization", _bibtex_value(meta.body)),
        ("year", str(parts[0])),
    ]
    if len(parts) > 1:
        fields.append(("month", str(parts[1])))
    if len(parts) > 2:
        fields.append(("day", str(parts[2])))
    if meta.date_note:
        fields.append(("note", _bibtex_value(f"{_kind(meta)}。日付は推定：{meta.date_note}")))
    else:
        fields.append(("note", _bibtex_value(_kind(meta))))
    if meta.url:
        fields.append(("url", meta.url))
    fields += [("language", "japanese"), ("abstract", _bibtex_value(meta.summary))]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{meta.id},\n{body}\n}}\n"


def ris(meta: DocumentMeta) -> str:
    parts = issued_parts(meta)
    # RIS dates are YYYY/MM/DD/ with unknown parts left empty.
    date = "/".join([f"{parts[0]:04d}", *[f"{p:02d}" for p in parts[1:]], *[""] * (3 - len(parts))]) + "/"
    rows = [("TY", "RPRT"), ("TI", meta.title), ("AU", meta.body), ("PB", meta.body), ("PY", str(parts[0])),
            ("DA", date), ("M3", _kind(meta)), ("LA", "ja"), ("AB", meta.summary)]
    if meta.date_note:
        rows.append(("N1", f"日付は推定：{meta.date_note}"))
    if meta.url:
        rows.append(("UR", meta.url))
    rows.append(("ID", meta.id))
    return "".join(f"{tag}  - {value}\n" for tag, value in rows) + "ER  - \n"


def csl_json(meta: DocumentMeta) -> str:
    item: dict[str, object] = {
        "id": meta.id,
        "type": "report",
        "title": meta.title,
        "author": [{"literal": meta.body}],
        "publisher": meta.body,
        "issued": {"date-parts": [issued_parts(meta)]},
        "genre": _kind(meta),
        "language": "ja",
        "abstract": meta.summary,
    }
    if meta.date_note:
        item["issued"] = {"date-parts": [issued_parts(meta)], "circa": True}  # CSL: an estimated date
        item["note"] = f"日付は推定：{meta.date_note}"
    if meta.url:
        item["URL"] = meta.url
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def downloads(meta: DocumentMeta) -> dict[str, str]:
    """File name (beside the document's page) → content, one per format of DOWNLOADS."""
    return {f"{meta.id}.bib": bibtex(meta), f"{meta.id}.ris": ris(meta), f"{meta.id}.csl.json": csl_json(meta)}
