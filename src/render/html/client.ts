// The script every report page runs: reads the page's JSON data block and draws its charts with the
// inlined Chart.js. Written for any current browser (ES2017, no modules); no network, no clock.

export const CLIENT_SCRIPT = String.raw`(function () {
  "use strict";
  printFoldsOpen(window, document);
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var PALETTE = data.palette;
  var FONT = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", sans-serif';
  Chart.defaults.font.family = FONT;
  Chart.defaults.font.size = 12;
  Chart.defaults.color = "#475569";
  Chart.defaults.borderColor = PALETTE.grid;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.plugins.legend.labels.usePointStyle = true;
  Chart.defaults.plugins.legend.labels.boxHeight = 8;
  Chart.defaults.plugins.tooltip.backgroundColor = "rgba(15, 23, 42, 0.94)";
  Chart.defaults.plugins.tooltip.padding = 10;
  Chart.defaults.plugins.tooltip.bodySpacing = 3;
  Chart.defaults.plugins.tooltip.boxPadding = 4;
  // a dataset's order (ON_TOP) says only what is drawn over what: legends and tooltips list the datasets
  // in the order the page gives them
  Chart.defaults.plugins.legend.labels.sort = function (a, b) { return a.datasetIndex - b.datasetIndex; };
  Chart.defaults.plugins.tooltip.itemSort = function (a, b) { return a.datasetIndex - b.datasetIndex; };

  function group(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function fmt(unit, v, decimals) {
    if (v === null || v === undefined || isNaN(v)) return "—";
    if (unit === "yuan") return (v < 0 ? "−¥" : "¥") + group(Math.abs(Math.round(v)));
    if (unit === "percent" || unit === "pp") {
      var k = Math.pow(10, decimals || 1);
      // the sign of the number as shown: −0.01 at one decimal is 0.0, not −0.0
      var shown = Math.round(Math.abs(v) * k) / k;
      return (v < 0 && shown > 0 ? "−" : "") + shown.toFixed(decimals || 1) + (unit === "pp" ? " pp" : " %");
    }
    if (unit === "days") return group(Math.round(v)) + " d";
    return group(Math.round(v * 100) / 100);
  }
  // an axis's ticks show as many decimals as their step needs (one at least): 0.15 % and 0.2 %, not 0.2 % twice
  function tickDecimals(ticks) {
    var step = ticks && ticks.length > 1 ? Math.abs(ticks[1].value - ticks[0].value) : 0, d = 1;
    while (d < 4 && step > 0 && Math.abs(Math.round(step * Math.pow(10, d)) - step * Math.pow(10, d)) > 1e-6) d++;
    return d;
  }
  // points closer to a group's first than a mark's height (12 px) share one mark: their marks joined
  // ("#1, #2"), as the terminal's chart says so of one cell; two marks there printed over each other
  function markGroups(points) {
    var out = [];
    points.forEach(function (p) {
      var g = out.find(function (o) { return Math.abs(o.x - p.x) < 12 && Math.abs(o.y - p.y) < 12; });
      if (!g) { g = { x: p.x, y: p.y, marks: [] }; out.push(g); }
      g.marks.push(p.mark);
    });
    return out.map(function (g) { return { x: g.x, y: g.y, text: g.marks.join(", ") }; });
  }
  // each group's label beside its point (on its left near the right edge, below it near the top), moved a
  // line down, then up, while it crosses a label placed before it: grouping reads the points alone, and a
  // "#1, #2, #3" about 55 px wide drawn at a point 30 px left of "#5" ran over it
  function placeMarks(groups, widthOf, area) {
    var placed = [];
    return groups.map(function (g) {
      var w = widthOf(g.text);
      var onLeft = g.x + 10 + w > area.right;
      var left = onLeft ? g.x - 10 - w : g.x + 10;
      var base = g.y - 10 < area.top + 12 ? g.y + 22 : g.y - 6;
      var y = base;
      var crosses = function (p) { return left < p.right + 4 && p.left < left + w + 4 && Math.abs(p.y - y) < 13; };
      // (a line moved to stays within the plot: the text stands on its baseline, 11 px tall)
      var within = function (v) { return v - 11 >= area.top && v <= area.bottom; };
      for (var k = 1; k <= 8 && placed.some(crosses); k++) {
        var next = base + (k % 2 ? 13 : -13) * Math.ceil(k / 2);
        if (within(next)) y = next;
      }
      var label = { text: g.text, x: onLeft ? g.x - 10 : g.x + 10, y: y, align: onLeft ? "right" : "left", left: left, right: left + w };
      placed.push(label);
      return label;
    });
  }
  // a fold prints open: the print style opens it where CSS reaches a fold's content (::details-content,
  // Chromium 131+); elsewhere (Firefox, Safari) a shut fold printed shut, so each is opened for the print
  // and shut again after it
  function printFoldsOpen(win, doc) {
    var opened = [];
    win.addEventListener("beforeprint", function () {
      Array.prototype.forEach.call(doc.querySelectorAll("details:not([open])"), function (d) {
        d.open = true;
        opened.push(d);
      });
    });
    win.addEventListener("afterprint", function () {
      opened.splice(0).forEach(function (d) { d.open = false; });
    });
  }
  function pad(n) { return n < 10 ? "0" + n : String(n); }
  function dateOf(start, day) {
    var p = start.split("-");
    // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999
    var d = new Date(0);
    d.setUTCFullYear(+p[0], +p[1] - 1, +p[2] + day);
    var y = String(d.getUTCFullYear());
    return "0000".slice(y.length) + y + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate());
  }
  function tone(t, alpha) {
    var n = parseInt(PALETTE[t].slice(1), 16);
    return "rgba(" + ((n >> 16) & 255) + ", " + ((n >> 8) & 255) + ", " + (n & 255) + ", " + alpha + ")";
  }

  // the markers nearest the pointer: the nearest, and every other drawn on it (two decisions of one day
  // at one score, a Jiebei suspension over a Huabei limit cut) — it alone hid the one beneath
  function nearestMarkers(items, x, y) {
    var best = null, bestD = Infinity;
    items.forEach(function (it) {
      var dx = it.element.x - x, dy = it.element.y - y, d = dx * dx + dy * dy * 0.25;
      if (d < bestD) { bestD = d; best = it; }
    });
    if (!best || bestD >= 70 * 70) return [];
    return items.filter(function (it) {
      return Math.abs(it.element.x - best.element.x) < 2 && Math.abs(it.element.y - best.element.y) < 2;
    });
  }

  // hover picks the nearest decision markers (datasets that carry notes), never a line
  Chart.Interaction.modes.markers = function (chart, e) {
    var items = [];
    chart.getSortedVisibleDatasetMetas().forEach(function (meta) {
      var ds = chart.data.datasets[meta.index];
      if (!ds.notes) return;
      meta.data.forEach(function (el, i) {
        items.push({ element: el, datasetIndex: meta.index, index: i });
      });
    });
    return nearestMarkers(items, e.x, e.y);
  };

  var spans = {
    id: "spans",
    beforeDatasetsDraw: function (chart) {
      var items = chart.$spans;
      if (!items || !items.length) return;
      var x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx;
      // each label on the first row down where it crosses no label drawn before it: both lines suspended
      // the same day wrote "Huabei suspended (credit)" over "Jiebei suspended (credit)", unreadable
      var rows = [], placed = [];
      ctx.save();
      ctx.font = "600 11px " + FONT;
      items.forEach(function (s) {
        var a = Math.max(x.getPixelForValue(s.from), area.left);
        var b = Math.min(x.getPixelForValue(s.to), area.right);
        if (b <= a) return;
        ctx.fillStyle = tone(s.tone, 0.1);
        ctx.fillRect(a, area.top, b - a, area.bottom - area.top);
        if (b - a <= 60) return;
        // a label longer than the room left of the chart's right edge ends at it, not over the axis
        var width = ctx.measureText(s.label).width;
        var left = Math.max(area.left, Math.min(a + 6, area.right - width - 4)), right = left + width;
        var row = 0;
        while (rows[row] && rows[row].some(function (r) { return left < r[1] + 8 && r[0] < right + 8; })) row++;
        (rows[row] = rows[row] || []).push([left, right]);
        placed.push({ label: s.label, left: left, right: right, y: area.top + 14 + 14 * row, tone: s.tone });
      });
      placed.forEach(function (p) {
        ctx.fillStyle = tone(p.tone, 0.9);
        ctx.fillText(p.label, p.left, p.y);
      });
      chart.$spanLabels = placed;
      ctx.restore();
    }
  };

  // a dataset's "marks" name its points on the chart itself (a sweep's variants by number), so a page
  // printed or read without hovering still says which point is which
  var marks = {
    id: "marks",
    afterDatasetsDraw: function (chart) {
      var points = [], area = chart.chartArea, ctx = chart.ctx;
      chart.data.datasets.forEach(function (ds, i) {
        if (!ds.marks || !chart.isDatasetVisible(i)) return;
        chart.getDatasetMeta(i).data.forEach(function (el, j) {
          if (ds.marks[j]) points.push({ x: el.x, y: el.y, mark: ds.marks[j] });
        });
      });
      if (!points.length) return;
      ctx.save();
      ctx.font = "600 11px " + FONT;
      ctx.fillStyle = "#334155";
      ctx.textBaseline = "bottom";
      var widthOf = function (text) { return ctx.measureText(text).width; };
      placeMarks(markGroups(points), widthOf, area).forEach(function (l) {
        ctx.textAlign = l.align;
        ctx.fillText(l.text, l.x, l.y);
      });
      ctx.restore();
    }
  };

  // a tooltip beside its point stays within the chart's area where it fits: Chart.js keeps it only within
  // the canvas, and a marker low on the chart had its reasons drawn over the axis's months and the legend
  var inArea = {
    id: "inArea",
    beforeTooltipDraw: function (chart, args) {
      var t = args.tooltip, area = chart.chartArea;
      if (t.yAlign !== "center" || t.height > area.bottom - area.top) return;
      t.y = Math.min(Math.max(t.y, area.top), area.bottom - t.height);
    }
  };

  // a chart with a panel for its markers' reasons (chartBox's tip) shows them there, not over the chart: a
  // tooltip drawn over it hid the very fall, overdues and declines its reasons named. The panel keeps the
  // last marker pointed at, so its text can be read (and copied) once the pointer moves on.
  function showTip(panel, t) {
    if (!t.opacity || !t.dataPoints || !t.dataPoints.length) return;
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    function add(cls, text) {
      var e = document.createElement("p");
      if (cls) e.className = cls;
      if (text !== undefined) e.textContent = text;
      panel.appendChild(e);
      return e;
    }
    t.title.forEach(function (line) { add("tip-title", line); });
    // each marker pointed at with its own reasons beneath it (two decisions of one day, an overdue beside
    // the suspension it brought)
    t.dataPoints.forEach(function (dp, i) {
      var row = add("tip-label"), swatch = document.createElement("span"), c = t.labelColors[i] || {};
      swatch.className = "tip-swatch";
      swatch.style.background = c.backgroundColor;
      swatch.style.border = "2px solid " + c.borderColor;
      row.appendChild(swatch);
      row.appendChild(document.createTextNode(dp.dataset.label));
      // the lines wrapped for a tooltip ("  " begins a continuation) read as one paragraph each here
      var paras = [];
      ((dp.dataset.notes && dp.dataset.notes[dp.dataIndex]) || []).forEach(function (line) {
        if (/^  /.test(line) && paras.length) paras[paras.length - 1] += " " + line.trim();
        else paras.push(line);
      });
      paras.forEach(function (p) {
        var m = /^([A-Z][A-Z0-9_]+): ([^]*)$/.exec(p);
        if (!m) return add(/^→/.test(p) ? "remedy" : "", p);
        var e = add(""), code = document.createElement("span");
        code.className = "code";
        code.textContent = m[1];
        e.appendChild(code);
        e.appendChild(document.createTextNode(" " + m[2]));
      });
    });
  }

  // a line's legend sample is as long as LEGEND_LINE, long enough for its dash to show, and drawn with it:
  // Chart.js drew an 11 px solid sample (a point's style has no dash), so a dashed line's key read solid.
  // The width is the legend's, every item's: a marker's shape would be stretched to it, so a marker's
  // sample is its shape drawn at its own size, as an image Chart.js does not stretch
  var LEGEND_LINE = 32;
  function legendSamples(cfg, o) {
    var lines = function (ds) { return ds.pointStyle === "line" && ds.showLine !== false; };
    if (cfg.type !== "line" || !cfg.data.datasets.some(lines)) return;
    var legend = o.plugins.legend = o.plugins.legend || {};
    var labels = legend.labels = legend.labels || {};
    labels.pointStyleWidth = LEGEND_LINE;
    labels.generateLabels = function (chart) {
      return Chart.defaults.plugins.legend.labels.generateLabels.call(this, chart).map(function (item) {
        var ds = chart.data.datasets[item.datasetIndex];
        if (lines(ds)) {
          item.lineDash = ds.borderDash || [];
          item.lineWidth = ds.borderWidth || 1;
        } else item.pointStyle = markerSample(chart, item);
        return item;
      });
    };
  }
  // Chart.js draws every shape within one radius, and the ink of some spans less of it than a circle's:
  // half a triangle's height is 3/4 of it (its centre a quarter above the point), a square's or a turned
  // cross's 0.71, a rounded square's 0.86. A sample is drawn at the radius that makes it as tall as the
  // circle's, centred: the suspension's triangle was the smallest mark of the key
  var INK = { triangle: [0.75, 0.25], rect: [Math.SQRT1_2, 0], crossRot: [Math.SQRT1_2, 0], rectRounded: [0.858, 0] };
  function markerSample(chart, item) {
    var ink = INK[item.pointStyle] || [1, 0];
    var radius = (chart.legend.options.labels.boxHeight * Math.SQRT2) / 2 / ink[0];
    var size = Math.ceil(2 * radius + 2 * (item.lineWidth || 1) + 2);
    var dpr = chart.currentDevicePixelRatio || 1;
    var canvas = document.createElement("canvas");
    canvas.width = canvas.height = Math.ceil(size * dpr);
    var ctx = canvas.getContext("2d");
    ctx.scale(dpr, dpr);
    ctx.fillStyle = item.fillStyle;
    ctx.strokeStyle = item.strokeStyle;
    ctx.lineWidth = item.lineWidth;
    // unturned: the legend turns an image by the item's rotation (limit_reduced's triangle, pointing down)
    var point = { pointStyle: item.pointStyle, rotation: 0, radius: radius, borderWidth: item.lineWidth };
    Chart.helpers.drawPoint(ctx, point, size / 2, size / 2 + ink[1] * radius);
    // drawn at the screen's pixel density, sized in the page's pixels: Chart.js draws an image as wide and
    // tall as it says it is
    Object.defineProperty(canvas, "width", { value: size });
    Object.defineProperty(canvas, "height", { value: size });
    return canvas;
  }

  function prepare(spec) {
    var cfg = spec.config;
    var o = cfg.options = cfg.options || {};
    o.plugins = o.plugins || {};
    legendSamples(cfg, o);
    o.scales = o.scales || {};
    var units = spec.units || {};
    Object.keys(units).forEach(function (axis) {
      var s = o.scales[axis] = o.scales[axis] || {};
      s.ticks = s.ticks || {};
      s.ticks.callback = function (v, i, ticks) { return fmt(units[axis], v, tickDecimals(ticks)); };
    });
    if (spec.days) {
      var x = o.scales.x = o.scales.x || {};
      x.type = "linear";
      var labels = {};
      spec.days.ticks.forEach(function (t) { labels[t.value] = t.label; });
      x.afterBuildTicks = function (axis) {
        axis.ticks = spec.days.ticks
          .filter(function (t) { return t.value >= axis.min && t.value <= axis.max; })
          .map(function (t) { return { value: t.value }; });
      };
      x.ticks = x.ticks || {};
      x.ticks.callback = function (v) { return labels[v] !== undefined ? labels[v] : ""; };
      x.ticks.autoSkip = true;
      x.ticks.maxRotation = 0;
    }
    // bars on their side: Chart.js gives the label axis at most half the chart's width and cuts a longer
    // label at the canvas's edge (a phone's width); shorten it with "…" instead (the tooltip keeps it whole)
    if (o.indexAxis === "y") {
      var ys = o.scales.y = o.scales.y || {};
      ys.ticks = ys.ticks || {};
      ys.ticks.callback = function (v) {
        var label = String(this.getLabelForValue(v));
        var room = this.chart.width / 2 - 16, ctx = this.ctx;
        ctx.save();
        ctx.font = Chart.helpers.toFont(this.options.ticks.font).string;
        var s = label;
        if (ctx.measureText(s).width > room) {
          while (s.length > 1 && ctx.measureText(s + "…").width > room) s = s.slice(0, -1);
          s = s.replace(/\s+$/, "") + "…";
        }
        ctx.restore();
        return s;
      };
    }
    // Chart.js squeezes an axis title wider than its axis into the axis's width (at a phone's width the
    // letters overlap); break it into lines that fit instead, again at every layout (the width changes)
    Object.keys(o.scales).forEach(function (id) {
      var s = o.scales[id], title = s.title;
      if (!title || typeof title.text !== "string") return;
      var text = title.text;
      s.afterSetDimensions = function (axis) {
        var room = axis.isHorizontal() ? axis.width : axis.height, ctx = axis.ctx;
        ctx.save();
        ctx.font = Chart.helpers.toFont(axis.options.title.font).string;
        var lines = [], line = "";
        text.split(" ").forEach(function (w) {
          var next = line ? line + " " + w : w;
          if (line && ctx.measureText(next).width > room) { lines.push(line); line = w; } else line = next;
        });
        lines.push(line);
        ctx.restore();
        axis.options.title.text = lines.length === 1 ? text : lines;
      };
    });
    var tt = o.plugins.tooltip = o.plugins.tooltip || {};
    tt.callbacks = {
      title: function (items) {
        var it = items[0];
        if (!it) return "";
        var t = it.dataset.titles && it.dataset.titles[it.dataIndex];
        if (t) return t;
        if (spec.days) {
          var day = it.parsed.x;
          return "day " + day + " · " + dateOf(spec.days.start, day);
        }
        return it.label;
      },
      label: function (it) {
        var axis = it.dataset.yAxisID || (cfg.options.indexAxis === "y" ? "x" : "y");
        var unit = it.dataset.unit || units[axis];
        var raw = it.raw;
        var text = it.dataset.texts && it.dataset.texts[it.dataIndex];
        if (text) return " " + it.dataset.label + ": " + text;
        if (Array.isArray(raw)) return " " + it.dataset.label + ": " + fmt(unit, raw[0]) + " to " + fmt(unit, raw[1]);
        var v = cfg.options.indexAxis === "y" ? it.parsed.x : it.parsed.y;
        if (it.dataset.hideValue) return " " + it.dataset.label;
        return " " + it.dataset.label + ": " + fmt(unit, v);
      },
      afterBody: function (items) {
        var lines = [];
        items.forEach(function (it) {
          var n = it.dataset.notes && it.dataset.notes[it.dataIndex];
          if (n) lines = lines.concat(n);
        });
        return lines;
      }
    };
    var panel = document.getElementById(spec.id + "-tip");
    if (panel) {
      tt.enabled = false;
      tt.external = function (context) { if (!panel.pinned) showTip(panel, context.tooltip); };
      // a click (a tap) on a marker keeps its reasons in the panel while the pointer crosses other markers
      // on its way there, to scroll them; a click away from every marker lets it follow the pointer again
      o.onClick = function (e, active, chart) {
        panel.pinned = false;
        if (!active.length) return panel.removeAttribute("data-pinned");
        chart.tooltip.setActiveElements(active, { x: e.x, y: e.y });
        showTip(panel, chart.tooltip);
        panel.pinned = true;
        panel.setAttribute("data-pinned", "");
      };
    }
    return cfg;
  }

  var drawn = 0;
  (data.charts || []).forEach(function (spec) {
    var canvas = document.getElementById(spec.id);
    if (!canvas) return;
    var chart = new Chart(canvas, Object.assign(prepare(spec), { plugins: [spans, marks, inArea] }));
    chart.$spans = spec.spans || [];
    chart.update();
    drawn++;
  });
  // the two panes of a side-by-side diff scroll together
  Array.prototype.forEach.call(document.querySelectorAll(".diff"), function (d) {
    var panes = d.querySelectorAll(".pane");
    if (panes.length !== 2) return;
    var busy = false;
    [0, 1].forEach(function (i) {
      panes[i].addEventListener("scroll", function () {
        if (busy) return;
        busy = true;
        panes[1 - i].scrollLeft = panes[i].scrollLeft;
        busy = false;
      });
    });
  });
  document.documentElement.setAttribute("data-charts-drawn", String(drawn));
})();
`;
