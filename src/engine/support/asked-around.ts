// What a wait for a review means by "what is asked": the steps the answer gives, where it gives them —
// above the wait, or below it when the wait is said first — and nothing when it gives none.

import { REMEDIES } from "../remedies.js";
import type { Remedy } from "../types.js";

type Where = "above" | "below" | "both";

const where = (above: boolean, below: boolean): Where | null =>
  above ? (below ? "both" : "above") : below ? "below" : null;

/** Each wait for a review in `remedies` (the whole answer) with where the steps it waits on are said
 *  (`asked`: any line's — a Jiebei restoration can wait on Huabei's) and, with a review only a higher
 *  income reaches (`withIncome`), where the debt step whose repayments come too late for it is. Told "or
 *  ask for an early review from day 182, once what is asked above is done" with no step above it, a thin
 *  file waiting for its cap to lift looked for one. */
export function markAsked(remedies: Remedy[]): void {
  for (const [i, r] of remedies.entries()) {
    if (r.kind !== "wait_for_review") continue;
    const asks = (x: Remedy) => REMEDIES[x.kind].asks;
    const asked = where(remedies.slice(0, i).some(asks), remedies.slice(i + 1).some(asks));
    const debt = remedies.findIndex((x) => x.line === r.line && x.kind === "reduce_debt");
    remedies[i] = {
      ...r,
      ...(asked !== null && { asked }),
      withIncome:
        r.withIncome === null ? null : { ...r.withIncome, ...(debt > i && { below: true as const }) },
    };
  }
}
