// A reason's words fit where they are said: a key factor near its maximum is not called "high" or "short"
// (it is cited only for costing the most of what is left), a grant has no "current limit", and a line at
// which none is kept is not "a larger line".

import { readFileSync } from "node:fs";
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { REASONS, type RuleFact, simulate } from "../../src/engine/index.js";
import { explainDay } from "../../src/render/explain-day.js";
import { renderExplanation } from "../../src/render/explain-text.js";
import { renderTrace } from "../../src/render/trace.js";
import { withSteps } from "../../src/scenario/format/rule-steps.js";
import { describeFact, reasonTextIn } from "../../src/scenario/format.js";
import { loadScenario, loadScenarioText } from "../../src/scenario/load.js";
import { ROOT } from "../helpers/cli.js";

const plain = new Chalk({ level: 0 });

describe("a reason's words", () => {
  it("a healthy customer's key factors, each near its maximum, are not called high, short or little", () => {
    // Zhao Lei (scenarios/good-customer.yaml) calls on day 101: score 908, ¥2,400 of ¥6,000 reported (30 %,
    // 48 of 60 points), 75 months of history (50 of 60), four purchases in 90 days (20 of 30)
    const file = readFileSync(`${ROOT}scenarios/good-customer.yaml`, "utf8");
    const withCall = `${file.slice(0, file.indexOf("expect:"))}  - { day: 101, type: contact_support }\n`;
    const { scenario: called } = loadScenarioText(withCall, `${ROOT}called.yaml`);
    const t = simulate(called);
    const answer = t.steps.find((s) => s.event.type === "contact_support")!;
    expect(answer.reasons).toEqual(["HIGH_UTILISATION", "LOW_INCOME", "SHORT_HISTORY", "LOW_ACTIVITY"]);
    const text = renderTrace(called, t, { chalk: plain, explain: false, chart: false });
    const said = text.slice(text.indexOf("contact customer service"));
    expect(said).toContain(
      "HIGH_UTILISATION  Huabei balance compared with its limit is above the scorecard's top band",
    );
    expect(said).toContain("SHORT_HISTORY  Length of credit history is below the scorecard's top band");
    expect(said).toContain("LOW_ACTIVITY  Recent use of Huabei is below the scorecard's top band");
    for (const adverse of [
      REASONS.HIGH_UTILISATION.text,
      REASONS.SHORT_HISTORY.text,
      REASONS.LOW_ACTIVITY.text,
    ])
      expect(said).not.toContain(adverse);
    // explain says the same
    const day = renderExplanation(explainDay(called, t, 101), plain);
    expect(day).toContain("Huabei balance compared with its limit is above the scorecard's top band");
    expect(day).not.toContain(REASONS.HIGH_UTILISATION.text);
  });

  it("a factor that lost more than half its points keeps its adverse words", () => {
    // Liu Yang (scenarios/two-lines.yaml): Jiebei suspended on day 105 at 1.72 times his income (−110 points)
    const { scenario } = loadScenario(`${ROOT}scenarios/two-lines.yaml`);
    const t = simulate(scenario);
    const suspended = t.steps.find((s) => s.line === "jiebei" && s.decision === "suspended")!;
    expect(suspended.reasons).toContain("HIGH_DEBT_BURDEN");
    expect(reasonTextIn("HIGH_DEBT_BURDEN", suspended.inputs)).toBe(
      "Total debt is high compared with income",
    );
    // at 7 % of a year's income (40 of 50 points) the same factor is not "high"
    expect(reasonTextIn("HIGH_DEBT_BURDEN", { ...suspended.inputs, debtToIncome: 0.07 })).toBe(
      "Total debt compared with income is above the scorecard's top band",
    );
    // the boundary, as docs/model/reasons.md states it: exactly half kept (50 % of the limit, 30 of 60) is mild,
    // one bin lower (51 %, 12 of 60) adverse
    expect(reasonTextIn("HIGH_UTILISATION", { ...suspended.inputs, utilisation: 0.5 })).toBe(
      REASONS.HIGH_UTILISATION.mild,
    );
    expect(reasonTextIn("HIGH_UTILISATION", { ...suspended.inputs, utilisation: 0.51 })).toBe(
      REASONS.HIGH_UTILISATION.text,
    );
  });

  it("LIMIT_KEPT_ONCE_USED names no 'larger line', and says when none is kept", () => {
    expect(REASONS.LIMIT_KEPT_ONCE_USED.text).not.toContain("larger line");
    const none: RuleFact = { code: "LIMIT_KEPT_ONCE_USED", value: 140_000 };
    // in words a customer reads, not "¥1,400.00 vs none kept once used"
    expect(describeFact(none)).toBe(
      "a ¥1,400.00 line used in full would not be kept at any limit, not even the smallest",
    );
    const lower: RuleFact = { code: "LIMIT_KEPT_ONCE_USED", threshold: 1_000_000, value: 2_000_000 };
    expect(describeFact(lower)).toBe("¥20,000.00 vs kept once used ¥10,000.00");
  });

  it("a rule's words with its step name no other line to a customer who has one line", () => {
    const kept: RuleFact = { code: "LIMIT_KEPT_ONCE_USED", value: 500_000 };
    const one = withSteps([kept], ["huabei"]);
    expect(one).not.toContain("other line");
    expect(one).toMatch(
      /^once used in full, the line would fail the standard .*its limit band\) \(a ¥5,000.00 line/,
    );
    // with both lines the other one may be what fails
    expect(withSteps([kept], ["huabei", "jiebei"])).toContain("or make the customer's other line fail it");
  });

  it("SCORE_BELOW_LIMIT_BAND reads right on a grant as on a review's cut: no 'current limit'", () => {
    expect(REASONS.SCORE_BELOW_LIMIT_BAND.text).not.toMatch(/current limit|no longer/);
  });
});
