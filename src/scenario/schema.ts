// The written shape of scenario and policy files: what a user types. The engine's shape (types.ts) is
// derived from it by normalise.ts. Types here are inferred from the schema, never written twice, and the
// shipped JSON Schema (`credit-sim schema`) is generated from the same objects.

import * as z from "zod";
import { isReasonCode } from "../engine/reasons.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Upper bound on simulated days: a century is more than any credit line lives. */
export const MAX_DAY = 36_500;
/** Upper bound on a yuan amount: beyond this integer fen lose precision in doubles long before. */
export const MAX_YUAN = 1e9;

const isoDate = z
  .string()
  .regex(DATE, { message: "a date as YYYY-MM-DD" })
  .describe("calendar date, YYYY-MM-DD");
const dayNumber = z.number().int().min(0).max(MAX_DAY).describe("days since `start` (day 0)");
// The shortest decimal text of the number has at most two decimals. (Comparing v × 100 with its rounding
// needs a tolerance, and any fixed one refuses large amounts such as 134222770.92.)
const twoDecimals = (v: number) => /^-?\d+(\.\d{1,2})?$/.test(String(v));
const yuan = z
  .number()
  .positive()
  .max(MAX_YUAN)
  .refine(twoDecimals, { message: "at most 2 decimal places (fen)" })
  .describe("yuan, up to 2 decimals");

const when = { day: dayNumber.optional(), date: isoDate.optional() };

export const PROFILE_FIELDS = ["phone", "address", "device", "bankcard"] as const;

const ev = <const K extends string, T extends z.ZodRawShape>(type: K, description: string, shape: T) =>
  z.strictObject({ type: z.literal(type), ...when, ...shape }).describe(description);

export const policyParamsShape = {
  minOpenScore: z.number().int().min(350).max(950).describe("lowest score that may open an account"),
  minIncreaseScore: z.number().int().min(350).max(950).describe("lowest score for a limit increase"),
  minScore: z
    .number()
    .int()
    .min(350)
    .max(950)
    .describe("lowest score an active account may keep at the review"),
  reduceLimitScore: z.number().int().min(350).max(950).describe("below this the review cuts the limit"),
  restoreScore: z.number().int().min(350).max(950).describe("score a suspended account needs to be restored"),
  restoreCleanDays: z
    .number()
    .int()
    .min(0)
    .describe("days after the last overdue is repaid before restoration"),
  maxApplications30d: z
    .number()
    .int()
    .min(0)
    .describe("applications in 30 days above which new ones are declined"),
  graceDays: z.number().int().min(0).max(60).describe("days after the due day before it counts as overdue"),
  penaltyRatePerDay: z
    .number()
    .min(0)
    .max(0.1)
    .describe("daily penalty on the overdue amount (0.0005 = 0.05 %)"),
  revolvingRatePerDay: z.number().min(0).max(0.1).describe("daily interest on a minimum-paid remainder"),
  minRepaymentRate: z.number().min(0).max(1).describe("share of a bill that is its minimum repayment"),
  suspendOverdueDays: z.number().int().min(1).describe("overdue days that trigger a credit suspension"),
  securityMaxChanges: z.number().int().min(0).describe("profile changes allowed within the window"),
  securityWindowDays: z.number().int().min(1).describe("window for counting profile changes"),
  statementDayOfMonth: z.number().int().min(1).max(31).describe("calendar day of the monthly statement"),
  dueDayOfMonth: z.number().int().min(1).max(31).describe("calendar day the statement is due"),
  reviewDayOfMonth: z.number().int().min(1).max(31).describe("calendar day of the monthly periodic review"),
  closeAfterSuspendedDays: z.number().int().min(1).describe("suspensions this long end in closure"),
  reviewRequestCooldownDays: z.number().int().min(0).describe("days between honoured request_review calls"),
  maxDebtToIncome: z.number().min(0).describe("eligibility: (debt + balance) / annual income at most this"),
  requireVerified: z.boolean().describe("eligibility: identity must be verified"),
  maxLimitIncomeMultiple: z.number().min(0).describe("limit at most this many months of income"),
  minLimit: z.number().min(0).describe("smallest limit offered (yuan)"),
  limitBands: z
    .array(z.strictObject({ minScore: z.number().int().min(350).max(950), maxLimit: z.number().min(0) }))
    .min(1)
    .describe("highest limit (yuan) by score"),
};

export const PolicyOverrides = z.strictObject(policyParamsShape).partial();
export type PolicyOverrides = z.infer<typeof PolicyOverrides>;

export const PolicyFile = z.strictObject({
  name: z.string().min(1),
  description: z.string().default(""),
  extends: z.string().min(1).optional().describe("a built-in policy name or a path relative to this file"),
  ...z.strictObject(policyParamsShape).partial().shape,
});
export type PolicyFile = z.infer<typeof PolicyFile>;
export const FullPolicyParams = z.strictObject(policyParamsShape);

const RepayKeyword = z.enum(["full", "statement", "minimum"]);

export const EventSchema = z.discriminatedUnion("type", [
  ev("apply", "an application: open an account, or increase the limit by `amount`", {
    product: z.enum(["open", "increase"]),
    amount: yuan,
  }),
  ev("purchase", "a purchase on the credit line", { amount: yuan, merchant: z.string().optional() }),
  ev("repay", "a repayment: yuan, or full / statement / minimum", { amount: z.union([yuan, RepayKeyword]) }),
  ev("change_profile", "a change of a bound detail", { field: z.enum(PROFILE_FIELDS) }),
  ev("external_debt", "new debt elsewhere (financial burden)", { amount: yuan }),
  ev("external_inquiry", "an application for credit elsewhere", {}),
  ev("income", "a new monthly income", { monthlyIncome: z.number().min(0).max(MAX_YUAN) }),
  ev("policy", "switch the policy (`use`) and/or override parameters (`set`) from this day on", {
    use: z.string().min(1).optional(),
    set: PolicyOverrides.optional(),
  }),
  ev("contact_support", "ask customer service about the account", {}),
  ev("verify_identity", "verify identity (lifts a security suspension)", {}),
  ev("request_review", "ask for an early restoration review", {}),
  ev("note", "a remark shown in the trace", { text: z.string() }),
]);
export type WrittenEvent = z.infer<typeof EventSchema>;
export const EVENT_TYPES = EventSchema.options.map((o) => o.shape.type.value);

const range = z.strictObject({ min: z.number().optional(), max: z.number().optional() });

const STATUSES = ["none", "active", "suspended", "closed"] as const;
const CAUSES = ["credit", "security", "policy"] as const;
const DECISIONS = [
  "approved",
  "approved_lower",
  "declined",
  "suspended",
  "limit_reduced",
  "restored",
  "closed",
  "info",
] as const;

export const ExpectationSchema = z
  .strictObject({
    ...when,
    end: z.literal(true).optional().describe("read the last simulated day"),
    decision: z.enum(DECISIONS).optional(),
    status: z.enum(STATUSES).optional(),
    cause: z.enum(CAUSES).nullable().optional(),
    reasons: z
      .array(z.string().refine(isReasonCode, { message: "a reason code from `credit-sim reasons`" }))
      .optional(),
    limit: z.number().min(0).optional().describe("yuan"),
    score: z.union([z.number(), range]).optional(),
    balance: z.union([z.number(), range]).optional().describe("yuan"),
  })
  .describe("an expectation, read at the end of its day");
export type WrittenExpectation = z.infer<typeof ExpectationSchema>;

const ProfileSchema = z.strictObject({
  age: z.number().int().min(18).max(100).default(30),
  monthlyIncome: z.number().min(0).max(MAX_YUAN).default(8000).describe("yuan"),
  verified: z.boolean().default(true),
  creditHistoryMonths: z.number().int().min(0).max(1200).default(0),
  externalDebt: z.number().min(0).max(MAX_YUAN).default(0).describe("yuan owed elsewhere at day 0"),
});

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1),
    description: z.string().default(""),
    start: isoDate.default("2024-01-01"),
    until: dayNumber.optional().describe("last simulated day (default: last event or expectation + 31)"),
    seed: z.number().int().default(1),
    policy: z
      .string()
      .min(1)
      .default("default")
      .describe("built-in policy name or a path relative to this file"),
    profile: ProfileSchema.prefault({}),
    events: z.array(EventSchema).max(100_000),
    expect: z.array(ExpectationSchema).optional(),
  })
  .describe("a credit-sim scenario: a behaviour timeline with optional expectations");
export type WrittenScenario = z.infer<typeof ScenarioSchema>;

/** Field names per object kind, for "did you mean" on unknown keys. */
export function knownKeys(path: readonly PropertyKey[], data: unknown): string[] {
  const [head, , third] = path;
  if (path.length === 0) return Object.keys(ScenarioSchema.shape);
  if (head === "profile") return Object.keys(ProfileSchema.shape);
  if (head === "expect") return Object.keys(ExpectationSchema.shape);
  if (head === "events") {
    if (third === "set") return Object.keys(policyParamsShape);
    const type = (data as { type?: unknown } | undefined)?.type;
    const option = EventSchema.options.find((o) => o.shape.type.value === type);
    return option ? Object.keys(option.shape) : ["type", "day", "date"];
  }
  return [];
}
