// The fast tier draws a share of each property's cases and the slow tier runs again, with every case, the
// files tagged `property` (vitest.config.ts): a file that draws through propertyRuns without the tag would
// never be run in full, and one tagged without drawing would be run twice for nothing.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const files = (readdirSync("test", { recursive: true }) as string[])
  .filter((f) => f.endsWith(".test.ts"))
  .map((f) => join("test", f));

describe("the property tier", () => {
  it("tags every file that draws through propertyRuns, and no other", () => {
    const untagged: string[] = [];
    const needless: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      const draws = /\bpropertyRuns\(/.test(text);
      const tagged = /^\/\/ @module-tag property$/m.test(text);
      if (draws && !tagged) untagged.push(f);
      if (tagged && !draws) needless.push(f);
    }
    expect({ untagged, needless }).toEqual({ untagged: [], needless: [] });
    expect(files.length).toBeGreaterThan(100);
  });
});
