// What `--reach restored` counts as restoring sooner: the same suspension, restored earlier and kept.

import { describe, expect, it } from "vitest";
import { meetsGoal } from "../../src/whatif/goal.js";
import { on, run, testPolicy } from "../engine/builders.js";

describe("reach restored", () => {
  // a hold on day 22; a bill 30 days past due on day 70 (recorded beneath the hold); repaid on day 100
  const policy = testPolicy({ securityMaxChanges: 2, suspendOverdueDays: 30, restoreCleanDays: 30 });
  const held = [
    on.open(0, 5_000),
    on.purchase(1, 3_000),
    on.change(20),
    on.change(21, "address"),
    on.change(22, "device"),
  ];
  const scenario = (verifyOn: number, repayOn: number) =>
    run([...held, on.repay(repayOn, "full"), on.verify(verifyOn)], { policy, until: 260 });

  it("a restoration followed by a suspension before the base's is not a sooner one", () => {
    const base = scenario(120, 100);
    const restoredOn = (t: typeof base) => t.steps.find((s) => s.decision === "restored")?.day;
    // verifying on day 23 restores at once, and the delinquency then suspends the line again
    const early = scenario(23, 100);
    expect(restoredOn(early)).toBe(23);
    expect(early.steps.some((s) => s.decision === "suspended" && s.day > 23)).toBe(true);
    expect(meetsGoal("reach-restored", early, base)).toBe(false);
    // repaying before 30 days past due and verifying: restored sooner, for good
    const repaid = scenario(75, 60);
    expect(restoredOn(repaid)!).toBeLessThan(restoredOn(base)!);
    expect(meetsGoal("reach-restored", repaid, base)).toBe(true);
  });
});

describe("reach restored, two lines", () => {
  it("is about the suspended line: restoring the other line sooner is no answer", async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { cli } = await import("../helpers/cli.js");
    const d = mkdtempSync(join(tmpdir(), "credit-sim-goal-"));
    try {
      // Jiebei suspended for the debt burden on day 14 and never restored; Huabei suspended for an
      // overdue on day 70 and restored later (an early review would restore Huabei, not Jiebei; paying
      // debt elsewhere down restores Jiebei)
      writeFileSync(
        join(d, "s.yaml"),
        [
          "name: two lines",
          "until: 300",
          "profile: { age: 38, monthlyIncome: 10000, verified: true, creditHistoryMonths: 80, externalDebt: 100000 }",
          "events:",
          "  - { day: 0, type: apply, product: open, amount: 8000 }",
          "  - { day: 0, type: apply, line: jiebei, product: open, amount: 10000 }",
          "  - { day: 5, type: purchase, amount: 1000, merchant: JD }",
          "  - { day: 10, type: external_debt, amount: 30000 }",
          "  - { day: 80, type: repay, amount: full }",
          "",
        ].join("\n"),
      );
      const r = await cli(["whatif", "s.yaml", "--reach", "restored", "--budget", "100"], { cwd: d });
      expect(r.stdout).toContain("suspended on day 14 and never restored");
      // every answer restores Jiebei (paying debt elsewhere down), none only Huabei
      const answers = r.stdout.split("\n").filter((l) => /^ {2}\d+\. Had/.test(l));
      expect(answers.length).toBeGreaterThan(0);
      for (const a of answers) expect(a).toMatch(/of your debt elsewhere on day 15/);
      expect(r.stdout).toMatch(/periodic review of Jiebei\s+Jiebei closed\s+Jiebei restored/);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
