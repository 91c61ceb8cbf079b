// A poster's "Print this poster" button. Without this file the page says how to print it.
(function () {
  "use strict";
  var button = document.querySelector(".poster-print");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();
