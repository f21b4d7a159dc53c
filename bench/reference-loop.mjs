// The plain-JavaScript reference for bench/strategy-lab.bench.mjs: what a hand-written simulator of
// credit-sim's Huabei model does per account-day, with none of the engine's generality (no events, no
// verdicts or reasons, no lanes, no traces, no policies as data, no agents with reactions, no score
// explanations). It is the floor the engine's per account-day cost is held against, not a second model:
// its numbers are not the engine's and are not compared with them (the checksum only keeps V8 from
// dropping the work).
//
// Per account: a seeded PRNG (seedrandom's Alea, seeded by (seed, persona, index): one generator per
// account, made once) and the persona's parameters read from personas/*.yaml (purchases per month and
// their log-normal amount, the repayment habit shares and days, the open day and amount) and the default
// policy's mechanics from policies/default.yaml. Per account-day, in this order:
//  1. one uniform draw;
//  2. the open application on the persona's open day (approved at the asked amount, capped);
//  3. a purchase with probability perMonth / 30 (its amount: two more draws, Box–Muller, log-normal,
//     clamped), authorised when the line is active, nothing is past due and the limit allows it;
//  4. every open bill accrues its day's charge in integer fen with a fractional carry — interest at the
//     revolving rate on a revolved bill, the penalty rate on one in arrears;
//  5. on the statement day of the month: the cycle's purchases close into a bill (its minimum, its due
//     day from the calendar) and one draw picks the statement's repayment habit (full, statement,
//     minimum, late, none) and its day;
//  6. on the habit's day: the repayment, oldest bill first;
//  7. on each bill's due day + grace days: the bill settles, revolves, or falls into arrears (a missed due
//     date, counted; the oldest unpaid due day starts the days past due);
//  8. days past due: 30 suspends the line, 180 charges it off (the owed balance written off);
//  9. on a month end: a score from five characteristics (days past due now, missed dues in 12 months,
//     utilisation, purchases in the last 90 days, months on book) through small point tables, and the
//     monthly review: suspend below the minimum score, cut the limit to the score's band, restore a
//     clean suspended line, raise a clean high-scoring one; the score goes into a per-persona histogram.
// State lives in locals and typed arrays allocated once per run (bills in fixed slots per account, month
// counters in rings); totals are typed arrays per persona. Nothing is allocated per account-day.
//
// Why this is the fair floor: it does what any simulator of this model must do on every account-day — a
// draw, the purchase decision, per-bill charges in fen, the calendar checks and the monthly score and
// review — in the cheapest form JavaScript offers, and nothing else. The engine does more per day than
// this (it keeps both lines, Jiebei loans, the customer's reactions, every decision's reasons and facts,
// a month-end repayment grid, lanes for policy variants) but visits only the days on which something can
// change; the ratio measures what that generality costs per account-day.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

const require = createRequire(import.meta.url);
const alea = require("seedrandom/lib/alea.js");
const ROOT = fileURLToPath(new URL("..", import.meta.url));

const BILL_GRACE = 1; // billed, before its due day + grace
const BILL_REVOLVING = 2;
const BILL_ARREARS = 3;
const BILL_SETTLED = 4;
const HABIT_FULL = 1;
const HABIT_STATEMENT = 2;
const HABIT_MINIMUM = 3;
const HABIT_NONE = 0;
const ACTIVE = 1;
const SUSPENDED = 2;
const CHARGED_OFF = 3;

/** a persona's distribution as [kind, a, b, lo, hi]: 0 uniform(a, b), 1 log-normal(median a, sigma b) */
function dist(d) {
  if (typeof d === "number") return [0, d, d, d, d];
  if ("median" in d) return [1, d.median, d.sigma, d.min ?? 0, d.max ?? 1e12];
  return [0, d.min, d.max, d.min, d.max];
}

function loadModel() {
  const policy = yaml.load(readFileSync(`${ROOT}/policies/default.yaml`, "utf8"));
  const personas = readdirSync(`${ROOT}/personas`)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => yaml.load(readFileSync(`${ROOT}/personas/${f}`, "utf8")));
  return { policy, personas };
}

/** Runs `accounts` × `days` account-days; returns the wall seconds and a checksum of the totals. */
export function referenceLoop(accounts, days, seed = 1) {
  const { policy: p, personas } = loadModel();
  const n = personas.length;
  // persona parameters, flattened
  const share = new Float64Array(n);
  const buyP = new Float64Array(n);
  const amount = personas.map((x) => dist(x.spending.amount));
  const habitCum = new Float64Array(n * 4); // full, +statement, +minimum, +late
  const before = personas.map((x) => dist(x.repayment.daysBeforeDue ?? 0));
  const late = personas.map((x) => dist(x.repayment.late?.days ?? 0));
  const openDay = personas.map((x) => dist(x.open.day));
  const openAmount = personas.map((x) => dist(x.open.amount));
  let total = 0;
  personas.forEach((x, i) => {
    total += x.share;
    share[i] = total;
    buyP[i] = x.spending.perMonth / 30;
    const r = x.repayment;
    habitCum[i * 4] = r.full ?? 0;
    habitCum[i * 4 + 1] = habitCum[i * 4] + (r.statement ?? 0);
    habitCum[i * 4 + 2] = habitCum[i * 4 + 1] + (r.minimum ?? 0);
    habitCum[i * 4 + 3] = habitCum[i * 4 + 2] + (r.late?.p ?? 0);
  });
  for (let i = 0; i < n; i++) share[i] /= total;
  // the calendar, once: day of month, month ends, each statement's due day
  const start = Date.UTC(2024, 0, 1);
  const dom = new Uint8Array(days + 31);
  const monthEnd = new Uint8Array(days + 31);
  const dueAfter = new Int32Array(days + 31); // the next due day of month after a statement day
  for (let d = 0; d < days + 31; d++) {
    const t = new Date(start + d * 86_400_000);
    dom[d] = t.getUTCDate();
    monthEnd[d] = new Date(start + (d + 1) * 86_400_000).getUTCDate() === 1 ? 1 : 0;
  }
  for (let d = days + 30; d >= 0; d--)
    dueAfter[d] = dom[d] === p.dueDayOfMonth ? d : d + 1 < days + 31 ? dueAfter[d + 1] : d + 40;
  const grace = p.graceDays;
  const revolvingRate = p.revolvingRatePerDay;
  const penaltyRate = p.penaltyRatePerDay;
  const minRate = p.minRepaymentRate;
  const suspendDays = p.suspendOverdueDays;
  const chargeOffDays = p.chargeOffDays;
  const statementDay = p.statementDayOfMonth;
  const minScore = p.minScore;
  const reduceScore = p.reduceLimitScore;
  const increaseScore = p.minIncreaseScore;
  const restoreScore = p.restoreScore;
  const bandScore = Int32Array.from(p.limitBands, (b) => b.minScore);
  const bandLimit = Float64Array.from(p.limitBands, (b) => b.maxLimit * 100);
  // at most one statement a month: bills are kept in order of their statements, one slot each
  const MAX_BILLS = Math.ceil(days / 28) + 2;

  // one account's bills, reused
  const bState = new Uint8Array(MAX_BILLS);
  const bOwed = new Float64Array(MAX_BILLS); // principal + charges unpaid (fen)
  const bMin = new Float64Array(MAX_BILLS);
  const bPaid = new Float64Array(MAX_BILLS);
  const bDue = new Int32Array(MAX_BILLS);
  const bCarry = new Float64Array(MAX_BILLS);
  const purchasesByMonth = new Uint16Array(3); // ring: the last three months
  const missedByMonth = new Uint8Array(12); // ring: the last twelve months
  // totals per persona
  const tAccounts = new Float64Array(n);
  const tInterest = new Float64Array(n);
  const tPenalty = new Float64Array(n);
  const tWrittenOff = new Float64Array(n);
  const tBad = new Float64Array(n);
  const tBalance = new Float64Array(n);
  const tSuspended = new Float64Array(n);
  const scoreHist = new Float64Array(n * 100); // 10-point bins, 0..999

  const draw = (rng, d) => {
    let x;
    if (d[0] === 1) {
      const u = 1 - rng();
      const v = rng();
      x = d[1] * Math.exp(d[2] * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    } else x = d[1] + (d[2] - d[1]) * rng();
    return Math.max(d[3], Math.min(d[4], x));
  };

  const t0 = process.hrtime.bigint();
  for (let a = 0; a < accounts; a++) {
    const rng = alea(`${seed}:${a}`);
    const pick = rng();
    let k = 0;
    while (k < n - 1 && pick >= share[k]) k++;
    tAccounts[k]++;
    const pBuy = buyP[k];
    const amt = amount[k];
    const h0 = habitCum[k * 4];
    const h1 = habitCum[k * 4 + 1];
    const h2 = habitCum[k * 4 + 2];
    const h3 = habitCum[k * 4 + 3];
    const opens = Math.round(draw(rng, openDay[k]));
    const asked = Math.round(draw(rng, openAmount[k])) * 100;
    let count = 0; // bills made so far
    let live = 0; // bills before this one are settled
    let graceNext = 0; // the oldest bill still within its grace (due days come in order)
    purchasesByMonth.fill(0);
    missedByMonth.fill(0);
    let month = 0;
    let status = 0;
    let limit = 0;
    let cycle = 0; // purchases not billed yet (fen)
    let owedAll = 0; // everything owed on the line (fen)
    let oldestMissed = -1; // the due day the days past due count from (−1: nothing past due)
    let habit = HABIT_NONE;
    let repayDay = -1;
    let monthsOnBook = 0;
    let bad = 0;
    for (let d = 0; d < days; d++) {
      const u = rng();
      if (status === 0 && d === opens) {
        status = ACTIVE;
        limit = Math.min(asked, 300_000);
      }
      // a purchase
      if (u < pBuy && status === ACTIVE && oldestMissed < 0) {
        const x = Math.max(100, Math.round(draw(rng, amt) * 100));
        if (x <= limit - owedAll) {
          cycle += x;
          owedAll += x;
          purchasesByMonth[month % 3]++;
        }
      }
      // the day's charges on each open bill, in fen with a carry
      for (let b = live; b < count; b++) {
        const st = bState[b];
        if (st !== BILL_REVOLVING && st !== BILL_ARREARS) continue;
        const c = bOwed[b] * (st === BILL_ARREARS ? penaltyRate : revolvingRate) + bCarry[b];
        const fen = Math.floor(c);
        bCarry[b] = c - fen;
        bOwed[b] += fen;
        owedAll += fen;
        if (st === BILL_ARREARS) tPenalty[k] += fen;
        else tInterest[k] += fen;
      }
      // the statement: the cycle closes into a bill, and the statement's repayment habit is drawn
      if (dom[d] === statementDay && status !== 0) {
        if (cycle > 0 && count < MAX_BILLS) {
          const s = count++;
          bState[s] = BILL_GRACE;
          bOwed[s] = cycle;
          bMin[s] = Math.ceil(cycle * minRate);
          bPaid[s] = 0;
          bCarry[s] = 0;
          bDue[s] = dueAfter[d];
          cycle = 0;
          const w = rng();
          habit = w < h0 ? HABIT_FULL : w < h1 ? HABIT_STATEMENT : w < h2 ? HABIT_MINIMUM : HABIT_NONE;
          repayDay =
            w >= h2 && w < h3
              ? bDue[s] + Math.max(1, Math.round(draw(rng, late[k]))) // late, in full
              : bDue[s] - Math.max(0, Math.round(draw(rng, before[k])));
          if (w >= h2 && w < h3) habit = HABIT_FULL;
        } else habit = HABIT_NONE;
      }
      // the repayment, oldest bill first
      if (d === repayDay && habit !== HABIT_NONE) {
        for (let b = live; b < count; b++) {
          if (bState[b] === BILL_SETTLED) continue;
          const pay =
            habit === HABIT_MINIMUM ? Math.max(0, Math.min(bOwed[b], bMin[b] - bPaid[b])) : bOwed[b];
          bOwed[b] -= pay;
          bPaid[b] += pay;
          owedAll -= pay;
          if (bOwed[b] === 0) bState[b] = BILL_SETTLED;
        }
        if (habit === HABIT_FULL) {
          owedAll -= cycle;
          cycle = 0;
        }
        habit = HABIT_NONE;
        // cured: nothing left in arrears
        while (live < count && bState[live] === BILL_SETTLED) live++;
        let arrears = false;
        for (let b = live; b < count; b++) if (bState[b] === BILL_ARREARS) arrears = true;
        if (!arrears) oldestMissed = -1;
      }
      // due day + grace: each bill settles, revolves or falls into arrears
      while (graceNext < count && bDue[graceNext] + grace === d) {
        const b = graceNext++;
        if (bOwed[b] === 0) bState[b] = BILL_SETTLED;
        else if (bPaid[b] >= bMin[b]) bState[b] = BILL_REVOLVING;
        else {
          bState[b] = BILL_ARREARS;
          missedByMonth[month % 12]++;
          if (oldestMissed < 0) oldestMissed = bDue[b];
        }
      }
      // days past due: suspension, charge-off
      const dpd = oldestMissed < 0 ? 0 : d - oldestMissed;
      if (dpd >= suspendDays && status === ACTIVE) {
        status = SUSPENDED;
        tSuspended[k]++;
      }
      if (dpd >= 90) bad = 1;
      if (dpd >= chargeOffDays && status !== CHARGED_OFF) {
        status = CHARGED_OFF;
        tWrittenOff[k] += owedAll;
        bad = 1;
      }
      // the month end: a score from five characteristics, the review
      if (monthEnd[d] === 1) {
        if (status !== 0) monthsOnBook++;
        let missed = 0;
        for (let i = 0; i < 12; i++) missed += missedByMonth[i];
        const buys = purchasesByMonth[0] + purchasesByMonth[1] + purchasesByMonth[2];
        const util = limit > 0 ? owedAll / limit : 0;
        const score =
          600 +
          (dpd === 0 ? 80 : dpd < 30 ? 20 : dpd < 90 ? -40 : -120) +
          (missed === 0 ? 60 : missed === 1 ? 10 : -50) +
          (util < 0.3 ? 50 : util < 0.7 ? 20 : util < 1 ? 0 : -30) +
          (buys >= 10 ? 30 : buys >= 3 ? 15 : 0) +
          (monthsOnBook >= 12 ? 30 : monthsOnBook >= 6 ? 15 : 0);
        scoreHist[k * 100 + Math.min(99, Math.max(0, Math.floor(score / 10)))]++;
        if (status === ACTIVE) {
          let band = 0;
          for (let i = 0; i < bandScore.length; i++) if (score >= bandScore[i]) band = bandLimit[i];
          if (score < minScore) status = SUSPENDED;
          else if (score < reduceScore && band < limit) limit = band;
          else if (score >= increaseScore && missed === 0 && band > limit) limit = band;
        } else if (status === SUSPENDED && dpd === 0 && score >= restoreScore) status = ACTIVE;
        month++;
        purchasesByMonth[month % 3] = 0;
        missedByMonth[month % 12] = 0;
        while (live < count && bState[live] === BILL_SETTLED) live++;
      }
    }
    tBad[k] += bad;
    tBalance[k] += status === CHARGED_OFF ? 0 : owedAll;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let checksum = 0;
  for (let i = 0; i < n; i++)
    checksum +=
      tAccounts[i] + tInterest[i] + tPenalty[i] + tWrittenOff[i] + tBad[i] + tBalance[i] + tSuspended[i];
  for (let i = 0; i < scoreHist.length; i++) checksum += scoreHist[i] * (i + 1);
  return { seconds, checksum, bad: tBad.reduce((x, y) => x + y, 0) / accounts };
}

// standalone: node bench/reference-loop.mjs [accounts] [days]
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const accounts = Number(process.argv[2] ?? 100_000);
  const days = Number(process.argv[3] ?? 365);
  for (let i = 0; i < 3; i++) {
    const r = referenceLoop(accounts, days);
    const ns = (r.seconds * 1e9) / (accounts * days);
    console.log(
      `${r.seconds.toFixed(3)} s, ${ns.toFixed(1)} ns/account-day, bad ${r.bad.toFixed(4)}, checksum ${r.checksum}`,
    );
  }
}
