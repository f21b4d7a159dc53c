// `credit-sim policies`: the built-in policies side by side, parameter by parameter.

import { POLICY_PARAMETERS, type Policy } from "../../engine/index.js";
import { BUILTIN_POLICY_DIR, builtinPolicyNames, loadPolicy } from "../../scenario/load-policy.js";
import { type CliIo, stdoutColour } from "../io.js";

export function policiesCommand(options: { json: boolean; color: boolean }, io: CliIo): void {
  const reading = { cache: new Map<string, Policy>(), roots: [] };
  const policies = builtinPolicyNames().map((n) => loadPolicy(n, BUILTIN_POLICY_DIR, reading));
  if (options.json) {
    io.stdout.write(`${JSON.stringify(policies, null, 2)}\n`);
    return;
  }
  const c = stdoutColour(io, options.color);
  const keys = Object.keys(policies[0] ?? {}).filter((k) => k !== "name" && k !== "description");
  const width = Math.max(...keys.map((k) => k.length));
  const text = (p: Policy, key: string): string => {
    const v = (p as unknown as Record<string, unknown>)[key];
    return Array.isArray(v)
      ? v.map((b: { minScore: number; maxLimit: number }) => `${b.minScore}:${b.maxLimit}`).join(" ")
      : String(v);
  };
  // each column as wide as its longest number, two spaces apart; a band list (wider than any number) is
  // written beneath its row, a policy a line, rather than widening every row past a terminal's width
  const lists = keys.filter((k) =>
    policies.some((p) => Array.isArray((p as unknown as Record<string, unknown>)[k])),
  );
  const columns = policies.map(
    (p) =>
      Math.max(p.name.length, ...keys.filter((k) => !lists.includes(k)).map((k) => text(p, k).length)) + 2,
  );
  const row = (first: string, cells: string[]) =>
    `${first.padEnd(width)}  ${cells.map((t, i) => t.padEnd(columns[i]!)).join("")}`.trimEnd();
  const lines = [
    c.bold(
      row(
        "parameter",
        policies.map((p) => p.name),
      ),
    ),
  ];
  // what each parameter means, dim beneath its rows (as `reasons` says what helps): a name alone says
  // little of `grantUsedFraction` or `burstLargeFraction`
  const meaning = (key: string) => {
    const spec = (POLICY_PARAMETERS as Record<string, { text: string } | undefined>)[key];
    if (spec !== undefined) lines.push(c.dim(`    ${spec.text}`));
  };
  for (const key of keys) {
    if (!lists.includes(key)) {
      lines.push(
        row(
          key,
          policies.map((p) => text(p, key)),
        ),
      );
      meaning(key);
      continue;
    }
    lines.push(key);
    // beside each name, or — when one would not fit the terminal — every one beneath its name: folded
    // one by one, one policy's list sat beneath its name and the other's beside it; indented past the
    // meaning's four spaces, which read as one more policy's list at the same indent
    const beside = policies.map((p) => `  ${p.name.padEnd(width)}${text(p, key)}`);
    const fitTo = io.stdout.fitTo;
    if (fitTo === undefined || beside.every((l) => l.length <= fitTo)) lines.push(...beside);
    else for (const p of policies) lines.push(`  ${p.name}`, `      ${text(p, key)}`);
    meaning(key);
  }
  lines.push("", ...policies.map((p) => `${c.bold(p.name)}: ${p.description}`), "");
  io.stdout.write(lines.join("\n"));
}
