// A line the customer leaves unused — no purchase of at least ¥10, no cash loan, nothing owed — for
// `dormantCloseDays` is closed by the periodic review (DORMANT_ACCOUNT), and customer service warns of it.

import { describe, expect, it } from "vitest";
import type { Remedy, Step } from "../../src/engine/types.js";
import { describeEvent, describeRemedy } from "../../src/scenario/format.js";
import { DEFAULT_POLICY, on, run, stateOn, stepOn, stepsOf, testPolicy } from "./builders.js";

// 2024 calendar with the test policy: statements on the 1st, due on the 10th, reviews on the 15th
// (… 349 = 15 Dec 2024, 380 = 15 Jan 2025, 411 = 15 Feb 2025 …).
const policy = testPolicy({ dormantCloseDays: 365 });

const closures = (steps: readonly Step[]) =>
  steps.filter((s) => s.decision === "closed").map((s) => ({ day: s.day, line: s.line, reasons: s.reasons }));

const remedy = <K extends Remedy["kind"]>(remedies: readonly Remedy[], kind: K) =>
  remedies.find((r): r is Extract<Remedy, { kind: K }> => r.kind === kind);

describe("a line left unused", () => {
  it("is closed by the first review dormantCloseDays after its opening, as dormant, with its days", () => {
    const t = run([on.open(0, 5_000)], { policy, until: 420 });
    expect(closures(t.steps)).toEqual([{ day: 380, line: "huabei", reasons: ["DORMANT_ACCOUNT"] }]);
    const closed = stepOn(t, "review", 380);
    // its own cause: not a fall in score, abnormal behaviour or a change of policy (which `policy` reads as)
    expect(closed).toMatchObject({ status: "closed", cause: "dormant" });
    expect(closed.facts).toEqual([
      { code: "DORMANT_ACCOUNT", parameter: "dormantCloseDays", threshold: 365, value: 380 },
    ]);
  });

  it("counts from its last use: a purchase of ¥10, a repayment of what was owed, a cash loan", () => {
    // bought on day 100, repaid on day 125: a day with something owed, so the year runs from day 125
    const bought = run([on.open(0, 5_000), on.purchase(100, 10), on.repay(125, "full")], {
      policy,
      until: 540,
    });
    expect(closures(bought.steps)).toEqual([{ day: 500, line: "huabei", reasons: ["DORMANT_ACCOUNT"] }]);
    // a cash loan drawn on day 30 and repaid by its instalments: in use while anything is owed on it
    const instalments = [40, 69, 100, 130, 161, 191, 222, 253, 283, 314, 344, 375];
    const drawn = run(
      [
        on.open(0, 5_000, "jiebei"),
        on.borrow(30, 1_000, 12),
        ...instalments.map((d) => on.repay(d, "statement", "jiebei")),
      ],
      { policy, until: 760 },
    );
    // the last instalment repaid on day 375: closed at the first review a year after it
    expect(closures(drawn.steps)).toEqual([{ day: 745, line: "jiebei", reasons: ["DORMANT_ACCOUNT"] }]);
  });

  it("is never closed while something is owed on it, nor under a policy with the rule off", () => {
    // a purchase never repaid: overdue, suspended and closed for credit, never for disuse
    const owing = run([on.open(0, 5_000), on.purchase(1, 100)], { policy, until: 420 });
    for (const s of owing.steps) expect(s.reasons).not.toContain("DORMANT_ACCOUNT");
    const off = run([on.open(0, 5_000)], { policy: testPolicy({ dormantCloseDays: 0 }), until: 800 });
    expect(closures(off.steps)).toEqual([]);
  });

  it("closes a suspended line left unused too, and a restoration does not restart its days", () => {
    const hold = [on.change(260), on.change(261), on.change(262)];
    // held from day 262 (three changes of bound details), still held at the review of day 380: closed unused,
    // not kept by its suspension (the long suspension's own closure is 180 days)
    const held = run([on.open(0, 5_000), ...hold], { policy, until: 420 });
    expect(stepOn(held, "change_profile", 262).status).toBe("suspended");
    expect(closures(held.steps)).toEqual([{ day: 380, line: "huabei", reasons: ["DORMANT_ACCOUNT"] }]);
    // verified on day 300: restored, and closed at the same review as a line never held
    const verified = run([on.open(0, 5_000), ...hold, on.verify(300)], { policy, until: 420 });
    expect(stepOn(verified, "verify_identity", 300).decision).toBe("restored");
    expect(closures(verified.steps)).toEqual([{ day: 380, line: "huabei", reasons: ["DORMANT_ACCOUNT"] }]);
  });

  it("is warned of by customer service when the next review closes it, with the way to keep it", () => {
    const t = run([on.open(0, 5_000), on.support(300), on.support(360)], { policy, until: 420 });
    expect(remedy(stepOn(t, "contact_support", 300).remedies, "unused_closure_due")).toBeUndefined();
    expect(remedy(stepOn(t, "contact_support", 360).remedies, "unused_closure_due")).toEqual({
      line: "huabei",
      kind: "unused_closure_due",
      day: 380,
      date: "2025-01-15",
      since: 0,
      sinceDate: "2024-01-01",
    });
    // used after the warning: not closed
    const used = run([on.open(0, 5_000), on.support(360), on.purchase(370, 10), on.repay(400, "full")], {
      policy,
      until: 420,
    });
    expect(closures(used.steps)).toEqual([]);
    expect(stateOn(used, 420).status).toBe("active");
    expect(stepsOf(used, "review").every((s) => !s.reasons.includes("DORMANT_ACCOUNT"))).toBe(true);
  });

  it("is warned of from its notice on, though a review comes between: the customer who calls on the notice's day hears of the closure it names", () => {
    // noticed on day 335 (1 December) of the review of day 380 (15 January); the review of day 349 comes
    // between and keeps it: a customer calling on 1 or 10 December was told nothing of the closure
    const t = run([on.open(0, 5_000), on.support(334), on.support(335), on.support(345)], {
      policy,
      until: 420,
    });
    expect(stepsOf(t, "dormant_notice").map((s) => s.day)).toEqual([335]);
    expect(remedy(stepOn(t, "contact_support", 334).remedies, "unused_closure_due")).toBeUndefined();
    const closure = {
      line: "huabei",
      kind: "unused_closure_due",
      day: 380,
      date: "2025-01-15",
      since: 0,
      sinceDate: "2024-01-01",
    };
    expect(remedy(stepOn(t, "contact_support", 335).remedies, "unused_closure_due")).toEqual(closure);
    expect(remedy(stepOn(t, "contact_support", 345).remedies, "unused_closure_due")).toEqual(closure);
    expect(describeRemedy(closure as Remedy)).toContain(
      "the periodic review on 2025-01-15 (day 380) closes the line",
    );
    // a suspended line noticed: the same, with the restoration it needs first
    const hold = [on.change(330), on.change(331), on.change(332)];
    const held = run([on.open(0, 5_000), ...hold, on.support(340)], { policy, until: 420 });
    expect(remedy(stepOn(held, "contact_support", 340).remedies, "unused_closure_due")).toEqual({
      ...closure,
      suspended: true,
    });
    // used after the notice: no warning
    const used = run([on.open(0, 5_000), on.purchase(336, 10), on.support(340)], { policy, until: 420 });
    expect(remedy(stepOn(used, "contact_support", 340).remedies, "unused_closure_due")).toBeUndefined();
  });

  it("is warned of when suspended too: the review closes the held line unused, unless restored and used first", () => {
    const hold = [on.change(260), on.change(261), on.change(262)];
    const t = run([on.open(0, 5_000), ...hold, on.support(360)], { policy, until: 420 });
    expect(stepOn(t, "contact_support", 360).status).toBe("suspended");
    expect(remedy(stepOn(t, "contact_support", 360).remedies, "unused_closure_due")).toEqual({
      line: "huabei",
      kind: "unused_closure_due",
      day: 380,
      date: "2025-01-15",
      since: 0,
      sinceDate: "2024-01-01",
      suspended: true,
    });
    // restored (verified) and used before then: kept
    const kept = run(
      [
        on.open(0, 5_000),
        ...hold,
        on.support(360),
        on.verify(365),
        on.purchase(370, 10),
        on.repay(400, "full"),
      ],
      { policy, until: 420 },
    );
    expect(closures(kept.steps)).toEqual([]);
  });
});

describe("a line left unused, once its notice is given", () => {
  it("suspended, is warned of as the review that closes it unused — not a later closure for the suspension's length", () => {
    // suspended for a policy change on day 258 (the review of 15 September): closeAfterSuspendedDays would
    // close it on day 441, but the review of day 380 closes it unused first — the customer who asked on day
    // 340 was told only of day 441
    const t = run([on.open(0, 5_000), on.policy(250, { set: { minScore: 900 } }), on.support(340)], {
      policy,
      until: 420,
    });
    const answer = stepOn(t, "contact_support", 340);
    expect(answer.status).toBe("suspended");
    expect(remedy(answer.remedies, "unused_closure_due")).toMatchObject({ day: 380, suspended: true });
    expect(remedy(answer.remedies, "closure_due")).toBeUndefined();
    expect(closures(t.steps)).toEqual([{ day: 380, line: "huabei", reasons: ["DORMANT_ACCOUNT"] }]);
  });

  it("suspended where no review can restore it, is not said closed later for the suspension's length", () => {
    // the default policy: a line the score keeps suspended under a minScore of 900 (no file of the
    // customer's reads it) was told 'closed at the review on day 500: suspended too long' — the review of
    // day 411 closed it unused (its notice on day 370)
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(5, 800),
        on.repay(35, "full"),
        on.policy(300, { set: { minScore: 900 } }),
        on.support(372),
      ],
      { policy: DEFAULT_POLICY, until: 430 },
    );
    const answer = stepOn(t, "contact_support", 372);
    expect(answer.status).toBe("suspended");
    expect(remedy(answer.remedies, "unused_closure_due")).toMatchObject({ day: 411, suspended: true });
    expect(remedy(answer.remedies, "closure_due")).toBeUndefined();
    expect(closures(t.steps)).toEqual([{ day: 411, line: "huabei", reasons: ["DORMANT_ACCOUNT"] }]);
  });
});

describe("the notice before an unused line is closed", () => {
  const notices = (t: { steps: readonly Step[] }) =>
    t.steps
      .filter((s) => s.event.type === "dormant_notice")
      .map((s) => ({ day: s.day, event: s.event, reasons: s.reasons, facts: s.facts }));

  it("comes once, on the day the line's unused days reach dormantCloseDays − dormantNoticeDays, with the closing date", () => {
    // opened on day 0: 365 − 30 = day 335 (2024-12-01); the first review on or after day 365 is day 380
    const t = run([on.open(0, 5_000)], { policy, until: 420 });
    expect(notices(t)).toEqual([
      {
        day: 335,
        event: { type: "dormant_notice", line: "huabei", closeDay: 380, closeDate: "2025-01-15" },
        reasons: ["DORMANT_NOTICE"],
        facts: [{ code: "DORMANT_NOTICE", parameter: "dormantCloseDays", threshold: 365, value: 335 }],
      },
    ]);
    expect(stepOn(t, "dormant_notice", 335).decision).toBeNull();
    // the same day when the run visits every day: the scheduler does not skip it
    expect(notices(run([on.open(0, 5_000)], { policy, until: 420 }, { everyDay: true }))).toEqual(notices(t));
  });

  it("counts from the last use, and a use after it keeps the line open until the next notice", () => {
    // used on day 340 (after the notice), its bill repaid on day 373: usedDay 373, the next notice 335 days on
    const t = run([on.open(0, 5_000), on.purchase(340, 50), on.repay(373, "full")], { policy, until: 760 });
    expect(notices(t).map((n) => [n.day, n.event])).toEqual([
      [335, { type: "dormant_notice", line: "huabei", closeDay: 380, closeDate: "2025-01-15" }],
      [708, { type: "dormant_notice", line: "huabei", closeDay: 745, closeDate: "2026-01-15" }],
    ]);
    expect(closures(t.steps)).toEqual([{ day: 745, line: "huabei", reasons: ["DORMANT_ACCOUNT"] }]);
  });

  it("is given for a Jiebei line too, and not at all with dormantNoticeDays 0, nor while something is owed", () => {
    const jiebei = run([on.open(0, 5_000, "jiebei")], { policy, until: 420 });
    expect(stepsOf(jiebei, "dormant_notice").map((n) => [n.day, n.event.line])).toEqual([[335, "jiebei"]]);
    const off = run([on.open(0, 5_000)], {
      policy: testPolicy({ dormantCloseDays: 365, dormantNoticeDays: 0 }),
      until: 420,
    });
    expect(notices(off)).toEqual([]);
    expect(closures(off.steps)).toEqual([{ day: 380, line: "huabei", reasons: ["DORMANT_ACCOUNT"] }]);
    const owing = run([on.open(0, 5_000), on.purchase(1, 100)], { policy, until: 420 });
    expect(notices(owing)).toEqual([]);
  });

  it("comes to a line suspended on its day too, so that a line restored later and closed unused was told", () => {
    // held from day 332 (three changes of bound details): suspended on the notice day, 335; verified on day
    // 340, restored, never used: the review of day 380 closes it unused — and the notice came on day 335
    const hold = [on.change(330), on.change(331), on.change(332)];
    const t = run([on.open(0, 5_000), ...hold, on.verify(340)], { policy, until: 420 });
    expect(stepOn(t, "change_profile", 332).status).toBe("suspended");
    expect(stepOn(t, "verify_identity", 340).decision).toBe("restored");
    expect(closures(t.steps)).toEqual([{ day: 380, line: "huabei", reasons: ["DORMANT_ACCOUNT"] }]);
    expect(notices(t)).toEqual([
      {
        day: 335,
        event: {
          type: "dormant_notice",
          line: "huabei",
          closeDay: 380,
          closeDate: "2025-01-15",
          suspended: true,
        },
        reasons: ["DORMANT_NOTICE"],
        facts: [{ code: "DORMANT_NOTICE", parameter: "dormantCloseDays", threshold: 365, value: 335 }],
      },
    ]);
    expect(stepOn(t, "dormant_notice", 335).status).toBe("suspended");
    expect(describeEvent(stepOn(t, "dormant_notice", 335))).toBe(
      "unused-line notice: the review on 2025-01-15 closes it unless restored and used first",
    );
    expect(
      describeEvent(stepOn(run([on.open(0, 5_000)], { policy, until: 340 }), "dormant_notice", 335)),
    ).toBe("unused-line notice: the review on 2025-01-15 closes it unless used");
    // still held at the review: closed unused, told as well
    const held = run([on.open(0, 5_000), ...hold], { policy, until: 420 });
    expect(closures(held.steps)).toEqual([{ day: 380, line: "huabei", reasons: ["DORMANT_ACCOUNT"] }]);
    expect(notices(held).map((n) => n.day)).toEqual([335]);
  });
});

describe("the months a line is not used", () => {
  // a new customer (no history elsewhere) whose line is never used: nothing due, nothing owed, month
  // after month — the PBOC grid's "*", no repayment history that month
  const newCustomer = { creditHistoryMonths: 0 };
  const thin = (s: Step) => s.inputs.goodMonths24m === null;

  it("are no repayment record: a line never used stays a thin file, whatever its age", () => {
    const t = run([on.open(0, 5_000), on.note(360)], { policy, profile: newCustomer, until: 370 });
    const s = stepOn(t, "note", 360);
    expect(thin(s)).toBe(true);
    expect(s.inputs.missedDues12m).toBeNull();
    // the score such a file has after the year: only time (history, the opening's inquiry aged) moved it
    const opened = stepOn(t, "apply", 0).score;
    expect(s.score - opened).toBeLessThanOrEqual(40);
  });

  it("count in good standing for a year after the line was last used, then no more", () => {
    // ¥100 bought on day 15 and its bill repaid in full; the line then left open, unused (the closure of
    // unused lines off here: its own tests are above)
    const events = [on.open(0, 5_000), on.purchase(15, 100), on.repay(40, "full"), on.note(600)];
    const t = run(events, { policy: testPolicy(), profile: newCustomer, until: 610 });
    // 19 month ends by day 600 (2024-01 … 2025-07): the 12 up to 2024-12 within a year of day 15
    expect(stepOn(t, "note", 600).inputs.goodMonths24m).toBe(12);
    // used again on day 500: its month ends count again
    const again = run([...events, on.purchase(500, 100), on.repay(520, "full")], {
      policy: testPolicy(),
      profile: newCustomer,
      until: 610,
    });
    expect(stepOn(again, "note", 600).inputs.goodMonths24m).toBe(15);
  });
});

describe("an increase on a line left unused", () => {
  it("is declined once the line has gone unused increaseUsedWithinDays: more credit goes to a line in use", () => {
    // bought on day 5, the bill repaid on day 40 (due on the 10th): in use until then
    const used = [on.open(0, 5_000), on.purchase(5, 10), on.repay(40, "full")];
    const within = testPolicy({ dormantCloseDays: 365, increaseUsedWithinDays: 180 });
    const early = run([...used, on.increase(220, 1_000)], { policy: within, until: 230 });
    expect(stepOn(early, "apply", 220)).toMatchObject({ decision: "approved", limit: 600_000 });
    const late = run([...used, on.increase(221, 1_000), on.purchase(222, 10), on.increase(223, 1_000)], {
      policy: within,
      until: 230,
    });
    const declined = stepOn(late, "apply", 221);
    expect(declined).toMatchObject({ decision: "declined", reasons: ["LINE_NOT_IN_USE"], limit: 500_000 });
    expect(declined.facts).toEqual([
      { code: "LINE_NOT_IN_USE", parameter: "increaseUsedWithinDays", threshold: 180, value: 181 },
    ]);
    // used again, it is offered more
    expect(stepOn(late, "apply", 223)).toMatchObject({ decision: "approved", limit: 600_000 });
    // the rule off (0)
    const off = run([...used, on.increase(221, 1_000)], { policy: testPolicy({ dormantCloseDays: 365 }) });
    expect(stepOn(off, "apply", 221)).toMatchObject({ decision: "approved" });
  });

  it("is not granted weeks before the review closes the line as unused (the default policy)", () => {
    // used last on day 38; the review of day 411 closes it unused (373 days): an increase on day 350 raised it
    // from ¥3,000 to ¥11,000 two months before
    const t = run([on.open(0, 3_000), on.purchase(5, 200), on.repay(38, "full"), on.increase(350, 8_000)], {
      policy: DEFAULT_POLICY,
      profile: { monthlyIncome: 20_000, creditHistoryMonths: 60 },
      until: 420,
    });
    expect(stepOn(t, "apply", 350)).toMatchObject({ decision: "declined", limit: 300_000 });
    expect(stepOn(t, "apply", 350).reasons).toContain("LINE_NOT_IN_USE");
    expect(closures(t.steps)).toEqual([{ day: 411, line: "huabei", reasons: ["DORMANT_ACCOUNT"] }]);
  });
  it("reopened, counts the days the line went unused before its closure, not the days it was closed", () => {
    // used every month, the last bill repaid on day 156, closed by the customer on day 160: reapplying on day
    // 400 for more was held at the last ¥5,000 for a line 'unused' 244 days — 240 of them closed, unusable
    const used = [on.open(0, 5_000)];
    for (const [buy, repay] of [
      [5, 35],
      [40, 64],
      [70, 95],
      [100, 125],
      [130, 156],
    ] as const)
      used.push(on.purchase(buy, 500), on.repay(repay, "full"));
    const profile = { monthlyIncome: 20_000, creditHistoryMonths: 60 };
    const reopened = (closeDay: number) =>
      run([...used, on.close(closeDay), on.support(399), on.open(400, 8_000)], {
        policy: DEFAULT_POLICY,
        profile,
        until: 410,
      });
    const t = reopened(160);
    expect(stepOn(t, "apply", 400)).toMatchObject({ decision: "approved", limit: 800_000 });
    // and customer service, asked the day before, holds nothing against more than the last limit
    expect(remedy(stepOn(t, "contact_support", 399).remedies, "reapply")).not.toHaveProperty("holds");
    // a line left unused 181 days before the customer closed it is still not reopened above its last
    // limit: the days cited are those unused before the closure
    const unused = stepOn(reopened(156 + 181), "apply", 400);
    expect(unused).toMatchObject({ decision: "approved_lower", limit: 500_000 });
    expect(unused.facts).toContainEqual({
      code: "LINE_NOT_IN_USE",
      parameter: "increaseUsedWithinDays",
      threshold: 180,
      value: 181,
    });
  });

  it("is told by customer service, with the use that puts it right, when nothing else waits", () => {
    // declined on day 221 (181 days unused); asked the next day, the answer said only to stop applying
    const t = run(
      [on.open(0, 5_000), on.purchase(5, 10), on.repay(40, "full"), on.increase(221, 1_000), on.support(222)],
      { policy: testPolicy({ increaseUsedWithinDays: 180 }), until: 230 },
    );
    const said = remedy(stepOn(t, "contact_support", 222).remedies, "increase_from");
    expect(said).toEqual({
      line: "huabei",
      kind: "increase_from",
      day: 222,
      date: "2024-08-10",
      waits: [],
      blocked: { code: "LINE_NOT_IN_USE", parameter: "increaseUsedWithinDays", threshold: 180, value: 182 },
    });
    expect(describeRemedy(said!)).toBe(
      "an application to raise the limit would be declined today: the line has not been used recently enough for more credit — no purchase of at least ¥10, cash loan or repayment of something owed in the days it could be used since it was opened or last used (the days it was suspended not counted; a closed line's, up to its closure), and nothing owed on it (182 days vs increaseUsedWithinDays 180 days) — use the line (a purchase of at least ¥10 or a cash loan, repaid on time), then apply: a limit is raised on a line in use",
    );
  });
});
