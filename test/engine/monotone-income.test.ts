// @module-tag property
// Monotone where a lender would be, on both lines: a higher income, less debt elsewhere or a smaller ask,
// from the same start, never ends with more suspensions, a lower limit on either line, an application
// refused that the worse timeline had granted, or a lower score. Generated timelines with Huabei and
// Jiebei, incomes near the smallest line's and the debt caps' edges, where a grant's or a restoration's
// search for the largest limit kept once used, the caps' rounding and the score's bins meet.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/scorecard.js";
import { simulate } from "../../src/engine/simulate.js";
import type { Snapshot, Step, Trace } from "../../src/engine/types.js";
import { keptFromPurchases } from "../helpers/kept-from-purchases.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { DEFAULT_POLICY, type EventInput, scenario, TIGHTENED_POLICY } from "./builders.js";

const RUNS = propertyRuns(80);

const day = fc.integer({ min: 0, max: 200 });
// a limit asked, in fen: whole hundreds of yuan, as a scenario file must ask (¥500 to ¥30,000) — an ask of
// ¥500.01 was restored cut to ¥500 a month before the worse customer was restored at it whole
// (PROPERTY_SEED=1952807773): a fen no file can ask
const ask = fc.integer({ min: 5, max: 300 }).map((hundreds) => hundreds * 10_000);
// incomes about the smallest line's (¥250 a month under `default`) and the debt caps' edges
const income = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: 200, max: 3_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 3_000, max: 20_000 }) },
);
const habit: fc.Arbitrary<EventInput> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      day,
      type: fc.constant("purchase" as const),
      amount: fc.integer({ min: 1_000, max: 200_000 }),
      merchant: fc.constant(null),
      instalments: fc.constant(null),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      day,
      type: fc.constant("borrow" as const),
      amount: fc.integer({ min: 50_000, max: 500_000 }),
      term: fc.constantFrom(3 as const, 6 as const, 12 as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      day,
      type: fc.constant("external_debt" as const),
      amount: fc.integer({ min: 100_000, max: 5_000_000 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ day, type: fc.constant("income" as const), monthlyIncome: income }) },
  {
    weight: 2,
    arbitrary: fc.record({
      day,
      type: fc.constant("apply" as const),
      line: fc.constantFrom("huabei" as const, "jiebei" as const),
      product: fc.constantFrom("open" as const, "increase" as const),
      amount: ask,
    }),
  },
);

const DUE_DAYS = Array.from({ length: 8 }, (_, m) =>
  Math.round((Date.UTC(2024, m + 1, 10) - Date.UTC(2024, 0, 1)) / 86_400_000),
);

/** Every bill and instalment repaid in full on its due date. */
function events(habits: readonly EventInput[]): EventInput[] {
  const repays: EventInput[] = DUE_DAYS.flatMap((d) => [
    { day: d, type: "repay", line: "huabei", amount: { kind: "full" } } as EventInput,
    { day: d, type: "repay", line: "jiebei", amount: { kind: "statement" } } as EventInput,
  ]);
  return [...habits, ...repays];
}

/** The days and amounts of approved purchases and drawdowns: timelines whose use of credit differs are
 *  left out (access to credit changes the balances, and with them everything the review reads). */
const spent = (t: Trace): string =>
  t.steps
    .filter((s) => (s.event.type === "purchase" || s.event.type === "borrow") && s.decision === "approved")
    .map((s) => `${s.day}:${s.event.type}:${"amount" in s.event ? s.event.amount : ""}`)
    .join();

/** A line as a day's end leaves it: its status and limit. */
interface Held {
  status: string;
  limit: number;
}
const NONE: Held = { status: "none", limit: 0 };
const heldIn = (s: Snapshot, line: Step["line"]): Held => {
  const l = line === "jiebei" ? s.jiebei : s;
  return { status: l.status, limit: l.limit };
};

/** Each day's end state of a line, days 0 to the trace's last. */
function daily(t: Trace, line: Step["line"]): Held[] {
  const out: Held[] = [];
  let held = NONE;
  let i = 0;
  for (let d = 0; d <= t.final.day; d++) {
    while (i < t.steps.length && t.steps[i]!.day <= d) held = heldIn(t.steps[i++]!, line);
    out.push(held);
  }
  return out;
}

const statusOn = (t: Trace, line: Step["line"], d: number): string =>
  (daily(t, line)[d] ?? heldIn(t.final, line)).status;

/**
 * Whether the better customer holds more credit on a line than the worse one: active where the other's is
 * not, or at a higher limit. One customer, one debt (docs/model/score.md, "Monotone"): the credit held on one line
 * counts, used, against what the review keeps or restores on the other and what an application for it is
 * granted — and the review restores Huabei first — so a higher income that grants, keeps or restores more
 * on one line can leave less room on the other. Then the other line is not compared.
 */
const holdsMore = (better: Held | undefined, worse: Held | undefined): boolean =>
  better !== undefined &&
  better.status === "active" &&
  (worse?.status !== "active" || better.limit > (worse?.limit ?? 0));

const otherLine = (line: Step["line"]): "huabei" | "jiebei" => (line === "jiebei" ? "huabei" : "jiebei");

/** Suspensions that begin on a day the other timeline's line is active (see properties.test.ts). */
function expectNoMoreSuspensions(base: Trace, better: Trace): void {
  const closedOn = (t: Trace, line: Step["line"]) =>
    t.steps.find((s) => s.line === line && (s.decision === "closed" || s.decision === "charged_off"))?.day ??
    Number.POSITIVE_INFINITY;
  for (const line of ["huabei", "jiebei"] as const) {
    const fresh = (t: Trace, other: Trace, by = Number.POSITIVE_INFINITY) =>
      t.steps.filter(
        (s) =>
          s.line === line &&
          s.decision === "suspended" &&
          s.day <= by &&
          statusOn(other, line, s.day) === "active",
      ).length;
    expect(fresh(better, base, closedOn(base, line)), `${line}: suspensions`).toBeLessThanOrEqual(
      fresh(base, better),
    );
    // a line the worse timeline never had (declined) is not lost sooner by the better one for its closure;
    // nor one closed while the better customer held more on the other line (holdsMore)
    const had = base.steps.some((s) => heldIn(s, line).status !== "none");
    const closed = closedOn(better, line);
    const other = otherLine(line);
    const swapped =
      Number.isFinite(closed) && holdsMore(daily(better, other)[closed], daily(base, other)[closed]);
    if (had && !swapped) expect(closed, `${line}: closed`).toBeGreaterThanOrEqual(closedOn(base, line));
  }
}

/**
 * The final score is no lower — but for the activity window's exception (properties.test.ts), and for an
 * application the lender refused the worse timeline unassessed (its line suspended or closed: no report
 * pulled) where the better one's was assessed: an inquiry the better customer's own ask made. Then the
 * score is compared without those characteristics' points.
 */
function expectNoLowerScore(base: Trace, better: Trace): void {
  const asked = (t: Trace) =>
    t.steps
      .filter((s) => s.event.type === "apply" && assessed(s))
      .map((s) => s.day)
      .join();
  const leftOut = new Set<string>();
  if (keptFromPurchases(base)) leftOut.add("purchases90d");
  if (asked(base) !== asked(better)) {
    leftOut.add("inquiries30d");
    leftOut.add("inquiries180d");
  }
  if (leftOut.size === 0) {
    expect(better.final.score, "score").toBeGreaterThanOrEqual(base.final.score);
    return;
  }
  const points = (t: Trace) =>
    explain(t.final.inputs!).reduce((n, f) => n + (leftOut.has(f.characteristic.id) ? 0 : f.points), 0);
  expect(points(better), `the score besides ${[...leftOut].join(", ")}`).toBeGreaterThanOrEqual(points(base));
}

/** The lender's refusals of an application before assessing it: no credit report pulled, no inquiry. */
const UNASSESSED = new Set([
  "ACCOUNT_EXISTS",
  "NO_ACCOUNT",
  "ACCOUNT_SUSPENDED",
  "ACCOUNT_CLOSED",
  "DEBT_WRITTEN_OFF",
  "BALANCE_OUTSTANDING",
  "OTHER_LINE_CLOSED_OWING",
]);
const assessed = (s: Step): boolean => !s.reasons.some((r) => UNASSESSED.has(r));

/** The line a step decided on, as the step left it. */
const lineAfter = (s: Step, line: Step["line"]) => (line === "jiebei" ? s.jiebei : s);

/**
 * Every application the worse timeline granted is granted in the better one, at no lower a limit — when
 * the customer held the same credit with the lender before it. One customer, one debt: a line the better
 * timeline was granted (or granted larger) counts, used, against an application for the other line, as
 * the review that follows would count it (docs/model/score.md, "Monotone").
 */
function expectNoGrantRefused(base: Trace, better: Trace): void {
  const applications = (t: Trace) =>
    t.steps.flatMap((s, i) => (s.event.type === "apply" ? [{ s, before: t.steps[i - 1] }] : []));
  const alt = applications(better);
  applications(base).forEach(({ s, before }, i) => {
    const { s: b, before: bBefore } = alt[i]!;
    if (s.decision !== "approved" && s.decision !== "approved_lower") return;
    const where = `application on day ${s.day} (${s.line})`;
    // the better timeline opened the line on an earlier ask (the worse one's was declined): this one finds it
    // open, and its limit is what that earlier ask asked for
    if (b.reasons.includes("ACCOUNT_EXISTS")) return;
    const other = s.line === "jiebei" ? "huabei" : "jiebei";
    const held = (x: Step | undefined) =>
      x === undefined ? "none" : `${lineAfter(x, other).status}:${lineAfter(x, other).limit}`;
    if (held(before) !== held(bBefore)) return;
    // granted, or the better customer holds what the worse one was granted already (an increase refused at
    // a cap the better line reached sooner)
    const kept = lineAfter(b, b.line);
    const had = kept.status === "active" && kept.limit >= lineAfter(s, s.line).limit;
    expect(
      b.decision === "approved" || b.decision === "approved_lower" || had,
      `${where}: ${b.decision}`,
    ).toBe(true);
    expect(kept.limit, `${where}: limit`).toBeGreaterThanOrEqual(lineAfter(s, s.line).limit);
  });
}

/** The final limits are no lower, when the same applications were granted in both timelines (one granted
 *  sooner to the better customer gives the limit that ask named, not a later, larger one's). */
function expectNoLowerLimits(base: Trace, better: Trace): void {
  const granted = (t: Trace) =>
    t.steps
      .map((s) =>
        s.event.type === "apply"
          ? s.decision === "approved" || s.decision === "approved_lower"
            ? "y"
            : "n"
          : "",
      )
      .join("");
  if (granted(base) !== granted(better)) return;
  for (const line of ["huabei", "jiebei"] as const) {
    const a = heldIn(better.final, line);
    const b = heldIn(base.final, line);
    const other = otherLine(line);
    if (a.status !== "active" || b.status !== "active") continue;
    if (holdsMore(heldIn(better.final, other), heldIn(base.final, other))) continue;
    expect(a.limit, `${line}'s limit`).toBeGreaterThanOrEqual(b.limit);
  }
}

/**
 * Days without the line: over the days both timelines had it (opened), the better one is without it (not
 * active) while the worse one has it on no more days than the other way round. A line the worse timeline
 * was never granted is no day lost for the better one's later suspension, nor is a day the better
 * customer holds more on the other line (holdsMore: one customer, one debt).
 */
function expectNoMoreDaysWithout(base: Trace, better: Trace): void {
  for (const line of ["huabei", "jiebei"] as const) {
    const w = daily(base, line);
    const b = daily(better, line);
    const wOther = daily(base, otherLine(line));
    const bOther = daily(better, otherLine(line));
    let lost = 0;
    let gained = 0;
    for (let d = 0; d < Math.min(w.length, b.length); d++) {
      const [x, y] = [w[d]!.status, b[d]!.status];
      if (x === "none" || y === "none") continue;
      if (x === "active" && y !== "active" && !holdsMore(bOther[d], wOther[d])) lost++;
      if (y === "active" && x !== "active") gained++;
    }
    expect(
      lost,
      `${line}: days without the line the worse timeline had (${gained} the other way)`,
    ).toBeLessThanOrEqual(gained);
  }
}

function expectMonotone(base: Trace, better: Trace): void {
  expectNoMoreSuspensions(base, better);
  expectNoMoreDaysWithout(base, better);
  expectNoGrantRefused(base, better);
  expectNoLowerLimits(base, better);
  expectNoLowerScore(base, better);
}

const start = fc.record({
  habits: fc.array(habit, { maxLength: 25 }),
  openHuabei: ask,
  openJiebei: ask,
  income,
  externalDebt: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8_000_000 })),
  policy: fc.constantFrom(DEFAULT_POLICY, TIGHTENED_POLICY),
});
type Start = typeof start extends fc.Arbitrary<infer T> ? T : never;

function runBoth(
  s: Start,
  habits: readonly EventInput[],
  profileIncome: number,
  externalDebt: number,
): Trace {
  const opening: EventInput[] = [
    { day: 0, type: "apply", line: "huabei", product: "open", amount: s.openHuabei },
    { day: 0, type: "apply", line: "jiebei", product: "open", amount: s.openJiebei },
  ];
  return simulate(
    scenario([...opening, ...events(habits)], {
      policy: s.policy,
      until: 250,
      profile: { monthlyIncome: profileIncome, creditHistoryMonths: 36, externalDebt },
      observe: [250],
    }),
  );
}

/** The better timeline and the worse one from the same start, compared when their use of credit agrees. */
function compare(base: Trace, alt: Trace): boolean {
  if (spent(base) !== spent(alt)) return false;
  expectMonotone(base, alt);
  return true;
}

/** How a property's comparisons went: compared at all, and compared where the outcomes differ. */
const tally = () => {
  const seen = { compared: 0, differ: 0 };
  const outcome = (t: Trace) => t.steps.map((s) => `${s.decision}:${s.limit}:${s.jiebei.limit}`).join();
  return {
    seen,
    add(base: Trace, alt: Trace) {
      if (!compare(base, alt)) return;
      seen.compared++;
      if (outcome(base) !== outcome(alt)) seen.differ++;
    },
  };
};

describe("monotone where a lender would be, on both lines", () => {
  it("a higher income from the start, or a higher income reported, never ends worse", () => {
    const t = tally();
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 600 }), fc.nat(), (s, more, pick) => {
        const incomes = s.habits.flatMap((e, i) => (e.type === "income" ? [i] : []));
        const at = pick % (incomes.length + 1);
        const base = runBoth(s, s.habits, s.income, s.externalDebt);
        const alt =
          at === incomes.length
            ? runBoth(s, s.habits, s.income + more, s.externalDebt)
            : runBoth(
                s,
                s.habits.map((e, i) =>
                  i === incomes[at] && e.type === "income"
                    ? { ...e, monthlyIncome: e.monthlyIncome + more }
                    : e,
                ),
                s.income,
                s.externalDebt,
              );
        t.add(base, alt);
      }),
      {
        numRuns: RUNS,
        examples: [
          // ¥907 a month reported on day 0, ¥3,000 from day 15; ¥593 more on day 0 (¥1,500) is the better
          // customer, who ends at its band's ¥3,000 (a cut to the band: its own worsening), where the worse
          // one's cut to the income's cap was given back whole, to ¥3,100, once the income was back — though
          // its score's band had cut it too (PROPERTY_SEED=321162067)
          [
            {
              habits: [
                { day: 0, type: "income", monthlyIncome: 907 },
                { day: 15, type: "income", monthlyIncome: 3_000 },
              ],
              openHuabei: 310_000,
              openJiebei: 50_000,
              income: 3_000,
              externalDebt: 2_700_001,
              policy: DEFAULT_POLICY,
            },
            593,
            0,
          ],
        ],
      },
    );
    // not vacuous: timelines compared where the better one's decisions differ
    expect(t.seen.differ, JSON.stringify(t.seen)).toBeGreaterThan(0);
  });

  it("less debt elsewhere from the start, or a smaller new debt elsewhere, never ends worse", () => {
    const t = tally();
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 2_000_000 }), fc.nat(), (s, less, pick) => {
        const debts = s.habits.flatMap((e, i) => (e.type === "external_debt" ? [i] : []));
        const at = pick % (debts.length + 1);
        const base = runBoth(s, s.habits, s.income, s.externalDebt);
        const alt =
          at === debts.length
            ? runBoth(s, s.habits, s.income, Math.max(0, s.externalDebt - less))
            : runBoth(
                s,
                s.habits.flatMap((e, i) =>
                  i !== debts[at] || e.type !== "external_debt"
                    ? [e]
                    : e.amount > less
                      ? [{ ...e, amount: e.amount - less }]
                      : [],
                ),
                s.income,
                s.externalDebt,
              );
        t.add(base, alt);
      }),
      {
        numRuns: RUNS,
        examples: [
          // a fen less debt elsewhere had a ¥500 Huabei increase declined on day 98 that the worse customer was
          // granted: Jiebei, at 1.00 of its cap once Huabei is used, failed once used without the increase
          // too, so its failure was left aside for the worse customer alone (grant.ts, one customer, one debt)
          [
            {
              habits: [
                { day: 41, type: "external_debt", amount: 3_304_565 },
                { day: 98, type: "apply", line: "huabei", product: "increase", amount: 50_000 },
                { day: 40, type: "borrow", amount: 231_833, term: 6 },
              ],
              openHuabei: 603_657,
              openJiebei: 231_833,
              income: 3_500,
              externalDebt: 96_343,
              policy: DEFAULT_POLICY,
            },
            1,
            0,
          ],
        ],
      },
    );
    // not vacuous: timelines compared where the better one's decisions differ
    expect(t.seen.differ, JSON.stringify(t.seen)).toBeGreaterThan(0);
  });

  /**
   * A smaller ask is no more risk: granted whenever the larger one was, at the smaller amount or the
   * larger's limit, whichever is less — and declined on the same file only when the larger was too (the
   * kept-once-used search grants the larger ask the most the file affords, so a file that affords the
   * smaller one gets at least that). But for the amount's own rule: below the smallest line or loan
   * offered, an ask is declined as such (AMOUNT_BELOW_MINIMUM). Only the application itself is compared:
   * what follows differs by the credit granted.
   */
  it("an application for a smaller amount is granted whenever the larger one is, and at no less than the lesser of the two", () => {
    let compared = 0;
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 99 }), fc.nat(), (s, percent, pick) => {
        const asks = s.habits.flatMap((e, i) => (e.type === "apply" ? [i] : []));
        const at = asks.length === 0 ? -1 : asks[pick % asks.length]!;
        const smaller = (fen: number) => Math.max(1, Math.floor((fen * percent) / 100));
        const habits = s.habits.map((e, i) =>
          i === at && e.type === "apply" ? { ...e, amount: smaller(e.amount) } : e,
        );
        // no application among the habits: Huabei's opening asks less
        const base = runBoth(s, s.habits, s.income, s.externalDebt);
        const alt =
          at === -1
            ? runBoth({ ...s, openHuabei: smaller(s.openHuabei) }, habits, s.income, s.externalDebt)
            : runBoth(s, habits, s.income, s.externalDebt);
        const index = (t: Trace) =>
          at === -1 ? 0 : t.steps.findIndex((x) => x.event.type === "apply" && x.event.index === at + 2);
        const large = base.steps[index(base)]!;
        const small = alt.steps[index(alt)]!;
        expect(small.event.type).toBe("apply");
        if (small.event.type !== "apply" || large.event.type !== "apply") return;
        compared++;
        const granted = (x: Step) => x.decision === "approved" || x.decision === "approved_lower";
        const where = `asked ${small.event.amount} instead of ${large.event.amount}: ${small.decision} ${small.reasons.join()}`;
        if (granted(large) && !small.reasons.includes("AMOUNT_BELOW_MINIMUM")) {
          expect(granted(small), where).toBe(true);
          const limit = heldIn(small, small.line).limit;
          const before = heldIn(alt.steps[index(alt) - 1] ?? alt.steps[0]!, small.line);
          const increase = small.event.product === "increase" ? before.limit : 0;
          expect(limit, where).toBeGreaterThanOrEqual(
            Math.min(increase + small.event.amount, heldIn(large, large.line).limit),
          );
        }
        // and the other way: the larger ask declined, the smaller is too (a file that affords a line is granted
        // one, held lower: approved_lower)
        if (!granted(large))
          expect(granted(small), `the larger ask declined (${large.reasons.join()}) where ${where}`).toBe(
            false,
          );
      }),
      { numRuns: RUNS },
    );
    expect(compared).toBeGreaterThan(0);
  });

  it("the exception, one customer's one debt: a higher income that restores Huabei can leave no room for Jiebei", () => {
    // `tightened`: both lines suspended on day 14 (¥200 a month, ¥1,600 elsewhere); from day 20 ¥327 a month
    // is too little for Huabei's smallest line (¥334 makes ¥500 at two months), so Jiebei alone is restored
    // on day 45 (0.60 vs 0.60, room left for its ¥500 smallest loan); at ¥334 Huabei is restored first, and
    // Jiebei, counting it used, reads 0.66 and is closed on day 196 — a line kept for a line lost, not a
    // worse customer's lender being kinder (¥2,000 elsewhere left the worse no room for Jiebei's smallest loan)
    const trace = (income: number) =>
      simulate(
        scenario(
          [
            { day: 0, type: "apply", line: "huabei", product: "open", amount: 200_000 },
            { day: 0, type: "apply", line: "jiebei", product: "open", amount: 100_000 },
            { day: 2, type: "income", monthlyIncome: 200 },
            { day: 20, type: "income", monthlyIncome: income },
          ],
          {
            policy: TIGHTENED_POLICY,
            until: 250,
            observe: [250],
            profile: { monthlyIncome: 5_000, creditHistoryMonths: 36, externalDebt: 160_000 },
          },
        ),
      );
    const worse = trace(327);
    const better = trace(334);
    expect([worse.final.status, worse.final.jiebei.status]).toEqual(["closed", "active"]);
    expect([better.final.status, better.final.limit, better.final.jiebei.status]).toEqual([
      "active",
      50_000,
      "closed",
    ]);
    // the property's rule: each line's loss falls on days the better customer holds more on the other
    expectMonotone(worse, better);
  });
});
