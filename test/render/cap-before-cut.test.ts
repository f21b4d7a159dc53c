// A cap between a line's limit today and the limit it had before a cut (customer service's reasons for a
// cut on record): said against the limit the line had — why the limit does not come all the way back —
// not "below the current limit", false of a line already cut beneath it.

import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/index.js";
import { explainDay } from "../../src/render/explain-day.js";
import { renderExplanation } from "../../src/render/explain-text.js";
import { renderTrace } from "../../src/render/trace.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { ROOT } from "../helpers/cli.js";

const plain = new Chalk({ level: 0 });

const bands = (top: number) =>
  `[ { minScore: 620, maxLimit: 3000 }, { minScore: 680, maxLimit: 6000 }, { minScore: 720, maxLimit: ${top} } ]`;

/** ¥10,000 cut to ¥8,000 on day 45 by the product's largest limit (the top band lowered), the top band
 *  raised to ¥9,000 on day 80 (`raised`), asked on day 107: the review of day 135 gives ¥9,000 back. */
const scenarioText = (raised: number) => `name: cap between
start: 2024-01-01
until: 140
profile: { age: 36, monthlyIncome: 16000, verified: true, creditHistoryMonths: 72, externalDebt: 5000 }
events:
  - { day: 0, type: apply, product: open, amount: 10000 }
  - { day: 4, type: purchase, amount: 1500 }
  - { day: 35, type: repay, amount: full }
  - { day: 40, type: policy, set: { limitBands: ${bands(8000)} } }
  - { day: 50, type: purchase, amount: 1000 }
  - { day: 65, type: repay, amount: full }
  - { day: 80, type: policy, set: { limitBands: ${bands(raised)} } }
  - { day: 107, type: contact_support }
`;

const run = (raised: number) => {
  const { scenario } = loadScenarioText(scenarioText(raised), `${ROOT}cap-between.yaml`);
  return { scenario, trace: simulate(scenario) };
};

describe("a cap between today's limit and the limit before a cut", () => {
  it("is said against the limit the line had, with today's limit, and its advice says how far the limit comes back", () => {
    const { scenario, trace } = run(9000);
    const ask = trace.steps.find((s) => s.event.type === "contact_support")!;
    expect(ask.reasons).toContain("LIMIT_ABOVE_PRODUCT_MAXIMUM");
    expect(ask.facts.find((f) => f.code === "LIMIT_ABOVE_PRODUCT_MAXIMUM")).toMatchObject({
      value: 1_000_000,
      threshold: 900_000,
      heldAt: 800_000,
    });
    const text = renderExplanation(explainDay(scenario, trace, 107), plain);
    // the review of day 135 gives ¥9,000 back: true that day, not "below the current limit"
    expect(text).toContain("The product's largest limit is below the limit the line had before its cut");
    expect(text).toContain(
      "¥10,000.00 before the cut vs cap ¥9,000.00 by limitBands; the limit ¥8,000.00 today",
    );
    expect(text).not.toContain("below the current limit");
    expect(text).not.toContain("nothing to do: the largest limit");
    expect(text).toMatch(/no limit above the product's largest/);
    const traced = renderTrace(scenario, trace, { chalk: plain, explain: false, chart: false });
    expect(traced).toContain(
      "LIMIT_ABOVE_PRODUCT_MAXIMUM  The product's largest limit is below the limit the line had before its cut",
    );
    expect(traced).toMatch(/→ no limit above the product's largest/);
    expect(traced).not.toContain("→ nothing to do: the largest limit");
    // the review's cut itself, on its day, is still against the limit the line had then
    expect(traced).toContain(
      "The product's largest limit is now below the current limit (¥10,000.00 vs cap ¥8,000.00",
    );
    expect(trace.steps.find((s) => s.day === 135 && s.event.type === "review")).toMatchObject({
      decision: "limit_restored",
      limit: 900_000,
    });
  });

  it("a review that, as things stand, gives nothing back (the cap already reached) is not worded as one giving back", () => {
    // at the ¥8,000 cap the review of day 135 gives nothing: "it also comes back unasked … up to ¥10,000.00"
    // said so, with no word that it would not
    const { scenario, trace } = run(8000);
    const cut = trace.steps
      .find((s) => s.event.type === "contact_support")!
      .remedies.find((r) => r.kind === "limit_cut")!;
    expect(cut).toMatchObject({ givenBack: { day: 135, nothing: true } });
    expect(cut.kind === "limit_cut" && cut.givenBack?.gives).toBeUndefined();
    expect(trace.steps.some((s) => s.decision === "limit_restored")).toBe(false);
    const traced = renderTrace(scenario, trace, { chalk: plain, explain: false, chart: false });
    expect(traced).not.toContain("it also comes back unasked");
    expect(traced).toContain(
      "as things stand the first review that could, on 2024-05-15 (day 135), gives back nothing",
    );
  });

  it("a cap at today's limit still says the limit is at it", () => {
    const { scenario, trace } = run(8000);
    const ask = trace.steps.find((s) => s.event.type === "contact_support")!;
    expect(ask.reasons).toContain("LIMIT_AT_PRODUCT_MAXIMUM");
    expect(ask.facts.some((f) => f.heldAt !== undefined)).toBe(false);
    expect(renderExplanation(explainDay(scenario, trace, 107), plain)).not.toContain("before its cut");
  });

  it("the increase the way back names is judged at the limit a review before its day gives back, and its cooldown restarts from it", () => {
    // three applications elsewhere on days 120–130 put the increase after the review of day 135, which gives
    // ¥9,000 back (a raise: the cooldown runs from it, to day 225) — at the product's largest limit then
    const text = scenarioText(9000)
      .replace("until: 140", "until: 230")
      .replace(
        "  - { day: 107, type: contact_support }",
        [120, 125, 130].map((d) => `  - { day: ${d}, type: external_inquiry }`).join("\n") +
          "\n  - { day: 131, type: contact_support }\n  - { day: 225, type: apply, product: increase, amount: 1000 }",
      );
    const { scenario } = loadScenarioText(text, `${ROOT}cap-between.yaml`);
    const trace = simulate(scenario);
    const cut = trace.steps
      .find((s) => s.event.type === "contact_support")!
      .remedies.find((r) => r.kind === "limit_cut")!;
    expect(cut).toMatchObject({
      increase: { day: 225, blocked: { code: "LIMIT_AT_PRODUCT_MAXIMUM", threshold: 900_000 } },
      givenBack: { day: 135, gives: 900_000 },
    });
    // followed: the application of day 225 is declined as said, at the limit given back
    expect(trace.steps.find((s) => s.day === 225 && s.event.type === "apply")).toMatchObject({
      decision: "declined",
      reasons: ["LIMIT_AT_PRODUCT_MAXIMUM"],
      limit: 900_000,
    });
  });

  it("after a limit given back in part, the cut on record says the limit it cut to, and what was given back since", () => {
    const text = scenarioText(9000).replace(
      "day: 107, type: contact_support",
      "day: 136, type: contact_support",
    );
    const { scenario } = loadScenarioText(text, `${ROOT}cap-between.yaml`);
    const trace = simulate(scenario);
    const ask = trace.steps.find((s) => s.event.type === "contact_support")!;
    expect(ask.limit).toBe(900_000);
    expect(ask.remedies.find((r) => r.kind === "limit_cut")).toMatchObject({
      from: 1_000_000,
      to: 800_000,
      since: { limit: 900_000, day: 135 },
    });
    expect(renderExplanation(explainDay(scenario, trace, 136), plain)).toContain(
      "the limit was cut from ¥10,000.00 to ¥8,000.00 on 2024-02-15 (day 45) (given back to ¥9,000.00 by the review on 2024-05-15 (day 135))",
    );
  });
});
