// @module-tag property
// Debt advice is a promise with numbers in it: "repay these amounts by this day, or report this income, to
// bring total debt / annual income to at most this at that review" — the first review that can restore the
// line, whatever else stands in the way (a clean period: that wait is said first). A customer suspended for
// the debt burden who does exactly that — the amounts, or the income, on the call or on the last day the
// advice allows, and nothing else but each bill and instalment met at its minimum — finds the ratio that
// review reads within the cap, and the line restored there unless a score or an income the answer asks for
// beside still holds it: never a clean period still running.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIMIT_CAP_CODES } from "../../src/engine/index.js";
import { simulate } from "../../src/engine/simulate.js";
import type { Remedy, Step, Trace } from "../../src/engine/types.js";
import type { LineId } from "../../src/engine/vocabulary.js";
import { describeRemedy } from "../../src/scenario/format/remedy-text.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { DEFAULT_POLICY, type EventInput, on, type ScenarioOptions, scenario } from "./builders.js";

const RUNS = propertyRuns(100);

type DebtAdvice = Extract<Remedy, { kind: "reduce_debt" }>;

/** `events` with the minimum of every bill and instalment falling due after `from` repaid on its due day
 *  (as many rounds as new due days appear), but none in `missed` — run until `until`. The rounds run
 *  without customer service's answers (an answer decides nothing: the same due days, decisions and facts,
 *  properties.test.ts), worked out again on each run they were most of this file's time; `answers` gives
 *  the last run's, for the call the advice is read from. */
function meetingDues(
  events: readonly EventInput[],
  sc: Pick<ScenarioOptions, "policy" | "profile">,
  from: number,
  until: number,
  missed: (day: number) => boolean = () => false,
  answers = false,
): { trace: Trace; dues: EventInput[] } {
  const dues: EventInput[] = [];
  const run = (withAnswers: boolean) =>
    simulate(scenario([...events, ...dues], { policy: sc.policy, profile: sc.profile, until }), {
      answers: withAnswers,
    });
  for (;;) {
    const trace = run(false);
    const more = trace.steps
      .filter((s) => s.event.type === "due" && s.day >= from && !missed(s.day))
      .filter((s) => !dues.some((d) => d.day === s.day && d.type === "repay" && d.line === s.line))
      .map((s): EventInput => on.repay(s.day, "minimum", s.line ?? "huabei"));
    if (more.length === 0) return { trace: answers ? run(true) : trace, dues };
    dues.push(...more);
  }
}

/** Two lines, a cash loan, some spending; then the debt burden passes a cap — the income falls or debt
 *  elsewhere grows — a bill or an instalment is perhaps missed for a while, and the customer calls. */
const drawn = fc.record({
  income: fc.integer({ min: 3_000, max: 20_000 }),
  externalDebt: fc.integer({ min: 0, max: 25_000 }),
  huabei: fc.integer({ min: 1_000, max: 10_000 }),
  jiebei: fc.integer({ min: 5_000, max: 50_000 }),
  // the share of the Jiebei line borrowed, and the loan's term
  borrowed: fc.integer({ min: 30, max: 95 }),
  term: fc.constantFrom(6 as const, 12 as const),
  // the day the loan is taken: its instalments fall due on that day of each month
  borrowDay: fc.integer({ min: 1, max: 28 }),
  // purchases on Huabei, so many days before the call (a balance the coming report shows)
  spend: fc.array(
    fc.record({ before: fc.integer({ min: 1, max: 90 }), yuan: fc.integer({ min: 50, max: 2_000 }) }),
    { maxLength: 4 },
  ),
  shockDay: fc.integer({ min: 30, max: 100 }),
  // the income falls to this share (%) of itself
  incomeTo: fc.integer({ min: 20, max: 60 }),
  moreDebt: fc.option(fc.integer({ min: 5_000, max: 60_000 }), { freq: 2 }),
  // due dates left unpaid from so many days before the call, for `missDays` (0: none)
  miss: fc.integer({ min: 10, max: 80 }),
  missDays: fc.constantFrom(0, 8, 15, 30, 45),
  // the call: a day of a month from April to July (2024) — before the month's review day or after it
  month: fc.constantFrom(91, 121, 152, 182),
  dayOfMonth: fc.integer({ min: 0, max: 27 }),
  // the repayments made on the call, or on the last day the advice allows
  late: fc.boolean(),
  // the income the advice names followed instead of its repayments, when it names one
  byIncome: fc.boolean(),
  reviewDayOfMonth: fc.integer({ min: 1, max: 28 }),
  restoreCleanDays: fc.constantFrom(0, 30, 90),
  maxDebtToIncome: fc.constantFrom(1, 2),
  jiebeiMaxDebtToIncome: fc.constantFrom(0.8, 1),
});

type Drawn = typeof drawn extends fc.Arbitrary<infer T> ? T : never;

/** A drawn timeline as the property runs it: its events up to the call, its profile and policy. */
function timeline({ month, dayOfMonth, ...d }: Drawn) {
  const g = { ...d, contact: month + dayOfMonth };
  const events: EventInput[] = [
    on.open(0, g.huabei),
    on.open(0, g.jiebei, "jiebei"),
    on.borrow(g.borrowDay, Math.floor((g.jiebei * g.borrowed) / 100), g.term),
  ];
  for (const p of g.spend) events.push(on.purchase(Math.max(1, g.contact - p.before), p.yuan));
  events.push(on.income(g.shockDay, Math.floor((g.income * g.incomeTo) / 100)));
  if (g.moreDebt !== null) events.push(on.externalDebt(g.shockDay, g.moreDebt));
  return {
    ...g,
    events: events.filter((e) => e.day < g.contact),
    missed: (d: number) => d >= g.contact - g.miss && d < g.contact - g.miss + g.missDays,
    profile: {
      monthlyIncome: g.income,
      verified: true,
      creditHistoryMonths: 48,
      externalDebt: g.externalDebt * 100,
    },
    policy: {
      ...DEFAULT_POLICY,
      reviewDayOfMonth: g.reviewDayOfMonth,
      restoreCleanDays: g.restoreCleanDays,
      maxDebtToIncome: g.maxDebtToIncome,
      jiebeiMaxDebtToIncome: g.jiebeiMaxDebtToIncome,
      // the drawn loans are the debt the advice is about, many of them more a month than the instalment cap
      // lends (its own tests: instalment-to-income.test.ts)
      jiebeiMaxInstalmentToIncome: 100,
    },
  };
}

type Case = ReturnType<typeof timeline>;

/** The advice as the customer's events: what the answer asks paid on the call (an overdue, what is due), its
 *  repayments on `day`, and the income it is worked out at (asked for beside), reported that day. */
function followed(
  remedies: readonly Remedy[],
  r: DebtAdvice,
  call: number,
  day: number,
  byIncome = false,
): EventInput[] {
  const out: EventInput[] = remedies.flatMap((x): EventInput[] =>
    x.kind === "pay_overdue" || x.kind === "pay_due"
      ? [{ day: call, type: "repay", line: x.line, amount: { kind: "amount", fen: x.amount } }]
      : [],
  );
  // the income instead of the repayments: reported on `day`
  if (byIncome) return [...out, on.income(day, r.income!)];
  for (const p of r.repay ?? [])
    out.push(
      p.debt === "elsewhere"
        ? { day, type: "external_repayment", amount: p.amount }
        : { day, type: "repay", line: p.debt, amount: { kind: "amount", fen: p.amount } },
    );
  if (r.atIncome !== undefined) out.push(on.income(day, r.atIncome));
  return out;
}

/** What holds a line for its score, at the review or once the line restored is used. */
const SCORE_HOLDS = [
  "SCORE_BELOW_RESTORE",
  "SCORE_BELOW_LIMIT_BANDS",
  "LIMIT_BELOW_MINIMUM",
  "LIMIT_KEPT_ONCE_USED",
  "SCORE_BELOW_MINIMUM",
  "PAST_DUE_AT_REVIEW",
];

/** What a review names against a line that only the answer's other steps clear: a score it asks for, an
 *  income it asks for — and the closure it warns of. Never a clean period: the advice is for a review after
 *  it. */
function namedElsewhere(remedies: readonly Remedy[], line: LineId, review: number): Set<string> {
  const named = new Set<string>(["NOT_RESTORED_YET"]);
  for (const r of remedies) {
    if (r.line !== line) continue;
    // (the score the line restored and used would read: LIMIT_KEPT_ONCE_USED and the score's facts)
    if (r.kind === "raise_score") for (const c of SCORE_HOLDS) named.add(c);
    if (r.kind === "report_income") named.add("INCOME_BELOW_SMALLEST_LINE");
    // the closure it warns that review makes unless the line is restored by then
    if (r.kind === "closure_due" && r.day === review) named.add("LONG_SUSPENSION");
  }
  return named;
}

/** Huabei's limit after the last step of `day` in `t`. */
const stateLimit = (t: Trace, day: number): number => t.steps.filter((s) => s.day === day).at(-1)!.limit;

/** The review of `line` on `day` in `t`. */
const reviewOf = (t: Trace, line: LineId, day: number): Step | undefined =>
  t.steps.find((s) => s.day === day && s.line === line && s.event.type === "review");

/** A Jiebei instalment overdue at a call on day 191, its clean period running to day 221 (after the next
 *  review): the review that can restore the line is day 226's, which reads the report of day 212 — ¥451
 *  spent on Huabei (a ¥600 line) since the last — and the bill of day 213 met at its minimum
 *  (PROPERTY_SEED=9132). */
const SEED_9132: Drawn = {
  income: 3_000,
  externalDebt: 8_905,
  huabei: 1_000,
  jiebei: 5_000,
  borrowed: 90,
  term: 6,
  borrowDay: 1,
  spend: [{ before: 5, yuan: 451 }],
  shockDay: 30,
  incomeTo: 33,
  moreDebt: null,
  miss: 10,
  missDays: 8,
  month: 182,
  dayOfMonth: 9,
  late: false,
  byIncome: false,
  reviewDayOfMonth: 14,
  restoreCleanDays: 30,
  maxDebtToIncome: 1,
  jiebeiMaxDebtToIncome: 0.8,
};

/** Huabei active at a call on day 91, suspended by the review of day 110 for its score (its limit cut to
 *  ¥3,000 there) and restored by the review of day 201 that Jiebei's debt advice is for, before Jiebei is
 *  reviewed (PROPERTY_SEED=666705817). */
const SEED_666705817: Drawn = {
  income: 5_167,
  externalDebt: 3_806,
  huabei: 3_137,
  jiebei: 44_260,
  borrowed: 70,
  term: 6,
  borrowDay: 20,
  spend: [
    { before: 9, yuan: 1_890 },
    { before: 9, yuan: 647 },
    { before: 32, yuan: 574 },
    { before: 61, yuan: 98 },
  ],
  shockDay: 30,
  incomeTo: 33,
  moreDebt: 5_005,
  miss: 11,
  missDays: 45,
  month: 91,
  dayOfMonth: 0,
  late: false,
  byIncome: false,
  reviewDayOfMonth: 20,
  restoreCleanDays: 90,
  maxDebtToIncome: 2,
  jiebeiMaxDebtToIncome: 0.8,
};

describe("debt advice, followed exactly", () => {
  it("brings the ratio the named review reads within the cap, and restores the line there unless another step named holds it", () => {
    const seen = {
      advised: 0,
      restored: 0,
      heldElsewhere: 0,
      late: 0,
      byIncome: 0,
      waited: 0,
      laterReview: 0,
      overdue: 0,
      onHuabei: 0,
    };
    fc.assert(
      fc.property(drawn, (d: Drawn) => {
        const g: Case = timeline(d);
        const opts = { policy: g.policy, profile: g.profile };
        const { trace: before, dues } = meetingDues(
          [...g.events, on.support(g.contact)],
          opts,
          0,
          g.contact,
          g.missed,
          true,
        );
        const answer = before.steps.find((s) => s.event.type === "contact_support")!;
        const advice = answer.remedies.filter(
          (r): r is DebtAdvice =>
            r.kind === "reduce_debt" &&
            r.repay !== null &&
            r.repay.length > 0 &&
            (r.line === "huabei" ? answer.status : answer.jiebei.status) === "suspended",
        );
        // one line's advice at a time (the other's steps are not followed)
        const r = advice[0];
        if (r === undefined) return;
        seen.advised++;
        if (r.missed !== null) seen.laterReview++;
        if (answer.remedies.some((x) => x.kind === "pay_overdue")) seen.overdue++;
        if (answer.balance > 0) seen.onHuabei++;
        const onLines = r.repay!.some((p) => p.debt !== "elsewhere");
        // the income instead, when one is named: for the next review when the repayments count only at a
        // later one (that review reads the report on record)
        const byIncome = g.byIncome && r.income !== null;
        if (byIncome) seen.byIncome++;
        const review = byIncome && r.missed !== null ? r.missed.day : r.review.day;
        // the wait comes first: the advice is for the review the answer says is the first that can restore
        // the line — after its clean period — and, when only time keeps the next one from restoring it,
        // that wait is said before what to do by then
        const clean = answer.remedies.find((x) => x.line === r.line && x.kind === "keep_clean_until");
        const wait = answer.remedies.find((x) => x.line === r.line && x.kind === "wait_for_review");
        if (clean?.kind === "keep_clean_until")
          expect(r.review.day, `the advice is for a review after the clean period`).toBeGreaterThanOrEqual(
            clean.day,
          );
        if (r.missed === null && wait?.kind === "wait_for_review") {
          expect(r.review.day, `the advice's review is the first that can restore`).toBe(wait.day);
          if (wait.later) {
            seen.waited++;
            expect(answer.remedies.indexOf(wait), `the wait said first`).toBeLessThan(
              answer.remedies.indexOf(r),
            );
          }
        }
        // the last day the advice allows: the month-end report it names for a repayment on a line; debt
        // elsewhere counts the day it is repaid, and an income the day it is reported, at the review at the
        // latest (before it, on its day)
        const by = !byIncome && onLines && r.report !== null ? r.report.day : review;
        const day = g.late ? by : g.contact;
        if (day !== g.contact) seen.late++;
        const { trace: t } = meetingDues(
          [
            ...g.events,
            ...dues,
            on.support(g.contact),
            ...followed(answer.remedies, r, g.contact, day, byIncome),
          ],
          opts,
          g.contact + 1,
          review,
        );
        const where = `advice on day ${g.contact}, followed on day ${day}${byIncome ? " (the income)" : ""}: ${JSON.stringify(r)}`;
        // restored already by an earlier review: the advice did no harm
        if (t.steps.some((s) => s.line === r.line && s.decision === "restored" && s.day < review)) return;
        const at = reviewOf(t, r.line, review);
        expect(at, `a review of ${r.line} on the day named; ${where}`).toBeDefined();
        // restored (perhaps lower than the line was: what a larger line used would read is said beside)
        if (at!.decision === "restored") {
          seen.restored++;
          return;
        }
        const ratio = at!.facts.find((f) => f.code === "DEBT_TO_INCOME_TOO_HIGH");
        expect(ratio?.value, `the ratio the review reads; ${where}`).toBeUndefined();
        seen.heldElsewhere++;
        const named = namedElsewhere(answer.remedies, r.line, review);
        // (a limit cut the review makes beside — line management reaches a suspended line — holds nothing)
        const holding = at!.facts.map((f) => f.code).filter((c) => !LIMIT_CAP_CODES.has(c));
        expect(
          holding.filter((c) => !named.has(c)),
          `held at the review named by nothing the answer names: ${JSON.stringify(at!.facts)}; ${where}`,
        ).toEqual([]);
      }),
      {
        numRuns: RUNS,
        examples: [
          // Liu Yang's story (scenarios/two-lines.yaml), near enough: ¥20,000 elsewhere on ¥10,000 a month,
          // a ¥45,000 cash loan on a ¥50,000 Jiebei line, the pay cut to ¥2,800, an instalment missed, ¥120
          // on Huabei, a call on 5 May. The advice for the review of 15 June asked for the ¥120 on Huabei
          // (counted at its ¥5,600 limit whatever it owes) and none of Jiebei's interest until that review:
          // followed on 31 May, the ratio read 1.005 against 1.00
          [
            {
              income: 10_000,
              externalDebt: 20_000,
              huabei: 6_000,
              jiebei: 50_000,
              borrowed: 90,
              term: 12,
              borrowDay: 20,
              spend: [{ before: 20, yuan: 300 }],
              shockDay: 95,
              incomeTo: 28,
              moreDebt: null,
              miss: 14,
              missDays: 8,
              month: 121,
              dayOfMonth: 4,
              late: true,
              byIncome: false,
              reviewDayOfMonth: 15,
              restoreCleanDays: 90,
              maxDebtToIncome: 2,
              jiebeiMaxDebtToIncome: 1,
            },
          ],
          // the income for the review of day 137 (¥1,266 a month) was sized with the line restored and used
          // read on a file without the Huabei bill due on day 130 met at its minimum: the review, with it on
          // record, read 618 against minScore 620 once ¥500 is used, and kept no line (PROPERTY_SEED=9101)
          [
            {
              income: 3_000,
              externalDebt: 8_120,
              huabei: 1_259,
              jiebei: 46_761,
              borrowed: 35,
              term: 12,
              borrowDay: 17,
              spend: [
                { before: 3, yuan: 411 },
                { before: 46, yuan: 1_211 },
                { before: 52, yuan: 1_908 },
                { before: 72, yuan: 1_280 },
              ],
              shockDay: 100,
              incomeTo: 34,
              moreDebt: 5_014,
              miss: 56,
              missDays: 8,
              month: 91,
              dayOfMonth: 24,
              late: false,
              byIncome: true,
              reviewDayOfMonth: 17,
              restoreCleanDays: 0,
              maxDebtToIncome: 2,
              jiebeiMaxDebtToIncome: 0.8,
            },
          ],
          // ¥600 a month after a pay cut, ¥10,000 elsewhere, a Jiebei instalment overdue at the call: the
          // advice counted Huabei as the review would find it were the overdue left unpaid — suspended by it,
          // so not at its limit — while it asks the overdue paid (followed: 0.91 against 0.80)
          [
            {
              income: 3_000,
              externalDebt: 0,
              huabei: 1_000,
              jiebei: 5_000,
              borrowed: 30,
              term: 6,
              borrowDay: 1,
              spend: [],
              shockDay: 30,
              incomeTo: 20,
              moreDebt: 10_000,
              miss: 40,
              missDays: 30,
              month: 152,
              dayOfMonth: 12,
              late: false,
              byIncome: false,
              reviewDayOfMonth: 3,
              restoreCleanDays: 0,
              maxDebtToIncome: 2,
              jiebeiMaxDebtToIncome: 0.8,
            },
          ],
          // ¥780 a month (scored at the floor of ¥1,000): ¥720.40 elsewhere was to bring the score to what
          // restores Huabei, judged with Jiebei owed as on the call; by the review its interest (¥0.30) read
          // 1.500025 against the scored debt bin's 1.50, 25 points, and once used not even ¥500 was kept
          [
            {
              income: 3_000,
              externalDebt: 0,
              huabei: 1_000,
              jiebei: 5_000,
              borrowed: 30,
              term: 6,
              borrowDay: 2,
              spend: [],
              shockDay: 30,
              incomeTo: 26,
              moreDebt: 17_462,
              miss: 32,
              missDays: 30,
              month: 91,
              dayOfMonth: 3,
              late: false,
              byIncome: false,
              reviewDayOfMonth: 2,
              restoreCleanDays: 0,
              maxDebtToIncome: 2,
              jiebeiMaxDebtToIncome: 0.8,
            },
          ],
          // a call on 1 June, the clean period over, the review on the 11th reading May's report: too little
          // owed elsewhere to bring that one within the cap, so the repayments are for July's review and the
          // income for June's — each followed
          ...[false, true].map((byIncome): [Drawn] => [
            {
              income: 8_102,
              externalDebt: 10_048,
              huabei: 4_973,
              jiebei: 34_937,
              borrowed: 89,
              term: 12,
              borrowDay: 25,
              spend: [
                { before: 47, yuan: 396 },
                { before: 88, yuan: 51 },
                { before: 60, yuan: 868 },
              ],
              shockDay: 80,
              incomeTo: 20,
              moreDebt: 5_011,
              miss: 62,
              missDays: 8,
              month: 152,
              dayOfMonth: 1,
              late: true,
              byIncome,
              reviewDayOfMonth: 11,
              restoreCleanDays: 30,
              maxDebtToIncome: 1,
              jiebeiMaxDebtToIncome: 0.8,
            },
          ]),
          // the score the later review reads from the coming report, with the overdue asked paid: 698 against
          // 700 (the utilisation of ¥451 on ¥600, the bill of day 213 met at its minimum) — no step said so
          // while the overdue was outstanding (PROPERTY_SEED=9132)
          [SEED_9132],
          // Huabei active at the call, suspended by the review of day 110 for its score and restored by the
          // one on day 201 that the advice is for, before Jiebei is reviewed: counted at its balance, not
          // used to its limit, the advice asked ¥0.11 elsewhere and the review read 0.84 against 0.8
          // (PROPERTY_SEED=666705817)
          [SEED_666705817],
          // Huabei cut for the income, restored, then given back by the review the Jiebei advice names,
          // which read Huabei at the larger limit: 0.81 (repaid elsewhere) and 0.83 (the income the score
          // asked, which read no give-back) against 0.8 (PROPERTY_SEED=5550123)
          [
            {
              income: 6637,
              externalDebt: 0,
              huabei: 4301,
              jiebei: 31284,
              borrowed: 30,
              term: 6,
              borrowDay: 9,
              spend: [],
              shockDay: 30,
              incomeTo: 33,
              moreDebt: 43076,
              miss: 10,
              missDays: 0,
              month: 121,
              dayOfMonth: 0,
              late: false,
              byIncome: true,
              reviewDayOfMonth: 1,
              restoreCleanDays: 0,
              maxDebtToIncome: 2,
              jiebeiMaxDebtToIncome: 0.8,
            },
          ],
          [
            {
              income: 3000,
              externalDebt: 8169,
              huabei: 1978,
              jiebei: 6495,
              borrowed: 95,
              term: 12,
              borrowDay: 1,
              spend: [{ before: 63, yuan: 1978 }],
              shockDay: 30,
              incomeTo: 21,
              moreDebt: null,
              miss: 10,
              missDays: 0,
              month: 91,
              dayOfMonth: 2,
              late: false,
              byIncome: true,
              reviewDayOfMonth: 1,
              restoreCleanDays: 0,
              maxDebtToIncome: 2,
              jiebeiMaxDebtToIncome: 0.8,
            },
          ],
          // held by another step named: both lines overdue at a call on day 128, Jiebei's ¥6,866.93 elsewhere
          // repaid on the day the advice allows brings the ratio the review of day 161 reads within 0.8, and
          // its score, short of the restoration score, holds it — as the answer's raise_score says. The one
          // case of the kind seed 1 draws; PROPERTY_SEED=98765 draws none, and the property was about less
          [
            {
              income: 10_674,
              externalDebt: 21_208,
              huabei: 8_698,
              jiebei: 10_280,
              borrowed: 55,
              term: 6,
              borrowDay: 28,
              spend: [
                { before: 40, yuan: 55 },
                { before: 89, yuan: 723 },
                { before: 71, yuan: 1_598 },
                { before: 35, yuan: 55 },
              ],
              shockDay: 96,
              incomeTo: 45,
              moreDebt: 26_874,
              miss: 46,
              missDays: 45,
              month: 121,
              dayOfMonth: 7,
              late: true,
              byIncome: false,
              reviewDayOfMonth: 10,
              restoreCleanDays: 30,
              maxDebtToIncome: 2,
              jiebeiMaxDebtToIncome: 0.8,
            },
          ],
        ],
      },
    );
    // the property is about something: advice drawn and followed, restored and held by another step alike
    expect(seen.advised).toBeGreaterThan(RUNS / 10);
    expect(seen.restored).toBeGreaterThan(0);
    expect(seen.heldElsewhere).toBeGreaterThan(0);
    expect(seen.late).toBeGreaterThan(0);
    // …the income followed, and advice for a review the clean period waits for
    expect(seen.byIncome).toBeGreaterThan(0);
    expect(seen.waited).toBeGreaterThan(0);
    // …advice for the review after the next report, beside an overdue to pay, with a Huabei balance
    expect(seen.laterReview).toBeGreaterThan(0);
    expect(seen.overdue).toBeGreaterThan(0);
    expect(seen.onHuabei).toBeGreaterThan(0);
  });

  it("Liu Yang, followed exactly: his clean period runs to day 211, so the advice is for the review on day 227, said after that wait — ¥14,725 elsewhere, or ¥4,028 a month, restores him there", () => {
    const profile = {
      age: 32,
      monthlyIncome: 10_000,
      verified: true,
      creditHistoryMonths: 60,
      externalDebt: 20_000 * 100,
    };
    const events: EventInput[] = [
      on.open(0, 6_000),
      on.open(0, 50_000, "jiebei"),
      on.borrow(20, 45_000, 12),
      on.purchase(25, 800),
      on.repay(36, "full"),
      on.repay(50, "minimum", "jiebei"),
      on.purchase(55, 650),
      on.repay(66, "full"),
      on.repay(79, "minimum", "jiebei"),
      on.income(95, 2_800),
      on.purchase(116, 120),
      on.repay(121, "minimum", "jiebei"),
      on.purchase(122, 120),
      on.support(125),
    ];
    const opts = { policy: DEFAULT_POLICY, profile };
    const call = simulate(scenario(events, { ...opts, until: 125 }));
    const answer = call.steps.find((s) => s.event.type === "contact_support")!;
    const jiebei = answer.remedies.filter((x) => x.line === "jiebei").map((x) => x.kind);
    // the wait first (the clean period, the review it allows), then what to do by that review
    expect(jiebei.indexOf("wait_for_review")).toBeLessThan(jiebei.indexOf("reduce_debt"));
    expect(jiebei.indexOf("keep_clean_until")).toBeLessThan(jiebei.indexOf("reduce_debt"));
    const r = answer.remedies.find((x): x is DebtAdvice => x.kind === "reduce_debt" && x.line === "jiebei")!;
    // not the review of day 135 (its clean period runs to day 211): the income it asked, ¥5,311, was for
    // a review that could not restore him; day 227 counts less (the instalments repaid until then)
    expect(r.review.day).toBe(227);
    expect(r.missed).toBeNull();
    expect(r.income).toBe(4_028);
    expect(r.repay).toEqual([{ debt: "elsewhere", amount: 14_725 * 100, all: false }]);
    // followed on the last day it allows, the repayment or the income: restored on day 227, not before
    for (const byIncome of [false, true]) {
      const { trace: t } = meetingDues(
        [...events, ...followed(answer.remedies, r, 125, 227, byIncome)],
        opts,
        126,
        227,
      );
      expect(
        t.steps.filter((s) => s.line === "jiebei" && s.decision === "restored").map((s) => s.day),
      ).toEqual([227]);
    }
  });

  it("a Huabei a review before the advised one suspends and cuts, and that one restores first: counted at its limit there, and said so (PROPERTY_SEED=666705817)", () => {
    const g = timeline(SEED_666705817);
    const opts = { policy: g.policy, profile: g.profile };
    const { trace: call, dues } = meetingDues(
      [...g.events, on.support(g.contact)],
      opts,
      0,
      g.contact,
      g.missed,
      true,
    );
    const answer = call.steps.find((s) => s.event.type === "contact_support")!;
    const r = answer.remedies.find((x): x is DebtAdvice => x.kind === "reduce_debt" && x.line === "jiebei")!;
    expect(r.review.day).toBe(201);
    const { trace: t } = meetingDues(
      [...g.events, ...dues, on.support(g.contact), ...followed(answer.remedies, r, g.contact, g.contact)],
      opts,
      g.contact + 1,
      201,
    );
    expect(reviewOf(t, "huabei", 201)?.decision).toBe("restored");
    const at = reviewOf(t, "jiebei", 201)!;
    expect(at.facts.map((f) => f.code)).not.toContain("DEBT_TO_INCOME_TOO_HIGH");
    // what the advice says restoring counts of Huabei is what that review counts: its ¥3,000 limit, not
    // the ¥3,137 it had on the call
    const huabei = r.restoring?.counted.find((x) => x.line === "huabei");
    expect(huabei?.limit).toBe(300_000);
    expect(stateLimit(t, 201)).toBe(300_000);
  });

  it("an overdue asked paid and the restoring review a later one: the score that review reads from the coming report is a step, with its day (PROPERTY_SEED=9132)", () => {
    const g = timeline(SEED_9132);
    const opts = { policy: g.policy, profile: g.profile };
    const { trace: call, dues } = meetingDues(
      [...g.events, on.support(g.contact)],
      opts,
      0,
      g.contact,
      g.missed,
      true,
    );
    const answer = call.steps.find((s) => s.event.type === "contact_support")!;
    const kinds = answer.remedies.filter((x) => x.line === "jiebei").map((x) => x.kind);
    expect(kinds).toContain("pay_overdue");
    expect(answer.remedies).toContainEqual(expect.objectContaining({ kind: "keep_clean_until", day: 221 }));
    // 726 today, but that review reads 698 with the overdue paid: the step says so, for day 226
    const step = answer.remedies.find((x) => x.line === "jiebei" && x.kind === "raise_score");
    expect(step).toMatchObject({
      current: 698,
      needed: 700,
      ahead: { today: 726, report: { day: 212 }, overduePaid: true },
      review: { day: 226 },
    });
    // and says so: 698 is read with the overdue paid, not as the customer owing it today would take it
    expect(describeRemedy(step!)).toContain(
      "698 is what it reads as things stand — the overdue paid today, each bill met at its minimum",
    );
    // followed (the overdue paid, the debt advice's ¥1 elsewhere), nothing more: that review reads what the
    // step said, the ratio within the cap
    const r = answer.remedies.find((x): x is DebtAdvice => x.kind === "reduce_debt" && x.line === "jiebei")!;
    expect(r.review.day).toBe(226);
    const { trace: t } = meetingDues(
      [...g.events, ...dues, on.support(g.contact), ...followed(answer.remedies, r, g.contact, g.contact)],
      opts,
      g.contact + 1,
      226,
    );
    const at = reviewOf(t, "jiebei", 226)!;
    expect(at.score).toBe(698);
    expect(at.facts.map((f) => f.code)).toContain("SCORE_BELOW_RESTORE");
    expect(at.facts.map((f) => f.code)).not.toContain("DEBT_TO_INCOME_TOO_HIGH");
  });
});
