// What-if edits, comparison, counterfactual search and saving, on the fixtures in test/fixtures/whatif/
// (behaviours, not exact scores: the scorecard is being recalibrated).

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, loadScenarioText } from "../src/scenario/load.js";
import { InputError } from "../src/shared/errors.js";
import { adviceText } from "../src/whatif/advice.js";
import { editOf } from "../src/whatif/candidates.js";
import { keyText } from "../src/whatif/compare.js";
import { flagToEdit, selectEvents } from "../src/whatif/flags.js";
import { compareRuns, runVariant } from "../src/whatif/run.js";
import { reanchor, variantYaml } from "../src/whatif/save.js";
import { searchCounterfactual } from "../src/whatif/search.js";
import { applyEdit, baseVariant, type Variant } from "../src/whatif/variant.js";

const LATE = "test/fixtures/whatif/late-payer.yaml";
const PHONE = "test/fixtures/whatif/phone-changes.yaml";

const base = (file: string) => baseVariant(loadScenario(file));
const apply = (v: Variant, flag: Parameters<typeof flagToEdit>[1]["flag"], value: string) =>
  applyEdit(v, flagToEdit(v, { flag, value }), `--${flag}`);
const inputError = (f: () => unknown): InputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
};

describe("edits", () => {
  it("numbers events 1-based in file order, stable across removals", () => {
    const v = base(LATE);
    expect(selectEvents(v, "3-6")).toEqual([3, 4, 5, 6]);
    expect(selectEvents(v, "type=apply,product=increase,day>=24")).toEqual([5, 6]);
    const after = apply(apply(v, "remove", "5"), "remove", "6");
    expect(after.events.map((e) => e.id)).not.toContain(5);
    expect(after.events.map((e) => e.id)).not.toContain(6);
    expect(after.events.find((e) => e.id === 7)?.event.type).toBe("repay");
    expect(inputError(() => apply(after, "remove", "5")).message).toContain("already removed");
  });

  it("a selector that matches nothing is an input error", () => {
    expect(inputError(() => apply(base(LATE), "remove", "type=change_profile")).message).toContain(
      "no event matches",
    );
  });

  it("edits a field, dropping date when day is set, and validates like the loader", () => {
    const v = apply(base(LATE), "edit", "7:day=60");
    expect(v.events.find((e) => e.id === 7)?.event).toMatchObject({ day: 60, type: "repay", amount: "full" });
    const bad = inputError(() => apply(base(LATE), "edit", "7:amount=fulll"));
    expect(bad.format()).toMatch(/did you mean "full"/);
    const negative = inputError(() => apply(base(LATE), "edit", "2:amount=-5"));
    expect(negative.details.field).toBe("amount");
  });

  it("adds an event given as a flow mapping; unknown types and fields get a did-you-mean", () => {
    const v = apply(base(LATE), "add", "{day: 60, type: repay, amount: full}");
    expect(v.events.at(-1)).toMatchObject({ id: 16, origin: "added", event: { day: 60, type: "repay" } });
    expect(
      inputError(() => apply(base(LATE), "add", "{day: 60, type: repai, amount: full}")).format(),
    ).toMatch(/did you mean "repay"/);
    expect(
      inputError(() => apply(base(LATE), "add", "{day: 60, type: repay, amout: full}")).format(),
    ).toMatch(/did you mean "amount"/);
    expect(inputError(() => apply(base(LATE), "add", "{day: 999, type: note, text: x}")).message).toContain(
      "after the last simulated day",
    );
  });

  it("sets policy parameters, validated by the policy schema", () => {
    const v = apply(base(LATE), "set", "minScore=620,restoreScore=700");
    expect(v.set).toEqual({ minScore: 620, restoreScore: 700 });
    expect(runVariant(v).trace.steps[0]?.event.type).toBe("policy");
    expect(inputError(() => apply(base(LATE), "set", "minScor=620")).format()).toMatch(
      /did you mean "minScore"/,
    );
    expect(inputError(() => apply(base(LATE), "set", "minScore=2000")).message).toContain("out of range");
  });

  it("rejects hostile flag values the way the loader rejects hostile files", () => {
    expect(
      inputError(() => apply(base(LATE), "add", "{__proto__: {}, day: 1, type: note, text: x}")).message,
    ).toContain("forbidden key");
    expect(() => apply(base(LATE), "seed", "1.5")).toThrow(InputError);
  });
});

describe("comparison", () => {
  it("lists the removed applications and the decisions that change downstream", () => {
    const b = base(LATE);
    const v = apply(apply(b, "remove", "3-6"), "edit", "7:day=60");
    const cmp = compareRuns(runVariant(b), runVariant(v));
    const keys = cmp.differences.filter((d) => d.kind === "decision").map((d) => keyText(d.key));
    expect(keys).toEqual(expect.arrayContaining(["#3", "#4", "#5", "#6"]));
    const removed = cmp.differences.find((d) => keyText(d.key) === "#5")!;
    expect(removed).toMatchObject({
      key: { kind: "event", id: 5 },
      variant: { decision: "absent", why: "removed" },
      base: { decision: "declined" },
    });
    // the repayment moved before the suspension trigger: the suspension disappears
    expect(cmp.base.suspensions).toBeGreaterThan(0);
    expect(cmp.variant.suspensions).toBe(0);
    const suspension = cmp.differences.find((d) => d.base.decision === "suspended");
    expect(suspension?.variant.decision).not.toBe("suspended");
  });

  it("an unedited variant differs in nothing", () => {
    const b = runVariant(base(PHONE));
    const cmp = compareRuns(b, runVariant(base(PHONE)));
    expect(cmp.differences).toEqual([]);
  });
});

describe("counterfactuals", () => {
  const search = (file: string, goal: Parameters<typeof searchCounterfactual>[0], options = {}) => {
    const run = runVariant(base(file));
    return searchCounterfactual(
      goal,
      { variant: run.variant, trace: run.trace, policy: run.loaded.scenario.policy },
      (v) => runVariant(v).trace,
      options,
    );
  };

  it("finds that repaying earlier avoids the late payer's suspension, in plain words", () => {
    const r = search(LATE, "avoid-suspended");
    expect(r.status).toBe("solved");
    const best = r.solutions[0]!;
    expect(best.candidates).toHaveLength(1);
    expect(best.trace.steps.some((s) => s.decision === "suspended")).toBe(false);
    expect(adviceText(r, best)).toMatch(
      /^Had the repayment of day 85 been made by day \d+, the account would not have been suspended/,
    );
    expect(r.tried).toBeGreaterThan(0);
  });

  it("is deterministic", () => {
    const a = search(LATE, "avoid-declined");
    const b = search(LATE, "avoid-declined");
    expect(a.solutions.map((s) => adviceText(a, s))).toEqual(b.solutions.map((s) => adviceText(b, s)));
    expect(a.tried).toBe(b.tried);
  });

  it("never avoids a decline by leaving the declined application out", () => {
    const r = search(LATE, "avoid-declined");
    for (const s of r.solutions) {
      const removed = s.candidates.map(editOf).flatMap((e) => (e.kind === "remove" ? e.ids : []));
      expect(removed).not.toContain(5);
      expect(removed).not.toContain(6);
    }
  });

  it("restores sooner means the same suspension, lifted earlier", () => {
    const r = search(LATE, "reach-restored");
    expect(r.status).toBe("solved");
    for (const sol of r.solutions) {
      expect(sol.trace.steps.find((s) => s.decision === "suspended")?.day).toBe(70);
      expect(sol.restoredDay).toBeLessThan(196);
      expect(adviceText(r, sol)).toMatch(/restored on day \d+ instead of day 196/);
    }
  });

  it("restores a security suspension sooner by verifying identity", () => {
    const r = search(PHONE, "reach-restored");
    expect(r.status).toBe("solved");
    expect(adviceText(r, r.solutions[0]!)).toMatch(/verified your identity on day 54/);
    expect(r.solutions[0]!.restoredDay).toBeLessThan(85);
  });

  it("says so when nothing within the bound works", () => {
    const r = search(PHONE, "avoid-suspended", { maxEdits: 1 });
    expect(r.status).toBe("none");
    expect(r.solutions).toEqual([]);
    expect(r.bySize).toEqual([{ size: 1, tried: r.candidates, complete: true }]);
    const tight = search(LATE, "avoid-declined", { budget: 5 });
    expect(tight.budgetExhausted).toBe(true);
    expect(tight.tried).toBeLessThanOrEqual(5);
  });

  it("has nothing to do when the outcome never happened", () => {
    const v = apply(base(LATE), "edit", "7:day=60");
    const run = runVariant(v);
    const r = searchCounterfactual(
      "avoid-suspended",
      { variant: v, trace: run.trace, policy: run.loaded.scenario.policy },
      (x) => runVariant(x).trace,
    );
    expect(r.status).toBe("nothing-to-do");
  });
});

describe("saving", () => {
  it("writes a scenario the loader accepts, with the edits in its description", () => {
    const v = apply(apply(base(LATE), "remove", "5,6"), "set", "minScore=610");
    const text = variantYaml(v, "test/fixtures/whatif/out.yaml");
    const loaded = loadScenarioText(text, "test/fixtures/whatif/out.yaml");
    expect(loaded.scenario.name).toBe("Late payer (what-if)");
    expect(loaded.scenario.description).toContain("removed #5");
    expect(loaded.expectations).toEqual([]);
    expect(loaded.written.events[0]).toMatchObject({ day: 0, type: "policy", set: { minScore: 610 } });
    expect(loaded.written.events).toHaveLength(v.events.length + 1);
    expect(text).toMatch(/- \{ day: 0, type: apply, product: open, amount: 5000 \}/);
  });

  it("re-anchors relative policy paths to the new file's folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "whatif-"));
    writeFileSync(join(dir, "p.yaml"), "name: mine\nextends: default\nminScore: 610\n");
    const file = join(dir, "s.yaml");
    writeFileSync(
      file,
      "name: S\npolicy: ./p.yaml\nevents:\n  - { day: 0, type: apply, product: open, amount: 3000 }\n",
    );
    expect(reanchor("./p.yaml", file, join(dir, "sub", "v.yaml"))).toBe("../p.yaml");
    expect(reanchor("tightened", file, join(dir, "sub", "v.yaml"))).toBe("tightened");
    const text = variantYaml(base(file), join(dir, "v.yaml"));
    expect(loadScenarioText(text, join(dir, "v.yaml")).scenario.policy.name).toBe("mine");
  });
});
