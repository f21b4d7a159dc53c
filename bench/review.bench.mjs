// The review policy alone: decisions per second of credit-sim's periodic review of a Huabei line
// (`periodicReview`, src/engine/review.ts) against the same policy's decision rules written for
// json-rules-engine (a devDependency of this bench only), on the same review cases (100,000 by default),
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
// facts), one rule set per policy, and precomputed facts: the debt-to-income ratio, days since the last
// cure, days suspended, the three limit caps (the score's band with income and thin-file caps, the caps
// that hold whatever the score, line management's cap) and, for a suspended line, whether the policy
// before a change would restore it today — the one a policy suspension met (if not, the review records the
// suspension for credit), the one a credit suspension was under (if so, the review records it for the
// change) — which favours it. Its rules are tried in
// priority order and it stops at the first that fires; it runs one pass after a warm-up (it is far
// slower), ours the best of 5 passes (the first warms the JIT).
// Usage: node bench/review.bench.mjs [CASES]
import { fileURLToPath } from "node:url";
import { Engine } from "json-rules-engine";
import seedrandom from "seedrandom";
import { customerOverdue, isOpen, lastCured, suspendedFor } from "../dist/engine/customer.js";
import { capFor, managedCap, standingCap } from "../dist/engine/eligibility.js";
import {
  decisionNote,
  FEN_PER_YUAN,
  fork,
  initialState,
  nextEngineDay,
  runDay,
} from "../dist/engine/index.js";
import { heldByPolicy, periodicReview } from "../dist/engine/review.js";
import { debtToIncome, scoreOn } from "../dist/engine/score-inputs.js";
import { Agent, loadPersonas, loadPolicy, makePlan, populationContext, reactionsOf } from "../dist/index.js";
import { repaymentSchedule } from "../dist/population/agent.js";
import { Stream } from "../dist/population/random.js";
import { statementCycles } from "../dist/population/settings.js";

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

/** What json-rules-engine is handed for a case (the derived numbers precomputed). */
function factsOf({ c, line, day, s }) {
  return {
    status: line.status,
    cause: line.cause ?? "none",
    heldOver: line.heldOver !== null,
    suspendedDays: line.statusDay === null ? 0 : day - line.statusDay,
    score: s.score,
    overdue: customerOverdue(c),
    daysSinceCured: day - lastCured(c),
    dti: debtToIncome(c),
    verified: c.profile.verified,
    otherWrittenOff: c.jiebei.status === "charged_off",
    limit: line.limit,
    // −1: the score is below every band
    cap: capFor(c, "huabei", s)?.limit ?? -1,
    standingCap: standingCap(c, "huabei")?.limit ?? -1,
    managedCap: managedCap(c, "huabei", s)?.limit ?? -1,
    ...policyHold(c, line, day, s),
  };
}

/** A line suspended for policy or credit (beneath a hold too): whether a policy change is what holds it —
 *  what keeps it suspended is the change's alone (the engine's heldByPolicy: the rule is the engine's own,
 *  the decision built on it is what the rules engine must agree with). */
function policyHold(c, line, day, s) {
  const cause = suspendedFor(line);
  const holds = cause !== null && heldByPolicy(c, line, day, s, cause);
  return {
    suspendedForPolicy: cause === "policy",
    suspendedForCredit: cause === "credit",
    policyHolds: holds,
  };
}

/** The periodic review of a Huabei line under policy `p`, decision type only, as json-rules-engine rules. */
function rulesEngine(p) {
  const engine = new Engine([], { allowUndefinedFacts: false });
  engine.on("success", () => engine.stop());
  // a cap below the smallest line (or none) leaves no line to keep
  const smallest = Math.max(p.minLimit * FEN_PER_YUAN, 1);
  const noLine = { fact: "cap", operator: "lessThan", value: smallest };
  const unverified = p.requireVerified ? [{ fact: "verified", operator: "equal", value: false }] : [];
  const dtiTooHigh = { fact: "dti", operator: "greaterThan", value: p.maxDebtToIncome };
  const failsStandard = {
    any: [
      { fact: "score", operator: "lessThan", value: p.minScore },
      {
        all: [
          { fact: "overdue", operator: "greaterThan", value: 0 },
          { fact: "score", operator: "lessThan", value: p.delinquentMinScore },
        ],
      },
      ...unverified,
      dtiTooHigh,
      noLine,
    ],
  };
  const suspended = { fact: "status", operator: "equal", value: "suspended" };
  const long = { fact: "suspendedDays", operator: "greaterThanInclusive", value: p.closeAfterSuspendedDays };
  const cutTo = (cap) => [
    { fact: cap, operator: "greaterThanInclusive", value: smallest },
    { fact: cap, operator: "lessThan", value: { fact: "limit" } },
  ];
  engine.addRule({
    name: "suspend",
    priority: 60,
    conditions: { all: [{ fact: "status", operator: "equal", value: "active" }, failsStandard] },
    event: { type: "suspended" },
  });
  engine.addRule({
    name: "suspend beneath a security hold",
    priority: 50,
    conditions: {
      all: [
        suspended,
        { fact: "cause", operator: "equal", value: "security" },
        { fact: "heldOver", operator: "equal", value: false },
        { not: long },
        failsStandard,
      ],
    },
    event: { type: "suspended" },
  });
  // what stands in the way of a restoration (a security hold apart)
  const inTheWay = [
    { fact: "otherWrittenOff", operator: "equal", value: true },
    { fact: "overdue", operator: "greaterThan", value: 0 },
    { fact: "daysSinceCured", operator: "lessThan", value: p.restoreCleanDays },
    { fact: "score", operator: "lessThan", value: Math.max(p.minScore, p.restoreScore) },
    ...unverified,
    dtiTooHigh,
    noLine,
  ];
  engine.addRule({
    name: "restore",
    priority: 40,
    conditions: {
      all: [
        suspended,
        { not: { any: [{ fact: "cause", operator: "equal", value: "security" }, ...inTheWay] } },
      ],
    },
    event: { type: "restored" },
  });
  engine.addRule({
    name: "close",
    priority: 30,
    conditions: { all: [suspended, long] },
    event: { type: "closed" },
  });
  engine.addRule({
    name: "record for credit a policy suspension the policy no longer holds",
    priority: 25,
    conditions: {
      // with something still in its way: beneath a security hold, one ready to end is left as it is
      all: [
        suspended,
        { fact: "suspendedForPolicy", operator: "equal", value: true },
        { fact: "policyHolds", operator: "equal", value: false },
        { any: inTheWay },
      ],
    },
    event: { type: "suspended" },
  });
  engine.addRule({
    name: "record for policy a credit suspension only a policy change made since holds",
    priority: 25,
    conditions: {
      all: [
        suspended,
        { fact: "suspendedForCredit", operator: "equal", value: true },
        { fact: "policyHolds", operator: "equal", value: true },
      ],
    },
    event: { type: "suspended" },
  });
  engine.addRule({
    name: "cut the limit",
    priority: 20,
    conditions: {
      any: [
        {
          all: [
            { fact: "score", operator: "greaterThanInclusive", value: p.reduceLimitScore },
            ...cutTo("standingCap"),
          ],
        },
        { all: [{ fact: "score", operator: "lessThan", value: p.reduceLimitScore }, ...cutTo("managedCap")] },
      ],
    },
    event: { type: "limit_reduced" },
  });
  return engine;
}

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
