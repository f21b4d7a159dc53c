// What happened to an account over a run, as data: the decisions counted, each suspension with its
// cause and reasons, each restoration, limit cuts, closure, and the end state. `run --json` ends with it
// (the `end` record); the text summary of `run` says the same things in sentences.

import { band, type Cause, fenToYuan, type ReasonCode, type Status, type Trace } from "../engine/index.js";

export interface RunSummary {
  /** decisions made (customer-service answers not counted), by decision */
  decisions: Record<string, number>;
  events: Array<{
    kind: "suspended" | "restored" | "limit_reduced" | "closed";
    day: number;
    date: string;
    cause: Cause | null;
    reasons: ReasonCode[];
    /** restored: days since the suspension */
    afterDays: number | null;
    /** yuan: the limit after the step */
    limit: number;
  }>;
  end: {
    day: number;
    status: Status;
    cause: Cause | null;
    score: number;
    band: string;
    /** yuan */
    limit: number;
    balance: number;
    charges: number;
  };
}

const yuan = (fen: number) => Number(fenToYuan(fen));

export function runSummary(trace: Trace): RunSummary {
  const decisions: Record<string, number> = {};
  const events: RunSummary["events"] = [];
  let suspendedOn: number | null = null;
  for (const s of trace.steps) {
    if (s.decision === null) continue;
    if (s.decision !== "info") decisions[s.decision] = (decisions[s.decision] ?? 0) + 1;
    const base = { day: s.day, date: s.date, cause: s.cause, reasons: s.reasons, limit: yuan(s.limit) };
    switch (s.decision) {
      case "suspended":
        suspendedOn = s.day;
        events.push({ kind: "suspended", ...base, afterDays: null });
        break;
      case "restored":
        events.push({ kind: "restored", ...base, afterDays: suspendedOn === null ? 0 : s.day - suspendedOn });
        suspendedOn = null;
        break;
      case "limit_reduced":
        events.push({ kind: "limit_reduced", ...base, afterDays: null });
        break;
      case "closed":
        events.push({ kind: "closed", ...base, afterDays: null });
        break;
      default:
        break;
    }
  }
  const f = trace.final;
  return {
    decisions,
    events,
    end: {
      day: f.day,
      status: f.status,
      cause: f.cause,
      score: f.score,
      band: band(f.score),
      limit: yuan(f.limit),
      balance: yuan(f.balance),
      charges: yuan(f.charges),
    },
  };
}
