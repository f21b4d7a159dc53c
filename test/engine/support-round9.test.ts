// Customer service's answers, round 9, each followed through the engine: a security hold laid over a
// suspension is said with its own day and reasons, the suspension beneath with its own.

import { describe, expect, it } from "vitest";
import type { Remedy, Step } from "../../src/engine/types.js";
import { describeRemedy } from "../../src/scenario/format/remedy-text.js";
import { DEFAULT_POLICY, type EventInput, on, run, stateOn, TIGHTENED_POLICY } from "./builders.js";

const answerOn = (events: EventInput[], o: object, day: number): Step =>
  run(events, o).steps.find((s: Step) => s.event.type === "contact_support" && s.day === day)!;
type OnRecord = Extract<Remedy, { kind: "on_record" }>;

/** Unverified, the tightened policy from day 100 suspends the line at the review on day 105 (it requires a
 *  verified identity); switched back to the default on day 110, three bound-detail changes on days 118–120
 *  lay a security hold over that suspension; customer service asked on day 121. */
const switchedBack: EventInput[] = [
  on.open(0, 5_000),
  on.purchase(3, 300),
  on.repay(35, "full"),
  on.policy(100, { use: TIGHTENED_POLICY }),
  on.policy(110, { use: DEFAULT_POLICY }),
  on.change(118),
  on.change(119, "address"),
  on.change(120, "device"),
  on.support(121),
];
const unverified = { until: 140, policy: DEFAULT_POLICY, profile: { verified: false } };

describe("a security hold laid over a policy suspension, the policy since switched back", () => {
  const said = answerOn(switchedBack, unverified, 121);
  const records = said.remedies.filter((r): r is OnRecord => r.kind === "on_record");

  it("is said with its own day and reasons, the suspension beneath with its own", () => {
    expect(records).toMatchObject([
      {
        cause: "security",
        since: 120,
        day: 120,
        reasons: ["SECURITY_PROFILE_CHANGES", "FREQUENT_PROFILE_CHANGES"],
      },
      { cause: "policy", since: 105, day: 105, reasons: ["POLICY_CHANGE", "IDENTITY_REQUIRED"] },
    ]);
    const hold = describeRemedy(records[0]!, ["huabei"]);
    // (it said "suspended since 2024-04-15 (day 105); security reasons recorded 2024-04-30 (day 120)")
    expect(hold).toContain("security hold since 2024-04-30 (day 120)");
    expect(hold).not.toContain("day 105");
    expect(describeRemedy(records[1]!, ["huabei"])).toContain("suspended since 2024-04-15 (day 105)");
  });

  it("comes true followed: verified, the review it names restores the line", () => {
    const wait = said.remedies.find((r) => r.kind === "wait_for_review");
    expect(wait).toMatchObject({ day: 135 });
    const followed = run([...switchedBack, on.verify(121)], unverified, { answers: false });
    expect(stateOn(followed, 134).status).toBe("suspended");
    expect(stateOn(followed, 135).status).toBe("active");
  });
});
