// A cut limit's give-back review that itself closes the line as unused. The amount it gives back was read
// on the line open as that review begins, its own closure never checked, and the use that averts it never
// asked for: told "as things stand, that review gives back ¥20,000.00", the customer who did nothing saw the
// line closed (dormant) that day. Read on the line kept in use, the answer names the closing review and the
// use — and both readings hold through the engine.

import { describe, expect, it } from "vitest";
import type { Remedy, Step } from "../../src/engine/types.js";
import { remedyText } from "../../src/scenario/format/remedy-text.js";
import { DEFAULT_POLICY, type EventInput, on, run } from "./builders.js";

type Cut = Extract<Remedy, { kind: "limit_cut" }>;

/** A ¥20,000 Huabei last used on day `used` (repaid two days on), the income halved on day 330 (the review
 *  of day 349 cuts it to ¥10,000, the income's cap), back to ¥10,000 on day `back`; customer service asked
 *  on day `asked`. Left unused, the periodic review the cooldown and the clean record allow first closes the
 *  line as unused. */
const events = (used: number, back: number, asked: number, more: EventInput[] = []): EventInput[] => [
  on.open(0, 20_000),
  on.purchase(5, 500),
  on.repay(30, "full"),
  on.purchase(used, 500),
  on.repay(used + 2, "full"),
  on.income(330, 5_000),
  on.income(back, 10_000),
  on.support(asked),
  ...more,
];
const options = (until: number) => ({
  until,
  policy: DEFAULT_POLICY,
  profile: { age: 35, monthlyIncome: 10_000, verified: true, creditHistoryMonths: 36 },
});
const cutOn = (used: number, back: number, asked: number): Cut =>
  run(events(used, back, asked), options(asked))
    .steps.find((s: Step) => s.event.type === "contact_support")!
    .remedies.find((r): r is Cut => r.kind === "limit_cut")!;

describe("a cut limit's give-back review that closes the line as unused", () => {
  it.each([
    // asked on the review's own day (its events come before it): the review of day 439 closes the line
    { used: 60, back: 400, asked: 439, review: 439 },
    // asked before it, the increase askable today: the review of day 470 closes the line
    { used: 90, back: 444, asked: 445, review: 470 },
  ])(
    "last used day $used, asked day $asked: the review of day $review read on the line kept in use — unused, it closes it and gives nothing back; used as told, it gives back what it said",
    ({ used, back, asked, review }) => {
      const cut = cutOn(used, back, asked);
      expect(cut).toMatchObject({ from: 2_000_000, to: 1_000_000 });
      expect(cut.givenBack).toMatchObject({ day: review, gives: 2_000_000 });
      expect(cut.givenBack?.nothing).toBeUndefined();
      // the promise names the use it needs and the review that closes the line without it — the use before
      // the application the answer says can be made today (a reviewer's find: "use it before then" only)
      expect(cut.increase.inUse?.day).toBe(review);
      expect(remedyText(cut)).toContain(
        "which can be made today. Left unused, the line is closed at the review",
      );
      expect(remedyText(cut)).toContain("use it before applying (a purchase of at least ¥10, repaid)");
      // unused: that review closes the line, nothing given back
      const left = run(events(used, back, asked), options(review), { answers: false });
      expect(left.final).toMatchObject({ status: "closed", cause: "dormant", limit: 0 });
      // used as the answer asks (a purchase of at least ¥10 before the review, repaid): given back as said
      const kept = run(
        events(used, back, asked, [on.purchase(asked, 10), on.repay(asked + 1, "full")]),
        options(review),
        { answers: false },
      );
      const at = kept.steps.find(
        (s: Step) => s.day === review && s.line === "huabei" && s.event.type === "review",
      );
      expect(at?.decision).toBe("limit_restored");
      expect(kept.final).toMatchObject({ status: "active", limit: 2_000_000 });
      // the increase judged on the line kept in use too (judged unused, 'not used recently enough' was said
      // beside "kept in use"): used, then applied for on the day named, approved
      expect(cut.increase).toMatchObject({ day: asked, now: true });
      expect(cut.increase.blocked).toBeUndefined();
      const applied = run(
        events(used, back, asked, [on.purchase(asked, 10), on.increase(asked, (cut.from - cut.to) / 100)]),
        options(asked),
        { answers: false },
      ).steps.find((s: Step) => s.event.type === "apply" && s.day === asked);
      expect(applied?.decision).toBe("approved");
    },
  );
});
