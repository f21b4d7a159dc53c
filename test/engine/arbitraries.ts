// Random customer events for the property tests: every event type but a policy change (whose policies a
// test chooses), on days and amounts the test gives; and whole random timelines built from them.

import fc from "fast-check";
import { formatIsoDate, parseIsoDate } from "../../src/engine/calendar.js";
import type { Policy, PolicyParams, Scenario } from "../../src/engine/types.js";
import { DEFAULT_POLICY, type EventInput, scenario, TIGHTENED_POLICY, testPolicy } from "./builders.js";

/** An amount in fen as a limit is asked: whole hundreds of yuan, at least ¥100. */
const wholeHundreds = (fen: number): number => Math.max(1, Math.round(fen / 10_000)) * 10_000;

export function customerEvents(
  day: fc.Arbitrary<number>,
  amount: fc.Arbitrary<number>,
): fc.Arbitrary<EventInput> {
  const line = fc.constantFrom("huabei" as const, "jiebei" as const);
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        day,
        type: fc.constant("apply" as const),
        line,
        product: fc.constantFrom("open" as const, "increase" as const),
        // a limit is asked in whole hundreds of yuan, as a file must ask it
        amount: amount.map(wholeHundreds),
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        day,
        type: fc.constant("purchase" as const),
        amount,
        merchant: fc.constantFrom(null, "Taobao"),
        instalments: fc.constantFrom(null, null, null, 3 as const, 6 as const, 9 as const, 12 as const),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        day,
        type: fc.constant("borrow" as const),
        amount,
        term: fc.constantFrom(3 as const, 6 as const, 12 as const),
      }),
    },
    { weight: 1, arbitrary: fc.record({ day, type: fc.constant("close" as const), line }) },
    { weight: 1, arbitrary: fc.record({ day, type: fc.constant("external_repayment" as const), amount }) },
    {
      weight: 5,
      arbitrary: fc.record({
        day,
        type: fc.constant("repay" as const),
        line,
        amount: fc.oneof(
          amount.map((fen) => ({ kind: "amount" as const, fen })),
          fc.constantFrom(
            { kind: "full" as const },
            { kind: "statement" as const },
            { kind: "minimum" as const },
          ),
        ),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        day,
        type: fc.constant("change_profile" as const),
        field: fc.constantFrom("phone" as const, "address" as const, "device" as const, "bankcard" as const),
      }),
    },
    { weight: 1, arbitrary: fc.record({ day, type: fc.constant("external_debt" as const), amount }) },
    { weight: 1, arbitrary: fc.record({ day, type: fc.constant("external_inquiry" as const) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        day,
        type: fc.constant("income" as const),
        monthlyIncome: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 })),
      }),
    },
    { weight: 1, arbitrary: fc.record({ day, type: fc.constant("contact_support" as const) }) },
    { weight: 1, arbitrary: fc.record({ day, type: fc.constant("verify_identity" as const) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        day,
        type: fc.constant("request_review" as const),
        line: fc.constantFrom(null, "huabei" as const, "jiebei" as const),
      }),
    },
    { weight: 1, arbitrary: fc.record({ day, type: fc.constant("note" as const), text: fc.string() }) },
  );
}

export const day = fc.integer({ min: 0, max: 400 });
export const amount = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 200_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5_000_000 }) },
);

const bands = fc.array(
  fc.record({
    minScore: fc.integer({ min: 350, max: 950 }),
    maxLimit: fc.integer({ min: 0, max: 100_000 }),
  }),
  { minLength: 1, maxLength: 4 },
);

const policySet: fc.Arbitrary<Partial<PolicyParams>> = fc.record(
  {
    minOpenScore: fc.integer({ min: 350, max: 950 }),
    minIncreaseScore: fc.integer({ min: 350, max: 950 }),
    minScore: fc.integer({ min: 350, max: 950 }),
    reduceLimitScore: fc.integer({ min: 350, max: 950 }),
    restoreScore: fc.integer({ min: 350, max: 950 }),
    restoreCleanDays: fc.integer({ min: 0, max: 200 }),
    maxApplications30d: fc.integer({ min: 0, max: 10 }),
    graceDays: fc.integer({ min: 0, max: 27 }),
    penaltyRatePerDay: fc.double({ min: 0, max: 0.1, noNaN: true }),
    revolvingRatePerDay: fc.double({ min: 0, max: 0.1, noNaN: true }),
    minRepaymentRate: fc.double({ min: 0, max: 1, noNaN: true }),
    suspendOverdueDays: fc.integer({ min: 1, max: 120 }),
    securityMaxChanges: fc.integer({ min: 0, max: 5 }),
    securityWindowDays: fc.integer({ min: 1, max: 120 }),
    burstMinTransactions: fc.integer({ min: 0, max: 6 }),
    burstFractionOfLimits: fc.double({ min: 0, max: 1.2, noNaN: true }),
    burstLargeFraction: fc.double({ min: 0, max: 0.5, noNaN: true }),
    takeoverWindowDays: fc.integer({ min: 0, max: 5 }),
    takeoverFractionOfLimits: fc.double({ min: 0, max: 1.2, noNaN: true }),
    statementDayOfMonth: fc.integer({ min: 1, max: 31 }),
    dueDayOfMonth: fc.integer({ min: 1, max: 31 }),
    reviewDayOfMonth: fc.integer({ min: 1, max: 31 }),
    closeAfterSuspendedDays: fc.integer({ min: 1, max: 400 }),
    reviewRequestCooldownDays: fc.integer({ min: 0, max: 60 }),
    maxDebtToIncome: fc.double({ min: 0, max: 5, noNaN: true }),
    grantUsedFraction: fc.constantFrom(0, 0.5, 1),
    requireVerified: fc.boolean(),
    maxLimitIncomeMultiple: fc.double({ min: 0, max: 20, noNaN: true }),
    minLimit: fc.integer({ min: 0, max: 5_000 }),
    limitBands: bands,
    delinquentMinScore: fc.integer({ min: 350, max: 950 }),
    thinFileMaxLimit: fc.integer({ min: 0, max: 100_000 }),
    increaseCooldownDays: fc.integer({ min: 0, max: 200 }),
    increaseCleanDays: fc.integer({ min: 0, max: 400 }),
    maxIncreaseUtilisation: fc.double({ min: 0, max: 1, noNaN: true }),
    chargeOffDays: fc.integer({ min: 30, max: 720 }),
    instalmentFee3: fc.double({ min: 0, max: 0.5, noNaN: true }),
    instalmentFee12: fc.double({ min: 0, max: 0.5, noNaN: true }),
    jiebeiMinOpenScore: fc.integer({ min: 350, max: 950 }),
    jiebeiMinScore: fc.integer({ min: 350, max: 950 }),
    jiebeiRestoreScore: fc.integer({ min: 350, max: 950 }),
    jiebeiMaxDebtToIncome: fc.double({ min: 0, max: 5, noNaN: true }),
    jiebeiLimitBands: bands,
    jiebeiRatePerDay: fc.double({ min: 0, max: 0.1, noNaN: true }),
    jiebeiPenaltyRatePerDay: fc.double({ min: 0, max: 0.1, noNaN: true }),
    // none, the convention's ¥10, and one wide enough that remainders are carried and waived often
    toleranceAmount: fc.constantFrom(0, 10, 1_000),
  },
  { requiredKeys: [] },
);

const basePolicy: fc.Arbitrary<Policy> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(DEFAULT_POLICY) },
  { weight: 1, arbitrary: fc.constant(TIGHTENED_POLICY) },
  { weight: 5, arbitrary: fc.constant(testPolicy()) },
  { weight: 3, arbitrary: policySet.map((set) => testPolicy(set, "random")) },
);

const line = fc.constantFrom("huabei" as const, "jiebei" as const);

const event: fc.Arbitrary<EventInput> = fc.oneof(
  { weight: 30, arbitrary: customerEvents(day, amount) },
  {
    weight: 1,
    arbitrary: fc.record({
      day,
      type: fc.constant("policy" as const),
      use: fc.constantFrom(null, DEFAULT_POLICY, TIGHTENED_POLICY),
      set: policySet,
    }),
  },
);

const START_MIN = parseIsoDate("1990-01-01")!;
const START_MAX = parseIsoDate("2100-12-31")!;
/** Any day 0 from 1990 to 2100. */
export const startDate = fc.integer({ min: START_MIN, max: START_MAX }).map(formatIsoDate);

/** Most timelines open an account on day 0, so the rest of the events have a credit line to act on. */
const opening = fc.option(
  fc.record({
    day: fc.constant(0),
    type: fc.constant("apply" as const),
    line,
    product: fc.constant("open" as const),
    amount: fc.integer({ min: 100_000, max: 5_000_000 }).map(wholeHundreds),
  }),
  { freq: 6 },
);

/** A random timeline: most open a line on day 0; any policy, profile and calendar. */
export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    opening,
    events: fc.array(event, { maxLength: 60 }),
    start: fc.integer({ min: START_MIN, max: START_MAX }).map(formatIsoDate),
    extraDays: fc.integer({ min: 0, max: 60 }),
    policy: basePolicy,
    profile: fc.record({
      age: fc.integer({ min: 18, max: 100 }),
      monthlyIncome: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 })),
      verified: fc.boolean(),
      creditHistoryMonths: fc.integer({ min: 0, max: 1200 }),
      externalDebt: fc.integer({ min: 0, max: 100_000_000 }),
    }),
    observe: fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 5 }),
  })
  .map(({ opening, events: rest, start, extraDays, policy, profile, observe }) => {
    const events = opening === null ? rest : [opening, ...rest];
    const last = Math.max(0, ...events.map((e) => e.day));
    const until = last + extraDays;
    return scenario(events, { start, policy, profile, until, observe: observe.filter((d) => d <= until) });
  });

/**
 * A customer with a record and both lines open from day 0, who mostly spends, borrows and repays: random
 * timelines seldom reach deep into the ledgers (several loans paid ahead, instalment plans, a closure's
 * acceleration), these do.
 */
export const activeScenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    events: fc.array(
      fc.oneof(
        { weight: 6, arbitrary: customerEvents(day, amount).filter((e) => e.type !== "apply") },
        {
          weight: 4,
          arbitrary: fc.record({
            day,
            type: fc.constant("borrow" as const),
            amount: fc.integer({ min: 50_000, max: 2_000_000 }),
            term: fc.constantFrom(3 as const, 6 as const, 12 as const),
          }),
        },
        {
          weight: 6,
          arbitrary: fc.record({
            day,
            type: fc.constant("repay" as const),
            line: fc.constantFrom("huabei" as const, "jiebei" as const),
            amount: fc.oneof(
              fc.integer({ min: 1, max: 1_000_000 }).map((fen) => ({ kind: "amount" as const, fen })),
              fc.constantFrom(
                { kind: "full" as const },
                { kind: "statement" as const },
                { kind: "minimum" as const },
              ),
            ),
          }),
        },
      ),
      { maxLength: 40 },
    ),
    start: fc.integer({ min: START_MIN, max: START_MAX }).map(formatIsoDate),
    extraDays: fc.integer({ min: 0, max: 200 }),
    // a few large purchases and drawdowns on one day: random days seldom put three on one, and the burst
    // trigger (a security hold) is met only so
    burst: fc.option(
      fc.record({
        day,
        amounts: fc.array(fc.integer({ min: 500_000, max: 4_000_000 }), { minLength: 2, maxLength: 8 }),
      }),
      { freq: 2 },
    ),
    policy: fc.oneof(
      fc.constant(DEFAULT_POLICY),
      fc.constant(testPolicy()),
      policySet.map((set) => testPolicy(set, "random")),
    ),
  })
  .map(({ events: spread, burst, start, extraDays, policy }) => {
    const bursty: EventInput[] = (burst?.amounts ?? []).map((amount, i) =>
      i % 2 === 0
        ? { day: burst!.day, type: "purchase", amount, merchant: null, instalments: null }
        : { day: burst!.day, type: "borrow", amount, term: 3 },
    );
    const rest = [...spread, ...bursty].sort((a, b) => a.day - b.day);
    const open: EventInput[] = [
      { day: 0, type: "apply", line: "huabei", product: "open", amount: 2_000_000 },
      { day: 0, type: "apply", line: "jiebei", product: "open", amount: 5_000_000 },
    ];
    const until = Math.max(0, ...rest.map((e) => e.day)) + extraDays;
    const profile = { monthlyIncome: 20_000, creditHistoryMonths: 36, verified: true };
    return scenario([...open, ...rest], { start, policy, profile, until });
  });
