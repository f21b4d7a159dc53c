// A cut limit's way back: the cut on record, the first day an application for an increase can be made (on a
// suspended line once the steps restore it), and every rule that would decline it then — and for a cut for
// a constraint, the first review that can give the limit back unasked.

import { cleanSince, decideApplication, increaseFrom } from "../applications.js";
import type { Calendar } from "../calendar.js";
import {
  type Customer,
  forkCustomer,
  isOpen,
  type Line,
  lineCopy,
  lineOf,
  otherOf,
  suspensionEnds,
  usedOn,
} from "../customer.js";
import { atCap, CUT_BY, capFor, endedLine, LIMIT_CAP_CODES } from "../eligibility.js";
import type { LimitCap } from "../limits.js";
import { FEN_PER_YUAN, MAX_YUAN } from "../money.js";
import type { ReasonCode } from "../reasons.js";
import { openingOn, reviewedOn } from "../report-ahead.js";
import { givenBack, raisedOrCut } from "../review/give-back.js";
import { type Scored, scoreOn } from "../score-inputs.js";
import { cutTo, lineManagement } from "../standard.js";
import type { Fen, Remedy } from "../types.js";
import type { RuleFact } from "../verdict.js";
import type { LineId } from "../vocabulary.js";
import { applicationOn } from "./applying.js";
import { cite, citeFacts, type SupportAnswer } from "./citing.js";
import { keptIncome } from "./income-advice.js";
import { owingThen, withOverduePaid, withProfile } from "./read-ahead.js";
import { sayTrim, type TrimAhead } from "./trim-ahead.js";

/** The days a line restored from its suspension waits before it is raised: the increase cooldown after a
 *  suspension for credit (a security hold over one included), none after one for policy or security. */
const seasoning = (line: Line, cooldown: number): number =>
  (line.heldOver?.cause ?? line.cause) === "credit" ? cooldown : 0;

/** The cut on record of an active line still below what it was cut from (its reasons and the limit before
 *  and after, a restoration since or not), and the first day an application for an increase can be made —
 *  with what would decline it as things stand (the other line suspended, a score below the increase
 *  minimum, too many applications, any rule an application fails, a cap the limit is already at), so that
 *  the way back is not offered as if it worked while something else holds it; null when none is on
 *  record. */
function limitCut(
  c: Customer,
  line: Line,
  day: number,
  s: Scored,
  calendar: Calendar,
  restored: number | null,
  remedies: readonly Remedy[],
): { said: Extract<Remedy, { kind: "limit_cut" }>; trim: TrimAhead | null } | null {
  const cut = line.cut;
  if (cut === null || line.limit >= cut.from) return null;
  // the first day the increase cooldown and the clean record allow, and the applications of the last 30
  // days (its own counted) let it pass — on a suspended line, not before it can be restored: an
  // application to raise a suspended line is refused (ACCOUNT_SUSPENDED); and with an overdue still owed,
  // the clean record runs from its repayment, today at the earliest, not from the last missed due date
  const paid = withOverduePaid(c, day);
  // restored from a suspension for credit, the line waits the cooldown from the restoration (cooldownSince)
  const seasoned =
    restored === null
      ? null
      : Math.max(restored, restoredOn(line, remedies, day) + seasoning(line, c.policy.increaseCooldownDays));
  const earliest = Math.max(increaseFrom(paid, line, day), seasoned ?? day);
  // the application is judged on the customer that day assumes: the overdue paid today (the pay step the
  // answer asks first). Judged owing still, it was declined for an overdue older than a write-off allows
  // (218 days past due against chargeOffDays 180) and for the score that leaves — neither of which the
  // customer who paid meets. A later day is scored on `paid` already; today's score `s` is the customer's
  // as is, so it stands only when nothing was overdue (`paid` is then `c`)
  let { day: from, s: later } = applicationOn(paid, day, earliest, s);
  // a review before that day that gives the limit back (review/give-back.ts) raises it: the cooldown runs
  // from it, and the day is counted from it — as things stand, the line played ahead to that day (told day
  // 110, the customer whose ¥5,000 the review of day 105 gave back was declined INCREASE_TOO_SOON)
  for (let i = 0; restored === null && from > day && i < 4; i++) {
    const opened = openingOn(paid, day, calendar, from);
    const again = increaseFrom(opened, lineOf(opened, line.id), from);
    if (again <= from) break;
    ({ day: from, s: later } = applicationOn(paid, day, again, s));
  }
  const then = from === day && paid !== c ? scoreOn(paid, day) : later;
  // on a line active today, judged at the limit it has as that day opens as things stand (each bill met at
  // its minimum, nothing more spent, the reviews until then made): a review before it that gives a limit
  // back raises the limit the increase is asked from and judged at — judged at today's ¥8,000, the one
  // named for day 225 passed, while the review of day 135 had given ¥9,000 back, the product's largest
  // limit, and the application was declined at it (LIMIT_AT_PRODUCT_MAXIMUM) — and owing what is owed then
  // (owingThen), the rest as the answer reads them today
  const ahead =
    restored === null && from > day ? atLimitOn(paid, line.id, day, calendar, from) : { customer: paid };
  // closed by then as things stand for what the customer cannot prevent (a write-off, the long
  // suspension's closing review), or suspended by a review before it: refused for that, no rule read — judged on the line kept open at the ¥0
  // its closure left, it named 'not used recently enough (5000 days)', and nothing of the income cap
  const ended = "ended" in ahead ? ahead.ended : null;
  // (suspended by then: the day of the review that suspends it, whose restoration the answer then reads
  // as a customer asking the day after it is told it — suspends-ahead.ts)
  const suspends = "suspends" in ahead ? (ahead.suspends ?? null) : null;
  // a cut for a constraint comes back unasked too (review/give-back.ts): the first periodic review the
  // cooldown since the cut (or a limit given back in part since) and the clean record allow — after a suspended line's restoration
  const back = cut.givesBack;
  const p = c.policy;
  const reviewFrom = Math.max(
    raisedOrCut(line, cut) + p.increaseCooldownDays,
    cleanSince(paid) + p.increaseCleanDays,
    restored === null || seasoned === null ? day : Math.max(restored + 1, seasoned),
  );
  let review = calendar.nextDayOfMonth(reviewFrom - 1, p.reviewDayOfMonth);
  // what that review gives back as things stand (the line played ahead to the day it opens: each bill met at
  // its minimum, nothing more spent) — said before it, as a restoration coming is
  // (null: not worked out — a suspended line's restoration comes first; `line.limit`: nothing given back, the
  // cap already reached or a rule holding it: never worded as a limit coming back)
  let gives: Fen | null = null;
  // Jiebei's unused limit that give-back trims (review/trim.ts giveBackTrim: the verdict's `trims`), said as
  // Jiebei's cut ahead — told only "that review gives back ¥6,000.00", a customer on ¥9,250 a month heard
  // nothing of Jiebei going from ¥16,700 to ¥11,200 that day
  let trim: TrimAhead | null = null;
  // the review that closes the line as unused by then, that review's own closure included (it comes before
  // any give-back): the line read kept in use, and the answer asks for that use. Read as the review
  // begins, the review of day 470 that closed an unused line was said to give ¥20,000 back; read closed
  // before it, the review the income reported since gave ¥20,000 back to was said to give back nothing
  let closes: number | null = "closes" in ahead ? (ahead.closes ?? null) : null;
  if (back !== null && back > line.limit && restored === null) {
    let inUse = openingInUse(paid, line.id, day, calendar, review, true);
    // a cut before it as things stand (a review's trim of an unused limit, line management's) restarts the
    // cooldown as the cut on record did: the review counted from it, as the line played ahead has it — told
    // "the first review that could, on day 390, gives back nothing", Jiebei trimmed on day 359 could have
    // nothing given back before day 449
    for (let i = 0; i < 4; i++) {
      const then = lineOf(inUse.opened, line.id);
      if (then.cut === null) break;
      const again = calendar.nextDayOfMonth(
        raisedOrCut(then, then.cut) + p.increaseCooldownDays - 1,
        p.reviewDayOfMonth,
      );
      if (again <= review) break;
      review = again;
      inUse = openingInUse(paid, line.id, day, calendar, review, true);
    }
    closes ??= inUse.closes;
    const opened = inUse.opened;
    const v = givenBack(opened, lineOf(opened, line.id), review, scoreOn(opened, review));
    gives = v?.decision === "limit_restored" ? v.limit : line.limit;
    const jiebei = opened.jiebei.limit;
    if (v?.decision === "limit_restored" && v.trims !== undefined && v.trims < jiebei)
      trim = { from: jiebei, to: v.trims };
  }
  // the application as it would be decided on that day, its own inquiry counted, with that day's score:
  // the time it waits for passes by then, so what declines it is a rule that holds besides the time — the
  // other line suspended, the score below the increase minimum, an eligibility rule — first of them as the
  // decision cites them; else a cap no more than the limit held
  // — on a suspended line, judged on the line restored as the steps restore it (and the other line with it
  // when they restore it by then): judged suspended, it is refused unassessed and names nothing, so a
  // score below the increase minimum went unsaid and the application it waited for was declined for it
  // — on a line kept in use only for the review's sake (it closes as unused at or before that review, not
  // before the increase day), judged kept in use too, used on that day: the answer says "kept in use", and
  // judged on the line unused it was declined for 'not used recently enough' beside those words
  const judged =
    restored !== null
      ? asRestored(paid, line, from, remedies, from > day ? openingOn(paid, day, calendar, from) : null)
      : "ended" in ahead
        ? paid
        : closes !== null && ahead.closes === undefined
          ? keptInUse(ahead.customer, line.id, from)
          : ahead.customer;
  const held = lineOf(judged, line.id);
  // scored on what is owed then too: the debt burden the score reads falls as the instalments are paid
  const scored = from > day && judged !== paid ? scoreOn(judged, from) : then;
  // (given back whole by then: the increase probed is the smallest one a customer would ask for, the limit
  // raised to the next whole hundred of yuan, as increase_from probes it)
  const hundred = 100 * FEN_PER_YUAN;
  const asked =
    held.limit < cut.from
      ? cut.from - held.limit
      : (Math.floor(held.limit / hundred) + 1) * hundred - held.limit;
  const v = decideApplication(judged, held, from, "increase", asked, scored, 1);
  // every rule that declines it is named, each with its step (the first `blocked`, the others `besides`)
  const rules =
    ended !== null
      ? [ended]
      : v.decision === "declined"
        ? v.facts.filter((f) => !LIMIT_CAP_CODES.has(f.code))
        : [];
  const cap = ended === null ? capFor(judged, line.id, scored) : null;
  const atTheCap = cap !== null && !cap.belowMinimum ? atCap(cap, line.id, held.limit) : null;
  // a cap the decision declines for besides the rules is named with them: told only to repay, the customer
  // who did was declined for the cap no answer had named
  if (atTheCap !== null && rules.length > 0 && v.facts.some((f) => LIMIT_CAP_CODES.has(f.code)))
    rules.push(atTheCap);
  const blocked: RuleFact | null = rules[0] ?? atTheCap;
  // at the income's cap: the income that allows the limit before the cut — told only "report a higher
  // income", a customer cut from ¥20,000 to ¥6,000 at ¥3,000 a month could not know ¥10,000 would do. A cap
  // below the limit before the cut that no income lifts (the score's band, the product's largest limit, the
  // thin-file cap) is the most any income brings back, and is named: the first income at which the income
  // cap stopped binding was said to allow the limit before the cut while a ¥15,000 largest limit held it
  const atIncome = [blocked, ...rules].some((f) => f?.code === "LIMIT_AT_INCOME_CAP");
  const other = atIncome ? capFor(withProfile(judged, { monthlyIncome: MAX_YUAN }), line.id, scored) : null;
  const above = other !== null && other.binding !== "income" && other.limit < cut.from ? other : null;
  const target = above === null ? cut.from : above.limit;
  const income = atIncome
    ? keptIncome(judged.profile.monthlyIncome, (m) => {
        const at = capFor(withProfile(judged, { monthlyIncome: m }), line.id, scored);
        return at !== null && at.limit >= target;
      })
    : null;
  const said: Extract<Remedy, { kind: "limit_cut" }> = {
    line: line.id,
    kind: "limit_cut",
    day: cut.day,
    date: calendar.date(cut.day),
    from: cut.from,
    // the limit the cut took it to: a raise since is said beside it (told "cut from ¥10,000.00 to ¥9,000.00
    // on day 45", a customer cut to ¥8,000 that day read a cut that never was) — and what raised it: the
    // customer's own ¥2,000 increase was said "given back … by the review"
    to: cut.to,
    ...(line.limit > cut.to &&
      cut.raised !== null && {
        since: {
          limit: line.limit,
          day: cut.raised.day,
          date: calendar.date(cut.raised.day),
          by: cut.raised.by,
        },
      }),
    reasons: cut.reasons,
    increase: {
      day: from,
      date: calendar.date(from),
      now: from === day,
      ...(restored !== null && { restored: true }),
      ...(suspends !== null && { suspends: { day: suspends, date: calendar.date(suspends), steps: [] } }),
      ...(closes !== null && { inUse: { day: closes, date: calendar.date(closes) } }),
      ...(blocked && { blocked }),
      ...(rules.length > 1 && { besides: rules.slice(1) }),
      ...(income !== null && { income }),
      ...(income !== null &&
        above !== null &&
        above.binding !== "income" && { incomeCap: { binding: above.binding, limit: above.limit } }),
    },
    ...(back !== null &&
      back > line.limit && {
        givenBack: {
          limit: back,
          day: review,
          date: calendar.date(review),
          ...(gives !== null && gives > line.limit && { gives }),
          ...(gives !== null && gives <= line.limit && { nothing: true as const }),
        },
      }),
  };
  return { said, trim };
}

/** `c` with `line` at the limit it has as `to` opens, as things stand (openingOn: the reviews until then
 *  made — a limit given back, a cut), owing what is owed then (owingThen), nothing else changed; `ended`, what refuses an application on it
 *  then, when it is closed by then for what the customer cannot prevent (endedLine: a write-off, else the
 *  closure) or suspended by then (ACCOUNT_SUSPENDED). A closure as unused is no such thing — using the line averts it — so the line is read kept in
 *  use until `to`, and `closes` is the review that closes it left unused: told "the account is closed —
 *  apply to open a new account", the customer of an open ¥10,000 line could have used it and applied, and
 *  was then declined for the income cap no answer had named. */
function atLimitOn(
  c: Customer,
  line: LineId,
  day: number,
  calendar: Calendar,
  to: number,
): { customer: Customer; closes?: number } | { ended: RuleFact; suspends?: number } {
  const { opened, closes, kept } = openingInUse(c, line, day, calendar, to);
  const then = lineOf(opened, line);
  if (!isOpen(then)) {
    const ended = endedLine(opened, then);
    return { ended: ended.facts[0] ?? { code: ended.reasons[0]! } };
  }
  // suspended by then (a review before it suspends the line): refused unassessed, as increase_from says it
  // — judged active at the limit the suspension cut it to, Li Na asked on day 115 was told to repay ¥437.12
  // "of what it will owe then" for an application that reads no balance
  if (then.status === "suspended")
    return { ended: { code: "ACCOUNT_SUSPENDED" }, suspends: then.statusDay ?? to };
  const inUse = closes === null ? {} : { closes };
  const fork = forkCustomer(kept);
  lineOf(fork, line).limit = then.limit;
  // the other line as things stand then too: restored by a review before it, it declines nothing — read
  // suspended as today, Huabei's increase named for day 301 was said declined for Jiebei's suspension,
  // which the review of day 227 lifts (the increase applied for that day was approved); suspended by one,
  // it declines the increase (OTHER_LINE_SUSPENDED) — read active as today, an increase named for day 224
  // was said declined for the line's own reasons alone, while the review of day 74 the same answer foresaw
  // suspends Jiebei
  const other = otherOf(fork, lineOf(fork, line));
  const otherThen = lineOf(opened, other.id);
  if (other.status === "suspended" && otherThen.status === "active")
    restoreCopy(other, otherThen.restoredDay ?? to);
  else if (other.status === "active" && otherThen.status === "suspended") {
    other.status = "suspended";
    other.cause = otherThen.cause;
    other.statusDay = otherThen.statusDay;
    other.limit = otherThen.limit;
  }
  return { customer: owingThen(fork, opened), ...inUse };
}

/** `c` as the day `to` (after `day`, or `day` itself) opens, as things stand (openingOn) — but for a
 *  closure of `line` as unused before then (`atReview`: or by the review of `to` itself), which using it
 *  averts: then `c` with the line kept in use (`kept`: used on `to` itself, a purchase repaid, nothing owed
 *  — no review until then finds it unused, and an increase's rule of use is met) played ahead, and
 *  `closes`, the review that closes it left unused. */
function openingInUse(
  c: Customer,
  line: LineId,
  day: number,
  calendar: Calendar,
  to: number,
  atReview = false,
): { opened: Customer; closes: number | null; kept: Customer } {
  const openOn = (x: Customer) => (to > day ? openingOn(x, day, calendar, to) : x);
  const opened = openOn(c);
  const then = lineOf(atReview ? reviewedOn(opened, to, calendar, to) : opened, line);
  if (isOpen(then) || then.cause !== "dormant" || then.statusDay === null)
    return { opened, closes: null, kept: c };
  const kept = keptInUse(c, line, to);
  return { opened: openOn(kept), closes: then.statusDay, kept };
}

/** A copy of `c` with `line` used on `day` (a purchase repaid, nothing owed), as the engine counts a use
 *  (customer.ts `usedOn`): the line kept in use. */
function keptInUse(c: Customer, line: LineId, day: number): Customer {
  const kept = forkCustomer(c);
  usedOn(lineOf(kept, line), day);
  return kept;
}

/** The customer as an application on `day` finds them once customer service's steps have restored `line`
 *  (suspended today), and the other line when they restore it by then: those lines active, owing what
 *  `then` (`c` as `day` opens, each bill and instalment met as scheduled) owes — judged on today's ¥29,784,
 *  a loan its instalments bring to ¥11,244 by then was told to repay ¥14,664 first — nothing else changed
 *  from `c` (the customer with the overdue paid today: the applications, the cooldowns as things stand). */
function asRestored(
  c: Customer,
  line: Line,
  day: number,
  remedies: readonly Remedy[],
  then: Customer | null,
): Customer {
  const fork = forkCustomer(c);
  if (then !== null) owingThen(fork, then);
  for (const l of [fork.huabei, fork.jiebei]) {
    if (l.status !== "suspended") continue;
    const back = l.id === line.id ? day : restoredFrom(l, remedies, day);
    if (back === null || back > day) continue;
    restoreCopy(l, back);
  }
  return fork;
}

/** `l` (a copy's) restored on `day`, as the engine restores it: the days it was kept suspended are not days
 *  it went unused. */
function restoreCopy(l: Line, day: number): void {
  suspensionEnds(l, day);
  l.status = "active";
  l.cause = null;
  l.statusDay = null;
}

/** The first day an application can be made on a suspended line restored as customer service's steps
 *  restore it: the day of the early review it offers (a request_review, then the application, that day),
 *  else the day after the periodic review that can restore it (the day's events come before its review);
 *  today when no review is in the way (a hold alone: verifying restores it). Null for a line not
 *  suspended. */
function restoredFrom(line: Line, remedies: readonly Remedy[], day: number): number | null {
  if (line.status !== "suspended") return null;
  const wait = waitFor(line, remedies);
  if (wait === undefined) return day;
  return wait.early !== null ? Math.min(wait.early.day, wait.day + 1) : wait.day + 1;
}

/** The day the steps restore a suspended line: the early review's, or the periodic review's (the line
 *  usable the day after it: restoredFrom); today with no review to wait for. */
function restoredOn(line: Line, remedies: readonly Remedy[], day: number): number {
  const wait = waitFor(line, remedies);
  if (wait === undefined) return day;
  return wait.early !== null && wait.early.day <= wait.day ? wait.early.day : wait.day;
}

const waitFor = (line: Line, remedies: readonly Remedy[]) =>
  remedies.find(
    (r): r is Extract<Remedy, { kind: "wait_for_review" }> =>
      r.line === line.id && r.kind === "wait_for_review",
  );

/** Each open line whose limit a review cut: said, with the reasons recorded then and the only way back (a
 *  suspended one too: the review that suspended it may have cut it, and restoring it brings back the cut
 *  limit, not the one it had) — unless no review restores it under the policy, or the coming review closes
 *  it for certain (it cannot be restored before then): no increase raises it then. When nothing else stands
 *  in the way on either line (`answer` has no reasons yet) and line management would still cut the limit it
 *  had today, those reasons are the answer's (why the limit is what it is), not the score's drivers; once
 *  they no longer hold (an income back), the record says them, dated, and today's reasons are the score's.
 *  They are cited as they hold today: another cap that would cut it (the score's band back, the income cut
 *  since) is that cap's, and the same cap is with today's numbers. */
export function cutLimitSteps(
  c: Customer,
  lines: readonly Line[],
  day: number,
  s: Scored,
  calendar: Calendar,
  answer: SupportAnswer,
): void {
  const remedies = answer.remedies;
  const unblocked = answer.reasons.length === 0;
  for (const line of lines) {
    const found = isOpen(line)
      ? limitCut(c, line, day, s, calendar, restoredFrom(line, remedies, day), remedies)
      : null;
    if (found === null) continue;
    const cut = found.said;
    const barred = remedies.some(
      (r) =>
        r.line === line.id &&
        ((r.kind === "wait_for_review" && (r.policyBars || r.scoreBars)) ||
          (r.kind === "closure_due" && r.certain)),
    );
    if (line.status === "suspended" && barred) continue;
    remedies.push(cut);
    if (found.trim !== null && cut.givenBack !== undefined)
      sayTrim(remedies, cut.givenBack.day, calendar, found.trim);
    // would a review cut the limit it had today (as line management does)?
    if (!unblocked || line.status !== "active") continue;
    // a copy as a literal (lineCopy), not a spread: one hidden class for every line a rule reads
    const had = lineCopy(line);
    had.limit = cut.from;
    const cap = cutTo(c, had, s, c.policy);
    if (cap === null) continue;
    // cited as line management would cite it today (the cap's numbers, the score's drivers now) — after
    // POLICY_CHANGE when the policy made the cut on record and the same cap still makes it
    const now = lineManagement(c, had, s);
    if (now === null) continue;
    const byPolicy = cut.reasons[0] === "POLICY_CHANGE" && cut.reasons.includes(CUT_BY[cap.binding]);
    const today = asOfToday(now, cap, line);
    cite(answer, byPolicy ? ["POLICY_CHANGE", ...today.reasons] : today.reasons);
    if (today.at === null) citeFacts(answer, now.facts, line.id, lines.length > 1);
    else answer.facts.push(lines.length > 1 ? { ...today.at, line: line.id } : today.at);
  }
}

/** Line management's cut of the limit the line had, said as it stands on the day asked: a cap at the limit
 *  the line has today holds it there (the AT_CAP code: "the limit is already the product's maximum"), not
 *  "below the current limit", which the cut made false; a cap below today's limit is compared with it. A
 *  cap between the two is the one the cut's limit is compared with (what a review would still cut, and why
 *  the limit does not come all the way back), today's limit beside it (`heldAt`). */
function asOfToday(
  now: { reasons: ReasonCode[]; facts: RuleFact[] },
  cap: LimitCap,
  line: Line,
): { reasons: ReasonCode[]; at: RuleFact | null } {
  const fact = now.facts[0];
  if (fact === undefined) return { reasons: now.reasons, at: null };
  // between the two: compared with the limit the line had, today's said beside it (`heldAt`: its words
  // for that, REASONS' beforeCut) — "below the current limit" was false of a line already cut beneath it
  if (cap.limit > line.limit) {
    fact.heldAt = line.limit;
    return { reasons: now.reasons, at: null };
  }
  if (cap.limit < line.limit) {
    fact.value = line.limit;
    return { reasons: now.reasons, at: null };
  }
  const at = atCap(cap, line.id, line.limit)!;
  if (fact.before !== undefined) at.before = fact.before;
  return { reasons: now.reasons.map((r) => (r === fact.code ? at.code : r)), at };
}
