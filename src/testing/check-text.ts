// A check's values as people read them: money as the trace writes it (¥3,000.00). The check itself keeps
// plain yuan ("3000.00", "≥ 0.00 and ≤ 500.00"), as a scenario's `limit` and `balance` are written: the
// JSON report's `expected` and `actual` fields stay that machine-readable form.

import { money } from "../scenario/format.js";

/** The checks whose values are amounts of money. */
const MONEY_CHECKS: ReadonlySet<string> = new Set(["limit", "balance"]);

/** A check's expected or actual value as failure reports show it. */
export const checkValueText = (field: string, value: string): string =>
  MONEY_CHECKS.has(field) ? value.replace(/-?\d+\.\d\d/g, (y) => money(Math.round(Number(y) * 100))) : value;

/** "limit: expected ¥3,000.00, got ¥5,000.00": a check in one line (annotations, JUnit messages). */
export const checkLine = (c: { field: string; expected: string; actual: string }): string =>
  `${c.field}: expected ${checkValueText(c.field, c.expected)}, got ${checkValueText(c.field, c.actual)}`;
