// The error summary (templates/includes/error_summary.html): after a submit that came back with
// errors, focus goes to it; each of its links moves focus to its field, with the label in view.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    if (!link) return;
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) return;
    event.preventDefault();
    const field = target.matches("input, select, textarea, button")
      ? target
      : target.closest(".member-row, fieldset, form")?.querySelector("input:not([type=hidden]), select, textarea") || target;
    const label = field.id ? document.querySelector(`label[for="${CSS.escape(field.id)}"]`) : null;
    (label || field).scrollIntoView({ block: "center" });
    field.focus({ preventScroll: true });
  });
});
