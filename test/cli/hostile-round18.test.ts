// Hostile input, round 18: output paths walking back out of what is not a folder, a key=value given no
// value (an unset shell variable), an edit that changes nothing, the library's unknown option, numbers
// quoted as written, a null byte placed where it is, a golden trace that cannot be written, and event
// numbers of a scenario with none.

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, preparePopulation, runScenario } from "../../src/index.js";
import { InputError } from "../../src/shared/errors.js";
import { writeTrace } from "../../src/testing/snapshots.js";
import { cli, ROOT } from "../helpers/cli.js";
import { populationRequest } from "../helpers/population-request.js";
import { tempCases } from "../helpers/temp-cases.js";

const ZHANG = "scenarios/zhang-ming.yaml";
const PERSONA = join(ROOT, "personas/revolver.yaml");

describe("an output path walking back out of what is not a folder", () => {
  // `--html z.yaml/../o.html`, z.yaml a file: the system refuses it (not a directory), and `resolve` took
  // `z.yaml/..` off and wrote o.html — inputs were already refused so (round 16, 17)
  const { fresh } = tempCases("round18-out");
  const tree = () => {
    const d = fresh();
    copyFileSync(join(ROOT, ZHANG), join(d, "z.yaml"));
    mkdirSync(join(d, "dir"));
    return d;
  };
  const small = ["--accounts", "4", "--days", "40", "--no-progress"];

  it.each([
    [["run", "z.yaml", "--no-chart", "--html", "z.yaml/../o.html"], "z.yaml/../o.html", "a file as a folder"],
    [["run", "z.yaml", "--no-chart", "--html", "nope/../o.html"], "nope/../o.html", "does not exist"],
    [["simulate", PERSONA, ...small, "--csv", "z.yaml/../o.csv"], "z.yaml/../o.csv", "a file as a folder"],
    [
      ["simulate", PERSONA, ...small, "--html", "dir/nope/../../o.html"],
      "dir/nope/../../o.html",
      "does not exist",
    ],
    [
      ["simulate", PERSONA, ...small, "--challenger", "tightened", "--flips", "z.yaml/../o"],
      "z.yaml/../o",
      "a file as a folder",
    ],
    [
      ["simulate", PERSONA, ...small, "--export-account", "1", "-o", "nope/../o.yaml"],
      "nope/../o.yaml",
      "does not exist",
    ],
    [
      ["whatif", "z.yaml", "--remove", "3", "--save", "z.yaml/../o.yaml"],
      "z.yaml/../o.yaml",
      "a file as a folder",
    ],
    [
      ["whatif", "z.yaml", "--remove", "3", "--html", "z.yaml/../o.html"],
      "z.yaml/../o.html",
      "a file as a folder",
    ],
    [
      ["test", "z.yaml", "--no-snapshots", "--output-file", "junit=z.yaml/../o.xml"],
      "z.yaml/../o.xml",
      "a file as a folder",
    ],
    [["init", "z.yaml/../o"], "z.yaml/../o", "a file as a folder"],
  ])("is refused as the system refuses it, nothing written: %j", async (args, named, said) => {
    const d = tree();
    const r = await cli(args, { cwd: d });
    expect(r.stderr).toContain(named);
    expect(r.stderr).toContain(said);
    expect(r.status).toBe(2);
    expect(readdirSync(d).sort()).toEqual(["dir", "z.yaml"]);
  });

  it("through nothing, the hint names what to make and claims no refusal a folder's maker would not give", async () => {
    // 'make the folder (the system refuses it too: no such file or directory)': `mkdir -p nope/../np2`
    // makes it, so said of `init` (which makes folders) it was not so
    const d = tree();
    const r = await cli(["init", "nope/../np2"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('write the path without it, or make "nope" first');
    expect(r.stderr).not.toContain("the system refuses it");
  });

  it("a folder that exists may still be walked out of", async () => {
    const d = tree();
    const r = await cli(["run", "z.yaml", "--no-chart", "--html", "dir/../o.html"], { cwd: d });
    expect(r.status).toBe(0);
    expect(existsSync(join(d, "o.html"))).toBe(true);
  });
});

describe("a key=value given no value: an unset shell variable", () => {
  // `--set "minScore=$MIN"` with MIN unset was told `found: null`, and `--edit "7:note=$X"` removed the
  // field (an empty value read as null, which `note=null` means)
  it.each([
    [["whatif", ZHANG, "--set", "minScore="], "--set", "minScore"],
    [["whatif", ZHANG, "--edit", "3:day="], "--edit 3", "day"],
    [["whatif", ZHANG, "--edit", "3:merchant="], "--edit 3", "merchant"],
    [["whatif", ZHANG, "--add", "day=3,type=repay,amount="], "--add", "amount"],
    [
      ["simulate", PERSONA, "--accounts", "2", "--challenger-set", "minScore="],
      "--challenger-set",
      "minScore",
    ],
    [["simulate", PERSONA, "--accounts", "2", "--sweep", "minScore="], "--sweep", "minScore"],
  ])("is told it is likely unset, its own advice kept: %j", async (args, flag, key) => {
    const r = await cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(flag);
    expect(r.stderr).toContain(key);
    expect(r.stderr).toContain("an empty value (an unset shell variable?)");
    expect(r.stdout).toBe("");
  });

  it("an edit's field=null still removes it", async () => {
    const r = await cli(["whatif", ZHANG, "--edit", "3:merchant=null"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("merchant: (removed)");
  });

  it("one --add of several given empty is told so", async () => {
    const r = await cli(["whatif", ZHANG, "--add", "", "--add", "day=3,type=repay,amount=full"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--add needs an event");
    expect(r.stderr).toContain("an empty value (an unset shell variable?)");
  });
});

describe("an edit given twice", () => {
  // `--edit 3:day=5 --edit 3:day=5` listed two edits, the second as if it changed the event again
  it("the one that changes nothing is said to", async () => {
    const r = await cli(["whatif", ZHANG, "--edit", "3:day=5", "--edit", "3:day=5", "--no-chart"]);
    expect(r.status).toBe(0);
    const edits = r.stdout.split("\n").filter((l) => l.includes("edited #3"));
    expect(edits).toHaveLength(2);
    expect(edits[0]).not.toContain("no change");
    expect(edits[1]).toContain("day: 5 (no change: so already)");
  });

  it("so is a --set of a parameter already so", async () => {
    const r = await cli([
      "whatif",
      ZHANG,
      "--set",
      "minScore=600",
      "--set",
      "minScore=600,maxApplications30d=2",
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("policy minScore=600 (no change: so already), maxApplications30d=2\n");
  });
});

describe("the library's unknown option", () => {
  // 'options.untill: expected no field of load options: it has policy, …, found 3': read as if a field
  // were wanted absent, the value quoted as what was found, and no "did you mean"
  const refusal = (f: () => unknown): InputError => {
    try {
      f();
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error("not refused");
  };
  it("is named, with what is allowed and the field meant", () => {
    const e = refusal(() => runScenario(loadScenario(join(ROOT, ZHANG)), { untill: 3 } as never));
    expect(e.message).toBe('options.untill: unknown field "untill" of load options');
    expect(e.details.expected).toMatch(/^one of policy, cwd, seed, until, /);
    expect(e.details.hint).toBe('did you mean "until"?');
  });

  it("its field, too, shows the controls a key holds as escapes (a caller prints the message raw)", () => {
    // the quoted key was escaped, the field before it not: a BEL and an ESC [31m reached the caller's
    // terminal through the message of `options.un<BEL>till<ESC>[31m: …`
    const e = refusal(() =>
      runScenario(loadScenario(join(ROOT, ZHANG)), { "un\x07till\x1b[31m": 3 } as never),
    );
    expect(e.message).toBe(
      'options.un\\x07till\\x1b[31m: unknown field "un\\x07till\\x1b[31m" of load options',
    );
    expect([...e.message].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)).toBe(false);
    expect(e.details.field).toBe("options.un\\x07till\\x1b[31m");
  });

  it("a population request's too", () => {
    const e = refusal(() =>
      preparePopulation({ ...populationRequest(["steady-payer"]), acounts: 5 } as never, "."),
    );
    expect(e.message).toBe('request.acounts: unknown field "acounts" of a population request');
    expect(e.details.hint).toBe('did you mean "accounts"?');
  });
});

describe("a number quoted as it was written", () => {
  // `limit: 1e308` was told `found: 1e+308` — JavaScript's spelling, which no one typed
  const { fresh } = tempCases("round18-numbers");
  const scenario = (events: string) => {
    const d = fresh();
    writeFileSync(join(d, "n.yaml"), `name: n\nevents:\n${events}`);
    return d;
  };
  it.each([
    ["  - {day: 1, type: purchase, amount: 1e308}\n", "found:    1e308\n"],
    ["  - {day: 1, type: purchase, amount: 1E12}\n", "found:    1E12\n"],
    ["  - {day: 40.0e3, type: purchase, amount: 5}\n", "found:    40.0e3\n"],
    ["  - {day: 1, type: purchase, amount: 5e-324}\n", "found:    5e-324\n"],
    ["  - {day: 1, type: purchase, amount: -0}\n", "found:    -0\n"],
  ])("in a file: %j", async (events, found) => {
    const d = scenario(events);
    const r = await cli(["run", "n.yaml"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(found);
  });

  it("on the command line, where the text is not at hand: without JavaScript's '+'", async () => {
    const r = await cli(["whatif", ZHANG, "--set", "minScore=1e308"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("found:    1e308\n");
  });
});

describe("a null byte in a YAML file", () => {
  // js-yaml places it on the first line, at its offset in the whole file as a column: `1:20` for a NUL
  // on line 3
  const { fresh } = tempCases("round18-nul");
  it.each([
    ["name: x\nevents: []\n\0\n", "n.yaml:3:1: cannot parse: a control character (\\x00)"],
    ['name: x\ndescription: "a\0b"\nevents: []\n', "n.yaml:2:16: cannot parse: a control character (\\x00)"],
  ])("is placed where it is, and named: %j", async (text, said) => {
    const d = fresh();
    writeFileSync(join(d, "n.yaml"), text);
    const r = await cli(["run", "n.yaml"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(said);
  });
});

describe("a golden trace that cannot be written", () => {
  // a read-only checkout (a container's mounted scenarios): the first `test` was told only 'write somewhere
  // you may, or change the permissions' of the folder beside the scenario, where nothing else may go
  it("says the expectations can be checked alone", () => {
    let error: unknown;
    try {
      // a folder no folder can be made in, root or not
      writeTrace("/proc/self/z.yaml", "#day\n", "z.yaml.trace");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).details.hint).toMatch(
      /; or check the expectations alone: credit-sim test --no-snapshots$/,
    );
  });
});

describe("an event number of a scenario with no events", () => {
  // 'no event #1: the events are numbered 1–0'
  const { fresh } = tempCases("round18-empty");
  it.each([[["--remove", "1"]], [["--edit", "1:day=3"]], [["--remove", "1-3"]]])(
    "says there are none: %j",
    async (flags) => {
      const d = fresh();
      writeFileSync(join(d, "e.yaml"), "name: e\nevents: []\n");
      const r = await cli(["whatif", "e.yaml", ...flags], { cwd: d });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("no event #1: the scenario has no events");
      expect(r.stderr).not.toContain("1–0");
    },
  );
});

describe("a listing of a scenario with no events", () => {
  // `whatif e.yaml --list` printed the header and nothing under it, read as a listing cut short
  const { fresh } = tempCases("round18-empty-list");
  it("says there is nothing to number, and how to add an event", async () => {
    const d = fresh();
    writeFileSync(join(d, "e.yaml"), "name: e\nevents: []\n");
    const r = await cli(["whatif", "e.yaml", "--list"], { cwd: d });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("no events to number: add one with --add");
    expect(r.stdout).not.toContain("decision");
  });
});

describe("a -0 an edit was given", () => {
  // `--edit 3:day=-0` was taken as day 0 and saved as `day: -0`, a spelling of 0 no one means to keep
  const { fresh } = tempCases("round18-minus-zero");
  it("is saved as the 0 it stands for", async () => {
    const d = fresh();
    copyFileSync(join(ROOT, ZHANG), join(d, "z.yaml"));
    const r = await cli(["whatif", "z.yaml", "--edit", "3:day=-0", "--save", "out.yaml", "--no-chart"], {
      cwd: d,
    });
    expect(r.status).toBe(0);
    const saved = readFileSync(join(d, "out.yaml"), "utf8");
    expect(saved).toContain("- { day: 0, type: purchase, amount: 540.5, merchant: Meituan }");
    expect(saved).not.toMatch(/: -0\b/);
  });
});
