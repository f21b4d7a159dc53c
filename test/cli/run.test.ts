// The CLI as a user runs it: the built bin/credit-sim in a child process, no terminal, no colour.

import { describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";

const ZHANG = "scenarios/zhang-ming.yaml";
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);

describe("credit-sim run", () => {
  it("prints the step-by-step trace, a summary and a chart", () => {
    const r = cli(["run", ZHANG]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Zhang Ming — /);
    expect(r.stdout).toMatch(/227 {2}2024-08-15 {2}periodic review +suspended +607 .*suspended \(credit\)/);
    expect(r.stdout).toContain("OVERDUE_RECENT  Overdue repayments in the last 6 months");
    expect(r.stdout).toContain("→ repay every bill on time until 2024-11-15 (day 319)");
    expect(r.stdout).toMatch(/suspended on day 227 \(2024-08-15\), cause credit, because: /);
    expect(r.stdout).toMatch(/restored on day 319 \(2024-11-15\) after 92 days/);
    expect(r.stdout).toContain("Score over time");
    expect(r.stdout).not.toMatch(ANSI);
  });

  it("renders the same trace byte for byte (golden output)", () => {
    const r = cli(["run", ZHANG]);
    expect(r.stdout).toMatchSnapshot();
  });

  it("--json prints one object per step with the SPEC's fields and nothing else on stdout", () => {
    const r = cli(["run", ZHANG, "--json"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    const steps = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const s of steps) {
      for (const key of [
        "scenario",
        "day",
        "date",
        "event",
        "decision",
        "reasons",
        "score",
        "limit",
        "balance",
        "status",
        "cause",
      ]) {
        expect(s).toHaveProperty(key);
      }
    }
    const suspension = steps.find((s) => s.decision === "suspended")!;
    expect(suspension).toMatchObject({
      scenario: "Zhang Ming",
      day: 227,
      date: "2024-08-15",
      event: "review",
      status: "suspended",
      cause: "credit",
    });
    expect(steps.map((s) => s.event)).toEqual(
      expect.arrayContaining(["statement", "due", "overdue", "review", "purchase", "repay"]),
    );
    expect(typeof steps[0]!.balance).toBe("number");
  });

  it("--explain shows every characteristic's value, bin and points at each decision", () => {
    const r = cli(["run", ZHANG, "--explain", "--no-chart"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/score 607 \(good, est\. default probability [\d.]+ %\) = 350 \+/);
    expect(r.stdout).toMatch(/Credit applications, last 30 days +5 +3 or more +0\/35 +\(−35 INQUIRIES_30D\)/);
  });

  it("--policy, --seed and --until override the file", () => {
    const r = cli(["run", ZHANG, "--json", "--policy", "tightened", "--until", "100"]);
    expect(r.status).toBe(0);
    const steps = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { day: number; policy: string });
    expect(steps.every((s) => s.day <= 100)).toBe(true);
    expect(steps[0]!.policy).toBe("tightened");
    const seeded = cli(["run", ZHANG, "--seed", "7", "--no-chart"]);
    expect(seeded.stdout).toContain("seed 7");
  });

  it("is deterministic: the same run twice is byte-identical", () => {
    expect(cli(["run", "scenarios/financial-burden.yaml", "--json"]).stdout).toBe(
      cli(["run", "scenarios/financial-burden.yaml", "--json"]).stdout,
    );
  });

  it("colours only when asked (FORCE_COLOR) and never with NO_COLOR or a pipe", () => {
    expect(cli(["run", ZHANG, "--no-chart"]).stdout).not.toMatch(ANSI);
    expect(cli(["run", ZHANG, "--no-chart"], { env: { NO_COLOR: "", FORCE_COLOR: "1" } }).stdout).toMatch(
      ANSI,
    );
  });

  it("runs several files in order", () => {
    const r = cli([
      "run",
      "scenarios/good-customer.yaml",
      "scenarios/security-suspension.yaml",
      "--no-chart",
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout.indexOf("Zhao Lei")).toBeLessThan(r.stdout.indexOf("Wang Fang"));
  });
});

describe("reference commands and conventions", () => {
  it("reasons prints the whole catalogue", () => {
    const r = cli(["reasons"]);
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
    const json = JSON.parse(cli(["reasons", "--json"]).stdout) as Array<{ code: string; text: string }>;
    expect(json.find((x) => x.code === "OVER_LIMIT")?.text).toBe("The purchase exceeds the available credit");
  });

  it("policies lists default and tightened with every SPEC parameter", () => {
    const r = cli(["policies"]);
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
    const policies = JSON.parse(cli(["policies", "--json"]).stdout) as Array<{
      name: string;
      minScore: number;
    }>;
    expect(policies.map((p) => p.name)).toEqual(["default", "tightened"]);
    expect(policies[1]!.minScore).toBeGreaterThan(policies[0]!.minScore);
  });

  it("every command has --help with an example; --version prints the version", () => {
    for (const command of ["run", "reasons", "policies", "schema"]) {
      const r = cli([command, "--help"]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Examples?:\n {2}credit-sim /);
    }
    expect(cli(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("bad usage exits 2 with a message on stderr", () => {
    const unknown = cli(["frobnicate"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    const badSeed = cli(["run", ZHANG, "--seed", "abc"]);
    expect(badSeed.status).toBe(2);
    expect(badSeed.stderr).toMatch(/--seed must be a whole number/);
    expect(badSeed.stdout).toBe("");
    const none = cli(["run"]);
    expect(none.status).toBe(2);
  });
});
