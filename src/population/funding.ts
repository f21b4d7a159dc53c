// The cost of funds: what the risk tables charge a book, and the CSV an account, for its balances.

/**
 * The days of the horizon each sampled balance stands for when funding is charged: a month-end balance for
 * its month's days, the end balance for the days after the last month end. Every day is funded, so profit
 * does not jump with where the horizon ends (a year from January 1st ends on December 30th, and funding
 * only whole months left December unfunded while its interest counted).
 */
export interface FundingDays {
  month: readonly number[];
  tail: number;
}

export function fundingDays(monthEnds: readonly number[], days: number): FundingDays {
  return {
    month: monthEnds.map((d, m) => d - (m > 0 ? monthEnds[m - 1]! : -1)),
    tail: days - 1 - (monthEnds.at(-1) ?? -1),
  };
}

/** Σ balance × the days it stands for: a line's month-end balances and its end balance (fen·days) */
export function balanceDays(monthEnd: readonly number[], end: number, funded?: FundingDays): number {
  let total = end * (funded?.tail ?? 0);
  monthEnd.forEach((b, k) => {
    total += b * (funded?.month[k] ?? 0);
  });
  return total;
}

/** the funding of `balanceDays` (Σ balance × days, fen·days) at the annual rate: / 365, in fen, rounded once */
export const fundingCost = (balanceDays: number, costOfFunds: number): number =>
  Math.round((balanceDays * costOfFunds) / 365);
