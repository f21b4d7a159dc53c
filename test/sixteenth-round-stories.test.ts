// Stories of a sixteenth round, a credit-risk reviewer's (test/fixtures/scenarios): an instalment plan
// prepaid to its last yuan, a yuan in twelve instalments, the record window read two years on (and during
// a month end across a leap day), two years at the minimum, Jiebei loans of
// each term settled on a due day itself, two overdues on one day across the lines, leap day and the 31st,
// an increase asked the day after a restoration, an income reported lower and then restored, a policy
// changed on the review's own day, more repaid than is owed, and an increase asked the day after a
// restoration from a suspension for credit.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../src/engine/index.js";
import { describeFact } from "../src/scenario/format.js";
import { loadScenario } from "../src/scenario/load.js";
import { ROOT } from "./helpers/cli.js";
import { at, fixture, lastStep, passing, twin, twinOf, worseOff } from "./helpers/stories.js";

describe("stories of a sixteenth round (test/fixtures/scenarios)", () => {
  it("an instalment plan prepaid to ¥1: the yuan left is billed with its share of the fee, ¥0.09, not a month's ¥8.80 — a fen paid more never costs more than a fen", () => {
    const t = passing("plan-prepaid-to-a-yuan.yaml");
    const statement = at(t.steps, "statement", 59);
    expect(statement.balance).toBe(109);
    // the twin who prepays the ¥1,100 in full owes nothing after: the yuan more costs the yuan and its fee
    const all = twin("plan-prepaid-to-a-yuan.yaml", ["amount: 1099 }", "amount: 1100 }"]);
    expect(lastStep(t, 100).charges - lastStep(all, 100).charges).toBe(9);
  });

  it("months in good standing, last 24, read on the month end two years after the first: 24 month ends, not 25 — in a span with no 29 February as in one with it", () => {
    passing("record-window-two-years.yaml");
    // read at the end of the day, its month end counted (what explain shows): 31 January 2027 is 730 days
    // after 31 January 2025, and that month end was counted too
    const good = (start: string, day: number) => {
      const { scenario } = loadScenario(fixture("record-window-two-years.yaml"));
      const t = simulate({ ...scenario, start, observe: [day] });
      return t.snapshots.get(day)!.inputs!.goodMonths24m;
    };
    expect(good("2025-01-01", 760)).toBe(24);
    expect(good("2025-01-01", 787)).toBe(24);
    // the same two years across a leap day: 1 January 2023 to 31 January 2025 (761 days) reads 24 too
    expect(good("2023-01-01", 761)).toBe(24);
  });

  it("months in good standing, last 24, read during a month end across a leap day: the 24 month ends before it, as the day before and the day after", () => {
    const t = passing("record-window-leap-month-end.yaml");
    const calls = t.steps.filter((s) => s.event.type === "contact_support");
    // 30 March, 31 March (its own month end not yet recorded: the 24th back is 731 days away), 1 April
    expect(calls.map((s) => s.date)).toEqual(["2028-03-30", "2028-03-31", "2028-04-01"]);
    const counts = calls.map((s) => s.inputs.goodMonths24m);
    expect(new Set(counts).size).toBe(1);
  });

  it("a yuan in twelve instalments: its 9 fen of fee spread over the statements, never a fen more in all and never less than nothing on one", () => {
    const t = passing("plan-of-a-yuan.yaml");
    const statements = t.steps.filter((s) => s.event.type === "statement");
    expect(statements).toHaveLength(12);
    const charged = statements.map((s, i) => s.charges - (i === 0 ? 0 : statements[i - 1]!.charges));
    for (const fee of charged) expect(fee).toBeGreaterThanOrEqual(0);
    expect(statements.at(-1)!.charges).toBe(9);
    for (const s of t.steps) expect(s.balance).toBe(s.purchases - s.repayments + s.charges);
  });

  it("the minimum for two years: never late, every statement adds up, the balance is purchases less repayments plus charges each day, and the twin who pays in full never ends a day worse", () => {
    const t = passing("minimum-for-two-years.yaml");
    for (const s of t.steps) expect(s.balance).toBe(s.purchases - s.repayments + s.charges);
    expect(t.steps.filter((s) => s.overdue > 0)).toEqual([]);
    const full = twin("minimum-for-two-years.yaml", ...minimumToFull());
    expect(worseOff(full, t)).toEqual([]);
    expect(lastStep(full, 740).score - lastStep(t, 740).score).toBeGreaterThan(0);
  });

  it("three Jiebei loans, 3, 6 and 12 months, settled on a due day itself: that day's interest is not charged, a day sooner costs a day less and a day later a day more — and neither settles her worse off", () => {
    const t = passing("jiebei-settled-on-a-due-day.yaml");
    const charges = (x: typeof t) => lastStep(x, 130).jiebei.charges;
    // ¥21,000 × 0.04 % × 29 days, then ¥18,000 × 0.04 % × 31 days
    expect(charges(t)).toBe(24_360 + 22_320);
    const sooner = twin("jiebei-settled-on-a-due-day.yaml", [
      "date: 2024-03-31, type: repay",
      "date: 2024-03-30, type: repay",
    ]);
    const later = twin("jiebei-settled-on-a-due-day.yaml", [
      "{ date: 2024-03-31, type: repay, line: jiebei, amount: full }",
      "{ date: 2024-03-31, type: repay, line: jiebei, amount: statement }\n  - { date: 2024-04-01, type: repay, line: jiebei, amount: full }",
    ]);
    // a day sooner, ¥18,000 less the day: ¥7.20; a day later, the ¥15,000 left after the day's instalments: ¥6.00
    expect(charges(t) - charges(sooner)).toBe(720);
    expect(charges(later) - charges(t)).toBe(600);
    expect(worseOff(sooner, t)).toEqual([]);
    expect(worseOff(t, later)).toEqual([]);
  });

  it("two overdues on one day, Huabei's bill and Jiebei's instalment: both lines overdue on the same grace end, two missed due dates on the record, and the twin who paid either on time never ends a day worse", () => {
    const t = passing("two-overdues-one-day.yaml");
    const [huabei, jiebei] = [at(t.steps, "overdue", 44), at(t.steps, "overdue", 44, "jiebei")];
    expect([huabei.line, jiebei.line]).toEqual(["huabei", "jiebei"]);
    expect(jiebei.inputs.missedDues12m).toBe(2);
    // each line its own penalty: Huabei's bill 0.05 % a day on ¥2,000 for the nine days to the repayment
    expect(lastStep(t, 120).charges).toBe(900);
    const jiebeiOnTime = twin("two-overdues-one-day.yaml", [
      "{ date: 2024-02-20, type: repay, line: jiebei, amount: statement }",
      "{ date: 2024-02-10, type: repay, line: jiebei, amount: statement }",
    ]);
    const huabeiOnTime = twin("two-overdues-one-day.yaml", [
      "{ date: 2024-02-20, type: repay, amount: full }",
      "{ date: 2024-02-10, type: repay, amount: full }",
    ]);
    for (const better of [jiebeiOnTime, huabeiOnTime]) {
      expect(
        at(better.steps, "overdue", 44, better === jiebeiOnTime ? "huabei" : "jiebei").inputs.missedDues12m,
      ).toBe(1);
      expect(worseOff(better, t)).toEqual([]);
    }
  });

  it("leap day and the 31st: a purchase on a statement day billed the next, a loan drawn on 29 February due on the 29th and on 28 February, its interest each month's own days — ¥473.40 — and nothing ever overdue", () => {
    const t = passing("leap-day-and-the-31st.yaml");
    const dues = t.steps.filter((s) => s.event.type === "due" && s.line === "jiebei").map((s) => s.date);
    expect(dues).toEqual([
      ...["03", "04", "05", "06", "07", "08", "09", "10", "11", "12"].map((m) => `2024-${m}-29`),
      "2025-01-29",
      "2025-02-28",
    ]);
    expect(t.steps.filter((s) => s.overdue > 0 || s.jiebei.overdue > 0)).toEqual([]);
    const end = lastStep(t, 430);
    expect([end.charges, end.jiebei.charges]).toEqual([0, 47_340]);
  });

  it("Zhang Ming asks for more the day after his restoration: declined for the restoration's cooldown and his recent arrears, customer service names 13 February 2025 (day 409), and asked then it is approved", () => {
    const t = twinOf(
      join(ROOT, "scenarios/zhang-ming.yaml"),
      ["until: 400", "until: 409"],
      [
        "  - { day: 325, type: purchase, amount: 420, merchant: Hema }",
        "  - { day: 320, type: apply, product: increase, amount: 2000 }\n  - { day: 320, type: contact_support }\n  - { day: 325, type: purchase, amount: 420, merchant: Hema }\n  - { day: 409, type: apply, product: increase, amount: 2000 }",
      ],
    );
    expect(at(t.steps, "review", 319).decision).toBe("restored");
    const asked = at(t.steps, "apply", 320);
    expect(asked.decision).toBe("declined");
    // the day after his restoration, and 91 days after his arrears were cleared
    expect(asked.reasons.slice(0, 2)).toEqual(["INCREASE_TOO_SOON", "RECENT_MISSED_PAYMENT"]);
    const said = at(t.steps, "contact_support", 320).remedies.find((r) => r.kind === "limit_cut");
    expect(said).toMatchObject({ increase: { day: 409, now: false } });
    expect(at(t.steps, "apply", 409)).toMatchObject({ decision: "approved", limit: 500_000 });
  });

  it("an income reported lower, then restored: the cut stays the cooldown, an increase asked within it is declined as too soon, and the review customer service names gives the limit back — no sooner for the twin who never reported the lower income, who is never worse off", () => {
    const t = passing("income-lowered-then-restored.yaml");
    const said = at(t.steps, "contact_support", 121).remedies.find((r) => r.kind === "limit_cut");
    expect(said).toMatchObject({ increase: { day: 195 } });
    expect(at(t.steps, "review", 196)).toMatchObject({ decision: "limit_restored", limit: 1_000_000 });
    const steady = twin("income-lowered-then-restored.yaml", [
      "monthlyIncome: 3000 }",
      "monthlyIncome: 6000 }",
    ]);
    expect(worseOff(steady, t)).toEqual([]);
  });

  it("a policy changed on the review's own day is in force for that review: customer service, asked after the change, names it, and it suspends for the change; changed the day after, the next review does", () => {
    const t = passing("policy-changed-on-the-review-day.yaml");
    const review = at(t.steps, "review", 135);
    expect(describeFact(review.facts.find((f) => f.code === "SCORE_BELOW_MINIMUM")!)).toBe(
      "860 vs minScore 900, 620 before the policy change",
    );
    const said = at(t.steps, "contact_support", 135).remedies.find((r) => r.kind === "review_suspends");
    expect(said).toMatchObject({ day: 135 });
    const dayAfter = twin("policy-changed-on-the-review-day.yaml", [
      "date: 2024-05-15, type: policy",
      "date: 2024-05-16, type: policy",
    ]);
    expect(lastStep(dayAfter, 135).status).toBe("active");
    expect(at(dayAfter.steps, "review", 166)).toMatchObject({ decision: "suspended", cause: "policy" });
  });

  it("repaid more than is owed: each line applies what is owed and no more — the loan settled with its interest to the day, the plan's unbilled instalments without their fees — and keeps no credit for the next purchase", () => {
    const t = passing("overpayment.yaml");
    expect(at(t.steps, "repay", 25, "jiebei").applied).toBe(251_920);
    expect(at(t.steps, "repay", 35).applied).toBe(150_900);
    // the plan's first instalment's fee alone (4.5 % of ¥1,200 over six months, ¥9.00 each): the five not yet
    // billed are not charged
    expect(lastStep(t, 100).charges).toBe(900);
    expect(at(t.steps, "statement", 60).balance).toBe(10_000);
  });

  it("an increase asked the day after a restoration from a suspension for credit is declined as too soon, the cooldown counted from the restoration; customer service names the day it ends, and asked then it is approved", () => {
    const t = passing("raised-the-day-after-a-restoration.yaml");
    const asked = at(t.steps, "apply", 167);
    expect(describeFact(asked.facts[0]!)).toBe("1 day vs increaseCooldownDays 90 days");
    const said = at(t.steps, "contact_support", 168).remedies.find((r) => r.kind === "increase_from");
    expect(said).toMatchObject({ day: 256, waits: ["INCREASE_TOO_SOON"] });
    // the customer never suspended, asking the same day, is raised: the wait is the restoration's
    const never = twin(
      "raised-the-day-after-a-restoration.yaml",
      ["  - { day: 60, type: external_debt, amount: 250000 }\n", ""],
      ["  - { day: 140, type: external_repayment, amount: 250000 }\n", ""],
    );
    expect(at(never.steps, "apply", 167)).toMatchObject({ decision: "approved", limit: 1_200_000 });
  });
});

/** Every `repay minimum` of the two-year story made `repay full`. */
function minimumToFull(): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  for (let m = 1; m <= 24; m++) {
    const date = new Date(Date.UTC(2024, m, 9)).toISOString().slice(0, 10);
    out.push([
      `{ date: ${date}, type: repay, amount: minimum }`,
      `{ date: ${date}, type: repay, amount: full }`,
    ]);
  }
  return out;
}
