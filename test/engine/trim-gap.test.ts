// The trim's gap closed: a Huabei the kept-once-used check restores at a lower limit, because Jiebei's
// unused headroom counted drawn lowers its band, is compared with the file Jiebei's limit trimmed — as one
// the check holds whole is (review/trim.ts). On ¥8,000 a month, Jiebei opened at ¥13,000 brought Huabei
// back at ¥1,200 and kept Jiebei whole, where Jiebei opened at ¥14,000 brought Huabei back whole at ¥6,000
// and trimmed Jiebei to ¥8,200: less unused credit on the other line, less on the line in use.

import { describe, expect, it } from "vitest";
import type { Trace } from "../../src/engine/index.js";
import { at, twin } from "../helpers/stories.js";

const FIXTURE = "unused-jiebei-holds-huabei.yaml";
const DAY = 298;

/** The fixture's customer on ¥8,000 a month, Jiebei opened at `jiebei` yuan, asking customer service on
 *  day `asks` too (null: not asking), between days 279 and 298. */
const onIncome = (jiebei: number, asks: number | null = null): Trace => {
  const last = "  - { day: 293, type: repay, line: jiebei, amount: statement }";
  const ask = `  - { day: ${asks}, type: contact_support }`;
  return twin(
    FIXTURE,
    ["monthlyIncome: 6000", "monthlyIncome: 8000"],
    ["product: open, amount: 40000", `product: open, amount: ${jiebei}`],
    ...(asks === null ? [] : [[last, asks < 293 ? `${ask}\n${last}` : `${last}\n${ask}`] as const]),
  );
};

const credit = (t: Trace) => {
  const end = t.steps.at(-1)!;
  return { huabei: end.limit, jiebei: end.jiebei.limit };
};

describe("the trim for a Huabei restored lower (review/trim.ts)", () => {
  it("Jiebei opened at ¥13,000 or ¥14,000: the review restores Huabei at the same ¥6,000 and trims Jiebei to the same ¥8,200 — not Huabei at ¥1,200 for the customer with less unused credit", () => {
    const [less, more] = [onIncome(13_000), onIncome(14_000)];
    for (const t of [less, more]) {
      expect(at(t.steps, "review", DAY)).toMatchObject({ decision: "restored", limit: 600_000 });
      const jiebei = at(t.steps, "review", DAY, "jiebei");
      expect(jiebei).toMatchObject({ decision: "limit_reduced", reasons: ["UNUSED_LIMIT_TRIMMED"] });
      expect(jiebei.jiebei.limit).toBe(820_000);
      // never below what Jiebei owes
      expect(jiebei.jiebei.limit).toBeGreaterThanOrEqual(jiebei.jiebei.balance);
    }
    expect(credit(less)).toEqual(credit(more));
  });

  it("more unused Jiebei credit never ends with less on either line", () => {
    const byJiebei = [8_000, 10_000, 12_000, 13_000, 14_000, 20_000].map((j) => credit(onIncome(j)));
    for (const [i, c] of byJiebei.entries()) {
      if (i === 0) continue;
      const before = byJiebei[i - 1]!;
      expect(c.huabei, `Huabei, Jiebei opened higher (#${i})`).toBeGreaterThanOrEqual(before.huabei);
      expect(c.jiebei, `Jiebei, Jiebei opened higher (#${i})`).toBeGreaterThanOrEqual(before.jiebei);
    }
    // the customer earning ¥500 a month more, Jiebei at ¥13,000: not left with less on either line
    const richer = twin(
      FIXTURE,
      ["monthlyIncome: 6000", "monthlyIncome: 8500"],
      ["product: open, amount: 40000", "product: open, amount: 13000"],
    );
    const [r, p] = [credit(richer), credit(onIncome(13_000))];
    expect(r.huabei).toBeGreaterThanOrEqual(p.huabei);
    expect(r.jiebei).toBeGreaterThanOrEqual(p.jiebei);
  });

  it("a higher income (¥5,000 to ¥10,000 a month) never ends with less Huabei nor less credit, and with less Jiebei only where Huabei comes back higher — its unused headroom traded for the line in use", () => {
    const incomes = Array.from({ length: 21 }, (_, i) => 5_000 + 250 * i);
    const ends = incomes.map((income) =>
      credit(twin(FIXTURE, ["monthlyIncome: 6000", `monthlyIncome: ${income}`])),
    );
    for (const [i, c] of ends.entries()) {
      if (i === 0) continue;
      const [before, income] = [ends[i - 1]!, incomes[i]];
      expect(c.huabei, `Huabei on ¥${income}`).toBeGreaterThanOrEqual(before.huabei);
      expect(c.huabei + c.jiebei, `credit on ¥${income}`).toBeGreaterThanOrEqual(
        before.huabei + before.jiebei,
      );
      if (c.huabei === before.huabei)
        expect(c.jiebei, `Jiebei on ¥${income}`).toBeGreaterThanOrEqual(before.jiebei);
    }
    // the one trade: below ¥6,000 the band cut Huabei to ¥3,000 beside Jiebei at ¥5,000
    expect(ends[3]).toEqual({ huabei: 300_000, jiebei: 500_000 });
    expect(ends[4]).toEqual({ huabei: 600_000, jiebei: 340_000 });
  });

  it("Huabei restored lower while Jiebei was suspended: its give-back trims Jiebei's unused limit as the restoration's trim would have — ¥6,000 beside ¥11,200 on ¥9,250 a month, not ¥500 for good beside ¥16,700", () => {
    const t = twin(FIXTURE, ["monthlyIncome: 6000", "monthlyIncome: 9250"]);
    expect(at(t.steps, "review", 268)).toMatchObject({ decision: "restored", limit: 50_000 });
    const restored = at(t.steps, "review", DAY, "jiebei");
    expect(restored.decision).toBe("restored");
    expect(restored.jiebei.limit).toBe(1_670_000);
    expect(at(t.steps, "review", 359)).toMatchObject({ decision: "limit_restored", limit: 600_000 });
    const jiebei = at(t.steps, "review", 359, "jiebei");
    expect(jiebei).toMatchObject({ decision: "limit_reduced", reasons: ["UNUSED_LIMIT_TRIMMED"] });
    expect(jiebei.jiebei.limit).toBe(1_120_000);
    expect(credit(t)).toEqual({ huabei: 600_000, jiebei: 1_120_000 });
  });

  it("customer service asked before that review says the trim and the limit Huabei comes back at as the review decides them — not ¥1,200 beside a trim — and cites what holds Huabei until then, not READY_TO_RESTORE: held lower, an early review restores ¥1,200 untrimmed", () => {
    // day 281: the answer reads Huabei held whole once used (the trim's own road); day 297: restored at
    // ¥1,200 once used, nothing in the way — where the answer had offered an early review that day
    for (const day of [281, 297]) {
      const asked = onIncome(13_000, day);
      const wait = at(asked.steps, "contact_support", day).remedies.find(
        (r) => r.line === "huabei" && r.kind === "wait_for_review",
      );
      expect(wait, `asked on day ${day}`).toMatchObject({
        day: DAY,
        early: null,
        trims: { from: 1_300_000, to: 820_000 },
      });
      expect(wait).not.toHaveProperty("kept");
      // what holds Huabei until that review is cited, not READY_TO_RESTORE: held whole on day 281; on day
      // 297 held to ¥1,200 — where an early review restores it, Jiebei untrimmed (said: earlyKept)
      const answer = at(asked.steps, "contact_support", day);
      expect(answer.reasons).not.toContain("READY_TO_RESTORE");
      expect(answer.reasons).toContain("LIMIT_KEPT_ONCE_USED");
      if (day === 297)
        expect(wait).toMatchObject({ earlyKept: { limit: 120_000, of: 600_000, onceUsed: true } });
      else expect(wait).not.toHaveProperty("earlyKept");
      // …and Jiebei's own answer says that review's cut of its limit, Huabei held whole or lower alike
      const cut = at(asked.steps, "contact_support", day).remedies.find(
        (r) => r.line === "jiebei" && r.kind === "review_cuts",
      );
      expect(cut, `asked on day ${day}`).toMatchObject({
        day: DAY,
        from: 1_300_000,
        to: 820_000,
        reasons: ["UNUSED_LIMIT_TRIMMED"],
      });
      expect(at(asked.steps, "review", DAY)).toMatchObject({ decision: "restored", limit: 600_000 });
      expect(at(asked.steps, "review", DAY, "jiebei").jiebei.limit).toBe(820_000);
    }
  });

  it("an early review asked on day 297 restores Huabei at ¥1,200, Jiebei untrimmed — not for good: the give-back once its cooldown has run trims Jiebei as the periodic review would have (¥6,000 beside ¥8,200)", () => {
    const asked = twin(
      FIXTURE,
      ["monthlyIncome: 6000", "monthlyIncome: 8000"],
      ["product: open, amount: 40000", "product: open, amount: 13000"],
      [
        "  - { day: 293, type: repay, line: jiebei, amount: statement }",
        "  - { day: 293, type: repay, line: jiebei, amount: statement }\n  - { day: 297, type: request_review }",
      ],
    );
    expect(at(asked.steps, "request_review", 297)).toMatchObject({ decision: "restored", limit: 120_000 });
    expect(credit(asked)).toEqual({ huabei: 600_000, jiebei: 820_000 });
  });

  it("Jiebei suspended by the review whose restoration of Huabei trims it (a policy raised that morning): suspended at the trimmed ¥8,200, the trim its cut — not at ¥13,000, the trim never applied", () => {
    const last = "  - { day: 293, type: repay, line: jiebei, amount: statement }";
    const raised = twin(
      FIXTURE,
      ["monthlyIncome: 6000", "monthlyIncome: 8000"],
      ["product: open, amount: 40000", "product: open, amount: 13000"],
      [last, `${last}\n  - { day: 298, type: policy, set: { jiebeiMinScore: 770 } }`],
    );
    expect(at(raised.steps, "review", DAY)).toMatchObject({ decision: "restored", limit: 600_000 });
    const jiebei = at(raised.steps, "review", DAY, "jiebei");
    expect(jiebei.decision).toBe("suspended");
    expect(jiebei.jiebei.limit).toBe(820_000);
    expect(jiebei.facts).toContainEqual({
      code: "UNUSED_LIMIT_TRIMMED",
      threshold: 820_000,
      value: 1_300_000,
    });
  });
});
