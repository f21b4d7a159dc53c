// A `credit-sim test` run as the reporters receive it, built from reports (renderer tests).

import { type ScenarioReport, summarise, type TestRun } from "../../src/testing/report.js";

export function testRun(reports: ScenarioReport[], over: Partial<TestRun> = {}): TestRun {
  const obsolete = over.obsolete ?? [];
  return {
    reports,
    obsolete,
    obsoleteRemoved: false,
    filtered: 0,
    notRun: 0,
    summary: summarise(reports, obsolete.length, false),
    exitCode: reports.some((r) => r.status === "error")
      ? 2
      : reports.some((r) => r.status === "failed")
        ? 1
        : 0,
    ...over,
  };
}

/** One scenario's report with nothing in it but what a test gives (a file and a name, a passed run). */
export function scenarioReport(
  over: Partial<ScenarioReport> & Pick<ScenarioReport, "file" | "name">,
): ScenarioReport {
  return {
    status: "passed",
    policy: null,
    seed: null,
    line: null,
    expectations: [],
    error: null,
    durationMs: 1,
    snapshot: null,
    ...over,
  };
}
