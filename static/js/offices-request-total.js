// The funding request form says back the total it understood as the board types the lines
// ("Total: 1.263,00"), by the rules of the amount fields (static/js/number-echo.js): the
// language's decimal mark, groups of three. Without JavaScript the request page shows the total.
(function () {
  "use strict";

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function cents(raw, decimalMark, group) {
    const text = raw.trim();
    const d = escapeRegExp(decimalMark);
    const g = escapeRegExp(group);
    const grouped = new RegExp("^\\d{1,3}(" + g + "\\d{3})+(" + d + "\\d{1,2})?$");
    const ungrouped = new RegExp("^\\d+(" + d + "\\d{1,2})?$");
    if (!grouped.test(text) && !ungrouped.test(text)) {
      return null;
    }
    const [whole, fraction = ""] = text.split(group).join("").split(decimalMark);
    return BigInt(whole) * 100n + BigInt((fraction + "00").slice(0, 2));
  }

  function wire(output) {
    const form = output.closest("form");
    const inputs = Array.from(form.querySelectorAll("input[data-number-echo][name$='-amount']"));
    function update() {
      let total = 0n;
      for (const input of inputs) {
        if (!input.value.trim()) {
          continue;
        }
        const value = cents(input.value, input.dataset.decimal, input.dataset.group);
        if (value === null) {
          output.textContent = output.dataset.invalid;
          return;
        }
        total += value;
      }
      const shown = new Intl.NumberFormat(document.documentElement.lang, {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }).format(Number(total) / 100);
      output.textContent = output.dataset.label + " " + shown;
    }
    inputs.forEach(function (input) { input.addEventListener("input", update); });
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("output[data-request-total]").forEach(wire);
  });
})();
