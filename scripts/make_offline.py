#!/usr/bin/env python3
"""Make a built site readable from a folder (file://), as `make offline` does:

    .venv/bin/python scripts/make_offline.py site-offline

Opened as files, a link to a folder ("documents/x/") shows a directory listing and a browser
fetches nothing, so the search cannot read its index. This rewrites every relative link to a
folder in the site's HTML to that folder's index.html, and writes each search index file
(atlas/…) again as a script, atlas/<name>.js, which assets/atlas-search.js loads with a
<script> element when the page is a file (JSON as it is, binary files in base64). The site
still works from a server; it only grows by the scripts.
"""

from __future__ import annotations

import base64
import json
import re
import sys
from pathlib import Path

# An href's value, quoted or (minified HTML) not.
HREF = re.compile(r"""(\shref=)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
NOT_RELATIVE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)


def folder_link_to_file(href: str) -> str:
    """"../x/#a" → "../x/index.html#a", ".." → "../index.html"; anything else as it is."""
    if not href or NOT_RELATIVE.match(href):
        return href
    path, mark, rest = re.match(r"([^?#]*)([?#]?)(.*)", href).groups()
    if path.split("/")[-1] in (".", ".."):
        path += "/"
    if not path.endswith("/"):
        return href
    return f"{path}index.html{mark}{rest}"


def rewrite_links(html: str) -> str:
    def replace(match: re.Match) -> str:
        value = next(v for v in match.groups()[1:] if v is not None)
        return f'{match.group(1)}"{folder_link_to_file(value)}"'
    return HREF.sub(replace, html)


def index_script(name: str, data: bytes) -> str:
    value = json.dumps(json.loads(data), ensure_ascii=False) if name.endswith(".json") \
        else json.dumps(base64.b64encode(data).decode("ascii"))
    return f"(window.atlasOffline = window.atlasOffline || {{}})[{json.dumps(name)}] = {value};\n"


def make_offline(site: Path) -> None:
    for page in site.rglob("*.html"):
        page.write_text(rewrite_links(page.read_text("utf-8")), "utf-8")
    index = site / "atlas"
    for path in sorted(p for p in index.rglob("*") if p.is_file() and p.suffix != ".js"):
        name = path.relative_to(index).as_posix()
        path.with_name(path.name + ".js").write_text(index_script(name, path.read_bytes()), "utf-8")


def main() -> int:
    if len(sys.argv) != 2 or not (Path(sys.argv[1]) / "index.html").is_file():
        print("usage: make_offline.py SITE_DIR (a built site)", file=sys.stderr)
        return 1
    make_offline(Path(sys.argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
