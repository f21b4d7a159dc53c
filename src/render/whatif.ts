// What-if text for a terminal: the numbered timeline, and counterfactual advice.

import { stripVTControlCharacters } from "node:util";
import type { ChalkInstance } from "chalk";
import { civilFromDays, parseIsoDate } from "../engine/index.js";
import { grouped, printable } from "../shared/text.js";
import { adviceText, problemText } from "../whatif/advice.js";
import { decisionsById, type VariantRun } from "../whatif/run.js";
import type { CounterfactualResult } from "../whatif/search.js";
import { dayOf, whatWritten } from "../whatif/variant.js";
import { decisionColour } from "./trace.js";

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const padStart = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

function dateOf(start: string, day: number): string {
  const s = parseIsoDate(start);
  if (s === null) return "";
  const { year, month, day: d } = civilFromDays(s + day);
  return `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The event column's width: as its widest event needs, at least EVENT_MIN and at most EVENT_MAX (a row
 *  whose event is wider still — a merchant's long name — has its decision beneath it). A fixed 40 put a
 *  longer event's decision one space after it, out of its column ("… over 12 months approved"). */
const EVENT_MIN = 40;
const EVENT_MAX = 60;
/** The width of a listing row with its decision beside it (number, day, date, event, decision, a reason or
 *  two): narrower, every decision goes beneath its event. */
const listingWidth = (event: number) => 5 + 2 + 4 + 2 + 10 + 2 + event + 1 + 36;
/** Where a decision goes beneath its event on a narrow terminal: under the date. */
const BENEATH = " ".repeat(13);

const visible = (s: string): number => stripVTControlCharacters(s).length;

/**
 * A row with its decision and every reason the step gave (as `run` lists them: a contact's blockers and
 * the score's characteristics alike) beside it — or beneath it, on a terminal narrower than the listing
 * (`narrow`) or than this row (`columns`), or when the event overflows its column (`overflows`), the
 * reasons wrapped under the first.
 */
function withDecision(
  row: string,
  decision: string,
  reasons: readonly string[],
  c: ChalkInstance,
  narrow: boolean,
  overflows: boolean,
  columns?: number,
): string {
  if (decision === "") return row.trimEnd();
  const beside = `${row}${decision}${reasons.length > 0 ? c.dim(` ${reasons.join(", ")}`) : ""}`;
  if (!narrow && !overflows && (columns === undefined || visible(beside) <= columns)) return beside;
  const lines = [`${row.trimEnd()}`];
  let line = `${BENEATH}${decision}`;
  // continuations start under the first reason, or two columns in when that leaves too little room
  const under = visible(line) + 1;
  const hang = columns === undefined || columns - under >= 24 ? under : BENEATH.length + 2;
  reasons.forEach((code, i) => {
    const text = i < reasons.length - 1 ? `${code},` : code;
    if (i > 0 && columns !== undefined && visible(line) + 1 + text.length > columns) {
      lines.push(line);
      line = `${" ".repeat(hang)}${c.dim(text)}`;
    } else line += ` ${c.dim(text)}`;
  });
  lines.push(line);
  return lines.join("\n");
}

/** One line per event, in timeline order, with its number (what --remove/--edit take); on a terminal
 *  narrower than the row (`columns`), each decision goes on a line beneath its event. */
export function listingLines(run: VariantRun, c: ChalkInstance, columns?: number): string[] {
  const v = run.variant;
  const start = v.original.start;
  const steps = decisionsById(run);
  const rows = v.events
    .map((e, order) => ({ e, order, day: dayOf(e.event, start), what: whatWritten(e.event) }))
    .sort((a, b) => a.day - b.day || a.order - b.order);
  const width = eventWidth(run);
  const narrow = columns !== undefined && columns < listingWidth(width);
  const lines = rows.map(({ e, day, what }) => {
    const step = steps.get(e.id);
    const mark = e.origin === "added" ? c.green("+") : e.origin === "edited" ? c.yellow("~") : " ";
    const decision = step?.decision ? decisionColour(c, step.decision)(step.decision) : "";
    return {
      day,
      text: withDecision(
        `${mark}${padStart(`#${e.id}`, 4)}  ${padStart(String(day), 4)}  ${c.dim(dateOf(start, day))}  ${pad(what, width)} `,
        decision,
        step?.decision ? step.reasons : [],
        c,
        narrow,
        what.length > width,
        columns,
      ),
    };
  });
  // the engine's own decisions (suspensions, reviews) between the user's events, unnumbered
  for (const s of run.trace.steps) {
    if ("index" in s.event || s.decision === null) continue;
    // the line decided on, as `run` says it ("periodic review of Jiebei")
    const of = s.line === "jiebei" ? " of Jiebei" : "";
    const what =
      s.event.type === "review"
        ? `periodic review${of}`
        : s.event.type === "overdue"
          ? `overdue trigger${of}`
          : `${s.event.type.replace("_", " ")}${of}`;
    lines.push({
      day: s.day,
      text: withDecision(
        c.dim(`${padStart("·", 5)}  ${padStart(String(s.day), 4)}  ${s.date}  ${pad(what, width)} `),
        decisionColour(c, s.decision)(s.decision),
        s.reasons,
        c,
        narrow,
        false,
        columns,
      ),
    });
  }
  // stable: user events keep their order; engine decisions follow the day's events
  return lines
    .map((l, i) => ({ l, i }))
    .sort((a, b) => a.l.day - b.l.day || a.i - b.i)
    .map((x) => x.l.text);
}

/** The event column of a run's listing: wider than its widest event with a decision beside it, within
 *  EVENT_MIN–EVENT_MAX (events without a decision end their row: they never push a column). */
function eventWidth(run: VariantRun): number {
  const steps = decisionsById(run);
  const decided = run.variant.events
    .filter((e) => steps.get(e.id)?.decision)
    .map((e) => whatWritten(e.event).length);
  // one space more than the widest: the row's column gaps are two spaces, as a table's are; an event too
  // wide for any column widens none
  return Math.max(EVENT_MIN, ...decided.map((n) => n + 1).filter((n) => n <= EVENT_MAX));
}

export function renderListing(run: VariantRun, c: ChalkInstance, columns?: number): string {
  const head = `${c.bold(printable(run.loaded.scenario.name))} — events by number (use with --remove / --edit)`;
  const cols = c.bold(
    `${padStart("#", 5)}  ${padStart("day", 4)}  ${pad("date", 10)}  ${pad("event", eventWidth(run))} decision`,
  );
  return `${[head, "", cols, ...listingLines(run, c, columns)].join("\n")}\n`;
}

const GOAL_TEXT = {
  "avoid-suspended": "avoid the suspension",
  "avoid-declined": "avoid every decline",
  "reach-restored": "restore the account sooner",
} as const;

export function renderCounterfactual(r: CounterfactualResult, base: VariantRun, c: ChalkInstance): string {
  const problem = problemText(r);
  const lines = [
    `${c.bold(`Smallest change to ${GOAL_TEXT[r.goal]}`)}: ${printable(base.loaded.scenario.name)}`,
    c.dim(`  as it happened: ${problem}`),
    "",
  ];
  if (r.status === "nothing-to-do") {
    lines.push(
      r.goal === "reach-restored"
        ? "Nothing to search: the account is never suspended."
        : `Nothing to search: ${problem}.`,
    );
    return `${lines.join("\n")}\n`;
  }
  if (r.status === "solved") {
    const size = r.solutions[0]!.candidates.length;
    lines.push(c.bold(`${size === 1 ? "One change" : `${size} changes together`} would have done it:`));
    r.solutions.forEach((s, i) => {
      const advice = adviceText(r, s);
      lines.push(`  ${i === 0 ? c.green("1.") : c.dim(`${i + 1}.`)} ${i === 0 ? advice : c.dim(advice)}`);
    });
    if (r.solutions.length > 1)
      lines.push(c.dim("  (the first is the least change; the others are alternatives of the same size)"));
  } else {
    lines.push(
      c.yellow(
        `Nothing within the bound works: no set of at most ${r.maxEdits} change${r.maxEdits === 1 ? "" : "s"} to your own events ${GOAL_TEXT[r.goal].replace("avoid", "avoids").replace("restore ", "restores ")}.`,
      ),
    );
  }
  lines.push("", c.dim(searchSummary(r)));
  return `${lines.join("\n")}\n`;
}

function searchSummary(r: CounterfactualResult): string {
  const sizes = r.bySize
    .map((s) => {
      const what =
        s.size === 1
          ? "single changes"
          : s.size === 2
            ? "pairs"
            : s.size === 3
              ? "triples"
              : `sets of ${s.size}`;
      return s.complete ? `${s.tried} ${what}` : `${s.tried} ${what} (not all)`;
    })
    .join(", ");
  const bound = `at most ${r.maxEdits} changes, at most ${grouped(r.budget)} runs`;
  const stop = r.budgetExhausted ? "; stopped at the run budget (raise it with --budget)" : "";
  return `searched ${r.candidates} candidate changes (remove an application, inquiry, profile change, debt, purchase or loan; repay in full or earlier; repay a bill or instalment on its due day; verify identity; ask for a review; pay debt elsewhere down): tried ${grouped(r.tried)} variants — ${sizes || "none"} (${bound})${stop}`;
}
