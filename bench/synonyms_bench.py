#!/usr/bin/env python3
"""Synonyms, before and after: the same queries on the site without synonyms and with them.

    .venv/bin/python bench/synonyms_bench.py [--before REVISION]   # default: 5248688, before synonyms

The "before" site is the committed docs/ of REVISION (git archive), the "after" site the working
tree's docs/; both are built with MkDocs and scored by the shared harness (search_eval.py
--sections --ime run) on three query sets: the synonym queries of tests/search_queries.jsonl
(kind synonym), the rest of that file, and the development set.  Besides the harness's figures,
P@10 is the share of the results shown (up to 10) whose section holds the needle as written: a
result found through a synonym (耐量子計算機暗号 for PQC) counts as a miss there, so it is a lower
bound of precision; the results the synonyms added are listed for a reader to judge.  Writes the
"Synonyms" section at the end of bench/search.md (between its markers; search_bench.py and
search_size.py keep it).
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_bench import DEV_QUERIES, ENV, MKDOCS, OWN_QUERIES, ROOT, WORK, evaluate

BEGIN, END = "<!-- BEGIN synonyms (bench/synonyms_bench.py) -->", "<!-- END synonyms -->"
REPORT = ROOT / "bench" / "search.md"
BEFORE = "5248688"  # main before synonyms
NOTES = [
    "Notes:",
    "",
    "- What is left out, and why (scripts/atlas/enrich/synonyms.py, synonyms.yml): of the Sudachi synonym",
    "  dictionary, every other lexeme of a group (near, broader or narrower words: 概要/要約/要旨,",
    "  支払い/勘定/会計), the words it marks ambiguous (expansion flag 1) or never to expand (2), misuses,",
    "  misspellings, verbs, and abbreviations of two characters (産交, 一警, 児相: inside 生産交流 and the",
    "  like); of every source but the curated list, a word the library holds mostly inside other words",
    "  (トーク inside トークン, ナビ inside ナビゲーション, pt inside concept) is only a word a reader may",
    "  type, never looked for; the library's bracket PTS（大阪デジタルエクスチェンジ） (it names the company",
    "  that runs one) is refused; so are pairs that overlap but are not one thing: 本人確認/身元確認,",
    "  情報セキュリティ/サイバーセキュリティ, メタバース/仮想空間, デジタル人材/IT人材, スタートアップ/ベンチャー.",
    "- Every result the synonyms added to the other query sets (listed above) names the same thing as",
    "  the query (DFFT for 信頼性のある自由なデータ流通, 耐量子計算機暗号 for PQC, 量子計算機 for",
    "  量子コンピュータ), judged by reading them: P@10 falls only because the needle is written otherwise.",
    '- Size: the synonym table ships in the manifest (search.json), fetched when the search box is',
    '  focused: 456 groups, 21.3 KB (7.9 KB gzip) at 1×; the whole manifest 8.4 KB → 36.0 KB (12.2 KB',
    '  gzip). At 50× (search_bench.synthetic_sources(50) converted, 2026-12-06, before the last fix that',
    "  added 14 groups) the table is the same, 442 groups, 20.9 KB (7.8 KB gzip): the library's words do",
    '  not change with copies; the manifest 53.1 KB (18.7 KB gzip), its chunk directory growing. The',
    '  glossary entries add 6.3 KB (2.5 KB gzip) at any size.',
]


def site_of(revision: str | None) -> Path:
    """The docs/ of a revision (None: the working tree) built with MkDocs."""
    name = revision or "worktree"
    folder, site = WORK / f"synonyms-{name}", WORK / f"synonyms-{name}-site"
    if revision:
        archive = subprocess.run(["git", "archive", revision, "docs", "mkdocs.yml", "overrides",
                                  "scripts/site_hooks.py"], cwd=ROOT, check=True, capture_output=True).stdout
        folder.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
    subprocess.run([str(MKDOCS), "build", "-q", "--site-dir", str(site)], cwd=folder if revision else ROOT,
                   check=True, capture_output=True, env=ENV)
    return site


def query_sets() -> dict[str, Path]:
    lines = OWN_QUERIES.read_text("utf-8").splitlines()
    synonym = [line for line in lines if json.loads(line)["kind"] == "synonym"]
    others = [line for line in lines if json.loads(line)["kind"] != "synonym"]
    sets = {}
    for name, chosen in (("synonym", synonym), ("own", others)):
        sets[name] = WORK / f"synonyms-queries-{name}.jsonl"
        sets[name].write_text("\n".join(chosen) + "\n", "utf-8")
    sets["dev"] = DEV_QUERIES
    return sets


def precision(result: dict) -> float:
    shares = [sum(r["hit"] for r in q["results"][:10]) / len(q["results"][:10]) if q["results"] else 0.0
              for q in result["queries"]]
    return sum(shares) / len(shares)


def added(before: dict, after: dict) -> list[str]:
    """Results shown after and not before, per query: "query: title (needle as written: yes/no)"."""
    lines = []
    for old, new in zip(before["queries"], after["queries"], strict=True):
        shown = {r["href"] for r in old["results"]}
        extra = [f"{r['title'][:30]}（{'yes' if r['hit'] else 'no'}）" for r in new["results"]
                 if r["href"] not in shown]
        if extra and old["results"]:
            lines.append(f"  - {new['q']}: " + "; ".join(extra))
    return lines


def row(label: str, result: dict) -> str:
    s = result["summary"]
    return (f"| {label} | {s['hit@1']:.3f} | {s['hit@5']:.3f} | {s['hit@10']:.3f} | {s['mrr@10']:.3f} | "
            f"{s['zero_results']} | {precision(result):.3f} | {s['latency_median_ms']} | {s['latency_p95_ms']} |")


def report(results: dict[str, dict[str, dict]], revision: str) -> str:
    titles = {"synonym": "Synonym queries (`tests/search_queries.jsonl`, kind synonym: a word alone and in a "
                         "longer query)",
              "own": "The project's other queries (`tests/search_queries.jsonl`, every other kind)",
              "dev": "Development set (`../shared/eval/queries_dev.jsonl`)"}
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = [BEGIN, "## Synonyms: before and after", "",
             f"Written by `.venv/bin/python bench/synonyms_bench.py` ({when}):"
             f" before = the site at {revision} (no synonyms), after = this revision; search_eval.py --sections "
             "--ime run. P@10: share of the results shown (up to 10) whose section holds the needle as written "
             "(a result found through a synonym counts as a miss: a lower bound of precision).", ""]
    for name, title in titles.items():
        count = len(results["after"][name]["queries"])
        lines += [f"### {title}, {count} queries", "",
                  "| site | hit@1 | hit@5 | hit@10 | MRR@10 | zero-result | P@10 | latency median ms | p95 ms |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
                  row("before", results["before"][name]), row("after", results["after"][name]), ""]
        extra = added(results["before"][name], results["after"][name])
        if extra and name != "synonym":
            lines += ["Results the synonyms added (needle as written in the section: yes/no):", "", *extra, ""]
    return "\n".join([*lines, *NOTES]).rstrip("\n") + "\n" + END + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=BEFORE)
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    sites = {"before": site_of(args.before), "after": site_of(None)}
    sets = query_sets()
    results = {label: {name: evaluate(site, queries, f"synonyms-{label}-{name}") for name, queries in sets.items()}
               for label, site in sites.items()}
    section = report(results, args.before)
    text = REPORT.read_text("utf-8")
    if BEGIN in text:
        text = text.split(BEGIN)[0].rstrip("\n") + "\n\n" + section + text.split(END, 1)[1].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    REPORT.write_text(text, "utf-8")
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
