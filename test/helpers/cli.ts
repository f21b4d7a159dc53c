// Two ways to run the CLI in a test.
//
// `cli(args)`: in-process, through the programmatic entry runCli(args, io) with captured stdout/stderr,
// an environment and a working folder: what most CLI tests use (fast, no process). Like a pipe: stdout
// is not a terminal, NO_COLOR=1 and CI=true unless the test says otherwise.
//
// `spawnCli(args)`: the built bin/credit-sim in a child process, for what only a process shows (exit
// codes, pipes, signals, worker threads, the locale). Needs the build (`npm test` builds first).

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { CliIo } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run-cli.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = fileURLToPath(new URL("../../bin/credit-sim", import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** stdout (and stdin) claim to be a terminal */
  tty?: boolean;
  /** the terminal's width, with `tty` */
  columns?: number;
  /** stderr claims to be a terminal this wide */
  stderrColumns?: number;
}

/** The CLI in-process: runCli with captured streams. */
export async function cli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: {
      write: (text: string) => {
        stdout += text;
      },
      isTTY: options.tty === true,
      ...(options.columns !== undefined ? { columns: options.columns } : {}),
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
      },
      ...(options.stderrColumns !== undefined ? { isTTY: true, columns: options.stderrColumns } : {}),
    },
    stdinIsTTY: options.tty === true,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", CI: "true", ...options.env },
    cwd: options.cwd ?? ROOT,
  };
  const status = await runCli(args, io);
  return { status, stdout, stderr };
}

/** A child's environment: NO_COLOR=1 and CI=true unless said otherwise, and no FORCE_COLOR inherited
 *  (to chalk, even an empty FORCE_COLOR forces colour). */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _inherited, ...env } = process.env;
  return { ...env, NO_COLOR: "1", CI: "true", ...extra };
}

/** The built CLI in a child process, as a user runs it: no TTY, no colour unless the env says so. */
export function spawnCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string } = {},
): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: "utf8",
    input: options.input ?? "",
    env: childEnv(options.env),
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
