// `credit-sim personas` on a terminal: a description stays beside its persona only when every row fits the
// terminal's columns — counted as a terminal shows them, wide (CJK) characters and emoji two.

import { Chalk } from "chalk";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { renderPersonas } from "../../src/render/personas.js";

const plain = new Chalk({ level: 0 });
const rows = (description: string) => [
  { name: "saver", share: 0.5, description },
  { name: "revolver", share: 0.5, description: "carries a balance" },
];

describe("personas on a terminal", () => {
  it.each([
    ["CJK", "每周消费，按时全额还款"],
    ["emoji", "☕☕☕☕☕☕☕☕☕☕☕"],
  ])(
    "a %s description as long as it fits but wider than the terminal goes beneath its persona",
    (_, text) => {
      // 19 columns of head, and a description of 11 UTF-16 units, 22 columns wide: 30 long, 41 wide
      const columns = 36;
      const out = renderPersonas(rows(text), "personas", plain, columns);
      expect(out.split("\n")[0]).toBe("persona   share");
      expect(out).toContain(`saver     50.0 %\n    ${text}\n`);
      // the rows (the closing note is prose, which the terminal's writer wraps)
      for (const line of out.split("\n").slice(0, 5)) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
    },
  );

  it("beside it when it fits, the descriptions in one column", () => {
    const out = renderPersonas(rows("每周消费，按时全额还款"), "personas", plain, 41);
    const lines = out.split("\n");
    expect(lines[0]).toBe("persona   share    description");
    expect(lines[1]).toBe("saver     50.0 %   每周消费，按时全额还款");
    expect(lines[2]).toBe("revolver  50.0 %   carries a balance");
  });
});
