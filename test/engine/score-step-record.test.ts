// The months in good standing a score step's reach counts: a month end before the review it names earns a
// month of record when the customer can use Huabei before it and the month stays in good standing — a
// purchase repaid in full extends credit for the year a month of record asks. Left out, the reach
// understated: "out of the customer's reach … at most 900" of a score the customer who followed the steps
// read at the review, and a suspended Jiebei told to wait for day 196 was restored on day 166. Counted only
// where it can be earned, the numbers said come true followed.

import { describe, expect, it } from "vitest";
import { newCustomer } from "../../src/engine/customer.js";
import { withRecordFrom } from "../../src/engine/support/read-ahead.js";
import type { Remedy, Step } from "../../src/engine/types.js";
import type { LineId } from "../../src/engine/vocabulary.js";
import { DEFAULT_POLICY, type EventInput, on, run, stepsOf, testPolicy } from "./builders.js";

type Raise = Extract<Remedy, { kind: "raise_score" }>;
type Wait = Extract<Remedy, { kind: "wait_for_review" }>;

/** A verified customer of ¥200,000 a month with ten months of history elsewhere: the months in good standing
 *  (8–11, 30 of 40 points) reach the next band with one month of record of their own. */
const options = (until: number, creditHistoryMonths = 10) => ({
  until,
  policy: DEFAULT_POLICY,
  profile: { age: 35, monthlyIncome: 200_000, verified: true, creditHistoryMonths },
});

/** Huabei used on six days from `from` (¥20, repaid in full the same day): a purchase habit, and credit
 *  extended before the month end that follows. */
const use = (from: number): EventInput[] =>
  [0, 1, 2, 3, 4, 5].flatMap((d) => [on.purchase(from + d, 20), on.repay(from + d, "full")]);

const answer = (events: EventInput[], until: number, history = 10): Remedy[] =>
  run(events, options(until, history)).steps.find((s: Step) => s.event.type === "contact_support")!.remedies;
const scoreStep = (said: Remedy[], line: LineId): Raise =>
  said.find((r): r is Raise => r.kind === "raise_score" && r.line === line)!;
const reviews = (events: EventInput[], until: number, line: LineId) =>
  stepsOf(run(events, options(until), { answers: false }), "review").filter((s) => s.line === line);
/** The score and the line's status at the end of day 45, its review's (one that keeps a line is no step). */
const onReview45 = (events: EventInput[], line: LineId, history = 10) => {
  const end = run(events, options(45, history), { answers: false }).final;
  return { score: end.score, status: line === "huabei" ? end.status : end.jiebei.status };
};

describe("an active line's score step, a month end before the review", () => {
  // a ¥5,000 Huabei opened on day 0, never used; minScore raised on day 15; asked on day 20, before the
  // month end of day 30 and the review on day 45 that would suspend the line
  const asked = (min: number): EventInput[] => [
    on.open(0, 5_000),
    on.policy(15, { set: { minScore: min } }),
    on.support(20),
  ];

  it("counts the month the customer can still earn: 905 is within reach, and followed, the review keeps the line", () => {
    const step = scoreStep(answer(asked(905), 50), "huabei");
    // (it once said "out of the customer's reach today: all these steps together reach at most 900")
    expect(step.reach).toBeUndefined();
    expect(step.drivers).toContain("SHORT_REPAYMENT_RECORD");
    const review = onReview45([...asked(905), ...use(21)], "huabei");
    expect(review.score).toBeGreaterThanOrEqual(905);
    expect(review.status).toBe("active");
  });

  it("says the most the steps reach, and followed, the review reads that", () => {
    const step = scoreStep(answer(asked(910), 50), "huabei");
    expect(step.reach).toBe(905);
    const review = onReview45([...asked(910), ...use(21)], "huabei");
    expect(review.score).toBe(step.reach);
    expect(review.status).toBe("suspended");
  });
});

describe("an active line's score step a day before the review", () => {
  // an unused ¥5,000 Huabei, minScore raised to 950 on day 43, asked on day 44: a purchase today and one
  // on the review's day make two days of use, not the six of the count's top band
  const asked: EventInput[] = [on.open(0, 5_000), on.policy(43, { set: { minScore: 950 } }), on.support(44)];

  it("counts the days of use the customer can still make, and followed, the review reads the reach said", () => {
    const step = scoreStep(answer(asked, 50), "huabei");
    // (it once counted the top band: 'at most 900', the review read 890)
    expect(step.reach).toBe(890);
    expect(step.drivers).toContain("LOW_ACTIVITY");
    const review = onReview45([...asked, ...use(44).slice(0, 4)], "huabei");
    expect(review.score).toBe(step.reach);
  });
});

describe("a thin file's score step, the month that ends it before the review", () => {
  // five months of history elsewhere, a ¥2,000 Huabei opened on day 0 and never used, minScore raised on
  // day 15, asked on day 20: a purchase before the month end of day 30 makes the sixth month of record,
  // and the review on day 45 reads the whole file, no longer thin
  const asked = (min: number): EventInput[] => [
    on.open(0, 2_000),
    on.policy(15, { set: { minScore: min } }),
    on.support(20),
  ];

  it.each([892, 893])("minimum %i: the reach read on the file the record ends, true followed", (min) => {
    const step = scoreStep(answer(asked(min), 50, 5), "huabei");
    // (it once said "out of the customer's reach today: all these steps together reach at most 758")
    expect(step.reach ?? min).toBe(892);
    expect(step.drivers).toContain("SHORT_REPAYMENT_RECORD");
    const review = onReview45([...asked(min), ...use(21)], "huabei", 5);
    expect(review.score).toBe(892);
    expect(review.status).toBe(min <= 892 ? "active" : "suspended");
  });
});

describe("an active Jiebei's score step, Huabei open beside it", () => {
  // both lines opened on day 0 (Huabei never used), jiebeiMinScore raised on day 15, asked on day 20
  const asked = (min: number): EventInput[] => [
    on.open(0, 5_000),
    on.open(0, 5_000, "jiebei"),
    on.policy(15, { set: { jiebeiMinScore: min } }),
    on.support(20),
  ];

  it.each([880, 890, 900])("minimum %i: what the steps reach comes true followed", (min) => {
    const step = scoreStep(answer(asked(min), 50), "jiebei");
    expect(step.drivers).toContain("SHORT_REPAYMENT_RECORD");
    const review = onReview45([...asked(min), ...use(21)], "jiebei");
    if (step.reach === undefined) {
      expect(review.score).toBeGreaterThanOrEqual(min);
      expect(review.status).toBe("active");
    } else {
      expect(review.score).toBe(step.reach);
      expect(review.status).toBe("suspended");
    }
  });
});

describe("a suspended Jiebei's score step, Huabei active beside it", () => {
  // both lines opened on day 0 (Huabei never used), jiebeiMinScore raised to 895 on day 40 (Jiebei
  // suspended at the review on day 45), asked on day 50: the month ends of record Huabei can still earn
  // bring 895 by the review on day 166, before the openings' applications leave the 6-month count (day 180)
  const asked: EventInput[] = [
    on.open(0, 5_000),
    on.open(0, 5_000, "jiebei"),
    on.policy(40, { set: { jiebeiMinScore: 895, grantUsedFraction: 0 } }),
    on.support(50),
  ];

  it("names the first review the steps reach it by, and followed, that one restores the line", () => {
    const said = answer(asked, 200);
    const step = scoreStep(said, "jiebei");
    // (it once named day 196, counting the record as it stands without the customer's use)
    expect(step).toMatchObject({ needed: 895, review: { day: 166 } });
    expect(step.reach).toBeUndefined();
    expect(step.drivers).toContain("SHORT_REPAYMENT_RECORD");
    expect(said.find((r): r is Wait => r.kind === "wait_for_review" && r.line === "jiebei")).toMatchObject({
      day: 166,
    });
    // Huabei used each month before the review, as the steps ask
    const followed = [...asked, ...[51, 80, 110, 140].flatMap(use)];
    const after = reviews(followed, 200, "jiebei").filter((s) => s.day > 50);
    expect(after.map((s) => [s.day, s.decision === "restored"])).toEqual([
      [74, false],
      [105, false],
      [135, false],
      [166, true],
    ]);
    expect(after.at(-1)!.score).toBeGreaterThanOrEqual(step.needed);
  });
});

describe("a suspended Jiebei's score step, Huabei suspended beside it until the next review", () => {
  // as above, minScore raised to 870 too: both lines suspended on day 45, Huabei restored by the review on
  // day 74 — the month end of day 59 comes while it is suspended and earns nothing, those after it do
  const asked: EventInput[] = [
    on.open(0, 5_000),
    on.open(0, 5_000, "jiebei"),
    on.policy(40, { set: { minScore: 870, jiebeiMinScore: 895, grantUsedFraction: 0 } }),
    on.support(50),
  ];

  it("counts the month ends from that review on, and followed, the review it names restores the line", () => {
    const step = scoreStep(answer(asked, 200), "jiebei");
    // (it once named day 196)
    expect(step).toMatchObject({ needed: 895, review: { day: 166 } });
    expect(step.reach).toBeUndefined();
    const followed = [...asked, ...[75, 100, 125, 140].flatMap(use)];
    const after = reviews(followed, 200, "jiebei").filter((s) => s.day > 50);
    expect(after.map((s) => [s.day, s.decision === "restored"])).toEqual([
      [74, false],
      [105, false],
      [135, false],
      [166, true],
    ]);
  });
});

describe("the month ends a customer can still earn", () => {
  const c = newCustomer(
    { age: 35, monthlyIncome: 200_000, verified: true, creditHistoryMonths: 10, externalDebt: 0 },
    testPolicy(),
  );
  c.monthEnds = [
    { day: 30, good: true, record: false },
    { day: 59, good: true, record: false },
    { day: 90, good: false, record: false },
    { day: 120, good: true, record: false },
  ];
  const records = (from: number | null) => withRecordFrom(c, 1, from).monthEnds.map((m) => m.record);

  it("counts those ahead from the first day a line can be used, in good standing — none on record, overdue or before it", () => {
    expect(records(40)).toEqual([false, true, false, true]);
    expect(records(60)).toEqual([false, false, false, true]);
    expect(records(null)).toEqual([false, false, false, false]);
    // the file itself untouched
    expect(c.monthEnds.map((m) => m.record)).toEqual([false, false, false, false]);
  });
});
