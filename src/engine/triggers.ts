// The real-time triggers, checked as they happen rather than at the monthly review: past due too long
// suspends, far past due charges off, too many bound-detail changes, a burst of large transactions in one
// day (suspected cash-out) or a large one soon after the bound phone or bank card changed (suspected
// account takeover) put a security hold on.

import {
  burstTally,
  type Customer,
  countUpTo,
  countWithin,
  customerDaysPastDue,
  daysPastDue,
  forgetTallies,
  isOpen,
  type Line,
  suspendedFor,
} from "./customer.js";
import { otherLine } from "./eligibility.js";
import { ceilWhole } from "./money.js";
import type { ReasonCode } from "./reasons.js";
import type { Fen, Policy } from "./types.js";
import type { RuleFact, Verdict } from "./verdict.js";
import type { ProfileField } from "./vocabulary.js";

/** Bound-detail changes since the last verification, within the security window. */
export function recentProfileChanges(c: Customer, day: number): number {
  return countWithin(c.profileChanges, day, c.policy.securityWindowDays, c.verifiedChanges);
}

/** The window the changes of `recentProfileChanges` are counted in, and the first day another change would
 *  no longer be one too many: the day the oldest changes beyond securityMaxChanges − 1 have left it (a
 *  change counts on its day and the window's days after; none when every change is too many). */
export function securityWindow(c: Customer, day: number): Pick<RuleFact, "window" | "windowClearsOn"> {
  const window = c.policy.securityWindowDays;
  const max = c.policy.securityMaxChanges;
  const from = Math.max(c.verifiedChanges, countUpTo(c.profileChanges, day - window));
  const counted = countUpTo(c.profileChanges, day) - from;
  if (max === 0 || counted < max) return { window };
  // another change is too many while `max` of the counted ones are in the window with it
  return { window, windowClearsOn: c.profileChanges[from + counted - max]! + window };
}

/** The unverified bound-detail changes that laid a security hold on `line` while it was open, before it
 *  was closed — the most of them within one security window, as the trigger counted them — or 0 when none
 *  did (or the line is not closed): a hold is lifted only by a verification, however long ago its changes
 *  were made, and a closure does not lift it. */
export function changesHeldAtClosure(c: Customer, line: Line): number {
  if (line.status !== "closed" || line.statusDay === null || line.lastOpenedDay === null) return 0;
  let most = 0;
  for (let i = c.verifiedChanges; i < c.profileChanges.length; i++) {
    const day = c.profileChanges[i]!;
    if (day < line.lastOpenedDay || day > line.statusDay) continue;
    most = Math.max(most, countWithin(c.profileChanges, day, c.policy.securityWindowDays, c.verifiedChanges));
  }
  return most > c.policy.securityMaxChanges ? most : 0;
}

/** The lines the overdue trigger acts on: active, suspended for policy, or under a security hold laid
 *  over nothing or over a policy suspension (the scheduler and customer service watch the same). */
export function overdueWatches(line: Line): boolean {
  if (line.status === "active") return true;
  if (line.status !== "suspended") return false;
  if (line.cause === "policy") return true;
  return line.cause === "security" && (line.heldOver === null || line.heldOver.cause === "policy");
}

/** The days past due at which the overdue trigger acts on `line` (Infinity: it does not watch it): the
 *  policy's — but on a line a policy change holds suspended, no sooner than the policy before the change
 *  would have (a trigger the change lowered has nothing to add to the change's own suspension). */
export function suspendsAt(c: Customer, line: Line): number {
  if (!overdueWatches(line)) return Infinity;
  const days = c.policy.suspendOverdueDays;
  const before = suspendedFor(line) === "policy" ? (line.previousPolicy ?? line.policyBefore) : null;
  return before === null ? days : Math.max(days, before.suspendOverdueDays);
}

/** Real-time trigger: past due beyond the policy's days (on either line) suspends an active line at once
 *  — and a line under a security hold alone beneath the hold, so that verifying does not hide it. A line
 *  suspended for policy (the lender's doing) is now suspended for credit, beneath a hold too: the
 *  delinquency is the customer's, and what its restoration must answer to (the clock stays the first
 *  suspension's).
 *
 *  Unless a policy change is what makes the days past due too many: before the first review after a
 *  change (previousPolicy), or on a line the change holds suspended (policyBefore), a trigger the policy
 *  before it would not have pulled yet — the change lowered it below the days already past due — is the
 *  change's, as a review's suspension is when what the line fails is the change's alone (changeAlone,
 *  standard.ts): an active line is suspended for `policy`, citing POLICY_CHANGE first and both thresholds
 *  (`before`), and a line already suspended for policy stays so; once the old threshold is reached too,
 *  the delinquency is the customer's, as above. */
export function overdueTrigger(c: Customer, line: Line, day: number): Verdict | null {
  const held = line.status === "suspended" && line.cause === "security";
  const dpd = customerDaysPastDue(c, day);
  const p = c.policy;
  if (dpd < suspendsAt(c, line)) return null;
  const before = suspendedFor(line) === "policy" ? null : line.previousPolicy;
  const byChange = before !== null && dpd < before.suspendOverdueDays;
  const fact = {
    code: "OVERDUE_TOO_LONG" as const,
    parameter: "suspendOverdueDays" as const,
    threshold: p.suspendOverdueDays,
    value: dpd,
    ...(byChange ? { before: before.suspendOverdueDays } : {}),
    ...otherLine(c, line, day),
  };
  return {
    decision: "suspended",
    ...(byChange ? { cause: "policy", policyBefore: before } : { cause: "credit" }),
    ...(held ? { beneath: true as const } : {}),
    reasons: byChange
      ? ["POLICY_CHANGE", "OVERDUE_TOO_LONG", "OVERDUE_NOW"]
      : ["OVERDUE_TOO_LONG", "OVERDUE_NOW"],
    facts: [fact],
  };
}

/** Real-time trigger: a line this far past due is charged off — its debt written off as the lender's loss.
 *  When a policy change brought the write-off forward (before the first review after it, the policy before
 *  would not have written off yet), the fact says the days that policy allowed (`before`), as a lowered
 *  overdue trigger's does: "100 days vs chargeOffDays 90 days, 180 days before the policy change" — the
 *  change, not a further day past due, is why the debt is written off today. */
export function chargeOffTrigger(c: Customer, line: Line, day: number): Verdict | null {
  if (line.status === "none" || line.status === "charged_off") return null;
  const dpd = daysPastDue(line, day);
  if (dpd < c.policy.chargeOffDays) return null;
  const before = line.previousPolicy ?? line.policyBefore;
  const byChange = before !== null && dpd < before.chargeOffDays;
  return {
    decision: "charged_off",
    reasons: ["CHARGED_OFF", "SERIOUS_DELINQUENCY"],
    facts: [
      {
        code: "CHARGED_OFF",
        parameter: "chargeOffDays",
        threshold: c.policy.chargeOffDays,
        value: dpd,
        ...(byChange ? { before: before.chargeOffDays } : {}),
      },
    ],
  };
}

/** Real-time trigger: too many bound-detail changes in the window since the last verification. */
export function securityTrigger(c: Customer, line: Line, day: number): Verdict | null {
  // an active line, or one suspended for credit or policy: it must not come back unverified
  if (line.status !== "active" && !(line.status === "suspended" && line.cause !== "security")) return null;
  const p = c.policy;
  const recent = recentProfileChanges(c, day);
  if (recent <= p.securityMaxChanges) return null;
  return {
    decision: "suspended",
    cause: "security",
    reasons: ["SECURITY_PROFILE_CHANGES", "FREQUENT_PROFILE_CHANGES"],
    facts: [
      {
        code: "SECURITY_PROFILE_CHANGES",
        parameter: "securityMaxChanges",
        threshold: p.securityMaxChanges,
        value: recent,
        ...securityWindow(c, day),
      },
    ],
  };
}

/** The security trigger at a policy change: a rule tightened (fewer changes allowed, or a longer window)
 *  below the unverified changes already made holds the lines at once, as a third change would have under
 *  the old rule and as a lowered overdue trigger suspends at once — the lender now reads the account as
 *  one with too many changes (an application to open a line is refused for them), and a line left active
 *  would be told "as many as the policy allows" of more than it allows. Its fact says the limit before the
 *  change (`before`) when the change is what makes the changes too many. */
export function securityTriggerAfterChange(before: Policy) {
  return (c: Customer, line: Line, day: number): Verdict | null => {
    const v = securityTrigger(c, line, day);
    if (v === null) return null;
    const then = countWithin(c.profileChanges, day, before.securityWindowDays, c.verifiedChanges);
    // (a longer window alone leaves the number allowed as it was: nothing before it to say)
    if (then > before.securityMaxChanges || before.securityMaxChanges === c.policy.securityMaxChanges)
      return v;
    return { ...v, facts: v.facts.map((f) => ({ ...f, before: before.securityMaxChanges })) };
  };
}

/** Counts a purchase or drawdown of `amount` asked — approved or declined, on any line — towards the
 *  day's burst: the amounts asked since the day's start or a verification that day, and the customer's
 *  limits that day — the open lines' limits (active or suspended) added up as each attempt came, the most
 *  of them (a line opened or raised during the day counts at its new limit; a cut during the day tightens
 *  nothing). Attempts, not approvals: a customer with credit available has the same attempts approved that
 *  one who owes more has declined, and better behaviour must not bring the hold; a suspension does not
 *  hide a burst either. */
export function countTransaction(c: Customer, day: number, amount: number): void {
  if (c.burstDay !== day) {
    c.burstDay = day;
    // emptied in place, not replaced: this runs on every purchase (forkCustomer copies the array); by pops,
    // which V8 inlines — setting the length is a call into the runtime, on nearly every purchase day
    const amounts = c.burstAmounts;
    while (amounts.length > 0) amounts.pop();
    forgetTallies(amounts);
    c.burstLimits = 0;
  }
  const limits = openLimits(c);
  if (limits > c.burstLimits) c.burstLimits = limits;
  c.burstAmounts.push(amount);
}

const openLimits = (c: Customer): Fen =>
  (isOpen(c.huabei) ? c.huabei.limit : 0) + (isOpen(c.jiebei) ? c.jiebei.limit : 0);

/** The customer's limits on `day` as a burst counts them (countTransaction): the most open that day, the
 *  line open now included — the same before an attempt is counted as after. */
const dayLimits = (c: Customer, day: number): Fen => {
  const now = openLimits(c);
  return c.burstDay === day && c.burstLimits > now ? c.burstLimits : now;
};

/** Up to this many attempts in a day, counting them again at each attempt costs less than a tally. */
const FEW_ATTEMPTS = 16;

/** The day's large attempts under policy `p` — each at least `burstLargeFraction` of the limits (0: every
 *  one) — how many and their total. */
function largeAttempts(c: Customer, p: Policy): { count: number; total: Fen } {
  // in whole fen, as amounts are; the limits only rise during a day, so a threshold seldom changes
  const large = ceilWhole(p.burstLargeFraction * c.burstLimits);
  const amounts = c.burstAmounts;
  // a day of a few attempts (nearly every purchase day of a population) is counted afresh: no tally to
  // make and keep; a long day is counted on from where the tally of this threshold stopped (burstTally)
  if (amounts.length <= FEW_ATTEMPTS) {
    let [count, total] = [0, 0];
    for (let i = 0; i < amounts.length; i++) {
      const a = amounts[i]!;
      if (a < large) continue;
      count++;
      total += a;
    }
    return { count, total };
  }
  const t = burstTally(amounts, large);
  for (; t.upto < amounts.length; t.upto++) {
    const a = amounts[t.upto]!;
    if (a < large) continue;
    t.count++;
    t.total += a;
  }
  return { count: t.count, total: t.total };
}

/** Whether the day's attempts make a burst under policy `p`: at least `burstMinTransactions` large ones,
 *  their total at least `burstFractionOfLimits` of the limits (either 0: never). */
export function isBurst(c: Customer, day: number, p: Policy = c.policy): boolean {
  if (c.burstDay !== day || p.burstMinTransactions === 0 || p.burstFractionOfLimits === 0) return false;
  if (c.burstAmounts.length < p.burstMinTransactions || c.burstLimits === 0) return false;
  const { count, total } = largeAttempts(c, p);
  // in whole fen, as amounts are: the share of the limits the total must reach
  return count >= p.burstMinTransactions && total >= ceilWhole(p.burstFractionOfLimits * c.burstLimits);
}

/** Real-time trigger: a burst of large transactions in one day (suspected cash-out) puts the security
 *  hold on that too many bound-detail changes put on — on an active line, or over a suspension for credit
 *  or policy — until `verify_identity`. */
export function burstTrigger(c: Customer, line: Line, day: number): Verdict | null {
  if (line.status !== "active" && !(line.status === "suspended" && line.cause !== "security")) return null;
  if (!isBurst(c, day)) return null;
  const { count, total } = largeAttempts(c, c.policy);
  return {
    decision: "suspended",
    cause: "security",
    reasons: ["UNUSUAL_TRANSACTIONS"],
    facts: [
      {
        code: "UNUSUAL_TRANSACTIONS",
        parameter: "burstFractionOfLimits",
        threshold: c.policy.burstFractionOfLimits,
        value: total / c.burstLimits,
        transactions: count,
        amount: total,
        limits: c.burstLimits,
      },
    ],
  };
}

/** The bound details whose change, followed at once by a large transaction, is the account-takeover
 *  pattern: the phone (where the one-time codes go) and the bank card (where the money goes) give whoever
 *  changed them the account and its cash. Not the address (it moves no money and controls nothing) nor the
 *  device (a new handset is everyday life, and still needs the bound phone's codes): those count only
 *  towards too many changes (securityTrigger). */
export const TAKEOVER_FIELDS: ReadonlySet<ProfileField> = new Set<ProfileField>(["phone", "bankcard"]);

/** The holds a transaction lays, which a verification alone lifts — each fact carrying its numbers. */
const TRANSACTION_HOLDS: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  "UNUSUAL_TRANSACTIONS",
  "LARGE_TRANSACTION_AFTER_CHANGE",
]);

/** Whether `code` is a security hold's own — too many bound-detail changes or a transaction's — which only
 *  a verification lifts. */
export const isHoldCode = (code: ReasonCode | undefined): boolean =>
  code === "SECURITY_PROFILE_CHANGES" || (code !== undefined && TRANSACTION_HOLDS.has(code));

/** Real-time trigger: a purchase or drawdown of `amount` asked (approved or declined, on any line) within
 *  takeoverWindowDays of a change of the bound phone or bank card not verified since (the change's own day
 *  counting as the first), of at least takeoverFractionOfLimits of the customer's limits that day (as a
 *  burst counts them: dayLimits, the same before the attempt is counted as after) — suspected account
 *  takeover — is declined (authorise) and puts the security hold on, on an active line or over a suspension for credit or policy, until `verify_identity`.
 *  Either parameter at 0: never. */
export function takeoverTrigger(c: Customer, line: Line, day: number, amount: Fen): Verdict | null {
  if (line.status !== "active" && !(line.status === "suspended" && line.cause !== "security")) return null;
  if (!isTakeover(c, day, amount)) return null;
  return { decision: "suspended", cause: "security", ...takeoverReasons(c, day, amount) };
}

/** The reason and its fact of an attempt the takeover trigger holds: declined (authorise), then the hold. */
export function takeoverReasons(c: Customer, day: number, amount: Fen) {
  const limits = dayLimits(c, day);
  const change = c.keyChange!;
  return {
    reasons: ["LARGE_TRANSACTION_AFTER_CHANGE" as const],
    facts: [
      {
        code: "LARGE_TRANSACTION_AFTER_CHANGE" as const,
        parameter: "takeoverFractionOfLimits" as const,
        threshold: c.policy.takeoverFractionOfLimits,
        value: amount / limits,
        amount,
        limits,
        changed: change.field,
        changedOn: change.day,
      },
    ],
  };
}

/** Whether a purchase or drawdown of `amount` asked today is one the takeover trigger holds under `p`. */
export function isTakeover(c: Customer, day: number, amount: Fen, p: Policy = c.policy): boolean {
  const change = c.keyChange;
  if (change === null || p.takeoverWindowDays === 0 || p.takeoverFractionOfLimits === 0) return false;
  if (day - change.day >= p.takeoverWindowDays) return false;
  const limits = dayLimits(c, day);
  // in whole fen, as amounts are
  return limits > 0 && amount >= ceilWhole(p.takeoverFractionOfLimits * limits);
}

/** The code of the security hold on `line` (suspended for `security`): what laid it — a transaction (a
 *  burst, one after a change), or too many bound-detail changes. */
const holdCode = (line: Line): ReasonCode => {
  const first = line.reasonsOnRecord[0];
  return first !== undefined && TRANSACTION_HOLDS.has(first) ? first : "SECURITY_PROFILE_CHANGES";
};

/** The transaction whose security hold was on a line of the customer's when it was closed, with no
 *  verification since — its fact on record — or null: a hold is lifted only by a verification, and a
 *  closure does not lift it (as for one too many bound-detail changes laid: changesHeldAtClosure). */
export function burstHeldAtClosure(c: Customer): RuleFact | null {
  for (const line of [c.huabei, c.jiebei]) {
    if (line.status !== "closed" || line.statusDay === null || c.verifiedDay >= line.statusDay) continue;
    const code = line.reasonsOnRecord.find((r) => TRANSACTION_HOLDS.has(r));
    if (code === undefined) continue;
    return line.factsOnRecord.find((f) => f.code === code) ?? { code };
  }
  return null;
}

/** What a security hold on `line` stands for, as its restoration and closure cite it: the transaction (a
 *  burst, one after a change) that laid it, with its numbers, or too many bound-detail changes. */
export function holdFact(line: Line): RuleFact {
  const code = holdCode(line);
  if (code === "SECURITY_PROFILE_CHANGES") return { code };
  return line.factsOnRecord.find((f) => f.code === code) ?? { code };
}
