/* Folds a batch of strings with the JS core, for tests/test_search_core.py's parity check:
 * stdin {"lookalikes": {...}, "variants": {...}?, "synonyms": [...]?, "texts": [...]}, stdout
 * [[foldChar of each code point], fold_with_map, queryWords, and with synonyms each query word's
 * expansion as [word, via] pairs] per text. */
"use strict";
const core = require("../../docs/assets/atlas-search-core.js");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (d) => { input += d; });
process.stdin.on("end", () => {
  const batch = JSON.parse(input);
  const fold = core.folder(batch.lookalikes, batch.variants);
  const expand = batch.synonyms && core.synonymsOf(batch.synonyms, fold);
  const out = batch.texts.map((t) => {
    const fm = fold.foldWithMap(t);
    const found = { chars: Array.from(t).map(fold.foldChar), folded: fm.folded, map: fm.map, words: fold.queryWords(t) };
    if (expand) found.expanded = expand.named(found.words).map((w) => expand(w).map((a) => [a.word, a.via]));
    return found;
  });
  process.stdout.write(JSON.stringify(out));
});
