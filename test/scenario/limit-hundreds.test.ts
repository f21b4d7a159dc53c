// A limit is asked in whole hundreds of yuan (an opening's, an increase's, Jiebei's line): an ask that is
// not is bad input, every one reported at once with its line and field and the hundreds to write — an ask
// of 3033.33 was granted as asked, a limit of ¥8,033.33 no rule could make.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../../src/scenario/load.js";
import { cli } from "../helpers/cli.js";

const SCENARIO = [
  "name: odd asks",
  "until: 120",
  "profile: { monthlyIncome: 9000, verified: true, creditHistoryMonths: 60 }",
  "events:",
  "  - { day: 0, type: apply, product: open, amount: 5050.5 }",
  "  - { day: 0, type: apply, line: jiebei, product: open, amount: 10001 }",
  "  - { day: 95, type: apply, product: increase, amount: 3033.33 }",
  "  - { day: 96, type: apply, product: increase, amount: 50 }",
  "  - { day: 97, type: purchase, amount: 33.33 }",
  "  - { day: 98, type: apply, product: increase, amount: 3000 }",
  "",
].join("\n");

describe("a limit asked for", () => {
  it("not in whole hundreds of yuan is refused at load, every one at once, with the hundreds to write (exit 2)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-hundreds-"));
    const file = join(dir, "odd.yaml");
    writeFileSync(file, SCENARIO);
    const r = await cli(["run", file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(r.stderr).toContain(`${file}:5:51: events[0].amount: not whole hundreds`);
    expect(r.stderr).toContain("write 5000 or 5100");
    expect(r.stderr).toContain(`${file}:6:65: events[1].amount: not whole hundreds`);
    expect(r.stderr).toContain("write 10000 or 10100");
    expect(r.stderr).toContain(`${file}:7:56: events[2].amount: not whole hundreds`);
    expect(r.stderr).toContain("limits are asked in whole hundreds of yuan: write 3000 or 3100");
    // no limit of ¥0 offered
    expect(r.stderr).toContain(`${file}:8:56: events[3].amount: not whole hundreds`);
    expect(r.stderr).toMatch(/found: +50\n +hint: +limits are asked in whole hundreds of yuan: write 100\n/);
    // a purchase's amount is no limit
    expect(r.stderr).not.toContain("events[4]");
    expect(r.stderr).not.toContain("events[5]");
    expect(r.stderr).toContain("4 problems");
  });

  it("in whole hundreds loads, and is granted as asked", () => {
    const ok = SCENARIO.replace("5050.5", "5000")
      .replace("10001", "10000")
      .replace("3033.33", "3000")
      .replace("amount: 50 }", "amount: 100 }");
    const { scenario } = loadScenarioText(ok, "ok.yaml");
    expect(scenario.events.filter((e) => e.type === "apply").map((e) => e.amount)).toEqual([
      500_000, 1_000_000, 300_000, 10_000, 300_000,
    ]);
  });
});
