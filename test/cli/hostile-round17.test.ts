// Hostile input, round 17: a path walking back out of a folder that does not exist, options and arguments
// given empty (an unset shell variable), and the library handed what its files would be refused for: a
// scenario with an event after its last day, a population result whose totals contradict each other.

import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toldEmptyOptions } from "../../src/cli/options/empty.js";
import { fromDocument, loadScenario, mergeResults, simulate, summarise } from "../../src/index.js";
import { InputError } from "../../src/shared/errors.js";
import { cli, ROOT } from "../helpers/cli.js";
import { tempCases } from "../helpers/temp-cases.js";

const ZHANG = "scenarios/zhang-ming.yaml";

describe("a path walking back out of what is not a folder", () => {
  // `nope/../z.yaml` with no `nope`: the system refuses it (`cat`: no such file or directory), and
  // `resolve` took `nope/..` off and read z.yaml
  const { fresh } = tempCases("round17-back");
  const tree = () => {
    const d = fresh();
    copyFileSync(join(ROOT, ZHANG), join(d, "z.yaml"));
    writeFileSync(join(d, "pol.yaml"), "name: p\nextends: default\n");
    mkdirSync(join(d, "dir"));
    return d;
  };

  it.each([
    [["run", "nope/../z.yaml", "--no-chart"], "nope/../z.yaml"],
    [["run", "dir/nope/../../z.yaml", "--no-chart"], "dir/nope/../../z.yaml"],
    [["run", "z.yaml", "--policy", "nope/../pol.yaml", "--no-chart"], "nope/../pol.yaml"],
    [["test", "nope/../z.yaml"], "nope/../z.yaml"],
  ])(
    "is refused as the system refuses it, and said to go through what is not there: %j",
    async (args, named) => {
      const d = tree();
      const r = await cli(args, { cwd: d });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(named);
      expect(r.stderr).toContain("does not exist");
      expect(r.stdout).not.toContain("Zhang Ming");
    },
  );

  it("a folder that exists may still be walked out of", async () => {
    const d = tree();
    const r = await cli(["run", "dir/../z.yaml", "--no-chart"], { cwd: d });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Zhang Ming");
  });

  it.each([["di*/../z.yaml"], ["{dir,nope}/../z.yaml"]])(
    "a test pattern whose '..' follows a wildcard is a pattern, read as the shell reads it: %j",
    async (pattern) => {
      // no name "di*" is there: refused as a path that goes through nothing, where it ran before
      const d = tree();
      const r = await cli(["test", "--no-snapshots", pattern], { cwd: d });
      expect(r.stderr).not.toContain("does not exist");
      expect(r.stdout).toMatch(/Scenarios\s+1 passed/);
    },
  );
});

describe("an option given empty: an unset shell variable", () => {
  // `--grep "$PATTERN"` with PATTERN unset: a number option was told what it likely is, the rest only what
  // was wrong with "" (`--shard must be I/N`, `--set "": no policy parameter given`)
  const PERSONA = "personas/revolver.yaml";
  it.each([
    [["simulate", PERSONA, "--start", ""], "--start", "expected: a date as YYYY-MM-DD"],
    [["simulate", PERSONA, "--days=", "--accounts", "2"], "--days", "give a number"],
    [["simulate", PERSONA, "--sweep", ""], "--sweep", "expected: a policy parameter"],
    [["simulate", PERSONA, "--challenger-set", ""], "--challenger-set", "e.g. minScore=650"],
    [["simulate", PERSONA, "--challenger", ""], "--challenger", "see `credit-sim policies`"],
    [["simulate", PERSONA, "--csv", ""], "--csv", "give a file name, or - for standard output"],
    [["test", "--grep", ""], "--grep", "it would match every scenario"],
    [["test", "--reporter", ""], "--reporter", "e.g. --reporter pretty,junit"],
    [["test", "--shard", ""], "--shard", "e.g. --shard 1/3"],
    [["test", "--output-file", ""], "--output-file", "e.g. --output-file junit=report.xml"],
    [["run", ZHANG, "--html", ""], "--html", "give a file name"],
    [["whatif", ZHANG, "--set", ""], "--set", "no policy parameter given"],
    [["whatif", ZHANG, "--policy", ""], "--policy", "see `credit-sim policies`"],
    [["whatif", ZHANG, "--add", ""], "--add", "e.g. --add"],
    [["whatif", ZHANG, "--remove", ""], "--remove", "give event numbers or conditions"],
    [["whatif", ZHANG, "--edit", ""], "--edit", "e.g. --edit 7:day=65"],
    [["whatif", ZHANG, "--avoid", ""], "--avoid", "e.g. --avoid suspended"],
  ])("%j is told it is likely unset, its own advice kept", async (args, flag, own) => {
    const r = await cli(args);
    expect(r.status).toBe(2);
    const told = r.stderr.split("\ncredit-sim: ").find((p) => p.includes(flag));
    expect(told).toContain("an empty value (an unset shell variable?)");
    expect(told).toContain(own);
    // said once, however many checks the value went through
    expect(r.stderr.split("unset shell variable").length).toBe(2);
  });

  it.each([[["run", ""]], [["test", ""]], [["merge", ""]], [["init", ""]]])(
    "an empty path argument %j is told so too",
    async (args) => {
      const r = await cli(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("an empty value (an unset shell variable?): give the path of a");
    },
  );

  it.each([["--a(="], ["--x\u001b[2J="], ["--b[="]])(
    "an unknown option %j given empty, its name holding what a pattern would read, is refused as bad usage, its name escaped",
    async (opt) => {
      // the option's name went into a regular expression unescaped: a SyntaxError, the bundle's source and a
      // stack trace, exit 1 — and a raw escape sequence to the terminal
      const r = await cli(["run", ZHANG, opt]);
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/SyntaxError|\n\s+at /);
      expect(r.stderr).not.toContain("\u001b");
    },
  );

  it("a problem of the same option's other, non-empty value is not told it", async () => {
    const r = await cli(["whatif", ZHANG, "--remove", "", "--remove", "999"]);
    expect(r.status).toBe(2);
    const [empty, other] = r.stderr.split("\ncredit-sim: ").filter((p) => p.includes("--remove"));
    expect(empty).toContain("unset shell variable");
    expect(other).toBeDefined();
    expect(other).not.toContain("unset shell variable");
  });
});

describe("an argument given empty that names no path", () => {
  it.each([[["completion", ""]], [["reasons", ""]]])("%j is told it is likely unset", async (args) => {
    const r = await cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('found:    ""');
    expect(r.stderr).toContain("an empty value (an unset shell variable?)");
  });

  it("a file's own empty value is not taken for one", () => {
    const file = new InputError("policy: no policy named", { file: "s.yaml", found: '""', hint: "name one" });
    const option = new InputError("--html: an empty file name", { found: '""', hint: "give a file name" });
    const told = toldEmptyOptions(InputError.all([file, option]), ["run", "s.yaml", "--html", ""]);
    expect(told.problems.map((p) => p.details.hint)).toEqual([
      "name one",
      "an empty value (an unset shell variable?): give a file name",
    ]);
  });
});

describe("the library handed a scenario with an event after its last day", () => {
  // a file is refused ("the event is after the last simulated day"); simulate() ran one built by hand
  // without the event, and said nothing
  const zhang = () => structuredClone(loadScenario(join(ROOT, ZHANG)).scenario);

  it("is refused, naming the event's day and the last", () => {
    const s = zhang();
    const late = { day: s.until + 1, index: s.events.length, type: "note" as const, text: "late" };
    Object.assign(s, { events: [...s.events, late] });
    expect(() => simulate(s)).toThrow(InputError);
    expect(() => simulate(s)).toThrow(
      `events[30].day: expected a day no later than until (400): the event would never run, found 401`,
    );
  });

  it("a loaded scenario cut by an until of its own still runs, and holds no event past it", () => {
    const loaded = loadScenario(join(ROOT, ZHANG), { until: 100 });
    expect(loaded.scenario.events.every((e) => e.day <= 100)).toBe(true);
    expect(simulate(loaded.scenario).until).toBe(100);
  });
});

describe("the library handed a population result edited in memory", () => {
  // `merge` refuses a document whose totals contradict each other; mergeResults and summarise summed an
  // arm's opened 999 of its 10 accounts into an approval rate of 50
  const shard = async (i: number) => {
    const args = ["simulate", "personas/revolver.yaml", "--accounts", "8", "--days", "30", "--json"];
    const r = await cli([...args, "--shard", `${i}/2`]);
    return fromDocument(JSON.parse(r.stdout), `${i}.json`);
  };

  it("is refused where its totals contradict each other, naming the field", async () => {
    const [a, b] = [await shard(1), await shard(2)];
    const edited = structuredClone(a);
    const first = edited.champion[0]!;
    first.opened = first.accounts + 1;
    const parts = [
      { result: edited, file: "a" },
      { result: b, file: "b" },
    ];
    expect(() => mergeResults(parts)).toThrow(
      `parts[0].result.champion[0].opened: totals that contradict each other: expected at most accounts (${first.accounts})`,
    );
    expect(() => summarise(edited)).toThrow(InputError);
    // the results as made still merge
    expect(mergeResults([parts[1]!, { result: a, file: "a" }]).meta.accounts).toBe(8);
  });
});
