// A scenario run as the HTML report sees it: plain data (money in yuan), built from the engine's trace.
// The renderer (run.ts) never touches engine objects, so new engine fields cannot break it silently.

import {
  Calendar,
  type Cause,
  CHARACTERISTICS,
  type Decision,
  fenToYuan,
  REASONS,
  type ReasonCode,
  type Scenario,
  type Status,
  type Trace,
} from "../../engine/index.js";
import { describeEvent, describeRemedy, money, signed } from "../../scenario/format.js";

export interface ReasonView {
  code: string;
  text: string;
  /** what helps, in the customer's words */
  advice: string;
  kind: string;
}

export interface StepView {
  day: number;
  date: string;
  /** the event type (apply, review, …) */
  event: string;
  /** the event as a sentence */
  text: string;
  /** true for the engine's own steps (statement, due, overdue, review) */
  engine: boolean;
  decision: Decision | null;
  reasons: ReasonView[];
  /** "Days overdue now −35, …" */
  moves: string;
  remedies: string[];
  score: number;
  scoreDelta: number;
  /** yuan */
  limit: number;
  balance: number;
  status: Status;
  cause: Cause | null;
}

/** A PBOC-style repayment grid: one row per credit line, one cell per month ("N" paid, "1" 1–30 days
 *  late, …). Optional: the report shows it when the model provides one. */
export interface RepaymentGrid {
  columns: string[];
  rows: Array<{ label: string; cells: Array<{ code: string; title?: string }> }>;
  legend?: Array<{ code: string; text: string }>;
}

export interface RunView {
  name: string;
  description: string;
  policy: string;
  seed: number;
  start: string;
  until: number;
  steps: StepView[];
  final: {
    day: number;
    date: string;
    status: Status;
    cause: Cause | null;
    score: number;
    limit: number;
    balance: number;
    charges: number;
  };
  grid: RepaymentGrid | null;
}

const ENGINE_EVENTS = new Set(["statement", "due", "overdue", "review"]);
const TITLE = new Map(CHARACTERISTICS.map((c) => [c.id as string, c.title]));

export function reasonView(code: ReasonCode | string): ReasonView {
  const info = (REASONS as Record<string, { text: string; advice: string; kind: string } | undefined>)[code];
  return { code, text: info?.text ?? code, advice: info?.advice ?? "", kind: info?.kind ?? "" };
}

export function runView(scenario: Scenario, trace: Trace, grid: RepaymentGrid | null = null): RunView {
  const yuan = (fen: number) => Number(fenToYuan(fen));
  return {
    name: scenario.name,
    description: scenario.description,
    policy: scenario.policy.name,
    seed: scenario.seed,
    start: scenario.start,
    until: trace.until,
    steps: trace.steps.map((s) => ({
      day: s.day,
      date: s.date,
      event: s.event.type,
      text: describeEvent(s.event, s.applied),
      engine: ENGINE_EVENTS.has(s.event.type),
      decision: s.decision,
      reasons: s.reasons.map(reasonView),
      moves: s.moves.length
        ? `score ${signed(s.scoreDelta)}: ${s.moves
            .map((m) => `${TITLE.get(m.characteristic) ?? m.characteristic} ${signed(m.to - m.from)}`)
            .join(", ")}`
        : "",
      remedies: s.remedies.map(describeRemedy),
      score: s.score,
      scoreDelta: s.scoreDelta,
      limit: yuan(s.limit),
      balance: yuan(s.balance),
      status: s.status,
      cause: s.cause,
    })),
    final: {
      day: trace.final.day,
      date: new Calendar(scenario.start).date(trace.final.day),
      status: trace.final.status,
      cause: trace.final.cause,
      score: trace.final.score,
      limit: yuan(trace.final.limit),
      balance: yuan(trace.final.balance),
      charges: yuan(trace.final.charges),
    },
    grid,
  };
}

/** ¥1,234.50 from yuan. */
export const yuanText = (yuan: number): string => money(Math.round(yuan * 100));
