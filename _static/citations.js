/* Hovering or focusing a citation shows its full entry; tapping or clicking a note number opens
   the entry in place, under the sentence (a second tap, or Escape, closes it), instead of jumping
   to the list at the end of a long page. The entry is taken from the page's own list of sources
   when the reader reaches the link, rather than stored in every link: a chapter cites its
   sources about 150 times, and a copy of the entry in each link would add 20–40 KB. Without
   scripts the link still leads to the entry in the list. */
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

  function closeNotes() {
    document.querySelectorAll(".note-entry").forEach(function (note) {
      var link = note.previousElementSibling;
      if (link) link.setAttribute("aria-expanded", "false");
      note.remove();
    });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".bibtex-citation a.reference.internal");
    if (!link) return;
    var text = entryText(link);
    if (!text) return;  // no entry on this page: follow the link as usual
    event.preventDefault();
    var open = link.nextElementSibling && link.nextElementSibling.classList.contains("note-entry");
    closeNotes();
    if (open) return;
    var note = document.createElement("span");
    note.className = "note-entry";
    note.setAttribute("role", "note");
    note.textContent = text + " ";
    var more = document.createElement("a");
    more.href = link.getAttribute("href");
    more.textContent = "(in the list of sources)";
    note.appendChild(more);
    link.insertAdjacentElement("afterend", note);
    link.setAttribute("aria-expanded", "true");
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") closeNotes(); });
})();
