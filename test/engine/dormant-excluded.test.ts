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
    expect(adviceOf("DORMANT_NOTICE", notice)).toContain("after a write-off, never");
    expect(adviceOf("DORMANT_NOTICE", notice)).not.toContain("restored first");
  });
});

// The general rule: the notice promises "restored and used first" only when some review before the closure
// can restore the line. Suspended for a missed bill, repaid on day 80, left unused: its clean period
// (restoreCleanDays) ends after the review the notice names — no review, early or periodic, restores it in
// time, and the notice said "unless restored and used first" all the same.
describe("the unused-line notice on a line whose clean period ends after the closing review", () => {
  const events = [on.open(0, 5_000), on.purchase(5, 100), on.repay(80, "full")];
  const terms = { dormantCloseDays: 60, dormantNoticeDays: 30, closeAfterSuspendedDays: 400 };
  const noticeOf = (restoreCleanDays: number, extra: Parameters<typeof run>[0] = []) => {
    const t = run([...events, ...extra], { policy: testPolicy({ ...terms, restoreCleanDays }), until: 200 });
    return { t, notice: stepsOf(t, "dormant_notice").find((s) => s.line === "huabei")! };
  };

  it("says nothing keeps it open, naming when the clean period ends — and no early review the day before restores it", () => {
    const { t, notice } = noticeOf(90);
    expect(notice.status).toBe("suspended");
    const close = notice.event.closeDay;
    // repaid on day 80, clean from then: 90 days end on day 170, after the review that closes it
    expect(close).toBeLessThan(170);
    expect(notice.event).toMatchObject({ suspended: true, excluded: true, cleanUntil: { day: 170 } });
    const text = describeEvent(notice);
    expect(text).toContain("cannot be restored before then");
    expect(text).toContain("(day 170)");
    expect(text).not.toContain("unless restored");
    expect(adviceOf("DORMANT_NOTICE", notice)).not.toContain("restored first");
    // true: the closure comes, and an early review on the day before it does not restore the line
    expect(t.steps.find((s) => s.day === close && s.decision === "closed")?.line).toBe("huabei");
    const asked = noticeOf(90, [on.requestReview(close - 1, "huabei")]).t;
    expect(
      asked.steps.find((s) => s.day === close - 1 && s.event.type === "request_review")?.decision,
    ).not.toBe("restored");
  });

  it("still promises it when the clean period ends by the closing review — and an early review then, and a purchase, keep it open", () => {
    // 70 days from day 80 end on day 150: no periodic review before the closing one (day 166) restores it,
    // an early review from day 150 does
    const { notice } = noticeOf(70);
    expect(notice.event).toMatchObject({ suspended: true });
    expect(notice.event).not.toHaveProperty("excluded");
    expect(describeEvent(notice)).toContain("unless restored and used first");
    const close = notice.event.closeDay;
    const kept = noticeOf(70, [on.requestReview(close, "huabei"), on.purchase(close, 50)]).t;
    expect(kept.steps.find((s) => s.day === close && s.event.type === "request_review")?.decision).toBe(
      "restored",
    );
    expect(kept.steps.find((s) => s.day === close && s.decision === "closed")).toBeUndefined();
  });
});
