/* Digital Policy Atlas search: finds every section whose text contains what the reader typed.
 *
 * The index (atlas/search.json, written by scripts/atlas/search.py) holds one entry per
 * section with its text already folded.  A query is folded the same way — width, case,
 * katakana → hiragana, white space removed — and split on spaces into words that must all
 * occur (AND).  Matching is by substring, so compounds, two-character words, English terms
 * and phrases copied from a page all match exactly what they say; ranking is BM25 over the
 * words, with bonuses for the whole query as one phrase and for words in the section title.
 * It runs offline from static files and under any sub-path (URLs resolve against the
 * site root that Material puts in __config.base).
 */
(function () {
  "use strict";

  var MAX_RESULTS = 20;
  var SNIPPET_RADIUS = 45;

  /* Radical look-alikes (⺠ → 民), from the index manifest: scripts/atlas/fold.py LOOKALIKES. */
  var lookalikes = {};

  /* Keep in step with fold_char in scripts/atlas/fold.py. */
  function foldChar(ch) {
    var folded = (lookalikes[ch] || ch).normalize("NFKC").toLowerCase();
    var out = "";
    for (var i = 0; i < folded.length; i++) {
      var c = folded[i];
      if (/\s/.test(c)) continue;
      var code = c.charCodeAt(0);
      if (code >= 0x30a1 && code <= 0x30f6) c = String.fromCharCode(code - 0x60);
      out += c;
    }
    return out;
  }

  /* Folded text and, for each folded character, the index of the source character it came from. */
  function foldWithMap(text) {
    var folded = "";
    var map = [];
    var chars = Array.from(text);
    var offset = 0;
    for (var i = 0; i < chars.length; i++) {
      var f = foldChar(chars[i]);
      for (var j = 0; j < f.length; j++) map.push(offset);
      folded += f;
      offset += chars[i].length;
    }
    map.push(offset);
    return { folded: folded, map: map };
  }

  function unlookalike(text) {
    return Array.from(text).map(function (c) { return lookalikes[c] || c; }).join("");
  }

  function fold(text) {
    // Look-alikes first (NFKC would turn ⼾ into 戶), compose (ﾎﾟ → ポ), then fold each character.
    return foldWithMap(unlookalike(text).normalize("NFKC")).folded;
  }

  /* Keep in step with fold_query in scripts/atlas/fold.py. */
  function queryWords(query) {
    var words = unlookalike(query).normalize("NFKC").split(/[\s\u3000]+/).map(fold).filter(Boolean);
    var seen = {};
    return words.filter(function (w) { return seen[w] ? false : (seen[w] = true); });
  }

  function count(haystack, needle, limit) {
    var n = 0;
    var at = haystack.indexOf(needle);
    while (at !== -1 && n < limit) {
      n++;
      at = haystack.indexOf(needle, at + needle.length);
    }
    return n;
  }

  /* ---- ranking ---------------------------------------------------------------------- */

  function search(index, query) {
    var words = queryWords(query);
    if (!words.length) return { results: [], all: true, words: words };
    var phrase = words.join("");
    var sections = index.sections;
    var total = sections.length;
    var hits = [];
    var df = words.map(function () { return 0; });
    for (var i = 0; i < total; i++) {
      var s = sections[i];
      var counts = new Array(words.length);
      var matched = 0;
      for (var w = 0; w < words.length; w++) {
        var c = count(s.n, words[w], 50) + (s.tn.indexOf(words[w]) !== -1 ? 1 : 0);
        counts[w] = c;
        if (c) { matched++; df[w]++; }
      }
      if (matched) hits.push({ s: s, counts: counts, matched: matched });
    }
    var all = hits.filter(function (h) { return h.matched === words.length; });
    var pool = all.length ? all : hits; // no section has every word: show the best partial matches
    var avg = index.avgLength;
    var idf = df.map(function (d) { return Math.log(1 + (total - d + 0.5) / (d + 0.5)); });
    pool.forEach(function (h) {
      var score = 0;
      var len = h.s.n.length || 1;
      for (var w = 0; w < words.length; w++) {
        var tf = h.counts[w];
        if (!tf) continue;
        score += idf[w] * (tf * 2.2) / (tf + 1.2 * (0.25 + 0.75 * len / avg));
        if (h.s.tn.indexOf(words[w]) !== -1) score += 1.5 * idf[w];
      }
      if (words.length > 1 && (h.s.n.indexOf(phrase) !== -1 || h.s.tn.indexOf(phrase) !== -1)) {
        score += 3 * Math.max.apply(null, idf);
      }
      if (h.s.tn === phrase) score += 4;
      h.score = score + h.matched * 10;
    });
    pool.sort(function (a, b) { return b.score - a.score || a.s.i - b.s.i; });
    return { results: pool, all: all.length > 0, words: words, phrase: phrase };
  }

  /* ---- snippets --------------------------------------------------------------------- */

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  /* Source-text ranges [start, end) where any of the words occurs in `text`. */
  function ranges(text, words) {
    var fm = foldWithMap(text);
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

  function highlight(text, words) {
    var html = "";
    var cursor = 0;
    ranges(text, words).forEach(function (r) {
      html += escapeHtml(text.slice(cursor, r[0])) + "<mark>" + escapeHtml(text.slice(r[0], r[1])) + "</mark>";
      cursor = r[1];
    });
    return html + escapeHtml(text.slice(cursor));
  }

  function snippet(text, words, phrase) {
    var marks = ranges(text, words.length > 1 ? [phrase].concat(words) : words);
    var center = marks.length ? marks[0][0] : 0;
    var start = Math.max(0, center - SNIPPET_RADIUS);
    var end = Math.min(text.length, center + SNIPPET_RADIUS * 2);
    var piece = text.slice(start, end);
    return (start > 0 ? "…" : "") + highlight(piece, words.length > 1 ? [phrase].concat(words) : words) +
      (end < text.length ? "…" : "");
  }

  /* ---- the search box (Material's markup, our behaviour) ---------------------------- */

  function config() {
    var el = document.getElementById("__config");
    try { return JSON.parse(el.textContent); } catch (e) { return { base: ".", translations: {} }; }
  }

  function start() {
    var input = document.querySelector("input.md-search__input");
    var list = document.querySelector(".md-search-result__list");
    var meta = document.querySelector(".md-search-result__meta");
    var toggle = document.getElementById("__search");
    if (!input || !list || !meta) return;
    var cfg = config();
    var t = cfg.translations || {};
    // The 404 page's base is "/" (every other page's is relative): "//" would name no host.
    var root = new URL((cfg.base || ".").replace(/\/?$/, "/"), location.href);
    var index = null;
    var loading = null;

    // The manifest names the index chunks; each chunk is searched as soon as it arrives,
    // so a large corpus shows first results before the whole index is in.
    function load() {
      if (!loading) {
        loading = fetch(new URL("atlas/search.json", root)).then(function (r) { return r.json(); })
          .then(function (manifest) {
            lookalikes = manifest.lookalikes || {};
            var sections = [];
            var sum = 0;
            var arrived = 0;
            // One chunk after another: the first arrives whole and early (in parallel they
            // would all share the line and all arrive late).
            function add(chunkIndex, chunk) {
              // s.i: the section's place in the index, for stable ordering of equal scores
              chunk.sections.forEach(function (s, k) { s.i = chunkIndex * 1e6 + k; sum += s.n.length; sections.push(s); });
              arrived++;
              index = {
                docs: manifest.docs, sections: sections,
                avgLength: sum / Math.max(1, sections.length),
                complete: arrived === manifest.chunks.length
              };
              if (index.complete) meta.textContent = t["search.result.placeholder"] || "";
              if (input.value) { rendered = input.value; render(); }
            }
            return manifest.chunks.reduce(function (previous, name, chunkIndex) {
              return previous.then(function () {
                return fetch(new URL("atlas/" + name, root)).then(function (r) { return r.json(); })
                  .then(function (chunk) { add(chunkIndex, chunk); });
              });
            }, Promise.resolve());
          })
          .catch(function () { meta.textContent = "検索インデックスを読み込めませんでした"; });
      }
      return loading;
    }

    function render() {
      if (!index) { load(); return; }
      var query = input.value;
      var found = search(index, query);
      list.innerHTML = "";
      if (!found.words.length) {
        meta.textContent = t["search.result.placeholder"] || "";
        return;
      }
      var shown = found.results.slice(0, MAX_RESULTS);
      if (!shown.length) {
        meta.textContent = t["search.result.none"] || "No matching documents";
      } else {
        var label = found.results.length + " 件" + (found.all ? "" : "（すべての語を含む節はありません。一部の語に一致）") +
          (index.complete ? "" : "（索引を読み込み中）");
        meta.textContent = label;
      }
      var fragment = document.createDocumentFragment();
      shown.forEach(function (hit) {
        var s = hit.s;
        var doc = index.docs[s.d];
        var li = document.createElement("li");
        li.className = "md-search-result__item";
        var a = document.createElement("a");
        a.className = "md-search-result__link";
        a.href = new URL(s.u, root).href;
        a.tabIndex = -1;
        var article = document.createElement("article");
        article.className = "md-search-result__article md-typeset";
        var h = document.createElement("h2");
        // A heading that recurs in its document (【対応策】) comes with its context ("c").
        h.innerHTML = highlight(s.c || s.t, found.words);
        var p = document.createElement("p");
        p.innerHTML = snippet(s.x, found.words, found.phrase);
        var from = document.createElement("div");  // not <nav>: twenty results, twenty landmarks
        from.className = "atlas-search-doc";
        from.textContent = doc.t;
        article.appendChild(h);
        article.appendChild(p);
        article.appendChild(from);
        a.appendChild(article);
        li.appendChild(a);
        fragment.appendChild(li);
      });
      list.appendChild(fragment);
    }

    input.addEventListener("focus", function () { load(); if (toggle) toggle.checked = true; });
    // Render once per animation frame: the input events of one IME commit (and the keyup
    // after it) cost one search, and a fast typist does not queue a search per key.
    var pending = false;
    var rendered = null;
    function schedule() {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () {
        pending = false;
        if (input.value !== rendered || !index) {
          rendered = index ? input.value : null;
          render();
        }
      });
    }
    input.addEventListener("input", function (e) { if (!e.isComposing) schedule(); });
    input.addEventListener("compositionend", schedule);
    input.addEventListener("keyup", schedule);
    input.form && input.form.addEventListener("submit", function (e) {
      e.preventDefault();
      var first = list.querySelector("a");
      if (first) location.href = first.href;
    });
    input.form && input.form.addEventListener("reset", function () {
      list.innerHTML = "";
      rendered = "";
      if (index) meta.textContent = t["search.result.placeholder"] || "";
    });
    document.addEventListener("keydown", function (e) {
      var typing = /input|textarea|select/i.test((e.target && e.target.tagName) || "");
      if (!typing && (e.key === "/" || e.key === "s" || e.key === "f") && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        if (toggle) toggle.checked = true;
        input.focus();
      } else if (e.key === "Escape" && toggle && toggle.checked) {
        toggle.checked = false;
        input.blur();
      } else if (e.key === "ArrowDown" && document.activeElement === input) {
        var first = list.querySelector("a");
        if (first) { e.preventDefault(); first.focus(); }
      }
    });
    list.addEventListener("click", function () { if (toggle) toggle.checked = false; });
    if ("requestIdleCallback" in window) requestIdleCallback(load); else setTimeout(load, 200);
  }

  window.atlasSearch = { fold: fold, foldChar: foldChar, queryWords: queryWords, search: search };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
