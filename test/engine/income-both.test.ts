// Two income steps, one line's income inside the range the other line's step makes it unsafe: the answer
// names the income at which the review leaves both lines open, and following it does (stop 50: under
// `tightened`, Jiebei drawn ¥2,277.50 of ¥4,555, Huabei suspended for an income of ¥167 — at ¥334 Huabei
// comes back and Jiebei is suspended, from ¥335 to ¥389 Huabei is held and Jiebei kept, from ¥390 both).

import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import { remedyText } from "../../src/scenario/format/remedy-text.js";
import { on, run, stateOn, stepOn } from "./builders.js";
import { UNSAFE_INCOME_EVENTS, UNSAFE_INCOME_OPTIONS } from "./unsafe-income-story.js";

const events = UNSAFE_INCOME_EVENTS;
const options = UNSAFE_INCOME_OPTIONS;

/** The lines active after the review of day 45, `monthly` reported and identity verified on the day of the
 *  call (the answer's steps). */
function activeOn45(monthly: number): string[] {
  const t = run([...events, on.income(40, monthly), on.verify(40)], { ...options, until: 45 });
  const last = stateOn(t, 45);
  return [
    ...(last.status === "active" ? ["huabei"] : []),
    ...(last.jiebei.status === "active" ? ["jiebei"] : []),
  ];
}

describe("an income step inside the range the other line's step makes unsafe", () => {
  const answer = stepOn(run([...events, on.support(40)], { ...options, until: 40 }), "contact_support", 40)
    .remedies as Remedy[];
  const income = answer.find((r) => r.line === "huabei" && r.kind === "report_income");

  it("names the least income above the range at which the review leaves both lines active", () => {
    expect(income).toMatchObject({
      income: 334,
      notBetween: { line: "jiebei", from: 335, to: 389, both: 390 },
    });
    expect(remedyText(income!)).toContain("from ¥390.00 a month, the review that can restore it leaves both");
  });

  it("followed, that income keeps both; the steps' own incomes, and one below it, do not", () => {
    expect(activeOn45(390)).toEqual(["huabei", "jiebei"]);
    expect(activeOn45(389)).toEqual(["jiebei"]);
    expect(activeOn45(335)).toEqual(["jiebei"]);
    expect(activeOn45(334)).toEqual(["huabei"]);
    // Jiebei's own step asks ¥335 for that review
    expect(answer.find((r) => r.line === "jiebei" && r.kind === "reduce_debt")).toMatchObject({
      income: 335,
      missed: { day: 45 },
    });
  });
});
