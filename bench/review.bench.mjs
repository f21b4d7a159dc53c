// The review policy alone: decisions per second of credit-sim's periodic review (src/engine/review.ts)
// against the same policy written for json-rules-engine (a devDependency of this bench only), on the
// same 100,000 accounts, with the ratio (target ≥ 100 ×). The two must agree on every decision: the
// bench prints the agreement. json-rules-engine is handed the derived facts (debt-to-income, supported
// limit, days since the last cure) precomputed, which favours it. Prints figures; asserts nothing.
// Usage: node bench/review.bench.mjs [FACTS]
import { fileURLToPath } from "node:url";
import { Engine } from "json-rules-engine";
import seedrandom from "seedrandom";
import { debtToIncome, newAccount, supportedLimit } from "../dist/engine/account.js";
import { newLedger } from "../dist/engine/ledger.js";
import { periodicReview } from "../dist/engine/review.js";
import { CHARACTERISTICS } from "../dist/engine/scorecard.js";
import { loadPolicy } from "../dist/scenario/load-policy.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FACTS = Number(process.argv[2] ?? 100_000);
const DAY = 400;
const policy = loadPolicy("default", ROOT);
const rng = seedrandom.alea("review-bench");
const pick = (xs) => xs[Math.floor(rng() * xs.length)];

/** One account's facts, and the engine's Account built from them (setup, not timed). */
function makeCase() {
  const status = rng() < 0.7 ? "active" : "suspended";
  const cause = status === "suspended" ? pick(["credit", "credit", "security", "policy"]) : null;
  const score = 480 + Math.floor(rng() * 400);
  const monthlyIncome = pick([3000, 5000, 8000, 12000, 20000]);
  const externalDebt = Math.floor(rng() * rng() * 200_000) * 100;
  const limit = pick([2000, 3000, 5000, 8000, 12000]) * 100;
  const balance = Math.floor(rng() * limit);
  const overdue = rng() < 0.15 && balance > 0;
  const overdueDays = overdue ? 4 + Math.floor(rng() * 60) : 0;
  const cured = !overdue && rng() < 0.3 ? 1 + Math.floor(rng() * 200) : null;
  const suspendedDays = status === "suspended" ? Math.floor(rng() * 240) : 0;

  const a = newAccount(
    { age: 30, monthlyIncome, verified: true, creditHistoryMonths: 24, externalDebt },
    policy,
  );
  a.status = status;
  a.cause = cause;
  a.limit = limit;
  a.openedDay = 0;
  a.suspendedDay = status === "suspended" ? DAY - suspendedDays : null;
  const l = newLedger(DAY);
  if (overdue) {
    const dueDay = DAY - overdueDays;
    l.bills.push({
      statementDay: dueDay - 9,
      dueDay,
      overdueFrom: dueDay + 4,
      principal: balance,
      minimum: Math.ceil(balance / 10),
      principalPaid: 0,
      charges: 0,
      chargesPaid: 0,
      settledByDue: false,
      overdue: true,
      settledDay: null,
    });
    l.delinquencies.push({ dueDay, curedDay: null });
  } else {
    l.unbilled = balance;
    if (cured !== null) l.delinquencies.push({ dueDay: DAY - cured - 20, curedDay: DAY - cured });
  }
  a.ledger = l;
  const points = CHARACTERISTICS.map((c) => Math.floor(rng() * (c.max + 1)));
  const scored = { score, points };
  const facts = {
    status,
    cause: cause ?? "none",
    score,
    limit,
    overdueAmount: overdue ? balance : 0,
    overdueDays,
    daysSinceCured: overdue ? 0 : cured === null ? 100_000 : cured,
    suspendedDays,
    dti: debtToIncome(a) ?? 0,
    supportedLimit: supportedLimit(score, monthlyIncome, policy),
  };
  return { account: a, scored, facts };
}

/** The periodic review as json-rules-engine rules (default policy, no earlier policy). */
function rulesEngine() {
  const p = policy;
  const engine = new Engine([], { allowUndefinedFacts: false });
  const restorable = [
    { fact: "cause", operator: "notEqual", value: "security" },
    { fact: "overdueAmount", operator: "equal", value: 0 },
    { fact: "daysSinceCured", operator: "greaterThanInclusive", value: p.restoreCleanDays },
    { fact: "score", operator: "greaterThanInclusive", value: p.restoreScore },
    { fact: "dti", operator: "lessThanInclusive", value: p.maxDebtToIncome },
  ];
  engine.addRule({
    name: "suspend",
    priority: 10,
    conditions: {
      all: [
        { fact: "status", operator: "equal", value: "active" },
        {
          any: [
            { fact: "score", operator: "lessThan", value: p.minScore },
            { fact: "dti", operator: "greaterThan", value: p.maxDebtToIncome },
          ],
        },
      ],
    },
    event: { type: "suspended", params: { cause: "credit" } },
  });
  engine.addRule({
    name: "reduce",
    priority: 5,
    conditions: {
      all: [
        { fact: "status", operator: "equal", value: "active" },
        { fact: "score", operator: "greaterThanInclusive", value: p.minScore },
        { fact: "dti", operator: "lessThanInclusive", value: p.maxDebtToIncome },
        { fact: "score", operator: "lessThan", value: p.reduceLimitScore },
        { fact: "supportedLimit", operator: "lessThan", value: { fact: "limit" } },
      ],
    },
    event: { type: "limit_reduced" },
  });
  engine.addRule({
    name: "restore",
    priority: 10,
    conditions: { all: [{ fact: "status", operator: "equal", value: "suspended" }, ...restorable] },
    event: { type: "restored" },
  });
  engine.addRule({
    name: "close",
    priority: 5,
    conditions: {
      all: [
        { fact: "status", operator: "equal", value: "suspended" },
        { fact: "suspendedDays", operator: "greaterThanInclusive", value: p.closeAfterSuspendedDays },
        {
          any: [
            { fact: "cause", operator: "equal", value: "security" },
            { fact: "overdueAmount", operator: "greaterThan", value: 0 },
            { fact: "daysSinceCured", operator: "lessThan", value: p.restoreCleanDays },
            { fact: "score", operator: "lessThan", value: p.restoreScore },
            { fact: "dti", operator: "greaterThan", value: p.maxDebtToIncome },
          ],
        },
      ],
    },
    event: { type: "closed" },
  });
  return engine;
}

const cases = Array.from({ length: FACTS }, makeCase);
const fmt = (n, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

// credit-sim: best of 5 passes (the first warms the JIT)
const ours = new Array(FACTS);
let best = Number.POSITIVE_INFINITY;
for (let pass = 0; pass < 5; pass++) {
  const t0 = performance.now();
  for (let i = 0; i < FACTS; i++) {
    const c = cases[i];
    ours[i] = periodicReview(c.account, DAY, c.scored).decision;
  }
  best = Math.min(best, performance.now() - t0);
}
const oursRate = FACTS / (best / 1000);

// json-rules-engine: one pass over the same accounts (it is far slower), after a short warm-up
const engine = rulesEngine();
for (let i = 0; i < 2000; i++) await engine.run(cases[i].facts);
const theirs = new Array(FACTS);
const t1 = performance.now();
for (let i = 0; i < FACTS; i++) {
  const { events } = await engine.run(cases[i].facts);
  theirs[i] = events[0]?.type ?? null;
}
const jreMs = performance.now() - t1;
const jreRate = FACTS / (jreMs / 1000);

let agree = 0;
for (let i = 0; i < FACTS; i++) if (ours[i] === theirs[i]) agree++;
const counts = {};
for (const d of ours) counts[d ?? "none"] = (counts[d ?? "none"] ?? 0) + 1;

const line = (label, value, note = "") => console.log(`${label.padEnd(52)} ${value.padStart(22)}  ${note}`);
console.log(
  `periodic review, policy default, ${fmt(FACTS)} accounts (${Object.entries(counts)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(", ")})`,
);
line("credit-sim review: decisions per second", fmt(oursRate), `(best of 5: ${fmt(best, 1)} ms)`);
line("json-rules-engine: decisions per second", fmt(jreRate), `(${fmt(jreMs, 0)} ms)`);
line("ratio", `${fmt(oursRate / jreRate, 1)} ×`, "(target ≥ 100 ×)");
line(
  "decisions that agree",
  `${fmt((agree / FACTS) * 100, 2)} %`,
  agree === FACTS ? "" : "(!! the two policies differ)",
);
