// A Jiebei step is prefixed "Jiebei: " so the customer knows which line it is about — unless its words
// already name Jiebei as what to apply for: "Jiebei: … an application to open Jiebei" said it twice.

import { describe, expect, it } from "vitest";
import type { Remedy } from "../../src/engine/types.js";
import { describeRemedy } from "../../src/scenario/format.js";

const steps: Remedy[] = [
  {
    line: "jiebei",
    kind: "applications_allow",
    product: "open",
    day: 31,
    date: "2024-02-01",
    count: 3,
    max: 3,
  },
  { line: "jiebei", kind: "open_line", day: 31, date: "2024-02-01", now: false, blockers: [] },
  { line: "jiebei", kind: "increase_from", day: 90, date: "2024-03-31", waits: ["INCREASE_TOO_SOON"] },
  { line: "jiebei", kind: "wait_for_inquiries", day: 30, date: "2024-01-31", opens: true },
];

describe("a Jiebei step that names Jiebei as what to apply for", () => {
  it.each(steps.map((r) => [r.kind, r] as const))("%s: names it once, unprefixed", (_, r) => {
    const text = describeRemedy(r);
    expect(text).not.toMatch(/^Jiebei: /);
    expect(text).toMatch(/Jiebei('s limit| \(apply, product: (open|increase), line: jiebei\))/);
  });

  it("a Jiebei step that does not name its line keeps the prefix", () => {
    expect(describeRemedy({ line: "jiebei", kind: "verify_identity" })).toMatch(/^Jiebei: /);
    const wait: Remedy = { line: "jiebei", kind: "wait_for_inquiries", day: 30, date: "2024-01-31" };
    expect(describeRemedy(wait)).toMatch(/^Jiebei: recent applications leave the 30-day count/);
  });
});
