// The population request tests hand to preparePopulation: the default policy from day 0, no
// challenger, seed 1 from 2024-01-01 — `simulate`'s defaults at a size that runs in moments.
import type { PopulationRequest } from "../../src/population/setup.js";

export const populationRequest = (personas: string[], accounts = 2, days = 40): PopulationRequest => ({
  personas,
  accounts,
  days,
  seed: 1,
  start: "2024-01-01",
  policy: "default",
  challenger: undefined,
  challengerFrom: 0,
  challengerSet: {},
});
