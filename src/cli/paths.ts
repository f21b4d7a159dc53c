// Paths on the command line start at the working folder the CLI was given (CliIo.cwd), which need not be
// the process's; messages still name each file the way the user wrote it.

import { existsSync } from "node:fs";
import { extname } from "node:path";
import { builtinAsFileHint, typedName } from "../scenario/builtin.js";
import { type LoadedScenario, type LoadOptions, loadScenario } from "../scenario/load.js";
import { BUILTIN_POLICIES, builtinPolicyNames } from "../scenario/load-policy.js";
import { InputError, shownFile } from "../shared/errors.js";
import { resolveTyped } from "../shared/paths.js";
import { quoted } from "../shared/text.js";
import { type CliIo, rootsOf } from "./io.js";

const NAME = /^[A-Za-z0-9_-]+$/;

/** A policy reference from the command line: a built-in name stays a name, a path starts at `cwd`. */
export function policyRefIn(cwd: string, ref: string): string {
  // an empty one stays empty (the loader refuses it) rather than naming the working folder
  if (ref.trim() === "") return ref;
  if (!(NAME.test(ref) && !extname(ref))) {
    const path = resolveTyped(cwd, ref);
    // `--policy tightened.yaml` with no such file: the built-in was meant (the loader sees only the path)
    const builtin = builtinAsFileHint(ref, BUILTIN_POLICIES);
    if (builtin !== undefined && !existsSync(path))
      throw new InputError("policy file not found", { file: ref, hint: builtin });
    return path;
  }
  // the loader looks beside the process, not the working folder this CLI was given
  const there = builtinPolicyNames().includes(ref) ? undefined : typedName(ref, cwd, BUILTIN_POLICIES);
  if (there) throw new InputError(there.message, { ...there.details, field: "--policy" });
  return ref;
}

/** loadScenario for a file named relative to this CLI's working folder (and a --policy override named
 *  relative to it too), its references allowed where this CLI's CREDIT_SIM_ROOT allows them. */
export function loadScenarioIn(io: CliIo, file: string, options: LoadOptions = {}): LoadedScenario {
  const { cwd } = io;
  // an empty name would resolve to the working folder itself
  if (file === "")
    throw new InputError("an empty file name", {
      found: quoted(file),
      hint: "give the path of a scenario file",
    });
  const policy = options.policy !== undefined ? { policy: policyRefIn(cwd, options.policy) } : {};
  // loadScenario names the file as the user wrote it; a policy file's problems, read by its real path,
  // are named relative to the working folder
  const loaded = loadScenario(file, { ...options, ...policy, cwd, roots: rootsOf(io) });
  const named = (text: string) => {
    if (text.startsWith(file)) return text;
    const lead = /^(.+?):(\d+:\d+: )/.exec(text);
    return lead ? `${shownFile(lead[1]!, cwd)}:${lead[2]!}${text.slice(lead[0].length)}` : text;
  };
  return { ...loaded, warnings: (loaded.warnings ?? []).map(named) };
}
