// Live progress of a bulletin send in the admin: polls the JSON view every two seconds.
(function () {
  "use strict";
  var box = document.getElementById("bulletin-progress");
  if (!box) return;
  function set(name, value) {
    var el = box.querySelector('[data-field="' + name + '"]');
    if (el) el.textContent = value;
  }
  function update(data) {
    if (!data || !data.status) return;
    ["status_label", "sent", "failed", "remaining", "total"].forEach(function (k) { set(k, data[k]); });
    var bar = box.querySelector('[data-field="bar"]');
    bar.max = Math.max(data.total, 1);
    bar.value = data.sent;
    var body = box.querySelector('[data-field="languages"]');
    body.textContent = "";
    Object.keys(data.languages).forEach(function (code) {
      var row = data.languages[code];
      var tr = document.createElement("tr");
      tr.dataset.language = code;
      [code.toUpperCase(), row.sent, row.failed, row.remaining].forEach(function (v) {
        var td = document.createElement("td");
        td.textContent = v;
        tr.appendChild(td);
      });
      var td = document.createElement("td");
      var p = document.createElement("progress");
      p.max = Math.max(row.sent + row.failed + row.remaining, 1);
      p.value = row.sent;
      td.appendChild(p);
      tr.appendChild(td);
      body.appendChild(tr);
    });
    if (data.status === "sending" || data.status === "scheduled" || data.remaining > 0) {
      window.setTimeout(poll, 2000);
    }
  }
  function poll() {
    fetch(box.dataset.url, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(update)
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
})();
