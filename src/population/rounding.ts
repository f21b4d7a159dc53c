// Rounding of the summary's figures: rates to four decimals, fen to yuan, so that the same whole-number
// aggregates always print and serialise alike.

export const round = (x: number, digits = 4) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
/** n / d; null when there is nothing to divide by (no applicants, no month end, an empty book): a share of
 *  nothing is no figure, and must not read as 0 %. */
export const rate = (n: number, d: number, digits = 4): number | null =>
  d > 0 ? round(n / d, digits) : null;
export const nullable = (x: number | null, digits = 4) => (x === null ? null : round(x, digits));
export const yuan = (fen: number) => Math.round(fen) / 100;
