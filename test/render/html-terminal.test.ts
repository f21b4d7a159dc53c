// A page and the terminal report of the same run say the same things: each figure the terminal prints is
// on the page, in the terminal's words and precision (one helper computes both).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { htmlAssets } from "../../src/cli/html-assets.js";
import { REASONS } from "../../src/engine/reasons.js";
import { flipLabelParts } from "../../src/population/flips.js";
import { simulateHtml } from "../../src/render/html/simulate.js";
import { testHtml } from "../../src/render/html/test-report.js";
import { renderPopulation } from "../../src/render/population.js";
import { parseTestOptions } from "../../src/testing/options.js";
import { renderGithub } from "../../src/testing/reporters/github.js";
import { renderJson } from "../../src/testing/reporters/json.js";
import { renderPretty } from "../../src/testing/reporters/pretty.js";
import { runTests } from "../../src/testing/run-tests.js";
import { cli } from "../helpers/cli.js";
import { simulateResult } from "../helpers/html-pages.js";

const plain = new Chalk({ level: 0 });

/** The page's text: tags dropped, entities read back. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replaceAll("&amp;", "&")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'");

/** One run of `simulate args`: the terminal's report on stdout, and the page --html writes beside it. */
async function reportAndPage(args: string[]) {
  const d = mkdtempSync(join(tmpdir(), "credit-sim-html-terminal-"));
  try {
    const text = await cli([...args, "--html", "page.html"], { cwd: d });
    expect(text.status, text.stderr).toBe(0);
    return { text, page: readFileSync(join(d, "page.html"), "utf8") };
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
}

/** The cells of the page's table row whose first cell is `first`. */
function pageRow(html: string, first: string): string[] {
  const row = [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)]
    .map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => textOf(c[1]!)))
    .find((cells) => cells[0] === first);
  if (!row) throw new Error(`no row ${first}`);
  return row;
}

/** The cells of the terminal's line that starts with `first` (columns are two or more spaces apart). */
function terminalRow(text: string, first: string): string[] {
  const line = text.split("\n").find((l) => l.trim().startsWith(`${first} `));
  if (!line) throw new Error(`no line ${first}`);
  return line.trim().split(/ {2,}/);
}

describe("simulate --html says what the terminal says", () => {
  it("the accounts whose outcome flips with their share, and the same account to replay", async () => {
    // a run whose first flipped account (#2) is not the largest group's first example (#8)
    const args = ["simulate", "--accounts", "400", "--days", "100", "--challenger", "tightened"];
    const { text, page } = await reportAndPage(args);
    const flips = /Accounts whose outcome flips: [\d,]+ \(\d+\.\d %\)/.exec(text.stdout)?.[0];
    expect(flips).toBeDefined();
    expect(page).toContain(`<h2>${flips}</h2>`);
    const replay = /--export-account (\d+)/;
    const account = replay.exec(text.stdout)?.[1];
    expect(account).toBeDefined();
    expect(replay.exec(textOf(page))?.[1]).toBe(account);
    // the account is one of the sample the hint follows, in both
    expect(text.stdout).toMatch(new RegExp(`^ +#${account} {2}`, "m"));
    expect(pageRow(page, `#${account}`)).toHaveLength(3);
  });

  it("the sweep's table of variants starts with the base policy's row, as the terminal's", async () => {
    const args = ["simulate", "--accounts", "150", "--days", "120", "--sweep", "minOpenScore=700..800:50"];
    const { text, page } = await reportAndPage(args);
    const terminal = terminalRow(text.stdout, "·");
    expect(terminal[1]).toBe("base (default)");
    const row = pageRow(page, "·");
    // the terminal's line has no empty "dominated" cell at its end
    expect(row.slice(0, terminal.length)).toEqual(terminal);
    expect(row.slice(terminal.length).join("")).toBe("");
  });

  it("the outcome table has the terminal's overdue at end; the money on Huabei is to the fen", () => {
    const result = simulateResult(200);
    const text = renderPopulation(result, { chalk: plain, chart: false });
    const html = simulateHtml(result, htmlAssets());
    expect(html).toContain('<th class="num">overdue at end</th>');
    for (const persona of ["steady-payer", "revolver"]) {
      const cell = pageRow(html, persona)[14];
      expect(cell).toMatch(/^¥[\d,]+ \(\d+\)$/);
      expect(terminalRow(text, persona)).toContain(cell);
    }
    for (const policy of ["default", "tightened"]) {
      const money = new RegExp(`Money on Huabei \\(${policy}\\): (.*)`).exec(text)?.[1];
      expect(money).toMatch(/penalty income ¥[\d,]+\.\d\d,/);
      expect(html).toContain(`<h2>Money on Huabei (${policy})</h2>`);
      expect(textOf(html)).toContain(money);
    }
  });

  it("a persona without accounts has no charges per account: – on the page and in the terminal", () => {
    const result = simulateResult(3);
    const empty = result.meta.personas
      .map((p) => p.name)
      .find((name) => {
        const row = pageRow(simulateHtml(result, htmlAssets()), name);
        return row[1] === "0";
      });
    expect(empty).toBeDefined();
    const row = pageRow(simulateHtml(result, htmlAssets()), empty!);
    // accounts, then every rate, the median limit and score, the charges: none has a value
    expect(row.slice(2, 14)).toEqual(Array(12).fill("–"));
    const terminal = terminalRow(renderPopulation(result, { chalk: plain, chart: false }), empty!);
    expect(terminal[terminal.length - 2]).toBe("–");
  });
});

/** Every row of the page's section headed `title` (thead's too), as the text of its cells, th and td. */
function sectionRows(html: string, title: string): string[][] {
  const at = html.indexOf(`<h2>${title}</h2>`);
  if (at < 0) throw new Error(`no section ${title}`);
  const section = html.slice(at, html.indexOf("</section>", at));
  return [...section.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => textOf(c[1]!)),
  );
}

/** The terminal's flip groups under `title`, as the page's rows would have them: a row heading each pair,
 *  then per group its accounts, the label's parts and the examples, then how many groups are left out. */
function terminalFlipRows(text: string, title: string): string[][] {
  const lines = text.split("\n");
  const from = lines.findIndex((l) => l.startsWith(title));
  if (from < 0) throw new Error(`no ${title}`);
  const rows: string[][] = [];
  for (const line of lines.slice(from + 1)) {
    if (!line.startsWith(" ") || line.startsWith("  export one")) break;
    const pair = /^ {2}(\S.*): by the first decision that differed:$/.exec(line.replace(";", ":"));
    const group = /^ +([\d,]+) {2}(.+)$/.exec(line);
    const examples = /^ {12}e\.g\. accounts? (#.*)$/.exec(line);
    const more = /^ {12}… (\d+ more groups?)$/.exec(line);
    if (pair) rows.push([pair[1]!]);
    else if (examples) rows.at(-1)!.push(examples[1]!);
    else if (more) rows.push(["", `… ${more[1]} (--json)`]);
    else if (group) {
      const parts = flipLabelParts(group[2]!);
      expect(parts, group[2]).not.toBeNull();
      rows.push([group[1]!, parts!.event, parts!.decisions, parts!.rule]);
    } else throw new Error(`a line of the flips the test does not read: ${line}`);
  }
  return rows;
}

/** The terminal's "Customer events:" lines, one map of type → count per arm. */
const terminalEvents = (text: string): Array<Array<[string, string]>> =>
  [...text.matchAll(/^Customer events: (.*)$/gm)].map((m) =>
    m[1]!.split(", ").map((e) => {
      const [, type, n] = /^(\S+) ([\d,]+)$/.exec(e)!;
      return [type!, n!] as [string, string];
    }),
  );

describe("simulate --html has the terminal's flip groups and customer events", () => {
  it("a challenger's: why the decisions differ, group by group, and each policy's events with the change", () => {
    const result = simulateResult(200);
    const text = renderPopulation(result, { chalk: plain, chart: false });
    const html = simulateHtml(result, htmlAssets());
    const expected = terminalFlipRows(text, "Why: the first decision that differs");
    // a heading, groups with their examples, and groups left out
    expect(expected[0]![0]).toMatch(/^default → tightened: [\d,]+ accounts decided otherwise$/);
    expect(expected.filter((r) => r.length === 5).length).toBeGreaterThan(3);
    const [head, ...rows] = sectionRows(
      html,
      "Why: the first decision that differs, by the rule that decided it",
    );
    expect(head).toEqual(["accounts", "event", "decision", "by the rule (parameter)", "e.g. accounts"]);
    expect(rows).toEqual(expected);

    const events = terminalEvents(text);
    expect(events).toHaveLength(2);
    const [eventsHead, ...eventRows] = sectionRows(html, "Customer events");
    expect(eventsHead).toEqual(["event", "default", "tightened", "change"]);
    // the champion's column is its line, in its order; the challenger's the same counts as its line
    expect(eventRows.filter((r) => r[1] !== "0").map((r) => [r[0], r[1]])).toEqual(events[0]);
    expect(new Map(eventRows.filter((r) => r[2] !== "0").map((r) => [r[0]!, r[2]!]))).toEqual(
      new Map(events[1]),
    );
    const count = (n: string) => Number(n.replaceAll(",", ""));
    for (const [, a, b, change] of eventRows) {
      const d = count(b!) - count(a!);
      expect(change).toBe(
        d > 0 ? `+${d.toLocaleString("en")}` : d < 0 ? `−${(-d).toLocaleString("en")}` : "0",
      );
    }
    expect(eventRows.some((r) => r[3] !== "0")).toBe(true);
  });

  it("a sweep's: why neighbouring variants differ, pair by pair, and the base policy's events", async () => {
    const args = ["simulate", "--accounts", "150", "--days", "120", "--sweep", "minOpenScore=700..800:50"];
    const { text, page } = await reportAndPage([...args, "--sweep", "maxApplications30d=1..2:1"]);
    const expected = terminalFlipRows(text.stdout, "Why neighbouring variants differ");
    expect(expected.filter((r) => r.length === 1).length).toBeGreaterThan(1);
    const [, ...rows] = sectionRows(
      page,
      "Why neighbouring variants differ: the first decision that differs, by the rule that decided it",
    );
    expect(rows).toEqual(expected);
    // the account the terminal says to export, said under the groups
    const account = /export one as scenarios: .*--export-account (\d+)/.exec(text.stdout)?.[1];
    const why = page.slice(page.indexOf("<h2>Why neighbouring"));
    expect(/Replay one: .*?--export-account.*?(\d+)/.exec(textOf(why))?.[1]).toBe(account);
    const [head, ...eventRows] = sectionRows(page, "Customer events");
    expect(head).toEqual(["event", "default"]);
    expect(eventRows).toEqual(terminalEvents(text.stdout)[0]);
  });
});

describe("test --reporter html says what the terminal says", () => {
  it("a day's step with no decision and no reasons says so: – in its cells, no reasons on record that day", async () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-html-none-"));
    try {
      const file = join(dir, "quiet.yaml");
      writeFileSync(
        file,
        [
          "name: A quiet day",
          "events:",
          "  - { day: 0, type: apply, product: open, amount: 5000 }",
          '  - { day: 4, type: note, text: "nothing happens" }',
          "expect:",
          "  - { day: 4, limit: 1 }",
        ].join("\n"),
      );
      const run = await runTests([file], parseTestOptions({ snapshots: false }, {}), dir);
      const terminal = renderPretty(run, plain, (f) => f);
      expect(terminal).toContain("  no reasons on record that day");
      const html = testHtml(run, htmlAssets());
      const day = html.slice(html.indexOf("What happened on day 4"));
      const step = pageRow(day, "4");
      expect(step[3]).toBe("–");
      expect(step[4]).toBe("–");
      expect(day).toContain("No reasons on record that day");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a failed expectation's reasons on record are in the trace's words: a score reason's milder ones where its step has them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-html-mild-"));
    try {
      const file = join(dir, "mild.yaml");
      writeFileSync(
        file,
        [
          "name: Mild words",
          "profile: { creditHistoryMonths: 24 }",
          "events:",
          "  - { day: 0, type: apply, product: open, amount: 5000 }",
          "  - { day: 3, type: contact_support }",
          "expect:",
          "  - { day: 3, decision: declined }",
        ].join("\n"),
      );
      // the trace beneath the answer: one application costs some points (not "too many"), a history
      // of 24 months is below the top band (not "short"); little use of Huabei is said as it is
      const trace = await cli(["run", file, "--no-chart", "--wide"], { cwd: dir });
      const said = [
        "INQUIRIES_30D  A credit application in the last 30 days costs some points",
        "SHORT_HISTORY  Length of credit history is below the scorecard's top band",
        "LOW_ACTIVITY  Little recent use of Huabei",
      ];
      for (const line of said) expect(trace.stdout).toContain(line);
      const run = await runTests([file], parseTestOptions({ snapshots: false }, {}), dir);
      const terminal = renderPretty(run, plain, (f) => f);
      for (const line of said) expect(terminal).toContain(`    ${line}`);
      expect(terminal).not.toContain(REASONS.INQUIRIES_30D.text);
      const page = textOf(testHtml(run, htmlAssets()));
      for (const line of said) expect(page).toContain(line.replace("  ", " "));
      expect(page).not.toContain(REASONS.INQUIRIES_30D.text);
      const github = renderGithub(run);
      for (const line of said) expect(github).toContain(line.replace("  ", ": "));
      // the JSON report keeps its shape: codes, no words
      expect(renderJson(run)).not.toContain('"mild"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
