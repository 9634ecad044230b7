/* The split index the converter wrote (ATLAS_INDEX_DIR, set by tests/test_search_core.py) answers
 * every query exactly as the search over one whole index did (reference_search.js): the same
 * sections, in the same order, with the same scores.  Queries: SEARCH_QUERIES (JSON lines files,
 * separated by the path delimiter) and words cut from the sections' own text. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const core = require("../../docs/assets/atlas-search-core.js");
const { referenceSearch } = require("./reference_search.js");

const dir = process.env.ATLAS_INDEX_DIR;
const skip = !dir && "ATLAS_INDEX_DIR not set (run from tests/test_search_core.py)";

function loader(requests) {
  return (name) => {
    requests.push(name);
    const file = path.join(dir, name);
    return Promise.resolve(name.endsWith(".json") ? JSON.parse(fs.readFileSync(file, "utf8")) : new Uint8Array(fs.readFileSync(file)));
  };
}

/* Queries cut from the texts at places fixed by a seeded generator: one to six characters,
 * single words and pairs, so the test is the same on every run. */
function cutQueries(entries, count) {
  let seed = 20261202;
  const next = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const word = () => {
    const chars = Array.from(entries[next(entries.length)].x);
    if (!chars.length) return "";
    const length = 1 + next(6);
    const at = next(Math.max(1, chars.length - length));
    return chars.slice(at, at + length).join("");
  };
  const found = [];
  for (let i = 0; i < count; i++) found.push(i % 3 === 2 ? word() + " " + word() : word());
  return found.filter((q) => q.trim());
}

test("the split index ranks every query as the whole index did", { skip }, async () => {
  const index = await core.open(loader([]));
  const ids = [...Array(index.manifest.sections).keys()];
  const entries = await index.entries(ids);
  const sections = entries.map((e) => ({ n: index.fold.fold(e.x), tn: index.fold.fold(e.t) }));
  const files = (process.env.SEARCH_QUERIES || "").split(path.delimiter).filter(Boolean);
  const listed = files.flatMap((f) => fs.readFileSync(f, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).q));
  const queries = listed.concat(cutQueries(entries, 300));
  const expand = core.synonymsOf(index.manifest.synonyms, index.fold);
  assert.ok(queries.length > 250);
  for (const q of queries) {
    const got = await index.search(q);
    const want = referenceSearch(sections, expand.named(index.fold.queryWords(q)), expand);
    assert.equal(got.all, want.all, q);
    assert.deepEqual(got.results.map((h) => [h.id, h.score, h.via]), want.results.map((h) => [h.id, h.score, h.via]), q);
  }
});

test("the index's lengths are those of the folded texts", { skip }, async () => {
  const index = await core.open(loader([]));
  const entries = await index.entries([...Array(index.manifest.sections).keys()]);
  entries.forEach((e, id) => {
    assert.equal(index.lengths.text[id], index.fold.fold(e.x).length);
    assert.equal(index.lengths.title[id], index.fold.fold(e.t).length);
  });
});

test("a query fetches only the chunks of its keys and the store of the results shown", { skip }, async () => {
  const requests = [];
  const index = await core.open(loader(requests));
  assert.deepEqual(requests, ["search.json", "lengths.bin"]);
  const found = await index.search("情報銀行");
  const chunks = requests.filter((r) => r.startsWith("g/"));
  assert.ok(chunks.length >= 1 && chunks.length <= 2, chunks.join(" "));
  assert.ok(chunks.length < index.manifest.chunks.length);
  await index.entries(found.results.slice(0, 20).map((h) => h.id));
  const shards = new Set(found.results.slice(0, 20).map((h) => "s/" + Math.floor(h.id / index.manifest.storeSize) + ".json"));
  assert.deepEqual(new Set(requests.filter((r) => r.startsWith("s/"))), shards);
});

test("a part that failed to arrive is fetched again by the next search", { skip }, async () => {
  const requests = [];
  const base = loader(requests);
  let failed = 0;
  const flaky = (name) => (name.startsWith("g/") && !failed++ ? Promise.reject(new Error("offline")) : base(name));
  const index = await core.open(flaky);
  await assert.rejects(index.search("情報銀行"));
  const found = await index.search("情報銀行");
  assert.ok(found.results.length > 0);
});
