// @module-tag slow
// Worker threads, which only the built CLI has (they load dist/): `test` and `simulate` in workers give
// the same bytes as one thread in-process, whatever order the workers finish in.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, spawnCli } from "../helpers/cli.js";
import { COUNT, writeManyScenarios } from "../helpers/many-scenarios.js";

const withoutTimes = (json: string) =>
  JSON.stringify(JSON.parse(json), (k, v) => (k === "durationMs" ? 0 : v));

describe("credit-sim test in worker threads", () => {
  let dir: string;
  beforeAll(() => {
    dir = writeManyScenarios();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const args = ["test", "s", "--no-snapshots"];

  it("reports the same thing, in the same order, as one thread (pretty on stdout, JSON to a file)", async () => {
    const two = spawnCli([...args, "--workers", "2", "--output-file", "json=two.json"], { cwd: dir });
    const one = await cli([...args, "--workers", "1", "--output-file", "json=one.json"], { cwd: dir });
    expect(two.stderr).toBe("");
    expect(two.status).toBe(1);
    expect(one.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    const doc = readFileSync(join(dir, "two.json"), "utf8");
    expect(withoutTimes(doc)).toBe(withoutTimes(readFileSync(join(dir, "one.json"), "utf8")));
    expect(JSON.parse(doc).summary.scenarios.total).toBe(COUNT);
  });

  it("--bail stops at the same place with workers as without", async () => {
    const two = spawnCli([...args, "--bail", "--workers", "2", "--reporter", "json"], { cwd: dir });
    const one = await cli([...args, "--bail", "--workers", "1", "--reporter", "json"], { cwd: dir });
    expect(two.status).toBe(1);
    expect(withoutTimes(two.stdout)).toBe(withoutTimes(one.stdout));
    expect(JSON.parse(two.stdout).notRun).toBeGreaterThan(0);
  });
});

describe("credit-sim simulate in worker threads", () => {
  const tmp = mkdtempSync(join(tmpdir(), "credit-sim-workers-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const POP = [
    "test/fixtures/population/tiny.yaml",
    "stretched",
    "profile-changer",
    "--days",
    "200",
    "--seed",
    "3",
  ];

  it("3 workers give the bytes of 1 (result, flips and CSV rows): 240 accounts, 12 chunks, interleaved", async () => {
    const args = ["simulate", ...POP, "--accounts", "240", "--challenger", "tightened", "--json"];
    const three = spawnCli([...args, "--workers", "3", "--csv", join(tmp, "three.csv")]);
    const one = await cli([...args, "--workers", "1", "--csv", join(tmp, "one.csv")]);
    expect(three.stderr).toBe("");
    expect(three.status).toBe(0);
    expect(three.stdout).toBe(one.stdout);
    expect(readFileSync(join(tmp, "three.csv"), "utf8")).toBe(readFileSync(join(tmp, "one.csv"), "utf8"));
    const doc = JSON.parse(three.stdout);
    expect(doc.meta.accounts).toBe(240);
    expect(doc.aggregates.flips.length).toBeGreaterThan(0);
    expect(doc.summary.groups.map((g: { persona: string }) => g.persona)).toEqual([
      "tiny",
      "stretched",
      "profile-changer",
      "(all)",
    ]);
  });

  it("a century-long horizon runs in a worker too (its heap makes room for the totals)", () => {
    // every shipped persona under two policies: tens of MB of histograms in the worker, whatever the
    // number of accounts (two keep the run short; the report, not the 40 MB --json document)
    const century = ["--accounts", "2", "--days", "36500", "--challenger", "tightened", "--no-chart"];
    const r = spawnCli(["simulate", ...century, "--workers", "2"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Population: 2 accounts × 36500 days");
    expect(r.stdout).toContain("Score at day 36499");
  });
});

describe("golden traces in worker threads", () => {
  it("are written by the main thread, the same as one thread writes them", async () => {
    const dir = writeManyScenarios();
    const other = writeManyScenarios();
    try {
      const two = spawnCli(["test", "s", "-u", "--workers", "2"], { cwd: dir, env: { CI: "" } });
      const one = await cli(["test", "s", "-u", "--workers", "1"], { cwd: other, env: { CI: "" } });
      expect(two.stderr).toBe("");
      expect(two.stdout).toBe(one.stdout);
      expect(two.stdout).toMatch(new RegExp(`Golden traces\\s+0 matched, ${COUNT} written`));
      for (const folder of ["s/__snapshots__", "s/nested/__snapshots__"]) {
        const names = readdirSync(join(dir, folder));
        expect(names).toEqual(readdirSync(join(other, folder)));
        expect(names.filter((n) => n.endsWith(".tmp"))).toEqual([]);
        for (const n of names)
          expect(readFileSync(join(dir, folder, n), "utf8")).toBe(
            readFileSync(join(other, folder, n), "utf8"),
          );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(other, { recursive: true, force: true });
    }
  });
});
