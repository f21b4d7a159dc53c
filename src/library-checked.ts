// The library's functions as it hands them out: each argument a caller builds by hand is read once into a
// copy (plainCopy: a getter read once, a cycle, a throwing getter or proxy told as bad input), the copy is
// checked against a zod schema of what the function reads — deep, to the last field it reads; where an
// argument IS a parsed file (a policy, a persona, a scenario as written) the file's own schema, its
// problems told in the CLI's words — and the copy checked is the one handed on. An InputError names the
// argument and field (`applyEdit(v, null)` says "edit: expected an edit …", not "Cannot read properties of
// null (reading 'kind')" from inside). The engine's own callers keep the unchecked functions (its hot paths
// are not slowed), and so does the CLI. The door itself — the copy, the check, the problems told — is
// library-door.ts's; this module holds what each function's arguments must be.

import { types } from "node:util";
import * as z from "zod";
import {
  CAUSES,
  Calendar,
  CHARACTERISTICS,
  DECISIONS,
  type DecisionNote,
  ENGINE_EVENT_TYPES,
  type EngineState,
  EVENT_TYPES,
  checkAll as engineCheckAll,
  checkExpectation as engineCheckExpectation,
  fenToYuan as engineFenToYuan,
  LINES,
  MAX_DAY,
  POLICY_PARAM_NAMES,
  type Policy,
  PROFILE_FIELDS,
  REASON_CODES,
  type RuleFact,
  scoreReasons as rawScoreReasons,
  yuanToFen as rawYuanToFen,
  type Scenario,
  type ScenarioEvent,
  type ScoreInputs,
  type ScoreMove,
  STATUSES,
  type Trace,
} from "./engine/index.js";
import {
  asFile,
  between,
  byKind,
  checkArguments,
  checked,
  type Door,
  date,
  fileProblems,
  finite,
  flag,
  fn,
  int32s,
  isObject,
  leaf,
  list,
  named,
  numberList,
  numbers,
  object,
  oneOf,
  options,
  type Schema,
  text,
  whole,
} from "./library-door.js";
import { policyCache } from "./library-load.js";
import {
  type AccountOptions,
  type LaneResult,
  AccountRunner as RawAccountRunner,
} from "./population/account.js";
import { Agent as RawAgent, reactionsOf as rawReactionsOf } from "./population/agent.js";
import { emptyArm } from "./population/aggregate.js";
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
import {
  type Persona,
  loadPersonaFile as rawLoadPersonaFile,
  loadPersonas as rawLoadPersonas,
} from "./population/persona.js";
import { DistSchema, PersonaSchema, personaKeysAt } from "./population/persona-schema.js";
import { type Plan, makePlan as rawMakePlan } from "./population/plan.js";
import { Stream } from "./population/random.js";
import {
  contradiction,
  type PopulationResult,
  documentText as rawDocumentText,
  fromDocument as rawFromDocument,
  mergeResults as rawMergeResults,
} from "./population/result.js";
import { Flip, Meta, PairFlips } from "./population/result-schema.js";
import { runRange as rawRunRange } from "./population/runner.js";
import {
  monthEndDays,
  type PopulationContext,
  type PopulationSettings,
  populationContext as rawPopulationContext,
} from "./population/settings.js";
import { type PopulationRequest, preparePopulation as rawPreparePopulation } from "./population/setup.js";
import { summarise as rawSummarise } from "./population/stats.js";
import { quarterCount } from "./population/vintage.js";
import { BAD_DEFINITIONS, MAX_ACCOUNTS, MAX_SEED, MIN_SEED } from "./population/vocabulary.js";
import { checkBuilt, policyProblems } from "./scenario/built.js";
import { EventSchema, PolicyOverrides, ScenarioSchema, schemaKeysAt } from "./scenario/schema.js";
import { InputError } from "./shared/errors.js";
import { goldenTrace as rawGoldenTrace } from "./testing/golden-trace.js";
import {
  adviceText as rawAdviceText,
  clauseText as rawClauseText,
  problemText as rawProblemText,
} from "./whatif/advice.js";
import { type Change, editOf as rawEditOf } from "./whatif/candidates.js";
import {
  type LineEnd,
  type Outcome,
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
import {
  type CounterfactualResult,
  MAX_BUDGET,
  MAX_EDITS,
  MAX_SEARCH_WORK,
  searchCounterfactual as rawSearchCounterfactual,
} from "./whatif/search.js";
import {
  applyEdit as rawApplyEdit,
  baseVariant as rawBaseVariant,
  loadVariant as rawLoadVariant,
} from "./whatif/variant.js";

/** a policy: a policy file's, parsed (the same schema, the same messages, the conflicts a file may not have) */
const policy = asFile((v) => policyProblems(v, [], false));
/** policy overrides: a `set`'s */
const policySet = asFile((v) => policyProblems(v, [], true));
/** a persona: a persona file's, parsed (the same schema, its defaults filled), and the file it was read from */
const persona = z
  .looseObject({ file: text }, { error: "a persona: loadPersonas()'s" })
  .pipe(
    asFile((v) => {
      const { file: _file, ...written } = v as Record<string, unknown>;
      return fileProblems(PersonaSchema, (path) => personaKeysAt(path))(written);
    }),
  )
  .transform((v) => {
    const { file, ...written } = v as Record<string, unknown>;
    return { ...PersonaSchema.parse(written), file: file as string };
  });
/** a scenario as written (a variant's original): a scenario file's, parsed */
const writtenScenario = z
  .looseObject({}, { error: "the scenario as written" })
  .pipe(asFile(fileProblems(ScenarioSchema, (path) => schemaKeysAt(ScenarioSchema, path))));
/** an event as written */
const writtenEvent = asFile(fileProblems(EventSchema, (path) => schemaKeysAt(EventSchema, path)));
const overrides = asFile(fileProblems(PolicyOverrides, (path) => schemaKeysAt(PolicyOverrides, path)));
/** a scenario as the engine runs it: checked as simulate() checks one (checkBuilt) */
const scenario = z
  .looseObject({}, { error: "a scenario: loadScenario()'s .scenario, or one built as it is" })
  .pipe(
    asFile((v) => {
      try {
        checkBuilt(v as Scenario);
        return [];
      } catch (e) {
        if (e instanceof InputError) return e.problems;
        throw e;
      }
    }),
  );

/** Each input's kind: a count or measure (a finite number, 0 or more), one that may be null (no line to
 *  measure), a ratio that may be below 0 (a balance overpaid) or null, or true/false. Every input is
 *  listed (a compile error otherwise). */
const INPUT_KINDS: Record<keyof ScoreInputs, "number" | "numberOrNull" | "signedOrNull" | "flag"> = {
  daysPastDueNow: "numberOrNull",
  worstDaysPastDue24m: "numberOrNull",
  missedDues12m: "numberOrNull",
  goodMonths24m: "numberOrNull",
  seriousDelinquency60m: "numberOrNull",
  seriousDelinquencyDaysLeft: "number",
  utilisation: "signedOrNull",
  debtToIncome: "number",
  revolvingDues6m: "numberOrNull",
  monthlyIncome: "number",
  historyMonths: "number",
  purchases90d: "numberOrNull",
  inquiries30d: "number",
  inquiries180d: "number",
  verified: "flag",
  profileChanges90d: "number",
  age: "number",
};

const finiteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const INPUT_KIND = {
  number: leaf("a finite number, 0 or more", (v) => finiteNumber(v) && v >= 0),
  numberOrNull: leaf("a finite number, 0 or more, or null", (v) => v === null || (finiteNumber(v) && v >= 0)),
  signedOrNull: leaf("a finite number, or null", (v) => v === null || finiteNumber(v)),
  flag: leaf("true or false", (v) => typeof v === "boolean"),
};
/** the scorecard's inputs, each of its kind */
export const scoreInputs = z.looseObject(
  Object.fromEntries(Object.entries(INPUT_KINDS).map(([field, kind]) => [field, INPUT_KIND[kind]])),
  { error: "the score's inputs: an object with daysPastDueNow, utilisation, …" },
);

// --- the shapes the library's functions read ---

const range = object("a range: an object with min and/or max", {
  min: finite.optional(),
  max: finite.optional(),
});

export const expectation = object("an expectation: an object with index, day, end and line", {
  index: whole,
  day: between(0, MAX_DAY),
  end: flag,
  line: oneOf(...LINES),
  decision: oneOf(...DECISIONS).optional(),
  status: oneOf(...STATUSES).optional(),
  cause: oneOf(...CAUSES)
    .nullable()
    .optional(),
  reasons: list(
    named("a reason code of the catalogue (REASON_CODES)", REASON_CODES),
    "a list of reason codes",
  ).optional(),
  limit: whole.optional(),
  score: range.optional(),
  balance: range.optional(),
});

/** what a line's snapshot holds: its status and its amounts (whole fen) */
const lineSnapshot = {
  status: oneOf(...STATUSES),
  cause: oneOf(...CAUSES).nullable(),
  limit: whole,
  balance: whole,
  available: whole,
  overdue: whole,
  overdueDays: whole,
  purchases: whole,
  repayments: whole,
  charges: whole,
  penalties: whole,
  fees: whole,
  writtenOff: whole,
  waived: whole,
};
const snapshotFields = {
  day: whole,
  ...lineSnapshot,
  score: finite,
  jiebei: object("a line's snapshot", lineSnapshot),
};
const snapshot = object("a snapshot: a day's end, as a trace holds it", snapshotFields);

const reasonCode = named("a reason code of the catalogue (REASON_CODES)", REASON_CODES);
const policyParameter = named("a policy parameter's name (POLICY_PARAM_NAMES)", POLICY_PARAM_NAMES);
/** each field of a rule's fact, as the engine writes it (a compile error when one is added and not listed) */
const FACT_FIELDS: Record<keyof RuleFact, Schema> = {
  code: reasonCode,
  parameter: policyParameter.optional(),
  threshold: finite.optional(),
  value: finite.optional(),
  before: finite.optional(),
  line: oneOf(...LINES).optional(),
  transactions: whole.optional(),
  amount: whole.optional(),
  limits: whole.optional(),
  onceUsed: whole.optional(),
  scoreOnceUsed: finite.optional(),
  debtCounted: whole.optional(),
  huabeiCounted: whole.optional(),
  jiebeiCounted: whole.optional(),
  huabeiUsed: whole.optional(),
  jiebeiUsed: whole.optional(),
  huabeiOwedToday: whole.optional(),
  jiebeiOwedToday: whole.optional(),
  jiebeiLeast: whole.optional(),
  smallest: whole.optional(),
  smallestParameter: policyParameter.optional(),
  readOn: whole.optional(),
  readOnDate: date.optional(),
  window: whole.optional(),
  windowClearsOn: whole.optional(),
  liftsOn: whole.optional(),
  usedBy: whole.optional(),
  fitsTerm: whole.optional(),
  fitsAmount: whole.optional(),
  from: whole.optional(),
  cleared: list(reasonCode, "a list of reason codes").optional(),
  heldAt: whole.optional(),
  changed: oneOf(...PROFILE_FIELDS).optional(),
  changedOn: whole.optional(),
};
const fact = object("a rule's fact: an object with code", FACT_FIELDS);
/** a characteristic's points before and after a step */
const scoreMoves = list(
  object("a score move: an object with characteristic, from and to", {
    characteristic: named(
      "a characteristic of the scorecard (CHARACTERISTICS)",
      CHARACTERISTICS.map((c) => c.id),
    ),
    from: finite,
    to: finite,
  } satisfies Record<keyof ScoreMove, Schema>),
  "a list of score moves",
);

const step = object("a step: a trace's", {
  ...snapshotFields,
  date: text,
  event: object("a step's event: an object with type", {
    type: named("an event's type: a scenario's or the engine's", [...EVENT_TYPES, ...ENGINE_EVENT_TYPES]),
  }),
  line: oneOf(...LINES).nullable(),
  decision: oneOf(...DECISIONS).nullable(),
  reasons: list(
    named("a reason code of the catalogue (REASON_CODES)", REASON_CODES),
    "a list of reason codes",
  ),
  facts: list(fact, "a list of a rule's facts"),
  scoreDelta: finite,
  moves: scoreMoves,
  byTime: object("the moves time made: an object with since, delta and moves", {
    since: between(0, MAX_DAY),
    delta: finite,
    moves: scoreMoves,
  }).optional(),
  inputs: object("the score's inputs"),
});

const TRACE = "a trace: simulate()'s result";
/** every field of a trace (a compile error when one is added and not listed) */
const TRACE_FIELDS = {
  scenario: text,
  start: date,
  until: between(0, MAX_DAY),
  steps: list(step, "a list of steps"),
  snapshots: z.map(whole, snapshot, { error: "a Map of day to snapshot" }),
  scoreSeries: list(object("a month's score", { day: whole, score: finite })),
  final: snapshot,
  grid: object("each line's repayment grid"),
} satisfies Record<keyof Trace, Schema>;
const trace = object(TRACE, TRACE_FIELDS);
/** a trace's fields `keys` alone */
const traceOf = (keys: readonly (keyof Trace)[]) =>
  object(TRACE, Object.fromEntries(keys.map((k) => [k, TRACE_FIELDS[k]])));

/** fenToYuan's amount: whole fen (a fraction of a fen was "0.1.5", Infinity "Infinity.NaN"). */
const fen = leaf<number>("whole fen: an integer from -(2^53 − 1) to 2^53 − 1", (v) =>
  Number.isSafeInteger(v),
);

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

const variantEvent = object("a variant's event: an object with id, event and origin", {
  id: whole,
  event: writtenEvent,
  origin: oneOf("file", "edited", "added"),
});

const EDIT_FIELDS: Record<string, Record<string, Schema>> = {
  remove: { ids: list(whole, "a list of event numbers") },
  add: { event: writtenEvent },
  edit: { id: whole, patch: object("the fields to change") },
  set: { params: overrides },
  policy: { ref: text, typed: text.optional() },
};
const edit = byKind(`an edit: an object with kind (${Object.keys(EDIT_FIELDS).join(", ")})`, EDIT_FIELDS);

const variant = object("a variant: baseVariant()'s result", {
  file: text,
  dir: text,
  roots: list(text, "a list of folders"),
  cwd: text.optional(),
  original: writtenScenario,
  events: list(variantEvent, "a list of a variant's events"),
  nextId: whole,
  policy: text,
  set: overrides,
  until: between(0, MAX_DAY),
  edits: list(edit, "a list of edits"),
  notes: list(text),
});

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
  "borrow-within-cap": true,
  "repay-in-full": true,
  "repay-earlier": true,
  "repay-bill-when-due": true,
  "verify-identity": true,
  "repay-everything": true,
  "request-review": true,
  "pay-debt-elsewhere": true,
};

const candidate = object("a candidate: an object with day and change", {
  day: between(0, MAX_DAY),
  change: object("a change: an object with kind", { kind: oneOf(...Object.keys(CHANGE_KINDS)) }),
});

const alignKey = byKind("an alignment key: an object with kind (event, engine, also)", {
  event: { id: whole },
  engine: { type: text, day: whole, occurrence: whole, line: oneOf(...LINES).nullable() },
  also: { id: whole, line: oneOf(...LINES) },
});

/** a line's end, as an outcome holds it */
const lineEnd = {
  status: oneOf(...STATUSES),
  cause: oneOf(...CAUSES).nullable(),
  limit: whole,
  balance: whole,
  charges: whole,
} satisfies Record<keyof LineEnd, Schema>;
const count = between(0, Number.MAX_SAFE_INTEGER);
/** every field of an outcome (a compile error when one is added and not listed) */
const outcomeShape = object("an outcome: outcome()'s", {
  ...lineEnd,
  score: finite,
  suspensions: count,
  firstSuspendedDay: between(0, MAX_DAY).nullable(),
  daysSuspended: count,
  declines: count,
  jiebei: object("a line's end: status, cause, limit, balance and charges", lineEnd).nullable(),
} satisfies Record<keyof Outcome, Schema>);
const comparison = object("a comparison: compareRuns()'s result", {
  differences: list(object("a difference", { key: alignKey }), "a list of differences"),
  base: outcomeShape,
  variant: outcomeShape,
  counts: object("the counts", { decision: whole, reasons: whole }),
});

const goal = oneOf(...GOALS);

const goalAndBase = object("a search's result: an object with goal and base", { goal, base: trace });

const solution = object("a solution", { candidates: list(candidate, "a list of candidates") });
const counterfactual = object("a search's result: searchCounterfactual()'s", {
  goal,
  status: oneOf("solved", "none", "nothing-to-do"),
  base: trace,
  solutions: list(solution, "a list of solutions"),
  tried: whole,
  bySize: list(
    object("a size's search: an object with size, tried and complete", {
      size: between(1, MAX_EDITS),
      tried: count,
      complete: flag,
    } satisfies Record<keyof CounterfactualResult["bySize"][number], Schema>),
    "a list of the sizes searched",
  ),
  candidates: whole,
});

// --- population ---

const badDefinition = oneOf(...BAD_DEFINITIONS);
const seed = between(MIN_SEED, MAX_SEED);
const days = between(1, MAX_DAY);

/** a run's meta, a result's flips: a result document's (the same schema, its words) */
const populationMeta = object("a run's meta").pipe(
  asFile(fileProblems(Meta, (path) => schemaKeysAt(Meta, path))),
);
const flip = asFile(fileProblems(Flip, (path) => schemaKeysAt(Flip, path)));
const pairFlips = asFile(fileProblems(PairFlips, (path) => schemaKeysAt(PairFlips, path)));

/** The problems of `value` against `like` (an arm of nothing added): the same fields, a count where it
 *  has a number, a list of as many where it has a list — what merging and summing arms reads. */
function shapeProblems(value: unknown, like: unknown, path: PropertyKey[], out: z.core.$RefinementCtx): void {
  const tell = (expected: string) => out.addIssue({ code: "custom", path, message: expected });
  if (typeof like === "number") {
    if (!(typeof value === "number" && Number.isFinite(value) && value >= 0))
      tell("a count: a finite number, 0 or more");
    return;
  }
  if (Array.isArray(like)) {
    if (!Array.isArray(value) || value.length !== like.length) {
      tell(`a list of ${like.length}`);
      return;
    }
    for (let i = 0; i < like.length; i++) shapeProblems(value[i], like[i], [...path, i], out);
    return;
  }
  if (typeof like === "object" && like !== null) {
    if (!isObject(value)) {
      tell(`an object with ${Object.keys(like).join(", ")}`);
      return;
    }
    for (const key of Object.keys(like))
      shapeProblems(value[key], (like as Record<string, unknown>)[key], [...path, key], out);
  }
}

const arm = object("an arm");
/** a result's arms, each the shape an arm of its horizon has (meta.days, meta.start) */
const armsShaped = (r: Record<string, unknown>, ctx: z.core.$RefinementCtx): void => {
  const meta = r.meta as { days: number; start: string };
  const like = emptyArm(
    meta.days,
    monthEndDays(meta.start, meta.days).length,
    quarterCount(new Calendar(meta.start), meta.days),
  );
  const lists: Array<[PropertyKey[], unknown]> = [
    [["champion"], r.champion],
    [["challenger"], r.challenger ?? []],
    ...((r.variants as unknown[] | null) ?? []).map((v, i): [PropertyKey[], unknown] => [["variants", i], v]),
  ];
  for (const [at, arms] of lists)
    (arms as unknown[]).forEach((a, i) => {
      shapeProblems(a, like, [...at, i], ctx);
    });
};
const populationResult = object("a population's result: runRange's, fromDocument's or mergeResults'", {
  meta: populationMeta,
  champion: list(arm),
  challenger: list(arm).nullable(),
  variants: list(list(arm)).nullable(),
  paired: list(object("a pair")).nullable(),
  flips: list(flip, "a list of flips"),
  decisionFlips: list(pairFlips, "a list of pairs' flips"),
})
  .superRefine(armsShaped)
  // totals that contradict each other, as a document read back is refused for them: checked once the
  // whole result is the shape it should be (its fields', its arms' problems told first)
  .superRefine((r, ctx) => {
    const shapeless = ctx.issues.length > 0;
    const c = shapeless ? null : contradiction(r as unknown as PopulationResult, "");
    if (c !== null)
      ctx.addIssue({
        code: "custom",
        message: c[1],
        params: {
          problem: new InputError(`${c[0]}: totals that contradict each other: expected ${c[1]}`, {
            field: c[0],
            expected: c[1],
          }),
        },
      });
  });

const armSettings = object("an arm's settings: an object with policy, use and set", {
  policy,
  use: policy.nullable(),
  set: policySet,
});

const populationSettings = object("population settings: an object with seed, days, start, policy, …", {
  seed,
  days,
  start: date,
  policy,
  arms: list(armSettings, "a list of arms' settings"),
  from: between(0, MAX_DAY),
  compare: list(z.tuple([whole, whole], { error: "a pair of arm numbers" }), "a list of pairs of arms"),
  bad: badDefinition,
  scoreDay: between(0, MAX_DAY),
  stress: options("stress settings: an object with day (the shock's)", { day: between(0, MAX_DAY) })
    .nullable()
    .optional(),
});

// only the fields it reads: a misspelt one (stres: 30) ran the population without it
const populationRequest = options("a population request", {
  personas: list(text, "a list of persona names or files"),
  accounts: between(1, MAX_ACCOUNTS),
  days,
  seed,
  start: date,
  policy: text,
  challenger: text.optional(),
  challengerFrom: between(0, MAX_DAY),
  challengerSet: overrides,
  sweep: list(object("a sweep's axis")).optional(),
  bad: badDefinition.optional(),
  scoreDay: between(0, MAX_DAY).optional(),
  costOfFunds: leaf(
    "an annual rate: a number from 0 to 1",
    (v) => typeof v === "number" && v >= 0 && v <= 1,
  ).optional(),
  stress: between(0, MAX_DAY).nullable().optional(),
} satisfies Record<keyof PopulationRequest, Schema>);

/** A population context, of its copy the door checked (contextArgument): what populationContext() makes
 *  of its settings — the rest made again from them (a calendar, the month ends: nothing a caller's copy
 *  could get wrong). Its settings were checked at the door, and are not again (each policy of each arm
 *  was checked twice a call). */
const contextOf = (checkedCopy: unknown): PopulationContext =>
  rawPopulationContext((checkedCopy as { settings: PopulationSettings }).settings);

/** a score histogram's counts: finite numbers, 0 or more, whose total a double holds exactly (counts of
 *  1e308 each added up to Infinity, and their AUC was NaN) */
const counts = numberList(
  "a histogram: a list of counts",
  "a count: a finite number, 0 or more",
  (v) => typeof v === "number" && Number.isFinite(v) && v >= 0,
).superRefine((xs, ctx) => {
  let total = 0;
  for (const x of xs) if (typeof x === "number" && Number.isFinite(x) && x >= 0) total += x;
  if (total > Number.MAX_SAFE_INTEGER)
    ctx.addIssue({
      code: "custom",
      message: `counts that add up to at most ${Number.MAX_SAFE_INTEGER} (2^53 − 1; these add up to ${total})`,
    });
});
// --- the functions, checked ---

export const goldenTrace = checked(rawGoldenTrace, [
  ["scenario", scenario],
  ["steps", list(step, "a list of steps (a trace's)")],
]);
export const scenarioYaml = checked(
  (s_: unknown, o: { policyRef: (name: string) => unknown; header: string[]; outcome?: unknown }) =>
    rawScenarioYaml(
      s_ as Scenario,
      {
        ...o,
        // its answer checked as an argument would be: the file names its policy by it
        policyRef: (name: string) =>
          checkArguments([o.policyRef(name)], [["options.policyRef's answer", text]])[0] as string,
      } as never,
    ),
  [
    ["scenario", scenario],
    [
      "options",
      options("export options: an object with policyRef and header", {
        policyRef: fn,
        header: list(text, "a list of lines"),
        outcome: object("an outcome").optional(),
      }),
    ],
  ],
  { name: "scenarioYaml" },
) as typeof rawScenarioYaml;
export const baseVariant = checked(rawBaseVariant, [
  [
    "loaded",
    object("a loaded scenario: loadScenario()'s result", {
      file: text,
      scenario,
      written: writtenScenario,
      roots: list(text, "a list of folders"),
    }),
  ],
  ["dir", text.optional()],
  ["cwd", text.optional()],
]);
export const applyEdit = checked(rawApplyEdit, [
  ["variant", variant],
  ["edit", edit],
  ["label", text.optional()],
]);
export const loadVariant = checked(rawLoadVariant, [
  ["variant", variant],
  ["options", options("options", { policyCache: policyCache.optional() }).optional(), "caches"],
]);
export const runVariant = checked(rawRunVariant, [["variant", variant]]);
export const variantYaml = checked(rawVariantYaml, [
  ["variant", variant],
  ["toFile", text],
  ["options", options("options", { name: text.optional() }).optional()],
]);
export const compareRuns = checked(rawCompareRuns, [
  ["base", variantRun],
  ["variant", variantRun],
]);
export const decisionsById = checked(rawDecisionsById, [["run", variantRun]]);
/** A callback whose answer is checked as an argument would be (a callback's answer is the caller's too),
 *  named `name` in its problems. */
const answerChecked =
  (f: (...a: unknown[]) => unknown, name: string, schema: Schema) =>
  (...a: unknown[]): never =>
    checkArguments([f(...a)], [[name, schema]])[0] as never;
/** a Set of event numbers, read once into a copy */
const eventNumberSet = z.custom<Set<unknown>>().transform((v, ctx) => {
  const expected = "a Set of event numbers";
  let members: unknown[];
  try {
    if (!(v instanceof Set) || types.isProxy(v)) throw new TypeError();
    members = [...Set.prototype.values.call(v)];
  } catch {
    ctx.addIssue({ code: "custom", message: expected });
    return z.NEVER;
  }
  members.forEach((m, i) => {
    if (!Number.isSafeInteger(m)) ctx.addIssue({ code: "custom", path: [i], message: "an event number" });
  });
  return new Set(members as number[]);
});
export const compareTraces = checked(rawCompareTraces, [
  ["base", trace],
  ["variant", trace],
  [
    "ids",
    object("the event numbers: an object with base and variant functions", {
      base: fn,
      variant: fn,
      removed: eventNumberSet.optional(),
      added: eventNumberSet.optional(),
    }).transform((ids) => ({
      ...ids,
      // each answer checked as an argument would be: an event number
      base: answerChecked(ids.base as never, "ids.base's answer", whole),
      variant: answerChecked(ids.variant as never, "ids.variant's answer", whole),
    })),
  ],
]);
export const outcome = checked(rawOutcome, [["trace", trace]]);
export const keyText = checked(rawKeyText, [["key", alignKey]]);
export const comparisonToJson = checked(rawComparisonToJson, [["comparison", comparison]]);
export const counterfactualToJson = checked(rawCounterfactualToJson, [["result", counterfactual]]);
export const problemText = checked(rawProblemText, [["result", goalAndBase]]);
export const adviceText = checked(rawAdviceText, [
  ["result", goalAndBase],
  ["solution", solution],
]);
export const clauseText = checked(rawClauseText, [["candidate", candidate]]);
export const editOf = checked(rawEditOf, [["candidate", candidate]]);
/** What the search reads of each trace `evaluate` answers (the steps, the month ends it counts as work,
 *  the last day); the rest is read only of the traces that leave it, its solutions'. */
const SEARCH_READS = ["steps", "scoreSeries", "until"] as const satisfies readonly (keyof Trace)[];
const SEARCH_LEAVES = (Object.keys(TRACE_FIELDS) as (keyof Trace)[]).filter(
  (k) => !(SEARCH_READS as readonly string[]).includes(k),
);
const searchedTrace = traceOf(SEARCH_READS);
const leftTrace = traceOf(SEARCH_LEAVES);
const EVALUATED = "evaluate's answer";
const anObject = leaf<object>(TRACE, (v) => {
  try {
    return isObject(v);
  } catch {
    return false;
  }
});

/** the fields `keys` of `o`, each read when the copy reads it (once: a getter, a proxy's trap, told there) */
function fieldsOf(o: object, keys: readonly string[]): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const k of keys)
    Object.defineProperty(view, k, { enumerable: true, get: () => (o as Record<string, unknown>)[k] });
  return view;
}

/** `evaluate`, its answer checked as an argument would be (a callback's trace is the caller's, too: a
 *  trace of undefined was "Cannot read properties of undefined (reading 'steps')" from inside the search)
 *  — of what the search reads, read once into a copy and checked; the caller's answer kept beside it in
 *  `answers`, for the rest of it to be read if it leaves the search. A library search copied and checked
 *  every field of every run's trace (the day's snapshots, the final one, the repayment grid) to read its
 *  steps. */
const checkedEvaluate =
  (evaluate: (v: unknown) => unknown, answers: WeakMap<object, object>) =>
  (v: unknown): unknown => {
    const answer = evaluate(v);
    checkArguments([answer], [[EVALUATED, anObject, false]]);
    const [read] = checkArguments([fieldsOf(answer as object, SEARCH_READS)], [[EVALUATED, searchedTrace]]);
    answers.set(read as object, answer as object);
    return read;
  };

/** Each solution's trace, which leaves the search, made whole: the fields the search did not read, read
 *  once now and checked (the same trace of several solutions made whole once). */
function wholeTraces(
  result: { solutions: Array<{ trace: unknown }> },
  answers: WeakMap<object, object>,
): void {
  const whole = new Map<object, unknown>();
  for (const solution of result.solutions) {
    const read = solution.trace as Record<string, unknown>;
    const answer = answers.get(read);
    if (answer === undefined) continue;
    if (!whole.has(read)) {
      const [rest] = checkArguments([fieldsOf(answer, SEARCH_LEAVES)], [[EVALUATED, leftTrace]]);
      const both = { ...read, ...(rest as object) } as Record<string, unknown>;
      whole.set(read, Object.fromEntries(Object.keys(TRACE_FIELDS).map((k) => [k, both[k]])));
    }
    solution.trace = whole.get(read);
  }
}

export const searchCounterfactual = checked(
  (goal_: unknown, base: unknown, evaluate: unknown, options?: unknown) => {
    const answers = new WeakMap<object, object>();
    const result = rawSearchCounterfactual(
      goal_ as never,
      base as never,
      checkedEvaluate(evaluate as (v: unknown) => unknown, answers) as never,
      options as never,
    );
    wholeTraces(result, answers);
    return result;
  },
  [
    ["goal", goal],
    [
      "base",
      object("the search's start: an object with variant, trace and policy", {
        variant,
        trace,
        policy: object("the policy's timing: graceDays and suspendOverdueDays", {
          graceDays: between(0, MAX_DAY),
          suspendOverdueDays: between(0, MAX_DAY),
        }),
      }),
    ],
    ["evaluate", fn],
    [
      "options",
      options("search options", {
        maxEdits: between(1, MAX_EDITS).optional(),
        budget: between(1, MAX_BUDGET).optional(),
        maxWork: between(1, MAX_SEARCH_WORK).optional(),
        solutions: between(1, Number.MAX_SAFE_INTEGER).optional(),
        keptTraces: between(0, Number.MAX_SAFE_INTEGER).optional(),
      }).optional(),
    ],
  ],
  { name: "searchCounterfactual" },
) as typeof rawSearchCounterfactual;

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
  ["roots", list(text, "a list of folders").optional()],
]);
const rangeOptions = options("options", {
  csv: flag.optional(),
  flipSample: between(0, MAX_ACCOUNTS).optional(),
});
export const runRange = checked(
  rawRunRange,
  [
    ["settings", populationSettings],
    ["personas", list(persona, "a list of personas").min(1, { error: "a list of personas: one at least" })],
    ["from", between(0, MAX_ACCOUNTS)],
    ["to", between(0, MAX_ACCOUNTS)],
    ["options", rangeOptions.optional()],
  ],
  {
    name: "runRange",
    // a range that runs backwards answered the totals of no account, as if it were one run
    together: ([, , from, to]) => {
      if ((to as number) >= (from as number)) return [];
      const expected = `a whole number from ${from} (from) to ${MAX_ACCOUNTS}`;
      return [
        new InputError(`to: expected ${expected}, found ${to}`, { field: "to", expected, found: `${to}` }),
      ];
    },
  },
);
const contextArgument = object("a population context: populationContext()'s", {
  settings: populationSettings,
});
export const makePlan = checked(
  // a stream is moved to the start of its key before each draw (at), so a plan is the same whatever
  // stream draws it: the caller's, a Stream, is taken only to be set aside for a new one — one whose
  // `random` or `at` was written over cannot change a plan
  (ctx: unknown, p: unknown, index: number, _rng?: unknown) =>
    rawMakePlan(contextOf(ctx), p as never, index, new Stream()),
  [
    ["context", contextArgument],
    ["persona", persona],
    ["index", between(0, MAX_ACCOUNTS)],
    [
      "rng",
      leaf(
        "a random stream: a Stream (population/random.js), or none",
        (v) => v instanceof Stream,
      ).optional(),
      false,
    ],
  ],
  { name: "makePlan" },
) as typeof rawMakePlan;
export const reactionsOf = checked(rawReactionsOf, [["persona", persona]]);

/** Two histograms over the same bins (`first`, `second`: their arguments' names), their counts checked. */
function histograms<R>(f: (a: readonly number[], b: readonly number[]) => R, first: string, second: string) {
  return checked(
    f,
    [
      [first, counts],
      [second, counts],
    ],
    {
      name: f.name,
      together: ([a, b]) => {
        const [n, m] = [(a as unknown[]).length, (b as unknown[]).length];
        if (n === m) return [];
        const expected = `a histogram over the same bins as ${first}: ${n} counts`;
        return [
          new InputError(`${second}: expected ${expected}, found a list of ${m}`, {
            field: second,
            expected,
            found: `a list of ${m}`,
          }),
        ];
      },
    },
  );
}
export const auc = histograms(rawAuc, "good", "bad");
export const ks = histograms(rawKs, "good", "bad");
export const psi = histograms(rawPsi, "expected", "actual");
export const scorePsi = histograms(rawScorePsi, "reference", "actual");
export const scoreReasons = checked(rawScoreReasons, [
  [
    "scoring",
    object("a scoring: score()'s result", {
      points: numbers,
      inputs: scoreInputs,
    }),
  ],
  ["max", between(0, 1000).optional()],
  [
    "among",
    list(
      named("a reason code of the catalogue (REASON_CODES)", REASON_CODES),
      "a list of reason codes",
    ).optional(),
  ],
]);
/** yuanToFen's amount: one whose fen a double holds exactly (10^15 yuan made 10^17 fen, which fenToYuan
 *  refuses back: past 2^53 not every fen is a number) */
const yuan = leaf<number>(
  "a yuan amount from -90071992547409.91 to 90071992547409.91 (whole fen to 2^53 − 1)",
  (v) => typeof v === "number" && Number.isFinite(v) && Math.abs(v * 100) <= Number.MAX_SAFE_INTEGER,
);
export const yuanToFen = checked(rawYuanToFen, [["yuan", yuan]]);
/** gini's AUC: a chance, from 0 to 1 (1.5 made a Gini of 2: no ranking is better than every good above
 *  every bad), or null (no AUC: no goods or no bads) */
export const gini = checked(rawGini, [
  [
    "auc",
    leaf(
      "an AUC: a number from 0 to 1, or null",
      (v) => v === null || (typeof v === "number" && v >= 0 && v <= 1),
    ),
  ],
]);

const plan = object("a plan: makePlan()'s", {
  index: whole,
  persona,
  key: whole,
  profile: object("a profile", {
    age: finite,
    monthlyIncome: finite,
    verified: flag,
    creditHistoryMonths: whole,
    externalDebt: whole,
  }),
  open: object("an opening: day and amount", { day: whole, amount: whole }),
  purchases: object("the purchases: day, amount, keep and term", {
    day: numbers,
    amount: numbers,
    keep: numbers,
    term: numbers,
  }),
  habit: leaf("a Uint8Array", (v) => v instanceof Uint8Array),
  habitDays: leaf("an Int16Array", (v) => v instanceof Int16Array),
  planned: list(object("an event: an object with day and type", { day: whole, type: oneOf(...EVENT_TYPES) })),
  hardship: numbers,
  typicalDti: finite,
  jiebeiOpen: object("an opening: day and amount", { day: whole, amount: whole }).nullable(),
  borrows: object("the borrowing: day, amount and term", { day: numbers, amount: numbers, term: numbers }),
});
const schedule = object("a repayment schedule: an object with day, habit and statement", {
  day: numbers,
  habit: numbers,
  statement: numbers,
});

/** a chance: a number from 0 to 1 */
const chance = leaf<number>(
  "a probability: a number from 0 to 1",
  (v) => typeof v === "number" && v >= 0 && v <= 1,
);
/** a distribution as a persona file writes one (its schema's), its defaults filled */
const dist = leaf(
  "a distribution: a number, { min, max } or { median, sigma }, as a persona file's",
  (v) => DistSchema.safeParse(v).success,
);
/** a reaction: its chance and its delay */
const timedReaction = object("a reaction: an object with p and after, or null", {
  p: chance,
  after: dist,
}).nullable();
/** every field of reactionsOf()'s answer, each as it makes it (a compile error when one is added and not
 *  listed): a persona's reactions with every default filled */
const REACTION_FIELDS: Record<keyof ReturnType<typeof rawReactionsOf>, Schema> = {
  elsewhere: timedReaction,
  retry: object("a retry: an object with p, after and amount, or null", {
    p: chance,
    after: dist,
    amount: leaf(
      "a share of the declined amount: more than 0, at most 1",
      (v) => typeof v === "number" && v > 0 && v <= 1,
    ),
  }).nullable(),
  spendLess: object("spending less: an object with p, factor and months, or null", {
    p: chance,
    factor: chance,
    months: dist,
  }).nullable(),
  contact: timedReaction,
  repay: timedReaction,
  review: timedReaction,
  verify: timedReaction,
  leave: chance,
  resume: chance,
  identity: timedReaction,
  payDown: object("a pay-down: an object with p, after and share, or null", {
    p: chance,
    after: dist,
    share: leaf(
      "a share of the debt elsewhere: more than 0, at most 1",
      (v) => typeof v === "number" && v > 0 && v <= 1,
    ),
  }).nullable(),
};
const reactionsShape = options("reactions: reactionsOf()'s", REACTION_FIELDS);

/** Agent: a population account's customer, its arguments checked (the population's own are not). */
export class Agent extends RawAgent {
  constructor(
    plan_: Plan,
    ctx: PopulationContext,
    reactions: ReturnType<typeof rawReactionsOf>,
    schedule_: ConstructorParameters<typeof RawAgent>[3],
    events?: Int32Array,
  ) {
    const [p, c, r, s, e] = checkArguments(
      [plan_, ctx, reactions, schedule_, events],
      [
        ["plan", plan],
        ["ctx", contextArgument],
        ["reactions", reactionsShape],
        ["schedule", schedule],
        ["events", int32s.optional()],
      ],
    );
    super(p as Plan, contextOf(c), r as typeof reactions, s as typeof schedule_, e as Int32Array | undefined);
  }

  // Its methods are called once or more a day of each account: each argument is looked at as it is, and
  // only one that fails is handed to the door, to be told in its words (a state is no copy: the engine's
  // own, read as it stands). The population's agents are the raw class, and pay nothing.

  override step(day: number, state: EngineState): readonly ScenarioEvent[] {
    if (!(isDay(day) && isEngineState(state))) refuse([day, state], [DAY, STATE]);
    return super.step(day, state);
  }

  override purchasesOn(day: number, state: EngineState): readonly ScenarioEvent[] {
    if (!(isDay(day) && isEngineState(state))) refuse([day, state], [DAY, STATE]);
    return super.purchasesOn(day, state);
  }

  override nextPurchase(day: number, never: number): number {
    if (!(isDay(day) && isNever(never))) refuse([day, never], [DAY, NEVER]);
    return super.nextPurchase(day, never);
  }

  override nextDay(day: number, never: number): number {
    if (!(isDay(day) && isNever(never))) refuse([day, never], [DAY, NEVER]);
    return super.nextDay(day, never);
  }

  override observe(note: DecisionNote): void {
    if (!isDecisionNote(note)) refuse([note], [NOTE]);
    super.observe(note);
  }

  /** a policy switched to: checked as a policy file's, and the copy checked is the one read */
  override useCalendarOf(policy_: Policy, day: number): void {
    const [p] = checkArguments(
      [policy_, day],
      [
        ["policy", policy],
        ["day", DAY[1]],
      ],
    );
    super.useCalendarOf(p as Policy, day);
  }

  /** a copy that goes on alone, its methods checked as its original's are */
  override clone(): Agent {
    return Object.setPrototypeOf(super.clone(), Agent.prototype) as Agent;
  }
}

/** a day of a run: the engine's days run from 0 to MAX_DAY */
const isDay = (v: unknown): v is number =>
  Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_DAY;
/** the day past every day a lane visits (its horizon's last, + 1) */
const isNever = (v: unknown): v is number =>
  Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_DAY + 1;
/** an engine state: what the engine made — its customer and their two lines, its day. Looked at for what a
 *  caller could get wrong by hand (null, a copy of the wrong thing), not copied nor read deep: a state is
 *  the engine's own, handed back as a run's recorder's `end` gave it. */
const isEngineState = (v: unknown): v is EngineState => {
  // −1: a state no day has opened yet (initialState's)
  if (!isObject(v) || !(isDay(v.day) || v.day === -1) || !isObject(v.calendar)) return false;
  const c = v.customer;
  return isObject(c) && isObject(c.huabei) && isObject(c.jiebei) && isObject(c.policy);
};
/** a step's event: a customer's, or the engine's own (a statement, a review) */
const STEP_EVENT_TYPES = new Set<unknown>([...EVENT_TYPES, ...ENGINE_EVENT_TYPES]);
const DECISION_WORDS = new Set<unknown>(DECISIONS);
/** a decision note: what run()'s recorder's `decision` is handed */
const isDecisionNote = (v: unknown): v is DecisionNote =>
  isObject(v) &&
  isDay(v.day) &&
  isObject(v.event) &&
  STEP_EVENT_TYPES.has(v.event.type) &&
  (v.line === null || v.line === "huabei" || v.line === "jiebei") &&
  DECISION_WORDS.has(v.decision) &&
  Array.isArray(v.reasons);
const DAY: Door = ["day", leaf(`a whole number from 0 to ${MAX_DAY}`, isDay), false];
const NEVER: Door = ["never", leaf(`a whole number from 0 to ${MAX_DAY + 1}`, isNever), false];
const STATE: Door = [
  "state",
  leaf("an engine state: a run's, as run()'s recorder's `end` is handed it", isEngineState),
  false,
];
const NOTE: Door = [
  "note",
  leaf(
    "a decision note: an object with day, event, line, decision and reasons, as run()'s recorder's `decision` is handed it",
    isDecisionNote,
  ),
  false,
];
/** the refusal of arguments one of which failed its look: the door's, every problem told */
function refuse(args: readonly unknown[], doors: readonly Door[]): void {
  checkArguments(args, doors);
}

/** AccountRunner: the population's accounts run together, its context checked. */
export class AccountRunner extends RawAccountRunner {
  /** the population's policy arms: what `only` may pick */
  private readonly arms: number;

  constructor(ctx: PopulationContext, options_: AccountOptions = {}) {
    const [c, o] = checkArguments(
      [ctx, options_],
      [
        ["ctx", contextArgument],
        [
          "options",
          // only the fields it reads (`recrod` was taken and ignored)
          options("options", {
            notes: flag.optional(),
            record: flag.optional(),
            purchaseRuns: flag.optional(),
          }),
        ],
      ],
    );
    super(contextOf(c), o as AccountOptions);
    this.arms = contextOf(c).armPolicies.length;
  }

  /** the personas and reactions checked so far, by the caller's object (checked: one kept per kind) */
  private readonly checked = {
    persona: new WeakMap<object, Checked>(),
    reactions: new WeakMap<object, Checked>(),
  };

  /** Account `index` of `persona`, its arguments checked as makePlan's and reactionsOf's are (a persona of
   *  null was a TypeError from inside; an index of NaN or -1 ran an account no population has; an arm it
   *  does not have ran none). A persona and reactions given again unchanged are not copied and parsed anew:
   *  that took about half a millisecond, several times what a short account's run takes. */
  override run(
    persona_: Persona,
    reactions: Parameters<RawAccountRunner["run"]>[1],
    index: number,
    only?: number,
  ): LaneResult[] {
    const p0 = checkedBefore(this.checked.persona, persona_);
    const r0 = checkedBefore(this.checked.reactions, reactions);
    const [p, r, i, o] = checkArguments(
      [p0?.value ?? persona_, r0?.value ?? reactions, index, only],
      [
        // what was checked before is the check's own copy, handed on as it is
        ["persona", p0 ? z.unknown() : persona, !p0],
        ["reactions", r0 ? z.unknown() : reactionsShape, !r0],
        ["index", between(0, MAX_ACCOUNTS)],
        ["only", between(0, this.arms - 1).optional()],
      ],
    );
    if (!p0) remember(this.checked.persona, persona_, p);
    if (!r0) remember(this.checked.reactions, reactions, r);
    return super.run(p as Persona, r as typeof reactions, i as number, o as number | undefined);
  }
}

/** An argument checked: the check's copy, and the caller's object as JSON when it was made. */
interface Checked {
  json: string;
  value: unknown;
}

/** The JSON of plain data, or undefined when it cannot be had (a cycle, a getter that throws, a bigint). */
function jsonOf(v: unknown): string | undefined {
  try {
    return JSON.stringify(v);
  } catch {
    return undefined;
  }
}

/** What `v` was checked as, if it was and is unchanged since (its JSON the same: a caller may change a
 *  persona between accounts, and must have that run, and checked). */
function checkedBefore(seen: WeakMap<object, Checked>, v: unknown): Checked | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const hit = seen.get(v);
  return hit !== undefined && jsonOf(v) === hit.json ? hit : undefined;
}

function remember(seen: WeakMap<object, Checked>, v: unknown, value: unknown): void {
  const json = typeof v === "object" && v !== null ? jsonOf(v) : undefined;
  if (json !== undefined) seen.set(v as object, { json, value });
}

/** an object the recorder fills: an empty, plain, extensible one (a frozen one, a setter, a proxy, a
 *  field it would write over: what a write into it would meet from inside) */
const fillable = leaf<Record<string, unknown>>("an empty object to fill: {}", (v) => {
  try {
    if (!isObject(v) || types.isProxy(v) || !Object.isExtensible(v)) return false;
    const proto = Object.getPrototypeOf(v);
    return (proto === Object.prototype || proto === null) && Reflect.ownKeys(v).length === 0;
  } catch {
    return false;
  }
});

/** OutcomeRecorder: an account's outcome recorded, its arguments checked. */
export class OutcomeRecorder extends RawOutcomeRecorder {
  constructor(o: AccountOutcome, ctx: PopulationContext) {
    const [, c] = checkArguments(
      [o, ctx],
      [
        ["outcome", fillable, false],
        ["ctx", contextArgument],
      ],
    );
    super(o, contextOf(c));
  }

  /** An account's recorder from its start: its context checked, and the events counted (an Agent's). */
  static override start(ctx: PopulationContext, events: Int32Array): OutcomeRecorder {
    const [c] = checkArguments(
      [ctx, events],
      [
        ["ctx", contextArgument],
        ["events", EVENTS[1], false],
      ],
    );
    return Object.setPrototypeOf(RawOutcomeRecorder.start(contextOf(c), events), OutcomeRecorder.prototype);
  }

  override clone(events: Int32Array): OutcomeRecorder {
    if (!isEvents(events)) refuse([events], [EVENTS]);
    return Object.setPrototypeOf(super.clone(events), OutcomeRecorder.prototype) as OutcomeRecorder;
  }

  override decision(note: DecisionNote, state: EngineState): void {
    if (!(isDecisionNote(note) && isEngineState(state))) refuse([note, state], [NOTE, STATE]);
    super.decision(note, state);
  }

  override endOfDay(state: EngineState, day: number, score: () => number): void {
    if (!(isEngineState(state) && isDay(day) && typeof score === "function"))
      refuse([state, day, score], [STATE, DAY, ["score", fn, false]]);
    super.endOfDay(state, day, score);
  }
}

/** an account's count of events by type (EVENT_TYPES order), as an Agent keeps it */
const isEvents = (v: unknown): v is Int32Array => v instanceof Int32Array && v.length === EVENT_TYPES.length;
const EVENTS: Door = [
  "events",
  leaf(`an Int32Array of ${EVENT_TYPES.length}: an Agent's events, one count for each event type`, isEvents),
  false,
];

// --- the engine's drivers' other arguments, and a result document read back ---

/** simulate()'s and run()'s options */
export const runOptions = options("run options", {
  everyDay: flag.optional(),
  answers: flag.optional(),
}).optional();
/** run()'s recorder: the caller's own object, its methods called on it (checked, never copied) */
export const recorder = z.looseObject(
  {
    step: fn.optional(),
    decision: fn.optional(),
    endOfDay: fn.optional(),
    end: fn.optional(),
    observedOnly: flag.optional(),
  },
  { error: "a recorder: an object with step, decision, endOfDay and/or end methods" },
);

/** fromDocument(): a `simulate --json` document's data read once into a copy (no function is JSON), and
 *  the name its problems are told with */
export const fromDocument = checked(rawFromDocument, [
  ["data", z.unknown(), "data"],
  ["file", text],
]);

/** runScenario()'s source, when it is no path: a loaded scenario (its scenario and expectations checked
 *  where they are run) */
export const loadedScenario = z.looseObject(
  { scenario: z.unknown().optional(), expectations: z.unknown().optional() },
  { error: "a scenario file's path or a loaded scenario" },
);

/** loadPersonas(): the names or files, read once into a copy (a proxy's list, a getter: told here) */
export const loadPersonas = checked(rawLoadPersonas, [
  [
    "refs",
    list(
      leaf("a persona's name or a persona file's path", (v) => typeof v === "string"),
      "a list of persona names or paths (empty: the built-in ones)",
    ),
  ],
  ["baseDir", leaf("the folder a path starts from", (v) => typeof v === "string").optional()],
  ["days", between(1, MAX_DAY).optional()],
]);
/** loadPersonaFile(): the path checked by the loader, in its own words; the horizon at the door, as
 *  loadPersonas' (Infinity searched for the longest horizon that fits without end) */
export const loadPersonaFile = checked(rawLoadPersonaFile, [
  ["file", z.unknown(), false],
  ["days", between(1, MAX_DAY).optional()],
]);
