// A folder given to the library as the user's (`cwd`): the files named relative to it are read there, and a
// missing one's hint is told from it — never a hint about one folder and a read from another.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";
import { cli, ROOT } from "./helpers/cli.js";
import { inputErrorOf } from "./helpers/input-error.js";
import { populationRequest } from "./helpers/population-request.js";
import { tempCases } from "./helpers/temp-cases.js";

const { fresh } = tempCases("library-cwd");

/** A folder holding scenarios/s.yaml (the bundled first-credit story) under the policy scenarios/mine.yaml. */
function workFolder(): string {
  const d = fresh();
  mkdirSync(join(d, "scenarios"));
  const story = readFileSync(join(ROOT, "scenarios", "first-credit.yaml"), "utf8");
  writeFileSync(join(d, "scenarios", "s.yaml"), story.replace("policy: default", "policy: ./mine.yaml"));
  writeFileSync(join(d, "scenarios", "mine.yaml"), "name: mine\nextends: default\nminScore: 610\n");
  return d;
}

describe("loadScenario(file, { cwd })", () => {
  it("reads the file, and its own policy beside it, from the folder given — the one its hint is told from", () => {
    const d = workFolder();
    // the process's folder (the repository) has no scenarios/s.yaml: it was looked for there, and the
    // hint said 'relative to the current folder' of a file that is in the folder given
    const loaded = lib.loadScenario("scenarios/s.yaml", { cwd: d });
    expect(loaded.scenario.policy.name).toBe("mine");
    expect(loaded.file).toBe("scenarios/s.yaml");
    // a file the process's folder has and the folder given has not is not found, as its hint says
    const missing = inputErrorOf(() => lib.loadScenario("scenarios/zhang-ming.yaml", { cwd: d }));
    expect(missing.message).toBe("scenario file not found");
    expect(missing.details).toMatchObject({
      file: "scenarios/zhang-ming.yaml",
      hint: "check the path (it is relative to the current folder)",
    });
    // and a near name is one of the folder given
    const near = inputErrorOf(() => lib.loadScenario("scenarios/s.yml", { cwd: d }));
    expect(near.details).toMatchObject({ file: "scenarios/s.yml", hint: 'did you mean "s.yaml"?' });
  });
});

describe("a policy path read with the folder given", () => {
  it("preparePopulation's --policy is hinted from that folder, as loadScenario's is", () => {
    const d = workFolder();
    const request = { ...populationRequest([]), policy: "pol/zzzzzz.yaml" };
    // the hint was told from the process's folder: 'outside the current folder'
    for (const f of [
      () => lib.preparePopulation(request, d),
      () => lib.loadScenario("scenarios/s.yaml", { policy: "pol/zzzzzz.yaml", cwd: d }),
    ])
      expect(inputErrorOf(f).details).toMatchObject({
        hint: "check the path (it is relative to the current folder)",
      });
  });

  it("whatif's --policy too", async () => {
    const d = workFolder();
    const r = await cli(["whatif", "scenarios/s.yaml", "--policy", "pol/zzzzzz.yaml", "--list"], { cwd: d });
    expect(r.status).toBe(2);
    expect(/hint: +(.*)/.exec(r.stderr)?.[1]).toBe("check the path (it is relative to the current folder)");
  });
});

describe("baseVariant(loaded, dir, cwd)", () => {
  it("a variant of a file loaded from the folder given starts its policy paths from that file's folder", () => {
    const d = workFolder();
    const loaded = lib.loadScenario("scenarios/s.yaml", { cwd: d });
    // its folder was told from the process's: ./mine.yaml was looked for in the repository's scenarios/
    const variant = lib.baseVariant(loaded, undefined, d);
    expect(variant.dir).toBe(join(d, "scenarios"));
    expect(lib.runVariant(variant).loaded.scenario.policy.name).toBe("mine");
  });
});
