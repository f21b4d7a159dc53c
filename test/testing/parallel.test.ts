// Many scenarios in one thread (`credit-sim test --workers 1` in-process): shards 1…N together run every
// scenario exactly once, and --bail stops after the first failure in path order. test/e2e/workers.test.ts
// runs the same folder in worker threads and compares.

import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { COUNT, FAILING, writeManyScenarios } from "../helpers/many-scenarios.js";

let dir: string;
beforeAll(() => {
  dir = writeManyScenarios();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const test = (...args: string[]) =>
  cli(["test", "s", "--no-snapshots", "--workers", "1", ...args], { cwd: dir });
const files = (json: string): string[] => JSON.parse(json).scenarios.map((x: { file: string }) => x.file);
// the whole folder's JSON report, run once: read by the report's test and by the shards' (each shard is
// still run, and one of them twice)
let whole: ReturnType<typeof test> | undefined;
const wholeJson = () => (whole ??= test("--reporter", "json"));

describe("credit-sim test on many scenarios, in one thread", () => {
  it("reports every scenario in path order, the failures failed", async () => {
    const r = await wholeJson();
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.scenarios).toMatchObject({
      total: COUNT,
      passed: COUNT - FAILING.length,
      failed: FAILING.length,
    });
    const all = files(r.stdout);
    expect(all).toEqual([...all].sort());
  });

  it("shards partition the sorted files: together every scenario exactly once", async () => {
    const all = files((await wholeJson()).stdout);
    const shards: string[][] = [];
    for (const i of [1, 2, 3])
      shards.push(files((await test("--shard", `${i}/3`, "--reporter", "json")).stdout));
    for (const s of shards) expect(s.length).toBe(COUNT / 3);
    expect(shards.flat()).toEqual(all);
    expect(new Set(shards.flat()).size).toBe(COUNT);
    // deterministic: the same shard twice is the same list
    expect(files((await test("--shard", "2/3", "--reporter", "json")).stdout)).toEqual(shards[1]);
  });

  it("an empty shard (more shards than files) passes with nothing to run", async () => {
    const r = await cli(["test", "s/m001.yaml", "--no-snapshots", "--shard", "1/2"], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Scenarios\s+0 passed, 0 failed \(0\)/);
    // …and says so, with the shard: an empty green run is not mistaken for a tested one
    expect(r.stdout).toMatch(/Shard\s+1\/2: no file falls in it \(1 scenario file in 2 shards\)/);
  });

  it("a shard names the files it ran, of the whole run", async () => {
    const r = await test("--shard", "2/3");
    expect(r.stdout).toMatch(
      new RegExp(`Shard\\s+2/3: files ${COUNT / 3 + 1}–${(2 * COUNT) / 3} of ${COUNT}`),
    );
    expect((await test()).stdout).not.toMatch(/Shard/);
  });

  it("--bail stops after the first failing file in path order", async () => {
    const r = await test("--bail", "--reporter", "json");
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    const last = doc.scenarios[doc.scenarios.length - 1];
    expect(last.status).toBe("failed");
    expect(doc.scenarios.filter((s: { status: string }) => s.status === "failed")).toHaveLength(1);
    expect(doc.notRun).toBe(COUNT - doc.scenarios.length);
    expect(doc.notRun).toBeGreaterThan(0);
  });
});
