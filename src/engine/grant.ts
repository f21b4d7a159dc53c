// A grant judged against the review that follows it: a line is granted only at a limit that the monthly
// review would keep once the customer uses the credit granted — so that on unchanged facts (nothing
// missed, the same income and debt elsewhere, spending within the limit) no review takes back what an
// application gave. The review reads the month-end report: a line opened at the very edge of the debt cap
// or of the minimum score, and used, would be suspended or cut at the next review (what a lender does not
// do — approve on the 1st and suspend on the 15th on facts that barely moved). One customer, one debt: the
// review judges the customer's other line on the same file, so a grant is held to what keeps that line too.

import { type Customer, type Line, lineOf, otherOf, owed, rulesFor, shallowCopy } from "./customer.js";
import { smallestLine } from "./limits.js";
import * as loans from "./loans.js";
import { FEN_PER_YUAN, wholeFen } from "./money.js";
import { REASONS, type ReasonInfo } from "./reasons.js";
import { debtWithin, type Scored, type ScoredFile, scoreOnCopy } from "./score-inputs.js";
import { keptStandard, lineManagement } from "./standard.js";
import type { Fen } from "./types.js";
import type { RuleFact } from "./verdict.js";
import type { LineId } from "./vocabulary.js";

/** What Huabei is counted at by a grant's judgement and a drawdown's: what is owed, and while the line is
 *  active `share` (grantUsedFraction) of the credit left on it — spending within the limit needs no approval
 *  the review's standards are checked at. */
export const huabeiUsed = (h: Line, share: number): Fen =>
  usedAt(owed(h), h.status === "active", h.limit, share);

/** A line owing `now` at `limit`, `share` of the credit left on it used while it is active. */
const usedAt = (now: Fen, active: boolean, limit: Fen, share: number): Fen =>
  active ? now + Math.round(Math.max(0, limit - now) * share) : now;

/**
 * The customer as a review reads the file once the credit the customer holds is used — every active line
 * at the month-end report, with `line` active at `limit` (the grant): Huabei at its limit (or what is owed,
 * if more: interest, a cut limit), Jiebei at what is owed and the drawdowns its own debt cap still lets
 * the customer take (each is judged as Huabei used in full too: debtToIncomeAfterDraw) — the credit left
 * unused counted at the policy's `grantUsedFraction` (1: in full) — and `inquiries` more applications
 * recorded today (one customer service only asks about). `id` null: nothing granted, the lines as they are.
 */
function usedInFull(c: Customer, id: LineId | null, limit: Fen, day: number, inquiries = 0): Customer {
  const used = shallowCopy(c);
  const h = used.huabei;
  const j = used.jiebei;
  const granted = id === null ? null : lineOf(used, id);
  if (granted !== null) {
    granted.status = "active";
    granted.cause = null;
    granted.limit = limit;
    granted.heldOver = null;
  }
  const reported = usedBalances(c, id, limit);
  h.reportedBalance = reported.huabei;
  if (h.status === "active") {
    h.reportedLimit = h.limit;
    h.reported = true;
  }
  j.reportedBalance = reported.jiebei;
  if (j.status === "active") j.reported = true;
  if (inquiries > 0) {
    const more = [...c.inquiries];
    for (let i = 0; i < inquiries; i++) more.push(day);
    used.inquiries = more;
  }
  return used;
}

/** The balances once used (usedBalances), and `least`: Jiebei's smallest loan (fen) when it is what Jiebei
 *  is counted at (leastLoanOwed), else 0. */
interface UsedBalances {
  huabei: Fen;
  jiebei: Fen;
  least: Fen;
}

/** The balances the report shows once the credit is used (usedInFull), `id` granted at `limit` (null:
 *  nothing granted): read from `c`'s lines as they are, the grant's status and limit put in their place. */
function usedBalances(c: Customer, id: LineId | null, limit: Fen): UsedBalances {
  const h = c.huabei;
  const j = c.jiebei;
  const share = c.policy.grantUsedFraction;
  // nothing counted used (share 0): the balances as the report on record has them — the file as it is
  const asIs = share === 0;
  const hActive = id === "huabei" || h.status === "active";
  const hUsed = asIs
    ? h.reportedBalance
    : Math.max(h.reportedBalance, usedAt(owed(h), hActive, id === "huabei" ? limit : h.limit, share));
  const jOwed = asIs ? j.reportedBalance : Math.max(j.reportedBalance, owed(j));
  let jUsed = jOwed;
  let least = 0;
  // (share 0 counts no drawdowns: the report as it is, not what is owed since)
  if (!asIs && (id === "jiebei" || j.status === "active")) {
    // drawdowns, each within the line and within Jiebei's debt cap as the report will show it — what is
    // owed once they are taken, or the report on record if more. Not the report plus the drawdowns: a
    // repayment since the report (or interest accrued) moves what is owed, not what may be drawn on top of
    // a balance the next report no longer shows — counted so, an active Jiebei repaid in part counted more
    // than its limit, and the more the less it owed (a ¥5.54 fall over 15 days of interest was the
    // difference between an early review declined at 0.51 and the periodic one restoring at 0.50:
    // PROPERTY_SEED=9176)
    const now = owed(j);
    const room = debtWithin(c, c.policy.jiebeiMaxDebtToIncome) ?? 0;
    const jLimit = id === "jiebei" ? limit : j.limit;
    const drawable = Math.min(jLimit - now, room - (c.profile.externalDebt + hUsed + now));
    jUsed = Math.max(jOwed, now + Math.round(Math.max(0, drawable) * share));
    // the Jiebei line judged (opened, restored, raised) counts at least its smallest loan drawn: a line
    // that cannot lend its minimum within the cap lends nothing, and a lender does not open a cash line it
    // would refuse every drawdown on — counted drawn within the cap alone, a line opened with ¥10,000
    // repaid elsewhere as advised declined the ¥500 loan the next day at 1.01 of the cap. The other
    // line's grant does not count it: that Jiebei lends only what its cap leaves (the drawdown's check)
    const leastOwed = id === "jiebei" ? leastLoanOwed(c, jLimit) : 0;
    if (leastOwed > jUsed) {
      jUsed = leastOwed;
      least = wholeFen(c.policy.jiebeiMinDrawdown);
    }
  }
  return { huabei: hUsed, jiebei: jUsed, least };
}

/** The most days of interest a drawdown's debt check counts on its loans to the month-end report it reads
 *  (debtToIncomeAfterDraw): a loan drawn on the 1st of a 31-day month bears 31 to the 31st. */
const MONTH_OF_INTEREST = 31;

/** What Jiebei owes once its smallest loan (`jiebeiMinDrawdown`) is drawn, at `limit`, as a drawdown's debt
 *  check counts it — what is owed, the loan, and the interest every loan bears to a month end — at the most
 *  days it counts (MONTH_OF_INTEREST), so that the line lends it whatever the day of the month it is asked,
 *  and customer service's advice followed on a later day still opens a line that lends; 0 when the
 *  policy names no smallest loan, or the limit leaves no room for it (no debt would let the line lend it). */
function leastLoanOwed(c: Customer, limit: Fen): Fen {
  const book = c.jiebei.book;
  const least = wholeFen(c.policy.jiebeiMinDrawdown);
  if (least <= 0 || limit - loans.principalOwed(book) < least) return 0;
  return loans.owedThrough(book, least, book.chargedThrough + MONTH_OF_INTEREST, c.policy.jiebeiRatePerDay);
}

/** The debt a ratio read on the file once a line is used counts (usedBalances, `id` at `limit`), as its fact
 *  names it so that the customer can check the number: the whole (`debtCounted`: debt elsewhere and each
 *  line), each line's part, and of that part the credit not owed but counted used (`…Used`: a line's
 *  unused credit). */
type DebtCounted = Required<
  Pick<RuleFact, "debtCounted" | "huabeiCounted" | "jiebeiCounted" | "huabeiUsed" | "jiebeiUsed">
> &
  Pick<RuleFact, "huabeiOwedToday" | "jiebeiOwedToday" | "jiebeiLeast">;

/** The debt counted once `id` granted at `limit` is used (DebtCounted). */
function debtCountedOnceUsed(c: Customer, id: LineId, limit: Fen): DebtCounted {
  const { huabei, jiebei, least } = usedBalances(c, id, limit);
  const asOwed = (l: Line) => Math.max(l.reportedBalance, owed(l));
  const huabeiUsed = Math.max(0, huabei - asOwed(c.huabei));
  const jiebeiUsed = Math.max(0, jiebei - asOwed(c.jiebei));
  // a line's owed part counted at the month-end report's balance, not today's (repaid since the report, or
  // the report read as it is): what it owes today, named beside it — "¥38,121.75 owed" read as today's debt
  // two days after a repayment brought it to ¥29,784.00
  const today = (l: Line, counted: Fen, used: Fen): Fen | undefined =>
    counted > 0 && counted - used !== owed(l) ? owed(l) : undefined;
  const huabeiOwedToday = today(c.huabei, huabei, huabeiUsed);
  const jiebeiOwedToday = today(c.jiebei, jiebei, jiebeiUsed);
  return {
    debtCounted: c.profile.externalDebt + huabei + jiebei,
    huabeiCounted: huabei,
    jiebeiCounted: jiebei,
    huabeiUsed,
    jiebeiUsed,
    ...(huabeiOwedToday === undefined ? {} : { huabeiOwedToday }),
    ...(jiebeiOwedToday === undefined ? {} : { jiebeiOwedToday }),
    ...(least > 0 ? { jiebeiLeast: least } : {}),
  };
}

/** A ratio's fact (DEBT_TO_INCOME_TOO_HIGH's) read once `id` granted at `limit` is used, with the debt
 *  counted (debtCountedOnceUsed); another fact as it is. */
export function withDebtCounted(f: RuleFact, c: Customer, id: LineId, limit: Fen): RuleFact {
  const info: ReasonInfo = REASONS[f.code];
  return f.value === undefined || info.unit !== "ratio"
    ? f
    : Object.assign(f, debtCountedOnceUsed(c, id, limit));
}

/** The smallest line `line`'s rules offer, in fen (whole hundreds of yuan, at least ¥100). */
const smallestLineOf = (c: Customer, id: LineId): Fen => smallestLine(rulesFor(c.policy, id));

/** The least an application could grant: an opening's smallest line, an increase's line at the limit it
 *  has (keptOnceUsed sizes anything more). */
export const leastGranted = (c: Customer, line: Line, increase: boolean): Fen =>
  increase ? line.limit : smallestLineOf(c, line.id);

/** The file an application's eligibility reads: the customer once the least it could grant is used
 *  (leastGranted). */
export const applicationFile = (c: Customer, line: Line, increase: boolean, day: number, inquiries = 0) =>
  usedInFull(c, line.id, leastGranted(c, line, increase), day, inquiries);

/** The debt the application's file counts (applicationFile's debtCounted), worked out without the copy: what
 *  an eligibility check reads of it (eligibilityFailures' `debt`), on every application and restoration. */
export function applicationDebt(c: Customer, line: Line, increase: boolean): Fen {
  return debtOnceUsed(c, line, leastGranted(c, line, increase));
}

/** The debt a ratio counts once `line` at `limit` is used (usedBalances), debt elsewhere included. */
export function debtOnceUsed(c: Customer, line: Line, limit: Fen): Fen {
  const { huabei, jiebei } = usedBalances(c, line.id, limit);
  return c.profile.externalDebt + huabei + jiebei;
}

/**
 * What the review would hold against `line` granted `limit` once the credit is used (usedInFull): the
 * facts of the suspension (the debt ratio, the score, no line at all) or of the cut (the score's band, a
 * cap) it would make — of the line, and of the customer's other active line: its suspension (for a
 * restoration, `restoring`, unless the review suspends it on the file as it is: `otherSuspendedNow`), or a
 * cut the grant is what makes, an application's alone
 * (`otherKeptWithout`: that line kept without the grant); its facts name it — empty when it would keep
 * both as they are. The score is the one the review
 * would read: the application's own inquiry counted, the balances reported. Each fact carries the limit
 * and that score (onceUsed, scoreOnceUsed): its numbers are not today's file's, and the trace says so.
 * `today`: a file and its score on `day`, when the caller has them: each file once used is scored from it
 * where it shares that file's record (scoreOnCopy), else whole.
 */
function reversedOnceUsed(
  c: Customer,
  line: Line,
  limit: Fen,
  day: number,
  inquiries: number,
  otherKeptWithout: () => boolean,
  otherSuspendedNow: () => boolean,
  today: ScoredFile | null,
  restoring: boolean,
): RuleFact[] {
  const used = usedInFull(c, line.id, limit, day, inquiries);
  const granted = lineOf(used, line.id);
  const s = scoreOnCopy(used, day, today);
  const own = reversal(used, granted, s);
  // one customer, one debt: the review judges the customer's other line on the same file — a grant that
  // makes it suspend or cut that line is taken back there, its facts saying which line. A suspension of it
  // holds an application's grant always: more credit is lent to no customer whose other line it takes past
  // that line's standard once used, the less to one past it already — left aside when the review suspends
  // that line on the file as it is, the customer ¥1 a month poorer, Jiebei at 1.01 of its cap, was granted
  // the Huabei increase the richer one, at 0.99, was refused (PROPERTY_SEED=9095). A restoration's
  // (`restoring`) is held unless the review suspends that line on the file as it is (otherSuspendedNow):
  // the line given back is the customer's own, and that line's failure its own (were one it meets only
  // once used without the grant left aside too, a customer whose other line fails once used even so — a
  // fen more debt elsewhere — would be restored where one that passes is not, that line left active). A
  // cut is held only when the grant causes it (the other line kept on the file without it): a cut due
  // anyway leaves that line open and holds nothing. Nor does a restoration's: the line given back is the
  // customer's own, and a cut leaves the other line open — held for it, a Jiebei restored at ¥1,000 would
  // have taken a Huabei restored that morning at ¥4,600 to its band's ¥3,000, and Jiebei stayed suspended
  // until closed as suspended too long, where the poorer twin, Huabei restored at ¥3,000, had both back
  const other = otherOf(used, granted);
  const theirs = other.status === "active" ? reversal(used, other, s) : null;
  if (own === null && theirs === null) return NOTHING_HELD;
  const counts =
    theirs !== null &&
    (theirs.decision === "suspended" ? !restoring || !otherSuspendedNow() : !restoring && otherKeptWithout());
  const facts = [
    ...(own?.facts ?? []),
    ...(counts ? theirs.facts.map((f) => ({ ...f, line: other.id })) : []),
  ];
  return facts
    .filter((f) => f.code !== "POLICY_CHANGE")
    .map((f) => withDebtCounted({ ...f, onceUsed: limit, scoreOnceUsed: s.score }, c, line.id, limit));
}

/** The cut of the customer's other active line that `line`, restored at `limit`, makes once used — which holds
 *  no restoration (reversedOnceUsed) and, made, is never given back unasked (a cut to the score's band) —
 *  as a fact on the restoration, held by nothing: the other line (`line`), its limit (`value`) and the one
 *  the cut takes it to (`threshold`), on the file once used (`onceUsed`, `scoreOnceUsed`). Null when the
 *  review keeps that line as it is once the line is used, or would cut it anyway (the line kept aside). */
export function otherCutOnceUsed(
  c: Customer,
  line: Line,
  limit: Fen,
  day: number,
  today: ScoredFile | null,
): RuleFact | null {
  const used = usedInFull(c, line.id, limit, day);
  const other = otherOf(used, lineOf(used, line.id));
  if (other.status !== "active") return null;
  const s = scoreOnCopy(used, day, today);
  const theirs = reversal(used, other, s);
  if (theirs?.decision !== "limit_reduced" || !otherKept(c, line.id, day, 0, today)) return null;
  return {
    code: "OTHER_LINE_CUT_ONCE_USED",
    line: other.id,
    threshold: theirs.limit,
    value: other.limit,
    onceUsed: limit,
    scoreOnceUsed: s.score,
  };
}

/** reversedOnceUsed's answer when the review keeps both lines: no list made for it (keptOnceUsed reads its
 *  length and never hands it out). */
const NOTHING_HELD: RuleFact[] = [];

/** The suspension or cut the review would make of `line` on the file `c` (score `s`), or null. */
const reversal = (c: Customer, line: Line, s: Scored) =>
  keptStandard(c, line, s) ?? lineManagement(c, line, s);

/** Whether the review keeps the other line than `id` (active) on the file once the credit is used without
 *  the grant — the lines as they are, the application's inquiries counted (the file was pulled either way). */
function otherKept(
  c: Customer,
  id: LineId,
  day: number,
  inquiries: number,
  today: ScoredFile | null,
): boolean {
  const used = usedInFull(c, null, 0, day, inquiries);
  const other = otherOf(used, lineOf(used, id));
  return reversal(used, other, scoreOnCopy(used, day, today)) === null;
}

/** Whether the review suspends the other line than `id` (active) on the file `c` as it is — the reports on
 *  record, nothing counted used: that line's own failure, which no restoration of this line is held to. */
function otherSuspended(c: Customer, id: LineId, day: number, today: ScoredFile | null): boolean {
  const other = otherOf(c, lineOf(c, id));
  return (
    other.status === "active" && reversal(c, other, scoreOnCopy(c, day, today))?.decision === "suspended"
  );
}

/**
 * The largest limit, at most `upper` and more than `above`, that the review would keep once used
 * (reversedOnceUsed): `upper` when it would be kept, else whole hundreds of yuan, no less than the
 * smallest line; null when none is. A larger limit used in full is more debt and a score no higher, so
 * the limits kept are those up to one: a search over whole hundreds finds it. `today`: a file and its
 * score on `day`, when the caller has them (usually `c` and its score): each file once used is scored from
 * it where it shares that file's record (scoreOnCopy), else whole. `restoring`: for a restoration, not an
 * application (reversedOnceUsed).
 */
export function keptOnceUsed(
  c: Customer,
  line: Line,
  upper: Fen,
  above: Fen,
  day: number,
  inquiries = 0,
  today: ScoredFile | null = null,
  restoring = false,
): { limit: Fen; facts: RuleFact[] } | { limit: null; facts: RuleFact[] } {
  let without: boolean | null = null;
  const otherKeptWithout = () => (without ??= otherKept(c, line.id, day, inquiries, today));
  let now: boolean | null = null;
  const otherSuspendedNow = () => (now ??= otherSuspended(c, line.id, day, today));
  const reversed = (limit: Fen) =>
    reversedOnceUsed(c, line, limit, day, inquiries, otherKeptWithout, otherSuspendedNow, today, restoring);
  const atUpper = reversed(upper);
  if (atUpper.length === 0) return { limit: upper, facts: [] };
  const hundred = 100 * FEN_PER_YUAN;
  let lo = Math.max(smallestLineOf(c, line.id) / hundred, Math.floor(above / hundred) + 1);
  let hi = Math.ceil(upper / hundred) - 1;
  if (lo > hi) return { limit: null, facts: atUpper };
  const kept = (k: number) => reversed(k * hundred).length === 0;
  const atLowest = reversed(lo * hundred);
  if (atLowest.length > 0) return { limit: null, facts: atLowest };
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (kept(mid)) lo = mid;
    else hi = mid - 1;
  }
  return { limit: lo * hundred, facts: atUpper };
}
