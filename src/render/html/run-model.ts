// A scenario run as the HTML report sees it: plain data (money in yuan), built from the engine's trace.
// The renderer (run.ts) never touches engine objects, so new engine fields cannot break it silently.

import {
  Calendar,
  type Cause,
  type Decision,
  ENGINE_EVENT_TYPES,
  fenToYuan,
  isReasonCode,
  type LineId,
  REASONS,
  type ReasonCode,
  type RuleFact,
  type Scenario,
  type ScoreInputs,
  type Snapshot,
  type Status,
  type Trace,
} from "../../engine/index.js";
import {
  adviceOf,
  describeEvent,
  describeFact,
  describeRemedy,
  lineName,
  linesHeld,
  reasonTextIn,
} from "../../scenario/format.js";
import { GRID_LEGEND } from "../grid-legend.js";
import { scoreChangeText } from "../score-change.js";
import { type LineEnd, lineEnd } from "../summary.js";

export interface ReasonView {
  code: string;
  text: string;
  /** what helps, in the customer's words */
  advice: string;
  kind: string;
  /** the numbers behind a rule's code: "670 vs delinquentMinScore 680" */
  numbers?: string;
  /** a rule that acted beside the decision, not one of its reasons (a limit cut with a suspension) */
  also?: boolean;
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
  /** the line the step decided on ("Huabei", "Jiebei"), or null */
  line: string | null;
  /** Jiebei's standing after the step, once the customer has the line */
  jiebei: { limit: number; balance: number; status: Status; cause: Cause | null } | null;
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
  start: string;
  until: number;
  steps: StepView[];
  /** Huabei at the end (a charged-off debt's `writtenOff`: off the balance, still owed), as the text
   *  summary has it */
  final: LineEnd & {
    day: number;
    date: string;
    score: number;
    /** Jiebei at the end, when the customer has the line */
    jiebei: LineEnd | null;
  };
  grid: RepaymentGrid | null;
  /** the customer has (had) a Jiebei line too */
  twoLines: boolean;
}

const ENGINE_EVENTS = new Set<string>(ENGINE_EVENT_TYPES);

/** A reason's words; its advice as things stand `at` (a step, its `facts`), when given. */
export function reasonView(
  code: ReasonCode | string,
  at?: Snapshot & { judged?: ScoreInputs },
  facts: readonly RuleFact[] = [],
): ReasonView {
  if (!isReasonCode(code)) return { code, text: code, advice: "", kind: "" };
  const info = REASONS[code];
  // on a step, a score reason in the words its characteristic's points call for (reasonTextIn)
  const inputs = at?.judged ?? at?.inputs;
  const text = inputs !== undefined ? reasonTextIn(code, inputs, facts) : info.text;
  return { code, text, advice: adviceOf(code, at, facts), kind: info.kind };
}

function withNumbers(r: ReasonView, facts: readonly RuleFact[]): ReasonView {
  const numbers = facts
    .map(describeFact)
    .filter((t) => t !== "")
    .join("; ");
  return numbers ? { ...r, numbers } : r;
}

/** The engine's repayment grid of each line that was ever opened, as table data. */
function gridOf(trace: Trace): RepaymentGrid | null {
  const lines = (Object.entries(trace.grid) as Array<[LineId, Trace["grid"]["huabei"]]>).filter(
    ([, months]) => months !== undefined && months.length > 0,
  );
  if (lines.length === 0) return null;
  const columns = [...new Set(lines.flatMap(([, months]) => months!.map((m) => m.month)))].sort();
  return {
    columns,
    rows: lines.map(([line, months]) => {
      const byMonth = new Map(months!.map((m) => [m.month, m.code]));
      return {
        label: lineName(line),
        cells: columns.map((month) => {
          const code = byMonth.get(month) ?? "";
          return { code, title: `${lineName(line)} ${month}: ${code || "no record"}` };
        }),
      };
    }),
    legend: GRID_LEGEND.map((g) =>
      // a month with a repayment late within it shows, though it ends settled
      g.code === "1–7"
        ? { ...g, text: `${g.text}, during the month (a repayment late within the month shows)` }
        : g,
    ),
  };
}

export function runView(
  scenario: Scenario,
  trace: Trace,
  grid: RepaymentGrid | null = gridOf(trace),
): RunView {
  const yuan = (fen: number) => Number(fenToYuan(fen));
  return {
    name: scenario.name,
    description: scenario.description,
    policy: scenario.policy.name,
    start: scenario.start,
    until: trace.until,
    steps: trace.steps.map((s) => ({
      day: s.day,
      date: s.date,
      event: s.event.type,
      text: describeEvent(s),
      engine: ENGINE_EVENTS.has(s.event.type),
      decision: s.decision,
      // with the numbers compared, and the rules that acted beside the decision: what the text trace says
      reasons: [
        ...s.reasons.map((code) =>
          withNumbers(
            reasonView(code, s, s.facts),
            s.facts.filter((f) => f.code === code),
          ),
        ),
        ...s.facts
          .filter((f) => !s.reasons.includes(f.code))
          .map((f) => ({ ...withNumbers(reasonView(f.code, s, s.facts), [f]), also: true })),
      ],
      moves: (s.moves.length || s.byTime ? scoreChangeText(s) : null) ?? "",
      remedies: s.remedies.map((r) => describeRemedy(r, linesHeld(s))),
      score: s.score,
      scoreDelta: s.scoreDelta,
      limit: yuan(s.limit),
      balance: yuan(s.balance),
      status: s.status,
      cause: s.cause,
      line: s.line === null ? null : lineName(s.line),
      jiebei:
        s.jiebei.status === "none"
          ? null
          : {
              limit: yuan(s.jiebei.limit),
              balance: yuan(s.jiebei.balance),
              status: s.jiebei.status,
              cause: s.jiebei.cause,
            },
    })),
    final: {
      day: trace.final.day,
      date: new Calendar(scenario.start).date(trace.final.day),
      score: trace.final.score,
      ...lineEnd(trace.final),
      jiebei: trace.final.jiebei.status === "none" ? null : lineEnd(trace.final.jiebei),
    },
    grid,
    twoLines: trace.steps.some((s) => s.line === "jiebei" || s.jiebei.status !== "none"),
  };
}
