// Hostile input, round 14: numbers typed on the command line that a double would change, what-if edits
// whose every problem is said at once, and a report named where the next run finds it as a scenario.

import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "../helpers/cli.js";
import { policyOutside, tempCases } from "../helpers/temp-cases.js";

const ZHANG = "scenarios/zhang-ming.yaml";

describe("a number option typed with more digits than a double keeps", () => {
  // a file refuses `10.999999999999999999` (a double would keep it as 11) rather than change it; the
  // options read them with Number(): `--day 226.99999999999999` explained day 227, `--accounts
  // 4.9999999999999999` ran 5 accounts, `--seed 1e-400` seeded 0 and `--cost-of-funds 1e-400` costed nothing
  it.each([
    [["explain", ZHANG, "--day"], "226.99999999999999"],
    [["run", ZHANG, "--no-chart", "--until"], "99.999999999999999"],
    [["simulate", "--days", "30", "--accounts"], "4.9999999999999999"],
    [["simulate", "--days", "30", "--seed"], "1e-400"],
    [["simulate", "--days"], "30.000000000000001"],
    [["simulate", "--days", "30", "--cost-of-funds"], "1e-400"],
    [["simulate", "--days", "30", "--cost-of-funds"], "0.0350000000000000001"],
  ])("is refused as typed, not read as the number it rounds to: %j %s", async (args, typed) => {
    const r = await cli([...args, typed]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`found:    ${typed}`);
    expect(r.stderr).toContain("15 significant digits");
  });

  it("numbers a double keeps still read: a 16-digit seed, an exponent, a rate", async () => {
    const r = await cli([
      "simulate",
      "--accounts",
      "2e0",
      "--days",
      "30",
      "--seed",
      "9007199254740991",
      "--cost-of-funds",
      "3.5e-2",
      "--json",
      "--no-progress",
    ]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { meta: { seed: number; accounts: number } };
    expect(doc.meta).toMatchObject({ seed: 9007199254740991, accounts: 2 });
  });

  it("a number past the option's range is told its range first, however many digits it has", async () => {
    const r = await cli(["simulate", "--days", "30", "--cost-of-funds", "123456789012345678.5"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--cost-of-funds: 123456789012345678.5 is too large");
    expect(r.stderr).not.toContain("significant digits");
  });
});

describe("a what-if event with several problems", () => {
  // in a file, `{ date: 2024-02-30, type: note }` is told both its missing text and its date; added or
  // edited, only the text was told, and the date once the text was fixed — one round of fixes after another
  it("--add: a date no calendar has is said with the fields' problems, at once", async () => {
    const r = await cli(["whatif", ZHANG, "--add", "{date: 2024-02-30, type: note}", "--no-chart"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("text: missing required field");
    expect(r.stderr).toContain("date: not a calendar date");
    expect(r.stderr).toContain("February 2024 has 29 days");
  });

  it("a date written wrong is said once, among the event's problems", async () => {
    const r = await cli(["whatif", ZHANG, "--add", "{date: 2024-2-30, type: note}", "--no-chart"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("text: missing required field");
    expect(r.stderr.match(/}": date: /g)).toHaveLength(1);
    expect(r.stderr).not.toContain("internal error");
  });

  it("--edit: and a date before the scenario starts", async () => {
    const r = await cli(["whatif", ZHANG, "--edit", "2:{date: 2023-12-01, amount: -5}", "--no-chart"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("amount: value out of range");
    expect(r.stderr).toContain("is before the scenario starts");
  });
});

describe("test: a report named where the search finds scenarios", () => {
  // `test DIR --reporter json --output DIR/report.json` passed once; every run after it found the report
  // as a scenario — `report.json: not a scenario file` (exit 2), and the same command refused as writing
  // over a file it reads; under --watch each round after the first was refused so
  const { fresh } = tempCases("round14-report");
  const suite = () => {
    const d = fresh();
    mkdirSync(join(d, "scenarios"));
    copyFileSync(join(ROOT, "scenarios/first-credit.yaml"), join(d, "scenarios/first-credit.yaml"));
    return d;
  };

  it.each([
    ["--reporter", "json", "--output", "scenarios/report.json"],
    ["--reporter", "pretty", "--output-file", "pretty=scenarios/out/report.yaml"],
    ["--reporter", "json", "--output-file", "json=scenarios/REPORT.JSON"],
  ])("is refused before the run, nothing written: %s %s %s %s", async (...flags) => {
    const d = suite();
    const r = await cli(["test", "scenarios", "--no-snapshots", ...flags], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("would be found as a scenario");
    expect(r.stdout).toBe("");
    expect(readdirSync(join(d, "scenarios")).sort()).toEqual(["first-credit.yaml"]);
  });

  it("a report the search passes over is written, run after run: another extension, a hidden folder, outside", async () => {
    const d = suite();
    for (const output of ["scenarios/report.xml", "scenarios/.reports/r.json", "report.json"])
      for (const round of [1, 2]) {
        const r = await cli(
          ["test", "scenarios", "--no-snapshots", "--reporter", "json", "--output", output],
          {
            cwd: d,
          },
        );
        expect([output, round, r.status, r.stderr]).toEqual([output, round, 0, ""]);
      }
  });
});

describe("a file that holds only YAML's null", () => {
  // `null`, `~` or `--- null` is a value, not nothing: the file was said to be empty, and a reader opening
  // it saw four bytes the message denied
  const { fresh } = tempCases("round14-null");
  it.each([
    ["scenario", "null\n", (f: string) => ["run", f]],
    ["scenario", "--- ~\n", (f: string) => ["run", f]],
    ["scenario (JSON)", "null", (f: string) => ["run", f]],
    ["policy", "null\n", (f: string) => ["run", ZHANG, "--policy", f]],
    ["persona", "~\n", (f: string) => ["simulate", f, "--accounts", "2", "--days", "10"]],
  ])("a %s is told what it holds, at its line, not that it is empty: %j", async (kind, text, args) => {
    const d = fresh();
    const file = join(d, kind.includes("JSON") ? "f.json" : "f.yaml");
    writeFileSync(file, text);
    const r = await cli(args(file));
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain("the file is empty");
    expect(r.stderr).toContain("the file must hold a mapping (key: value pairs) at the top");
    expect(r.stderr).toMatch(/found: {4}null/);
  });

  it.each([
    ["comments only", "# nothing\n---\n"],
    // `...` ends a document: markers alone hold no value, as `---` alone does not
    ["a document end alone", "...\n"],
    ["a document's start and end", "---\n...\n"],
  ])("a file of %s is still empty", async (_, text) => {
    const file = join(fresh(), "c.yaml");
    writeFileSync(file, text);
    const r = await cli(["run", file]);
    expect(r.stderr).toContain("the file is empty");
    expect(r.stderr).not.toContain("YAML's empty value");
  });
});

describe("CREDIT_SIM_ROOT set, and the policy still outside", () => {
  // the refusal said to "allow its folder with CREDIT_SIM_ROOT=DIR" to a job that had set it — to a
  // folder misspelt, or as `~/policies` (no shell expands it there): nothing said why it did not allow it
  const { fresh } = tempCases("round14-root");
  const tree = () => policyOutside(fresh);

  it.each(["policie", "~/policies"])("names a folder it names that is none: %s", async (root) => {
    const d = tree();
    const r = await cli(["run", "s/a.yaml", "--no-chart"], { cwd: d, env: { CREDIT_SIM_ROOT: root } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("the policy file is outside this file's folder");
    expect(r.stderr).toContain(`${join(d, root)}, which is no folder`);
  });

  it("and the folders it allows, when the file is under none", async () => {
    const d = tree();
    mkdirSync(join(d, "other"));
    const r = await cli(["run", "s/a.yaml", "--no-chart"], { cwd: d, env: { CREDIT_SIM_ROOT: "other" } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`CREDIT_SIM_ROOT allows ${join(d, "other")}`);
  });

  it("allowing the policy's folder runs it", async () => {
    const d = tree();
    const r = await cli(["run", "s/a.yaml", "--no-chart"], { cwd: d, env: { CREDIT_SIM_ROOT: "." } });
    expect([r.status, r.stderr]).toEqual([0, ""]);
  });
});

describe("credit-sim's own outputs read back as a scenario, policy or persona", () => {
  // `simulate --json > scenarios/s1.json`, a JSON report written there: `not a scenario file: none of its
  // keys is a scenario field`, a mapping of 5 keys — a file credit-sim wrote, not named for what it is
  const { fresh } = tempCases("round14-own");
  it("a population result is named, with what reads it", async () => {
    const d = fresh();
    const sim = await cli(["simulate", "--accounts", "2", "--days", "10", "--json"], { cwd: d });
    writeFileSync(join(d, "s1.json"), sim.stdout);
    for (const args of [
      ["run", "s1.json"],
      ["run", join(ROOT, ZHANG), "--policy", "./s1.json"],
      ["simulate", "./s1.json"],
    ]) {
      const r = await cli(args, { cwd: d });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toContain("a population result of `credit-sim simulate --json`, not a");
      expect(r.stderr).toContain("`credit-sim merge` reads it");
    }
  });

  it("a test report is named, with where to keep it", async () => {
    const d = fresh();
    mkdirSync(join(d, "s"));
    copyFileSync(join(ROOT, "scenarios/first-credit.yaml"), join(d, "s/first-credit.yaml"));
    expect(
      (await cli(["test", "s", "--no-snapshots", "--reporter", "json", "--output", "r.json"], { cwd: d }))
        .status,
    ).toBe(0);
    const r = await cli(["run", "r.json"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("a report of `credit-sim test --reporter json`, not a scenario file");
  });
});

describe("--grep: a pattern RE2 refuses", () => {
  // re2js reads a case-blind pattern as `(?i)` and the pattern: its message quoted `(?i)(` of a `(` typed
  it("is quoted as typed, not with the flag the matcher puts before it", async () => {
    const r = await cli(["test", "scenarios", "--no-snapshots", "--grep", "("]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("missing closing ): `(`");
    expect(r.stderr).not.toContain("(?i)");
  });
});
