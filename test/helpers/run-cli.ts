// The CLI in-process (runCli), with captured streams and a chosen folder: fast, no child process.

import { runCli } from "../../src/cli/run-cli.js";

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function inProcess(
  args: string[],
  o: { cwd?: string; env?: Record<string, string>; tty?: { columns: number } } = {},
): Promise<InProcessResult> {
  let stdout = "";
  let stderr = "";
  const cwd = o.cwd ?? process.cwd();
  const here = process.cwd();
  // scenario paths are read relative to the process's folder, as the loader reads them
  process.chdir(cwd);
  try {
    const code = await runCli(args, {
      stdout: {
        write: (t: string) => (stdout += t),
        ...(o.tty ? { isTTY: true, columns: o.tty.columns } : {}),
      },
      stderr: { write: (t: string) => (stderr += t) },
      stdinIsTTY: false,
      env: { NO_COLOR: "1", ...o.env },
      cwd,
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(here);
  }
}
