import { describe, expect, it } from "vitest";
import { adviceOf, describeEvent } from "../../src/scenario/format.js";
import { on, run, stepsOf, testPolicy } from "./builders.js";

// The unused-line notice on a line suspended after a write-off said "the review closes it unless restored
// and used first": after a write-off on either line no review (nor anything else) restores it — a way out
// there is not. It says nothing keeps the line open, and its advice says so too.
describe("the unused-line notice on a line no review can restore", () => {
  const policy = testPolicy({ dormantCloseDays: 200, chargeOffDays: 100, closeAfterSuspendedDays: 400 });
  const t = run(
    [
      on.open(0, 5_000),
      on.open(0, 5_000, "jiebei"),
      on.purchase(5, 100),
      on.borrow(10, 1_000, 3),
      on.repay(20, "full"),
    ],
    { policy, until: 260 },
  );

  it('says the review closes it and nothing keeps it open, not "unless restored and used first"', () => {
    const notice = stepsOf(t, "dormant_notice").find((s) => s.line === "huabei")!;
    expect(notice).toBeDefined();
    expect(notice.jiebei.status).toBe("charged_off");
    expect(notice.event).toMatchObject({ suspended: true, excluded: true });
    const text = describeEvent(notice);
    expect(text).toMatch(
      /^unused-line notice: the review on [\d-]+ closes it — suspended after a write-off, it is never restored, so nothing keeps it open$/,
    );
    expect(text).not.toContain("unless restored");
    expect(adviceOf("DORMANT_NOTICE", notice)).toContain("never restored");
    expect(adviceOf("DORMANT_NOTICE", notice)).not.toContain("restored first");
  });
});
