import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import type { LineId } from "../../src/engine/vocabulary.js";
import { describeRemedy } from "../../src/scenario/format.js";
import { on, run, stepOn, testPolicy } from "./builders.js";

// What is due in its grace days, asked about then: the step says what missing it costs as the next-due step
// does — the day the overdue check suspends the customer's lines, `suspendOverdueDays` past its due day.
// It once said only "unpaid, it falls into arrears", and the suspension day went unnamed until it was past
// due (the step for the instalment after it named its own).
describe("a bill or instalment in its grace days names the suspension missing it brings", () => {
  const payDue = (remedies: readonly Remedy[], line: LineId) =>
    remedies.find((r): r is Extract<Remedy, { kind: "pay_due" }> => r.kind === "pay_due" && r.line === line);
  const policy = testPolicy({});
  const days = policy.suspendOverdueDays;

  it("a Jiebei instalment: the day, and the day comes true unpaid", () => {
    // ¥3,000 over 3 months drawn on day 10: its first instalment due on day 41, asked about on day 42
    const events = [on.open(0, 10_000, "jiebei"), on.borrow(10, 3_000, 3), on.support(42)];
    const t = run(events, { policy, until: 120 });
    const s = stepOn(t, "contact_support", 42);
    const due = payDue(s.remedies, "jiebei")!;
    expect(due).toMatchObject({ suspends: { day: 41 + days, days, lines: ["jiebei"] } });
    expect(describeRemedy(due)).toContain(
      `unpaid, it falls into arrears; still unpaid on ${due.suspends!.date} (day ${41 + days}), ${days} days past due, Jiebei is suspended`,
    );
    // left unpaid: suspended that day, not before
    const suspended = t.steps.find((x) => x.decision === "suspended");
    expect(suspended?.day).toBe(41 + days);
  });

  it("a Huabei minimum, both lines open: both lines named", () => {
    // a ¥1,000 bill stated on day 31, due on day 40: asked about on day 41, in its grace days
    const events = [on.open(0, 5_000), on.open(0, 10_000, "jiebei"), on.purchase(1, 1_000), on.support(41)];
    const t = run(events, { policy, until: 60 });
    const due = payDue(stepOn(t, "contact_support", 41).remedies, "huabei")!;
    expect(due).toMatchObject({ suspends: { day: 40 + days, lines: ["huabei", "jiebei"] } });
  });
});
