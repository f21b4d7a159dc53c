// Same scenario, policy and seed → byte-identical output on every run and machine: the time zone, the
// locale and the run count must not show in the output. Runs the built CLI (`npx tsc -p tsconfig.build.json`).

import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, ROOT } from "./helpers/cli.js";

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist/cli/main.js"))) {
    throw new Error("dist/ is missing: build first (npx tsc -p tsconfig.build.json)");
  }
});

const ZHANG = "scenarios/zhang-ming.yaml";
const ALL = readdirSync(join(ROOT, "scenarios"))
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort()
  .map((f) => `scenarios/${f}`);

const ENVIRONMENTS: Array<Record<string, string>> = [
  { TZ: "UTC", LANG: "C", LC_ALL: "C" },
  { TZ: "Asia/Shanghai", LANG: "zh_CN.UTF-8", LC_ALL: "zh_CN.UTF-8" },
  { TZ: "America/Los_Angeles", LANG: "en_US.UTF-8", LC_ALL: "en_US.UTF-8" },
  { TZ: "Pacific/Kiritimati", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" },
  { TZ: "Pacific/Pago_Pago", LANG: "ar_EG.UTF-8", LC_ALL: "ar_EG.UTF-8" },
];

function runIn(env: Record<string, string>, args: string[]): string {
  const r = cli(["run", ...args], { env });
  expect(r.stderr, JSON.stringify(env)).toBe("");
  expect(r.status, JSON.stringify(env)).toBe(0);
  return r.stdout;
}

describe.each([
  ["trace", [ZHANG]],
  ["trace with --explain", [ZHANG, "--explain"]],
  ["NDJSON", [ZHANG, "--json"]],
  ["every shipped scenario", ALL],
  ["every shipped scenario, NDJSON", [...ALL, "--json"]],
])("run %s", (_, args) => {
  it("prints byte-identical output in every time zone and locale", () => {
    const [first, ...rest] = ENVIRONMENTS.map((env) => runIn(env, args));
    expect(first!.length).toBeGreaterThan(100);
    for (const [i, out] of rest.entries()) expect(out, JSON.stringify(ENVIRONMENTS[i + 1])).toBe(first);
  });

  it("prints byte-identical output twice in a row", () => {
    const env = ENVIRONMENTS[0]!;
    expect(runIn(env, args)).toBe(runIn(env, args));
  });
});

describe("what the output is made of", () => {
  it("dates come from the scenario's calendar, not the clock or the zone", () => {
    const out = runIn({ TZ: "Pacific/Kiritimati" }, [ZHANG, "--json"]);
    const first = JSON.parse(out.split("\n")[0]!) as { day: number; date: string };
    expect(first).toMatchObject({ day: 0, date: "2024-01-01" });
  });

  it("--json lines are one JSON object each with yuan amounts as 2-decimal strings or numbers", () => {
    const out = runIn({ TZ: "UTC" }, [ZHANG, "--json"]);
    const lines = out.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      const step = JSON.parse(line) as Record<string, unknown>;
      expect(step.scenario).toBe("Zhang Ming");
      expect(String(step.balance)).toMatch(/^-?\d+(\.\d{1,2})?$/);
    }
  });
});
