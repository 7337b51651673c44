// Polls a summit's badge rendering (JSON) and updates the <progress> bar until every badge and
// the printing sheet are rendered. Without JavaScript the page refreshes itself (<noscript>).
(function () {
  "use strict";
  var box = document.getElementById("badge-progress");
  if (!box || box.dataset.done) return;
  var bar = document.getElementById("badge-progress-bar");

  function show(data) {
    bar.value = data.percent;
    bar.textContent = data.percent + " %";
    ["percent", "total", "rendered"].forEach(function (name) {
      var el = box.querySelector('[data-field="' + name + '"]');
      if (el) el.textContent = data[name];
    });
    if (data.done) {
      var state = box.querySelector('[data-field="state"]');
      state.textContent = state.dataset.doneText;
      box.querySelector('[data-field="download"]').hidden = false;
      box.dataset.done = "1";
    }
  }

  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data) show(data);
        if (!box.dataset.done) window.setTimeout(poll, 1500);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
