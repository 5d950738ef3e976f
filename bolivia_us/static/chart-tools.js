/* Under every chart of the report: download exactly the rows it draws (CSV, built in the browser
   from the chart's own data), and open the page's notebook in Binder or Colab. No network. */
(function () {
  "use strict";
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
  function launchLink(pattern) {
    var link = document.querySelector('a[href*="' + pattern + '"]');
    return link ? link.getAttribute("href") : null;
  }
  function addTools(figure) {
    var specNode = figure.querySelector("script.bolivia-us-spec");
    var tools = figure.querySelector(".chart-tools");
    if (!specNode || !tools || tools.childElementCount) return;
    var spec = JSON.parse(specNode.textContent);
    var title = (spec.usermeta && spec.usermeta.title) || "chart";
    var datasets = spec.datasets || {};
    var names = Object.keys(datasets).sort(function (a, b) { return datasets[b].length - datasets[a].length; });
    names.forEach(function (name, i) {
      var link = document.createElement("a");
      link.className = "chart-download";
      link.href = "#";
      link.download = slug(title) + (names.length > 1 ? "-part-" + (i + 1) : "") + ".csv";
      link.textContent = names.length > 1 ? "Data, part " + (i + 1) + " (CSV, " + datasets[name].length + " rows)"
                                          : "Download the data (CSV, " + datasets[name].length + " rows)";
      link.setAttribute("data-rows", String(datasets[name].length));
      link.addEventListener("click", function (event) {
        var blob = new Blob([toCsv(datasets[name])], { type: "text/csv" });
        link.href = URL.createObjectURL(blob);
        setTimeout(function () { URL.revokeObjectURL(link.href); link.href = "#"; }, 4000);
      });
      tools.appendChild(link);
    });
    [["mybinder.org/v2/", "Open in Binder"], ["colab.research.google.com/github/", "Open in Colab"]].forEach(function (pair) {
      var href = launchLink(pair[0]);
      if (!href) return;
      var link = document.createElement("a");
      link.className = "chart-launch";
      link.href = href;
      link.textContent = pair[1];
      tools.appendChild(link);
    });
  }
  function run() { document.querySelectorAll(".bolivia-us-figure").forEach(addTools); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run); else run();
})();
