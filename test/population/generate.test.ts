// Generation is a pure function of (seed, persona, index), and every timeline it makes is valid.

import { describe, expect, it } from "vitest";
import { generateAccount, generationContext } from "../../src/population/generate.js";
import { personaIndexOf } from "../../src/population/runner.js";
import { settings, shipped, tiny } from "./helpers.js";

describe("generation", () => {
  const ctx = generationContext(settings());

  it("depends only on (seed, persona, index)", () => {
    const a = generateAccount(ctx, tiny, 12);
    generateAccount(ctx, tiny, 3); // another account in between changes nothing
    const b = generateAccount(ctx, tiny, 12);
    expect(b).toEqual(a);
    expect(generateAccount(ctx, tiny, 13).events).not.toEqual(a.events);
    const other = generationContext(settings({ seed: 8 }));
    expect(generateAccount(other, tiny, 12).events).not.toEqual(a.events);
  });

  it("produces a valid timeline: days in range, positive amounts, sorted, indexed in file order", () => {
    for (let i = 0; i < 50; i++) {
      const s = generateAccount(ctx, tiny, i);
      expect(s.events[0]?.type === "apply" || s.events.some((e) => e.type === "apply")).toBe(true);
      s.events.forEach((e, k) => {
        expect(e.index).toBe(k);
        expect(e.day).toBeGreaterThanOrEqual(0);
        expect(e.day).toBeLessThanOrEqual(s.until);
        if (k > 0) expect(e.day).toBeGreaterThanOrEqual(s.events[k - 1]!.day);
        if ("amount" in e && typeof e.amount === "number") {
          expect(Number.isInteger(e.amount)).toBe(true);
          expect(e.amount).toBeGreaterThan(0);
        }
      });
    }
  });

  it("assigns personas by share", () => {
    const counts = new Map<string, number>();
    const s = settings();
    for (let i = 0; i < 4000; i++) {
      const name = shipped[personaIndexOf(s, shipped, i)]!.name;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const total = shipped.reduce((a, p) => a + p.share, 0);
    for (const p of shipped)
      expect(Math.abs((counts.get(p.name) ?? 0) / 4000 - p.share / total)).toBeLessThan(0.03);
  });
});
