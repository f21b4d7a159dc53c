// An exported account replays to the same outcome: the champion, a challenger from day 0 or from a later
// day. (export-set.test.ts: arms that set policy parameters; two files, so the test workers share the work.)

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { accountYaml } from "../../src/population/export-account.js";
import { loadPersonaText } from "../../src/population/persona.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { ROOT } from "../helpers/cli.js";
import { arm, expectExportsReplay, FIXTURES, population, settings, tightened } from "./helpers.js";

describe("export round-trip", () => {
  it("an exported account replays to the same outcome (champion)", () => {
    expectExportsReplay(settings(), 0);
  });

  it("an exported account replays to the same outcome (challenger from day 0)", () => {
    expectExportsReplay(settings({ arms: [arm(tightened)] }), 1);
  });

  it("an exported account replays to the same outcome (challenger from day 150)", () => {
    expectExportsReplay(settings({ arms: [arm(tightened)], from: 150 }), 1);
  });
});

describe("names an exported file is given", () => {
  // "<persona>-<account> (<policy>; <pair>)" grows past the 200 characters a scenario's name may hold
  it("are fitted to what a scenario file may hold, the account and arm kept: every file loads, each name its own", () => {
    const text = readFileSync(join(FIXTURES, "tiny.yaml"), "utf8").replace(
      /^name: .*$/m,
      `name: ${"a".repeat(200)}`,
    );
    const pop = population(settings({ arms: [arm(tightened)] }), [loadPersonaText(text, "long.yaml")]);
    const names = [0, 1].map(
      (a) =>
        loadScenarioText(accountYaml(pop, 3, a, ROOT, "default vs tightened"), join(ROOT, "x.yaml")).scenario
          .name,
    );
    expect(names[0]).toMatch(/^a+…a+-3 \(default; default vs tightened\)$/);
    expect(names[1]).toMatch(/^a+…a+-3 \(tightened; default vs tightened\)$/);
    expect(names[0]).toHaveLength(200);
  });
});
