// `merge` input is untrusted: every aggregate is checked (non-negative whole numbers, histograms of
// exactly the bins the horizon gives, arms and pairs agreeing with the personas and the range), and a
// file's size is checked against what its meta allows before the rest of it is read.

import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { PolicyParamName } from "../../src/engine/index.js";
import { loadPersonas } from "../../src/population/persona.js";
import {
  readResultFile as loadResultFile,
  MAX_RESULT_BYTES,
  readResultHead,
  unmergeableDocument,
} from "../../src/population/read-result.js";
import {
  documentText,
  fromDocument,
  fromRange,
  mergeResults,
  type PopulationMeta,
} from "../../src/population/result.js";
import { runRange } from "../../src/population/runner.js";
import type { PopulationSettings } from "../../src/population/settings.js";
import { loadPolicy } from "../../src/scenario/load-policy.js";
import { InputError } from "../../src/shared/errors.js";
import { cli, ROOT, spawnCli } from "../helpers/cli.js";
import { sweepResult } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "credit-sim-merge-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const personas = loadPersonas([]);
const policy = loadPolicy("default", ROOT);
const tightened = loadPolicy("tightened", ROOT);

/** The texts `document` parsed, by its arguments: each test edits a parse of its own, of a run made once. */
const documents = new Map<string, string>();

function document(
  challenger = false,
  range: [number, number] = [0, 30],
  size: { accounts?: number; days?: number } = {},
): Record<string, unknown> {
  const key = JSON.stringify([challenger, range, size]);
  if (!documents.has(key)) documents.set(key, resultText(challenger, range, size));
  return JSON.parse(documents.get(key)!);
}

/** simulate's --json document of the range of a population (seed 7, every persona, default policy). */
function resultText(
  challenger: boolean,
  range: [number, number],
  { accounts = 30, days = 90 }: { accounts?: number; days?: number },
): string {
  const settings: PopulationSettings = {
    seed: 7,
    days,
    start: "2024-01-01",
    policy,
    arms: challenger ? [{ policy: tightened, use: tightened, set: {} }] : [],
    from: 0,
    compare: challenger ? [[0, 1]] : [],
    bad: "ever90",
    scoreDay: 0,
  };
  const meta: PopulationMeta = {
    seed: 7,
    days,
    start: "2024-01-01",
    accounts,
    range,
    personas: personas.map((p) => ({ name: p.name, share: p.share, fingerprint: "0123abcd" })),
    policy: { name: "default", ref: "default", fingerprint: "0123abcd" },
    challenger: challenger ? { name: "tightened", ref: "tightened", fingerprint: "0123abcd", set: {} } : null,
    challengerFrom: 0,
    sweep: null,
    bad: "ever90",
    scoreDay: 0,
    costOfFunds: 0.035,
    stress: null,
  };
  return documentText(fromRange(meta, runRange(settings, personas, range[0], range[1], {})));
}

type Doc = ReturnType<typeof document>;
// biome-ignore lint/suspicious/noExplicitAny: a test reaches into the JSON to break it
const at = (d: Doc, path: Array<string | number>) => path.reduce<any>((o, k) => o[k], d);
function edited(edit: (d: Doc) => void, challenger = false): Doc {
  const d = document(challenger);
  edit(d);
  return d;
}

/** A document read back without a problem. */
const accepted = (data: unknown) => expect(() => fromDocument(data, "s.json")).not.toThrow();

function refused(data: unknown): InputError {
  try {
    fromDocument(data, "s.json");
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("accepted");
}

describe("problems are all said, and the odd file named", () => {
  it("every problem of a file at once, each with what was found", () => {
    const e = refused(
      edited((d) => {
        at(d, ["meta"]).costOfFunds = -1;
        at(d, ["meta"]).scoreDay = -5;
      }),
    );
    expect(e.problems.map((p) => p.details.field)).toEqual(["meta.scoreDay", "meta.costOfFunds"]);
    for (const p of e.problems) expect(p.details.found).toBeDefined();
  });

  it("a count far out of range is one problem, told its own bound (not also the largest whole number)", () => {
    const e = refused(edited((d) => (at(d, ["meta"]).accounts = 1e300)));
    expect(
      e.problems.filter((p) => p.details.field === "meta.accounts").map((p) => p.details.expected),
    ).toEqual(["at most 100000000"]);
  });

  // it was 'expected: a number or {min, max}': a count that may also be a histogram or a group is a count
  it("a fractional count in an aggregate is told a whole number", () => {
    const e = refused(edited((d) => (at(d, ["aggregates", "champion", 0]).suspended = 1.5)));
    const p = e.problems.find((q) => q.details.field === "aggregates.champion[0].suspended");
    expect(p?.details.expected).toBe("a whole number");
    expect(p?.details.found).toBe("1.5");
  });

  it("a summary or variant row edited by hand is refused at the field: merge recomputes them, and the edit would vanish", () => {
    // derived from the aggregates, once only their shape was read: a fractional count or a changed
    // profit was accepted, and silently replaced by the merged report's own
    const count = refused(
      edited((d) => (at(d, ["summary", "groups", 0, "champion", "counts"]).suspended = 1.5)),
    );
    expect(count.details).toMatchObject({
      field: "summary.groups[0].champion.counts.suspended",
      found: "1.5",
      hint: expect.stringContaining("unchanged"),
    });
    const profit = refused(
      edited((d) => (at(d, ["summary", "groups", 0, "challenger", "risk", "all"]).profit = 1e9), true),
    );
    expect(profit.details).toMatchObject({
      field: "summary.groups[0].challenger.risk.all.profit",
      found: "1000000000",
    });
    expect(refused(edited((d) => delete at(d, ["summary", "groups", 1]).psi, true)).details).toMatchObject({
      field: "summary.groups[1].psi",
      found: "nothing (the field is missing)",
    });
    // a sweep's variant rows, the frontier the report prints, as well
    const sweep = JSON.parse(documentText(sweepResult("steady-payer", 4, 30, "minScore", [600, 620]))) as Doc;
    accepted(sweep);
    at(sweep, ["variants", 1, "metrics"]).profit = 12_345.67;
    expect(refused(sweep).details.field).toBe("variants[1].metrics.profit");
    // a document simulate wrote, unchanged, is read back (also with a challenger)
    accepted(document());
    accepted(document(true));
  });

  // "NaN" written as text was told 'expected: a number or {min, max}' — a scenario score's words, and
  // {min, max} is no aggregate's value
  it("a count written as text, null or true in an aggregate is told what an aggregate holds, not a scenario's {min, max}", () => {
    for (const bad of ["NaN", null, true]) {
      const e = refused(edited((d) => (at(d, ["aggregates", "champion", 0]).suspended = bad)));
      const p = e.problems.find((q) => q.details.field === "aggregates.champion[0].suspended");
      expect(p?.details.expected).not.toMatch(/min, max/);
      expect(p?.details.expected).toMatch(/^a count \(a whole number, 0 or more\)/);
      expect(p?.details.found).toBe(JSON.stringify(bad));
    }
  });

  // "found: a list of 5" named no number: the accounts the arms add up to are what is wrong
  it("arms whose accounts do not add up to the range say what they add up to", () => {
    const e = refused(
      edited((d) => {
        const arm = at(d, ["aggregates", "champion", 0]);
        arm.accounts += 7;
      }),
    );
    const p = e.problems.find((q) => q.details.field === "aggregates.champion");
    expect(p?.details.expected).toMatch(/^accounts adding up to the range \(\d+\)$/);
    const want = Number(/\((\d+)\)/.exec(p!.details.expected!)![1]);
    expect(p?.details.found).toBe(`accounts adding up to ${want + 7}`);
  });

  // "found: a list of 2" named no value: the range is shown as it is written
  it("a range past the accounts shows the range itself", () => {
    const e = refused(edited((d) => (at(d, ["meta"]).range = [5, 3])));
    const range = e.problems.find((p) => p.details.field === "meta.range");
    expect(range?.details.found).toBe("[5, 3]");
  });

  it("a horizon out of range is one problem: the days measured against it are not said as well", () => {
    const e = refused(edited((d) => (at(d, ["meta"]).days = 0)));
    expect(e.problems.map((p) => p.details.field)).toEqual(["meta.days"]);
  });

  it("a document of a newer format says so: running it again with this older version is not the fix", () => {
    const older = refused(edited((d) => (d.format = "credit-sim/population@6")));
    expect(older.details.hint).toMatch(/run its shard again with this version/);
    const newer = refused(edited((d) => (d.format = "credit-sim/population@11")));
    expect(newer.message).toBe("a population result of a newer version of credit-sim");
    expect(newer.details.hint).toMatch(/^merge with the version that wrote it/);
    expect(newer.details.hint).not.toMatch(/run its shard again with this version/);
  });

  it("a persona named twice is refused, as simulate refuses it: its rows would read as one persona's", () => {
    const e = refused(
      edited((d) => {
        const [first, second] = at(d, ["meta", "personas"]);
        second.name = first.name;
      }),
    );
    expect(e.details.field).toBe("meta.personas[1].name");
    expect(e.details.found).toContain("over-applier");
  });

  it("a document of the format before the score-day base changed is refused, not ranked with new ones", () => {
    // @3 histograms scored accounts booked after the score day: merged, two populations would read as one
    const e = refused(edited((d) => (d.format = "credit-sim/population@3")));
    expect(e.details.expected).toContain("credit-sim/population@10");
  });

  it("a document of the format before non-accrual is refused by its format, not a missing field", () => {
    // @6 lines have no nonAccrual: their revenue would count delinquent lines' unpaid charges
    const e = refused(
      edited((d) => {
        d.format = "credit-sim/population@6";
        for (const line of at(d, ["aggregates", "champion", 0]).lines) delete line.nonAccrual;
      }),
    );
    expect(e.problems.map((p) => p.details.field)).toEqual(["format"]);
    expect(e.details.found).toContain("credit-sim/population@6");
  });

  it("a document of the format before the limit cuts' counts is refused by its format, not a missing field", () => {
    // @8 arms have no limitCuts: merged, their cuts would count as none
    const e = refused(
      edited((d) => {
        d.format = "credit-sim/population@8";
        delete at(d, ["aggregates", "champion", 0]).limitCuts;
      }),
    );
    expect(e.problems.map((p) => p.details.field)).toEqual(["format"]);
    expect(e.details.found).toContain("credit-sim/population@8");
  });

  it("a document of the format before waivers is refused by its format, not a missing field", () => {
    // @7 lines have no waived: merged, their waivers would count as none
    const e = refused(
      edited((d) => {
        d.format = "credit-sim/population@7";
        for (const line of at(d, ["aggregates", "champion", 0]).lines) delete line.waived;
      }),
    );
    expect(e.problems.map((p) => p.details.field)).toEqual(["format"]);
    expect(e.details.found).toContain("credit-sim/population@7");
  });

  it("a document of the format before the booked scores is refused by its format, not a missing field", () => {
    // @4 arms have no bookedScore: said as an older format, the field named nowhere
    const e = refused(
      edited((d) => {
        d.format = "credit-sim/population@4";
        delete at(d, ["aggregates", "champion", 0]).bookedScore;
      }),
    );
    expect(e.problems.map((p) => p.details.field)).toEqual(["format"]);
    expect(e.details.expected).toBe('format "credit-sim/population@10"');
    expect(e.details.found).toContain("credit-sim/population@4");
    expect(e.message).toContain("another version of credit-sim");
    expect(e.details.hint).toContain("run its shard again with this version");
    // not a version at all: no advice to run it again
    expect(refused(edited((d) => (d.format = "something else"))).details.hint).toContain("unchanged");
  });

  it("a document of the format before 100-yuan limit bins is refused by its format", () => {
    // @5 first limits were binned by 500 yuan: merged with @6 bins, each would read five times as high
    const e = refused(
      edited((d) => {
        d.format = "credit-sim/population@5";
        const limits = at(d, ["aggregates", "champion", 0, "openLimit"]);
        limits.length = 101;
        limits.from = 0;
        limits.counts = [limits.counts.reduce((a: number, b: number) => a + b, 0)];
      }),
    );
    expect(e.problems.map((p) => p.details.field)).toEqual(["format"]);
    expect(e.details.found).toContain("credit-sim/population@5");
  });

  it("a shard whose population differs from the others is the one named", () => {
    const shards = [document(false, [0, 10]), document(false, [10, 20]), document(false, [20, 30])];
    at(shards[0]!, ["meta"]).seed = 8;
    const parts = shards.map((d, i) => ({
      result: fromDocument(d, `s${i + 1}.json`),
      file: `s${i + 1}.json`,
    }));
    let e: InputError | null = null;
    try {
      mergeResults(parts);
    } catch (x) {
      e = x as InputError;
    }
    expect(e!.problems.map((p) => p.details.file)).toEqual(["s1.json"]);
    expect(e!.problems[0]!.details.found).toBe("seed 8 (another file has 7)");
  });

  // it was 'a different sweep' and 'different personas', where a seed is told with both values
  it("shards of different sweeps or personas say what each has", () => {
    const told = (a: Doc, b: Doc) => {
      try {
        mergeResults([
          { result: fromDocument(a, "s1.json"), file: "s1.json" },
          { result: fromDocument(b, "s2.json"), file: "s2.json" },
        ]);
      } catch (x) {
        if (x instanceof InputError) return x.problems.map((p) => p.details.found);
        throw x;
      }
      return [];
    };
    const sweep = (param: PolicyParamName, values: number[]) =>
      JSON.parse(documentText(sweepResult("steady-payer", 4, 30, param, values))) as Doc;
    expect(told(sweep("minScore", [600, 620, 640]), sweep("minScore", [600, 620]))).toEqual([
      "a sweep of minScore 600, 620 (another file has minScore 600, 620, 640)",
    ]);
    expect(told(sweep("minScore", [600, 620]), sweep("restoreScore", [660, 680]))).toEqual([
      "a sweep of restoreScore 660, 680 (another file has minScore 600, 620)",
    ]);
    const other = document();
    at(other, ["meta", "personas", 0]).name = "renamed";
    // …as another run's document names it throughout (its report's rows too)
    at(other, ["summary", "groups", 0]).persona = "renamed";
    expect(told(document(), other)[0]).toMatch(/^personas renamed, .* \(another file has [a-z-]+, /);
    const reshared = document();
    at(reshared, ["meta", "personas", 0]).fingerprint = "00000000";
    expect(told(document(), reshared)[0]).toMatch(
      /^persona [a-z-]+ defined otherwise \(its file changed between the shards\)$/,
    );
  });

  /** The error merging `shards` throws (each named s1.json, s2.json, …), or null when they merge. */
  function mergeError(shards: Doc[]): InputError | null {
    try {
      mergeResults(
        shards.map((d, i) => ({ result: fromDocument(d, `s${i + 1}.json`), file: `s${i + 1}.json` })),
      );
      return null;
    } catch (x) {
      if (x instanceof InputError) return x;
      throw x;
    }
  }

  it("the same policy file read from another folder is the same policy: a shard's checkout is its runner's", () => {
    // GitLab's runners check a job out under a folder of their own (/builds/<runner>/<n>/…): the same
    // policy file, the same contents, at another absolute path
    const shards = [document(true, [0, 10]), document(true, [10, 20]), document(true, [20, 30])];
    at(shards[0]!, ["meta", "policy"]).ref = "/builds/a/0/group/project/policies/p.yaml";
    at(shards[1]!, ["meta", "policy"]).ref = "/builds/a/1/group/project/policies/p.yaml";
    at(shards[2]!, ["meta", "challenger"]).ref = "/home/runner/work/project/policies/c.yaml";
    expect(mergeError(shards)).toBeNull();
  });

  it("the merged document names no runner's folder, from shards written before results named none", () => {
    // shards of an earlier build kept the absolute path of the file each runner read: the merge, a new
    // document, keeps its name alone (what a file outside the working folder is named by now)
    const shards = [document(true, [0, 10]), document(true, [10, 20]), document(true, [20, 30])];
    for (const [i, d] of shards.entries()) {
      at(d, ["meta", "policy"]).ref = `/builds/a/${i}/group/project/policies/p.yaml`;
      at(d, ["meta", "challenger"]).ref = `/home/runner${i}/policies/c.yaml`;
    }
    const merged = mergeResults(
      shards.map((d, i) => ({ result: fromDocument(d, `s${i + 1}.json`), file: `s${i + 1}.json` })),
    );
    expect(merged.meta.policy.ref).toBe("p.yaml");
    expect(merged.meta.challenger?.ref).toBe("c.yaml");
    // a path from the working folder, as shards write it now, stays whole
    for (const d of shards) at(d, ["meta", "policy"]).ref = "policies/p.yaml";
    const again = mergeResults(
      shards.map((d, i) => ({ result: fromDocument(d, `s${i + 1}.json`), file: `s${i + 1}.json` })),
    );
    expect(again.meta.policy.ref).toBe("policies/p.yaml");
  });

  it("a policy of other contents, or another challenger, is said to be that", () => {
    const other = (edit: (d: Doc) => void) => {
      const shards = [document(true, [0, 10]), document(true, [10, 20]), document(true, [20, 30])];
      edit(shards[1]!);
      const e = mergeError(shards);
      expect(e!.problems.map((p) => p.details.file)).toEqual(["s2.json"]);
      return e!.problems[0]!.details.found;
    };
    expect(other((d) => (at(d, ["meta", "policy"]).fingerprint = "ffffffff"))).toBe(
      "policy default with other parameters than another file's (the policy file changed between the runs?)",
    );
    expect(other((d) => (at(d, ["meta", "policy"]).name = "loose"))).toBe(
      "policy loose (another file has default)",
    );
    expect(other((d) => (at(d, ["meta", "challenger"]).fingerprint = "ffffffff"))).toBe(
      "challenger tightened with other parameters than another file's (the policy file changed between the runs?)",
    );
    const alone = mergeError([document(true, [0, 10]), document(false, [10, 20]), document(true, [20, 30])]);
    expect(alone!.problems.map((p) => [p.details.file, p.details.found])).toEqual([
      ["s2.json", "no challenger (another file has tightened)"],
    ]);
  });
});

describe("a file given twice", () => {
  it("is refused however it is spelt, also a shard of no accounts (its range tells no second copy)", async () => {
    // 30 accounts in 3: an empty shard is what --shard 1/40 of them writes
    const d = mkdtempSync(join(dir, "twice-"));
    const write = (name: string, range: [number, number]) => {
      writeFileSync(join(d, name), resultText(false, range, {}));
      return name;
    };
    const [empty, a, b] = [write("e.json", [0, 0]), write("a.json", [0, 15]), write("b.json", [15, 30])];
    expect((await cli(["merge", empty, a, b], { cwd: d })).status).toBe(0);
    linkSync(join(d, empty), join(d, "hard.json"));
    for (const again of [empty, `./${empty}`, join(d, empty), "hard.json"]) {
      const r = await cli(["merge", empty, again, a, b], { cwd: d });
      expect(r.status).toBe(2);
      // (a path in the working folder is shown from it)
      expect(r.stderr).toMatch(/^credit-sim: \S+: the same file twice\n/);
      expect(r.stderr).toContain(`also given as ${empty}`);
    }
  });
});

describe("every aggregate is checked", () => {
  it("a document simulate wrote is read back", () => {
    expect(fromDocument(document(true), "s.json").meta.accounts).toBe(30);
  });

  it.each<[string, (d: Doc) => void, RegExp]>([
    ["a negative count", (d) => (at(d, ["aggregates", "champion", 0]).opened = -1), /opened/],
    ["a missing count", (d) => delete at(d, ["aggregates", "champion", 0]).suspended, /suspended/],
    ["a fractional count", (d) => (at(d, ["aggregates", "champion", 0]).closed = 0.5), /closed/],
    ["a count as text", (d) => (at(d, ["aggregates", "champion", 0]).accounts = "3"), /accounts/],
    ["an unknown field", (d) => (at(d, ["aggregates", "champion", 0]).extra = 1), /champion/],
    [
      "a histogram of 10⁹ bins",
      (d) => (at(d, ["aggregates", "champion", 0, "finalScore"]).length = 1e9),
      /finalScore/,
    ],
    [
      "bins past a histogram's end",
      (d) => at(d, ["aggregates", "champion", 0, "openLimit"]).counts.push(...Array(600).fill(1)),
      /openLimit/,
    ],
    [
      "a negative bin",
      (d) => at(d, ["aggregates", "champion", 0, "finalStatus"]).counts.push(-1),
      /finalStatus/,
    ],
    ["one arm too few", (d) => at(d, ["aggregates", "champion"]).pop(), /champion/],
    [
      "accounts that do not add up to the range",
      (d) => (at(d, ["aggregates", "champion", 0]).accounts += 1),
      /champion/,
    ],
    [
      "a negative 30+ balance",
      (d) => at(d, ["aggregates", "champion", 0, "lines", 0, "monthEnd", "dpd30"]).counts.push(-5),
      /lines/, // a bad number deep in a line is named by the line,
    ],
    [
      "a 90+ series of the wrong length",
      (d) => (at(d, ["aggregates", "champion", 0, "lines", 1, "monthEnd", "dpd90"]).length = 40),
      /dpd90/,
    ],
    [
      "no month-end 90+ series",
      (d) => delete at(d, ["aggregates", "champion", 0, "lines", 0, "monthEnd"]).dpd90,
      /dpd90/,
    ],
    ["fractional open months", (d) => (at(d, ["aggregates", "champion", 0]).openMonths = 1.5), /openMonths/],
    [
      "suspension spells as text",
      (d) => (at(d, ["aggregates", "champion", 0]).suspensionSpells = "2"),
      /suspensionSpells/,
    ],
    ["negative charge-offs", (d) => (at(d, ["aggregates", "champion", 0]).chargedOff = -1), /chargedOff/],
    ["a stress day past the horizon", (d) => (at(d, ["meta"]).stress = 90), /stress/],
    ["a start that is no calendar date", (d) => (at(d, ["meta"]).start = "2024-02-30"), /start/],
    [
      "a persona name no persona file could have",
      (d) => (at(d, ["meta", "personas", 0]).name = "\u00a0::error::forged"),
      /personas/,
    ],
    ["a horizon past 9999-12-31", (d) => (at(d, ["meta"]).start = "9999-12-01"), /days/],
    ["a seed past 2^53", (d) => (at(d, ["meta"]).seed = 2 ** 60), /seed/],
    ["a horizon past the cap", (d) => (at(d, ["meta"]).days = 1e9), /days/],
    ["a range past the accounts", (d) => (at(d, ["meta"]).range = [0, 31]), /range/],
    [
      "a flip outside the range",
      (d) =>
        at(d, ["aggregates", "flips"]).push({
          index: 99,
          persona: "revolver",
          champion: "a",
          challenger: "b",
        }),
      /flips/,
    ],
  ])("%s is refused", (_what, edit, field) => {
    const e = refused(edited(edit));
    expect(e.message).toMatch(/not a population result/);
    expect(e.details.field).toMatch(field);
    // in words, never the validator's own text ("Too small: expected number to be >=0")
    expect(e.details.expected).not.toMatch(/Too (small|big)|Invalid input|expected number to be/);
  });

  it("an unknown field is described with a result document's own fields, not a scenario's", () => {
    const e = refused({ ...(document(true) as object), secretKey: "x" });
    expect(e.details.expected).toMatch(/^one of format, meta/);
    expect(e.details.expected).not.toMatch(/events|profile/);
    const inMeta = refused({
      ...(document(true) as { meta: object }),
      meta: { ...(document(true) as { meta: object }).meta, bogus: 1 },
    });
    expect(inMeta.details.expected).toMatch(/seed/);
    expect(inMeta.details.expected).not.toMatch(/events|profile/);
  });

  it("paired differences are checked too", () => {
    expect(
      refused(edited((d) => (at(d, ["aggregates", "paired", 0, "binary", "opened"])[0] = -2), true)).details
        .field,
    ).toMatch(/paired/);
    expect(
      refused(edited((d) => (at(d, ["aggregates", "paired"]) as unknown[]).pop(), true)).details.field,
    ).toMatch(/paired/);
    expect(refused(edited((d) => (at(d, ["aggregates"]).paired = null), true)).details.field).toMatch(
      /paired/,
    );
  });

  it("flip texts are what simulate writes: a status outside the outcomes, or a label with control characters, is refused", () => {
    const flips = (d: Doc) => at(d, ["aggregates", "flips"]) as Array<Record<string, unknown>>;
    const withFlip = (edit: (f: Record<string, unknown>) => void) =>
      edited((d) => {
        flips(d).push({ index: 1, persona: personas[0]!.name, champion: "active", challenger: "restored" });
        edit(flips(d).at(-1)!);
      }, true);
    accepted(withFlip(() => {}));
    expect(refused(withFlip((f) => (f.champion = "\u001b]52;c;aGVsbG8=\u0007"))).details.field).toMatch(
      /champion/,
    );
    const label = (text: string) =>
      edited((d) => {
        const pair = at(d, ["aggregates", "decisionFlips", 0]) as {
          flipped: number;
          groups: Record<string, unknown>;
        };
        pair.groups[text] = { accounts: 1, examples: [1] };
        pair.flipped += 1;
      }, true);
    expect(() => fromDocument(label("apply: approved → declined, by MIN_SCORE"), "s.json")).not.toThrow();
    for (const forged of ["\u001b[2J", "x\n::error::forged", "a\u2028b", "\u202eevil"])
      expect(refused(label(forged)).details.field).toMatch(/decisionFlips/);
  });

  it("a flip group's label refused is said as a key: what a label must be, and the label found", () => {
    // it was zod's own words for what was expected ('Invalid key in record') and, as found, the group
    // under the label ('an object')
    const label = (text: string) =>
      edited((d) => {
        const pair = at(d, ["aggregates", "decisionFlips", 0]) as { groups: Record<string, unknown> };
        pair.groups[text] = { accounts: 1, examples: [1] };
      }, true);
    const control = refused(label("by MIN_SCORE\u001b[2J"));
    // (the field names the key as the message does, its control shown as an escape: errors.ts formatPath)
    expect(control.details.field).toBe("aggregates.decisionFlips[0].groups.by MIN_SCORE\\x1b[2J");
    expect(control.details.expected).toBe("one line of text without control characters");
    expect(control.details.found).toBe('"by MIN_SCORE\\x1b[2J"');
    const long = refused(label("x".repeat(1001)));
    expect(long.details.expected).toBe("at most 1000 characters");
    expect(long.details.found).toMatch(/^"x+/);
  });

  it("totals that contradict each other are refused, each within its range or not", () => {
    const arm0 = (d: Doc) => at(d, ["aggregates", "champion", 0]);
    const cases: Array<[(d: Doc) => void, RegExp]> = [
      [(d) => (arm0(d).restored = arm0(d).suspended + 1), /champion\[0\]\.restored/],
      [(d) => (arm0(d).bad = arm0(d).booked + 1), /champion\[0\]\.bad/],
      [
        (d) => (arm0(d).finalScore = { from: 0, length: arm0(d).finalScore.length, counts: [1_000_000] }),
        /finalScore/,
      ],
      [(d) => (arm0(d).openLimit = { from: 0, length: arm0(d).openLimit.length, counts: [] }), /openLimit/],
      [(d) => (arm0(d).openMonths = 1e9), /openMonths/],
      [
        (d) => (arm0(d).bookedScore = { from: 0, length: arm0(d).bookedScore.length, counts: [] }),
        /bookedScore/,
      ],
      [
        // more accounts seen three months on book than the quarter booked
        (d) => {
          const v = arm0(d).vintage;
          v.seasoned = { from: 0, length: v.seasoned.length, counts: [arm0(d).booked + 1] };
        },
        /vintage\.seasoned/,
      ],
      [(d) => (at(d, ["aggregates", "champion", 0, "lines", 0]).recoveries = 1e9), /recoveries/],
      [(d) => (arm0(d).events = { from: 0, length: arm0(d).events.length, counts: [1e12] }), /events/],
    ];
    for (const [edit, field] of cases) {
      const e = refused(edited(edit));
      expect(e.details.field).toMatch(field);
    }
    const group = (edit: (g: { accounts: number; examples: number[] }, flipped: number) => void) =>
      edited((d) => {
        const pair = at(d, ["aggregates", "decisionFlips", 0]) as {
          flipped: number;
          groups: Record<string, { accounts: number; examples: number[] }>;
        };
        pair.groups["apply: approved → declined, by MIN_SCORE"] = { accounts: 1, examples: [1] };
        pair.flipped += 1;
        edit(pair.groups["apply: approved → declined, by MIN_SCORE"]!, pair.flipped);
      }, true);
    accepted(group(() => {}));
    expect(refused(group((g, flipped) => (g.accounts = flipped + 1))).details.field).toMatch(/\.accounts$/);
    expect(refused(group((g) => (g.examples = [999_999]))).details.field).toMatch(/\.examples$/);
  });

  it("flip groups add up to the accounts flipped, each with its smallest accounts, for the pairs the population compares", () => {
    type Pair = {
      a: number;
      b: number;
      flipped: number;
      groups: Record<string, { accounts: number; examples: number[] }>;
    };
    const pairs = (d: Doc) => at(d, ["aggregates", "decisionFlips"]) as Pair[];
    const label = "apply: approved → declined, by MIN_SCORE";
    const withGroup = (accounts: number, examples: number[], flipped = accounts) =>
      edited((d) => {
        const p = pairs(d)[0]!;
        p.groups[label] = { accounts, examples };
        p.flipped += flipped;
      }, true);
    accepted(withGroup(2, [3, 7]));
    accepted(withGroup(7, [1, 2, 3, 4, 5]));
    // 10,000 groups of one account each beside one account flipped: a page of groups nothing flipped
    expect(refused(withGroup(1, [1], 0)).details.field).toMatch(/decisionFlips\[0\]\.flipped/);
    expect(refused(withGroup(1, [1], 2)).details.field).toMatch(/decisionFlips\[0\]\.flipped/);
    expect(refused(withGroup(0, [])).details.field).toMatch(/\.accounts$/);
    // an account flipped once has an example ('e.g. accounts #' with none); the smallest, once each, in order
    for (const [accounts, examples] of [
      [1, []],
      [7, [1, 2, 3]],
      [2, [7, 3]],
      [2, [3, 3]],
      [7, [1, 2, 3, 4, 5, 6]],
    ] as Array<[number, number[]]>)
      expect(refused(withGroup(accounts, examples)).details.field).toMatch(/\.examples$/);
    // the pairs are the champion and challenger, or a sweep's neighbours, in order: '#3 → #1' is no pair
    const pairsRefused = (edit: (ps: Pair[]) => void, challenger = true) =>
      refused(edited((d) => edit(pairs(d)), challenger)).details.field;
    expect(pairsRefused((ps) => (ps[0]!.a = 1))).toMatch(/decisionFlips/);
    expect(pairsRefused((ps) => ps.push({ ...ps[0]!, groups: {}, flipped: 0 }))).toMatch(/decisionFlips/);
    expect(pairsRefused((ps) => ps.pop())).toMatch(/decisionFlips/);
    expect(pairsRefused((ps) => ps.push({ a: 0, b: 0, flipped: 0, groups: {} }), false)).toMatch(
      /decisionFlips/,
    );
    const sweep = JSON.parse(
      documentText(sweepResult("steady-payer", 4, 30, "minScore", [600, 620, 640])),
    ) as Doc;
    expect(pairs(sweep).map((p) => [p.a, p.b])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    accepted(sweep);
    pairs(sweep).reverse();
    expect(refused(sweep).details.field).toMatch(/decisionFlips/);
  });

  it("a group labelled as an object's member (toString, hasOwnProperty) merges as a group of its own", () => {
    // labels are a record's keys: one an object inherits was read as its group (a function) and the
    // merge failed with an internal error
    for (const label of ["toString", "hasOwnProperty", "valueOf", "__defineGetter__"]) {
      const d = edited((d) => {
        const pair = at(d, ["aggregates", "decisionFlips", 0]) as {
          flipped: number;
          groups: Record<string, { accounts: number; examples: number[] }>;
        };
        pair.groups[label] = { accounts: 1, examples: [1] };
        pair.flipped += 1;
      }, true);
      const merged = mergeResults([{ result: fromDocument(d, "s.json"), file: "s.json" }]);
      const groups = merged.decisionFlips[0]!.groups;
      expect(Object.hasOwn(groups, label)).toBe(true);
      expect(groups[label]).toEqual({ accounts: 1, examples: [1] });
      // and written back as the document's own group, read again
      expect(
        fromDocument(JSON.parse(documentText(merged)), "m.json").decisionFlips[0]!.groups[label],
      ).toEqual({
        accounts: 1,
        examples: [1],
      });
    }
  });

  it("a paired sum no data could have, a key naming object internals, or nesting past a document's are refused", () => {
    const paired = refused(
      edited((d) => {
        const c = at(d, ["aggregates", "paired", 0, "continuous", "finalScore"]);
        c.sum = 1e9;
        c.sumSq = "1";
      }, true),
    );
    expect(paired.details.field).toMatch(/paired\[0\]\.continuous\.finalScore/);
    const pairedFlips = refused(
      edited((d) => {
        at(d, ["aggregates", "paired", 0]).flips = { "\u001b[2JEVIL": 1 };
      }, true),
    );
    expect(pairedFlips.details.field).toMatch(/paired\.0\.flips|paired\[0\]\.flips/);
    const tooMany = refused(
      edited((d) => (at(d, ["aggregates", "paired", 0]).accounts = 9_007_199_254_740_991), true),
    );
    expect(tooMany.details.field).toMatch(/paired\[0\]\.accounts/);
    const proto = JSON.parse(
      JSON.stringify(document(true)).replace(
        '"groups":{',
        '"groups":{"__proto__":{"accounts":1,"examples":[1]},',
      ),
    );
    expect(refused(proto).message).toMatch(/a key "__proto__"/);
    const deep = document(true) as Record<string, unknown>;
    let inner: Record<string, unknown> = {};
    deep.summary = inner;
    for (let i = 0; i < 1000; i++) {
      const next = {};
      inner.x = next;
      inner = next;
    }
    expect(refused(deep).message).toMatch(/nested more than/);
  });

  it("a sweep's variants are its axes' grid, each value one a policy file may hold: a forged parameter never reaches the report", () => {
    const sweep = () =>
      JSON.parse(documentText(sweepResult("steady-payer", 4, 30, "minScore", [600, 620]))) as Doc;
    const variants = (d: Doc) => at(d, ["meta", "sweep", "variants"]) as Array<Record<string, number>>;
    const axis = (d: Doc) => at(d, ["meta", "sweep", "axes", 0]) as { values: number[] };
    accepted(sweep());
    const forged: Array<(d: Doc) => void> = [
      // a key no parameter has, written raw to the terminal (a colour, then a CI command on its own line)
      (d) => (variants(d)[0]!["\u001b[31mX\n::error::forged"] = 1),
      // a value the axes never gave
      (d) => (variants(d)[1]!.minScore = 999_999),
      (d) => variants(d).reverse(),
      // an axis value no policy file may hold, with the variants to match
      (d) => {
        axis(d).values[1] = 1e300;
        variants(d)[1]!.minScore = 1e300;
      },
    ];
    for (const edit of forged) {
      const d = sweep();
      edit(d);
      expect(refused(d).details.field).toMatch(/^meta\.sweep/);
    }
  });

  it("a histogram whose parts are not what they say is refused, never decoded", () => {
    for (const bad of [{}, "x", [1, "2"], null]) {
      const e = refused(edited((d) => (at(d, ["aggregates", "champion", 0, "monthlyScore"]).counts = bad)));
      expect(e.details.field).toMatch(/monthlyScore/);
    }
    expect(
      refused(edited((d) => (at(d, ["aggregates", "champion", 0, "monthlyScore"]).from = -1))).details.field,
    ).toMatch(/monthlyScore/);
  });

  // the timeout is a hang guard (allocating 10⁹ bins would take far longer, or the heap), not a speed target
  it("is fast on a histogram that claims 10⁹ bins: nothing is allocated for it", () => {
    refused(edited((d) => (at(d, ["aggregates", "champion", 0, "monthlyScore"]).length = 1e9)));
  }, 45_000);
});

describe("files are checked for size before they are read", () => {
  const write = (name: string, text: string | Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const refusedFile = (file: string) => {
    try {
      loadResultFile(file);
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error("accepted");
  };

  it("a shard file reads back", () => {
    expect(loadResultFile(write("ok.json", JSON.stringify(document(), null, 2))).meta.range).toEqual([0, 30]);
  });

  it("a key written twice in one object is refused at the later one, every one at once, as in a scenario file", () => {
    // JSON.parse keeps the last in silence: a hand-edited "seed": 2, "seed": 7 read as seed 7, and two
    // `charges` in an arm counted the last alone
    const text = JSON.stringify(document(), null, 2)
      .replace('"seed": 7,', '"seed": 2,\n    "seed": 7,')
      .replace(/"charges": (\d+),/, '"charges": 1,\n      "charges": $1,')
      // the same key in another object, or inside a string, is no duplicate
      .replace('"name": "default",', '"name": "default \\"name\\": x",');
    const e = refusedFile(write("dup.json", text));
    expect(e.problems.map((p) => [p.message, p.details.field])).toEqual([
      ['duplicate key "seed"', "meta.seed"],
      ['duplicate key "charges"', "aggregates.champion[0].charges"],
    ]);
    const lines = text.split("\n");
    const first = e.problems[0]!.details;
    expect(lines[first.line! - 1]!.slice(first.column! - 1)).toBe('"seed": 7,');
    expect(first.found).toBe("the key again in the same object");
  });

  it("a sweep's shard reads back: its bound counts every variant, not the champion alone", {
    tags: ["slow"],
    timeout: 30_000,
  }, () => {
    const values = [600, 610, 620, 630, 640, 650, 660, 670, 680, 690];
    const text = documentText(sweepResult("steady-payer", 20, 1500, "minIncreaseScore", values));
    expect(Buffer.byteLength(text)).toBeGreaterThan(5_500_000);
    expect(loadResultFile(write("sweep.json", text)).variants).toHaveLength(10);
  });

  it("a file past the cap is refused by its size, unread", () => {
    const file = join(dir, "huge.json");
    writeFileSync(file, "");
    truncateSync(file, MAX_RESULT_BYTES + 1);
    const e = refusedFile(file);
    expect(e.message).toMatch(/too large/);
  });

  it("a file larger than its meta allows is refused before the rest is read", () => {
    const text = JSON.stringify(document(), null, 2);
    const file = write("padded.json", `${text.slice(0, -2)}${" ".repeat(20 * 1024 * 1024)}}\n`);
    expect(refusedFile(file).message).toMatch(/too large/);
  });

  it.runIf(existsSync("/dev/zero"))(
    "a device is refused before a byte is read (an endless one read 64 KB)",
    () => {
      for (const device of ["/dev/zero", "/dev/null"]) {
        const e = refusedFile(device);
        expect(e.message).toBe("is a device, not a result file");
        expect(e.details.hint).toMatch(/merge the --json outputs/);
      }
    },
  );

  it("a meta of the wrong shape is said in the product's words: its field, what was expected, what was found", () => {
    // the validator's own words came through: 'a meta of the wrong shape at meta.seed (Invalid input:
    // expected number, received undefined)'
    const cases: [string, (m: Record<string, unknown>) => void, string, string, string][] = [
      ["no seed", (m) => delete m.seed, "meta.seed", "a number", "nothing (the field is missing)"],
      ["a fraction", (m) => (m.seed = -1.5), "meta.seed", "a whole number", "-1.5"],
      ["days as text", (m) => (m.days = "x"), "meta.days", "a number", '"x"'],
      ["no range", (m) => (m.range = null), "meta.range", "a list", "null"],
      [
        "a start not written as a date",
        (m) => (m.start = "x"),
        "meta.start",
        "a date written YYYY-MM-DD",
        '"x"',
      ],
      [
        "a start on no calendar",
        (m) => (m.start = "2024-02-30"),
        "meta.start",
        "a date on the calendar",
        '"2024-02-30"',
      ],
      ["a persona not a mapping", (m) => (m.personas = [1]), "meta.personas[0]", "a mapping", "1"],
      ["a key of its own", (m) => (m.extra = 1), "meta.extra", "one of seed, days", 'unknown field "extra"'],
    ];
    for (const [what, edit, field, expected, found] of cases) {
      const doc = document() as { meta: Record<string, unknown> };
      edit(doc.meta);
      const e = refusedFile(write("meta-shape.json", JSON.stringify(doc, null, 2)));
      const text = e.format();
      expect(text, what).not.toMatch(/received|Invalid|expected (int|tuple|number|string|array|object)\b/);
      expect(e.problems, what).toHaveLength(1);
      expect(e.details, what).toMatchObject({ field, file: expect.stringContaining("meta-shape.json") });
      expect(e.details.expected, what).toContain(expected);
      expect(e.details.found, what).toBe(found);
      expect(e.details.hint, what).toMatch(/merge the --json outputs/);
    }
  });

  it("a file is read as a scenario is: a byte-order mark taken off, text not in UTF-8 said to be so", () => {
    // Windows PowerShell's `>` writes UTF-16 with a mark, `Out-File -Encoding utf8` UTF-8 with one: the
    // first was 'no meta at the top', the second 'cannot parse JSON: unexpected token' with no position
    const text = JSON.stringify(document(), null, 2);
    const marked = write("bom.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(loadResultFile(marked).meta.range).toEqual([0, 30]);
    const utf16 = refusedFile(write("utf16.json", Buffer.from(`\ufeff${text}`, "utf16le")));
    expect(utf16.message).toBe("the file is not UTF-8 text");
    expect(utf16.details.found).toBe("UTF-16 text");
    expect(utf16.details.hint).toMatch(/save it as UTF-8/);
    const latin1 = refusedFile(
      write("latin1.json", Buffer.from(text.replace('"seed"', '"s\u00e9ed"'), "latin1")),
    );
    expect(latin1.message).toBe("the file is not UTF-8 text");
  });

  // `merge scenarios/zhang-ming.yaml` said 'no meta at the top': the file is named for what it is
  it("a scenario, policy or persona file given to merge is named as one, with what merge takes", () => {
    for (const [file, noun, key] of [
      ["scenarios/zhang-ming.yaml", "scenario", "events"],
      ["policies/tightened.yaml", "policy", "extends"],
      ["personas/revolver.yaml", "persona", "spending"],
    ] as const) {
      const e = refusedFile(join(ROOT, file));
      expect(e.message, file).toBe(
        `a ${noun} file, not a population result of \`credit-sim simulate --json\``,
      );
      expect(e.details.found, file).toContain(key);
      expect(e.details.hint, file).toMatch(/simulate … --shard I\/N --json/);
    }
    // a JSON scenario too, and a file of none of these kinds is still said to have no meta
    const json = refusedFile(write("scenario.json", JSON.stringify({ events: [], until: 30 })));
    expect(json.message).toMatch(/^a scenario file/);
    expect(refusedFile(write("other.json", '{"x": 1}')).details.found).toBe("no meta at the top");
  });

  it("a meta that is not a mapping is said to be that: not that there is no meta", () => {
    for (const [meta, found] of [
      ["[]", "a list"],
      ["5", "5"],
      ['"x"', '"x"'],
      ["null", "null"],
    ] as const) {
      const e = refusedFile(
        write("meta-kind.json", `{"format": "credit-sim/population@10", "meta": ${meta}}`),
      );
      expect(e.details.field, meta).toBe("meta");
      expect(e.details.expected, meta).toMatch(/a mapping/);
      expect(e.details.found, meta).toBe(found);
    }
  });

  it("a shard cut short is told so, not sent to look for a comma", () => {
    // a job stopped while writing its --json: 'cannot parse JSON: unterminated string' and 'check the JSON
    // syntax' sent the operator through a file whose only fault was its missing end
    const text = JSON.stringify(document(), null, 2);
    for (const end of [text.length - 40, text.length - 1, Math.floor(text.length / 2)]) {
      const e = refusedFile(write(`cut-${end}.json`, text.slice(0, end)));
      expect(e.message).toMatch(/^cannot parse JSON/);
      expect(e.details.hint).toMatch(/cut short/);
    }
    // a syntax slip within the file keeps its own hint
    const slip = refusedFile(write("slip.json", text.replace('"stress": null', '"stress": null,')));
    expect(slip.details.hint).toMatch(/check the JSON syntax/);
  });

  it("a stray comma is placed by line and column", () => {
    // in a list, where V8 names no position ("Unexpected token ','")
    const text = JSON.stringify(document(), null, 2).replace(/("counts": \[\s*\d+),/, "$1,,");
    const line = text.slice(0, text.indexOf(",,")).split("\n").length;
    const e = refusedFile(write("comma.json", text));
    expect(e.message).toMatch(/^cannot parse JSON/);
    expect(e.details.line).toBe(line);
  });

  it("a syntax error in the meta is placed by line and column too, as anywhere else in the file", () => {
    // the meta is read first, for the bound on the file's size: a trailing comma there (a hand edit) was
    // 'a meta that is not JSON', with no line, where the same comma one field lower was placed
    const lineOf = (text: string, s: string) => text.slice(0, text.indexOf(s)).split("\n").length;
    const text = JSON.stringify(document(), null, 2);
    for (const [name, edited, line] of [
      // the closing brace after the comma is where a key was expected
      ["trailing", text.replace('"stress": null', '"stress": null,'), lineOf(text, '"stress": null') + 1],
      ["nul", text.replace('"seed": 7', '"seed": 7\u0000'), lineOf(text, '"seed": 7')],
    ] as const) {
      const e = refusedFile(write(`meta-${name}.json`, edited));
      expect(e.message).toMatch(/^cannot parse JSON/);
      expect([e.details.line, e.details.column !== undefined]).toEqual([line, true]);
    }
  });

  it("a file that is not JSON is not quoted", () => {
    const e = refusedFile(
      write("secret.json", `{"format": "credit-sim/population@1", "meta": {"seed": "hunter2-secret`),
    );
    expect(e.format()).not.toContain("hunter2");
    const f = refusedFile(write("env.json", "API_TOKEN=hunter2-secret\n"));
    expect(f.format()).not.toContain("hunter2");
  });
});

describe("many shards", () => {
  /** The shards of one account each of a population of `n` (files s01.json, …), and its unsharded document. */
  function shards(name: string, n: number, { challenger = false, days = 90 } = {}) {
    const folder = join(dir, name);
    mkdirSync(folder);
    const files = Array.from({ length: n }, (_, i) => {
      const file = join(folder, `s${String(i + 1).padStart(2, "0")}.json`);
      writeFileSync(file, resultText(challenger, [i, i + 1], { accounts: n, days }));
      return file;
    });
    return { files, whole: resultText(challenger, [0, n], { accounts: n, days }) };
  }

  it("16 shards merged, in any order, equal the unsharded run byte for byte", {
    tags: ["slow"],
  }, async () => {
    // 16, not 40 (3.1 s → 1.2 s): merged unsorted, or with each shard's flips put before the total's, fail
    // here as they did on 40 (2 flips here, 4 there: neither reaches the sample's 20)
    const { files, whole } = shards("sixteen", 16, { challenger: true });
    const r = await cli(["merge", ...[...files].reverse(), "--json"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(whole);
  });

  it("merges 12 century-scale shards in a heap that holds a few: one shard is held at a time", {
    tags: ["slow"],
    timeout: 60_000,
  }, () => {
    // each shard of a ten-year horizon is ~3.5 MB once read; read all at once (a merge that held every
    // shard), 12 of them pass this 48 MB heap's limit (V8's 'heap out of memory', no report: checked),
    // where merge holds one shard beside the total and ran in 28 MB — 20 MB to spare, so a Node or a format
    // that needs a little more does not fail it. Half the 24 shards in 64 MB this once took
    const { files, whole } = shards("heap", 12, { days: 3650 });
    const r = spawnCli(["merge", ...files, "--json"], { env: { NODE_OPTIONS: "--max-old-space-size=48" } });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout === whole).toBe(true);
  }); // about 2 s on an idle host; a spawn with a small heap is slow beside other work

  it("every meta is checked before a body is read: a missing shard is said, not a later shard's bad body", async () => {
    const { files } = shards("order", 4);
    const bad = JSON.parse(readFileSync(files[2]!, "utf8"));
    at(bad, ["aggregates", "champion", 0]).opened = -1;
    writeFileSync(files[2]!, JSON.stringify(bad, null, 2));
    const r = await cli(["merge", files[0]!, files[2]!, files[3]!]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/a shard is missing/);
    expect(r.stderr).not.toMatch(/opened/);
    // with every shard there, the body's problem is said with its file and field
    const whole = await cli(["merge", ...files]);
    expect(whole.status).toBe(2);
    expect(whole.stderr).toMatch(/s03\.json[\s\S]*aggregates\.champion\[0\]\.opened/);
  });

  it("shards of an earlier version are all named at once, by the format at their top, as before a body was read in turn", async () => {
    const { files } = shards("versions", 3);
    for (const file of files)
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace(/"credit-sim\/population@\d+"/, '"credit-sim/population@6"'),
      );
    const r = await cli(["merge", ...files]);
    expect(r.status).toBe(2);
    for (const file of files)
      expect(r.stderr).toContain(`${file}: format: a population result of another version of credit-sim`);
    expect(r.stderr).toContain("3 problems");
  });

  it("a meta whose fields contradict each other is refused from the head, before the shards are laid out", async () => {
    // the range, the days and the arms were checked with the body alone: merge laid the shards out by a
    // range past the accounts first, and said "no file covers accounts 3000–1"
    const { files } = shards("contradicting", 2);
    const edit = (file: string, from: string, to: string) =>
      writeFileSync(file, readFileSync(file, "utf8").replace(from, to));
    edit(
      files[1]!,
      /"range": \[\s*1,\s*2\s*\]/.exec(readFileSync(files[1]!, "utf8"))![0],
      '"range": [1, 3000]',
    );
    const r = await cli(["merge", ...files]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${files[1]}: meta.range: not a population result`);
    expect(r.stderr).toContain("expected: accounts from..to within 0..2");
    expect(r.stderr).not.toMatch(/no file covers|missing/);
    // a range that starts past every account, however far
    const far = join(dir, "contradicting", "far.json");
    writeFileSync(
      far,
      resultText(false, [0, 30], {}).replace(/"range": \[\s*0,\s*30\s*\]/, '"range": [200000000, 5]'),
    );
    expect(() => readResultHead(far)).toThrow(/not a population result/);
    // the other fields checked against each other, from the head alone
    for (const [field, from, to] of [
      ["scoreDay", '"scoreDay": 0', '"scoreDay": 90'],
      ["challengerFrom", '"challengerFrom": 0', '"challengerFrom": 1000'],
    ] as const) {
      const file = join(dir, "contradicting", `${field}.json`);
      writeFileSync(file, resultText(false, [0, 30], {}).replace(from, to));
      let error: unknown;
      try {
        readResultHead(file);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems.map((p) => p.details.field)).toEqual([`meta.${field}`]);
    }
  });

  it("a file whose meta changed after its head was read is refused, not merged under the checks of the old", () => {
    const { files } = shards("changed", 2);
    const shard = readResultHead(files[0]!);
    writeFileSync(files[0]!, readFileSync(files[0]!, "utf8").replace('"seed": 7', '"seed": 8'));
    expect(() => shard.read()).toThrow(/the file changed while merge read it/);
  });
});

describe("simulate's own totals", () => {
  it("a population whose totals pass 2^53 fen is refused, not written with rounded sums no merge reads", {
    tags: ["slow"],
    timeout: 60_000,
  }, async () => {
    // ¥1,000,000,000 lines, spent at once and never repaid, at a 10 % daily penalty for 720 days: about
    // ¥7.3e10 (7.3e12 fen) an account, so 1,300 accounts total past 9,007,199,254,740,991 fen
    writeFileSync(
      join(dir, "rich.yaml"),
      "name: rich\nshare: 1\nprofile: { age: 40, monthlyIncome: 1000000000, verified: 1, creditHistoryMonths: 100 }\nopen: { day: 0, amount: 1000000000 }\nspending: { perMonth: 60, amount: 1000000000 }\nrepayment: { none: 1 }\n",
    );
    writeFileSync(
      join(dir, "lavish.yaml"),
      "name: lavish\nextends: default\nminOpenScore: 350\nmaxLimitIncomeMultiple: 1000000000\nmaxDebtToIncome: 100\nthinFileMaxLimit: 1000000000\nlimitBands: [{ minScore: 350, maxLimit: 1000000000 }]\npenaltyRatePerDay: 0.1\nchargeOffDays: 720\n",
    );
    const args = ["simulate", "./rich.yaml", "--policy", "./lavish.yaml", "--days", "760", "--workers", "1"];
    const r = await cli([...args, "--accounts", "1300", "--no-progress", "--json"], { cwd: dir });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^credit-sim: the population's totals go beyond exact numbers\n {2}found: {4}a total of \d+/,
    );
  });
});

describe("a --json document merge would refuse", () => {
  it("is said by simulate once written, with what to make smaller; one merge reads is not", () => {
    expect(unmergeableDocument(MAX_RESULT_BYTES)).toBeNull();
    expect(unmergeableDocument(314 * 2 ** 20)).toBe(
      "the --json document is 314 MB, more than the 256 MB `merge` reads: merge will refuse it (simulate fewer days, sweep values or personas in each run)",
    );
  });
});
