// The Jiebei ledger: cash loans drawn against a limit, repaid in monthly instalments, in integer fen.
// After every operation:  balance = drawn − repayments + charges − waived   (charges = interest + penalties)
//
// Repayment method: equal principal (等额本金). Each instalment repays the outstanding principal divided by
// the instalments left (the last repays the rest), plus the interest accrued since the previous due day.
// Interest is a simple daily rate on the outstanding principal (actual days; none on interest), at the
// rates agreed when the loan was drawn (LoanRates). Due days fall monthly on the day of the month the
// loan was drawn (clamped to short months). An instalment's
// principal bears interest until repaid, its grace days too (the grace waives lateness, not interest):
// repaid within the grace, what it bore since the due day falls due with the next instalment (after the
// last, on a due day of its own a month later: `spareDue`, as a remainder does).
//
// A missed instalment (unpaid when the grace after its due day ends) goes into arrears on its own — the
// later instalments are not accelerated — with the interest its principal bore since the due day, and from
// the day after the due day its principal bears the penalty rate instead of interest (the excess charged
// back over the grace days). A due date whose unpaid amount (every loan falling due that day: one due date
// of the line) is within the tolerance (the policy's `toleranceAmount`) is not missed, whether or not
// anything was paid toward it. The remainder stays owed, bears interest (in the grace days too, as above):
// its principal rejoins the principal not yet due (shared by the instalments left), its interest falls due
// with the next — after the last instalment, all of it a month later (`spareDue`, once). Unpaid within the
// tolerance when that spare due day's grace ends too, it is waived (`waived`: a small balance not worth
// collecting; the loan closes, nothing missed). A late repayment that leaves at most the tolerance of the
// arrears ends the overdue so too (tolerateArrears): what is left is carried as such a remainder is, and
// the late month stays on the record. Arrears within the tolerance with no due day left to carry them to
// (past a loan's spare due day) are waived at the day's end (waiveArrears), the overdue ending as a
// repayment of them would end it — summed over the loans in arrears; never on a book written off.
//
// A loan called in (accelerate) keeps the due days its instalments would have had after the new last one:
// on each, what it still owes in arrears when that day's grace ends is one more due date missed, as the
// instalment left to run would have been — called-in debt stays on the record as past due month by month.
//
// Repayment order, each step across loans oldest first: arrears (charges, then principal); the instalment
// now due (interest, then principal); the interest it bore since its due day; then, nearest due day
// first, each loan's interest accrued so far and its coming instalment, up to its projected amount (held,
// and applied on the due day; the principal keeps bearing interest until then); then principal at once,
// oldest loan first, which lowers the instalments to come (the term stays) or, when it covers a loan,
// settles it. The coming instalment is lowered too, and what is held beyond it as lowered repays
// principal at once as well. Money held that covers all of a loan's principal settles it at once too
// (before any principal is repaid).
//
// The ledger's modules (src/engine/loans/): book (the records), totals, instalment (a loan's instalment as
// it stands), due (what the book asks and when), ahead (what is to come, seen ahead), drawdown, accrue,
// due-day (instalments falling due), grace-end (paid, carried, waived or missed), tolerance, carry (a
// remainder carried or waived), repayment (and its allocation), arrears-waiver, call-in (accelerate,
// write-off). This module is their one face: the engine imports the ledger as `* as loans` from here.

export { accrue } from "./loans/accrue.js";
export { comingDueDays, comingInstalments, waiverAhead } from "./loans/ahead.js";
export { arrearsWaived, waiveArrears } from "./loans/arrears-waiver.js";
export { forkLoanBook, type LoanBook, newLoanBook } from "./loans/book.js";
export { accelerate, writeOff } from "./loans/call-in.js";
export { draw } from "./loans/drawdown.js";
export {
  amountDue,
  dueInGrace,
  dueInterestOn,
  dueOn,
  fallsDueFirst,
  graceDueDay,
  graceLastDay,
  nextLoanDay,
} from "./loans/due.js";
export { fallDue } from "./loans/due-day.js";
export { decideInstalments } from "./loans/grace-end.js";
export { projectedInstalment } from "./loans/instalment.js";
export { repay } from "./loans/repayment.js";
export {
  balance,
  charges,
  chargesUnpaid,
  oldestArrears,
  overdueAmount,
  owedThrough,
  penaltyRateDue,
  principalOwed,
} from "./loans/totals.js";
