// Searches over whole numbers (fen, yuan) for the least one a monotone test passes: customer service's
// amounts to the fen (what to repay, the income that restores a line) are each such a search, and so is
// whatif's repayment in whole thousands of yuan that brings a review's score to what restoring needs.

/** The least whole number in (lo, hi] at which `ok` holds: `ok` false at `lo`, true at `hi`, and true
 *  from some number on. Halving. */
export function leastAbove(lo: number, hi: number, ok: (x: number) => boolean): number {
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** leastAbove, bracketed first by steps up from `lo` that double from `step` (> 0): the answer is usually
 *  near `lo` (a little more than what is over), and each test is a run of the account ahead. */
export function leastFrom(lo: number, hi: number, step: number, ok: (x: number) => boolean): number {
  for (; lo + step < hi; step *= 2) {
    if (ok(lo + step)) return leastAbove(lo, lo + step, ok);
    lo += step;
  }
  return leastAbove(lo, hi, ok);
}
