// Customer service's answers, round 10, each followed through the engine: the trim of Jiebei's unused limit
// that the next review makes to restore Huabei is said on Jiebei's answer too, and Huabei's "as things stand
// today" says what holds it until then — not that nothing does.

import { describe, expect, it } from "vitest";
import { describeRemedy } from "../../src/scenario/format/remedy-text.js";
import { at, twin } from "../helpers/stories.js";

/** unused-jiebei-holds-huabei.yaml asked on day 280: Huabei suspended, Jiebei active at ¥36,000 and never
 *  drawn; the review of day 298 trims Jiebei's unused limit and restores Huabei. */
const FIXTURE = "unused-jiebei-holds-huabei.yaml";
const LAST = "  - { day: 293, type: repay, line: jiebei, amount: statement }";
const ASK = "  - { day: 280, type: contact_support }";

describe("the trim of Jiebei's unused limit the next review makes to restore Huabei", () => {
  const asked = twin(FIXTURE, [LAST, `${ASK}\n${LAST}`]);
  const said = at(asked.steps, "contact_support", 280);

  it("is said on Jiebei's answer, as on Huabei's: that review, and Jiebei's limit from and to what", () => {
    const huabei = said.remedies.find((r) => r.line === "huabei" && r.kind === "wait_for_review");
    const trims = huabei?.kind === "wait_for_review" ? huabei.trims : undefined;
    expect(trims).toMatchObject({ from: 3_600_000 });
    const jiebei = said.remedies.filter((r) => r.line === "jiebei");
    // (Jiebei's answer said nothing of it: its customer learnt of the trim from Huabei's wait alone)
    expect(jiebei).toContainEqual(
      expect.objectContaining({
        kind: "review_cuts",
        day: 298,
        from: 3_600_000,
        to: trims?.to,
        reasons: ["UNUSED_LIMIT_TRIMMED"],
      }),
    );
    const cut = jiebei.find((r) => r.kind === "review_cuts")!;
    const text = describeRemedy(cut, ["huabei", "jiebei"]);
    expect(text).toContain("on 2024-10-25 (day 298) trims the line's unused limit from ¥36,000.00 to");
    expect(text).toContain("restores Huabei");
  });

  it("comes true followed, nothing more done: that review trims Jiebei to the limit said", () => {
    const followed = twin(FIXTURE, [LAST, ASK]);
    const cut = said.remedies.find((r) => r.line === "jiebei" && r.kind === "review_cuts");
    const to = cut?.kind === "review_cuts" ? cut.to : undefined;
    expect(at(followed.steps, "review", 297, "jiebei")).toBeUndefined();
    expect(at(followed.steps, "review", 298, "jiebei")).toMatchObject({
      decision: "limit_reduced",
      reasons: ["UNUSED_LIMIT_TRIMMED"],
      jiebei: { limit: to },
    });
  });

  it("leaves Huabei's 'as things stand today' saying what holds it until then, as an early review cites it", () => {
    // (it said READY_TO_RESTORE, "nothing stands in the way", while the same answer said an early review
    // would not restore the line — only the periodic review's trim makes that true)
    expect(said.reasons).not.toContain("READY_TO_RESTORE");
    expect(said.reasons).toContain("LIMIT_KEPT_ONCE_USED");
    const early = twin(FIXTURE, [LAST, `${ASK}\n  - { day: 281, type: request_review }\n${LAST}`]);
    const declined = at(early.steps, "request_review", 281);
    expect(declined.decision).toBe("declined");
    expect(declined.reasons).toContain("LIMIT_KEPT_ONCE_USED");
    // the answer still promises the periodic review, nothing more to do
    const wait = said.remedies.find((r) => r.line === "huabei" && r.kind === "wait_for_review");
    expect(wait).toMatchObject({ day: 298, ready: true, early: null });
    expect(said.remedies.some((r) => r.line === "huabei" && r.kind === "raise_score")).toBe(false);
  });
});
