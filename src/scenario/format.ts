// Text formatting shared by every renderer and by the golden trace: money, events, remedies. Locale-
// independent on purpose (toLocaleString varies with ICU data), so output is byte-identical on every
// machine. It lives below testing and render because both use it (the golden trace's event column).

import type { Fen, Remedy, StepEvent } from "../engine/index.js";
import { fenToYuan, REASONS, type ReasonCode } from "../engine/index.js";

/** ¥1,234.50 */
export function money(fen: Fen): string {
  const [whole = "0", cents = "00"] = fenToYuan(Math.abs(fen)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${fen < 0 ? "−" : ""}¥${grouped}.${cents}`;
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "±0";
}

export function reasonText(code: ReasonCode): string {
  return REASONS[code].text;
}

export function describeEvent(e: StepEvent, applied: Fen): string {
  switch (e.type) {
    case "apply":
      return e.product === "open"
        ? `apply to open, ${money(e.amount)}`
        : `apply for +${money(e.amount)} limit`;
    case "purchase":
      return `purchase ${money(e.amount)}${e.merchant ? ` at ${e.merchant}` : ""}`;
    case "repay": {
      const what = e.amount.kind === "amount" ? money(e.amount.fen) : e.amount.kind;
      const paid =
        e.amount.kind === "amount" && applied === e.amount.fen ? "" : ` (${money(applied)} applied)`;
      return `repay ${what}${paid}`;
    }
    case "change_profile":
      return `change bound ${e.field}`;
    case "external_debt":
      return `new debt elsewhere ${money(e.amount)}`;
    case "external_inquiry":
      return "credit application elsewhere";
    case "income":
      return `income now ${money(e.monthlyIncome * 100)}/month`;
    case "policy": {
      const set = Object.entries(e.set).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
      return ["policy", e.use ? `→ ${e.use.name}` : "", set.length ? `set ${set.join(", ")}` : ""]
        .filter(Boolean)
        .join(" ");
    }
    case "contact_support":
      return "contact customer service";
    case "verify_identity":
      return "verify identity";
    case "request_review":
      return "request an early review";
    case "note":
      return `note: ${e.text}`;
    case "statement":
      return `statement ${money(e.billed)}${e.carried > 0 ? ` (${money(e.carried)} carried)` : ""}, minimum ${money(e.minimum)}`;
    case "due":
      return e.minimumUnpaid > 0
        ? `due today ${money(e.due)} (minimum ${money(e.minimumUnpaid)})`
        : `due today ${money(e.due)}`;
    case "overdue":
      return `overdue ${money(e.overdue)}, ${e.overdueDays} days past due`;
    case "review":
      return e.requested ? "early review" : "periodic review";
  }
}

export function describeRemedy(r: Remedy): string {
  switch (r.kind) {
    case "pay_overdue":
      return `pay the overdue ${money(r.amount)} now`;
    case "pay_balance":
      return `repay the outstanding ${money(r.amount)}`;
    case "verify_identity":
      return "verify your identity (a verify_identity event)";
    case "raise_score": {
      const advice = r.drivers.slice(0, 3).map((d) => REASONS[d].advice);
      return `raise the score from ${r.current} to ${r.needed}: ${advice.join("; ")}`;
    }
    case "wait_for_review":
      return `the next periodic review is on ${r.date} (day ${r.day})`;
    case "wait_for_inquiries":
      return `recent applications stop counting against you on ${r.date} (day ${r.day}); do not apply before`;
    case "on_record":
      return `on record since ${r.date} (day ${r.day}): ${r.reasons.map((c) => REASONS[c].text.toLowerCase()).join("; ")}`;
    case "reapply":
      return "nothing is owed; apply to open a new account once the score meets the policy";
    case "reduce_debt":
      return `bring total debt / annual income from ${r.ratio.toFixed(2)} to at most ${r.max.toFixed(2)}`;
    case "keep_clean_until":
      return `repay every bill on time until ${r.date} (day ${r.day}): restoration needs a clean period after an overdue`;
  }
}
