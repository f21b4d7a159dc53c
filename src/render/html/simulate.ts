// `credit-sim simulate --html FILE`: a population for a policy owner — outcome rates per persona, score
// distributions, the median score over time, and for champion / challenger every difference with its
// 95 % interval and the accounts whose outcome flips. A sweep's frontier shows when one is given. Pure.

import { SCORE_MIN } from "../../population/aggregate.js";
import { BINARY_METRICS } from "../../population/paired.js";
import { type PopulationResult, type VariantRow, variantRows } from "../../population/result.js";
import {
  type ArmSummary,
  type Difference,
  METRIC_LABELS,
  OVERALL,
  overall,
  summarise,
} from "../../population/stats.js";
import { paramsText } from "../../population/sweep.js";
import { type ChartSpec, PALETTE, rgba, toneFill, type Unit } from "./chart-spec.js";
import { monthTicks } from "./common.js";
import { esc } from "./escape.js";
import { chartBox, type HtmlAssets, htmlPage, section, stats } from "./page.js";

/** A sweep's trade-off curve: one point per policy variant. */
export interface Frontier {
  title: string;
  x: { label: string; unit: Unit };
  y: { label: string; unit: Unit };
  points: Array<{ label: string; x: number; y: number; chosen?: boolean }>;
}

export interface SimulateHtmlOptions {
  /** the trade-off to draw; by default a sweep's approval rate against its bad rate */
  frontier?: Frontier | null;
  /** the command line that re-runs an account, shown beside the flips */
  exportHint?: string;
}

const pct = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(1)} %`);
const int = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const yuan = (y: number) => `¥${int(Math.round(y))}`;

const COLUMNS: Array<[string, (s: ArmSummary) => string]> = [
  ["accounts", (s) => int(s.accounts)],
  ["approved", (s) => pct(s.approvalRate)],
  ["limit", (s) => (s.openLimit ? yuan(s.openLimit.median) : "–")],
  ["suspended", (s) => pct(s.suspensionRate)],
  ["credit", (s) => pct(s.suspensionRateByCause.credit ?? 0)],
  ["security", (s) => pct(s.suspensionRateByCause.security ?? 0)],
  ["policy", (s) => pct(s.suspensionRateByCause.policy ?? 0)],
  ["restored", (s) => pct(s.restorationRate)],
  ["≤ 180 d", (s) => pct(s.restoredWithin180Rate)],
  ["days", (s) => (s.medianDaysToRestore === null ? "–" : String(s.medianDaysToRestore))],
  ["closed", (s) => pct(s.closureRate)],
  ["score", (s) => (s.score ? String(s.score.median) : "–")],
  ["charges", (s) => `¥${s.chargesPerAccount.toFixed(2)}`],
];

function outcomeTable(rows: Array<{ persona: string; arm: ArmSummary }>): string {
  return `<div class="scroll"><table class="wide"><thead><tr><th>persona</th>${COLUMNS.map(([t]) => `<th class="num">${esc(t)}</th>`).join("")}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr${r.persona === OVERALL ? ' style="font-weight:600"' : ""}><td>${esc(r.persona === OVERALL ? "all accounts" : r.persona)}</td>${COLUMNS.map(([, cell]) => `<td class="num">${esc(cell(r.arm))}</td>`).join("")}</tr>`,
    )
    .join("")}</tbody></table></div>`;
}

const pct2 = (x: number) => `${(x * 100).toFixed(2)} %`;

const PORTFOLIO_COLUMNS: Array<[string, (s: ArmSummary) => string]> = [
  ["book", (s) => yuan(s.portfolio.balance)],
  ["30+", (s) => pct2(s.portfolio.dpd30Rate)],
  ["90+", (s) => pct2(s.portfolio.dpd90Rate)],
  [
    "30+ / 90+, 12 months",
    (s) =>
      `${(s.portfolio.trailing12.dpd30Rate * 100).toFixed(2)} / ${(s.portfolio.trailing12.dpd90Rate * 100).toFixed(2)} %`,
  ],
  ["account-years", (s) => int(Math.round(s.portfolio.accountYears))],
  ["suspended / yr", (s) => pct2(s.portfolio.suspensionsPerYear)],
  ["closed / yr", (s) => pct2(s.portfolio.closuresPerYear)],
  ["charged off / yr", (s) => pct2(s.portfolio.chargeOffsPerYear)],
  ["loss rate", (s) => pct2(s.portfolio.lossRate)],
];

function portfolioTable(rows: Array<{ persona: string; arm: ArmSummary }>): string {
  return `<div class="scroll"><table class="wide"><thead><tr><th>persona</th>${PORTFOLIO_COLUMNS.map(([t]) => `<th class="num">${esc(t)}</th>`).join("")}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr${r.persona === OVERALL ? ' style="font-weight:600"' : ""}><td>${esc(r.persona === OVERALL ? "all accounts" : r.persona)}</td>${PORTFOLIO_COLUMNS.map(([, cell]) => `<td class="num">${esc(cell(r.arm))}</td>`).join("")}</tr>`,
    )
    .join("")}</tbody></table></div>`;
}

/** The share of the book 30+ and 90+ days past due at each month end, per arm. */
function delinquencyChart(
  r: PopulationResult,
  all: { champion: ArmSummary; challenger: ArmSummary | null },
): ChartSpec {
  const line = (
    label: string,
    s: ArmSummary,
    k: "dpd30Rate" | "dpd90Rate",
    colour: string,
    dashed: boolean,
  ) => ({
    label,
    data: s.portfolio.monthEnd.map((p) => ({ x: p.day, y: p[k] * 100 })),
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 2,
    pointRadius: 2,
    tension: 0.2,
    unit: "percent",
    ...(dashed ? { borderDash: [7, 4] } : {}),
  });
  const challenger = all.challenger && r.meta.challenger ? all.challenger : null;
  const until = r.meta.days - 1;
  return {
    id: "delinquency",
    config: {
      type: "line",
      data: {
        datasets: [
          line(`30+ (${r.meta.policy.name})`, all.champion, "dpd30Rate", PALETTE.warn, false),
          line(`90+ (${r.meta.policy.name})`, all.champion, "dpd90Rate", PALETTE.bad, false),
          ...(challenger
            ? [
                line(`30+ (${r.meta.challenger!.name})`, challenger, "dpd30Rate", PALETTE.warn, true),
                line(`90+ (${r.meta.challenger!.name})`, challenger, "dpd90Rate", PALETTE.bad, true),
              ]
            : []),
        ],
      },
      options: {
        interaction: { mode: "index", intersect: false },
        plugins: { legend: { position: "bottom" } },
        scales: {
          x: { min: 0, max: until },
          y: { beginAtZero: true, title: { display: true, text: "share of the book past due" } },
        },
      },
    },
    days: { start: r.meta.start, ticks: monthTicks(r.meta.start, until) },
    units: { y: "percent" },
  };
}

/** Final scores in 25-point buckets, as shares of the accounts. */
function buckets(bins: readonly number[]): { labels: string[]; shares: number[] } {
  const width = 25;
  const total = bins.reduce((a, b) => a + b, 0) || 1;
  let lo = bins.findIndex((n) => n > 0);
  let hi = bins.length - 1 - [...bins].reverse().findIndex((n) => n > 0);
  if (lo < 0) {
    lo = 0;
    hi = 0;
  }
  const first = Math.floor((lo + SCORE_MIN) / width) * width;
  const labels: string[] = [];
  const shares: number[] = [];
  for (let b = first; b <= hi + SCORE_MIN; b += width) {
    let n = 0;
    for (let s = b; s < b + width; s++) n += bins[s - SCORE_MIN] ?? 0;
    labels.push(`${b}–${b + width - 1}`);
    shares.push((n / total) * 100);
  }
  return { labels, shares };
}

function histogramChart(r: PopulationResult): ChartSpec {
  const totals = overall(r);
  const champion = buckets(totals.champion.finalScore);
  const challenger = totals.challenger ? buckets(totals.challenger.finalScore) : null;
  // both on the champion's buckets widened to cover the challenger's
  const labels = [...new Set([...champion.labels, ...(challenger?.labels ?? [])])].sort();
  const align = (b: { labels: string[]; shares: number[] }) =>
    labels.map((l) => b.shares[b.labels.indexOf(l)] ?? 0);
  return {
    id: "scores",
    config: {
      type: "bar",
      data: {
        labels,
        datasets: [
          {
            label: r.meta.policy.name,
            data: align(champion),
            backgroundColor: PALETTE.score,
            unit: "percent",
          },
          ...(challenger && r.meta.challenger
            ? [
                {
                  label: r.meta.challenger.name,
                  data: align(challenger),
                  backgroundColor: rgba(PALETTE.variant, 0.6),
                  unit: "percent",
                },
              ]
            : []),
        ],
      },
      options: {
        plugins: { legend: { position: "bottom" } },
        scales: {
          y: { beginAtZero: true, title: { display: true, text: "share of accounts" } },
          x: { title: { display: true, text: `final score (day ${r.meta.days - 1})` } },
        },
      },
    },
    units: { y: "percent" },
  };
}

function medianChart(
  r: PopulationResult,
  all: { champion: ArmSummary; challenger: ArmSummary | null },
): ChartSpec {
  const line = (
    label: string,
    points: ArmSummary["medianScoreOverTime"],
    colour: string,
    dashed: boolean,
  ) => ({
    label,
    data: points.map((p) => ({ x: p.day, y: p.score })),
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 2.5,
    pointRadius: 2,
    pointStyle: "line",
    tension: 0.25,
    ...(dashed ? { borderDash: [7, 4] } : {}),
  });
  const until = r.meta.days - 1;
  return {
    id: "median",
    config: {
      type: "line",
      data: {
        datasets: [
          line(r.meta.policy.name, all.champion.medianScoreOverTime, PALETTE.score, false),
          ...(all.challenger && r.meta.challenger
            ? [line(r.meta.challenger.name, all.challenger.medianScoreOverTime, PALETTE.variant, true)]
            : []),
        ],
      },
      options: {
        interaction: { mode: "index", intersect: false },
        plugins: { legend: { position: "bottom" } },
        scales: { x: { min: 0, max: until }, y: { title: { display: true, text: "median score" } } },
      },
    },
    days: { start: r.meta.start, ticks: monthTicks(r.meta.start, until) },
    units: { y: "points" },
  };
}

/** The paired metrics drawn as rates (bad has its own risk table). */
const RATE_METRICS = new Set<string>(BINARY_METRICS.filter((m) => m !== "bad"));

function intervalChart(diffs: readonly Difference[]): ChartSpec {
  const rates = diffs.filter((d) => RATE_METRICS.has(d.metric));
  const label = (d: Difference) => METRIC_LABELS[d.metric as keyof typeof METRIC_LABELS] ?? d.metric;
  const significant = (d: Difference) => d.ci95[0] > 0 || d.ci95[1] < 0;
  return {
    id: "intervals",
    config: {
      type: "bar",
      data: {
        labels: rates.map(label),
        datasets: [
          {
            label: "95 % interval of the change (percentage points)",
            data: rates.map((d) => [d.ci95[0] * 100, d.ci95[1] * 100] as [number, number]),
            backgroundColor: rates.map((d) =>
              significant(d) ? toneFill("warn", 0.75) : toneFill("neutral", 0.35),
            ),
            borderColor: rates.map((d) => (significant(d) ? PALETTE.warn : PALETTE.neutral)),
            borderWidth: 1,
            borderSkipped: false,
            minBarLength: 3,
            unit: "percent",
            notes: rates.map((d) => [
              `change ${d.difference >= 0 ? "+" : "−"}${Math.abs(d.difference * 100).toFixed(2)} pp`,
              significant(d) ? "the interval excludes 0" : "the interval includes 0: no clear change",
            ]),
          },
        ],
      },
      options: {
        indexAxis: "y",
        plugins: { legend: { display: false } },
        scales: {
          x: {
            title: { display: true, text: "challenger − champion, percentage points" },
            grid: { color: PALETTE.grid },
          },
        },
      },
    },
    units: { x: "percent" },
  };
}

function frontierChart(f: Frontier): ChartSpec {
  const pts = [...f.points].sort((a, b) => a.x - b.x);
  return {
    id: "frontier",
    config: {
      type: "scatter",
      data: {
        datasets: [
          {
            label: f.title,
            data: pts.map((p) => ({ x: p.x, y: p.y })),
            showLine: true,
            borderColor: PALETTE.score,
            backgroundColor: pts.map((p) => (p.chosen ? PALETTE.variant : PALETTE.score)),
            pointRadius: pts.map((p) => (p.chosen ? 8 : 5)),
            titles: pts.map((p) => p.label),
            notes: pts.map((p) => [`${f.x.label}: ${p.x}`, `${f.y.label}: ${p.y}`]),
            hideValue: true,
          },
        ],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: {
          x: { title: { display: true, text: f.x.label } },
          y: { title: { display: true, text: f.y.label } },
        },
      },
    },
    units: { x: f.x.unit, y: f.y.unit },
  };
}

/** Approval against bad rate, one point per variant; the variants no other one dominates stand out. */
export function sweepFrontier(rows: readonly VariantRow[]): Frontier {
  return {
    title: "Approval rate against bad rate",
    x: { label: "bad rate", unit: "percent" },
    y: { label: "approval rate", unit: "percent" },
    points: rows.map((v, i) => ({
      label: `#${i + 1} ${paramsText(v.params)}`,
      x: Math.round(v.metrics.badRate * 10000) / 100,
      y: Math.round(v.metrics.approvalRate * 10000) / 100,
      chosen: !v.dominated,
    })),
  };
}

/** The sweep's variants as the text report's frontier table has them: dominated ones marked. */
function variantTable(rows: readonly VariantRow[]): string {
  const head = ["#", "parameters", "approved", "bad", "loss", "revenue", "profit", "Gini", "KS", "PSI", ""]
    .map((h) => `<th>${h}</th>`)
    .join("");
  const ratio = (x: number | null) => (x === null ? "–" : x.toFixed(2));
  const body = rows
    .map((v, i) => {
      const m = v.metrics;
      const cells = [
        String(i + 1),
        esc(paramsText(v.params)),
        pct(m.approvalRate),
        pct(m.badRate),
        yuan(m.loss),
        yuan(m.revenue),
        yuan(m.profit),
        ratio(m.gini),
        ratio(m.ks),
        ratio(v.psi),
        v.dominated ? "dominated" : "",
      ];
      return `<tr${v.dominated ? ' style="opacity:.55"' : ""}>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
    })
    .join("");
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table><p class="note" style="margin-top:8px">dominated: another variant approves as many or more, with a bad rate no higher and a profit no lower; PSI: the end score distribution against the base policy</p>`;
}

export function simulateHtml(
  r: PopulationResult,
  assets: HtmlAssets,
  options: SimulateHtmlOptions = {},
): string {
  const m = r.meta;
  const groups = summarise(r).groups;
  const all = groups.find((g) => g.persona === OVERALL) ?? groups[groups.length - 1]!;
  const ch = all.champion;
  const cc = all.challenger;
  const vs = (f: (s: ArmSummary) => number | null) =>
    cc ? `${m.challenger?.name}: ${pct(f(cc))}` : undefined;
  const headline = stats([
    { label: "accounts", value: int(m.accounts), tone: "neutral", sub: `${m.days} days each` },
    {
      label: `approved (${m.policy.name})`,
      value: pct(ch.approvalRate),
      tone: "good",
      ...(vs((s) => s.approvalRate) ? { sub: vs((s) => s.approvalRate)! } : {}),
    },
    {
      label: `suspended (${m.policy.name})`,
      value: pct(ch.suspensionRate),
      tone: "bad",
      ...(vs((s) => s.suspensionRate) ? { sub: vs((s) => s.suspensionRate)! } : {}),
    },
    {
      label: "restored, of the suspended",
      value: pct(ch.restorationRate),
      tone: "info",
      ...(vs((s) => s.restorationRate) ? { sub: vs((s) => s.restorationRate)! } : {}),
    },
    {
      label: "median final score",
      value: ch.score ? String(ch.score.median) : "–",
      tone: "neutral",
      ...(cc?.score ? { sub: `${m.challenger?.name}: ${cc.score.median}` } : {}),
    },
  ]);
  const charts: ChartSpec[] = [histogramChart(r), medianChart(r, { champion: ch, challenger: cc })];
  const body: string[] = [
    headline,
    section(
      `Outcomes under ${m.policy.name}`,
      outcomeTable(groups.map((g) => ({ persona: g.persona, arm: g.champion }))),
      {
        note: "Approved, suspended (credit, security, policy) and closed: shares of the accounts. Restored and ≤ 180 d: shares of the suspended ones; days: median days to restore. Limit and score: medians; charges: penalties and interest per account.",
      },
    ),
  ];
  if (r.challenger && m.challenger) {
    body.push(
      section(
        `Outcomes under ${m.challenger.name}`,
        outcomeTable(
          groups.filter((g) => g.challenger).map((g) => ({ persona: g.persona, arm: g.challenger! })),
        ),
      ),
    );
  }
  body.push(
    `<div class="grid2">${section("Score distribution at the end", chartBox("scores", 300, "final score distribution"))}${section("Median score over time", chartBox("median", 300, "median score over time"))}</div>`,
  );
  charts.push(delinquencyChart(r, { champion: ch, challenger: cc }));
  body.push(
    section(
      `Portfolio under ${m.policy.name}${m.challenger ? ` and ${m.challenger.name}` : ""}`,
      `${portfolioTable(groups.map((g) => ({ persona: g.persona, arm: g.champion })))}${
        r.challenger && m.challenger
          ? `<h3>${esc(m.challenger.name)}</h3>${portfolioTable(
              groups.filter((g) => g.challenger).map((g) => ({ persona: g.persona, arm: g.challenger! })),
            )}`
          : ""
      }${chartBox("delinquency", 280, "share of the book 30+ and 90+ days past due by month end")}`,
      {
        note: `Book: the balance on the last month end${ch.portfolio.day === null ? "" : ` (day ${ch.portfolio.day})`}, Huabei and Jiebei together, written-off balances excluded; 30+, 90+: its share more than 30 / 90 days past due; 12 months: over the last 12 month ends (Σ past due ÷ Σ book). Per year: spells of suspension, closures by the lender and charge-offs per account-year open. Loss rate: net write-offs a year over the average book.`,
      },
    ),
  );
  if (all.differences && m.challenger) {
    charts.push(intervalChart(all.differences));
    const rows = all.differences
      .map((d) => {
        const rate = RATE_METRICS.has(d.metric);
        const f = (x: number | null) => (x === null ? "–" : rate ? pct(x) : x.toFixed(2));
        const diff = rate
          ? `${d.difference >= 0 ? "+" : "−"}${Math.abs(d.difference * 100).toFixed(2)} pp`
          : `${d.difference >= 0 ? "+" : "−"}${Math.abs(d.difference).toFixed(2)}`;
        const ci = rate
          ? `[${(d.ci95[0] * 100).toFixed(2)}, ${(d.ci95[1] * 100).toFixed(2)}]`
          : `[${d.ci95[0].toFixed(2)}, ${d.ci95[1].toFixed(2)}]`;
        const sig = d.ci95[0] > 0 || d.ci95[1] < 0;
        return `<tr${sig ? ' style="background:#fffbeb"' : ""}><td>${esc(METRIC_LABELS[d.metric as keyof typeof METRIC_LABELS] ?? d.metric)}</td><td class="num">${f(d.champion)}</td><td class="num">${f(d.challenger)}</td><td class="num">${diff}</td><td class="num">${ci}</td></tr>`;
      })
      .join("");
    const flips = Object.entries(all.flips ?? {})
      .sort(([, a], [, b]) => b - a)
      .map(([k, v]) => `<tr><td>${esc(k)}</td><td class="num">${int(v)}</td></tr>`)
      .join("");
    const sample = r.flips
      .slice(0, 10)
      .map(
        (f) =>
          `<tr><td class="num">#${f.index}</td><td>${esc(f.persona)}</td><td>${esc(f.champion)} → ${esc(f.challenger)}</td></tr>`,
      )
      .join("");
    body.push(
      section(
        `Champion ${m.policy.name} vs challenger ${m.challenger.name}`,
        `${chartBox("intervals", 300, "differences with 95 % intervals")}<h3>Every difference</h3><div class="scroll"><table><thead><tr><th>metric</th><th class="num">${esc(m.policy.name)}</th><th class="num">${esc(m.challenger.name)}</th><th class="num">change</th><th class="num">95 % interval</th></tr></thead><tbody>${rows}</tbody></table></div>`,
        {
          note: `Paired on the same ${int(ch.accounts)} accounts${m.challengerFrom > 0 ? `; the challenger takes over on day ${m.challengerFrom}` : ""}. Highlighted: the interval excludes 0.`,
        },
      ),
      section(
        `Accounts whose outcome flips: ${int(all.flipped ?? 0)}`,
        `<div class="grid2"><div><h3>By transition</h3><table><tbody>${flips || '<tr><td class="empty">none</td></tr>'}</tbody></table></div><div><h3>A sample</h3><table><tbody>${sample || '<tr><td class="empty">none</td></tr>'}</tbody></table>${options.exportHint ? `<p class="note" style="margin-top:8px">Replay one: <code>${esc(options.exportHint)}</code></p>` : ""}</div></div>`,
      ),
    );
  }
  const rows = variantRows(r);
  const trade = options.frontier ?? (rows ? sweepFrontier(rows) : null);
  if (trade) {
    charts.push(frontierChart(trade));
    body.push(
      section(trade.title, chartBox("frontier", 320, trade.title), {
        note: "Each point is one policy variant of the sweep; the large ones are not dominated.",
      }),
    );
  }
  if (rows) body.push(section("Variants of the sweep", variantTable(rows)));
  const money = `penalty income ${yuan(ch.penaltiesTotal)}, revolving interest ${yuan(ch.chargesTotal - ch.penaltiesTotal)}; still overdue at the end ${yuan(ch.overdueAtEndTotal)} on ${int(ch.overdueAtEndAccounts)} accounts`;
  body.push(section(`Money (${m.policy.name})`, `<p>${esc(money)}</p>`));
  return htmlPage(
    {
      title: m.challenger ? `${m.policy.name} vs ${m.challenger.name}` : `Population under ${m.policy.name}`,
      kind: "Population",
      lede: `${int(m.accounts)} synthetic accounts from ${m.personas.length} persona${m.personas.length === 1 ? "" : "s"} (${m.personas.map((p) => p.name).join(", ")}), ${m.days} days each from ${m.start}.`,
      facts: [
        ["seed", String(m.seed)],
        ["policy", m.policy.name],
        ...(m.challenger
          ? ([
              [
                "challenger",
                `${m.challenger.name}${m.challengerFrom > 0 ? ` from day ${m.challengerFrom}` : ""}`,
              ],
            ] as Array<[string, string]>)
          : []),
        ...(m.range[0] !== 0 || m.range[1] !== m.accounts
          ? ([["accounts", `${m.range[0]}–${m.range[1] - 1}`]] as Array<[string, string]>)
          : []),
      ],
      body: body.join("\n"),
      charts,
    },
    assets,
  );
}
