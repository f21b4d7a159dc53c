// Every function the library exports, handed an argument that is not what it reads: an InputError naming
// the argument (as the CLI names a field), never a TypeError from inside (`runScenario` of a loaded
// scenario with `expectations: [{}]` was "Cannot read properties of undefined (reading 'of')",
// `fenToYuan(1.5)` was "0.1.5", `fenToYuan(Infinity)` "Infinity.NaN").

import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";
import { fromRange } from "../src/population/result.js";
import { inputErrorOf } from "./helpers/input-error.js";
import { populationRequest } from "./helpers/population-request.js";

const loaded = lib.loadScenario("scenarios/default-charge-off.yaml");
const trace = lib.simulate(loaded.scenario);
const v = lib.baseVariant(loaded);
const vrun = lib.runVariant(v);

/** The error `f` throws: an InputError, or the test fails (a TypeError is rethrown). */
const refusal = (f: () => unknown) => inputErrorOf(f);

/** `f` called with arguments no signature allows */
const call =
  (f: unknown, ...args: unknown[]) =>
  () =>
    (f as (...a: unknown[]) => unknown)(...args);

const request = populationRequest([]);

describe("each exported function refuses a bad argument as an InputError naming it", () => {
  const cases: Array<[string, () => unknown, RegExp]> = [
    [
      "runScenario, expectations: [{}]",
      call(lib.runScenario, { ...loaded, expectations: [{}] }),
      /^source\.expectations\[0\]\.index: expected a whole number/,
    ],
    [
      "runScenario, expectations: null",
      call(lib.runScenario, { ...loaded, expectations: null }),
      /^source\.expectations: expected a list of expectations, found null$/,
    ],
    [
      "checkAll",
      call(lib.checkAll, trace, [{ ...loaded.expectations[0], line: "alipay" }]),
      /^expectations\[0\]\.line: expected one of "huabei", "jiebei"/,
    ],
    ["checkAll of no trace", call(lib.checkAll, null, []), /^trace: expected a trace/],
    ["checkExpectation", call(lib.checkExpectation, trace, null), /^expectation: expected an expectation/],
    ["goldenTrace", call(lib.goldenTrace, null, []), /^scenario: expected a scenario/],
    [
      "searchCounterfactual's goal",
      call(lib.searchCounterfactual, "approve", vrun, () => null),
      /^goal: expected one of "avoid-suspended", /,
    ],
    [
      "checkAll of an unknown reason",
      call(lib.checkAll, trace, [{ ...loaded.expectations[0], reasons: ["LATE"] }]),
      /^expectations\[0\]\.reasons\[0\]: expected a reason code of the catalogue \(REASON_CODES\), found "LATE"$/,
    ],
    [
      "goldenTrace of a step that is none",
      call(lib.goldenTrace, loaded.scenario, [{}]),
      /^steps\[0\]\.day: expected a whole number/,
    ],
    [
      "keyText of an engine key with no type",
      call(lib.keyText, { kind: "engine" }),
      /^key\.type: expected text/,
    ],
    [
      "clauseText of an unknown change",
      call(lib.clauseText, { day: 1, change: { kind: "zzz" } }),
      /^candidate\.change\.kind: expected one of "skip-application", /,
    ],
    ["goldenTrace's steps", call(lib.goldenTrace, loaded.scenario, null), /^steps: expected a list of steps/],
    ["scenarioYaml", call(lib.scenarioYaml, null), /^scenario: expected a scenario/],
    ["compareRuns", call(lib.compareRuns, null, null), /^base: expected a variant's run/],
    [
      "compareRuns, one bad",
      call(lib.compareRuns, vrun, { ...vrun, trace: {} }),
      /^variant\.trace\.scenario: expected text/,
    ],
    ["baseVariant", call(lib.baseVariant, null), /^loaded: expected a loaded scenario/],
    ["applyEdit of no edit", call(lib.applyEdit, v, null), /^edit: expected an edit/],
    [
      "applyEdit of an unknown kind",
      call(lib.applyEdit, v, { kind: "delete" }),
      /^edit\.kind: expected one of "remove", "add"/,
    ],
    [
      "applyEdit of a remove with no ids",
      call(lib.applyEdit, v, { kind: "remove" }),
      /^edit\.ids: expected a list of event numbers/,
    ],
    ["loadVariant", call(lib.loadVariant, {}), /^variant\.file: expected text/],
    ["runVariant", call(lib.runVariant, 7), /^variant: expected a variant/],
    ["variantYaml", call(lib.variantYaml, v, null), /^toFile: expected text/],
    ["decisionsById", call(lib.decisionsById, null), /^run: expected a variant's run/],
    ["compareTraces", call(lib.compareTraces, trace, trace, null), /^ids: expected the event numbers/],
    ["outcome", call(lib.outcome, "trace.txt"), /^trace: expected a trace/],
    ["keyText", call(lib.keyText, { kind: "x" }), /^key\.kind: expected one of "event", "engine", "also"/],
    ["comparisonToJson", call(lib.comparisonToJson, null), /^comparison: expected a comparison/],
    [
      "counterfactualToJson",
      call(lib.counterfactualToJson, {}),
      /^result\.goal: expected one of "avoid-suspended", /,
    ],
    ["problemText", call(lib.problemText, null), /^result: expected a search's result/],
    [
      "adviceText",
      call(lib.adviceText, { goal: "avoid-declined", base: trace }, null),
      /^solution: expected a solution/,
    ],
    ["clauseText", call(lib.clauseText, null), /^candidate: expected a candidate/],
    ["editOf", call(lib.editOf, { day: 1 }), /^candidate\.change: expected a change/],
    [
      "searchCounterfactual",
      call(lib.searchCounterfactual, "avoid-declined", null, () => null),
      /^base: expected the search's start/,
    ],
    ["summarise", call(lib.summarise, null), /^result: expected a population's result/],
    ["documentText", call(lib.documentText, { meta: null }), /^result\.meta: expected a run's meta/],
    ["mergeResults", call(lib.mergeResults, null), /^parts: expected a list of parts, found null$/],
    [
      "mergeResults, a part",
      call(lib.mergeResults, [{ file: "a.json" }]),
      /^parts\[0\]\.result: expected a population's result/,
    ],
    ["populationContext", call(lib.populationContext, null), /^settings: expected population settings/],
    [
      "populationContext, a start",
      call(lib.populationContext, {}),
      /^settings\.seed: expected a whole number/,
    ],
    ["preparePopulation", call(lib.preparePopulation, null, "."), /^request: expected a population request/],
    ["preparePopulation's cwd", call(lib.preparePopulation, undefined, 7), /^request: expected /],
    [
      "preparePopulation of no accounts",
      call(lib.preparePopulation, { ...request, accounts: 0 }, "."),
      /^request\.accounts: expected a whole number from 1 to 100000000, found 0$/,
    ],
    [
      "preparePopulation of days past the bound",
      call(lib.preparePopulation, { ...request, days: -5 }, "."),
      /^request\.days: expected a whole number from 1 to 36500, found -5$/,
    ],
    ["runRange", call(lib.runRange, null, [], 0, 1), /^settings: expected population settings/],
    ["makePlan", call(lib.makePlan, null, null, 0), /^context: expected a population context/],
    ["reactionsOf", call(lib.reactionsOf, null), /^persona: expected a persona/],
    [
      "new Agent",
      () => new (lib.Agent as unknown as new (...a: unknown[]) => unknown)(null),
      /^plan: expected a plan/,
    ],
    [
      "new AccountRunner",
      () => new (lib.AccountRunner as unknown as new (...a: unknown[]) => unknown)(null),
      /^ctx: expected a population context/,
    ],
    [
      "new OutcomeRecorder",
      () => new (lib.OutcomeRecorder as unknown as new (...a: unknown[]) => unknown)({}, 7),
      /^ctx: expected a population context/,
    ],
    ["auc", call(lib.auc, null, [1]), /^good: expected a histogram: a list of counts/],
    [
      "ks",
      call(lib.ks, [1], [Number.NaN]),
      /^bad\[0\]: expected a count: a finite number, 0 or more, found NaN$/,
    ],
    ["psi", call(lib.psi, "1,2", [1]), /^expected: expected a histogram: a list of counts/],
    ["scorePsi", call(lib.scorePsi, [1], {}), /^actual: expected a histogram: a list of counts/],
    ["gini", call(lib.gini, undefined), /^auc: expected an AUC: a number from 0 to 1, or null/],
    // an AUC past 1 made a Gini of 2 (gini(1.5)): no ranking is better than every good above every bad
    [
      "gini of an AUC past 1",
      call(lib.gini, 1.5),
      /^auc: expected an AUC: a number from 0 to 1, or null, found 1\.5$/,
    ],
    ["gini of an AUC below 0", call(lib.gini, -0.1), /^auc: expected an AUC/],
    [
      "auc of histograms over different bins",
      call(lib.auc, [1, 2], [1, 2, 3]),
      /^bad: expected a histogram over the same bins as good: 2 counts, found a list of 3$/,
    ],
    ["auc of a negative count", call(lib.auc, [1, -2], [1, 2]), /^good\[1\]: expected a count/],
    ["scoreReasons", call(lib.scoreReasons, null), /^scoring: expected a scoring/],
    [
      "fenToYuan of a fraction",
      call(lib.fenToYuan, 1.5),
      /^fen: expected whole fen: an integer .*, found 1\.5$/,
    ],
    ["fenToYuan of Infinity", call(lib.fenToYuan, Number.POSITIVE_INFINITY), /^fen: expected whole fen/],
    ["fenToYuan of text", call(lib.fenToYuan, "100"), /^fen: expected whole fen/],
    ["yuanToFen", call(lib.yuanToFen, Number.NaN), /^yuan: expected a yuan amount .*, found NaN$/],
    // 10^17 fen was handed out: no whole fen a double holds exactly, and fenToYuan refused it back
    [
      "yuanToFen past exact fen",
      call(lib.yuanToFen, 1e15),
      /^yuan: expected a yuan amount .*, found 1000000000000000$/,
    ],
    ["yuanToFen past exact fen, below", call(lib.yuanToFen, -1e14), /^yuan: expected a yuan amount/],
  ];

  it.each(cases)("%s", (_, f, message) => {
    const e = refusal(f);
    expect(e.message).toMatch(message);
    // told as the CLI tells it: the field named once, in the details too
    expect(e.details.field).toBe(e.message.split(": ")[0]);
  });

  it("every problem of a call at once", () => {
    expect(refusal(call(lib.preparePopulation, null, null)).problems.map((p) => p.details.field)).toEqual([
      "request",
      "cwd",
    ]);
    expect(refusal(call(lib.compareRuns, null, 7)).problems.map((p) => p.details.field)).toEqual([
      "base",
      "variant",
    ]);
    const both = refusal(
      call(lib.runScenario, { ...loaded, scenario: { ...loaded.scenario, name: "" }, expectations: null }),
    );
    expect(both.problems.map((p) => p.details.field)).toEqual(["name", "source.expectations"]);
  });
});

it("a long list is checked whole; its problems are told up to a file's number, then counted as more", () => {
  const good = Array.from({ length: 5000 }, () => 1);
  expect(refusal(call(lib.auc, good, [...good, Number.NaN])).message).toMatch(/^bad\[5000\]: /);
  const e = refusal(
    call(
      lib.ks,
      good.map(() => "1"),
      [1],
    ),
  );
  expect(e.problems).toHaveLength(20);
  expect(e.truncated).toBe(true);
  expect(lib.auc.name).toBe("auc");
});

describe("a field deep inside is checked as its file's is (each a TypeError from inside before)", () => {
  const population = lib.preparePopulation(request, ".");
  const result = fromRange(population.meta, lib.runRange(population.settings, population.personas, 0, 1));
  it.each([
    [
      "a step's event of no type a trace has",
      call(lib.goldenTrace, loaded.scenario, [
        { ...trace.steps[0]!, event: { ...trace.steps[0]!.event, type: "x" } },
      ]),
      /^steps\[0\]\.event\.type: expected an event's type: a scenario's or the engine's, found "x"$/,
    ],
    [
      "a result's policy reference that is no text",
      call(lib.mergeResults, [
        {
          result: { ...result, meta: { ...result.meta, policy: { ...result.meta.policy, ref: Number.NaN } } },
          file: "a.json",
        },
      ]),
      /^parts\[0\]\.result\.meta\.policy\.ref: /,
    ],
    [
      "a result's flips of a pair that are none",
      call(lib.documentText, { ...result, decisionFlips: [{}] }),
      /^result\.decisionFlips\[0\]\./,
    ],
  ])("%s", (_, f, message) => {
    expect(refusal(f).message).toMatch(message);
  });
});

describe("an InputError made by hand is one, whatever it is given", () => {
  it.each([
    [null, "null"],
    [undefined, "undefined"],
    [7, "7"],
    [{ toString: () => "told" }, "told"],
  ])("new InputError(%s) says %s", (message, said) => {
    const e = new lib.InputError(message as unknown as string);
    expect(e.message).toBe(said);
    expect(e.problems).toEqual([e]);
    expect(e.format()).toBe(said);
  });

  it("details of another kind are not kept, and a group that is none is no group", () => {
    const e = new lib.InputError("x", { field: 7, line: "3", hint: null } as never, 5 as never);
    expect(e.details).toEqual({ field: "7", hint: "null" });
    expect(e.problems).toEqual([e]);
    expect(new lib.InputError("x", null as never).details).toEqual({});
  });
});

describe("a getter is read once: the value checked is the value used", () => {
  it("a trace whose scenario answers text, then null, is compared as the text", () => {
    let reads = 0;
    const fickle = Object.defineProperty({ ...trace }, "scenario", {
      enumerable: true,
      get: () => (reads++ === 0 ? trace.scenario : null),
    });
    expect(lib.outcome(fickle)).toEqual(lib.outcome(trace));
    expect(reads).toBe(1);
  });
});

describe("what the functions are given as they hand it out still runs", () => {
  it("money, and a scenario's expectations", () => {
    expect([0, 7, -150, 123456].map(lib.fenToYuan)).toEqual(["0.00", "0.07", "-1.50", "1234.56"]);
    expect(lib.yuanToFen(12.34)).toBe(1234);
    expect(lib.yuanToFen(90_071_992_547_409.91)).toBe(Number.MAX_SAFE_INTEGER);
    const run = lib.runScenario(loaded);
    expect(run.results.length).toBe(loaded.expectations.length);
    expect(lib.checkAll(trace, loaded.expectations)).toEqual(run.results);
  });

  it("a population: prepared, its context, a range run, summarised, written and merged", () => {
    const population = lib.preparePopulation(request, ".");
    const ctx = lib.populationContext(population.settings);
    expect(ctx.until).toBe(39);
    const persona = population.personas[0]!;
    const plan = lib.makePlan(ctx, persona, 0);
    const schedule = { day: [], habit: [], statement: [] };
    // the copy checked is the one it keeps
    expect(new lib.Agent(plan, ctx, lib.reactionsOf(persona), schedule).plan).toEqual(plan);
    expect(new lib.AccountRunner(ctx)).toBeInstanceOf(lib.AccountRunner);
    expect(new lib.OutcomeRecorder({} as lib.AccountOutcome, ctx)).toBeInstanceOf(lib.OutcomeRecorder);
    const range = lib.runRange(population.settings, population.personas, 0, 2);
    const result = fromRange(population.meta, range);
    const read = lib.fromDocument(JSON.parse(lib.documentText(result)), "a.json");
    expect(lib.mergeResults([{ result: read, file: "a.json" }]).meta.accounts).toBe(2);
    expect(lib.summarise(read)).toEqual(lib.summarise(result));
  });

  it("a what-if: a variant edited, run and compared", () => {
    const first = v.events[0]!;
    const edited = lib.applyEdit(v, { kind: "remove", ids: [first.id] });
    const comparison = lib.compareRuns(vrun, lib.runVariant(edited));
    expect(lib.comparisonToJson(comparison).differences).toBeDefined();
    expect(lib.decisionsById(vrun).size).toBeGreaterThan(0);
    expect(lib.goldenTrace(loaded.scenario, trace.steps)).toMatch(/^# /);
    expect(lib.variantYaml(edited, "out.yaml")).toMatch(/events:/);
  });
});
