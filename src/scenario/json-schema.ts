// The JSON Schema editors use, generated from the same zod schema the loader validates with.

import * as z from "zod";
import { ScenarioSchema } from "./schema.js";

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: "https://credit-sim.invalid/schema/scenario.schema.json",
    title: "credit-sim scenario",
  };
}
