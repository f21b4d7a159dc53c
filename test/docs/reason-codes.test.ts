// docs/reference/reason-codes.md and `credit-sim reasons` are where a reader looks up a sentence a trace or
// `explain` printed: every wording a code is printed in — its text, its milder words near the
// characteristic's maximum, its words recalled on a later day — and every piece of its advice must be
// found there, not only the text it has by default.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REASON_CODES, REASONS, type ReasonInfo } from "../../src/engine/index.js";
import { cli, ROOT } from "../helpers/cli.js";

const page = readFileSync(join(ROOT, "docs/reference/reason-codes.md"), "utf8");
const wordings = (info: ReasonInfo): string[] =>
  [info.text, info.mild, info.recorded, info.advice, info.settled, info.onceUsed].filter(
    (w): w is string => w !== undefined,
  );

describe("the reason-code reference", () => {
  it("lists every wording of every code, as explain prints it", async () => {
    // `explain` on Zhao Lei's contact says the milder words; the catalogue once had only "… is high"
    expect(REASONS.HIGH_UTILISATION.mild).toMatch(/above the scorecard's top band/);
    const printed = (await cli(["reasons", "--wide"])).stdout.replace(/\s+/g, " ");
    const missing = REASON_CODES.flatMap((code) =>
      wordings(REASONS[code])
        .filter((w) => !page.includes(w) || !printed.includes(w.replace(/\s+/g, " ")))
        .map((w) => `${code}: ${w}`),
    );
    expect(missing).toEqual([]);
  });
});
