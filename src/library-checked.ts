// The library's functions as it hands them out: each argument a caller builds by hand is checked at the
// door against the shape the function reads (an InputError naming it: `applyEdit(v, null)` says
// "edit: expected an edit …", not "Cannot read properties of null (reading 'kind')" from inside). The
// checks are shallow — the fields each function reads before it trusts the rest — and the engine's own
// callers keep the unchecked functions (its hot paths are not slowed).

import {
  CAUSES,
  DECISIONS,
  checkAll as engineCheckAll,
  checkExpectation as engineCheckExpectation,
  fenToYuan as engineFenToYuan,
  LINES,
  MAX_DAY,
  parseIsoDate,
  REASON_CODES,
  scoreReasons as rawScoreReasons,
  yuanToFen as rawYuanToFen,
  STATUSES,
} from "./engine/index.js";
import { type AccountOptions, AccountRunner as RawAccountRunner } from "./population/account.js";
import { Agent as RawAgent, reactionsOf as rawReactionsOf } from "./population/agent.js";
import { scenarioYaml as rawScenarioYaml } from "./population/export.js";
import {
  auc as rawAuc,
  gini as rawGini,
  ks as rawKs,
  psi as rawPsi,
  scorePsi as rawScorePsi,
} from "./population/metrics.js";
import {
  type Outcome as AccountOutcome,
  OutcomeRecorder as RawOutcomeRecorder,
} from "./population/outcome.js";
import { type Plan, makePlan as rawMakePlan } from "./population/plan.js";
import { documentText as rawDocumentText, mergeResults as rawMergeResults } from "./population/result.js";
import { runRange as rawRunRange } from "./population/runner.js";
import { type PopulationContext, populationContext as rawPopulationContext } from "./population/settings.js";
import { preparePopulation as rawPreparePopulation } from "./population/setup.js";
import { summarise as rawSummarise } from "./population/stats.js";
import { BAD_DEFINITIONS, MAX_ACCOUNTS, MAX_SEED, MIN_SEED } from "./population/vocabulary.js";
import { describeValue, InputError, MAX_PROBLEMS } from "./shared/errors.js";
import { goldenTrace as rawGoldenTrace } from "./testing/golden-trace.js";
import {
  adviceText as rawAdviceText,
  clauseText as rawClauseText,
  problemText as rawProblemText,
} from "./whatif/advice.js";
import { type Change, editOf as rawEditOf } from "./whatif/candidates.js";
import {
  compareTraces as rawCompareTraces,
  keyText as rawKeyText,
  outcome as rawOutcome,
} from "./whatif/compare.js";
import { GOALS } from "./whatif/goal.js";
import {
  comparisonToJson as rawComparisonToJson,
  counterfactualToJson as rawCounterfactualToJson,
} from "./whatif/json.js";
import {
  compareRuns as rawCompareRuns,
  decisionsById as rawDecisionsById,
  runVariant as rawRunVariant,
} from "./whatif/run.js";
import { variantYaml as rawVariantYaml } from "./whatif/save.js";
import { searchCounterfactual as rawSearchCounterfactual } from "./whatif/search.js";
import {
  applyEdit as rawApplyEdit,
  baseVariant as rawBaseVariant,
  loadVariant as rawLoadVariant,
} from "./whatif/variant.js";

/** What a value must be: a test of it, what is expected, and (for an object) its fields' shapes. */
export interface Shape {
  expected: string;
  test: (value: unknown) => boolean;
  /** an object's fields' shapes (a function of it: a union's, by its kind) */
  fields?: Record<string, Shape> | ((value: Record<string, unknown>) => Record<string, Shape>);
  /** a list's items */
  items?: Shape;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const text: Shape = { expected: "text", test: (v) => typeof v === "string" };
const flag: Shape = { expected: "true or false", test: (v) => typeof v === "boolean" };
const whole: Shape = { expected: "a whole number", test: (v) => Number.isSafeInteger(v) };
const finite: Shape = {
  expected: "a finite number",
  test: (v) => typeof v === "number" && Number.isFinite(v),
};
const fn: Shape = { expected: "a function", test: (v) => typeof v === "function" };
const aMap: Shape = { expected: "a Map", test: (v) => v instanceof Map };
const date: Shape = {
  expected: "a calendar date as YYYY-MM-DD",
  test: (v) => typeof v === "string" && parseIsoDate(v) !== null,
};
export const list = (items?: Shape, expected = "a list"): Shape => ({
  expected,
  test: Array.isArray,
  ...(items && { items }),
});
const object = (expected: string, fields: Record<string, Shape> = {}): Shape => ({
  expected,
  test: isObject,
  fields,
});
const oneOf = (...words: readonly string[]): Shape =>
  named(`one of ${words.map((w) => `"${w}"`).join(", ")}`, words);
/** one of `words`, said as `expected` (a catalogue too long to list in a message) */
const named = (expected: string, words: readonly string[]): Shape => ({
  expected,
  test: (v) => typeof v === "string" && words.includes(v),
});
/** `shape`, or nothing (the field left out) */
const optional = (shape: Shape): Shape => ({
  ...shape,
  expected: `${shape.expected}, or nothing`,
  test: (v) => v === undefined || shape.test(v),
});
/** `shape`, or null */
const orNull = (shape: Shape): Shape => ({
  ...shape,
  expected: `${shape.expected}, or null`,
  test: (v) => v === null || shape.test(v),
});

/** Problems past MAX_PROBLEMS are not looked for (a list of a million bad items is not a million errors). */
function problemsOf(field: string, value: unknown, shape: Shape, out: InputError[]): void {
  if (out.length > MAX_PROBLEMS) return;
  if (!shape.test(value)) {
    const found = describeValue(value);
    out.push(
      new InputError(`${field}: expected ${shape.expected}, found ${found}`, {
        field,
        expected: shape.expected,
        found,
      }),
    );
    return;
  }
  if (value === null || value === undefined) return;
  if (shape.items && Array.isArray(value)) {
    for (let i = 0; i < value.length && out.length <= MAX_PROBLEMS; i++)
      problemsOf(`${field}[${i}]`, value[i], shape.items, out);
  }
  if (shape.fields) {
    const fields =
      typeof shape.fields === "function" ? shape.fields(value as Record<string, unknown>) : shape.fields;
    for (const [key, inner] of Object.entries(fields)) {
      let v: unknown;
      try {
        v = (value as Record<string, unknown>)[key];
      } catch {
        v = undefined;
      }
      problemsOf(`${field}.${key}`, v, inner, out);
    }
  }
}

/** Every argument checked against its shape (each one's problems, all at once): an InputError. */
export function checkArguments(
  args: ReadonlyArray<readonly [name: string, value: unknown, shape: Shape]>,
): void {
  const problems: InputError[] = [];
  for (const [name, value, shape] of args) problemsOf(name, value, shape, problems);
  if (problems.length > MAX_PROBLEMS) throw InputError.all(problems.slice(0, MAX_PROBLEMS), true);
  if (problems.length > 0) throw InputError.all(problems);
}

/** `f` with its arguments checked first, in order, against `shapes` (named by the parameter's name). */
// biome-ignore lint/suspicious/noExplicitAny: any function's parameters
function checked<F extends (...args: any[]) => any>(
  f: F,
  shapes: ReadonlyArray<readonly [name: string, shape: Shape]>,
): F {
  const door = (...args: unknown[]) => {
    checkArguments(shapes.map(([name, shape], i) => [name, args[i], shape] as const));
    return f(...args);
  };
  // named as the function it checks (a stack trace, a test's title)
  return Object.defineProperty(door, "name", { value: f.name }) as unknown as F;
}

// --- the shapes the library's functions read ---

const range = object("a range: an object with min and/or max", {
  min: optional(finite),
  max: optional(finite),
});

export const expectation = object("an expectation: an object with index, day, end and line", {
  index: whole,
  day: whole,
  end: flag,
  line: oneOf(...LINES),
  decision: optional(oneOf(...DECISIONS)),
  status: optional(oneOf(...STATUSES)),
  cause: optional(orNull(oneOf(...CAUSES))),
  reasons: optional(
    list(named("a reason code of the catalogue (REASON_CODES)", REASON_CODES), "a list of reason codes"),
  ),
  limit: optional(whole),
  score: optional(range),
  balance: optional(range),
});

const step = object("a step: a trace's", {
  day: whole,
  date: text,
  event: object("a step's event: an object with type", { type: text }),
  line: orNull(oneOf(...LINES)),
  reasons: list(text),
});

const trace = object("a trace: simulate()'s result", {
  scenario: text,
  start: text,
  until: whole,
  steps: list(step),
  snapshots: aMap,
  scoreSeries: list(),
});

const scenario = object("a scenario: loadScenario()'s .scenario, or one built as it is", {
  name: text,
  start: text,
  until: whole,
  policy: object("a policy", { name: text }),
  profile: object("a profile"),
  events: list(object("an event")),
  observe: list(whole),
});

/** fenToYuan's amount: whole fen (a fraction of a fen was "0.1.5", Infinity "Infinity.NaN"). */
const fen: Shape = {
  expected: "whole fen: an integer from -2^53 to 2^53",
  test: (v) => Number.isSafeInteger(v),
};

export const checkAll = checked(engineCheckAll, [
  ["trace", trace],
  ["expectations", list(expectation, "a list of expectations")],
]);
export const checkExpectation = checked(engineCheckExpectation, [
  ["trace", trace],
  ["expectation", expectation],
]);
export const fenToYuan = checked(engineFenToYuan, [["fen", fen]]);

// --- what-if ---

const variant = object("a variant: baseVariant()'s result", {
  file: text,
  dir: text,
  roots: list(),
  original: object("the scenario as written"),
  events: list(object("an event")),
  nextId: whole,
  policy: text,
  set: object("policy overrides"),
  until: whole,
  edits: list(object("an edit")),
  notes: list(text),
});

const EDIT_FIELDS: Record<string, Record<string, Shape>> = {
  remove: { ids: list(whole, "a list of event numbers") },
  add: { event: object("an event as a file writes it") },
  edit: { id: whole, patch: object("the fields to change") },
  set: { params: object("policy overrides") },
  policy: { ref: text, typed: optional(text) },
};
const edit: Shape = {
  expected: `an edit: an object with kind (${Object.keys(EDIT_FIELDS).join(", ")})`,
  test: isObject,
  fields: (v) => ({
    kind: oneOf(...Object.keys(EDIT_FIELDS)),
    ...(typeof v.kind === "string" && Object.hasOwn(EDIT_FIELDS, v.kind) ? EDIT_FIELDS[v.kind] : {}),
  }),
};

const variantRun = object("a variant's run: runVariant()'s result", { variant, trace });

/** every kind of change (a compile error when one is added and not listed) */
const CHANGE_KINDS: Record<Change["kind"], true> = {
  "skip-application": true,
  "skip-inquiry": true,
  "keep-profile": true,
  "verify-after-profile-change": true,
  "skip-debt": true,
  "skip-purchase": true,
  "skip-borrow": true,
  "repay-in-full": true,
  "repay-earlier": true,
  "repay-bill-when-due": true,
  "verify-identity": true,
  "repay-everything": true,
  "request-review": true,
  "pay-debt-elsewhere": true,
};

const candidate = object("a candidate: an object with day and change", {
  day: whole,
  change: object("a change: an object with kind", { kind: oneOf(...Object.keys(CHANGE_KINDS)) }),
});

const ALIGN_KEY_FIELDS: Record<string, Record<string, Shape>> = {
  event: { id: whole },
  engine: { type: text, day: whole, occurrence: whole, line: orNull(oneOf(...LINES)) },
  also: { id: whole, line: oneOf(...LINES) },
};
const alignKey: Shape = {
  expected: "an alignment key: an object with kind (event, engine, also)",
  test: isObject,
  fields: (v) => ({
    kind: oneOf(...Object.keys(ALIGN_KEY_FIELDS)),
    ...(typeof v.kind === "string" && Object.hasOwn(ALIGN_KEY_FIELDS, v.kind)
      ? ALIGN_KEY_FIELDS[v.kind]
      : {}),
  }),
};

const comparison = object("a comparison: compareRuns()'s result", {
  differences: list(object("a difference", { key: alignKey })),
  base: object("an outcome"),
  variant: object("an outcome"),
  counts: object("the counts", { decision: whole, reasons: whole }),
});

const goal = oneOf(...GOALS);

const goalAndBase = object("a search's result: an object with goal and base", {
  goal,
  base: trace,
});

const counterfactual = object("a search's result: searchCounterfactual()'s", {
  goal,
  status: oneOf("solved", "none", "nothing-to-do"),
  base: trace,
  solutions: list(object("a solution", { candidates: list(candidate) })),
  tried: whole,
  bySize: list(object("a size")),
  candidates: whole,
});

// --- population ---

const badDefinition = oneOf(...BAD_DEFINITIONS);
/** a whole number from `min` to `max`, the bounds `simulate`'s options have */
const between = (min: number, max: number): Shape => ({
  expected: `a whole number from ${min} to ${max}`,
  test: (v) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max,
});
const seed = between(MIN_SEED, MAX_SEED);
const days = between(1, MAX_DAY);

const populationMeta = object("a run's meta", {
  seed,
  days,
  start: date,
  accounts: between(1, MAX_ACCOUNTS),
  range: list(whole),
  personas: list(object("a persona's share")),
  policy: object("a policy's name and fingerprint", { name: text }),
  challengerFrom: between(0, MAX_DAY),
  bad: badDefinition,
  scoreDay: whole,
  costOfFunds: finite,
});

const populationResult = object("a population's result: runRange's, fromDocument's or mergeResults'", {
  meta: populationMeta,
  champion: list(object("an arm")),
  challenger: orNull(list(object("an arm"))),
  variants: orNull(list(list(object("an arm")))),
  paired: orNull(list(object("a pair"))),
  flips: list(object("a flip")),
  decisionFlips: list(object("a pair's flips")),
});

const populationSettings = object("population settings: an object with seed, days, start, policy, …", {
  seed,
  days,
  start: date,
  policy: object("a policy"),
  arms: list(object("an arm's settings")),
  from: whole,
  compare: list(list(whole)),
  bad: badDefinition,
  scoreDay: whole,
  stress: optional(orNull(object("stress settings"))),
});

const populationRequest = object("a population request: an object with personas, accounts, …", {
  personas: list(text, "a list of persona names or files"),
  accounts: between(1, MAX_ACCOUNTS),
  days,
  seed,
  start: date,
  policy: text,
  challenger: optional(text),
  challengerFrom: between(0, MAX_DAY),
  challengerSet: object("policy overrides"),
  sweep: optional(list(object("a sweep's axis"))),
  bad: optional(badDefinition),
});

const numbers = list(finite, "a list of finite numbers");
const persona = object("a persona: loadPersonas()'s", { name: text });

// --- the functions, checked ---

export const goldenTrace = checked(rawGoldenTrace, [
  ["scenario", scenario],
  ["steps", list(step, "a list of steps (a trace's)")],
]);
export const scenarioYaml = checked(rawScenarioYaml, [
  ["scenario", scenario],
  [
    "options",
    object("export options: an object with policyRef and header", { policyRef: fn, header: list(text) }),
  ],
]);
export const baseVariant = checked(rawBaseVariant, [
  [
    "loaded",
    object("a loaded scenario: loadScenario()'s result", {
      file: text,
      written: object("the scenario as written"),
    }),
  ],
  ["dir", optional(text)],
]);
export const applyEdit = checked(rawApplyEdit, [
  ["variant", variant],
  ["edit", edit],
  ["label", optional(text)],
]);
export const loadVariant = checked(rawLoadVariant, [
  ["variant", variant],
  ["options", optional(object("options"))],
]);
export const runVariant = checked(rawRunVariant, [["variant", variant]]);
export const variantYaml = checked(rawVariantYaml, [
  ["variant", variant],
  ["toFile", text],
  ["options", optional(object("options"))],
]);
export const compareRuns = checked(rawCompareRuns, [
  ["base", variantRun],
  ["variant", variantRun],
]);
export const decisionsById = checked(rawDecisionsById, [["run", variantRun]]);
export const compareTraces = checked(rawCompareTraces, [
  ["base", trace],
  ["variant", trace],
  ["ids", object("the event numbers: an object with base and variant functions", { base: fn, variant: fn })],
]);
export const outcome = checked(rawOutcome, [["trace", trace]]);
export const keyText = checked(rawKeyText, [["key", alignKey]]);
export const comparisonToJson = checked(rawComparisonToJson, [["comparison", comparison]]);
export const counterfactualToJson = checked(rawCounterfactualToJson, [["result", counterfactual]]);
export const problemText = checked(rawProblemText, [["result", goalAndBase]]);
export const adviceText = checked(rawAdviceText, [
  ["result", goalAndBase],
  ["solution", object("a solution", { candidates: list(candidate) })],
]);
export const clauseText = checked(rawClauseText, [["candidate", candidate]]);
export const editOf = checked(rawEditOf, [["candidate", candidate]]);
export const searchCounterfactual = checked(rawSearchCounterfactual, [
  ["goal", goal],
  ["base", object("the search's start: an object with variant and trace", { variant, trace })],
  ["evaluate", fn],
  ["options", optional(object("search options"))],
]);

export const summarise = checked(rawSummarise, [["result", populationResult]]);
export const documentText = checked(rawDocumentText, [["result", populationResult]]);
export const mergeResults = checked(rawMergeResults, [
  [
    "parts",
    list(
      object("a part: an object with result and file", { result: populationResult, file: text }),
      "a list of parts",
    ),
  ],
]);
export const populationContext = checked(rawPopulationContext, [["settings", populationSettings]]);
export const preparePopulation = checked(rawPreparePopulation, [
  ["request", populationRequest],
  ["cwd", text],
  ["roots", optional(list(text))],
]);
export const runRange = checked(rawRunRange, [
  ["settings", populationSettings],
  ["personas", list(persona, "a list of personas")],
  ["from", whole],
  ["to", whole],
  ["options", optional(object("options"))],
]);
export const makePlan = checked(rawMakePlan, [
  [
    "context",
    object("a population context: populationContext()'s", { settings: populationSettings, until: whole }),
  ],
  ["persona", persona],
  ["index", whole],
  ["rng", optional(object("a random stream"))],
]);
export const reactionsOf = checked(rawReactionsOf, [["persona", persona]]);
export const auc = checked(rawAuc, [
  ["good", numbers],
  ["bad", numbers],
]);
export const ks = checked(rawKs, [
  ["good", numbers],
  ["bad", numbers],
]);
export const psi = checked(rawPsi, [
  ["expected", numbers],
  ["actual", numbers],
]);
export const scorePsi = checked(rawScorePsi, [
  ["reference", numbers],
  ["actual", numbers],
]);
export const scoreReasons = checked(rawScoreReasons, [
  [
    "scoring",
    object("a scoring: score()'s result", { points: numbers, inputs: object("the score's inputs") }),
  ],
  ["max", optional(whole)],
  ["among", optional(list(text, "a list of reason codes"))],
]);
export const yuanToFen = checked(rawYuanToFen, [["yuan", finite]]);
export const gini = checked(rawGini, [["auc", orNull(finite)]]);

const populationContextShape = object("a population context: populationContext()'s", {
  settings: populationSettings,
  until: whole,
});
const plan = object("a plan: makePlan()'s", {
  persona,
  profile: object("a profile"),
  hardship: numbers,
  planned: list(object("an event")),
});
const schedule = object("a repayment schedule: an object with day, habit and statement", {
  day: numbers,
  habit: numbers,
  statement: numbers,
});
const int32s: Shape = { expected: "an Int32Array", test: (v) => v instanceof Int32Array };

/** Agent: a population account's customer, its arguments checked (the population's own are not). */
export class Agent extends RawAgent {
  constructor(
    plan_: Plan,
    ctx: PopulationContext,
    reactions: ReturnType<typeof rawReactionsOf>,
    schedule_: ConstructorParameters<typeof RawAgent>[3],
    events?: Int32Array,
  ) {
    checkArguments([
      ["plan", plan_, plan],
      ["ctx", ctx, populationContextShape],
      ["reactions", reactions, object("reactions: reactionsOf()'s")],
      ["schedule", schedule_, schedule],
      ["events", events, optional(int32s)],
    ]);
    super(plan_, ctx, reactions, schedule_, events);
  }
}

/** AccountRunner: the population's accounts run together, its context checked. */
export class AccountRunner extends RawAccountRunner {
  constructor(ctx: PopulationContext, options: AccountOptions = {}) {
    checkArguments([
      ["ctx", ctx, populationContextShape],
      ["options", options, object("options")],
    ]);
    super(ctx, options);
  }
}

/** OutcomeRecorder: an account's outcome recorded, its arguments checked. */
export class OutcomeRecorder extends RawOutcomeRecorder {
  constructor(o: AccountOutcome, ctx: PopulationContext) {
    checkArguments([
      ["outcome", o, object("an outcome to fill")],
      ["ctx", ctx, populationContextShape],
    ]);
    super(o, ctx);
  }
}
