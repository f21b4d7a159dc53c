// @module-tag slow
// Same scenario, policy and seed → byte-identical output on every run and machine: the time zone, the
// locale and the run count must not show in the output. The locale is fixed when a process starts, so
// each environment runs in a process of its own (the built CLI's runCli, every run in one process); the one
// at UTC+14 also switches its time zone while it runs (a switch is the same check in any locale, and each
// pass of every run costs a second or two); each output must be the one this process prints.

import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "../helpers/cli.js";

const ZHANG = "scenarios/zhang-ming.yaml";
const ALL = readdirSync(join(ROOT, "scenarios"))
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort()
  .map((f) => `scenarios/${f}`);

const RUNS: Array<[string, string[]]> = [
  ["trace", [ZHANG]],
  ["trace with --explain", [ZHANG, "--explain"]],
  ["NDJSON", [ZHANG, "--json"]],
  ["every shipped scenario", ALL],
  ["every shipped scenario, NDJSON", [...ALL, "--json"]],
];

const ENVIRONMENTS: Array<Record<string, string>> = [
  { TZ: "Asia/Shanghai", LANG: "zh_CN.UTF-8", LC_ALL: "zh_CN.UTF-8" },
  { TZ: "Pacific/Kiritimati", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" },
  { TZ: "Pacific/Pago_Pago", LANG: "ar_EG.UTF-8", LC_ALL: "ar_EG.UTF-8" },
];

const ZONES = ["America/Los_Angeles", "UTC"];
const ran = new Map<string, Array<Array<{ stdout: string; status: number }>>>();

const switchesZones = (env: Record<string, string>) => env.TZ === "Pacific/Kiritimati";

/**
 * Every `run` of RUNS in one process of the built CLI under `env`, then (at UTC+14) again after switching
 * to each of ZONES in that process: [stdout, exit code] each, zone by zone.
 */
function runAllIn(env: Record<string, string>): Array<Array<{ stdout: string; status: number }>> {
  const key = JSON.stringify(env);
  const done = ran.get(key);
  if (done) return done;
  const script = `
    const { runCli } = await import(${JSON.stringify(join(ROOT, "dist/cli/run-cli.js"))});
    const zones = [];
    for (const tz of [process.env.TZ, ...${JSON.stringify(switchesZones(env) ? ZONES : [])}]) {
      process.env.TZ = tz;
      const results = [];
      for (const args of ${JSON.stringify(RUNS.map(([, a]) => a))}) {
        let stdout = "";
        const io = { stdout: { write: (t) => { stdout += t; } }, stderr: { write: (t) => process.stderr.write(t) },
          stdinIsTTY: false, env: process.env, cwd: process.cwd() };
        results.push({ status: await runCli(["run", ...args], io), stdout });
      }
      zones.push(results);
    }
    process.stdout.write(JSON.stringify(zones));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", CI: "true", ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  expect(r.stderr, JSON.stringify(env)).toBe("");
  expect(r.status, JSON.stringify(env)).toBe(0);
  const zones = JSON.parse(r.stdout);
  ran.set(key, zones);
  return zones;
}

const here = async (args: string[]) => {
  const r = await cli(["run", ...args]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
};

describe("run prints byte-identical output", () => {
  const mine = new Map<string, string>();
  const here1 = async (name: string, args: string[]) => {
    if (!mine.has(name)) mine.set(name, await here(args));
    return mine.get(name)!;
  };

  it.each(ENVIRONMENTS)(
    "in another locale and time zone (at UTC+14, switched twice while it runs): %j",
    async (env) => {
      const zones = runAllIn(env);
      expect(zones).toHaveLength(switchesZones(env) ? 1 + ZONES.length : 1);
      for (const [z, there] of zones.entries()) {
        const where = `${JSON.stringify(env)}, zone ${[env.TZ, ...ZONES][z]}`;
        expect(there).toHaveLength(RUNS.length);
        for (const [i, [name, args]] of RUNS.entries()) {
          const expected = await here1(name, args);
          expect(expected.length, name).toBeGreaterThan(100);
          expect(there[i]!.status, `${name} in ${where}`).toBe(0);
          expect(there[i]!.stdout, `${name} in ${where}`).toBe(expected);
        }
      }
    },
  );

  // the first run is the one the other environments are held to, when a test before has made it
  it.each(RUNS)("twice in a row: %s", async (name, args) => {
    const first = await here1(name, args);
    expect(await here(args)).toBe(first);
  });
});

describe("what the output is made of", () => {
  it("dates come from the scenario's calendar, not the clock or the zone (UTC+14 here)", () => {
    const kiritimati = runAllIn(ENVIRONMENTS.find((e) => e.TZ === "Pacific/Kiritimati")!)[0]!;
    const ndjson = kiritimati[RUNS.findIndex(([name]) => name === "NDJSON")]!.stdout;
    const first = JSON.parse(ndjson.split("\n")[0]!) as { day: number; date: string };
    expect(first).toMatchObject({ day: 0, date: "2024-01-01" });
  });

  it("--json lines are one JSON object each with yuan amounts as 2-decimal strings or numbers", async () => {
    const lines = (await here([ZHANG, "--json"])).trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      const step = JSON.parse(line) as Record<string, unknown>;
      expect(step.scenario).toBe("Zhang Ming");
      expect(String(step.balance)).toMatch(/^-?\d+(\.\d{1,2})?$/);
    }
  });
});
