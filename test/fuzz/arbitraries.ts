// Hostile input for the fuzz suite: YAML text with aliases and cycles, deep nesting, odd scalars and
// tags, unknown and prototype keys, huge numbers; mutations of the shipped files; hostile argv.
// The property every fuzz test checks: the program reads it or refuses it with its own typed error,
// never another exception, within a time and memory bound.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { ROOT } from "../helpers/cli.js";

/** `npm run fuzz` sets FUZZ_SECONDS: each property then runs that long; `npm test` runs a few seconds. */
export const FUZZ_SECONDS = Number(process.env.FUZZ_SECONDS ?? 0);
export function fuzzParameters<T>(ciRuns: number): fc.Parameters<T> {
  return FUZZ_SECONDS > 0
    ? { numRuns: 10_000_000, interruptAfterTimeLimit: FUZZ_SECONDS * 1000, markInterruptAsFailure: false }
    : { numRuns: Number(process.env.FUZZ_RUNS ?? ciRuns) };
}

// ---- scalars and keys ----

const ODD_SCALARS = [
  ".inf",
  "-.inf",
  ".nan",
  "1e999",
  "-1e999",
  "1e308",
  "4.9e-324",
  "-0",
  "0x7FFFFFFFFFFFFFFFF",
  "0o777777777777777777777",
  "99999999999999999999999999",
  "9007199254740993",
  "12.345",
  "0.001",
  "1_000",
  "~",
  "null",
  "true",
  "yes",
  "2024-02-30",
  "9999-12-31",
  "0000-01-01",
  "2024-01-01T00:00:00Z",
  '""',
  "''",
  '"\\e[2J\\u202e\\x00\\a"',
  '"\\uD800"',
  '"line\\nbreak"',
  "'it''s'",
  "!!str 5",
  "!!int 5",
  "!!float x",
  "!!binary aGk=",
  "!!timestamp 2024-01-01",
  "!!set {a, b}",
  "!!omap [a: 1]",
  "!!python/object:os.system ls",
  "!foo bar",
  "!<tag:yaml.org,2002:str> x",
  "*nowhere",
  "[]",
  "{}",
  "-",
  "?",
  "@",
  "`",
];

const SCENARIO_KEYS = [
  "name",
  "description",
  "start",
  "until",
  "seed",
  "policy",
  "profile",
  "events",
  "expect",
  "day",
  "date",
  "type",
  "amount",
  "product",
  "merchant",
  "use",
  "set",
  "text",
  "field",
  "monthlyIncome",
  "externalDebt",
  "age",
  "status",
  "cause",
  "decision",
  "reasons",
  "score",
  "limit",
  "balance",
  "end",
  "min",
  "max",
  "minScore",
  "graceDays",
  "limitBands",
  "maxLimit",
  "extends",
];
const HOSTILE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "<<",
  "day:5",
  "a,b",
];

const word = fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/);
const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SCENARIO_KEYS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...HOSTILE_KEYS).map((k) => (/^\w+$/.test(k) ? k : JSON.stringify(k))),
  },
  { weight: 1, arbitrary: word },
);

const scalar = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 40_000 }).map(String) },
  { weight: 1, arbitrary: fc.double().map((d) => (Number.isFinite(d) ? String(d) : ".inf")) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "purchase",
      "apply",
      "repay",
      "note",
      "policy",
      "income",
      "open",
      "increase",
      "full",
      "minimum",
      "default",
      "tightened",
      "active",
      "suspended",
      "approved",
      "OVERDUE_RECENT",
      "2024-03-01",
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_SCALARS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)) },
);

// ---- YAML values as trees, written as flow text with anchors and aliases ----

type Node =
  | { t: "scalar"; v: string }
  | { t: "alias"; k: number }
  | { t: "seq"; anchor: boolean; items: Node[] }
  | { t: "map"; anchor: boolean; pairs: Array<[string, Node]> };

const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar.map((v): Node => ({ t: "scalar", v })),
    fc.nat(20).map((k): Node => ({ t: "alias", k })),
    fc.record({
      t: fc.constant("seq" as const),
      anchor: fc.boolean(),
      items: fc.array(tie("node"), { maxLength: 4 }),
    }),
    fc.record({
      t: fc.constant("map" as const),
      anchor: fc.boolean(),
      pairs: fc.array(fc.tuple(key, tie("node")), { maxLength: 4 }),
    }),
  ),
})).node;

/** Writes a tree as flow YAML: anchors numbered in order, an alias names an anchor seen so far — one
 *  still open makes a cycle. */
function write(n: Node, anchors: string[]): string {
  switch (n.t) {
    case "scalar":
      return n.v;
    case "alias":
      return anchors.length > 0 ? `*${anchors[n.k % anchors.length]}` : "~";
    case "seq":
    case "map": {
      let props = "";
      if (n.anchor) {
        const name = `a${anchors.length}`;
        anchors.push(name);
        props = `&${name} `;
      }
      if (n.t === "seq") return `${props}[${n.items.map((i) => write(i, anchors)).join(", ")}]`;
      return `${props}{${n.pairs.map(([k, v]) => `${k}: ${write(v, anchors)}`).join(", ")}}`;
    }
  }
}

/** A scenario-shaped document: block mapping at the top, the known keys (and others) with hostile
 *  values, aliases across them. */
export const hostileScenario = fc
  .array(fc.tuple(key, node), { minLength: 1, maxLength: 8 })
  .chain((pairs) =>
    fc.record({
      pairs: fc.constant(pairs),
      withName: fc.boolean(),
      withEvents: fc.boolean(),
    }),
  )
  .map(({ pairs, withName, withEvents }) => {
    const anchors: string[] = [];
    const lines = pairs.map(([k, v]) => `${k}: ${write(v, anchors)}`);
    if (withName) lines.unshift("name: fuzz");
    if (withEvents) lines.push(`events: ${write({ t: "seq", anchor: false, items: [] }, anchors)}`);
    return `${lines.join("\n")}\n`;
  });

/** Nesting far past any bound: brackets, braces or indentation. */
export const deepNesting = fc
  .tuple(fc.integer({ min: 50, max: 20_000 }), fc.constantFrom("[", "{a: ", "- ", "  ", "a:\n"))
  .map(([n, open]) => {
    if (open === "[") return `name: deep\nevents: []\nx: ${"[".repeat(n)}${"]".repeat(n)}\n`;
    if (open === "{a: ") return `name: deep\nevents: []\nx: ${"{a: ".repeat(n)}1${"}".repeat(n)}\n`;
    if (open === "- ") return `name: deep\nevents: []\nx:\n${"- ".repeat(Math.min(n, 2000))}1\n`;
    const levels = Math.min(n, 500);
    return `name: deep\nevents: []\n${Array.from({ length: levels }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n")} 1\n`;
  });

/** Anchors that repeat anchors: the billion laughs and its cousins, by count and by size. */
export const aliasBomb = fc
  .tuple(
    fc.integer({ min: 2, max: 30 }),
    fc.integer({ min: 2, max: 14 }),
    fc.integer({ min: 1, max: 200_000 }),
  )
  .map(([fanout, levels, leaf]) => {
    const rows = [`l0: &l0 "${"x".repeat(leaf)}"`];
    for (let i = 1; i < levels; i++)
      rows.push(
        `l${i}: &l${i} [${Array(fanout)
          .fill(`*l${i - 1}`)
          .join(", ")}]`,
      );
    return `name: bomb\nevents: []\n${rows.join("\n")}\n`;
  });

// ---- mutations of the shipped files ----

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

export const SHIPPED = {
  scenarios: filesUnder(join(ROOT, "scenarios")).map((f) => readFileSync(f, "utf8")),
  policies: filesUnder(join(ROOT, "policies")).map((f) => readFileSync(f, "utf8")),
  personas: filesUnder(join(ROOT, "personas")).map((f) => readFileSync(f, "utf8")),
};

const SNIPPETS = [
  ...ODD_SCALARS,
  "&a ",
  "*a",
  "{",
  "}",
  "[",
  "]",
  ":",
  ": ",
  ",",
  "\t",
  "\n",
  "\n  - ",
  "\n---\n",
  "__proto__: 1\n",
  "<<: *a\n",
  "\u0000",
  "\u001b[31m",
  "\u202e",
  "'",
  '"',
  "#",
];

type Mutation = { at: number; kind: "insert" | "delete" | "duplicate"; snippet: string; length: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("insert" as const, "delete" as const, "duplicate" as const),
  snippet: fc.constantFrom(...SNIPPETS),
  length: fc.integer({ min: 1, max: 40 }),
});

function mutate(text: string, mutations: Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = t.length === 0 ? 0 : m.at % t.length;
    if (m.kind === "insert") t = t.slice(0, at) + m.snippet + t.slice(at);
    else if (m.kind === "delete") t = t.slice(0, at) + t.slice(at + m.length);
    else {
      const start = t.lastIndexOf("\n", at) + 1;
      const end = t.indexOf("\n", at);
      const line = t.slice(start, end < 0 ? t.length : end + 1);
      t = t.slice(0, start) + line.repeat(1 + (m.length % 4)) + t.slice(start);
    }
  }
  return t;
}

export const mutated = (texts: readonly string[]) =>
  fc
    .tuple(fc.nat(texts.length - 1), fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([i, ms]) => mutate(texts[i]!, ms));

// ---- hostile argv ----

const ARG_WORDS = [
  "run",
  "test",
  "whatif",
  "simulate",
  "merge",
  "reasons",
  "policies",
  "personas",
  "schema",
  "--json",
  "--explain",
  "--policy",
  "--until",
  "--seed",
  "--workers",
  "--accounts",
  "--days",
  "--shard",
  "--csv",
  "--output",
  "--remove",
  "--add",
  "--edit",
  "--set",
  "--avoid",
  "--reach",
  "--budget",
  "--max-edits",
  "--reporter",
  "--grep",
  "--no-color",
  "--challenger",
  "--challenger-set",
  "--export-account",
  "--help",
  "-",
  "--",
  "",
  "0",
  "-1",
  "1",
  "7",
  "256",
  "1e9",
  "99999999999999999999",
  "9007199254740993",
  "NaN",
  "0x10",
  "1-9999999999",
  "1/0",
  "0/0",
  "3/2",
  "(",
  "[",
  "{day: 5, type: purchase, amount: 1}",
  "{day:5,type:purchase}",
  "minScore=1e308",
  "__proto__=1",
  "type=apply,day>=80",
  "default",
  "tightened",
  "defualt",
  "/etc/passwd",
  "/dev/zero",
  "/nonexistent/x.yaml",
  "scenarios/zhang-ming.yaml",
  "scenarios/",
  "steady-payer",
  "\u001b[2J",
  "a\u0000b",
];

export const argv = fc.array(
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...ARG_WORDS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  ),
  { minLength: 1, maxLength: 7 },
);

// ---- scenarios that may well be valid: every field near its bounds, events shared through aliases ----

/** mostly valid, now and then at or past an edge */
const edgy = <T>(valid: fc.Arbitrary<T>, ...edges: T[]) =>
  fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom(...edges) });
const yuanValue = edgy(
  fc.integer({ min: 1, max: 2_000_000 }).map((fen) => fen / 100),
  0.01,
  1e9,
  999_999_999.99,
  0.001,
  -1,
  0,
  1e10,
);
const dayValue = edgy(fc.integer({ min: 0, max: 380 }), 0, 36_500, 36_501, -1);
const dateValue = edgy(
  fc.integer({ min: 0, max: 380 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10)),
  "2024-02-30",
  "2023-02-29",
  "9999-12-31",
  "1900-01-01",
);
const userText = edgy(fc.string({ maxLength: 30 }), "\u001b[2J", "\u202eevil", "line\nbreak", "张明", "");
const when = fc.oneof(
  { weight: 6, arbitrary: dayValue.map((day) => ({ day })) },
  { weight: 1, arbitrary: dateValue.map((date) => ({ date })) },
);

/** A written event at the edges of its fields, of every type (a test holds it to EVENT_TYPES). */
export const edgeEvent = fc.oneof(
  fc.record({
    type: fc.constant("apply"),
    product: edgy(fc.constantFrom("open", "increase"), "opne"),
    amount: yuanValue,
  }),
  fc.record({ type: fc.constant("purchase"), amount: yuanValue, merchant: userText }),
  fc.record({
    type: fc.constant("repay"),
    amount: fc.oneof(yuanValue, fc.constantFrom("full", "statement", "minimum")),
  }),
  fc.record({
    type: fc.constant("change_profile"),
    field: fc.constantFrom("phone", "address", "device", "bankcard"),
  }),
  fc.record({ type: fc.constant("external_debt"), amount: yuanValue }),
  fc.record({
    type: fc.constantFrom("external_inquiry", "contact_support", "verify_identity", "request_review"),
  }),
  fc.record({ type: fc.constant("income"), monthlyIncome: yuanValue }),
  fc.record({
    type: fc.constant("policy"),
    use: edgy(fc.constantFrom("default", "tightened"), "../x.yaml", "/etc/passwd"),
    set: fc.record(
      { minScore: edgy(fc.integer({ min: 350, max: 950 }), 300, 1000), graceDays: edgy(fc.nat(27), -1, 28) },
      { requiredKeys: [] },
    ),
  }),
  fc.record({ type: fc.constant("note"), text: userText }),
  // the two lines: Jiebei loans, closing a line, instalments, repaying debt elsewhere
  fc.record({
    type: fc.constant("borrow"),
    amount: yuanValue,
    term: edgy(fc.constantFrom(3, 6, 12), 0, 5, 36),
  }),
  fc.record({ type: fc.constant("close"), line: edgy(fc.constantFrom("huabei", "jiebei"), "huabay") }),
  fc.record(
    {
      type: fc.constant("purchase"),
      amount: yuanValue,
      instalments: edgy(fc.constantFrom(3, 6, 9, 12), 0, 24),
    },
    { requiredKeys: ["type", "amount"] },
  ),
  fc.record({
    type: fc.constant("repay"),
    line: fc.constantFrom("huabei", "jiebei"),
    amount: fc.constantFrom("full", "minimum"),
  }),
  fc.record({ type: fc.constant("external_repayment"), amount: yuanValue }),
);
const expectation = fc
  .record(
    {
      status: fc.constantFrom("active", "suspended", "none", "closed"),
      decision: fc.constantFrom("approved", "declined", "suspended"),
      reasons: fc.array(fc.constantFrom("OVERDUE_RECENT", "OVERDUE_NOW", "MEETS_POLICY"), { maxLength: 2 }),
      score: fc.oneof(
        fc.integer({ min: 350, max: 950 }),
        fc.record({ min: fc.integer({ min: 350, max: 950 }) }),
      ),
      limit: yuanValue,
      balance: fc.oneof(yuanValue, fc.record({ max: yuanValue })),
    },
    { requiredKeys: ["status"] },
  )
  .chain((x) =>
    fc.oneof(
      dayValue.map((day) => ({ day, ...x })),
      fc.constant({ end: true, ...x }),
    ),
  );

/** A scenario as a user might write it, at the edges: may load, may not; repeated events are aliases. */
export const edgeScenario = fc
  .record(
    {
      name: userText,
      description: userText,
      start: edgy(fc.constant("2024-01-01"), "2023-02-29", "9999-12-31"),
      until: fc.integer({ min: 400, max: 800 }),
      policy: edgy(fc.constantFrom("default", "tightened"), "defualt"),
      profile: fc.record(
        {
          age: edgy(fc.integer({ min: 18, max: 100 }), 10, 120),
          monthlyIncome: yuanValue,
          verified: fc.boolean(),
          externalDebt: yuanValue,
        },
        { requiredKeys: [] },
      ),
      events: fc.array(
        fc.tuple(when, edgeEvent).map(([w, e]) => ({ ...w, ...e })),
        { maxLength: 25 },
      ),
      expect: fc.array(expectation, { maxLength: 3 }),
    },
    { requiredKeys: ["name", "events"] },
  )
  .chain((s) => fc.record({ s: fc.constant(s), repeats: fc.array(fc.nat(), { maxLength: 5 }) }))
  .map(({ s, repeats }) => {
    // the same event object twice: the YAML writer makes it an anchor and aliases
    const events = [...s.events];
    for (const r of repeats) if (events.length > 0) events.push(events[r % events.length]!);
    return stringify({ ...s, events }, { aliasDuplicateObjects: true });
  });
