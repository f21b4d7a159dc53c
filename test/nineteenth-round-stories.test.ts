// Stories of a nineteenth round, a credit-risk reviewer's (test/fixtures/scenarios), on the calendar, long
// horizons and the policy lever: a smallest line raised above a thin file's cap.

import { describe, expect, it } from "vitest";
import { simulate } from "../src/engine/index.js";
import { explainDay } from "../src/render/explain-day.js";
import { describeFact } from "../src/scenario/format/fact-text.js";
import { loadScenario } from "../src/scenario/load.js";
import { at, fixture, lastStep, passing, twin, worseOff } from "./helpers/stories.js";

describe("stories of a nineteenth round (test/fixtures/scenarios)", () => {
  it("a smallest line raised above a thin file's cap takes no line that needs no cut: her ¥2,000 is kept, as a seasoned peer's ¥2,000 is — and a cap lowered below her line still suspends it", () => {
    const t = passing("thin-file-under-a-raised-smallest-line.yaml");
    // the review after the change neither suspends nor cuts (it suspended her, POLICY_CHANGE and
    // THIN_FILE_BELOW_SMALLEST_LINE, while the peer below kept the same ¥2,000)
    expect(t.steps.filter((s) => s.decision === "suspended")).toEqual([]);
    expect(at(t.steps, "purchase", 120).decision).toBe("approved");
    // the seasoned peer, the same limit, never suspended either: the thin file is not worse off on any day
    const peer = twin("thin-file-under-a-raised-smallest-line.yaml", [
      "creditHistoryMonths: 0",
      "creditHistoryMonths: 30",
    ]);
    expect(peer.steps.filter((s) => s.decision === "suspended")).toEqual([]);
    expect(worseOff(t, peer).filter((d) => d.includes("Huabei"))).toEqual([]);
    // a cap that falls below her line is a cut below the smallest line, which no line is: suspended, as
    // before (the thin-file cap lowered to ¥1,500 with the smallest line)
    const lowered = twin("thin-file-under-a-raised-smallest-line.yaml", [
      "set: { minLimit: 2500 }",
      "set: { minLimit: 2500, thinFileMaxLimit: 1500 }",
    ]);
    const review = at(lowered.steps, "review", 74);
    expect(review).toMatchObject({ decision: "suspended", cause: "policy" });
    expect(review.reasons).toContain("THIN_FILE_BELOW_SMALLEST_LINE");
  });

  it("an income that grows every year raises the limit through the increase asked, to the income's cap each time — and no review raises it unasked (no proactive increase is modelled, as review.md says)", () => {
    const t = passing("income-grows-every-year.yaml");
    const raises = t.steps.filter((s, i) => i > 0 && s.limit > t.steps[i - 1]!.limit);
    expect(raises.map((s) => [s.day, s.event.type, s.limit])).toEqual([
      [385, "apply", 1_000_000],
      [750, "apply", 1_300_000],
      [1115, "apply", 1_600_000],
    ]);
  });

  it("a month late weighs as score.md says and no longer: worst days past due for 24 months from the repayment (to day 1,168, gone on 1,169), due dates missed for 12 — then she scores as her twin who never missed, and above her on no day", () => {
    const t = passing("thirty-days-late-ages-out.yaml");
    const clean = twin(
      "thirty-days-late-ages-out.yaml",
      [
        "  # the bill due on 10 February 2025 is not paid: 30 days past due on 12 March, repaid on the 14th",
        "  - { day: 399, type: repay, amount: full }",
      ],
      ["{ day: 438, type: repay, amount: full }", "{ day: 427, type: repay, amount: full }"],
    );
    expect(worseOff(clean, t)).toEqual([]);
    const score = (tr: typeof t, day: number) => lastStep(tr, day).score;
    // the 32 days read in the 31–60 bin until 24 months from the repayment of day 438, then nothing
    expect(score(clean, 1_159) - score(t, 1_159)).toBe(42);
    const { scenario } = loadScenario(fixture("thirty-days-late-ages-out.yaml"));
    const worst = (day: number) =>
      explainDay(scenario, simulate({ ...scenario, observe: [day] }), day).score.factors.find((f) =>
        f.characteristic.startsWith("Worst days"),
      )!.read;
    expect([worst(1_168), worst(1_169)]).toEqual([32, 0]);
    for (const day of [1_186, 1_216, 1_299]) expect(score(t, day)).toBe(score(clean, day));
    // the due dates missed (February and March 2025) cost more within their 12 months than after them
    expect(score(clean, 790) - score(t, 790)).toBeGreaterThan(score(clean, 830) - score(t, 830));
  });

  it("a line closed unused and reapplied for years later is judged as a newcomer's would be: his ¥20,000 granted, as to a twin who never had a line — a closure longer ago than the in-use rule looks back holds nothing for the use it lacked", () => {
    const t = passing("dormant-closed-then-back.yaml");
    // (held at the last ¥8,000, LINE_NOT_IN_USE: 373 days unused before a closure 589 days old)
    expect(at(t.steps, "apply", 1_000).reasons).not.toContain("LINE_NOT_IN_USE");
    const newcomer = twin(
      "dormant-closed-then-back.yaml",
      ["  - { day: 0, type: apply, product: open, amount: 8000 }\n", ""],
      ["  - { day: 10, type: purchase, amount: 500, merchant: JD }\n", ""],
      ["  - { day: 38, type: repay, amount: full }\n", ""],
    );
    expect(at(newcomer.steps, "apply", 1_000).limit).toBe(2_000_000);
    expect(worseOff(t, newcomer)).toEqual([]);
    // closed the same way but reapplied within those 180 days, the hold stands: no way round the rule
    const soon = twin("dormant-closed-then-back.yaml", ["day: 1000, type: apply", "day: 560, type: apply"]);
    const held = at(soon.steps, "apply", 560);
    expect(held).toMatchObject({ decision: "approved_lower", limit: 800_000 });
    expect(held.reasons).toContain("LINE_NOT_IN_USE");
  });

  it("a trim never raises a limit: a Jiebei kept below a smallest line raised since (grandfathered) has nothing to trim, so Huabei held by its unused ¥15,000 waits as it would untrimmed — closed on day 329 — and Jiebei is never raised to the new ¥17,000", () => {
    const t = passing("grandfathered-jiebei-and-the-trim.yaml");
    // Jiebei at ¥15,000 on every step from its opening, and no review trims it or raises it
    expect(new Set(t.steps.filter((s) => s.day > 0).map((s) => s.jiebei.limit))).toEqual(
      new Set([1_500_000]),
    );
    expect(t.steps.filter((s) => s.reasons.includes("UNUSED_LIMIT_TRIMMED"))).toEqual([]);
    expect(at(t.steps, "review", 298).decision).not.toBe("restored");
    // the smallest line not raised, the same review trims the unused line and restores Huabei
    const kept = twin("grandfathered-jiebei-and-the-trim.yaml", [
      "  - { day: 250, type: policy, set: { jiebeiMinLimit: 17000 } }\n",
      "",
    ]);
    expect(at(kept.steps, "review", 298).decision).toBe("restored");
    const trim = at(kept.steps, "review", 298, "jiebei");
    expect(trim.reasons).toEqual(["UNUSED_LIMIT_TRIMMED"]);
    expect(trim.jiebei.limit).toBeLessThan(1_500_000);
  });

  it("a reopening above the last limit asks the increase's score, a newcomer only the opening's: the returner at 910 against a minIncreaseScore of 950 is held at his ¥8,000, as the customer who never left, the same score, is declined the same ¥20,000 — a stranger with the file is granted it (huabei.md's assumption)", () => {
    const apply = "  - { day: 1000, type: apply, product: open, amount: 20000 }\n";
    const raised = "  - { day: 990, type: policy, set: { minIncreaseScore: 950 } }\n";
    const returner = twin("dormant-closed-then-back.yaml", [apply, raised + apply]);
    const back = at(returner.steps, "apply", 1_000);
    expect(back).toMatchObject({ decision: "approved_lower", limit: 800_000 });
    expect(back.reasons).toEqual(expect.arrayContaining(["SCORE_BELOW_INCREASE_MINIMUM"]));
    expect(back.reasons).not.toContain("LINE_NOT_IN_USE");
    // the customer who kept the line, used it now and then and never missed a bill, asks for the same
    // ¥20,000 at the same score: declined on the same standard
    const used = (d: number) =>
      `  - { day: ${d}, type: purchase, amount: 500, merchant: JD }\n  - { day: ${d + 5}, type: repay, amount: full }\n`;
    const stayer = twin("dormant-closed-then-back.yaml", [
      apply,
      used(300) +
        used(600) +
        used(900) +
        raised +
        "  - { day: 1000, type: apply, product: increase, amount: 12000 }\n",
    ]);
    const asked = at(stayer.steps, "apply", 1_000);
    expect(asked).toMatchObject({ decision: "declined", limit: 800_000, score: back.score });
    expect(asked.reasons).toContain("SCORE_BELOW_INCREASE_MINIMUM");
    // the stranger with his file: the opening's score alone
    const newcomer = twin(
      "dormant-closed-then-back.yaml",
      ["  - { day: 0, type: apply, product: open, amount: 8000 }\n", ""],
      ["  - { day: 10, type: purchase, amount: 500, merchant: JD }\n", ""],
      ["  - { day: 38, type: repay, amount: full }\n", ""],
      [apply, raised + apply],
    );
    expect(at(newcomer.steps, "apply", 1_000)).toMatchObject({ decision: "approved", limit: 2_000_000 });
  });

  it("a change of the due day or the minimum repayment takes effect at the next statement, with no notice period (huabei.md's assumption): changed on 29 February, the statement of 1 March asks ¥458.55 by the 5th where the terms before asked ¥98.55 by the 10th", () => {
    const stated = (t: ReturnType<typeof passing>) =>
      t.steps.flatMap((s) =>
        s.event.type === "statement" ? [[s.day, s.event.minimum, s.event.dueDay]] : [],
      );
    const t = passing("terms-changed-the-day-before-a-statement.yaml");
    // the bill stated before the change keeps its terms; the next statement states the new ones
    expect(stated(t)).toEqual([
      [31, 10_000, 40],
      [60, 45_855, 64],
    ]);
    const unchanged = twin("terms-changed-the-day-before-a-statement.yaml", [
      "  - { day: 59, type: policy, set: { minRepaymentRate: 0.5, dueDayOfMonth: 5 } }\n",
      "",
    ]);
    expect(stated(unchanged)[1]).toEqual([60, 9_855, 69]);
  });

  it("a smallest line raised above both twins' income caps: his ¥2,000 line (opened on ¥1,000) is kept under a ¥2,400 cap, her ¥3,000 (opened on ¥1,500) is suspended for it — the exception to monotone in income score.md names — and a fact for a line kept below the smallest line quotes the line's own limit", () => {
    const file = "raised-smallest-line-richer-twin.yaml";
    const richer = passing(file);
    const review = at(richer.steps, "review", 74);
    expect(review).toMatchObject({ decision: "suspended", cause: "policy", limit: 250_000 });
    expect(review.reasons).toEqual(expect.arrayContaining(["POLICY_CHANGE", "INCOME_BELOW_SMALLEST_LINE"]));
    const poorer = twin(
      file,
      ["monthlyIncome: 1500, verified", "monthlyIncome: 1000, verified"],
      ["product: open, amount: 3000", "product: open, amount: 2000"],
    );
    expect(poorer.steps.filter((s) => s.decision === "suspended")).toEqual([]);
    expect(lastStep(poorer, 140)).toMatchObject({ status: "active", limit: 200_000 });
    // an income whose cap (¥400) falls below his ¥2,000 line suspends it: what keeping the line needs is
    // its own ¥2,000, not the ¥2,500 smallest line it was never asked to reach
    const fallen = twin(
      file,
      ["monthlyIncome: 1500, verified", "monthlyIncome: 1000, verified"],
      ["product: open, amount: 3000", "product: open, amount: 2000"],
      ["type: income, monthlyIncome: 1200", "type: income, monthlyIncome: 200"],
    );
    const suspended = at(fallen.steps, "review", 74);
    expect(suspended).toMatchObject({ decision: "suspended" });
    expect(suspended.facts).toContainEqual(
      expect.objectContaining({ code: "INCOME_BELOW_SMALLEST_LINE", threshold: 200_000, value: 40_000 }),
    );
    // …said as the line's own limit beside the smallest line, not as a ¥2,000 minLimit
    const fact = suspended.facts.find((f) => f.code === "INCOME_BELOW_SMALLEST_LINE")!;
    expect(describeFact(fact)).toContain(
      "¥400.00 vs the line's own ¥2,000.00, kept below minLimit ¥2,500.00",
    );
  });
});
