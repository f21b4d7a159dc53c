// The file a grant or a restoration is judged on is a shallow copy of the customer (grant.ts): every field
// copied — a field added to a line and not to the copy would read as missing on that file — and nothing
// beneath copied; and the debt an eligibility check counts on it without the copy (applicationDebt) is the
// copy's own.

import { describe, expect, it } from "vitest";
import { type Customer, shallowCopy } from "../../src/engine/customer.js";
import { applicationDebt, applicationFile } from "../../src/engine/grant.js";
import { debtCounted } from "../../src/engine/score-inputs.js";
import { run as runEngine } from "../../src/engine/simulate.js";
import { DEFAULT_POLICY, on, scenario } from "./builders.js";

/** The customer as a run of `events` ends (both lines opened, used, a loan drawn, a bill missed). */
function customerAfter(until: number): Customer {
  let c: Customer | null = null;
  const events = [
    on.open(0, 8_000),
    on.open(0, 20_000, "jiebei"),
    on.purchase(3, 2_500),
    on.borrow(5, 6_000, 6),
    on.externalInquiry(9),
    on.repay(50, "minimum"),
  ];
  runEngine(scenario(events, { policy: DEFAULT_POLICY, until }), {
    end: (s) => {
      c = s.customer;
    },
  });
  return c!;
}

describe("shallowCopy", () => {
  it("copies every field of the customer and of both lines, and shares what is beneath them", () => {
    const c = customerAfter(80);
    const copy = shallowCopy(c);
    expect(copy).not.toBe(c);
    expect(copy.huabei).not.toBe(c.huabei);
    expect(copy.jiebei).not.toBe(c.jiebei);
    expect(copy).toEqual(c);
    expect(Object.keys(copy)).toEqual(Object.keys(c));
    expect(Object.keys(copy.huabei)).toEqual(Object.keys(c.huabei));
    expect(Object.keys(copy.jiebei)).toEqual(Object.keys(c.jiebei));
    expect(copy.huabei.ledger).toBe(c.huabei.ledger);
    expect(copy.jiebei.book).toBe(c.jiebei.book);
    expect(copy.records).toBe(c.records);
  });
});

describe("applicationDebt", () => {
  it("is the debt the application's file counts, on either line, opening or increase, on any day", () => {
    for (const until of [0, 10, 40, 80, 200]) {
      const c = customerAfter(until);
      for (const line of [c.huabei, c.jiebei])
        for (const increase of [false, true])
          expect(applicationDebt(c, line, increase)).toBe(
            debtCounted(applicationFile(c, line, increase, until)),
          );
    }
  });
});
