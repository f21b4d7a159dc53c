import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import { describeRemedy } from "../../src/scenario/format.js";
import { on, run, stepOn, testPolicy } from "./builders.js";

// After a charge-off no check acts on an overdue any more, and customer service said only "pay the overdue
// ¥2,179.00 now", no reason given. It says why, as the model treats a recovery: the debt written off is
// still owed; repaid, the delinquency ends (days past due stop, its 5 years on file start) — and no line is
// offered again either way, which it must not seem to promise.
describe("customer service after a charge-off: why pay the overdue written off", () => {
  const policy = testPolicy({});
  const pay = (t: ReturnType<typeof run>, day: number) =>
    stepOn(t, "contact_support", day).remedies.find(
      (r): r is Extract<Remedy, { kind: "pay_overdue" }> => r.kind === "pay_overdue",
    )!;

  it("names it a recovery and says what paying does on the record, and what it does not", () => {
    const t = run([on.open(0, 4_000), on.purchase(35, 2_000), on.support(260)], { policy, until: 300 });
    expect(stepOn(t, "contact_support", 260)).toMatchObject({ status: "charged_off" });
    const r = pay(t, 260);
    expect(r).toMatchObject({ recovery: true });
    expect(r.by).toBeUndefined();
    expect(r.today).toBeUndefined();
    const text = describeRemedy(r);
    expect(text).toMatch(
      /^pay the overdue ¥[\d,.]+ now: the debt is written off but still owed, and paying it ends the delinquency/,
    );
    expect(text).toContain("the 5 years it stays on the credit record start from the repayment");
    expect(text).toContain("no line is opened, raised or restored again, even once it is repaid");
  });

  it("before the charge-off, no recovery is said: the write-off ahead is the reason", () => {
    const t = run([on.open(0, 4_000), on.purchase(35, 2_000), on.support(200)], { policy, until: 210 });
    const r = pay(t, 200);
    expect(r.recovery).toBeUndefined();
    expect(describeRemedy(r)).not.toContain("written off but still owed");
  });
});
