#!/usr/bin/env python3
"""Conversion and build benchmark: the real corpus and synthetic corpora 10× and 50× as large.

    .venv/bin/python bench/build_bench.py            # 1×, 10×, 50×; writes bench/build.md
    .venv/bin/python bench/build_bench.py --factors 1 10

For each corpus: convert time and peak memory (a child process, measured with getrusage),
build time, total site size, the heaviest page (its HTML plus the CSS and JS it loads,
gzip-compressed) and the search index size. Synthetic corpora repeat every document with
varied ids (bench/search_bench.py: synthetic_sources).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from search_bench import WORK, build_site_with_nav, synthetic_sources  # noqa: E402

PYTHON = sys.executable


def convert_child(sources: Path, out: Path) -> tuple[float, float]:
    """(seconds, peak MB) of converting in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run([PYTHON, str(ROOT / "scripts" / "convert.py"), "--sources", str(sources), "--out", str(out)],
                   check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def heaviest_page(site: Path) -> tuple[str, int]:
    """The page whose HTML + CSS + JS weigh most, gzip-compressed."""
    best = ("", 0)
    assets: dict[Path, int] = {}
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        total = gz(page)
        for ref in re.findall(r'(?:src|href)="?([^" >]+\.(?:css|js))', html):
            target = (page.parent / ref).resolve()
            if target.is_file():
                assets.setdefault(target, gz(target))
                total += assets[target]
        if total > best[1]:
            best = (str(page.relative_to(site)), total)
    return best


def measure(factor: int) -> dict:
    sources = ROOT / "sources" if factor == 1 else synthetic_sources(factor)
    docs = WORK / f"build-docs-{factor}x"
    shutil.rmtree(docs, ignore_errors=True)
    seconds, peak_mb = convert_child(sources, docs)
    for extra in ("assets", "about.md", "tags.md"):
        src = ROOT / "docs" / extra
        if src.is_dir():
            shutil.copytree(src, docs / extra, dirs_exist_ok=True)
        else:
            shutil.copy(src, docs / extra)
    site = WORK / f"build-site-{factor}x"
    build_s = build_site_with_nav(docs, site, (docs / ".nav.yml").read_text(encoding="utf-8"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    index = sum(p.stat().st_size for p in (site / "atlas").glob("search*.json"))
    index_gz = sum(gz(p) for p in (site / "atlas").glob("search*.json"))
    page, weight = heaviest_page(site)
    real_mb = sum(p.stat().st_size for p in (ROOT / "sources").glob("*.txt")) / 1e6
    return {"factor": factor, "source_mb": real_mb * factor,  # every copy converts the same texts again
            "convert_s": seconds, "peak_mb": peak_mb, "build_s": build_s, "site_mb": size / 1e6,
            "pages": sum(1 for _ in site.rglob("*.html")), "heaviest_page": page, "heaviest_kb": weight / 1024,
            "index_mb": index / 1e6, "index_gz_mb": index_gz / 1e6}


NOTES = (
    "Notes:",
    "",
    "- What keeps growth linear: the nav lists at most 20 documents in any open group (a body with",
    "  more is divided by year and into runs of 20: `write.nav_yaml`), because Material renders the",
    "  open group on every page; related sections compare each section through at most 80 bigrams",
    "  that occur in at most 50 sections (`themes.relate_sections`), so one section's cost is bounded.",
    "  Before these (2026-11-24): 50× took 1.13× the real corpus's time per copy and 388 MB.",
    "- Peak memory grows with the corpus (every document is held in memory while pages are written).",
    "- The synthetic corpora repeat the real documents: every section exists 10 or 50 times, which",
    "  is the worst case for related sections (every bigram is shared by all the copies).",
    "- The heaviest page is a source view (the raw lines of a long part, numbered and linkable).",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 50])
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    rows = []
    for factor in args.factors:
        row = measure(factor)
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    lines = ["# Conversion and build benchmark", "",
             "Written by `.venv/bin/python bench/build_bench.py` on this project's 2-core machine. Convert: ",
             "`scripts/convert.py` (read, structure, themes, related sections, pages, search index) in a child",
             "process; build: `mkdocs build`; heaviest page: its HTML plus the CSS and JS it loads, gzip.", "",
             "| corpus | source MB | convert s | peak MB | build s | convert + build s | pages | site MB "
             "| heaviest page | its weight KB gzip | search index MB (gzip) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |"]
    for r in rows:
        lines.append(f"| {r['factor']}× | {r['source_mb']:.1f} | {r['convert_s']:.1f} | {r['peak_mb']:.0f} | "
                     f"{r['build_s']:.1f} | {r['convert_s'] + r['build_s']:.1f} | {r['pages']} | {r['site_mb']:.1f} | "
                     f"`{r['heaviest_page']}` | {r['heaviest_kb']:.0f} | "
                     f"{r['index_mb']:.1f} ({r['index_gz_mb']:.2f}) |")
    if len(rows) > 1:
        base = rows[0]
        lines += ["", "Growth against the real corpus (time per unit of corpus; 1.0 = linear):", ""]
        for r in rows[1:]:
            per = (r["convert_s"] + r["build_s"]) / (base["convert_s"] + base["build_s"]) / r["factor"]
            lines.append(f"- {r['factor']}×: convert + build took {per:.2f}× the real corpus's time per copy.")
    lines += ["", *NOTES]
    text = "\n".join(lines) + "\n"
    (ROOT / "bench" / "build.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
