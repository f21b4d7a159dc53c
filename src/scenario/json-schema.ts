// The JSON Schemas editors use, generated from the same zod schemas the loaders validate with.

import { realpathSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import * as z from "zod";
import { isWithin } from "../shared/paths.js";
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
const SCENARIO_SCHEMA_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../../schema/scenario.schema.json",
);

/** The path from `folder` to the shipped schema, the YAML language server's way to find it, for the
 *  first line of a scenario written there (schemaComment) — or null, and no such line. A file is shared (committed,
 *  attached to a report, pasted into an issue): the path is written only when the file's folder and the
 *  schema are both in the working folder `cwd` or below (the repository, or a project that installs
 *  credit-sim in its node_modules), where it names the same file in every checkout. Otherwise it walked
 *  up out of it to wherever credit-sim is installed — `../../../home/<user>/.npm/_npx/…` — telling whose
 *  machine wrote it and naming nothing on anyone else's. */
function schemaRef(folder: string, cwd: string): string | null {
  const [here, schema, dir] = [cwd, SCENARIO_SCHEMA_FILE, resolve(cwd, folder)].map(realPath) as [
    string,
    string,
    string,
  ];
  if (!isWithin(schema, here) || !isWithin(dir, here)) return null;
  return relative(dir, schema).split(sep).join("/");
}

/** A path with its links resolved as far as it exists (a folder about to be made is not there yet). */
function realPath(path: string): string {
  const parent = dirname(path);
  try {
    return realpathSync(path);
  } catch {
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

/** The comment a scenario written into `folder` (`cwd`: the working folder) opens with, without the
 *  comment's mark (each writer sets it in its own comment), or null: none, see schemaRef. */
export function schemaComment(folder: string, cwd: string): string | null {
  const ref = schemaRef(folder, cwd);
  return ref === null ? null : `yaml-language-server: $schema=${ref}`;
}
