// `credit-sim run --html FILE`: one scenario's story as a page — score, limit and balance over time with
// every decision marked (its reasons on hover), suspensions shaded, the decisions step by step, the
// repayment grid when the model provides one, and every step in a table. Pure: data in, HTML out.

import { DECISIONS, type Decision, type Status } from "../../engine/index.js";
import { decisionText, yuanText } from "../../scenario/format.js";
import { maxOf, minOf } from "../../shared/lists.js";
import { wrapText } from "../../shared/text.js";
import { daysSuspended, suspensionStarts } from "../../whatif/goal.js";
import { decisionCounts } from "../summary.js";
import type { ChartSpec, Dataset } from "./chart-spec.js";
import { DASH, PALETTE } from "./chart-spec.js";
import {
  decisionTone,
  lineDatasets,
  moneyTexts,
  monthTicks,
  scoreMoneyScales,
  statusText,
  statusTone,
} from "./common.js";
import { esc, escAmounts } from "./escape.js";
import { chartBox, chip, type HtmlAssets, htmlPagePieces, section, sectionPieces, stats } from "./page.js";
import type { RepaymentGrid, RunView, StepView } from "./run-model.js";

const MARKER_STYLE: Record<string, string> = {
  approved: "circle",
  approved_lower: "rectRot",
  declined: "crossRot",
  suspended: "triangle",
  limit_reduced: "triangle", // pointing down (MARKER_ROTATION): not approved_lower's diamond of the same colour
  restored: "star",
  limit_restored: "triangle", // pointing up, in the good tone: limit_reduced's marker turned back
  closed: "rect",
  info: "rectRounded",
};

const MARKER_ROTATION: Record<string, number> = { limit_reduced: 180 };

/** Decisions in the vocabulary's order, so two charts (what-if's side by side) list them alike. */
const byVocabulary = ([a]: [string, unknown], [b]: [string, unknown]): number =>
  DECISIONS.indexOf(a as (typeof DECISIONS)[number]) - DECISIONS.indexOf(b as (typeof DECISIONS)[number]);

/** A routine purchase approval would bury the decisions that matter; the table still lists it. */
const isNotable = (s: StepView): boolean =>
  s.decision !== null && !(s.event === "purchase" && s.decision === "approved");

/** Points a step without a decision must move the score by to be a turning point of the story. */
const TURNING_POINTS = 20;

/** The story's steps: every notable decision, every payment turning overdue, and the steps that moved the
 *  score by TURNING_POINTS or more (an arrears repayment, a month-end report) — what led to a decision. */
const isStoryStep = (s: StepView): boolean =>
  isNotable(s) || s.event === "overdue" || Math.abs(s.scoreDelta) >= TURNING_POINTS;

/** Spans of days a line spent suspended (or closed, or charged off), for shading. */
function suspensionSpans(v: RunView) {
  const spans: Array<{ from: number; to: number; label: string; tone: "bad" | "warn"; status: Status }> = [];
  const lines = [
    { name: "Huabei", tone: "bad" as const, of: (s: StepView) => ({ status: s.status, cause: s.cause }) },
    { name: "Jiebei", tone: "warn" as const, of: (s: StepView) => s.jiebei },
  ];
  for (const line of lines) {
    let open: { from: number; label: string; status: Status } | null = null;
    const prefix = v.twoLines ? `${line.name} ` : "";
    const close = (to: number) => {
      if (open) spans.push({ ...open, to, tone: line.tone });
      open = null;
    };
    for (const s of v.steps) {
      const st = line.of(s);
      const down = st !== null && st.status !== "active" && st.status !== "none";
      // a closure or a charge-off ends the suspension before it: its days are not suspended ones (a
      // change of cause is the same suspension)
      if (!down || open?.status !== st.status) close(s.day);
      if (down && open === null)
        open = { from: s.day, label: prefix + statusText(st.status, st.cause), status: st.status };
    }
    close(v.until);
  }
  return spans;
}

/** What the chart's shading stands for: the statuses its spans have (a closure and a charge-off are shaded
 *  too — "Shaded: suspended." was said over a closed line's months); nothing when none is shaded. */
function shadedNote(v: RunView): string {
  const has = new Set(suspensionSpans(v).map((s) => s.status));
  const kinds = (["suspended", "closed", "charged_off"] as const).filter((k) => has.has(k));
  if (kinds.length === 0) return "";
  const words = kinds.map((k) => statusText(k, null));
  return `Shaded: ${words.length === 1 ? words[0] : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`}. `;
}

function stepNotes(s: StepView): string[] {
  const lines = [
    `${s.text} → ${s.decision ? decisionText(s.decision) : "no decision"}${s.line && s.decision ? ` (${s.line})` : ""}`,
  ];
  for (const r of s.reasons) lines.push(...wrapText(`${r.code}: ${r.text}`));
  if (s.moves) lines.push(...wrapText(s.moves));
  for (const r of s.remedies) lines.push(...wrapText(`→ ${r}`));
  // the numbers of the line the step is about, named when there are two, as the step list's standing: a
  // Jiebei suspension's tooltip gave Huabei's limit and balance, unnamed
  const jiebei = s.line === "Jiebei";
  const l = jiebei ? (s.jiebei ?? { limit: 0, balance: 0 }) : s;
  const name = s.jiebei || jiebei ? `${jiebei ? "Jiebei" : "Huabei"} ` : "";
  lines.push(`score ${s.score}, ${name}limit ${yuanText(l.limit)}, balance ${yuanText(l.balance)}`);
  return lines;
}

/** Score, limit and balance step by step, ending on the run's last day as the end state has them (time
 *  may have moved the score after the last step: the chart ends where the "score at the end" card says). */
export function seriesOf(v: RunView) {
  const points = v.steps.map((s) => ({ day: s.day, score: s.score, limit: s.limit, balance: s.balance }));
  const end = { day: v.until, score: v.final.score, limit: v.final.limit, balance: v.final.balance };
  const last = points.at(-1);
  if (last && last.day < v.until) points.push(end);
  else if (last) Object.assign(last, { score: end.score });
  return points;
}

/** Decision markers, one dataset per decision so the legend reads as a key. */
export function markerDatasets(v: RunView, options: { prefix?: string } = {}): Dataset[] {
  const byDecision = new Map<Decision, StepView[]>();
  for (const s of v.steps.filter(isNotable)) {
    const list = byDecision.get(s.decision!) ?? [];
    list.push(s);
    byDecision.set(s.decision!, list);
  }
  const overdue = v.steps.filter((s) => s.event === "overdue");
  const overdueSet: Dataset[] = overdue.length
    ? [
        {
          label: `${options.prefix ?? ""}overdue`,
          type: "line",
          showLine: false,
          data: overdue.map((s) => ({ x: s.day, y: s.score })),
          yAxisID: "y",
          pointStyle: "circle",
          pointRadius: 4,
          pointHoverRadius: 7,
          pointBorderColor: PALETTE.bad,
          pointBorderWidth: 2,
          backgroundColor: "#fff",
          borderColor: PALETTE.bad,
          notes: overdue.map(stepNotes),
          titles: overdue.map((s) => `day ${s.day} · ${s.date}`),
          hideValue: true,
          order: 1,
          clip: false,
        },
      ]
    : [];
  return [
    ...[...byDecision].sort(byVocabulary).map(([decision, steps]) => {
      const colour = PALETTE[decisionTone(steps[0]!.decision)];
      return {
        label: `${options.prefix ?? ""}${decisionText(decision)}`,
        type: "line",
        showLine: false,
        data: steps.map((s) => ({ x: s.day, y: s.score })),
        yAxisID: "y",
        pointStyle: MARKER_STYLE[decision] ?? "circle",
        ...(MARKER_ROTATION[decision] ? { pointRotation: MARKER_ROTATION[decision] } : {}),
        pointRadius: decision === "restored" || decision === "suspended" ? 9 : 7,
        pointHoverRadius: 11,
        // crosses and stars are drawn as strokes: they take the colour; filled shapes get a white rim
        pointBorderColor: decision === "declined" || decision === "restored" ? colour : "#fff",
        pointBorderWidth: decision === "declined" || decision === "restored" ? 3 : 1.5,
        backgroundColor: colour,
        borderColor: colour,
        notes: steps.map(stepNotes),
        titles: steps.map((s) => `day ${s.day} · ${s.date}`),
        hideValue: true,
        order: 0,
        // a marker on the first or last day is drawn whole, not cut in half by the chart's edge
        clip: false,
      };
    }),
    ...overdueSet,
  ];
}

/** Jiebei's limit and balance, beside Huabei's, once the customer has the line. */
function jiebeiDatasets(v: RunView): Dataset[] {
  if (!v.twoLines) return [];
  const pts = v.steps.map((s) => ({
    day: s.day,
    limit: s.jiebei?.limit ?? 0,
    balance: s.jiebei?.balance ?? 0,
  }));
  // ending on the run's end state, as Huabei's lines do
  const last = pts.at(-1);
  const end = v.final.jiebei;
  if (last && last.day < v.until)
    pts.push(end ? { day: v.until, limit: end.limit, balance: end.balance } : { ...last, day: v.until });
  const line = (label: string, key: "limit" | "balance", dash: readonly number[]) => ({
    label,
    data: pts.map((p) => ({ x: p.day, y: p[key] })),
    texts: moneyTexts(pts, key),
    yAxisID: "y1",
    borderColor: key === "limit" ? PALETTE.jiebei : PALETTE.jiebeiBalance,
    backgroundColor: key === "limit" ? PALETTE.jiebei : PALETTE.jiebeiBalance,
    borderWidth: 1.75,
    borderDash: [...dash],
    pointRadius: 0,
    pointHoverRadius: 0,
    pointStyle: "line",
    // a value holds until the day of the step that changed it (Chart.js "after" draws it from the step before)
    stepped: "before",
    order: 3,
  });
  return [
    line("Jiebei limit", "limit", DASH.jiebeiLimit),
    line("Jiebei balance", "balance", DASH.jiebeiBalance),
  ];
}

export function timelineChart(id: string, v: RunView, options: { money?: boolean } = {}): ChartSpec {
  const points = seriesOf(v);
  const scores = points.map((p) => p.score);
  const money = options.money !== false;
  const huabei = lineDatasets(points, { money });
  if (v.twoLines) for (const d of huabei.slice(1)) d.label = `Huabei ${d.label}`;
  return {
    id,
    config: {
      type: "line",
      data: { datasets: [...markerDatasets(v), ...huabei, ...(money ? jiebeiDatasets(v) : [])] },
      options: {
        interaction: { mode: "markers", intersect: false },
        plugins: { legend: { position: "bottom" } },
        scales: {
          ...scoreMoneyScales(minOf(scores), maxOf(scores), money, maxMoney(v, points)),
          x: { min: 0, max: v.until },
        },
      },
    },
    days: { start: v.start, ticks: monthTicks(v.start, v.until) },
    units: money ? { y: "points", y1: "yuan" } : { y: "points" },
    spans: suspensionSpans(v),
  };
}

/** The largest amount the chart's money lines draw: either line's limit or balance, Jiebei's included. */
function maxMoney(v: RunView, points: ReturnType<typeof seriesOf>): number {
  const jiebei = [...v.steps.map((s) => s.jiebei), v.final.jiebei].flatMap((j) =>
    j ? [j.limit, j.balance] : [],
  );
  return maxOf([...points.flatMap((p) => [p.limit, p.balance]), ...jiebei], 0);
}

function reasonItems(s: StepView): string {
  const reasons = s.reasons
    .map(
      (r) =>
        `<li${r.also ? ' class="also"' : ""}>${r.also ? "also " : ""}<span class="code">${esc(r.code)}</span> ${esc(r.text)}${r.numbers ? ` <span class="numbers">(${esc(r.numbers)})</span>` : ""}</li>`,
    )
    .join("");
  // "day" keeps its number when the line wraps ("(day 375)"), as the terminal's fitting keeps it
  const remedies = s.remedies
    .map((r) => `<li class="remedy">→ ${esc(r).replace(/\bday (\d)/g, "day&nbsp;$1")}</li>`)
    .join("");
  const moves = s.moves ? `<li class="moves">${esc(s.moves)}</li>` : "";
  return reasons || remedies || moves ? `<ul class="reasons">${reasons}${moves}${remedies}</ul>` : "";
}

/** The limit and status of the line a step is about (Jiebei's for a Jiebei decision). */
function standing(s: StepView): string {
  // a Jiebei decision before Jiebei ever opened (a refused application) is about a line with none: it
  // read Huabei's limit and status, unnamed
  const jiebei = s.line === "Jiebei";
  const l = jiebei ? (s.jiebei ?? { limit: 0, status: "none" as const, cause: null }) : s;
  return `${s.jiebei || jiebei ? `${jiebei ? "Jiebei" : "Huabei"} ` : ""}limit ${yuanText(l.limit)} · ${esc(statusText(l.status, l.cause))}`;
}

function* decisionList(steps: readonly StepView[]): Generator<string> {
  if (steps.length === 0) {
    yield `<p class="empty">No decisions in this run.</p>`;
    return;
  }
  yield `<ol class="timeline">`;
  for (const s of steps)
    yield `<li class="tone-${decisionTone(s.decision)}"><div class="when">day ${s.day} · ${esc(s.date)} · score ${s.score}${s.scoreDelta ? ` (${s.scoreDelta > 0 ? "+" : "−"}${Math.abs(s.scoreDelta)})` : ""} · ${standing(s)}</div><div class="what">${escAmounts(s.text)}${s.decision ? ` ${chip(decisionText(s.decision), decisionTone(s.decision))}` : ""}${s.line ? ` <span class="when">${esc(s.line)}</span>` : ""}</div>${reasonItems(s)}</li>`;
  yield `</ol>`;
}

function* stepsTable(steps: readonly StepView[]): Generator<string> {
  // with a Jiebei line, the limit, balance and status columns are Huabei's, and said so: a ¥45,000 Jiebei
  // loan beside "balance ¥0.00" read as a loan that went nowhere
  const two = steps.some((s) => s.jiebei);
  const jiebeiCells = (s: StepView) =>
    two
      ? `<td class="num">${s.jiebei ? yuanText(s.jiebei.limit) : "–"}</td><td class="num">${s.jiebei ? yuanText(s.jiebei.balance) : "–"}</td>`
      : "";
  const huabei = two ? "Huabei " : "";
  const jiebeiHead = two ? `<th class="num">Jiebei limit</th><th class="num">Jiebei balance</th>` : "";
  // two more columns: the compact style the population tables use, so the events keep their room
  yield `<div class="scroll tall"><table${two ? ' class="wide"' : ""}><thead><tr><th class="num">day</th><th>date</th><th>event</th><th>decision</th><th>reasons</th><th class="num">score</th><th class="num">${huabei}limit</th><th class="num">${huabei}balance</th><th>${huabei}status</th>${jiebeiHead}</tr></thead><tbody>
`;
  for (const [i, s] of steps.entries())
    yield `${i > 0 ? "\n" : ""}<tr${s.engine ? ' class="engine"' : ""}><td class="num">${s.day}</td><td class="mono">${esc(s.date)}</td><td>${escAmounts(s.text)}</td><td>${s.decision ? chip(decisionText(s.decision), decisionTone(s.decision)) : ""}</td><td>${s.reasons.map((r) => `<span class="code" title="${esc(r.text)}">${esc(r.code)}</span>`).join(" ")}</td><td class="num">${s.score}</td><td class="num">${yuanText(s.limit)}</td><td class="num">${yuanText(s.balance)}</td><td>${esc(statusText(s.status, s.cause))}</td>${jiebeiCells(s)}</tr>`;
  yield `
</tbody></table></div>`;
}

function gridTable(grid: RepaymentGrid): string {
  const cls = (code: string) =>
    code === "N" || code === "*" || code === "C"
      ? "g-ok"
      : /^[1-7]$/.test(code)
        ? "g-late"
        : code === "" || code === "/" || code === "#"
          ? "g-none"
          : "g-other";
  const head = grid.columns.map((c) => `<th>${esc(c)}</th>`).join("");
  const rows = grid.rows
    .map(
      (r) =>
        `<tr><th>${esc(r.label)}</th>${r.cells.map((c) => `<td class="${cls(c.code)}"${c.title ? ` title="${esc(c.title)}"` : ""}>${esc(c.code || "·")}</td>`).join("")}</tr>`,
    )
    .join("");
  const legend = grid.legend?.length
    ? `<div class="legend-row">${grid.legend.map((l) => `<span><span class="code">${esc(l.code)}</span> ${esc(l.text)}</span>`).join("")}</div>`
    : "";
  return `<div class="scroll"><table class="grid-table"><thead><tr><th></th>${head}</tr></thead><tbody>${rows}</tbody></table></div>${legend}`;
}

export function runHtml(v: RunView, assets: HtmlAssets): string {
  return [...runHtmlPieces(v, assets)].join("");
}

/** The page a piece at a time (see htmlPagePieces): its decisions and its table of every step row by
 *  row, its chart's data value by value. */
export function runHtmlPieces(v: RunView, assets: HtmlAssets): Generator<string> {
  const notable = v.steps.filter(isNotable);
  const counts = decisionCounts(notable.map((s) => s.decision));
  // answers (info) are marked too, but are no decision of the lender's: counted apart
  const answers = notable.filter((s) => s.decision === "info").length;
  const shown = [
    ...counts.map(([d, n]) => `${n} ${decisionText(d)}`),
    ...(answers > 0 ? [`and ${answers} ${answers === 1 ? "answer" : "answers"} (info)`] : []),
  ];
  // a suspended line's change of cause is the same suspension
  const suspensions = suspensionStarts(v.steps).length;
  const f = v.final;
  const j = f.jiebei;
  const on = j ? "Huabei " : "";
  const headline = stats([
    {
      label: `${on}status at the end (day ${f.day})`,
      value: statusText(f.status, f.cause),
      tone: statusTone(f.status),
      ...(j ? { sub: `Jiebei: ${statusText(j.status, j.cause)}` } : {}),
    },
    { label: "score at the end", value: String(f.score), tone: "info" },
    {
      label: `${on}limit`,
      value: yuanText(f.limit),
      tone: "neutral",
      ...(j ? { sub: `Jiebei: ${yuanText(j.limit)}` } : {}),
    },
    {
      label: `${on}balance`,
      value: yuanText(f.balance),
      tone: "neutral",
      // a charged-off debt left the balance but is still owed: the card said ¥0.00 and nothing more
      sub: [
        j ? `Jiebei: ${yuanText(j.balance)}` : `charges paid or owed ${yuanText(f.charges)}`,
        ...(f.writtenOff > 0 ? [`${on}written off ${yuanText(f.writtenOff)}`] : []),
        ...(j && j.writtenOff > 0 ? [`Jiebei written off ${yuanText(j.writtenOff)}`] : []),
      ].join("; "),
    },
    {
      label: suspensions === 1 ? "suspension" : "suspensions",
      value: String(suspensions),
      tone: suspensions ? "bad" : "good",
      sub: suspensions ? `${daysSuspended(v.steps, v.until)} days suspended` : "never suspended",
    },
  ]);
  const chart = timelineChart("timeline", v);
  function* body(): Generator<string> {
    yield headline;
    yield "\n";
    yield section(
      "Score, limit and balance over time",
      chartBox("timeline", 380, `score, limit and balance of ${v.name} over time`, { tip: "side" }),
      {
        note: `Each marker is a decision: point at it, and its reasons and what the customer can do show next to the chart (click or tap it to keep them there). ${shadedNote(v)}Decisions shown: ${shown.join(", ") || "none"} (purchases approved within the limit are among every step below, not marked).`,
      },
    );
    yield "\n";
    yield v.grid
      ? section("Repayment grid", gridTable(v.grid), {
          note: "One cell per month, as a credit report shows it.",
        })
      : "";
    yield "\n";
    yield* sectionPieces("Decisions, step by step", decisionList(v.steps.filter(isStoryStep)), {
      note: `Every decision with its reason codes, the characteristics that moved the score, and the remedies customer service gives; with them, each payment turning overdue and each other step that moved the score by ${TURNING_POINTS} points or more.`,
    });
    yield "\n";
    yield* sectionPieces("Every step", everyStep(v.steps));
  }
  return htmlPagePieces(
    {
      title: v.name,
      kind: "Scenario run",
      ...(v.description ? { lede: v.description } : {}),
      facts: [
        ["policy", v.policy],
        ["from", v.start],
        ["days", `0–${v.until}`],
      ],
      body: body(),
      charts: [chart],
    },
    assets,
  );
}

/** Every step's row, folded away. */
function* everyStep(steps: readonly StepView[]): Generator<string> {
  yield `<details><summary>Show all ${steps.length} steps (the engine's own in grey)</summary>`;
  yield* stepsTable(steps);
  yield "</details>";
}
