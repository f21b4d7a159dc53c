// `--reach restored` is about the suspension still in force, not an earlier one already lifted.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cli } from "./helpers/cli.js";

it("targets the credit suspension that is never lifted, not the security hold lifted on day 6", () => {
  const file = join(mkdtempSync(join(tmpdir(), "credit-sim-reach-")), "combo.yaml");
  writeFileSync(
    file,
    `name: combo
policy: default
until: 200
profile: { age: 30, monthlyIncome: 8000, creditHistoryMonths: 24 }
events:
  - { day: 0, type: apply, product: open, amount: 3000 }
  - { day: 2, type: change_profile, field: phone }
  - { day: 3, type: change_profile, field: address }
  - { day: 4, type: change_profile, field: device }
  - { day: 6, type: verify_identity }
  - { day: 8, type: purchase, amount: 1000 }
`,
  );
  const r = cli(["whatif", file, "--reach", "restored", "--no-chart"]);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("as it happened: suspended on day 70 and never restored");
  expect(r.stdout).toMatch(/would have been restored on day \d+ \(it never was\)/);
});
