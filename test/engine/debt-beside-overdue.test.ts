// A debt step beside an overdue the answer asks paid is sized with the overdue paid: the customer who pays
// the overdue and then the step (or reports the income it names, when no repayment is enough) finds the
// line active at the review the step names.

import { expect, it } from "vitest";
import { dtiShown } from "../../src/engine/eligibility.js";
import type { Remedy } from "../../src/engine/types.js";
import { remedyText } from "../../src/scenario/format/remedy-text.js";
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

it("beside Huabei's overdue, the debt step for the review of day 74 — after the one of day 45 that suspends Huabei — is sized on what that restoration counts with the overdue paid (Huabei at its ¥100 smallest line, not its ¥403.80 report): ¥14.67 elsewhere (0.80 cap, ¥400 elsewhere on ¥270 a month), to the fen, or the income ¥347, which — counted the day it is reported — keeps Huabei at the review of day 45 itself; with ¥90 elsewhere nothing more is to repay, and paying the overdue alone keeps Huabei; with ¥200 elsewhere on ¥300 a month nothing more is to repay for the ratio, but Jiebei's score once Huabei is used (658 against 660) holds Huabei: raised to the least that restores it, ¥6.67 elsewhere", () => {
  const events = (income: number): EventInput[] => [
    on.open(0, 1_000),
    on.open(0, 3_000, "jiebei"),
    on.borrow(1, 2_500, 6),
    on.purchase(1, 400),
    on.income(1, income),
    on.repay(32, "minimum", "jiebei"),
    on.support(44),
  ];
  const options = (externalDebt: number) => ({
    policy: {
      ...DEFAULT_POLICY,
      minLimit: 0,
      maxDebtToIncome: 0.8,
      restoreCleanDays: 0,
      reviewDayOfMonth: 15,
    },
    profile: { monthlyIncome: 2_000, verified: false, creditHistoryMonths: 6, externalDebt },
  });
  const answerOf = (income: number, externalDebt: number) =>
    stepOn(run(events(income), { ...options(externalDebt), until: 44 }), "contact_support", 44).remedies;
  // followed: the overdue paid, then `more` (repayments, or an income reported), each bill at its minimum
  const after = (income: number, externalDebt: number, paid: number, more: EventInput[]) =>
    run(
      [
        ...events(income),
        { day: 44, type: "repay", line: "huabei", amount: { kind: "amount", fen: paid } },
        ...more,
        on.repay(46, "minimum", "huabei"),
        on.repay(63, "minimum", "jiebei"),
      ],
      { ...options(externalDebt), until: 74 },
    ).final.status;
  const elsewhere = (fen: number): EventInput[] =>
    fen > 0 ? [{ day: 44, type: "external_repayment", amount: fen }] : [];
  const debtOf = (answer: Remedy[]) =>
    answer.find((r): r is DebtStep => r.kind === "reduce_debt" && r.line === "huabei");

  const answer = answerOf(270, 40_000);
  const overdue = answer.find((r) => r.kind === "pay_overdue" && r.line === "huabei");
  const paid = overdue?.kind === "pay_overdue" ? overdue.amount : 0;
  expect(paid).toBe(40_060);
  expect(debtOf(answer)).toMatchObject({
    review: { day: 74 },
    missed: { day: 45 },
    repay: [{ debt: "elsewhere", amount: 1_467, all: false }],
    over: 1_467,
    income: 347,
  });
  // followed exactly, Huabei is active after the review it names; a fen less, or the overdue alone, not
  expect(after(270, 40_000, paid, elsewhere(1_467))).toBe("active");
  expect(after(270, 40_000, paid, elsewhere(1_466))).toBe("suspended");
  expect(after(270, 40_000, paid, [])).toBe("suspended");
  // …and the income it offers instead does it too — at the review of day 45 already, which a report of
  // ¥272 (what the restoration of day 74 counts, the income once named) let suspend Huabei: the income
  // counts the day it is reported, so the step is for the review it misses no more (PROPERTY_SEED=1831932166)
  expect(after(270, 40_000, paid, [on.income(44, 347)])).toBe("active");
  const on45 = (income: number) =>
    run(
      [
        ...events(270),
        { day: 44, type: "repay", line: "huabei", amount: { kind: "amount", fen: paid } },
        on.income(44, income),
      ],
      { ...options(40_000), until: 45 },
    ).final.status;
  expect(on45(347)).toBe("active");
  expect(on45(346)).toBe("suspended");

  // ¥90 elsewhere on ¥270: sized on Huabei's report it asked ¥8.47 elsewhere; the overdue alone does it
  expect(debtOf(answerOf(270, 9_000))).toMatchObject({ review: { day: 74 }, repay: [], over: 0 });
  expect(after(270, 9_000, paid, [])).toBe("active");

  // ¥200 elsewhere on ¥300: within the cap there once the overdue is paid, but held by Jiebei's score once
  // Huabei is used — raised, played, to the least that restores Huabei
  expect(debtOf(answerOf(300, 20_000))).toMatchObject({
    review: { day: 74 },
    repay: [{ debt: "elsewhere", amount: 667, all: false }],
    over: 667,
  });
  expect(after(300, 20_000, paid, elsewhere(667))).toBe("active");
  expect(after(300, 20_000, paid, elsewhere(666))).toBe("suspended");
  expect(after(300, 20_000, paid, [])).toBe("suspended");
});

it("raised past the ratio's amount beside Huabei's overdue (¥200 elsewhere on ¥300 a month), the step says what it is for as the review of day 74 reads it: not the 0.87 of day 45 brought within 0.80 — restoring reads 0.67 there without it — but Jiebei's score once Huabei is used, 658 against jiebeiMinScore's 660 (its `score`)", () => {
  const answer = stepOn(
    run(
      [
        on.open(0, 1_000),
        on.open(0, 3_000, "jiebei"),
        on.borrow(1, 2_500, 6),
        on.purchase(1, 400),
        on.income(1, 300),
        on.repay(32, "minimum", "jiebei"),
        on.support(44),
      ],
      {
        policy: {
          ...DEFAULT_POLICY,
          minLimit: 0,
          maxDebtToIncome: 0.8,
          restoreCleanDays: 0,
          reviewDayOfMonth: 15,
        },
        profile: { monthlyIncome: 2_000, verified: false, creditHistoryMonths: 6, externalDebt: 20_000 },
        until: 44,
      },
    ),
    "contact_support",
    44,
  ).remedies;
  const debt = answer.find((r): r is DebtStep => r.kind === "reduce_debt" && r.line === "huabei");
  expect(debt).toMatchObject({
    review: { day: 74 },
    missed: { day: 45 },
    repay: [{ debt: "elsewhere", amount: 667, all: false }],
    score: 660,
    raisedFor: {
      code: "SCORE_BELOW_MINIMUM",
      line: "jiebei",
      parameter: "jiebeiMinScore",
      threshold: 660,
      value: 658,
      onceUsed: 10_000,
    },
  });
  expect(dtiShown(debt!.raisedFor!.ratio)).toBe(0.67);
  const text = remedyText(debt!);
  // the day-45 figure stays said of day 45; day 74's step is said as day 74 reads it
  expect(text).toContain(
    "too little debt elsewhere to repay to bring total debt / annual income from 0.87 to at most 0.80 by then",
  );
  expect(text).not.toContain("to bring it there at the periodic review on 2024-03-15");
  expect(text).toContain(
    "at the periodic review on 2024-03-15 (day 74), restoring Huabei reads total debt / annual income at 0.67, within 0.80 with only what that ratio needs repaid, but there Jiebei's score once Huabei is used (at ¥100.00) reads 658, short of the 660 jiebeiMinScore asks: repay at least ¥6.67 of the debt elsewhere",
  );
});
