/* Digital Policy Atlas search: the page code.  Drives Material's search box (markup in
 * overrides/partials/search.html) with the core in atlas-search-core.js.
 *
 * Opening a page loads no index (unless its URL asks for a search: ?q=…): focusing the box (or
 * the first key that opens it) fetches the core, the manifest and the section lengths; each query then fetches the posting chunks its words need
 * and the store shards of the results shown; the first query also fetches facets.json for the
 * filters (document, issuer, year, theme, edition: ?doc=…&issuer=…&year=…&theme=…&edition=latest) (format: scripts/atlas/write/search.py).  Everything comes
 * from the site itself, under any sub-path (URLs resolve against the site root that Material
 * puts in __config.base).
 */
(function () {
  "use strict";

  var MAX_RESULTS = 20;
  var SNIPPET_RADIUS = 45;
  var core = null; // atlas-search-core.js, loaded with the index: a page view needs neither

  function loadCore(root) {
    if (window.atlasSearchCore) return Promise.resolve(window.atlasSearchCore);
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL("assets/atlas-search-core.js", root).href;
      script.onload = function () { resolve(window.atlasSearchCore); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  /* Read from a folder (file://, the `make offline` build) a browser fetches nothing: each index
   * file is there as a script too (atlas/<name>.js, written by scripts/make_offline.py) that puts
   * it in window.atlasOffline: JSON as it is, binary files in base64. */
  function loadOffline(name, root) {
    var store = window.atlasOffline = window.atlasOffline || {};
    var got = name in store ? Promise.resolve() : new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL("atlas/" + name + ".js", root).href;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return got.then(function () {
      var value = store[name];
      if (value === undefined) throw new Error(name + ": not in the offline index");
      if (/\.json$/.test(name)) return value;
      var bytes = atob(value), out = new Uint8Array(bytes.length);
      for (var i = 0; i < bytes.length; i++) out[i] = bytes.charCodeAt(i);
      return out;
    });
  }

  /* A page's address as the index gives it (a folder, "documents/x/4/#4-3"); read from a folder,
   * where a folder would open as a listing, its index.html. */
  function pageHref(url, root) {
    var href = new URL(url, root);
    if (href.protocol === "file:" && /\/$/.test(href.pathname)) href.pathname += "index.html";
    return href.href;
  }

  function config() {
    var el = document.getElementById("__config");
    try { return JSON.parse(el.textContent); } catch (e) { return { base: ".", translations: {} }; }
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  function marked(pieces) {
    return pieces.map(function (p) { return p.mark ? "<mark>" + escapeHtml(p.text) + "</mark>" : escapeHtml(p.text); }).join("");
  }

  /* One result as a list item: heading, the synonym it was found through, snippet, where it sits
   * (document › chapter › …).  The one place result markup is made. */
  function resultItem(entry, hit, found, fold, root) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = pageHref(entry.u, root);
    a.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var h = document.createElement("h2");
    // A heading that recurs in its document (【対応策】) comes with its context ("c").
    var marks = found.marks || found.words; // the words and their synonyms
    h.innerHTML = marked(core.pieces(fold, entry.c || entry.t, marks));
    var p = document.createElement("p");
    var cut = core.snippet(fold, entry.x, marks, found.phrase, SNIPPET_RADIUS);
    p.innerHTML = (cut.before ? "…" : "") + marked(cut.pieces) + (cut.after ? "…" : "");
    var where = document.createElement("div"); // not <nav>: twenty results, twenty landmarks
    where.className = "atlas-search-where";
    var doc = document.createElement("span");
    doc.className = "atlas-search-doc";
    doc.textContent = entry.p[0];
    where.appendChild(doc);
    if (entry.o) { // a section of an older edition: a newer one exists
      var old = document.createElement("span");
      old.className = "atlas-old-edition";
      old.textContent = "旧版";
      where.appendChild(old);
    }
    if (entry.p.length > 1) where.appendChild(document.createTextNode(" › " + entry.p.slice(1).join(" › ")));
    article.appendChild(h);
    if (hit.via && hit.via.length) { // found through a synonym: say which (「暗号資産」で一致)
      var via = document.createElement("div");
      via.className = "atlas-search-via";
      via.textContent = hit.via.map(function (w) { return "「" + w + "」"; }).join("・") + "で一致";
      article.appendChild(via);
    }
    article.appendChild(p);
    article.appendChild(where);
    a.appendChild(article);
    li.appendChild(a);
    return li;
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
    var index = null; // the opened index, once the manifest is in
    var opening = null;
    var shown = null; // the query whose results are on screen
    // The filters (document, issuer, year, theme), from the URL first: ?q=…&doc=…&theme=…
    var params = new URLSearchParams(location.search);
    var filters = {};
    var FILTER_NAMES = { doc: "文書", issuer: "発行者", year: "年", theme: "テーマ", edition: "版" };
    var panel = filterPanel();
    var glossaryBox = document.createElement("div"); // glossary entries of the query's words, above the results
    glossaryBox.className = "atlas-search-glossary";
    glossaryBox.hidden = true;
    list.parentNode.insertBefore(glossaryBox, list);
    var latest = 0; // number of the latest search started: older answers are dropped

    function load(name) {
      if (location.protocol === "file:") return loadOffline(name, root);
      return fetch(new URL("atlas/" + name, root)).then(function (r) {
        if (!r.ok) throw new Error(name + ": " + r.status);
        return /\.json$/.test(name) ? r.json() : r.arrayBuffer().then(function (b) { return new Uint8Array(b); });
      });
    }

    function open() {
      if (!opening) {
        opening = loadCore(root).then(function (loaded) {
          core = loaded;
          return core.open(load);
        }).then(function (opened) {
          index = opened;
          if (!input.value) meta.textContent = t["search.result.placeholder"] || "";
          schedule();
        }).catch(function () {
          opening = null; // the next focus or key tries again
          meta.textContent = "検索インデックスを読み込めませんでした";
        });
      }
      return opening;
    }

    /* The page's URL carries the query and the filters (?q=…&doc=…), so a search can be pasted
     * and opens the same results. */
    function remember(query) {
      var url = new URL(location.href);
      if (query.trim()) url.searchParams.set("q", query); else url.searchParams.delete("q");
      Object.keys(FILTER_NAMES).forEach(function (kind) {
        if (query.trim() && filters[kind]) url.searchParams.set(kind, filters[kind]);
        else url.searchParams.delete(kind);
      });
      if (url.href !== location.href) history.replaceState(history.state, "", url.href);
    }

    /* One <select> per filter, under the result count; hidden until a query has results.  The
     * edition filter comes only once an older edition is among the results (or the URL sets it):
     * a site without editions has none. */
    function filterPanel() {
      var box = document.createElement("div");
      box.className = "atlas-search-filters";
      box.hidden = true;
      Object.keys(FILTER_NAMES).forEach(function (kind) {
        filters[kind] = params.get(kind) || "";
        if (kind !== "edition" || filters[kind]) addFilter(box, kind);
      });
      meta.parentNode.insertBefore(box, meta.nextSibling);
      return box;
    }

    function addFilter(box, kind) {
      var select = document.createElement("select");
      select.name = kind;
      select.setAttribute("aria-label", FILTER_NAMES[kind] + "で絞り込む");
      select.addEventListener("change", function () {
        filters[kind] = select.value;
        shown = null;
        render();
      });
      box.appendChild(select);
    }

    /* Each filter's choices among the results, with their counts; the chosen one selected. */
    function drawFilters(choices, total) {
      panel.hidden = !total;
      var older = choices.edition.some(function (c) { return c.value === "old"; });
      if (older && !panel.querySelector("select[name=edition]")) addFilter(panel, "edition");
      Array.prototype.forEach.call(panel.querySelectorAll("select"), function (select) {
        var kind = select.name;
        select.innerHTML = "";
        var any = document.createElement("option");
        any.value = "";
        any.textContent = "すべての" + FILTER_NAMES[kind];
        select.appendChild(any);
        choices[kind].forEach(function (c) {
          var option = document.createElement("option");
          option.value = c.value;
          option.textContent = c.label + "（" + c.count + "）";
          select.appendChild(option);
        });
        select.value = filters[kind] || "";
        select.classList.toggle("atlas-search-filter--set", !!filters[kind]);
        if (kind === "edition") select.hidden = !filters[kind] && !older;
      });
    }

    /* The glossary entries of the query's words (an abbreviation or its full form): first, with a
     * link to the entry on the glossary page.  Outside the result list: they are no sections. */
    function drawGlossary(entries) {
      glossaryBox.innerHTML = "";
      glossaryBox.hidden = !entries.length;
      entries.forEach(function (e) {
        var a = document.createElement("a");
        a.className = "atlas-search-glossary__entry";
        a.href = new URL(e.u, root).href;
        var term = document.createElement("strong");
        term.textContent = "用語集: " + e.t;
        var text = document.createElement("span");
        text.textContent = " — " + e.d;
        a.appendChild(term);
        a.appendChild(text);
        glossaryBox.appendChild(a);
      });
    }

    function render() {
      if (!index) { open(); return; }
      var query = input.value;
      shown = query;
      remember(query);
      var mine = ++latest;
      var fold = index.fold;
      if (!fold.queryWords(query).length) {
        list.innerHTML = "";
        panel.hidden = true;
        drawGlossary([]);
        meta.textContent = t["search.result.placeholder"] || "";
        return;
      }
      var current = function () { return mine === latest; };
      // The filters' data (facets.json) comes with the first query; results wait for it only when
      // a filter is set (a pasted ?q=…&doc=… URL), else the filters are drawn when it arrives.
      var facets = index.facets();
      var filtered = Object.keys(FILTER_NAMES).some(function (kind) { return filters[kind]; });
      Promise.all([index.search(query, current), filtered ? facets : null]).then(function (got) {
        var found = got[0];
        if (!found || !current()) return; // typed on: that search answers instead
        var kept = got[1] ? core.filterResults(found.results, got[1], filters) : found.results;
        var top = kept.slice(0, MAX_RESULTS);
        return index.entries(top.map(function (h) { return h.id; })).then(function (entries) {
          if (mine !== latest) return;
          list.innerHTML = "";
          meta.textContent = !top.length ? t["search.result.none"] || "No matching documents"
            : kept.length + " 件" + (kept.length < found.results.length ? "（全 " + found.results.length + " 件から絞り込み）" : "")
              + (found.all ? "" : "（すべての語を含む節はありません。一部の語に一致）");
          var fragment = document.createDocumentFragment();
          entries.forEach(function (entry, k) { fragment.appendChild(resultItem(entry, top[k], found, fold, root)); });
          list.appendChild(fragment);
          meta.dataset.query = query; // which query the panel now answers (tests wait for it)
          drawGlossary(found.glossary || []);
          facets.then(function (filing) {
            if (mine === latest) drawFilters(core.facets(found.results, filing, filters), found.results.length);
          }, function () { panel.hidden = true; }); // no filters this time; the next query asks again
        });
      }).catch(function () {
        if (mine === latest) meta.textContent = "検索インデックスを読み込めませんでした";
      });
    }

    // Search once per animation frame: the input events of one IME commit (and the keyup after
    // it) cost one search, and a fast typist does not queue a search per key.
    var pending = false;
    function schedule() {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () {
        pending = false;
        if (!index) { open(); return; }
        if (input.value !== shown) render();
      });
    }

    input.addEventListener("focus", function () { open(); if (toggle) toggle.checked = true; });
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
      drawGlossary([]);
      shown = "";
      latest++;
      Object.keys(FILTER_NAMES).forEach(function (kind) { filters[kind] = ""; });
      panel.hidden = true;
      remember("");
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
    var asked = params.get("q");
    if (asked) {  // a pasted search: open the panel with its results (the one case a page loads the index)
      input.value = asked;
      if (toggle) toggle.checked = true;
      open();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
