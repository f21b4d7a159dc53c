import { describe, expect, it } from "vitest";
import { type EventInput, on, run, stepOn, testPolicy } from "./builders.js";

// Asked the day after a Jiebei opening was declined for too many applications (5 vs 3 in 30 days),
// customer service said only "wait until older applications are over 30 days old" — the dated step
// existed only for a customer with no line at all. Whenever an application asked about is still
// declined for the count, the answer names the first day the count (its own counted) is within the
// most: an application made that day passes the rule, one made the day before does not.
describe("customer service dates the wait for applications to age out, a line open", () => {
  const policy = testPolicy({ maxApplications30d: 3 });
  const inquiry = (day: number): EventInput => ({ day, type: "external_inquiry" });
  const cases: {
    name: string;
    before: EventInput[];
    ask: (day: number) => EventInput;
    line?: string;
    product?: string;
  }[] = [
    {
      name: "a Jiebei opening, Huabei open",
      before: [on.open(0, 5_000), inquiry(1), inquiry(2), on.open(3, 20_000, "jiebei")],
      ask: (day) => on.open(day, 20_000, "jiebei"),
    },
    {
      name: "a Jiebei opening, the inquiries spread out",
      before: [on.open(0, 5_000), inquiry(6), inquiry(11), on.open(14, 20_000, "jiebei")],
      ask: (day) => on.open(day, 20_000, "jiebei"),
    },
    {
      name: "a Huabei increase",
      before: [on.open(0, 5_000), inquiry(40), inquiry(45), inquiry(47), on.increase(50, 3_000)],
      ask: (day) => on.increase(day, 3_000),
      line: "huabei",
      product: "increase",
    },
  ];
  for (const { name, before, ask, line = "jiebei", product = "open" } of cases)
    it(`names the first day the count allows the application: ${name}`, () => {
      const asked = before.at(-1)!.day + 1;
      const s = stepOn(
        run([...before, on.support(asked)], { policy, until: asked + 1 }),
        "contact_support",
        asked,
      );
      expect(s.reasons).toContain("TOO_MANY_APPLICATIONS");
      const step = s.remedies.find((r) => r.kind === "applications_allow");
      expect(step).toMatchObject({ line, product });
      if (step?.kind !== "applications_allow") return;
      expect(step.day).toBeGreaterThan(asked);
      const on_ = (day: number) =>
        stepOn(run([...before, on.support(asked), ask(day)], { policy, until: day + 1 }), "apply", day);
      expect(on_(step.day).reasons).not.toContain("TOO_MANY_APPLICATIONS");
      expect(on_(step.day - 1).reasons).toContain("TOO_MANY_APPLICATIONS");
    });
});
