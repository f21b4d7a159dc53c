// The flag form of what-if edits, for scripts and CI. Each flag's text becomes one Edit; flags are applied
// in the order they were given. Syntax (documented in the README):
//   --remove 7 | 7,9 | 10-12 | "type=apply,product=increase,day>=80"
//   --add '{day: 60, type: repay, amount: full}' | day=60,type=repay,amount=full   (validated as a file event)
//   --edit '7:day=65' | '7:day=65,amount=full' | '7:{amount: full}'   (null removes a field)
//   --set minScore=620 | 'minScore=620,restoreScore=680' | '{limitBands: [{minScore: 600, maxLimit: 5000}]}'
//   --policy tightened | ./my-policy.yaml

import { EVENT_TYPES, isWholeValued } from "../engine/index.js";
import { type FlagPlace, isDecimalNumber, parseFlagText } from "../scenario/parse.js";
import { FORBIDDEN_KEYS } from "../scenario/shape.js";
import { InputError, numberText, suggest, UsageError } from "../shared/errors.js";
import { blanksInAssignments, quoted, shellWord } from "../shared/text.js";
import { ADD_ONE, dayOf, type Edit, type Variant } from "./variant.js";

type EditFlag = "remove" | "add" | "edit" | "set" | "policy";

export interface FlagEdit {
  flag: EditFlag;
  value: string;
}

/** A YAML/JSON value from a flag (the parser's own protections: no alias bombs, no __proto__). */
function yamlValue(text: string, label: string, place?: FlagPlace): unknown {
  return parseFlagText(text, label, place);
}

/**
 * A number written with thousands separators (`amount: 1,000`, `toleranceAmount=1,000`): the comma splits
 * it into two fields (`1`, and a key `000`), so what it became is said, not the field it made.
 */
function refuseThousands(text: string, label: string): void {
  // what is quoted is text, commas and all
  const bare = text.replace(/"[^"]*"|'[^']*'/g, '""');
  // fen after the last group (1,000.50) and a yuan sign before the first (¥1,000) split the same way
  // (a group of three after a leading 0 is no thousands: 0,035 is a decimal comma, below)
  const m = /[:=]\s*([¥￥]?)([1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?)(?=\s*(?:[,}\]]|$))/.exec(bare);
  // a decimal comma (maxDebtToIncome=0,5) split the same way: "5" was told it is no key=value
  const decimal = m
    ? null
    : /(?:(?<![\w$])([A-Za-z_$][\w$]*))?\s*[:=]\s*(\d+),(\d+)(?=\s*(?:[,}\]]|$))/.exec(bare);
  // …unless the key takes whole numbers only (a score, a day, a count): there 6,80 is 680 grouped
  if (decimal && decimal[1] !== undefined && isWholeValued(decimal[1]))
    throw new UsageError(
      `${label}: ${decimal[2]},${decimal[3]} was read as ${decimal[2]} and ${decimal[3]}: write ${decimal[2]}${decimal[3]} if that is meant`,
      `commas separate the fields of a flag's value, and ${decimal[1]} is a whole number: write it without separators`,
    );
  if (decimal)
    throw new UsageError(
      `${label}: ${decimal[2]},${decimal[3]} was read as ${decimal[2]} and ${decimal[3]}: write ${decimal[2]}.${decimal[3]} if that is meant`,
      "commas separate the fields of a flag's value: a decimal is written with a point",
    );
  if (!m) return;
  const sign = m[1]!;
  const written = `${sign}${m[2]!}`;
  const parts = m[2]!.split(",");
  const read = `${sign}${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  throw new UsageError(
    `${label}: ${written} was read as ${read}: write ${parts.join("")}`,
    "commas separate the fields of a flag's value: write numbers without thousands separators",
  );
}

/** The comma-separated clauses of a flag's value (outside brackets and quotes); an empty one — `a,,b`, a
 *  trailing comma — is refused, as any other clause that cannot be read. */
function clauses(text: string, label: string): string[] {
  if (text.trim() === "") return [];
  const parts = splitTop(text);
  if (parts.some((p) => p.trim() === ""))
    throw new UsageError(
      `${label}: an empty clause in ${quoted(text)}`,
      `remove the extra comma: ${parts
        .map((p) => p.trim())
        .filter(Boolean)
        .join(",")}`,
    );
  return parts;
}

/** `place`: where `text` starts in the value typed, and its length (a problem is told at its character). */
function mapping(
  text: string,
  label: string,
  example: string,
  place: FlagPlace = { at: 0, typed: text.length },
): Record<string, unknown> {
  refuseThousands(text, label);
  const t = text.trim();
  // a list, or a lone value, is no mapping: said as such, not as the key it would be inside `{…}`
  if (t.startsWith("[") || (t !== "" && !t.startsWith("{") && !/[:=]/.test(t)))
    throw new UsageError(`${label} needs a mapping, got ${quoted(text)}`, `e.g. ${example}`);
  const data = t.startsWith("{")
    ? yamlValue(text, label, place)
    : yamlValue(`{${text}}`, label, { ...place, at: place.at - 1 });
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new UsageError(`${label} needs a mapping, got ${quoted(text)}`, `e.g. ${example}`);
  }
  return data as Record<string, unknown>;
}

/** An event number as typed (digits): one past the listing is refused here, named as it was written — a
 *  number past 2^53 would otherwise be read, and shown, rounded. */
function eventNumber(v: Variant, digits: string, label: string): number {
  const n = Number(digits);
  const last = v.nextId - 1;
  if (!Number.isSafeInteger(n) || n > last)
    throw new UsageError(
      `${label}: no event #${digits.replace(/^0+(?=\d)/, "")}: ${
        last === 0 ? "the scenario has no events" : `the events are numbered 1–${last}`
      }`,
      last === 0 ? ADD_ONE : "list them with `credit-sim whatif FILE --list`",
    );
  return n;
}

/** `key=value,key=value` (values read as YAML scalars) or a `{…}` flow mapping. */
function assignments(
  text: string,
  label: string,
  example: string,
  place: FlagPlace = { at: 0, typed: text.length },
): Record<string, unknown> {
  const t = text.trim();
  if (t.startsWith("{"))
    return mapping(t, label, example, { ...place, at: place.at + text.length - text.trimStart().length });
  refuseThousands(t, label);
  const out: Record<string, unknown> = {};
  for (const part of clauses(t, label)) {
    const m = /^\s*([A-Za-z_$][\w$]*)\s*=(.*)$/.exec(part);
    if (!m) throw new UsageError(`${label}: cannot read ${quoted(part)} as key=value`, `e.g. ${example}`);
    const key = m[1]!;
    // as in a file: no key naming object internals (it would set the mapping's prototype), no key twice
    if (FORBIDDEN_KEYS.has(key))
      throw new UsageError(`${label}: "${key}" is not a name a key may have`, `e.g. ${example}`);
    if (Object.hasOwn(out, key))
      throw new UsageError(`${label}: ${key} is given twice`, "give each key once");
    const raw = m[2]!.trim();
    // nothing after `=` is most often a shell variable left unset (`note=$NOTE`), not `null`: read as null,
    // an edit's field was removed without a word
    if (raw === "")
      throw new InputError(`${label}: ${key} is given no value`, {
        expected: `a value after "${key}="`,
        found: '""',
        hint: label.startsWith("--edit")
          ? `e.g. ${example}; ${key}=null removes the field`
          : `e.g. ${example}`,
      });
    out[key] = yamlValue(raw, `${label} ${key}`);
  }
  return out;
}

/** Splits on commas that are not inside brackets or quotes. */
function splitTop(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "[" || ch === "{") depth++;
    else if (ch === "]" || ch === "}") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const CONDITION = /^\s*([A-Za-z_]\w*)\s*(>=|<=|!=|=|>|<)\s*(.+?)\s*$/;

/** Event numbers a `--remove` selector names: numbers, ranges, or conditions on the events' fields. */
export function selectEvents(v: Variant, text: string, label = "--remove"): number[] {
  const t = text.trim();
  // an empty selector would select every event (no condition fails): it selects nothing, loudly
  if (t.replace(/[,\s]/g, "") === "")
    throw new UsageError(
      `${label}: nothing to select in ${quoted(text)}`,
      'give event numbers or conditions, e.g. --remove 7, --remove 10-12 or --remove "type=apply,day>=80"',
    );
  if (/^[\d,\s-]+$/.test(t)) {
    const ids: number[] = [];
    for (const part of clauses(t, label).map((p) => p.trim())) {
      const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
      if (range) {
        // bounded by the events there are: a range never costs more than the listing
        const [a, b] = [eventNumber(v, range[1]!, label), eventNumber(v, range[2]!, label)];
        if (b < a) throw new UsageError(`${label}: the range ${part} runs backwards`, `write ${b}-${a}`);
        for (let i = a; i <= b; i++) ids.push(i);
      } else if (/^\d+$/.test(part)) ids.push(eventNumber(v, part, label));
      else
        throw new UsageError(
          `${label}: cannot read ${quoted(part)}`,
          "e.g. --remove 7, --remove 7,9 or --remove 10-12",
        );
    }
    return [...new Set(ids)];
  }
  const conditions = clauses(t, label).map((part) => {
    const m = CONDITION.exec(part);
    if (!m) {
      throw new UsageError(
        `${label}: cannot read ${quoted(part)} as a condition`,
        'e.g. --remove "type=apply,product=increase,day>=80"',
      );
    }
    const condition = { key: m[1]!, op: m[2]!, value: m[3]!.replace(/^["']|["']$/g, "") };
    checkCondition(v, condition, label);
    return condition;
  });
  refuseRepeated(conditions, label);
  const ids = v.events
    .filter(({ event }) =>
      conditions.every(({ key, op, value }) => {
        const actual =
          key === "day" ? dayOf(event, v.original.start) : (event as Record<string, unknown>)[key];
        return compare(actual, op, value);
      }),
    )
    .map((e) => e.id);
  if (ids.length === 0) {
    throw new InputError(`${label}: no event matches ${quoted(t)}`, {
      hint: "list the events and their numbers with `credit-sim whatif FILE --list`",
    });
  }
  return ids;
}

/**
 * A field named by `=` and by another condition too: every condition must hold, so `type=apply,type=repay`
 * (either kind meant) matches no event, and `day=5,day>=3` says no more than `day=5` — told as the key given
 * twice, as a key=value list's is, not as "no event matches" after the events were searched.
 */
function refuseRepeated(
  conditions: readonly { key: string; op: string; value: string }[],
  label: string,
): void {
  for (const { key } of conditions) {
    const on = conditions.filter((c) => c.key === key);
    if (on.length < 2 || !on.some((c) => c.op === "=")) continue;
    const written = on.map((c) => `${key}${c.op}${c.value}`);
    const values = new Set(on.map((c) => c.value));
    if (on.every((c) => c.op === "=") && values.size > 1)
      throw new UsageError(
        `${label}: ${key} is given twice: no event is both ${written.join(" and ")}`,
        `every condition must hold; to select either, give ${label} once for each: ${written.map((w) => `${label} ${shellWord(w)}`).join(" ")}`,
      );
    const eq = written[on.findIndex((c) => c.op === "=")]!;
    throw new UsageError(
      `${label}: ${key} is given twice (${written.join(", ")})`,
      `every condition must hold, and ${eq} already names the one ${key} it selects: give ${key} once`,
    );
  }
}

/** A condition names a field some event has, and compares an order only with a number. */
function checkCondition(v: Variant, c: { key: string; op: string; value: string }, label: string): void {
  const fields = new Set(["day", "type", ...v.events.flatMap(({ event }) => Object.keys(event))]);
  if (!fields.has(c.key)) {
    const known = [...fields].sort();
    throw new UsageError(
      `${label}: no event has a field ${quoted(c.key)}`,
      `${didYouMean(suggest(c.key, known))}the events' fields: ${known.join(", ")}`,
    );
  }
  // numbers as --set, --edit and the file take them: decimal (0x10 is not 16 here either)
  const order = c.op.includes("<") || c.op.includes(">");
  const numericField =
    c.key === "day" ||
    v.events.some(({ event }) => typeof (event as Record<string, unknown>)[c.key] === "number");
  const numberElse = !isDecimalNumber(c.value) && c.value.trim() !== "" && Number.isFinite(Number(c.value));
  if (order ? !isDecimalNumber(c.value) : numericField && numberElse)
    throw new UsageError(
      `${label}: ${c.key}${c.op}${c.value}: ${quoted(c.value)} is not a number`,
      `${numberElse ? "write the number in decimal" : "compare with a number"}, e.g. ${c.key}${c.op}100`,
    );
}

const didYouMean = (word: string | undefined) => (word === undefined ? "" : `did you mean "${word}"? `);

function compare(actual: unknown, op: string, value: string): boolean {
  const num = Number(value);
  const numeric = typeof actual === "number" && isDecimalNumber(value);
  switch (op) {
    case "=":
      return numeric ? actual === num : String(actual) === value;
    case "!=":
      return numeric ? actual !== num : String(actual) !== value;
    default: {
      if (!numeric) return false;
      const a = actual as number;
      return op === ">=" ? a >= num : op === "<=" ? a <= num : op === ">" ? a > num : a < num;
    }
  }
}

const ADD_EXAMPLE = "--add '{day: 60, type: repay, amount: full}' or --add day=60,type=repay,amount=full";

/**
 * The event `--add` adds: a flow mapping (`{day: 60, type: repay}`, braces optional) or the `key=value,…`
 * that --edit's changes and --set take — one grammar for the fields of all three. `--edit`'s `N:` in front
 * names an event there already is, which an added one is not: refused, with the event it meant written
 * out (`59:purchase amount=100` → `{day: 59, type: purchase, amount: 100}`), not as an unknown field named
 * after the whole text.
 */
function addedEvent(v: Variant, text: string, label: string): Record<string, unknown> {
  const numbered = /^\s*#?(\d+)\s*:(.*)$/s.exec(text);
  if (numbered) {
    const meant = meantEvent(numbered[1]!, numbered[2]!);
    throw new UsageError(
      `${label} ${quoted(text)}: NUMBER:CHANGES is --edit's form, for an event there already is; an added event has no number yet (it will be #${v.nextId})`,
      meant
        ? `give the day as a field: --add '${meant}' (or --edit to change an event there is)`
        : `give the day as a field: --add '{day: ${numbered[1]}, type: …}', e.g. ${ADD_EXAMPLE}`,
    );
  }
  const t = text.trim();
  // found: what tells this --add from the others when one of several is given empty
  if (t === "") throw new InputError(`${label} needs an event`, { found: '""', hint: `e.g. ${ADD_EXAMPLE}` });
  // key=value when its first clause has an `=` before any `:` (`day: 60, text: a=b` is the mapping):
  // a clause that is no key=value (`=5`, `1day=5`) is refused as --edit's and --set's are, not read
  // into the mapping as a field named after the whole clause
  if (!t.startsWith("{") && /^[^:]*=/.test(splitTop(t)[0]!)) return assignments(t, label, ADD_EXAMPLE);
  return mapping(text, label, ADD_EXAMPLE);
}

/** `59:purchase amount=100` as the event it meant, `{day: 59, type: purchase, amount: 100}` — or undefined
 *  when its words are not all an event type, `key=value` or `key:value`. */
function meantEvent(day: string, rest: string): string | undefined {
  const fields: string[] = [`day: ${Number(day)}`];
  let typed = false;
  for (const word of rest.split(/[\s,]+/).filter(Boolean)) {
    const kv = /^([A-Za-z_]\w*)[=:](.+)$/.exec(word);
    if (kv && kv[1] !== "day" && !(typed && kv[1] === "type")) {
      typed ||= kv[1] === "type";
      fields.push(`${kv[1]}: ${kv[2]}`);
    } else if (!typed && (EVENT_TYPES as readonly string[]).includes(word)) {
      typed = true;
      fields.splice(1, 0, `type: ${word}`);
    } else return undefined;
  }
  return typed ? `{${fields.join(", ")}}` : undefined;
}

/** A number as a flag's value or an answer may write it: decimal, an exponent's sign kept. */
const NUMBER_TOKEN = String.raw`[-+]?[\d.][\w.]*(?:(?<=[eE])[-+]\d+)?`;

/**
 * `error` with each number it found quoted as `text` (a flag's value, a prompt's answer) writes it —
 * `1E12`, `4.0e20` — not as JavaScript does (`1000000000000`, `400000000000000000000`): a file's problem
 * reads the number at its place (validate's asWritten), and typed text has no places. Quoted where the
 * text gives the problem's field one spelling of that number (`key=1E4`, `key: 1E4`), or is that number
 * alone, as an answer to a field's prompt is (an edited event's other fields are the file's).
 */
export function numbersAsTyped(error: InputError, text: string): InputError {
  const spellings = new Map<string, Set<string>>();
  const add = (key: string, token: string) => {
    const n = Number(token);
    if (Number.isNaN(n)) return;
    const at = `${key} ${numberText(n)}`;
    spellings.set(at, (spellings.get(at) ?? new Set()).add(token));
  };
  const given = new RegExp(String.raw`(?<![\w$])([A-Za-z_$][\w$]*)\s*[:=]\s*(${NUMBER_TOKEN})(?![\w.])`, "g");
  for (const [, key, token] of text.matchAll(given)) add(key!, token!);
  if (new RegExp(`^${NUMBER_TOKEN}$`).test(text.trim())) add("", text.trim());
  return error.map((p) => {
    const { found, field } = p.details;
    if (found === undefined) return p;
    const key = /(?<![\w$])([A-Za-z_$][\w$]*)$/.exec(field ?? "")?.[1];
    const written = spellings.get(`${key} ${found}`) ?? spellings.get(` ${found}`);
    if (written?.size !== 1 || written.has(found)) return p;
    return new InputError(p.message, { ...p.details, found: [...written][0]! });
  });
}

/** `run()`, its refusal's numbers quoted as `text` writes them (numbersAsTyped). */
export function withNumbersAsTyped<T>(text: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw numbersAsTyped(e, text);
  }
}

/** One flag → one Edit (validated against the variant so far by `applyEdit`). */
export function flagToEdit(v: Variant, f: FlagEdit): Edit {
  const label = `--${f.flag}`;
  switch (f.flag) {
    case "remove":
      return { kind: "remove", ids: selectEvents(v, f.value, label) };
    case "add":
      return { kind: "add", event: addedEvent(v, f.value, label) as never };
    case "edit": {
      const m = /^\s*#?(\d+)\s*:(.*)$/s.exec(f.value);
      if (!m)
        throw new UsageError(
          `${label} needs NUMBER:CHANGES, got ${quoted(f.value)}`,
          "e.g. --edit 7:day=65 or --edit '7:{amount: full}'",
        );
      const patch = assignments(m[2]!, `${label} ${m[1]}`, "--edit 7:day=65", {
        at: f.value.length - m[2]!.length,
        typed: f.value.length,
      });
      if (Object.keys(patch).length === 0)
        throw new UsageError(`${label} ${m[1]}: no change given`, "e.g. --edit 7:day=65");
      return { kind: "edit", id: eventNumber(v, m[1]!, label), patch };
    }
    case "set": {
      // spaces around a value or its `=` (`minScore= 620`): refused as --challenger-set's and a number
      // option's are, never trimmed in silence (a mapping's spaces, `{minScore: 620}`, are YAML's)
      const blanks = f.value.trim().startsWith("{")
        ? undefined
        : blanksInAssignments(label, f.value, "minScore=620");
      if (blanks !== undefined) throw new InputError(blanks.message, blanks.details);
      const params = assignments(f.value, label, "--set minScore=620");
      // the contract's "change the seed", tried as a parameter: said why there is none to change
      if (Object.hasOwn(params, "seed"))
        throw new UsageError(
          `${label}: seed is not a policy parameter, and a scenario has no seed to change: it is deterministic, so no seed changes its run`,
          "leave it out (whatif --seed and run --seed are accepted and ignored; simulate --seed seeds a population)",
        );
      return { kind: "set", params: params as never };
    }
    case "policy":
      if (f.value.trim() === "") throw new UsageError("--policy needs a policy name or file");
      return { kind: "policy", ref: f.value.trim() };
  }
}
