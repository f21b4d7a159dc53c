// @module-tag property
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import type { LineId } from "../../src/engine/vocabulary.js";
import { describeRemedy } from "../../src/scenario/format.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { activeScenarioArb } from "./arbitraries.js";
import { DEFAULT_POLICY, type EventInput, on, run, stepOn, stepsOf, testPolicy } from "./builders.js";

// Customer service says what falls due next before it falls due, on each line the customer has: how much
// (Huabei's statement balance and minimum, Jiebei's instalment with its interest), by when it counts as
// paid on time (the last of its grace days), and what missing it costs. Asked a week before a ¥2,000
// bill's due day, it once gave only score advice: the payment step began on the due day.
describe("customer service reminds what falls due next", () => {
  // the tolerance service's ¥10: a shortfall of at most that is not missed, a fen more is
  const policy = testPolicy({ toleranceAmount: 10 });
  const TOLERANCE = 10 * 100;
  const opts = { policy, until: 80 };
  // a ¥2,000 Huabei bill stated on day 31, due on day 40; a ¥3,000 Jiebei loan drawn on day 10, its first
  // instalment due on day 41
  const base: EventInput[] = [
    on.open(0, 5_000),
    on.open(0, 10_000, "jiebei"),
    on.purchase(5, 2_000),
    on.borrow(10, 3_000, 3),
  ];
  const ASKED = [32, 33, 34, 35, 36, 37, 38, 39];
  const t = run([...base, ...ASKED.map((d) => on.support(d))], opts);
  const nextDue = (remedies: readonly Remedy[], line: LineId) =>
    remedies.find(
      (r): r is Extract<Remedy, { kind: "next_due" }> => r.kind === "next_due" && r.line === line,
    );
  const notice = (line: LineId, day: number) =>
    stepsOf(t, "due").find((s) => s.day === day && s.event.line === line)!.event;
  const repay = (day: number, fen: number, line: LineId): EventInput => ({
    day,
    type: "repay",
    line,
    amount: { kind: "amount", fen },
  });
  // found missed (or not) the day after the last of its grace days
  const missedBy = (events: EventInput[], line: LineId, last: number) =>
    stepsOf(run(events, opts), "overdue").filter((s) => s.event.line === line && s.day <= last + 1);

  it("asked on each day of the week before, each line's next due: what its notice will ask, and by when", () => {
    const huabei = notice("huabei", 40);
    const jiebei = notice("jiebei", 41);
    for (const day of ASKED) {
      const asked = stepOn(t, "contact_support", day);
      expect(nextDue(asked.remedies, "huabei"), `day ${day}`).toEqual({
        line: "huabei",
        kind: "next_due",
        day: 40,
        date: "2024-02-10",
        amount: huabei.due,
        minimum: huabei.minimumUnpaid,
        by: { day: 43, date: "2024-02-13" },
        penalty: policy.penaltyRatePerDay,
        suspends: {
          day: 70,
          date: "2024-03-11",
          days: policy.suspendOverdueDays,
          lines: ["huabei", "jiebei"],
        },
      });
      expect(nextDue(asked.remedies, "jiebei"), `day ${day}`).toMatchObject({
        line: "jiebei",
        kind: "next_due",
        day: 41,
        amount: jiebei.due,
        minimum: jiebei.due,
        // ¥1,000 of principal, 31 days of interest at 0.04 % on ¥3,000
        interest: jiebei.due - 100_000,
        by: { day: 44, date: "2024-02-14" },
        penalty: policy.jiebeiPenaltyRatePerDay,
        suspends: { day: 71 },
      });
      // said first, before the score's advice
      expect(asked.remedies.slice(0, 2).map((r) => r.kind)).toEqual(["next_due", "next_due"]);
    }
    expect(huabei).toMatchObject({ due: 200_000, minimumUnpaid: 20_000 });
    expect(jiebei.due).toBe(103_720);
  });

  it("the amounts are true to the fen: the stated minimum paid on the stated last day is on time, a fen less than the tolerance allows is missed", () => {
    const asked = stepOn(t, "contact_support", 33);
    for (const line of ["huabei", "jiebei"] as const) {
      const said = nextDue(asked.remedies, line)!;
      const last = said.by!.day;
      const missed = (day: number, fen: number) => missedBy([...base, repay(day, fen, line)], line, last);
      expect(missed(last, said.minimum), line).toEqual([]);
      expect(missed(last, said.minimum - TOLERANCE), line).toEqual([]);
      expect(missed(last, said.minimum - TOLERANCE - 1), line).toHaveLength(1);
      // a day late is missed too: the day named is the last
      expect(missed(last + 1, said.minimum), line).toHaveLength(1);
    }
  });

  it("said in words: the amount, the minimum, the due date, the last grace day and what missing it costs", () => {
    const asked = stepOn(t, "contact_support", 33);
    expect(describeRemedy(nextDue(asked.remedies, "huabei")!)).toBe(
      "next due: ¥2,000.00 of the bill stated falls due on 2024-02-10 (day 40): pay it, or at least the ¥200.00 minimum, by 2024-02-13 (day 43), the last of its grace days, and it counts as paid on time. Missed, the whole bill is overdue: its unpaid principal bears a penalty of 0.05 % a day, from the day after the due day, and a missed due date goes on the record; still unpaid on 2024-03-11 (day 70), 30 days past due, Huabei and Jiebei are suspended",
    );
    expect(describeRemedy(nextDue(asked.remedies, "jiebei")!)).toBe(
      "Jiebei: next due: the ¥1,037.20 instalment (¥37.20 of it interest) falls due on 2024-02-11 (day 41): pay it by 2024-02-14 (day 44), the last of its grace days, and it counts as paid on time. Missed, the instalment is overdue: its principal bears a penalty of 0.06 % a day instead of interest, from the day after the due day, and a missed due date goes on the record; still unpaid on 2024-03-12 (day 71), 30 days past due, Huabei and Jiebei are suspended",
    );
  });

  it('a Jiebei-only customer: the suspension missing it brings names Jiebei, not "the customer\'s open lines"', () => {
    const only = run([on.open(0, 10_000, "jiebei"), on.borrow(10, 3_000, 3), on.support(33)], opts);
    const said = nextDue(stepOn(only, "contact_support", 33).remedies, "jiebei")!;
    expect(said.suspends).toEqual({ day: 71, date: "2024-03-12", days: 30, lines: ["jiebei"] });
    const text = describeRemedy(said);
    expect(text).toContain("still unpaid on 2024-03-12 (day 71), 30 days past due, Jiebei is suspended");
    expect(text).not.toContain("open lines");
    // and missed: the pay step's suspension names it too
    const late = run([on.open(0, 10_000, "jiebei"), on.borrow(10, 3_000, 3), on.support(60)], opts);
    const pay = stepOn(late, "contact_support", 60).remedies.find((r) => r.kind === "pay_overdue")!;
    expect(describeRemedy(pay)).toContain(
      "unpaid at the end of 2024-03-12 (day 71), it is too long past due and Jiebei is suspended",
    );
  });

  it("a purchase not yet billed, on a line under a security hold: the statement that bills it, its due day, as that statement will state it", () => {
    // a ¥800 purchase on day 40, the line held on day 54 before the day-60 statement bills it: asked on
    // day 55, the answer said only "verify your identity" — and the bill, missed, went overdue beneath the hold
    const evs = [on.open(0, 10_000), on.purchase(40, 800), on.change(50, "phone"), on.change(52, "address")];
    const held = run([...evs, on.change(54, "device"), on.support(55), on.support(65)], {
      policy: testPolicy({}),
      until: 80,
    });
    expect(stepOn(held, "contact_support", 55)).toMatchObject({ status: "suspended", cause: "security" });
    const before = nextDue(stepOn(held, "contact_support", 55).remedies, "huabei")!;
    const stated = nextDue(stepOn(held, "contact_support", 65).remedies, "huabei")!;
    expect(before.statement).toEqual({ day: 60, date: "2024-03-01" });
    // what the statement then states, and its due notice asks: the same to the fen
    const { statement: _s, ...rest } = before;
    expect(rest).toEqual(stated);
    expect(describeRemedy(before)).toMatch(
      /^next due: ¥800\.00, what is not yet billed, stated on 2024-03-01 \(day 60\), falls due on 2024-03-10 \(day 69\): pay it, or at least the ¥80\.00 minimum, by /,
    );
  });

  it("a purchase behind a stated bill: named, the statement that bills it and its due day, as it states it with the bill paid in full", () => {
    // the ¥2,000 bill stated on day 31 is due on day 40; a ¥500 purchase on day 33 is not on it: told of
    // the bill alone, a customer who paid it in full thought the line square — and the purchase billed on
    // day 60 fell due on day 69
    const evs = [...base, on.purchase(33, 500)];
    const asked = stepOn(run([...evs, on.support(35)], opts), "contact_support", 35);
    const said = nextDue(asked.remedies, "huabei")!;
    expect(said).toMatchObject({ day: 40, amount: 200_000 });
    // followed — the bill paid in full on its due day — what the next statement states and its notice asks
    const followed = run([...evs, repay(40, said.amount, "huabei")], { policy, until: 100 });
    const next = stepsOf(followed, "due").find((x) => x.event.line === "huabei" && x.day > 40)!;
    expect(next.day).toBe(69);
    expect(said.unbilled).toMatchObject({
      statement: { day: 60, date: "2024-03-01" },
      day: 69,
      date: "2024-03-10",
      amount: next.event.due,
      minimum: next.event.minimumUnpaid,
      by: { day: 72 },
      penalty: said.penalty,
      suspends: { day: 99 },
    });
    expect(next.event.due).toBe(50_000);
    expect(describeRemedy(said)).toContain(
      ". Then ¥500.00, what is not yet billed (this bill paid in full), stated on 2024-03-01 (day 60), falls due on 2024-03-10 (day 69): pay it, or at least the ¥50.00 minimum, by 2024-03-13 (day 72)",
    );
    // its minimum by then keeps it out of arrears; a fen short of the tolerance's reach does not
    const met = run([...evs, repay(40, said.amount, "huabei"), repay(72, 5_000, "huabei")], opts);
    expect(stepsOf(met, "overdue").filter((x) => x.event.line === "huabei")).toEqual([]);
    const short = run(
      [...evs, repay(40, said.amount, "huabei"), repay(72, 5_000 - TOLERANCE - 1, "huabei")],
      opts,
    );
    expect(
      stepsOf(short, "overdue")
        .filter((x) => x.event.line === "huabei")
        .map((x) => x.day),
    ).toEqual([73]);
    // none behind it, nothing said
    const alone = nextDue(
      stepOn(run([...base, on.support(35)], opts), "contact_support", 35).remedies,
      "huabei",
    )!;
    expect(alone.unbilled).toBeUndefined();
  });

  it("nothing ahead, nothing said: a bill repaid in full before its due day, a customer with no loan", () => {
    const paid = run([on.open(0, 5_000), on.purchase(5, 2_000), on.repay(32, "full"), on.support(33)], opts);
    expect(stepOn(paid, "contact_support", 33).remedies.filter((r) => r.kind === "next_due")).toEqual([]);
  });

  it("an instalment paid ahead all but ¥7.20: what is left is what falls due next, on its day", () => {
    // ¥1,030 of the ¥1,037.20 first instalment paid on day 25 — its principal and the interest so far — held
    // for it: ¥7.20 still asked on day 31 (read without the loans' rate, the instalment once looked paid, and
    // the next named was day 60's)
    const events = [on.open(0, 10_000, "jiebei"), on.borrow(0, 3_000, 3), on.repay(25, 1_030, "jiebei")];
    const asked = stepOn(run([...events, on.support(25)], opts), "contact_support", 25);
    const due = stepsOf(run(events, opts), "due").find((x) => x.event.line === "jiebei")!;
    expect(due).toMatchObject({ day: 31, event: { due: 720 } });
    // (what is held pays an instalment's interest first: what is left unpaid is principal)
    expect(nextDue(asked.remedies, "jiebei")).toMatchObject({ day: 31, amount: 720, interest: 0 });
  });

  it("two loans, the other's due day within the next one's grace days: paid by the day before it", () => {
    // loan A drawn on day 1 (due days 32, 61), loan B on day 31 (due day 60, grace until 63): a repayment on
    // day 61–63 pays A's instalment first (the oldest loan's), so B's amount paid then leaves B short
    const events = [
      on.open(0, 10_000, "jiebei"),
      on.borrow(1, 3_000, 3),
      on.borrow(31, 3_000, 3),
      on.repay(32, 1_037.2, "jiebei"),
    ];
    const asked = stepOn(run([...events, on.support(40)], opts), "contact_support", 40);
    const said = nextDue(asked.remedies, "jiebei")!;
    expect(said).toMatchObject({ day: 60, by: { day: 60, before: 61 } });
    expect(describeRemedy(said)).toContain(
      "pay it by 2024-03-01 (day 60), before the next instalment falls due on day 61 (a repayment then pays that first)",
    );
    expect(missedBy([...events, repay(60, said.minimum, "jiebei")], "jiebei", 63)).toEqual([]);
    // the end of its grace days would not do
    expect(missedBy([...events, repay(63, said.minimum, "jiebei")], "jiebei", 63)).toHaveLength(1);
  });

  it("two loans, a younger one's due day within the next one's grace days: its grace days hold to their end", () => {
    // loan A drawn on day 1 (due day 32, grace until 35), loan B on day 2 (due day 33): a repayment on day
    // 33–35 pays A's instalment first (the oldest loan's), so A's amount paid then is on time. The reminder
    // once said 'pay it by day 32, before the next instalment falls due on day 33 (a repayment then pays that
    // first)': a day B's instalment takes no money from A's
    const events = [on.open(0, 10_000, "jiebei"), on.borrow(1, 3_000, 3), on.borrow(2, 3_000, 3)];
    const asked = stepOn(run([...events, on.support(20)], opts), "contact_support", 20);
    const said = nextDue(asked.remedies, "jiebei")!;
    expect(said).toMatchObject({ day: 32, by: { day: 35 } });
    expect(said.by).not.toHaveProperty("before");
    expect(describeRemedy(said)).toContain("pay it by 2024-02-05 (day 35), the last of its grace days");
    // paid on the last grace day, A is not missed (B's grace, unpaid, ends a day later)
    expect(missedBy([...events, repay(35, said.minimum, "jiebei")], "jiebei", 35)).toEqual([]);
  });

  it("falls due as said, on any timeline: the due notice asks what was named, the steps before it paid", () => {
    fc.assert(
      fc.property(activeScenarioArb, fc.nat(), fc.integer({ min: 1, max: 35 }), (sc, k, after) => {
        // a call some days after one of the customer's events (a purchase, a loan: a bill or an instalment ahead)
        const d = (sc.events[k % Math.max(1, sc.events.length)]?.day ?? 0) + after;
        // the customer's events before day d, a call on day d, and then only what the steps before it ask
        const kept: EventInput[] = sc.events.filter((e) => e.day < d).map(({ index: _i, ...e }) => e);
        const opts = { start: sc.start, policy: sc.policy, profile: sc.profile, until: d + 100 };
        const asked = stepOn(run([...kept, on.support(d)], opts), "contact_support", d);
        for (const said of asked.remedies) {
          if (said.kind !== "next_due") continue;
          expect(said.day).toBeGreaterThan(d);
          const paid: EventInput[] =
            said.onTopOf === undefined
              ? []
              : [{ day: d, type: "repay", line: said.line, amount: { kind: "amount", fen: said.onTopOf } }];
          const t = run([...kept, on.support(d), ...paid], opts);
          const notice = stepsOf(t, "due").find((x) => x.day === said.day && x.event.line === said.line);
          expect(notice?.event, `${said.line} day ${said.day}`).toMatchObject({
            due: said.amount,
            minimumUnpaid: said.minimum,
          });
          // and the minimum paid on the last day named is on time
          if (said.by === undefined || said.minimum === 0) continue;
          const met: EventInput = {
            day: said.by.day,
            type: "repay",
            line: said.line,
            amount: { kind: "amount", fen: said.minimum },
          };
          const onTime = run([...kept, on.support(d), ...paid, met], opts);
          const missed = stepsOf(onTime, "overdue").filter(
            (x) => x.event.line === said.line && x.day > d && x.day <= said.by!.day + 1,
          );
          expect(missed, `${said.line} by day ${said.by.day}`).toEqual([]);
        }
      }),
      { numRuns: propertyRuns(40) },
    );
  });
});

describe("the steps a declined early review and a lifted hold come with remind what falls due next", () => {
  // a Jiebei loan's instalment missed (day 41), both lines suspended on day 71; the overdue repaid on day
  // 90, the next instalment still to come: an early review asked on day 95 is declined (the clean period),
  // a hold laid by three changes on days 96–98 is lifted by a verification on day 101, the suspension
  // beneath standing — each says, as customer service does that day, what falls due next and by when
  const t = run(
    [
      on.open(0, 6_000),
      on.open(0, 20_000, "jiebei"),
      on.borrow(10, 6_000, 12),
      on.repay(90, "minimum", "jiebei"),
      on.requestReview(95, "jiebei"),
      on.support(95),
      on.change(96),
      on.change(97, "address"),
      on.change(98, "device"),
      on.verify(101),
      on.support(101),
    ],
    { policy: DEFAULT_POLICY, until: 140 },
  );
  const reminder = (remedies: readonly Remedy[]) =>
    remedies.filter((r) => r.kind === "next_due" && r.line === "jiebei");

  it("the declined early review: the instalment due on day 131, as the answer that day names it", () => {
    const review = stepOn(t, "request_review", 95);
    expect(review).toMatchObject({ decision: "declined", status: "suspended" });
    const said = reminder(stepOn(t, "contact_support", 95).remedies);
    expect(said).toEqual([expect.objectContaining({ day: 131, by: { day: 134, date: "2024-05-14" } })]);
    expect(reminder(review.remedies)).toEqual(said);
  });

  it("the lifted hold, the suspension beneath standing: the same instalment, as the answer that day names it", () => {
    const verified = stepsOf(t, "verify_identity").find((s) => s.line === "jiebei")!;
    expect(verified).toMatchObject({ decision: "suspended", cause: "credit" });
    const said = reminder(stepOn(t, "contact_support", 101).remedies);
    expect(said).toEqual([expect.objectContaining({ day: 131 })]);
    expect(reminder(verified.remedies)).toEqual(said);
  });
});
