import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { htmlAssets } from "../../src/cli/html-assets.js";
import { simulate } from "../../src/engine/index.js";
import type { Dataset } from "../../src/render/html/chart-spec.js";
import { CLIENT_SCRIPT } from "../../src/render/html/client.js";
import { sideBySide } from "../../src/render/html/diff.js";
import { esc, escAmounts, jsonForScript, scriptSource } from "../../src/render/html/escape.js";
import { markerDatasets, runHtml, seriesOf, timelineChart } from "../../src/render/html/run.js";
import { runView } from "../../src/render/html/run-model.js";
import { STYLES } from "../../src/render/html/styles.js";
import { testHtml } from "../../src/render/html/test-report.js";
import { whatifHtml, whatifView } from "../../src/render/html/whatif.js";
import { yuanText } from "../../src/scenario/format.js";
import { loadScenario, loadScenarioText } from "../../src/scenario/load.js";
import { visibleControls } from "../../src/shared/text.js";
import { parseTestOptions } from "../../src/testing/options.js";
import { runTests } from "../../src/testing/run-tests.js";
import { flagToEdit } from "../../src/whatif/flags.js";
import { compareRuns, runVariant } from "../../src/whatif/run.js";
import { applyEdit, baseVariant } from "../../src/whatif/variant.js";
import { ROOT } from "../helpers/cli.js";
import * as pages from "../helpers/html-pages.js";

/** A page built once for every test that reads it (its html is a string: no test changes it). */
const once = <T>(make: () => T): (() => T) => {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
};
const runPage = once(pages.runPage);
const runTwoLinesPage = once(pages.runTwoLinesPage);
const testPage = once(pages.testPage);
const whatifPage = once(pages.whatifPage);
const sweepPage = pages.sweepPage;
const simulatePageOf200 = once(() => pages.simulatePage());
const simulatePage = (accounts?: number) =>
  accounts === undefined ? simulatePageOf200() : pages.simulatePage(accounts);

const assets = { chartJs: "window.Chart = function () {};" };
const HOSTILE = `</script><script>alert("x")</script><img src=x onerror=alert(1)>`;

function hostileRun() {
  const text = [
    `name: '${HOSTILE.replaceAll("'", "''")}'`,
    `description: "a & b <b>bold</b>"`,
    "events:",
    "  - { day: 0, type: apply, product: open, amount: 5000 }",
    `  - { day: 3, type: purchase, amount: 100, merchant: '<script>steal()</script>' }`,
    '  - { day: 4, type: note, text: "</script>" }',
  ].join("\n");
  const { scenario } = loadScenarioText(text, "hostile.yaml");
  return runView(scenario, simulate(scenario));
}

/** The page's data block, parsed back. */
function dataOf(html: string): { charts: Array<{ id: string }> } {
  const m = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(m![1]!);
}

/** Every string in a value, however deep. */
const stringsOf = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : typeof value === "object" && value !== null
      ? Object.values(value).flatMap(stringsOf)
      : [];

describe("HTML reports", () => {
  it("escape every user string: no markup from a scenario survives", () => {
    const html = runHtml(hostileRun(), assets);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<script>steal");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<b>bold</b>");
    expect(html).toContain("a &amp; b &lt;b&gt;bold&lt;/b&gt;");
    // exactly three script elements: the data, the chart library, the page script
    expect(html.match(/<script[\s>]/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(html).toContain(
      'purchase <span class="nw">¥100.00</span> at &lt;script&gt;steal()&lt;/script&gt;',
    );
    expect(dataOf(html).charts).toHaveLength(1);
  });

  it("a chart draws a user's string as the page's text shows it: controls and bidirectional overrides as escapes", async () => {
    // the test report's checks chart drew a scenario's name raw: tofu for \x1b and \x07, and U+202E
    // reversing what follows it — where the page's text (and the run page's tooltips) said \x1b, \u202e
    const text = [
      `name: "N \\e[31mred\\a \\u202Eevil"`,
      "events:",
      "  - { day: 0, type: apply, product: open, amount: 5000 }",
      `  - { day: 3, type: purchase, amount: 99999, merchant: "M \\e[2J \\u202Etxt.exe" }`,
      "expect:",
      "  - { day: 3, decision: declined }",
    ].join("\n");
    const { scenario } = loadScenarioText(text, "controls.yaml");
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-html-controls-"));
    try {
      const file = join(dir, "controls.yaml");
      writeFileSync(file, text);
      const run = await runTests([file], parseTestOptions({ snapshots: false }, {}), dir);
      for (const html of [runHtml(runView(scenario, simulate(scenario)), assets), testHtml(run, assets)]) {
        const strings = stringsOf(dataOf(html).charts);
        expect(strings.filter((t) => visibleControls(t) !== t)).toEqual([]);
        expect(strings.some((t) => t.includes("\\x1b["))).toBe(true);
        expect(strings.some((t) => t.includes("\\u202e"))).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("are self-contained and deterministic", () => {
    const view = hostileRun();
    const html = runHtml(view, assets);
    expect(html).toBe(runHtml(view, assets));
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(http/);
    expect(dataOf(html).charts.map((c) => c.id)).toEqual(["timeline"]);
  });

  it("show the repayment grid only when there is one", () => {
    const view = hostileRun();
    expect(runHtml({ ...view, grid: null }, assets)).not.toContain("Repayment grid");
    const grid = {
      columns: ["2024-01"],
      rows: [{ label: "<line>", cells: [{ code: "1", title: "<late>" }] }],
    };
    const html = runHtml({ ...view, grid }, assets);
    expect(html).toContain("Repayment grid");
    expect(html).toContain("&lt;line&gt;");
    expect(html).toContain('class="g-late" title="&lt;late&gt;"');
  });

  it("an event's amount keeps its sign: '+¥5,000.00' never breaks after the '+' in a narrow column", () => {
    // the what-if page's event column, 420 px wide: "apply for +" on one line, "¥5,000.00 limit" below
    expect(escAmounts("apply for +¥5,000.00 limit <b>")).toBe(
      'apply for <span class="nw">+¥5,000.00</span> limit &lt;b&gt;',
    );
    expect(escAmounts("repay −¥1,200 then ¥30")).toBe(
      'repay <span class="nw">−¥1,200</span> then <span class="nw">¥30</span>',
    );
    expect(whatifPage().html).toContain('#16 apply for <span class="nw">+¥5,000.00</span> limit');
    expect(runPage().html).toContain('apply for <span class="nw">+¥3,000.00</span> limit');
  });

  it("the what-if page names the line of each decision when the runs involve Jiebei, as the text does", () => {
    const file = join(ROOT, "test/fixtures/scenarios/hold-over-jiebei-arrears.yaml");
    const base = baseVariant(loadScenario(file));
    const variant = applyEdit(base, flagToEdit(base, { flag: "remove", value: "8" }), "--remove 8");
    const [a, b] = [runVariant(base), runVariant(variant)];
    const html = whatifHtml(
      whatifView(
        { base: runView(a.loaded.scenario, a.trace), variant: runView(b.loaded.scenario, b.trace) },
        compareRuns(a, b),
        variant.notes,
      ),
      htmlAssets(),
    );
    expect(html).toMatch(/>Huabei suspended</);
    expect(html).toMatch(/>Jiebei suspended</);
    // Zhang Ming's runs have no Jiebei: no line is named
    expect(whatifPage().html).not.toMatch(/>Huabei (declined|suspended|restored)</);
  });

  it("escape helpers", () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(jsonForScript({ s: "</script>&\u2028" })).toBe('{"s":"\\u003c/script\\u003e\\u0026\\u2028"}');
    expect(scriptSource('a("</script>")')).toBe('a("<\\/script>")');
  });

  it("a golden-trace diff shows each step in its compact form: every number in view, labelled", async () => {
    const html = (await testPage()).html;
    const diff = html.slice(html.indexOf('<div class="diff">'));
    expect(diff).toMatch(
      /<div class="del">\s*\d+ {2}\d{4}-\d{2}-\d{2} {2}[^\n<]+\n +score \d+ · limit ¥[\d,.]+ · balance ¥[\d,.]+ · /,
    );
    expect(diff).not.toContain('class="cols"');
  });

  it("the checks chart counts a failed golden trace as a check beside the expectations, and says so", async () => {
    const html = (await testPage()).html;
    expect(html).toContain('"label":"golden trace failed"');
    // a matched golden trace is no bar: the axis does not say it is counted
    expect(html).toContain('"text":"expectations, and a golden trace that failed"');
  });

  it("a golden-trace diff has a key to what its colours, underline and @@ line mean", async () => {
    const html = (await testPage()).html;
    const after = html.slice(html.indexOf('<div class="diff">'));
    const key = /<div class="legend-row diff-legend">(.*?)<\/div>/.exec(after)?.[1] ?? "";
    // the key follows the diff it explains, one entry for each kind of line the diff draws
    expect(after.indexOf('class="legend-row diff-legend"')).toBeLessThan(after.indexOf("</section>"));
    for (const kind of ["del", "add", "chg", "ctx", "h"]) expect(key).toContain(`class="key ${kind}"`);
    expect(key).toContain("committed trace");
    expect(key).toContain("this run");
    for (const kind of ["del", "add", "chg", "ctx", "h"]) expect(STYLES).toContain(`.key.${kind}{`);
  });

  it("pair a golden-trace diff's removed and added lines side by side", () => {
    const rows = sideBySide(
      [
        "   day  date        event",
        "@@ golden line 3, now line 3 @@",
        "  same",
        "- old 1",
        "- old 2",
        "+ new 1",
        "  tail",
      ].join("\n"),
    );
    expect(rows.map((r) => [r.kind, r.left, r.right])).toEqual([
      ["head", " day  date        event", " day  date        event"],
      ["head", "@@ golden line 3, now line 3 @@", ""],
      ["context", "same", "same"],
      ["change", "old 1", "new 1"],
      ["change", "old 2", ""],
      ["context", "tail", "tail"],
    ]);
  });
});

describe("charts without colour", () => {
  const rgb = (colour: unknown): { lum: number; alpha: number } => {
    const text = String(colour);
    const hex = /^#([\da-f]{6})$/i.exec(text);
    const [r, g, b, a] = hex
      ? [0, 2, 4].map((i) => Number.parseInt(hex[1]!.slice(i, i + 2), 16)).concat(1)
      : /rgba?\(([^)]*)\)/.exec(text)![1]!.split(",").map(Number);
    // the luminance CSS's grayscale() keeps
    return { lum: 0.2126 * r! + 0.7152 * g! + 0.0722 * b!, alpha: a ?? 1 };
  };
  const grey = (colour: unknown) => rgb(colour).lum;

  // the test report's "held" and "golden trace failed" bars, green and orange, were one grey in a greyscale
  // print (and to a reader without colour vision); so were simulate's two arms, indigo and pink
  it("tells every two datasets of a bar chart apart in greyscale: one outlined, or lighter or darker", async () => {
    const pages = [await testPage(), simulatePage()];
    let pairs = 0;
    for (const page of pages) {
      const charts = JSON.parse(/id="report-data">([^<]*)</.exec(page.html)![1]!).charts as Array<{
        id: string;
        config: { type: string; data: { datasets: Array<Record<string, unknown>> } };
      }>;
      for (const chart of charts.filter((c) => c.config.type === "bar")) {
        const sets = chart.config.data.datasets;
        for (const [i, a] of sets.entries())
          for (const b of sets.slice(i + 1)) {
            pairs++;
            const [x, y] = [rgb(a.backgroundColor), rgb(b.backgroundColor)];
            const outlined = (v: { alpha: number }) => v.alpha < 0.5;
            expect(
              outlined(x) !== outlined(y) || Math.abs(x.lum - y.lum) >= 30,
              `${page.name} ${chart.id}: ${a.label} and ${b.label}`,
            ).toBe(true);
          }
      }
    }
    expect(pairs).toBeGreaterThanOrEqual(4);
  });

  // the run page of a scenario with both lines drew Jiebei's limit solid, as the score, and their fuchsia
  // and indigo were one grey (luminance 83): a greyscale print read two score lines
  it("tells every two lines of a run page's chart apart by their dash, and every two markers by shape or grey", () => {
    const pages = [runPage(), runTwoLinesPage(), whatifPage()];
    let lines = 0;
    for (const page of pages) {
      const charts = JSON.parse(/id="report-data">([^<]*)</.exec(page.html)![1]!).charts as Array<{
        id: string;
        config: { type: string; data: { datasets: Array<Record<string, unknown>> } };
      }>;
      for (const chart of charts.filter((c) => c.config.type === "line")) {
        const sets = chart.config.data.datasets;
        const drawn = sets.filter((d) => d.showLine !== false);
        const dashes = drawn.map((d) => JSON.stringify(d.borderDash ?? []));
        lines += drawn.length;
        expect(new Set(dashes).size, `${page.name} ${chart.id}: ${dashes.join(" ")}`).toBe(drawn.length);
        const markers = sets.filter((d) => d.showLine === false);
        const shape = (d: Record<string, unknown>) =>
          `${d.pointStyle} ${d.pointRotation ?? 0} ${d.backgroundColor === "#fff" ? "hollow" : "filled"}`;
        for (const [i, a] of markers.entries())
          for (const b of markers.slice(i + 1))
            expect(
              shape(a) !== shape(b) || Math.abs(grey(a.backgroundColor) - grey(b.backgroundColor)) >= 30,
              `${page.name} ${chart.id}: ${a.label} and ${b.label}`,
            ).toBe(true);
      }
    }
    expect(lines).toBeGreaterThanOrEqual(10);
  });
});

describe("test --reporter html", () => {
  it("shows a money check's amounts as the rest of the page shows money: ¥9,000.00, not 9000.00", async () => {
    const file = join(ROOT, "test/fixtures/test-command/money/money-checks.yaml");
    const run = await runTests([file], parseTestOptions({ snapshots: false }, {}), ROOT);
    const html = testHtml(run, assets);
    expect(html).toContain("✗ day 0: limit ¥12,000.00</h4>");
    expect(html).toMatch(/<td class="mono">¥12,000\.00<\/td><td class="mono fail">¥\d,\d{3}\.\d\d<\/td>/);
    expect(html).toContain(
      '<td class="mono">≥ ¥1,000.50 and ≤ ¥2,000.00</td><td class="mono fail">¥0.00</td>',
    );
    const failures = html.slice(html.indexOf('<div class="expectation">'), html.indexOf("All scenarios"));
    expect(failures).not.toMatch(/[^¥,\d]\d+\.\d\d\b/);
  });
});

describe("run --html", () => {
  it("a decision's card has the numbers compared and the rule that acted beside it, as the text trace does", () => {
    const html = runPage().html;
    expect(html).toMatch(
      /PAST_DUE_AT_REVIEW<\/span> [^<]+<span class="numbers">\(\d+ vs delinquentMinScore 680\)<\/span>/,
    );
    expect(html).toMatch(/<li class="also">also <span class="code">SCORE_BELOW_LIMIT_BAND<\/span>/);
    // the deprecated scenario seed is not shown as a fact of the run
    expect(html).not.toContain('<span class="fact-k">seed</span>');
  });

  it("customer service's steps keep 'day' with its number, as the terminal does", () => {
    // a closed line's answer, rendered 1280 wide, ended a line with "on 2025-01-10 (day" and began the next
    // with "375); repaying sooner is optional"
    const remedies = [...runPage().html.matchAll(/<li class="remedy">([^<]*)<\/li>/g)].map((m) => m[1]!);
    expect(remedies.some((r) => r.includes("(day&nbsp;319)"))).toBe(true);
    for (const r of remedies) expect(r).not.toMatch(/\bday \d/);
  });

  it("the chart ends where the 'score at the end' card does: time moved the score after the last step", () => {
    const { scenario: s } = loadScenario(join(ROOT, "scenarios", "zhang-ming.yaml"));
    const view = runView(s, simulate(s));
    const points = seriesOf(view);
    expect(points.at(-1)).toMatchObject({ day: 400, score: view.final.score });
    // Zhang Ming's last step (day 397) reads 761; the day-400 end, 776
    expect(view.steps.at(-1)!.score).not.toBe(view.final.score);
  });

  it("the balance card of a charged-off line says what was written off, as the text summary does", () => {
    const { scenario: s } = loadScenario(join(ROOT, "scenarios", "default-charge-off.yaml"));
    const html = runHtml(runView(s, simulate(s)), assets);
    const card =
      /<div class="stat-v">([^<]+)<\/div><div class="stat-k">balance<\/div><div class="stat-s">([^<]+)</.exec(
        html,
      );
    expect(card?.slice(1)).toEqual(["¥0.00", "charges paid or owed ¥179.00; written off ¥2,179.00"]);
  });

  it("list the decision markers in one order, and no two decisions share a marker", () => {
    const markersOf = (file: string) => {
      const { scenario: s } = loadScenario(join(ROOT, "scenarios", file));
      return markerDatasets(runView(s, simulate(s)));
    };
    const twoLines = markersOf("two-lines.yaml");
    // the vocabulary's order, not the order of first appearance (limit_reduced came before the decline):
    // what-if's two charts side by side list their decisions alike, in words
    expect(twoLines.map((d) => d.label)).toEqual([
      "approved",
      "declined",
      "suspended",
      "limit reduced",
      "restored",
      "info",
      "overdue",
    ]);
    const look = (d: Dataset) => `${d.pointStyle} ${d.pointRotation ?? 0} ${d.backgroundColor}`;
    const lower = markersOf("first-credit.yaml").find((d) => d.label === "approved lower")!;
    const reduced = twoLines.find((d) => d.label === "limit reduced")!;
    expect(look(lower)).not.toBe(look(reduced));
    // day 0's approval sits on the chart's left edge: markers are drawn whole there, not cut in half
    for (const d of twoLines) expect(d.clip, d.label).toBe(false);
  });

  it("a marker's tooltip gives the limit and balance of the line its decision is about, named", () => {
    const { scenario: s } = loadScenario(join(ROOT, "scenarios", "two-lines.yaml"));
    const trace = simulate(s);
    const notes = (label: string) => markerDatasets(runView(s, trace)).find((d) => d.label === label)!.notes!;
    const suspended = trace.steps.find((x) => x.decision === "suspended")!;
    expect(suspended.line).toBe("jiebei");
    // day 105: Jiebei suspended, its limit cut to ¥16,800.00 (Huabei's was ¥5,600.00, its balance ¥0.00)
    expect(notes("suspended")[0]!.at(-1)).toBe(
      `score ${suspended.score}, Jiebei limit ${yuanText(suspended.jiebei.limit / 100)}, balance ${yuanText(suspended.jiebei.balance / 100)}`,
    );
    expect(notes("limit reduced")[0]!.at(-1)).toMatch(/^score \d+, Huabei limit ¥5,600\.00, balance /);
  });

  it("tells each line of a two-line chart from the score by its hue, not by a shade of the same one", () => {
    // Jiebei's limit was violet beside the score's indigo (19° apart): cut to a level the score then held,
    // it read as a second score line
    const { scenario: s } = loadScenario(join(ROOT, "scenarios", "two-lines.yaml"));
    const markers = new Set(markerDatasets(runView(s, simulate(s))).map((d) => d.label));
    const lines = timelineChart("t", runView(s, simulate(s))).config.data.datasets.filter(
      (d) => !markers.has(d.label),
    );
    expect(lines.map((d) => d.label)).toEqual([
      "score",
      "Huabei limit",
      "Huabei balance",
      "Jiebei limit",
      "Jiebei balance",
    ]);
    const hue = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [
        number,
        number,
        number,
      ];
      const max = Math.max(r, g, b);
      const range = max - Math.min(r, g, b);
      const h = max === r ? (g - b) / range : max === g ? 2 + (b - r) / range : 4 + (r - g) / range;
      return (h * 60 + 360) % 360;
    };
    const apart = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));
    const score = hue(String(lines[0]!.borderColor));
    for (const d of lines.slice(1))
      expect(apart(hue(String(d.borderColor)), score), `${d.label} ${d.borderColor}`).toBeGreaterThanOrEqual(
        30,
      );
  });

  it("a suspension ends when the lender closes the line: its days and its shading stop there", () => {
    const text = [
      "name: closed while suspended",
      "until: 200",
      "profile: { age: 30, monthlyIncome: 8000, verified: true, creditHistoryMonths: 36 }",
      "events:",
      "  - { day: 0, type: apply, product: open, amount: 5000 }",
      "  - { day: 1, type: purchase, amount: 1000 }",
      "  - { day: 2, type: policy, set: { suspendOverdueDays: 5, closeAfterSuspendedDays: 60, restoreScore: 950 } }",
    ].join("\n");
    const { scenario } = loadScenarioText(text, "closed.yaml");
    const trace = simulate(scenario);
    const on = (d: string) => trace.steps.find((s) => s.decision === d)!.day;
    const [suspended, closed] = [on("suspended"), on("closed")];
    expect(closed).toBeGreaterThan(suspended);
    const html = runHtml(runView(scenario, trace), assets);
    // the closed months after it are no suspension (they read 155 days suspended, to the run's end)
    expect(html).toContain(`${closed - suspended} days suspended`);
    expect(html).toContain("Shaded: suspended or closed. Decisions shown");
    const bands = JSON.stringify(dataOf(html));
    expect(bands).toContain('"suspended (credit)"');
    expect(bands).toContain('"closed (credit)"');
  });

  it("counts a day both lines were suspended once, and a line still suspended after the other's write-off", () => {
    // Huabei and Jiebei suspended on day 100 for the same overdue; Jiebei charged off on day 250, Huabei
    // closed on day 288: 188 days with a line suspended (the card read 338, 188 + 150, in a 420-day story)
    const { scenario } = loadScenario(
      join(ROOT, "test/fixtures/scenarios/jiebei-defaulted-huabei-paid.yaml"),
    );
    const trace = simulate(scenario);
    const on = (d: string, line: string | null) =>
      trace.steps.find((s) => s.decision === d && (s.line ?? "huabei") === line)!.day;
    expect([on("suspended", "huabei"), on("suspended", "jiebei")]).toEqual([100, 100]);
    expect([on("charged_off", "jiebei"), on("closed", "huabei")]).toEqual([250, 288]);
    const html = runHtml(runView(scenario, trace), assets);
    expect(html).toContain(">188 days suspended<");
    // the closure and the write-off are shaded as the suspensions are, and the chart's note says so
    expect(html).toContain("Shaded: suspended, closed or charged off. Decisions shown");
    // a story never suspended nor closed shades nothing, and says nothing of it
    const { scenario: good } = loadScenario(join(ROOT, "scenarios/good-customer.yaml"));
    expect(runHtml(runView(good, simulate(good)), assets)).not.toContain("Shaded:");
  });

  it("a Jiebei application refused before Jiebei ever opened shows Jiebei's standing, not Huabei's", () => {
    const text = [
      "name: jiebei refused",
      "until: 30",
      "events:",
      "  - { day: 0, type: apply, product: open, amount: 5000 }",
      "  - { day: 10, type: apply, product: open, line: jiebei, amount: 5000 }",
    ].join("\n");
    const { scenario } = loadScenarioText(text, "jiebei.yaml");
    const html = runHtml(runView(scenario, simulate(scenario)), assets);
    const item = html.slice(html.indexOf("day 10 ·"));
    const head = item.slice(0, item.indexOf("</div>"));
    // it read "limit ¥5,000.00 · active": Huabei's line, unnamed, beside a Jiebei decline
    expect(head).toContain("Jiebei limit ¥0.00 · ");
    expect(head).not.toContain("¥5,000.00");
  });

  it("the chart's note counts every marker it draws: decisions, and customer service's answers apart", () => {
    const html = runPage().html;
    expect(html).toContain(
      "Decisions shown: 2 approved, 5 declined, 1 suspended, 1 restored, and 2 answers (info)",
    );
  });

  it("the table of every step says whose limit and balance it shows when there are two lines", () => {
    const heads = (html: string) => {
      const table = html.slice(html.indexOf("Show all"));
      return [...table.slice(0, table.indexOf("</thead>")).matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map(
        (m) => m[1],
      );
    };
    expect(heads(runPage().html).slice(-3)).toEqual(["limit", "balance", "status"]);
    const html = runTwoLinesPage().html;
    expect(heads(html).slice(-5)).toEqual([
      "Huabei limit",
      "Huabei balance",
      "Huabei status",
      "Jiebei limit",
      "Jiebei balance",
    ]);
    // the ¥45,000 Jiebei loan shows on Jiebei's balance, not as Huabei's ¥0.00 alone
    expect(html).toMatch(
      /borrow <span class="nw">¥45,000\.00<\/span> on Jiebei[^<]*<\/td>(<td[^>]*>.*?<\/td>){7}<td class="num">¥45,000\.00<\/td><\/tr>/,
    );
  });

  it("a money line's tooltip reads as the tables print it, in fen: ¥3,405.10, not the page script's ¥3,405", () => {
    const datasets = (html: string) =>
      (dataOf(html) as unknown as { charts: Array<{ config: { data: { datasets: Dataset[] } } }> }).charts[0]!
        .config.data.datasets;
    for (const page of [runPage(), runTwoLinesPage()]) {
      const money = datasets(page.html).filter((d) => d.yAxisID === "y1");
      expect(money.length).toBeGreaterThanOrEqual(2);
      for (const d of money)
        expect(d.texts, d.label).toEqual(d.data.map((p) => yuanText((p as { y: number }).y)));
    }
    // Zhang Ming's first overdue balance has fen, as the table's row for it shows
    const html = runPage().html;
    expect(html).toContain('<td class="num">¥3,405.10</td>');
    expect(datasets(html).find((d) => d.label === "balance")!.texts).toContain("¥3,405.10");
  });

  it("the story list has the overdues and the arrears repayment that led to the decisions, not only decisions", () => {
    const html = runPage().html;
    const story = /<ol class="timeline">(.*?)<\/ol>/s.exec(html)![1]!;
    const days = [...story.matchAll(/<div class="when">day (\d+) /g)].map((m) => Number(m[1]));
    // Zhang Ming: overdue on days 195 and 226, suspended on 227, the arrears repaid on 229
    expect(days).toEqual(expect.arrayContaining([195, 226, 227, 229]));
    expect(days).toEqual([...days].sort((a, b) => a - b));
    // approved purchases that moved the score a little are not turning points
    expect(days).not.toContain(5);
  });
});

describe("simulate --html with a challenger", () => {
  it("has the text report's risk figures per arm, and every rate of accounts in % and pp, marked when it moved", () => {
    const html = simulatePage().html;
    for (const arm of ["default", "tightened"]) expect(html).toContain(`Risk under ${arm}`);
    // the money section says what the text report says, the balances owed at the end included — the amount
    // beside its label, as every other item's ('…, written-off debt included ¥1,326,615.19' read as the
    // amount written off)
    expect(html).toMatch(/balances owed at the end ¥[\d,]+\.\d\d, written-off debt included</);
    for (const column of ["bad", "loss", "revenue", "profit", "Gini", "KS"])
      expect(html).toContain(`<th class="num">${column}</th>`);
    const bad =
      /<td>bad \(share of all accounts\)<\/td><td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td>/.exec(
        html,
      );
    expect(bad).not.toBeNull();
    expect(bad![1]).toMatch(/ %$/);
    expect(bad![3]).toMatch(/ pp$/);
    expect(bad![4]).toMatch(/^\[−?[\d.]+, −?[\d.]+\] pp( \*)?$/);
    // a negative bound reads with a minus sign, never a hyphen
    expect(html).not.toMatch(/<td class="num">\[-\d/);
  });

  it("has what the text report ends with for each policy: the money on Huabei and the score drift (PSI)", () => {
    const html = simulatePage().html;
    const money = [...html.matchAll(/<h2>Money on Huabei \(([^)]+)\)<\/h2>/g)].map((m) => m[1]);
    expect(money).toEqual(["default", "tightened"]);
    const scores = html.slice(
      html.indexOf("<h2>Score distribution at the end</h2>"),
      html.indexOf('id="scores"'),
    );
    expect(scores).toMatch(
      /PSI of the end score, tightened against default: \d\.\d\d of all [\d,]+ accounts; \d\.\d\d of the booked \([\d,]+ under default, [\d,]+ under tightened\) \(population stability index: under 0\.1 stable, over 0\.25 a different population\)\./,
    );
  });

  it("tells the two arms' score bars apart without colour: one filled, one outlined, the legend's marks too", () => {
    // they differed only by hue (indigo and pink), which a greyscale print or a colour-blind reader loses
    const html = simulatePage().html;
    const charts = JSON.parse(/id="report-data">([^<]*)</.exec(html)![1]!).charts as Array<{
      id: string;
      config: { data: { datasets: Array<Record<string, unknown>> } };
    }>;
    const [champion, challenger] = charts.find((c) => c.id === "scores")!.config.data.datasets;
    expect(champion!.label).toBe("default");
    expect(challenger!.label).toBe("tightened");
    const alpha = (colour: unknown) => Number(/rgba\([^)]*, ([\d.]+)\)/.exec(String(colour))?.[1] ?? 1);
    expect(alpha(champion!.backgroundColor)).toBe(1);
    expect(alpha(challenger!.backgroundColor)).toBeLessThan(0.3);
    expect(challenger!.borderWidth).toBeGreaterThanOrEqual(2);
    // the legend draws each dataset's own mark: a square, filled or outlined as its bars
    expect([champion!.pointStyle, challenger!.pointStyle]).toEqual(["rect", "rect"]);
    // and the words say so, under the chart
    const note = html.slice(
      html.indexOf("<h2>Score distribution at the end</h2>"),
      html.indexOf('id="scores"'),
    );
    expect(note).toContain("default: filled bars; tightened: outlined bars");
  });

  it("explains ~ wherever it marks a rate: beside the cards and in each section that shows one", () => {
    const html = simulatePage(40).html;
    const body = html.slice(html.indexOf('<div class="stats">'));
    // the cards, then each section on its own: a part showing a ~ says what it means
    const parts = [body.slice(0, body.indexOf("<section")), ...body.split("<section").slice(1)];
    const marked = parts.filter((p) => /~<\/(td|div)>/.test(p));
    expect(marked.length).toBeGreaterThan(3);
    const unexplained = marked.filter(
      (p) => !/<p class="note"[^>]*>[^<]*~:/.test(p) && !p.includes("~ on fewer"),
    );
    expect(unexplained.map((p) => /<h2>([^<]+)/.exec(p)?.[1] ?? "the cards")).toEqual([]);
  });

  it("says its flip groups count every account decided otherwise, its outcome flipped or not: here more than the flips", () => {
    const html = simulatePage().html;
    const count = (re: RegExp) => Number(re.exec(html)![1]!.replaceAll(",", ""));
    // a lower first limit, a declined increase: decided otherwise, and the same status at the end
    expect(count(/([\d,]+) accounts decided otherwise/)).toBeGreaterThan(
      count(/Accounts whose outcome flips: ([\d,]+)/),
    );
    const why = html.slice(html.indexOf("<h2>Why: the first decision"));
    expect(/<p class="note"[^>]*>([^<]*)/.exec(why)![1]).toContain(
      "Each account whose decisions differ is counted once, its outcome flipped or not (so, often, more accounts than the flips above),",
    );
  });

  it("reads the charges per account as every other amount: thousands separated (¥1,234.50, not ¥1234.50)", () => {
    expect(yuanText(1234.5)).toBe("¥1,234.50");
    expect(yuanText(-1234567.891)).toBe("−¥1,234,567.89");
    const html = simulatePage().html;
    const table = html.slice(
      html.indexOf("Outcomes under default"),
      html.indexOf("Outcomes under tightened"),
    );
    // the charges, then the overdue at end, close each row
    const charges = [
      ...table.matchAll(/<td class="num">([^<]*)<\/td><td class="num[^"]*">(?:(?!<\/td>).)*<\/td><\/tr>/g),
    ].map((m) => m[1]);
    expect(charges.length).toBeGreaterThan(2);
    for (const c of charges) expect(c).toMatch(/^¥\d{1,3}(,\d{3})*\.\d\d$/);
  });

  it("names each portfolio table by its policy, and the chart under them has a heading and a month-end axis", () => {
    const html = simulatePage().html;
    // the vintages follow the portfolio, each table named by its policy as well
    const section = html.slice(html.indexOf("<h2>Portfolio under"), html.indexOf("<h2>Vintages under"));
    const vintages = html.slice(html.indexOf("<h2>Vintages under"), html.indexOf("<h2>Champion"));
    // a challenger from day 90 ran default until then: its tables say so
    const later = "tightened from day 90 (default before)";
    expect([...vintages.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1])).toEqual(["default", later]);
    const headings = [...section.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      "default",
      later,
      "Share of the book 30+ and 90+ days past due, at each month end",
    ]);
    expect(section.indexOf("at each month end</h3>")).toBeLessThan(section.indexOf('id="delinquency"'));
    const chart = JSON.parse(/id="report-data">([^<]*)</.exec(html)![1]!).charts.find(
      (c: { id: string }) => c.id === "delinquency",
    );
    expect(chart.config.options.scales.x.title).toEqual({
      display: true,
      text: "date (each point a month end)",
    });
    // the median score's x axis says what a point is too (it had no title)
    const median = JSON.parse(/id="report-data">([^<]*)</.exec(html)![1]!).charts.find(
      (c: { id: string }) => c.id === "median",
    );
    expect(median.config.options.scales.x.title).toEqual({
      display: true,
      text: "date (a point every 30 days)",
    });
  });

  it("reads a difference of money in yuan, as the text report does (−¥937.57, not −937.57)", () => {
    const html = simulatePage().html;
    for (const metric of ["final limit", "revenue"]) {
      const row = new RegExp(
        `<td>${metric} \\(mean, yuan\\)</td><td class="num">[^<]+</td><td class="num">[^<]+</td><td class="num">([^<]+)</td><td class="num">([^<]+)</td>`,
      ).exec(html);
      expect(row, metric).not.toBeNull();
      expect(row![1]).toMatch(/^[+−]¥[\d,]+\.\d\d$/);
      expect(row![2]).toMatch(/^\[−?¥[\d,]+\.\d\d, −?¥[\d,]+\.\d\d\]( \*)?$/);
    }
  });

  it("labels the interval chart's axis in percentage points, the unit its title names, not %", async () => {
    const { intervalChart } = await import("../../src/render/html/simulate-charts.js");
    const spec = intervalChart([
      { metric: "approvalRate", champion: 0.99, challenger: 0.89, difference: -0.1, ci95: [-0.13, -0.07] },
    ]);
    expect(spec.units).toEqual({ x: "pp" });
    expect(spec.config.data.datasets[0]?.unit).toBe("pp");
  });

  it("draws the bad rate's change among the intervals: whether the challenger is safer, with its interval", async () => {
    const { intervalChart } = await import("../../src/render/html/simulate-charts.js");
    const spec = intervalChart([
      { metric: "suspended", champion: 0.2, challenger: 0.5, difference: 0.3, ci95: [0.25, 0.35] },
      { metric: "bad", champion: 0.0967, challenger: 0.0867, difference: -0.01, ci95: [-0.0229, 0.003] },
    ]);
    expect(spec.config.data.labels).toEqual(["suspended (any cause)", "bad (share of all accounts)"]);
    expect(spec.config.data.datasets[0]?.data).toEqual([
      [25, 35],
      [-2.29, 0.3],
    ]);
  });

  it("draws no bar for a rate without an interval (no accounts): not a bar at 0", async () => {
    const { intervalChart } = await import("../../src/render/html/simulate-charts.js");
    const spec = intervalChart([
      { metric: "opened", champion: 0.99, challenger: 0.89, difference: -0.1, ci95: [-0.5, -0.25] },
      { metric: "suspended", champion: 0, challenger: 0, difference: 0, ci95: null },
    ]);
    expect(spec.config.data.datasets[0]?.data).toEqual([[-50, -25], null]);
  });
});

describe("a rate in a chart's tooltip", () => {
  // the page's data: what the page script draws and puts in its tooltips
  const charts = (html: string) =>
    JSON.parse(/id="report-data">([^<]*)</.exec(html)![1]!).charts as Array<{
      id: string;
      config: { data: { datasets: Array<{ label: string; texts?: string[]; notes?: string[][] }> } };
    }>;
  const chart = (html: string, id: string) => charts(html).find((c) => c.id === id)!.config.data.datasets;

  it("reads as the tables print it: the book past due to two decimals, the intervals as the differences", () => {
    const html = simulatePage().html;
    // the last month end is the portfolio table's book
    const portfolio = html.slice(html.indexOf("<h2>Portfolio under default"));
    const row =
      /<td>all accounts<\/td><td class="num">[^<]+<\/td><td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td>/.exec(
        portfolio,
      )!;
    const [dpd30, dpd90] = chart(html, "delinquency");
    expect(dpd30!.label).toBe("30+ (default)");
    expect([dpd30!.texts!.at(-1), dpd90!.texts!.at(-1)]).toEqual([row[1], row[2]]);
    for (const t of [...dpd30!.texts!, ...dpd90!.texts!]) expect(t).toMatch(/^\d+\.\d\d %$/);
    // each interval bar's tooltip is its row's interval in the table of differences
    const [bars] = chart(html, "intervals");
    const labels = charts(html).find((c) => c.id === "intervals")!.config as unknown as {
      data: { labels: string[] };
    };
    expect(bars!.texts!.length).toBe(labels.data.labels.length);
    labels.data.labels.forEach((label, i) => {
      const cells = new RegExp(
        `<td>${label.replace(/[()]/g, "\\$&")}</td>(?:<td class="num">[^<]*</td>){3}<td class="num">([^<]*?)(?: \\*)?</td>`,
      ).exec(html);
      expect(cells, label).not.toBeNull();
      expect(bars!.texts![i]).toBe(cells![1]);
    });
  });

  it("a sweep's frontier point gives the variant's rates as the table of variants prints them", async () => {
    const html = (await sweepPage()).html;
    const variants = html.slice(html.indexOf("<h2>Variants of the sweep"));
    // the variants' rows (not the base's): approved, then bad — past Huabei's own approval rate, which a
    // minOpenScore sweep adds where Jiebei books some Huabei declines
    const line = variants.includes('<th class="num">Huabei approved</th>')
      ? '<td class="num">([^<]+)</td>'
      : "()";
    const rows = [
      ...variants.matchAll(
        new RegExp(
          `<td class="num">(\\d+)</td><td>[^<]*</td><td class="num">([^<]+)</td>${line}<td class="num">([^<]+)</td>`,
          "g",
        ),
      ),
    ];
    expect(rows.length).toBeGreaterThan(1);
    const points = chart(html, "frontier").flatMap((d) =>
      d.notes!.map((n, i) => ({ title: (d as unknown as { titles: string[] }).titles[i]!, n })),
    );
    // a minOpenScore sweep charts Huabei's own approval (the line the parameter is the own of), as its
    // column prints it, or as both lines' column does where Huabei's adds none
    for (const [, id, approved, huabei, bad] of rows) {
      const p = points.find((q) => q.title.startsWith(`#${id} `))!;
      expect(p.n).toEqual([`bad rate: ${bad}`, `Huabei approval rate: ${huabei || approved}`]);
    }
  });

  it("names each frontier point on the chart by its variant's number: a printed page has no hover", async () => {
    const sets = chart((await sweepPage()).html, "frontier") as unknown as Array<{
      titles: string[];
      marks: string[];
    }>;
    const named = sets.flatMap((d) => d.titles.map((t, i) => [t, d.marks[i]]));
    expect(named.length).toBeGreaterThan(1);
    for (const [title, mark] of named) expect(title!.startsWith(`${mark} `), `${title} ${mark}`).toBe(true);
    expect(CLIENT_SCRIPT).toMatch(/plugins: \[spans, marks(, \w+)*\]/);
  });
});

describe("two policies' lines on one chart", () => {
  const datasets = (html: string) =>
    (
      JSON.parse(/id="report-data">([^<]*)</.exec(html)![1]!).charts as Array<{
        id: string;
        config: { data: { datasets: Array<{ label: string; borderDash?: number[]; order?: number }> } };
      }>
    ).map((c) => ({ id: c.id, lines: c.config.data.datasets }));

  it("draws the dashed line (a challenger, a what-if's variant) over the solid one, so it shows where they agree", () => {
    // Chart.js draws the first dataset on top: where both arms' median scores agreed all year, the dashed
    // challenger lay wholly under the champion's line and the page showed one line with two in its legend.
    // The charts of two policies or two runs (a run's own timeline dashes a line of that one run):
    const charts = [...datasets(simulatePage().html), ...datasets(whatifPage().html)].filter((c) =>
      ["median", "delinquency", "overlay"].includes(c.id),
    );
    expect(charts).toHaveLength(3);
    for (const { id, lines } of charts) {
      const solid = Math.min(...lines.filter((l) => !l.borderDash).map((l) => l.order ?? 0));
      for (const l of lines.filter((l) => l.borderDash))
        expect(l.order ?? 0, `${id}: ${l.label}`).toBeLessThan(solid);
    }
  });
});

describe("simulate --html with a sweep", () => {
  it("draws the frontier and lists every variant, dominated ones marked", async () => {
    const html = (await sweepPage()).html;
    expect(html).toContain("Huabei approval rate against bad rate");
    expect(html).toContain("Variants of the sweep");
    // the headline says it is a sweep, of what
    expect(html).toMatch(/<h1>Sweep of minOpenScore on default: \d+ variants<\/h1>/);
    for (const v of [700, 750, 800]) expect(html).toContain(`minOpenScore=${v}`);
    expect(html).toContain('"id":"frontier"');
    expect(html).toMatch(/<td>dominated<\/td>/);
  });

  it("heads every column of the variants table: the column marking dominated variants is named", async () => {
    // its header cell was empty: a reader saw "dominated" under no heading, beside the PSI figures
    const html = (await sweepPage()).html;
    const table = /<h2[^>]*>Variants of the sweep<\/h2>[\s\S]*?<thead><tr>([\s\S]*?)<\/tr><\/thead>/.exec(
      html,
    );
    expect(table).not.toBeNull();
    const heads = [...table![1]!.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(heads.length).toBeGreaterThan(3);
    expect(heads.filter((h) => h!.trim() === "")).toEqual([]);
    expect(heads.at(-1)).toBe("frontier");
  });

  it("an axis of equal rates starts at 0: no negative bad rate when every variant's is 0 %", async () => {
    const { frontierChart } = await import("../../src/render/html/simulate-charts.js");
    const axes = (xs: number[]) => {
      const spec = frontierChart({
        title: "t",
        x: { label: "bad rate", unit: "percent" },
        y: { label: "approval rate", unit: "percent" },
        points: xs.map((x, i) => ({ label: `#${i}`, x, y: 50 + i, chosen: true })),
      });
      return (spec.config.options as { scales: Record<string, { min?: number }> }).scales;
    };
    expect(axes([0, 0, 0]).x!.min).toBe(0);
    expect(axes([0, 0, 0]).y!.min).toBeUndefined();
    expect(axes([1.2, 1.8]).x!.min).toBeUndefined();
  });

  it("the line joins the variants no other dominates, in bad-rate order; dominated ones stand apart", async () => {
    const { frontierChart } = await import("../../src/render/html/simulate-charts.js");
    const spec = frontierChart({
      title: "t",
      x: { label: "bad rate", unit: "percent" },
      y: { label: "approval rate", unit: "percent" },
      points: [
        { label: "#1", x: 2.0, y: 80, chosen: true },
        { label: "#2", x: 1.5, y: 60, chosen: false },
        { label: "#3", x: 1.0, y: 70, chosen: true },
        { label: "#4", x: 0.5, y: 40, chosen: true },
      ],
    });
    const sets = spec.config.data.datasets as unknown as Array<{
      label: string;
      showLine: boolean;
      data: Array<{ x: number; y: number }>;
      titles: string[];
    }>;
    const line = sets.find((d) => d.showLine)!;
    expect(line.titles).toEqual(["#4", "#3", "#1"]);
    expect(line.data.map((p) => p.x)).toEqual([0.5, 1.0, 2.0]);
    const apart = sets.find((d) => !d.showLine)!;
    expect(apart.titles).toEqual(["#2"]);
    expect(apart.label).toMatch(/dominated/);
  });

  it("a frontier point's tooltip gives its rates in %, and the point grows when hovered", async () => {
    const { frontierChart } = await import("../../src/render/html/simulate-charts.js");
    const spec = frontierChart({
      title: "t",
      x: { label: "bad rate", unit: "percent" },
      y: { label: "approval rate", unit: "percent" },
      points: [{ label: "#1", x: 0.29, y: 17.45, chosen: true }],
    });
    const [set] = spec.config.data.datasets as unknown as Array<{
      notes: string[][];
      pointRadius: number[];
      pointHoverRadius: number[];
    }>;
    expect(set!.notes[0]).toEqual(["bad rate: 0.29 %", "approval rate: 17.45 %"]);
    expect(set!.pointHoverRadius[0]).toBeGreaterThan(set!.pointRadius[0]!);
  });
});

describe("the page script's dates", () => {
  // the script's own date function, run here as the browser runs it (plain functions, no DOM)
  const source = (name: string) => {
    // a one-line function, or one that ends on its own closing line
    const m =
      CLIENT_SCRIPT.match(new RegExp(`\\n  function ${name}\\([^\\n]*}\\n`)) ??
      CLIENT_SCRIPT.match(new RegExp(`\\n  function ${name}\\([\\s\\S]*?\\n  }\\n`));
    if (m === null) throw new Error(`no function ${name} in the page script`);
    return m[0];
  };
  const dateOf = new Function(`${source("pad")}${source("dateOf")}return dateOf;`)() as (
    start: string,
    day: number,
  ) => string;

  it("hover shows every decision marker drawn where the nearest is, not the nearest alone", () => {
    // two-lines.yaml's day 105: Jiebei suspended and Huabei's limit cut, one score, one spot — the
    // tooltip named the suspension only, and nothing on the chart showed the cut
    const nearest = new Function(`${source("nearestMarkers")}return nearestMarkers;`)() as (
      items: Array<{ element: { x: number; y: number }; datasetIndex: number; index: number }>,
      x: number,
      y: number,
    ) => Array<{ datasetIndex: number; index: number }>;
    const at = (x: number, y: number, datasetIndex: number) => ({
      element: { x, y },
      datasetIndex,
      index: 0,
    });
    const items = [at(100, 50, 0), at(100, 50, 1), at(130, 50, 2), at(100.5, 50.5, 3)];
    expect(nearest(items, 101, 52).map((i) => i.datasetIndex)).toEqual([0, 1, 3]);
    expect(nearest(items, 128, 50).map((i) => i.datasetIndex)).toEqual([2]);
    // far from every marker: none
    expect(nearest(items, 400, 300)).toEqual([]);
  });

  it("names points drawn on one pixel once, their marks joined, as the terminal's frontier says so", () => {
    const groups = new Function(`${source("markGroups")}return markGroups;`)() as (
      points: Array<{ x: number; y: number; mark: string }>,
    ) => Array<{ x: number; y: number; text: string }>;
    expect(
      groups([
        { x: 100.2, y: 40, mark: "#1" },
        { x: 300, y: 80, mark: "#3" },
        { x: 99.9, y: 40.1, mark: "#2" },
      ]),
    ).toEqual([
      { x: 100.2, y: 40, text: "#1, #2" },
      { x: 300, y: 80, text: "#3" },
    ]);
  });

  it("names points closer than a mark's height once too: two labels there printed over each other", () => {
    // a sweep's 99.33 % and 97.67 % approval at one bad rate, 3 px apart on a 0–100 % axis: '#1' over '#2'
    const groups = new Function(`${source("markGroups")}return markGroups;`)() as (
      points: Array<{ x: number; y: number; mark: string }>,
    ) => Array<{ x: number; y: number; text: string }>;
    expect(
      groups([
        { x: 400, y: 20, mark: "#1" },
        { x: 400, y: 23.3, mark: "#2" },
        { x: 408, y: 31, mark: "#3" },
        { x: 400, y: 40, mark: "#4" },
        { x: 430, y: 20, mark: "#5" },
      ]).map((g) => g.text),
    ).toEqual(["#1, #2, #3", "#4", "#5"]);
  });

  it("places each point's label where it crosses no label placed before it", () => {
    // "#1, #2, #3" (about 55 px) beside a point 30 px left of "#5": both were drawn on one baseline, the
    // second over the first
    const place = new Function(`${source("placeMarks")}return placeMarks;`)() as (
      groups: Array<{ x: number; y: number; text: string }>,
      widthOf: (text: string) => number,
      area: { top: number; right: number; bottom?: number },
    ) => Array<{ text: string; left: number; right: number; y: number }>;
    const labels = place(
      [
        { x: 400, y: 120, text: "#1, #2, #3" },
        { x: 400, y: 140, text: "#4" },
        { x: 430, y: 120, text: "#5" },
      ],
      (text) => text.length * 5.5,
      { top: 10, right: 900, bottom: 300 },
    );
    for (const [i, a] of labels.entries())
      for (const b of labels.slice(i + 1)) {
        const apart = a.right + 4 <= b.left || b.right + 4 <= a.left || Math.abs(a.y - b.y) >= 13;
        expect(apart, `${a.text} and ${b.text}`).toBe(true);
      }
    // the first keeps its place beside its point
    expect(labels[0]).toMatchObject({ left: 410, y: 114 });
    // near the top, a label moved off another stays within the plot
    const top = place(
      [400, 404, 408, 412, 416].map((x, i) => ({ x, y: 15, text: `#${i + 1}, #${i + 6}` })),
      (text) => text.length * 5.5,
      { top: 10, right: 900, bottom: 300 },
    );
    for (const l of top) expect(l.y - 11, l.text).toBeGreaterThanOrEqual(10);
  });

  it("opens every shut fold for a print and shuts them again after it", () => {
    // ::details-content (the print style's) reaches a fold's content in Chromium 131+ alone: Firefox and
    // Safari printed a shut "Every step" shut
    const open = new Function(`${source("printFoldsOpen")}return printFoldsOpen;`)() as (
      win: { addEventListener: (type: string, f: () => void) => void },
      doc: { querySelectorAll: (selector: string) => Array<{ open: boolean }> },
    ) => void;
    const listeners = new Map<string, () => void>();
    const folds = [{ open: false }, { open: false }];
    // a fold the reader had open
    const opened = { open: true };
    const all = [...folds, opened];
    open(
      { addEventListener: (type, f) => listeners.set(type, f) },
      {
        querySelectorAll: (selector) =>
          selector === "details:not([open])" ? all.filter((f) => !f.open) : all,
      },
    );
    listeners.get("beforeprint")!();
    expect(all.map((f) => f.open)).toEqual([true, true, true]);
    listeners.get("afterprint")!();
    expect(folds.map((f) => f.open)).toEqual([false, false]);
    // stays open
    expect(opened.open).toBe(true);
  });

  it("a percent axis labels its ticks with the decimals their step needs: no two ticks read the same", () => {
    const tickLabels = new Function(
      `${source("group")}${source("fmt")}${source("tickDecimals")}` +
        `return (values) => { const ticks = values.map((value) => ({ value })); return values.map((v) => fmt("percent", v, tickDecimals(ticks))); };`,
    )() as (values: number[]) => string[];
    // a sweep's bad rates 0.13 %–0.41 %: Chart.js ticks every 0.05 pp, once labelled 0.1, 0.2, 0.2, 0.3, 0.3 …
    expect(tickLabels([0.1, 0.15, 0.2, 0.25, 0.3])).toEqual([
      "0.10 %",
      "0.15 %",
      "0.20 %",
      "0.25 %",
      "0.30 %",
    ]);
    expect(tickLabels([0, 10, 20])).toEqual(["0.0 %", "10.0 %", "20.0 %"]);
    expect(tickLabels([0, 0.2, 0.4])).toEqual(["0.0 %", "0.2 %", "0.4 %"]);
  });

  it("a percentage-point axis reads in pp, negative values with a minus sign", () => {
    const tickLabels = new Function(
      `${source("group")}${source("fmt")}${source("tickDecimals")}` +
        `return (values) => { const ticks = values.map((value) => ({ value })); return values.map((v) => fmt("pp", v, tickDecimals(ticks))); };`,
    )() as (values: number[]) => string[];
    expect(tickLabels([-4, -2, 0, 2])).toEqual(["−4.0 pp", "−2.0 pp", "0.0 pp", "2.0 pp"]);
    // a value that rounds to zero shows no sign: −0.01 at one decimal is "0.0 pp", not "−0.0 pp"
    const oneDecimal = new Function(`${source("group")}${source("fmt")}return (v) => fmt("pp", v, 1);`)() as (
      v: number,
    ) => string;
    expect([-0.01, -0.06, 0.5].map(oneDecimal)).toEqual(["0.0 pp", "−0.1 pp", "0.5 pp"]);
  });

  it("counts days across months and leap days, and keeps years before 100 as they are", () => {
    expect(dateOf("2024-01-01", 59)).toBe("2024-02-29");
    expect(dateOf("2024-12-31", 1)).toBe("2025-01-01");
    // Date.UTC would have read the year 50 as 1950
    expect(dateOf("0050-01-01", 0)).toBe("0050-01-01");
    expect(dateOf("0000-12-31", 1)).toBe("0001-01-01");
    expect(dateOf("9999-12-31", 1)).toBe("10000-01-01");
  });
});

describe("scroll boxes", () => {
  it("a long list is capped in height; a short one shows whole (a capped box hid its last row's reasons)", async () => {
    const boxes = (html: string) => [...html.matchAll(/<div class="(scroll[^"]*)">/g)].map((m) => m[1]);
    // Zhang Ming's steps: many rows
    expect(boxes(runPage().html)).toContain("scroll tall");
    // what-if's few decisions that differ: no cap
    const whatif = boxes(whatifPage().html);
    expect(whatif.length).toBeGreaterThan(0);
    expect(whatif).not.toContain("scroll tall");
    expect(STYLES).toMatch(/\.scroll\.tall\{max-height:560px\}/);
    expect(STYLES).not.toMatch(/\.scroll\{[^}]*max-height/);
  });
});
