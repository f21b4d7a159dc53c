// The human trace of `credit-sim run`: one line per step, reasons and score movements beneath,
// then a summary of what happened to the account and a score chart. Colour comes in as a Chalk instance.

import type { ChalkInstance } from "chalk";
import type { Decision, LineId, LineSnapshot, Scenario, Step, Trace } from "../engine/index.js";
import {
  band,
  ENGINE_EVENT_TYPES,
  explain,
  probabilityOfDefault,
  reasonInputs,
  SCORE_MAX,
  SCORE_MIN,
} from "../engine/index.js";
import {
  decisionText,
  describeEvent,
  describeFact,
  describeRemedy,
  lineName,
  linesHeld,
  money,
  nothingToDo,
  reasonAdvice,
  reasonText,
  reasonTextIn,
  recalledInSentence,
  signed,
  statusText,
  undatedReasons,
} from "../scenario/format.js";
import { columnsOf, padColumns, padColumnsStart, printable, printableName } from "../shared/text.js";
import { chartWidth, scoreChart } from "./chart.js";
import { factorLines, factorWords, percentWithArticle, tableName } from "./factor-table.js";
import { GRID_LEGEND } from "./grid-legend.js";
import { scoreChangeText } from "./score-change.js";
import { decisionCounts } from "./summary.js";

export interface TraceRenderOptions {
  chalk: ChalkInstance;
  explain: boolean;
  chart: boolean;
  /** width of the event column (the longest event text of the trace, by default) */
  eventWidth?: number;
  /** show Jiebei's columns (when the scenario uses Jiebei, by default) */
  jiebei?: boolean;
  /** the terminal's width, when the text is fitted to one: a row too wide for it puts the score and the
   *  lines' standing on a labelled line beneath (nothing is cut) */
  columns?: number;
  /** the widest status text of the trace (measured by renderTrace) */
  statusWidth?: number;
}

/** Columns a step's reasons, moves and remedies are indented by (under the event column). */
const STEP_INDENT = 18;
/** Whether a trace involves Jiebei at all: then each row shows both lines. */
export function usesJiebei(trace: Trace): boolean {
  return trace.steps.some((s) => s.line === "jiebei" || s.jiebei.status !== "none");
}

const DEFAULT_EVENT_WIDTH = 44;

/** The event column fits the longest event text, within reason. */
function eventColumnWidth(steps: readonly Step[]): number {
  let width = 20;
  for (const s of steps) width = Math.max(width, columnsOf(describeEvent(s)));
  return Math.min(width, 72);
}

export function decisionColour(c: ChalkInstance, d: Decision | null): (s: string) => string {
  switch (d) {
    case "approved":
    case "restored":
    case "limit_restored":
      return c.green;
    case "approved_lower":
    case "limit_reduced":
      return c.yellow;
    case "declined":
    case "suspended":
    case "closed":
    case "charged_off":
      return c.red;
    case "info":
      return c.cyan;
    case null:
      return (s) => s;
  }
}

// in terminal columns: an event names a merchant as written (a Chinese one takes two a character)
const pad = padColumns;
const padStart = padColumnsStart;

const standing = (s: LineSnapshot): string => statusText(s.status, s.cause);

/** The decision cell: on a two-line trace, the line decided on comes first ("Jiebei declined"). */
export function decisionCell(step: Step, twoLines: boolean): string {
  if (step.decision === null) return "";
  const words = decisionText(step.decision);
  return twoLines && step.line !== null ? `${lineName(step.line)} ${words}` : words;
}

const DECISION_WIDTH = 14;

function renderStep(step: Step, o: TraceRenderOptions): string[] {
  const c = o.chalk;
  const isEngine = (ENGINE_EVENT_TYPES as readonly string[]).includes(step.event.type);
  const event = describeEvent(step);
  const twoLines = o.jiebei === true;
  const decision = decisionCell(step, twoLines);
  const width = o.eventWidth ?? DEFAULT_EVENT_WIDTH;
  const head = [
    padStart(String(step.day), 4),
    c.dim(step.date),
    isEngine ? c.dim(pad(event, width)) : pad(event, width),
    decisionColour(c, step.decision)(pad(decision, twoLines ? DECISION_WIDTH + 7 : DECISION_WIDTH)),
  ];
  const delta = step.scoreDelta === 0 ? "" : `(${signed(step.scoreDelta)})`;
  const indent = " ".repeat(STEP_INDENT);
  // a decision that does not fit beside the event goes beneath it, under the header's "decision": folded
  // with the event's padding, it landed a few columns further in the shorter the event was
  const beneath = decisionBeneath(o);
  if (beneath) head.pop();
  const decisionLine =
    beneath && decision !== "" ? [`${indent}${decisionColour(c, step.decision)(decision)}`] : [];
  const lines = narrow(o)
    ? [
        head.join("  ").trimEnd(),
        ...decisionLine,
        ...standingLines(step, delta, twoLines, o.columns).map((l) => c.dim(`${indent}${l}`)),
      ]
    : [
        [...head, `${padStart(String(step.score), 3)} ${pad(delta, 6)}`, ...lineCells(step, twoLines)]
          .join("  ")
          .trimEnd(),
      ];
  // a routine purchase approval's WITHIN_LIMIT would double the trace's length for nothing (JSON keeps it)
  const routine =
    (step.event.type === "purchase" || step.event.type === "borrow") && step.decision === "approved";
  if (!routine) {
    for (const code of step.reasons) {
      const facts = step.facts
        .filter((f) => f.code === code)
        .map(describeFact)
        .filter((t) => t !== "");
      const why = facts.length > 0 ? c.dim(` (${facts.join("; ")})`) : "";
      lines.push(`${indent}${c.bold(code)}  ${reasonTextIn(code, reasonInputs(step), step.facts)}${why}`);
    }
    // a rule that acted beside the decision (a limit cut with a suspension) when four reasons left no room
    for (const f of step.facts.filter((x) => !step.reasons.includes(x.code))) {
      const numbers = describeFact(f);
      lines.push(c.dim(`${indent}also ${f.code}  ${reasonText(f.code)}${numbers ? ` (${numbers})` : ""}`));
    }
  }
  // a suspension recorded beneath a security hold: the status column still reads the hold's, so the row
  // says what was recorded (the summary and `explain` say it too)
  if (step.beneath !== undefined)
    lines.push(
      c.dim(
        `${indent}suspended for ${step.beneath} beneath the security hold: the status says security until identity is verified, then ${step.beneath}`,
      ),
    );
  const change = step.moves.length > 0 || step.byTime ? scoreChangeText(step) : null;
  if (change !== null) lines.push(c.dim(`${indent}${change}`));
  for (const r of step.remedies) lines.push(`${indent}${c.cyan("→")} ${describeRemedy(r, linesHeld(step))}`);
  // customer service on a line with nothing to put right still says what helps, as `explain` does: the
  // advice of the reasons it gave
  if (step.event.type === "contact_support" && nothingToDo(step.remedies))
    for (const a of reasonAdvice(undatedReasons(step.reasons, step.remedies), step, [], step.facts))
      lines.push(`${indent}${c.cyan("→")} ${a}`);
  if (o.explain && step.decision !== null) lines.push(...renderExplain(step, o).map((l) => indent + l));
  return lines;
}

function renderExplain(step: Step, o: TraceRenderOptions): string[] {
  const c = o.chalk;
  const factors = explain(step.inputs);
  // the sum said, not left to the reader: "= 350 +" ended the line, and a score kept at 350 by points
  // below zero (a charged-off file) is not 350 + its points
  const points = factors.reduce((sum, f) => sum + f.points, 0);
  const kept = SCORE_MIN + points === step.score ? "" : `, kept within ${SCORE_MIN}–${SCORE_MAX}`;
  const lines = [
    c.dim(
      // the probability in explain's words, with its horizon: "default probability 25 %" said of no period
      `score ${step.score} (${band(step.score)}; ${percentWithArticle(probabilityOfDefault(step.score))} chance of default within a year) = ${SCORE_MIN} ${points < 0 ? "−" : "+"} ${Math.abs(points)} points${kept}:`,
    ),
  ];
  const rows = factors.map((f) => {
    const short = f.characteristic.max - f.points;
    return {
      name: tableName(f.characteristic.title),
      ...factorWords(f),
      points: f.points,
      max: f.characteristic.max,
      // without information, a characteristic is cited by its missing bin's reason, or by none: "no line
      // reported yet" is not high utilisation (as scoreReasons reads it)
      note:
        short <= 0
          ? ""
          : `(−${short}${f.value === null ? (f.characteristic.missing?.reason ? ` ${f.characteristic.missing.reason}` : "") : ` ${f.characteristic.reason}`})`,
      brief: short <= 0 ? "" : `(−${short})`,
    };
  });
  // the trace indents these lines by the step's indent, and two more
  const room = o.columns === undefined ? Number.POSITIVE_INFINITY : o.columns - STEP_INDENT - 2;
  for (const l of factorLines(rows, room)) lines.push(c.dim(`  ${l}`));
  return lines;
}

/** The width of a step's row with every column: the event column, the decision, the score and the lines'. */
function rowWidth(o: TraceRenderOptions): number {
  const event = o.eventWidth ?? DEFAULT_EVENT_WIDTH;
  // the widest status the trace shows ("suspended (security)"); Huabei's is padded to at least 18
  const status = Math.max(18, o.statusWidth ?? 18);
  // day, date, event, decision, score; limit, balance and status of each line; the gaps between
  return o.jiebei === true
    ? 4 + 10 + event + DECISION_WIDTH + 7 + 10 + 2 * (12 + 12 + status) + 10 * 2
    : 4 + 10 + event + DECISION_WIDTH + 10 + 12 + 12 + status + 7 * 2;
}

/** Whether the rows are too wide for the terminal: then each step's numbers go on a line of their own. */
function narrow(o: TraceRenderOptions): boolean {
  return o.columns !== undefined && rowWidth(o) > o.columns;
}

/** Whether, on a narrow terminal, day, date, event and decision are too wide for one line: then the
 *  decision goes on a line of its own beneath the event. */
function decisionBeneath(o: TraceRenderOptions): boolean {
  const decision = o.jiebei === true ? DECISION_WIDTH + 7 : DECISION_WIDTH;
  return narrow(o) && 4 + 10 + (o.eventWidth ?? DEFAULT_EVENT_WIDTH) + decision + 3 * 2 > o.columns!;
}

/** The score and the lines' standing, labelled: "score 670 (−48) · limit ¥3,000.00 · …"; on a two-line
 *  trace Jiebei's standing goes beneath Huabei's — and the score on a line of its own above them when the
 *  two beside it would not fit the terminal (`columns`): at 80 columns each wrapped, Jiebei's twice. */
function standingLines(step: Step, delta: string, twoLines: boolean, columns?: number): string[] {
  const score = `score ${step.score}${delta ? ` ${delta}` : ""}`;
  const line = (l: LineSnapshot) =>
    // the status and its cause wrap as one ("suspended (credit)"), never split over two lines
    `limit ${money(l.limit)} · balance ${money(l.balance)} · ${standing(l).replace(" (", "\u00a0(")}`;
  if (!twoLines) return [`${score} · ${line(step)}`];
  const [huabei, jiebei] = [`Huabei: ${line(step)}`, `Jiebei: ${line(step.jiebei)}`];
  const beside = STEP_INDENT + score.length + 3 + Math.max(huabei.length, jiebei.length);
  if (columns !== undefined && beside > columns) return [score, huabei, jiebei];
  return [`${score} · ${huabei}`, `${" ".repeat(score.length + 3)}${jiebei}`];
}

/** The money and standing columns: Huabei's, and on a two-line trace Jiebei's beside them. */
function lineCells(step: Step, twoLines: boolean): string[] {
  const cells = (l: LineSnapshot) => [padStart(money(l.limit), 12), padStart(money(l.balance), 12)];
  if (!twoLines) return [...cells(step), standing(step)];
  return [...cells(step), pad(standing(step), 18), ...cells(step.jiebei), standing(step.jiebei)];
}

function renderHeader(scenario: Scenario, o: TraceRenderOptions): string[] {
  const c = o.chalk;
  const twoLines = o.jiebei === true;
  const money = (name: string) => [padStart(`${name}limit`, 12), padStart(`${name}balance`, 12)];
  const header = [
    c.bold(printableName(scenario.name)) +
      (scenario.description ? ` — ${printable(scenario.description)}` : ""),
    c.dim(`policy ${printableName(scenario.policy.name)}, from ${scenario.start}, days 0–${scenario.until}`),
    "",
    c.bold(
      [
        padStart("day", 4),
        pad("date", 10),
        pad("event", o.eventWidth ?? DEFAULT_EVENT_WIDTH),
        ...(narrow(o)
          ? decisionBeneath(o)
            ? []
            : ["decision"]
          : [
              pad("decision", twoLines ? DECISION_WIDTH + 7 : DECISION_WIDTH),
              pad("score", 10),
              ...(twoLines
                ? [...money("Huabei "), pad("Huabei status", 18), ...money("Jiebei "), "Jiebei status"]
                : [...money(""), "status"]),
            ]),
      ]
        .join("  ")
        .trimEnd(),
    ),
  ];
  if (decisionBeneath(o)) header.push(c.bold(`${" ".repeat(STEP_INDENT)}decision`));
  // too narrow for every column: say where the numbers went
  if (narrow(o))
    header.push(c.dim(`${" ".repeat(18)}beneath each step: its score, limit, balance and status`));
  return header;
}

/** What happened, in a few sentences: suspensions with their reasons, restorations, the end state. */
function renderSummary(trace: Trace, o: TraceRenderOptions): string[] {
  const c = o.chalk;
  const lines = [c.bold("Summary")];
  const counts = decisionCounts(trace.steps.map((s) => s.decision));
  lines.push(`  decisions: ${counts.map(([d, n]) => `${n} ${decisionText(d)}`).join(", ") || "none"}`);
  const twoLines = o.jiebei === true;
  const suspendedOn = new Map<LineId, Step>();
  // a suspension or a restoration may come with a cut (the limit the policy allows now): the summary says so
  const limitBefore = new Map<LineId, number>();
  for (const s of trace.steps) {
    const line = s.line ?? "huabei";
    const which = twoLines ? `${lineName(line)} ` : "";
    const snap = line === "jiebei" ? s.jiebei : s;
    const before = limitBefore.get(line);
    limitBefore.set("huabei", s.limit);
    limitBefore.set("jiebei", s.jiebei.limit);
    // read at the run's end: each reason in its words for the day it was recorded, inside the sentence
    const because = s.reasons.map((code) => recalledInSentence(code, reasonInputs(s))).join("; ");
    if (s.decision === "suspended") {
      // a suspended line suspended again keeps its first suspension's day: only the cause changes
      const still = suspendedOn.has(line);
      if (!still) suspendedOn.set(line, s);
      const cut =
        before !== undefined && snap.limit < before ? `, its limit cut to ${money(snap.limit)}` : "";
      // a suspension found under a security hold is recorded beneath it: the hold stays the cause
      lines.push(
        s.beneath
          ? `  ${which}${c.red("suspended")} for ${s.beneath} beneath the security hold on day ${s.day} (${s.date}), because: ${because}`
          : still
            ? `  ${which}${c.red("still suspended")} on day ${s.day} (${s.date}), now cause ${snap.cause}${cut}, because: ${because}`
            : `  ${which}${c.red("suspended")} on day ${s.day} (${s.date}), cause ${snap.cause}${cut}, because: ${because}`,
      );
    } else if (s.decision === "restored") {
      const from = suspendedOn.get(line);
      const days = from ? s.day - from.day : 0;
      const after = from ? ` after ${days} day${days === 1 ? "" : "s"}` : "";
      const cut =
        before !== undefined && snap.limit < before ? `, its limit cut to ${money(snap.limit)}` : "";
      lines.push(`  ${which}${c.green("restored")} on day ${s.day} (${s.date})${after}${cut}: ${because}`);
      suspendedOn.delete(line);
    } else if (s.decision === "limit_reduced") {
      lines.push(
        `  ${which}${c.yellow("limit reduced")} on day ${s.day} (${s.date}) to ${money(snap.limit)}: ${because}`,
      );
    } else if (s.decision === "closed") {
      suspendedOn.delete(line);
      lines.push(`  ${which}${c.red("closed")} on day ${s.day} (${s.date}): ${because}`);
    } else if (s.decision === "charged_off") {
      suspendedOn.delete(line);
      lines.push(
        `  ${which}${c.red("charged off")} on day ${s.day} (${s.date}): ${money(snap.writtenOff)} written off`,
      );
    }
  }
  const f = trace.final;
  const end = (l: LineSnapshot) =>
    `${standing(l)}, limit ${money(l.limit)}, balance ${money(l.balance)}, charges paid or owed ${money(l.charges)}${l.writtenOff > 0 ? `, written off ${money(l.writtenOff)}` : ""}`;
  // time moves the score without a step (old applications and overdues leave their windows, history
  // lengthens, a month end reports the balances — after the last step of that same day too): say so when
  // the last row shows another score
  const last = trace.steps.at(-1);
  lines.push(`  end (day ${f.day}): score ${f.score} (${band(f.score)})`);
  if (last && last.score !== f.score)
    lines.push(
      `    ${last.score} at the last step (day ${last.day}): time alone moved it since (\`explain --day ${f.day}\` says how)`,
    );
  lines.push(`    ${twoLines ? "Huabei" : "line"}: ${end(f)}`);
  if (twoLines) lines.push(`    Jiebei: ${end(f.jiebei)}`);
  let grids = 0;
  for (const [line, grid] of Object.entries(trace.grid) as Array<[LineId, Trace["grid"]["huabei"]]>) {
    if (!grid || grid.length === 0) continue;
    const from = grid[0]!.month;
    const to = grid[grid.length - 1]!.month;
    lines.push(`  repayment grid, ${lineName(line)} (${from} … ${to}): ${grid.map((g) => g.code).join("")}`);
    grids++;
  }
  // the key of a grid shown, not of none (a scenario that ends before its first month end has no grid)
  if (grids > 0) lines.push(c.dim(`    ${GRID_LEGEND.map((g) => `${g.code} ${g.text}`).join(" · ")}`));
  return lines;
}

export function renderTrace(scenario: Scenario, trace: Trace, options: TraceRenderOptions): string {
  return [...traceLines(scenario, trace, options)].join("");
}

/** The widest standing of a step's lines (a loop: no list of two strings a step). */
function statusWidth(steps: readonly Step[]): number {
  let width = 0;
  for (const s of steps) width = Math.max(width, standing(s).length, standing(s.jiebei).length);
  return width;
}

/** The trace a piece at a time — the header, each step's lines, the summary, the chart — each line with
 *  its line break: what `run` writes as it goes (a run of 100,000 steps is never held as one string). */
export function* traceLines(
  scenario: Scenario,
  trace: Trace,
  options: TraceRenderOptions,
): Generator<string> {
  const o = {
    ...options,
    eventWidth: options.eventWidth ?? eventColumnWidth(trace.steps),
    jiebei: options.jiebei ?? usesJiebei(trace),
    statusWidth: statusWidth(trace.steps),
  };
  const lines = (ls: readonly string[]) => ls.map((l) => `${l}\n`).join("");
  yield lines(renderHeader(scenario, o));
  for (const step of trace.steps) yield lines(renderStep(step, o));
  yield lines(["", ...renderSummary(trace, o)]);
  if (o.chart) {
    yield lines([
      "",
      o.chalk.bold("Score over time"),
      scoreChart([{ label: scenario.name, points: trace.scoreSeries }], trace.until, chartWidth(o.columns)),
    ]);
  }
}
