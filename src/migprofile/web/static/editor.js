// The editor's live previews: Markdown fields and narratives are sent to the portal, which
// answers with the HTML the profile will print (sanitized there with the profile's own
// allow-list) and, for a narrative, the figures it bound or the binding error.
(function () {
  "use strict";
  var meta = function (name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute("content") : "";
  };
  var csrf = meta("csrf-token");
  var uiLang = meta("ui-lang") || "fr";
  var form = document.querySelector("form.edit-form");
  if (!form || !csrf) { return; }
  var country = form.getAttribute("data-country");

  function render(box, data) {
    var body = box.querySelector(".preview-body");
    body.innerHTML = data.html || "";
    if (data.error) {
      var err = document.createElement("p");
      err.className = "binding-error";
      err.textContent = data.error;
      body.appendChild(err);
    }
    if (data.figures && data.figures.length) {
      var list = document.createElement("ul");
      list.className = "figures";
      data.figures.forEach(function (f) {
        var li = document.createElement("li");
        li.textContent = [f.number, f.kind, f.period, f.status, f.source, f.formula]
          .filter(function (x) { return x !== null && x !== ""; }).join(" · ");
        list.appendChild(li);
      });
      body.appendChild(list);
    }
  }

  function preview(area) {
    var box = document.querySelector('[data-preview-of="' + area.id + '"]');
    if (!box) { return; }
    fetch("/" + uiLang + "/edit/preview", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ mode: area.getAttribute("data-preview"), country: country,
                             lang: area.getAttribute("data-lang"), text: area.value })
    }).then(function (r) { return r.json(); })
      .then(function (data) { render(box, data.error && data.error.message ?
                                     { html: "", error: data.error.message } : data); })
      .catch(function () { /* a preview is a help, not a condition of saving */ });
  }

  Array.prototype.forEach.call(form.querySelectorAll("textarea[data-preview]"), function (area) {
    var timer = null;
    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { preview(area); }, 350);
    });
    preview(area);
  });
})();
