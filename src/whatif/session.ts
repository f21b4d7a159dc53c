// The interactive what-if session as a pure reducer: `sessionReducer(state, action) → state`. The state is
// the original run, the variant being edited, the undo history and what was last saved; `notice` says what
// the last action did, for the prompt loop (cli/whatif-session.ts) to show. No prompts and no terminal
// here: the loop asks, dispatches, and prints.
//
// Every edit goes through `applyEdit`, so a value is accepted exactly when the loader would accept it
// (which reads a policy file when an edit names one: the loader's own, cached, validation).

import type { Decision, LineId } from "../engine/index.js";
import { InputError } from "../shared/errors.js";
import { decisionsById, runVariant, type VariantRun } from "./run.js";
import {
  applyEdit,
  dayOf,
  type Edit,
  eventNumberAt,
  loadVariant,
  type Variant,
  warningsBrought,
  whatWritten,
} from "./variant.js";

export interface SessionState {
  /** the original scenario's run: what "run and compare" compares with */
  base: VariantRun;
  current: Variant;
  /** variants before each edit, the last on top (undo pops it) */
  history: readonly Variant[];
  /** the variant last saved, if any */
  saved: Variant | null;
  /** what the last action did */
  notice: Notice | null;
}

export type Notice =
  /** `warnings`: what the edit brings that `run` would warn of (warningsBrought), as `whatif`'s flags tell */
  | { kind: "edited"; note: string; warnings?: string[] }
  | { kind: "refused"; error: InputError }
  | { kind: "undid"; note: string }
  | { kind: "adopted"; notes: string[]; warnings?: string[] }
  | { kind: "saved"; file: string };

export type SessionAction =
  /** apply one edit to the current variant (refused, with the loader's message, when it is not valid) */
  | { type: "edit"; edit: Edit }
  /** back to the variant before the last edit */
  | { type: "undo" }
  /** replace the current variant with a search suggestion (undo brings back the variant before it) */
  | { type: "adopt"; variant: Variant }
  /** the current variant was written to `file` */
  | { type: "saved"; file: string };

export function startSession(base: VariantRun): SessionState {
  return { base, current: base.variant, history: [], saved: null, notice: null };
}

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case "edit": {
      const next = attempt(state.current, action.edit);
      if (next instanceof InputError) return { ...state, notice: { kind: "refused", error: next } };
      return {
        ...state,
        current: next,
        history: [...state.history, state.current],
        notice: { kind: "edited", note: next.notes.at(-1) ?? "", ...brought(state.current, next) },
      };
    }
    case "undo": {
      const previous = state.history.at(-1);
      if (previous === undefined) return { ...state, notice: null };
      return {
        ...state,
        current: previous,
        history: state.history.slice(0, -1),
        notice: { kind: "undid", note: state.current.notes.at(-1) ?? "" },
      };
    }
    case "adopt":
      return {
        ...state,
        current: action.variant,
        history: [...state.history, state.current],
        notice: {
          kind: "adopted",
          notes: action.variant.notes.slice(sharedNotes(state.current.notes, action.variant.notes)),
          ...brought(state.current, action.variant),
        },
      };
    case "saved":
      return { ...state, saved: state.current, notice: { kind: "saved", file: action.file } };
    default: {
      const never: never = action;
      throw new Error(`unknown session action ${JSON.stringify(never)}`);
    }
  }
}

/** How many edits two variants begin with alike: a suggestion searched from the current variant extends
 *  its edits, and only the ones it adds are news. */
function sharedNotes(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The cautions going from `before` to `after` brings, when there are any: a notice's `warnings`. */
function brought(before: Variant, after: Variant): { warnings?: string[] } {
  const warnings = warningsBrought(before, after);
  return warnings.length > 0 ? { warnings } : {};
}

/** The edited variant, or the loader's reason to refuse the edit. Bugs are rethrown. */
function attempt(v: Variant, edit: Edit): Variant | InputError {
  try {
    return applyEdit(v, edit, "edit");
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
}

/** Why an edit would be refused (the loader's message), or null when it applies. */
export function refusal(state: SessionState, edit: Edit): InputError | null {
  const r = attempt(state.current, edit);
  return r instanceof InputError ? r : null;
}

export const canUndo = (s: SessionState): boolean => s.history.length > 0;

export const editCount = (s: SessionState): number => s.current.notes.length;

/** Edits made since the last save (or any, when nothing was saved). */
export const hasUnsavedEdits = (s: SessionState): boolean =>
  s.current.notes.length > 0 && s.saved !== s.current;

export interface EventChoice {
  id: number;
  day: number;
  /** the event as written, in words */
  what: string;
  /** the decision it got in the current variant's run, if any */
  decision: Decision | null;
}

/** The current variant's events in timeline order, each with the decision it got: what pickers list. */
export function eventChoices(s: SessionState): EventChoice[] {
  const steps = decisionsById(runVariant(s.current));
  const start = s.current.original.start;
  return s.current.events
    .map((e, order) => ({ e, order, day: dayOf(e.event, start) }))
    .sort((a, b) => a.day - b.day || a.order - b.order)
    .map(({ e, day }) => ({
      id: e.id,
      day,
      what: whatWritten(e.event),
      decision: steps.get(e.id)?.decision ?? null,
    }));
}

/**
 * The line event `id` is on as the engine reads it — a written event without `line` is on the line its
 * type defaults to — or null when no line is fixed (a request_review without one reviews whichever is
 * suspended). Undefined for a type without a line.
 */
export function lineOfEvent(s: SessionState, id: number): LineId | null | undefined {
  const v = s.current;
  const e = loadVariant(v).scenario.events.find((x) => eventNumberAt(v, x.index) === id);
  return e !== undefined && "line" in e ? e.line : undefined;
}
