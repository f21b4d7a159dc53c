// The interactive what-if session (inquirer): show the timeline, remove / edit / add events, change a
// policy parameter, the policy or the seed, undo, run and compare, search for the smallest change, save.
// Every edit goes through `applyEdit`, so a value is accepted exactly when the loader would accept it.

import { existsSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { checkbox, confirm, input, select } from "@inquirer/prompts";
import type { ChalkInstance } from "chalk";
import { stringify } from "yaml";
import { REPAY_KEYWORDS } from "../engine/index.js";
import { renderComparison } from "../render/compare.js";
import { listingLines, renderCounterfactual } from "../render/whatif.js";
import { builtinPolicyNames } from "../scenario/load-policy.js";
import { parseText } from "../scenario/parse.js";
import {
  EVENT_TYPES,
  EventSchema,
  PROFILE_FIELDS,
  policyParamsShape,
  type WrittenEvent,
} from "../scenario/schema.js";
import { InputError } from "../shared/errors.js";
import { writeFileAtomic } from "../shared/write-file.js";
import type { Goal } from "../whatif/goal.js";
import { compareRuns, decisionsById, runVariant, type VariantRun } from "../whatif/run.js";
import { variantYaml } from "../whatif/save.js";
import { searchCounterfactual } from "../whatif/search.js";
import { applyEdit, dayOf, type Edit, type Variant, validateEvent, whatWritten } from "../whatif/variant.js";

export interface SessionOptions {
  chalk: ChalkInstance;
  /** where text goes (stdout by default) */
  output?: (text: string) => void;
  /** writes a saved file (atomic by default) */
  write?: (file: string, text: string) => void;
}

type Action =
  | "show"
  | "remove"
  | "edit"
  | "add"
  | "set"
  | "policy"
  | "seed"
  | "undo"
  | "run"
  | "search"
  | "save"
  | "quit";

/** A value typed by the user, read as YAML (so `full` is a word, `65` a number, `[…]` a list). */
function typed(text: string, label: string): unknown {
  if (text.trim() === "") return null;
  return parseText(text, label).data;
}

const show = (value: unknown): string =>
  value === undefined ? "" : stringify(value, { lineWidth: 0 }).trim();

export async function runSession(base: VariantRun, o: SessionOptions): Promise<void> {
  const c = o.chalk;
  const print = o.output ?? ((t: string) => process.stdout.write(t));
  const write = o.write ?? writeFileAtomic;
  const history: Variant[] = [];
  let current = base.variant;
  let savedAs: Variant | null = null;
  const start = base.variant.original.start;

  const say = (text: string) => print(text.endsWith("\n") ? text : `${text}\n`);
  const tryEdit = (edit: Edit): boolean => {
    try {
      const next = applyEdit(current, edit, "edit");
      history.push(current);
      current = next;
      say(c.green(`✓ ${next.notes.at(-1)}`));
      return true;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      say(c.red(`✗ ${e.format()}`));
      return false;
    }
  };
  const validation = (make: (value: unknown) => Edit, label: string) => (text: string) => {
    try {
      applyEdit(current, make(typed(text, label)), "edit");
      return true;
    } catch (e) {
      if (e instanceof InputError) return e.format().replace(/\n\s*/g, " — ");
      throw e;
    }
  };
  const showTimeline = () => {
    const run = runVariant(current);
    say(
      `\n${c.bold(`${current.original.name}${current.notes.length > 0 ? " (what-if)" : ""}`)}  ${c.dim(`policy ${current.policy}, seed ${current.seed}, days 0–${current.until}`)}`,
    );
    for (const line of listingLines(run, c)) say(line);
    if (current.notes.length > 0) say(c.dim(`edits: ${current.notes.join("; ")}`));
    say("");
  };
  const eventChoices = () => {
    const steps = decisionsById(runVariant(current));
    return current.events
      .map((e, order) => ({ e, order, day: dayOf(e.event, start) }))
      .sort((a, b) => a.day - b.day || a.order - b.order)
      .map(({ e, day }) => ({
        name: `#${e.id}  day ${day}  ${whatWritten(e.event)}${steps.get(e.id)?.decision ? `  (${steps.get(e.id)?.decision})` : ""}`,
        value: e.id,
      }));
  };

  say(c.bold(`What-if session: ${base.loaded.scenario.name}`));
  say(
    c.dim(
      "Edit the timeline, then run to compare with the original. Ctrl-C leaves at any time; nothing is written unless you save.",
    ),
  );
  showTimeline();

  for (;;) {
    const action: Action = await select<Action>({
      message: `What now?${current.notes.length > 0 ? ` (${current.notes.length} edit${current.notes.length === 1 ? "" : "s"})` : ""}`,
      pageSize: 12,
      choices: [
        { name: "Run and compare with the original", value: "run" },
        { name: "Remove events", value: "remove" },
        { name: "Edit an event", value: "edit" },
        { name: "Add an event", value: "add" },
        { name: "Change a policy parameter", value: "set" },
        { name: "Switch the policy", value: "policy" },
        { name: "Change the seed", value: "seed" },
        {
          name: "Undo the last edit",
          value: "undo",
          disabled: history.length === 0 ? "(nothing to undo)" : false,
        },
        { name: "Show the timeline", value: "show" },
        { name: "Find the smallest change that avoids an outcome", value: "search" },
        { name: "Save the variant as a new scenario file", value: "save" },
        { name: "Quit", value: "quit" },
      ],
    });
    switch (action) {
      case "show":
        showTimeline();
        break;
      case "remove": {
        const ids = await checkbox<number>({
          message: "Remove which events? (space selects, enter confirms)",
          choices: eventChoices(),
          pageSize: 15,
        });
        if (ids.length > 0) tryEdit({ kind: "remove", ids });
        break;
      }
      case "edit": {
        const id = await select<number>({
          message: "Edit which event?",
          choices: eventChoices(),
          pageSize: 15,
        });
        const event = current.events.find((e) => e.id === id)!.event;
        const option = EventSchema.options.find((x) => x.shape.type.value === event.type)!;
        const record = event as Record<string, unknown>;
        const fields = Object.keys(option.shape).filter(
          (k) => k !== (record.day !== undefined ? "date" : "day"),
        );
        const field = await select<string>({
          message: `Edit which field of #${id}?`,
          choices: fields.map((k) => ({ name: `${k}: ${show(record[k]) || c.dim("(not set)")}`, value: k })),
        });
        const label = `#${id} ${field}`;
        const make = (value: unknown): Edit => ({ kind: "edit", id, patch: { [field]: value } });
        const answer = await input({
          message: `New ${field} for #${id} (empty clears it):`,
          default: show(record[field]),
          validate: validation(make, label),
        });
        tryEdit(make(typed(answer, label)));
        break;
      }
      case "add": {
        const event = await askEvent(current);
        if (event) tryEdit({ kind: "add", event });
        break;
      }
      case "set": {
        const policy = runVariant(current).loaded.scenario.policy;
        const params = { ...policy, ...current.set } as Record<string, unknown>;
        const key = await select<string>({
          message: "Which policy parameter?",
          pageSize: 12,
          choices: Object.entries(policyParamsShape).map(([k, schema]) => ({
            name: `${k} = ${show(params[k])}`,
            value: k,
            description: schema.description ?? "",
          })),
        });
        const make = (value: unknown): Edit => ({ kind: "set", params: { [key]: value } });
        const answer = await input({
          message: `${key} from day 0:`,
          default: show(params[key]),
          validate: validation(make, key),
        });
        tryEdit(make(typed(answer, key)));
        break;
      }
      case "policy": {
        const names = builtinPolicyNames();
        const ref = await select<string>({
          message: `Run under which policy? (now: ${current.policy})`,
          choices: [...names.map((n) => ({ name: n, value: n })), { name: "a policy file…", value: "" }],
        });
        const chosen =
          ref !== ""
            ? ref
            : await input({
                message: "Policy file (relative to the scenario file):",
                validate: validation((v) => ({ kind: "policy", ref: String(v) }), "policy"),
              });
        tryEdit({ kind: "policy", ref: chosen });
        break;
      }
      case "seed": {
        const answer = await input({
          message: "Seed:",
          default: String(current.seed),
          validate: (t) => /^-?\d+$/.test(t.trim()) || "a whole number",
        });
        tryEdit({ kind: "seed", seed: Number(answer) });
        break;
      }
      case "undo": {
        const previous = history.pop();
        if (previous) {
          say(c.yellow(`↶ undid: ${current.notes.at(-1)}`));
          current = previous;
        }
        break;
      }
      case "run": {
        const run = runVariant(current);
        const cmp = compareRuns(base, run);
        say("");
        say(
          renderComparison(cmp, { base: base.trace, variant: run.trace }, current.notes, {
            chalk: c,
            chart: true,
          }),
        );
        break;
      }
      case "search": {
        const goal = await select<Goal>({
          message: "Find the smallest change to your own events that would…",
          choices: [
            { name: "avoid the suspension", value: "avoid-suspended" },
            { name: "avoid every decline", value: "avoid-declined" },
            { name: "restore the account sooner", value: "reach-restored" },
          ],
        });
        // from the original timeline: "what would have avoided it" is about what really happened
        const from = base;
        const r = searchCounterfactual(
          goal,
          { variant: from.variant, trace: from.trace, policy: from.loaded.scenario.policy },
          (v) => runVariant(v).trace,
        );
        say("");
        if (current.notes.length > 0) say(c.dim("(searched from the original timeline, without your edits)"));
        say(renderCounterfactual(r, from, c));
        const best = r.solutions[0];
        const replace = current.notes.length > 0 ? " (replaces your edits; undo brings them back)" : "";
        if (
          best &&
          (await confirm({ message: `Adopt the first suggestion as your edits?${replace}`, default: true }))
        ) {
          history.push(current);
          current = best.variant;
          say(c.green(`✓ ${best.variant.notes.slice(from.variant.notes.length).join("; ")}`));
        }
        break;
      }
      case "save": {
        const target = await input({
          message: "Save as:",
          default: suggestName(current.file),
          validate: (t) => t.trim() !== "" || "a file name",
        });
        const file = target.trim();
        if (!existsSync(dirname(file) || ".")) {
          say(c.red(`✗ no such folder: ${dirname(file)}`));
          break;
        }
        if (
          existsSync(file) &&
          !(await confirm({ message: `${file} exists. Replace it?`, default: false }))
        ) {
          say(c.dim("not saved"));
          break;
        }
        write(file, variantYaml(current, file));
        savedAs = current;
        say(c.green(`✓ saved ${file}; run it with: credit-sim run ${file}`));
        break;
      }
      case "quit": {
        const unsaved = current.notes.length > 0 && savedAs !== current;
        if (unsaved && !(await confirm({ message: "Leave without saving the edits?", default: true }))) break;
        return;
      }
    }
  }
}

/** scenarios/zhang-ming.yaml → scenarios/zhang-ming-whatif.yaml (then -whatif-2, …) */
export function suggestName(file: string, exists: (f: string) => boolean = existsSync): string {
  const ext = extname(file) || ".yaml";
  const stem = join(dirname(file), basename(file, extname(file)));
  for (let n = 1; ; n++) {
    const candidate = `${stem}-whatif${n === 1 ? "" : `-${n}`}${ext}`;
    if (!exists(candidate)) return candidate;
  }
}

/** Guided entry of a new event: type, day, then its own fields. */
async function askEvent(v: Variant): Promise<WrittenEvent | null> {
  const type = await select<string>({
    message: "Event type:",
    pageSize: 12,
    choices: EVENT_TYPES.map((t) => ({
      name: t,
      value: t,
      description: EventSchema.options.find((x) => x.shape.type.value === t)?.description ?? "",
    })),
  });
  const dayText = await input({
    message: `Day (0–${v.until}):`,
    validate: (t) =>
      (/^\d+$/.test(t.trim()) && Number(t) <= v.until) || `a whole number of days from 0 to ${v.until}`,
  });
  const data: Record<string, unknown> = { day: Number(dayText), type };
  const amount = async (message: string) =>
    Number(
      await input({
        message,
        validate: (t) => {
          try {
            validateEvent({ type: "purchase", amount: typed(t, "amount") }, "amount");
            return true;
          } catch (e) {
            return e instanceof InputError ? e.format().replace(/\n\s*/g, " — ") : String(e);
          }
        },
      }),
    );
  switch (type) {
    case "apply":
      data.product = await select({
        message: "Product:",
        choices: ["increase", "open"].map((p) => ({ name: p, value: p })),
      });
      data.amount = await amount("Amount (yuan):");
      break;
    case "purchase": {
      data.amount = await amount("Amount (yuan):");
      const merchant = await input({ message: "Merchant (optional):" });
      if (merchant.trim() !== "") data.merchant = merchant.trim();
      break;
    }
    case "repay": {
      const kind = await select({
        message: "Repay how much?",
        choices: [...REPAY_KEYWORDS, "an amount…"].map((k) => ({ name: k, value: k })),
      });
      data.amount = kind === "an amount…" ? await amount("Amount (yuan):") : kind;
      break;
    }
    case "change_profile":
      data.field = await select({
        message: "Which detail?",
        choices: PROFILE_FIELDS.map((f) => ({ name: f, value: f })),
      });
      break;
    case "external_debt":
      data.amount = await amount("Debt taken on elsewhere (yuan):");
      break;
    case "income":
      data.monthlyIncome = Number(
        await input({
          message: "New monthly income (yuan):",
          validate: (t) => (/^\d+(\.\d+)?$/.test(t.trim()) ? true : "a number of yuan"),
        }),
      );
      break;
    case "policy":
      data.use = await select({
        message: "Switch to which policy?",
        choices: builtinPolicyNames().map((n) => ({ name: n, value: n })),
      });
      break;
    case "note":
      data.text = await input({ message: "Text:" });
      break;
    default:
      break;
  }
  // validated (with the loader's messages) when applied
  return data as WrittenEvent;
}
