"""Valid HTML: the Nu Html Checker (npm vnu-jar, installed by `make test`) over every page of the
built site, in one run.  No error may come from markup the project writes (converter output,
overrides/, assets/); errors in Material for MkDocs' own templates are listed below, each with
why it is not ours to fix, and must stay in those templates."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

VNU = ROOT / ".cache" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (start of the message, the offending tag (as the minified page writes it), why it is Material's)
KNOWN = [
    ("Attribute “autocomplete” is only allowed when the input type is",
     re.compile(r'^<input class="?md-toggle"? data-md-toggle="?(drawer|search)'),
     "Material's base.html gives its drawer and search toggles (checkboxes) autocomplete=off, "
     "so that browsers do not restore them as checked on back navigation"),
    ("Bad value “” for attribute “tabindex” on element “label”",
     re.compile(r'^<label class="?md-nav__link[^>]* for="?__nav_[\d_]+"? id="?__nav_[\d_]+_label"? tabindex(="")?>$'),
     "Material's partials/nav-item.html writes tabindex=\"\" on the label of a nav section that "
     "is not focusable (overriding its nav templates would fork Material's whole nav)"),
]


def validate(files: list[Path]) -> list[dict]:
    """The Nu checker's messages for all the files, in one run of the JVM."""
    if not VNU.is_file():
        pytest.fail(f"{VNU} missing: run `make test` (it installs vnu-jar)")
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is not installed: run `make test` (it installs default-jre-headless)")
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--exit-zero-always",
                             *map(str, files)], capture_output=True, text=True, timeout=900)
    return json.loads(result.stderr)["messages"]


def offending(message: dict) -> str:
    """The markup the message points at (vnu highlights it in its extract).  vnu counts in UTF-16
    code units (Java strings): a character beyond the BMP before the mark (𠮟, an emoji) counts two."""
    units = message.get("extract", "").encode("utf-16-le")
    start, length = message.get("hiliteStart", 0), message.get("hiliteLength", 0)
    # Its extract may start a character earlier than hiliteStart says: the mark comes with a space.
    return units[2 * start : 2 * (start + length)].decode("utf-16-le", errors="replace").strip()


def known_reason(message: dict) -> str | None:
    """Why an error is Material's, or None when it is not one of the known ones."""
    for start, tag, reason in KNOWN:
        if message["message"].startswith(start) and tag.search(offending(message)):
            return reason
    return None


def test_every_page_is_valid_html_but_for_materials_known_errors(site):
    files = sorted(site.rglob("*.html"))
    assert len(files) > 50
    messages = [m for m in validate(files) if m["type"] in ("error", "non-document-error")]
    ours = [f"{m['url'].removeprefix('file:' + str(site))}: {m['message']}\n    {offending(m)[:300]}"
            for m in messages if known_reason(m) is None]
    assert not ours, f"{len(ours)} errors in the project's markup:\n" + "\n".join(ours[:30])


def test_the_checker_finds_what_it_should(tmp_path):
    """The run above can fail: errors the site once had, and the known errors in markup other
    than Material's, are reported."""
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="ja"><head><title>t</title></head><body>'
                    '<label class="md-nav__title" for="__toc">目次</label>'
                    '<input class="atlas-toggle" type="checkbox" autocomplete="off">'
                    '<label class="atlas-link" for="x" tabindex="">x</label><input id="x" type="checkbox">'
                    "</body></html>", encoding="utf-8")
    messages = [m for m in validate([page]) if m["type"] == "error"]
    assert any("“for” attribute of the “label” element" in m["message"] for m in messages), messages
    assert any("autocomplete" in m["message"] for m in messages), messages
    assert any("tabindex" in m["message"] for m in messages), messages
    assert not any(known_reason(m) for m in messages), "a known-error pattern is too wide"
