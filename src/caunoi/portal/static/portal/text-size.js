// The public site's text-size control. It works without this script (the CSS follows the checked radio on
// the page shown); the script only remembers the choice in this browser for the next pages, so the pages
// themselves stay the same for every visitor (and for `caunoi publish`, which has no server to ask).
(function () {
  "use strict";
  var KEY = "caunoi-text-size";
  var root = document.documentElement;
  var saved = null;
  try { saved = window.localStorage.getItem(KEY); } catch (e) { /* storage refused: nothing to remember */ }
  if (saved) { root.setAttribute("data-text-size", saved); }
  document.addEventListener("DOMContentLoaded", function () {
    var radios = document.querySelectorAll("input[name='text-size']");
    radios.forEach(function (radio) {
      if (saved && radio.value === saved) { radio.checked = true; }
      radio.addEventListener("change", function () {
        root.setAttribute("data-text-size", radio.value);
        try { window.localStorage.setItem(KEY, radio.value); } catch (e) { /* kept for this page only */ }
      });
    });
  });
})();
