/* Digital Policy Atlas: a link given out once opens the same words for good.
 *
 * A paragraph's id (#2-1-p3) stays on its words from conversion to conversion (sources/links.lock,
 * scripts/atlas/enrich/links.py). When the words moved — onto another page, into another paragraph, or
 * out of the text altogether — the id is no longer on the page the link names; then this script
 * reads the document's small map (atlas/links/<doc>.json: page → old id → [page, id, notice]) and
 * goes there. An id whose words are no longer shown opens the section where they stood, with a
 * notice that the passage changed, never silently another paragraph. A page that no conversion
 * writes any more (.atlas-moved) sends its reader, and the link's id, on to where its text is now.
 * Only the site's own files are fetched.
 */
(function () {
  "use strict";

  var NOTICE = "このリンク先の段落は更新されました";
  var UPDATED = "atlas-updated";

  /* The site's root: Material's __config names it; a redirect page (no theme) says it itself. */
  function root() {
    var el = document.getElementById("__config");
    var moved = document.querySelector(".atlas-moved[data-root]");
    var base = moved ? moved.getAttribute("data-root") : ".";
    try { if (el) base = JSON.parse(el.textContent).base || base; } catch (e) { /* keep the page's own */ }
    // The 404 page's base is "/" (every other page's is relative), as atlas-search.js says.
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  /* {doc, page} of a document page from its address ("documents/x/3/" → x, "3"), else null. */
  function here(base) {
    var path = decodeURIComponent(location.pathname).replace(/index\.html$/, "");
    var rel = path.indexOf(base.pathname) === 0 ? path.slice(base.pathname.length) : "";
    var m = rel.match(/^documents\/([^/]+)\/(?:([^/]+)\/)?$/);
    return m ? { doc: m[1], page: m[2] || "" } : null;
  }

  function wanted() {
    try { return decodeURIComponent(location.hash.slice(1)); } catch (e) { return location.hash.slice(1); }
  }

  function shadowed(id) {
    var meta = document.querySelector(".atlas-cite-meta[data-moved-ids]");
    return !!meta && meta.getAttribute("data-moved-ids").split(" ").indexOf(id) >= 0;
  }

  function entryFor(map, page, id) {
    if (map[page] && map[page][id]) return map[page][id];
    if (page !== "print") return null;
    // The print view repeats every page's ids: an id moved on any of them is looked up there.
    var found = null;
    Object.keys(map).sort().forEach(function (p) { if (!found && map[p][id]) found = map[p][id]; });
    return found;
  }

  function go(entry, id, base) {
    var dest = new URL(entry[0], base);
    var hash = entry[1] ? "#" + encodeURIComponent(entry[1]) : "";
    if (entry[2]) dest.searchParams.set(UPDATED, id);
    if (dest.pathname === location.pathname && !entry[2]) {
      location.replace(hash || "#");
      return;
    }
    location.replace(dest.href + hash);
  }

  function follow(doc, page, id, base, fallback) {
    fetch(new URL("atlas/links/" + encodeURIComponent(doc) + ".json", base))
      .then(function (r) { return r.ok ? r.json() : {}; })
      .catch(function () { return {}; })
      .then(function (map) {
        var entry = entryFor(map, page, id);
        if (entry && page === "print" && new URL(entry[0], base).pathname.indexOf("/documents/" + doc + "/") >= 0 && !entry[2]) {
          location.replace("#" + encodeURIComponent(entry[1]));  // stay on the print view
        } else if (entry) {
          go(entry, id, base);
        } else if (fallback !== null) {
          location.replace(fallback.href + location.hash);
        } else {
          settled();
        }
      });
  }

  /* The notice stands under the section's heading (or atop the page) that an updated link opened. */
  function showNotice() {
    var params = new URLSearchParams(location.search);
    if (!params.has(UPDATED)) return;
    var target = document.getElementById(wanted()) || document.querySelector("article h1");
    var notice = document.createElement("p");
    notice.className = "atlas-link-notice";
    notice.setAttribute("role", "status");
    notice.textContent = NOTICE;
    if (target && target.parentNode) target.parentNode.insertBefore(notice, target.nextSibling);
    else (document.querySelector("article") || document.body).prepend(notice);
    params.delete(UPDATED);
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function check() {
    document.documentElement.removeAttribute("data-atlas-link");
    var base = root();
    var moved = document.querySelector(".atlas-moved");
    var id = wanted();
    if (moved) {
      var to = new URL(moved.getAttribute("data-to") || "", base);
      if (id) follow(moved.getAttribute("data-document"), moved.getAttribute("data-page"), id, base, to);
      else location.replace(to.href);
      return;
    }
    if (!id || (document.getElementById(id) && !shadowed(id))) return settled();
    var where = here(base);
    if (where) follow(where.doc, where.page, id, base, null);
    else settled();
  }

  /* Nothing more to follow: the page shows what the link names (tests and bench/links.py wait for it). */
  function settled() {
    document.documentElement.setAttribute("data-atlas-link", "settled");
  }

  function start() {
    showNotice();
    check();
    window.addEventListener("hashchange", check);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
