// A progress bar on stderr, only when stderr is a real terminal and not in CI (cli-progress, loaded lazily).

import { isCI } from "../shared/terminal.js";
import { type CliIo, isTerminalStream } from "./io.js";

export interface Progress {
  update(done: number): void;
  stop(): void;
}

export async function progressBar(total: number, enabled: boolean, io: CliIo): Promise<Progress | null> {
  const stream = io.stderr;
  if (!enabled || !isTerminalStream(stream) || isCI(io.env)) return null;
  const { default: cliProgress } = await import("cli-progress");
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "simulating {bar} {percentage}% | {value}/{total} accounts | {eta_formatted} left",
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}
