// A remedy (customer service's step) in words: one sentence per kind of remedy, naming the line it is about.

import {
  ACTIVITY_MIN_PURCHASE_TEXT,
  formatIsoDate,
  type LineId,
  lineName,
  parseIsoDate,
  REASONS,
  type ReasonCode,
  type Remedy,
  type RuleFact,
  SCORE_MAX,
} from "../../engine/index.js";
import { grouped } from "../../shared/text.js";
import { withoutRepeats } from "./advice.js";
import { increaseOf, requestReviewOf } from "./asking-events.js";
import { notBetween, openDebtText, reduceDebtText } from "./debt-text.js";
import { describeFact } from "./fact-text.js";
import { BOTH_LINES, dueOn, forLines, linesNamed } from "./lines.js";
import { money } from "./money.js";
import { nextDueText } from "./next-due-text.js";
import {
  atReview,
  closureLoans,
  laterCallsIn,
  linesSuspended,
  openSuspended,
  overdueUnpaid,
  tooLongPastDue,
  writeOffCallsIn,
} from "./overdue-text.js";
import { inSentence, recordedInSentence } from "./reason-words.js";
import { withSteps } from "./rule-steps.js";
import { scoreBarsText } from "./score-bars-text.js";

/** What the customer's active lines decline while an amount is overdue (pay_overdue's `declines`). */
function meanwhile(lines: readonly LineId[] | undefined): string {
  if (lines === undefined || lines.length === 0) return "";
  const what = lines.map((l, i) =>
    l === "huabei"
      ? "Huabei declines every purchase"
      : i > 0
        ? "Jiebei every loan"
        : "Jiebei declines every loan",
  );
  return `; until nothing is overdue, ${what.join(" and ")}`;
}

/** A remedy in words, naming Jiebei when it is about Jiebei; `lines`: the lines the customer has
 *  (linesHeld), the only ones it speaks of. */
export function describeRemedy(r: Remedy, lines: readonly LineId[] = BOTH_LINES): string {
  const text = remedyText(r, lines);
  return r.line === "jiebei" && !namesItsLine(r) ? `Jiebei: ${text}` : text;
}

/** Whether a step's words name its line as what to apply for: prefixed, "Jiebei: … an application to open
 *  Jiebei" said it twice. */
const namesItsLine = (r: Remedy): boolean =>
  r.kind === "applications_allow" ||
  r.kind === "open_line" ||
  r.kind === "increase_from" ||
  (r.kind === "wait_for_inquiries" && r.opens === true);

/** Why to pay an overdue written off (pay_overdue's `recovery`): no check acts on it any more, and "pay
 *  the overdue now" alone gave no reason — what the repayment does on the record, and what it does not. */
const RECOVERY =
  "the debt is written off but still owed, and paying it ends the delinquency: its days past due stop, and the 5 years it stays on the credit record start from the repayment (unpaid, it stays there for as long as it is); no line is opened, raised or restored again, even once it is repaid";

/** A month-end report a thin file reaches six months of history at: its repayment record starts to count
 *  there, which is what moves the score — not the repayments made since the last report (a customer who
 *  repaid nothing since was told they had). */
const RECORD_STARTS = "when the file reaches six months of history and its repayment record starts to count";

/** The day a file, Huabei opened (or open) and used by a month end, holds six months of record (open_line's
 *  `record`). */
const recordText = (r: NonNullable<Extract<Remedy, { kind: "open_line" }>["record"]>): string => {
  // Huabei open: its use, not its opening (told "opened and used", a customer with Huabei open was asked
  // to open it)
  const used = !("open" in r)
    ? `opened and used by ${r.usedByDate} (day ${r.usedBy})`
    : r.usedBy !== undefined
      ? `Huabei used by ${r.usedByDate} (day ${r.usedBy})`
      : `Huabei used on ${r.usedOnDate} (day ${r.usedOn}), within the year before each month end to come`;
  return ` — ${used}, the file holds six months of repayment record from ${r.date} (day ${r.day}), the month-end report before it counting the sixth (each bill met at its minimum)`;
};

/** A remedy in words, naming no line: what `describeRemedy` says, or a step the customer takes whatever
 *  the line (a verification, the clean period) when both lines give it. */
export function remedyText(r: Remedy, lines: readonly LineId[] = BOTH_LINES): string {
  switch (r.kind) {
    case "pay_due": {
      // by when: the last of its grace days (today, or a later date), as the engine decides it
      const by =
        r.by === undefined
          ? null
          : r.by.today
            ? "today, the last day it counts as paid on time"
            : `by ${r.by.date} (day ${r.by.day}), the last of its grace days`;
      const when = by === null ? " (its grace days are running out)" : ` ${by}`;
      // missed, the overdue check's suspension, as the next-due step says it
      const s = r.suspends;
      const then =
        s === undefined
          ? ""
          : `; still unpaid on ${s.date} (day ${s.day}), ${s.days} days past due, ${linesSuspended(s.lines)}`;
      return `${
        r.calledIn
          ? `pay the ${money(r.amount)} due${when}: ${r.line === "jiebei" ? "the loans were called in, all of each due at once, not an instalment" : "the line is closed, all of what its statement billed due, not a minimum"} — unpaid, it falls into arrears`
          : r.onTopOf === undefined
            ? `pay the ${money(r.amount)} ${r.line === "jiebei" ? "instalment" : "minimum"} due${when}: unpaid, it falls into arrears`
            : `pay the ${money(r.amount)} ${r.line === "jiebei" ? "instalment" : "minimum"} due too, ${money(r.amount + r.onTopOf)} with the overdue (a repayment clears the overdue first)${by === null ? "; its grace days are running out" : `, ${by}`}: unpaid, it falls into arrears`
      }${then}`;
    }
    case "next_due":
      return nextDueText(r);
    case "pay_overdue":
      if (r.today === "review" || r.by?.what === "review") {
        const at = r.by ? `the periodic review on ${r.by.date} (day ${r.by.day})` : "today's periodic review";
        return `pay the overdue ${money(r.amount)} ${r.by ? "now" : "today"}: unpaid at ${at}, ${atReview(r)}${laterCallsIn(r, true)}${meanwhile(r.declines)}`;
      }
      return `${
        r.today === "charge_off"
          ? `pay the overdue ${money(r.amount)} today: unpaid at the end of the day, the debt is written off (charged off) and no line is offered again${writeOffCallsIn(r)}`
          : r.today === "suspension"
            ? `pay the overdue ${money(r.amount)} today: unpaid at the end of the day, ${tooLongPastDue(openSuspended(r), r.forCredit)}`
            : r.by !== undefined
              ? `pay the overdue ${money(r.amount)} now: ${overdueUnpaid({ ...r.by, what: r.by.what }, r)}`
              : r.recovery
                ? `pay the overdue ${money(r.amount)} now: ${RECOVERY}`
                : `pay the overdue ${money(r.amount)} now`
      }${laterCallsIn(r, true)}${meanwhile(r.declines)}${slipText(r.slip)}`;
    case "pay_balance": {
      const t = r.toTerm;
      const d = r.calledIn;
      if (t === undefined && d !== undefined) {
        // called in: due at once, not instalment by instalment — what falls due next, and when
        const all = d.amount >= r.amount && d.lastDay === d.day;
        const rest = d.lastDay === d.day ? "" : `, the rest by ${d.lastDate} (day ${d.lastDay})`;
        const whole = d.amount > r.amount ? "— all of it, with its interest until then — " : "— all of it — ";
        return `repay the outstanding ${money(r.amount)}: it was called in, ${money(d.amount)} ${all ? whole : ""}due on ${d.date} (day ${d.day})${rest}`;
      }
      if (t === undefined) return `repay the outstanding ${money(r.amount)}`;
      const last = t.lastDay === t.day ? "" : `, the last on ${t.lastDate} (day ${t.lastDay})`;
      // Huabei's next may be what its closing statement billed, due in full, before the plans' instalments
      const running =
        r.line === "huabei"
          ? "the instalment plans run to term"
          : "the loans run to term, instalment by instalment";
      // part of it what the closing statement called in, due in full: each part said as what it is
      const parts =
        t.calledIn === undefined
          ? ""
          : ` — ${money(t.calledIn)} of it called in by the closure, due in full as its statements bill it, the rest`;
      // a closed line reopens only once nothing is owed on it: for that, repaying is the step
      const reopen =
        r.reopen === undefined
          ? ""
          : `, but the line reopens only once nothing is owed on it: to open it again, repay all ${money(r.reopen)} first`;
      return `the ${money(r.amount)} owed falls due${parts} as ${running}: the next ${money(t.amount)} on ${t.date} (day ${t.day})${last}; repaying sooner is optional${reopen}`;
    }
    case "verify_identity":
      return "verify your identity (a verify_identity event)";
    case "raise_score": {
      // every driver named: the JSON's list and the text agree, and the steps together reach the score
      const advice = withoutRepeats([...new Set(r.drivers.map((d) => scoreAdvice(r, d, lines)))]);
      // numbered: an advice may hold a semicolon of its own, and the steps must read as steps
      const steps = advice.length === 1 ? advice : advice.map((a, i) => `(${i + 1}) ${a}`);
      // (numbered steps apart: a bare space ran "(1) … income (2) repay …" together)
      const listed = steps.join("; ");
      // the score the review reads, when it is not today's: from the coming report, or a later one's
      const raise =
        r.ahead?.report != null && r.review !== undefined
          ? `raise the score from ${r.current} to ${r.needed} by the periodic review on ${r.review.date} (day ${r.review.day}), the first that can restore the line (${r.current} is what it reads as things stand — ${r.ahead.overduePaid === true ? "the overdue paid today, " : ""}each bill met at its minimum, nothing more spent: the Huabei balance the month ends before it report, the last on ${r.ahead.report.date} (day ${r.ahead.report.day}), lowers the score; ${r.ahead.today} today)`
          : r.ahead?.report === null
            ? `raise the score from ${r.current} to ${r.needed} (${r.current} is what the next periodic review reads on its day, the bills due before it met at their minimum; ${r.ahead.today} today)`
            : r.ahead !== undefined
              ? `raise the score from ${r.current} to ${r.needed} (${r.current} is what the next periodic review reads from the month-end report on ${r.ahead.report.date} (day ${r.ahead.report.day}), ${r.ahead.recordStarts === true ? RECORD_STARTS : "which counts the repayments and the spending since the last one"}; ${r.ahead.today} today)`
              : r.review !== undefined
                ? `raise the score from ${r.current} today to ${r.needed} by the periodic review on ${r.review.date} (day ${r.review.day}), the first that can restore the line: it reads the score then, from the month-end report before it, which what is spent and repaid until then moves`
                : `raise the score from ${r.current} to ${r.needed}`;
      // above the score the reasons cite: why (the line restored and used must be kept)
      const kept =
        r.restores === undefined
          ? ""
          : ` — not the ${r.restores} restoring asks: below ${r.needed}, the line restored and used would score short of what keeping it needs`;
      // the debt the lever, how much: what repaid today brings the score there on its own
      const paid =
        r.repayElsewhere === undefined
          ? ""
          : ` — repaying ${money(r.repayElsewhere)} of the debt elsewhere today (an external_repayment event) brings it to ${r.needed} on its own`;
      if (r.reach === undefined) return `${raise}${kept}: ${listed}${paid}`;
      // no step left that moves the score by the review it is for: what that review reads, whatever is done
      if (r.drivers.length === 0) {
        const by =
          r.review === undefined
            ? "the next periodic review"
            : `the periodic review on ${r.review.date} (day ${r.review.day})`;
        // a line's use would move it (a cash loan's month of record, which no step asks): as things stand
        return r.asThingsStand
          ? `${raise}${kept} — as things stand, ${by} reads ${r.reach}: no step here moves the score by then`
          : `${raise}${kept} — nothing the customer does moves the score by ${by}: it reads ${r.reach} there, the rest only time brings`;
      }
      // said before the steps, so that they are not taken for a way there
      const out =
        r.needed > SCORE_MAX
          ? `no score reaches ${r.needed} (the scorecard's highest is ${SCORE_MAX})`
          : r.asThingsStand
            ? `as things stand, all these steps together reach at most ${r.reach} by then`
            : `out of the customer's reach today: all these steps together reach at most ${r.reach}, the rest only time brings`;
      return `${raise}${kept} — ${out}: ${listed}`;
    }
    case "repay_in_full": {
      // past the due day, in its grace days: by the last of them, when a repayment in full still counts
      const by =
        r.grace === undefined
          ? "by its due date"
          : `by the last of its grace days, ${r.grace.date} (day ${r.grace.day}) — its due date has passed`;
      return r.keeps
        ? `repay Huabei's bill due on ${r.due.date} (day ${r.due.day}) in full, ${money(r.amount)}, ${by}: the next periodic review, on ${r.review.date} (day ${r.review.day}), then keeps the line — met only at its minimum, the bill counts as not repaid in full and that review reads a score of ${r.reads}, below the ${r.needed} an account must keep`
        : `repay Huabei's bill due on ${r.due.date} (day ${r.due.day}) in full, ${money(r.amount)}, ${by}: the next periodic review, on ${r.review.date} (day ${r.review.day}), then restores the line — met only at its minimum, the bill counts as not repaid in full and that review reads a score of ${r.reads}, short of the ${r.needed} restoring the line needs`;
    }
    case "wait_for_review": {
      // the score the review reads from the coming report, when today's is short of it
      const sc = r.score;
      // (a thin file the review reads with six months of history: its repayment record starts to count
      // there, which is what moves the score — not the repayments made since the last report)
      const counts =
        sc?.recordStarts === true ? RECORD_STARTS : "which counts the repayments made since the last one";
      const reads =
        sc === undefined
          ? ""
          : sc.report === null
            ? ` — on its day, the bills due before it met at their minimum, the next review reads a score of ${sc.reads}, meeting the ${sc.needed} restoring the line needs (${sc.today} today)`
            : ` — from the month-end report on ${sc.report.date} (day ${sc.report.day}), ${counts}, the next review reads a score of ${sc.reads}, meeting the ${sc.needed} restoring the line needs (${sc.today} today)`;
      // the report that review reads, when reading it is what leaves nothing in the way (today's record
      // does not: the debt ratio on it, say); named once when the score above names it
      const report =
        r.reads === undefined || sc !== undefined
          ? ""
          : `, reading the month-end report on ${r.reads.date} (day ${r.reads.day}), ${r.reads.recordStarts === true ? RECORD_STARTS : "which counts the repayments made since the last one"} (the bills due before it paid at least at their minimum)`;
      // an early review now restores the line, reading today's record; the next periodic one would not
      // the lower limit a review restores the line at, when one does (kept, earlyKept)
      // restored at a lower limit than its own: said, with which bound gives it
      const atKept = (k: { limit: number; of: number; onceUsed: boolean } | undefined, what: string) =>
        k === undefined
          ? ""
          : k !== r.kept && k.limit === r.kept?.limit
            ? ` at the same ${money(k.limit)}`
            : ` at ${money(k.limit)}, not its ${money(k.of)}: ${k.onceUsed ? "the most it keeps once used" : "the policy's line management cuts it"}, as ${what} reads the customer`;
      const pr = r.periodic;
      if (r.ready && pr !== undefined && r.early?.now === true)
        return `nothing more is needed: an early review (${requestReviewOf(r.line)}) now restores the line${atKept(r.earlyKept, "it")}, reading today's record; the ${r.later ? "periodic review" : "next periodic review"} on ${r.date} (day ${r.day}) would not as things stand: ${pr.report === null ? "on its day" : `reading the month-end report on ${pr.report.date} (day ${pr.report.day})`}, the bills due before it met at their minimum, it reads a score of ${pr.reads}, short of the ${pr.needed} restoring the line needs`;
      if (r.ready) {
        // nothing is asked above: no "once what is asked above is done"
        const early =
          r.early === null
            ? ""
            : `; or ask for an early review (${requestReviewOf(r.line)}) ${r.early.now ? "now" : `from ${r.early.date} (day ${r.early.day})`}${r.earlyKept === undefined ? "" : `, which restores it${atKept(r.earlyKept, "that review")}`}`;
        // the review is taken after its day's events: a purchase or a loan that morning is still declined,
        // so the day the line can be used again is the next one — said, or the promise reads as broken
        const next = parseIsoDate(r.date);
        const usable =
          next === null
            ? ""
            : `; a review comes after its day's own ${r.line === "jiebei" ? "loans and repayments" : "purchases and repayments"}: the line can be used again from ${formatIsoDate(next + 1)} (day ${r.day + 1})`;
        // Huabei back only once the review trims Jiebei's unused limit: said, and that an early review does not
        const trim =
          r.trims === undefined
            ? ""
            : `, trimming Jiebei's unused limit from ${money(r.trims.from)} to ${money(r.trims.to)} — drawn in full, the larger limit would take Huabei, once used, below what the review keeps it at`;
        const noEarly =
          r.trims === undefined
            ? ""
            : `; an early review (${requestReviewOf(r.line)}) trims nothing, and ${r.earlyKept === undefined ? "would not restore it" : `would restore it${atKept(r.earlyKept, "it")}, Jiebei untrimmed — the rest given back, and Jiebei trimmed, only by a review once a give-back's cooldown has run`}`;
        return `nothing more is needed: as things stand, the ${r.later ? "periodic review" : "next periodic review"} on ${r.date} (day ${r.day}) restores the line${atKept(r.kept, "the review")}${trim}${report}${reads}${usable}${early}${noEarly}${cutsOther(r.cutsOther)}`;
      }
      const income = r.withIncome;
      // (where the debt step is said: above, or below when the wait is said first)
      const debtAt = income?.below === true ? "below" : "above";
      const review =
        income?.day === r.day
          ? `the ${r.later ? "first periodic review that can restore it" : "next periodic review"} is on ${r.date} (day ${r.day}), and only once the higher income asked ${debtAt} is reported: the repayments count too late for it`
          : income
            ? `the first periodic review the repayments asked ${debtAt} can restore it at is on ${r.date} (day ${r.day}); the one on ${income.date} (day ${income.day}) only once the higher income asked ${debtAt} is reported`
            : r.later
              ? `the first periodic review that can restore it is on ${r.date} (day ${r.day})${thinLifts(r.thinFileLifts)}`
              : `the next periodic review is on ${r.date} (day ${r.day})`;
      // no review restores the line under this policy: said first, and what would
      const bars = r.policyBars;
      if (bars?.atIncome !== undefined)
        return `no review restores the line under the current policy, whatever the customer does: the largest limit its income multiple allows at any income (${money(bars.atIncome)} a month), ${money(bars.largest)}, is below its smallest line, ${money(bars.smallest)} — only a change of policy that offers a line (a larger income multiple, or a smaller smallest line) would, at a review after it; ${review}`;
      if (bars !== undefined)
        return `no review restores the line under the current policy, whatever the customer does: the largest limit it offers, ${money(bars.largest)}, is below its smallest line, ${money(bars.smallest)} — only a change of policy that offers a line (a larger limit, or a smaller smallest line) would, at a review after it; ${review}`;
      const sb = r.scoreBars;
      // barred: no review can restore it, so the one named is the first it would otherwise wait for (a
      // "first periodic review that can restore it" beside "no review restores the line" contradicts it)
      const waits = r.later
        ? `the first periodic review its other conditions allow is on ${r.date} (day ${r.day})`
        : review;
      if (sb?.whileOpen !== undefined)
        return `no review restores the line under the current policy while Huabei is open: ${scoreBarsText(sb, "the line restored")}, Huabei counted used beside it — so no early review, higher income or higher score can while it is; with Huabei closed owing nothing, a file could reach it (its score raised too), and a change of the lender's policy (a lower ${sb.parameter}) would; ${waits}`;
      // (read at the income the smallest line needs when today's is too low for it: the line restored is
      // used at that income)
      const at =
        sb?.atIncome === undefined
          ? "today's income and debts"
          : `an income of ${money(sb.atIncome * 100)} a month, the least its smallest line needs (today's is too low for it), and today's debts`;
      if (sb?.cost !== undefined)
        return `no review restores the line under the current policy as things stand: once the line restored is used (its credit counted used, as grantUsedFraction has it), the next review keeps it only at ${sb.parameter} ${sb.threshold}, and using it costs ${sb.cost} points at ${at}, so the highest score that file can read is ${sb.best} — no early review or higher score can; a higher income reported (which can lower what using the line costs) or a change of the lender's policy (a lower ${sb.parameter}) could, at a review after it; ${waits}`;
      if (sb !== undefined)
        return `no review restores the line under the current policy, whatever the customer does: ${scoreBarsText(sb, "the line restored")} — so no early review, higher income or higher score can; only a change of the lender's policy (a lower ${sb.parameter}) would, at a review after it; ${waits}`;
      // only the clean period in the way: that review restores the line, said at the lower limit it does
      const restores =
        r.kept === undefined ? "" : `, which restores the line${atKept(r.kept, "that review")}`;
      if (r.early === null) return `${review}${restores}${reads}${cutsOther(r.cutsOther)}`;
      const from = r.early.now ? "today" : `from ${r.early.date} (day ${r.early.day})`;
      const earlyAt =
        r.earlyKept === undefined ? "" : ` (it restores the line${atKept(r.earlyKept, "that review")})`;
      // the steps it waits on, where the answer gives them — none given, none referred to
      const asked =
        r.asked === undefined
          ? ""
          : `, once what is asked ${r.asked === "both" ? "above and below" : r.asked} is done`;
      return `${review}${restores}${reads}; or ask for an early review (${requestReviewOf(r.line)}) ${from}${asked}${earlyAt}${cutsOther(r.cutsOther)}`;
    }
    case "wait_for_inquiries":
      return r.opens === true
        ? `or wait: as recent applications age, an application to open ${openApplication(r.line)} made on ${r.date} (day ${r.day}), nothing else done and no other application made, would be approved; do not apply before`
        : r.review === undefined
          ? `recent applications leave the 30-day count on ${r.date} (day ${r.day}); do not apply before`
          : `recent applications leave the 30-day count on ${r.date} (day ${r.day}), but the periodic review that can restore the line, on ${r.review.date} (day ${r.review.day}), reads every application of the last 6 months in its score: do not apply before that review`;
    case "verify_suspends": {
      const reasons = r.reasons.map(inSentence).join("; ");
      return `as things stand, verifying lifts the security hold but leaves the line suspended, for ${r.cause}: ${reasons}; take the steps for that first`;
    }
    case "review_suspends": {
      const reasons = r.reasons.map(inSentence).join("; ");
      // followed, the debt step keeps the line — at a lower limit: said, lest "kept" read as kept whole
      const kept = r.kept
        ? `; with the debt step below followed, it keeps the line but cuts its limit to ${money(r.kept.limit)}: ${r.kept.reasons.map(inSentence).join("; ")}`
        : "";
      return `as things stand, the periodic review on ${r.date} (day ${r.day}) suspends the line: ${reasons}${kept}`;
    }
    case "review_cuts": {
      // the trim that lets the review restore Huabei, or give back a limit it restored lower: said as what it
      // does, not in the words of a trim made (a give-back's trim was said "as it restores Huabei", active)
      if (r.reasons.includes("UNUSED_LIMIT_TRIMMED"))
        return `as things stand, the periodic review on ${r.date} (day ${r.day}) trims the line's unused limit from ${money(r.from)} to ${money(r.to)} as it restores Huabei or gives its limit back: drawn in full, the larger limit would take Huabei, once used, below what the review keeps it at`;
      const reasons = r.reasons.map(inSentence).join("; ");
      return `as things stand, the periodic review on ${r.date} (day ${r.day}) cuts the limit from ${money(r.from)} to ${money(r.to)}: ${reasons}`;
    }
    case "waived_unless_paid":
      return r.overdue
        ? `${money(r.amount)} of arrears left within the tolerance after the loan's last due day: unpaid, it is waived at the end of ${r.date} (day ${r.day}) and the overdue ends (the missed due date stays on the record)`
        : `${money(r.amount)} left within the tolerance: unpaid, it is waived on ${r.date} (day ${r.day}), not missed`;
    case "unused_closure_due":
      // suspended, with no review before it that can restore the line: no use can come in time
      if (r.certain === true)
        return `${r.asThingsStand ? "as things stand, " : ""}the line will be closed at the periodic review on ${r.date} (day ${r.day}): it has not been used since ${r.sinceDate} (day ${r.since}), and suspended, it takes no ${r.line === "huabei" ? "purchase" : "cash loan"} and ${r.asThingsStand ? "no review restores it" : "cannot be restored"} before then`;
      return `the periodic review on ${r.date} (day ${r.day}) closes the line: it has not been used since ${r.sinceDate} (day ${r.since}) — ${r.line === "huabei" ? `a purchase of at least ${ACTIVITY_MIN_PURCHASE_TEXT}` : "a cash loan"} before then keeps it open${r.suspended ? ", which a suspended line takes only once restored" : ""}`;
    case "not_worked_out":
      return `not worked out ahead: this scenario asks for more than ${grouped(r.limit)} answers (customer service's to a call, and the steps a declined early review or a lifted security hold comes with: as many as one run works out); the last answer worked out is on ${r.date} (day ${r.day})`;
    case "change_holds":
      return `the bound details were changed ${r.changes === 1 ? "once" : r.changes === 2 ? "twice" : `${r.changes} times`} within ${r.window} days, as many as the policy allows: one more change of the bound phone, address, device or bank card before ${r.date} (day ${r.day}) puts a security hold on ${linesNamed(r.lines)}, which only verifying your identity lifts — verifying your identity first restarts the count`;
    case "applications_allow": {
      const what =
        r.product === "open"
          ? `an application to open ${openApplication(r.line)}`
          : `an application to raise ${lineName(r.line)}'s limit (apply, product: increase${r.line === "jiebei" ? ", line: jiebei" : ""})`;
      return `recent applications (own and elsewhere) no longer decline ${what} from ${r.date} (day ${r.day}), if no other is made before: ${r.count} in the last 30 days then, its own counted, against maxApplications30d ${r.max}; do not apply before`;
    }
    case "wait_to_draw":
      return `cash is lent again from ${r.date} (day ${r.day}), ${r.wait} days after the last missed due date and its repayment`;
    case "on_record": {
      const status = `${r.status.replace("_", " ")} since ${r.sinceDate} (day ${r.since})`;
      // the reasons as recorded then, in words for then: "a repayment is past due right now" read as
      // still true after the customer had repaid
      const reasons = r.reasons.map(recordedInSentence).join("; ");
      // a hold with a suspension beneath: its own day, the suspension said next with its own — laid over
      // it, or found beneath it later, in the order they came
      if (r.over !== undefined)
        return r.found === undefined
          ? `under a security hold since ${r.sinceDate} (day ${r.since}), laid over the suspension for ${r.over} said next; the reasons recorded then: ${reasons}`
          : `under a security hold since ${r.sinceDate} (day ${r.since}); the reasons recorded then: ${reasons}; a suspension for ${r.over} was found beneath it on ${r.found.date} (day ${r.found.day}), said next`;
      if (r.day === r.since) return `${status}; the reasons recorded then: ${reasons}`;
      return `${status}; ${r.cause === null ? "" : `${r.cause} `}reasons recorded ${r.date} (day ${r.day}): ${reasons}`;
    }
    case "closure_due":
      return r.certain
        ? `${r.asThingsStand ? "as things stand, " : ""}the line will be closed at the review on ${r.date} (day ${r.day}): it has been suspended too long${
            r.writtenOff
              ? ", and after a write-off no line is restored"
              : r.asThingsStand
                ? " and no review restores it before then"
                : " and cannot be restored before then"
          }${closureLoans(r)}`
        : `the review on ${r.date} (day ${r.day}) closes the line unless it can restore it then (or an earlier review does): it has been suspended too long${closureLoans(r)}`;
    case "limit_cut": {
      const reasons = r.reasons.map(recordedInSentence).join("; ");
      // a suspended line's limit is raised once the line is restored: the day is one it can be by then
      // a line a review ahead suspends: what restores it, as the customer will be told it then
      const ahead = r.increase.suspends;
      const restoring = ahead
        ? ` (the periodic review on ${ahead.date} (day ${ahead.day}) suspends it as things stand; what restores it, as the customer is told the day after: ${ahead.steps.map((x, i) => `(${String.fromCharCode(97 + i)}) ${remedyText(x, lines)}`).join("; ")})`
        : "";
      const when = r.increase.restored
        ? r.increase.now
          ? `which can be made once the line is restored${restoring}`
          : `which can be made once the line is restored${restoring} — from ${r.increase.date} (day ${r.increase.day}) at the earliest, when a review can have restored it and the increase cooldown, the clean record and recent applications (own and elsewhere) allow`
        : r.increase.now
          ? "which can be made today"
          : `which can be made from ${r.increase.date} (day ${r.increase.day}), once the increase cooldown, the clean record and recent applications (own and elsewhere) allow`;
      const blocked = r.increase.blocked;
      // the way back said as it stands: an application something else would decline asks for that first —
      // every rule that would, each with its step
      // an open line the review closes as unused before that day: the use that keeps it open first, the
      // application judged on the line kept in use
      const inUse = r.increase.inUse;
      // (an application on or before the closing review is judged on the line used by then: used first)
      const useBy =
        inUse && (r.increase.now || r.increase.day <= inUse.day) ? "before applying" : "before then";
      const kept = inUse
        ? `. Left unused, the line is closed at the review on ${inUse.date} (day ${inUse.day}): use it ${useBy} (${r.line === "huabei" ? `a purchase of at least ${ACTIVITY_MIN_PURCHASE_TEXT}` : "a cash loan"}, repaid) and keep it in use`
        : "";
      const declined = blocked
        ? `. ${inUse ? "Kept in use, as things stand it" : "As things stand it"} would be declined: ${withSteps([blocked, ...(r.increase.besides ?? [])], lines, true, (f) => incomeStep(f, r) ?? owedThenStep(f, r), r.increase.now ? undefined : r.increase.day)}`
        : "";
      // a cut for a constraint comes back unasked too, once what cut it no longer binds
      // — said as a promise only when, as things stand, the first review that could gives something back
      const back = r.givenBack;
      const unasked = !back
        ? ""
        : back.nothing
          ? `. Cut for a constraint, it could also come back unasked — a periodic review gives back up to ${money(back.limit)} once what cut it no longer holds and nothing blocks an increase — but as things stand the first review that could, on ${back.date} (day ${back.day}), gives back nothing`
          : `. Cut for a constraint, it also comes back unasked: a periodic review gives back up to ${money(back.limit)} once what cut it no longer holds and nothing blocks an increase — the review on ${back.date} (day ${back.day}) at the earliest${back.gives === undefined ? heldBelow(r) : ` — ${r.increase.inUse ? "kept in use, as things stand" : "as things stand"}, that review gives back ${money(back.gives)}`}`;
      // both roads open, the review giving all of it back as things stand: what asking first gains and costs
      // — offered side by side, they read as equal, though the review costs nothing and comes days later
      const sooner =
        back?.gives !== undefined &&
        back.gives >= back.limit &&
        !blocked &&
        !inUse &&
        !r.increase.restored &&
        r.increase.day <= back.day
          ? `. An application for no more than that brings it back ${back.day === r.increase.day ? "only hours before that review, the same day" : `at most ${back.day - r.increase.day} ${back.day - r.increase.day === 1 ? "day" : "days"} sooner`}, and counts among recent applications, which the score reads for 6 months`
          : "";
      const only = r.givenBack ? "" : " only";
      // raised since: the limit now, when, and by what — the customer's own increase, or a review
      const since =
        r.since === undefined
          ? ""
          : r.since.by === "increase"
            ? ` (raised to ${money(r.since.limit)} by the increase granted on ${r.since.date} (day ${r.since.day}))`
            : ` (given back to ${money(r.since.limit)} by the review on ${r.since.date} (day ${r.since.day}))`;
      return `the limit was cut from ${money(r.from)} to ${money(r.to)} on ${r.date} (day ${r.day})${since}: ${reasons}. A cut limit comes back${only} through an application for an increase (${increaseOf(r.line)}), ${when}${kept}${declined}${unasked}${sooner}`;
    }
    case "reapply": {
      // the first day it can pass the applications of the last 30 days, when that is not today
      const when = r.now
        ? "today"
        : `from ${r.date} (day ${r.day}), once recent applications (own and elsewhere) are few enough`;
      if (r.blockers.length === 0) {
        // granted lower than the line it had, or no higher: that limit, and what holds it there
        const holds = (r.holds ?? []).map((f) => {
          const numbers = describeFact(f);
          return `${inSentence(f.code)}${numbers ? ` (${numbers})` : ""}`;
        });
        const lower =
          r.limit === undefined || r.lastLimit === undefined
            ? ""
            : `, for at most ${money(r.limit)} (${
                r.limit < r.lastLimit
                  ? `below the ${money(r.lastLimit)} the line had`
                  : "the limit the line had: more is an increase"
              })${holds.length === 0 ? "" : `. What holds it there: ${holds.join("; ")}`}${unusedLifts(r)}`;
        return `nothing is owed. An application to open the line again would be approved ${when}${r.now ? "" : "; not before"}${lower}`;
      }
      if (r.scoreBars !== undefined)
        return `nothing is owed, but no application opens the line again under the current policy, whatever the customer does: ${scoreBarsText(r.scoreBars, "the line granted")} — only a change of the lender's policy (a lower ${r.scoreBars.parameter}) would`;
      const why = r.blockers.map((f) => {
        const numbers = describeFact(f);
        return `${inSentence(f.code)}${numbers ? ` (${numbers})` : ""}`;
      });
      return `nothing is owed. An application to open the line again ${r.now ? "" : `can be made ${when}, and `}would be declined ${r.now ? "today" : "then"}: ${why.join("; ")}`;
    }
    case "increase_from": {
      const line = r.line === "jiebei" ? "Jiebei's limit" : "the limit";
      // nothing time clears: declined today, each rule with its step
      if (r.waits.length === 0 && r.blocked)
        return `an application to raise ${line} would be declined today: ${withSteps([r.blocked, ...(r.besides ?? [])], lines, true)}`;
      // the thin-file cap waits for the file's six months of record, the day named the day after the month
      // end that completes them: said so, not only the cap (told "the limit is already the highest offered
      // without a repayment record", a customer who had repaid two bills on time heard no date)
      const waits = r.waits
        .map((code) =>
          code === "LIMIT_AT_THIN_FILE_CAP"
            ? "the file holds less than six months of repayment record until then (each month end counts while the line was used within the year before), and without it the limit is already at the most offered"
            : inSentence(code),
        )
        .join("; ");
      // every rule that would decline it then, each with its step
      // said plainly: what waits until that day, then whether an application from it is approved
      if (r.blocked)
        return `an application to raise ${line} would be declined before ${r.date} (day ${r.day}) — ${waits}. From that day, if no other application is made, it would still be declined: ${withSteps([r.blocked, ...(r.besides ?? [])], lines, true, undefined, r.day)}`;
      return `an application to raise ${line} would be declined before ${r.date} (day ${r.day}) — ${waits}; from that day, if no other application is made, nothing declines it`;
    }
    case "open_line": {
      const when = r.now
        ? "today"
        : `from ${r.date} (day ${r.day}), once recent applications (own and elsewhere) are few enough; not before`;
      // Jiebei's opening is said beside Huabei's, which says no line is open
      const none = r.line === "huabei" ? "no line is open yet; " : "";
      const application = `an application to open ${openApplication(r.line)}`;
      if (r.blockers.length === 0) return `${none}${application} would be approved ${when}`;
      if (r.scoreBars !== undefined)
        return `${none === "" ? "" : "no line is open yet, and "}no application opens ${lineName(r.line)} under the current policy, whatever the customer does: ${scoreBarsText(r.scoreBars, "the line granted")} — only a change of the lender's policy (a lower ${r.scoreBars.parameter}) would`;
      // each rule with its numbers and what puts it right
      const why = r.blockers.map((f) => {
        const numbers = describeFact(f);
        const fix =
          f.code === "DEBT_TO_INCOME_TOO_HIGH" && r.debt !== undefined
            ? openDebtText(r.debt)
            : `${forLines(REASONS[f.code].advice, lines)}${f.code === "REPAYMENT_RECORD_REQUIRED" && r.record !== undefined ? recordText(r.record) : ""}`;
        return `${inSentence(f.code)}${numbers ? ` (${numbers})` : ""} — ${fix}`;
      });
      return `${none}${application} ${r.now ? "" : `can be made ${when.replace(/; not before$/, "")}, and `}would be declined ${r.now ? "today" : "then"}: ${why.join("; ")}`;
    }
    case "report_income": {
      const income = money(r.income * 100);
      // a line granted before the smallest line rose is kept at its own limit: that is what it needs
      const smallest =
        r.limit === undefined
          ? `the income multiple allows no line of the smallest size (${money(r.minLimit)})`
          : `the income multiple allows less than the line's ${money(r.limit)}, granted before the smallest line rose to ${money(r.minLimit)} and kept at it while every cap holds it`;
      const below =
        r.beside === undefined
          ? `below it, ${smallest}`
          : `below ${money(r.beside.smallest * 100)} ${smallest}, and below ${income} the review that can restore ${lineName(r.line)} restores ${lineName(r.beside.line)} first, which ${lineName(r.line)}, used, would take past its cap`;
      return `report a monthly income of at least ${income} (an income event): ${below}${besideRepaid(r)}${notBetween(r)}`;
    }
    case "reduce_debt":
      if (!Number.isFinite(r.ratio))
        return `report ${r.income === null ? "an income" : `a monthly income of at least ${money(r.income * 100)}`} (an income event): with none on record, any debt is beyond the debt / income limit of ${r.max.toFixed(2)}, however much is repaid`;
      return reduceDebtText(r, lines);
    case "keep_clean_until":
      return r.afterPaying
        ? `once the overdue amount is paid, repay every ${dueOn(lines)} on time until ${r.date} (day ${r.day}) at the earliest (paid today): restoration needs a clean period after an overdue`
        : `repay every ${dueOn(lines)} on time until ${r.date} (day ${r.day}): restoration needs a clean period after an overdue`;
  }
}

/** A reopening held for the use the line lacked before its closure: when that hold lifts. */
function unusedLifts(r: Extract<Remedy, { kind: "reapply" }>): string {
  const lifts = r.unusedLifts;
  return lifts === undefined
    ? ""
    : ` — the line's use before its closure counts only while the closure is within the days the in-use rule looks back: an application from ${lifts.date} (day ${lifts.day}) is not held for it`;
}

/** A line to open, as a file writes the application. */
const openApplication = (line: LineId): string =>
  `${lineName(line)} (apply, product: open${line === "jiebei" ? ", line: jiebei" : ""})`;

/** Beside the other line's debt step, which offers a repayment instead of an income: that none does for
 *  this line. */
function besideRepaid(r: Extract<Remedy, { kind: "report_income" }>): string {
  if (r.beside?.noRepayment !== true) return "";
  const other = lineName(r.beside.line);
  return `; unlike ${other}'s step, no repayment does for ${lineName(r.line)}: at ${money(r.beside.smallest * 100)}, everything owed repaid, the periodic review ${other}'s step names still does not restore ${lineName(r.line)} — restored and used, the lines are counted at their limits, which only income carries`;
}

/** What names a cap no income lifts, as the income step says it. */
const CAP_NAMES = {
  score: "the score's band",
  product_maximum: "the product's largest limit",
  thin_file: "the thin-file cap",
} as const;

/** The income cap's step with the income that allows the limit before the cut — or, with a cap no income
 *  lifts below that limit, the income that reaches that cap, named (said to allow the limit before the
 *  cut, it promised a limit the other cap held back); undefined for any other rule, or no income named. */
function incomeStep(f: RuleFact, r: Extract<Remedy, { kind: "limit_cut" }>): string | undefined {
  const income = r.increase.income;
  if (f.code !== "LIMIT_AT_INCOME_CAP" || income === undefined) return undefined;
  const report = `report a monthly income of at least ${money(income * 100)} (an income event)`;
  const cap = r.increase.incomeCap;
  return cap === undefined
    ? `${report}, at which the income multiple allows the ${money(r.from)} before the cut`
    : `${report}, at which the income multiple allows ${money(cap.limit)}, as much as ${CAP_NAMES[cap.binding]} does — below the ${money(r.from)} before the cut, no income brings more back`;
}

/** What a review giving a cut limit back is held to when the increase's income step names a cap no income
 *  lifts below the limit before the cut (the review gives back no more than line management allows, the
 *  score's band among it): "up to ¥50,000" alone read beside "no income brings more than ¥20,000 back". */
function heldBelow(r: Extract<Remedy, { kind: "limit_cut" }>): string {
  const cap = r.increase.incomeCap;
  if (cap === undefined || r.increase.income === undefined || cap.limit >= (r.givenBack?.limit ?? 0))
    return "";
  return ` — as things stand no more than ${money(cap.limit)}, as much as ${CAP_NAMES[cap.binding]} allows, as for an increase`;
}

/** A balance too high for an increase on a later day: the least repayment on the balance it will have
 *  then, each bill and instalment paid as scheduled until then (limit-cut.ts judges it so) — said "as it
 *  stands today", a loan its instalments bring down read as owing what it owes now. */
function owedThenStep(f: RuleFact, r: Extract<Remedy, { kind: "limit_cut" }>): string | undefined {
  if (f.code !== "UTILISATION_TOO_HIGH" || f.amount === undefined || f.threshold === undefined)
    return undefined;
  if (r.increase.now) return undefined;
  const to = Number((Math.min(f.threshold, 1) * 100).toFixed(1));
  const line = f.line === undefined ? "the line's" : `${lineName(f.line)}'s`;
  return `repay at least ${money(f.amount)} of ${line} balance by ${r.increase.date} (day ${r.increase.day}) — of what it will owe then, each bill and instalment paid as scheduled until then — to bring it to at most ${to} % of its limit, then apply`;
}

/** The thin-file cap a restoration waits for: the day it lifts, and what brings it (the step). */
const thinLifts = (t: { day: number; date: string } | undefined): string =>
  t === undefined
    ? ""
    : `, once the thin-file cap lifts: the file holds six months of repayment record, and the cap lifts, from ${t.date} (day ${t.day}) as things stand (each bill met at its minimum, none missed) — no review before it restores the line`;

/** A score step's advice for characteristic `code`, doable on the line it names: Huabei's use is asked of
 *  Huabei — "use the line for everyday purchases" on Jiebei's step named a line that takes no purchases —
 *  and, suspended today, from the day the review restoring it first lets it be used (`huabeiFrom`). */
function scoreAdvice(
  r: Extract<Remedy, { kind: "raise_score" }>,
  code: ReasonCode,
  lines: readonly LineId[],
): string {
  const advice = forLines(REASONS[code].advice, lines);
  if (code !== "LOW_ACTIVITY" || (r.line === "huabei" && r.huabeiFrom === undefined)) return advice;
  const from = r.huabeiFrom;
  return advice.replace(
    "use the line",
    from === undefined
      ? "use Huabei"
      : `once the review restores Huabei, from ${from.date} (day ${from.day}), use it`,
  );
}

/** The other line's cut a restoration promised makes once the line is used (wait_for_review's cutsOther). */
const cutsOther = (k: { line: LineId; from: number; to: number } | undefined): string =>
  k === undefined
    ? ""
    : `; once the line restored is used, the review after it would cut ${lineName(k.line)} from ${money(k.from)} to ${money(k.to)}, which comes back only with an increase applied for`;

/** A slip's last day, after the pay step: what a repayment after it costs the restoration. */
const slipText = (s: Extract<Remedy, { kind: "pay_overdue" }>["slip"]): string =>
  s === undefined
    ? ""
    : `; repaid by ${s.date} (day ${s.day}), still short of suspendOverdueDays past due, the suspension asks no clean period — repaid later, restoration waits ${s.days} days of clean record after the repayment`;
