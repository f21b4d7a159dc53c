// The prompts of the interactive what-if session that enter one new event: type, day, the line when the
// type has one, then its other fields. Values are validated as a scenario file's would be when the edit is
// applied.

import type { z } from "zod";
import {
  formatIsoDate,
  INSTALMENT_TERMS,
  LINES,
  type LineId,
  LOAN_TERMS,
  lineName,
  parseIsoDate,
  REPAY_KEYWORDS,
} from "../engine/index.js";
import { dayInSpan } from "../scenario/day-asked.js";
import { builtinPolicyNames } from "../scenario/load-policy.js";
import { parseFlagText } from "../scenario/parse.js";
import { EVENT_TYPES, EventSchema, PROFILE_FIELDS, type WrittenEvent } from "../scenario/schema.js";
import { asciiDigits } from "../shared/digits.js";
import { InputError } from "../shared/errors.js";
import { quoted } from "../shared/text.js";
import { numbersAsTyped } from "../whatif/flags.js";
import { pastUntil, type Variant, validateEvent } from "../whatif/variant.js";
import { looksDated, readDayOrDate } from "./options/table.js";
import { BACK, type Prompts } from "./prompts.js";

/** A value typed by the user, read as YAML (so `full` is a word, `65` a number, `[…]` a list). */
export function typed(text: string, label: string): unknown {
  if (text.trim() === "") return null;
  return parseFlagText(text, label, { at: 0, typed: text.length });
}

/**
 * Asks for one field's value and answers it as it was checked: read as YAML, validated as a `type` event's
 * `key` in a file is — so what the prompt accepts is what the event gets (`Number()` of the text would
 * turn an answer YAML reads as 5, `5 # five`, into NaN, refused only once every field was asked), and
 * what it refuses is told as a file's would be (`１２０`: write 120). `within`: what the variant asks of
 * the value beside, throwing the loader's InputError for the field (a day past the scenario's last).
 */
async function asked(
  input: Prompts["input"],
  message: string,
  type: string,
  key: string,
  optional = false,
  within: (value: unknown) => void = () => {},
  read: (text: string) => unknown = (t) => typed(t, key),
): Promise<unknown> {
  const answer = await input({
    message,
    // nothing typed is the field missing (as a file says it), not a null value ("found: null")
    validate: (t) =>
      (optional && t.trim() === "") ||
      checked(
        type,
        key,
        () => {
          const value = t.trim() === "" ? undefined : read(t);
          within(value);
          return value;
        },
        t,
      ),
  });
  return optional && answer.trim() === "" ? undefined : read(answer);
}

/** A day answered as its number or as its date (YYYY-MM-DD, as the trace prints beside each day), the date
 *  counted from the scenario's start as the command line's day options count it (day-asked.ts). */
export function dayAnswer(v: Variant): (text: string) => unknown {
  // what the prompt takes, said with every refusal: the first and the last day, as numbers and as dates
  const start = parseIsoDate(v.original.start) ?? 0;
  const expected = `a day from 0 to ${v.until}, or a date from ${v.original.start} to ${formatIsoDate(start + v.until)}`;
  return (text) => {
    const date = text.trim();
    if (!looksDated(date)) {
      const day = typed(text, "day");
      // a word: the prompt offers a number or a date, so the refusal names both ("expected: a number" did
      // not); full-width digits (１２０) keep the loader's words, which say the number meant. What the
      // loader reads as a day the prompt takes (1e2 is day 100, +5 and 5.0 day 5, in a file as here)
      if (typeof day === "string" && asciiDigits(date) === date)
        throw new InputError(`day: ${quoted(date)} is neither a day's number nor a date`, {
          field: "day",
          expected,
          found: quoted(date),
          ...otherBase(date),
        });
      return day;
    }
    try {
      // a date as the command line's day options read it: one not on the calendar (2024-13-01, read as
      // day 0 less the start, was "before the scenario starts") or not YYYY-MM-DD told so, the date meant
      readDayOrDate("day", date);
      return dayInSpan("day", { date }, { start: v.original.start, last: v.until, of: "the scenario" });
    } catch (e) {
      // the prompt's own field, so that the answer is refused where it is typed; with the days it takes
      // (the command line's words, "a day's number (day 0 is the start), or its date as YYYY-MM-DD", gave
      // neither the first day nor the last)
      if (e instanceof InputError) throw new InputError(e.message, { ...e.details, field: "day", expected });
      throw e;
    }
  };
}

/** The loader's hint for a number in another base (0x10, 0o7, 0b1), which YAML keeps as text: the day
 *  meant, in decimal. */
function otherBase(text: string): { hint?: string } {
  const value = Number(text);
  return /^0[xob]/i.test(text) && Number.isSafeInteger(value)
    ? { hint: `write the number in decimal (${text} is ${value})` }
    : {};
}

/** A `type` event's `key` as a file's would be checked: true, or this field's problem (its number quoted
 *  as `answer` writes it). */
function checked(type: string, key: string, value: () => unknown, answer: string): true | string {
  try {
    // no label: the field's own name heads the message ("amount: wrong type", not "amount: amount: …")
    validateEvent({ type, [key]: value() }, "");
    return true;
  } catch (e) {
    if (!(e instanceof InputError)) return String(e);
    // only this field's problems: the event's other fields are asked next
    const own = e.problems.find((p) => p.details.field === key);
    return own === undefined ? true : numbersAsTyped(own, answer).formatLine();
  }
}

/**
 * Asks for a text field (a merchant, a note), taken as typed — not read as YAML — and checked at the
 * prompt as the event's field: a merchant of 201 characters or a note of 2,001 was refused only once the
 * event was whole, every answer lost. `optional`: an empty answer leaves the field out; its text is
 * trimmed.
 */
async function askedText(
  input: Prompts["input"],
  message: string,
  type: string,
  key: string,
  optional = false,
): Promise<string | undefined> {
  const value = (t: string) => (optional ? t.trim() : t);
  const answer = await input({
    message,
    validate: (t) => (optional && t.trim() === "") || checked(type, key, () => value(t), t),
  });
  return optional && answer.trim() === "" ? undefined : value(answer);
}

/** A written event type's fields (beside `type`, `day` and `date`), as its schema declares them. */
function fieldsOf(type: string): Array<[string, z.ZodType]> {
  const shape = EventSchema.options.find((x) => x.shape.type.value === type)?.shape ?? {};
  return Object.entries(shape as Record<string, z.ZodType>).filter(
    ([k]) => k !== "type" && k !== "day" && k !== "date",
  );
}

/** What each line is, beside its name in the line prompt (a Record: a new line must say what it is). */
const LINE_ABOUT: Record<LineId, string> = {
  huabei: "the revolving line: purchases, billed monthly",
  jiebei: "cash loans: borrowed, repaid in monthly instalments",
};

/**
 * Asks which line, Huabei first (the line a file means when it names none). `now`: the line an event is on,
 * where the cursor starts when it is edited. `whichever`: a request for review may name no line, and
 * then reviews whichever line is suspended (null).
 */
export function askLine(
  select: Prompts["select"],
  message: string,
  now?: LineId | null,
  whichever = false,
): Promise<LineId | null> {
  return select<LineId | null>({
    message,
    choices: [
      ...LINES.map((l) => ({ name: lineName(l), value: l, description: LINE_ABOUT[l] })),
      ...(whichever
        ? [{ name: "Whichever is suspended", value: null, description: "no line named: the review finds it" }]
        : []),
    ],
    ...(now === undefined ? {} : { default: now }),
  });
}

/** Guided entry of a new event: type, day, the line when its schema has one, then its other fields. */
export async function askEvent(v: Variant, { select, input }: Prompts): Promise<WrittenEvent | null> {
  const type = await select<string | null>({
    message: "Event type:",
    pageSize: 12,
    choices: [
      ...EVENT_TYPES.map((t) => ({
        name: t,
        value: t,
        description: EventSchema.options.find((x) => x.shape.type.value === t)?.description ?? "",
      })),
      BACK,
    ],
  });
  if (type === null) return null;
  // checked as the day of a file's event, and against the variant's last day as --add checks it; a date
  // is taken as the day it is
  const day = await asked(
    input,
    `Day (0–${v.until}, or a date):`,
    type,
    "day",
    false,
    (value) => {
      if (value === undefined)
        throw new InputError("the event has no day", {
          field: "day",
          expected: `a whole number of days from 0 to ${v.until}, or a date`,
        });
      pastUntil({ day: value }, v, "day");
    },
    dayAnswer(v),
  );
  const data: Record<string, unknown> = { day, type };
  // written even when it is Huabei: a request_review without a line reviews whichever line is suspended,
  // so leaving the field out would not always say what was chosen — unless that is the choice
  if (fieldsOf(type).some(([key]) => key === "line")) {
    const line = await askLine(select, "Which line?", undefined, type === "request_review");
    if (line !== null) data.line = line;
  }
  // checked as this event's amount: an application's is a limit, asked in whole hundreds of yuan
  const amount = (message: string) => asked(input, message, type, "amount");
  switch (type) {
    case "apply":
      data.product = await select({
        message: "Product:",
        choices: ["increase", "open"].map((p) => ({ name: p, value: p })),
      });
      data.amount = await amount("Amount (yuan):");
      break;
    case "purchase": {
      data.amount = await amount("Amount (yuan):");
      const merchant = await askedText(input, "Merchant (optional):", "purchase", "merchant", true);
      if (merchant !== undefined) data.merchant = merchant;
      // a Huabei instalment plan, as a file's `instalments:` (the phone in six months): "what if he had
      // split it?" was a flag's question only; Enter keeps the purchase whole
      const plan = await select<number | null>({
        message: "Split it into monthly instalments?",
        choices: [
          // the answer echoed is the choice's first words: the whole line wrapped a 60-column terminal
          { name: "no: billed whole on the next statement", value: null, short: "no" },
          ...INSTALMENT_TERMS.map((t) => ({
            name: `${t} instalments (a fee on each)`,
            value: t,
            short: `${t} instalments`,
          })),
        ],
      });
      if (plan !== null) data.instalments = plan;
      break;
    }
    case "repay": {
      const kind = await select({
        message: "Repay how much?",
        choices: [...REPAY_KEYWORDS, "an amount…"].map((k) => ({ name: k, value: k })),
      });
      data.amount = kind === "an amount…" ? await amount("Amount (yuan):") : kind;
      break;
    }
    case "change_profile":
      data.field = await select({
        message: "Which detail?",
        choices: PROFILE_FIELDS.map((f) => ({ name: f, value: f })),
      });
      break;
    case "borrow":
      // a term the product offers, then the amount
      data.term = await select({
        message: "Term (months):",
        choices: LOAN_TERMS.map((t) => ({ name: String(t), value: t })),
      });
      data.amount = await amount("Amount (yuan):");
      break;
    case "external_debt":
      data.amount = await amount("Debt taken on elsewhere (yuan):");
      break;
    case "external_repayment":
      data.amount = await amount("Debt repaid elsewhere (yuan):");
      break;
    case "income":
      data.monthlyIncome = await asked(input, "New monthly income (yuan):", "income", "monthlyIncome");
      break;
    case "policy":
      data.use = await select({
        message: "Switch to which policy?",
        choices: builtinPolicyNames().map((n) => ({ name: n, value: n })),
      });
      break;
    case "note":
      data.text = await askedText(input, "Text:", "note", "text");
      break;
    default:
      // a type without prompts of its own: each field its schema declares and no prompt above asked,
      // optional ones skippable
      for (const [key, field] of fieldsOf(type)) {
        // the line was asked above (and may have been left out on purpose)
        if (key in data || key === "line") continue;
        const optional = field.safeParse(undefined).success;
        const about = field.description === undefined ? "" : ` (${field.description})`;
        const value = await asked(
          input,
          `${key}${about}${optional ? ", optional" : ""}:`,
          type,
          key,
          optional,
        );
        if (value !== undefined) data[key] = value;
      }
      break;
  }
  // validated (with the loader's messages) when applied
  return data as WrittenEvent;
}
