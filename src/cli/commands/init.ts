// `credit-sim init [DIR]`: writes the commented starter scenario; never replaces a file without --force,
// and never writes through a symbolic link: the file's name is the program's, not the user's, so a link
// planted under that name (in a cloned repository) must not lead the write elsewhere.

import { statSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { GOLDEN_TRACE_FOLDER } from "../../scenario/builtin.js";
import { schemaComment } from "../../scenario/json-schema.js";
import { STARTER_FILE, starterScenario } from "../../scenario/starter.js";
import { InputError } from "../../shared/errors.js";
import { fileError, throughNonFolder } from "../../shared/file-errors.js";
import { makeFolders } from "../../shared/folders.js";
import { refuseFolderLeadingOut } from "../../shared/link-refusals.js";
import { resolveAsSystem } from "../../shared/paths.js";
import { printable, printablePath, shellPath } from "../../shared/text.js";
import { writeOutput } from "../../shared/write-file.js";
import { occupied, refuseReplacing } from "../../shared/write-plan.js";
import type { CliIo } from "../io.js";
import type { InitInvocation } from "../options/tools.js";
import { undecodedName } from "../output-file.js";

export function initCommand(dir: string, o: InitInvocation["options"], io: CliIo): void {
  const undecoded = undecodedName(io.cwd, dir, undefined, true);
  if (undecoded) throw undecoded;
  const through = throughNonFolder("the folder", dir, io.cwd);
  if (through) throw through;
  const folder = resolveAsSystem(io.cwd, dir);
  if (occupied(folder) && !isFolder(folder, dir))
    throw new InputError("not a folder", {
      file: dir,
      hint: "give a folder to write the starter scenario in",
    });
  // `test` refuses the folder and its files (-u rewrites and removes what it holds): the starter written
  // there, and the `credit-sim test` it names, would be refused
  if (basename(folder) === GOLDEN_TRACE_FOLDER) {
    const above = relative(io.cwd, dirname(folder)) || ".";
    throw new InputError("a golden traces' folder, not one for scenarios", {
      file: dir,
      hint: `give the folder of scenarios it is in, \`credit-sim init ${shellPath(above.split(sep).join("/"))}\`: \`credit-sim test\` refuses a scenario in ${GOLDEN_TRACE_FOLDER}/, and \`test -u\` rewrites and removes the files there`,
    });
  }
  const file = join(folder, STARTER_FILE);
  const shown = relative(io.cwd, file) || STARTER_FILE;
  if (!o.force)
    refuseReplacing(shown, file, "choose another folder, or add --force to replace it", "regular");
  // a link on the way out of the working folder (a repository's `scenarios -> ../../elsewhere`) is not followed
  refuseFolderLeadingOut(shown, file, io.cwd, join(dir, STARTER_FILE));
  makeFolders(folder, dir);
  const schema = schemaComment(folder, io.cwd);
  // without --force, nothing at all may be there (not even a dangling link), up to the moment it is
  // written; with it, only a regular file is replaced
  writeOutput(shown, starterScenario(schema), {
    cwd: io.cwd,
    dashIsStdout: false,
    existing: o.force ? "regular" : "new",
  });
  const path = printable(shellPath(shown));
  // `test` alone runs scenarios/: in the current folder, the new file is named instead; elsewhere the
  // folder, named as the file is (relative to here), not as typed (`../../x/b` beside `../b/…`)
  const here = relative(io.cwd, folder);
  const where = here === "" ? path : printable(shellPath(here.split(sep).join("/")));
  io.stdout.write(
    [
      `wrote ${printablePath(shown)}`,
      "",
      "next:",
      `  credit-sim run ${path}`,
      `  credit-sim explain ${path} --day 73`,
      `  credit-sim test ${where}`,
      "",
    ].join("\n"),
  );
}

/** A folder, or a link to one (a folder the user named may be a link). */
function isFolder(path: string, shown: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch (e) {
    // a dangling link: not a folder to write in
    if ((e as { code?: unknown }).code === "ENOENT") return false;
    throw fileError(e, shown);
  }
}
