// Random customer events for the property tests: every event type but a policy change (whose policies a
// test chooses), on days and amounts the test gives.

import fc from "fast-check";
import type { EventInput } from "./builders.js";

export function customerEvents(
  day: fc.Arbitrary<number>,
  amount: fc.Arbitrary<number>,
): fc.Arbitrary<EventInput> {
  const line = fc.constantFrom("huabei" as const, "jiebei" as const);
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        day,
        type: fc.constant("apply" as const),
        line,
        product: fc.constantFrom("open" as const, "increase" as const),
        amount,
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        day,
        type: fc.constant("purchase" as const),
        amount,
        merchant: fc.constantFrom(null, "Taobao"),
        instalments: fc.constantFrom(null, null, null, 3 as const, 6 as const, 9 as const, 12 as const),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        day,
        type: fc.constant("borrow" as const),
        amount,
        term: fc.constantFrom(3 as const, 6 as const, 12 as const),
      }),
    },
    { weight: 1, arbitrary: fc.record({ day, type: fc.constant("close" as const), line }) },
    { weight: 1, arbitrary: fc.record({ day, type: fc.constant("external_repayment" as const), amount }) },
    {
      weight: 5,
      arbitrary: fc.record({
        day,
        type: fc.constant("repay" as const),
        line,
        amount: fc.oneof(
          amount.map((fen) => ({ kind: "amount" as const, fen })),
          fc.constantFrom(
            { kind: "full" as const },
            { kind: "statement" as const },
            { kind: "minimum" as const },
          ),
        ),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        day,
        type: fc.constant("change_profile" as const),
        field: fc.constantFrom("phone" as const, "address" as const, "device" as const, "bankcard" as const),
      }),
    },
    { weight: 1, arbitrary: fc.record({ day, type: fc.constant("external_debt" as const), amount }) },
    { weight: 1, arbitrary: fc.record({ day, type: fc.constant("external_inquiry" as const) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        day,
        type: fc.constant("income" as const),
        monthlyIncome: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 })),
      }),
    },
    { weight: 1, arbitrary: fc.record({ day, type: fc.constant("contact_support" as const) }) },
    { weight: 1, arbitrary: fc.record({ day, type: fc.constant("verify_identity" as const) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        day,
        type: fc.constant("request_review" as const),
        line: fc.constantFrom(null, "huabei" as const, "jiebei" as const),
      }),
    },
    { weight: 1, arbitrary: fc.record({ day, type: fc.constant("note" as const), text: fc.string() }) },
  );
}
