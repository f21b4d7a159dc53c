// Hostile input, round 15: the environment a command is given (CREDIT_SIM_ROOT naming what no path can
// reach), a file of another kind whose keys are only near a field (its values not quoted), a suggested
// CREDIT_SIM_ROOT=DIR pasted into a shell, a socket where a file is read, a --sweep given twice, dates
// typed with slashes, and the folders made for an output the command did not write.

import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { BIN, cli, ROOT } from "../helpers/cli.js";
import { policyOutside, tempCases } from "../helpers/temp-cases.js";

const ZHANG = join(ROOT, "scenarios/zhang-ming.yaml");

describe("CREDIT_SIM_ROOT naming a path the system cannot look up", () => {
  // the refusal's hint stat-ed each root, and only a missing one was expected: a root under a file
  // (`CREDIT_SIM_ROOT=pol.yaml/x`), a name past the system's longest or a link loop ended the command
  // with `internal error: ENOTDIR: not a directory, stat …`
  const { fresh } = tempCases("round15-root");
  const tree = () => policyOutside(fresh);

  it.each(["pol.yaml/x", "a".repeat(300), `${"a".repeat(300)}/x`])(
    "is said to be no folder: %s",
    async (root) => {
      const d = tree();
      const r = await cli(["run", "s/a.yaml", "--no-chart"], { cwd: d, env: { CREDIT_SIM_ROOT: root } });
      expect(r.status).toBe(2);
      expect(r.stderr).not.toContain("internal error");
      expect(r.stderr).toContain("the policy file is outside this file's folder");
      expect(r.stderr).toContain(`${join(d, root)}, which is no folder`);
    },
  );
});

describe("a file with no field of the kind, only keys near one", () => {
  // `token` is two edits from a persona's `open`, `evnts` from a scenario's `events`: such a key was taken
  // for the field meant and its value checked as that field's — `simulate ./deploy.yaml` printed
  // `token: wrong type … found: "ghp_…"`, a file that is no persona quoted in a CI log
  const { fresh } = tempCases("round15-near");
  it.each([
    [["simulate"], "name: deploy\ntoken: ghp_SECRET\n"],
    [["simulate"], "token: ghp_SECRET\n"],
    [["run"], "evnts: ghp_SECRET\n"],
    [["run", join(ROOT, "scenarios/zhang-ming.yaml"), "--policy"], "minScor: ghp_SECRET\n"],
  ])("%j: the keys get their did-you-mean, the values are not quoted", async (args, text) => {
    const d = fresh();
    writeFileSync(join(d, "f.yaml"), text);
    const r = await cli([...args, "./f.yaml"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("did you mean");
    expect(r.stderr).not.toContain("SECRET");
  });

  it("a file of the kind begun still has its misspelt field's value checked", async () => {
    const d = fresh();
    writeFileSync(join(d, "f.yaml"), "name: a\nevnts: 5\n");
    const r = await cli(["run", "./f.yaml"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("evnts: wrong type");
  });
});

describe("simulate --flips: the CREDIT_SIM_ROOT its refusal suggests", () => {
  // `allow this one's with CREDIT_SIM_ROOT=/…/pol $(touch PWNED)`: the folder bare, where every other
  // command credit-sim suggests quotes a file's name as one shell word — pasted, it ran what it held
  const { fresh } = tempCases("round15-flips-root");
  it("is the folder as one shell word: pasted, it names the folder and runs nothing", async () => {
    const d = fresh();
    const folder = "pol $(touch PWNED)";
    mkdirSync(join(d, folder));
    writeFileSync(join(d, folder, "p.yaml"), "name: p\nextends: default\nminScore: 600\n");
    const r = await cli(
      [
        "simulate",
        "--accounts",
        "5",
        "--days",
        "20",
        "--policy",
        `./${folder}/p.yaml`,
        "--challenger",
        "tightened",
      ].concat(["--flips", "out"]),
      { cwd: d },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`CREDIT_SIM_ROOT='${join(d, folder)}',`);
  });
});

describe("a socket named where a file is read", () => {
  // `run sock.yaml`: "is a device, not a scenario file" — `ls -l` shows an s, and no device is there
  const { fresh } = tempCases("round15-socket");
  it("is said to be a socket, by every reader", async () => {
    const d = fresh();
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(d, "s.yaml"), done));
    try {
      for (const [args, kind] of [
        [["run", "s.yaml"], "scenario"],
        [["run", join(ROOT, "scenarios/zhang-ming.yaml"), "--policy", "./s.yaml"], "policy"],
        [["simulate", "./s.yaml"], "persona"],
        [["merge", "s.yaml"], "result"],
      ] as const) {
        const r = await cli([...args], { cwd: d });
        expect(r.status, args.join(" ")).toBe(2);
        expect(r.stderr).toContain(`s.yaml: is a socket, not a ${kind} file`);
      }
    } finally {
      server.close();
    }
  });
});

describe("a --sweep parameter given twice", () => {
  // `--sweep minScore=600..700:10` twice was told so, and then that its "121 variants in the grid" were
  // more than 100 — a grid of the parameter twice, which no run would make: 11 variants once fixed
  it("is one problem: the grid it does not make is not counted", async () => {
    const sweep = ["--sweep", "minScore=600..700:10"];
    const r = await cli(["simulate", "--accounts", "10", "--days", "20", ...sweep, ...sweep]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--sweep minScore is given twice");
    expect(r.stderr).not.toContain("variants in the grid");
  });

  it("a grid too large of parameters each given once is still refused", async () => {
    const r = await cli([
      "simulate",
      "--sweep",
      "minScore=600..700:10",
      "--sweep",
      "restoreScore=600..700:10",
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--sweep: 121 variants in the grid, more than 100");
  });
});

describe("a date on the command line written with slashes or dots, or day first", () => {
  // a file's `start: 2024/02/01` is told `write 2024-02-01`; `--start 2024/02/01` was only "not a date",
  // and `--until 2024/02/01` "not a number, expected a whole number" — as if no date were taken there
  it.each([
    [["simulate", "--start"], "2024/02/01", "write 2024-02-01"],
    [["simulate", "--start"], "2024.2.1", "write 2024-02-01"],
    [["simulate", "--start"], "13/02/2024", "write 2024-02-13"],
    [["run", ZHANG, "--until"], "2024/02/01", "write 2024-02-01"],
    [["explain", ZHANG, "--day"], "01/02/2024", "write 2024-02-01 or 2024-01-02"],
    [["simulate", "--days", "40", "--score-day"], "2024.01.05", "write 2024-01-05"],
    // a reading off the calendar is not offered (a reviewer's find: "write 2024-02-30" was)
    [["explain", ZHANG, "--day"], "2024/02/30", "February 2024 has 29 days: the last is 2024-02-29"],
    [["simulate", "--start"], "2023/02/29", "February 2023 has 28 days: the last is 2023-02-28"],
    [["simulate", "--start"], "02/30/2024", "February 2024 has 29 days: the last is 2024-02-29"],
    [["simulate", "--start"], "29/02/2023", "February 2023 has 28 days: the last is 2023-02-28"],
    [["simulate", "--start"], "31/04/2024", "April 2024 has 30 days: the last is 2024-04-30"],
    [
      ["simulate", "--start"],
      "05/00/2024",
      "a month is 01 to 12; read the other way, a day of the month is 01 to 31 (May 2024 has 31 days)",
    ],
    [["simulate", "--start"], "00/00/2024", "a month is 01 to 12"],
  ])("%j %s: told the date meant", async (args, typed, hint) => {
    const r = await cli([...args, typed]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`"${typed}" is not a date`);
    expect(r.stderr).toContain(`hint:     ${hint}`);
  });

  it("a day's number with a decimal point is still a number", async () => {
    const r = await cli(["explain", ZHANG, "--day", "2024.5"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("2024.5 is not a whole number");
  });
});

describe("the folders made for an output the command did not write", () => {
  // `--csv reports/2024/r.csv --html /dev/full`: made as `mkdir -p` does, and left behind, empty, by a
  // command that wrote nothing — as by a run stopped with Ctrl-C (the CSV is made aside during the run)
  const { fresh } = tempCases("round15-folders");
  const small = ["simulate", "--accounts", "5", "--days", "20", "--no-progress"];

  it.runIf(existsSync("/dev/full"))(
    "are removed with the refusal; a folder that was there stays",
    async () => {
      const d = fresh();
      mkdirSync(join(d, "kept"));
      const r = await cli([...small, "--csv", "kept/new/deeper/r.csv", "--html", "/dev/full"], { cwd: d });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("no space left on the device");
      expect(readdirSync(d)).toEqual(["kept"]);
      expect(readdirSync(join(d, "kept"))).toEqual([]);
    },
  );

  it("hold the outputs written, and stay", async () => {
    const d = fresh();
    const r = await cli([...small, "--csv", "a/b/r.csv"], { cwd: d });
    expect(r.status).toBe(0);
    expect(readdirSync(join(d, "a", "b"))).toEqual(["r.csv"]);
  });

  it("a run stopped by a signal removes them with its CSV made aside", { timeout: 30_000 }, async () => {
    const d = fresh();
    const child = spawn(
      process.execPath,
      [BIN, ...small.slice(0, 1), "--accounts", "50000", "--days", "300"].concat([
        "--no-progress",
        "--csv",
        "out/new/r.csv",
      ]),
      { cwd: d, stdio: "ignore" },
    );
    // the folders are made before the first account runs; the run takes seconds
    for (let i = 0; i < 200 && !existsSync(join(d, "out", "new")); i++) await sleep(25);
    expect(existsSync(join(d, "out", "new"))).toBe(true);
    child.kill("SIGINT");
    const code = await new Promise<number | null>((done) =>
      child.on("exit", (c, s) => done(s === "SIGINT" ? 130 : c)),
    );
    expect(code).toBe(130);
    expect(readdirSync(d)).toEqual([]);
  });
});

describe("a built-in's name written as a file's", () => {
  // `policy: default.yaml`, `--policy tightened.yaml`, `simulate revolver.yaml`: "file not found, check
  // the path" — the path was never meant, the built-in was
  const { fresh } = tempCases("round15-builtin-file");
  it.each([
    [["run", ZHANG, "--policy", "tightened.yaml"], 'write tightened, without ".yaml"'],
    [["simulate", "revolver.yml"], 'write revolver, without ".yml"'],
  ])("%j: told the built-in's name", async (args, hint) => {
    const r = await cli(args, { cwd: fresh() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(hint);
  });

  it("in a file too: the policy a scenario names, and one a policy extends", async () => {
    const d = fresh();
    writeFileSync(join(d, "s.yaml"), "name: s\npolicy: default.yaml\nevents: []\n");
    writeFileSync(join(d, "p.yaml"), "name: p\nextends: default.yaml\nminScore: 600\n");
    const scenario = await cli(["run", "s.yaml"], { cwd: d });
    expect(scenario.stderr).toContain('write default, without ".yaml"');
    const policy = await cli(["run", ZHANG, "--policy", "./p.yaml"], { cwd: d });
    expect(policy.stderr).toContain('write default, without ".yaml"');
  });

  it("a file of that name there is read, as named", async () => {
    const d = fresh();
    writeFileSync(join(d, "default.yaml"), "name: mine\nextends: default\nminScore: 600\n");
    const r = await cli(["run", ZHANG, "--policy", "default.yaml", "--until", "5", "--no-chart"], { cwd: d });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("policy mine");
  });
});

describe("a scenario one day past the calendar's end", () => {
  const { fresh } = tempCases("round15-last-day");
  it("is said in words that read: 1 day, not 1 days", async () => {
    const d = fresh();
    writeFileSync(join(d, "s.yaml"), "name: s\nstart: 9999-12-31\nuntil: 1\nevents: []\n");
    const r = await cli(["run", "s.yaml"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("found:    start 9999-12-31, 1 day\n");
  });
});
