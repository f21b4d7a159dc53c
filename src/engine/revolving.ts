// The Huabei ledger: a revolving line for purchases, in integer fen. Mutable inside one engine run and
// never seen outside it (callers get snapshots). After every operation:
//   balance = purchases − repayments + charges      (charges = interest + instalment fees + penalties)
// A charge-off writes the balance off as the lender's loss (`writtenOff`) but does not change what is owed.
//
// The cycle. A statement bills the purchases since the last one (and one instalment of every instalment
// plan, with its fee) as a bill due on the due day. Each open bill has a cycle minimum: its instalment part
// in full, the policy's share of the rest, and its unpaid charges. When the grace after the due day ends:
//   - a bill repaid in full is settled; interest-free (the purchase grace period);
//   - a bill whose minimum was met revolves: interest on its unpaid principal from the day after its first
//     due day, every day, across statements, until repaid. At every later statement it gets a new cycle
//     minimum (rate × its unpaid principal + its unpaid charges) due with the new bill;
//   - a bill whose minimum was not met falls into arrears: the whole bill is overdue (Huabei's rule), and a
//     daily penalty runs on its unpaid principal instead of interest, charged back to the day after its due
//     day (the grace period forgives only a repayment made within it).
// Interest and penalties are simple daily rates on principal (actual days; no interest on interest), at
// the rates of the statement that last stated the bill: a policy's new rates apply from its next statement.
//
// Repayment order (what a repayment pays, in turn): bills in arrears, oldest first (one in arrears at the
// start of the day keeps its place all day, though a repayment left it within the tolerance); then every
// bill's unpaid cycle minimum, oldest first; then the rest of each bill, oldest first; then unbilled
// purchases; then instalment principal not yet billed (an early settlement: fees of periods not yet billed
// are not charged). Within a bill, charges (penalties, fees, interest) before principal.
//
// The ledger's modules (src/engine/revolving/): ledger (the records: plans, bills, the line, a fork), bill (a
// bill's own sums), totals, due (what the line asks and when), purchase, plans (instalment plans), statement
// (what a statement bills and states), accrue, grace-end (revolved, settled or in arrears; each statement's
// outcome), repayment (and its allocation), write-off. This module is their one face: the engine imports the
// ledger as `* as revolving` from here.

export { accrue } from "./revolving/accrue.js";
export {
  billDueOn,
  dueBy,
  graceDueDay,
  graceLastDay,
  minimumDue,
  nextLedgerDay,
  owedAhead,
  statedBy,
  statedPenaltyRate,
} from "./revolving/due.js";
export { decideCycles } from "./revolving/grace-end.js";
export { copied, forkRevolving, newRevolving, type Revolving } from "./revolving/ledger.js";
export { runningToTerm } from "./revolving/plans.js";
export { purchase } from "./revolving/purchase.js";
export { repay } from "./revolving/repayment.js";
export { closeStatement, type StatementResult, statedFor } from "./revolving/statement.js";
export {
  balance,
  charges,
  chargesUnpaid,
  oldestArrears,
  overdueAmount,
  statementBalance,
} from "./revolving/totals.js";
export { writeOff } from "./revolving/write-off.js";
