// The strategy lab's costs, measured in one run (prints figures; asserts nothing):
//  - a 10-variant sweep against a single-policy run on the same SWEEP_ACCOUNTS × DAYS, one worker each
//    (target: the sweep within 4 × the single run — lanes make the variants cost what diverges);
//  - SCALE_ACCOUNTS × DAYS on 2 workers against a plain-JavaScript reference loop over the same number of
//    account-days on one thread (target: within 3 ×), and the 2-worker speed-up over 1 worker.
// The reference loop (bench/reference-loop.mjs, where every step is listed) is what a hand-written
// simulator of this model must do per account-day with nothing of the engine's generality: an Alea draw
// a day, purchases at the persona's rate, per-bill daily interest and penalties in integer fen, the
// statement, due, grace, overdue and charge-off checks, a monthly score from five characteristics and a
// review decision — typed arrays, nothing allocated per account-day. It is the floor the engine is held
// against, not a model of credit; it is not slowed down to flatter the ratio.
// Environment: BENCH_SWEEP_ACCOUNTS (20000), BENCH_SCALE_ACCOUNTS (100000), BENCH_DAYS (365).
// Everything the CLI runs goes through the built CLI (dist/) in a fresh process.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { referenceLoop } from "./reference-loop.mjs";

const BIN = fileURLToPath(new URL("../bin/credit-sim", import.meta.url));
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const SWEEP_ACCOUNTS = env("BENCH_SWEEP_ACCOUNTS", 20_000);
const SCALE_ACCOUNTS = env("BENCH_SCALE_ACCOUNTS", 100_000);
const DAYS = env("BENCH_DAYS", 365);

// The CPU time of the children this process has waited for (Linux: /proc/self/stat's cutime + cstime, in
// USER_HZ ticks of 1/100 s), or null elsewhere. A child's CPU counts every thread it ran — V8's compiler
// and garbage-collector threads included — which a wall time on an idle second core hides.
function childrenCpu() {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

function run(args) {
  const cpu0 = childrenCpu();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", CI: "true" },
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`credit-sim ${args.join(" ")} failed:\n${r.stderr}`);
  const cpu1 = childrenCpu();
  return { seconds, cpu: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
}

const simulate = (accounts, workers, extra = []) =>
  run([
    "simulate",
    "--accounts",
    String(accounts),
    "--days",
    String(DAYS),
    "--workers",
    String(workers),
    "--json",
    ...extra,
  ]);

const fmt = (n, d = 2) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
const line = (label, value, target = "") =>
  console.log(`${label.padEnd(60)} ${value.padStart(14)}  ${target}`);

// 1. sweep vs single policy: minOpenScore 600..780 by 20 is ten variants
const single = simulate(SWEEP_ACCOUNTS, 1);
const sweep = simulate(SWEEP_ACCOUNTS, 1, ["--sweep", "minOpenScore=600..780:20"]);
console.log(`sweep: ${SWEEP_ACCOUNTS.toLocaleString("en-US")} accounts × ${DAYS} days, 1 worker`);
line("single policy: wall time", `${fmt(single.seconds)} s`);
line("10-variant sweep (minOpenScore=600..780:20): wall time", `${fmt(sweep.seconds)} s`);
line("sweep / single", `${fmt(sweep.seconds / single.seconds)} ×`, "(target ≤ 4 ×)");

// 2. scale: 2 workers vs a plain-JavaScript loop, and 2 workers vs 1
const ref = referenceLoop(SCALE_ACCOUNTS, DAYS);
const two = simulate(SCALE_ACCOUNTS, 2);
const one = simulate(SCALE_ACCOUNTS, 1);
console.log(`\nscale: ${SCALE_ACCOUNTS.toLocaleString("en-US")} accounts × ${DAYS} days`);
const ns = (seconds) => `${fmt((seconds * 1e9) / (SCALE_ACCOUNTS * DAYS), 0)} ns`;
line("reference loop (plain JS, 1 thread): wall time", `${fmt(ref.seconds)} s`, `(checksum ${ref.checksum})`);
const cpu = (r) => (r.cpu === null ? "n/a" : `${fmt(r.cpu)} s`);
line("simulate, 2 workers: wall time / CPU time", `${fmt(two.seconds)} s / ${cpu(two)}`);
line("simulate, 1 worker: wall time / CPU time", `${fmt(one.seconds)} s / ${cpu(one)}`);
line("per account-day: reference loop / simulate on 2 workers", `${ns(ref.seconds)} / ${ns(two.seconds)}`);
line("2 workers / reference loop", `${fmt(two.seconds / ref.seconds)} ×`, "(target ≤ 3 ×)");
line("speed-up 2 workers / 1 worker", `${fmt(one.seconds / two.seconds)} ×`);
// what the speed-up is capped by: one worker already keeps more than one core busy (V8's compiler and
// collector threads), and two workers cannot spread the same CPU time over more than two
if (one.cpu !== null && two.cpu !== null) {
  line(
    "cores kept busy, 1 worker / 2 workers",
    `${fmt(one.cpu / one.seconds)} / ${fmt(two.cpu / two.seconds)}`,
  );
  line("CPU per account-day, simulate on 2 workers", ns(two.cpu));
}
