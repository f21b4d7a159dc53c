// Every cap below the smallest line stands in the way, each with its own step: the engine's decision names
// the one that binds (the first named on a tie), and a step for it alone leaves the others — told to
// report ¥1,250 a month for a ¥2,500 smallest line, a thin file whose ¥2,050 cap rounds to the same ¥2,000
// as the income's was still declined once it had.

import { type Customer, type Line, type LineRules, rulesFor, thinFile } from "../customer.js";
import { capFor, noLineFact } from "../eligibility.js";
import { capByRule, type LimitBinding, noLineAt, smallestLine } from "../limits.js";
import type { Scored } from "../score-inputs.js";
import type { Fen } from "../types.js";
import type { RuleFact } from "../verdict.js";

// (in limitCap's order: the score's band or the product's largest, the income multiple, the thin-file cap)
const RULES: readonly LimitBinding[] = ["product_maximum", "score", "income", "thin_file"];

/** The limit a line is judged at against the caps (noLineAt): the smallest line its rules offer — or, a line
 *  held (active or suspended) at a limit below it, granted before it rose, that limit: the review keeps and
 *  restores it there while every cap holds it (the engine's rule). An opening (no line, or a closed one) is
 *  judged at the smallest line. The one reading of the grandfathered line every step of the answer uses. */
export const limitJudged = (line: Line, rules: LineRules): Fen => {
  const smallest = smallestLine(rules);
  return (line.status === "active" || line.status === "suspended") && line.limit > 0
    ? Math.min(smallest, line.limit)
    : smallest;
};

/** `blockers` (a decision's, or a restoration's) with, beside a cap that leaves no line at the limit `line`
 *  is judged at (limitJudged; noLineAt: below the smallest line and below that limit), a fact for each
 *  other rule whose own cap leaves none there too (noLineFact's, as if it bound) — each a rule the customer
 *  must put right before the line is offered or restored; `blockers` itself when none does. The score's
 *  band is one only when the score is in a band below the product's largest (below every band, its own
 *  fact). */
export function withEveryCapBelow(
  c: Customer,
  held: Line,
  s: Scored,
  blockers: readonly RuleFact[],
): RuleFact[] {
  const line = held.id;
  const rules = rulesFor(c.policy, line);
  const at = limitJudged(held, rules);
  const cap = capFor(c, line, s);
  if (cap === null || !noLineAt(cap, at)) return [...blockers];
  const own = (binding: LimitBinding) =>
    capByRule(
      binding,
      s.score,
      c.profile.monthlyIncome,
      rules,
      thinFile(c) ? c.policy.thinFileMaxLimit : null,
    );
  const top = own("product_maximum");
  const said = new Set(blockers.map((f) => f.code));
  const more: RuleFact[] = [];
  for (const binding of RULES) {
    const limit = own(binding);
    if (limit === null || !noLineAt({ limit, binding, belowMinimum: limit < smallestLine(rules) }, at))
      continue;
    if (binding === "score" && limit === top) continue;
    const fact = noLineFact(line, rules, { limit, binding, belowMinimum: true }, s);
    if (!said.has(fact.code)) {
      said.add(fact.code);
      more.push(fact);
    }
  }
  return [...blockers, ...more];
}
