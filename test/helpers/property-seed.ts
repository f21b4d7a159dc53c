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

// `npm test` (the fast tier) draws a share of each count (PROPERTY_SHARE=0.25), from the same seed;
// `npm run test:slow` runs every file that draws through here (each carries `@module-tag property`,
// test/property-tags.test.ts) again with the full counts, as CI does.
const share = Number(process.env.PROPERTY_SHARE ?? 1);

/** How many cases a property draws: `fallback` (its share of it in the fast tier), unless PROPERTY_RUNS
 *  asks for another number. */
export const propertyRuns = (fallback: number): number =>
  Number(process.env.PROPERTY_RUNS ?? 0) ||
  (share > 0 && share < 1 ? Math.max(1, Math.ceil(fallback * share)) : fallback);
