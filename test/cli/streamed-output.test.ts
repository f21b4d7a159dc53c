// Documents written as they are made: `run`'s trace, its `--json` records and its `--html` page,
// explain's JSON and simulate's result document, reach their output in pieces (a run of 100,000 steps was one string of
// hundreds of megabytes, and V8 ran out of heap building it), byte for byte what the one-string
// renderers make.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Chalk } from "chalk";
import { afterAll, describe, expect, it } from "vitest";
import { htmlAssets } from "../../src/cli/html-assets.js";
import type { CliIo } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run-cli.js";
import { type Scenario, simulate, type Trace } from "../../src/engine/index.js";
import { documentPieces, documentText } from "../../src/population/result.js";
import { jsonForScript, jsonPiecesForScript, visibleStrings } from "../../src/render/html/escape.js";
import { runHtml, timelineChart } from "../../src/render/html/run.js";
import { runView } from "../../src/render/html/run-model.js";
import { runNdjson } from "../../src/render/run-json.js";
import { renderTrace } from "../../src/render/trace.js";
import { loadScenario } from "../../src/scenario/load.js";
import { jsonPieces } from "../../src/shared/json-pieces.js";
import { jsonText, visibleControls } from "../../src/shared/text.js";
import { sweepResult } from "../population/helpers.js";

const dir = mkdtempSync(join(tmpdir(), "credit-sim-streamed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A scenario of `n` events over two years: purchases, repayments, calls to customer service (the
 *  longest steps), and a name a page must escape. */
function medium(n: number, name: string): string {
  const events = ["  - { day: 0, type: apply, product: open, amount: 5000 }"];
  for (let i = 1; i < n; i++) {
    const day = Math.floor((i * 730) / n);
    const kind = i % 10;
    events.push(
      kind < 6
        ? `  - { day: ${day}, type: purchase, amount: ${10 + (i % 50)}, merchant: "M<${i}>" }`
        : kind < 9
          ? `  - { day: ${day}, type: repay, amount: full }`
          : `  - { day: ${day}, type: contact_support }`,
    );
  }
  const file = join(dir, `${name.replace(/\W/g, "")}.yaml`);
  writeFileSync(
    file,
    [
      `name: ${JSON.stringify(name)}`,
      "start: 2024-01-01",
      "until: 730",
      "profile: { age: 29, monthlyIncome: 8000, verified: true, creditHistoryMonths: 30, externalDebt: 20000 }",
      "events:",
      ...events,
      "",
    ].join("\n"),
  );
  return file;
}

/** The CLI in-process, every write to stdout kept apart. */
async function run(args: string[]): Promise<{ status: number; writes: string[]; stderr: string }> {
  const writes: string[] = [];
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (text: string) => writes.push(text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdinIsTTY: false,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", CI: "true" },
    cwd: dir,
  };
  const status = await runCli(args, io);
  return { status, writes, stderr };
}

const big = medium(1_000, "Medium </script> \u2028 run");
const small = medium(40, "Small");
const plain = new Chalk({ level: 0 });
const runs = new Map<string, { scenario: Scenario; trace: Trace }>();
const traced = (file: string) => {
  let r = runs.get(file);
  if (r === undefined) {
    const { scenario } = loadScenario(file);
    r = { scenario, trace: simulate(scenario) };
    runs.set(file, r);
  }
  return r;
};

describe("run writes its documents as they are made", () => {
  it("--json: the records in pieces, byte for byte the one-string NDJSON", async () => {
    const { scenario, trace } = traced(big);
    const r = await run(["run", big, "--json"]);
    expect(r.status).toBe(0);
    expect(r.writes.join("")).toBe(runNdjson(scenario, trace, { explain: false }));
    // written as it was made: several writes, none of them the whole
    expect(r.writes.length).toBeGreaterThan(3);
  });

  it("--json --explain: the same records, explained", async () => {
    const { scenario, trace } = traced(small);
    const r = await run(["run", small, "--json", "--explain"]);
    expect(r.status).toBe(0);
    expect(r.writes.join("")).toBe(runNdjson(scenario, trace, { explain: true }));
  });

  it("the trace of several scenarios: each in pieces, a blank line between them", async () => {
    const a = traced(big);
    const b = traced(small);
    const r = await run(["run", big, small]);
    expect(r.status).toBe(0);
    const text = (x: typeof a) =>
      renderTrace(x.scenario, x.trace, { chalk: plain, explain: false, chart: true });
    expect(r.writes.join("")).toBe(`${text(a)}\n${text(b)}`);
    expect(r.writes.length).toBeGreaterThan(3);
  });

  it("--html FILE: the page byte for byte the one-string page, put in place whole", async () => {
    const { scenario, trace } = traced(big);
    const r = await run(["run", big, "--html", "page.html", "--json"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("wrote page.html\n");
    expect(readFileSync(join(dir, "page.html"), "utf8")).toBe(
      runHtml(runView(scenario, trace), htmlAssets()),
    );
    expect(r.writes.join("")).toBe(runNdjson(scenario, trace, { explain: false }));
  });

  it("--html -: the page on standard output in pieces", async () => {
    const { scenario, trace } = traced(big);
    const r = await run(["run", big, "--html", "-"]);
    expect(r.status).toBe(0);
    expect(r.writes.join("")).toBe(runHtml(runView(scenario, trace), htmlAssets()));
    expect(r.writes.length).toBeGreaterThan(3);
  });
});

describe("a page's data written value by value", () => {
  it("is jsonForScript of its strings made visible, for a run's chart", () => {
    const { scenario, trace } = traced(big);
    const chart = timelineChart("timeline", runView(scenario, trace));
    const pieces = [...jsonPiecesForScript([chart], visibleControls)];
    expect(pieces.join("")).toBe(jsonForScript(visibleStrings([chart])));
    expect(pieces.length).toBeGreaterThan(100);
  });

  it("and for what JSON.stringify writes otherwise: left-out values, nulls in lists, escapes, keys as they are", () => {
    const fn = () => 0;
    const hostile = {
      a: undefined,
      "k\u202e</script>": ["x\u001b", undefined, fn, null, 1.5, -0, Number.NaN, { b: [true, "&<>\u2028"] }],
      nested: [[["\u0085", { c: undefined, d: fn, e: "\u061c" }]], []],
      empty: {},
      last: "é",
    };
    expect([...jsonPiecesForScript(hostile, visibleControls)].join("")).toBe(
      jsonForScript(visibleStrings(hostile)),
    );
  });
});

describe("JSON text written value by value", () => {
  const fn = () => 0;
  const values = {
    a: undefined,
    "k\u202e": ["x\u0085", undefined, fn, null, 1.5, -0, Number.NaN, { b: [true, "&<>\u2028"], c: [] }],
    nested: [[["\u0085", { c: undefined, d: fn, e: "\u061c\nline" }]], [], {}],
    only: { gone: undefined, kept: { deep: [[1, 2], [3]] } },
    date: new Date(0),
    last: "é",
  };

  it("is jsonText's text, compact and indented", () => {
    for (const indent of [undefined, 2, 4])
      expect([...jsonPieces(values, indent === undefined ? {} : { indent })].join("")).toBe(
        jsonText(values, indent),
      );
    expect([...jsonPieces([1, [2, { a: [] }]], { indent: 2 })].join("")).toBe(
      jsonText([1, [2, { a: [] }]], 2),
    );
  });

  it("simulate's result document: documentText's text, a piece at a time", () => {
    const result = sweepResult("revolver", 10, 400, "minScore", [600, 650]);
    const pieces = [...documentPieces(result)];
    expect(pieces.join("")).toBe(documentText(result));
    expect(pieces.length).toBeGreaterThan(100);
  });

  it("explain --json of a day of many steps reaches standard output in pieces, as jsonText writes it", async () => {
    const file = join(dir, "one-day.yaml");
    writeFileSync(
      file,
      [
        "name: one day",
        "start: 2024-01-01",
        "events:",
        "  - { day: 0, type: apply, product: open, amount: 5000 }",
        ...Array.from({ length: 300 }, () => "  - { day: 0, type: contact_support }"),
        "",
      ].join("\n"),
    );
    const r = await run(["explain", file, "--day", "0", "--json"]);
    expect(r.status).toBe(0);
    const text = r.writes.join("");
    expect(text).toBe(`${jsonText(JSON.parse(text), 2)}\n`);
    expect((JSON.parse(text) as { steps: unknown[] }).steps).toHaveLength(301);
    expect(r.writes.length).toBeGreaterThan(3);
  });

  it("simulate --json reaches standard output in pieces", async () => {
    const r = await run(["simulate", "--accounts", "10", "--days", "1000", "--workers", "1", "--json"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.writes.join("")) as { meta: { days: number } };
    expect(doc.meta.days).toBe(1000);
    expect(r.writes.length).toBeGreaterThan(3);
  });
});
