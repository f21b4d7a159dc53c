// A folder of many small scenarios (two of them failing), for `credit-sim test` in one thread and in
// worker threads: s/ with every fourth file in s/nested/.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const COUNT = 120;
export const FAILING = [37, 90];

function scenario(i: number): string {
  const amount = 200 + ((i * 37) % 900);
  return [
    `name: Many ${String(i).padStart(3, "0")}`,
    "policy: default",
    `until: ${60 + (i % 5) * 10}`,
    "profile: { age: 33, monthlyIncome: 11000, verified: true, creditHistoryMonths: 40 }",
    "events:",
    "  - { day: 0, type: apply, product: open, amount: 5000 }",
    `  - { day: ${3 + (i % 20)}, type: purchase, amount: ${amount} }`,
    "  - { day: 40, type: repay, amount: full }",
    "expect:",
    `  - { day: 0, decision: ${FAILING.includes(i) ? "declined" : "approved"} }`,
    "  - { end: true, status: active }",
    "",
  ].join("\n");
}

/** A new temporary folder holding s/ (the scenarios); returns the folder. */
export function writeManyScenarios(): string {
  const dir = mkdtempSync(join(tmpdir(), "credit-sim-many-"));
  mkdirSync(join(dir, "s", "nested"), { recursive: true });
  for (let i = 0; i < COUNT; i++) {
    writeFileSync(
      join(dir, "s", i % 4 === 0 ? "nested" : "", `m${String(i).padStart(3, "0")}.yaml`),
      scenario(i),
    );
  }
  return dir;
}
