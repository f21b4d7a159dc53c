// Every cap below the smallest line stands in the way, each with its own step: the engine's decision names
// the one that binds (the first named on a tie), and a step for it alone leaves the others — told to
// report ¥1,250 a month for a ¥2,500 smallest line, a thin file whose ¥2,050 cap rounds to the same ¥2,000
// as the income's was still declined once it had.

import { type Customer, rulesFor, thinFile } from "../customer.js";
import { capFor, noLineFact } from "../eligibility.js";
import { capByRule, type LimitBinding, noLineAt, smallestLine } from "../limits.js";
import type { Scored } from "../score-inputs.js";
import type { Fen } from "../types.js";
import type { RuleFact } from "../verdict.js";
import type { LineId } from "../vocabulary.js";

// (in limitCap's order: the score's band or the product's largest, the income multiple, the thin-file cap)
const RULES: readonly LimitBinding[] = ["product_maximum", "score", "income", "thin_file"];

/** `blockers` (a decision's, or a restoration's) with, beside a cap that leaves no line at `at` (noLineAt:
 *  below the smallest line and below `at`), a fact for each other rule whose own cap leaves none there too
 *  (noLineFact's, as if it bound) — each a rule the customer must put right before the line is offered or
 *  restored; `blockers` itself when none does. `at`: the limit judged — an opening's smallest line, a held
 *  line's own limit (one granted before the smallest line rose, which every cap still holds, is kept and
 *  restored at it: the engine's rule). The score's band is one only when the score is in a band below the
 *  product's largest (below every band, its own fact). */
export function withEveryCapBelow(
  c: Customer,
  line: LineId,
  s: Scored,
  blockers: readonly RuleFact[],
  at: Fen,
): RuleFact[] {
  const rules = rulesFor(c.policy, line);
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
