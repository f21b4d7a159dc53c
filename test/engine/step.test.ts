// The transition on its own: a state built for the rule, one input, the steps and the state it leaves.

import { describe, expect, it } from "vitest";
import { decide, type StepOutcome } from "../../src/engine/apply-verdict.js";
import { nextEngineDay, runDay } from "../../src/engine/schedule.js";
import { type EngineState, fork, initialState } from "../../src/engine/state.js";
import { type EngineInput, step, transition } from "../../src/engine/step.js";
import type { ScenarioEvent } from "../../src/engine/types.js";
import { testPolicy } from "./builders.js";

const PROFILE = { age: 30, monthlyIncome: 10_000, verified: true, creditHistoryMonths: 36, externalDebt: 0 };

/** A state opened on day 0 of 2024-01-01 with a ¥5,000 line (statement on the 1st, due on the 10th). */
function openLine(notices = true): EngineState {
  const s = initialState("2024-01-01", PROFILE, testPolicy(), { notices });
  runDay(
    s,
    0,
    [{ day: 0, index: 0, type: "apply", line: "huabei", product: "open", amount: 500_000 }],
    () => {},
  );
  return s;
}

const purchase = (day: number, fen: number): ScenarioEvent => ({
  day,
  index: 1,
  type: "purchase",
  amount: fen,
  merchant: null,
  instalments: null,
});

/** Takes inputs on the state and returns every step they made. */
function take(s: EngineState, ...inputs: EngineInput[]): StepOutcome[] {
  return inputs.flatMap((i) => [...step(s, i)]);
}

describe("step", () => {
  it("opens an account on an application and records the decision in the state", () => {
    const s = initialState("2024-01-01", PROFILE, testPolicy());
    const steps = take(
      s,
      { type: "open_day", day: 0 },
      { day: 0, index: 0, type: "apply", line: "huabei", product: "open", amount: 300_000 },
    );
    expect(steps).toHaveLength(1);
    expect(steps[0]!.verdict?.decision).toBe("approved");
    expect(s.customer.huabei.status).toBe("active");
    expect(s.customer.huabei.limit).toBe(300_000);
    expect(s.customer.inquiries).toEqual([0]);
  });

  it("closes the cycle only on the statement day, and then schedules the next one", () => {
    const s = openLine();
    take(s, { type: "open_day", day: 5 }, purchase(5, 120_000));
    expect(take(s, { type: "close_statement" })).toEqual([]);
    expect(s.customer.huabei.ledger.bills).toHaveLength(0);

    // the month end reports the balance to the bureau (utilisation reads it)
    take(s, { type: "open_day", day: 30 }, { type: "month_end" });
    expect(s.customer.huabei.reportedBalance).toBe(120_000);
    expect(s.customer.huabei.grid).toEqual([{ month: "2024-01", code: "*" }]);
    const steps = take(s, { type: "open_day", day: 31 }, { type: "close_statement" });
    expect(steps.map((o) => o.event)).toEqual([
      {
        type: "statement",
        billed: 120_000,
        instalments: 0,
        fees: 0,
        carried: 0,
        carriedCharges: 0,
        overdue: 0,
        minimum: 12_000,
        dueDay: 40,
        closing: false,
        toTerm: 0,
      },
    ]);
    expect(s.nextStatement).toBe(60); // 2024-03-01
  });

  it("a notice-free state bills the same and reports nothing (what population runs use)", () => {
    const s = openLine(false);
    take(s, { type: "open_day", day: 5 }, purchase(5, 120_000));
    expect(take(s, { type: "open_day", day: 31 }, { type: "close_statement" })).toEqual([]);
    expect(s.customer.huabei.ledger.bills[0]?.principal).toBe(120_000);
  });

  it("turns an unpaid bill overdue when its grace ends, charging the penalty back to the due date", () => {
    const s = openLine();
    take(s, { type: "open_day", day: 5 }, purchase(5, 100_000), { type: "open_day", day: 31 });
    take(s, { type: "close_statement" });
    // due day 40 (2024-02-10), 3 grace days: overdue from day 44
    expect(take(s, { type: "open_day", day: 43 })).toEqual([]);
    const steps = take(s, { type: "open_day", day: 44 });
    expect(steps).toHaveLength(1);
    expect(steps[0]!.event).toMatchObject({ type: "overdue", overdueDays: 4 });
    // 0.05 % a day on ¥1,000 for the 3 grace days (41, 42, 43): 3 × 50 fen
    expect(s.customer.huabei.ledger.penalties).toBe(150);
  });

  it("suspends at once when the overdue trigger's days are reached, not a day earlier", () => {
    const s = initialState("2024-01-01", PROFILE, testPolicy({ suspendOverdueDays: 10 }));
    runDay(
      s,
      0,
      [{ day: 0, index: 0, type: "apply", line: "huabei", product: "open", amount: 500_000 }],
      () => {},
    );
    take(s, { type: "open_day", day: 5 }, purchase(5, 100_000), { type: "open_day", day: 31 });
    take(s, { type: "close_statement" });
    expect(take(s, { type: "open_day", day: 49 }, { type: "overdue_check" })).toHaveLength(1); // the notice
    expect(s.customer.huabei.status).toBe("active");
    const steps = take(s, { type: "open_day", day: 50 }, { type: "overdue_check" });
    expect(steps.map((o) => o.verdict?.decision)).toEqual(["suspended"]);
    expect(steps[0]!.verdict?.reasons).toEqual(["OVERDUE_TOO_LONG", "OVERDUE_NOW"]);
    expect(s.customer.huabei.status).toBe("suspended");
  });

  it("runs the periodic review on its day only, and moves it to the next month", () => {
    const s = openLine();
    expect(s.nextReview).toBe(14);
    take(s, { type: "open_day", day: 13 });
    expect(take(s, { type: "periodic_review" })).toEqual([]);
    expect(s.nextReview).toBe(14);
    take(s, { type: "open_day", day: 14 }, { type: "periodic_review" });
    expect(s.nextReview).toBe(45);
  });

  it("refuses a customer event for another day and a day that goes back", () => {
    const s = openLine();
    expect(() => step(s, purchase(3, 100))).toThrow(/day 3 taken on day 0/);
    expect(() => step(s, { type: "open_day", day: 0 })).toThrow(/opened after day 0/);
  });

  it("transition leaves the state it was given as it was", () => {
    const s = openLine();
    const before = JSON.stringify(s);
    const { state, steps } = transition(s, { type: "open_day", day: 3 });
    const after = transition(state, purchase(3, 200_000));
    expect(steps).toEqual([]);
    expect(after.steps[0]!.verdict?.decision).toBe("approved");
    expect(after.state.customer.huabei.ledger.purchases).toBe(200_000);
    expect(JSON.stringify(s)).toBe(before);
    expect(state.customer.huabei.ledger.purchases).toBe(0);
  });

  it("fork copies everything a step changes", () => {
    const s = openLine();
    const copy = fork(s);
    take(copy, { type: "open_day", day: 3 }, purchase(3, 100_000));
    take(copy, { day: 3, index: 2, type: "change_profile", field: "phone" });
    expect(s.customer.huabei.ledger.purchases).toBe(0);
    expect(s.customer.profileChanges).toEqual([]);
    expect(s.customer.huabei.purchaseDays).toEqual([]);
    expect(s.day).toBe(0);
  });
});

describe("nextEngineDay", () => {
  it("names the next statement, month end, due date, grace end, trigger or review, whichever is first", () => {
    const s = openLine();
    expect(nextEngineDay(s, 400)).toBe(14); // the review of 2024-01-15
    take(s, { type: "open_day", day: 14 }, { type: "periodic_review" });
    expect(nextEngineDay(s, 400)).toBe(30); // the month end, 2024-01-31
    take(s, { type: "open_day", day: 20 }, purchase(20, 10_000), { type: "open_day", day: 30 });
    take(s, { type: "month_end" });
    expect(nextEngineDay(s, 400)).toBe(31); // the statement of 2024-02-01
    take(s, { type: "open_day", day: 31 }, { type: "close_statement" });
    expect(nextEngineDay(s, 400)).toBe(40); // the due date (a notice)
    take(s, { type: "open_day", day: 40 });
    expect(nextEngineDay(s, 400)).toBe(44); // the grace ends: the cycle is decided
    take(s, { type: "open_day", day: 44 });
    expect(nextEngineDay(s, 400)).toBe(45); // the review of 2024-02-15
    expect(nextEngineDay(s, 42)).toBe(45); // the horizon never moves a day backwards
  });

  it("visits the day the overdue trigger fires and the day of the charge-off", () => {
    const s = openLine();
    take(s, { type: "open_day", day: 5 }, purchase(5, 10_000), { type: "open_day", day: 31 });
    take(s, { type: "close_statement" }, { type: "open_day", day: 44 });
    // past due since day 40: the trigger at 30 days past due, the charge-off at 180
    s.nextReview = Infinity;
    s.nextStatement = Infinity;
    const days: number[] = [];
    for (let d = 44; d < 300; d = nextEngineDay(s, 400)) {
      if (d > 44) take(s, { type: "open_day", day: d });
      days.push(d);
    }
    expect(days).toContain(70);
    expect(days).toContain(220);
  });
});

describe("a policy change's suspension", () => {
  it("carries the policy the line met on its verdict, and the verdict's application keeps it on the line", () => {
    const s = initialState("2024-01-01", { ...PROFILE, verified: false }, testPolicy(), { notices: false });
    runDay(
      s,
      0,
      [{ day: 0, index: 0, type: "apply", line: "huabei", product: "open", amount: 500_000 }],
      () => {},
    );
    const before = s.customer.policy;
    take(
      s,
      { type: "open_day", day: 5 },
      { day: 5, index: 0, type: "policy", use: null, set: { requireVerified: true } },
    );
    take(s, { type: "open_day", day: 14 });
    const [review] = take(s, { type: "periodic_review" });
    expect(review!.verdict).toMatchObject({ decision: "suspended", cause: "policy", policyBefore: before });
    expect(s.customer.huabei.policyBefore).toBe(before);
  });

  it("is kept by applying the verdict, whatever input brought it", () => {
    const s = openLine(false);
    const met = testPolicy({}, "met");
    decide(s, { type: "review", line: "huabei", requested: false }, s.customer.huabei, {
      decision: "suspended",
      cause: "policy",
      policyBefore: met,
      reasons: ["POLICY_CHANGE"],
      facts: [],
    });
    expect(s.customer.huabei).toMatchObject({ status: "suspended", cause: "policy", policyBefore: met });
  });
});
