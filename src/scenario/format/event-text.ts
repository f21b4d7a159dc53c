// An event in words, as a step shows it: what it did on which line, and why a repayment applied nothing.

import { type Fen, type LineSnapshot, lineName, type ScenarioEvent, type Step } from "../../engine/index.js";
import { printable, printableName } from "../../shared/text.js";
import { onLine } from "./lines.js";
import { money } from "./money.js";

/** What a step's event text reads: the event, what it applied, and what its line owed after it. */
export type DescribedStep = Pick<Step, "event" | "applied" | "balance"> & {
  jiebei: Pick<LineSnapshot, "balance">;
};

/**
 * Why a repayment applied nothing, in words ("¥0.00 applied" read as a payment that failed): nothing owed
 * on the line, or nothing due yet — on Jiebei, no instalment falling due within the month that is not
 * already paid ahead. Null for any other step.
 */
export function nothingRepaid(s: DescribedStep): string | null {
  if (s.event.type !== "repay" || s.applied !== 0) return null;
  const owed = s.event.line === "jiebei" ? s.jiebei.balance : s.balance;
  if (owed === 0) return "nothing owed";
  // a Jiebei balance with nothing due within the month: the coming instalment is later, or what was
  // repaid ahead is held for it
  return s.event.line === "jiebei"
    ? "nothing due this month: the coming instalment falls due later or is already paid ahead"
    : "nothing due";
}

export function describeEvent(s: DescribedStep): string {
  const { event: e, applied } = s;
  switch (e.type) {
    case "repay": {
      const paid =
        e.amount.kind === "amount" && applied === e.amount.fen
          ? ""
          : ` (${nothingRepaid(s) ?? `${money(applied)} applied`})`;
      return `${eventWords(e)}${paid}`;
    }
    // what was repaid: no more than was owed elsewhere
    case "external_repayment":
      return eventWords({ ...e, amount: applied });
    case "policy":
      return eventWords({ type: "policy", use: e.use?.name ?? null, set: e.set });
    case "statement": {
      // the parts on top of the new purchases are added with "+" and summed: listed in brackets after the
      // new amount, they read as parts of it. The sum is the statement's balance, due by its due day (the
      // line's balance also holds instalments not yet billed).
      const of = e.instalments > 0 ? ` (of it ${money(e.instalments)} instalments)` : "";
      const parts: string[] = [];
      let due = 0;
      const add = (fen: Fen, what: string): void => {
        if (fen === 0) return;
        parts.push(`${money(fen)} ${what}`);
        due += fen;
      };
      add(e.billed, `new${of}`);
      add(e.fees, "fees");
      add(e.carried, "carried");
      add(e.carriedCharges, "charges");
      add(e.overdue, "overdue");
      // new purchases alone need no label: "statement ¥980.00" is all a plain month says
      const plain = parts.length === 1 && e.billed > 0 && e.instalments === 0;
      const head = `${e.closing ? "closing statement" : "statement"} ${parts.length === 0 || plain ? money(e.billed) : parts.join(" + ")}`;
      // a closed line's balance beyond what it states: instalments a closure in no default left to run to term
      const toTerm = e.toTerm > 0 ? `; instalment plans run to term, ${money(e.toTerm)} not yet billed` : "";
      return `${head}${parts.length > 1 ? ` = ${money(due)} due` : ""}, minimum ${money(e.minimum)}${toTerm}`;
    }
    case "due":
      // called in, it is the rest of the loans at once: "instalment" made ¥5,054.00 of a ¥12,000 loan over
      // 12 months read as one month's
      if (e.line === "jiebei")
        return e.calledIn
          ? `Jiebei due today ${money(e.due)}: the rest of its loans, called in`
          : `Jiebei instalment due today ${money(e.due)}`;
      return e.minimumUnpaid > 0
        ? `due today ${money(e.due)} (minimum ${money(e.minimumUnpaid)})`
        : `due today ${money(e.due)}`;
    case "dormant_notice":
      return `unused-line notice${onLine(e.line)}: the review on ${e.closeDate} closes it ${
        e.cleanUntil !== undefined
          ? `— suspended, it cannot be restored before then: its clean period ends on ${e.cleanUntil.date} (day ${e.cleanUntil.day}), so nothing keeps it open`
          : e.excluded
            ? "— suspended after a write-off, it is never restored, so nothing keeps it open"
            : `unless ${e.suspended ? "restored and used first" : "used"}`
      }`;
    case "overdue":
      return `overdue${onLine(e.line)} ${money(e.overdue)}, ${e.overdueDays} day${e.overdueDays === 1 ? "" : "s"} past due`;
    case "charge_off":
      return `charged off${onLine(e.line)}: ${money(e.writtenOff)} written off`;
    case "waiver":
      return `waived${onLine(e.line)}: ${money(e.waived)} left within the tolerance`;
    case "review":
      return `${e.requested ? "early review" : "periodic review"}${e.line === "jiebei" ? " of Jiebei" : ""}`;
    default:
      return eventWords(e);
  }
}

type Fields<E> = E extends unknown ? Omit<E, "day" | "index"> : never;

/** A customer's event as its words need it: the engine's fields without the day, a policy by its name. */
export type EventWords =
  | Fields<Exclude<ScenarioEvent, { type: "policy" }>>
  | { type: "policy"; use: string | null; set: object };

/**
 * A customer's event in words: the one wording of every surface — the trace and its golden file,
 * explain, the HTML pages, what-if's listing and its notes of the edits ("repay full", where the listing
 * said "repayment in full"). A step adds what it did (describeEvent: what a repayment applied).
 */
export function eventWords(e: EventWords): string {
  switch (e.type) {
    case "apply":
      return e.product === "open"
        ? `apply to open${e.line === "jiebei" ? " Jiebei" : ""}, ${money(e.amount)}`
        : `apply for +${money(e.amount)} limit${onLine(e.line)}`;
    case "purchase":
      return `purchase ${money(e.amount)}${e.merchant ? ` at ${printable(e.merchant)}` : ""}${e.instalments ? ` in ${e.instalments} instalments` : ""}`;
    case "borrow":
      return `borrow ${money(e.amount)} on Jiebei over ${e.term} months`;
    case "repay":
      return `repay${onLine(e.line)} ${e.amount.kind === "amount" ? money(e.amount.fen) : e.amount.kind}`;
    case "close":
      return `close ${lineName(e.line)}`;
    case "external_repayment":
      return `debt elsewhere repaid ${money(e.amount)}`;
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
      return [
        "policy",
        e.use !== null ? `→ ${printableName(e.use)}` : "",
        set.length ? `set ${set.join(", ")}` : "",
      ]
        .filter(Boolean)
        .join(" ");
    }
    case "contact_support":
      return "contact customer service";
    case "verify_identity":
      return "verify identity";
    // a line named, Huabei too: a request without one reviews whichever line is suspended
    case "request_review":
      return `request an early review${e.line === null ? "" : ` of ${lineName(e.line)}`}`;
    case "note":
      return `note: ${printable(e.text)}`;
  }
}
