// argv → typed options, for every command: parseArgv parses and checks, and runs nothing.

import { Command } from "commander";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { addOptions, flag, refuseGiven, text, wholeNumber } from "../../src/cli/options/table.js";
import { buildProgram, type Invocation, type Parsed, parseArgv } from "../../src/cli/program.js";
import { InputError, UsageError } from "../../src/shared/errors.js";
import { quoted } from "../../src/shared/text.js";
import { workerCap } from "../../src/shared/workers.js";

function io(env: Record<string, string> = {}) {
  const out = { stdout: "", stderr: "" };
  const value: CliIo = {
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
    stdinIsTTY: false,
    env,
    cwd: "/nowhere",
  };
  return { io: value, out };
}

function parse(args: string[], env: Record<string, string> = {}): Invocation {
  const parsed: Parsed = parseArgv(args, io(env).io);
  if (parsed.kind !== "invocation") throw new Error(`parsed to ${JSON.stringify(parsed)}`);
  return parsed.invocation;
}

/** The error a command line is refused with. */
function refused(args: string[]): InputError {
  try {
    parse(args);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`${args.join(" ")} parsed`);
}

describe("run", () => {
  it("defaults", () => {
    expect(parse(["run", "a.yaml"])).toEqual({
      command: "run",
      files: ["a.yaml"],
      options: {
        json: false,
        explain: false,
        policy: undefined,
        until: undefined,
        chart: true,
        color: true,
        html: undefined,
        wide: false,
        force: false,
      },
    });
  });

  it("every option", () => {
    const args = ["run", "a.yaml", "b.yaml", "--json", "--explain", "--policy", "tightened"];
    expect(parse([...args, "--until", "100", "--no-chart", "--no-color"])).toEqual({
      command: "run",
      files: ["a.yaml", "b.yaml"],
      options: {
        json: true,
        explain: true,
        policy: "tightened",
        until: { day: 100 },
        chart: false,
        color: false,
        html: undefined,
        wide: false,
        force: false,
      },
    });
  });

  it("names the flag and the value it refuses", () => {
    const e = refused(["run", "a.yaml", "--until", "abc"]);
    expect(e.message).toBe('--until: "abc" is not a number');
    expect(e.details.found).toBe('"abc"');
    expect(e.details.expected).toBe("a whole number from 0 to 36500");
    expect(refused(["run", "a.yaml", "--until", "1.5"]).message).toBe("--until: 1.5 is not a whole number");
    // a day's option says its other form
    expect(e.details.hint).toBe(
      "a day's number (day 0 is the start), or its date as YYYY-MM-DD (2024-08-15)",
    );
  });

  it("a whole number written another way is read; one out of range is said to be too large, with the range", () => {
    expect(parse(["run", "a.yaml", "--until", "1e2"])).toMatchObject({ options: { until: { day: 100 } } });
    const e = refused(["simulate", "--accounts", "1e9"]);
    expect(e.message).toBe("--accounts: 1e9 (1000000000) is too large");
    expect(e.details.expected).toBe("a whole number from 1 to 100000000");
    expect(refused(["simulate", "--days", "-5"]).message).toBe("--days: -5 is too small");
    expect(refused(["whatif", "f", "--budget", "2.5e4"]).message).toBe(
      "--budget: 2.5e4 (25000) is too large",
    );
    expect(refused(["simulate", "--cost-of-funds", "1.5"]).message).toBe("--cost-of-funds: 1.5 is too large");
  });

  it("every option that takes a day takes its number or its date, read alike", () => {
    expect(parse(["run", "a.yaml", "--until", "2024-06-30"])).toMatchObject({
      options: { until: { date: "2024-06-30" } },
    });
    expect(parse(["run", "a.yaml", "--until", "100"])).toMatchObject({ options: { until: { day: 100 } } });
    expect(parse(["explain", "a.yaml", "--day", "2024-06-30"])).toMatchObject({
      options: { day: { date: "2024-06-30" } },
    });
    // a population's days count from --start (2024-01-01 unless given)
    const sim = parse([
      "simulate",
      "--start",
      "2024-03-01",
      "--score-day",
      "2024-03-31",
      "--stress",
      "2024-04-10",
      "--challenger",
      "tightened",
      "--challenger-from",
      "2024-03-02",
    ]);
    expect(sim).toMatchObject({ options: { scoreDay: 30, stress: 40, challengerFrom: 1 } });
    // a date not on the calendar, or not written YYYY-MM-DD, is said alike by each
    for (const [command, flag] of [
      ["run", "--until"],
      ["explain", "--day"],
      ["simulate", "--score-day"],
      ["simulate", "--stress"],
    ] as const) {
      const file = command === "simulate" ? [] : ["a.yaml"];
      expect(refused([command, ...file, flag, "2024-02-30"]).message).toBe(
        `${flag}: 2024-02-30 is not a date on the calendar`,
      );
      expect(refused([command, ...file, flag, "2024-6-30"]).details.hint).toBe("write 2024-06-30");
    }
  });

  it("a date before the population's start, or past its days, is told with the days and dates it takes", () => {
    const before = refused(["simulate", "--start", "2024-03-01", "--score-day", "2024-02-01"]);
    expect(before.message).toBe("--score-day: 2024-02-01 is before the run starts (2024-03-01, day 0)");
    expect(before.details.expected).toBe("a day from 0 to 364, or a date from 2024-03-01 to 2025-02-28");
    const past = refused(["simulate", "--days", "30", "--stress", "2024-02-15"]);
    expect(past.message).toBe("--stress: 2024-02-15 (day 45) is too large");
    expect(past.details.expected).toBe("a day from 0 to 29, or a date from 2024-01-01 to 2024-01-30");
  });

  it("explain takes the day asked about by its number or by its date (a real one)", () => {
    expect(parse(["explain", "a.yaml", "--day", "2024-08-15"])).toMatchObject({
      options: { day: { date: "2024-08-15" } },
    });
    const feb30 = refused(["explain", "a.yaml", "--day", "2024-02-30"]);
    expect(feb30.message).toBe("--day: 2024-02-30 is not a date on the calendar");
    // what the month holds, as a scenario file's date is told
    expect(feb30.details.hint).toBe("February 2024 has 29 days: the last is 2024-02-29");
    // the date meant, as a file's is told
    expect(refused(["explain", "a.yaml", "--day", "2024/8/15"]).details.hint).toBe(
      'write 2024-08-15: year, month, day, joined by "-"',
    );
  });

  it("a date typed in full-width digits is told the date to type", () => {
    // as a full-width number is told: the same input method writes dates
    const start = refused(["simulate", "--start", "２０２４－０１－０１"]);
    expect(start.message).toBe('--start: "２０２４－０１－０１" is not written in ASCII digits');
    expect(start.details.hint).toBe("write 2024-01-01: a date is written in ASCII digits (0–9)");
    expect(refused(["explain", "a.yaml", "--day", "２０２４-０２-３０"]).details.hint).toBe(
      "February 2024 has 29 days: the last is 2024-02-29",
    );
  });

  it("a number typed in full-width digits, or with spaces around it, is told the number to type", () => {
    // as a scenario file's full-width number is told (`day: ５`: write 5)
    const seed = refused(["simulate", "--seed", "１２"]);
    expect(seed.message).toBe('--seed: "１２" is not a number');
    expect(seed.details.hint).toBe("write 12: a number is written in ASCII digits (0–9)");
    expect(refused(["explain", "a.yaml", "--day", "２２７"]).details.hint).toBe(
      "write 227: a number is written in ASCII digits (0–9)",
    );
    expect(refused(["simulate", "--cost-of-funds", "０．０３５"]).details.hint).toBe(
      "write 0.035: a number is written in ASCII digits (0–9)",
    );
    expect(refused(["simulate", "--days", " 30"]).details.hint).toBe(
      "write 30, without the spaces around it",
    );
  });

  it("a value with a line end or a tab around it is told that, not spaces (a variable set on Windows ends in \\r)", () => {
    expect(refused(["simulate", "--accounts", "4\r"]).details.hint).toBe(
      'write 4, without the "\\r" around it',
    );
    expect(refused(["simulate", "--days", "\t30"]).details.hint).toBe(
      'write 30, without the "\\t" around it',
    );
    expect(refused(["simulate", "--start", "2024-03-01\r"]).message).toBe(
      '--start: "2024-03-01\\r" has "\\r" around the date',
    );
    expect(refused(["whatif", "a.yaml", "--avoid", "suspended\r"]).details.hint).toBe(
      'write suspended, without the "\\r" around it',
    );
  });

  it("a number or a date typed in another script's digits is told what to type, as full-width ones are", () => {
    // ٥ (Arabic-Indic), ۵ (Persian), ५ (Devanagari), 𝟓 (mathematical) are decimal digits to Unicode too
    for (const five of ["٥", "۵", "५", "𝟓"])
      expect(refused(["explain", "a.yaml", "--day", five]).details.hint).toBe(
        "write 5: a number is written in ASCII digits (0–9)",
      );
    expect(refused(["simulate", "--seed", "١٢"]).details.hint).toBe(
      "write 12: a number is written in ASCII digits (0–9)",
    );
    expect(refused(["simulate", "--accounts", "−٥"]).details.hint).toBe(
      "a number is written in ASCII digits (0–9), and -5 is not a whole number from 1 to 100000000",
    );
    expect(refused(["simulate", "--start", "٢٠٢٤-٠١-٠٥"]).details.hint).toBe(
      "write 2024-01-05: a date is written in ASCII digits (0–9)",
    );
    expect(refused(["explain", "a.yaml", "--day", "२०२४-०२-३०"]).details.hint).toBe(
      "February 2024 has 29 days: the last is 2024-02-29",
    );
  });

  it("a number typed with its thousands grouped, or a decimal comma, is told the number to type", () => {
    for (const grouped of ["10,000", "10_000", "10 000", "10'000", "１０，０００"])
      expect(refused(["simulate", "--accounts", grouped]).details.hint, grouped).toBe(
        "write 10000, without the thousands separators",
      );
    expect(refused(["simulate", "--accounts", "1,000,000,000"]).details.hint).toBe(
      "write it without the thousands separators, and 1000000000 is not a whole number from 1 to 100000000",
    );
    expect(refused(["simulate", "--cost-of-funds", "0,035"]).details.hint).toBe(
      "write 0.035: a decimal is written with a point",
    );
    expect(refused(["simulate", "--accounts", "1,5"]).details.hint).toBe(
      "a decimal is written with a point, and 1.5 is not a whole number from 1 to 100000000",
    );
    // a list is no number
    expect(refused(["simulate", "--accounts", "1,2,3"]).details.hint).toBeUndefined();
  });

  it("…and not told to type a number the option would refuse next", () => {
    // `－５` for a count was told "write -5", which the option then refused as below 1
    expect(refused(["simulate", "--accounts", "－５"]).details.hint).toBe(
      "a number is written in ASCII digits (0–9), and -5 is not a whole number from 1 to 100000000",
    );
    expect(refused(["simulate", "--accounts", "－５．５"]).details.hint).toBe(
      "a number is written in ASCII digits (0–9), and -5.5 is not a whole number from 1 to 100000000",
    );
    expect(refused(["simulate", "--days", " 0"]).details.hint).toBe(
      "write it without the spaces around it, and 0 is not a whole number from 1 to 36500",
    );
  });

  it("without a file, the command line is refused (exit 2), saying what goes there", () => {
    const e = refused(["run"]);
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe("run needs <files...>");
    expect(e.details).toMatchObject({ expected: "scenario files (YAML or JSON)", found: "nothing" });
  });
});

describe("test", () => {
  it("defaults: the pretty reporter on stdout, golden traces on, CI from the environment", () => {
    expect(parse(["test"])).toMatchObject({
      command: "test",
      paths: [],
      options: { reporters: [{ name: "pretty", file: null }], update: false, snapshots: true, ci: false },
    });
    expect(parse(["test"], { CI: "true" })).toMatchObject({ options: { ci: true } });
  });

  it("a repeatable --reporter keeps the path after it a path", () => {
    const i = parse(["test", "--reporter", "junit", "scenarios/", "--output-file", "json=r.json"]);
    expect(i).toMatchObject({
      command: "test",
      paths: ["scenarios/"],
      options: {
        reporters: [
          { name: "junit", file: null },
          { name: "json", file: "r.json" },
        ],
      },
    });
  });

  it("every other option", () => {
    const i = parse([
      "test",
      "a",
      "b",
      "-u",
      "--grep",
      "zhang",
      "--shard",
      "2/3",
      "--bail",
      "--workers",
      "2",
    ]);
    expect(i).toMatchObject({
      paths: ["a", "b"],
      options: { update: true, shard: { index: 2, count: 3 }, bail: true, workers: 2, color: true },
    });
    if (i.command !== "test") throw new Error("not test");
    expect(i.options.grep?.test("Zhang Ming")).toBe(true);
    expect(parse(["test", "--no-snapshots", "--no-color"])).toMatchObject({
      options: { snapshots: false, color: false },
    });
  });

  it("refuses bad values, naming them", () => {
    expect(refused(["test", "--workers", "x"]).details.found).toBe('"x"');
    expect(refused(["test", "--reporter", "junti"]).format()).toMatch(
      /unknown reporter "junti"[\s\S]*"junit"/,
    );
    expect(refused(["test", "--shard", "4/3"]).message).toBe("--shard 4/3: I is greater than N (3)");
  });
});

describe("whatif", () => {
  it("keeps the edit flags in the order given, across flags", () => {
    const i = parse([
      "whatif",
      "f.yaml",
      "--edit",
      "5:day=30",
      "--remove",
      "day=30",
      "--set",
      "minScore=600",
    ]);
    expect(i).toMatchObject({
      command: "whatif",
      file: "f.yaml",
      options: {
        edits: [
          { flag: "edit", value: "5:day=30" },
          { flag: "remove", value: "day=30" },
          { flag: "set", value: "minScore=600" },
        ],
        goal: null,
      },
    });
    // a second parse starts a new list
    const second = parse(["whatif", "f.yaml", "--remove", "3", "--policy", "tightened"]);
    expect(second.command === "whatif" && second.options.edits).toEqual([
      { flag: "remove", value: "3" },
      { flag: "policy", value: "tightened" },
    ]);
  });

  it("defaults, and every option", () => {
    expect(parse(["whatif", "f.yaml"])).toEqual({
      command: "whatif",
      file: "f.yaml",
      options: {
        edits: [],
        goal: null,
        maxEdits: undefined,
        budget: undefined,
        list: false,
        json: false,
        save: undefined,
        force: false,
        chart: true,
        color: true,
        html: undefined,
        wide: false,
      },
    });
    const args = ["whatif", "f.yaml", "--avoid", "declined", "--max-edits", "2", "--budget", "50"];
    expect(
      parse([...args, "--json", "--save", "v.yaml", "--force", "--no-chart", "--no-color"]),
    ).toMatchObject({
      options: {
        goal: "avoid-declined",
        maxEdits: 2,
        budget: 50,
        list: false,
        json: true,
        save: "v.yaml",
        force: true,
        chart: false,
        color: false,
        html: undefined,
        wide: false,
      },
    });
  });

  // each meant something only beside another, and without it was dropped in silence (on a terminal, the
  // session opened and --save, --html and --json did nothing)
  it.each([
    [["--max-edits", "2"], "--max-edits bounds the search for the smallest change: give --avoid or --reach"],
    [
      ["--set", "minScore=600", "--budget", "50", "--max-edits", "2"],
      "--max-edits and --budget bound the search",
    ],
    [["--set", "minScore=600", "--force"], "--force goes with --save FILE"],
    [["--set", "minScore=600", "--save", "-", "--force"], "--force goes with --save FILE"],
    [["--save", "v.yaml"], "--save needs a variant: give edit flags"],
    [["--html", "w.html", "--json"], "--html, --json need a variant"],
  ])("refuses %j without what it goes with", (args, message) => {
    const e = refused(["whatif", "f.yaml", ...args]);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toContain(message);
  });

  // --list lists the events (of the variant the edit flags make): what saves, shows or searches for a
  // variant was dropped in silence beside it — each is refused with why, all at once
  it("--list refuses what it does not do, each with why", () => {
    const e = refused([
      "whatif",
      "f.yaml",
      "--list",
      "--set",
      "minScore=600",
      "--avoid",
      "suspended",
      "--max-edits",
      "2",
      "--budget",
      "50",
      "--save",
      "v.yaml",
      "--force",
      "--html",
      "w.html",
    ]);
    expect(e.problems.map((p) => p.message)).toEqual([
      "--list lists the events: --avoid searches for the smallest change, which it does not",
      "--list lists the events: --max-edits bounds a search it does not run",
      "--list lists the events: --budget bounds a search it does not run",
      "--list lists the events: --save saves the variant, which it does not",
      "--list lists the events: --force replaces what --save writes, and nothing is saved",
      "--list lists the events: --html writes the comparison, which it does not make",
    ]);
    for (const p of e.problems)
      expect(p.format()).toContain("hint:     leave it out, or leave out --list to compare, search or save");
    expect(refused(["whatif", "f.yaml", "--list", "--reach", "restored"]).message).toBe(
      "--list lists the events: --reach searches for the smallest change, which it does not",
    );
    // without edits, as with them
    expect(refused(["whatif", "f.yaml", "--list", "--save", "v.yaml"]).message).toBe(
      "--list lists the events: --save saves the variant, which it does not",
    );
  });

  it("takes each with what it goes with", () => {
    for (const args of [
      ["--avoid", "suspended", "--max-edits", "2", "--budget", "50", "--json", "--save", "v.yaml", "--force"],
      ["--set", "minScore=600", "--json", "--html", "w.html", "--save", "v.yaml", "--force"],
      ["--list", "--json"],
      // the variant the edit flags make, listed
      ["--remove", "5", "--set", "minScore=600", "--list", "--json", "--no-chart", "--wide"],
    ])
      expect(parse(["whatif", "f.yaml", ...args]).command).toBe("whatif");
  });

  it("an outcome or a shell typed in capitals, with spaces or spelt near is told the word to write", () => {
    const hint = (args: string[]) => refused(args).details.hint;
    expect(hint(["whatif", "f", "--avoid", "SUSPENDED"])).toBe(
      "write suspended: it is written in lower case",
    );
    expect(hint(["whatif", "f", "--avoid", "Declined"])).toBe("write declined: it is written in lower case");
    expect(hint(["whatif", "f", "--avoid", " suspended"])).toBe(
      "write suspended, without the spaces around it",
    );
    expect(hint(["whatif", "f", "--avoid", "suspend"])).toBe('did you mean "suspended"?');
    expect(hint(["whatif", "f", "--reach", "RESTORED"])).toBe("write restored: it is written in lower case");
    expect(hint(["completion", "ZSH"])).toBe("write zsh: it is written in lower case");
    // near in letters, and no shell meant by it
    expect(hint(["completion", "fish"])).toBeUndefined();
    expect(hint(["whatif", "f", "--avoid", "closed"])).toBe("e.g. --avoid suspended");
  });

  it("a decision the search does not avoid is told so, and what to do instead — not that it is no outcome", () => {
    for (const cut of ["limit_reduced", "LIMIT-REDUCED", "limit reduced"]) {
      const e = refused(["whatif", "f", "--avoid", cut]);
      expect(e.message).toBe(`--avoid: "${cut}" is a decision, but not one a search avoids`);
      expect(e.details.expected).toBe("suspended or declined");
      expect(e.details.hint).toMatch(/could leave a worse outcome in its place \(the line suspended\)/);
      expect(e.details.hint).toContain("credit-sim explain FILE --day N");
    }
    expect(refused(["whatif", "f", "--avoid", "charged_off"]).details.hint).toMatch(
      /^a charge-off follows a suspension/,
    );
    // a name every object has is no decision
    expect(refused(["whatif", "f", "--avoid", "constructor"]).message).toBe(
      '--avoid: "constructor" is not an outcome to avoid',
    );
  });

  it("reads the search goal, and refuses goals it does not know", () => {
    expect(parse(["whatif", "f", "--avoid", "suspended"])).toMatchObject({
      options: { goal: "avoid-suspended" },
    });
    expect(parse(["whatif", "f", "--reach", "restored"])).toMatchObject({
      options: { goal: "reach-restored" },
    });
    const avoid = refused(["whatif", "f", "--avoid", "closed"]);
    expect([avoid.message, avoid.details.expected, avoid.details.found]).toEqual([
      '--avoid: "closed" is not an outcome to avoid',
      "suspended or declined",
      '"closed"',
    ]);
    expect(refused(["whatif", "f", "--reach", "active"]).message).toBe(
      '--reach: "active" is not an outcome to reach',
    );
    expect(refused(["whatif", "f", "--avoid", "declined", "--reach", "restored"])).toBeInstanceOf(UsageError);
    expect(refused(["whatif", "f", "--budget", "lots"]).message).toBe('--budget: "lots" is not a number');
    // bounded: each run is a simulation, and a budget typed with a zero too many ran for minutes
    expect(refused(["whatif", "f", "--budget", "20001"]).format()).toContain(
      "--budget: 20001 is too large\n  expected: a whole number from 1 to 20000",
    );
    expect(refused(["whatif", "f", "--max-edits", "7"]).format()).toContain(
      "--max-edits: 7 is too large\n  expected: a whole number from 1 to 6",
    );
    expect(
      parse(["whatif", "f", "--avoid", "suspended", "--budget", "20000", "--max-edits", "6"]),
    ).toMatchObject({
      options: { budget: 20_000, maxEdits: 6 },
    });
  });
});

describe("reasons, policies, schema", () => {
  it("read --json", () => {
    expect(parse(["reasons"])).toEqual({
      command: "reasons",
      codes: [],
      options: { json: false, color: true, wide: false },
    });
    expect(parse(["reasons", "--json"])).toEqual({
      command: "reasons",
      codes: [],
      options: { json: true, color: true, wide: false },
    });
    // a code as a trace prints it, in any case or with hyphens, once each
    expect(parse(["reasons", "overdue-now", "OVERDUE_NOW", "Inquiries_30d"])).toEqual({
      command: "reasons",
      codes: ["OVERDUE_NOW", "INQUIRIES_30D"],
      options: { json: false, color: true, wide: false },
    });
    expect(parse(["policies", "--json", "--no-color", "--wide"])).toEqual({
      command: "policies",
      options: { json: true, color: false, wide: true },
    });
    expect(parse(["schema"])).toEqual({ command: "schema" });
  });
});

describe("simulate", () => {
  it("defaults", () => {
    expect(parse(["simulate"])).toEqual({
      command: "simulate",
      personas: [],
      options: {
        accounts: 1000,
        days: 365,
        seed: 1,
        start: "2024-01-01",
        policy: "default",
        challenger: undefined,
        challengerFrom: 0,
        challengerSet: {},
        sweep: [],
        bad: "ever90",
        // a month in, when the shipped personas have opened: day 0 held only its own applicants
        scoreDay: 30,
        costOfFunds: undefined,
        stress: null,
        workers: undefined,
        shard: null,
        json: false,
        csv: undefined,
        exportAccount: null,
        flips: undefined,
        force: false,
        progress: true,
        chart: true,
        color: true,
        html: undefined,
        wide: false,
        populationArgs: [],
      },
    });
  });

  it("a run shorter than the default score day scores its last day", () => {
    const i = parse(["simulate", "--days", "20"]);
    expect(i.command === "simulate" && i.options.scoreDay).toBe(19);
  });

  it("every option, and the arguments that describe the population for the report's hints", () => {
    const i = parse([
      "simulate",
      "stretched",
      "--accounts",
      "50",
      "--days",
      "200",
      "--seed",
      "3",
      "--start",
      "2024-03-01",
      "--policy",
      "default",
      "--challenger",
      "tightened",
      "--challenger-from",
      "90",
      "--workers",
      "2",
      "--shard",
      "2/3",
      "--json",
      "--csv",
      "a.csv",
      "--flips",
      "flips",
      "--no-progress",
      "--no-chart",
      "--no-color",
      "--stress",
      "120",
    ]);
    expect(i).toMatchObject({
      personas: ["stretched"],
      options: {
        accounts: 50,
        days: 200,
        seed: 3,
        start: "2024-03-01",
        challenger: "tightened",
        challengerFrom: 90,
        stress: 120,
        workers: Math.min(2, workerCap()),
        shard: { index: 2, count: 3 },
        json: true,
        csv: "a.csv",
        flips: "flips",
        progress: false,
        chart: false,
        color: false,
        html: undefined,
        wide: false,
        populationArgs: [
          "--accounts 50",
          "--days 200",
          "--seed 3",
          "--start 2024-03-01",
          "--policy default",
          "--challenger tightened",
          "--challenger-from 90",
          "--stress 120",
        ],
      },
    });
  });

  it("--sweep axes make a grid; --bad, --score-day and --cost-of-funds", () => {
    const o = parse([
      "simulate",
      "--sweep",
      "minScore=600..640:20",
      "--sweep",
      "maxApplications30d=1..2:1",
      "--bad",
      "ever30",
      "--score-day",
      "30",
      "--cost-of-funds",
      "0.05",
      "--export-account",
      "3",
      "--arm",
      "6",
    ]);
    expect(o).toMatchObject({
      options: {
        sweep: [
          { param: "minScore", values: [600, 620, 640] },
          { param: "maxApplications30d", values: [1, 2] },
        ],
        bad: "ever30",
        scoreDay: 30,
        costOfFunds: 0.05,
        exportAccount: { index: 3, arm: 6 },
      },
    });
    // decimal steps without drift
    expect(parse(["simulate", "--sweep", "maxDebtToIncome=0.3..0.5:0.1"])).toMatchObject({
      options: { sweep: [{ param: "maxDebtToIncome", values: [0.3, 0.4, 0.5] }] },
    });
    // a step finer than a double's decimals reach: the values as written (it read minOpenScore=NaN)
    expect(parse(["simulate", "--sweep", "minOpenScore=600..600:1e-320"])).toMatchObject({
      options: { sweep: [{ param: "minOpenScore", values: [600] }] },
    });
  });

  it("--shard auto reads GitLab's CI_NODE_INDEX/CI_NODE_TOTAL, or a Kubernetes JOB_COMPLETION_INDEX with auto/N", () => {
    const shard = (arg: string, env: Record<string, string>) =>
      (parse(["simulate", "--shard", arg], env) as Extract<Invocation, { command: "simulate" }>).options
        .shard;
    expect(shard("auto", { CI_NODE_INDEX: "2", CI_NODE_TOTAL: "4" })).toEqual({ index: 2, count: 4 });
    expect(shard("auto/4", { CI_NODE_INDEX: "4", CI_NODE_TOTAL: "4" })).toEqual({ index: 4, count: 4 });
    // Kubernetes counts from 0
    expect(shard("auto/3", { JOB_COMPLETION_INDEX: "0" })).toEqual({ index: 1, count: 3 });
    expect(shard("auto/3", { JOB_COMPLETION_INDEX: "2" })).toEqual({ index: 3, count: 3 });
    const refusedWith = (arg: string, env: Record<string, string>) => {
      try {
        parse(["simulate", "--shard", arg], env);
      } catch (e) {
        if (e instanceof InputError) return e.format();
        throw e;
      }
      throw new Error("accepted");
    };
    expect(refusedWith("auto", {})).toMatch(/no shard in the environment[\s\S]*GitHub Actions/);
    expect(refusedWith("auto", { JOB_COMPLETION_INDEX: "1" })).toMatch(/auto\/N/);
    // said in the variable's own count: Kubernetes' index 3 is no 'shard 4 of 3'
    expect(refusedWith("auto/3", { JOB_COMPLETION_INDEX: "3" })).toMatch(
      /--shard auto\/3: JOB_COMPLETION_INDEX is 3, out of range[\s\S]*hint: +it runs 0…2 for 3 completions/,
    );
    expect(refusedWith("auto", { CI_NODE_INDEX: "5", CI_NODE_TOTAL: "4" })).toMatch(
      /--shard auto: CI_NODE_INDEX is 5, out of range[\s\S]*hint: +it runs 1…4 \(CI_NODE_TOTAL\)/,
    );
    expect(refusedWith("auto", { CI_NODE_INDEX: "0", CI_NODE_TOTAL: "0" })).toMatch(
      /--shard auto: CI_NODE_TOTAL is 0, out of range/,
    );
    expect(refusedWith("auto/0", { JOB_COMPLETION_INDEX: "0" })).toMatch(
      /--shard auto\/0: N is 0, out of range/,
    );
    expect(refusedWith("auto/5", { CI_NODE_INDEX: "1", CI_NODE_TOTAL: "4" })).toMatch(/CI_NODE_TOTAL is 4/);
    expect(refusedWith("auto", { CI_NODE_INDEX: "x", CI_NODE_TOTAL: "4" })).toMatch(/not a whole number/);
    // a negative one is a whole number, out of the range the variable runs in
    expect(refusedWith("auto", { CI_NODE_INDEX: "-1", CI_NODE_TOTAL: "4" })).toMatch(
      /--shard auto: CI_NODE_INDEX is -1, out of range[\s\S]*hint: +it runs 1…4 \(CI_NODE_TOTAL\)/,
    );
    expect(refusedWith("auto", { CI_NODE_INDEX: "1", CI_NODE_TOTAL: "-4" })).toMatch(
      /--shard auto: CI_NODE_TOTAL is -4, out of range/,
    );
    expect(refusedWith("auto/3", { JOB_COMPLETION_INDEX: "-1" })).toMatch(
      /--shard auto\/3: JOB_COMPLETION_INDEX is -1, out of range[\s\S]*hint: +it runs 0…2 for 3 completions/,
    );
    // a negative zero is no index: it was read as 0, shard 1 — an index is bare decimal digits
    for (const v of ["-0", "-00"]) {
      const said = refusedWith("auto/3", { JOB_COMPLETION_INDEX: v });
      expect(said).toMatch(/--shard auto\/3: JOB_COMPLETION_INDEX is not a whole number in digits alone/);
      expect(said).toMatch(/hint: +set JOB_COMPLETION_INDEX=0, without the sign/);
    }
    expect(refusedWith("auto", { CI_NODE_INDEX: "-0", CI_NODE_TOTAL: "4" })).toMatch(
      /CI_NODE_INDEX is not a whole number in digits alone[\s\S]*set CI_NODE_INDEX=0, without the sign/,
    );
    // the others were refused already: each said as no whole number, exit 2
    for (const v of ["+1", "1e0", "0x1"])
      expect(refusedWith("auto/3", { JOB_COMPLETION_INDEX: v })).toMatch(
        /JOB_COMPLETION_INDEX is not a whole number/,
      );
    expect(refusedWith("auto/3", { JOB_COMPLETION_INDEX: " 1" })).toMatch(/has spaces around its number/);
    // a GitLab job without `parallel:` has CI_NODE_TOTAL=1 and no CI_NODE_INDEX: not set, not ""
    const unset = refusedWith("auto", { CI_NODE_TOTAL: "1" });
    expect(unset).toMatch(/--shard auto: CI_NODE_INDEX is not set[\s\S]*hint: .*parallel:/);
    expect(unset).not.toMatch(/whole number|found ""/);
    expect(refusedWith("auto", { CI_NODE_INDEX: "2" })).toMatch(/CI_NODE_TOTAL is not set/);
    expect(refusedWith("auto", { CI_NODE_INDEX: " ", CI_NODE_TOTAL: "4" })).toMatch(/CI_NODE_INDEX is empty/);
    // spaces around the number are refused, as --shard " 2/4" is: a runner sets bare digits
    for (const [name, env, arg] of [
      ["CI_NODE_INDEX", { CI_NODE_INDEX: " 2", CI_NODE_TOTAL: "4" }, "auto"],
      ["JOB_COMPLETION_INDEX", { JOB_COMPLETION_INDEX: "1 " }, "auto/3"],
    ] as const)
      expect(refusedWith(arg, env)).toMatch(
        new RegExp(
          `--shard ${arg}: ${name} has spaces around its number[\\s\\S]*hint: +set ${name}=\\d, without`,
        ),
      );
    // a value that is no number is said as one, with what to set: its found value was in the hint
    const notWhole = refusedWith("auto", { CI_NODE_INDEX: "１", CI_NODE_TOTAL: "2" });
    expect(notWhole).toMatch(
      /--shard auto: CI_NODE_INDEX is not a whole number\n +expected: +a whole number in digits alone/,
    );
    expect(notWhole).toMatch(
      /found: +"１"\n +hint: +set CI_NODE_INDEX=1: a number is written in ASCII digits/,
    );
    expect(refusedWith("auto", { CI_NODE_INDEX: "1e0", CI_NODE_TOTAL: "2" })).toMatch(
      /found: +"1e0"\n +hint: +set CI_NODE_INDEX to a whole number in digits alone, as a CI runner sets it$/,
    );
    // a Windows line end is said as what it is, not as spaces
    expect(refusedWith("auto", { CI_NODE_INDEX: "2", CI_NODE_TOTAL: "4\r" })).toMatch(
      /--shard auto: CI_NODE_TOTAL has "\\r" around its number[\s\S]*hint: +set CI_NODE_TOTAL=4, without the "\\r" around it/,
    );
    // a count no exact number can hold is refused as --shard I/N refuses it
    // … said so: too large, with the bound — it is a whole number
    expect(refusedWith("auto", { CI_NODE_INDEX: "1", CI_NODE_TOTAL: "99999999999999999999" })).toMatch(
      /CI_NODE_TOTAL is too large \(at most 9007199254740991\)/,
    );
    expect(refusedWith("auto", { CI_NODE_INDEX: "99999999999999999999", CI_NODE_TOTAL: "4" })).toMatch(
      /CI_NODE_INDEX is too large \(at most 9007199254740991\)/,
    );
    expect(refusedWith("auto/99999999999999999999", { JOB_COMPLETION_INDEX: "0" })).toMatch(
      /--shard auto\/99999999999999999999: N is too large \(at most 9007199254740991\)/,
    );
    expect(refusedWith("1/99999999999999999999", {})).toMatch(
      /--shard 1\/99999999999999999999: N is too large \(at most 9007199254740991\)/,
    );
    expect(refusedWith("4/3", {})).toMatch(/--shard 4\/3: I is greater than N \(3\)/);
    expect(refusedWith("0/3", {})).toMatch(/--shard 0\/3: I is 0: shards count from 1/);
    expect(refusedWith("1/0", {})).toMatch(/--shard 1\/0: N is 0: there is at least 1 shard/);
    expect(refusedWith("autox", {})).toMatch(
      /--shard must be I\/N, auto or auto\/N\n {2}expected: I\/N \(shard I of N\), auto/,
    );
  });

  it("--export-account with its arm and output file", () => {
    expect(parse(["simulate", "--export-account", "5"])).toMatchObject({
      options: { exportAccount: { index: 5, arm: 0, output: undefined } },
    });
    const i = parse([
      "simulate",
      "--challenger",
      "tightened",
      "--export-account",
      "5",
      "--arm",
      "challenger",
      "-o",
      "x.yaml",
    ]);
    expect(i).toMatchObject({
      options: { exportAccount: { index: 5, arm: 1, output: "x.yaml" } },
    });
  });

  it("--challenger-set takes one value: the persona after it stays a persona", () => {
    expect(parse(["simulate", "--challenger-set", "minScore=650", "stretched"])).toMatchObject({
      personas: ["stretched"],
      options: { challengerSet: { minScore: 650 } },
    });
  });

  it("--challenger-set repeats, comma-separates, and still reads the old space-separated form", () => {
    const want = { challengerSet: { minScore: 650, maxApplications30d: 2 } };
    for (const args of [
      ["--challenger-set", "minScore=650", "--challenger-set", "maxApplications30d=2", "stretched"],
      ["--challenger-set", "minScore=650,maxApplications30d=2", "stretched"],
      ["--challenger-set", "minScore=650", "maxApplications30d=2", "stretched"],
      ["--challenger-set=minScore=650", "maxApplications30d=2", "stretched"],
      ["stretched", "--challenger-set", "minScore=650", "maxApplications30d=2"],
    ]) {
      expect(parse(["simulate", ...args]), args.join(" ")).toMatchObject({
        personas: ["stretched"],
        options: want,
      });
    }
    // a value with commas of its own stays whole
    expect(
      parse([
        "simulate",
        "--challenger-set",
        'limitBands=[{"minScore":600,"maxLimit":5000},{"minScore":700,"maxLimit":9000}]',
      ]),
    ).toMatchObject({
      options: {
        challengerSet: {
          limitBands: [
            { minScore: 600, maxLimit: 5000 },
            { minScore: 700, maxLimit: 9000 },
          ],
        },
      },
    });
    // the hint repeats the pairs as given
    expect(parse(["simulate", "--challenger-set", "minScore=650", "maxApplications30d=2"])).toMatchObject({
      options: { populationArgs: ["--challenger-set minScore=650", "--challenger-set maxApplications30d=2"] },
    });
  });

  it.each([
    [["--accounts", "0"], /--accounts: 0 is too small/, "expected: a whole number from 1 to"],
    [["--accounts", "ten"], /--accounts: "ten" is not a number$/, undefined],
    [["--days", "0"], /--days: 0 is too small/, "expected: a whole number from 1 to"],
    [["--start", "2024-2-3"], /--start: "2024-2-3" is not written YYYY-MM-DD/, "hint:     write 2024-02-03"],
    [["--start", "2024-02-30"], /--start: 2024-02-30 is not a date on the calendar/, "found:    2024-02-30"],
    [
      ["--challenger-from", "5"],
      /needs --challenger, --challenger-set or --sweep/,
      "e.g. --challenger tightened",
    ],
    [
      ["--challenger", "tightened", "--challenger-from", "365"],
      /--challenger-from: 365 is too large/,
      "expected: a whole number from 0 to 364",
    ],
    [["--shard", "4/3"], /--shard 4\/3: I is greater than N \(3\)/, 'found:    "4/3"'],
    [
      ["--shard", "1/99999999999999999999"],
      /N is too large \(at most 9007199254740991\)/,
      'found:    "1/99999999999999999999"',
    ],
    [["-o", "a.yaml"], /-o\/--output goes with --export-account/, undefined],
    // --arm chose nothing without an export: the population ran as if it were not there
    [
      ["--arm", "challenger"],
      /^--arm goes with --export-account$/,
      "e.g. --export-account 42 --arm challenger",
    ],
    [["--arm", "2", "-o", "a.yaml"], /^-o\/--output and --arm go with --export-account$/, undefined],
    [["--flips", "-"], /--flips names a folder/, undefined],
    // flips are accounts two arms decide differently: one arm alone has none to export (it wrote an
    // index listing nothing and exited 0)
    [
      ["--flips", "fl"],
      /--flips needs --challenger, --challenger-set or a --sweep of two or more variants/,
      "one policy decides alone: nothing flips",
    ],
    [
      ["--flips", "fl", "--sweep", "minScore=600..600:10"],
      /--flips needs .* a --sweep of two or more variants/,
      "found one variant",
    ],
    [
      ["--force"],
      /--force goes with --csv FILE, --html FILE, --flips DIR or --export-account N -o FILE/,
      undefined,
    ],
    [
      ["--export-account", "1", "--json"],
      /^--export-account writes one scenario file: --json has nothing to write/,
      "leave it out, or run the population without --export-account",
    ],
    [["--workers", "0"], /--workers: 0 is too small/, "expected: a whole number, at least 1"],
    [
      ["--seed", "9007199254740993"],
      /--seed: 9007199254740993 is too large/,
      "from -9007199254740991 to 9007199254740991",
    ],
    [
      ["--accounts", "99999999999999999999"],
      /--accounts: 99999999999999999999 is too large/,
      "expected: a whole number from 1 to 100000000",
    ],
    [["--start", "9999-06-01", "--days", "400"], /run past the year 9999/, undefined],
    [["--csv", "-", "--json"], /both write to standard output/, undefined],
    [["--export-account", "1000"], /--export-account: 1000 is too large/, "from 0 to 999"],
    [
      ["--export-account", "1", "--arm", "middle"],
      /^--arm: "middle" is no arm of the run$/,
      'expected: champion, challenger (with --challenger), or a sweep\'s variant number (with --sweep)\n  found:    "middle"',
    ],
    [
      ["--sweep", "minScore=600..700"],
      /--sweep minScore: "600..700" is no range FROM..TO:STEP/,
      "add the step",
    ],
    // a stray point is no part of a number: 600...700 was read as 600..700, 700. as 700
    [
      ["--sweep", "minScore=600...700:10"],
      /^--sweep minScore: "600...700:10" is no range FROM..TO:STEP$/,
      'expected: two decimal numbers joined by two points, a colon and the step, e.g. minOpenScore=600..700:20\n  found:    "minScore=600...700:10"\n  hint:     FROM..TO takes two points: did you mean minScore=600..700:10?',
    ],
    // a range written as in prose, a dash between its numbers: it once said to write digits either side
    // of a point, which the range had
    [
      ["--sweep", "minScore=600-700"],
      /^--sweep minScore: "600-700" is no range FROM..TO:STEP$/,
      "hint:     FROM..TO takes two points; add the step after a colon, e.g. minScore=600..700:10",
    ],
    [
      ["--sweep", "minScore=600–700:20"],
      /^--sweep minScore: "600–700:20" is no range FROM..TO:STEP$/,
      "hint:     FROM..TO takes two points: did you mean minScore=600..700:20?",
    ],
    // the name's = typed twice (as a comparison is): said so, with the flag meant
    [
      ["--sweep", "minScore==600..700:10"],
      /^--sweep minScore: "=600..700:10" is no range FROM..TO:STEP$/,
      "hint:     one = between the parameter and its range: did you mean minScore=600..700:10?",
    ],
    [
      ["--challenger-set", "minScore==650"],
      /^--challenger-set minScore: one = between the parameter and its value$/,
      "did you mean minScore=650?",
    ],
    // spaces in a value were trimmed in silence, where --days " 30" is refused: told as it is
    [
      ["--sweep", "minScore= 600..700:20"],
      /^--sweep takes PARAM=FROM..TO:STEP$/,
      'found:    "minScore= 600..700:20"\n  hint:     write minScore=600..700:20, without the spaces in it',
    ],
    [
      ["--sweep", "minScore=600 .. 700 : 20"],
      /^--sweep takes/,
      "write minScore=600..700:20, without the spaces in it",
    ],
    [
      ["--sweep", " minScore=600..700:20"],
      /^--sweep takes/,
      "write minScore=600..700:20, without the spaces around it",
    ],
    [
      ["--challenger-set", "minScore= 650"],
      /^--challenger-set takes name=value$/,
      'found:    "minScore= 650"\n  hint:     write minScore=650, without the spaces in it',
    ],
    [
      ["--challenger-set", "minScore =650"],
      /^--challenger-set takes/,
      "write minScore=650, without the spaces in it",
    ],
    [
      ["--challenger-set", "minScore=650 "],
      /^--challenger-set takes/,
      "write minScore=650, without the spaces around it",
    ],
    // a full-width digit (an IME's) was told to write a digit either side of a point
    [
      ["--sweep", "minScore=６00..700:20"],
      /^--sweep minScore: "６00..700:20" is no range FROM..TO:STEP$/,
      "hint:     write minScore=600..700:20: a number is written in ASCII digits (0–9)",
    ],
    // only a minus sign (U+2212) other than ASCII's: "ASCII digits" named what was not wrong
    [
      ["--sweep", "minScore=−600..700:20"],
      /^--sweep minScore: "−600..700:20" is no range FROM..TO:STEP$/,
      "hint:     write minScore=-600..700:20: a minus sign is written as ASCII's hyphen-minus (-)",
    ],
    [["--sweep", "minScore=600..700.:10"], /"600..700.:10" is no range/, "a digit either side of its point"],
    [["--sweep", "minScore=600..700:1.2.3"], /"600..700:1.2.3" is no range/, "a digit either side"],
    [["--sweep", "maxDebtToIncome=.3..0.5:0.1"], /".3..0.5:0.1" is no range/, "0.5, not .5 or 5."],
    [["--sweep", "minScore=600..700:10:5"], /"600..700:10:5" is no range/, undefined],
    // TO is the last value: a step that stops short of it is refused, not a sweep that ends elsewhere
    [
      ["--sweep", "minScore=600..700:30"],
      /^--sweep minScore: the steps from 600 by 30 do not reach 700$/,
      "end the range at 690 (minScore=600..690:30), or take a step that divides 700 − 600",
    ],
    [["--sweep", "maxDebtToIncome=0.3..0.55:0.1"], /do not reach 0.55/, "end the range at 0.5"],
    [["--sweep", "minScroe=600..700:20"], /unknown policy parameter "minScroe"/, 'did you mean "minScore"?'],
    [["--sweep", "minScore=700..600:20"], /FROM ≤ TO and STEP > 0/, undefined],
    // the bound, the count found and a step that keeps within it
    [["--sweep", "minScore=0..1000:1"], /more than 100 values/, "e.g. minScore=0..1000:20 (51 values)"],
    [
      ["--sweep", "minOpenScore=1..1e9:1"],
      /more than 100 values/,
      "e.g. minOpenScore=1..1e9:12345679 (82 values)",
    ],
    [["--sweep", "maxDebtToIncome=0.1..0.9:0.001"], /more than 100 values/, "a step of at least 0.01"],
    [["--sweep", "minScore=600..620:10", "--sweep", "minScore=600..620:10"], /given twice/, undefined],
    [["--sweep", "minScore=600..620:10", "--challenger", "tightened"], /cannot be combined/, undefined],
    [
      [
        "--sweep",
        "minScore=600..690:10",
        "--sweep",
        "minOpenScore=600..690:10",
        "--sweep",
        "maxApplications30d=1..2:1",
      ],
      /200 variants/,
      undefined,
    ],
    [
      ["--bad", "ever100"],
      /^--bad: "ever100" is no definition of a bad account$/,
      'expected: one of ever30, ever60, ever90, chargeoff\n  found:    "ever100"',
    ],
    [["--cost-of-funds", "5%"], /--cost-of-funds: "5%" is not a number/, "e.g. 0.035"],
    // Number() reads these as 0 and 1: a rate is written in decimal
    [["--cost-of-funds", ""], /--cost-of-funds: "" is not a number/, 'found:    ""'],
    [["--cost-of-funds", " "], /--cost-of-funds: " " is not a number/, 'found:    " "'],
    [["--cost-of-funds", "0b1"], /--cost-of-funds: "0b1" is not a number/, 'found:    "0b1"'],
    [["--score-day", "400"], /--score-day: 400 is too large/, "from 0 to 364"],
    [["--stress", "365"], /--stress: 365 is too large/, "from 0 to 364"],
    [
      ["--sweep", "minScore=600..620:10", "--export-account", "1", "--arm", "4"],
      /--arm: 4 is too large/,
      undefined,
    ],
    // it said what it needs with no word of how: the challenger is the run's own, given again
    [
      ["--export-account", "1", "--arm", "challenger"],
      /--arm challenger needs --challenger/,
      "hint:     add the --challenger POLICY or --challenger-set PARAM=VALUE the population ran with",
    ],
    [["--challenger-set", "minScor=650"], /unknown policy parameter "minScor"/, 'did you mean "minScore"?'],
    [["--challenger-set", "minScore=high"], /--challenger-set minScore: wrong type/, 'found minScore="high"'],
    [["--challenger-set", "minScore=1e3"], /--challenger-set minScore: value out of range/, "at most 950"],
    // the value as typed, not as JSON shows the number it became (Infinity is null, -0 is 0)
    [["--challenger-set", "minScore=1e309"], /--challenger-set minScore: wrong type/, "found minScore=1e309"],
    // read as a policy file's value: a number a double cannot keep exactly is refused, never made 11
    [
      ["--challenger-set", "toleranceAmount=10.999999999999999999"],
      /--challenger-set toleranceAmount: wrong type/,
      "found toleranceAmount=10.999999999999999999; at most 15 significant digits",
    ],
    [
      ["--sweep", "toleranceAmount=10.999999999999999999..12:1"],
      /--sweep toleranceAmount: FROM, TO and STEP are decimal numbers of at most 15 significant digits/,
      undefined,
    ],
    // a cap nothing meets: no cash loan lent, and its decline's advice cannot work
    [
      ["--challenger-set", "jiebeiMaxInstalmentToIncome=0"],
      /--challenger-set jiebeiMaxInstalmentToIncome: value out of range/,
      "expected more than 0; found jiebeiMaxInstalmentToIncome=0",
    ],
    [
      ["--sweep", "jiebeiMaxInstalmentToIncome=0..0.5:0.25"],
      /--sweep jiebeiMaxInstalmentToIncome=0: value out of range/,
      "expected more than 0",
    ],
    // a debt cap of 0: only a customer owing nothing meets it — the line used is suspended, never restored
    [
      ["--challenger-set", "maxDebtToIncome=0"],
      /--challenger-set maxDebtToIncome: value out of range/,
      "expected more than 0; found maxDebtToIncome=0",
    ],
    [
      ["--sweep", "jiebeiMaxDebtToIncome=0..1:0.5"],
      /--sweep jiebeiMaxDebtToIncome=0: value out of range/,
      "expected more than 0",
    ],
    [
      ["--challenger-set", "minScore=-0"],
      /--challenger-set minScore: value out of range/,
      "found minScore=-0",
    ],
    [
      ["--sweep", "minLimit=100..100.005:0.005"],
      /--sweep minLimit=100.005: too many decimal places/,
      undefined,
    ],
    [
      ["--challenger-set", "minScore"],
      /--challenger-set takes name=value/,
      'expected: a policy parameter and its value, e.g. minScore=650\n  found:    "minScore"',
    ],
    // an empty value and one of spaces alone told alike, each as typed
    [["--challenger-set", ""], /--challenger-set takes name=value/, 'found:    ""'],
    [["--challenger-set", " "], /--challenger-set takes name=value/, 'found:    " "'],
    [
      ["--sweep", "minScore"],
      /--sweep takes PARAM=FROM..TO:STEP/,
      'e.g. minOpenScore=600..700:20\n  found:    "minScore"',
    ],
  ])("refuses %j", (args, message, detail) => {
    const e = refused(["simulate", ...args]);
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(message);
    if (detail !== undefined) expect(e.format()).toContain(detail);
  });

  // another script's digits alone: told the digits to write, as --sweep tells them — not the "¥" or
  // separators of an amount, which no score was written with
  it.each([
    ["minScore=６50", 'found minScore="６50"; write 650: a number is written in ASCII digits (0–9)'],
    [
      "maxDebtToIncome=٠.٥",
      'found maxDebtToIncome="٠.٥"; write 0.5: a number is written in ASCII digits (0–9)',
    ],
  ])("--challenger-set %j is told the ASCII digits to write", (value, hint) => {
    expect(refused(["simulate", "--challenger-set", value]).details.hint).toBe(`expected a number; ${hint}`);
  });

  // what only a population run reads was dropped in silence beside --export-account (--shard 2/3 exported
  // the account whichever shard it fell in, --workers 2 ran no thread): each is refused with why, one
  // problem per option, all at once (in the order --help lists them)
  it("--export-account refuses every option only a population run reads, each with why", () => {
    const e = refused([
      "simulate",
      "--export-account",
      "1",
      "--json",
      "--csv",
      "x.csv",
      "--html",
      "x.html",
      "--flips",
      "fl",
      "--challenger",
      "tightened",
      "--shard",
      "2/3",
      "--workers",
      "2",
    ]);
    expect(e.problems.map((p) => p.message)).toEqual([
      "--export-account writes one scenario file: --workers has no population to spread over threads (one account runs alone)",
      "--export-account writes one scenario file: --shard has no population to split (the account is exported whichever shard would run it)",
      "--export-account writes one scenario file: --json has nothing to write (it prints the population's result document)",
      "--export-account writes one scenario file: --csv has nothing to write (it writes a row per account of the population)",
      "--export-account writes one scenario file: --flips has nothing to write (it exports the accounts two policies decide differently)",
      "--export-account writes one scenario file: --html has nothing to write (it writes the population's report page)",
    ]);
    for (const p of e.problems)
      expect(p.format()).toContain("hint:     leave it out, or run the population without --export-account");
    expect(e.format()).toMatch(/\n6 problems$/);
  });

  // the population's own arguments pick the account and its arm (the report's export hint repeats them),
  // and what the export itself reads; what turns off what the export never shows is kept as it asks
  it("--export-account takes the population's arguments, its arm, its file and what turns things off", () => {
    expect(
      parse([
        "simulate",
        "--accounts",
        "50",
        "--days",
        "60",
        "--seed",
        "7",
        "--start",
        "2024-03-01",
        "--challenger",
        "tightened",
        "--challenger-from",
        "30",
        "--bad",
        "ever30",
        "--score-day",
        "40",
        "--stress",
        "20",
        "--cost-of-funds",
        "0.04",
        "--export-account",
        "3",
        "--arm",
        "challenger",
        "-o",
        "a.yaml",
        "--force",
        "--no-color",
        "--no-progress",
        "--no-chart",
        "--wide",
      ]),
    ).toMatchObject({ options: { exportAccount: { index: 3, arm: 1, output: "a.yaml" }, color: false } });
    expect(
      parse(["simulate", "--sweep", "minScore=600..620:10", "--export-account", "1", "--arm", "3"]),
    ).toMatchObject({ options: { exportAccount: { index: 1, arm: 3 } } });
  });

  // a day of the run and an account of the population are said against the run's own range, whatever is
  // wrong with them and wherever --days and --accounts stand: -1 was "from 0 to 36499" (the longest run's),
  // 400 "from 0 to 364"
  it.each([
    ["--score-day", "-1", "is too small"],
    ["--score-day", "400", "is too large"],
    ["--score-day", "abc", "is not a number"],
    ["--score-day", "1.5", "is not a whole number"],
    ["--stress", "-1", "is too small"],
    ["--stress", "1e20", "is too large"],
    ["--challenger-from", "-1", "is too small"],
    ["--challenger-from", "-99999999999999999999", "is too small"],
    ["--export-account", "-1", "is too small"],
    ["--export-account", "100", "is too large"],
  ])("%s %s: said against the run's range", (flag, value, wrong) => {
    const days = "--days 100".split(" ");
    const accounts = "--accounts 100".split(" ");
    const others = flag === "--challenger-from" ? ["--challenger", "tightened"] : [];
    for (const args of [
      [flag, value, ...days, ...accounts, ...others],
      [...days, ...accounts, ...others, flag, value],
    ]) {
      const e = refused(["simulate", ...args]);
      expect(e.message).toContain(`${flag}: `);
      expect(e.message).toContain(wrong);
      expect(e.format()).toContain(`expected: a whole number from 0 to 99\n`);
    }
  });

  it.each([
    [".035", 0.035],
    ["3.5e-2", 0.035],
    ["1", 1],
  ])("--cost-of-funds %s is a rate", (text, rate) => {
    expect(parse(["simulate", "--cost-of-funds", text])).toMatchObject({ options: { costOfFunds: rate } });
  });
});

describe("personas, merge", () => {
  it("personas", () => {
    expect(parse(["personas"])).toEqual({
      command: "personas",
      options: { json: false, schema: false, color: true, wide: false },
    });
    expect(parse(["personas", "--json", "--schema", "--no-color"])).toEqual({
      command: "personas",
      options: { json: true, schema: true, color: false, wide: false },
    });
  });

  it("merge", () => {
    expect(parse(["merge", "a.json", "b.json"])).toEqual({
      command: "merge",
      files: ["a.json", "b.json"],
      options: { json: false, chart: true, color: true, wide: false, force: false },
    });
    expect(parse(["merge", "a.json", "--json", "--no-chart", "--no-color"])).toMatchObject({
      options: { json: true, chart: false, color: false, wide: false },
    });
    expect(parse(["merge", "a.json", "b.json", "--html", "page.html"])).toMatchObject({
      files: ["a.json", "b.json"],
      options: { json: false, html: "page.html" },
    });
  });
});

describe("help, version, unknown commands", () => {
  it("--help prints to stdout and ends the parse with exit 0, for every command, with an example", () => {
    const commands = buildProgram(io().io).commands.map((c) => c.name());
    expect(commands.length).toBeGreaterThan(10);
    for (const command of commands) {
      const { io: i, out } = io();
      expect(parseArgv([command, "--help"], i), command).toEqual({ kind: "done", exitCode: 0 });
      // a command with an alias shows it beside its name (whatif|what-if)
      expect(out.stdout, command).toMatch(new RegExp(`^Usage: credit-sim ${command}(\\|[a-z-]+)? `));
      const examples = out.stdout.slice(out.stdout.search(/Examples?:\n/));
      expect(examples, command).toMatch(new RegExp(`\\n {2}.*credit-sim ${command}`));
    }
  });

  it("an option every command shares is described alike in every command's help", () => {
    const said = new Set<string>();
    for (const command of buildProgram(io().io).commands) {
      const option = command.options.find((o) => o.long === "--no-color");
      if (option) said.add(option.description);
    }
    expect([...said]).toEqual(["no colour (also NO_COLOR=1 or a pipe)"]);
  });

  it("an option that writes to standard output for - says so in the same words in every command's help", () => {
    const said = new Set<string>();
    for (const command of buildProgram(io().io).commands)
      for (const option of command.options)
        for (const m of option.description.matchAll(/- for ([a-z ]+?)[;)]/g)) said.add(m[1]!);
    expect([...said]).toEqual(["standard output"]);
  });

  it("whatif's --help shows each edit flag in an example — --add, added last, had none", () => {
    const { io: i, out } = io();
    parseArgv(["whatif", "--help"], i);
    const examples = out.stdout
      .slice(out.stdout.indexOf("Examples:"))
      .split("\n")
      .filter((l) => l.startsWith("  credit-sim "));
    for (const flag of ["--remove", "--add", "--edit", "--set"])
      expect(
        examples.some((l) => l.includes(` ${flag} `)),
        flag,
      ).toBe(true);
  });

  it("--help's notes are reflowed to the terminal's width; examples stay whole, to be copied", () => {
    for (const columns of [60, 80]) {
      const out = { text: "" };
      const narrow: CliIo = {
        ...io().io,
        stdout: { write: (t: string) => (out.text += t), isTTY: true, columns },
      };
      expect(parseArgv(["whatif", "--help"], narrow)).toEqual({ kind: "done", exitCode: 0 });
      const notes = out.text.slice(out.text.indexOf("In a terminal without edit flags"));
      const prose = notes.split("\n").filter((l) => l !== "" && !l.startsWith("  ") && l !== "Examples:");
      expect(prose.length).toBeGreaterThan(1);
      for (const line of prose) expect(line.length, line).toBeLessThanOrEqual(columns);
      // the words run on across the line breaks: none is broken in two
      expect(prose.join(" ")).toContain("Event numbers are 1-based, in file order (see --list)");
      expect(notes).toContain(
        '  credit-sim whatif scenarios/zhang-ming.yaml --remove "type=apply,product=increase,day>=80" --save zm-fewer-applications.yaml',
      );
    }
  });

  it("the program's own --help reflows its notes to the width as a command's does", () => {
    for (const columns of [60, 80, 120]) {
      const out = { text: "" };
      const wide: CliIo = {
        ...io().io,
        stdout: { write: (t: string) => (out.text += t), isTTY: true, columns },
      };
      expect(parseArgv(["--help"], wide)).toEqual({ kind: "done", exitCode: 0 });
      const notes = out.text.slice(out.text.indexOf("An option given twice"));
      const prose = notes.split("\n").filter((l) => l !== "" && !l.startsWith("  ") && l !== "Examples:");
      expect(prose.length).toBeGreaterThan(0);
      for (const line of prose) expect(line.length, line).toBeLessThanOrEqual(columns);
      // a paragraph: wrapped where the width says, not where the source's lines ended
      expect(
        prose.slice(0, -1).every((l, i) => l.length + 1 + prose[i + 1]!.split(" ")[0]!.length > columns),
      ).toBe(true);
      expect(notes).toContain("\n  credit-sim explain scenarios/zhang-ming.yaml --day 227\n");
    }
  });

  it("--help in a terminal too narrow to wrap keeps the notes as written, not joined into one line", () => {
    const out = { text: "" };
    const tiny: CliIo = {
      ...io().io,
      stdout: { write: (t: string) => (out.text += t), isTTY: true, columns: 15 },
    };
    expect(parseArgv(["whatif", "--help"], tiny)).toEqual({ kind: "done", exitCode: 0 });
    const notes = out.text.slice(out.text.indexOf("In a terminal without edit flags"));
    const prose = notes.split("\n").filter((l) => l !== "" && !l.startsWith("  ") && l !== "Examples:");
    expect(prose.length).toBeGreaterThan(1);
    for (const line of prose) expect(line.length, line).toBeLessThanOrEqual(110);
  });

  it("--help of simulate documents the repeatable --challenger-set", () => {
    const { io: i, out } = io();
    parseArgv(["simulate", "--help"], i);
    expect(out.stdout).toMatch(/--challenger-set <name=value>/);
    expect(out.stdout).toMatch(/repeat it\s+or comma-separate/);
  });

  it("--version prints the package's version", () => {
    const { io: i, out } = io();
    expect(parseArgv(["--version"], i)).toEqual({ kind: "done", exitCode: 0 });
    expect(out.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("an unknown command is bad usage (exit 2) with a message and a pointer to --help", () => {
    const command = refused(["frobnicate"]);
    expect(command.exitCode).toBe(2);
    expect(command.message).toBe('unknown command "frobnicate"');
    expect(command.details).toMatchObject({
      found: '"frobnicate"',
      hint: "credit-sim --help lists the commands",
    });
    expect(command.details.expected).toMatch(/^a command: run, explain, test, whatif, /);
    expect(refused(["rnu", "a.yaml"]).details.hint).toBe('did you mean "run"?');
    // an option before the command: where it goes, or the one of credit-sim's own it is near
    expect(refused(["--json", "run", "a.yaml"]).details.hint).toBe(
      "options go after the command: credit-sim run --json",
    );
    expect(refused(["--verison"]).details.hint).toBe('did you mean "--version"?');
    // a short option in the other case: -v is the -V many tools print their version with; the version
    // asked for as a command
    expect(refused(["-v"]).details.hint).toBe('did you mean "-V" (--version)?');
    expect(refused(["-H"]).details.hint).toBe('did you mean "-h" (--help)?');
    expect(refused(["version"]).details.hint).toBe('did you mean "--version"?');
    expect(refused(["-x"]).details.hint).toBe("credit-sim --help lists the commands");
    // a long option written with one dash, as other tools take theirs (`java -version`): its long one
    expect(refused(["-version"]).details.hint).toBe('did you mean "--version"?');
    expect(refused(["-hlep"]).details.hint).toBe('did you mean "--help"?');
    expect(refused(["run", "a.yaml", "-jsno"]).details.hint).toBe('did you mean "--json"?');
    expect(refused(["-v", "run", "a.yaml"]).details.hint).toBe(
      "options go after the command: credit-sim run -v",
    );
    // --help anywhere is the help
    expect(parseArgv(["frobnicate", "--help"], io().io)).toEqual({ kind: "done", exitCode: 0 });
    const e = refused(["run", "a.yaml", "--frobnicate"]);
    expect(e.message).toBe('unknown option "--frobnicate"');
    expect(e.details.expected).toBe("an option of run (credit-sim run --help lists them)");
    expect(refused(["run", "a.yaml", "--jsn"]).details.hint).toBe('did you mean "--json"?');
  });

  it("two letters swapped are one slip: the word they spell is the one suggested, not another as many changes away", () => {
    // counted as two changes, `--hlep` was as near `--grep` (test's) as `--help`, and the first listed won
    expect(refused(["test", "--hlep"]).details.hint).toBe('did you mean "--help"?');
    expect(refused(["test", "scenarios", "--rpeorter", "json"]).details.hint).toBe(
      'did you mean "--reporter"?',
    );
    // a value too: `ever06` is ever60, which it was as near as ever30 (listed first)
    expect(refused(["simulate", "--bad", "ever06"]).details.hint).toBe('did you mean "ever60"?');
  });

  it("a scenario file where the command goes, or another command's option, is told the command it goes with", () => {
    // `credit-sim zhang.yaml`: a file is no command; `run` plays it
    for (const file of ["scenarios/zhang-ming.yaml", "a.YML", "b.json"]) {
      const e = refused([file]);
      expect(e.message).toBe(`unknown command "${file}"`);
      expect(e.details.hint).toBe(`a scenario file goes after a command: credit-sim run ${file}`);
    }
    // a name near a command stays that command's (`rnu` is "run"), a word that is no file the list of them
    expect(refused(["frobnicate"]).details.hint).toBe("credit-sim --help lists the commands");
    // `run FILE --day 227`: --day is explain's; --accounts is simulate's; --frobnicate is no one's
    expect(refused(["run", "a.yaml", "--day", "227"]).details.hint).toBe(
      "--day is an option of explain, not of run",
    );
    expect(refused(["run", "a.yaml", "--accounts=4"]).details.hint).toBe(
      "--accounts is an option of simulate, not of run",
    );
    expect(refused(["run", "a.yaml", "--frobnicate"]).details.hint).toBeUndefined();
    // an option a few commands have names them all
    expect(refused(["reasons", "--policy", "tightened"]).details.hint).toMatch(
      /^--policy is an option of run, explain, whatif, simulate, not of reasons$/,
    );
  });

  it("a command suggested before the command is one a shell runs as shown: a name or an option quoted as a word", () => {
    // `credit-sim '$(touch pwned).yaml'` was hinted 'credit-sim run $(touch pwned).yaml', which pasted runs
    // the command in it; a name with a space was two words — every other suggestion quotes (shellPath)
    for (const [file, shown] of [
      ["my scenario.yaml", "'my scenario.yaml'"],
      ["$(touch pwned).yaml", "'$(touch pwned).yaml'"],
      ["a\u202eb.yaml", "$'a\\xe2\\x80\\xaeb.yaml'"],
    ] as const)
      expect(refused([file]).details.hint).toBe(
        `a scenario file goes after a command: credit-sim run ${shown}`,
      );
    expect(refused(["--html=$(touch p).html", "run", "a.yaml"]).details.hint).toBe(
      "options go after the command: credit-sim run '--html=$(touch p).html'",
    );
  });

  it("explain's day written without --day is told as that, once, with the command that has it", () => {
    for (const day of ["227", "2024-08-15"]) {
      const e = refused(["explain", "my scenario.yaml", day]);
      // one problem: not also 'too many arguments', nor 'explain needs --day N'
      expect(e.message).toBe("explain: a day without --day");
      expect(e.details.hint).toBe(`credit-sim explain 'my scenario.yaml' --day ${day}`);
    }
    // with --day given, or a word that is no day, an extra argument is one
    expect(refused(["explain", "a.yaml", "227", "--day", "3"]).message).toBe("explain: too many arguments");
    expect(refused(["explain", "a.yaml", "b.yaml", "--day", "3"]).message).toBe(
      "explain: too many arguments",
    );
  });

  it("help for an unknown command is bad usage too, with a did-you-mean", () => {
    for (const [name, hint] of [
      ["rnu", /did you mean "run"\?/],
      ["frobnicate", /--help lists the commands/],
    ] as const) {
      let e: unknown;
      try {
        parseArgv(["help", name], io().io);
      } catch (x) {
        e = x;
      }
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).exitCode).toBe(2);
      expect((e as InputError).format()).toMatch(hint);
    }
    expect(parseArgv(["help", "run"], io().io)).toEqual({ kind: "done", exitCode: 0 });
  });

  it("no command at all is bad usage (exit 2), the help on stderr; `help` alone is asked for (exit 0)", () => {
    const bare = io();
    expect(parseArgv([], bare.io)).toEqual({ kind: "done", exitCode: 2 });
    expect(bare.out.stdout).toBe("");
    expect(bare.out.stderr).toMatch(/^Usage: credit-sim \[options\] \[command\]/);
    const asked = io();
    expect(parseArgv(["help"], asked.io)).toEqual({ kind: "done", exitCode: 0 });
    expect(asked.out.stdout).toMatch(/^Usage: credit-sim/);
  });
});

describe("a command line's every problem, told at once", () => {
  const messages = (args: string[]) => refused(args).problems.map((p) => p.message);

  it("every bad value, not only the first (each in its three lines)", () => {
    const e = refused(["simulate", "--accounts", "-5", "--days", "abc", "--workers", "x", "--bad", "foo"]);
    expect(e.exitCode).toBe(2);
    expect(e.problems.map((p) => p.message)).toEqual([
      "--accounts: -5 is too small",
      '--days: "abc" is not a number',
      '--workers: "x" is not a number',
      '--bad: "foo" is no definition of a bad account',
    ]);
    expect(e.format()).toContain(
      '--days: "abc" is not a number\n  expected: a whole number from 1 to 36500\n  found:    "abc"',
    );
    expect(e.format().split("\n").at(-1)).toBe("4 problems");
  });

  it("every unknown option, with a did-you-mean, and the options after them read", () => {
    // a misspelt option's value is its own, not a file: no "too many" and no file named "tightened"
    const e = refused(["run", "a.yaml", "--jsn", "--polcy", "tightened", "--until", "x"]);
    expect(e.problems.map((p) => [p.message, p.details.found, p.details.hint])).toEqual([
      [
        '--until: "x" is not a number',
        '"x"',
        "a day's number (day 0 is the start), or its date as YYYY-MM-DD (2024-08-15)",
      ],
      ['unknown option "--jsn"', "--jsn", 'did you mean "--json"?'],
      ['unknown option "--polcy"', "--polcy tightened", 'did you mean "--policy"?'],
    ]);
    // a word after an unknown option nothing is near stays an argument
    expect(parse(["explain", "a.yaml", "--day", "3", "--json"])).toMatchObject({ file: "a.yaml" });
    expect(messages(["explain", "--zzz", "a.yaml", "--day", "x"])).toEqual([
      '--day: "x" is not a number',
      'unknown option "--zzz"',
    ]);
  });

  it("a format asked for as `--format X` is the option that gives it, and X is not a file", () => {
    const said = (args: string[]) => refused(args).problems.map((p) => [p.details.found, p.details.hint]);
    expect(said(["run", "--format", "json", "a.yaml"])).toEqual([
      ["--format json", 'did you mean "--json"?'],
    ]);
    expect(said(["simulate", "--format", "csv"])).toEqual([["--format csv", 'did you mean "--csv"?']]);
    // the value of an option whose description lists it
    expect(said(["test", "--format", "junit"])).toEqual([
      ["--format junit", 'did you mean "--reporter junit"?'],
    ]);
    // a word nothing names stays an argument, without a hint
    expect(said(["run", "a.yaml", "--format", "yaml"])).toEqual([["--format", undefined]]);
  });

  it("a missing argument, an option left without its value and extra arguments, beside the rest", () => {
    expect(messages(["run", "--until", "x"])).toEqual([
      '--until: "x" is not a number',
      "run needs <files...>",
    ]);
    expect(messages(["simulate", "--accounts", "x", "--days"])).toEqual([
      '--accounts: "x" is not a number',
      "--days: no value",
    ]);
    const extra = refused(["explain", "a.yaml", "b.yaml", "c d.yaml", "--day", "1"]);
    expect(extra.message).toBe("explain: too many arguments");
    expect(extra.details.found).toBe('"b.yaml" "c d.yaml"');
    expect(extra.details.expected).toBe("<file>: scenario file (YAML or JSON)");
    expect(refused(["schema", "x"]).details.expected).toBe("no argument");
    expect(messages(["completion"])).toEqual(["completion needs <shell>"]);
  });

  it("options that do not go together are told beside bad values", () => {
    expect(messages(["simulate", "--days", "0", "--csv", "-", "--json", "--cost-of-funds", "2"])).toEqual([
      "--days: 0 is too small",
      "--csv - and --json both write to standard output",
      "--cost-of-funds: 2 is too large",
    ]);
    expect(
      messages(["whatif", "a.yaml", "--avoid", "x", "--reach", "y", "--budget", "0", "--max-edits", "9"]),
    ).toEqual([
      "--budget: 0 is too small",
      "--max-edits: 9 is too large",
      "give --avoid or --reach, not both",
    ]);
  });

  it("an option whose value is refused was given: what needs it is not told it is missing", () => {
    // not "explain needs --day N", not "--force goes with --save FILE"
    expect(messages(["explain", "a.yaml", "--day", "x"])).toEqual(['--day: "x" is not a number']);
    expect(messages(["whatif", "a.yaml", "--set", "minScore=600", "--save", "", "--force"])).toEqual([
      "--save: an empty file name",
    ]);
    expect(messages(["simulate", "--challenger", "tightened", "--flips", "", "--force"])).toEqual([
      "--flips: an empty folder name",
    ]);
    // a day of the run is not checked against a --days that was refused
    expect(messages(["simulate", "--days", "x", "--stress", "500"])).toEqual(['--days: "x" is not a number']);
    // an option misspelt is told with its did-you-mean: what needs it is not told it is missing too
    expect(messages(["explain", "a.yaml", "--dya", "227"])).toEqual(['unknown option "--dya"']);
  });

  it("an option of one value given twice takes the last (its help says so): a wrapper's default is overridden", () => {
    expect(parse(["run", "a.yaml", "--policy", "my p.yaml", "--until", "3", "--policy", "x"])).toMatchObject({
      options: { policy: "x", until: { day: 3 } },
    });
    expect(parse(["simulate", "--accounts", "5", "--accounts", "6", "--accounts", "7"])).toMatchObject({
      options: { accounts: 7 },
    });
    // a value refused is told, even when a later one would have been taken
    expect(messages(["simulate", "--accounts", "x", "--accounts", "60"])).toEqual([
      '--accounts: "x" is not a number',
    ]);
    // those that repeat take every value
    expect(
      parse([
        "simulate",
        "--sweep",
        "minScore=600..620:10",
        "--sweep",
        "minOpenScore=600..620:10",
        "--json",
        "--json",
      ]),
    ).toMatchObject({ options: { json: true, sweep: [{ param: "minScore" }, { param: "minOpenScore" }] } });
    expect(parse(["whatif", "a.yaml", "--set", "minScore=600", "--set", "minScore=610"])).toMatchObject({
      options: { edits: [{ value: "minScore=600" }, { value: "minScore=610" }] },
    });
    const { io: i, out } = io();
    parseArgv(["--help"], i);
    expect(out.stdout).toMatch(/An option given twice takes the last value/);
  });

  it("--help is still shown, whatever else is wrong", () => {
    const { io: i, out } = io();
    expect(parseArgv(["simulate", "--accounts", "x", "--frob", "--help"], i)).toEqual({
      kind: "done",
      exitCode: 0,
    });
    expect(out.stdout).toMatch(/^Usage: credit-sim simulate/);
  });
});

describe("dates on the command line", () => {
  const problem = (args: string[]) => {
    const e = refused(args);
    return [e.message, e.details.expected, e.details.found, e.details.hint];
  };

  it("a date as a day not written YYYY-MM-DD is told so, with the date meant — not 'not on the calendar'", () => {
    expect(problem(["explain", "a.yaml", "--day", "2024-8-15"])).toEqual([
      '--day: "2024-8-15" is not written YYYY-MM-DD (two digits for the month and the day)',
      "a day's number (day 0 is the start), or its date as YYYY-MM-DD (2024-08-15)",
      '"2024-8-15"',
      "write 2024-08-15",
    ]);
    expect(problem(["explain", "a.yaml", "--day", "2024-02-30"])[0]).toBe(
      "--day: 2024-02-30 is not a date on the calendar",
    );
  });

  it.each([
    ["2024-03-01T00:00", "has a time or a time zone"],
    ["2024-03-01 08:00", "has a time or a time zone"],
    ["2024-03-01+08:00", "has a time or a time zone"],
    ["2024-03-01Z", "has a time or a time zone"],
    [" 2024-03-01", "has spaces around the date"],
    ["2024-3-1", "is not written YYYY-MM-DD"],
  ])(
    "a start or a day with a time, a zone or spaces is a date in words, with the date meant: %j",
    (text, what) => {
      for (const args of [
        ["simulate", "--start", text],
        ["explain", "a.yaml", "--day", text],
      ]) {
        const [message, , found, hint] = problem(args);
        expect(message).toContain(`${JSON.stringify(text)} ${what}`);
        expect(found).toBe(JSON.stringify(text));
        expect(hint).toBe("write 2024-03-01");
      }
    },
  );

  it("the calendar's ends: year 0 starts a run; past 9999-12-31 is said with the days there are", () => {
    expect(parse(["simulate", "--start", "0000-01-01", "--days", "36500"])).toMatchObject({
      options: { start: "0000-01-01", days: 36500 },
    });
    expect(parse(["simulate", "--start", "9999-12-31", "--days", "1"])).toMatchObject({
      options: { start: "9999-12-31" },
    });
    expect(problem(["simulate", "--start", "9999-12-31", "--days", "36500"])).toEqual([
      "--start and --days run past the year 9999",
      "at most 1 day from 9999-12-31 (the calendar ends on 9999-12-31)",
      "--days 36500",
      "start earlier, or simulate fewer days",
    ]);
    expect(problem(["simulate", "--start", "9999-01-01", "--days", "36500"])[1]).toBe(
      "at most 365 days from 9999-01-01 (the calendar ends on 9999-12-31)",
    );
  });
});

describe("option tables", () => {
  it("a table key must be the name commander gives the value", () => {
    expect(() =>
      addOptions(new Command(), { challenger: wholeNumber("--challenger-from <n>", "x") }),
    ).toThrow(/key "challenger" must be "challengerFrom"/);
    const read = addOptions(new Command(), { chart: flag("--no-chart", "x") });
    expect(read({ chart: false, other: 1 })).toEqual({ chart: false });
  });

  it("refuseGiven refuses each option given, by the flag typed, in the table's order", () => {
    const table = {
      json: flag("--json", "x"),
      output: text("-o, --output <file>", "x"),
      chart: flag("--no-chart", "x"),
      wide: flag("--wide", "x"),
    };
    const why = { chart: "has no chart", output: "has no file", json: "has no document" };
    const problem = (f: string, w: string) => new UsageError(`${f} ${w}`);
    const refusedOf = (raw: Parameters<typeof refuseGiven<typeof table>>[1]) => {
      try {
        refuseGiven(table, raw, why, problem);
      } catch (e) {
        return (e as InputError).problems.map((p) => p.message);
      }
      return [];
    };
    // --no-chart is given when its value is false: commander's true is its default, given or not
    expect(refusedOf({ chart: true, wide: true })).toEqual([]);
    expect(refusedOf({ chart: false, output: "a", json: true, wide: true })).toEqual([
      "--json has no document",
      "--output has no file",
      "--no-chart has no chart",
    ]);
  });
});

describe("run --html, --wide", () => {
  it("take a file (or -) and a flag", () => {
    expect(parse(["run", "a.yaml", "--html", "-", "--wide"])).toMatchObject({
      options: { html: "-", wide: true },
    });
    expect(parse(["whatif", "a.yaml", "--set", "minScore=600", "--html", "w.html"])).toMatchObject({
      options: { html: "w.html", wide: false },
    });
    expect(parse(["simulate", "--html", "p.html"])).toMatchObject({ options: { html: "p.html" } });
  });

  // an unset shell variable (`--save "$OUT"`): `--save ""` saved nothing and exited 0, `--html ""` was
  // reported as the working folder
  it.each([
    [["run", "a.yaml", "--html"], "--html: an empty file name"],
    [["test", "--output"], "--output: an empty file name"],
    [["whatif", "a.yaml", "--remove", "1", "--save"], "--save: an empty file name"],
    [["whatif", "a.yaml", "--remove", "1", "--html"], "--html: an empty file name"],
    [["simulate", "--csv"], "--csv: an empty file name"],
    [["simulate", "--html"], "--html: an empty file name"],
    [["simulate", "--export-account", "1", "-o"], "--output: an empty file name"],
    [["simulate", "--flips"], "--flips: an empty folder name"],
    [["merge", "a.json", "--html"], "--html: an empty file name"],
  ])("an empty output path is refused: %j", (args, message) => {
    expect(refused([...args, ""]).message).toBe(message);
  });

  // a name of white space alone (a variable holding a space) wrote a file called " ", told as `wrote  `
  it.each([
    [["run", "a.yaml", "--html"], "--html: a file name of white space alone"],
    [["whatif", "a.yaml", "--remove", "1", "--save"], "--save: a file name of white space alone"],
    [["simulate", "--csv"], "--csv: a file name of white space alone"],
    [["simulate", "--flips"], "--flips: a folder name of white space alone"],
  ])("an output path of white space alone is refused: %j", (args, message) => {
    expect(refused([...args, " "]).message).toBe(message);
    expect(refused([...args, "\t "]).details.found).toBe('"\\t "');
  });

  // …and as an argument: `init " "` made a folder called " ", `run " "` was told "credit-sim:  : not found"
  it.each([
    [["init", " "], "a folder name of white space alone"],
    [["test", "scenarios", "  "], "a file name of white space alone"],
    [["run", " "], "a file name of white space alone"],
    [["merge", "a.json", " "], "a file name of white space alone"],
  ])("a path argument of white space alone is refused: %j", (args, message) => {
    expect(refused(args).message).toBe(message);
  });

  // resolved, an empty name is the working folder: `test ""` ran it and wrote golden traces there
  it.each([
    [["test", ""], "give the path of a file or folder"],
    [["test", "scenarios", ""], "give the path of a file or folder"],
    [["merge", "a.json", ""], "give the path of a file"],
    [["run", "a.yaml", ""], "give the path of a file"],
    [["explain", "", "--day", "1"], "give the path of a file"],
    [["whatif", "", "--list"], "give the path of a file"],
    [["init", ""], "give the path of a folder"],
  ])("an empty path argument is refused: %j", (args, hint) => {
    const e = refused(args);
    expect(e.message).toMatch(/^an empty (file|folder) name$/);
    expect(e.format()).toContain(hint);
  });
});

// a wrapper (or an alias) that adds --no-color or --wide to every command failed on schema, completion
// and init (exit 2): every command takes both, changing nothing where its output has neither
describe("--no-color and --wide, every command", () => {
  const least: Record<string, string[]> = {
    run: ["a.yaml"],
    explain: ["a.yaml", "--day", "1"],
    whatif: ["a.yaml", "--set", "minScore=600"],
    merge: ["a.json"],
    completion: ["bash"],
  };
  const program = buildProgram(io().io, () => {});
  it.each(program.commands.map((c) => c.name()))("%s", (name) => {
    const args = [name, ...(least[name] ?? [])];
    expect(() => parse([...args, "--no-color", "--wide"])).not.toThrow();
    expect(program.commands.find((c) => c.name() === name)!.options.map((o) => o.long)).toEqual(
      expect.arrayContaining(["--no-color", "--wide"]),
    );
  });

  it("changes nothing where there is no colour or width", () => {
    expect(parse(["schema", "--no-color", "--wide"])).toEqual({ command: "schema" });
    expect(parse(["completion", "bash", "--no-color"])).toEqual({ command: "completion", shell: "bash" });
    expect(parse(["init", "mine", "--wide", "--no-color"])).toEqual({
      command: "init",
      dir: "mine",
      options: { force: false },
    });
    // not read as the command to help with
    expect(parseArgv(["help", "--no-color"], io().io)).toEqual({ kind: "done", exitCode: 0 });
    // --json, which chooses what is written, is still refused where there is no choice
    expect(refused(["schema", "--json"]).message).toBe('unknown option "--json"');
  });
});

describe("explain, init, completion, test --watch", () => {
  it("explain: a file and --day", () => {
    expect(parse(["explain", "a.yaml", "--day", "227", "--json"])).toEqual({
      command: "explain",
      file: "a.yaml",
      options: { day: { day: 227 }, json: true, policy: undefined, color: true, wide: false },
    });
    expect(refused(["explain", "a.yaml"]).message).toBe("explain needs --day N");
    // the example is the file given (quoted when the shell would split it), not the README's
    expect(refused(["explain", "mine/first.yaml"]).details.hint).toBe(
      "credit-sim explain mine/first.yaml --day N, N a day its trace shows or its date (credit-sim run mine/first.yaml)",
    );
    expect(refused(["explain", "my file.yaml"]).details.hint).toMatch(
      /^credit-sim explain 'my file.yaml' --day N/,
    );
    expect(refused(["explain", "a.yaml", "--day", "-1"]).message).toBe("--day: -1 is too small");
    expect(refused(["explain", "a.yaml", "--day", "x"]).message).toBe('--day: "x" is not a number');
  });

  it("init: a folder (default the current one) and --force", () => {
    expect(parse(["init"])).toEqual({ command: "init", dir: ".", options: { force: false } });
    expect(parse(["init", "mine", "--force"])).toEqual({
      command: "init",
      dir: "mine",
      options: { force: true },
    });
  });

  it("completion: bash or zsh", () => {
    expect(parse(["completion", "zsh"])).toEqual({ command: "completion", shell: "zsh" });
    const fish = refused(["completion", "fish"]);
    expect([fish.message, fish.details.expected, fish.details.found]).toEqual([
      'completion: unknown shell "fish"',
      "bash or zsh",
      '"fish"',
    ]);
  });

  it("test: --watch and --wide beside the runner's options", () => {
    expect(parse(["test", "--watch"])).toMatchObject({
      command: "test",
      options: { watch: true, wide: false },
    });
    expect(parse(["test", "--reporter", "pretty,github", "--output-file", "html=r.html"])).toMatchObject({
      options: {
        reporters: [
          { name: "pretty", file: null },
          { name: "github", file: null },
          { name: "html", file: "r.html" },
        ],
      },
    });
  });
});

describe("a hostile value, quoted", () => {
  // an option's value shows a control character as an unknown option's name does, and as every other
  // message: `\x1b`, never JSON's `\u001b` beside it
  it.each([
    [["explain", "a.yaml", "--day", "1\u001b[2J"], '"1\\x1b[2J"'],
    [["test", "--reporter", "x\u001by"], 'unknown reporter "x\\x1by"'],
    [["simulate", "--bad", "\u001b\u0008\u000c"], '"\\x1b\\x08\\x0c"'],
    [["simulate", "--shard", "x\u0007"], '"x\\x07"'],
    [["run", "a.yaml", "--bogus\u001b"], '"--bogus\\x1b"'],
  ])("%j", (args, shown) => {
    const text = refused(args).format();
    expect(text).toContain(shown);
    expect(text).not.toMatch(/\\u00[01]/);
    expect(text).not.toContain("\u001b");
  });

  it("keeps a backslash and a quote as JSON writes them: a typed \\u001b is not an escape", () => {
    expect(quoted('a"\\u001b\u001b\n\t\ud800')).toBe('"a\\"\\\\u001b\\x1b\\n\\t\\ud800"');
  });
});
