/* caunoi — the dashboard's charts (Chart.js, served by caunoi) and their PNG downloads.
   The figures come from the page's <script type="application/json" id="dashboard-data"> block: no inline
   script, no inline style, no handler attribute (the Content-Security-Policy allows none of them). */
(function () {
  "use strict";

  var source = document.getElementById("dashboard-data");
  if (!source || typeof window.Chart === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var Chart = window.Chart;
  var number = new Intl.NumberFormat(data.locale, { maximumFractionDigits: 0 });
  var PALETTE = ["#0b5394", "#e69138", "#6aa84f", "#a64d79", "#3d85c6", "#cc4125", "#45818e",
    "#bf9000", "#674ea7", "#93c47d", "#999999"];
  var PAIR = ["#0b5394", "#e69138"];
  var charts = {};

  // Exported PNGs get a white background instead of a transparent one.
  var whiteBackground = {
    id: "caunoiWhiteBackground",
    beforeDraw: function (chart) {
      var ctx = chart.ctx;
      ctx.save();
      ctx.globalCompositeOperation = "destination-over";
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    }
  };

  Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = "#1d2433";
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.responsive = true;

  function shorten(text, size) {
    text = String(text);
    return text.length > size ? text.slice(0, size - 1) + "…" : text;
  }

  function amount(value, money) {
    return number.format(value) + (money ? " USD" : "");
  }

  function hatch(colour) {
    var tile = document.createElement("canvas");
    tile.width = tile.height = 8;
    var ctx = tile.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, 8, 8);
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(0, 8);
    ctx.lineTo(8, 0);
    ctx.moveTo(-2, 2);
    ctx.lineTo(2, -2);
    ctx.moveTo(6, 10);
    ctx.lineTo(10, 6);
    ctx.stroke();
    return ctx.createPattern(tile, "repeat");
  }

  function config(spec) {
    var money = spec.money;
    var datasets = spec.datasets.map(function (set, i) {
      var copy = Object.assign({}, set);
      if (spec.kind === "doughnut") {
        copy.backgroundColor = spec.labels.map(function (_, j) { return PALETTE[j % PALETTE.length]; });
        copy.borderColor = "#ffffff";
      } else {
        copy.backgroundColor = spec.datasets.length > 1 ? PAIR[i % PAIR.length] : PALETTE[0];
        copy.borderRadius = 2;
      }
      if (set.reported) {
        // Figures read from reports: hatched in the colour of the ledger's series, with its outline.
        var colour = PAIR[i % PAIR.length];
        copy.backgroundColor = hatch(colour);
        copy.borderColor = colour;
        copy.borderWidth = 1.5;
      }
      delete copy.reported;
      return copy;
    });
    var options = {
      plugins: {
        legend: { display: spec.kind === "doughnut" || datasets.length > 1, position: "bottom",
          labels: { boxWidth: 12, generateLabels: undefined } },
        tooltip: { callbacks: {} }
      }
    };
    if (spec.kind === "doughnut") {
      var total = datasets[0].data.reduce(function (a, b) { return a + b; }, 0);
      options.plugins.tooltip.callbacks.label = function (ctx) {
        var share = total ? " (" + (100 * ctx.parsed / total).toFixed(1).replace(".", data.locale === "vi-VN" ? "," : ".") + "%)" : "";
        return amount(ctx.parsed, money) + share;
      };
      options.plugins.legend.labels.generateLabels = function (chart) {
        var labels = Chart.overrides.doughnut.plugins.legend.labels.generateLabels(chart);
        labels.forEach(function (label) { label.text = shorten(label.text, 34); });
        return labels;
      };
      options.cutout = "55%";
      return { type: "doughnut", data: { labels: spec.labels, datasets: datasets }, options: options,
        plugins: [whiteBackground] };
    }
    delete options.plugins.legend.labels.generateLabels;
    var horizontal = spec.kind === "hbar";
    var valueAxis = {
      beginAtZero: true,
      ticks: { precision: 0, callback: function (value) { return number.format(value); } }
    };
    var categoryAxis = {
      ticks: {
        autoSkip: false,
        callback: function (value) { return shorten(this.getLabelForValue(value), horizontal ? 26 : 12); }
      },
      grid: { display: false }
    };
    options.indexAxis = horizontal ? "y" : "x";
    options.scales = horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis };
    options.plugins.tooltip.callbacks.label = function (ctx) {
      var value = horizontal ? ctx.parsed.x : ctx.parsed.y;
      return (datasets.length > 1 ? ctx.dataset.label + ": " : "") + amount(value, money);
    };
    return { type: "bar", data: { labels: spec.labels, datasets: datasets }, options: options,
      plugins: [whiteBackground] };
  }

  Object.keys(data.charts).forEach(function (key) {
    var canvas = document.getElementById("chart-" + key);
    if (canvas) {
      charts[key] = new Chart(canvas, config(data.charts[key]));
    }
  });

  function download(url, name) {
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function svgToPng(svg, name) {
    var box = svg.viewBox.baseVal;
    var xml = new XMLSerializer().serializeToString(svg);
    var url = URL.createObjectURL(new Blob([xml], { type: "image/svg+xml;charset=utf-8" }));
    var image = new Image();
    image.addEventListener("load", function () {
      var canvas = document.createElement("canvas");
      var scale = 2;
      canvas.width = box.width * scale;
      canvas.height = box.height * scale;
      var ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.scale(scale, scale);
      ctx.drawImage(image, 0, 0, box.width, box.height);
      URL.revokeObjectURL(url);
      download(canvas.toDataURL("image/png"), name);
    });
    image.src = url;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-png], [data-svg-png]");
    if (!button) {
      return;
    }
    var name = button.getAttribute("data-file") || "caunoi.png";
    if (button.hasAttribute("data-png")) {
      var chart = charts[button.getAttribute("data-png")];
      if (chart) {
        // The picture carries its title and scope, which the page shows around the canvas.
        var spec = data.charts[button.getAttribute("data-png")];
        chart.options.plugins.title = { display: true, text: [spec.title, data.scope], font: { size: 13 } };
        chart.update("none");
        download(chart.toBase64Image("image/png", 1), name);
        chart.options.plugins.title.display = false;
        chart.update("none");
      }
    } else {
      var svg = document.getElementById(button.getAttribute("data-svg-png"));
      if (svg) {
        svgToPng(svg, name);
      }
    }
  });
}());
