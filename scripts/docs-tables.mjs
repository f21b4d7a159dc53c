// Regenerates the reference pages under docs/reference/ (reason codes, scorecard, policy parameters,
// remedies) and
// the README's trace excerpt from the code and the shipped policies. Generated text sits between
// <!-- NAME:start --> and <!-- NAME:end --> markers; the prose around it is written by hand.
// `node scripts/docs-tables.mjs` rewrites the files; `--check` exits 1 when one is stale (a test runs it).
// Reads the compiled code in dist/ (`npm run build` first; `npm test` does).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = fileURLToPath(new URL("..", import.meta.url));
const { REASONS, REASON_CODES, CHARACTERISTICS, DIMENSIONS, REMEDIES, adviceListed, otherWordings } =
  await import(`${root}dist/engine/index.js`);
const { policyParamsShape } = await import(`${root}dist/scenario/schema.js`);
// points as the CLI writes them: a minus sign, never a hyphen (−60, not -60)
const { factorWords, pointsText: points, tableName } = await import(`${root}dist/render/factor-table.js`);
const { builtinPolicyNames, loadPolicy } = await import(`${root}dist/scenario/load-policy.js`);

const cell = (s) => String(s).replaceAll("|", "\\|");

function reasons() {
  const rows = REASON_CODES.map(
    (c) =>
      `| \`${c}\` | ${REASONS[c].kind} | ${cell([REASONS[c].text, ...otherWordings(REASONS[c]).map((w) => `<br>*${w}*`)].join(""))} | ${cell(adviceListed(REASONS[c]))} |`,
  );
  return ["| code | kind | text | what helps |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

function scorecard() {
  const rows = CHARACTERISTICS.map((c) => {
    // an amount's edges with ¥, as explain's table says them
    const bins = c.bins
      .map((b) => `${factorWords({ characteristic: c, value: null, bin: b.label }).bin}: ${points(b.points)}`)
      .join(", ");
    const missing = c.missing ? `; ${c.missing.label}: ${points(c.missing.points)}` : "";
    // the short label explain's table gives a long title, so a reader of the table finds its row here
    const label = tableName(c.title) === c.title ? "" : `<br>*in the table: ${tableName(c.title)}*`;
    return `| ${DIMENSIONS[c.dimension].label} | ${c.title}${label} | ${bins}${missing} | ${c.max} | \`${c.reason}\` |`;
  });
  return [
    "| dimension | characteristic | bins: points | max | reason code |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/** A column for every shipped policy: the default's values, then each other's where it differs ("=": the
 *  default's). */
function policies() {
  const text = readFileSync(`${root}policies/default.yaml`, "utf8");
  const d = parse(text);
  const others = builtinPolicyNames().filter((n) => n !== "default");
  const resolved = Object.fromEntries(["default", ...others].map((n) => [n, loadPolicy(n, root)]));
  const fmt = (v) => (Array.isArray(v) ? v.map((b) => `${b.minScore}→${b.maxLimit}`).join(", ") : String(v));
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const rows = Object.keys(policyParamsShape).map((k) => {
    const line = text.split("\n").find((l) => l.startsWith(`${k}:`)) ?? "";
    const source = line.includes("#") ? line.slice(line.indexOf("#") + 1).trim() : "";
    const columns = others.map((n) =>
      same(resolved[n][k], resolved.default[k]) ? "=" : fmt(resolved[n][k]),
    );
    return `| \`${k}\` | ${cell(policyParamsShape[k].description)} | ${fmt(d[k])} | ${columns.join(" | ")} | ${cell(source)} |`;
  });
  return [
    `| parameter | meaning | default | ${others.join(" | ")} | source |`,
    `| --- | --- | --- | ${others.map(() => "---").join(" | ")} | --- |`,
    ...rows,
  ].join("\n");
}

/** Said of a kind that asks the customer to do something (REMEDIES' `asks`). */
const ASKS =
  " A step the customer takes: an early review the answer offers waits on it (`wait_for_review`'s `asked`).";

function remedies() {
  return Object.entries(REMEDIES)
    .map(([kind, r]) => {
      const fields = Object.entries(r.fields).flatMap(([name, f]) =>
        typeof f === "string"
          ? [`- \`${name}\`: ${f}`]
          : [
              `- \`${name}\`: ${f.text}`,
              ...Object.entries(f.values).map(([v, what]) => `  - \`${v}\`: ${what}`),
            ],
      );
      return [
        `### \`${kind}\``,
        "",
        `${r.meaning[0].toUpperCase()}${r.meaning.slice(1)}.${r.asks ? ASKS : ""}`,
        ...(fields.length ? ["", ...fields] : []),
      ].join("\n");
    })
    .join("\n\n");
}

/** The Zhang Ming trace excerpt for the README: from his second overdue to the repayment after the
 *  suspension, in the layout `credit-sim run` prints (no colour). */
async function trace() {
  const { Chalk } = await import("chalk");
  const { loadScenario } = await import(`${root}dist/scenario/load.js`);
  const { simulate } = await import(`${root}dist/engine/index.js`);
  const { renderTrace } = await import(`${root}dist/render/trace.js`);
  const { scenario } = loadScenario(`${root}scenarios/zhang-ming.yaml`);
  const text = renderTrace(scenario, simulate(scenario), {
    chalk: new Chalk({ level: 0 }),
    explain: false,
    chart: false,
  });
  const lines = text.trimEnd().split("\n");
  const header = lines.findIndex((l) => l.startsWith(" day "));
  const overdues = lines.flatMap((l, i) => (/^ *\d+ {2}\S+ {2}overdue /.test(l) ? [i] : []));
  const from = overdues[1];
  const repay = lines.findIndex((l, i) => i > from && /^ *\d+ {2}\S+ {2}repay /.test(l));
  const next = lines.findIndex((l, i) => i > repay && /^ *\d+ {2}/.test(l));
  return ["```text", lines[header], "...", ...lines.slice(from, next), "...", "```"].join("\n");
}

const files = {
  "README.md": { trace },
  "docs/reference/reason-codes.md": { reasons },
  "docs/reference/scorecard.md": { scorecard },
  "docs/reference/policies.md": { policies },
  "docs/reference/remedies.md": { remedies },
};

let stale = 0;
for (const [name, tables] of Object.entries(files)) {
  const file = `${root}${name}`;
  const before = readFileSync(file, "utf8");
  let after = before;
  for (const [marker, make] of Object.entries(tables)) {
    const start = `<!-- ${marker}:start -->`;
    const end = `<!-- ${marker}:end -->`;
    const i = after.indexOf(start);
    const j = after.indexOf(end);
    if (i < 0 || j < i) throw new Error(`${name} lacks the ${start} … ${end} markers`);
    after = `${after.slice(0, i + start.length)}\n${await make()}\n${after.slice(j)}`;
  }
  if (after === before) continue;
  if (process.argv.includes("--check")) {
    console.error(`${name} is stale: run \`node scripts/docs-tables.mjs\``);
    stale++;
  } else {
    writeFileSync(file, after);
    console.log(`${name} updated`);
  }
}
if (stale) process.exitCode = 1;
