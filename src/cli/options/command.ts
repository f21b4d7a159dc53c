// A command's definition for the parser: its name, arguments, option table and help, and `read`, the one
// place that turns what commander parsed into the typed invocation the command runs with.

import { resolve } from "node:path";
import { Command, type Help, type Option, type ParseOptionsResult } from "commander";
import { InputError, suggest } from "../../shared/errors.js";
import { quoted, shellPath } from "../../shared/text.js";
import { isStandardOutput } from "../output-file.js";
import { saidEmpty } from "./empty.js";
import { noStandardInput } from "./standard-input.js";
import { addOptions, type OptionTable, type RawOptions } from "./table.js";

/** What parsing may read besides argv. */
export interface ParseContext {
  env: Readonly<Record<string, string | undefined>>;
  /** the working folder a relative path starts at */
  cwd: string;
  /** the options given whose value was refused (or missing): their problem is told already, and what
   *  needs them is not told again that they are absent */
  refused?: ReadonlySet<string>;
}

/** Commander's value for one declared argument: a list (`<files...>`), a word, or nothing. */
export type Positional = string | string[] | undefined;

export interface CommandSpec<T extends OptionTable, I> {
  name: string;
  /** other names it answers to (the hyphenated spelling people write) */
  aliases?: readonly string[];
  description: string;
  /** commander argument syntax and its help line, e.g. ["<files...>", "scenario files (YAML or JSON)"] */
  arguments: ReadonlyArray<readonly [string, string]>;
  /** a fresh table per parse (an option's parser may keep state for that parse, e.g. the order of edits) */
  options: () => T;
  /** shown after the options in --help */
  help: string;
  /** every check on the values, in one place; throws UsageError / InputError naming the flag and value */
  read: (positional: readonly Positional[], raw: RawOptions<T>, ctx: ParseContext) => I;
}

/** Adds a command to the program; `found` receives its invocation when argv names it. */
export function register<T extends OptionTable, I>(
  program: Command,
  spec: CommandSpec<T, I>,
  ctx: ParseContext,
  found: (invocation: I) => void,
): void {
  const command = new OptionsCommand(spec.name);
  program.addCommand(command);
  command.copyInheritedSettings(program);
  command.description(spec.description);
  for (const alias of spec.aliases ?? []) command.alias(alias);
  for (const [syntax, description] of spec.arguments) command.argument(syntax, description);
  const read = addOptions(command, spec.options(), (key, problem) => command.refuse(key, problem));
  if (spec.help !== "") addReflowedHelp(command, spec.help);
  command.action((...args: unknown[]) => {
    // the options as read (an option given twice: its last value)
    const raw = read(command.opts());
    // every problem of the command line, in its order, then what `read` finds: told together
    const problems = [...command.problems];
    // commander passes each declared argument, then the options and the command itself
    const positional = args.slice(0, spec.arguments.length).map((value, i) => {
      const given = positionalValue(value);
      try {
        const path = nonEmptyPath(spec.arguments[i]![0], given);
        noStandardInput(spec.name, spec.arguments[i]![0], list(path));
        return path;
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        problems.push(e);
        return given;
      }
    });
    const values = Object.fromEntries(
      Object.entries(raw).filter(([k]) => !command.refused.has(k)),
    ) as typeof raw;
    let invocation: I | undefined;
    try {
      invocation = spec.read(positional, stdoutByName(values, ctx.cwd), { ...ctx, refused: command.refused });
    } catch (e) {
      if (e instanceof InputError) problems.push(e);
      // a missing argument is told already; `read` stops where it needs it
      else if (!(e instanceof MissingArgument && command.missingArgumentTold)) throw e;
    }
    if (problems.length > 0) throw InputError.all(problems);
    if (invocation === undefined) throw new Error(`${spec.name}: read gave no invocation`);
    found(invocation);
  });
}

/** What `one` throws for a required argument commander did not find (its problem is told by the command). */
class MissingArgument extends Error {}

/**
 * A command that tells every problem of its command line at once, each as any bad input is told (what,
 * expected, found). Commander stops at the first: a value an option's parser refuses, an unknown option
 * (after which it reads no option more), an option without its value, a missing or an extra argument.
 * Here each is kept and parsing goes on; the action throws them all, with what `read` finds. --help wins
 * over them all, as it does in commander.
 */
class OptionsCommand extends Command {
  readonly problems: InputError[] = [];
  /** the options (by attribute name) whose value was refused or missing */
  readonly refused = new Set<string>();
  /** a required argument is missing (told) */
  missingArgumentTold = false;

  refuse(key: string, problem: InputError): void {
    this.refused.add(key);
    this.problems.push(problem);
  }

  /** commander's parse, from each unknown option on again: the options after it are read too. */
  override parseOptions(argv: string[]): ParseOptionsResult {
    const operands: string[] = [];
    let rest = argv;
    for (;;) {
      const parsed = super.parseOptions(rest);
      operands.push(...parsed.operands);
      const [first, ...after] = parsed.unknown;
      if (first === undefined) return { operands, unknown: [] };
      // commander looks for --help among the unknown
      if (first === "--help" || first === "-h") return { operands, unknown: parsed.unknown };
      rest = after;
      const name = first.startsWith("--") ? first.split("=")[0]! : first;
      const flags = this.options.flatMap((o) => (o.long === undefined ? [] : [o.long]));
      const near = nearLong(name, [...flags, "--help"]);
      const option = this.options.find((o) => o.long === near);
      // an option of other commands (`run FILE --day 227`: explain's) is told whose it is
      const owners =
        near === undefined && name.startsWith("--")
          ? (this.parent?.commands ?? []).filter((c) => c !== this && c.options.some((o) => o.long === name))
          : [];
      const meant = option ?? owners[0]?.options.find((o) => o.long === name);
      // the word after a misspelt option that takes a value is its value (`--acounts 5`), not an argument
      const next = rest[0];
      const value =
        name === first &&
        meant !== undefined &&
        (meant.required || meant.optional) &&
        next !== undefined &&
        !/^-./.test(next)
          ? next
          : undefined;
      if (value !== undefined) rest = rest.slice(1);
      // the option it is taken for is told with it (did you mean): what needs that option is not told it is
      // missing too (`explain --dya 227` is not also `explain needs --day N`)
      if (option !== undefined) this.refused.add(option.attributeName());
      // `--format json`: a format said as another option's value is that option (`--json`), or the value of
      // the option whose listed names hold it (`test --format junit`: `--reporter junit`)
      const said =
        near === undefined && owners.length === 0 && name === first && next !== undefined && !/^-./.test(next)
          ? this.formatMeant(next)
          : undefined;
      // …and that word is its value, not a file
      if (said !== undefined) rest = rest.slice(1);
      this.problems.push(
        new InputError(`unknown option "${name}"`, {
          expected: `an option of ${this.name()} (credit-sim ${this.name()} --help lists them)`,
          found:
            value === undefined ? (said === undefined ? first : `${first} ${next}`) : `${first} ${value}`,
          ...(near !== undefined
            ? { hint: `did you mean "${near}"?` }
            : said !== undefined
              ? { hint: `did you mean "${said}"?` }
              : owners.length > 0
                ? {
                    hint: `${name} is an option of ${owners.map((c) => c.name()).join(", ")}, not of ${this.name()}`,
                  }
                : {}),
        }),
      );
    }
  }

  /** The option a word written as an unknown option's value names: `--json` for `json`, or `--reporter
   *  junit` where an option's description begins by listing it (`pretty, json, junit, github or html`). */
  formatMeant(word: string): string | undefined {
    const lower = word.toLowerCase();
    if (!/^[a-z]+$/.test(lower)) return undefined;
    const own = this.options.find((o) => o.long === `--${lower}`);
    if (own?.long !== undefined) return own.long;
    const listing = this.options.find(
      (o) =>
        o.long !== undefined &&
        o.required &&
        new RegExp(`^(?:[a-z]+(?:, | or ))*${lower}\\b`).test(o.description),
    );
    return listing?.long === undefined ? undefined : `${listing.long} ${lower}`;
  }

  // commander's own checks, each told here instead of ending the parse (they are its private methods)

  /** `--days` as the last word, without its value */
  optionMissingArgument(option: Option): void {
    this.refuse(
      option.attributeName(),
      new InputError(`${option.long ?? option.flags}: no value`, {
        expected: `${option.flags}: ${option.description}`,
        found: "nothing after it (it is the last word)",
      }),
    );
  }

  missingArgument(name: string): void {
    this.missingArgumentTold = true;
    const argument = this.registeredArguments.find((a) => a.name() === name);
    this.problems.push(
      new InputError(`${this.name()} needs ${argument ? syntaxOf(argument) : name}`, {
        expected: argument?.description ?? name,
        found: "nothing",
        hint: `credit-sim ${this.name()} --help shows examples`,
      }),
    );
  }

  _excessArguments(received: string[]): void {
    const takes = this.registeredArguments;
    // `explain FILE 227`: the day written where no argument goes, its --day left out — one problem, said
    // with the command that has it (not also "too many arguments" and "needs --day")
    const extra = received.slice(takes.length);
    if (
      extra.length === 1 &&
      /^(\d+|\d{4}-\d{2}-\d{2})$/.test(extra[0]!) &&
      this.options.some((o) => o.long === "--day") &&
      this.getOptionValue("day") === undefined
    ) {
      const given = received.slice(0, takes.length).map(shellPath);
      this.refuse(
        "day",
        new InputError(`${this.name()}: a day without --day`, {
          expected: "--day N or --day YYYY-MM-DD",
          found: quoted(extra[0]!),
          hint: ["credit-sim", this.name(), ...given, "--day", extra[0]!].join(" "),
        }),
      );
      return;
    }
    this.problems.push(
      new InputError(`${this.name()}: too many arguments`, {
        expected:
          takes.length === 0
            ? "no argument"
            : takes.map((a) => `${syntaxOf(a)}: ${a.description}`).join("; "),
        found: received
          .slice(takes.length)
          .map((a) => quoted(a))
          .join(" "),
        hint: "quote a name that holds a space; an option's value goes right after it",
      }),
    );
  }
}

/** `<file>`, `[paths...]`: an argument as the usage line shows it. */
function syntaxOf(a: { name(): string; required: boolean; variadic: boolean }): string {
  const inner = `${a.name()}${a.variadic ? "..." : ""}`;
  return a.required ? `<${inner}>` : `[${inner}]`;
}

/** The options that name a file to write and take `-` for standard output. */
const OUTPUT_OPTIONS = ["html", "csv", "save", "output"] as const;

/**
 * `/dev/stdout`, `/dev/fd/1` or any path that is standard output itself is read as `-`: the command then
 * does what it does for `-` (its other text to stderr, or refuses two outputs on standard output) instead
 * of opening the device and truncating what a redirection already holds — or, for a relative path (`--html
 * out.txt > out.txt`), renaming a new file over the one standard output wrote its text into.
 */
function stdoutByName<R extends object>(raw: R, cwd: string): R {
  const out = { ...raw } as Record<string, unknown>;
  for (const key of OUTPUT_OPTIONS) {
    const value = out[key];
    if (typeof value === "string" && value !== "-" && value !== "" && isStandardOutput(resolve(cwd, value)))
      out[key] = "-";
  }
  return out as R;
}

function positionalValue(value: unknown): Positional {
  if (value === undefined || typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  throw new Error(`commander passed an argument of an unexpected shape: ${JSON.stringify(value)}`);
}

/**
 * An empty path argument is refused: resolved, it names the working folder — `test ""` (an unset shell
 * variable) ran and wrote golden traces in whatever folder it was started in, `init ""` wrote there,
 * `merge ""` said "is a directory" about a name it could not show. One of spaces alone too: `init " "`
 * made a folder called " " and told its next steps in it, `run " "` was told as `credit-sim:  : scenario
 * file not found`, a name nobody sees.
 */
function nonEmptyPath(syntax: string, value: Positional): Positional {
  const noun = /^[<[](files?|paths|dir)\b/.exec(syntax)?.[1];
  const blank = list(value).find((v) => v.trim() === "");
  if (noun === undefined || blank === undefined) return value;
  const folder = noun === "dir";
  const what = folder ? "folder" : "file";
  const problem = new InputError(
    blank === "" ? `an empty ${what} name` : `a ${what} name of white space alone`,
    {
      found: quoted(blank),
      hint: folder
        ? "give the path of a folder, or nothing for the current one"
        : `give the path of a file${noun === "paths" ? " or folder" : ""}`,
    },
  );
  throw blank === "" ? saidEmpty(problem) : problem;
}

/** A list argument (`<files...>`, `[paths...]`): empty when none was given. */
export function list(p: Positional): string[] {
  return p === undefined ? [] : typeof p === "string" ? [p] : p;
}

/** A single required argument (`<file>`). */
export function one(p: Positional): string {
  if (typeof p !== "string")
    throw new MissingArgument("a required argument is missing (the command tells it)");
  return p;
}

/** Adds `text` after a command's --help, its paragraphs wrapped to the width the help is printed at. */
export function addReflowedHelp(command: Command, text: string): void {
  command.addHelpText("after", ({ error }) => {
    const output = command.configureOutput();
    const width = (error ? output.getErrHelpWidth?.() : output.getOutHelpWidth?.()) ?? 80;
    return reflowHelp(text, width, command.createHelp());
  });
}

/**
 * Help notes fitted to the terminal: the prose (lines not indented, written at about 100 columns) joined
 * into paragraphs and wrapped at `width` by commander's own wrapping, so no word breaks in two in an
 * 80-column terminal; indented lines (examples, to be copied whole), blank lines and headings stay.
 */
function reflowHelp(text: string, width: number, help: Help): string {
  // too narrow for commander to wrap (it leaves text alone below its minimum): as written, not a
  // paragraph joined into one line
  if (width < help.minWidthToWrap) return text;
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(help.boxWrap(paragraph.join(" "), width));
    paragraph = [];
  };
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith(" ") || line.endsWith(":")) {
      flush();
      out.push(line);
    } else paragraph.push(line);
  }
  flush();
  return out.join("\n");
}

/** Help text: a blank line, then the lines. */
/** The long option `name` is near: a `--` word, or a word of several letters written with one dash (`-json`,
 *  `-help`: a long option's habit of other tools), measured with both dashes. A short flag (`-x`) is
 *  measured against nothing: it is too near every other for a distance to mean anything. */
export function nearLong(name: string, longs: readonly string[]): string | undefined {
  if (name.startsWith("--")) return suggest(name, longs);
  return /^-[a-z][\w-]+$/i.test(name) ? suggest(`-${name}`, longs) : undefined;
}

export const helpText = (...lines: string[]): string => ["", ...lines].join("\n");
