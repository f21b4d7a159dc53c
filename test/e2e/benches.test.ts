// @module-tag slow
// The benchmarks read the engine from dist/ by their own imports, so nothing else notices when a change
// leaves one behind (a field renamed under a bench stopped the review bench with a TypeError). Each runs
// here on a small input, and the figure that is not a time is checked: the review bench's independent
// rules-engine encoding of the periodic review must agree with the engine on every case — an oracle for
// the review, not only a stopwatch. No timing is asserted.

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

function bench(file: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(ROOT, "bench", file), ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
    timeout: 120_000,
  });
}

describe("the benchmarks", () => {
  it("review: json-rules-engine's encoding of the periodic review agrees with the engine on every case", () => {
    // 200 population cases: the bench runs against dist/ and its mirror agrees; every branch of the review
    // is held to the mirror in-process by test/engine/review-mirror.test.ts, on 3,000 cases generated to
    // meet each often. 600 caught no mirror break 200 missed (closing a long suspension read as a
    // restoration: 5 of 200 differ, 19 of 600; a give-back, a policy suspension recorded or the cut's
    // score moved by 10: neither), at 1.9 s of CPU rather than 3.3
    const r = bench("review.bench.mjs", ["200"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/200 cases from/);
    expect(r.stdout).toMatch(/decisions that agree\s+100\.00 %/);
  });

  it("strategy-lab: runs its sweep, its scale run and its reference loop on a small population", () => {
    const r = bench("strategy-lab.bench.mjs", [], {
      // as small as still runs every part: the figures are not checked, only that each is printed
      BENCH_SWEEP_ACCOUNTS: "30",
      BENCH_SCALE_ACCOUNTS: "60",
      BENCH_DAYS: "60",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    for (const figure of ["sweep / single", "2 workers / reference loop", "speed-up 2 workers / 1 worker"])
      expect(r.stdout).toContain(figure);
  });
});
