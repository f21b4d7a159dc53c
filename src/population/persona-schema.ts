// The written shape of persona files (personas/*.yaml): behaviour distributions rather than events.
// A persona says how a kind of customer behaves (how often they spend, how they repay, how often they
// apply elsewhere, how their profile and income move); the generator draws one concrete timeline per
// account from it. Types are inferred from the schema; the shipped JSON Schema is generated from it.

import * as z from "zod";
import { jsonSchemaOf } from "../scenario/json-schema.js";
import { MAX_YUAN } from "../scenario/schema.js";

/** No quantity in a persona goes beyond this, the largest yuan amount a scenario file accepts. */
const MAX_QUANTITY = MAX_YUAN;
const quantity = z.number().min(-MAX_QUANTITY).max(MAX_QUANTITY);

/** A quantity: a constant, uniform between min and max, or log-normal around a median. */
const constant = quantity.describe("a fixed value");
const uniform = z
  // a log-normal's keys are no uniform's (its own checks speak of them, not "unknown field median")
  .strictObject({ min: quantity, max: quantity, median: z.never().optional(), sigma: z.never().optional() })
  .describe("uniform between min and max (inclusive)");
const logNormal = z
  .strictObject({
    median: quantity.positive(),
    sigma: z.number().min(0).max(5).describe("spread of log(value)"),
    min: quantity.optional(),
    max: quantity.optional(),
  })
  .describe("log-normal around `median` with log-spread `sigma`, clipped to [min, max]");
export const DistSchema = z.union([constant, uniform, logNormal]);
/** A distribution as the code uses it (the schema's uniform also names a log-normal's keys, as never). */
export type Dist =
  | number
  | { min: number; max: number }
  | { median: number; sigma: number; min?: number; max?: number };

const probability = z.number().min(0).max(1).describe("a probability, 0–1");
const rate = z.number().min(0).max(1000).describe("a mean count (Poisson)");

/** Several events close together: over-applying, or an account-takeover-like string of changes. */
const BurstSchema = z
  .strictObject({
    perYear: rate.describe("bursts per year (Poisson mean)"),
    count: DistSchema.describe("events in one burst"),
    withinDays: z.number().int().min(1).max(365).describe("the burst's events fall within this many days"),
  })
  .describe("bursts of events");

const ActivitySchema = z
  .strictObject({
    perMonth: rate.default(0).describe("events per month (Poisson mean)"),
    bursts: BurstSchema.optional(),
  })
  .describe("how often something happens");

/** A reaction: its probability, and how many days after the decision it comes (a number: the
 *  probability, with the usual delay). */
const reaction = (after: Dist, what: string) =>
  z
    .union([
      probability,
      z.strictObject({
        p: probability,
        after: DistSchema.default(after).describe("days after the decision"),
      }),
    ])
    .describe(what);
export type Reaction = number | { p: number; after: Dist };

const ReactionsSchema = z
  .strictObject({
    declined: z
      .strictObject({
        elsewhere: reaction(
          { min: 1, max: 14 },
          "applies for credit elsewhere (an external inquiry)",
        ).optional(),
        retry: z
          .strictObject({
            p: probability,
            after: DistSchema.default({ min: 20, max: 60 }).describe("days after the decline"),
            amount: z
              .number()
              .gt(0)
              .max(1)
              .default(0.5)
              .describe("share of the declined amount asked for again"),
          })
          .optional()
          .describe("applies again later for less"),
      })
      .optional()
      .describe("after an own application (to open a line or raise its limit) is declined"),
    cut: z
      .strictObject({
        spendLess: z
          .strictObject({
            p: probability,
            factor: z.number().min(0).max(1).default(0.5).describe("share of the usual purchases still made"),
            months: DistSchema.default(3).describe("for how many months"),
          })
          .optional(),
      })
      .optional()
      .describe("after a limit cut, or a purchase or drawdown declined while the line is open"),
    suspended: z
      .strictObject({
        contact: reaction({ min: 1, max: 7 }, "contacts customer service").optional(),
        repay: reaction({ min: 1, max: 14 }, "repays what is owed on the line in full").optional(),
        review: reaction({ min: 20, max: 60 }, "asks for an early review").optional(),
        verify: reaction({ min: 1, max: 7 }, "verifies identity (after a security suspension)").optional(),
        leave: probability
          .optional()
          .describe(
            "stops using the lender: no more purchases, drawdowns or applications; closes each line once nothing is owed on it",
          ),
      })
      .optional()
      .describe("after a line is suspended (purchases on it stop while it is)"),
    identity: z
      .strictObject({
        verify: reaction({ min: 1, max: 14 }, "verifies identity").optional(),
      })
      .optional()
      .describe(
        "after the lender asks for a verified identity: an own application declined, or a line suspended, citing IDENTITY_REQUIRED (a declined application is made again, the same amount, on the day of the verification)",
      ),
    burden: z
      .strictObject({
        payDown: z
          .strictObject({
            p: probability,
            after: DistSchema.default({ min: 14, max: 60 }).describe("days after the decision"),
            share: z
              .number()
              .gt(0)
              .max(1)
              .default(0.25)
              .describe("share of the debt elsewhere repaid, as it stands on the day"),
          })
          .optional()
          .describe("repays part of the debt elsewhere (an external repayment)"),
      })
      .optional()
      .describe(
        "after a decision that names the debt burden (DEBT_TO_INCOME_TOO_HIGH or HIGH_DEBT_BURDEN among its reasons): an own application declined, a limit cut, a line suspended",
      ),
    restored: z
      .strictObject({
        resume: probability
          .default(1)
          .describe("uses the line again as before; otherwise stays away (as leave)"),
      })
      .optional()
      .describe("after a suspended line is restored"),
  })
  .describe("reactions to the lender's decisions");

const JiebeiSchema = z.strictObject({
  open: z
    .strictObject({
      p: probability.describe("probability of applying for a Jiebei line at all"),
      day: DistSchema.default({ min: 30, max: 300 }).describe("day of the application"),
      amount: DistSchema.default({ min: 5000, max: 30000 }).describe("limit asked for, yuan"),
    })
    .describe("the application to open a Jiebei line"),
  borrow: z
    .strictObject({
      perYear: rate.describe("drawdowns per year while the line is open (Poisson mean)"),
      amount: DistSchema.describe("yuan per drawdown (at most what is available)"),
      terms: z
        .strictObject({ 3: probability.optional(), 6: probability.optional(), 12: probability.optional() })
        .default({ 6: 1 })
        .describe("probability of each term in months; they add up to 1"),
    })
    .optional()
    .describe("cash loans drawn"),
  repayment: z
    .strictObject({
      onTime: probability.default(1).describe("the instalment repaid before its due day"),
      late: z
        .strictObject({ p: probability, days: DistSchema.describe("days after the due day") })
        .optional()
        .describe("repaid late"),
      none: probability.default(0).describe("not repaid (the next repayment pays the arrears)"),
    })
    .prefault({})
    .describe("per instalment, which habit applies; the probabilities add up to 1"),
});

/** A persona's name: an identifier for the command line, reports and seeds (a merged document's too). */
export const PersonaName = z
  .string()
  .max(200)
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: "lower-case letters, digits and dashes" });

export const PersonaSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: PersonaName.describe("identifier used on the command line"),
    description: z.string().default(""),
    share: z.number().positive().max(1).describe("this persona's share of the population (normalised)"),
    profile: z
      .strictObject({
        age: DistSchema.default({ min: 22, max: 55 }),
        monthlyIncome: DistSchema.default({ median: 8000, sigma: 0.4 }).describe("yuan"),
        verified: probability.default(0.9).describe("probability the identity is verified at day 0"),
        creditHistoryMonths: DistSchema.default({ min: 0, max: 60 }),
        externalDebt: DistSchema.default(0).describe("yuan owed elsewhere at day 0"),
      })
      .prefault({}),
    open: z
      .strictObject({
        day: DistSchema.default({ min: 0, max: 14 }).describe("day of the application to open"),
        amount: DistSchema.default({ min: 2000, max: 10000 }).describe("limit asked for, yuan"),
      })
      .prefault({}),
    spending: z
      .strictObject({
        perMonth: rate.describe("purchases per month (Poisson mean)"),
        amount: DistSchema.describe("yuan per purchase"),
        instalments: z
          .strictObject({
            share: probability.describe(
              "share of the purchases of at least `minAmount` split into instalments",
            ),
            minAmount: z
              .number()
              .min(0)
              .max(MAX_QUANTITY)
              .default(0)
              .describe("yuan: smaller purchases are never split"),
            terms: z
              .strictObject({
                3: probability.optional(),
                6: probability.optional(),
                9: probability.optional(),
                12: probability.optional(),
              })
              .default({ 3: 1 })
              .describe("probability of each term in months; they add up to 1"),
          })
          .optional()
          .describe(
            "purchases split into monthly instalments (分期), at the policy's instalment fee for the term",
          ),
      })
      .describe("monthly spending: how many purchases and how large"),
    repayment: z
      .strictObject({
        full: probability.default(0).describe("repay the whole balance before the due day"),
        statement: probability.default(0).describe("repay the statement balance before the due day"),
        minimum: probability.default(0).describe("repay only the minimum before the due day"),
        late: z
          .strictObject({
            p: probability,
            days: DistSchema.describe("days after the due day the full balance is repaid"),
          })
          .optional()
          .describe("repay in full, k days late"),
        none: probability.default(0).describe("no repayment this month"),
        daysBeforeDue: DistSchema.default({ min: 0, max: 6 }).describe("when an on-time repayment is made"),
      })
      .describe("per statement, which repayment habit applies; the probabilities add up to 1"),
    increases: z
      .strictObject({ ...ActivitySchema.shape, amount: DistSchema.default({ min: 1000, max: 5000 }) })
      .optional()
      .describe("applications for a limit increase (yuan asked for)"),
    externalInquiries: ActivitySchema.optional().describe("applications for credit elsewhere"),
    externalDebt: z
      .strictObject({ perYear: rate, amount: DistSchema.describe("yuan") })
      .optional()
      .describe("debt shocks elsewhere"),
    profileChanges: z
      .strictObject({
        ...ActivitySchema.shape,
        verifyAfterBurst: probability.default(0).describe("probability the customer verifies after a burst"),
        verifyDelay: DistSchema.default({ min: 1, max: 14 }).describe("days from a burst's end to verifying"),
      })
      .optional()
      .describe("changes of bound phone / address / device / bank card"),
    income: z
      .strictObject({
        perYear: rate,
        change: DistSchema.describe("relative change, e.g. {min: -0.3, max: 0.2}"),
      })
      .optional()
      .describe("income changes"),
    support: z
      .strictObject({
        contactPerYear: rate.default(0),
        requestReviewPerYear: rate.default(0),
      })
      .optional()
      .describe("contacts with customer service"),
    hardship: z
      .strictObject({
        perYear: rate.describe(
          "spells per year (Poisson mean), times a weight that rises with the account's own burden: debt-to-income, utilisation, a missed payment (docs/populations.md)",
        ),
        months: DistSchema.default({ min: 1, max: 6 }).describe("how many months a spell lasts"),
      })
      .optional()
      .describe("spells of hardship (a lost job, an illness): no repayment at all while one lasts"),
    jiebei: JiebeiSchema.optional().describe("cash loans on Jiebei"),
    reactions: ReactionsSchema.optional().describe(
      "how the customer reacts to the lender's decisions; each reaction happens with its own probability",
    ),
  })
  .describe("a credit-sim persona: behaviour distributions for a seeded population");

export type WrittenPersona = z.infer<typeof PersonaSchema>;

/** The field names valid at a path of a persona file, for "did you mean" on unknown keys. */
export function personaKeysAt(path: readonly PropertyKey[]): string[] {
  let node: z.ZodType = PersonaSchema;
  for (const part of path) {
    const obj = unwrapObject(node);
    if (!obj || typeof part !== "string") return [];
    const next = (obj.shape as Record<string, z.ZodType>)[part];
    if (!next) return [];
    node = next;
  }
  const obj = unwrapObject(node);
  return obj ? Object.keys(obj.shape) : [];
}

function unwrapObject(t: z.ZodType): z.ZodObject | null {
  let cur: z.ZodType = t;
  for (let i = 0; i < 8; i++) {
    if (cur instanceof z.ZodObject) return cur;
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodDefault || cur instanceof z.ZodPrefault) {
      cur = cur.unwrap() as z.ZodType;
      continue;
    }
    if (cur instanceof z.ZodUnion) {
      const objects = (cur.options as z.ZodType[]).filter((o) => o instanceof z.ZodObject) as z.ZodObject[];
      // the widest object option names the most fields
      return objects.sort((a, b) => Object.keys(b.shape).length - Object.keys(a.shape).length)[0] ?? null;
    }
    return null;
  }
  return null;
}

export function personaJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(PersonaSchema, "persona", "credit-sim persona");
}
