// The JSON Schemas editors use, generated from the same zod schemas the loaders validate with.

import { dirname, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import * as z from "zod";
import { ScenarioSchema } from "./schema.js";

/** A zod schema as the JSON Schema a file's `$schema` points at (`schema/<file>.schema.json`). */
export function jsonSchemaOf(schema: z.ZodType, file: string, title: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { ...json, $id: `https://credit-sim.invalid/schema/${file}.schema.json`, title };
}

/** The scenario format as editors see it: without the deprecated `seed` (the loader still reads it, with
 *  a warning), so an editor flags the line to remove. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(ScenarioSchema.omit({ seed: true }), "scenario", "credit-sim scenario");
}

/** The shipped schema/scenario.schema.json (the same relative place from src/ and from dist/). */
export const SCENARIO_SCHEMA_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../../schema/scenario.schema.json",
);

/** The first line of a scenario written into `folder`: the YAML language server finds the schema by it. */
export function schemaLine(folder: string): string {
  const ref = relative(resolve(folder), SCENARIO_SCHEMA_FILE).split(sep).join("/");
  return `# yaml-language-server: $schema=${ref}`;
}
