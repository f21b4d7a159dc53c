// Stories of an eighteenth round, a credit-risk reviewer's (test/fixtures/scenarios), on Jiebei in depth,
// limits and the money: an increase asked on the morning of the review that gives a cut limit back.

import { describe, expect, it } from "vitest";
import { at, passing, twin } from "./helpers/stories.js";

describe("stories of an eighteenth round (test/fixtures/scenarios)", () => {
  it("an increase asked on the morning of the review that gives a cut limit back is no way back to it: the cut stays on record, and the first review after the increase's cooldown gives the rest back", () => {
    const t = passing("increase-asked-on-the-give-back-day.yaml");
    // customer service named both roads: the increase from day 256, and the review of day 258 giving back
    const told = at(t.steps, "contact_support", 205).remedies.find((r) => r.kind === "limit_cut");
    expect(told).toMatchObject({ increase: { day: 256 }, givenBack: { day: 258, gives: 1_400_000 } });
    // granted what she asked; the same day's review gives nothing back (the increase is a raise) …
    expect(at(t.steps, "review", 258)?.decision ?? null).not.toBe("limit_restored");
    // … and the one after the cooldown gives the ¥14,000 back, citing the income cut it clears
    const back = at(t.steps, "review", 349);
    expect(back.facts.find((f) => f.code === "LIMIT_GIVEN_BACK")).toMatchObject({
      threshold: 1_400_000,
      value: 1_400_000,
      from: 1_000_000,
      cleared: ["INCOME_BELOW_LIMIT"],
    });
    // the twin who did not ask has it back on day 258; asking never ends her above ¥14,000 nor for ever below
    const unasked = twin("increase-asked-on-the-give-back-day.yaml", [
      "{ day: 258, type: apply, product: increase, amount: 2000 }",
      "{ day: 258, type: note, text: not asked }",
    ]);
    expect(at(unasked.steps, "review", 258).limit).toBe(1_400_000);
    expect(t.steps.at(-1)!.limit).toBe(unasked.steps.at(-1)!.limit);
  });
});
