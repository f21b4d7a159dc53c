// A suspended line's score step with no step left that moves the score by the review it is for, still
// short of what keeping the line once used needs there: it says what that review reads whatever the
// customer does — not "these steps together reach at most …:" over an empty list — and offers no early
// review, which reads no more.

import { describe, expect, it } from "vitest";
import type { Remedy, Step } from "../../src/engine/types.js";
import { describeRemedy } from "../../src/scenario/format/remedy-text.js";
import { DEFAULT_POLICY, type EventInput, on, run, stepsOf, THIN_FILE_SUSPENDED } from "./builders.js";

type Raise = Extract<Remedy, { kind: "raise_score" }>;
type Wait = Extract<Remedy, { kind: "wait_for_review" }>;

/** A ¥2,000 Huabei on a thin file (three months elsewhere, verified, ¥20,000 a month) used once and repaid,
 *  minScore raised to 830 on day 60 (suspended at the review on day 74); asked on day 80. The review on day
 *  105 reads 885 from the report of day 90 (six months on file: the record starts to count), above the 830
 *  restoring asks, below the 910 the line restored and used needs to be kept; verified and at an income
 *  the scorecard's top band already holds, nothing the customer does moves it by then. */
const events = [...THIN_FILE_SUSPENDED];
const options = {
  until: 110,
  policy: DEFAULT_POLICY,
  profile: { age: 22, monthlyIncome: 20_000, verified: true, creditHistoryMonths: 3, externalDebt: 6_000 },
};

describe("a score step with no step left, short of what keeping the line once used needs", () => {
  const said = run(events, options).steps.find((s: Step) => s.event.type === "contact_support")!.remedies;
  const step = said.find((r): r is Raise => r.kind === "raise_score")!;

  it("says what the review reads whatever the customer does, not an empty list of steps", () => {
    expect(step).toMatchObject({ drivers: [], current: 885, needed: 910, restores: 830, reach: 885 });
    const told = describeRemedy(step, ["huabei"]);
    // (it once ended "all these steps together reach at most 885, the rest only time brings: ")
    expect(told).toContain(
      "nothing the customer does moves the score by the next periodic review: it reads 885 there",
    );
    expect(told).not.toContain("all these steps");
  });

  it("offers no early review, and neither that one nor the periodic one restores the line", () => {
    // (it once offered one from day 91, "once what is asked above is done", with nothing asked)
    expect(said.find((r): r is Wait => r.kind === "wait_for_review")).toMatchObject({
      day: 105,
      early: null,
    });
    const reviews = (more: EventInput[]) =>
      stepsOf(run([...events, ...more], options, { answers: false }), "review").filter((s) => s.day > 80);
    expect(reviews([])).toEqual([expect.objectContaining({ day: 105, score: 885, status: "suspended" })]);
    const early = reviews([on.requestReview(91)]);
    expect(early.map((s) => s.decision)).not.toContain("restored");
  });
});
