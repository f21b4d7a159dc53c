// `credit-sim policies`: the built-in policies side by side, parameter by parameter.

import type { Policy } from "../../engine/index.js";
import { BUILTIN_POLICY_DIR, builtinPolicyNames, loadPolicy } from "../../scenario/load-policy.js";
import { type CliIo, stdoutColour } from "../io.js";

export function policiesCommand(options: { json: boolean; color: boolean }, io: CliIo): void {
  const cache = new Map<string, Policy>();
  const policies = builtinPolicyNames().map((n) => loadPolicy(n, BUILTIN_POLICY_DIR, cache));
  if (options.json) {
    io.stdout.write(`${JSON.stringify(policies, null, 2)}\n`);
    return;
  }
  const c = stdoutColour(io, options.color);
  const keys = Object.keys(policies[0] ?? {}).filter((k) => k !== "name" && k !== "description");
  const width = Math.max(...keys.map((k) => k.length));
  const lines = [c.bold(`${"parameter".padEnd(width)}  ${policies.map((p) => p.name.padEnd(28)).join("")}`)];
  for (const key of keys) {
    const cells = policies.map((p) => {
      const v = (p as unknown as Record<string, unknown>)[key];
      const text = Array.isArray(v)
        ? v.map((b: { minScore: number; maxLimit: number }) => `${b.minScore}:${b.maxLimit}`).join(" ")
        : String(v);
      return text.padEnd(28);
    });
    lines.push(`${key.padEnd(width)}  ${cells.join("")}`);
  }
  lines.push("", ...policies.map((p) => `${c.bold(p.name)}: ${p.description}`), "");
  io.stdout.write(lines.join("\n"));
}
