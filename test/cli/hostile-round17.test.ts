// Hostile input, round 17: a path walking back out of a folder that does not exist, options given empty
// (an unset shell variable), the library handed what the CLI's parser would refuse, scenario numbers at
// the edges of a double, merge of result files edited by hand, whatif's flags in hostile combinations,
// and the reference commands in an odd environment.

import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "../helpers/cli.js";
import { tempCases } from "../helpers/temp-cases.js";

const ZHANG = "scenarios/zhang-ming.yaml";

describe("a path walking back out of what is not a folder", () => {
  // `nope/../z.yaml` with no `nope`: the system refuses it (`cat`: no such file or directory), and
  // `resolve` took `nope/..` off and read z.yaml
  const { fresh } = tempCases("round17-back");
  const tree = () => {
    const d = fresh();
    copyFileSync(join(ROOT, ZHANG), join(d, "z.yaml"));
    writeFileSync(join(d, "pol.yaml"), "name: p\nextends: default\n");
    mkdirSync(join(d, "dir"));
    return d;
  };

  it.each([
    [["run", "nope/../z.yaml", "--no-chart"], "nope/../z.yaml"],
    [["run", "dir/nope/../../z.yaml", "--no-chart"], "dir/nope/../../z.yaml"],
    [["run", "z.yaml", "--policy", "nope/../pol.yaml", "--no-chart"], "nope/../pol.yaml"],
    [["test", "nope/../z.yaml"], "nope/../z.yaml"],
  ])(
    "is refused as the system refuses it, and said to go through what is not there: %j",
    async (args, named) => {
      const d = tree();
      const r = await cli(args, { cwd: d });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(named);
      expect(r.stderr).toContain("does not exist");
      expect(r.stdout).not.toContain("Zhang Ming");
    },
  );

  it("a folder that exists may still be walked out of", async () => {
    const d = tree();
    const r = await cli(["run", "dir/../z.yaml", "--no-chart"], { cwd: d });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Zhang Ming");
  });
});
