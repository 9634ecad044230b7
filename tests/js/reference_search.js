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

/* sections: [{n: folded text, tn: folded title}] in index order; words: distinct folded words. */
function referenceSearch(sections, words) {
  if (!words.length) return { results: [], all: true };
  const phrase = words.join("");
  const total = sections.length;
  const hits = [];
  const df = words.map(() => 0);
  sections.forEach((s, i) => {
    const counts = [];
    let matched = 0;
    words.forEach((w, k) => {
      const c = count(s.n, w, 50) + (s.tn.indexOf(w) !== -1 ? 1 : 0);
      counts.push(c);
      if (c) { matched++; df[k]++; }
    });
    if (matched) hits.push({ i, s, counts, matched });
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
      if (h.s.tn.indexOf(w) !== -1) score += 1.5 * idf[k];
    });
    if (words.length > 1 && (h.s.n.indexOf(phrase) !== -1 || h.s.tn.indexOf(phrase) !== -1)) {
      score += 3 * Math.max.apply(null, idf);
    }
    if (h.s.tn === phrase) score += 4;
    h.score = score + h.matched * 10;
  });
  pool.sort((a, b) => b.score - a.score || a.i - b.i);
  return { results: pool.map((h) => ({ id: h.i, score: h.score })), all: all.length > 0 };
}

module.exports = { referenceSearch };
