// A debt step beside an overdue the answer asks paid is sized with the overdue paid: the customer who pays
// the overdue and then the step (or reports the income it names, when no repayment is enough) finds the
// line active at the review the step names.

import { expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import { DEFAULT_POLICY, type EventInput, on, run, stepOn } from "./builders.js";

type DebtStep = Extract<Remedy, { kind: "reduce_debt" }>;

it("told to pay Huabei's ¥600.90 overdue and ¥69.70 of its debt for the review of day 74, the customer who did kept Huabei suspended there (0.60, its ¥100 kept once used): no repayment is enough — the income ¥353, for the review of day 45, is the step, and keeps Huabei", () => {
  const events: EventInput[] = [
    on.open(0, 1_000),
    on.open(0, 3_000, "jiebei"),
    on.borrow(1, 1_500, 6),
    on.purchase(1, 600),
    on.income(1, 300),
    on.repay(32, "minimum", "jiebei"),
    on.support(44),
  ];
  const options = {
    policy: {
      ...DEFAULT_POLICY,
      minLimit: 0,
      maxDebtToIncome: 0.5,
      restoreCleanDays: 0,
      reviewDayOfMonth: 15,
    },
    profile: { monthlyIncome: 2_000, verified: false, creditHistoryMonths: 6, externalDebt: 0 },
  };
  const answer = stepOn(run(events, { ...options, until: 44 }), "contact_support", 44).remedies;
  const overdue = answer.find((r) => r.kind === "pay_overdue" && r.line === "huabei");
  const debt = answer.find((r): r is DebtStep => r.kind === "reduce_debt" && r.line === "huabei");
  expect(overdue?.kind === "pay_overdue" ? overdue.amount : null).toBe(60_090);
  expect(debt).toMatchObject({ repay: null, over: null, income: 353, review: { day: 45 }, missed: null });
  // followed exactly: the overdue paid, then the step — its repayments, or the income it names
  const followed: EventInput[] = [
    { day: 44, type: "repay", line: "huabei", amount: { kind: "amount", fen: 60_090 } },
    // (no debt elsewhere here: the step's repayments are on the lines)
    ...(debt!.repay ?? []).flatMap((p): EventInput[] =>
      p.debt === "elsewhere"
        ? []
        : [{ day: 44, type: "repay", line: p.debt, amount: { kind: "amount", fen: p.amount } }],
    ),
    ...(debt!.repay === null && debt!.income !== null ? [on.income(44, debt!.income)] : []),
    on.repay(46, "minimum", "huabei"),
    on.repay(63, "minimum", "jiebei"),
  ];
  const after = run([...events, ...followed], { ...options, until: debt!.review.day });
  expect(after.final.status).toBe("active");
});

it("told to pay Huabei's overdue and that nothing more is to repay for the review of day 74, the customer who did kept Huabei suspended there (0.80 cap, ¥8,000 elsewhere on ¥300 a month): a repayment is enough — raised to the least that is, ¥11.32 elsewhere — and followed it keeps Huabei", () => {
  const events: EventInput[] = [
    on.open(0, 1_000),
    on.open(0, 3_000, "jiebei"),
    on.borrow(1, 2_500, 6),
    on.purchase(1, 400),
    on.income(1, 300),
    on.repay(32, "minimum", "jiebei"),
    on.support(44),
  ];
  const options = {
    policy: {
      ...DEFAULT_POLICY,
      minLimit: 0,
      maxDebtToIncome: 0.8,
      restoreCleanDays: 0,
      reviewDayOfMonth: 15,
    },
    profile: { monthlyIncome: 2_000, verified: false, creditHistoryMonths: 6, externalDebt: 8_000 },
  };
  const answer = stepOn(run(events, { ...options, until: 44 }), "contact_support", 44).remedies;
  const overdue = answer.find((r) => r.kind === "pay_overdue" && r.line === "huabei");
  const debt = answer.find((r): r is DebtStep => r.kind === "reduce_debt" && r.line === "huabei");
  const paid = overdue?.kind === "pay_overdue" ? overdue.amount : 0;
  expect(paid).toBeGreaterThan(0);
  expect(debt).toMatchObject({
    review: { day: 74 },
    repay: [{ debt: "elsewhere", amount: 1_132 }],
    over: 1_132,
  });
  const followed = (repay: readonly { debt: string; amount: number }[]): EventInput[] => [
    { day: 44, type: "repay", line: "huabei", amount: { kind: "amount", fen: paid } },
    ...repay.map(
      (p): EventInput =>
        p.debt === "elsewhere"
          ? { day: 44, type: "external_repayment", amount: p.amount }
          : {
              day: 44,
              type: "repay",
              line: p.debt as "huabei" | "jiebei",
              amount: { kind: "amount", fen: p.amount },
            },
    ),
    on.repay(46, "minimum", "huabei"),
    on.repay(63, "minimum", "jiebei"),
  ];
  const after = (repay: readonly { debt: string; amount: number }[]) =>
    run([...events, ...followed(repay)], { ...options, until: 74 }).final.status;
  // followed exactly, Huabei is active after the review it names…
  expect(after(debt!.repay!)).toBe("active");
  // …where the step as sized with the overdue unpaid — nothing more to repay — leaves it suspended there
  expect(after([])).toBe("suspended");
});
