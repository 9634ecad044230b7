/* The search core without a browser: folding, query words, matching on postings, BM25 ranking,
 * snippet ranges, and the binary parts of the index.  Run by tests/test_search_core.py. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../docs/assets/atlas-search-core.js");

const fold = core.folder({ "⺠": "民", "⼾": "戸" });

/* Postings written as the converter writes them (scripts/atlas/write/search.py), for small texts. */
function varint(out, v) { while (v >= 0x80) { out.push((v & 0x7f) | 0x80); v = Math.floor(v / 128); } out.push(v); }
function encodePostings(list) {
  const out = [];
  let last = -1;
  for (const p of list) {
    varint(out, p.id - last); last = p.id;
    for (const f of [p.t, p.x]) { varint(out, f.length); let prev = 0; for (const q of f) { varint(out, q - prev); prev = q; } }
  }
  return Uint8Array.from(out);
}
/* An in-memory index of [title, text] pairs: matchWord's inputs, built like search.py's. */
function tiny(sections) {
  const keys = new Map();
  sections.forEach(([title, text], id) => {
    [fold.fold(title), fold.fold(text)].forEach((value, field) => {
      const chars = Array.from(value);
      let offset = 0;
      chars.forEach((c, i) => {
        const key = c + (chars[i + 1] || "\u0000");
        if (!keys.has(key)) keys.set(key, new Map());
        const byId = keys.get(key);
        if (!byId.has(id)) byId.set(id, { id, t: [], x: [] });
        byId.get(id)[field ? "x" : "t"].push(offset);
        offset += c.length;
      });
    });
  });
  const postingsOf = (key) => (keys.has(key) ? core.decodePostings(encodePostings([...keys.get(key).values()])) : []);
  const keysWithPrefix = (ch) => [...keys.keys()].filter((k) => k.startsWith(ch));
  const lengths = {
    title: sections.map(([t]) => fold.fold(t).length), text: sections.map(([, x]) => fold.fold(x).length),
  };
  const stats = { sections: sections.length, textLengthSum: lengths.text.reduce((a, b) => a + b, 0) };
  return {
    postingsOf, keysWithPrefix, lengths, stats,
    search(query) {
      const words = fold.queryWords(query);
      return core.rank(words, words.map((w) => core.matchWord(w, postingsOf, keysWithPrefix)), lengths, stats);
    },
  };
}

test("folding: width, case, katakana to hiragana, spaces, look-alikes", () => {
  assert.equal(fold.fold("ＡＩ セーフティ"), "aiせーふてぃ");
  assert.equal(fold.fold("官⺠ ⼾籍"), "官民戸籍");
  assert.equal(fold.fold("ボットネット"), "ぼっとねっと");
  assert.equal(fold.foldChar("\u3000"), "");
  assert.equal(fold.foldChar("\ufeff"), "\ufeff", "U+FEFF is not white space for Python's isspace");
  assert.equal(fold.foldChar("\x1c"), "", "U+001C is white space for Python's isspace");
});

test("query words: composed, split on any white space, each word once", () => {
  assert.deepEqual(fold.queryWords("ｶﾞﾊﾞﾒﾝﾄ"), ["がばめんと"]);
  assert.deepEqual(fold.queryWords("防災　ＤＸ  防災"), ["防災", "dx"]);
  assert.deepEqual(fold.queryWords("データ データ"), ["でーた"]);
  assert.deepEqual(fold.queryWords(" \u3000 "), []);
});

test("fold map: each folded unit points back to its source character", () => {
  const fm = fold.foldWithMap("Ａ Ｉ㈱");
  assert.equal(fm.folded, "ai(株)");
  assert.deepEqual(fm.map, [0, 2, 3, 3, 3, 4]);
});

test("word keys cover every character: pairs 0-1, 2-3, … and the last two", () => {
  assert.deepEqual(core.wordKeys("abcde").map((k) => [k.key, k.offset]), [["ab", 0], ["cd", 2], ["de", 3]]);
  assert.deepEqual(core.wordKeys("abcd").map((k) => [k.key, k.offset]), [["ab", 0], ["cd", 2]]);
  assert.deepEqual(core.wordKeys("𠮷野家").map((k) => [k.key, k.offset]), [["𠮷野", 0], ["野家", 2]]);
});

test("chunk of a key: the last chunk whose first key is not after it", () => {
  const firsts = ["!~", "いた", "され", "の信"];
  assert.equal(core.chunkOf(firsts, "!!"), 0);
  assert.equal(core.chunkOf(firsts, "いた"), 1);
  assert.equal(core.chunkOf(firsts, "しな"), 2);
  assert.equal(core.chunkOf(firsts, "龍"), 3);
  assert.deepEqual(core.chunksFor(["の"], ["!~", "の", "の信", "は"]), [1, 2], "a one-character word spans its keys");
});

test("a chunk decodes to its keys and postings", () => {
  const postings = encodePostings([{ id: 2, t: [], x: [0, 7] }, { id: 9, t: [1], x: [] }]);
  const key = Array.from(new TextEncoder().encode("でー"));
  const bytes = Uint8Array.from([1, key.length, ...key, postings.length, ...postings]);
  const chunk = core.decodeChunk(bytes);
  assert.deepEqual([...chunk.keys()], ["でー"]);
  assert.deepEqual(core.decodePostings(chunk.get("でー")), [{ id: 2, t: [], x: [0, 7] }, { id: 9, t: [1], x: [] }]);
  assert.deepEqual(core.decodeLengths(Uint8Array.from([3, 0x81, 0x01]), 1), { title: [3], text: [129] });
});

test("matching is substring over the folded text: every key in step, nothing else", () => {
  const index = tiny([["一", "ABCD"], ["二", "abxcd"], ["三", "cdab"], ["四", "ａｂｃｄ ab"]]);
  assert.deepEqual(new Set(index.search("abcd").results.map((h) => h.id)), new Set([0, 3]));
  assert.deepEqual(new Set(index.search("c").results.map((h) => h.id)), new Set([0, 1, 2, 3]));
  assert.deepEqual(new Set(index.search("d").results.map((h) => h.id)), new Set([0, 1, 2, 3]), "a last character is found");
  assert.deepEqual(index.search("二").results.map((h) => h.id), [1], "titles are searched");
});

test("AND: only sections with every word; none has all, then the partial matches", () => {
  const index = tiny([["a", "防災 計画"], ["b", "防災 データ"], ["c", "データ 計画"]]);
  const both = index.search("防災 データ");
  assert.equal(both.all, true);
  assert.deepEqual(both.results.map((h) => h.id), [1]);
  const none = index.search("防災 存在しない");
  assert.equal(none.all, false);
  assert.deepEqual(none.results.map((h) => h.id), [0, 1]);
});

test("counts do not overlap (as String.indexOf steps) and stop at 50", () => {
  assert.equal(core.countApart([0, 1, 2, 3], 2, 50), 2, "ああああ holds ああ twice");
  assert.equal(core.countApart([0, 2, 5], 3, 50), 2);
  assert.equal(core.countApart([...Array(80).keys()].map((i) => i * 3), 2, 50), 50);
});

test("BM25: the section with the word more often, in a text of the same length, ranks first", () => {
  const index = tiny([["x", "防災とまちと道路"], ["y", "防災と防災と道路"], ["z", "まちとみちと道路"]]);
  assert.deepEqual(index.search("防災").results.map((h) => h.id), [1, 0]);
});

test("BM25: a shorter section with the word once ranks above a long one", () => {
  const index = tiny([["x", "防災" + "あ".repeat(200)], ["y", "防災" + "あ".repeat(20)], ["z", "い".repeat(100)]]);
  const found = index.search("防災");
  assert.deepEqual(found.results.map((h) => h.id), [1, 0]);
  // By hand: N 3, df 2, idf = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)); avg = (202 + 22 + 100) / 3 = 108.
  const idf = Math.log(1 + 1.5 / 2.5);
  const bm25 = (len) => idf * 2.2 / (1 + 1.2 * (0.25 + 0.75 * len / 108));
  assert.ok(Math.abs(found.results[0].score - (bm25(22) + 10)) < 1e-12);
  assert.ok(Math.abs(found.results[1].score - (bm25(202) + 10)) < 1e-12);
});

test("BM25: a rare word weighs more than a common one", () => {
  const index = tiny([["a", "量子 データ"], ["b", "データ データ データ"], ["c", "データ 量子"], ["d", "データ"]]);
  const partial = tiny([["a", "量子"], ["b", "データ"], ["c", "データ"], ["d", "データ"]]).search("量子 データ");
  assert.equal(partial.all, false);
  assert.equal(partial.results[0].id, 0, "the section with the rare word leads the partial matches");
  assert.deepEqual(index.search("量子 データ").results.map((h) => h.id).sort(), [0, 2]);
});

test("the query as one phrase and the title earn their bonuses", () => {
  const index = tiny([["一", "情報 と 銀行"], ["二", "情報銀行"], ["情報銀行", "情報 銀行"], ["三", "情報銀"]]);
  const found = index.search("情報 銀行");
  assert.deepEqual(found.results.map((h) => h.id), [2, 1, 0], "title = query, then phrase, then both words apart");
  const single = tiny([["銀行", "銀行"], ["x", "銀行"]]).search("銀行");
  assert.equal(single.results[0].id, 0);
  // By hand: N 2, df 2, idf = ln(1 + 0.5 / 2.5); both texts as long as the average; the titled one
  // counts 銀行 twice (text + title), +1.5·idf for the title, +4 for a title that is the query.
  const idf = Math.log(1 + 0.5 / 2.5);
  assert.ok(Math.abs(single.results[0].score - single.results[1].score - (idf * 2.2 * 2 / (2 + 1.2) - idf * 2.2 / (1 + 1.2) + 1.5 * idf + 4)) < 1e-12);
});

test("equal scores keep index order", () => {
  const index = tiny([["a", "防災"], ["b", "防災"], ["c", "防災"]]);
  assert.deepEqual(index.search("防災").results.map((h) => h.id), [0, 1, 2]);
});

test("snippet ranges: source offsets of every word, merged, phrase first", () => {
  assert.deepEqual(core.ranges(fold, "ＡＩと生成ＡＩ", ["ai"]), [[0, 2], [5, 7]]);
  assert.deepEqual(core.ranges(fold, "情報銀行と情報", ["情報銀行", "情報", "銀行"]), [[0, 4], [5, 7]]);
  const cut = core.snippet(fold, "あ".repeat(100) + "防災" + "い".repeat(200), ["防災"], "防災", 45);
  assert.equal(cut.before, true);
  assert.equal(cut.after, true);
  assert.deepEqual(cut.pieces.map((p) => p.mark), [false, true, false]);
  assert.equal(cut.pieces[0].text.length, 45);
  assert.equal(cut.pieces[1].text, "防災");
});

test("the katakana middle dot folds away", () => {
  for (const q of ["スイッチング・コスト", "スイッチングコスト", "すいっちんぐこすと", "ｽｲｯﾁﾝｸﾞ･ｺｽﾄ"]) {
    assert.deepEqual(fold.queryWords(q), ["すいっちんぐこすと"], q);
  }
  assert.equal(fold.fold("スイッチング・コスト"), "すいっちんぐこすと");
});

test("spelling variants fold to their group's canonical form, inside longer words too", () => {
  const v = core.folder({}, { "取組": "取り組み", "取組み": "取り組み", "子ども": "子供", "こども": "子供" });
  assert.deepEqual(v.queryWords("取組 取組み 取り組み"), ["取り組み"]);
  assert.deepEqual(v.queryWords("子ども こども 子供"), ["子供"]);
  assert.equal(v.fold("取組み状況"), v.fold("取り組み状況"));
  assert.ok(v.fold("こども家庭庁の取組").includes(v.queryWords("子ども家庭庁")[0]));
  // The longest variant wins (取組み, not 取組 + み), and maps back to the whole written word.
  const fm = v.foldWithMap("の取組み状況");
  assert.equal(fm.folded, "の取り組み状況");
  assert.deepEqual(fm.map, [0, 1, 1, 1, 1, 4, 5, 6]);
  assert.deepEqual(core.pieces(v, "県の取組み状況", ["取り組み"]).filter((p) => p.mark).map((p) => p.text), ["取組み"]);
  // A word that names an Object property is no variant.
  assert.equal(v.fold("constructor"), "constructor");
});

test("a canonical form as written stays whole and maps character by character", () => {
  const v = core.folder({}, { "子育": "子育て", "取引": "取り引き" });
  assert.deepEqual(v.foldWithMap("子育て"), { folded: "子育て", map: [0, 1, 2, 3] });
  assert.equal(v.fold("子育支援"), "子育て支援");
  assert.equal(v.fold("取引先"), "取り引き先");
});

/* facets.json for three documents (sections 0-1, 2-4, 5) and two themes (format: search.py). */
const FACETS = core.facetIndex({
  issuers: ["内閣府", "デジタル庁"],
  documents: [
    { id: "a", title: "文書A", issuer: 0, year: 2019, first: 0 },
    { id: "b", title: "文書B", issuer: 1, year: 2024, first: 2 },
    { id: "c", title: "文書C", issuer: 0, year: 2024, first: 5 }
  ],
  // sections 1, 2, 5 and 2, 3, as differences
  themes: [{ id: "ai", title: "AI", sections: [1, 1, 3] }, { id: "data", title: "データ", sections: [2, 1] }]
});
const RESULTS = [5, 0, 2, 3, 1].map((id) => ({ id }));
const ids = (list) => list.map((h) => h.id);

test("filters keep the results every chosen value holds, in rank order", () => {
  assert.deepEqual(ids(core.filterResults(RESULTS, FACETS, {})), [5, 0, 2, 3, 1]);
  assert.deepEqual(ids(core.filterResults(RESULTS, FACETS, { issuer: "内閣府" })), [5, 0, 1]);
  assert.deepEqual(ids(core.filterResults(RESULTS, FACETS, { year: "2024", theme: "ai" })), [5, 2]);
  assert.deepEqual(ids(core.filterResults(RESULTS, FACETS, { doc: "b", theme: "data" })), [2, 3]);
  assert.deepEqual(ids(core.filterResults(RESULTS, FACETS, { doc: "a", year: "2024" })), []);
});

test("each filter's choices are counted over the results the other filters keep", () => {
  const f = core.facets(RESULTS, FACETS, { year: "2024" });
  assert.deepEqual(f.doc.map((c) => [c.value, c.count]), [["b", 2], ["c", 1]]);
  assert.deepEqual(f.year.map((c) => [c.value, c.label, c.count]), [["2024", "2024年", 3], ["2019", "2019年", 2]]);
  assert.deepEqual(f.issuer.map((c) => [c.value, c.count]), [["デジタル庁", 2], ["内閣府", 1]]);
  assert.deepEqual(f.theme.map((c) => [c.value, c.count]), [["ai", 2], ["data", 2]]);
  // A chosen value that no result holds stays listed, with 0.
  const none = core.facets([{ id: 0 }], FACETS, { theme: "data" });
  assert.deepEqual(none.theme.map((c) => [c.value, c.label, c.count]), [["data", "データ", 0]]);
});

/* ---- synonyms: a query word is also looked for as its group's words (scripts/atlas/enrich/synonyms.py) ---- */

const GROUPS = [[["マイナンバー"], ["個人番号"]], [["暗号資産", "仮想通貨"], []], [["DX"], ["デジタルトランスフォーメーション"]],
  [["人工知能", "AI"], []]];
const expand = core.synonymsOf(GROUPS, fold);

test("a query word expands to its group's words the library holds, itself first", () => {
  assert.deepEqual(expand("個人番号"), [{ word: "個人番号", via: "" }, { word: "まいなんばー", via: "マイナンバー" }]);
  assert.deepEqual(expand("仮想通貨"), [{ word: "仮想通貨", via: "" }, { word: "暗号資産", via: "暗号資産" }]);
  assert.deepEqual(expand(fold.fold("デジタルトランスフォーメーション")).map((a) => a.word), ["でじたるとらんすふぉーめーしょん", "dx"]);
  assert.deepEqual(expand("情報銀行"), [{ word: "情報銀行", via: "" }], "a word of no group is itself only");
});

test("a word that holds a group's word is also looked for with it replaced; a Latin one only where it stands", () => {
  assert.deepEqual(expand(fold.fold("個人番号カード")).map((a) => [a.word, a.via]),
    [["個人番号かーど", ""], ["まいなんばーかーど", "マイナンバー"]]);
  assert.deepEqual(expand(fold.fold("防災デジタルトランスフォーメーション")).map((a) => a.word),
    ["防災でじたるとらんすふぉーめーしょん", "防災dx"]);
  assert.deepEqual(expand("防災dx").map((a) => a.word), ["防災dx"], "a word found nowhere is never looked for");
  assert.deepEqual(expand("aisi").map((a) => a.word), ["aisi"], "ai inside aisi is no word of its own");
  assert.deepEqual(expand("生成ai").map((a) => a.word), ["生成ai", "生成人工知能"]);
});

test("exact spellings rank above synonyms; a result says which synonym it was found through", () => {
  const index = tiny([["一", "マイナンバーの利用"], ["二", "個人番号の利用とマイナンバー"], ["三", "仮想通貨と暗号資産"],
    ["四", "暗号資産の交換業"], ["五", "マイナンバーカードの普及"]]);
  const search = (query) => {
    const words = fold.queryWords(query);
    const alternatives = words.map(expand);
    const perWord = alternatives.map((list) => core.mergeAlternatives(list, list.map((a) => core.matchWord(a.word, index.postingsOf, index.keysWithPrefix))));
    return core.rank(words, perWord, index.lengths, index.stats);
  };
  const one = search("個人番号");
  assert.deepEqual(one.results.map((h) => [h.id, h.via]), [[1, []], [0, ["マイナンバー"]], [4, ["マイナンバー"]]]);
  const two = search("仮想通貨");
  assert.deepEqual(two.results.map((h) => [h.id, h.via]), [[2, []], [3, ["暗号資産"]]]);
  const and = search("個人番号 利用");
  assert.ok(and.all);
  assert.deepEqual(and.results.map((h) => h.id), [1, 0], "AND across words, OR within a group");
  const card = search("個人番号カード");
  assert.deepEqual(card.results.map((h) => [h.id, h.via]), [[4, ["マイナンバー"]]]);
});

test("the glossary entry of an abbreviation or of its full form", () => {
  const entries = [{ t: "DFFT", d: "Data Free Flow with Trust（信頼性のある自由なデータ流通）", f: ["Data Free Flow with Trust", "信頼性のある自由なデータ流通"], u: "glossary/#dfft" },
    { t: "PQC", d: "Post-Quantum Cryptography", f: [], u: "glossary/#pqc" }];
  assert.deepEqual(core.glossaryFor(entries, fold.queryWords("dfft 推進"), fold).map((e) => e.t), ["DFFT"]);
  assert.deepEqual(core.glossaryFor(entries, fold.queryWords("信頼性のある自由なデータ流通"), fold).map((e) => e.t), ["DFFT"]);
  assert.deepEqual(core.glossaryFor(entries, fold.queryWords("ＰＱＣ"), fold).map((e) => e.t), ["PQC"]);
  assert.deepEqual(core.glossaryFor(entries, fold.queryWords("データ流通"), fold), [], "a part of a full form is not the term");
});
