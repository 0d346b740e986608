/* migprofile portal: country filter and offline Vega-Embed charts. No request leaves the
   server: the Vega bundles and the world TopoJSON are served from /static. */
(function () {
  "use strict";

  function filterCountries(input) {
    var q = input.value.trim().toLowerCase();
    document.querySelectorAll("[data-country]").forEach(function (li) {
      li.hidden = q !== "" && li.getAttribute("data-country").toLowerCase().indexOf(q) < 0;
    });
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
