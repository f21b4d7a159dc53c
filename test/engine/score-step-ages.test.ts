// A score step's reach and review read each characteristic as it can stand on the review's day: the
// applications counted until they leave their window on their own dates, whatever the customer does —
// an answer given while they are inside it names a review on or after the day they leave it when the
// score asked needs them gone, and says at most what the steps reach by the review it names.

import { describe, expect, it } from "vitest";
import { newCustomer } from "../../src/engine/customer.js";
import { reachOn } from "../../src/engine/support/score-advice.js";
import type { Remedy, Step } from "../../src/engine/types.js";
import { describeRemedy } from "../../src/scenario/format/remedy-text.js";
import {
  applicationsElsewhere,
  DEFAULT_POLICY,
  on,
  run,
  stepsOf,
  THIN_FILE_SUSPENDED,
  testPolicy,
} from "./builders.js";

/** Huabei opened on day 0, used once and repaid, three applications elsewhere on day 38, minScore raised
 *  to `minScore` on day 40 (suspended at the review on day 45); customer service asked on day 50. */
const suspendedAfterApplications = (minScore: number) => [
  on.open(0, 5_000),
  on.purchase(5, 1_000),
  on.repay(35, "full"),
  ...applicationsElsewhere(38),
  on.policy(40, { set: { minScore } }),
  on.support(50),
];
/** The run's options for it: the default policy with `set` (and grantUsedFraction 0), an unverified
 *  customer of ¥10,000 a month with 130 months of history. */
const suspendedOptions = (until: number, set: Record<string, number>) => ({
  until,
  policy: { ...DEFAULT_POLICY, ...set, grantUsedFraction: 0 },
  profile: { age: 35, monthlyIncome: 10_000, verified: false, creditHistoryMonths: 130 },
});

type Raise = Extract<Remedy, { kind: "raise_score" }>;
type Wait = Extract<Remedy, { kind: "wait_for_review" }>;

describe("the most a score step reaches on a review's day", () => {
  // two applications on day 0: in the 6-month count (10 of its 25 points) until day 180
  const c = newCustomer(
    { age: 35, monthlyIncome: 2_000, verified: false, creditHistoryMonths: 130, externalDebt: 0 },
    testPolicy(),
  );
  c.inquiries = [0, 0];

  it("counts the applications as they stand then: 15 points short before day 180, none after", () => {
    const before = reachOn(c, 74, false, [], c, c);
    const after = reachOn(c, 196, false, [], c, c);
    expect(after.reach - before.reach).toBe(15);
    // time moves them, not a step: not named among the steps either side
    expect(before.drivers).not.toContain("INQUIRIES_180D");
    expect(after.drivers).not.toContain("INQUIRIES_180D");
    // the identity and the income are steps on any day
    expect(before.drivers).toEqual(expect.arrayContaining(["IDENTITY_NOT_VERIFIED", "LOW_INCOME"]));
  });
});

describe("a score step the applications of day 0 keep from the next review", () => {
  // both lines opened on day 0 (two applications), Huabei used once and repaid, the income gone on day 36
  // (both lines suspended at the review on day 45), jiebeiMinScore raised to `min` on day 47, asked on
  // day 50: the next review is on day 74, the applications leave the 6-month count on day 180
  const answerOn = (min: number): Remedy[] => {
    const trace = run(
      [
        on.open(0, 5_000),
        on.open(0, 5_000, "jiebei"),
        on.purchase(5, 1_000),
        on.repay(35, "full"),
        on.income(36, 0),
        on.policy(47, { set: { jiebeiMinScore: min } }),
        on.support(50),
      ],
      {
        until: 60,
        policy: { ...DEFAULT_POLICY, grantUsedFraction: 0 },
        profile: { age: 35, monthlyIncome: 10_000, verified: false, creditHistoryMonths: 130 },
      },
    );
    const asked = trace.steps.find((s: Step) => s.event.type === "contact_support")!;
    return asked.remedies.filter((r) => r.line === "jiebei");
  };

  it("needing them gone (940: 925 at most by day 74), names the first review after day 180 for step and wait", () => {
    const own = answerOn(940);
    const step = own.find((r): r is Raise => r.kind === "raise_score")!;
    const wait = own.find((r): r is Wait => r.kind === "wait_for_review")!;
    expect(step.needed).toBe(940);
    expect(step.review?.day).toBe(196);
    expect(step.review!.day).toBeGreaterThanOrEqual(180);
    // within reach there, Huabei's purchases among the steps (its activity of day 5 is gone by then)
    expect(step.reach).toBeUndefined();
    expect(step.drivers).toContain("LOW_ACTIVITY");
    expect(wait.day).toBe(196);
    // no early review: none before day 180 can read 940
    expect(wait.early).toBeNull();
    expect(describeRemedy(step, ["jiebei"])).toContain("by the periodic review on 2024-07-15 (day 196)");
  });

  it("not needing them gone (900), names the next review, day 74", () => {
    const own = answerOn(900);
    const step = own.find((r): r is Raise => r.kind === "raise_score")!;
    expect(step.needed).toBe(900);
    expect(step.review).toBeUndefined();
    expect(own.find((r): r is Wait => r.kind === "wait_for_review")!.day).toBe(74);
  });
});

describe("a score step no review before the closing one reaches", () => {
  // Huabei opened on day 0, used once and repaid, three applications elsewhere on day 38 (four in the
  // 6-month count until day 180), minScore raised to 920 on day 40 (suspended at the review on day 45),
  // suspensions closed after 60 days (at the review on day 105); asked on day 50
  const events = suspendedAfterApplications(920);
  const options = suspendedOptions(120, { closeAfterSuspendedDays: 60 });

  it("says the closure certain, with no early review and no step towards a restoration that cannot come", () => {
    const asked = run(events, options).steps.find((s: Step) => s.event.type === "contact_support")!;
    // (counting the 6-month applications as gone, it once asked "raise the score from 878 to 920", 940
    // read as within reach; counted as they stand, it said "at most 918" and still offered an early review
    // on day 60, and said nothing of the closure on day 105)
    expect(asked.remedies.map((r) => r.kind)).toEqual(["on_record", "closure_due"]);
    expect(asked.remedies[1]).toMatchObject({ day: 105, certain: true });
    // true: verified and ¥200,000 a month reported the next day, the customer reads 918 on day 74 (920
    // needed), and no review restores the line before the one that closes it
    const followed = run([...events, on.verify(51), on.income(51, 200_000)], options, { answers: false });
    const reviews = stepsOf(followed, "review").filter((s) => s.line === "huabei");
    expect(reviews.find((s) => s.day === 74)?.score).toBe(918);
    expect(reviews.some((s) => s.decision === "restored")).toBe(false);
    expect(reviews.at(-1)).toMatchObject({ day: 105, decision: "closed" });
  });
});

describe("a score step the line's closure as unused comes before", () => {
  // as above, but the line closes as unused (dormantCloseDays 120: the review on day 166, used last on day
  // 35) before its long suspension's time is up; asked on day 50. The applications of day 38 leave the
  // 6-month count on day 218: the answer once named day 196, a month after the line closed — a suspended
  // line takes no purchase, and the closure as unused comes before any restoration at its review
  const events = suspendedAfterApplications(920);
  const options = suspendedOptions(200, { dormantCloseDays: 120 });

  it("names no review after it, and says the line closes then: certain when none before it can restore", () => {
    const said = run(events, options).steps.find((s: Step) => s.event.type === "contact_support")!.remedies;
    expect(said.map((r) => r.kind)).toEqual(["on_record", "unused_closure_due"]);
    expect(said[1]).toMatchObject({ day: 166, certain: true });
    expect(describeRemedy(said[1]!, ["huabei"])).toContain("cannot be restored before then");
    // true: doing all the step named, the customer reads at most 918 at every review before it
    const followed = run([...events, on.verify(51), on.income(51, 200_000)], options, { answers: false });
    const reviews = stepsOf(followed, "review").filter((s) => s.line === "huabei");
    expect(reviews.some((s) => s.decision === "restored")).toBe(false);
    expect(reviews.at(-1)).toMatchObject({ day: 166, decision: "closed" });
  });
});

describe("a restoration its closure as unused follows at the next review after it", () => {
  // as above, the line unused since day 35 closing as unused at the review on day 105 (dormantCloseDays
  // 60, its notice not yet given on day 50), minScore 910: within reach by the review on day 74, the last
  // before that closure — restored then, the line is closed a month later unless it is used
  const events = suspendedAfterApplications(910);
  const options = suspendedOptions(110, { dormantCloseDays: 60 });

  it("says that closure beside the review named, and both hold for the customer who follows the answer", () => {
    const said = run(events, options).steps.find((s: Step) => s.event.type === "contact_support")!.remedies;
    expect(said.find((r): r is Wait => r.kind === "wait_for_review")).toMatchObject({ day: 74 });
    const closure = said.find((r) => r.kind === "unused_closure_due");
    expect(closure).toMatchObject({ day: 105, suspended: true });
    expect(closure).not.toHaveProperty("certain");
    expect(describeRemedy(closure!, ["huabei"])).toContain("which a suspended line takes only once restored");
    // followed (verified, ¥20,000 a month): restored on day 74, then closed on day 105 unless used before
    const followed = [...events, on.verify(51), on.income(51, 20_000)];
    const reviews = (more: typeof events) =>
      stepsOf(run([...followed, ...more], options, { answers: false }), "review")
        .filter((s) => s.line === "huabei" && s.day > 50)
        .map((s) => [s.day, s.decision]);
    expect(reviews([])).toEqual([
      [74, "restored"],
      [105, "closed"],
    ]);
    // …and used after it (a purchase repaid the same day), kept open
    expect(reviews([on.purchase(80, 20), on.repay(80, "full")])).toEqual([[74, "restored"]]);
  });
});

describe("a score step the months in good standing keep from the next review", () => {
  // a ¥2,000 Huabei on a thin file (three months elsewhere, ¥4,000 a month, unverified) used once and
  // repaid, minScore raised to 830 on day 60 (suspended at the review on day 74), asked on day 80: the line
  // restored and used needs 890, and the months in good standing grow only a month end at a time
  const events = [...THIN_FILE_SUSPENDED];
  const options = {
    until: 170,
    policy: DEFAULT_POLICY,
    profile: { age: 22, monthlyIncome: 4_000, verified: false, creditHistoryMonths: 3, externalDebt: 6_000 },
  };

  it("names the first review the steps reach it by, and followed, that one restores the line", () => {
    const said = run(events, options).steps.find((s: Step) => s.event.type === "contact_support")!.remedies;
    const step = said.find((r): r is Raise => r.kind === "raise_score")!;
    // (counting the record as a step, it named day 105, which reads 885 followed)
    expect(step).toMatchObject({ needed: 890, review: { day: 166 } });
    expect(step.drivers).not.toContain("SHORT_REPAYMENT_RECORD");
    const followed = run([...events, on.verify(81), on.income(81, 200_000)], options, { answers: false });
    const reviews = stepsOf(followed, "review").filter((s) => s.day > 80);
    expect(reviews.map((s) => [s.day, s.decision === "restored"])).toEqual([
      [105, false],
      [135, false],
      [166, true],
    ]);
    expect(reviews.at(-1)!.score).toBeGreaterThanOrEqual(step.needed);
  });
});
