// The main navigation folds into a "Menu" button on narrow screens. Without JavaScript it stays
// unfolded, so every page remains reachable. Loaded in <head> (no inline scripts under our CSP):
// the class is set before the body renders, the button is wired once the page is parsed.
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", function () {
  var button = document.querySelector(".nav-toggle");
  var nav = document.getElementById("main-nav");
  if (!button || !nav) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("is-open", open);
  });
});
