// Integer fen throughout; yuan appear only at the edges (files in, text out).
import type { Fen } from "./types.js";

export const FEN_PER_YUAN = 100;

/** The largest yuan amount a file may state — an amount, an income, a policy's yuan parameter: beyond it
 *  integer fen lose precision in doubles long before. */
export const MAX_YUAN = 1e9;

/** Converts a yuan amount with at most two decimals to fen; returns null when it has more.
 *  yuan × 100 is inexact in binary (134222770.92 × 100 = 13422277091.999998), so a thousandth of a fen
 *  is tolerated: far above that rounding error, far below a third decimal. */
export function yuanToFen(yuan: number): Fen | null {
  const fen = Math.round(yuan * FEN_PER_YUAN);
  return Math.abs(fen - yuan * FEN_PER_YUAN) < 1e-3 ? fen : null;
}

/** A validated yuan amount (two decimals at most, checked when the file was loaded: a scenario's amounts,
 *  a policy's yuan parameters) in whole fen — rounded, as 128.02 × 100 is 12802.000000000002 in binary. */
export const wholeFen = (yuan: number): Fen => Math.round(yuan * FEN_PER_YUAN);

/** A product or quotient of decimals (a rate times fen, an income times a multiple, a ratio of fen) is
 *  whole in decimals yet may come out a unit or so of its last binary place either side of the whole number
 *  (0.07 × 100,000 is 7,000.000…1; 1.4 × 5,500 is 7,699.999…): within two units, it is the whole number.
 *  The tolerance is relative — a fixed hair is too wide for small values (a genuine 7,000.0000005 is over
 *  7,000) and too narrow for large ones (0.28 × 86,784,665,900) — and no wider than the error of one or two
 *  operations, or a genuine fraction of a large share is taken as whole (0.9899 × 56,797,710,099). */
const asWhole = (x: number): number | null => {
  const whole = Math.round(x);
  return Math.abs(x - whole) <= Math.abs(x) * 2 * Number.EPSILON ? whole : null;
};

/** `x` rounded up to a whole number, as the decimal product it stands for would be (asWhole). */
export const ceilWhole = (x: number): number => asWhole(x) ?? Math.ceil(x);

/** `x` rounded down to a whole number, as the decimal product it stands for would be (asWhole). */
export const floorWhole = (x: number): number => asWhole(x) ?? Math.floor(x);

/** "1234.50" — always two decimals, no grouping, for machine output. */
export function fenToYuan(fen: Fen): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
