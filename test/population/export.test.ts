// An exported account replays to the same outcome: the champion, a challenger from day 0 or from a later
// day. (export-set.test.ts: arms that set policy parameters; two files, so the test workers share the work.)

import { describe, it } from "vitest";
import { arm, expectExportsReplay, settings, tightened } from "./helpers.js";

describe("export round-trip", () => {
  it("an exported account replays to the same outcome (champion)", () => {
    expectExportsReplay(settings(), 0);
  });

  it("an exported account replays to the same outcome (challenger from day 0)", () => {
    expectExportsReplay(settings({ arms: [arm(tightened)] }), 1);
  });

  it("an exported account replays to the same outcome (challenger from day 150)", () => {
    expectExportsReplay(settings({ arms: [arm(tightened)], from: 150 }), 1);
  });
});
