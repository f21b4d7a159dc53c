// An exported account replays to the same outcome: the champion, a challenger from day 0 or from a later
// day. (export-set.test.ts: arms that set policy parameters; two files, so the test workers share the work.)

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { accountYaml, fileNamePart, flipFileName } from "../../src/population/export-account.js";
import { loadPersonaText } from "../../src/population/persona.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { parseText } from "../../src/scenario/parse.js";
import { ROOT } from "../helpers/cli.js";
import { arm, expectExportsReplay, FIXTURES, population, settings, tightened, tiny } from "./helpers.js";

describe("export round-trip", () => {
  it("an exported account replays to the same outcome (champion)", { tags: ["slow"] }, () => {
    expectExportsReplay(settings(), 0);
  });

  it("an exported account replays to the same outcome (challenger from day 0)", { tags: ["slow"] }, () => {
    expectExportsReplay(settings({ arms: [arm(tightened)] }), 1);
  });

  it("an exported account replays to the same outcome (challenger from day 150)", { tags: ["slow"] }, () => {
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

describe("the text of an exported file", () => {
  it("holds no raw control or bidirectional character from a policy's name or path: read back, it is the same", () => {
    // the YAML library wrote C1 controls (U+009B, a CSI to many terminals) and U+202E raw, and a string
    // holding only those unquoted: `--export-account N -o -` sent them to the terminal
    const pop = population(settings(), [tiny]);
    pop.policyRefs.set(pop.settings.policy.name, "./p\u202e\u009b.yaml");
    const text = accountYaml(pop, 3, 0, ROOT, "pol\u009b2J\u202e");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the controls are what is looked for
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2028\u2029]/);
    expect(text).toContain('policy: "./p\\u202e\\u009b.yaml"');
    const data = parseText(text, "x.yaml").data as { name: string; policy: string };
    expect(data.name).toMatch(/ \(default; pol\u009b2J\u202e\)$/);
    expect(data.policy).toBe("./p\u202e\u009b.yaml");
  });
});

// a policy named 严格政策 had its --flips files named account-1.____.yaml: every non-ASCII character was `_`
describe("the names --flips gives its files and folders", () => {
  it("keep letters and digits of any script, and nothing that could be a path, a control or unseen", () => {
    expect(flipFileName(1, "严格政策")).toBe("account-1.严格政策.yaml");
    expect(flipFileName(1, "ποлитика-٣")).toBe("account-1.ποлитика-٣.yaml");
    expect(flipFileName(1, "a/b\\c..d")).toBe("account-1.a_b_c__d.yaml");
    expect(flipFileName(1, "x\u200b\u202e\u0007\u00a0y")).toBe("account-1.x____y.yaml");
    // composed as macOS stores names: café typed either way is one file
    expect(flipFileName(1, "cafe\u0301")).toBe(flipFileName(1, "caf\u00e9"));
    // a folder's part keeps a point but never first or last (hidden; cut off by Windows)
    expect(fileNamePart(".git", 100, true)).toBe("_git");
    expect(fileNamePart("v1.2.", 100, true)).toBe("v1.2_");
  });

  it("are cut by bytes at a character's edge, the arm's suffix kept", () => {
    const name = flipFileName(12345, "严".repeat(200), "_arm_2_");
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(name.endsWith("严_arm_2_.yaml")).toBe(true);
    expect(Buffer.byteLength(fileNamePart("𠀀".repeat(60), 99))).toBe(96);
  });
});
