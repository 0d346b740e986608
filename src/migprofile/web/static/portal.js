/* migprofile portal: country filter and offline Vega-Embed charts. No request leaves the
   server: the Vega bundles and the world TopoJSON are served from /static. */
(function () {
  "use strict";
  /* pages show what only scripts can draw (the flow map) when scripts run */
  document.documentElement.classList.add("js");

  /* The same folding as migprofile.geo.normalise: case, accents, Arabic letter variants
     and punctuation do not count, so "egy", "Égypte" and "مصر" all find Egypt. */
  var ARABIC = { "\u0671": "\u0627", "\u0649": "\u064a", "\u0629": "\u0647", "\u0640": "" };
  function fold(text) {
    return text.replace(/[\u0671\u0649\u0629\u0640]/g, function (c) { return ARABIC[c]; })
      .normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/[\p{P}\p{S}\p{Z}\p{C}]+/gu, " ").trim();
  }

  function filterCountries(input) {
    var q = fold(input.value);
    var shown = 0;
    document.querySelectorAll("[data-country]").forEach(function (li) {
      li.hidden = q !== "" && li.getAttribute("data-country").indexOf(q) < 0;
      if (!li.hidden) { shown += 1; }
    });
    var status = document.getElementById("country-filter-status");
    if (status) { status.textContent = q === "" ? "" : status.getAttribute("data-template").replace("{n}", shown); }
    document.querySelectorAll(".region").forEach(function (group) {
      group.hidden = !group.querySelector("[data-country]:not([hidden])");
    });
  }

  function withTooltips(spec) {
    var config = spec.config || {};
    config.mark = Object.assign({ tooltip: true }, config.mark || {});
    spec.config = config;
    return spec;
  }

  function embedCharts() {
    if (typeof window.vegaEmbed !== "function") { return; }
    document.querySelectorAll(".vega-chart[data-spec]").forEach(function (el) {
      var spec = withTooltips(JSON.parse(el.getAttribute("data-spec")));
      var rtl = document.documentElement.dir === "rtl";
      window.vegaEmbed(el, spec, { actions: false, renderer: "svg", tooltip: true })
        .then(function () {
          var figure = el.closest("figure");
          var still = figure && figure.querySelector(".chart-svg");
          if (still) { still.hidden = true; }
          el.classList.add("ready");
          if (rtl) { el.setAttribute("dir", "ltr"); }
        })
        .catch(function (e) { el.setAttribute("data-error", String(e)); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("country-filter");
    if (input) { input.addEventListener("input", function () { filterCountries(input); }); }
    embedCharts();
  });
})();
