// argv → a typed invocation. The program is built from the commands' option tables (options/*.ts), parsed
// by commander, and each command's `read` checks the values; nothing runs here. Help and --version are
// printed here (they are the parse's whole answer).

import { Command, CommanderError, Help } from "commander";
import { InputError, suggest, UsageError } from "../shared/errors.js";
import { printableLines, quoted, shellPath, shellWord, wrapText } from "../shared/text.js";
import { type CliIo, writeErr } from "./io.js";
import { addReflowedHelp, helpText, nearLong, type ParseContext, register } from "./options/command.js";
import { MERGE, type MergeInvocation, PERSONAS, type PersonasInvocation } from "./options/population.js";
import {
  POLICIES,
  type PoliciesInvocation,
  REASONS,
  type ReasonsInvocation,
  SCHEMA,
  type SchemaInvocation,
} from "./options/reference.js";
import { RUN, type RunInvocation } from "./options/run.js";
import { SIMULATE, type SimulateInvocation } from "./options/simulate.js";
import { foldChallengerSetWords } from "./options/simulate-values.js";
import { TEST, type TestInvocation } from "./options/test.js";
import {
  COMPLETION,
  type CompletionInvocation,
  EXPLAIN,
  type ExplainInvocation,
  INIT,
  type InitInvocation,
} from "./options/tools.js";
import { WHATIF, type WhatifInvocation } from "./options/whatif.js";
import { VERSION } from "./version.js";

/** What argv asks for: one command with its typed options, keyed on `command`. */
export type Invocation =
  | RunInvocation
  | TestInvocation
  | WhatifInvocation
  | ReasonsInvocation
  | PoliciesInvocation
  | SchemaInvocation
  | SimulateInvocation
  | PersonasInvocation
  | MergeInvocation
  | ExplainInvocation
  | InitInvocation
  | CompletionInvocation;

export type Parsed =
  | { kind: "invocation"; invocation: Invocation }
  /** help or the version was printed (exit 0), or commander refused the command line (exit 2) */
  | { kind: "done"; exitCode: number };

/** The program as commander sees it (what `completion` reads the commands and flags from). */
export function buildProgram(io: CliIo, found: (i: Invocation) => void = () => {}): Command {
  const program = new Command()
    .name("credit-sim")
    .description("Explainable consumer-credit simulator: scenario timelines → scores, decisions and reasons")
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      // its help on stderr (after an error, or for no command at all) is laid out for the width already
      writeErr: (s) => io.stderr.write(s),
      // commander's messages quote what was typed (`unknown option '--x…'`): shown terminal-safe, and
      // wrapped on a terminal as our own errors are
      outputError: (s) => writeErr(io, printableLines(s)),
      getOutHelpWidth: () => (io.stdout.isTTY ? (io.stdout.columns ?? 80) : 80),
      getErrHelpWidth: () => (io.stderr.isTTY ? (io.stderr.columns ?? 80) : 80),
    })
    // commander leaves a description unwrapped when its column is under 40 wide, so below about 70
    // columns the terminal broke every option's line mid-word; 20 is the least any fitted text gets
    .configureHelp({ minWidthToWrap: 20, formatItem: narrowItem })
    .exitOverride();
  addReflowedHelp(
    program,
    helpText(
      "An option given twice takes the last value (so a wrapper's default can be overridden), except one",
      "whose help says to repeat it, which takes every value. Every problem of a command line is told at",
      "once (exit 2).",
      "",
      "Examples:",
      "  credit-sim init my-scenarios",
      "  credit-sim run scenarios/zhang-ming.yaml",
      "  credit-sim explain scenarios/zhang-ming.yaml --day 227",
      "  credit-sim test scenarios/",
      "  credit-sim whatif scenarios/zhang-ming.yaml --avoid suspended",
      "  credit-sim simulate --accounts 10000 --challenger tightened",
    ),
  );
  const ctx: ParseContext = { env: io.env, cwd: io.cwd };
  register(program, RUN, ctx, found);
  register(program, EXPLAIN, ctx, found);
  register(program, TEST, ctx, found);
  register(program, WHATIF, ctx, found);
  register(program, REASONS, ctx, found);
  register(program, POLICIES, ctx, found);
  register(program, SCHEMA, ctx, found);
  register(program, SIMULATE, ctx, found);
  register(program, PERSONAS, ctx, found);
  register(program, MERGE, ctx, found);
  register(program, INIT, ctx, found);
  register(program, COMPLETION, ctx, found);
  return program;
}

/** Indent of a description put under its term (narrowItem). */
const UNDER = "      ";

/**
 * An option, an argument or a command in the help: beside its term while the description has 20 columns
 * to wrap in, else under it, wrapped at the width — in a terminal 20 columns wide commander left every
 * description on its term's line, 100 columns and more, broken by the terminal mid-word. Wrapping under
 * the term goes down to 10 columns; narrower, text is left as written.
 */
function narrowItem(this: Help, term: string, termWidth: number, description: string, helper: Help): string {
  const width = helper.helpWidth ?? 80;
  if (description === "" || width - termWidth - 4 >= 20)
    return Help.prototype.formatItem.call(this, term, termWidth, description, helper);
  const room = width - UNDER.length;
  const wrapped = room >= 10 ? wrapText(description, room, "").join("\n") : description;
  return `  ${term}\n${UNDER}${wrapped.replace(/\n/g, `\n${UNDER}`)}`;
}

/**
 * Parses the arguments after `credit-sim` (no node, no script path). Throws what a command's `read`
 * throws (UsageError / InputError, naming the flag and the value).
 */
export function parseArgv(given: readonly string[], io: CliIo): Parsed {
  // `help`'s output has no colour and no width to fit: a wrapper's --no-color or --wide after it (`help
  // --no-color`) changes nothing, as after any command, and is not read as the command to help with
  const args =
    given[0] === "help" ? given.filter((a, i) => i === 0 || !PRESENTATION_FLAGS.includes(a)) : given;
  let invocation: Invocation | null = null;
  const program = buildProgram(io, (i) => {
    invocation = i;
  });
  // `help <command>`: commander shows the general help for a name it does not know, and exits 0; an
  // unknown command is bad usage here as it is anywhere
  const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (args[0] === "help" && args[1] !== undefined && !names.includes(args[1])) {
    throw new UsageError(
      `unknown command ${quoted(args[1])}`,
      (() => {
        const near = suggest(args[1], names);
        return near
          ? `did you mean "${near}"? (credit-sim help ${near})`
          : "credit-sim --help lists the commands";
      })(),
    );
  }
  // what comes before a command is told as a command's problems are (commander's own words are another
  // form): a word that is no command, an option that is none of credit-sim's own
  const first = args[0];
  if (
    first !== undefined &&
    first !== "help" &&
    first !== "--" &&
    !names.includes(first) &&
    !PROGRAM_OPTIONS.includes(first) &&
    // --help anywhere shows the help, as it does after a command
    !args.includes("--help") &&
    !args.includes("-h")
  )
    throw beforeCommand(
      first,
      args[1],
      program.commands.map((c) => c.name()),
    );
  try {
    program.parse(foldChallengerSetWords(args), { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return { kind: "done", exitCode: commanderExitCode(e) };
    throw e;
  }
  // `credit-sim` alone prints the help and exits through commander (caught above)
  if (invocation === null) throw new Error("commander parsed no command");
  return { kind: "invocation", invocation };
}

/** The flags every command accepts, `help` too, whether or not its output has colour or a width. */
const PRESENTATION_FLAGS = ["--no-color", "--wide"];

/** The options credit-sim takes before a command: its help and its version, each short one before its long. */
const PROGRAM_OPTIONS = ["-h", "--help", "-V", "--version"];

/** The problem with `first`, the word where a command goes: an unknown command, or an option there. */
function beforeCommand(first: string, next: string | undefined, commands: readonly string[]): InputError {
  if (first.startsWith("-") && first !== "-" && first !== "--") {
    const flag = first.split("=")[0]!;
    // a short option in the other case (-v for -V), alone: the long one it stands for is said with it
    // (`-v run …` is an option of run's put before it); a short flag is too near every other for a
    // distance to mean anything
    const short =
      next === undefined
        ? PROGRAM_OPTIONS.findIndex(
            (o) => o !== flag && o.length === 2 && o.toLowerCase() === flag.toLowerCase(),
          )
        : -1;
    const near = nearLong(
      flag,
      PROGRAM_OPTIONS.filter((o) => o.startsWith("--")),
    );
    return new InputError(`unknown option "${flag}"`, {
      expected: `a command first (${commands.join(", ")}), then its options; before it, --help or --version`,
      found: first,
      hint:
        short >= 0
          ? `did you mean "${PROGRAM_OPTIONS[short]}" (${PROGRAM_OPTIONS[short + 1]})?`
          : near !== undefined
            ? `did you mean "${near}"?`
            : next !== undefined && commands.includes(next)
              ? `options go after the command: credit-sim ${next} ${shellWord(first)}`
              : "credit-sim --help lists the commands",
    });
  }
  // `credit-sim version`: the option's name without its dashes
  const near =
    suggest(first, commands) ??
    (first.length >= 4
      ? suggest(
          `--${first}`,
          PROGRAM_OPTIONS.filter((o) => o.startsWith("--")),
        )
      : undefined);
  return new InputError(`unknown command "${first}"`, {
    expected: `a command: ${commands.join(", ")}`,
    found: `"${first}"`,
    hint:
      near !== undefined
        ? `did you mean "${near}"?`
        : // `credit-sim zhang-ming.yaml`: the file to play, without the command that plays it
          /\.(ya?ml|json)$/i.test(first)
          ? `a scenario file goes after a command: credit-sim run ${shellPath(first)}`
          : "credit-sim --help lists the commands",
  });
}

function commanderExitCode(e: CommanderError): number {
  // help asked for and the version are not errors; everything else commander rejects is bad usage — the
  // help it prints for no command at all included (exit 1 from commander: a script that lost its command
  // must fail, with exit 2 as any bad usage)
  if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return 0;
  return e.exitCode === 0 ? 0 : 2;
}
