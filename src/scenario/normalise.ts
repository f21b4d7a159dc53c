// Written scenario (what a user typed, validated) → the engine's Scenario: days resolved from dates,
// yuan to fen, policies resolved, events sorted by day (stable). Cross-field checks are small named rules
// that report a problem with the field path; every problem of the file is reported at once, in file order.

import type { Expectation, Policy, RepayAmount, Scenario, ScenarioEvent } from "../engine/index.js";
import { applyPolicyEvent, isReasonCode, parseIsoDate, wholeFen } from "../engine/index.js";
import {
  formatPath,
  InputError,
  type InputErrorDetails,
  MAX_PROBLEMS,
  numberText,
} from "../shared/errors.js";
import { maxOf } from "../shared/lists.js";
import { quoted } from "../shared/text.js";
import { type DayAsked, dayInSpan } from "./day-asked.js";
import { type EventWords, money } from "./format.js";
import { calendarHint, horizonHint } from "./issues.js";
import { cautionsWritten, cautionText, conflictsWritten } from "./policy-sense.js";
import { isPolicyRef, type WrittenEvent, type WrittenExpectation, type WrittenScenario } from "./schema.js";
import { MAX_DAY } from "./shape.js";

export interface NormaliseContext {
  file: string;
  /** line/column of a field path */
  position(path: readonly PropertyKey[]): { line: number; column: number } | undefined;
  /** resolves a policy reference (built-in name or path relative to the scenario file) */
  resolvePolicy(ref: string): Policy;
  /** resolves the `policy` override (typed on the command line); default: resolvePolicy */
  resolveOverridePolicy?(ref: string): Policy;
  overrides?: { policy?: string; seed?: number; until?: number | DayAsked };
  /** events and expectations (by index) the schema refused: left out of the checks, already reported */
  skip?: { events: ReadonlySet<number>; expect: ReadonlySet<number> };
  /** told what runs as written but warns (a `set` whose penalty falls below the interest it replaces) */
  caution?(warning: string): void;
}

export interface Normalised {
  scenario: Scenario;
  expectations: Expectation[];
}

/** The last day a calendar date can be written for (YYYY has four digits). */
export const LAST_EPOCH_DAY = parseIsoDate("9999-12-31") ?? 2_932_896;

/** A file without `until` runs this many days past its last event or expectation (a statement and its
 *  due date after the last thing it dates). */
export const UNTIL_AFTER_LAST = 31;

export function normalise(w: WrittenScenario, ctx: NormaliseContext): Normalised {
  const problems: InputError[] = [];
  // enough problems to report the first ones in file order, and no more: each costs a position lookup,
  // and 100,000 events after `until` must not cost 100,000 of them
  let more = false;
  const problem = (path: PropertyKey[], message: string, details: InputErrorDetails = {}): undefined => {
    if (problems.length >= 4 * MAX_PROBLEMS) {
      more = true;
      return undefined;
    }
    problems.push(
      new InputError(message, { file: ctx.file, ...ctx.position(path), field: formatPath(path), ...details }),
    );
    return undefined;
  };
  // each reference resolved once; a problem inside a policy file told once, one at a reference at each
  // line that names it — and none looked up once no more problems can be told
  const full = () => problems.length >= 4 * MAX_PROBLEMS;
  const policyAt = policyResolver(ctx, full, (e) => {
    if (full()) more = true;
    else problems.push(e());
  });
  const startEpoch =
    parseIsoDate(w.start) ??
    problem(["start"], "not a calendar date", {
      found: w.start,
      expected: "YYYY-MM-DD",
      ...calendarHint(w.start),
    });

  /** The day of an event or expectation; undefined (and a problem) when it has none that is valid. */
  const dayOf = (
    path: PropertyKey[],
    x: { day?: number | undefined; date?: string | undefined },
    what: string,
  ): number | undefined => {
    if (x.day !== undefined && x.date !== undefined) {
      return problem(path, `${what} gives both day and date`, { hint: "keep one of them" });
    }
    if (x.date !== undefined) {
      const epoch = parseIsoDate(x.date);
      if (epoch === null) {
        return problem([...path, "date"], "not a calendar date", {
          found: x.date,
          expected: "YYYY-MM-DD",
          ...calendarHint(x.date),
        });
      }
      if (startEpoch === undefined) return undefined;
      const day = epoch - startEpoch;
      if (day < 0) {
        return problem([...path, "date"], `${what} is before the scenario starts`, {
          found: `${x.date} (day ${day})`,
          expected: `on or after start ${w.start}`,
        });
      }
      if (day > MAX_DAY) {
        return problem([...path, "date"], `${what} is too far after the start`, {
          found: `${x.date} (day ${day})`,
          expected: `at most ${MAX_DAY} days after start ${w.start}`,
          hint: horizonHint(w.start),
        });
      }
      return day;
    }
    if (x.day !== undefined) return x.day;
    return problem(path, `${what} has no day`, {
      expected: "day: N or date: YYYY-MM-DD",
      hint: "add `day: N`",
    });
  };

  // a --policy that cannot be read is a problem beside the file's own (its days are still checked)
  const policy =
    ctx.overrides?.policy !== undefined
      ? resolveOverride(ctx.overrides.policy, ctx.resolveOverridePolicy ?? ctx.resolvePolicy, (e) =>
          problems.push(e),
        )
      : policyAt(["policy"], w.policy);
  checkOverrides(ctx.overrides);
  const untilAsked = untilOverride(
    ctx.overrides?.until,
    { file: ctx.file, start: w.start },
    startEpoch,
    problems,
  );

  const skip = ctx.skip;
  const eventDays = w.events.map((e, index) =>
    skip?.events.has(index) ? undefined : dayOf(["events", index], e, "the event"),
  );
  const events: ScenarioEvent[] = [];
  for (const [index, e] of w.events.entries()) {
    if (skip?.events.has(index)) continue;
    const path = ["events", index];
    const event = toEvent(
      e,
      eventDays[index] ?? 0,
      index,
      (ref) => policyAt([...path, "use"], ref),
      () =>
        problem(path, "a policy event needs `use` or `set`", {
          hint: "e.g. { type: policy, use: tightened } or set: { minScore: 600 }",
        }),
    );
    if (event) events.push(event);
  }
  // stable: same-day events keep file order
  events.sort((a, b) => a.day - b.day || a.index - b.index);
  checkDebtElsewhere(wholeFen(w.profile.externalDebt), events, problem);
  if (policy !== null) checkPolicySets(policy, events, problem, ctx);

  const written = w.expect ?? [];
  for (const [index, x] of written.entries())
    if (!skip?.expect.has(index)) checkExpectation(x, ["expect", index], problem);
  const expectDays = written.map((x, index) =>
    x.end || skip?.expect.has(index) ? null : dayOf(["expect", index], x, "the expectation"),
  );
  const known = (d: number | null | undefined): d is number => typeof d === "number";
  const lastDay = maxOf([...eventDays.filter(known), ...expectDays.filter(known)], 0);
  const until = untilAsked ?? w.until ?? lastDay + UNTIL_AFTER_LAST;
  // nothing a file dates after its own `until` is silently left out (a --until override cuts on purpose)
  if (ctx.overrides?.until === undefined) {
    eventDays.forEach((d, index) => {
      if (known(d) && d > until) {
        problem(["events", index], "the event is after the last simulated day", {
          found: `day ${d}`,
          expected: `at most until (${until})`,
          hint: "raise `until` or remove the event",
        });
      }
    });
    expectDays.forEach((d, index) => {
      if (known(d) && d > until) {
        problem(["expect", index], "the expectation is after the last simulated day", {
          found: `day ${d}`,
          expected: `at most until (${until})`,
          hint: "raise `until` or move the expectation",
        });
      }
    });
  }
  if (startEpoch !== undefined && startEpoch + until > LAST_EPOCH_DAY) {
    problem(["start"], "the scenario runs past the year 9999", {
      found: `start ${w.start}, ${until} day${until === 1 ? "" : "s"}${ctx.overrides?.until === undefined ? "" : " (--until)"}`,
      expected: "a last simulated day on or before 9999-12-31",
      hint:
        ctx.overrides?.until === undefined
          ? "move `start` earlier"
          : `run fewer days (--until ${LAST_EPOCH_DAY - startEpoch} at most from this start), or move \`start\` earlier`,
    });
  }
  if (problems.length > 0) {
    const sorted = problems
      .map((error, order) => ({ error, order }))
      .sort(
        (a, b) =>
          // this file's problems first, then those inside the policy files it names
          Number(a.error.details.file !== ctx.file) - Number(b.error.details.file !== ctx.file) ||
          (a.error.details.line ?? 1e9) - (b.error.details.line ?? 1e9) ||
          (a.error.details.column ?? 0) - (b.error.details.column ?? 0) ||
          a.order - b.order,
      )
      .map((p) => p.error);
    throw InputError.all(sorted.slice(0, MAX_PROBLEMS), sorted.length > MAX_PROBLEMS || more);
  }
  // an unresolved policy was reported as a problem above
  if (policy === null) throw new Error("normalise: no policy and no problem");
  const expectations = written.map((x, index) => toExpectation(x, index, expectDays[index] ?? until));

  return {
    scenario: {
      name: w.name,
      // one paragraph: a YAML block (`>` or `|`) brings line breaks — a last one always — which the
      // trace's one-line header printed as "\n"
      description: w.description.trim().replace(/\s*[\r\n]+\s*/g, " "),
      start: w.start,
      until,
      seed: ctx.overrides?.seed ?? w.seed ?? 1,
      policy,
      profile: {
        age: w.profile.age,
        monthlyIncome: w.profile.monthlyIncome,
        verified: w.profile.verified,
        creditHistoryMonths: w.profile.creditHistoryMonths,
        externalDebt: wholeFen(w.profile.externalDebt),
      },
      // a --until override cuts on purpose: what it cuts is left out here, as its file's `until` leaves
      // nothing after it, so that a scenario holds no event past its last day (the library's simulate
      // refuses one built by hand that does: it would be left out in silence)
      events: untilAsked === undefined ? events : events.filter((e) => e.day <= until),
      observe: [...new Set(expectations.map((x) => x.day))].sort((a, b) => a - b),
    },
    expectations,
  };
}

/** The most a customer may owe elsewhere at any one time, in fen: ¥1,000,000,000,000, a thousand of the
 *  largest amount one event may add. Each amount is bounded, their sum was not: 95,000 of the largest
 *  passed 2^53 fen, where a double no longer holds every fen — a repayment of ¥0.01 changed nothing and
 *  customer service's figures were off by hundreds of yuan. */
const MAX_DEBT_ELSEWHERE = 100_000_000_000_000;

/** Debt elsewhere as the events move it, in the engine's order: the event that takes it past
 *  MAX_DEBT_ELSEWHERE is a problem (the first such; what follows it is past counting too). */
function checkDebtElsewhere(
  initial: number,
  events: readonly ScenarioEvent[],
  problem: (path: PropertyKey[], message: string, details?: InputErrorDetails) => undefined,
): void {
  let debt = initial;
  for (const e of events) {
    if (e.type === "external_repayment") debt -= Math.min(debt, e.amount);
    if (e.type !== "external_debt") continue;
    debt += e.amount;
    if (debt > MAX_DEBT_ELSEWHERE) {
      problem(["events", e.index, "amount"], "the debt elsewhere would be more than credit-sim counts", {
        found: `${money(debt)} owed elsewhere after it (day ${e.day})`,
        expected: `at most ${money(MAX_DEBT_ELSEWHERE)} owed elsewhere at any time`,
        hint: "lower the amounts, or repay some of it (external_repayment) before this event",
      });
      return;
    }
  }
}

/** The `--until` override as a day of this file: a date made a day with its start — one before the start
 *  or past the days a scenario has told (with the days and dates it takes) beside the file's problems;
 *  undefined when not given, or when the start is no date to count from (a problem already). */
function untilOverride(
  until: number | DayAsked | undefined,
  { file, start }: { file: string; start: string },
  startEpoch: number | undefined,
  problems: InputError[],
): number | undefined {
  if (until === undefined || typeof until === "number") return until;
  // a number is checked as `until` is: past the year 9999 from this start, said with the most it may be
  if ("day" in until) return until.day;
  if (startEpoch === undefined) return undefined;
  try {
    return dayInSpan("--until", until, {
      start,
      last: Math.min(MAX_DAY, LAST_EPOCH_DAY - startEpoch),
      of: "the scenario",
      file,
    });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    problems.push(e);
    return undefined;
  }
}

/** Command-line overrides are checked like the fields they replace, and named as options in errors. */
function checkOverrides(o: NormaliseContext["overrides"]): void {
  if (typeof o?.until === "number" && !(Number.isInteger(o.until) && o.until >= 0 && o.until <= MAX_DAY)) {
    throw new InputError("value out of range", {
      field: "--until",
      expected: `a whole number of days from 0 to ${MAX_DAY}`,
      found: String(o.until),
    });
  }
  if (o?.seed !== undefined && !Number.isSafeInteger(o.seed)) {
    throw new InputError("not a whole number", {
      field: "--seed",
      expected: "a whole number",
      found: String(o.seed),
    });
  }
}

/**
 * The problems of the policies a file names (`policy:`, an event's `use:`), read from the file as parsed:
 * for a file the schema refused, so that every problem is reported at once — a misspelt event and an
 * unknown policy together, not one after the other. Best effort: a reference that is not a string is the
 * schema's problem, already reported.
 */
export function referenceProblems(data: unknown, ctx: NormaliseContext): InputError[] {
  const problems: InputError[] = [];
  if (data === null || typeof data !== "object" || Array.isArray(data)) return problems;
  const doc = data as Record<string, unknown>;
  // a problem inside a policy file is thrown with that file's own line: kept beside the others; each
  // reference is resolved once (a file naming one bad policy a thousand times reads it once, says it once),
  // and none once no more problems can be told
  const seen = new Set<string>();
  const full = () => problems.length >= 4 * MAX_PROBLEMS;
  const policyAt = policyResolver(ctx, full, (e) => {
    if (!full()) problems.push(e());
  });
  const check = (path: PropertyKey[], ref: string) => {
    // a reference the schema refuses (empty, or over 1,000 characters) is its problem: said once, there —
    // not again as a file not found or a path too long for the system
    if (!isPolicyRef(ref) || seen.has(ref)) return;
    seen.add(ref);
    policyAt(path, ref);
  };
  if (ctx.overrides?.policy === undefined && typeof doc.policy === "string") check(["policy"], doc.policy);
  if (Array.isArray(doc.events))
    doc.events.forEach((e: unknown, index) => {
      if (e !== null && typeof e === "object" && typeof (e as { use?: unknown }).use === "string")
        check(["events", index, "use"], (e as { use: string }).use);
    });
  return problems;
}

/** A --policy reference, or null with its problem told: an unknown name is the option's fault, not the
 *  scenario file's. */
function resolveOverride(
  ref: string,
  resolvePolicy: (ref: string) => Policy,
  tell: (problem: InputError) => void,
): Policy | null {
  try {
    return resolvePolicy(ref);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    tell(
      err.details.file === undefined
        ? new InputError(err.message, { ...err.details, field: "--policy" })
        : err,
    );
    return null;
  }
}

/** The `set`s of a day's `policy` events make a policy with the one in effect (the file's, or the last
 *  `use`, with the `set`s before): a conflict with a parameter one of them sets is told at that parameter,
 *  in the last event of the day that sets it. A day's events are one change (a policy between two of them
 *  is in effect for no time), so two events of one day may move the statement and the due day together. */
export function checkPolicySets(
  policy: Policy,
  events: readonly ScenarioEvent[],
  problem: (path: PropertyKey[], message: string, details: InputErrorDetails) => undefined,
  ctx: Pick<NormaliseContext, "file" | "position" | "caution">,
): void {
  const changes = events.filter((e) => e.type === "policy");
  let current = policy;
  for (let i = 0; i < changes.length; ) {
    const day = changes[i]!.day;
    // each parameter set since the day's last `use`, by the event that set it last; the rest's policy
    const setBy = new Map<string, number>();
    let from = current.name;
    for (; i < changes.length && changes[i]!.day === day; i++) {
      const e = changes[i]!;
      if (e.use) {
        setBy.clear();
        from = e.use.name;
      }
      current = applyPolicyEvent(current, e.use, e.set);
      for (const k of Object.keys(e.set)) setBy.set(k, e.index);
    }
    for (const c of conflictsWritten(current, [...setBy.keys()], from))
      problem(["events", setBy.get(c.param)!, "set", c.param, ...(c.at ?? [])], c.message, {
        expected: c.expected,
        found: c.found,
        hint: c.hint,
      });
    // what runs but warns, told as a policy file's cautions are: where the `set` writes it
    for (const c of ctx.caution ? cautionsWritten(current, [...setBy.keys()], from) : []) {
      const index = setBy.get(c.param)!;
      const at = ctx.position(["events", index, "set", c.param]);
      ctx.caution?.(cautionText(c, ctx.file, at, `events[${index}].set.${c.param}`));
    }
  }
}

/**
 * The policies a file names, each reference resolved once (a file naming one policy on 100,000 events reads
 * it once; the reading reads a file once whatever path leads to it, refused or not). A problem is told
 * through `tell` (as a maker: what no one will see costs no position lookup): one inside a policy file
 * once, however many references lead to it; one at the reference — an unknown name, a file that cannot
 * be read — at each line that names it. Once `full`, a reference not resolved yet is not looked up: the
 * file is refused already, with more problems than it can show.
 */
function policyResolver(
  ctx: NormaliseContext,
  full: () => boolean,
  tell: (problem: () => InputError) => void,
): (path: PropertyKey[], ref: string) => Policy | null {
  const outcomes = new Map<string, Policy | InputError>();
  const told = new Set<InputError>();
  return (path, ref) => {
    let outcome = outcomes.get(ref);
    if (outcome === undefined) {
      if (full()) return null;
      try {
        outcome = ctx.resolvePolicy(ref);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        outcome = err;
      }
      outcomes.set(ref, outcome);
    }
    if (!(outcome instanceof InputError)) return outcome;
    const err = outcome;
    if (err.details.file === undefined) {
      tell(
        () =>
          new InputError(err.message, {
            ...err.details,
            file: ctx.file,
            ...ctx.position(path),
            field: formatPath(path),
          }),
      );
      return null;
    }
    // the file named could not be read at all (missing, a folder, a device…): said where it is named,
    // with the file it resolved to; a problem inside it keeps its own file and line
    if (err.details.line === undefined && err.problems.length === 1) {
      tell(
        () =>
          new InputError(`${err.message}: ${err.details.file}`, {
            found: quoted(ref),
            ...err.details,
            // the reader's "not found" hint speaks of the working folder, and a path here starts at the
            // scenario's; any other hint (a link loop, an extends cycle) is kept
            hint:
              err.details.hint === undefined || err.details.hint.includes("current folder")
                ? "a path here starts at this scenario file's folder"
                : err.details.hint,
            file: ctx.file,
            ...ctx.position(path),
            field: formatPath(path),
          }),
      );
      return null;
    }
    // problems inside the policy file: kept with their own file and line, beside the scenario's own (they
    // must not end the scenario's checks), once
    if (!told.has(err)) {
      told.add(err);
      tell(() => err);
    }
    return null;
  };
}

function toEvent(
  e: WrittenEvent,
  day: number,
  index: number,
  resolvePolicy: (ref: string) => Policy | null,
  policyWithoutChange: () => undefined,
): ScenarioEvent | undefined {
  const at = { day, index };
  if (e.type !== "policy") return { ...at, ...eventFields(e) };
  if (e.use === undefined && (e.set === undefined || Object.keys(e.set).length === 0))
    return policyWithoutChange();
  const use = e.use === undefined ? null : resolvePolicy(e.use);
  if (e.use !== undefined && use === null) return undefined;
  return { ...at, type: "policy", use, set: e.set ?? {} };
}

/** A written event other than a policy change in the engine's terms — amounts in fen, the default line
 *  named — without its day: what the engine runs, and what a listing of written events describes. */
export function eventFields(
  e: Exclude<WrittenEvent, { type: "policy" }>,
): Exclude<EventWords, { type: "policy" }> {
  switch (e.type) {
    case "apply":
      return { type: "apply", line: e.line ?? "huabei", product: e.product, amount: wholeFen(e.amount) };
    case "purchase":
      return {
        type: "purchase",
        amount: wholeFen(e.amount),
        merchant: e.merchant ?? null,
        instalments: e.instalments ?? null,
      };
    case "borrow":
      return { type: "borrow", amount: wholeFen(e.amount), term: e.term };
    case "repay": {
      const amount: RepayAmount =
        typeof e.amount === "number" ? { kind: "amount", fen: wholeFen(e.amount) } : { kind: e.amount };
      return { type: "repay", line: e.line ?? "huabei", amount };
    }
    case "close":
      return { type: "close", line: e.line ?? "huabei" };
    case "request_review":
      return { type: "request_review", line: e.line ?? null };
    case "change_profile":
      return { type: "change_profile", field: e.field };
    case "external_debt":
      return { type: "external_debt", amount: wholeFen(e.amount) };
    case "external_repayment":
      return { type: "external_repayment", amount: wholeFen(e.amount) };
    case "external_inquiry":
    case "contact_support":
    case "verify_identity":
      return { type: e.type };
    case "income":
      return { type: "income", monthlyIncome: e.monthlyIncome };
    case "note":
      return { type: "note", text: e.text };
    default: {
      // a written event type without its case here would be validated, then dropped without a word
      const never: never = e;
      throw new Error(`no engine event for ${JSON.stringify(never)}`);
    }
  }
}

function toExpectation(x: WrittenExpectation, index: number, day: number): Expectation {
  const range = (
    v: number | { min?: number | undefined; max?: number | undefined },
    scale: (n: number) => number,
  ) =>
    typeof v === "number"
      ? { min: scale(v), max: scale(v) }
      : {
          ...(v.min !== undefined ? { min: scale(v.min) } : {}),
          ...(v.max !== undefined ? { max: scale(v.max) } : {}),
        };
  const same = (n: number) => n;
  return {
    index,
    day,
    end: x.end === true,
    line: x.line ?? "huabei",
    ...(x.decision !== undefined ? { decision: x.decision } : {}),
    ...(x.status !== undefined ? { status: x.status } : {}),
    ...(x.cause !== undefined ? { cause: x.cause } : {}),
    ...(x.reasons !== undefined ? { reasons: x.reasons.filter(isReasonCode) } : {}),
    ...(x.limit !== undefined ? { limit: wholeFen(x.limit) } : {}),
    ...(x.score !== undefined ? { score: range(x.score, same) } : {}),
    ...(x.balance !== undefined ? { balance: range(x.balance, wholeFen) } : {}),
  };
}

const CHECKED = ["decision", "status", "cause", "reasons", "limit", "score", "balance"] as const;

/** An expectation must be able both to pass and to fail: it checks something, on one day, with a range
 *  that is not empty. */
function checkExpectation(
  x: WrittenExpectation,
  path: PropertyKey[],
  problem: (path: PropertyKey[], message: string, details?: InputErrorDetails) => undefined,
): void {
  if (x.end && (x.day !== undefined || x.date !== undefined)) {
    problem(path, "the expectation gives both `end: true` and a day", { hint: "keep one of them" });
  }
  if (!CHECKED.some((k) => x[k] !== undefined)) {
    problem(path, "the expectation checks nothing", {
      expected: `at least one of ${CHECKED.join(", ")}`,
      hint: "e.g. { day: 30, status: active }",
    });
  }
  // a check that holds whatever happens reads as one that was met: `reasons: []` is not "no reasons"
  if (x.reasons !== undefined && x.reasons.length === 0) {
    problem([...path, "reasons"], "an empty list checks nothing", {
      hint: "name the codes the day must cite (at least these), or leave `reasons` out",
    });
  }
  for (const k of ["score", "balance"] as const) {
    const r = x[k];
    if (typeof r === "object" && r.min === undefined && r.max === undefined) {
      problem([...path, k], "a range without min or max checks nothing", {
        hint: `give min, max or both, e.g. ${k}: { min: 600 }`,
      });
    }
    if (typeof r === "object" && r.min !== undefined && r.max !== undefined && r.min > r.max) {
      problem([...path, k], "the range is empty", {
        found: `min ${numberText(r.min)} > max ${numberText(r.max)}`,
        hint: "swap min and max",
      });
    }
  }
}
