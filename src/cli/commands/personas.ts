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
  const rows = personas.map((p) => ({
    head: `${p.name.padEnd(w)}${`${((p.share / total) * 100).toFixed(1)} %`.padEnd(9)}`,
    description: p.description,
  }));
  // a description is what a newcomer reads the list for: on a terminal too narrow for it beside its
  // persona it goes beneath, as prose the terminal's width wraps (beside, a folded row cut it short)
  const fitTo = io.stdout.fitTo;
  const beside = fitTo === undefined || rows.every((r) => (r.head + r.description).length <= fitTo);
  const lines = [
    c.bold(beside ? `${"persona".padEnd(w)}share    description` : `${"persona".padEnd(w)}share`),
  ];
  for (const r of rows) {
    if (beside) lines.push(`${r.head}${r.description}`);
    else lines.push(r.head.trimEnd(), `    ${r.description}`);
  }
  const folder = relative(io.cwd, dirname(personas[0]?.file ?? "personas/x")) || ".";
  lines.push("", c.dim(`files: ${folder}/*.yaml — pass a name or a path to \`credit-sim simulate\``));
  out(`${lines.join("\n")}\n`);
}
