// The monthly periodic review of one line (and an early one the customer asked for): an active line kept to
// the standard, closed unused, cut, or given back a limit cut for a constraint that no longer binds; a
// suspended one restored (Huabei, at a periodic review, with Jiebei's unused limit trimmed when that alone
// holds it, whole or lower: trim.ts), left suspended (cut, recorded anew) or closed after a long suspension.

import type { Calendar } from "../calendar.js";
import { type Customer, type Line, suspendedFor } from "../customer.js";
import { REASONS } from "../reasons.js";
import type { Scored, ScoredFile } from "../score-inputs.js";
import { keptStandard, lineManagement, suspendAtReview } from "../standard.js";
import type { Fen } from "../types.js";
import { MAX_REASONS, principalReasons, type Verdict } from "../verdict.js";
import { restorationBlockers, restorationFindings } from "./blockers.js";
import { dormantClosure } from "./dormant.js";
import { givenBack } from "./give-back.js";
import { citedFacts, citing, heldByPolicy, recordedFor } from "./policy-change.js";
import { restore } from "./restore.js";
import { restorationTrim, trimmedTo } from "./trim.js";

/** Of line management's cut and the trim of an unused limit, the one to the lower limit (null: neither). */
const lowerOf = (a: Verdict | null, b: Verdict | null): Verdict | null =>
  a === null || (b !== null && limitOf(b) < limitOf(a)) ? b : a;

const limitOf = (v: Verdict): number => ("limit" in v ? (v.limit ?? 0) : 0);

/** Jiebei suspended by the review that restored Huabei with its unused limit trimmed (`trim`, trimmedTo):
 *  suspended at the trimmed limit, the trim its cut — decided with Huabei's restoration, it is applied
 *  whatever else the review finds (suspended at ¥13,000 on a policy raised that morning, the trim to ¥8,200
 *  that restored Huabei at ¥6,000 was never applied nor said). A suspension that cuts the line itself keeps
 *  its own cut; anything else as it is. */
function withTrim(v: Verdict | null, trim: Verdict | null): Verdict | null {
  if (v?.decision !== "suspended" || v.limit !== undefined || trim?.decision !== "limit_reduced") return v;
  const reasons = v.reasons.length < MAX_REASONS ? [...v.reasons, ...trim.reasons] : v.reasons;
  return { ...v, reasons, facts: [...v.facts, ...trim.facts], limit: trim.limit, cutReasons: trim.reasons };
}

const NO_DECISION: Verdict = Object.freeze({ decision: null, reasons: [], facts: [] }) as Verdict;

/** The monthly periodic review of one line (and an early review the customer asked for, `requested`); `s`
 *  is `c`'s score on `day` unless `own` is false (a caller that reads another file's score: the files once
 *  used are then scored whole). `calendar`: the scenario's, where an unused line's notice given anew after a
 *  review it named is read (review/dormant.ts: dormantNoticeDay; the review bench's cases hold none).
 *  `trim`: the limit Huabei's restoration by the same review, before this line, trims Jiebei's unused
 *  limit to (its `trims`: review/trim.ts), null when it trims none. */
export function periodicReview(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  requested = false,
  own = true,
  calendar: Calendar | null = null,
  trim: Fen | null = null,
): Verdict {
  const p = c.policy;
  if (line.status === "active" && !requested)
    return (
      withTrim(keptStandard(c, line, s), trimmedTo(line, trim)) ??
      dormantClosure(c, line, day, calendar) ??
      lowerOf(lineManagement(c, line, s), trimmedTo(line, trim)) ??
      givenBack(c, line, day, s, own ? { c, s } : null) ??
      NO_DECISION
    );
  // a line under a security hold alone is judged as the active line it was (unless its time is up): what
  // it fails is recorded beneath the hold, so that verifying identity leaves it suspended for that
  const longSuspended = line.statusDay !== null && day - line.statusDay >= p.closeAfterSuspendedDays;
  // a suspended line left unused is closed as an active one is — unless its suspension's time is up (below):
  // a suspension is no way to keep an unused line longer
  const unused = requested || longSuspended ? null : dormantClosure(c, line, day, calendar);
  if (unused !== null) return unused;
  if (
    line.status === "suspended" &&
    line.cause === "security" &&
    line.heldOver === null &&
    !requested &&
    !longSuspended
  ) {
    const v = keptStandard(c, line, s);
    if (v?.decision === "suspended") return { ...v, beneath: true };
  }
  if (line.status === "suspended") {
    // under a hold laid over a suspension, what stands in the way of both
    const held = line.heldOver;
    const today: ScoredFile | null = own ? { c, s } : null;
    // the suspension's beneath the hold, worked out once (what its closure, readiness and record read)
    const under = held === null ? null : restorationBlockers(c, line, day, s, held.cause, today);
    const found = restorationFindings(c, line, day, s, line.cause, today);
    const blockers = under === null ? found.blockers : [...found.blockers, ...under];
    // held by the kept-once-used check alone, whole or to a lower limit, which Jiebei's unused limit
    // trimmed would pass or raise: restored with the trim decided (review/trim.ts), which Jiebei's review
    // applies — the periodic review's, which reviews Jiebei after Huabei
    const trimmed = requested || under !== null ? null : restorationTrim(c, line, day, s, found);
    if (trimmed !== null) {
      const v = restore(c, line, s, trimmed.kept, null);
      return v.decision === "restored" ? { ...v, trims: trimmed.jiebei } : v;
    }
    // nothing in the way: the limit kept once used was judged with them (a security hold is never empty)
    if (blockers.length === 0) return restore(c, line, s, found.kept!, { day, today });
    // what holds the suspension (suspendedFor): the one beneath a hold, else the line's own
    const byChange = heldByPolicy(c, line, day, s, suspendedFor(line), under ?? found.blockers, today);
    const codes = citing(c, line, day, s, blockers, byChange);
    // a suspension beneath a hold with nothing left in its way (its clean period over, the policy that made
    // it loosened since) is ready to end: the hold alone keeps the line suspended — a verification would
    // restore it at the next review (RESTORED_AT_REVIEW) — so there is nothing beneath to record or close for
    const ready = under !== null && under.length === 0;
    if (!requested && longSuspended && line.statusDay !== null) {
      // the suspension beneath a hold is what a verification would have left: it names the closure — for
      // policy while a policy change is what holds the line (whatever the suspension was first for: the
      // customer cleared their own part), else for credit; for security when it would have left nothing
      const beneath = ready ? "security" : (held?.cause ?? line.cause ?? "credit");
      const heldByChange = codes.includes("POLICY_CHANGE");
      return {
        decision: "closed",
        cause: heldByChange ? "policy" : beneath === "policy" ? "credit" : beneath,
        reasons: principalReasons(["LONG_SUSPENSION", ...codes], s),
        facts: [
          {
            code: "LONG_SUSPENSION",
            parameter: "closeAfterSuspendedDays",
            threshold: p.closeAfterSuspendedDays,
            value: day - line.statusDay,
          },
          ...citedFacts(c, line, suspendedFor(line), codes, blockers),
        ],
      };
    }
    // a suspension held by something other than what it was recorded for (recordedFor) is recorded anew
    // by the review that finds it — periodic or early, one rule for every review — with what holds the line
    // now, so that its standing says what its reasons cite (the clock stays the first's): a policy
    // suspension for credit, a cleared credit suspension for the change that holds it, so that it is told,
    // closed and run to term as the change's. An early review cuts no limit: line management is the
    // periodic review's
    const now = ready ? null : recordedFor(held?.cause ?? line.cause, codes.includes("POLICY_CHANGE"), line);
    if (now !== null) {
      const beneath = under ?? blockers;
      const v = suspendAtReview(
        c,
        line,
        s,
        citing(c, line, day, s, beneath, byChange),
        beneath,
        now,
        !requested,
      );
      return held === null ? v : { ...v, beneath: true };
    }
    const facts = citedFacts(c, line, suspendedFor(line), codes, blockers);
    // line management reaches suspended lines too: the limit a restoration finds is the one kept all along.
    // The cut is the decision, its rules first; then why the line stays suspended, as a review that cuts
    // nothing says it (NOT_RESTORED_YET, then what stands in the way) — the cut's own reasons kept apart
    // (judged with the blockers when the limit kept once used was: restoredOnceUsed's cut)
    const cut = requested ? null : found.kept !== null ? found.kept.cut : lineManagement(c, line, s);
    if (cut?.decision === "limit_reduced") {
      const rules = cut.reasons.filter((r) => REASONS[r].kind !== "score");
      return {
        ...cut,
        reasons: principalReasons([...rules, "NOT_RESTORED_YET", ...codes], s),
        facts: [...cut.facts, ...facts],
        cutReasons: cut.reasons,
        named: blockers,
      };
    }
    return {
      decision: requested ? "declined" : null,
      reasons: principalReasons(["NOT_RESTORED_YET", ...codes], s),
      facts,
    };
  }
  return requested ? { decision: "info", reasons: ["NOTHING_TO_REVIEW"], facts: [] } : NO_DECISION;
}
