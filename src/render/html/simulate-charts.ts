// The charts of the population page, as Chart.js specifications: score distributions, the median score
// over time, delinquency by month end, champion against challenger as intervals, a sweep's frontier. Pure.

import type { LineId } from "../../engine/index.js";
import { SCORE_MIN } from "../../population/aggregate.js";
import { type Difference, METRIC_LABELS, significant } from "../../population/differences.js";
import { BINARY_METRICS } from "../../population/paired.js";
import type { PopulationResult, VariantRow } from "../../population/result.js";
import { SAMPLE_EVERY } from "../../population/settings.js";
import { type ArmSummary, overall, type RiskSummary } from "../../population/stats.js";
import { approvalOf, paramsText } from "../../population/sweep.js";
import { balancePercent, balanceShare, differenceText } from "../population-format.js";
import { chartedApproval, chartedAxis, VARIANT_RATES } from "../population-risk.js";
import { type ChartSpec, ON_TOP, PALETTE, rgba, toneFill, type Unit } from "./chart-spec.js";
import { monthTicks } from "./common.js";

/** A sweep's trade-off curve: one point per policy variant. */
export interface Frontier {
  title: string;
  x: { label: string; unit: Unit };
  y: { label: string; unit: Unit };
  /** `text`: x and y as the page's tables print them (else the number with its unit); `mark`: its name
   *  drawn beside it ("#3", as the table of variants numbers it) */
  points: Array<{
    label: string;
    x: number;
    y: number;
    chosen?: boolean;
    text?: { x: string; y: string };
    mark?: string;
  }>;
}

/** The share of the book 30+ and 90+ days past due at each month end, per arm. */
export function delinquencyChart(
  r: PopulationResult,
  all: { champion: ArmSummary; challenger: ArmSummary | null },
): ChartSpec {
  const line = (
    label: string,
    s: ArmSummary,
    k: "dpd30Balance" | "dpd90Balance",
    colour: string,
    dashed: boolean,
  ) => ({
    label,
    // the share from its balances, unrounded; its tooltip is the portfolio table's text, rounded once
    data: s.portfolio.monthEnd.map((p) => ({ x: p.day, y: balancePercent(p[k], p.balance) })),
    texts: s.portfolio.monthEnd.map((p) => balanceShare(p[k], p.balance)),
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 2,
    pointRadius: 2,
    // straight segments: a smoothed curve would show values the data does not have
    tension: 0,
    unit: "percent",
    // the challenger's lines: dashed, lighter, triangles (the legend shows the point style), drawn on top
    ...(dashed
      ? { borderDash: [7, 4], borderColor: `${colour}99`, pointStyle: "triangle", pointRadius: 3, ...ON_TOP }
      : {}),
  });
  const challenger = all.challenger && r.meta.challenger ? all.challenger : null;
  const until = r.meta.days - 1;
  return {
    id: "delinquency",
    config: {
      type: "line",
      data: {
        datasets: [
          line(`30+ (${r.meta.policy.name})`, all.champion, "dpd30Balance", PALETTE.warn, false),
          line(`90+ (${r.meta.policy.name})`, all.champion, "dpd90Balance", PALETTE.bad, false),
          ...(challenger
            ? [
                line(`30+ (${r.meta.challenger!.name})`, challenger, "dpd30Balance", PALETTE.warn, true),
                line(`90+ (${r.meta.challenger!.name})`, challenger, "dpd90Balance", PALETTE.bad, true),
              ]
            : []),
        ],
      },
      options: {
        interaction: { mode: "index", intersect: false },
        plugins: { legend: { position: "bottom" } },
        scales: {
          x: { min: 0, max: until, title: { display: true, text: "date (each point a month end)" } },
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

export function histogramChart(r: PopulationResult): ChartSpec {
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
            pointStyle: "rect",
            unit: "percent",
          },
          ...(challenger && r.meta.challenger
            ? [
                // outlined, not only another hue: the arms read apart in greyscale and without colour vision
                // (the legend's squares too: each is drawn as its dataset's bars)
                {
                  label: r.meta.challenger.name,
                  data: align(challenger),
                  backgroundColor: rgba(PALETTE.variant, 0.12),
                  borderColor: PALETTE.variant,
                  borderWidth: 2,
                  pointStyle: "rect",
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

export function medianChart(
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
    tension: 0,
    ...(dashed ? { borderDash: [7, 4], ...ON_TOP } : {}),
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
        // (titled as the delinquency chart's x axis is: what a point stands for)
        scales: {
          x: {
            min: 0,
            max: until,
            title: { display: true, text: `date (a point every ${SAMPLE_EVERY} days)` },
          },
          y: { title: { display: true, text: "median score" } },
        },
      },
    },
    days: { start: r.meta.start, ticks: monthTicks(r.meta.start, until) },
    units: { y: "points" },
  };
}

/** The paired metrics drawn as rates: every share of all accounts, the bad rate among them — the risk
 *  table's bad rate (of the booked) has no interval, and "is the challenger safer?" is this chart's first
 *  question (it once left bad out, and a page whose bad rate barely moved showed no bar to say so). */
const RATE_METRICS = new Set<string>(BINARY_METRICS);

export function intervalChart(diffs: readonly Difference[]): ChartSpec {
  const rates = diffs.filter((d) => RATE_METRICS.has(d.metric));
  const label = (d: Difference) => METRIC_LABELS[d.metric as keyof typeof METRIC_LABELS] ?? d.metric;
  return {
    id: "intervals",
    config: {
      type: "bar",
      data: {
        labels: rates.map(label),
        datasets: [
          {
            label: "95 % interval of the change (percentage points)",
            // without accounts, no interval: no bar (null: a [0, 0] would still be drawn, minBarLength wide)
            data: rates.map((d) =>
              d.ci95 === null ? null : ([d.ci95[0] * 100, d.ci95[1] * 100] as [number, number]),
            ),
            backgroundColor: rates.map((d) =>
              significant(d) ? toneFill("warn", 0.75) : toneFill("neutral", 0.35),
            ),
            borderColor: rates.map((d) => (significant(d) ? PALETTE.warn : PALETTE.neutral)),
            borderWidth: 1,
            borderSkipped: false,
            minBarLength: 3,
            unit: "pp",
            // the interval as the table of differences prints it
            texts: rates.map((d) => differenceText(d).interval),
            notes: rates.map((d) => [
              `change ${differenceText(d).change}`,
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
    units: { x: "pp" },
  };
}

export function frontierChart(f: Frontier): ChartSpec {
  // the line is the frontier itself: the variants no other dominates, in bad-rate order (joining every
  // variant would zigzag through dominated ones and read as a frontier it is not); the dominated stand apart
  const byX = [...f.points].sort((a, b) => a.x - b.x);
  const onLine = byX.filter((p) => p.chosen !== false);
  const apart = byX.filter((p) => p.chosen === false);
  const dataset = (label: string, pts: typeof byX, line: boolean, colour: string, radius: number) => ({
    label,
    data: pts.map((p) => ({ x: p.x, y: p.y })),
    showLine: line,
    borderColor: colour,
    backgroundColor: colour,
    pointRadius: pts.map(() => radius),
    // a hovered point grows (Chart.js's default hover radius, 4, would shrink it)
    pointHoverRadius: pts.map(() => radius + 2),
    titles: pts.map((p) => p.label),
    marks: pts.map((p) => p.mark ?? ""),
    notes: pts.map((p) => [
      `${f.x.label}: ${p.text?.x ?? withUnit(p.x, f.x.unit)}`,
      `${f.y.label}: ${p.text?.y ?? withUnit(p.y, f.y.unit)}`,
    ]),
    hideValue: true,
  });
  return {
    id: "frontier",
    config: {
      type: "scatter",
      data: {
        datasets: [
          dataset(
            apart.length > 0 ? "not dominated (the frontier)" : f.title,
            onLine,
            true,
            PALETTE.variant,
            7,
          ),
          ...(apart.length > 0
            ? [dataset("dominated by another variant", apart, false, PALETTE.neutral, 5)]
            : []),
        ],
      },
      options: {
        plugins: { legend: { display: apart.length > 0 } },
        scales: {
          x: { title: { display: true, text: f.x.label }, ...floorOf(byX.map((p) => p.x)) },
          y: { title: { display: true, text: f.y.label }, ...floorOf(byX.map((p) => p.y)) },
        },
      },
    },
    units: { x: f.x.unit, y: f.y.unit },
  };
}

/** A frontier point's value in its tooltip, with its unit: "bad rate: 0.29 %", not "0.29". */
function withUnit(v: number, unit: Unit): string {
  return unit === "percent" ? `${v} %` : String(v);
}

/** Chart.js centres an axis of equal values on them (0 % drawn between −1 % and 1 %): a rate starts at 0. */
function floorOf(values: readonly number[]): { min?: number } {
  const first = values[0];
  return first !== undefined && first >= 0 && values.every((v) => v === first) ? { min: 0 } : {};
}

/** Approval against bad rate, one point per variant; the variants no other one dominates stand out.
 *  `risks`: each variant's risk figures (its booked accounts), as the table of variants reads them;
 *  `line`: the line whose own approval rate is plotted (chartedLine), or null for both lines'. */
export function sweepFrontier(
  rows: readonly VariantRow[],
  risks: readonly RiskSummary[],
  line: LineId | null = null,
): Frontier {
  const axis = chartedAxis(line);
  const approved = chartedApproval(line);
  return {
    title: `${axis.charAt(0).toUpperCase()}${axis.slice(1)} against bad rate`,
    x: { label: "bad rate", unit: "percent" },
    y: { label: axis, unit: "percent" },
    // a variant that booked no one has no bad rate: no point (its row in the table says "–")
    points: rows.flatMap((v, i) => {
      const x = v.metrics.badRate;
      const y = approvalOf(v.metrics, line);
      if (x === null || y === null) return [];
      const risk = risks[i]!;
      const row = { metrics: v.metrics, bads: risk.all, lines: risk };
      return [
        {
          label: `#${i + 1} ${paramsText(v.params)}`,
          mark: `#${i + 1}`,
          x: Math.round(x * 10000) / 100,
          y: Math.round(y * 10000) / 100,
          chosen: !v.dominated,
          // as the table of variants prints them
          text: { x: VARIANT_RATES.bad(row), y: approved(row) },
        },
      ];
    }),
  };
}
