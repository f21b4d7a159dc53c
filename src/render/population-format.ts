// Number and column formatting shared by the population report's tables.

import { formatIsoDate, parseIsoDate } from "../engine/index.js";
import { type Difference, isShare, METRIC_LABELS, NO_INTERVAL } from "../population/differences.js";
import type { PopulationResult } from "../population/result.js";
import { NON_ACCRUAL_DAYS } from "../population/settings.js";
import type { ArmSummary, GroupSummary } from "../population/stats.js";
import { wholeYuanText, yuanText } from "../scenario/format.js";
import { columnsOf, grouped, padColumns, padColumnsStart } from "../shared/text.js";

export const num = (x: number, digits: number) => (x < 0 ? `−${(-x).toFixed(digits)}` : x.toFixed(digits));
export const pct = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(1)} %`);
/**
 * `n` of `d` as a percentage to `digits` decimals, rounded once from the counts: a summary's fraction is
 * already rounded to four decimals, and printing it to one rounded twice (40 of 899, 4.449 %, read 4.5 %).
 * Exact: n·10^(digits+2)/d is a whole number and a half only when it is one, and then rounds up.
 */
const pctOf = (n: number, d: number, digits = 1): string => (d > 0 ? `${percentOf(n, d, digits)} %` : "–");
/** The number pctOf prints, without its sign (a series reads "1.23 1.45"); d > 0. */
const percentOf = (n: number, d: number, digits: number): string =>
  (Math.round((n * 10 ** (digits + 2)) / d) / 10 ** digits).toFixed(digits);
/** Yuan as the summary has them (whole fen ÷ 100) back to the whole fen they are. */
const fen = (y: number) => Math.round(y * 100);
/**
 * A share of a balance to two decimals of a per cent (a portfolio's 30+ and 90+), from the summary's
 * balances in yuan, rounded once: its five-decimal fraction printed to two rounded twice (¥1,124.96 of
 * ¥100,000 is 1.12496 %, 1.12 %; its fraction 0.01125 read 1.13 %). "–" on an empty book (or with no month
 * end): a share of nothing, as its fraction is null — not 0.00 %.
 */
export const balanceShare = (part: number, whole: number): string =>
  fen(whole) > 0 ? `${balanceShareNumber(part, whole)} %` : "–";
/** balanceShare without its sign: a series of month ends. */
export const balanceShareNumber = (part: number, whole: number): string =>
  fen(whole) > 0 ? percentOf(fen(part), fen(whole), 2) : "–";
/** The share itself, unrounded, in per cent: what a chart plots (its tooltip rounds it, once); null, a
 *  gap in the line, on an empty book. */
export const balancePercent = (part: number, whole: number): number | null =>
  fen(whole) > 0 ? (fen(part) / fen(whole)) * 100 : null;
/** Account-years, whole ("–" with no month end to count them at). */
export const accountYearsText = (x: number | null): string => (x === null ? "–" : grouped(Math.round(x)));
/** A rate to two decimals, where a difference is read beside it. */
export const pct2 = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(2)} %`);
/**
 * A rate the run was given (an annual cost of funds), as a per cent to two decimals or as many more as it
 * has: the rate charged, never rounded (0.04125 is 4.125 %, where two decimals read 4.13 %, and 0.00004
 * 0.004 %, where they read no funding at all). × 100 leaves a binary tail (4.125000000000001): twelve
 * significant digits drop it.
 */
export const givenPct = (x: number): string => {
  const p = Number((x * 100).toPrecision(12));
  const [mantissa = "", exponent = "0"] = String(p).split("e");
  const decimals = (mantissa.split(".")[1]?.length ?? 0) - Number(exponent);
  return `${p.toFixed(Math.min(100, Math.max(2, decimals)))} %`;
};
/** Below this many cases a rate moves by ±10 points or more between samples: marked `~`, not hidden. */
export const FEW_CASES = 20;

/** A rate's text marked `~` when its base is under FEW_CASES accounts (a sweep's bad rate: of the booked). */
export const fewCases = (base: number, text: string): string =>
  base > 0 && base < FEW_CASES ? `${text}~` : text;

/** A rate per account-year open (suspensions, closures, charge-offs), to two decimals, marked `~` when the
 *  account-years it is of (as printed, whole) are under FEW_CASES: one account more or less moves it by 5
 *  points or more, as a rate of fewer than FEW_CASES accounts. A rate measured is of some account-years,
 *  however few `--json` rounds them to (0.003 of them, a day's, are 0 to two decimals). */
export const perAccountYear = (rate: number | null, accountYears: number | null): string =>
  rate !== null && accountYears !== null && Math.round(accountYears) < FEW_CASES
    ? `${pct2(rate)}~`
    : pct2(rate);

/** `n` of `d` as pctOf prints it, marked `~` when `d` is under FEW_CASES. */
export const rateOf = (n: number, d: number, digits = 1): string => fewCases(d, pctOf(n, d, digits));

/** `n` of `d` as rateOf prints it, saying of how many: "65.1 % of 63" ("–" of none). */
export const rateOfHowMany = (n: number, d: number): string =>
  d > 0 ? fewCases(d, `${pctOf(n, d)} of ${grouped(d)}`) : "–";

/** An arm's rates as the text report and the HTML page print them, each from its counts; a rate of the
 *  suspended says of how many (the accounts a share of all accounts is of head their row). */
export const ARM_RATES = {
  approved: (s: ArmSummary) => rateOf(s.counts.opened, s.accounts),
  suspended: (s: ArmSummary) => rateOf(s.counts.suspended, s.accounts),
  credit: (s: ArmSummary) => rateOf(s.counts.suspendedByCause.credit ?? 0, s.accounts),
  security: (s: ArmSummary) => rateOf(s.counts.suspendedByCause.security ?? 0, s.accounts),
  policy: (s: ArmSummary) => rateOf(s.counts.suspendedByCause.policy ?? 0, s.accounts),
  restored: (s: ArmSummary) => rateOfHowMany(s.counts.restored, s.counts.suspended),
  restoredWithin180: (s: ArmSummary) => rateOf(s.counts.restoredWithin180, s.counts.suspended),
  closed: (s: ArmSummary) => rateOf(s.counts.closed, s.accounts),
} as const;
export const int = grouped;
/** "88 (14.7 %)": the accounts whose outcome flips, and their share of the accounts. */
export const flippedText = (g: Pick<GroupSummary, "flipped" | "champion">): string =>
  `${int(g.flipped ?? 0)} (${pct(g.champion.accounts ? (g.flipped ?? 0) / g.champion.accounts : 0)})`;
/** What an outcome flip's classes are: its `closed` is not the outcome tables' closed*, the lender's alone. */
export const FLIPS_NOTE =
  "the outcome at the end; closed: a line closed by the lender or by the customer — 'closed by the lender' counts the lender's alone";
/** "1 account", "1,200 accounts" */
export const accountsText = (n: number) => `${int(n)} account${n === 1 ? "" : "s"}`;
/** "1 day", "365 days" */
export const daysText = (n: number) => `${n} day${n === 1 ? "" : "s"}`;
/** "1 variant", "12 variants": a sweep's */
export const variantsText = (n: number) => `${int(n)} variant${n === 1 ? "" : "s"}`;

/** An arm's amounts as the text report and the HTML page print them. A persona without accounts has no
 *  charges per account ("–", as its rates), not ¥0.00. */
export const ARM_AMOUNTS = {
  charges: (s: ArmSummary) => (s.chargesPerAccount === null ? "–" : yuanText(s.chargesPerAccount)),
  overdueAtEnd: (s: ArmSummary) => `${wholeYuanText(s.overdueAtEndTotal)} (${int(s.overdueAtEndAccounts)})`,
} as const;

/** What the portfolio's "12 months" shares sum over, as both reports say it: a horizon of fewer month ends
 *  (a year from January 1st holds 11) sums every one it holds, and says how many. */
export const trailingMonthEnds = (monthEnds: number): string =>
  monthEnds >= 12 || monthEnds === 0
    ? "the last 12 month ends"
    : monthEnds === 1
      ? "the horizon's one month end"
      : `all ${monthEnds} month ends of the horizon`;

/** The money on Huabei under one policy, to the fen, as both reports end. */
export const moneyOnHuabei = (s: ArmSummary): string =>
  `penalty income ${yuanText(s.penaltiesTotal)}, revolving interest ${yuanText(s.risk.huabei.interest)}, instalment fees ${yuanText(s.risk.huabei.fees)}, of these charges ${yuanText(s.risk.huabei.nonAccrual)} on non-accrual (not repaid on lines ${NON_ACCRUAL_DAYS}+ days past due at the end: not revenue); still overdue at the end ${yuanText(s.overdueAtEndTotal)} on ${accountsText(s.overdueAtEndAccounts)}; balances owed at the end ${yuanText(s.balanceAtEndTotal)}, written-off debt included`;
/** A day of the horizon as the traces give one: its date, its number from the start beside it. */
export const dateAndDay = (start: string, day: number): string =>
  `${formatIsoDate(parseIsoDate(start)! + day)} (day ${day})`;

/** A stressed population's shock, as both reports say it under their heading (null: none). */
export const stressText = (stress: number | null): string | null =>
  stress === null ? null : `a 2020-like shock from day ${stress} (--stress ${stress})`;
// in terminal columns: a policy named in Chinese (two columns a character) pushed its column's head four
// columns right of its numbers
export const pad = padColumns;
export const lpad = padColumnsStart;

/**
 * Rows of right-aligned cells (the title row among them), each column `widths[i]` wide, its gap included —
 * or wider where a cell needs it, so every cell keeps a space before it: a cell wider than its column
 * (¥1,110,403 (380) overdue at the end, 42.2 % of 1,747 restored) never runs into the one before it.
 */
export function rightAligned(rows: ReadonlyArray<readonly string[]>, widths: readonly number[]): string[] {
  const w = widths.map((min, i) => Math.max(min, ...rows.map((r) => columnsOf(r[i] ?? "") + 1)));
  return rows.map((r) => r.map((cell, i) => lpad(cell, w[i]!)).join(""));
}
export const ratio = (x: number | null) => (x === null ? "–" : num(x, 2));

/**
 * A paired difference and its interval as both reports print them: a share of accounts (a value per arm)
 * in percentage points, money (the metric's label says yuan) as −¥1,090.59, not −1090.59.
 */
export function differenceText(d: Difference): { change: string; interval: string } {
  // a share by its metric: without accounts its values per arm are null too
  const isRate = isShare(d);
  const isYuan = !isRate && (METRIC_LABELS[d.metric as keyof typeof METRIC_LABELS] ?? "").includes("yuan");
  const value = (x: number) => (isYuan ? yuanText(x) : num(x, 2));
  const x = d.difference;
  // two decimals: a difference of rates read at one decimal does not add up (0.4 % − 0.4 % = −0.1 pp)
  const change =
    x === null
      ? "–"
      : isRate
        ? `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(2)} pp`
        : `${x >= 0 ? "+" : ""}${value(x)}`;
  const interval =
    d.ci95 === null
      ? NO_INTERVAL
      : isRate
        ? `[${num(d.ci95[0] * 100, 2)}, ${num(d.ci95[1] * 100, 2)}] pp`
        : `[${value(d.ci95[0])}, ${value(d.ci95[1])}]`;
  return { change, interval };
}

/** The result with its arms told apart where a policy is its own challenger (`--challenger default`): every
 *  heading would otherwise read "under default" twice. */
export function armsNamed(r: PopulationResult): PopulationResult {
  const m = r.meta;
  if (m.challenger === null || m.challenger.name !== m.policy.name) return r;
  return {
    ...r,
    meta: {
      ...m,
      policy: { ...m.policy, name: `${m.policy.name} (champion)` },
      challenger: { ...m.challenger, name: `${m.challenger.name} (challenger)` },
    },
  };
}

/** The challenger's arm as its tables' titles name it. From a later day (`--challenger-from`) the arm ran
 *  the champion's policy until then, and its tables hold those days too: 'Vintages under tightened' showed a
 *  curve run wholly under default, its rates a year averaged both policies. */
export const challengerTitle = (m: PopulationResult["meta"]): string =>
  m.challengerFrom > 0
    ? `${m.challenger!.name} from day ${m.challengerFrom} (${m.policy.name} before)`
    : m.challenger!.name;

/** What a PSI says, told wherever one is shown: a reader meets the letters in the report, not the docs. */
export const PSI_READING = "population stability index: under 0.1 stable, over 0.25 a different population";
/** What a Gini and a KS measure, said where they are first shown (a risk table, a sweep's variants). */
export const GINI_KS_READING =
  "how well the score ranks the accounts later bad below the rest — 1 perfectly, 0 no better than chance, below 0 backwards; KS: the widest gap between the shares of bad and of good at or below any one score";

/**
 * The drift of the end score between champion and challenger, each PSI with its base: of all accounts
 * (the declined too), and of the booked accounts only (each arm's own book, the risk table's booked), the
 * population a risk team monitors — and how to read the numbers.
 */
export function scoreDrift(
  g: Pick<GroupSummary, "psi" | "psiBooked" | "champion" | "challenger">,
  champion: string,
  challenger: string,
): string {
  const booked = (s: ArmSummary | null) => int(s?.risk.all.booked ?? 0);
  return `PSI of the end score, ${challenger} against ${champion}: ${ratio(g.psi)} of all ${accountsText(g.champion.accounts)}; ${ratio(g.psiBooked)} of the booked (${booked(g.champion)} under ${champion}, ${booked(g.challenger)} under ${challenger}) (${PSI_READING})`;
}
