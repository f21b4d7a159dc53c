// An increase customer service plays ahead is no application the customer made: the amount it probes
// (the limit raised to the next whole hundred) is said as the smallest increase probed, never as an
// amount "asked" — and the day it names is said plainly: declined before it, then still declined (why).

import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import { remedyText } from "../../src/scenario/format/remedy-text.js";

const fact = {
  code: "LIMIT_AT_INCOME_CAP" as const,
  value: 310_000,
  threshold: 300_000,
  parameter: "maxLimitIncomeMultiple" as const,
};

const increase = (blocked: boolean): Remedy => ({
  line: "huabei",
  kind: "increase_from",
  day: 290,
  date: "2025-06-18",
  waits: ["INCREASE_TOO_SOON"],
  ...(blocked ? { blocked: fact } : {}),
});

describe("an increase played ahead, in words", () => {
  it("quotes the probed amount as such, not as one the customer asked", () => {
    const text = remedyText(increase(true));
    expect(text).toContain("¥3,100.00 for the smallest increase probed");
    expect(text).not.toContain("asked");
    expect(text).toContain("From that day, if no other application is made, it would still be declined:");
    expect(text).not.toContain("none of these declines it");
  });

  it("with nothing else in the way: nothing declines it from that day", () => {
    expect(remedyText(increase(false))).toMatch(
      /; from that day, if no other application is made, nothing declines it$/,
    );
  });

  it("a decline today quotes the probe alike", () => {
    const today: Remedy = {
      line: "huabei",
      kind: "increase_from",
      day: 10,
      date: "2024-01-11",
      waits: [],
      blocked: fact,
    };
    expect(remedyText(today)).toContain("for the smallest increase probed");
  });

  it("a score a larger line once used would fall below asks the score raised, then applied again — not a restoration threshold the active line has none of", () => {
    // (the other line's minimum, once a ¥5,100 Huabei line is used: a two-line customer's Huabei increase)
    const score: Remedy = {
      line: "huabei",
      kind: "increase_from",
      day: 90,
      date: "2024-03-31",
      waits: ["INCREASE_TOO_SOON"],
      blocked: {
        code: "SCORE_BELOW_MINIMUM",
        value: 770,
        threshold: 800,
        parameter: "jiebeiMinScore",
        onceUsed: 510_000,
        line: "jiebei",
      },
    };
    const text = remedyText(score, ["huabei", "jiebei"]);
    expect(text).toContain("raise the score, then apply again");
    expect(text).not.toContain("restoration threshold");
  });
});
