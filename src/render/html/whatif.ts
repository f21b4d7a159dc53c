// `credit-sim whatif --html FILE`: base and variant side by side — both timelines on the same scales, the
// score curves overlaid, the decisions that differ, and how the account ends in each. Pure.

import type { Decision } from "../../engine/index.js";
import { describeEvent, money, signed } from "../../scenario/format.js";
import { maxOf, minOf } from "../../shared/lists.js";
import {
  type Comparison,
  type DecisionDifference,
  dayOfVerdict,
  keyEventNumber,
  type Outcome,
  type Verdict,
} from "../../whatif/compare.js";
import { absentText, firstSuspensionChange } from "../compare.js";
import { decisionCell } from "../trace.js";
import { type ChartSpec, ON_TOP, PALETTE } from "./chart-spec.js";
import { decisionTone, monthTicks, statusText } from "./common.js";
import { esc, escAmounts } from "./escape.js";
import { chartBox, chip, type HtmlAssets, htmlPage, scrollBox, section, stats } from "./page.js";
import { seriesOf, timelineChart } from "./run.js";
import { type ReasonView, type RunView, reasonView } from "./run-model.js";

interface SideView {
  day: number;
  date: string;
  decision: Decision | null;
  /** the decision in words, its line first in a run that involves Jiebei ("Jiebei suspended") */
  decided: string | null;
  reasons: ReasonView[];
}

interface DifferenceView {
  day: string;
  event: string;
  kind: "decision" | "reasons";
  base: SideView | null;
  variant: SideView | null;
  /** what to say for a missing side */
  baseMissing: string;
  variantMissing: string;
}

export interface WhatifView {
  base: RunView;
  variant: RunView;
  labels: { base: string; variant: string };
  edits: string[];
  differences: DifferenceView[];
  outcome: Array<{ label: string; base: string; variant: string; change: string }>;
  changed: boolean;
}

function side(v: Verdict, twoLines: boolean): SideView | null {
  return v.decision === "absent"
    ? null
    : {
        day: v.day,
        date: v.date,
        decision: v.decision,
        decided: v.decision === null ? null : decisionCell(v.step, twoLines),
        reasons: v.reasons.map((r) => reasonView(r)),
      };
}

function absent(d: DecisionDifference, v: Verdict): string {
  return v.decision === "absent" ? absentText(d, v.why) : "";
}

function differenceView(d: DecisionDifference, twoLines: boolean): DifferenceView {
  const a = dayOfVerdict(d.base);
  const b = dayOfVerdict(d.variant);
  const any = d.base.decision !== "absent" ? d.base : d.variant;
  const text = any.decision === "absent" ? "" : describeEvent(any.step);
  const id = keyEventNumber(d.key);
  return {
    day: a !== undefined && b !== undefined && a !== b ? `${a} → ${b}` : String(a ?? b),
    event: id !== null ? `#${id} ${text}` : text,
    kind: d.kind,
    base: side(d.base, twoLines),
    variant: side(d.variant, twoLines),
    baseMissing: absent(d, d.base),
    variantMissing: absent(d, d.variant),
  };
}

function outcomeRows(b: Outcome, v: Outcome) {
  const same = "same";
  const delta = (x: number, y: number) => (x === y ? same : signed(y - x));
  const fen = (x: number, y: number) =>
    x === y ? same : `${y - x > 0 ? "+" : "−"}${money(Math.abs(y - x))}`;
  const st = (o: Outcome) => statusText(o.status, o.cause);
  const first = (o: Outcome) => (o.firstSuspendedDay === null ? "never" : `day ${o.firstSuspendedDay}`);
  return [
    {
      label: "final status",
      base: st(b),
      variant: st(v),
      change: st(b) === st(v) ? same : `${st(b)} → ${st(v)}`,
    },
    {
      label: "final score",
      base: String(b.score),
      variant: String(v.score),
      change: delta(b.score, v.score),
    },
    { label: "final limit", base: money(b.limit), variant: money(v.limit), change: fen(b.limit, v.limit) },
    {
      label: "final balance",
      base: money(b.balance),
      variant: money(v.balance),
      change: fen(b.balance, v.balance),
    },
    {
      label: "charges",
      base: money(b.charges),
      variant: money(v.charges),
      change: fen(b.charges, v.charges),
    },
    {
      label: "suspensions",
      base: String(b.suspensions),
      variant: String(v.suspensions),
      change: delta(b.suspensions, v.suspensions),
    },
    {
      label: "first suspended",
      base: first(b),
      variant: first(v),
      change: firstSuspensionChange(b, v) ?? same,
    },
    {
      label: "days suspended",
      base: String(b.daysSuspended),
      variant: String(v.daysSuspended),
      change: delta(b.daysSuspended, v.daysSuspended),
    },
    {
      label: "declines",
      base: String(b.declines),
      variant: String(v.declines),
      change: delta(b.declines, v.declines),
    },
  ];
}

export function whatifView(
  runs: { base: RunView; variant: RunView },
  comparison: Comparison,
  edits: readonly string[],
  labels = { base: "as it happened", variant: "what if" },
): WhatifView {
  const b = comparison.base;
  const v = comparison.variant;
  return {
    ...runs,
    labels,
    edits: [...edits],
    differences: comparison.differences.map((d) =>
      differenceView(d, runs.base.twoLines || runs.variant.twoLines),
    ),
    outcome: outcomeRows(b, v),
    changed: b.status !== v.status || b.cause !== v.cause || b.suspensions !== v.suspensions,
  };
}

/** Both score curves on one chart (base solid, variant dashed) with the base's suspensions shaded. */
function overlayChart(w: WhatifView, until: number, start: string): ChartSpec {
  const line = (label: string, v: RunView, colour: string, dashed: boolean) => ({
    label,
    data: seriesOf(v).map((p) => ({ x: p.day, y: p.score })),
    yAxisID: "y",
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 2.5,
    pointRadius: 0,
    pointStyle: "line",
    // a value holds until the day of the step that changed it (Chart.js "after" draws it from the step before)
    stepped: "before",
    ...(dashed ? { borderDash: [7, 4], ...ON_TOP } : {}),
  });
  return {
    id: "overlay",
    config: {
      type: "line",
      data: {
        datasets: [
          line(w.labels.base, w.base, PALETTE.score, false),
          line(w.labels.variant, w.variant, PALETTE.variant, true),
        ],
      },
      options: {
        interaction: { mode: "index", intersect: false },
        plugins: { legend: { position: "bottom" } },
        scales: { x: { min: 0, max: until }, y: { title: { display: true, text: "score" } } },
      },
    },
    days: { start, ticks: monthTicks(start, until) },
    units: { y: "points" },
  };
}

function sideCell(s: SideView | null, missing: string): string {
  if (!s) return `<td class="empty">${esc(missing)}</td>`;
  const reasons = s.reasons
    .map((r) => `<div><span class="code">${esc(r.code)}</span> ${esc(r.text)}</div>`)
    .join("");
  return `<td>${s.decision && s.decided ? chip(s.decided, decisionTone(s.decision)) : '<span class="empty">no decision</span>'}${reasons}</td>`;
}

export function whatifHtml(w: WhatifView, assets: HtmlAssets): string {
  const until = Math.max(w.base.until, w.variant.until);
  const start = w.base.start;
  const baseChart = timelineChart("base-timeline", w.base);
  const variantChart = timelineChart("variant-timeline", w.variant);
  // the same scales on both sides, so the eye can compare them
  const scores = [...seriesOf(w.base), ...seriesOf(w.variant)];
  const money = scores.map((p) => Math.max(p.limit, p.balance));
  for (const c of [baseChart, variantChart]) {
    const scales = c.config.options!.scales as Record<string, Record<string, unknown>>;
    scales.x = { ...scales.x, max: until };
    scales.y = {
      ...scales.y,
      min: Math.max(350, Math.floor((minOf(scores.map((p) => p.score)) - 30) / 50) * 50),
      max: Math.min(950, Math.ceil((maxOf(scores.map((p) => p.score)) + 30) / 50) * 50),
    };
    scales.y1 = { ...scales.y1, max: Math.ceil((maxOf(money, 1000) * 1.05) / 1000) * 1000 };
    c.days = { start, ticks: monthTicks(start, until) };
  }
  const decisions = w.differences.filter((d) => d.kind === "decision");
  // at a phone's width the table scrolls sideways, not the page
  const outcomeTable = `<div class="xscroll"><table><thead><tr><th></th><th class="num">${esc(w.labels.base)}</th><th class="num">${esc(w.labels.variant)}</th><th class="num">change</th></tr></thead><tbody>${w.outcome
    .map(
      (r) =>
        `<tr><th>${esc(r.label)}</th><td class="num">${esc(r.base)}</td><td class="num">${esc(r.variant)}</td><td class="num${r.change === "same" ? " empty" : ""}">${esc(r.change)}</td></tr>`,
    )
    .join("")}</tbody></table></div>`;
  const diffTable = w.differences.length
    ? `<div class="${scrollBox(w.differences.length)}"><table><thead><tr><th class="num">day</th><th>event</th><th>${esc(w.labels.base)}</th><th>${esc(w.labels.variant)}</th></tr></thead><tbody>${w.differences
        .map(
          (d) =>
            `<tr><td class="num">${esc(d.day)}</td><td>${escAmounts(d.event)}${d.kind === "reasons" ? ' <span class="empty">(other reasons)</span>' : ""}</td>${sideCell(d.base, d.baseMissing)}${sideCell(d.variant, d.variantMissing)}</tr>`,
        )
        .join("")}</tbody></table></div>`
    : `<p class="empty">Every decision is the same in both runs.</p>`;
  const o = (label: string) => w.outcome.find((r) => r.label === label)!;
  const body = [
    stats([
      {
        label: "final status",
        value:
          o("final status").change === "same"
            ? `${o("final status").variant} in both`
            : o("final status").change,
        tone: o("final status").change === "same" ? "neutral" : "warn",
      },
      {
        label: "suspensions",
        value: `${o("suspensions").base} → ${o("suspensions").variant}`,
        tone: o("suspensions").change === "same" ? "neutral" : "warn",
      },
      {
        label: "decisions that differ",
        value: String(decisions.length),
        tone: decisions.length ? "warn" : "neutral",
      },
      {
        label: "final score",
        value: o("final score").change === "same" ? "same" : o("final score").change,
        tone: "info",
        sub: `${o("final score").base} → ${o("final score").variant}`,
      },
      {
        label: "days suspended",
        value: `${o("days suspended").base} → ${o("days suspended").variant}`,
        tone: o("days suspended").change === "same" ? "neutral" : "warn",
      },
    ]),
    w.edits.length
      ? section("What was changed", `<ul>${w.edits.map((e) => `<li>${esc(e)}</li>`).join("")}</ul>`)
      : "",
    section("Score: both runs", chartBox("overlay", 300, "score of both runs over time"), {
      note: `${w.labels.base}: solid; ${w.labels.variant}: dashed.`,
    }),
    `<div class="grid2">${section(w.labels.base, chartBox("base-timeline", 320, `${w.labels.base}: score, limit and balance`, { tip: "below" }))}${section(w.labels.variant, chartBox("variant-timeline", 320, `${w.labels.variant}: score, limit and balance`, { tip: "below" }))}</div>`,
    section(
      `Decisions that differ (${decisions.length})${w.differences.length > decisions.length ? `, and ${w.differences.length - decisions.length} with other reasons` : ""}`,
      diffTable,
      {
        note: "Events keep their numbers across edits; the engine's own steps (reviews, overdues) are matched by day.",
      },
    ),
    section("How the account ends", outcomeTable),
  ].join("\n");
  return htmlPage(
    {
      title: w.base.name,
      kind: "What-if",
      lede: w.edits.length ? `What if: ${w.edits.join("; ")}` : "The variant has no edits.",
      facts: [
        [
          "policy",
          w.base.policy === w.variant.policy ? w.base.policy : `${w.base.policy} → ${w.variant.policy}`,
        ],
        ["from", start],
        ["days", `0–${until}`],
      ],
      body,
      charts: [overlayChart(w, until, start), baseChart, variantChart],
    },
    assets,
  );
}
