// A repayment and how it is allocated across the loans (see the order in ../loans.ts): arrears, the
// instalment due, the interest of its grace, the coming instalments held, then principal at once.

import type { Fen } from "../types.js";
import { done, type Loan, type LoanBook, loanBalance } from "./book.js";
import { carriedTo, carryTo, endCarries } from "./carry.js";
import { nextDue, projectedInstalment } from "./instalment.js";
import { balance, overdueAmount } from "./totals.js";

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
