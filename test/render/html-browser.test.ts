// @module-tag slow
// The HTML reports in a real browser: each page loads with no console error or failed request and every
// chart is drawn (a Chart.js instance on each canvas, with painted pixels). One browser for the file.
// SCREENSHOTS=DIR also saves a PNG of each page there, for people to look at.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlAssets } from "../../src/cli/html-assets.js";
import { simulate } from "../../src/engine/index.js";
import { runHtml } from "../../src/render/html/run.js";
import { runView } from "../../src/render/html/run-model.js";
import { loadScenario } from "../../src/scenario/load.js";
import { isCI } from "../../src/shared/terminal.js";
import { type Browser, hasChromium, launch } from "../helpers/browser.js";
import { ROOT } from "../helpers/cli.js";
import { allPages, type Page } from "../helpers/html-pages.js";

type Tab = Awaited<ReturnType<Browser["context"]["newPage"]>>;

// CI installs chromium (.ci/run); elsewhere a machine without it skips these tests, loudly
const run = hasChromium() || isCI(process.env) ? describe : describe.skip;
if (!hasChromium() && !isCI(process.env)) console.warn("html-browser: no /usr/bin/chromium, skipped");

// page-side scripts (strings: the tests are type-checked without the DOM library)
const CANVASES = `[...document.querySelectorAll("canvas")].map((canvas) => {
  const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
  let painted = 0;
  for (let i = 3; i < data.length; i += 28) if (data[i] > 0) painted++;
  return { id: canvas.id, chart: Chart.getChart(canvas) !== undefined, painted, width: canvas.width };
})`;
// the widest label of each horizontal bar chart's label axis, against the room the axis leaves it
const SIDE_LABELS = `[...document.querySelectorAll("canvas")].flatMap((canvas) => {
  const chart = Chart.getChart(canvas);
  if (chart.options.indexAxis !== "y") return [];
  const y = chart.scales.y;
  const ctx = chart.ctx;
  ctx.font = Chart.helpers.toFont(y.options.ticks.font).string;
  const sized = y.ticks.map((t) => ({ label: String(t.label), width: ctx.measureText(String(t.label)).width }));
  const widest = sized.reduce((a, b) => (b.width > a.width ? b : a));
  return [{ id: canvas.id, room: y.width - y.options.ticks.padding, widest: widest.label, width: widest.width }];
})`;
// each line of every axis title, against the length of its axis (Chart.js squeezes a longer one to fit)
const AXIS_TITLES = `[...document.querySelectorAll("canvas")].flatMap((canvas) => {
  const chart = Chart.getChart(canvas);
  return Object.values(chart.scales).flatMap((axis) => {
    const title = axis.options.title;
    if (!title.display) return [];
    const ctx = chart.ctx;
    ctx.font = Chart.helpers.toFont(title.font).string;
    const room = axis.isHorizontal() ? axis.width : axis.height;
    return [].concat(title.text).map((line) => ({ id: canvas.id, line, room, width: ctx.measureText(line).width }));
  });
})`;
// the figures as wide as `simulate --accounts 20000 --challenger tightened` (simulate --help's example)
// writes them, each in the spans the cell holds (the outcome tables' two parts)
const WIDEST_FIGURES = `document.querySelectorAll(".scroll td.num").forEach((td) => {
  const spans = td.querySelectorAll("span.nw");
  const put = (parts) => {
    if (spans.length === parts.length) spans.forEach((span, i) => { span.textContent = parts[i]; });
    else td.textContent = parts.join(" ");
  };
  if (/^−?¥[\\d,.]+ \\([\\d,]+\\)$/.test(td.textContent)) put(["¥1,628,322", "(468)"]);
  else if (/^[\\d.]+ % of [\\d,]+$/.test(td.textContent)) put(["39.1 %", "of 1,591"]);
})`;
const MARKER = (label: string) => `(() => {
  const chart = Chart.getChart(document.querySelector("canvas"));
  const i = chart.data.datasets.findIndex((d) => d.label === ${JSON.stringify(label)});
  const el = chart.getDatasetMeta(i).data[0];
  return { x: el.x, y: el.y };
})()`;
const TOOLTIP = `(() => {
  const t = Chart.getChart(document.querySelector("canvas")).tooltip;
  return t.opacity > 0 ? [t.title.join(" "), ...t.afterBody].join("\\n") : "";
})()`;

run("HTML reports in headless Chromium", () => {
  let browser: Browser;
  let pages: Page[];
  const dir = mkdtempSync(join(tmpdir(), "credit-sim-html-"));
  beforeAll(async () => {
    [browser, pages] = await Promise.all([launch(), allPages()]);
  }, 60_000);
  afterAll(async () => {
    if (phone) for (const { tab } of await phone) await tab.close();
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every page loaded once at a phone's width (360 px), a tab each, for the tests that measure there. */
  let phone: Promise<Array<{ page: string; tab: Tab }>> | undefined;
  const phoneTabs = () =>
    (phone ??= (async () => {
      const tabs: Array<{ page: string; tab: Tab }> = [];
      for (const p of pages) {
        const file = join(dir, `phone-${p.name}.html`);
        writeFileSync(file, p.html);
        const tab = await browser.context.newPage();
        await tab.setViewportSize({ width: 360, height: 900 });
        await tab.goto(`file://${file}`, { waitUntil: "load" });
        tabs.push({ page: p.name, tab });
      }
      return tabs;
    })());

  /** What `script` measures on every page at a phone's width (360 px), each item with its page's name. */
  async function atPhoneWidth<T>(script: string): Promise<Array<T & { page: string }>> {
    const measured: Array<T & { page: string }> = [];
    for (const { page, tab } of await phoneTabs())
      for (const item of (await tab.evaluate(script)) as T[]) measured.push({ ...item, page });
    return measured;
  }

  it("loads every page offline, with no console error, and draws every chart", async () => {
    for (const p of pages) {
      const file = join(dir, `${p.name}.html`);
      writeFileSync(file, p.html);
      const tab = await browser.context.newPage();
      const problems: string[] = [];
      tab.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
      });
      tab.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      tab.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
      tab.on("request", (r) => {
        if (!r.url().startsWith("file:")) problems.push(`network request: ${r.url()}`);
      });
      await tab.goto(`file://${file}`, { waitUntil: "load" });
      const drawn = (await tab.evaluate(CANVASES)) as Array<{
        id: string;
        chart: boolean;
        painted: number;
        width: number;
      }>;
      expect(problems, p.name).toEqual([]);
      expect(drawn.length, `${p.name}: canvases`).toBe(p.charts);
      for (const c of drawn) {
        expect(c.chart, `${p.name}#${c.id} has a chart`).toBe(true);
        expect(c.width, `${p.name}#${c.id} has a size`).toBeGreaterThan(100);
        expect(c.painted, `${p.name}#${c.id} is painted`).toBeGreaterThan(200);
      }
      expect(await tab.getAttribute("html", "data-charts-drawn")).toBe(String(p.charts));
      if (process.env.SCREENSHOTS) {
        mkdirSync(process.env.SCREENSHOTS, { recursive: true });
        await tab.screenshot({ path: join(process.env.SCREENSHOTS, `${p.name}.png`), fullPage: true });
        writeFileSync(join(process.env.SCREENSHOTS, `${p.name}.html`), p.html);
      }
      await tab.close();
    }
  }, 60_000);

  it("at a phone's width (360 px) no page scrolls sideways: a wide table scrolls in its own box", async () => {
    const widths = await atPhoneWidth<{ width: number }>("[{ width: document.documentElement.scrollWidth }]");
    expect(widths.map((w) => w.page)).toEqual(pages.map((p) => p.name));
    for (const { page, width } of widths)
      expect(width, `${page}: the page's width at 360 px`).toBeLessThanOrEqual(360);
  }, 60_000);

  it("at 1280 px a population's tables fit the page: none scrolls sideways for its last columns", async () => {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 900 });
    for (const p of pages.filter((p) => p.name.startsWith("simulate"))) {
      const file = join(dir, `desktop-${p.name}.html`);
      writeFileSync(file, p.html);
      await tab.goto(`file://${file}`, { waitUntil: "load" });
      // the page at 200 accounts fitted, `simulate --accounts 20000`'s last column scrolled 9 px
      await tab.evaluate(WIDEST_FIGURES);
      const boxes = (await tab.evaluate(
        `[...document.querySelectorAll(".scroll")].map((box) => ({
          head: [...box.querySelectorAll("th")].map((th) => th.textContent).join(" | "),
          over: box.scrollWidth - box.clientWidth,
        }))`,
      )) as Array<{ head: string; over: number }>;
      expect(boxes.length, `${p.name}: tables`).toBeGreaterThan(2);
      for (const b of boxes) expect(b.over, `${p.name}: ${b.head}`).toBeLessThanOrEqual(0);
    }
    await tab.close();
  }, 60_000);

  it("printed on A4 (718 px between the margins) every table shows all its rows and columns", async () => {
    // on paper a scroll box cannot scroll: Zhang Ming's every step printed its first 560 px of 4,070 (once
    // unfolded: folded, none), and a population's outcome table its first nine columns of fifteen
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 718, height: 1000 });
    await tab.emulateMedia({ media: "print" });
    const hidden: string[] = [];
    for (const p of pages) {
      const file = join(dir, `print-${p.name}.html`);
      writeFileSync(file, p.html);
      await tab.goto(`file://${file}`, { waitUntil: "load" });
      await tab.evaluate(WIDEST_FIGURES);
      const boxes = (await tab.evaluate(
        `[...document.querySelectorAll(".scroll, .xscroll, .diff .pane")].map((box) => ({
          head: (box.querySelector("th") ?? box).textContent.slice(0, 40),
          wide: box.scrollWidth - box.clientWidth,
          tall: box.scrollHeight - box.clientHeight,
          shown: box.checkVisibility(),
        }))`,
      )) as Array<{ head: string; wide: number; tall: number; shown: boolean }>;
      expect(boxes.length, `${p.name}: tables`).toBeGreaterThan(0);
      for (const b of boxes) {
        if (b.wide > 0 || b.tall > 0)
          hidden.push(`${p.name} '${b.head}': ${b.wide} px wide, ${b.tall} px tall`);
        if (!b.shown) hidden.push(`${p.name} '${b.head}': not shown`);
      }
      const width = (await tab.evaluate("document.documentElement.scrollWidth")) as number;
      if (width > 718) hidden.push(`${p.name}: the page ${width} px wide`);
    }
    expect(hidden).toEqual([]);
    await tab.close();
  }, 60_000);

  it("lists each chart's legend in its datasets' order, a line drawn on top (a challenger's) among them", async () => {
    const tab = await browser.context.newPage();
    const misordered: string[] = [];
    for (const p of pages.filter((p) => p.name === "simulate" || p.name === "whatif")) {
      const file = join(dir, `legend-${p.name}.html`);
      writeFileSync(file, p.html);
      await tab.goto(`file://${file}`, { waitUntil: "load" });
      const legends = (await tab.evaluate(
        `[...document.querySelectorAll("canvas")].map((canvas) => {
          const chart = Chart.getChart(canvas);
          return {
            id: canvas.id,
            shown: chart.legend.legendItems.map((i) => i.text),
            given: chart.data.datasets.map((d) => d.label),
            onTop: chart.data.datasets.some((d) => d.order < 0),
          };
        })`,
      )) as Array<{ id: string; shown: string[]; given: string[]; onTop: boolean }>;
      for (const l of legends.filter((l) => l.onTop && l.shown.length > 0))
        if (l.shown.join(" | ") !== l.given.filter((g) => l.shown.includes(g)).join(" | "))
          misordered.push(`${p.name}#${l.id}: ${l.shown.join(" | ")}`);
      expect(legends.filter((l) => l.onTop).length, p.name).toBeGreaterThan(0);
    }
    expect(misordered).toEqual([]);
    await tab.close();
  }, 60_000);

  it("keys each line of a chart with a sample long enough to show its dash, and each marker at its own size", async () => {
    // Chart.js drew every line's key as an 11 px solid stroke: Jiebei's dash-dotted limit and the solid
    // score had one key
    const tab = await browser.context.newPage();
    const keys: Array<{ page: string; text: string; dash: number[]; drawn: number[]; sample: number }> = [];
    const markers: Array<{ page: string; text: string; image: boolean }> = [];
    for (const p of pages.filter((p) => p.name === "run-two-lines" || p.name === "whatif")) {
      const file = join(dir, `keys-${p.name}.html`);
      writeFileSync(file, p.html);
      await tab.goto(`file://${file}`, { waitUntil: "load" });
      const items = (await tab.evaluate(
        `[...document.querySelectorAll("canvas")].flatMap((canvas) => {
          const chart = Chart.getChart(canvas);
          if (chart.config.type !== "line") return [];
          return chart.legend.legendItems.map((i) => {
            const ds = chart.data.datasets[i.datasetIndex];
            return {
              text: i.text, line: ds.pointStyle === "line", dash: ds.borderDash || [], drawn: i.lineDash || [],
              sample: chart.legend.options.labels.pointStyleWidth || 0, image: i.pointStyle instanceof HTMLCanvasElement,
            };
          });
        })`,
      )) as Array<{
        text: string;
        line: boolean;
        dash: number[];
        drawn: number[];
        sample: number;
        image: boolean;
      }>;
      for (const i of items)
        if (i.line) keys.push({ page: p.name, text: i.text, dash: i.dash, drawn: i.drawn, sample: i.sample });
        else markers.push({ page: p.name, text: i.text, image: i.image });
    }
    expect(keys.map((k) => k.text)).toContain("Jiebei limit");
    for (const k of keys) {
      expect(k.drawn, `${k.page} ${k.text}`).toEqual(k.dash);
      // two periods of the dash at least (a dash-dot's period is 16 px)
      expect(k.sample, `${k.page} ${k.text}`).toBeGreaterThanOrEqual(2 * k.dash.reduce((a, b) => a + b, 0));
    }
    expect(markers.length).toBeGreaterThan(3);
    expect(markers.filter((m) => !m.image)).toEqual([]);
    await tab.close();
  }, 60_000);

  it("draws every marker's legend sample as tall as the circle's: a triangle read small beside it", async () => {
    // Chart.js draws each shape within one radius: a triangle inside it is 3/4 of the circle's height, a
    // square or a cross turned 45° 0.71 of it — the suspension's triangle was the smallest mark of the key
    const tab = await browser.context.newPage();
    const heights: Array<{ page: string; text: string; style: string; height: number }> = [];
    for (const p of pages.filter((p) => p.name === "run" || p.name === "whatif" || p.name === "simulate")) {
      const file = join(dir, `samples-${p.name}.html`);
      writeFileSync(file, p.html);
      await tab.goto(`file://${file}`, { waitUntil: "load" });
      const items = (await tab.evaluate(
        `[...document.querySelectorAll("canvas")].flatMap((canvas) => {
          const chart = Chart.getChart(canvas);
          return chart.legend.legendItems.flatMap((i) => {
            if (!(i.pointStyle instanceof HTMLCanvasElement)) return [];
            const img = i.pointStyle;
            const ratio = window.devicePixelRatio || 1;
            const side = Math.round(img.width * ratio);
            const { data } = img.getContext("2d").getImageData(0, 0, side, side);
            let top = side, bottom = -1;
            for (let y = 0; y < side; y++)
              for (let x = 0; x < side; x++)
                if (data[(y * side + x) * 4 + 3] > 96) { top = Math.min(top, y); bottom = Math.max(bottom, y); }
            const style = String(chart.data.datasets[i.datasetIndex].pointStyle);
            return [{ text: i.text, style, height: (bottom - top + 1) / ratio }];
          });
        })`,
      )) as Array<{ text: string; style: string; height: number }>;
      for (const i of items) heights.push({ page: p.name, ...i });
    }
    const circle = heights.find((h) => h.style === "circle")!.height;
    expect(heights.map((h) => h.style)).toEqual(expect.arrayContaining(["triangle", "crossRot", "star"]));
    for (const h of heights)
      expect(h.height / circle, `${h.page} ${h.text} (${h.style})`).toBeGreaterThanOrEqual(0.9);
    await tab.close();
  }, 60_000);

  it("at a phone's width a chart has most of the screen: the margins shrink", async () => {
    const { tab } = (await phoneTabs()).find((t) => t.page === "run")!;
    const width = (await tab.evaluate(
      `document.querySelector("canvas").getBoundingClientRect().width`,
    )) as number;
    expect(width).toBeGreaterThanOrEqual(0.8 * 360);
  });

  it("at a phone's width a bar chart on its side shortens a long label rather than cutting it", async () => {
    const axes = await atPhoneWidth<{ id: string; room: number; widest: string; width: number }>(SIDE_LABELS);
    for (const a of axes)
      expect(a.width, `${a.page}#${a.id}: "${a.widest}" fits its axis`).toBeLessThanOrEqual(a.room);
    expect(axes.length).toBeGreaterThan(1);
  }, 60_000);

  it("at a phone's width an axis title breaks into lines rather than squeezing its letters together", async () => {
    const lines = await atPhoneWidth<{ id: string; line: string; room: number; width: number }>(AXIS_TITLES);
    for (const l of lines)
      expect(l.width, `${l.page}#${l.id}: "${l.line}" fits its axis`).toBeLessThanOrEqual(l.room);
    expect(lines.length).toBeGreaterThan(1);
  }, 60_000);

  it("keeps each month of the repayment grid on one line (2024-01, not 2024- over 01)", async () => {
    const tab = await browser.context.newPage();
    const page = pages.find((p) => p.name === "run")!;
    const file = join(dir, "grid-run.html");
    writeFileSync(file, page.html);
    await tab.goto(`file://${file}`, { waitUntil: "load" });
    const heads = (await tab.evaluate(
      `[...document.querySelectorAll(".grid-table thead th")].filter((th) => th.textContent).map((th) => {
        const r = document.createRange();
        r.selectNodeContents(th);
        return { text: th.textContent, lines: r.getClientRects().length };
      })`,
    )) as Array<{ text: string; lines: number }>;
    expect(heads.length).toBeGreaterThan(1);
    expect(heads.filter((h) => h.lines !== 1)).toEqual([]);
    await tab.close();
  });

  it("a rate's tooltip reads as the page's tables print it (two decimals, not the page script's one)", async () => {
    const page = pages.find((p) => p.name === "simulate")!;
    const file = join(dir, "tooltip.html");
    writeFileSync(file, page.html);
    const tab = await browser.context.newPage();
    await tab.goto(`file://${file}`);
    // the tooltip of each chart's first dataset at its last point, as Chart.js builds it on hover
    const body = (id: string) =>
      tab.evaluate(`(() => {
        const chart = Chart.getChart(document.getElementById(${JSON.stringify(id)}));
        const last = chart.data.datasets[0].data.length - 1;
        chart.tooltip.setActiveElements([{ datasetIndex: 0, index: last }], { x: 0, y: 0 });
        chart.update();
        return chart.tooltip.body.flatMap((b) => b.lines);
      })()`) as Promise<string[]>;
    const data = JSON.parse(/id="report-data">([^<]*)</.exec(page.html)![1]!) as {
      charts: Array<{
        id: string;
        config: { data: { datasets: Array<{ label: string; texts: string[] }> } };
      }>;
    };
    for (const id of ["delinquency", "intervals"]) {
      const set = data.charts.find((c) => c.id === id)!.config.data.datasets[0]!;
      expect(await body(id)).toEqual([` ${set.label}: ${set.texts.at(-1)}`]);
    }
    await tab.close();
  });

  it("a money line's tooltip reads as the run page's tables print it, in fen", async () => {
    const page = pages.find((p) => p.name === "run")!;
    const file = join(dir, "money-tooltip.html");
    writeFileSync(file, page.html);
    const tab = await browser.context.newPage();
    await tab.goto(`file://${file}`);
    // the balance line's tooltip at each point, as Chart.js builds it
    const lines = (await tab.evaluate(`(() => {
      const chart = Chart.getChart(document.querySelector("canvas"));
      const i = chart.data.datasets.findIndex((d) => d.label === "balance");
      return chart.data.datasets[i].data.map((_, at) => {
        chart.tooltip.setActiveElements([{ datasetIndex: i, index: at }], { x: 0, y: 0 });
        chart.update();
        return chart.tooltip.body.flatMap((b) => b.lines).join("");
      });
    })()`)) as string[];
    expect(lines).toContain(" balance: ¥3,405.10");
    for (const line of lines) expect(line).toMatch(/^ balance: ¥[\d,]+\.\d\d$/);
    await tab.close();
  });

  it("shows a decision's reasons on hover", async () => {
    const page = pages.find((p) => p.name === "run")!;
    const file = join(dir, "hover.html");
    writeFileSync(file, page.html);
    const tab = await browser.context.newPage();
    await tab.goto(`file://${file}`);
    // hover the suspension marker: its tooltip lists the decision's reason codes
    const at = (await tab.evaluate(MARKER("suspended"))) as { x: number; y: number };
    const box = (await tab.locator("canvas").boundingBox())!;
    await tab.mouse.move(box.x + at.x, box.y + at.y);
    const text = (await tab.evaluate(TOOLTIP)) as string;
    expect(text).toContain("PAST_DUE_AT_REVIEW");
    expect(text).toContain("periodic review → suspended");
    // the reasons show in the panel beside the chart, not drawn over it: a tooltip over the chart hid the
    // score's fall, the overdues and the declines those reasons name
    const shown = async () =>
      (await tab.evaluate(`(() => {
        const canvas = document.querySelector("canvas");
        const chart = Chart.getChart(canvas);
        const c = canvas.getBoundingClientRect(), a = chart.chartArea;
        const p = document.getElementById("timeline-tip").getBoundingClientRect();
        return {
          drawn: chart.options.plugins.tooltip.enabled !== false,
          panel: document.getElementById("timeline-tip").textContent,
          area: { left: c.left + a.left, right: c.left + a.right, top: c.top + a.top, bottom: c.top + a.bottom },
          box: { left: p.left, right: p.right, top: p.top, bottom: p.bottom },
        };
      })()`)) as {
        drawn: boolean;
        panel: string;
        area: { left: number; right: number; top: number; bottom: number };
        box: { left: number; right: number; top: number; bottom: number };
      };
    const apart = (s: Awaited<ReturnType<typeof shown>>) =>
      s.box.left >= s.area.right ||
      s.box.right <= s.area.left ||
      s.box.top >= s.area.bottom ||
      s.box.bottom <= s.area.top;
    const wide = await shown();
    expect(wide.drawn).toBe(false);
    expect(wide.panel).toContain("PAST_DUE_AT_REVIEW");
    expect(wide.panel).toContain("periodic review → suspended");
    expect(apart(wide), JSON.stringify(wide)).toBe(true);
    // beside the chart on a laptop, beneath it on a phone: over it at neither width
    expect(wide.box.left).toBeGreaterThanOrEqual(wide.area.right);
    await tab.setViewportSize({ width: 360, height: 900 });
    await tab.evaluate(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))`);
    const narrow = await shown();
    expect(narrow.panel).toContain("PAST_DUE_AT_REVIEW");
    expect(apart(narrow), JSON.stringify(narrow)).toBe(true);
    expect(narrow.box.top).toBeGreaterThanOrEqual(narrow.area.bottom);
    await tab.close();
  });

  it("keeps a clicked marker's reasons in the panel while the pointer crosses others to read them", async () => {
    const page = pages.find((p) => p.name === "run")!;
    const file = join(dir, "pin.html");
    writeFileSync(file, page.html);
    const tab = await browser.context.newPage();
    await tab.goto(`file://${file}`);
    const box = (await tab.locator("canvas").boundingBox())!;
    // a marker where it comes to rest: read during the chart's first animation, it is on its way there
    // (the pointer then met no marker, and the panel kept what it showed)
    const at = async (label: string) => {
      let was = { x: Number.NaN, y: Number.NaN };
      for (;;) {
        await tab.evaluate(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))`);
        const p = (await tab.evaluate(MARKER(label))) as { x: number; y: number };
        if (p.x === was.x && p.y === was.y) return { x: box.x + p.x, y: box.y + p.y };
        was = p;
      }
    };
    const panel = () =>
      tab.evaluate(`(() => { const p = document.getElementById("timeline-tip");
        return { text: p.textContent, pinned: p.hasAttribute("data-pinned") }; })()`) as Promise<{
        text: string;
        pinned: boolean;
      }>;
    // the suspension clicked, then the pointer over the restoration on its way to the panel: still the suspension
    const suspended = await at("suspended");
    await tab.mouse.click(suspended.x, suspended.y);
    const restored = await at("restored");
    await tab.mouse.move(restored.x, restored.y);
    expect(await panel()).toMatchObject({
      pinned: true,
      text: expect.stringContaining("PAST_DUE_AT_REVIEW"),
    });
    // a click away from every marker lets it follow the pointer again. Chart.js handles each kind of
    // pointer event once an animation frame: a move in the same frame as the click could be handled
    // first, while the panel is still kept — the pointer moves on once the click is handled, as a hand does
    await tab.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.8);
    await tab.waitForFunction(`!document.getElementById("timeline-tip").hasAttribute("data-pinned")`, null, {
      timeout: 5_000,
    });
    await tab.mouse.move(restored.x + 1, restored.y);
    await tab.waitForFunction(
      `document.getElementById("timeline-tip").textContent.includes("restored")`,
      null,
      {
        timeout: 5_000,
      },
    );
    const after = await panel();
    expect(after.pinned).toBe(false);
    expect(after.text).toContain("SCORE_RECOVERED");
    await tab.close();
  });

  it("writes each shaded span's label clear of the others: two lines suspended the same day, a closure after a charge-off", async () => {
    const { scenario: s } = loadScenario(
      join(ROOT, "test/fixtures/scenarios/jiebei-defaulted-huabei-paid.yaml"),
    );
    const file = join(dir, "span-labels.html");
    writeFileSync(file, runHtml(runView(s, simulate(s)), htmlAssets()));
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.goto(`file://${file}`);
    const labels = (await tab.evaluate(
      `Chart.getChart(document.querySelector("canvas")).$spanLabels`,
    )) as Array<{ label: string; left: number; right: number; y: number }>;
    // Huabei and Jiebei suspended on day 100, Jiebei charged off on day 250, Huabei closed on day 288
    expect(labels.map((l) => l.label).sort()).toEqual([
      "Huabei closed (credit)",
      "Huabei suspended (credit)",
      "Jiebei charged off (credit)",
      "Jiebei suspended (credit)",
    ]);
    for (const a of labels)
      for (const b of labels) {
        if (a === b || a.y !== b.y) continue;
        expect(a.right <= b.left || b.right <= a.left, `"${a.label}" crosses "${b.label}"`).toBe(true);
      }
    await tab.close();
  });

  it("draws the highest limit beneath the chart's top edge, not along it", async () => {
    const page = pages.find((p) => p.name === "run")!;
    const file = join(dir, "headroom.html");
    writeFileSync(file, page.html);
    const tab = await browser.context.newPage();
    await tab.goto(`file://${file}`);
    const { top, highest } = (await tab.evaluate(`(() => {
      const chart = Chart.getChart(document.querySelector("canvas"));
      const money = chart.data.datasets.filter((d) => d.yAxisID === "y1").flatMap((d) => d.data.map((p) => p.y));
      return { top: chart.scales.y1.max, highest: Math.max(...money) };
    })()`)) as { top: number; highest: number };
    expect(highest).toBe(8000);
    expect(top).toBeGreaterThanOrEqual(highest * 1.05);
    await tab.close();
  });
});
