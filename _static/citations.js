/* Hovering or focusing a citation shows its full entry. The entry is taken from the page's own
   list of sources when the reader reaches the link, rather than stored in every link: a chapter
   cites its sources about 150 times, and a copy of the entry in each link would add 20–40 KB. */
(function () {
  "use strict";
  function entryText(link) {
    var href = link.getAttribute("href") || "";
    if (href.charAt(0) !== "#") return "";
    var target = document.getElementById(decodeURIComponent(href.slice(1)));
    if (!target || !target.classList.contains("citation")) return "";
    var entry = target.querySelector("p");
    return entry ? entry.textContent.replace(/\s+/g, " ").trim() : "";
  }
  function explain(event) {
    var link = event.target.closest && event.target.closest("a.reference.internal");
    if (!link || link.hasAttribute("title")) return;
    var text = entryText(link);
    if (text) link.setAttribute("title", text);
  }
  document.addEventListener("mouseover", explain);
  document.addEventListener("focusin", explain);
})();
