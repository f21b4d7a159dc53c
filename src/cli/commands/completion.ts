// `credit-sim completion bash|zsh`: the completion script, read off the program's own option tables.

import { bashCompletion, zshCompletion } from "../../render/completion.js";
import { completionSpec } from "../completion-spec.js";
import type { CliIo } from "../io.js";
import type { CompletionInvocation } from "../options/tools.js";
import { buildProgram } from "../program.js";

export function completionCommand(shell: CompletionInvocation["shell"], io: CliIo): void {
  const spec = completionSpec(buildProgram(io));
  io.stdout.write(shell === "bash" ? bashCompletion(spec) : zshCompletion(spec));
}
