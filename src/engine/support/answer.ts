// Customer service: the answer to `contact_support`, for both lines — why a line was suspended, closed or
// charged off (the reasons on record, dated), what stands in the way now (reasons true today), and steps
// the customer can actually take in the model (pay, verify, pay down debt, wait for a dated review).

import { cleanSince, debtToIncomeAfterDraw } from "../applications.js";
import type { Calendar } from "../calendar.js";
import {
  type Customer,
  customerOverdue,
  daysPastDue,
  isOpen,
  type Line,
  lineOf,
  otherOf,
  overdue,
  owed,
  suspendedFor,
} from "../customer.js";
import { CUT_BY, writeOffFact } from "../eligibility.js";
import * as loans from "../loans.js";
import { wholeFen } from "../money.js";
import type { ReasonCode } from "../reasons.js";
import {
  asNextReviewReads,
  billsInFull,
  callsInAhead,
  chargeOffCallsIn,
  duesAhead,
} from "../report-ahead.js";
import { citedFacts, citing, periodicReview, unusedDays } from "../review.js";
import * as revolving from "../revolving.js";
import { type Scored, scoreOn } from "../score-inputs.js";
import { scoreReasons } from "../scorecard.js";
import { cutTo, keptStandard, lineManagement } from "../standard.js";
import { monthEndAfter, reviewOnOrAfter } from "../state.js";
import type { Fen, OverdueCut, Remedy } from "../types.js";
import { principalReasons, type RuleFact } from "../verdict.js";
import type { LineId } from "../vocabulary.js";
import { applicationOn, openingBlockers, reopensLower, tooManyApplications } from "./applying.js";
import type { SupportAnswer } from "./citing.js";
import { payBalance } from "./closed-line.js";
import { increaseDay } from "./increase-day.js";
import { limitCut, restoredFrom } from "./limit-cut.js";
import { noAccount } from "./no-account.js";
import { overduePaid, withDues } from "./read-ahead.js";
import { dueInFull, dueInGrace, nextDeadline, nextDue, unusedClosure } from "./reminders.js";
import { fixedUntil, MAX_REASONS } from "./score-advice.js";
import { standardRemedies } from "./standard-steps.js";
import { suspendedLine } from "./suspended-line.js";

export function answerSupport(c: Customer, day: number, s: Scored, calendar: Calendar): SupportAnswer {
  const lines = [c.huabei, c.jiebei].filter((l) => l.status !== "none");
  if (lines.length === 0) return noAccount(c, day, s, calendar);
  const drivers = scoreReasons(s, MAX_REASONS);
  const reasons: ReasonCode[] = [];
  const facts: RuleFact[] = [];
  const remedies: Remedy[] = [];
  // the score whose characteristics the answer's reasons cite: today's, or the next review's when what
  // stands in the way of a suspended line is what it reads
  let ranked = s;
  for (const line of lines) {
    if (overdue(line) > 0) {
      // the day's repayments post before the end-of-day checks: paid today, the threshold reached today
      // does not act
      const deadline = nextDeadline(c, line, day);
      // a write-off calls in the line's instalments still to come: what then falls due at once, and when
      const written =
        deadline?.what === "charge_off" ? chargeOffCallsIn(c, line.id, day, calendar, deadline.day) : null;
      remedies.push({
        line: line.id,
        kind: "pay_overdue",
        amount: overdue(line),
        ...(deadline?.day === day ? { today: deadline.what } : {}),
        ...(deadline && deadline.day > day
          ? { by: { day: deadline.day, date: calendar.date(deadline.day), what: deadline.what } }
          : {}),
        ...(deadline?.what === "suspension" && deadline.forCredit !== null
          ? { forCredit: deadline.forCredit }
          : {}),
        ...(written !== null ? { chargeOffCallsIn: written } : {}),
      });
    }
    // Jiebei lends no cash for a while after a missed due date or its cure (on either line): from when it does again —
    // said only when nothing else would decline the smallest loan (the credit left, the debt burden, Huabei
    // suspended: no day can be promised until a review restores it, and its own steps say what that needs)
    if (
      line.id === "jiebei" &&
      line.status === "active" &&
      c.huabei.status !== "suspended" &&
      customerOverdue(c) === 0
    ) {
      const from = cleanSince(c) + c.policy.jiebeiDrawCleanDays;
      const smallest = wholeFen(c.policy.jiebeiMinDrawdown);
      const lendable =
        line.limit - owed(line) >= smallest &&
        debtToIncomeAfterDraw(c, smallest, monthEndAfter(calendar, day)) <= c.policy.jiebeiMaxDebtToIncome;
      if (from > day && lendable)
        remedies.push({
          line: "jiebei",
          kind: "wait_to_draw",
          day: from,
          date: calendar.date(from),
          wait: c.policy.jiebeiDrawCleanDays,
        });
    }
    // a bill past its due day and still in its grace days: paying the overdue alone leaves new arrears — on
    // Jiebei loans a closure or a charge-off called in, all of it at once, not an instalment; on a closed
    // Huabei line a bill its statements made due in full (a cycle stated before the closure still asks its
    // minimum)
    const due = dueInGrace(c, line, day);
    // the last day it counts as paid on time: the end of its grace days (the due day itself without any)
    const last =
      due > 0
        ? line.id === "jiebei"
          ? loans.graceLastDay(line.book, day, wholeFen(c.policy.toleranceAmount), c.policy.jiebeiRatePerDay)
          : revolving.graceLastDay(line.ledger, day)
        : null;
    if (due > 0)
      remedies.push({
        line: line.id,
        kind: "pay_due",
        amount: due,
        ...(last !== null && { by: { day: last, date: calendar.date(last), today: last === day } }),
        ...(dueInFull(line, day) ? { calledIn: true } : {}),
        // a repayment clears the arrears first: what is due is on top of them
        ...(overdue(line) > 0 ? { onTopOf: overdue(line) } : {}),
      });
    // a remainder within the tolerance with no due day left after the one it waits for: waived, unpaid
    const waiver =
      line.id === "jiebei"
        ? loans.waiverAhead(
            line.book,
            day,
            c.policy.graceDays,
            c.policy.jiebeiRatePerDay,
            wholeFen(c.policy.toleranceAmount),
          )
        : null;
    if (waiver !== null)
      remedies.push({
        line: "jiebei",
        kind: "waived_unless_paid",
        amount: waiver.amount,
        day: waiver.day,
        date: calendar.date(waiver.day),
      });
    // what falls due next on the line, before it falls due: said with what it asks and by when — but not a
    // remainder the tolerance waives if left unpaid (the waiver says it: missing it costs nothing)
    const ahead =
      line.status === "active" || line.status === "suspended" ? nextDue(c, line, day, calendar) : null;
    // (the waiver falls on the day its due date's grace ends)
    const waived = waiver !== null && ahead !== null && ahead.day + c.policy.graceDays + 1 === waiver.day;
    if (ahead !== null && !waived) remedies.push(ahead);
  }
  // an active line the next review would suspend: said before it happens, with what changes it (the
  // reasons are what the review would cite) — unless an overdue left unpaid suspends or writes off first
  // (at the latest that day: the overdue check runs before the review), which paying it, as said above,
  // prevents. The review reads the lines' balances as the last report before it shows them: a month end
  // before it reports what was repaid or spent since the one on record, as the debt advice counts it.
  const next = reviewOnOrAfter(calendar, day, c.policy);
  const deadlineFirst = lines.some((l) => {
    const d = nextDeadline(c, l, day);
    return d !== null && d.day <= next;
  });
  const anyActive = lines.some((l) => l.status === "active");
  const read = anyActive ? asNextReviewReads(c, day, calendar) : c;
  // …scored on its day, with the bills due before it met at their minimum
  const dues = anyActive ? duesAhead(c, day, calendar, next) : [];
  // (today's score only on the review's own day: by a later one, what ages out of a window has left it)
  const atReview = read === c && dues.length === 0 && next === day ? s : scoreOn(withDues(read, dues), next);
  // the review suspends for the overdue when, paid today, it would not: that review is then what leaving it
  // unpaid brings first, and the pay step names it (once), rather than the later trigger beside a warning
  const paid = customerOverdue(c) > 0 && !deadlineFirst ? overduePaid(c, day, calendar) : null;
  const forOverdue: LineId[] = [];
  for (const line of lines) {
    // a suspended line left unused: the review closes it as an active one (DORMANT_ACCOUNT) unless its
    // suspension's own time is up first (LONG_SUSPENSION, warned of as closure_due) — it takes no purchase
    // while suspended, so only restored before then and used is it kept
    if (
      line.status === "suspended" &&
      line.statusDay !== null &&
      next - line.statusDay < c.policy.closeAfterSuspendedDays &&
      line.usedDay !== null &&
      unusedDays(c, line, next) !== null
    )
      remedies.push({ ...unusedClosure(line.id, next, line.usedDay, calendar), suspended: true });
    if (line.status !== "active" || deadlineFirst) continue;
    const v = keptStandard(read, lineOf(read, line.id), atReview);
    if (v === null || v.decision !== "suspended") {
      // a line the review keeps, left unused: the review closes it unless it is used by then (unusedDays)
      if (line.usedDay !== null && unusedDays(c, line, next) !== null)
        remedies.push(unusedClosure(line.id, next, line.usedDay, calendar));
      continue;
    }
    const averted = paid !== null && keptStandard(paid.read, lineOf(paid.read, line.id), paid.s) === null;
    if (averted) forOverdue.push(line.id);
    else
      remedies.push({
        line: line.id,
        kind: "review_suspends",
        day: next,
        date: calendar.date(next),
        reasons: v.reasons,
      });
    standardRemedies(
      c,
      line,
      day,
      atReview,
      calendar,
      v.facts,
      remedies,
      fixedUntil(calendar, day, next, dues),
    );
    // a score below the minimum that Huabei's bills due before the review, met only at their minimum, bring:
    // repaid in full by their due date, the review reads a score the line keeps — that is the step
    const below = v.facts.find((f) => f.code === "SCORE_BELOW_MINIMUM");
    const inFull = below?.threshold !== undefined ? billsInFull(c, day, calendar, dues) : null;
    if (below?.threshold !== undefined && inFull !== null) {
      const inFullDues = dues.map((r) => (r.line === "huabei" ? { ...r, outcome: "paid" as const } : r));
      const kept = scoreOn(withDues(read, inFullDues), next);
      const at = remedies.findIndex((r) => r.line === line.id && r.kind === "raise_score");
      if (kept.score >= below.threshold && at >= 0)
        remedies[at] = {
          line: line.id,
          kind: "repay_in_full",
          due: { day: inFull.day, date: calendar.date(inFull.day) },
          amount: inFull.amount,
          ...(inFull.grace !== null
            ? { grace: { day: inFull.grace, date: calendar.date(inFull.grace) } }
            : {}),
          review: { day: next, date: calendar.date(next) },
          reads: atReview.score,
          needed: below.threshold,
          keeps: true,
        };
    }
    for (const f of v.facts) {
      if (!reasons.includes(f.code)) reasons.push(f.code);
      if (f.value !== undefined) facts.push(lines.length > 1 ? { ...f, line: f.line ?? line.id } : f);
    }
  }
  // …and so is a limit that review cuts for the overdue — the score it reads — which paid today it would
  // not, or would cut less (the score paying brings still in a lower band): a line's limit, suspended or
  // not, is what leaving it unpaid costs first (line management reaches suspended lines too)
  const cuts: OverdueCut[] = [];
  if (paid !== null) {
    const whole = read !== c ? read : asNextReviewReads(c, day, calendar);
    const wholeDues = anyActive ? dues : duesAhead(c, day, calendar, next);
    // atReview read the due dates before the review only beside an active line: with none, read here
    const wholeScored =
      whole === read && dues === wholeDues ? atReview : scoreOn(withDues(whole, wholeDues), next);
    for (const line of lines) {
      if (!isOpen(line)) continue;
      const to = limitAfterReview(whole, line.id, next, wholeScored);
      if (to === null) continue;
      const kept = limitAfterReview(paid.read, line.id, next, paid.s);
      if (kept === null) cuts.push({ line: line.id, from: line.limit, to });
      else if (kept > to) cuts.push({ line: line.id, from: line.limit, to, paid: kept });
    }
  }
  // …and so are the instalments the review that closes a line calls in, while the overdue is unpaid (a
  // default to the lender, on either line), that it would leave to run to term were the overdue paid today
  // — the closing review, the next one or a later one, as the answer names it (closure_due)
  // — each line's, when the two close at different reviews: the first is the one the pay step may name
  const [calledIn = null, later = null] = callsInAhead(c, day, calendar);
  const closing = calledIn?.review ?? next;
  const callsIn = {
    ...(calledIn !== null
      ? { callsIn: { day: closing, date: calendar.date(closing), lines: calledIn.lines } }
      : {}),
    ...(later !== null
      ? { callsInLater: { day: later.review, date: calendar.date(later.review), lines: later.lines } }
      : {}),
  };
  // the review the pay step names: the next, when it suspends or cuts for the overdue; else the closing
  // one, unless an end-of-day check acts before it (the pay step names that, the closure after it)
  const atNext = forOverdue.length > 0 || cuts.length > 0;
  const checkFirst =
    closing === next
      ? deadlineFirst
      : lines.some((l) => {
          const d = nextDeadline(c, l, day);
          return d !== null && d.day <= closing;
        });
  const named = atNext ? next : calledIn !== null && !checkFirst ? closing : null;
  // (after the suspension the pay step names, the closures, and the write-off they come before or after:
  // the whole of what leaving it unpaid brings, as when the pay step names a review)
  if (calledIn !== null && named === null)
    for (const [i, r] of remedies.entries()) {
      if (r.kind !== "pay_overdue") continue;
      const line = lineOf(c, r.line);
      const suspends = r.today === "suspension" || r.by?.what === "suspension";
      const chargeOff = day + Math.max(0, c.policy.chargeOffDays - daysPastDue(line, day));
      const written =
        suspends && line.status !== "charged_off"
          ? chargeOffCallsIn(c, line.id, day, calendar, chargeOff)
          : null;
      remedies[i] = {
        ...r,
        ...(suspends && line.status !== "charged_off"
          ? { afterwards: { day: chargeOff, date: calendar.date(chargeOff), what: "charge_off" as const } }
          : {}),
        ...(written !== null ? { chargeOffCallsIn: written } : {}),
        ...callsIn,
      };
    }
  if (named !== null)
    for (const [i, r] of remedies.entries()) {
      if (r.kind !== "pay_overdue") continue;
      const { by: later, today: _none, forCredit, ...rest } = r;
      // what comes after the review if it is still unpaid, unless the review's suspension is that already
      const stillActive = lines.some((l) => l.status === "active" && !forOverdue.includes(l.id));
      const after =
        later !== undefined && later.what !== "review" && (later.what === "charge_off" || stillActive)
          ? { afterwards: { day: later.day, date: later.date, what: later.what } }
          : {};
      const consequences = {
        ...(forOverdue.length > 0 ? { suspends: forOverdue } : {}),
        ...(cuts.length > 0 ? { cuts } : {}),
        ...after,
        ...(forCredit && after.afterwards?.what === "suspension" ? { forCredit } : {}),
        ...callsIn,
      };
      // today's review is said as today's, unless a later one closes the line (named by its day)
      remedies[i] =
        named === day && closing === day
          ? { ...rest, today: "review", ...consequences }
          : { ...rest, by: { day: named, date: calendar.date(named), what: "review" }, ...consequences };
    }
  for (const line of lines) {
    if (line.status === "active") continue;
    // dated the day its reasons were recorded; a security hold over a suspension shows both, with causes
    const held = line.heldOver;
    const since = line.statusDay ?? day;
    const recorded = line.recordDay ?? since;
    const onRecord = (cause: Line["cause"], at: number, reasons: ReasonCode[]): Remedy => ({
      line: line.id,
      kind: "on_record",
      status: line.status,
      cause,
      since,
      sinceDate: calendar.date(since),
      day: at,
      date: calendar.date(at),
      reasons,
    });
    remedies.push(onRecord(line.cause, recorded, line.reasonsOnRecord));
    if (held !== null) remedies.push(onRecord(held.cause, held.day, held.reasons));
    if (line.status === "suspended") {
      const { blockers, scored } = suspendedLine(c, line, day, s, calendar, remedies);
      // what stands in the way as the next review reads it: the score's characteristics cited are its
      if (scored !== null) ranked = scored;
      // nothing left to do but wait for the review: said as such, not with the score's drivers as if
      // they were what keeps the line suspended
      if (blockers.length === 0 && !reasons.includes("READY_TO_RESTORE")) reasons.push("READY_TO_RESTORE");
      // the policy change first while it is what holds the line, as the reviews cite it (and each threshold
      // it moved, what it was before it)
      const codes = citing(c, line, day, s, blockers);
      for (const code of codes) if (!reasons.includes(code)) reasons.push(code);
      for (const f of citedFacts(c, line, suspendedFor(line), codes, blockers)) {
        // the numbers, and which line when two are open (the answer is about the customer)
        if (f.value !== undefined) facts.push(lines.length > 1 ? { ...f, line: f.line ?? line.id } : f);
      }
    } else {
      const balance = owed(line);
      // no reapplying after a write-off on either line (no line is opened again), nor while the other line
      // is suspended (no new line meanwhile: its restoration comes first)
      const other = otherOf(c, line);
      const lost = writeOffFact(c, line);
      // instalments running to term may be left to fall due, but an application to open the line again is
      // declined while anything is owed on it (BALANCE_OUTSTANDING): the step names all of it as what
      // reopening needs, repaying sooner optional only for the debt itself
      const reopening = (r: Remedy): Remedy =>
        r.kind === "pay_balance" && r.toTerm !== undefined && line.status === "closed" && lost === null
          ? { ...r, reopen: balance }
          : r;
      // what the steps above ask for now: the overdue, and what is due in its grace days
      const asked = overdue(line) + dueInGrace(c, line, day);
      if (balance > 0 && asked === 0) remedies.push(reopening(payBalance(c, line, balance, day, calendar)));
      else if (balance > asked) {
        // beside them, the rest: what was called in and is still to fall due, or the instalments running to
        // term — when, and how much
        const rest = payBalance(c, line, balance - asked, day, calendar, asked);
        if (rest.kind === "pay_balance" && (rest.calledIn !== undefined || rest.toTerm !== undefined))
          remedies.push(reopening(rest));
      }
      const reopens =
        balance === 0 && line.status === "closed" && lost === null && other.status !== "suspended";
      // judged as the application would be on the first day it can pass the applications of the last 30
      // days (its own counted), with that day's score: a day named is one it passes, or what declines it then
      const on = reopens ? applicationOn(c, day, day, s) : null;
      const blockers = on !== null ? openingBlockers(c, line, on.day, on.s) : [];
      // a hold its changes laid stands until a verification (the line closed or not): the step comes first
      if (blockers.some((f) => f.code === "SECURITY_PROFILE_CHANGES" || f.code === "UNUSUAL_TRANSACTIONS"))
        remedies.push({ line: line.id, kind: "verify_identity" });
      if (on !== null)
        remedies.push({
          line: line.id,
          kind: "reapply",
          day: on.day,
          date: calendar.date(on.day),
          now: on.day === day,
          blockers,
          ...(blockers.length === 0 ? reopensLower(c, line, on.day, on.s) : {}),
        });
      // the reasons are what stands in the way today; the closure's own, recorded then, are the on-record
      // line's (cited as today's, "a repayment is past due right now" read false once it was repaid)
      const now: RuleFact[] = lost
        ? [lost]
        : balance > 0
          ? [
              ...(overdue(line) > 0 ? [{ code: "OVERDUE_NOW" as const }] : []),
              { code: "BALANCE_OUTSTANDING", value: balance },
            ]
          : other.status === "suspended"
            ? [{ code: "OTHER_LINE_SUSPENDED", line: other.id }]
            : on !== null && on.day > day
              ? [tooManyApplications(c, day), ...blockers]
              : blockers;
      for (const f of now) {
        if (!reasons.includes(f.code)) reasons.push(f.code);
        if (f.value !== undefined) facts.push(lines.length > 1 ? { ...f, line: f.line ?? line.id } : f);
      }
    }
  }
  // an open line whose limit a review cut: said, with the reasons recorded then and the only way back (a
  // suspended one too: the review that suspended it may have cut it, and restoring it brings back the cut
  // limit, not the one it had) —
  // and, when nothing else stands in the way on either line and line management would still cut it today,
  // those reasons are the answer's (why the limit is what it is), not the score's drivers; once they no
  // longer hold (an income back), the record says them, dated, and today's reasons are the score's. They
  // are cited as they hold today: another cap that would cut it (the score's band back, the income cut
  // since) is that cap's, and the same cap is with today's numbers
  const unblocked = reasons.length === 0;
  for (const line of lines) {
    const cut = isOpen(line)
      ? limitCut(c, line, day, s, calendar, restoredFrom(line, remedies, day), remedies)
      : null;
    if (cut === null) continue;
    // a suspended line no review restores under the policy, or one the coming review closes for certain
    // (it cannot be restored before then): no increase raises it, the cut's way back is not offered
    const barred = remedies.some(
      (r) =>
        r.line === line.id &&
        ((r.kind === "wait_for_review" && r.policyBars) || (r.kind === "closure_due" && r.certain)),
    );
    if (line.status === "suspended" && barred) continue;
    remedies.push(cut);
    // would a review cut the limit it had today (as line management does)?
    if (!unblocked || line.status !== "active") continue;
    const had = { ...line, limit: cut.from };
    const cap = cutTo(c, had, s, c.policy);
    if (cap === null) continue;
    // cited as line management would cite it today (the cap's numbers, the score's drivers now) — after
    // POLICY_CHANGE when the policy made the cut on record and the same cap still makes it
    const now = lineManagement(c, had, s);
    if (now === null) continue;
    const byPolicy = cut.reasons[0] === "POLICY_CHANGE" && cut.reasons.includes(CUT_BY[cap.binding]);
    for (const code of byPolicy ? ["POLICY_CHANGE" as const, ...now.reasons] : now.reasons)
      if (!reasons.includes(code)) reasons.push(code);
    for (const f of now.facts)
      if (f.value !== undefined) facts.push(lines.length > 1 ? { ...f, line: f.line ?? line.id } : f);
  }
  // what is true today: on an active customer the score's drivers (what they asked about); otherwise each
  // line's blockers, with the score's drivers only where a blocker is the score (as a decision cites them)
  if (reasons.length === 0)
    return increaseDay(c, day, s, calendar, { reasons: drivers, facts: [], remedies });
  const principal = principalReasons(reasons, ranked);
  // one fact once: both suspended lines blocked by the same overdue on one of them say it once
  const said = new Set<string>();
  const kept = facts.filter((f) => {
    const key = `${f.code} ${f.parameter} ${f.threshold} ${f.value} ${f.line}`;
    if (!principal.includes(f.code) || said.has(key)) return false;
    said.add(key);
    return true;
  });
  return increaseDay(c, day, s, calendar, { reasons: principal, facts: kept, remedies });
}

/** The limit the periodic review on `day` leaves line `id` at, as `read` stands — a cut, alone or with a
 *  suspension or a restoration (the overdue paid, a review may restore the line at a lower limit) — or
 *  null when it cuts none. `s` may be another file's (the due dates before the review read in). */
function limitAfterReview(read: Customer, id: LineId, day: number, s: Scored): Fen | null {
  const line = lineOf(read, id);
  const v = periodicReview(read, line, day, s, false, false);
  const cuts = v.decision === "limit_reduced" || v.decision === "suspended" || v.decision === "restored";
  return cuts && v.limit !== undefined && v.limit < line.limit ? v.limit : null;
}
