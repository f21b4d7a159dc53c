// The fit of the score's odds scale (ODDS_SCALING in src/engine/scorecard.ts; docs/model/score.md): the
// shipped personas under the default policy, `simulate --accounts 5000 --days 730 --score-day 365`, seeds
// 1, 2 and 3 (FIT_SEEDS, FIT_ACCOUNTS), through the built CLI (`npm run build` first). Each account booked
// and not yet bad on day 365 counts once, at its score of that day, against bad (more than 90 days past
// due, or charged off) by day 729 (`aggregates.champion[].scoreGood` and `scoreBad`). A maximum-likelihood
// fit of the log-odds good:bad, linear in the score (a logistic regression on one variable, by Newton's
// method), per seed and over the seeds together: the score at 50:1 and the points to double the odds.
// Then the table docs/model/score.md prints: bad within the year by band, per seed, against the shipped
// scale's chance averaged over the band's accounts of the first seed. Prints; changes nothing. Persona
// names or files given are simulated instead of the shipped mix (a fit on personas before a change).
//
//   npm run build && node scripts/fit-odds.mjs
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../bin/credit-sim", import.meta.url));
const SEEDS = (process.env.FIT_SEEDS ?? "1,2,3").split(",").map(Number);
const ACCOUNTS = Number(process.env.FIT_ACCOUNTS ?? 5000);
const PERSONAS = process.argv.slice(2);
const { ODDS_SCALING, probabilityOfDefault, SCORE_MIN } = await import(
  new URL("../dist/engine/scorecard.js", import.meta.url).href
);

/** [score, good, bad] for every score some account had, over the persona groups. */
function histogram(seed) {
  const args = ["simulate", "--accounts", String(ACCOUNTS), "--days", "730", "--score-day", "365"];
  const r = spawnSync(
    process.execPath,
    [BIN, ...args, "--seed", String(seed), "--json", "--no-progress", ...PERSONAS],
    {
      encoding: "utf8",
      maxBuffer: 1 << 30,
    },
  );
  if (r.status !== 0) throw new Error(`credit-sim exited ${r.status}: ${r.stderr}`);
  const rows = new Map();
  for (const g of JSON.parse(r.stdout).aggregates.champion)
    for (const [h, k] of [
      [g.scoreGood, 1],
      [g.scoreBad, 2],
    ])
      h.counts.forEach((n, i) => {
        if (n === 0) return;
        const score = SCORE_MIN + h.from + i; // a bin per score from SCORE_MIN; `from` the first one used
        const row = rows.get(score) ?? [score, 0, 0];
        row[k] += n;
        rows.set(score, row);
      });
  return [...rows.values()].sort((a, b) => a[0] - b[0]);
}

/** ln(good:bad odds) = a + b (score − 800): maximum likelihood by Newton's method. */
function fitLogOdds(rows) {
  let [a, b] = [Math.log(20), Math.LN2 / 40];
  for (let step = 0; step < 50; step++) {
    let [ga, gb, haa, hab, hbb] = [0, 0, 0, 0, 0];
    for (const [s, good, bad] of rows) {
      const x = (s - 800) / 100;
      const p = 1 / (1 + Math.exp(-(a + b * 100 * x))); // the chance of good
      const n = good + bad;
      ga += good - n * p;
      gb += (good - n * p) * x;
      const w = n * p * (1 - p);
      haa += w;
      hab += w * x;
      hbb += w * x * x;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db / 100;
    if (Math.abs(da) < 1e-12 && Math.abs(db) < 1e-12) break;
  }
  return { at50: 800 + (Math.log(50) - a) / b, toDouble: Math.LN2 / b };
}

const BANDS = [
  [350, 599, "below 600"],
  [600, 649, "600–649"],
  [650, 699, "650–699"],
  [700, 749, "700–749"],
  [750, 799, "750–799"],
  [800, 849, "800–849"],
  [850, 899, "850–899"],
  [900, 950, "900–950"],
];
const pct = (x) => `${(x * 100).toPrecision(2)} %`;
const all = [];
const perSeed = [];
for (const seed of SEEDS) {
  const rows = histogram(seed);
  perSeed.push(rows);
  all.push(...rows);
  const f = fitLogOdds(rows);
  const [n, bad] = rows.reduce(([n, b], r) => [n + r[1] + r[2], b + r[2]], [0, 0]);
  const expected = rows.reduce((t, [s, g, b]) => t + (g + b) * probabilityOfDefault(s), 0);
  console.log(
    `seed ${seed}: ${n} accounts scored, ${bad} bad; 50:1 at ${f.at50.toFixed(1)}, ${f.toDouble.toFixed(1)} points to double; the shipped scale expects ${expected.toFixed(0)}`,
  );
}
const f = fitLogOdds(all);
console.log(
  `seeds ${SEEDS.join(", ")} together: 50:1 at ${f.at50.toFixed(1)}, ${f.toDouble.toFixed(1)} points to double (shipped: 50:1 at ${ODDS_SCALING.score}, ${ODDS_SCALING.pointsToDouble})`,
);
console.log(
  "\nscore on day 365 | accounts (first seed) | bad within the year, per seed | the shipped scale's chance",
);
for (const [lo, hi, name] of BANDS) {
  const inBand = (rows) => rows.filter(([s]) => s >= lo && s <= hi);
  const first = inBand(perSeed[0]);
  const count = first.reduce((t, r) => t + r[1] + r[2], 0);
  const rates = perSeed.map((rows) => {
    const [n, b] = inBand(rows).reduce(([n, b], r) => [n + r[1] + r[2], b + r[2]], [0, 0]);
    return n === 0 ? "–" : pct(b / n);
  });
  const chance = first.reduce((t, [s, g, b]) => t + (g + b) * probabilityOfDefault(s), 0) / count;
  console.log(`${name} | ${count} | ${rates.join(" / ")} | ${count === 0 ? "–" : pct(chance)}`);
}
