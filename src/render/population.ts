// The population report a policy owner reads: a per-persona table, the score distribution, the median
// score over time, money at stake, and for champion/challenger every difference with its 95 % interval.

import type { ChalkInstance } from "chalk";
import { SCORE_BINS, SCORE_MIN } from "../population/aggregate.js";
import { type Difference, METRIC_LABELS, significant } from "../population/differences.js";
import type { PopulationResult } from "../population/result.js";
import { type ArmSummary, type GroupSummary, OVERALL, overall, summarise } from "../population/stats.js";
import { wholeYuanText } from "../scenario/format.js";
import { columnsOf, printable, printableName } from "../shared/text.js";
import { chartWidth, scoreChart } from "./chart.js";
import {
  ARM_AMOUNTS,
  ARM_RATES,
  accountsText,
  armsNamed,
  challengerTitle,
  dateAndDay,
  daysText,
  differenceText,
  FEW_CASES,
  FLIPS_NOTE,
  flippedText,
  int,
  lpad,
  moneyOnHuabei,
  pad,
  pct,
  pct2,
  rightAligned,
  scoreDrift,
  stressText,
  trailingMonthEnds,
} from "./population-format.js";
import {
  eventsLine,
  FLIP_GROUPS,
  flipGroups,
  frontier,
  portfolioTable,
  riskNote,
  riskTable,
  vintageNote,
  vintageTable,
} from "./population-risk.js";

/** a number with a true minus sign, as the rest of the report writes it */
interface Column {
  title: string;
  width: number;
  cell: (s: ArmSummary) => string;
}

const COLUMNS: Column[] = [
  { title: "accounts", width: 9, cell: (s) => int(s.accounts) },
  { title: "approved", width: 9, cell: ARM_RATES.approved },
  {
    title: "limit p10/median/p90",
    width: 24,
    cell: (s) =>
      s.openLimit
        ? [s.openLimit.p10, s.openLimit.median, s.openLimit.p90].map((y) => wholeYuanText(y)).join("/")
        : "–",
  },
  { title: "suspended", width: 10, cell: ARM_RATES.suspended },
  { title: "credit", width: 8, cell: ARM_RATES.credit },
  { title: "security", width: 9, cell: ARM_RATES.security },
  { title: "policy", width: 8, cell: ARM_RATES.policy },
  { title: "restored", width: 14, cell: ARM_RATES.restored },
  { title: "≤180 d", width: 8, cell: ARM_RATES.restoredWithin180 },
  {
    title: "days",
    width: 5,
    cell: (s) => (s.medianDaysToRestore === null ? "–" : String(s.medianDaysToRestore)),
  },
  { title: "closed*", width: 8, cell: ARM_RATES.closed },
  { title: "score", width: 6, cell: (s) => (s.score ? String(s.score.median) : "–") },
  { title: "charges/acct", width: 13, cell: ARM_AMOUNTS.charges },
  { title: "overdue at end", width: 15, cell: ARM_AMOUNTS.overdueAtEnd },
];

function personaTable(
  groups: GroupSummary[],
  pick: (g: GroupSummary) => ArmSummary,
  c: ChalkInstance,
): string {
  const nameWidth = Math.max(8, ...groups.map((g) => g.persona.length)) + 2;
  const [head, ...cells] = rightAligned(
    [COLUMNS.map((col) => col.title), ...groups.map((g) => COLUMNS.map((col) => col.cell(pick(g))))],
    COLUMNS.map((col) => col.width + 1),
  );
  const rows = groups.map((g, i) => {
    const line = pad(g.persona, nameWidth) + cells[i]!;
    return g.persona === OVERALL ? c.bold(line) : line;
  });
  return [c.bold(pad("persona", nameWidth) + head!), ...rows].join("\n");
}

/** The challenger's table beside the champion's: its columns said once, above it. */
const AS_ABOVE = "read as the table above";

const BLOCKS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

function bar(value: number, max: number, width: number): string {
  if (max <= 0) return "";
  const eighths = Math.round((value / max) * width * 8);
  return "█".repeat(Math.floor(eighths / 8)) + BLOCKS[eighths % 8]!;
}

/** A histogram row's columns beside its bar: the label, the axis, the count and the share. */
const HISTOGRAM_FRAME = 29;

/** The histogram's bar width for a terminal of `columns` (undefined: not fitted), 40 at most: a wider row
 *  is folded at its gaps, the count and share under the bar. One column is left free, 10 kept at least. */
const histogramWidth = (columns: number | undefined): number =>
  columns === undefined ? 40 : Math.max(10, Math.min(40, columns - HISTOGRAM_FRAME - 1));

/** The final-score histogram in 50-point bins. */
function scoreHistogram(bins: readonly number[], width = 40): string {
  const groups: Array<{ label: string; count: number }> = [];
  for (let lo = SCORE_MIN; lo < SCORE_MIN + SCORE_BINS - 1; lo += 50) {
    let count = 0;
    for (let s = lo; s < lo + 50 || (lo + 50 === 950 && s === 950); s++) count += bins[s - SCORE_MIN] ?? 0;
    groups.push({ label: `${lo}–${lo + 49 + (lo + 50 === 950 ? 1 : 0)}`, count });
  }
  const total = groups.reduce((a, g) => a + g.count, 0);
  const max = Math.max(...groups.map((g) => g.count));
  return groups
    .map(
      (g) =>
        `  ${lpad(g.label, 7)} │${pad(bar(g.count, max, width), width)} ${lpad(int(g.count), 8)}  ${lpad(pct(total ? g.count / total : 0), 7)}`,
    )
    .join("\n");
}

function differenceTable(
  diffs: Difference[],
  champion: string,
  challenger: string,
  c: ChalkInstance,
): string {
  const w = Math.max(...Object.values(METRIC_LABELS).map((l) => l.length)) + 2;
  const cw = Math.max(12, columnsOf(champion) + 2);
  const dw = Math.max(12, columnsOf(challenger) + 2);
  const head = `${pad("metric", w)}${lpad(champion, cw)}${lpad(challenger, dw)}${lpad("difference", 13)}   95 % interval`;
  const lines = diffs.map((d) => {
    const { change, interval } = differenceText(d);
    const starred = significant(d);
    // marked, not only coloured: a CI log or NO_COLOR shows no highlight
    const line = `${pad(METRIC_LABELS[d.metric as keyof typeof METRIC_LABELS] ?? d.metric, w)}${lpad(pct2(d.champion), cw)}${lpad(pct2(d.challenger), dw)}${lpad(change, 13)}   ${interval}${starred ? " *" : ""}`;
    return starred ? c.yellow(line) : line;
  });
  return [c.bold(head), ...lines].join("\n");
}

/**
 * Each persona's change in suspended and approved, with its interval, as a table: every cell but the last
 * right-aligned in a column as wide as its widest, so a terminal too narrow folds each row at the same
 * column (the change and interval written as one left-aligned phrase, padded, folded row by row at a
 * different column: a ragged edge at 80 columns).
 */
function byPersona(groups: readonly GroupSummary[]): string[] {
  const rows = groups
    .filter((g) => g.persona !== OVERALL)
    .map((g) => {
      const d = (metric: string) => g.differences!.find((x) => x.metric === metric)!;
      // a rate's interval is missing only for a persona without accounts
      const f = (x: Difference): [string, string] => {
        if (x.ci95 === null) return ["–", "no accounts"];
        const { change, interval } = differenceText(x);
        return [change, `${interval}${significant(x) ? " *" : ""}`];
      };
      return [g.persona, ...f(d("suspended")), ...f(d("opened"))];
    });
  const head = ["persona", "suspended", "95 % interval", "approved", "95 % interval"];
  const width = (i: number) => Math.max(...[head, ...rows].map((r) => r[i]!.length));
  const line = (r: readonly string[]) =>
    `  ${pad(r[0]!, width(0))}  ${lpad(r[1]!, width(1))}  ${lpad(r[2]!, width(2))}  ${lpad(r[3]!, width(3))}  ${r[4]}`;
  return [line(head), ...rows.map(line)];
}

export interface RenderPopulationOptions {
  chalk: ChalkInstance;
  chart?: boolean;
  /** how to re-run one account (the command line that produced this report) */
  exportHint?: string;
  /** where `--flips` wrote the flipped accounts as scenarios (said instead of how to export one) */
  flipsWritten?: string;
  /** the terminal's width the charts are drawn within (undefined: not fitted) */
  columns?: number;
}

/** The line under the flips: where they were exported, or how to export one. */
function exportLine(o: RenderPopulationOptions): string | undefined {
  if (o.flipsWritten !== undefined) return `  exported as scenarios: ${o.flipsWritten}`;
  return o.exportHint === undefined ? undefined : `  export one as scenarios: ${o.exportHint}`;
}

export function renderPopulation(result: PopulationResult, o: RenderPopulationOptions): string {
  const c = o.chalk;
  // names come from persona and policy files: shown printable
  const named = armsNamed(result);
  const r = { ...named, meta: printableMeta(named.meta) };
  const m = r.meta;
  const summary = summarise(r);
  const groups = summary.groups;
  const all = groups[groups.length - 1]!;
  const out: string[] = [];
  const mix = m.personas.map((p) => p.name).join(", ");
  const range =
    m.range[0] === 0 && m.range[1] === m.accounts
      ? ""
      : m.range[1] > m.range[0]
        ? ` (accounts ${m.range[0]}–${m.range[1] - 1})`
        : " (no account falls in this shard)";
  out.push(
    c.bold(
      `Population: ${accountsText(m.accounts)} × ${daysText(m.days)} from ${m.start}, seed ${m.seed}${range}`,
    ),
    `personas: ${mix}`,
    `policy: ${m.policy.name}${m.challenger ? `   challenger: ${m.challenger.name}${m.challengerFrom > 0 ? ` from day ${m.challengerFrom}` : ""}` : ""}`,
    ...(m.stress === null ? [] : [`stress: ${stressText(m.stress)}`]),
    "",
    c.bold(`Outcomes under ${m.policy.name}`) +
      c.dim(
        `  (Huabei: approved: share of accounts whose Huabei opened; limit p10/median/p90: the limit it first opened at (of the opened: the 10th percentile, the median, the 90th percentile); suspended/credit/security/policy: share of accounts; restored: share of the suspended, of how many; ≤180 d: of the same; ~: a rate of fewer than ${FEW_CASES} accounts, too few to read; days: median days to restore; closed*: by the lender; score: median at the end; charges/acct: interest, instalment fees and penalties on Huabei per account; overdue at end: past due on Huabei at the end, and on how many accounts)`,
      ),
    personaTable(groups, (g) => g.champion, c),
  );
  if (r.challenger) {
    out.push(
      "",
      c.bold(`Outcomes under ${challengerTitle(m)}`) + c.dim(`  (${AS_ABOVE})`),
      personaTable(groups, (g) => g.challenger!, c),
    );
  }
  const totals = overall(r);
  out.push(
    "",
    c.bold(`Score at day ${m.days - 1} (all accounts, ${m.policy.name})`),
    scoreHistogram(totals.champion.finalScore, histogramWidth(o.columns)),
  );
  if (totals.challenger) {
    out.push(
      "",
      c.bold(`Score at day ${m.days - 1} (all accounts, ${challengerTitle(m)})`),
      scoreHistogram(totals.challenger.finalScore, histogramWidth(o.columns)),
    );
  }
  if (o.chart !== false && all.champion.medianScoreOverTime.length > 1) {
    const series = [{ label: m.policy.name, points: all.champion.medianScoreOverTime }];
    if (all.challenger)
      series.push({ label: m.challenger!.name, points: all.challenger.medianScoreOverTime });
    out.push(
      "",
      c.bold("Median score over time (all accounts)"),
      scoreChart(series, m.days - 1, chartWidth(o.columns), 10, c.level > 0),
    );
  }
  const arms: Array<[string, (g: GroupSummary) => ArmSummary]> = [[m.policy.name, (g) => g.champion]];
  if (r.challenger) arms.push([challengerTitle(m), (g) => g.challenger!]);
  for (const [i, [name, pick]] of arms.entries()) {
    out.push(
      "",
      c.bold(`Risk under ${name}`) + c.dim(`  (${i === 0 ? riskNote(m) : AS_ABOVE})`),
      riskTable(groups, pick, c),
      `${c.bold("Customer events:")} ${eventsLine(pick(all))}`,
    );
  }
  for (const [i, [name, pick]] of arms.entries()) {
    const last = pick(all).portfolio.day;
    out.push(
      "",
      c.bold(`Portfolio under ${name}`) +
        c.dim(
          i > 0
            ? `  (${AS_ABOVE})`
            : `  (book: balance on the last month end${last === null ? " — the horizon holds none, so nothing here is measured (–)" : `, ${dateAndDay(m.start, last)}`}; 30+, 90+: its share more than 30 / 90 days past due, Huabei and Jiebei together; 12 mo: over ${trailingMonthEnds(pick(all).portfolio.monthEnd.length)}; per year: spells of suspension, closures by the lender and charge-offs per account-year open (~: fewer than ${FEW_CASES} account-years, too few to read); loss rate: net write-offs a year ÷ the average book; –: nothing to divide by)`,
        ),
      ...portfolioTable(groups, pick, c),
    );
  }
  for (const [i, [name, pick]] of arms.entries())
    out.push(
      "",
      c.bold(`Vintages under ${name}`) + c.dim(`  (${i === 0 ? vintageNote(m) : AS_ABOVE})`),
      ...vintageTable(pick(all).vintage, c),
    );
  out.push("", `${c.bold(`Money on Huabei (${m.policy.name}):`)} ${moneyOnHuabei(all.champion)}`);
  if (all.challenger)
    out.push(`${c.bold(`Money on Huabei (${m.challenger!.name}):`)} ${moneyOnHuabei(all.challenger)}`);

  if (all.psi !== null && m.challenger)
    out.push("", `${c.bold("Score drift:")} ${scoreDrift(all, m.policy.name, m.challenger.name)}`);
  if (m.sweep) {
    out.push("", ...frontier(r, summary, c, o.chart !== false, o.columns));
    if (r.decisionFlips.length > 0) {
      const name = (arm: number) => `#${arm}`;
      out.push(
        "",
        c.bold(
          "Why neighbouring variants differ: the first decision that differs, by the rule that decided it",
        ),
      );
      for (const p of r.decisionFlips.slice(0, FLIP_GROUPS.pairs))
        out.push(...flipGroups(p, [name(p.a), name(p.b)], FLIP_GROUPS.sweep, c));
      if (r.decisionFlips.length > FLIP_GROUPS.pairs)
        out.push(c.dim(`  … ${r.decisionFlips.length - FLIP_GROUPS.pairs} more neighbouring pairs (--json)`));
      const exported = exportLine(o);
      if (exported) out.push(c.dim(exported));
    }
  }
  if (all.differences && m.challenger) {
    out.push(
      "",
      c.bold(
        `Champion ${m.policy.name} vs challenger ${m.challenger.name}: paired on the same ${accountsText(all.champion.accounts)}`,
      ),
      differenceTable(all.differences, m.policy.name, m.challenger.name, c),
      c.dim(
        `  rates are shares of all accounts; pp = percentage points; amounts: the mean per account over the ${daysText(m.days)} of the horizon; * (highlighted): the interval excludes 0`,
      ),
      "",
      c.bold("By persona: change in suspended (any cause) and approved, with 95 % intervals"),
      ...byPersona(groups),
      "",
      c.bold(`Accounts whose outcome flips: ${flippedText(all)}`) + c.dim(`  (${FLIPS_NOTE})`),
      ...Object.entries(all.flips ?? {})
        .sort(([, a], [, b]) => b - a)
        .map(([k, v]) => `  ${pad(printable(k), 44)} ${lpad(int(v), 8)}`),
    );
    const pair = r.decisionFlips[0];
    if (pair)
      out.push(
        "",
        c.bold("Why: the first decision that differs, by the rule that decided it"),
        ...flipGroups(pair, [m.policy.name, m.challenger.name], FLIP_GROUPS.challenger, c),
      );
    if (r.flips.length > 0) {
      out.push(
        "",
        c.bold("Sample of flipped accounts"),
        ...r.flips
          .slice(0, 10)
          .map(
            (f) =>
              `  ${lpad(`#${f.index}`, 8)}  ${pad(f.persona, 18)} ${printable(f.champion)} → ${printable(f.challenger)}`,
          ),
      );
      const exported = exportLine(o);
      if (exported) out.push(c.dim(exported));
    }
  }
  return `${out.join("\n")}\n`;
}

function printableMeta(m: PopulationResult["meta"]): PopulationResult["meta"] {
  return {
    ...m,
    personas: m.personas.map((p) => ({ ...p, name: printableName(p.name) })),
    policy: { ...m.policy, name: printableName(m.policy.name) },
    challenger: m.challenger ? { ...m.challenger, name: printableName(m.challenger.name) } : null,
  };
}
