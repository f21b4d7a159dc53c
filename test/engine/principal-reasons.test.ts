// An adverse decision's principal reasons when its rules alone would fill the four places: a score rule is
// no specific reason by itself (Regulation B), so the characteristic that cost the most takes the last
// place unless a cited code already says it.

import { describe, expect, it } from "vitest";
import type { ReasonCode } from "../../src/engine/reasons.js";
import { CHARACTERISTICS, type ScoreInputs } from "../../src/engine/scorecard.js";
import { principalReasons } from "../../src/engine/verdict.js";
import { run } from "./builders.js";

/** Real inputs from the engine (every characteristic known), and points at every maximum but those given. */
const INPUTS: ScoreInputs = run([{ day: 0, type: "note", text: "x" }]).steps[0]!.inputs;
const known: ScoreInputs = { ...INPUTS, daysPastDueNow: 0, missedDues12m: 0, worstDaysPastDue24m: 0 };
const scoring = (short: Partial<Record<keyof ScoreInputs, number>>) => ({
  points: CHARACTERISTICS.map((c) => c.max - (short[c.id] ?? 0)),
  inputs: known,
});

const CUT: ReasonCode[] = [
  "SCORE_BELOW_LIMIT_BAND",
  "NOT_RESTORED_YET",
  "OVERDUE_OUTSTANDING",
  "SCORE_BELOW_RESTORE",
];

describe("principal reasons when four rules fill every place", () => {
  it("a score rule's costliest characteristic, said by none, takes the last place", () => {
    const s = scoring({ missedDues12m: 115, daysPastDueNow: 110, utilisation: 30 });
    expect(principalReasons(CUT, s)).toEqual([
      "SCORE_BELOW_LIMIT_BAND",
      "NOT_RESTORED_YET",
      "OVERDUE_OUTSTANDING",
      "OVERDUE_RECENT",
    ]);
  });

  it("keeps the rules when one of them says it already (an overdue outstanding is the days past due now)", () => {
    const s = scoring({ daysPastDueNow: 110, missedDues12m: 70 });
    expect(principalReasons(CUT, s)).toEqual(CUT);
  });

  it("keeps the rules when none is about the score", () => {
    const rules: ReasonCode[] = [
      "TOO_MANY_APPLICATIONS",
      "OVERDUE_OUTSTANDING",
      "INCREASE_TOO_SOON",
      "DEBT_TO_INCOME_TOO_HIGH",
    ];
    expect(principalReasons(rules, scoring({ missedDues12m: 115 }))).toEqual(rules);
  });
});
