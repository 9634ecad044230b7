/* Digital Policy Atlas: the document list (文書一覧) sorted and filtered in place.
 *
 * The converter writes the list as a plain table (scripts/atlas/write/write.py), newest first, which is
 * all a reader without JavaScript needs.  Each row carries what this script reads: data-issued
 * and data-added (ISO days), data-issuer, data-kind, data-year.  Above the table it puts one
 * select to sort (date of issue, either way; date of addition; issuer) and three to filter
 * (issuer, kind, year), and says how many rows are shown.  Nothing is fetched.
 */
(function () {
  "use strict";

  var SORTS = [
    ["issued-desc", "発行日の新しい順"],
    ["issued-asc", "発行日の古い順"],
    ["added-desc", "追加日の新しい順"],
    ["issuer", "発行者順"]
  ];
  var FILTERS = [["issuer", "発行者"], ["kind", "種類"], ["year", "年"]];

  function compare(kind) {
    return function (a, b) {
      var x = a.dataset, y = b.dataset;
      if (kind === "issued-asc") return x.issued.localeCompare(y.issued);
      if (kind === "added-desc") return (y.added || "").localeCompare(x.added || "") || y.issued.localeCompare(x.issued);
      if (kind === "issuer") return x.issuer.localeCompare(y.issuer, "ja") || y.issued.localeCompare(x.issued);
      return y.issued.localeCompare(x.issued);
    };
  }

  function select(name, label, options) {
    var wrap = document.createElement("label");
    wrap.className = "atlas-list-control";
    wrap.textContent = label + " ";
    var el = document.createElement("select");
    el.name = name;
    options.forEach(function (o) {
      var option = document.createElement("option");
      option.value = o[0];
      option.textContent = o[1];
      el.appendChild(option);
    });
    wrap.appendChild(el);
    return wrap;
  }

  function values(rows, key) {
    var seen = {};
    rows.forEach(function (row) { seen[row.dataset[key]] = (seen[row.dataset[key]] || 0) + 1; });
    return Object.keys(seen).sort(function (a, b) { return key === "year" ? b.localeCompare(a) : a.localeCompare(b, "ja"); })
      .map(function (v) { return [v, v + "（" + seen[v] + "）"]; });
  }

  function start() {
    var table = document.querySelector("table.atlas-doc-list");
    if (!table) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var controls = document.createElement("div");
    controls.className = "atlas-list-controls";
    controls.appendChild(select("sort", "並べ替え", SORTS));
    FILTERS.forEach(function (f) {
      controls.appendChild(select(f[0], f[1], [["", "すべて"]].concat(values(rows, f[0]))));
    });
    var count = document.createElement("p");
    count.className = "atlas-list-count";
    count.setAttribute("role", "status");
    // Material wraps a table in a scrolling box: the controls go above that box.
    var holder = table.closest(".md-typeset__scrollwrap") || table;
    holder.parentNode.insertBefore(controls, holder);
    holder.parentNode.insertBefore(count, holder);

    function update() {
      var chosen = {};
      FILTERS.forEach(function (f) { chosen[f[0]] = controls.querySelector("select[name=" + f[0] + "]").value; });
      var sorted = rows.slice().sort(compare(controls.querySelector("select[name=sort]").value));
      var shown = 0;
      sorted.forEach(function (row) {
        var keep = FILTERS.every(function (f) { return !chosen[f[0]] || row.dataset[f[0]] === chosen[f[0]]; });
        row.hidden = !keep;
        if (keep) shown++;
        body.appendChild(row);
      });
      count.textContent = shown + " 件を表示（全 " + rows.length + " 件）";
    }

    controls.addEventListener("change", update);
    update();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
