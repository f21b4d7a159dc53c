// The lines in words: the lines a customer has, named, and advice said for them alone.

import { type LineId, type LineSnapshot, lineName } from "../../engine/index.js";

/** " on Jiebei" for events on Jiebei: Huabei is the default line and goes unnamed, as in scenario files. */
export const onLine = (line: LineId): string => (line === "jiebei" ? " on Jiebei" : "");

/** The lines a customer has, as a step shows them: one opened and not closed with nothing owed (a line
 *  never opened, or closed and settled, has nothing falling due and no balance to speak of). */
export function linesHeld(
  at: Pick<LineSnapshot, "status" | "balance"> & { jiebei: Pick<LineSnapshot, "status" | "balance"> },
): LineId[] {
  const has = (l: Pick<LineSnapshot, "status" | "balance">) =>
    l.status !== "none" && (l.status !== "closed" || l.balance > 0);
  return [...(has(at) ? (["huabei"] as const) : []), ...(has(at.jiebei) ? (["jiebei"] as const) : [])];
}

/** Both lines: the words when the lines a customer has are not known. */
export const BOTH_LINES: readonly LineId[] = ["huabei", "jiebei"];

/** What falls due on `lines`, after "every" or "each": Huabei's bills, Jiebei's instalments, or both (either,
 *  when neither line is held: no line to name). */
export const dueOn = (lines: readonly LineId[]): string =>
  lines.length === 1 ? (lines[0] === "huabei" ? "bill" : "instalment") : "bill and instalment";

/** The lines by name: "Huabei and Jiebei", or the one held. */
export const linesNamed = (lines: readonly LineId[]): string =>
  lines.length === 1 ? lineName(lines[0]!) : "Huabei and Jiebei";

/** A reason's advice in words for the lines held: its bills and instalments (the words for both, which
 *  the advice says when the lines are not known) name only what falls due on them; a line it asks to be
 *  used that the customer does not have (never opened, or closed) is to be opened first. */
export const forLines = (advice: string, lines: readonly LineId[]): string =>
  advice
    .replaceAll("every bill and instalment", `every ${dueOn(lines)}`)
    .replaceAll("bills and instalments", lines.length === 1 ? `${dueOn(lines)}s` : "bills and instalments")
    .replaceAll(
      "use Huabei and",
      lines.includes("huabei") ? "use Huabei and" : "open Huabei (apply, product: open), use it and",
    );

/** A reason's text for the lines held: a clause about the customer's other line left out when there is no
 *  other line (LIMIT_KEPT_ONCE_USED's "or make the customer's other line fail it" to one who has one line). */
export const reasonForLines = (text: string, lines: readonly LineId[]): string =>
  lines.length >= 2 ? text : text.replaceAll(", or make the customer's other line fail it", "");
