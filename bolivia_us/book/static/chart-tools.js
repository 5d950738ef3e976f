/* Draws every chart of the page from its stored spec (whose rows the page keeps by column, see
   book.renderer.pack_rows), and under each chart offers exactly the rows it draws (CSV, built in
   the browser from the chart's own data) and the page's notebook in Binder or Colab. No network. */
(function () {
  "use strict";
  function unpackRows(packed) {
    if (Array.isArray(packed)) return packed;
    var rows = [];
    for (var i = 0; i < packed.rows; i++) rows.push({});
    packed.columns.forEach(function (column) {
      var name = column[0], values = column[1], codes = column[2];
      rows.forEach(function (row, i) { row[name] = codes ? values[codes[i]] : values[i]; });
    });
    return rows;
  }
  // A fresh copy on every call: Vega adds fields to the rows it draws, and the CSV must not.
  function specOf(figure) {
    var spec = JSON.parse(figure.querySelector("script.bolivia-us-spec").textContent);
    Object.keys(spec.datasets || {}).forEach(function (name) { spec.datasets[name] = unpackRows(spec.datasets[name]); });
    return spec;
  }
  window.boliviaUs = { specOf: specOf, unpackRows: unpackRows };
  function cell(value) {
    if (value === null || value === undefined) return "";
    var text = typeof value === "object" ? JSON.stringify(value) : String(value);
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function toCsv(rows) {
    var columns = [];
    rows.forEach(function (row) {
      Object.keys(row).forEach(function (key) { if (columns.indexOf(key) < 0) columns.push(key); });
    });
    var lines = [columns.map(cell).join(",")];
    rows.forEach(function (row) { lines.push(columns.map(function (c) { return cell(row[c]); }).join(",")); });
    return lines.join("\n") + "\n";
  }
  function slug(text) {
    return (text || "chart").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "chart";
  }
  // The page's language picks the words (the Spanish edition's pages are lang="es").
  var SPANISH = (document.documentElement.lang || "").slice(0, 2) === "es";
  var WORDS = SPANISH
    ? { part: "Datos, parte", rows: "filas", download: "Descargar los datos", binder: "Abrir en Binder", colab: "Abrir en Colab" }
    : { part: "Data, part", rows: "rows", download: "Download the data", binder: "Open in Binder", colab: "Open in Colab" };
  function launchLink(pattern) {
    var link = document.querySelector('a[href*="' + pattern + '"]');
    return link ? link.getAttribute("href") : null;
  }
  function addTools(figure) {
    var specNode = figure.querySelector("script.bolivia-us-spec");
    var tools = figure.querySelector(".chart-tools");
    if (!specNode || !tools || tools.childElementCount) return;
    var spec = specOf(figure);
    var title = (spec.usermeta && spec.usermeta.title) || "chart";
    var datasets = spec.datasets || {};
    var names = Object.keys(datasets).sort(function (a, b) { return datasets[b].length - datasets[a].length; });
    names.forEach(function (name, i) {
      var link = document.createElement("a");
      link.className = "chart-download";
      link.href = "#";
      link.download = slug(title) + (names.length > 1 ? "-part-" + (i + 1) : "") + ".csv";
      link.textContent = names.length > 1 ? WORDS.part + " " + (i + 1) + " (CSV, " + datasets[name].length + " " + WORDS.rows + ")"
                                          : WORDS.download + " (CSV, " + datasets[name].length + " " + WORDS.rows + ")";
      link.setAttribute("data-rows", String(datasets[name].length));
      link.addEventListener("click", function (event) {
        var blob = new Blob([toCsv(datasets[name])], { type: "text/csv" });
        link.href = URL.createObjectURL(blob);
        setTimeout(function () { URL.revokeObjectURL(link.href); link.href = "#"; }, 4000);
      });
      tools.appendChild(link);
    });
    [["mybinder.org/v2/", WORDS.binder], ["colab.research.google.com/github/", WORDS.colab]].forEach(function (pair) {
      var href = launchLink(pair[0]);
      if (!href) return;
      var link = document.createElement("a");
      link.className = "chart-launch";
      link.href = href;
      link.textContent = pair[1];
      tools.appendChild(link);
    });
  }
  // No vega-embed menu: its <summary> has no accessible name, and each chart offers its CSV below.
  var EMBED_OPTIONS = { renderer: "svg", mode: "vega-lite", actions: false };
  var VIEW_KEYS = ["mark", "layer", "facet", "spec", "vconcat", "hconcat", "concat", "repeat"];
  var NARROWEST_PANEL = 140;  // px: a panel narrower than this would say nothing
  // Calls visit(node) on every view of a Vega-Lite spec (not on its config or its data).
  function eachView(node, visit) {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) { node.forEach(function (n) { eachView(n, visit); }); return; }
    if (VIEW_KEYS.some(function (k) { return k in node; })) visit(node);
    ["layer", "vconcat", "hconcat", "concat"].forEach(function (k) { if (node[k]) eachView(node[k], visit); });
    if (node.spec) eachView(node.spec, visit);
  }
  function fixedWidths(spec) {
    var widths = [];
    eachView(spec, function (view) { if (typeof view.width === "number") widths.push(view.width); });
    return widths;
  }
  // A chart is first drawn as designed. Drawn too wide for its column (a composite chart's panels
  // have fixed widths, and the browser would shrink it, text and all, to 6-px labels on a phone),
  // its panels are narrowed by the overhang; a legend or label cut off at its right edge puts the
  // legends in one column. Text keeps its size; nothing is scaled down or cut off.
  function fit(el, spec, result) {
    var svg = el.querySelector("svg");
    if (!svg) return null;
    var room = el.clientWidth;
    var drawn = parseFloat(svg.getAttribute("width")) || svg.getBoundingClientRect().width;
    var patched = null;
    var widths = fixedWidths(spec);
    if (drawn > room + 1 && widths.length) {
      var overhang = Math.ceil(drawn - room) + 2;
      patched = JSON.parse(JSON.stringify(spec));
      eachView(patched, function (view) {
        if (typeof view.width === "number") view.width = Math.max(NARROWEST_PANEL, view.width - overhang);
      });
    }
    var right = svg.getBoundingClientRect().left + Math.min(drawn, room);
    var cut = Array.prototype.some.call(svg.querySelectorAll(".role-legend text"), function (t) {
      return t.textContent.trim() && t.getBoundingClientRect().right > right + 1;
    });
    if (cut && !el.boliviaUsOneColumn) {
      el.boliviaUsOneColumn = true;
      patched = patched || JSON.parse(JSON.stringify(spec));
      patched.config = patched.config || {};
      patched.config.legend = Object.assign({}, patched.config.legend, { columns: 1 });
      eachView(patched, function (view) {
        Object.keys(view.encoding || {}).forEach(function (channel) {
          var legend = view.encoding[channel] && view.encoding[channel].legend;
          if (legend && typeof legend === "object") legend.columns = 1;
        });
      });
    }
    return patched;
  }
  function fail(el, error) {
    el.innerHTML = '<p class="chart-error" role="alert">This chart could not be drawn: ' +
      String((error && error.message) || error) + "</p>";
    console.error(error);
  }
  function embed(el, spec, tries) {
    return window.vegaEmbed(el, spec, EMBED_OPTIONS).then(function (result) {
      var better = tries > 0 ? fit(el, spec, result) : null;
      if (!better) return result;
      result.finalize();
      return embed(el, better, tries - 1);
    });
  }
  function draw(figure) {
    var el = figure.querySelector(".bolivia-us-chart");
    if (!el) return;
    if (typeof window.vegaEmbed !== "function") { fail(el, new Error("the chart library did not load")); return; }
    var spec;
    try { spec = specOf(figure); } catch (error) { fail(el, error); return; }
    if (el.boliviaUsView) el.boliviaUsView.finalize();
    el.boliviaUsOneColumn = false;
    el.setAttribute("data-drawn", "");
    el.setAttribute("data-column-width", String(el.clientWidth));
    el.textContent = "";  // the placeholder that describes the chart where no script runs
    embed(el, spec, 2).then(function (result) {
      el.boliviaUsView = result;
      // vega-embed's menu is off (each chart offers its CSV below), so the chart itself carries
      // its description for screen readers.
      if (spec.description) { el.setAttribute("role", "figure"); el.setAttribute("aria-label", spec.description); }
    }).catch(function (error) { fail(el, error); });
  }
  // After the window's width settles, a chart whose layout was fitted to its column is fitted
  // again if its column changed (a phone turned sideways, a window widened).
  function refit() {
    document.querySelectorAll(".bolivia-us-figure").forEach(function (figure) {
      var el = figure.querySelector(".bolivia-us-chart");
      if (!el || !el.hasAttribute("data-drawn")) return;
      if (String(el.clientWidth) === el.getAttribute("data-column-width")) return;
      if (!fixedWidths(specOf(figure)).length && !el.querySelector(".role-legend")) return;
      draw(figure);
    });
  }
  function run() {
    document.querySelectorAll(".bolivia-us-figure").forEach(function (figure) {
      var el = figure.querySelector(".bolivia-us-chart");
      if (el && !el.hasAttribute("data-drawn")) draw(figure);
      addTools(figure);
    });
  }
  // A chart that fills its column measures the column when the window is resized, but at that
  // moment the theme is still moving its sidebars: a chart opened narrow and widened was drawn
  // 2.4 times too wide and shrunk to 4-px text. Once the resizing has stopped, the charts are
  // asked to measure again (the repeated event is marked as ours, so it is not repeated twice).
  var settling = null;
  window.addEventListener("resize", function (event) {
    if (!event.isTrusted) return;
    clearTimeout(settling);
    settling = setTimeout(function () { window.dispatchEvent(new Event("resize")); refit(); }, 200);
  });
  // Start as soon as the page is parsed ("interactive"), not at DOMContentLoaded, which also
  // waits for the theme's deferred scripts and icon font: the charts appear sooner.
  if (document.readyState === "loading") {
    document.addEventListener("readystatechange", function started() {
      if (document.readyState === "loading") return;
      document.removeEventListener("readystatechange", started);
      run();
    });
  } else run();
})();
