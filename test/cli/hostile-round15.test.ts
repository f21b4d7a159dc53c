// Hostile input, round 15: the environment a command is given (CREDIT_SIM_ROOT naming what no path can
// reach), …

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { tempCases } from "../helpers/temp-cases.js";

describe("CREDIT_SIM_ROOT naming a path the system cannot look up", () => {
  // the refusal's hint stat-ed each root, and only a missing one was expected: a root under a file
  // (`CREDIT_SIM_ROOT=pol.yaml/x`), a name past the system's longest or a link loop ended the command
  // with `internal error: ENOTDIR: not a directory, stat …`
  const { fresh } = tempCases("round15-root");
  const tree = () => {
    const d = fresh();
    mkdirSync(join(d, "s"));
    writeFileSync(join(d, "pol.yaml"), "name: x\nextends: default\n");
    writeFileSync(join(d, "s", "a.yaml"), "name: a\npolicy: ../pol.yaml\nevents: []\n");
    return d;
  };

  it.each(["pol.yaml/x", "a".repeat(300), `${"a".repeat(300)}/x`])(
    "is said to be no folder: %s",
    async (root) => {
      const d = tree();
      const r = await cli(["run", "s/a.yaml", "--no-chart"], { cwd: d, env: { CREDIT_SIM_ROOT: root } });
      expect(r.status).toBe(2);
      expect(r.stderr).not.toContain("internal error");
      expect(r.stderr).toContain("the policy file is outside this file's folder");
      expect(r.stderr).toContain(`${join(d, root)}, which is no folder`);
    },
  );
});
