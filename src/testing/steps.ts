// Engine steps → the compact StepSummary reports carry, and its one-line text form (shared by the golden
// trace and the failure reports, so a failure shows the same line a reviewer saw in the snapshot).

import {
  isReasonCode,
  REASONS,
  type ReasonCode,
  type ReasonInfo,
  reasonInputs,
  type Step,
} from "../engine/index.js";
import { describeEvent, factsOf, money, reasonTextIn } from "../scenario/format.js";
import { padColumns, padColumnsStart } from "../shared/text.js";
import type { ExpectationReport, StepSummary } from "./report.js";

export function summariseStep(s: Step): StepSummary {
  const j = s.jiebei;
  return {
    day: s.day,
    date: s.date,
    event: s.event.type,
    text: describeEvent(s),
    decision: s.decision,
    reasons: s.reasons,
    mild: s.reasons.filter((code) => reasonTextIn(code, reasonInputs(s), s.facts) !== REASONS[code].text),
    facts: s.facts,
    score: s.score,
    limit: s.limit,
    balance: s.balance,
    status: s.status,
    cause: s.cause,
    line: s.line,
    jiebei:
      j.status === "none" ? null : { limit: j.limit, balance: j.balance, status: j.status, cause: j.cause },
  };
}

/** The reasons on record of some steps, once each, in the words of the first step citing them (a score
 *  reason's milder words where that step has them, as the trace says it) with the numbers behind them
 *  (" (3 vs securityMaxChanges 2)"), then the rules that held beside them (`also`: a limit cut with a
 *  suspension) — what the trace shows beneath those steps. */
export function reasonsOnRecord(
  steps: readonly StepSummary[],
): Array<{ code: ReasonCode; text: string; numbers: string; also: boolean }> {
  const facts = steps.flatMap((s) => s.facts);
  const codes = [...new Set(steps.flatMap((s) => s.reasons))];
  const also = [...new Set(facts.map((f) => f.code))].filter((c) => !codes.includes(c));
  const words = (code: ReasonCode) =>
    stepReasonText(
      code,
      steps.find((s) => s.reasons.includes(code)),
    );
  return [
    ...codes.map((code) => ({ code, text: words(code), numbers: factsOf(code, facts), also: false })),
    ...also.map((code) => ({ code, text: words(code), numbers: factsOf(code, facts), also: true })),
  ];
}

/** `code` in the words step `s` says it (its milder words when the step has them); "" for a code not
 *  in the catalogue (a report read back from another version). */
export function stepReasonText(code: ReasonCode, s?: Pick<StepSummary, "mild">): string {
  if (!isReasonCode(code)) return "";
  const info: ReasonInfo = REASONS[code];
  return info.mild !== undefined && s?.mild.includes(code) ? info.mild : info.text;
}

/** What heads a failed expectation's reasons in the pretty and HTML reports: of that day's steps, or of
 *  the nearest one before it, and that there are none (a blank said nothing). */
export function reasonsCaption(
  e: Pick<ExpectationReport, "day" | "steps" | "nearest">,
  any: boolean,
): string {
  const when = e.steps.length ? "that day" : `on day ${e.nearest?.day ?? e.day}`;
  return any ? `reasons on record ${when}:` : `no reasons on record ${when}`;
}

/** For each failed expectation of a scenario that reads steps of its day, the earlier failed one that
 *  shows the same steps (same day, same line), if any: reports show a day's steps, and the reasons on
 *  record among them, once, and later failures of that day refer to them — 2,000 failed expectations of
 *  a day of 2,000 purchases (a 140 KB file) showed 4,000,000 steps (and a 3 GB JSON report could not be
 *  written). `expectations`: a scenario's, in order. */
export function stepsShownBefore(
  expectations: readonly ExpectationReport[],
): (e: ExpectationReport) => ExpectationReport | null {
  const first = new Map<string, ExpectationReport>();
  const earlier = new Map<ExpectationReport, ExpectationReport>();
  for (const e of expectations) {
    if (e.ok || e.steps.length === 0) continue;
    const key = `${e.day} ${e.on}`;
    const shown = first.get(key);
    if (shown === undefined) first.set(key, e);
    else earlier.set(e, shown);
  }
  return (e) => earlier.get(e) ?? null;
}

/** Whether any step involves Jiebei: then every line carries Jiebei's columns too. */
export const twoLines = (steps: readonly StepSummary[]): boolean =>
  steps.some((s) => s.line === "jiebei" || s.jiebei !== null);

// in terminal columns (a merchant written in Chinese takes two a character): the golden trace's and the
// failure reports' columns stay under each other
const padEnd = padColumns;
const padStart = padColumnsStart;

const status = (status: string, cause: string | null) => (cause ? `${status} (${cause})` : status);

/** The column header of `stepLine`. */
export function stepColumns(jiebei: boolean): string {
  const cells = [
    padStart("day", 4),
    padEnd("date", 10),
    padEnd("event", 46),
    padEnd("decision", 20),
    "score",
    padStart("limit", 12),
    padStart("balance", 12),
    padEnd("status", 24),
  ];
  if (jiebei)
    cells.push(padStart("jiebei limit", 12), padStart("jiebei bal.", 12), padEnd("jiebei status", 24));
  return [...cells, "reasons"].join("  ");
}

/** One step, one line, fixed columns, no colour; trailing spaces trimmed. A decision on Jiebei reads
 *  `jiebei:<decision>`; with `jiebei`, Jiebei's limit, balance and status follow Huabei's. */
export function stepLine(s: StepSummary, jiebei = false): string {
  const decision = s.decision === null ? "-" : s.line === "jiebei" ? `jiebei:${s.decision}` : s.decision;
  const cells = [
    padStart(String(s.day), 4),
    s.date,
    padEnd(s.text, 46),
    padEnd(decision, 20),
    padStart(String(s.score), 5),
    padStart(money(s.limit), 12),
    padStart(money(s.balance), 12),
    padEnd(status(s.status, s.cause), 24),
  ];
  if (jiebei) {
    const j = s.jiebei;
    cells.push(
      padStart(j ? money(j.limit) : "-", 12),
      padStart(j ? money(j.balance) : "-", 12),
      padEnd(j ? status(j.status, j.cause) : "none", 24),
    );
  }
  return [...cells, s.reasons.length ? s.reasons.join(",") : "-"].join("  ").trimEnd();
}

/**
 * A `stepLine` (or a golden trace's step line) for a narrow terminal: the step on one line, its score,
 * limit, balance and status labelled on a second, its reasons on a third — each line short enough not to
 * be folded, so a diff can mark every one of them. Null for a line that is not a step line (a header, a
 * comment) or whose cells cannot be told apart.
 */
export function compactStep(line: string): string[] | null {
  if (!/^ *\d+ {2}\d{4}-\d{2}-\d{2} {2}/.test(line)) return null;
  const cells = line.trim().split(/ {2,}/);
  // day, date, event, decision, score, limit, balance, status[, Jiebei's limit, balance, status], reasons
  if (cells.length !== 9 && cells.length !== 12) return null;
  const [day, date, event, decision, score, limit, balance, st] = cells as [string, ...string[]];
  const jiebei = cells.length === 12 ? ` · Jiebei ${cells[8]} / ${cells[9]} / ${cells[10]}` : "";
  const reasons = cells[cells.length - 1]!;
  const out = [
    `${day.padStart(4)}  ${date}  ${event}${decision === "-" ? "" : `  → ${decision}`}`,
    `      score ${score} · limit ${limit} · balance ${balance} · ${st}${jiebei}`,
  ];
  if (reasons !== "-") out.push(`      ${reasons}`);
  return out;
}
