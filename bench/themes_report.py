#!/usr/bin/env python3
"""Theme report: per theme, sections tagged, and precision and recall against hand judgments,
on the seeds and on documents no rule was written for (../shared/corpus).

    .venv/bin/python bench/themes_report.py                 # writes bench/themes.md
    .venv/bin/python bench/themes_report.py --sample        # prints what is still to judge, with excerpts
    .venv/bin/python bench/themes_report.py --corpus DIR    # the corpus elsewhere (default ../shared/corpus)

Two kinds of hand judgments, each written by a person who read the section:

- bench/themes_judgments.yml: per theme, verdicts on seed sections tagged with it (first drawn as
  SAMPLE_PER_THEME per theme), "yes" (substantially about the theme) or "no", with a reason:
  precision only, over the sections still tagged that have a verdict.
- bench/themes_topics.yml: for a seeded sample of sections per document, drawn whatever the
  tags (TOPIC_SAMPLE for a corpus document, SEED_TOPIC_SAMPLE for a seed), the themes each section
  is substantially about ([] for none); and the same for every section tagged with a theme its
  document is not about (the document's themes are listed there too). Precision of a theme: of
  the judged sections tagged with it, the share judged about it; recall: of the judged sections
  about it, the share tagged. A sampled section without a judgment is reported, never counted.

The corpus documents are converted from their pdftotext text (<id>.txt) through a scratch catalog,
as bench/structure.py does (title and issuer from <id>.json); without the corpus only the seeds
are measured.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from atlas.config.catalog import load_catalog  # noqa: E402
from atlas.enrich.themes import Theme, load_themes, tag_sections  # noqa: E402
from atlas.model.document import Document, Section, section_heading, section_text  # noqa: E402
from atlas.pipeline import build_document  # noqa: E402
from atlas.text.fold import fold_with_map  # noqa: E402

SAMPLE_PER_THEME = 6
SEED = 2026
TOPIC_SAMPLE = 10  # sections per corpus document
SEED_TOPIC_SAMPLE = 4  # sections per seed document
MIN_TOPIC_CHARS = 80  # a section with less text says too little to judge (a heading over sub-sections)
JUDGMENTS = ROOT / "bench" / "themes_judgments.yml"
TOPICS = ROOT / "bench" / "themes_topics.yml"
OUT = ROOT / "bench" / "themes.md"
# Titles as printed on the first page, for the corpus records that have none: a reader adding the
# document would write it in the catalog, and tagging reads a document's title (pmda-mf-system-slides
# prints its title only as graphics, so it keeps its id).
PRINTED_TITLES = {
    "mext-genai-guideline-v2-2024": "初等中等教育段階における生成AIの利活用に関するガイドライン（Ver. 2.0）",
    "mext-genai-interim-guideline-2023": "初等中等教育段階における生成AIの利用に関する暫定的なガイドライン",
    "mhlw-mf-cell-tissue-dossier-2013": ("細胞・組織加工医薬品等の製造に関連するものに係る原薬等登録原簿"
                                         "登録申請書及びその申請書に添付すべき資料の作成要領について"),
    "mhlw-shinryo-kaitei-teisei-2020": "令和２年度診療報酬改定関連通知及び官報掲載事項の一部訂正について",
}
# ../shared/corpus beside the project (a git worktree under wt/ looks one level further up).
CORPUS = Path(os.environ.get("ATLAS_CORPUS") or next(
    (c for c in (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus") if c.is_dir()),
    ROOT.parent / "shared" / "corpus"))


def seed_documents() -> list[Document]:
    sources = ROOT / "sources"
    documents = []
    for entry in load_catalog(sources):
        for part in entry.parts or [entry]:
            if part.meta.kind != "compilation":
                documents.append(build_document(part, sources))
    return documents


def _structure_bench():
    """bench/structure.py, which builds the corpus's scratch catalog for both benches."""
    spec = importlib.util.spec_from_file_location("structure_bench", ROOT / "bench" / "structure.py")
    assert spec and spec.loader
    module = sys.modules.setdefault("structure_bench", importlib.util.module_from_spec(spec))
    if not hasattr(module, "corpus_catalog"):
        spec.loader.exec_module(module)
    return module


def corpus_documents(corpus: Path, ids: set[str] | None = None) -> list[Document]:
    """The corpus documents (those named in ``ids``, or all) from their pdftotext text, through a
    scratch catalog; [] when the corpus is absent."""
    with _structure_bench().corpus_catalog(corpus, ".txt", ids, PRINTED_TITLES) as folder:
        return [build_document(entry, folder) for entry in load_catalog(folder)] if folder else []


def key(document: Document, section: Section) -> str:
    return f"{document.meta.id}#{section.anchor}"


def topic_sample(documents: list[Document], per_document: int) -> list[tuple[Document, Section]]:
    """A seeded sample of each document's sections with some text, drawn whatever their tags, so
    that a change of the tagging rule leaves it as it is."""
    drawn = []
    for document in documents:
        rng = random.Random(f"{SEED}:{document.meta.id}")
        candidates = [s for s in document.all_sections() if len(section_text(s)) >= MIN_TOPIC_CHARS]
        picked = rng.sample(candidates, min(per_document, len(candidates)))
        drawn += [(document, s) for s in sorted(picked, key=lambda s: s.span.start)]
    return drawn


def off_topic_tags(documents: list[Document], about: dict[str, list[str]]) -> list[tuple[Document, Section]]:
    """Sections tagged with a theme their document is not about (``about``: document id → themes)."""
    return [(d, s) for d in documents if d.meta.id in about for s in d.all_sections()
            if set(s.themes) - set(about[d.meta.id])]


def scores(judged: list[tuple[Section, list[str]]], themes: list[Theme]) -> list[tuple[Theme, int, int, int, int]]:
    """Per theme: (theme, tagged, of them about it, about it, of them tagged) over the judged sections."""
    rows = []
    for theme in themes:
        tagged = [about for section, about in judged if theme.id in section.themes]
        relevant = [section for section, about in judged if theme.id in about]
        rows.append((theme, len(tagged), sum(theme.id in about for about in tagged),
                     len(relevant), sum(theme.id in s.themes for s in relevant)))
    return rows


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "–"


def topic_table(label: str, judged: list[tuple[Section, list[str]]], themes: list[Theme],
                sampled: list[tuple[Section, list[str]]]) -> list[str]:
    rows = scores(judged, themes)
    lines = [f"### {label}: {len(judged)} sections judged", "",
             "| theme | tagged | of them about it | precision | about it | of them tagged | recall |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for theme, tagged, right, relevant, found in rows:
        if tagged or relevant:
            lines.append(f"| {theme.short} (`{theme.id}`) | {tagged} | {right} | {_ratio(right, tagged)} | "
                         f"{relevant} | {found} | {_ratio(found, relevant)} |")
    tagged, right = sum(r[1] for r in rows), sum(r[2] for r in rows)
    relevant, found = sum(r[3] for r in rows), sum(r[4] for r in rows)
    lines.append(f"| all themes (micro) | {tagged} | {right} | {_ratio(right, tagged)} | {relevant} | {found} | "
                 f"{_ratio(found, relevant)} |")
    rows = scores(sampled, themes)
    tagged, right = sum(r[1] for r in rows), sum(r[2] for r in rows)
    relevant, found = sum(r[3] for r in rows), sum(r[4] for r in rows)
    lines += [f"| the random sample alone ({len(sampled)} sections, micro) | {tagged} | {right} | "
              f"{_ratio(right, tagged)} | {relevant} | {found} | {_ratio(found, relevant)} |", ""]
    return lines


def judged_sections(documents: list[Document], verdicts: dict, wanted: list[tuple[Document, Section]],
                    unjudged: list[str]) -> list[tuple[Section, list[str]]]:
    """The judged sections: every section of ``documents`` with a verdict (the sample and the extra
    ones); ``wanted`` without one go to ``unjudged``."""
    judged = []
    for document in documents:
        for section in document.all_sections():
            verdict = verdicts.get(key(document, section))
            if verdict is not None:
                judged.append((section, list(verdict.get("about") or [])))
    unjudged += [key(d, s) for d, s in wanted if key(d, s) not in verdicts]
    return judged


def print_to_judge(items: list[tuple[Document, Section]], themes: list[Theme], chars: int = 400) -> None:
    for doc, section in items:
        text = section_text(section).replace("\n", " ")
        folded = fold_with_map(section.title + " " + text)[0]
        matches = {t.id: len(t.spans(folded)) for t in themes if t.spans(folded)}
        print(f"- {key(doc, section)} | {section_heading(section)[:60]} | len {len(text)} | tags {section.themes} "
              f"| matches {matches}\n    {text[:chars]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", action="store_true", help="print what is still to judge, with excerpts")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with <id>.txt and <id>.json")
    args = parser.parse_args()
    themes = load_themes(ROOT / "sources" / "themes.yml")
    seeds, corpus = seed_documents(), corpus_documents(args.corpus)
    tag_sections(seeds, themes)
    tag_sections(corpus, themes)
    judgments = yaml.safe_load(JUDGMENTS.read_text(encoding="utf-8")) if JUDGMENTS.is_file() else {}
    topics = yaml.safe_load(TOPICS.read_text(encoding="utf-8")) if TOPICS.is_file() else {}
    about = topics.get("documents") or {}
    sets = [("seeds", seeds, topic_sample(seeds, SEED_TOPIC_SAMPLE), topics.get("seeds") or {}),
            ("corpus", corpus, topic_sample(corpus, TOPIC_SAMPLE), topics.get("corpus") or {})]
    if args.sample:
        for label, documents, sample, verdicts in sets:
            wanted = sample + off_topic_tags(documents, about)
            print(f"=== {label}")
            todo = {key(d, s): (d, s) for d, s in wanted if key(d, s) not in verdicts}
            print_to_judge(list(todo.values()), themes)
        return 0
    lines = ["# Themes report", "",
             "Written by `.venv/bin/python bench/themes_report.py` (`--corpus DIR` when `../shared/corpus` is not",
             "beside the project). Tagging rule: `scripts/atlas/enrich/themes.py` (TAGGING RULE), terms in",
             "`sources/themes.yml`.", "",
             "## Precision and recall on judged sections", "",
             f"For a seeded sample of sections per document ({SEED_TOPIC_SAMPLE} per seed, {TOPIC_SAMPLE} per corpus",
             f"document, of those with at least {MIN_TOPIC_CHARS} characters of text), drawn whatever their tags, a",
             "person read each section and wrote down the themes it is substantially about; so were every",
             "section tagged with a theme its document is not about, and the seed sections whose tags a rule",
             "change altered (`bench/themes_topics.yml`). Precision: of the judged sections tagged with a theme,",
             "the share about it; recall: of the judged sections about a theme, the share tagged with it. The",
             "sections added to the sample are mostly doubtful tags, so precision here is rather low than high.",
             ""]
    unjudged: list[str] = []
    for label, documents, sample, verdicts in sets:
        if not documents:
            lines += [f"### {label}: none (`{args.corpus}` is absent)", ""]
            continue
        wanted = sample + off_topic_tags(documents, about)
        judged = judged_sections(documents, verdicts, wanted, unjudged)
        sampled = [(s, list(verdicts[key(d, s)].get("about") or [])) for d, s in sample if key(d, s) in verdicts]
        lines += topic_table(label, judged, themes, sampled)
    if unjudged:
        lines += ["To judge (sampled, or tagged off the document's themes, with no judgment yet):", ""]
        lines += [f"- {item}" for item in dict.fromkeys(unjudged)] + [""]
    lines += ["## Seeds: precision on the hand verdicts of tagged sections", "",
              "Verdicts on (theme, tagged seed section) pairs, \"yes\" (substantially about the theme) or",
              f"\"no\" (`bench/themes_judgments.yml`, first drawn as {SAMPLE_PER_THEME} tagged sections per theme): of",
              "the sections tagged with a theme now that have a verdict, the share judged yes. A pair no longer",
              "tagged drops out.", "",
              "| theme | sections tagged | documents covered | tagged with a verdict | judged yes | precision |",
              "| --- | ---: | ---: | ---: | ---: | ---: |"]
    total_yes = total_judged = 0
    for theme in themes:
        tagged = [(d, s) for d in seeds for s in d.all_sections() if theme.id in s.themes]
        verdicts = judgments.get(theme.id, {}) or {}
        found = [str(verdicts[key(d, s)]) for d, s in tagged if key(d, s) in verdicts]
        yes = sum(v.startswith("yes") for v in found)
        total_yes += yes
        total_judged += len(found)
        lines.append(f"| {theme.ja} (`{theme.id}`) | {len(tagged)} | {len({d.meta.id for d, _ in tagged})} | "
                     f"{len(found)} | {yes} | {_ratio(yes, len(found))} |")
    lines += ["", f"Overall: {total_yes} of {total_judged} judged tagged sections on topic "
              f"({_ratio(total_yes, total_judged)}).", ""]
    text = "\n".join(lines)
    OUT.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
