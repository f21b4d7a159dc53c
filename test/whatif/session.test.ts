// The what-if session as a reducer: (state, action) → state, driven without any prompt.

import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/load.js";
import { runVariant } from "../../src/whatif/run.js";
import {
  canUndo,
  editCount,
  eventChoices,
  hasUnsavedEdits,
  refusal,
  type SessionState,
  sessionReducer,
  startSession,
} from "../../src/whatif/session.js";
import { baseVariant, warningsBrought } from "../../src/whatif/variant.js";

const LATE = "test/fixtures/whatif/late-payer.yaml";
const base = runVariant(baseVariant(loadScenario(LATE)));
const start = () => startSession(base);
const remove5: SessionState = sessionReducer(start(), {
  type: "edit",
  edit: { kind: "remove", ids: [5] },
});

describe("session reducer", () => {
  it("starts on the original, with nothing to undo and nothing to save", () => {
    const s = start();
    expect(s.current).toBe(base.variant);
    expect(canUndo(s)).toBe(false);
    expect(editCount(s)).toBe(0);
    expect(hasUnsavedEdits(s)).toBe(false);
    expect(s.notice).toBeNull();
  });

  it("applies an edit: a new current variant, the old one on the undo history, a notice with its note", () => {
    expect(remove5.current.events.map((e) => e.id)).not.toContain(5);
    expect(remove5.history).toEqual([base.variant]);
    expect(remove5.notice).toEqual({
      kind: "edited",
      note: "removed #5 (apply for +¥2,000.00 limit on day 24)",
    });
    expect(canUndo(remove5)).toBe(true);
    expect(hasUnsavedEdits(remove5)).toBe(true);
  });

  it("refuses an edit the loader would refuse, leaving the variant and history as they were", () => {
    const s = sessionReducer(remove5, { type: "edit", edit: { kind: "edit", id: 5, patch: { day: 30 } } });
    expect(s.current).toBe(remove5.current);
    expect(s.history).toBe(remove5.history);
    expect(s.notice?.kind).toBe("refused");
    if (s.notice?.kind === "refused") expect(s.notice.error.message).toBe("event #5 was already removed");
    expect(refusal(remove5, { kind: "set", params: { minScore: 600 } })).toBeNull();
    expect(refusal(remove5, { kind: "set", params: { minScore: 2000 } })?.message).toContain("out of range");
  });

  it("undoes the last edit, saying which; undo with nothing to undo changes nothing", () => {
    const s = sessionReducer(remove5, { type: "undo" });
    expect(s.current).toBe(base.variant);
    expect(s.history).toEqual([]);
    expect(s.notice).toEqual({
      kind: "undid",
      note: "removed #5 (apply for +¥2,000.00 limit on day 24)",
    });
    const again = sessionReducer(s, { type: "undo" });
    expect(again.current).toBe(s.current);
    expect(again.notice).toBeNull();
  });

  it("adopts a suggestion as the edits (undo brings the user's own back), noting only the new edits", () => {
    const suggestion = sessionReducer(start(), {
      type: "edit",
      edit: { kind: "edit", id: 7, patch: { day: 60 } },
    }).current;
    const s = sessionReducer(remove5, { type: "adopt", variant: suggestion });
    expect(s.current).toBe(suggestion);
    expect(s.notice).toEqual({
      kind: "adopted",
      notes: ["edited #7 (repay full on day 85): day: 60"],
    });
    expect(sessionReducer(s, { type: "undo" }).current).toBe(remove5.current);
  });

  it("an edit that brings a caution says it, as `whatif --set` and `run` warn of it: once, where it is written", () => {
    // a penalty below the interest it replaces runs, with a warning: the session's edit told none
    const cheap = sessionReducer(start(), {
      type: "edit",
      edit: { kind: "set", params: { penaltyRatePerDay: 0.0001 } },
    });
    expect(cheap.notice).toMatchObject({ kind: "edited", note: "policy penaltyRatePerDay=0.0001" });
    const warnings = cheap.notice?.kind === "edited" ? (cheap.notice.warnings ?? []) : [];
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^--set: penaltyRatePerDay: a penalty below the interest it replaces: /);
    // the same text the flags give (editsWarnings): one rule for both
    expect(warnings).toEqual(warningsBrought(base.variant, cheap.current));
    // told once: the next edit that leaves it as it was brings none
    const next = sessionReducer(cheap, { type: "edit", edit: { kind: "remove", ids: [5] } });
    expect(next.notice).toEqual({
      kind: "edited",
      note: "removed #5 (apply for +¥2,000.00 limit on day 24)",
    });
    // an event added with such a `set` is told at its number, as a file's event is
    const added = sessionReducer(start(), {
      type: "edit",
      edit: { kind: "add", event: { day: 30, type: "policy", set: { jiebeiPenaltyRatePerDay: 0.0001 } } },
    });
    const at = added.notice?.kind === "edited" ? (added.notice.warnings ?? []) : [];
    expect(at).toHaveLength(1);
    expect(at[0]).toMatch(/\(what-if\): event #\d+\.set\.jiebeiPenaltyRatePerDay: a penalty below/);
    // a sane value warns of nothing
    const sane = sessionReducer(start(), { type: "edit", edit: { kind: "set", params: { minScore: 610 } } });
    expect(sane.notice).toEqual({ kind: "edited", note: "policy minScore=610" });
  });

  it("knows what is saved: nothing unsaved right after a save, unsaved again after the next edit", () => {
    const saved = sessionReducer(remove5, { type: "saved", file: "v.yaml" });
    expect(saved.notice).toEqual({ kind: "saved", file: "v.yaml" });
    expect(hasUnsavedEdits(saved)).toBe(false);
    const more = sessionReducer(saved, { type: "edit", edit: { kind: "set", params: { minScore: 610 } } });
    expect(hasUnsavedEdits(more)).toBe(true);
    expect(editCount(more)).toBe(2);
  });

  it("is pure: the state passed in is never changed", () => {
    const before = JSON.stringify({ ...remove5, base: null, notice: null });
    sessionReducer(remove5, { type: "edit", edit: { kind: "remove", ids: [6] } });
    sessionReducer(remove5, { type: "undo" });
    sessionReducer(remove5, { type: "saved", file: "x.yaml" });
    expect(JSON.stringify({ ...remove5, base: null, notice: null })).toBe(before);
  });

  it("lists the current events in timeline order with the decision each got", () => {
    const choices = eventChoices(remove5);
    expect(choices.map((c) => c.id)).not.toContain(5);
    const days = choices.map((c) => c.day);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(choices.find((c) => c.id === 6)).toMatchObject({
      day: 26,
      what: "apply for +¥2,000.00 limit",
    });
    expect(choices.find((c) => c.id === 1)?.decision).toBe("approved");
  });
});
