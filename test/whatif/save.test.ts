// A variant saved as a scenario file: the loader reads it back; policy paths follow the new file.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/index.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { runVariant } from "../../src/whatif/run.js";
import { reanchor, suggestName, variantYaml } from "../../src/whatif/save.js";
import { apply, base, LATE } from "./helpers.js";

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

  it("writes added events in day order, same-day events in the order they run: the file runs as the variant did", () => {
    let v = apply(base(LATE), "add", "{day: 24, type: external_inquiry}");
    v = apply(v, "add", "{day: 10, type: purchase, amount: 100, merchant: Tmall}");
    v = apply(v, "set", "maxApplications30d=2");
    const text = variantYaml(v, "test/fixtures/whatif/out.yaml");
    const events = text.split("\n").filter((l) => l.startsWith("  - {"));
    // they were written last, after day 300
    expect(events.slice(0, 6)).toEqual([
      "  - { day: 0, type: policy, set: { maxApplications30d: 2 } }",
      "  - { day: 0, type: apply, product: open, amount: 5000 }",
      "  - { day: 5, type: purchase, amount: 3000, merchant: JD }",
      "  - { day: 10, type: purchase, amount: 100, merchant: Tmall }",
      "  - { day: 20, type: apply, product: increase, amount: 2000 }",
      "  - { day: 22, type: apply, product: increase, amount: 2000 }",
    ]);
    // on day 24 the file's application runs first, then the inquiry added after it
    expect(events.slice(6, 8)).toEqual([
      "  - { day: 24, type: apply, product: increase, amount: 2000 }",
      "  - { day: 24, type: external_inquiry }",
    ]);
    const days = events.map((l) => Number(/day: (\d+)/.exec(l)![1]));
    expect(days).toEqual([...days].sort((a, b) => a - b));
    const saved = simulate(loadScenarioText(text, "test/fixtures/whatif/out.yaml").scenario);
    const run = runVariant(v).trace;
    const steps = (t: typeof run) =>
      t.steps.map(({ day, event, decision, reasons, score }) => ({
        day,
        type: event.type,
        decision,
        reasons,
        score,
      }));
    expect(steps(saved)).toEqual(steps(run));
  });

  it("joins the file's description and the edits with one full stop, whether or not it ended with one", () => {
    for (const description of ["Ends with one.", "Ends without one"]) {
      const v = apply(base(LATE), "remove", "5");
      v.original = { ...v.original, description };
      const text = variantYaml(v, "test/fixtures/whatif/out.yaml");
      const saved = loadScenarioText(text, "test/fixtures/whatif/out.yaml").scenario.description;
      expect(saved).toMatch(/^Ends with(out)? one\. What-if of Late payer: /);
      expect(saved).not.toContain("..");
    }
  });

  it("fits the name and description it adds to what a scenario file may hold: a file at its limits saves", () => {
    const v = apply(base(LATE), "remove", "2-6");
    v.original = { ...v.original, name: "n".repeat(200), description: "d".repeat(5000) };
    const saved = loadScenarioText(
      variantYaml(v, "test/fixtures/whatif/out.yaml"),
      "test/fixtures/whatif/out.yaml",
    );
    expect(saved.scenario.name).toMatch(/^n+…n+ \(what-if\)$/);
    expect(saved.scenario.name).toHaveLength(200);
    expect(saved.scenario.description).toMatch(/^d+…d+\. What-if of n+: removed #2 .*#6 \([^)]*\)$/s);
    expect(saved.scenario.description).toHaveLength(5000);
  });

  it("never cuts a character in two where it fits a name", () => {
    const v = apply(base(LATE), "remove", "2");
    v.original = { ...v.original, name: "😀".repeat(100) };
    const name = loadScenarioText(
      variantYaml(v, "test/fixtures/whatif/out.yaml"),
      "test/fixtures/whatif/out.yaml",
    ).scenario.name;
    expect(name).toMatch(/^(😀)+…(😀)+ \(what-if\)$/u);
    expect(name.length).toBeLessThanOrEqual(200);
  });

  it("writes no raw control or bidirectional character, from the scenario or its file's name: read back, the text is the same", () => {
    // the YAML library escapes C0 controls only, and wrote the file's name into the header comment raw:
    // `whatif --save -` sent U+009B (a CSI to many terminals), U+202E and ESC to the terminal
    const hostile = "x\u009b2J\u202eevil\u2028\u007f";
    const v = apply(base(LATE), "remove", "5");
    v.original = { ...v.original, name: hostile, description: `about ${hostile}` };
    v.file = "dir/\u001b[2J\u202e\nname: forged.yaml";
    const text = variantYaml(v, "test/fixtures/whatif/out.yaml");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the controls are what is looked for
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2028\u2029]/);
    expect(text).toContain("# what-if variant of dir/\\x1b[2J\\u202e\\nname: forged.yaml, written by");
    const saved = loadScenarioText(text, "test/fixtures/whatif/out.yaml").scenario;
    expect(saved.name).toBe(`${hostile} (what-if)`);
    expect(saved.description).toMatch(new RegExp(`^about ${hostile}\\. What-if of ${hostile}: removed #5`));
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

  it("suggests a save name that does not exist yet", () => {
    const taken = new Set(["whatif/b-whatif.yaml", "whatif/b-whatif-2.yaml"]);
    // outside scenarios/, which `credit-sim test` scans
    expect(suggestName("scenarios/b.yaml", (f) => taken.has(f))).toBe("whatif/b-whatif-3.yaml");
    expect(suggestName("scenarios/b.yaml", () => false, "elsewhere")).toBe("elsewhere/b-whatif.yaml");
  });
});
