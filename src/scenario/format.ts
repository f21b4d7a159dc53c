// Text formatting shared by every renderer and by the golden trace: money, events, remedies. Locale-
// independent on purpose (toLocaleString varies with ICU data), so output is byte-identical on every
// machine. It lives below testing and render because both use it (the golden trace's event column).

import {
  ACTIVITY_MIN_PURCHASE_TEXT,
  type CalledIn,
  type Cause,
  type Decision,
  dtiShown,
  explain,
  FEN_PER_YUAN,
  type Fen,
  fenToYuan,
  LIMIT_CAP_CODES,
  type LineId,
  type LineSnapshot,
  lineName,
  type OverdueAction,
  type OverdueCallIn,
  type OverdueCut,
  REASONS,
  type ReasonCode,
  type ReasonInfo,
  type Remedy,
  type RuleFact,
  SCORE_MAX,
  type ScenarioEvent,
  type ScoreBars,
  type ScoreInputs,
  type Snapshot,
  type Status,
  type Step,
} from "../engine/index.js";
import { grouped, printable } from "../shared/text.js";

/** ¥1,234.50 */
export function money(fen: Fen): string {
  const [whole = "0", cents = "00"] = fenToYuan(Math.abs(fen)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${fen < 0 ? "−" : ""}¥${grouped}.${cents}`;
}

/** ¥1,234.50 from yuan (reports that keep money in yuan: the HTML page, what-if's advice). */
export const yuanText = (yuan: number): string => money(Math.round(yuan * 100));

/** ¥1,235 from yuan, to the whole yuan (a population's amounts): rounded half away from zero, so that a loss
 *  and a negative profit of one amount read alike, and never "−¥0". */
export const wholeYuanText = (yuan: number): string =>
  money(Math.sign(yuan) * Math.round(Math.abs(yuan)) * 100).slice(0, -".00".length);

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "±0";
}

export function reasonText(code: ReasonCode): string {
  return REASONS[code].text;
}

/** `code`'s words on a step whose scorecard read `inputs`: a score reason's milder words (`mild`) when every
 *  characteristic that cites it kept at least half its points — near its maximum, a key factor only for
 *  costing the most of what is left, not "high" or "short" — else its text. */
export function reasonTextIn(code: ReasonCode, inputs: ScoreInputs): string {
  const info: ReasonInfo = REASONS[code];
  if (info.mild === undefined) return info.text;
  const citing = explain(inputs).filter(
    (f) =>
      (inputs[f.characteristic.id] === null ? f.characteristic.missing?.reason : f.characteristic.reason) ===
      code,
  );
  return citing.length > 0 && citing.every((f) => f.points * 2 >= f.characteristic.max)
    ? info.mild
    : info.text;
}

/** A decision's reason recalled later (the run's summary, read at its end): in its words for then where
 *  it has them ("A repayment was past due that day", not "… is past due right now" of a line since
 *  repaid), else as the step said it. */
export function reasonRecordedIn(code: ReasonCode, inputs: ScoreInputs): string {
  const info: ReasonInfo = REASONS[code];
  return info.recorded ?? reasonTextIn(code, inputs);
}

/** Huabei / Jiebei, as the trace names the lines. */
// a line as people call it (the engine names lines in expectations too)
export { lineName };

/** A line's standing in words: "active", "suspended (credit)", "charged off (credit)" — the cause said
 *  wherever the lender set one. */
export function statusText(status: Status, cause: Cause | null): string {
  const text = status.replace("_", " ");
  return status !== "active" && status !== "none" && cause !== null ? `${text} (${cause})` : text;
}

/** A decision in words, as the trace, the summary and the explanations say it: "limit reduced", "charged
 *  off", "approved lower" — JSON, scenario files' expectations and the reason catalogue keep the
 *  vocabulary's names (`limit_reduced`). */
export const decisionText = (decision: Decision): string => decision.replaceAll("_", " ");

/** Products named in a reason's text: a name, not a word that starts a sentence. */
const PROPER_NOUNS = new Set(["Huabei", "Jiebei"]);

/** A reason's text inside a sentence ("…; the reasons recorded then: huabei balance…" read as a typo): its
 *  first letter in lower case, unless it starts with a product's name. */
const inSentence = (code: ReasonCode): string => sentenceCase(REASONS[code].text);

/** A reason recorded on an earlier day, inside a sentence: in its words for then, where it has them. */
const recordedInSentence = (code: ReasonCode): string => {
  const info: ReasonInfo = REASONS[code];
  return sentenceCase(info.recorded ?? info.text);
};

const sentenceCase = (text: string): string => {
  const first = text.split(" ", 1)[0] ?? "";
  return PROPER_NOUNS.has(first) ? text : text.charAt(0).toLowerCase() + text.slice(1);
};

/** " on Jiebei" for events on Jiebei: Huabei is the default line and goes unnamed, as in scenario files. */
const onLine = (line: LineId): string => (line === "jiebei" ? " on Jiebei" : "");

/** The lines a customer has, as a step shows them: one opened and not closed with nothing owed (a line
 *  never opened, or closed and settled, has nothing falling due and no balance to speak of). */
export function linesHeld(
  at: Pick<LineSnapshot, "status" | "balance"> & { jiebei: Pick<LineSnapshot, "status" | "balance"> },
): LineId[] {
  const has = (l: Pick<LineSnapshot, "status" | "balance">) =>
    l.status !== "none" && (l.status !== "closed" || l.balance > 0);
  return [...(has(at) ? (["huabei"] as const) : []), ...(has(at.jiebei) ? (["jiebei"] as const) : [])];
}

/** Both lines: the words when the lines a customer has are not known. */
const BOTH_LINES: readonly LineId[] = ["huabei", "jiebei"];

/** What falls due on `lines`, after "every" or "each": Huabei's bills, Jiebei's instalments, or both (either,
 *  when neither line is held: no line to name). */
const dueOn = (lines: readonly LineId[]): string =>
  lines.length === 1 ? (lines[0] === "huabei" ? "bill" : "instalment") : "bill and instalment";

/** The lines by name: "Huabei and Jiebei", or the one held. */
const linesNamed = (lines: readonly LineId[]): string =>
  lines.length === 1 ? lineName(lines[0]!) : "Huabei and Jiebei";

/** A reason's advice in words for the lines held: its bills and instalments (the words for both, which
 *  the advice says when the lines are not known) name only what falls due on them; a line it asks to be
 *  used that the customer does not have (never opened, or closed) is to be opened first. */
export const forLines = (advice: string, lines: readonly LineId[]): string =>
  advice
    .replaceAll("every bill and instalment", `every ${dueOn(lines)}`)
    .replaceAll("bills and instalments", lines.length === 1 ? `${dueOn(lines)}s` : "bills and instalments")
    .replaceAll(
      "use Huabei and",
      lines.includes("huabei") ? "use Huabei and" : "open Huabei (apply, product: open), use it and",
    );

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
      if (e.line === "jiebei") return `Jiebei instalment due today ${money(e.due)}`;
      return e.minimumUnpaid > 0
        ? `due today ${money(e.due)} (minimum ${money(e.minimumUnpaid)})`
        : `due today ${money(e.due)}`;
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
        e.use !== null ? `→ ${printable(e.use)}` : "",
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

/** A remedy in words, naming Jiebei when it is about Jiebei; `lines`: the lines the customer has
 *  (linesHeld), the only ones it speaks of. */
export function describeRemedy(r: Remedy, lines: readonly LineId[] = BOTH_LINES): string {
  const text = remedyText(r, lines);
  return r.line === "jiebei" ? `Jiebei: ${text}` : text;
}

/** The event that asks for an early review of `line`: without `line:` a request reviews the first line
 *  suspended, Huabei when both are, so Jiebei's is named. */
const requestReviewOf = (line: LineId): string =>
  line === "jiebei" ? "request_review with line: jiebei" : "request_review";

/** The application that raises `line`'s limit: one without `line:` raises Huabei's, so Jiebei's is named. */
const increaseOf = (line: LineId): string =>
  line === "jiebei" ? "apply with line: jiebei, product: increase" : "apply, product: increase";

/** What the periodic review a pay step names does for the overdue: the lines it suspends, the limits it
 *  cuts (a suspended line's with its suspension; "the limit" is the step's own line's), and what a cut
 *  paying makes smaller leaves. */
function atReview(r: Extract<Remedy, { kind: "pay_overdue" }>): string {
  const cuts = r.cuts ?? [];
  const cut = (c: OverdueCut) =>
    `cut from ${money(c.from)} to ${money(c.to)}${c.paid === undefined ? "" : ` (to ${money(c.paid)} if it is paid)`}`;
  const clauses: string[] = [];
  const closes = closesAtReview(r);
  const suspends = r.suspends ?? (cuts.length === 0 && !closes ? [r.line] : []);
  if (suspends.length > 0) {
    const which = suspends.map(lineName).join(" and ");
    const own = suspends.length === 1 ? cuts.find((c) => c.line === suspends[0]) : undefined;
    clauses.push(
      `a repayment is past due at the review and ${which} ${suspends.length > 1 ? "are" : "is"} suspended${own ? `, its limit ${cut(own)}` : ""}`,
    );
  }
  for (const c of cuts) {
    if (suspends.length === 1 && c.line === suspends[0]) continue;
    clauses.push(`${c.line === r.line ? "the limit" : `${lineName(c.line)}'s limit`} is ${cut(c)}`);
  }
  if (closes) for (const l of r.callsIn?.lines ?? []) clauses.push(callsIn(l));
  return clauses.join(", and ");
}

/** Whether the review a pay step names is the one that closes a line and calls its instalments in (not
 *  a later one, said after it). */
const closesAtReview = (r: Extract<Remedy, { kind: "pay_overdue" }>): boolean =>
  r.callsIn !== undefined &&
  (r.today === "review" || (r.by?.what === "review" && r.by.day === r.callsIn.day));

/** What a closure in a default calls in: a line's instalments, due at once rather than as they would fall
 *  due. */
function callsIn(l: OverdueCallIn): string {
  return `${lineName(l.line)} is closed in default and ${calledInAtOnce(l.line, l, "")}`;
}

/** A line's instalments called in (`are`: said on its own, not after "is closed in default and"): what
 *  then falls due at once, and when. */
function calledInAtOnce(line: LineId, l: CalledIn, are: "" | "are "): string {
  const what = line === "jiebei" ? "its loans" : "its instalment plans";
  const rest = l.lastDay === l.day ? "" : `, the rest by ${l.lastDate} (day ${l.lastDay})`;
  return `${what} ${are}called in: ${money(l.amount)} falls due at once on ${l.date} (day ${l.day})${rest}, not instalment by instalment`;
}

/** What the closure customer service announces does to a running loan on the line: called in, or left to
 *  run to term — what falls due next, and when. */
function closureLoans(r: Extract<Remedy, { kind: "closure_due" }>): string {
  if (r.callsIn !== undefined)
    return `; the closure answers a default, so ${calledInAtOnce(r.line, r.callsIn, "are ")}`;
  if (r.toTerm === undefined) return "";
  const what = r.line === "jiebei" ? "its loans run" : "its instalment plans run";
  const last =
    r.toTerm.lastDay === r.toTerm.day ? "" : `, the last on ${r.toTerm.lastDate} (day ${r.toTerm.lastDay})`;
  return `; ${what} to term after it: ${money(r.toTerm.amount)} falls due on ${r.toTerm.date} (day ${r.toTerm.day})${last}`;
}

/** What a write-off the pay step names calls in, after what it says the write-off does. */
const writeOffCallsIn = (r: Extract<Remedy, { kind: "pay_overdue" }>): string =>
  r.chargeOffCallsIn === undefined ? "" : `, and ${calledInAtOnce(r.line, r.chargeOffCallsIn, "are ")}`;

/** A periodic review that closes a line in default while the overdue is unpaid. */
const closesUnpaid = (c: { day: number; date: string; lines: readonly OverdueCallIn[] }): string =>
  `unpaid at the periodic review on ${c.date} (day ${c.day}), ${c.lines.map(callsIn).join(", and ")}`;

/** What comes later if the overdue stays unpaid, in the order it comes: the end-of-day check after the
 *  review the pay step names (`afterwards`), and each periodic review that closes a line in default —
 *  `callsIn`'s, unless it is the review named, and the other line's at a later one (`callsInLater`). A
 *  check acts before a review on the same day. */
function laterCallsIn(r: Extract<Remedy, { kind: "pay_overdue" }>, afterwards = false): string {
  const ahead: { day: number; text: string }[] = [];
  if (afterwards && r.afterwards) ahead.push({ day: r.afterwards.day, text: overdueUnpaid(r.afterwards, r) });
  if (r.callsIn !== undefined && !closesAtReview(r))
    ahead.push({ day: r.callsIn.day, text: closesUnpaid(r.callsIn) });
  if (r.callsInLater !== undefined)
    ahead.push({ day: r.callsInLater.day, text: closesUnpaid(r.callsInLater) });
  return ahead
    .sort((a, b) => a.day - b.day)
    .map((a) => `; ${a.text}`)
    .join("");
}

/** A check at the end of a day that acts on an overdue still unpaid then. */
const overdueUnpaid = (
  w: { day: number; date: string; what: Exclude<OverdueAction, "review"> },
  r: Extract<Remedy, { kind: "pay_overdue" }>,
): string =>
  `unpaid at the end of ${w.date} (day ${w.day}), ${
    w.what === "charge_off"
      ? `the debt is written off (charged off) and no line is offered again${writeOffCallsIn(r)}`
      : tooLongPastDue(r.forCredit)
  }`;

/** What the overdue check's suspension does: the open lines suspended — and a line suspended already
 *  (`forCredit`) suspended for credit now, the delinquency the customer's. */
function tooLongPastDue(forCredit?: { lines: readonly LineId[]; open: boolean }): string {
  if (forCredit === undefined) return "it is too long past due and the customer's open lines are suspended";
  const which = forCredit.lines.map(lineName).join(" and ");
  const credit = `${which}'s suspension${forCredit.lines.length > 1 ? "s become ones" : " becomes one"} for credit, the delinquency the customer's`;
  return forCredit.open
    ? `it is too long past due: the customer's open lines are suspended, and ${credit}`
    : `it is too long past due and ${credit}`;
}

/** What falls due next, before it falls due: how much, by when it counts as paid on time, and what
 *  missing it costs. */
function nextDueText(r: Extract<Remedy, { kind: "next_due" }>): string {
  const jiebei = r.line === "jiebei";
  const what = jiebei
    ? `the ${money(r.amount)} instalment${r.interest !== undefined && r.interest > 0 ? ` (${money(r.interest)} of it interest)` : ""}`
    : `the ${money(r.amount)} statement balance`;
  const onTop =
    r.onTopOf === undefined
      ? ""
      : `, on top of the ${money(r.onTopOf)} asked above (a repayment pays that first)`;
  const head = `next due: ${what} falls due on ${r.date} (day ${r.day})${onTop}`;
  if (r.by === undefined) return `${head}; its minimum is met already`;
  const by =
    r.by.before !== undefined
      ? `by ${r.by.date} (day ${r.by.day}), before the next ${jiebei ? "instalment" : "bill"} falls due on day ${r.by.before} (a repayment then pays that first)`
      : r.by.day === r.day
        ? `by ${r.by.date} (day ${r.by.day}), the due day itself`
        : `by ${r.by.date} (day ${r.by.day}), the last of its grace days`;
  const pay = jiebei
    ? `pay it ${by}, and it counts as paid on time`
    : r.minimum >= r.amount
      ? `pay it ${by}, and it counts as paid on time`
      : `pay it, or at least the ${money(r.minimum)} minimum, ${by}, and it counts as paid on time`;
  const rate = `${Number((r.penalty * 100).toFixed(4))} %`;
  const missed = jiebei
    ? `missed, the instalment is overdue: its principal bears a penalty of ${rate} a day instead of interest, from the day after the due day, and a missed due date goes on the record`
    : `missed, the whole bill is overdue: its unpaid principal bears a penalty of ${rate} a day, from the day after the due day, and a missed due date goes on the record`;
  const suspends =
    r.suspends === undefined
      ? ""
      : `; still unpaid on ${r.suspends.date} (day ${r.suspends.day}), ${r.suspends.days} days past due, the customer's open lines are suspended`;
  return `${head}: ${pay}; ${missed}${suspends}`;
}

/** A remedy in words, naming no line: what `describeRemedy` says, or a step the customer takes whatever
 *  the line (a verification, the clean period) when both lines give it. */
export function remedyText(r: Remedy, lines: readonly LineId[] = BOTH_LINES): string {
  switch (r.kind) {
    case "pay_due": {
      // by when: the last of its grace days (today, or a later date), as the engine decides it
      const by =
        r.by === undefined
          ? null
          : r.by.today
            ? "today, the last day it counts as paid on time"
            : `by ${r.by.date} (day ${r.by.day}), the last of its grace days`;
      const when = by === null ? " (its grace days are running out)" : ` ${by}`;
      return r.calledIn
        ? `pay the ${money(r.amount)} due${when}: ${r.line === "jiebei" ? "the loans were called in, all of each due at once, not an instalment" : "the line is closed, all of what its statement billed due, not a minimum"} — unpaid, it falls into arrears`
        : r.onTopOf === undefined
          ? `pay the ${money(r.amount)} ${r.line === "jiebei" ? "instalment" : "minimum"} due${when}: unpaid, it falls into arrears`
          : `pay the ${money(r.amount)} ${r.line === "jiebei" ? "instalment" : "minimum"} due too, ${money(r.amount + r.onTopOf)} with the overdue (a repayment clears the overdue first)${by === null ? "; its grace days are running out" : `, ${by}`}: unpaid, it falls into arrears`;
    }
    case "next_due":
      return nextDueText(r);
    case "pay_overdue":
      if (r.today === "review" || r.by?.what === "review") {
        const at = r.by ? `the periodic review on ${r.by.date} (day ${r.by.day})` : "today's periodic review";
        return `pay the overdue ${money(r.amount)} ${r.by ? "now" : "today"}: unpaid at ${at}, ${atReview(r)}${laterCallsIn(r, true)}`;
      }
      return `${
        r.today === "charge_off"
          ? `pay the overdue ${money(r.amount)} today: unpaid at the end of the day, the debt is written off (charged off) and no line is offered again${writeOffCallsIn(r)}`
          : r.today === "suspension"
            ? `pay the overdue ${money(r.amount)} today: unpaid at the end of the day, ${tooLongPastDue(r.forCredit)}`
            : r.by !== undefined
              ? `pay the overdue ${money(r.amount)} now: ${overdueUnpaid({ ...r.by, what: r.by.what }, r)}`
              : `pay the overdue ${money(r.amount)} now`
      }${laterCallsIn(r, true)}`;
    case "pay_balance": {
      const t = r.toTerm;
      const d = r.calledIn;
      if (t === undefined && d !== undefined) {
        // called in: due at once, not instalment by instalment — what falls due next, and when
        const all = d.amount >= r.amount && d.lastDay === d.day;
        const rest = d.lastDay === d.day ? "" : `, the rest by ${d.lastDate} (day ${d.lastDay})`;
        const whole = d.amount > r.amount ? "— all of it, with its interest until then — " : "— all of it — ";
        return `repay the outstanding ${money(r.amount)}: it was called in, ${money(d.amount)} ${all ? whole : ""}due on ${d.date} (day ${d.day})${rest}`;
      }
      if (t === undefined) return `repay the outstanding ${money(r.amount)}`;
      const last = t.lastDay === t.day ? "" : `, the last on ${t.lastDate} (day ${t.lastDay})`;
      // Huabei's next may be what its closing statement billed, due in full, before the plans' instalments
      const running =
        r.line === "huabei"
          ? "the instalment plans run to term"
          : "the loans run to term, instalment by instalment";
      // part of it what the closing statement called in, due in full: each part said as what it is
      const parts =
        t.calledIn === undefined
          ? ""
          : ` — ${money(t.calledIn)} of it called in by the closure, due in full as its statements bill it, the rest`;
      // a closed line reopens only once nothing is owed on it: for that, repaying is the step
      const reopen =
        r.reopen === undefined
          ? ""
          : `, but the line reopens only once nothing is owed on it: to open it again, repay all ${money(r.reopen)} first`;
      return `the ${money(r.amount)} owed falls due${parts} as ${running}: the next ${money(t.amount)} on ${t.date} (day ${t.day})${last}; repaying sooner is optional${reopen}`;
    }
    case "verify_identity":
      return "verify your identity (a verify_identity event)";
    case "raise_score": {
      // every driver named: the JSON's list and the text agree, and the steps together reach the score
      const advice = withoutRepeats([...new Set(r.drivers.map((d) => forLines(REASONS[d].advice, lines)))]);
      // numbered: an advice may hold a semicolon of its own, and the steps must read as steps
      const steps = advice.length === 1 ? advice : advice.map((a, i) => `(${i + 1}) ${a}`);
      // the score the review reads, when it is not today's: from the coming report, or a later one's
      const raise =
        r.ahead?.report != null && r.review !== undefined
          ? `raise the score from ${r.current} to ${r.needed} by the periodic review on ${r.review.date} (day ${r.review.day}), the first that can restore the line (${r.current} is what it reads as things stand — each bill met at its minimum, nothing more spent: the Huabei balance the month ends before it report, the last on ${r.ahead.report.date} (day ${r.ahead.report.day}), lowers the score; ${r.ahead.today} today)`
          : r.ahead?.report === null
            ? `raise the score from ${r.current} to ${r.needed} (${r.current} is what the next periodic review reads on its day, the bills due before it met at their minimum; ${r.ahead.today} today)`
            : r.ahead !== undefined
              ? `raise the score from ${r.current} to ${r.needed} (${r.current} is what the next periodic review reads from the month-end report on ${r.ahead.report.date} (day ${r.ahead.report.day}), which counts the repayments and the spending since the last one; ${r.ahead.today} today)`
              : r.review !== undefined
                ? `raise the score from ${r.current} today to ${r.needed} by the periodic review on ${r.review.date} (day ${r.review.day}), the first that can restore the line: it reads the score then, from the month-end report before it, which what is spent and repaid until then moves`
                : `raise the score from ${r.current} to ${r.needed}`;
      if (r.reach === undefined) return `${raise}: ${steps.join(" ")}`;
      // said before the steps, so that they are not taken for a way there
      const out =
        r.needed > SCORE_MAX
          ? `no score reaches ${r.needed} (the scorecard's highest is ${SCORE_MAX})`
          : `out of the customer's reach today: all these steps together reach at most ${r.reach}, the rest only time brings`;
      return `${raise} — ${out}: ${steps.join(" ")}`;
    }
    case "repay_in_full": {
      // past the due day, in its grace days: by the last of them, when a repayment in full still counts
      const by =
        r.grace === undefined
          ? "by its due date"
          : `by the last of its grace days, ${r.grace.date} (day ${r.grace.day}) — its due date has passed`;
      return r.keeps
        ? `repay Huabei's bill due on ${r.due.date} (day ${r.due.day}) in full, ${money(r.amount)}, ${by}: the next periodic review, on ${r.review.date} (day ${r.review.day}), then keeps the line — met only at its minimum, the bill counts as not repaid in full and that review reads a score of ${r.reads}, below the ${r.needed} an account must keep`
        : `repay Huabei's bill due on ${r.due.date} (day ${r.due.day}) in full, ${money(r.amount)}, ${by}: the next periodic review, on ${r.review.date} (day ${r.review.day}), then restores the line — met only at its minimum, the bill counts as not repaid in full and that review reads a score of ${r.reads}, short of the ${r.needed} restoring the line needs`;
    }
    case "wait_for_review": {
      // the score the review reads from the coming report, when today's is short of it
      const sc = r.score;
      const reads =
        sc === undefined
          ? ""
          : sc.report === null
            ? ` — on its day, the bills due before it met at their minimum, the next review reads a score of ${sc.reads}, meeting the ${sc.needed} restoring the line needs (${sc.today} today)`
            : ` — from the month-end report on ${sc.report.date} (day ${sc.report.day}), which counts the repayments made since the last one, the next review reads a score of ${sc.reads}, meeting the ${sc.needed} restoring the line needs (${sc.today} today)`;
      // the report that review reads, when reading it is what leaves nothing in the way (today's record
      // does not: the debt ratio on it, say); named once when the score above names it
      const report =
        r.reads === undefined || sc !== undefined
          ? ""
          : `, reading the month-end report on ${r.reads.date} (day ${r.reads.day}), which counts the repayments made since the last one (the bills due before it paid at least at their minimum)`;
      // an early review now restores the line, reading today's record; the next periodic one would not
      // the lower limit a review restores the line at, when one does (kept, earlyKept)
      // restored at a lower limit than its own: said, with which bound gives it
      const atKept = (k: { limit: number; of: number; onceUsed: boolean } | undefined, what: string) =>
        k === undefined
          ? ""
          : k !== r.kept && k.limit === r.kept?.limit
            ? ` at the same ${money(k.limit)}`
            : ` at ${money(k.limit)}, not its ${money(k.of)}: ${k.onceUsed ? "the most it keeps once used" : "the policy's line management cuts it"}, as ${what} reads the customer`;
      const pr = r.periodic;
      if (r.ready && pr !== undefined && r.early?.now === true)
        return `nothing more is needed: an early review (${requestReviewOf(r.line)}) now restores the line${atKept(r.earlyKept, "it")}, reading today's record; the ${r.later ? "periodic review" : "next periodic review"} on ${r.date} (day ${r.day}) would not as things stand: ${pr.report === null ? "on its day" : `reading the month-end report on ${pr.report.date} (day ${pr.report.day})`}, the bills due before it met at their minimum, it reads a score of ${pr.reads}, short of the ${pr.needed} restoring the line needs`;
      if (r.ready) {
        // nothing is asked above: no "once what is asked above is done"
        const early =
          r.early === null
            ? ""
            : `; or ask for an early review (${requestReviewOf(r.line)}) ${r.early.now ? "now" : `from ${r.early.date} (day ${r.early.day})`}${r.earlyKept === undefined ? "" : `, which restores it${atKept(r.earlyKept, "that review")}`}`;
        return `nothing more is needed: as things stand, the ${r.later ? "periodic review" : "next periodic review"} on ${r.date} (day ${r.day}) restores the line${atKept(r.kept, "the review")}${report}${reads}${early}`;
      }
      const income = r.withIncome;
      const review =
        income?.day === r.day
          ? `the ${r.later ? "first periodic review that can restore it" : "next periodic review"} is on ${r.date} (day ${r.day}), and only once the higher income asked above is reported: the repayments count too late for it`
          : income
            ? `the first periodic review the repayments asked above can restore it at is on ${r.date} (day ${r.day}); the one on ${income.date} (day ${income.day}) only once the higher income asked above is reported`
            : r.later
              ? `the first periodic review that can restore it is on ${r.date} (day ${r.day})`
              : `the next periodic review is on ${r.date} (day ${r.day})`;
      // no review restores the line under this policy: said first, and what would
      const bars = r.policyBars;
      if (bars?.atIncome !== undefined)
        return `no review restores the line under the current policy, whatever the customer does: the largest limit its income multiple allows at any income (${money(bars.atIncome)} a month), ${money(bars.largest)}, is below its smallest line, ${money(bars.smallest)} — only a change of policy that offers a line (a larger income multiple, or a smaller smallest line) would, at a review after it; ${review}`;
      if (bars !== undefined)
        return `no review restores the line under the current policy, whatever the customer does: the largest limit it offers, ${money(bars.largest)}, is below its smallest line, ${money(bars.smallest)} — only a change of policy that offers a line (a larger limit, or a smaller smallest line) would, at a review after it; ${review}`;
      const sb = r.scoreBars;
      if (sb?.whileOpen !== undefined)
        return `no review restores the line under the current policy while Huabei is open: ${scoreBarsText(sb, "the line restored")}, Huabei counted used beside it — so no early review, higher income or higher score can while it is; with Huabei closed owing nothing, a file could reach it (its score raised too), and a change of the lender's policy (a lower ${sb.parameter}) would; ${review}`;
      if (sb !== undefined)
        return `no review restores the line under the current policy, whatever the customer does: ${scoreBarsText(sb, "the line restored")} — so no early review, higher income or higher score can; only a change of the lender's policy (a lower ${sb.parameter}) would, at a review after it; ${review}`;
      // only the clean period in the way: that review restores the line, said at the lower limit it does
      const restores =
        r.kept === undefined ? "" : `, which restores the line${atKept(r.kept, "that review")}`;
      if (r.early === null) return `${review}${restores}${reads}`;
      const from = r.early.now ? "today" : `from ${r.early.date} (day ${r.early.day})`;
      const earlyAt =
        r.earlyKept === undefined ? "" : ` (it restores the line${atKept(r.earlyKept, "that review")})`;
      return `${review}${restores}${reads}; or ask for an early review (${requestReviewOf(r.line)}) ${from}, once what is asked above is done${earlyAt}`;
    }
    case "wait_for_inquiries":
      return `recent applications stop counting against you on ${r.date} (day ${r.day}); do not apply before`;
    case "verify_suspends": {
      const reasons = r.reasons.map(inSentence).join("; ");
      return `as things stand, verifying lifts the security hold but leaves the line suspended, for ${r.cause}: ${reasons}; take the steps for that first`;
    }
    case "review_suspends": {
      const reasons = r.reasons.map(inSentence).join("; ");
      return `as things stand, the periodic review on ${r.date} (day ${r.day}) suspends the line: ${reasons}`;
    }
    case "review_cuts": {
      const reasons = r.reasons.map(inSentence).join("; ");
      return `as things stand, the periodic review on ${r.date} (day ${r.day}) cuts the limit from ${money(r.from)} to ${money(r.to)}: ${reasons}`;
    }
    case "waived_unless_paid":
      return r.overdue
        ? `${money(r.amount)} of arrears left within the tolerance after the loan's last due day: unpaid, it is waived at the end of ${r.date} (day ${r.day}) and the overdue ends (the missed due date stays on the record)`
        : `${money(r.amount)} left within the tolerance: unpaid, it is waived on ${r.date} (day ${r.day}), not missed`;
    case "unused_closure_due":
      return `the periodic review on ${r.date} (day ${r.day}) closes the line: it has not been used since ${r.sinceDate} (day ${r.since}) — ${r.line === "huabei" ? `a purchase of at least ${ACTIVITY_MIN_PURCHASE_TEXT}` : "a cash loan"} before then keeps it open${r.suspended ? ", which a suspended line takes only once restored" : ""}`;
    case "not_worked_out":
      return `not worked out ahead: this scenario asks for more than ${grouped(r.limit)} answers (customer service's to a call, and the steps a declined early review or a lifted security hold comes with: as many as one run works out); the last answer worked out is on ${r.date} (day ${r.day})`;
    case "wait_to_draw":
      return `cash is lent again from ${r.date} (day ${r.day}), ${r.wait} days after the last missed due date and its repayment`;
    case "on_record": {
      const status = `${r.status.replace("_", " ")} since ${r.sinceDate} (day ${r.since})`;
      // the reasons as recorded then, in words for then: "a repayment is past due right now" read as
      // still true after the customer had repaid
      const reasons = r.reasons.map(recordedInSentence).join("; ");
      if (r.day === r.since) return `${status}; the reasons recorded then: ${reasons}`;
      return `${status}; ${r.cause === null ? "" : `${r.cause} `}reasons recorded ${r.date} (day ${r.day}): ${reasons}`;
    }
    case "closure_due":
      return r.certain
        ? `the line will be closed at the review on ${r.date} (day ${r.day}): it has been suspended too long${
            r.writtenOff
              ? ", and after a write-off no line is restored"
              : " and cannot be restored before then"
          }${closureLoans(r)}`
        : `the review on ${r.date} (day ${r.day}) closes the line unless it can restore it then (or an earlier review does): it has been suspended too long${closureLoans(r)}`;
    case "limit_cut": {
      const reasons = r.reasons.map(recordedInSentence).join("; ");
      // a suspended line's limit is raised once the line is restored: the day is one it can be by then
      const when = r.increase.restored
        ? r.increase.now
          ? "which can be made once the line is restored"
          : `which can be made once the line is restored — from ${r.increase.date} (day ${r.increase.day}) at the earliest, when a review can have restored it and the increase cooldown, the clean record and recent applications (own and elsewhere) allow`
        : r.increase.now
          ? "which can be made today"
          : `which can be made from ${r.increase.date} (day ${r.increase.day}), once the increase cooldown, the clean record and recent applications (own and elsewhere) allow`;
      const blocked = r.increase.blocked;
      // the way back said as it stands: an application something else would decline asks for that first —
      // every rule that would, each with its step
      const declined = blocked
        ? `; as things stand it would be declined: ${withSteps([blocked, ...(r.increase.besides ?? [])], lines)}`
        : "";
      return `the limit was cut from ${money(r.from)} to ${money(r.to)} on ${r.date} (day ${r.day}): ${reasons}. A cut limit comes back only through an application for an increase (${increaseOf(r.line)}), ${when}${declined}`;
    }
    case "reapply": {
      // the first day it can pass the applications of the last 30 days, when that is not today
      const when = r.now
        ? "today"
        : `from ${r.date} (day ${r.day}), once recent applications (own and elsewhere) are few enough`;
      if (r.blockers.length === 0) {
        // granted lower than the line it had, or no higher: that limit, and what holds it there
        const holds = (r.holds ?? []).map((f) => {
          const numbers = describeFact(f);
          return `${inSentence(f.code)}${numbers ? ` (${numbers})` : ""}`;
        });
        const lower =
          r.limit === undefined || r.lastLimit === undefined
            ? ""
            : `, for at most ${money(r.limit)} (${
                r.limit < r.lastLimit
                  ? `below the ${money(r.lastLimit)} the line had`
                  : "the limit the line had: more is an increase"
              }) — ${holds.join("; ")}`;
        return `nothing is owed; an application to open the line again would be approved ${when}${r.now ? "" : "; not before"}${lower}`;
      }
      if (r.scoreBars !== undefined)
        return `nothing is owed, but no application opens the line again under the current policy, whatever the customer does: ${scoreBarsText(r.scoreBars, "the line granted")} — only a change of the lender's policy (a lower ${r.scoreBars.parameter}) would`;
      const why = r.blockers.map((f) => {
        const numbers = describeFact(f);
        return `${inSentence(f.code)}${numbers ? ` (${numbers})` : ""}`;
      });
      return `nothing is owed; an application to open the line again ${r.now ? "" : `can be made ${when}, and `}would be declined ${r.now ? "today" : "then"}: ${why.join("; ")}`;
    }
    case "increase_from": {
      const line = r.line === "jiebei" ? "Jiebei's limit" : "the limit";
      // nothing time clears: declined today, each rule with its step
      if (r.waits.length === 0 && r.blocked)
        return `an application to raise ${line} would be declined today: ${withSteps([r.blocked, ...(r.besides ?? [])], lines)}`;
      const waits = r.waits.map(inSentence).join("; ");
      // every rule that would decline it then, each with its step
      const besides = r.blocked
        ? `, but it would still be declined then: ${withSteps([r.blocked, ...(r.besides ?? [])], lines)}`
        : "";
      return `an application to raise ${line} would be declined before ${r.date} (day ${r.day}) — ${waits}; from that day none of these declines it if no other application is made${besides}`;
    }
    case "open_line": {
      const when = r.now
        ? "today"
        : `from ${r.date} (day ${r.day}), once recent applications (own and elsewhere) are few enough; not before`;
      if (r.blockers.length === 0)
        return `no line is open yet; an application to open Huabei (apply, product: open) would be approved ${when}`;
      if (r.scoreBars !== undefined)
        return `no line is open yet, and no application opens Huabei under the current policy, whatever the customer does: ${scoreBarsText(r.scoreBars, "the line granted")} — only a change of the lender's policy (a lower ${r.scoreBars.parameter}) would`;
      // each rule with its numbers and what puts it right
      const why = r.blockers.map((f) => {
        const numbers = describeFact(f);
        const fix =
          f.code === "DEBT_TO_INCOME_TOO_HIGH" && r.debt !== undefined
            ? openDebtText(r.debt)
            : forLines(REASONS[f.code].advice, lines);
        return `${inSentence(f.code)}${numbers ? ` (${numbers})` : ""} — ${fix}`;
      });
      return `no line is open yet; an application to open Huabei ${r.now ? "" : `can be made ${when.replace(/; not before$/, "")}, and `}would be declined ${r.now ? "today" : "then"}: ${why.join("; ")}`;
    }
    case "report_income": {
      const income = money(r.income * 100);
      const smallest = `the income multiple allows no line of the smallest size (${money(r.minLimit)})`;
      const below =
        r.beside === undefined
          ? `below it, ${smallest}`
          : `below ${money(r.beside.smallest * 100)} ${smallest}, and below ${income} the review that can restore ${lineName(r.line)} restores ${lineName(r.beside.line)} first, which ${lineName(r.line)}, used, would take past its cap`;
      return `report a monthly income of at least ${income} (an income event): ${below}${notBetween(r)}`;
    }
    case "reduce_debt":
      if (!Number.isFinite(r.ratio))
        return `report ${r.income === null ? "an income" : `a monthly income of at least ${money(r.income * 100)}`} (an income event): with none on record, any debt is beyond the debt / income limit of ${r.max.toFixed(2)}, however much is repaid`;
      return reduceDebtText(r, lines);
    case "keep_clean_until":
      return r.afterPaying
        ? `once the overdue amount is paid, repay every ${dueOn(lines)} on time until ${r.date} (day ${r.day}) at the earliest (paid today): restoration needs a clean period after an overdue`
        : `repay every ${dueOn(lines)} on time until ${r.date} (day ${r.day}): restoration needs a clean period after an overdue`;
  }
}

/** A score no file of the customer's reaches (`scoreBars`): the parameter and its value, on the file the
 *  decision reads or once `what` (the line restored, granted) is used, and the highest that file scores. */
const scoreBarsText = (b: ScoreBars, what: string): string =>
  b.onceUsed
    ? `once ${what} is used (its credit counted used, as grantUsedFraction has it), the next review keeps it only at ${b.parameter} ${b.threshold}, and the highest score that file can read is ${b.best} — income, debt, repayments and time included`
    : `it needs ${b.parameter} ${b.threshold}, and the highest score the customer's file can read is ${b.best} — income, debt, repayments and time included`;

/** The rules an application would be declined for, each with its numbers and its step, joined by "; and ". */
const withSteps = (facts: readonly RuleFact[], lines: readonly LineId[]): string =>
  facts
    .map((f) => {
      const numbers = describeFact(f);
      return `${inSentence(f.code)}${numbers ? ` (${numbers})` : ""} — ${stepOf(f, lines)}`;
    })
    .join("; and ");

/** A rule's step: its advice — with the amount to repay where the fact has it (a balance too high for an
 *  increase: the least repayment, on the balance as it stands today, that brings it within the threshold). */
function stepOf(f: RuleFact, lines: readonly LineId[]): string {
  if (f.code === "UTILISATION_TOO_HIGH" && f.amount !== undefined && f.threshold !== undefined) {
    const line = f.line === undefined ? "the line's" : `${lineName(f.line)}'s`;
    return `repay at least ${money(f.amount)} of ${line} balance (as it stands today: interest accrues until then) to bring it to at most ${Number((Math.min(f.threshold, 1) * 100).toFixed(1))} % of its limit, then apply`;
  }
  return forLines(REASONS[f.code].advice, lines);
}

/** What brings the debt ratio an opening reads within its cap: debt elsewhere repaid, or an income. */
function openDebtText(d: { repay: number | null; income: number | null }): string {
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
 *  line, an active line at its own: repaying its balance lowers nothing counted), the rest as the report
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
    if (line === r.line)
      return `${name} at the ${money(limit)} smallest line it would be restored at, ${used}, or at what it owes if more`;
    return line === "jiebei"
      ? `${name} at what it owes and what its debt cap still lets be drawn within its ${money(limit)} limit`
      : `${name} at its ${money(limit)} limit, ${used}, whatever its balance: repaying it lowers nothing counted`;
  });
  // a line counted as the report shows it is a suspended one, which nothing can be spent on
  const others = (r.restoring?.reported ?? []).map((l) => `${lineName(l)}'s balance ${shown("it")}`);
  return `restoring counts ${[...each, ...others].join("; ")}`;
}

/** The incomes above the one told at which the review named does not leave the line active (it keeps the
 *  other line there, which this one restored or kept, used, would take past its cap), said after the step. */
function notBetween(r: Extract<Remedy, { kind: "reduce_debt" | "report_income" }>): string {
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
  return `. Not a monthly income ${range}: ${review} then keeps ${other}, which ${line}, used, would take past its cap, and does not leave ${line} active`;
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

/** The debt advice: what to repay of which debt, by when, for which review — or the income instead — and
 *  the incomes above it that review would not honour, and the repayments the other line's step leaves it
 *  short with. */
function reduceDebtText(r: Extract<Remedy, { kind: "reduce_debt" }>, lines: readonly LineId[]): string {
  return `${debtPlanText(r, lines)}${notBetween(r)}${withOther(r)}`;
}

function debtPlanText(r: Extract<Remedy, { kind: "reduce_debt" }>, lines: readonly LineId[]): string {
  // worked out at the income the smallest line needs (asked for beside), not the one on record: said
  const at =
    r.atIncome === undefined
      ? ""
      : ` at a monthly income of ${money(r.atIncome * 100)}, the least the smallest line needs (asked for beside),`;
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
  const plan =
    r.repay === null
      ? "pay down debt"
      : r.repay.length === 0
        ? null
        : `repay ${steps.join(" and ")}${byReport}`;
  const counted = countedText(r, report, lines);
  if (r.missed !== null) {
    const first = `the periodic review on ${r.missed.date} (day ${r.missed.day}) reads the ${linesNamed(lines)} ${lines.length === 1 ? "balance" : "balances"} reported at the last month end, and there is too little debt elsewhere to repay to bring ${ratio} by then: reporting ${income} (an income event) does`;
    return plan === null
      ? `${first}; nothing more is to be repaid for ${review}: ${done} bring it there, unless more is spent on the lines before it`
      : `${first}; or ${plan}, to bring it there at ${review} (${counted})`;
  }
  // the ratio is then what the report will show: within the limit already
  if (plan === null)
    return `nothing more to repay: ${done} bring total debt / annual income to ${dtiShown(r.ratio).toFixed(2)}, within ${r.max.toFixed(2)}, at ${review}, unless more is spent on the lines before it`;
  // sized to the score restoration needs as well: the income, when one does it, brings both there too
  if (r.score !== null) {
    const or = r.income === null ? "" : `, or report ${income} (an income event),`;
    return `${plan}${or} to bring ${ratio} and the score to the ${r.score} restoration needs at ${review} (${counted})`;
  }
  return `${plan}, or report ${income} (an income event), to bring ${ratio} at ${review} (${counted})`;
}

/** A characteristic's fractional value (a ratio) as a rule's fact shows it: two decimals rounded up, so a
 *  value just over a bin's bound never reads as the bound (1.0001 in "over 100 %" is 1.01). */
export const ratioText = (v: number): string =>
  // debt without any income is beyond every ratio: said in words, never "Infinity"
  Number.isFinite(v) ? dtiShown(v).toFixed(2) : "debt with no income";

/** A rule's fact as JSON writes it: a value JSON has no number for is null, and says why. */
export type JsonFact = Omit<RuleFact, "value"> & { value?: number | null; noIncome?: true; asked?: true };

/**
 * A ratio's value as JSON writes it. Debt with no income is beyond every ratio (Infinity), which JSON
 * cannot hold: JSON.stringify wrote a bare null, the same as "no data yet" — it is null with
 * `noIncome: true`, as the trace says "debt with no income".
 */
export function jsonValue<T>(value: T): { value: T | null; noIncome?: true } {
  return typeof value === "number" && !Number.isFinite(value) ? { value: null, noIncome: true } : { value };
}

/** A rule's fact for JSON, its money in yuan as the rest of a JSON record is (a limit and its cap, an
 *  amount owed, a grant's limit judged once used); other units as they are; a ratio of debt to no income as jsonValue writes it. */
export function factInYuan(f: RuleFact): JsonFact {
  const info: ReasonInfo = REASONS[f.code];
  // a value the customer asked for says so: read bare, an asked limit passes for the line's own
  const asked = info.asked && f.value !== undefined ? { asked: true as const } : {};
  // the limit a grant's reason was judged at, used, is money whatever the rule's unit
  const used = f.onceUsed === undefined ? {} : { onceUsed: f.onceUsed / FEN_PER_YUAN };
  if (f.value !== undefined && !Number.isFinite(f.value))
    return { ...f, ...asked, ...used, ...jsonValue(f.value) };
  if (info.unit !== "fen") return { ...f, ...asked, ...used };
  return {
    ...f,
    ...asked,
    ...used,
    ...(f.threshold === undefined ? {} : { threshold: f.threshold / FEN_PER_YUAN }),
    ...(f.before === undefined ? {} : { before: f.before / FEN_PER_YUAN }),
    ...(f.value === undefined ? {} : { value: f.value / FEN_PER_YUAN }),
    ...(f.smallest === undefined ? {} : { smallest: f.smallest / FEN_PER_YUAN }),
  };
}

/** The numbers of `code` among `facts`, as the trace puts them after its text: " (648 vs delinquentMinScore
 *  680)", or "" for a rule without numbers. */
export function factsOf(code: ReasonCode, facts: readonly RuleFact[]): string {
  const numbers = [
    ...new Set(
      facts
        .filter((f) => f.code === code)
        .map(describeFact)
        .filter((t) => t !== ""),
    ),
  ];
  return numbers.length > 0 ? ` (${numbers.join("; ")})` : "";
}

/** A rule's numbers in words: "607 vs minScore 620", "45 days vs increaseCooldownDays 90". */
export function describeFact(f: RuleFact): string {
  const info: ReasonInfo = REASONS[f.code];
  const unit = info.unit;
  const show = (n: number): string => {
    switch (unit) {
      case "fen":
        return money(n);
      case "days":
        return `${n} day${n === 1 ? "" : "s"}`;
      case "ratio":
        return Number.isFinite(n) ? n.toFixed(2) : "debt with no income";
      case "share":
        return `${Number((n * 100).toFixed(1))} %`;
      default:
        return String(n);
    }
  };
  const parts: string[] = [];
  // a burst of transactions: how many, their total and the limits it is a share of
  if (
    f.transactions !== undefined &&
    f.amount !== undefined &&
    f.limits !== undefined &&
    f.value !== undefined
  )
    parts.push(
      `${f.transactions} transaction${f.transactions === 1 ? "" : "s"}, ${money(f.amount)} = ${show(f.value)} of ${money(f.limits)} in one day`,
    );
  // what the customer asked for says so: read bare, an asked limit passes for the line's own
  else if (f.value !== undefined) parts.push(info.asked ? `${show(f.value)} asked` : show(f.value));
  // a threshold that is no policy parameter: the purchase's is the credit still available, a grant held to
  // what the review keeps once used the limit kept; a limit cap's is the cap its parameter gives (a band's
  // limit, the income multiple's product), named as such
  if (f.threshold !== undefined)
    parts.push(
      f.parameter !== undefined && LIMIT_CAP_CODES.has(f.code)
        ? `cap ${show(f.threshold)} by ${f.parameter}` +
            // a cap below the smallest line, the line held to that instead
            (f.smallest === undefined
              ? ""
              : `, below the ${money(f.smallest)} smallest line (${f.smallestParameter})`)
        : `${f.parameter ?? (f.code === "LIMIT_KEPT_ONCE_USED" ? "kept once used" : "available")} ${show(f.threshold)}`,
    );
  else if (f.parameter !== undefined) parts.push(f.parameter);
  // held to what the review keeps once used, and not even the smallest line kept
  else if (f.code === "LIMIT_KEPT_ONCE_USED") parts.push("none kept once used");
  // a threshold a policy change moved past the customer's value: what it was before
  // a grant's reasons for holding it lower, judged on the file once a larger line is used: which line,
  // and for a limit's cap the score it is the band of (not the step's, which is today's)
  const onceUsed =
    f.onceUsed === undefined
      ? ""
      : (unit === "fen" && f.scoreOnceUsed !== undefined ? `, at a score of ${f.scoreOnceUsed}` : ",") +
        ` once a ${money(f.onceUsed)} line is used`;
  const text =
    parts.join(" vs ") +
    (f.before === undefined ? "" : `, ${show(f.before)} before the policy change`) +
    onceUsed;
  if (f.line === undefined) return text;
  return text === "" ? `on ${lineName(f.line)}` : `${text}, on ${lineName(f.line)}`;
}

/** What helps with `code` as things stand `at` (a step, a day's end): its settled advice once nothing is
 *  owed on either line. Without a moment, the advice for one who owes. Cited by an application as what
 *  the review would hold against a larger line once used (every fact of it among `facts` onceUsed), what
 *  helps an applicant. */
export function adviceOf(code: ReasonCode, at?: Snapshot, facts: readonly RuleFact[] = []): string {
  const info: ReasonInfo = REASONS[code];
  const own = facts.filter((f) => f.code === code);
  if (info.onceUsed !== undefined && own.length > 0 && own.every((f) => f.onceUsed !== undefined))
    return info.onceUsed;
  if (info.settled !== undefined && at !== undefined && at.balance + at.jiebei.balance === 0)
    return info.settled;
  return at === undefined ? info.advice : forLines(info.advice, linesHeld(at));
}

/** Whether customer service's steps leave the customer nothing to do: none, or only the dated record of
 *  what was decided (then the advice of the reasons it gives is what helps). */
export const nothingToDo = (remedies: readonly Remedy[]): boolean =>
  remedies.every((r) => r.kind === "on_record" || r.kind === "increase_from" || r.kind === "next_due");

/** What helps with `reasons` as things stand `at`: the advice of each that is not good news (nor one that
 *  only points at steps given elsewhere), once each — after `first`, advice the reasons do not hold (what
 *  a hold beneath which they were recorded asks). */
export function reasonAdvice(
  reasons: readonly ReasonCode[],
  at?: Snapshot,
  first: readonly string[] = [],
  facts: readonly RuleFact[] = [],
): string[] {
  return withoutRepeats([
    ...new Set([
      ...first,
      // each code once: its advice is the same wherever it recurs (a day of 100,000 decisions gives
      // hundreds of thousands of reasons, each once looked up among every fact of the day)
      ...[...new Set(reasons)]
        .filter((r) => REASONS[r].kind !== "positive" && !("pointsAt" in REASONS[r]))
        .map((r) => adviceOf(r, at, facts)),
    ]),
  ]);
}

/** A suspension recorded beneath a security hold leaves the hold standing: its reasons say what the
 *  suspension beneath needs, not that only a verification lifts the hold — nor that it alone restores
 *  nothing. */
export const heldAdvice = (beneath: "credit" | "policy"): string =>
  `verify your identity: only that lifts the security hold, and the suspension for ${beneath} recorded beneath it stays until what follows is done and a review restores the line`;

/** Advice without a line another line already says ("pay the overdue amount in full" beside "pay the
 *  overdue amount in full and keep repaying on time"; "report a higher income (an income event)" beside
 *  "pay down debt … or report a higher income"): a line goes when another holds it, its aside apart. */
function withoutRepeats(advice: readonly string[]): string[] {
  const core = (a: string) => a.replace(/ \([^)]*\)$/, "");
  return advice.filter((a, i) => !advice.some((b, j) => j !== i && b !== a && b.includes(core(a))));
}
