// What the monotone properties leave out of the score they compare: Huabei activity's points, where the
// lender kept the line from purchases on some day.
import type { Trace } from "../../src/engine/types.js";

/** Whether the lender kept Huabei from purchases on any day of a trace: suspended (a security hold too),
 *  or closed or charged off by the lender — the days the activity window skips. */
export const keptFromPurchases = (t: Trace): boolean =>
  [...t.steps, t.final].some(
    (s) =>
      s.status === "suspended" ||
      s.status === "charged_off" ||
      (s.status === "closed" && s.cause !== "customer"),
  );
