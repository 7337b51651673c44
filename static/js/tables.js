// A table wider than the screen scrolls sideways inside its .table-wrap. Keyboard users can only
// scroll it if the wrapper takes focus, so a wrapper that really scrolls becomes focusable (and a
// region named after the table's caption); one that fits stays out of the tab order.
(function () {
  function update() {
    document.querySelectorAll(".table-wrap").forEach(function (wrap) {
      var caption = wrap.querySelector("caption");
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.tabIndex = 0;
        if (caption) {
          wrap.setAttribute("role", "region");
          wrap.setAttribute("aria-label", caption.textContent.trim());
        }
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", update);
  window.addEventListener("resize", update);
})();
