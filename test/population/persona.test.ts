// Persona files: the shipped ones, the committed JSON Schema, and bad files failing with a clear message.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  builtinPersonaNames,
  loadPersonaFile,
  loadPersonas,
  loadPersonaText,
} from "../../src/population/persona.js";
import { PersonaSchema, personaJsonSchema } from "../../src/population/persona-schema.js";
import { PERSONA_KEYS } from "../../src/scenario/kinds.js";
import { InputError } from "../../src/shared/errors.js";
import { ROOT } from "../helpers/cli.js";
import { FIXTURES, shipped } from "./helpers.js";

describe("shipped personas", () => {
  it("ship at least five, with the kinds the issue names", () => {
    const names = shipped.map((p) => p.name);
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const n of ["steady-payer", "revolver", "over-applier", "stretched", "profile-changer"]) {
      expect(names).toContain(n);
    }
  });

  it("the committed JSON Schema is generated from the validator (regenerate: credit-sim personas --schema)", () => {
    const committed = JSON.parse(readFileSync(join(ROOT, "schema/persona.schema.json"), "utf8"));
    expect(committed).toEqual(personaJsonSchema());
  });
});

describe("bad persona files", () => {
  const fail = (file: string): InputError => {
    try {
      loadPersonaFile(join(FIXTURES, file));
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error(`${file} loaded`);
  };

  it("a misspelt field: line, column and did-you-mean", () => {
    const e = fail("bad-typo.yaml");
    expect(e.format()).toMatch(/bad-typo\.yaml:3:1: spendng: unknown field "spendng"/);
    expect(e.format()).toContain('did you mean "spending"?');
  });

  it("repayment probabilities that do not add up to 1", () => {
    expect(fail("bad-sum.yaml").format()).toMatch(
      /bad-sum\.yaml:5:\d+: repayment: repayment probabilities must add up to 1[\s\S]*found: +0\.9/,
    );
  });

  it("instalment terms that do not add up to 1", () => {
    const revolver = readFileSync(join(ROOT, "personas/revolver.yaml"), "utf8");
    const bad = revolver.replace('terms: { "3": 0.5, "6": 0.3, "12": 0.2 }', 'terms: { "3": 0.5, "6": 0.3 }');
    expect(bad).not.toBe(revolver);
    expect(() => loadPersonaText(bad, "r.yaml")).toThrow(/instalment term probabilities must add up to 1/);
  });

  // "expected: 3 + 6 + 9 + 12 = 1, found: 0" read as arithmetic, and was no news beside the unknown "0"
  it("terms' shares are said as the terms', and a sum over an unknown field waits for that field", () => {
    const persona = (terms: string, late = "") =>
      [
        "name: p",
        "share: 1",
        "spending:",
        "  perMonth: 2",
        "  amount: 300",
        `  instalments: { share: 0.5, terms: ${terms} }`,
        `repayment: { full: 1${late} }`,
        "",
      ].join("\n");
    const problems = (text: string) => {
      try {
        loadPersonaText(text, "p.yaml");
      } catch (e) {
        if (e instanceof InputError) return e.problems.map((p) => p.format());
        throw e;
      }
      throw new Error("loaded");
    };
    expect(problems(persona('{ "0": 1 }'))).toEqual([
      'p.yaml:6:39: spending.instalments.terms.0: unknown field "0"\n  expected: one of 3, 6, 9, 12\n  hint:     did you mean "3"?',
    ]);
    expect(problems(persona("{ 3: 0.5, 6: 0.3 }"))).toEqual([
      "p.yaml:6:37: spending.instalments.terms: instalment term probabilities must add up to 1\n  expected: the shares of the 3-, 6-, 9- and 12-month terms, adding up to 1\n  found:    0.8 in all",
    ]);
    // a field inside a term's mapping (late.P for late.p) is waited for as well
    expect(problems(persona("{ 3: 1 }", ", late: { P: 0.2, days: 3 }"))).toEqual([
      expect.stringMatching(/^p\.yaml:7:\d+: repayment\.late\.P: unknown field "P"/),
    ]);
  });

  it("every cross-field problem at once, with the fields' own problems", () => {
    const bad = [
      "name: bad",
      "share: 2",
      "spending:",
      "  perMonth: 2",
      "  amount: { min: 500, max: 100 }",
      "repayment:",
      "  full: 0.8",
      "  statement: 0.5",
      "jiebei:",
      "  open: { p: 0.5 }",
      "  borrow: { perYear: 1, amount: 500, terms: { 3: 0.5 } }",
      "  repayment: { onTime: 0.9, none: 0.5 }",
      "",
    ].join("\n");
    let error: unknown;
    try {
      loadPersonaText(bad, "b.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const lines = (error as InputError).problems.map(
      (p) => `${p.details.line} ${p.details.field}: ${p.message}`,
    );
    expect(lines).toEqual([
      "2 share: value out of range",
      "5 spending.amount: min is greater than max",
      "7 repayment: repayment probabilities must add up to 1",
      "11 jiebei.borrow.terms: loan term probabilities must add up to 1",
      "12 jiebei.repayment: Jiebei repayment probabilities must add up to 1",
    ]);
  });

  // clipped to [min, max], a median outside it made every account the bound (a median of ¥900,000 with
  // max 60,000: everyone earned ¥60,000), run without a word — a slip like min above max
  it("a log-normal whose median is outside its [min, max] is refused with its bound and the fix", () => {
    const text = [
      "name: p",
      "share: 1",
      "repayment: { full: 1 }",
      "profile:",
      "  monthlyIncome: { median: 900000, sigma: 0.4, min: 3000, max: 60000 }",
      "  externalDebt: { median: 50, sigma: 1, min: 100 }",
      "spending: { perMonth: 2, amount: { median: 180, sigma: 0.8, max: 4000 } }",
      "",
    ].join("\n");
    let error: unknown;
    try {
      loadPersonaText(text, "m.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const told = (error as InputError).problems.map((p) => [
      `${p.details.line} ${p.details.field}: ${p.message}`,
      p.details.expected,
      p.details.found,
      p.details.hint,
    ]);
    expect(told).toEqual([
      [
        "5 profile.monthlyIncome: the median is outside [min, max]",
        "a median from min to max: every value drawn is clipped to them",
        "median 900000, max 60000",
        "write the median between min and max, or widen them",
      ],
      [
        "6 profile.externalDebt: the median is outside [min, max]",
        "a median from min to max: every value drawn is clipped to them",
        "median 50, min 100",
        "write the median between min and max, or widen them",
      ],
    ]);
  });

  it("min above max, wrong types, unknown distributions, __proto__", () => {
    expect(fail("bad-range.yaml").format()).toMatch(
      /bad-range\.yaml:5:\d+: spending\.amount: min is greater than max/,
    );
    // a scenario's {min, max} says how to mend it; a persona's said nothing
    expect(fail("bad-range.yaml").details.hint).toBe("swap min and max");
    expect(fail("bad-type.yaml").format()).toMatch(
      /bad-type\.yaml:2:8: share: wrong type[\s\S]*found: +"lots"/,
    );
    expect(fail("bad-dist.yaml").format()).toMatch(/spending\.amount\.mean: unknown field "mean"/);
    expect(fail("bad-proto.yaml").format()).toMatch(/forbidden key "__proto__"/);
  });

  it("a distribution of the right shape with a wrong value names that value, not an unknown field", () => {
    const text = (dist: string) =>
      `name: x\nshare: 1\nprofile: { monthlyIncome: ${dist} }\nspending: { perMonth: 4, amount: 100 }\nrepayment: { full: 1 }\n`;
    const failed = (dist: string) => {
      try {
        loadPersonaText(text(dist), "d.yaml");
      } catch (e) {
        return (e as InputError).format();
      }
      throw new Error("accepted");
    };
    const median = failed('{ median: "7000", sigma: 0.35, min: 2000, max: 40000 }');
    expect(median).toMatch(
      /d\.yaml:3:37: profile\.monthlyIncome\.median: wrong type\n\s+expected: a number\n\s+found: +"7000"/,
    );
    expect(median).not.toMatch(/unknown field "median"/);
    expect(failed("{ min: 0x16, max: 50 }")).toMatch(
      /profile\.monthlyIncome\.min: wrong type[\s\S]*found: +"0x16"\n\s+hint: +write the number in decimal \(0x16 is 22\)/,
    );
  });

  it("every problem of a distribution at once, each at its own field and line, in the words any field's has", () => {
    const text = [
      "name: x",
      "share: 1",
      "profile:",
      "  monthlyIncome: { median: -5, sigma: 9, min: x, max: .inf }",
      "  age: { mdian: 30, sigma: 0.2 }",
      "spending: { perMonth: 4, amount: 100 }",
      "repayment: { full: 1 }",
      "reactions: { declined: { elsewhere: [1] } }",
      "",
    ].join("\n");
    let told = "";
    try {
      loadPersonaText(text, "d.yaml");
    } catch (e) {
      told = (e as InputError).format();
    }
    expect(told.split("\n").filter((l) => l.startsWith("d.yaml"))).toEqual([
      "d.yaml:4:28: profile.monthlyIncome.median: value out of range",
      "d.yaml:4:39: profile.monthlyIncome.sigma: value out of range",
      "d.yaml:4:47: profile.monthlyIncome.min: wrong type",
      "d.yaml:4:55: profile.monthlyIncome.max: wrong type",
      'd.yaml:5:10: profile.age.mdian: unknown field "mdian"',
      "d.yaml:8:37: reactions.declined.elsewhere: wrong type",
      "d.yaml: 6 problems",
    ]);
    // not the validator's own words, nor a distribution's shapes for a reaction
    expect(told).not.toMatch(/too small|invalid distribution|expected number/);
    expect(told).toMatch(
      /elsewhere: wrong type\n\s+expected: a probability from 0 to 1, or \{p, after\}\n\s+found: +\[1\]/,
    );
  });

  it("empty and non-mapping files, unknown persona names", () => {
    expect(() => loadPersonaText("- a\n- b\n", "list.yaml")).toThrow(/mapping/);
    try {
      loadPersonaText("name: x\nshare: 1\nspending: { amount: 1e12 }\n", "big.yaml");
      expect.unreachable("an amount beyond a scenario's range loaded");
    } catch (e) {
      expect((e as InputError).format()).toMatch(/big\.yaml:3:\d+: spending\.amount: value out of range/);
    }
    expect(() => loadPersonas(["stretchd"])).toThrow(/unknown persona "stretchd"/);
    try {
      loadPersonas(["stretchd"]);
    } catch (e) {
      expect((e as InputError).format()).toContain('did you mean "stretched"?');
    }
    expect(() => loadPersonas(["stretched", "stretched"])).toThrow(/duplicate persona name/);
  });

  it("every duplicate name at once, each at its name's line: fixing one does not lead to the next", () => {
    const dir = mkdtempSync(join(tmpdir(), "personas-"));
    const copy = join(dir, "revolver-copy.yaml");
    writeFileSync(copy, readFileSync(join(ROOT, "personas/revolver.yaml")));
    try {
      loadPersonas(["stretched", "revolver", "stretched", copy], ROOT);
      expect.unreachable("duplicate names loaded");
    } catch (e) {
      const text = (e as InputError).relativeTo(ROOT).format();
      expect(text).toMatch(/^personas\/stretched\.yaml:\d+:\d+: name: duplicate persona name "stretched"$/m);
      expect(text).toContain("found:    the same persona named twice");
      expect(text).toMatch(/revolver-copy\.yaml:\d+:\d+: name: duplicate persona name "revolver"/);
      expect(text).toContain("found:    also the name of personas/revolver.yaml");
      expect(text).toMatch(/2 problems$/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe("a persona's keys, as the scenario layer knows them", () => {
  it("are the schema's: a persona given as a scenario or a policy is named a persona by them", () => {
    expect([...PERSONA_KEYS].sort()).toEqual(Object.keys(PersonaSchema.shape).sort());
  });
});

describe("the shipped personas after a security hold", () => {
  // a hold laid on the real owner (a burst, a large transaction the day the bound phone or bank card
  // changed) is lifted by verifying: a persona with no `suspended.verify` never verified, and its held
  // lines were closed 180 days on — every persona's customers can now be held, not the profile-changer's alone
  it("verify, each persona about as often as when asked for a verified identity", () => {
    for (const p of loadPersonas(builtinPersonaNames(), ROOT)) {
      const verify = p.reactions?.suspended?.verify;
      const chance = typeof verify === "number" ? verify : (verify?.p ?? 0);
      expect(chance, p.name).toBeGreaterThanOrEqual(0.6);
    }
  });
});
