// A value an error quotes is cut short past a bound (60 characters for a found value, 240 for what the
// details quote): cut after it is quoted, the cut must not fall inside an escape (`\x07` shown as `\x0…`,
// another character's code) nor between the two halves of a character (an emoji shown as `\ud83d…`).

import { describe, expect, it } from "vitest";
import { describeValue, InputError } from "../../src/shared/errors.js";
import { quoted } from "../../src/shared/text.js";

const ending = (text: string) => text.slice(-12);

describe("a quoted value cut short", () => {
  it("ends on a whole escape or a whole character (describeValue, 60)", () => {
    for (let n = 48; n <= 58; n++) {
      for (const ch of ["\u0007", "\u202e", "\\", '"', "😀"]) {
        const shown = describeValue(`${"x".repeat(n)}${ch}${"y".repeat(20)}`);
        expect(shown.length, `${n} ${quoted(ch)}`).toBeLessThanOrEqual(60);
        expect(shown.endsWith("…"), `${n} ${quoted(ch)}`).toBe(true);
        // what is left before the … is a prefix of the whole quoted value, cut between two of its pieces
        const kept = shown.slice(0, -1);
        const whole = quoted(`${"x".repeat(n)}${ch}${"y".repeat(20)}`);
        expect(whole.startsWith(kept)).toBe(true);
        expect(ending(kept), `${n} ${quoted(ch)}`).toMatch(/(?:x|y|\\x07|\u202e|\\\\|\\"|😀|")$/);
        expect(kept).not.toMatch(/[\ud800-\udbff]$/);
      }
    }
  });

  it("ends on a whole escape or a whole character (an error's found, 240)", () => {
    for (let n = 230; n <= 240; n++) {
      for (const ch of ["\u0007", "\u202e", "😀"]) {
        const found = new InputError("m", { found: quoted(`${"x".repeat(n)}${ch}${"y".repeat(20)}`) }).details
          .found!;
        expect(found.endsWith("…"), `${n} ${quoted(ch)}`).toBe(true);
        expect(ending(found.slice(0, -1)), `${n} ${quoted(ch)}`).toMatch(/(?:x|y|\\x07|\u202e|😀|")$/);
        expect(found).not.toMatch(/[\ud800-\udbff]…$/);
      }
    }
  });
});
