// Applications the lender's own records refuse are knocked out before the credit report is pulled: no
// inquiry — no score points lost, nothing counted towards maxApplications30d — and the knockout's reasons.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReasonCode } from "../../src/engine/reasons.js";
import { simulate } from "../../src/engine/simulate.js";
import type { Scenario, Step } from "../../src/engine/types.js";
import { scenarioArb } from "./arbitraries.js";
import {
  applicationsElsewhere,
  type EventInput,
  on,
  run,
  scoreFallsAfterOpening,
  stateOn,
  stepOn,
  testPolicy,
} from "./builders.js";

describe("knocked out on the lender's own records", () => {
  // Huabei opened on day 0 and suspended for its score by the review of day 14 after three applications
  // elsewhere on day 1; Jiebei applied for on day 20 while Huabei is suspended
  const policy = scoreFallsAfterOpening();
  const suspended = (extra: EventInput[]) =>
    run([on.open(0, 1_000), ...applicationsElsewhere(1), ...extra], { policy, until: 60 });

  it("an application while the other line is suspended records no inquiry: the score and the applications counted stay as without it", () => {
    const applied = suspended([on.open(20, 1_000, "jiebei")]);
    const not = suspended([on.note(20)]);
    expect(stateOn(applied, 19)).toMatchObject({ line: "huabei", status: "suspended", cause: "credit" });
    const s = stepOn(applied, "apply", 20);
    expect(s).toMatchObject({ decision: "declined", reasons: ["OTHER_LINE_SUSPENDED"] });
    expect(s.facts).toEqual([{ code: "OTHER_LINE_SUSPENDED", line: "huabei" }]);
    // judged on no file: no report was pulled
    expect(s.judged).toBeUndefined();
    const without = stepOn(not, "note", 20);
    expect(s.score).toBe(without.score);
    expect(s.scoreDelta).toBe(0);
    expect(s.inputs.inquiries30d).toBe(without.inputs.inquiries30d);
    // and on every later day, the score is the one the timeline without it has
    for (let day = 21; day <= 60; day++) expect(stateOn(applied, day).score).toBe(stateOn(not, day).score);
  });

  it("a knocked-out application is not counted when the next one is judged against maxApplications30d", () => {
    // Huabei opened (one application), held for three changes of bound details on day 5; Jiebei applied for
    // on day 6 while it is held, then again on day 8 once the customer has verified: two applications in 30
    // days with its own, within the two the policy allows — the knocked-out one on day 6 pulled no report
    const t = run(
      [
        on.open(0, 1_000),
        on.change(5, "phone"),
        on.change(5, "address"),
        on.change(5, "device"),
        on.open(6, 1_000, "jiebei"),
        on.verify(7),
        on.open(8, 1_000, "jiebei"),
      ],
      { policy: testPolicy({ maxApplications30d: 2 }) },
    );
    const held = stepOn(t, "apply", 6);
    expect(held.decision).toBe("declined");
    // every knockout that fails is cited: the suspension and the hold's changes
    expect(held.reasons.slice(0, 2)).toEqual(["OTHER_LINE_SUSPENDED", "SECURITY_PROFILE_CHANGES"]);
    expect(held.scoreDelta).toBe(0);
    const after = stepOn(t, "apply", 8);
    expect(after.reasons).not.toContain("TOO_MANY_APPLICATIONS");
    expect(after).toMatchObject({ decision: "approved", line: "jiebei", status: "active" });
    expect(after.judged?.inquiries30d).toBe(1);
  });

  it("an amount past due knocks an application out, and an increase within increaseCleanDays of a missed due date", () => {
    // a ¥500 purchase on day 1, billed on day 31, due day 40 (grace to 43): overdue from day 44; repaid day 50
    const policy = testPolicy({ increaseCleanDays: 90 });
    const t = run(
      [
        on.open(0, 5_000),
        on.purchase(1, 500),
        on.increase(46, 1_000),
        on.repay(50, "full"),
        on.increase(60, 1_000),
      ],
      {
        policy,
      },
    );
    const overdue = stepOn(t, "apply", 46);
    expect(overdue.reasons.slice(0, 2)).toEqual(["OVERDUE_OUTSTANDING", "RECENT_MISSED_PAYMENT"]);
    expect(overdue.scoreDelta).toBe(0);
    const recent = stepOn(t, "apply", 60);
    expect(recent.decision).toBe("declined");
    expect(recent.reasons[0]).toBe("RECENT_MISSED_PAYMENT");
    expect(recent.facts[0]).toMatchObject({ parameter: "increaseCleanDays", threshold: 90 });
    expect(recent.scoreDelta).toBe(0);
    expect(recent.judged).toBeUndefined();
  });
});

/** The steps a timeline's other events make, the event's index aside (one event fewer moves it), and what
 *  the score moved since the step before (with a step fewer, counted from an earlier one: the score itself
 *  is compared). */
const others = (steps: readonly Step[], skip: number): unknown[] =>
  steps
    .filter((s) => !(s.event.type === "apply" && s.event.index === skip))
    .map(({ event, byTime: _t, moves: _m, scoreDelta: _d, ...rest }) => ({
      ...rest,
      event: { ...event, index: 0 },
    }));

const KNOCKOUTS = new Set<ReasonCode>(["OTHER_LINE_SUSPENDED", "OVERDUE_OUTSTANDING"]);

describe("property: an application refused unassessed changes nothing else", () => {
  it("the timeline without it has the same steps, scores and decisions", () => {
    // customer service names a declined application when asked about it: calls are left out
    const timelines = scenarioArb.map(
      (s): Scenario => ({ ...s, events: s.events.filter((e) => e.type !== "contact_support") }),
    );
    let knocked = 0;
    fc.assert(
      fc.property(timelines, (sc) => {
        const t = simulate(sc);
        // refused unassessed (judged on no file), or for the knockouts that read no policy — under a
        // rule that assessed them, their inquiry moved the score
        const refused = t.steps.find(
          (s) =>
            s.event.type === "apply" &&
            s.decision === "declined" &&
            (s.judged === undefined || s.reasons.some((r) => KNOCKOUTS.has(r))),
        );
        if (refused === undefined || refused.event.type !== "apply") return;
        const skip = refused.event.index;
        const without = simulate({ ...sc, events: sc.events.filter((e) => e.index !== skip) });
        knocked += refused.reasons.some((r) => KNOCKOUTS.has(r)) ? 1 : 0;
        expect(others(without.steps, -1)).toEqual(others(t.steps, skip));
      }),
      { numRuns: 150 },
    );
    // the knockouts are among the timelines compared, not only the refusals on the books
    expect(knocked).toBeGreaterThan(0);
  });
});
