// Every property test draws its cases from one seed, so that a run's result is the code's, not the draw's:
// a red CI is red again on a re-run and on a developer's machine, and a green one is not luck. The cases
// stay many and varied (each property draws hundreds from the seed); PROPERTY_SEED=<n> draws others, and
// PROPERTY_SEED=random a new draw each run — the way to explore, with PROPERTY_RUNS for more cases.
import fc from "fast-check";

const asked = process.env.PROPERTY_SEED;
fc.configureGlobal({
  ...(asked === "random" ? {} : { seed: Number(asked ?? 1) }),
  // a failure shrinks for a minute at most (shrinking a long timeline can otherwise take many minutes)
  interruptAfterTimeLimit: 60_000,
});

/** How many cases a property draws: `fallback`, unless PROPERTY_RUNS asks for another number. */
export const propertyRuns = (fallback: number): number => Number(process.env.PROPERTY_RUNS ?? 0) || fallback;
