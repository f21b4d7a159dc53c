// Counterfactual candidates and suggestions are data ({ day, change }): the edit each makes, the event it
// targets and its words are all derived from that, never read back out of text.

import { describe, expect, it } from "vitest";
import { adviceText, clauseText, problemText } from "../../src/whatif/advice.js";
import { type Candidate, type Change, candidates, editOf, targetOf } from "../../src/whatif/candidates.js";
import { runVariant } from "../../src/whatif/run.js";
import type { Solution } from "../../src/whatif/search.js";
import { applyEdit } from "../../src/whatif/variant.js";
import { base, LATE, PHONE, scenarioFile } from "./helpers.js";

describe("candidates", () => {
  const run = runVariant(base(LATE));
  const pool = candidates("avoid-suspended", run.variant, run.trace, run.loaded.scenario.policy);

  it("are single changes as data, cheapest first", () => {
    expect(pool.length).toBeGreaterThan(5);
    const costs = pool.map((c) => c.cost);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    for (const c of pool) {
      expect(Number.isInteger(c.day)).toBe(true);
      expect(typeof c.change.kind).toBe("string");
    }
  });

  it("move the late repayment (#7, day 85) earlier: the day is the event's, the target day is data", () => {
    const moves = pool.filter((c) => c.change.kind === "repay-earlier");
    expect(moves.length).toBeGreaterThan(0);
    for (const m of moves) {
      expect(m.day).toBe(85);
      expect(targetOf(m)).toBe(7);
      if (m.change.kind !== "repay-earlier") throw new Error("narrowed above");
      expect(m.change.to).toBeLessThan(85);
      expect(editOf(m)).toEqual({
        kind: "edit",
        id: 7,
        patch: m.change.inFull ? { day: m.change.to, amount: "full" } : { day: m.change.to },
      });
    }
  });

  it("a repayment moved to the trigger's own day is in time: the day's repayments post before the check", () => {
    const policy = run.loaded.scenario.policy;
    const dueDays = run.trace.steps.filter((s) => s.event.type === "due").map((s) => s.day);
    const due = dueDays.filter((d) => d < 85).at(-1)!;
    const onTrigger = pool.find(
      (c) => c.change.kind === "repay-earlier" && c.change.to === due + policy.suspendOverdueDays,
    );
    expect(onTrigger).toBeDefined();
    const moved = runVariant(applyEdit(run.variant, editOf(onTrigger!), "moved"));
    expect(moved.trace.steps.some((s) => s.decision === "suspended")).toBe(false);
  });

  it("leave out the applications before the suspension; never touch what came after it", () => {
    const skipped = pool.filter((c) => c.change.kind === "skip-application").map(targetOf);
    expect(skipped).toEqual(expect.arrayContaining([3, 4, 5, 6]));
    expect(pool.every((c) => c.day <= 85)).toBe(true);
  });

  it("protect the declined applications when the goal is to avoid declines", () => {
    const declines = candidates("avoid-declined", run.variant, run.trace, run.loaded.scenario.policy);
    const declined = run.trace.steps.filter((s) => s.decision === "declined").map((s) => s.day);
    expect(declined.length).toBeGreaterThan(0);
    for (const c of declines.filter((x) => x.change.kind === "skip-application"))
      expect(declined).not.toContain(c.day);
  });

  it("for a security suspension, include verifying identity on the day (an added event: no target)", () => {
    const phone = runVariant(base(PHONE));
    const reach = candidates("reach-restored", phone.variant, phone.trace, phone.loaded.scenario.policy);
    const verify = reach.find((c) => c.change.kind === "verify-identity")!;
    expect(verify).toMatchObject({ day: 54, cost: 1 });
    expect(targetOf(verify)).toBeNull();
    expect(editOf(verify)).toEqual({ kind: "add", event: { day: 54, type: "verify_identity" } });
  });
});

describe("paying debt elsewhere down (a suspension for the debt burden)", () => {
  const burden = runVariant(base("scenarios/financial-burden.yaml"));
  const reach = candidates("reach-restored", burden.variant, burden.trace, burden.loaded.scenario.policy);
  const paydowns = reach.filter((c) => c.change.kind === "pay-debt-elsewhere");

  it("offers the excess the reviews cite, in whole ¥1,000, and a quarter more, the day after the suspension", () => {
    expect(paydowns.map((c) => [c.day, c.change]).slice(0, 2)).toEqual([
      [136, { kind: "pay-debt-elsewhere", amount: 11_000 }],
      [136, { kind: "pay-debt-elsewhere", amount: 14_000 }],
    ]);
  });

  it("and, where the score stays short of restoreScore within the cap, what brings each review's score there", () => {
    // Li Na's reviews read 540–558 against 660: within the cap her ratio still scores −110; at most 1.75
    // it scores −60 — ¥20,000 is enough for a later review (day 227: her Huabei balance has fallen by
    // then), ¥21,000 for the first (day 166)
    expect(paydowns.map((c) => c.change).slice(2)).toEqual([
      { kind: "pay-debt-elsewhere", amount: 20_000 },
      { kind: "pay-debt-elsewhere", amount: 21_000 },
    ]);
  });

  it("sizes the repayment from the ratio itself, not from the fact's rounded-up display", () => {
    // ¥1,200,100 owed on ¥1,200,000 a year: 1.0001 against Jiebei's cap of 1.00 (shown as 1.01): ¥100 over
    const file = scenarioFile("just-over.yaml", [
      "name: just over",
      "profile: { age: 40, monthlyIncome: 100000, verified: true, creditHistoryMonths: 60 }",
      "until: 200",
      "events:",
      "  - { day: 0, type: apply, product: open, amount: 5000 }",
      "  - { day: 0, type: apply, line: jiebei, product: open, amount: 20000 }",
      "  - { day: 100, type: external_debt, amount: 1200100 }",
    ]);
    const r = runVariant(base(file));
    const offers = candidates("reach-restored", r.variant, r.trace, r.loaded.scenario.policy)
      .filter((c) => c.change.kind === "pay-debt-elsewhere")
      .map((c) => c.change);
    expect(offers).toEqual([{ kind: "pay-debt-elsewhere", amount: 1000 }]);
  });

  it("an excess of exactly ¥6,000 is offered as ¥6,000: no float residue rounds it up a thousand", () => {
    // ¥150,000 owed on ¥72,000 a year: 2.0833… against the cap of 2.00, ¥6,000 over
    const file = scenarioFile("exactly-over.yaml", [
      "name: exactly over",
      "profile: { age: 35, monthlyIncome: 6000, verified: true, creditHistoryMonths: 48, externalDebt: 30000 }",
      "until: 300",
      "events:",
      "  - { day: 0, type: apply, product: open, amount: 8000 }",
      "  - { day: 5, type: purchase, amount: 2000 }",
      "  - { day: 35, type: repay, amount: full }",
      "  - { day: 50, type: external_debt, amount: 120000 }",
    ]);
    const r = runVariant(base(file));
    const offers = candidates("reach-restored", r.variant, r.trace, r.loaded.scenario.policy)
      .filter((c) => c.change.kind === "pay-debt-elsewhere")
      .map((c) => c.change);
    expect(offers[0]).toEqual({ kind: "pay-debt-elsewhere", amount: 6000 });
  });

  it("none where the debt ratio is not what holds the line back", () => {
    const late = runVariant(base(LATE));
    const none = candidates("reach-restored", late.variant, late.trace, late.loaded.scenario.policy);
    expect(none.some((c) => c.change.kind === "pay-debt-elsewhere")).toBe(false);
  });
});

describe("the edit each change makes", () => {
  const cases: Array<[Change, number, ReturnType<typeof editOf>]> = [
    [{ kind: "skip-application", id: 3, amount: 2000 }, 20, { kind: "remove", ids: [3] }],
    [{ kind: "skip-inquiry", id: 4 }, 21, { kind: "remove", ids: [4] }],
    [{ kind: "keep-profile", id: 5, field: "phone" }, 22, { kind: "remove", ids: [5] }],
    [{ kind: "skip-debt", id: 6, amount: 9000 }, 23, { kind: "remove", ids: [6] }],
    [{ kind: "skip-purchase", id: 2, amount: 30, merchant: null }, 5, { kind: "remove", ids: [2] }],
    [
      { kind: "verify-after-profile-change", field: "device", after: 8 },
      30,
      // right after the change (#8), before the rest of its day
      { kind: "add", event: { day: 30, type: "verify_identity" }, after: 8 },
    ],
    [{ kind: "repay-in-full", id: 7 }, 85, { kind: "edit", id: 7, patch: { amount: "full" } }],
    [
      { kind: "repay-earlier", id: 7, to: 60, inFull: true, refineInFull: true },
      85,
      { kind: "edit", id: 7, patch: { day: 60, amount: "full" } },
    ],
    [{ kind: "repay-bill-when-due" }, 40, { kind: "add", event: { day: 40, type: "repay", amount: "full" } }],
    [
      { kind: "repay-bill-when-due", line: "jiebei" },
      156,
      { kind: "add", event: { day: 156, type: "repay", line: "jiebei", amount: "statement" } },
    ],
    [{ kind: "skip-borrow", id: 3, amount: 6000 }, 125, { kind: "remove", ids: [3] }],
    [
      { kind: "repay-everything", dayAfterSuspension: true },
      71,
      { kind: "add", event: { day: 71, type: "repay", amount: "full" } },
    ],
    [
      { kind: "request-review", line: "huabei" },
      77,
      { kind: "add", event: { day: 77, type: "request_review" } },
    ],
    // Jiebei's named: without a line the review takes Huabei first when both lines are suspended
    [
      { kind: "request-review", line: "jiebei" },
      77,
      { kind: "add", event: { day: 77, type: "request_review", line: "jiebei" } },
    ],
    [
      { kind: "pay-debt-elsewhere", amount: 11_000 },
      136,
      { kind: "add", event: { day: 136, type: "external_repayment", amount: 11_000 } },
    ],
  ];
  it.each(cases)("%j on day %i", (change, day, edit) => {
    expect(editOf({ day, change, cost: 1 })).toEqual(edit);
    expect(targetOf({ day, change, cost: 1 })).toBe("id" in change ? change.id : null);
  });
});

describe("wording (advice.ts)", () => {
  const c = (day: number, change: Change): Candidate => ({ day, change, cost: 1 });

  it("says each change as a clause after “had”", () => {
    expect(clauseText(c(24, { kind: "skip-application", id: 5, amount: 2000 }))).toBe(
      "you not applied for a +¥2,000.00 limit on day 24",
    );
    expect(clauseText(c(5, { kind: "skip-purchase", id: 2, amount: 3000, merchant: "JD" }))).toBe(
      "you not made the ¥3,000.00 purchase at JD on day 5",
    );
    expect(
      clauseText(c(85, { kind: "repay-earlier", id: 7, to: 60, inFull: false, refineInFull: false })),
    ).toBe("you made the repayment of day 85 by day 60");
    expect(
      clauseText(c(85, { kind: "repay-earlier", id: 7, to: 60, inFull: true, refineInFull: true })),
    ).toBe("you made the repayment of day 85 in full by day 60");
    expect(clauseText(c(70, { kind: "repay-everything", dayAfterSuspension: false }))).toBe(
      "you repaid everything on day 70 (the day of the suspension)",
    );
    expect(clauseText(c(54, { kind: "verify-identity" }))).toBe("you verified your identity on day 54");
    expect(clauseText(c(136, { kind: "pay-debt-elsewhere", amount: 11_000 }))).toBe(
      "you repaid ¥11,000.00 of your debt elsewhere on day 136",
    );
    expect(clauseText(c(40, { kind: "repay-bill-when-due" }))).toBe(
      "you repaid the bill due on day 40 in full that day",
    );
    // the bound detail in words, not the file's key
    expect(clauseText(c(30, { kind: "keep-profile", id: 4, field: "bankcard" }))).toBe(
      "you not changed your bound bank card on day 30",
    );
    expect(clauseText(c(30, { kind: "verify-after-profile-change", field: "bankcard", after: 4 }))).toBe(
      "you verified your identity right after changing your bank card on day 30",
    );
  });

  it("orders a suggestion's clauses by their day, whatever the words say (a merchant called “payday 5”)", () => {
    const run = runVariant(base(LATE));
    const solution: Solution = {
      candidates: [
        c(40, { kind: "skip-purchase", id: 9, amount: 200, merchant: "payday 5 deals" }),
        c(20, { kind: "skip-application", id: 3, amount: 2000 }),
      ],
      cost: 2,
      restoredDay: null,
      variant: run.variant,
      trace: run.trace,
    };
    const advice = adviceText({ goal: "avoid-declined", base: run.trace }, solution);
    expect(advice).toBe(
      "Had you not applied for a +¥2,000.00 limit on day 20 and had you not made the ¥200.00 purchase at payday 5 deals on day 40, nothing would have been declined.",
    );
  });

  it("says what happened in the base, for each goal", () => {
    const run = runVariant(base(LATE));
    expect(problemText({ goal: "avoid-suspended", base: run.trace })).toMatch(
      /^suspended once, first on day 70, \d+ days in all$/,
    );
    expect(problemText({ goal: "avoid-declined", base: run.trace })).toMatch(
      /^\d+ declined, first on day \d+$/,
    );
    expect(problemText({ goal: "reach-restored", base: run.trace })).toBe(
      "suspended on day 70, restored on day 196",
    );
  });
});
