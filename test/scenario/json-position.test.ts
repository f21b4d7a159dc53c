import { describe, expect, it } from "vitest";
import { jsonErrorOffset } from "../../src/scenario/json-position.js";

/** JSON.parse's verdict on `text`: null when it parses, else its message. */
function refusal(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe("jsonErrorOffset", () => {
  it("finds nothing wrong with JSON, however deep", () => {
    expect(jsonErrorOffset('{"a": [1, -0.5e+3, "x\\u00e9\\n", true, false, null, {}]}')).toBeNull();
    expect(jsonErrorOffset(`${"[".repeat(200_000)}${"]".repeat(200_000)}`)).toBeNull();
  });

  it("knows which container each level opened, however deep: a close of the wrong kind is placed", () => {
    // objects and lists alternating past a machine word's worth of levels, then a `}` where a `]` goes
    const deep = `${'{"a": ['.repeat(500)}1${"]}".repeat(500)}`;
    expect(jsonErrorOffset(deep)).toBeNull();
    const wrong = `${deep.slice(0, -2)}}}`;
    expect(refusal(wrong)).toMatch(/at position (\d+)/);
    expect(jsonErrorOffset(wrong)).toBe(Number(/at position (\d+)/.exec(refusal(wrong)!)![1]));
  });

  it("names the offset JSON.parse names, and where it names none, the character of its unexpected token", () => {
    // a document, mutated a few characters at a time by a seeded generator (some cut short): every refusal JSON.parse
    // places is placed at the same offset; each it does not ("Unexpected token 'x', …") at that token
    const base = JSON.stringify(
      { name: 'x\u00e9\\"', events: [{ day: 0, amount: -1.5e3, ok: true, n: null, f: false }], u: "\u0001" },
      null,
      2,
    );
    const alphabet = [..."\",[]{}:\\x0-.et \n'u"];
    let seed = 7;
    const draw = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const seen = { placed: 0, token: 0, end: 0 };
    for (let k = 0; k < 3000; k++) {
      let text = base;
      for (let m = 0; m <= draw(3); m++) {
        const i = draw(text.length);
        const ch = alphabet[draw(alphabet.length)]!;
        const op = draw(3);
        text = text.slice(0, i) + (op === 1 ? "" : ch) + text.slice(op === 0 ? i : i + 1);
      }
      // and one in ten cut short
      if (k % 10 === 0) text = text.slice(0, draw(text.length));
      const message = refusal(text);
      const offset = jsonErrorOffset(text);
      if (message === null) {
        expect(offset, text).toBeNull();
        continue;
      }
      expect(offset, `${message}\n${text}`).not.toBeNull();
      const placed = /at position (\d+)/.exec(message);
      const token = /^Unexpected token '(.)'/su.exec(message);
      if (placed) {
        seen.placed++;
        expect(offset, `${message}\n${text}`).toBe(Number(placed[1]));
      } else if (/end of JSON input/.test(message)) {
        seen.end++;
        expect(offset).toBe(text.length);
      } else if (token) {
        seen.token++;
        expect(text[offset!], `${message}\n${text}`).toBe(token[1]);
      }
    }
    // each kind of refusal was met many times
    expect(Math.min(seen.placed, seen.token, seen.end), JSON.stringify(seen)).toBeGreaterThan(50);
  });

  it("places a byte-order mark, a stray comma and a single-quoted string at their first character", () => {
    expect(jsonErrorOffset("\ufeff{}")).toBe(0);
    expect(jsonErrorOffset("[1,,2]")).toBe(3);
    expect(jsonErrorOffset("{\"a\": 'b'}")).toBe(6);
    expect(jsonErrorOffset('{"a": tru}')).toBe(9);
    expect(jsonErrorOffset('{"a": 1')).toBe(7);
  });
});
