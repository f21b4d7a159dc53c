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

import { type Carry, chargesAhead, chargesAheadFrom, copyCarry, dailyCharges, newCarry } from "./accrual.js";
import type { Fen } from "./types.js";
import type { LoanTerm } from "./vocabulary.js";

interface Loan {
  day: number;
  term: LoanTerm;
  principal: Fen;
  /** every instalment's due day; the next one not yet reached is `dueDays[next]` */
  dueDays: number[];
  next: number;
  /** principal not yet due */
  outstanding: Fen;
  /** interest accrued and not yet due */
  interest: Fen;
  /** paid ahead, applied to the coming instalment on its due day */
  held: Fen;
  /** the instalment now due, within its grace: principal and interest unpaid, and its due day */
  duePrincipal: Fen;
  dueInterest: Fen;
  /** interest the principal now due has borne since its due day (it bears interest until repaid), not
   *  yet due: with the next instalment when this one is paid, in arrears with it when it is missed */
  graceInterest: Fen;
  /** its fraction of a fen (one carry per interest-bearing bucket: a day's charges are the same visited
   *  day by day or at once); joins the loan's interest carry when the grace ends */
  dueCarry: Carry;
  dueDay: number | null;
  overdueFrom: number | null;
  /** the due day a month after the last instalment's, for a remainder within the tolerance of the last
   *  (null: none, or used) */
  spareDue: number | null;
  /** arrears a repayment left within the tolerance on day `carriedOn`, carried to principal not yet due and
   *  interest (what of them is still owed): a later repayment that day pays them first, as it would have */
  carriedOn: number | null;
  carriedPrincipal: Fen;
  carriedCharges: Fen;
  /** missed instalments: principal (penalty-bearing) and charges */
  arrearsPrincipal: Fen;
  arrearsCharges: Fen;
  /** the due day of the oldest missed instalment not yet repaid */
  arrearsSince: number | null;
  /** the principal of each missed instalment still unpaid, with its due day, oldest first: a repayment of
   *  the oldest moves the day `arrearsSince` counts from to the next (charges are repaid first, so what is
   *  left is principal). Replaced, never changed in place (copies of a loan share it) */
  missed: readonly { dueDay: number; principal: Fen }[];
  /** called in: the due days its instalments would have had after its last (`accelerate`), not yet reached */
  calledDays: number[];
  /** the last of those reached, and the day its grace ends: still in arrears then, a due date missed */
  calledDay: number | null;
  calledFrom: number | null;
  carry: Carry;
  penaltyCarry: Carry;
  /** the daily rates agreed when it was drawn (LoanRates): interest, and the penalty on missed principal */
  rate: number;
  penaltyRate: number;
}

/** A loan's daily rates, agreed when it is drawn and kept to its end: a policy's new rates apply to loans
 *  drawn after it (a loan's rate is a term of its contract; a change of terms needs notice ahead). */
export interface LoanRates {
  interest: number;
  penalty: number;
}

export interface LoanBook {
  loans: Loan[];
  chargedThrough: number;
  accruing: boolean;
  drawn: Fen;
  repayments: Fen;
  interest: Fen;
  penalties: Fen;
  writtenOff: Fen;
  /** remainders within the tolerance still unpaid when the loan's last due day (its spare one) passed, and
   *  arrears within it with no due day left to carry them to: waived, off the balance (a small-balance
   *  waiver, not a loss on a default) */
  waived: Fen;
}

export const newLoanBook = (): LoanBook => ({
  loans: [],
  chargedThrough: -1,
  accruing: true,
  drawn: 0,
  repayments: 0,
  interest: 0,
  penalties: 0,
  writtenOff: 0,
  waived: 0,
});

/** A deep copy, onto a new book (its hidden class: forkCustomer). */
export function forkLoanBook(b: LoanBook): LoanBook {
  // a literal in the order a drawdown makes a loan, in an array filled by push, as a fork's bills are
  // (revolving.copied): copies made by spreads and `map` had hidden classes of their own
  const copies: Loan[] = [];
  for (const l of b.loans)
    copies.push({
      day: l.day,
      term: l.term,
      principal: l.principal,
      dueDays: [...l.dueDays],
      next: l.next,
      outstanding: l.outstanding,
      interest: l.interest,
      held: l.held,
      duePrincipal: l.duePrincipal,
      dueInterest: l.dueInterest,
      graceInterest: l.graceInterest,
      dueCarry: copyCarry(l.dueCarry),
      dueDay: l.dueDay,
      overdueFrom: l.overdueFrom,
      spareDue: l.spareDue,
      carriedOn: l.carriedOn,
      carriedPrincipal: l.carriedPrincipal,
      carriedCharges: l.carriedCharges,
      arrearsPrincipal: l.arrearsPrincipal,
      arrearsCharges: l.arrearsCharges,
      arrearsSince: l.arrearsSince,
      missed: l.missed,
      calledDays: [...l.calledDays],
      calledDay: l.calledDay,
      calledFrom: l.calledFrom,
      carry: copyCarry(l.carry),
      penaltyCarry: copyCarry(l.penaltyCarry),
      rate: l.rate,
      penaltyRate: l.penaltyRate,
    });
  return Object.assign(newLoanBook(), b, { loans: copies });
}

export const charges = (b: LoanBook): Fen => b.interest + b.penalties;

/** The charges (interest, penalties) accrued and not yet repaid: interest not yet due beyond what is held
 *  for it (a prepayment pays it first), interest due and unpaid, and the charges in arrears. */
export function chargesUnpaid(b: LoanBook): Fen {
  let total = 0;
  for (const l of b.loans)
    total += Math.max(0, l.interest - l.held) + l.dueInterest + l.graceInterest + l.arrearsCharges;
  return total;
}

function loanBalance(l: Loan): Fen {
  return (
    l.outstanding +
    l.interest +
    l.duePrincipal +
    l.dueInterest +
    l.graceInterest +
    l.arrearsPrincipal +
    l.arrearsCharges -
    l.held
  );
}

/** Repaid, and nothing waits for a decision. */
const done = (l: Loan): boolean => loanBalance(l) === 0 && l.outstanding === 0 && l.overdueFrom === null;

export function balance(b: LoanBook): Fen {
  let total = 0;
  for (const l of b.loans) total += loanBalance(l);
  return total;
}

/** The principal owed — drawn and not yet repaid, what of it is due or in arrears too, less what a
 *  prepayment holds beyond the coming instalment's interest (it repays principal on the due day): the credit
 *  the loans use of the line's limit. Interest and penalties are owed, not credit drawn (availableCredit). */
export function principalOwed(b: LoanBook): Fen {
  let total = 0;
  for (const l of b.loans)
    total += l.outstanding + l.duePrincipal + l.arrearsPrincipal - Math.max(0, l.held - l.interest);
  return total;
}

export function overdueAmount(b: LoanBook): Fen {
  let total = 0;
  for (const l of b.loans) total += l.arrearsPrincipal + l.arrearsCharges;
  return total;
}

/** What the book will owe at the end of day `through` with a loan of `drawn` taken today and nothing repaid
 *  meanwhile: today's balance, the new loan, and the interest every loan's principal (the new one's too, at
 *  `rate`, the others at their own) bears until then — the balance a month-end report on `through` shows. */
export function owedThrough(b: LoanBook, drawn: Fen, through: number, rate: number): Fen {
  const days = through - b.chargedThrough;
  let total = balance(b) + drawn;
  if (!b.accruing) return total;
  for (const l of b.loans)
    total +=
      chargesAhead(l.carry, l.outstanding, l.rate, days) +
      chargesAhead(l.dueCarry, l.duePrincipal, l.rate, days);
  return total + chargesAhead(newCarry(), drawn, rate, days);
}

/** The penalty rate an instalment falling due on `dueDay` bears if it is missed: its loan's, agreed when
 *  it was drawn (the highest of the loans falling due then); `otherwise` when none falls due then. */
export function penaltyRateDue(b: LoanBook, dueDay: number, otherwise: number): number {
  let rate: number | null = null;
  for (const l of b.loans)
    if (l.dueDays[l.next] === dueDay || l.dueDay === dueDay) rate = Math.max(rate ?? 0, l.penaltyRate);
  return rate ?? otherwise;
}

/** The instalments falling due on `day` (its due day reached: what the scheduler made due), principal and
 *  interest unpaid — what that day's due notice asks. */
export function dueOn(b: LoanBook, day: number): Fen {
  let total = 0;
  for (const l of b.loans) if (l.dueDay === day) total += l.duePrincipal + l.dueInterest;
  return total;
}

/** Of what falls due on `day` (dueOn), the interest: the instalments' interest since the previous due day,
 *  unpaid. */
export function dueInterestOn(b: LoanBook, day: number): Fen {
  let total = 0;
  for (const l of b.loans) if (l.dueDay === day) total += l.dueInterest;
  return total;
}

/** Instalments past their due day and still in their grace: principal and interest unpaid (a loan's last
 *  with the interest it bore since: `dueNow`) — but, with a `tolerance`, none of a due date whose unpaid
 *  amount the end of its grace will carry or waive rather than find missed. */
export function dueInGrace(b: LoanBook, tolerance: Fen = 0, ahead: Ahead | null = null): Fen {
  let total = 0;
  for (const l of b.loans)
    if (l.dueDay !== null && !tolerated(b, l.dueDay, tolerance, ahead)) total += dueNow(l);
  return total;
}

/** The last day a repayment of the instalments due in their grace days (as `dueInGrace` counts them)
 *  still counts as on time: the earliest end of grace among them; null when none is due. */
export function graceLastDay(b: LoanBook, day: number, tolerance: Fen = 0, accrues = false): number | null {
  let last: number | null = null;
  for (const l of b.loans) {
    if (l.dueDay === null || l.overdueFrom === null || l.overdueFrom <= day) continue;
    if (tolerated(b, l.dueDay, tolerance, { day, accrues }) || dueNow(l) <= 0) continue;
    if (last === null || l.overdueFrom - 1 < last) last = l.overdueFrom - 1;
  }
  return last;
}

/** The instalment now due, unpaid — and, when no instalment falls due after it (its loan's last, or one
 *  called in), the interest its principal bore since its due day: nothing after it would ask that, so
 *  paying what is due settles the loan. (Repaid at the amount it fell due, it is not missed for it: that
 *  interest falls due on a due day of its own, as a remainder does.) */
function dueNow(l: Loan): Fen {
  return l.duePrincipal + l.dueInterest + (l.next >= l.dueDays.length ? l.graceInterest : 0);
}

/** The missed instalments' principal still unpaid once `paid` of it is repaid, oldest first. */
function afterRepaying(
  missed: readonly { dueDay: number; principal: Fen }[],
  paid: Fen,
): { dueDay: number; principal: Fen }[] {
  const left: { dueDay: number; principal: Fen }[] = [];
  let rest = paid;
  for (const m of missed) {
    const part = Math.min(rest, m.principal);
    rest -= part;
    if (m.principal > part) left.push({ dueDay: m.dueDay, principal: m.principal - part });
  }
  return left;
}

export function oldestArrears(b: LoanBook): number | null {
  // compared on every loan in arrears, not only a second one: an operation first met after the code it is
  // inlined in was optimised throws that code away, and this is inlined in most of the day's functions
  // (docs/performance.md, "optimised once")
  let oldest = Number.POSITIVE_INFINITY;
  for (const l of b.loans) if (l.arrearsSince !== null && l.arrearsSince < oldest) oldest = l.arrearsSince;
  return oldest === Number.POSITIVE_INFINITY ? null : oldest;
}

/** A loan's next due day not yet reached (none left: never). */
const nextDue = (l: Loan): number =>
  l.next < l.dueDays.length ? l.dueDays[l.next]! : Number.POSITIVE_INFINITY;

/** Whether a repayment on `next` pays an instalment falling due that day before one now due on `day`: a loan
 *  falling due on `next` comes, in the book's order (oldest first, the repayment order), before a loan owing
 *  an instalment due on `day`. A younger loan's due day takes nothing from an older one's instalment. */
export function fallsDueFirst(b: LoanBook, day: number, next: number): boolean {
  let nextSeen = false;
  for (const l of b.loans) {
    if (nextSeen && l.dueDay === day && l.duePrincipal + l.dueInterest > 0) return true;
    if (nextDue(l) === next) nextSeen = true;
  }
  return false;
}

/** The coming instalment of a loan as it stands on `day`: principal part and interest to its due day — the
 *  fen the fractions of an instalment's grace make when that grace ends before it (joinCarry) counted: it
 *  is the loan's interest then, asked with this instalment (held short of it, a prepayment left that fen to
 *  fall due, and to be missed). The principal now due is read as repaid today (a repayment meets it before
 *  it holds anything; customer service asks it paid beside what is to come): its fraction grows no more. */
function projectedInstalment(l: Loan, day: number, accrues: boolean): Fen {
  const rate = accrues ? l.rate : 0;
  const due = l.dueDays[l.next];
  if (due === undefined) return 0;
  const left = l.dueDays.length - l.next;
  const principal = left <= 1 ? l.outstanding : Math.floor(l.outstanding / left);
  const joins = l.overdueFrom !== null && l.overdueFrom < due;
  const milli = joins ? l.carry.milli + l.dueCarry.milli : l.carry.milli;
  return principal + l.interest + l.graceInterest + chargesAheadFrom(milli, l.outstanding, rate, due - day);
}

/** A loan's first instalment still asking something on `day`, as it stands: its due day and amount. One
 *  paid ahead in full asks nothing, so the one after it is the loan's next ("the next ¥0.00" is no date
 *  to pay by): its principal part and the interest on what is left from the coming due day to its own. */
function nextAsking(l: Loan, day: number, accrues: boolean): { day: number; amount: Fen } | null {
  const due = l.dueDays[l.next];
  if (due === undefined) return null;
  const coming = projectedInstalment(l, day, accrues) - l.held;
  if (coming > 0) return { day: due, amount: coming };
  const after = l.dueDays[l.next + 1];
  if (after === undefined) return null;
  const left = l.dueDays.length - l.next;
  const outstanding = l.outstanding - Math.floor(l.outstanding / left);
  const principal = left - 1 <= 1 ? outstanding : Math.floor(outstanding / (left - 1));
  return {
    day: after,
    amount: principal + chargesAhead(newCarry(), outstanding, accrues ? l.rate : 0, after - due),
  };
}

/** The instalments still to come after `day`, as they stand: the next due day that asks something, what
 *  falls due on it (every loan's instalment then, less what is held for it), and the last due day. Null
 *  when none is to come. With a `tolerance`, an instalment in its grace repaid but a remainder within it is
 *  read as the end of its grace leaves it (asCarried): the remainder falls due later, and is part of what
 *  is to come — with the next instalment, or after the last on a due day of its own. */
export function comingInstalments(
  b: LoanBook,
  day: number,
  accrues: boolean,
  tolerance: Fen = 0,
): { day: number; amount: Fen; lastDay: number } | null {
  let last = Number.NEGATIVE_INFINITY;
  const asking: { day: number; amount: Fen }[] = [];
  for (const loan of b.loans) {
    const carried = asCarried(b, loan, day, accrues, tolerance);
    const l = carried?.loan ?? loan;
    // no principal left may still leave interest to ask on a due day of its own (what the last instalment
    // bore in its grace days, repaid at the amount it fell due)
    if (l.outstanding + l.interest + l.graceInterest === 0) continue;
    last = Math.max(last, l.dueDays[l.dueDays.length - 1] ?? Number.NEGATIVE_INFINITY);
    const n = nextAsking(l, carried?.from ?? day, accrues);
    if (n !== null) asking.push(n);
  }
  if (asking.length === 0) return null;
  const next = Math.min(...asking.map((a) => a.day));
  const amount = asking.reduce((sum, a) => sum + (a.day === next ? a.amount : 0), 0);
  return { day: next, amount, lastDay: last };
}

/** The remainders within the tolerance waived when a grace ends unless paid first (decideInstalment): the
 *  first day that happens, and what is owed then — loans with no due day after the one they wait for (their
 *  last, the spare one used), in arrears or not (that grace's end waives what a loan owes beyond its
 *  arrears), and all the loans of that due date asking at most `tolerance`: one in its grace, as it stands
 *  (nothing more falls due on it); one whose remainder was carried to that due day, as it will fall due
 *  (with its interest until then, at its loan's rate). With them, the arrears that day's end then waives
 *  (arrearsAfterGraces: their penalties to that day at their loans' rates); before them, arrears this day's end
 *  waives (arrearsWaived): today, what they owe. Null: none. */
export function waiverAhead(
  b: LoanBook,
  day: number,
  graceDays: number,
  tolerance: Fen,
): { day: number; amount: Fen } | null {
  if (tolerance <= 0) return null;
  // arrears within it that no due day is left to carry: this day's end waives them (waiveArrears)
  const arrears = arrearsWaived(b, day, tolerance);
  let first: { day: number; amount: Fen } | null = arrears > 0 ? { day, amount: arrears } : null;
  // the loans whose remainders the first day's grace ends waive
  let graces: Loan[] = [];
  for (const l of b.loans) {
    let on: number;
    let amount: Fen;
    if (l.dueDay !== null && l.overdueFrom !== null) {
      if (carriedTo(l, l.overdueFrom) !== null || !tolerated(b, l.dueDay, tolerance, { day, accrues: true }))
        continue;
      on = l.overdueFrom;
      amount = waivedAtGraceEnd(b, l, day);
    } else {
      // carried to a due day of its own after the last instalment, the spare one used
      if (
        l.dueDay !== null ||
        l.next !== l.dueDays.length - 1 ||
        l.spareDue !== null ||
        l.calledDays.length > 0
      )
        continue;
      on = l.dueDays[l.next]! + graceDays + 1;
      amount = waivedAtGraceEnd(b, fallenDue(b, l, day, on), l.dueDays[l.next]!);
      // what that grace's end will find unpaid of its due date: this remainder as it waives it (its grace
      // days' interest and the fen their fractions make counted), the other loans' instalments then as they
      // fall due
      let asked = amount;
      for (const k of b.loans)
        if (k !== l && k.dueDays[k.next] === l.dueDays[l.next]) asked += projectedInstalment(k, day, true);
      if (amount <= 0 || asked > tolerance) continue;
    }
    if (first === null || on < first.day) {
      first = { day: on, amount };
      graces = [l];
    } else if (on === first.day) {
      first.amount += amount;
      graces.push(l);
    }
  }
  if (first !== null && first.day > day)
    first.amount += arrearsAfterGraces(b, day, first.day, graces, tolerance);
  return first;
}

/** What the end of day `on` (after `day`, the first a grace's end waives remainders: those of `graces`,
 *  waiverAhead) then waives of arrears (waiveArrears), seen on `day`: every loan in arrears then with no due
 *  day left to carry them to — one of `graces` (its grace's end waived all it owes beyond its arrears), or
 *  one past its last due day already, with no instalment in its grace — and all they owe together then at
 *  most `tolerance`: their arrears with the penalty their principal bears until then (its loan's; the day's
 *  own charges are accrued at its close, after), and, one not of `graces`, the rest it owes (loanBalance).
 *  0: none, or a loan in arrears with a due day still to come or a grace not ended. */
function arrearsAfterGraces(
  b: LoanBook,
  day: number,
  on: number,
  graces: readonly Loan[],
  tolerance: Fen,
): Fen {
  if (!b.accruing) return 0;
  let total = 0;
  for (const l of b.loans) {
    if (l.arrearsPrincipal + l.arrearsCharges === 0) continue;
    if (graces.includes(l)) total += l.arrearsPrincipal + l.arrearsCharges;
    else if (l.dueDay === null && l.next >= l.dueDays.length && carriedTo(l, on) === null)
      total += loanBalance(l);
    else return 0;
    total += chargesAhead(l.penaltyCarry, l.arrearsPrincipal, l.penaltyRate, on - day);
  }
  return total <= tolerance ? total : 0;
}

/** What the end of the grace of `l`'s instalment now due finds it owing with no due day left to carry it to
 *  — what it waives (waive) — seen on `day` (before its close): the interest the grace days still to come
 *  add (accrue), and a fen the fractions of its grace make (joinCarry), counted. */
function waivedAtGraceEnd(b: LoanBook, l: Loan, day: number): Fen {
  const c: Loan = { ...l, carry: { ...l.carry }, dueCarry: { ...l.dueCarry } };
  const r = b.accruing ? l.rate : 0;
  const days = Math.max(0, (c.overdueFrom ?? day) - day);
  c.interest += dailyCharges(c.carry, c.outstanding, r, days);
  c.dueInterest += dailyCharges(c.dueCarry, c.duePrincipal, r, days);
  joinCarry(c, b.accruing);
  return c.duePrincipal + c.dueInterest + c.graceInterest + c.interest;
}

/** `l`'s last instalment as it falls due on its due day, seen on `day` before it (fallDue): the interest to
 *  that day accrued, the principal and interest due, what is held for them taken; its grace's end from
 *  `graceEnd`. */
function fallenDue(b: LoanBook, l: Loan, day: number, graceEnd: number): Loan {
  const c: Loan = { ...l, carry: { ...l.carry }, dueCarry: { ...l.dueCarry } };
  const due = c.dueDays[c.next]!;
  c.interest += dailyCharges(c.carry, c.outstanding, b.accruing ? l.rate : 0, due - day);
  c.duePrincipal += c.outstanding;
  c.outstanding = 0;
  c.dueInterest += c.interest;
  c.interest = 0;
  const fromHeld = (owed: Fen): Fen => {
    const part = Math.min(c.held, owed);
    c.held -= part;
    return part;
  };
  c.dueInterest -= fromHeld(c.dueInterest);
  c.duePrincipal -= fromHeld(c.duePrincipal);
  c.next++;
  c.dueDay = due;
  c.overdueFrom = graceEnd;
  return c;
}

/** `l` as the end of its instalment's grace leaves it when that instalment is repaid but a remainder within
 *  `tolerance` (tolerated): a copy with the grace days still to come charged (`day`: today, its charges
 *  not yet accrued — a day's accrue at its close) and the remainder carried, as decideInstalment does
 *  (joinCarry, carryRemainder) — not due now, nor missed, but owed with what falls due next; `from`: the
 *  day it stands on, the grace's end. Null: no such remainder. */
function asCarried(
  b: LoanBook,
  l: Loan,
  day: number,
  accrues: boolean,
  tolerance: Fen,
): { loan: Loan; from: number } | null {
  const end = l.overdueFrom;
  if (
    end === null ||
    l.dueDay === null ||
    dueNow(l) === 0 ||
    !tolerated(b, l.dueDay, tolerance, { day, accrues })
  )
    return null;
  const c: Loan = { ...l, carry: { ...l.carry }, dueCarry: { ...l.dueCarry } };
  const r = b.accruing && accrues ? l.rate : 0;
  const days = Math.max(0, end - day);
  c.interest += dailyCharges(c.carry, c.outstanding, r, days);
  c.graceInterest += dailyCharges(c.dueCarry, c.duePrincipal, r, days);
  joinCarry(c, b.accruing);
  // carryRemainder sets the copy's own fields (a new dueDays list, never the original's); with no due day
  // to carry it to, the remainder is waived
  if (carriedTo(c, end) === null) waive(c);
  else carryRemainder(c, end);
  return { loan: c, from: end };
}

/**
 * What is due now (Jiebei's minimum): arrears, instalments within their grace, and each loan's coming
 * instalment not yet covered when it falls due in the current cycle — before `cycleEnd`, the same day
 * next month. An instalment due later is not due yet, as a card's next bill is not part of its minimum.
 */
export function amountDue(b: LoanBook, day: number, cycleEnd: number): Fen {
  let total = 0;
  for (const l of b.loans) {
    total += l.arrearsPrincipal + l.arrearsCharges + dueNow(l);
    // the due day compared only when there is one (a loan past its last as infinitely far, a number no
    // small integer, was met only after this was optimised: docs/performance.md, "optimised once")
    if (l.duePrincipal + l.dueInterest === 0 && l.next < l.dueDays.length && l.dueDays[l.next]! < cycleEnd)
      total += Math.max(0, projectedInstalment(l, day, true) - l.held);
  }
  return total;
}

/** Draws a loan: `dueDays` are its instalments' due days (one per month of the term), `spareDue` the
 *  month's after the last (where a remainder within the tolerance of the last falls due). */
export function draw(
  b: LoanBook,
  day: number,
  amount: Fen,
  term: LoanTerm,
  dueDays: number[],
  rates: LoanRates,
  spareDue: number | null = null,
): void {
  b.drawn += amount;
  b.loans.push({
    day,
    term,
    principal: amount,
    dueDays,
    next: 0,
    outstanding: amount,
    interest: 0,
    held: 0,
    duePrincipal: 0,
    dueInterest: 0,
    graceInterest: 0,
    dueCarry: newCarry(),
    dueDay: null,
    overdueFrom: null,
    spareDue,
    carriedOn: null,
    carriedPrincipal: 0,
    carriedCharges: 0,
    arrearsPrincipal: 0,
    arrearsCharges: 0,
    arrearsSince: null,
    missed: [],
    calledDays: [],
    calledDay: null,
    calledFrom: null,
    carry: newCarry(),
    penaltyCarry: newCarry(),
    rate: rates.interest,
    penaltyRate: rates.penalty,
  });
}

export function repay(b: LoanBook, amount: Fen, day: number, tolerance: Fen = 0): Fen {
  let left = Math.min(amount, balance(b));
  const applied = left;
  const take = (owed: Fen): Fen => {
    const part = Math.min(left, owed);
    left -= part;
    return part;
  };
  for (const l of b.loans) {
    if (l.carriedOn === day) {
      // arrears an earlier repayment today left within the tolerance keep their place: the order does not
      // depend on how the day's money is split
      const charges = take(l.carriedCharges);
      l.carriedCharges -= charges;
      l.interest -= charges;
      const principal = take(l.carriedPrincipal);
      l.carriedPrincipal -= principal;
      l.outstanding -= principal;
    }
    l.arrearsCharges -= take(l.arrearsCharges);
    const principal = take(l.arrearsPrincipal);
    l.arrearsPrincipal -= principal;
    if (principal > 0) l.missed = afterRepaying(l.missed, principal);
    if (l.arrearsPrincipal + l.arrearsCharges === 0) l.arrearsSince = null;
    else if (principal > 0) l.arrearsSince = l.missed[0]?.dueDay ?? l.arrearsSince;
  }
  for (const l of b.loans) {
    l.dueInterest -= take(l.dueInterest);
    l.duePrincipal -= take(l.duePrincipal);
  }
  // then the interest the instalments now due bore since their due days: it is the next instalment's
  for (const l of b.loans) l.graceInterest -= take(l.graceInterest);
  // every loan's coming instalment (its interest so far, then the rest held) before any loan's principal:
  // paying "what is due" meets them all — unless the repayment settles every loan outright (then nothing
  // needs holding). Nearest due day first: money short of them all meets the instalment that falls due
  // soonest, never a later one (nor its interest) before it
  // interest accrued since a prepayment is what that prepayment was held for (it counted the interest to
  // the due day): it is paid from what is held, never a second time from this repayment
  for (const l of b.loans) {
    const prepaid = Math.min(l.held, l.interest);
    l.interest -= prepaid;
    l.held -= prepaid;
  }
  let rest = 0;
  for (const l of b.loans) rest += l.interest + l.outstanding - l.held;
  if (left < rest) {
    const byDue = b.loans.length < 2 ? b.loans : [...b.loans].sort((x, y) => nextDue(x) - nextDue(y));
    for (const l of byDue) {
      l.interest -= take(l.interest);
      l.held += take(Math.max(0, projectedInstalment(l, day, true) - l.held));
    }
  } else for (const l of b.loans) l.interest -= take(l.interest);
  // a loan whose principal what is held for it covers (its last instalment, short only of the interest it
  // would bear until the due day) is settled at once, whatever is left: held and repaid today are the same
  // money, so a repayment split in two settles it as the whole one does; held beyond it comes back
  for (const l of b.loans) {
    if (l.outstanding === 0 || l.interest > 0 || l.held < l.outstanding) continue;
    left += l.held - l.outstanding;
    l.outstanding = 0;
    l.held = 0;
    l.dueDays = l.dueDays.slice(0, l.next);
  }
  for (const l of b.loans) {
    if (left <= 0) break;
    if (left >= l.outstanding - l.held) {
      // settles the loan (what was held repays principal now): no instalment left to fall due
      left -= l.outstanding - l.held;
      l.outstanding = 0;
      l.held = 0;
      l.dueDays = l.dueDays.slice(0, l.next);
      continue;
    }
    l.outstanding -= take(l.outstanding - l.held);
  }
  for (const l of b.loans) releaseBeyondInstalment(l, day);
  // a loan repaid in full owes nothing more: the fractions of a fen its interest left (less than a fen in
  // each bucket, charged only once whole) end with it, as a payoff is in whole fen — else they made a fen
  // at its grace's end, owed on a line repaid "in full" and closed with nothing owed
  for (const l of b.loans) if (l.outstanding === 0 && loanBalance(l) === 0) endCarries(l);
  b.repayments += applied;
  if (applied > 0) tolerateArrears(b, day, tolerance);
  b.loans = b.loans.filter((l) => !done(l));
  return applied;
}

/**
 * A repayment that leaves at most `tolerance` of the arrears (a missed instalment repaid late, its penalty's
 * worth short) ends the overdue, as the tolerance service ends a Huabei bill's: what is left stays owed, its
 * principal bearing interest again as principal not yet due and its charges due with the loan's next
 * instalment (after the last, on the day `carriedTo` names) — the late month stays on the record. A loan
 * with no such day keeps its arrears until the day's end, which waives them (waiveArrears); a book written
 * off keeps them (a charge-off is final: what is repaid after it is a recovery).
 */
function tolerateArrears(b: LoanBook, day: number, tolerance: Fen): void {
  const owed = overdueAmount(b);
  if (owed === 0 || owed > tolerance || !b.accruing) return;
  for (const l of b.loans) {
    if (l.arrearsPrincipal + l.arrearsCharges === 0) continue;
    const to = carriedTo(l, day);
    if (to === null) continue;
    carryTo(l, to);
    if (l.carriedOn !== day) {
      l.carriedOn = day;
      l.carriedPrincipal = 0;
      l.carriedCharges = 0;
    }
    l.carriedPrincipal += l.arrearsPrincipal;
    l.carriedCharges += l.arrearsCharges;
    l.outstanding += l.arrearsPrincipal;
    l.interest += l.arrearsCharges;
    l.arrearsPrincipal = 0;
    l.arrearsCharges = 0;
    l.arrearsSince = null;
    l.missed = [];
  }
}

/** What the day's end (`day`, before its charges) waives of arrears within the tolerance that no due day is
 *  left to carry (waiveArrears): every loan in arrears past its last due day (its spare one too, and any a
 *  called-in loan would have had), with no instalment in its grace (that grace's end decides it first), and
 *  all they owe together — arrears, and the interest not yet due beside them — at most `tolerance`: summed,
 *  as the tolerance is of a due date's loans together and a repayment's of the book's arrears, never one
 *  tolerance a loan. 0: nothing (none in arrears; one with a due day left, which a repayment carries to;
 *  more than the tolerance; no tolerance; a book written off, whose charge-off is final). */
export function arrearsWaived(b: LoanBook, day: number, tolerance: Fen): Fen {
  if (tolerance <= 0 || !b.accruing) return 0;
  let total = 0;
  for (const l of b.loans) {
    if (l.arrearsPrincipal + l.arrearsCharges === 0) continue;
    if (l.dueDay !== null || carriedTo(l, day) !== null) return 0;
    total += loanBalance(l);
  }
  return total <= tolerance ? total : 0;
}

/**
 * Arrears within the tolerance with no due day left to carry them to are waived at the day's end
 * (arrearsWaived): as the convention has it, an unpaid part of at most the tolerance after the due date
 * counts as repaid, and after a loan's last due day nothing would ever ask it again but a collector. The
 * loans close; the fractions of a fen their charges left end with them, as a payoff's do. Returns the
 * amount, off the balance (`waived`, as a remainder's waiver).
 */
export function waiveArrears(b: LoanBook, day: number, tolerance: Fen): Fen {
  const amount = arrearsWaived(b, day, tolerance);
  if (amount === 0) return 0;
  for (const l of b.loans) {
    if (l.arrearsPrincipal + l.arrearsCharges === 0) continue;
    // all it owes (loanBalance): its arrears, and the interest not yet due beside them
    l.arrearsPrincipal = 0;
    l.arrearsCharges = 0;
    l.arrearsSince = null;
    l.missed = [];
    l.outstanding = 0;
    l.interest = 0;
    l.duePrincipal = 0;
    l.dueInterest = 0;
    l.graceInterest = 0;
    l.held = 0;
    endCarries(l);
  }
  b.waived += amount;
  b.loans = b.loans.filter((l) => !done(l));
  return amount;
}

/**
 * What a loan holds beyond its coming instalment as it now stands repays principal at once: principal just
 * repaid lowers that instalment (its part of the principal and its interest), so a hold measured on the
 * principal before would keep money waiting, and bearing interest, until the due day. Each release lowers
 * the instalment again, so it repeats while that frees more; what stays held is the instalment before the
 * last release, so it always covers the instalment.
 */
function releaseBeyondInstalment(l: Loan, day: number): void {
  let beyond = l.held - projectedInstalment(l, day, true);
  while (beyond > 0) {
    l.held -= beyond;
    l.outstanding -= beyond;
    const next = l.held - projectedInstalment(l, day, true);
    // a rate so high that less principal frees no less: stop (what is held still covers the instalment)
    if (next >= beyond) return;
    beyond = next;
  }
}

/** Adds the daily charges for days (chargedThrough, through], at each loan's own rates. */
export function accrue(b: LoanBook, through: number): void {
  const from = b.chargedThrough + 1;
  if (through < from) return;
  b.chargedThrough = through;
  if (!b.accruing) return;
  const days = through - from + 1;
  for (const l of b.loans) {
    const i = dailyCharges(l.carry, l.outstanding, l.rate, days);
    l.interest += i;
    b.interest += i;
    // the principal now due bears interest until repaid, its grace days too (the grace waives lateness, not
    // the price of money still borrowed): the next instalment's — asked with this one when no due day
    // follows it to carry it to
    const g = dailyCharges(l.dueCarry, l.duePrincipal, l.rate, days);
    // both written, one with nothing: a branch taken only in a last instalment's grace was met only after
    // the day's functions this is inlined in were optimised (docs/performance.md, "optimised once")
    const dueNow = carriedTo(l, through) === null;
    l.dueInterest += dueNow ? g : 0;
    l.graceInterest += dueNow ? 0 : g;
    b.interest += g;
    const p = dailyCharges(l.penaltyCarry, l.arrearsPrincipal, l.penaltyRate, days);
    l.arrearsCharges += p;
    b.penalties += p;
  }
}

export interface InstalmentDue {
  dueDay: number;
  due: Fen;
}

/** Instalments falling due on `day` (the scheduler visits every due day): they become due; what was held
 *  for them pays them, anything held beyond repays principal. A called-in loan's day an instalment would
 *  have fallen due on is reached too: what it owes in arrears is reported when that day's grace ends. */
export function fallDue(b: LoanBook, day: number, graceDays: number): InstalmentDue[] {
  let out: InstalmentDue[] | null = null;
  for (const l of b.loans) {
    const called = l.calledDays[0];
    if (called !== undefined && called <= day) {
      l.calledDays = l.calledDays.slice(1);
      l.calledDay = called;
      l.calledFrom = called + graceDays + 1;
    }
    // read within the list: a read past its end (a loan past its last instalment) was met only after this
    // was optimised (docs/performance.md, "optimised once")
    if (l.next >= l.dueDays.length) continue;
    const due = l.dueDays[l.next]!;
    if (due > day) continue;
    const left = l.dueDays.length - l.next;
    const principal = left <= 1 ? l.outstanding : Math.floor(l.outstanding / left);
    l.next++;
    l.outstanding -= principal;
    l.duePrincipal += principal;
    l.dueInterest += l.interest;
    l.interest = 0;
    l.dueDay = due;
    l.overdueFrom = due + graceDays + 1;
    const fromHeld = (owed: Fen): Fen => {
      const part = Math.min(l.held, owed);
      l.held -= part;
      return part;
    };
    l.dueInterest -= fromHeld(l.dueInterest);
    l.duePrincipal -= fromHeld(l.duePrincipal);
    l.outstanding -= fromHeld(l.outstanding);
    // both read on every instalment (docs/performance.md, "optimised once")
    const last = l.next === l.dueDays.length;
    const held = l.held > 0;
    if (last && held) {
      // paid ahead beyond the last instalment (a prepayment lowered the interest): refunded
      b.repayments -= l.held;
      l.held = 0;
    }
    out ??= [];
    out.push({ dueDay: due, due: l.duePrincipal + l.dueInterest });
  }
  return out ?? NO_DUES;
}

const NO_DUES: InstalmentDue[] = [];

export interface InstalmentOutcome {
  dueDay: number;
  outcome: "paid" | "missed";
  /** of a due date not missed: the remainder within the tolerance waived (the loans' last due day passed);
   *  0 when none (every outcome of one shape: docs/performance.md, "optimised once") */
  waived: Fen;
}

/** Instalments whose grace ended by `day`: paid, or missed into arrears (penalty charged back); and the
 *  days a called-in loan's instalments would have fallen due whose grace ended: missed while in arrears. */
export function decideInstalments(b: LoanBook, day: number, rates: { tolerance: Fen }): InstalmentOutcome[] {
  let out: InstalmentOutcome[] | null = null;
  // the due dates whose unpaid amount is within the tolerance, as their graces end (before any of their
  // loans is decided: a loan's remainder carried or put in arrears is no longer its due date's unpaid)
  let within: number[] | null = null;
  for (const l of b.loans) {
    if (l.overdueFrom === null || day < l.overdueFrom || l.dueDay === null) continue;
    if (!tolerated(b, l.dueDay, rates.tolerance)) continue;
    within ??= [];
    within.push(l.dueDay);
  }
  for (const l of b.loans) {
    if (l.overdueFrom !== null && day >= l.overdueFrom && l.dueDay !== null) {
      const dueDay = l.dueDay;
      const tolerate = within?.includes(dueDay) === true;
      out = decideInstalment(b, l, day, dueDay, l.overdueFrom - dueDay - 1, tolerate, rates, out ?? []);
    }
    if (l.calledFrom !== null && day >= l.calledFrom && l.calledDay !== null) {
      // still in arrears when that day's grace ends: a due date missed, as the instalment left to run would
      // have been (repaid, the loan is gone: nothing to record)
      if (l.arrearsPrincipal + l.arrearsCharges > 0) {
        out ??= [];
        out.push({ dueDay: l.calledDay, outcome: "missed", waived: 0 });
      }
      l.calledDay = null;
      l.calledFrom = null;
    }
  }
  // only a loan decided here can have become done (repayments drop the loans they settle)
  if (out === null) return NO_OUTCOMES;
  b.loans = b.loans.filter((l) => !done(l));
  return perDueDate(out);
}

/** One outcome per due date: the loans falling due on one day are one due date of the line, missed when
 *  any of them is — as a statement's bills are one (a draw split into two loans is not two dates missed). */
function perDueDate(out: InstalmentOutcome[]): InstalmentOutcome[] {
  if (out.length < 2) return out;
  const dates: InstalmentOutcome[] = [];
  for (const o of out) {
    const same = dates.find((d) => d.dueDay === o.dueDay);
    if (same === undefined) dates.push(o);
    else {
      if (o.outcome === "missed") same.outcome = "missed";
      same.waived += o.waived;
    }
  }
  return dates;
}

/** The instalment of `l` due on `dueDay`, its `graceDays` ended: paid (or, its due date's unpaid amount
 *  within the tolerance — `tolerate` —, its remainder carried to the loan's next due day, or waived when
 *  none is left), or missed into arrears. */
function decideInstalment(
  b: LoanBook,
  l: Loan,
  day: number,
  dueDay: number,
  graceDays: number,
  tolerate: boolean,
  rates: { tolerance: Fen },
  out: InstalmentOutcome[],
): InstalmentOutcome[] {
  l.overdueFrom = null;
  l.dueDay = null;
  b.interest += joinCarry(l, b.accruing);
  const unpaid = l.duePrincipal + l.dueInterest;
  if (unpaid === 0 || tolerate) {
    const to = carriedTo(l, day);
    // a remainder within the tolerance falls due later; so does what its grace days bore (with the next
    // instalment; after the last, on a due day of its own)
    if (to !== null) {
      if (unpaid > 0) carryRemainder(l, day);
      else {
        l.interest += l.graceInterest;
        l.graceInterest = 0;
        // after the last instalment, interest still owed (what the grace days bore; a fen the fractions of
        // its grace made, joinCarry) falls due on a due day of its own — nothing else would ever ask it
        if (l.interest > 0) carryTo(l, to);
      }
      out.push({ dueDay, outcome: "paid", waived: 0 });
      return out;
    }
    // no due day left to carry to (the loan's last, its spare one used): what it still owes beyond its
    // arrears — the remainder within the tolerance, with the interest it bore — is waived, as a lender
    // writes off a balance not worth collecting; the loan closes, nothing missed
    const left = unpaid + l.graceInterest + l.interest;
    let waived = 0;
    if (left > 0 && (unpaid > 0 || left <= rates.tolerance)) {
      waived = waive(l);
      b.waived += waived;
    } else {
      l.interest += l.graceInterest;
      l.graceInterest = 0;
    }
    out.push({ dueDay, outcome: "paid", waived });
    return out;
  }
  // missed: the interest its principal bore since the due day is in arrears with it, and from the day after
  // the due day the penalty replaces that interest (its excess over it, charged back over the grace days)
  l.arrearsPrincipal += l.duePrincipal;
  if (l.duePrincipal > 0) l.missed = [...l.missed, { dueDay, principal: l.duePrincipal }];
  l.arrearsCharges += l.dueInterest + l.graceInterest;
  l.graceInterest = 0;
  if (l.next >= l.dueDays.length && l.calledDays.length === 0) {
    // no instalment follows to ask the interest not yet due (a fen the fractions of its grace made,
    // joinCarry): it is in arrears with this one
    l.arrearsCharges += l.interest;
    l.interest = 0;
  }
  if (b.accruing && l.penaltyRate > l.rate) {
    const p = dailyCharges(l.penaltyCarry, l.duePrincipal, l.penaltyRate - l.rate, graceDays);
    l.arrearsCharges += p;
    b.penalties += p;
  }
  l.duePrincipal = 0;
  l.dueInterest = 0;
  l.arrearsSince ??= dueDay;
  out.push({ dueDay, outcome: "missed", waived: 0 });
  return out;
}

const NO_OUTCOMES: InstalmentOutcome[] = [];

/** A settled loan's fractions of a fen, dropped (repay). */
function endCarries(l: Loan): void {
  l.carry.milli = 0;
  l.dueCarry.milli = 0;
  l.penaltyCarry.milli = 0;
}

/** The fraction of a fen the principal due bore in its grace joins the loan's interest carry (a whole fen
 *  made of the two is the loan's interest, due with its next instalment): the loan is charged its rate on
 *  all the principal it was lent, not a fraction short each grace. Returns the fen added to the loan's
 *  interest (none on a book not `accruing`), for the book's total: a copy's (asCarried) is not counted. */
function joinCarry(l: Loan, accruing: boolean): Fen {
  const milli = l.carry.milli + l.dueCarry.milli;
  l.dueCarry.milli = 0;
  l.carry.milli = milli % 1000;
  if (milli < 1000 || !accruing) return 0;
  l.interest += 1;
  return 1;
}

/** The due date `dueDay` of the line (every loan falling due that day, as one due date) has something
 *  unpaid, but within the tolerance: as the convention has it, an unpaid part of at most the tolerance after
 *  the due date counts as repaid in full — whether or not anything was paid toward it (as a Huabei bill
 *  whose unpaid minimum is within it is not overdue). Measured on what is asked now (`dueNow`) — with
 *  `ahead`, as the end of the grace will ask it; the instalments of a due date are summed, so a draw split
 *  into many small loans is not many tolerances. None on a book written off: a charge-off is final, what
 *  is repaid after it a recovery, and a shortfall of a due date after it (a called-in instalment's) is
 *  missed, as arrears within the tolerance stay in arrears (tolerateArrears, arrearsWaived). */
function tolerated(b: LoanBook, dueDay: number, tolerance: Fen, ahead: Ahead | null = null): boolean {
  if (!b.accruing) return false;
  let unpaid = 0;
  for (const l of b.loans) if (l.dueDay === dueDay) unpaid += askedAtGraceEnd(b, l, ahead);
  return unpaid > 0 && unpaid <= tolerance;
}

/** What the end of the grace of `l`'s instalment now due finds unpaid of it: what is asked now (`dueNow`),
 *  with `ahead` the interest the grace days still to come add (graceAhead) — and, when no due day is left
 *  to carry it to, everything else the loan still owes beyond its arrears, which that end waives or puts in
 *  arrears with it: its interest not yet due and the fen the fractions of its grace make (joinCarry). Every
 *  fen it will owe is counted before the tolerance is: a waiver is never more than the tolerance. */
function askedAtGraceEnd(b: LoanBook, l: Loan, ahead: Ahead | null): Fen {
  const asked = dueNow(l) + graceAhead(b, l, ahead);
  if (l.overdueFrom === null || carriedTo(l, l.overdueFrom) !== null) return asked;
  return asked + l.interest + fenJoined(b, l, ahead);
}

/** The fen the fractions of `l`'s grace will make when it ends (joinCarry), seen `ahead` or as they stand. */
function fenJoined(b: LoanBook, l: Loan, ahead: Ahead | null): Fen {
  if (!b.accruing) return 0;
  const due = { ...l.dueCarry };
  if (ahead !== null && l.overdueFrom !== null)
    dailyCharges(due, l.duePrincipal, ahead.accrues ? l.rate : 0, l.overdueFrom - ahead.day);
  return l.carry.milli + due.milli >= 1000 ? 1 : 0;
}

/** Seen on `day` (before its close), the loans bearing their interest (`accrues`) or none: what is asked is
 *  read as the end of the grace will ask it. */
export interface Ahead {
  day: number;
  accrues: boolean;
}

/** The interest `l`'s principal due will bear in the grace days still to come from `ahead.day` that its
 *  instalment asks with itself (its loan's last, or one with no due day after it to carry it to: accrue) —
 *  what the end of the grace reads as unpaid beyond today's `dueNow`, so a remainder today within the
 *  tolerance that those days take past it is not told as carried (the grace's end finds it missed). */
function graceAhead(b: LoanBook, l: Loan, ahead: Ahead | null): Fen {
  if (ahead === null || !b.accruing || l.overdueFrom === null) return 0;
  if (l.next < l.dueDays.length && carriedTo(l, ahead.day) !== null) return 0;
  return chargesAhead(l.dueCarry, l.duePrincipal, ahead.accrues ? l.rate : 0, l.overdueFrom - ahead.day);
}

/** What `l` still owes beyond its arrears once no due day is left to carry it to — the remainder of the
 *  instalment now due, with the interest it bore (its principal is all due: none is left to come) — is
 *  waived. Returns the amount, off the loan's balance. */
function waive(l: Loan): Fen {
  const amount = l.duePrincipal + l.dueInterest + l.graceInterest + l.interest;
  l.duePrincipal = 0;
  l.dueInterest = 0;
  l.graceInterest = 0;
  l.interest = 0;
  return amount;
}

/** The due day a remainder within the tolerance falls due on: the loan's next instalment's — after the
 *  last, the next day a called-in loan's would have fallen due, or the spare due day a month later; none
 *  after `day`, null (then it is missed, as any remainder is). */
function carriedTo(l: Loan, day: number): number | null {
  // each read on every call, as the day's accrual it is inlined in makes it (docs/performance.md,
  // "optimised once")
  const called = l.calledDays[0];
  const spare = l.spareDue;
  const to = l.next < l.dueDays.length ? l.dueDays[l.next]! : (called ?? spare);
  return to !== null && to > day ? to : null;
}

/** What is carried falls due on `to`: after the loan's last instalment, a due day of its own. */
function carryTo(l: Loan, to: number): void {
  if (l.next < l.dueDays.length) return;
  l.dueDays = [...l.dueDays, to];
  if (to === l.spareDue) l.spareDue = null;
}

/** The remainder of an instalment repaid within the tolerance stays owed, not due: its principal (which
 *  bore interest in the grace days, as all principal not repaid does) is principal not yet due again, and
 *  its interest falls due with the loan's next instalment (after the last, both on the day `carriedTo`
 *  names). */
function carryRemainder(l: Loan, day: number): void {
  carryTo(l, carriedTo(l, day)!);
  l.outstanding += l.duePrincipal;
  l.interest += l.dueInterest + l.graceInterest;
  l.duePrincipal = 0;
  l.dueInterest = 0;
  l.graceInterest = 0;
}

/** The next day after `day` on which an instalment falls due or its grace ends — or, on a loan called in,
 *  one of its instalments would have, or that day's grace ends; or, on a loan in arrears past its last due
 *  day, its spare due day (from its end no due day is left to carry them to: waiveArrears). */
export function nextLoanDay(b: LoanBook, day: number): number {
  let next = Infinity;
  for (const l of b.loans) {
    // (read within the list, as fallDue does)
    if (l.next < l.dueDays.length && l.dueDays[l.next]! > day) next = Math.min(next, l.dueDays[l.next]!);
    if (l.overdueFrom !== null && l.overdueFrom > day) next = Math.min(next, l.overdueFrom);
    const called = l.calledDays[0];
    if (called !== undefined && called > day) next = Math.min(next, called);
    if (l.calledFrom !== null && l.calledFrom > day) next = Math.min(next, l.calledFrom);
    // arrears past the last due day: the spare one is the last a repayment could carry them to; from its
    // end none is left, and within the tolerance they are waived then (arrearsWaived)
    const spare = l.spareDue;
    if (
      spare !== null &&
      spare > day &&
      l.next >= l.dueDays.length && // no due day left in its list
      called === undefined &&
      l.arrearsSince !== null
    )
      next = Math.min(next, spare);
  }
  return next;
}

/** The lender closes the line: every loan's next instalment becomes its last (all principal due then). The
 *  due days after it are kept as the days the called-in debt, while in arrears, is reported past due again
 *  (a loan called in twice — closed, then charged off — keeps those of the first). */
export function accelerate(b: LoanBook): void {
  for (const l of b.loans) {
    const after = l.dueDays.slice(l.next + 1);
    if (after.length === 0) continue;
    l.calledDays = after;
    l.dueDays = l.dueDays.slice(0, l.next + 1);
  }
}

export function writeOff(b: LoanBook): Fen {
  const amount = balance(b);
  b.writtenOff += amount;
  b.accruing = false;
  return amount;
}
