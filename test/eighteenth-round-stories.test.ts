// Stories of an eighteenth round, a credit-risk reviewer's (test/fixtures/scenarios), on Jiebei in depth,
// limits and the money: an increase asked on the morning of the review that gives a cut limit back, and two
// lines restored at one review.

import { describe, expect, it } from "vitest";
import { describeRemedy } from "../src/scenario/format.js";
import { at, passing, twin, worseOff } from "./helpers/stories.js";

describe("stories of an eighteenth round (test/fixtures/scenarios)", () => {
  it("an increase asked on the morning of the review that gives a cut limit back is no way back to it, nor a raise that restarts the give-back's cooldown: the cut stays on record, and that review gives the rest back — asking never leaves her with less", () => {
    const t = passing("increase-asked-on-the-give-back-day.yaml");
    // customer service named both roads: the increase from day 256, and the review of day 258 giving back
    const told = at(t.steps, "contact_support", 205).remedies.find((r) => r.kind === "limit_cut");
    expect(told).toMatchObject({ increase: { day: 256 }, givenBack: { day: 258, gives: 1_400_000 } });
    // granted what she asked; asked that morning, customer service names her increase as the raise, not the
    // review (it said "given back to ¥10,000.00 by the review"), and the review still gives the rest back
    expect(at(t.steps, "apply", 258)).toMatchObject({ decision: "approved", limit: 1_000_000 });
    const asked = at(t.steps, "contact_support", 258).remedies.find((r) => r.kind === "limit_cut")!;
    expect(asked).toMatchObject({
      to: 800_000,
      since: { limit: 1_000_000, day: 258, by: "increase" },
      givenBack: { day: 258, gives: 1_400_000 },
    });
    const words = describeRemedy(asked);
    expect(words).toContain("(raised to ¥10,000.00 by the increase granted on 2024-09-15 (day 258))");
    expect(words).not.toContain("by the review on");
    // the same day's review gives the ¥14,000 back, citing the income cut it clears
    const back = at(t.steps, "review", 258);
    expect(back.decision).toBe("limit_restored");
    expect(back.facts.find((f) => f.code === "LIMIT_GIVEN_BACK")).toMatchObject({
      threshold: 1_400_000,
      value: 1_400_000,
      from: 1_000_000,
      cleared: ["INCOME_BELOW_LIMIT"],
    });
    // the twin who did not ask has it back that day too: asking leaves her with less on no day (it left
    // ¥10,000 against ¥14,000 from day 258 to day 349)
    const unasked = twin("increase-asked-on-the-give-back-day.yaml", [
      "{ day: 258, type: apply, product: increase, amount: 2000 }",
      "{ day: 258, type: note, text: not asked }",
    ]);
    expect(at(unasked.steps, "review", 258).limit).toBe(1_400_000);
    expect(worseOff(t, unasked).filter((d) => d.endsWith("limit"))).toEqual([]);
    expect(t.steps.at(-1)!.limit).toBe(unasked.steps.at(-1)!.limit);
    // a third twin asks for more than the cut took: granted ¥15,000, the way back whole — the cut's record
    // ends as before, and no review gives anything back
    const more = twin("increase-asked-on-the-give-back-day.yaml", [
      "{ day: 258, type: apply, product: increase, amount: 2000 }",
      "{ day: 258, type: apply, product: increase, amount: 7000 }",
    ]);
    expect(at(more.steps, "apply", 258)).toMatchObject({ decision: "approved", limit: 1_500_000 });
    expect(at(more.steps, "contact_support", 258).remedies.some((r) => r.kind === "limit_cut")).toBe(false);
    expect(more.steps.filter((s) => s.day >= 258 && s.decision === "limit_restored")).toEqual([]);
    expect(more.steps.at(-1)!.limit).toBe(1_500_000);
  });

  it("two lines restored at one review: Jiebei is given back though, used, it would take Huabei restored that morning to a lower band — a cut leaves Huabei open; the richer twin is never left with a line the poorer one has back", () => {
    const t = passing("restored-lines-share-one-review.yaml");
    const jiebei = at(t.steps, "review", 327, "jiebei");
    // what Jiebei's restoration would do to Huabei, once used, is a cut: it holds nothing, but is said — the
    // band's ¥3,000 that Huabei, restored at ¥4,600 that morning, is cut to once Jiebei is used
    expect(jiebei.decision).toBe("restored");
    expect(jiebei.facts.filter((f) => f.line === "huabei")).toEqual([
      expect.objectContaining({
        code: "OTHER_LINE_CUT_ONCE_USED",
        threshold: 300_000,
        value: 460_000,
        onceUsed: jiebei.jiebei.limit,
      }),
    ]);
    // the twin earning ¥1,000 a month less: both lines back too, Huabei at the band's ¥3,000
    const poorer = twin("restored-lines-share-one-review.yaml", [
      "monthlyIncome: 4000",
      "monthlyIncome: 3000",
    ]);
    expect(at(poorer.steps, "review", 327)).toMatchObject({ decision: "restored", limit: 300_000 });
    expect(at(poorer.steps, "review", 327, "jiebei").decision).toBe("restored");
    for (const s of [t, poorer]) expect(s.steps.at(-1)!.jiebei.status).toBe("active");
    expect(worseOff(t, poorer).filter((d) => /Jiebei|Huabei/.test(d))).toEqual([]);
    // customer service, asked on day 300, named that review for both lines, and it came true
    const asked = twin("restored-lines-share-one-review.yaml", [
      "  - { day: 220, type: repay, line: jiebei, amount: 2100 }",
      "  - { day: 220, type: repay, line: jiebei, amount: 2100 }\n  - { day: 300, type: contact_support }",
    ]);
    const said = at(asked.steps, "contact_support", 300).remedies.filter((r) => r.kind === "wait_for_review");
    expect(said.map((r) => [r.line, r.day])).toEqual([
      ["huabei", 327],
      ["jiebei", 327],
    ]);
    // …and, for Jiebei, the cut of Huabei that using it brings, as the restoration's fact says it
    expect(said.find((r) => r.line === "jiebei")).toMatchObject({
      cutsOther: { line: "huabei", from: 460_000, to: 300_000 },
    });
    expect(said.find((r) => r.line === "huabei")).not.toHaveProperty("cutsOther");
  });

  it("Jiebei's unused limit, counted drawn, no longer keeps Huabei suspended until closed: the review trims it to what lets Huabei back — never below what it owes — and the customer who cleared the arrears sooner is not left with less credit nor more closures than the twin who paid later", () => {
    const t = passing("unused-jiebei-holds-huabei.yaml");
    const later = twin("unused-jiebei-holds-huabei.yaml", [
      "{ day: 160, type: repay, amount: 4400 }",
      "{ day: 160, type: repay, amount: 2500 }",
    ]);
    // the twin who paid later: Jiebei cut to its band's ¥5,000 while the arrears ran, Huabei back on day 329
    expect(at(later.steps, "review", 329)).toMatchObject({ decision: "restored", limit: 300_000 });
    // the one who paid sooner: Huabei restored at the review of day 298, Jiebei's unused limit trimmed there
    const huabei = at(t.steps, "review", 298);
    expect(huabei.decision).toBe("restored");
    const jiebei = at(t.steps, "review", 298, "jiebei");
    expect(jiebei).toMatchObject({ decision: "limit_reduced", reasons: ["UNUSED_LIMIT_TRIMMED"] });
    expect(jiebei.jiebei.limit).toBeLessThan(3_600_000);
    expect(jiebei.jiebei.limit).toBeGreaterThanOrEqual(jiebei.jiebei.balance);
    const closures = (s: typeof t) => s.steps.filter((x) => x.decision === "closed").length;
    const suspensions = (s: typeof t) => s.steps.filter((x) => x.decision === "suspended").length;
    expect(closures(t)).toBe(0);
    expect(suspensions(t)).toBeLessThanOrEqual(suspensions(later));
    const [end, endLater] = [t.steps.at(-1)!, later.steps.at(-1)!];
    expect([end.status, end.jiebei.status]).toEqual(["active", "active"]);
    expect(end.limit + end.jiebei.limit).toBeGreaterThanOrEqual(endLater.limit + endLater.jiebei.limit);
    expect(end.limit).toBeGreaterThanOrEqual(endLater.limit);
  });

  it("customer service asked before the review that trims Jiebei's unused limit names that review and the trim — no score the review does not need, no early review, which trims nothing — and, followed with nothing more done, it restores Huabei as said", () => {
    const ask = "  - { day: 280, type: contact_support }";
    const last = "  - { day: 293, type: repay, line: jiebei, amount: statement }";
    const asked = twin("unused-jiebei-holds-huabei.yaml", [last, `${ask}\n${last}`]);
    const said = at(asked.steps, "contact_support", 280).remedies.filter((r) => r.line === "huabei");
    // before: "raise the score from 751 to 790", which the review of day 298 does not ask
    expect(said.map((r) => r.kind)).not.toContain("raise_score");
    const wait = said.find((r) => r.kind === "wait_for_review");
    expect(wait).toMatchObject({ day: 298, ready: true, early: null, trims: { from: 3_600_000 } });
    const to = wait?.kind === "wait_for_review" ? wait.trims?.to : undefined;
    // followed: nothing more done after the call — the review named restores Huabei, trimming Jiebei to it
    const followed = twin("unused-jiebei-holds-huabei.yaml", [last, ask]);
    expect(at(followed.steps, "review", 298)).toMatchObject({ decision: "restored", limit: 600_000 });
    expect(at(followed.steps, "review", 298, "jiebei")).toMatchObject({
      reasons: ["UNUSED_LIMIT_TRIMMED"],
      jiebei: { limit: to },
    });
    // an early review the next day trims nothing, and leaves Huabei suspended, as said
    const early = twin("unused-jiebei-holds-huabei.yaml", [
      last,
      `${ask}\n  - { day: 281, type: request_review }`,
    ]);
    expect(at(early.steps, "request_review", 281).decision).not.toBe("restored");
    expect(early.steps.filter((x) => x.day === 281 && x.decision === "limit_reduced")).toEqual([]);
  });
});
