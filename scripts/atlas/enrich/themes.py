"""Themes: tag sections, link first mentions, and find related sections in other documents.

TAGGING RULE (documented in README and pinned by tests/test_themes.py, tests/test_theme_tagging.py)
    A theme's terms are matched in a section's folded text (width, case and kana folded;
    a Latin term only as a whole word; overlapping matches count once).  A term never runs across
    a 「・」 between two words written in kanji or hiragana (「確保・育成」 holds no 保育, 「周知・財政」
    no 知財): there the dot separates words, while inside a loan word it does not (ベース・レジストリ).
    A term written with such a dot (国・地方) matches with or without it.
    An ambiguous term (themes.yml `ambiguous`: コンテンツ, 医療機関, データモデル …) counts only where
    its context is: one of the theme's terms or one of its `with` words in the section's heading or
    text, or in the document's title.
    score = 5 × [a term is in the section heading] + mentions in the section's own text
    A section is tagged with a theme when
      - a term is in its heading, or
      - it mentions the theme at least 3 times (once, in a document whose title names the theme:
        the title already says what the document is about) and at least 2 times per 1,000
        characters.
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
    ListBlock,
    ListItem,
    Paragraph,
    RelatedSection,
    Section,
    inline_targets,
    range_is_free,
)
from ..model.errors import suggestion
from ..structure.particulars import is_particulars, topic_text
from ..text.fold import fold_char, fold_with_map

HEADING_WEIGHT = 5
MIN_MENTIONS = 3
MIN_MENTIONS_UNDER_TITLE = 1  # in a document whose title names the theme
MIN_PER_1000_CHARS = 2.0
MAX_RELATED = 3  # a few that help, not a list to wade through
MIN_RELATED_SCORE = 0.12

# In folded text for theme matching, where words end for certain: at a 「・」 that separates two
# words in kanji or hiragana.  No term holds it (a term's own such dot becomes an optional one in
# its pattern), so no match runs across it.
WORD_BREAK = "\x00"
_MIDDLE_DOT = "\u30fb"
_KANA_OR_LATIN = re.compile(r"[\u30a0-\u30ffA-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


@dataclass
class AmbiguousTerms:
    """Terms that count only where ``context`` (or the theme's own terms) is found."""

    pattern: re.Pattern[str]
    context: re.Pattern[str] | None


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
    ambiguous: list[AmbiguousTerms] = field(default_factory=list)

    def spans(self, folded: str) -> list[tuple[int, int]]:
        """Merged (start, end) spans of this theme's (unambiguous) terms in folded text."""
        assert self.pattern is not None
        return _merged(self.pattern.finditer(folded))

    def mentions(self, folded: str, context: str) -> list[tuple[int, int]]:
        """Merged spans of the theme's terms in ``folded``, its ambiguous terms included where
        ``context`` (folded: the section and its document's title) holds their context."""
        assert self.pattern is not None
        matches = list(self.pattern.finditer(folded))
        for group in self.ambiguous:
            if self.pattern.search(context) or (group.context and group.context.search(context)):
                matches += group.pattern.finditer(folded)
        return _merged(matches)


def _merged(matches) -> list[tuple[int, int]]:
    found = sorted((m.start(), m.end()) for m in matches)
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def fold_for_themes(text: str) -> tuple[str, list[int]]:
    """``text`` folded for search (fold.py), with a WORD_BREAK kept for each 「・」 between two
    characters that are neither katakana nor Latin (「確保・育成」: two words)."""
    folded: list[str] = []
    positions: list[int] = []
    for offset, ch in enumerate(text):
        piece = WORD_BREAK if ch == _MIDDLE_DOT and _separates_words(text, offset) else fold_char(ch)
        folded.append(piece)
        positions.extend([offset] * len(piece))
    positions.append(len(text))
    return "".join(folded), positions


def _separates_words(text: str, offset: int) -> bool:
    before = text[offset - 1] if offset else ""
    after = text[offset + 1] if offset + 1 < len(text) else ""
    return bool(before and after and not before.isspace() and not after.isspace()
                and not _KANA_OR_LATIN.match(before) and not _KANA_OR_LATIN.match(after))


def term_pattern(terms: list[str]) -> re.Pattern[str]:
    """One regex for all terms of a theme, longest first; Latin edges must be word edges; a
    term's own word-separating 「・」 (国・地方) may be written or left out."""
    parts = []
    for term in sorted({fold_for_themes(t)[0] for t in terms}, key=len, reverse=True):
        before = r"(?<![a-z0-9])" if term[:1].isascii() and term[:1].isalnum() else ""
        after = r"(?![a-z0-9])" if term[-1:].isascii() and term[-1:].isalnum() else ""
        parts.append(before + re.escape(term).replace(WORD_BREAK, WORD_BREAK + "?") + after)
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
                  term_pattern(list(t.terms)),
                  [AmbiguousTerms(term_pattern(list(a.terms)), term_pattern(list(a.with_)) if a.with_ else None)
                   for a in t.ambiguous])
            for t in themes]


# ---------------------------------------------------------------------------
# Tagging
# ---------------------------------------------------------------------------


def section_text(section: Section, separator: str = "\n") -> str:
    """The section's own text, its blocks (paragraphs, list items, table cells) joined by ``separator``."""
    parts: list[str] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        elif isinstance(block, ListBlock):
            parts.extend(item.text for item in block.items)
        else:
            parts.extend(cell for row in block.rows for cell in row)
    return separator.join(parts)


def tagging_text(section: Section) -> str:
    """What tagging reads of a section: its text (particulars: their topic lines only).  Blocks are
    joined by a line break, which folding drops: a PDF's text often breaks a word between two
    blocks (「脆」 / 「弱性」), more often than two blocks' words would form a term."""
    return topic_text(section) if is_particulars(section) else section_text(section)


def theme_score(theme: Theme, section: Section, folded: tuple[str, str] | None = None,
                title: str = "") -> tuple[int, bool, int]:
    """(score, heading match, body mentions) of one theme in one section.

    ``folded``: the section's (heading, text) folded by fold_for_themes, when the caller has them
    already; ``title``: its document's title, folded likewise (context for ambiguous terms).
    """
    heading, text = folded or (fold_for_themes(section.title)[0], fold_for_themes(tagging_text(section))[0])
    context = WORD_BREAK.join((heading, text, title))
    in_heading = bool(theme.mentions(heading, context))
    mentions = len(theme.mentions(text, context))
    return HEADING_WEIGHT * in_heading + mentions, in_heading, mentions


def is_tagged(in_heading: bool, mentions: int, length: int, titled: bool = False) -> bool:
    """``titled``: the document's title names the theme, so one mention is evidence enough."""
    per_1000 = mentions * 1000 / max(length, 1)
    least = MIN_MENTIONS_UNDER_TITLE if titled else MIN_MENTIONS
    return in_heading or (mentions >= least and per_1000 >= MIN_PER_1000_CHARS)


def title_names(theme: Theme, folded_title: str) -> bool:
    """The document's title names the theme (ambiguous terms in the title's own context)."""
    return bool(theme.mentions(folded_title, folded_title))


def tag_sections(documents: list[Document], themes: list[Theme]) -> None:
    for document in documents:
        title = fold_for_themes(document.meta.title)[0]
        titled = {theme.id for theme in themes if title_names(theme, title)}
        for section in document.all_sections():
            text = tagging_text(section)
            folded = (fold_for_themes(section.title)[0], fold_for_themes(text)[0])
            scored = []
            for theme in themes:
                score, in_heading, mentions = theme_score(theme, section, folded, title)
                if is_tagged(in_heading, mentions, len(text), theme.id in titled):
                    scored.append((score, theme.id))
            section.themes = [theme_id for score, theme_id in sorted(scored, key=lambda s: (-s[0], s[1]))]
            section.theme_scores = {theme_id: score for score, theme_id in scored}


# ---------------------------------------------------------------------------
# First mentions → links to theme pages
# ---------------------------------------------------------------------------


def link_first_mentions(documents: list[Document], themes: list[Theme]) -> None:
    """In each section, the first mention of each theme it is tagged with links to the theme's page.

    Run after tag_sections. A passing mention ("内閣府特命担当大臣（人工知能戦略担当）" in a roster)
    is not what the section is about, and a link there only adds noise.  A mention is what
    tagging counted: an ambiguous term only in its context."""
    for document in documents:
        title = fold_for_themes(document.meta.title)[0]
        for section in document.all_sections():
            if not section.themes or is_particulars(section):
                continue
            context = WORD_BREAK.join((fold_for_themes(section.title)[0],
                                       fold_for_themes(tagging_text(section))[0], title))
            targets = [(target, *fold_for_themes(target.text)) for target in inline_targets(section)]
            for theme in themes:
                if theme.id in section.themes:
                    _link_first(targets, theme, context)


def _link_first(targets: list[tuple[Paragraph | ListItem, str, list[int]]], theme: Theme, context: str) -> None:
    for target, folded, positions in targets:
        for start, end in theme.mentions(folded, context):
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
