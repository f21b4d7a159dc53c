// Base vs variant: steps aligned by typed keys, each side a Verdict keyed on its decision.

import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/index.js";
import { loadScenario } from "../../src/scenario/load.js";
import { keyText, outcome } from "../../src/whatif/compare.js";
import { restoreTarget } from "../../src/whatif/goal.js";
import { compareRuns, runVariant } from "../../src/whatif/run.js";
import { apply, base, LATE, PHONE } from "./helpers.js";

describe("outcome", () => {
  it("a write-off ends the suspension as a closure does: days suspended stop at the charge-off", () => {
    const { scenario } = loadScenario("scenarios/default-charge-off.yaml");
    const t = simulate(scenario);
    const suspended = t.steps.find((s) => s.decision === "suspended")!;
    const chargedOff = t.steps.find((s) => s.decision === "charged_off")!;
    expect(chargedOff.day).toBeLessThan(t.until);
    expect(outcome(t).daysSuspended).toBe(chargedOff.day - suspended.day);
  });

  it("a day with a line suspended counts once: both lines suspended the same day, one charged off, the other closed later", () => {
    // Huabei and Jiebei suspended on day 100, Jiebei charged off on day 250, Huabei closed on day 288: what-if
    // stopped at the write-off (150) while Huabei stayed suspended
    const { scenario } = loadScenario("test/fixtures/scenarios/jiebei-defaulted-huabei-paid.yaml");
    expect(outcome(simulate(scenario)).daysSuspended).toBe(288 - 100);
  });
});

describe("comparison", () => {
  it("lists the removed applications and the decisions that change downstream", () => {
    const b = base(LATE);
    const v = apply(apply(b, "remove", "3-6"), "edit", "7:day=60");
    const cmp = compareRuns(runVariant(b), runVariant(v));
    const keys = cmp.differences.filter((d) => d.kind === "decision").map((d) => keyText(d.key));
    expect(keys).toEqual(expect.arrayContaining(["#3", "#4", "#5", "#6"]));
    const removed = cmp.differences.find((d) => keyText(d.key) === "#5")!;
    expect(removed).toMatchObject({
      key: { kind: "event", id: 5 },
      variant: { decision: "absent", why: "removed" },
      base: { decision: "declined" },
    });
    // the repayment moved before the suspension trigger: the suspension disappears
    expect(cmp.base.suspensions).toBeGreaterThan(0);
    expect(cmp.variant.suspensions).toBe(0);
    const suspension = cmp.differences.find((d) => d.base.decision === "suspended");
    expect(suspension?.variant.decision).not.toBe("suspended");
  });

  it("an adverse decision that stands but is told other reasons is listed: the score's among them", () => {
    // Zhang Ming without his limit-increase applications: the overdue still suspends him on day 227, but
    // the notice no longer cites the applications (and his lower limit is more used)
    const b = base("scenarios/zhang-ming.yaml");
    const cmp = compareRuns(runVariant(b), runVariant(apply(b, "remove", "type=apply,product=increase")));
    const review = cmp.differences.find((d) => keyText(d.key) === "review@227")!;
    expect(review).toMatchObject({ kind: "reasons", base: { decision: "suspended" } });
    expect(review.variant.decision).toBe("suspended");
    const told = (v: typeof review.base) => (v.decision === "absent" ? [] : v.reasons);
    expect(told(review.base)).toContain("INQUIRIES_30D");
    expect(told(review.variant)).not.toContain("INQUIRIES_30D");
    expect(cmp.counts.reasons).toBeGreaterThanOrEqual(1);
    // a decision that is not adverse tells no score reasons: an approval stays unlisted when only the
    // score moved
    for (const d of cmp.differences.filter((x) => x.kind === "reasons"))
      expect(["approved_lower", "declined", "suspended", "limit_reduced", "closed", "charged_off"]).toContain(
        d.base.decision,
      );
  });

  it("an unedited variant differs in nothing", () => {
    const b = runVariant(base(PHONE));
    const cmp = compareRuns(b, runVariant(base(PHONE)));
    expect(cmp.differences).toEqual([]);
  });
});

describe("alignment keys", () => {
  it("are data; their text is only written", () => {
    expect(keyText({ kind: "event", id: 7 })).toBe("#7");
    expect(keyText({ kind: "engine", type: "review", day: 121, occurrence: 0, line: "huabei" })).toBe(
      "review@121",
    );
    expect(keyText({ kind: "engine", type: "review", day: 121, occurrence: 0, line: "jiebei" })).toBe(
      "review@121/jiebei",
    );
    expect(keyText({ kind: "engine", type: "overdue", day: 90, occurrence: 1, line: "huabei" })).toBe(
      "overdue@90.1",
    );
    expect(keyText({ kind: "also", id: 7, line: "jiebei" })).toBe("#7/jiebei");
  });

  it("align engine steps by type and day: a suspension that goes away is the same review, undecided", () => {
    const cmp = compareRuns(runVariant(base(LATE)), runVariant(apply(base(LATE), "edit", "7:day=60")));
    const engine = cmp.differences.filter((d) => d.key.kind === "engine");
    expect(engine.length).toBeGreaterThan(0);
    const suspension = engine.find((d) => d.base.decision === "suspended")!;
    expect(suspension.key).toMatchObject({ kind: "engine", day: 70 });
    expect(["absent", null]).toContain(suspension.variant.decision);
  });
});

describe("suspensions counted", () => {
  it("a suspended line's change of cause (security hold, then credit again) is one suspension", () => {
    const run = runVariant(base("test/fixtures/whatif/security-on-credit.yaml"));
    const decided = run.trace.steps.filter((s) => s.decision === "suspended").map((s) => [s.day, s.cause]);
    expect(decided).toEqual([
      [70, "credit"],
      [74, "security"],
      [76, "credit"],
    ]);
    const cmp = compareRuns(run, run);
    expect(cmp.base).toMatchObject({ suspensions: 1, firstSuspendedDay: 70 });
    // --reach restored is about the suspension, which began on day 70
    expect(restoreTarget(run.trace)?.day).toBe(70);
  });
});
