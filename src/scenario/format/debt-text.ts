// The debt advice in words: what to repay of which debt, or the income instead, by when and for which
// review, and how that review counts the lines.

import { dtiShown, type LineId, lineName, type Remedy } from "../../engine/index.js";
import { dueOn, linesNamed } from "./lines.js";
import { money } from "./money.js";

/** What brings the debt ratio an opening reads within its cap: debt elsewhere repaid, or an income. */
export function openDebtText(d: { repay: number | null; income: number | null }): string {
  const income =
    d.income === null
      ? null
      : `report a monthly income of at least ${money(d.income * 100)} (an income event)`;
  if (d.repay === null) return income ?? "pay down debt";
  const repay = `repay at least ${money(d.repay)} of the debt elsewhere (an external_repayment event)`;
  return income === null ? repay : `${repay}, or ${income}`;
}

/** How the review the debt advice names counts the lines: as the month-end report before it shows them —
 *  or, for a restoration, each line it counts used up to a limit so (the line restored at its smallest
 *  line, an active line at its own: repaying its balance lowers only what it owes above it), the rest as the report
 *  shows them. */
function countedText(
  r: Extract<Remedy, { kind: "reduce_debt" }>,
  report: string | null,
  lines: readonly LineId[],
): string {
  const shown = (them: "it" | "them") =>
    report === null
      ? `count${them === "it" ? "s" : ""} as reported at a month end`
      : `count${them === "it" ? "s" : ""} as ${report} shows ${them}, repayments made since the last one included`;
  const atLimit = r.restoring?.counted ?? [];
  if (atLimit.length === 0)
    return lines.length === 1
      ? `the ${linesNamed(lines)} balance ${shown("it")}: spending on it before it adds to what is needed`
      : `Huabei and Jiebei balances ${shown("them")}: spending on them before it adds to what is needed`;
  const share = r.restoring?.used ?? 1;
  const used = share >= 1 ? "used in full" : `${Math.round(share * 100)} % of the credit left on it used`;
  const each = atLimit.map(({ line, limit }) => {
    const name = lineName(line);
    // Jiebei restored is counted as its drawdowns are checked: what its debt cap lets be drawn within the
    // line, and its smallest loan at least (grant.ts usedBalances) — "used in full" beside a count of the
    // ¥506.20 loan, the cap leaving nothing more, read as ¥1,000 counted
    if (line === r.line && line === "jiebei")
      return `${name} at what it owes and ${share >= 1 ? "what" : `${Math.round(share * 100)} % of what`} its debt cap still lets be drawn within the ${money(limit)} smallest line it would be restored at, its smallest loan at least`;
    if (line === r.line)
      return `${name} at the ${money(limit)} smallest line it would be restored at, ${used}, or at what it owes if more`;
    return line === "jiebei"
      ? `${name} at what it owes and what its debt cap still lets be drawn within its ${money(limit)} limit`
      : share >= 1
        ? // counted at the limit or what it owes if more: "whatever its balance: repaying it lowers nothing
          // counted" beside a step that asked ¥291.76 of an over-limit Huabei balance repaid, which worked
          `${name} at its ${money(limit)} limit, ${used}, or at what it owes if more: repaying its balance lowers what is counted only while it owes more than that`
        : `${name} at what it owes and ${used} within its ${money(limit)} limit`;
  });
  // a line counted as the report shows it is a suspended one, which nothing can be spent on
  const others = (r.restoring?.reported ?? []).map((l) => `${lineName(l)}'s balance ${shown("it")}`);
  return `restoring counts ${[...each, ...others].join("; ")}`;
}

/** The incomes above the one told at which the review named does not leave the line active (it keeps the
 *  other line there, which this one restored or kept, used, would take past its cap), said after the step. */
export function notBetween(r: Extract<Remedy, { kind: "reduce_debt" | "report_income" }>): string {
  const gap = r.notBetween;
  if (gap === undefined) return "";
  const range =
    gap.to === null
      ? `from ${money(gap.from * 100)} on`
      : `from ${money(gap.from * 100)} to ${money(gap.to * 100)}`;
  const line = lineName(r.line);
  const other = lineName(gap.line);
  // the smallest line's income names no review of its own: the one the line's wait names
  const review = r.kind === "reduce_debt" ? "that review" : "the review that can restore it";
  // the income the two steps followed together need, played: "not from ¥335 to ¥389" alone left it to the
  // customer to work out ¥390, and whether it kept the other line too
  // played with nothing repaid: beside a step that also asks a repayment, said so, and what the repayment
  // does at the other line's income (¥250 with the ¥291.76 asked restored Jiebei: 'not from ¥250 to ¥282'
  // alone read as though it did not)
  const made = "repaid" in gap ? gap.repaid : undefined;
  const bare = made === undefined ? "" : " with nothing repaid";
  const repaid =
    made === undefined
      ? ""
      : made
        ? ` (with the repayment asked, the income ${other}'s step asks does)`
        : ` (nor with the repayment asked, at the income ${other}'s step asks)`;
  const both =
    gap.to === null
      ? ""
      : gap.both === null
        ? `; no monthly income${bare} leaves both ${line} and ${other} active at ${review}`
        : `; from ${money(gap.both * 100)} a month${bare}, ${review} leaves both ${line} and ${other} active`;
  return `. Not a monthly income ${range}${bare}${repaid}: ${review} then keeps ${other}, which ${line}, used, would take past its cap, and does not leave ${line} active${both}`;
}

/** The other line's debt step followed with this one, which leaves this line suspended at the review named
 *  (the two restored and used, one would fail its standard): what restores both, said after the step. */
function withOther(r: Extract<Remedy, { kind: "reduce_debt" }>): string {
  const both = r.withOther;
  if (both === undefined) return "";
  const line = lineName(r.line);
  const other = lineName(both.line);
  const held = `. Repaid with ${other}'s step (the larger of each amount), that review restores ${other} and not ${line} (the two restored and used, one would fail the standard a line is kept to)`;
  if (both.repay === null) return `${held}: no repayment restores both at that review`;
  const steps = both.repay.map((p) =>
    p.debt === "elsewhere"
      ? `${p.all ? "all" : "at least"} ${money(p.amount)} of the debt elsewhere`
      : `${p.all ? "the whole" : "at least"} ${money(p.amount)} of the ${lineName(p.debt)} balance`,
  );
  return `${held}: repay ${steps.join(" and ")} to restore both`;
}

/** A step raised past the amount the ratio needs (`raisedFor`): the line's own ratio as restoring reads it
 *  at the review named, and the rule that holds the line there with less repaid — a score said with its
 *  threshold, a ratio with its cap — each the line it is about and as that review reads it. */
function raisedText(r: Extract<Remedy, { kind: "reduce_debt" }>): string {
  const h = r.raisedFor!;
  const ratio = dtiShown(h.ratio);
  const own = `restoring ${lineName(r.line)} reads total debt / annual income at ${ratio.toFixed(2)}, ${ratio <= r.max ? "within" : "over"} ${r.max.toFixed(2)}`;
  const onceUsed =
    h.onceUsed === undefined ? "" : ` once ${lineName(r.line)} is used (at ${money(h.onceUsed)})`;
  const what = h.code.startsWith("SCORE_")
    ? `${lineName(h.line)}'s score${onceUsed} reads ${h.value}, short of the ${h.threshold} ${h.parameter} asks`
    : h.parameter.endsWith("DebtToIncome")
      ? `${lineName(h.line)}'s total debt / annual income${onceUsed} reads ${h.value.toFixed(2)}, over ${h.threshold.toFixed(2)} (${h.parameter})`
      : `${lineName(h.line)}'s ${h.parameter}${onceUsed} read at ${h.value} against ${h.threshold} (${h.code})`;
  return `${own} with only what that ratio needs repaid, but there ${what}`;
}

/** The debt advice: what to repay of which debt, by when, for which review — or the income instead — and
 *  the incomes above it that review would not honour, and the repayments the other line's step leaves it
 *  short with. */
export function reduceDebtText(
  r: Extract<Remedy, { kind: "reduce_debt" }>,
  lines: readonly LineId[],
): string {
  return `${debtPlanText(r, lines)}${notBetween(r)}${withOther(r)}`;
}

function debtPlanText(r: Extract<Remedy, { kind: "reduce_debt" }>, lines: readonly LineId[]): string {
  // worked out at the income the smallest line needs (asked for beside), not the one on record: said
  const at =
    r.atIncome === undefined
      ? ""
      : ` at a monthly income of ${money(r.atIncome * 100)}, the least ${r.atIncomeOf === undefined ? "the" : `${lineName(r.atIncomeOf)}'s`} smallest line needs (asked for beside),`;
  const ratio = `total debt / annual income from ${dtiShown(r.ratio).toFixed(2)}${at} to at most ${r.max.toFixed(2)}`;
  const review = `the periodic review on ${r.review.date} (day ${r.review.day})`;
  const income =
    r.income === null ? "a higher income" : `a monthly income of at least ${money(r.income * 100)}`;
  const report = r.report && `the month-end report on ${r.report.date} (day ${r.report.day})`;
  const steps = (r.repay ?? []).map((p) => {
    if (p.debt === "elsewhere")
      return `${p.all ? "all" : "at least"} ${money(p.amount)} of the debt elsewhere (an external_repayment event)`;
    return p.all
      ? `the whole ${money(p.amount)} owed on ${lineName(p.debt)}`
      : `at least ${money(p.amount)} of the ${lineName(p.debt)} balance`;
  });
  const byReport =
    r.report && r.repay?.some((p) => p.debt !== "elsewhere")
      ? ` by ${r.report.date} (day ${r.report.day})`
      : "";
  // repayments already made on the lines, and the minimums of the bills due before it, which the coming
  // report counts, are enough
  const done = `the repayments already made on ${linesNamed(lines)}, and each ${dueOn(lines)} falling due before it met at its minimum, which ${report ?? "the next month-end report"} counts,`;
  // (no repayment is enough when `repay` is null: said as such below, before any plan)
  const plan = r.repay === null || r.repay.length === 0 ? null : `repay ${steps.join(" and ")}${byReport}`;
  const counted = countedText(r, report, lines);
  if (r.missed !== null) {
    const first = `the periodic review on ${r.missed.date} (day ${r.missed.day}) reads the ${linesNamed(lines)} ${lines.length === 1 ? "balance" : "balances"} reported at the last month end, and there is too little debt elsewhere to repay to bring ${ratio} by then: reporting ${income} (an income event) does`;
    // no repayment at all: the review after it, which the lines' repayments would count at, comes after
    // the one that closes the line (closure_due says so)
    if (r.repay === null)
      return `${first} — no repayment does: repaid on the lines, the debt counts only from the next month-end report, at a review after the one that closes the line`;
    if (plan !== null && r.raisedFor !== undefined)
      return `${first}; at ${review}, ${raisedText(r)}: ${plan}, to bring it there (${counted})`;
    return plan === null
      ? `${first}; nothing more is to be repaid for ${review}: ${done} bring it there, unless more is spent on the lines before it`
      : `${first}; or ${plan}, to bring it there at ${review} (${counted})`;
  }
  // no repayment is enough for the review named (debt elsewhere too little, the lines' repayments counted
  // too late or counted once used): the income alone — "pay down debt, or report ¥401" asked a repayment
  // that, everything owed repaid, left Huabei suspended there and at every review after
  // — and with no income named (debtsFollowed: a step with nothing more to repay as its plan read it, whose
  // line the other one restored first takes past its cap): its ratio already within the cap, "report a
  // higher income to bring it from 0.40 to at most 0.50" was said of a ratio already there
  if (r.repay === null && r.income === null)
    return `no repayment brings total debt / annual income within ${r.max.toFixed(2)} at ${review}, not even everything owed repaid (${counted}): only a higher income (an income event) can, and no amount is worked out for it`;
  if (r.repay === null)
    return `report ${income} (an income event) to bring ${ratio} at ${review} — no repayment does, not even everything owed repaid (${counted})`;
  // the ratio is then what the report will show: within the limit already
  if (plan === null)
    return `nothing more to repay: ${done} bring total debt / annual income to ${dtiShown(r.ratio).toFixed(2)}, within ${r.max.toFixed(2)}, at ${review}, unless more is spent on the lines before it`;
  // raised, played, past what the ratio needs: for what holds the line at that review, said as it reads it
  if (r.raisedFor !== undefined)
    return `at ${review}, ${raisedText(r)}: ${plan}, to bring it there (${counted})`;
  // sized to the score restoration needs as well: the income, when one does it, brings both there too
  if (r.score !== null) {
    const or = r.income === null ? "" : `, or report ${income} (an income event),`;
    return `${plan}${or} to bring ${ratio} and the score to the ${r.score} restoration needs at ${review} (${counted})`;
  }
  return `${plan}, or report ${income} (an income event), to bring ${ratio} at ${review} (${counted})`;
}
