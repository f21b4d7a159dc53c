// columnsOf, what the trace and the what-if listing pad their columns with: a cheap count that agrees with
// string-width (what the terminal fitting measures with) on the text a scenario names — Latin, Chinese,
// Japanese, Korean, fullwidth forms, emoji.

import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { columnsOf, padColumns, padColumnsStart } from "../../src/shared/text.js";

describe("columnsOf", () => {
  it("counts the columns string-width counts, a wide character two", () => {
    const texts = [
      "purchase ¥1,350.00 at Meituan",
      "−¥2.50 M · day 3 → 4 … Café ÀÉÎ",
      "purchase ¥100.00 at 淘宝天猫旗舰店",
      "美团外卖（北京）",
      "ローソン",
      "이마트 24",
      "ＡＢＣ１２３",
      "ok 👍 𠀋",
    ];
    for (const text of texts) expect(columnsOf(text), text).toBe(stringWidth(text));
  });

  it("counts a combining mark or a zero-width character as no column, as string-width and a terminal do", () => {
    // a merchant "café" written with a combining accent, or with zero-width spaces, pushed its decision
    // one column right a mark in the what-if listing and the trace; a stack of marks (Zalgo text) a line
    const texts = [
      "purchase ¥100.00 at cafe\u0301",
      "zero\u200b\u200b\u200bwidth",
      "join\u200c\u200dme\u2060\ufeff",
      `Z${"\u0351\u0352\u0353".repeat(30)}algo`,
      "\u1e9b\u0323 nửa",
      "한\u0308국",
    ];
    for (const text of texts) expect(columnsOf(text), JSON.stringify(text)).toBe(stringWidth(text));
    expect(padColumns("cafe\u0301", 6)).toBe("cafe\u0301  ");
  });

  it("pads to that many columns", () => {
    expect(padColumns("淘宝", 6)).toBe("淘宝  ");
    expect(padColumnsStart("淘宝", 6)).toBe("  淘宝");
    expect(padColumns("淘宝天猫", 6)).toBe("淘宝天猫");
  });
});
