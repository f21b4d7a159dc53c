// A charge-off: the balance written off as the lender's loss; what is owed stays owed.

import type { Fen } from "../types.js";
import type { Revolving } from "./ledger.js";
import { balance } from "./totals.js";

/** Writes the line off: the balance becomes the lender's loss, charges stop. What is owed stays owed. */
export function writeOff(l: Revolving): Fen {
  const amount = balance(l);
  l.writtenOff += amount;
  l.accruing = false;
  return amount;
}
