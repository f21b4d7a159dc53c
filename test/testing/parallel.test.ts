// Many scenarios: worker threads give the same report as one thread (order independent of timing),
// shards 1…N together run every scenario exactly once, and --bail stops at the same place either way.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";

const COUNT = 120;
const FAILING = [37, 90];
let dir: string;

function scenario(i: number): string {
  const amount = 200 + ((i * 37) % 900);
  return [
    `name: Many ${String(i).padStart(3, "0")}`,
    "policy: default",
    `until: ${60 + (i % 5) * 10}`,
    `seed: ${i}`,
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

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "credit-sim-many-"));
  mkdirSync(join(dir, "s", "nested"), { recursive: true });
  for (let i = 0; i < COUNT; i++) {
    writeFileSync(
      join(dir, "s", i % 4 === 0 ? "nested" : "", `m${String(i).padStart(3, "0")}.yaml`),
      scenario(i),
    );
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const test = (...args: string[]) => cli(["test", "s", "--no-snapshots", ...args], { cwd: dir });
const withoutTimes = (json: string) =>
  JSON.stringify(JSON.parse(json), (k, v) => (k === "durationMs" ? 0 : v));

describe("credit-sim test on many scenarios", () => {
  it("reports the same thing, in the same order, with worker threads as in one thread", () => {
    const one = test("--workers", "1", "--reporter", "json");
    const two = test("--workers", "2", "--reporter", "json");
    expect(one.stderr).toBe("");
    expect(two.stderr).toBe("");
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    expect(withoutTimes(two.stdout)).toBe(withoutTimes(one.stdout));
    const doc = JSON.parse(one.stdout);
    expect(doc.summary.scenarios).toMatchObject({
      total: COUNT,
      passed: COUNT - FAILING.length,
      failed: FAILING.length,
    });
    const files: string[] = doc.scenarios.map((s: { file: string }) => s.file);
    expect(files).toEqual([...files].sort());
    expect(test("--workers", "2").stdout).toBe(test("--workers", "1").stdout);
  });

  it("shards partition the sorted files: together every scenario exactly once", () => {
    const all = JSON.parse(test("--reporter", "json").stdout).scenarios.map((s: { file: string }) => s.file);
    const shards = [1, 2, 3].map((i) => {
      const r = test("--shard", `${i}/3`, "--reporter", "json");
      return JSON.parse(r.stdout).scenarios.map((s: { file: string }) => s.file) as string[];
    });
    for (const s of shards) expect(s.length).toBe(COUNT / 3);
    expect(shards.flat()).toEqual(all);
    expect(new Set(shards.flat()).size).toBe(COUNT);
    // deterministic: the same shard twice is the same list
    expect(
      JSON.parse(test("--shard", "2/3", "--reporter", "json").stdout).scenarios.map(
        (s: { file: string }) => s.file,
      ),
    ).toEqual(shards[1]);
  });

  it("an empty shard (more shards than files) passes with nothing to run", () => {
    const r = cli(["test", "s/m001.yaml", "--no-snapshots", "--shard", "1/2"], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Scenarios\s+0 passed, 0 failed \(0\)/);
  });

  it("--bail stops after the first failing file in path order, with or without workers", () => {
    const one = test("--bail", "--workers", "1", "--reporter", "json");
    const two = test("--bail", "--workers", "2", "--reporter", "json");
    expect(one.status).toBe(1);
    expect(withoutTimes(two.stdout)).toBe(withoutTimes(one.stdout));
    const doc = JSON.parse(one.stdout);
    const last = doc.scenarios[doc.scenarios.length - 1];
    expect(last.status).toBe("failed");
    expect(doc.scenarios.filter((s: { status: string }) => s.status === "failed")).toHaveLength(1);
    expect(doc.notRun).toBe(COUNT - doc.scenarios.length);
    expect(doc.notRun).toBeGreaterThan(0);
  });
});
