// `run --json`: one JSON object per step (NDJSON). Money in yuan as numbers with at most 2 decimals.

import type { Fen, Step, StepEvent } from "../engine/index.js";

const yuan = (fen: Fen): number => fen / 100;

function eventDetails(e: StepEvent): Record<string, unknown> {
  switch (e.type) {
    case "apply":
      return { product: e.product, amount: yuan(e.amount) };
    case "purchase":
      return { amount: yuan(e.amount), merchant: e.merchant };
    case "repay":
      return { amount: e.amount.kind === "amount" ? yuan(e.amount.fen) : e.amount.kind };
    case "change_profile":
      return { field: e.field };
    case "external_debt":
      return { amount: yuan(e.amount) };
    case "income":
      return { monthlyIncome: e.monthlyIncome };
    case "policy":
      return { use: e.use?.name ?? null, set: e.set };
    case "note":
      return { text: e.text };
    case "statement":
      return { billed: yuan(e.billed), carried: yuan(e.carried), minimum: yuan(e.minimum), dueDay: e.dueDay };
    case "due":
      return { due: yuan(e.due), minimumUnpaid: yuan(e.minimumUnpaid) };
    case "overdue":
      return { overdue: yuan(e.overdue), overdueDays: e.overdueDays };
    case "review":
      return { requested: e.requested };
    default:
      return {};
  }
}

function stepToJson(scenario: string, s: Step): Record<string, unknown> {
  return {
    scenario,
    day: s.day,
    date: s.date,
    event: s.event.type,
    details: eventDetails(s.event),
    decision: s.decision,
    reasons: s.reasons,
    score: s.score,
    scoreDelta: s.scoreDelta,
    moves: s.moves,
    limit: yuan(s.limit),
    balance: yuan(s.balance),
    available: yuan(s.available),
    overdue: yuan(s.overdue),
    overdueDays: s.overdueDays,
    status: s.status,
    cause: s.cause,
    policy: s.policy,
    applied: yuan(s.applied),
    remedies: s.remedies,
  };
}

export function traceToNdjson(scenario: string, steps: readonly Step[]): string {
  return steps.map((s) => `${JSON.stringify(stepToJson(scenario, s))}\n`).join("");
}
