// The population report a policy owner reads: a per-persona table, the score distribution, the median
// score over time, money at stake, and for champion/challenger every difference with its 95 % interval.

import type { ChalkInstance } from "chalk";
import { EVENT_TYPES } from "../engine/index.js";
import { SCORE_BINS, SCORE_MIN } from "../population/aggregate.js";
import { largestGroups, type PairFlips } from "../population/flips.js";
import { type PopulationResult, variantRows } from "../population/result.js";
import {
  type ArmSummary,
  type Difference,
  type GroupSummary,
  METRIC_LABELS,
  OVERALL,
  overall,
  type PortfolioSummary,
  type ProductSummary,
  summarise,
} from "../population/stats.js";
import { paramsText } from "../population/sweep.js";
import { money } from "../scenario/format.js";
import { printable } from "../shared/text.js";
import { scatterChart, scoreChart } from "./chart.js";

/** a number with a true minus sign, as the rest of the report writes it */
const num = (x: number, digits: number) => (x < 0 ? `−${(-x).toFixed(digits)}` : x.toFixed(digits));
const pct = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(1)} %`);
const int = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const yuanInt = (y: number) => `¥${int(Math.round(y))}`;
const pad = (s: string, w: number) => (s.length >= w ? s : s + " ".repeat(w - s.length));
const lpad = (s: string, w: number) => (s.length >= w ? s : " ".repeat(w - s.length) + s);

interface Column {
  title: string;
  width: number;
  cell: (s: ArmSummary) => string;
}

const COLUMNS: Column[] = [
  { title: "accounts", width: 9, cell: (s) => int(s.accounts) },
  { title: "approved", width: 9, cell: (s) => pct(s.approvalRate) },
  {
    title: "limit p10/median/p90",
    width: 21,
    cell: (s) =>
      s.openLimit ? `${int(s.openLimit.p10)}/${int(s.openLimit.median)}/${int(s.openLimit.p90)}` : "–",
  },
  { title: "suspended", width: 10, cell: (s) => pct(s.suspensionRate) },
  { title: "credit", width: 8, cell: (s) => pct(s.suspensionRateByCause.credit ?? 0) },
  { title: "security", width: 9, cell: (s) => pct(s.suspensionRateByCause.security ?? 0) },
  { title: "policy", width: 8, cell: (s) => pct(s.suspensionRateByCause.policy ?? 0) },
  { title: "restored", width: 9, cell: (s) => pct(s.restorationRate) },
  { title: "≤180 d", width: 8, cell: (s) => pct(s.restoredWithin180Rate) },
  {
    title: "days",
    width: 5,
    cell: (s) => (s.medianDaysToRestore === null ? "–" : String(s.medianDaysToRestore)),
  },
  { title: "closed", width: 8, cell: (s) => pct(s.closureRate) },
  { title: "score", width: 6, cell: (s) => (s.score ? String(s.score.median) : "–") },
  { title: "charges/acct", width: 13, cell: (s) => `¥${s.chargesPerAccount.toFixed(2)}` },
  {
    title: "overdue at end",
    width: 15,
    cell: (s) => `${yuanInt(s.overdueAtEndTotal)} (${int(s.overdueAtEndAccounts)})`,
  },
];

function personaTable(
  groups: GroupSummary[],
  pick: (g: GroupSummary) => ArmSummary,
  c: ChalkInstance,
): string {
  const nameWidth = Math.max(8, ...groups.map((g) => g.persona.length)) + 2;
  const head = pad("persona", nameWidth) + COLUMNS.map((col) => lpad(col.title, col.width + 1)).join("");
  const rows = groups.map((g) => {
    const line =
      pad(g.persona, nameWidth) + COLUMNS.map((col) => lpad(col.cell(pick(g)), col.width + 1)).join("");
    return g.persona === OVERALL ? c.bold(line) : line;
  });
  return [c.bold(head), ...rows].join("\n");
}

const BLOCKS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

function bar(value: number, max: number, width: number): string {
  if (max <= 0) return "";
  const eighths = Math.round((value / max) * width * 8);
  return "█".repeat(Math.floor(eighths / 8)) + BLOCKS[eighths % 8]!;
}

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
  const cw = Math.max(12, champion.length + 2);
  const dw = Math.max(12, challenger.length + 2);
  const head = `${pad("metric", w)}${lpad(champion, cw)}${lpad(challenger, dw)}${lpad("difference", 13)}   95 % interval`;
  const lines = diffs.map((d) => {
    const isRate = d.champion !== null;
    const fmt = (x: number) =>
      isRate
        ? `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(1)} pp`
        : `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(2)}`;
    const ci = isRate
      ? `[${num(d.ci95[0] * 100, 1)}, ${num(d.ci95[1] * 100, 1)}] pp`
      : `[${num(d.ci95[0], 2)}, ${num(d.ci95[1], 2)}]`;
    const significant = d.ci95[0] > 0 || d.ci95[1] < 0;
    const line = `${pad(METRIC_LABELS[d.metric as keyof typeof METRIC_LABELS] ?? d.metric, w)}${lpad(pct(d.champion), cw)}${lpad(pct(d.challenger), dw)}${lpad(fmt(d.difference), 13)}   ${ci}`;
    return significant ? c.yellow(line) : line;
  });
  return [c.bold(head), ...lines].join("\n");
}

const ratio = (x: number | null) => (x === null ? "–" : x.toFixed(2));
const yuanShort = (y: number) =>
  Math.abs(y) >= 1e6 ? `¥${num(y / 1e6, 2)} M` : `${y < 0 ? "−" : ""}¥${int(Math.round(Math.abs(y)))}`;

interface RiskColumn {
  title: string;
  width: number;
  cell: (p: ProductSummary) => string;
}

const RISK_COLUMNS: RiskColumn[] = [
  { title: "applied", width: 9, cell: (p) => int(p.applicants) },
  { title: "approved", width: 9, cell: (p) => pct(p.approvalRate) },
  { title: "bad", width: 8, cell: (p) => pct(p.badRate) },
  { title: "limits", width: 12, cell: (p) => yuanShort(p.limitEnd) },
  { title: "balances", width: 12, cell: (p) => yuanShort(p.balanceEnd) },
  { title: "revenue", width: 12, cell: (p) => yuanShort(p.revenue) },
  { title: "loss", width: 12, cell: (p) => yuanShort(p.loss) },
  { title: "funding", width: 11, cell: (p) => yuanShort(p.costOfFunds) },
  { title: "profit", width: 12, cell: (p) => yuanShort(p.profit) },
  { title: "Gini", width: 6, cell: (p) => ratio(p.gini) },
  { title: "KS", width: 6, cell: (p) => ratio(p.ks) },
];

/** Risk outcomes per persona (both lines), then the overall split by line. */
function riskTable(groups: GroupSummary[], pick: (g: GroupSummary) => ArmSummary, c: ChalkInstance): string {
  const nameWidth = Math.max(8, ...groups.map((g) => g.persona.length)) + 2;
  const head = pad("persona", nameWidth) + RISK_COLUMNS.map((col) => lpad(col.title, col.width + 1)).join("");
  const row = (name: string, p: ProductSummary) =>
    pad(name, nameWidth) + RISK_COLUMNS.map((col) => lpad(col.cell(p), col.width + 1)).join("");
  const rows = groups.map((g) =>
    g.persona === OVERALL ? c.bold(row(g.persona, pick(g).risk.all)) : row(g.persona, pick(g).risk.all),
  );
  const all = pick(groups[groups.length - 1]!).risk;
  rows.push(c.dim(row("  Huabei", all.huabei)), c.dim(row("  Jiebei", all.jiebei)));
  return [c.bold(head), ...rows].join("\n");
}

const pct2 = (x: number) => `${(x * 100).toFixed(2)} %`;

interface PortfolioColumn {
  title: string;
  width: number;
  cell: (p: PortfolioSummary) => string;
}

const PORTFOLIO_COLUMNS: PortfolioColumn[] = [
  { title: "book", width: 12, cell: (p) => yuanShort(p.balance) },
  { title: "30+", width: 8, cell: (p) => pct2(p.dpd30Rate) },
  { title: "90+", width: 8, cell: (p) => pct2(p.dpd90Rate) },
  {
    title: "30+/90+ 12 mo",
    width: 14,
    cell: (p) =>
      `${(p.trailing12.dpd30Rate * 100).toFixed(2)}/${(p.trailing12.dpd90Rate * 100).toFixed(2)} %`,
  },
  { title: "acct-years", width: 11, cell: (p) => int(Math.round(p.accountYears)) },
  { title: "suspended/yr", width: 13, cell: (p) => pct2(p.suspensionsPerYear) },
  { title: "closed/yr", width: 10, cell: (p) => pct2(p.closuresPerYear) },
  { title: "charged off/yr", width: 15, cell: (p) => pct2(p.chargeOffsPerYear) },
  { title: "loss rate", width: 10, cell: (p) => pct2(p.lossRate) },
];

/** The book as a lender reports it, per persona and overall; then the overall 30+ and 90+ by month end. */
function portfolioTable(
  groups: GroupSummary[],
  pick: (g: GroupSummary) => ArmSummary,
  c: ChalkInstance,
): string[] {
  const nameWidth = Math.max(8, ...groups.map((g) => g.persona.length)) + 2;
  const head =
    pad("persona", nameWidth) + PORTFOLIO_COLUMNS.map((col) => lpad(col.title, col.width + 1)).join("");
  const rows = groups.map((g) => {
    const line =
      pad(g.persona, nameWidth) +
      PORTFOLIO_COLUMNS.map((col) => lpad(col.cell(pick(g).portfolio), col.width + 1)).join("");
    return g.persona === OVERALL ? c.bold(line) : line;
  });
  const series = pick(groups[groups.length - 1]!).portfolio.monthEnd;
  const trend = (k: "dpd30Rate" | "dpd90Rate") => series.map((p) => (p[k] * 100).toFixed(2)).join(" ");
  return [
    c.bold(head),
    ...rows,
    ...(series.length > 1
      ? [
          c.dim(`  30+ by month end (%): ${trend("dpd30Rate")}`),
          c.dim(`  90+ by month end (%): ${trend("dpd90Rate")}`),
        ]
      : []),
  ];
}

/** The customers' events by type, the most frequent first. */
function eventsLine(s: ArmSummary): string {
  return EVENT_TYPES.map((t) => [t, s.events[t]] as const)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([t, n]) => `${t} ${int(n)}`)
    .join(", ");
}

/** The largest groups of decisions that first differ between two arms. */
function flipGroups(p: PairFlips, names: [string, string], top: number, c: ChalkInstance): string[] {
  const groups = largestGroups(p);
  if (groups.length === 0) return [`  ${names[0]} → ${names[1]}: no decision differs`];
  const out = [c.bold(`  ${names[0]} → ${names[1]}: ${int(p.flipped)} accounts decided otherwise, first at`)];
  for (const [label, g] of groups.slice(0, top))
    out.push(
      `  ${lpad(int(g.accounts), 8)}  ${label}  ${c.dim(`e.g. #${g.examples.slice(0, 3).join(", #")}`)}`,
    );
  if (groups.length > top) out.push(c.dim(`            … ${groups.length - top} more groups`));
  return out;
}

/** A sweep's frontier: every variant's risk figures, dominated ones marked; then approval vs bad rate. */
function frontier(r: PopulationResult, summary: ReturnType<typeof summarise>, c: ChalkInstance): string[] {
  const rows = variantRows(r, summary);
  if (!rows) return [];
  const all = summary.groups[summary.groups.length - 1]!;
  const mark = (i: number) => (i < 9 ? String(i + 1) : String.fromCharCode(97 + ((i - 9) % 26)));
  const paramWidth = Math.max(10, ...rows.map((v) => paramsText(v.params).length)) + 2;
  const head = `${pad("  #", 5)}${pad("parameters", paramWidth)}${lpad("approved", 10)}${lpad("bad", 9)}${lpad("loss", 13)}${lpad("revenue", 13)}${lpad("profit", 13)}${lpad("Gini", 7)}${lpad("KS", 7)}${lpad("PSI", 7)}`;
  const line = (
    id: string,
    params: string,
    m: {
      approvalRate: number;
      badRate: number;
      loss: number;
      revenue: number;
      profit: number;
      gini: number | null;
      ks: number | null;
    },
    psi: number | null,
    note: string,
  ) =>
    `${pad(id, 5)}${pad(params, paramWidth)}${lpad(pct(m.approvalRate), 10)}${lpad(pct(m.badRate), 9)}${lpad(yuanShort(m.loss), 13)}${lpad(yuanShort(m.revenue), 13)}${lpad(yuanShort(m.profit), 13)}${lpad(ratio(m.gini), 7)}${lpad(ratio(m.ks), 7)}${lpad(ratio(psi), 7)}  ${note}`;
  const base = all.champion.risk.all;
  const out = [
    c.bold(
      `Sweep: ${rows.length} variants of ${r.meta.policy.name}${r.meta.challengerFrom > 0 ? ` from day ${r.meta.challengerFrom}` : ""}, on the same ${int(all.champion.accounts)} accounts`,
    ),
    c.dim(
      "  dominated: another variant approves as many or more, with a bad rate no higher and a profit no lower; PSI: the end score distribution against the base",
    ),
    c.bold(head),
    c.dim(line("  ·", `base (${r.meta.policy.name})`, base, null, "")),
    ...rows.map((v, i) => {
      const text = line(
        `  ${mark(i)}`,
        paramsText(v.params),
        v.metrics,
        v.psi,
        v.dominated ? "dominated" : "",
      );
      return v.dominated ? c.dim(text) : text;
    }),
    "",
    c.bold("Approval rate against bad rate (variants by number; dominated ones faint)"),
    scatterChart(
      rows.map((v, i) => ({
        x: v.metrics.badRate,
        y: v.metrics.approvalRate,
        mark: mark(i),
        faint: v.dominated,
      })),
      { x: "bad rate", y: "approval rate" },
      (s) => c.dim(s),
    ),
  ];
  return out;
}

export interface RenderPopulationOptions {
  chalk: ChalkInstance;
  chart?: boolean;
  /** how to re-run one account (the command line that produced this report) */
  exportHint?: string;
}

export function renderPopulation(result: PopulationResult, o: RenderPopulationOptions): string {
  const c = o.chalk;
  // names come from persona and policy files: shown printable
  const r = { ...result, meta: printableMeta(result.meta) };
  const m = r.meta;
  const summary = summarise(r);
  const groups = summary.groups;
  const badText = (b: string) =>
    b === "chargeoff" ? "a line charged off" : `${b.slice(4)}+ days past due or charged off`;
  const all = groups[groups.length - 1]!;
  const out: string[] = [];
  const mix = m.personas.map((p) => p.name).join(", ");
  const range =
    m.range[0] === 0 && m.range[1] === m.accounts ? "" : ` (accounts ${m.range[0]}–${m.range[1] - 1})`;
  out.push(
    c.bold(
      `Population: ${int(m.accounts)} accounts × ${m.days} days from ${m.start}, seed ${m.seed}${range}`,
    ),
    `personas: ${mix}`,
    `policy: ${m.policy.name}${m.challenger ? `   challenger: ${m.challenger.name}${m.challengerFrom > 0 ? ` from day ${m.challengerFrom}` : ""}` : ""}`,
    "",
    c.bold(`Outcomes under ${m.policy.name}`) +
      c.dim(
        "  (suspended/credit/security/policy: share of accounts; restored, ≤180 d: share of the suspended; days: median days to restore)",
      ),
    personaTable(groups, (g) => g.champion, c),
  );
  if (r.challenger) {
    out.push(
      "",
      c.bold(`Outcomes under ${m.challenger!.name}`),
      personaTable(groups, (g) => g.challenger!, c),
    );
  }
  const totals = overall(r);
  out.push(
    "",
    c.bold(`Score at day ${m.days - 1} (all accounts, ${m.policy.name})`),
    scoreHistogram(totals.champion.finalScore),
  );
  if (totals.challenger) {
    out.push(
      "",
      c.bold(`Score at day ${m.days - 1} (all accounts, ${m.challenger!.name})`),
      scoreHistogram(totals.challenger.finalScore),
    );
  }
  if (o.chart !== false && all.champion.medianScoreOverTime.length > 1) {
    const series = [{ label: m.policy.name, points: all.champion.medianScoreOverTime }];
    if (all.challenger)
      series.push({ label: m.challenger!.name, points: all.challenger.medianScoreOverTime });
    out.push(
      "",
      c.bold("Median score over time (all accounts)"),
      scoreChart(series, m.days - 1, 64, 10, c.level > 0),
    );
  }
  const arms: Array<[string, (g: GroupSummary) => ArmSummary]> = [[m.policy.name, (g) => g.champion]];
  if (r.challenger) arms.push([m.challenger!.name, (g) => g.challenger!]);
  for (const [name, pick] of arms) {
    out.push(
      "",
      c.bold(`Risk under ${name}`) +
        c.dim(
          `  (bad: ${badText(m.bad)}; rates of accounts that applied / were booked; money in yuan; funding at ${(m.costOfFunds * 100).toFixed(2)} % a year on month-end balances; Gini, KS: the day-${m.scoreDay} score against later bad)`,
        ),
      riskTable(groups, pick, c),
      `${c.bold("Customer events:")} ${eventsLine(pick(all))}`,
    );
  }
  for (const [name, pick] of arms) {
    const last = pick(all).portfolio.day;
    out.push(
      "",
      c.bold(`Portfolio under ${name}`) +
        c.dim(
          `  (book: balance on the last month end${last === null ? "" : `, day ${last}`}; 30+, 90+: its share more than 30 / 90 days past due, Huabei and Jiebei together; 12 mo: over the last 12 month ends; per year: spells of suspension, closures by the lender and charge-offs per account-year open; loss rate: net write-offs a year ÷ the average book)`,
        ),
      ...portfolioTable(groups, pick, c),
    );
  }
  const money2 = (s: ArmSummary) =>
    `penalty income ${money(Math.round(s.penaltiesTotal * 100))}, revolving interest ${money(Math.round((s.chargesTotal - s.penaltiesTotal) * 100))}; still overdue at the end ${money(Math.round(s.overdueAtEndTotal * 100))} on ${int(s.overdueAtEndAccounts)} accounts; balances ${money(Math.round(s.balanceAtEndTotal * 100))}`;
  out.push("", `${c.bold(`Money (${m.policy.name}):`)} ${money2(all.champion)}`);
  if (all.challenger) out.push(`${c.bold(`Money (${m.challenger!.name}):`)} ${money2(all.challenger)}`);

  if (all.psi !== null && m.challenger)
    out.push(
      "",
      `${c.bold("Score drift:")} PSI of the end score, ${m.challenger.name} against ${m.policy.name}: ${ratio(all.psi)}`,
    );
  if (m.sweep) {
    out.push("", ...frontier(r, summary, c));
    if (r.decisionFlips.length > 0) {
      const name = (arm: number) => `#${arm}`;
      out.push(
        "",
        c.bold(
          "Why neighbouring variants differ: the first decision that differs, by the rule that decided it",
        ),
      );
      for (const p of r.decisionFlips.slice(0, 12)) out.push(...flipGroups(p, [name(p.a), name(p.b)], 3, c));
      if (r.decisionFlips.length > 12)
        out.push(c.dim(`  … ${r.decisionFlips.length - 12} more neighbouring pairs (--json)`));
      if (o.exportHint) out.push(c.dim(`  export one as scenarios: ${o.exportHint}`));
    }
  }
  if (all.differences && m.challenger) {
    out.push(
      "",
      c.bold(
        `Champion ${m.policy.name} vs challenger ${m.challenger.name}: paired on the same ${int(all.champion.accounts)} accounts`,
      ),
      differenceTable(all.differences, m.policy.name, m.challenger.name, c),
      c.dim(
        "  rates are shares of all accounts; pp = percentage points; highlighted: the interval excludes 0",
      ),
      "",
      c.bold("By persona: change in suspended (any cause) and approved, with 95 % intervals"),
      ...groups
        .filter((g) => g.persona !== OVERALL)
        .map((g) => {
          const d = (metric: string) => g.differences!.find((x) => x.metric === metric)!;
          const f = (x: Difference) =>
            `${x.difference >= 0 ? "+" : "−"}${Math.abs(x.difference * 100).toFixed(1)} pp [${num(x.ci95[0] * 100, 1)}, ${num(x.ci95[1] * 100, 1)}]`;
          return `  ${pad(g.persona, 18)} suspended ${pad(f(d("suspended")), 26)} approved ${f(d("opened"))}`;
        }),
      "",
      c.bold(
        `Accounts whose outcome flips: ${int(all.flipped ?? 0)} (${pct(all.champion.accounts ? (all.flipped ?? 0) / all.champion.accounts : 0)})`,
      ),
      ...Object.entries(all.flips ?? {})
        .sort(([, a], [, b]) => b - a)
        .map(([k, v]) => `  ${pad(k, 44)} ${lpad(int(v), 8)}`),
    );
    const pair = r.decisionFlips[0];
    if (pair)
      out.push(
        "",
        c.bold("Why: the first decision that differs, by the rule that decided it"),
        ...flipGroups(pair, [m.policy.name, m.challenger.name], 8, c),
      );
    if (r.flips.length > 0) {
      out.push(
        "",
        c.bold("Sample of flipped accounts"),
        ...r.flips
          .slice(0, 10)
          .map(
            (f) => `  #${lpad(String(f.index), 7)}  ${pad(f.persona, 18)} ${f.champion} → ${f.challenger}`,
          ),
      );
      if (o.exportHint) out.push(c.dim(`  export one as scenarios: ${o.exportHint}`));
    }
  }
  return `${out.join("\n")}\n`;
}

function printableMeta(m: PopulationResult["meta"]): PopulationResult["meta"] {
  return {
    ...m,
    personas: m.personas.map((p) => ({ ...p, name: printable(p.name) })),
    policy: { ...m.policy, name: printable(m.policy.name) },
    challenger: m.challenger ? { ...m.challenger, name: printable(m.challenger.name) } : null,
  };
}
