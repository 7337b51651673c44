// The bulletin's rich-text fields in the admin: each textarea[data-richtext] becomes an editable
// area with a small toolbar (bold, italic, heading, lists, quote, link). The textarea stays in the
// form and receives the HTML on every change, so the server (which sanitises everything with its
// allow-list) gets the same field as without JavaScript. Pasted content is inserted as plain text.
(function () {
  "use strict";

  var BUTTONS = [
    { command: "bold", label: "B", title: "Bold", tag: "strong" },
    { command: "italic", label: "I", title: "Italic", tag: "em" },
    { command: "formatBlock", value: "h3", label: "H", title: "Heading", tag: "h3" },
    { command: "formatBlock", value: "p", label: "¶", title: "Paragraph", tag: "p" },
    { command: "insertUnorderedList", label: "•", title: "Bulleted list", tag: "ul" },
    { command: "insertOrderedList", label: "1.", title: "Numbered list", tag: "ol" },
    { command: "formatBlock", value: "blockquote", label: "❝", title: "Quote", tag: "blockquote" },
    { command: "createLink", label: "↗", title: "Link", tag: "a" },
    { command: "unlink", label: "↛", title: "Remove link", tag: "a" },
    { command: "removeFormat", label: "⌫", title: "Remove formatting" }
  ];

  var labels = {};

  function translate(text) {
    return labels[text] || text;
  }

  function enhance(textarea) {
    if (textarea.dataset.richtextReady) return;
    try { labels = JSON.parse(textarea.dataset.richtextLabels || "{}"); } catch (e) { labels = {}; }
    textarea.dataset.richtextReady = "1";
    var allowed = (textarea.dataset.richtext || "").split(" ");
    var wrapper = document.createElement("div");
    wrapper.className = "richtext-editor";
    var toolbar = document.createElement("div");
    toolbar.className = "richtext-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", translate("Formatting"));
    var area = document.createElement("div");
    area.className = "richtext-area";
    area.contentEditable = "true";
    area.setAttribute("role", "textbox");
    area.setAttribute("aria-multiline", "true");
    if (textarea.lang) area.lang = textarea.lang;
    if (textarea.id) {
      area.id = textarea.id + "-editor";
      var label = document.querySelector('label[for="' + textarea.id + '"]');
      if (label) {
        if (!label.id) label.id = textarea.id + "-label";
        area.setAttribute("aria-labelledby", label.id);
      }
    }
    area.innerHTML = textarea.value;

    function sync() {
      textarea.value = area.innerHTML === "<br>" ? "" : area.innerHTML;
    }

    BUTTONS.forEach(function (button) {
      if (button.tag && allowed.indexOf(button.tag) === -1) return;
      var el = document.createElement("button");
      el.type = "button";
      el.className = "richtext-button";
      el.textContent = button.label;
      el.title = translate(button.title);
      el.setAttribute("aria-label", translate(button.title));
      el.dataset.command = button.command + (button.value ? ":" + button.value : "");
      el.addEventListener("mousedown", function (event) { event.preventDefault(); });
      el.addEventListener("click", function () {
        area.focus();
        var value = button.value ? "<" + button.value + ">" : null;
        if (button.command === "createLink") {
          value = window.prompt(translate("Address of the link (https://…)"), "https://");
          if (!value || !/^(https?:\/\/|mailto:)/i.test(value)) return;
        }
        document.execCommand(button.command, false, value);
        sync();
      });
      toolbar.appendChild(el);
    });

    area.addEventListener("input", sync);
    area.addEventListener("blur", sync);
    area.addEventListener("paste", function (event) {
      event.preventDefault();
      var text = (event.clipboardData || window.clipboardData).getData("text/plain");
      document.execCommand("insertText", false, text);
      sync();
    });
    textarea.hidden = true;
    textarea.parentNode.insertBefore(wrapper, textarea);
    wrapper.appendChild(toolbar);
    wrapper.appendChild(area);
    wrapper.appendChild(textarea);
    var form = textarea.form;
    if (form) form.addEventListener("submit", sync);
  }

  function enhanceAll(root) {
    try { document.execCommand("defaultParagraphSeparator", false, "p"); } catch (e) { /* old */ }
    (root || document).querySelectorAll("textarea[data-richtext]").forEach(function (textarea) {
      // the hidden template of an inline's "add another" row is enhanced once it is copied
      if (textarea.name.indexOf("__prefix__") === -1) enhance(textarea);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { enhanceAll(document); });
  document.addEventListener("formset:added", function (event) { enhanceAll(event.target); });
})();
