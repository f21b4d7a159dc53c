// A page and the terminal report of the same run say the same things: each figure the terminal prints is
// on the page, in the terminal's words and precision (one helper computes both).

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { htmlAssets } from "../../src/cli/html-assets.js";
import { simulateHtml } from "../../src/render/html/simulate.js";
import { testHtml } from "../../src/render/html/test-report.js";
import { renderPopulation } from "../../src/render/population.js";
import { parseTestOptions } from "../../src/testing/options.js";
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
    const [text, page] = await Promise.all([cli(args), cli([...args, "--html", "-"])]);
    expect(text.status).toBe(0);
    expect(page.status).toBe(0);
    const flips = /Accounts whose outcome flips: [\d,]+ \(\d+\.\d %\)/.exec(text.stdout)?.[0];
    expect(flips).toBeDefined();
    expect(page.stdout).toContain(`<h2>${flips}</h2>`);
    const replay = /--export-account (\d+)/;
    const account = replay.exec(text.stdout)?.[1];
    expect(account).toBeDefined();
    expect(replay.exec(textOf(page.stdout))?.[1]).toBe(account);
    // the account is one of the sample the hint follows, in both
    expect(text.stdout).toMatch(new RegExp(`^ +#${account} {2}`, "m"));
    expect(pageRow(page.stdout, `#${account}`)).toHaveLength(3);
  });

  it("the sweep's table of variants starts with the base policy's row, as the terminal's", async () => {
    const args = ["simulate", "--accounts", "150", "--days", "120", "--sweep", "minOpenScore=700..800:50"];
    const [text, page] = await Promise.all([cli(args), cli([...args, "--html", "-"])]);
    expect(page.status).toBe(0);
    const terminal = terminalRow(text.stdout, "·");
    expect(terminal[1]).toBe("base (default)");
    const row = pageRow(page.stdout, "·");
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
});
