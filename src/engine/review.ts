// The periodic review and what follows a suspension: whether a line still meets the policy's standard,
// what blocks restoration, lifting a security hold, line management at the review, a review the customer
// asks for, and closing at the customer's request (the standard a line is kept to: standard.ts). Rules
// decide and never change the customer.
//
// The review's modules (src/engine/review/): blockers (what stands between a suspended line and restoration),
// kept-once-used (the limit a restoration gives back), policy-change (whether a change is what holds a line,
// and how it is cited), security-hold (lifting one), restore (the restoration verdict), give-back (a limit
// cut for a constraint given back: periodic's own), periodic (the review), dormant (a line left unused),
// requests (an early review, a closure the customer asks for), trim (Jiebei's unused limit trimmed for Huabei's
// restoration). This module is their one face.

export { cleanPeriodFrom, cleanUntil, restorationBlockers, restorationScore } from "./review/blockers.js";
export {
  changesUnusedTerms,
  dormantClosingReview,
  dormantNoticeDay,
  unusedDays,
} from "./review/dormant.js";
export { restoredOnceUsed } from "./review/kept-once-used.js";
export { periodicReview } from "./review/periodic.js";
export { citedFacts, citing, heldByPolicy } from "./review/policy-change.js";
export { closeAtRequest, requestedReview } from "./review/requests.js";
export { liftSecurityHold } from "./review/security-hold.js";
export { trimmedFile } from "./review/trim.js";
