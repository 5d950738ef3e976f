/* Small accessibility repairs to markup the theme, Sphinx and Vega generate (checked with
   axe-core, WCAG 2.1 AA):
   - a control's accessible name must contain its visible text;
   - a bibliography's role="list" holds links, not list items, so it is not announced as a list;
   - icons inside labelled controls, and the rectangle Vega draws behind an interval selection,
     are decoration, hidden from screen readers. */
(function () {
  "use strict";
  function nameIncludesText() {
    document.querySelectorAll("button[aria-label], a[aria-label], summary[aria-label]").forEach(function (el) {
      var visible = (el.innerText || "").replace(/\s+/g, " ").trim();
      var label = el.getAttribute("aria-label") || "";
      if (visible && label.toLowerCase().indexOf(visible.toLowerCase()) < 0) {
        el.setAttribute("aria-label", visible + (label ? " (" + label + ")" : ""));
      }
    });
    document.querySelectorAll('[role="list"].citation-list').forEach(function (list) { list.removeAttribute("role"); });
  }
  function hideBrushes(root) {
    // Icons inside a labelled control are decoration: the control's label already names it.
    root.querySelectorAll("button[aria-label] svg, a[aria-label] svg").forEach(function (icon) {
      icon.setAttribute("aria-hidden", "true");
      icon.removeAttribute("role");
      icon.removeAttribute("aria-labelledby");
      icon.querySelectorAll("title").forEach(function (title) { title.remove(); });
    });
    root.querySelectorAll('[class$="_brush_bg"], [class$="_brush"]').forEach(function (el) {
      el.setAttribute("aria-hidden", "true");
      el.removeAttribute("role");
      el.removeAttribute("aria-roledescription");
    });
  }
  function repair() {
    nameIncludesText();
    hideBrushes(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) { if (node.parentNode && node.parentNode.querySelectorAll) hideBrushes(node.parentNode); });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", repair); else repair();
})();
