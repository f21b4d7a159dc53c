// The highest limit a line may have, and what binds it. Opening, increases, restoration and the periodic
// review all read the same caps, so a limit the review keeps is one an application could be granted.

import type { LineRules } from "./customer.js";
import { ceilWhole, FEN_PER_YUAN, floorWhole, MAX_YUAN } from "./money.js";
import type { Fen } from "./types.js";

/** What set the cap: the score's band, the income multiple, the thin-file cap, or the product's top band. */
export type LimitBinding = "score" | "income" | "thin_file" | "product_maximum";

export interface LimitCap {
  /** fen, whole hundreds of yuan */
  limit: Fen;
  binding: LimitBinding;
  /** below the policy's smallest line: no line can be offered or kept at this cap */
  belowMinimum: boolean;
  /** a cap below the smallest line that line management holds the line to the smallest line for
   *  (heldCap: `limit` is the smallest line then): the binding cap's own limit, in fen */
  own?: Fen;
}

/** The score the lowest limit band asks: below it, no band offers a line. */
export function lowestBandScore(rules: LineRules): number {
  let lowest = Number.POSITIVE_INFINITY;
  for (const b of rules.limitBands) lowest = Math.min(lowest, b.minScore);
  return lowest;
}

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
  // the lowest of the band, the income multiple and the thin-file cap binds (the first named on a tie), each
  // compared as the limit it sets: a product that is a whole hundred in decimals but a hair short of it in
  // binary ties, and is not named over the band; no arrays: every review of every account computes it
  let whole = wholeHundreds(band);
  let binding: LimitBinding = band >= top ? "product_maximum" : "score";
  const income = wholeHundreds(monthlyIncome * rules.maxLimitIncomeMultiple);
  if (income < whole) {
    whole = income;
    binding = "income";
  }
  if (thinFileMax !== null && wholeHundreds(thinFileMax) < whole) {
    whole = wholeHundreds(thinFileMax);
    binding = "thin_file";
  }
  return { limit: whole * FEN_PER_YUAN, binding, belowMinimum: whole < rules.minLimit || whole <= 0 };
}

/**
 * The cap one rule (`binding`) sets under a line's rules, in fen (whole hundreds of yuan), whichever binds:
 * the score's band (below every band, the lowest band's, as line management holds it), the product's
 * largest limit, the income multiple's product, the thin-file cap; null when the rule sets none (no
 * thin-file cap for this customer). What a cut a policy change made cites as the cap before it.
 */
export function capByRule(
  binding: LimitBinding,
  scoreValue: number,
  monthlyIncome: number,
  rules: LineRules,
  thinFileMax: number | null,
): Fen | null {
  let yuan: number;
  if (binding === "income") yuan = monthlyIncome * rules.maxLimitIncomeMultiple;
  else if (binding === "thin_file") {
    if (thinFileMax === null) return null;
    yuan = thinFileMax;
  } else {
    let band = -1;
    let top = 0;
    let lowest = Number.POSITIVE_INFINITY;
    let lowestCap = 0;
    for (const b of rules.limitBands) {
      top = Math.max(top, b.maxLimit);
      if (scoreValue >= b.minScore) band = Math.max(band, b.maxLimit);
      if (b.minScore < lowest) [lowest, lowestCap] = [b.minScore, b.maxLimit];
    }
    yuan = binding === "product_maximum" ? top : band < 0 ? lowestCap : band;
  }
  return wholeHundreds(yuan) * FEN_PER_YUAN;
}

/** A cap as a limit: whole hundreds of yuan, rounded down — an income times its multiple that is a whole
 *  hundred may fall short of it in binary (1.4 × ¥5,500 is 7,699.999…), and was cut to ¥7,600
 *  (floorWhole). */
const wholeHundreds = (yuan: number): number => floorWhole(yuan / 100) * 100;

/** The smallest line a line's rules offer, in yuan: the least cap that is not `belowMinimum` — whole
 *  hundreds, at least `minLimit`, and with no smallest line set, ¥100. */
const smallestLineYuan = (minLimit: number): number => Math.max(100, Math.ceil(minLimit / 100) * 100);

/** The smallest line a line's rules offer, in fen (smallestLineYuan): the floor a fact of the smallest line
 *  quotes — `minLimit: 0` offers no line of ¥0, and a decline quoting ¥0 said nothing of the ¥100 it asks. */
export const smallestLine = (rules: LineRules): Fen => smallestLineYuan(rules.minLimit) * FEN_PER_YUAN;

/**
 * Whether a cap leaves no line at `limit`: below the smallest line, and below `limit` too — a cut to it
 * would be below the smallest line, which is no line. A line already below the smallest line (granted
 * before a policy raised it) that every cap still holds needs no cut and is kept, as a line of the same
 * limit whose caps are higher is: the smallest line bounds what is offered and what a cut leaves, and a
 * policy for new lines takes no line from a customer in good standing (a thin file's ¥2,000 was suspended
 * when the smallest line rose to ¥2,500, a seasoned peer's ¥2,000 kept).
 */
export const noLineAt = (cap: LimitCap, limit: Fen): boolean => cap.belowMinimum && cap.limit < limit;

/**
 * The cap line management holds a line to: one below the smallest line (belowMinimum: the review suspends
 * the line for it) holds it to the smallest line, as a score below every band holds it to the lowest
 * band's — so an income, a score or a policy that supports no line never leaves more credit than one just
 * enough for the smallest (a cut limit comes back through an application, or a later review's give-back
 * once the cap no longer binds: review/give-back.ts). Whatever cap binds: the
 * product's largest limit below the smallest line too, or a score below its only band would be cut (the
 * lowest band's cap, below the smallest line) while a score in it kept its limit.
 */
export function heldCap(cap: LimitCap | null, rules: LineRules): LimitCap | null {
  if (cap === null || !cap.belowMinimum) return cap;
  // a literal, the fields in limitCap's order: a spread of the cap (`{ ...cap, own }`) made every held cap
  // a hidden class of its own, and each rule reading caps (line management, the cut's fact) megamorphic
  // (docs/performance.md)
  return {
    limit: smallestLine(rules),
    binding: cap.binding,
    belowMinimum: false,
    own: cap.limit,
  };
}

/** The largest cap the income multiple makes at any income a file can state (MAX_YUAN a month), in fen:
 *  below the smallest line, no income the customer reports brings one — only a change of policy would. */
export const largestIncomeCap = (multiple: number): Fen =>
  wholeHundreds(MAX_YUAN * Math.max(0, multiple)) * FEN_PER_YUAN;

/**
 * The least monthly income (whole yuan) whose `multiple` months make a cap that is not below the smallest
 * line: the cap rounds down to whole hundreds and must be some line, so half of a 550-yuan minimum (275 a
 * month at two months) is not enough — it makes 500 — nor is any income with a minimum of 0. Null when no
 * income a file can state (MAX_YUAN a month) makes one: a multiple of nothing, or so small that only a
 * change of policy offers a line (and the least income, past 2^53, could not be counted up to).
 */
export function incomeForSmallestLine(minLimit: number, multiple: number): number | null {
  const target = smallestLineYuan(minLimit);
  if (!(multiple > 0) || wholeHundreds(MAX_YUAN * multiple) < target) return null;
  let income = Math.max(0, ceilWhole(target / multiple));
  // exact against the cap's own arithmetic (a product in binary may fall a hair short)
  while (wholeHundreds(income * multiple) < target) income++;
  return income;
}
