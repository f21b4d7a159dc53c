// Wall time of `credit-sim run scenarios/zhang-ming.yaml` divided by `node -e 0`, measured in the same
// run, alternating the two so machine noise hits both alike (target ≤ 2.5 ×: a command loads only what
// it needs). Prints figures; asserts nothing. Usage: node bench/run-startup.bench.mjs [RUNS]
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Number(process.argv[2] ?? 15);

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed:\n${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const node = [];
const run = [];
time(["bin/credit-sim", "run", "scenarios/zhang-ming.yaml"]); // warm the file cache
for (let i = 0; i < RUNS; i++) {
  node.push(time(["-e", "0"]));
  run.push(time(["bin/credit-sim", "run", "scenarios/zhang-ming.yaml"]));
}
const line = (label, value, note = "") => console.log(`${label.padEnd(52)} ${value.padStart(22)}  ${note}`);
line("node -e 0 (median)", `${median(node).toFixed(1)} ms`, `(${RUNS} runs)`);
line("credit-sim run scenarios/zhang-ming.yaml (median)", `${median(run).toFixed(1)} ms`);
line("ratio", `${(median(run) / median(node)).toFixed(2)} ×`, "(target ≤ 2.5 ×)");
