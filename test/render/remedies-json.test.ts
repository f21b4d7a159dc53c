// Every remedy `run --json` writes is one the reference page describes (docs/reference/remedies.md, made
// from REMEDIES): its kind, each of its fields, and each value of a closed field — over every shipped
// scenario and scenario fixture, and the cases that give each closed value (a new value needs one here).

import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REMEDIES, type RemedyField, type Scenario, simulate } from "../../src/engine/index.js";
import { traceToNdjson } from "../../src/render/json.js";
import { loadScenario } from "../../src/scenario/load.js";
import { DEFAULT_POLICY, on, scenario, testPolicy } from "../engine/builders.js";
import { ROOT } from "../helpers/cli.js";

const files = ["scenarios", "test/fixtures/scenarios"].flatMap((folder) =>
  readdirSync(`${ROOT}${folder}`)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => loadScenario(`${ROOT}${folder}/${f}`).scenario),
);

// the January bill is due on day 40: 30 days past due on day 70, 180 on day 220
const unpaid = (support: number, policy = {}) =>
  scenario([on.open(0, 5_000), on.purchase(1, 1_000), on.support(support)], {
    policy: testPolicy(policy),
    until: support + 5,
  });
const held = [on.open(0, 1_000), on.change(1)];
const cases: Scenario[] = [
  unpaid(55),
  unpaid(70, { suspendOverdueDays: 30, chargeOffDays: 180 }),
  unpaid(220, { suspendOverdueDays: 400, chargeOffDays: 180 }),
  // the charge-off of day 220 is the first check that acts (the line stays active at its reviews)
  unpaid(200, { suspendOverdueDays: 400, chargeOffDays: 180 }),
  // the review of day 45 suspends for the overdue before the trigger, on its day and before it
  unpaid(44, { delinquentMinScore: 900 }),
  unpaid(45, { delinquentMinScore: 900 }),
  // a security hold that verifying would leave suspended, for credit (a debt taken during the hold) and
  // for a policy change since
  scenario([...held, on.externalDebt(20, 150_000), on.support(30)], {
    policy: testPolicy({ securityMaxChanges: 0, maxDebtToIncome: 1 }),
    profile: { monthlyIncome: 10_000 },
  }),
  scenario(
    [...held, on.externalDebt(2, 150_000), on.policy(20, { set: { maxDebtToIncome: 1 } }), on.support(30)],
    { policy: testPolicy({ securityMaxChanges: 0 }), profile: { monthlyIncome: 10_000 } },
  ),
  // a cut for the income beneath a score's band no income lifts (limit_cut's `increase.incomeCap`):
  // two-lines.yaml gave one until its answer was judged on what the loan owes by the increase day
  scenario(
    [
      on.open(0, 15_000),
      on.purchase(5, 1_000),
      on.income(40, 3_000),
      on.policy(60, {
        set: {
          limitBands: [
            { minScore: 300, maxLimit: 10_000 },
            { minScore: 950, maxLimit: 50_000 },
          ],
        },
      }),
      on.support(70),
    ],
    { until: 75, policy: DEFAULT_POLICY, profile: { monthlyIncome: 10_000, creditHistoryMonths: 60 } },
  ),
];

// what a due notice asks in more than one part: a purchase since the statement (next_due's `unbilled`), a
// bill in its grace days (`paidLast`), two loans falling due on different days (`later`)
const notices: Scenario[] = [
  scenario([on.open(0, 5_000), on.purchase(5, 1_000), on.purchase(35, 400), on.support(36)], {
    until: 45,
  }),
  scenario([on.open(0, 5_000), on.purchase(5, 1_000), on.purchase(35, 400), on.support(41)], {
    until: 45,
  }),
  scenario(
    [
      on.open(0, 20_000, "jiebei"),
      on.borrow(10, 3_000, 3),
      on.borrow(20, 2_000, 6),
      on.support(25),
      on.support(42),
    ],
    { until: 50, profile: { monthlyIncome: 20_000 } },
  ),
  // (test/engine/support-paid-last-every.test.ts's: day 40's instalment in its grace days on day 42)
  scenario([on.open(0, 20_000, "jiebei"), on.borrow(10, 3_000, 3), on.borrow(11, 2_000, 3), on.support(42)], {
    policy: testPolicy({ toleranceAmount: 0 }),
    until: 50,
  }),
];

const written = [...files, ...cases, ...notices].flatMap((s) =>
  traceToNdjson(s.name, simulate(s).steps)
    .trimEnd()
    .split("\n")
    .flatMap((line) => (JSON.parse(line) as { remedies: Array<Record<string, unknown>> }).remedies),
);

const closed = (f: RemedyField | undefined) => (typeof f === "object" ? Object.keys(f.values) : null);

describe("remedies in run --json", () => {
  it("are each described on the reference page: kind, fields, and the values of closed fields", () => {
    for (const r of written) {
      const kind = r.kind as keyof typeof REMEDIES;
      expect(Object.keys(REMEDIES), JSON.stringify(r)).toContain(kind);
      const fields: Record<string, RemedyField> = REMEDIES[kind].fields;
      for (const [name, value] of Object.entries(r)) {
        if (name === "kind" || name === "line") continue;
        expect(Object.keys(fields), `${kind}.${name}`).toContain(name);
        const values = closed(fields[name]);
        if (values !== null) expect(values, `${kind}.${name}`).toContain(value);
      }
    }
  });

  it("give every value a closed field lists (pay_overdue's `by.what` takes `today`'s)", () => {
    const given = (kind: string, read: (r: Record<string, unknown>) => unknown) =>
      new Set(written.filter((r) => r.kind === kind).map(read));
    const overdue = given("pay_overdue", (r) => r.today);
    expect([...overdue].filter((v) => v !== undefined).sort()).toEqual(
      closed(REMEDIES.pay_overdue.fields.today)!.sort(),
    );
    const by = given("pay_overdue", (r) => (r.by as { what?: string } | undefined)?.what);
    expect([...by].filter((v) => v !== undefined).sort()).toEqual(
      closed(REMEDIES.pay_overdue.fields.today)!.sort(),
    );
    expect([...given("verify_suspends", (r) => r.cause)].sort()).toEqual(
      closed(REMEDIES.verify_suspends.fields.cause)!.sort(),
    );
    expect(written.some((r) => r.kind === "pay_overdue" && Array.isArray(r.suspends))).toBe(true);
  });
});

/** The names a remedy gives an amount of money (fen in the engine, yuan in JSON) — wherever they stand in
 *  it; `not_worked_out`'s `limit` is a count of answers, not money. */
const MONEY = new Set([
  "amount",
  "minimum",
  "interest",
  "onTopOf",
  "limit",
  "lastLimit",
  "from",
  "to",
  "paid",
  "over",
  "calledIn",
  "reopen",
  "smallest",
  "largest",
  "atIncome",
  "of",
  "gives",
  "minLimit",
  "repayElsewhere",
  "onceUsed",
]);

/** Each amount of money in `raw` (a remedy as the engine gives it) with its value in `json` (as written):
 *  [path, fen, as written]. */
function amounts(raw: unknown, json: unknown, path: string, out: Array<[string, number, unknown]>): void {
  if (Array.isArray(raw)) {
    for (const [i, x] of raw.entries())
      amounts(x, (json as unknown[] | undefined)?.[i], `${path}[${i}]`, out);
    return;
  }
  if (raw === null || typeof raw !== "object") return;
  for (const [k, v] of Object.entries(raw)) {
    const w = (json as Record<string, unknown> | undefined)?.[k];
    if (typeof v === "number" && MONEY.has(k)) out.push([`${path}.${k}`, v, w]);
    else amounts(v, w, `${path}.${k}`, out);
  }
}

describe("remedies' money in run --json", () => {
  it("is in yuan wherever it stands, nested fields too", () => {
    // a give-back's `since.limit`, the income cap's `increase.incomeCap.limit` and a notice's `paidLast`
    // were written in fen beside yuan
    const seen: string[] = [];
    for (const s of [...files, ...cases, ...notices]) {
      for (const step of simulate(s).steps) {
        const json = JSON.parse(traceToNdjson(s.name, [step])) as { remedies: unknown[] };
        step.remedies.forEach((r, i) => {
          if (r.kind === "not_worked_out") return;
          const out: Array<[string, number, unknown]> = [];
          amounts(r, json.remedies[i], r.kind, out);
          for (const [path, fen, written] of out) {
            expect(written, `${s.name} day ${step.day}: ${path}`).toBe(fen / 100);
            seen.push(path);
          }
        });
      }
    }
    // (each nested amount a fixture or case above gives: a path none gives is not checked)
    for (const path of [
      "limit_cut.since.limit",
      "limit_cut.increase.incomeCap.limit",
      "limit_cut.increase.blocked.amount",
      "next_due.unbilled.amount",
      "next_due.paidLast.minimum",
      "next_due.later[0].amount",
    ])
      expect(seen, path).toContain(path);
  });
});
