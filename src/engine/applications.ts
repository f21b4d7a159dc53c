// The customer's requests: an application to open a line or raise its limit, and the authorisation of a
// purchase or a drawdown. Rules decide and never change the customer (apply-verdict.ts acts).

import {
  availableCredit,
  type Customer,
  calledIn,
  countWithin,
  customerDaysPastDue,
  customerOverdue,
  isOpen,
  type Line,
  lastCured,
  lastMissed,
  otherOf,
  owed,
  recordLine,
  rulesFor,
  thinFile,
} from "./customer.js";
import {
  atCap,
  CAPPED,
  capFact,
  capFor,
  dtiShown,
  eligibilityFailures,
  endedLine,
  keptAtLeast,
  noLineFact,
  otherLine,
  param,
  scoreFact,
  writeOffFact,
} from "./eligibility.js";
import { applicationDebt, huabeiUsed, keptOnceUsed, leastGranted, withDebtCounted } from "./grant.js";
import { type DrawnLoan, fitsInstalmentCap, instalmentToIncomeAfterDraw } from "./instalment-share.js";
import { smallestLine } from "./limits.js";
import * as loans from "./loans.js";
import { ceilWhole, wholeFen } from "./money.js";
import type { ReasonCode } from "./reasons.js";
import { debtToIncomeWith, type Scored, scoreOn } from "./score-inputs.js";
import {
  burstHeldAtClosure,
  changesHeldAtClosure,
  isTakeover,
  recentProfileChanges,
  securityWindow,
  takeoverReasons,
} from "./triggers.js";
import type { Fen } from "./types.js";
import { declined, principalReasons, type RuleFact, type ScoreSource, type Verdict } from "./verdict.js";
import type { ApplicationKind } from "./vocabulary.js";

/** The first day from `day` on that an increase's cooldown (since `cooldownSince`)
 *  and clean record (since the last missed due date or its cure: `cleanSince`) allow an application for one. */
export function increaseFrom(c: Customer, line: Line, day: number): number {
  const p = c.policy;
  return Math.max(day, cooldownSince(line) + p.increaseCooldownDays, cleanSince(c) + p.increaseCleanDays);
}

/** The day a clean-record rule (an increase's `increaseCleanDays`, Jiebei's `jiebeiDrawCleanDays`) runs
 *  from: the last missed due date or, when its arrears were cleared later, that cure — counted from the
 *  due date alone, a customer who cured a month late would qualify a month sooner than one a few days late. */
export const cleanSince = (c: Customer): number => Math.max(lastMissed(c), lastCured(c));

/** The day an increase's cooldown runs from: the line's last increase, its latest opening, its latest
 *  restoration from a suspension for credit, or the latest cut of its limit still on record (an increase
 *  to at least the limit before the cut, a review giving it all back, or a reopening ends that record; an
 *  increase to less keeps it, a partial way back): a lender that has just cut a line does not raise
 *  it back weeks later — card issuers commonly wait after a decrease before granting an increase — nor
 *  raises one the day after it lifted a suspension for credit (a ¥8,000 line suspended for ¥250,000 of debt
 *  elsewhere, restored on day 166 once it was repaid, was raised to ¥12,000 on day 167). */
const cooldownSince = (line: Line): number =>
  Math.max(
    line.lastIncreaseDay ?? Number.NEGATIVE_INFINITY,
    line.lastOpenedDay ?? Number.NEGATIVE_INFINITY,
    line.restoredDay ?? Number.NEGATIVE_INFINITY,
    line.cut?.day ?? Number.NEGATIVE_INFINITY,
  );

/** An increase's cooldown, which runs from the opening too, the latest one — and from a cut of the limit:
 *  no increase in a line's first months, whether it is opened for the first time or reopened after a
 *  closure, nor in the months after the lender cut it. */
function tooSoonToRaise(line: Line, day: number, cooldown: number): RuleFact | null {
  const since = cooldownSince(line);
  if (day - since >= cooldown) return null;
  return {
    code: "INCREASE_TOO_SOON",
    parameter: "increaseCooldownDays",
    threshold: cooldown,
    value: day - since,
  };
}

/** A line not used within `within` days (0: not asked) by `day` — no purchase of at least ¥10, no cash
 *  loan, no repayment of something owed since (usedDay: its opening, when later), nothing owed now — is not
 *  raised: more credit goes to a line in use, and one left unused is on its way to the review's closure of
 *  it (dormantCloseDays), which an increase granted weeks before contradicted. The days the lender kept it
 *  suspended since (keptSinceUse) are not counted: the customer could not use it on them, and a
 *  suspension is no sign of a line its customer has no use for. */
function unusedForIncrease(line: Line, day: number, within: number): RuleFact | null {
  if (within <= 0 || line.usedDay === null || owed(line) > 0) return null;
  const unused = day - line.usedDay - line.keptSinceUse;
  if (unused <= within) return null;
  return {
    code: "LINE_NOT_IN_USE",
    parameter: "increaseUsedWithinDays",
    threshold: within,
    value: unused,
  };
}

/** A closed line's use as it stood at its closure (statusDay): the days it was closed it could not be
 *  used, and are no sign of a line left unused — a line in use until the customer closed it reopens above
 *  its last limit as one raised the day it closed would have been. */
const unusedAtClosure = (line: Line, day: number, within: number): RuleFact | null =>
  unusedForIncrease(line, line.statusDay ?? day, within);

/** A line used too close to its limit for more credit: its balance above `max` of its current limit — an
 *  over-limit balance (a cut below what is owed, charges past the limit) always above it, whatever `max`.
 *  Card issuers commonly refuse a line increase to an over-limit or highly utilised account: more credit
 *  would be lent to a customer already borrowing nearly all of what they have. `amount`: the least
 *  repayment that brings the balance within the threshold (rounded up to the fen). */
function tooUtilisedToRaise(line: Line, max: number): RuleFact | null {
  const balance = owed(line);
  if (balance <= 0) return null;
  const utilisation = line.limit > 0 ? balance / line.limit : Number.POSITIVE_INFINITY;
  const over = balance > line.limit;
  if (!over && utilisation <= max) return null;
  // the most that may be owed: `max` of the limit, and never more than the limit itself — to the fen as the
  // rule compares it (0.7 × 90,000 is 62,999.999… in binary: a fen more was asked than the rule needs)
  const cap = Math.min(max, 1);
  let allowed = Math.floor(cap * line.limit);
  while ((allowed + 1) / line.limit <= cap) allowed++;
  return {
    code: "UTILISATION_TOO_HIGH",
    parameter: "maxIncreaseUtilisation",
    threshold: max,
    // rounded up to the 0.1 % a share is said in, as a ratio over its cap is (dtiShown): a fen over 90 %
    // read "90 % vs maxIncreaseUtilisation 90 %", as if the balance met the cap it was refused for
    value: Number.isFinite(utilisation) ? ceilWhole(utilisation * 1000) / 1000 : utilisation,
    amount: Math.max(1, balance - allowed),
  };
}

/**
 * An application refused on the lender's own books, before any assessment: no line to raise, one already
 * open, a write-off, a closed line (this one or the other) still owing. The lender pulls no credit report
 * for it, so it is no inquiry: it costs no score points and does not count towards `maxApplications30d`.
 * Null: the application is assessed. None of these reads the policy (a lane's policies refuse alike) or
 * the score (their codes cite no characteristic).
 */
export function refusedUnassessed(
  c: Customer,
  line: Line,
  kind: ApplicationKind,
  s: ScoreSource,
): Verdict | null {
  if (kind === "open") {
    if (isOpen(line)) return declined(["ACCOUNT_EXISTS"], s);
  } else {
    if (line.status === "none") return declined(["NO_ACCOUNT"], s);
    if (line.status === "closed" || line.status === "charged_off") {
      const ended = endedLine(c, line);
      return declined(ended.reasons, s, ended.facts);
    }
    if (line.status === "suspended") return declined(["ACCOUNT_SUSPENDED"], s);
  }
  // after a write-off on either line, no line is opened or raised
  const lost = writeOffFact(c, line);
  if (lost) return declined(["DEBT_WRITTEN_OFF"], s, [lost]);
  // a line the lender closed reopens only once its closing balance is repaid, as customer service says
  // (it offers reapplying only then): reopened, the debt it called in would be lent again
  const balance = owed(line);
  if (kind === "open" && line.status === "closed" && balance > 0)
    return declined(["BALANCE_OUTSTANDING"], s, [{ code: "BALANCE_OUTSTANDING", value: balance }]);
  // nor is the other line opened or raised meanwhile: the customer owes the lender a debt it called in (a
  // customer's own close needs nothing owed, so a closed line that owes was closed by the lender) — not
  // instalments left to run to term by a closure that answered no default, which it did not call in (their
  // arrears, if any, are the past-due rule's)
  const other = otherOf(c, line);
  const called = calledIn(other);
  if (called > 0)
    return declined(["OTHER_LINE_CLOSED_OWING"], s, [
      { code: "OTHER_LINE_CLOSED_OWING", value: called, line: other.id },
    ]);
  return null;
}

/** Applications to open a line or raise its limit. The inquiry of one that is assessed has been recorded
 *  before this runs (or is counted in `unrecorded`: customer service asking whether an application would
 *  pass); the score is the one before the inquiry, as a lender pulling the file would see it. */
export function decideApplication(
  c: Customer,
  line: Line,
  day: number,
  kind: ApplicationKind,
  amount: Fen,
  s: Scored,
  unrecorded = 0,
): Verdict {
  const p = c.policy;
  const rules = rulesFor(p, line.id);
  const refused = refusedUnassessed(c, line, kind, s);
  if (refused) return refused;
  // every policy rule the application fails is a reason (the principal ones: four at most)
  const failures: RuleFact[] = [];
  // no new or larger line while the customer's other line is suspended (for credit, policy or security):
  // more credit is not offered to a customer the lender has just stopped lending to
  const other = otherOf(c, line);
  if (other.status === "suspended") failures.push({ code: "OTHER_LINE_SUSPENDED", line: other.id });
  const applications = countWithin(c.inquiries, day, 30) + unrecorded;
  if (applications > p.maxApplications30d) {
    failures.push({
      code: "TOO_MANY_APPLICATIONS",
      parameter: "maxApplications30d",
      threshold: p.maxApplications30d,
      value: applications,
    });
  }
  if (customerOverdue(c) > 0) {
    failures.push({
      code: "OVERDUE_OUTSTANDING",
      value: customerDaysPastDue(c, day),
      ...otherLine(c, line, day),
    });
  }
  if (kind === "open") {
    // reopening a line is not a way round a hold or a recent delinquency: the restoration standards apply —
    // changes too many within the window today, or a hold laid on a line of the customer's that was closed
    // without the verification that alone lifts it (the window long past: a restoration would still ask it)
    const recent = recentProfileChanges(c, day);
    const changes =
      recent > p.securityMaxChanges
        ? recent
        : Math.max(changesHeldAtClosure(c, c.huabei), changesHeldAtClosure(c, c.jiebei));
    if (changes > p.securityMaxChanges) {
      failures.push({
        code: "SECURITY_PROFILE_CHANGES",
        parameter: "securityMaxChanges",
        threshold: p.securityMaxChanges,
        value: changes,
        // the window, when the changes are today's (a hold kept from a closed line waits on no window)
        ...(recent > p.securityMaxChanges ? securityWindow(c, day) : {}),
      });
    }
    // …nor round a hold a burst of transactions laid on a line closed before a verification lifted it
    const burst = burstHeldAtClosure(c);
    if (burst !== null) failures.push(burst);
    const cured = lastCured(c);
    if (customerOverdue(c) === 0 && day - cured < p.restoreCleanDays) {
      failures.push({
        code: "OVERDUE_TOO_RECENT",
        parameter: "restoreCleanDays",
        threshold: p.restoreCleanDays,
        value: day - cured,
        ...recordLine(c, line, cured, false),
      });
    }
    // the floor the grant applies (smallestLine), not a lower minLimit: a line is never opened below it
    const floor = smallestLine(rules);
    if (amount < floor) {
      failures.push({
        code: "AMOUNT_BELOW_MINIMUM",
        parameter: param(line.id, "minLimit", "jiebeiMinLimit"),
        threshold: floor,
        value: amount,
      });
    }
    // cash loans only for a customer with a record to judge (Jiebei is offered by invitation)
    if (line.id === "jiebei" && thinFile(c)) failures.push({ code: "REPAYMENT_RECORD_REQUIRED" });
  }
  if (kind === "increase") {
    const soon = tooSoonToRaise(line, day, p.increaseCooldownDays);
    if (soon) failures.push(soon);
    const unused = unusedForIncrease(line, day, p.increaseUsedWithinDays);
    if (unused) failures.push(unused);
    const used = tooUtilisedToRaise(line, p.maxIncreaseUtilisation);
    if (used) failures.push(used);
    const missed = cleanSince(c);
    if (day - missed < p.increaseCleanDays) {
      failures.push({
        code: "RECENT_MISSED_PAYMENT",
        parameter: "increaseCleanDays",
        threshold: p.increaseCleanDays,
        value: day - missed,
        ...recordLine(c, line, missed, true),
      });
    }
  }
  // never below what the line must keep at the next review: a line granted there would be suspended
  const raise = keptAtLeast(
    rules,
    line.id,
    rules.minIncreaseScore,
    param(line.id, "minIncreaseScore", "jiebeiMinIncreaseScore"),
  );
  const minimum =
    kind === "open"
      ? keptAtLeast(rules, line.id, rules.minOpenScore, param(line.id, "minOpenScore", "jiebeiMinOpenScore"))
      : raise;
  if (s.score < minimum.score) {
    const code = kind === "open" ? "SCORE_BELOW_OPEN_MINIMUM" : "SCORE_BELOW_INCREASE_MINIMUM";
    failures.push(scoreFact(code, minimum.parameter, minimum.score, s));
  }
  // the debt ratio as the review will read it once the least this could grant is used (applicationFile):
  // a line opened at the very cap of today's ratio is over it at the next review once it is used — its
  // number is that file's, and says so (onceUsed: not the ratio today's scorecard reads)
  const least = leastGranted(c, line, kind === "increase");
  failures.push(
    ...eligibilityFailures(c, rules, p, [], applicationDebt(c, line, kind === "increase")).map(
      (f): RuleFact =>
        f.value === undefined ? f : withDebtCounted({ ...f, onceUsed: least }, c, line.id, least),
    ),
  );
  // the caps decline it too, and are reasons beside the other rules (every rule that declines it is one):
  // an increase declined for its cooldown alone, the limit already at the income's cap, sent the customer
  // to wait for a day on which it was declined again, for a cap no decision had named
  const cap = capFor(c, line.id, s);
  const wanted = kind === "open" ? amount : line.limit + amount;
  const capFailure =
    cap === null || cap.belowMinimum
      ? noLineFact(line.id, rules, cap, s)
      : kind === "increase"
        ? atCap(cap, line.id, line.limit, wanted)
        : null;
  // …but not a score below every band where the score minimum cited asks as much: the same step, twice
  if (capFailure !== null && !failures.some((f) => meetingAlsoMeets(f, capFailure)))
    failures.push(capFailure);
  if (failures.length > 0 || cap === null || cap.belowMinimum)
    return declined(
      failures.map((f) => f.code),
      s,
      failures,
    );
  // a closed line reopens at its last limit: more is an increase, and meets an increase's standards
  // (else a customer closed for a late repayment would reopen above one restored in time, and one who
  // closes the line himself would get round them)
  if (kind === "open" && line.lastLimit !== null && wanted > line.lastLimit) {
    const above: RuleFact[] = [];
    // the cooldown (`cooldownSince`): closing and reopening the next week is no
    // quicker a way to a larger line than asking for an increase
    const soon = tooSoonToRaise(line, day, p.increaseCooldownDays);
    if (soon) above.push(soon);
    // nor closing an unused line (or the lender's closure of it as unused) a way round the rule that
    // raises only a line in use: its use is what it had before the closure — while the closure is within
    // the days the rule looks back. Closed longer, the customer has had no line of ours to use for all of
    // them, as a newcomer has not, and reapplies as one: a line closed unused held its reopening to the
    // last limit for good (¥8,000 against a newcomer's ¥20,000, 589 days after its closure)
    const closedFor = day - (line.statusDay ?? day);
    const unused =
      closedFor > p.increaseUsedWithinDays ? null : unusedAtClosure(line, day, p.increaseUsedWithinDays);
    if (unused) above.push(unused);
    const missed = cleanSince(c);
    if (day - missed < p.increaseCleanDays)
      above.push({
        code: "RECENT_MISSED_PAYMENT",
        parameter: "increaseCleanDays",
        threshold: p.increaseCleanDays,
        value: day - missed,
        ...recordLine(c, line, missed, true),
      });
    if (s.score < raise.score)
      above.push(scoreFact("SCORE_BELOW_INCREASE_MINIMUM", raise.parameter, raise.score, s));
    if (above.length > 0) {
      const limit = Math.min(line.lastLimit, cap.limit);
      // never an active line below the smallest limit: a last limit under today's minimum (raised since the
      // closure) reopens nothing — the last limit is what falls short (today's cap does not: it was checked)
      const smallest = smallestLine(rules);
      if (limit < smallest) {
        const fact: RuleFact = {
          code: "LAST_LIMIT_BELOW_SMALLEST_LINE",
          parameter: param(line.id, "minLimit", "jiebeiMinLimit"),
          threshold: smallest,
          value: limit,
        };
        return declined([fact.code, ...above.map((f) => f.code)], s, [fact, ...above]);
      }
      // today's cap below the last limit holds the line lower still: it is a reason too
      const facts =
        cap.limit < line.lastLimit ? [...above, capFact(CAPPED[cap.binding], cap, line.id, wanted)] : above;
      return keptOnUse(c, line, day, kind, s, unrecorded, limit, facts);
    }
  }
  if (wanted <= cap.limit) return keptOnUse(c, line, day, kind, s, unrecorded, wanted, []);
  const code = CAPPED[cap.binding];
  return keptOnUse(c, line, day, kind, s, unrecorded, cap.limit, [capFact(code, cap, line.id, wanted)]);
}

/** Whether meeting the score minimum `f` cites meets the score a cap below every band (`cap`,
 *  SCORE_BELOW_LIMIT_BANDS) asks: the minimum no lower than the lowest band. */
function meetingAlsoMeets(f: RuleFact, cap: RuleFact): boolean {
  return (
    cap.code === "SCORE_BELOW_LIMIT_BANDS" &&
    (f.code === "SCORE_BELOW_OPEN_MINIMUM" || f.code === "SCORE_BELOW_INCREASE_MINIMUM") &&
    (f.threshold ?? 0) >= (cap.threshold ?? Number.POSITIVE_INFINITY)
  );
}

/**
 * An application's grant of `limit` (`held`: the facts of the caps that held it below what was asked),
 * at most the limit the next review would keep once the credit is used (keptOnceUsed): the monthly
 * review suspends a line over the debt cap or below the minimum score and cuts one above its score's band,
 * reading the month-end report — so a line granted at the edge of them, and used, would be taken back on
 * facts that barely moved — and it judges the customer's other line on the same file (one customer, one
 * debt). Held lower, the grant cites LIMIT_KEPT_ONCE_USED (the limit kept, against the one it would have
 * been) and what the review would hold against the larger one, or against the other line (its facts name
 * it); declined when no line is kept (for an increase, none above the limit the line has).
 */
function keptOnUse(
  c: Customer,
  line: Line,
  day: number,
  kind: ApplicationKind,
  s: Scored,
  unrecorded: number,
  limit: Fen,
  held: RuleFact[],
): Verdict {
  const sized = keptOnceUsed(c, line, limit, kind === "increase" ? line.limit : 0, day, unrecorded);
  const capped = held.length > 0;
  if (sized.limit === limit) {
    // a counteroffer is an adverse action (Regulation B, 12 CFR 1002.9: unless accepted): its principal
    // reasons are why less was granted than asked — the caps' codes with the characteristics they are
    // about —, not MEETS_POLICY, which would take one of the four places to say what the decision does
    return capped
      ? {
          decision: "approved_lower",
          reasons: principalReasons(
            held.map((f) => f.code),
            s,
          ),
          facts: held,
          limit,
        }
      : { decision: "approved", reasons: ["MEETS_POLICY"], facts: [], limit };
  }
  const fact: RuleFact = {
    code: "LIMIT_KEPT_ONCE_USED",
    ...(sized.limit === null ? {} : { threshold: sized.limit }),
    value: limit,
  };
  const why = [fact, ...sized.facts];
  if (sized.limit === null)
    return declined(
      why.map((f) => f.code),
      s,
      why,
    );
  const facts = [...held, ...why];
  return {
    decision: "approved_lower",
    reasons: principalReasons(
      facts.map((f) => f.code),
      s,
    ),
    facts,
    limit: sized.limit,
  };
}

/** A purchase on Huabei or a drawdown on Jiebei: declined while the line is not active, while anything is
 *  overdue on either line, or beyond the available credit — and a drawdown while Huabei is suspended.
 *  `reportDay`: the next month end, whose report the reviews read (a drawdown's debt burden is judged as
 *  that report will show it). `loan`: a drawdown's term and its first due day (its instalments are judged
 *  against the income). */
export function authorise(
  c: Customer,
  line: Line,
  amount: Fen,
  day: number,
  reportDay: number,
  loan: DrawnLoan | null = null,
): Verdict {
  if (line.status === "none") return declined(["NO_ACCOUNT"], scoreLater(c, day));
  if (line.status === "closed" || line.status === "charged_off") {
    const ended = endedLine(c, line);
    return declined(ended.reasons, scoreLater(c, day), ended.facts);
  }
  if (line.status === "suspended") return declined(["ACCOUNT_SUSPENDED"], scoreLater(c, day));
  // a large attempt the day the bound phone or bank card changed waits for the owner's verification
  // (step-up): what a takeover would draw is what the hold is there to stop — it is laid after this
  // (customer-events: heldUnderAny), and the decline names why
  if (isTakeover(c, day, amount)) {
    const { reasons, facts } = takeoverReasons(c, day, amount);
    return declined(reasons, scoreLater(c, day), facts);
  }
  // each drawdown is a loan contract of its own: new credit, which is not offered to a customer the lender
  // has just stopped lending to for their record or a security hold, as an application is not
  // (OTHER_LINE_SUSPENDED). A Huabei purchase, by contrast, uses a revolving line already granted, and
  // Jiebei's suspension does not stop it.
  if (line.id === "jiebei" && huabeiBarsCash(c))
    return declined(["OTHER_LINE_SUSPENDED"], scoreLater(c, day), [
      { code: "OTHER_LINE_SUSPENDED", line: "huabei" },
    ]);
  if (customerOverdue(c) > 0) {
    return declined(["OVERDUE_OUTSTANDING"], scoreLater(c, day), [
      { code: "OVERDUE_OUTSTANDING", value: customerDaysPastDue(c, day), ...otherLine(c, line, day) },
    ]);
  }
  const available = availableCredit(line);
  if (amount > available) {
    return {
      decision: "declined",
      reasons: ["OVER_LIMIT"],
      // none left, as the line shows it: a cut limit, or Huabei's interest, can take what is owed past the limit
      facts: [{ code: "OVER_LIMIT", threshold: Math.max(0, available), value: amount }],
    };
  }
  if (line.id === "jiebei") {
    const p = c.policy;
    if (amount < wholeFen(p.jiebeiMinDrawdown)) {
      return {
        decision: "declined",
        reasons: ["AMOUNT_BELOW_MINIMUM"],
        facts: [
          {
            code: "AMOUNT_BELOW_MINIMUM",
            parameter: "jiebeiMinDrawdown",
            threshold: wholeFen(p.jiebeiMinDrawdown),
            value: amount,
          },
        ],
      };
    }
    // no new cash right after a missed due date, on either line: drawing the line out just after a cure
    // is a classic warning sign
    const missed = cleanSince(c);
    if (day - missed < p.jiebeiDrawCleanDays) {
      return declined(["RECENT_MISSED_PAYMENT"], scoreLater(c, day), [
        {
          code: "RECENT_MISSED_PAYMENT",
          parameter: "jiebeiDrawCleanDays",
          threshold: p.jiebeiDrawCleanDays,
          value: day - missed,
          ...recordLine(c, line, missed, true),
        },
      ]);
    }
    // a cash loan is new credit, judged by the line's own standard as it stands today: none at a score
    // below the minimum the review keeps the line at — lent, it was drawn the day before the review that
    // suspends the line for that score (¥20,000 at 773 against a jiebeiMinScore raised to 790)
    const rules = rulesFor(p, line.id);
    const s = scoreOn(c, day);
    if (s.score < rules.minScore)
      return declined(["SCORE_BELOW_MINIMUM"], () => s, [
        scoreFact("SCORE_BELOW_MINIMUM", "jiebeiMinScore", rules.minScore, s),
      ]);
    // affordability: a cash loan may not take the debt burden past Jiebei's cap — as the next month-end
    // report will show it, with the interest the loans bear until then: a loan granted to the cap of
    // today's balances would otherwise be what suspends the line at the next review
    const after = debtToIncomeAfterDraw(c, amount, reportDay);
    if (after > p.jiebeiMaxDebtToIncome) {
      return declined(["DEBT_TO_INCOME_TOO_HIGH"], scoreLater(c, day), [
        {
          code: "DEBT_TO_INCOME_TOO_HIGH",
          parameter: "jiebeiMaxDebtToIncome",
          threshold: p.jiebeiMaxDebtToIncome,
          value: dtiShown(after),
        },
      ]);
    }
    // and a month's instalments may not take more of the income than the cap: the debt cap weighs what is
    // owed against a year's income, and leaves a large short loan through (¥50,000 over 3 months on
    // ¥10,000 a month asks 173 % of it each month; over 12 months, 47 %, within the default 0.5). Declined,
    // not lent less: the loan is the customer's own amount and term, as a drawdown over the debt cap is
    if (loan !== null) {
      const share = instalmentToIncomeAfterDraw(c, amount, loan, day);
      if (share > p.jiebeiMaxInstalmentToIncome) {
        return declined(["INSTALMENT_TO_INCOME_TOO_HIGH"], scoreLater(c, day), [
          {
            code: "INSTALMENT_TO_INCOME_TOO_HIGH",
            parameter: "jiebeiMaxInstalmentToIncome",
            threshold: p.jiebeiMaxInstalmentToIncome,
            value: dtiShown(share),
            ...fitsInstalmentCap(c, amount, loan, day),
          },
        ]);
      }
    }
  }
  return { decision: "approved", reasons: WITHIN_LIMIT, facts: NO_FACTS, limit: line.limit };
}

/** Whether Huabei's suspension stops Jiebei lending cash: a suspension for credit or a security hold does;
 *  one for a policy change alone does not — the customer's record is clean, Huabei fails only where the
 *  new policy asks more of it, and Jiebei, which the same policy's review kept, judges each loan by its own
 *  rules (the debt and instalment caps, the wait after a missed due date). */
export const huabeiBarsCash = (c: Customer): boolean =>
  c.huabei.status === "suspended" && c.huabei.cause !== "policy";

// Most steps of a population are approved purchases: they share one frozen reason list and no facts
// rather than allocating two arrays each (a verdict's lists are never changed after it is made).
const WITHIN_LIMIT = Object.freeze(["WITHIN_LIMIT"]) as ReasonCode[];
const NO_FACTS = Object.freeze<RuleFact[]>([]) as RuleFact[];

/** The score of `day`, taken only if a decline's reasons need it (an approval makes no closure). */
const scoreLater =
  (c: Customer, day: number): ScoreSource =>
  () =>
    scoreOn(c, day);

/** The debt-to-income ratio the month-end report on `reportDay` will show if `amount` is lent on Jiebei
 *  today and nothing is repaid meanwhile: a drawdown's affordability check, and what support's "cash is
 *  lent again" reads. */
export function debtToIncomeAfterDraw(c: Customer, amount: Fen, reportDay: number): number {
  const jiebei = loans.owedThrough(c.jiebei.book, amount, reportDay, c.policy.jiebeiRatePerDay);
  // Huabei as the report may show it: an active line used to its limit by purchases no one reviews (a
  // drawdown that fits only while Huabei is unused would be what suspends Jiebei once it is used), the
  // credit left on it counted at grantUsedFraction
  return debtToIncomeWith(c, huabeiUsed(c.huabei, c.policy.grantUsedFraction) + jiebei, 0);
}
