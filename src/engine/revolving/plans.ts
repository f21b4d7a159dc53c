// The instalment plans: a plan's next instalment, the plans run to term on a closed line, and dropping the
// plans repaid.

import type { Fen } from "../types.js";
import type { InstalmentPlan, Revolving } from "./ledger.js";

/** Drops the instalment plans with nothing left to bill — a new list only when one is dropped: statements
 *  and repayments of a population, most lines with no plan or none repaid, made an empty copy each. */
export function dropRepaidPlans(l: Revolving): void {
  for (const p of l.plans)
    if (p.unbilled <= 0) {
      l.plans = l.plans.filter((x) => x.unbilled > 0);
      return;
    }
}

/** A plan's next instalment: its principal (a plan partly settled early bills what is left of it, never
 *  more) and its fee — an instalment's share of it, and of an instalment partly settled early the share of
 *  what is left: the fees of principal repaid early are not charged, part or all of the plan (¥1 left of a
 *  ¥100 instalment bore its month's whole ¥8.80, so a yuan prepaid less cost ¥9.80). */
export function nextInstalment(p: InstalmentPlan): { part: Fen; fee: Fen } {
  const last = p.billed + 1 >= p.term;
  const full = last
    ? p.principal - Math.floor(p.principal / p.term) * (p.term - 1)
    : Math.floor(p.principal / p.term);
  // the k-th instalment's fee is what the first k bear less the first k − 1 (each rounded to the fen): the
  // fees add up to the plan's to the fen, and none is below nothing — a rounded even share billed term − 1
  // times overran a small plan's fee (9 fen over 12: a fen eleven times, then −2 fen)
  const k = p.billed;
  const fullFee = Math.round((p.fee * (k + 1)) / p.term) - Math.round((p.fee * k) / p.term);
  const part = Math.min(p.unbilled, full);
  return { part, fee: part >= full ? fullFee : Math.round((fullFee * part) / full) };
}

/**
 * On a line whose instalment plans run to term (closed in no default): the plans' next instalments with
 * their fees (billed on the next statement), and how many statements the plans still bill. (When what is
 * owed falls due, the bills stated with it: owedAhead.)
 */
export function runningToTerm(l: Revolving): { instalment: Fen; statements: number } {
  let instalment = 0;
  let statements = 0;
  for (const p of l.plans) {
    const next = nextInstalment(p);
    instalment += next.part + next.fee;
    // the instalments left keep their amount: a plan partly settled early ends sooner
    const per = Math.floor(p.principal / p.term);
    const left = p.term - p.billed;
    statements = Math.max(statements, per > 0 ? Math.min(left, Math.ceil(p.unbilled / per)) : left);
  }
  return { instalment, statements };
}
