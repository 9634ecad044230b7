/* Digital Policy Atlas: paragraph permalinks and "copy citation".
 *
 * Every paragraph, list item and table the converter wrote has a stable id (#2-1-p3: the
 * third block of section 2-1).  This script gives each one a permalink and two buttons that
 * copy a ready-to-paste citation — document, issuing body, date, section and the absolute
 * URL — as plain text or as a Markdown link.  It needs no network; the URL is the page's own
 * address as the reader has it (location), so a site hosted anywhere cites itself, never a
 * build-time guess.  Ids stay on their words (assets/atlas-links.js).  On the print view it points to the reading page that shows the
 * passage (each heading there names it in data-reading-page), never to /print/.  When the
 * catalog gives the issuer's own address of the document, the citation adds it.  The text form
 * ends with the access date (「（閲覧日：2026年12月6日）」).
 */
(function () {
  "use strict";

  var BLOCK_ID = /^(?:.+-)?p\d+$/;

  function meta() {
    var el = document.querySelector(".atlas-cite-meta");
    return el ? {
      title: el.dataset.title, body: el.dataset.body, date: el.dataset.date,
      url: el.dataset.url || "", reading: el.dataset.reading || ""
    } : null;
  }

  /* The address the reader has the page at: wherever the site is hosted, a copied citation
     names it (a build-time setting could name another host, or a local one). */
  function pageUrl() {
    return location.href.split("#")[0].split("?")[0];
  }

  function headingText(h) {
    var clone = h.cloneNode(true);
    clone.querySelectorAll(".headerlink, .atlas-tools").forEach(function (x) { x.remove(); });
    return clone.textContent.trim();
  }

  /* The heading a block stands under: the nearest heading before it in the article. */
  function sectionOf(el) {
    var headings = Array.from(document.querySelectorAll("article h1, article h2, article h3, article h4, article h5, article h6"));
    var found = null;
    headings.forEach(function (h) {
      if (h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) found = h;
    });
    return found;
  }

  /* The page a block stands on, as the nearest page mark before it names it (PDF sources only):
     "p. 12", or "p. 18（PDF 25頁）" where the page prints its own number. */
  function pageOf(el) {
    var found = null;
    document.querySelectorAll("article .atlas-pdf-page").forEach(function (mark) {
      if (mark === el || (mark.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) found = mark;
    });
    return found ? found.textContent.trim() : "";
  }

  /* Where the passage is read: this page, or from the print view the page that shows it. */
  function passageUrl(el, heading, m) {
    if (!m || !m.reading) return pageUrl() + "#" + el.id;
    var page = heading ? heading.getAttribute("data-reading-page") || "" : "";
    return new URL(m.reading + (page ? page + "/" : ""), pageUrl()).href + "#" + el.id;
  }

  function citation(el, format) {
    var m = meta();
    var isHeading = /^H[1-6]$/.test(el.tagName);
    var heading = isHeading ? el : sectionOf(el);
    var section = heading && heading.tagName !== "H1" ? headingText(heading) : "";
    var n = !isHeading && el.id.match(/p(\d+)$/);
    var page = pageOf(el);
    var where = [section, page, n ? "第" + n[1] + "段落" : ""].filter(Boolean).join("、");
    var url = passageUrl(el, heading, m);
    var source = m ? m.body + "「" + m.title + "」（" + m.date + "）" : document.title;
    var label = source + (where ? " " + where : "");
    if (format === "md") {
      return "[" + label.replace(/([\[\]])/g, "\\$1") + "](" + url + ")" +
        (m && m.url ? "（[公式掲載ページ](<" + m.url + ">)）" : "");
    }
    return label + " " + url + (m && m.url ? "（公式掲載ページ " + m.url + "）" : "") + accessed(new Date());
  }

  /* Japanese citations of a web page give the day it was read: the reader's date when copying
     (never the build's), in the reader's time zone. The short Markdown form leaves it out. */
  function accessed(day) {
    return "（閲覧日：" + day.getFullYear() + "年" + (day.getMonth() + 1) + "月" + day.getDate() + "日）";
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      area.remove();
      if (ok) resolve(); else reject(new Error("copy failed"));
    });
  }

  var status = document.createElement("div");
  status.className = "atlas-copy-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");

  /* The accessible name begins with the visible label (WCAG 2.5.3: a speech user says what
     they see), and goes on to say what the button does. */
  function button(label, name, format, el) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "atlas-copy";
    b.textContent = label;
    b.title = name;
    b.setAttribute("aria-label", name);
    b.addEventListener("click", function () {
      copy(citation(el, format)).then(function () {
        status.textContent = "引用をコピーしました";
        b.classList.add("atlas-copied");
        setTimeout(function () { b.classList.remove("atlas-copied"); status.textContent = ""; }, 2000);
      }, function () { status.textContent = "コピーできませんでした"; });
    });
    return b;
  }

  function tools(el, withPermalink) {
    var box = document.createElement("span");
    box.className = "atlas-tools";
    if (withPermalink) {
      var a = document.createElement("a");
      a.className = "atlas-permalink";
      a.href = "#" + el.id;
      a.textContent = "¶";
      a.title = "この段落へのリンク";
      a.setAttribute("aria-label", "この段落へのリンク");
      box.appendChild(a);
    }
    box.appendChild(button("引用", "引用をコピー（テキスト）", "text", el));
    box.appendChild(button("MD", "MD：引用を Markdown リンクでコピー", "md", el));
    return box;
  }

  function start() {
    if (!meta()) return;
    document.body.appendChild(status);
    var article = document.querySelector("article");
    if (!article) return;
    article.querySelectorAll("p[id], li[id], table[id], pre[id]").forEach(function (el) {
      if (!BLOCK_ID.test(el.id)) return;
      var host = el.tagName === "TABLE" || el.tagName === "PRE" ? null : el;
      var box = tools(el, true);
      if (host) host.appendChild(box); else el.parentNode.insertBefore(box, el.nextSibling);
    });
    article.querySelectorAll("h2[id], h3[id], h4[id], h5[id], h6[id]").forEach(function (h) {
      h.appendChild(tools(h, false));
    });
  }

  window.atlasCite = { citation: citation };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
