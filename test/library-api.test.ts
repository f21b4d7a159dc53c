// The library API as a team's own vitest suite uses it: `import { … } from "credit-sim"` (the package's
// own name, resolved through package.json `exports` to the built dist/, with its .d.ts types).

import { join } from "node:path";
import {
  type Decision,
  type ExpectationResult,
  goldenTrace,
  InputError,
  loadScenario,
  loadScenarioText,
  runScenario,
  type ScenarioRun,
  type Step,
  simulate,
} from "credit-sim";
import { describe, expect, expectTypeOf, it } from "vitest";
import { ROOT } from "./helpers/cli.js";

const FIX = join(ROOT, "test/fixtures/test-command");

describe('import { runScenario, loadScenario, simulate } from "credit-sim"', () => {
  it("runScenario: load, simulate and check the file's expectations in one call", () => {
    const run = runScenario(join(FIX, "pass/security.yaml"));
    expectTypeOf(run).toEqualTypeOf<ScenarioRun>();
    expectTypeOf(run.results).toEqualTypeOf<ExpectationResult[]>();
    expect(run.passed).toBe(true);
    expect(run.results).toHaveLength(4);
    expect(run.loaded.scenario.name).toBe("Fixture security suspension");
  });

  it("reports failed expectations as data: which check, expected and actual, the steps of that day", () => {
    const run = runScenario(join(FIX, "fail/mixed.yaml"));
    expect(run.passed).toBe(false);
    const failed = run.results.filter((r) => !r.ok);
    expect(failed.map((r) => r.expectation.index)).toEqual([1, 2, 4]);
    expect(failed[0]!.checks.find((c) => c.field === "status")).toEqual({
      field: "status",
      expected: "active",
      actual: "suspended",
      ok: false,
    });
    expect(failed[0]!.steps.map((s) => s.decision)).toEqual(["suspended"]);
    expect(failed[1]!.nearest?.day).toBe(25);
  });

  it("loadScenario + simulate: the typed trace, to assert on directly", () => {
    const { scenario } = loadScenario(join(FIX, "pass/security.yaml"));
    const trace = simulate(scenario);
    const suspension = trace.steps.find((s: Step) => s.decision === "suspended");
    expectTypeOf(suspension?.decision).toEqualTypeOf<Decision | null | undefined>();
    expect(suspension).toMatchObject({ day: 30, status: "suspended", cause: "security" });
    expect(suspension?.reasons).toContain("SECURITY_PROFILE_CHANGES");
    expect(trace.final.status).toBe("active");
  });

  it("variants from text, and bad input as an InputError with a one-message format()", () => {
    const { scenario } = loadScenarioText(
      "name: T\npolicy: default\nprofile: { age: 30, monthlyIncome: 9000, verified: true, creditHistoryMonths: 24 }\nevents:\n  - { day: 0, type: apply, product: open, amount: 3000 }\n",
      join(FIX, "inline.yaml"),
    );
    expect(simulate(scenario).steps[0]?.decision).toBe("approved");
    expect(() => loadScenarioText("name: T\nevents: []\nbogus: 1\n", "t.yaml")).toThrow(InputError);
  });

  it("goldenTrace: the same text `credit-sim test` keeps in __snapshots__, for toMatchFileSnapshot", () => {
    const { scenario } = loadScenario(join(FIX, "pass/good-customer.yaml"));
    const text = goldenTrace(scenario, simulate(scenario).steps);
    expect(text.split("\n")[1]).toBe("# scenario: Fixture good customer");
    expect(text).toBe(goldenTrace(scenario, simulate(scenario).steps));
  });
});
