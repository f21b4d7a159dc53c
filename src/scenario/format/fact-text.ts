// A rule's fact in words and as JSON writes it: the value, its bound, in yuan where it is money.

import {
  dtiShown,
  FEN_PER_YUAN,
  LIMIT_CAP_CODES,
  lineName,
  profileFieldName,
  REASONS,
  type ReasonCode,
  type ReasonInfo,
  type RuleFact,
} from "../../engine/index.js";
import { money } from "./money.js";

/** A characteristic's fractional value (a ratio) as a rule's fact shows it: two decimals rounded up, so a
 *  value just over a bin's bound never reads as the bound (1.0001 in "over 100 %" is 1.01). */
export const ratioText = (v: number): string =>
  // debt without any income is beyond every ratio: said in words, never "Infinity"
  Number.isFinite(v) ? dtiShown(v).toFixed(2) : "debt with no income";

/** The words before a fen threshold that is no policy parameter, by code (else "available": a purchase's). */
const UNNAMED_THRESHOLD: Partial<Record<ReasonCode, string>> = {
  LIMIT_KEPT_ONCE_USED: "kept once used",
  UNUSED_LIMIT_TRIMMED: "trimmed to",
  OTHER_LINE_CUT_ONCE_USED: "cut to",
  // a line kept below a smallest line raised since it was granted: what keeping it needs is its own limit
  LIMIT_BELOW_MINIMUM: "the line's own",
  INCOME_BELOW_SMALLEST_LINE: "the line's own",
  PRODUCT_MAXIMUM_BELOW_SMALLEST_LINE: "the line's own",
  THIN_FILE_BELOW_SMALLEST_LINE: "the line's own",
};

/** The debt a ratio once used counted, in words (", ¥80,341.89 of debt counted: …"), so that the customer
 *  can check the number: debt elsewhere, then each line's part — what it owes, and the unused credit
 *  counted as used, named as such. "" when the fact counts none. `on`: the later day the fact was judged
 *  on (an application played ahead), whose balances it reads — "owed today" is then that day's. */
function debtCountedText(f: RuleFact, on: number | undefined): string {
  if (f.debtCounted === undefined) return "";
  // Jiebei's own cap, read once a Jiebei line is used, with none of it counted used: cash is drawn only
  // within the cap, and the debt is over it before any is — said, or "once a ¥1,000.00 line is used"
  // read as if that line were in the count
  const undrawn =
    f.parameter === "jiebeiMaxDebtToIncome" &&
    f.onceUsed !== undefined &&
    (f.jiebeiUsed ?? 0) === 0 &&
    f.value !== undefined &&
    f.threshold !== undefined &&
    f.value > f.threshold;
  const lines = (["huabei", "jiebei"] as const).flatMap((id) => {
    const counted = (id === "huabei" ? f.huabeiCounted : f.jiebeiCounted) ?? 0;
    const used = (id === "huabei" ? f.huabeiUsed : f.jiebeiUsed) ?? 0;
    const nothingDrawn = id === "jiebei" && undrawn;
    if (counted === 0)
      return nothingDrawn ? ["nothing drawn on Jiebei, the debt over the cap before any is"] : [];
    const owes = counted - used;
    const name = lineName(id);
    // what it owes today, when what is counted is the month-end report's balance instead: today's debt
    // said as today's, the report's as the report's — and judged on a later day, that day's, said so
    // (Li Na told on day 140 of '¥3,156.74 owed today', day 242's, while that day's row showed ¥4,253.26)
    const today = id === "huabei" ? f.huabeiOwedToday : f.jiebeiOwedToday;
    const when = on === undefined ? "today" : `on day ${on}`;
    const owesText =
      today === undefined
        ? `${money(owes)} owed`
        : `${money(today)} owed ${when} but counted at the last month-end report's ${money(owes)}`;
    // the smallest loan counted drawn (jiebeiLeast): said as such, not as unused credit "counted as used" —
    // the loan and the whole counted, each true whatever was owed: what it adds beyond a month-end report
    // above today's balance is no amount of the loan's ("the report's ¥502.20 and its smallest loan counted
    // drawn, ¥4.00" for a ¥500 loan). The interest is always a 31-day month's (grant.ts MONTH_OF_INTEREST)
    const least = id === "jiebei" ? f.jiebeiLeast : undefined;
    if (least !== undefined)
      return [
        owes === 0
          ? `${name}'s smallest loan counted drawn, ${money(least)} and ${money(used - least)} of a 31-day month's interest`
          : `${name} ${today === undefined ? `${money(owes)} owed` : `${money(today)} owed ${when} (the last month-end report's ${money(owes)})`} counted at ${money(counted)} with its smallest loan (${money(least)}) drawn and a 31-day month's interest`,
      ];
    // no parentheses: the words stand inside a fact's own
    return [
      used === 0
        ? `${name} ${owesText}${nothingDrawn ? " and nothing more drawn, the debt over the cap before any more is" : ""}`
        : owes === 0
          ? `${name}'s unused ${money(counted)} counted as used`
          : `${name} ${owesText} and ${money(used)} unused counted as used`,
    ];
  });
  const elsewhere = f.debtCounted - (f.huabeiCounted ?? 0) - (f.jiebeiCounted ?? 0);
  const parts = [...(elsewhere > 0 ? [`${money(elsewhere)} elsewhere`] : []), ...lines];
  return `: ${money(f.debtCounted)} of debt counted${parts.length > 0 ? ` — ${parts.join(", ")}` : ""}`;
}

/** A rule's fact as JSON writes it: a value JSON has no number for is null, and says why. */
export type JsonFact = Omit<RuleFact, "value"> & {
  value?: number | null;
  noIncome?: true;
  noLimit?: true;
  asked?: true;
};

/**
 * A ratio's value as JSON writes it. Debt with no income is beyond every ratio (Infinity), which JSON
 * cannot hold: JSON.stringify wrote a bare null, the same as "no data yet" — it is null with
 * `noIncome: true`, as the trace says "debt with no income".
 */
export function jsonValue<T>(value: T): { value: T | null; noIncome?: true } {
  return typeof value === "number" && !Number.isFinite(value) ? { value: null, noIncome: true } : { value };
}

/** How JSON writes each field of a fact: money in yuan whatever the rule's unit ("money": an amount, a
 *  limit, a debt counted), in the rule's unit — yuan when it is fen — ("unit": the threshold, the value,
 *  the threshold before a change), or as it is. A field the type gains is a compile error here until it is
 *  said which: a burst's `amount` and `limits`, money beside a share, were written in fen. */
const FACT_FIELDS: { readonly [K in keyof Required<RuleFact>]: "money" | "unit" | "as is" } = {
  code: "as is",
  parameter: "as is",
  threshold: "unit",
  value: "unit",
  before: "unit",
  line: "as is",
  transactions: "as is",
  amount: "money",
  limits: "money",
  changed: "as is",
  changedOn: "as is",
  onceUsed: "money",
  scoreOnceUsed: "as is",
  debtCounted: "money",
  huabeiCounted: "money",
  jiebeiCounted: "money",
  huabeiUsed: "money",
  jiebeiUsed: "money",
  huabeiOwedToday: "money",
  jiebeiOwedToday: "money",
  jiebeiLeast: "money",
  smallest: "money",
  smallestParameter: "as is",
  readOn: "as is",
  readOnDate: "as is",
  window: "as is",
  windowClearsOn: "as is",
  liftsOn: "as is",
  usedBy: "as is",
  fitsTerm: "as is",
  fitsAmount: "money",
  from: "money",
  cleared: "as is",
  heldAt: "money",
};

/** A rule's fact for JSON, its money in yuan as the rest of a JSON record is (FACT_FIELDS); other units as
 *  they are; a ratio of debt to no income as jsonValue writes it. */
export function factInYuan(f: RuleFact): JsonFact {
  const info: ReasonInfo = REASONS[f.code];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    const how = FACT_FIELDS[k as keyof RuleFact];
    out[k] =
      typeof v === "number" &&
      Number.isFinite(v) &&
      (how === "money" || (how === "unit" && info.unit === "fen"))
        ? v / FEN_PER_YUAN
        : v;
  }
  // a value the customer asked for says so: read bare, an asked limit passes for the line's own
  if (info.asked && f.value !== undefined) out.asked = true;
  // (a share of no limit is no debt with no income: said as what it is)
  if (f.value !== undefined && !Number.isFinite(f.value))
    Object.assign(out, info.unit === "share" ? { value: null, noLimit: true } : jsonValue(f.value));
  return out as JsonFact;
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
  return factNumbers(f, false);
}

/** describeFact for an application played ahead, which the customer never made: an amount asked is said
 *  as the smallest increase probed; `on`, the later day it is judged on (what a line owes is that day's). */
export function describeProbedFact(f: RuleFact, on?: number): string {
  return factNumbers(f, true, on);
}

function factNumbers(f: RuleFact, probed: boolean, on?: number): string {
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
        // a balance on a line with no limit is beyond every share of it: said in words, never "Infinity %"
        return Number.isFinite(n) ? `${Number((n * 100).toFixed(1))} %` : "a balance on no limit";
      default:
        return String(n);
    }
  };
  // held to what the review keeps once used, and not even the smallest line kept: said as what it means
  if (f.code === "LIMIT_KEPT_ONCE_USED" && f.threshold === undefined && f.value !== undefined) {
    const line = f.line === undefined ? "" : `, on ${lineName(f.line)}`;
    return `a ${money(f.value)} line used in full would not be kept at any limit, not even the smallest${line}`;
  }
  // a limit given back: from what, to what, of the limit before the cut, and the cut's constraint
  if (f.code === "LIMIT_GIVEN_BACK" && f.value !== undefined && f.threshold !== undefined)
    return `${f.from === undefined ? "" : `${money(f.from)} → `}${money(f.value)}, of the ${money(f.threshold)} before the cut${f.cleared === undefined || f.cleared.length === 0 ? "" : ` (cut for ${f.cleared.join(" and ")}, which no longer ${f.cleared.length === 1 ? "binds" : "bind"})`}`;
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
  // a large transaction after a change: its share of the limits, and which bound detail changed when
  else if (
    f.changed !== undefined &&
    f.changedOn !== undefined &&
    f.amount !== undefined &&
    f.limits !== undefined &&
    f.value !== undefined
  )
    parts.push(
      `${money(f.amount)} = ${show(f.value)} of ${money(f.limits)} asked after the bound ${profileFieldName(f.changed)} changed on day ${f.changedOn}`,
    );
  // what the customer asked for says so: read bare, an asked limit passes for the line's own
  // (`probed`: an application customer service plays ahead, which the customer never made — its amount
  // is the smallest increase probed, not one they asked for)
  else if (f.value !== undefined)
    parts.push(
      !info.asked
        ? // the limit before a cut, a cap between it and today's limit (heldAt): said as that limit
          `${show(f.value)}${f.heldAt === undefined ? "" : " before the cut"}`
        : probed
          ? `${show(f.value)} for the smallest increase probed`
          : `${show(f.value)} asked`,
    );
  // a threshold that is no policy parameter: the purchase's is the credit still available, a grant held to
  // what the review keeps once used the limit kept, an unused limit trimmed the limit left; a limit cap's is the cap its parameter gives (a band's
  // limit, the income multiple's product), named as such
  if (f.threshold !== undefined)
    parts.push(
      f.parameter !== undefined && LIMIT_CAP_CODES.has(f.code)
        ? `cap ${show(f.threshold)} by ${f.parameter}` +
            // a cap below the smallest line, the line held to that instead
            (f.smallest === undefined
              ? ""
              : `, below the ${money(f.smallest)} smallest line (${f.smallestParameter})`)
        : `${f.parameter ?? UNNAMED_THRESHOLD[f.code] ?? "available"} ${show(f.threshold)}` +
            // a line kept below the smallest line (its own limit the threshold): the smallest line beside it
            (f.parameter === undefined && f.smallest !== undefined
              ? `, kept below ${f.smallestParameter} ${money(f.smallest)}`
              : ""),
    );
  else if (f.parameter !== undefined) parts.push(f.parameter);
  // a threshold a policy change moved past the customer's value: what it was before
  // a grant's reasons for holding it lower, judged on the file once a larger line is used: which line,
  // and for a limit's cap the score it is the band of (not the step's, which is today's)
  const onceUsed =
    f.onceUsed === undefined
      ? ""
      : (unit === "fen" && f.scoreOnceUsed !== undefined ? `, at a score of ${f.scoreOnceUsed}` : ",") +
        ` once a ${money(f.onceUsed)} line is used` +
        debtCountedText(f, on);
  // changes counted in a window: how long it is, and until when one more change is one too many — a
  // verification resets the count, so it is said too ("from day 80 one more change is within it" read as
  // "within 30 days", and as if waiting were the only way)
  const window =
    f.window === undefined
      ? ""
      : ` within ${f.window} day${f.window === 1 ? "" : "s"}` +
        (f.windowClearsOn === undefined
          ? ""
          : overAlready(f)
            ? `; already more than allowed, and another change before day ${f.windowClearsOn} would be too, unless the identity is verified first`
            : `; another change before day ${f.windowClearsOn} is one too many, unless the identity is verified first`);
  // the threshold before a policy change, said beside the threshold it was: after a window's clause it read
  // as a count of changes ("…unless the identity is verified first, 2 before the policy change")
  const before = f.before === undefined ? "" : `${show(f.before)} before the policy change`;
  const text =
    parts.join(" vs ") +
    (before !== "" && window !== "" ? ` (${before})` : "") +
    window +
    (before !== "" && window === "" ? `, ${before}` : "") +
    (f.heldAt === undefined ? "" : `; the limit ${money(f.heldAt)} today`) +
    onceUsed +
    (f.readOn === undefined ? "" : `, as the review on ${f.readOnDate} (day ${f.readOn}) reads it`) +
    // the day the thin-file cap lifts, on the decline itself (as customer service names it)
    (f.liftsOn === undefined
      ? ""
      : f.usedBy !== undefined
        ? // a line not used yet adds no record: the use that starts it, and by when
          `; the line used by day ${f.usedBy} (a line left unused adds no record), the file holds six months of repayment record, and the cap lifts, from day ${f.liftsOn} (each bill met at its minimum)`
        : `; the file holds six months of repayment record, and the cap lifts, from day ${f.liftsOn} as things stand (each bill met at its minimum)`) +
    fitsText(f);
  if (f.line === undefined) return text;
  return text === "" ? `on ${lineName(f.line)}` : `${text}, on ${lineName(f.line)}`;
}

/** A drawdown over the instalment cap, borrowed otherwise: "; the same amount over 6 months would be lent,
 *  or up to ¥8,600.00 over the same term" — what "borrow less or over more months" comes to for her. */
function fitsText(f: RuleFact): string {
  const ways = [
    ...(f.fitsTerm === undefined ? [] : [`the same amount over ${f.fitsTerm} months would be lent`]),
    ...(f.fitsAmount === undefined ? [] : [`up to ${money(f.fitsAmount)} over the same term`]),
  ];
  return ways.length === 0 ? "" : `; ${ways.join(", or ")}`;
}

/** Changes counted over the limit before any change of the customer's made them one too many: a rule
 *  tightened below them (`before`), or more than one over — "another change is one too many" read as if
 *  the count stood at the limit. */
const overAlready = (f: RuleFact): boolean =>
  f.before !== undefined || (f.value !== undefined && f.threshold !== undefined && f.value > f.threshold + 1);
