// `credit-sim schema`: the JSON Schema of scenario files, generated from the validator.

import { scenarioJsonSchema } from "../../scenario/json-schema.js";
import type { CliIo } from "../io.js";

export function schemaCommand(io: CliIo): void {
  io.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
}
