// An exported account replays to the same outcome under a challenger that sets policy parameters.

import { describe, it } from "vitest";
import { expectExportsReplay, policy, settings, tightened } from "./helpers.js";

describe("export round-trip, challengers with parameters set", () => {
  it("an exported account replays to the same outcome (challenger = default + minScore 680 from day 90)", () => {
    expectExportsReplay(
      settings({ challenger: policy, challengerFrom: 90, challengerSet: { minScore: 680 } }),
      "challenger",
    );
  });

  it("an exported account replays to the same outcome (challenger = tightened + maxApplications30d 1 from day 0)", () => {
    expectExportsReplay(
      settings({ challenger: tightened, challengerSet: { maxApplications30d: 1 } }),
      "challenger",
    );
  });
});
