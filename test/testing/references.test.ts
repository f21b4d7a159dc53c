// The policy files a scenario names, found without loading it: read once per file (a suite of a thousand
// scenarios reads each of them here before the run when a reporter writes a file), however many
// references — spellings, links, scenario files — lead to it; a file that is not there is not read.

import { existsSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { namedPolicyFiles, type PolicyParents } from "../../src/testing/references.js";
import { cli, ROOT } from "../helpers/cli.js";
import { tempCases } from "../helpers/temp-cases.js";

const parsed = vi.hoisted(() => [] as string[]);
vi.mock("../../src/scenario/parse.js", async (original) => {
  const m = await original<typeof import("../../src/scenario/parse.js")>();
  return {
    ...m,
    parseText: (text: string, file: string) => {
      parsed.push(file);
      return m.parseText(text, file);
    },
  };
});

const read = vi.hoisted(() => [] as string[]);
vi.mock("../../src/scenario/read.js", async (original) => {
  const m = await original<typeof import("../../src/scenario/read.js")>();
  return {
    ...m,
    readInputFile: (file: string, kind: "scenario" | "policy" | "persona") => {
      read.push(file);
      return m.readInputFile(file, kind);
    },
  };
});

const { fresh } = tempCases("named-policies");

/** A folder with a policy file `p.yaml` (`minScore` as given: -5 is refused) and scenario files naming it. */
function suite(files: number, minScore = 600): { dir: string; policy: string; scenarios: string[] } {
  const dir = fresh();
  const policy = join(dir, "p.yaml");
  writeFileSync(policy, `name: p\nextends: default\nminScore: ${minScore}\n`);
  const scenarios = Array.from({ length: files }, (_, i) => {
    const file = join(dir, `s${i}.yaml`);
    writeFileSync(
      file,
      `name: s${i}\nuntil: 40\npolicy: p.yaml\nevents: []\nexpect:\n  - { end: true, status: none }\n`,
    );
    return file;
  });
  return { dir, policy, scenarios };
}

describe("namedPolicyFiles", () => {
  it("parses the scenario once for its `policy:` and its events' `use:`", () => {
    const file = join(ROOT, "scenarios/policy-adjustment.yaml");
    parsed.length = 0;
    const files = namedPolicyFiles(file, []);
    // default, and tightened (a policy event's use:) with what it extends
    expect(files.map((f) => f.split("/").at(-1))).toEqual(["default.yaml", "tightened.yaml"]);
    expect(parsed.filter((f) => f === file)).toHaveLength(1);
  });

  it("reads a policy file once, whatever spellings and links lead to it", () => {
    const { dir, policy } = suite(0);
    const links = Array.from({ length: 40 }, (_, i) => `l${i}.yaml`);
    for (const l of links) symlinkSync(policy, join(dir, l));
    const file = join(dir, "s.yaml");
    const uses = ["p.yaml", "./p.yaml", "x/../p.yaml", ...links];
    writeFileSync(
      file,
      `name: s\npolicy: p.yaml\nevents:\n${uses.map((u) => `  - { day: 1, type: policy, use: ${u} }\n`).join("")}`,
    );
    parsed.length = 0;
    const files = namedPolicyFiles(file, []);
    // every path that leads to it is a file the scenario reads (a report must not replace any of them)
    expect(files).toEqual(expect.arrayContaining([policy, ...links.map((l) => join(dir, l))]));
    expect(parsed.filter((f) => f.startsWith(dir) && f !== file)).toHaveLength(1);
  });

  it("with one map of parents, reads a policy named by many scenario files once", () => {
    const { dir, scenarios } = suite(30);
    const parents: PolicyParents = new Map();
    parsed.length = 0;
    for (const s of scenarios) expect(namedPolicyFiles(s, [], parents)).toContain(join(dir, "p.yaml"));
    expect(parsed.filter((f) => f === join(dir, "p.yaml"))).toHaveLength(1);
  });

  it("does not read a file that is not there, however many names it has", () => {
    const dir = fresh();
    const file = join(dir, "s.yaml");
    const uses = Array.from({ length: 2000 }, (_, i) => `missing-${i}.yaml`);
    writeFileSync(
      file,
      `name: s\nevents:\n${uses.map((u) => `  - { day: 1, type: policy, use: ${u} }\n`).join("")}`,
    );
    read.length = 0;
    // still named: the watch re-runs the scenario once the file is made
    expect(namedPolicyFiles(file, [])).toContain(join(dir, "missing-7.yaml"));
    expect(read.filter((f) => !existsSync(f))).toEqual([]);
  });
});

describe("credit-sim test", () => {
  it("reads a policy that many scenario files name once for the check of its reports, and once to run", async () => {
    const { dir, policy } = suite(30);
    parsed.length = 0;
    const r = await cli(
      ["test", "s*.yaml", "--no-snapshots", "--workers", "1", "--reporter", "junit", "--output", "r.xml"],
      { cwd: dir },
    );
    expect(r.status).toBe(0);
    expect(parsed.filter((f) => f === policy)).toHaveLength(2);
  });

  it("reads a refused policy that many scenario files name once to run, and once for what they name", async () => {
    const { dir, policy } = suite(30, -5);
    parsed.length = 0;
    const r = await cli(["test", "s*.yaml", "--no-snapshots", "--workers", "1"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/minScore: value out of range/);
    expect(parsed.filter((f) => f === policy)).toHaveLength(2);
  });
});
