// Counterfactual candidates: the single changes a person could have made to their own timeline, as data.
// Not applying (limit increases, credit elsewhere), not changing a bound detail, not taking on debt
// elsewhere, not making a purchase or drawing a loan, a loan declined over the instalment cap asked as its
// decline says would be lent, repaying in full, repaying earlier (by the due day, by the end of the
// grace days, by the suspension trigger's day), repaying a bill on its due day, verifying identity, asking
// for an early review, paying debt elsewhere down under the cap a review cites (and to the restoration
// score, where within the cap is not enough). Each candidate is
// `{ day, change }` (plus its cost); the edit it makes and the words that describe it (advice.ts) are both
// derived from that. Pure.

import {
  type LineId,
  leastAbove,
  type PolicyParams,
  type ProfileField,
  type Step,
  score,
  type Trace,
} from "../engine/index.js";
import type { WrittenEvent } from "../scenario/schema.js";
import { maxOf } from "../shared/lists.js";
import { firstRestoredAfter, type Goal, isAdverse, restoreTarget, suspensionStarts } from "./goal.js";
import { dayOf, type Edit, eventNumberAt, type Variant } from "./variant.js";

/** One change to the person's timeline. `id` is the event it changes (two changes to one event never combine). */
export type Change =
  /** leave out an application for a higher limit */
  | { kind: "skip-application"; id: number; amount: number }
  /** leave out a credit application elsewhere */
  | { kind: "skip-inquiry"; id: number }
  /** leave out a change of a bound detail (phone, address, device) */
  | { kind: "keep-profile"; id: number; field: ProfileField }
  /** verify identity right after a change of a bound detail (`after`: the change's event, which it follows
   *  before anything else that day — a transaction after the change is what a same-day hold reads) */
  | { kind: "verify-after-profile-change"; field: ProfileField; after: number }
  /** leave out debt taken on elsewhere */
  | { kind: "skip-debt"; id: number; amount: number }
  /** leave out a purchase */
  | { kind: "skip-purchase"; id: number; amount: number; merchant: string | null }
  /** leave out a cash loan drawn on Jiebei */
  | { kind: "skip-borrow"; id: number; amount: number }
  /** a cash loan declined over the instalment cap drawn as its decline says would be lent: the same
   *  `amount` over a longer `term`, or less over the same one (`was`: the amount asked) */
  | { kind: "borrow-within-cap"; id: number; amount: number; term: number; was: number }
  /** repay in full instead of part */
  | { kind: "repay-in-full"; id: number }
  /**
   * a repayment made earlier, on day `to`; `inFull`: also in full. `refineInFull`: what `inFull` becomes
   * when the search moves it again (a repayment that already was in full is then written in full)
   */
  | { kind: "repay-earlier"; id: number; to: number; inFull: boolean; refineInFull: boolean }
  /** repay, in full, a Huabei bill on its due day (the base let it go overdue); `line: "jiebei"`: pay
   *  what a Jiebei instalment asks on its due day; `arrears`: the line was already past due that day in
   *  the base, so the repayment pays those arrears first (the words say so) */
  | { kind: "repay-bill-when-due"; line?: "jiebei"; arrears?: true }
  /** verify identity (a security suspension, or a decision that asked for a verified identity) */
  | { kind: "verify-identity" }
  /** repay everything on the day of the suspension or the day after */
  | { kind: "repay-everything"; dayAfterSuspension: boolean }
  /** ask for an early review */
  | { kind: "request-review"; line: LineId }
  /** repay `amount` yuan of the debt owed elsewhere (a line held back by its debt burden) */
  | { kind: "pay-debt-elsewhere"; amount: number };

export interface Candidate {
  /** the day the change is about: the changed event's own day, or the day of an added event */
  day: number;
  change: Change;
  /** "how much change": lower is a smaller change to what the person did */
  cost: number;
}

/** The policy timings that place "earlier" repayments: the grace days and the suspension trigger. */
export type PolicyTiming = Pick<PolicyParams, "graceDays" | "suspendOverdueDays">;

/** The event a candidate changes, or null when it adds one. */
export function targetOf(c: Candidate): number | null {
  return "id" in c.change ? c.change.id : null;
}

/** The edit a candidate makes to a variant. */
export function editOf(c: Candidate): Edit {
  const { day, change } = c;
  switch (change.kind) {
    case "skip-application":
    case "skip-inquiry":
    case "keep-profile":
    case "skip-debt":
    case "skip-purchase":
    case "skip-borrow":
      return { kind: "remove", ids: [change.id] };
    case "verify-after-profile-change":
      return { kind: "add", event: { day, type: "verify_identity" }, after: change.after };
    case "verify-identity":
      return { kind: "add", event: { day, type: "verify_identity" } };
    case "borrow-within-cap":
      // only what changes: a longer term and a smaller amount are two ideas, not one edit
      return {
        kind: "edit",
        id: change.id,
        patch: change.amount === change.was ? { term: change.term } : { amount: change.amount },
      };
    case "repay-in-full":
      return { kind: "edit", id: change.id, patch: { amount: "full" } };
    case "repay-earlier":
      return {
        kind: "edit",
        id: change.id,
        patch: change.inFull ? { day: change.to, amount: "full" } : { day: change.to },
      };
    case "repay-bill-when-due":
      return change.line === "jiebei"
        ? { kind: "add", event: { day, type: "repay", line: "jiebei", amount: "statement" } }
        : { kind: "add", event: { day, type: "repay", amount: "full" } };
    case "repay-everything":
      return { kind: "add", event: { day, type: "repay", amount: "full" } };
    case "request-review":
      // Jiebei named: a review asked without a line reviews Huabei first when both are suspended
      return {
        kind: "add",
        event:
          change.line === "jiebei"
            ? { day, type: "request_review", line: "jiebei" }
            : { day, type: "request_review" },
      };
    case "pay-debt-elsewhere":
      return { kind: "add", event: { day, type: "external_repayment", amount: change.amount } };
    default: {
      const never: never = change;
      throw new Error(`unknown change ${JSON.stringify(never)}`);
    }
  }
}

export interface CandidateScope {
  /** events that are never changed: the base's own declined applications (leaving one out is not avoiding it) */
  protectedIds?: ReadonlySet<number>;
  /** events from this number on were added by the search itself, so they are not the person's own */
  firstAddedId?: number;
}

/** The single changes worth trying on `v` (whose trace is `base`), in a fixed order: cheapest first. */
export function candidates(
  goal: Goal,
  v: Variant,
  base: Trace,
  policy: PolicyTiming,
  scope: CandidateScope = {},
): Candidate[] {
  const start = v.original.start;
  const out: Candidate[] = [];
  const adverse = base.steps.filter((s) => isAdverse(goal, s));
  const firstSuspension = (goal === "reach-restored" ? restoreTarget(base) : undefined) ?? null;
  // the events that can matter: before the last adverse step (avoid), or from the suspension on (reach)
  const from = goal === "reach-restored" ? (firstSuspension?.day ?? 0) : 0;
  const to =
    goal === "reach-restored"
      ? ((firstSuspension ? firstRestoredAfter(base, firstSuspension) : null) ?? base.until)
      : maxOf(
          adverse.map((s) => s.day),
          0,
        );
  const protectedIds = new Set<number>(scope.protectedIds ?? []);
  if (goal === "avoid-declined") {
    for (const s of adverse) {
      if ("index" in s.event) protectedIds.add(eventNumberAt(v, s.event.index) ?? -1);
    }
  }
  const isOwn = (id: number) => scope.firstAddedId === undefined || id < scope.firstAddedId;
  const dueDays = base.steps.filter((s) => s.event.type === "due").map((s) => s.day);
  // the due day each overdue came from, per line: "huabei@40", "jiebei@156"
  const dueDaysOf = (line: LineId) =>
    base.steps.filter((s) => s.event.type === "due" && s.event.line === line).map((s) => s.day);
  const overdueDueDays = new Set(
    base.steps.flatMap((s) => {
      if (s.event.type !== "overdue") return [];
      const line = s.event.line;
      const due = dueDaysOf(line)
        .filter((d) => d <= s.day)
        .at(-1);
      return due === undefined ? [] : [`${line}@${due}`];
    }),
  );

  for (const { id, event } of v.events) {
    const day = dayOf(event, start);
    // a repayment after the adverse step can still be moved before it
    if (day < from || (day > to && event.type !== "repay") || protectedIds.has(id)) continue;
    if (!isOwn(id)) continue;
    const add = (change: Change, cost: number) => out.push({ day, change, cost });
    switch (event.type) {
      case "apply":
        if (event.product === "increase") add({ kind: "skip-application", id, amount: event.amount }, 1.5);
        break;
      case "external_inquiry":
        add({ kind: "skip-inquiry", id }, 1.5);
        break;
      case "change_profile":
        add({ kind: "keep-profile", id, field: event.field }, 1.5);
        add({ kind: "verify-after-profile-change", field: event.field, after: id }, 1.2);
        break;
      case "external_debt":
        add({ kind: "skip-debt", id, amount: event.amount }, 2);
        break;
      case "purchase":
        add({ kind: "skip-purchase", id, amount: event.amount, merchant: event.merchant || null }, 3);
        break;
      case "borrow":
        add({ kind: "skip-borrow", id, amount: event.amount }, 3);
        break;
      case "repay":
        out.push(...repayCandidates(id, event, day, dueDays, policy, from, to));
        break;
      default:
        break;
    }
  }
  // repaying a bill (or a Jiebei instalment) on its due day, where the base let it go overdue
  const owedOnDue = [...overdueDueDays]
    .map((k) => ({ line: k.split("@")[0] as LineId, day: Number(k.split("@")[1]) }))
    .sort((a, b) => a.day - b.day || a.line.localeCompare(b.line));
  // the line already past due on its due day `d` in the base: an overdue there on or after `d` that began
  // before it (a missed instalment's arrears, which a repayment that day pays first)
  const pastDueOn = (line: LineId, d: number) =>
    base.steps.some(
      (s) =>
        s.event.type === "overdue" && s.event.line === line && s.day >= d && s.day - s.event.overdueDays < d,
    );
  for (const { line, day: d } of owedOnDue) {
    if (d < from || d > to) continue;
    const change: Change = {
      kind: "repay-bill-when-due",
      ...(line === "jiebei" ? { line: "jiebei" as const } : {}),
      ...(pastDueOn(line, d) ? { arrears: true as const } : {}),
    };
    out.push({ day: d, change, cost: 2 });
  }
  // a decision that asked for a verified identity (a policy that requires one): verified the day before,
  // so that it comes before an application of the same day as well as before a review
  if (goal !== "reach-restored")
    for (const d of new Set(adverse.filter(asksVerification).map((x) => Math.max(0, x.day - 1))))
      if (d >= from) out.push({ day: d, change: { kind: "verify-identity" }, cost: 1 });
  // a cash loan declined over the instalment cap, drawn as the decline says would be lent (the same amount
  // over a longer term, or less over the same): asked otherwise, not left out — leaving the declined
  // event out is no answer, changing what it asks is
  if (goal === "avoid-declined")
    for (const s of adverse) {
      if (s.event.type !== "borrow" || !("index" in s.event)) continue;
      const id = eventNumberAt(v, s.event.index);
      const written = v.events.find((e) => e.id === id)?.event;
      const fact = s.facts.find((f) => f.code === "INSTALMENT_TO_INCOME_TOO_HIGH");
      if (id === undefined || !isOwn(id) || written?.type !== "borrow" || fact === undefined) continue;
      const asked = { id, was: written.amount };
      if (fact.fitsTerm !== undefined)
        out.push({
          day: s.day,
          change: { kind: "borrow-within-cap", ...asked, amount: written.amount, term: fact.fitsTerm },
          cost: 1.5,
        });
      if (fact.fitsAmount !== undefined)
        out.push({
          day: s.day,
          change: { kind: "borrow-within-cap", ...asked, amount: fact.fitsAmount / 100, term: written.term },
          cost: 1.6,
        });
    }
  // a suspension for the debt burden avoided as customer service would have it restored: debt elsewhere
  // paid down on the review's own day (its repayments post before it) — a burden carried in the profile
  // has no event to leave out, and an income that fell is no choice
  if (goal === "avoid-suspended")
    for (const s of suspensionStarts(adverse))
      debtPaydowns(v, base, s, s.day, s.day).forEach((amount, i) => {
        out.push({ day: s.day, change: { kind: "pay-debt-elsewhere", amount }, cost: 2.5 + i / 2 });
      });
  if (goal === "reach-restored" && firstSuspension) {
    const s = firstSuspension.day;
    if (firstSuspension.cause === "security") {
      out.push({ day: s, change: { kind: "verify-identity" }, cost: 1 });
    } else {
      // the day after the first step from the suspension on that asked for a verified identity — the
      // suspension's own (verified that day, before its review, it would avoid it), or a later review's
      // or answer's when a policy requiring one came after the suspension
      const asked = base.steps.find((x) => x.day >= s && x.day <= to && asksVerification(x));
      if (asked !== undefined) out.push({ day: asked.day + 1, change: { kind: "verify-identity" }, cost: 1 });
    }
    // the day after: the day's repayments post before its checks and its review, so a repayment on the
    // suspension's own day would avoid it — another question (--avoid), not a restoration sooner
    out.push({
      day: s + 1,
      change: { kind: "repay-everything", dayAfterSuspension: true },
      cost: 2 + 1 / 30,
    });
    // a repayment made later than that, moved to right after the suspension
    for (const { id, event } of v.events) {
      const day = dayOf(event, start);
      if (event.type !== "repay" || day <= s + 1 || day > to || !isOwn(id)) continue;
      out.push({
        day,
        change: {
          kind: "repay-earlier",
          id,
          to: s + 1,
          inFull: false,
          refineInFull: event.amount === "full",
        },
        cost: 1 + (day - s - 1) / 30,
      });
    }
    for (const d of reviewDays(base, firstSuspension, to)) {
      out.push({
        day: d,
        change: { kind: "request-review", line: firstSuspension.line ?? "huabei" },
        cost: 0.5,
      });
    }
    // paying debt elsewhere down, as customer service advises a line its debt burden holds back: the day
    // after the suspension (a review suspends after the day's events)
    if (s + 1 <= base.until)
      debtPaydowns(v, base, firstSuspension, to, s + 1).forEach((amount, i) => {
        out.push({ day: s + 1, change: { kind: "pay-debt-elsewhere", amount }, cost: 2.5 + i / 2 });
      });
  }
  // stable: equal costs keep timeline order
  return out.sort((a, b) => a.cost - b.cost);
}

function repayCandidates(
  id: number,
  event: Extract<WrittenEvent, { type: "repay" }>,
  day: number,
  dueDays: readonly number[],
  policy: PolicyTiming,
  from: number,
  to: number,
): Candidate[] {
  const out: Candidate[] = [];
  const full = event.amount === "full";
  if (!full && day <= to) out.push({ day, change: { kind: "repay-in-full", id }, cost: 1 });
  const earlier = new Set<number>();
  for (const due of dueDays) {
    if (due >= day || day - due > 62) continue;
    // the due day, the grace's last day, the trigger's day (the day's repayments post before the check)
    for (const x of [due, due + policy.graceDays, due + policy.suspendOverdueDays])
      if (x < day && x >= Math.max(0, from) && x <= to) earlier.add(x);
  }
  for (const x of [...earlier].sort((a, b) => b - a)) {
    const move = (inFull: boolean, cost: number) =>
      out.push({ day, change: { kind: "repay-earlier", id, to: x, inFull, refineInFull: inFull }, cost });
    move(false, 1 + (day - x) / 30);
    if (!full) move(true, 1.5 + (day - x) / 30);
  }
  return out;
}

/** A decision that cites a verified identity as what it lacked. */
const asksVerification = (step: Step): boolean => step.reasons.includes("IDENTITY_REQUIRED");

/**
 * Days to ask for an early review of the suspended line, up to `to`: each week from the suspension, and the
 * day each clean period its reviews cite ends (`OVERDUE_TOO_RECENT`: the review's day plus the days still
 * wanting) — the day customer service names, which a weekly grid alone steps over: the least change was
 * then a repayment moved too, two changes where that one review does.
 */
function reviewDays(base: Trace, suspension: Step, to: number): number[] {
  const days = new Set<number>();
  for (let d = suspension.day + 7; d < to && d <= base.until; d += 7) days.add(d);
  for (const step of base.steps) {
    if (step.day < suspension.day || step.day >= to || step.line !== suspension.line) continue;
    if (step.event.type !== "review" && step.event.type !== "request_review") continue;
    for (const f of step.facts) {
      if (f.code !== "OVERDUE_TOO_RECENT" || f.threshold === undefined || f.value === undefined) continue;
      const d = step.day + f.threshold - f.value;
      if (d > suspension.day && d < to && d <= base.until) days.add(d);
    }
  }
  return [...days].sort((a, b) => a - b);
}

/**
 * Amounts of debt elsewhere (yuan) whose repayment brings the debt ratio the reviews cite under its cap:
 * the largest excess a step from the suspension to `to` shows (the ratio above the cap, times the annual
 * income), in whole ¥1,000, and a quarter more (the next month-end report may show higher balances on the
 * lines) — and, where a review found the score short of the restoration score too, the amounts that bring
 * it there (debt beyond a year's income scores below zero: within the cap is not always enough), the least
 * and the most the reviews ask, in whole ¥1,000; never more than is owed elsewhere on `day`, the day it is
 * repaid. The ratio is the step's own (its score inputs), not the fact's, which is rounded up for
 * display.
 */
function debtPaydowns(v: Variant, base: Trace, suspension: Step, to: number, day: number): number[] {
  let excess = 0;
  const forScore: number[] = [];
  for (const step of base.steps) {
    // the reviews of the suspended line: a drawdown's check counts the loan asked for, the other line's
    // rules are not this line's
    if (step.day < suspension.day || step.day > to) continue;
    if (
      (step.event.type !== "review" && step.event.type !== "request_review") ||
      step.line !== suspension.line
    )
      continue;
    for (const f of step.facts) {
      if (f.code !== "DEBT_TO_INCOME_TOO_HIGH" || f.threshold === undefined || f.value === undefined)
        continue;
      const ratio = step.inputs.debtToIncome;
      // no income: no repayment brings the ratio under a cap
      if (!Number.isFinite(ratio)) continue;
      // in whole fen before rounding up: 2.0833… − 2 of ¥72,000 is ¥6,000, not ¥6,000.000000000011
      const income = step.inputs.monthlyIncome * 12 * 100;
      excess = Math.max(excess, (Math.round(ratio * income) - Math.round(f.threshold * income)) / 100);
    }
    const short = step.facts.find((f) => f.code === "SCORE_BELOW_RESTORE");
    const amount = short?.threshold === undefined ? null : thousandsForScore(step, short.threshold);
    if (amount !== null) forScore.push(amount);
  }
  if (excess <= 0) return [];
  const owed = debtElsewhere(v, day);
  const amounts = [
    Math.ceil(excess / 1000) * 1000,
    Math.ceil((excess * 1.25) / 1000) * 1000,
    ...(forScore.length > 0 ? [Math.min(...forScore), Math.max(...forScore)] : []),
  ].map((x) => Math.min(owed, x));
  return [...new Set(amounts)].filter((a) => a > 0);
}

/**
 * The least whole ¥1,000 of debt a review's step would have read less of for its score to reach `needed`,
 * the rest of what it read the same (the scorecard itself: the score rises as the ratio falls); null when
 * no repayment does (all of the debt it counts repaid still leaves the score short) or the step has no
 * income to count it against.
 */
function thousandsForScore(step: Step, needed: number): number | null {
  const { debtToIncome: ratio, monthlyIncome } = step.inputs;
  const income = monthlyIncome * 12 * 100;
  if (!Number.isFinite(ratio) || income <= 0) return null;
  const debt = Math.round(ratio * income);
  const reaches = (k: number) =>
    score({ ...step.inputs, debtToIncome: Math.max(0, debt - k * 100_000) / income }).score >= needed;
  const most = Math.ceil(debt / 100_000);
  if (!reaches(most) || reaches(0)) return null;
  return leastAbove(0, most, reaches) * 1000;
}

/** What the person owes elsewhere (yuan) at the end of `day`, from the profile and their own events. */
function debtElsewhere(v: Variant, day: number): number {
  let owed = v.original.profile.externalDebt;
  for (const { event } of v.events) {
    if (dayOf(event, v.original.start) > day) continue;
    if (event.type === "external_debt") owed += event.amount;
    else if (event.type === "external_repayment") owed = Math.max(0, owed - event.amount);
  }
  return Math.round(owed * 100) / 100;
}
