// The clean period restoration needs is a step only when it ends after today: with restoreCleanDays 0
// and an overdue still owed it ends the day it is paid — today at the earliest — and "repay every bill
// on time until [today]" asked nothing (paying the overdue is the step). Held over clean periods.

import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, on, run, stepOn } from "./builders.js";

/** A ¥1,000 Huabei line, ¥400 spent on day 1 and never repaid (suspended for it), the clean period
 *  `clean` days; customer service asked on day `ask`. */
const remedies = (clean: number, ask: number) =>
  stepOn(
    run([on.open(0, 1_000), on.purchase(1, 400), on.support(ask)], {
      until: ask + 1,
      policy: { ...DEFAULT_POLICY, restoreCleanDays: clean },
    }),
    "contact_support",
    ask,
  ).remedies ?? [];

describe("the clean period step", () => {
  for (const clean of [0, 1, 30, 90])
    for (const ask of [80, 100])
      it(`restoreCleanDays ${clean}, asked on day ${ask} with the overdue owed: a step only when it ends after today`, () => {
        const own = remedies(clean, ask);
        expect(own.some((r) => r.kind === "pay_overdue")).toBe(true);
        const steps = own.filter((r) => r.kind === "keep_clean_until");
        for (const r of steps) expect(r.day).toBeGreaterThan(ask);
        expect(steps.length > 0).toBe(clean > 0);
      });
});
