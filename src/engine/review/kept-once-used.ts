// The limit a restoration gives a line back at: line management's, held to what the next review keeps once
// the credit is used.

import type { Customer, Line } from "../customer.js";
import { keptOnceUsed } from "../grant.js";
import type { Scored, ScoredFile } from "../score-inputs.js";
import { lineManagement } from "../standard.js";
import type { RuleFact, Verdict } from "../verdict.js";

/**
 * The limit a restoration gives a line back at: what line management leaves it (`cut`: the cut, null when
 * none), held to the largest limit the next review keeps once the credit is used (keptOnceUsed, as a grant
 * is held) — `limit` null when not even the smallest line is kept, `facts` then the LIMIT_KEPT_ONCE_USED
 * fact and what that review would hold against the line; when kept lower, the same, the limit kept in it.
 * `today`: a file and its score on `day`, when the caller has them (keptOnceUsed).
 */
export function restoredOnceUsed(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  today: ScoredFile | null = null,
): KeptOnceUsed {
  const managed = lineManagement(c, line, s);
  const cut = managed?.decision === "limit_reduced" ? managed : null;
  const upper = cut?.limit ?? line.limit;
  const kept = keptOnceUsed(c, line, upper, 0, day, 0, today, true);
  if (kept.limit === upper) return { limit: upper, cut, facts: [] };
  const fact: RuleFact = {
    code: "LIMIT_KEPT_ONCE_USED",
    ...(kept.limit === null ? {} : { threshold: kept.limit }),
    value: upper,
  };
  return { limit: kept.limit, cut, facts: [fact, ...kept.facts] };
}

/** What restoredOnceUsed finds. */
export interface KeptOnceUsed {
  limit: number | null;
  cut: Verdict | null;
  facts: RuleFact[];
}
