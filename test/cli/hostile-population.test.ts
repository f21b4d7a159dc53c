// `simulate` under hostile input, in-process: persona files whose every value is within its own bound but
// whose accounts, together and over the horizon, would not be (refused before anything runs, at the
// field, with a horizon that fits).

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "credit-sim-hostile-pop-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const persona = (name: string, extra: string): string => {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `name: ${name}\nshare: 1\nspending: { perMonth: 5, amount: 100 }\nrepayment: { full: 1 }\n${extra}`,
  );
  return file;
};

describe("a persona whose accounts would not fit the horizon", () => {
  // each rate within its schema bound: a burst of at most 1,000 events, 1,000 bursts a year
  const bursts = persona(
    "bursts",
    "externalInquiries:\n  bursts: { perYear: 1000, count: 1000000000, withinDays: 1 }\n",
  );

  it("is refused before it runs, at the field that makes the events, with a horizon that fits", async () => {
    const r = await cli(["simulate", bursts, "--accounts", "1", "--days", "120", "--no-progress"], {
      cwd: dir,
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /bursts\.yaml:6:11: externalInquiries\.bursts: one account would make about [\d,]+ events in 120 days/,
    );
    expect(r.stderr).toContain("at most 100,000 events an account");
    expect(r.stderr).toMatch(
      /hint: +lower externalInquiries\.bursts, or simulate at most \d+ days \(--days (\d+)\)/,
    );
    const fits = Number(/--days (\d+)\)/.exec(r.stderr)?.[1]);
    const ok = await cli(["simulate", bursts, "--accounts", "1", "--days", String(fits), "--json"], {
      cwd: dir,
    });
    expect(ok.status).toBe(0);
  });

  it("is said with every other persona's problem at once", async () => {
    const changes = persona(
      "changes",
      "profileChanges:\n  perMonth: 1000\n  bursts: { perYear: 1000, count: 1000, withinDays: 1 }\n",
    );
    const r = await cli(["simulate", bursts, changes, "--accounts", "1", "--days", "120"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("bursts.yaml:6:11: externalInquiries.bursts: one account would make");
    expect(r.stderr).toContain("changes.yaml:7:11: profileChanges.bursts: one account would make");
  });

  it("the shipped personas fit a century", { tags: ["slow"] }, async () => {
    const r = await cli(["simulate", "--accounts", "1", "--days", "36500", "--json"]);
    expect(r.status).toBe(0);
  });
});
