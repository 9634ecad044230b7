"""Themes: tag sections, link first mentions, and find related sections in other documents.

TAGGING RULE (documented in README and pinned by tests/test_themes.py)
    A theme's terms are matched in a section's folded text (width, case and kana folded;
    a Latin term only as a whole word; overlapping matches count once).
    score = 5 × [a term is in the section heading] + mentions in the section's own text
    A section is tagged with a theme when
      - a term is in its heading, or
      - it mentions the theme at least 3 times and at least 2 times per 1,000 characters.
    A passing mention (once or twice, or a few times in a long section) does not tag it.
    In particulars (rosters, attendance lists, hearing records: particulars.py) only the lines
    that are not a roster's count (a hearing's topic, not who was heard): names, posts and
    offices ("…サイバーセキュリティ・情報化審議官") say nothing of what was discussed.

THEME LINKS
    In each section, the first mention of each theme the section is TAGGED with links to the
    theme's page; a passing mention stays plain text, and particulars get no links.

RELATED SECTIONS
    For every substantive section (some text, not particulars), up to 3 substantive sections
    from OTHER documents, ranked by
    cosine similarity of TF-IDF vectors over character bigrams of the folded text (Japanese
    needs no word segmentation for this) plus 0.3 × the Jaccard overlap of their themes;
    a candidate must reach MIN_RELATED_SCORE.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..config.schema import Themes
from ..config.validation import key_error, refuse_repeats, validate
from ..config.yamlfile import load_located
from ..model.document import (
    Document,
    InlineLink,
    ListItem,
    Paragraph,
    RelatedSection,
    Section,
    inline_targets,
    range_is_free,
    section_text,
)
from ..model.errors import suggestion
from ..structure.particulars import is_particulars, topic_text
from ..text.fold import fold_with_map

HEADING_WEIGHT = 5
MIN_MENTIONS = 3
MIN_PER_1000_CHARS = 2.0
MAX_RELATED = 3  # a few that help, not a list to wade through
MIN_RELATED_SCORE = 0.12


@dataclass
class Theme:
    id: str
    ja: str
    en: str
    definition: str
    terms: list[str]
    related: list[str] = field(default_factory=list)
    short: str = ""
    pattern: re.Pattern[str] | None = None

    def spans(self, folded: str) -> list[tuple[int, int]]:
        """Merged (start, end) spans of this theme's terms in folded text."""
        assert self.pattern is not None
        found = sorted((m.start(), m.end()) for m in self.pattern.finditer(folded))
        merged: list[tuple[int, int]] = []
        for start, end in found:
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged


def term_pattern(terms: list[str]) -> re.Pattern[str]:
    """One regex for all terms of a theme, longest first; Latin edges must be word edges."""
    parts = []
    for term in sorted({fold_with_map(t)[0] for t in terms}, key=len, reverse=True):
        before = r"(?<![a-z0-9])" if term[:1].isascii() and term[:1].isalnum() else ""
        after = r"(?![a-z0-9])" if term[-1:].isascii() and term[-1:].isalnum() else ""
        parts.append(before + re.escape(term) + after)
    return re.compile("|".join(parts))


def load_themes(path: Path) -> list[Theme]:
    located = load_located(path)
    themes = validate(located, Themes, "id").themes
    refuse_repeats(located, "themes", [t.id for t in themes], "id",
                   "duplicate theme id '{value}' (first used at line {first})")
    for index, theme in enumerate(themes):
        for position, other in enumerate(theme.related):
            if other not in {t.id for t in themes}:
                raise key_error(located, ("themes", index, "related", position), f"unknown theme '{other}'"
                                + suggestion(other, [t.id for t in themes]), "id")
    return [Theme(t.id, t.ja, t.en, t.definition, list(t.terms), list(t.related), t.short or t.ja,
                  term_pattern(list(t.terms))) for t in themes]


# ---------------------------------------------------------------------------
# Tagging
# ---------------------------------------------------------------------------


def theme_score(theme: Theme, section: Section, folded: tuple[str, str] | None = None) -> tuple[int, bool, int]:
    """(score, heading match, body mentions) of one theme in one section.

    ``folded``: the section's folded (heading, text), when the caller has them already.
    """
    heading, text = folded or (fold_with_map(section.title)[0], fold_with_map(section_text(section))[0])
    in_heading = bool(theme.spans(heading))
    mentions = len(theme.spans(text))
    return HEADING_WEIGHT * in_heading + mentions, in_heading, mentions


def is_tagged(in_heading: bool, mentions: int, length: int) -> bool:
    per_1000 = mentions * 1000 / max(length, 1)
    return in_heading or (mentions >= MIN_MENTIONS and per_1000 >= MIN_PER_1000_CHARS)


def tag_sections(documents: list[Document], themes: list[Theme]) -> None:
    for document in documents:
        for section in document.all_sections():
            text = topic_text(section) if is_particulars(section) else section_text(section)
            folded = (fold_with_map(section.title)[0], fold_with_map(text)[0])
            scored = []
            for theme in themes:
                score, in_heading, mentions = theme_score(theme, section, folded)
                if is_tagged(in_heading, mentions, len(text)):
                    scored.append((score, theme.id))
            section.themes = [theme_id for score, theme_id in sorted(scored, key=lambda s: (-s[0], s[1]))]
            section.theme_scores = {theme_id: score for score, theme_id in scored}


# ---------------------------------------------------------------------------
# First mentions → links to theme pages
# ---------------------------------------------------------------------------


def link_first_mentions(documents: list[Document], themes: list[Theme]) -> None:
    """In each section, the first mention of each theme it is tagged with links to the theme's page.

    Run after tag_sections. A passing mention ("内閣府特命担当大臣（人工知能戦略担当）" in a roster)
    is not what the section is about, and a link there only adds noise."""
    for document in documents:
        for section in document.all_sections():
            if not section.themes or is_particulars(section):
                continue
            targets = [(target, *fold_with_map(target.text)) for target in inline_targets(section)]
            for theme in themes:
                if theme.id in section.themes:
                    _link_first(targets, theme)


def _link_first(targets: list[tuple[Paragraph | ListItem, str, list[int]]], theme: Theme) -> None:
    for target, folded, positions in targets:
        for start, end in theme.spans(folded):
            begin, finish = positions[start], positions[end - 1] + 1
            if range_is_free(target, begin, finish):
                target.links.append(InlineLink(begin, finish - begin, f"theme:{theme.id}"))
                return


# ---------------------------------------------------------------------------
# Related sections in other documents
# ---------------------------------------------------------------------------


_BIGRAM_CHARS = re.compile(r"[0-9a-z\u3040-\u30ff\u3400-\u9fff]{2,}")
MAX_DF_SHARE = 0.2  # bigrams in more than a fifth of the sections say nothing
# Nor do bigrams in more than 50 sections: about a fifth of today's corpus, so the share above
# decides there, while a larger corpus never makes one section's comparisons costlier than today.
MAX_DF = 50
TOP_BIGRAMS = 80  # the most telling bigrams of a section are enough to compare it


def _bigrams(text: str) -> Counter[str]:
    grams: Counter[str] = Counter()
    for run in _BIGRAM_CHARS.findall(fold_with_map(text)[0]):
        grams.update(run[i : i + 2] for i in range(len(run) - 1))
    return grams


def relate_sections(documents: list[Document]) -> None:
    units = [(doc, s) for doc in documents for s in doc.all_sections()
             if len(section_text(s)) >= 80 and not is_particulars(s)]
    counts = [_bigrams(s.title + "\n" + section_text(s)) for _, s in units]
    df: Counter[str] = Counter()
    for grams in counts:
        df.update(grams.keys())
    total = len(units)
    vectors: list[dict[str, float]] = []
    for grams in counts:
        weights = {g: (1 + math.log(c)) * math.log(total / df[g]) for g, c in grams.items()
                   if df[g] <= min(MAX_DF_SHARE * total, MAX_DF)}
        top = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_BIGRAMS])
        norm = math.sqrt(sum(w * w for w in top.values())) or 1.0
        vectors.append({g: w / norm for g, w in top.items()})
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        for gram, weight in vector.items():
            postings[gram].append((index, weight))
    doc_ids = [doc.meta.id for doc, _ in units]
    theme_sets = [frozenset(s.themes) for _, s in units]
    for index, (_, section) in enumerate(units):
        scores: dict[int, float] = defaultdict(float)
        for gram, weight in vectors[index].items():
            for other, other_weight in postings[gram]:
                scores[other] += weight * other_weight
        ranked = []
        own_doc, themes = doc_ids[index], theme_sets[index]
        for other, cosine in scores.items():
            if doc_ids[other] == own_doc:
                continue
            union = len(themes | theme_sets[other])
            jaccard = len(themes & theme_sets[other]) / union if union else 0.0
            score = cosine + 0.3 * jaccard
            if score >= MIN_RELATED_SCORE:
                ranked.append((round(score, 6), doc_ids[other], units[other][1].anchor, other))
        best = heapq.nsmallest(MAX_RELATED, ranked, key=lambda r: (-r[0], r[1], r[2]))
        section.related = [RelatedSection(doc_ids[o], units[o][1].anchor, score) for score, _, _, o in best]
