// What happened to a customer over a run, as data: the decisions counted, each suspension, restoration,
// limit cut, limit given back, closure and charge-off with its line and reasons, the end state of each line and the
// repayment grid. `run --json` ends with it (the `end` record); the text summary of `run` says the same.

import {
  band,
  type Cause,
  DECISIONS,
  type Decision,
  fenToYuan,
  type LineId,
  type LineSnapshot,
  type ReasonCode,
  type Status,
  type Trace,
} from "../engine/index.js";

/** A line at the end of a run, money in yuan: what the summary, `run --json` and the HTML page show. */
export interface LineEnd {
  status: Status;
  cause: Cause | null;
  /** yuan */
  limit: number;
  balance: number;
  /** purchases (Huabei) or amounts drawn (Jiebei), and repayments, since the line opened: with `charges`
   *  and `waived`, what the balance is made of */
  purchases: number;
  repayments: number;
  charges: number;
  writtenOff: number;
  /** remainders within the tolerance waived (Jiebei), off the balance */
  waived: number;
}

export interface RunSummary {
  /** decisions made (customer-service answers not counted), by decision */
  decisions: Record<string, number>;
  events: Array<{
    kind: Exclude<Decision, "approved" | "approved_lower" | "declined" | "info">;
    line: LineId;
    day: number;
    date: string;
    reasons: ReasonCode[];
    /** restored: days since that line's suspension */
    afterDays: number | null;
    /** suspended: its cause (beneath a security hold, the suspension's own, not the hold's) */
    cause?: Cause;
    /** suspended: recorded beneath a security hold, which stays the line's status */
    beneath?: boolean;
    /** suspended: the line was suspended already — the same suspension, recorded beneath a hold or for a
     *  new cause (its clock stays the first's) */
    still?: boolean;
  }>;
  /** Huabei's line at the top level, Jiebei's apart: the shape of a step record */
  end: LineEnd & {
    day: number;
    score: number;
    band: string;
    /** Jiebei, when the customer has (had) the line */
    jiebei: LineEnd | null;
  };
  /** the repayment grid of each line ever opened: one code a month, oldest first */
  grid: Partial<Record<LineId, string>>;
}

const yuan = (fen: number) => Number(fenToYuan(fen));

export const lineEnd = (l: LineSnapshot): LineEnd => ({
  status: l.status,
  cause: l.cause,
  limit: yuan(l.limit),
  balance: yuan(l.balance),
  purchases: yuan(l.purchases),
  repayments: yuan(l.repayments),
  charges: yuan(l.charges),
  writtenOff: yuan(l.writtenOff),
  waived: yuan(l.waived),
});

/** Decisions counted, in the vocabulary's one order (approved, approved_lower, declined, suspended, …):
 *  in the order they first came, the summary read "5 declined, 13 approved" for one scenario and "13
 *  approved, 5 declined" for the next. Customer service's answers (info) are no decision of the lender's. */
export function decisionCounts(decisions: Iterable<Decision | null>): Array<[Decision, number]> {
  const counts = new Map<Decision, number>();
  for (const d of decisions) if (d !== null && d !== "info") counts.set(d, (counts.get(d) ?? 0) + 1);
  return DECISIONS.flatMap((d): Array<[Decision, number]> => {
    const n = counts.get(d);
    return n === undefined ? [] : [[d, n]];
  });
}

export function runSummary(trace: Trace): RunSummary {
  const decisions = Object.fromEntries(decisionCounts(trace.steps.map((s) => s.decision)));
  const events: RunSummary["events"] = [];
  const suspendedOn = new Map<LineId, number>();
  for (const s of trace.steps) {
    if (s.decision === null) continue;
    const line = s.line ?? "huabei";
    const base = { line, day: s.day, date: s.date, reasons: s.reasons };
    switch (s.decision) {
      case "suspended": {
        // a suspended line suspended again (a security hold, a cause beneath it) is the same suspension
        const still = suspendedOn.has(line);
        if (!still) suspendedOn.set(line, s.day);
        const cause = s.beneath ?? (line === "jiebei" ? s.jiebei.cause : s.cause);
        events.push({
          kind: "suspended",
          ...base,
          afterDays: null,
          ...(cause !== null && { cause }),
          beneath: s.beneath !== undefined,
          still,
        });
        break;
      }
      case "restored": {
        const from = suspendedOn.get(line);
        events.push({ kind: "restored", ...base, afterDays: from === undefined ? 0 : s.day - from });
        suspendedOn.delete(line);
        break;
      }
      case "limit_reduced":
      case "limit_restored":
      case "closed":
      case "charged_off":
        events.push({ kind: s.decision, ...base, afterDays: null });
        break;
      case "approved":
      case "approved_lower":
      case "declined":
      case "info":
        break;
      default: {
        const never: never = s.decision;
        throw new Error(`no summary for decision ${String(never)}`);
      }
    }
  }
  const f = trace.final;
  const twoLines = trace.steps.some((s) => s.line === "jiebei") || f.jiebei.status !== "none";
  const grid: RunSummary["grid"] = {};
  for (const [line, months] of Object.entries(trace.grid) as Array<[LineId, Trace["grid"]["huabei"]]>)
    if (months && months.length > 0) grid[line] = months.map((m) => m.code).join("");
  return {
    decisions,
    events,
    end: {
      day: f.day,
      score: f.score,
      band: band(f.score),
      ...lineEnd(f),
      jiebei: twoLines ? lineEnd(f.jiebei) : null,
    },
    grid,
  };
}
