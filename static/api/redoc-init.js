// Starts Redoc from a file (the page's CSP allows no inline script). Its run-time styles carry
// the page's nonce, which the server puts on the container and allows in style-src.
"use strict";
(function () {
  const container = document.getElementById("redoc-container");
  Redoc.init(container.dataset.specUrl, { nonce: container.dataset.nonce }, container);
})();
