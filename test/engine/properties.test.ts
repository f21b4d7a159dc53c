// @module-tag property
// Property-based tests: random timelines through the engine, with the ledger's and the review engine's
// invariants checked after every step and at the end of every visited day.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StepOutcome } from "../../src/engine/apply-verdict.js";
import { Calendar } from "../../src/engine/calendar.js";
import { isReasonCode } from "../../src/engine/reasons.js";
import { END_OF_DAY, runDay, START_OF_DAY } from "../../src/engine/schedule.js";
import { explain, SCORE_MAX, SCORE_MIN } from "../../src/engine/scorecard.js";
import { run as runEngine, simulate, startState } from "../../src/engine/simulate.js";
import { fork, initialState } from "../../src/engine/state.js";
import { step, transition } from "../../src/engine/step.js";
import type { LineSnapshot, Scenario, Snapshot, Step, Trace } from "../../src/engine/types.js";
import { EVENT_TYPES, PROFILE_FIELDS } from "../../src/engine/vocabulary.js";
import { expectEqual } from "../helpers/deep-equal.js";
import { keptFromPurchases } from "../helpers/kept-from-purchases.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { activeScenarioArb, amount, customerEvents, day, scenarioArb, startDate } from "./arbitraries.js";
import { DEFAULT_POLICY, type EventInput, on, scenario, TIGHTENED_POLICY, testPolicy } from "./builders.js";

const RUNS = propertyRuns(200);

// These run on every field of every step and every day of every timeline, where expect() itself was
// most of the cost: each compares first and calls the same matcher, with its message, only on a failure.
const is = (actual: unknown, expected: unknown, message?: string): void => {
  if (!Object.is(actual, expected)) expect(actual, message).toBe(expected);
};
const atLeast = (actual: number, bound: number, message?: string): void => {
  if (!(actual >= bound)) expect(actual, message).toBeGreaterThanOrEqual(bound);
};
const atMost = (actual: number, bound: number, message?: string): void => {
  if (!(actual <= bound)) expect(actual, message).toBeLessThanOrEqual(bound);
};
const below = (actual: number, bound: number, message?: string): void => {
  if (!(actual < bound)) expect(actual, message).toBeLessThan(bound);
};

/** The ledger and status invariants of one line. */
function checkLine(s: LineSnapshot, where: string, cashLoans = false): void {
  is(
    s.balance,
    s.purchases - s.repayments + s.charges - s.waived,
    `${where}: balance = purchases − repayments + charges − waived`,
  );
  atLeast(s.waived, 0, where);
  // available = limit − what the line's credit uses: Huabei's whole balance; Jiebei's principal owed, the
  // balance less the interest and penalties unpaid (at most all charged so far)
  if (s.status !== "active") is(s.available, 0, `${where}: available`);
  else if (!cashLoans) is(s.available, Math.max(0, s.limit - s.balance), `${where}: available`);
  else {
    atLeast(s.available, Math.max(0, s.limit - s.balance), `${where}: available`);
    atMost(s.available, Math.max(0, s.limit - s.balance + s.charges), `${where}: available`);
  }
  atLeast(s.balance, 0, where);
  atLeast(s.charges, s.penalties + s.fees, where);
  atLeast(s.penalties, 0, where);
  atLeast(s.fees, 0, where);
  atLeast(s.limit, 0, where);
  atLeast(s.overdue, 0, where);
  atMost(s.overdue, s.balance, `${where}: overdue ≤ balance`);
  atLeast(s.overdueDays, 0, where);
  is(s.overdueDays > 0, s.overdue > 0, `${where}: overdue days iff an overdue amount`);
  is(s.writtenOff > 0 || s.status !== "charged_off" || s.balance === 0, true, `${where}: written off`);
  for (const v of [
    s.balance,
    s.limit,
    s.charges,
    s.purchases,
    s.repayments,
    s.overdue,
    s.writtenOff,
    s.waived,
  ]) {
    is(Number.isSafeInteger(v), true, `${where}: whole fen`);
  }
  is(s.cause !== null, s.status !== "active" && s.status !== "none", `${where}: a cause iff not active`);
  if (s.status === "none") {
    is(s.limit, 0, where);
    is(s.balance, 0, where);
  }
  if (s.status === "closed" || s.status === "charged_off") is(s.limit, 0, where);
}

/** The invariants every step and every end-of-day snapshot must hold. */
function checkSnapshot(s: Snapshot, where: string): void {
  checkLine(s, `${where} (Huabei)`);
  checkLine(s.jiebei, `${where} (Jiebei)`, true);
  atLeast(s.score, SCORE_MIN, where);
  atMost(s.score, SCORE_MAX, where);
  // a serious delinquency keeps the score out of the top two bands (650 and above)
  if (Math.max(s.overdueDays, s.jiebei.overdueDays) > 90) below(s.score, 650, where);
}

function checkStep(step: Step, prev: Step | undefined, sc: Scenario, cal: Calendar): void {
  const where = `step on day ${step.day} (${step.event.type})`;
  checkSnapshot(step, where);
  atLeast(step.day, prev?.day ?? 0, where);
  atMost(step.day, sc.until, where);
  is(step.date, cal.date(step.day), where);
  const factors = explain(step.inputs);
  const points = factors.reduce((n, f) => n + f.points, 0);
  is(
    step.score,
    Math.min(950, Math.max(350, 350 + points)),
    `${where}: score = 350 + points, within 350–950`,
  );
  is(step.scoreDelta, step.score - (prev?.score ?? step.score - step.scoreDelta), where);
  for (const code of step.reasons) is(isReasonCode(code), true, `${where}: reason ${code}`);
  // limits are whole hundreds of yuan, asked so, and every cap, cut and restoration keeps them so
  is(step.limit % 10_000, 0, `${where}: Huabei's limit is whole hundreds of yuan`);
  is(step.jiebei.limit % 10_000, 0, `${where}: Jiebei's limit is whole hundreds of yuan`);
  if (step.decision !== null && step.decision !== "info") {
    // Regulation B: at most four principal reasons, and every score reason cited costs points
    atMost(step.reasons.length, 4, `${where}: reasons`);
    for (const code of step.reasons) {
      const f = factors.find((x) => x.characteristic.reason === code);
      if (f) below(f.points, f.characteristic.max, `${where}: ${code} is below its maximum`);
    }
  }
  for (const r of step.remedies) {
    if (r.kind === "raise_score") for (const code of r.drivers) is(isReasonCode(code), true, where);
    if ("date" in r) is(r.date, cal.date(r.day), where);
  }
  if (prev) {
    // money only ever accumulates
    atLeast(step.purchases, prev.purchases, where);
    atLeast(step.repayments, prev.repayments, where);
    atLeast(step.charges, prev.charges, where);
    atLeast(step.jiebei.waived, prev.jiebei.waived, where);
  }
  if (step.event.type === "waiver") {
    // a remainder within the tolerance waived: the step says how much, and it is off the balance
    is(step.event.waived > 0, true, where);
    is(step.jiebei.waived - (prev?.jiebei.waived ?? 0), step.event.waived, `${where}: the amount waived`);
    // never more than the tolerance it was within (its fact's threshold): every fen owed counted first
    const tolerance = step.facts[0]?.threshold;
    is(typeof tolerance, "number", `${where}: the tolerance named`);
    atMost(step.event.waived, tolerance ?? 0, `${where}: waived within the tolerance`);
  }
  const decided = step.line === "jiebei" ? step.jiebei : step;
  switch (step.decision) {
    case "suspended":
      is(decided.status, "suspended", where);
      break;
    case "restored":
      is(decided.status, "active", where);
      break;
    case "closed":
      is(decided.status, "closed", where);
      break;
    case "charged_off":
      is(decided.status, "charged_off", where);
      break;
    case "approved":
    case "approved_lower":
      if (step.event.type === "apply") is(decided.status, "active", where);
      break;
    default:
      break;
  }
  if (step.event.type === "purchase" || step.event.type === "borrow") {
    is(step.applied, step.decision === "approved" ? step.event.amount : 0, where);
    // nothing is lent while anything is past due
    if (step.decision === "approved") is(prev?.overdue ?? 0, 0, where);
  }
  if (step.event.type === "repay") {
    atLeast(step.applied, 0, where);
    const was = step.line === "jiebei" ? prev?.jiebei : prev;
    is(decided.repayments - (was?.repayments ?? 0), step.applied, where);
  }
}

describe("engine properties over random timelines", () => {
  it("draw every customer event type (a policy change comes from the tests' own generators)", () => {
    const drawn = new Set(
      fc.sample(customerEvents(day, amount), { numRuns: 3000, seed: 1 }).map((e) => e.type),
    );
    expect(
      EVENT_TYPES.filter((t) => t !== "policy" && !drawn.has(t)),
      "a new event type needs a generator in customerEvents (test/engine/arbitraries.ts)",
    ).toEqual([]);
  });

  it("keep every invariant after every step and at the end of every day", () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const cal = new Calendar(sc.start);
        let prev: Step | undefined;
        let lastDay = -1;
        runEngine(sc, {
          step: (step) => {
            checkStep(step, prev, sc, cal);
            prev = step;
          },
          endOfDay: (snap) => {
            checkSnapshot(snap, `end of day ${snap.day}`);
            if (!(snap.day > lastDay)) expect(snap.day).toBeGreaterThan(lastDay);
            lastDay = snap.day;
          },
        });
        expect(lastDay).toBe(sc.until);
      }),
      // every day of every timeline checked field by field: the costliest property, half the runs
      // (PROPERTY_RUNS raises them all)
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it("keep the balance identity, waivers included, where remainders within the tolerance are carried", () => {
    // small loans repaid in part, a few fen or yuan short, or not at all: remainders within the tolerance
    // are carried from due date to due date and, unpaid after a loan's spare due day, waived
    const waiverArb = fc
      .record({
        start: startDate,
        tolerance: fc.constantFrom(10, 50),
        loans: fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 60 }),
            fen: fc.integer({ min: 100, max: 20_000 }),
            term: fc.constantFrom(3 as const, 6 as const),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        repayments: fc.array(
          fc.record({
            day: fc.integer({ min: 1, max: 300 }),
            amount: fc.oneof(
              fc.integer({ min: 1, max: 3_000 }).map((f) => ({ kind: "amount" as const, fen: f })),
              fc.constant({ kind: "minimum" as const }),
            ),
          }),
          { maxLength: 12 },
        ),
      })
      .map(({ start, tolerance, loans, repayments }) =>
        scenario(
          [
            { day: 0, type: "apply", line: "jiebei", product: "open", amount: 10_000_000 },
            ...loans.map((l) => ({ day: l.day, type: "borrow" as const, amount: l.fen, term: l.term })),
            ...repayments.map((r) => ({
              day: r.day,
              type: "repay" as const,
              line: "jiebei" as const,
              amount: r.amount,
            })),
          ],
          { start, until: 420, policy: testPolicy({ toleranceAmount: tolerance }) },
        ),
      );
    let waivers = 0;
    fc.assert(
      fc.property(waiverArb, (sc) => {
        const cal = new Calendar(sc.start);
        let prev: Step | undefined;
        runEngine(sc, {
          step: (step) => {
            checkStep(step, prev, sc, cal);
            if (step.event.type === "waiver") waivers++;
            prev = step;
          },
          endOfDay: (snap) => checkSnapshot(snap, `end of day ${snap.day}`),
        });
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
    // not a property of nothing: the timelines drawn waive remainders
    expect(waivers).toBeGreaterThan(0);
  });

  it("lend only what is available: an approved purchase or drawdown is within the credit the line had left", () => {
    // the line's available credit as the last snapshot before it left it (a step, or a day's end: nothing
    // between them adds credit — a limit changes only by a step), and Huabei after it within its limit:
    // its whole balance (a balance over the limit, from charges, leaves no credit, and the snapshot's
    // available reads 0 either way: only this says the purchase did not take it there)
    const seen = { huabei: 0, jiebei: 0 };
    fc.assert(
      fc.property(activeScenarioArb, (sc) => {
        let last: Snapshot | undefined;
        runEngine(sc, {
          step: (step) => {
            const lent = step.event.type === "purchase" || step.event.type === "borrow";
            if (lent && step.decision === "approved" && last !== undefined) {
              const jiebei = step.line === "jiebei";
              const before = jiebei ? last.jiebei : last;
              const after = jiebei ? step.jiebei : step;
              const where = `day ${step.day}: ${step.event.type} of ${step.applied} fen`;
              atMost(step.applied, before.available, `${where}: within the credit available before it`);
              if (!jiebei) atMost(after.balance, after.limit, `${where}: within the limit after it`);
              seen[jiebei ? "jiebei" : "huabei"]++;
            }
            last = step;
          },
          endOfDay: (snap) => {
            last = snap;
          },
        });
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
    // not a property of nothing: both lines lend in the timelines drawn
    expect(seen.huabei, JSON.stringify(seen)).toBeGreaterThan(0);
    expect(seen.jiebei, JSON.stringify(seen)).toBeGreaterThan(0);
  });

  it("customer service's waiver is what is waived: the day and the amount, to the fen, while nothing is paid", () => {
    // small loans repaid in part or not at all, customer service asked on random days; and on a day late in
    // the timeline a repayment of all but `left` of the arrears, asked right after: remainders carried to a
    // spare due day are waived when its grace ends, arrears left within the tolerance past a loan's last due
    // day at that day's end
    const quoteArb = fc.record({
      start: startDate,
      tolerance: fc.constantFrom(10, 50),
      loans: fc.array(
        fc.record({ day: fc.integer({ min: 0, max: 40 }), fen: fc.integer({ min: 100, max: 12_000 }) }),
        { minLength: 1, maxLength: 2 },
      ),
      repayments: fc.array(
        fc.record({ day: fc.integer({ min: 1, max: 260 }), fen: fc.integer({ min: 1, max: 6_000 }) }),
        { maxLength: 6 },
      ),
      asks: fc.array(fc.integer({ min: 1, max: 280 }), { maxLength: 4 }),
      // left within the tolerance (10 or 50 fen) half the time: the arrears waived at the end of the day
      // asked are drawn on every seed, not left to the draw (PROPERTY_SEED=9191 drew none in 50 timelines)
      late: fc.record({
        day: fc.integer({ min: 100, max: 260 }),
        left: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 6_000 })),
      }),
    });
    let told = 0;
    let sameDay = 0;
    fc.assert(
      fc.property(quoteArb, ({ start, tolerance, loans, repayments, asks, late }) => {
        const events: EventInput[] = [
          { day: 0, type: "apply", line: "jiebei", product: "open", amount: 10_000_000 },
          ...loans.map((l) => ({ day: l.day, type: "borrow" as const, amount: l.fen, term: 3 as const })),
          ...repayments.map((r) => ({
            day: r.day,
            type: "repay" as const,
            line: "jiebei" as const,
            amount: { kind: "amount" as const, fen: r.fen },
          })),
        ];
        const options = { start, until: 300, policy: testPolicy({ toleranceAmount: tolerance }) };
        const owed = simulate(scenario(events, { ...options, until: late.day - 1 })).final.jiebei.overdue;
        if (owed > late.left)
          events.push({
            day: late.day,
            type: "repay",
            line: "jiebei",
            amount: { kind: "amount", fen: owed - late.left },
          });
        // (after the day's repayments: the events of a day keep their order)
        for (const d of [...asks, late.day]) events.push({ day: d, type: "contact_support" });
        const sc = scenario(events, options);
        const steps = simulate(sc).steps;
        // the days the book changes by the customer's hand
        const paidOn = sc.events.filter((e) => e.type === "repay" || e.type === "borrow").map((e) => e.day);
        steps.forEach((step, i) => {
          if (step.event.type !== "contact_support") return;
          const d = step.day;
          const quote = step.remedies.filter((r) => r.kind === "waived_unless_paid");
          const next = steps.findIndex((s, k) => k > i && s.event.type === "waiver");
          const w = next < 0 ? null : steps[next]!.day;
          const waived = steps
            .filter((s, k) => k > i && s.day === w && s.event.type === "waiver")
            .reduce((sum, s) => sum + (s.event.type === "waiver" ? s.event.waived : 0), 0);
          const where = `asked on day ${d}`;
          const said = quote.map((r) => r.kind === "waived_unless_paid" && [r.day, r.amount]);
          // waived at the end of the day asked (after its events: arrears within the tolerance past a
          // loan's last due day): told so, and not asked for as overdue
          if (w === d) {
            expect(said, where).toEqual([[d, waived]]);
            expect(
              step.remedies.map((r) => r.kind),
              where,
            ).not.toContain("pay_overdue");
            sameDay++;
          }
          const until = quote[0]?.kind === "waived_unless_paid" ? quote[0].day : null;
          // told: waived on the day said, what was said — unless repaid or drawn meanwhile
          if (until === null || until > sc.until || paidOn.some((p) => p > d && p <= until)) return;
          expect(said, where).toEqual([[w, waived]]);
          told++;
        });
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
    // not a property of nothing: waivers are told, arrears waived at the end of the day asked among them
    expect(told).toBeGreaterThan(0);
    expect(sameDay).toBeGreaterThan(0);
  });

  it("whatever the calendar, a customer who stops paying falls overdue: no statement erases a minimum", () => {
    // a grace that runs into the next statement (due on the 22nd, statement on the 25th) once left a
    // revolving bill's minimum undecided when the next statement restarted its cycle: never overdue
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 25 }),
        fc.boolean(),
        (statementDay, dueDay, graceDays, payFirstMinimum) => {
          const policy = testPolicy({ statementDayOfMonth: statementDay, dueDayOfMonth: dueDay, graceDays });
          const cal = new Calendar("2024-01-01");
          const firstDue = cal.nextDayOfMonth(cal.nextDayOfMonth(2, statementDay), dueDay);
          const events: EventInput[] = [
            { day: 0, type: "apply", line: "huabei", product: "open", amount: 500_000 },
            { day: 2, type: "purchase", amount: 100_000, merchant: null, instalments: null },
          ];
          if (payFirstMinimum)
            events.push({ day: firstDue, type: "repay", line: "huabei", amount: { kind: "minimum" } });
          const trace = simulate(scenario(events, { policy, until: 200 }));
          // at the latest: the second statement (≤ 31 days on), its due day (≤ 31 more), the grace
          const latest = firstDue + 31 + 31 + graceDays + 1;
          const overdue = trace.steps.find((x) => x.event.type === "overdue");
          expect(overdue?.day ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(
            payFirstMinimum ? latest : firstDue + graceDays + 1,
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("every user event produces its steps (one per line it decides on), in file order within a day", () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const trace = simulate(sc);
        const userSteps = trace.steps.filter((s) => "index" in s.event);
        const indices = userSteps.map((s) => (s.event as { index: number }).index);
        // an event's steps are adjacent: dropping repeats gives the events in engine order
        const runs = indices.filter((x, i) => i === 0 || x !== indices[i - 1]);
        expect(runs).toEqual(sc.events.map((e) => e.index));
      }),
      { numRuns: RUNS },
    );
  });

  it("is deterministic and does not mutate its input", () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const copy = structuredClone(sc);
        const a = simulate(sc);
        expectEqual(sc, copy);
        const b = simulate(copy);
        expectEqual(b, a);
        expect(JSON.stringify(b.steps)).toBe(JSON.stringify(a.steps));
      }),
      { numRuns: RUNS },
    );
  });

  it("skipping quiet days gives the same steps as visiting every day", () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const skipping = simulate(sc);
        const daily = simulate(sc, { everyDay: true });
        expect(JSON.stringify(daily.steps)).toBe(JSON.stringify(skipping.steps));
        expectEqual(daily.final, skipping.final);
        expectEqual([...daily.snapshots], [...skipping.snapshots]);
      }),
      { numRuns: RUNS },
    );
  });

  it("leaving customer service's answers out (a population run's `answers: false`) changes no decision and no state", () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const states = [true, false].map((answers) =>
          initialState(sc.start, sc.profile, sc.policy, { notices: false, answers }),
        );
        const [withAnswers, without] = states.map((s) => {
          const steps: string[] = [];
          for (let d = 0; d <= sc.until; d++)
            runDay(
              s,
              d,
              sc.events.filter((e) => e.day === d),
              (o) => {
                const v = o.verdict;
                // a call to customer service is a step either way; only its answer is left out
                const decided =
                  o.event.type === "contact_support" ? "answer" : `${v?.decision}:${v?.reasons.join("+")}`;
                steps.push(`${o.day}:${o.event.type}:${o.line}:${decided}`);
              },
            );
          // (and what customer service has worked out: the answer kept to give again, the answers counted)
          const serviceWork = { answered: undefined, answersWorked: undefined, lastWorked: undefined };
          return { steps, state: JSON.stringify({ ...s, answers: undefined, ...serviceWork }, replacer) };
        });
        expectEqual(without!.steps, withAnswers!.steps);
        expect(without!.state).toBe(withAnswers!.state);
      }),
      { numRuns: RUNS },
    );
  });

  /** An active customer who also makes small purchases (random timelines seldom get one approved). */
  const spenderArb = fc
    .tuple(
      activeScenarioArb,
      fc.array(fc.record({ day, amount: fc.integer({ min: 100, max: 100_000 }) }), {
        minLength: 1,
        maxLength: 40,
      }),
    )
    .map(([sc, buys]) =>
      scenario(
        [
          ...sc.events.map(({ index: _, ...e }) => e as EventInput),
          ...buys.map((b) => ({ ...b, type: "purchase" as const, merchant: null, instalments: null })),
        ],
        {
          start: sc.start,
          policy: sc.policy,
          profile: sc.profile,
          until: Math.max(sc.until, ...buys.map((b) => b.day)),
        },
      ),
    );

  it("leaving approved purchases out (a population run's `approvals: false`) changes no other step and no state", () => {
    let left = 0;
    fc.assert(
      fc.property(fc.oneof(scenarioArb, spenderArb), (sc) => {
        const [withApprovals, without] = [true, false].map((approvals) => {
          const s = initialState(sc.start, sc.profile, sc.policy, { notices: false, approvals });
          const steps: string[] = [];
          for (let d = 0; d <= sc.until; d++)
            runDay(
              s,
              d,
              sc.events.filter((e) => e.day === d),
              (o) => {
                const v = o.verdict;
                steps.push(`${o.day}:${o.event.type}:${o.line}:${v?.decision}:${v?.reasons.join("+")}`);
              },
            );
          return { steps, state: JSON.stringify({ ...s, approvals: undefined }, replacer) };
        });
        const approved = (x: string) => /^\d+:purchase:huabei:approved:/.test(x);
        expectEqual(
          without!.steps,
          withApprovals!.steps.filter((x) => !approved(x)),
        );
        expect(without!.steps.some(approved)).toBe(false);
        expect(without!.state).toBe(withApprovals!.state);
        left += withApprovals!.steps.filter(approved).length;
      }),
      { numRuns: RUNS },
    );
    // the scenarios made approved purchases to leave out
    expect(left).toBeGreaterThan(RUNS / 4);
  });

  it("a forked state steps on its own: the original is untouched and resumes to the same trace", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 400 }), (sc, forkDay) => {
        const whole = simulate(sc);
        // run up to the fork day, fork, run the fork to the end with a spoiler event, then the original
        const state = startState(sc, true);
        const steps: StepOutcome[] = [];
        const events = (d: number) => sc.events.filter((e) => e.day === d);
        const cut = Math.min(forkDay, sc.until);
        for (let d = 0; d <= cut; d++) runDay(state, d, events(d), (o) => steps.push(o));
        const before = JSON.stringify(state, replacer);
        const copy = fork(state);
        // an exact copy, every field of the customer, its lines, ledger and book, that shares nothing
        // stepping either one changes
        expect(JSON.stringify(copy, replacer)).toBe(before);
        expect(sharedMutable(state.customer, copy.customer)).toEqual([]);
        for (let d = cut + 1; d <= sc.until; d++)
          runDay(
            copy,
            d,
            [{ day: d, index: 999, type: "purchase", amount: 1, merchant: null, instalments: null }],
            () => {},
          );
        expect(JSON.stringify(state, replacer)).toBe(before);
        for (let d = cut + 1; d <= sc.until; d++) runDay(state, d, events(d), (o) => steps.push(o));
        expect(steps.map((o) => `${o.day}:${o.event.type}:${o.verdict?.decision ?? "-"}`)).toEqual(
          whole.steps.map((s) => `${s.day}:${s.event.type}:${s.decision ?? "-"}`),
        );
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  // The step function is the engine: a driver that gives it every input of every day — the day opening,
  // the engine's own inputs (those whose time has not come do nothing), the customer's events — and
  // nothing else gets the run's every step, to its decision, reasons, facts, remedies and both lines as it
  // left them, and its state at the end. The customer's events go through `transition`, which leaves the
  // state it is given as it was.
  it("stepping every input of every day through the step function is the whole run: every step, the end state", () => {
    fc.assert(
      fc.property(fc.oneof(scenarioArb, activeScenarioArb), (sc) => {
        let s = startState(sc, true);
        const out: StepOutcome[] = [];
        for (let d = 0, ei = 0; d <= sc.until; d++) {
          for (const input of [{ type: "open_day", day: d } as const, ...START_OF_DAY])
            out.push(...step(s, input));
          for (; sc.events[ei]?.day === d; ei++) {
            const was = JSON.stringify(s, replacer);
            const next = transition(s, sc.events[ei]!);
            expect(JSON.stringify(s, replacer)).toBe(was);
            s = next.state;
            out.push(...next.steps);
          }
          for (const input of END_OF_DAY) out.push(...step(s, input));
        }
        let end = "";
        runEngine(sc, { step: () => {}, end: (state) => (end = JSON.stringify(state, replacer)) });
        expect(JSON.stringify(s, replacer)).toBe(end);
        const steps = simulate(sc).steps;
        expect(out.length).toBe(steps.length);
        out.forEach((o, i) => {
          const t = steps[i]!;
          const where = `step ${i}, day ${t.day} ${t.event.type}`;
          const { jiebei, ...huabei } = t;
          const [h, j] = o.lines ?? [];
          expectEqual(
            {
              day: o.day,
              event: o.event,
              line: o.line,
              decision: o.verdict?.decision ?? null,
              reasons: o.verdict?.reasons ?? [],
              facts: o.verdict?.facts ?? [],
              applied: o.applied,
              remedies: o.remedies,
            },
            {
              day: t.day,
              event: t.event,
              line: t.line,
              decision: t.decision,
              reasons: t.reasons,
              facts: t.facts,
              applied: t.applied,
              remedies: t.remedies,
            },
            where,
          );
          if (h !== undefined && j !== undefined) {
            expectEqual(jiebei, j, where);
            for (const [k, v] of Object.entries(h))
              expectEqual(huabei[k as keyof typeof huabei], v, `${where}: ${k}`);
          }
        });
      }),
      {
        numRuns: Math.ceil(RUNS / 10),
        // a call on the last day: the run kept the answer to give again past the day's end, stepped each
        // input forgot it (PROPERTY_SEED=65537)
        examples: [[scenario([on.support(0)], { until: 0 })]],
      },
    );
  });
});

/** The fields (by path) at which two customers hold one and the same object, but for what the engine never
 *  changes in place and a fork shares: policies, the facts and cut on record and a loan's missed instalments
 *  (replaced whole). */
function sharedMutable(a: object, b: object): string[] {
  const IMMUTABLE = new Set([
    "policy",
    "previousPolicy",
    "policyBefore",
    "suspendedUnder",
    "factsOnRecord",
    "blockersNamed",
    "facts",
    "cut",
    // a loan's missed instalments (loans/book.ts `missed`): replaced whole, never changed in place
    "missed",
    // a line's latest declined purchase or drawdown (customer-events.ts): replaced whole, its fields readonly
    "declinedAsk",
    // …and its latest declined application: the same
    "declinedApplication",
  ]);
  const out: string[] = [];
  const walk = (x: unknown, y: unknown, path: string) => {
    if (x === null || typeof x !== "object" || y === null || typeof y !== "object") return;
    if (x === y) {
      out.push(path);
      return;
    }
    for (const [key, value] of Object.entries(x))
      if (!IMMUTABLE.has(key)) walk(value, (y as Record<string, unknown>)[key], `${path}.${key}`);
  };
  walk(a, b, "customer");
  return out;
}

/** JSON of a state: the calendar and the policy objects are shared, immutable, and not compared. */
const replacer = (key: string, value: unknown) => (key === "calendar" ? undefined : value);

// Better behaviour never makes the outcome worse. "Better" here is what no lender would penalise: a bill
// repaid in full instead of at the minimum, one credit application elsewhere fewer, one new debt elsewhere
// fewer, a higher income. The customer meets every due date (a repayment on each due day), and purchases
// are small against the limit: access to credit (a purchase the worse timeline had declined) then cannot
// turn into a delinquency or move utilisation — but it can revolve at the minimum, so timelines whose
// approved purchases differ are left out, and the property is about the rules.
describe("monotonicity", () => {
  /**
   * A better timeline is never suspended where the worse one still had its line. Counting suspensions is
   * not enough: restored where the other was closed, or where the other stayed suspended (its score
   * reached the restoration score, the other's did not), the better line can be suspended again later (new
   * debt elsewhere) while the worse one is still without it — one spell more, and fewer days without the
   * line. So a suspension counts against a timeline only when it begins on a day the other's line is
   * active at the day's end, up to the day the worse one was closed; and the better one is never closed
   * sooner — but for an unused line (docs/model/score.md, "Monotone": the unused line's exception): paying in
   * full leaves nothing owed, and a line with nothing owed and no use for `dormantCloseDays` is closed
   * (DORMANT_ACCOUNT) where one still revolving a balance at the minimum is in use. That closure is the
   * lender's housekeeping of a line the customer does not use, not a judgement of credit: the better
   * one's is not counted.
   */
  function expectNoMoreSuspensions(base: Trace, better: Trace): void {
    const closedOn = (t: Trace, unused = true) =>
      t.steps.find(
        (s) =>
          (s.decision === "closed" && (unused || !s.reasons.includes("DORMANT_ACCOUNT"))) ||
          s.decision === "charged_off",
      )?.day ?? Number.POSITIVE_INFINITY;
    /** The line's status at the end of `day`, as its last step on or before it left it. */
    const statusOn = (t: Trace, line: Step["line"], day: number) => {
      let status = "none";
      for (const s of t.steps) {
        if (s.day > day) break;
        if (s.line === line) status = s.status;
      }
      return status;
    };
    const fresh = (t: Trace, other: Trace, by = Number.POSITIVE_INFINITY) =>
      t.steps.filter(
        (s) => s.decision === "suspended" && s.day <= by && statusOn(other, s.line, s.day) === "active",
      ).length;
    expect(fresh(better, base, closedOn(base))).toBeLessThanOrEqual(fresh(base, better));
    expect(closedOn(better, false)).toBeGreaterThanOrEqual(closedOn(base));
  }

  const small = fc.integer({ min: 100, max: 10_000 }); // ¥1–¥100 on a ¥20,000 line
  const habit = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        day,
        type: fc.constant("purchase" as const),
        amount: small,
        merchant: fc.constant(null),
        instalments: fc.constant(null),
      }),
    },
    { weight: 1, arbitrary: fc.record({ day, type: fc.constant("external_inquiry" as const) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        day,
        type: fc.constant("external_debt" as const),
        amount: fc.integer({ min: 100_000, max: 5_000_000 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        day,
        type: fc.constant("income" as const),
        // and incomes too low for any line (the smallest line needs ¥250 a month under `default`, ¥334 under
        // `tightened`): the review suspends for it, and must leave no more credit than a higher income's cut
        monthlyIncome: fc.oneof(
          { weight: 3, arbitrary: fc.integer({ min: 2_000, max: 30_000 }) },
          { weight: 1, arbitrary: fc.integer({ min: 0, max: 400 }) },
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        day,
        type: fc.constant("apply" as const),
        line: fc.constant("huabei" as const),
        product: fc.constant("increase" as const),
        amount: fc.integer({ min: 100_000, max: 500_000 }),
      }),
    },
  );
  // every due date of the 14 months (the 10th), met in full, at the statement amount or at the minimum
  const KINDS = ["minimum", "statement", "full"] as const;
  const DUE_DAYS = Array.from({ length: 14 }, (_, m) =>
    Math.round((Date.UTC(2024, m + 1, 10) - Date.UTC(2024, 0, 1)) / 86_400_000),
  );
  // Huabei opened on day 0, asked for ¥20,000 (every world's account), and a full repayment of it on a day
  const OPEN_HUABEI: EventInput = {
    day: 0,
    type: "apply",
    line: "huabei",
    product: "open",
    amount: 2_000_000,
  };
  const repayFull = (day: number): EventInput => ({
    day,
    type: "repay",
    line: "huabei",
    amount: { kind: "full" },
  });
  // two worlds, so that one change cannot make the other count twice: either every bill is repaid in full
  // and the burdens vary (better: one fewer, or more income), or only the repayments vary (better: one in
  // full instead of at the minimum) — a line that is suspended in one timeline and not in the other would
  // otherwise bill purchases in one and not the other, and a bill paid at the minimum is a revolving record
  const purchasesOnly = habit.filter((h) => h.type === "purchase");
  // applications are left out of the first world: which of two asks is granted depends on timing (one fewer
  // inquiry can grant the earlier, smaller ask and put the later, larger one in its cooldown)
  const burdens = habit.filter((h) => h.type !== "apply");
  const timeline = fc.oneof(
    fc.record({
      habits: fc.array(burdens, { maxLength: 40 }),
      repayKinds: fc.constant(Array.from({ length: 14 }, () => "full" as const)),
      policy: fc.constantFrom(DEFAULT_POLICY, TIGHTENED_POLICY),
      pick: fc.nat(),
    }),
    fc.record({
      habits: fc.array(purchasesOnly, { maxLength: 30 }),
      repayKinds: fc.array(fc.constantFrom(...KINDS), { minLength: 14, maxLength: 14 }),
      policy: fc.constantFrom(DEFAULT_POLICY, TIGHTENED_POLICY),
      pick: fc.nat(),
    }),
  );

  function events(habits: readonly EventInput[], kinds: readonly (typeof KINDS)[number][]): EventInput[] {
    const repays: EventInput[] = DUE_DAYS.map((d, m) => ({
      day: d,
      type: "repay",
      line: "huabei",
      amount: { kind: kinds[m] ?? "full" },
    }));
    return [OPEN_HUABEI, ...habits, ...repays];
  }

  /** The days of a trace's approved purchases: timelines whose purchases differ are left out, as access to
   *  credit changes the balances (a purchase the suspended timeline had declined, revolved at the minimum,
   *  costs the other its revolving record). */
  const spent = (t: Trace): string =>
    t.steps
      .filter((s) => s.event.type === "purchase" && s.decision === "approved")
      .map((s) => s.day)
      .join();

  /** The final score's points without Huabei activity's (the scorecard's own breakdown of the last day's
   *  end, before the 350–950 bounds): the rest of the score. */
  const pointsBesidesActivity = (t: Trace): number =>
    explain(t.final.inputs!).reduce((n, f) => n + (f.characteristic.id === "purchases90d" ? 0 : f.points), 0);

  /**
   * Better behaviour never ends with a lower score — but for the activity window's exception (docs/model/score.md,
   * "Monotone"): the days the lender kept Huabei from purchases are skipped, so a purchase counts for longer
   * on a line suspended since, and the worse customer, suspended for it, can keep an activity bin the better
   * one's window lost (PROPERTY_SEED=613281947: 818 against 815, one purchase against none, 20 points
   * against 10). Then, and only then, the scores are compared without activity's points: everything else
   * still may not fall. (`until` must be observed: the final snapshot's inputs are read.)
   */
  /** The better timeline ends no worse — no more suspensions, no lower score (expectNoLowerScore), no lower
   *  limit where both lines are active — unless their approved purchases differ (spent). */
  function expectNoWorse(base: Trace, better: Trace): void {
    if (spent(base) !== spent(better)) return;
    expectNoMoreSuspensions(base, better);
    expectNoLowerScore(base, better);
    if (better.final.status === "active" && base.final.status === "active")
      expect(better.final.limit).toBeGreaterThanOrEqual(base.final.limit);
  }

  function expectNoLowerScore(base: Trace, better: Trace): void {
    if (keptFromPurchases(base))
      expect(pointsBesidesActivity(better), "the score besides activity").toBeGreaterThanOrEqual(
        pointsBesidesActivity(base),
      );
    else expect(better.final.score).toBeGreaterThanOrEqual(base.final.score);
  }

  /** The same timeline, one thing better: the picked event improved or (for burdens) removed. */
  function better(all: readonly EventInput[], pick: number): EventInput[] | null {
    const candidates = all.flatMap((e, i) =>
      (e.type === "repay" && e.amount.kind !== "full") ||
      e.type === "external_inquiry" ||
      e.type === "external_debt" ||
      e.type === "income"
        ? [i]
        : [],
    );
    if (candidates.length === 0) return null;
    const at = candidates[pick % candidates.length]!;
    const e = all[at]!;
    if (e.type === "repay") return all.map((x, i) => (i === at ? { ...e, amount: { kind: "full" } } : x));
    if (e.type === "income")
      return all.map((x, i) => (i === at ? { ...e, monthlyIncome: e.monthlyIncome + 5_000 } : x));
    return all.filter((_, i) => i !== at);
  }

  /** Huabei's status at the end of `day`, as the last step on or before it left it. */
  const huabeiOn = (t: Trace, day: number): string => {
    let status = "none";
    for (const s of t.steps) {
      if (s.day > day) break;
      status = s.status;
    }
    return status;
  };

  // A third world, where repayments come late (some past the grace, some past the overdue trigger) and the
  // burdens vary: one fewer application elsewhere, debt elsewhere or a higher income. Every repayment is in
  // full, so paying late never pays more than paying on time would (a `minimum` in arrears pays all of it),
  // and timelines whose approved purchases differ are left out (access to credit changes the balances).
  it("with late repayments too, fewer burdens never cost more days without the line or a lower limit", () => {
    const lateness = fc.array(fc.constantFrom(0, 2, 5, 12, 25, 35, 40), { minLength: 14, maxLength: 14 });
    // heavy debt elsewhere too: scores that fall below every limit band are where a rule can invert
    const heavy = fc.oneof(
      burdens,
      fc.record({
        day: fc.integer({ min: 0, max: 200 }),
        type: fc.constant("external_debt" as const),
        amount: fc.integer({ min: 1_000_000, max: 4_000_000 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(heavy, { maxLength: 30 }),
        lateness,
        fc.constantFrom(DEFAULT_POLICY, TIGHTENED_POLICY),
        fc.nat(),
        (habits, late, policy, pick) => {
          const all: EventInput[] = [
            OPEN_HUABEI,
            ...habits,
            ...DUE_DAYS.map(
              (d, m): EventInput => ({
                day: d + (late[m] ?? 0),
                type: "repay",
                line: "huabei",
                amount: { kind: "full" },
              }),
            ),
          ];
          // the burdens only, as better() picks them. A purchase is no burden: making or trying one is
          // activity, which the scorecard rewards by design (one declined while suspended too: docs/model/score.md,
          // "Facts about the customer"), and as approved purchases must match, one removed here was declined.
          // Seed 160489969 removed a ¥1.00 purchase declined on day 16 on a line suspended for debt: 10
          // points less activity, so at the review of day 105 it scored 710 against 720, below
          // `tightened`'s reduceLimitScore (720), and its ¥9,000 was cut to the band's ¥3,000 (a cut comes
          // back only through an increase) while the other kept ¥9,000 — less activity, not better behaviour
          const fewer = all.flatMap((e, i) =>
            e.type === "external_inquiry" || e.type === "external_debt" || e.type === "income" ? [i] : [],
          );
          if (fewer.length === 0) return;
          const at = fewer[pick % fewer.length]!;
          const e = all[at]!;
          const improved =
            e.type === "income"
              ? all.map((x, i) => (i === at ? { ...e, monthlyIncome: e.monthlyIncome + 5_000 } : x))
              : all.filter((_, i) => i !== at);
          const options = { policy, until: 480, profile: { monthlyIncome: 6_000, creditHistoryMonths: 12 } };
          const base = simulate(scenario(all, options));
          const alt = simulate(scenario(improved, options));
          if (spent(base) !== spent(alt)) return;
          // days without the line (suspended, or closed by the lender): a count of suspensions is not
          // monotone here — a customer with less debt is restored sooner, and new debt elsewhere may
          // suspend the line again, where the other stayed suspended until the lender closed it
          const withoutLine = (t: typeof base) => {
            let days = 0;
            for (let i = 0; i < t.steps.length; i++) {
              const s = t.steps[i]!;
              const next = t.steps[i + 1]?.day ?? t.until + 1;
              if (s.status === "suspended" || (s.status === "closed" && s.cause !== "customer"))
                days += next - s.day;
            }
            return days;
          };
          expect(withoutLine(alt)).toBeLessThanOrEqual(withoutLine(base));
          // the restoration's exception (docs/model/score.md, "Monotone"): a line restored while the other's is
          // still suspended is restored at the score of that day, held to what it can keep once used
          // (LIMIT_KEPT_ONCE_USED), and that cut stays; the other, restored later at a higher score, may
          // keep more. Sooner at less: then, and only then, its days without the line are fewer instead
          // (PROPERTY_SEED=9014: ¥10,000 less elsewhere, restored on day 166 at ¥2,900 where the other was
          // restored on day 196 at ¥3,000)
          const soonerAtLess = alt.steps.some(
            (s) =>
              s.line === "huabei" &&
              s.decision === "restored" &&
              s.reasons.includes("LIMIT_KEPT_ONCE_USED") &&
              huabeiOn(base, s.day) !== "active",
          );
          if (alt.final.status === "active" && base.final.status === "active") {
            if (!soonerAtLess) expect(alt.final.limit).toBeGreaterThanOrEqual(base.final.limit);
            else if (alt.final.limit < base.final.limit)
              expect(withoutLine(alt)).toBeLessThan(withoutLine(base));
          }
        },
      ),
      {
        // cheap runs (a few ms each), and the cases that matter (a score below every band) are rare
        numRuns: RUNS * 5,
        examples: [
          // ¥10,000 of debt elsewhere fewer (of ¥97,000) on ¥6,000 a month, the first two bills 35 and 25
          // days late: 681 instead of 673 at the review of day 45, so suspended by the overdue trigger on
          // day 70 rather than at that review, and restored on day 166 at ¥2,900 — kept once used — where
          // the other, restored on day 196, keeps ¥3,000 (PROPERTY_SEED=9014)
          [
            [
              { day: 0, type: "external_debt", amount: 1_650_785 },
              { day: 0, type: "external_inquiry" },
              { day: 0, type: "external_debt", amount: 4_355_651 },
              { day: 0, type: "external_debt", amount: 1_000_000 },
              { day: 0, type: "external_debt", amount: 2_693_565 },
              { day: 0, type: "purchase", amount: 2_001, merchant: null, instalments: null },
              { day: 0, type: "purchase", amount: 8_000, merchant: null, instalments: null },
              { day: 197, type: "purchase", amount: 100, merchant: null, instalments: null },
            ],
            [35, 25, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 5, 5],
            DEFAULT_POLICY,
            // picks the ¥10,000 (the fourth of the five burdens)
            3,
          ],
          // ¥5,000 a month reported on day 0 instead of ¥0 (¥26,138 from day 15 either way), ¥105,500 owed
          // elsewhere: at the review of day 14 the better customer's 645 cuts ¥12,000 to its band's ¥3,000
          // (not given back: its own worsening); the worse one's 535 suspended the line and cut it to the
          // smallest line for the income — a cut for a constraint, which the review of day 105 gave back
          // whole, to ¥12,000, though the band (below every band: the lowest's, ¥3,000) had cut it too. A
          // give-back returns no more than the band held at the cut (PROPERTY_SEED=105138411)
          [
            [
              { day: 0, type: "external_debt", amount: 1_000_000 },
              { day: 0, type: "external_debt", amount: 1_000_000 },
              { day: 0, type: "external_debt", amount: 1_000_000 },
              { day: 0, type: "external_debt", amount: 2_610_391 },
              { day: 0, type: "external_debt", amount: 2_967_155 },
              { day: 0, type: "income", monthlyIncome: 0 },
              { day: 0, type: "external_debt", amount: 1_922_455 },
              { day: 46, type: "purchase", amount: 100, merchant: null, instalments: null },
              { day: 15, type: "income", monthlyIncome: 26_138 },
            ],
            [5, 40, 25, 5, 40, 5, 35, 2, 12, 2, 40, 35, 12, 35],
            DEFAULT_POLICY,
            // picks the income of ¥0 on day 0 (the sixth of the eight burdens)
            5,
          ],
        ],
      },
    );
  });

  // A fourth world: some bills are missed and repaid in full days later (within the month, before the
  // overdue trigger). Better: the minimum paid on the due day as well. Balances at each month end are the
  // same either way (the full repayment clears both), so only the record differs — and meeting a due date
  // at the minimum must never score below missing it.
  it("paying the minimum on the due day never scores below missing the due date", () => {
    fc.assert(
      fc.property(
        fc.array(purchasesOnly, { maxLength: 30 }),
        fc.array(fc.constantFrom(0, 5, 12), { minLength: 14, maxLength: 14 }),
        fc.constantFrom(DEFAULT_POLICY, TIGHTENED_POLICY),
        fc.nat(),
        (habits, late, policy, pick) => {
          const repays = (withMinimum: number): EventInput[] =>
            DUE_DAYS.flatMap((d, m): EventInput[] => {
              const full = repayFull(d + (late[m] ?? 0));
              return m === withMinimum
                ? [{ day: d, type: "repay", line: "huabei", amount: { kind: "minimum" } }, full]
                : [full];
            });
          const lateMonths = late.flatMap((l, m) => (l > 0 ? [m] : []));
          if (lateMonths.length === 0) return;
          const m = lateMonths[pick % lateMonths.length]!;
          const options = { policy, until: 430, profile: { monthlyIncome: 15_000, creditHistoryMonths: 36 } };
          const base = simulate(scenario([OPEN_HUABEI, ...habits, ...repays(-1)], options));
          const alt = simulate(scenario([OPEN_HUABEI, ...habits, ...repays(m)], options));
          expectNoMoreSuspensions(base, alt);
          expect(alt.final.score).toBeGreaterThanOrEqual(base.final.score);
        },
      ),
      { numRuns: RUNS },
    );
  });

  // Jiebei's tolerance at its edge: an instalment repaid a fen more (¥10.00 unpaid against ¥10.01, and every
  // shortfall near it), the rest of the loan paid as asked or not at all, never ends with more due dates
  // missed, more days past due or a lower score — nor, the rest paid, a larger balance.
  it("a Jiebei instalment repaid a fen more never ends worse, around the tolerance's edge too", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2_000, max: 300_000 }),
        fc.constantFrom(3 as const, 6 as const),
        fc.oneof(fc.integer({ min: 990, max: 1_010 }), fc.integer({ min: 1, max: 3_000 })),
        fc.boolean(),
        (fen, term, short, paysOn) => {
          const policy = testPolicy({ toleranceAmount: 10 });
          const events: EventInput[] = [
            { day: 0, type: "apply", line: "jiebei", product: "open", amount: 10_000_000 },
            { day: 5, type: "borrow", amount: fen, term },
          ];
          const first = simulate(scenario(events, { policy, until: 40 }));
          const due = first.steps.find((st) => st.event.type === "due" && st.event.line === "jiebei");
          if (due === undefined || due.event.type !== "due" || due.event.due <= short) return;
          const dueDay = due.day;
          const asked = due.event.due;
          const rest: EventInput[] = paysOn
            ? [1, 2, 3, 4, 5, 6, 7].map((m) => ({
                day: dueDay + 31 * m,
                type: "repay",
                line: "jiebei",
                amount: { kind: "minimum" },
              }))
            : [];
          const paying = (fenShort: number) =>
            simulate(
              scenario(
                [
                  ...events,
                  {
                    day: dueDay,
                    type: "repay",
                    line: "jiebei",
                    amount: { kind: "amount", fen: asked - fenShort },
                  },
                  ...rest,
                ],
                { policy, until: 400 },
              ),
            );
          const worse = paying(short);
          const better = paying(short - 1);
          const missed = (t: ReturnType<typeof simulate>) =>
            stepsOverdue(t).length + (t.steps.at(-1)?.inputs.missedDues12m ?? 0);
          expect(missed(better)).toBeLessThanOrEqual(missed(worse));
          expect(better.final.jiebei.overdueDays).toBeLessThanOrEqual(worse.final.jiebei.overdueDays);
          // left unpaid, a balance charged off sooner stops bearing charges sooner: the balance is compared
          // where the rest is paid as asked
          if (paysOn) expect(better.final.jiebei.balance).toBeLessThanOrEqual(worse.final.jiebei.balance);
          expect(better.final.score).toBeGreaterThanOrEqual(worse.final.score);
        },
      ),
      { numRuns: RUNS },
    );
  });

  // Another world, the lender's plainest better behaviour: the same full repayment one day sooner — the
  // other worlds move burdens, kinds of repayment or a minimum beside a late one, never a repayment's day.
  // A bill every month, each repaid in full, most within the grace; the one moved is 4 days late (3: within
  // the grace, no missed due date), 5 or 32 (a day less past due), with debt and applications elsewhere
  // beside it. About one comparison in five ends with different scores (seed 1: 42 of 197); timelines whose
  // approved purchases differ are left out, as in the other worlds.
  it("the same full repayment a day sooner never ends with more suspensions, a lower limit or a lower score", () => {
    const lateness = fc.array(fc.constantFrom(0, 0, 0, 0, 0, 2, 3, 12), { minLength: 14, maxLength: 14 });
    const debt = fc.record({
      day: fc.integer({ min: 0, max: 420 }),
      type: fc.constant("external_debt" as const),
      amount: fc.integer({ min: 100_000, max: 4_000_000 }),
    });
    const inquiry = fc.record({
      day: fc.integer({ min: 0, max: 420 }),
      type: fc.constant("external_inquiry" as const),
    });
    fc.assert(
      fc.property(
        // a bill every month (a purchase a few days before each statement), so that every late repayment
        // is one: ¥1–¥3,000 on a ¥20,000 ask
        fc.array(fc.integer({ min: 100, max: 300_000 }), { minLength: 14, maxLength: 14 }),
        fc.array(fc.oneof(debt, inquiry), { maxLength: 8 }),
        lateness,
        // the one moved: its day past the grace's last (4 to 3 days late: no missed due date), or one
        // further in, within the overdue (5 or 32 days late)
        fc.integer({ min: 2, max: 13 }),
        fc.constantFrom(4, 4, 4, 5, 32),
        fc.constantFrom(DEFAULT_POLICY, TIGHTENED_POLICY),
        fc.constantFrom(
          { monthlyIncome: 6_000, creditHistoryMonths: 12 },
          { monthlyIncome: 4_000, creditHistoryMonths: 0 },
        ),
        (bills, burdens, lateness, m, moved, policy, profile) => {
          const late = lateness.map((l, i) => (i === m ? moved : l));
          const purchases = bills.map(
            (amount, i): EventInput => ({
              day: DUE_DAYS[i]! - 14,
              type: "purchase",
              amount,
              merchant: null,
              instalments: null,
            }),
          );
          const paid = DUE_DAYS[m]! + late[m]!;
          // moved before a purchase it paid, it would pay less: none is moved across one
          if (purchases.some((p) => p.day === paid || p.day === paid - 1)) return;
          const repays = (sooner: number): EventInput[] =>
            DUE_DAYS.map((d, i) => repayFull(d + (late[i] ?? 0) - (i === sooner ? 1 : 0)));
          const options = { policy, until: 480, profile, observe: [480] };
          const base = simulate(scenario([OPEN_HUABEI, ...purchases, ...burdens, ...repays(-1)], options));
          const alt = simulate(scenario([OPEN_HUABEI, ...purchases, ...burdens, ...repays(m)], options));
          expectNoWorse(base, alt);
        },
      ),
      { numRuns: RUNS },
    );
  });

  // A fifth world, the article's second cause: changes of bound details, some close enough together to lay a
  // security hold, verifications now and then, every bill repaid in full (some late). Better: one change
  // fewer. A hold never verified closes the line, so the worse customer's Huabei may be kept from purchases
  // for months: the activity window's exception (expectNoLowerScore) is the only gap allowed.
  it("one change of bound details fewer never ends with more suspensions, a lower limit or a lower score", () => {
    const change = fc.record({
      // half of them within one month, so that three in 30 days (a hold) are common
      day: fc.oneof(day, fc.integer({ min: 150, max: 180 })),
      type: fc.constant("change_profile" as const),
      field: fc.constantFrom(...PROFILE_FIELDS),
    });
    fc.assert(
      fc.property(
        fc.array(purchasesOnly, { maxLength: 15 }),
        fc.array(change, { minLength: 1, maxLength: 8 }),
        fc.array(fc.record({ day, type: fc.constant("verify_identity" as const) }), { maxLength: 2 }),
        fc.array(fc.constantFrom(0, 0, 2, 5, 12, 35), { minLength: 14, maxLength: 14 }),
        fc.constantFrom(DEFAULT_POLICY, TIGHTENED_POLICY),
        fc.nat(),
        (purchases, changes, verifications, late, policy, pick) => {
          const repays = DUE_DAYS.map((d, m) => repayFull(d + (late[m] ?? 0)));
          const fewer = changes.filter((_, i) => i !== pick % changes.length);
          const options = {
            policy,
            until: 480,
            profile: { monthlyIncome: 15_000, creditHistoryMonths: 36, verified: true },
            observe: [480],
          };
          const base = simulate(
            scenario([OPEN_HUABEI, ...purchases, ...changes, ...verifications, ...repays], options),
          );
          const alt = simulate(
            scenario([OPEN_HUABEI, ...purchases, ...fewer, ...verifications, ...repays], options),
          );
          expectNoWorse(base, alt);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("better behaviour from the same start never ends with more suspensions, a lower limit or a lower score", () => {
    fc.assert(
      fc.property(
        timeline,
        // a file with history, and a thin one (its clean record is "no record yet" for six month ends),
        // read at a year and a bit, and within the thin months
        fc.constantFrom(
          { monthlyIncome: 15_000, creditHistoryMonths: 36 },
          { monthlyIncome: 4_000, creditHistoryMonths: 0 },
        ),
        fc.constantFrom(100, 430),
        ({ habits, repayKinds, policy, pick }, profile, until) => {
          const all = events(habits, repayKinds);
          const improved = better(all, pick);
          if (improved === null) return;
          const options = { policy, until, profile, observe: [until] };
          const base = simulate(scenario(all, options));
          const alt = simulate(scenario(improved, options));
          expectNoWorse(base, alt);
        },
      ),
      {
        numRuns: RUNS,
        // a thin file suspended on day 14 under `tightened`: with ¥10,000 of income from day 15 instead of
        // ¥5,000 its score reaches the restoration score by day 45 and new debt elsewhere suspends it again
        // on day 74, while the other line stays suspended throughout — two suspensions against one
        examples: [
          // the unused line's exception (PROPERTY_SEED=7): a ¥1.00 purchase on day 0, the first bill repaid in
          // full rather than at the minimum, leaves nothing owed from day 40 — the line, never used again, is
          // closed as unused on day 411 (DORMANT_ACCOUNT), while the other still revolves pennies at the
          // minimum and is in use (expectNoMoreSuspensions)
          [
            {
              habits: [{ day: 0, type: "purchase", amount: 100, merchant: null, instalments: null }],
              repayKinds: [
                ...Array.from({ length: 7 }, () => "minimum" as const),
                "full",
                "full",
                ...Array.from({ length: 5 }, () => "minimum" as const),
              ],
              policy: DEFAULT_POLICY,
              pick: 0,
            },
            { monthlyIncome: 15_000, creditHistoryMonths: 36 },
            430,
          ],
          [
            {
              habits: [
                { day: 15, type: "purchase", amount: 100, merchant: null, instalments: null },
                { day: 0, type: "external_debt", amount: 100_000 },
                { day: 15, type: "income", monthlyIncome: 5_000 },
                { day: 46, type: "external_inquiry" },
                { day: 46, type: "external_debt", amount: 500_001 },
              ],
              repayKinds: Array.from({ length: 14 }, () => "full" as const),
              policy: TIGHTENED_POLICY,
              pick: 13,
            },
            { monthlyIncome: 4_000, creditHistoryMonths: 0 },
            100,
          ],
          // a thin file under `tightened`: the worse one (the first bill at its minimum) is suspended on day
          // 105 and its ¥1.00 purchase of day 182 declined; the better one's is approved and revolved at the
          // minimum, so its revolving record ends it 12 points lower (seed 995947864: access to credit, not a rule)
          [
            {
              habits: [
                { day: 182, type: "purchase", amount: 100, merchant: null, instalments: null },
                { day: 0, type: "purchase", amount: 1228, merchant: null, instalments: null },
                { day: 213, type: "purchase", amount: 1022, merchant: null, instalments: null },
              ],
              repayKinds: [
                "minimum",
                "minimum",
                "full",
                "minimum",
                "minimum",
                "minimum",
                "minimum",
                "minimum",
                "full",
                "minimum",
                "minimum",
                "minimum",
                "minimum",
                "minimum",
              ],
              policy: TIGHTENED_POLICY,
              pick: 0,
            },
            { monthlyIncome: 4_000, creditHistoryMonths: 0 },
            430,
          ],
          // the activity window's exception (seed 613281947): with ¥19,147.69 more debt elsewhere the thin file
          // is suspended again on day 349, restored on day 380, and its ¥52.31 purchase of day 315 still counts
          // on day 430 (818: 20 points of activity), where the other's left the 90 days (815: 10 points)
          [
            {
              habits: [
                { day: 0, type: "external_debt", amount: 1_920_001 },
                { day: 0, type: "external_debt", amount: 1_914_769 },
                { day: 315, type: "purchase", amount: 5231, merchant: null, instalments: null },
              ],
              repayKinds: Array.from({ length: 14 }, () => "full" as const),
              policy: TIGHTENED_POLICY,
              pick: 1_387_018_237,
            },
            { monthlyIncome: 4_000, creditHistoryMonths: 0 },
            430,
          ],
        ],
      },
    );
  });

  // The burst trigger counts the day's attempts, approved or declined, so the exclusion above (approved
  // purchases must match) is not needed for it: with a few large purchases asked on one day, a better
  // timeline — more credit available, the same attempts — is held for them only where the worse one is
  // held too, or has no line left to hold (closed, charged off, or already held for security).
  it("the same large attempts on one day hold the better timeline only where they hold the worse one", () => {
    const burst = fc.record({
      day: fc.integer({ min: 20, max: 400 }),
      amounts: fc.array(fc.integer({ min: 100_000, max: 1_500_000 }), { minLength: 3, maxLength: 5 }),
    });
    /** Huabei's status and cause at the start of `day`: what its last step before it left. */
    const before = (t: Trace, day: number): { status: string; cause: string | null } => {
      let last: { status: string; cause: string | null } = { status: "none", cause: null };
      for (const s of t.steps) {
        if (s.day >= day) break;
        if (s.line === "huabei") last = { status: s.status, cause: s.cause };
      }
      return last;
    };
    const holds = (t: Trace): number[] =>
      t.steps
        .filter((s) => s.decision === "suspended" && s.reasons.includes("UNUSUAL_TRANSACTIONS"))
        .map((s) => s.day);
    let held = 0;
    fc.assert(
      fc.property(timeline, burst, ({ habits, repayKinds, policy, pick }, b) => {
        const attempts: EventInput[] = b.amounts.map((amount) => ({
          day: b.day,
          type: "purchase",
          amount,
          merchant: null,
          instalments: null,
        }));
        const all = [...events(habits, repayKinds), ...attempts].sort((x, y) => x.day - y.day);
        const improved = better(all, pick);
        if (improved === null) return;
        const options = { policy, until: 430, profile: { monthlyIncome: 15_000, creditHistoryMonths: 36 } };
        const base = simulate(scenario(all, options));
        const alt = simulate(scenario(improved, options));
        const worse = holds(base);
        for (const d of holds(alt)) {
          held++;
          if (worse.includes(d)) continue;
          const w = before(base, d);
          expect(
            w.status === "closed" ||
              w.status === "charged_off" ||
              (w.status === "suspended" && w.cause === "security"),
            `held on day ${d} where the worse timeline (${w.status}, ${w.cause}) was not`,
          ).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    // the random timelines meet bursts: the property is not vacuous
    expect(held).toBeGreaterThan(0);
  });
});

/** A trace's overdue steps on Jiebei. */
function stepsOverdue(t: Trace): Step[] {
  return t.steps.filter((s) => s.event.type === "overdue" && s.event.line === "jiebei");
}
