// The project's own CI: `npm test` runs `credit-sim test scenarios/` through the built CLI, so a change
// that alters a shipped story's decision (or its golden trace) turns the build red. CI=true (set by the
// helper): a shipped scenario without a committed golden trace fails too.
// After an intended change: node bin/credit-sim test -u scenarios/ and review + commit the traces.

import { expect, it } from "vitest";
import { cli } from "./helpers/cli.js";

it("credit-sim test scenarios/ passes (expectations and golden traces of every shipped scenario)", () => {
  const r = cli(["test", "scenarios/"]);
  expect(r.stderr).toBe("");
  expect(r.status, r.stdout).toBe(0);
  expect(r.stdout).toMatch(/Scenarios\s+\d+ passed, 0 failed \(\d+\)/);
  expect(r.stdout).not.toContain("without expectations");
});
