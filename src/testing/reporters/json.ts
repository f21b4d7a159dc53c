// `--reporter json`: one JSON document for CI dashboards and scripts. Money in yuan (numbers, 2 decimals)
// as in `run --json`. The shape (version 1) — additions keep the version, changes bump it:
//
// {
//   "version": 1,
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
//       "checks": [{ "field": "status", "expected": "suspended", "actual": "active", "ok": false }],
//       "steps":   [Step],                 // every step of that day
//       "nearest": Step | null             // the last step before the day when it had none
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
import type { ScenarioReport, StepSummary, TestRun } from "../report.js";

const yuan = (fen: number) => fen / 100;

function step(s: StepSummary): Record<string, unknown> {
  return {
    ...s,
    facts: s.facts.map(factInYuan),
    limit: yuan(s.limit),
    balance: yuan(s.balance),
    jiebei: s.jiebei ? { ...s.jiebei, limit: yuan(s.jiebei.limit), balance: yuan(s.jiebei.balance) } : null,
  };
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
    expectations: r.expectations.map((e) => ({
      ...e,
      steps: e.steps.map(step),
      nearest: e.nearest ? step(e.nearest) : null,
    })),
    snapshot: r.snapshot,
  };
}

export function renderJson(run: TestRun): string {
  const doc = {
    version: 1,
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
