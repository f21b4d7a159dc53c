// The library's `simulate` and `run` take a scenario built by hand as well as a loaded one. The engine
// checks what its loop relies on (days, order, whole fen); the bounds a file has that the engine's own
// numbers come from are checked here, at the library's door, so that a hand-built scenario is refused
// where a file saying the same is: an ask of ¥4,050.50 was granted as asked (a limit no rule could make),
// an age of -5 approved on MEETS_POLICY, an age of NaN scored. The engine's own callers (the population,
// the what-if search, the tests' builders) keep the engine as it is.

import {
  APPLICATION_KINDS,
  EVENT_TYPES,
  FEN_PER_YUAN,
  INSTALMENT_TERMS,
  LIMIT_STEP_YUAN,
  LINES,
  LOAN_TERMS,
  MAX_HISTORY_MONTHS,
  MAX_YUAN,
  PROFILE_AGE,
  PROFILE_FIELDS,
  REPAY_KEYWORDS,
  type Scenario,
} from "../engine/index.js";

const MAX_FEN = MAX_YUAN * FEN_PER_YUAN;
const STEP_FEN = LIMIT_STEP_YUAN * FEN_PER_YUAN;

const wholeWithin = (x: unknown, min: number, max: number): boolean =>
  Number.isInteger(x) && (x as number) >= min && (x as number) <= max;

const oneOf = (list: readonly unknown[]): string => list.map((x) => JSON.stringify(x)).join(", ");

/**
 * A scenario built by hand, checked against the bounds its file would have been (the schema's, from the
 * same constants): a RangeError naming the field, as the engine's own check says it. The policy object
 * is not looked at: `loadPolicy` validates one.
 */
export function checkBuilt(scenario: Scenario): void {
  const refuse = (field: string, expected: string, found: unknown): never => {
    throw new RangeError(
      `${field}: expected ${expected}, found ${typeof found === "string" ? JSON.stringify(found) : String(found)}`,
    );
  };
  const listed = (field: string, list: readonly unknown[], x: unknown, orNull = false) => {
    if (!(list.includes(x) || (orNull && x === null)))
      refuse(field, `one of ${oneOf(list)}${orNull ? " or null" : ""}`, x);
  };
  const moved = (field: string, x: unknown) => {
    if (!wholeWithin(x, 1, MAX_FEN)) refuse(field, `whole fen from 1 to ${MAX_FEN}`, x);
  };
  const { profile } = scenario;
  if (!wholeWithin(profile.age, PROFILE_AGE.min, PROFILE_AGE.max))
    refuse(
      "profile.age",
      `a whole number of years from ${PROFILE_AGE.min} to ${PROFILE_AGE.max}`,
      profile.age,
    );
  if (!wholeWithin(profile.creditHistoryMonths, 0, MAX_HISTORY_MONTHS))
    refuse(
      "profile.creditHistoryMonths",
      `a whole number of months from 0 to ${MAX_HISTORY_MONTHS}`,
      profile.creditHistoryMonths,
    );
  if (typeof profile.verified !== "boolean") refuse("profile.verified", "true or false", profile.verified);
  scenario.events.forEach((e, i) => {
    const at = `events[${i}]`;
    listed(`${at}.type`, EVENT_TYPES, e.type);
    switch (e.type) {
      case "apply":
        listed(`${at}.line`, LINES, e.line);
        listed(`${at}.product`, APPLICATION_KINDS, e.product);
        if (!(wholeWithin(e.amount, STEP_FEN, MAX_FEN) && e.amount % STEP_FEN === 0))
          refuse(`${at}.amount`, `whole hundreds of yuan: a positive multiple of ${STEP_FEN} fen`, e.amount);
        break;
      case "purchase":
        moved(`${at}.amount`, e.amount);
        listed(`${at}.instalments`, INSTALMENT_TERMS, e.instalments, true);
        break;
      case "borrow":
        moved(`${at}.amount`, e.amount);
        listed(`${at}.term`, LOAN_TERMS, e.term);
        break;
      case "repay":
        listed(`${at}.line`, LINES, e.line);
        if (e.amount?.kind === "amount") moved(`${at}.amount`, e.amount.fen);
        else listed(`${at}.amount.kind`, ["amount", ...REPAY_KEYWORDS], e.amount?.kind);
        break;
      case "close":
        listed(`${at}.line`, LINES, e.line);
        break;
      case "request_review":
        listed(`${at}.line`, LINES, e.line, true);
        break;
      case "change_profile":
        listed(`${at}.field`, PROFILE_FIELDS, e.field);
        break;
      case "external_debt":
      case "external_repayment":
        moved(`${at}.amount`, e.amount);
        break;
      default:
        break;
    }
  });
}
