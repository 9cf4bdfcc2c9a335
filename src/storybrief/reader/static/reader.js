// Small helps only; every page works without this file.
// - a filter change applies at once (no need to press Show);
// - one citation open at a time;
// - following a link to a source sentence opens that source and marks the sentence;
// - "/" focuses the search box.
(function () {
  "use strict";
  document.addEventListener("change", function (e) {
    var el = e.target;
    if (el.form && el.form.classList.contains("filters") && el.tagName === "SELECT") el.form.submit();
  });
  document.addEventListener("toggle", function (e) {
    var el = e.target;
    if (!el.classList || !el.classList.contains("cite") || !el.open) return;
    document.querySelectorAll("details.cite[open]").forEach(function (other) {
      if (other !== el) other.open = false;
    });
  }, true);
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) return;
    for (var p = el.parentElement; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") p.open = true;
    }
    el.scrollIntoView({block: "center"});
  }
  window.addEventListener("hashchange", openTarget);
  document.addEventListener("DOMContentLoaded", openTarget);
  document.addEventListener("keydown", function (e) {
    var q = document.getElementById("q");
    if (e.key === "/" && q && document.activeElement !== q) { e.preventDefault(); q.focus(); }
  });
})();
