// A command's definition for the parser: its name, arguments, option table and help, and `read`, the one
// place that turns what commander parsed into the typed invocation the command runs with.

import { resolve } from "node:path";
import type { Command, Help } from "commander";
import { InputError } from "../../shared/errors.js";
import { isStandardOutput } from "../output-file.js";
import { noStandardInput } from "./standard-input.js";
import { addOptions, type OptionTable, type RawOptions } from "./table.js";

/** What parsing may read besides argv. */
export interface ParseContext {
  env: Readonly<Record<string, string | undefined>>;
  /** the working folder a relative path starts at */
  cwd: string;
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
  const command = program.command(spec.name).description(spec.description);
  for (const alias of spec.aliases ?? []) command.alias(alias);
  for (const [syntax, description] of spec.arguments) command.argument(syntax, description);
  const read = addOptions(command, spec.options());
  if (spec.help !== "")
    command.addHelpText("after", ({ error }) => {
      const output = command.configureOutput();
      const width = (error ? output.getErrHelpWidth?.() : output.getOutHelpWidth?.()) ?? 80;
      return reflowHelp(spec.help, width, command.createHelp());
    });
  command.action((...args: unknown[]) => {
    // commander passes each declared argument, then the options and the command itself
    const positional = args
      .slice(0, spec.arguments.length)
      .map((value, i) => nonEmptyPath(spec.arguments[i]![0], positionalValue(value)));
    positional.forEach((value, i) => {
      noStandardInput(spec.name, spec.arguments[i]![0], list(value));
    });
    found(spec.read(positional, stdoutByName(read(command.opts()), ctx.cwd), ctx));
  });
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
 * `merge ""` said "is a directory" about a name it could not show.
 */
function nonEmptyPath(syntax: string, value: Positional): Positional {
  const noun = /^[<[](files?|paths|dir)\b/.exec(syntax)?.[1];
  if (noun === undefined || !list(value).includes("")) return value;
  const folder = noun === "dir";
  throw new InputError(`an empty ${folder ? "folder" : "file"} name`, {
    found: '""',
    hint: folder
      ? "give the path of a folder, or nothing for the current one"
      : `give the path of a file${noun === "paths" ? " or folder" : ""}`,
  });
}

/** A list argument (`<files...>`, `[paths...]`): empty when none was given. */
export function list(p: Positional): string[] {
  return p === undefined ? [] : typeof p === "string" ? [p] : p;
}

/** A single required argument (`<file>`). */
export function one(p: Positional): string {
  if (typeof p !== "string") throw new Error("a required argument is missing (commander checks this)");
  return p;
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
export const helpText = (...lines: string[]): string => ["", ...lines].join("\n");
