// The main navigation folds into a "Menu" button on narrow screens. Without JavaScript it stays
// unfolded, so every page remains reachable. Deferred: the stylesheet folds it from the first
// paint with @media (scripting: enabled); the class serves browsers without that media feature.
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
