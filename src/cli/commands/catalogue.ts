// `reasons`, `policies`, `schema`: the reference material, printed.

import { REASON_CODES, REASONS } from "../../engine/index.js";
import { scenarioJsonSchema } from "../../scenario/json-schema.js";
import { BUILTIN_POLICY_DIR, builtinPolicyNames, loadPolicy } from "../../scenario/load-policy.js";
import { makeChalk, out } from "../../shared/terminal.js";

export function reasonsCommand(opts: { json?: boolean }): void {
  if (opts.json) {
    out(
      `${JSON.stringify(
        REASON_CODES.map((code) => ({ code, ...REASONS[code] })),
        null,
        2,
      )}\n`,
    );
    return;
  }
  const c = makeChalk();
  const width = Math.max(...REASON_CODES.map((r) => r.length));
  const groups = [
    ["score", "Scorecard reasons (characteristics furthest below their maximum)"],
    ["adverse", "Decision reasons"],
    ["positive", "Approvals and restorations"],
  ] as const;
  const lines: string[] = [];
  for (const [kind, title] of groups) {
    lines.push(c.bold(title));
    for (const code of REASON_CODES.filter((r) => REASONS[r].kind === kind)) {
      lines.push(
        `  ${code.padEnd(width)}  ${REASONS[code].text}`,
        c.dim(`  ${" ".repeat(width)}  what helps: ${REASONS[code].advice}`),
      );
    }
    lines.push("");
  }
  out(lines.join("\n"));
}

export function policiesCommand(opts: { json?: boolean }): void {
  const cache = new Map();
  const policies = builtinPolicyNames().map((n) => loadPolicy(n, BUILTIN_POLICY_DIR, cache));
  if (opts.json) {
    out(`${JSON.stringify(policies, null, 2)}\n`);
    return;
  }
  const c = makeChalk();
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
  out(lines.join("\n"));
}

export function schemaCommand(): void {
  out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
}
