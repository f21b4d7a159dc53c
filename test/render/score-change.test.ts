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

  it("nothing to say without a change", () => {
    expect(scoreChangeText({ score: 700, scoreDelta: 0, moves: [] })).toBeNull();
  });
});
