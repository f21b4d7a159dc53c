// A check's values as people read them: money as the trace writes it (¥3,000.00). The check itself keeps
// plain yuan ("3000.00", "≥ 0.00 and ≤ 500.00"), as a scenario's `limit` and `balance` are written: the
// JSON report's `expected` and `actual` fields stay that machine-readable form.

import { money } from "../scenario/format.js";

/** The checks whose values are amounts of money. */
const MONEY_CHECKS: ReadonlySet<string> = new Set(["limit", "balance"]);

/** A check's expected or actual value as failure reports show it. */
export const checkValueText = (field: string, value: string): string =>
  MONEY_CHECKS.has(field) ? value.replace(/-?\d+\.\d\d/g, (y) => money(Math.round(Number(y) * 100))) : value;

/** What a failed check got, as people read it: with the value after the day's last step where the day's
 *  end left it otherwise — the row the trace shows for that day says the step's value, and a check that
 *  said only the day's end read as a wrong number beside it. */
export const checkActualText = (c: {
  field: string;
  expected?: string;
  actual: string;
  lastStep?: string;
}): string =>
  c.lastStep === undefined
    ? checkValueText(c.field, c.actual) + causeNote(c)
    : checkValueText(
        c.field,
        `${c.actual} at the day's end (${c.lastStep} after its last step, before the day's charges and month-end report)`,
      );

/** A cause check that read `policy` where the line was closed as left unused: that closure has had its own
 *  cause, `dormant` (earlier builds said `policy`, which reads as a change of policy) — what to
 *  write instead. A file's `policy` is not taken for it: it would pass for a closure by a change of policy. */
const causeNote = (c: { field: string; expected?: string; actual: string }): string =>
  c.field === "cause" && c.expected === "policy" && c.actual === "dormant"
    ? " — a line closed as left unused (DORMANT_ACCOUNT) has its own cause: write `cause: dormant`"
    : "";

/** "limit: expected ¥3,000.00, got ¥5,000.00": a check in one line (annotations, JUnit messages). */
export const checkLine = (c: {
  field: string;
  expected: string;
  actual: string;
  lastStep?: string;
}): string => `${c.field}: expected ${checkValueText(c.field, c.expected)}, got ${checkActualText(c)}`;
