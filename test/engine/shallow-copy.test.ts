// The file a grant or a restoration is judged on is a shallow copy of the customer (grant.ts): every field
// copied — a field added to a line and not to the copy would read as missing on that file — and nothing
// beneath copied; and the debt an eligibility check counts on it without the copy (applicationDebt) is the
// copy's own.

import { describe, expect, it } from "vitest";
import {
  type Customer,
  customerWith,
  forkCustomer,
  lineCopy,
  profileCopy,
  shallowCopy,
} from "../../src/engine/customer.js";
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

// A fork's and a rule's copies are literals in the order the originals are made (not spreads, which gave
// each copy a hidden class of its own and the rules reading both megamorphic: docs/performance.md): each
// copy must still be the whole object, its keys in the original's order.
describe("copies made as literals", () => {
  const sameObject = (copy: object, original: object) => {
    expect(copy).not.toBe(original);
    expect(copy).toEqual(original);
    expect(Object.keys(copy)).toEqual(Object.keys(original));
  };

  it("forkCustomer copies every bill, plan, loan, record, episode, month end and grid month whole", () => {
    const c = customerAfter(200);
    const fork = forkCustomer(c);
    const { ledger } = c.huabei;
    const copied = fork.huabei.ledger;
    expect(ledger.bills.length).toBeGreaterThan(0);
    ledger.bills.forEach((b, i) => {
      sameObject(copied.bills[i]!, b);
      sameObject(copied.bills[i]!.carry, b.carry);
    });
    ledger.plans.forEach((p, i) => {
      sameObject(copied.plans[i]!, p);
    });
    ledger.pending.forEach((p, i) => {
      sameObject(copied.pending[i]!, p);
    });
    expect(c.jiebei.book.loans.length).toBeGreaterThan(0);
    c.jiebei.book.loans.forEach((l, i) => {
      const k = fork.jiebei.book.loans[i]!;
      sameObject(k, l);
      for (const key of ["carry", "dueCarry", "penaltyCarry", "dueDays", "calledDays"] as const)
        sameObject(k[key], l[key]);
    });
    for (const key of ["records", "episodes", "monthEnds"] as const) {
      expect(c[key].length).toBeGreaterThan(0);
      c[key].forEach((x, i) => {
        sameObject(fork[key][i]!, x);
      });
    }
    expect(c.huabei.grid.length).toBeGreaterThan(0);
    c.huabei.grid.forEach((g, i) => {
      sameObject(fork.huabei.grid[i]!, g);
    });
  });

  it("customerWith, lineCopy and profileCopy copy the whole object, the changes in place of its own", () => {
    const c = customerAfter(80);
    sameObject(customerWith(c, {}), c);
    sameObject(lineCopy(c.huabei), c.huabei);
    sameObject(lineCopy(c.jiebei), c.jiebei);
    sameObject(profileCopy(c.profile), c.profile);
    const policy = { ...c.policy, minScore: 700 };
    const under = customerWith(c, { policy });
    expect(under).toEqual({ ...c, policy });
    expect(Object.keys(under)).toEqual(Object.keys(c));
    expect(under.huabei).toBe(c.huabei);
  });
});
