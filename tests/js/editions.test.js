/* The edition filter of the search core (issue 21): ?edition=latest keeps the sections of each
 * work's newest edition; an older edition's are 「旧版」.  Run by tests/test_search_core.py. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../docs/assets/atlas-search-core.js");

/* Three documents (sections 0-1, 2-4, 5): "v2" is the newest edition of a work whose older
 * edition is "v1" (facets.json marks it "old"); "other" is no edition of anything. */
const FACETS = core.facetIndex({
  issuers: ["文部科学省"],
  documents: [
    { id: "v2", title: "指針", issuer: 0, year: 2024, first: 0 },
    { id: "v1", title: "暫定的な指針", issuer: 0, year: 2023, first: 2, old: 1 },
    { id: "other", title: "別の文書", issuer: 0, year: 2024, first: 5 }
  ],
  themes: []
});
const RESULTS = [3, 0, 5, 2, 1].map((id) => ({ id }));
const ids = (list) => list.map((h) => h.id);

test("the latest-edition filter drops older editions' sections and keeps the rank order", () => {
  assert.deepEqual(ids(core.filterResults(RESULTS, FACETS, { edition: "latest" })), [0, 5, 1]);
  assert.deepEqual(ids(core.filterResults(RESULTS, FACETS, { edition: "old" })), [3, 2]);
  assert.deepEqual(ids(core.filterResults(RESULTS, FACETS, { edition: "latest", doc: "v1" })), []);
});

test("the edition choices are counted, the latest first, and labelled in Japanese", () => {
  const f = core.facets(RESULTS, FACETS, {});
  assert.deepEqual(f.edition.map((c) => [c.value, c.label, c.count]), [["latest", "最新版", 3], ["old", "旧版", 2]]);
  // Chosen, with no result left: still listed, with its label.
  const none = core.facets([{ id: 2 }], FACETS, { edition: "latest", doc: "v1" });
  assert.deepEqual(none.edition.map((c) => [c.value, c.label, c.count]), [["latest", "最新版", 0], ["old", "旧版", 1]]);
});
