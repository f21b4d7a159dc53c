// The what-if comparison for a terminal: decisions that differ side by side, the end state of both runs,
// and both score curves on one chart. Colour comes in as a Chalk instance.

import { stripVTControlCharacters } from "node:util";
import type { ChalkInstance } from "chalk";
import { REASONS, type ReasonCode, type ReasonInfo, reasonInputs, type Trace } from "../engine/index.js";
import { describeEvent, money, reasonTextIn, signed, statusText } from "../scenario/format.js";
import { columnsOf, fitColumns, padColumnsStart, printable } from "../shared/text.js";
import {
  type Absence,
  type Comparison,
  type DecisionDifference,
  dayOfVerdict,
  keyEventNumber,
  type LineEnd,
  type Outcome,
  reasonsOf,
  type Verdict,
} from "../whatif/compare.js";
import { chartWidth, scoreChart } from "./chart.js";
import { decisionCell, decisionColour, usesJiebei } from "./trace.js";

export interface CompareRenderOptions {
  chalk: ChalkInstance;
  chart: boolean;
  /** how the two runs are called */
  labels?: { base: string; variant: string };
  /** the terminal's width, when the text is fitted to one: narrower than the two runs side by side, each
   *  difference shows the runs one under the other */
  columns?: number;
}

// in terminal columns: an event at a merchant written in Chinese (two columns a character) pushed the
// decisions beside it two columns right a character, and was cut by its UTF-16 length
const pad = fitColumns;
const padStart = padColumnsStart;
const W = { day: 9, event: 38, side: 32 };
/** the width of the two runs side by side: day, event, the base's column and room for the what-if's */
const SIDE_BY_SIDE = W.day + 2 + W.event + 2 + W.side + 2 + 30;

type Line = [string, (x: string) => string];

/** A side of a difference on which the decision is absent, in words: every rendering's (text, HTML). */
export function absentText(d: DecisionDifference, why: Absence): string {
  switch (why) {
    case "removed":
      return "(event removed)";
    case "added":
      return "(event added)";
    case "not-run":
      // a review that had nothing to say is still a review that happened
      return d.key.kind === "engine" && d.key.type === "review" ? "no decision" : "(did not happen)";
    default: {
      const never: never = why;
      throw new Error(`unknown absence ${String(never)}`);
    }
  }
}

function sideLines(c: ChalkInstance, s: Verdict, d: DecisionDifference, twoLines: boolean): Line[] {
  if (s.decision === "absent") return [[absentText(d, s.why), c.dim]];
  const head: Line =
    s.decision === null
      ? ["no decision", c.dim]
      : [decisionCell(s.step, twoLines), decisionColour(c, s.decision)];
  return [head, ...s.reasons.map((r): Line => [`  ${r}`, (x) => x])];
}

function dayText(d: DecisionDifference): string {
  const a = dayOfVerdict(d.base);
  const b = dayOfVerdict(d.variant);
  if (a !== undefined && b !== undefined && a !== b) return `${a}→${b}`;
  return String(a ?? b);
}

function eventText(d: DecisionDifference): string {
  const s = d.base.decision !== "absent" ? d.base : d.variant;
  if (s.decision === "absent") return "";
  const text = describeEvent(s.step);
  const id = keyEventNumber(d.key);
  return id !== null ? `#${id} ${text}` : text;
}

function renderDifference(c: ChalkInstance, d: DecisionDifference, twoLines: boolean): string[] {
  const left = sideLines(c, d.base, d, twoLines);
  const right = sideLines(c, d.variant, d, twoLines);
  const rows = Math.max(left.length, right.length);
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const [lt, lc] = left[i] ?? ["", (x: string) => x];
    const [rt, rc] = right[i] ?? ["", (x: string) => x];
    const prefix =
      i === 0
        ? `${padStart(dayText(d), W.day)}  ${pad(eventText(d), W.event)}`
        : " ".repeat(W.day + 2 + W.event);
    lines.push(`${prefix}  ${lc(pad(lt, W.side))}  ${rc(rt)}`.trimEnd());
  }
  return lines;
}

/** A difference with the runs one under the other: "base     suspended: PAST_DUE_AT_REVIEW, …". */
function renderStacked(
  c: ChalkInstance,
  d: DecisionDifference,
  labels: { base: string; variant: string },
  twoLines: boolean,
): string[] {
  const width = Math.max(labels.base.length, labels.variant.length);
  const side = (label: string, s: Verdict): string => {
    const [head, colour] = sideLines(c, s, d, twoLines)[0]!;
    const reasons = s.decision === "absent" ? [] : s.reasons;
    const why = reasons.length > 0 ? `: ${reasons.join(", ")}` : "";
    return `${" ".repeat(W.day + 2)}${c.dim(pad(label, width + 1))} ${colour(head)}${why}`;
  };
  return [
    `${padStart(dayText(d), W.day)}  ${eventText(d)}`,
    side(labels.base, d.base),
    side(labels.variant, d.variant),
  ];
}

const standing = (o: { status: Outcome["status"]; cause: Outcome["cause"] }): string =>
  statusText(o.status, o.cause);

/** How the first suspension moved between the runs, in words; null when it did not. */
export function firstSuspensionChange(b: Outcome, v: Outcome): string | null {
  const x = b.firstSuspendedDay;
  const y = v.firstSuspendedDay;
  if (x === y) return null;
  if (y === null) return "avoided";
  if (x === null) return "new";
  const days = Math.abs(y - x);
  return `${days} day${days === 1 ? "" : "s"} ${y > x ? "later" : "earlier"}`;
}

/** The outcome table's columns (label, base, what-if) where the terminal has room for them. */
const OUTCOME_WIDTHS = [18, 22, 22] as const;

/**
 * The outcome table: a label, each run's value and the change. Its columns are 18, 22 and 22 wide where
 * that fits `columns`; on a narrower terminal each is as wide as its widest cell, so the change stays on
 * its row (folded beneath, it landed a column apart from row to row, and its header further in still).
 */
function outcomeRows(c: ChalkInstance, cmp: Comparison, columns?: number): string[] {
  const b = cmp.base;
  const v = cmp.variant;
  const delta = (x: number, y: number, fmt: (n: number) => string = signed) =>
    x === y ? c.dim("same") : fmt(y - x);
  const fenDelta = (x: number, y: number) =>
    delta(x, y, (n) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${money(Math.abs(n))}`);
  const row = (label: string, x: string, y: string, change: string): Cells => [label, x, y, change];
  const firstSusp = (o: Outcome) => (o.firstSuspendedDay === null ? "never" : `day ${o.firstSuspendedDay}`);
  const status = (label: string, x: LineEnd, y: LineEnd) =>
    row(
      label,
      standing(x),
      standing(y),
      standing(x) === standing(y) ? c.dim("same") : `${standing(x)} → ${standing(y)}`,
    );
  // a run with Jiebei shows each line's end, named
  const none: LineEnd = { status: "none", cause: null, limit: 0, balance: 0, charges: 0 };
  const two = b.jiebei !== null || v.jiebei !== null;
  const line = (name: string, x: LineEnd, y: LineEnd): Cells[] => [
    status(`${name} status`, x, y),
    row(`${name} limit`, money(x.limit), money(y.limit), fenDelta(x.limit, y.limit)),
    row(`${name} balance`, money(x.balance), money(y.balance), fenDelta(x.balance, y.balance)),
    row(`${name} charges`, money(x.charges), money(y.charges), fenDelta(x.charges, y.charges)),
  ];
  const rows: Cells[] = [
    row("", "base", "what-if", "change"),
    ...(two
      ? [
          row("final score", String(b.score), String(v.score), delta(b.score, v.score)),
          ...line("Huabei", b, v),
          ...line("Jiebei", b.jiebei ?? none, v.jiebei ?? none),
        ]
      : [
          status("final status", b, v),
          row("final score", String(b.score), String(v.score), delta(b.score, v.score)),
          row("final limit", money(b.limit), money(v.limit), fenDelta(b.limit, v.limit)),
          row("final balance", money(b.balance), money(v.balance), fenDelta(b.balance, v.balance)),
          row("charges", money(b.charges), money(v.charges), fenDelta(b.charges, v.charges)),
        ]),
    row("suspensions", String(b.suspensions), String(v.suspensions), delta(b.suspensions, v.suspensions)),
    row("first suspended", firstSusp(b), firstSusp(v), firstSuspensionChange(b, v) ?? c.dim("same")),
    row(
      "days suspended",
      String(b.daysSuspended),
      String(v.daysSuspended),
      delta(b.daysSuspended, v.daysSuspended),
    ),
    row("declines", String(b.declines), String(v.declines), delta(b.declines, v.declines)),
  ];
  const widest = (i: 0 | 1 | 2 | 3) =>
    Math.max(...rows.map((r) => columnsOf(stripVTControlCharacters(r[i])))) + 2;
  const whole = 2 + OUTCOME_WIDTHS[0] + OUTCOME_WIDTHS[1] + OUTCOME_WIDTHS[2] + widest(3) - 2;
  const widths = columns !== undefined && whole > columns ? ([0, 1, 2] as const).map(widest) : OUTCOME_WIDTHS;
  const text = ([label, x, y, change]: Cells) =>
    `  ${pad(label, widths[0]!)}${pad(x, widths[1]!)}${pad(y, widths[2]!)}${change}`;
  return rows.map((r, i) => (i === 0 ? c.bold(text(r)) : text(r)));
}

/** One row of the outcome table: label, base, what-if, change. */
type Cells = [string, string, string, string];

/** The whole comparison: edits, differing decisions, outcome table, reason legend, chart. */
export function renderComparison(
  cmp: Comparison,
  traces: { base: Trace; variant: Trace },
  edits: readonly string[],
  o: CompareRenderOptions,
): string {
  const c = o.chalk;
  const labels = o.labels ?? { base: "base", variant: "what-if" };
  const lines: string[] = [];
  if (edits.length > 0) {
    lines.push(c.bold("Edits"));
    // an edit is said in words the user's own text is part of (a policy file's name, an edited value)
    for (const e of edits) lines.push(`  ${printable(e)}`);
    lines.push("");
  }
  const stacked = o.columns !== undefined && o.columns < SIDE_BY_SIDE;
  // a run that involves Jiebei names the line of each decision, as its trace does ("Jiebei suspended")
  const twoLines = usesJiebei(traces.base) || usesJiebei(traces.variant);
  const difference = (d: DecisionDifference) =>
    stacked ? renderStacked(c, d, labels, twoLines) : renderDifference(c, d, twoLines);
  const decisions = cmp.differences.filter((d) => d.kind === "decision");
  const reasons = cmp.differences.filter((d) => d.kind === "reasons");
  if (decisions.length === 0) {
    lines.push(c.bold("Decisions that differ: none"), "  every decision is the same in both runs");
  } else {
    lines.push(c.bold(`Decisions that differ (${decisions.length})`));
    lines.push(
      c.bold(
        stacked
          ? `${padStart("day", W.day)}  event`
          : `${padStart("day", W.day)}  ${pad("event", W.event)}  ${pad(labels.base, W.side)}  ${labels.variant}`,
      ),
    );
    for (const d of decisions) lines.push(...difference(d));
  }
  if (reasons.length > 0) {
    lines.push("", c.bold(`Same decision, other reasons (${reasons.length})`));
    for (const d of reasons) lines.push(...difference(d));
  }
  // each code in the words the steps above cited it in (a score reason cited mildly — a characteristic that
  // kept half its points or more — is not 'short' or 'high'), each wording once: the legend once called a
  // 40-month history 'short' that every step of the comparison called 'below the scorecard's top band'
  const words = new Map<ReasonCode, string[]>();
  for (const d of cmp.differences)
    for (const s of [d.base, d.variant]) {
      if (s.decision === "absent") continue;
      for (const r of reasonsOf(s)) {
        const text = reasonTextIn(r, reasonInputs(s.step), s.step.facts);
        const said = words.get(r);
        if (said === undefined) words.set(r, [text]);
        else if (!said.includes(text)) said.push(text);
      }
    }
  if (words.size > 0) {
    lines.push("", c.dim("Reasons:"));
    // as wide as the longest code: a code is never cut
    const width = Math.max(...[...words.keys()].map((code) => code.length)) + 2;
    for (const code of [...words.keys()].sort()) {
      const said = words.get(code) ?? [];
      const info: ReasonInfo = REASONS[code];
      const text = said.length === 1 ? said[0] : `${info.text}; where cited mildly: ${info.mild}`;
      lines.push(c.dim(`  ${code.padEnd(width)}${text}`));
    }
  }
  lines.push("", c.bold("Outcome"), ...outcomeRows(c, cmp, o.columns));
  if (o.chart) {
    lines.push(
      "",
      c.bold("Score over time"),
      chartText(
        c,
        scoreChart(
          [
            { label: labels.base, points: traces.base.scoreSeries },
            { label: labels.variant, points: traces.variant.scoreSeries },
          ],
          Math.max(traces.base.until, traces.variant.until),
          chartWidth(o.columns),
        ),
      ),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** asciichart colours two series itself: drop its escapes when colour is off (NO_COLOR, a pipe). */
function chartText(c: ChalkInstance, chart: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are what is removed
  return c.level === 0 ? chart.replace(/\x1b\[[0-9;]*m/g, "") : chart;
}
