// The policy files a scenario names are read once each, however many references name them — the same
// spelling on every event, other spellings, links to the file — refused or not; and a file's references
// are resolved no further than its problems can be reported. A 5 MB scenario holds 100,000 events: one
// `use:` each, naming a refused 4 MB policy, re-read and re-parsed that file for each (hours), and 100,000
// references to a missing file listed the folder for a "did you mean" 100,000 times (six minutes beside
// 2,000 files).
//
// The policy files a scenario names, found without loading it: read once per file (a suite of a thousand
// scenarios reads each of them here before the run when a reporter writes a file), however many
// references — spellings, links, scenario files — lead to it; a file that is not there is not read.
//
// One file, isolated (the parser and the reader are mocked to count their calls): an isolated file imports
// the CLI anew.

import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadScenario } from "../../src/scenario/load.js";
import { InputError, MAX_PROBLEMS } from "../../src/shared/errors.js";
import { namedPolicyFiles, type PolicyParents } from "../../src/testing/references.js";
import { makeContext, runOne } from "../../src/testing/run-one.js";
import { cli, ROOT } from "../helpers/cli.js";
import { inputErrorOf } from "../helpers/input-error.js";
import { tempCases } from "../helpers/temp-cases.js";

const parsed = vi.hoisted(() => [] as string[]);
vi.mock("../../src/scenario/parse.js", async (original) => {
  const m = await original<typeof import("../../src/scenario/parse.js")>();
  return {
    ...m,
    parseText: (...args: Parameters<typeof m.parseText>) => {
      parsed.push(args[1]);
      return m.parseText(...args);
    },
  };
});

const reads = vi.hoisted(() => [] as string[]);
vi.mock("../../src/scenario/read.js", async (original) => {
  const m = await original<typeof import("../../src/scenario/read.js")>();
  return {
    ...m,
    readInputFile: (...args: Parameters<typeof m.readInputFile>) => {
      reads.push(args[0]);
      return m.readInputFile(...args);
    },
  };
});

const { fresh } = tempCases("policy-reads");

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
    reads.length = 0;
    // still named: the watch re-runs the scenario once the file is made
    expect(namedPolicyFiles(file, [])).toContain(join(dir, "missing-7.yaml"));
    expect(reads.filter((f) => !existsSync(f))).toEqual([]);
    // and the scenario itself is read: the check above is not met by reading nothing
    expect(reads).toContain(file);
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

/** A scenario in `dir` whose events are a policy change each, naming `refs` in turn. */
function scenarioNaming(dir: string, refs: readonly string[]): string {
  const file = join(dir, "s.yaml");
  const events = refs.map((ref, i) => `  - { day: ${i % 300}, type: policy, use: ${ref} }\n`).join("");
  writeFileSync(file, `name: s\nuntil: 400\nevents:\n${events}`);
  return file;
}

function refusal(file: string): InputError {
  reads.length = 0;
  return inputErrorOf(() => loadScenario(file), file);
}

const policyReads = (dir: string) => reads.filter((f) => f.startsWith(dir) && !f.endsWith("s.yaml"));

describe("a policy file named many times", () => {
  it("refused: read once and its problem said once, whatever spelling or link names it", () => {
    const dir = fresh();
    writeFileSync(join(dir, "bad.yaml"), "name: bad\nextends: default\nminScore: -5\n");
    mkdirSync(join(dir, "links"));
    for (let i = 0; i < 50; i++) symlinkSync(join(dir, "bad.yaml"), join(dir, "links", `l${i}.yaml`));
    const refs = [
      ...Array(1000).fill("bad.yaml"),
      "./bad.yaml",
      "links/../bad.yaml",
      ...Array.from({ length: 50 }, (_, i) => `links/l${i}.yaml`),
    ];
    const e = refusal(scenarioNaming(dir, refs));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]!.details).toMatchObject({ line: 3, field: "minScore" });
    expect(policyReads(dir)).toHaveLength(1);
  });

  it("loaded: read once, through its links too", () => {
    const dir = fresh();
    writeFileSync(join(dir, "good.yaml"), "name: good\nextends: default\nminScore: 600\n");
    for (let i = 0; i < 20; i++) symlinkSync(join(dir, "good.yaml"), join(dir, `l${i}.yaml`));
    reads.length = 0;
    const s = loadScenario(
      scenarioNaming(dir, [
        ...Array(200).fill("good.yaml"),
        ...Array.from({ length: 20 }, (_, i) => `l${i}.yaml`),
      ]),
    );
    expect(s.scenario.events.every((ev) => ev.type === "policy" && ev.use?.name === "good")).toBe(true);
    expect(policyReads(dir)).toHaveLength(1);
  });

  it("reached through a link in another folder, it extends what that folder holds, whatever was read first", () => {
    // the file is read once per folder its `extends` is resolved from: a link in b/ to a/p.yaml, read after
    // a/p.yaml in one run, extended a/base.yaml (minOpenScore 600) where alone it extends b/base.yaml (900),
    // and the other order gave a's scenario b's parent — a file outside a's folder tree and roots
    const dir = fresh();
    for (const [d, min] of [
      ["a", 600],
      ["b", 900],
    ] as const) {
      mkdirSync(join(dir, d));
      writeFileSync(join(dir, d, "base.yaml"), `name: base-${d}\nextends: default\nminOpenScore: ${min}\n`);
      writeFileSync(
        join(dir, d, "s.yaml"),
        "name: s\nuntil: 10\npolicy: ./p.yaml\nevents:\n  - { day: 1, type: repay, amount: full }\n",
      );
    }
    writeFileSync(join(dir, "a", "p.yaml"), "name: p\nextends: ./base.yaml\n");
    symlinkSync(join(dir, "a", "p.yaml"), join(dir, "b", "p.yaml"));
    const expected = { a: 600, b: 900 };
    for (const order of [
      ["a", "b"],
      ["b", "a"],
    ] as const) {
      // one run's reading (CREDIT_SIM_ROOT allows the link's target)
      const run = { policyCache: new Map(), policyOutcomes: new Map(), roots: [join(dir, "a")] };
      const got = Object.fromEntries(
        order.map((d) => [d, loadScenario(join(dir, d, "s.yaml"), run).scenario.policy.minOpenScore]),
      );
      expect(got).toEqual(expected);
    }
  });

  it("reached through links in many folders, its text is read once, what each folder holds for its `extends` once each", () => {
    // a 4 MB policy through links in 200 folders would otherwise be parsed 200 times
    const dir = fresh();
    writeFileSync(join(dir, "p.yaml"), "name: p\nextends: ./base.yaml\n");
    const refs: string[] = [];
    for (let i = 0; i < 30; i++) {
      mkdirSync(join(dir, `d${i}`));
      writeFileSync(
        join(dir, `d${i}`, "base.yaml"),
        `name: base\nextends: default\nminOpenScore: ${700 + i}\n`,
      );
      symlinkSync(join(dir, "p.yaml"), join(dir, `d${i}`, "p.yaml"));
      refs.push(`d${i}/p.yaml`, `./d${i}/p.yaml`);
    }
    reads.length = 0;
    const s = loadScenario(scenarioNaming(dir, refs));
    expect(s.scenario.events.map((ev) => (ev.type === "policy" ? ev.use?.minOpenScore : null))).toEqual(
      refs.map((_, i) => 700 + Math.floor(i / 2)),
    );
    const named = (f: string) => policyReads(dir).filter((r) => r.endsWith(f)).length;
    expect([named("p.yaml"), named("base.yaml")]).toEqual([1, 30]);
  });

  it("a chain of `extends` too long from one file is not too long from a file further down, whatever was read first", () => {
    // p0 → p1 → … → p70 → default: 72 files, more than the 65 a chain may hold from p0, 52 from p20. Read
    // in one run after p0, p20 was refused for p0's chain ('more than 64 levels deep'), and read after
    // p20, p0 loaded: p20 was found read and its 51 files were not counted
    const dir = fresh();
    for (let i = 0; i < 70; i++)
      writeFileSync(join(dir, `p${i}.yaml`), `name: p${i}\nextends: ./p${i + 1}.yaml\n`);
    writeFileSync(join(dir, "p70.yaml"), "name: p70\nextends: default\n");
    for (const n of [0, 20])
      writeFileSync(
        join(dir, `s${n}.yaml`),
        `name: s${n}\nuntil: 10\npolicy: ./p${n}.yaml\nevents:\n  - { day: 1, type: repay, amount: full }\n`,
      );
    const outcome = (n: number, run: object) => {
      try {
        return loadScenario(join(dir, `s${n}.yaml`), run).scenario.policy.name;
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        return `${e.problems[0]!.message}: ${e.problems[0]!.details.found}`;
      }
    };
    const alone = { s0: outcome(0, {}), s20: outcome(20, {}) };
    expect(alone.s0).toMatch(/more than 64 levels deep: \S*\/p64\.yaml: a chain of 66 /);
    expect(alone.s20).toBe("p20");
    for (const order of [
      [0, 20],
      [20, 0],
    ] as const) {
      const run = { policyCache: new Map(), policyOutcomes: new Map() };
      expect(Object.fromEntries(order.map((n) => [`s${n}`, outcome(n, run)]))).toEqual(alone);
    }
  });

  it("a file that is not there is looked for once, and each line that names it is told (up to the limit)", () => {
    const dir = fresh();
    // 5,000 references, far past the 4 × MAX_PROBLEMS a file looks up: 50,000 counted the same reads
    const e = refusal(scenarioNaming(dir, Array(5_000).fill("nothere.yaml")));
    expect(e.problems).toHaveLength(MAX_PROBLEMS);
    expect(e.truncated).toBe(true);
    expect(e.problems.map((p) => p.details.line)).toEqual(
      Array.from({ length: MAX_PROBLEMS }, (_, i) => i + 4),
    );
    expect(e.problems[0]!.message).toMatch(/policy file not found/);
    expect(policyReads(dir)).toHaveLength(1);
  });

  it("references beyond the problems a file can report are not looked up", () => {
    const dir = fresh();
    const e = refusal(
      scenarioNaming(
        dir,
        Array.from({ length: 5_000 }, (_, i) => `missing-${i}.yaml`),
      ),
    );
    expect(e.problems).toHaveLength(MAX_PROBLEMS);
    expect(e.truncated).toBe(true);
    expect(policyReads(dir).length).toBeLessThanOrEqual(4 * MAX_PROBLEMS);
  });

  it("refused, in a suite: read once for all the scenario files that name it (and once for what they name)", () => {
    const dir = fresh();
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "name: bad\nextends: default\nminScore: -5\n");
    const ctx = makeContext({ cwd: dir, roots: [], grep: null, snapshots: null });
    reads.length = 0;
    for (let i = 0; i < 30; i++) {
      const file = join(dir, `s${i}.yaml`);
      writeFileSync(file, `name: s${i}\nuntil: 40\nevents:\n  - { day: 1, type: policy, use: bad.yaml }\n`);
      const report = runOne({ path: file, shown: `s${i}.yaml` }, ctx);
      expect(report).toMatchObject({ status: "error" });
    }
    // once to load, once for the files each refused scenario names (its report's policyFiles)
    expect(reads.filter((f) => f === bad)).toHaveLength(2);
  });

  it("refused, on run's command line: read once for all the files that name it", async () => {
    const dir = fresh();
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "name: bad\nextends: default\nminScore: -5\n");
    const files = Array.from({ length: 30 }, (_, i) => {
      const file = join(dir, `s${i}.yaml`);
      writeFileSync(file, `name: s${i}\nuntil: 40\nevents:\n  - { day: 1, type: policy, use: bad.yaml }\n`);
      return file;
    });
    reads.length = 0;
    const r = await cli(["run", ...files], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/minScore: value out of range/);
    expect(reads.filter((f) => f === bad)).toHaveLength(1);
  });
});
