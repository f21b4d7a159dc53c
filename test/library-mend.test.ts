// Mends of the library's door: a hand-built scenario's misspelt field refused as its file's would be.

import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../src/engine/index.js";
import * as lib from "../src/index.js";
import { inputErrorOf } from "./helpers/input-error.js";
import { populationRequest } from "./helpers/population-request.js";

describe("a hand-built scenario's field that no scenario has is refused, as its file's would be", () => {
  const loaded = lib.loadScenario("scenarios/zhang-ming.yaml");
  const sc = loaded.scenario;
  const purchase = sc.events.findIndex((e) => e.type === "purchase");
  const withEvent = (patch: Record<string, unknown>) => ({
    ...sc,
    events: sc.events.map((e, j) => (j === purchase ? { ...e, ...patch } : e)),
  });

  // each was taken and ignored: `evnets` ran a scenario of no events as the one written
  it.each([
    ["simulate", (s: unknown) => lib.simulate(s as never)],
    ["run", (s: unknown) => lib.run(s as never, {})],
    ["runScenario", (s: unknown) => lib.runScenario({ ...loaded, scenario: s } as never)],
  ])("%s refuses a misspelt field of the scenario, its profile and an event", (_, f) => {
    const top = inputErrorOf(() => f({ ...sc, evnets: [] }));
    expect(top.message).toBe(
      'evnets: unknown field "evnets": expected one of name, description, start, until, seed, policy, profile, events, observe (did you mean "events"?)',
    );
    expect(top.details.field).toBe("evnets");
    expect(inputErrorOf(() => f({ ...sc, profile: { ...sc.profile, agee: 30 } })).message).toMatch(
      /^profile\.agee: unknown field "agee": expected one of age, monthlyIncome, .* \(did you mean "age"\?\)$/,
    );
    expect(inputErrorOf(() => f(withEvent({ merchnat: "x" }))).message).toBe(
      `events[${purchase}].merchnat: unknown field "merchnat": expected one of day, index, type, amount, merchant, instalments (did you mean "merchant"?)`,
    );
    // a word near no field is told to be removed
    expect(inputErrorOf(() => f(withEvent({ zzz: 1 }))).message).toMatch(
      /\.zzz: unknown field "zzz": .* \(remove it\)$/,
    );
  });

  it("every shipped scenario, as loaded, runs as before", () => {
    for (const file of ["zhang-ming", "default-charge-off"])
      expect(lib.simulate(lib.loadScenario(`scenarios/${file}.yaml`).scenario).steps.length).toBeGreaterThan(
        0,
      );
  });
});

describe("the methods of Agent and OutcomeRecorder check what they are handed, as their constructors do", () => {
  const population = lib.preparePopulation(populationRequest(["steady-payer"]), ".");
  const ctx = lib.populationContext(population.settings);
  const persona = population.personas[0]!;
  const plan = lib.makePlan(ctx, persona, 0);
  const reactions = lib.reactionsOf(persona);
  const schedule = { day: [], habit: [], statement: [] };
  // an engine state and a decision as a caller has them: from run()'s recorder
  let state: lib.EngineState | undefined;
  const notes: lib.DecisionNote[] = [];
  lib.run(lib.loadScenario("scenarios/zhang-ming.yaml").scenario, {
    decision: (n) => notes.push(n),
    end: (s) => {
      state = s;
    },
  });
  const note = notes[0]!;
  const agent = () => new lib.Agent(plan, ctx, reactions, schedule);
  const recorder = () => new lib.OutcomeRecorder({} as lib.AccountOutcome, ctx);
  const call = (o: object, method: string, ...args: unknown[]) =>
    (o as Record<string, (...a: unknown[]) => unknown>)[method]!(...args);

  it.each([
    // each a TypeError from inside
    ["step", "no state", [0, null], /^state: expected an engine state: /],
    ["step", "no day", [null, state], /^day: expected a whole number from 0 to 36500, found null$/],
    ["purchasesOn", "no state", [0, undefined], /^state: expected an engine state: /],
    ["observe", "no note", [null], /^note: expected a decision note: /],
    ["observe", "a note of no event", [{ ...note, event: null }], /^note: expected a decision note: /],
    ["useCalendarOf", "no policy", [null, 0], /^policy: /],
    // each answered a day no run has (NaN, -1) as if it were one
    [
      "nextDay",
      "a day of NaN",
      [Number.NaN, 10],
      /^day: expected a whole number from 0 to 36500, found NaN$/,
    ],
    ["nextPurchase", "a never of -1", [0, -1], /^never: expected a whole number from 0 to 36501, found -1$/],
  ])("Agent.%s refuses %s", (method, _, args, message) => {
    expect(inputErrorOf(() => call(agent(), method, ...args)).message).toMatch(message);
  });

  it.each([
    ["decision", "no note", [null, state], /^note: expected a decision note: /],
    ["decision", "no state", [note, null], /^state: expected an engine state: /],
    ["endOfDay", "no state", [undefined, 0, () => 700], /^state: expected an engine state: /],
    ["endOfDay", "a score that is no function", [state, 0, 700], /^score: expected a function, found 700$/],
    ["clone", "no events", [null], /^events: expected /],
  ])("OutcomeRecorder.%s refuses %s", (method, _, args, message) => {
    expect(inputErrorOf(() => call(recorder(), method, ...args)).message).toMatch(message);
  });

  it("OutcomeRecorder.start checks its context and events, and what it makes checks its own", () => {
    expect(inputErrorOf(() => lib.OutcomeRecorder.start(null as never, new Int32Array(3))).message).toMatch(
      /^ctx: expected a population context/,
    );
    const r = lib.OutcomeRecorder.start(ctx, new Int32Array(EVENT_TYPES.length));
    expect(r).toBeInstanceOf(lib.OutcomeRecorder);
    expect(inputErrorOf(() => r.decision(null as never, state!)).message).toMatch(/^note: /);
  });

  it("a good call answers as before; a clone is checked as its original is", () => {
    const a = agent();
    // a state no day has opened yet (its day -1) is the engine's too: the review bench steps one
    expect(a.step(0, { ...state!, day: -1 })).toEqual([]);
    expect(a.step(0, state!)).toEqual([]);
    expect(a.nextDay(0, 40)).toBeGreaterThan(0);
    // every decision a run hands its recorder, the engine's own (a review's) too
    expect(new Set(notes.map((n) => n.event.type)).size).toBeGreaterThan(1);
    for (const n of notes) a.observe(n);
    const b = a.clone();
    expect(b).toBeInstanceOf(lib.Agent);
    expect(inputErrorOf(() => b.step(0, null as never)).message).toMatch(/^state: /);
    // a recorder to record with is start()'s (the constructor's outcome is the caller's to fill)
    const r = lib.OutcomeRecorder.start(ctx, new Int32Array(EVENT_TYPES.length));
    for (const n of notes) r.decision(n, state!);
    r.endOfDay(state!, 0, () => 700);
    const c = r.clone(new Int32Array(EVENT_TYPES.length));
    expect(c).toBeInstanceOf(lib.OutcomeRecorder);
    expect(c.o.scores[0]).toBe(700);
  });
});
