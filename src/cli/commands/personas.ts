// `credit-sim personas`: the shipped behaviour personas and their shares (or the persona JSON Schema).

import { basename, dirname, relative } from "node:path";
import { builtinPersonaNames, loadPersonas } from "../../population/persona.js";
import { personaJsonSchema } from "../../population/persona-schema.js";
import { renderPersonas } from "../../render/personas.js";
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
  const folder = relative(io.cwd, dirname(personas[0]?.file ?? "personas/x")) || ".";
  const rows = personas.map((p) => ({ name: p.name, share: p.share / total, description: p.description }));
  out(renderPersonas(rows, folder, stdoutColour(io, o.color), io.stdout.fitTo));
}
