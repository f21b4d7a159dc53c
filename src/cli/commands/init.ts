// `credit-sim init [DIR]`: writes the commented starter scenario; never replaces a file without --force.

import { existsSync, mkdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { SCENARIO_SCHEMA_FILE } from "../../scenario/json-schema.js";
import { STARTER_FILE, starterScenario } from "../../scenario/starter.js";
import { InputError } from "../../shared/errors.js";
import { writeFileAtomic } from "../../shared/write-file.js";
import type { CliIo } from "../io.js";
import type { InitInvocation } from "../options/tools.js";

export function initCommand(dir: string, o: InitInvocation["options"], io: CliIo): void {
  const folder = resolve(io.cwd, dir);
  if (existsSync(folder) && !statSync(folder).isDirectory())
    throw new InputError("not a folder", {
      file: dir,
      hint: "give a folder to write the starter scenario in",
    });
  const file = join(folder, STARTER_FILE);
  const shown = relative(io.cwd, file) || STARTER_FILE;
  if (existsSync(file) && !o.force)
    throw new InputError("the file exists; init never replaces a file", {
      file: shown,
      hint: "choose another folder, or add --force to replace it",
    });
  mkdirSync(folder, { recursive: true });
  const schema = relative(folder, SCENARIO_SCHEMA_FILE).split(sep).join("/");
  writeFileAtomic(file, starterScenario(schema));
  const where = dir === "." ? "" : ` ${dir}`;
  io.stdout.write(
    [
      `wrote ${shown}`,
      "",
      "next:",
      `  npx credit-sim run ${shown}`,
      `  npx credit-sim explain ${shown} --day 73`,
      `  npx credit-sim test${where}`,
      "",
    ].join("\n"),
  );
}
