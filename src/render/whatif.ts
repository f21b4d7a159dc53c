// What-if text for a terminal: the numbered timeline, and counterfactual advice.

import { stripVTControlCharacters } from "node:util";
import type { ChalkInstance } from "chalk";
import { DECISIONS, REASON_CODES, type Step } from "../engine/index.js";
import { decisionText } from "../scenario/format.js";
import { maxOf } from "../shared/lists.js";
import { columnsOf, grouped, padColumns, padColumnsStart, printable, printableName } from "../shared/text.js";
import { adviceText, problemText } from "../whatif/advice.js";
import { type ListingRow, listingOf, type VariantRun } from "../whatif/run.js";
import { type CounterfactualResult, MAX_EDITS, workOf } from "../whatif/search.js";
import { ADD_ONE, whatWritten } from "../whatif/variant.js";
import { decisionColour } from "./trace.js";

// in terminal columns: an event names a merchant as written (a Chinese one takes two a character)
const pad = padColumns;
const padStart = padColumnsStart;

/** The event column's width: as its widest event needs, at least EVENT_MIN and at most EVENT_MAX (a row
 *  whose event is wider still — a merchant's long name — has its decision beneath it). A fixed 40 put a
 *  longer event's decision one space after it, out of its column ("… over 12 months approved"). */
const EVENT_MIN = 40;
const EVENT_MAX = 60;
/** The narrowest listing with every decision beside its event: the number, day, date and event columns,
 *  then room for the longest decision and the longest reason (with its comma) after it; the other reasons
 *  wrap beneath the first. */
const listingWidth = (event: number) =>
  5 +
  2 +
  4 +
  2 +
  10 +
  2 +
  event +
  1 +
  maxOf(DECISIONS.map((d) => d.length)) +
  1 +
  maxOf(REASON_CODES.map((r) => r.length)) +
  1;
/** Where a decision goes beneath its event on a narrow terminal: under the date. */
const BENEATH = " ".repeat(13);
/** The least room for reasons beneath the first one: less, and they wrap two columns in instead. */
const HANG_ROOM = 24;

const visible = (s: string): number => columnsOf(stripVTControlCharacters(s));

/**
 * A row with its decision and every reason the step gave (as `run` lists them: a contact's blockers and
 * the score's characteristics alike): beside it, or on a line beneath it — every row alike on a terminal
 * narrower than the listing (`narrow`), a row whose event overflows its column (`overflows`) alone — the
 * reasons that do not fit wrapped under the first.
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
  const beneath = narrow || overflows;
  const lines = beneath ? [row.trimEnd()] : [];
  let line = beneath ? `${BENEATH}${decision}` : `${row}${decision}`;
  // continuations start under the first reason, or two columns in when that leaves too little room
  const under = visible(line) + 1;
  const hang = columns === undefined || columns - under >= HANG_ROOM ? under : BENEATH.length + 2;
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

/** What an engine decision was about, as `run` says it ("periodic review of Jiebei"). */
function engineWhat(s: Step): string {
  const of = s.line === "jiebei" ? " of Jiebei" : "";
  if (s.event.type === "review") return `periodic review${of}`;
  if (s.event.type === "overdue") return `overdue trigger${of}`;
  return `${s.event.type.replace("_", " ")}${of}`;
}

/** One line per event, in timeline order, with its number (what --remove/--edit take), and the engine's
 *  own decisions between them, unnumbered; on a terminal narrower than the listing (`columns`), each
 *  decision goes on a line beneath its event. */
export function listingLines(run: VariantRun, c: ChalkInstance, columns?: number): string[] {
  const rows = listingOf(run);
  const width = eventWidth(rows);
  const narrow = columns !== undefined && columns < listingWidth(width);
  return rows.map((r) => {
    const decision = r.decision ? decisionColour(c, r.decision)(decisionText(r.decision)) : "";
    const what = r.kind === "event" ? whatWritten(r.entry.event) : engineWhat(r.step);
    const row =
      r.kind === "event"
        ? `${r.entry.origin === "added" ? c.green("+") : r.entry.origin === "edited" ? c.yellow("~") : " "}${padStart(`#${r.entry.id}`, 4)}  ${padStart(String(r.day), 4)}  ${c.dim(r.date)}  ${pad(what, width)} `
        : c.dim(`${padStart("·", 5)}  ${padStart(String(r.day), 4)}  ${r.date}  ${pad(what, width)} `);
    return withDecision(row, decision, r.reasons, c, narrow, columnsOf(what) > width, columns);
  });
}

/** What a listing's marks mean, those it shows: an edited event's `~`, an added one's `+`, the engine's
 *  own decisions' `·` (nothing when it shows none); and where its reason codes are told in words. */
export function listingLegend(run: VariantRun, c: ChalkInstance): string[] {
  const rows = listingOf(run);
  const marks = [
    rows.some((r) => r.kind === "event" && r.entry.origin === "edited") ? "~ edited" : "",
    rows.some((r) => r.kind === "event" && r.entry.origin === "added") ? "+ added" : "",
    rows.some((r) => r.kind !== "event")
      ? "· the engine's own decision (no event of the file: no number)"
      : "",
  ].filter((m) => m !== "");
  // the codes stand alone here (the comparison words each beneath it): where their words are
  const codes = rows.some((r) => r.reasons.length > 0)
    ? [c.dim("  reason codes: `credit-sim reasons CODE…` says what each means")]
    : [];
  return [...(marks.length > 0 ? [c.dim(`  marks: ${marks.join("   ")}`)] : []), ...codes];
}

/** The event column of a listing: wider than its widest event with a decision beside it, within
 *  EVENT_MIN–EVENT_MAX (events without a decision end their row: they never push a column). */
function eventWidth(rows: readonly ListingRow[]): number {
  const decided = rows
    .filter((r) => r.decision)
    .map((r) => columnsOf(r.kind === "event" ? whatWritten(r.entry.event) : engineWhat(r.step)));
  // one space more than the widest: the row's column gaps are two spaces, as a table's are; an event too
  // wide for any column widens none
  return Math.max(EVENT_MIN, ...decided.map((n) => n + 1).filter((n) => n <= EVENT_MAX));
}

export function renderListing(
  run: VariantRun,
  c: ChalkInstance,
  columns?: number,
  edits: readonly string[] = [],
): string {
  const head = `${c.bold(printableName(run.loaded.scenario.name))} — events by number (use with --remove / --edit)`;
  // a variant's listing says what made it, as its comparison does
  // an edit is said in words the user's own text is part of (a policy file's name, an edited value)
  const made = edits.length > 0 ? [c.bold("Edits"), ...edits.map((e) => `  ${printable(e)}`), ""] : [];
  const cols = c.bold(
    `${padStart("#", 5)}  ${padStart("day", 4)}  ${pad("date", 10)}  ${pad("event", eventWidth(listingOf(run)))} decision`,
  );
  const lines = listingLines(run, c, columns);
  // a header over nothing read as a listing cut short
  if (lines.length === 0) return `${[head, "", ...made, `  no events to number: ${ADD_ONE}`].join("\n")}\n`;
  return `${[head, "", ...made, cols, ...lines, ...listingLegend(run, c)].join("\n")}\n`;
}

const GOAL_TEXT = {
  "avoid-suspended": "avoid the suspension",
  "avoid-declined": "avoid every decline",
  "reach-restored": "restore the account sooner",
} as const;

export function renderCounterfactual(r: CounterfactualResult, base: VariantRun, c: ChalkInstance): string {
  const problem = problemText(r);
  // searched from a variant (edit flags, the session's edits): said of it, never "as it happened" — an
  // edit that brought a suspension read as the original's "never suspended"
  const n = base.variant.notes.length;
  const searched = n === 0 ? "as it happened" : `with your ${n === 1 ? "edit" : `${n} edits`}`;
  const heading = `${c.bold(`Smallest change to ${GOAL_TEXT[r.goal]}`)}: ${printableName(base.loaded.scenario.name)}`;
  if (r.status === "nothing-to-do") {
    // the one line says it: the problem line under the heading said the same just above
    const what = r.goal === "reach-restored" ? "the account is never suspended" : problem;
    return `${[heading, "", `Nothing to search: ${n === 0 ? "" : `${searched}, `}${what}.`].join("\n")}\n`;
  }
  const lines = [heading, c.dim(`  ${searched}: ${problem}`), ""];
  if (r.status === "solved") {
    const size = r.solutions[0]!.candidates.length;
    lines.push(c.bold(`${size === 1 ? "One change" : `${size} changes together`} would have done it:`));
    r.solutions.forEach((s, i) => {
      // a suggestion names a purchase by its merchant, a string from the file
      const advice = printable(adviceText(r, s));
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
    // every set of that size was tried and more candidates are left: more changes together may do it
    if (!r.budgetExhausted && r.maxEdits < MAX_EDITS && r.candidates > r.maxEdits)
      lines.push(
        `More changes together may: --max-edits ${r.maxEdits + 1} (at most ${MAX_EDITS}; each more multiplies the runs, so --budget may need raising too).`,
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
  const stop = !r.budgetExhausted
    ? ""
    : r.stoppedBy === "work"
      ? `; stopped at the work bound, ${grouped(r.maxWork)} simulated steps (${grouped(workOf(r.base))} a run of this timeline; --budget does not raise it): search a shorter timeline (--remove the events that do not matter, or split the file)${r.bySize.length > 1 ? ` or fewer changes (--max-edits ${r.bySize.length - 1})` : ""}`
      : "; stopped at the run budget (raise it with --budget)";
  return `searched ${r.candidates} candidate changes (remove an application, inquiry, profile change, debt, purchase or loan; a declined loan over a longer term or for less; repay in full or earlier; repay a bill or instalment on its due day; verify identity; ask for a review; pay debt elsewhere down): tried ${grouped(r.tried)} variants — ${sizes || "none"} (${bound})${stop}`;
}
