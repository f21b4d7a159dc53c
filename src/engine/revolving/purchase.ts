// A purchase: unbilled, or an instalment plan of its own.

import type { Fen } from "../types.js";
import type { InstalmentTerm } from "../vocabulary.js";
import type { Revolving } from "./ledger.js";

export function purchase(
  l: Revolving,
  amount: Fen,
  day: number,
  plan: { term: InstalmentTerm; fee: Fen } | null,
) {
  l.purchases += amount;
  if (plan === null) l.unbilled += amount;
  else
    l.plans.push({
      day,
      term: plan.term,
      principal: amount,
      fee: plan.fee,
      billed: 0,
      unbilled: amount,
      feeBilled: 0,
    });
}
