
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");
  function apply() {
    var off = { sev: {}, rule: {}, claims: {} };
    boxes.forEach(function (box) { if (!box.checked) { off[box.getAttribute("data-filter")][box.value] = true; } });
    document.querySelectorAll("[data-finding]").forEach(function (el) {
      var hide = off.sev[el.getAttribute("data-sev")] || off.rule[el.getAttribute("data-rule")];
      el.classList.toggle("off", !!hide);
    });
    document.body.classList.toggle("no-claims", !!off.claims.claims);
  }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  function show(numbers) {
    panelBody.textContent = "";
    numbers.forEach(function (n) {
      var entry = document.getElementById("finding-" + n + "-entry");
      var explain = entry && entry.querySelector(".explain");
      if (explain) { panelBody.appendChild(explain.cloneNode(true)); }
    });
    panel.hidden = !panelBody.firstChild;
  }
  function activate(target) {
    if (!(target instanceof Element) || target.closest("a")) { return false; }
    var mark = target.closest(".mark[data-finding]");
    if (!mark) { return false; }
    var numbers = [];
    for (var el = mark; el; el = el.parentElement ? el.parentElement.closest(".mark[data-finding]") : null) {
      var n = el.getAttribute("data-finding");
      if (!el.classList.contains("off") && numbers.indexOf(n) < 0) { numbers.push(n); }
    }
    document.querySelectorAll(".mark.active").forEach(function (el) { el.classList.remove("active"); });
    numbers.forEach(function (n) {
      document.querySelectorAll('.finding[data-finding="' + n + '"]').forEach(function (el) {
        el.classList.add("active");
      });
    });
    show(numbers);
    return numbers.length > 0;
  }
  document.addEventListener("click", function (event) { activate(event.target); });
  document.addEventListener("keydown", function (event) {
    if ((event.key === "Enter" || event.key === " ") && activate(event.target)) { event.preventDefault(); }
  });
  document.getElementById("panel-close").addEventListener("click", function () { panel.hidden = true; });
  apply();
  document.documentElement.setAttribute("data-report-ready", "1");
})();
