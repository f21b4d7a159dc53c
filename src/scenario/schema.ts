// The written shape of scenario and policy files: what a user types. The engine's shape (types.ts) is
// derived from it by normalise.ts. Types here are inferred from the schema, never written twice, and the
// shipped JSON Schema (`credit-sim schema`) is generated from the same objects.

import * as z from "zod";
import {
  APPLICATION_KINDS,
  CAUSES,
  DECISIONS,
  EVENT_TYPES,
  type EventType,
  INSTALMENT_TERMS,
  isReasonCode,
  LIMIT_STEP_YUAN,
  LINES,
  LOAN_TERMS,
  MAX_HISTORY_MONTHS,
  MAX_YUAN,
  type ParamKind,
  type ParamSpec,
  POLICY_PARAM_NAMES,
  POLICY_PARAMETERS,
  type PolicyParamName,
  type PolicyParams,
  PROFILE_AGE,
  PROFILE_FIELDS,
  REPAY_KEYWORDS,
  SCORE_MAX,
  SCORE_MIN,
  STATUSES,
} from "../engine/index.js";
import type { Holds, Same } from "../shared/type-assert.js";
import { MAX_DAY } from "./shape.js";
import { storyEventType } from "./story-words.js";
import { meant } from "./synonyms.js";

export { EVENT_TYPES, PROFILE_FIELDS } from "../engine/index.js";

// zod compiles a parser for each object schema on its first use (new Function): a command validates a
// few small files once, where compiling costs more than it saves — about 10 % of `run`'s start. Files of
// thousands of events parse no slower without it (measured on 20,000 events).
z.config({ jitless: true });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export { MAX_YUAN };

const isoDate = z
  .string()
  .regex(DATE, { message: "a date as YYYY-MM-DD" })
  .describe("calendar date, YYYY-MM-DD");
const dayNumber = z.number().int().min(0).max(MAX_DAY).describe("days since `start` (day 0)");
// The shortest decimal text of the number has at most two decimals. (Comparing v × 100 with its rounding
// needs a tolerance, and any fixed one refuses large amounts such as 134222770.92.)
const twoDecimals = (v: number) => /^-?\d+(\.\d{1,2})?$/.test(String(v));
const FEN = { message: "at most 2 decimal places (fen)" };
const yuan = z.number().positive().max(MAX_YUAN).refine(twoDecimals, FEN).describe("yuan, up to 2 decimals");
/** A limit asked for (an opening's, an increase's, a Jiebei line's): limits are whole hundreds of yuan, as
 *  every cap and grant is (an ask of 3033.33 was granted as asked, a limit no rule could make). */
const limitYuan = z
  .number()
  .positive()
  .max(MAX_YUAN)
  .multipleOf(LIMIT_STEP_YUAN)
  .describe("yuan, whole hundreds (limits are whole hundreds of yuan)");
/** yuan that may be zero (incomes, debts, limits) */
const yuanOrZero = z.number().min(0).max(MAX_YUAN).refine(twoDecimals, FEN);
/** yuan an expectation compares with (a balance may be negative: money owed to the customer) */
const signedYuan = z.number().min(-MAX_YUAN).max(MAX_YUAN).refine(twoDecimals, FEN);
/** A score an expectation compares with: the scale is 350–950, so anything within 0–1000 can be shown. */
const scoreValue = z.number().int().min(0).max(1000);
/** Free text a trace shows (names, notes, merchants): long enough for any of them, bounded. */
const shownText = (max: number) => z.string().max(max);
/** The longest name and description a scenario or policy file may give (what a writer fits its own to). */
export const MAX_NAME = 200;
export const MAX_DESCRIPTION = 5000;
/** The longest merchant and note an event may give. */
export const MAX_MERCHANT = 200;
export const MAX_NOTE = 2000;
/** The most events a scenario holds. */
export const MAX_EVENTS = 100_000;
/** A reference to a policy (a name or a path). */
const ref = z.string().min(1).max(1000);
/** Whether a value is a reference the schema takes (one it refuses is its problem, said once, there). */
export const isPolicyRef = (value: unknown): value is string => ref.safeParse(value).success;
/** Whole numbers a policy parameter takes when the vocabulary gives no upper bound: still showable. */
const MAX_PARAM_INT = 1_000_000;

const when = { day: dayNumber.optional(), date: isoDate.optional() };

const ev = <const K extends string, T extends z.ZodRawShape>(type: K, description: string, shape: T) =>
  z.strictObject({ type: z.literal(type), ...when, ...shape }).describe(description);

const limitBands = z
  .array(z.strictObject({ minScore: z.number().int().min(SCORE_MIN).max(SCORE_MAX), maxLimit: yuanOrZero }))
  .min(1)
  .max(100);

type ParamSchema<K extends ParamKind["kind"]> = K extends "flag"
  ? z.ZodBoolean
  : K extends "limitBands"
    ? typeof limitBands
    : z.ZodNumber;

/** The validator of one policy parameter, from its kind in the vocabulary. */
function paramSchema({ type, text }: ParamSpec): z.ZodType {
  switch (type.kind) {
    case "score":
      return z.number().int().min(SCORE_MIN).max(SCORE_MAX).describe(text);
    case "dayOfMonth":
      return z.number().int().min(1).max(31).describe(text);
    case "int": {
      return z
        .number()
        .int()
        .min(type.min)
        .max(type.max ?? MAX_PARAM_INT)
        .describe(text);
    }
    case "number": {
      const above = "above" in type && type.above === true;
      return (above ? z.number().gt(type.min) : z.number().min(type.min))
        .max(type.max ?? MAX_YUAN)
        .describe(text);
    }
    case "yuan":
      return z.number().min(type.min).max(MAX_YUAN).refine(twoDecimals, FEN).describe(text);
    case "flag":
      return z.boolean().describe(text);
    case "limitBands":
      return limitBands.describe(text);
  }
}

export const policyParamsShape = Object.fromEntries(
  POLICY_PARAM_NAMES.map((name) => [name, paramSchema(POLICY_PARAMETERS[name])]),
) as { [K in PolicyParamName]: ParamSchema<(typeof POLICY_PARAMETERS)[K]["type"]["kind"]> };

export const PolicyOverrides = z.strictObject(policyParamsShape).partial();
export type PolicyOverrides = z.infer<typeof PolicyOverrides>;

export const PolicyFile = z.strictObject({
  name: shownText(MAX_NAME).min(1),
  description: shownText(MAX_DESCRIPTION).default(""),
  extends: ref
    .optional()
    .describe("a built-in policy name or a path relative to this file (in its folder tree)"),
  ...z.strictObject(policyParamsShape).partial().shape,
});
export type PolicyFile = z.infer<typeof PolicyFile>;
export const FullPolicyParams = z.strictObject(policyParamsShape);
/** A policy as the engine takes it (loadPolicy's result): every parameter, its name and description. */
export const PolicyObject = z.strictObject({
  name: shownText(MAX_NAME).min(1),
  description: shownText(MAX_DESCRIPTION),
  ...policyParamsShape,
});

const RepayKeyword = z.enum(REPAY_KEYWORDS);

const line = z
  .enum(LINES)
  .optional()
  .describe("the credit line: huabei (purchases, the default) or jiebei (cash loans)");

export const EventSchema = z.discriminatedUnion("type", [
  ev("apply", "an application: open a line, or increase its limit by `amount`", {
    line,
    product: z.enum(APPLICATION_KINDS),
    amount: limitYuan,
  }),
  ev("purchase", "a purchase on Huabei, optionally in monthly instalments", {
    amount: yuan,
    merchant: shownText(MAX_MERCHANT).optional(),
    instalments: z
      .literal([...INSTALMENT_TERMS])
      .optional()
      .describe("split into this many monthly instalments (分期), each billed with its fee"),
  }),
  ev("borrow", "a Jiebei cash loan, repaid in monthly instalments over `term` months", {
    amount: yuan,
    term: z.literal([...LOAN_TERMS]).describe("months"),
  }),
  ev("repay", "a repayment: yuan, or full / statement / minimum", {
    line,
    amount: z.union([yuan, RepayKeyword]),
  }),
  ev("close", "the customer closes a line (refused while anything is owed on it)", { line }),
  ev("change_profile", "a change of a bound detail", { field: z.enum(PROFILE_FIELDS) }),
  ev("external_debt", "new debt elsewhere (financial burden)", { amount: yuan }),
  ev("external_repayment", "debt elsewhere repaid", { amount: yuan }),
  ev("external_inquiry", "an application for credit elsewhere", {}),
  ev("income", "a new monthly income", { monthlyIncome: yuanOrZero }),
  ev("policy", "switch the policy (`use`) and/or override parameters (`set`) from this day on", {
    use: ref.optional(),
    set: PolicyOverrides.optional(),
  }),
  ev("contact_support", "ask customer service about the account", {}),
  ev("verify_identity", "verify identity (lifts a security suspension)", {}),
  ev("request_review", "ask for an early restoration review of a suspended line", {
    line: z
      .enum(LINES)
      .optional()
      .describe("the line to review: huabei or jiebei (none: whichever line is suspended)"),
  }),
  ev("note", "a remark shown in the trace", { text: shownText(MAX_NOTE) }),
]);
export type WrittenEvent = z.infer<typeof EventSchema>;

/** What every event has, whatever its type. */
export const EventWhen = z.strictObject(when);

/** Each field some event type has (but `type`), with the distinct validators the types give it, in the
 *  order of the types: an event whose type is nothing near a known one is checked field by field
 *  against these, so what every type would refuse is said at once. */
export const EVENT_FIELDS: ReadonlyMap<string, readonly z.ZodType[]> = (() => {
  const fields = new Map<string, z.ZodType[]>();
  for (const option of EventSchema.options)
    for (const [key, field] of Object.entries(option.shape as Record<string, z.ZodType>)) {
      if (key === "type") continue;
      const seen = fields.get(key) ?? [];
      if (!seen.includes(field)) seen.push(field);
      fields.set(key, seen);
    }
  return fields;
})();

/** The event type a written one is or most likely means (the did-you-mean), if any. */
export function eventTypeMeant(type: unknown): EventType | undefined {
  if (typeof type !== "string") return undefined;
  if ((EVENT_TYPES as readonly string[]).includes(type)) return type as EventType;
  // a word from the story that stands for a type (`customer_service`, story-words.ts); else another word
  // for a type or a near spelling (synonyms.ts)
  return storyEventType(type) ?? (meant(type, EVENT_TYPES) as EventType | undefined);
}

// The written events and the vocabulary name the same types (a compile error otherwise).
/** @typecheck */
export type WrittenEventsMatch = Holds<Same<WrittenEvent["type"], EventType>>;
type ParsedParams = z.infer<z.ZodObject<typeof policyParamsShape>>;
/** @typecheck */
export type PolicyShapeMatches = [
  Holds<Same<keyof ParsedParams, PolicyParamName>>,
  Holds<ParsedParams extends PolicyParams ? true : false>,
];

const range = <T extends z.ZodType>(value: T) =>
  z.strictObject({ min: value.optional(), max: value.optional() });

export const ExpectationSchema = z
  .strictObject({
    ...when,
    end: z.literal(true).optional().describe("read the last simulated day"),
    line: z
      .enum(LINES)
      .optional()
      .describe("whose status, cause, limit and balance to read: huabei (the default) or jiebei"),
    decision: z.enum(DECISIONS).optional(),
    status: z.enum(STATUSES).optional(),
    cause: z.enum(CAUSES).nullable().optional(),
    reasons: z
      .array(z.string().refine(isReasonCode, { message: "a reason code from `credit-sim reasons`" }))
      .optional(),
    limit: yuanOrZero.optional().describe("yuan"),
    score: z.union([scoreValue, range(scoreValue)]).optional(),
    balance: z
      .union([signedYuan, range(signedYuan)])
      .optional()
      .describe("yuan"),
  })
  .describe("an expectation, read at the end of its day");
export type WrittenExpectation = z.infer<typeof ExpectationSchema>;

const ProfileSchema = z.strictObject({
  age: z.number().int().min(PROFILE_AGE.min).max(PROFILE_AGE.max).default(30),
  monthlyIncome: yuanOrZero.default(8000).describe("yuan"),
  verified: z.boolean().default(true),
  creditHistoryMonths: z.number().int().min(0).max(MAX_HISTORY_MONTHS).default(0),
  externalDebt: yuanOrZero.default(0).describe("yuan owed elsewhere at day 0"),
});

/** The day 0 of a scenario that names no `start`. */
export const DEFAULT_SCENARIO_START = "2024-01-01";

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().max(1000).optional(),
    name: shownText(MAX_NAME).min(1),
    description: shownText(MAX_DESCRIPTION).default(""),
    start: isoDate.default(DEFAULT_SCENARIO_START),
    until: dayNumber.optional().describe("last simulated day (default: last event or expectation + 31)"),
    /** deprecated: scenarios are deterministic, a seed changes nothing (read, warned about, ignored) */
    seed: z.number().optional(),
    policy: ref
      .default("default")
      .describe("built-in policy name or a path relative to this file (in its folder tree)"),
    profile: ProfileSchema.prefault({}),
    events: z.array(EventSchema).max(MAX_EVENTS),
    expect: z.array(ExpectationSchema).optional(),
  })
  .describe("a credit-sim scenario: a behaviour timeline with optional expectations");
export type WrittenScenario = z.infer<typeof ScenarioSchema>;

/** The field names a schema allows at `path` (objects' shapes, through lists, records, wrappers and
 *  unions: a value that may be a number or a range has the range's fields). */
export function schemaKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  // optional, nullable, default…: the type they wrap
  const unwrap = (s: unknown): unknown => {
    let t = s as { _zod?: { def?: { innerType?: unknown } } } | undefined;
    while (t?._zod?.def?.innerType) t = t._zod.def.innerType as typeof t;
    return t;
  };
  const at = (s: unknown, rest: readonly PropertyKey[]): string[] | undefined => {
    if (s instanceof z.ZodUnion) {
      const keys = (s.options as unknown[]).flatMap((o) => at(unwrap(o), rest) ?? []);
      return keys.length > 0 ? [...new Set(keys)] : undefined;
    }
    const [part, ...more] = rest;
    if (part === undefined) return s instanceof z.ZodObject ? Object.keys(s.shape) : undefined;
    if (s instanceof z.ZodObject) return at(unwrap((s.shape as Record<PropertyKey, unknown>)[part]), more);
    if (s instanceof z.ZodArray) return at(unwrap(s.element), more);
    if (s instanceof z.ZodRecord) return at(unwrap(s.valueType), more);
    return undefined;
  };
  return at(unwrap(schema), path);
}

/** Field names where an unknown key sits in a scenario, for "did you mean" and the list it is drawn from:
 *  an object nested in another (a limit band in a `set`, an expectation's range) has its own. */
export function knownKeys(path: readonly PropertyKey[], data: unknown): string[] {
  const [head, , third] = path;
  if (head === "events" && third === "set") return schemaKeysAt(PolicyOverrides, path.slice(3)) ?? [];
  if (head === "events" && path.length === 2) {
    // a misspelt type's fields are those of the type it means, as its other problems are checked
    const type = eventTypeMeant((data as { type?: unknown } | undefined)?.type);
    const option = EventSchema.options.find((o) => o.shape.type.value === type);
    return option ? Object.keys(option.shape) : ["type", ...EVENT_FIELDS.keys()];
  }
  return schemaKeysAt(ScenarioSchema, path) ?? [];
}
