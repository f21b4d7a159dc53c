// The names a newcomer writes before reading the format — `timeline:` for `events:`, `on:` for `day:`,
// `type: buy` for `purchase` — each the field or event type it means. A spelling slip is found by edit
// distance (`suggest`); these are other words for the same thing, which no distance finds, and whose
// "unknown field … remove it" would have removed the events themselves. A word from the story that stands
// for a value with more to write (`type: open` is `type: apply, product: open`) is story-words.ts's.

import { suggest } from "../shared/errors.js";

/** A word (lower case, `_`, `-` and spaces dropped) → what it may mean, the likeliest first: each is named
 *  only where it is a field or type of that place (`history` is a scenario's events, a profile's months). */
const WORDS: Readonly<Record<string, readonly string[]>> = {
  // a scenario's top level
  timeline: ["events"],
  history: ["events", "creditHistoryMonths"],
  steps: ["events"],
  actions: ["events"],
  transactions: ["events"],
  customer: ["name"],
  title: ["name"],
  startdate: ["start"],
  begin: ["start"],
  from: ["start"],
  end: ["until", "end"],
  enddate: ["until"],
  to: ["until"],
  days: ["until"],
  horizon: ["until"],
  expectations: ["expect"],
  expected: ["expect"],
  checks: ["expect"],
  assertions: ["expect"],
  asserts: ["expect"],
  person: ["profile"],
  applicant: ["profile"],
  // an event's fields
  on: ["day", "date"],
  at: ["day", "date"],
  when: ["day", "date"],
  event: ["type"],
  kind: ["type"],
  action: ["type"],
  eventtype: ["type"],
  limit: ["amount", "limit"],
  value: ["amount"],
  sum: ["amount"],
  price: ["amount"],
  yuan: ["amount"],
  months: ["term", "instalments"],
  tenor: ["term"],
  period: ["term"],
  store: ["merchant"],
  shop: ["merchant", "purchase"],
  comment: ["text", "note"],
  note: ["text", "description"],
  notes: ["text", "description"],
  remark: ["text", "description"],
  memo: ["text", "description"],
  // a repayment's or a closure's line, named as an application names what it asks for
  product: ["line"],
  // an event's type
  buy: ["purchase"],
  spend: ["purchase"],
  shopping: ["purchase"],
  pay: ["repay"],
  payment: ["repay"],
  repayment: ["repay"],
  payback: ["repay"],
  loan: ["borrow"],
  cashloan: ["borrow"],
  withdraw: ["borrow"],
  draw: ["borrow"],
  application: ["apply"],
  salary: ["income", "monthlyIncome"],
  contact: ["contact_support"],
  call: ["contact_support"],
  verify: ["verify_identity"],
  kyc: ["verify_identity"],
  review: ["request_review"],
  closeaccount: ["close"],
  // an expectation's fields
  state: ["status"],
  outcome: ["decision"],
  result: ["decision"],
  creditscore: ["score"],
};

/** A word as looked up: lower case, its words run together (`Start Date`, `start_date`, `startDate`). */
export const wordKey = (word: string) => word.toLowerCase().replace(/[\s_-]/g, "");

/** Words for a free text: where no field here takes text, none is meant — not a field a spelling is near
 *  (`note: son changed her SIM` on a profile change read 'did you mean "date"?', then its text as a date). */
const TEXT_WORDS: ReadonlySet<string> = new Set(["comment", "note", "notes", "remark", "memo"]);

/** Whether `word` is a word for a free text (TEXT_WORDS). */
export const textWord = (word: string): boolean => TEXT_WORDS.has(wordKey(word));

/** A date as a file writes one: `2024-03-01` (read as text or as a date). */
const dateLike = (v: unknown) => v instanceof Date || (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v));

/**
 * The candidate a written name means: the same name in another case, another word for it (given its
 * `value` where that tells two apart: `on: 2024-03-01` is a date, `on: 5` a day), or a near spelling.
 */
export function meant(word: string, candidates: readonly string[], value?: unknown): string | undefined {
  const lower = word.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const here = (Object.hasOwn(WORDS, wordKey(word)) ? WORDS[wordKey(word)]! : []).filter((w) =>
    candidates.includes(w),
  );
  const fitting = dateLike(value) ? here.filter((w) => w !== "day") : here.filter((w) => w !== "date");
  if (fitting[0] === undefined && here[0] === undefined && textWord(word)) return undefined;
  return fitting[0] ?? here[0] ?? suggest(word, candidates);
}
