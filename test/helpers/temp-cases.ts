// A temporary folder for a test file's cases, each case in a fresh subfolder of its own (removed with the
// file's other cases after they run): hostile cases write and break things and must not meet each other.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/** Makes the folder (`credit-sim-<name>-…`); returns it and a maker of fresh case folders inside it. */
export function tempCases(name: string): { dir: string; fresh: () => string } {
  const dir = mkdtempSync(join(tmpdir(), `credit-sim-${name}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return {
    dir,
    fresh: () => {
      const d = join(dir, `case-${n++}`);
      mkdirSync(d);
      return d;
    },
  };
}

/** A fresh case folder with a policy outside the scenario's folder: `pol.yaml` beside `s/`, and `s/a.yaml`
 *  naming it as `../pol.yaml` (refused unless CREDIT_SIM_ROOT allows the folder it is in). */
export function policyOutside(fresh: () => string): string {
  const d = fresh();
  mkdirSync(join(d, "s"));
  writeFileSync(join(d, "pol.yaml"), "name: x\nextends: default\n");
  writeFileSync(join(d, "s", "a.yaml"), "name: a\npolicy: ../pol.yaml\nevents: []\n");
  return d;
}
