// The human trace of `credit-sim run`: one line per step, reasons and score movements beneath,
// then a summary of what happened to the account and a score chart. Colour comes in as a Chalk instance.

import type { ChalkInstance } from "chalk";
import type { Decision, Scenario, Step, Trace } from "../engine/index.js";
import { band, CHARACTERISTICS, explain, probabilityOfDefault } from "../engine/index.js";
import { describeEvent, describeRemedy, money, reasonText, signed } from "../scenario/format.js";
import { scoreChart } from "./chart.js";

export interface TraceRenderOptions {
  chalk: ChalkInstance;
  explain: boolean;
  chart: boolean;
  /** width of the event column (the longest event text of the trace, by default) */
  eventWidth?: number;
}

const DEFAULT_EVENT_WIDTH = 44;

/** The event column fits the longest event text, within reason. */
function eventColumnWidth(steps: readonly Step[]): number {
  let width = 20;
  for (const s of steps) width = Math.max(width, describeEvent(s.event, s.applied).length);
  return Math.min(width, 72);
}

const TITLE = new Map(CHARACTERISTICS.map((c) => [c.id as string, c.title]));

export function decisionColour(c: ChalkInstance, d: Decision | null): (s: string) => string {
  switch (d) {
    case "approved":
    case "restored":
      return c.green;
    case "approved_lower":
    case "limit_reduced":
      return c.yellow;
    case "declined":
    case "suspended":
    case "closed":
      return c.red;
    case "info":
      return c.cyan;
    case null:
      return (s) => s;
  }
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const padStart = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

function statusText(s: Step): string {
  return s.status === "suspended" ? `suspended (${s.cause})` : s.status;
}

function renderStep(step: Step, o: TraceRenderOptions): string[] {
  const c = o.chalk;
  const isEngine = ["statement", "due", "overdue", "review"].includes(step.event.type);
  const event = describeEvent(step.event, step.applied);
  const decision = step.decision ?? "";
  const width = o.eventWidth ?? DEFAULT_EVENT_WIDTH;
  const line = [
    padStart(String(step.day), 4),
    c.dim(step.date),
    isEngine ? c.dim(pad(event, width)) : pad(event, width),
    decisionColour(c, step.decision)(pad(decision, 14)),
    `${padStart(String(step.score), 3)} ${pad(step.scoreDelta === 0 ? "" : `(${signed(step.scoreDelta)})`, 6)}`,
    padStart(money(step.limit), 12),
    padStart(money(step.balance), 12),
    statusText(step),
  ].join("  ");
  const lines = [line];
  const indent = " ".repeat(18);
  // a routine purchase approval's WITHIN_LIMIT would double the trace's length for nothing (JSON keeps it)
  const routine = step.event.type === "purchase" && step.decision === "approved";
  if (!routine) for (const code of step.reasons) lines.push(`${indent}${c.bold(code)}  ${reasonText(code)}`);
  if (step.moves.length > 0) {
    const moves = step.moves.map(
      (m) => `${TITLE.get(m.characteristic) ?? m.characteristic} ${signed(m.to - m.from)}`,
    );
    lines.push(c.dim(`${indent}score ${signed(step.scoreDelta)}: ${moves.join(", ")}`));
  }
  for (const r of step.remedies) lines.push(`${indent}${c.cyan("→")} ${describeRemedy(r)}`);
  if (o.explain && step.decision !== null) lines.push(...renderExplain(step, o).map((l) => indent + l));
  return lines;
}

function renderExplain(step: Step, o: TraceRenderOptions): string[] {
  const c = o.chalk;
  const lines = [
    c.dim(
      `score ${step.score} (${band(step.score)}, est. default probability ${(probabilityOfDefault(step.score) * 100).toPrecision(2)} %) = 350 +`,
    ),
  ];
  for (const f of explain(step.inputs)) {
    const value =
      typeof f.value === "number"
        ? Number.isInteger(f.value)
          ? String(f.value)
          : f.value.toFixed(2)
        : String(f.value ?? "—");
    const short = f.characteristic.max - f.points;
    lines.push(
      c.dim(
        `  ${pad(f.characteristic.title, 44)} ${padStart(value, 6)}  ${pad(f.bin, 14)} ${padStart(String(f.points), 3)}/${f.characteristic.max}${short > 0 ? `  (−${short} ${f.characteristic.reason})` : ""}`,
      ),
    );
  }
  return lines;
}

function renderHeader(scenario: Scenario, o: TraceRenderOptions): string[] {
  const c = o.chalk;
  const header = [
    c.bold(scenario.name) + (scenario.description ? ` — ${scenario.description}` : ""),
    c.dim(
      `policy ${scenario.policy.name}, seed ${scenario.seed}, from ${scenario.start}, days 0–${scenario.until}`,
    ),
    "",
    c.bold(
      [
        padStart("day", 4),
        pad("date", 10),
        pad("event", o.eventWidth ?? DEFAULT_EVENT_WIDTH),
        pad("decision", 14),
        pad("score", 10),
        padStart("limit", 12),
        padStart("balance", 12),
        "status",
      ].join("  "),
    ),
  ];
  return header;
}

/** What happened, in a few sentences: suspensions with their reasons, restorations, the end state. */
function renderSummary(trace: Trace, o: TraceRenderOptions): string[] {
  const c = o.chalk;
  const lines = [c.bold("Summary")];
  const decisions = trace.steps.filter((s) => s.decision !== null && s.decision !== "info");
  const counts = new Map<string, number>();
  for (const s of decisions) counts.set(s.decision!, (counts.get(s.decision!) ?? 0) + 1);
  lines.push(`  decisions: ${[...counts].map(([d, n]) => `${n} ${d}`).join(", ") || "none"}`);
  let suspended: Step | null = null;
  for (const s of trace.steps) {
    if (s.decision === "suspended") {
      suspended = s;
      lines.push(
        `  ${c.red("suspended")} on day ${s.day} (${s.date}), cause ${s.cause}, because: ${s.reasons.map(reasonText).join("; ")}`,
      );
    } else if (s.decision === "restored") {
      const days = suspended ? s.day - suspended.day : 0;
      const after = suspended ? ` after ${days} day${days === 1 ? "" : "s"}` : "";
      lines.push(
        `  ${c.green("restored")} on day ${s.day} (${s.date})${after}: ${s.reasons.map(reasonText).join("; ")}`,
      );
      suspended = null;
    } else if (s.decision === "limit_reduced") {
      lines.push(`  ${c.yellow("limit reduced")} on day ${s.day} (${s.date}) to ${money(s.limit)}`);
    } else if (s.decision === "closed") {
      lines.push(`  ${c.red("closed")} on day ${s.day} (${s.date}): ${s.reasons.map(reasonText).join("; ")}`);
    }
  }
  const f = trace.final;
  const status = f.status === "suspended" ? `suspended (${f.cause})` : f.status;
  lines.push(
    `  end (day ${f.day}): ${status}, score ${f.score} (${band(f.score)}), limit ${money(f.limit)}, balance ${money(f.balance)}, charges paid or owed ${money(f.charges)}`,
  );
  return lines;
}

export function renderTrace(scenario: Scenario, trace: Trace, options: TraceRenderOptions): string {
  const o = { ...options, eventWidth: options.eventWidth ?? eventColumnWidth(trace.steps) };
  const lines = renderHeader(scenario, o);
  for (const step of trace.steps) lines.push(...renderStep(step, o));
  lines.push("", ...renderSummary(trace, o));
  if (o.chart) {
    lines.push(
      "",
      o.chalk.bold("Score over time"),
      scoreChart([{ label: scenario.name, points: trace.scoreSeries }], trace.until),
    );
  }
  return `${lines.join("\n")}\n`;
}
