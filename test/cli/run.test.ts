// `credit-sim run`, in-process (runCli with captured streams): the trace, --json, --explain, overrides,
// colour. test/e2e/cli.test.ts runs it once through a real pipe.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";

const ZHANG = "scenarios/zhang-ming.yaml";
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);

describe("credit-sim run", () => {
  it("prints the step-by-step trace, a summary and a chart", async () => {
    const r = await cli(["run", ZHANG]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Zhang Ming — /);
    expect(r.stdout).toMatch(/227 {2}2024-08-15 {2}periodic review +suspended +648 .*suspended \(credit\)/);
    expect(r.stdout).toContain("OVERDUE_RECENT  Due dates missed in the last 12 months");
    expect(r.stdout).toContain("→ repay every bill on time until 2024-11-15 (day 319)");
    expect(r.stdout).toMatch(
      /suspended on day 227 \(2024-08-15\), cause credit, its limit cut to ¥3,000\.00, because: /,
    );
    expect(r.stdout).toMatch(/restored on day 319 \(2024-11-15\) after 92 days/);
    expect(r.stdout).toContain("Score over time");
    expect(r.stdout).not.toMatch(ANSI);
  });

  it("renders the same trace byte for byte (golden output)", async () => {
    const r = await cli(["run", ZHANG]);
    expect(r.stdout).toMatchSnapshot();
  });

  it("--json prints one object per step with the contract's fields and nothing else on stdout", async () => {
    const r = await cli(["run", ZHANG, "--json"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    // the last record is the summary (`end`); every other one is a step
    expect(records.at(-1)).toMatchObject({ record: "end", scenario: "Zhang Ming", status: "active" });
    const steps = records.slice(0, -1);
    expect(steps.every((s) => s.record === "step")).toBe(true);
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

  it("--explain shows every characteristic's value, bin and points at each decision", async () => {
    const r = await cli(["run", ZHANG, "--explain", "--no-chart"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/score 648 \(good; a [\d.]+\s% chance of default within a year\) = 350 \+/);
    expect(r.stdout).toMatch(/Credit applications, last 30 days +5 +3 or more +0\/35 +\(−35 INQUIRIES_30D\)/);
  });

  it("--seed (the contract's override) is accepted and changes nothing, with a warning that says why", async () => {
    const plain = await cli(["run", ZHANG, "--json"]);
    const seeded = await cli(["run", ZHANG, "--json", "--seed", "42"]);
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toBe(plain.stdout);
    expect(seeded.stderr).toMatch(/warning: --seed: ignored: a scenario is deterministic/);
    const bad = await cli(["run", ZHANG, "--seed", "x"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--seed/);
  });

  it("--policy and --until override the file", async () => {
    const r = await cli(["run", ZHANG, "--json", "--policy", "tightened", "--until", "100"]);
    expect(r.status).toBe(0);
    const steps = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { day: number; policy: string });
    expect(steps.every((s) => s.day <= 100)).toBe(true);
    expect(steps[0]!.policy).toBe("tightened");
  });

  it("--until takes the day's date as explain --day does; one before the start is told with the range", async () => {
    const byDay = await cli(["run", ZHANG, "--json", "--until", "181"]);
    const byDate = await cli(["run", ZHANG, "--json", "--until", "2024-06-30"]);
    expect(byDate.status).toBe(0);
    expect(byDate.stdout).toBe(byDay.stdout);
    const before = await cli(["run", ZHANG, "--until", "2023-12-31"]);
    expect(before.status).toBe(2);
    expect(before.stderr).toContain("--until: 2023-12-31 is before the scenario starts (2024-01-01, day 0)");
    expect(before.stderr).toContain("a day from 0 to 36500, or a date from 2024-01-01 to 2123-12-08");
    expect(before.stderr).not.toMatch(/\n\s+at /);
  });

  it("--until past the year 9999 is said to be the option's doing, with the most it may be", async () => {
    const d = mkdtempSync(join(tmpdir(), "credit-sim-until-"));
    try {
      writeFileSync(join(d, "late.yaml"), "name: late\nstart: 9990-01-01\nevents: []\n");
      const r = await cli(["run", "late.yaml", "--until", "36500"], { cwd: d });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("found:    start 9990-01-01, 36500 days (--until)");
      // 9990-01-01 to 9999-12-31 is 3,652 days (9992 and 9996 are leap years): day 3651 is the last
      expect(r.stderr).toContain("hint:     run fewer days (--until 3651 at most from this start)");
      expect((await cli(["run", "late.yaml", "--until", "3651"], { cwd: d })).status).toBe(0);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it("a bad --policy is told once, however many files it runs, beside each file's own problems", async () => {
    // it was told once a file ('--policy: unknown policy "nosuch"' twice, a policy file's problem twice)
    const d = mkdtempSync(join(tmpdir(), "credit-sim-policy-"));
    try {
      writeFileSync(
        join(d, "a.yaml"),
        "name: a\nuntil: 10\nevents:\n  - { day: 20, type: note, text: late }\n",
      );
      writeFileSync(join(d, "b.yaml"), "name: b\nevents: []\n");
      writeFileSync(join(d, "bad.yaml"), "name: bad\nminScore: 2000\n");
      for (const [policy, told] of [
        ["nosuch", 'credit-sim: --policy: unknown policy "nosuch"'],
        ["bad.yaml", "credit-sim: bad.yaml:2:11: minScore: value out of range"],
      ] as const) {
        const r = await cli(["run", "a.yaml", "b.yaml", "--policy", policy], { cwd: d });
        expect(r.status).toBe(2);
        expect(r.stderr.split("\n").filter((l) => l === told)).toHaveLength(1);
        expect(r.stderr).toContain(
          "credit-sim: a.yaml:4:5: events[0]: the event is after the last simulated day",
        );
        expect(r.stderr.trimEnd().split("\n").at(-1)).toBe("credit-sim: 2 problems");
      }
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it("is deterministic: the same run twice is byte-identical", async () => {
    expect((await cli(["run", "scenarios/financial-burden.yaml", "--json"])).stdout).toBe(
      (await cli(["run", "scenarios/financial-burden.yaml", "--json"])).stdout,
    );
  });

  // what chalk detects of the process (FORCE_COLOR, TERM=dumb) is checked in a terminal: test/e2e/colour.test.ts
  it("colours on a terminal, never with NO_COLOR, a pipe or --no-color", async () => {
    const args = ["run", ZHANG, "--no-chart"];
    expect((await cli(args)).stdout).not.toMatch(ANSI);
    expect((await cli(args, { env: { NO_COLOR: "" }, tty: true })).stdout).toMatch(ANSI);
    expect((await cli(args, { env: { NO_COLOR: "1" }, tty: true })).stdout).not.toMatch(ANSI);
    expect((await cli([...args, "--no-color"], { env: { NO_COLOR: "" }, tty: true })).stdout).not.toMatch(
      ANSI,
    );
  });

  it("runs several files in order", async () => {
    const r = await cli([
      "run",
      "scenarios/good-customer.yaml",
      "scenarios/security-suspension.yaml",
      "--no-chart",
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout.indexOf("Zhao Lei")).toBeLessThan(r.stdout.indexOf("Wang Fang"));
  });
});

describe("a Jiebei repayment when the instalment is already paid ahead", () => {
  it("says so in the trace and in --json alike, not ¥0.00 applied", async () => {
    // Liu Yang repays his missed instalment on day 121 and asks for the minimum again on day 140
    const text = await cli(["run", "scenarios/two-lines.yaml"]);
    const line = text.stdout.split("\n").find((l) => /^\s*140\s/.test(l));
    expect(line).toContain(
      "repay on Jiebei minimum (nothing due this month: the coming instalment falls due later or is already paid ahead)",
    );
    expect(text.stdout).not.toContain("¥0.00 applied");
    const json = await cli(["run", "scenarios/two-lines.yaml", "--json"]);
    const step = json.stdout
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((r) => r.record === "step" && r.day === 140);
    expect(step).toMatchObject({
      event: "repay",
      applied: 0,
      nothingRepaid: "nothing due this month: the coming instalment falls due later or is already paid ahead",
    });
  });
});
