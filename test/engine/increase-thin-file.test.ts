// A customer declined a limit increase at the thin-file cap who calls customer service is told why and
// when: the day the file reaches six months of repayment record — and an application that day is approved.

import { describe, expect, it } from "vitest";
import { REASONS } from "../../src/engine/reasons.js";
import type { Remedy, Trace } from "../../src/engine/types.js";
import { describeFact } from "../../src/scenario/format.js";
import { DEFAULT_POLICY, type EventInput, on, run, stepOn } from "./builders.js";

// a line opened at the ¥2,000 thin-file cap, used and repaid in full for three months, an increase
// declined on day 100 at the cap, the call the day after
const declined = (): EventInput[] => [
  on.open(0, 3_000),
  on.purchase(5, 500),
  on.repay(35, "full"),
  on.purchase(40, 500),
  on.repay(64, "full"),
  on.purchase(70, 500),
  on.repay(95, "full"),
  on.increase(100, 3_000),
];

const options = (history: number, income = 8_000) => ({
  policy: DEFAULT_POLICY,
  // on ¥3,000 a month the identity is not verified either
  profile: { monthlyIncome: income, creditHistoryMonths: history, verified: income > 3_000 },
});

const increaseFrom = (t: Trace, day: number) =>
  stepOn(t, "contact_support", day).remedies.find(
    (r): r is Extract<Remedy, { kind: "increase_from" }> => r.kind === "increase_from",
  );

describe("an increase declined at the thin-file cap, asked about the next day", () => {
  // no history elsewhere: three month ends of record by day 100, the sixth at the end of June (day 181);
  // two months elsewhere: the sixth at the end of April (day 120). On ¥3,000 a month, unverified,
  // declined for the score too and the application's inquiry outranked among the answer's reasons by the
  // record, the history, the income and the identity: asked why and when all the same
  it.each([
    [0, 182, 8_000],
    [2, 121, 8_000],
    [0, 182, 3_000],
  ])(
    "with %i months elsewhere, names the day the file reaches six months (day %i), and that day's application is approved (income %i)",
    (history, named, income) => {
      const t = run([...declined(), on.support(101)], { ...options(history, income), until: 200 });
      expect(stepOn(t, "apply", 100).reasons).toContain("LIMIT_AT_THIN_FILE_CAP");
      if (income === 3_000) expect(stepOn(t, "contact_support", 101).reasons).not.toContain("INQUIRIES_30D");
      const r = increaseFrom(t, 101);
      expect(r).toMatchObject({ day: named, waits: ["LIMIT_AT_THIN_FILE_CAP"] });
      expect(r?.blocked).toBe(undefined);
      // followed: applied for on the day named, approved; a day sooner, still declined at the cap
      const followed = run(
        [...declined(), on.support(101), on.increase(named, 3_000)],
        options(history, income),
      );
      expect(stepOn(followed, "apply", named).decision).toBe("approved");
      const sooner = run(
        [...declined(), on.support(101), on.increase(named - 1, 3_000)],
        options(history, income),
      );
      expect(stepOn(sooner, "apply", named - 1).reasons).toContain("LIMIT_AT_THIN_FILE_CAP");
    },
  );
});

describe("an increase declined for the score, nothing time clears, asked about the next day", () => {
  it("is said to be declined today, with the score an increase needs (not score advice alone)", () => {
    const policy = { ...DEFAULT_POLICY, minIncreaseScore: 900 };
    const t = run([...declined(), on.support(101)], {
      policy,
      profile: { monthlyIncome: 8_000, creditHistoryMonths: 36 },
    });
    expect(stepOn(t, "apply", 100).reasons).toContain("SCORE_BELOW_INCREASE_MINIMUM");
    const r = increaseFrom(t, 101);
    expect(r).toMatchObject({ day: 101, waits: [] });
    const rules = [r!.blocked!, ...(r!.besides ?? [])];
    expect(rules.find((f) => f.code === "SCORE_BELOW_INCREASE_MINIMUM")).toMatchObject({
      parameter: "minIncreaseScore",
      threshold: 900,
    });
  });
});

describe("the thin-file cap's advice", () => {
  it("names what lifts it — six months of record — not 'the first bills' (told to one who repaid two already)", () => {
    for (const code of [
      "LIMIT_AT_THIN_FILE_CAP",
      "LIMIT_CAPPED_THIN_FILE",
      "THIN_FILE_BELOW_LIMIT",
    ] as const) {
      expect(REASONS[code].advice, code).toMatch(/six months of repayment record/);
      expect(REASONS[code].advice, code).not.toMatch(/first bills/);
    }
  });
});

// The decline itself named no day for the thin-file cap — only customer service did ("customer service names
// the day"). The decline names it too, the same day customer service names (recordDay, reused), and true.
describe("an increase declined at the thin-file cap names the day the cap lifts, on the decline itself", () => {
  it.each([
    [0, 182],
    [2, 121],
  ])("with %i months elsewhere: day %i, as customer service says it the day after", (history, named) => {
    const t = run([...declined(), on.support(101)], { ...options(history), until: 200 });
    const decline = stepOn(t, "apply", 100);
    expect(decline.decision).toBe("declined");
    const fact = decline.facts.find((f) => f.code === "LIMIT_AT_THIN_FILE_CAP")!;
    expect(fact.liftsOn).toBe(named);
    expect(increaseFrom(t, 101)?.day).toBe(named);
    expect(describeFact(fact)).toContain(`from day ${named}`);
  });
});

// An opening approved lower at the thin-file cap carried no day: neither what lifts the cap nor when. It
// names both — a line not used yet adds no record, so the use by the next month end, and the day it brings
// — and the day is true: used by then, an increase the day before is declined at the cap, that day it is not.
describe("an application approved lower at the thin-file cap names what lifts the cap and when", () => {
  const opened = (after: EventInput[] = []) =>
    run([on.open(0, 3_000), ...after], { ...options(0), until: 200 });

  it("on a line not used yet: the use by the next month end, and the day it brings", () => {
    const fact = stepOn(opened(), "apply", 0).facts.find((f) => f.code === "LIMIT_CAPPED_THIN_FILE")!;
    expect(fact).toMatchObject({ liftsOn: 182, usedBy: 30 });
    expect(describeFact(fact)).toContain("the line used by day 30");
    expect(describeFact(fact)).toContain("from day 182");
  });

  it("followed: used by day 30 and each bill repaid, the cap declines an increase on day 181, not on day 182", () => {
    const used = [on.purchase(30, 200), on.repay(64, "full")];
    const capped = (day: number) =>
      stepOn(opened([...used, on.increase(day, 3_000)]), "apply", day).reasons.includes(
        "LIMIT_AT_THIN_FILE_CAP",
      );
    expect(capped(181)).toBe(true);
    expect(capped(182)).toBe(false);
  });
});
