// The population report's risk sections: risk outcomes per persona and line, the portfolio as a lender
// reports it, customer events, flipped decisions grouped by rule, and a sweep's frontier. Pure.

import type { ChalkInstance } from "chalk";
import { EVENT_TYPES, type EventType, type LineId, lineName } from "../engine/index.js";
import { type FlipGroup, largestGroups, type PairFlips } from "../population/flips.js";
import { type PopulationResult, variantRows } from "../population/result.js";
import { NON_ACCRUAL_DAYS, RECOVERY_SHARE } from "../population/settings.js";
import {
  type ArmSummary,
  type GroupSummary,
  OVERALL,
  type PortfolioSummary,
  type ProductSummary,
  type RiskSummary,
  type summarise,
} from "../population/stats.js";
import {
  approvalOf,
  chartedLine,
  paramsText,
  type SweepAxis,
  sweptLines,
  type VariantMetrics,
  variantMetrics,
} from "../population/sweep.js";
import { VINTAGE_MONTHS, type VintageRow } from "../population/vintage.js";
import { wholeYuanText } from "../scenario/format.js";
import { printable } from "../shared/text.js";
import { scatterChart } from "./chart.js";
import {
  accountsText,
  accountYearsText,
  balanceShare,
  balanceShareNumber,
  daysText,
  FEW_CASES,
  fewCases,
  GINI_KS_READING,
  givenPct,
  int,
  lpad,
  num,
  PSI_READING,
  pad,
  pct2,
  perAccountYear,
  rateOf,
  rateOfHowMany,
  ratio,
  rightAligned,
  variantsText,
} from "./population-format.js";

// the unit judged on the whole yuan shown: ¥999,999.60 is ¥1.00 M, never "¥1,000,000" in yuan
const yuanShort = (y: number) =>
  Math.round(Math.abs(y)) >= 1e6 ? `${y < 0 ? "−" : ""}¥${num(Math.abs(y) / 1e6, 2)} M` : wholeYuanText(y);

interface RiskColumn {
  title: string;
  width: number;
  cell: (p: ProductSummary) => string;
}

/** The risk columns, the terminal's and the HTML page's. */
export const RISK_COLUMNS: readonly RiskColumn[] = [
  { title: "applied", width: 9, cell: (p) => int(p.applicants) },
  { title: "approved", width: 9, cell: (p) => rateOf(p.booked, p.applicants) },
  // the bad rate's base, as "applied" is the approval rate's
  { title: "booked", width: 8, cell: (p) => int(p.booked) },
  { title: "bad", width: 8, cell: (p) => rateOf(p.bad, p.booked) },
  { title: "limits", width: 12, cell: (p) => yuanShort(p.limitEnd) },
  { title: "balances", width: 12, cell: (p) => yuanShort(p.balanceEnd) },
  { title: "revenue", width: 12, cell: (p) => yuanShort(p.revenue) },
  { title: "loss", width: 12, cell: (p) => yuanShort(p.loss) },
  { title: "funding", width: 11, cell: (p) => yuanShort(p.costOfFunds) },
  { title: "profit", width: 12, cell: (p) => yuanShort(p.profit) },
  { title: "Gini", width: 6, cell: (p) => ranked(p, p.gini) },
  { title: "KS", width: 6, cell: (p) => ranked(p, p.ks) },
  // the base a Gini and KS were read on: a reader weighs 0.31 on 40 accounts apart from 0.31 on 4,000
  { title: "scored (bad)", width: 13, cell: (p) => `${int(p.rankedAccounts)} (${int(p.rankedBads)})` },
];

/** Below this many bads a Gini or KS moves by ±0.1 or more between samples: marked `~`, not hidden. */
export const FEW_BADS = 30;

/** A Gini or KS, marked `~` when read on fewer than FEW_BADS bads (those not bad yet on the score day). */
const ranked = (p: Pick<ProductSummary, "rankedBads">, value: number | null): string =>
  value !== null && p.rankedBads < FEW_BADS ? `${ratio(value)}~` : ratio(value);

/** What "bad" means under a result's definition, in words. */
const badDefinition = (b: string): string =>
  b === "chargeoff" ? "a line charged off" : `more than ${b.slice(4)} days past due, or charged off`;

/** The window the money sums over, said beside it: over 730 days a profit read as a year's was twice one
 *  (the portfolio's loss rate, beside it, is a year's). */
export const horizonSum = (m: PopulationResult["meta"]): string =>
  `summed over the ${daysText(m.days)} of the horizon (not a year's)`;

/** The score day's outcome window: bad after it, to the horizon's last day — two years on a 730-day run,
 *  where a scorecard is commonly read on twelve months. */
function rankingWindow(m: PopulationResult["meta"]): string {
  const last = m.days - 1;
  const after =
    m.scoreDay < last
      ? `from day ${m.scoreDay + 1} to day ${last} (the horizon's last)`
      : "after it (none: it is the horizon's last day)";
  return `the day-${m.scoreDay} score against bad ${after}`;
}

/** How the risk figures are counted: the note under a risk table. */
export function riskNote(m: PopulationResult["meta"]): string {
  return `both lines: approved: share of applicants booked on either line; balances: on the book at the end (written-off debt excluded); loss: written off less recovered within the horizon — charge-offs land late, and the ${RECOVERY_SHARE * 100} % of charged-off customers assumed to repay mostly do so after it; revenue: interest, fees and penalties, less those not repaid on a line ${NON_ACCRUAL_DAYS} or more days past due at the end and not charged off (non-accrual, as US lenders report it); bad: ${badDefinition(m.bad)}, a share of the booked; approved, bad ~: a rate of fewer than ${FEW_CASES} accounts, too few to read; money in yuan, ${horizonSum(m)}; funding at ${givenPct(m.costOfFunds)} a year on every day's balance; Gini, KS (${GINI_KS_READING}): ${rankingWindow(m)}, of the accounts booked by day ${m.scoreDay} and not bad by then (scored (bad): how many, and of them bad later; ~: fewer than ${FEW_BADS} bads, too few to read)`;
}

/** Risk outcomes per persona (both lines), then the overall split by line. */
export function riskTable(
  groups: GroupSummary[],
  pick: (g: GroupSummary) => ArmSummary,
  c: ChalkInstance,
): string {
  const nameWidth = Math.max(8, ...groups.map((g) => g.persona.length)) + 2;
  const all = pick(groups[groups.length - 1]!).risk;
  const named: Array<[string, ProductSummary]> = [
    ...groups.map((g): [string, ProductSummary] => [g.persona, pick(g).risk.all]),
    ["  Huabei", all.huabei],
    ["  Jiebei", all.jiebei],
  ];
  const [head, ...cells] = rightAligned(
    [RISK_COLUMNS.map((col) => col.title), ...named.map(([, p]) => RISK_COLUMNS.map((col) => col.cell(p)))],
    RISK_COLUMNS.map((col) => col.width + 1),
  );
  const rows = named.map(([name], i) => {
    const line = pad(name, nameWidth) + cells[i]!;
    return i >= groups.length ? c.dim(line) : name === OVERALL ? c.bold(line) : line;
  });
  return [c.bold(pad("persona", nameWidth) + head!), ...rows].join("\n");
}

interface PortfolioColumn {
  title: string;
  width: number;
  cell: (p: PortfolioSummary) => string;
}

const PORTFOLIO_COLUMNS: PortfolioColumn[] = [
  { title: "book", width: 12, cell: (p) => (p.day === null ? "–" : yuanShort(p.balance)) },
  // each share from its balances, rounded once (the rates beside them in --json have five digits)
  { title: "30+", width: 8, cell: (p) => balanceShare(p.dpd30Balance, p.balance) },
  { title: "90+", width: 8, cell: (p) => balanceShare(p.dpd90Balance, p.balance) },
  {
    title: "30+/90+ 12 mo",
    width: 14,
    cell: ({ trailing12: t }) =>
      t.balance > 0
        ? `${balanceShareNumber(t.dpd30Balance, t.balance)}/${balanceShare(t.dpd90Balance, t.balance)}`
        : "–",
  },
  { title: "acct-years", width: 11, cell: (p) => accountYearsText(p.accountYears) },
  { title: "suspended/yr", width: 13, cell: (p) => perAccountYear(p.suspensionsPerYear, p.accountYears) },
  { title: "closed/yr", width: 10, cell: (p) => perAccountYear(p.closuresPerYear, p.accountYears) },
  { title: "charged off/yr", width: 15, cell: (p) => perAccountYear(p.chargeOffsPerYear, p.accountYears) },
  { title: "loss rate", width: 10, cell: (p) => pct2(p.lossRate) },
];

/** The book as a lender reports it, per persona and overall; then the overall 30+ and 90+ by month end. */
export function portfolioTable(
  groups: GroupSummary[],
  pick: (g: GroupSummary) => ArmSummary,
  c: ChalkInstance,
): string[] {
  const nameWidth = Math.max(8, ...groups.map((g) => g.persona.length)) + 2;
  const [titles, ...cells] = rightAligned(
    [
      PORTFOLIO_COLUMNS.map((col) => col.title),
      ...groups.map((g) => PORTFOLIO_COLUMNS.map((col) => col.cell(pick(g).portfolio))),
    ],
    PORTFOLIO_COLUMNS.map((col) => col.width + 1),
  );
  const head = pad("persona", nameWidth) + titles!;
  const rows = groups.map((g, i) => {
    const line = pad(g.persona, nameWidth) + cells[i]!;
    return g.persona === OVERALL ? c.bold(line) : line;
  });
  const series = pick(groups[groups.length - 1]!).portfolio.monthEnd;
  const trend = (k: "dpd30Balance" | "dpd90Balance") =>
    series.map((p) => balanceShareNumber(p[k], p.balance)).join(" ");
  return [
    c.bold(head),
    ...rows,
    ...(series.length > 1
      ? [
          c.dim(`  30+ by month end (%): ${trend("dpd30Balance")}`),
          c.dim(`  90+ by month end (%): ${trend("dpd90Balance")}`),
        ]
      : []),
  ];
}

interface VintageColumn {
  title: string;
  width: number;
  cell: (v: VintageRow) => string;
}

/** Months on book always shown, through 12: a year's table reads as it did (its 12 months `–` when unseen). */
const VINTAGE_SHOWN = VINTAGE_MONTHS.indexOf(12) + 1;

/** The vintage table's columns, the terminal's and the HTML page's: a booking quarter, its accounts, and
 *  its cumulative bad rate at each month on book, of the accounts seen that long — past 12 months only
 *  those some quarter of `rows` was seen (a year's horizon has none: no columns of `–` only). */
export function vintageColumns(rows: readonly VintageRow[]): VintageColumn[] {
  const seen = VINTAGE_MONTHS.filter((_, i) => rows.some((v) => v.months[i]!.seasoned > 0)).length;
  return [
    { title: "accounts", width: 9, cell: (v) => int(v.booked) },
    ...VINTAGE_MONTHS.slice(0, Math.max(VINTAGE_SHOWN, seen)).map((months, i) => ({
      title: `${months} months`,
      width: 17,
      cell: (v: VintageRow) => {
        const at = v.months[i]!;
        return rateOfHowMany(at.bad, at.seasoned);
      },
    })),
  ];
}

/** How the vintage table is counted: the note beside it. */
export function vintageNote(m: PopulationResult["meta"]): string {
  return `accounts by the quarter their first line was booked; at each month on book, the share bad (${badDefinition(m.bad)}) by then, of the accounts the horizon has seen that long (cumulative); ~: fewer than ${FEW_CASES} accounts, too few to read; –: none seen that long yet`;
}

/** Every booking quarter's vintage curve (all accounts of the arm). */
export function vintageTable(rows: readonly VintageRow[], c: ChalkInstance): string[] {
  if (rows.length === 0) return [c.dim("  no account was booked")];
  const columns = vintageColumns(rows);
  const [head, ...cells] = rightAligned(
    [columns.map((col) => col.title), ...rows.map((v) => columns.map((col) => col.cell(v)))],
    columns.map((col) => col.width + 1),
  );
  return [c.bold(pad("booked in", 10) + head!), ...rows.map((v, i) => pad(v.quarter, 10) + cells[i]!)];
}

/** The customers' events by type with each arm's count, the types some arm has, the most frequent in the
 *  first arm first (then by name): the text report's line per arm, the page's table of them all. */
export function eventRows(arms: readonly ArmSummary[]): Array<[EventType, number[]]> {
  return EVENT_TYPES.map((t): [EventType, number[]] => [t, arms.map((s) => s.events[t])])
    .filter(([, ns]) => ns.some((n) => n > 0))
    .sort(([a, x], [b, y]) => y[0]! - x[0]! || (a < b ? -1 : 1));
}

/** The customers' events by type, the most frequent first. */
export function eventsLine(s: ArmSummary): string {
  return eventRows([s])
    .map(([t, [n]]) => `${t} ${int(n!)}`)
    .join(", ");
}

/** How many of the largest flip groups the reports list: a challenger's, each pair of a sweep's (of the
 *  first FLIP_PAIRS pairs), and example accounts per group. */
export const FLIP_GROUPS = { challenger: 8, sweep: 3, pairs: 12, examples: 3 } as const;

/** "e.g. accounts #2, #18, #19": a group's first examples, as both reports list them. */
const flipExamples = (g: FlipGroup): string =>
  `e.g. account${g.accounts === 1 ? "" : "s"} #${g.examples.slice(0, FLIP_GROUPS.examples).join(", #")}`;

/** "1 account decided otherwise", "70 accounts …": a pair's heading. */
export const decidedOtherwise = (p: PairFlips, names: readonly [string, string]): string =>
  `${names[0]} → ${names[1]}: ${int(p.flipped)} account${p.flipped === 1 ? "" : "s"} decided otherwise`;

/** The largest groups of decisions that first differ between two arms. */
export function flipGroups(p: PairFlips, names: [string, string], top: number, c: ChalkInstance): string[] {
  const groups = largestGroups(p);
  if (groups.length === 0) return [`  ${names[0]} → ${names[1]}: no decision differs`];
  const out = [c.bold(`  ${decidedOtherwise(p, names)}; by the first decision that differed:`)];
  // the examples on a line of their own: a long label folds, an account to export is never cut off
  for (const [label, g] of groups.slice(0, top))
    out.push(`  ${lpad(int(g.accounts), 8)}  ${printable(label)}`, c.dim(`            ${flipExamples(g)}`));
  const more = groups.length - top;
  if (more > 0) out.push(c.dim(`            … ${more} more group${more === 1 ? "" : "s"}`));
  return out;
}

/** A row of the sweep's table: a variant's figures, or the base policy's. `bads`: the counts its rates were
 *  read on (the ~ on an approval rate of few applicants, a bad rate of few booked, a Gini and KS of few
 *  bads). */
export interface VariantLine {
  metrics: VariantMetrics;
  bads: ProductSummary;
  /** each line's counts (the ~ on a line's approval rate of few applicants for it) */
  lines: Pick<RiskSummary, LineId>;
  psi: number | null;
  psiBooked: number | null;
}

/** A variant's rates as its table prints them, and the frontier chart's tooltips with it. */
export const VARIANT_RATES = {
  approved: (v: Pick<VariantLine, "metrics" | "bads">) =>
    fewCases(v.bads.applicants, pct2(v.metrics.approvalRate)),
  bad: (v: Pick<VariantLine, "metrics" | "bads">) => fewCases(v.bads.booked, pct2(v.metrics.badRate)),
} as const;

interface VariantColumn {
  title: string;
  width: number;
  cell: (v: VariantLine) => string;
}

/** A variant's approval rate as the frontier chart plots it (its tooltip, as the table prints it): the
 *  charted line's own (chartedLine), or both lines' (null). */
export function chartedApproval(
  line: LineId | null,
): (v: Pick<VariantLine, "metrics" | "bads" | "lines">) => string {
  return line === null ? VARIANT_RATES.approved : (v) => lineApprovalText(line, v);
}

/** The frontier chart's approval axis: "approval rate", or the charted line's own ("Jiebei approval rate"). */
export const chartedAxis = (line: LineId | null): string =>
  line === null ? "approval rate" : `${lineName(line)} approval rate`;

/** A line's own approval rate: of the accounts that applied to open it. */
const lineApproval = (line: LineId): VariantColumn => ({
  title: `${lineName(line)} approved`,
  width: 17,
  cell: (v) => lineApprovalText(line, v),
});

const lineApprovalText = (line: LineId, v: Pick<VariantLine, "metrics" | "lines">): string =>
  fewCases(v.lines[line].applicants, pct2(approvalOf(v.metrics, line)));

/** The sweep table's figures, the terminal's and the HTML page's, with each line's own approval rate
 *  after both lines' for the lines frontierLines picks: a Jiebei threshold moves Jiebei's, and both lines'
 *  hardly, Huabei booking nearly every applicant. `width`: the terminal's, its
 *  gap included. */
export function variantColumns(lines: readonly LineId[]): readonly VariantColumn[] {
  return [VARIANT_COLUMNS[0]!, ...lines.map(lineApproval), ...VARIANT_COLUMNS.slice(1)];
}

/** The lines whose own approval rate a sweep's table adds: those a swept parameter is the own of
 *  (sweptLines), where that line's rate is not both lines' already in some row (`risks`: the base's and
 *  each variant's) — Huabei's, which nearly every applicant applies for, often is, and a column that
 *  repeats the one beside it says nothing. */
export function frontierLines(
  axes: ReadonlyArray<Pick<SweepAxis, "param">>,
  risks: ReadonlyArray<Pick<RiskSummary, "all" | LineId>>,
): LineId[] {
  return sweptLines(axes).filter((l) => risks.some((r) => r[l].approvalRate !== r.all.approvalRate));
}

/** The sweep table's note on its rates: what each is a share of, an item each (a line's own approval rate
 *  among them, for the lines frontierLines picks), and the ~ said of all of them, as the risk table's note
 *  says it of its approved and bad. */
export function variantRatesNote(lines: readonly LineId[]): string {
  const own = lines.map((l) => `${lineName(l)} approved`);
  const of = own.map((name, i) => `; ${name}: of the applicants for ${lineName(lines[i]!)}`).join("");
  return `approved: of the applicants for either line${of}; bad: of the booked; ${["approved", ...own, "bad"].join(", ")} ~: a rate of fewer than ${FEW_CASES} accounts, too few to read`;
}

const VARIANT_COLUMNS: readonly VariantColumn[] = [
  { title: "approved", width: 10, cell: VARIANT_RATES.approved },
  { title: "bad", width: 9, cell: VARIANT_RATES.bad },
  { title: "loss", width: 13, cell: (v) => yuanShort(v.metrics.loss) },
  { title: "revenue", width: 13, cell: (v) => yuanShort(v.metrics.revenue) },
  { title: "profit", width: 13, cell: (v) => yuanShort(v.metrics.profit) },
  { title: "Gini", width: 7, cell: (v) => ranked(v.bads, v.metrics.gini) },
  { title: "KS", width: 7, cell: (v) => ranked(v.bads, v.metrics.ks) },
  { title: "PSI", width: 7, cell: (v) => ratio(v.psi) },
  { title: "PSI booked", width: 12, cell: (v) => ratio(v.psiBooked) },
];

/** The row the variants are read against: the policy swept, as it is (no PSI: it is what PSI compares to). */
export function baseVariant(r: PopulationResult, all: GroupSummary): VariantLine & { params: string } {
  const base = all.champion.risk;
  return {
    params: `base (${r.meta.policy.name})`,
    metrics: variantMetrics(base),
    bads: base.all,
    lines: base,
    psi: null,
    psiBooked: null,
  };
}

/** A variant's mark on the frontier chart: 1 … 9, then letters. */
const MARKS = "123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The frontier chart's width for a terminal of `columns` (undefined: not fitted), 56 at most: beside it,
 *  the approval axis's labels (a rate to four decimals at most, `100.0000 %`) and ` ┤`, and one column
 *  free — a wider row is folded at its gaps, the marks scattered over two lines. 20 kept at least. */
const scatterWidth = (columns: number | undefined): number =>
  columns === undefined ? 56 : Math.max(20, Math.min(56, columns - 13));

/** A sweep's frontier: every variant's risk figures, dominated ones marked; then approval vs bad rate. */
export function frontier(
  r: PopulationResult,
  summary: ReturnType<typeof summarise>,
  c: ChalkInstance,
  chart = true,
  fitTo?: number,
): string[] {
  const rows = variantRows(r, summary);
  if (!rows) return [];
  const all = summary.groups[summary.groups.length - 1]!;
  // the chart's one-character marks; the table says each variant's number (as the flips and --arm do) and,
  // from 10 on, its mark beside it
  const mark = (i: number) => MARKS[i % MARKS.length]!;
  const id = (i: number) => (mark(i) === String(i + 1) ? `  ${i + 1}` : `  ${i + 1} ${mark(i)}`);
  const idWidth = Math.max(5, ...rows.map((_, i) => id(i).length + 2));
  const paramWidth = Math.max(10, ...rows.map((v) => paramsText(v.params).length)) + 2;
  const base = baseVariant(r, all);
  const lines: VariantLine[] = [
    base,
    ...rows.map((v, i) => ({
      metrics: v.metrics,
      bads: all.variants![i]!.risk.all,
      lines: all.variants![i]!.risk,
      psi: v.psi,
      psiBooked: v.psiBooked,
    })),
  ];
  const swept = frontierLines(
    r.meta.sweep!.axes,
    lines.map((v) => ({ ...v.lines, all: v.bads })),
  );
  const columns = variantColumns(swept);
  const [titles, ...cells] = rightAligned(
    [columns.map((col) => col.title), ...lines.map((v) => columns.map((col) => col.cell(v)))],
    columns.map((col) => col.width),
  );
  const head = `${pad("  #", idWidth)}${pad("parameters", paramWidth)}${titles}`;
  // `at`: the row's place in `lines` (0 the base)
  const line = (label: string, params: string, at: number, note: string) =>
    `${pad(label, idWidth)}${pad(params, paramWidth)}${cells[at]}${note === "" ? "" : `  ${note}`}`;
  const out = [
    c.bold(
      `Sweep: ${variantsText(rows.length)} of ${r.meta.policy.name}${r.meta.challengerFrom > 0 ? ` from day ${r.meta.challengerFrom}` : ""}, on the same ${accountsText(all.champion.accounts)}`,
    ),
    c.dim(
      `  dominated: another variant approves as many or more (of both lines, and of each swept line), with a bad rate no higher and a profit no lower, and is better in one of them; ${variantRatesNote(swept)}; loss, revenue, profit: in yuan, ${horizonSum(r.meta)}; Gini, KS (${GINI_KS_READING}): ~ on fewer than ${FEW_BADS} bads, too few to read; PSI (${PSI_READING}): the end score distribution against the base, of all accounts; PSI booked: of the booked accounts only (each arm's own; the risk table's booked)`,
    ),
    c.bold(head),
    c.dim(line("  ·", base.params, 0, "")),
    ...rows.map((v, i) => {
      const text = line(id(i), paramsText(v.params), i + 1, v.dominated ? "dominated" : "");
      return v.dominated ? c.dim(text) : text;
    }),
  ];
  if (!chart) return out;
  const charted = chartedLine(r.meta.sweep!.axes);
  const axis = chartedAxis(charted);
  out.push(
    "",
    c.bold(
      `${axis.charAt(0).toUpperCase()}${axis.slice(1)} against bad rate (variants by ${rows.length > 9 ? "their mark in the # column" : "number"}; dominated ones faint, and drawn under the others)`,
    ),
    scatterChart(
      // a cell shows the last point drawn: the dominated first, so none hides one on the frontier
      // a variant that booked no one has no bad rate: no point (its row says "–")
      rows
        .flatMap((v, i) => {
          const x = v.metrics.badRate;
          const y = approvalOf(v.metrics, charted);
          return x === null || y === null ? [] : [{ x, y, mark: mark(i), faint: v.dominated }];
        })
        .sort((a, b) => Number(b.faint) - Number(a.faint)),
      { x: "bad rate", y: axis },
      (s) => c.dim(s),
      scatterWidth(fitTo),
    ),
  );
  return out;
}
