// civcas review: small progressive enhancements; every page works without them.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // A click anywhere on an incident row opens the incident.
    document.querySelectorAll("tr.incident-row").forEach(function (row) {
      row.addEventListener("click", function (event) {
        if (event.target.closest("a, button, input, select")) return;
        var link = row.querySelector("a[href]");
        if (link) window.location.assign(link.getAttribute("href"));
      });
    });
    // Changing a menu of the filters applies it.
    document.querySelectorAll("form.filters").forEach(function (filters) {
      filters.querySelectorAll("select").forEach(function (select) {
        select.addEventListener("change", function () { filters.submit(); });
      });
    });
    // "in the document" opens the document's text before jumping to the figure.
    document.querySelectorAll(".goto a").forEach(function (link) {
      link.addEventListener("click", function () {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        var details = target && target.closest("details");
        if (details) details.open = true;
      });
    });
    // Forms that post send once: a second click while saving does nothing.
    document.querySelectorAll("form[method=post]").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
      });
    });
  });
  // Coming back to a page (history, after a 409) finds its buttons usable again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[method=post] button[disabled]").forEach(function (b) {
      b.disabled = false;
    });
  });
})();
