// What the customer asks of a line: an early review (`request_review`), a closure (`close`).

import { type Customer, type Line, owed } from "../customer.js";
import { endedLine, writeOffFact } from "../eligibility.js";
import type { Scored } from "../score-inputs.js";
import { declined, type ScoreSource, type Verdict } from "../verdict.js";
import { periodicReview } from "./periodic.js";

/** `request_review`: an early restoration review of a line, at most one per cooldown. */
export function requestedReview(c: Customer, line: Line, day: number, s: Scored): Verdict {
  if (line.status === "none") return { decision: "info", reasons: ["NO_ACCOUNT"], facts: [] };
  // a written-off line — or a closed one while the other was written off — is not "not suspended": it is
  // closed for good, which is what the customer is told
  if ((line.status === "charged_off" || line.status === "closed") && writeOffFact(c, line))
    return { decision: "info", ...endedLine(c, line) };
  if (line.status !== "suspended") return { decision: "info", reasons: ["NOTHING_TO_REVIEW"], facts: [] };
  const p = c.policy;
  if (line.lastReviewRequest !== null && day - line.lastReviewRequest < p.reviewRequestCooldownDays) {
    return {
      decision: "declined",
      reasons: ["REVIEW_TOO_SOON"],
      facts: [
        {
          code: "REVIEW_TOO_SOON",
          parameter: "reviewRequestCooldownDays",
          threshold: p.reviewRequestCooldownDays,
          value: day - line.lastReviewRequest,
        },
      ],
    };
  }
  return periodicReview(c, line, day, s, true);
}

/** `close`: the customer closes a line, refused while anything is owed on it. */
export function closeAtRequest(c: Customer, line: Line, s: ScoreSource): Verdict {
  if (line.status === "none") return declined(["NO_ACCOUNT"], s);
  if (line.status === "closed" || line.status === "charged_off") {
    const ended = endedLine(c, line);
    return declined(ended.reasons, s, ended.facts);
  }
  const balance = owed(line);
  if (balance > 0)
    return {
      decision: "declined",
      reasons: ["BALANCE_OUTSTANDING"],
      facts: [{ code: "BALANCE_OUTSTANDING", value: balance }],
    };
  return { decision: "closed", cause: "customer", reasons: ["CLOSED_AT_REQUEST"], facts: [] };
}
