// An exported account replays to the same outcome under arms that set policy parameters: a challenger
// from a later day, and a sweep's variant from day 0.

import { describe, it } from "vitest";
import { arm, expectExportsReplay, policy, settings, tightened } from "./helpers.js";

describe("export round-trip, arms with parameters set", () => {
  it("an exported account replays to the same outcome (challenger = default + minScore 680 from day 90)", () => {
    expectExportsReplay(settings({ arms: [arm(policy, { minScore: 680 })], from: 90 }), 1);
  });

  it("an exported account replays to the same outcome (a sweep's variant: tightened + maxApplications30d 1)", () => {
    expectExportsReplay(
      settings({ arms: [arm(policy, { minOpenScore: 700 }), arm(tightened, { maxApplications30d: 1 })] }),
      2,
    );
  });
});
