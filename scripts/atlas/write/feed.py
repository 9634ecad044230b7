"""The Atom feed of the documents (docs/feed.xml, RFC 4287): what a feed reader shows when a
document joins the Atlas.

Each entry says the document's title, its issuer (the author), the day it was added to the Atlas
(published and updated), its kind and the day it was issued (in the summary's first words, as
precisely as known, 「頃（推定）」 when estimated: Atom's dates are instants, and feed readers read
dcterms:issued as the entry's publication), its summary and the link to its page. Links are
relative to the feed's own address, so the feed works wherever the site is published; ids are
URNs made from the document ids, so they never change. A document with no known day of addition
(no `added` in the catalog and no commit of its source) is left out: its day is never guessed.
"""

from __future__ import annotations

import uuid
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from ..model.document import Document
from ..text.labels import date_label, kind_label

FEED_PATH = "feed.xml"
FEED_TITLE = "Digital Policy Atlas：新着文書"
# Days are Japanese days: the Atlas's documents and its readers are in Japan.
TIME_OF_DAY = "T00:00:00+09:00"


def _urn(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'digital-policy-atlas:' + name)}"


def newest_added(documents: list[Document]) -> list[Document]:
    """The documents with a day of addition, the latest added first (then the latest issued)."""
    dated = [d for d in documents if d.meta.added is not None]
    return sorted(dated, key=lambda d: (-d.meta.added.toordinal(), -d.meta.date.toordinal(), d.meta.id))


def _stamp(day: date) -> str:
    return day.isoformat() + TIME_OF_DAY


def _entry(document: Document) -> list[str]:
    meta = document.meta
    kind = kind_label(meta.kind) or meta.kind
    summary = f"{meta.body}、{date_label(meta)}（{kind}）。{meta.summary}"
    return [
        "  <entry>",
        f"    <id>{_urn('documents/' + meta.id)}</id>",
        f"    <title>{escape(meta.title)}</title>",
        f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(f'documents/{meta.id}/')}/>",
        f"    <published>{_stamp(meta.added)}</published>",
        f"    <updated>{_stamp(meta.added)}</updated>",
        f"    <author><name>{escape(meta.body)}</name></author>",
        f"    <category term={quoteattr(kind)}/>",
        f"    <summary>{escape(summary)}</summary>",
        "  </entry>",
    ]


def atom_feed(documents: list[Document]) -> str:
    entries = newest_added(documents)
    updated = max((d.meta.added for d in entries), default=date(2000, 1, 1))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">',
        f"  <id>{_urn('feed')}</id>",
        f"  <title>{escape(FEED_TITLE)}</title>",
        "  <subtitle>Atlas に追加された日本のデジタル政策文書</subtitle>",
        f"  <updated>{_stamp(updated)}</updated>",
        f'  <link rel="self" type="application/atom+xml" href="{FEED_PATH}"/>',
        '  <link rel="alternate" type="text/html" href="./"/>',
        "  <author><name>Digital Policy Atlas</name></author>",
    ]
    for document in entries:
        lines += _entry(document)
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
