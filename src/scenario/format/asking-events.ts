// The events a step asks for, named as a scenario writes them: an early review, an increase (Jiebei's named).

import type { LineId } from "../../engine/index.js";

/** The event that asks for an early review of `line`: without `line:` a request reviews the first line
 *  suspended, Huabei when both are, so Jiebei's is named. */
export const requestReviewOf = (line: LineId): string =>
  line === "jiebei" ? "request_review with line: jiebei" : "request_review";

/** The application that raises `line`'s limit: one without `line:` raises Huabei's, so Jiebei's is named. */
export const increaseOf = (line: LineId): string =>
  line === "jiebei" ? "apply with line: jiebei, product: increase" : "apply, product: increase";
