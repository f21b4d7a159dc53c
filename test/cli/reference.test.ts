// The reference commands (reasons, policies, schema), help and version, and bad usage, in-process.

import { describe, expect, it } from "vitest";
import { builtinPolicyNames } from "../../src/scenario/load-policy.js";
import { cli } from "../helpers/cli.js";

const ZHANG = "scenarios/zhang-ming.yaml";

describe("reference commands and conventions", () => {
  it("reasons prints the whole catalogue", async () => {
    const r = await cli(["reasons"]);
    expect(r.status).toBe(0);
    for (const code of [
      "OVERDUE_RECENT",
      "INQUIRIES_30D",
      "SECURITY_PROFILE_CHANGES",
      "POLICY_CHANGE",
      "IDENTITY_VERIFIED",
    ]) {
      expect(r.stdout).toContain(code);
    }
    const json = JSON.parse((await cli(["reasons", "--json"])).stdout) as Array<{
      code: string;
      text: string;
    }>;
    expect(json.find((x) => x.code === "OVER_LIMIT")?.text).toBe("The amount exceeds the available credit");
  });

  it("reasons CODE… shows the codes named, any case, and refuses one not in the catalogue with the code meant", async () => {
    // a newcomer looking a code of a trace up was told "too many arguments" and to quote a name
    const r = await cli(["reasons", "past_due_at_review", "OVERDUE_TOO_RECENT", "--wide"]);
    expect(r.status).toBe(0);
    const codes = r.stdout.split("\n").filter((l) => /^ {2}[A-Z_]+ /.test(l));
    expect(codes.map((l) => l.trim().split(" ")[0])).toEqual(["PAST_DUE_AT_REVIEW", "OVERDUE_TOO_RECENT"]);
    expect(r.stdout).not.toContain("Scorecard reasons");
    const json = JSON.parse((await cli(["reasons", "HIGH_UTILISATION", "--json"])).stdout) as Array<{
      code: string;
    }>;
    expect(json.map((x) => x.code)).toEqual(["HIGH_UTILISATION"]);
    const bad = await cli(["reasons", "PAST_DUE_AT_REVIW", "FOO"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('no reason code "PAST_DUE_AT_REVIW", "FOO"');
    expect(bad.stderr).toContain("did you mean PAST_DUE_AT_REVIEW?");
  });

  it("reasons: a word that begins codes lists them (a prefix is no near spelling of one), one that begins one names it", async () => {
    const bad = await cli(["reasons", "limit", "OVERDUE_NWO"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("codes that start with LIMIT: LIMIT_AT_SCORE_CAP, LIMIT_AT_INCOME_CAP,");
    expect(bad.stderr).toMatch(/and \d+ more; did you mean OVERDUE_NOW\?/);
    expect((await cli(["reasons", "LIMIT_AT_SC"])).stderr).toContain("did you mean LIMIT_AT_SCORE_CAP?");
  });

  it("policies lists every shipped policy (default and tightened among them) with every contract parameter", async () => {
    const r = await cli(["policies"]);
    expect(r.status).toBe(0);
    for (const p of [
      "minOpenScore",
      "minIncreaseScore",
      "minScore",
      "restoreScore",
      "maxApplications30d",
      "graceDays",
      "penaltyRatePerDay",
      "suspendOverdueDays",
      "securityMaxChanges",
      "securityWindowDays",
      "reviewDayOfMonth",
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^${p} `, "m"));
    }
    // every row is the parameter and one cell per policy, at least two spaces apart; a band list (wider
    // than any number) goes beneath its name, a policy a line
    const lines = r.stdout.split("\n");
    const shipped = builtinPolicyNames();
    expect(shipped).toEqual(expect.arrayContaining(["default", "tightened"]));
    for (const row of lines
      .slice(0, 30)
      .filter((l) => /^[a-z]/.test(l) && !/^(limitBands|jiebeiLimitBands)$/.test(l)))
      expect(row.trim().split(/ {2,}/)).toHaveLength(1 + shipped.length);
    const bands = lines.indexOf("limitBands");
    expect(lines[bands + 1]).toMatch(/^ {2}default +620:3000 /);
    expect(lines[bands + 1 + shipped.indexOf("tightened")]).toMatch(/^ {2}tightened +\d+:\d+ /);
    // no row wider than it needs: the number columns are not padded to a band list's width
    expect(
      Math.max(...lines.filter((l) => /^[a-z]/.test(l) && !l.includes(": ")).map((l) => l.length)),
    ).toBeLessThan(60);
    // what a parameter means, beneath its rows: a name alone does not say it
    expect(lines[lines.indexOf(lines.find((l) => l.startsWith("grantUsedFraction "))!) + 1]).toMatch(
      /^ {4}share of the credit a grant .*/,
    );
    expect(lines[bands + 1 + shipped.length]).toMatch(/^ {4}\S/);
    const policies = JSON.parse((await cli(["policies", "--json"])).stdout) as Array<{
      name: string;
      minScore: number;
    }>;
    expect(policies.map((p) => p.name)).toEqual(shipped);
    const minScore = (name: string) => policies.find((p) => p.name === name)!.minScore;
    expect(minScore("tightened")).toBeGreaterThan(minScore("default"));
  });

  it("policies on a narrow terminal writes every policy's band list alike: all beneath their names when one is", async () => {
    // at 60 columns default's limitBands folded beneath its name and tightened's stayed beside it
    for (const columns of [60, 80, 200]) {
      const lines = (await cli(["policies"], { tty: true, columns })).stdout.split("\n");
      for (const key of ["limitBands", "jiebeiLimitBands"]) {
        const at = lines.indexOf(key);
        const names = builtinPolicyNames();
        const rows = lines.slice(at + 1, at + 1 + 2 * names.length);
        const beside = rows.filter((l) => /^ {2}[a-z]+ +\d+:\d+/.test(l)).length;
        // all beside their names, or none: then each name alone and its list beneath
        expect([0, names.length], `${key} at ${columns} columns:\n${rows.join("\n")}`).toContain(beside);
        if (beside === 0) {
          expect(rows.filter((_, i) => i % 2 === 0).map((l) => l.trim())).toEqual(names);
          // a list beneath is indented past the parameter's meaning (4), not read as one more list
          for (const l of rows.filter((_, i) => i % 2 === 1)) expect(l).toMatch(/^ {6}\d/);
        }
        for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(columns);
      }
    }
  });

  it("every command has --help with an example; --version prints the version", async () => {
    for (const command of ["run", "reasons", "policies", "schema"]) {
      const r = await cli([command, "--help"]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Examples?:\n {2}credit-sim /);
    }
    expect((await cli(["--version"])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("bad usage exits 2 with a message on stderr", async () => {
    const unknown = await cli(["frobnicate"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(
      'credit-sim: unknown command "frobnicate"\n  expected: a command: run, ',
    );
    const badSeed = await cli(["run", ZHANG, "--until", "abc"]);
    expect(badSeed.status).toBe(2);
    expect(badSeed.stderr).toMatch(/--until: "[^"]*" is not a number/);
    expect(badSeed.stdout).toBe("");
    const none = await cli(["run"]);
    expect(none.status).toBe(2);
    // every problem of the command line, then their count, in one exit 2
    const many = await cli(["simulate", "--accounts", "-5", "--days", "abc", "--frob"]);
    expect(many.status).toBe(2);
    expect(many.stderr.trimEnd().split("\n").at(-1)).toBe("credit-sim: 3 problems");
    expect(many.stdout).toBe("");
  });
});
