// Says back, as a person types, the number a field understood ("Understood as 1.250,50"),
// by the same strict rules as the server (weltstadt/numbers.py): the language's decimal mark,
// groups of three, nothing ambiguous. Without JavaScript the server's messages say it.
(function () {
  "use strict";

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function parse(raw, decimalMark, group) {
    let text = raw.trim().replace(/\u2212/g, "-");
    if (/^[\s\u00a0\u202f]$/.test(group)) {
      text = text.replace(/[\s\u00a0\u202f\u2009]+/g, group);
    }
    const d = escapeRegExp(decimalMark);
    const g = escapeRegExp(group);
    const grouped = new RegExp("^[+-]?\\d{1,3}(" + g + "\\d{3})+(" + d + "\\d+)?$");
    const ungrouped = new RegExp("^[+-]?\\d+(" + d + "\\d+)?$");
    if (!grouped.test(text) && !ungrouped.test(text)) {
      return null;
    }
    const normal = text.split(group).join("").replace(decimalMark, ".");
    const number = Number(normal);
    if (!Number.isFinite(number)) {
      return null;
    }
    const fraction = normal.includes(".") ? normal.split(".")[1].length : 0;
    return { number: number, fraction: fraction };
  }

  function update(input, output) {
    const raw = input.value;
    if (!raw.trim()) {
      output.textContent = "";
      output.classList.remove("number-echo--invalid");
      return;
    }
    const parsed = parse(raw, input.dataset.decimal, input.dataset.group);
    if (parsed === null) {
      output.textContent = output.dataset.invalid;
      output.classList.add("number-echo--invalid");
      return;
    }
    const shown = new Intl.NumberFormat(input.dataset.lang || document.documentElement.lang, {
      minimumFractionDigits: parsed.fraction,
      maximumFractionDigits: parsed.fraction,
    }).format(parsed.number);
    output.textContent = output.dataset.understood + " " + shown;
    output.classList.remove("number-echo--invalid");
  }

  function wire(input) {
    if (input.dataset.numberEchoWired) {
      return;
    }
    input.dataset.numberEchoWired = "1";
    const output = input.nextElementSibling;
    if (!output || !output.classList.contains("number-echo")) {
      return;
    }
    input.addEventListener("input", function () { update(input, output); });
    update(input, output);
  }

  function wireAll(root) {
    root.querySelectorAll("input[data-number-echo]").forEach(wire);
  }

  document.addEventListener("DOMContentLoaded", function () { wireAll(document); });
  // admin inlines add rows after the page has loaded
  document.addEventListener("formset:added", function (event) { wireAll(event.target); });
})();
