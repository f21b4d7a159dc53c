// An exported account replays to the same outcome: the champion, and a challenger policy from day 0 or
// from a later day. (export-set.test.ts: challengers that set policy parameters; two files, so the two
// test workers share the work.)

import { describe, it } from "vitest";
import { expectExportsReplay, settings, tightened } from "./helpers.js";

describe("export round-trip", () => {
  it("an exported account replays to the same outcome (champion)", () => {
    expectExportsReplay(settings(), "champion");
  });

  it("an exported account replays to the same outcome (challenger from day 0)", () => {
    expectExportsReplay(settings({ challenger: tightened }), "challenger");
  });

  it("an exported account replays to the same outcome (challenger from day 150)", () => {
    expectExportsReplay(settings({ challenger: tightened, challengerFrom: 150 }), "challenger");
  });
});
