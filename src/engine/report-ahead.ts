// The month-end report ahead: the balances a coming month end will report if the customer does nothing
// more before it. The reviews read the balances of the last report (score-inputs.ts), so this is what a
// coming review counts: the rest of today's engine inputs and every day up to the month end are run on a
// copy, with the interest, penalties, fees and cycles the engine itself would add or decide. The other
// days ahead customer service reads are run the same way: the due dates a coming review counts beside
// that report (duesAhead), what its closure calls in while an overdue stays unpaid (callsInAhead), and
// when what a closed line owes falls due, and how much (calledInDue, fallsDueOn).
//
// Its modules (src/engine/report-ahead/): copy (the engine's state for a copy, its days run), run (a run
// ahead to a month end, each minimum met; the runs a search shares), report (the month-end report ahead, the
// customer as the next review reads them), dues (the due dates ahead as recorded), falling-due (what falls
// due and when), notice (what a coming due notice asks), calls-in (what a closure in a default or a
// charge-off calls in), reviewed-on (the lines as a coming review leaves them). This module is their one face.

export {
  callsInAhead,
  chargeOffCallsIn,
  closingReview,
  closureCallsIn,
} from "./report-ahead/calls-in.js";
export { stateOf } from "./report-ahead/copy.js";
export { billsInFull, duesAhead } from "./report-ahead/dues.js";
export { calledInDue, fallsDueOn, huabeiDueDays } from "./report-ahead/falling-due.js";
export { huabeiNoticeAfterPaid, noticeOn } from "./report-ahead/notice.js";
export {
  asNextReviewReads,
  asReportReads,
  openingOn,
  openingWithReport,
  reportAhead,
  takeReport,
} from "./report-ahead/report.js";
export { reviewedOn, reviewOutcome } from "./report-ahead/reviewed-on.js";
export type { Runs } from "./report-ahead/run.js";
