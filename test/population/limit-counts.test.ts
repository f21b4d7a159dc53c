// The population counted accounts whose limit was cut, but not the cuts, the increases granted or the
// restorations, nor whether a cut came before the suspension it might have warned of. Each arm now counts
// them, as replaying its accounts one by one finds them.

import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/index.js";
import { accountScenario } from "../../src/population/export-account.js";
import { fromRange } from "../../src/population/result.js";
import { runRange } from "../../src/population/runner.js";
import { summarise } from "../../src/population/stats.js";
import { meta, population, settings, shipped } from "./helpers.js";

describe("limit cuts, increases and restorations in the population's counts", () => {
  it("count each decision once per arm, and the credit suspensions a cut came before", () => {
    const s = settings({ days: 730 });
    // stretched accounts 15–54: account 22's limit is cut before it is first suspended for credit, and
    // account 54's cut for a constraint is given back
    const personas = shipped.filter((p) => p.name === "stretched");
    const [from, to] = [15, 55];
    const r = runRange(s, personas, from, to);
    const arm = summarise(fromRange(meta(s, personas, to, [from, to]), r)).groups.at(-1)!.champion;
    const want = {
      limitCuts: 0,
      limitIncreases: 0,
      restorations: 0,
      givenBack: 0,
      limitReduced: 0,
      cutBefore: 0,
    };
    const pop = population(s, personas);
    for (let i = from; i < to; i++) {
      const steps = simulate(accountScenario(pop, i, 0).scenario).steps;
      const cuts = steps.filter((x) => x.decision === "limit_reduced");
      want.limitCuts += cuts.length;
      if (cuts.length > 0) want.limitReduced++;
      want.limitIncreases += steps.filter(
        (x) =>
          x.event.type === "apply" &&
          x.event.product === "increase" &&
          (x.decision === "approved" || x.decision === "approved_lower"),
      ).length;
      want.restorations += steps.filter((x) => x.decision === "restored").length;
      want.givenBack += steps.filter((x) => x.decision === "limit_restored").length;
      const firstCredit = steps.findIndex(
        (x) => x.decision === "suspended" && (x.beneath ?? x.cause) === "credit",
      );
      const firstCut = steps.findIndex((x) => x.decision === "limit_reduced");
      if (firstCredit >= 0 && firstCut >= 0 && firstCut < firstCredit) want.cutBefore++;
    }
    expect(want.limitCuts).toBeGreaterThan(0);
    expect(want.restorations).toBeGreaterThan(0);
    expect(want.limitIncreases).toBeGreaterThan(0);
    expect(want.cutBefore).toBeGreaterThan(0);
    expect(want.givenBack).toBeGreaterThan(0);
    expect(arm.counts).toMatchObject({
      limitCuts: want.limitCuts,
      limitIncreases: want.limitIncreases,
      restorations: want.restorations,
      limitsGivenBack: want.givenBack,
      limitReduced: want.limitReduced,
      cutBeforeCreditSuspension: want.cutBefore,
    });
  });
});
