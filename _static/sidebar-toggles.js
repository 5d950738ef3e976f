/* The menu (☰) and page-contents buttons a reader sees open nothing on their own: since
   pydata-sphinx-theme 0.17, both themes bind their handlers to the first ".primary-toggle" /
   ".secondary-toggle" on the page, a button that sphinx-book-theme 1.3 hides, while the visible
   ones in the article header get none (pydata/pydata-sphinx-theme#2451). Each visible button
   passes its click to the bound one, so the themes' own behaviour runs: a drawer on a phone or
   tablet, a collapsing sidebar on a wide screen. When an upgrade leaves one button per kind,
   this does nothing (tests/test_reading.py checks the drawers open). */
(function () {
  "use strict";
  function forwardClicks() {
    ["primary", "secondary"].forEach(function (kind) {
      var buttons = document.querySelectorAll("." + kind + "-toggle");
      if (buttons.length < 2) { return; }
      var bound = buttons[0];
      Array.prototype.slice.call(buttons, 1).forEach(function (button) {
        button.addEventListener("click", function (event) {
          event.preventDefault();
          event.stopPropagation();
          bound.click();
        });
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", forwardClicks);
  } else {
    forwardClicks();
  }
})();
