// The words and bounds of a population request, with nothing to load behind them: what `simulate`'s
// option table and help show (cli/options/simulate.ts) and what its result document is checked against
// (result-schema.ts), kept apart from the runner so that reading them loads no population code.

/**
 * When an account counts as bad (docs/populations.md): it went 30, 60 or 90 days past due on a line at
 * least once within the horizon, or a line was charged off (`chargeoff`: only a charge-off counts).
 */
export const BAD_DEFINITIONS = ["ever30", "ever60", "ever90", "chargeoff"] as const;
export type BadDefinition = (typeof BAD_DEFINITIONS)[number];

/**
 * The day whose score Gini and KS rank when none is asked for (a shorter run: its last day). A month in:
 * the shipped personas apply on days 0–14, so the book exists by then — on day 0 it held only the
 * day's own applicants, too few bads to read a Gini from.
 */
export const DEFAULT_SCORE_DAY = 30;

/** The most accounts a population may have (`simulate --accounts`). */
export const MAX_ACCOUNTS = 100_000_000;

/** Seeds are whole numbers a double holds exactly: beyond 2^53 two seeds would be one. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;
export const MIN_SEED = -Number.MAX_SAFE_INTEGER;

/** A population seed, as every command checks it: a whole number a double holds exactly. */
export const isSeed = (n: number): boolean => Number.isInteger(n) && n >= MIN_SEED && n <= MAX_SEED;
