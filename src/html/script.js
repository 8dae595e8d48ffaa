// The evidence panel and table paging. Record text is only ever set as textContent.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var panel = document.getElementById("panel");
  var body = document.getElementById("panel-body");
  var titleEl = document.getElementById("panel-title");
  var active = null;
  var CONTEXT = data.context;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function label(table, word) {
    var l = data.vocab[table][word];
    return l ? word + " (" + l[0] + "; " + l[1] + ")" : word;
  }

  function context(src, line, quote) {
    var lines = data.lines[src];
    if (!lines) {
      return el("p", "note", data.missing.indexOf(src) >= 0
        ? "The source document " + data.sources[src] + " was not given, so the text around the quote cannot be shown."
        : "No source text for " + data.sources[src] + ".");
    }
    var pre = el("div", "context");
    var span = Math.floor(quote.length / 50) + 1;
    var shown = 0;
    Object.keys(lines).map(Number).sort(function (a, b) { return a - b; }).forEach(function (n) {
      if (n < line - CONTEXT || n > line + span + CONTEXT) return;
      var row = el("span", n >= line && n < line + span ? "line cited" : "line");
      row.appendChild(el("span", "ln", n));
      row.appendChild(document.createTextNode(lines[n]));
      pre.appendChild(row);
      shown++;
    });
    return shown ? pre : el("p", "note", "No source lines near line " + line + ".");
  }

  function renderItem(item) {
    var box = el("div", "item");
    box.appendChild(el("div", "kind", item.k + " · " + data.reports[item.r] + " · " + item.id));
    box.appendChild(el("div", "head", item.h));
    var fields = [];
    if (item.c) fields.push(["category", label("category", item.c)]);
    if (item.s) fields.push(["severity", label("severity", item.s)]);
    if (item.k === "gap") fields.push(["the report's word", item.t ? label("term", item.t) : "not recorded"]);
    if (item.k === "gap") fields.push(["stated in", item.w ? label("stated", item.w) : "not recorded"]);
    (item.f || []).forEach(function (f) { fields.push(f); });
    if (fields.length) {
      var dl = el("dl");
      fields.forEach(function (f) { dl.appendChild(el("dt", null, f[0])); dl.appendChild(el("dd", null, f[1])); });
      box.appendChild(dl);
    }
    if (item.n) box.appendChild(el("p", "itemnote", "Note: " + item.n));
    item.e.forEach(function (e) {
      var ev = el("div", "evidence");
      ev.appendChild(el("div", "where", data.sources[e[0]] + ":" + e[1]));
      ev.appendChild(el("blockquote", "quote", e[2]));
      ev.appendChild(context(e[0], e[1], e[2]));
      box.appendChild(ev);
    });
    return box;
  }

  // What a clicked element stands for: a heatmap cell by its row and column, else its title or text.
  function describe(target) {
    if (target.tagName === "TD" && target.closest("table.heat")) {
      var row = target.parentNode.cells[0].firstChild.textContent.trim();
      var head = target.closest("table").tHead.rows[0].cells[target.cellIndex];
      return row + " × " + head.textContent.trim();
    }
    return target.getAttribute("title") || target.textContent.trim().slice(0, 80);
  }

  function open(target) {
    var ids = (target.getAttribute("data-items") || "").split(" ").filter(Boolean).map(Number);
    if (active) active.classList.remove("active");
    active = target;
    target.classList.add("active");
    var what = describe(target);
    titleEl.textContent = ids.length + (ids.length === 1 ? " item" : " items") + (what ? " — " + what : "");
    while (body.firstChild) body.removeChild(body.firstChild);
    ids.forEach(function (i) { if (data.items[i]) body.appendChild(renderItem(data.items[i])); });
    if (!ids.length) body.appendChild(el("p", "note", "No items."));
    panel.hidden = false;
    panel.scrollTop = 0;
  }

  function close() {
    panel.hidden = true;
    if (active) { active.classList.remove("active"); if (active.focus) active.focus(); active = null; }
  }

  document.addEventListener("click", function (ev) {
    var t = ev.target.closest ? ev.target.closest("[data-items]") : null;
    if (t) { ev.preventDefault(); open(t); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && !panel.hidden) { close(); return; }
    if (ev.key === "Enter" || ev.key === " ") {
      var t = document.activeElement;
      if (t && t.hasAttribute && t.hasAttribute("data-items") && t.tagName !== "BUTTON") { ev.preventDefault(); open(t); }
    }
  });
  document.getElementById("panel-close").addEventListener("click", close);

  // Long tables show a page at a time; print shows every row.
  Array.prototype.forEach.call(document.querySelectorAll("table.paged"), function (table) {
    var size = Number(table.getAttribute("data-page")) || 50;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    if (rows.length <= size) return;
    var page = 0, pages = Math.ceil(rows.length / size);
    var bar = el("div", "pager");
    var prev = el("button", null, "‹ previous"), next = el("button", null, "next ›"), info = el("span");
    prev.type = next.type = "button";
    bar.appendChild(prev); bar.appendChild(info); bar.appendChild(next);
    table.parentNode.insertBefore(bar, table);
    function show() {
      rows.forEach(function (r, i) { r.hidden = Math.floor(i / size) !== page; });
      info.textContent = "rows " + (page * size + 1) + "–" + Math.min(rows.length, (page + 1) * size) + " of " + rows.length;
      prev.disabled = page === 0; next.disabled = page === pages - 1;
    }
    prev.addEventListener("click", function () { if (page > 0) { page--; show(); } });
    next.addEventListener("click", function () { if (page < pages - 1) { page++; show(); } });
    show();
  });

  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
  });
})();
