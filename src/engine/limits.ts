// The highest limit a line may have, and what binds it. Opening, increases, restoration and the periodic
// review all read the same caps, so a limit the review keeps is one an application could be granted.

import type { LineRules } from "./customer.js";
import { FEN_PER_YUAN } from "./money.js";
import type { Fen } from "./types.js";

/** What set the cap: the score's band, the income multiple, the thin-file cap, or the product's top band. */
export type LimitBinding = "score" | "income" | "thin_file" | "product_maximum";

export interface LimitCap {
  /** fen, whole hundreds of yuan */
  limit: Fen;
  binding: LimitBinding;
  /** below the policy's smallest line: no line can be offered or kept at this cap */
  belowMinimum: boolean;
}

/** The score the lowest limit band asks: below it, no band offers a line. */
export const lowestBandScore = (rules: LineRules): number =>
  Math.min(...rules.limitBands.map((b) => b.minScore));

/**
 * The cap for a score and income under a line's rules; null when the score is below every limit band.
 * `thinFileMax` (yuan) applies to a customer without a repayment record.
 */
export function limitCap(
  scoreValue: number,
  monthlyIncome: number,
  rules: LineRules,
  thinFileMax: number | null,
): LimitCap | null {
  let band = -1;
  let top = 0;
  for (const b of rules.limitBands) {
    top = Math.max(top, b.maxLimit);
    if (scoreValue >= b.minScore) band = Math.max(band, b.maxLimit);
  }
  if (band < 0) return null;
  const candidates: Array<[number, LimitBinding]> = [
    [band, band >= top ? "product_maximum" : "score"],
    [monthlyIncome * rules.maxLimitIncomeMultiple, "income"],
  ];
  if (thinFileMax !== null) candidates.push([thinFileMax, "thin_file"]);
  let [yuan, binding] = candidates[0]!;
  for (const [v, b] of candidates) if (v < yuan) [yuan, binding] = [v, b];
  const whole = Math.floor(yuan / 100) * 100;
  return { limit: whole * FEN_PER_YUAN, binding, belowMinimum: whole < rules.minLimit || whole <= 0 };
}
