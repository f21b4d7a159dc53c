// A step's score change in words: the step's own moves, time's part apart, the bounds named.

import { describe, expect, it } from "vitest";
import type { CharacteristicId } from "../../src/engine/scorecard.js";
import { scoreChangeText } from "../../src/render/score-change.js";

const move = (characteristic: CharacteristicId, from: number, to: number) => ({ characteristic, from, to });

describe("scoreChangeText", () => {
  it("a step's own moves", () => {
    expect(scoreChangeText({ score: 700, scoreDelta: -30, moves: [move("inquiries30d", 35, 5)] })).toBe(
      "score −30: Credit applications, last 30 days −30",
    );
  });

  it("time's part apart, with its own sum, when the step moved something too", () => {
    expect(
      scoreChangeText({
        score: 766,
        scoreDelta: 28,
        moves: [move("daysPastDueNow", 10, 50), move("worstDaysPastDue24m", 30, 18)],
        byTime: { since: 195, delta: -12, moves: [move("worstDaysPastDue24m", 30, 18)] },
      }),
    ).toBe(
      "score +28: Days past due now +40; by time since day 195, −12: Worst days past due, last 24 months −12",
    );
  });

  it("all of it time's: said once, without a second sum", () => {
    expect(
      scoreChangeText({
        score: 753,
        scoreDelta: 65,
        moves: [move("utilisation", 30, 60), move("inquiries30d", 0, 35)],
        byTime: { since: 230, delta: 65, moves: [move("utilisation", 30, 60), move("inquiries30d", 0, 35)] },
      }),
    ).toBe(
      "score +65: by time since day 230: Huabei balance / limit, as last reported +30, Credit applications, last 30 days +35",
    );
  });

  it("a characteristic time moved one way and the step the other shows both parts", () => {
    const text = scoreChangeText({
      score: 700,
      scoreDelta: 0,
      moves: [],
      byTime: { since: 10, delta: -40, moves: [move("daysPastDueNow", 50, 10)] },
    });
    expect(text).toBe("score ±0: Days past due now +40; by time since day 10, −40: Days past due now −40");
  });

  it("names the floor when it took up points (the moves add up to more than the change)", () => {
    expect(scoreChangeText({ score: 547, scoreDelta: 197, moves: [move("daysPastDueNow", -150, 50)] })).toBe(
      "score +197: Days past due now +200 (points below the floor of 350 count for nothing)",
    );
    expect(scoreChangeText({ score: 350, scoreDelta: 0, moves: [move("monthlyIncome", 0, 10)] })).toContain(
      "floor of 350",
    );
  });

  // the moves add up to the change, yet time's part was held at a bound: time's sum (−10) and the step's own
  // moves (+30) once read as a change of +20 for one of −10, nothing said about the floor
  it("names a bound that held time's part, though the moves add up to the whole change", () => {
    const held = {
      moves: [move("daysPastDueNow", 50, 10), move("monthlyIncome", 10, 40)],
      byTime: { since: 5, delta: -10, moves: [move("daysPastDueNow", 50, 10)] },
    };
    // 360, time −40 held at 350, the step +30: 390 − 40 = 350
    expect(scoreChangeText({ score: 350, scoreDelta: -10, ...held })).toBe(
      "score −10: Monthly income (capacity to pay) +30; by time since day 5, −10: Days past due now −40 (points below the floor of 350 count for nothing)",
    );
    // 360, time −40 held at 350, the step +50 to 370: the floor held in between, at neither end
    expect(
      scoreChangeText({
        score: 370,
        scoreDelta: 10,
        moves: [move("daysPastDueNow", 50, 10), move("monthlyIncome", 0, 40), move("age", 0, 10)],
        byTime: held.byTime,
      }),
    ).toContain("floor of 350");
    // 940, time +30 held at 950, the step −20: 950 + 10 − 20 = 940 + 30 − 20
    expect(
      scoreChangeText({
        score: 950,
        scoreDelta: 10,
        moves: [move("utilisation", 30, 60), move("inquiries30d", 35, 15)],
        byTime: { since: 5, delta: 10, moves: [move("utilisation", 30, 60)] },
      }),
    ).toContain("ceiling of 950");
  });

  it("nothing to say without a change", () => {
    expect(scoreChangeText({ score: 700, scoreDelta: 0, moves: [] })).toBeNull();
  });
});
