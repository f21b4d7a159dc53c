import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import type { LineId } from "../../src/engine/vocabulary.js";
import { describeRemedy } from "../../src/scenario/format.js";
import { type EventInput, on, run, stepOn, stepsOf, testPolicy } from "./builders.js";

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
        suspends: { day: 70, date: "2024-03-11", days: policy.suspendOverdueDays },
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
      "next due: the ¥2,000.00 statement balance falls due on 2024-02-10 (day 40): pay it, or at least the ¥200.00 minimum, by 2024-02-13 (day 43), the last of its grace days, and it counts as paid on time; missed, the whole bill is overdue: its unpaid principal bears a penalty of 0.05 % a day, from the day after the due day, and a missed due date goes on the record; still unpaid on 2024-03-11 (day 70), 30 days past due, the customer's open lines are suspended",
    );
    expect(describeRemedy(nextDue(asked.remedies, "jiebei")!)).toBe(
      "Jiebei: next due: the ¥1,037.20 instalment (¥37.20 of it interest) falls due on 2024-02-11 (day 41): pay it by 2024-02-14 (day 44), the last of its grace days, and it counts as paid on time; missed, the instalment is overdue: its principal bears a penalty of 0.06 % a day instead of interest, from the day after the due day, and a missed due date goes on the record; still unpaid on 2024-03-12 (day 71), 30 days past due, the customer's open lines are suspended",
    );
  });

  it("nothing ahead, nothing said: a bill repaid in full before its due day, a customer with no loan", () => {
    const paid = run([on.open(0, 5_000), on.purchase(5, 2_000), on.repay(32, "full"), on.support(33)], opts);
    expect(stepOn(paid, "contact_support", 33).remedies.filter((r) => r.kind === "next_due")).toEqual([]);
  });
});
