// Customer service's answers, round 8, each followed through the engine: a revolver's score step asks for
// use as purchases repaid in full — not for more borrowed at interest; every cap below the smallest line
// is named with its step, not only the one named first on a tie; a closure a Jiebei loan's month of record
// could avert is said as things stand, not as certain (and no loan is advised).

import { describe, expect, it } from "vitest";
import type { Remedy, Step } from "../../src/engine/types.js";
import { describeRemedy } from "../../src/scenario/format/remedy-text.js";
import { DEFAULT_POLICY, type EventInput, on, run, stateOn } from "./builders.js";

type Raise = Extract<Remedy, { kind: "raise_score" }>;

/** A revolver: Huabei opened on day 0, ¥3,000 spent on day 5 and only ever the minimum repaid; minScore
 *  raised to 900 on day 46, customer service asked on day 47 — the review on day 74 would suspend the line. */
const revolver: EventInput[] = [
  on.open(0, 5_000),
  on.purchase(5, 3_000),
  on.repay(38, "minimum"),
  on.policy(46, { set: { minScore: 900 } }),
  on.support(47),
];
const opts = {
  until: 80,
  policy: { ...DEFAULT_POLICY, grantUsedFraction: 0 },
  profile: { age: 35, creditHistoryMonths: 130, monthlyIncome: 10_000, verified: true },
};
const scoreStep = (events: EventInput[]): Raise =>
  run(events, opts)
    .steps.find((s: Step) => s.event.type === "contact_support")!
    .remedies.find((r): r is Raise => r.kind === "raise_score")!;
// the day's end after the review on day 74 (a review that keeps the line as it is records no step)
const reviewOn74 = (events: EventInput[]) => stateOn(run(events, opts, { answers: false }), 74);

describe("the use a revolver's score step asks", () => {
  const step = scoreStep(revolver);
  // the month's purchases after the answer, one a day, to the review's own day
  const days = Array.from({ length: 74 - 47 }, (_, i) => 48 + i);

  it("is purchases repaid in full, not more borrowed at interest", () => {
    expect(step.drivers).toContain("LOW_ACTIVITY");
    expect(step.drivers).toContain("REVOLVING_BALANCE");
    // (it said "use the line for everyday purchases and repay them": a revolver repays at the minimum)
    expect(describeRemedy(step, ["huabei"])).toContain("everyday purchases and repay them in full");
  });

  it("comes true followed so; the same purchases left to revolve fall short", () => {
    const inFull = [
      ...revolver,
      on.repay(48, "full"),
      on.income(48, 200_000),
      ...days.flatMap((d) => [on.purchase(d, 20), on.repay(d, "full")]),
    ];
    expect(reviewOn74(inFull).score).toBeGreaterThanOrEqual(step.needed);
    expect(reviewOn74(inFull).status).toBe("active");
    const revolved = [
      ...revolver,
      on.income(48, 200_000),
      ...days.map((d) => on.purchase(d, 20)),
      on.repay(69, "minimum"),
    ];
    expect(reviewOn74(revolved).score).toBeLessThan(step.needed);
    expect(reviewOn74(revolved).status).toBe("suspended");
  });
});

/** No line yet: ¥1,000 a month (the income multiple's cap ¥2,000) and no repayment record, minLimit raised
 *  to ¥2,500 and the thin-file cap set to ¥2,050 — a whole ¥2,000 too, tied with the income's. */
const tied = (income: number) => ({
  until: 40,
  policy: DEFAULT_POLICY,
  profile: { age: 30, monthlyIncome: income, verified: true, creditHistoryMonths: 0 },
});
const capsSet = on.policy(0, { set: { minLimit: 2_500, thinFileMaxLimit: 2_050 } });
const stepOf = (events: EventInput[], o: ReturnType<typeof tied>) =>
  run(events, o).steps.find((s: Step) => s.event.type === "contact_support")!;

describe("two caps tied below the smallest line", () => {
  it("are both named with their steps, the opening's decline then their own", () => {
    const said = stepOf([capsSet, on.support(1)], tied(1_000)).remedies;
    const open = said.find((r) => r.kind === "open_line");
    expect(open?.kind === "open_line" && open.blockers.map((f) => f.code)).toEqual([
      "INCOME_BELOW_SMALLEST_LINE",
      "THIN_FILE_BELOW_SMALLEST_LINE",
    ]);
    expect(said.find((r) => r.kind === "report_income")).toMatchObject({ income: 1_250 });
    const text = said.map((r) => describeRemedy(r, [])).join(" ");
    expect(text).toContain("without a repayment record, the most offered is below the smallest line");
    // followed, the income step alone leaves the thin-file cap: the application is declined for it
    const trace = run([capsSet, on.income(2, 1_250), on.open(3, 2_500)], tied(1_000));
    const applied = trace.steps.find((s) => s.day === 3 && s.event.type === "apply")!;
    expect(applied.decision).toBe("declined");
    expect(applied.reasons).toContain("THIN_FILE_BELOW_SMALLEST_LINE");
  });

  it("name the income's step when the score's band ties with it", () => {
    // ¥1,500 a month: the income's cap ¥3,000 ties with the score's band (¥3,000 below 850), named first;
    // minLimit ¥3,500 — the income's step went unsaid
    const o = { ...tied(1_500), profile: { ...tied(1_500).profile, creditHistoryMonths: 36 } };
    const limitBands = [
      { minScore: 350, maxLimit: 3_000 },
      { minScore: 850, maxLimit: 50_000 },
    ];
    const policy = on.policy(0, { set: { minLimit: 3_500, limitBands } });
    const said = stepOf([policy, on.support(1)], o).remedies;
    const open = said.find((r) => r.kind === "open_line");
    const codes = open?.kind === "open_line" ? open.blockers.map((f) => f.code) : [];
    expect(codes).toContain("INCOME_BELOW_SMALLEST_LINE");
    expect(said.find((r) => r.kind === "report_income")).toMatchObject({ income: 1_750 });
  });

  it("a suspended line's restoration names both too", () => {
    const events = [
      on.open(0, 2_000),
      on.purchase(3, 300),
      on.repay(35, "full"),
      // both caps tied at ¥1,800, below the line's ¥2,000: a cut below the smallest line
      on.income(50, 900),
      on.policy(60, { set: { minLimit: 2_500, thinFileMaxLimit: 1_850 } }),
      on.support(80),
    ];
    const asked = stepOf(events, { ...tied(2_000), until: 90 });
    expect(asked.reasons).toEqual(
      expect.arrayContaining(["INCOME_BELOW_SMALLEST_LINE", "THIN_FILE_BELOW_SMALLEST_LINE"]),
    );
    // the income the line's own ¥2,000 needs, granted before the smallest line rose: not ¥1,250 for ¥2,500
    expect(asked.remedies.find((r) => r.kind === "report_income")).toMatchObject({
      income: 1_000,
      limit: 200_000,
    });
  });
});

/** Huabei and Jiebei opened on day 0, neither used (six months of history elsewhere); minScore raised to
 *  870 on day 60 with closeAfterSuspendedDays 60 — Huabei suspended at 865 on day 74, closed at the review
 *  on day 135 unless restored — and customer service asked on day 80. */
const beside: EventInput[] = [
  on.open(0, 5_000),
  on.open(0, 5_000, "jiebei"),
  on.policy(60, { set: { minScore: 870, closeAfterSuspendedDays: 60, grantUsedFraction: 0 } }),
  on.support(80),
];
const besideOpts = {
  until: 140,
  policy: DEFAULT_POLICY,
  profile: { age: 35, monthlyIncome: 200_000, verified: true, creditHistoryMonths: 6 },
};

describe("a suspended Huabei's closure beside an active Jiebei", () => {
  it("is said as things stand when a Jiebei loan's month of record would restore the line first", () => {
    const said = stepOf(beside, besideOpts).remedies;
    const closure = said.find((r) => r.kind === "closure_due" && r.line === "huabei");
    // (it said 'certain': 'cannot be restored before then')
    expect(closure).toMatchObject({ day: 135, certain: true, asThingsStand: true });
    const text = said.map((r) => describeRemedy(r, ["huabei", "jiebei"])).join(" ");
    expect(text).toContain("as things stand, the line will be closed at the review on");
    expect(text).not.toContain("cannot be restored");
    // no loan advised to lift the score
    expect(text).not.toMatch(/borrow|draw/);
    // true as things stand: closed on day 135
    const asIs = run(beside, besideOpts, { answers: false });
    expect(stateOn(asIs, 135).status).toBe("closed");
    // and not beyond the customer: a ¥1,000 loan drawn on day 81, repaid on day 82, restores it there
    const loan = [...beside, on.borrow(81, 1_000, 3), on.repay(82, "full", "jiebei")];
    expect(stateOn(run(loan, besideOpts, { answers: false }), 135).status).toBe("active");
  });

  it("keeps the score step that, with that month of record, restores it first: not advice towards what cannot come", () => {
    // at ¥2,000 a month the closure is certain as things stand too, and every step was dropped as
    // untimely: the answer said the closure and nothing else, where a higher income reported and a Jiebei
    // loan's month of record restore the line at that review (either alone does not)
    const low = { ...besideOpts, profile: { ...besideOpts.profile, monthlyIncome: 2_000 } };
    const said = stepOf(beside, low).remedies;
    expect(said.find((r) => r.kind === "closure_due" && r.line === "huabei")).toMatchObject({
      certain: true,
      asThingsStand: true,
    });
    const steps = said.filter((r) => r.line === "huabei" && r.kind !== "closure_due").map((r) => r.kind);
    // the score step, with the income it names among its steps, and the review it is for
    expect(steps).toContain("raise_score");
    const text = said.map((r) => describeRemedy(r, ["huabei", "jiebei"])).join(" ");
    expect(text).toContain("report a higher income");
  });
});
