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
