// Engine steps → the compact StepSummary reports carry, and its one-line text form (shared by the golden
// trace and the failure reports, so a failure shows the same line a reviewer saw in the snapshot).

import type { Step } from "../engine/index.js";
import { describeEvent, money } from "../scenario/format.js";
import type { StepSummary } from "./report.js";

export function summariseStep(s: Step): StepSummary {
  return {
    day: s.day,
    date: s.date,
    event: s.event.type,
    text: describeEvent(s.event, s.applied),
    decision: s.decision,
    reasons: s.reasons,
    score: s.score,
    limit: s.limit,
    balance: s.balance,
    status: s.status,
    cause: s.cause,
  };
}

const padEnd = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const padStart = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

export const STEP_COLUMNS = `${padStart("day", 4)}  ${padEnd("date", 10)}  ${padEnd("event", 46)}  ${padEnd("decision", 14)}  score  ${padStart("limit", 12)}  ${padStart("balance", 12)}  ${padEnd("status", 20)}  reasons`;

/** One step, one line, fixed columns, no colour; trailing spaces trimmed. */
export function stepLine(s: StepSummary): string {
  const status = s.cause ? `${s.status} (${s.cause})` : s.status;
  return [
    padStart(String(s.day), 4),
    s.date,
    padEnd(s.text, 46),
    padEnd(s.decision ?? "-", 14),
    padStart(String(s.score), 5),
    padStart(money(s.limit), 12),
    padStart(money(s.balance), 12),
    padEnd(status, 20),
    s.reasons.length ? s.reasons.join(",") : "-",
  ]
    .join("  ")
    .trimEnd();
}
