// One debt, two readings (docs/model/decisions/applications.md): the ratio Jiebei's own review reads and the
// one the fact holding Huabei's restoration cites count Jiebei, Huabei's report and debt elsewhere alike;
// the hold adds only Huabei's unused credit counted as used (stop 50: 0.61 at ¥334 a month, 0.70 at ¥335).

import { expect, it } from "vitest";
import { dtiShown } from "../../src/engine/eligibility.js";
import { type EventInput, on, run, stepsOf } from "./builders.js";
import { UNSAFE_INCOME_EVENTS, UNSAFE_INCOME_OPTIONS } from "./unsafe-income-story.js";

const events: EventInput[] = [...UNSAFE_INCOME_EVENTS, on.verify(40)];
const options = UNSAFE_INCOME_OPTIONS;
const reviewOn45 = (monthly: number) =>
  stepsOf(run([...events, on.income(40, monthly)], options), "review", 45);

it("Jiebei's own review and the fact holding Huabei count the same debt, but for Huabei's unused credit", () => {
  // ¥335: Huabei held by what Jiebei would read once Huabei's ¥500 line is used
  const held = reviewOn45(335).find((s) => s.line === "huabei")!;
  expect(held.decision).toBe("suspended");
  const fact = held.facts.find((f) => f.code === "DEBT_TO_INCOME_TOO_HIGH" && f.line === "jiebei")!;
  expect(fact).toMatchObject({ value: 0.7, threshold: 0.6, onceUsed: 50_000, huabeiUsed: 40_000 });
  // Jiebei at its report, Huabei's ¥100.00 reported and its ¥400.00 unused
  expect(fact.jiebeiCounted).toBe(230_483);
  expect(fact.huabeiCounted! - fact.huabeiUsed!).toBe(10_000);
  const asReported = fact.debtCounted! - fact.huabeiUsed!;
  // ¥334: the same debt, read by Jiebei's own review on the report — 0.61, and Jiebei suspended
  const jiebei = reviewOn45(334).find((s) => s.line === "jiebei")!;
  expect(jiebei.decision).toBe("suspended");
  const own = jiebei.facts.find((f) => f.code === "DEBT_TO_INCOME_TOO_HIGH")!;
  expect(own.value).toBe(dtiShown(asReported / (334 * 12 * 100)));
  expect(own.value).toBe(0.61);
  // at ¥335 that same debt is within Jiebei's cap: its review keeps it
  expect(asReported / (335 * 12 * 100)).toBeLessThanOrEqual(0.6);
  expect(reviewOn45(335).find((s) => s.line === "jiebei")?.decision ?? "kept").not.toBe("suspended");
});
