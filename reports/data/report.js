(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");
  var filters = document.getElementById("filters");
  var table = document.getElementById("findings-table");
  if (filters) { filters.hidden = false; }
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
  function sortBy(th) {
    var key = th.getAttribute("data-sort");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var down = th.getAttribute("aria-sort") === "ascending";
    var attr = key === "rule" ? "data-key-rule" : "data-" + key;
    var numeric = key === "n" || key === "rank";
    rows.sort(function (a, b) {
      var x = a.getAttribute(attr), y = b.getAttribute(attr);
      var c = numeric ? Number(x) - Number(y) : (x < y ? -1 : x > y ? 1 : 0);
      if (c === 0) { c = Number(a.getAttribute("data-rank")) - Number(b.getAttribute("data-rank")); }
      return down ? -c : c;
    });
    table.querySelectorAll("th[data-sort]").forEach(function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", down ? "descending" : "ascending");
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) { fragment.appendChild(row); });
    body.appendChild(fragment);
  }
  if (table) {
    table.querySelectorAll("th[data-sort]").forEach(function (th) {
      if (!th.getAttribute("data-sort")) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(th); });
    });
    table.querySelector('th[data-sort="rank"]').setAttribute("aria-sort", "ascending");
    table.tBodies[0].addEventListener("click", function (event) {
      if (event.target.closest("a, button")) { return; }
      var jump = event.target.closest("tr") && event.target.closest("tr").querySelector("a.jump");
      if (jump) { jump.click(); }
    });
  }
  function show(numbers) {
    panelBody.textContent = "";
    numbers.forEach(function (n) {
      var entry = document.getElementById("finding-" + n + "-entry");
      var explain = entry && entry.querySelector(".explain");
      if (explain) {
        var copy = document.createElement("div");
        copy.className = "explain";
        var link = document.createElement("a");
        link.href = "#finding-" + n + "-entry";
        link.textContent = "#" + n;
        copy.appendChild(link);
        Array.prototype.forEach.call(explain.childNodes, function (node) { copy.appendChild(node.cloneNode(true)); });
        panelBody.appendChild(copy);
      }
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
