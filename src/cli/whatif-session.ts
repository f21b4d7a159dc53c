// The interactive what-if session: a prompt loop (inquirer) over the pure session reducer
// (whatif/session.ts). The loop asks, dispatches an action, and prints what the reducer's notice says;
// the state (the variant, the undo history, what was saved) lives only in the reducer's state.

import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { ChalkInstance } from "chalk";
import { Document } from "yaml";
import {
  lineName,
  POLICY_PARAMETERS,
  type Policy,
  type PolicyParamName,
  paramValueHint,
} from "../engine/index.js";
import { renderComparison } from "../render/compare.js";
import { listingLegend, listingLines, renderCounterfactual } from "../render/whatif.js";
import { decisionText } from "../scenario/format.js";
import { checkWritable } from "../scenario/load.js";
import { builtinPolicyNames } from "../scenario/load-policy.js";
import { EventSchema, policyParamsShape } from "../scenario/schema.js";
import { yamlText } from "../scenario/yaml-text.js";
import { InputError } from "../shared/errors.js";
import { checkOwnFolder, ownFolder } from "../shared/folders.js";
import { resolveAsSystem } from "../shared/paths.js";
import { printable, printableName, printablePath, shellPath } from "../shared/text.js";
import { checkOutput, writeOutput } from "../shared/write-file.js";
import { occupied } from "../shared/write-plan.js";
import { numbersAsTyped } from "../whatif/flags.js";
import type { Goal } from "../whatif/goal.js";
import { compareRuns, runVariant, searchTrace, type VariantRun } from "../whatif/run.js";
import { suggestName, variantYaml } from "../whatif/save.js";
import { searchCounterfactual } from "../whatif/search.js";
import {
  canUndo,
  editCount,
  eventChoices,
  hasUnsavedEdits,
  lineOfEvent,
  type Notice,
  refusal,
  type SessionAction,
  type SessionState,
  sessionReducer,
  startSession,
} from "../whatif/session.js";
import { type Edit, loadVariant, type Variant } from "../whatif/variant.js";
import { checkOutputs } from "./output-file.js";
import { BACK, endedInput, escaped, type Prompts, prompts } from "./prompts.js";
import { askEvent, askLine, dayAnswer, typed } from "./whatif-event-prompt.js";

export interface SessionOptions {
  chalk: ChalkInstance;
  /** where text goes (stdout by default) */
  output?: (text: string) => void;
  /** writes a saved file (saveVariantFile by default); `replace`: the user agreed to replace what is
   *  there; `own`: the name is in the session's own folder (whatif/, where it suggests names) */
  write?: (file: string, text: string, replace: boolean, own: boolean) => void;
  /** the terminal's width, when the text is fitted to one (the comparison lays itself out for it) */
  columns?: number;
  /** where the prompts' keys are heard (standard input by default): Escape goes back to the menu */
  input?: NodeJS.EventEmitter;
  /** the folder the session works in (the CLI's), where the files it reads are named from; the process's
   *  by default */
  cwd?: string;
}

/**
 * Writes a saved variant whole. A name in the session's own folder (whatif/, where it suggests
 * NAME-whatif.yaml) is never written through a link, the folder included: the folder is made here, or
 * must be a real folder, not a link a cloned repository may plant under that name. A file that appears
 * while the user answers is not replaced unless they said so.
 */
export function saveVariantFile(file: string, text: string, replace: boolean, own: boolean): void {
  // made for this save: one that fails (a name too long) leaves no empty folder at the command's end
  if (own) ownFolder(dirname(file) || ".", undefined, true);
  writeOutput(file, text, { dashIsStdout: false, existing: replace ? "regular" : "new" });
}

/** Every file the session reads: the scenario, and the policy files (with what they extend) the original
 *  and the variant name. */
function filesRead(original: Variant, current: Variant): string[] {
  const policyCache = new Map<string, Policy>();
  for (const v of [original, current]) loadVariant(v, { policyCache });
  return [original.file, ...policyCache.keys()];
}

type Choice =
  | "show"
  | "remove"
  | "edit"
  | "add"
  | "set"
  | "policy"
  | "undo"
  | "run"
  | "search"
  | "save"
  | "quit";

/** A value as YAML, as an answer is typed (the prompt's default is read back as typed): a C1 or
 *  bidirectional control in it as its escape, which the YAML library would show raw. */
const show = (value: unknown): string =>
  value === undefined ? "" : yamlText(new Document(value), { lineWidth: 0 }).trim();

/** An answer that is the value already there (Enter on the default): no edit to count, undo or save. */
const unchanged = (answer: string, now: unknown, read: (text: string) => unknown): boolean =>
  JSON.stringify(read(answer)) === JSON.stringify(now ?? null);

export async function runSession(base: VariantRun, o: SessionOptions): Promise<void> {
  const c = o.chalk;
  const print = o.output ?? ((t: string) => process.stdout.write(t));
  const write = o.write ?? saveVariantFile;
  const say = (text: string) => print(text.endsWith("\n") ? text : `${text}\n`);
  let state = startSession(base);
  // keys pressed while the session worked (a search, a comparison) are no answer to the prompt after it,
  // which was not on the screen yet: dropped, and said
  const ask = prompts(c, o.input, undefined, () =>
    say(c.dim("(keys pressed before this question was shown were ignored: press them again)")),
  );
  const { select, checkbox, input, confirm } = ask;

  // what an edit brings that `run` would warn of, worded as `whatif`'s flags and `run` word it
  const warned = (warnings: readonly string[] = []) =>
    warnings.map((w) => c.yellow(`warning: ${printable(w)}`));
  const noticeText = (n: Notice): string => {
    switch (n.kind) {
      case "edited":
        return [c.green(`✓ ${n.note}`), ...warned(n.warnings)].join("\n");
      case "refused":
        return c.red(`✗ ${n.error.format()}`);
      case "undid":
        return c.yellow(`↶ undid: ${n.note}`);
      case "adopted":
        return [c.green(`✓ ${n.notes.join("; ")}`), ...warned(n.warnings)].join("\n");
      case "saved":
        return c.green(
          `✓ saved ${printablePath(n.file)}; run it with: credit-sim run ${printable(shellPath(n.file))}`,
        );
      default: {
        const never: never = n;
        throw new Error(`unknown notice ${JSON.stringify(never)}`);
      }
    }
  };
  const dispatch = (action: SessionAction) => {
    state = sessionReducer(state, action);
    if (state.notice) say(noticeText(state.notice));
  };
  /** An input prompt's check: the edit the answer would make, refused with the loader's message. */
  const validation = (make: (value: unknown) => Edit, read: (text: string) => unknown) => (text: string) => {
    let error: InputError | null;
    try {
      error = refusal(state, make(read(text)));
    } catch (e) {
      // the answer is not even a value (bad YAML)
      if (!(e instanceof InputError)) throw e;
      error = e;
    }
    return error === null ? true : numbersAsTyped(error, text).formatLine();
  };
  /** The policy file prompt's check: the path as typed, the one the edit is made with — as `--policy`
   *  takes it. Read as YAML, `"p.yaml"` was checked as p.yaml and then run as a file named with quotes,
   *  `p.yaml # v2` as p.yaml, and `#p.yaml` as a policy named "null". */
  const policyFileCheck = (text: string) => {
    const error = refusal(state, { kind: "policy", ref: text.trim() });
    return error === null ? true : error.formatLine();
  };
  const showTimeline = () => {
    const v = state.current;
    const run = runVariant(v);
    say(
      `\n${c.bold(`${printableName(v.original.name)}${v.notes.length > 0 ? " (what-if)" : ""}`)}  ${c.dim(`policy ${printableName(v.policy)}, days 0–${v.until}`)}`,
    );
    for (const line of [...listingLines(run, c, o.columns), ...listingLegend(run, c)]) say(line);
    if (v.notes.length > 0) say(c.dim(`edits: ${printable(v.notes.join("; "))}`));
    say("");
  };
  // numbers and days padded to the widest, so that what each event is starts in one column (#9 and #10,
  // day 95 and day 104 shifted it)
  const pickEvents = () => {
    const choices = eventChoices(state);
    const idWidth = Math.max(0, ...choices.map((e) => String(e.id).length));
    const dayWidth = Math.max(0, ...choices.map((e) => String(e.day).length));
    return choices.map((e) => ({
      name: `${`#${e.id}`.padEnd(idWidth + 1)}  day ${String(e.day).padStart(dayWidth)}  ${e.what}${e.decision ? `  (${decisionText(e.decision)})` : ""}`,
      value: e.id,
    }));
  };

  say(c.bold(`What-if session: ${printableName(base.loaded.scenario.name)}`));
  say(
    c.dim(
      "Edit the timeline, then run to compare with the original. Esc goes back to the menu; Ctrl-C or Ctrl-D leaves at any time; nothing is written unless you save.",
    ),
  );
  showTimeline();

  // the choice left with Escape: the menu comes back with its cursor there, to take it again or move on
  // from it (on the first item, a parameter left half-way had to be found again); after an action it is
  // on the first, running the edits
  let left: Choice | undefined;
  for (;;) {
    const edits = editCount(state);
    // Escape at the menu leaves it where it is; anywhere after, it comes back to it before any edit is made
    // (each choice makes its edit once every answer is in), and says so
    let choice: Choice;
    try {
      choice = await menu(edits, left);
    } catch (e) {
      if (escaped(e)) continue;
      if (endedInput(e)) return ended();
      throw interrupted(e);
    }
    left = undefined;
    try {
      if ((await act(choice)) === "quit") return;
    } catch (e) {
      if (endedInput(e)) return ended();
      if (!escaped(e)) throw interrupted(e);
      left = choice;
      say(c.dim("back to the menu: nothing changed"));
    }
  }

  /** Ctrl-D on an empty line, at any prompt: the end of input leaves as Quit does (exit 0) — as it leaves
   *  node's REPL, python's, psql — without the question Quit asks, which no more input can answer; what
   *  the edits were is said (nothing is written but a save). */
  function ended(): void {
    say(c.dim(leftSaying()));
  }

  /** Ctrl-C at any prompt (inquirer's ExitPromptError, which the command turns into exit 130): said as
   *  Ctrl-D says it, with what is not saved — it left only 'left the what-if session', and the edits made
   *  went unmentioned. Its prompt's line was taken away: the words start a line of their own. */
  function interrupted(e: unknown): unknown {
    if (e instanceof Error && e.name === "ExitPromptError") say(c.dim(`\n${leftSaying()}`));
    return e;
  }

  function leftSaying(): string {
    const n = editCount(state);
    const unsaved = !hasUnsavedEdits(state)
      ? ""
      : state.saved === null
        ? `: ${n} edit${n === 1 ? "" : "s"} not saved`
        : ": the edits since the last save not saved";
    return `left the what-if session${unsaved}`;
  }

  function menu(edits: number, at: Choice | undefined): Promise<Choice> {
    return select<Choice>({
      message: `What now?${edits > 0 ? ` (${edits} edit${edits === 1 ? "" : "s"})` : ""}`,
      pageSize: 12,
      ...(at === undefined ? {} : { default: at }),
      choices: [
        { name: "Run and compare with the original", value: "run" },
        { name: "Remove events", value: "remove" },
        { name: "Edit an event", value: "edit" },
        { name: "Add an event", value: "add" },
        { name: "Change a policy parameter", value: "set" },
        { name: "Switch the policy", value: "policy" },
        { name: "Undo the last edit", value: "undo", disabled: canUndo(state) ? false : "(nothing to undo)" },
        { name: "Show the timeline", value: "show" },
        { name: "Find the smallest change that avoids an outcome", value: "search" },
        { name: "Save the variant as a new scenario file", value: "save" },
        { name: "Quit", value: "quit" },
      ],
    });
  }

  /** What a menu choice does: "quit" once the session is to end. */
  async function act(choice: Choice): Promise<"quit" | undefined> {
    switch (choice) {
      case "show":
        showTimeline();
        break;
      case "remove": {
        const ids = await checkbox<number>({
          message: "Remove which events? (space selects, enter confirms)",
          // the answer is echoed by number: the line beneath says each in full (every one echoed in full
          // ran over several lines, broken mid-word)
          choices: pickEvents().map((choice) => ({ ...choice, short: `#${choice.value}` })),
          pageSize: 15,
        });
        if (ids.length > 0) dispatch({ type: "edit", edit: { kind: "remove", ids } });
        break;
      }
      case "edit": {
        const id = await select<number | null>({
          message: "Edit which event?",
          choices: [...pickEvents(), BACK],
          pageSize: 15,
        });
        if (id === null) break;
        const event = state.current.events.find((e) => e.id === id)!.event;
        const option = EventSchema.options.find((x) => x.shape.type.value === event.type)!;
        const record = event as Record<string, unknown>;
        // a line not written is still a line: the one the engine reads
        const notSet = (k: string) =>
          k !== "line"
            ? "(not set)"
            : event.type === "request_review"
              ? "(not set: whichever is suspended)"
              : `(not set: ${lineName("huabei")})`;
        // the type is what the event is, not a field of it (another type is another event: remove, add)
        const fields = Object.keys(option.shape).filter(
          (k) => k !== "type" && k !== (record.day !== undefined ? "date" : "day"),
        );
        const field = await select<string | null>({
          message: `Edit which field of #${id}?`,
          choices: [
            ...fields.map((k) => ({ name: `${k}: ${show(record[k]) || c.dim(notSet(k))}`, value: k })),
            BACK,
          ],
        });
        if (field === null) break;
        const label = `#${id} ${field}`;
        const make = (value: unknown): Edit => ({ kind: "edit", id, patch: { [field]: value } });
        if (field === "line") {
          // a choice of the lines, not a text to type; unchanged when it is the line the event is on now
          const now = lineOfEvent(state, id);
          const line = await askLine(select, `Which line for #${id}?`, now, event.type === "request_review");
          if (line === now) say(c.dim(`unchanged: #${id} line`));
          else dispatch({ type: "edit", edit: make(line) });
          break;
        }
        // the value now is the prompt's default, which an empty answer takes (inquirer's input): so Enter
        // keeps it, and `null` clears it, as `--edit 7:field=null` does — offered only where the event may
        // go without the field (a purchase's `amount` cannot; nor `day` or `date`, each optional in the
        // schema as the other may stand for it, but only the one the event has is offered)
        const clears =
          field !== "day" &&
          field !== "date" &&
          (option.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>)[field]?.safeParse(
            undefined,
          ).success;
        // a day is answered as its number or its date, as adding an event asks it (typed as a date, it was
        // refused with 'write date: …', a file's words no answer here can follow)
        const read = field === "day" ? dayAnswer(state.current) : (t: string) => typed(t, label);
        const range = field === "day" ? `0–${state.current.until}, or a date; ` : "";
        const answer = await input({
          message: `New ${field} for #${id} (${range}Enter keeps it${clears ? ", null clears it" : ""}):`,
          default: show(record[field]),
          validate: validation(make, read),
        });
        if (unchanged(answer, record[field], read)) say(c.dim(`unchanged: #${id} ${field}`));
        else dispatch({ type: "edit", edit: make(read(answer)) });
        break;
      }
      case "add": {
        const event = await askEvent(state.current, ask);
        if (event) dispatch({ type: "edit", edit: { kind: "add", event } });
        break;
      }
      case "set": {
        const policy = runVariant(state.current).loaded.scenario.policy;
        const params = { ...policy, ...state.current.set } as Record<string, unknown>;
        const key = await select<PolicyParamName | null>({
          message: "Which policy parameter?",
          pageSize: 12,
          choices: [
            ...Object.entries(policyParamsShape).map(([k, schema]) => ({
              name: `${k} = ${show(params[k])}`,
              value: k as PolicyParamName,
              description: schema.description ?? "",
            })),
            BACK,
          ],
        });
        if (key === null) break;
        const make = (value: unknown): Edit => ({ kind: "set", params: { [key]: value } });
        const answer = await input({
          // the menu's description goes once the parameter is chosen: the prompt keeps its unit and range
          message: `${key} from day 0 (${paramValueHint(POLICY_PARAMETERS[key].type)}):`,
          default: show(params[key]),
          validate: validation(make, (t) => typed(t, key)),
        });
        if (unchanged(answer, params[key], (t) => typed(t, key))) say(c.dim(`unchanged: ${key}`));
        else dispatch({ type: "edit", edit: make(typed(answer, key)) });
        break;
      }
      case "policy": {
        const names = builtinPolicyNames();
        const now = state.current.policy;
        const ref = await select<string | null>({
          message: `Run under which policy? (now: ${printableName(now)})`,
          choices: [
            ...names.map((n) => ({ name: n, value: n })),
            { name: "a policy file…", value: "" },
            BACK,
          ],
        });
        if (ref === null) break;
        // Enter on an empty answer is the way back (it was read as a policy named "null")
        const chosen =
          ref !== ""
            ? ref
            : (
                await input({
                  message: "Policy file (relative to the scenario file; Enter alone goes back):",
                  validate: (t) => t.trim() === "" || policyFileCheck(t),
                })
              ).trim();
        // the policy it runs under already is no edit: nothing to count, undo or save
        if (chosen === "" || chosen === now) say(c.dim(`unchanged: policy ${printableName(now)}`));
        else dispatch({ type: "edit", edit: { kind: "policy", ref: chosen } });
        break;
      }
      case "undo":
        dispatch({ type: "undo" });
        break;
      case "run": {
        // the variant is still the original: "Decisions that differ: none" alone would not say why
        if (editCount(state) === 0)
          say(
            c.dim(
              "No edits yet: the variant is the original, so every decision is the same. Edit the timeline or the policy first.",
            ),
          );
        const run = runVariant(state.current);
        const traces = { base: base.trace, variant: run.trace };
        say("");
        say(
          renderComparison(compareRuns(base, run), traces, state.current.notes, {
            chalk: c,
            chart: true,
            columns: o.columns,
          }),
        );
        break;
      }
      case "search":
        await search(state, c, ask, say, (variant) => dispatch({ type: "adopt", variant }));
        break;
      case "save": {
        const suggested = suggestName(state.current.file);
        const target = await input({
          // the default sits in whatif/, outside the scenarios/ that `credit-sim test` runs
          message: "Save as:",
          default: suggested,
          validate: (t) => t.trim() !== "" || "a file name",
        });
        const file = target.trim();
        // where the name leads from the session's folder: every check and the write go there, the name
        // as typed in what is said
        const path = o.cwd === undefined ? file : resolveAsSystem(o.cwd, file);
        // a name in the session's own folder (whatif/, the suggestion's, whichever name is typed there)
        // is written as the suggestion is: the folder made on first use, never a link planted there
        const own = resolve(dirname(path)) === resolve(o.cwd ?? ".", dirname(suggested));
        // any other folder must exist
        if (!own && !existsSync(dirname(path))) {
          say(c.red(`✗ no such folder: ${printablePath(dirname(file))}`));
          break;
        }
        let text: string;
        try {
          // what refuses the name (a folder, not .yaml, a policy it may not name) is said before anyone is
          // asked to replace what is there: "/tmp exists. Replace it?" was asked, then refused
          if (existsSync(path) && statSync(path).isDirectory())
            throw new InputError("is a directory", { file, hint: "give a file name" });
          text = variantYaml(state.current, path, o.cwd === undefined ? {} : { cwd: o.cwd });
          checkWritable(text, resolve(path), state.current.roots, file, o.cwd);
          // a link or a file planted at the session's own folder, before "x exists. Replace it?" is asked
          // of a file reached through it (and before a link's target is checked as another folder's)
          if (own) checkOwnFolder(dirname(path), dirname(file));
          // as `--save` is: never over the scenario being edited or a policy file it names (a hard link
          // to one too); "zhang-ming.yaml exists. Replace it?" did not say the original would be lost
          checkOutputs(
            o.cwd ?? process.cwd(),
            [{ flag: "save", file }],
            filesRead(base.variant, state.current),
          );
          // what the write refuses (a link, even one that leads nowhere, a pipe, a device) is refused before
          // the question too: "link.yaml exists. Replace it?", answered yes, was then 'cannot write'
          checkOutput(path, { dashIsStdout: false, existing: "regular" });
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          say(c.red(`✗ ${e.format()}`));
          break;
        }
        const taken = occupied(path);
        if (
          taken &&
          !(await confirm({ message: `${printablePath(file)} exists. Replace it?`, default: false }))
        ) {
          say(c.dim("not saved"));
          break;
        }
        try {
          write(path, text, taken, own);
        } catch (e) {
          // a file that cannot be written (a link, a folder, no permission) leaves the edits in the session
          if (!(e instanceof InputError)) throw e;
          say(c.red(`✗ ${e.format()}`));
          break;
        }
        dispatch({ type: "saved", file });
        break;
      }
      case "quit": {
        if (
          hasUnsavedEdits(state) &&
          !(await confirm({ message: "Leave without saving the edits?", default: true }))
        )
          break;
        return "quit";
      }
      default: {
        const never: never = choice;
        throw new Error(`unknown menu choice ${String(never)}`);
      }
    }
    return undefined;
  }
}

/** "Find the smallest change": from the timeline as edited — what the user sees, as `whatif --avoid`
 *  with edit flags searches the variant they make (from the original, an edit that brought a suspension
 *  was answered "never suspended") — then offer to adopt the first suggestion, which adds to the edits. */
async function search(
  state: SessionState,
  c: ChalkInstance,
  { select, confirm }: Prompts,
  say: (text: string) => void,
  adopt: (variant: SessionState["current"]) => void,
): Promise<void> {
  const goal = await select<Goal | null>({
    message: "Find the smallest change to your own events that would…",
    choices: [
      { name: "avoid the suspension", value: "avoid-suspended" },
      { name: "avoid every decline", value: "avoid-declined" },
      { name: "restore the account sooner", value: "reach-restored" },
      BACK,
    ],
  });
  if (goal === null) return;
  const edited = editCount(state) > 0;
  const from = edited ? runVariant(state.current) : state.base;
  let r: ReturnType<typeof searchCounterfactual>;
  try {
    r = searchCounterfactual(
      goal,
      { variant: from.variant, trace: from.trace, policy: from.loaded.scenario.policy },
      searchTrace,
    );
  } catch (e) {
    // a search refused (a timeline too long) is said; the session and its edits go on
    if (!(e instanceof InputError)) throw e;
    say(c.red(`✗ ${e.format()}`));
    return;
  }
  say("");
  say(renderCounterfactual(r, from, c));
  const best = r.solutions[0];
  const message = edited
    ? "Adopt the first suggestion, added to your edits? (undo takes it back)"
    : "Adopt the first suggestion as your edits?";
  if (best && (await confirm({ message, default: true }))) adopt(best.variant);
}
