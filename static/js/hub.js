// Small progressive touches. Every page works without this file.
(function () {
  "use strict";

  // Hints that only hold while typing (live suggestions) show when this script runs.
  document.documentElement.classList.add("js");

  function showMessage(text) {
    var box = document.getElementById("messages");
    if (!box) return;
    var p = document.createElement("p");
    p.className = "message message-error";
    p.textContent = text;
    box.appendChild(p);
  }

  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail && event.detail.xhr ? event.detail.xhr.status : 0;
    var lang = document.documentElement.lang || "en";
    var text = lang.indexOf("es") === 0
      ? "No pudimos actualizar esta parte de la página. Inténtalo de nuevo."
      : "We couldn't update this part of the page. Please try again.";
    if (status === 429) {
      text = lang.indexOf("es") === 0
        ? "Demasiadas solicitudes seguidas. Espera un momento."
        : "That was a lot of requests in a row. Please wait a moment.";
    }
    showMessage(text);
  });

  document.addEventListener("htmx:sendError", function () {
    var lang = document.documentElement.lang || "en";
    showMessage(lang.indexOf("es") === 0
      ? "Sin conexión. Revisa tu conexión e inténtalo de nuevo."
      : "You seem to be offline. Check your connection and try again.");
  });
})();
