// docs/scenario-files.md says it is the whole format: its example names every event type a file may use.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../../src/engine/index.js";
import { ROOT } from "../helpers/cli.js";

const page = readFileSync(`${ROOT}docs/scenario-files.md`, "utf8");

describe("docs/scenario-files.md", () => {
  it("shows every event type in its example", () => {
    expect(
      EVENT_TYPES.filter((t) => !page.includes(`type: ${t} `) && !page.includes(`type: ${t},`)),
      "add a line using it to the example at the top of docs/scenario-files.md",
    ).toEqual([]);
  });

  it("names every shipped scenario, so a newcomer finds the story of each cause of suspension", () => {
    const shipped = readdirSync(`${ROOT}scenarios`).filter((f) => f.endsWith(".yaml"));
    expect(shipped.length).toBeGreaterThan(0);
    expect(
      shipped.filter((f) => !page.includes(`\`${f}\``)),
      "tell its story under 'The shipped stories' in docs/scenario-files.md",
    ).toEqual([]);
    for (const cause of ["credit: a falling score", "security: abnormal", "policy: a policy adjustment"])
      expect(page).toContain(cause);
  });
});
