// `--reporter json`: one JSON document for CI dashboards and scripts. Money in yuan (numbers, 2 decimals)
// as in `run --json`. The shape (version 2) — additions keep the version, changes bump it. Version 1 gave
// each expectation its own copy of its day's steps (`steps`): 2,000 expectations of a day of 2,000
// purchases, a 140 KB file, made a report past the longest string there is; now a scenario lists the
// steps of each day its expectations read once (`days`), and an expectation finds them by day and line:
//
// {
//   "version": 2,
//   "ok": boolean,                         // exit code 0
//   "exitCode": 0 | 1 | 2,                 // 1: a failure, 2: a file with bad input
//   "summary": {
//     "scenarios":    { "total", "passed", "failed", "noExpectations", "errors" },
//     "expectations": { "total", "passed", "failed" },
//     "snapshots":    { "matched", "written", "updated", "failed", "obsolete", "removed" }
//   },
//   "scenarios": [{                        // input order (sorted paths), after --shard/--grep/--bail
//     "file": "scenarios/zhang-ming.yaml", // relative to the working folder
//     "name": "Zhang Ming",
//     "status": "passed" | "failed" | "no-expectations" | "error",
//     "policy": "default" | null, "seed": 42 | null,
//     "durationMs": number,
//     "error": string | null,              // the bad-input message for status "error"
//     "expectations": [{
//       "index": 1, "day": 125, "date": "2024-05-05", "end": false,
//       "on": "huabei" | "jiebei",          // the credit line it reads
//       "title": "day 125: status suspended, reasons OVERDUE_RECENT",
//       "ok": boolean,
//       "checks": [{ "field": "status", "expected": "suspended", "actual": "active", "ok": false,
//                    "lastStep": "4008.00" }],  // only on a failed score or balance check whose day's
//                                                // end (charges, month-end report) left it otherwise
//       "nearest": Step | null             // the last step before the day when it had none
//     }],
//     "days": [{                           // once each, the days (and lines) the expectations read, in
//       "day": 125, "date": "2024-05-05",  //   day order, Huabei first: every step of the day that the
//       "on": "huabei" | "jiebei",         //   line reads (its own and the customer's); [] for a day
//       "steps": [Step]                    //   without one
//     }],
//     "snapshot": { "file": "scenarios/__snapshots__/zhang-ming.yaml.trace",
//                   "status": "matched" | "written" | "updated" | "mismatch" | "missing",
//                   "diff": string | null } | null
//   }],
//   "obsoleteSnapshots": [string], "obsoleteRemoved": boolean,
//   "filtered": number,                    // left out by --grep
//   "policyFiles": [string],               // policy files found among the scenarios, left out
//   "notRun": number                       // not run after --bail
// }
// Step = { "day", "date", "event", "text", "decision", "reasons",
//          "facts": [{ "code", "parameter", "threshold", "value", "line" }],  // money facts in yuan
//          "score", "limit", "balance", "status", "cause", "line", "jiebei": { "limit", "balance", "status", "cause" } | null }

import { factInYuan } from "../../scenario/format.js";
import { jsonText } from "../../shared/text.js";
import type { ExpectationReport, ScenarioReport, StepSummary, TestRun } from "../report.js";

const yuan = (fen: number) => fen / 100;

function step({ mild: _, ...s }: StepSummary): Record<string, unknown> {
  return {
    ...s,
    facts: s.facts.map(factInYuan),
    limit: yuan(s.limit),
    balance: yuan(s.balance),
    jiebei: s.jiebei ? { ...s.jiebei, limit: yuan(s.jiebei.limit), balance: yuan(s.jiebei.balance) } : null,
  };
}

/** The steps of each day (and line) some expectation reads, once each: in day order, Huabei first. */
function days(r: ScenarioReport): Record<string, unknown>[] {
  const seen = new Map<string, ExpectationReport>();
  for (const e of r.expectations) {
    const key = `${e.day} ${e.on}`;
    if (!seen.has(key)) seen.set(key, e);
  }
  const lineOrder = (on: string) => (on === "huabei" ? 0 : 1);
  return [...seen.values()]
    .sort((a, b) => a.day - b.day || lineOrder(a.on) - lineOrder(b.on))
    .map((e) => ({ day: e.day, date: e.date, on: e.on, steps: e.steps.map(step) }));
}

function scenario(r: ScenarioReport): Record<string, unknown> {
  return {
    file: r.file,
    name: r.name,
    status: r.status,
    policy: r.policy,
    seed: r.seed,
    durationMs: Math.round(r.durationMs * 100) / 100,
    error: r.error,
    expectations: r.expectations.map(({ steps: _, ...e }) => ({
      ...e,
      nearest: e.nearest ? step(e.nearest) : null,
    })),
    days: days(r),
    snapshot: r.snapshot,
  };
}

export function renderJson(run: TestRun): string {
  const doc = {
    version: 2,
    ok: run.exitCode === 0,
    exitCode: run.exitCode,
    summary: run.summary,
    scenarios: run.reports.map(scenario),
    obsoleteSnapshots: run.obsolete,
    obsoleteRemoved: run.obsoleteRemoved,
    filtered: run.filtered,
    policyFiles: run.policyFiles ?? [],
    notRun: run.notRun,
  };
  return `${jsonText(doc, 2)}\n`;
}
