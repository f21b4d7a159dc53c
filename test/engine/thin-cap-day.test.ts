import { describe, expect, it } from "vitest";
import { REASONS } from "../../src/engine/reasons.js";
import { simulate } from "../../src/engine/simulate.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { ROOT } from "../helpers/cli.js";
import { stepOn } from "./builders.js";

// The thin-file cap's advice said "the decline names the day, as customer service does" (and the cap on an
// application "customer service names the day"), but a line left unused adds no record: an application
// capped at the thin file, asked after the next day, named no day — neither did customer service. The
// advice now says when a day is named, true in every case.
describe("the thin-file cap's advice on the day it lifts", () => {
  const text = `name: thin cap on an application
start: 2024-01-01
until: 2
profile: { age: 25, monthlyIncome: 20000, verified: true, creditHistoryMonths: 0 }
events:
  - { day: 0, type: apply, product: open, amount: 20000 }
  - { day: 1, type: contact_support }
`;

  it("an application capped at the thin file, its line unused: customer service names no day, and the advice does not promise one", () => {
    const t = simulate(loadScenarioText(text, `${ROOT}thin-cap.yaml`).scenario);
    expect(stepOn(t, "apply", 0).reasons).toContain("LIMIT_CAPPED_THIN_FILE");
    const asked = stepOn(t, "contact_support", 1);
    const increase = asked.remedies.find((r) => r.kind === "increase_from");
    // the cap is said as what declines the increase then, with no day it lifts
    expect(increase).toMatchObject({ blocked: { code: "LIMIT_AT_THIN_FILE_CAP" } });
    expect(increase?.kind === "increase_from" && increase.waits).not.toContain("LIMIT_AT_THIN_FILE_CAP");
    expect(increase?.kind === "increase_from" && increase.blocked?.liftsOn).toBeUndefined();
    for (const code of ["LIMIT_AT_THIN_FILE_CAP", "LIMIT_CAPPED_THIN_FILE"] as const) {
      expect(REASONS[code].advice).not.toMatch(/names the day(,|$)/);
      expect(REASONS[code].advice).toContain("a line left unused adds none, and then no day is named");
    }
  });
});
