// The score step: the score a rule asks for, the characteristics the customer can improve towards it (none
// that only time moves by the review it is for), and the most those steps can reach.

import type { Calendar } from "../calendar.js";
import type { Customer, Line } from "../customer.js";
import type { ReasonCode } from "../reasons.js";
import type { DueRecord } from "../record.js";
import { type Scored, scoreOn } from "../score-inputs.js";
import { CHARACTERISTICS, SCORE_MAX, SCORE_MIN, scoreReasons } from "../scorecard.js";
import { monthEndAfter } from "../state.js";
import type { Remedy } from "../types.js";

/** Characteristics only time improves: cited as reasons, never offered as something to do (a thin file's
 *  missing record too: it counts after six months on file, whatever the customer does meanwhile). */
export const TIME_ONLY: readonly ReasonCode[] = [
  "SHORT_HISTORY",
  "YOUNG_CREDIT_PROFILE",
  "SERIOUS_DELINQUENCY",
  "NO_REPAYMENT_RECORD",
];

export const MAX_REASONS = 4;

/** The characteristics no step moves by the periodic review `review`, for a score step towards it: the
 *  time-only ones; the Huabei balance as last reported when no month end comes before it (that review
 *  reads the report on record, as an early review does); and the bills not repaid in full when no Huabei
 *  bill falling due before it (`dues`, duesAhead's: met at their minimum) is left to repay in full — the
 *  count only grows until then. */
export function fixedUntil(
  calendar: Calendar,
  day: number,
  review: number,
  dues: readonly DueRecord[],
): readonly ReasonCode[] {
  const fixed = [...TIME_ONLY];
  if (monthEndAfter(calendar, day) >= review) fixed.push("HIGH_UTILISATION");
  if (!dues.some((r) => r.line === "huabei" && r.outcome === "revolved")) fixed.push("REVOLVING_BALANCE");
  return fixed;
}

/** The score `needed`, and the characteristics the customer can improve towards it — none of `fixed`, which
 *  nothing the customer does moves by the review the step is for. */
export function raiseScore(
  c: Customer,
  line: Line,
  s: Scored,
  needed: number,
  time: readonly ReasonCode[] = TIME_ONLY,
): Extract<Remedy, { kind: "raise_score" }> {
  // Huabei's activity moves only while it is active: a suspended line's count is held (score-inputs)
  const fixed: readonly ReasonCode[] = c.huabei.status === "active" ? time : [...time, "LOW_ACTIVITY"];
  const reach = reachable(s, fixed);
  return {
    line: line.id,
    kind: "raise_score",
    current: s.score,
    needed,
    drivers: driversOf(s, fixed),
    // steps that cannot get there are not offered as if they could (a policy that asks 950 of a 101-month
    // history: every step taken reaches 940, the last 10 points are the history's)
    ...(reach < needed ? { reach } : {}),
  };
}

/** The characteristics of `s` a score step names: ranked among what the customer can act on (none of
 *  `fixed` but those `earned`, which a step moves no further than the review's day allows) — the top four
 *  of all, less the time-only ones, could leave out a step the score needed (a verified identity) for a
 *  characteristic no step improves. A thin file's missing record is the record a step earns, when it does
 *  (using the line ends it). */
const driversOf = (
  s: Scored,
  fixed: readonly ReasonCode[],
  earned: readonly ReasonCode[] = [],
): ReasonCode[] =>
  scoreReasons(s, CHARACTERISTICS.length)
    .map(
      (r): ReasonCode =>
        r === "NO_REPAYMENT_RECORD" && earned.includes("SHORT_REPAYMENT_RECORD")
          ? "SHORT_REPAYMENT_RECORD"
          : r,
    )
    .filter((r) => earned.includes(r) || !fixed.includes(r))
    .slice(0, MAX_REASONS);

/** Characteristics only time moves that no step hurries: applications and profile changes leave their
 *  windows on their own dates (the 6-month count of applications made on day 0 falls on day 180, whatever
 *  the customer does before it), and so do the due dates missed and the worst delinquency (12 and 24
 *  months): repaying on time keeps them from growing, but adds no point by a review they still count at.
 *  So do the months in good standing, a month end at a time: reachOn reads them as the file with the
 *  record the customer can still earn has them (it once counted them at their maximum and promised a
 *  score the review did not read). */
const AGE_OUT: readonly ReasonCode[] = [
  "INQUIRIES_30D",
  "INQUIRIES_180D",
  "FREQUENT_PROFILE_CHANGES",
  "OVERDUE_RECENT",
  "DELINQUENCY_LEVEL",
  "SHORT_REPAYMENT_RECORD",
];

const RECORD = CHARACTERISTICS.findIndex((c) => c.id === "goodMonths24m");
const ACTIVITY = CHARACTERISTICS.findIndex((c) => c.id === "purchases90d");

/** The characteristics no step moves by a review, the customer read as things stand on its day: the
 *  time-only ones, those still aging then (AGE_OUT), and Huabei's activity unless the customer can use
 *  Huabei before it (`activity`). */
const fixedOn = (activity: boolean): readonly ReasonCode[] => [
  ...TIME_ONLY,
  ...AGE_OUT,
  ...(activity ? [] : (["LOW_ACTIVITY"] as const)),
];

/** The most the score the periodic review on `review` reads can reach, and the steps towards it: every
 *  characteristic a step moves by then at its maximum, the rest (fixedOn, and `until`: fixedUntil's
 *  balance on record and bills revolved) at the value they have on that day as things stand (`then`: the
 *  file that review reads, the bills due before it met at their minimum) — history, age and the months in
 *  good standing grown, applications, profile changes and missed due dates aged on their own dates, and
 *  Huabei's activity as it stands then (held while suspended, aged while open and unused) unless
 *  `activity` counts the purchases the step asks for at their most. The months in good standing, and
 *  Huabei's activity when `activity` does not, are read from `record` (`then` with what using Huabei
 *  earns by the review: the month ends before it the customer can still make months of record — one a
 *  month end, a thin file ended by them read whole, as it will be — and a day of use each day), a step
 *  when it does better there; the bills not repaid in full reach no further than `inFull` has them (those
 *  due before it repaid in full, older ones still count; the rest as `record` has it). `ends`: a thin file
 *  the record ends — the step's own reach, read on the thin file, holds no more. */
export function reachOn(
  then: Customer,
  review: number,
  activity: boolean,
  until: readonly ReasonCode[],
  inFull: Customer,
  record: Customer,
): { reach: number; drivers: ReasonCode[]; ends: boolean } {
  const s = scoreOn(then, review);
  const r = record === then ? s : scoreOn(record, review);
  const best = inFull === then ? s : scoreOn(inFull, review);
  const ends = s.inputs.goodMonths24m === null && r.inputs.goodMonths24m !== null;
  const gains = (i: number) => (r.points[i] ?? 0) > (s.points[i] ?? 0);
  const earned: ReasonCode[] = [
    ...(ends || gains(RECORD) ? (["SHORT_REPAYMENT_RECORD"] as const) : []),
    ...(!activity && gains(ACTIVITY) ? (["LOW_ACTIVITY"] as const) : []),
  ];
  const fixed = [...fixedOn(activity), ...until];
  return { reach: reachable(r, fixed, best), drivers: driversOf(s, fixed, earned), ends };
}

/** The most the score reaches with every characteristic but the time-only ones (and the rest of `fixed`) at
 *  its maximum — the bills not repaid in full at their points in `best` when given (none left to revolve
 *  ahead can do better) — so a score above it is out of the customer's reach. */
function reachable(s: Scored, fixed: readonly ReasonCode[] = TIME_ONLY, best: Scored | null = null): number {
  let points = SCORE_MIN;
  for (let i = 0; i < CHARACTERISTICS.length; i++) {
    const c = CHARACTERISTICS[i]!;
    const own = s.points[i] ?? 0;
    const code = s.inputs[c.id] === null ? c.missing?.reason : c.reason;
    const most = code === "REVOLVING_BALANCE" && best !== null ? (best.points[i] ?? 0) : c.max;
    points += code === undefined || fixed.includes(code) ? own : Math.max(own, most);
  }
  return Math.min(SCORE_MAX, Math.max(s.score, points));
}
