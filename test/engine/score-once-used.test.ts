// @module-tag property
// The file once used (grant.ts) is scored from the file it copies (scoreOnCopy): the inputs its lines'
// reports, limits and statuses and its inquiries decide are read again, the rest are the score's the
// caller gives. That is exact only while the copy shares everything else with that file; here it is held
// to scoring the copy whole — every input, every point, the score — on customers a run leaves anywhere
// (both lines opened or not, used, past due, cured, written off, inquiries, bound-detail changes, a thin
// file), for either line granted, opening or increase, with more inquiries; and what a grant or a
// restoration finds once used (keptOnceUsed) is the same with the score given as without.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Customer, lineOf } from "../../src/engine/customer.js";
import { applicationFile, keptOnceUsed } from "../../src/engine/grant.js";
import { FEN_PER_YUAN } from "../../src/engine/money.js";
import { scoreOn, scoreOnCopy } from "../../src/engine/score-inputs.js";
import { run as runEngine } from "../../src/engine/simulate.js";
import type { Policy } from "../../src/engine/types.js";
import { propertyRuns } from "../helpers/property-seed.js";
import { DEFAULT_POLICY, type EventInput, on, scenario, TIGHTENED_POLICY, testPolicy } from "./builders.js";

const RUNS = propertyRuns(150);

/** The customer as a run of `events` leaves it on `until`. */
function customerOn(events: EventInput[], until: number, policy: Policy, profile: object): Customer {
  let c: Customer | null = null;
  runEngine(scenario(events, { policy, until, profile }), {
    end: (s) => {
      c = s.customer;
    },
  });
  return c!;
}

const day = fc.integer({ min: 0, max: 200 });
const event: fc.Arbitrary<EventInput> = fc.oneof(
  fc
    .tuple(
      day,
      fc.constantFrom(500, 3_000, 20_000),
      fc.constantFrom("huabei", "jiebei") as fc.Arbitrary<"huabei" | "jiebei">,
    )
    .map(([d, y, l]) => on.open(d, y, l)),
  fc.tuple(day, fc.constantFrom(1_000, 8_000)).map(([d, y]) => on.increase(d, y)),
  fc.tuple(day, fc.integer({ min: 10, max: 6_000 })).map(([d, y]) => on.purchase(d, y)),
  fc.tuple(day, fc.integer({ min: 500, max: 8_000 })).map(([d, y]) => on.borrow(d, y, 3)),
  fc
    .tuple(
      day,
      fc.constantFrom("full", "statement", "minimum") as fc.Arbitrary<"full" | "statement" | "minimum">,
    )
    .map(([d, a]) => on.repay(d, a)),
  fc.tuple(day, fc.integer({ min: 1_000, max: 300_000 })).map(([d, y]) => on.externalDebt(d, y)),
  fc.tuple(day, fc.integer({ min: 1_000, max: 100_000 })).map(([d, y]) => on.externalRepayment(d, y)),
  day.map((d) => on.externalInquiry(d)),
  day.map((d) => on.change(d)),
  fc.tuple(day, fc.constantFrom(0, 800, 3_000, 12_000)).map(([d, m]) => on.income(d, m)),
  day.map((d) => on.verify(d)),
);

const file = fc.record({
  events: fc.array(event, { minLength: 0, maxLength: 14 }),
  until: fc.integer({ min: 0, max: 260 }),
  policy: fc.constantFrom(
    DEFAULT_POLICY,
    TIGHTENED_POLICY,
    testPolicy({ grantUsedFraction: 0 }),
    testPolicy({ grantUsedFraction: 0.5 }),
  ),
  profile: fc.record({
    monthlyIncome: fc.constantFrom(0, 900, 4_000, 15_000),
    creditHistoryMonths: fc.constantFrom(0, 6, 48),
    verified: fc.boolean(),
    externalDebt: fc.constantFrom(0, 2_000_000, 20_000_000),
  }),
  line: fc.constantFrom("huabei", "jiebei") as fc.Arbitrary<"huabei" | "jiebei">,
  increase: fc.boolean(),
  inquiries: fc.integer({ min: 0, max: 3 }),
  upper: fc.integer({ min: 1, max: 400 }),
});

describe("the file once used, scored from the file it copies", () => {
  it("scores as the copy scored whole, and a grant or a restoration finds the same once used", () => {
    fc.assert(
      fc.property(file, (f) => {
        const c = customerOn(f.events, f.until, f.policy, f.profile);
        const s = scoreOn(c, f.until);
        const line = lineOf(c, f.line);
        const used = applicationFile(c, line, f.increase, f.until, f.inquiries);
        expect(scoreOnCopy(used, f.until, { c, s })).toEqual(scoreOn(used, f.until));
        const upper = f.upper * 100 * FEN_PER_YUAN;
        expect(keptOnceUsed(c, line, upper, 0, f.until, f.inquiries, { c, s })).toEqual(
          keptOnceUsed(c, line, upper, 0, f.until, f.inquiries),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("reads the whole file when it shares less with the one scored than a copy does", () => {
    // a bill missed on day 40 and still past due on day 70
    const c = customerOn(
      [on.open(0, 5_000), on.purchase(5, 2_000), on.externalInquiry(8)],
      70,
      DEFAULT_POLICY,
      {
        creditHistoryMonths: 6,
      },
    );
    const s = scoreOn(c, 70);
    const used = applicationFile(c, c.huabei, false, 70);
    // another record, another profile, a write-off read at another depth: none is the scored file's
    const others: Customer[] = [
      { ...used, records: [] },
      { ...used, profile: { ...used.profile, verified: !used.profile.verified } },
      { ...used, monthEnds: [...used.monthEnds, { day: 60, good: true, record: true }] },
      { ...used, huabei: { ...used.huabei, ledger: { ...used.huabei.ledger, bills: [] } } },
    ];
    for (const other of others) expect(scoreOnCopy(other, 70, { c, s })).toEqual(scoreOn(other, 70));
    // each differs from the copy somewhere the score reads
    expect(others.map((o) => scoreOn(o, 70))).not.toContainEqual(scoreOn(used, 70));
  });
});
