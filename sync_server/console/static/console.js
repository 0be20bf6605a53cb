// Console behaviour: charts on the Flows page (Chart.js, served by this server) and
// confirmation of destructive forms. No inline scripts: the CSP allows only 'self'.
(function () {
  "use strict";

  function readJson(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  var ENTRY = "#1f6feb";
  var EXIT = "#d97706";

  function barChart(canvasId, rows, labels, opts) {
    var canvas = document.getElementById(canvasId);
    if (!canvas || typeof Chart === "undefined") { return; }
    opts = opts || {};
    var keys = rows.map(function (r) { return labels[r.key] || r.key; });
    new Chart(canvas, {
      type: opts.type || "bar",
      data: {
        labels: keys,
        datasets: [
          { label: labels.entries, data: rows.map(function (r) { return r.entries; }),
            backgroundColor: ENTRY, borderColor: ENTRY, tension: 0.2, pointRadius: 2 },
          { label: labels.exits, data: rows.map(function (r) { return r.exits; }),
            backgroundColor: EXIT, borderColor: EXIT, tension: 0.2, pointRadius: 2 }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: opts.horizontal ? "y" : "x",
        plugins: { legend: { position: "bottom" } },
        scales: {
          x: { beginAtZero: true, ticks: { autoSkip: true, maxRotation: 0, precision: 0 } },
          y: { beginAtZero: true, ticks: { precision: 0 } }
        }
      }
    });
  }

  function drawFlows() {
    var data = readJson("flow-data");
    var labels = readJson("flow-labels");
    if (!data || !labels) { return; }
    barChart("chart-day", data.by_day, labels, { type: "line" });
    barChart("chart-post", data.by_post, labels);
    barChart("chart-nat", data.by_nationality.slice(0, 15), labels, { horizontal: true });
    barChart("chart-sex", data.by_sex, labels);
    barChart("chart-age", data.by_age_band, labels);
  }

  function confirmForms() {
    document.querySelectorAll("form.confirm").forEach(function (form) {
      form.addEventListener("submit", function (ev) {
        if (!window.confirm(form.getAttribute("data-confirm"))) { ev.preventDefault(); }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawFlows();
    confirmForms();
  });
})();
