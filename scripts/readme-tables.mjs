// Regenerates the README's reference tables (reason codes, scorecard, policy parameters) from the code
// and the shipped policies, between <!-- NAME:start --> and <!-- NAME:end --> markers.
// `node scripts/readme-tables.mjs` rewrites README.md; `--check` exits 1 when it is stale (a test runs it).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = fileURLToPath(new URL("..", import.meta.url));
const { REASONS, REASON_CODES } = await import(`${root}dist/engine/reasons.js`);
const { CHARACTERISTICS, DIMENSIONS } = await import(`${root}dist/engine/scorecard.js`);
const { policyParamsShape } = await import(`${root}dist/scenario/schema.js`);

const cell = (s) => String(s).replaceAll("|", "\\|");

function reasons() {
  const rows = REASON_CODES.map(
    (c) => `| \`${c}\` | ${REASONS[c].kind} | ${cell(REASONS[c].text)} | ${cell(REASONS[c].advice)} |`,
  );
  return ["| code | kind | text | what helps |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

function scorecard() {
  const rows = CHARACTERISTICS.map((c) => {
    const bins = c.bins.map((b) => `${b.label}: ${b.points}`).join(", ");
    const missing = c.missing ? `; ${c.missing.label}: ${c.missing.points}` : "";
    return `| ${DIMENSIONS[c.dimension].label} | ${c.title} | ${bins}${missing} | ${c.max} | \`${c.reason}\` |`;
  });
  return [
    "| dimension | characteristic | bins: points | max | reason code |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

function policies() {
  const text = readFileSync(`${root}policies/default.yaml`, "utf8");
  const d = parse(text);
  const t = parse(readFileSync(`${root}policies/tightened.yaml`, "utf8"));
  const fmt = (v) => (Array.isArray(v) ? v.map((b) => `${b.minScore}→${b.maxLimit}`).join(", ") : String(v));
  const rows = Object.keys(policyParamsShape).map((k) => {
    const line = text.split("\n").find((l) => l.startsWith(`${k}:`)) ?? "";
    const source = line.includes("#") ? line.slice(line.indexOf("#") + 1).trim() : "";
    return `| \`${k}\` | ${cell(policyParamsShape[k].description)} | ${fmt(d[k])} | ${k in t ? fmt(t[k]) : "="} | ${cell(source)} |`;
  });
  return [
    "| parameter | meaning | default | tightened | source |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/** The Zhang Ming trace excerpt: from his first overdue to the restoration, then the summary. */
async function trace() {
  const { Chalk } = await import("chalk");
  const { loadScenario } = await import(`${root}dist/scenario/load.js`);
  const { simulate } = await import(`${root}dist/engine/simulate.js`);
  const { renderTrace } = await import(`${root}dist/render/trace.js`);
  const { scenario } = loadScenario(`${root}scenarios/zhang-ming.yaml`);
  const text = renderTrace(scenario, simulate(scenario), {
    chalk: new Chalk({ level: 0 }),
    explain: false,
    chart: false,
  });
  const lines = text.trimEnd().split("\n");
  const header = lines.findIndex((l) => l.startsWith(" day "));
  const from = lines.findIndex((l) => /^ *\d+ {2}\S+ {2}overdue /.test(l));
  const to = lines.findIndex((l, i) => i > from && / restored /.test(l));
  const next = lines.findIndex((l, i) => i > to && /^ *\d+ {2}/.test(l));
  const summary = lines.indexOf("Summary");
  return ["```text", lines[header], ...lines.slice(from, next), "...", ...lines.slice(summary), "```"].join(
    "\n",
  );
}

const tables = { reasons, scorecard, policies, trace };
const file = `${root}README.md`;
const before = readFileSync(file, "utf8");
let after = before;
for (const [name, make] of Object.entries(tables)) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = after.indexOf(start);
  const j = after.indexOf(end);
  if (i < 0 || j < i) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  after = `${after.slice(0, i + start.length)}\n${await make()}\n${after.slice(j)}`;
}
if (process.argv.includes("--check")) {
  if (after !== before) {
    console.error("README.md tables are stale: run `node scripts/readme-tables.mjs`");
    process.exitCode = 1;
  }
} else if (after !== before) {
  writeFileSync(file, after);
  console.log("README.md tables updated");
}
