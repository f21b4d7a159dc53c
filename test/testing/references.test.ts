// The policy files a scenario names, found without loading it: read once per file (a suite of a thousand
// scenarios reads each of them here before the run when a reporter writes a file).

import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { namedPolicyFiles } from "../../src/testing/references.js";
import { ROOT } from "../helpers/cli.js";

const parsed = vi.hoisted(() => [] as string[]);
vi.mock("../../src/scenario/parse.js", async (original) => {
  const m = await original<typeof import("../../src/scenario/parse.js")>();
  return {
    ...m,
    parseText: (text: string, file: string) => {
      parsed.push(file);
      return m.parseText(text, file);
    },
  };
});

describe("namedPolicyFiles", () => {
  it("parses the scenario once for its `policy:` and its events' `use:`", () => {
    const file = join(ROOT, "scenarios/policy-adjustment.yaml");
    parsed.length = 0;
    const files = namedPolicyFiles(file, []);
    // default, and tightened (a policy event's use:) with what it extends
    expect(files.map((f) => f.split("/").at(-1))).toEqual(["default.yaml", "tightened.yaml"]);
    expect(parsed.filter((f) => f === file)).toHaveLength(1);
  });
});
