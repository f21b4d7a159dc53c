// What helps: a reason's advice for the lines held and the moment, without repeats; a security hold's.

import {
  REASONS,
  type ReasonCode,
  type ReasonInfo,
  type Remedy,
  type RuleFact,
  type ScoreInputs,
  type Snapshot,
  type Step,
} from "../../engine/index.js";
import { forLines, linesHeld } from "./lines.js";
import { citedBeforeCut, reasonTextIn } from "./reason-words.js";

/** What helps with `code` as things stand `at` (a step, a day's end): its settled advice once nothing is
 *  owed on either line, its suspended one on a step about a suspended line. Without a moment, the advice for one who owes. Cited by an application as what
 *  the review would hold against a larger line once used (every fact of it among `facts` onceUsed), what
 *  helps an applicant. */
export function adviceOf(code: ReasonCode, at?: Snapshot, facts: readonly RuleFact[] = []): string {
  const info: ReasonInfo = REASONS[code];
  // cited in its milder words (a factor near its maximum, on the inputs the step's reasons are told from):
  // advice of that size
  const inputs =
    at === undefined ? undefined : "judged" in at && at.judged !== undefined ? at.judged : at.inputs;
  if (
    info.mildAdvice !== undefined &&
    inputs !== undefined &&
    reasonTextIn(code, inputs as ScoreInputs) === info.mild
  )
    return info.mildAdvice;
  if (info.beforeCutAdvice !== undefined && citedBeforeCut(code, facts)) return info.beforeCutAdvice;
  const own = facts.filter((f) => f.code === code);
  if (info.onceUsed !== undefined && own.length > 0 && own.every((f) => f.onceUsed !== undefined))
    return info.onceUsed;
  // a step about a suspended line: it is used only once restored
  if (info.suspended !== undefined && at !== undefined && "line" in at && at.line !== null) {
    const status = at.line === "jiebei" ? at.jiebei.status : at.status;
    const other = at.line === "jiebei" ? at.status : at.jiebei.status;
    // after a write-off on either line it is never restored: no "restored first"
    // …nor when no review before the closure can (the unused-line notice says which: its clean period)
    const event = "event" in at ? (at as Step).event : null;
    const unrestorable = event?.type === "dormant_notice" && event.excluded === true;
    if (status === "suspended" && (other === "charged_off" || unrestorable) && info.excluded !== undefined)
      return info.excluded;
    if (status === "suspended") return info.suspended;
  }
  if (info.settled !== undefined && at !== undefined && at.balance + at.jiebei.balance === 0)
    return info.settled;
  if (code === "NO_ACCOUNT" && at !== undefined) {
    const opening = lineToOpen(at);
    if (opening !== null) return opening;
  }
  return at === undefined ? info.advice : forLines(info.advice, linesHeld(at));
}

/** NO_ACCOUNT's advice when one line is open and the other never was: the one to open, as a file writes
 *  the application — told "apply to open an account first", a customer with Huabei open whose cash loan
 *  was declined applied to open Huabei again (ACCOUNT_EXISTS). Null with neither or both open. */
function lineToOpen(at: Snapshot): string | null {
  const huabei = at.status === "none";
  const jiebei = at.jiebei.status === "none";
  if (huabei === jiebei) return null;
  return huabei
    ? "apply to open Huabei first (apply, product: open)"
    : "apply to open Jiebei first (apply, product: open, line: jiebei)";
}

/** Whether customer service's steps leave the customer nothing to do: none, or only the dated record of
 *  what was decided, or a warning of what comes (then the advice of the reasons it gives is what helps). A limit cut on record, with
 *  its way back, is such a record: Zhang Ming, restored and asking for more every week, was told of his
 *  cut and heard nothing of the applications his answer cited ("stop applying" unsaid). */
export const nothingToDo = (remedies: readonly Remedy[]): boolean =>
  remedies.every(
    (r) =>
      r.kind === "on_record" ||
      r.kind === "increase_from" ||
      r.kind === "next_due" ||
      r.kind === "limit_cut" ||
      r.kind === "change_holds" ||
      r.kind === "applications_allow",
  );

/** The reasons whose advice is still to be said beside `remedies`: a wait for the applications of the last
 *  30 days is said by the step that dates it (applications_allow), not again undated ("wait until older
 *  applications are over 30 days old" beside the day they allow the application). */
export const undatedReasons = (reasons: readonly ReasonCode[], remedies: readonly Remedy[]): ReasonCode[] =>
  remedies.some((r) => r.kind === "applications_allow")
    ? reasons.filter((r) => r !== "TOO_MANY_APPLICATIONS")
    : [...reasons];

/** What helps with `reasons` as things stand `at`: the advice of each that is not good news (nor one that
 *  only points at steps given elsewhere), once each — after `first`, advice the reasons do not hold (what
 *  a hold beneath which they were recorded asks). */
export function reasonAdvice(
  reasons: readonly ReasonCode[],
  at?: Snapshot,
  first: readonly string[] = [],
  facts: readonly RuleFact[] = [],
): string[] {
  return withoutRepeats([
    ...new Set([
      ...first,
      // each code once: its advice is the same wherever it recurs (a day of 100,000 decisions gives
      // hundreds of thousands of reasons, each once looked up among every fact of the day)
      ...[...new Set(reasons)]
        .filter((r) => REASONS[r].kind !== "positive" && !("pointsAt" in REASONS[r]))
        .map((r) => adviceOf(r, at, facts)),
    ]),
  ]);
}

/** A suspension recorded beneath a security hold leaves the hold standing: its reasons say what the
 *  suspension beneath needs, not that only a verification lifts the hold — nor that it alone restores
 *  nothing. */
export const heldAdvice = (beneath: "credit" | "policy"): string =>
  `verify your identity: only that lifts the security hold, and the suspension for ${beneath} recorded beneath it stays until what follows is done and a review restores the line`;

/** Advice without a line another line already says ("pay the overdue amount in full" beside "pay the
 *  overdue amount in full and keep repaying on time"; "report a higher income (an income event)" beside
 *  "pay down debt … or report a higher income"): a line goes when another holds it, its aside apart. */
export function withoutRepeats(advice: readonly string[]): string[] {
  const core = (a: string) => a.replace(/ \([^)]*\)$/, "");
  return advice.filter((a, i) => !advice.some((b, j) => j !== i && b !== a && b.includes(core(a))));
}
