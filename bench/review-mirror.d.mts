// The types of review-mirror.mjs, for the test that imports it (the bench passes dist/'s functions, the
// test src/'s: the same signatures).
import type { Engine } from "json-rules-engine";
import type { cleanSince } from "../src/engine/applications.js";
import type { Customer, customerOverdue, HuabeiLine, suspendedFor } from "../src/engine/customer.js";
import type { capFor, managedCap, standingCap } from "../src/engine/eligibility.js";
import type { applicationFile } from "../src/engine/grant.js";
import type { cleanPeriodFrom, heldByPolicy, restoredOnceUsed, trimmedFile } from "../src/engine/review.js";
import type { debtToIncome, Scored } from "../src/engine/score-inputs.js";
import type { bandLowered } from "../src/engine/standard.js";
import type { Policy } from "../src/engine/types.js";

/** The engine's functions the facts are computed with. */
export interface MirrorEngine {
  FEN_PER_YUAN: number;
  applicationFile: typeof applicationFile;
  bandLowered: typeof bandLowered;
  capFor: typeof capFor;
  cleanPeriodFrom: typeof cleanPeriodFrom;
  cleanSince: typeof cleanSince;
  customerOverdue: typeof customerOverdue;
  debtToIncome: typeof debtToIncome;
  heldByPolicy: typeof heldByPolicy;
  managedCap: typeof managedCap;
  restoredOnceUsed: typeof restoredOnceUsed;
  standingCap: typeof standingCap;
  suspendedFor: typeof suspendedFor;
  trimmedFile: typeof trimmedFile;
}

/** A review case: the customer, its Huabei line, the day and the score the review reads. */
export interface MirrorCase {
  c: Customer;
  line: HuabeiLine;
  day: number;
  s: Scored;
}

export function reviewMirror(engine: MirrorEngine): {
  factsOf(kase: MirrorCase): Record<string, string | number | boolean>;
  rules(p: Policy): Engine;
};
