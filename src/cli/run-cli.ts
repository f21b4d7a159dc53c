// The programmatic entry: `runCli(args, io) → exit code`. Parses, loads the one command it needs, runs it
// with the given streams, environment and folder, and turns what it throws into an exit code: the user's
// mistakes (InputError / UsageError) are one message and exit 2, a command's own verdict (ExitCode) is its
// code, anything else is a bug (70). It never exits the process: bin/credit-sim does that.

import { InputError } from "../shared/errors.js";
import { BrokenPipe } from "../shared/file-errors.js";
import { ownFoldersOf, removeEmptyFolders } from "../shared/folders.js";
import { ExitCode } from "../shared/terminal.js";
import { type CliIo, fitsTerminal, loadFit, writeErr } from "./io.js";
import { toldEmptyOptions } from "./options/empty.js";
import { type Invocation, parseArgv } from "./program.js";

export function runCli(args: readonly string[], io: CliIo): Promise<number> {
  // the folders it makes are its own: another command run meanwhile in this process neither removes nor
  // keeps them
  return ownFoldersOf(() => runCommand(args, io));
}

async function runCommand(args: readonly string[], io: CliIo): Promise<number> {
  try {
    // only a terminal is fitted: a pipe or a file (scripts, CI) does without loading the fitting
    await loadFit(io);
    const parsed = parseArgv(args, io);
    if (parsed.kind === "done") return parsed.exitCode;
    // human text on a terminal fits its width (unless --wide); JSON, pipes and files never change
    const options =
      "options" in parsed.invocation ? (parsed.invocation.options as { wide?: boolean; json?: boolean }) : {};
    const terminal = fitsTerminal(io, options)
      ? (await import("./fit-io.js")).terminalIo(io)
      : { io, done: () => {} };
    try {
      await dispatch(parsed.invocation, terminal.io);
    } finally {
      terminal.done();
    }
    return 0;
  } catch (e) {
    return exitCodeFor(e instanceof InputError ? toldEmptyOptions(e, args) : e, io);
  } finally {
    // what an output refused or stopped leaves: the folders made for it, empty
    removeEmptyFolders();
  }
}

/** Runs an invocation; each command's code is loaded only when it is the one asked for. */
async function dispatch(i: Invocation, io: CliIo): Promise<void> {
  switch (i.command) {
    case "run":
      return (await import("./commands/run.js")).runCommand(i.files, i.options, io);
    case "test":
      return (await import("./commands/test.js")).testCommand(i.paths, i.options, io);
    case "whatif":
      return (await import("./commands/whatif.js")).whatifCommand(i.file, i.options, io);
    case "reasons":
      return (await import("./commands/reasons.js")).reasonsCommand(i.codes, i.options, io);
    case "policies":
      return (await import("./commands/policies.js")).policiesCommand(i.options, io);
    case "schema":
      return (await import("./commands/schema.js")).schemaCommand(io);
    case "simulate":
      return (await import("./commands/simulate.js")).simulateCommand(i.personas, i.options, io);
    case "personas":
      return (await import("./commands/personas.js")).personasCommand(i.options, io);
    case "merge":
      return (await import("./commands/merge.js")).mergeCommand(i.files, i.options, io);
    case "explain":
      return (await import("./commands/explain.js")).explainCommand(i.file, i.options, io);
    case "init":
      return (await import("./commands/init.js")).initCommand(i.dir, i.options, io);
    case "completion":
      return (await import("./commands/completion.js")).completionCommand(i.shell, io);
    default: {
      const never: never = i;
      throw new Error(`no command for ${JSON.stringify(never)}`);
    }
  }
}

function exitCodeFor(e: unknown, io: CliIo): number {
  if (e instanceof InputError) {
    writeErr(io, e.relativeTo(io.cwd).format("credit-sim: "));
    return e.exitCode;
  }
  if (e instanceof ExitCode) return e.code;
  // the reader of an output went away: nothing more to say to it
  if (e instanceof BrokenPipe) return 0;
  const message = e instanceof Error ? e.message : String(e);
  writeErr(
    io,
    `credit-sim: internal error: ${message}\n  this is a bug in credit-sim; set CREDIT_SIM_DEBUG=1 for details`,
  );
  if (io.env.CREDIT_SIM_DEBUG && e instanceof Error) writeErr(io, e.stack ?? "");
  return 70;
}
