// `credit-sim whatif FILE`: its options, typed. The edit flags keep the order they were given in across
// flags (`--edit 5:day=30 --remove day=30` edits #5, then removes it): each parser appends to one list.

import { Checks, InputError, UsageError } from "../../shared/errors.js";
import { grouped, quoted } from "../../shared/text.js";
import type { FlagEdit } from "../../whatif/flags.js";
import type { Goal } from "../../whatif/goal.js";
import { MAX_BUDGET, MAX_EDITS, MAX_SEARCH_WORK } from "../../whatif/search.js";
import { type CommandSpec, helpText, one, type ParseContext } from "./command.js";
import { checkRange } from "./simulate-values.js";
import {
  flag,
  noColor,
  type OptionSpec,
  outputPath,
  type RawOptions,
  refuseGiven,
  text,
  wholeNumber,
} from "./table.js";
import { wordHint } from "./words.js";

export interface WhatifOptions {
  /** edit flags in the order given */
  edits: FlagEdit[];
  /** --avoid / --reach: search for the smallest change instead of comparing */
  goal: Goal | null;
  maxEdits: number | undefined;
  budget: number | undefined;
  list: boolean;
  json: boolean;
  save: string | undefined;
  force: boolean;
  chart: boolean;
  color: boolean;
  /** the comparison as a self-contained HTML page (`-`: stdout) */
  html: string | undefined;
  wide: boolean;
  /** The product contract's "change the seed": accepted so scripts written to it still run; nothing in a scenario is random */
  seed: number | undefined;
}

export interface WhatifInvocation {
  command: "whatif";
  file: string;
  options: WhatifOptions;
}

const options = () => {
  const edits: FlagEdit[] = [];
  const edit = (kind: FlagEdit["flag"], flags: string, description: string): OptionSpec<FlagEdit[]> => ({
    flags,
    description,
    parse: (value) => {
      edits.push({ flag: kind, value });
      return edits;
    },
  });
  return {
    remove: edit(
      "remove",
      "--remove <events>",
      'remove events: 7 | 7,9 | 10-12 | "type=apply,product=increase,day>=80"',
    ),
    add: edit(
      "add",
      "--add <event>",
      "add an event: '{day: 60, type: repay, amount: full}' | day=60,type=repay,amount=full",
    ),
    edit: edit("edit", "--edit <n:changes>", "edit event n: '7:day=65' | '7:{amount: full}'"),
    set: edit("set", "--set <param=value>", "set policy parameters from day 0: minScore=620"),
    policy: edit("policy", "--policy <name|file>", "switch the scenario's policy"),
    avoid: text("--avoid <outcome>", "find the smallest change that avoids: suspended | declined"),
    reach: text("--reach <outcome>", "find the smallest change that reaches sooner: restored"),
    maxEdits: wholeNumber(
      "--max-edits <n>",
      `counterfactual: at most this many changes (default 3, at most ${MAX_EDITS})`,
      { min: 1, max: MAX_EDITS },
    ),
    budget: wholeNumber(
      "--budget <n>",
      `counterfactual: at most this many runs (default 2000; fewer for a long timeline; at most ${grouped(MAX_BUDGET)}; and at most ${grouped(MAX_SEARCH_WORK)} simulated steps in all)`,
      { min: 1, max: MAX_BUDGET },
    ),
    list: flag(
      "--list",
      "list the events with their numbers and decisions (of the variant, with edit flags)",
    ),
    json: flag("--json", "the comparison (or counterfactual) as JSON"),
    save: outputPath("--save <file>", "save the variant as a new scenario file (- for standard output)"),
    force: flag("--force", "let --save replace an existing file, and --html one credit-sim did not write"),
    chart: flag("--no-chart", "leave out the score chart"),
    color: noColor(),
    html: outputPath(
      "--html <file>",
      "also write the comparison as a self-contained HTML page (- for standard output)",
    ),
    wide: flag("--wide", "do not fit the output to the terminal's width"),
    seed: wholeNumber(
      "--seed <n>",
      "accepted and ignored: a scenario is deterministic, so no seed changes it (simulate --seed seeds a population)",
      { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
    ),
  };
};

/** The outcomes a search can avoid, and the one it can reach sooner. */
const AVOIDABLE = ["suspended", "declined"] as const;
const REACHABLE = ["restored"] as const;

/** A decision the search does not avoid, and what to do instead. The search counts a variant without the
 *  outcome as one that avoids it: a variant whose line is suspended instead of cut, or charged off later,
 *  would be told as avoiding the cut or the charge-off — so these are not searched for. */
const NOT_AVOIDED: Record<string, string> = {
  limit_reduced:
    "the search avoids a suspension or a decline only: a change that avoids a limit cut could leave a worse outcome in its place (the line suspended); `credit-sim explain FILE --day N` shows what the cut read, and --edit or --add tries a change",
  charged_off:
    "a charge-off follows a suspension never restored: --avoid suspended finds the change that avoids the suspension, and the charge-off with it",
};

function parseGoal(avoid: string | undefined, reach: string | undefined): Goal | null {
  if (avoid !== undefined && reach !== undefined) throw new UsageError("give --avoid or --reach, not both");
  if (avoid !== undefined) {
    if (avoid === "suspended" || avoid === "declined") return `avoid-${avoid}`;
    const decision = avoid
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_");
    const why = Object.hasOwn(NOT_AVOIDED, decision) ? NOT_AVOIDED[decision] : undefined;
    if (why !== undefined)
      throw new InputError(`--avoid: ${quoted(avoid)} is a decision, but not one a search avoids`, {
        expected: AVOIDABLE.join(" or "),
        found: quoted(avoid),
        hint: why,
      });
    throw new InputError(`--avoid: ${quoted(avoid)} is not an outcome to avoid`, {
      expected: AVOIDABLE.join(" or "),
      found: quoted(avoid),
      hint: wordHint(avoid, AVOIDABLE).hint ?? "e.g. --avoid suspended",
    });
  }
  if (reach !== undefined) {
    if (reach === "restored") return "reach-restored";
    throw new InputError(`--reach: ${quoted(reach)} is not an outcome to reach`, {
      expected: REACHABLE.join(" or "),
      found: quoted(reach),
      hint: wordHint(reach, REACHABLE).hint ?? "e.g. --reach restored",
    });
  }
  return null;
}

export const WHATIF: CommandSpec<ReturnType<typeof options>, WhatifInvocation> = {
  name: "whatif",
  // the docs' titles and people write "what-if"
  aliases: ["what-if"],
  description: "what if: edit a scenario's events or policy and compare the decisions side by side",
  arguments: [["<file>", "scenario file (YAML or JSON)"]],
  options,
  help: helpText(
    "In a terminal without edit flags (and not under CI), an interactive session opens. Event numbers",
    "are 1-based, in file order (see --list); they stay the same whatever else is edited. Edit flags apply",
    "in the order given; with --list, the events listed are those of the variant they make.",
    "",
    "Examples:",
    "  credit-sim whatif scenarios/zhang-ming.yaml",
    "  credit-sim whatif scenarios/zhang-ming.yaml --list",
    '  credit-sim whatif scenarios/zhang-ming.yaml --remove "type=apply,product=increase,day>=80" --save zm-fewer-applications.yaml',
    "  credit-sim whatif scenarios/zhang-ming.yaml --edit 14:day=100 --set minScore=620 --json",
    "  credit-sim whatif scenarios/zhang-ming.yaml --add day=220,type=repay,amount=full   # the August bill repaid in time",
    "  credit-sim whatif scenarios/zhang-ming.yaml --avoid suspended",
    "  credit-sim whatif scenarios/zhang-ming.yaml --set delinquentMinScore=650 --html whatif.html",
  ),
  read: ([file], raw, ctx) => {
    const c = new Checks();
    // every edit flag's value is the one shared list, in the order given
    const edits = [...(raw.remove ?? raw.add ?? raw.edit ?? raw.set ?? raw.policy ?? [])];
    // what --list does not do, before what needs what: beside it, each is refused for being there
    if (raw.list === true)
      c.check(() =>
        refuseGiven(
          options(),
          raw,
          NOT_WITH_LIST,
          (flag, why) =>
            new UsageError(
              `--list lists the events: ${flag} ${why}`,
              "leave it out, or leave out --list to compare, search or save",
            ),
        ),
      );
    const goal = c.known(() => parseGoal(raw.avoid, raw.reach));
    // a goal that cannot be read was still a search asked for
    needsOthers(c, raw, ctx, edits.length > 0, goal !== null);
    const maxEdits = c.value(
      () => (raw.maxEdits === undefined ? undefined : checkRange("--max-edits", raw.maxEdits, 1, MAX_EDITS)),
      undefined,
    );
    const budget = c.value(
      () => (raw.budget === undefined ? undefined : checkRange("--budget", raw.budget, 1, MAX_BUDGET)),
      undefined,
    );
    c.done();
    return {
      command: "whatif",
      file: one(file),
      options: {
        edits,
        goal: goal ?? null,
        maxEdits,
        budget,
        list: raw.list === true,
        json: raw.json === true,
        save: raw.save,
        force: raw.force === true,
        chart: raw.chart !== false,
        color: raw.color !== false,
        html: raw.html,
        wide: raw.wide === true,
        seed: raw.seed,
      },
    };
  },
};

/** What --list does not do — it lists the events, of the variant the edit flags make — and why each would
 *  be dropped beside it. Its --json, --no-chart, --no-color and --wide are the listing's own (or their
 *  wish kept as it is). */
const NOT_WITH_LIST: Partial<Record<keyof RawOptions<ReturnType<typeof options>>, string>> = {
  avoid: "searches for the smallest change, which it does not",
  reach: "searches for the smallest change, which it does not",
  maxEdits: "bounds a search it does not run",
  budget: "bounds a search it does not run",
  save: "saves the variant, which it does not",
  force: "replaces what --save writes, and nothing is saved",
  html: "writes the comparison, which it does not make",
};

/**
 * The options that mean something only beside others are refused without them, not dropped in silence:
 * the search's bounds without a search, --force without a file to replace, and what shows or saves a
 * variant without the edits or the search that make one (on a terminal the session opened instead, and
 * they did nothing).
 */
function needsOthers(
  c: Checks,
  raw: RawOptions<ReturnType<typeof options>>,
  ctx: ParseContext,
  edited: boolean,
  searched: boolean,
): void {
  // an option whose value was refused was given (its problem is told)
  const given = (key: "save" | "html") => raw[key] !== undefined || ctx.refused?.has(key) === true;
  const bounds = [
    ...(raw.maxEdits !== undefined ? ["--max-edits"] : []),
    ...(raw.budget !== undefined ? ["--budget"] : []),
  ];
  if (bounds.length > 0 && !searched)
    c.tell(
      new UsageError(
        `${bounds.join(" and ")} ${bounds.length === 1 ? "bounds" : "bound"} the search for the smallest change: give --avoid or --reach`,
        `e.g. --avoid suspended ${bounds.map((b) => `${b} ${b === "--budget" ? 500 : 2}`).join(" ")}`,
      ),
    );
  if (raw.force === true && (!given("save") || raw.save === "-") && (!given("html") || raw.html === "-"))
    c.tell(
      new UsageError(
        "--force goes with --save FILE or --html FILE",
        "it lets them replace a file already there",
      ),
    );
  // --list shows the events (as JSON with --json), edited or not
  const outputs = [
    ...(given("save") ? ["--save"] : []),
    ...(given("html") ? ["--html"] : []),
    ...(raw.json === true && raw.list !== true ? ["--json"] : []),
  ];
  if (outputs.length > 0 && !edited && !searched)
    c.tell(
      new UsageError(
        `${outputs.join(", ")} ${outputs.length === 1 ? "needs" : "need"} a variant: give edit flags (--remove, --add, --edit, --set, --policy) or --avoid/--reach`,
        "e.g. --set minScore=620 --save variant.yaml; without edit flags, on a terminal, the session saves from its menu",
      ),
    );
}
