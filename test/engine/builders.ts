// Builders for engine tests: small scenarios written in code, run through the pure engine.
// Amounts are given in yuan (as a user writes them) and converted to fen here.

import { fileURLToPath } from "node:url";
import { Calendar } from "../../src/engine/calendar.js";
import { type RunOptions, simulate } from "../../src/engine/simulate.js";
import type {
  InstalmentTerm,
  LineId,
  LoanTerm,
  Policy,
  PolicyParams,
  Profile,
  ProfileField,
  Scenario,
  ScenarioEvent,
  Step,
  StepEvent,
  Trace,
} from "../../src/engine/types.js";
import { loadPolicy } from "../../src/scenario/load-policy.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The shipped default policy, as the loader reads it. */
export const DEFAULT_POLICY: Policy = loadPolicy("default", ROOT);
export const TIGHTENED_POLICY: Policy = loadPolicy("tightened", ROOT);

/**
 * A policy the test controls: the default mechanics (statement on the 1st, due on the 10th, review on the
 * 15th…) with every score threshold at the bottom of the range and no eligibility limits, so an account
 * opens at the limit it asks for. A test then tightens exactly the rule it is about.
 */
export function testPolicy(overrides: Partial<PolicyParams> = {}, name = "test"): Policy {
  return {
    ...DEFAULT_POLICY,
    name,
    description: "test policy",
    minOpenScore: 350,
    minIncreaseScore: 350,
    minScore: 350,
    reduceLimitScore: 350,
    restoreScore: 350,
    restoreCleanDays: 0,
    maxApplications30d: 100,
    maxDebtToIncome: 1000,
    // the grant judged on the file as it is (its inquiry counted): the grant's own rule's tests set it
    grantUsedFraction: 0,
    requireVerified: false,
    maxLimitIncomeMultiple: 1000,
    minLimit: 0,
    // the rules' tests use amounts of a few yuan: the tolerance service has tests of its own
    toleranceAmount: 0,
    // lines opened and left for a year close unused: that rule has tests of its own (dormant.test.ts)
    dormantCloseDays: 0,
    // nor is an increase asked the line's use (increaseUsedWithinDays): its tests are in dormant.test.ts
    increaseUsedWithinDays: 0,
    limitBands: [{ minScore: 350, maxLimit: 100_000 }],
    statementDayOfMonth: 1,
    dueDayOfMonth: 10,
    reviewDayOfMonth: 15,
    graceDays: 3,
    penaltyRatePerDay: 0.0005,
    revolvingRatePerDay: 0.0005,
    minRepaymentRate: 0.1,
    suspendOverdueDays: 30,
    securityMaxChanges: 2,
    securityWindowDays: 30,
    // the rules' tests spend a line in a few purchases freely: the burst trigger's tests set it
    burstMinTransactions: 0,
    burstFractionOfLimits: 0.9,
    burstLargeFraction: 0.1,
    // nor in a purchase the day a bound detail changed: the takeover trigger's tests set it
    takeoverWindowDays: 0,
    takeoverFractionOfLimits: 0.5,
    closeAfterSuspendedDays: 180,
    reviewRequestCooldownDays: 30,
    delinquentMinScore: 350,
    thinFileMaxLimit: 1_000_000,
    increaseCooldownDays: 0,
    increaseCleanDays: 0,
    chargeOffDays: 180,
    jiebeiMinOpenScore: 350,
    jiebeiMinIncreaseScore: 350,
    jiebeiMinScore: 350,
    jiebeiRestoreScore: 350,
    jiebeiMaxDebtToIncome: 1000,
    jiebeiMaxInstalmentToIncome: 100,
    jiebeiMaxLimitIncomeMultiple: 1000,
    jiebeiMinLimit: 0,
    jiebeiMinDrawdown: 0,
    jiebeiLimitBands: [{ minScore: 350, maxLimit: 1_000_000 }],
    ...overrides,
  };
}

const fen = (yuan: number): number => Math.round(yuan * 100);

type WithoutIndex<T> = T extends unknown ? Omit<T, "index"> : never;
export type EventInput = WithoutIndex<ScenarioEvent>;

/** Event constructors: `on.purchase(3, 1200.5)` is "day 3, buy for 1,200.50 yuan". */
export const on = {
  open: (day: number, yuan: number, line: LineId = "huabei"): EventInput => ({
    day,
    type: "apply",
    line,
    product: "open",
    amount: fen(yuan),
  }),
  increase: (day: number, yuan: number, line: LineId = "huabei"): EventInput => ({
    day,
    type: "apply",
    line,
    product: "increase",
    amount: fen(yuan),
  }),
  purchase: (
    day: number,
    yuan: number,
    merchant: string | null = null,
    instalments: InstalmentTerm | null = null,
  ): EventInput => ({
    day,
    type: "purchase",
    amount: fen(yuan),
    merchant,
    instalments,
  }),
  borrow: (day: number, yuan: number, term: LoanTerm): EventInput => ({
    day,
    type: "borrow",
    amount: fen(yuan),
    term,
  }),
  repay: (
    day: number,
    amount: number | "full" | "statement" | "minimum",
    line: LineId = "huabei",
  ): EventInput => ({
    day,
    type: "repay",
    line,
    amount: typeof amount === "number" ? { kind: "amount", fen: fen(amount) } : { kind: amount },
  }),
  close: (day: number, line: LineId = "huabei"): EventInput => ({ day, type: "close", line }),
  externalRepayment: (day: number, yuan: number): EventInput => ({
    day,
    type: "external_repayment",
    amount: fen(yuan),
  }),
  change: (day: number, field: ProfileField = "phone"): EventInput => ({
    day,
    type: "change_profile",
    field,
  }),
  externalDebt: (day: number, yuan: number): EventInput => ({
    day,
    type: "external_debt",
    amount: fen(yuan),
  }),
  externalInquiry: (day: number): EventInput => ({ day, type: "external_inquiry" }),
  income: (day: number, monthlyIncome: number): EventInput => ({ day, type: "income", monthlyIncome }),
  policy: (day: number, change: { use?: Policy; set?: Partial<PolicyParams> }): EventInput => ({
    day,
    type: "policy",
    use: change.use ?? null,
    set: change.set ?? {},
  }),
  support: (day: number): EventInput => ({ day, type: "contact_support" }),
  verify: (day: number): EventInput => ({ day, type: "verify_identity" }),
  requestReview: (day: number, line: LineId | null = null): EventInput => ({
    day,
    type: "request_review",
    line,
  }),
  note: (day: number, text = "note"): EventInput => ({ day, type: "note", text }),
};

/** A ¥2,000 Huabei used once and repaid, minScore raised to 830 on day 60 — a thin file's line is suspended
 *  at the review on day 74 — and customer service asked on day 80 (the score-step tests' thin file). */
export const THIN_FILE_SUSPENDED: readonly EventInput[] = [
  on.open(0, 2_000),
  on.purchase(3, 300),
  on.repay(35, "full"),
  on.policy(60, { set: { minScore: 830 } }),
  on.support(80),
];

export interface ScenarioOptions {
  name?: string;
  start?: string;
  until?: number;
  seed?: number;
  policy?: Policy;
  profile?: Partial<Profile>;
  observe?: number[];
}

const DEFAULT_PROFILE: Profile = {
  age: 30,
  monthlyIncome: 10_000,
  verified: true,
  creditHistoryMonths: 36,
  externalDebt: 0,
};

/** An engine Scenario: events sorted by day, same-day events in the order given (as the loader does). */
export function scenario(events: readonly EventInput[], options: ScenarioOptions = {}): Scenario {
  const indexed = events.map((e, index) => ({ ...e, index }) as ScenarioEvent);
  indexed.sort((a, b) => a.day - b.day || a.index - b.index);
  const lastDay = Math.max(0, ...indexed.map((e) => e.day));
  return {
    name: options.name ?? "test",
    description: "",
    start: options.start ?? "2024-01-01",
    until: options.until ?? lastDay + 31,
    seed: options.seed ?? 1,
    policy: options.policy ?? testPolicy(),
    profile: { ...DEFAULT_PROFILE, ...options.profile },
    events: indexed,
    observe: options.observe ?? [],
  };
}

export function run(
  events: readonly EventInput[],
  options: ScenarioOptions = {},
  runOptions: RunOptions = {},
): Trace {
  return simulate(scenario(events, options), runOptions);
}

/** The steps of one kind (user event type or engine step type), optionally on one day. */
export function stepsOf<T extends StepEvent["type"]>(
  trace: Trace,
  type: T,
  day?: number,
): Array<Step & { event: Extract<StepEvent, { type: T }> }> {
  return trace.steps.filter(
    (s): s is Step & { event: Extract<StepEvent, { type: T }> } =>
      s.event.type === type && (day === undefined || s.day === day),
  );
}

/** The one step of a kind on a day; fails the test when there is not exactly one. */
export function stepOn<T extends StepEvent["type"]>(
  trace: Trace,
  type: T,
  day: number,
): Step & { event: Extract<StepEvent, { type: T }> } {
  const found = stepsOf(trace, type, day);
  if (found.length !== 1) {
    const days = stepsOf(trace, type).map((s) => s.day);
    throw new Error(
      `expected one ${type} step on day ${day}, found ${found.length} (${type} on days ${days})`,
    );
  }
  return found[0]!;
}

/** The last step on or before a day: the state a reader sees at the end of that day. */
export function stateOn(trace: Trace, day: number): Step {
  const s = [...trace.steps].reverse().find((x) => x.day <= day);
  if (!s) throw new Error(`no step on or before day ${day}`);
  return s;
}

/** The score the engine gives this profile on day 0 before any event (a note does not move it). */
export function baselineScore(options: ScenarioOptions = {}): number {
  return run([on.note(0)], options).steps[0]!.score;
}

/**
 * A test policy under which a line opens and is suspended for its score at the first review once the
 * customer applies for credit elsewhere (`applicationsElsewhere`, on a day before the review): `minScore`
 * is the highest at which the opening is still granted — an opening is judged on the file the review will
 * read once the line is used (its own inquiry counted, the line reported in full: src/engine/grant.ts), so
 * on unchanged facts no review takes back the line it opened. Three applications elsewhere cost more than
 * that margin, and more than a purchase's activity gains back.
 */
export function scoreFallsAfterOpening(overrides: Partial<PolicyParams> = {}): Policy {
  const opens = (minScore: number) =>
    stepOn(run([on.open(0, 1_000)], { policy: testPolicy({ minScore }) }), "apply", 0).decision ===
    "approved";
  let lo = 350;
  let hi = 1000;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (opens(mid)) lo = mid;
    else hi = mid - 1;
  }
  return testPolicy({ minScore: lo, ...overrides });
}

/** Three applications for credit elsewhere on `day`: what takes a score below scoreFallsAfterOpening's
 *  minimum. */
export const applicationsElsewhere = (day = 1): EventInput[] => [
  on.externalInquiry(day),
  on.externalInquiry(day),
  on.externalInquiry(day),
];

const DEFAULT_CALENDAR = new Calendar("2024-01-01");

/** Days from `from` to `to` that fall on the given day of the month, on the scenarios' default start. */
export function daysOfMonth(dom: number, from: number, to: number): number[] {
  const out: number[] = [];
  for (let d = from; d <= to; d++) if (DEFAULT_CALENDAR.civil(d).day === dom) out.push(d);
  return out;
}
