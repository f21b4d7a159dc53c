// A scenario's expectation reports carry the steps of their day: each step summarised once and each day's
// list made once, shared by every expectation that reads it. Every expectation of a day carried its own
// copy, so 2,000 expectations of a day of 2,000 purchases (a 140 KB file) made 4,000,000 summaries (900 MB,
// 17 s), and a 3.5 MB file ran out of memory: V8's crash report, exit 134.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { StepSummary } from "../../src/testing/report.js";
import { makeContext, runOne } from "../../src/testing/run-one.js";
import { tempCases } from "../helpers/temp-cases.js";

const { fresh } = tempCases("expectation-reports");

describe("expectation reports", () => {
  it("share the steps of their day: as many summaries as steps, however many expectations read them", () => {
    const dir = fresh();
    const file = join(dir, "busy.yaml");
    const purchases = "  - { day: 1, type: purchase, amount: 1 }\n".repeat(500);
    // on the busy day (passed, and failed), and on a day without a step (the nearest before it)
    const expectations = [
      "  - { day: 1, status: active }\n",
      "  - { day: 1, decision: declined }\n",
      "  - { day: 3, status: active }\n",
    ]
      .join("")
      .repeat(200);
    writeFileSync(
      file,
      `name: busy\nuntil: 40\nevents:\n  - { day: 0, type: apply, product: open, amount: 5000 }\n${purchases}expect:\n${expectations}`,
    );
    const report = runOne(
      { path: file, shown: "busy.yaml" },
      makeContext({ cwd: dir, roots: [], grep: null, snapshots: null }),
    );
    if ("filtered" in report) throw new Error("filtered out");
    expect(report.status).toBe("failed");
    expect(report.expectations).toHaveLength(600);
    const summaries = new Set<StepSummary>();
    for (const e of report.expectations) {
      for (const s of e.steps) summaries.add(s);
      if (e.nearest) summaries.add(e.nearest);
    }
    // the day's 500 purchases (and the steps the engine adds that day), once each
    expect(summaries.size).toBeLessThan(520);
    const [passed, failed, later] = report.expectations;
    expect(passed!.steps.filter((s) => s.event === "purchase")).toHaveLength(500);
    expect(failed!.ok).toBe(false);
    expect(later!.steps).toEqual([]);
    expect(later!.nearest?.day).toBe(1);
  });
});
