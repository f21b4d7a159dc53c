// The review policy alone: decisions per second of credit-sim's periodic review of a Huabei line
// (`periodicReview`, src/engine/review/periodic.ts) against the same policy's decision rules written for
// json-rules-engine (a devDependency of the benches and tests only), on the same review cases (100,000 by default),
// with the ratio (target ≥ 100 ×) and the share of decisions on which the two agree (must be 100 %).
// Prints figures; asserts nothing on time.
//
// The cases (setup, not timed; about half a minute and 800 MB) are states the engine itself reviewed: the
// shipped personas in equal numbers (not their shares, to meet the rarer branches more often) run as a
// population runs them — the agent's plan and reactions, the engine's `runDay` — for two years with the
// stress shock on day 365, and with engine inputs added to some accounts: a `policy` event switching to
// `tightened` (a quarter: policy suspensions), a burst of three bound-detail changes (15 %: security
// holds), debt elsewhere of two to four years' income (15 %, most of it repaid months later) and an
// income cut below what the smallest line needs (5 %, half of it back months later). On a review day the
// state is copied with `fork` (the engine's own deep copy; structuredClone would lose the calendar's class
// and copy every policy) and the copy takes the day with its review left out: that customer, its Huabei
// line, the day and the score are a case. Every review of a suspended line is kept, one in ACTIVE_SAMPLE
// of an active line (nearly all of those decide nothing), until there are CASES. Setup exits 1 if any
// case decides otherwise than the engine did on that review (the copy also took the day's charges, which
// the review does not read: the check holds it). The decisions, by the line's status, are printed.
//
// json-rules-engine gets the decision type only (`periodicReview` also builds the reason codes and
// facts), one rule set per policy, and precomputed facts, as bench/review-mirror.mjs writes them (where
// test/engine/review-mirror.test.ts holds them to the engine's decisions); its facts are computed before
// the clock starts. It runs one pass after a warm-up (it is far slower), ours the best of 5 passes (the
// first warms the JIT).
// Usage: node bench/review.bench.mjs [CASES]
import { fileURLToPath } from "node:url";
import seedrandom from "seedrandom";
import { cleanSince } from "../dist/engine/applications.js";
import { customerOverdue, isOpen, suspendedFor } from "../dist/engine/customer.js";
import { capFor, managedCap, standingCap } from "../dist/engine/eligibility.js";
import { applicationFile } from "../dist/engine/grant.js";
import {
  decisionNote,
  FEN_PER_YUAN,
  fork,
  initialState,
  nextEngineDay,
  runDay,
} from "../dist/engine/index.js";
import {
  cleanPeriodFrom,
  heldByPolicy,
  periodicReview,
  restoredOnceUsed,
  trimmedFile,
} from "../dist/engine/review.js";
import { debtToIncome, scoreOn } from "../dist/engine/score-inputs.js";
import { bandLowered } from "../dist/engine/standard.js";
import { Agent, loadPersonas, loadPolicy, makePlan, populationContext, reactionsOf } from "../dist/index.js";
import { repaymentSchedule } from "../dist/population/agent.js";
import { Stream } from "../dist/population/random.js";
import { statementCycles } from "../dist/population/settings.js";
import { reviewMirror } from "./review-mirror.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CASES = Number(process.argv[2] ?? 100_000);
const DAYS = 730;
const ACTIVE_SAMPLE = 5;
const policy = loadPolicy("default", ROOT);
const tightened = loadPolicy("tightened", ROOT);
const personas = loadPersonas([], ROOT);
const settings = {
  seed: 1,
  days: DAYS,
  start: "2024-01-01",
  policy,
  arms: [],
  from: 0,
  compare: [],
  bad: "ever90",
  scoreDay: 0,
  stress: { day: 365 },
};
const ctx = populationContext(settings);
const reactions = personas.map(reactionsOf);
const rng = seedrandom.alea("review-bench");
const between = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));

/** The inputs added to one account, by day. */
function added(monthlyIncome) {
  const out = [];
  const add = (day, e) => out.push({ index: 0, day, ...e });
  if (rng() < 0.25) {
    // a policy event on a review day would move the review back onto that day, in the fork too
    let day = between(120, 480);
    if (ctx.calendar.civil(day).day === policy.reviewDayOfMonth) day++;
    add(day, { type: "policy", use: tightened, set: {} });
  }
  if (rng() < 0.15) {
    const day = between(60, 600);
    for (const field of ["phone", "device", "bankcard"]) add(day, { type: "change_profile", field });
  }
  if (rng() < 0.15) {
    const day = between(60, 500);
    const amount = Math.round((monthlyIncome * 12 * between(20, 40)) / 10) * FEN_PER_YUAN;
    add(day, { type: "external_debt", amount });
    if (rng() < 0.6) add(day + between(60, 200), { type: "external_repayment", amount });
  }
  if (rng() < 0.05) {
    // an income too small for the smallest line (no personas earn so little): suspended for no line
    const day = between(60, 600);
    add(day, { type: "income", monthlyIncome: between(0, 240) });
    if (rng() < 0.5) add(day + between(60, 200), { type: "income", monthlyIncome });
  }
  return out.sort((a, b) => a.day - b.day);
}

/** Runs accounts until `n` review cases are kept: { c, line, day, s, engine } each. */
function reviewCases(n) {
  const out = [];
  const stream = new Stream();
  let accounts = 0;
  for (let index = 0; out.length < n; index++, accounts++) {
    const k = index % personas.length;
    const plan = makePlan(ctx, personas[k], index, stream);
    const s = initialState(settings.start, plan.profile, policy, { notices: false });
    const agent = new Agent(plan, ctx, reactions[k], repaymentSchedule(plan, statementCycles(ctx, policy)));
    const extra = added(plan.profile.monthlyIncome);
    let next = 0;
    let decided = null;
    const onStep = (o) => {
      const note = decisionNote(s.customer, o);
      if (note) agent.observe(note);
      if (o.event.type === "review" && o.line === "huabei" && !o.event.requested) decided = o.verdict;
    };
    for (let d = 0; d <= ctx.until; ) {
      let events = agent.step(d, s);
      if (next < extra.length && extra[next].day === d) {
        events = [...events];
        while (next < extra.length && extra[next].day === d) events.push(extra[next++]);
      }
      let kept = null;
      const status = s.customer.huabei.status;
      if (
        d === s.nextReview &&
        (status === "suspended" || (status === "active" && rng() * ACTIVE_SAMPLE < 1))
      ) {
        const pre = fork(s);
        // off its day the review is skipped: the copy is the state the review is about to read
        pre.nextReview = -1;
        runDay(pre, d, events, () => {});
        const c = pre.customer;
        if (isOpen(c.huabei)) kept = { c, line: c.huabei, day: d, s: scoreOn(c, d), engine: null };
      }
      decided = null;
      runDay(s, d, events, onStep);
      if (kept !== null && out.length < n) {
        // an open line whose review decided nothing and was not shown: decision null
        kept.engine = decided?.decision ?? null;
        out.push(kept);
      }
      if (d >= ctx.until) break;
      d = Math.min(nextEngineDay(s, ctx.until), agent.nextDay(d, ctx.until));
      if (next < extra.length) d = Math.min(d, extra[next].day);
    }
  }
  return { cases: out, accounts };
}

const { factsOf, rules: rulesEngine } = reviewMirror({
  FEN_PER_YUAN,
  applicationFile,
  bandLowered,
  capFor,
  cleanSince,
  customerOverdue,
  debtToIncome,
  heldByPolicy,
  cleanPeriodFrom,
  managedCap,
  restoredOnceUsed,
  standingCap,
  suspendedFor,
  trimmedFile,
});

const fmt = (n, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
const mix = (counts) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(", ");

const t0 = performance.now();
const { cases, accounts } = reviewCases(CASES);
const N = cases.length;
// the decisions on each kind of line, and the suspended lines by cause
const decisions = { active: {}, suspended: {} };
const sizes = { active: 0, suspended: 0 };
const causes = {};
let differ = 0;
for (const k of cases) {
  const d = periodicReview(k.c, k.line, k.day, k.s).decision ?? "none";
  if (d !== (k.engine ?? "none")) differ++;
  const { status, cause, heldOver } = k.line;
  decisions[status][d] = (decisions[status][d] ?? 0) + 1;
  sizes[status]++;
  if (status === "active") continue;
  const key = heldOver === null ? cause : `${cause} over ${heldOver.cause}`;
  causes[key] = (causes[key] ?? 0) + 1;
}
if (differ > 0) {
  console.error(`${differ} cases decide otherwise than the engine did on that review: the setup is wrong`);
  process.exit(1);
}
const facts = cases.map(factsOf);
const setupSeconds = (performance.now() - t0) / 1000;

// credit-sim: best of 5 passes (the first warms the JIT)
const ours = new Array(N);
let best = Number.POSITIVE_INFINITY;
for (let pass = 0; pass < 5; pass++) {
  const t = performance.now();
  for (let i = 0; i < N; i++) {
    const k = cases[i];
    ours[i] = periodicReview(k.c, k.line, k.day, k.s).decision;
  }
  best = Math.min(best, performance.now() - t);
}
const oursRate = N / (best / 1000);

// json-rules-engine: one pass over the same cases (it is far slower), after a short warm-up
const engines = new Map([policy, tightened].map((p) => [p.name, rulesEngine(p)]));
const engineOf = (i) => engines.get(cases[i].c.policy.name);
for (let i = 0; i < Math.min(2000, N); i++) await engineOf(i).run(facts[i]);
const theirs = new Array(N);
const t1 = performance.now();
for (let i = 0; i < N; i++) {
  const { events } = await engineOf(i).run(facts[i]);
  theirs[i] = events[0]?.type ?? null;
}
const jreMs = performance.now() - t1;
const jreRate = N / (jreMs / 1000);

let agree = 0;
for (let i = 0; i < N; i++) if (ours[i] === theirs[i]) agree++;

const line = (label, value, note = "") => console.log(`${label.padEnd(52)} ${value.padStart(22)}  ${note}`);
console.log(
  `periodic review of a Huabei line, ${fmt(N)} cases from ${fmt(accounts)} accounts × ${DAYS} days (setup ${fmt(setupSeconds, 1)} s)`,
);
console.log(`  on ${fmt(sizes.active)} active lines: ${mix(decisions.active)}`);
console.log(`  on ${fmt(sizes.suspended)} suspended lines (${mix(causes)}): ${mix(decisions.suspended)}`);
line("credit-sim review: decisions per second", fmt(oursRate), `(best of 5: ${fmt(best, 1)} ms)`);
line("json-rules-engine: decisions per second", fmt(jreRate), `(${fmt(jreMs, 0)} ms)`);
line("ratio", `${fmt(oursRate / jreRate, 1)} ×`, "(target ≥ 100 ×)");
line(
  "decisions that agree",
  `${fmt((agree / N) * 100, 2)} %`,
  agree === N ? "(target 100 %)" : `(!! ${fmt(N - agree)} differ: the two policies are not the same)`,
);
