// The one catalogue of remedies — what customer service says the customer can do, or needs to know — as
// `run --json` writes them in a step's `remedies`: each kind, what it says, and every field beside `kind`
// and `line`. The docs' reference page is generated from it; a kind or a field missing here does not
// compile, and a value of a closed field (`OVERDUE_ACTIONS`, `VERIFY_SUSPENDS_CAUSES`) is listed from its
// own record, so that a new one reaches the page with its meaning.

import { ACTIVITY_MIN_PURCHASE_TEXT } from "./scorecard.js";
import type { Remedy } from "./types.js";
import type { Cause } from "./vocabulary.js";

/** What acts on an overdue left unpaid (pay_overdue's `today` and `by.what`), and what it does. */
export const OVERDUE_ACTIONS = {
  charge_off: "the end-of-day check charges the debt off, and no line is offered again",
  suspension:
    "the end-of-day check suspends the customer's open lines, the overdue too long past due (suspendOverdueDays) — and records a line suspended already for credit (`forCredit`)",
  review:
    "the periodic review, finding a repayment still past due, suspends the lines named in `suspends`, cuts the limits named in `cuts` or, closing a line, calls in what `callsIn` names, before the end-of-day check would act",
} as const;
export type OverdueAction = keyof typeof OVERDUE_ACTIONS;

/** Why verifying would leave a line suspended (verify_suspends' `cause`). */
export const VERIFY_SUSPENDS_CAUSES = {
  credit: "the line fails the standard for keeping credit, or an overdue is too long past due",
  policy: "a policy change since the hold, which the line fails having met the policy before it",
} as const satisfies Partial<Record<Cause, string>>;
export type VerifySuspendsCause = keyof typeof VERIFY_SUSPENDS_CAUSES;

type Fields<K extends Remedy["kind"]> = Exclude<keyof Extract<Remedy, { kind: K }>, "kind" | "line">;

/** A field: what it holds, and for a closed one each value it takes with its meaning. */
export type RemedyField = string | { text: string; values: Readonly<Record<string, string>> };

export interface RemedyInfo<K extends Remedy["kind"] = Remedy["kind"]> {
  /** what it says, in a sentence */
  meaning: string;
  /** whether it asks the customer to do something: a step an early review the answer offers waits on
   *  (wait_for_review's `asked`) — required of every kind, so that a new one is not left out of that wait */
  asks: boolean;
  /** each field beside `kind` and `line`, as `run --json` writes it (money in yuan) */
  fields: { [F in Fields<K>]: RemedyField };
}

const dayDate = "its `day` and `date`";

/** Every remedy kind, in the order a step tends to give them. */
export const REMEDIES: { [K in Remedy["kind"]]: RemedyInfo<K> } = {
  pay_overdue: {
    meaning: "pay the amount past due on the line",
    asks: true,
    fields: {
      amount: "the amount overdue (yuan)",
      declines:
        "the customer's active lines (`huabei`, `jiebei`): while an amount is overdue on either line, Huabei declines every purchase and Jiebei every loan; absent when neither line is active",
      recovery:
        "`true` when the line is charged off: the debt is written off but still owed, and paying it is a recovery — it ends the delinquency (its days past due stop, and its 5 years on the credit record start from the repayment; unpaid, it stays there for as long as it is), and no line is opened, raised or restored again, even once it is repaid; absent otherwise",
      today: {
        text: "what acts on it later this day (its end-of-day check, or its periodic review) unless it is paid today; absent otherwise",
        values: OVERDUE_ACTIONS,
      },
      by: `the first later check or review that acts on it (${dayDate}, and \`what\`, one of the values of \`today\`); absent when nothing does or it is today`,
      slip: `when a line was suspended for credit at a review while this overdue was a slip (the one due date missed in the year, short of \`suspendOverdueDays\`): the last day a repayment keeps it so (${dayDate}) — the suspension then asks no clean period — and the clean period after a later repayment (\`days\`, restoreCleanDays)`,
      suspends: "with `review` (in `today` or `by`): the lines that review suspends for the overdue",
      cuts: "with `review`: the limits that review cuts for the overdue (`line`, `from` and `to` in yuan); paid today, the review keeps the limit — or, where `paid` is given, cuts it less: to `paid` (yuan), the score paying brings being still a band lower",
      afterwards: `with \`review\`: the later end-of-day check that still acts on the overdue if it stays unpaid (${dayDate}, and \`what\`: \`charge_off\` or \`suspension\`); with a \`suspension\` the pay step names and closures after it (\`callsIn\`): the write-off, said among them in the order they come`,
      forCredit:
        "with `suspension` (in `today`, `by` or `afterwards`): the lines that check acts on that are suspended already (for a policy change, or under a security hold: `lines`) — it records their suspension for credit too (the overdue is the customer's own), rather than suspends them — and whether it suspends an open line too (`open`)",
      callsIn: `the periodic review (${dayDate}) that closes a line while the overdue is unpaid — a default to the lender, on either line (cross-default) — and so calls in the instalments its closure would leave to run to term were every overdue paid today (Jiebei's loans, Huabei's instalment plans) — a line suspended today, or one the overdue left unpaid suspends first, closed once suspended \`closeAfterSuspendedDays\`: for each line (\`lines\`: \`line\`), what of it then falls due first, at once, with its interest until then — nothing more repaid, and what is past due already not among it (\`day\`, \`date\`, \`amount\` in yuan) — and the last day any of it falls due (\`lastDay\`, \`lastDate\`: loans with later due days); that review — the one that closes the line, the next or a later one — is \`by\` (or \`today\`) unless an end-of-day check acts before it, or the next review suspends or cuts a limit for the overdue (\`by\` is then that one, and the closure is said after it)`,
      callsInLater: `when the two lines close at different periodic reviews, each in a default while the overdue is unpaid: the later one (${dayDate}) and what it calls in (\`lines\`), as \`callsIn\` says the earlier one's`,
      chargeOffCallsIn: `with \`charge_off\` (in \`today\`, \`by\` or \`afterwards\`): the instalments that write-off calls in, which would keep their days were the overdue paid today (a Jiebei loan's later instalments, a Huabei instalment plan not yet billed; nothing when a closure in default called them in before it): what of it then falls due first, at once, with its interest until then — nothing more repaid, and what is past due already not among it (${dayDate}, \`amount\` in yuan) — and the last day any of it falls due (\`lastDay\`, \`lastDate\`: loans with later due days)`,
    },
  },
  pay_due: {
    meaning:
      "pay the minimum of a bill past its due day, still in its grace days: unpaid, it falls into arrears",
    asks: true,
    fields: {
      amount: "the unpaid minimum (yuan) — on Jiebei, the instalments due",
      calledIn:
        "on Jiebei, `true` when the loans were called in (a closure that answers a default, a charge-off): what is due is all of each loan at once, with its interest until its due day — not an instalment; on Huabei, `true` when the line is closed and what is due is all the bills due ask (a closed line's statements bill due in full), not a minimum; absent otherwise",
      onTopOf:
        "the line's overdue (yuan) when it has one: a repayment clears the arrears first, so what is due is on top of it — paying `amount` alone leaves new arrears; absent otherwise",
      by: "the last day a repayment of it counts as on time — the end of its grace days, the due day itself when the policy gives none (`day`, `date`; `today`: that day is today)",
      suspends: `missed, the day the overdue check suspends the customer's open lines if it is still unpaid then (${dayDate}; \`days\`: suspendOverdueDays past its due day; \`lines\`: those lines), as \`next_due\` says it; absent when no line is open, or something older is overdue (its own step names the sooner day)`,
    },
  },
  next_due: {
    meaning:
      "what falls due next on an active or suspended line, said before it falls due: a bill stated (Huabei) or an instalment (Jiebei), what it asks, by when it counts as paid on time, and what missing it costs",
    asks: false,
    fields: {
      day: "the due day",
      date: "its date",
      amount:
        "what the due notice will ask (yuan): on Huabei the statement balance — every bill due by then, unpaid, its charges until then included — on Jiebei the instalments falling due, principal and interest; with nothing more repaid until then, what `onTopOf` names paid today",
      minimum:
        "what keeps it out of arrears (yuan): on Huabei the minimum (0 once met already), on Jiebei the instalments, as `amount`",
      interest: "on Jiebei, of `amount`, the interest since the previous due day (yuan); absent on Huabei",
      statement: `on Huabei with no bill stated ahead, what the next statement bills (purchases since the last one, or the rest of a bill stated already): that statement (${dayDate}), \`amount\` and \`minimum\` as its due notice will ask them (with the interest until the due day, not what the statement states) with nothing more spent or repaid — and \`rest\` when some of it is the rest of a bill stated already, past its due day (what its minimum leaves, with its interest), which it states again: that bill's due \`day\` and \`date\`, and \`only\` \`true\` when nothing not yet billed is stated with it; absent otherwise`,
      by: `the last day a repayment of \`minimum\` alone counts as on time — the end of its grace days, the due day itself when the policy gives none (${dayDate}) — or, when the next due day comes within them (\`before\`: that day), the day before it: a repayment then pays what falls due that day first (another loan's instalment, the oldest loan's first); absent when nothing of it can fall into arrears`,
      penalty:
        "the daily penalty rate the overdue principal bears, missed, instead of interest — the one its bill's statement stated (penaltyRatePerDay) or its loan's, agreed when drawn (jiebeiPenaltyRatePerDay): a policy's new rate applies from the next statement, to loans drawn after it — charged back to the day after the due day; a missed due date is on the record too",
      suspends: `the day the overdue check suspends the customer's open lines if it is still unpaid then (${dayDate}; \`days\`: suspendOverdueDays past the due day; \`lines\`: those lines); absent when no line is open`,
      onTopOf:
        "what the steps before it ask on the line today (yuan: the overdue, what is due in its grace days), which a repayment pays first: the amounts are with them paid; absent when none",
      paidLast:
        "with `onTopOf` (nothing overdue: what is due in its grace days), when it makes a difference: what the notice asks (`amount`, `minimum`, yuan) with that paid on the last of its grace days (`day`, `date`) — the last day its step asks it by — instead of today, the days between adding interest; absent otherwise",
      count:
        "on Jiebei, how many loans' instalments fall due on `day` (`amount` is all of them); absent when one",
      later:
        "on Jiebei, the other loans' next instalments, each due day after `day` in order: `day`, `date`, `amount` and of it `interest` (yuan), `count` when more than one loan's, `by` as above, and what missing it alone costs: `penalty`, its own loans' rate (agreed when each was drawn), and `suspends` (its `day` and `date`: the same lines' suspension, `suspends.days` past its own due day), and `paidLast` as above, when it differs; absent when every loan's next instalment falls due on `day`",
      unbilled:
        "on Huabei, what no statement has billed yet behind the bill due on `day` (a purchase since its statement, not on it): the next statement, which bills it (`statement`: its `day` and `date`), its due `day` and `date`, what its notice asks (`amount`, `minimum`, yuan) with the bill due on `day` paid in full on that day and nothing more spent or repaid, `by` as above, and what missing it costs, as `later` (`penalty`: the rate that statement will state; `suspends`), and `paidLast` as above, when it differs; absent when nothing is unbilled or `statement` says it",
    },
  },
  pay_balance: {
    meaning:
      "repay what a line that is no longer open still owes, nothing of it overdue — or, beside an overdue or what is due in its grace days, the rest still to fall due, called in or running to term",
    asks: true,
    fields: {
      amount:
        "the balance (yuan) — beside an overdue or what is due in its grace days, the balance less them",
      toTerm: `when the line's instalments run to term (a closure that answers no default: nothing past due and nothing written off on either line): the next due day ahead and what falls due then, its interest until then included — on Huabei a bill stated or what the next statement bills (the plans' next instalments, what a bill met at its minimum still owes), less what is past due by then — with what the steps beside it ask paid today (${dayDate}, \`amount\` in yuan) — and the last (\`lastDay\`, \`lastDate\`); on Huabei, what of the amount owed the closing statement called in, due in full as its statements bill it, beyond what the steps beside it ask (\`calledIn\`, in yuan; absent when none); repaying sooner is optional`,
      calledIn: `when what the line owes was called in (a closure that answers a default, a charge-off; Huabei's balance by any closing statement) and part of it is still to fall due: what falls due next, at once, with its interest until then — nothing more repaid, and what is past due already not among it (${dayDate}, \`amount\` in yuan); on Huabei what no statement has billed yet (the interest a bill met at its minimum still owes) falls due on the due day of the next statement — and the last day any of it falls due (\`lastDay\`, \`lastDate\`: loans with later due days, on Huabei what the next statement bills after a bill stated); absent when all of it is due now`,
      reopen:
        "beside `toTerm` on a closed line no write-off ended: all it owes (yuan), the steps beside it included — an application to open it again is declined until that is repaid (`BALANCE_OUTSTANDING`), so repaying it is what reopening needs, however optional otherwise; absent otherwise",
    },
  },
  verify_identity: {
    meaning: "verify identity: only that lifts a security hold",
    asks: true,
    fields: {},
  },
  raise_score: {
    meaning: "raise the score to what the rule that decided asks",
    asks: true,
    fields: {
      current:
        "today's score — or, with `ahead`, the score the next review reads (with `review` too, the score that later review reads as things stand)",
      needed: "the score asked",
      drivers:
        "the reason codes of the characteristics the customer can improve by the review the step is for (at most four: those costing the most points) — for the next review, not the Huabei balance as last reported when no month end comes before it, nor the bills not repaid in full when no Huabei bill falling due before it is left to repay in full, nor the applications, profile changes, missed due dates or worst delinquency, which only time moves, nor the months in good standing when no month end before it can add one (a month of record is earned only in good standing, by a line used before its end — either line: a Huabei purchase or a Jiebei cash loan, repaid on time; the step counts Huabei's use alone, where Huabei is active with something to lend, and never asks for a loan to lift a score) — empty when no step moves the score by then (`reach` is then what that review reads)",
      reach: "when they fall short of `needed`: the most the score reaches with all of them at their maximum",
      asThingsStand:
        "true beside `reach` when a Jiebei cash loan before a month end would earn a month of record and reach more (Huabei's use not counted: not open, or nothing to lend): no step asks for it — borrowing to lift a score is not advised — so `reach` is what the review reads as things stand, said so, not that nothing the customer does moves it",
      restores:
        "a suspended line's step above the score restoring the line asks (this: the one its reasons cite, `restoreScore` or a band's): the line restored and used would score short of what keeping it needs at anything less — `needed` is what keeps it (absent when the step asks no more than restoring does)",
      repayElsewhere:
        "an application to open a line, the debt among the drivers: the least debt elsewhere (yuan) that, repaid today, brings the score it is judged with to `needed` on its own (absent when repaying all of it does not)",
      huabeiFrom:
        "Huabei's use among the drivers (LOW_ACTIVITY) while Huabei is suspended today and the review the answer names restores it first: the first day it can be used (`day`, `date`: the day after that review) — the use is asked from then (absent otherwise)",
      ahead:
        "a suspended line whose next review can restore it, a month end or a due date before that review: `current` is the score that review reads on its day, the bills due before it met at their minimum — from the month-end report before it (`report`: its `day` and `date`, the repayments and the spending since the last one counted; null: no month ends before it) — `today` today's; `recordStarts`: a thin file today (under six months of history) that review reads with six — the repayment record starting to count is what moves the score",
      review:
        "a suspended line the first review that can restore is a later one than the next (its `day` and `date`): `current` is today's score; that review reads the score then, from the month-end report before it, which what is spent and repaid until then decides — with `ahead`, when as things stand (each bill met at its minimum, nothing more spent, an overdue the answer asks paid today) the Huabei balance the month ends before it report takes the score it reads short of `needed`, below what the report on record would give: `current` is that score, `ahead.report` the last of those reports, `ahead.today` today's, `ahead.overduePaid` true when an overdue the answer asks paid is counted paid in it (absent otherwise)",
    },
  },
  repay_in_full: {
    meaning:
      "repay Huabei's bills falling due before the next periodic review in full by their due date: met only at their minimum, the score that review reads is short of what restoring the line needs — or, `keeps`, of the minimum an active line must keep",
    asks: true,
    fields: {
      due: `the last of their due days (${dayDate})`,
      amount: "what is due on that day, its charges until then included — past it, what is due today (yuan)",
      review: `the periodic review that then restores the line (${dayDate})`,
      reads: "the score that review reads with the bills met only at their minimum",
      needed: "the score restoring the line needs (with `keeps`: the minimum an account may keep)",
      keeps:
        "an active line that review would suspend for its score (below minScore): repaid in full, the review keeps it",
      grace: `the due day has passed: the last of its grace days, until which a repayment in full still counts (${dayDate}); absent before then`,
    },
  },
  wait_for_review: {
    meaning: "the periodic review that can restore the line",
    asks: false,
    fields: {
      day: "its day",
      date: "its date",
      later: "not the next review, but the first that can restore the line (its clean period ends first)",
      ready:
        "nothing stands in the way of the restoration today — or, with `reads`, as the next review will read the customer; with `trims`, nothing that review's trim does not clear (what holds the line until then is among the answer's reasons): the review only has to come",
      early:
        "the first day a `request_review` can restore the line before it (`day`, `date`, `now`: today), or null — null too when it reads a score short of restoring as things stand and no step asked changes it (for a later review: the last month-end report before that day, each bill until then met at its minimum)",
      withIncome:
        "a review the debt advice's repayments come too late for, which only the higher income it names, reported by then, can restore the line at (`day`, `date`; `below`: that advice is said after this), or null",
      asked:
        "where the answer's steps are said (any line's: what an early review waits on): `above` this, `below` it (this said first, the steps for the review it names after it) or `both`; absent when the answer gives none",
      score:
        "when today's score is short of what restoring the line needs (`needed`) and the one the next review reads on its day (`reads`, the bills due before it met at their minimum) meets it — from the coming month-end report (`report`: `day`, `date`; null: no month ends before it): `today`, `reads` — no step raises the score then, and an early review comes only after that report; `recordStarts`: a thin file today (under six months of history) that review reads with six — the repayment record starting to count is what moves the score",
      reads:
        "when something stands in the way today (the debt ratio on record, say) and nothing does as the next review reads the customer — the coming month-end report (`day`, `date`), counting the repayments made since the last one, the bills due before the review met at their minimum: that report; an early review comes only after it; `recordStarts`: a thin file today (under six months of history) that report reads with six — the repayment record starting to count, and the thin file's cap lifting, is what leaves nothing in the way",
      periodic:
        "with `ready`, when nothing stands in the way on today's record, which an early review asked for now reads and restores the line on, but the next review, reading the coming month-end report (`report`: `day`, `date`; null when none comes before it) with the bills due before it met at their minimum, would read a score (`reads`) short of what restoring needs (`needed`) — not of what keeping the line needs, so that review keeps the line the early review restores: the early review is the way, and `early` is today",
      policyBars:
        "when the policy's largest limit (`largest`, yuan) is below its smallest line (`smallest`, yuan): no review restores the line under it, whatever the customer does — only a change of policy would; `early` is null. With `atIncome` (yuan a month, the most a file can state): the largest limit the income multiple allows at that income, so no income the customer reports brings a line",
      kept: "with `ready`, or with only the clean period in the way, when the review restores the line at a lower limit than its own (as things stand: each bill until then met at its minimum): that limit (`limit`, yuan) and the line's (`of`, yuan) — the most the line keeps once used (`onceUsed` true: LIMIT_KEPT_ONCE_USED), or what line management leaves it (`onceUsed` false)",
      earlyKept:
        "as `kept`, for the early review offered (`early`): the lower limit it restores the line at (`limit`, yuan), the line's (`of`, yuan) and `onceUsed` — or, with `trims` and Huabei held lower until that review, for one asked today, which trims nothing",
      trims:
        "Huabei, held — whole, or to a lower limit — only by what Jiebei's unused limit counted drawn would do to it once used: that review trims Jiebei's limit (UNUSED_LIMIT_TRIMMED) from `from` to `to` (yuan, as things stand: each bill met at its minimum, nothing more spent) and restores Huabei at the limit kept with it (no lower `kept` said), no score step asked — an early review (`request_review`) trims nothing, so `early` is null (Huabei held lower: `earlyKept` says the limit one asked today restores it at)",
      cutsOther:
        "when the review promises the restoration (nothing in its way, or only the clean period): the cut the line restored, once used, makes of the customer's other line at the review after it (OTHER_LINE_CUT_ONCE_USED: `line`, `from` and `to` in yuan, as things stand) — it holds nothing, but comes back only with an increase applied for; absent when none",
      thinFileLifts:
        "when the thin-file cap below the smallest line (THIN_FILE_BELOW_SMALLEST_LINE) keeps the line from every review before `day`: the day it lifts (`day`, `date`) — the file holding six months of repayment record as things stand, each bill met at its minimum (a line left unused a year adds none) — no early review comes before it; absent otherwise",
      scoreBars:
        "when the score the policy's `parameter` asks (`threshold`) is above the highest the customer's file can score (`best`), whatever the customer does and time brings — on the file the restoration reads, or (`onceUsed`) on the file the line restored and used leaves (counted used at `grantUsedFraction`), which keeping the line needs: no review restores the line under the policy, only a change of it would; `early` is null, and no step towards the restoration is given. `whileOpen: \"huabei\"` (Jiebei's restoration): only while Huabei is active, counted used beside it — with Huabei closed owing nothing a file could reach it. `cost`: the bar read as things stand — the score step would ask the restoration score raised by what using the line restored costs (`cost` points at today's income and debts), above the scorecard's highest (950): `best` is 950 less `cost`; a higher income reported (which can lower the cost) or a change of policy could change it. While the income is too low for the smallest line, the income step comes first and the line restored is used at that income: the score step and this bar are read on the customer with the income asked reported, and `atIncome` (yuan a month) says that income",
    },
  },
  wait_for_inquiries: {
    meaning: "recent applications leave the 30-day count: do not apply before",
    asks: true,
    fields: {
      day: "the day they leave the 30-day count — with `opens`, the first day an application to open Huabei, nothing else done, passes as they age",
      date: "its date",
      opens:
        "no line yet: from `day`, the applications on file weighing less on the score, an application to open Huabei made with nothing else done would be approved (absent otherwise)",
      review:
        "a suspended line whose first restoring review (`day`, `date`) comes after `day`: an application made before that review still counts against the score it reads (the applications of the last 6 months) — do not apply before it either (absent otherwise)",
    },
  },
  applications_allow: {
    meaning:
      "an application asked about, still declined for too many applications in the last 30 days: the first day the count, its own inquiry counted, is within the policy's most, if no other application is made meanwhile",
    asks: false,
    fields: {
      product: "the application: `open` (the line named) or `increase`",
      day: "the first day the count allows it — the day the oldest application that must go has left the 30-day window; the day before, the rule still declines it",
      date: "its date",
      count: "the applications of the last 30 days that day, its own counted",
      max: "the most the policy allows (maxApplications30d)",
    },
  },
  wait_to_draw: {
    meaning:
      "Jiebei lends cash again (said only when nothing else would decline the smallest loan that day: the credit left, the debt burden, the score then below Jiebei's minimum)",
    asks: false,
    fields: {
      day: "from that day",
      date: "its date",
      wait: "the days after the last missed due date, or its arrears cleared when later (jiebeiDrawCleanDays)",
    },
  },
  change_holds: {
    meaning:
      "the bound phone, address, device or bank card was changed as many times within the security window as the policy allows (securityMaxChanges since the last verification): one more change before `day` puts a security hold on the lines named; verifying identity first restarts the count",
    asks: false,
    fields: {
      day: "the first day another change is no longer one too many: the oldest change counted leaves the window",
      date: "its date",
      changes: "the changes counted: since the last verification, within the window",
      window: "the window, in days (securityWindowDays)",
      lines: "the lines a hold would be laid on: active, or suspended for credit or policy",
    },
  },
  not_worked_out: {
    meaning:
      "the steps are not worked out ahead: each runs the account ahead to its next report, and the run has worked out as many answers as one run does — why the line stands as it does (`on_record`) is still given",
    asks: false,
    fields: {
      limit:
        "the answers one run works out (1,000): contact_support calls, and the steps a declined early review or a lifted security hold comes with; a call with nothing changed since the last one answered is given that answer again, not counted",
      day: "the day of the last answer worked out",
      date: "its date",
    },
  },
  waived_unless_paid: {
    meaning:
      "a Jiebei remainder within the tolerance, with no due day after the one it waits for (its loan's last, the spare one a month after the last instalment): left unpaid through that due day's grace, it is waived — not missed; or arrears a repayment left within the tolerance with no due day left to carry them to (`overdue`): waived at the end of the day, the overdue ending",
    asks: false,
    fields: {
      amount:
        "what it is (yuan), with its interest until its due day — and the arrears that grace's end leaves with no due day to carry them to, when within the tolerance, with their penalty until then (that day's end waives them)",
      day: "the day it is waived if unpaid",
      date: "its date",
      overdue:
        "present (true) when it is arrears past the loan's last due day: waived at the end of `day` (today), the overdue ending there — the due date missed stays on the record; absent otherwise",
    },
  },
  unused_closure_due: {
    meaning: `the periodic review closes this line, left unused too long (dormantCloseDays), unless it is used before then: a purchase of at least ${ACTIVITY_MIN_PURCHASE_TEXT} or a cash loan (a suspended line only once restored)`,
    asks: false,
    fields: {
      day: "the review's day",
      date: "its date",
      since: `the day the line was last used (a purchase of at least ${ACTIVITY_MIN_PURCHASE_TEXT}, a cash loan, a day with something owed), or opened or reopened (not restored)`,
      sinceDate: "its date",
      suspended:
        "true: the line is suspended and takes no purchase or loan; only restored before then (its steps) and used is it kept — unless its suspension's own time is up first (closure_due)",
      certain:
        "true: suspended, and no review before it can restore the line (a write-off, a score out of reach, a clean period ending too late): the closure is certain — said ahead of that review, and no closure for the long suspension after it (it never comes)",
      asThingsStand:
        "true beside `certain` when it is certain only as things stand: the score step's steps reach what no restoration asks by then, but a Jiebei cash loan drawn before a month end would earn a month of record that could (no step asks for one — borrowing to lift a score is not advised); absent otherwise",
    },
  },
  review_suspends: {
    meaning: "the next periodic review suspends this active line unless today's numbers change",
    asks: false,
    fields: {
      day: "the review's day",
      date: "its date",
      reasons: "the reason codes it would cite",
      kept: "with the debt step for that review followed (`reduce_debt`: the repayment elsewhere made today, or the income reported — said only when each it offers agrees), the review keeps the line but cuts it: the limit it keeps (`limit`, yuan) and the cut's reason codes (`reasons`); absent when followed it is kept whole, or no such step is given",
    },
  },
  review_cuts: {
    meaning:
      "the next periodic review keeps this active line but cuts its limit unless today's numbers change (a policy change since, an income or a score fallen): said before the cut, as a suspension is — or, on Jiebei, trims its unused limit as that review restores Huabei or gives Huabei's cut limit back (`reasons`: UNUSED_LIMIT_TRIMMED; a restoration's `wait_for_review` says it too, as `trims`) — said once, in place of another cut of Jiebei that review would make",
    asks: false,
    fields: {
      day: "the review's day",
      date: "its date",
      from: "the limit today (yuan)",
      to: "the limit the review cuts it to (yuan)",
      reasons: "the reason codes it would cite",
    },
  },
  verify_suspends: {
    meaning:
      "verifying today would lift the security hold but leave the line suspended: the steps that change it come first",
    asks: false,
    fields: {
      cause: { text: "why it stays suspended", values: VERIFY_SUSPENDS_CAUSES },
      reasons: "the reason codes it would cite",
    },
  },
  keep_clean_until: {
    meaning:
      "repay every bill and instalment on time (those of the lines the customer has) until the day restoration's clean period ends",
    asks: true,
    fields: {
      day: "the day the clean period ends",
      date: "its date",
      afterPaying: "an amount is overdue now: the period starts once it is paid (the day assumes today)",
    },
  },
  report_income: {
    meaning:
      "report a monthly income at which the income multiple allows the smallest line — or a line granted below it before it rose, its own limit",
    asks: true,
    fields: {
      income: "the monthly income (yuan)",
      minLimit: "the smallest line, `minLimit` (yuan)",
      limit:
        "the line's own limit (yuan), when it is below the smallest line (granted before the smallest line rose) and `income` is what it needs: a line every cap holds is kept and restored at it; absent otherwise",
      beside:
        "present when `income` is above the least the smallest line needs (`smallest`, yuan): at that, the review that can restore the line (`wait_for_review`'s) restores the other line (`line`) first, or keeps it active, which this one, used, would take past its cap — `income` is the least at which it restores both, with the other line's debt steps followed or not; `noRepayment`, beside the other line's debt step, which offers a repayment instead of an income: no repayment does for this line (at `smallest`, everything owed repaid, that step's review does not restore it — restored and used, the lines are counted at their limits)",
      notBetween:
        "as `reduce_debt`'s, at the review that can restore the line (`wait_for_review`'s): from `from`, the income the other line's (`line`) step asks, to `to` (yuan; null: every income above) — `income` holds up to `from` and above `to`; `both`, the least income above `to` at which that review leaves both lines active (null: none)",
    },
  },
  reduce_debt: {
    meaning:
      "pay debt down, or report a higher income, for the debt-to-income ratio a periodic review reads to be within the cap (and a suspended line's score to what restoring it needs, when debt alone can bring it there)",
    asks: true,
    fields: {
      ratio:
        "what the review the advice is for reads with nothing more done, as the text and a rule's fact say it: two decimals, rounded up (null: debt with no income); at `atIncome` when given",
      max: "the cap (maxDebtToIncome or Jiebei's)",
      repay:
        "what to repay, debt elsewhere first: each `debt` (`elsewhere`, `huabei`, `jiebei`), `amount` (yuan), `all` (the whole of it); null without an income (and none counted on: `atIncome`), when no repayment counts before the review that closes the line (`missed` and `review` both that one: the income is the step), or when none, everything owed repaid, brings the ratio within the cap at the review named (the income is the step)",
      over: "the total of `repay` (yuan); null as `repay` is",
      review: `the periodic review the advice is for (${dayDate}): for a suspended line, the first that can restore it — not one its clean period still holds`,
      report: `the month-end report the advice counts on, by which its line repayments are made (${dayDate}), or null`,
      missed: `the next review, when repaying all the debt elsewhere is not enough for it (${dayDate}), or null — for an active line, repaid only, that review suspends it and the one named restores it: \`repay\` and \`over\` are for what the restoration counts there (the line at its smallest and used, an overdue asked paid first); \`income\`, which counts the day it is reported, is for \`missed\` itself, which keeps the line at it`,
      income:
        "the monthly income (yuan), higher than the one on record, at which the review the advice is for (`missed` when given) reads the ratio within the cap — for a suspended line, one at which the line restored and used keeps a line — or null (none does, or the one on record is enough: nothing more to repay)",
      score:
        "the score the amounts also bring a suspended line to (what restoring it needs), when debt alone can; null when they are for the ratio alone (the score needs nothing more, or its own step says what it does); with `raisedFor` a score rule, its threshold",
      atIncome:
        "the monthly income (yuan) `ratio`, `repay` and `over` are worked out at when it is not the one on record: the least the smallest line needs, asked for beside (`report_income`); absent otherwise",
      atIncomeOf:
        "the other line (`huabei`, `jiebei`) whose smallest line needs `atIncome`, when it is that line's, above what this line's needs: both asked, the customer reports the larger; absent otherwise",
      notBetween:
        "incomes above `income` at which the review named does not leave the line active: from `from`, the income the other line's (`line`) own step asks, at which that review keeps that line, which this one, used, would take past its cap, to `to` (yuan; null: every income above) — `income` holds up to `from` and above `to`; `both`, the least income above `to` at which that review leaves both lines active, the one the two steps followed together need (yuan; null: none) — each played with nothing repaid (the income route); `repaid`, present when the step asks a repayment: whether that repayment, made today, with `from` reported leaves the line active at that review",
      withOther:
        "the other line's debt step (`line`), followed with this one (the larger of each debt), leaves this line suspended at the review named — the two restored and used, one would fail the standard a line is kept to: `repay` and `over` (as this step's) restore both there, more debt elsewhere repaid; null when repaying all of it does not",
      restoring:
        "advice for a restoration, which counts the lines once used: `counted`, each line counted used up to a limit (`line`, `limit` in yuan) — the line restored at its smallest line (or what it owes, if more), an active Huabei at its limit (or what it owes, if more), an active Jiebei at what it owes and what its debt cap lets be drawn within its limit (or its report, if more) — and `used`, the share of the credit left on them counted used (`grantUsedFraction`); `reported`, the other lines held or owing, which count as the report shows them. Absent for an active line's advice",
      raisedFor:
        "present when the amounts were raised, played as the customer follows the answer, past what the ratio named needs: the rule the review named holds the line on with that amount, as it reads it there — `code`, the `line` it is about, `parameter`, `threshold`, `value` (`onceUsed`: read once a line of that limit, yuan, is used) — and `ratio`, the line's own debt ratio as restoring reads it there with that amount (two decimals, rounded up); a score's threshold is `score`",
    },
  },
  on_record: {
    meaning: "why the line is suspended, closed or charged off, as recorded",
    asks: false,
    fields: {
      status: "the line's status",
      cause: "its cause (credit, security, policy, customer, dormant), or null",
      since: "the day it took that status (a security hold with a suspension beneath: the day it was laid)",
      sinceDate: "its date",
      day: "the day the reasons were recorded (later than `since` when a suspension was recorded again)",
      date: "its date",
      reasons: "the reason codes recorded then",
      over: "a security hold with a suspension beneath it: the cause of that suspension (credit or policy), said next with its own day and reasons; absent otherwise",
      found:
        "the hold laid first: the day (`day`, `date`) the suspension beneath was found under it — that suspension said since that day; absent when the hold was laid over a suspension that came first",
    },
  },
  closure_due: {
    meaning: "the review that closes the line unless it is restored by then: it has been suspended too long",
    asks: false,
    fields: {
      day: "the review's day",
      date: "its date",
      certain: "the line cannot be restored before it",
      asThingsStand:
        "true beside `certain` when it is certain only as things stand: the score step's steps reach what no restoration asks by then, but a Jiebei cash loan drawn before a month end would earn a month of record that could (no step asks for one — borrowing to lift a score is not advised); absent otherwise",
      hold: "a security hold alone, which only a verification lifts",
      writtenOff:
        "certain because a debt was written off on either line: no review restores the line, whatever the time; absent otherwise",
      callsIn:
        "a running loan on the line (Jiebei's loans, Huabei's instalment plans) that the closure calls in, the closure answering a default (a write-off, an overdue on either line) — for a customer who pays every overdue and minimum now due today and meets what falls due later at its minimum: what then falls due first, at once, with its interest until then (`day`, `date`, `amount` in yuan), and the last day any of it falls due (`lastDay`, `lastDate`); absent otherwise",
      toTerm:
        "a running loan on the line that the closure leaves to run to term (no default): its next instalment after the review (`day`, `date`, `amount` in yuan) and the last due day (`lastDay`, `lastDate`); absent otherwise",
    },
  },
  reapply: {
    meaning:
      "nothing is owed on the closed line: whether an application to open it again would be approved on the first day it can be made",
    asks: false,
    fields: {
      day: "the first day it can be made: today, or once the applications of the last 30 days allow",
      date: "its date",
      now: "that day is today",
      blockers: "the facts that would decline it then, with that day's score (none: it would be approved)",
      limit:
        "with no blockers, when an application for the limit the closure ended would be approved lower (a cap today's income or score sets below it): the limit it would be granted (yuan); or, granted in full, when one for more would be held at it (more is an increase: its standards not met, `INCREASE_TOO_SOON` …): that limit; absent otherwise",
      lastLimit: "with `limit`: the limit the closure ended (yuan)",
      holds: "with `limit`: the rules that hold it there, with their numbers (as the application's facts)",
      unusedLifts:
        "with `holds` citing the use the line lacked before its closure (`LINE_NOT_IN_USE`): the first day an application is no longer held for it (`day`, `date`) — the closure then more than `increaseUsedWithinDays` old, the customer judged as one who never had the line; absent otherwise",
      scoreBars:
        "as `open_line`'s: the score the policy's `parameter` asks (`threshold`) is above the highest the customer's file can score (`best`) — before the application (a closed Huabei's activity as it was, which no purchase raises until it is open), or (`onceUsed`) once the line granted is used: no application opens the line again under the policy, only a change of it would",
    },
  },
  increase_from: {
    meaning:
      "told to stop applying: the first day an application for a limit increase is declined by none of the rules only time clears, if nothing else moves",
    asks: false,
    fields: {
      day: "that day",
      date: "its date",
      waits:
        "the rules that decline it today (TOO_MANY_APPLICATIONS, INCREASE_TOO_SOON, RECENT_MISSED_PAYMENT, LIMIT_AT_THIN_FILE_CAP until the file holds six months of repayment record) — INCREASE_TOO_SOON too when a review before that day cuts the limit, which restarts the cooldown; empty: nothing time clears, declined today (`day` today) by `blocked` and `besides`",
      blocked:
        "what would decline it on that day besides, judged on the customer as things stand then (a score below the increase minimum, a cap the limit is at, ACCOUNT_SUSPENDED when a review before it suspends the line, …)",
      besides: "the other rules that would decline it on that day too (each with its step)",
    },
  },
  open_line: {
    meaning:
      "no line yet: whether an application to open Huabei would be approved on the first day it can be made — and, said first, one to open Jiebei when the customer's own was declined within the last 30 days; with a line open, an opening of the other asked about and still declined for the debt ratio, judged today with the debt step",
    asks: false,
    fields: {
      day: "the first day it can be made: today, or once the applications of the last 30 days allow",
      date: "its date",
      now: "that day is today",
      blockers: "the facts that would decline it then (none: it would be approved)",
      debt: "when the debt ratio is one: `repay`, the debt elsewhere to repay (yuan; null without an income, or when more is needed than is owed elsewhere), or `income`, the monthly income that brings it within the cap (null: none)",
      scoreBars:
        "when the score the policy's `parameter` asks (`threshold`) is above the highest the customer's file can score (`best`), whatever the customer does and time brings — before the application (a Huabei never opened reports no balance and no activity), or (`onceUsed`) once the line granted is used (counted used at `grantUsedFraction`), which the next review keeps it to: no application opens Huabei under the policy, only a change of it would; no score, income or debt step is given",
      record:
        "no line yet, Jiebei's opening declined for no repayment record (REPAYMENT_RECORD_REQUIRED): the first day (`day`, `date`) the file holds six months of it with Huabei opened and used by the month end on or after the first day an application can be made, the opening's own `day` (`usedBy`, `usedByDate`), each bill met at its minimum — the day after the month-end report that brings the sixth; with Huabei opened before (`open`: active, suspended or closed), from the customer's own month ends ahead (each counting while a line was used within the year before it): `usedOn`, `usedOnDate`, Huabei's last use, which reaches them, or `usedBy`, `usedByDate`, the coming month end by which to use it when it does not (never used, or too long ago; none asked of a line that cannot be used: no `record`)",
    },
  },
  limit_cut: {
    meaning:
      "the limit a review cut, which comes back through an application for an increase — and, cut for a constraint (not to the score's band), unasked at a later periodic review once the constraint no longer binds",
    asks: false,
    fields: {
      day: "the day of the cut",
      date: "its date",
      from: "the limit before (yuan)",
      to: "the limit after (yuan)",
      since:
        "when the limit has been raised since the cut (the cut still on record) — part of it given back by a periodic review, or an increase granted to less than the review gives back: the limit the line has now (`limit`, yuan), the raise's `day` and `date`, and `by`: `review` or `increase`; absent otherwise",
      reasons: "the reason codes recorded then",
      increase:
        "when an increase can be asked — the increase cooldown, the clean record and the applications of the last 30 days allowing (`day`, `date`, `now`: today); on a suspended line (`restored`: true) not before the answer's steps can restore it: the day of the early review it offers, else the day after the periodic review that can restore it — and, restored from a suspension for credit, not before the increase cooldown since that restoration; `suspends`, an active line a periodic review before then suspends as things stand: that review's `day` (`date`) and `steps`, the remedies (as below) a customer asking the day after it is told restore the line — the increase is then the one that answer names, once the line is restored (`restored`); `inUse`, an open line the review of its `day` (`date`) closes as unused as things stand, before the increase or at or before the review that gives a cut limit back (`givenBack`): used before that review (and before applying, when the application comes first), the line is kept open, and the rest is judged on the line kept in use — and `blocked`, with that day's score and balances (each bill and instalment paid as scheduled until then; the repayment it asks is of what the line will owe then), the fact that would decline it besides the time (the other line suspended, a score below the increase minimum or another rule an application fails, or a cap the limit is at), and `besides`, the other rules that would decline it too (each with its step); `income`, when the limit is at the income's cap: the least monthly income (yuan) at which the income multiple allows the limit before the cut — or, with a cap no income lifts below that limit (`incomeCap`: its `binding` — score, product_maximum, thin_file — and `limit`), that cap's limit, the most any income brings back",
      givenBack:
        "a cut for a constraint: the limit a periodic review gives back unasked, at most (`limit`, yuan: the limit before the cut), once what cut it no longer binds and nothing blocks an increase — the review of `day` (`date`) at the earliest, the cooldown since the cut (or a limit given back in part since, or a restoration from a suspension for credit) and the clean record allowing; `gives` (yuan): what that review gives back as things stand (each bill met at its minimum, nothing more spent; with `increase.inUse`, the line kept in use), said before it as a restoration coming is; `nothing` (true): as things stand that review gives back nothing (the cap already reached, or a rule holding it), and the answer says so rather than a limit coming back",
    },
  },
};
