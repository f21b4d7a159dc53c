// The calibration at a size where a month end's rate is steady (docs/populations.md, "Calibration"):
// the shipped personas under the default policy, BENCH_CAL_ACCOUNTS (50,000) × 730 days, seed
// BENCH_CAL_SEED (1), and the same accounts under `--stress 365`. Prints the 30+ and 90+ balance rates
// at the last month end and over the last 12, the suspension, closure and charge-off rates per
// account-year, and the stressed 30+ by month end; exits 1 when a year-end rate leaves Ant's disclosed
// range (30+ 1.08–1.56 %, 90+ 0.68–1.05 %), so `npm run bench` reports it. Runs through the built CLI.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../bin/credit-sim", import.meta.url));
const ACCOUNTS = Number(process.env.BENCH_CAL_ACCOUNTS ?? 50_000);
const SEED = Number(process.env.BENCH_CAL_SEED ?? 1);
const DAYS = 730;
const RANGES = { dpd30Rate: [0.0108, 0.0156], dpd90Rate: [0.0068, 0.0105] };

function portfolio(extra) {
  const args = ["simulate", "--accounts", String(ACCOUNTS), "--days", String(DAYS), "--seed", String(SEED)];
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args, ...extra, "--json", "--no-progress"], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`credit-sim exited ${r.status}: ${r.stderr}`);
  const seconds = (performance.now() - t) / 1000;
  return { p: JSON.parse(r.stdout).summary.groups.at(-1).champion.portfolio, seconds };
}

const pct = (x) => `${(x * 100).toFixed(2)} %`;
const { p, seconds } = portfolio([]);
console.log(`${ACCOUNTS} accounts × ${DAYS} days, seed ${SEED}, default policy (${seconds.toFixed(1)} s)`);
let out = 0;
for (const [k, [lo, hi]] of Object.entries(RANGES)) {
  const ok = p[k] >= lo && p[k] <= hi;
  if (!ok) out++;
  console.log(
    `  ${k === "dpd30Rate" ? "30+" : "90+"} at day ${p.day}: ${pct(p[k])}   last 12 month ends: ${pct(p.trailing12[k])}   Ant 2017–2019: ${pct(lo)}–${pct(hi)}${ok ? "" : "   OUT OF RANGE"}`,
  );
}
console.log(
  `  per account-year open: suspended ${pct(p.suspensionsPerYear)}, closed by the lender ${pct(p.closuresPerYear)}, charged off ${pct(p.chargeOffsPerYear)}; net loss ${pct(p.lossRate)} of the average book a year`,
);
const s = portfolio(["--stress", "365"]).p;
console.log(
  `  --stress 365, 30+ by month end: ${s.monthEnd.map((m) => (m.dpd30Rate * 100).toFixed(2)).join(" ")}`,
);
console.log(
  `  unstressed,   30+ by month end: ${p.monthEnd.map((m) => (m.dpd30Rate * 100).toFixed(2)).join(" ")}`,
);
process.exitCode = out > 0 ? 1 : 0;
