/* Digital Policy Atlas search core: folding, query parsing, matching, BM25 ranking, snippet
 * ranges.  No DOM and no network: the page code (atlas-search.js) hands it a loader, the tests
 * (tests/js/, `node --test`) hand it files or plain arrays.
 *
 * The index format is written down in one place: the docstring of scripts/atlas/write/search.py.
 * Folding must stay the same as scripts/atlas/text/fold.py (tests/test_search_core.py compares them
 * on generated text).  Loaded as a browser script it sets window.atlasSearchCore; under Node,
 * require() returns the same object.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.atlasSearchCore = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMAT = 3;
  var COUNT_LIMIT = 50; // occurrences counted per word and section (BM25's tf)
  /* Python's str.isspace, exactly (JavaScript's \s differs: it has U+FEFF, lacks U+001C–1F, U+0085). */
  var SPACE = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  var SPACES = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  var KATAKANA_START = 0x30a1, KATAKANA_END = 0x30f6, TO_HIRAGANA = 0x60;
  var DROPPED = "\u30fb"; // the katakana middle dot: スイッチング・コスト is スイッチングコスト

  /* ---- folding: keep in step with scripts/atlas/text/fold.py --------------------------------- */

  /* variants: {folded variant: folded canonical form} (the manifest's "variants"), applied after
   * the characters are folded, the longest variant from the left first (fold.py's _variants_folded). */
  function folder(lookalikes, variants) {
    lookalikes = lookalikes || {};
    var table = new Map(Object.entries(variants || {}));
    var firsts = new Set();
    var longest = 0;
    table.forEach(function (_, k) { firsts.add(k[0]); longest = Math.max(longest, k.length); });

    /* fold_char: one character as search compares it ("" for white space). */
    function foldChar(ch) {
      var folded = (lookalikes[ch] || ch).normalize("NFKC").toLowerCase();
      var out = "";
      for (var i = 0; i < folded.length; i++) {
        var c = folded[i];
        if (SPACE.test(c) || DROPPED.indexOf(c) !== -1) continue;
        var code = c.charCodeAt(0);
        if (code >= KATAKANA_START && code <= KATAKANA_END) c = String.fromCharCode(code - TO_HIRAGANA);
        out += c;
      }
      return out;
    }

    /* fold_with_map: folded text and, for each folded UTF-16 unit (and its end), the offset in text. */
    function foldWithMap(text) {
      var folded = "";
      var map = [];
      var offset = 0;
      for (var ch of text) {
        var f = foldChar(ch);
        for (var j = 0; j < f.length; j++) map.push(offset);
        folded += f;
        offset += ch.length;
      }
      map.push(offset);
      return longest ? variantsFolded(folded, map) : { folded: folded, map: map };
    }

    /* Each variant replaced by its canonical form, whose every unit maps to where the variant began;
     * a canonical form as written (a variant may be its beginning: 子育 of 子育て) is kept whole. */
    function variantsFolded(folded, map) {
      var out = "";
      var mapped = [];
      var i = 0, n = folded.length;
      while (i < n) {
        var found, size = 0;
        if (firsts.has(folded[i])) {
          for (size = Math.min(longest, n - i); size > 1; size--) {
            found = table.get(folded.slice(i, i + size));
            if (found !== undefined) break;
          }
        }
        if (size > 1) {
          var whole = folded.startsWith(found, i); // the canonical form as written (子育 of 子育て)
          if (whole) size = found.length;
          for (var j = 0; j < found.length; j++) mapped.push(map[whole ? i + j : i]);
          out += found;
          i += size;
        } else {
          out += folded[i];
          mapped.push(map[i]);
          i++;
        }
      }
      mapped.push(map[n]);
      return { folded: out, map: mapped };
    }

    function fold(text) { return foldWithMap(text).folded; }

    function unlookalike(text) {
      return Array.from(text).map(function (c) { return lookalikes[c] || c; }).join("");
    }

    /* fold_query: look-alikes, NFKC (ﾎﾟ → ポ), split on white space, fold, drop empty and repeated words. */
    function queryWords(query) {
      var seen = new Set();
      return unlookalike(query).normalize("NFKC").split(SPACES).map(fold).filter(function (w) {
        if (!w || seen.has(w)) return false;
        seen.add(w);
        return true;
      });
    }

    return { foldChar: foldChar, fold: fold, foldWithMap: foldWithMap, queryWords: queryWords };
  }

  /* ---- synonyms and the glossary (scripts/atlas/enrich/synonyms.py) --------------------------- */

  var LATIN = /^[a-z0-9]$/; // a folded Latin letter or digit

  /* groups: the manifest's "synonyms", [[words the library holds], [words only typed]] as written.
   * Returns expand(word) → [{word: folded, via: written synonym, "" for the word itself}]: the word
   * first, then each target of each group it belongs to; a word that holds a group's word
   * (個人番号カード) with that word replaced by each target (マイナンバーカード).  synonyms.py's
   * expand does the same. */
  function synonymsOf(groups, fold) {
    var table = (groups || []).map(function (g) {
      return {
        targets: g[0].map(function (w) { return { folded: fold.fold(w), written: w }; }),
        members: g[0].concat(g[1]).map(fold.fold)
      };
    });
    var names = new Set();
    table.forEach(function (g) { g.members.forEach(function (m) { names.add(m); }); });
    /* Words that together are a group's word (Internet of Things) are that one word. */
    expand.named = function (words) {
      var joined = words.join("");
      return words.length > 1 && names.has(joined) ? [joined] : words;
    };
    return expand;
    function expand(word) {
      var found = new Map([[word, ""]]);
      table.forEach(function (g) {
        if (g.members.indexOf(word) !== -1) {
          g.targets.forEach(function (t) { if (!found.has(t.folded)) found.set(t.folded, t.written); });
          return;
        }
        var member = "";
        g.members.forEach(function (m) {
          if (m !== word && m.length > member.length && word.indexOf(m) !== -1 && standsIn(m, word)) member = m;
        });
        if (!member) return;
        var at = word.indexOf(member);
        g.targets.forEach(function (t) {
          var replaced = word.slice(0, at) + t.folded + word.slice(at + member.length);
          if (t.folded !== member && !found.has(replaced)) found.set(replaced, t.written);
        });
      });
      return Array.from(found, function (e) { return { word: e[0], via: e[1] }; });
    }
  }

  /* A Latin member stands in a word only where no Latin letter continues it (dx in 防災dx, not ai in aisi). */
  function standsIn(member, word) {
    var at = word.indexOf(member);
    var before = at > 0 ? word[at - 1] : "", after = word.charAt(at + member.length);
    var first = member[0], last = member[member.length - 1];
    return !(LATIN.test(first) && LATIN.test(before)) && !(LATIN.test(last) && LATIN.test(after));
  }

  /* The glossary entries (manifest "glossary") whose term or a full form is one of the query's words. */
  function glossaryFor(entries, words, fold) {
    return (entries || []).filter(function (e) {
      return [e.t].concat(e.f || []).some(function (w) { return words.indexOf(fold.fold(w)) !== -1; });
    });
  }

  /* perWord for one query word from its alternatives' matches: the word itself where a section has
   * it, else the first synonym that section has; each match says its length and the synonym (via). */
  function mergeAlternatives(alternatives, matches) {
    var merged = new Map();
    alternatives.forEach(function (a, k) {
      matches[k].forEach(function (m, id) {
        if (!merged.has(id)) merged.set(id, { t: m.t, x: m.x, len: a.word.length, via: a.via });
      });
    });
    return merged;
  }

  /* ---- the index's binary parts ------------------------------------------------------- */

  function Reader(bytes, at) { this.bytes = bytes; this.at = at || 0; }
  Reader.prototype.varint = function () {
    var value = 0, shift = 0, b;
    do {
      b = this.bytes[this.at++];
      value += (b & 0x7f) * Math.pow(2, shift);
      shift += 7;
    } while (b & 0x80);
    return value;
  };

  /* lengths.bin → {title: [...], text: [...]} folded lengths by section id. */
  function decodeLengths(bytes, count) {
    var r = new Reader(bytes);
    var title = new Array(count), text = new Array(count);
    for (var i = 0; i < count; i++) { title[i] = r.varint(); text[i] = r.varint(); }
    return { title: title, text: text };
  }

  /* A chunk → Map key → its postings' bytes (decoded on demand by decodePostings). */
  function decodeChunk(bytes) {
    var r = new Reader(bytes);
    var count = r.varint();
    var utf8 = new TextDecoder();
    var heads = [];
    for (var i = 0; i < count; i++) {
      var keyLength = r.varint();
      var key = utf8.decode(bytes.subarray(r.at, r.at + keyLength));
      r.at += keyLength;
      heads.push([key, r.varint()]);
    }
    var keys = new Map();
    var at = r.at;
    heads.forEach(function (h) { keys.set(h[0], bytes.subarray(at, at + h[1])); at += h[1]; });
    return keys;
  }

  /* One key's postings → [{id, t: title positions, x: text positions}] in id order. */
  function decodePostings(bytes) {
    var r = new Reader(bytes);
    var found = [];
    var id = -1;
    while (r.at < bytes.length) {
      id += r.varint();
      found.push({ id: id, t: positions(r), x: positions(r) });
    }
    return found;
  }

  function positions(r) {
    var n = r.varint();
    var out = new Array(n);
    var p = 0;
    for (var i = 0; i < n; i++) { p += r.varint(); out[i] = p; }
    return out;
  }

  /* ---- matching ---------------------------------------------------------------------- */

  /* The keys whose positions prove a word (two or more characters): characters 0-1, 2-3, …
   * and the last two, each with its UTF-16 offset in the word.  Together they cover every
   * character, so the word is at p exactly when each key is at p + offset. */
  function wordKeys(word) {
    var chars = Array.from(word);
    var offsets = [];
    var offset = 0;
    chars.forEach(function (c) { offsets.push(offset); offset += c.length; });
    var starts = [];
    for (var i = 0; i + 1 < chars.length; i += 2) starts.push(i);
    if (chars.length >= 2 && starts[starts.length - 1] !== chars.length - 2) starts.push(chars.length - 2);
    return starts.map(function (i) { return { key: chars[i] + chars[i + 1], offset: offsets[i] }; });
  }

  /* Index of the chunk that would hold key: the last whose first key is <= key. */
  function chunkOf(firsts, key) {
    var lo = 0, hi = firsts.length - 1, found = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (firsts[mid] <= key) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  /* The chunks holding the keys that start with ch (a one-character word). */
  function chunksOfPrefix(firsts, ch) {
    var found = [chunkOf(firsts, ch)];
    for (var i = found[0] + 1; i < firsts.length && firsts[i].slice(0, ch.length) === ch; i++) found.push(i);
    return found;
  }

  /* Chunks a query needs. */
  function chunksFor(words, firsts) {
    var need = new Set();
    words.forEach(function (w) {
      var chars = Array.from(w);
      if (chars.length === 1) chunksOfPrefix(firsts, w).forEach(function (i) { need.add(i); });
      else wordKeys(w).forEach(function (k) { need.add(chunkOf(firsts, k.key)); });
    });
    return Array.from(need).sort(function (a, b) { return a - b; });
  }

  /* Where a word occurs: Map id → {t: title positions, x: text positions}, all occurrences.
   * postingsOf(key) gives a key's decoded postings ([] when absent); keysWithPrefix(ch) the
   * keys that start with ch. */
  function matchWord(word, postingsOf, keysWithPrefix) {
    var chars = Array.from(word);
    var found = new Map();
    if (chars.length === 1) {
      keysWithPrefix(word).forEach(function (key) {
        postingsOf(key).forEach(function (p) {
          var m = found.get(p.id);
          if (!m) found.set(p.id, (m = { t: [], x: [] }));
          m.t = m.t.concat(p.t);
          m.x = m.x.concat(p.x);
        });
      });
      found.forEach(function (m) { m.t.sort(numeric); m.x.sort(numeric); });
      return found;
    }
    var keys = wordKeys(word).map(function (k) { return { offset: k.offset, byId: byId(postingsOf(k.key)) }; });
    keys.sort(function (a, b) { return a.byId.size - b.byId.size; }); // rarest key first
    var first = keys[0];
    var zero = keys.filter(function (k) { return k.offset === 0; })[0];
    first.byId.forEach(function (_, id) {
      var all = keys.map(function (k) { return k.byId.get(id); });
      if (all.some(function (p) { return !p; })) return;
      var m = { t: proven(zero.byId.get(id).t, keys, id, "t"), x: proven(zero.byId.get(id).x, keys, id, "x") };
      if (m.t.length || m.x.length) found.set(id, m);
    });
    return found;
  }

  function proven(starts, keys, id, field) {
    var sets = keys.filter(function (k) { return k.offset !== 0; }).map(function (k) {
      return { offset: k.offset, at: new Set(k.byId.get(id)[field]) };
    });
    return starts.filter(function (p) { return sets.every(function (s) { return s.at.has(p + s.offset); }); });
  }

  function byId(postings) {
    var map = new Map();
    postings.forEach(function (p) { map.set(p.id, p); });
    return map;
  }

  function numeric(a, b) { return a - b; }

  /* Occurrences that do not overlap, from the left, up to limit (String.indexOf stepping). */
  function countApart(sortedPositions, length, limit) {
    var n = 0, next = -Infinity;
    for (var i = 0; i < sortedPositions.length && n < limit; i++) {
      if (sortedPositions[i] >= next) { n++; next = sortedPositions[i] + length; }
    }
    return n;
  }

  /* Does the phrase w0 w1 … occur in the field: w0 at p, w1 right after it, … */
  function phraseIn(words, matches, field) {
    var starts = matches[0] ? matches[0][field] : [];
    var sets = matches.map(function (m) { return new Set(m ? m[field] : []); });
    return starts.some(function (p) {
      for (var w = 1, at = p + words[0].length; w < words.length; at += words[w].length, w++) {
        if (!sets[w].has(at)) return false;
      }
      return true;
    });
  }

  /* ---- ranking ------------------------------------------------------------------------- */

  /* BM25 over the words (k1 1.2, b 0.75, tf capped at COUNT_LIMIT; the title counts as one more
   * occurrence), +1.5·idf for a word in the title, +3·max idf for the whole query as one phrase,
   * +4 when the title is the query, +10 per word matched.  Every section that has every word is
   * a result; when none has, the sections with some words are.  A section that has a word only as
   * a synonym comes after those that have the words as typed (fewer synonyms first; its via lists
   * them, as written, and the phrase bonuses need the words as typed).  Ties keep index order.
   *   words: distinct folded words; perWord[w]: Map id → {t, x} (matchWord), with {len, via} for a
   *   synonym (mergeAlternatives); lengths: {title, text} by id; stats: {sections, textLengthSum}. */
  function rank(words, perWord, lengths, stats) {
    var phrase = words.join("");
    if (!words.length) return { results: [], all: true, words: words, phrase: phrase };
    var total = stats.sections;
    var avg = stats.textLengthSum / Math.max(1, total);
    var hits = new Map();
    var df = words.map(function (_, w) { return perWord[w].size; });
    words.forEach(function (word, w) {
      perWord[w].forEach(function (m, id) {
        var h = hits.get(id);
        if (!h) hits.set(id, (h = { id: id, counts: words.map(function () { return 0; }), m: [], matched: 0, via: [] }));
        h.counts[w] = countApart(m.x, m.via ? m.len : word.length, COUNT_LIMIT) + (m.t.length ? 1 : 0);
        h.m[w] = m;
        h.matched++;
        if (m.via && h.via.indexOf(m.via) === -1) h.via.push(m.via);
      });
    });
    var pool = [];
    var all = [];
    hits.forEach(function (h) { pool.push(h); if (h.matched === words.length) all.push(h); });
    if (all.length) pool = all;
    var idf = df.map(function (d) { return Math.log(1 + (total - d + 0.5) / (d + 0.5)); });
    var maxIdf = Math.max.apply(null, idf);
    pool.forEach(function (h) {
      var score = 0;
      var len = lengths.text[h.id] || 1;
      for (var w = 0; w < words.length; w++) {
        var tf = h.counts[w];
        if (!tf) continue;
        score += idf[w] * (tf * 2.2) / (tf + 1.2 * (0.25 + 0.75 * len / avg));
        if (h.m[w].t.length) score += 1.5 * idf[w];
      }
      var typed = h.matched === words.length && !h.via.length; // phrases hold the words as typed
      if (words.length > 1 && typed && (phraseIn(words, h.m, "x") || phraseIn(words, h.m, "t"))) {
        score += 3 * maxIdf;
      }
      if (lengths.title[h.id] === phrase.length && typed && (words.length === 1 ?
        h.m[0].t.indexOf(0) !== -1 : phraseIn(words, h.m, "t"))) {
        score += 4;
      }
      h.score = score + h.matched * 10;
    });
    pool.sort(function (a, b) { return a.via.length - b.via.length || b.score - a.score || a.id - b.id; });
    return { results: pool, all: all.length > 0, words: words, phrase: phrase };
  }

  /* ---- snippets ------------------------------------------------------------------------ */

  /* Source-text ranges [start, end) where any of the words occurs in text, merged. */
  function ranges(fold, text, words) {
    var fm = fold.foldWithMap(text);
    var found = [];
    words.forEach(function (w) {
      var at = fm.folded.indexOf(w);
      while (at !== -1) {
        found.push([fm.map[at], fm.map[at + w.length]]);
        at = fm.folded.indexOf(w, at + w.length);
      }
    });
    found.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    found.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  /* A text cut into pieces [{text, mark}] with the words marked. */
  function pieces(fold, text, words) {
    var out = [];
    var cursor = 0;
    ranges(fold, text, words).forEach(function (r) {
      if (r[0] > cursor) out.push({ text: text.slice(cursor, r[0]), mark: false });
      out.push({ text: text.slice(r[0], r[1]), mark: true });
      cursor = r[1];
    });
    if (cursor < text.length) out.push({ text: text.slice(cursor), mark: false });
    return out;
  }

  /* The snippet: about radius characters before the first match and twice that after, its pieces,
   * and whether text was cut at either end. */
  function snippet(fold, text, words, phrase, radius) {
    var marks = words.length > 1 ? [phrase].concat(words) : words;
    var found = ranges(fold, text, marks);
    var center = found.length ? found[0][0] : 0;
    var start = Math.max(0, center - radius);
    var end = Math.min(text.length, center + radius * 2);
    return { before: start > 0, after: end < text.length, pieces: pieces(fold, text.slice(start, end), marks) };
  }

  /* ---- filters: document, issuer, year, theme, edition (facets.json) ------------------- */

  var FILTERS = ["doc", "issuer", "year", "theme", "edition"];

  /* facets.json → what a section id is filed under. */
  function facetIndex(data) {
    var issuers = data.issuers || [];
    var docs = (data.documents || []).map(function (d) {
      return { id: d.id, title: d.title, issuer: issuers[d.issuer], year: d.year, first: d.first, old: !!d.old };
    });
    var themes = data.themes || [];
    var themesOf = new Map();
    themes.forEach(function (t, k) {
      var id = 0;
      t.sections.forEach(function (delta) { // each id as the difference from the one before
        id += delta;
        if (!themesOf.has(id)) themesOf.set(id, []);
        themesOf.get(id).push(k);
      });
    });
    var firsts = docs.map(function (d) { return d.first; });
    function docOf(id) { return docs[chunkOf(firsts, id)]; }
    /* The values of one filter that section id carries, with their labels: [[value, label]]. */
    function valuesOf(id, kind) {
      var d = docOf(id);
      if (kind === "doc") return d ? [[d.id, d.title]] : [];
      if (kind === "issuer") return d ? [[d.issuer, d.issuer]] : [];
      if (kind === "year") return d ? [[String(d.year), d.year + "年"]] : [];
      // An older edition of a work (a newer one exists) or not: ?edition=latest keeps the newest.
      if (kind === "edition") return d ? [d.old ? ["old", "旧版"] : ["latest", "最新版"]] : [];
      return (themesOf.get(id) || []).map(function (k) { return [themes[k].id, themes[k].title]; });
    }
    return { documents: docs, themes: themes, valuesOf: valuesOf };
  }

  /* The results every set filter keeps (filters: {doc, issuer, year, theme}; "" or absent: any),
   * leaving out the filter named by except. */
  function filterResults(results, index, filters, except) {
    var set = FILTERS.filter(function (kind) { return kind !== except && filters[kind]; });
    if (!set.length) return results;
    return results.filter(function (h) {
      return set.every(function (kind) {
        return index.valuesOf(h.id, kind).some(function (v) { return v[0] === String(filters[kind]); });
      });
    });
  }

  /* The choices of each filter among the results: {kind: [{value, label, count}]}, counted over the
   * results the other filters keep; a chosen value stays listed even when nothing has it.  Documents
   * in reading order, years newest first, issuers and themes by count. */
  function facets(results, index, filters) {
    var out = {};
    FILTERS.forEach(function (kind) {
      var counts = new Map();
      filterResults(results, index, filters, kind).forEach(function (h) {
        index.valuesOf(h.id, kind).forEach(function (v) {
          var c = counts.get(v[0]);
          if (!c) counts.set(v[0], (c = { value: v[0], label: v[1], count: 0, order: h.id }));
          c.count++;
        });
      });
      var chosen = filters[kind] ? String(filters[kind]) : "";
      if (chosen && !counts.has(chosen)) counts.set(chosen, { value: chosen, label: labelOf(index, kind, chosen), count: 0 });
      var list = Array.from(counts.values());
      var order = {
        doc: function (a, b) { return docFirst(index, a.value) - docFirst(index, b.value); },
        year: function (a, b) { return b.value.localeCompare(a.value); },
        edition: function (a, b) { return a.value === "latest" ? -1 : b.value === "latest" ? 1 : 0; },
        issuer: byCount, theme: byCount
      }[kind];
      out[kind] = list.sort(order).map(function (c) { return { value: c.value, label: c.label, count: c.count }; });
    });
    return out;
  }

  function byCount(a, b) { return b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0); }

  function docFirst(index, id) {
    var d = index.documents.filter(function (x) { return x.id === id; })[0];
    return d ? d.first : Infinity;
  }

  function labelOf(index, kind, value) {
    if (kind === "doc") { var d = index.documents.filter(function (x) { return x.id === value; })[0]; return d ? d.title : value; }
    if (kind === "theme") { var t = index.themes.filter(function (x) { return x.id === value; })[0]; return t ? t.title : value; }
    if (kind === "edition") return value === "old" ? "旧版" : "最新版";
    return kind === "year" ? value + "年" : value;
  }

  /* ---- a search over the split index -------------------------------------------------- */

  /* load(name) → Promise of a file under atlas/: JSON for *.json, Uint8Array otherwise.
   * Returns a Promise of {search(query, current) → Promise of rank()'s answer, entries(ids) →
   * Promise of store entries, fold}. */
  function open(load) {
    return Promise.all([load("search.json"), load("lengths.bin")]).then(function (got) {
      var manifest = got[0];
      if (manifest.format !== FORMAT) throw new Error("search index format " + manifest.format + ", expected " + FORMAT);
      var fold = folder(manifest.lookalikes, manifest.variants);
      var expand = synonymsOf(manifest.synonyms, fold);
      var lengths = decodeLengths(got[1], manifest.sections);
      var chunks = new Map(); // index → Promise of Map key → bytes
      var decoded = new Map(); // key → postings
      var shards = new Map();

      /* A file once: its promise is kept, unless it failed (a later search tries again). */
      function once(cache, key, make) {
        if (!cache.has(key)) {
          cache.set(key, make().catch(function (error) { cache.delete(key); throw error; }));
        }
        return cache.get(key);
      }

      function chunk(i) {
        return once(chunks, i, function () { return load("g/" + i + ".bin").then(decodeChunk); });
      }

      /* current(): false once the reader has typed on; the answer is then null and costs no more work. */
      function search(query, current) {
        var words = expand.named(fold.queryWords(query));
        var alternatives = words.map(expand);
        var looked = []; // every form looked for: the words, then their synonyms
        alternatives.forEach(function (list) { list.forEach(function (a) { if (looked.indexOf(a.word) === -1) looked.push(a.word); }); });
        var needed = chunksFor(looked, manifest.chunks);
        return Promise.all(needed.map(chunk)).then(function (maps) {
          if (current && !current()) return null;
          var byIndex = new Map();
          needed.forEach(function (i, k) { byIndex.set(i, maps[k]); });
          function postingsOf(key) {
            if (!decoded.has(key)) {
              var bytes = byIndex.get(chunkOf(manifest.chunks, key)).get(key);
              decoded.set(key, bytes ? decodePostings(bytes) : []);
            }
            return decoded.get(key);
          }
          function keysWithPrefix(ch) {
            var keys = [];
            chunksOfPrefix(manifest.chunks, ch).forEach(function (i) {
              byIndex.get(i).forEach(function (_, key) { if (key.slice(0, ch.length) === ch) keys.push(key); });
            });
            return keys;
          }
          var perWord = alternatives.map(function (list) {
            return mergeAlternatives(list, list.map(function (a) { return matchWord(a.word, postingsOf, keysWithPrefix); }));
          });
          var found = rank(words, perWord, lengths, manifest);
          found.marks = looked; // what snippets highlight: the words and their synonyms
          found.glossary = glossaryFor(manifest.glossary, words, fold);
          return found;
        });
      }

      function entries(ids) {
        return Promise.all(ids.map(function (id) {
          var k = Math.floor(id / manifest.storeSize);
          return once(shards, k, function () { return load("s/" + k + ".json"); }).then(function (shard) { return shard.sections[id % manifest.storeSize]; });
        }));
      }

      /* What the filters need (facets.json), fetched with the first query. */
      var facetFiles = new Map();
      function facetsIndex() {
        return once(facetFiles, "facets", function () { return load("facets.json").then(facetIndex); });
      }

      return { search: search, entries: entries, fold: fold, manifest: manifest, lengths: lengths, facets: facetsIndex };
    });
  }

  return {
    FORMAT: FORMAT, folder: folder, decodeLengths: decodeLengths, decodeChunk: decodeChunk,
    decodePostings: decodePostings, wordKeys: wordKeys, chunkOf: chunkOf, chunksFor: chunksFor,
    matchWord: matchWord, countApart: countApart, rank: rank, ranges: ranges, pieces: pieces,
    snippet: snippet, open: open, synonymsOf: synonymsOf, glossaryFor: glossaryFor,
    mergeAlternatives: mergeAlternatives, FILTERS: FILTERS, facetIndex: facetIndex, filterResults: filterResults,
    facets: facets
  };
});
