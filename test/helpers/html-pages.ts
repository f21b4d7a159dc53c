// Every HTML report built in-process from the shipped scenarios and fixtures: what the browser test
// loads and what the screenshots show. Each page exercises its optional parts (a failing golden trace,
// a challenger, a repayment grid, a sweep frontier) so the browser sees them all.

import { join } from "node:path";
import { htmlAssets } from "../../src/cli/html-assets.js";
import { simulate } from "../../src/engine/index.js";
import { loadPersonas } from "../../src/population/persona.js";
import { fromRange, type PopulationResult } from "../../src/population/result.js";
import { runRange } from "../../src/population/runner.js";
import type { PopulationSettings } from "../../src/population/settings.js";
import { runHtml } from "../../src/render/html/run.js";
import { runView } from "../../src/render/html/run-model.js";
import { simulateHtml } from "../../src/render/html/simulate.js";
import { testHtml } from "../../src/render/html/test-report.js";
import { whatifHtml, whatifView } from "../../src/render/html/whatif.js";
import { loadScenario } from "../../src/scenario/load.js";
import { loadPolicy } from "../../src/scenario/load-policy.js";
import { goldenTrace } from "../../src/testing/golden-trace.js";
import { lineDiff } from "../../src/testing/line-diff.js";
import { parseTestOptions } from "../../src/testing/options.js";
import { runTests } from "../../src/testing/run-tests.js";
import { stepColumns } from "../../src/testing/steps.js";
import { flagToEdit } from "../../src/whatif/flags.js";
import { compareRuns, runVariant } from "../../src/whatif/run.js";
import { applyEdit, baseVariant } from "../../src/whatif/variant.js";
import { cli, ROOT } from "./cli.js";

export interface Page {
  name: string;
  html: string;
  /** canvases the page must draw */
  charts: number;
}

const scenario = (name: string) => join(ROOT, "scenarios", `${name}.yaml`);

export function runPage(): Page {
  const { scenario: s } = loadScenario(scenario("zhang-ming"));
  return { name: "run", html: runHtml(runView(s, simulate(s)), htmlAssets()), charts: 1 };
}

/** Two lines (Huabei and Jiebei) with the engine's repayment grid. */
export function runTwoLinesPage(): Page {
  const { scenario: s } = loadScenario(scenario("two-lines"));
  return { name: "run-two-lines", html: runHtml(runView(s, simulate(s)), htmlAssets()), charts: 1 };
}

/** A default that ends in a charge-off. */
function runChargeOffPage(): Page {
  const { scenario: s } = loadScenario(scenario("default-charge-off"));
  return { name: "run-charge-off", html: runHtml(runView(s, simulate(s)), htmlAssets()), charts: 1 };
}

export async function testPage(): Promise<Page> {
  const run = await runTests(
    [
      join(ROOT, "test/fixtures/test-command/fail"),
      join(ROOT, "test/fixtures/test-command/pass"),
      join(ROOT, "test/fixtures/test-command/bad"),
    ],
    parseTestOptions({ snapshots: false }, {}),
    ROOT,
  );
  // a golden-trace mismatch, as a changed model would produce it: Zhang Ming stopped earlier
  const { scenario: before } = loadScenario(scenario("zhang-ming"));
  const { scenario: after } = loadScenario(scenario("zhang-ming"), { until: 300 });
  const diff = lineDiff(
    goldenTrace(before, simulate(before).steps),
    goldenTrace(after, simulate(after).steps),
  );
  const target = run.reports.find((r) => r.status === "passed")!;
  Object.assign(target, {
    status: "failed",
    snapshot: {
      file: "scenarios/__snapshots__/zhang-ming.yaml.trace",
      status: "mismatch",
      diff: `  ${stepColumns(false)}\n${diff}`,
    },
  });
  run.summary.scenarios.passed--;
  run.summary.scenarios.failed++;
  run.summary.snapshots.failed++;
  return { name: "test", html: testHtml(run, htmlAssets()), charts: 1 };
}

export function whatifPage(): Page {
  const loaded = loadScenario(scenario("zhang-ming"));
  const base = baseVariant(loaded);
  const flag = { flag: "remove" as const, value: "type=apply,product=increase,day>=200" };
  const variant = applyEdit(base, flagToEdit(base, flag), `--remove ${JSON.stringify(flag.value)}`);
  const a = runVariant(base);
  const b = runVariant(variant);
  const view = whatifView(
    { base: runView(a.loaded.scenario, a.trace), variant: runView(b.loaded.scenario, b.trace) },
    compareRuns(a, b),
    variant.notes,
  );
  return { name: "whatif", html: whatifHtml(view, htmlAssets()), charts: 3 };
}

const results = new Map<number, PopulationResult>();

/** A champion / challenger population, default against tightened from day 90: run once per size, each
 *  caller given a copy of its own. */
export function simulateResult(accounts = 200): PopulationResult {
  if (!results.has(accounts)) results.set(accounts, populationOf(accounts));
  return structuredClone(results.get(accounts)!);
}

function populationOf(accounts: number): PopulationResult {
  const policy = loadPolicy("default", ROOT);
  const challenger = loadPolicy("tightened", ROOT);
  const personas = loadPersonas([]);
  const settings: PopulationSettings = {
    seed: 1,
    days: 365,
    start: "2024-01-01",
    policy,
    arms: [{ policy: challenger, use: challenger, set: {} }],
    from: 90,
    compare: [[0, 1]],
    bad: "ever90",
    scoreDay: 0,
  };
  const range = runRange(settings, personas, 0, accounts, { flipSample: 20 });
  return fromRange(
    {
      seed: 1,
      days: 365,
      start: "2024-01-01",
      accounts,
      range: [0, accounts],
      personas: personas.map((p) => ({ name: p.name, share: p.share, fingerprint: "x" })),
      policy: { name: policy.name, ref: "default", fingerprint: "p" },
      challenger: { name: challenger.name, ref: "tightened", fingerprint: "c", set: {} },
      challengerFrom: 90,
      sweep: null,
      bad: "ever90",
      scoreDay: 0,
      costOfFunds: 0.035,
      stress: null,
    },
    range,
  );
}

export function simulatePage(accounts = 200): Page {
  const result = simulateResult(accounts);
  const frontier = {
    title: "Sweep: minScore against suspensions and approvals",
    x: { label: "suspended (share of accounts)", unit: "percent" as const },
    y: { label: "approved (share of accounts)", unit: "percent" as const },
    points: [600, 620, 640, 660, 680].map((minScore, i) => ({
      label: `minScore ${minScore}`,
      x: 2 + i * 1.5,
      y: 90 - i * i * 1.2,
      chosen: minScore === 620,
    })),
  };
  return {
    name: "simulate",
    html: simulateHtml(result, htmlAssets(), {
      frontier,
      exportHint: "credit-sim simulate --export-account 42",
    }),
    // scores, median score, delinquency by month end, intervals, frontier
    charts: 5,
  };
}

let sweep: Promise<Page> | undefined;

/** A real sweep through the command: its frontier and its table of variants (run once; each caller
 *  given a page object of its own). */
export async function sweepPage(): Promise<Page> {
  sweep ??= sweepThroughCli();
  return { ...(await sweep) };
}

async function sweepThroughCli(): Promise<Page> {
  const r = await cli([
    "simulate",
    "--accounts",
    "150",
    "--days",
    "120",
    "--sweep",
    "minOpenScore=700..800:50",
    "--html",
    "-",
  ]);
  if (r.status !== 0) throw new Error(r.stderr);
  // scores, median score, delinquency by month end, the frontier
  return { name: "simulate-sweep", html: r.stdout, charts: 4 };
}

export async function allPages(): Promise<Page[]> {
  return [
    runPage(),
    runTwoLinesPage(),
    runChargeOffPage(),
    await testPage(),
    whatifPage(),
    simulatePage(),
    await sweepPage(),
  ];
}
