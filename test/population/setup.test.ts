// A population from its description: files named relative to the given folder, policy references as an
// exported file will name them, and a challenger that could be mistaken for the champion refused.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type PopulationRequest, preparePopulation, shardRange } from "../../src/population/setup.js";
import { UsageError } from "../../src/shared/errors.js";
import { FIXTURES } from "./helpers.js";

const range = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));

const request = (over: Partial<PopulationRequest> = {}): PopulationRequest => ({
  personas: ["tiny.yaml"],
  accounts: 30,
  days: 100,
  seed: 5,
  start: "2024-01-01",
  policy: "default",
  challenger: undefined,
  challengerFrom: 0,
  challengerSet: {},
  ...over,
});

describe("preparePopulation", () => {
  it("loads persona files relative to the given folder, and describes the population in its meta", () => {
    const pop = preparePopulation(request(), FIXTURES);
    expect(pop.personas.map((p) => p.name)).toEqual(["tiny"]);
    expect(pop.settings).toMatchObject({ seed: 5, days: 100, arms: [], compare: [] });
    expect(pop.meta).toMatchObject({ accounts: 30, range: [0, 30], challenger: null });
    expect(pop.meta.policy).toMatchObject({ name: "default", ref: "default" });
    expect(pop.meta.personas[0]!.fingerprint).toMatch(/^[0-9a-f]{8}$/);
  });

  it("a challenger from parameters set on the champion, labelled with them", () => {
    const pop = preparePopulation(
      request({ challengerSet: { minScore: 650 }, challengerFrom: 30 }),
      FIXTURES,
    );
    expect(pop.settings.arms).toHaveLength(1);
    expect(pop.settings.arms[0]!).toMatchObject({ use: null, set: { minScore: 650 } });
    expect(pop.settings.arms[0]!.policy.minScore).toBe(650);
    expect(pop.settings).toMatchObject({ from: 30, compare: [[0, 1]] });
    expect(pop.meta.challenger).toMatchObject({ name: "default + minScore=650", set: { minScore: 650 } });
  });

  it("a policy file is kept by its absolute path (an export names it relative to itself)", () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-setup-"));
    writeFileSync(join(dir, "mine.yaml"), "name: mine\nextends: default\nminScore: 640\n");
    const pop = preparePopulation(request({ personas: [], challenger: "./mine.yaml" }), dir);
    expect(pop.policyRefs.get("mine")).toBe(join(dir, "mine.yaml"));
    expect(pop.personas.length).toBeGreaterThanOrEqual(5);
  });

  it("the result document names a policy file from the working folder, or by its name: never the runner's absolute path", () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-setup-"));
    mkdirSync(join(dir, "work", "policies"), { recursive: true });
    writeFileSync(
      join(dir, "work", "policies", "mine.yaml"),
      "name: mine\nextends: default\nminScore: 640\n",
    );
    writeFileSync(join(dir, "theirs.yaml"), "name: theirs\nextends: tightened\n");
    const cwd = join(dir, "work");
    const pop = preparePopulation(
      request({
        personas: [],
        policy: "./policies/../policies/mine.yaml",
        challenger: join(dir, "theirs.yaml"),
      }),
      cwd,
    );
    // the same in every checkout of a repository, and nothing of the folders above it
    expect(pop.meta.policy).toMatchObject({ name: "mine", ref: "policies/mine.yaml" });
    expect(pop.meta.challenger).toMatchObject({ name: "theirs", ref: "theirs.yaml" });
    expect(JSON.stringify(pop.meta)).not.toContain(dir);
    // an export still names the files it runs with from where it is written
    expect(pop.policyRefs.get("mine")).toBe(join(cwd, "policies", "mine.yaml"));
    expect(pop.policyRefs.get("theirs")).toBe(join(dir, "theirs.yaml"));
  });

  it("refuses a challenger file with the champion's name", () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-setup-"));
    writeFileSync(join(dir, "fake.yaml"), "name: default\nextends: tightened\n");
    expect(() => preparePopulation(request({ personas: [], challenger: "fake.yaml" }), dir)).toThrow(
      UsageError,
    );
  });

  it("a sweep's variants whose penalty falls below the interest are warned of each, the first 20, then how many more", () => {
    // 25 variants, every one a penalty below the default's 0.0005 a day
    const pop = preparePopulation(
      request({ sweep: [{ param: "penaltyRatePerDay", values: range(25, (i) => (i + 1) / 100_000) }] }),
      FIXTURES,
    );
    expect(pop.warnings).toHaveLength(21);
    expect(pop.warnings[0]).toMatch(/^--sweep variant 1 \(penaltyRatePerDay=0\.00001\): penaltyRatePerDay: /);
    expect(pop.warnings[19]).toMatch(/^--sweep variant 20 \(penaltyRatePerDay=0\.0002\): /);
    expect(pop.warnings[20]).toBe("--sweep: 5 more variants warned of as the ones above");
    expect(preparePopulation(request(), FIXTURES).warnings).toEqual([]);
  });

  it("shards are contiguous blocks that cover every account once", () => {
    const blocks = [1, 2, 3].map((i) => shardRange(100, i, 3));
    expect(blocks).toEqual([
      [0, 33],
      [33, 66],
      [66, 100],
    ]);
  });
});
