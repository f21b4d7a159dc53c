// The library's `simulate` and `run` take a scenario built by hand as well as a loaded one. The bounds a
// file has are checked here, at the library's door, so that a hand-built scenario is refused where a file
// saying the same is: an ask of ¥4,050.50 was granted as asked (a limit no rule could make), an age of -5
// approved on MEETS_POLICY, an age of NaN scored, a policy of `minScore: NaN` run (every score "met" it),
// a policy of `null` a TypeError deep in the engine. The engine's own callers (the population, the what-if
// search, the tests' builders) keep the engine as it is.
//
// What is checked is a copy, and the copy is what runs: each field is read once (a getter that answers
// one value to the check and another to the engine, or throws, or an object that holds itself, is told
// here, not met in the middle of a run), a frozen object is never written to, and a `__proto__` key is a
// key like any other (refused where the file would refuse it), never the copy's prototype.

import {
  APPLICATION_KINDS,
  checkRunnable,
  EVENT_TYPES,
  FEN_PER_YUAN,
  INSTALMENT_TERMS,
  LIMIT_STEP_YUAN,
  LINES,
  LOAN_TERMS,
  MAX_HISTORY_MONTHS,
  MAX_YUAN,
  POLICY_PARAM_NAMES,
  type Policy,
  PROFILE_AGE,
  PROFILE_FIELDS,
  type Profile,
  parseIsoDate,
  REPAY_KEYWORDS,
  type Scenario,
  type ScenarioEvent,
} from "../engine/index.js";
import { describeValue, formatPath, InputError, MAX_PROBLEMS } from "../shared/errors.js";
import { doorError, plainCopy } from "../shared/plain-copy.js";
import { isRecord } from "./issues.js";
import { checkPolicySets, LAST_EPOCH_DAY } from "./normalise.js";
import { conflictsWritten } from "./policy-sense.js";
import {
  FullPolicyParams,
  MAX_DESCRIPTION,
  MAX_EVENTS,
  MAX_MERCHANT,
  MAX_NAME,
  MAX_NOTE,
  PolicyObject,
  PolicyOverrides,
  schemaKeysAt,
} from "./schema.js";
import { meant } from "./synonyms.js";
import { problemsOf } from "./validate.js";

const MAX_FEN = MAX_YUAN * FEN_PER_YUAN;
const STEP_FEN = LIMIT_STEP_YUAN * FEN_PER_YUAN;
/** The longest list copied (the events are bounded by MAX_EVENTS, told as the file's are). */
const MAX_LIST = 1_000_000;
/** The deepest a scenario's data goes is 6 (events[i].use.limitBands[j].minScore); past this, it is not
 *  a scenario. */
const MAX_DEPTH = 12;

/** Every field of `T`, each `true`: the compiler refuses a field of the type left out (a field added to a
 *  type and not listed here would have every hand-built scenario that uses it refused as unknown). */
type AllFields<T> = { readonly [K in keyof T]-?: true };
const fieldsOf = <T>(all: AllFields<T>): readonly string[] => Object.keys(all);

/** The fields of a scenario as the engine runs it, of its profile and of each event (a key of no field is
 *  refused as a file's unknown field is: `evnets` ran a scenario of no events, taken and ignored), in the
 *  order the refusal lists them. */
const SCENARIO_FIELDS = fieldsOf<Scenario>({
  name: true,
  description: true,
  start: true,
  until: true,
  seed: true,
  policy: true,
  profile: true,
  events: true,
  observe: true,
});
const PROFILE_KEYS = fieldsOf<Profile>({
  age: true,
  monthlyIncome: true,
  verified: true,
  creditHistoryMonths: true,
  externalDebt: true,
});
/** Each event type's own fields (besides `day`, `index` and `type`, which every event has). */
const EVENT_FIELDS: {
  readonly [T in ScenarioEvent["type"]]: AllFields<
    Omit<Extract<ScenarioEvent, { type: T }>, "day" | "index" | "type">
  >;
} = {
  apply: { line: true, product: true, amount: true },
  purchase: { amount: true, merchant: true, instalments: true },
  borrow: { amount: true, term: true },
  repay: { line: true, amount: true },
  close: { line: true },
  change_profile: { field: true },
  external_debt: { amount: true },
  external_repayment: { amount: true },
  external_inquiry: {},
  income: { monthlyIncome: true },
  policy: { use: true, set: true },
  contact_support: {},
  verify_identity: {},
  request_review: { line: true },
  note: { text: true },
};

/** Each key of `value` (at `at`) that is none of `known`: said as a file's unknown field, with the field
 *  meant when one is near. */
function unknownFields(value: Record<string, unknown>, at: string, known: readonly string[]): InputError[] {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const guess = meant(key, known, value[key]);
      return doorError(at === "" ? key : `${at}.${key}`, `unknown field ${JSON.stringify(key)}`, {
        expected: `one of ${known.join(", ")}`,
        hint: guess === undefined ? "remove it" : `did you mean ${JSON.stringify(guess)}?`,
      });
    });
}

const wholeWithin = (x: unknown, min: number, max: number): boolean =>
  Number.isInteger(x) && (x as number) >= min && (x as number) <= max;

const oneOf = (list: readonly unknown[]): string => list.map((x) => JSON.stringify(x)).join(", ");

/** The problems of a policy object at `at` (`policy`, `events[3].use`): the CLI's, as a policy file's. */
export function policyProblems(value: unknown, at: readonly PropertyKey[], partial: boolean): InputError[] {
  const schema = partial ? PolicyOverrides : PolicyObject;
  const result = schema.safeParse(value);
  if (result.success) {
    if (partial) return [];
    // each parameter valid alone, the whole must make a policy (a band that never applies, a bill due
    // after the next statement), as a policy file's must
    const policy = result.data as unknown as Policy;
    return conflictsWritten(policy, POLICY_PARAM_NAMES, policy.name).map((c) =>
      doorError(formatPath([...at, c.param, ...(c.at ?? [])]), c.message, {
        expected: c.expected,
        found: c.found,
        hint: c.hint,
      }),
    );
  }
  const keysAt = (path: readonly PropertyKey[]) => schemaKeysAt(FullPolicyParams, path);
  const error = problemsOf(result.error.issues, { data: value, position: () => undefined }, "", { keysAt });
  return error.problems.map((p) => {
    const { file: _file, line: _line, column: _column, field, ...d } = p.details;
    return doorError(formatPath(at) + (field && field !== "(top level)" ? `.${field}` : ""), p.message, d);
  });
}

/**
 * A scenario built by hand, checked against the bounds its file would have been (the schema's, from the
 * same constants), its policy as a policy file's: every problem at once, an InputError (the CLI's bad
 * input: field, expected, found, hint), its message naming the field. Returns the copy checked — the one
 * to run.
 */
export function checkBuilt(scenario: Scenario): Scenario {
  const { copy, problems: unread } = plainCopy(scenario, {
    maxList: MAX_LIST,
    maxDepth: MAX_DEPTH,
    root: "(the scenario)",
  });
  if (unread.length > 0) throw all(unread);
  const problems: InputError[] = [];
  const refuse = (field: string, expected: string, found: unknown): void => {
    problems.push(doorError(field, "", { expected, found: describeValue(found) }));
  };
  if (!isRecord(copy)) {
    refuse("(the scenario)", "an object with name, start, until, policy, profile, events and observe", copy);
    throw all(problems);
  }
  const s = copy as Record<string, unknown>;
  const text = (field: string, max: number, min: number) => {
    const x = s[field];
    if (!(typeof x === "string" && x.length >= min && x.length <= max))
      refuse(field, `text of ${min} to ${max} characters`, x);
  };
  text("name", MAX_NAME, 1);
  text("description", MAX_DESCRIPTION, 0);
  const startDay = typeof s.start === "string" ? parseIsoDate(s.start) : null;
  if (startDay === null) refuse("start", "a calendar date as YYYY-MM-DD", s.start);
  else if (Number.isInteger(s.until) && startDay + (s.until as number) > LAST_EPOCH_DAY)
    refuse("until", `a last simulated day on or before 9999-12-31 (from start ${s.start})`, s.until);
  const policyOk = policyProblems(s.policy, ["policy"], false);
  problems.push(...policyOk);
  const { profile, events, observe } = s;
  const shaped = (field: string, ok: boolean, expected: string, x: unknown): boolean => {
    if (!ok) refuse(field, expected, x);
    return ok;
  };
  problems.push(...unknownFields(s, "", SCENARIO_FIELDS));
  const profileOk = shaped("profile", isRecord(profile), "an object", profile);
  const eventsOk =
    shaped("events", Array.isArray(events), "a list of events", events) &&
    shaped("events", (events as unknown[]).length <= MAX_EVENTS, `at most ${MAX_EVENTS} events`, events);
  const observeOk = shaped("observe", Array.isArray(observe), "a list of days", observe);
  if (profileOk) {
    checkProfile(profile as Record<string, unknown>, refuse);
    problems.push(...unknownFields(profile as Record<string, unknown>, "profile", PROFILE_KEYS));
  }
  let eventsShaped = eventsOk;
  let setsOk = eventsOk;
  if (eventsOk)
    (events as unknown[]).forEach((e, i) => {
      if (!isRecord(e)) {
        refuse(`events[${i}]`, "an event: an object with day and type", e);
        eventsShaped = false;
        return;
      }
      const own = checkEvent(e, i, refuse);
      problems.push(...own);
      if (own.length > 0) setsOk = false;
    });
  if (profileOk && eventsShaped && observeOk) {
    checkRunnable(copy as unknown as Scenario, refuse);
    pastUntil(copy as unknown as Scenario, refuse);
  }
  // the `set`s of a day's policy events make a policy with the one in force, as a file's must
  if (policyOk.length === 0 && setsOk && eventsShaped) {
    const changes = (events as ScenarioEvent[]).flatMap((e, index) =>
      e.type === "policy" ? [{ ...e, index }] : [],
    );
    checkPolicySets(
      s.policy as Policy,
      changes,
      (path, message, d) => {
        problems.push(doorError(formatPath(path), message, d));
        return undefined;
      },
      { file: "", position: () => undefined },
    );
  }
  if (problems.length > 0) throw all(problems);
  return copy as unknown as Scenario;
}

/** An event after `until`, which the engine never reaches: refused as its file's is ("the event is after
 *  the last simulated day"), not left out in silence (a loaded scenario's --until cut holds none). */
function pastUntil(s: Scenario, refuse: (field: string, expected: string, found: unknown) => void): void {
  if (!Number.isInteger(s.until)) return;
  let told = 0;
  s.events.forEach((e, i) => {
    if (told <= MAX_PROBLEMS && Number.isInteger(e.day) && e.day > s.until) {
      refuse(`events[${i}].day`, `a day no later than until (${s.until}): the event would never run`, e.day);
      told++;
    }
  });
}

/** Every problem, up to the number a file's are told. */
const all = (problems: readonly InputError[]): InputError =>
  InputError.all(problems.slice(0, MAX_PROBLEMS), problems.length > MAX_PROBLEMS);

function checkProfile(
  profile: Record<string, unknown>,
  refuse: (field: string, expected: string, found: unknown) => void,
): void {
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
}

/** One event's fields (its day and money the engine's own check looks at); its unknown fields and a policy
 *  event's policy problems are returned (they keep the CLI's wording), the rest told to `refuse`. */
function checkEvent(
  e: Record<string, unknown>,
  i: number,
  refuse: (field: string, expected: string, found: unknown) => void,
): InputError[] {
  const at = `events[${i}]`;
  const listed = (field: string, list: readonly unknown[], x: unknown, orNull = false) => {
    if (!(list.includes(x) || (orNull && x === null)))
      refuse(`${at}.${field}`, `one of ${oneOf(list)}${orNull ? " or null" : ""}`, x);
  };
  const moved = (field: string, x: unknown) => {
    if (!wholeWithin(x, 1, MAX_FEN)) refuse(`${at}.${field}`, `whole fen from 1 to ${MAX_FEN}`, x);
  };
  // as long as its file may write it (a merchant of a million characters ran into every line of a trace)
  const words = (field: string, x: unknown, max: number, orNull: boolean) => {
    if (!((typeof x === "string" && x.length <= max) || (orNull && x === null)))
      refuse(`${at}.${field}`, `text of at most ${max} characters${orNull ? ", or null" : ""}`, x);
  };
  listed("type", EVENT_TYPES, e.type);
  const own = Object.hasOwn(EVENT_FIELDS, e.type as string)
    ? EVENT_FIELDS[e.type as ScenarioEvent["type"]]
    : undefined;
  const unknown =
    own === undefined ? [] : unknownFields(e, at, ["day", "index", "type", ...Object.keys(own)]);
  switch (e.type) {
    case "apply":
      listed("line", LINES, e.line);
      listed("product", APPLICATION_KINDS, e.product);
      if (!(wholeWithin(e.amount, STEP_FEN, MAX_FEN) && (e.amount as number) % STEP_FEN === 0))
        refuse(`${at}.amount`, `whole hundreds of yuan: a positive multiple of ${STEP_FEN} fen`, e.amount);
      break;
    case "purchase":
      moved("amount", e.amount);
      words("merchant", e.merchant, MAX_MERCHANT, true);
      listed("instalments", INSTALMENT_TERMS, e.instalments, true);
      break;
    case "borrow":
      moved("amount", e.amount);
      listed("term", LOAN_TERMS, e.term);
      break;
    case "repay": {
      listed("line", LINES, e.line);
      const amount = isRecord(e.amount) ? e.amount : undefined;
      if (amount?.kind === "amount") moved("amount", amount.fen);
      else listed("amount.kind", ["amount", ...REPAY_KEYWORDS], amount?.kind);
      break;
    }
    case "close":
      listed("line", LINES, e.line);
      break;
    case "request_review":
      listed("line", LINES, e.line, true);
      break;
    case "change_profile":
      listed("field", PROFILE_FIELDS, e.field);
      break;
    case "external_debt":
    case "external_repayment":
      moved("amount", e.amount);
      break;
    case "note":
      words("text", e.text, MAX_NOTE, false);
      break;
    case "policy":
      return [
        ...unknown,
        ...(e.use === null ? [] : policyProblems(e.use, ["events", i, "use"], false)),
        ...policyProblems(e.set, ["events", i, "set"], true),
      ];
    default:
      break;
  }
  return unknown;
}
