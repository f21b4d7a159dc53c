// `credit-sim personas`: the shipped behaviour personas and their shares (or the persona JSON Schema).

import { basename, dirname, relative } from "node:path";
import { builtinPersonaNames, loadPersonas } from "../../population/persona.js";
import { personaJsonSchema } from "../../population/persona-schema.js";
import { type CliIo, stdoutColour } from "../io.js";
import type { PersonasInvocation } from "../options/population.js";

export function personasCommand(o: PersonasInvocation["options"], io: CliIo): void {
  const out = (text: string) => io.stdout.write(text);
  if (o.schema) {
    out(`${JSON.stringify(personaJsonSchema(), null, 2)}\n`);
    return;
  }
  const personas = loadPersonas(builtinPersonaNames(), io.cwd);
  const total = personas.reduce((a, p) => a + p.share, 0);
  if (o.json) {
    const list = personas.map(({ file, ...p }) => ({
      ...p,
      share: p.share,
      normalisedShare: p.share / total,
      file: basename(file),
    }));
    out(`${JSON.stringify(list, null, 2)}\n`);
    return;
  }
  const c = stdoutColour(io, o.color);
  const w = Math.max(...personas.map((p) => p.name.length)) + 2;
  const lines = [c.bold(`${"persona".padEnd(w)}share    description`)];
  for (const p of personas) {
    lines.push(`${p.name.padEnd(w)}${`${((p.share / total) * 100).toFixed(1)} %`.padEnd(9)}${p.description}`);
  }
  const folder = relative(io.cwd, dirname(personas[0]?.file ?? "personas/x")) || ".";
  lines.push("", c.dim(`files: ${folder}/*.yaml — pass a name or a path to \`credit-sim simulate\``));
  out(`${lines.join("\n")}\n`);
}
