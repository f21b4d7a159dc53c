// contact_support: a closure's call-in said wherever the closure is, and a line held only by the other
// line's overdue asked for no score the overdue's payment already brings.

import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import { DEFAULT_POLICY, on, run, stepOn, stepsOf } from "./builders.js";

const remedy = <K extends Remedy["kind"]>(remedies: readonly Remedy[], kind: K, line?: string) =>
  remedies.find(
    (r): r is Extract<Remedy, { kind: K }> => r.kind === kind && (line === undefined || r.line === line),
  );

const PROFILE = { age: 35, monthlyIncome: 15_000, verified: true, creditHistoryMonths: 60, externalDebt: 0 };

describe("a line held only by the other line's overdue", () => {
  // Jiebei's ¥6,000 loan never repaid; Huabei, repaid in full, suspended with it on day 71 for Jiebei's overdue
  const events = [
    on.open(0, 5_000),
    on.open(0, 20_000, "jiebei"),
    on.borrow(10, 6_000, 6),
    on.purchase(15, 500),
    on.repay(35, "full"),
    on.purchase(60, 200),
    on.support(100),
  ];
  it("is asked for no score above what restores it once the overdue is paid, as the steps ask", () => {
    const t = run(events, { policy: DEFAULT_POLICY, profile: PROFILE, until: 101 });
    const answer = stepOn(t, "contact_support", 100);
    expect(answer.status).toBe("suspended");
    // followed: the overdue paid on the call, every bill on time, nothing else done
    const followed = run([...events, on.repay(100, "full", "jiebei"), on.repay(160, "full")], {
      policy: DEFAULT_POLICY,
      profile: PROFILE,
      until: 200,
    });
    const restored = stepsOf(followed, "review").find(
      (s) => s.line === "huabei" && s.decision === "restored",
    );
    expect(restored).toBeDefined();
    expect(restored!.day).toBe(196);
    // what held Huabei was Jiebei's overdue and the clean period after it: paid, the score (825 that day)
    // is far above restoreScore (660) and the line used once restored is kept — no score step, and none of
    // the once-used checks that read the overdue as still past due (655 vs delinquentMinScore 680) cited
    expect(remedy(answer.remedies, "raise_score", "huabei")).toBeUndefined();
    expect(remedy(answer.remedies, "keep_clean_until", "huabei")?.day).toBe(190);
    expect(answer.reasons).toContain("OVERDUE_OUTSTANDING");
    expect(answer.reasons).not.toContain("LIMIT_KEPT_ONCE_USED");
    expect(answer.reasons).not.toContain("PAST_DUE_AT_REVIEW");
  });
});
