#!/usr/bin/env python3
"""Theme report: per theme, sections tagged, documents covered and precision on a hand-checked sample.

    .venv/bin/python bench/themes_report.py            # writes bench/themes.md
    .venv/bin/python bench/themes_report.py --sample   # prints the sample to judge, with excerpts

The sample is drawn with a fixed seed (SAMPLE_PER_THEME tagged sections per theme). The
verdicts are in bench/themes_judgments.yml, written by a person who read each section:
"yes" (the section is substantially about the theme) or "no", with a reason. A sampled
section without a verdict is reported as unjudged, never counted as correct.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from atlas.config.catalog import load_catalog  # noqa: E402
from atlas.enrich.themes import load_themes, tag_sections  # noqa: E402
from atlas.model.document import section_heading, section_text  # noqa: E402
from atlas.pipeline import build_document  # noqa: E402
from atlas.text.fold import fold_with_map  # noqa: E402

SAMPLE_PER_THEME = 6
SEED = 2026
JUDGMENTS = ROOT / "bench" / "themes_judgments.yml"


def corpus():
    sources = ROOT / "sources"
    documents = []
    for entry in load_catalog(sources):
        for part in entry.parts or [entry]:
            if part.meta.kind != "compilation":
                documents.append(build_document(part, sources))
    themes = load_themes(sources / "themes.yml")
    tag_sections(documents, themes)
    return documents, themes


def sample(documents, themes):
    rng = random.Random(SEED)
    drawn = {}
    for theme in themes:
        tagged = [(d, s) for d in documents for s in d.all_sections() if theme.id in s.themes]
        drawn[theme.id] = sorted(rng.sample(tagged, min(SAMPLE_PER_THEME, len(tagged))),
                                 key=lambda x: (x[0].meta.id, x[1].span.start))
    return drawn


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", action="store_true", help="print the sample with excerpts and matches")
    args = parser.parse_args()
    documents, themes = corpus()
    drawn = sample(documents, themes)
    judgments = yaml.safe_load(JUDGMENTS.read_text(encoding="utf-8")) if JUDGMENTS.is_file() else {}
    if args.sample:
        for theme in themes:
            print(f"=== {theme.id}")
            for doc, section in drawn[theme.id]:
                text = section_text(section).replace("\n", " ")
                matches = [fold_with_map(text)[0][a:b] for a, b in theme.spans(fold_with_map(text)[0])]
                print(f"- {doc.meta.id}#{section.anchor} | {section_heading(section)[:50]} | "
                      f"len {len(text)} | {matches[:8]} | {text[:200]}")
        return 0
    lines = ["# Themes report", "",
             "Written by `.venv/bin/python bench/themes_report.py`. Tagging rule: `scripts/atlas/enrich/themes.py`",
             f"(TAGGING RULE). Precision: share of a seeded sample of {SAMPLE_PER_THEME} tagged sections per",
             "theme that a person, reading each section, judged substantially about the theme",
             "(verdicts and reasons: `bench/themes_judgments.yml`).", "",
             "| theme | sections tagged | documents covered | sample | judged yes | precision |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    total_yes = total_judged = 0
    unjudged = []
    for theme in themes:
        tagged = [(d, s) for d in documents for s in d.all_sections() if theme.id in s.themes]
        verdicts = judgments.get(theme.id, {}) or {}
        yes = judged = 0
        for doc, section in drawn[theme.id]:
            key = f"{doc.meta.id}#{section.anchor}"
            verdict = verdicts.get(key)
            if verdict is None:
                unjudged.append(f"{theme.id}: {key}")
                continue
            judged += 1
            yes += str(verdict).startswith("yes")
        total_yes += yes
        total_judged += judged
        precision = f"{yes / judged:.2f}" if judged else "–"
        lines.append(f"| {theme.ja} (`{theme.id}`) | {len(tagged)} | {len({d.meta.id for d, _ in tagged})} | "
                     f"{len(drawn[theme.id])} | {yes} | {precision} |")
    lines += ["", f"Overall: {total_yes} of {total_judged} sampled sections judged on topic "
              f"({total_yes / max(total_judged, 1):.2f}).", ""]
    if unjudged:
        lines += ["Unjudged (sample changed since the verdicts were written):", ""]
        lines += [f"- {item}" for item in unjudged]
        lines.append("")
    text = "\n".join(lines)
    (ROOT / "bench" / "themes.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
