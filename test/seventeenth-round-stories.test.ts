// Stories of a seventeenth round, a credit-risk reviewer's (test/fixtures/scenarios), on the article's three
// causes of deactivation: the security rule tightened after changes it allowed, and a write-off a policy
// change brought forward.

import { describe, expect, it } from "vitest";
import { describeFact } from "../src/scenario/format.js";
import { at, passing, twin, worseOff } from "./helpers/stories.js";

describe("stories of a seventeenth round (test/fixtures/scenarios)", () => {
  it("the security rule tightened to one change after two were made: the hold is laid at once, on the policy change, saying both limits — never for changes verified or out of the window, and lifted only by a verification", () => {
    const t = passing("security-rule-tightened.yaml");
    const held = at(t.steps, "policy", 60);
    const fact = held.facts.find((f) => f.code === "SECURITY_PROFILE_CHANGES")!;
    expect(fact).toMatchObject({ threshold: 1, value: 2, before: 2, window: 30 });
    // the limit before the change said beside the limit, not after the window's clause as a count
    expect(describeFact(fact)).toContain(
      "2 vs securityMaxChanges 1 (2 before the policy change) within 30 days",
    );
    // a longer window alone (three changes in 60 days, two allowed as before): held, and no limit "before"
    // said beside one that did not change
    const window = twin(
      "security-rule-tightened.yaml",
      [
        "{ day: 50, type: change_profile, field: phone }",
        "{ day: 10, type: change_profile, field: phone }\n  - { day: 15, type: change_profile, field: device }",
      ],
      ["set: { securityMaxChanges: 1 }", "set: { securityWindowDays: 60 }"],
    );
    const widened = at(window.steps, "policy", 60).facts.find((f) => f.code === "SECURITY_PROFILE_CHANGES")!;
    expect(widened).toMatchObject({ value: 3, threshold: 2, window: 60 });
    expect(widened.before).toBeUndefined();
    // customer service asks for the verification, and never says two changes are as many as allowed
    const call = at(t.steps, "contact_support", 62);
    expect(call.remedies.map((r) => r.kind)).toContain("verify_identity");
    expect(call.remedies.map((r) => r.kind)).not.toContain("change_holds");
    // the twin who verified her identity after the move, and the one whose changes left the window before
    // the change, are not held (the first never ends a day worse than she does: the second changed sooner)
    const verified = twin("security-rule-tightened.yaml", [
      "{ day: 60, type: policy",
      "{ day: 56, type: verify_identity }\n  - { day: 60, type: policy",
    ]);
    const earlier = twin(
      "security-rule-tightened.yaml",
      ["{ day: 50, type: change_profile", "{ day: 20, type: change_profile"],
      ["{ day: 55, type: change_profile", "{ day: 25, type: change_profile"],
    );
    for (const better of [verified, earlier])
      expect(better.steps.filter((s) => s.status === "suspended")).toEqual([]);
    expect(worseOff(verified, t)).toEqual([]);
    // loosened again while held, the rule lifts nothing: only a verification does
    const loosened = twin(
      "security-rule-tightened.yaml",
      ["{ day: 62, type: contact_support }", "{ day: 62, type: policy, set: { securityMaxChanges: 2 } }"],
      ["{ day: 63, type: verify_identity }", "{ day: 63, type: note, text: not verified }"],
    );
    expect(at(loosened.steps, "purchase", 64).decision).toBe("declined");
    // …even the same day: laid in real time, as a change's hold is
    const sameDay = twin("security-rule-tightened.yaml", [
      "{ day: 61, type: purchase",
      "{ day: 60, type: policy, set: { securityMaxChanges: 2 } }\n  - { day: 61, type: purchase",
    ]);
    expect(at(sameDay.steps, "purchase", 61).decision).toBe("declined");
  });

  it("a write-off brought forward by a policy change: charged off at once at 100 days past due on a new 90, the fact saying the 180 before the change — and without the change, not before 180", () => {
    const t = passing("charge-off-brought-forward.yaml");
    const off = t.steps.find((s) => s.decision === "charged_off")!;
    expect(off.day).toBe(140);
    const fact = off.facts.find((f) => f.code === "CHARGED_OFF")!;
    expect(fact).toMatchObject({ threshold: 90, value: 100, before: 180 });
    expect(describeFact(fact)).toContain(
      "100 days vs chargeOffDays 90 days, 180 days before the policy change",
    );
    // the same customer under the policy he had is written off only at 180 days past due, and then says
    // no change
    const kept = twin(
      "charge-off-brought-forward.yaml",
      ["{ day: 140, type: policy, set: { chargeOffDays: 90 } }", "{ day: 140, type: note, text: no change }"],
      ["{ day: 150, type: repay, amount: full }", "{ day: 150, type: note, text: nothing repaid }"],
      ["until: 220", "until: 240"],
    );
    const later = kept.steps.find((s) => s.decision === "charged_off")!;
    expect(later.day).toBeGreaterThan(140);
    expect(later.facts.find((f) => f.code === "CHARGED_OFF")).not.toHaveProperty("before");
  });
});
