/* The search as it was before the index was split (one index, every section's folded text in
 * memory): the reference that the split index must agree with, result for result. */
"use strict";

function count(haystack, needle, limit) {
  let n = 0;
  let at = haystack.indexOf(needle);
  while (at !== -1 && n < limit) {
    n++;
    at = haystack.indexOf(needle, at + needle.length);
  }
  return n;
}

/* sections: [{n: folded text, tn: folded title}] in index order; words: distinct folded words;
 * expand(word) → [{word, via}]: the word, then its synonyms (the core's synonymsOf); a section has
 * a word as the first of these it holds, and sections with fewer synonyms come first. */
function referenceSearch(sections, words, expand = (w) => [{ word: w, via: "" }]) {
  if (!words.length) return { results: [], all: true };
  const phrase = words.join("");
  const total = sections.length;
  const hits = [];
  const df = words.map(() => 0);
  const alternatives = words.map(expand);
  sections.forEach((s, i) => {
    const counts = [];
    const forms = [];
    const via = [];
    let matched = 0;
    words.forEach((w, k) => {
      const form = alternatives[k].find((a) => s.n.indexOf(a.word) !== -1 || s.tn.indexOf(a.word) !== -1);
      const c = form ? count(s.n, form.word, 50) + (s.tn.indexOf(form.word) !== -1 ? 1 : 0) : 0;
      counts.push(c);
      forms.push(form ? form.word : w);
      if (form && form.via && via.indexOf(form.via) === -1) via.push(form.via);
      if (c) { matched++; df[k]++; }
    });
    if (matched) hits.push({ i, s, counts, forms, via, matched });
  });
  const all = hits.filter((h) => h.matched === words.length);
  const pool = all.length ? all : hits;
  const avg = sections.reduce((sum, s) => sum + s.n.length, 0) / Math.max(1, total);
  const idf = df.map((d) => Math.log(1 + (total - d + 0.5) / (d + 0.5)));
  pool.forEach((h) => {
    let score = 0;
    const len = h.s.n.length || 1;
    words.forEach((w, k) => {
      const tf = h.counts[k];
      if (!tf) return;
      score += idf[k] * (tf * 2.2) / (tf + 1.2 * (0.25 + 0.75 * len / avg));
      if (h.s.tn.indexOf(h.forms[k]) !== -1) score += 1.5 * idf[k];
    });
    if (words.length > 1 && (h.s.n.indexOf(phrase) !== -1 || h.s.tn.indexOf(phrase) !== -1)) {
      score += 3 * Math.max.apply(null, idf);
    }
    if (h.s.tn === phrase) score += 4;
    h.score = score + h.matched * 10;
  });
  pool.sort((a, b) => a.via.length - b.via.length || b.score - a.score || a.i - b.i);
  return { results: pool.map((h) => ({ id: h.i, score: h.score, via: h.via })), all: all.length > 0 };
}

module.exports = { referenceSearch };
